"""The article page's model: the text cut into marked pieces, the attribution cards, the summary line.

``pieces(report)`` cuts ``article.text`` at every boundary of an attribution's source, cue or
content, a hedge and a loaded word, into a flat sequence of pieces (no nesting, so overlapping
findings need no special case).  Joined, the pieces' texts are exactly the article text: the page
renders each piece as one ``<span>`` (or bare text), so the text container's ``textContent``
equals the stored text.  Each attribution also gets a marker (an empty link whose number CSS
shows) right after its last span; markers carry no text of their own.

Nothing here writes HTML: the templates do (with autoescape).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

from ..model import Attribution, Report, Span

PALETTE = 8
"""Attributions cycle through this many colours (``.c0`` ... ``.c7`` in style.css)."""

PART_LABELS = {"src": "source", "cue": "cue", "ct": "content"}


@dataclass
class Piece:
    """A run of text with the same marks; ``markers`` are attribution numbers placed after it."""

    text: str
    start: int
    end: int
    parts: list[tuple[int, str]] = field(default_factory=list)  # (attribution number, src|cue|ct)
    hedge: bool = False
    voice: str | None = None
    markers: list[int] = field(default_factory=list)

    @property
    def marked(self) -> bool:
        return bool(self.parts) or self.hedge or self.voice is not None

    @property
    def classes(self) -> str:
        out = sorted({p for _, p in self.parts})
        if self.parts:
            out.append(f"c{(self.parts[0][0] - 1) % PALETTE}")
        if self.hedge:
            out.append("hedge")
        if self.voice is not None:
            out.append("voice")
        return " ".join(out)

    @property
    def atts(self) -> str:
        return " ".join(f"a{n}" for n in sorted({n for n, _ in self.parts}))

    @property
    def title(self) -> str:
        bits = [f"{PART_LABELS[p]} of attribution {n}" for n, p in self.parts]
        if self.hedge:
            bits.append("hedge")
        if self.voice is not None:
            bits.append(f"outlet's own voice: {self.voice}")
        return "; ".join(bits)


def pieces(report: Report) -> list[Piece]:
    """The article text cut into pieces at every boundary of a marked span (see the module docstring)."""
    text = report.article.text
    n = len(text)
    marks: list[tuple[int, int, str, Any]] = []
    last_end: dict[int, int] = {}
    for i, a in enumerate(report.attributions, start=1):
        for key, spans in (("src", a.source), ("cue", a.cue), ("ct", a.content)):
            for s, e in spans:
                s, e = max(0, s), min(n, e)
                if s < e:
                    marks.append((s, e, key, i))
                    last_end[i] = max(last_end.get(i, 0), e)
    for h in report.hedges:
        s, e = max(0, h.cue[0]), min(n, h.cue[1])
        if s < e:
            marks.append((s, e, "hedge", None))
    for v in report.voice:
        s, e = max(0, v.span[0]), min(n, v.span[1])
        if s < e:
            marks.append((s, e, "voice", v.category))
    cuts = sorted({0, n, *(m[0] for m in marks), *(m[1] for m in marks)})
    starts: dict[int, list[tuple[int, int, str, Any]]] = {}
    for m in marks:
        starts.setdefault(m[0], []).append(m)
    markers_at: dict[int, list[int]] = {}
    for num, e in last_end.items():
        markers_at.setdefault(e, []).append(num)
    out: list[Piece] = []
    active: list[tuple[int, int, str, Any]] = []
    for s, e in itertools.pairwise(cuts):
        active = [m for m in active if m[1] > s] + starts.get(s, [])
        p = Piece(text[s:e], s, e)
        for _, _, key, val in sorted(active, key=lambda m: (m[1] - m[0], str(m[3]))):
            if key == "hedge":
                p.hedge = True
            elif key == "voice":
                p.voice = p.voice or str(val)
            else:
                p.parts.append((int(val), key))
        p.markers = sorted(markers_at.get(e, []))
        out.append(p)
    if not out:
        out.append(Piece("", 0, 0))
    return out


def span_text(text: str, spans: tuple[Span, ...], limit: int = 0) -> str:
    """The text of (possibly discontinuous) spans, joined with " … "; cut to ``limit`` characters if set."""
    s = " … ".join(text[a:b] for a, b in spans)
    return s if not limit or len(s) <= limit else s[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Card:
    number: int
    id: str
    kind: str
    source: str
    source_type: str
    roles: tuple[str, ...]
    cue: str
    content: str
    confidence: float
    certainty: str
    hedges: tuple[str, ...]
    chains: tuple[tuple[tuple[str, str, str], ...], ...]  # per chain: (name, type, role) hops
    colour: int


def cards(report: Report) -> list[Card]:
    """One card per attribution, in report order (the numbers of the markers)."""
    text = report.article.text
    entities = {e.id: e for e in report.entities}
    levels: dict[str, list[str]] = {}
    for c in report.claims:
        if c.attribution is not None:
            levels.setdefault(c.attribution, []).append(c.level)
    hedges: dict[str, list[str]] = {}
    for h in report.hedges:
        if h.attribution is not None:
            hedges.setdefault(h.attribution, []).append(h.text if h.kind == "hedge" else f"{h.text} ({h.kind})")
    chains: dict[str, list[tuple[tuple[str, str, str], ...]]] = {}
    for ch in report.chains:
        if ch.attribution is not None:
            chains.setdefault(ch.attribution, []).append(tuple((h.name, h.type, h.role) for h in ch.hops))
    out = []
    for i, a in enumerate(report.attributions, start=1):
        ent = entities.get(a.source_entity or "")
        out.append(Card(
            number=i, id=a.id, kind=a.kind.replace("_", " "), source=_source_label(a, text),
            source_type=(a.source_type or "unknown").replace("_", " "),
            roles=ent.roles if ent is not None else (),
            cue=span_text(text, a.cue, 120), content=span_text(text, a.content, 280),
            confidence=a.confidence, certainty=", ".join(dict.fromkeys(levels.get(a.id, []))) or "not rated",
            hedges=tuple(dict.fromkeys(hedges.get(a.id, []))), chains=tuple(chains.get(a.id, [])),
            colour=(i - 1) % PALETTE,
        ))
    return out


def _source_label(a: Attribution, text: str) -> str:
    if a.source_name:
        return a.source_name
    if a.source:
        return span_text(text, a.source, 80)
    return "no source named"


def summary_line(report: Report) -> list[tuple[str, str]]:
    """(label, value) pairs of the report's summary a reader takes in first."""
    s = report.summary
    n = int(s.get("attributions", len(report.attributions)))
    anon = int(s.get("anonymous_sources", 0))
    share = float(s.get("state_media_share", 0.0) or 0.0)
    return [
        ("attributions", str(n)),
        ("named sources", str(max(0, n - anon))),
        ("anonymous", str(anon)),
        ("relayed through state media", f"{int(s.get('state_media_attributions', 0))} "
                                        f"({share:.0%} of the body text)"),
        ("unsourced claims", str(s.get("unsourced_claims", 0))),
        ("hedges", str(s.get("hedges", len(report.hedges)))),
        ("loaded words", str(s.get("voice", len(report.voice)))),
    ]


