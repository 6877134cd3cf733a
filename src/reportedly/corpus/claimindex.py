"""Candidate mentions for claim matching within a story: the few that may be the same claim, without comparing all.

``ClaimFinder`` compares a new claim unit with the latest mentions of its story
(``claims.MAX_STORY_MENTIONS``) through ``claimtext.same_claim``, on the unit's passage and on its
sentence.  In a story of thousands of mentions (a long-running KCNA theme) that is millions of
comparisons per article.  ``same_claim(a, b) > 0`` needs (``may_match``) either

- a quote: one passage's words are a run of the other's, so the shorter's content stems are all
  the longer's; or
- a paraphrase: ``claimtext.similarity`` at least ``MIN_OVERLAP``: at least ``MIN_SHARED``
  shared terms (stems and figures), and at least ``MIN_OVERLAP`` of the smaller passage's terms.

``StoryIndex`` keeps, per story, the positions (in the story's mention list) of the mentions
holding each stem and each figure, for the passage and for the sentence, and each mention's
numbers of stems and terms; ``candidates`` counts the shared stems and figures of every mention at
once (``numpy.bincount`` over the postings of the unit's terms) and returns the positions that pass
either test.  The candidates are a superset of the mentions ``same_claim`` accepts, so the
decisions are exactly those of comparing every mention; only the time changes.

``may_match`` must stay a necessary condition of ``same_claim``: ``tests/test_corpus_claims_trace.py``
checks it on random passages and on real ones.  The thresholds are read from ``claimtext`` at each
call, so a sweep that changes them there (``reportedly eval drift``) changes both.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from . import claimtext
from .claimtext import Passage

__all__ = ["SMALL", "StoryIndex", "may_match", "may_quote"]

SMALL = 32
"""A story of fewer mentions is scanned with ``may_match`` rather than indexed."""
_EPS = 1e-9
_UNITS = 1 << 20
"""Rank key of a mention: its article's ``seq`` times this, plus its place among the article's mentions."""


def may_quote(a: Passage, b: Passage) -> bool:
    """A necessary condition of ``claimtext.quoted_in(a, b)``: the shorter's stems are all the longer's."""
    stems = len(a.stems & b.stems)
    return stems == len(a.stems) or stems == len(b.stems)


def may_match(a: Passage, b: Passage) -> bool:
    """A necessary condition of ``claimtext.same_claim(a, b) > 0`` (module doc)."""
    stems = len(a.stems & b.stems)
    if stems == len(a.stems) or stems == len(b.stems):
        return True
    shared = stems + len(a.numbers & b.numbers)
    smaller = min(len(a.stems) + len(a.numbers), len(b.stems) + len(b.numbers))
    return shared >= claimtext.MIN_SHARED and shared >= claimtext.MIN_OVERLAP * smaller - _EPS


def _count(postings: dict[str, array[int]], terms: Iterable[str], n: int) -> npt.NDArray[np.int64]:
    found = [postings[t] for t in terms if t in postings]
    if not found:
        return np.zeros(n, dtype=np.int64)
    return np.bincount(np.concatenate([np.frombuffer(a, dtype=np.int32) for a in found]), minlength=n)


class _Channel:
    """The postings of one kind of passage (the unit's own, or its sentence)."""

    def __init__(self) -> None:
        self.stems: dict[str, array[int]] = {}
        self.numbers: dict[str, array[int]] = {}
        self.n_stems = array("i")
        """Stems of each mention's passage (-1: no passage of this kind, never a candidate)."""
        self.n_terms = array("i")

    def add(self, at: int, p: Passage | None) -> None:
        if p is None:
            self.n_stems.append(-1)
            self.n_terms.append(-1)
            return
        self.n_stems.append(len(p.stems))
        self.n_terms.append(len(p.stems) + len(p.numbers))
        for t in p.stems:
            self.stems.setdefault(t, array("i")).append(at)
        for t in p.numbers:
            self.numbers.setdefault(t, array("i")).append(at)

    def absorb(self, other: _Channel, offset: int) -> None:
        for mine, theirs in ((self.stems, other.stems), (self.numbers, other.numbers)):
            for t, at in theirs.items():
                moved = (np.frombuffer(at, dtype=np.int32) + offset).astype(np.int32)
                mine.setdefault(t, array("i")).frombytes(moved.tobytes())
        self.n_stems.extend(other.n_stems)
        self.n_terms.extend(other.n_terms)

    def hits(self, q: Passage, n: int) -> npt.NDArray[np.bool_]:
        stems = _count(self.stems, q.stems, n)
        shared = stems + _count(self.numbers, q.numbers, n)
        n_stems = np.frombuffer(self.n_stems, dtype=np.int32)
        n_terms = np.frombuffer(self.n_terms, dtype=np.int32)
        quote = (stems == len(q.stems)) | (stems == n_stems)
        smaller = np.minimum(n_terms, len(q.stems) + len(q.numbers))
        paraphrase = (shared >= claimtext.MIN_SHARED) & (shared >= claimtext.MIN_OVERLAP * smaller - _EPS)
        out: npt.NDArray[np.bool_] = (quote | paraphrase) & (n_stems >= 0)
        return out


class StoryIndex:
    """The term postings of one story's mentions, by position in its mention list (module doc).

    Each position also keeps its mention's rank key (the article's ``seq``, then the unit's place among
    the article's mentions, which come together): the window of the latest mentions is by ingest,
    whatever the list's order."""

    def __init__(self) -> None:
        self.size = 0
        self._own = _Channel()
        self._sentence = _Channel()
        self._keys = array("q")
        self._last = (-1, -1)

    def add(self, p: Passage, sentence: Passage | None, seq: int) -> None:
        """Index the next mention of the story (position ``size``), of the article ingested ``seq``th."""
        n = self._last[1] + 1 if seq == self._last[0] else 0
        self._last = (seq, n)
        self._keys.append(seq * _UNITS + n)
        self._own.add(self.size, p)
        self._sentence.add(self.size, sentence)
        self.size += 1

    def absorb(self, other: StoryIndex) -> None:
        """Append another story's mentions (its list appended to this one's), their positions moved."""
        self._own.absorb(other._own, self.size)
        self._sentence.absorb(other._sentence, self.size)
        self._keys.extend(other._keys)
        self._last = other._last
        self.size += other.size

    def candidates(self, p: Passage, sentence: Passage | None, window: int) -> list[int]:
        """Positions, among the latest ``window`` by ingest, of the mentions that may match the unit, in order."""
        n = self.size
        keep = self._own.hits(p, n)
        if sentence is not None:
            keep |= self._sentence.hits(sentence, n)
        if n > window:
            keys = np.frombuffer(self._keys, dtype=np.int64)
            keep &= keys >= np.partition(keys, n - window)[n - window]
        return [int(i) for i in np.flatnonzero(keep)]
