"""Stories: which articles report the same event (two earthquakes in two places are two stories).

Each article's state is ``story_state`` (``storyterms``: hashed word, name and number counts and
the latest year mentioned).  ``StoryFinder`` decides each article online, in ingest order (see
``corpus.items``), and may *merge* two earlier stories when a new article links both strongly.

Pair evidence.  Terms weigh ``(1 + ln count) * idf``, the idf *as of* the articles seen so far
(``ln((N+1)/(df+1)) + 1``, document frequencies in 2**22 hashed buckets).  For the new article
and one earlier article, ``pair_features`` gives the word, name and number cosines, their
product word x name, two era flags (eras, the publication year else the latest year mentioned,
both known and ``ERA_GAP`` or more apart; both known and equal) and the *key-name share*: the
share of the new article's ``KEY_NAMES`` rarest names (by df as of now, among names seen in
another article too) that the earlier article has (two arrests of two players of one team).  Two logistic models
of these features, fitted on ECB+ topics 1-35 by ``reportedly.training.stories``, give the
probability that the two are on the same *topic* (``TOPIC_COEF``, fitted on all pairs) and that
they report the same *event* (``COEF``, fitted on pairs of the same topic only: it learns what
tells two events of one kind apart, e.g. the era and the names).

Candidates.  The article looks up its ``QUERY_TERMS`` rarest already-seen terms in an inverted
index *of articles* (each article is indexed under its ``INDEX_TERMS`` rarest terms, each posting
keeps the ``MAX_POSTING`` latest articles); a story gets one vote per query term whose posting
holds one of its articles; at most ``MAX_CANDIDATES`` stories (most votes first), skipping a
story that a dated article would stretch to span more than ``MAX_DAYS`` days, first to last, when the
story is dated too (a bound on the story, not a window that moves with its latest member: a window
let KCNA's daily formulas chain into "stories" of 700 articles over a year).

Decision (two levels).  Against each candidate story its ``MEMBERS`` latest members are scored
and the ``TOP`` most probable same-event members kept: the topic gate is their mean topic
probability (>= ``GATE``), the story's score their mean event probability (average link).  The
article joins the best gated story with score >= ``JOIN``, else opens ``s<seq>``.  Every *other*
gated candidate with score >= ``MERGE`` (spanning at most ``MAX_DAYS`` days together when both
are dated; an undated story may merge with a dated one, as an undated article may join it), whose
average link with the joined story (mean event probability over both stories' ``MEMBERS`` latest
members) is >= ``LINK`` is merged with it: the
story whose first member is older survives and keeps its id (``take_merges``).  ``JOIN``,
``MERGE``, ``LINK`` and ``GATE`` were chosen on ECB+ dev among 0.3-0.85 in steps of 0.1-0.2,
averaging file order and three shuffles (eval/stories.md), before the key-name feature; in
shuffled orders neighbouring values move B3 F1 by about 0.01, in file order by 0.015-0.03.

Restore equals a continuous run: postings hold articles (mapped to their story at lookup), a
story's members are kept in ingest order (a merge interleaves the two lists), its era and days
are a max / min over its members, and stories are keyed and ordered by their first member, never
by when the story object was made; so ``restore`` with the stored (merged) story ids rebuilds
exactly the memory that ``add`` built, and later decisions and merges are the same.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
import numpy.typing as npt

from .items import Item
from .storyterms import NAME, NUMBER, WORD, Doc, Terms, read_doc, read_state, story_state

__all__ = ["COEF", "TOPIC_COEF", "StoryFinder", "pair_features", "read_state", "story_state"]

FEATURES = ("word", "name", "number", "word*name", "era_far", "era_same", "key_names")
COEF = (-3.041, 3.551, 4.976, 4.361, -0.328, -1.087, 3.93, 3.839)
"""The event model: intercept then one weight per ``FEATURES``, fitted on the 9,057 pairs of the same
ECB+ topic (1-35) by ``python -m reportedly.training.stories FILE`` (which prints both models)."""
TOPIC_COEF = (-5.931, 36.262, 18.493, -1.165, 4.599, -0.019, -0.436, -0.1)
"""The topic model, the same way, fitted on all 297,606 pairs of ECB+ topics 1-35."""
JOIN = 0.5
MERGE = 0.7
LINK = 0.4
GATE = 0.7
TOP = 10
MEMBERS = 10
ERA_GAP = 3
MAX_DAYS = 14
"""The days a dated story may span, first to last (an article joins, two stories merge, only within it)."""
INDEX_TERMS = 40
QUERY_TERMS = 40
MAX_POSTING = 32
MAX_CANDIDATES = 10
KEY_NAMES = 5
_BUCKETS = 1 << 22

Floats = npt.NDArray[np.float64]


def pair_features(cos: Floats, era: int, eras: npt.NDArray[np.int64]) -> Floats:
    """The ``FEATURES`` (rows) of one article against others: ``cos`` is (n, 3) word/name/number
    cosines, ``era`` the article's era and ``eras`` the others' (0: unknown)."""
    known = (eras > 0) & (era > 0)
    gap = np.abs(eras - era)
    return np.column_stack(
        [
            cos[:, WORD],
            cos[:, NAME],
            cos[:, NUMBER],
            cos[:, WORD] * cos[:, NAME],
            (known & (gap >= ERA_GAP)).astype(np.float64),
            (known & (gap == 0)).astype(np.float64),
            cos[:, 3],
        ]
    )


def _mergeable(a: _Story, b: _Story) -> bool:
    """One of them undated (no days to compare), or both dated and within ``MAX_DAYS`` days first to
    last together."""
    return a.first < 0 or b.first < 0 or max(a.last, b.last) - min(a.first, b.first) <= MAX_DAYS


@dataclass
class _Story:
    id: str
    members: list[int]
    era: int = 0
    first: int = -1
    last: int = -1


class StoryFinder:
    """Stories decided online, in ingest order (see the module doc and ``corpus.items``)."""

    def __init__(
        self, coef: Sequence[float] = COEF, topic_coef: Sequence[float] = TOPIC_COEF, links: bool = False
    ) -> None:
        self.links: list[tuple[int, int, float]] | None = [] if links else None
        """With ``links``: every pair ``add`` scored, ``(earlier, later, p(topic) * p(event))`` by article
        index (the order of ``restore`` and ``add``), for ``storylinks.average_link``."""
        self._coef = np.asarray(coef, dtype=np.float64)
        self._topic_coef = np.asarray(topic_coef, dtype=np.float64)
        self._df = np.zeros(_BUCKETS, dtype=np.int32)
        self._n = 0
        self._docs: list[Doc] = []
        self._ids: list[str] = []
        self._eras: list[int] = []
        self._root = np.zeros(1024, dtype=np.int64)
        """Article -> the first member of its story (the story's key: it never changes, merges keep the older)."""
        self._story_at: dict[int, _Story] = {}
        self._by_id: dict[str, _Story] = {}
        self._postings: dict[int, deque[int]] = {}
        self._merges: list[tuple[str, str]] = []
        self._last_seq: int | None = None

    def __len__(self) -> int:
        return len(self._docs)

    def restore(self, item: Item, state: bytes, story_id: str) -> None:
        """Remember an article traced before, in its (stored, merged) story, in ``seq`` order, before any ``add``."""
        doc = self._enter(item, state)
        story = self._by_id.get(story_id) or self._open(story_id)
        self._record(item, doc, story)

    def add(self, item: Item, state: bytes) -> str:
        """The story of a new article (an earlier one's, or a new ``s<seq>``), decided now.

        Stories merged because of it are reported by ``take_merges``."""
        doc = self._enter(item, state)
        era = self._era(doc, item)
        best, others = self._decide(doc, item.ordinal, era)
        story = best or self._open(f"s{item.seq}")
        self._record(item, doc, story)
        for other in others:
            story = self._merge(story, other)
        return story.id

    def take_merges(self) -> list[tuple[str, str]]:
        """The story merges decided since the last call, in order: ``(absorbed id, surviving id)``.

        The trace applies them to the stored rows, in order, in the same transaction as the chunk."""
        merges, self._merges = self._merges, []
        return merges

    def central(self, story_id: str) -> str:
        """The id of the story's most central article: of its first ``MEMBERS``, the one with the highest
        mean similarity to the others.

        The similarity here weighs terms by count only (no idf), so the answer depends on the story's
        members and on nothing else seen since (the same whenever it is asked).
        """
        return self.central_of(self._by_id[story_id].members)

    def central_of(self, members: Sequence[int]) -> str:
        """The id of the most central of these articles (by index, in ingest order), as ``central``."""
        members = sorted(members)[:MEMBERS]
        if len(members) <= 2:
            return self._ids[members[0]]
        totals = [float(self._cosines(self._docs[m], members, by_idf=False)[:, :3].sum()) for m in members]
        return self._ids[members[int(np.argmax(totals))]]

    def _enter(self, item: Item, state: bytes) -> Doc:
        if self._last_seq is not None and item.seq <= self._last_seq:
            raise ValueError(
                f"article {item.id}: seq {item.seq} after {self._last_seq} (not in ingest order)"
            )
        self._last_seq = item.seq
        doc = read_doc(state)
        self._n += 1
        buckets = doc.terms >> 10  # ascending (the terms are sorted): two terms of one bucket are neighbours
        if buckets.size < 2 or (buckets[1:] != buckets[:-1]).all():
            self._df[buckets] += 1  # each bucket once (np.add.at is ten times slower)
        else:
            np.add.at(self._df, buckets, 1)
        return doc

    def _open(self, story_id: str) -> _Story:
        if story_id in self._by_id:
            raise ValueError(f"story {story_id} exists already")
        story = self._by_id[story_id] = _Story(story_id, [])
        return story

    def _record(self, item: Item, doc: Doc, story: _Story) -> None:
        k = len(self._docs)
        era = self._era(doc, item)
        self._docs.append(doc)
        self._ids.append(item.id)
        self._eras.append(era)
        story.members.append(k)
        if k == self._root.size:
            self._root = np.concatenate([self._root, np.zeros_like(self._root)])
        self._root[k] = story.members[0]
        self._story_at[story.members[0]] = story
        story.era = max(story.era, era)
        day = item.ordinal
        if day >= 0:
            story.first = day if story.first < 0 else min(story.first, day)
            story.last = max(story.last, day)
        for h in self._rarest(doc, INDEX_TERMS):
            post = self._postings.get(h)
            if post is None:
                post = self._postings[h] = deque(maxlen=MAX_POSTING)
            post.append(k)

    def _merge(self, a: _Story, b: _Story) -> _Story:
        """Merge two stories: the one with the older first member keeps its id."""
        keep, gone = (a, b) if a.members[0] < b.members[0] else (b, a)
        keep.members = list(heapq.merge(keep.members, gone.members))
        keep.era = max(keep.era, gone.era)
        if gone.first >= 0:
            keep.first = gone.first if keep.first < 0 else min(keep.first, gone.first)
            keep.last = max(keep.last, gone.last)
        self._root[gone.members] = keep.members[0]
        del self._story_at[gone.members[0]]
        del self._by_id[gone.id]
        self._merges.append((gone.id, keep.id))
        return keep

    @staticmethod
    def _era(doc: Doc, item: Item) -> int:
        day = item.day
        return int(day[:4]) if day else doc.era

    def _rarest(self, doc: Doc, n: int, seen: bool = False) -> list[int]:
        """The article's ``n`` terms of lowest document frequency (names and numbers before words on ties).

        With ``seen``, only terms of earlier articles too (those the index can know).
        """
        terms = doc.terms
        df = self._df[terms >> 10]
        if seen:
            terms, df = terms[df > 1], df[df > 1]
        order = np.lexsort((terms, (terms & 3) == WORD, df))
        return [int(h) for h in terms[order[:n]]]

    def _decide(self, doc: Doc, day: int, era: int) -> tuple[_Story | None, list[_Story]]:
        """The story the article joins (None: a new one) and the other stories to merge with it."""
        empty: tuple[int, ...] = ()
        posts = [self._postings.get(h, empty) for h in self._rarest(doc, QUERY_TERMS, seen=True)]
        found = np.fromiter(chain.from_iterable(posts), dtype=np.int64)
        term = np.repeat(np.arange(len(posts), dtype=np.int64), [len(p) for p in posts])
        # votes: the number of query terms whose posting holds an article of the story
        pairs = np.unique(term * len(self._docs) + self._root[found])
        firsts, votes = np.unique(pairs % max(len(self._docs), 1), return_counts=True)
        chosen: list[tuple[_Story, list[int]]] = []
        for at in np.lexsort((firsts, -votes))[:MAX_CANDIDATES]:
            story = self._story_at[int(firsts[at])]
            if day >= 0 and story.last >= 0 and max(story.last, day) - min(story.first, day) > MAX_DAYS:
                continue
            chosen.append((story, story.members[-MEMBERS:]))
        if not chosen:
            return None, []
        members = [m for _, ms in chosen for m in ms]
        cos = self._cosines(doc, members)
        x = pair_features(cos, era, np.array([self._eras[m] for m in members], dtype=np.int64))
        prob, topical = self._prob(x), self._prob(x, self._topic_coef)
        if self.links is not None:
            k = len(self._docs)
            self.links.extend((m, k, float(w)) for m, w in zip(members, prob * topical, strict=True))
        scored: list[tuple[float, _Story]] = []
        at = 0
        for story, ms in chosen:
            p, w = prob[at : at + len(ms)], topical[at : at + len(ms)]
            at += len(ms)
            top = np.argsort(-p, kind="stable")[:TOP]
            if float(w[top].mean()) >= GATE:
                scored.append((float(p[top].mean()), story))
        best: _Story | None = None
        best_score = JOIN
        for score, story in scored:
            if score > best_score or (best is None and score == best_score):
                best, best_score = story, score
        if best is None:
            return None, []
        others = [s for score, s in scored if s is not best and score >= MERGE]
        return best, [s for s in others if _mergeable(best, s) and self._link(best, s) >= LINK]

    def _link(self, a: _Story, b: _Story) -> float:
        """Average link of two stories: the mean pair probability of their ``MEMBERS`` latest members."""
        ms = b.members[-MEMBERS:]
        eras = np.array([self._eras[m] for m in ms], dtype=np.int64)
        x = np.concatenate(
            [
                pair_features(self._cosines(self._docs[k], ms), self._eras[k], eras)
                for k in a.members[-MEMBERS:]
            ]
        )
        return float(self._prob(x).mean())

    def _prob(self, x: Floats, coef: npt.NDArray[np.float64] | None = None) -> Floats:
        c = self._coef if coef is None else coef
        out: Floats = 1.0 / (1.0 + np.exp(-(c[0] + x @ c[1:])))
        return out

    def _cosines(self, doc: Doc, members: list[int], by_idf: bool = True) -> Floats:
        """(n, 4) word, name and number cosines of ``doc`` with each of ``members``, idf as of now, and the
        share of the article's ``KEY_NAMES`` rarest names (seen elsewhere too) each member has."""
        idf = self._idf if by_idf else _ones
        q_terms, q_w = doc.terms, doc.tf * idf(doc.terms)
        q_fam = (q_terms & 3).astype(np.intp)
        q_norm = np.sqrt(np.bincount(q_fam, q_w * q_w, minlength=3))
        docs = [self._docs[m] for m in members]
        terms = np.concatenate([d.terms for d in docs])
        owner = np.repeat(np.arange(len(docs)), [d.terms.size for d in docs])
        w = np.concatenate([d.tf for d in docs]) * idf(terms)
        slot = owner * 3 + (terms & 3).astype(np.intp)
        norms = np.sqrt(np.bincount(slot, w * w, minlength=3 * len(docs))).reshape(-1, 3)
        pos = np.minimum(np.searchsorted(q_terms, terms), max(q_terms.size - 1, 0))
        match = q_terms[pos] == terms if q_terms.size else np.zeros(terms.size, dtype=bool)
        dots = np.bincount(slot[match], w[match] * q_w[pos[match]], minlength=3 * len(docs)).reshape(-1, 3)
        with np.errstate(divide="ignore", invalid="ignore"):
            cos: Floats = np.where(norms * q_norm > 0, dots / (norms * q_norm), 0.0)
        names = q_terms[(q_terms & 3) == NAME]
        df = self._df[names >> 10]
        key = names[df > 1][np.lexsort((names[df > 1], df[df > 1]))[:KEY_NAMES]]
        hit = match & np.isin(q_terms, key)[pos]
        share = np.bincount(owner[hit], minlength=len(docs)) / max(key.size, 1)
        return np.column_stack([cos, share])

    def _idf(self, terms: Terms) -> Floats:
        df = self._df[terms >> 10].astype(np.float64)
        out: Floats = np.log((self._n + 1) / (df + 1)) + 1.0
        return out

    def earlier_features(self) -> Floats:
        """``FEATURES`` of the latest article seen against each earlier one, idf as of now (for training)."""
        j = len(self._docs) - 1
        if j < 1:
            return np.zeros((0, len(FEATURES)))
        cos = self._cosines(self._docs[j], list(range(j)))
        return pair_features(cos, self._eras[j], np.array(self._eras[:j], dtype=np.int64))


def _ones(terms: Terms) -> Floats:
    return np.ones(terms.size)
