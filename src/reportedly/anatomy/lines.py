"""The text cut into paragraphs and lines: exact, trimmed spans of ``article.text``.

A ``Line`` is one non-blank line (the hard-wrapped lines of a paragraph joined);
it carries the kind anatomy gives it and, when it is split, its pieces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .patterns import TERMINAL, WORD
from .shape import is_boiler

_PARA = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of blank-line separated paragraphs, trimmed of surrounding whitespace."""
    out = []
    for m in _PARA.finditer(text):
        s, e = trim(text, m.start(), m.end())
        if e > s:
            out.append((s, e))
    return out


# Invisible characters pages leave in pasted text (zero-width spaces and joiners, BOM).
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in _INVISIBLE):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in _INVISIBLE):
        e -= 1
    return s, e


@dataclass
class Line:
    start: int
    end: int
    text: str
    para: int
    """Index of the blank-line separated paragraph the line is in."""
    kind: str | None = None
    fixed: bool = False
    """Kind given by HTML ingest (only refined, never retyped)."""
    pieces: tuple[tuple[str, int, int], ...] = ()
    """Sub-blocks when the line is split (caption + credit, dateline + body)."""

    @property
    def words(self) -> int:
        return len(WORD.findall(self.text))


def split_lines(text: str) -> list[Line]:
    out: list[Line] = []
    para = 0
    pos = 0
    blank = False
    last_len = 0
    for raw in text.splitlines(keepends=True):
        s, e = trim(text, pos, pos + len(raw))
        pos += len(raw)
        if e <= s:
            blank = True
            continue
        if blank and out:
            para += 1
        prev = out[-1] if out else None
        if (
            prev is not None
            and not blank
            and prev.para == para
            and last_len >= 40
            and text[s].islower()
            and not TERMINAL.search(prev.text)
            and not prev.text.endswith((":", ";"))
            and not is_boiler(text[s:e])
        ):
            # A hard-wrapped paragraph ("...talks with the union had\nfailed after ..."): one line.
            prev.end = e
            prev.text = text[prev.start : e]
        else:
            out.append(Line(s, e, text[s:e], para))
        last_len = e - s
        blank = False
    return out
