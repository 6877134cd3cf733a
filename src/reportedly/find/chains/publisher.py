"""The article's publisher (the last hop of every chain), its wire agencies, and credited parties as hops."""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from ...anatomy.names import person_like
from ...model import Credit, Entity, Span
from ...nlp import Parsed
from ...registry import Outlet, Registry
from .. import Found
from .nodes import CONF_WIRE, Ctx, Node, outlet_node
from .vocabulary import ENTITY_TYPE

_PUBLISHER_CONF = {"metadata": 1.0, "byline": 0.9, "bio": 0.7, "wire": 0.6, "url": 0.7, "domain": 0.4}


_BY_LINE = re.compile(r"^[^\n]{0,80}?\bBy\s+[^\n]{2,160}$", re.MULTILINE)
_BIO = re.compile(
    r"\b(?:writer|reporter|correspondent|editor|journalist|contributor|producer|anchor|columnist|intern)\s+"
    r"(?:at|for|with)\s+(?P<o>[^\n.]{2,80})"
)


def publisher_node(parsed: Parsed, found: Found, reg: Registry) -> Node:
    """The article's publisher as a hop: metadata, byline, bio, wire credit, URL, else unknown."""
    art = parsed.article
    text = art.text
    if art.outlet:
        o = reg.match(art.outlet)
        # a label naming no outlet ("Guest Writer - Right", a columnist "Rich Lowry"): the site it ran on
        # (anatomy makes that the outlet, keeping the label; blocks given by the caller skip anatomy)
        site = reg.site_of(art.outlet, art.url) or (o if art.outlet_label is not None else None)
        if site is not None:
            return outlet_node(site, None, _PUBLISHER_CONF["url"])
        span = _first_mention_span(text, reg, o) if o is not None else None
        if o is not None:
            return outlet_node(o, span)
        return Node(art.outlet.strip(), "outlet", key="outlet:" + art.outlet.strip())
    # a byline: blocks of kind byline, or "By ..." lines near the top
    byline_regions = [(b.start, b.end) for b in art.blocks if b.kind == "byline"]
    if not byline_regions:
        head = text[:2000]
        byline_regions = [(m.start(), m.end()) for m in _BY_LINE.finditer(head)]
    for s, e in byline_regions:
        for m in reg.find(text[s:e], strict=False):
            return outlet_node(m.outlet, (s + m.start, s + m.end), _PUBLISHER_CONF["byline"])
    # an author bio at the end: "Jasmine is a writer at Fox News Digital"
    bio_regions = [(b.start, b.end) for b in art.blocks if b.kind == "bio"] or [(max(0, len(text) - 800), len(text))]
    for s, e in bio_regions:
        for bm in _BIO.finditer(text, s, e):
            for m in reg.find(bm.group("o")):
                a = bm.start("o") + m.start
                return outlet_node(m.outlet, (a, a + m.end - m.start), _PUBLISHER_CONF["bio"])
    for c in found.credits:
        if c.kind == "wire":
            o = reg.match(c.name)
            if o is not None:
                return outlet_node(o, c.span, _PUBLISHER_CONF["wire"])
    if art.url:
        o = reg.match_domain(art.url)
        if o is not None:
            return outlet_node(o, None, _PUBLISHER_CONF["url"])
        host = (urlsplit(art.url if "//" in art.url else "//" + art.url).hostname or "").removeprefix("www.")
        if host:
            return Node(host, "outlet", confidence=_PUBLISHER_CONF["domain"])
    return Node("unknown publisher", "outlet", confidence=0.1)


def _first_mention_span(text: str, reg: Registry, o: Outlet) -> Span | None:
    for m in reg.find(text[:3000]):
        if m.outlet.name == o.name:
            return (m.start, m.end)
    return None


def wire_nodes(ctx: Ctx) -> list[Node]:
    """Agencies the article is wire copy of (credits of kind wire), other than the publisher."""
    out: list[Node] = []
    for c in ctx.found.credits:
        if c.kind != "wire":
            continue
        n = credit_node(c, ctx.reg, CONF_WIRE, ctx.found.entities)
        if n.key != ctx.publisher.key and all(n.key != w.key for w in out):
            out.append(n)
    return out


def credit_node(c: Credit, reg: Registry, confidence: float, entities: Sequence[Entity] = ()) -> Node:
    """A credited party as a hop: registry facts, else a person the entity finder knows, else
    a news agency for wire credits and unknown for the rest."""
    o = reg.match(c.name)
    if o is not None:
        return outlet_node(o, c.span, confidence)
    if c.span is not None:
        cs, ce = c.span
        for ent in entities:
            if ent.kind in ENTITY_TYPE and any(ms < ce and cs < me for ms, me in ent.mentions):
                return Node(ent.name, ENTITY_TYPE[ent.kind], span=c.span, entity=ent.id, confidence=confidence * 0.8)
    words = c.name.split()
    if c.kind == "wire":
        typ = "news_agency"
    elif len(words) >= 2 and person_like(words):
        typ = "person"  # a photographer or a reporter credited by name ("Evan Vucci/AP"): credit lines are not parsed
    else:
        typ = "unknown"
    return Node(c.name, typ, span=c.span, confidence=confidence * 0.8)


def credit_groups(credits: Sequence[Credit], text: str) -> list[list[Credit]]:
    """Credits in text order, those joined only by "/" grouped ("KCNA/Reuters": KCNA via Reuters)."""
    groups: list[list[Credit]] = []
    for c in sorted(credits, key=lambda c: c.span or (-1, -1)):
        prev = groups[-1][-1] if groups else None
        if (
            prev is not None and prev.span is not None and c.span is not None and prev.kind == c.kind
            and re.fullmatch(r"\s*/\s*", text[prev.span[1] : c.span[0]])
        ):
            groups[-1].append(c)
        else:
            groups.append([c])
    return groups