def is_web_url(url: str | None) -> bool:
    """Whether a URL may become a link: http(s) with a host, nothing else (no javascript:, data: ...)."""
    if not url:
        return False
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not any(ch in url for ch in "\r\n\t")


def article_href(article_id: str, suffix: str = "") -> str:
    """The address of an article's page (ids may hold slashes, '#', '?': all escaped)."""
    return "/articles/" + quote(article_id, safe="") + suffix


def claim_href(group_id: str, suffix: str = "") -> str:
    """The address of a claim group's page (``/claims/{group id}``, escaped like an article's)."""
    return "/claims/" + quote(group_id, safe="") + suffix


def headline(report: Report) -> str:
    a = report.article
    if a.title and a.title.strip():
        return a.title.strip()
    for b in a.blocks:
        if b.kind == "headline":
            return a.text[b.start:b.end].strip()
    first = next((line.strip() for line in a.text.splitlines() if line.strip()), "")
    return first[:160] or a.id


def chain_rows(report: Report) -> list[tuple[int | None, tuple[tuple[str, str, str], ...]]]:
    """The article's chains as (attribution number or None, hops), for the text table."""
    numbers = {a.id: i for i, a in enumerate(report.attributions, start=1)}
    return [(numbers.get(c.attribution or ""), tuple((h.name, h.type, h.role) for h in c.hops))
            for c in report.chains if c.hops]
