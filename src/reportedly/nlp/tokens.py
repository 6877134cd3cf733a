"""The one way finders read tokens: a pure-Python view of a parsed spaCy ``Doc``, built once per doc.

Every ``doc[k]``, ``t.head``, ``t.children`` or ``t.left_edge`` on a spaCy
doc builds a new ``Token`` object, and every ``t.dep_`` or ``t.lemma_``
looks its string up in the vocabulary; the attribution finder asks such
questions many times per article.  A ``DocView`` reads
the doc once (``Doc.to_array``) into ``Tok`` objects with the same
attribute names (``i``, ``text``, ``lower_``, ``lemma_``, ``pos_``,
``tag_``, ``dep_``, ``ent_type_``, ``idx``, ``is_punct``, ``head``,
``children``, ``left_edge``, ``right_edge``, ``sent``, ``subtree``), so
code written for spaCy tokens reads a view unchanged, at plain attribute
speed.

Differences from spaCy that callers rely on: ``doc[i:j]`` of a view is a
list of ``Tok`` (not a ``Span``); ``children`` is a tuple; ``sent`` is a
``Sent`` with ``start``, ``end``, ``start_char``, ``end_char`` and token
iteration.  Values are exactly spaCy's (``tests/test_nlp_tokens.py`` compares
every attribute on real parses).  A view holds no reference to its doc, so
it can live in the doc's ``user_data`` and die with it; it is read-only,
like the parse.

Where the view comes from: ``Segment.view`` (``parse``) for a finder that
holds a segment; ``view_of(doc)`` for code that holds only a spaCy doc, span
or token (``span.doc``); both give the same object, built on first use and
kept in the doc itself (no process-wide cache).  ``texts``, ``offsets`` and
``lowers`` are its word lists, and ``memoised(view, key, build)`` keeps other
per-doc answers in the view's ``memo`` ("is token k edge punctuation?",
"where does the dateline end?").  Values kept there must not hold the doc
or its spaCy tokens or spans, or the doc would never be freed; plain
strings, numbers, sets and ``Tok`` objects are fine.  Docs must not change
after their first use here (ours do not: a parse is final).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import Any, TypeVar, overload

import numpy
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_PUNCT, LEMMA, ORTH, POS, SENT_START, TAG
from spacy.tokens import Doc

_ATTRS = [LEMMA, POS, TAG, DEP, ENT_TYPE, HEAD, IDX, IS_PUNCT, SENT_START, ORTH]
_NAMES: dict[int, str] = {}
"""Strings of the hashes views have met (lemmas, tags, labels): a vocabulary's worth at most."""


class Tok:
    """One token of a ``DocView``; attributes as spaCy's ``Token`` (see the module docstring)."""

    __slots__ = (
        "children",
        "dep_",
        "doc",
        "ent_type_",
        "head",
        "i",
        "idx",
        "is_punct",
        "left_edge",
        "lemma_",
        "lower_",
        "pos_",
        "right_edge",
        "sent",
        "tag_",
        "text",
    )

    doc: DocView
    i: int
    text: str
    lower_: str
    lemma_: str
    pos_: str
    tag_: str
    dep_: str
    ent_type_: str
    idx: int
    is_punct: bool
    head: Tok
    children: tuple[Tok, ...]
    left_edge: Tok
    right_edge: Tok
    sent: Sent

    @property
    def subtree(self) -> list[Tok]:
        """The token and its descendants in spaCy's order: left children's subtrees, the token, right
        children's subtrees (text order when the tree is projective)."""
        out: list[Tok] = []
        stack: list[tuple[Tok, bool]] = [(self, False)]
        while stack:
            t, expanded = stack.pop()
            if expanded:
                out.append(t)
                continue
            # pushed in reverse: left children first, then the token, then right children
            for c in reversed(t.children):
                if c.i > t.i:
                    stack.append((c, False))
            stack.append((t, True))
            for c in reversed(t.children):
                if c.i < t.i:
                    stack.append((c, False))
        return out

    def __repr__(self) -> str:
        return self.text


class Sent:
    """A sentence of a ``DocView``: token range ``[start, end)`` and character range in the doc."""

    __slots__ = ("doc", "end", "end_char", "start", "start_char")

    def __init__(self, doc: DocView, start: int, end: int) -> None:
        self.doc = doc
        self.start = start
        self.end = end
        first, last = doc.tokens[start], doc.tokens[end - 1]
        self.start_char = first.idx
        self.end_char = last.idx + len(last.text)

    def __iter__(self) -> Iterator[Tok]:
        return iter(self.doc.tokens[self.start : self.end])

    def __len__(self) -> int:
        return self.end - self.start


