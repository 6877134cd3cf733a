"""Stories by average link over the pairs the story finder scored: the stories ``trace`` writes.

``StoryFinder`` decides online: a new article joins the best of its candidate stories or opens one,
so an early wrong join stays and the order of the articles matters (ECB+ dev, cross-validated
through the contract view: B3 F1 0.867 in file order, 0.83-0.85 shuffled; eval/stories.md).  The
finder scores every new article against the latest members of its candidate stories; those scores,
``p(same topic) * p(same event)`` of the two pair models (``StoryFinder(links=True).links``), are a
sparse graph that is a function of the ingest order only (the idf as of the later article, as the
finder sees it).  ``average_link`` clusters that graph bottom-up, the most similar clusters first,
so what it decides does not hang on which article came first:

- the *link* of two clusters is the mean score of the pairs between them that were scored (a
  pair never scored is no evidence either way: the finder only scores an article against up to
  ``stories.MEMBERS`` members of each candidate, so counting unscored pairs as 0 would cap a
  story at about ``MEMBERS / CUT`` articles);
- the two clusters of highest link merge while it is at least ``CUT``; ties go to the pair of
  lowest article indexes, so the result does not depend on the order of ``links``;
- two clusters whose dated members would span more than ``stories.MAX_DAYS`` days first to last
  merge only on a link of at least ``STRONG`` (ECB+ counts follow-ups weeks later as the same
  event; KCNA's campaigns of one kind would chain without the bound);
- a cluster is named by its first article (lowest index), as ``StoryFinder`` names a story.

Every merge needs one scored pair of at least ``CUT`` between the two clusters, so a cluster never
spans two components of the graph of such pairs; the cost is about ``links * log(links)``.

``StoryGraph`` keeps the pairs of every traced article and those components, so that a trace decides
again only the components a chunk's articles touched (the same result as the whole graph);
``LinkedStories`` is what the trace holds: the online finder, whose own stories become the *threads*
the claim and relay finders read (they decide each article against its thread as it stood then, and
know merges only), and the graph of the pairs it scored.  ECB+ dev through the contract: B3 F1 0.929
(P 0.956) in file order against the threads' 0.893; 5-fold cross-validated 0.907-0.916 in every order
against 0.830-0.865 (eval/stories.md).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .items import Item
from .stories import MAX_DAYS, StoryFinder

__all__ = ["CUT", "STRONG", "Decided", "LinkedStories", "StoryGraph", "average_link", "pack_links", "unpack_links"]

CUT = 0.4
"""The least link at which two clusters merge (ECB+ dev, cross-validated; eval/stories.md)."""
STRONG = 0.6
"""The least link at which two clusters merge although their dated members span more than ``MAX_DAYS``."""


def average_link(
    n: int,
    links: Iterable[tuple[int, int, float]],
    days: Sequence[int],
    *,
    cut: float = CUT,
    strong: float | None = STRONG,
    max_days: int = MAX_DAYS,
) -> list[int]:
    """The cluster of each of ``n`` articles, named by its lowest index.

    ``links`` are scored pairs ``(a, b, score)`` (a pair given twice keeps its last score);
    ``days`` each article's day ordinal (negative: undated); ``max_days`` the span (first to last
    dated member) a merge may reach with a link under ``strong`` (``strong`` None: not even then).
    """
    if len(days) != n:
        raise ValueError(f"{len(days)} days for {n} articles")
    pairs: dict[tuple[int, int], float] = {}
    for a, b, w in links:
        if a == b or not (0 <= a < n and 0 <= b < n):
            raise ValueError(f"link ({a}, {b}) is not between two of {n} articles")
        pairs[(a, b) if a < b else (b, a)] = float(w)
    # per cluster (keyed by its lowest member): neighbour -> [score sum, scored pairs]
    near: list[dict[int, list[float]]] = [{} for _ in range(n)]
    for (a, b), w in pairs.items():
        near[a][b] = [w, 1.0]
        near[b][a] = near[a][b]
    first = [d if d >= 0 else -1 for d in days]
    last = list(first)
    members: list[list[int]] = [[i] for i in range(n)]
    heap = [(-w, a, b) for (a, b), w in pairs.items() if w >= cut]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if not members[a] or not members[b] or b not in near[a]:
            continue
        total, count = near[a][b]
        link = total / count
        if link != -neg:  # stale: the link changed since (a newer entry holds it)
            continue
        if first[a] >= 0 and first[b] >= 0:
            span = max(last[a], last[b]) - min(first[a], first[b])
            if span > max_days and (strong is None or link < strong):
                continue
        keep, gone = (a, b) if a < b else (b, a)
        for c, s in near[gone].items():
            del near[c][gone]
            if c == keep:
                continue
            have = near[keep].get(c)
            if have is None:
                near[keep][c] = near[c][keep] = s
            else:
                have[0] += s[0]
                have[1] += s[1]
        near[gone] = {}
        members[keep].extend(members[gone])
        members[gone] = []
        if first[gone] >= 0:
            first[keep] = first[gone] if first[keep] < 0 else min(first[keep], first[gone])
            last[keep] = max(last[keep], last[gone])
        for c, (total, count) in near[keep].items():
            if total / count >= cut:
                heapq.heappush(heap, (-(total / count), min(keep, c), max(keep, c)))
    out = [0] * n
    for key, ms in enumerate(members):
        for m in ms:
            out[m] = key
    return out


class StoryGraph:
    """The scored pairs of every traced article, its story, and the components of the pairs >= ``CUT``.

    A story never spans two such components, and ``average_link`` of one component reads only the
    component: so ``recluster`` of the components a chunk touched gives the stories a run over the
    whole graph gives (what makes an incremental trace equal one from scratch).
    """

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.seqs: list[int] = []
        self._at_seq: dict[int, int] = {}
        self._links: list[list[tuple[int, float]]] = []
        """Per article, its scored pairs with earlier articles (index, score)."""
        self._days: list[int] = []
        self._root: list[int] = []
        self._component: dict[int, list[int]] = {}
        self.story: list[int] = []
        """Per article, the index of its story's first article."""

    def __len__(self) -> int:
        return len(self._links)

    def index(self, seq: int) -> int:
        """The index of the article of ``seq`` (KeyError: not in the graph)."""
        return self._at_seq[seq]

    def add(
        self, item: Item, links: Sequence[tuple[int, float]], story: int | None = None
    ) -> int:
        """Remember the next article: its scored pairs with earlier articles (by index) and, when restored,
        its story (the index of the story's first article; else its own).  Returns its index."""
        k = len(self._links)
        if any(not 0 <= m < k for m, _ in links) or not (story is None or 0 <= story <= k):
            raise ValueError(f"article {item.id}: a link or story that is not an earlier article")
        self.ids.append(item.id)
        self.seqs.append(item.seq)
        self._at_seq[item.seq] = k
        day = item.ordinal
        self._links.append(list(links))
        self._days.append(day)
        self._root.append(k)
        self._component[k] = [k]
        self.story.append(k if story is None else story)
        for m, w in links:
            if w >= CUT:
                self._union(m, k)
        return k

    def components(self, touched: Iterable[int]) -> list[list[int]]:
        """The articles of each component holding one of ``touched``, in index order."""
        return [sorted(self._component[root]) for root in sorted({self._find(k) for k in touched})]

    def recluster(self, components: Iterable[list[int]]) -> None:
        """Decide again the stories of these ``components`` (``story`` holds them)."""
        for nodes in components:
            local = {k: j for j, k in enumerate(nodes)}
            links = [(local[m], local[k], w) for k in nodes for m, w in self._links[k] if m in local]
            labels = average_link(len(nodes), links, [self._days[k] for k in nodes])
            for k, label in zip(nodes, labels, strict=True):
                self.story[k] = nodes[label]

    def _find(self, k: int) -> int:
        root = k
        while self._root[root] != root:
            root = self._root[root]
        while self._root[k] != root:
            self._root[k], k = root, self._root[k]
        return root

    def _union(self, a: int, b: int) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return
        if len(self._component[ra]) < len(self._component[rb]):
            ra, rb = rb, ra
        self._root[rb] = ra
        self._component[ra].extend(self._component.pop(rb))


