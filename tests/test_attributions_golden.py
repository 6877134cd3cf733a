"""Attributions on real articles: the seed article, PolNeAR dev, and the quality gate.

These read ../shared/data through ``shared_path`` (skipped where absent) and
run the spaCy pipeline, so they are marked slow.
"""

from __future__ import annotations

import pytest

from conftest import shared_path
from reportedly.model import Attribution, Report, span_text

pytestmark = [pytest.mark.slow, pytest.mark.data]


def _find(report: Report, cue: str, content_start: str | None = None) -> Attribution:
    text = report.article.text
    hits = [
        a
        for a in report.attributions
        if span_text(text, a.cue) == cue
        and (content_start is None or span_text(text, a.content).lstrip("“\"").startswith(content_start))
    ]
    assert hits, f"no attribution with cue {cue!r} and content {content_start!r}"
    return hits[0]


def test_seed_told_yonhap_addressee(seed_report: Report) -> None:
    text = seed_report.article.text
    a = _find(seed_report, "told", "the images appear designed")
    assert span_text(text, a.source).startswith("Hong Min")
    assert span_text(text, a.addressee) == "Yonhap"
    assert a.source_type == "person"
    assert a.kind == "mixed"  # "victory narrative" is quoted inside indirect speech


def test_seed_according_to_yonhap(seed_report: Report) -> None:
    text = seed_report.article.text
    a = _find(seed_report, "according to")
    assert span_text(text, a.source) == "Yonhap"
    assert a.kind == "according_to"
    assert "Olga Lyubimova" in span_text(text, a.content)


def test_seed_yonhap_reported_that(seed_report: Report) -> None:
    text = seed_report.article.text
    a = _find(seed_report, "reported", "that other images")
    assert span_text(text, a.source) == "Yonhap"
    assert a.source_type in ("news_agency", "outlet")


def test_seed_notebook_message_that_read(seed_report: Report) -> None:
    text = seed_report.article.text
    a = _find(seed_report, "read")
    assert "The decisive moment has finally come" in span_text(text, a.content)
    assert a.source_name is not None and "notebook" in a.source_name.lower()
    assert a.source_type == "document"


def test_seed_footage_released_and_reported(seed_report: Report) -> None:
    text = seed_report.article.text
    a = _find(seed_report, "showed", "Kim placing")
    src = span_text(text, a.source)
    assert "released by Korean Central Television" in src and "Yonhap" in src
    assert a.kind == "footage"


def test_seed_footage_as_seen_in(seed_report: Report) -> None:
    text = seed_report.article.text
    a = _find(seed_report, "as seen in footage aired by")
    assert span_text(text, a.source) == "Korean Central Television"
    assert a.kind == "footage"
    assert span_text(text, a.content).startswith("North Korean leader Kim Jong Un appears emotional")


def test_seed_offsets_are_exact(seed_report: Report) -> None:
    text = seed_report.article.text
    for a in seed_report.attributions:
        for s, e in (*a.source, *a.cue, *a.content, *a.addressee):
            assert 0 <= s < e <= len(text)
            assert text[s:e] == text[s:e].strip()
        assert a.id.startswith("A") and a.produced_by.startswith("attribution.")


def test_polnear_dev_article(nlp) -> None:  # type: ignore[no-untyped-def]
    from reportedly.evaluation.brat import reportedly_system

    path = shared_path("polnear", "dev", "text", "breitbart_2016-09-12_stealth-over-health-hillary-clin.txt")
    text = path.read_text(encoding="utf-8")
    (atts,) = list(reportedly_system(nlp)([text]))
    found = {(span_text(text, a.source), span_text(text, a.cue)) for a in atts}
    assert ("The New York Post", "reports") in found
    assert ("sources", "said") in found
    assert ("the source", "added") in found
    post = next(a for a in atts if span_text(text, a.cue) == "reports")
    assert span_text(text, post.content).startswith("that Hillary Clinton’s team avoided")


# Pinned floors for the first 25 PolNeAR dev articles (alphabetical), exact F1, measured at
# source 0.730 / cue 0.688 / content 0.600 when last measured (with the content ranker); a drop of about 5
# points fails.
GATE_ARTICLES = 25
GATE_FLOORS = {"source": 0.69, "cue": 0.64, "content": 0.54}


def test_quality_gate_polnear_dev(nlp) -> None:  # type: ignore[no-untyped-def]
    from reportedly.evaluation.brat import evaluate, reportedly_system

    d = shared_path("polnear", "dev")
    sc = evaluate(d, reportedly_system(nlp), limit=GATE_ARTICLES)
    got = {c: sc.f1("exact", c) for c in GATE_FLOORS}
    for c, floor in GATE_FLOORS.items():
        assert got[c] >= floor, f"exact F1 {c} {got[c]:.3f} below the pinned floor {floor} ({got})"