class DocView:
    """The tokens of one parsed doc as ``Tok`` objects, with per-view memos (``memo``)."""

    __slots__ = ("idx", "lowers", "memo", "texts", "tokens")

    def __init__(self, doc: Doc) -> None:
        n = len(doc)
        toks = [Tok() for _ in range(n)]
        self.tokens = toks
        self.memo: dict[Any, Any] = {}
        if not n:
            self.texts: list[str] = []
            self.lowers: list[str] = []
            self.idx: list[int] = []
            return
        arr = doc.to_array(_ATTRS)
        lemma, pos, tag, dep, ent, _, idx, punct, sent_start, orth = arr.T.tolist()
        strings = doc.vocab.strings
        self.texts = texts = [strings[h] for h in orth]
        self.lowers = lowers = [w.lower() for w in texts]
        # HEAD is the head's offset from the token, stored unsigned
        heads: list[int] = (arr[:, 5].astype(numpy.int64) + numpy.arange(n)).tolist()
        names = _NAMES
        for col in (lemma, pos, tag, dep, ent):
            for h in set(col):
                if h not in names:
                    names[h] = strings[h] if h else ""
        kids: list[list[Tok]] = [[] for _ in range(n)]
        for t, i, txt, low, le, po, ta, de, en, h, ix, pu in zip(
            toks, range(n), texts, lowers, lemma, pos, tag, dep, ent, heads, idx, punct, strict=True
        ):
            t.doc = self
            t.i = i
            t.text = txt
            t.lower_ = low
            t.lemma_ = names[le]
            t.pos_ = names[po]
            t.tag_ = names[ta]
            t.dep_ = names[de]
            t.ent_type_ = names[en]
            t.idx = ix
            t.is_punct = pu == 1
            t.head = toks[h]
            if h != i:
                kids[h].append(t)
        for t, ch in zip(toks, kids, strict=True):
            t.children = tuple(ch)
        left, right = _edges(heads)
        for t, lo, hi in zip(toks, left, right, strict=True):
            t.left_edge = toks[lo]
            t.right_edge = toks[hi]
        self.idx = idx
        starts = [0] + [i for i in range(1, n) if sent_start[i] == 1] + [n]
        for a, b in itertools.pairwise(starts):
            s = Sent(self, a, b)
            for t in toks[a:b]:
                t.sent = s

    @overload
    def __getitem__(self, k: int) -> Tok: ...

    @overload
    def __getitem__(self, k: slice) -> list[Tok]: ...

    def __getitem__(self, k: int | slice) -> Tok | list[Tok]:
        return self.tokens[k]

    def __len__(self) -> int:
        return len(self.tokens)

    def __iter__(self) -> Iterator[Tok]:
        return iter(self.tokens)


def _edges(heads: list[int]) -> tuple[list[int], list[int]]:
    """Left and right edges of each token's subtree, computed as spaCy computes ``l_edge`` and
    ``r_edge`` (``set_children_from_heads`` in ``spacy/tokens/doc.pyx``: a forward and a backward
    pass, repeated until every head lies within its sentence, at most 11 times), so that
    non-projective parses get spaCy's values too."""
    n = len(heads)
    left = list(range(n))
    right = list(range(n))
    for _ in range(11):
        for i in range(n):
            h = heads[i]
            if left[i] < left[h]:
                left[h] = left[i]
            if right[i] > right[h]:
                right[h] = right[i]
        for i in range(n - 1, -1, -1):
            h = heads[i]
            if right[i] > right[h]:
                right[h] = right[i]
            if left[i] < left[h]:
                left[h] = left[i]
        if _heads_within_sents(heads, left):
            break
    return left, right


def _heads_within_sents(heads: list[int], left: list[int]) -> bool:
    """spaCy's stopping test: sentences start at the left edge of each root; every head in its sentence."""
    n = len(heads)
    starts = {left[i] for i in range(n) if heads[i] == i}
    cur = 0
    for i in range(n):
        if (i > 0 and i in starts) or i == n - 1:
            for j in range(cur, i):
                if heads[j] < cur or heads[j] >= i + 1:
                    return False
            cur = i
    return True


T = TypeVar("T")

_KEY = "reportedly.view"
"""The ``Doc.user_data`` key of a doc's view."""


def view_of(doc: Doc | DocView) -> DocView:
    """The ``DocView`` of ``doc``, built once per doc and kept in its ``user_data``; a view is its own view."""
    if isinstance(doc, DocView):
        return doc
    data = doc.user_data
    view: DocView | None = data.get(_KEY)
    if view is None:
        view = data[_KEY] = DocView(doc)
    return view


def memoised(doc: DocView, key: object, build: Callable[[], T]) -> T:
    """``doc.memo[key]``, made by ``build()`` on first use."""
    memo = doc.memo
    out: T | None = memo.get(key)
    if out is None:
        out = memo[key] = build()
    return out


def texts(doc: Doc | DocView) -> list[str]:
    """``[t.text for t in doc]``, built once per doc."""
    return view_of(doc).texts


def offsets(doc: Doc | DocView) -> list[int]:
    """``[t.idx for t in doc]`` (character offset of each token in the doc), built once per doc."""
    return view_of(doc).idx


def lowers(doc: Doc | DocView) -> list[str]:
    """``[t.text.lower() for t in doc]``, built once per doc (slice it for a sentence:
    ``lowers(doc)[sent.start:sent.end]``)."""
    return view_of(doc).lowers
