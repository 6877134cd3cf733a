"""Frozen records of a report.

Every position is a half-open ``(start, end)`` pair of character offsets
(Python ``str`` indices) into ``Article.text``.  Text is never stored twice:
the ``text`` fields some records carry are conveniences derived from the
article at construction time and are checked against it by the tests.

The records pickle cheaply (for Dask workers), compare with ``==`` and map
one-to-one onto the rows of the store.  ``Report.to_dict`` / ``from_dict``
give the JSON shape of ``docs/report-contract.md``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any

SCHEMA = "reportedly.report/1"

Span = tuple[int, int]
"""A half-open character range into ``Article.text``."""

# Source and hop types: one vocabulary, documented in README.md.
SOURCE_TYPES = (
    "person",
    "anonymous",
    "group",
    "organization",
    "government",
    "document",
    "footage",
    "state_media",
    "news_agency",
    "public_broadcaster",
    "outlet",
    "social_media",
    "unknown",
)

BLOCK_KINDS = (
    "headline",
    "dek",
    "byline",
    "dateline",
    "caption",
    "credit",
    "media_title",
    "body",
    "bio",
    "tag",
    "boilerplate",
)


@dataclass(frozen=True, slots=True)
class Block:
    """A typed region of the article: headline, body paragraph, caption ..."""

    kind: str
    start: int
    end: int
    produced_by: str = "anatomy.rules/1"


@dataclass(frozen=True, slots=True)
class Article:
    """One input article. ``text`` is what every offset points into.

    Only ``reportedly.ingest`` creates articles from raw input; later steps
    may only add metadata and blocks (via ``dataclasses.replace``).
    """

    text: str
    id: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    blocks: tuple[Block, ...] = ()
    origin: str | None = None
    """Where the article came from: a path, ``path:line`` or ``<stdin>``."""
    format: str = "text"
    """Input format: ``text``, ``html``, ``jsonl``, ``json`` (a record of a ``.json`` file) or ``warc``."""
    outlet_label: str | None = None
    """The outlet label as the input gave it, kept when it named no news outlet and ``outlet`` is
    the news outlet of the URL instead (a columnist "Rich Lowry" on nationalreview.com)."""


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation, outlet, place ... with all its mentions."""

    id: str
    name: str
    kind: str
    """person, organization, outlet, government, place, group, other."""
    mentions: tuple[Span, ...]
    roles: tuple[str, ...] = ()
    role_spans: tuple[Span, ...] = ()
    produced_by: str = "entities.rules/1"


@dataclass(frozen=True, slots=True)
class Attribution:
    """A reported claim: who (source) said (cue) what (content)."""

    id: str
    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    content: tuple[Span, ...]
    kind: str
    """direct, indirect, mixed, according_to, footage, document, ..."""
    source_name: str | None = None
    source_type: str | None = None
    source_entity: str | None = None
    addressee: tuple[Span, ...] = ()
    addressee_name: str | None = None
    addressee_entity: str | None = None
    confidence: float = 1.0
    produced_by: str = "attribution.rules/1"


@dataclass(frozen=True, slots=True)
class Hop:
    """One step of a relay chain."""

    name: str
    type: str
    role: str
    """origin, relay or publisher."""
    span: Span | None = None
    entity: str | None = None
    country: str | None = None
    state_controlled: bool | None = None
    date: str | None = None
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Chain:
    """The path a claim took, from its origin to the article's publisher."""

    attribution: str | None
    hops: tuple[Hop, ...]
    confidence: float = 1.0
    produced_by: str = "chains.rules/1"


@dataclass(frozen=True, slots=True)
class Credit:
    """A photo, video, wire or contribution credit."""

    name: str
    kind: str
    """photo, video, wire or contribution."""
    span: Span | None = None
    produced_by: str = "credits.rules/1"


@dataclass(frozen=True, slots=True)
class Hedge:
    """A cue that lowers (hedge), raises (booster) or negates certainty."""

    cue: Span
    text: str
    kind: str = "hedge"
    """hedge, booster or negation."""
    attribution: str | None = None
    scope: Span | None = None
    lexicon: str | None = None
    produced_by: str = "hedges.rules/1"


