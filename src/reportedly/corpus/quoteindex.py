"""The index of quotes across stories: the earlier entries that share a run of ``RUN`` words with a
passage (``claims.ClaimFinder``: a quote of one story met in another).

In the arrays each run of ``RUN`` words is keyed by a 64-bit number: the words' hashes combined in
order by a polynomial modulo 2**64 (``keys``).  The index lives in one process, so Python's string hash will
do (its seed differs between processes; nothing here is stored or sent).  A key holds the first
``cap`` entries added under it, in the order they were added: a stock formula stops proposing more.
Two different runs could share a key (about one chance in a million over the 5 million runs of
25,000 articles): the entries of both are then proposed, and the finder's comparison of the words
rejects the wrong ones; only the cap could then drop an entry that the exact runs would keep.

Built in two phases, for speed: the entries added before the first look-up (a trace's restore:
hundreds of thousands) are kept as their words joined by NUL (``add_joined`` takes them so) and
built at once into sorted arrays of keys, without a Python object per run; the entries added after
it go to a dictionary of runs (tuples of words) beside the arrays, which is all a finder that
restored nothing uses.  The look-ups give the same lists either way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

import numpy as np
import numpy.typing as npt

from .claimtext import MIN_QUOTE_WORDS

__all__ = ["RUN", "QuoteIndex", "keys"]

RUN = MIN_QUOTE_WORDS
"""Words per run: a quote's shortest."""
_MUL = np.uint64(0x9E3779B97F4A7C15)
_SLICE = 8192
"""Entries whose words are hashed at a time when the arrays are built."""

Keys = npt.NDArray[np.uint64]
T = TypeVar("T")


def keys(words: Sequence[str]) -> Keys:
    """The key of each run of ``RUN`` words, in text order (empty when there are fewer words)."""
    n = len(words) - RUN + 1
    if n <= 0:
        return np.empty(0, dtype=np.uint64)
    return _rolled(np.fromiter(map(hash, words), dtype=np.int64, count=len(words)).view(np.uint64), n)


def _runs(words: Sequence[str]) -> list[tuple[str, ...]]:
    """The runs of ``RUN`` words, in text order."""
    return list(zip(*(words[i:] for i in range(RUN)), strict=False))


def _hashes(joined: Sequence[str]) -> Keys:
    """The hash of every word of these entries (words joined by NUL), in order: a slice of entries at
    a time (the words of all of them at once would be millions of strings)."""
    parts = [np.zeros(0, dtype=np.int64)]
    for i in range(0, len(joined), _SLICE):
        flat = "\x00".join(j for j in joined[i : i + _SLICE] if j)
        if flat:
            parts.append(np.fromiter(map(hash, flat.split("\x00")), dtype=np.int64))
    return np.concatenate(parts).view(np.uint64)


def _rolled(ids: Keys, n: int) -> Keys:
    """The ``n`` keys of the runs starting at ``ids[0 .. n-1]`` (wrapping arithmetic modulo 2**64)."""
    out = ids[:n].copy()
    for j in range(1, RUN):
        out *= _MUL
        out += ids[j : j + n]
    return out


