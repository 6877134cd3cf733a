"""The handlers of the claim layer's pages: one claim (``/claims/{group id}``) and the drift cases (``/drift``).

A claim's address takes the group id as the rest of the path, like an article's: the exact id
first, then the export suffixes ``.csv`` and ``.json`` (every mention, not only the page's).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import duckdb
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from . import claims
from .article import article_href, claim_href, is_web_url
from .cache import STORE, Tables
from .exports import to_csv
from .pages import csv_response, site_of
from .passage import bits
from .render import render
from .site import Site

DIRECTIONS = ("raised", "lowered")


# --- one claim -----------------------------------------------------------------------------

MENTION_COLUMNS = ("n", "published", "outlet", "headline", "article_id", "url", "start", "end", "level", "passage",
                   "attribution_id", "relay", "relay_origin_article_id", "drift")


def claim_any(request: Request) -> Response:
    site = site_of(request)
    rest = request.path_params["rest"]
    with site.cursor() as cur:
        found = _group(cur, site, rest)
        suffix = ""
        if found is None:
            for suffix in (".csv", ".json"):
                if rest.endswith(suffix):
                    found = _group(cur, site, rest[: -len(suffix)])
                    if found is not None:
                        break
        if found is None:
            raise HTTPException(404, f"no claim with the id {rest!r} in this store")
        g, tb = found
        export = rest != g["group_id"]
        page = 1 if export else _page(request)
        total, ms = claims.mentions(cur, g["group_id"], page, 0 if export else claims.MENTIONS_PER_PAGE, tb)
    pages = max(1, -(-total // claims.MENTIONS_PER_PAGE))
    if page > pages:
        raise HTTPException(404, f"there are {pages} pages of mentions")
    if export and suffix == ".json":
        return Response(json.dumps(_claim_json(g, total, ms), ensure_ascii=False, default=str),
                        media_type="application/json")
    if export:
        return csv_response(to_csv(MENTION_COLUMNS, (_mention_row(m) for m in ms)), "claim.csv")
    for m in ms:
        m["passage_bits"] = bits(m["passage"] or "", 0, len(m["passage"] or ""),
                                 [(s - m["start"], e - m["start"]) for s, e in m["cue_spans"]])
    drift = {d: int(g["drift"].get(d, 0)) for d in DIRECTIONS}
    text = g["text"] or g["group_id"]
    return render("claim.html", site=site, g=g, mentions=ms, total=total, page=page, pages=pages,
                  title=text if len(text) <= 120 else text[:119].rstrip() + "…", drift=drift,
                  href=article_href, claim_href=claim_href, web_url=is_web_url, levels=claims.LEVELS,
                  relations=claims.RELATIONS)


def _page(request: Request) -> int:
    try:
        return max(1, int(request.query_params.get("page", "1")))
    except ValueError:
        return 1


def _group(cur: duckdb.DuckDBPyConnection, site: Site, group_id: str) -> tuple[dict[str, Any], Tables] | None:
    """The group and the tables holding it: the cached copies, or the store's (a claim of one article)."""
    tb = site.cache.tables()
    g = claims.group(cur, group_id, tb)
    if g is None and tb.cached:
        tb = STORE
        g = claims.group(cur, group_id, tb)
    return None if g is None else (g, tb)


def _relay_text(m: dict[str, Any]) -> str:
    return "; ".join(f"{r.relation} {r.origin_article_id}" for r in m["relays"])


def _drift_text(m: dict[str, Any]) -> str:
    return "; ".join(f"{d['direction']} from {d['upstream_level']} ({d['upstream_article_id']}) "
                     f"to {d['downstream_level']}" for d in m["drift_down"])


def _mention_row(m: dict[str, Any]) -> list[Any]:
    first = m["relays"][0] if m["relays"] else None
    return [m["n"], m["published"], m["outlet"], m["headline"], m["article_id"], m["url"], m["start"], m["end"],
            m["level"], m["passage"], m["attribution_id"], first.relation if first else None,
            first.origin_article_id if first else None, _drift_text(m) or None]


