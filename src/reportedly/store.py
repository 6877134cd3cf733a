"""The corpus store: reports as rows of an embedded DuckDB database.  The only module that speaks SQL.

``Store.open(path)`` opens (creating and migrating) a database file;
``Store.write(results)`` stores a batch of reports and errors in ONE
transaction, so a process killed at any moment leaves every article either
stored with all its findings or absent.  ``Store.reports()`` rebuilds
``Report`` objects from the rows (``Report.from_dict`` of the same JSON shape).

Rows are built column-wise as Arrow tables by ``report_tables`` (no database
needed), so Dask workers can write the same rows as Parquet shards that the
single writer later loads with ``Store.merge_shard``.

The schema is created by ``MIGRATIONS``: append-only, each applied once and
recorded in the ``migrations`` table; never edit one that has shipped, add a
new one.  ``docs/store.md`` documents every table and view.

Limits: one writing process at a time (DuckDB's file lock); readers open the
file read-only when no writer holds it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from . import __version__
from .errors import InputError, ReportedlyError
from .model import (
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


class StoreError(ReportedlyError):
    """The database cannot be opened or written (locked, not a reportedly store, newer schema ...)."""


# --- migrations (append-only) ------------------------------------------------

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (
        1,
        "core tables",
        """
        CREATE SEQUENCE article_seq START 1;
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,
            text_hash VARCHAR NOT NULL UNIQUE,
            seq BIGINT DEFAULT nextval('article_seq'),
            text VARCHAR NOT NULL,
            url VARCHAR, outlet VARCHAR, title VARCHAR, authors VARCHAR[], published VARCHAR,
            origin VARCHAR, format VARCHAR,
            n_chars INTEGER, n_words INTEGER,
            schema VARCHAR, version VARCHAR, summary JSON, extra JSON,
            ingested_at TIMESTAMP DEFAULT current_timestamp
        );
        CREATE TABLE blocks (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, kind VARCHAR,
            start_char INTEGER, end_char INTEGER, produced_by VARCHAR, version VARCHAR
        );
        CREATE TABLE entities (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, id VARCHAR, name VARCHAR, kind VARCHAR,
            roles VARCHAR[], role_spans JSON, n_mentions INTEGER,
            produced_by VARCHAR, version VARCHAR, extra JSON
        );
        CREATE TABLE mentions (
            article_id VARCHAR NOT NULL, entity_id VARCHAR, idx INTEGER NOT NULL,
            start_char INTEGER, end_char INTEGER, produced_by VARCHAR, version VARCHAR
        );
        CREATE TABLE attributions (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, id VARCHAR, kind VARCHAR,
            source JSON, cue JSON, content JSON,
            source_name VARCHAR, source_type VARCHAR, source_entity VARCHAR,
            addressee JSON, addressee_name VARCHAR, addressee_entity VARCHAR,
            start_char INTEGER, end_char INTEGER, confidence DOUBLE,
            produced_by VARCHAR, version VARCHAR, extra JSON
        );
        CREATE TABLE chains (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, attribution VARCHAR,
            n_hops INTEGER, origin_name VARCHAR, origin_type VARCHAR, confidence DOUBLE,
            produced_by VARCHAR, version VARCHAR, extra JSON
        );
        CREATE TABLE hops (
            article_id VARCHAR NOT NULL, chain_idx INTEGER NOT NULL, idx INTEGER NOT NULL,
            attribution VARCHAR, name VARCHAR, type VARCHAR, role VARCHAR,
            start_char INTEGER, end_char INTEGER, entity VARCHAR, country VARCHAR,
            state_controlled BOOLEAN, date VARCHAR, confidence DOUBLE,
            produced_by VARCHAR, version VARCHAR, extra JSON
        );
        CREATE TABLE credits (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, name VARCHAR, kind VARCHAR,
            start_char INTEGER, end_char INTEGER, produced_by VARCHAR, version VARCHAR, extra JSON
        );
        CREATE TABLE hedges (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, cue_start INTEGER, cue_end INTEGER,
            text VARCHAR, kind VARCHAR, attribution VARCHAR, scope_start INTEGER, scope_end INTEGER,
            lexicon VARCHAR, produced_by VARCHAR, version VARCHAR, extra JSON
        );
        CREATE TABLE voice (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, start_char INTEGER, end_char INTEGER,
            text VARCHAR, category VARCHAR, lexicon VARCHAR, produced_by VARCHAR, version VARCHAR, extra JSON
        );
        CREATE TABLE times (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, start_char INTEGER, end_char INTEGER,
            text VARCHAR, value VARCHAR, kind VARCHAR, confidence DOUBLE,
            produced_by VARCHAR, version VARCHAR, extra JSON
        );
        CREATE TABLE claims (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, start_char INTEGER, end_char INTEGER,
            level VARCHAR, attribution VARCHAR, cues JSON, produced_by VARCHAR, version VARCHAR, extra JSON
        );
        CREATE TABLE errors (
            origin VARCHAR, line INTEGER, reason VARCHAR NOT NULL, article_id VARCHAR,
            stage VARCHAR, version VARCHAR, recorded_at TIMESTAMP DEFAULT current_timestamp
        );
        CREATE TABLE shards (name VARCHAR PRIMARY KEY, articles INTEGER, merged_at TIMESTAMP DEFAULT current_timestamp);
        """,
    ),
    (
        2,
        "ready views",
        """
        CREATE VIEW sources_by_outlet AS
            SELECT a.outlet, t.source_type, t.source_name,
                   count(*) AS attributions, count(DISTINCT a.id) AS articles
            FROM attributions t JOIN articles a ON a.id = t.article_id
            GROUP BY ALL;
        CREATE VIEW state_media_share_by_outlet AS
            WITH att AS (
                SELECT t.article_id, t.id,
                       t.source_type = 'state_media'
                       OR EXISTS (SELECT 1 FROM hops h
                                  WHERE h.article_id = t.article_id AND h.attribution = t.id
                                    AND h.role <> 'publisher'
                                    AND (h.type = 'state_media' OR h.state_controlled)) AS via_state_media
                FROM attributions t
            )
            SELECT a.outlet,
                   count(DISTINCT a.id) AS articles,
                   count(att.id) AS attributions,
                   count(att.id) FILTER (WHERE att.via_state_media) AS state_media_attributions,
                   count(DISTINCT att.article_id) FILTER (WHERE att.via_state_media) AS articles_relaying_state_media,
                   round(count(att.id) FILTER (WHERE att.via_state_media) / nullif(count(att.id), 0), 4) AS state_media_share
            FROM articles a LEFT JOIN att ON att.article_id = a.id
            GROUP BY a.outlet;
        CREATE VIEW anonymous_source_rate AS
            SELECT a.outlet,
                   count(DISTINCT a.id) AS articles,
                   count(t.id) AS attributions,
                   count(t.id) FILTER (WHERE t.source_type = 'anonymous') AS anonymous,
                   round(count(t.id) FILTER (WHERE t.source_type = 'anonymous') / nullif(count(t.id), 0), 4)
                       AS anonymous_rate
            FROM articles a LEFT JOIN attributions t ON t.article_id = a.id
            GROUP BY a.outlet;
        CREATE VIEW hedge_rate AS
            WITH h AS (
                SELECT article_id, count(*) AS hedges,
                       count(*) FILTER (WHERE attribution IS NOT NULL) AS hedges_in_attributions
                FROM hedges WHERE kind = 'hedge' GROUP BY article_id
            )
            SELECT a.outlet,
                   count(*) AS articles,
                   sum(a.n_words) AS words,
                   coalesce(sum(h.hedges), 0) AS hedges,
                   coalesce(sum(h.hedges_in_attributions), 0) AS hedges_in_attributions,
                   round(1000.0 * coalesce(sum(h.hedges), 0) / nullif(sum(a.n_words), 0), 3) AS hedges_per_1000_words,
                   round(count(h.article_id) / count(*), 4) AS share_of_articles_hedged
            FROM articles a LEFT JOIN h ON h.article_id = a.id
            GROUP BY a.outlet;
        """,
    ),
)

VIEWS: dict[str, str] = {
    "sources_by_outlet": "attributions per outlet, source type and source name",
    "state_media_share_by_outlet": "share of attributions sourced from or relayed through state media, per outlet",
    "anonymous_source_rate": "share of attributions with an anonymous source, per outlet",
    "hedge_rate": "hedges per 1,000 words and share of articles with a hedge, per outlet",
}

# --- columns of the rows we write, in table order ----------------------------
# (name, duckdb type).  A test checks these against the migrated schema.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (
        ("id", "VARCHAR"), ("text_hash", "VARCHAR"), ("text", "VARCHAR"), ("url", "VARCHAR"),
        ("outlet", "VARCHAR"), ("title", "VARCHAR"), ("authors", "VARCHAR[]"), ("published", "VARCHAR"),
        ("origin", "VARCHAR"), ("format", "VARCHAR"), ("n_chars", "INTEGER"), ("n_words", "INTEGER"),
        ("schema", "VARCHAR"), ("version", "VARCHAR"), ("summary", "JSON"), ("extra", "JSON"),
    ),
    "blocks": (
        ("article_id", "VARCHAR"), ("idx", "INTEGER"), ("kind", "VARCHAR"), ("start_char", "INTEGER"),
        ("end_char", "INTEGER"), ("produced_by", "VARCHAR"), ("version", "VARCHAR"),
    ),
    "entities": (
        ("article_id", "VARCHAR"), ("idx", "INTEGER"), ("id", "VARCHAR"), ("name", "VARCHAR"), ("kind", "VARCHAR"),
        ("roles", "VARCHAR[]"), ("role_spans", "JSON"), ("n_mentions", "INTEGER"),
        ("produced_by", "VARCHAR"), ("version", "VARCHAR"), ("extra", "JSON"),
    ),
    "mentions": (
        ("article_id", "VARCHAR"), ("entity_id", "VARCHAR"), ("idx", "INTEGER"), ("start_char", "INTEGER"),
        ("end_char", "INTEGER"), ("produced_by", "VARCHAR"), ("version", "VARCHAR"),
    ),
    "attributions": (
        ("article_id", "VARCHAR"), ("idx", "INTEGER"), ("id", "VARCHAR"), ("kind", "VARCHAR"),
        ("source", "JSON"), ("cue", "JSON"), ("content", "JSON"),
        ("source_name", "VARCHAR"), ("source_type", "VARCHAR"), ("source_entity", "VARCHAR"),
        ("addressee", "JSON"), ("addressee_name", "VARCHAR"), ("addressee_entity", "VARCHAR"),
        ("start_char", "INTEGER"), ("end_char", "INTEGER"), ("confidence", "DOUBLE"),
        ("produced_by", "VARCHAR"), ("version", "VARCHAR"), ("extra", "JSON"),
    ),
    "chains": (
        ("article_id", "VARCHAR"), ("idx", "INTEGER"), ("attribution", "VARCHAR"), ("n_hops", "INTEGER"),
        ("origin_name", "VARCHAR"), ("origin_type", "VARCHAR"), ("confidence", "DOUBLE"),
        ("produced_by", "VARCHAR"), ("version", "VARCHAR"), ("extra", "JSON"),
    ),
    "hops": (
        ("article_id", "VARCHAR"), ("chain_idx", "INTEGER"), ("idx", "INTEGER"), ("attribution", "VARCHAR"),
        ("name", "VARCHAR"), ("type", "VARCHAR"), ("role", "VARCHAR"), ("start_char", "INTEGER"),
        ("end_char", "INTEGER"), ("entity", "VARCHAR"), ("country", "VARCHAR"), ("state_controlled", "BOOLEAN"),
        ("date", "VARCHAR"), ("confidence", "DOUBLE"), ("produced_by", "VARCHAR"), ("version", "VARCHAR"),
        ("extra", "JSON"),
    ),
    "credits": (
        ("article_id", "VARCHAR"), ("idx", "INTEGER"), ("name", "VARCHAR"), ("kind", "VARCHAR"),
        ("start_char", "INTEGER"), ("end_char", "INTEGER"), ("produced_by", "VARCHAR"), ("version", "VARCHAR"),
        ("extra", "JSON"),
    ),
    "hedges": (
        ("article_id", "VARCHAR"), ("idx", "INTEGER"), ("cue_start", "INTEGER"), ("cue_end", "INTEGER"),
        ("text", "VARCHAR"), ("kind", "VARCHAR"), ("attribution", "VARCHAR"), ("scope_start", "INTEGER"),
        ("scope_end", "INTEGER"), ("lexicon", "VARCHAR"), ("produced_by", "VARCHAR"), ("version", "VARCHAR"),
        ("extra", "JSON"),
    ),
    "voice": (
        ("article_id", "VARCHAR"), ("idx", "INTEGER"), ("start_char", "INTEGER"), ("end_char", "INTEGER"),
        ("text", "VARCHAR"), ("category", "VARCHAR"), ("lexicon", "VARCHAR"), ("produced_by", "VARCHAR"),
        ("version", "VARCHAR"), ("extra", "JSON"),
    ),
    "times": (
        ("article_id", "VARCHAR"), ("idx", "INTEGER"), ("start_char", "INTEGER"), ("end_char", "INTEGER"),
        ("text", "VARCHAR"), ("value", "VARCHAR"), ("kind", "VARCHAR"), ("confidence", "DOUBLE"),
        ("produced_by", "VARCHAR"), ("version", "VARCHAR"), ("extra", "JSON"),
    ),
    "claims": (
        ("article_id", "VARCHAR"), ("idx", "INTEGER"), ("start_char", "INTEGER"), ("end_char", "INTEGER"),
        ("level", "VARCHAR"), ("attribution", "VARCHAR"), ("cues", "JSON"), ("produced_by", "VARCHAR"),
        ("version", "VARCHAR"), ("extra", "JSON"),
    ),
    "errors": (
        ("origin", "VARCHAR"), ("line", "INTEGER"), ("reason", "VARCHAR"), ("article_id", "VARCHAR"),
        ("stage", "VARCHAR"), ("version", "VARCHAR"),
    ),
}

FINDING_TABLES = tuple(t for t in COLUMNS if t not in {"articles", "errors"})
"""Tables whose rows belong to one article (``article_id``)."""

_ARROW = {
    "VARCHAR": pa.string(),
    "JSON": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "VARCHAR[]": pa.list_(pa.string()),
}

ARROW_SCHEMAS: dict[str, pa.Schema] = {
    t: pa.schema([(c, _ARROW[ty]) for c, ty in cols]) for t, cols in COLUMNS.items()
}


def text_hash(text: str) -> str:
    """SHA-256 (hex) of the article text: the key that finds the same text under another id."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# --- Report -> rows --------------------------------------------------------------

