"""Hardening of the input side (issue 17): truncated WARC files, HTML nested too deep or holding hidden
content, UTF-16/UTF-32 and byte-order marks, and JSONL fields of the wrong type.

Each bad input gives one clear InputError naming the file (nothing dropped silently, no traceback),
and the articles around it are kept."""

from __future__ import annotations

import codecs
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from typer.testing import CliRunner

from reportedly.cli import app
from reportedly.errors import InputError
from reportedly.ingest import read_inputs
from reportedly.ingest.html import article_from_html
from reportedly.ingest.markup import flatten, tree_depth
from reportedly.model import Article
from reportedly.settings import Settings
from reportedly.store import Store

PARA = (
    "The mayor said on Tuesday that the city would open three new parks next year, "
    "according to a statement from her office."
)
NEWS = "The minister said on Monday that the talks had failed, according to the agency.\n\nShe told reporters so.\n"


def page(i: int, wrap: int = 0) -> str:
    body = "".join(f"<p>{PARA} Paragraph {j} of page {i}.</p>" for j in range(4))
    article = f"<article><h1>City plans three new parks, part {i}</h1>{body}</article>"
    return f"<html><head><title>Parks {i}</title></head><body>{'<div>' * wrap}{article}{'</div>' * wrap}</body></html>"


def split(items: list[Article | InputError]) -> tuple[list[Article], list[InputError]]:
    return [x for x in items if isinstance(x, Article)], [x for x in items if isinstance(x, InputError)]


# -- 1. truncated WARC files ------------------------------------------------------------------


