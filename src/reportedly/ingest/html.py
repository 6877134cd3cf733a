"""HTML -> Article with trafilatura: title, authors, date, site name, body, captions."""

from __future__ import annotations

from ..errors import InputError
from ..model import Article, Block
from ..settings import Settings
from .checks import check_text


def article_from_html(html: str, *, origin: str, settings: Settings | None = None, url: str | None = None) -> Article:
    """Extract the article of an HTML page. Raises InputError when no article text is found."""
    import trafilatura

    settings = settings or Settings()
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, favor_precision=False)
    except Exception as e:  # trafilatura raises many kinds on broken pages
        raise InputError(origin, f"cannot parse HTML ({type(e).__name__}: {e})") from None
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not body:
        raise InputError(origin, "no article text found in the HTML")
    title = (getattr(doc, "title", None) or "").strip() or None
    parts: list[tuple[str, str]] = []
    if title:
        parts.append(("headline", title))
    for para in body.split("\n"):
        if para.strip():
            parts.append(("body", para.strip()))
    text_parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for kind, t in parts:
        if text_parts:
            text_parts.append("\n\n")
            pos += 2
        blocks.append(Block(kind, pos, pos + len(t), "ingest.html/1"))
        text_parts.append(t)
        pos += len(t)
    text = "".join(text_parts)
    check_text(text, origin, settings)
    from . import _clean_meta, text_id

    authors = getattr(doc, "author", None)
    meta = _clean_meta(
        {
            "url": url or getattr(doc, "url", None),
            "outlet": getattr(doc, "sitename", None),
            "title": title,
            "published": getattr(doc, "date", None),
            "authors": [a.strip() for a in authors.split(";")] if authors else None,
        }
    )
    return Article(text=text, id=text_id(text), origin=origin, format="html", blocks=tuple(blocks), **meta)
