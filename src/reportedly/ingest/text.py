"""Articles from text and metadata: the id of a text, and metadata cleaned into ``Article`` fields."""

from __future__ import annotations

import hashlib
import re
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
    names = author_names([str(a) for a in authors]) if authors else ()
    if names:
        out["authors"] = names
    if "blocks" in meta:
        out["blocks"] = tuple(meta["blocks"])
    return out


_LABEL = re.compile(r"^(?:Analysis|Opinion|Commentary|Perspective|Editorial|Column)\s+(?:by\s+)?(?=[A-Z])|^By:?\s+(?=[A-Z])")
"""A section label scraped into a byline: "Analysis Stephen Collinson", "Opinion Rremida Shkoza"."""
_ROLE_WORDS = frozenset(
    "contributor contributors reporter reporters correspondent writer writers staff producer director editor "
    "columnist report special news services".split()
)
"""Words of an entry that is a role, not a name ("Cnn Political Reporter", "Special To Cnn", "Npr Staff"; hyphens
split words, so "Cnn Editor-At-Large" has "editor")."""
_FURNITURE = frozenset({"count", "tags"})
"""Last words of a page's counters scraped as authors ("Story Count", "Popular Tags")."""


def author_names(raw: list[str]) -> tuple[str, ...]:
    """The people of a metadata author list, in order: section labels stripped, roles ("Cnn Contributor"), page
    furniture ("Backgroundurl Avatar_Large", "Story Count") and an entry cut short of another ("Tina Nguye" beside
    "Tina Nguyen") left out, each name once."""
    names: list[str] = []
    for a in raw:
        a = " ".join(a.split()).strip("\"“”'‘’ ")
        unlabelled = _LABEL.sub("", a)
        if len(unlabelled.split()) >= 2:
            a = unlabelled  # not "Editorial Board"
        words = a.replace("-", " ").lower().split()
        if not a or "_" in a or not a[:1].isupper() or _ROLE_WORDS.intersection(words) or words[-1] in _FURNITURE:
            continue
        if a not in names:
            names.append(a)
    return tuple(n for n in names if not any(o != n and o.startswith(n) for o in names))


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
