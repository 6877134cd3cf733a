"""The page handlers: each reads through one cursor of its own and renders one template or export.

Article and story addresses take the id as the rest of the path (ids may hold ``/``, ``#`` or
``?``, escaped in links), so one handler per family picks the exact id first and then the export
suffixes: an article whose id ends in ``.json`` is still reachable at its own address.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ..errors import InputError
from ..model import Report
from ..store import FINDING_TABLES
from . import claims, queries, search
from .article import (
    article_href,
    cards,
    chain_rows,
    claim_href,
    headline,
    is_web_url,
    pieces,
    span_text,
    summary_line,
)
from .charts import bars
from .exports import to_csv, web_annotations
from .graph import build_dot, dot_available, draw
from .reader import PAGE_TABLES, read_report
from .render import render
from .site import Site
from .submit import FORM_OVERHEAD, TooLarge, analyse_and_store, article_of_form, read_body, replay

SORT_DIRS = ("asc", "desc")
SEARCH_WAIT = 60.0
"""Seconds a search waits for the search index built at start (then it scans the store with ILIKE)."""


def site_of(request: Request) -> Site:
    site = request.app.state.site
    assert isinstance(site, Site)
    return site


def csv_response(body: str, filename: str) -> Response:
    return Response(body, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


# --- home and search ---------------------------------------------------------------

def home(request: Request) -> Response:
    site = site_of(request)
    q = request.query_params.get("q", "").strip()[:200]
    counts = site.cached("counts", queries.counts)
    results = None
    if len(q) >= 2:
        indexed = site.config.build_index and site.search.ready.wait(SEARCH_WAIT) and not site.search.failed
        with site.cursor() as cur:
            results = (search.display(cur, site.search.search(q), site.cache.tables()) if indexed
                       else queries.search(cur, q))
    return render("home.html", site=site, counts=counts, q=q, results=results, href=article_href,
                  claim_href=claim_href, short=len(q) == 1)


# --- analyse --------------------------------------------------------------------------

def _same_origin(request: Request) -> bool:
    """Whether a POST comes from this server's own pages: a page of another site may post a form to a
    server on 127.0.0.1 (the browser sends its Origin, or Sec-Fetch-Site: cross-site); tools that send
    neither are let through."""
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return origin is None
    host = request.headers.get("host", "")
    return origin.split("://", 1)[-1] == host


async def analyze_page(request: Request) -> Response:
    site = site_of(request)
    limit = site.config.settings.max_bytes
    if request.method == "GET":
        return render("analyze.html", site=site, error=None, form={}, limit_mb=limit / 1e6)
    if not _same_origin(request):
        return _form_error(site, 403, "<form>: posted from another site (the Origin header names another "
                           "address); open the analyse page of this server and post from there", {})
    if not site.config.writable:
        return _form_error(site, 403, "this server opened its store read-only: start it with --writable "
                           "(or without --db, for the workspace) to analyse and store articles", {})
    try:
        body = await read_body(request, limit + FORM_OVERHEAD)
        form = await replay(request, body).form(max_files=1, max_fields=20, max_part_size=limit + 1024)
    except TooLarge as e:
        return _form_error(site, 413, f"<form>: too large ({e.args[0] / 1e6:.1f} MB; the limit is "
                           f"{limit / 1e6:.1f} MB)", {})
    except (MultiPartException, ValueError) as e:
        return _form_error(site, 400, f"<form>: could not read the form ({e})", {})
    fields = {k: v for k, v in form.items() if isinstance(v, str) and k != "text"}
    try:
        try:
            article = await article_of_form(form, site)
        except TooLarge as e:
            return _form_error(site, 413, f"<form>: too large ({e.args[0] / 1e6:.1f} MB; the limit is "
                               f"{limit / 1e6:.1f} MB)", fields)
        if isinstance(article, InputError):
            return _form_error(site, 400, str(article), fields)
        result = await run_in_threadpool(analyse_and_store, site, article)
    finally:
        await form.close()
    if isinstance(result, InputError):
        return _form_error(site, 400, str(result), fields)
    return RedirectResponse(article_href(result), status_code=303)


def _form_error(site: Site, status: int, line: str, form: dict[str, Any]) -> Response:
    return render("analyze.html", status=status, site=site, error=f"reportedly: error: {line}", form=form,
                  limit_mb=site.config.settings.max_bytes / 1e6)


# --- articles -------------------------------------------------------------------------

SUFFIXES = (".annotations.jsonld", ".json", "/chains.svg")


def _report(site: Site, article_id: str, tables: tuple[str, ...] = FINDING_TABLES) -> Report | None:
    with site.cursor() as cur:
        return read_report(cur, article_id, site.index, tables)


def article_any(request: Request) -> Response:
    site = site_of(request)
    rest = request.path_params["rest"]
    report = _report(site, rest, PAGE_TABLES)
    if report is not None:
        return article_page(request, site, report)
    for suffix in SUFFIXES:
        if rest.endswith(suffix):
            report = _report(site, rest[: -len(suffix)])
            if report is not None:
                return _article_export(request, site, report, suffix)
    raise HTTPException(404, f"no article with the id {rest!r} in this store")


def _article_export(request: Request, site: Site, report: Report, suffix: str) -> Response:
    if suffix == ".json":
        return Response(report.to_json(), media_type="application/json")
    if suffix == ".annotations.jsonld":
        page = str(request.base_url).rstrip("/") + article_href(report.article.id)
        return Response(json.dumps(web_annotations(report, page), ensure_ascii=False),
                        media_type='application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"')
    chains = [hops for _, hops in chain_rows(report)]
    svg = site.svg(report.article.id, lambda: draw(build_dot(chains))) if chains else None
    if svg is None:
        raise HTTPException(404, "no chain graph for this article")
    return Response(svg, media_type="image/svg+xml")


def article_page(request: Request, site: Site, report: Report) -> Response:
    a = report.article
    with site.cursor() as cur:
        story_id = queries.story_of(cur, a.id)
        shared = claims.article_claims(cur, a.id, site.cache.tables())
    chains = chain_rows(report)
    credits = [(c.name, c.kind) for c in report.credits]
    claim_of: dict[str, list[dict[str, Any]]] = {}
    for m in shared:
        if m["attribution_id"] is not None and all(x["group_id"] != m["group_id"]
                                                   for x in claim_of.get(m["attribution_id"], [])):
            claim_of.setdefault(m["attribution_id"], []).append(m)
    for m in shared:
        m["passage"] = span_text(a.text, ((m["start"], m["end"]),), 240)
    return render(
        "article.html", site=site, report=report, article=a, title=headline(report), shared=shared,
        claim_of=claim_of, claim_href=claim_href, levels=claims.LEVELS,
        pieces=pieces(report), cards=cards(report), summary=summary_line(report), chains=chains,
        graph=bool(chains) and dot_available(), url_link=is_web_url(a.url), credits=credits,
        href=article_href(a.id), story_href=("/stories/" + quote(story_id, safe="")) if story_id else None,
        voice=[(v.text, v.category) for v in report.voice], hedges=[h.text for h in report.hedges],
    )


# --- outlets -------------------------------------------------------------------------

def _outlets(request: Request) -> tuple[list[queries.Column], list[dict[str, Any]], str, str]:
    site = site_of(request)
    cols, data = site.cached("outlets", queries.outlets)
    keys = [c.key for c in cols]
    sort = request.query_params.get("sort", "articles")
    sort = sort if sort in keys else "articles"
    direction = request.query_params.get("dir", "asc" if sort == "outlet" else "desc")
    direction = direction if direction in SORT_DIRS else "desc"
    return cols, queries.sort_rows(data, sort, direction == "desc"), sort, direction


def outlets_page(request: Request) -> Response:
    site = site_of(request)
    cols, data, sort, direction = _outlets(request)
    ranked = [r for r in queries.sort_rows(data, "articles", True) if r["attributions"]][:15]
    chart = bars([(r["outlet"] or "(no outlet)", float(r["state_media_share"] or 0.0),
                   f"{r['state_media_attributions'] or 0} of {r['attributions']}") for r in ranked])
    months = site.cached("months", queries.state_media_by_month)
    month_chart = bars([(m["month"], m["state_media"] / m["attributions"] if m["attributions"] else 0.0,
                         f"{m['state_media']} of {m['attributions']}") for m in months[-24:]])
    return render("outlets.html", site=site, cols=cols, rows=data, sort=sort, dir=direction, chart=chart,
                  month_chart=month_chart, months=months[-24:])


def outlets_csv(request: Request) -> Response:
    cols, data, _, _ = _outlets(request)
    return csv_response(to_csv([c.key.replace(queries.SOURCE_TYPE_PREFIX, "attributions_") for c in cols],
                               ([r.get(c.key) for c in cols] for r in data)), "outlets.csv")


# --- stories -------------------------------------------------------------------------

STORY_COLUMNS = ("story_id", "label", "articles", "outlets", "outlet_names", "first_date", "last_date",
                 "label_article_id")


def stories_page(request: Request) -> Response:
    site = site_of(request)
    try:
        page = max(1, int(request.query_params.get("page", "1")))
    except ValueError:
        page = 1
    with site.cursor() as cur:
        total, data = queries.stories(cur, page)
        traced = queries.has_relation(cur, "story_articles")
    pages = max(1, -(-total // queries.STORIES_PER_PAGE))
    if page > pages:
        raise HTTPException(404, f"there are {pages} pages of stories")
    return render("stories.html", site=site, stories=data, total=total, page=page, pages=pages, traced=traced,
                  quote=lambda s: quote(str(s), safe=""), href=article_href)


def stories_csv(request: Request) -> Response:
    site = site_of(request)
    with site.cursor() as cur:
        data = queries.all_stories(cur)
    return csv_response(to_csv(STORY_COLUMNS, ([r.get(c) for c in STORY_COLUMNS] for r in data)), "stories.csv")


STORY_ARTICLE_COLUMNS = ("id", "published", "outlet", "headline", "url", "attributions", "copies_of", "copied_by")


def story_any(request: Request) -> Response:
    site = site_of(request)
    rest = request.path_params["rest"]
    with site.cursor() as cur:
        found = queries.story(cur, rest)
        csv_out = False
        if found is None and rest.endswith(".csv"):
            rest, csv_out = rest[:-4], True
            found = queries.story(cur, rest)
        if found is None:
            raise HTTPException(404, f"no story with the id {rest!r} in this store")
        arts, copies = found
        label = queries.story_label(cur, rest)
        matrix_claims, matrix_outlets, cells = ([], [], {}) if csv_out else claims.matrix(cur, rest, site.cache.tables())
        others = queries.headlines(cur, sorted({c["source_article_id"] for c in copies} | {c["article_id"] for c in copies}))
    of: dict[str, list[dict[str, Any]]] = {}
    by: dict[str, list[dict[str, Any]]] = {}
    for c in copies:
        of.setdefault(c["article_id"], []).append(c)
        by.setdefault(c["source_article_id"], []).append(c)
    if csv_out:
        rows = ([a["id"], a["published"], a["outlet"], a["headline"], a["url"], a["attributions"],
                 [f"{c['source_article_id']} ({c['kind']}, {c['share']:.2f})" for c in of.get(a["id"], [])],
                 [f"{c['article_id']} ({c['kind']}, {c['share']:.2f})" for c in by.get(a["id"], [])]]
                for a in arts)
        return csv_response(to_csv(STORY_ARTICLE_COLUMNS, rows), "story.csv")
    return render("story.html", site=site, story_id=rest, label=label or arts[0]["headline"], articles=arts,
                  of=of, by=by, others=others, href=article_href, csv_href="/stories/" + quote(rest, safe="") + ".csv",
                  web_url=is_web_url, limit=queries.STORY_ARTICLES_LIMIT,
                  outlets=sorted({a["outlet"] or "(no outlet)" for a in arts}), matrix_claims=matrix_claims,
                  matrix_outlets=matrix_outlets, cells=cells, claim_href=claim_href, levels=claims.LEVELS,
                  matrix_limits=(claims.MATRIX_CLAIMS, claims.MATRIX_OUTLETS))
