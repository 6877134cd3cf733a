"""Copy detection across articles (``reportedly.corpus.copies``) on hand-made articles, and its scorer."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import shared_path
from reportedly.cli import app
from reportedly.corpus import copies as copies_module
from reportedly.corpus.copies import CopyFinder, Fingerprint, compare, copy_state, find_copies, fingerprint
from reportedly.corpus.items import Item
from reportedly.corpus.postings import CappedPostings

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


def fp(
    i: str, text: str, published: str | None = None, order: int = 0, outlet: str | None = None
) -> Fingerprint:
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
    b = fp(
        "b",
        story("Engineers warned the council about the state of the bridge for years before the vote.", QUOTE),
    )
    assert compare(a, b) is None


def test_articles_years_apart_are_not_copies() -> None:
    old = fp("old", story(LEDE, *PARAS), "2015-06-30", 0)
    new = fp("new", story(LEDE, *PARAS), "2025-06-30", 1)
    assert compare(old, new) is None
    undated = fp("undated", story(LEDE, *PARAS), None, 2)
    c = compare(old, undated)
    assert c is not None and c.kind == "same_copy"


def item(
    i: str, seq: int, text: str, published: str | None = "2025-06-30", outlet: str | None = None
) -> Item:
    return Item(i, seq, text, None, outlet, published)


def pairs_of(found: Sequence[Sequence[copies_module.Copy]]) -> list[tuple[str, str]]:
    return [(c.article_id, c.source_article_id) for cs in found for c in cs]


FURNITURE_LINES = PARAS[:3]  # the same boxes and links scraped into every article of one outlet


def site_story(i: int, furniture: Sequence[str] = FURNITURE_LINES) -> str:
    body = f"Story number {i} about another topic entirely, told in a few words of its own. " * 2
    return "\n".join([body, *furniture])


def test_outlet_furniture_lines_are_dropped_from_the_third_article_on() -> None:
    items = [item(f"site-{i}", i, site_story(i), outlet="Site") for i in range(5)]
    # the first two articles with the lines cannot tell them from reporting yet (decided online);
    # from the third on, lines that two earlier articles of the outlet had are furniture
    assert [(c.article_id, c.source_article_id) for c in find_copies(items)] == [("site-1", "site-0")]
    other = [item(f"x-{i}", i, site_story(i), outlet=None) for i in range(5)]
    assert len(find_copies(other)) == 10  # without an outlet, it is shared text


def test_furniture_that_changes_a_little_is_still_furniture() -> None:
    # a gallery scraped as one long line whose last caption changes from page to page: not the same
    # line, but most of its sampled shingles are the outlet's already (short lines have too few to tell)
    def gallery(i: int) -> list[str]:
        return [" ".join([*FURNITURE_LINES, *PARAS[3:5], f"Hide caption {i} of {i + 10}."])]

    items = [item(f"site-{i}", i, site_story(i, gallery(i)), outlet="Site") for i in range(5)]
    assert [(c.article_id, c.source_article_id) for c in find_copies(items)] == [("site-1", "site-0")]


FORMULA = [
    "arrived in the capital on Tuesday by a special plane to pay an official",
    "goodwill visit at the invitation of the chairman of the defence commission with",
    "and other members of the delegation including senior officials of the ruling",
    "party and of the government were greeted at the airport on arrival by",
    "the first vice chairman of the presidium of the assembly together with",
    "and other senior officials of the party and the state and the army",
    "while a guard of honour of the army lined up for the guests and",
    "a military band played the national anthems of the two countries before",
    "and the people of the capital warmly welcomed them along the streets with",
]


def template(i: int, verb: str = "arrived") -> str:
    """A formula with new names every dozen words, as state media repeat it for every visit: most of its
    shingles have a name in them, so no line is the same or mostly the same as another story's."""
    parts = [
        f"{stretch.replace('arrived', verb)} Name{i}x{j} Surname{i}x{j}" for j, stretch in enumerate(FORMULA)
    ]
    return story(*(", ".join(parts[k : k + 3]) + "." for k in range(0, len(parts), 3)))


