"""The web page's reads over the claim layer of ``reportedly trace``: claim groups, mentions, relays, drift.

The tables (migration 5, ``docs/store.md``): ``claim_groups`` (one claim as it recurs: its text,
first article, origin; ``articles`` and ``mentions`` counted by the trace),
``claim_group_mentions`` (each article's passage of it: ``start``/``end`` into the article's text,
the certainty ``level``, the certainty ``cues`` as a JSON list of ``[start, end]``), ``relays``
(a passage of one article taken from or credited to an earlier one) and ``drift`` (a claim stated
with different certainty upstream and downstream).  A store traced before the claim layer, or
never traced, has none of them, or empty ones: every function here then returns nothing.

Every function takes a DuckDB cursor (one per request) and returns plain values; user text only
reaches the SQL as a bound parameter.  The store's tables have no index, so the functions read
the relations ``tb`` names: the in-memory copies of ``cache`` once built, else the same columns
computed over the store's tables.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import duckdb

from .cache import STORE, Tables
from .queries import has_relation, rows, texts_of

LEVELS: dict[str, tuple[str, str]] = {
    "asserted": ("■", "stated as fact, in the outlet's own voice"),
    "attributed": ("❝", "attributed to a source"),
    "hedged": ("≈", "hedged (reportedly, may, allegedly ...)"),
    "disputed": ("✗", "disputed or denied"),
}
"""Certainty level -> (its non-colour marker, what it means).  The page shows the marker beside the word."""
LEVEL_ORDER = ("asserted", "attributed", "hedged", "disputed")

RELATIONS: dict[str, str] = {
    "wire_copy": "copies the text of",
    "cites": "credits",
    "verbatim_quote": "quotes word for word",
    "partial_quote": "quotes part of",
    "paraphrase": "paraphrases",
}
"""Relay relation -> how the page says it ("this article <says> the origin article")."""
RELATION_RANK = {"verbatim_quote": 0, "partial_quote": 1, "paraphrase": 2, "cites": 3, "wire_copy": 4}

MENTIONS_PER_PAGE = 100
MATRIX_CLAIMS = 40
MATRIX_OUTLETS = 40
DRIFT_PER_PAGE = 25


def has_claims(cur: duckdb.DuckDBPyConnection) -> bool:
    """Whether the store has the claim tables (migration 5 on); they may still be empty."""
    return has_relation(cur, "claim_groups")


def spans_of(cues: Any) -> list[tuple[int, int]]:
    """The ``cues`` column (JSON text of ``[[start, end], ...]``, or a list) as spans; junk gives none."""
    if cues is None:
        return []
    try:
        data = json.loads(cues) if isinstance(cues, str) else cues
        return [(int(c[0]), int(c[1])) for c in data if len(c) == 2 and int(c[0]) < int(c[1])]
    except (ValueError, TypeError, IndexError, KeyError):
        return []


# --- one claim -----------------------------------------------------------------------------

def group(cur: duckdb.DuckDBPyConnection, group_id: str, tb: Tables = STORE) -> dict[str, Any] | None:
    """A claim group with its first article (outlet, headline, date, URL) and whether its origin
    names an outlet of this store; None when there is no such group."""
    if not has_claims(cur):
        return None
    found = rows(cur, f"""
        SELECT g.group_id, g.text, g.first_article_id, g.first_seen, g.origin_name, g.origin_type, g.kind,
               g.mentions, g.articles, g.first_start, g.first_end, g.first_outlet, g.first_headline,
               g.first_published, g.first_url
        FROM {tb.groups} g WHERE g.group_id = ? LIMIT 1""", [group_id])
    if not found:
        return None
    g = found[0]
    name = g["origin_name"]
    g["origin_outlet_stored"] = bool(name) and bool(cur.execute(
        f"SELECT count(*) FROM {tb.articles} a WHERE lower(a.outlet) = lower(?)", [name]
    ).fetchall()[0][0])
    g["origin_where"] = origin_where(g)
    g["n_articles"], g["n_outlets"] = cur.execute(
        f"SELECT count(DISTINCT m.article_id), count(DISTINCT coalesce(m.outlet, '')) FROM {tb.mentions} m "
        "WHERE m.group_id = ?", [group_id]).fetchall()[0]
    g["drift"] = dict(cur.execute(
        f"SELECT d.direction, count(*) FROM {tb.drift} d WHERE d.group_id = ? GROUP BY d.direction", [group_id]
    ).fetchall()) if has_relation(cur, "drift") else {}
    return g


def origin_where(g: dict[str, Any]) -> str:
    """Where the claim's origin is, in words: the first article itself, an outlet of the store, or outside it."""
    name, typ = g.get("origin_name"), (g.get("origin_type") or "")
    if not name:
        return "the origin is not known"
    if typ == "outlet" and g.get("first_outlet") and str(name).lower() == str(g["first_outlet"]).lower():
        return "the first article's own statement (in the outlet's voice)"
    if g.get("origin_outlet_stored"):
        return "an outlet of this corpus, though no stored article of it carries the claim first"
    return "the origin is outside this corpus"


