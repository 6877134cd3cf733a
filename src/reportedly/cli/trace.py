"""Cross-article commands: ``reportedly trace`` (stories, copies, claims and relays of a store), ``stories``,
``story``, ``claim`` and ``drift``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..corpus.queries import ChainHop, Via, as_dict, drift_cases, find_claims
from ..corpus.queries import Passage as DriftPassage
from ..errors import ReportedlyError
from ..store import Store
from .app import ProgressOpt, app, err, error_line
from .corpus import DbOpt, Engine, QueryFormat, open_read_only, run_trace, write_rows

WorkersOpt = Annotated[
    int | None,
    typer.Option(
        "--workers",
        min=1,
        help="Worker processes for the per-article states. Local: default 1 (this process). Dask: default 2.",
    ),
]
SchedulerOpt = Annotated[
    str | None, typer.Option("--scheduler", help="Dask: address of an existing scheduler (tcp://host:8786).")
]


@app.command("trace")
def trace_command(
    db: DbOpt,
    engine: Annotated[Engine, typer.Option("--engine", help="local (this machine) or dask.")] = Engine.local,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
    progress: ProgressOpt = None,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Forget every earlier trace and decide the whole store again.")
    ] = False,
) -> None:
    """Find the stories, copies, claims and relays across the stored articles (tables story_articles, copies,
    claim_groups, claim_group_mentions, relays, drift; views stories, copy_rate_by_outlet, relay_origins_by_outlet,
    relays_by_outlet, drift_rate_by_outlet, unhedged_share_by_outlet).

    Incremental: only articles no earlier trace saw are decided, each against the traced ones
    before it, so tracing after every ingest gives the same tables as one trace at the end; with
    nothing new it does nothing.  A killed trace loses only the chunk in flight; run it again.
    """
    if scheduler:
        engine = Engine.dask
    if not db.exists():
        error_line(f"{db}: no such database (make one with reportedly ingest)")
        raise typer.Exit(1)
    try:
        with Store.open(db) as store:
            run_trace(
                store,
                engine,
                workers,
                scheduler,
                progress if progress is not None else err.is_terminal,
                rebuild,
            )
    except ReportedlyError as e:
        error_line(str(e))
        raise typer.Exit(1) from None


def _open_traced(db: Path, schema: int = 3, tables: str = "trace") -> Store:
    """The store, read-only; one error line when it predates the ``tables`` (schema ``schema``: the trace
    tables came with 3, the claim tables with 5)."""
    store = open_read_only(db)
    if store.schema_version() < schema:
        store.close()
        error_line(
            f"{db}: this store has no {tables} tables yet; run reportedly trace --db {db} (it upgrades the store)"
        )
        raise typer.Exit(1)
    return store


@contextmanager
def _reading(store: Store) -> Iterator[Store]:
    """Read ``store`` and close it; a store error becomes one error line and exit 1."""
    try:
        yield store
    except ReportedlyError as e:
        error_line(str(e))
        raise typer.Exit(1) from None
    finally:
        store.close()


def _json(found: list[Any]) -> None:
    typer.echo(json.dumps([as_dict(r) for r in found], ensure_ascii=False, indent=1))


def _rows(store: Store, sql: str, params: list[Any]) -> tuple[list[str], list[tuple[Any, ...]]]:
    with store.guard("read the store"):
        cur = store.con.execute(sql, params)
        return [d[0] for d in cur.description], cur.fetchall()


def _untraced_note(store: Store) -> str | None:
    with store.guard("read the store"):
        row = store.con.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id)"
        ).fetchall()[0]
    n = int(row[0])
    return f"{n} stored articles are not traced yet: run reportedly trace --db DB" if n else None


def _print(names: list[str], rows: list[tuple[Any, ...]], fmt: QueryFormat, title: str | None = None) -> None:
    if write_rows(names, rows, fmt):
        return
    table = Table(title=escape(title) if title else None, title_justify="left", show_lines=False)
    for n in names:
        table.add_column(n, overflow="fold")
    for r in rows:  # texts are not rich markup ("[cues: ...]", headlines with brackets)
        table.add_row(
            *(
                escape("" if v is None else ", ".join(map(str, v)) if isinstance(v, list) else str(v))
                for v in r
            )
        )
    Console(width=max(120, Console().width), soft_wrap=False).print(table)


@app.command()
def stories(
    db: DbOpt,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Show this many stories.")] = 20,
    min_articles: Annotated[
        int, typer.Option("--min-articles", min=1, help="Only stories of this many articles or more.")
    ] = 2,
    format: Annotated[
        QueryFormat, typer.Option("--format", "-f", help="table, csv or json.")
    ] = QueryFormat.table,
) -> None:
    """The largest stories of a traced store: articles, outlets, first and last dates, label."""
    with _reading(_open_traced(db)) as store:
        names, rows = _rows(
            store,
            "SELECT story_id, articles, outlets, first_date, last_date, label, outlet_names FROM stories "
            "WHERE articles >= ? ORDER BY articles DESC, outlets DESC, first_date NULLS LAST, story_id LIMIT ?",
            [min_articles, limit],
        )
        note = _untraced_note(store)
    _print(names, rows, format)
    if note:
        error_line(note)


@app.command()
def story(
    db: DbOpt,
    story_id: Annotated[
        str, typer.Argument(help="A story id (from reportedly stories), or an article id to show its story.")
    ],
    format: Annotated[
        QueryFormat, typer.Option("--format", "-f", help="table, csv or json.")
    ] = QueryFormat.table,
) -> None:
    """The articles of one story in time order: date, outlet, headline, and which article copies which."""
    with _reading(_open_traced(db)) as store:
        _, found = _rows(
            store,
            "SELECT story_id FROM story_articles WHERE story_id = ? OR article_id = ? ORDER BY story_id = ? DESC LIMIT 1",
            [story_id, story_id, story_id],
        )
        if not found:
            error_line(f"{db}: no story {story_id!r} (see reportedly stories --db {db})")
            raise typer.Exit(1)
        sid = found[0][0]
        _, head = _rows(
            store,
            "SELECT label, articles, outlets, first_date, last_date FROM stories WHERE story_id = ?",
            [sid],
        )
        names, rows = _rows(store, _STORY_SQL, [sid])
    label, n, outlets, first, last = head[0]
    dates = f"{first} .. {last}" if first else "undated"
    _print(names, rows, format, title=f"{sid}: {label}\n{n} articles, {outlets} outlets, {dates}")


_STORY_SQL = """
WITH m AS (SELECT article_id FROM story_articles WHERE story_id = ?),
links AS (
    SELECT c.article_id AS id,
           c.kind || ' of ' || c.source_article_id || ' (' || round(100 * c.share)::INTEGER || '%'
           || coalesce(', wire: ' || c.wire_credit, '') || ')' AS link
    FROM copies c JOIN m ON m.article_id = c.article_id
    UNION ALL
    SELECT c.source_article_id AS id, 'copied by ' || c.article_id || ' (' || c.kind || ')' AS link
    FROM copies c JOIN m ON m.article_id = c.source_article_id
)
SELECT left(a.published, 10) AS date, a.outlet, a.id AS article_id,
       coalesce(nullif(trim(a.title), ''), left(trim(split_part(trim(a.text), chr(10), 1)), 100)) AS headline,
       (SELECT list(l.link ORDER BY l.link) FROM links l WHERE l.id = a.id) AS copies