def test_template_stories_are_not_copies_once_the_formula_is_known() -> None:
    items = [item(f"visit-{i}", i, template(i), outlet="Agency") for i in range(6)]
    found = find_copies(items)
    # the first two stories with the formula cannot tell it from reporting yet (decided online); from
    # the third on, the shingles that two earlier stories of the outlet had are its furniture, and
    # what is left (the shingles with the names in them) is not shared
    assert [{c.article_id, c.source_article_id} for c in found] == [{"visit-0", "visit-1"}]
    # the same stories without an outlet share the formula, nothing else tells
    anonymous = [item(f"x-{i}", i, template(i)) for i in range(6)]
    assert len(find_copies(anonymous)) == 6 * 5 // 2
    # a story that repeats an earlier one of the outlet, names and all, is still a copy of it
    again = item("again", len(items), template(3), outlet="Agency")
    found = find_copies([*items, again])
    assert [(c.article_id, c.source_article_id, c.kind) for c in found if c.article_id == "again"] == [
        ("again", "visit-3", "same_copy")
    ]


def test_template_stories_restored_then_added_equal_added_all() -> None:
    items = [item(f"visit-{i}", i, template(i), outlet="Agency") for i in range(6)]
    items += [item(f"leave-{i}", 6 + i, template(i, verb="left"), outlet="Agency") for i in range(3)]
    items.insert(4, item("wire", 4, story(LEDE, *PARAS), outlet="Wire"))
    items = [Item(it.id, n, it.text, None, it.outlet, it.published) for n, it in enumerate(items)]
    states = [copy_state(it) for it in items]
    everything = CopyFinder(CountingFetch(items)).add_many(zip(items, states, strict=True))
    assert sum(map(len, everything)) >= 1
    for n in range(len(items) + 1):
        finder = CopyFinder(CountingFetch(items))
        for it, state in zip(items[:n], states[:n], strict=True):
            finder.restore(Item(it.id, it.seq, "", None, it.outlet, it.published), state)
        assert finder.add_many(zip(items[n:], states[n:], strict=True)) == everything[n:]


def test_a_copy_of_an_outlet_article_is_found_after_its_furniture() -> None:
    items = [item(f"site-{i}", i, site_story(i), outlet="Site") for i in range(4)]
    wire = story(LEDE, *PARAS[2:])
    items.append(item("wire", 4, wire + "\n" + "\n".join(FURNITURE_LINES), outlet="Site"))
    items.append(item("copy", 5, wire, "2025-07-01", outlet="Other"))
    found = [c for c in find_copies(items) if c.article_id == "copy"]
    assert [(c.source_article_id, c.kind) for c in found] == [("wire", "same_copy")]


def test_the_candidate_index_finds_copies_without_comparing_every_pair() -> None:
    texts = [story(f"Unrelated story {i}: " + " ".join(f"word{i}x{j}" for j in range(60))) for i in range(40)]
    items = [item(f"u{i}", i, t) for i, t in enumerate(texts)]
    items += [item("wire", 40, story(LEDE, *PARAS)), item("copy", 41, story(LEDE, *PARAS[:5]))]
    by_id = {it.id: it for it in items}
    finder = CopyFinder(lambda ids: {i: by_id[i] for i in ids}, keep_proposed=True)
    (c,) = [c for cs in finder.add_many((it, copy_state(it)) for it in items) for c in cs]
    assert finder.proposed == [("copy", "wire")]
    assert c.source_article_id == "wire" and c.kind == "same_copy"
    assert finder.stats["candidates"] == 1


def test_a_stock_formula_held_by_max_posting_earlier_articles_proposes_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(copies_module, "MAX_POSTING", 3)
    texts = [story(LEDE, *PARAS, f"And a line of its own, number {i}.") for i in range(5)]
    found = find_copies([item(f"a{i}", i, t) for i, t in enumerate(texts)])
    # a1 copies a0, a2 copies a0 and a1; the shingles are full after three articles
    assert sorted((c.article_id, c.source_article_id) for c in found) == [
        ("a1", "a0"),
        ("a2", "a0"),
        ("a2", "a1"),
    ]


