"""``reportedly trace`` with the claim layer: claim groups, mentions, relays and drift written to the store,
incrementally, resumably, on every engine; the ``claim`` and ``drift`` commands; the seed article's chain."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import shared_path
from reportedly.cli import app
from reportedly.corpus.claimindex import StoryIndex, may_match, may_quote
from reportedly.corpus.claims import ClaimFinder, claim_state
from reportedly.corpus.claimtext import passage, quoted_in, same_claim
from reportedly.corpus.items import Item
from reportedly.corpus.queries import claim_group, drift_cases, find_claims
from reportedly.corpus.relayfinder import shared_stretch
from reportedly.corpus.trace import forget, trace
from reportedly.model import Article, Attribution, Chain, Claim, Hop, Report
from reportedly.store import MIGRATIONS, Store

QUOTE = "The decisive moment has finally come. Let us bravely fight this sacred battle"
PART = "The decisive moment has finally come"


def _span(text: str, sub: str, after: int = 0) -> tuple[int, int]:
    s = text.index(sub, after)
    return (s, s + len(sub))


def _report(
    aid: str,
    text: str,
    outlet: str,
    day: str,
    attributions: list[tuple[str, str, str, str, str, str]] = (),  # type: ignore[assignment]
    claims: list[tuple[str, str, str | None, list[str]]] = (),  # type: ignore[assignment]
    chains: dict[str, list[tuple[str, str]]] | None = None,
    title: str | None = None,
) -> Report:
    """A report built by hand: attributions (id, source text, cue text, content text, kind, source type),
    claims (text, level, attribution id, cue texts), chains (attribution id -> hops origin first)."""
    atts = []
    for aid_, src, cue, content, kind, stype in attributions:
        atts.append(
            Attribution(
                aid_,
                (_span(text, src),) if src else (),
                (_span(text, cue),),
                (_span(text, content),),
                kind,
                src or None,
                stype,
            )
        )
    cl = [
        Claim(_span(text, sub), level, att, tuple(_span(text, c) for c in cues))
        for sub, level, att, cues in claims
    ]
    ch = [
        Chain(att, tuple(Hop(n, t, "origin" if i == 0 else "relay") for i, (n, t) in enumerate(hops)))
        for att, hops in (chains or {}).items()
    ]
    return Report(
        Article(text=text, id=aid, outlet=outlet, published=day, title=title),
        attributions=tuple(atts),
        chains=tuple(ch),
        claims=tuple(cl),
    )


def kctv_yonhap_fox() -> list[Report]:
    """A hand-made relay: KCNA's item, Yonhap crediting KCNA, Fox crediting Yonhap, and an unrelated article."""
    kcna = (
        "Pyongyang, June 30 (KCNA) -- A grand performance was given at the East Pyongyang Grand Theatre. "
        f"The notebook of a fallen soldier read: “{QUOTE} with boundless love for our Supreme Commander.”"
    )
    yonhap = (
        "SEOUL, June 30 (Yonhap) -- North Korean leader Kim Jong Un mourned soldiers killed in Russia "
        "at a grand performance at the East Pyongyang Grand Theatre. "
        f"A notebook shown on the screen read, “{PART},” and “Let us bravely fight this sacred battle,” "
        "the Korean Central News Agency said."
    )
    fox = (
        "North Korean leader Kim Jong Un mourned soldiers killed in Russia, footage aired on state media "
        "showed, at a grand performance at the East Pyongyang Grand Theatre. "
        f"The notebook reportedly contained a message that read, “{PART},” according to Yonhap. "
        "The soldiers fought in Russia's Kursk region, North Korean state media said."
    )
    other = "Exports of semiconductors rose for a third month in a row, the trade ministry said on Tuesday."
    ykc = "“The decisive moment has finally come,” and “Let us bravely fight this sacred battle,”"
    fx = f"The notebook reportedly contained a message that read, “{PART},”"
    return [
        _report("kcna-1", kcna, "KCNA", "2025-06-30", title="Performance given"),
        _report(
            "yonhap-1",
            yonhap,
            "Yonhap",
            "2025-06-30",
            attributions=[("A1", "the Korean Central News Agency", "said", ykc, "indirect", "state_media")],
            claims=[(ykc, "attributed", "A1", [])],
            chains={
                "A1": [("Korean Central News Agency", "state_media"), ("Yonhap News Agency", "news_agency")]
            },
        ),
        _report(
            "fox-1",
            fox,
            "Fox News",
            "2025-07-01",
            attributions=[("A1", "Yonhap", "according to", fx, "according_to", "news_agency")],
            claims=[(fx, "hedged", "A1", ["reportedly"])],
            chains={"A1": [("Yonhap News Agency", "news_agency"), ("Fox News", "outlet")]},
        ),
        _report("other-1", other, "Yonhap", "2025-06-30"),
    ]


