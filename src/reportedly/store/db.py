"""The ``Store``: one DuckDB database file, opened, migrated, written and read.

``Store.open(path)`` opens (creating and migrating) a database file;
``Store.write(results)`` stores a batch of reports and errors in ONE
transaction, so a process killed at any moment leaves every article either
stored with all its findings or absent.  ``Store.merge_shard`` loads the
Parquet shards Dask workers wrote (the same rows, from ``rows.report_tables``),
one shard per transaction.  ``Store.reports()`` rebuilds ``Report`` objects
from the rows (``Report.from_dict`` of ``rows.report_dict``).

Failures of the database or the disk (locked, corrupt or truncated file, no
space left, an export target that cannot be written) are raised as
``StoreError`` naming the file and the problem, one line, never as DuckDB's
own exceptions: a failed batch is rolled back, and what was stored before it
stays stored.  ``external_access=False`` opens a store that SQL cannot use to
reach the file system (``COPY ... TO``, ``read_csv``, ``ATTACH``, extensions):
``reportedly query`` and the web page open it that way.

Limits: one writing process at a time (DuckDB's file lock); readers open the
file read-only when no writer holds it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import InputError, ReportedlyError
from ..model import Report
from ..version import __version__
from .rows import report_dict, report_tables, text_hash
from .schema import COLUMNS, CORPUS_TABLES, FINDING_TABLES, MIGRATIONS, VIEWS


class StoreError(ReportedlyError):
    """The database cannot be opened or written (locked, not a reportedly store, corrupt, newer schema,
    no space left ...), or an export cannot be written.  ``str(e)`` is one line: ``FILE: PROBLEM``."""


_CORRUPT = ("corrupt database file", "not a valid duckdb database file", "could not read enough bytes")


def first_line(e: BaseException) -> str:
    """The first line of an exception's message (DuckDB's carry a context block below, and some wrap
    the message of the failed file operation in JSON)."""
    lines = str(e).strip().splitlines()
    line = lines[0] if lines else type(e).__name__
    inner = re.search(r'"exception_message":"((?:[^"\\]|\\.)*)"', line)
    return inner.group(1).replace('\\"', '"') if inner else line


def is_corrupt(e: BaseException) -> bool:
    """Whether a DuckDB error says the database file is damaged (bad checksum, cut short, not DuckDB)."""
    msg = str(e).lower()
    return any(c in msg for c in _CORRUPT)


def store_error(path: str, e: BaseException, doing: str) -> StoreError:
    """The one-line ``StoreError`` for a DuckDB or OS error met while ``doing`` something to the store at ``path``."""
    msg = first_line(e)
    low = msg.lower()
    if is_corrupt(e):
        return StoreError(f"{path}: not a reportedly store or corrupt: {msg}")
    if "no space left" in low or "disk full" in low:
        return StoreError(f"{path}: no space left on the device, cannot {doing} ({msg})")
    if isinstance(e, duckdb.IOException) and "lock" in low:
        return StoreError(f"{path}: the database is in use by another process (one writer at a time)")
    return StoreError(f"{path}: cannot {doing} ({msg})")


@dataclass
class WriteStats:
    """What one ``Store.write`` stored."""

    articles: int = 0
    errors: int = 0
    skipped: int = 0
    ids: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    """Ids among the skipped that are stored with another text."""


class Store:
    """A DuckDB corpus store.  Use ``Store.open(path)``; close it (or use ``with``) when done."""

    def __init__(
        self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool, external_access: bool = True
    ) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only
        self.external_access = external_access

    # opening and migrating
    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False, external_access: bool = True) -> Store:
        """Open (and, unless read-only, create and migrate) the store at ``path`` (``":memory:"`` for tests).

        ``external_access=False`` switches off DuckDB's access to anything but the store itself
        (files, URLs, extensions) for this connection; SQL cannot switch it on again.  Raises
        ``StoreError`` (one line) when the file is missing (read-only), locked, corrupt, not a
        reportedly store, or cannot be created (no space left ...); a file this call created
        is removed again when it fails.
        """
        p = str(path)
        on_disk = p != ":memory:"
        existed = on_disk and Path(p).exists()
        if read_only and on_disk and not existed:
            raise StoreError(f"{p}: no such database")
        config: dict[str, str | bool | int | float | list[str]] = {} if external_access else {"enable_external_access": False}
        try:
            con = duckdb.connect(p, read_only=read_only, config=config)
        except duckdb.Error as e:
            if on_disk and not existed and Path(p).exists() and Path(p).stat().st_size == 0:
                _remove_created(p)  # an empty file this call made (no space left ...)
            raise store_error(p, e, "open the database") from None
        store = cls(con, p, read_only, external_access)
        try:
            store._check_size()
            if not read_only:
                store.migrate()
            elif store.schema_version() == 0:
                raise StoreError(f"{p}: not a reportedly store (no migrations table)")
        except (duckdb.Error, StoreError) as e:
            store._close_quietly()
            if on_disk and not existed:
                _remove_created(p)
            if isinstance(e, StoreError):
                raise
            raise store_error(p, e, "create the store" if not existed else "open the database") from None
        return store

    def _check_size(self) -> None:
        """Refuse a file shorter than the blocks its header counts (cut short by a copy or a full disk).

        Skipped while a write-ahead log is pending (its blocks are not in the file yet).
        """
        if self.path == ":memory:" or Path(self.path + ".wal").exists():
            return
        row = self.con.execute(
            "SELECT used_blocks, block_size FROM pragma_database_size() WHERE database_name = current_database()"
        ).fetchall()
        if not row:
            return
        # Used blocks, not total: DuckDB leaves free blocks at the end out of the file (a store
        # that dropped a table counts more blocks than the file holds, and is sound).
        blocks, block_size = int(row[0][0] or 0), int(row[0][1] or 0)
        size = Path(self.path).stat().st_size
        if size < blocks * block_size:
            raise StoreError(
                f"{self.path}: not a reportedly store or corrupt: the file is cut short "
                f"({size} bytes, its header counts {blocks} blocks in use of {block_size})"
            )

    def close(self) -> None:
        """Close (DuckDB writes a checkpoint); raises ``StoreError`` when that fails."""
        try:
            self.con.close()
        except duckdb.Error as e:
            raise store_error(self.path, e, "close the database") from None

    def _close_quietly(self) -> None:
        with suppress(duckdb.Error):
            self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is None:
            self.close()
        else:  # the error on its way out says more than a failed close
            self._close_quietly()

    @contextmanager
    def guard(self, doing: str) -> Iterator[None]:
        """Turn DuckDB errors raised inside into one-line ``StoreError``s about this store."""
        try:
            yield
        except duckdb.Error as e:
            raise store_error(self.path, e, doing) from None

    @contextmanager
    def transaction(self, doing: str) -> Iterator[None]:
        """ONE transaction around the block: committed at its end, rolled back on any error; a DuckDB
        error comes out as the one-line ``StoreError`` about ``doing`` (what was committed before stays)."""
        try:
            self.con.begin()
            yield
            self.con.commit()
        except duckdb.Error as e:
            self._rollback()
            raise store_error(self.path, e, doing) from None
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        """Roll back the open transaction, if DuckDB still has one (a failed commit ends it)."""
        with suppress(duckdb.Error):
            self.con.rollback()

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
                self._rollback()
                raise
            applied.append(mid)
        return applied

    # idempotence
    def known(self, ids: Sequence[str], hashes: Sequence[str]) -> tuple[set[str], set[str]]:
        """Which of these article ids, and which of these text hashes, are already stored."""
        by_id, stored_hashes = self.stored(ids, hashes)
        return set(by_id), stored_hashes

    def stored(self, ids: Sequence[str], hashes: Sequence[str]) -> tuple[dict[str, str], set[str]]:
        """The stored text hash of each of these ids that is stored, and which of these hashes are stored.

        An id stored with another hash than its article's now is a *changed* article (see ``write``).
        """
        if not ids and not hashes:
            return {}, set()
        with self.guard("read the stored articles"):
            rows = self.con.execute(
                "SELECT id, text_hash FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[])) "
                "OR text_hash IN (SELECT unnest(?::VARCHAR[]))",
                [list(ids), list(hashes)],
            ).fetchall()
        wanted_ids, wanted_hashes = set(ids), set(hashes)
        return {r[0]: r[1] for r in rows if r[0] in wanted_ids}, {r[1] for r in rows if r[1] in wanted_hashes}

    # writing
    def write(
        self, reports: Sequence[Report], errors: Sequence[tuple[InputError, str | None, str]] = ()
    ) -> WriteStats:
        """Store these reports and ``(error, article_id, stage)`` failures in ONE transaction.

        Reports whose article id is already stored are skipped (counted in
        ``skipped``); those whose id is stored with ANOTHER text (changed
        articles, which the ingest refuses as failures before analysis, see
        ``reportedly.batch``) are also listed in ``changed``.  The same text
        under another id is another article (a republication: the copies
        layer needs it) and is stored.  An error already
        recorded (same origin, line and reason) is not recorded again.  Errors
        of articles stored now are removed.  A batch the database refuses (no
        space left, a corrupt file) is rolled back and raised as ``StoreError``;
        what was stored before stays stored.
        """
        stats = WriteStats()
        ids = [r.article.id for r in reports]
        hashes = [text_hash(r.article.text) for r in reports]
        seen, _ = self.stored(ids, [])
        fresh: list[Report] = []
        for r, h in zip(reports, hashes, strict=True):
            if r.article.id in seen:
                stats.skipped += 1
                if seen[r.article.id] != h:
                    stats.changed.append(r.article.id)
                continue
            seen[r.article.id] = h
            fresh.append(r)
        tables = report_tables(fresh, errors)
        with self.transaction(f"store a batch of {len(fresh)} articles and {len(errors)} errors"):
            for name in ("articles", *FINDING_TABLES):
                self._insert(name, tables[name])
            stats.errors = self._insert_errors(tables["errors"])
            if fresh:
                self._exec(
                    "DELETE FROM errors WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                    [[r.article.id for r in fresh]],
                )
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
        with self.guard("read the merged shards"):
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

        with self.transaction(f"merge the shard {d}"):
            # Articles of the shard not stored yet (by id; a shard never holds an id twice).
            self._exec(
                f"CREATE TEMP TABLE _new AS SELECT DISTINCT id FROM {src('articles')} s "
                "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = s.id)"
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
        return stats

    # reading
    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {t: self._count(t) for t in COLUMNS}

    def article_ids(self) -> list[str]:
        """Stored article ids, in the order they were stored."""
        return [r[0] for r in self.con.execute("SELECT id FROM articles ORDER BY seq, id").fetchall()]

    def reports(
        self, ids: Sequence[str] | None = None, chunk: int = 500, tables: Sequence[str] | None = None
    ) -> Iterator[Report]:
        """Rebuild the stored reports (all, in storage order, or these ids), ``chunk`` articles per query.

        ``tables``: read only these finding tables (names of ``FINDING_TABLES``; ``hops`` comes with
        ``chains``) and leave the report's other families empty, for a reader that needs only some
        (the trace's claims read ``attributions``, ``chains`` and ``claims``, a quarter of the time).
        """
        for d in self.report_dicts(ids, chunk, tables):
            yield Report.from_dict(d)

    def report_dicts(
        self, ids: Sequence[str] | None = None, chunk: int = 500, tables: Sequence[str] | None = None
    ) -> Iterator[dict[str, Any]]:
        """The stored reports as ``Report.to_dict`` dicts (what ``reports`` rebuilds ``Report`` objects
        from; cheap to send to worker processes, which rebuild them there)."""
        wanted = list(ids) if ids is not None else self.article_ids()
        only = None if tables is None else tuple(
            t for t in FINDING_TABLES if t in tables or (t == "hops" and "chains" in tables)
        )
        for i in range(0, len(wanted), chunk):
            yield from self._report_dicts_of(wanted[i : i + chunk], only)

    def query(self, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        """The column names and rows of one SQL query (``reportedly query``); raises ``duckdb.Error``."""
        cur = self.con.execute(sql)
        names = [d[0] for d in cur.description] if cur.description else []
        return names, (cur.fetchall() if names else [])

    def row_count(self, name: str) -> int:
        """Rows of one table or view (a name of ``COLUMNS``, ``CORPUS_TABLES`` or ``VIEWS``)."""
        return int(self.con.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0])

    def export_files(self, out: Path, fmt: str) -> int:
        """One ``parquet`` or ``csv`` file per table and view under ``out``; returns how many.

        In CSV, list columns are written as JSON text (CSV has no lists).  ``out`` must be a
        directory.  Raises ``StoreError`` naming the file that could not be written (no space
        left, read-only ...) or the store when it cannot be read (corrupt).  Needs a store opened
        with ``external_access=True`` (COPY TO writes files).
        """
        opts = "(FORMAT parquet, COMPRESSION zstd)" if fmt == "parquet" else "(FORMAT csv, HEADER)"
        names = (*COLUMNS, *CORPUS_TABLES, "migrations", *VIEWS)
        for name in names:
            target = out / f"{name}.{fmt}"
            try:
                select = f"SELECT * FROM {name}"
                if fmt == "csv":
                    select = f"SELECT {self._csv_columns(name)} FROM {name}"
                path = str(target).replace("'", "''")
                self.con.execute(f"COPY ({select}) TO '{path}' {opts}").fetchall()
            except duckdb.Error as e:
                if is_corrupt(e):
                    raise store_error(self.path, e, "read the store") from None
                raise store_error(str(target), e, "write the export") from None
        return len(names)

    def _csv_columns(self, name: str) -> str:
        """Columns of a table or view, lists written as JSON text."""
        cols = self.con.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [name],
        ).fetchall()
        return ", ".join(f'to_json("{c}") AS "{c}"' if t.endswith("[]") else f'"{c}"' for c, t in cols)

    def _fetch(self, table: str, ids: list[str], order: str) -> dict[str, list[dict[str, Any]]]:
        key = "id" if table == "articles" else "article_id"
        cur = self.con.execute(f"SELECT * FROM {table} WHERE {key} IN (SELECT unnest(?::VARCHAR[])) ORDER BY {order}", [ids])
        names = [d[0] for d in cur.description]
        out: dict[str, list[dict[str, Any]]] = {}
        for row in cur.fetchall():
            rec = dict(zip(names, row, strict=True))
            out.setdefault(rec[key], []).append(rec)
        return out

    def _report_dicts_of(self, ids: list[str], tables: Sequence[str] | None = None) -> Iterator[dict[str, Any]]:
        arts = self._fetch("articles", ids, "id")
        rows = {t: self._fetch(t, ids, "article_id, idx" if t != "hops" else "article_id, chain_idx, idx")
                for t in (FINDING_TABLES if tables is None else tables)}
        for aid in ids:
            if aid not in arts:
                continue
            yield report_dict(arts[aid][0], {t: rows[t].get(aid, []) if t in rows else [] for t in FINDING_TABLES})


def _remove_created(path: str) -> None:
    """Remove the database file (and its log) that a failed ``Store.open`` created."""
    for f in (Path(path), Path(path + ".wal")):
        with suppress(OSError):
            f.unlink(missing_ok=True)