def pack_links(links: Sequence[tuple[int, float]]) -> bytes:
    """Scored pairs ``(earlier article's seq, score)`` as stored in ``trace_state.links``."""
    seqs = np.array([q for q, _ in links], dtype="<i8")
    scores = np.array([w for _, w in links], dtype="<f8")
    return seqs.tobytes() + scores.tobytes()


def unpack_links(data: bytes) -> list[tuple[int, float]]:
    """``pack_links`` read back (ValueError on bytes it did not write)."""
    if len(data) % 16:
        raise ValueError("stored story links of a length no version writes")
    n = len(data) // 16
    seqs = np.frombuffer(data, dtype="<i8", count=n)
    scores = np.frombuffer(data, dtype="<f8", count=n, offset=8 * n)
    return [(int(q), float(w)) for q, w in zip(seqs, scores, strict=True)]


class LinkedStories:
    """What the trace keeps of stories: the online ``StoryFinder`` (its stories are the *threads* the claim
    and relay finders read) and the ``StoryGraph`` of the pairs it scored, whose average-link stories the
    trace writes to ``story_articles``."""

    def __init__(self, finder: StoryFinder | None = None) -> None:
        self.finder = StoryFinder(links=True) if finder is None else finder
        if self.finder.links is None:
            raise ValueError("the story finder must keep the pairs it scores (StoryFinder(links=True))")
        self.graph = StoryGraph()
        self._settled = 0

    def restore(self, item: Item, state: bytes, thread: str, links: bytes, story: str) -> None:
        """Remember an article traced before (ValueError on states or ids no version writes)."""
        self.finder.restore(item, state, thread)
        try:
            pairs = [(self.graph.index(q), w) for q, w in unpack_links(links)]
            first = self.graph.index(int(story[1:])) if story != f"s{item.seq}" else None
        except (KeyError, ValueError):
            raise ValueError(f"story {story} or its links name no earlier traced article") from None
        self.graph.add(item, pairs, first)
        self._settled = len(self.graph)

    def add(self, item: Item, state: bytes) -> tuple[str, bytes]:
        """Decide a new article's thread (``StoryFinder.add``) and remember the pairs it scored; returns
        the thread and the pairs packed for ``trace_state.links``."""
        links = self.finder.links
        assert links is not None
        thread = self.finder.add(item, state)
        pairs = [(m, w) for m, _, w in links]
        links.clear()
        self.graph.add(item, pairs)
        return thread, pack_links([(self.graph.seqs[m], w) for m, w in pairs])

    def take_merges(self) -> list[tuple[str, str]]:
        """The thread merges since the last call (``StoryFinder.take_merges``)."""
        return self.finder.take_merges()

    def stories(self, touched: Iterable[int]) -> Decided:
        """The stories of the components holding the articles ``touched`` (indexes), decided again."""
        g = self.graph
        components = g.components(touched)
        nodes = [k for c in components for k in c]
        before = {g.story[k] for k in nodes if k < self._settled}
        g.recluster(components)
        self._settled = len(g)
        members: dict[int, list[int]] = {}
        for k in nodes:
            members.setdefault(g.story[k], []).append(k)
        return Decided(
            [(f"s{g.seqs[g.story[k]]}", g.ids[k]) for k in nodes],
            {f"s{g.seqs[first]}": self.finder.central_of(ms) for first, ms in members.items()},
            len(set(members) - before),
            len(before - set(members)),
        )


@dataclass
class Decided:
    """Stories decided again (``LinkedStories.stories``)."""

    rows: list[tuple[str, str]]
    """``(story id, article id)`` of every article of the components touched."""
    labels: dict[str, str]
    """Each of their stories' label article (``StoryFinder.central_of``)."""
    opened: int
    """Stories that did not exist before."""
    gone: int
    """Stories that existed before and no longer do (merged into others)."""