_MAPPED: dict[type, frozenset[str]] = {
    Article: frozenset({"text", "id", "url", "outlet", "title", "authors", "published", "blocks", "origin", "format"}),
    Entity: frozenset({"id", "name", "kind", "mentions", "roles", "role_spans", "produced_by"}),
    Attribution: frozenset(
        {
            "id", "source", "cue", "content", "kind", "source_name", "source_type", "source_entity",
            "addressee", "addressee_name", "addressee_entity", "confidence", "produced_by",
        }
    ),
    Chain: frozenset({"attribution", "hops", "confidence", "produced_by"}),
    Hop: frozenset(
        {"name", "type", "role", "span", "entity", "country", "state_controlled", "date", "confidence"}
    ),
    Credit: frozenset({"name", "kind", "span", "produced_by"}),
    Hedge: frozenset({"cue", "text", "kind", "attribution", "scope", "lexicon", "produced_by"}),
    Voice: frozenset({"span", "text", "category", "lexicon", "produced_by"}),
    TimeExpr: frozenset({"span", "text", "value", "kind", "confidence", "produced_by"}),
    Claim: frozenset({"span", "level", "attribution", "cues", "produced_by"}),
    Report: frozenset(
        {"article", "entities", "attributions", "chains", "credits", "hedges", "voice", "times", "claims",
         "summary", "version", "schema"}
    ),
}


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
        for i, at in enumerate(r.attributions):
            lo, hi = _envelope(at.source, at.cue, at.content)
            self._add(
                "attributions",
                (aid, i, at.id, at.kind, _spans(at.source), _spans(at.cue), _spans(at.content),
                 at.source_name, at.source_type, at.source_entity, _spans(at.addressee), at.addressee_name,
                 at.addressee_entity, lo, hi, at.confidence, at.produced_by, ver, _extra(at)),
            )
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
        for i, c in enumerate(r.credits):
            self._add("credits", (aid, i, c.name, c.kind, _start(c.span), _end(c.span), c.produced_by, ver, _extra(c)))
        for i, hg in enumerate(r.hedges):
            self._add(
                "hedges",
                (aid, i, hg.cue[0], hg.cue[1], hg.text, hg.kind, hg.attribution, _start(hg.scope), _end(hg.scope),
                 hg.lexicon, hg.produced_by, ver, _extra(hg)),
            )
        for i, v in enumerate(r.voice):
            self._add("voice", (aid, i, v.span[0], v.span[1], v.text, v.category, v.lexicon, v.produced_by, ver, _extra(v)))
        for i, t in enumerate(r.times):
            self._add(
                "times",
                (aid, i, t.span[0], t.span[1], t.text, t.value, t.kind, t.confidence, t.produced_by, ver, _extra(t)),
            )
        for i, cl in enumerate(r.claims):
            self._add(
                "claims",
                (aid, i, cl.span[0], cl.span[1], cl.level, cl.attribution, _spans(cl.cues), cl.produced_by, ver,
                 _extra(cl)),
            )

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


