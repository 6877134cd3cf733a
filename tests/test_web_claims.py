"""The claim layer's pages through Starlette's TestClient: the claim page, the drift page, the story
page's outlets x claims matrix, the article page's claim links, search over claim texts, and the
in-memory copies (``web.cache``) and search index (``web.search``) against the plain store reads.

The claim rows are written by hand (``test_web_support.claim_rows``), so these tests do not depend
on ``reportedly trace``; ``test_a_real_trace_is_served`` runs the real trace once."""

from __future__ import annotations

import csv
import dataclasses
import html
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from reportedly.model import Article
from reportedly.store import Store
from reportedly.web import Site, SiteConfig, create_app
from reportedly.web.app import CSP
from reportedly.web.article import article_href, claim_href
from reportedly.web.passage import bits, window
from reportedly.web.search import Haystack
from test_web_support import CLAIM_GROUP, SLASH_GROUP, example_reports, make_store

pytestmark = pytest.mark.filterwarnings("error")


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    p = tmp_path_factory.mktemp("claims") / "claims.duckdb"
    make_store(p)
    return p


def _client(path: Path, build_index: bool) -> Iterator[TestClient]:
    site = Site.open(SiteConfig(db=str(path), build_index=build_index))
    if build_index:
        assert site.wait_for_index(60)
        assert site.cache.tables().cached
    with TestClient(create_app(site)) as c:
        yield c
    site.close()


@pytest.fixture(scope="module")
def client(store_path: Path) -> Iterator[TestClient]:
    yield from _client(store_path, True)


@pytest.fixture(scope="module")
def plain(store_path: Path) -> Iterator[TestClient]:
    """The same store without the row index, the in-memory copies and the search index."""
    yield from _client(store_path, False)


def ordered() -> list:  # type: ignore[type-arg]
    return sorted(example_reports(), key=lambda r: r.article.published or "")


def first_content(rep):  # type: ignore[no-untyped-def]
    a = next(a for a in rep.attributions if a.content)
    return a, a.content[0]


