"""The hand-built doc helpers give what the finders' unit tests rely on."""

from conftest import make_doc, parsed_of


def test_make_doc_with_parse() -> None:
    doc = make_doc(
        ["Kim", "said", "talks", "failed", "."],
        heads=[1, 1, 3, 1, 1],
        deps=["nsubj", "ROOT", "nsubj", "ccomp", "punct"],
        pos=["PROPN", "VERB", "NOUN", "VERB", "PUNCT"],
    )
    assert doc.text == "Kim said talks failed."
    assert doc[0].head.text == "said"
    assert doc.has_annotation("DEP")


def test_parsed_of_offsets() -> None:
    a = make_doc(["One", "."])
    b = make_doc(["Two", "words", "."])
    p = parsed_of(a, b)
    assert p.text == "One.\n\nTwo words."
    seg = p.segments[1]
    assert p.text[p.abs(seg, seg.doc[1])[0] : p.abs(seg, seg.doc[1])[1]] == "words"
