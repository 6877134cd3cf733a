"""In-memory copies of the rows the pages look up, with indexes: article metadata and the claim layer.

The store's claim tables have no index and are large (on 25k articles: 374k mentions, 310k
groups, most of them a claim of a single article), so every lookup by group or article scans
them, and a join with ``articles`` for a headline reads every article's text: 20-100 ms each,
several per page.  ``PageCache.build`` copies, at start, what the pages show into a DuckDB
in-memory database attached to the store's connection (``ATTACH ':memory:' AS reportedly_web_N``;
an attached database is shared by every cursor of the connection), each table sorted and
indexed (ART) on the column the pages look it up by, its display columns joined in:

- ``articles``: id, headline, outlet, date, URL, seq of every article (no text);
- ``claim_groups``: the groups carried by more than one article (``articles > 1``: what the
  claim page, the matrix, the drift page and the article page's links show), with their first
  article's outlet, headline, date and URL;
- ``mentions``: their mentions, each with its article's outlet, headline, date, URL and story,
  its passage (the exact span of the text) and its attribution's card number;
- ``relays``: the relays of the articles holding those mentions, with the origin's outlet,
  headline and date;
- ``drift``: every drift case with both articles' outlet, headline and date, and its place in
  the drift page's order (``pos``: most recent first).

Two to three seconds and about 30 MB on the 25k-article store (the passages are most of it).
``Tables`` names the relations a query reads: the copies once built, else ``STORE``:
the same columns computed over the store's tables (slow; also used for a claim of a single
article, which the copies leave out).  An article stored through the analyse page is added to
``articles`` (``add``); the claim tables change only with ``reportedly trace``, which cannot run
while the server holds the file, so the other copies stay true.
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass

import duckdb

from .queries import HEADLINE_SQL

SCHEMA = "reportedly_web"

_ARTICLES = f"SELECT a.id, {HEADLINE_SQL} AS headline, a.outlet, a.published, a.url, a.seq FROM articles a"
_GROUPS = """SELECT g.*, f.outlet AS first_outlet, f.headline AS first_headline, f.published AS first_published,
    f.url AS first_url FROM claim_groups g LEFT JOIN {articles} f ON f.id = g.first_article_id"""
_MENTIONS = """SELECT m.*, t.idx AS attribution_idx, a.outlet, a.headline, a.published, a.url, a.seq,
    substring(x.text, m."start" + 1, greatest(m."end" - m."start", 0)) AS passage, s.story_id
    FROM claim_group_mentions m JOIN {articles} a ON a.id = m.article_id JOIN articles x ON x.id = m.article_id
    LEFT JOIN attributions t ON t.article_id = m.article_id AND t.id = m.attribution_id
    LEFT JOIN story_articles s ON s.article_id = m.article_id"""
_RELAYS = """SELECT r.*, o.outlet AS origin_outlet, o.headline AS origin_headline, o.published AS origin_published
    FROM relays r LEFT JOIN {articles} o ON o.id = r.origin_article_id"""
DRIFT_ORDER = ("TRY_CAST(w.published AS DATE) DESC NULLS LAST, w.seq DESC, d.downstream_start, d.group_id, "
               "d.upstream_article_id, d.upstream_start")
"""The drift page's order: the downstream article's date, most recent first, undated last, then the latest stored."""
_DRIFT = f"""SELECT d.*, w.outlet AS downstream_outlet, w.headline AS downstream_headline,
    w.published AS downstream_published, u.outlet AS upstream_outlet, u.headline AS upstream_headline,
    u.published AS upstream_published, row_number() OVER (ORDER BY {DRIFT_ORDER}) AS pos
    FROM drift d JOIN {{articles}} w ON w.id = d.downstream_article_id
    JOIN {{articles}} u ON u.id = d.upstream_article_id"""


@dataclass(frozen=True)
class Tables:
    """The relations (names or parenthesised queries) the page queries read, with the same columns."""

    articles: str
    groups: str
    mentions: str
    relays: str
    drift: str
    cached: bool


_STORE_ARTICLES = f"({_ARTICLES})"
STORE = Tables(
    _STORE_ARTICLES,
    f"({_GROUPS.format(articles=_STORE_ARTICLES)})",
    f"({_MENTIONS.format(articles=_STORE_ARTICLES)})",
    f"({_RELAYS.format(articles=_STORE_ARTICLES)})",
    f"({_DRIFT.format(articles=_STORE_ARTICLES)})",
    False,
)


def cached_tables(schema: str) -> Tables:
    """The copies' relations in the attached database ``schema``."""
    return Tables(f"{schema}.articles", f"{schema}.claim_groups", f"{schema}.mentions", f"{schema}.relays",
                  f"{schema}.drift", True)


