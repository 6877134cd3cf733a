"""WARC (web archive) -> ``Article``: the HTML responses of a crawl, extracted like HTML files.

Reads WARC 1.0/1.1 files, plain or gzip-compressed record by record, with
``warcio``.  Only ``response`` records with HTTP status 200 and an HTML
content type become articles; requests, metadata, redirects, images and other
media are skipped silently (a crawl is mostly those).  An HTML page with no
article text, or one that cannot be decoded, becomes an ``InputError`` naming
the file and the record number (``path:N``, N counting every record from 1).
The article's ``url`` is the record's ``WARC-Target-URI``.

Limits: the charset comes from a byte-order mark, then the HTTP
``Content-Type`` header, then a ``<meta charset>`` in the first 4 kB, then
UTF-8; bytes that are not valid in it make an error rather than a guessed
text.  A broken record ends the file with one error; the articles before it
are kept.

A truncated archive (a download or copy cut short) is one error naming the
file and the number of complete records before the cut, whether the cut falls
in a record's content (it ends before its ``Content-Length``: its page is not
extracted, so no half article is kept), in a record's headers, or in a gzip
member (the stream ends before its end marker, even when only the last
record's trailer is missing).
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import InputError
from ..model import Article
from ..settings import Settings
from .checks import bom
from .html import article_from_html

HTML_TYPES = ("text/html", "application/xhtml+xml")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _charset(content_type: str | None, head: bytes) -> str:
    if content_type:
        for part in content_type.split(";")[1:]:
            k, _, v = part.partition("=")
            if k.strip().lower() == "charset" and v.strip():
                return v.strip().strip("\"'")
    m = _META_CHARSET.search(head[:4096])
    if m:
        return m.group(1).decode("ascii", "replace")
    return "utf-8"


def decode_html(body: bytes, content_type: str | None) -> str:
    """HTML bytes -> str in the declared charset (UTF-8 when none), or in the encoding of the byte-order
    mark the page starts with (the mark overrides the declaration, as in browsers, and is not part of
    the text). Raises ValueError/LookupError."""
    marked = bom(body)
    return body.decode(marked[0] if marked else _charset(content_type, body))


def read_warc(data: bytes | BinaryIO, origin: str, settings: Settings) -> Iterator[Article | InputError]:
    """The articles of a WARC file's HTML responses, in file order, and an error per bad page.

    ``data`` is the file's bytes or an open binary file (read record by record, never whole)."""
    records = _Records(io.BytesIO(data) if isinstance(data, bytes) else data)
    it = iter(records)
    n = 0
    while True:
        n += 1  # the record being read, counting from 1
        said = io.StringIO()
        try:
            with contextlib.redirect_stderr(said):
                record = next(it, None)
        except Exception as e:  # warcio raises many kinds on broken records (ArchiveLoadFailed, EOFError ...)
            yield _broken(origin, n, e)
            return
        if record is None:
            n -= 1
            break
        if record.format == "warc" and not _valid_length(record.rec_headers.get_header("Content-Length")):
            yield _truncated(origin, n, f"record {n} has no valid Content-Length")
            return
        try:
            with contextlib.redirect_stderr(said):
                out = _article(record, origin, n, settings)
                short = _drain(record)
        except Exception as e:
            yield _broken(origin, n, e)
            return
        if said.getvalue().strip():
            yield _warned(origin, n, said.getvalue())
        if short:
            yield _truncated(origin, n, f"record {n} ends {short:,} byte{'' if short == 1 else 's'} early")
            return
        if out is not None:
            yield out
    if records.cut:
        yield _truncated(origin, None, records.cut, n)
    elif records.tail > 0 and n:
        yield _truncated(origin, n + 1, f"the file ends inside record {n + 1}")
    elif not n:
        yield InputError(origin, "no whole WARC record in the file (it ends inside the first)" if records.tail > 0 else "no WARC records in the file")


def _article(record: Any, origin: str, n: int, settings: Settings) -> Article | InputError | None:
    """The article of one record (None for a record that holds no HTML page), or an error for a bad page."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode()
    ctype = record.http_headers.get_header("Content-Type")
    if status != "200" or not ctype or ctype.split(";")[0].strip().lower() not in HTML_TYPES:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        body = record.content_stream().read()
    except Exception as e:  # broken chunked/gzip transfer encodings
        return InputError(origin, f"cannot read the HTTP body ({type(e).__name__}: {e})", n)
    if _drain(record):
        return None  # cut short: the caller reports the truncated archive, not a half page
    if len(body) > settings.max_bytes:
        return InputError(
            origin, f"page too large ({len(body) / 1e6:.1f} MB; the limit is {settings.max_bytes / 1e6:.1f} MB)", n
        )
    try:
        html = decode_html(body, ctype)
    except (UnicodeDecodeError, LookupError) as e:
        return InputError(origin, f"cannot decode the page ({type(e).__name__}: {e})", n)
    try:
        art = article_from_html(html, origin=f"{origin}:{n}", settings=settings, url=url)
    except InputError as e:
        return InputError(origin, e.problem, n)
    return dataclasses.replace(art, format="warc", url=url or art.url)


def _warned(origin: str, n: int, text: str) -> InputError:
    """warcio writes its own warnings to stderr (the bytes after a record whose Content-Length is wrong,
    a broken gzip member); they are caught and given as one error line naming the record."""
    return InputError(origin, f"record {n} or the one before it is damaged (warcio: {_one_line(Exception(text))})", n)


def _valid_length(value: str | None) -> bool:
    return value is not None and value.strip().isdigit()


def _drain(record: Any) -> int:
    """Read the rest of a record; the number of bytes its ``Content-Length`` promised that the file lacks."""
    stream = record.raw_stream
    while stream.read(1 << 16):
        pass
    return max(0, int(getattr(stream, "limit", 0) or 0))


def _truncated(origin: str, line: int | None, why: str, complete: int | None = None) -> InputError:
    """The error of an archive cut short: how many complete records came before the cut, and why."""
    k = (line - 1 if line is not None else 0) if complete is None else complete
    return InputError(
        origin, f"the archive is truncated or broken after {k:,} complete record{'' if k == 1 else 's'}: {why}", line
    )


def _broken(origin: str, n: int, e: Exception) -> InputError:
    """The error of record ``n`` that warcio cannot read."""
    what = _one_line(e) if isinstance(e, ArchiveLoadFailed) else f"{type(e).__name__}: {_one_line(e)}"
    if n <= 1:
        return InputError(origin, f"not a WARC file or a broken record ({what})", 1)
    return _truncated(origin, n, f"record {n} is not a valid WARC record ({what})")


def _one_line(e: BaseException) -> str:
    text = " ".join(str(e).split()) or type(e).__name__
    return text if len(text) <= 160 else text[:160] + " …"


class _Records(ArchiveIterator):  # type: ignore[misc]
    """warcio's record iterator, noting at the end of the file whether it was cut short: ``cut`` says how
    (warcio itself ends quietly at a gzip member or a record header that the file ends inside)."""

    cut: str | None = None
    tail = 0

    def close(self) -> None:
        decompressor = getattr(self.reader, "decompressor", None)
        try:
            read = int(self.fh.tell())
            # bytes read past the end of the last whole record (and the blank lines after it)
            self.tail = read - int(self.offset)
        except (AttributeError, OSError, TypeError, ValueError):
            read = self.tail = 0
        if decompressor is not None and read and not getattr(decompressor, "eof", True):
            self.cut = "the gzip stream ends before its end marker"
        elif decompressor is not None:
            self.tail = 0  # offsets count compressed bytes
        super().close()