@dataclass(frozen=True)
class Relay:
    relation: str
    origin_article_id: str
    origin_start: int
    origin_end: int
    origin_outlet: str | None
    origin_headline: str | None
    origin_published: str | None
    credit: str | None
    score: float | None


def mentions(
    cur: duckdb.DuckDBPyConnection, group_id: str, page: int = 1, per_page: int = MENTIONS_PER_PAGE,
    tb: Tables = STORE,
) -> tuple[int, list[dict[str, Any]]]:
    """How many mentions the group has, and one page of them in time order (undated last; ``n`` is a
    mention's place in that order), each with its article, the passage (the exact span of the
    article's text), its cues, the attribution's card number, the relays it came through (best
    first, at most 3) and the drift it is downstream or upstream of.  ``per_page=0``: all."""
    total = int(cur.execute(f"SELECT count(*) FROM {tb.mentions} m WHERE m.group_id = ?", [group_id]).fetchall()[0][0])
    if not total:
        return 0, []
    first = (max(1, page) - 1) * per_page
    limit = f"LIMIT {int(per_page)} OFFSET {int(first)}" if per_page else ""
    ms = rows(cur, f"""
        SELECT m.article_id, m.attribution_id, m."start", m."end", m.level, m.cues, m.quote, m.origin_name,
               m.origin_type, m.outlet, m.headline, m.published, m.url, m.passage, m.attribution_idx
        FROM {tb.mentions} m WHERE m.group_id = ?
        ORDER BY TRY_CAST(m.published AS DATE) NULLS LAST, m.seq, m."start", m."end", m.article_id
        {limit}""", [group_id])
    ids = sorted({m["article_id"] for m in ms})
    relays = relays_of(cur, group_id, ids, tb) if has_relation(cur, "relays") else {}
    drifts = rows(cur, f"""
        SELECT d.upstream_article_id, d.upstream_start, d.upstream_end, d.downstream_article_id, d.downstream_start,
               d.downstream_end, d.direction, d.upstream_level, d.downstream_level, d.upstream_outlet,
               d.downstream_outlet
        FROM {tb.drift} d WHERE d.group_id = ? AND (d.upstream_article_id IN (SELECT unnest(?::VARCHAR[]))
                                                   OR d.downstream_article_id IN (SELECT unnest(?::VARCHAR[])))""",
                  [group_id, ids, ids]) if has_relation(cur, "drift") else []
    down: dict[tuple[str, int, int], list[dict[str, Any]]] = {}
    up: dict[tuple[str, int, int], list[dict[str, Any]]] = {}
    for d in drifts:
        down.setdefault((d["downstream_article_id"], d["downstream_start"], d["downstream_end"]), []).append(d)
        up.setdefault((d["upstream_article_id"], d["upstream_start"], d["upstream_end"]), []).append(d)
    for n, m in enumerate(ms, start=first + 1):
        key = (m["article_id"], m["start"], m["end"])
        m["n"] = n
        m["cue_spans"] = spans_of(m["cues"])
        m["relays"] = relays.get(key, [])
        m["drift_down"] = down.get(key, [])
        m["drift_up"] = up.get(key, [])
    here = {(m["article_id"], m["start"], m["end"]): m["n"] for m in ms}
    for d in drifts:
        d["upstream_n"] = here.get((d["upstream_article_id"], d["upstream_start"], d["upstream_end"]))
        d["downstream_n"] = here.get((d["downstream_article_id"], d["downstream_start"], d["downstream_end"]))
    return total, ms


