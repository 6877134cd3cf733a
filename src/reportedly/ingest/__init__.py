"""Ingest: files, directories, JSONL, HTML and stdin -> ``Article``.

This is the only place where text may change (HTML extraction, JSONL
decoding).  For a plain-text file ``Article.text`` is exactly the decoded
file less its byte-order mark, so offsets computed on the decoded text agree
with the report: they count characters after the mark, not bytes of the file.
A file is UTF-8, or UTF-16/UTF-32 when it starts with their byte-order mark
(``checks.decode``); a UTF-8 byte-order mark is removed from plain text, HTML
and JSONL lines and values alike.

``read_inputs`` yields an ``Article`` or an ``InputError`` per input article,
in input order, and never raises for one bad input.
"""

from __future__ import annotations

import codecs
import dataclasses
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Article
from ..settings import Settings
from .checks import decode
from .jsonl import article_from_record, read_json, read_jsonl
from .kinds import count_articles, expand_inputs, expand_paths, is_corpus, kind_of
from .text import article_from_text, text_id

__all__ = [
    "article_from_record",
    "article_from_text",
    "count_articles",
    "expand_inputs",
    "expand_paths",
    "is_corpus",
    "kind_of",
    "read_bytes",
    "read_inputs",
    "read_jsonl",
    "text_id",
    "with_defaults",
]

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
    if kind == "json":
        try:
            text = decode(data, origin, settings)
        except InputError as e:
            yield e
            return
        yield from read_json(text, origin, settings)
        return
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


def read_inputs(paths: Iterable[str], settings: Settings | None = None) -> Iterator[Article | InputError]:
    """Every article of every input, or an InputError for each one that cannot be read."""
    settings = settings or Settings()
    for p in expand_paths(paths):
        if p == "-":
            data = sys.stdin.buffer.read()
            yield from read_bytes(data, "<stdin>", settings, kind=_stdin_kind(data))
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


def _stdin_kind(data: bytes) -> str | None:
    """Records on stdin: one JSON document (a record, pretty-printed or not, or a list of them) is
    ``json``; other text starting with ``{`` is JSONL; the rest is guessed as for a file (text or HTML)."""
    body = data.removeprefix(codecs.BOM_UTF8).lstrip()
    if body[:1] == b"[":
        return "json"
    if body[:1] != b"{":
        return None
    try:
        json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return "jsonl"  # several lines of records (or a broken one: an error per line names it)
    return "json" if len(body.strip().splitlines()) > 1 else "jsonl"


def with_defaults(article: Article, defaults: dict[str, Any]) -> Article:
    missing = {k: v for k, v in defaults.items() if v is not None and not getattr(article, k)}
    return dataclasses.replace(article, **missing) if missing else article
