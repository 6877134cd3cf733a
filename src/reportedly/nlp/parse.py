"""The parsed view of an article: ``Parsed``, its ``Segment`` s, and ``parse_many`` / ``pipe`` to make them.

``parse`` turns an article into a ``Parsed``: one spaCy ``Doc`` per block that
needs language analysis (headline, dek, body, caption, bio, media title),
each with the offset of its first character in ``Article.text``.  Finders
work on ``Parsed`` and report offsets into ``Article.text`` with ``Parsed.abs``;
they read a segment's tokens through ``Segment.view`` (``tokens.DocView``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..model import Article, Block
from .fast_rules import FastRules
from .gemm import one_blas_thread
from .tokens import DocView, view_of

# Blocks whose language is analysed.  Bylines, credits and tags are not prose.
PARSED_KINDS = frozenset({"headline", "dek", "body", "caption", "bio", "media_title", "dateline"})


@dataclass(frozen=True)
class Segment:
    """A parsed block: ``doc`` covers ``Article.text[start:start + len(doc.text)]``."""

    block: Block
    start: int
    doc: Doc

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

    def segment_at(self, offset: int) -> Segment | None:
        for seg in self.segments:
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
    with one_blas_thread():
        if fast is None:
            yield from nlp.pipe(texts, batch_size=batch_size)
            return
        for doc in nlp.pipe(texts, batch_size=batch_size, disable=["attribute_ruler", "lemmatizer"]):
            yield fast(doc)


def parse_many(
    articles: Sequence[Article], nlp: Language, batch_size: int = 256, fast_rules: bool = True
) -> list[Parsed]:
    """Parse several articles with one ``nlp.pipe`` stream (faster than one call each)."""
    plan: list[tuple[int, Block]] = []
    for i, a in enumerate(articles):
        for b in segments_to_parse(a):
            plan.append((i, b))
    texts = (articles[i].text[b.start : b.end] for i, b in plan)
    per_article: list[list[Segment]] = [[] for _ in articles]
    docs = pipe(texts, nlp, batch_size=batch_size, fast_rules=fast_rules)
    for (i, b), doc in zip(plan, docs, strict=True):
        per_article[i].append(Segment(b, b.start, doc))
    return [Parsed(a, tuple(segs)) for a, segs in zip(articles, per_article, strict=True)]


def parse(article: Article, nlp: Language) -> Parsed:
    return parse_many([article], nlp)[0]


def parsed_from_docs(article: Article, docs: Iterable[tuple[Block, Doc]]) -> Parsed:
    """Build a ``Parsed`` from hand-made docs (tests build docs with a blank vocab)."""
    return Parsed(article, tuple(Segment(b, b.start, d) for b, d in docs))