FROM m JOIN articles a ON a.id = m.article_id
ORDER BY a.published NULLS LAST, a.seq
"""


def _unclaimed_note(store: Store) -> str | None:
    with store.guard("read the store"):
        row = store.con.execute(
            "SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM claim_state)"
        ).fetchall()[0]
    n = int(row[0])
    return f"{n} stored articles have no claims decided yet: run reportedly trace --db DB" if n else None


def _hop(h: ChainHop) -> str:
    return f"{h.name} ({h.article_id})" if h.article_id else f"{h.name}"


def _came(v: Via | None) -> str:
    if v is None:
        return ""
    credit = f" {v.credit}" if v.credit and v.relation == "cites" else ""
    return f"{v.relation}{credit}: {v.article_id} ({v.outlet})"


def _short(text: str, n: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


@app.command()
def claim(
    db: DbOpt,
    text: Annotated[str, typer.Argument(help="A quote or claim (or part of one), or a claim group id.")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Show this many claim groups.")] = 5,
    format: Annotated[
        QueryFormat, typer.Option("--format", "-f", help="table, csv or json.")
    ] = QueryFormat.table,
) -> None:
    """Where a quote or claim appears across the stored articles: first seen, origin, and every mention in
    time order with its outlet, certainty level, the relay it came through and its chain through the
    stored articles (after reportedly trace)."""
    with _reading(_open_traced(db, 5, "claim")) as store:
        try:
            found = find_claims(store, text, limit)
        except ValueError as e:
            error_line(str(e))
            raise typer.Exit(2) from None
        note = _unclaimed_note(store)
    if format is QueryFormat.json:
        _json(found)
    elif format is QueryFormat.csv:
        names = [
            "group_id",
            "first_article_id",
            "first_seen",
            "origin_name",
            "origin_type",
            "published",
            "outlet",
            "article_id",
            "start",
            "end",
            "level",
            "text",
            "via_relation",
            "via_article_id",
            "chain",
        ]
        flat: list[tuple[Any, ...]] = [
            (
                r.group_id,
                r.first_article_id,
                r.first_seen,
                r.origin_name,
                r.origin_type,
                m.published,
                m.outlet,
                m.article_id,
                m.start,
                m.end,
                m.level,
                m.text,
                m.via.relation if m.via else None,
                m.via.article_id if m.via else None,
                " → ".join(_hop(h) for h in m.chain),
            )
            for r in found
            for m in r.mentions
        ]
        _print(names, flat, format)
    else:
        for r in found:
            title = (
                f"{r.group_id} ({r.kind}): {_short(r.text, 160)}\nfirst seen {r.first_seen or 'undated'} in "
                f"{r.first_article_id} ({r.first_outlet}); origin {r.origin_name} ({r.origin_type}); "
                f"{r.articles} articles"
            )
            rows: list[tuple[Any, ...]] = [
                (
                    (m.published or "")[:10],
                    m.outlet,
                    m.article_id,
                    m.level,
                    _short(m.text),
                    _came(m.via),
                    " → ".join(_hop(h) for h in m.chain),
                )
                for m in r.mentions
            ]
            _print(
                ["date", "outlet", "article", "level", "passage", "came through", "chain"],
                rows,
                format,
                title,
            )
        if not found:
            error_line(f"no claim holds {text!r} (see reportedly claim --help)")
    if note:
        error_line(note)


@app.command()
def drift(
    db: DbOpt,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Show this many drift cases.")] = 20,
    outlet: Annotated[
        str | None, typer.Option("--outlet", help="Only the cases where this outlet is downstream.")
    ] = None,
    format: Annotated[
        QueryFormat, typer.Option("--format", "-f", help="table, csv or json.")
    ] = QueryFormat.table,
) -> None:
    """Hedge drift across the stored articles, most recent first: one claim stated with different certainty
    by a later article (raised: it dropped a hedge or an attribution; lowered: it added one), with both
    passages and the cues that differ (after reportedly trace)."""
    with _reading(_open_traced(db, 5, "claim")) as store:
        found = drift_cases(store, limit, outlet)
        note = _unclaimed_note(store)
    if format is QueryFormat.json:
        _json(found)
    elif format is QueryFormat.csv:
        names = [
            "date", "direction", "group_id", "upstream_article_id", "upstream_outlet", "upstream_level",
            "upstream_start", "upstream_end", "upstream_passage", "upstream_cues", "downstream_article_id",
            "downstream_outlet", "downstream_level", "downstream_start", "downstream_end", "downstream_passage",
            "downstream_cues",
        ]  # fmt: skip
        flat: list[tuple[Any, ...]] = []
        for d in found:
            u, w = d.upstream, d.downstream
            flat.append(
                (
                    (w.published or "")[:10],
                    d.direction,
                    d.group_id,
                    u.article_id,
                    u.outlet,
                    u.level,
                    u.start,
                    u.end,
                    u.text,
                    list(u.cues),
                    w.article_id,
                    w.outlet,
                    w.level,
                    w.start,
                    w.end,
                    w.text,
                    list(w.cues),
                )
            )
        _print(names, flat, format)
    else:

        def side(p: DriftPassage) -> str:
            cues = f" [cues: {', '.join(p.cues)}]" if p.cues else ""
            return (
                f"{p.outlet}, {p.article_id}, {(p.published or '')[:10]} ({p.level}){cues}: {_short(p.text)}"
            )

        rows = [
            ((d.downstream.published or "")[:10], d.direction, side(d.upstream), side(d.downstream))
            for d in found
        ]
        _print(["date", "direction", "upstream (earlier)", "downstream (later)"], rows, format)
    if note:
        error_line(note)
