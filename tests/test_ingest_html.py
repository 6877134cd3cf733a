"""HTML ingestion: typed blocks with exact offsets, captions and credits kept out
of the body, metadata, one clear error for bad input, and a quality gate on the
ScrapingHub article-extraction benchmark."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import shared_path
from reportedly.errors import InputError
from reportedly.evaluation.html import (
    contains_run,
    load_aeb,
    marked_captions,
    score_bodies,
    shingle_counts,
    tokenize,
)
from reportedly.ingest import read_bytes
from reportedly.ingest.html import PRODUCED_BY, article_from_html
from reportedly.model import Article
from reportedly.settings import Settings

BODY = [
    "The city council voted on Tuesday to approve the new budget, which includes money for road "
    "repairs and for two new libraries in the northern districts.",
    "Council member Jane Roe said the vote was a turning point for the city and that residents had "
    "waited years for the libraries to be built.",
    "The budget now goes to the mayor, who is expected to sign it next week after a final review by "
    "the city's finance department.",
]
CAPTION_1 = "Council members vote on the budget in the city hall chamber on Tuesday."
CAPTION_2 = "The site of one of the planned libraries in the north of the city."


def page(fig1: str, fig2: str, *, head: str = "", before: str = "") -> str:
    """A small news page: headline, standfirst, byline, two figures between three paragraphs."""
    return f"""<!DOCTYPE html><html><head><title>Council approves budget - Example Times</title>
