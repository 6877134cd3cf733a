"""The analyse form: what was given (pasted text or HTML, a file, a URL) -> an article -> a stored report.

``read_body`` reads the request body with a size limit (a ``Content-Length`` over the limit is
refused before reading; a body without one is counted as it arrives).  ``article_of_form`` reads
the form the way the command line reads files (``ingest.read_bytes``, ``ingest.fetch.read_url``), so
the one-line errors are the same ``InputError`` messages.  ``analyse_and_store`` runs the pipeline
(one analysis at a time: spaCy is not shared between threads) and stores the report with
``Store.write`` on a cursor of its own, under the site's write lock.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import AsyncIterator
from typing import Any

from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request

from ..errors import InputError, ReportedlyError
from ..ingest import read_bytes
from ..ingest.fetch import read_url
from ..ingest.text import clean_meta
from ..model import Article, Report
from ..pipeline import analyze_articles
from ..store import Store, text_hash
from .queries import id_of_text_hash
from .site import Site

FORM_OVERHEAD = 64_000
"""Bytes of form fields and multipart framing allowed on top of ``max_bytes``."""


class TooLarge(Exception):
    """The request body is larger than the limit."""


async def read_body(request: Request, limit: int) -> bytes:
    """The whole request body, or ``TooLarge`` as soon as it passes ``limit`` bytes."""
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > limit:
        raise TooLarge(int(length))
    chunks: list[bytes] = []
    total = 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > limit:
            raise TooLarge(total)
        chunks.append(chunk)
    return b"".join(chunks)


def replay(request: Request, body: bytes) -> Request:
    """A request over the same scope whose body is ``body`` (already read)."""
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return Request(request.scope, receive)


async def _chunks(upload: UploadFile, limit: int) -> AsyncIterator[bytes]:
    total = 0
    while chunk := await upload.read(65536):
        total += len(chunk)
        if total > limit:
            raise TooLarge(total)
        yield chunk


_SAFE_NAME = re.compile(r"[^A-Za-z0-9._ -]")


def _field(form: FormData, name: str) -> str:
    v = form.get(name)
    return v.strip() if isinstance(v, str) else ""


async def article_of_form(form: FormData, site: Site) -> Article | InputError:
    """The one article the form gives, with its metadata, or the ``InputError`` to show."""
    settings = site.config.settings
    text = form.get("text")
    text = text if isinstance(text, str) else ""
    upload = form.get("file")
    has_file = isinstance(upload, UploadFile) and bool(upload.filename)
    fetch_url = _field(form, "fetch")
    given = [k for k, v in (("text", text.strip()), ("file", has_file), ("URL", fetch_url)) if v]
    if not given:
        return InputError("<form>", "nothing to analyse: paste text or HTML, choose a file, or give a URL")
    if len(given) > 1:
        return InputError("<form>", f"give one input, not {' and '.join(given)}")
    fmt = _field(form, "format") or "auto"
    items: list[Article | InputError]
    if has_file:
        assert isinstance(upload, UploadFile)
        name = _SAFE_NAME.sub("_", upload.filename or "upload")[:120] or "upload"
        data = b"".join([c async for c in _chunks(upload, settings.max_bytes)])
        kind = {"text": "text", "html": "html"}.get(fmt)
        items = list(read_bytes(data, name, settings, kind=kind))
    elif fetch_url:
        items = list(read_url(fetch_url, settings, allow_private=site.config.allow_private_urls,
                              timeout=site.config.fetch_timeout))
    else:
        data = text.encode("utf-8", "surrogatepass")
        if len(data) > settings.max_bytes:
            raise TooLarge(len(data))
        kind = {"text": "text", "html": "html"}.get(fmt, "text")
        origin = "<pasted HTML>" if kind == "html" else "<pasted text>"
        items = list(read_bytes(data, origin, settings, kind=kind))
    if len(items) != 1:
        return InputError("<form>", f"the input holds {len(items)} articles; give one at a time")
    item = items[0]
    if isinstance(item, InputError):
        return item
    return _with_meta(item, form)


def _with_meta(article: Article, form: FormData) -> Article | InputError:
    meta: dict[str, Any] = {k: _field(form, k) for k in ("outlet", "title", "published", "url", "authors")}
    clean = clean_meta({k: v for k, v in meta.items() if v})
    if meta["published"] and clean.get("published") is None:
        return InputError("<form>", f"published: {meta['published']!r} is not a date (YYYY-MM-DD)")
    missing = {k: v for k, v in clean.items() if v is not None and not getattr(article, k)}
    return dataclasses.replace(article, **missing) if missing else article


def analyse_and_store(site: Site, article: Article) -> str | InputError:
    """Analyse and store one article; the id it is stored under, or the error to show."""
    with site.analyse_lock:
        try:
            (item,) = list(analyze_articles([article], site.config.settings, nlp=site.nlp()))
        except ReportedlyError as e:
            return InputError(article.origin or "<form>", str(e))
    if isinstance(item, InputError):
        return item
    return store_report(site, item)


def store_report(site: Site, report: Report) -> str | InputError:
    with site.write_lock, site.cursor() as cur:
        stats = Store(cur, site.store.path, read_only=False, external_access=False).write([report])
        if stats.changed:
            return InputError(report.article.origin or "<form>",
                              f"id {report.article.id!r} is already stored with a different text")
        stored_id = report.article.id if stats.articles else id_of_text_hash(cur, text_hash(report.article.text))
    if stats.articles:
        site.written(stats.ids)
    return stored_id or report.article.id
