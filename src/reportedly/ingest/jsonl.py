"""JSONL corpora: one article per line (``text`` or ``html`` plus metadata), read as a stream; and
``.json`` files holding one such record or a list of them (``read_json``).

Lines are UTF-8; a UTF-8 byte-order mark at the start of a line (the first line of a file saved by
some editors) is not part of the record, and one at the start of a ``text`` or ``html`` value is not
part of the article: the article's offsets count from the character after it.  A file that starts
with a UTF-16 or UTF-32 byte-order mark is one error, not an error per line.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import InputError
from ..model import Article
from ..settings import Settings
from .checks import bom, check_text, utf16_without_bom
from .kinds import GZIP_SUFFIX
from .text import clean_meta, text_id

_BOM = "\ufeff"


def article_from_record(
    rec: dict[str, Any], origin: str, settings: Settings, line: int | None = None, fmt: str = "jsonl"
) -> Article:
    """An Article from one record (``text`` or ``html`` plus metadata) of a JSONL line or, ``fmt="json"``,
    of a ``.json`` file."""
    meta = {k: rec.get(k) for k in ("id", "url", "outlet", "title", "authors", "published")}
    if isinstance(rec.get("text"), str) and rec["text"].strip():
        text = rec["text"].removeprefix(_BOM)
        try:
            check_text(text, origin, settings, line)
        except InputError:
            raise
        return Article(
            text=text,
            id=str(meta.pop("id", None) or text_id(text)),
            origin=f"{origin}:{line}" if line is not None else origin,
            format=fmt,
            **clean_meta(meta),
        )
    if isinstance(rec.get("html"), str) and rec["html"].strip():
        from .html import article_from_html

        where = f"{origin}:{line}" if line is not None else origin
        art = article_from_html(rec["html"].removeprefix(_BOM), origin=where, settings=settings, url=meta.get("url"))
        extra = clean_meta({k: v for k, v in meta.items() if v is not None and k != "id"})
        import dataclasses

        return dataclasses.replace(art, id=str(meta.get("id") or art.id), format=fmt, **extra)
    for field in ("text", "html"):
        if rec.get(field) is not None and not isinstance(rec[field], str):
            raise InputError(origin, f"{field!r} is {_json_type(rec[field])}, not a string", line)
    raise InputError(origin, "record has no non-empty 'text' or 'html' field", line)


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return "a list" if isinstance(value, list) else "an object" if isinstance(value, dict) else type(value).__name__


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
            if not raw.removeprefix(codecs.BOM_UTF8).strip():
                continue
            if not seen and (wide := _wide(raw)):
                yield InputError(origin, f"{wide}; JSONL must be UTF-8: convert it first")
                return
            seen = True
            yield from _jsonl_line(raw, n, origin, settings)
    except (OSError, EOFError) as e:  # a gzip stream broken half-way: what came before is kept
        broken = "broken gzip file" if origin.lower().endswith(GZIP_SUFFIX) else "cannot read the file"
        yield InputError(origin, f"{broken} ({e})")
        return
    if not seen:
        yield InputError(origin, "empty input")


def _wide(first: bytes) -> str | None:
    """What a file whose first line is ``first`` holds when that is UTF-16 or UTF-32 rather than UTF-8."""
    marked = bom(first)
    if marked and marked[1] != "UTF-8":
        return f"{marked[1]} text (it starts with a {marked[1]} byte-order mark)"
    guess = utf16_without_bom(first[:4096]) if b"\x00" in first else None
    return f"looks like {guess} without a byte-order mark" if guess else None


def _jsonl_line(raw: bytes, n: int, origin: str, settings: Settings) -> Iterator[Article | InputError]:
    raw = raw.removeprefix(codecs.BOM_UTF8)
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        yield InputError(origin, f"not valid UTF-8 (byte 0x{raw[e.start]:02x})", n)
        return
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as e:
        yield InputError(origin, f"not JSON ({e.msg}: column {e.colno})", n)
        return
    if not isinstance(rec, dict):
        yield InputError(origin, f"not a JSON object but {type(rec).__name__}", n)
        return
    try:
        yield article_from_record(rec, origin, settings, n)
    except InputError as e:
        yield e


NOT_AN_ARTICLE = "JSON that holds no article (an object with a 'text' or 'html' field, or a list of them)"


def read_json(text: str, origin: str, settings: Settings) -> Iterator[Article | InputError]:
    """The article of a JSON file holding one record (as a JSONL line holds), or the articles of a list
    of records (an error per bad item, named ``FILE[i]``).  Anything else is one error: a JSON file is
    never analysed as prose."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        yield InputError(origin, f"not JSON ({e.msg}: line {e.lineno} column {e.colno})")
        return
    if isinstance(doc, dict) and isinstance(doc.get("schema"), str) and doc["schema"].startswith("reportedly.report/"):
        yield InputError(origin, "a reportedly report, not an article (its article.text is what was analysed)")
        return
    if isinstance(doc, dict):
        if "text" not in doc and "html" not in doc:
            yield InputError(origin, NOT_AN_ARTICLE)
            return
        try:
            yield article_from_record(doc, origin, settings, fmt="json")
        except InputError as e:
            yield e
        return
    if not isinstance(doc, list) or not doc:
        yield InputError(origin, NOT_AN_ARTICLE if doc != [] else "empty input (a JSON list with no record)")
        return
    for i, rec in enumerate(doc):
        where = f"{origin}[{i}]"
        if not isinstance(rec, dict):
            yield InputError(where, f"not a JSON object but {_json_type(rec)}")
            continue
        try:
            yield article_from_record(rec, where, settings, fmt="json")
        except InputError as e:
            yield e