def relays_of(
    cur: duckdb.DuckDBPyConnection, group_id: str, ids: list[str], tb: Tables = STORE
) -> dict[tuple[str, int, int], list[Relay]]:
    """The relays each mention of the group in these articles came through: (article id, start, end)
    -> at most 3 relays from other articles (one per origin article), those recorded for this claim
    first, then by relation (quotes first)."""
    rank = " ".join(f"WHEN '{k}' THEN {v}" for k, v in RELATION_RANK.items())
    order = f"r.group_id IS NOT DISTINCT FROM m.group_id DESC, CASE r.relation {rank} ELSE 9 END"
    out: dict[tuple[str, int, int], list[Relay]] = {}
    for r in rows(cur, f"""
        WITH best AS (
            SELECT m.article_id, m."start", m."end", r.origin_article_id, r.origin_start, r.origin_end, r.relation,
                   r.credit, r.score, r.origin_outlet, r.origin_headline, r.origin_published,
                   row_number() OVER (PARTITION BY m.article_id, m."start", m."end"
                                      ORDER BY {order}, r.origin_article_id, r.origin_start) AS k
            FROM {tb.mentions} m JOIN {tb.relays} r ON r.article_id = m.article_id
            WHERE m.group_id = ? AND m.article_id IN (SELECT unnest(?::VARCHAR[]))
              AND r.origin_article_id <> m.article_id
              AND (r.group_id = m.group_id OR (r."start" < m."end" AND m."start" < r."end"))
            QUALIFY row_number() OVER (PARTITION BY m.article_id, m."start", m."end", r.origin_article_id
                                       ORDER BY {order}, r.origin_start) = 1)
        SELECT * FROM best
        QUALIFY row_number() OVER (PARTITION BY article_id, "start", "end" ORDER BY k) <= 3
        ORDER BY article_id, "start", "end", k""", [group_id, ids]):
        out.setdefault((r["article_id"], r["start"], r["end"]), []).append(Relay(
            r["relation"], r["origin_article_id"], r["origin_start"], r["origin_end"], r["origin_outlet"],
            r["origin_headline"], r["origin_published"], r["credit"], r["score"]))
    return out


# --- drift ---------------------------------------------------------------------------------

def drift_outlets(cur: duckdb.DuckDBPyConnection, tb: Tables = STORE) -> list[str]:
    """The outlets of the downstream articles of drift cases (the filter's choices)."""
    if not has_relation(cur, "drift"):
        return []
    return [r[0] for r in cur.execute(
        f"SELECT DISTINCT d.downstream_outlet FROM {tb.drift} d WHERE d.downstream_outlet IS NOT NULL ORDER BY 1"
    ).fetchall()]


def drift_cases(
    cur: duckdb.DuckDBPyConnection, outlet: str | None, direction: str | None, page: int,
    per_page: int = DRIFT_PER_PAGE, tb: Tables = STORE,
) -> tuple[int, list[dict[str, Any]]]:
    """Drift cases, most recent first (by the downstream article's date, undated last, then the latest
    stored): the total under the filters (the downstream article's outlet, the direction) and one
    page, each with both articles' outlet, headline, date and text, the claim's text, and each
    side's cue spans.  ``per_page=0``: every case, with both passages cut out, no texts (an export)."""
    if not has_relation(cur, "drift"):
        return 0, []
    where = "WHERE (?::VARCHAR IS NULL OR d.downstream_outlet = ?) AND (?::VARCHAR IS NULL OR d.direction = ?)"
    params: list[Any] = [outlet, outlet, direction, direction]
    total = int(cur.execute(f"SELECT count(*) FROM {tb.drift} d {where}", params).fetchall()[0][0])
    if not per_page:
        return total, rows(cur, f"""
            SELECT d.group_id, d.direction, g.text AS claim,
                   d.upstream_article_id, d.upstream_start, d.upstream_end, d.upstream_level, d.upstream_cues,
                   d.upstream_outlet, d.upstream_published,
                   substring(u.text, d.upstream_start + 1, greatest(d.upstream_end - d.upstream_start, 0))
                       AS upstream_passage,
                   d.downstream_article_id, d.downstream_start, d.downstream_end, d.downstream_level,
                   d.downstream_cues, d.downstream_outlet, d.downstream_published,
                   substring(w.text, d.downstream_start + 1, greatest(d.downstream_end - d.downstream_start, 0))
                       AS downstream_passage
            FROM {tb.drift} d JOIN articles w ON w.id = d.downstream_article_id
            JOIN articles u ON u.id = d.upstream_article_id LEFT JOIN {tb.groups} g ON g.group_id = d.group_id
            {where} ORDER BY d.pos""", params)
    cases = rows(cur, f"""
        SELECT d.group_id, d.direction, d.upstream_article_id, d.upstream_start, d.upstream_end, d.upstream_level,
               d.upstream_cues, d.downstream_article_id, d.downstream_start, d.downstream_end, d.downstream_level,
               d.downstream_cues, d.upstream_outlet, d.upstream_headline, d.upstream_published,
               d.downstream_outlet, d.downstream_headline, d.downstream_published
        FROM {tb.drift} d {where} ORDER BY d.pos
        LIMIT {int(per_page)} OFFSET {max(0, page - 1) * int(per_page)}""", params)
    if not cases:
        return total, []
    ids = sorted({c["upstream_article_id"] for c in cases} | {c["downstream_article_id"] for c in cases})
    texts = texts_of(cur, ids)
    gids = sorted({c["group_id"] for c in cases})
    claim_texts = {r[0]: r[1] for r in cur.execute(
        f"SELECT g.group_id, g.text FROM {tb.groups} g WHERE g.group_id IN (SELECT unnest(?::VARCHAR[]))", [gids]
    ).fetchall()}
    cues: dict[tuple[str, str, int, int], list[tuple[int, int]]] = {}
    for g, aid, s, e, c in cur.execute(
        f'SELECT m.group_id, m.article_id, m."start", m."end", m.cues FROM {tb.mentions} m '
        "WHERE m.group_id IN (SELECT unnest(?::VARCHAR[])) AND m.article_id IN (SELECT unnest(?::VARCHAR[]))",
        [gids, ids]).fetchall():
        cues.setdefault((g, aid, s, e), []).extend(spans_of(c))
    for c in cases:
        c["claim"] = claim_texts.get(c["group_id"])
        for side in ("upstream", "downstream"):
            aid = c[f"{side}_article_id"]
            c[side] = {"id": aid, "outlet": c[f"{side}_outlet"], "headline": c[f"{side}_headline"],
                       "published": c[f"{side}_published"], "text": texts.get(aid, "")}
            c[f"{side}_cue_spans"] = cues.get((c["group_id"], aid, c[f"{side}_start"], c[f"{side}_end"]), [])
            c[f"{side}_cues"] = list(c[f"{side}_cues"] or [])
    return total, cases


