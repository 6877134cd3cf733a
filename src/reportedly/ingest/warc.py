"""WARC (web archive) -> ``Article``: the HTML responses of a crawl, extracted like HTML files.

Reads WARC 1.0/1.1 files, plain or gzip-compressed record by record, with
``warcio``.  Only ``response`` records with HTTP status 200 and an HTML
content type become articles; requests, metadata, redirects, images and other
media are skipped silently (a crawl is mostly those).  An HTML page with no
article text, or one that cannot be decoded, becomes an ``InputError`` naming
the file and the record number (``path:N``, N counting every record from 1).
The article's ``url`` is the record's ``WARC-Target-URI``.

Limits: the charset comes from the HTTP ``Content-Type`` header, then a
``<meta charset>`` in the first 4 kB, then UTF-8; bytes that are not valid in
it make an error rather than a guessed text.  A broken record ends the file
with one error; the articles before it are kept.
"""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import InputError
from ..model import Article
from ..settings import Settings

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
    """HTML bytes -> str in the declared charset (UTF-8 when none). Raises ValueError/LookupError."""
    return body.decode(_charset(content_type, body))


def read_warc(data: bytes | BinaryIO, origin: str, settings: Settings) -> Iterator[Article | InputError]:
    """The articles of a WARC file's HTML responses, in file order, and an error per bad page.

    ``data`` is the file's bytes or an open binary file (read record by record, never whole)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from .html import article_from_html

    n = 0
    found_any = False
    try:
        for record in ArchiveIterator(io.BytesIO(data) if isinstance(data, bytes) else data):
            n += 1
            found_any = True
            if record.rec_type != "response" or record.http_headers is None:
                continue
            status = record.http_headers.get_statuscode()
            ctype = record.http_headers.get_header("Content-Type")
            if status != "200" or not ctype or ctype.split(";")[0].strip().lower() not in HTML_TYPES:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{origin}:{n}"
            try:
                body = record.content_stream().read()
            except Exception as e:  # broken chunked/gzip transfer encodings
                yield InputError(origin, f"cannot read the HTTP body ({type(e).__name__}: {e})", n)
                continue
            if len(body) > settings.max_bytes:
                yield InputError(
                    origin, f"page too large ({len(body) / 1e6:.1f} MB; the limit is {settings.max_bytes / 1e6:.1f} MB)", n
                )
                continue
            try:
                html = decode_html(body, ctype)
            except (UnicodeDecodeError, LookupError) as e:
                yield InputError(origin, f"cannot decode the page ({type(e).__name__}: {e})", n)
                continue
            try:
                art = article_from_html(html, origin=where, settings=settings, url=url)
            except InputError as e:
                yield InputError(origin, e.problem, n)
                continue
            yield dataclasses.replace(art, format="warc", url=url or art.url)
    except (ArchiveLoadFailed, OSError, EOFError) as e:
        yield InputError(origin, f"not a WARC file or a broken record ({e})", n + 1)
        return
    if not found_any:
        yield InputError(origin, "no WARC records in the file")
