"""Per-doc memos: the same answers as asking the tokens, kept with the doc's view and gone with the doc."""

from __future__ import annotations

import gc
import weakref

import spacy

from reportedly.find.attributions.spans import dateline, trim
from reportedly.model import Block
from reportedly.nlp import Segment, memoised, offsets, texts, view_of


def test_memo_answers_match_the_tokens_and_die_with_the_doc() -> None:
    nlp = spacy.blank("en")
    doc = nlp("WASHINGTON (AP) — “Stop,” he said, (quietly).")
    assert texts(doc) == [t.text for t in doc]
    assert offsets(doc) == [t.idx for t in doc]
    view = view_of(doc)
    dash = next(t.i for t in doc if t.text == "—")
    assert dateline(view) == frozenset(range(dash + 1))
    assert memoised(view, "dateline", frozenset) is dateline(view)  # kept in the view's memo, built once
    assert dateline(view_of(nlp("Washington said — nothing"))) == frozenset()  # no upper-case word before the dash
    quote = next(t.i for t in doc if t.text == "“")
    assert trim(view, (dash, quote + 1)) == (quote, quote + 1)  # the dash goes, the quote mark stays
    assert trim(view, (dash, quote + 1), keep_quotes=False) is None
    gone = weakref.ref(doc)
    del doc
    gc.collect()
    assert gone() is None, "the memo keeps the doc alive"


def test_a_segment_and_its_doc_share_one_view() -> None:
    doc = spacy.blank("en")("The minister said the talks would resume.")
    seg = Segment(Block("body", 0, len(doc.text)), 0, doc)
    view = seg.view
    assert seg.view is view and view_of(doc) is view and view_of(view) is view
    assert view_of(seg.doc[2:4].doc) is view  # a span's doc is the same doc
