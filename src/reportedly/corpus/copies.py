"""Copies: pairs of articles where one reproduces the other's text (wire copy, republication, lifted paragraphs).

Decided online, in ingest order (``corpus.items``): ``CopyFinder.add`` compares each new article
with the earlier ones only, so each pair is decided once, when its later-ingested member arrives,
and ``restore`` of the first n articles then ``add`` of the rest gives exactly what ``add`` of all
gives, for every n.

The finder reads ``Item.reading``: the text with the blocks the anatomy typed as captions, credits,
bylines, bios, tags and boilerplate blanked (``items.NOT_READ``: a photo gallery pasted under two
CNN articles is not one copying the other).

**Per article** (``copy_state``, pure, computed on any worker; 4,040 bytes on average for the
AllSides articles, 779 for the KCNA stories, 1,424 over the 25,305 of the benchmark): the keys
(upper 32 bits) of *all* its shingles (hashed 8-word runs, ``shingles.keys``), sorted, and one bit
each telling whether it is *sampled* (a shingle of the text outside quotation marks whose hash
falls in one of ``SAMPLE`` buckets).  ``STATE_VERSION`` is its first byte.  Nothing else is kept:
the full fingerprint of an earlier article is recomputed from its text when it is a candidate
(``fetch`` reads the texts from the store in one call per chunk; the fingerprints are cached, the
last ``CACHE`` of them).

**The finder's memory**, rebuilt by ``restore`` from the states alone, in ``seq`` order (the texts
are not needed), all "as of" the articles seen so far:

- outlet furniture: (outlet, shingle key) -> the first ``FURNITURE - 1`` articles of the outlet
  with it, for every shingle.  A shingle of an article that ``FURNITURE - 1`` earlier articles of
  its outlet had is that outlet's furniture *as of the article*: page furniture (links, video and
  newsletter boxes, photo galleries scraped into every page) and the formulas of template stories
  ("X, president of Y, arrived here ...": the formula's shingles, not those with the names in
  them).  It is dropped from the article's fingerprint.  Which shingles are dropped is fixed by the
  articles before it: a key's first holders never change, so ``CappedPostings.count_before`` gives
  the same answer whenever the article's fingerprint is recomputed, and ``restore`` rebuilds it.
  For two articles of one outlet this is also the template rule: a shingle they share is dropped
  from the later one as soon as *one* other earlier article of the outlet had it too.  The limit:
  the first ``FURNITURE - 1`` articles of an outlet that share text (a formula, a box) cannot tell
  it from reporting yet, and an article of another outlet never drops it.  Only the later
  article's side is dropped as of the pair: its shared shingles that are furniture are out of the
  intersection already, and dropping them from the earlier article too would only shrink its
  size, raising its containment.
- the candidate index: sampled shingle (not furniture) -> the first ``MAX_POSTING`` articles
  holding it.  A new article is proposed the earlier articles that share at least ``MIN_SAMPLED``
  sampled shingles with it, through shingles held by fewer than ``MAX_POSTING`` earlier articles
  (a stock formula of another outlet, repeated in thousands of stories, stops proposing anything
  once that many earlier articles had it), and dated within ``MAX_DAYS`` of it when both dates
  are known.

``compare`` decides a candidate pair (two dated articles more than ``MAX_DAYS`` apart are never a copy):

- ``reused``: the larger of the two containments (shared shingles outside quotes over one
  article's own) is at least ``MIN_CONTAINMENT``, with at least ``MIN_SHARED`` shared shingles,
  and so is the larger containment of the whole texts (quotes included), so that a few shared
  lines between long quotes are not a copy;
- ``same_copy`` when the reused text includes a lede (one article's lede, outside quotes and
  without furniture, appears in the other: a
  trimmed republication, or the same text under a new headline), and both the containment and the
  copy's share are at least ``SAME_CONTAINMENT`` (a later, longer story built around an earlier
  short one reuses it only in part); otherwise ``partial_reuse`` (paragraphs lifted);
- the copy is the later article by publication date; when the dates are equal or unknown, the
  article more contained in the other (a republication is usually the shorter), else the later
  ingested; ``share`` is the fraction of the copy's shingles (quotes included) found in the source.

The thresholds were set on the 30 labelled development pairs of ``relay/wire_copy.jsonl``
(``reportedly eval copies``, eval/copies.md); the held-out pairs were not used.
"""

