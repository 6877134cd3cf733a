"""Per-doc memos: the same answers as asking the tokens, and gone with the doc."""

from __future__ import annotations

import gc

import spacy

from reportedly.find import doc_memo
from reportedly.find.attribution_spans import dateline, trim


def test_memo_answers_match_the_tokens_and_die_with_the_doc() -> None:
    nlp = spacy.blank("en")
    doc = nlp("WASHINGTON (AP) — “Stop,” he said, (quietly).")
    assert doc_memo.texts(doc) == [t.text for t in doc]
    assert doc_memo.offsets(doc) == [t.idx for t in doc]
    dash = next(t.i for t in doc if t.text == "—")
    assert dateline(doc) == frozenset(range(dash + 1))
    assert dateline(nlp("Washington said — nothing")) == frozenset()  # no upper-case word before the dash
    quote = next(t.i for t in doc if t.text == "“")
    view = doc_memo.view_of(doc)
    assert trim(view, (dash, quote + 1)) == (quote, quote + 1)  # the dash goes, the quote mark stays
    assert trim(view, (dash, quote + 1), keep_quotes=False) is None
    before = len(doc_memo._MEMOS)
    del doc
    gc.collect()
    assert len(doc_memo._MEMOS) < before
