"""Facts about a spaCy ``Doc`` that the finders compute once per doc instead of once per question.

The finders ask the same small questions many times per article ("is token k
edge punctuation?", "where does the dateline end?"), and each ``doc[k]``
builds a new spaCy ``Token`` object: on 144 news articles the attribution
finder alone built three million of them.  ``doc_memo(doc)`` is a dict that
lives exactly as long as the doc (a ``WeakKeyDictionary`` entry), for such
per-doc answers.  Values must not hold the doc or its tokens or spans, or
the doc would never be freed; plain strings, numbers and sets are fine.
Docs must not change after their first use here (ours do not: a parse is
final).
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from spacy.tokens import Doc

_MEMOS: WeakKeyDictionary[Doc, dict[Any, Any]] = WeakKeyDictionary()


def doc_memo(doc: Doc) -> dict[Any, Any]:
    """The memo dict of ``doc`` (created empty on first use, dropped with the doc)."""
    memo = _MEMOS.get(doc)
    if memo is None:
        memo = _MEMOS[doc] = {}
    return memo


def texts(doc: Doc) -> list[str]:
    """``[t.text for t in doc]``, built once per doc."""
    memo = doc_memo(doc)
    out: list[str] | None = memo.get("texts")
    if out is None:
        out = memo["texts"] = [t.text for t in doc]
    return out


def offsets(doc: Doc) -> list[int]:
    """``[t.idx for t in doc]`` (character offset of each token in the doc), built once per doc."""
    memo = doc_memo(doc)
    out: list[int] | None = memo.get("idx")
    if out is None:
        out = memo["idx"] = [t.idx for t in doc]
    return out


def lowers(doc: Doc) -> list[str]:
    """``[t.text.lower() for t in doc]``, built once per doc (slice it for a sentence:
    ``lowers(doc)[sent.start:sent.end]``)."""
    memo = doc_memo(doc)
    out: list[str] | None = memo.get("lower")
    if out is None:
        out = memo["lower"] = [w.lower() for w in texts(doc)]
    return out
