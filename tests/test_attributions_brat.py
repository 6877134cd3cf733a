"""The brat reader and the attribution scorer (reportedly.evaluation.brat), on made-up data."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportedly.evaluation.brat import Triple, gold_files, normalise, read_ann, score_article

TEXT = 'Kim said that “the talks failed.” Lee added, “We wait.”'
ANN = """T1\tSource 0 3\tKim
T2\tCue 4 8\tsaid
T3\tContent 9 33\tthat “the talks failed.”
T4\tAttribution 4 8\tsaid
E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3
T5\tSource 34 37\tLee
T6\tCue 38 43\tadded
T7\tContent 45 48;49 55\t“We wait.”
T8\tAttribution-no-source 38 43\tadded
E2\tAttribution-no-source:T8 Source:T5 Cue:T6 Content:T7
T9\tDiscard 0 3\tKim
"""


def test_read_ann_events_and_discontinuous_spans() -> None:
    gold = read_ann(ANN)
    assert gold[0] == Triple(((0, 3),), ((4, 8),), ((9, 33),))
    assert gold[1].content == ((45, 48), (49, 55))


def test_normalise_trims_quotes_punctuation_and_merges() -> None:
    assert normalise(TEXT, ((9, 33),)) == ((9, 31),)  # that “the talks failed
    assert normalise(TEXT, ((44, 48), (49, 55))) == ((46, 53),)  # We wait


def test_exact_overlap_and_relation() -> None:
    gold = read_ann(ANN)
    pred = [
        Triple(((0, 3),), ((4, 8),), ((14, 32),)),  # content without "that": overlap only
        Triple(((34, 37),), ((38, 43),), ((45, 55),)),  # exact
        Triple((), ((0, 3),), ((4, 8),)),  # wrong
    ]
    sc = score_article(TEXT, pred, gold)
    ex = sc.counts[("exact", "content")]
    assert (ex.tp_pred, ex.n_pred, ex.n_gold) == (1, 3, 2)
    ov = sc.counts[("overlap", "content")]
    assert ov.tp_gold == 2
    assert sc.counts[("exact", "relation")].tp_gold == 1
    assert sc.counts[("overlap", "relation")].tp_gold == 2
    assert sc.counts[("exact", "source")].n_pred == 2  # an absent source is no prediction
    assert sc.f1("exact", "cue") == pytest.approx(2 * (2 / 3) * 1 / (2 / 3 + 1))


def test_gold_is_smallest_annotator(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a_1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "a_1_9f00.ann").write_text("", encoding="utf-8")
    (tmp_path / "attributions" / "a_1_0ab1.ann").write_text(ANN, encoding="utf-8")
    ((article, _, ann),) = gold_files(tmp_path)
    assert article == "a_1" and ann.name == "a_1_0ab1.ann"


def test_cli_rejects_non_brat_folder(tmp_path: Path) -> None:
    from reportedly.cli import app

    res = CliRunner().invoke(app, ["eval", "brat", str(tmp_path)])
    assert res.exit_code == 2


def test_cli_help_lists_brat() -> None:
    from reportedly.cli import app

    res = CliRunner().invoke(app, ["eval", "--help"])
    assert "brat" in res.output


@pytest.mark.slow
def test_cli_scores_a_brat_folder(tmp_path: Path) -> None:
    import json

    from reportedly.cli import app

    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a_1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "a_1_0ab1.ann").write_text(ANN, encoding="utf-8")
    res = CliRunner().invoke(app, ["eval", "brat", str(tmp_path), "--limit", "1", "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["reportedly"]["articles"] == 1
    assert data["reportedly"]["exact.cue"]["n_gold"] == 2


def test_an_article_the_analysis_fails_on_is_said_not_dropped(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from reportedly import pipeline
    from reportedly.evaluation import brat
    from reportedly.nlp import load_pipeline

    def broken(parsed: object, settings: object) -> object:
        raise RuntimeError("a finder broke")

    monkeypatch.setattr(pipeline, "report_of", broken)
    run = brat.reportedly_system(load_pipeline())
    assert list(run([TEXT])) == [[]]
    err = capsys.readouterr().err
    assert "a finder broke" in err and "scored with no attributions" in err and "Kim said" in err
