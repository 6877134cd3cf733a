"""Anatomy of an article: typed blocks (headline, dek, byline, caption, credit, body, bio ...).

``anatomy(article, settings)`` splits the article text into exact,
non-overlapping ``Block``s.  It is written for text copied from a news page,
where everything runs together one element per line: a topic tag, the
headline, the dek, the byline ("Jasmine Baehr By Jasmine Baehr Fox News",
"Published ..."), video and image titles, captions ending in a credit
("... flag. (Credit: Reuters)"), body paragraphs, "Advertisement" lines and
the author's bio.  It uses only the shape of the text, no parse:

- credit patterns ("(Credit: X)", "(Reuters)", "Name/Getty Images",
  "Photo: X", "(AP Photo/X)") make captions and credit blocks; a caption's
  trailing credit is its own ``credit`` block;
- position: a tag, headline and dek come before the byline; date lines
  follow it; bios, contribution lines and boilerplate close the article;
- length and sentence shape: headlines and media titles are short lines
  with no final period; captions are short present-tense descriptions
  ("... is seen weeping ...", "..., left, ...") next to a credit;
- repeated text: a line repeating the headline later on is a media title;
- a dateline or wire tag opening the first paragraph ("SEOUL (Reuters) -")
  is a ``dateline`` block before the body block.

Articles whose blocks came from HTML ingest keep them; their body blocks are
refined (dateline split off, bylines, captions, credits, bios and
boilerplate marked).  Blocks given any other way are kept as they are.

``article.authors`` and ``article.outlet`` are filled from the byline only
when the metadata lacks them.  An outlet label that names no news outlet (a
columnist, a corpus category such as AllSides's "Guest Writer - Right") gives
way to the news outlet of the article's URL, the label kept in
``article.outlet_label``.  Names are matched against the outlet registry
(``reportedly.registry``) to tell an outlet ("Fox News") from a person and a
news agency ("AP", "Reuters") from the publisher.

Limits: English only; one article per text; a headline is found without
metadata only when it is the first headline-like line near the top (a short
first paragraph can pass for one); captions with no credit nearby and no
caption wording stay body; subheadings stay body.

How it runs (``anatomy``): the text is cut into lines (blocks from HTML ingest
stand for lines), then ``classify_lines`` types them in this order:

1. lines that say what they are: captions glued to their credits, contribution
   lines, tag lists, boilerplate, credit lines, captions with a trailing credit;
2. the header: tag, headline, dek, byline and date lines; then the bios that
   close the article;
3. captions next to credits and media titles before captions, video players,
   repeated captions, unknown credits after caption-shaped lines;
4. lines repeating the headline further down (media titles);

and every line left is body.  The typed lines become blocks, a dateline is
split off one of the first body blocks, and authors, outlet and date are read
from the byline.

Modules, each importing only those listed before it:

- ``patterns``: regular expressions and word lists;
- ``shape``: what one line looks like (boilerplate, date line, headline, prose);
- ``lines``: the paragraphs and lines of the text;
- ``names``: outlet, news agency or person (the registry, cached);
- ``credits``: picture credits and the captions beside them;
- ``bylines``: the names in a byline;
- ``classify``: the kind of every line;
- ``inline``: page furniture inside a paragraph (read by the parse, not a block);
- this module: blocks, the dateline, and the metadata read from the byline.
"""

from __future__ import annotations

import dataclasses
import re

from ..model import Article, Block
from ..registry import Registry, load_registry
from ..settings import Settings
from .bylines import byline_names
from .classify import classify_lines
from .inline import blank, inline_furniture
from .lines import Line, paragraphs, split_lines, trim
from .patterns import DATELINE, MONTH

__all__ = ["PRODUCED_BY", "anatomy", "blank", "inline_furniture", "paragraphs"]

PRODUCED_BY = "anatomy.rules/1"


def _spans(lines: list[Line]) -> list[tuple[str, int, int]]:
    """Typed spans of the lines, split lines giving their pieces."""
    out: list[tuple[str, int, int]] = []
    for ln in lines:
        out.extend(ln.pieces or ((ln.kind or "body", ln.start, ln.end),))
    return out


