"""Scoring ``anatomy`` on scraped text: HTML pages rendered as a copy-paste from a browser.

``render_copy(html)`` turns a page into the plain text a reader gets by
selecting the article (from its headline to the end of its text) and pasting
it: the text of block elements one per line, paragraphs and headings set off
by blank lines, inline text joined by spaces, no scripts, styles or images.
It also returns where that text came from an element the page marks as a
caption or a credit (``figcaption`` or a class such as ``caption``,
``wp-caption-text``, ``image-credit``), which is the gold for leakage.

``score_anatomy(directory)`` runs ``anatomy`` over every English page of the
ScrapingHub article-extraction benchmark (``html/*.html.gz`` and
``ground-truth.json``) and reports

- token precision and recall of the body blocks against the gold article
  body (multisets of lower-cased word tokens, as the benchmark's own scorer
  counts them), beside the same for "every paragraph is body" (what anatomy
  did before it knew any kinds) and the recall ceiling of the copy itself;
- the share of caption and credit text (characters, as the HTML marks it)
  that ends up inside body blocks.

Limits: the selection runs from the heading that matches the page title
(else the first ``<h1>`` of the ``<article>``) to the end of the element
holding the most paragraph text, a readability-style heuristic: some pages
paste with share bars, galleries or comments inside it, and bios or tags after
the text are cut off; CSS-hidden elements are pasted as if visible.
"""

from __future__ import annotations

import gzip
import importlib
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..anatomy import anatomy
from ..ingest.checks import english_share
from ..model import Article, Block
from ..settings import Settings

# --- rendering ----------------------------------------------------------------

_SKIP = frozenset(
    """script style noscript template svg head iframe object embed canvas video audio
    img picture source track map input select textarea option link meta""".split()
)
# Elements a browser sets off with margins (a blank line around them when pasted).
_PARA = frozenset("p h1 h2 h3 h4 h5 h6 blockquote figure figcaption ul ol dl table pre hr".split())
_BLOCK = _PARA | frozenset(
    """div section article header footer aside nav main li dt dd tr address form fieldset
    details summary caption center""".split()
)
_CAPTION_CLASS = re.compile(r"(?:^|[-_])(?:caption|credit|credits|photo-?credit|byline-credit)(?:$|[-_])", re.I)
# Classes that name a caption switch or container without being one.
_NOT_CAPTION_CLASS = re.compile(r"no-?caption|has-?caption|with(?:out)?-?caption|adcaption|menu|control-bar|icon", re.I)


@dataclass
class Rendered:
    """Plain text of a page as pasted, and the spans of it inside caption/credit elements."""

    text: str
    captions: list[tuple[int, int]] = field(default_factory=list)


