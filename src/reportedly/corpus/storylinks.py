"""Stories by average link over the pairs the story finder scored (measured; not yet what ``trace`` writes).

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
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence

from .stories import MAX_DAYS

__all__ = ["CUT", "STRONG", "average_link"]

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
