"""Sentences of a parsed article, and span arithmetic: where an attribution starts, which spans hold or overlap others."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import Attribution, Span
from ...nlp import Parsed


def first_offset(at: Attribution) -> int:
    spans = at.cue or at.source or at.content
    return min((s for s, _ in spans), default=0)


def search_in(rx: re.Pattern[str], text: str, start: int, end: int, match: bool = False) -> Span | None:
    """The span of group "np" of ``rx`` searched in text[start:end] (so that ^ and $ mean its ends)."""
    piece = text[start:end]
    m = rx.match(piece) if match else rx.search(piece)
    return None if m is None else (start + m.start("np"), start + m.end("np"))


def overlaps(a: Span | None, spans: Sequence[Span]) -> bool:
    return a is not None and any(a[0] < e and s < a[1] for s, e in spans)


def holds(spans: Sequence[Span], offset: int) -> bool:
    """Whether one of ``spans`` holds character ``offset``."""
    for s, e in spans:  # noqa: SIM110 (a loop: any() over a generator is slower here)
        if s <= offset < e:
            return True
    return False


def overlap_share(a: Sequence[Span], b: Sequence[Span]) -> float:
    if not a or not b:
        return 0.0
    inter = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)
    return inter / max(1, min(sum(e - s for s, e in a), sum(e - s for s, e in b)))


_SENT_SPLIT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])|\n\s*\n")


def sentence_spans(parsed: Parsed) -> list[Span]:
    """Sentences of every parsed segment (spaCy's when the doc has them, else punctuation)."""
    out: list[Span] = []
    for seg in parsed.segments:
        doc = seg.doc
        if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
            out.extend((seg.start + s.start_char, seg.start + s.end_char) for s in doc.sents)
            continue
        t = doc.text
        pos = 0
        for m in _SENT_SPLIT.finditer(t):
            out.append((seg.start + pos, seg.start + m.start()))
            pos = m.end()
        out.append((seg.start + pos, seg.start + len(t)))
    return out
