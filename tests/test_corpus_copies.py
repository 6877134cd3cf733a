"""Copy detection across articles (``reportedly.corpus.copies``) on hand-made articles, and its scorer."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from conftest import shared_path
from reportedly.cli import app
from reportedly.corpus.copies import Fingerprint, candidate_pairs, compare, find_copies, fingerprint

LEDE = (
    "The city council of Springfield voted on Tuesday to close the old railway bridge over the river "
    "after engineers found deep cracks in two of its supports during a routine inspection last month."
)
PARAS = [
    f"Paragraph {i}: the repairs would cost about {i + 3} million dollars and take at least {i + 2} years, "
    f"according to the report the engineers presented to the council members at the meeting on {day}."
    for i, day in enumerate(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"])
]
QUOTE = "“We cannot put the lives of our residents at risk for one more day, whatever it costs us,” the mayor said."
OTHER = (
    "Residents of the eastern districts said they would now have to drive an extra twenty minutes to reach "
    "the hospital, and several shop owners near the bridge worried about losing their customers for years."
)


def fp(i: str, text: str, published: str | None = None, order: int = 0, outlet: str | None = None) -> Fingerprint:
    return fingerprint(i, text, published, order, outlet)


def story(*parts: str) -> str:
    return "\n\n".join(parts)


def test_a_republication_with_a_new_headline_is_a_same_copy_of_the_earlier_article() -> None:
    wire = fp("wire", story("Bridge closed after cracks found", LEDE, *PARAS), "2025-06-30", 0)
    copy = fp("copy", story("Springfield shuts its railway bridge", LEDE, *PARAS[:4]), "2025-07-01", 1)
    c = compare(wire, copy)
    assert c is not None and c.kind == "same_copy"
    assert (c.article_id, c.source_article_id) == ("copy", "wire")  # the later one copies the earlier
    assert c.share > 0.8


def test_lifted_paragraphs_under_another_lede_are_partial_reuse() -> None:
    wire = fp("wire", story(LEDE, *PARAS), "2025-06-30", 0)
    own_lede = "Shop owners in Springfield fear for their business after the council's decision on the bridge this week."
    other = fp("other", story(own_lede, OTHER, *PARAS[1:5]), "2025-06-30", 1)
    c = compare(wire, other)
    assert c is not None and c.kind == "partial_reuse"
    # same day: the article more contained in the other is the copy
    assert c.article_id == "other"


def test_the_same_quote_alone_is_not_reuse() -> None:
    a = fp("a", story(LEDE, QUOTE, OTHER))
    b = fp("b", story("Engineers warned the council about the state of the bridge for years before the vote.", QUOTE))
    assert compare(a, b) is None


def test_articles_years_apart_are_not_copies() -> None:
    old = fp("old", story(LEDE, *PARAS), "2015-06-30", 0)
    new = fp("new", story(LEDE, *PARAS), "2025-06-30", 1)
    assert compare(old, new) is None
    undated = fp("undated", story(LEDE, *PARAS), None, 2)
    c = compare(old, undated)
    assert c is not None and c.kind == "same_copy"


def test_outlet_furniture_is_not_reuse() -> None:
    furniture = " ".join(PARAS[:3])  # the same boxes and links scraped into every article of one outlet
    fps = [
        fp(f"site-{i}", story(f"Story number {i} about another topic entirely. " * 3, OTHER if i == 0 else LEDE if i == 1 else "", furniture),
           "2025-06-30", i, outlet="Site")
        for i in range(3)
    ]
    assert find_copies(fps) == []
    assert find_copies([fp(f.id, story("x " * 3, furniture), f.published, f.order) for f in fps])  # without the outlet, it is shared text


def test_the_candidate_index_finds_copies_without_comparing_every_pair() -> None:
    texts = [story(f"Unrelated story {i}: " + " ".join(f"word{i}x{j}" for j in range(60))) for i in range(40)]
    fps = [fp(f"u{i}", t, order=i) for i, t in enumerate(texts)]
    fps.append(fp("wire", story(LEDE, *PARAS), order=40))
    fps.append(fp("copy", story(LEDE, *PARAS[:5]), order=41))
    pairs = list(candidate_pairs(fps))
    assert pairs == [(40, 41)]
    assert list(candidate_pairs(fps, new=[41])) == [(40, 41)]
    assert list(candidate_pairs(fps, new=[3])) == []
    (c,) = find_copies(fps)
    assert c.source_article_id == "wire" and c.kind == "same_copy"


def test_eval_copies_command(tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["eval", "copies", str(tmp_path)])
    assert res.exit_code == 2 and res.stderr.startswith("reportedly: error:")
    arts = [{"id": "a", "text": story(LEDE, *PARAS)}, {"id": "b", "text": story(LEDE, *PARAS[:4])},
            {"id": "c", "text": story(OTHER, QUOTE)}]
    (tmp_path / "articles.jsonl").write_text("\n".join(json.dumps(a) for a in arts) + "\n")
    pairs = [{"article_a": "a", "article_b": "b", "label": "same_wire_copy"},
             {"article_a": "a", "article_b": "c", "label": "independent"}]
    (tmp_path / "wire_copy.jsonl").write_text("\n".join(json.dumps(p) for p in pairs) + "\n")
    res = runner.invoke(app, ["eval", "copies", str(tmp_path), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["accuracy"] == 1.0 and out["retrieved"] == 1


def test_dev_pairs_of_the_relay_set() -> None:
    """The 30 development pairs (the held-out 30 are not here); the figure is in eval/copies.md."""
    from reportedly.evaluation.copies import evaluate

    result = evaluate(shared_path("relay"))
    assert result["pairs"] == 30
    assert result["accuracy"] >= 0.9
    assert result["retrieved"] == result["reused"]