from __future__ import annotations

import datetime as dt
import struct
from array import array
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .items import Item
from .postings import CappedPostings, Ints
from .shingles import Fingerprint, fingerprint, keys, text_runs

__all__ = ["Copy", "CopyFinder", "Fingerprint", "compare", "copy_state", "find_copies", "fingerprint"]

SAMPLE = 8
"""One shingle in ``SAMPLE`` (by hash) goes into the candidate index."""
MAX_POSTING = 50
FURNITURE = 3
"""A shingle found in this many articles of one outlet (this one and earlier ones) is that outlet's
furniture (page furniture scraped with the text, the formula of template stories), not reused reporting."""
MAX_DAYS = 31
"""Two dated articles further apart than this are not a copy of each other (a stock phrase years
later is not reuse)."""
MIN_SAMPLED = 2
MIN_CONTAINMENT = 0.3
MIN_SHARED = 25
SAME_CONTAINMENT = 0.4
CACHE = 4096
"""Fingerprints the finder keeps (least recently used go first)."""
CHUNK = 1024
"""``add_many`` fetches the candidates of this many new articles at a time."""
STATE_VERSION = 3
"""First byte of every state; a state of another version is refused (recompute the states).  3: the
text read is ``Item.reading`` (captions, credits, bylines and boilerplate blanked), since 2026-12-04."""

_HEADER = struct.Struct("<BI")


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


def copy_state(item: Item) -> bytes:
    """What the finder keeps of one article: the keys of all its shingles, which are sampled (module doc)."""
    runs, outside = text_runs(item.reading)
    every = keys(runs)
    sampled = np.isin(every, keys(runs[outside & (runs % np.uint64(SAMPLE) == 0)]), assume_unique=True)
    return (
        _HEADER.pack(STATE_VERSION, every.size)
        + every.astype("<u4").tobytes()
        + np.packbits(sampled).tobytes()
    )


def read_state(state: bytes) -> tuple[Ints, Ints]:
    """The keys of all the shingles (``uint32``, sorted) of a ``copy_state``, and which are sampled (bool)."""
    if len(state) < _HEADER.size or state[0] != STATE_VERSION:
        raise ValueError(f"not a copy state of version {STATE_VERSION} (recompute it with copy_state)")
    _, n = _HEADER.unpack_from(state)
    if len(state) != _HEADER.size + 4 * n + (n + 7) // 8:
        raise ValueError("a copy state of the wrong length")
    every = np.frombuffer(state, dtype="<u4", count=n, offset=_HEADER.size).astype(np.uint32)
    bits = np.frombuffer(state, dtype=np.uint8, offset=_HEADER.size + 4 * n)
    return every, np.unpackbits(bits, count=n).astype(bool)


def _days_apart(a: str | None, b: str | None) -> int | None:
    try:
        return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days) if a and b else None
    except ValueError:
        return None


def _common(a: Ints, b: Ints) -> int:
    return int(np.intersect1d(a, b, assume_unique=True).size)


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


