"""Exports of what a page shows: CSV of its tables, and an article's findings as W3C Web Annotations.

CSV: UTF-8, a header row; a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return gets a leading apostrophe, so a spreadsheet opening the file never reads
article text (hostile input) as a formula (OWASP's advice for CSV injection).  Numbers stay
numbers.

Web Annotations (https://www.w3.org/TR/annotation-model/): one ``AnnotationCollection`` whose
first (only) ``AnnotationPage`` holds an ``Annotation`` per span of each finding: the source,
cue and content of each attribution, each hedge and each loaded word.  Its target is the article
page, selected by a ``TextQuoteSelector`` (exact text, 32 characters of prefix and suffix) and a
``TextPositionSelector`` (``start``/``end`` in Unicode code points, the report's own offsets);
its body is a ``TextualBody`` describing the finding.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from ..model import Report, Span

CONTEXT = 32


def _cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, list | tuple):
        v = "; ".join(str(x) for x in v)
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + v
    return v


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    for r in rows:
        w.writerow([_cell(v) for v in r])
    return buf.getvalue()


def _annotation(page: str, text: str, n: int, span: Span, purpose: str, value: str, tag: str) -> dict[str, Any]:
    s, e = span
    return {
        "id": f"{page}#annotation-{n}",
        "type": "Annotation",
        "motivation": "describing",
        "body": [
            {"type": "TextualBody", "purpose": "describing", "format": "text/plain", "value": value},
            {"type": "TextualBody", "purpose": "tagging", "value": tag},
        ],
        "target": {
            "source": page,
            "selector": [
                {"type": "TextQuoteSelector", "exact": text[s:e], "prefix": text[max(0, s - CONTEXT):s],
                 "suffix": text[e:e + CONTEXT]},
                {"type": "TextPositionSelector", "start": s, "end": e},
            ],
        },
    }


def web_annotations(report: Report, page: str) -> dict[str, Any]:
    """The article's findings as a Web Annotation collection (JSON-LD) targeting ``page``."""
    text = report.article.text
    items: list[dict[str, Any]] = []

    def add(span: Span, value: str, tag: str) -> None:
        if 0 <= span[0] < span[1] <= len(text):
            items.append(_annotation(page, text, len(items) + 1, span, "describing", value, tag))

    for i, a in enumerate(report.attributions, start=1):
        who = a.source_name or "no source named"
        typ = a.source_type or "unknown"
        about = f"attribution {i} ({a.id}, {a.kind}, confidence {a.confidence:.2f}, by {a.produced_by})"
        for s in a.source:
            add(s, f"Source of {about}: {who} ({typ}).", "source")
        for s in a.cue:
            add(s, f"Cue of {about}; source {who} ({typ}).", "cue")
        for s in a.content:
            add(s, f"Content of {about}, attributed to {who} ({typ}).", "content")
    for h in report.hedges:
        target = f" qualifying attribution {h.attribution}" if h.attribution else ""
        add(h.cue, f"{h.kind.capitalize()} '{h.text}'{target} (by {h.produced_by}).", h.kind)
    for v in report.voice:
        add(v.span, f"Loaded word in the outlet's own voice: {v.category} (by {v.produced_by}).", "voice")
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": page + ".annotations.jsonld",
        "type": "AnnotationCollection",
        "label": f"reportedly findings for article {report.article.id}",
        "total": len(items),
        "first": {
            "id": page + ".annotations.jsonld#page1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }
