"""Relays between stored articles, decided online in ingest order (``corpus.items``): the rows of ``relays``.

A relay is a passage of one article taken from, or credited to, another stored article.  Three
kinds come from three finders' decisions, all made when the later-ingested article of a pair
arrives:

- **cites**: an explicit credit ("according to Yonhap", "told CNN", "The Washington Post
  reported"; ``relays.outlet_credits``, kept as the article's ``relay_state``) resolved by
  ``relays.resolve`` to the credited outlet's article *of the same story*, near in time, that
  carries the credited claim.  A credit no stored article answers stays *pending* in its story:
  an article of the credited outlet that joins the story later is tried against it (a corpus
  ingested downstream first still gets its relays), and a credit is resolved at most once.  A
  credit that is never resolved gives no row: its origin is outside the corpus, and no other
  article is named instead.
- **verbatim_quote / partial_quote / paraphrase**: a claim-group member and the mention of another
  article it matched (``claims.Membership.partner``), from the later (by date, then ingest) to the
  earlier.
- **wire_copy**: a copy (``copies.Copy``), from the copy to its source, over the stretch of each text
  that the shared 8-word runs cover (``shared_stretch``).

``RelayFinder`` keeps, per story, its articles (id, outlet, day) and its pending credits;
``restore`` rebuilds both from the stored states (the credits already resolved are passed back),
``merge_story`` follows a story merge.  Texts are read through ``fetch`` only when a candidate
exists (an article of the credited outlet in the story), and cached.
"""

from __future__ import annotations

import dataclasses
import heapq
import json
import re
import zlib
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import Report
from ..registry import Registry, load_registry
from .items import Item
from .relays import Credit, outlet_credits, outlet_key, resolve

__all__ = [
    "RelayFinder",
    "RelayRow",
    "read_relay_state",
    "relay_state",
    "shared_stretch",
]

STATE_VERSION = 1
CACHE = 2000
"""Texts of candidate articles kept between look-ups."""
RUN = 8
"""Words per run that ``shared_stretch`` compares (the copies layer's shingle size)."""

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class RelayRow:
    """A row of ``relays``: ``article_id``'s ``[start, end)`` taken from, or credited to, the origin's span."""

    article_id: str
    start: int
    end: int
    origin_article_id: str
    origin_start: int
    origin_end: int
    relation: str
    """verbatim_quote, partial_quote, paraphrase, wire_copy or cites."""
    credit: str | None = None
    """cites: the credited outlet (registry name)."""
    attribution_id: str | None = None
    """cites: the citing attribution's id."""
    match: str | None = None
    """cites: how the credited passage matches the origin's (verbatim_quote, partial_quote, paraphrase)."""
    score: float | None = None
    group_id: str | None = None
    """quotes and paraphrases: the claim group of the pair."""


def relay_state(report: Report, registry: Registry | None = None) -> bytes:
    """What the relay finder keeps of one article: its credits to news media, as compact bytes (pure)."""
    reg = registry or load_registry()
    rows = [dataclasses.asdict(c) for c in outlet_credits(report, reg)]
    return bytes([STATE_VERSION]) + zlib.compress(json.dumps(rows, separators=(",", ":")).encode())


_NO_CREDITS = bytes([STATE_VERSION]) + zlib.compress(b"[]")
"""The state of most articles (four in five of a news corpus): read without decoding."""


def read_relay_state(state: bytes) -> list[Credit]:
    """The credits of a ``relay_state``."""
    if state == _NO_CREDITS:
        return []
    if not state or state[0] != STATE_VERSION:
        raise ValueError(f"not a relay state of version {STATE_VERSION} (recompute it with relay_state)")
    out = []
    for r in json.loads(zlib.decompress(state[1:])):
        fields: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in r.items()}
        out.append(Credit(**fields))
    return out


def credit_key(article_id: str, c: Credit) -> tuple[str, int, int, str]:
    """How a resolved credit is recognised in ``relays`` (article, span, credited outlet)."""
    return (article_id, c.start, c.end, c.outlet)


@dataclass(frozen=True, slots=True)
class _Art:
    id: str
    seq: int
    outlet: str | None
    """Registry name (or normalised name) of the article's outlet."""


@dataclass(frozen=True, slots=True)
class _Pending:
    citing: _Art
    credit: Credit


@dataclass
class _Story:
    articles: list[_Art] = field(default_factory=list)
    pending: list[_Pending] = field(default_factory=list)


