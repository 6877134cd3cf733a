"""Certainty levels per claim: one test per construction, on hand-built docs and attributions."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

import pytest
from spacy.tokens import Doc

from conftest import make_doc, parsed_of
from reportedly.find import Found
from reportedly.find.certainty import find_claims
from reportedly.find.hedges import find_hedges
from reportedly.model import Attribution, Claim
from reportedly.nlp import Parsed
from reportedly.settings import Settings


def flat(words: Sequence[str], **kw: Any) -> Doc:
    return make_doc(words, sent_starts=[True] + [False] * (len(words) - 1), **kw)


def span_of(parsed: Parsed, text: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = parsed.text.index(text, start + 1)
    return start, start + len(text)


def claims(parsed: Parsed, *attributions: Attribution) -> list[Claim]:
    found = Found(attributions=attributions)
    found = dataclasses.replace(found, hedges=find_hedges(parsed, found, Settings()))
    return list(find_claims(parsed, found, Settings()))


def show(parsed: Parsed, cs: Sequence[Claim]) -> list[tuple[str, str, str | None, list[str]]]:
    t = parsed.text
    return [(t[c.span[0] : c.span[1]], c.level, c.attribution, [t[s:e] for s, e in c.cues]) for c in cs]


def test_an_unattributed_sentence_is_asserted() -> None:
    p = parsed_of(flat(["The", "dictator", "visited", "troops", "."]))
    assert show(p, claims(p)) == [("The dictator visited troops.", "asserted", None, [])]


def test_an_unattributed_hedge_makes_the_sentence_hedged() -> None:
    p = parsed_of(flat(["The", "notebook", "reportedly", "held", "a", "note", "."]))
    assert show(p, claims(p)) == [("The notebook reportedly held a note.", "hedged", None, ["reportedly"])]


def test_an_attribution_is_attributed_and_covers_its_sentence() -> None:
    p = parsed_of(flat(["Yonhap", "said", "the", "footage", "aired", "."]))
    a = Attribution("a1", (span_of(p, "Yonhap"),), (span_of(p, "said"),), (span_of(p, "the footage aired"),), "indirect")
    assert show(p, claims(p, a)) == [("the footage aired", "attributed", "a1", ["said"])]


def test_a_hedge_inside_the_content_makes_the_attribution_hedged() -> None:
    p = parsed_of(flat(["Hong", "told", "Yonhap", "the", "images", "appear", "designed", "to", "shape", "views", "."]))
    a = Attribution(
        "a1", (span_of(p, "Hong"),), (span_of(p, "told"),), (span_of(p, "the images appear designed to shape views"),), "indirect"
    )
    assert show(p, claims(p, a)) == [
        ("the images appear designed to shape views", "hedged", "a1", ["told", "appear designed"])
    ]


def test_a_denial_cue_makes_the_attribution_disputed() -> None:
    p = parsed_of(flat(["Grimm", "denied", "taking", "the", "money", "."]))
    a = Attribution("a1", (span_of(p, "Grimm"),), (span_of(p, "denied"),), (span_of(p, "taking the money"),), "indirect")
    assert show(p, claims(p, a)) == [("taking the money", "disputed", "a1", ["denied"])]


@pytest.mark.parametrize(
    ("words", "level"),
    [
        (["Seoul", "rejected", "the", "claim", "outright", "."], "disputed"),
        (["The", "Senate", "rejected", "the", "bill", "."], "asserted"),
        (["The", "report", "was", "disputed", "by", "many", "."], "disputed"),
        (["There", "is", "no", "evidence", "of", "fraud", "."], "disputed"),
    ],
)
def test_denials_in_an_unattributed_sentence(words: list[str], level: str) -> None:
    p = parsed_of(flat(words))
    (c,) = claims(p)
    assert c.level == level


def test_a_sentence_mostly_outside_attributions_gets_its_own_claim() -> None:
    p = parsed_of(
        flat(["Kim", "said", "no", ",", "and", "the", "insular", "regime", "then", "fired", "three", "missiles", "east", "."])
    )
    a = Attribution("a1", (span_of(p, "Kim"),), (span_of(p, "said"),), (span_of(p, "no"),), "indirect")
    levels = [(c.level, c.attribution) for c in claims(p, a)]
    assert levels == [("asserted", None), ("attributed", "a1")]  # in text order


def test_only_body_sentences_with_a_verb_are_claims() -> None:
    caption = make_doc(
        ["Kim", "at", "a", "concert", "in", "Pyongyang"],
        heads=[0, 0, 3, 1, 0, 4],
        deps=["ROOT", "prep", "det", "pobj", "prep", "pobj"],
        pos=["PROPN", "ADP", "DET", "NOUN", "ADP", "PROPN"],
    )
    headline = flat(["Kim", "mourns", "fallen", "troops"])
    p = parsed_of(caption, headline, kinds=["body", "headline"])
    assert claims(p) == []


def test_short_fragments_are_not_claims() -> None:
    p = parsed_of(flat(["Published"]))
    assert claims(p) == []


def test_an_outlet_hedge_in_a_mostly_attributed_sentence_still_makes_a_claim() -> None:
    p = parsed_of(flat(["Yonhap", "said", "the", "footage", "aired", "widely", ",", "reportedly", "."]))
    a = Attribution("a1", (span_of(p, "Yonhap"),), (span_of(p, "said"),), (span_of(p, "the footage aired widely"),), "indirect")
    assert [(c.level, c.attribution) for c in claims(p, a)] == [("hedged", None), ("attributed", "a1")]


def test_the_dek_is_the_outlets_claim_and_a_caption_is_not(nlp: object) -> None:
    """The dek under the headline is the outlet's own summary (where a body's "reportedly" is often
    dropped), so its sentences are claims like the body's; a caption's are not."""
    from reportedly import analyze, article_from_text

    settings = Settings(check_language=False)
    text = (
        "Watchdog Sends Findings to Prosecutors\n"
        "The inspector general sent the findings of the report to federal prosecutors in Washington.\n"
        "By Jane Doe\n\n"
        "The referral occurred some time ago, officials said. The case now lies with the prosecutors.\n\n"
        "Photo: The inspector general speaks at a hearing in Washington on Monday. (Reuters)\n"
    )
    rep = analyze(article_from_text(text, origin="test", settings=settings), settings=settings)
    kinds = {rep.article.text[b.start : b.end][:12]: b.kind for b in rep.article.blocks}
    assert kinds["The inspecto"] == "dek" and kinds["Photo: The i"] in ("caption", "credit")
    said = {rep.article.text[c.span[0] : c.span[1]]: c.level for c in rep.claims}
    assert said["The inspector general sent the findings of the report to federal prosecutors in Washington."] == "asserted"
    assert not any(s.startswith(("Photo", "The inspector general speaks")) for s in said)
