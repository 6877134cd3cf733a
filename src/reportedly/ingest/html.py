"""HTML -> Article: trafilatura for the body, the page's own markup for captions and credits.

``article_from_html`` returns an ``Article`` whose ``text`` is built from typed
blocks joined by blank lines, each with an exact ``Block`` record
(``produced_by="ingest.html/1"``), in this order:

- ``headline``: the page's <h1> before the body when most of its words are in
  trafilatura's title (which often carries the site name), else that title.
- ``dek``: the page's meta/og description when the page shows it as a
  standfirst: in an element with a dek-like class ("standfirst", "dek",
  "subtitle" ...), or visible on the page but not in the body.  A
  description that is an excerpt of the body (usually the lede) is no dek.
- ``byline``: the visible byline element (class/id/itemprop/rel "byline" or
  "author") before the end of the body that names trafilatura's first author.
- ``body``: one block per line of trafilatura's text output (paragraphs, list
  items, table rows; ``include_comments=False``), less lines that repeat the
  headline, dek or byline, with ``caption`` and ``credit`` blocks slotted in
  where their figure sits among the paragraphs.

Captions and credits are the elements the page marks: ``<figcaption>`` and
class/id/itemprop words with "caption", "credit", "copyright",
"photographer", "courtesy", next to an image and outside navigation, related
links, ads and footers.  Those elements are removed from the copy of the page
that trafilatura reads, so their text cannot end up in the body.  Inside a
marked element, each innermost marked element is its own caption or credit,
and a credit written into the caption ("... (AP Photo/Name)", "Photo: X",
"Credit...X", "X / Reuters file", "REUTERS/X", "[X via Y]", "Alex Wong | Getty
Images ...") is split off as its own block.

Limits: a caption the page does not mark (a plain ``<p>`` under an image)
stays in the body; credits in other forms stay inside their caption block;
captions outside the span from the headline to the last body paragraph
(galleries and teasers after the article) are left out; bylines and deks are
taken as the page writes them ("By X Updated Nov 13, 2019").
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from ..errors import InputError
from ..model import Article, Block
from ..settings import Settings
from .checks import check_text
from .markup import drop_unshown, load_page, too_deep
from .text import clean_meta, text_id

PRODUCED_BY = "ingest.html/1"
MIN_BODY_WORDS = 10
"""Pages with less body text than this are refused as having no article: the
shortest ScrapingHub benchmark body has 66 words; a navigation-only page
yields a word or two ("Home")."""

_TOKEN = re.compile(r"\w+", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_WS = re.compile(r"\s+")

# Elements whose text is never article content.
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "iframe"})
# Containers whose captions belong to the page's chrome, not the article.
_CHROME_TAGS = frozenset({"nav", "footer", "form", "button", "select", "a", "li", "h1", "h2", "h3", "h4", "h5", "h6"})
# Parts of a figure that are not its caption: its heading, controls, forms.
_NOT_CAPTION_TAGS = frozenset({"nav", "footer", "form", "button", "select", "h1", "h2", "h3", "h4", "h5", "h6"})
# Inline tags whose text runs on into its neighbours without a space.
_INLINE_TAGS = frozenset({"a", "em", "i", "b", "strong", "u", "sup", "sub", "abbr", "q", "small", "mark", "s", "code"})
_MEDIA_TAGS = frozenset({"img", "picture", "video", "figure", "amp-img", "audio"})

_CAPTION_CLASS = re.compile(r"caption", re.I)
# "Credit" capitalised anywhere ("imageEmbedCredit") or "credit" not inside a
# word ("accreditation" is not a credit).
_CREDIT_CLASS = re.compile(r"Credit|(?<![a-z])(?i:credit|copyright|photographer|courtesy)")
# Class words (seen on the ScrapingHub pages) that make an element a widget,
# ad or teaser rather than a figure: "c-related__caption", "GoogleDfpAd-adCaption".
_WIDGET_CLASS = re.compile(
    r"related|trending|promo|dfp|advert|(?<![a-z])ads?(?![a-z])|nav|menu|comment|cookie|headline|share|social|teaser|recirc",
    re.I,
)
# Words that disqualify the class word that says "caption" or "credit" itself:
# "more-caption" (a link), "caption-truncated" (a copy), "control-bar-credit",
# "cli-necessary-caption", "captionlink", "no-caption".
_NOT_CAPTION_WORD = re.compile(r"more|less|link|toggle|button|icon|count|close|control|truncat|label|title|no-|cli-", re.I)
_NOT_CAPTION_TEXT = re.compile(
    r"^(?:(?:advertisement|caption|close|expand|image \d+ of \d+|\d+ comments?|media playback is unsupported on your device)$"
    r"|(?:more on|related|read more|see also)\b)",
    re.I,
)
# Gallery counters in front of captions: "Image 1 of 5", "1of4", "1 / 12".
_COUNTER = re.compile(r"^\s*(?:(?:image|photo|slide)\s+)?\d+\s*(?:of|/)\s*\d+\s*", re.I)
# Screen-reader labels in front of captions (BBC "Image caption ...").
_LABEL = re.compile(r"^\s*(?:image|media|video)\s+caption\s*", re.I)

# A credit inside caption text, at the end (most sites) or at the start.  The
# forms are those seen on the ScrapingHub pages and in wire copy.
_AGENCY = (
    r"(?:AP|AFP|Reuters|REUTERS|Getty Images|Getty|GETTY|EPA|Shutterstock|Bloomberg|iStock|Xinhua|"
    r"Yonhap|TASS|NASA|Associated Press|ASSOCIATED PRESS)"
)
_LABEL_WORD = r"(?i:photo(?:graph)?s?|images?|picture|credit|(?:image|photo)\s+(?:credit|source)|video|illustration|graphic)"
_NAME = r"[A-Z](?:[\w'’-]+|\.)(?:\s+[A-Z](?:[\w'’-]+|\.)){0,3}"
_BOUNDARY = r"(?:^|(?<=[.!?”\"’)])|\s+)"
_CREDIT_END = re.compile(
    r"(?:"
    r"\s*\((?:AP|AFP|Reuters|EPA)\s+Photo[^()]*\)"  # (AP Photo/Alan Diaz, File)
    r"|\s*\(" + _LABEL_WORD + r"\s*:[^()]+\)"  # (Image: GETTY), (Photo Credit : PTI)
    r"|\s*\([^()]{0,50}\b" + _AGENCY + r"\b[^()]{0,20}\)"  # (Reed Saxon / Associated Press)
    r"|\s*\([^()/]{1,60}/[^()]{1,60}\)"  # (NASA/JPL-Caltech/ASU)
    r"|" + _BOUNDARY + _LABEL_WORD + r"\s*(?::|\.{3}|…|\s+by\b|\s+via\b)\s*\S.{0,100}"  # Photo: X, Credit...X
    r"|" + _BOUNDARY + r"(?i:submitted|file|courtesy|contributed|staff)\s+photo(?:graph)?"  # Submitted photo
    r"|\s*(?:FILE PHOTO:?\s*)?REUTERS/\S.{0,60}"  # REUTERS/Brendan McDermid
    r"|" + _BOUNDARY + _NAME + r"\s*[/|,]\s*" + _AGENCY + r"(?:\s+file)?"  # Leonhard Foeger / Reuters file
    r"|\s*\[[^\[\]]{2,60}\]"  # [SpaceX via Nasa]
    r")\s*$"
)
_CREDIT_START = re.compile(
    r"^\s*(?:"
    r"(?:Image|Photo)\s+copyright\s+.{1,60}?(?=\s+Image\s+caption\b|$)"  # BBC
    r"|" + _NAME + r"\s*\|\s*" + _AGENCY + r"(?=[A-Z\s]|$)"  # Alex Wong | Getty Images
    r")"
)
# Caption words that are labels, not captions ("Image:", "Photo caption").
_LABEL_WORDS = frozenset(
    {"image", "images", "photo", "photos", "caption", "credit", "copyright", "video", "media", "picture"}
)
# Longer "captions" are text blocks that happen to carry a caption class.
_MAX_CAPTION_CHARS = 1500
_BRACKETED_END = re.compile(r"(?<=[.!?])\s*\([^()]{3,80}\)\s*$")
# Text that is a credit and nothing else.
_WHOLE_CREDIT = re.compile(r"^(?:" + _AGENCY + r"|©\s*\S.{0,80}|Courtesy\b.{0,80})$")
# "Credits" that are page footers: "© 2019 CNBC LLC. All Rights Reserved."
_FOOTER = re.compile(
    r"all rights? reserved|\ball right\b|copyright\s*(?:©|\(c\))?\s*\d{4}|©\s*\d{4}|designed by|powered by|privacy",
    re.I,
)


@dataclass(frozen=True, slots=True)
class _Item:
    """A caption or credit found in the page: kind, text, document position."""

    kind: str
    text: str
    pos: int


def article_from_html(html: str, *, origin: str, settings: Settings | None = None, url: str | None = None) -> Article:
    """Extract the article of an HTML page into typed blocks.

    ``html`` is the decoded page, ``origin`` names it in errors, ``url`` (when
    known) helps trafilatura resolve metadata.  Raises ``InputError`` for
    binary data, text that is not HTML, a page with no article text, and text
    that ``check_text`` refuses (too long, not English ...).
    """
    import trafilatura

    settings = settings or Settings()
    head = html[:65536]
    if "\x00" in head or len(_CONTROL.findall(head)) > max(8, len(head) // 100):
        raise InputError(origin, "binary data, not HTML")
    if "<" not in head or not re.search(r"<\s*[a-zA-Z!]", head):
        raise InputError(origin, "not HTML (no tags)")
    try:
        tree, nested = load_page(html)  # a fragment is wrapped, markup nested too deep flattened
        if tree is None:
            raise InputError(origin, "not HTML (no parsable document)")
        drop_unshown(tree)  # <template>, hidden="": never on screen, so in no block
        stream = _Stream(tree)
        items, marked = _figure_items(stream)
        # trafilatura reads a copy without the caption and credit elements, so
        # that their text cannot end up in the body.
        work = copy.deepcopy(tree)
        # resolve every path before dropping anything: a drop renumbers siblings
        doomed = [e for el in marked for e in work.getroottree().xpath(tree.getroottree().getpath(el))]
        for el in doomed:
            if el.getparent() is not None:
                el.drop_tree()
        doc = trafilatura.bare_extraction(work, url=url, with_metadata=True, include_comments=False)
    except InputError:
        raise
    except Exception as e:  # lxml and trafilatura raise many kinds on broken pages
        raise InputError(origin, f"cannot parse HTML ({type(e).__name__}: {e})") from None
    body_text = (getattr(doc, "text", None) or "").strip() if doc else ""
    if not body_text:
        raise InputError(origin, too_deep("no article text found in the HTML", nested))

    title = _norm(getattr(doc, "title", None) or "")
    paragraphs = [_norm(p) for p in body_text.split("\n") if p.strip()]
    raw_pos = [p for p in _positions(paragraphs, stream) if p is not None]
    first, end = (raw_pos[0], max(raw_pos)) if raw_pos else (None, None)
    h1 = _find_h1(tree, stream, title, first)
    headline = _element_text(h1) if h1 is not None else title
    dek = _find_dek(getattr(doc, "description", None) or "", stream, paragraphs, end)
    authors = _authors(getattr(doc, "author", None))
    # a byline lies before the end of the body (after it come comments and author boxes)
    byline = _find_byline(authors, stream, end)

    # A paragraph that repeats the headline, dek or byline is dropped from the body.
    own = [_toks(t) for t in (title, headline, dek, byline) if t]
    paragraphs = _remove_duplicates(paragraphs, own)
    words = sum(len(_toks(p)) for p in paragraphs)
    if words < MIN_BODY_WORDS:
        raise InputError(origin, too_deep(f"no article text found in the HTML (only {words} word{'' if words == 1 else 's'} of body text)", nested))

    # Keep captions that lie between the headline and the last body paragraph,
    # slotting each before the first paragraph that follows it in the page.
    para_pos = _positions(paragraphs, stream)
    known = [p for p in para_pos if p is not None]
    parts: list[tuple[str, str]] = []
    if headline:
        parts.append(("headline", headline))
    if dek:
        parts.append(("dek", dek))
    if byline:
        parts.append(("byline", byline))
    if known:
        # the region starts at the headline's <h1> (or the headline's text, or
        # the last <h1>) before the body
        if h1 is not None:
            start: int | None = stream.order(h1)
        else:
            h1s = [p for p in (stream.order(e) for e in tree.iter("h1")) if p < known[0]]
            start = stream.find_before(title, known[0]) if title else None
            if start is None and h1s:
                start = h1s[-1]
        lo = start if start is not None else known[0]
        hi = stream.subtree_end(max(known))
        figs = [i for i in items if lo <= i.pos <= hi]
    else:
        figs = []
    k = 0
    running = -1
    for para, pos in zip(paragraphs, para_pos, strict=True):
        if pos is not None:
            running = max(running, pos)
            while k < len(figs) and figs[k].pos < running:
                parts.append((figs[k].kind, figs[k].text))
                k += 1
        parts.append(("body", para))
    parts += [(f.kind, f.text) for f in figs[k:]]  # figures inside or after the last paragraph
    text, blocks = _assemble(parts)
    check_text(text, origin, settings)
    meta = clean_meta(
        {
            "url": url or getattr(doc, "url", None),
            "outlet": getattr(doc, "sitename", None),
            "title": title or headline or None,
            "published": getattr(doc, "date", None),
            "authors": authors or None,
        }
    )
    return Article(text=text, id=text_id(text), origin=origin, format="html", blocks=blocks, **meta)


def _assemble(parts: Iterable[tuple[str, str]]) -> tuple[str, tuple[Block, ...]]:
    """Join (kind, text) parts with blank lines; exact blocks for each."""
    chunks: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for kind, t in parts:
        if chunks:
            chunks.append("\n\n")
            pos += 2
        blocks.append(Block(kind, pos, pos + len(t), PRODUCED_BY))
        chunks.append(t)
        pos += len(t)
    return "".join(chunks), tuple(blocks)


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _toks(text: str) -> tuple[str, ...]:
    return tuple(t.lower() for t in _TOKEN.findall(text))


def _authors(value: Any) -> list[str]:
    if not value:
        return []
    return [a.strip() for a in str(value).split(";") if a.strip()]


# -- the page as one token stream ---------------------------------------------


class _Stream:
    """The visible text of a page as lower-cased tokens, each with the document
    position (index in ``tree.iter()``) of the element it comes from."""

    def __init__(self, tree: Any) -> None:
        self.tokens: list[str] = []
        self.pos: list[int] = []
        self.elements: list[Any] = list(tree.iter())
        order = {el: i for i, el in enumerate(self.elements)}
        self._order = order
        # (position, element, class/id/itemprop words) of elements that have any,
        # so that the searches by class below need not visit every element
        self.classed: list[tuple[int, Any, str]] = []
        for i, el in enumerate(self.elements):
            if isinstance(el.tag, str) and el.tag not in _SKIP_TAGS:
                cls = _classes(el)
                if cls or el.tag == "figcaption" or el.get("rel"):
                    self.classed.append((i, el, cls))
        # text in reading order: an element's text at its start, its tail at its end
        walker = etree.iterwalk(tree, events=("start", "end"))
        for event, el in walker:
            if event == "start":
                if not isinstance(el.tag, str) or el.tag in _SKIP_TAGS:
                    walker.skip_subtree()
                elif el.text:
                    self._add(el.text, order[el])
            elif el.tail and (parent := el.getparent()) is not None:
                self._add(el.tail, order[parent])
        self._index: dict[tuple[str, ...], list[int]] = {}
        self._first: dict[str, list[int]] = {}
        tokens = self.tokens
        for i, t in enumerate(tokens):
            self._first.setdefault(t, []).append(i)
            if i + 4 <= len(tokens):
                self._index.setdefault(tuple(tokens[i : i + 4]), []).append(i)

    def _add(self, text: str, pos: int) -> None:
        toks = _TOKEN.findall(text.lower())
        self.tokens += toks
        self.pos += [pos] * len(toks)

    def order(self, el: Any) -> int:
        return self._order.get(el, 0)

    def subtree_end(self, pos: int) -> int:
        """Position of the last element inside the element at ``pos``."""
        last = pos
        for d in self.elements[pos].iterdescendants():
            last = self._order.get(d, last)
        return last

    def find(self, toks: tuple[str, ...]) -> list[int]:
        """Token indices where ``toks`` (at least one token) starts in the page."""
        if not toks:
            return []
        if len(toks) >= 4:
            cands = self._index.get(toks[:4], [])
        else:
            cands = self._first.get(toks[0], [])
        n = len(toks)
        return [i for i in cands if tuple(self.tokens[i : i + n]) == toks]

    def find_before(self, text: str, limit: int) -> int | None:
        """Document position of the last occurrence of ``text`` before position ``limit``."""
        best = None
        for i in self.find(_toks(text)):
            if self.pos[i] < limit:
                best = self.pos[i]
        return best


def _positions(paragraphs: list[str], stream: _Stream) -> list[int | None]:
    """Document position of each body paragraph (its first match after the
    previous one), or None when its opening words are not found in the page."""
    out: list[int | None] = []
    cursor = 0
    for para in paragraphs:
        toks = _toks(para)[:8]
        hits = stream.find(toks) if len(toks) >= 2 else []
        after = [h for h in hits if h >= cursor]
        pick = after[0] if after else (hits[0] if hits else None)
        if pick is None:
            out.append(None)
        else:
            out.append(stream.pos[pick])
            cursor = max(cursor, pick)
    return out


# -- captions and credits -------------------------------------------------------


def _classes(el: Any) -> str:
    return " ".join(v for v in (el.get("class"), el.get("id"), el.get("itemprop")) if v)


def _element_text(el: Any) -> str:
    """Text of an element, with a space between non-inline children (so that
    "<span>caption.</span><span>Credit X</span>" does not run together)."""
    parts: list[str] = []

    def walk(e: Any) -> None:
        tag = e.tag if isinstance(e.tag, str) else ""
        if not tag or tag in _SKIP_TAGS:
            return
        sep = "" if tag in _INLINE_TAGS else " "
        parts.append(sep)
        if e.text and not _hidden(e):
            parts.append(e.text)
        for child in e:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        parts.append(sep)

    walk(el)
    return _norm("".join(parts))


_SCREEN_READER_ONLY = re.compile(r"visually-?hidden|sr-only|screen-?reader|off-?screen", re.I)


def _hidden(el: Any) -> bool:
    """Screen-reader-only labels ("Image caption").  (aria-hidden text is
    shown on screen: NYT hides captions from screen readers, not from eyes.)"""
    return bool(_SCREEN_READER_ONLY.search(el.get("class") or ""))


def _in_chrome(el: Any, depth: int = 12) -> bool:
    cur = el
    for _ in range(depth):
        cur = cur.getparent()
        if cur is None:
            return False
        if cur.tag in _CHROME_TAGS or (cur.tag == "aside" and "related" in _classes(cur).lower()):
            return True
    return False


def _near_media(el: Any, levels: int = 4) -> bool:
    """True when the element is inside a <figure>, or an ancestor within
    ``levels`` steps holds an image, picture or video (lazy images count)."""
    cur = el
    for _ in range(levels + 1):
        if cur is None:
            return False
        if cur.tag == "figure":
            return True
        for m in cur.iter(*_MEDIA_TAGS):
            if m is not el:
                return True
        cur = cur.getparent()
    return False


# A first cut: elements whose attributes mention a caption or credit at all.
_MAYBE = re.compile(r"caption|credit|copyright|photographer|courtesy", re.I)


def _candidates(stream: _Stream) -> Iterator[Any]:
    """Elements that may be captions or credits, in document order."""
    for _, el, cls in stream.classed:
        if el.tag == "figcaption" or _MAYBE.search(cls):
            yield el


def _marker(el: Any) -> str | None:
    """"caption", "credit" or None, from the element's tag and class words.

    A class word counts when it says caption/credit and is not a control or
    copy ("more-caption", "caption-truncated"); <figcaption> counts unless it
    carries a widget class.  Any widget class word ("related", "promo" ...)
    rules the element out.
    """
    cls = _classes(el)
    if not cls:
        return "caption" if el.tag == "figcaption" else None
    words = cls.split()
    if any(_WIDGET_CLASS.search(w) for w in words):
        return None
    good = [w for w in words if not _NOT_CAPTION_WORD.search(w)]
    if any(_CREDIT_CLASS.search(w) for w in good):
        return "credit"
    if el.tag == "figcaption" or any(_CAPTION_CLASS.search(w) for w in good):
        return "caption"
    return None


def _not_content(el: Any) -> bool:
    """A caption-ish element that is a control, copy or widget (left out of caption text)."""
    if el.tag == "button":
        return True
    words = _classes(el).split()
    return any(_WIDGET_CLASS.search(w) for w in words) or any(
        (_CAPTION_CLASS.search(w) or _CREDIT_CLASS.search(w)) and _NOT_CAPTION_WORD.search(w) for w in words
    )


def _figure_items(stream: _Stream) -> tuple[list[_Item], list[Any]]:
    """Captions and credits the page marks, in reading order, each text once,
    and the outermost marked elements that hold them.

    Inside an outermost marked element, each innermost marked element is one
    caption or credit (a <figcaption> holding ``caption__text`` and
    ``caption__credit`` spans yields those two), and the text between them is
    one more.  A caption carrying a credit in its text ("... (AP Photo/X)")
    is split in two when one of the credit patterns matches.
    """
    kinds: dict[Any, str] = {}
    for el in _candidates(stream):
        if not isinstance(el.tag, str) or el.tag in _SKIP_TAGS or el.tag in _CHROME_TAGS:
            continue
        kind = _marker(el)
        if kind and not _in_chrome(el) and _near_media(el):
            kinds[el] = kind
    roots = [el for el in kinds if not any(a in kinds for a in el.iterancestors())]
    items: list[_Item] = []
    holders: list[Any] = []
    captions_seen: set[tuple[str, ...]] = set()
    credits_seen: set[tuple[str, ...]] = set()
    for root in roots:
        if len(_element_text(root)) > _MAX_CAPTION_CHARS:
            continue  # a block of text that happens to carry a caption class
        segments = [
            (kind, text, el)
            for kind, text, el in _segments(root, kinds)
            if kind == "caption" or (len(text) <= 150 and not _FOOTER.search(text))  # page footers are no credits
        ]
        if not segments:
            continue
        holders.append(root)
        for kind, text, el in segments:
            for k, t in _split(kind, text):
                key = _toks(t)
                if not key or _NOT_CAPTION_TEXT.match(t) or set(key) <= _LABEL_WORDS:
                    continue
                # The same caption twice is one caption (full and truncated
                # copies, galleries); the same credit again is kept once per
                # new caption.
                if k == "caption":
                    if key in captions_seen:
                        continue
                    captions_seen.add(key)
                    credits_seen.clear()
                else:
                    if key in credits_seen:
                        continue
                    credits_seen.add(key)
                items.append(_Item(k, t, stream.order(el)))
    return items, holders


def _segments(root: Any, kinds: dict[Any, str]) -> list[tuple[str, str, Any]]:
    """(kind, text, element) of the innermost marked elements under ``root``,
    and of the unmarked text between them (as "caption"), in reading order.
    Headings, links lists and controls inside ``root`` are left out."""
    if not any(d in kinds for d in root.iterdescendants()):
        return [(kinds[root], _element_text(root), root)]
    segs: list[tuple[str, list[str], Any]] = []

    def rest(text: str, el: Any) -> None:
        if segs and segs[-1][0] == "rest":
            segs[-1][1].append(text)
        else:
            segs.append(("rest", [text], el))

    def walk(e: Any) -> None:
        tag = e.tag if isinstance(e.tag, str) else ""
        if e is not root and (not tag or tag in _SKIP_TAGS or tag in _NOT_CAPTION_TAGS or _not_content(e)):
            return
        if e is not root and e in kinds and not any(d in kinds for d in e.iterdescendants()):
            segs.append((kinds[e], [_element_text(e)], e))
            return
        sep = "" if tag in _INLINE_TAGS else " "
        rest(sep, e)
        if e.text and not _hidden(e):
            rest(e.text, e)
        for child in e:
            walk(child)
            if child.tail:
                rest(child.tail, e)
        rest(sep, e)

    walk(root)
    out: list[tuple[str, str, Any]] = []
    for kind, parts, el in segs:
        text = _norm("".join(parts))
        if text:
            out.append(("caption" if kind == "rest" else kind, text, el))
    return out


def _split(kind: str, text: str) -> list[tuple[str, str]]:
    """A marked caption's or credit's text -> [(kind, text), ...]: the caption
    and the credit it carries, or the credit alone when that is all it is."""
    text = _LABEL.sub("", _COUNTER.sub("", text)).strip()
    if not text:
        return []
    if _WHOLE_CREDIT.match(text):
        return [("credit", text)]
    m = _CREDIT_START.match(text)
    if m:
        rest = _LABEL.sub("", text[m.end() :]).strip()
        credit = m.group(0).strip()
        return [("credit", credit), ("caption", rest)] if _TOKEN.search(rest) else [("credit", credit)]
    m = _CREDIT_END.search(text)
    if m:
        cap = text[: m.start()].strip()
        credit = m.group(0).strip()
        if not _TOKEN.search(cap):
            return [("credit", credit)]
        if kind == "caption" or len(_toks(cap)) >= 5:
            return [("caption", cap), ("credit", credit)]
    if kind == "credit":
        # a "credit" element that holds a caption and its credit in brackets
        m = _BRACKETED_END.search(text)
        if m and len(_toks(text[: m.start()])) >= 5:
            return [("caption", text[: m.start()].strip()), ("credit", m.group(0).strip())]
    return [(kind, text)]


def _contains(hay: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    n = len(needle)
    return n > 0 and any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))


# -- dek and byline ---------------------------------------------------------------


def _find_h1(tree: Any, stream: _Stream, title: str, first: int | None) -> Any:
    """The <h1> before the body that shows the headline: most of its words are
    in trafilatura's title (which may carry the site name, or be og:title)."""
    title_toks = set(_toks(title))
    best = None
    for el in tree.iter("h1"):
        if first is not None and stream.order(el) > first:
            break
        toks = _toks(_element_text(el))
        if len(toks) < 3 or len(toks) > 60:
            continue
        if not title_toks or sum(t in title_toks for t in toks) / len(toks) >= 0.5:
            best = el
    return best


