"""Facts about a spaCy ``Doc`` that the finders compute once per doc instead of once per question.

The finders ask the same small questions many times per article ("is token k
edge punctuation?", "where does the dateline end?"), and each ``doc[k]``
builds a new spaCy ``Token`` object: on 144 news articles the attribution
finder alone built three million of them.  ``doc_memo(doc)`` is a dict that
lives exactly as long as the doc (a ``WeakKeyDictionary`` entry), for such
per-doc answers.  Values must not hold the doc or its tokens or spans, or
the doc would never be freed; plain strings, numbers and sets are fine.
Docs must not change after their first use here (ours do not: a parse is
final).  ``view_of(doc)`` is the doc's ``DocView`` (``doc_view``: every token
as a plain Python object, read once), kept in the memo; ``texts``,
``offsets`` and ``lowers`` come from it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar
from weakref import WeakKeyDictionary, ref

from spacy.tokens import Doc

from .doc_view import DocView

T = TypeVar("T")

_MEMOS: WeakKeyDictionary[Doc, dict[Any, Any]] = WeakKeyDictionary()


def doc_memo(doc: Doc | DocView) -> dict[Any, Any]:
    """The memo dict of ``doc`` (created empty on first use, dropped with the doc); a view's own memo."""
    if isinstance(doc, DocView):
        return doc.memo
    memo = _MEMOS.get(doc)
    if memo is None:
        memo = _MEMOS[doc] = {}
    return memo


def memoised(doc: Doc | DocView, key: object, build: Callable[[], T]) -> T:
    """``doc_memo(doc)[key]``, made by ``build()`` on first use."""
    memo = doc_memo(doc)
    out: T | None = memo.get(key)
    if out is None:
        out = memo[key] = build()
    return out


def view_of(doc: Doc | DocView) -> DocView:
    """The ``DocView`` of ``doc`` (``doc_view``), built once per doc; a view is its own view."""
    if isinstance(doc, DocView):
        return doc
    last = _LAST
    if last is not None and last[0]() is doc:
        return last[1]
    view = memoised(doc, "view", lambda: DocView(doc))
    _set_last((ref(doc), view))
    return view


_LAST: tuple[ref[Doc], DocView] | None = None
"""The doc ``view_of`` answered last and its view: finders ask for one doc many times in a row, and a
weak reference is cheaper to check than a ``WeakKeyDictionary`` look-up (one tuple, replaced whole, so
threads never see a doc with another doc's view)."""


def _set_last(entry: tuple[ref[Doc], DocView]) -> None:
    global _LAST
    _LAST = entry


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
