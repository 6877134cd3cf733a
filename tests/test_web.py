"""The web page through Starlette's TestClient: every page, headers, 404s, exports, the analyse flow."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from reportedly.model import Report
from reportedly.store import Store
from reportedly.web import Site, SiteConfig, create_app
from reportedly.web.app import CSP
from reportedly.web.article import article_href, pieces
from reportedly.web.reader import read_report
from test_web_support import EXAMPLES, example_reports, make_store, page_server

pytestmark = pytest.mark.filterwarnings("error")


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    p = tmp_path_factory.mktemp("web") / "small.duckdb"
    make_store(p)
    return p


@pytest.fixture(scope="module")
def client(store_path: Path) -> Iterator[TestClient]:
    site = Site.open(SiteConfig(db=str(store_path)))
    site.wait_for_index(30)
    with TestClient(create_app(site)) as c:
        yield c
    site.close()


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A workspace-like writable site; private URLs allowed for the local http.server."""
    p = tmp_path_factory.mktemp("ws") / "workspace.duckdb"
    site = Site.open(SiteConfig(db=str(p), writable=True, allow_private_urls=True, workspace=True))
    with TestClient(create_app(site)) as c:
        yield c
    site.close()


def ids() -> list[str]:
    return [r.article.id for r in example_reports()]


def all_pages() -> list[str]:
    a = ids()[0]
    return ["/", "/?q=Apple", "/?q=x", "/analyze", "/outlets", "/outlets?sort=outlet&dir=asc",
            "/outlets?sort=anonymous_rate&dir=desc", "/outlets.csv", "/stories", "/stories.csv",
            "/stories/s-examples", "/stories/s-examples.csv", article_href(a), article_href(a, ".json"),
            article_href(a, ".annotations.jsonld"), article_href(a, "/chains.svg"), "/static/style.css",
            "/static/app.js", "/static/favicon.svg"]


def test_every_page_is_200_with_security_headers(client: TestClient) -> None:
    for path in all_pages():
        r = client.get(path)
        assert r.status_code == 200, (path, r.text[:500])
        assert r.headers["content-security-policy"] == CSP
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
        if r.headers["content-type"].startswith("text/html"):
            assert "<script>" not in r.text and " style=" not in r.text, path  # no inline script or style


@pytest.mark.parametrize("path", ["/articles/nope", "/articles/nope.json", "/articles/nope.annotations.jsonld",
                                  "/stories/nope", "/stories/nope.csv", "/no/such/page", "/static/nope.css",
                                  "/stories?page=99"])
