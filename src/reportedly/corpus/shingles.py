"""Hashed word shingles of an article's text: what copy detection (``corpus.copies``) compares.

Every hash here is stable across processes and runs (``blake2b``, never Python's ``hash``), since
the per-article state computed on one worker is read by another process, maybe years later.

- ``shingles(words)``: the sorted unique ``uint64`` hashes of every run of ``SHINGLE`` words (a
  polynomial of the word hashes, mod 2**64).
- ``keys(hashes)``: the upper 32 bits of shingle hashes, what the per-article state, the outlet
  furniture counts and the candidate index keep (4 bytes a shingle).
- ``fingerprint(...)``: the shingles of the text outside quotation marks, of the whole text and of
  the lede, without the shingles the caller says are the article's furniture.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from ..find.hedges import quoted_spans

Hashes = npt.NDArray[Any]
"""Sorted, unique ``uint64`` shingle hashes."""

SHINGLE = 8
LEDE_WORDS = 40
LEDE_MIN_WORDS = 12
"""The lede is the first paragraph of this many words or more (shorter ones are headlines, bylines)."""

_WORD = re.compile(r"[^\W_]+")
_MULT = np.uint64(0x100000001B3)
EMPTY: Hashes = np.zeros(0, dtype=np.uint64)
EMPTY32: Hashes = np.zeros(0, dtype=np.uint32)


@functools.lru_cache(maxsize=1 << 20)
def word_hash(word: str) -> int:
    """A stable 64-bit hash of a word (the same in every process and run, unlike ``hash``)."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def words(text: str) -> list[str]:
    """The lower-cased words of a text (runs of letters and digits)."""
    return [w.lower() for w in _WORD.findall(text)]


def shingles(ws: Sequence[str]) -> Hashes:
    """The sorted unique hashes of every run of ``SHINGLE`` words."""
    return np.unique(_runs(ws)) if len(ws) >= SHINGLE else EMPTY


def _runs(ws: Sequence[str]) -> Hashes:
    """The hash of every run of ``SHINGLE`` words, in order (a polynomial of the word hashes, mod 2**64)."""
    n = len(ws) - SHINGLE + 1
    if n <= 0:
        return EMPTY
    h = np.fromiter((word_hash(w) for w in ws), dtype=np.uint64, count=len(ws))
    acc = np.zeros(n, dtype=np.uint64)
    for k in range(SHINGLE):
        acc = acc * _MULT + h[k : k + n]  # wraps around at 2**64, as meant
    return acc


def text_runs(text: str) -> tuple[Hashes, npt.NDArray[np.bool_]]:
    """The hash of every run of ``SHINGLE`` words of the text, in order, and whether each run lies
    outside quotation marks (``find.hedges.quoted_spans``; a run across a quotation mark is not)."""
    found = list(_WORD.finditer(text))
    runs = _runs([m.group().lower() for m in found])
    if not runs.size:
        return EMPTY, np.zeros(0, dtype=bool)
    bounds = np.asarray(quoted_spans(text), dtype=np.int64).ravel()
    if not bounds.size:
        return runs, np.ones(runs.size, dtype=bool)
    starts = np.fromiter((m.start() for m in found), dtype=np.int64, count=len(found))
    piece = np.searchsorted(bounds, starts, "right")  # even: outside quotes (the piece's number * 2)
    first, last = piece[: runs.size], piece[SHINGLE - 1 :]
    return runs, (first == last) & (first % 2 == 0)


def own_shingles(text: str) -> Hashes:
    """The shingles of the text outside quotation marks, each piece apart (none across a quote)."""
    runs, own = text_runs(text)
    return np.unique(runs[own])


def keys(hashes: Hashes) -> Hashes:
    """The sorted unique upper 32 bits (``uint32``) of shingle hashes: what states, furniture and the
    candidate index keep of a shingle."""
    return np.unique((hashes >> np.uint64(32)).astype(np.uint32))


@dataclass(frozen=True, eq=False)
class Fingerprint:
    """What copy detection needs of one article: shingle hashes as sorted, unique ``uint64`` arrays."""

    id: str
    outlet: str | None
    published: str | None
    order: int
    """Ingest order (``seq``), for a stable result (and the earlier of two undated articles when nothing else tells)."""
    own: Hashes
    """Shingles of the text outside quotation marks."""
    every: Hashes
    """Shingles of the whole text."""
    lede: Hashes


Drop = Callable[[Hashes], Hashes]
"""Given the sorted unique keys (``keys``) of an article's shingles, those to drop (its furniture)."""


def fingerprint(
    article_id: str,
    text: str,
    published: str | None = None,
    order: int = 0,
    outlet: str | None = None,
    drop: Drop | None = None,
) -> Fingerprint:
    """The fingerprint of one article's text (``published``: ISO date or None).

    ``drop``: which shingles are the outlet's furniture (by their ``keys``), as ``CopyFinder`` decides
    them as of the article; they are left out of ``own``, ``every`` and ``lede``.  The lede is the
    first paragraph of ``LEDE_MIN_WORDS`` words or more that is not all furniture (a box or link line
    repeated on every page is skipped, a formulaic lede with new names in it is not), its first
    ``LEDE_WORDS`` words, outside quotation marks (a shared quote or title is no shared lede).
    """
    runs, outside = text_runs(text)
    own, every = np.unique(runs[outside]), np.unique(runs)
    gone = drop(keys(every)) if drop is not None else EMPTY32
    paras = [p for p in text.split("\n") if len(p.split()) >= LEDE_MIN_WORDS] or [text]
    lede = EMPTY
    for para in paras:
        lede = shingles(words(para)[:LEDE_WORDS])
        kept = _without(lede, gone)
        if kept.size:
            # outside quotes: a shared quote or title is no shared lede
            lede = np.intersect1d(kept, own_shingles(para), assume_unique=True)
            break
        lede = EMPTY
    return Fingerprint(article_id, outlet, published, order, _without(own, gone), _without(every, gone), lede)


def _without(hashes: Hashes, gone: Hashes) -> Hashes:
    """The shingles whose keys are not in ``gone`` (sorted unique ``uint32``)."""
    if not gone.size or not hashes.size:
        return hashes
    return hashes[~np.isin((hashes >> np.uint64(32)).astype(np.uint32), gone, assume_unique=False)]