class RelayFinder:
    """Cites relays, decided online in ingest order (module doc).

    ``fetch(ids)`` returns stored articles (texts included) by id; it is called only for the
    candidates of a credit.
    """

    def __init__(
        self, fetch: Callable[[Sequence[str]], Mapping[str, Item]], registry: Registry | None = None
    ) -> None:
        self._fetch = fetch
        self._reg = registry or load_registry()
        self._stories: dict[str, _Story] = defaultdict(_Story)
        self._outlets: dict[str | None, str | None] = {}
        self._cache: OrderedDict[str, Item] = OrderedDict()

    def outlet(self, name: str | None) -> str | None:
        """The registry name of an outlet as written (cached)."""
        if name not in self._outlets:
            self._outlets[name] = outlet_key(name, self._reg)
        return self._outlets[name]

    def merge_story(self, absorbed: str, surviving: str) -> None:
        """Move the articles and pending credits of story ``absorbed`` into ``surviving``, in ingest order."""
        gone = self._stories.pop(absorbed, None)
        if gone is None:
            return
        kept = self._stories[surviving]
        kept.articles = list(heapq.merge(kept.articles, gone.articles, key=lambda a: a.seq))
        kept.pending = list(heapq.merge(kept.pending, gone.pending, key=lambda p: p.citing.seq))

    def restore(
        self, item: Item, state: bytes, story_id: str, resolved: Iterable[tuple[str, int, int, str]] = ()
    ) -> None:
        """Remember an article traced before (in ``seq`` order): ``resolved``, its credits that have a cites row."""
        done = set(resolved)
        art = _Art(item.id, item.seq, self.outlet(item.outlet))
        story = self._stories[story_id]
        story.pending.extend(
            _Pending(art, c) for c in read_relay_state(state) if credit_key(item.id, c) not in done
        )
        story.articles.append(art)

    def add(self, item: Item, state: bytes, story_id: str) -> list[RelayRow]:
        """The cites relays decided by a new article: its own credits, and pending ones it answers."""
        self._remember(item)
        art = _Art(item.id, item.seq, self.outlet(item.outlet))
        story = self._stories[story_id]
        rows: list[RelayRow] = []
        credits = read_relay_state(state)
        if credits:
            wanted = {c.outlet for c in credits}
            candidates = [a for a in story.articles if a.outlet in wanted and a.id != item.id]
            texts = self._texts([a.id for a in candidates])
            for c in credits:
                found = resolve(
                    c,
                    item,
                    [texts[a.id] for a in candidates if a.outlet == c.outlet and a.id in texts],
                    self._reg,
                )
                if found is None:
                    story.pending.append(_Pending(art, c))
                else:
                    rows.append(
                        _cites(
                            c,
                            found.origin_article_id,
                            found.origin_start,
                            found.origin_end,
                            found.relation,
                            found.score,
                            item.id,
                        )
                    )
        answered = [p for p in story.pending if p.citing.id != item.id and p.credit.outlet == art.outlet]
        if answered and art.outlet is not None:
            texts = self._texts(sorted({p.citing.id for p in answered}))
            settled: set[int] = set()
            for p in answered:
                citing = texts.get(p.citing.id)
                if citing is None:
                    continue
                found = resolve(p.credit, citing, [item], self._reg)
                if found is not None:
                    rows.append(
                        _cites(
                            p.credit,
                            item.id,
                            found.origin_start,
                            found.origin_end,
                            found.relation,
                            found.score,
                            citing.id,
                        )
                    )
                    settled.add(id(p))
            if settled:
                story.pending = [p for p in story.pending if id(p) not in settled]
        story.articles.append(art)
        return rows

    def texts(self, ids: Sequence[str]) -> dict[str, Item]:
        """Stored articles by id, texts included (cached; the rest read through ``fetch``)."""
        return self._texts(ids)

    def remember(self, items: Iterable[Item]) -> None:
        """Keep these articles' texts at hand (the chunk being decided)."""
        for it in items:
            self._remember(it)

    def _remember(self, item: Item) -> None:
        if item.text:
            self._cache[item.id] = item
            self._cache.move_to_end(item.id)
            while len(self._cache) > CACHE:
                self._cache.popitem(last=False)

    def _texts(self, ids: Sequence[str]) -> dict[str, Item]:
        out = {i: self._cache[i] for i in ids if i in self._cache}
        missing = [i for i in ids if i not in out]
        if missing:
            for i, it in self._fetch(missing).items():
                out[i] = it
                self._remember(it)
        return out


def _cites(c: Credit, origin: str, s: int, e: int, match: str, score: float, citing: str) -> RelayRow:
    return RelayRow(citing, c.start, c.end, origin, s, e, "cites", c.outlet, c.attribution, match, score)


def shared_stretch(a: str, b: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The stretch of ``a`` and the stretch of ``b`` covered by the runs of ``RUN`` words they share
    (case-folded): from the first shared run to the last, in each text; None when they share none."""
    wa = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(a)]
    wb = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(b)]
    runs_b: dict[tuple[str, ...], list[int]] = {}
    for i in range(len(wb) - RUN + 1):
        runs_b.setdefault(tuple(w for _, _, w in wb[i : i + RUN]), []).append(i)
    hits_a: list[int] = []
    hits_b: list[int] = []
    for i in range(len(wa) - RUN + 1):
        at = runs_b.get(tuple(w for _, _, w in wa[i : i + RUN]))
        if at:
            hits_a.append(i)
            hits_b.extend(at)
    if not hits_a:
        return None
    sa, ea = wa[hits_a[0]][0], wa[hits_a[-1] + RUN - 1][1]
    sb, eb = wb[min(hits_b)][0], wb[max(hits_b) + RUN - 1][1]
    return (sa, ea), (sb, eb)