class CopyFinder:
    """Copies decided online, in ingest order (see the module doc).

    ``fetch(ids)`` returns the stored articles with those ids, with their text (one call per
    chunk of new articles; an id it leaves out raises ``LookupError``).  With ``keep_proposed``,
    ``proposed`` lists every (article, earlier candidate) pair the index proposed (for the scorer).
    """

    def __init__(
        self, fetch: Callable[[Sequence[str]], Mapping[str, Item]], keep_proposed: bool = False
    ) -> None:
        self._fetch = fetch
        self._index = CappedPostings(MAX_POSTING)
        self._outlet_shingles = CappedPostings(FURNITURE - 1)
        self._outlets: dict[str, int] = {}
        self._outlet_of = array("i")
        self._ids: list[str] = []
        self._days = array("i")
        self._cache: OrderedDict[str, Fingerprint] = OrderedDict()
        self._last_seq: int | None = None
        self._pending: list[tuple[Item, bytes]] = []
        self.proposed: list[tuple[str, str]] | None = [] if keep_proposed else None
        self.stats: Counter[str] = Counter()
        """``candidates`` (pairs compared), ``fetched`` (articles read through ``fetch``), ``fingerprints`` (computed)."""

    def __len__(self) -> int:
        return len(self._ids) + len(self._pending)

    def restore(self, item: Item, state: bytes) -> None:
        """Remember an article traced before (in ``seq`` order, before any ``add``); ``item.text`` is not read.

        Restored articles are recorded in bulk (``CHUNK`` at a time, or at the next ``add``).
        """
        self._check_order(item)
        read_state(state)  # refuse a bad state now, not at the next add
        self._pending.append((item, state))
        if len(self._pending) >= CHUNK:
            self._settle()

    def add(self, item: Item, state: bytes) -> list[Copy]:
        """The copies between a new article and the earlier ones (decided now, once); then remember it."""
        return self.add_many([(item, state)])[0]

    def add_many(self, items_and_states: Iterable[tuple[Item, bytes]]) -> list[list[Copy]]:
        """``add`` of each article in order (the same result), fetching the candidates of ``CHUNK`` at once."""
        out: list[list[Copy]] = []
        chunk: list[tuple[Item, bytes]] = []
        for pair in items_and_states:
            self._check_order(pair[0])
            chunk.append(pair)
            if len(chunk) >= CHUNK:
                out.extend(self._add_chunk(chunk))
                chunk = []
        if chunk:
            out.extend(self._add_chunk(chunk))
        return out

    def _check_order(self, item: Item) -> None:
        if self._last_seq is not None and item.seq <= self._last_seq:
            raise ValueError(
                f"article {item.id}: seq {item.seq} after {self._last_seq} (not in ingest order)"
            )
        self._last_seq = item.seq

    def _settle(self) -> None:
        if self._pending:
            pending, self._pending = self._pending, []
            self._record(pending, propose=False)

    def _add_chunk(self, chunk: Sequence[tuple[Item, bytes]]) -> list[list[Copy]]:
        # Remembering an article needs nothing decided before it, so the whole chunk is recorded
        # first, then the candidates' texts are read in one fetch, then the pairs are compared.
        self._settle()
        first = len(self._ids)
        proposals = self._record(chunk, propose=True)
        here = {item.id: item for item, _ in chunk}
        wanted = {self._ids[n] for cands in proposals for n in cands}
        missing = sorted(wanted - here.keys() - self._cache.keys())
        texts: dict[str, Item] = {}
        if missing:
            texts.update(self._fetch(missing))
            self.stats["fetched"] += len(missing)
        texts.update(here)
        out: list[list[Copy]] = []
        for number, ((item, _), cands) in enumerate(zip(chunk, proposals, strict=True), start=first):
            found: list[Copy] = []
            if cands:
                new = self._fingerprint(texts, number)
                for n in cands:
                    self.stats["candidates"] += 1
                    c = compare(self._fingerprint(texts, n), new)
                    if c is not None:
                        found.append(c)
            if self.proposed is not None:
                self.proposed.extend((item.id, self._ids[n]) for n in cands)
            out.append(found)
        return out

    def _record(self, chunk: Sequence[tuple[Item, bytes]], propose: bool) -> list[list[int]]:
        """Remember articles (numbered from ``len(self)``); with ``propose``, each one's earlier candidates
        (article numbers, increasing), as if recorded one after another."""
        first = len(self._ids)
        states = [read_state(state) for _, state in chunk]
        numbers = np.arange(first, first + len(chunk), dtype=np.uint32)
        furniture = self._record_furniture([item.outlet for item, _ in chunk], states, numbers)
        sampled = [k[s & ~f].astype(np.uint64) for (k, s), f in zip(states, furniture, strict=True)]
        sizes = np.array([s.size for s in sampled], dtype=np.int64)
        ks = np.concatenate(sampled) if sampled else np.zeros(0, dtype=np.uint64)
        _, new, old = self._index.extend(ks, np.repeat(numbers, sizes), holders=propose)
        self._ids.extend(item.id for item, _ in chunk)
        self._days.extend(item.ordinal for item, _ in chunk)
        out: list[list[int]] = [[] for _ in chunk]
        if not propose or not new.size:
            return out
        pairs, shared = np.unique((new.astype(np.uint64) << np.uint64(32)) | old, return_counts=True)
        pairs = pairs[shared >= MIN_SAMPLED]
        new, old = (pairs >> np.uint64(32)).astype(np.int64), (pairs & np.uint64(0xFFFFFFFF)).astype(np.int64)
        days = np.array(self._days, dtype=np.int64)
        dn, do = days[new], days[old]
        near = (dn < 0) | (do < 0) | (np.abs(dn - do) <= MAX_DAYS)
        for a, b in zip(new[near].tolist(), old[near].tolist(), strict=True):
            out[a - first].append(b)
        return out

    def _record_furniture(
        self, outlets: Sequence[str | None], states: Sequence[tuple[Ints, Ints]], numbers: Ints
    ) -> list[Ints]:
        """Count the articles' shingles for their outlets; which of each article's are furniture (as of it)."""
        out = [np.zeros(k.size, dtype=bool) for k, _ in states]
        ids = [-1 if o is None else self._outlets.setdefault(o, len(self._outlets)) for o in outlets]
        self._outlet_of.extend(ids)
        has = [i for i, o in enumerate(ids) if o >= 0 and states[i][0].size]
        if not has:
            return out
        keyed = [np.uint64(ids[i]) << np.uint64(32) | states[i][0].astype(np.uint64) for i in has]
        sizes = np.array([k.size for k in keyed], dtype=np.int64)
        seen, _, _ = self._outlet_shingles.extend(np.concatenate(keyed), np.repeat(numbers[has], sizes))
        for i, s in zip(has, np.split(seen, np.cumsum(sizes)[:-1]), strict=True):
            out[i] = s >= FURNITURE - 1
        return out

    def _fingerprint(self, texts: Mapping[str, Item], number: int) -> Fingerprint:
        """The fingerprint of article ``number``: from the cache, else from its text without its furniture."""
        article_id = self._ids[number]
        fp = self._cache.get(article_id)
        if fp is not None:
            self._cache.move_to_end(article_id)
            return fp
        item = texts.get(article_id)
        if item is None:
            raise LookupError(f"article {article_id}: fetch did not return it")
        outlet = self._outlet_of[number]
        drop = None
        if outlet >= 0:
            base = np.uint64(outlet) << np.uint64(32)

            def drop(ks: Ints) -> Ints:
                held = self._outlet_shingles.count_before(base | ks.astype(np.uint64), number)
                return ks[held >= FURNITURE - 1]

        fp = fingerprint(item.id, item.reading, item.published, item.seq, item.outlet, drop)
        self.stats["fingerprints"] += 1
        self._cache[article_id] = fp
        if len(self._cache) > CACHE:
            self._cache.popitem(last=False)
        return fp

    def memory(self) -> dict[str, int]:
        """Bytes held by the candidate index and the outlet furniture counts."""
        return {"index": self._index.nbytes(), "furniture": self._outlet_shingles.nbytes()}


def find_copies(items: Sequence[Item]) -> list[Copy]:
    """Every copy among some articles (``add`` of each in ``seq`` order by a fresh finder), as decided."""
    ordered = sorted(items, key=lambda it: it.seq)
    by_id = {it.id: it for it in ordered}
    finder = CopyFinder(lambda ids: {i: by_id[i] for i in ids})
    return [c for found in finder.add_many((it, copy_state(it)) for it in ordered) for c in found]
