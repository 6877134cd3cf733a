"""A capped inverted index: each key keeps the first ``cap`` articles that had it, compactly.

``CopyFinder`` keeps two: sampled shingle -> articles (the candidate index, capped at
``MAX_POSTING``), and (outlet, shingle) -> articles (outlet furniture, every shingle, capped at
``FURNITURE - 1``).  They only grow, in ingest order, and a key held ``cap`` times is *full*:
later articles are not added to it, and what it holds stays.  So a key's entry is the first
``cap`` holders of the key, and adding many articles at once (``extend``, sorted in numpy) gives
exactly what adding them one by one gives.

Entries are two sorted numpy arrays (``uint64`` key, ``uint32`` article number: 12 bytes an entry,
not the hundred of a dict of lists), in two tiers: a small recent one that new entries are
inserted into, merged into the main one when it passes ``RECENT`` entries or an eighth of the main
one (so adding one article copies the small tier, not the whole index, and the merges copy each
entry a bounded number of times on average).  ``count_before`` answers "how many of the key's
holders came before article n" for any n, at any later time (the holders of a key never change).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

Ints = npt.NDArray[Any]

RECENT = 1 << 16


def _ranges(starts: Ints, counts: Ints) -> Ints:
    """``concatenate([arange(s, s + c) for s, c in zip(starts, counts)])``, without the loop."""
    total = int(counts.sum())
    if not total:
        return np.zeros(0, dtype=np.int64)
    shift = np.repeat(starts.astype(np.int64) - (np.cumsum(counts) - counts), counts)
    return shift + np.arange(total, dtype=np.int64)


class CappedPostings:
    """Key (``uint64``) -> the first ``cap`` article numbers (``uint32``, increasing) added with it."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self._tiers: list[tuple[Ints, Ints]] = [
            (np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.uint32)),
            (np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.uint32)),
        ]

    def __len__(self) -> int:
        return sum(int(k.size) for k, _ in self._tiers)

    def extend(self, keys: Ints, numbers: Ints, holders: bool = False) -> tuple[Ints, Ints, Ints]:
        """Add entries (``keys[i]`` held by article ``numbers[i]``), as if one article after another.

        ``numbers`` are larger than any added before and an article's keys are unique.  Returns, for
        each entry, how many articles held its key before (at most ``cap``: then the key was full and
        the entry is not kept); with ``holders``, the pairs (article, earlier holder), one per shared
        key that was not full, as two arrays.
        """
        order = np.lexsort((numbers, keys))
        k, n = keys[order], numbers[order].astype(np.uint32)
        m = k.size
        pos = np.arange(m)
        first = np.maximum.accumulate(np.where(np.r_[True, k[1:] != k[:-1]], pos, 0)) if m else pos
        before_here = pos - first  # holders of the key among the new entries before this one
        spans = []
        rank = before_here.copy()
        for tk, ti in self._tiers:
            lo, hi = np.searchsorted(tk, k, "left"), np.searchsorted(tk, k, "right")
            rank += hi - lo
            spans.append((lo, hi - lo, ti))
        kept = rank < self.cap
        new_of = np.zeros(0, dtype=np.uint32)
        old_of = np.zeros(0, dtype=np.uint32)
        if holders:
            ask = kept & (rank > 0)
            news, olds = [], []
            for lo, count, ti in [*spans, (first, before_here, n)]:
                c = count[ask]
                news.append(np.repeat(n[ask], c))
                olds.append(ti[_ranges(lo[ask], c)])
            new_of, old_of = np.concatenate(news), np.concatenate(olds)
        self._insert(k[kept], n[kept])
        seen = np.empty(m, dtype=np.int64)
        seen[order] = np.minimum(rank, self.cap)
        return seen, new_of, old_of

    def count_before(self, keys: Ints, number: int) -> Ints:
        """For each key, how many of its (first ``cap``) holders are articles numbered below ``number``.

        Deterministic for any article ``number`` already added, however many were added since: a
        key's first ``cap`` holders never change once there.
        """
        out = np.zeros(keys.size, dtype=np.int64)
        for tk, ti in self._tiers:
            lo, hi = np.searchsorted(tk, keys, "left"), np.searchsorted(tk, keys, "right")
            count = hi - lo
            hit = count > 0
            if hit.any():
                below = ti[_ranges(lo[hit], count[hit])] < number
                owner = np.repeat(np.flatnonzero(hit), count[hit])
                out += np.bincount(owner, weights=below, minlength=keys.size).astype(np.int64)
        return np.minimum(out, self.cap)

    def nbytes(self) -> int:
        """Bytes held by the entries."""
        return sum(int(k.nbytes + i.nbytes) for k, i in self._tiers)

    def _insert(self, k: Ints, n: Ints) -> None:
        """Insert sorted entries (each after the entries of its key already there) into the recent tier."""
        (mk, mi), (rk, ri) = self._tiers
        at = np.searchsorted(rk, k, "right")
        rk, ri = np.insert(rk, at, k), np.insert(ri, at, n)
        if rk.size > max(RECENT, mk.size // 8):  # merged ever less often: linear in all
            at = np.searchsorted(mk, rk, "right")
            mk, mi = np.insert(mk, at, rk), np.insert(mi, at, ri)
            rk, ri = rk[:0], ri[:0]
        self._tiers = [(mk, mi), (rk, ri)]
