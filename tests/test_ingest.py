"""Ingest: plain text is kept byte-exact; bad input becomes one clear InputError."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportedly.errors import InputError
from reportedly.ingest import article_from_text, count_articles, kind_of, read_inputs, text_id
from reportedly.model import Article
from reportedly.settings import Settings

NEWS = (
    "The minister said on Monday that the talks had failed. \r\n\r\n"
    "“We will not sign,” she told reporters in the capital, according to the agency.\n"
)


def one(items: list[Article | InputError]) -> Article | InputError:
    assert len(items) == 1
    return items[0]


def test_text_file_is_kept_exactly(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(NEWS.encode("utf-8"))
    a = one(list(read_inputs([str(p)])))
    assert isinstance(a, Article)
    assert a.text == NEWS  # no stripping, no newline normalisation
    assert a.id == text_id(NEWS)
    assert a.origin == str(p)
    assert a.format == "text"


def test_bom_is_not_part_of_the_text(tmp_path: Path) -> None:
    # a byte-order mark is removed at decoding: offsets count from the character after it (issue 17)
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeff".encode() + NEWS.encode())
    a = one(list(read_inputs([str(p)])))
    assert isinstance(a, Article) and a.text == NEWS


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty input"),
        (b"   \n\n\t ", "empty input"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        ("Le ministre a déclaré lundi que les négociations avaient échoué.".encode("latin-1"), "not valid UTF-8"),
        (
            "Der Minister sagte am Montag, dass die Gespräche gescheitert seien und man nun "
            "über neue Wege nachdenken müsse, um die Krise zu lösen, die seit Wochen das Land lähmt "
            "und die Regierung unter Druck setzt, weil die Opposition Neuwahlen fordert.".encode(),
            "does not look like English",
        ),
    ],
)
def test_bad_text_files_give_one_clear_error(tmp_path: Path, data: bytes, problem: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    e = one(list(read_inputs([str(p)])))
    assert isinstance(e, InputError)
    assert str(e).startswith(f"{p}: ")
    assert problem in str(e)
    assert "\n" not in str(e)


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:
        fh.truncate(50_000_000)  # sparse 50 MB file
    e = one(list(read_inputs([str(p)])))
    assert isinstance(e, InputError)
    assert "too large (50.0 MB" in str(e)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "b.txt").write_text(NEWS, encoding="utf-8")
    (tmp_path / "d" / "a.txt").write_text(NEWS.replace("Monday", "Tuesday"), encoding="utf-8")
    (tmp_path / "d" / "notes.bin").write_bytes(b"\x00\x01")  # not an article suffix: ignored
    items = list(read_inputs([str(tmp_path / "nope.txt"), str(tmp_path / "d")]))
    assert isinstance(items[0], InputError) and "no such file" in str(items[0])
    assert [Path(x.origin or "").name for x in items[1:] if isinstance(x, Article)] == ["a.txt", "b.txt"]


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "one", "text": NEWS, "outlet": "Fox News", "authors": "Jane Doe and John Roe",
                    "published": "2025-06-30T12:00:00Z", "url": "https://example.com/a"}),
        "{not json",
        json.dumps({"id": "three"}),
        json.dumps([1, 2]),
        "",
        json.dumps({"text": NEWS.replace("minister", "president"), "authors": ["A B"]}),
    ]
    p = tmp_path / "c.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_inputs([str(p)]))
    assert len(items) == 5
    a = items[0]
    assert isinstance(a, Article)
    assert (a.id, a.outlet, a.authors, a.published, a.text) == (
        "one", "Fox News", ("Jane Doe", "John Roe"), "2025-06-30", NEWS)
    assert a.origin == f"{p}:1"
    assert isinstance(items[1], InputError) and str(items[1]).startswith(f"{p}:2: not JSON")
    assert isinstance(items[2], InputError) and "no non-empty 'text' or 'html'" in str(items[2])
    assert isinstance(items[3], InputError) and "not a JSON object" in str(items[3])
    assert isinstance(items[4], Article) and items[4].authors == ("A B",)


def test_gzipped_jsonl(tmp_path: Path) -> None:
    p = tmp_path / "c.jsonl.gz"
    p.write_bytes(gzip.compress((json.dumps({"text": NEWS}) + "\n").encode()))
    a = one(list(read_inputs([str(p)])))
    assert isinstance(a, Article) and a.text == NEWS


def test_corpus_files_are_streamed_not_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"id": f"a{i}", "text": NEWS}) for i in range(3)]
    plain = tmp_path / "c.jsonl"
    plain.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    packed = tmp_path / "d.jsonl.gz"
    packed.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))

    def refuse(self: Path) -> bytes:
        raise AssertionError(f"{self} read whole")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    got = read_inputs([str(plain), str(packed)])
    first = next(got)  # lazily: the first article comes before the rest is read
    assert isinstance(first, Article) and first.id == "a0" and first.origin == f"{plain}:1"
    rest = list(got)
    assert [a.id for a in rest if isinstance(a, Article)] == ["a1", "a2", "a0", "a1", "a2"]
    assert rest[-1].origin == f"{packed}:3"  # type: ignore[union-attr]


def test_one_reading_of_file_names() -> None:
    assert kind_of("a/Corpus.NDJSON.gz") == ("jsonl", True)
    assert kind_of("crawl.warc.gz") == ("warc", True) and kind_of("crawl.warc") == ("warc", False)
    assert kind_of("page.htm") == ("html", False) and kind_of("page.html.gz") == ("html", True)
    assert kind_of("notes.txt") == ("text", False) and kind_of("archive.gz") == ("text", True)
    assert kind_of("article.JSON") == ("json", False) and kind_of("articles.json.gz") == ("json", True)


def test_every_corpus_suffix_streams_past_the_size_limit(tmp_path: Path) -> None:
    """A corpus is read as a stream whatever its size or spelling (.jsonl, .ndjson, gzipped or not);
    only single articles are refused above ``max_bytes``."""
    lines = "".join(json.dumps({"id": f"a{i}", "text": NEWS}) + "\n" for i in range(4))
    small = Settings(max_bytes=len(NEWS) // 2)
    names = ["c.jsonl", "c.ndjson", "c.jsonl.gz", "c.ndjson.gz"]
    for name in names:
        p = tmp_path / name
        p.write_bytes(gzip.compress(lines.encode()) if name.endswith(".gz") else lines.encode())
        items = list(read_inputs([str(p)], small))
        assert [a.id for a in items if isinstance(a, Article)] == ["a0", "a1", "a2", "a3"], name
    single = tmp_path / "one.txt"
    single.write_text(NEWS, encoding="utf-8")
    e = one(list(read_inputs([str(single)], small)))
    assert isinstance(e, InputError) and "too large" in str(e)
    # counting (for the progress bar) reads plain JSONL lines; gzip would mean reading twice
    assert count_articles([str(tmp_path / "c.jsonl"), str(tmp_path / "c.ndjson"), str(single)]) == 9
    assert count_articles([str(tmp_path / "c.ndjson.gz")]) is None


def test_truncated_gzip_corpus_keeps_what_came_before(tmp_path: Path) -> None:
    body = "".join(json.dumps({"id": f"a{i}", "text": NEWS + " " * i}) + "\n" for i in range(50))
    data = gzip.compress(body.encode())
    p = tmp_path / "cut.jsonl.gz"
    p.write_bytes(data[: len(data) * 2 // 3])
    items = list(read_inputs([str(p)]))
    arts = [a for a in items if isinstance(a, Article)]
    assert arts and [a.id for a in arts] == [f"a{i}" for i in range(len(arts))]
    assert isinstance(items[-1], InputError) and "broken gzip file" in str(items[-1])


def test_empty_jsonl_is_one_error(tmp_path: Path) -> None:
    p = tmp_path / "e.jsonl"
    p.write_text("\n  \n", encoding="utf-8")
    (e,) = list(read_inputs([str(p)]))
    assert isinstance(e, InputError) and "empty input" in str(e)


def test_stdin_text_and_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(NEWS.encode())))
    a = one(list(read_inputs(["-"])))
    assert isinstance(a, Article) and a.text == NEWS and a.origin == "<stdin>"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((json.dumps({"text": NEWS}) + "\n").encode())))
    a = one(list(read_inputs(["-"])))
    assert isinstance(a, Article) and a.text == NEWS


def test_a_json_file_holds_one_record_or_a_list_and_is_never_read_as_prose(tmp_path: Path) -> None:
    """A ``.json`` file was analysed as plain text: its JSON source became the article (an entity named '\\"By',
    a source span "nKim Jong Il" out of a literal "\\nKim").  One record, or a list of them, is read as a JSONL line
    is; anything else is one error line naming the file."""
    one_record = tmp_path / "story.json"
    one_record.write_text(json.dumps({"id": "s1", "text": NEWS, "outlet": "KCNA"}, indent=2), encoding="utf-8")
    a = one(list(read_inputs([str(one_record)])))
    assert isinstance(a, Article) and (a.id, a.text, a.outlet, a.format, a.origin) == ("s1", NEWS, "KCNA", "json", str(one_record))
    many = tmp_path / "stories.json"
    many.write_text(json.dumps([{"text": NEWS}, {"title": "no text"}, "a string"]), encoding="utf-8")
    items = list(read_inputs([str(many)]))
    assert isinstance(items[0], Article) and items[0].origin == f"{many}[0]"
    assert [str(e) for e in items[1:]] == [
        f"{many}[1]: record has no non-empty 'text' or 'html' field", f"{many}[2]: not a JSON object but str"]
    bad = {
        "broken.json": ('{"text": "The minister said', "not JSON (Unterminated string"),
        "report.json": (json.dumps({"schema": "reportedly.report/1", "article": {"text": NEWS}}), "a reportedly report"),
        "numbers.json": ("[1, 2]", "not a JSON object but a number"),
        "config.json": (json.dumps({"profile": "fast"}), "JSON that holds no article"),
        "empty.json": ("[]", "empty input"),
        "blank.json": ("  \n", "empty input"),
    }
    for name, (body, problem) in bad.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
        errs = list(read_inputs([str(tmp_path / name)]))
        assert all(isinstance(e, InputError) for e in errs) and problem in str(errs[0]), (name, errs)
    # a folder's .json files are inputs too; a record (or a bad file: one error) counts one for the progress
    # bar, a list is not counted (that would mean parsing it twice)
    assert sum(isinstance(x, Article) for x in read_inputs([str(tmp_path)])) == 2
    assert count_articles([str(one_record), str(tmp_path / "broken.json"), str(tmp_path / "blank.json")]) == 3
    assert count_articles([str(one_record), str(tmp_path / "numbers.json")]) is None


def test_stdin_json_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pretty-printed record (or a list) on stdin is one JSON document, not JSONL lines that each fail."""
    for doc in ({"text": NEWS}, [{"text": NEWS}, {"text": NEWS.replace("minister", "president")}]):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps(doc, indent=2).encode())))
        got = list(read_inputs(["-"]))
        assert got and all(isinstance(a, Article) for a in got) and got[0].text == NEWS


