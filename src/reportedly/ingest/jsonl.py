"""JSONL corpora: one article per line (``text`` or ``html`` plus metadata), read as a stream."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import InputError
from ..model import Article
from ..settings import Settings
from .checks import check_text
from .kinds import GZIP_SUFFIX
from .text import clean_meta, text_id


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
            **clean_meta(meta),
        )
    if isinstance(rec.get("html"), str) and rec["html"].strip():
        from .html import article_from_html

        where = f"{origin}:{line}" if line is not None else origin
        art = article_from_html(rec["html"], origin=where, settings=settings, url=meta.get("url"))
        extra = clean_meta({k: v for k, v in meta.items() if v is not None and k != "id"})
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