def _split_dateline(text: str, blocks: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Split a dateline or wire tag off the first body block that opens with one (of the first three)."""
    seen = 0
    for k, (kind, s, e) in enumerate(blocks):
        if kind != "body":
            continue
        seen += 1
        if seen > 3:
            return blocks
        m = DATELINE.match(text[s:e])
        if m is None:
            continue
        ds, de = trim(text, s, s + m.end())
        bs, be = trim(text, s + m.end(), e)
        if be <= bs:
            return blocks
        return [*blocks[:k], ("dateline", ds, de), ("body", bs, be), *blocks[k + 1 :]]
    return blocks


def _from_html(article: Article) -> bool:
    return article.format == "html" or (bool(article.blocks) and all(
        b.produced_by.startswith("ingest.html") for b in article.blocks
    ))


def anatomy(article: Article, settings: Settings | None = None) -> Article:
    """The article with typed blocks, and authors/outlet from the byline when the metadata lacks them.

    Plain text is split into lines and each line typed; blocks from HTML
    ingest are kept and their body blocks refined.  Blocks given any other
    way are returned unchanged.  Every block is an exact, trimmed,
    non-overlapping span of ``article.text``, in text order.
    """
    settings = settings or Settings()
    reg = load_registry(tuple(settings.registry))
    article = _news_site(article, reg)
    text = article.text
    if article.blocks and not _from_html(article):
        return article
    if article.blocks:
        # Ingest typed the headline; its body blocks (one paragraph each) are typed again here.
        lines = [
            Line(b.start, b.end, text[b.start : b.end], n, None if b.kind == "body" else b.kind,
                  fixed=b.kind != "body")
            for n, b in enumerate(sorted(article.blocks, key=lambda b: b.start))
            if b.end > b.start
        ]
        has_headline = any(b.kind == "headline" for b in article.blocks)
    else:
        lines = split_lines(text)
        has_headline = False
    classify_lines(lines, article.title, reg, has_headline)
    spans = _split_dateline(text, _spans(lines))
    old = {(b.start, b.end): b for b in article.blocks}
    blocks: list[Block] = []
    for kind, s, e in spans:
        prior = old.get((s, e))
        if prior is not None and prior.kind == kind:
            blocks.append(prior)
        else:
            blocks.append(Block(kind, s, e, PRODUCED_BY))
    byline_texts = [text[b.start : b.end] for b in blocks if b.kind == "byline"]
    authors, outlet = byline_names(byline_texts, reg)
    changes: dict[str, object] = {"blocks": tuple(blocks)}
    if not article.authors and authors:
        changes["authors"] = tuple(authors)
    if article.outlet is None and outlet is not None:
        changes["outlet"] = outlet
    if article.published is None:
        published = _byline_date(byline_texts)
        if published is not None:
            changes["published"] = published
    return dataclasses.replace(article, **changes)  # type: ignore[arg-type]


def _news_site(article: Article, reg: Registry) -> Article:
    """The article with its URL's news outlet as its outlet when its label names none."""
    if article.outlet is None or article.outlet_label is not None:
        return article
    site = reg.site_of(article.outlet, article.url)
    if site is None:
        return article
    return dataclasses.replace(article, outlet=site.name, outlet_label=article.outlet)


_FULL_DATE = re.compile(
    rf"\b(?P<month>{MONTH}) (?P<day>\d{{1,2}}),? (?P<year>(?:19|20)\d\d)\b"
    r"|\b(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _byline_date(byline_texts: list[str]) -> str | None:
    """The first complete date (month, day and year) in the byline or date lines, as ISO.

    Only a full date counts: "Published" alone or "June 30" leaves the date unknown.
    """
    import datetime as dt

    for t in byline_texts:
        for m in _FULL_DATE.finditer(t):
            try:
                if m.group("iso"):
                    return dt.date.fromisoformat(m.group("iso")).isoformat()
                month = _MONTHS.index(m.group("month")[:3].lower()) + 1
                return dt.date(int(m.group("year")), month, int(m.group("day"))).isoformat()
            except ValueError:
                continue
    return None
