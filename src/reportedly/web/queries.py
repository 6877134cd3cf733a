"""The web page's reads over the store's tables and views: counts, search, outlets, stories.

Every function takes a DuckDB cursor (one per request) and returns plain Python values; nothing
here formats HTML.  The SQL reads the public tables and views of ``docs/store.md``; the trace
tables (``story_articles``, ``copies``, view ``stories``) exist from migration 3 on, and a store
without them (or never traced) simply has no stories.  User text only ever reaches the SQL as a
bound parameter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

SEARCH_LIMIT = 25
STORIES_PER_PAGE = 50
STORY_ARTICLES_LIMIT = 1000

HEADLINE_SQL = (
    "coalesce(nullif(trim(a.title), ''), left(trim(split_part(ltrim(a.text), chr(10), 1)), 160))"
)


def rows(cur: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    c = cur.execute(sql, params or [])
    names = [d[0] for d in c.description]
    return [dict(zip(names, r, strict=True)) for r in c.fetchall()]


def has_relation(cur: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Whether the store has this table or view (older stores lack the trace tables)."""
    return bool(cur.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND NOT internal", [name]
    ).fetchall()[0][0] or cur.execute(
        "SELECT count(*) FROM duckdb_views() WHERE view_name = ? AND NOT internal", [name]
    ).fetchall()[0][0])