def test_capped_postings_in_bulk_equal_one_by_one() -> None:
    rng = np.random.default_rng(7)
    per_article = [np.unique(rng.integers(0, 30, size=12).astype(np.uint64)) for _ in range(60)]
    bulk, single = CappedPostings(4), CappedPostings(4)
    sizes = [k.size for k in per_article]
    numbers = np.repeat(np.arange(60, dtype=np.uint32), sizes)
    seen, new, old = bulk.extend(np.concatenate(per_article), numbers, holders=True)
    got_seen, got_pairs = [], []
    for n, k in enumerate(per_article):
        s, a, b = single.extend(k, np.full(k.size, n, dtype=np.uint32), holders=True)
        got_seen.append(s)
        got_pairs += list(zip(a.tolist(), b.tolist(), strict=True))
    assert seen.tolist() == np.concatenate(got_seen).tolist()
    assert sorted(zip(new.tolist(), old.tolist(), strict=True)) == sorted(got_pairs)
    assert max(seen) == 4 and len(bulk) == len(single) <= 30 * 4
    # the holders before article n, asked after all were added, are what extend said when n came
    for n in (0, 17, 59):
        before = bulk.count_before(per_article[n], n)
        assert before.tolist() == got_seen[n].tolist()


def _corpus() -> list[Item]:
    """Copies, partial reuse, furniture, old and undated articles, in one ingest order."""
    arts = [
        ("wire", story(LEDE, *PARAS), "2025-06-30", "Wire"),
        ("copy", story("Springfield shuts its railway bridge", LEDE, *PARAS[:4]), "2025-07-01", "Paper"),
        ("old", story(LEDE, *PARAS), "2015-06-30", "Paper"),
        ("lift", story(OTHER, *PARAS[1:5]), "2025-06-30", "Blog"),
        ("undated", story(LEDE, *PARAS[:5]), None, None),
    ]
    arts += [(f"site-{i}", site_story(i), "2025-06-29", "Site") for i in range(5)]
    arts += [("late", story(OTHER, QUOTE, *PARAS[2:], *FURNITURE_LINES), "2025-07-02", "Site")]
    return [item(a, n, t, d, o) for n, (a, t, d, o) in enumerate(arts)]


CORPUS = _corpus()
STATES = [copy_state(it) for it in CORPUS]


class CountingFetch:
    def __init__(self, items: Sequence[Item]) -> None:
        self.by_id = {it.id: it for it in items}
        self.calls: list[list[str]] = []

    def __call__(self, ids: Sequence[str]) -> Mapping[str, Item]:
        self.calls.append(list(ids))
        return {i: self.by_id[i] for i in ids}


def test_the_corpus_has_copies_of_each_kind() -> None:
    found = find_copies(CORPUS)
    kinds = {(c.article_id, c.source_article_id): c.kind for c in found}
    assert kinds[("copy", "wire")] == "same_copy" and kinds[("lift", "wire")] == "partial_reuse"
    assert ("undated", "old") in kinds and ("copy", "old") not in kinds


@settings(max_examples=12, deadline=None)
@given(st.integers(min_value=0, max_value=len(CORPUS)), st.booleans())
def test_restoring_the_first_n_then_adding_the_rest_equals_adding_all(n: int, one_by_one: bool) -> None:
    everything = CopyFinder(CountingFetch(CORPUS)).add_many(zip(CORPUS, STATES, strict=True))
    finder = CopyFinder(CountingFetch(CORPUS))
    for it, state in zip(CORPUS[:n], STATES[:n], strict=True):
        finder.restore(Item(it.id, it.seq, "", None, it.outlet, it.published), state)  # no text needed
    rest = list(zip(CORPUS[n:], STATES[n:], strict=True))
    got = [finder.add(it, s) for it, s in rest] if one_by_one else finder.add_many(rest)
    assert got == everything[n:]
    assert len(finder) == len(CORPUS)


def test_candidates_are_fetched_in_bulk_and_only_when_needed() -> None:
    fetch = CountingFetch(CORPUS)
    finder = CopyFinder(fetch)
    for it, state in zip(CORPUS[:3], STATES[:3], strict=True):
        finder.restore(it, state)
    assert fetch.calls == []
    found = finder.add_many(zip(CORPUS[3:], STATES[3:], strict=True))
    assert ("lift", "wire") in pairs_of(found)
    # one call for the whole chunk, only for restored articles (the chunk's own texts are at hand)
    assert len(fetch.calls) == 1 and set(fetch.calls[0]) <= {"wire", "copy", "old"}
    finder.add(item("again", 99, story(LEDE, *PARAS)), copy_state(item("again", 99, story(LEDE, *PARAS))))
    assert len(fetch.calls) == 1  # the fingerprints fetched before are cached


