"""Articles from text and metadata: the id of a text, and metadata cleaned into ``Article`` fields."""

from __future__ import annotations

import hashlib
from typing import Any

from ..model import Article
from ..settings import Settings
from .checks import check_text


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
        **clean_meta(meta),
    )


def clean_meta(meta: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k in ("url", "outlet", "title", "published"):
        v = meta.get(k)
        if v is not None and str(v).strip():
            out[k] = str(v).strip()
    if "published" in out:
        out["published"] = iso_date(out["published"])
    authors = meta.get("authors")
    if isinstance(authors, str):
        authors = [a.strip() for a in authors.replace(" and ", ",").split(",")]
    if authors:
        out["authors"] = tuple(str(a).strip() for a in authors if str(a).strip())
    if "blocks" in meta:
        out["blocks"] = tuple(meta["blocks"])
    return out


def iso_date(value: str) -> str | None:
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