def snapshot(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every cross-article table, sorted (what must not depend on how tracing was split or run)."""
    out = {}
    for t, cols in (
        ("story_articles", "story_id, article_id"),
        ("copies", "*"),
        ("story_labels", "*"),
        ("claim_groups", "*"),
        ("claim_group_mentions", "*"),
        ("relays", "*"),
        (
            "drift",
            "* EXCLUDE (upstream_cues, downstream_cues), list_sort(upstream_cues), list_sort(downstream_cues)",
        ),
        ("claim_state", "article_id, seq, claim_state, relay_state, groups"),
    ):
        out[t] = sorted(store.query(f"SELECT {cols} FROM {t}")[1], key=repr)
    return out


def _groups_of(store: Store) -> dict[str, set[str]]:
    rows = store.query("SELECT group_id, article_id FROM claim_group_mentions")[1]
    out: dict[str, set[str]] = {}
    for g, a in rows:
        out.setdefault(g, set()).add(a)
    return out


# --- unit rules ------------------------------------------------------------------------------------


def test_a_relayed_quote_is_one_group_whose_first_article_is_the_state_media_item(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.duckdb") as store:
        store.write(kctv_yonhap_fox())
        stats = trace(store)
        assert "claim mentions" in stats.line() and stats.relays > 0
        text = dict(store.query("SELECT id, text FROM articles")[1])
        groups = {g: arts for g, arts in _groups_of(store).items() if len(arts) > 1}
        (gid,) = [g for g, arts in groups.items() if {"kcna-1", "yonhap-1", "fox-1"} <= arts]
        row = store.query(
            "SELECT first_article_id, first_seen, kind, articles FROM claim_groups WHERE group_id = ?".replace(
                "?", f"'{gid}'"
            )
        )[1][0]
        assert row[:2] == ("kcna-1", "2025-06-30") and row[3] == 3
        # every mention points at exact spans of its article's text
        for a, s, e, lvl in store.query(
            f'SELECT article_id, "start", "end", level FROM claim_group_mentions WHERE group_id = \'{gid}\''
        )[1]:
            assert PART.split()[1] in text[a][s:e] or "bravely" in text[a][s:e]
            assert lvl in ("asserted", "attributed", "hedged", "disputed")
        relays = store.query(
            'SELECT article_id, "start", "end", origin_article_id, origin_start, origin_end, relation, credit '
            "FROM relays"
        )[1]
        cites = {(r[0], r[3]) for r in relays if r[6] == "cites"}
        assert ("fox-1", "yonhap-1") in cites and ("yonhap-1", "kcna-1") in cites
        assert not any(
            r[3] == "other-1" for r in relays
        )  # the credited outlet's unrelated article is no origin
        for a, s, e, o, os_, oe, rel, _ in relays:
            assert 0 <= s < e <= len(text[a]) and 0 <= os_ < oe <= len(text[o])
            assert rel in ("verbatim_quote", "partial_quote", "paraphrase", "wire_copy", "cites")
        assert any(r[6] in ("verbatim_quote", "partial_quote") and r[0] == "fox-1" for r in relays)


def test_the_chain_runs_through_the_stored_articles_and_claim_finds_it(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.duckdb") as store:
        store.write(kctv_yonhap_fox())
        trace(store)
        (rec,) = find_claims(
            store, "“the DECISIVE moment has finally come”"
        )  # quote marks and case normalised
        assert rec.first_article_id == "kcna-1"
        assert next(m.article_id for m in rec.mentions) == "kcna-1"
        assert [m.published for m in rec.mentions] == sorted(m.published or "" for m in rec.mentions)
        fox = next(m for m in rec.mentions if m.article_id == "fox-1")
        assert fox.via is not None and fox.via.relation == "cites" and fox.via.article_id == "yonhap-1"
        assert fox.level == "hedged"
        articles = [h.article_id for h in fox.chain if h.article_id]
        assert articles == ["kcna-1", "yonhap-1", "fox-1"]
        yon = next(m for m in rec.mentions if m.article_id == "yonhap-1")
        assert yon.via is not None and yon.via.article_id == "kcna-1"
        assert claim_group(store, rec.group_id) == rec
        assert find_claims(store, rec.group_id)[0].group_id == rec.group_id
        assert find_claims(store, "an entirely different sentence about the weather") == []
        with pytest.raises(ValueError):
            find_claims(store, "  ...  ")


def test_a_credited_article_not_in_the_corpus_gives_no_origin(tmp_path: Path) -> None:
    reports = kctv_yonhap_fox()
    with Store.open(tmp_path / "c.duckdb") as store:
        store.write([r for r in reports if r.article.id != "yonhap-1"])
        trace(store)
        assert store.query("SELECT count(*) FROM relays WHERE relation = 'cites'")[1] == [(0,)]


def test_an_article_years_older_with_the_same_words_is_not_an_origin(tmp_path: Path) -> None:
    reports = kctv_yonhap_fox()
    old = reports[1]
    old_yonhap = Report(
        Article(text=old.article.text, id="yonhap-2019", outlet="Yonhap", published="2019-03-01"),
        attributions=old.attributions,
        chains=old.chains,
        claims=old.claims,
    )
    with Store.open(tmp_path / "c.duckdb") as store:
        store.write([old_yonhap, reports[0], reports[2]])
        trace(store)
        origins = {
            r[0] for r in store.query("SELECT origin_article_id FROM relays WHERE relation = 'cites'")[1]
        }
        assert "yonhap-2019" not in origins


def test_a_credit_is_resolved_when_the_credited_article_arrives_later(tmp_path: Path) -> None:
    """Downstream ingested first: Fox's credit to Yonhap waits (pending) and is resolved when Yonhap's article
    joins the story; the same tables as ingesting in date order and tracing once."""
    kcna, yonhap, fox, other = kctv_yonhap_fox()
    with Store.open(tmp_path / "late.duckdb") as store:
        store.write([fox, other])
        trace(store)
        assert store.query("SELECT count(*) FROM relays WHERE relation = 'cites'")[1] == [(0,)]
        store.write([yonhap])
        trace(store)
        assert ("fox-1", "yonhap-1") in set(
            store.query("SELECT article_id, origin_article_id FROM relays WHERE relation = 'cites'")[1]
        )
        store.write([kcna])
        trace(store)
        late = snapshot(store)
    with Store.open(tmp_path / "once.duckdb") as store:
        store.write([fox, other, yonhap, kcna])
        trace(store)
        assert snapshot(store) == late


def test_drift_raised_when_a_later_outlet_drops_the_hedge(tmp_path: Path) -> None:
    t1 = "The governor will reportedly fire all 34 cadets who posed in the salute photo, officials said."
    t2 = "The governor will fire all 34 cadets who posed in the salute photo, the paper learned."
    c1 = "The governor will reportedly fire all 34 cadets who posed in the salute photo"
    c2 = "The governor will fire all 34 cadets who posed in the salute photo"
    a = _report("a", t1, "Herald", "2020-01-01", claims=[(c1, "hedged", None, ["reportedly"])])
    b = _report("b", t2, "Post", "2020-01-02", claims=[(c2, "asserted", None, [])])
    with Store.open(tmp_path / "c.duckdb") as store:
        store.write([a, b])
        trace(store)
        (d,) = drift_cases(store)
        assert d.direction == "raised" and d.upstream.article_id == "a" and d.downstream.article_id == "b"
        assert d.upstream.text == c1 and d.downstream.text == c2 and "reportedly" in d.upstream.cues
        assert drift_cases(store, outlet="Herald") == []
        rate = dict(
            (r[0], r[1:])
            for r in store.query("SELECT outlet, drifted, raised, drift_rate FROM drift_rate_by_outlet")[1]
        )
        assert rate["Post"] == (1, 1, 1.0)
        unhedged = dict(store.query("SELECT outlet, unhedged_share FROM unhedged_share_by_outlet")[1])
        assert unhedged["Post"] == 1.0


def test_a_line_repeated_down_an_earlier_page_gives_one_relay(tmp_path: Path) -> None:
    """An earlier article (ingested later) that repeats a claim three times relays it once to the later one."""
    c = "The governor will fire all 34 cadets who posed in the salute photo"
    late = _report(
        "late", f"{c}, the paper learned.", "Post", "2020-01-05", claims=[(c, "asserted", None, [])]
    )
    text = f"{c}. Again: {c}. And once more: {c}."
    starts = [text.index(c, at) for at in (0, 1, len(c) + 3)]
    early = Report(
        Article(text=text, id="early", outlet="Herald", published="2020-01-01"),
        claims=tuple(Claim((s, s + len(c)), "asserted") for s in starts),
    )
    with Store.open(tmp_path / "c.duckdb") as store:
        store.write([late])
        trace(store)
        store.write([early])
        trace(store)
        rows = store.query("SELECT article_id, origin_article_id, relation FROM relays")[1]
        assert [r for r in rows if r[:2] == ("late", "early")] == [("late", "early", "verbatim_quote")]
        assert (
            store.query("SELECT count(*) FROM claim_group_mentions WHERE article_id = 'early'")[1][0][0] == 3
        )


def test_an_earlier_article_traced_later_gives_the_group_its_wording(tmp_path: Path) -> None:
    """The group's text, first article and origin follow the earliest article, whenever it arrives."""
    c_late = "The governor will fire all 34 cadets who posed in the salute photo, aides confirmed"
    c_early = "The governor will fire all 34 cadets who posed in the salute photo"
    late = _report("late", f"{c_late}.", "Post", "2020-01-05", claims=[(c_late, "asserted", None, [])])
    early = _report(
        "early",
        f"{c_early}, the paper learned.",
        "Herald",
        "2020-01-01",
        claims=[(c_early, "asserted", None, [])],
    )
    for order in ([late, early], [early, late]):
        with Store.open(tmp_path / f"{order[0].article.id}.duckdb") as store:
            for r in order:
                store.write([r])
                trace(store)
            rows = store.query(
                "SELECT text, first_article_id, first_seen, first_start, first_end FROM claim_groups WHERE articles = 2"
            )[1]
            assert rows == [(c_early, "early", "2020-01-01", 0, len(c_early))], order


def test_wire_copy_relays_point_at_the_shared_stretch(tmp_path: Path) -> None:
    wire = " ".join(f"word{i} lorem ipsum dolor sit amet number{i}." for i in range(40))
    lede = "A new lede written by the outlet itself about something else entirely here. "
    copy = lede + wire[: len(wire) // 2]
    a = Report(Article(text=wire, id="wire", outlet="Wire", published="2025-01-01"))
    b = Report(Article(text=copy, id="copy", outlet="Daily", published="2025-01-01"))
    with Store.open(tmp_path / "c.duckdb") as store:
        store.write([a, b])
        trace(store)
        if not store.query("SELECT count(*) FROM copies")[1][0][0]:
            pytest.skip("not a copy under the copies layer's rules")
        (r,) = store.query(
            'SELECT article_id, "start", "end", origin_article_id, origin_start, origin_end FROM relays '
            "WHERE relation = 'wire_copy'"
        )[1]
        assert r[0] == "copy" and r[3] == "wire"
        assert copy[r[1] : r[2]].startswith("word0") and wire[r[4] : r[5]].startswith("word0")
    ((sa, ea), (sb, eb)) = shared_stretch(copy, wire) or ((0, 0), (0, 0))
    assert copy[sa:ea] == wire[sb:eb]
    assert shared_stretch("one two three", "four five six") is None


def test_views_read_the_claim_tables(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.duckdb") as store:
        store.write(kctv_yonhap_fox())
        trace(store)
        origins = store.query(
            "SELECT outlet, first_outlet, claims FROM relay_origins_by_outlet WHERE first_outlet = 'KCNA'"
        )[1]
        assert {o for o, _, _ in origins} >= {"Yonhap", "Fox News"}
        by = store.query("SELECT outlet, origin_outlet, relation, relays FROM relays_by_outlet")[1]
        assert ("Fox News", "Yonhap", "cites") in {r[:3] for r in by}
        for view in ("drift_rate_by_outlet", "unhedged_share_by_outlet"):
            store.query(f"SELECT * FROM {view}")


# --- candidates: an exact pre-filter ----------------------------------------------------------------

_VOCAB = (
    "the a of kim north korea korean leader said missile launch test fired two three 2019 51% "
    "percent notebook soldier battle moment finally come decisive sacred fight bravely friday "
    "resigned stepped down director cia petraeus affair county lebanon dauphin cases tuesday"
).split()


@settings(max_examples=300, deadline=None)
@given(
    a=st.lists(st.sampled_from(_VOCAB), min_size=1, max_size=14),
    b=st.lists(st.sampled_from(_VOCAB), max_size=14),
)
def test_may_match_is_necessary_for_same_claim(a: list[str], b: list[str]) -> None:
    pa, pb = passage(" ".join(a)), passage(" ".join(b))
    if same_claim(pa, pb) > 0:
        assert may_match(pa, pb) and may_match(pb, pa)
    if quoted_in(pa, pb):
        assert may_quote(pa, pb)


@pytest.mark.parametrize("overlap", [0.3, 0.6, 0.9])
def test_may_match_follows_the_threshold_set_in_claimtext(
    overlap: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sweep that changes ``claimtext.MIN_OVERLAP`` changes the candidate test too."""
    from reportedly.corpus import claimtext

    monkeypatch.setattr(claimtext, "MIN_OVERLAP", overlap)
    a = passage("Kim fired two missiles on Friday from the east coast near Wonsan harbour")
    b = passage("Kim fired missiles Friday, officials in Seoul and Tokyo said after the launch test")
    assert (same_claim(a, b) > 0) <= may_match(a, b)
    shared = len(a.stems & b.stems) + len(a.numbers & b.numbers)
    smaller = min(len(a.stems) + len(a.numbers), len(b.stems) + len(b.numbers))
    assert may_match(a, b) == (shared >= 3 and shared >= overlap * smaller - 1e-9)


def test_may_match_on_real_sentence_pairs() -> None:
    d = shared_path("relay")
    pairs = [
        json.loads(x) for x in (d / "hedge_drift.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()
    ]
    sentences = [p["sentence_a"] for p in pairs] + [p["sentence_b"] for p in pairs]
    ps = [passage(s) for s in sentences]
    for x in ps:
        for y in ps:
            if same_claim(x, y) > 0:
                assert may_match(x, y)


def test_story_index_candidates_hold_every_match() -> None:
    rng = random.Random(3)
    texts = [" ".join(rng.choice(_VOCAB) for _ in range(rng.randint(2, 12))) for _ in range(300)]
    ps = [passage(t) for t in texts]
    ix = StoryIndex()
    for i, p in enumerate(ps):
        ix.add(p, p, i)
    for q in ps[:60]:
        got = set(ix.candidates(q, None, 200))
        want = {i for i, p in enumerate(ps) if i >= 100 and same_claim(q, p) > 0}
        assert want <= got
        assert all(i >= 100 for i in got)


# --- the online contract -----------------------------------------------------------------------------


def claim_corpus() -> list[Report]:
    """The relay above, plus two hedged/unhedged pairs on other stories, and a few unrelated items."""
    out = kctv_yonhap_fox()
    for n in range(3):
        t1 = f"Officials in county {n} will reportedly close {n + 3} schools on Monday, the board said."
        t2 = f"Officials in county {n} will close {n + 3} schools on Monday, the newspaper said."
        c1 = f"Officials in county {n} will reportedly close {n + 3} schools on Monday"
        c2 = f"Officials in county {n} will close {n + 3} schools on Monday"
        out.append(
            _report(f"h{n}", t1, "Herald", f"2024-0{n + 1}-02", claims=[(c1, "hedged", None, ["reportedly"])])
        )
        out.append(_report(f"p{n}", t2, "Post", f"2024-0{n + 1}-03", claims=[(c2, "asserted", None, [])]))
    return out


def test_tracing_after_each_ingest_equals_one_trace(tmp_path: Path) -> None:
    reports = claim_corpus()
    with Store.open(tmp_path / "once.duckdb") as once:
        once.write(reports)
        trace(once)
        expected = snapshot(once)
    assert expected["drift"] and expected["relays"]
    for cut in (1, 3, len(reports) - 1):
        with Store.open(tmp_path / f"steps{cut}.duckdb") as steps:
            steps.write(reports[:cut])
            trace(steps)
            steps.write(reports[cut:])
            trace(steps, chunk=2)
            assert snapshot(steps) == expected
    with Store.open(tmp_path / "once.duckdb") as once:
        before = snapshot(once)
        stats = trace(once)
        assert stats.traced == 0 and "nothing new" in stats.line() and snapshot(once) == before


def test_a_store_traced_before_the_claim_layer_catches_up_to_the_same_tables(tmp_path: Path) -> None:
    """A schema-4 trace (stories, copies, no claim states): the next trace replays the stories and decides
    every traced article's claims, in chunks, then the new articles: the tables of a trace from scratch."""
    reports = claim_corpus()
    with Store.open(tmp_path / "once.duckdb") as once:
        once.write(reports)
        trace(once)
        expected = snapshot(once)
    with Store.open(tmp_path / "old.duckdb") as store:
        store.write(reports[:7])
        trace(store)
        for t in ("claim_state", "claim_groups", "claim_group_mentions", "relays", "drift"):
            store.con.execute(f"DELETE FROM {t}").fetchall()
        store.write(reports[7:])
        calls = []

        def stop_after_first(done: int, total: int) -> None:
            calls.append(done)
            if len(calls) == 1:
                raise KeyboardInterrupt  # killed between two chunks

        with pytest.raises(KeyboardInterrupt):
            trace(store, chunk=3, on_chunk=stop_after_first)
        assert store.query("SELECT count(*) FROM claim_state")[1] == [(3,)]
        stats = trace(store, chunk=3)
        assert stats.caught_up == 4 and stats.traced == len(reports) - 7
        assert "traced before the claim layer" in stats.line()
        assert snapshot(store) == expected


def test_a_trace_whose_stories_another_version_decided_asks_for_a_rebuild(tmp_path: Path) -> None:
    import reportedly

    reports = claim_corpus()
    with Store.open(tmp_path / "c.duckdb") as store:
        store.write(reports)
        trace(store)
        store.con.execute("DELETE FROM claim_state").fetchall()
        store.con.execute(
            "UPDATE trace_state SET thread = 'elsewhere' WHERE article_id = 'p1'"
        ).fetchall()
        with pytest.raises(reportedly.ReportedlyError, match="--rebuild"):
            trace(store)
        forget(store)
        assert trace(store).traced == len(reports)


def test_a_store_of_schema_4_opens_and_gets_the_claim_tables(tmp_path: Path) -> None:
    db = tmp_path / "v4.duckdb"
    con = duckdb.connect(str(db))
    con.execute(
        "CREATE TABLE migrations (id INTEGER PRIMARY KEY, name VARCHAR NOT NULL, version VARCHAR, applied_at TIMESTAMP)"
    )
    for mid, name, sql in MIGRATIONS[:4]:
        con.execute(sql)
        con.execute("INSERT INTO migrations (id, name) VALUES (?, ?)", [mid, name])
    con.close()
    runner = CliRunner()
    r = runner.invoke(app, ["claim", "--db", str(db), "anything"])
    assert r.exit_code == 1 and r.output.count("\n") == 1 and "run reportedly trace" in r.output, r.output
    with Store.open(db) as store:
        assert store.schema_version() == MIGRATIONS[-1][0] >= 5
        store.write(kctv_yonhap_fox())
        assert trace(store).traced == 4


_KILLED_RUN = """
import sys, time, pickle
from pathlib import Path
from reportedly.corpus.trace import trace
from reportedly.store import Store

def slow(done, total):
    Path(sys.argv[2]).write_text(str(done))
    time.sleep(0.4)

with Store.open(sys.argv[1]) as store:
    trace(store, chunk=3, on_chunk=slow)
"""


def test_a_trace_killed_mid_run_loses_nothing_and_a_rerun_finishes_it(tmp_path: Path) -> None:
    reports = claim_corpus()
    with Store.open(tmp_path / "once.duckdb") as once:
        once.write(reports)
        trace(once)
        expected = snapshot(once)
    db, mark = tmp_path / "killed.duckdb", tmp_path / "progress"
    with Store.open(db) as store:
        store.write(reports)
    proc = subprocess.Popen([sys.executable, "-c", _KILLED_RUN, str(db), str(mark)])
    deadline = time.monotonic() + 120
    while not (mark.exists() and int(mark.read_text() or 0) >= 6) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Store.open(db) as store:
        partly = store.query("SELECT count(*) FROM claim_state")[1][0][0]
        assert 6 <= partly < len(reports)
        assert store.query("SELECT count(*) FROM trace_state")[1][0][0] == partly  # whole chunks only
        trace(store)
        assert snapshot(store) == expected


def test_the_pool_and_dask_engines_give_the_same_claim_tables(tmp_path: Path) -> None:
    reports = claim_corpus()
    tables = []
    for name, kw in (("local", {}), ("pool", {"workers": 2}), ("dask", {"engine": "dask", "workers": 1})):
        with Store.open(tmp_path / f"{name}.duckdb") as store:
            store.write(reports)
            trace(store, chunk=4, **kw)  # type: ignore[arg-type]
            tables.append(snapshot(store))
    assert tables[0] == tables[1] == tables[2]
    assert tables[0]["claim_group_mentions"]


# --- the command line --------------------------------------------------------------------------------


def test_cli_claim_and_drift(tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    with Store.open(db) as store:
        store.write(claim_corpus())
        trace(store)
    runner = CliRunner()
    r = runner.invoke(app, ["claim", "--db", str(db), "decisive moment has finally come", "--format", "json"])
    assert r.exit_code == 0, r.output
    (rec,) = json.loads(r.stdout)
    assert rec["first_article_id"] == "kcna-1"
    fox = next(m for m in rec["mentions"] if m["article_id"] == "fox-1")
    assert [h["article_id"] for h in fox["chain"] if h["article_id"]] == ["kcna-1", "yonhap-1", "fox-1"]
    r = runner.invoke(app, ["claim", "--db", str(db), "decisive moment has finally come"])
    assert r.exit_code == 0 and "kcna-1" in r.stdout and "cites" in r.stdout
    r = runner.invoke(app, ["claim", "--db", str(db), "decisive moment has finally come", "-f", "csv"])
    assert r.exit_code == 0 and r.stdout.startswith("group_id,") and "yonhap-1" in r.stdout
    r = runner.invoke(app, ["claim", "--db", str(db), "no such words anywhere at all"])
    assert r.exit_code == 0 and "no claim holds" in r.output
    r = runner.invoke(app, ["claim", "--db", str(db), "  ...  "])
    assert r.exit_code == 2 and "has no words" in r.output and r.output.count("\n") == 1
    r = runner.invoke(app, ["drift", "--db", str(db), "--format", "json"])
    assert r.exit_code == 0, r.output
    cases = json.loads(r.stdout)
    assert [c["downstream"]["published"] for c in cases] == sorted(
        (c["downstream"]["published"] for c in cases), reverse=True
    )
    assert all(c["direction"] == "raised" for c in cases if c["downstream"]["article_id"].startswith("p"))
    r = runner.invoke(app, ["drift", "--db", str(db)])
    assert r.exit_code == 0 and "reportedly" in r.stdout
    r = runner.invoke(app, ["drift", "--db", str(db), "-f", "csv", "--limit", "1"])
    assert r.exit_code == 0 and len(r.stdout.strip().splitlines()) == 2
    r = runner.invoke(app, ["drift", "--db", str(tmp_path / "missing.duckdb")])
    assert r.exit_code == 1 and r.output.count("\n") == 1


# --- the seed article with hand-made upstream articles --------------------------------------------------

SEED_KCNA = """Performance Given to Mark Anniversary of DPRK-Russia Treaty

Pyongyang, June 30 (KCNA) -- A grand performance was given at the East Pyongyang Grand Theatre on June 29 to mark the first anniversary of the conclusion of the Treaty on Comprehensive Strategic Partnership between the DPRK and the Russian Federation.

Respected Comrade Kim Jong Un, general secretary of the Workers' Party of Korea and president of the State Affairs of the DPRK, enjoyed the performance together with Russian Minister of Culture Olga Lyubimova.

Shown on the screen was the notebook of a heroic soldier who fought in the Kursk region. It read: "The decisive moment has finally come. Let us bravely fight this sacred battle with the boundless love and trust bestowed upon us by our beloved Supreme Commander."

The performance vividly showed the militant friendship between the peoples and armies of the two countries forged in the common struggle.
"""

SEED_YONHAP = """N. Korea's Kim mourns troops killed in Russia war at anniversary concert

SEOUL, June 30 (Yonhap) -- North Korean leader Kim Jong-un was seen tearing up as he mourned soldiers killed fighting for Russia, state media footage showed Monday.

Korean Central Television (KCTV) aired footage of a cultural performance held Sunday at the East Pyongyang Grand Theater to mark the first anniversary of the North's comprehensive strategic partnership treaty with Moscow.

The footage showed Kim placing a North Korean flag on a casket. Other images in the broadcast included photos of North Korean soldiers alongside Russian troops, as well as a bloodstained notebook allegedly recovered from the battlefield in Russia's Kursk region.

The notebook contained a message that read, "The decisive moment has finally come," and "Let us bravely fight this sacred battle with the boundless love and trust bestowed upon us by our beloved Supreme Commander," according to the Korean Central News Agency (KCNA).

Russian Culture Minister Olga Lyubimova was also seen wiping away tears.
"""


@pytest.fixture(scope="module")
def seed_reports(seed_path: Path, nlp) -> list[Report]:  # type: ignore[no-untyped-def]
    from reportedly import analyze_many

    seed = seed_path.read_text(encoding="utf-8")
    arts = [
        Article(
            SEED_KCNA, "kcna-0630", title=SEED_KCNA.splitlines()[0], outlet="KCNA", published="2025-06-30"
        ),
        Article(
            SEED_YONHAP,
            "yonhap-0630",
            title=SEED_YONHAP.splitlines()[0],
            outlet="Yonhap",
            published="2025-06-30",
        ),
        Article(seed, "fox-seed", outlet="Fox News", published="2025-07-01"),
    ]
    return list(analyze_many(arts, nlp=nlp))


def test_seed_notebook_message_is_one_group_first_seen_in_state_media_with_a_chain_through_the_articles(
    tmp_path: Path, seed_reports: list[Report]
) -> None:
    with Store.open(tmp_path / "seed.duckdb") as store:
        store.write(seed_reports)
        trace(store)
        texts = dict(store.query("SELECT id, text FROM articles")[1])
        notebook = [
            (g, a)
            for g, a, s, e in store.query(
                'SELECT group_id, article_id, "start", "end" FROM claim_group_mentions'
            )[1]
            if "bravely fight this sacred battle" in texts[a][s:e] or "decisive moment" in texts[a][s:e]
        ]
        assert {a for _, a in notebook} == {"kcna-0630", "yonhap-0630", "fox-seed"}
        assert len({g for g, _ in notebook}) == 1  # ONE group for the notebook message
        (rec,) = find_claims(store, "Let us bravely fight this sacred battle")
        assert rec.first_article_id == "kcna-0630" and rec.first_outlet == "KCNA"
        assert rec.mentions[0].article_id == "kcna-0630"
        fox = [m for m in rec.mentions if m.article_id == "fox-seed"]
        assert fox and all(texts["fox-seed"][m.start : m.end] == m.text for m in fox)
        chains = [[h.article_id for h in m.chain if h.article_id] for m in fox]
        assert ["kcna-0630", "yonhap-0630", "fox-seed"] in chains
        full = next(m for m in fox if next(h.article_id for h in m.chain if h.article_id) == "kcna-0630")
        names = " → ".join(str(h.name) for h in full.chain)
        assert "KCNA" in names and "Yonhap" in names and names.endswith("Fox News")
        cites = set(
            store.query("SELECT article_id, origin_article_id FROM relays WHERE relation = 'cites'")[1]
        )
        assert ("fox-seed", "yonhap-0630") in cites and ("yonhap-0630", "kcna-0630") in cites
        expected = snapshot(store)
    with Store.open(tmp_path / "steps.duckdb") as steps:  # incremental = from scratch, with claims
        for r in seed_reports:
            steps.write([r])
            trace(steps)
        assert snapshot(steps) == expected
    with Store.open(
        tmp_path / "reverse.duckdb"
    ) as rev:  # downstream first: the credits wait for their origin
        for r in reversed(seed_reports):
            rev.write([r])
            trace(rev)
        (rec2,) = find_claims(rev, "Let us bravely fight this sacred battle")
        # the same day: the first article is the earlier ingested of the two (here Yonhap's)
        assert {m.article_id for m in rec2.mentions} == {"kcna-0630", "yonhap-0630", "fox-seed"}
        cites = set(rev.query("SELECT article_id, origin_article_id FROM relays WHERE relation = 'cites'")[1])
        assert ("fox-seed", "yonhap-0630") in cites


def _unit_article(n: int, rng: random.Random) -> tuple[Item, bytes]:
    """An article of a few claims drawn from a small vocabulary (so that they match across articles)."""
    sentences = [
        " ".join(rng.choice(_VOCAB) for _ in range(rng.randint(4, 9))).capitalize() for _ in range(5)
    ]
    text = ". ".join(sentences) + "."
    claims = []
    at = 0
    for k, sent in enumerate(sentences):
        claims.append(
            Claim((at, at + len(sent)), rng.choice(["asserted", "hedged", "attributed"]) if k else "asserted")
        )
        at += len(sent) + 2
    report = Report(Article(text=text, id=f"a{n}", outlet=f"O{n % 4}"), claims=tuple(claims))
    item = Item(f"a{n}", n, text, None, f"O{n % 4}", f"2020-01-{1 + n % 28:02d}")
    return item, claim_state(item, report)


def test_story_merges_in_the_claim_finder_keep_restore_equal_to_add(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stories merging while claims are decided (their indexes appended, the window by ingest): restoring
    the first k articles with their stories as of then, then adding the rest, decides as adding all."""
    import reportedly.corpus.claims as claims_module

    monkeypatch.setattr(claims_module, "MAX_STORY_MENTIONS", 60)  # the window matters in big stories
    rng = random.Random(11)
    arts = [_unit_article(n, rng) for n in range(70)]
    stories = [f"s{rng.randint(0, 3)}" for _ in arts]
    merges = {20: [("s1", "s0")], 45: [("s3", "s2"), ("s2", "s0")]}  # before article n is added
    alias: dict[str, str] = {}

    def story(n: int) -> str:
        s = stories[n]
        while s in alias:
            s = alias[s]
        return s

    full = ClaimFinder()
    asof, decided = [], []
    for n, (item, state) in enumerate(arts):
        for a, b in merges.get(n, []):
            alias[a] = b
            full.merge_story(a, b)
        asof.append(story(n))
        decided.append(full.add(item, state, asof[-1]))
    for k in (10, 30, 50):
        alias.clear()
        part = ClaimFinder()
        for n in range(k):
            for a, b in merges.get(n, []):
                alias[a] = b
        for n in range(k):  # restored with the story each article is in as of k
            item, state = arts[n]
            part.restore(item, state, story(n), [m.group_id for m in decided[n][0]])
        for n in range(k, len(arts)):
            for a, b in merges.get(n, []):
                alias[a] = b
                part.merge_story(a, b)
            item, state = arts[n]
            assert part.add(item, state, story(n)) == decided[n], (k, n)


def test_a_catch_up_longer_than_one_read_batch_decides_every_traced_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The catch-up writes while it reads the traced articles: the reading goes on to the end."""
    import reportedly.corpus.trace as trace_module
    import reportedly.corpus.tracestore as store_module

    real = store_module.traced
    monkeypatch.setattr(trace_module, "traced", lambda store, texts=True: real(store, texts, batch=2))
    monkeypatch.setattr(trace_module, "RESTORE_BATCH", 3)
    reports = claim_corpus()
    with Store.open(tmp_path / "once.duckdb") as once:
        once.write(reports)
        trace(once)
        expected = snapshot(once)
    with Store.open(tmp_path / "old.duckdb") as store:
        store.write(reports)
        trace(store)
        for t in ("claim_state", "claim_groups", "claim_group_mentions", "relays", "drift"):
            store.con.execute(f"DELETE FROM {t}").fetchall()
        stats = trace(store, chunk=2)
        assert stats.caught_up == len(reports)
        assert snapshot(store) == expected