class _Writer:
    """Accumulates pasted text: collapses inline whitespace, emits pending line breaks lazily."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.breaks = 0  # required line breaks before the next text
        self.space = False
        self.at_line_start = True

    def need(self, n: int) -> None:
        self.breaks = max(self.breaks, n)

    def write(self, raw: str) -> None:
        if not raw:
            return
        lead = raw[0].isspace()
        words = raw.split()
        trail = raw[-1].isspace()
        if not words:
            self.space = self.space or lead
            return
        if self.pos and self.breaks:
            self._emit("\n" * self.breaks)
            self.at_line_start = True
        elif (lead or self.space) and not self.at_line_start:
            self._emit(" ")
        self.breaks = 0
        self._emit(" ".join(words))
        self.at_line_start = False
        self.space = trail

    def _emit(self, s: str) -> None:
        self.parts.append(s)
        self.pos += len(s)

    def text(self) -> str:
        return "".join(self.parts)


def _is_caption(el: Any) -> bool:
    if el.tag == "figcaption":
        return True
    cls = el.get("class") or ""
    return any(_CAPTION_CLASS.search(c) and not _NOT_CAPTION_CLASS.search(c) for c in cls.split())


def _hidden(el: Any) -> bool:
    if el.get("hidden") is not None or el.get("type") == "hidden":
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _render_range(root: Any, start: Any, end: Any) -> Rendered:
    """Text of the document-order range from element ``start`` to the end of element ``end``."""
    w = _Writer()
    captions: list[tuple[int, int]] = []
    state = {"on": False, "done": False}
    end_ancestors = set(end.iterancestors())

    def visit(el: Any, in_caption: bool) -> None:
        if state["done"]:
            return
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP or not tag or _hidden(el):
            if state["on"] and el.tail:
                w.write(el.tail)
            return
        if el is start:
            state["on"] = True
        cap = in_caption or (state["on"] and _is_caption(el))
        block = tag in _BLOCK
        if state["on"]:
            if block:
                w.need(2 if tag in _PARA else 1)
            if tag == "br":
                w.need(1)
            if tag in {"td", "th"}:
                w.write(" ")
        begin = None
        if cap and not in_caption and state["on"]:
            begin = len(captions)
            mark = w.pos
        if state["on"] and el.text:
            w.write(el.text)
        for child in el:
            visit(child, cap)
            if state["done"]:
                break
        if begin is not None:
            # The caption's text starts after any pending break emitted before it.
            text = w.text()
            s = mark
            while s < len(text) and text[s].isspace():
                s += 1
            if w.pos > s:
                captions.append((s, w.pos))
        if state["on"] and block:
            w.need(2 if tag in _PARA else 1)
        if el is end:
            state["done"] = True
            return
        if state["on"] and el.tail and el not in end_ancestors:
            w.write(el.tail)

    visit(root, False)
    return Rendered(w.text(), captions)


def _text_len(el: Any) -> int:
    return len(" ".join(el.itertext()).split())


def _direct_words(el: Any) -> int:
    parts = [el.text or ""] + [c.tail or "" for c in el]
    return len(" ".join(parts).split())


def _link_words(el: Any) -> int:
    return sum(_text_len(a) for a in el.iter("a"))


def _main_container(root: Any) -> Any | None:
    """The element holding the most paragraph text (readability's core idea).

    A paragraph is a ``<p>`` or an element with at least 8 words of its own
    text (sites that write paragraphs as ``<div>`` text and ``<br>``);
    paragraphs that are mostly link text (lists of other stories) do not count.
    Each paragraph credits its container fully and the container's parent half.
    """
    score: Counter[Any] = Counter()
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in _SKIP:
            continue
        if el.tag == "p":
            n = _text_len(el)
            holder = el.getparent()
        else:
            n = _direct_words(el)
            holder = el
            if n < 8:
                continue
        if n < 5 or holder is None or any(a.tag in _SKIP for a in el.iterancestors()):
            continue
        if _link_words(el) > n / 2:
            continue
        score[holder] += n
        grand = holder.getparent()
        if grand is not None:
            score[grand] += n // 2
    if not score:
        return None
    return score.most_common(1)[0][0]


def _page_title(root: Any) -> str:
    for meta in root.iter("meta"):
        kind = (meta.get("property") or meta.get("name") or "").lower()
        if kind in {"og:title", "twitter:title"} and meta.get("content"):
            return str(meta.get("content"))
    t = root.find(".//title")
    return " ".join((t.text_content() if t is not None else "").split())


def _title_overlap(a: str, b: str) -> float:
    ta, tb = set(_TOKEN.findall(a.lower())), set(_TOKEN.findall(b.lower()))
    return len(ta & tb) / len(ta) if ta and tb else 0.0


def render_copy(html: str | bytes) -> Rendered:
    """The article of a page as a reader pastes it: from its headline to the end of its text.

    The selection starts at the headline (the last heading before the text
    that matches the page title, else the last ``<h1>`` inside the text's
    ``<article>``) and ends with the element holding the most paragraph text.
    Returns the pasted text and the spans that came from caption/credit elements.
    """
    lxml_html: Any = importlib.import_module("lxml.html")
    root = lxml_html.fromstring(_decode(html) if isinstance(html, bytes) else html)
    body = root.find("body")
    if body is None:
        body = root
    container = _main_container(body)
    if container is None:
        return _render_range(root, body, body)
    order = {el: i for i, el in enumerate(body.iter())}
    at = order.get(container, 0)
    title = _page_title(root)
    heads = [
        h
        for h in body.iter("h1", "h2", "h3")
        if order.get(h, 0) <= at or _inside(h, container)
    ]
    titled = [h for h in heads if _text_len(h) >= 2 and _title_overlap(h.text_content(), title) >= 0.6]
    article = next((a for a in container.iterancestors() if a.tag == "article"), None)
    start = container
    if titled:
        start = titled[-1]
    elif article is not None:
        in_article = [h for h in heads if h.tag == "h1" and _inside(h, article)]
        start = in_article[0] if in_article else article
    if _inside(start, container) and start is not container:
        start = container
    return _render_range(root, start, container)


_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)


def _decode(data: bytes) -> str:
    """Page bytes as text: UTF-8 when they decode as such, else the declared charset, else cp1252."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = _CHARSET.search(data[:4096])
    for enc in ((m.group(1).decode("ascii", "replace"),) if m else ()) + ("cp1252",):
        try:
            return data.decode(enc, errors="replace")
        except LookupError:
            continue
    return data.decode("latin-1")


def _inside(el: Any, ancestor: Any) -> bool:
    return el is ancestor or any(a is ancestor for a in el.iterancestors())


# --- scoring ------------------------------------------------------------------

_TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> Counter[str]:
    """Multiset of lower-cased word tokens."""
    return Counter(t.lower() for t in _TOKEN.findall(text))


@dataclass
class PageResult:
    key: str
    url: str
    body_prf: tuple[int, int, int]
    """(overlap, predicted, gold) token counts for the body blocks."""
    all_prf: tuple[int, int, int]
    """The same when every paragraph of the copy counts as body (the naive split)."""
    caption_chars: int
    caption_leaked: int
    kinds: Counter[str]


@dataclass
class AnatomyScore:
    pages: list[PageResult]
    skipped: list[tuple[str, str]]

    def totals(self) -> dict[str, float]:
        def prf(sel: str) -> tuple[float, float, float]:
            # Averaged per page, as the benchmark does.
            ps, rs, fs = [], [], []
            for p in self.pages:
                o, pr, g = getattr(p, sel)
                prec = o / pr if pr else 0.0
                rec = o / g if g else 0.0
                ps.append(prec)
                rs.append(rec)
                fs.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
            n = max(1, len(self.pages))
            return sum(ps) / n, sum(rs) / n, sum(fs) / n

        bp, br, bf = prf("body_prf")
        ap, ar, af = prf("all_prf")
        cap = sum(p.caption_chars for p in self.pages)
        leaked = sum(p.caption_leaked for p in self.pages)
        return {
            "pages": len(self.pages),
            "body_precision": bp,
            "body_recall": br,
            "body_f1": bf,
            "naive_precision": ap,
            "naive_recall": ar,
            "naive_f1": af,
            "caption_chars": cap,
            "caption_leaked_chars": leaked,
            "caption_leak_share": leaked / cap if cap else 0.0,
            "pages_with_captions": sum(1 for p in self.pages if p.caption_chars),
        }


def _overlap(a: Counter[str], b: Counter[str]) -> int:
    return sum((a & b).values())


def score_page(key: str, html: bytes, gold: str, url: str, settings: Settings) -> PageResult:
    """Render one page, run anatomy, and count body tokens and leaked caption characters."""
    r = render_copy(html)
    art = Article(text=r.text, id=key, url=url)
    out = anatomy(art, settings)
    gold_t = tokens(gold)
    body = [b for b in out.blocks if b.kind == "body"]
    body_t: Counter[str] = Counter()
    for b in body:
        body_t.update(tokens(r.text[b.start : b.end]))
    all_t = tokens(r.text)
    leaked = 0
    cap_chars = 0
    for s, e in r.captions:
        cap_chars += sum(1 for ch in r.text[s:e] if not ch.isspace())
        leaked += _chars_inside(r.text, s, e, body)
    return PageResult(
        key=key,
        url=url,
        body_prf=(_overlap(body_t, gold_t), sum(body_t.values()), sum(gold_t.values())),
        all_prf=(_overlap(all_t, gold_t), sum(all_t.values()), sum(gold_t.values())),
        caption_chars=cap_chars,
        caption_leaked=leaked,
        kinds=Counter(b.kind for b in out.blocks),
    )


def _chars_inside(text: str, s: int, e: int, blocks: list[Block]) -> int:
    n = 0
    for b in blocks:
        lo, hi = max(s, b.start), min(e, b.end)
        if lo < hi:
            n += sum(1 for ch in text[lo:hi] if not ch.isspace())
    return n


def benchmark_pages(directory: str | Path) -> Iterator[tuple[str, bytes, str, str]]:
    """(key, html bytes, gold body, url) for every page of the benchmark folder."""
    d = Path(directory)
    gold: dict[str, Any] = json.loads((d / "ground-truth.json").read_text(encoding="utf-8"))
    for path in sorted((d / "html").glob("*.html.gz")):
        key = path.name.split(".")[0]
        if key not in gold:
            continue
        yield key, gzip.decompress(path.read_bytes()), gold[key].get("articleBody") or "", gold[key].get("url", "")


# A page counts as English when at least this share of its gold body's words
# are common English function words (ingest refuses below 0.08; English news
# runs 0.25-0.45, the benchmark's Italian/Portuguese/Indonesian pages 0.02-0.10).
ENGLISH_SHARE = 0.15


def score_anatomy(
    directory: str | Path, settings: Settings | None = None, *, keys: set[str] | None = None
) -> AnatomyScore:
    """Score anatomy over the English pages of the benchmark (optionally only ``keys``)."""
    settings = settings or Settings()
    pages: list[PageResult] = []
    skipped: list[tuple[str, str]] = []
    for key, html, gold, url in benchmark_pages(directory):
        if keys is not None and key not in keys:
            continue
        share, n = english_share(gold)
        if n < 25 or share < ENGLISH_SHARE:
            skipped.append((key, f"not English ({share:.0%} common English words)"))
            continue
        try:
            pages.append(score_page(key, html, gold, url, settings))
        except Exception as e:  # a broken page is reported, not fatal
            skipped.append((key, f"{type(e).__name__}: {e}"))
    return AnatomyScore(pages, skipped)


def split_keys(directory: str | Path) -> tuple[set[str], set[str]]:
    """The development half (keys starting 0-7) and the held-out half (8-f) of the benchmark."""
    dev: set[str] = set()
    held: set[str] = set()
    for key, _, _, _ in benchmark_pages(directory):
        (dev if key[0] in "01234567" else held).add(key)
    return dev, held


def format_score(score: AnatomyScore, title: str) -> str:
    """A Markdown table of the totals."""
    t = score.totals()
    lines = [
        f"### {title}",
        "",
        f"English pages scored: {t['pages']:.0f} (skipped: {len(score.skipped)})",
        "",
        "| body tokens | precision | recall | F1 |",
        "|---|---|---|---|",
        f"| anatomy body blocks | {t['body_precision']:.3f} | {t['body_recall']:.3f} | {t['body_f1']:.3f} |",
        f"| whole copy as body (naive) | {t['naive_precision']:.3f} | {t['naive_recall']:.3f} | {t['naive_f1']:.3f} |",
        "",
        f"Caption/credit text in the copy: {t['caption_chars']:.0f} characters on "
        f"{t['pages_with_captions']:.0f} pages; inside body blocks: {t['caption_leaked_chars']:.0f} "
        f"({t['caption_leak_share']:.1%}).",
    ]
    return "\n".join(lines)