# --- rows -> Report ---------------------------------------------------------------


def _pairs(js: str | None) -> list[list[int]]:
    return [list(p) for p in json.loads(js)] if js else []


def _one(s: int | None, e: int | None) -> list[int] | None:
    return [s, e] if s is not None and e is not None else None


def _with_extra(d: dict[str, Any], extra: str | None) -> dict[str, Any]:
    if extra:
        d.update(json.loads(extra))
    return d


# --- the store ---------------------------------------------------------------------


@dataclass
class WriteStats:
    """What one ``Store.write`` stored."""

    articles: int = 0
    errors: int = 0
    skipped: int = 0
    ids: list[str] = field(default_factory=list)


class Store:
    """A DuckDB corpus store.  Use ``Store.open(path)``; close it (or use ``with``) when done."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only

    # opening and migrating
    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Store:
        """Open (and, unless read-only, create and migrate) the store at ``path`` (``":memory:"`` for tests)."""
        p = str(path)
        if read_only and p != ":memory:" and not Path(p).exists():
            raise StoreError(f"{p}: no such database")
        try:
            con = duckdb.connect(p, read_only=read_only)
        except duckdb.IOException as e:
            msg = str(e)
            if "lock" in msg.lower():
                raise StoreError(f"{p}: the database is in use by another process (one writer at a time)") from None
            raise StoreError(f"{p}: cannot open the database ({msg.splitlines()[0]})") from None
        except duckdb.Error as e:
            raise StoreError(f"{p}: cannot open the database ({str(e).splitlines()[0]})") from None
        store = cls(con, p, read_only)
        if not read_only:
            store.migrate()
        elif store.schema_version() == 0:
            con.close()
            raise StoreError(f"{p}: not a reportedly store (no migrations table)")
        return store

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self) -> int:
        """The highest migration applied (0 for an empty database)."""
        have = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'migrations'"
        ).fetchall()[0]
        if not have or not have[0]:
            return 0
        row = self.con.execute("SELECT coalesce(max(id), 0) FROM migrations").fetchall()[0]
        return int(row[0]) if row else 0

    def migrate(self) -> list[int]:
        """Apply the migrations not applied yet, each in its own transaction; return their ids."""
        self._exec(
            "CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
            "version VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)"
        )
        current = self.schema_version()
        latest = MIGRATIONS[-1][0]
        if current > latest:
            raise StoreError(
                f"{self.path}: the store's schema ({current}) is newer than this reportedly knows ({latest}); upgrade"
            )
        applied = []
        for mid, name, sql in MIGRATIONS:
            if mid <= current:
                continue
            self.con.begin()
            try:
                self._exec(sql)
                self._exec("INSERT INTO migrations (id, name, version) VALUES (?, ?, ?)", [mid, name, __version__])
                self.con.commit()
            except BaseException:
                self.con.rollback()
                raise
            applied.append(mid)
        return applied

    # idempotence
    def known(self, ids: Sequence[str], hashes: Sequence[str]) -> tuple[set[str], set[str]]:
        """Which of these article ids, and which of these text hashes, are already stored."""
        if not ids and not hashes:
            return set(), set()
        rows = self.con.execute(
            "SELECT id, text_hash FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[])) "
            "OR text_hash IN (SELECT unnest(?::VARCHAR[]))",
            [list(ids), list(hashes)],
        ).fetchall()
        return {r[0] for r in rows}, {r[1] for r in rows}

    # writing
    def write(
        self, reports: Sequence[Report], errors: Sequence[tuple[InputError, str | None, str]] = ()
    ) -> WriteStats:
        """Store these reports and ``(error, article_id, stage)`` failures in ONE transaction.

        Reports whose article id or text is already stored are skipped (counted
        in ``skipped``).  An error already recorded (same origin, line and
        reason) is not recorded again.  Errors of articles stored now are removed.
        """
        stats = WriteStats()
        ids = [r.article.id for r in reports]
        hashes = [text_hash(r.article.text) for r in reports]
        seen_ids, seen_hashes = self.known(ids, hashes)
        fresh: list[Report] = []
        for r, h in zip(reports, hashes, strict=True):
            if r.article.id in seen_ids or h in seen_hashes:
                stats.skipped += 1
                continue
            seen_ids.add(r.article.id)
            seen_hashes.add(h)
            fresh.append(r)
        tables = report_tables(fresh, errors)
        self.con.begin()
        try:
            for name in ("articles", *FINDING_TABLES):
                self._insert(name, tables[name])
            stats.errors = self._insert_errors(tables["errors"])
            if fresh:
                self._exec(
                    "DELETE FROM errors WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                    [[r.article.id for r in fresh]],
                )
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise
        stats.articles = len(fresh)
        stats.ids = [r.article.id for r in fresh]
        return stats

    def _insert(self, name: str, table: pa.Table) -> None:
        if table.num_rows == 0:
            return
        cols = ", ".join(f'"{c}"' for c, _ in COLUMNS[name])
        self.con.register("_rows", table)
        try:
            self._exec(f"INSERT INTO {name} ({cols}) SELECT {cols} FROM _rows")
        finally:
            self.con.unregister("_rows")

    def _insert_errors(self, table: pa.Table) -> int:
        if table.num_rows == 0:
            return 0
        self.con.register("_rows", table)
        try:
            return self._insert_errors_from("_rows")
        finally:
            self.con.unregister("_rows")

    def _insert_errors_from(self, source: str) -> int:
        """Insert the error rows of ``source`` (a table expression) not recorded yet; return how many."""
        before = self._count("errors")
        self._exec(
            "INSERT INTO errors (origin, line, reason, article_id, stage, version) "
            f"SELECT DISTINCT r.origin, r.line, r.reason, r.article_id, r.stage, r.version FROM {source} r "
            "WHERE NOT EXISTS (SELECT 1 FROM errors e WHERE e.origin IS NOT DISTINCT FROM r.origin "
            "AND e.line IS NOT DISTINCT FROM r.line AND e.reason = r.reason)"
        )
        return self._count("errors") - before

    def _exec(self, sql: str, params: Sequence[Any] | None = None) -> None:
        """Run a statement and consume its result (DuckDB refuses other work while a result is pending)."""
        self.con.execute(sql, params).fetchall()

    def _count(self, table: str) -> int:
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0]
        return int(row[0]) if row else 0

    # Parquet shards (written by Dask workers, see reportedly.batch)
    def merged_shards(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT name FROM shards").fetchall()}

    def merge_shard(self, directory: str | Path) -> WriteStats:
        """Load one shard directory (``<table>.parquet`` files) in ONE transaction, skipping stored articles.

        A shard already merged (by name) is skipped; so are its articles already stored.
        """
        d = Path(directory)
        stats = WriteStats()
        if d.name in self.merged_shards():
            return stats
        files = {t: d / f"{t}.parquet" for t in COLUMNS}
        missing = [t for t, f in files.items() if not f.exists()]
        if missing:
            raise StoreError(f"{d}: not a complete shard (missing {', '.join(missing)})")

        def src(t: str) -> str:
            return "read_parquet('" + str(files[t]).replace("'", "''") + "')"

        self.con.begin()
        try:
            # Articles of the shard not stored yet, by id and by text, first occurrence only.
            self._exec(
                f"CREATE TEMP TABLE _new AS SELECT id FROM (SELECT id, text_hash, "
                f"row_number() OVER (PARTITION BY text_hash ORDER BY id) AS k FROM {src('articles')}) s "
                "WHERE k = 1 AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = s.id OR a.text_hash = s.text_hash)"
            )
            for t in ("articles", *FINDING_TABLES):
                cols = ", ".join(f'"{c}"' for c, _ in COLUMNS[t])
                key = "id" if t == "articles" else "article_id"
                self._exec(
                    f"INSERT INTO {t} ({cols}) SELECT {cols} FROM {src(t)} WHERE {key} IN (SELECT id FROM _new)"
                )
            stats.articles = self._count("_new")
            stats.errors = self._insert_errors_from(src("errors"))
            self._exec("DELETE FROM errors WHERE article_id IN (SELECT id FROM _new)")
            self._exec("INSERT INTO shards (name, articles) VALUES (?, ?)", [d.name, stats.articles])
            self._exec("DROP TABLE _new")
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise
        return stats

    # reading
    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {t: self._count(t) for t in COLUMNS}

    def article_ids(self) -> list[str]:
        """Stored article ids, in the order they were stored."""
        return [r[0] for r in self.con.execute("SELECT id FROM articles ORDER BY seq, id").fetchall()]

    def reports(self, ids: Sequence[str] | None = None, chunk: int = 500) -> Iterator[Report]:
        """Rebuild the stored reports (all, in storage order, or these ids), ``chunk`` articles per query."""
        wanted = list(ids) if ids is not None else self.article_ids()
        for i in range(0, len(wanted), chunk):
            yield from self._reports_of(wanted[i : i + chunk])

    def _fetch(self, table: str, ids: list[str], order: str) -> dict[str, list[dict[str, Any]]]:
        key = "id" if table == "articles" else "article_id"
        cur = self.con.execute(f"SELECT * FROM {table} WHERE {key} IN (SELECT unnest(?::VARCHAR[])) ORDER BY {order}", [ids])
        names = [d[0] for d in cur.description]
        out: dict[str, list[dict[str, Any]]] = {}
        for row in cur.fetchall():
            rec = dict(zip(names, row, strict=True))
            out.setdefault(rec[key], []).append(rec)
        return out

    def _reports_of(self, ids: list[str]) -> Iterator[Report]:
        arts = self._fetch("articles", ids, "id")
        rows = {t: self._fetch(t, ids, "article_id, idx" if t != "hops" else "article_id, chain_idx, idx")
                for t in FINDING_TABLES}
        for aid in ids:
            if aid not in arts:
                continue
            yield Report.from_dict(_report_dict(arts[aid][0], {t: rows[t].get(aid, []) for t in FINDING_TABLES}))


def _report_dict(a: dict[str, Any], rows: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """The ``Report.to_dict`` shape of one stored article and its finding rows."""
    extra = json.loads(a["extra"]) if a["extra"] else {}
    article = {
        "id": a["id"], "text": a["text"], "url": a["url"], "outlet": a["outlet"], "title": a["title"],
        "authors": list(a["authors"] or []), "published": a["published"], "origin": a["origin"],
        "format": a["format"],
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
        "attributions": [
            _with_extra(
                {"id": t["id"], "source": _pairs(t["source"]), "cue": _pairs(t["cue"]), "content": _pairs(t["content"]),
                 "kind": t["kind"], "source_name": t["source_name"], "source_type": t["source_type"],
                 "source_entity": t["source_entity"], "addressee": _pairs(t["addressee"]),
                 "addressee_name": t["addressee_name"], "addressee_entity": t["addressee_entity"],
                 "confidence": t["confidence"], "produced_by": t["produced_by"]},
                t["extra"],
            )
            for t in rows["attributions"]
        ],
        "chains": [
            _with_extra(
                {"attribution": c["attribution"], "hops": hops.get(c["idx"], []), "confidence": c["confidence"],
                 "produced_by": c["produced_by"]},
                c["extra"],
            )
            for c in rows["chains"]
        ],
        "credits": [
            _with_extra(
                {"name": c["name"], "kind": c["kind"], "span": _one(c["start_char"], c["end_char"]),
                 "produced_by": c["produced_by"]},
                c["extra"],
            )
            for c in rows["credits"]
        ],
        "hedges": [
            _with_extra(
                {"cue": [h["cue_start"], h["cue_end"]], "text": h["text"], "kind": h["kind"],
                 "attribution": h["attribution"], "scope": _one(h["scope_start"], h["scope_end"]),
                 "lexicon": h["lexicon"], "produced_by": h["produced_by"]},
                h["extra"],
            )
            for h in rows["hedges"]
        ],
        "voice": [
            _with_extra(
                {"span": [v["start_char"], v["end_char"]], "text": v["text"], "category": v["category"],
                 "lexicon": v["lexicon"], "produced_by": v["produced_by"]},
                v["extra"],
            )
            for v in rows["voice"]
        ],
        "times": [
            _with_extra(
                {"span": [t["start_char"], t["end_char"]], "text": t["text"], "value": t["value"], "kind": t["kind"],
                 "confidence": t["confidence"], "produced_by": t["produced_by"]},
                t["extra"],
            )
            for t in rows["times"]
        ],
        "claims": [
            _with_extra(
                {"span": [c["start_char"], c["end_char"]], "level": c["level"], "attribution": c["attribution"],
                 "cues": _pairs(c["cues"]), "produced_by": c["produced_by"]},
                c["extra"],
            )
            for c in rows["claims"]
        ],
    }
    out.update(extra.get("report", {}))
    return out