@dataclass(frozen=True, slots=True)
class Voice:
    """A loaded or editorialising word in the outlet's own voice."""

    span: Span
    text: str
    category: str
    lexicon: str | None = None
    produced_by: str = "voice.rules/1"


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A date or time expression, resolved where possible."""

    span: Span
    text: str
    value: str | None
    """ISO date (YYYY-MM-DD, YYYY-MM or YYYY) or None when unresolved."""
    kind: str = "date"
    confidence: float = 1.0
    produced_by: str = "times.rules/1"


@dataclass(frozen=True, slots=True)
class Claim:
    """A claim with its certainty: an attribution or an unattributed sentence."""

    span: Span
    level: str
    """asserted, attributed, hedged, disputed."""
    attribution: str | None = None
    cues: tuple[Span, ...] = ()
    produced_by: str = "certainty.rules/1"


@dataclass(frozen=True, slots=True)
class Report:
    """Everything found in one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    chains: tuple[Chain, ...] = ()
    credits: tuple[Credit, ...] = ()
    hedges: tuple[Hedge, ...] = ()
    voice: tuple[Voice, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    claims: tuple[Claim, ...] = ()
    summary: dict[str, Any] = field(default_factory=dict, hash=False, compare=True)
    version: str = ""
    schema: str = SCHEMA

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of the report contract."""
        return _report_to_dict(self)

    def to_json(self, indent: int | None = None) -> str:
        """The report as JSON text (``ensure_ascii=False``)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        """Rebuild a report from ``to_dict`` output (or parsed JSON)."""
        return _report_from_dict(data)

    @classmethod
    def from_json(cls, text: str) -> Report:
        return cls.from_dict(json.loads(text))


# --- JSON conversion -------------------------------------------------------

# Fields holding a list of spans (discontinuous spans) and single spans.
_MULTI_SPAN = {"mentions", "role_spans", "source", "cue", "content", "addressee", "cues"}
_ONE_SPAN = {"span", "scope"}
# Record fields whose name in JSON is `cue` but which are one span (Hedge).
_RECORD_TYPES: dict[str, type] = {
    "entities": Entity,
    "attributions": Attribution,
    "credits": Credit,
    "hedges": Hedge,
    "voice": Voice,
    "times": TimeExpr,
    "claims": Claim,
}


def _record_to_dict(rec: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(rec):
        v = getattr(rec, f.name)
        if isinstance(rec, Hedge) and f.name == "cue":
            out[f.name] = list(v)
        elif f.name in _MULTI_SPAN:
            out[f.name] = [list(s) for s in v]
        elif f.name in _ONE_SPAN:
            out[f.name] = list(v) if v is not None else None
        elif isinstance(v, tuple):
            out[f.name] = list(v)
        else:
            out[f.name] = v
    return out


def _record_from_dict(cls: type, d: dict[str, Any]) -> Any:
    kw: dict[str, Any] = {}
    names = {f.name for f in fields(cls)}
    for k, v in d.items():
        if k not in names:
            continue
        if cls is Hedge and k == "cue":
            kw[k] = (v[0], v[1])
        elif k in _MULTI_SPAN:
            kw[k] = tuple((s[0], s[1]) for s in v)
        elif k in _ONE_SPAN:
            kw[k] = (v[0], v[1]) if v is not None else None
        elif isinstance(v, list):
            kw[k] = tuple(v)
        else:
            kw[k] = v
    return cls(**kw)


def article_to_dict(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "text": a.text,
        "url": a.url,
        "outlet": a.outlet,
        "title": a.title,
        "authors": list(a.authors),
        "published": a.published,
        "origin": a.origin,
        "format": a.format,
        **({"outlet_label": a.outlet_label} if a.outlet_label is not None else {}),
        "blocks": [
            {"kind": b.kind, "start": b.start, "end": b.end, "produced_by": b.produced_by}
            for b in a.blocks
        ],
    }


def article_from_dict(d: dict[str, Any]) -> Article:
    return Article(
        text=d["text"],
        id=d["id"],
        url=d.get("url"),
        outlet=d.get("outlet"),
        title=d.get("title"),
        authors=tuple(d.get("authors") or ()),
        published=d.get("published"),
        origin=d.get("origin"),
        format=d.get("format", "text"),
        outlet_label=d.get("outlet_label"),
        blocks=tuple(
            Block(b["kind"], b["start"], b["end"], b.get("produced_by", "anatomy.rules/1"))
            for b in d.get("blocks") or ()
        ),
    )


def chain_to_dict(c: Chain) -> dict[str, Any]:
    return {
        "attribution": c.attribution,
        "hops": [
            {f.name: (list(v) if isinstance(v, tuple) else v) for f in fields(h) for v in [getattr(h, f.name)]}
            for h in c.hops
        ],
        "confidence": c.confidence,
        "produced_by": c.produced_by,
    }


def chain_from_dict(d: dict[str, Any]) -> Chain:
    hops = []
    for h in d.get("hops") or ():
        h = dict(h)
        if h.get("span") is not None:
            h["span"] = (h["span"][0], h["span"][1])
        names = {f.name for f in fields(Hop)}
        hops.append(Hop(**{k: v for k, v in h.items() if k in names}))
    return Chain(
        attribution=d.get("attribution"),
        hops=tuple(hops),
        confidence=d.get("confidence", 1.0),
        produced_by=d.get("produced_by", "chains.rules/1"),
    )


def _report_to_dict(r: Report) -> dict[str, Any]:
    out: dict[str, Any] = {"schema": r.schema, "version": r.version, "article": article_to_dict(r.article)}
    for name in ("entities", "attributions"):
        out[name] = [_record_to_dict(x) for x in getattr(r, name)]
    out["chains"] = [chain_to_dict(c) for c in r.chains]
    for name in ("credits", "hedges", "voice", "times", "claims"):
        out[name] = [_record_to_dict(x) for x in getattr(r, name)]
    out["summary"] = r.summary
    return out


def _report_from_dict(d: dict[str, Any]) -> Report:
    kw: dict[str, Any] = {
        "article": article_from_dict(d["article"]),
        "chains": tuple(chain_from_dict(c) for c in d.get("chains") or ()),
        "summary": d.get("summary") or {},
        "version": d.get("version", ""),
        "schema": d.get("schema", SCHEMA),
    }
    for name, cls in _RECORD_TYPES.items():
        kw[name] = tuple(_record_from_dict(cls, x) for x in d.get(name) or ())
    return Report(**kw)


def span_text(text: str, spans: tuple[Span, ...] | Span | None) -> str:
    """The text of one span or the pieces of a discontinuous span, joined by ' … '."""
    if spans is None:
        return ""
    if spans and isinstance(spans[0], int):
        s, e = spans
        return text[s:e]
    return " … ".join(text[s:e] for s, e in spans)


def strip_space(text: str, s: int, e: int) -> Span:
    """``(s, e)`` without the whitespace at either edge of ``text[s:e]``."""
    while e > s and text[e - 1].isspace():
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    return s, e


def union_spans(spans: Iterable[Span]) -> list[Span]:
    """The spans merged where they overlap or touch, in text order."""
    out: list[Span] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