def make_warc(n: int, *, gz: bool, request_at: int | None = None) -> tuple[bytes, list[int]]:
    """A WARC of ``n`` records (HTML responses, one a request when ``request_at`` says so) and the offset
    at which each record ends."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    ends = []
    for i in range(n):
        if i == request_at:
            rec = w.create_warc_record(
                "https://example.com/req", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\nHost: example.com\r\n\r\n")
            )
        else:
            hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            payload = io.BytesIO(page(i).encode())
            rec = w.create_warc_record(f"https://example.com/{i}", "response", payload=payload, http_headers=hh)
        w.write_record(rec)
        rec.raw_stream.close()  # warcio buffers the record in a temporary file
        ends.append(buf.tell())
    return buf.getvalue(), ends


@pytest.mark.parametrize("gz", [True, False])
def test_whole_warc_gives_every_article_and_no_error(tmp_path: Path, gz: bool) -> None:
    data, _ = make_warc(4, gz=gz, request_at=1)
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(data)
    arts, errs = split(list(read_inputs([str(path)])))
    assert errs == []
    assert [a.url for a in arts] == ["https://example.com/0", "https://example.com/2", "https://example.com/3"]


@pytest.mark.parametrize("gz", [True, False])
def test_warc_cut_inside_a_record_keeps_what_came_before_and_says_so(tmp_path: Path, gz: bool) -> None:
    data, ends = make_warc(5, gz=gz)
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(data[: (ends[1] + ends[2]) // 2])  # the middle of the third record
    arts, errs = split(list(read_inputs([str(path)])))
    assert [a.url for a in arts] == ["https://example.com/0", "https://example.com/1"]
    (err,) = errs
    assert err.origin == str(path)
    assert "truncated or broken after 2 complete records" in err.problem
    assert "\n" not in str(err)


def test_plain_warc_cut_in_the_content_names_the_record_and_the_missing_bytes(tmp_path: Path) -> None:
    data, ends = make_warc(3, gz=False)
    path = tmp_path / "crawl.warc"
    path.write_bytes(data[: ends[2] - 40])  # the last page loses its end: no half article
    arts, errs = split(list(read_inputs([str(path)])))
    assert len(arts) == 2
    (err,) = errs
    assert str(err) == f"{path}:3: the archive is truncated or broken after 2 complete records: record 3 ends 36 bytes early"


def test_plain_warc_cut_in_the_headers_of_a_record(tmp_path: Path) -> None:
    data, ends = make_warc(3, gz=False, request_at=1)
    path = tmp_path / "crawl.warc"
    path.write_bytes(data[: ends[0] + 60])  # inside the request record's WARC headers
    arts, errs = split(list(read_inputs([str(path)])))
    assert len(arts) == 1
    (err,) = errs
    assert "after 1 complete record" in err.problem and err.line == 2


def test_gzipped_warc_cut_in_its_last_gzip_trailer_keeps_every_page_and_reports_the_cut(tmp_path: Path) -> None:
    data, _ = make_warc(3, gz=True)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data[:-4])  # the last member's length field
    arts, errs = split(list(read_inputs([str(path)])))
    assert len(arts) == 3
    (err,) = errs
    assert err.problem == (
        "the archive is truncated or broken after 3 complete records: the gzip stream ends before its end marker"
    )


@pytest.mark.parametrize("gz", [True, False])
def test_warc_cut_anywhere_loses_nothing_silently(monkeypatch: pytest.MonkeyPatch, gz: bool) -> None:
    """Every cut of a small archive: the pages of the whole records before the cut come out, and one
    error unless the cut falls between records (trafilatura is left out: this is about records)."""
    import reportedly.ingest.warc as warc

    def fake_html(html: str, *, origin: str, settings: Settings, url: str | None = None) -> Article:
        return Article(text=html, id=origin, origin=origin, format="html")

    monkeypatch.setattr(warc, "article_from_html", fake_html)
    data, ends = make_warc(4, gz=gz, request_at=1)
    pages = {0, 2, 3}
    # bytes at the end of a record that hold none of its content: the blank lines after a plain
    # record, the end of a gzip member (its last deflate block, checksum and length)
    slack = 16 if gz else 4
    for cut in range(0, len(data), 3):
        arts, errs = split(list(warc.read_warc(data[:cut], "f.warc", Settings())))
        whole = sum(1 for e in ends if e <= cut)
        near_end = any(e - slack <= cut < e for e in ends)
        expected = {sum(1 for i in range(whole) if i in pages)}
        if near_end:
            expected.add(sum(1 for i in range(whole + 1) if i in pages))
        assert len(arts) in expected, cut
        at_boundary = cut == 0 or cut in ends or (near_end and not gz)
        assert len(errs) == 1 or (at_boundary and len(errs) <= 1), (cut, errs)
        assert all("\n" not in str(e) for e in errs)


@hsettings(max_examples=150, deadline=None)
@given(st.data())
def test_damaged_warc_never_raises(data: st.DataObject) -> None:
    """Bytes changed anywhere in an archive (plain or gzipped): articles and errors, never an exception."""
    import reportedly.ingest.warc as warc

    gz = data.draw(st.booleans())
    raw = bytearray(_SMALL_WARC[gz])
    for _ in range(data.draw(st.integers(1, 4))):
        raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, len(raw)))
    for item in warc.read_warc(bytes(raw[:cut]), "f.warc", Settings()):
        assert isinstance(item, (Article, InputError))


_SMALL_WARC = {gz: make_warc(2, gz=gz, request_at=1)[0] for gz in (False, True)}


def test_truncated_warc_through_the_cli(tmp_path: Path) -> None:
    data, ends = make_warc(3, gz=True)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data[: (ends[0] + ends[1]) // 2])
    runner = CliRunner()
    db = tmp_path / "s.duckdb"
    res = runner.invoke(app, ["ingest", "--db", str(db), str(path), "--no-progress"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert "1 stored, 0 skipped (already stored), 1 failed" in res.output
    with Store.open(db, read_only=True) as store:
        ((origin, reason),) = store.con.execute("SELECT origin, reason FROM errors").fetchall()
    assert origin == str(path) and "truncated or broken after 1 complete record" in reason

    res = runner.invoke(app, ["analyze", "--format", "jsonl", str(path)], catch_exceptions=False)
    assert res.exit_code == 1
    assert [json.loads(x)["article"]["url"] for x in res.stdout.splitlines()] == ["https://example.com/0"]
    errs = [x for x in res.stderr.splitlines() if x.startswith("reportedly: error: ")]
    assert len(errs) == 1 and errs[0].startswith(f"reportedly: error: {path}") and "truncated" in errs[0]
    assert "Traceback" not in res.stderr


# -- 2. HTML: deep nesting, hidden content --------------------------------------------------------


def test_ten_thousand_nested_divs_lose_nothing() -> None:
    shallow = article_from_html(page(0), origin="flat.html")
    deep = article_from_html(page(0, wrap=10_000), origin="deep.html")
    assert deep.text == shallow.text and deep.blocks == shallow.blocks
    assert f"{PARA} Paragraph 3 of page 0." in deep.text


def test_deep_nesting_of_other_tags_and_unclosed_divs() -> None:
    body = "".join(f"<p>{PARA} Paragraph {j}.</p>" for j in range(4))
    for html in (
        f"<html><body>{'<div>' * 5000}<h1>City plans three new parks</h1>{body}</body></html>",  # never closed
        f"<html><body><h1>City plans three new parks</h1>{'<blockquote>' * 5000}{body}{'</blockquote>' * 5000}</body></html>",
        f"<html><body><h1>City plans three new parks</h1>{'<section><span>' * 3000}{body}</body></html>",
    ):
        art = article_from_html(html, origin="deep.html")
        assert all(f"{PARA} Paragraph {j}." in art.text for j in range(4))


def test_page_too_deep_without_text_blames_the_nesting() -> None:
    html = f"<html><body>{'<div>' * 10_000}<p>Hello</p>{'</div>' * 10_000}</body></html>"
    with pytest.raises(InputError) as e:
        article_from_html(html, origin="deep.html")
    assert str(e.value).startswith("deep.html: HTML nested too deep to extract (10,003 levels")


def test_pages_within_the_parser_limit_are_parsed_as_they_are() -> None:
    # flattening only happens past the limit: the same page at depth 200 keeps every wrapper
    import trafilatura

    html = page(0, wrap=200)
    assert tree_depth(trafilatura.load_html(html)) == 204
    flat, depth = flatten(html)
    assert depth == 204 and flat.count("<div>") == 98 and "<article><h1>" in flat


def test_flatten_keeps_text_entities_comments_and_scripts() -> None:
    html = '<!DOCTYPE html><html><body><!-- c --><p class="x">A &amp; B &#8212; C<br/></p><script>if (a < b) {}</script></body></html>'
    assert flatten(html) == (html, 3)


def test_template_and_hidden_content_stay_out_of_the_text() -> None:
    body = "".join(f"<p>{PARA} Paragraph {j}.</p>" for j in range(4))
    html = (
        f"<html><body><article><h1>City plans three new parks</h1>{body}"
        "<template><p>Template text that a reader never sees on the page.</p></template>after the template"
        "<noscript><p>Please enable JavaScript to see the comments below this story.</p></noscript>"
        "<div hidden><p>Sign in to save this article to your reading list.</p></div>"
        '<div hidden="until-found"><p>Collapsed notes the browser reveals when a reader searches the page.</p></div>'
        "</article></body></html>"
    )
    text = article_from_html(html, origin="t.html").text
    assert "Template text" not in text and "after the template" in text
    assert "enable JavaScript" not in text
    assert "Sign in" not in text
    assert "Collapsed notes" in text


def test_a_hidden_body_is_kept() -> None:
    # pages that hide their body until a script shows it would otherwise lose everything
    html = page(0).replace("<body>", "<body hidden>")
    assert f"{PARA} Paragraph 3 of page 0." in article_from_html(html, origin="h.html").text


# -- 3. encodings, byte-order marks, JSONL field types ----------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        NEWS.encode("utf-16"),
        codecs.BOM_UTF16_BE + NEWS.encode("utf-16-be"),
        NEWS.encode("utf-32"),
        codecs.BOM_UTF32_BE + NEWS.encode("utf-32-be"),
        codecs.BOM_UTF8 + NEWS.encode(),
    ],
    ids=["utf16le", "utf16be", "utf32le", "utf32be", "utf8"],
)
def test_text_with_a_byte_order_mark_is_decoded_without_it(tmp_path: Path, data: bytes) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(data)
    (a,) = read_inputs([str(p)])
    assert isinstance(a, Article) and a.text == NEWS  # offsets are into the text after the mark


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (NEWS.encode("utf-16-le"), "looks like UTF-16LE without a byte-order mark; convert it to UTF-8"),
        (NEWS.encode("utf-16-be"), "looks like UTF-16BE without a byte-order mark; convert it to UTF-8"),
        (NEWS.encode("utf-32-le"), "looks like UTF-32LE without a byte-order mark; convert it to UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, "binary data, not text (NUL bytes)"),
        (codecs.BOM_UTF16_LE + NEWS.encode("utf-16-le")[:-1], "not valid UTF-16"),
        (codecs.BOM_UTF8, "empty input"),
        (codecs.BOM_UTF16_LE + "  \n".encode("utf-16-le"), "empty input"),
    ],
)
def test_wide_or_broken_text_gets_an_error_that_names_the_encoding(tmp_path: Path, data: bytes, problem: str) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(data)
    (e,) = read_inputs([str(p)])
    assert isinstance(e, InputError) and str(e).startswith(f"{p}: ") and problem in e.problem


def test_html_files_with_a_byte_order_mark(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(page(0).encode("utf-16"))
    (tmp_path / "b.html").write_bytes(codecs.BOM_UTF8 + page(1).encode())
    a, b = read_inputs([str(tmp_path)])
    assert isinstance(a, Article) and a.text.startswith("City plans three new parks, part 0")
    assert isinstance(b, Article) and b.text.startswith("City plans three new parks, part 1")


def test_warc_page_with_a_byte_order_mark_is_decoded_by_it() -> None:
    from reportedly.ingest.warc import decode_html

    assert decode_html(codecs.BOM_UTF8 + "<p>café</p>".encode(), "text/html; charset=iso-8859-1") == "<p>café</p>"
    assert decode_html("<p>café</p>".encode("utf-16"), "text/html") == "<p>café</p>"
    assert decode_html("<p>café</p>".encode("latin-1"), "text/html; charset=iso-8859-1") == "<p>café</p>"


def test_jsonl_byte_order_marks_are_not_part_of_records_or_texts(tmp_path: Path) -> None:
    p = tmp_path / "c.jsonl"
    lines = [json.dumps({"id": "a", "text": NEWS}), json.dumps({"id": "b", "text": "\ufeff" + NEWS})]
    p.write_bytes(codecs.BOM_UTF8 + "\n".join(lines).encode() + b"\n")
    a, b = read_inputs([str(p)])
    assert isinstance(a, Article) and isinstance(b, Article)
    assert a.text == b.text == NEWS


def test_jsonl_with_a_bom_is_still_jsonl_on_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = codecs.BOM_UTF8 + (json.dumps({"id": "a", "text": NEWS}) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (a,) = read_inputs(["-"])
    assert isinstance(a, Article) and a.format == "jsonl" and a.text == NEWS


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ((json.dumps({"text": NEWS}) + "\n") * 3, "UTF-16 text (it starts with a UTF-16 byte-order mark)"),
        ((json.dumps({"text": NEWS}) + "\n") * 3, "looks like UTF-16LE without a byte-order mark"),
    ],
    ids=["bom", "no-bom"],
)
def test_utf16_jsonl_is_one_error_not_one_per_line(tmp_path: Path, data: str, problem: str) -> None:
    p = tmp_path / "c.jsonl"
    p.write_bytes(data.encode("utf-16" if "byte-order mark)" in problem else "utf-16-le"))
    (e,) = read_inputs([str(p)])
    assert isinstance(e, InputError) and e.problem == f"{problem}; JSONL must be UTF-8: convert it first"


@pytest.mark.parametrize(
    ("record", "problem"),
    [
        ({"text": 42}, "'text' is a number, not a string"),
        ({"text": 4.2}, "'text' is a number, not a string"),
        ({"text": ["a", "b"]}, "'text' is a list, not a string"),
        ({"text": {"body": NEWS}}, "'text' is an object, not a string"),
        ({"text": True}, "'text' is a boolean, not a string"),
        ({"html": 42}, "'html' is a number, not a string"),
        ({"html": ["<p>x</p>"]}, "'html' is a list, not a string"),
        ({"text": "", "html": {"a": 1}}, "'html' is an object, not a string"),
        ({"text": None}, "record has no non-empty 'text' or 'html' field"),
        ({"title": "x"}, "record has no non-empty 'text' or 'html' field"),
    ],
)
def test_jsonl_fields_of_the_wrong_type_are_named(tmp_path: Path, record: dict[str, Any], problem: str) -> None:
    p = tmp_path / "c.jsonl"
    p.write_text(json.dumps({"id": "ok", "text": NEWS}) + "\n" + json.dumps(record) + "\n", encoding="utf-8")
    ok, e = read_inputs([str(p)])
    assert isinstance(ok, Article)
    assert isinstance(e, InputError) and str(e) == f"{p}:2: {problem}"


def test_a_wrong_text_type_does_not_hide_good_html(tmp_path: Path) -> None:
    p = tmp_path / "c.jsonl"
    p.write_text(json.dumps({"text": 42, "html": page(0)}) + "\n", encoding="utf-8")
    (a,) = read_inputs([str(p)])
    assert isinstance(a, Article) and a.text.startswith("City plans three new parks, part 0")


def test_warcio_warnings_do_not_reach_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A record whose Content-Length is too small makes warcio print its own warning; it becomes the
    reader's one error line naming the record, and nothing else reaches stderr."""
    import re

    data, _ = make_warc(3, gz=False)
    m = re.search(rb"Content-Length: (\d+)", data)
    assert m is not None
    short = str(int(m.group(1)) - 10).encode()
    path = tmp_path / "crawl.warc"
    path.write_bytes(data[: m.start(1)] + short + data[m.end(1) :])
    items = list(read_inputs([str(path)]))
    errs = [x for x in items if isinstance(x, InputError)]
    assert len(errs) == 1 and "damaged (warcio:" in errs[0].problem and "\n" not in str(errs[0])
    assert capsys.readouterr().err == ""
