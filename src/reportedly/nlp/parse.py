"""The parsed view of an article: ``Parsed``, its ``Segment`` s, and ``parse_many`` / ``pipe`` to make them.

``parse`` turns an article into a ``Parsed``: one spaCy ``Doc`` per block that
needs language analysis (headline, dek, body, caption, bio, media title),
each with the offset of its first character in ``Article.text``; page furniture
inside a block (``anatomy.inline_furniture``) is parsed as spaces
(``Segment.masked``, ``Parsed.read_text``).  Finders
work on ``Parsed`` and report offsets into ``Article.text`` with ``Parsed.abs``;
they read a segment's tokens through ``Segment.view`` (``tokens.DocView``).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar, cast

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..anatomy import blank, inline_furniture
from ..model import Article, Block
from .fast_rules import FastRules
from .gemm import one_blas_thread
from .tokens import DocView, view_of

T = TypeVar("T")

# Blocks whose language is analysed.  Bylines, credits and tags are not prose.
PARSED_KINDS = frozenset({"headline", "dek", "body", "caption", "bio", "media_title", "dateline"})


@dataclass(frozen=True)
class Segment:
    """A parsed block: ``doc`` covers ``Article.text[start:start + len(doc.text)]``."""

    block: Block
    start: int
    doc: Doc
    masked: tuple[tuple[int, int], ...] = ()
    """Spans of ``Article.text`` in the block that the parse read as spaces: page furniture inside a paragraph
    (``anatomy.inline_furniture``), so ``doc.text`` differs from the article's text there and only there."""

    @property
    def end(self) -> int:
        """Offset in ``Article.text`` just past the doc (``start + len(doc.text)``, without building
        ``doc.text``, which joins every token anew on each access)."""
        doc = self.doc
        if not len(doc):
            return self.start
        last = doc[-1]
        return self.start + last.idx + len(last.text_with_ws)

    @functools.cached_property
    def view(self) -> DocView:
        """The doc's tokens as plain Python objects (``tokens.DocView``), read once per doc; the same
        object as ``tokens.view_of(self.doc)``."""
        return view_of(self.doc)


@dataclass(frozen=True)
class Parsed:
    """An article with its parsed segments, in text order."""

    article: Article
    segments: tuple[Segment, ...]

    @property
    def text(self) -> str:
        return self.article.text

    @functools.cached_property
    def masked(self) -> tuple[tuple[int, int], ...]:
        """The segments' ``masked`` spans, in text order."""
        return tuple(m for seg in self.segments for m in seg.masked)

    @functools.cached_property
    def memo(self) -> dict[object, object]:
        """Look-ups a finder builds once per article and reads per attribution (each finder keys its own), gone
        with the parse: per-article indexes keep the finders' cost about linear in the article."""
        return {}

    def memoised(self, key: object, build: Callable[[], T]) -> T:
        """``memo[key]``, made by ``build()`` on first use (``tokens.memoised`` does the same for a doc)."""
        memo = self.memo
        if key not in memo:
            memo[key] = build()
        return cast(T, memo[key])

    @functools.cached_property
    def read_text(self) -> str:
        """``text`` as the parse read it: the ``masked`` spans (page furniture inside a paragraph) as spaces,
        every offset the same.  For finders that scan the text itself (quote marks, names, the tagger)."""
        return blank(self.text, list(self.masked))

    def sentences(self) -> Iterator[tuple[Segment, Span]]:
        """Every sentence of every segment, in text order."""
        for seg in self.segments:
            for sent in seg.doc.sents:
                yield seg, sent

    @staticmethod
    def abs(seg: Segment, obj: Token | Span) -> tuple[int, int]:
        """Character span of a token or spaCy span in ``Article.text``."""
        if isinstance(obj, Token):
            return seg.start + obj.idx, seg.start + obj.idx + len(obj.text)
        return seg.start + obj.start_char, seg.start + obj.end_char

    @functools.cached_property
    def starts(self) -> tuple[int, ...]:
        """Each segment's start, in text order (``segment_index`` bisects them)."""
        return tuple(seg.start for seg in self.segments)

    def segment_index(self, offset: int) -> int:
        """Index of the last segment starting at or before ``offset`` (-1 when none does)."""
        return bisect.bisect_right(self.starts, offset) - 1

    def segment_at(self, offset: int) -> Segment | None:
        """The segment holding ``offset`` (found by bisection: segments do not overlap)."""
        k = self.segment_index(offset)
        for seg in self.segments[max(0, k - 1) : k + 1][::-1]:  # (an empty segment may share the next one's start)
            if seg.start <= offset < seg.end:
                return seg
        return None


