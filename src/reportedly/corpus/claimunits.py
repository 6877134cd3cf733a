"""Claim units: what one analysed article brings to the claims across articles (``claims``), and the
compact state the trace stores of them.

``claim_units(report)`` reads every per-article claim (``Report.claims``) with its span, level
(corrected for what matters across articles: ``claimlevel.unit_level``), attribution, cues and
origin, plus every quotation of at least ``claimtext.MIN_QUOTE_WORDS`` words that is not already a
claim's span (the ``claims`` module doc says how).  ``claim_state`` is those units as bytes (pure,
computed on any worker); ``read_claim_state`` reads them back.  Each unit carries the span of the
sentences it lies in (``where``: what the finder reads as its context), so that a restore needs
neither the text's sentences nor, for most units, the text.
"""

from __future__ import annotations

import json
import zlib
from typing import NamedTuple

from ..anatomy import blank, inline_furniture
from ..model import Report
from .claimlevel import bare, quote_regions, unit_level
from .claimtext import MIN_QUOTE_WORDS, passage, sentence_spans, within_sentences
from .items import Item

__all__ = ["STATE_VERSION", "ClaimUnit", "claim_state", "claim_units", "read_claim_state"]

STATE_VERSION = 3
"""First byte of every claim state; a state of another version is refused, but for ``_READABLE``."""
_READABLE = frozenset({2, STATE_VERSION})
"""Versions read: a state of version 2 has no ``where`` (None: ``claims.placed`` finds it in the text)."""


class ClaimUnit(NamedTuple):
    """One claim of one article: ``text[start:end]`` at ``level`` (see the module doc).

    A named tuple (immutable, and cheap to build and to send between processes: a trace restores
    hundreds of thousands)."""

    start: int
    end: int
    level: str
    attribution: str | None
    cues: tuple[tuple[int, int], ...]
    origin_name: str | None
    origin_type: str | None
    quote: bool = False
    """A quotation (direct quote) rather than a per-article claim."""
    extent: tuple[int, int] | None = None
    """The whole attribution (source, cue and content) the claim belongs to: what matching reads."""
    act: bool = False
    """Attributed to an act ("the court ruled", "the governor approves"): as certain as the outlet's
    own statement and as an attribution, so it drifts against neither (``claimlevel.ACT_CUES``)."""
    where: tuple[int, int] | None = None
    """The span of the sentence(s) the claim lies in (``claimtext.within_sentences`` of ``start``,
    ``end``): its context; None when read from a state of version 2."""

    @property
    def reach(self) -> tuple[int, int]:
        """The span matching reads: the attribution's extent, else the claim's span."""
        return self.extent or (self.start, self.end)


def claim_units(report: Report) -> list[ClaimUnit]:
    """The claim units of one analysed article, in text order (module doc)."""
    text = report.article.text
    text = blank(text, inline_furniture(text))  # no quotation in a name card's headlines (Item.text)
    origins: dict[str, tuple[str, str]] = {}
    for ch in report.chains:
        if ch.attribution and ch.hops:
            origins.setdefault(ch.attribution, (ch.hops[0].name, ch.hops[0].type))
    outlet = (report.article.outlet, "outlet") if report.article.outlet else (None, None)
    regions = quote_regions(text)
    extents = {
        a.id: (
            min(x[0] for x in a.source + a.cue + a.content),
            max(x[1] for x in a.source + a.cue + a.content),
        )
        for a in report.attributions
        if a.content
    }
    by_id = {a.id: a for a in report.attributions}
    units: list[ClaimUnit] = []
    spans = set()
    for c in report.claims:
        span = (c.span[0], c.span[1])
        level, cues, act = unit_level(c, text, regions, by_id, report.attributions)
        name, kind = origins.get(c.attribution or "", outlet) if c.attribution else outlet
        ext = extents.get(c.attribution or "")
        ext = (min(ext[0], span[0]), max(ext[1], span[1])) if ext else None
        units.append(ClaimUnit(span[0], span[1], level, c.attribution, cues, name, kind, False, ext, act))
        spans.add(bare(text, *span))
    for s, e in regions:
        if bare(text, s, e) in spans or len(passage(text[s:e]).words) < MIN_QUOTE_WORDS:
            continue
        owner = next(
            (a for a in report.attributions if any(cs <= s < ce or s <= cs < e for cs, ce in a.content)), None
        )
        name, kind = origins.get(owner.id, outlet) if owner else (None, None)
        units.append(
            ClaimUnit(
                s,
                e,
                "attributed",
                owner.id if owner else None,
                tuple(owner.cue) if owner else (),
                name,
                kind,
                True,
            )
        )
    units.sort(key=lambda u: (u.start, u.end))
    sentences = sentence_spans(text)
    return [u._replace(where=within_sentences(sentences, u.start, u.end)) for u in units]


def claim_state(item: Item, report: Report) -> bytes:
    """What the finder keeps of one article: its claim units, as compact bytes (pure)."""
    del item  # the state depends on the report only; the item is the contract's first argument
    rows = [
        [
            u.start,
            u.end,
            u.level,
            u.attribution,
            [list(c) for c in u.cues],
            u.origin_name,
            u.origin_type,
            int(u.quote),
            list(u.extent) if u.extent else None,
            int(u.act),
            list(u.where) if u.where else None,
        ]
        for u in claim_units(report)
    ]
    return bytes([STATE_VERSION]) + zlib.compress(json.dumps(rows, separators=(",", ":")).encode())


def read_claim_state(state: bytes) -> list[ClaimUnit]:
    """The claim units of a ``claim_state``."""
    if not state or state[0] not in _READABLE:
        raise ValueError(f"not a claim state of version {STATE_VERSION} (recompute it with claim_state)")
    rows = json.loads(zlib.decompress(state[1:]))
    return [
        ClaimUnit(
            r[0],
            r[1],
            r[2],
            r[3],
            tuple(map(tuple, r[4])),
            r[5],
            r[6],
            bool(r[7]),
            (r[8][0], r[8][1]) if r[8] else None,
            bool(r[9]),
            (r[10][0], r[10][1]) if len(r) > 10 and r[10] else None,
        )
        for r in rows
    ]
