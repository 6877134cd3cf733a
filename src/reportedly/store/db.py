"""The ``Store``: one DuckDB database file, opened, migrated, written and read.

``Store.open(path)`` opens (creating and migrating) a database file;
``Store.write(results)`` stores a batch of reports and errors in ONE
transaction, so a process killed at any moment leaves every article either
stored with all its findings or absent.  ``Store.merge_shard`` loads the
Parquet shards Dask workers wrote (the same rows, from ``rows.report_tables``),
one shard per transaction.  ``Store.reports()`` rebuilds ``Report`` objects
from the rows (``Report.from_dict`` of ``rows.report_dict``).

Limits: one writing process at a time (DuckDB's file lock); readers open the
file read-only when no writer holds it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import InputError, ReportedlyError
from ..model import Report
from ..version import __version__
from .rows import report_dict, report_tables, text_hash
from .schema import COLUMNS, FINDING_TABLES, MIGRATIONS, VIEWS


class StoreError(ReportedlyError):
    """The database cannot be opened or written (locked, not a reportedly store, newer schema ...)."""


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

    def query(self, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        """The column names and rows of one SQL query (``reportedly query``); raises ``duckdb.Error``."""
        cur = self.con.execute(sql)
        names = [d[0] for d in cur.description] if cur.description else []
        return names, (cur.fetchall() if names else [])

    def row_count(self, name: str) -> int:
        """Rows of one table or view (a name of ``COLUMNS`` or ``VIEWS``)."""
        return int(self.con.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0])

    def export_files(self, out: Path, fmt: str) -> int:
        """One ``parquet`` or ``csv`` file per table and view under ``out``; returns how many.

        In CSV, list columns are written as JSON text (CSV has no lists).
        """
        opts = "(FORMAT parquet, COMPRESSION zstd)" if fmt == "parquet" else "(FORMAT csv, HEADER)"
        names = (*COLUMNS, "migrations", *VIEWS)
        for name in names:
            target = out / f"{name}.{fmt}"
            select = f"SELECT * FROM {name}"
            if fmt == "csv":
                select = f"SELECT {self._csv_columns(name)} FROM {name}"
            path = str(target).replace("'", "''")
            self.con.execute(f"COPY ({select}) TO '{path}' {opts}").fetchall()
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

    def _reports_of(self, ids: list[str]) -> Iterator[Report]:
        arts = self._fetch("articles", ids, "id")
        rows = {t: self._fetch(t, ids, "article_id, idx" if t != "hops" else "article_id, chain_idx, idx")
                for t in FINDING_TABLES}
        for aid in ids:
            if aid not in arts:
                continue
            yield Report.from_dict(report_dict(arts[aid][0], {t: rows[t].get(aid, []) for t in FINDING_TABLES}))
