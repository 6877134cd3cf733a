"""DocView: every attribute the finders read is exactly spaCy's, on real parses and odd trees."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import Doc

from conftest import paragraphs, shared_path
from reportedly.nlp import DocView, pipe, texts, view_of

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))


def _rows(tokens: Iterable[Any], parsed: bool) -> list[tuple[Any, ...]]:
    """Every attribute the finders read, for spaCy tokens or view tokens alike."""
    return [
        (
            t.i, t.text, t.lower_, t.lemma_, t.pos_, t.tag_, t.dep_, t.ent_type_, t.idx, t.is_punct,
            t.head.i, [c.i for c in t.children], t.left_edge.i, t.right_edge.i, [c.i for c in t.subtree],
            (t.sent.start, t.sent.end, t.sent.start_char, t.sent.end_char) if parsed else None,
        )
        for t in tokens
    ]


def _check(docs: list[Doc]) -> int:
    n = 0
    for d in docs:
        v = DocView(d)
        parsed = d.has_annotation("DEP")
        assert _rows(v, parsed) == _rows(d, parsed)
        assert v.texts == [t.text for t in d] and v.idx == [t.idx for t in d]
        assert [t.i for t in v[2:5]] == list(range(2, min(5, len(d))))
        n += len(d)
    return n


def test_same_as_spacy_on_the_examples(nlp: Any) -> None:
    paras = paragraphs(f.read_text(encoding="utf-8") for f in EXAMPLES)
    assert _check(list(pipe(paras, nlp))) > 1000


def test_same_as_spacy_on_real_news(nlp: Any) -> None:
    d = shared_path("polnear", "dev", "text")
    paras = paragraphs(f.read_text(encoding="utf-8") for f in sorted(d.glob("*.txt"))[:30])
    docs = list(pipe(paras, nlp))
    # non-projective parses occur in real news: their edges and subtree order are spaCy's too
    assert _check(docs) > 10000


def test_non_projective_and_multi_sentence_trees() -> None:
    vocab = spacy.blank("en").vocab
    words = ["A", "hearing", "is", "scheduled", "today", "on", "the", "issue", ".", "It", "ends", "."]
    # "on the issue" hangs on "hearing" across "is scheduled today": a crossing arc
    heads = [1, 3, 3, 3, 3, 1, 7, 5, 3, 10, 10, 10]
    deps = ["det", "nsubjpass", "auxpass", "ROOT", "npadvmod", "prep", "det", "pobj", "punct", "nsubj", "ROOT", "punct"]
    doc = Doc(vocab, words=words, heads=heads, deps=deps)
    assert _check([doc]) == len(words)
    v = DocView(doc)
    assert [t.i for t in v[1].subtree] == [t.i for t in doc[1].subtree]
    assert (v[10].sent.start, v[10].sent.end) == (9, 12)


def test_unparsed_and_empty_docs() -> None:
    nlp = spacy.blank("en")
    doc = nlp("No parse here, “just” tokens.")
    v = DocView(doc)
    assert v.texts == [t.text for t in doc] and all(t.head is t for t in v) and v[0].dep_ == ""
    assert len(DocView(nlp(""))) == 0


def test_view_holds_no_doc_and_dies_with_it(nlp: Any) -> None:
    doc = nlp("The minister said the talks would resume.")
    view = view_of(doc)
    assert view_of(doc) is view and view_of(view) is view
    assert texts(doc) is view.texts
    gone = weakref.ref(doc)
    del doc
    gc.collect()
    assert gone() is None, "the view kept in the doc keeps the doc alive"
    assert view[2].lemma_ == "say" and view[2].head.i == 2  # the view still answers on its own
