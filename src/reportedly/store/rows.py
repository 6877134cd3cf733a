"""Reports as rows and rows as reports: the store's two mappings, no database needed.

Report -> rows: ``RowBuffer`` collects the rows of many reports and errors
column-wise and turns them into Arrow tables with the store's column types
(``schema.COLUMNS``); ``report_tables`` does it for one batch, so Dask workers
can write the same rows as Parquet shards.  ``error_row`` is the row of one
failure, ``text_hash`` the key that finds the same text under another id.

Rows -> report: ``report_dict`` rebuilds the ``Report.to_dict`` shape of one
stored article from its rows (``db.Store.reports`` turns it into a ``Report``).

``FAMILIES`` holds one ``Family`` per flat record family (a ``Report`` field
whose records are one row each in the table of the same name): the record
fields that have columns, the row of a record and the record dict rebuilt from
a row.  Both directions, and the ``extra`` bookkeeping, follow from it.  The
article, its blocks, and the families with child rows (entities and their
mentions, chains and their hops) are mapped by hand in ``RowBuffer.add_report``
and ``report_dict``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..errors import InputError
from ..model import (
    Article,
    Attribution,
    Chain,
    Claim,
    Credit,
    Entity,
    Hedge,
    Hop,
    Report,
    TimeExpr,
    Voice,
)
from ..version import __version__
from .schema import ARROW_SCHEMAS, COLUMNS


def text_hash(text: str) -> str:
    """SHA-256 (hex) of the article text: the key that finds the same text under another id."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# --- helpers: Report -> rows --------------------------------------------------------


