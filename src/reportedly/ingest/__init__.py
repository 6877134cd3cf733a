"""Ingest: files, directories, JSONL, HTML and stdin -> ``Article``.

This is the only place where text may change (HTML extraction, JSONL
decoding).  For a plain-text file ``Article.text`` is exactly the decoded
file, so offsets computed on the file agree with the report.

``read_inputs`` yields an ``Article`` or an ``InputError`` per input article,
in input order, and never raises for one bad input.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Article
from ..settings import Settings
from .checks import check_text, decode

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
GZIP_SUFFIX = ".gz"


def text_id(text: str) -> str:
    """A stable id: the first 16 hex digits of the SHA-256 of the text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def article_from_text(
    text: str, *, origin: str | None = None, settings: Settings | None = None, **meta: Any
) -> Article:
    """An Article from plain text (unchanged) and optional metadata."""
    settings = settings or Settings()
    check_text(text, origin or "<text>", settings)
    return Article(
        text=text,
        id=str(meta.pop("id", None) or text_id(text)),
        origin=origin,
        format=meta.pop("format", "text"),
        **_clean_meta(meta),
    )


def _clean_meta(meta: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k in ("url", "outlet", "title", "published"):
        v = meta.get(k)
        if v is not None and str(v).strip():
            out[k] = str(v).strip()
    if "published" in out:
        out["published"] = _iso_date(out["published"])
    authors = meta.get("authors")
    if isinstance(authors, str):
        authors = [a.strip() for a in authors.replace(" and ", ",").split(",")]
    if authors:
        out["authors"] = tuple(str(a).strip() for a in authors if str(a).strip())
    if "blocks" in meta:
        out["blocks"] = tuple(meta["blocks"])
    return out


def _iso_date(value: str) -> str | None:
    """'2016-09-12T10:00:00Z' -> '2016-09-12'; anything unparsable -> None."""
    import datetime as dt

    v = value.strip()
    for cand in (v[:10], v):
        try:
            return dt.date.fromisoformat(cand).isoformat()
        except ValueError:
            pass
    try:
        return dt.datetime.fromisoformat(v.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return None


def article_from_record(rec: dict[str, Any], origin: str, settings: Settings, line: int | None = None) -> Article:
    """An Article from one JSONL record (``text`` or ``html`` plus metadata)."""
    meta = {k: rec.get(k) for k in ("id", "url", "outlet", "title", "authors", "published")}
    if isinstance(rec.get("text"), str) and rec["text"].strip():
        text = rec["text"]
        try:
            check_text(text, origin, settings, line)
        except InputError:
            raise
        return Article(
            text=text,
            id=str(meta.pop("id", None) or text_id(text)),
            origin=f"{origin}:{line}" if line is not None else origin,
            format="jsonl",
            **_clean_meta(meta),
        )
    if isinstance(rec.get("html"), str) and rec["html"].strip():
        from .html import article_from_html

        where = f"{origin}:{line}" if line is not None else origin
        art = article_from_html(rec["html"], origin=where, settings=settings, url=meta.get("url"))
        extra = _clean_meta({k: v for k, v in meta.items() if v is not None and k != "id"})
        import dataclasses

        return dataclasses.replace(art, id=str(meta.get("id") or art.id), format="jsonl", **extra)
    raise InputError(origin, "record has no non-empty 'text' or 'html' field", line)


def _split_lines(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The lines of a file read line by line, split as ``bytes.splitlines`` splits (a lone CR too)."""
    for chunk in chunks:
        yield from chunk.splitlines()


def read_jsonl(data: bytes | Iterable[bytes], origin: str, settings: Settings) -> Iterator[Article | InputError]:
    """One article per line; a bad line is an InputError naming the line.

    ``data`` is the file's bytes or its lines as read from an open binary file: a corpus is then read
    one line at a time, never whole.  A file with no non-blank line is one "empty input" error.
    """
    lines = data.splitlines() if isinstance(data, bytes) else _split_lines(data)
    seen = False
    try:
        for n, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            seen = True
            yield from _jsonl_line(raw, n, origin, settings)
    except (OSError, EOFError) as e:  # a gzip stream broken half-way: what came before is kept
        broken = "broken gzip file" if origin.lower().endswith(GZIP_SUFFIX) else "cannot read the file"
        yield InputError(origin, f"{broken} ({e})")
        return
    if not seen:
        yield InputError(origin, "empty input")


def _jsonl_line(raw: bytes, n: int, origin: str, settings: Settings) -> Iterator[Article | InputError]:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        yield InputError(origin, f"not valid UTF-8 (byte 0x{raw[e.start]:02x})", n)
        return
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as e:
        yield InputError(origin, f"not JSON ({e.msg} at column {e.colno})", n)
        return
    if not isinstance(rec, dict):
        yield InputError(origin, f"not a JSON object but {type(rec).__name__}", n)
        return
    try:
        yield article_from_record(rec, origin, settings, n)
    except InputError as e:
        yield e


def kind_of(name: str) -> tuple[str, bool]:
    """What an input file holds, by its name: (``"jsonl"``, ``"warc"``, ``"html"`` or ``"text"``, gzipped).

    ``corpus.ndjson.gz`` is ``("jsonl", True)``, ``crawl.warc.gz`` ``("warc", True)``, ``page.HTM``
    ``("html", False)``; anything else is text (its content may still turn out to be HTML).
    """
    low = name.lower()
    gz = low.endswith(GZIP_SUFFIX)
    suffix = Path(low.removesuffix(GZIP_SUFFIX)).suffix
    if suffix in JSONL_SUFFIXES:
        return "jsonl", gz
    if suffix in HTML_SUFFIXES:
        return "html", gz
    return ("warc" if suffix == ".warc" else "text"), gz


def is_corpus(name: str) -> bool:
    """Whether a file of this name holds many articles (JSONL, WARC; gzipped or not): such files are
    read as a stream, whatever their size."""
    return kind_of(name)[0] in ("jsonl", "warc")


def read_bytes(data: bytes, origin: str, settings: Settings, kind: str | None = None) -> Iterator[Article | InputError]:
    """Articles from the bytes of one input, by kind (text, html, jsonl, warc) or guessed from the name."""
    named, gz = kind_of(origin)
    if gz:
        import gzip

        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as e:
            yield InputError(origin, f"broken gzip file ({e})")
            return
    kind = kind or named
    if kind == "jsonl":
        yield from read_jsonl(data, origin, settings)
        return
    if kind == "warc":
        from .warc import read_warc

        yield from read_warc(data, origin, settings)
        return
    try:
        text = decode(data, origin, settings)
        if kind == "text" and _looks_like_html(text):
            kind = "html"
        if kind == "html":
            from .html import article_from_html

            yield article_from_html(text, origin=origin, settings=settings)
        else:
            yield article_from_text(text, origin=origin, settings=settings)
    except InputError as e:
        yield e


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


INPUT_SUFFIXES = {".txt", ".text"} | HTML_SUFFIXES | JSONL_SUFFIXES | {".warc"}


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files named, files under directories (sorted), and '-' for stdin."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and not f.name.startswith(".") and Path(f.name.lower().removesuffix(GZIP_SUFFIX)).suffix in INPUT_SUFFIXES:
                    yield str(f)
        else:
            yield p


def read_inputs(paths: Iterable[str], settings: Settings | None = None) -> Iterator[Article | InputError]:
    """Every article of every input, or an InputError for each one that cannot be read."""
    settings = settings or Settings()
    for p in expand_paths(paths):
        if p == "-":
            data = sys.stdin.buffer.read()
            yield from read_bytes(data, "<stdin>", settings, kind="jsonl" if _looks_like_jsonl(data) else None)
            continue
        path = Path(p)
        try:
            size = path.stat().st_size
            if not path.is_file():
                yield InputError(p, "not a regular file")
                continue
            corpus = is_corpus(path.name)
            if size > settings.max_bytes and not corpus:
                yield InputError(
                    p,
                    f"too large ({size / 1e6:.1f} MB; the limit is {settings.max_bytes / 1e6:.1f} MB, "
                    "set max_bytes to raise it)",
                )
                continue
            if corpus:
                yield from _stream_corpus(path, p, settings)
                continue
            data = path.read_bytes()
        except FileNotFoundError:
            yield InputError(p, "no such file or directory")
            continue
        except OSError as e:
            yield InputError(p, f"cannot read ({e.strerror or e})")
            continue
        yield from read_bytes(data, p, settings)


def _stream_corpus(path: Path, origin: str, settings: Settings) -> Iterator[Article | InputError]:
    """A JSONL or WARC corpus file read as a stream (line by line, record by record), never whole:
    memory stays flat for corpora of any size."""
    kind, gz = kind_of(path.name)
    if kind == "warc":
        from .warc import read_warc

        with path.open("rb") as fh:  # warcio reads gzip members itself
            yield from read_warc(fh, origin, settings)
        return
    if gz:
        import gzip

        with gzip.open(path, "rb") as unpacked:
            yield from read_jsonl(unpacked, origin, settings)
        return
    with path.open("rb") as fh:
        yield from read_jsonl(fh, origin, settings)


def _looks_like_jsonl(data: bytes) -> bool:
    first = data.lstrip()[:1]
    return first == b"{"
