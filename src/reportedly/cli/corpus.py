"""Corpus commands: ``reportedly ingest``, ``query``, ``export`` and ``views`` (the store in docs/store.md).

``ingest --trace`` then runs ``reportedly trace`` (``run_trace``, shared with ``cli.trace``)."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import decimal
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import ModelMissingError, ReportedlyError
from ..store import VIEWS, Store, StoreError, is_corrupt, store_error
from .app import ConfigOpt, NoLanguageCheckOpt, ProfileOpt, ProgressOpt, app, err, error_line, settings_from

DbOpt = Annotated[Path, typer.Option("--db", help="The DuckDB store file (created by ingest).")]


class Engine(StrEnum):
    local = "local"
    dask = "dask"


class QueryFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


SMALL_RUN = 64
"""Inputs of this many articles or fewer are analysed in the ingest process itself: starting worker
processes (a model load each, 2-4 s) would cost more than they save."""
MAX_AUTO_WORKERS = 8
"""The default local worker count is capped here (each worker holds its own model, 400-500 MB)."""


def default_local_workers(total: int | None) -> int:
    """Worker processes for a local ingest of ``total`` articles (None: not counted) when ``--workers``
    is not given: one per CPU this process may use (at most ``MAX_AUTO_WORKERS``), or 1 for small
    inputs (``SMALL_RUN``)."""
    import os

    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cpus = os.cpu_count() or 1
    if cpus <= 1:
        return 1
    if total is not None and total <= SMALL_RUN:
        return 1
    return min(cpus, MAX_AUTO_WORKERS)


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files (.jsonl, .html, .txt, .warc, also .gz), directories or glob patterns ('data/*.jsonl')."),
    ],
    db: DbOpt,
    engine: Annotated[Engine, typer.Option("--engine", help="local (processes on this machine) or dask.")] = Engine.local,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Worker processes. Local: default one per CPU (at most 8), or 1 (this process) for "
            f"{SMALL_RUN} articles or fewer. Dask: processes of the local cluster, default 2.",
        ),
    ] = None,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask: address of an existing scheduler (tcp://host:8786).")
    ] = None,
    shards: Annotated[
        Path | None,
        typer.Option("--shards", help="Dask: workers write Parquet shards here (shared storage) for the writer to merge."),
    ] = None,
    partition_size: Annotated[int, typer.Option("--partition-size", min=1, help="Dask: articles per task.")] = 16,
    batch_size: Annotated[
        int | None, typer.Option("--batch-size", min=1, help="Local: articles per parse batch and per transaction.")
    ] = None,
    config: ConfigOpt = None,
    max_chars: Annotated[int | None, typer.Option(help="Refuse (as errors) articles longer than this.")] = None,
    no_language_check: NoLanguageCheckOpt = False,
    progress: ProgressOpt = None,
    profile: ProfileOpt = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="One line on stderr per committed batch.")] = False,
    trace: Annotated[
        bool, typer.Option("--trace", help="Then trace the store: stories and copies across articles (reportedly trace).")
    ] = False,
) -> None:
    """Analyse a corpus into a DuckDB store: resumable, idempotent, one transaction per batch.

    Articles already stored (same id and text, or the same text under another
    id) are skipped before analysis, so re-running after a crash or on a grown
    corpus only analyses what is new.  An article whose id is stored with a
    different text is refused as a failure (ingest it under a new id to keep
    both).  Failed articles and unreadable input go to the errors table
    (origin, line, reason) and never stop the run.  Exit status 0 when the run
    finished (failures included; see the summary line), 2 on usage errors or a
    missing model, 1 when the store or the cluster cannot be used (locked,
    corrupt, no space left: what was stored before stays stored).
    """
    import duckdb

    from ..batch import store_corpus

    if scheduler:
        engine = Engine.dask
    if engine is Engine.local and shards is not None:
        error_line("--shards needs --engine dask")
        raise typer.Exit(2)
    settings = settings_from(
        config,
        max_chars=max_chars,
        batch_size=batch_size,
        check_language=False if no_language_check else None,
        profile=profile.value if profile is not None else None,
    )
    show_progress = progress if progress is not None else err.is_terminal

    def log(line: str) -> None:
        err.print(f"reportedly: {line}", markup=False, highlight=False)

    try:
        with Store.open(db) as store:
            stats = store_corpus(
                paths,
                store,
                settings,
                engine=engine.value,
                workers=default_local_workers if workers is None and engine is Engine.local else workers,
                scheduler=scheduler,
                shards=str(shards) if shards else None,
                partition_size=partition_size,
                progress=show_progress,
                console=err,
                log=log if verbose else None,
            )
    except ModelMissingError as e:
        error_line(str(e))
        raise typer.Exit(2) from None
    except ReportedlyError as e:
        error_line(str(e))
        raise typer.Exit(1) from None
    except duckdb.Error as e:  # the store turns its own failures into StoreError; this is a last guard
        error_line(str(store_error(str(db), e, "ingest")))
        raise typer.Exit(1) from None
    except OSError as e:  # a shard directory that cannot be made ...
        error_line(f"{e.filename or db}: {e.strerror or e}")
        raise typer.Exit(1) from None
    if not show_progress:
        for line in stats.errors[:20]:
            error_line(line)
        if len(stats.errors) > 20:
            err.print(f"reportedly: ... and {stats.failed - 20} more failures in the errors table", highlight=False)
    err.print(
        f"reportedly: {stats.stored} stored, {stats.skipped} skipped (already stored), {stats.failed} failed "
        f"in {stats.seconds:.1f} s ({stats.startup:.1f} s start-up; {stats.rate:.2f} articles/s analysed"
        + (f" on {stats.workers} workers" if stats.workers > 1 else "")
        + f"; peak memory per process {', '.join(f'{m:.0f}' for m in stats.worker_peak_mb)} MB) -> {db}",
        highlight=False,
        markup=False,
    )
    if trace:
        try:
            with Store.open(db) as store:
                run_trace(store, engine, workers, scheduler, show_progress)
        except ReportedlyError as e:
            error_line(str(e))
            raise typer.Exit(1) from None


def open_read_only(db: Path, *, external_access: bool = True) -> Store:
    try:
        return Store.open(db, read_only=True, external_access=external_access)
    except ReportedlyError as e:
        error_line(str(e))
        raise typer.Exit(1) from None


def plain(v: Any) -> Any:
    if isinstance(v, dt.date | dt.datetime | dt.time):
        return v.isoformat()
    if isinstance(v, decimal.Decimal):
        return float(v)
    if isinstance(v, bytes):
        return v.hex()
    if isinstance(v, list | tuple):
        return [plain(x) for x in v]
    if isinstance(v, dict):
        return {str(k): plain(x) for k, x in v.items()}
    return v


def write_rows(names: list[str], rows: list[tuple[Any, ...]], fmt: QueryFormat) -> bool:
    """Write rows to stdout as CSV (list and map columns as JSON text) or JSON (a list of objects);
    False for the table format, which each command draws its own way."""
    out = sys.stdout
    if fmt is QueryFormat.csv:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(names)
        for r in rows:
            w.writerow([json.dumps(plain(v)) if isinstance(v, list | dict) else plain(v) for v in r])
        return True
    if fmt is QueryFormat.json:
        json.dump([dict(zip(names, map(plain, r), strict=True)) for r in rows], out, ensure_ascii=False, indent=1)
        out.write("\n")
        return True
    return False


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="One SQL query (DuckDB dialect), e.g. \"SELECT * FROM hedge_rate\".")],
    db: DbOpt,
    format: Annotated[QueryFormat, typer.Option("--format", "-f", help="table, csv or json.")] = QueryFormat.table,
    allow_external_access: Annotated[
        bool,
        typer.Option(
            "--allow-external-access",
            help="Let the SQL read and write files, URLs and extensions (COPY ... TO, read_csv, ATTACH); "
            "off by default (setting query_external_access).",
        ),
    ] = False,
    config: ConfigOpt = None,
) -> None:
    """Run a read-only SQL query over a store and print the rows (tables and views: docs/store.md).

    The query sees the store and nothing else: DuckDB's access to files, URLs and
    extensions is switched off (and cannot be switched on by the SQL) unless
    --allow-external-access or the setting query_external_access = true.
    """
    import duckdb

    settings = settings_from(config, query_external_access=True if allow_external_access else None)
    external = settings.query_external_access
    store = open_read_only(db, external_access=external)
    try:
        names, rows = store.query(sql)
    except duckdb.Error as e:
        problem = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        if is_corrupt(e):
            error_line(f"{db}: not a reportedly store or corrupt: {problem}")
        elif not external and isinstance(e, duckdb.PermissionException):
            error_line(f"query failed: {problem} (queries may not reach files; --allow-external-access allows it)")
        else:
            error_line(f"query failed: {problem}")
        raise typer.Exit(1) from None
    finally:
        store.close()
    if not write_rows(names, rows, format):
        from rich.console import Console
        from rich.table import Table

        table = Table(*names, show_lines=False)
        for r in rows:
            table.add_row(*("" if v is None else str(plain(v)) for v in r))
        Console(file=sys.stdout, soft_wrap=False).print(table)
        err.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}", highlight=False)


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="Output: a directory (parquet, csv) or a file, - for stdout (jsonl).")],
    db: DbOpt,
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="parquet, csv or jsonl.")] = ExportFormat.parquet,
) -> None:
    """Export a store: one Parquet or CSV file per table and view, or JSONL with one full report per line.

    JSONL reports have the shape of ``reportedly analyze --format jsonl`` and
    rebuild with ``Report.from_dict``.  In CSV, list and span columns are JSON text.
    An output that cannot be written (no such directory, not a directory,
    read-only, no space left) is one error line and exit status 1; the store
    is only read.
    """
    store = open_read_only(db)
    try:
        n, what = _export(store, out, format)
    except StoreError as e:
        error_line(str(e))
        raise typer.Exit(1) from None
    finally:
        store.close()
    err.print(f"reportedly: {n} {what} -> {out}", highlight=False, markup=False)


def _export(store: Store, out: Path, format: ExportFormat) -> tuple[int, str]:
    """Write the export; returns how many reports or files.  Raises ``StoreError`` naming the file."""
    import duckdb

    if format is ExportFormat.jsonl:
        n = 0
        try:
            fh = sys.stdout if str(out) == "-" else open(out, "w", encoding="utf-8")  # noqa: SIM115
        except OSError as e:
            raise StoreError(f"{out}: cannot write the export ({_os_problem(e)})") from None
        try:
            for r in store.reports():
                fh.write(r.to_json() + "\n")
                n += 1
            if fh is not sys.stdout:
                fh.close()
        except OSError as e:
            _close_quietly(fh)
            done = f"{n} report{'s' if n != 1 else ''} written before"
            raise StoreError(f"{out}: cannot write the export ({_os_problem(e)}; {done})") from None
        except duckdb.Error as e:
            _close_quietly(fh)
            raise store_error(store.path, e, "read the store") from None
        return n, "reports"
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreError(f"{out}: cannot make the export directory ({_os_problem(e)})") from None
    return store.export_files(out, format.value), f"{format.value} files"


def _os_problem(e: OSError) -> str:
    """``No space left on device`` rather than ``[Errno 28] No space left on device: 'path'``."""
    return e.strerror or str(e)


def _close_quietly(fh: Any) -> None:
    if fh is sys.stdout:
        return
    with contextlib.suppress(OSError):
        fh.close()


@app.command()
def views(db: Annotated[Path | None, typer.Option("--db", help="Also count the rows of each view in this store.")] = None) -> None:
    """List the ready-made views of a store (query them with reportedly query)."""
    counts: dict[str, int] = {}
    if db is not None:
        import duckdb

        store = open_read_only(db)
        try:
            for name in VIEWS:
                counts[name] = store.row_count(name)
        except duckdb.Error as e:
            error_line(str(store_error(str(db), e, "read the store")))
            raise typer.Exit(1) from None
        finally:
            store.close()
    for name, about in VIEWS.items():
        extra = f"  ({counts[name]} rows)" if name in counts else ""
        typer.echo(f"{name}: {about}{extra}")


def run_trace(
    store: Store, engine: Engine, workers: int | None, scheduler: str | None, progress: bool, rebuild: bool = False
) -> None:
    """Trace ``store`` with a progress bar (or not) and print the summary line; raises ``ReportedlyError``."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..corpus.trace import trace

    bar = (
        Progress(TextColumn("tracing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err)
        if progress
        else None
    )
    task = bar.add_task("trace", total=None) if bar else None

    def on_chunk(done: int, total: int) -> None:
        if bar is not None and task is not None:
            bar.update(task, completed=done, total=total)

    if bar is not None:
        bar.start()
    try:
        stats = trace(
            store,
            engine=engine.value,
            workers=workers or (2 if engine is Engine.dask else 1),
            scheduler=scheduler,
            on_chunk=on_chunk,
            rebuild=rebuild,
        )
    finally:
        if bar is not None:
            bar.stop()
    err.print(f"reportedly: {stats.line()} -> {store.path}", highlight=False, markup=False)