def _jsonable(v: Any) -> Any:
    if isinstance(v, tuple | list):
        return [_jsonable(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if dataclasses.is_dataclass(v) and not isinstance(v, type):
        return {f.name: _jsonable(getattr(v, f.name)) for f in dataclasses.fields(v)}
    return v


def _extra(rec: Any) -> str | None:
    """Fields a newer model added that have no column yet: kept as JSON so nothing is lost."""
    mapped = next(_MAPPED[c] for c in type(rec).__mro__ if c in _MAPPED)
    out = {f.name: _jsonable(getattr(rec, f.name)) for f in dataclasses.fields(rec) if f.name not in mapped}
    return json.dumps(out, ensure_ascii=False) if out else None


def _spans(spans: Iterable[tuple[int, int]]) -> str:
    return json.dumps([[s, e] for s, e in spans])


def _start(span: tuple[int, int] | None) -> int | None:
    return span[0] if span is not None else None


def _end(span: tuple[int, int] | None) -> int | None:
    return span[1] if span is not None else None


def _envelope(*groups: Sequence[tuple[int, int]]) -> tuple[int | None, int | None]:
    spans = [s for g in groups for s in g]
    if not spans:
        return None, None
    return min(s for s, _ in spans), max(e for _, e in spans)


# --- helpers: rows -> Report --------------------------------------------------------


def _pairs(js: str | None) -> list[list[int]]:
    return [list(p) for p in json.loads(js)] if js else []


def _one(s: int | None, e: int | None) -> list[int] | None:
    return [s, e] if s is not None and e is not None else None


def _with_extra(d: dict[str, Any], extra: str | None) -> dict[str, Any]:
    if extra:
        d.update(json.loads(extra))
    return d


# --- flat record families: one entry each -------------------------------------------


@dataclass(frozen=True)
class Family:
    """A flat record family: ``Report.<name>`` holds ``cls`` records, stored one row each in table ``<name>``.

    The table starts with ``article_id, idx`` and ends with ``produced_by,
    version, extra`` (see ``schema.COLUMNS``); its rows are read back ordered
    by ``article_id, idx``.
    """

    name: str
    """The ``Report`` field and the table."""
    cls: type
    """The record class."""
    mapped: frozenset[str]
    """The record's fields that have columns; the others go to ``extra`` as JSON."""
    row: Callable[[str, int, Any, str], tuple[Any, ...]]
    """``(article_id, idx, record, version)`` -> the row, in ``COLUMNS[name]`` order."""
    record: Callable[[dict[str, Any]], dict[str, Any]]
    """A row (column -> value) -> the record's ``to_dict`` shape, before ``extra`` is merged in."""


def _attribution_row(aid: str, i: int, at: Attribution, ver: str) -> tuple[Any, ...]:
    lo, hi = _envelope(at.source, at.cue, at.content)
    return (aid, i, at.id, at.kind, _spans(at.source), _spans(at.cue), _spans(at.content),
            at.source_name, at.source_type, at.source_entity, _spans(at.addressee), at.addressee_name,
            at.addressee_entity, lo, hi, at.confidence, at.produced_by, ver, _extra(at))


def _attribution_record(t: dict[str, Any]) -> dict[str, Any]:
    return {"id": t["id"], "source": _pairs(t["source"]), "cue": _pairs(t["cue"]), "content": _pairs(t["content"]),
            "kind": t["kind"], "source_name": t["source_name"], "source_type": t["source_type"],
            "source_entity": t["source_entity"], "addressee": _pairs(t["addressee"]),
            "addressee_name": t["addressee_name"], "addressee_entity": t["addressee_entity"],
            "confidence": t["confidence"], "produced_by": t["produced_by"]}


def _credit_row(aid: str, i: int, c: Credit, ver: str) -> tuple[Any, ...]:
    return (aid, i, c.name, c.kind, _start(c.span), _end(c.span), c.produced_by, ver, _extra(c))


def _credit_record(c: dict[str, Any]) -> dict[str, Any]:
    return {"name": c["name"], "kind": c["kind"], "span": _one(c["start_char"], c["end_char"]),
            "produced_by": c["produced_by"]}


def _hedge_row(aid: str, i: int, hg: Hedge, ver: str) -> tuple[Any, ...]:
    return (aid, i, hg.cue[0], hg.cue[1], hg.text, hg.kind, hg.attribution, _start(hg.scope), _end(hg.scope),
            hg.lexicon, hg.produced_by, ver, _extra(hg))


def _hedge_record(h: dict[str, Any]) -> dict[str, Any]:
    return {"cue": [h["cue_start"], h["cue_end"]], "text": h["text"], "kind": h["kind"],
            "attribution": h["attribution"], "scope": _one(h["scope_start"], h["scope_end"]),
            "lexicon": h["lexicon"], "produced_by": h["produced_by"]}


def _voice_row(aid: str, i: int, v: Voice, ver: str) -> tuple[Any, ...]:
    return (aid, i, v.span[0], v.span[1], v.text, v.category, v.lexicon, v.produced_by, ver, _extra(v))


def _voice_record(v: dict[str, Any]) -> dict[str, Any]:
    return {"span": [v["start_char"], v["end_char"]], "text": v["text"], "category": v["category"],
            "lexicon": v["lexicon"], "produced_by": v["produced_by"]}


def _time_row(aid: str, i: int, t: TimeExpr, ver: str) -> tuple[Any, ...]:
    return (aid, i, t.span[0], t.span[1], t.text, t.value, t.kind, t.confidence, t.produced_by, ver, _extra(t))


def _time_record(t: dict[str, Any]) -> dict[str, Any]:
    return {"span": [t["start_char"], t["end_char"]], "text": t["text"], "value": t["value"], "kind": t["kind"],
            "confidence": t["confidence"], "produced_by": t["produced_by"]}


def _claim_row(aid: str, i: int, cl: Claim, ver: str) -> tuple[Any, ...]:
    return (aid, i, cl.span[0], cl.span[1], cl.level, cl.attribution, _spans(cl.cues), cl.produced_by, ver,
            _extra(cl))


def _claim_record(c: dict[str, Any]) -> dict[str, Any]:
    return {"span": [c["start_char"], c["end_char"]], "level": c["level"], "attribution": c["attribution"],
            "cues": _pairs(c["cues"]), "produced_by": c["produced_by"]}


FAMILIES: tuple[Family, ...] = (
    Family(
        "attributions", Attribution,
        frozenset(
            {
                "id", "source", "cue", "content", "kind", "source_name", "source_type", "source_entity",
                "addressee", "addressee_name", "addressee_entity", "confidence", "produced_by",
            }
        ),
        _attribution_row, _attribution_record,
    ),
    Family("credits", Credit, frozenset({"name", "kind", "span", "produced_by"}), _credit_row, _credit_record),
    Family(
        "hedges", Hedge, frozenset({"cue", "text", "kind", "attribution", "scope", "lexicon", "produced_by"}),
        _hedge_row, _hedge_record,
    ),
    Family("voice", Voice, frozenset({"span", "text", "category", "lexicon", "produced_by"}), _voice_row, _voice_record),
    Family(
        "times", TimeExpr, frozenset({"span", "text", "value", "kind", "confidence", "produced_by"}),
        _time_row, _time_record,
    ),
    Family("claims", Claim, frozenset({"span", "level", "attribution", "cues", "produced_by"}), _claim_row, _claim_record),
)
"""The flat record families, in the order their rows are built."""

# The fields of each record class that have columns (the rest go to ``extra``).
_MAPPED: dict[type, frozenset[str]] = {
    Article: frozenset(
        {"text", "id", "url", "outlet", "title", "authors", "published", "blocks", "origin", "format", "outlet_label"}
    ),
    Entity: frozenset({"id", "name", "kind", "mentions", "roles", "role_spans", "produced_by"}),
    Chain: frozenset({"attribution", "hops", "confidence", "produced_by"}),
    Hop: frozenset(
        {"name", "type", "role", "span", "entity", "country", "state_controlled", "date", "confidence"}
    ),
    **{f.cls: f.mapped for f in FAMILIES},
    Report: frozenset({"article", "entities", "chains", "summary", "version", "schema"} | {f.name for f in FAMILIES}),
}


# --- Report -> rows -----------------------------------------------------------------

_ORIGIN_LINE = re.compile(r"^(?P<origin>.+):(?P<line>\d+)$")


def error_row(err: InputError, *, article_id: str | None = None, stage: str = "read") -> tuple[Any, ...]:
    """The ``errors`` row of one failure: origin, line, reason, article id, stage, version."""
    origin, line = err.origin, err.line
    if line is None:
        m = _ORIGIN_LINE.match(origin)
        if m and not Path(origin).exists():  # "corpus.jsonl:17", not a file whose name ends in :17
            origin, line = m["origin"], int(m["line"])
    return (origin, line, err.problem, article_id, stage, __version__)


class RowBuffer:
    """Column-wise rows of many reports and errors, turned into Arrow tables by ``tables()``."""

    def __init__(self) -> None:
        self.cols: dict[str, dict[str, list[Any]]] = {t: {c: [] for c, _ in cols} for t, cols in COLUMNS.items()}
        self.article_ids: list[str] = []

    def _add(self, table: str, row: Sequence[Any]) -> None:
        cols = self.cols[table]
        for (name, _), v in zip(COLUMNS[table], row, strict=True):
            cols[name].append(v)

    def add_error(self, err: InputError, *, article_id: str | None = None, stage: str = "read") -> None:
        self._add("errors", error_row(err, article_id=article_id, stage=stage))

    def add_report(self, r: Report) -> None:
        a, aid, ver = r.article, r.article.id, r.version
        self.article_ids.append(aid)
        extra: dict[str, Any] = {}
        if (e := _extra(a)) is not None:
            extra["article"] = json.loads(e)
        if (e := _extra(r)) is not None:
            extra["report"] = json.loads(e)
        # summary keys sorted: tie order in the summary's counters can follow string hashing,
        # which differs between processes, and the store should not depend on it
        self._add(
            "articles",
            (
                aid, text_hash(a.text), a.text, a.url, a.outlet, a.title, list(a.authors), a.published,
                a.origin, a.format, len(a.text), len(a.text.split()), r.schema, ver,
                json.dumps(_jsonable(r.summary), ensure_ascii=False, sort_keys=True), json.dumps(extra) if extra else None,
                a.outlet_label,
            ),
        )
        for i, b in enumerate(a.blocks):
            self._add("blocks", (aid, i, b.kind, b.start, b.end, b.produced_by, ver))
        for i, en in enumerate(r.entities):
            self._add(
                "entities",
                (aid, i, en.id, en.name, en.kind, list(en.roles), _spans(en.role_spans), len(en.mentions),
                 en.produced_by, ver, _extra(en)),
            )
            for j, (s, e_) in enumerate(en.mentions):
                self._add("mentions", (aid, en.id, j, s, e_, en.produced_by, ver))
        for i, ch in enumerate(r.chains):
            first = ch.hops[0] if ch.hops else None
            self._add(
                "chains",
                (aid, i, ch.attribution, len(ch.hops), first.name if first else None,
                 first.type if first else None, ch.confidence, ch.produced_by, ver, _extra(ch)),
            )
            for j, h in enumerate(ch.hops):
                self._add(
                    "hops",
                    (aid, i, j, ch.attribution, h.name, h.type, h.role, _start(h.span), _end(h.span), h.entity,
                     h.country, h.state_controlled, h.date, h.confidence, ch.produced_by, ver, _extra(h)),
                )
        for f in FAMILIES:
            for i, rec in enumerate(getattr(r, f.name)):
                self._add(f.name, f.row(aid, i, rec, ver))

    def tables(self) -> dict[str, pa.Table]:
        """One Arrow table per store table (possibly empty), with the store's column types."""
        return {t: pa.table(self.cols[t], schema=ARROW_SCHEMAS[t]) for t in COLUMNS}


def report_tables(reports: Iterable[Report], errors: Iterable[tuple[InputError, str | None, str]] = ()) -> dict[str, pa.Table]:
    """Arrow tables of the rows of these reports and ``(error, article_id, stage)`` failures."""
    buf = RowBuffer()
    for r in reports:
        buf.add_report(r)
    for err, aid, stage in errors:
        buf.add_error(err, article_id=aid, stage=stage)
    return buf.tables()


# --- rows -> Report -----------------------------------------------------------------


def report_dict(a: dict[str, Any], rows: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """The ``Report.to_dict`` shape of one stored article and its finding rows."""
    extra = json.loads(a["extra"]) if a["extra"] else {}
    article = {
        "id": a["id"], "text": a["text"], "url": a["url"], "outlet": a["outlet"], "title": a["title"],
        "authors": list(a["authors"] or []), "published": a["published"], "origin": a["origin"],
        "format": a["format"],
        **({"outlet_label": a["outlet_label"]} if a.get("outlet_label") is not None else {}),
        "blocks": [
            {"kind": b["kind"], "start": b["start_char"], "end": b["end_char"], "produced_by": b["produced_by"]}
            for b in rows["blocks"]
        ],
    }
    article.update(extra.get("article", {}))
    mentions: dict[str, list[list[int]]] = {}
    for m in rows["mentions"]:
        mentions.setdefault(m["entity_id"], []).append([m["start_char"], m["end_char"]])
    hops: dict[int, list[dict[str, Any]]] = {}
    for h in rows["hops"]:
        hops.setdefault(h["chain_idx"], []).append(
            _with_extra(
                {"name": h["name"], "type": h["type"], "role": h["role"], "span": _one(h["start_char"], h["end_char"]),
                 "entity": h["entity"], "country": h["country"], "state_controlled": h["state_controlled"],
                 "date": h["date"], "confidence": h["confidence"]},
                h["extra"],
            )
        )
    out: dict[str, Any] = {
        "schema": a["schema"],
        "version": a["version"],
        "article": article,
        "summary": json.loads(a["summary"]) if a["summary"] else {},
        "entities": [
            _with_extra(
                {"id": e["id"], "name": e["name"], "kind": e["kind"], "mentions": mentions.get(e["id"], []),
                 "roles": list(e["roles"] or []), "role_spans": _pairs(e["role_spans"]), "produced_by": e["produced_by"]},
                e["extra"],
            )
            for e in rows["entities"]
        ],
        "chains": [
            _with_extra(
                {"attribution": c["attribution"], "hops": hops.get(c["idx"], []), "confidence": c["confidence"],
                 "produced_by": c["produced_by"]},
                c["extra"],
            )
            for c in rows["chains"]
        ],
    }
    for f in FAMILIES:
        out[f.name] = [_with_extra(f.record(x), x["extra"]) for x in rows[f.name]]
    out.update(extra.get("report", {}))
    return out
