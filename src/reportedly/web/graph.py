"""The relay chains of one article drawn as a graph: DOT built here, SVG drawn by Graphviz ``dot``.

Hostile text cannot get into the picture: node names are put into the DOT only as quoted strings
with every character outside printable ASCII letters, digits and a few punctuation marks written
as an XML character reference, so Graphviz sees no markup and no DOT syntax; nodes are named
``n0``, ``n1`` ... and carry only our own attributes.  ``dot`` runs with a timeout, no shell and
an empty environment; its SVG is then parsed and rebuilt from a short list of allowed elements
and attributes (no script, foreignObject, style, event handler or link survives).  The page
shows the SVG as an ``<img>`` (an SVG image never runs scripts) next to a text table with the
same chains.  Without ``dot`` on the PATH, ``draw`` returns None and the page shows the table only.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence

DOT_TIMEOUT_S = 5.0
MAX_NODES = 80

TYPE_COLOURS = {
    "state_media": "#c0392b", "government": "#8e44ad", "news_agency": "#1f6fb2", "public_broadcaster": "#16a085",
    "outlet": "#2c3e50", "person": "#7a5c00", "anonymous": "#6b6b6b", "organization": "#a0522d",
    "document": "#4d6b2f",
}
SHAPES = {"origin": "ellipse", "relay": "box", "publisher": "doubleoctagon"}

_SAFE = re.compile(r"[A-Za-z0-9 .,:;()'/_-]")


def dot_string(s: str) -> str:
    """A DOT double-quoted string holding ``s`` as plain text (see the module docstring)."""
    s = " ".join(s.split())[:80]
    return '"' + "".join(ch if _SAFE.fullmatch(ch) else f"&#{ord(ch)};" for ch in s) + '"'


def build_dot(chains: Iterable[Sequence[tuple[str, str, str]]]) -> str:
    """The DOT source of the chains (hops as (name, type, role)), one node per (name, type)."""
    nodes: dict[tuple[str, str], tuple[str, str]] = {}
    edges: dict[tuple[str, str], int] = {}
    for hops in chains:
        prev: str | None = None
        for name, typ, role in hops:
            key = (name, typ)
            if key not in nodes:
                if len(nodes) >= MAX_NODES:
                    break
                nodes[key] = (f"n{len(nodes)}", role)
            nid = nodes[key][0]
            if prev is not None and prev != nid:
                edges[(prev, nid)] = edges.get((prev, nid), 0) + 1
            prev = nid
    lines = [
        "digraph chains {",
        '  graph [rankdir=LR, bgcolor="transparent", fontname="Helvetica", nodesep=0.3, ranksep=0.5];',
        '  node [fontname="Helvetica", fontsize=11, style=filled, fillcolor="#ffffff", penwidth=1.6];',
        '  edge [color="#555555", arrowsize=0.7];',
    ]
    for (name, typ), (nid, role) in nodes.items():
        colour = TYPE_COLOURS.get(typ, "#444444")
        label = dot_string(f"{name} ({typ.replace('_', ' ')})")
        lines.append(f'  {nid} [label={label}, shape={SHAPES.get(role, "box")}, color="{colour}", fontcolor="{colour}"];')
    for (a, b), n in edges.items():
        lines.append(f'  {a} -> {b} [penwidth={min(1 + n * 0.5, 4):.1f}];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def dot_available() -> bool:
    return shutil.which("dot") is not None


def draw(dot_source: str) -> str | None:
    """SVG text of the graph, sanitised; None when ``dot`` is missing, fails or takes too long."""
    exe = shutil.which("dot")
    if exe is None:
        return None
    try:
        done = subprocess.run(
            [exe, "-Tsvg"], input=dot_source.encode("utf-8"), capture_output=True,
            timeout=DOT_TIMEOUT_S, check=False, env={},
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    return sanitise_svg(done.stdout)


SVG_NS = "http://www.w3.org/2000/svg"
ALLOWED_TAGS = {"svg", "g", "title", "polygon", "path", "ellipse", "polyline", "text", "desc", "line", "rect"}
ALLOWED_ATTRS = {
    "width", "height", "viewBox", "transform", "points", "d", "cx", "cy", "rx", "ry", "x", "y", "x1", "y1",
    "x2", "y2", "fill", "stroke", "stroke-width", "stroke-dasharray", "text-anchor", "font-family",
    "font-size", "font-weight", "font-style", "class", "id", "preserveAspectRatio",
}
_SAFE_VALUE = re.compile(r"[^<>\"'`\\]*")


def sanitise_svg(data: bytes) -> str | None:
    """Rebuild an SVG from allowed elements and attributes only; None when it does not parse."""
    try:
        parser = ET.XMLParser()
        root = ET.fromstring(data, parser=parser)
    except ET.ParseError:
        return None
    out = _clean(root)
    if out is None:
        return None
    out.set("role", "img")
    out.set("xmlns", SVG_NS)
    return ET.tostring(out, encoding="unicode")


def _clean(el: ET.Element) -> ET.Element | None:
    tag = el.tag.rsplit("}", 1)[-1]
    if tag not in ALLOWED_TAGS:
        return None
    new = ET.Element(tag)
    for k, v in el.attrib.items():
        name = k.rsplit("}", 1)[-1]
        if name in ALLOWED_ATTRS and "}" not in k and _SAFE_VALUE.fullmatch(v) and "url(" not in v.lower():
            new.set(name, v)
    new.text = el.text
    for child in el:
        c = _clean(child)
        if c is not None:
            c.tail = child.tail
            new.append(c)
    return new