def _build(schema: str) -> tuple[str, ...]:
    a = f"{schema}.articles"
    return (
        f"CREATE TABLE {a} AS {_ARTICLES} ORDER BY a.id",
        f"CREATE INDEX articles_by_id ON {a} (id)",
        f"""CREATE TABLE {schema}.claim_groups AS SELECT * FROM ({_GROUPS.format(articles=a)}) WHERE articles > 1
            ORDER BY group_id""",
        f"CREATE INDEX groups_by_id ON {schema}.claim_groups (group_id)",
        f"""CREATE TABLE {schema}.mentions AS SELECT * FROM ({_MENTIONS.format(articles=a)})
            WHERE group_id IN (SELECT group_id FROM {schema}.claim_groups) ORDER BY group_id, article_id, "start\"""",
        f"CREATE INDEX mentions_by_group ON {schema}.mentions (group_id)",
        f"CREATE INDEX mentions_by_article ON {schema}.mentions (article_id)",
        f"CREATE INDEX mentions_by_story ON {schema}.mentions (story_id)",
        f"""CREATE TABLE {schema}.relays AS SELECT * FROM ({_RELAYS.format(articles=a)})
            WHERE article_id IN (SELECT DISTINCT article_id FROM {schema}.mentions) ORDER BY article_id""",
        f"CREATE INDEX relays_by_article ON {schema}.relays (article_id)",
        f"CREATE TABLE {schema}.drift AS {_DRIFT.format(articles=a)} ORDER BY pos",
        f"CREATE INDEX drift_by_group ON {schema}.drift (group_id)",
    )


_SERIAL = itertools.count(1)
CLAIM_TABLES = ("claim_groups", "claim_group_mentions", "relays", "drift")


class PageCache:
    """The in-memory copies; ``tables()`` names what the page queries should read now."""

    def __init__(self) -> None:
        self.ready = threading.Event()
        self.schema = f"{SCHEMA}_{next(_SERIAL)}"
        """The attached database's name, one per cache: two sites over one file in one process share
        DuckDB's database instance, and so its attached databases."""
        self.cached = cached_tables(self.schema)

    def build(self, cur: duckdb.DuckDBPyConnection) -> None:
        """Make the copies (the store must not change meanwhile).  A store without the claim tables
        (older than migration 5) gets no copies: ``tables()`` stays ``STORE``, and the claim queries
        check for the tables before they read them."""
        have = cur.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name IN (SELECT unnest(?::VARCHAR[])) "
            "AND database_name = current_database() AND NOT internal", [list(CLAIM_TABLES)]).fetchall()[0][0]
        if have < len(CLAIM_TABLES):
            return
        cur.execute(f"ATTACH ':memory:' AS {self.schema} (READ_WRITE)")
        for sql in _build(self.schema):
            cur.execute(sql)
        self.ready.set()

    def add(self, cur: duckdb.DuckDBPyConnection, ids: list[str]) -> None:
        """Copy the metadata of articles just stored (the analyse page); they are in no claim group yet."""
        if ids and self.ready.is_set():
            a = self.cached.articles
            cur.execute(f"INSERT INTO {a} SELECT * FROM ({_ARTICLES}) WHERE id IN (SELECT unnest(?::VARCHAR[])) "
                        f"AND id NOT IN (SELECT id FROM {a})", [ids])

    def close(self, cur: duckdb.DuckDBPyConnection) -> None:
        """Drop the copies (detach the in-memory database)."""
        if self.ready.is_set():
            self.ready.clear()
            cur.execute(f"DETACH DATABASE IF EXISTS {self.schema}")

    def tables(self) -> Tables:
        return self.cached if self.ready.is_set() else STORE