# --- a story's claims; an article's claims -------------------------------------------------

def matrix(
    cur: duckdb.DuckDBPyConnection, story_id: str, tb: Tables = STORE
) -> tuple[list[dict[str, Any]], list[str], dict[tuple[str, str], dict[str, Any]]]:
    """The outlets x claims matrix of a story: its claims carried by more than one of its articles
    (most outlets first, at most ``MATRIX_CLAIMS``), the outlets carrying them (most claims first,
    at most ``MATRIX_OUTLETS``), and per (group id, outlet) the levels and number of articles."""
    if not has_claims(cur):
        return [], [], {}
    found = rows(cur, f"""
        WITH m AS (
            SELECT m.group_id, m.article_id, m.level, coalesce(m.outlet, '(no outlet)') AS outlet
            FROM {tb.mentions} m WHERE m.story_id = ?),
        top AS (
            SELECT group_id, count(DISTINCT article_id) AS n_articles, count(DISTINCT outlet) AS n_outlets
            FROM m GROUP BY group_id HAVING count(DISTINCT article_id) > 1
            ORDER BY n_outlets DESC, n_articles DESC, group_id LIMIT ?)
        SELECT m.group_id, m.outlet, list(DISTINCT m.level) AS levels, count(DISTINCT m.article_id) AS articles,
               any_value(top.n_articles) AS n_articles, any_value(top.n_outlets) AS n_outlets
        FROM m JOIN top ON top.group_id = m.group_id GROUP BY m.group_id, m.outlet""", [story_id, MATRIX_CLAIMS])
    if not found:
        return [], [], {}
    gids = sorted({r["group_id"] for r in found})
    info = {r["group_id"]: r for r in rows(cur, f"""
        SELECT g.group_id, g.text, g.first_seen, g.origin_name FROM {tb.groups} g
        WHERE g.group_id IN (SELECT unnest(?::VARCHAR[]))""", [gids])}
    claims: dict[str, dict[str, Any]] = {}
    cells: dict[tuple[str, str], dict[str, Any]] = {}
    per_outlet: dict[str, int] = {}
    for r in found:
        g = r["group_id"]
        claims.setdefault(g, {"group_id": g, "n_articles": r["n_articles"], "n_outlets": r["n_outlets"],
                              **{k: info.get(g, {}).get(k) for k in ("text", "first_seen", "origin_name")}})
        cells[(g, r["outlet"])] = {"levels": sorted(r["levels"], key=level_rank), "articles": r["articles"]}
        per_outlet[r["outlet"]] = per_outlet.get(r["outlet"], 0) + 1
    ordered = sorted(claims.values(),
                     key=lambda c: (-c["n_outlets"], -c["n_articles"], c["first_seen"] or "~", c["group_id"]))
    outlets = sorted(per_outlet, key=lambda o: (-per_outlet[o], o.lower()))[:MATRIX_OUTLETS]
    return ordered, outlets, cells


def level_rank(level: str) -> int:
    return LEVEL_ORDER.index(level) if level in LEVEL_ORDER else len(LEVEL_ORDER)


def article_claims(cur: duckdb.DuckDBPyConnection, article_id: str, tb: Tables = STORE) -> list[dict[str, Any]]:
    """The article's mentions of claims carried by more than one article, in text order."""
    if not has_claims(cur):
        return []
    return rows(cur, f"""
        SELECT m.group_id, m.attribution_id, m."start", m."end", m.level, g.articles, g.text
        FROM {tb.mentions} m JOIN {tb.groups} g ON g.group_id = m.group_id
        WHERE m.article_id = ? AND g.articles > 1
        ORDER BY m."start", m."end", m.group_id""", [article_id])
