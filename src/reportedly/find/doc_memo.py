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

from collections.abc import Callable
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from spacy.tokens import Doc

T = TypeVar("T")

_MEMOS: WeakKeyDictionary[Doc, dict[Any, Any]] = WeakKeyDictionary()


def doc_memo(doc: Doc) -> dict[Any, Any]:
    """The memo dict of ``doc`` (created empty on first use, dropped with the doc)."""
    memo = _MEMOS.get(doc)
    if memo is None:
        memo = _MEMOS[doc] = {}
    return memo


def memoised(doc: Doc, key: object, build: Callable[[], T]) -> T:
    """``doc_memo(doc)[key]``, made by ``build()`` on first use."""
    memo = doc_memo(doc)
    out: T | None = memo.get(key)
    if out is None:
        out = memo[key] = build()
    return out


def texts(doc: Doc) -> list[str]:
    """``[t.text for t in doc]``, built once per doc."""
    return memoised(doc, "texts", lambda: [t.text for t in doc])


def offsets(doc: Doc) -> list[int]:
    """``[t.idx for t in doc]`` (character offset of each token in the doc), built once per doc."""
    return memoised(doc, "idx", lambda: [t.idx for t in doc])


def lowers(doc: Doc) -> list[str]:
    """``[t.text.lower() for t in doc]``, built once per doc (slice it for a sentence:
    ``lowers(doc)[sent.start:sent.end]``)."""
    return memoised(doc, "lower", lambda: [w.lower() for w in texts(doc)])
