"""Copies: pairs of articles where one reproduces the other's text (wire copy, republication, lifted paragraphs).

Each article becomes a ``Fingerprint``: the hashed 8-word shingles of its text *outside quotation
marks* (two outlets quoting the same statement or tweet share those words without copying each
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
  trimmed republication, or the same text under a new headline) and the containment is at least
  ``SAME_CONTAINMENT``; otherwise ``partial_reuse`` (some paragraphs lifted, a different lede);
- the copy is the later article by publication date; when the dates are equal or unknown, the
  article more contained in the other (a republication is usually the shorter); ``share`` is the
  fraction of the copy's shingles (quotes included) found in the source.

The thresholds were set on the 30 labelled development pairs of ``relay/wire_copy.jsonl``
(``reportedly eval copies``, eval/copies.md); the held-out pairs were not used.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

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
MIN_SHARED = 10
SAME_CONTAINMENT = 0.4
LEDE_WORDS = 40

_QUOTED = re.compile(r"“[^”\n]{0,1500}”|\"[^\"\n]{0,1500}\"")
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Fingerprint:
    """What copy detection needs of one article."""

    id: str
    outlet: str | None
    published: str | None
    order: int
    """Ingest order, for a stable result (and the earlier of two undated articles when nothing else tells)."""
    own: frozenset[int]
    """Shingles of the text outside quotation marks."""
    every: frozenset[int]
    """Shingles of the whole text."""
    lede: frozenset[int]


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


def _hash(words: Sequence[str]) -> int:
    digest = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


def _shingles(words: Sequence[str]) -> set[int]:
    return {_hash(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def fingerprint(
    article_id: str, text: str, published: str | None = None, order: int = 0, outlet: str | None = None
) -> Fingerprint:
    """The fingerprint of one article's text (``published``: ISO date or None)."""
    own: set[int] = set()
    for piece in _QUOTED.split(text):
        own |= _shingles(_words(piece))
    paras = [p for p in text.split("\n") if len(p.split()) >= 12]
    lede = _shingles(_words(paras[0] if paras else text)[:LEDE_WORDS])
    every = frozenset(_shingles(_words(text)))
    return Fingerprint(article_id, outlet, published, order, frozenset(own), every, frozenset(lede))


def candidate_pairs(fps: Sequence[Fingerprint], new: Iterable[int] | None = None) -> Iterator[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, that share at least ``MIN_SAMPLED`` sampled shingles.

    With ``new`` (indices of newly added fingerprints), only pairs with at least one new member.
    """
    index: dict[int, list[int]] = defaultdict(list)
    for i, fp in enumerate(fps):
        for h in fp.own:
            if h % SAMPLE == 0:
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
    import datetime as dt

    try:
        return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days) if a and b else None
    except ValueError:
        return None


def without_furniture(fps: Sequence[Fingerprint]) -> list[Fingerprint]:
    """The fingerprints without each outlet's page furniture (shingles in ``FURNITURE`` or more of its articles)."""
    counts: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for fp in fps:
        if fp.outlet:
            for h in fp.every:
                counts[fp.outlet][h] += 1
    out = []
    for fp in fps:
        if not fp.outlet:
            out.append(fp)
            continue
        c = counts[fp.outlet]
        furniture = {h for h in fp.every if c[h] >= FURNITURE}
        if not furniture:
            out.append(fp)
            continue
        out.append(
            Fingerprint(fp.id, fp.outlet, fp.published, fp.order, fp.own - furniture, fp.every - furniture, fp.lede - furniture)
        )
    return out


def compare(a: Fingerprint, b: Fingerprint) -> Copy | None:
    """The copy relation between two articles, or None when neither reproduces the other."""
    if not a.own or not b.own or not a.every or not b.every:
        return None
    days = _days_apart(a.published, b.published)
    if days is not None and days > MAX_DAYS:
        return None
    inter = len(a.own & b.own)
    ca, cb = inter / len(a.own), inter / len(b.own)
    best = max(ca, cb)
    if inter < MIN_SHARED or best < MIN_CONTAINMENT:
        return None
    every = len(a.every & b.every)
    if max(every / len(a.every), every / len(b.every)) < MIN_CONTAINMENT:
        return None  # a few shared lines in a text that is mostly quotes (or page furniture between quotes)
    same_lede = bool(a.lede & b.every) or bool(b.lede & a.every)
    kind = "same_copy" if same_lede and best >= SAME_CONTAINMENT else "partial_reuse"
    copy, source = _direction(a, b, ca, cb)
    share = len(copy.every & source.every) / len(copy.every) if copy.every else 0.0
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
