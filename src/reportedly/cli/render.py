"""The readable terminal report (rich): one section per family of findings.

An empty section says so, so a reader can tell "nothing found" from "not shown".
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..model import Report, span_text

MAX_CELL = 160


def _clip(s: str, n: int = MAX_CELL) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _empty(what: str) -> Text:
    return Text(f"No {what} found.", style="dim italic")


def _table(*cols: str) -> Table:
    t = Table(show_header=True, header_style="bold", expand=True, show_lines=False, pad_edge=False)
    for c in cols:
        t.add_column(c, overflow="fold")
    return t


def section_anatomy(r: Report) -> RenderableType:
    a = r.article
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    head.add_row("id", a.id)
    if a.origin:
        head.add_row("from", a.origin)
    head.add_row("outlet", a.outlet or "—")
    head.add_row("authors", ", ".join(a.authors) or "—")
    head.add_row("published", a.published or "—")
    if a.url:
        head.add_row("url", a.url)
    if not a.blocks:
        return Group(head, _empty("blocks"))
    t = _table("block", "span", "text")
    for b in a.blocks:
        t.add_row(b.kind, f"{b.start}–{b.end}", _clip(a.text[b.start : b.end], 100))
    return Group(head, t)


def section_people(r: Report) -> RenderableType:
    if not r.entities:
        return _empty("people or organisations")
    t = _table("name", "kind", "roles", "mentions")
    for e in r.entities:
        t.add_row(e.name, e.kind, "; ".join(e.roles) or "—", str(len(e.mentions)))
    return t


def section_attributions(r: Report) -> RenderableType:
    if not r.attributions:
        return _empty("attributions")
    text = r.article.text
    t = _table("id", "source", "cue", "content", "kind", "conf")
    for at in r.attributions:
        src = span_text(text, at.source) or "(no source named)"
        if at.source_name and at.source_name != src:
            src += f" → {at.source_name}"
        if at.source_type:
            src += f" [{at.source_type}]"
        cue = span_text(text, at.cue)
        if at.addressee:
            cue += f" (to {span_text(text, at.addressee)})"
        t.add_row(at.id, src, cue, _clip(span_text(text, at.content)), at.kind, f"{at.confidence:.2f}")
    return t


def section_chains(r: Report) -> RenderableType:
    if not r.chains:
        return _empty("relay chains")
    t = _table("attribution", "chain (origin → publisher)", "conf")
    for c in r.chains:
        hops = " → ".join(f"{h.name} [{h.type}]" for h in c.hops)
        t.add_row(c.attribution or "article", hops, f"{c.confidence:.2f}")
    return t


def section_credits(r: Report) -> RenderableType:
    if not r.credits:
        return _empty("credits")
    t = _table("name", "kind", "text")
    for c in r.credits:
        t.add_row(c.name, c.kind, r.article.text[c.span[0] : c.span[1]] if c.span else "—")
    return t


def section_hedges(r: Report) -> RenderableType:
    if not r.hedges:
        return _empty("hedges")
    t = _table("cue", "kind", "attribution", "scope")
    for h in r.hedges:
        t.add_row(h.text, h.kind, h.attribution or "—", _clip(span_text(r.article.text, h.scope)) if h.scope else "—")
    return t


def section_claims(r: Report) -> RenderableType:
    if not r.claims:
        return _empty("claims")
    t = _table("level", "attribution", "claim")
    for c in r.claims:
        t.add_row(c.level, c.attribution or "—", _clip(span_text(r.article.text, c.span)))
    return t


def section_voice(r: Report) -> RenderableType:
    if not r.voice:
        return _empty("loaded words in the outlet's own voice")
    t = _table("word", "category", "context")
    text = r.article.text
    for v in r.voice:
        s, e = v.span
        t.add_row(v.text, v.category, _clip(text[max(0, s - 40) : e + 40]))
    return t


def section_times(r: Report) -> RenderableType:
    if not r.times:
        return _empty("dates or times")
    t = _table("text", "value", "kind", "conf")
    for x in r.times:
        t.add_row(x.text, x.value or "?", x.kind, f"{x.confidence:.2f}")
    return t


def section_summary(r: Report) -> RenderableType:
    if not r.summary:
        return _empty("summary figures")
    t = Table.grid(padding=(0, 2))
    t.add_column(style="bold")
    t.add_column()
    for k, v in r.summary.items():
        if isinstance(v, dict):
            v = ", ".join(f"{a}: {b}" for a, b in v.items()) or "—"
        elif isinstance(v, float):
            v = f"{v:.0%}" if 0 <= v <= 1 else f"{v:.2f}"
        t.add_row(k.replace("_", " "), str(v))
    return t


SECTIONS: list[tuple[str, Callable[[Report], RenderableType]]] = [
    ("Summary", section_summary),
    ("Anatomy", section_anatomy),
    ("People and organisations", section_people),
    ("Attributions", section_attributions),
    ("Relay chains", section_chains),
    ("Credits", section_credits),
    ("Hedges", section_hedges),
    ("Certainty", section_claims),
    ("Voice", section_voice),
    ("Times", section_times),
]


def render_report(r: Report, console: Console) -> None:
    """Print the readable report of one article."""
    title = r.article.title or r.article.origin or r.article.id
    console.rule(Text(_clip(title, 100), style="bold"))
    for name, fn in SECTIONS:
        console.print(Panel(fn(r), title=name, title_align="left", border_style="blue"))
