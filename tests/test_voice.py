"""Outlet voice: one test per construction on hand-built docs, the BASIL scorer, and the seed."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Doc

from conftest import make_doc, parsed_of, shared_path
from reportedly.evaluation.basil import Gold, Score, load_article, load_basil
from reportedly.find import Found
from reportedly.find.voice import find_voice, lexicon_hits
from reportedly.model import Attribution, Voice
from reportedly.nlp import Parsed
from reportedly.settings import Settings


def flat(words: Sequence[str], **kw: Any) -> Doc:
    return make_doc(words, sent_starts=[True] + [False] * (len(words) - 1), **kw)


def span_of(parsed: Parsed, text: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = parsed.text.index(text, start + 1)
    return start, start + len(text)


def voice(parsed: Parsed, *attributions: Attribution) -> list[tuple[str, str]]:
    vs = find_voice(parsed, Found(attributions=attributions), Settings())
    for v in vs:
        assert parsed.text[v.span[0] : v.span[1]] == v.text
    return [(v.text, v.category) for v in vs]


def test_loaded_words_in_the_outlets_voice() -> None:
    p = parsed_of(flat(["The", "dictator", "visited", "the", "insular", "nation", "."]))
    assert voice(p) == [("dictator", "label"), ("insular", "epithet")]


def test_multiword_and_hyphenated_entries() -> None:
    p = parsed_of(
        flat(["The", "Hermit", "Kingdom", "'s", "gaffe", "-", "prone", "envoy", "slammed", "Seoul", "."],
             spaces=[True, True, False, True, False, False, True, True, True, False, False])
    )
    assert p.text == "The Hermit Kingdom's gaffe-prone envoy slammed Seoul."
    assert voice(p) == [("Hermit Kingdom", "label"), ("gaffe-prone", "epithet"), ("slammed", "framing")]


def test_words_inside_quotation_marks_are_not_the_outlets() -> None:
    p = parsed_of(flat(["Critics", "called", "him", "\"", "a", "dictator", "\"", "but", "the", "regime", "denied", "it", "."]))
    assert voice(p) == [("regime", "label")]


def test_words_inside_attributed_content_are_not_the_outlets() -> None:
    p = parsed_of(flat(["Seoul", "slammed", "the", "rogue", "regime", "for", "the", "test", "."]))
    a = Attribution("a1", (span_of(p, "Seoul"),), (span_of(p, "slammed"),), (span_of(p, "the rogue regime for the test"),), "indirect")
    # The cue is the outlet's choice of verb; the content is Seoul's.
    assert voice(p, a) == [("slammed", "framing")]


def test_a_word_inside_a_longer_name_is_not_voice() -> None:
    with_ner = make_doc(
        ["Amnesty", "International", "criticised", "the", "amnesty", "."],
        ents=["B-ORG", "I-ORG", "O", "O", "O", "O"],
        sent_starts=[True, False, False, False, False, False],
    )
    without_ner = flat(["He", "met", "Amnesty", "International", "staff", "."])
    p = parsed_of(with_ner, without_ner)
    assert [(v, span_of(p, "amnesty") == s) for v, s in [(x.text, x.span) for x in find_voice(p, Found(), Settings())]] == [
        ("amnesty", True)
    ]


def test_baseline_counts_every_lexicon_hit_without_filtering() -> None:
    p = parsed_of(flat(["Critics", "called", "it", "\"", "a", "dictator", "'s", "shameful", "plan", "\"", "."]))
    hits = lexicon_hits(p)
    assert {(h.text, h.lexicon) for h in hits} >= {("dictator", "news_voice"), ("shameful", "riloff2003")}
    assert all(h.produced_by == "voice.lexicon-baseline/1" for h in hits)
    assert voice(p) == []


# --- the BASIL scorer ----------------------------------------------------------


def _write_basil(root: Path) -> None:
    (root / "articles" / "2010").mkdir(parents=True)
    (root / "annotations" / "2010").mkdir(parents=True)
    art = {
        "title": "Senate fight",
        "uuid": "u1",
        "source": "fox",
        "date": "2010-12-01",
        "body-paragraphs": json.dumps([["The bombastic senator spoke.", "He left."], ["\"Awful,\" she said."]]),
    }
    ann = {
        "phrase-level-annotations": [
            {"bias": "lex", "quote": "no", "start": 4, "end": 13, "txt": "bombastic", "id": "p1"},
            {"bias": "lex", "quote": "yes", "start": 0, "end": 8, "txt": "\"Awful,\"", "id": "p2"},
            {"bias": "inf", "quote": "no", "start": 0, "end": 8, "txt": "He left.", "id": "p3"},
        ]
    }
    (root / "articles" / "2010" / "t1_1.json").write_text(json.dumps(art))
    (root / "annotations" / "2010" / "t1_1_ann.json").write_text(json.dumps(ann))


def test_basil_loader_places_lexical_non_quote_spans_in_the_text(tmp_path: Path) -> None:
    _write_basil(tmp_path)
    (item,) = load_basil(tmp_path, [2010])
    a = item.article
    assert a.text == "Senate fight\n\nThe bombastic senator spoke. He left.\n\n\"Awful,\" she said."
    assert [b.kind for b in a.blocks] == ["headline", "body", "body"]
    assert [(a.text[g.span[0] : g.span[1]], g.id) for g in item.gold] == [("bombastic", "p1")]
    assert load_article(
        tmp_path / "articles" / "2010" / "t1_1.json", tmp_path / "annotations" / "2010" / "t1_1_ann.json", 2010
    ) == item


def test_overlap_scoring() -> None:
    s = Score()
    gold = [Gold((10, 20), "x", "g1"), Gold((30, 35), "y", "g2")]
    s.add([Voice((12, 14), "a", "label"), Voice((15, 25), "b", "label"), Voice((40, 45), "c", "label")], gold)
    assert (s.predicted, s.predicted_matched, s.gold, s.gold_found) == (3, 2, 2, 1)
    assert s.precision == pytest.approx(2 / 3) and s.recall == pytest.approx(0.5)


# --- golden: real articles -----------------------------------------------------


@pytest.mark.slow
@pytest.mark.data
def test_seed_voice(seed_report: Any) -> None:
    text = seed_report.article.text
    found = {(text[v.span[0] : v.span[1]], v.category) for v in seed_report.voice}
    assert ("dictator", "label") in found
    assert ("insular", "epithet") in found
    quoted = text.index("victory narrative")
    assert all(not (v.span[0] <= quoted < v.span[1]) for v in seed_report.voice)


@pytest.mark.slow
@pytest.mark.data
def test_basil_article_voice(nlp: Any) -> None:
    """A BASIL 2010 (development) article: its loaded words found, its quotes kept out."""
    root = shared_path("basil")
    from reportedly.nlp import parse
    from reportedly.pipeline import find_all

    items = {i.article.id: i for i in load_basil(root, [2010])}
    golden = json.loads((Path(__file__).parent / "golden" / "basil_voice.json").read_text())
    for case in golden:
        item = items[case["id"]]
        found = find_all(parse(item.article, nlp), Settings())
        text = item.article.text
        got = {v.span for v in found.voice}
        for words, spans in (("voice", "voice_spans"), ("not_voice", "not_voice_spans")):
            assert [text[s:e] for s, e in case[spans]] == case[words], case["id"]
        assert {tuple(s) for s in case["voice_spans"]} <= got, case["id"]
        assert not {tuple(s) for s in case["not_voice_spans"]} & got, case["id"]


def test_what_footage_showed_is_the_outlets_description() -> None:
    p = parsed_of(flat(["Footage", "showed", "the", "dictator", "weeping", "."]))
    a = Attribution("a1", (span_of(p, "Footage"),), (span_of(p, "showed"),), (span_of(p, "the dictator weeping"),), "footage")
    assert voice(p, a) == [("dictator", "label")]
