"""Copies: pairs of articles where one reproduces the other's text (wire copy, republication, lifted paragraphs).

Each article becomes a ``Fingerprint``: the hashed 8-word shingles of its text *outside quotation
marks* (as ``find.hedges.quoted_spans`` pairs them) (two outlets quoting the same statement or tweet share those words without copying each
other), the shingles of all its text, and the shingles of its lede (the first paragraph of twelve
words or more).  Comparing every pair would be quadratic, so ``candidate_pairs`` looks pairs up in
an inverted index of a fixed sample of the shingles (those whose hash falls in one of ``SAMPLE``
buckets), drops index entries shared by more than ``MAX_POSTING`` articles (stock formulas, which
state media repeat in thousands of stories), and keeps pairs that share at least ``MIN_SAMPLED``
sampled shingles.  The cost grows with the number of shingles, about linearly in the corpus.

Before that, ``without_furniture`` drops from each article the shingles that recur in ``FURNITURE``
or more articles of its own outlet (links, video boxes and newsletter blurbs scraped with the
text).  ``compare`` decides a candidate pair (two dated articles more than ``MAX_DAYS`` apart are
never a copy):

- ``reused``: the larger of the two containments (shared shingles outside quotes over one
  article's own) is at least ``MIN_CONTAINMENT``, with at least ``MIN_SHARED`` shared shingles,
  and so is the larger containment of the whole texts (quotes included), so that a few shared
  lines between long quotes are not a copy;
- ``same_copy`` when the reused text includes a lede (one article's lede appears in the other: a
  trimmed republication, or the same text under a new headline), and both the containment and the
  copy's share are at least ``SAME_CONTAINMENT`` (a later, longer story built around an earlier
  short one reuses it only in part); otherwise ``partial_reuse`` (paragraphs lifted);
- the copy is the later article by publication date; when the dates are equal or unknown, the
  article more contained in the other (a republication is usually the shorter); ``share`` is the
  fraction of the copy's shingles (quotes included) found in the source.

The thresholds were set on the 30 labelled development pairs of ``relay/wire_copy.jsonl``
(``reportedly eval copies``, eval/copies.md); the held-out pairs were not used.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from ..find.hedges import quoted_spans

Hashes = npt.NDArray[Any]
"""Sorted, unique ``uint64`` shingle hashes."""

SHINGLE = 8
SAMPLE = 8
"""One shingle in ``SAMPLE`` (by hash) goes into the candidate index."""
MAX_POSTING = 50
FURNITURE = 3
"""A shingle found in this many articles of one outlet is that outlet's page furniture (links, video
captions, newsletter boxes scraped with the text), not reused reporting."""
MAX_DAYS = 31
"""Two dated articles further apart than this are not a copy of each other (a stock phrase years
later is not reuse)."""
MIN_SAMPLED = 2
MIN_CONTAINMENT = 0.3
MIN_SHARED = 25
SAME_CONTAINMENT = 0.4
LEDE_WORDS = 40

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, eq=False)
class Fingerprint:
    """What copy detection needs of one article: shingle hashes as sorted, unique ``uint64`` arrays."""

    id: str
    outlet: str | None
    published: str | None
    order: int
    """Ingest order, for a stable result (and the earlier of two undated articles when nothing else tells)."""
    own: Hashes
    """Shingles of the text outside quotation marks."""
    every: Hashes
    """Shingles of the whole text."""
    lede: Hashes


@dataclass(frozen=True)
class Copy:
    """``article_id`` reproduces text of ``source_article_id`` (a row of the corpus contract's ``copies``)."""

    article_id: str
    source_article_id: str
    kind: str
    """``same_copy`` or ``partial_reuse``."""
    share: float
    """Fraction of the copy's text (its shingles) found in the source."""
    containment: float
    """The larger share of one article's text outside quotes found in the other (the deciding figure)."""


_MULT = np.uint64(0x100000001B3)
_EMPTY: Hashes = np.zeros(0, dtype=np.uint64)


@functools.lru_cache(maxsize=1 << 20)
def _word_hash(word: str) -> int:
    """A stable 64-bit hash of a word (the same in every process and run, unlike ``hash``)."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def _shingles(words: Sequence[str]) -> Hashes:
    """The sorted unique hashes of every run of ``SHINGLE`` words (a polynomial of the word hashes, mod 2**64)."""
    n = len(words) - SHINGLE + 1
    if n <= 0:
        return _EMPTY
    h = np.fromiter((_word_hash(w) for w in words), dtype=np.uint64, count=len(words))
    acc = np.zeros(n, dtype=np.uint64)
    for k in range(SHINGLE):
        acc = acc * _MULT + h[k : k + n]  # wraps around at 2**64, as meant
    return np.unique(acc)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _common(a: Hashes, b: Hashes) -> int:
    return int(np.intersect1d(a, b, assume_unique=True).size)


def fingerprint(
    article_id: str, text: str, published: str | None = None, order: int = 0, outlet: str | None = None
) -> Fingerprint:
    """The fingerprint of one article's text (``published``: ISO date or None)."""
    outside, prev = [], 0
    for start, end in quoted_spans(text):
        outside.append(text[prev:start])
        prev = end
    outside.append(text[prev:])
    own = np.unique(np.concatenate([_shingles(_words(piece)) for piece in outside]))
    paras = [p for p in text.split("\n") if len(p.split()) >= 12]
    lede = _shingles(_words(paras[0] if paras else text)[:LEDE_WORDS])
    return Fingerprint(article_id, outlet, published, order, own, _shingles(_words(text)), lede)


def candidate_pairs(fps: Sequence[Fingerprint], new: Iterable[int] | None = None) -> Iterator[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, that share at least ``MIN_SAMPLED`` sampled shingles.

    With ``new`` (indices of newly added fingerprints), only pairs with at least one new member.
    """
    index: dict[int, list[int]] = defaultdict(list)
    for i, fp in enumerate(fps):
        for h in fp.own[fp.own % np.uint64(SAMPLE) == 0].tolist():
            index[h].append(i)
    fresh = set(range(len(fps))) if new is None else set(new)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for posting in index.values():
        if len(posting) < 2 or len(posting) > MAX_POSTING:
            continue
        for x in range(len(posting)):
            for y in range(x + 1, len(posting)):
                i, j = posting[x], posting[y]
                if i in fresh or j in fresh:
                    shared[(i, j)] += 1
    for pair, n in sorted(shared.items()):
        if n >= MIN_SAMPLED:
            yield pair


def _days_apart(a: str | None, b: str | None) -> int | None:
    try:
        return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days) if a and b else None
    except ValueError:
        return None


def without_furniture(fps: Sequence[Fingerprint]) -> list[Fingerprint]:
    """The fingerprints without each outlet's page furniture (shingles in ``FURNITURE`` or more of its articles)."""
    by_outlet: dict[str, list[int]] = defaultdict(list)
    for i, fp in enumerate(fps):
        if fp.outlet:
            by_outlet[fp.outlet].append(i)
    out = list(fps)
    for members in by_outlet.values():
        if len(members) < FURNITURE:
            continue
        values, counts = np.unique(np.concatenate([fps[i].every for i in members]), return_counts=True)
        furniture = values[counts >= FURNITURE]
        if not furniture.size:
            continue
        for i in members:
            fp = fps[i]
            out[i] = Fingerprint(
                fp.id, fp.outlet, fp.published, fp.order,
                *(np.setdiff1d(x, furniture, assume_unique=True) for x in (fp.own, fp.every, fp.lede)),
            )
    return out


def compare(a: Fingerprint, b: Fingerprint) -> Copy | None:
    """The copy relation between two articles, or None when neither reproduces the other."""
    if not (a.own.size and b.own.size and a.every.size and b.every.size):
        return None
    days = _days_apart(a.published, b.published)
    if days is not None and days > MAX_DAYS:
        return None
    inter = _common(a.own, b.own)
    ca, cb = inter / a.own.size, inter / b.own.size
    best = max(ca, cb)
    if inter < MIN_SHARED or best < MIN_CONTAINMENT:
        return None
    every = _common(a.every, b.every)
    if max(every / a.every.size, every / b.every.size) < MIN_CONTAINMENT:
        return None  # a few shared lines in a text that is mostly quotes (or page furniture between quotes)
    same_lede = _common(a.lede, b.every) > 0 or _common(b.lede, a.every) > 0
    copy, source = _direction(a, b, ca, cb)
    share = every / copy.every.size
    kind = "same_copy" if same_lede and min(best, share) >= SAME_CONTAINMENT else "partial_reuse"
    return Copy(copy.id, source.id, kind, round(share, 4), round(best, 4))


def _direction(a: Fingerprint, b: Fingerprint, ca: float, cb: float) -> tuple[Fingerprint, Fingerprint]:
    """(copy, source): the later by date; else the more contained; else the later ingested."""
    if a.published and b.published and a.published != b.published:
        return (a, b) if a.published > b.published else (b, a)
    if ca != cb:
        return (a, b) if ca > cb else (b, a)
    return (a, b) if a.order > b.order else (b, a)


def find_copies(fps: Sequence[Fingerprint], new: Iterable[int] | None = None) -> list[Copy]:
    """Every copy among the fingerprints (with ``new``: every copy involving a new one), in a stable order."""
    fps = without_furniture(fps)
    out = [c for i, j in candidate_pairs(fps, new) if (c := compare(fps[i], fps[j])) is not None]
    return sorted(out, key=lambda c: (c.article_id, c.source_article_id))