class QuoteIndex(Generic[T]):
    """Runs of words -> the first ``cap`` entries holding each, in the order added (module doc)."""

    def __init__(self, cap: int) -> None:
        self._cap = cap
        self._waiting: list[str] = []
        """The words of the entries not built yet, joined by NUL."""
        self._waiting_entries: list[T] = []
        self._entries: list[T] = []
        self._keys: Keys = np.empty(0, dtype=np.uint64)
        """The arrays' keys, sorted, each once."""
        self._first = np.zeros(1, dtype=np.int64)
        """Where each key's entries start in ``_order`` (and where the last ends)."""
        self._order = np.empty(0, dtype=np.int64)
        """Indexes into ``_entries``, grouped by key, in the order added."""
        self._more: dict[tuple[str, ...], list[T]] = {}
        """The entries added after the arrays were built, by run."""
        self._built = False

    def add(self, words: tuple[str, ...], entry: T) -> None:
        """Index ``entry`` under each distinct run of ``words`` whose list is not full yet."""
        if not self._built:
            self.add_joined("\x00".join(words), entry)
            return
        runs = _runs(words)
        if not runs:
            return
        held = dict(zip(runs, self._held(keys(words)).tolist(), strict=True)) if self._keys.size else {}
        for run in dict.fromkeys(runs):
            n = held.get(run, 0)
            more = self._more.get(run)
            if more is None:
                if n < self._cap:
                    self._more[run] = [entry]
            elif n + len(more) < self._cap:
                more.append(entry)

    def add_joined(self, joined: str, entry: T) -> None:
        """``add`` of the words joined by NUL (none is empty or holds a NUL)."""
        if not self._built:
            self._waiting.append(joined)
            self._waiting_entries.append(entry)
        elif joined:
            self.add(tuple(joined.split("\x00")), entry)

    def found(self, words: Sequence[str]) -> list[T]:
        """The entries of each run of ``words`` in text order, each run's in the order added (an entry
        held by several runs comes once per run)."""
        self._build()
        out: list[T] = []
        runs = _runs(words)
        if not runs:
            return out
        more = self._more
        if not self._keys.size:  # nothing restored: the dictionary alone
            for run in runs:
                held = more.get(run)
                if held:
                    out.extend(held)
            return out
        at, hit = self._located(keys(words))
        first, order, entry = self._first, self._order, self._entries.__getitem__
        for run, a, h in zip(runs, at.tolist(), hit.tolist(), strict=True):
            if h:
                out.extend(map(entry, order[first[a] : first[a + 1]].tolist()))
            held = more.get(run)
            if held:
                out.extend(held)
        return out

    def _located(self, ks: Keys) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
        """Where each key is (or would be) among the arrays' keys, and whether it is there."""
        at = np.searchsorted(self._keys, ks)
        hit = at < self._keys.size
        hit[hit] = self._keys[at[hit]] == ks[hit]
        return at, hit

    def _held(self, ks: Keys) -> npt.NDArray[np.int64]:
        """How many entries the arrays hold under each of these keys."""
        at, hit = self._located(ks)
        out = np.zeros(ks.size, dtype=np.int64)
        out[hit] = self._first[at[hit] + 1] - self._first[at[hit]]
        return out

    def _build(self) -> None:
        """The entries added so far, into the arrays (once, at the first look-up)."""
        if self._built:
            return
        self._built = True
        joined, self._entries = self._waiting, self._waiting_entries
        self._waiting, self._waiting_entries = [], []
        lengths = np.fromiter(
            (j.count("\x00") + 1 if j else 0 for j in joined), dtype=np.int64, count=len(joined)
        )
        if int(lengths.sum()) < RUN:
            return
        ids = _hashes(joined)
        starts = np.cumsum(lengths) - lengths
        owner = np.repeat(np.arange(len(joined), dtype=np.int64), lengths)
        # a run is one entry's when it starts at least RUN - 1 words before that entry's end
        n = ids.size - RUN + 1
        offset = np.arange(n, dtype=np.int64) - starts[owner[:n]]
        valid = offset <= lengths[owner[:n]] - RUN
        ks, who = _rolled(ids, n)[valid], owner[:n][valid]
        if not ks.size:
            return
        order = np.argsort(ks, kind="stable")  # by key, then by entry (``who`` ascends): the order added
        ks, who = ks[order], who[order]
        new_key = np.r_[True, ks[1:] != ks[:-1]]
        once = new_key | np.r_[True, who[1:] != who[:-1]]  # an entry once per key
        ks, who, new_key = ks[once], who[once], new_key[once]
        group = np.cumsum(new_key) - 1
        first = np.flatnonzero(new_key)
        keep = np.arange(ks.size) - first[group] < self._cap
        self._keys = ks[new_key]
        self._order = who[keep]
        self._first = np.r_[0, np.cumsum(np.bincount(group[keep], minlength=self._keys.size))].astype(
            np.int64
        )