<meta name="description" content="Two libraries and road repairs are in the plan.">
<meta property="og:site_name" content="Example Times">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-05-07T10:00:00Z">{head}
</head><body><nav><ul><li><a href="/">Home</a></li><li><a href="/city">City</a></li></ul></nav>
<article>{before}
<h1>Council approves budget</h1>
<p class="standfirst">Two libraries and road repairs are in the plan.</p>
<div class="byline">By Jane Doe</div>
<figure><img src="a.jpg" alt="">{fig1}</figure>
<p>{BODY[0]}</p>
<p>{BODY[1]}</p>
<figure><img src="b.jpg" alt="">{fig2}</figure>
<p>{BODY[2]}</p>
</article><footer><p>Copyright 2024 Example Times. All rights reserved.</p></footer></body></html>"""


STANDARD = page(
    f'<figcaption>{CAPTION_1} <span class="credit">Photo: John Smith/Example Times</span></figcaption>',
    f"<figcaption>{CAPTION_2} (AP Photo/Mary Major)</figcaption>",
)


def blocks_of(art: Article) -> list[tuple[str, str]]:
    return [(b.kind, art.text[b.start : b.end]) for b in art.blocks]


def test_blocks_in_page_order_with_exact_offsets() -> None:
    art = article_from_html(STANDARD, origin="t.html")
    assert blocks_of(art) == [
        ("headline", "Council approves budget"),
        ("dek", "Two libraries and road repairs are in the plan."),
        ("byline", "By Jane Doe"),
        ("caption", CAPTION_1),
        ("credit", "Photo: John Smith/Example Times"),
        ("body", BODY[0]),
        ("body", BODY[1]),
        ("caption", CAPTION_2),
        ("credit", "(AP Photo/Mary Major)"),
        ("body", BODY[2]),
    ]
    # the text is exactly the blocks joined by blank lines
    assert art.text == "\n\n".join(t for _, t in blocks_of(art))
    prev_end = -2
    for b in art.blocks:
        assert b.produced_by == PRODUCED_BY
        assert b.start == prev_end + 2 and art.text[prev_end:b.start] in ("", "\n\n")
        prev_end = b.end
    assert art.format == "html"


def test_metadata() -> None:
    art = article_from_html(STANDARD, origin="t.html", url="https://example.com/council")
    assert art.title == "Council approves budget"  # trafilatura's pick (og:title, <h1> or <title>)
    assert art.authors == ("Jane Doe",)
    assert art.published == "2024-05-07"
    assert art.outlet == "Example Times"
    assert art.url == "https://example.com/council"
    assert art.origin == "t.html"


def test_caption_and_credit_text_stay_out_of_the_body() -> None:
    art = article_from_html(STANDARD, origin="t.html")
    body = " ".join(t for k, t in blocks_of(art) if k == "body")
    for needle in (CAPTION_1, CAPTION_2, "John Smith", "Mary Major", "Jane Doe", "Council approves budget"):
        assert needle not in body


def test_trafilatura_never_sees_the_captions(monkeypatch: pytest.MonkeyPatch) -> None:
    """The caption and credit elements are taken out of the tree trafilatura
    reads, so their text cannot reach the body whatever trafilatura keeps."""
    import trafilatura

    seen: list[str] = []
    real = trafilatura.bare_extraction

    def spy(tree, **kw):  # type: ignore[no-untyped-def]
        seen.append(" ".join(tree.itertext()))
        return real(tree, **kw)

    monkeypatch.setattr(trafilatura, "bare_extraction", spy)
    art = article_from_html(STANDARD, origin="t.html")
    assert len(seen) == 1
    for needle in (CAPTION_1, CAPTION_2, "John Smith", "Mary Major"):
        assert needle not in seen[0]
    assert BODY[0] in seen[0] and ("caption", CAPTION_1) in blocks_of(art)


def test_caption_inside_a_paragraph() -> None:
    """Business Insider puts the image, caption and source inside a <p>."""
    html = page("", "").replace(
        f"<p>{BODY[2]}</p>",
        '<p><span class="image-container"><span class="image"><img src="c.jpg" alt="">'
        f'<span class="caption-source"><span class="caption">{CAPTION_2}</span>'
        f'<span class="source"><span>Reuters</span></span></span></span></span> {BODY[2]}</p>',
    )
    art = article_from_html(html, origin="t.html")
    assert blocks_of(art)[-3:] == [("body", BODY[2]), ("caption", CAPTION_2), ("credit", "Reuters")]


@pytest.mark.parametrize(
    ("figcaption", "caption", "credit"),
    [
        (f'<figcaption>{CAPTION_2}<span class="credit">Photo: Jo Bloggs</span></figcaption>', CAPTION_2, "Photo: Jo Bloggs"),
        (f"<figcaption>{CAPTION_2} (AP Photo/Mary Major, File)</figcaption>", CAPTION_2, "(AP Photo/Mary Major, File)"),
        (f"<figcaption>{CAPTION_2}<span>Credit...Ann Lee/The Example Times</span></figcaption>", CAPTION_2,
         "Credit...Ann Lee/The Example Times"),
        (f"<figcaption>{CAPTION_2} REUTERS/Brendan Doe</figcaption>", CAPTION_2, "REUTERS/Brendan Doe"),
        (f"<figcaption>{CAPTION_2} Leonhard Foe / Reuters file</figcaption>", CAPTION_2, "Leonhard Foe / Reuters file"),
        (f"<figcaption>{CAPTION_2} (Image: GETTY)</figcaption>", CAPTION_2, "(Image: GETTY)"),
        (f"<figcaption>{CAPTION_2} [SpaceX via NASA]</figcaption>", CAPTION_2, "[SpaceX via NASA]"),
        (f"<figcaption>{CAPTION_2}</figcaption>", CAPTION_2, None),
        ('<figcaption class="image-caption"><p class="image-credit">Alex Wong | Getty Images</p>'
         f'<p class="image-caption-text">{CAPTION_2}</p></figcaption>', CAPTION_2, "Alex Wong | Getty Images"),
        ('<div class="Figure-content"><div class="Figure-caption">A plain caption of the second image.</div>'
         '<div class="Figure-credit">(Walt Example Co.)</div></div>', "A plain caption of the second image.",
         "(Walt Example Co.)"),
        ('<figcaption>Photo: iFixit</figcaption>', None, "Photo: iFixit"),
    ],
)
def test_credit_forms(figcaption: str, caption: str | None, credit: str | None) -> None:
    art = article_from_html(page("", figcaption), origin="t.html")
    got = [(k, t) for k, t in blocks_of(art) if k in ("caption", "credit")]
    want = [(k, t) for k, t in (("caption", caption), ("credit", credit)) if t is not None]
    assert sorted(got) == sorted(want)
    assert not any(k == "body" and (caption or credit or "#") in t for k, t in blocks_of(art))


def test_widgets_and_footers_are_not_captions() -> None:
    html = page(
        '<div class="GoogleDfpAd-adCaption">Advertisement</div><a class="more-caption">... more</a>',
        '<div class="c-related__caption">Read more: another story about the council and the city</div>',
    )
    art = article_from_html(html, origin="t.html")
    assert [k for k, _ in blocks_of(art) if k in ("caption", "credit")] == []


def test_a_caption_that_repeats_the_lede_leaves_the_lede_in_the_body() -> None:
    """Some pages caption the lead photo with the first paragraph; the paragraph stays body."""
    art = article_from_html(page(f"<figcaption>{BODY[0]}</figcaption>", ""), origin="t.html")
    assert ("body", BODY[0]) in blocks_of(art)


def test_description_that_is_the_lede_is_no_dek() -> None:
    html = STANDARD.replace('<p class="standfirst">Two libraries and road repairs are in the plan.</p>', "")
    html = html.replace("Two libraries and road repairs are in the plan.", BODY[0])
    art = article_from_html(html, origin="t.html")
    assert "dek" not in [k for k, _ in blocks_of(art)]
    assert ("body", BODY[0]) in blocks_of(art)


def test_fragment_is_accepted() -> None:
    art = article_from_html("".join(f"<p>{p}</p>" for p in BODY), origin="frag")
    assert [t for k, t in blocks_of(art) if k == "body"] == BODY


@pytest.mark.parametrize(
    ("html", "problem"),
    [
        ("", "not HTML (no tags)"),
        ("just some words, no markup at all", "not HTML (no tags)"),
        ("\x00\x01\x02\x03binary" * 20, "binary data, not HTML"),
        ("<<<<>>>>&&&;;;", "not HTML (no tags)"),
        ("<html><body><div></div></body></html>", "no article text found"),
        ("<html><body><nav><a href='/'>Home</a> <a href='/x'>News</a></nav></body></html>", "no article text found"),
        ("<html><body><p>Too short.</p></body></html>", "no article text found"),
        ("<html><head><title>x</title></head><body><table><tr><td>1</td><td>2</td></tr></table>", "no article text"),
        ("<div><span>" * 300 + "unclosed", "no article text found"),
        ("<html><body>" + "<p>Das ist ein Artikel über die Stadt und den Rat und die Bibliothek.</p>" * 8,
         "does not look like English"),
    ],
)
def test_bad_input_is_one_clear_input_error(html: str, problem: str) -> None:
    with pytest.raises(InputError) as err:
        article_from_html(html, origin="bad.html")
    assert str(err.value).startswith("bad.html: ")
    assert problem in err.value.problem
    assert "\n" not in str(err.value)


def test_html_files_come_through_ingest() -> None:
    (art,) = list(read_bytes(STANDARD.encode("utf-8"), "page.html", Settings()))
    assert isinstance(art, Article) and art.format == "html"
    (err,) = list(read_bytes(b"<html><body></body></html>", "empty.html", Settings()))
    assert isinstance(err, InputError)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["<p>", "</p>", "<figure>", "<figcaption>", "</figcaption>", "<img src=x>", "<div class=caption>",
             "</div>", "<h1>", "</h1>", "<span class=credit>", "<!--", "-->", "<script>", "&amp;", "\x00",
             "Photo: A", "(AP Photo/B)", "The council voted on the budget today. ", "<html>", "<body>"]
        ),
        max_size=40,
    )
)
def test_no_markup_crashes(parts: list[str]) -> None:
    try:
        art = article_from_html("".join(parts), origin="fuzz", settings=Settings(check_language=False))
    except InputError:
        return
    for b in art.blocks:
        assert 0 <= b.start < b.end <= len(art.text)


# -- the scorer ---------------------------------------------------------------------------


def test_shingle_counts_follow_the_benchmark() -> None:
    assert shingle_counts("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    assert shingle_counts("a b c d e", "") == (0.0, 0.0, 1.0)
    # 2 true shingles, 1 shared, 1 extra predicted: tp = fp = fn = 1/3
    tp, fp, fn = shingle_counts("a b c d e", "a b c d x")
    assert (round(tp, 3), round(fp, 3), round(fn, 3)) == (0.333, 0.333, 0.333)
    assert tokenize("It's U.S.-made, 100%") == ["It", "s", "U", "S", "made", "100"]


def test_score_bodies_averages_pages_then_takes_f1() -> None:
    truth = {"a": "one two three four five", "b": "six seven eight nine ten"}
    s = score_bodies(truth, {"a": "one two three four five", "b": ""}, n_bootstrap=0)
    # page b has tp = fp = 0: it counts for recall (0) but not for precision
    assert (s.precision, s.recall, s.accuracy) == (1.0, 0.5, 0.5)
    assert s.f1 == pytest.approx(2 / 3)


def test_marked_captions_and_leak_test() -> None:
    import trafilatura

    caps, creds = marked_captions(trafilatura.load_html(STANDARD))
    assert caps == [CAPTION_1, f"{CAPTION_2} (AP Photo/Mary Major)"]
    assert creds == ["Photo: John Smith/Example Times"]
    assert contains_run(tokenize("x " + CAPTION_1 + " y"), tokenize(CAPTION_1))
    assert not contains_run(tokenize(CAPTION_1[:-10]), tokenize(CAPTION_1))


def test_eval_html_command_on_a_tiny_benchmark(tmp_path: Path) -> None:
    from reportedly.cli import app

    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "p1.html.gz").write_bytes(gzip.compress(STANDARD.encode("utf-8")))
    truth = {"p1": {"articleBody": "\n\n".join(BODY), "url": "https://example.com/council"}}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    res = CliRunner().invoke(app, ["eval", "html", str(tmp_path), "--bootstrap", "5"])
    assert res.exit_code == 0, res.output
    assert "reportedly (body blocks)" in res.output and "trafilatura.extract, defaults" in res.output
    ours = next(line for line in res.output.splitlines() if line.startswith("reportedly (body blocks)"))
    assert ours.split()[3] == "1.000"  # F1 of the one page
    res = CliRunner().invoke(app, ["eval", "html", str(tmp_path / "nope")])
    assert res.exit_code == 2


# -- quality gate on real pages ---------------------------------------------------------------

# Every 15th page of the benchmark in id order (13 pages, some not in English).
# On these, ours scored F1 0.980 and plain trafilatura.extract(include_comments=False)
# 0.962 (trafilatura 2.3.1, measured 2026-11); the floor leaves 0.03 for
# trafilatura upgrades while still failing if captions or headlines leak back in
# or body paragraphs get dropped.
GATE_STEP = 15
GATE_FLOOR = 0.95


@pytest.mark.data
def test_body_f1_on_scrapinghub_pages_stays_above_floor() -> None:
    root = shared_path("scrapinghub-aeb")
    truth, urls, pages = load_aeb(root)
    keys = sorted(truth)[::GATE_STEP]
    settings_ = Settings(check_language=False)
    ours: dict[str, str] = {}
    for k in keys:
        art = article_from_html(pages[k], origin=k, settings=settings_, url=urls[k] or None)
        ours[k] = "\n".join(art.text[b.start : b.end] for b in art.blocks if b.kind == "body")
        for b in art.blocks:
            assert art.text[b.start : b.end].strip() == art.text[b.start : b.end] != ""
    score = score_bodies({k: truth[k] for k in keys}, ours, n_bootstrap=0)
    assert score.f1 >= GATE_FLOOR, score
