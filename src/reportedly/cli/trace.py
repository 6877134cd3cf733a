"""Cross-article commands: ``reportedly trace`` (stories and copies of a store), ``stories`` and ``story``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from ..errors import ReportedlyError
from ..store import Store
from .app import ProgressOpt, app, err, error_line
from .corpus import DbOpt, Engine, QueryFormat, open_read_only, plain, run_trace

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
    """Find the stories and copies across the stored articles (tables story_articles, copies; views stories,
    copy_rate_by_outlet).

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


def _open_traced(db: Path) -> Store:
    """The store, read-only; one error line when it predates the trace tables (schema 3)."""
    store = open_read_only(db)
    if store.schema_version() < 3:
        store.close()
        error_line(
            f"{db}: this store has no trace tables yet; run reportedly trace --db {db} (it upgrades the store)"
        )
        raise typer.Exit(1)
    return store


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
    if fmt is QueryFormat.json:
        typer.echo(
            json.dumps(
                [dict(zip(names, map(plain, r), strict=True)) for r in rows], ensure_ascii=False, indent=1
            )
        )
        return
    if fmt is QueryFormat.csv:
        import csv
        import sys

        w = csv.writer(sys.stdout)
        w.writerow(names)
        w.writerows([[json.dumps(plain(v)) if isinstance(v, list) else v for v in r] for r in rows])
        return
    table = Table(title=title, title_justify="left", show_lines=False)
    for n in names:
        table.add_column(n, overflow="fold")
    for r in rows:
        table.add_row(
            *("" if v is None else ", ".join(map(str, v)) if isinstance(v, list) else str(v) for v in r)
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
    store = _open_traced(db)
    try:
        names, rows = _rows(
            store,
            "SELECT story_id, articles, outlets, first_date, last_date, label, outlet_names FROM stories "
            "WHERE articles >= ? ORDER BY articles DESC, outlets DESC, first_date NULLS LAST, story_id LIMIT ?",
            [min_articles, limit],
        )
        note = _untraced_note(store)
    except ReportedlyError as e:
        error_line(str(e))
        raise typer.Exit(1) from None
    finally:
        store.close()
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
    store = _open_traced(db)
    try:
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
    except ReportedlyError as e:
        error_line(str(e))
        raise typer.Exit(1) from None
    finally:
        store.close()
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
