"""The article's own provenance chains (``attribution=None``): wire, photo, video and contribution credits -> publisher."""

from __future__ import annotations

import re

from ...model import Chain, Credit
from .nodes import Ctx, Node, assemble
from .publisher import credit_groups, credit_node


def _publisher_staff(c: Credit, ctx: Ctx) -> bool:
    """A credit right after the publisher's possessive: "Fox News' Lesa Jansen contributed"."""
    if c.span is None:
        return False
    before = ctx.text[max(0, c.span[0] - 60) : c.span[0]]
    m = re.search(r"([\w .&!-]+?)(?:'s|’s|'|’)\s*$", before)
    if m is None:
        return False
    o = ctx.reg.match(m.group(1).strip())
    return o is not None and "outlet:" + o.name == ctx.publisher.key


def provenance_chains(ctx: Ctx) -> list[Chain]:
    """One chain per distinct credited party (or "/"-joined group): wire, photo, video, contribution -> publisher."""
    out: list[Chain] = []
    seen: set[tuple[tuple[str, ...], str]] = set()
    for group in credit_groups(ctx.found.credits, ctx.text):
        if _publisher_staff(group[0], ctx):
            continue
        nodes: list[Node] = []
        for c in group:
            n = credit_node(c, ctx.reg, 1.0, ctx.found.entities)
            # a caption run twice ("Kyodo /Reuters /Landov Kyodo /Reuters /Landov") names each party once
            if n.key != ctx.publisher.key and all(n.key != m.key and n.name not in m.name for m in nodes):
                nodes.append(n)
        key = (tuple(n.key for n in nodes), group[0].kind)
        if not nodes or key in seen:
            continue
        seen.add(key)
        out.append(assemble(None, nodes, ctx, 1.0))
    return out
