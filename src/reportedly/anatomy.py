"""Anatomy of an article: typed blocks (headline, dek, byline, caption, credit, body, bio ...).

(placeholder: paragraphs become body blocks; filled by the anatomy work)
"""

from __future__ import annotations

import dataclasses
import re

from .model import Article, Block
from .settings import Settings

_PARA = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of blank-line separated paragraphs, trimmed of surrounding whitespace."""
    out = []
    for m in _PARA.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def anatomy(article: Article, settings: Settings | None = None) -> Article:
    """The article with its blocks (and authors/outlet from the byline when missing)."""
    if article.blocks:
        return article
    blocks = tuple(Block("body", s, e) for s, e in paragraphs(article.text))
    return dataclasses.replace(article, blocks=blocks)