def _claim_json(g: dict[str, Any], total: int, ms: list[dict[str, Any]]) -> dict[str, Any]:
    keep = ("group_id", "text", "kind", "first_article_id", "first_seen", "first_outlet", "first_headline",
            "origin_name", "origin_type", "origin_where", "mentions", "articles")
    return {
        "claim": {k: g.get(k) for k in keep},
        "total_mentions": total,
        "mentions": [
            {"n": m["n"], "article_id": m["article_id"], "outlet": m["outlet"], "headline": m["headline"],
             "published": m["published"], "url": m["url"], "start": m["start"], "end": m["end"],
             "level": m["level"], "passage": m["passage"], "cues": [list(c) for c in m["cue_spans"]],
             "attribution_id": m["attribution_id"],
             "relays": [{"relation": r.relation, "origin_article_id": r.origin_article_id,
                         "origin_start": r.origin_start, "origin_end": r.origin_end, "credit": r.credit}
                        for r in m["relays"]],
             "drift": [{k: d[k] for k in ("direction", "upstream_article_id", "upstream_start", "upstream_end",
                                          "upstream_level", "downstream_level")} for d in m["drift_down"]]}
            for m in ms
        ],
    }


# --- drift ---------------------------------------------------------------------------------

DRIFT_COLUMNS = ("group_id", "claim", "direction", "upstream_published", "upstream_outlet", "upstream_article_id",
                 "upstream_level", "upstream_passage", "upstream_cues", "downstream_published", "downstream_outlet",
                 "downstream_article_id", "downstream_level", "downstream_passage", "downstream_cues")


def _drift_filters(request: Request, outlets: list[str]) -> tuple[str | None, str | None]:
    outlet = request.query_params.get("outlet") or None
    direction = request.query_params.get("direction") or None
    if outlet is not None and outlet not in outlets:
        raise HTTPException(404, f"no drift case downstream in the outlet {outlet!r}")
    if direction is not None and direction not in DIRECTIONS:
        raise HTTPException(404, f"direction is raised or lowered, not {direction!r}")
    return outlet, direction


def drift_page(request: Request) -> Response:
    site = site_of(request)
    tb = site.cache.tables()
    outlets = site.cached(f"drift_outlets{tb.cached}", lambda cur: claims.drift_outlets(cur, tb))
    outlet, direction = _drift_filters(request, outlets)
    page = _page(request)
    with site.cursor() as cur:
        traced = claims.has_claims(cur)
        total, cases = claims.drift_cases(cur, outlet, direction, page, tb=tb)
    pages = max(1, -(-total // claims.DRIFT_PER_PAGE))
    if page > pages:
        raise HTTPException(404, f"there are {pages} pages of drift cases")
    for c in cases:
        for side in ("upstream", "downstream"):
            c[f"{side}_bits"] = bits(c[side]["text"] or "", c[f"{side}_start"], c[f"{side}_end"],
                                     c[f"{side}_cue_spans"], c[f"{side}_cues"], context=True)
    filters = {k: v for k, v in (("outlet", outlet), ("direction", direction)) if v}

    def page_href(n: int) -> str:
        return "/drift?" + urlencode({**filters, "page": n})

    return render("drift.html", site=site, cases=cases, total=total, page=page, pages=pages, outlets=outlets,
                  outlet=outlet, direction=direction, traced=traced, href=article_href, claim_href=claim_href,
                  levels=claims.LEVELS, page_href=page_href,
                  csv_href="/drift.csv" + ("?" + urlencode(filters) if filters else ""))


def drift_csv(request: Request) -> Response:
    site = site_of(request)
    tb = site.cache.tables()
    outlet, direction = _drift_filters(request, site.cached(f"drift_outlets{tb.cached}",
                                                            lambda cur: claims.drift_outlets(cur, tb)))
    with site.cursor() as cur:
        _, cases = claims.drift_cases(cur, outlet, direction, 1, per_page=0, tb=tb)

    def row(c: dict[str, Any]) -> list[Any]:
        return [c["group_id"], c["claim"], c["direction"],
                *(c[f"{side}_{k}"] for side in ("upstream", "downstream")
                  for k in ("published", "outlet", "article_id", "level", "passage", "cues"))]

    return csv_response(to_csv(DRIFT_COLUMNS, (row(c) for c in cases)), "drift.csv")