def counts(cur: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Articles, outlets, attributions, anonymous attributions, errors and stories in the store."""
    r = cur.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(DISTINCT outlet) FROM articles), "
        "(SELECT count(*) FROM attributions), "
        "(SELECT count(*) FROM attributions WHERE source_type = 'anonymous'), "
        "(SELECT count(*) FROM errors)"
    ).fetchall()[0]
    out = dict(zip(("articles", "outlets", "attributions", "anonymous", "errors"), map(int, r), strict=True))
    out["stories"] = (
        int(cur.execute("SELECT count(DISTINCT story_id) FROM story_articles").fetchall()[0][0])
        if has_relation(cur, "story_articles") else 0
    )
    return out


def _like(q: str) -> str:
    return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search(cur: duckdb.DuckDBPyConnection, q: str) -> dict[str, list[dict[str, Any]]]:
    """Articles whose headline, source names or attributed passages contain ``q`` (case-insensitive),
    and claims carried by more than one article whose text does.

    At most ``SEARCH_LIMIT`` results of each kind; passages are the attribution's whole extent
    (source, cue and content).  Scans the store (2.5 s on 25k articles): the pages use it only
    until ``search.SearchIndex`` is built, or when it could not be.
    """
    pat = _like(q)
    headlines = rows(cur, f"""
        SELECT a.id, {HEADLINE_SQL} AS headline, a.outlet, a.published
        FROM articles a WHERE {HEADLINE_SQL} ILIKE ? ESCAPE '\\'
        ORDER BY a.seq LIMIT {SEARCH_LIMIT}""", [pat])
    sources = rows(cur, f"""
        SELECT t.article_id AS id, t.idx, t.source_name, t.source_type,
               {HEADLINE_SQL} AS headline, a.outlet
        FROM attributions t JOIN articles a ON a.id = t.article_id
        WHERE t.source_name ILIKE ? ESCAPE '\\'
        ORDER BY a.seq, t.idx LIMIT {SEARCH_LIMIT}""", [pat])
    passages = rows(cur, f"""
        WITH hits AS (
            SELECT t.article_id, t.id AS attribution, t.idx, t.source_name,
                   substring(a.text, t.start_char + 1, least(t.end_char - t.start_char, 600)) AS passage,
                   {HEADLINE_SQL} AS headline, a.outlet, a.seq
            FROM attributions t JOIN articles a ON a.id = t.article_id
            WHERE t.start_char IS NOT NULL)
        SELECT article_id AS id, idx, source_name, passage, headline, outlet FROM hits
        WHERE passage ILIKE ? ESCAPE '\\' ORDER BY seq, idx LIMIT {SEARCH_LIMIT}""", [pat])
    claims = rows(cur, """
        SELECT g.group_id, g.text, g.articles, g.mentions, g.first_seen, g.origin_name, f.outlet AS first_outlet
        FROM claim_groups g LEFT JOIN articles f ON f.id = g.first_article_id
        WHERE g.articles > 1 AND g.text ILIKE ? ESCAPE '\\'
        ORDER BY g.articles DESC, g.first_seen NULLS LAST, g.group_id LIMIT ?""", [pat, SEARCH_LIMIT]
    ) if has_relation(cur, "claim_groups") else []
    return {"headlines": headlines, "sources": sources, "passages": passages, "claims": claims}


# --- outlets -------------------------------------------------------------------

@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str  # text (the outlet: the row's header), name (other text), int, share, rate


OUTLET_COLUMNS: tuple[Column, ...] = (
    Column("outlet", "Outlet", "text"),
    Column("articles", "Articles", "int"),
    Column("attributions", "Attributions", "int"),
    Column("anonymous_rate", "Anonymous sources", "share"),
    Column("state_media_share", "State-media share", "share"),
    Column("hedges_per_1000_words", "Hedges per 1,000 words", "rate"),
    Column("share_of_articles_hedged", "Articles hedged", "share"),
    Column("copy_rate", "Copy rate", "share"),
)
CLAIM_COLUMNS: tuple[Column, ...] = (
    Column("drift_rate", "Drift rate (claims from elsewhere told with other certainty)", "share"),
    Column("unhedged_share", "Carried unhedged (claims others hedge)", "share"),
    Column("top_origin", "Commonest origin of claims from elsewhere", "name"),
)
"""Columns from the claim layer's views (migration 5), when the store has them."""
SOURCE_TYPE_PREFIX = "by_type:"


def outlets(cur: duckdb.DuckDBPyConnection) -> tuple[list[Column], list[dict[str, Any]]]:
    """One row per outlet from the views, and the columns (the source types found add one each)."""
    base = rows(cur, """
        SELECT s.outlet, s.articles, s.attributions, s.state_media_attributions, s.state_media_share,
               n.anonymous, n.anonymous_rate, h.hedges, h.hedges_per_1000_words, h.share_of_articles_hedged
        FROM state_media_share_by_outlet s
        JOIN anonymous_source_rate n ON n.outlet IS NOT DISTINCT FROM s.outlet
        JOIN hedge_rate h ON h.outlet IS NOT DISTINCT FROM s.outlet""")
    by_outlet = {r["outlet"]: r for r in base}
    if has_relation(cur, "copy_rate_by_outlet"):
        for r in rows(cur, "SELECT outlet, copies, copy_rate FROM copy_rate_by_outlet"):
            if r["outlet"] in by_outlet:
                by_outlet[r["outlet"]].update(copies=r["copies"], copy_rate=r["copy_rate"])
    claim_cols = _claim_columns(cur, by_outlet)
    types = [r[0] for r in cur.execute(
        "SELECT coalesce(source_type, 'unknown') AS t FROM sources_by_outlet GROUP BY t "
        "ORDER BY sum(attributions) DESC, t LIMIT 8").fetchall()]
    for r in rows(cur, "SELECT outlet, coalesce(source_type, 'unknown') AS t, sum(attributions) AS n "
                       "FROM sources_by_outlet GROUP BY ALL"):
        if r["outlet"] in by_outlet and r["t"] in types:
            by_outlet[r["outlet"]][SOURCE_TYPE_PREFIX + r["t"]] = int(r["n"])
    cols = [*OUTLET_COLUMNS[:3], *(Column(SOURCE_TYPE_PREFIX + t, t.replace("_", " "), "int") for t in types),
            *OUTLET_COLUMNS[3:], *claim_cols]
    for r in by_outlet.values():
        for c in cols:
            r.setdefault(c.key, 0 if c.kind == "int" else None)
    return cols, list(by_outlet.values())


def _claim_columns(cur: duckdb.DuckDBPyConnection, by_outlet: dict[Any, dict[str, Any]]) -> list[Column]:
    """Add the claim views' figures to the outlets' rows; the columns, or none for a store without them."""
    if not has_relation(cur, "drift_rate_by_outlet"):
        return []
    for r in rows(cur, "SELECT outlet, drift_rate FROM drift_rate_by_outlet"):
        if r["outlet"] in by_outlet:
            by_outlet[r["outlet"]]["drift_rate"] = r["drift_rate"]
    for r in rows(cur, "SELECT outlet, unhedged_share FROM unhedged_share_by_outlet"):
        if r["outlet"] in by_outlet:
            by_outlet[r["outlet"]]["unhedged_share"] = r["unhedged_share"]
    for r in rows(cur, """
        SELECT outlet, arg_max(origin_name, mentions) AS top_origin FROM (
            SELECT outlet, origin_name, sum(mentions) AS mentions FROM relay_origins_by_outlet
            WHERE origin_name IS NOT NULL AND origin_name IS DISTINCT FROM outlet GROUP BY ALL)
        GROUP BY outlet"""):
        if r["outlet"] in by_outlet:
            by_outlet[r["outlet"]]["top_origin"] = r["top_origin"]
    return list(CLAIM_COLUMNS)


def sort_rows(data: list[dict[str, Any]], key: str, descending: bool) -> list[dict[str, Any]]:
    """Rows sorted by one column; empty values last in either direction."""
    present = [r for r in data if r.get(key) is not None]
    missing = [r for r in data if r.get(key) is None]
    present.sort(key=lambda r: (r[key] if not isinstance(r[key], str) else r[key].lower()), reverse=descending)
    return present + missing


def state_media_by_month(cur: duckdb.DuckDBPyConnection, limit_outlets: int = 6) -> list[dict[str, Any]]:
    """Per month (of dated articles), the share of attributions relayed through state media."""
    return rows(cur, """
        WITH att AS (
            SELECT t.article_id,
                   t.source_type = 'state_media' OR EXISTS (
                       SELECT 1 FROM hops h WHERE h.article_id = t.article_id AND h.attribution = t.id
                       AND h.role <> 'publisher' AND (h.type = 'state_media' OR h.state_controlled)) AS sm
            FROM attributions t)
        SELECT left(a.published, 7) AS month, count(*) AS attributions, count(*) FILTER (WHERE att.sm) AS state_media
        FROM att JOIN articles a ON a.id = att.article_id
        WHERE regexp_matches(a.published, '^\\d{4}-\\d{2}')
        GROUP BY month ORDER BY month""")


# --- stories -------------------------------------------------------------------

def stories(cur: duckdb.DuckDBPyConnection, page: int) -> tuple[int, list[dict[str, Any]]]:
    """Total number of stories and one page of them, largest first (then earliest, then id)."""
    if not has_relation(cur, "stories"):
        return 0, []
    total = int(cur.execute("SELECT count(DISTINCT story_id) FROM story_articles").fetchall()[0][0])
    data = rows(cur, f"""
        SELECT story_id, label, label_article_id, articles, outlets, outlet_names, first_date, last_date
        FROM stories ORDER BY articles DESC, first_date NULLS LAST, story_id
        LIMIT {STORIES_PER_PAGE} OFFSET ?""", [max(0, page - 1) * STORIES_PER_PAGE])
    return total, data


def all_stories(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    if not has_relation(cur, "stories"):
        return []
    return rows(cur, "SELECT * FROM stories ORDER BY articles DESC, first_date NULLS LAST, story_id")


def story(cur: duckdb.DuckDBPyConnection, story_id: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]] | None:
    """A story's articles in time order (undated last, then storage order) and the copies among them."""
    if not has_relation(cur, "story_articles"):
        return None
    arts = rows(cur, f"""
        SELECT a.id, a.outlet, {HEADLINE_SQL} AS headline, a.published, a.url, a.n_words,
               CAST(a.summary->>'attributions' AS INTEGER) AS attributions
        FROM story_articles s JOIN articles a ON a.id = s.article_id
        WHERE s.story_id = ?
        ORDER BY TRY_CAST(a.published AS DATE) NULLS LAST, a.seq
        LIMIT {STORY_ARTICLES_LIMIT}""", [story_id])
    if not arts:
        return None
    ids = [a["id"] for a in arts]
    copies = rows(cur, """
        SELECT article_id, source_article_id, kind, share, wire_credit FROM copies
        WHERE article_id IN (SELECT unnest(?::VARCHAR[])) OR source_article_id IN (SELECT unnest(?::VARCHAR[]))
        ORDER BY article_id, share DESC""", [ids, ids])
    return arts, copies


def story_label(cur: duckdb.DuckDBPyConnection, story_id: str) -> str | None:
    r = cur.execute(f"""
        SELECT {HEADLINE_SQL} FROM story_labels l JOIN articles a ON a.id = l.label_article_id
        WHERE l.story_id = ?""", [story_id]).fetchall()
    return str(r[0][0]) if r and r[0][0] is not None else None


def story_of(cur: duckdb.DuckDBPyConnection, article_id: str) -> str | None:
    if not has_relation(cur, "story_articles"):
        return None
    r = cur.execute("SELECT story_id FROM story_articles WHERE article_id = ? LIMIT 1", [article_id]).fetchall()
    return str(r[0][0]) if r else None


def headlines(cur: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, str]:
    if not ids:
        return {}
    return {r[0]: r[1] for r in cur.execute(
        f"SELECT a.id, {HEADLINE_SQL} FROM articles a WHERE a.id IN (SELECT unnest(?::VARCHAR[]))", [ids]
    ).fetchall()}


INDEX_CHUNK = 20
"""``id IN (?, ...)`` with this many constants at most is an index lookup on 25k articles (DuckDB's
``index_scan_percentage``); a longer list, or ``IN (SELECT unnest(?))``, reads every article's text."""


def texts_of(cur: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, str]:
    """The texts of a few articles, looked up by primary key ``INDEX_CHUNK`` at a time."""
    out: dict[str, str] = {}
    for i in range(0, len(ids), INDEX_CHUNK):
        part = ids[i:i + INDEX_CHUNK]
        out.update(cur.execute(f"SELECT id, text FROM articles WHERE id IN ({', '.join('?' * len(part))})",
                               part).fetchall())
    return out


def id_of_text_hash(cur: duckdb.DuckDBPyConnection, digest: str) -> str | None:
    r = cur.execute("SELECT id FROM articles WHERE text_hash = ?", [digest]).fetchall()
    return str(r[0][0]) if r else None