def text_of(fragment: str) -> str:
    """The text a browser shows for an HTML fragment (tags dropped, references resolved)."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


PAGES = ["/claims/" + CLAIM_GROUP, claim_href(CLAIM_GROUP, ".csv"), claim_href(CLAIM_GROUP, ".json"),
         claim_href(SLASH_GROUP), claim_href(SLASH_GROUP, ".json"), "/claims/g-alone", "/drift", "/drift.csv",
         "/drift?direction=raised", "/drift?direction=lowered", "/drift?outlet=Wikinews",
         "/drift.csv?direction=raised&outlet=Wikinews", "/stories/s-examples"]


@pytest.mark.parametrize("path", PAGES)
def test_claim_pages_are_200_with_security_headers(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200, (path, r.text[:500])
    assert r.headers["content-security-policy"] == CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    if r.headers["content-type"].startswith("text/html"):
        assert "<script>" not in r.text and " style=" not in r.text


@pytest.mark.parametrize("path", ["/claims/nope", "/claims/nope.csv", "/claims/nope.json", "/claims/",
                                  "/drift?direction=sideways", "/drift?outlet=Nobody", "/drift?page=99",
                                  "/claims/g-1?page=9", "/drift.csv?outlet=Nobody"])
def test_unknown_claims_and_filters_are_404(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404, path
    assert r.headers["content-security-policy"] == CSP


def test_claim_page_lists_every_mention_in_time_order_with_exact_passages(client: TestClient) -> None:
    page = client.get("/claims/" + CLAIM_GROUP).text
    reps = ordered()
    rows = re.findall(r'<tr id="mention-(\d+)">(.*?)</tr>', page, flags=re.S)
    assert [int(n) for n, _ in rows] == [1, 2, 3]
    for (_, row), rep in zip(rows, reps, strict=True):
        a, (s, e) = first_content(rep)
        assert article_href(rep.article.id) in row
        assert f"#card-a{rep.attributions.index(a) + 1}" in row  # to the attribution's card
        passage = re.search(r'<blockquote class="passage">(.*?)</blockquote>', row, flags=re.S)
        assert passage is not None and text_of(passage.group(1)) == rep.article.text[s:e]
    levels = [re.search(r'level-(\w+)"><span class="lmark" aria-hidden="true">.</span> (\w+)', row) for _, row in rows]
    assert [(m.group(1), m.group(2)) for m in levels if m] == [("hedged", "hedged"), ("attributed", "attributed"),
                                                                ("asserted", "asserted")]
    assert "first seen here" in rows[0][1]
    assert "quotes word for word" in rows[1][1] and article_href(reps[0].article.id) in rows[1][1]
    assert rows[1][1].count('class="relay"') == 1  # one relay per origin article
    assert "paraphrases" in rows[2][1] and article_href(reps[1].article.id) in rows[2][1]
    assert "raised: hedged → asserted" in rows[2][1] and 'href="#mention-1"' in rows[2][1]
    assert "raised later in" in rows[0][1]
    first = reps[0].article
    assert f"{first.published} in <a href=\"{article_href(first.id)}\">" in page  # first seen
    assert "the origin is outside this corpus" in page
    assert "▲" in page and "raised</span> 1 time" in page


def test_claim_of_the_outlets_own_voice_and_an_id_with_slashes(client: TestClient) -> None:
    page = client.get(claim_href(SLASH_GROUP)).text
    assert "the first article&#39;s own statement" in page
    assert claim_href(SLASH_GROUP, ".csv") in page and "c%2F2%23x%3Fy" in page


def test_claim_exports_hold_every_mention(client: TestClient) -> None:
    reps = ordered()
    rows = list(csv.DictReader(io.StringIO(client.get(claim_href(CLAIM_GROUP, ".csv")).text)))
    assert [r["article_id"] for r in rows] == [r.article.id for r in reps]
    for row, rep in zip(rows, reps, strict=True):
        _, (s, e) = first_content(rep)
        assert (int(row["start"]), int(row["end"])) == (s, e)
        assert row["passage"].removeprefix("'") == rep.article.text[s:e]
    assert rows[1]["relay"] == "verbatim_quote" and rows[1]["relay_origin_article_id"] == reps[0].article.id
    assert rows[2]["drift"].startswith("raised from hedged")
    doc = json.loads(client.get(claim_href(CLAIM_GROUP, ".json")).text)
    assert doc["claim"]["group_id"] == CLAIM_GROUP and doc["total_mentions"] == 3
    assert [m["level"] for m in doc["mentions"]] == ["hedged", "attributed", "asserted"]
    assert doc["mentions"][2]["drift"][0]["direction"] == "raised"


def test_drift_page_sets_the_passages_side_by_side_with_the_differing_cues_marked(client: TestClient) -> None:
    page = client.get("/drift").text
    reps = ordered()
    up, down = reps[0], reps[-1]
    cases = re.findall(r'<li class="drift-case">(.*?)</li>', page, flags=re.S)
    assert len(cases) == 1
    case = cases[0]
    assert claim_href(CLAIM_GROUP) in case
    assert case.index(article_href(up.article.id)) < case.index(article_href(down.article.id))  # earlier first
    passages = re.findall(r'<blockquote class="passage">(.*?)</blockquote>', case, flags=re.S)
    for p, rep in zip(passages, (up, down), strict=True):
        _, (s, e) = first_content(rep)
        assert rep.article.text[s:e] in text_of(p)
        assert text_of(p).strip() in rep.article.text  # context and claim are one stretch of the text
    up_cue = next(a for a in up.attributions if a.content).cue[0]
    assert f'<mark class="context cue differ" title="cue only on this side">{up.article.text[up_cue[0]:up_cue[1]]}</mark>' \
        in passages[0]
    assert "▲" in case and "raised" in case and "hedged → asserted" in case
    assert "No drift case under these filters" in client.get("/drift?direction=lowered").text
    assert "1 case" in client.get("/drift?outlet=Wikinews&direction=raised").text


def test_drift_csv(client: TestClient) -> None:
    rows = list(csv.DictReader(io.StringIO(client.get("/drift.csv").text)))
    assert len(rows) == 1 and rows[0]["direction"] == "raised" and rows[0]["group_id"] == CLAIM_GROUP
    up = ordered()[0]
    _, (s, e) = first_content(up)
    assert rows[0]["upstream_passage"] == up.article.text[s:e] and "reportedly" in rows[0]["upstream_cues"]
    assert list(csv.DictReader(io.StringIO(client.get("/drift.csv?direction=lowered").text))) == []


def test_story_page_has_the_outlets_by_claims_matrix(client: TestClient) -> None:
    page = client.get("/stories/s-examples").text
    table = re.search(r'<table class="matrix">(.*?)</table>', page, flags=re.S)
    assert table is not None
    m = table.group(1)
    assert '<th scope="col">Wikinews</th>' in m
    assert claim_href(CLAIM_GROUP) in m and claim_href(SLASH_GROUP) in m and "g-alone" not in m
    cell = re.search(r'<td class="cell"><a href="/claims/g-1">(.*?)</td>', m, flags=re.S)
    assert cell is not None
    assert [w for w in ("asserted", "attributed", "hedged") if w in text_of(cell.group(1))] == \
        ["asserted", "attributed", "hedged"]  # words, not colours, most certain first
    assert "■" in cell.group(1) and "in 3 articles" in cell.group(1)


def test_article_page_links_its_claims(client: TestClient) -> None:
    rep = ordered()[-1]
    a, _ = first_content(rep)
    page = client.get(article_href(rep.article.id)).text
    card = re.search(rf'<li id="card-a{rep.attributions.index(a) + 1}"(.*?)(<li id="card-a|</ol>\s*</section>)', page,
                     flags=re.S)
    assert card is not None and f'href="{claim_href(CLAIM_GROUP)}">Claim carried by 3 articles' in card.group(1)
    shared = re.search(r'<section class="shared"(.*?)</section>', page, flags=re.S)
    assert shared is not None and "g-alone" not in shared.group(1)
    first = client.get(article_href(ordered()[0].article.id)).text
    assert "g-alone" not in first and claim_href(SLASH_GROUP) in first


def test_search_finds_claims(client: TestClient) -> None:
    rep = ordered()[0]
    _, (s, e) = first_content(rep)
    words = rep.article.text[s:e].split()[2:5]
    page = client.get("/?q=" + " ".join(words).upper()).text
    assert claim_href(CLAIM_GROUP) in page and "3 articles" in page
    assert "No claim carried by more than one article contains" in client.get("/?q=zzqqxx").text


@pytest.mark.parametrize("path", [*[p for p in PAGES if "stories" not in p], "/?q=the", "/?q=said", "/?q=iPhone",
                                  "/?q=%25_", "/?q=Maintenance", "/stories/s-examples"])
def test_the_copies_and_the_search_index_give_the_pages_the_store_gives(client: TestClient, plain: TestClient,
                                                                       path: str) -> None:
    fast, slow = client.get(path), plain.get(path)
    assert fast.status_code == slow.status_code == 200
    assert fast.text == slow.text


# --- the pieces: passages, the search haystack ------------------------------------------------

def test_passage_bits_join_to_the_exact_span() -> None:
    text = "He said on Monday that the plan would reportedly cost more. Nobody else agreed."
    s, e = text.index("the plan"), text.index(" more") + 5
    cues = [(text.index("said"), text.index("said") + 4), (text.index("reportedly"), text.index("reportedly") + 10)]
    p = bits(text, s, e, cues, ["reportedly", "Monday"])
    assert p.text == p.claim_text == text[s:e]
    assert [b.text for b in p.bits if b.differ] == ["reportedly"]
    wide = bits(text, s, e, cues, ["said", "monday"], context=True)
    assert wide.text == text[:text.index("more.") + 5] and wide.claim_text == text[s:e]
    assert [b.text for b in wide.bits if b.differ] == ["said", "Monday"]  # a cue span, then a word of the text
    assert [b.text for b in wide.bits if b.cue] == ["said", "reportedly"]
    assert not wide.cut_before and not wide.cut_after


def test_passage_window_stays_near_and_says_where_it_cut() -> None:
    text = "x" * 500 + " A claim here " + "y " * 300
    s = text.index("A claim")
    ws, we, before, after = window(text, s, s + 7, [])
    assert ws > 200 and we < s + 7 + 250 and before and after
    assert bits(text, 5, 2).text == text[2:5]  # a reversed span is read as its two ends


def test_haystack_finds_substrings_case_insensitively_once_per_record() -> None:
    h = Haystack()
    for i, t in enumerate(["Kim Jong Un said", "kim kim KIM", "Nothing", "100% sure_thing", "Über Straße"]):
        h.append(t, (i,))
    assert h.find("kim") == [(0,), (1,)]
    assert h.find("KIM", limit=1) == [(0,)]
    assert h.find("% sure_") == [(3,)]
    assert h.find("über") == [(4,)] and h.find("STRASSE") == []
    assert h.find("said\0") == [] and h.find("") == []
    assert h.find("thing\0über") == []  # no match across records


def test_analysed_articles_are_searchable_at_once(tmp_path: Path) -> None:
    site = Site.open(SiteConfig(db=str(tmp_path / "w.duckdb"), writable=True))
    try:
        assert site.wait_for_index(60)
        with TestClient(create_app(site)) as c:
            r = c.post("/analyze", data={"text": "The mayor said the zebra crossing will open on Friday.",
                                         "title": "Zebrafinch headline"}, follow_redirects=False)
            assert r.status_code == 303
            assert r.headers["location"] in c.get("/?q=zebrafinch").text
    finally:
        site.close()


# --- with the real trace -----------------------------------------------------------------------

QUOTE = "We will open the new bridge over the river in March next year and it will carry four lanes of traffic"


def test_a_real_trace_is_served(tmp_path: Path) -> None:
    from reportedly import analyze
    from reportedly.corpus.trace import trace

    arts = [
        Article(text=f"Bridge to open in March\n\nThe transport minister, Jane Doe, said on Monday: \"{QUOTE}.\" "
                     "Officials confirmed the plan on Tuesday.\n", id="bridge-a", title="Bridge to open in March",
                outlet="Daily One", published="2024-03-01", url="https://one.example/bridge"),
        Article(text=f"New bridge may open next year\n\nThe new bridge may open next year. \"{QUOTE},\" the "
                     "transport minister Jane Doe told reporters, according to Daily One.\n", id="bridge-b",
                title="New bridge may open next year", outlet="Second Post", published="2024-03-03",
                url="https://two.example/bridge"),
    ]
    p = tmp_path / "traced.duckdb"
    with Store.open(p) as store:
        store.write([analyze(a) for a in arts])
        trace(store)
        groups = store.con.execute("SELECT group_id FROM claim_groups WHERE articles > 1").fetchall()
    if not groups:
        pytest.skip("the trace put the shared quote in no group across the two articles")
    site = Site.open(SiteConfig(db=str(p)))
    try:
        assert site.wait_for_index(60)
        with TestClient(create_app(site)) as c:
            for (gid,) in groups:
                page = c.get(claim_href(gid))
                assert page.status_code == 200
                assert article_href("bridge-a") in page.text and article_href("bridge-b") in page.text
            assert c.get("/drift").status_code == 200
            story = c.get("/stories/" + c.get("/stories.csv").text.splitlines()[1].split(",")[0])
            assert story.status_code == 200
            assert claim_href(groups[0][0]) in c.get(article_href("bridge-b")).text
    finally:
        site.close()


def test_a_store_without_claim_tables_shows_none(tmp_path: Path) -> None:
    """A site over a store whose claim tables are empty: the pages say there is nothing."""
    p = tmp_path / "empty.duckdb"
    with Store.open(p) as store:
        store.write([dataclasses.replace(example_reports()[0])])
    site = Site.open(SiteConfig(db=str(p)))
    try:
        site.wait_for_index(60)
        with TestClient(create_app(site)) as c:
            assert "No drift case" in c.get("/drift").text
            assert c.get("/claims/anything").status_code == 404
            assert c.get("/drift.csv").text.startswith("group_id,claim,direction")
    finally:
        site.close()