def test_language_check_can_be_switched_off() -> None:
    text = (
        "Der Minister sagte am Montag, dass die Gespräche gescheitert seien und man nun neue Wege suche, "
        "um die Krise zu lösen, die seit Wochen das Land lähmt und die Regierung unter Druck setzt."
    )
    with pytest.raises(InputError):
        article_from_text(text)
    assert article_from_text(text, settings=Settings(check_language=False)).text == text


@settings(max_examples=200, deadline=None)  # the first example pays for lazy imports (trafilatura)
@given(st.binary(max_size=400))
def test_no_bytes_crash_ingest(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        for name in ("x.txt", "x.html", "x.jsonl", "x.json"):
            p = Path(d) / name
            p.write_bytes(data)
            for item in read_inputs([str(p)]):
                assert isinstance(item, (Article, InputError))
                if isinstance(item, Article):
                    assert item.text


def test_metadata_author_lists_keep_the_people() -> None:
    """AllSides' author fields carry section labels, roles, page counters and names cut short (60 of its 5,000
    articles): the writer's "I" resolves only to a sole author, so they must not count as authors."""
    from reportedly.ingest.text import author_names, clean_meta

    assert clean_meta({"authors": "Analysis Stephen Collinson"})["authors"] == ("Stephen Collinson",)
    assert clean_meta({"authors": "Chris Cillizza, Cnn Editor-At-Large"})["authors"] == ("Chris Cillizza",)
    assert "authors" not in clean_meta({"authors": "Backgroundurl Avatar_Large, Story Count, Comment Count"})
    assert author_names(["Tina Nguye", "Eric Lutz", "Tina Nguyen", "Eric Lutz"]) == ("Eric Lutz", "Tina Nguyen")
    assert author_names(['"Cortney OBrien"', "Special To Cnn", "Npr Staff"]) == ("Cortney OBrien",)
    assert author_names(["Editorial Board"]) == ("Editorial Board",)
    assert clean_meta({"authors": "Jane Doe and John Roe"})["authors"] == ("Jane Doe", "John Roe")