def segments_to_parse(article: Article) -> list[Block]:
    """The blocks that get a spaCy parse (all text when there are no blocks)."""
    if not article.blocks:
        return [Block("body", 0, len(article.text))]
    return [b for b in article.blocks if b.kind in PARSED_KINDS and b.end > b.start]


_fast: dict[int, FastRules | None] = {}


def _fast_rules(nlp: Language) -> FastRules | None:
    key = id(nlp)
    if key not in _fast:
        _fast[key] = FastRules(nlp) if FastRules.supports(nlp) else None
    return _fast[key]


def pipe(texts: Iterable[str], nlp: Language, batch_size: int = 256, fast_rules: bool = True) -> Iterator[Doc]:
    """``nlp.pipe`` with the same annotations, but the attribute ruler and the
    lemmatizer replaced by ``fast_rules.FastRules`` when the pipeline allows it."""
    fast = _fast_rules(nlp) if fast_rules else None
    inputs = (_presplit(nlp, t) for t in texts)
    with one_blas_thread():
        if fast is None:
            yield from nlp.pipe(inputs, batch_size=batch_size)
            return
        for doc in nlp.pipe(inputs, batch_size=batch_size, disable=["attribute_ruler", "lemmatizer"]):
            yield fast(doc)


JOINED = re.compile(r"(?<=[.!?])[ \t\u3000]+,[ \t\u3000]+(?=\S)")
"""A sentence's stop, a space, a comma and the next sentence: paragraphs a feed joined into one line (KCNA's "... in
his recent interview with Prensa Latina. ,  Ecuador aims ...", in 2,200 places of 20,305 stories).  The space before
the comma tells it from "the U.S., Japan and ..."."""


GLUED = re.compile(r"(?<![.\w])([A-Za-z]{2,})\.,[ \t\u3000]+(?=[A-Z\"“])")
"""The same join with no space before the comma ("... on Tuesday., Ten men's teams ...", "the DPRK., Chairman ..."):
a word and its stop, not an abbreviation's (``ABBREVIATIONS``): 1,581 places in KCNA's stories, 4 in AllSides'
5,000 articles (two of them typos, "Tampa., Fla.")."""
QUOTE_GLUED = re.compile(r"(?<=\w)[\"”’)\]]\.,[ \t\u3000]+(?=[A-Z\"“])")
"""The same join after a closing quote mark ('... crying out for "its dismantlement of nukes"., Rodong Sinmun Monday
observes ...'): 136 places in KCNA, none in AllSides."""
ABBREVIATIONS = frozenset(
    "co ltd inc corp jr sr bros etc st mt ft no nos vol dept gov gen sen rep reps mr mrs ms dr prof lt col sgt capt "
    "cmdr adm ave blvd rd esq vs mass calif fla wash tenn penn ariz conn ill ind minn nev okla ore wis ky la md mich "
    "miss mo neb colo del ga kan vt va ala ark wyo pa tex mont jan feb mar apr aug sept sep oct nov dec mon tue tues "
    "wed thu thur thurs fri sat sun".split()
)


def _joins(text: str) -> list[tuple[int, int]]:
    """(start, end) of each stop-comma join of ``text`` (``JOINED``, ``GLUED``, ``QUOTE_GLUED``): the comma and spaces
    after the stop."""
    out = [(m.start(), m.end()) for m in JOINED.finditer(text)]
    out += [(m.end(1) + 1, m.end()) for m in GLUED.finditer(text) if m.group(1).lower() not in ABBREVIATIONS]
    out += [(m.start() + 2, m.end()) for m in QUOTE_GLUED.finditer(text)]
    return sorted(out)


def _presplit(nlp: Language, text: str) -> str | Doc:
    """``text``, or its tokens with a sentence starting after each join (``_joins``: the parser keeps preset sentence
    starts; spaCy alone often read "..., Ecuador aims ..." as the same sentence going on)."""
    if "," not in text:
        return text
    joins = _joins(text)
    if not joins:
        return text
    doc = nlp.make_doc(text)
    starts = [s for s, _ in joins]
    ends = {e for _, e in joins}
    for tok in doc:
        k = bisect.bisect_right(starts, tok.idx) - 1  # the last join starting at or before the token
        if tok.idx in ends:
            tok.is_sent_start = True
        elif k >= 0 and tok.idx < joins[k][1] and tok.i:
            tok.is_sent_start = False  # the comma and spaces close the sentence before
    return doc