def test_the_state_is_stable_compact_and_versioned() -> None:
    it = CORPUS[0]
    assert copy_state(it) == STATES[0]
    n = fingerprint(it.id, it.text).every.size  # no quotes here: every shingle is outside them
    assert len(STATES[0]) == 5 + 4 * n + (n + 7) // 8  # 4 bytes and a bit a shingle
    with pytest.raises(ValueError, match="version"):
        CopyFinder(CountingFetch(CORPUS)).restore(it, b"\x00" + STATES[0][1:])


def test_articles_must_come_in_ingest_order() -> None:
    finder = CopyFinder(CountingFetch(CORPUS))
    finder.add(CORPUS[1], STATES[1])
    with pytest.raises(ValueError, match="ingest order"):
        finder.add(CORPUS[0], STATES[0])


def test_a_candidate_the_store_does_not_return_is_an_error() -> None:
    finder = CopyFinder(lambda ids: {})
    finder.restore(CORPUS[0], STATES[0])
    with pytest.raises(LookupError, match="wire"):
        finder.add(CORPUS[1], STATES[1])


def test_eval_copies_command(tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["eval", "copies", str(tmp_path)])
    assert res.exit_code == 2 and res.stderr.startswith("reportedly: error:")
    arts = [
        {"id": "a", "text": story(LEDE, *PARAS)},
        {"id": "b", "text": story(LEDE, *PARAS[:4])},
        {"id": "c", "text": story(OTHER, QUOTE)},
    ]
    (tmp_path / "articles.jsonl").write_text("\n".join(json.dumps(a) for a in arts) + "\n")
    pairs = [
        {"article_a": "a", "article_b": "b", "label": "same_wire_copy"},
        {"article_a": "a", "article_b": "c", "label": "independent"},
    ]
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


GALLERY = (
    "Photos: The week in politics Photos: The week in politics The senator speaks to reporters outside "
    "the Capitol on Monday, March 2. Hide Caption 1 of 4 Photos: The week in politics Protesters gather "
    "before the hearing on Tuesday with signs about the budget and the schools. Hide Caption 2 of 4 Photos: "
    "The week in politics The governor signs the bill on Friday in front of teachers and parents from the "
    "eastern districts. Hide Caption 3 of 4 Photos: The week in politics Members of the committee leave "
    "the chamber after the vote late on Thursday night. Hide Caption 4 of 4"
)


def test_text_in_skipped_blocks_is_not_read_as_copied() -> None:
    # two articles of one outlet sharing only a photo gallery pasted under each: not a copy of each other
    texts = [story(LEDE, GALLERY), story(OTHER, GALLERY)]
    spans = [(t.index(GALLERY), t.index(GALLERY) + len(GALLERY)) for t in texts]
    read_all = [item(f"a{k}", k, t, outlet="CNN") for k, t in enumerate(texts)]
    assert [set(p) for p in pairs_of([find_copies(read_all)])] == [{"a0", "a1"}]  # read whole: "reuse"
    skipping = [
        Item(f"a{k}", k, t, None, "CNN", "2025-06-30", (s,))
        for k, (t, s) in enumerate(zip(texts, spans, strict=True))
    ]
    assert find_copies(skipping) == []
    assert skipping[0].reading.strip() == LEDE and len(skipping[0].reading) == len(texts[0])


def test_a_traced_store_skips_the_galleries_its_anatomy_typed(tmp_path: Path) -> None:
    from reportedly.anatomy import anatomy
    from reportedly.corpus.trace import trace
    from reportedly.model import Article, Report
    from reportedly.store import Store

    head = "Council closes bridge"
    arts = [
        Article(story(head, LEDE, GALLERY, PARAS[0]), "g0", outlet="CNN", published="2025-06-30"),
        Article(
            story("Shop owners worry", OTHER, GALLERY, PARAS[5]), "g1", outlet="CNN", published="2025-06-30"
        ),
    ]
    typed = [anatomy(a) for a in arts]
    assert all(any(b.kind == "caption" for b in a.blocks) for a in typed)
    with Store.open(tmp_path / "g.duckdb") as store:
        store.write([Report(article=a) for a in typed])
        trace(store)
        assert store.query("SELECT * FROM copies")[1] == []
    with Store.open(tmp_path / "plain.duckdb") as store:  # the same texts with no blocks typed
        store.write([Report(article=a) for a in arts])
        trace(store)
        assert [set(r) for r in store.query("SELECT article_id, source_article_id FROM copies")[1]] == [
            {"g0", "g1"}
        ]
