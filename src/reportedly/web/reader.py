"""Reading one stored report fast enough for a page: the rows of an article found by row ranges.

``Store.reports`` looks an article's rows up with ``article_id IN (...)`` in every finding table;
the tables have no index, so each lookup scans the table: about 150-200 ms per article on a
store of 25k articles.  The rows of one article are written together, in one batch and in order,
so they sit in one run of row ids per table.  ``RowIndex`` learns those runs once (one grouped scan
per table, about a second on 25k articles, in a background thread at start) and then reads an
article with ``rowid BETWEEN lo AND hi AND article_id = ?``, which DuckDB answers from the few
row groups in range.  The ``article_id`` filter stays, so a wrong range can only cost time, never
give another article's rows; until the index is built, or for an article stored after it was
built and not added, the plain lookup is used.

``read_report(cur, id, index)`` returns the same ``Report`` as ``Store.reports([id])``
(``tests/test_web.py`` compares them).  Everything here reads through the cursor it is given.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from typing import Any

import duckdb

from ..model import Report
from ..store import COLUMNS, FINDING_TABLES, report_dict


class RowIndex:
    """Per finding table, article id -> (first rowid, last rowid) of its rows."""

    def __init__(self) -> None:
        self.ranges: dict[str, dict[str, tuple[int, int]]] = {}
        self.covered: set[str] = set()
        self.ready = threading.Event()
        self.lock = threading.Lock()

    def build(self, cur: duckdb.DuckDBPyConnection) -> None:
        """One grouped scan per table (run it in a thread: the pages work without it meanwhile).

        The store must not change meanwhile (read-only, or the caller holds the write lock).
        """
        covered = {r[0] for r in cur.execute("SELECT id FROM articles").fetchall()}
        ranges: dict[str, dict[str, tuple[int, int]]] = {}
        for t in FINDING_TABLES:
            rows = cur.execute(f"SELECT article_id, min(rowid), max(rowid) FROM {t} GROUP BY article_id").fetchall()
            ranges[t] = {r[0]: (int(r[1]), int(r[2])) for r in rows}
        with self.lock:
            for t, r in ranges.items():
                r.update(self.ranges.get(t, {}))  # articles added while building
            self.ranges = ranges
            self.covered |= covered
        self.ready.set()

    def add(self, cur: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> None:
        """Learn the runs of articles stored after the build (the analyse page)."""
        if not ids:
            return
        for t in FINDING_TABLES:
            rows = cur.execute(
                f"SELECT article_id, min(rowid), max(rowid) FROM {t} WHERE article_id IN (SELECT unnest(?::VARCHAR[])) "
                "GROUP BY article_id", [list(ids)],
            ).fetchall()
            with self.lock:
                self.ranges.setdefault(t, {}).update({r[0]: (int(r[1]), int(r[2])) for r in rows})
        with self.lock:
            self.covered.update(ids)

    def known(self, article_id: str) -> bool:
        """Whether the index was built and covers this article (an article may have no rows in a table)."""
        if not self.ready.is_set():
            return False
        with self.lock:
            return article_id in self.covered

    def range_of(self, table: str, article_id: str) -> tuple[int, int] | None:
        with self.lock:
            return self.ranges.get(table, {}).get(article_id)


def _rows(cur: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    c = cur.execute(sql, params)
    names = [d[0] for d in c.description]
    return [dict(zip(names, row, strict=True)) for row in c.fetchall()]


def _select(table: str) -> str:
    """The table's columns as one JSON object per row, JSON columns kept as their text (as ``rows`` expects)."""
    cols = ", ".join(f'CAST("{c}" AS VARCHAR) AS "{c}"' if t == "JSON" else f'"{c}"' for c, t in COLUMNS[table])
    return f"SELECT {cols} FROM {table}"


SELECTS = {t: _select(t) for t in FINDING_TABLES}
PAGE_TABLES = tuple(t for t in FINDING_TABLES if t not in ("mentions", "times"))
"""What the article page shows: not the entity mentions and time expressions (the JSON export has them)."""


def read_report(
    cur: duckdb.DuckDBPyConnection,
    article_id: str,
    index: RowIndex | None = None,
    tables: Sequence[str] = FINDING_TABLES,
) -> Report | None:
    """The stored report of one article (its rows of ``tables`` only), or None when no article has this id.

    With every table (the default) it equals ``Store.reports([article_id])``.  All the finding rows
    come back in one query (a UNION ALL of one JSON object per row), one round trip instead of
    one per table.
    """
    arts = _rows(cur, "SELECT * FROM articles WHERE id = ?", [article_id])
    if not arts:
        return None
    fast = index is not None and index.known(article_id)
    parts: list[str] = []
    params: list[Any] = []
    for t in tables:
        where = "article_id = ?"
        if fast:
            assert index is not None
            r = index.range_of(t, article_id)
            if r is None:
                continue  # the index saw every stored article: none of its rows are in this table
            where = "rowid BETWEEN ? AND ? AND article_id = ?"
            params += [r[0], r[1]]
        params.append(article_id)
        parts.append(f"SELECT '{t}' AS t, to_json(x)::VARCHAR AS j FROM ({SELECTS[t]} WHERE {where}) x")
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in FINDING_TABLES}
    if parts:
        for t, j in cur.execute(" UNION ALL ".join(parts), params).fetchall():
            rows[t].append(json.loads(j))
    for t, rs in rows.items():
        rs.sort(key=(lambda r: (r["chain_idx"], r["idx"])) if t == "hops" else (lambda r: r["idx"]))
    return Report.from_dict(report_dict(arts[0], rows))