MAX_PIECE_CHARS = 50_000
"""A block longer than this is parsed as several docs of at most this many characters, one at a time,
joined into one doc.  spaCy's memory grows with the text of a batch (2.3 GB for a 900 kB paragraph);
the longest parsed block of 338 real articles has 11,083 characters, so real blocks parse whole."""


def pieces(text: str, limit: int = MAX_PIECE_CHARS) -> list[tuple[int, int]]:
    """``text`` cut into consecutive spans of at most ``limit`` characters that cover it exactly.

    Each cut falls just after a line break, else just after whitespace that follows ``.``, ``!``
    or ``?``, else just after any whitespace (so no token straddles a cut), searched in the last
    half of the window; text with no whitespace there is cut at the limit.
    """
    out: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > limit:
        lo, hi = start + limit // 2, start + limit
        cut = text.rfind("\n", lo, hi) + 1
        if not cut:
            cut = _last_end(_SENT_GAP, text, lo, hi) or _last_end(_GAP, text, lo, hi) or hi
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out


_SENT_GAP = re.compile(r"(?<=[.!?])\s")
_GAP = re.compile(r"\s")


def _last_end(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> int:
    """The end of the last match of ``pattern`` in ``text[lo:hi]`` (0 when none)."""
    end = 0
    for m in pattern.finditer(text, lo, hi):
        end = m.end()
    return end


MAX_RUN_CHARS = 5_000
"""A block with a stretch longer than this without a sentence end (``.!?…:;`` then a space, or a line
break) is parsed in pieces of at most this many characters, which caps the length of a sentence (the
finders' cost grows with it).  The longest such stretch in 338 real articles has 2,371 characters."""

_RUN_GAP = re.compile(r"[.!?…:;][\"”’')\]]*\s|\n")


def _long_run(text: str) -> bool:
    prev = 0
    for m in _RUN_GAP.finditer(text):
        if m.start() - prev > MAX_RUN_CHARS:
            return True
        prev = m.end()
    return len(text) - prev > MAX_RUN_CHARS


def _docs_of(texts: list[str], nlp: Language, batch_size: int, fast_rules: bool) -> list[Doc]:
    """One doc per text.  A text over ``MAX_PIECE_CHARS``, or with a run over ``MAX_RUN_CHARS``, is
    parsed in ``pieces``, one piece at a time (bounded memory), and the docs joined (same text)."""
    limits = {k: MAX_RUN_CHARS if _long_run(t) else MAX_PIECE_CHARS for k, t in enumerate(texts)}
    big = {k for k, t in enumerate(texts) if len(t) > limits[k]}
    small = iter(list(pipe((t for k, t in enumerate(texts) if k not in big), nlp, batch_size, fast_rules)))
    out: list[Doc] = []
    for k, t in enumerate(texts):
        if k not in big:
            out.append(next(small))
            continue
        spans = pieces(t, limits[k])
        parts = list(pipe((t[s:e] for s, e in spans), nlp, batch_size=1, fast_rules=fast_rules))
        out.append(parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False))
    return out


def parse_many(
    articles: Sequence[Article], nlp: Language, batch_size: int = 256, fast_rules: bool = True
) -> list[Parsed]:
    """Parse several articles with one ``nlp.pipe`` stream (faster than one call each)."""
    plan: list[tuple[int, Block]] = []
    for i, a in enumerate(articles):
        for b in segments_to_parse(a):
            plan.append((i, b))
    texts = [articles[i].text[b.start : b.end] for i, b in plan]
    masks = [inline_furniture(t) for t in texts]
    per_article: list[list[Segment]] = [[] for _ in articles]
    docs = _docs_of([blank(t, m) for t, m in zip(texts, masks, strict=True)], nlp, batch_size, fast_rules)
    for (i, b), doc, m in zip(plan, docs, masks, strict=True):
        per_article[i].append(Segment(b, b.start, doc, tuple((b.start + s, b.start + e) for s, e in m)))
    return [Parsed(a, tuple(segs)) for a, segs in zip(articles, per_article, strict=True)]


def parse(article: Article, nlp: Language) -> Parsed:
    return parse_many([article], nlp)[0]


def parsed_from_docs(article: Article, docs: Iterable[tuple[Block, Doc]]) -> Parsed:
    """Build a ``Parsed`` from hand-made docs (tests build docs with a blank vocab)."""
    return Parsed(article, tuple(Segment(b, b.start, d) for b, d in docs))
