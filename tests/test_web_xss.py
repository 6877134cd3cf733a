"""Hostile text never becomes markup: XSS payloads in text, headline, outlet, author, quotes and URL,
stored through ``Store.write`` (the ingest path) and through the analyse page; checked server-side here,
and in a real browser in ``test_web_browser.py``."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

import pytest
from markupsafe import escape
from starlette.testclient import TestClient

from reportedly import analyze
from reportedly.store import Store
from reportedly.web import Site, SiteConfig, create_app
from reportedly.web.article import article_href, claim_href
from reportedly.web.graph import ALLOWED_TAGS, build_dot, draw
from test_web_support import PAYLOADS, hostile_article, hostile_claim_rows


def test_there_are_at_least_30_payloads() -> None:
    assert len(PAYLOADS) >= 30


GROUPS: list[str] = []


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, list[str]]]:
    p = tmp_path_factory.mktemp("xss") / "x.duckdb"
    reports = [analyze(hostile_article(i, pl)) for i, pl in enumerate(PAYLOADS)]
    with Store.open(p) as store:
        store.write(reports)
        for r in reports:
            store.con.execute("INSERT INTO story_articles VALUES (?, ?)", ["story-" + PAYLOADS[0], r.article.id])
        store.con.execute("INSERT INTO story_labels VALUES (?, ?)", ["story-" + PAYLOADS[0], reports[0].article.id])
        GROUPS[:] = hostile_claim_rows(store, reports)
    site = Site.open(SiteConfig(db=str(p), writable=True, allow_private_urls=True))
    site.wait_for_index(60)
    with TestClient(create_app(site)) as c:
        yield c, [r.article.id for r in reports]
    site.close()


TAG = re.compile(r"<\s*([a-zA-Z][a-zA-Z0-9]*)")
OUR_TAGS = {"html", "head", "meta", "title", "link", "script", "body", "a", "header", "nav", "ul", "li", "main", "footer",
            "p", "code", "h1", "h2", "h3", "span", "strong", "dl", "div", "dt", "dd", "section", "ol", "blockquote",
            "table", "caption", "thead", "tr", "th", "tbody", "td", "img", "article", "svg", "text", "rect", "line",
            "desc", "form", "label", "input", "button", "select", "option", "textarea", "fieldset", "legend",
            "q", "mark", "br"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def assert_no_payload_unescaped(page: str) -> None:
    """Parsed as a browser would: only our elements, our one script, no handler, no script URL."""
    for pl in PAYLOADS:
        assert pl not in page or not TAG.search(pl), pl
    parser = _Tags()
    parser.feed(page)
    scripts = [dict(a).get("src") for t, a in parser.tags if t == "script"]
    assert scripts == ["/static/app.js"]
    for tag, attrs in parser.tags:
        assert tag in OUR_TAGS, tag
        for k, v in attrs:
            assert not k.startswith("on"), (tag, k, v)
            if k in ("href", "src", "action", "formaction"):
                assert not (v or "").strip().lower().startswith(("javascript:", "data:", "vbscript:")), (tag, k, v)
            assert k != "style", (tag, k, v)


def test_stored_payloads_render_escaped_on_every_page(hostile: tuple[TestClient, list[str]]) -> None:
    c, ids = hostile
    pages = ["/", "/outlets", "/stories", "/stories/" + "story-" + PAYLOADS[0]]
    pages += [f"/?q={p}" for p in ("script", "alert", "Outlet", "Headline")]
    pages += [article_href(i) for i in ids]
    for path in pages:
        r = c.get(path)
        assert r.status_code == 200, path
        assert_no_payload_unescaped(r.text)
    for i, pl in zip(ids, PAYLOADS, strict=True):
        page = c.get(article_href(i)).text
        assert f"<h1>Headline {escape(pl)}</h1>" in page  # shown, as text
        if pl == "{{7*7}}":
            assert "{{7*7}}" in page and "Officials warn of 49" not in page  # no template evaluation


def test_payloads_in_claims_and_drift_render_escaped(hostile: tuple[TestClient, list[str]]) -> None:
    c, _ = hostile
    assert len(GROUPS) >= 30
    pages = [claim_href(g) for g in GROUPS] + [claim_href(g, ".json") for g in GROUPS[:3]]
    pages += ["/drift", "/drift?page=2", "/stories/" + "story-" + PAYLOADS[0], "/?q=threat", "/?q=alert"]
    pages += ["/drift?" + urlencode({"outlet": f"Outlet {pl}"}) for pl in PAYLOADS[1:8]]
    for path in pages:
        r = c.get(path)
        assert r.status_code == 200, path
        if path.endswith(".json"):
            assert json.loads(r.text)["claim"]["group_id"] in GROUPS
            continue
        assert_no_payload_unescaped(r.text)
    for g in GROUPS[:6]:
        page = c.get(claim_href(g)).text
        assert f"<code>{escape(g)}</code>" in page  # the id, as text
        assert 'href="javascript' not in page
    csv_text = c.get("/drift.csv").text
    assert "<script>alert(1)</script>" in csv_text  # an export carries the text itself, as data
    assert c.get("/drift.csv").headers["content-type"].startswith("text/csv")


def test_payloads_through_the_analyse_page(hostile: tuple[TestClient, list[str]]) -> None:
    c, _ = hostile
    for i, pl in enumerate(PAYLOADS[:12]):
        a = hostile_article(100 + i, pl)
        r = c.post("/analyze", data={"text": a.text.replace("John Smith", "Jane Roe"), "title": a.title or "",
                                     "outlet": a.outlet or "", "authors": a.authors[0], "url": a.url or ""},
                   follow_redirects=False)
        assert r.status_code == 303, r.text[:500]
        page = c.get(r.headers["location"])
        assert_no_payload_unescaped(page.text)
        assert 'href="javascript' not in page.text
    for pl in PAYLOADS[12:]:  # payloads as a pasted URL: refused with an escaped one-line error
        r = c.post("/analyze", data={"fetch": pl})
        assert r.status_code == 400
        assert_no_payload_unescaped(r.text)


def test_chain_graph_labels_cannot_carry_markup() -> None:
    svg = draw(build_dot([[(pl, "state_media", "origin"), ("Outlet " + pl, "outlet", "publisher")] for pl in PAYLOADS]))
    if svg is None:
        pytest.skip("Graphviz dot is not installed")
    root = ET.fromstring(svg)
    for el in root.iter():
        assert el.tag.rsplit("}", 1)[-1] in ALLOWED_TAGS
        assert not any(k.lower().startswith("on") or "href" in k for k in el.attrib), el.attrib
    texts = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "<script>alert(1)</script>" in texts  # the label, as text


def test_a_hostile_url_is_never_a_link(hostile: tuple[TestClient, list[str]], tmp_path: Path) -> None:
    c, ids = hostile
    page = c.get(article_href(ids[0])).text  # url "javascript:alert(0)"
    assert "original page" not in page and "javascript:alert(0)" in page
