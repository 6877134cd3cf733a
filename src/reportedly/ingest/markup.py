"""HTML before extraction: pages nested too deep for the parser, and elements a reader never sees.

lxml's HTML parser (libxml2, which trafilatura uses) stops at 256 levels of
nesting and drops the rest of the page, so a page wrapped in thousands of
``<div>``s would lose its whole body.  ``load_page`` parses a page as
trafilatura does and, only when the tree reaches that limit, parses it again
from a copy of the markup whose nesting is flattened: past ``WRAPPER_DEPTH``
levels the tags of wrapper elements (``div``, ``span``, ``section``, ``font``
...) are left out and their text kept in place, past ``MAX_DEPTH`` levels
every tag but the void ones is.  Levels are counted in the flattened markup,
so the article inside a deep wrapper keeps its own structure.  Pages within
the limit are parsed exactly as before.

``drop_unshown`` removes, before anything reads the page, elements whose
content the browser never shows: ``<template>`` (trafilatura would keep its
text) and elements with the ``hidden`` attribute (except
``hidden="until-found"``, which the browser reveals on search, and unless they
hold most of the page's text).  ``<noscript>`` is dropped by trafilatura
itself; ``aria-hidden`` is left to it (such text is shown on screen).
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

PARSER_DEPTH = 255
"""A parsed tree this deep was cut off by libxml2's nesting limit (256 levels)."""
WRAPPER_DEPTH = 100
MAX_DEPTH = 200

# Tags that hold no content (no end tag), emitted as they are at any depth.
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr basefont frame keygen".split()
)
# Tags whose start and end are left out past WRAPPER_DEPTH: layout wrappers, not text structure.
_WRAPPERS = frozenset("div span section center font big small bdi bdo ins s u".split())
# Tags that end a paragraph-like run: leaving one out leaves a line break, so words do not run together.
_BLOCKS = frozenset(
    "address article aside blockquote center details dialog div dl fieldset figcaption figure footer form"
    " h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table td th tr ul".split()
)
# Tags that an open tag of the same name closes (``<p>a<p>b``), so they do not nest.
_SELF_CLOSING = frozenset("p li dt dd option tr td th".split())
# Elements whose text is not on the page.
_NO_TEXT = frozenset({"script", "style", "template", "noscript", "head"})


def load_page(html: str) -> tuple[Any, int]:
    """The page's tree as trafilatura parses it (None when it cannot), and the nesting depth of its
    markup when that was too deep to parse as it is (0 otherwise): the tree is then parsed from the
    flattened markup."""
    import trafilatura

    tree = _load(trafilatura, html)
    if tree is None or tree_depth(tree) < PARSER_DEPTH:
        return tree, 0
    flat, depth = flatten(html)
    return _load(trafilatura, flat), depth


def _load(trafilatura: Any, html: str) -> Any:
    tree = trafilatura.load_html(html)
    if tree is None:
        # a fragment ("<p>...</p>"): trafilatura wants a whole document
        tree = trafilatura.load_html(f"<html><body><div>{html}</div></body></html>")
    return tree


def tree_depth(tree: Any) -> int:
    """Levels of elements in a parsed tree (``<html>`` alone is 1)."""
    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        if event == "start":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def flatten(html: str) -> tuple[str, int]:
    """The markup with its nesting bounded (see the module's docstring), and the depth it had."""
    flat = _Flattener()
    flat.feed(html)
    flat.close()
    return "".join(flat.out), flat.deepest


class _Flattener(HTMLParser):
    """Re-emits markup token by token, leaving out the tags of elements nested too deep."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.open: list[tuple[str, bool]] = []  # (tag, emitted) of the elements open now
        self.kept = 0  # how many of them are emitted
        self.deepest = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or ""
        if tag in _VOID:
            self.out.append(raw)
            return
        if tag in _SELF_CLOSING and self.open and self.open[-1][0] == tag:
            self.handle_endtag(tag)
        self.deepest = max(self.deepest, len(self.open) + 1)
        depth = self.kept + 1  # the depth it has in the flattened markup
        keep = depth <= WRAPPER_DEPTH or (depth <= MAX_DEPTH and tag not in _WRAPPERS)
        self.open.append((tag, keep))
        self.kept += keep
        self.out.append(raw if keep else "\n" if tag in _BLOCKS else "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i][0] == tag:
                keep = self.open[i][1]
                self.kept -= sum(k for _, k in self.open[i:])
                del self.open[i:]
                self.out.append(f"</{tag}>" if keep else "\n" if tag in _BLOCKS else "")
                return
        self.out.append(f"</{tag}>")  # a stray end tag: the parser deals with it as before

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")


def drop_unshown(tree: Any) -> None:
    """Remove ``<template>`` elements and elements with the ``hidden`` attribute (their tails stay).

    Hidden elements stay when they hold most of the page's text: a page that hides its body until a
    script reveals it (``<body hidden>``, ``<div id="app" hidden>``) keeps it."""
    templates = [el for el in tree.iter("template")]
    hidden = [
        el
        for el in tree.iter()
        if isinstance(el.tag, str)
        and el.tag != "template"
        and (flag := el.get("hidden")) is not None
        and flag.strip().lower() != "until-found"
    ]
    if hidden and 2 * sum(_text_length(el) for el in _outermost(hidden)) > _text_length(tree):
        hidden = []
    for el in templates + hidden:
        if el.getparent() is not None:
            el.drop_tree()


def _outermost(elements: list[Any]) -> list[Any]:
    chosen = set(elements)
    return [el for el in elements if not any(a in chosen for a in el.iterancestors())]


def _text_length(root: Any) -> int:
    """Characters of text under ``root`` a reader could see (scripts, styles and templates left out)."""
    n = 0
    walker = etree.iterwalk(root, events=("start",))
    for _, el in walker:
        if el is not root and el.tail:
            n += len(el.tail.strip())
        if not isinstance(el.tag, str) or el.tag in _NO_TEXT:
            walker.skip_subtree()
        elif el.text:
            n += len(el.text.strip())
    return n


def too_deep(problem: str, depth: int) -> str:
    """An extraction failure on a page whose markup was flattened names the nesting as the problem."""
    if not depth:
        return problem
    return f"HTML nested too deep to extract ({depth:,} levels; the parser stops at 256): {problem}"