def test_unknown_ids_are_404_with_headers(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert r.headers["content-security-policy"] == CSP
    assert r.headers["x-content-type-options"] == "nosniff"


def test_article_page_holds_the_whole_text_in_exact_pieces(client: TestClient) -> None:
    for rep in example_reports():
        ps = pieces(rep)
        assert "".join(p.text for p in ps) == rep.article.text
        assert all(rep.article.text[p.start:p.end] == p.text for p in ps)
        html = client.get(article_href(rep.article.id)).text
        assert f'id="card-a{len(rep.attributions)}"' in html
        assert html.count('class="marker') == len([a for a in rep.attributions if a.source or a.cue or a.content])
        for a in rep.attributions[:5]:
            if a.source_name:
                assert a.source_name.replace("'", "&#39;").replace("&", "&amp;") in html or a.source_name in html


def test_reader_gives_the_same_report_as_the_store(store_path: Path) -> None:
    with Store.open(store_path, read_only=True, external_access=False) as store:
        expected = {r.article.id: r for r in store.reports()}
        site = Site(SiteConfig(db=str(store_path)), store)
        with site.cursor() as cur:
            for aid, rep in expected.items():
                assert read_report(cur, aid) == rep
            site.index.build(cur)
            for aid, rep in expected.items():
                assert read_report(cur, aid, site.index) == rep
            assert read_report(cur, "missing", site.index) is None


def test_json_export_is_the_report(client: TestClient) -> None:
    for rep in example_reports():
        r = client.get(article_href(rep.article.id, ".json"))
        assert r.headers["content-type"].startswith("application/json")
        assert Report.from_dict(json.loads(r.text)) == rep


def test_annotations_select_exact_spans(client: TestClient) -> None:
    rep = example_reports()[0]
    text = rep.article.text
    r = client.get(article_href(rep.article.id, ".annotations.jsonld"))
    assert r.headers["content-type"].startswith("application/ld+json")
    doc = json.loads(r.text)
    assert doc["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert doc["type"] == "AnnotationCollection"
    items = doc["first"]["items"]
    assert doc["first"]["type"] == "AnnotationPage" and len(items) == doc["total"] > 0
    n_spans = sum(len(a.source) + len(a.cue) + len(a.content) for a in rep.attributions) + len(rep.hedges) + len(rep.voice)
    assert len(items) == n_spans
    for it in items:
        assert it["type"] == "Annotation" and it["body"][0]["type"] == "TextualBody"
        quote, pos = it["target"]["selector"]
        assert quote["type"] == "TextQuoteSelector" and pos["type"] == "TextPositionSelector"
        assert quote["exact"] == text[pos["start"]:pos["end"]]
        assert text[: pos["start"]].endswith(quote["prefix"]) and text[pos["end"]:].startswith(quote["suffix"])


def test_csv_exports_parse(client: TestClient) -> None:
    outlets = list(csv.DictReader(io.StringIO(client.get("/outlets.csv").text)))
    assert [r["outlet"] for r in outlets] == ["Wikinews"]
    assert int(outlets[0]["articles"]) == len(EXAMPLES)
    stories = list(csv.DictReader(io.StringIO(client.get("/stories.csv").text)))
    assert stories[0]["story_id"] == "s-examples" and int(stories[0]["articles"]) == len(EXAMPLES)
    story = list(csv.DictReader(io.StringIO(client.get("/stories/s-examples.csv").text)))
    assert [r["published"] for r in story] == sorted(r["published"] for r in story)  # time order
    assert {r["id"] for r in story} == set(ids())
    assert "partial_reuse" in story[1]["copies_of"]


def test_outlets_sort_server_side(client: TestClient, store_path: Path) -> None:
    html = client.get("/outlets?sort=articles&dir=asc").text
    assert 'aria-sort="ascending"' in html
    assert client.get("/outlets?sort=bogus&dir=sideways").status_code == 200
    assert "<svg class=\"chart\"" in client.get("/outlets").text


def test_search_finds_headlines_sources_and_passages(client: TestClient) -> None:
    html = client.get("/?q=iPhone").text
    assert "Apple to give free cases" in html
    rep = next(r for r in example_reports() if any(a.source_name for a in r.attributions))
    name = next(a.source_name for a in rep.attributions if a.source_name)
    assert name is not None
    assert article_href(rep.article.id) in client.get("/?q=" + name).text
    assert "No headline contains" in client.get("/?q=%25_").text  # LIKE wildcards are escaped, not patterns


def test_story_page_lists_articles_in_time_order_with_copies(client: TestClient) -> None:
    html = client.get("/stories/s-examples").text
    in_time = [r.article.id for r in sorted(example_reports(), key=lambda r: r.article.published or "")]
    positions = [html.index(article_href(i)) for i in in_time]
    assert positions == sorted(positions)
    assert "copies" in html and "partial reuse" in html


def test_read_only_server_refuses_to_analyse(client: TestClient) -> None:
    assert "read-only" in client.get("/analyze").text
    r = client.post("/analyze", data={"text": "Some text."})
    assert r.status_code == 403 and "reportedly: error: " in r.text


def test_a_form_posted_from_another_site_is_refused(writable: TestClient) -> None:
    for headers in ({"origin": "https://evil.example"}, {"sec-fetch-site": "cross-site"}, {"origin": "null"}):
        r = writable.post("/analyze", data={"text": "The minister said it."}, headers=headers)
        assert r.status_code == 403 and "another site" in r.text, headers


# --- the analyse flow (a writable store and the spaCy model) ---------------------------------

def test_paste_text_is_analysed_stored_and_shown(writable: TestClient) -> None:
    text = EXAMPLES[0].read_text(encoding="utf-8")
    r = writable.post("/analyze", data={"text": text, "outlet": "Wikinews", "published": "2010-07-17"},
                      follow_redirects=False)
    assert r.status_code == 303, r.text[:1000]
    page = writable.get(r.headers["location"])
    assert page.status_code == 200 and "Wikinews" in page.text
    stored = json.loads(writable.get(r.headers["location"] + ".json").text)
    assert stored["article"]["text"] == text and stored["article"]["outlet"] == "Wikinews"
    again = writable.post("/analyze", data={"text": text}, follow_redirects=False)  # same text: same article
    assert again.headers["location"] == r.headers["location"]


def test_upload_html_and_url(writable: TestClient) -> None:
    body = ("<html><head><title>Council backs plan</title></head><body><article><h1>Council backs plan</h1>"
            "<p>The council approved the plan on Monday, officials said.</p>"
            "<p>\"We will build it,\" said Mayor Jane Doe, according to the Associated Press.</p>"
            "</article></body></html>")
    r = writable.post("/analyze", files={"file": ("page.html", body.encode(), "text/html")}, follow_redirects=False)
    assert r.status_code == 303, r.text[:1000]
    assert "Council backs plan" in writable.get(r.headers["location"]).text
    r = writable.post("/analyze", data={"text": body.replace("Monday", "Tuesday"), "format": "html"},
                      follow_redirects=False)
    assert r.status_code == 303, r.text[:1000]
    with page_server({"/a.html": ("text/html; charset=utf-8", body.replace("Monday", "Friday").encode()),
                      "/go": ("redirect:/a.html", b"")}) as base:
        r = writable.post("/analyze", data={"fetch": base + "/go"}, follow_redirects=False)
        assert r.status_code == 303, r.text[:1000]
        rep = json.loads(writable.get(r.headers["location"] + ".json").text)
        assert rep["article"]["url"] == base + "/a.html" and "Friday" in rep["article"]["text"]
        missing = writable.post("/analyze", data={"fetch": base + "/missing"})
        assert missing.status_code == 400 and "HTTP 404" in missing.text


@pytest.mark.parametrize(("data", "files", "status", "message"), [
    ({"text": ""}, None, 400, "nothing to analyse"),
    ({"text": "   \n  "}, None, 400, "nothing to analyse"),
    (None, {"file": ("x.bin", b"\x00\x01\x02\xff\xfe binary" * 50, "application/octet-stream")}, 400, "x.bin: "),
    (None, {"file": ("latin.txt", "Caf\xe9 au lait, said the mayor.".encode("latin-1"), "text/plain")}, 400,
     "latin.txt: "),
    ({"fetch": "ftp://example.com/x"}, None, 400, "only http and https"),
    ({"fetch": "javascript:alert(1)"}, None, 400, "only http and https"),
    ({"text": "Some words.", "fetch": "https://example.com/"}, None, 400, "give one input"),
    ({"text": "The mayor said it.", "published": "yesterday"}, None, 400, "is not a date"),
])
def test_bad_input_gets_one_error_line(writable: TestClient, data: dict[str, str] | None,
                                       files: dict[str, tuple[str, bytes, str]] | None, status: int, message: str) -> None:
    r = writable.post("/analyze", data=data, files=files)
    assert r.status_code == status
    line = r.text.split('id="form-error">', 1)[1].split("</p>", 1)[0]
    assert line.startswith("reportedly: error: ") and message in line and "\n" not in line


def test_binary_error_is_the_cli_error(writable: TestClient, tmp_path: Path) -> None:
    from reportedly.ingest import read_bytes
    from reportedly.settings import Settings

    data = b"\x00\x01\x02\xff\xfe binary" * 50
    (err,) = list(read_bytes(data, "x.bin", Settings()))
    r = writable.post("/analyze", files={"file": ("x.bin", data, "application/octet-stream")})
    assert f"reportedly: error: {err}".replace("'", "&#39;") in r.text


def test_too_large_is_refused_with_a_clear_message(writable: TestClient) -> None:
    big = "word " * 1_100_000  # 5.5 MB, over the 5 MB limit
    r = writable.post("/analyze", data={"text": big})
    assert r.status_code == 413 and "too large" in r.text and "the limit is 5.0 MB" in r.text
    r = writable.post("/analyze", files={"file": ("big.txt", big.encode(), "text/plain")})
    assert r.status_code == 413 and "too large" in r.text


def test_private_addresses_are_refused_unless_allowed(tmp_path: Path) -> None:
    site = Site.open(SiteConfig(db=str(tmp_path / "ws.duckdb"), writable=True))
    try:
        with TestClient(create_app(site)) as c, page_server({"/a": ("text/plain", b"The mayor said it.")}) as base:
            for url in (base + "/a", "http://localhost:9/", "http://169.254.169.254/latest/", "http://[::1]/",
                        "http://10.0.0.1/", "http://0.0.0.0/"):
                r = c.post("/analyze", data={"fetch": url})
                assert r.status_code == 400 and "refusing to fetch a private" in r.text, url
    finally:
        site.close()


def test_article_page_names_the_outlet_and_the_label_it_replaced(tmp_path: Path) -> None:
    """A column labelled "Rich Lowry" on nationalreview.com shows National Review, and the label beside it."""
    from dataclasses import replace

    from reportedly import analyze, article_from_text
    from reportedly.settings import Settings

    settings = Settings(check_language=False)
    art = replace(article_from_text("The senator said the bill would pass.", origin="t", settings=settings),
                  outlet="Rich Lowry", url="https://www.nationalreview.com/2019/01/a-column/")
    rep = analyze(art, settings=settings)
    db = tmp_path / "one.duckdb"
    with Store.open(db) as s:
        s.write([rep])
    site = Site.open(SiteConfig(db=str(db)))
    try:
        with TestClient(create_app(site)) as c:
            html = c.get(article_href(rep.article.id)).text
    finally:
        site.close()
    assert "National Review <span class=\"small\">(labelled “Rich Lowry”)</span>" in html