# Class words of a standfirst (dek) element.
_DEK_CLASS = re.compile(r"dek|standfirst|sub-?title|subhead|summary|description|excerpt|intro|teaser-text|strapline", re.I)


def _find_dek(description: str, stream: _Stream, paragraphs: list[str], end: int | None) -> str | None:
    """The page's description (meta/og description), when the page shows it as
    a standfirst: in an element with a dek-like class before ``end``, or
    anywhere visible but not in the body.  A description that is an excerpt
    of the body (the lede, most often) is no dek."""
    desc = _norm(description).rstrip(".… ").strip() if description else ""
    toks = _toks(desc)
    if len(toks) < 4:
        return None
    for pos, el, cls in stream.classed:
        if end is not None and pos > end:
            break
        if _DEK_CLASS.search(cls):
            text = _element_text(el)
            if _toks(text.rstrip(".… ")) == toks:
                return text
    probe = toks[: max(4, len(toks) - 2)]  # descriptions are often cut short
    if _contains(tuple(t for para in paragraphs for t in _toks(para)), probe):
        return None  # an excerpt of the body, not a standfirst
    if not stream.find(toks):
        return None
    return _norm(description)


_BYLINE_CLASS = re.compile(r"byline|author", re.I)
# Author boxes that are links to an archive, not the byline.
_NOT_BYLINE = re.compile(r"\b(?:recent|stories|articles|posts|more from|view all|see all|contact)\b", re.I)


def _find_byline(authors: list[str], stream: _Stream, end: int | None) -> str | None:
    """The visible byline before document position ``end`` that names the first author: "By Meg James" ..."""
    if not authors:
        return None
    name = authors[0].lower()
    best: str | None = None
    for pos, el, cls in stream.classed:
        if end is not None and pos > end:
            break
        if not (_BYLINE_CLASS.search(cls) or el.get("rel") == "author"):
            continue
        text = _element_text(el)
        if not 2 <= len(text) <= 120 or name not in text.lower() or _NOT_BYLINE.search(text):
            continue
        if text.lower().startswith("by "):
            return text
        # the longest short one: "Tom Krisher, AP Auto Writer" rather than
        # "Tom Krisher", but not a whole author box with share buttons
        if len(text) <= 80 and (best is None or len(text) > len(best)):
            best = text
    return best


# -- removing block text from the body --------------------------------------------


def _remove_duplicates(paragraphs: list[str], own: list[tuple[str, ...]]) -> list[str]:
    """Body paragraphs less those that repeat, token for token, a text with a
    block of its own (the headline or byline trafilatura kept in the body)."""
    own_set = {o for o in own if o}
    return [p for p in paragraphs if _toks(p) not in own_set]
