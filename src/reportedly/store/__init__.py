"""The corpus store: reports as rows of an embedded DuckDB database, and the SQL that creates, fills and reads it.

One writer: a single process opens the database file for writing (DuckDB's
file lock); readers open it read-only when no writer holds it.  Workers never
write the database: they send reports to the writer, or write the same rows
as Parquet shards that the writer merges.

One transaction per batch: ``Store.write`` stores a batch of reports and
errors, and ``Store.merge_shard`` one shard, in ONE transaction, so a process
killed at any moment leaves every article either stored with all its findings
or absent.  Articles already stored (same id or same text) are skipped; an
article whose id is stored with another text is a *changed* article, which
the ingest refuses as a failure (``reportedly.batch``).  Database and disk
failures are raised as one-line ``StoreError``s.

Append-only migrations: the schema is created by ``MIGRATIONS``, each applied
once and recorded in the ``migrations`` table; never edit one that has
shipped, add a new one.  ``docs/store.md`` documents every table and view.

Modules, each importing only those listed before it (never this package):

- ``schema``: ``MIGRATIONS`` (the tables and views), ``VIEWS`` (what each
  ready view shows), ``COLUMNS`` (the columns of the rows we write, per table,
  in table order), ``FINDING_TABLES`` and ``ARROW_SCHEMAS``.
- ``rows``: Report -> rows (``RowBuffer``, ``report_tables``, ``error_row``,
  ``text_hash``) as Arrow tables, no database needed, and rows -> report
  dicts (``report_dict``); ``FAMILIES``, one entry per flat record family,
  drives both directions.
- ``db``: the ``Store`` (open, migrate, known, stored, write, merge_shard,
  counts, reports), ``WriteStats``, ``StoreError`` and ``store_error`` /
  ``is_corrupt`` (DuckDB errors as one line); the only module here with a
  database connection (the command line's ``query`` and ``export`` run
  their SQL on ``Store.con``).

Adding a finder's table.  A new flat record family (a ``Report`` field
holding a tuple of records, one row each in a table of the same name, with
columns ``article_id, idx, ..., produced_by, version, extra``) touches three
places in the store:

1. ``schema.MIGRATIONS``: a new migration at the end that creates the table;
2. ``schema.COLUMNS``: the table's columns, in table order (a test checks them
   against the migrated schema);
3. ``rows.FAMILIES``: one ``Family`` entry (the record class, the fields that
   have columns, the record's row in ``COLUMNS`` order and the record dict
   rebuilt from a row), with its row and record functions beside it.

Writing, shard merging, counts, export and ``Store.reports`` follow from
these.  A family with child rows (as entities have mentions and chains have
hops) is instead mapped by hand in ``rows.RowBuffer.add_report`` and
``rows.report_dict``, and a child table read back in another order than
``article_id, idx`` also needs ``db.Store._report_dicts_of``.  A new view is a new
migration plus its ``schema.VIEWS`` entry.  Outside the store: the ``Report``
model, ``docs/store.md`` and the tests.
"""

from __future__ import annotations

from .db import Store, StoreError, WriteStats, is_corrupt, store_error
from .rows import FAMILIES, Family, RowBuffer, error_row, report_dict, report_tables, text_hash
from .schema import ARROW_SCHEMAS, COLUMNS, CORPUS_TABLES, FINDING_TABLES, MIGRATIONS, VIEWS

__all__ = [
    "ARROW_SCHEMAS",
    "COLUMNS",
    "CORPUS_TABLES",
    "FAMILIES",
    "FINDING_TABLES",
    "MIGRATIONS",
    "VIEWS",
    "Family",
    "RowBuffer",
    "Store",
    "StoreError",
    "WriteStats",
    "error_row",
    "is_corrupt",
    "report_dict",
    "report_tables",
    "store_error",
    "text_hash",
]
