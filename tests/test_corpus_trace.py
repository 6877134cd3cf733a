"""``reportedly trace``: stories and copies written to the store, incrementally, resumably, on every engine."""

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

import pytest
from typer.testing import CliRunner

import reportedly
from conftest import shared_path
from reportedly.cli import app
from reportedly.corpus.trace import trace
from reportedly.model import Article, Credit, Report
from reportedly.store import Store

_SYL = ["ka", "lo", "mi", "ren", "tu", "sa", "vor", "del", "an", "pi", "gu", "ster", "on", "bra", "te", "lin"]


def _words(rng: random.Random, n: int) -> str:
    return " ".join("".join(rng.choice(_SYL) for _ in range(rng.randint(1, 3))) for _ in range(n))


def synthetic(n_events: int = 20, seed: int = 7) -> list[Article]:
    """Articles of ``n_events`` made-up events: per event a wire story, a same copy with a new headline
    and fewer paragraphs, a partial reuse under its own lede (every other event), and an own retelling."""
    rng = random.Random(seed)
    out: list[Article] = []
    for e in range(n_events):
        place, person = _words(rng, 1).title(), f"{_words(rng, 1).title()} {_words(rng, 1).title()}"
        day = f"2025-{1 + e % 12:02d}-{1 + e % 27:02d}"
        lede = f"{person} said in {place} on Monday that {_words(rng, 30)}."
        paras = [f"In {place}, {_words(rng, 45)} {e * 10 + i} people." for i in range(6)]
        wire = "\n\n".join([lede, *paras])
        out.append(Article(wire, f"e{e}-wire", title=f"{place} event {e}", outlet="Wire", published=day))
        copy = "\n\n".join([lede, *paras[:4]])
        out.append(Article(copy, f"e{e}-copy", title=f"New headline {e}", outlet="Daily", published=day))
        if e % 2 == 0:
            own = f"Residents of {place} reacted to what {person} said: {_words(rng, 40)}."
            out.append(
                Article(
                    "\n\n".join([own, _words(rng, 50), *paras[2:5]]),
                    f"e{e}-part",
                    outlet="Herald",
                    published=day,
                )
            )
        retell = f"{person} spoke in {place}. {_words(rng, 60)}. {person} will return to {place}."
        out.append(Article(retell, f"e{e}-own", title=f"{person} in {place}", outlet="Post", published=day))
    return out


def _write(store: Store, articles: list[Article], credits: dict[str, list[Credit]] | None = None) -> None:
    credits = credits or {}
    store.write([Report(article=a, credits=tuple(credits.get(a.id, ()))) for a in articles])


def snapshot(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """The corpus tables, sorted (what must not depend on how tracing was split or run)."""
    return {
        "story_articles": sorted(store.query("SELECT story_id, article_id FROM story_articles")[1]),
        "copies": sorted(store.query("SELECT * FROM copies")[1]),
        "story_labels": sorted(store.query("SELECT * FROM story_labels")[1]),
    }

def traced_once(path: Path, arts: list[Article]) -> dict[str, list[tuple[Any, ...]]]:
    """The tables of a store holding ``arts``, traced in one run (what every other way of tracing must equal)."""
    with Store.open(path) as once:
        _write(once, arts)
        trace(once)
        return snapshot(once)



def test_every_article_is_in_one_story_and_copies_point_at_the_earlier_wire(tmp_path: Path) -> None:
    arts = synthetic(6)
    with Store.open(tmp_path / "c.duckdb") as store:
        _write(store, arts)
        stats = trace(store)
        assert stats.traced == len(arts) and stats.before == 0
        members = store.query("SELECT article_id, count(*) FROM story_articles GROUP BY ALL")[1]
        assert sorted(a for a, _ in members) == sorted(a.id for a in arts)
        assert all(n == 1 for _, n in members)
        copies = {
            (a, s): k for a, s, k in store.query("SELECT article_id, source_article_id, kind FROM copies")[1]
        }
        for e in range(6):
            assert copies.get((f"e{e}-copy", f"e{e}-wire")) == "same_copy"
            if e % 2 == 0:
                assert copies.get((f"e{e}-part", f"e{e}-wire")) == "partial_reuse"
            assert not any(f"e{e}-own" in pair for pair in copies)  # same names, own words: not a copy
        # a copy and its source tell the same story
        story = dict(store.query("SELECT article_id, story_id FROM story_articles")[1])
        for e in range(6):
            assert story[f"e{e}-copy"] == story[f"e{e}-wire"]
        # the views read the tables
        rows = dict(
            (r[0], r[1:])
            for r in store.query("SELECT outlet, articles, copies, same_copies FROM copy_rate_by_outlet")[1]
        )
        assert rows["Daily"] == (6, 6, 6) and rows["Wire"][1] == 0
        n_stories = store.query("SELECT count(*), sum(articles) FROM stories")[1][0]
        assert n_stories[1] == len(arts)


def test_tracing_after_each_ingest_equals_one_trace_of_the_same_store(tmp_path: Path) -> None:
    arts = synthetic(12)
    expected = traced_once(tmp_path / "once.duckdb", arts)
    for cut in (1, 17, len(arts) - 1):
        with Store.open(tmp_path / f"steps{cut}.duckdb") as steps:
            _write(steps, arts[:cut])
            trace(steps)
            _write(steps, arts[cut:])
            stats = trace(steps, chunk=5)
            assert (stats.before, stats.traced) == (cut, len(arts) - cut)
            assert snapshot(steps) == expected


def test_a_trace_with_nothing_new_writes_nothing(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.duckdb") as store:
        arts = synthetic(3)
        _write(store, arts)
        trace(store)
        when = store.query("SELECT max(traced_at), count(*) FROM trace_state")[1]
        before = snapshot(store)
        stats = trace(store)
        assert stats.traced == 0 and stats.before == len(arts)
        assert "nothing new" in stats.line()
        assert snapshot(store) == before
        assert store.query("SELECT max(traced_at), count(*) FROM trace_state")[1] == when


def test_a_copy_is_linked_to_the_wire_credits_found_in_it(tmp_path: Path) -> None:
    arts = synthetic(2)
    credit = Credit("Associated Press", "wire", (0, 5), "test")
    with Store.open(tmp_path / "c.duckdb") as store:
        _write(store, arts, {"e0-copy": [credit]})
        trace(store)
        rows = store.query(
            "SELECT article_id, wire_credit, source_wire_credit FROM copies WHERE source_article_id = 'e0-wire'"
        )[1]
        assert ("e0-copy", "Associated Press", None) in rows
        assert store.query("SELECT copies_with_wire_credit FROM copy_rate_by_outlet WHERE outlet = 'Daily'")[
            1
        ] == [(1,)]


_KILLED_RUN = """
import sys, time
from pathlib import Path
from reportedly.corpus.trace import trace
from reportedly.store import Store

def slow(done, total):
    Path(sys.argv[2]).write_text(str(done))
    time.sleep(0.4)

with Store.open(sys.argv[1]) as store:
    trace(store, chunk=4, on_chunk=slow)
"""


def test_a_trace_killed_mid_run_loses_nothing_written_and_a_rerun_finishes_it(tmp_path: Path) -> None:
    arts = synthetic(10)
    expected = traced_once(tmp_path / "once.duckdb", arts)
    db, mark = tmp_path / "killed.duckdb", tmp_path / "progress"
    with Store.open(db) as store:
        _write(store, arts)
    proc = subprocess.Popen([sys.executable, "-c", _KILLED_RUN, str(db), str(mark)])
    deadline = time.monotonic() + 120
    while not (mark.exists() and int(mark.read_text() or 0) >= 8) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Store.open(db) as store:
        partly = store.query("SELECT count(*) FROM trace_state")[1][0][0]
        assert 8 <= partly < len(arts)
        assert store.query("SELECT count(*) FROM story_articles")[1][0][0] == partly  # whole chunks only
        stats = trace(store)
        assert stats.before == partly and stats.traced == len(arts) - partly
        assert snapshot(store) == expected


def test_the_pool_and_dask_engines_give_the_same_tables_as_one_process(tmp_path: Path) -> None:
    arts = synthetic(8)
    tables = []
    for name, kw in (("local", {}), ("pool", {"workers": 2}), ("dask", {"engine": "dask", "workers": 1})):
        with Store.open(tmp_path / f"{name}.duckdb") as store:
            _write(store, arts)
            trace(store, chunk=9, **kw)  # type: ignore[arg-type]
            tables.append(snapshot(store))
    assert tables[0] == tables[1] == tables[2]


def test_real_wire_copies_are_found_and_incremental_equals_one_run(tmp_path: Path) -> None:
    folder = shared_path("relay")  # skips where the shared data is absent
    records = [
        json.loads(line)
        for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    arts = [
        Article(
            r["text"], r["id"], title=r.get("title"), outlet=r.get("outlet"), published=r.get("published")
        )
        for r in records
        if r.get("text")
    ]
    expected = traced_once(tmp_path / "once.duckdb", arts)
    with Store.open(tmp_path / "once.duckdb") as once:
        story = dict(once.query("SELECT article_id, story_id FROM story_articles")[1])
    pairs = [
        json.loads(line)
        for line in (folder / "wire_copy.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    copies = {frozenset(p[:2]) for p in expected["copies"]}
    same = [p for p in pairs if p["label"] == "same_wire_copy"]
    found = sum(frozenset((p["article_a"], p["article_b"])) in copies for p in same)
    assert found >= 0.9 * len(same)
    assert sum(story[p["article_a"]] == story[p["article_b"]] for p in same) >= 0.9 * len(same)
    with Store.open(tmp_path / "steps.duckdb") as steps:
        half = len(arts) // 2
        _write(steps, arts[:half])
        trace(steps)
        _write(steps, arts[half:])
        trace(steps)
        assert snapshot(steps) == expected


def _jsonl(path: Path, arts: list[Article]) -> Path:
    path.write_text(
        "".join(
            json.dumps(
                {"id": a.id, "text": a.text, "title": a.title, "outlet": a.outlet, "published": a.published}
            )
            + "\n"
            for a in arts
        ),
        encoding="utf-8",
    )
    return path


def test_cli_ingest_trace_then_stories_and_story(tmp_path: Path) -> None:
    runner = CliRunner()
    db = tmp_path / "c.duckdb"
    src = _jsonl(tmp_path / "a.jsonl", synthetic(2))
    r = runner.invoke(
        app, ["ingest", str(src), "--db", str(db), "--workers", "1", "--no-language-check", "--trace"]
    )
    assert r.exit_code == 0, r.output
    assert "traced 7 new articles" in r.output
    r = runner.invoke(app, ["trace", "--db", str(db)])
    assert r.exit_code == 0 and "nothing new to trace (7 articles traced)" in r.output
    r = runner.invoke(app, ["stories", "--db", str(db), "--format", "json", "--min-articles", "1"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    assert sum(s["articles"] for s in rows) == 7 and rows[0]["articles"] >= 2
    r = runner.invoke(app, ["story", "--db", str(db), "e0-copy", "--format", "json"])
    assert r.exit_code == 0, r.output
    arts = {a["article_id"]: a for a in json.loads(r.stdout)}
    assert "same_copy of e0-wire" in " ".join(arts["e0-copy"]["copies"])
    assert any("copied by e0-copy" in c for c in arts["e0-wire"]["copies"])
    r = runner.invoke(app, ["story", "--db", str(db), "e0-copy"])
    assert r.exit_code == 0 and "e0-wire" in r.stdout
    r = runner.invoke(app, ["story", "--db", str(db), "nope"])
    assert r.exit_code == 1 and "no story 'nope'" in r.output


def test_cli_trace_errors_are_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(app, ["trace", "--db", str(tmp_path / "missing.duckdb")])
    assert r.exit_code == 1 and r.output.count("\n") == 1 and "no such database" in r.output
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"not a database at all" * 100)
    r = runner.invoke(app, ["trace", "--db", str(bad)])
    assert r.exit_code == 1 and r.output.count("\n") == 1 and "Traceback" not in r.output


def test_the_python_api_traces_a_file(tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    with Store.open(db) as store:
        _write(store, synthetic(2))
    assert reportedly.trace(db).traced == 7
    assert reportedly.trace(db).traced == 0


def test_a_trace_another_version_wrote_asks_for_a_rebuild_and_rebuild_retraces(tmp_path: Path) -> None:
    arts = synthetic(3)
    expected = traced_once(tmp_path / "once.duckdb", arts)
    with Store.open(tmp_path / "old.duckdb") as store:
        _write(store, arts[:5])
        trace(store)
        store.con.execute(
            "UPDATE trace_state SET copy_state = '\\x00\\x01'::BLOB"
        ).fetchall()  # an older format
        _write(store, arts[5:])
        with pytest.raises(reportedly.ReportedlyError, match="--rebuild"):
            trace(store)
        assert store.query("SELECT count(*) FROM trace_state")[1] == [(5,)]  # nothing half-written
        stats = trace(store, rebuild=True)
        assert (stats.before, stats.traced) == (0, len(arts))
        assert snapshot(store) == expected
    runner = CliRunner()
    with Store.open(tmp_path / "old.duckdb") as store:
        store.con.execute("UPDATE trace_state SET copy_state = '\\x00\\x01'::BLOB").fetchall()
        store.con.execute("DELETE FROM trace_state WHERE article_id = 'e2-own'").fetchall()
    r = runner.invoke(app, ["trace", "--db", str(tmp_path / "old.duckdb")])
    assert r.exit_code == 1 and r.output.count("\n") == 1 and "--rebuild" in r.output
    r = runner.invoke(app, ["trace", "--db", str(tmp_path / "old.duckdb"), "--rebuild"])
    assert r.exit_code == 0 and f"traced {len(arts)} new articles" in r.output, r.output


def test_stories_on_a_store_older_than_the_trace_tables_is_one_line(tmp_path: Path) -> None:
    import duckdb

    from reportedly.store import MIGRATIONS

    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute(
        "CREATE TABLE migrations (id INTEGER PRIMARY KEY, name VARCHAR NOT NULL, version VARCHAR, applied_at TIMESTAMP)"
    )
    for mid, name, sql in MIGRATIONS[:2]:
        con.execute(sql)
        con.execute("INSERT INTO migrations (id, name) VALUES (?, ?)", [mid, name])
    con.close()
    runner = CliRunner()
    for args in (["stories", "--db", str(db)], ["story", "--db", str(db), "s1"]):
        r = runner.invoke(app, args)
        assert r.exit_code == 1 and r.output.count("\n") == 1 and "run reportedly trace" in r.output, r.output
    r = runner.invoke(app, ["trace", "--db", str(db)])  # upgrades the store; nothing to trace
    assert r.exit_code == 0 and "nothing new to trace (0 articles traced)" in r.output, r.output
    r = runner.invoke(app, ["stories", "--db", str(db), "--format", "json"])
    assert r.exit_code == 0 and json.loads(r.stdout) == []


def test_an_article_the_finders_cannot_read_is_recorded_and_the_others_are_traced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reportedly.corpus.tracestates as tr  # where the per-article states are computed

    real = tr.story_state

    def fragile(item: Any) -> bytes:
        if item.id == "e1-wire":
            raise RuntimeError("cannot read this one\nsecond line")
        return real(item)

    monkeypatch.setattr(tr, "story_state", fragile)
    arts = synthetic(3)
    with Store.open(tmp_path / "c.duckdb") as store:
        _write(store, arts)
        stats = trace(store)
        assert stats.traced == len(arts) and stats.failed == 1 and "1 articles failed" in stats.line()
        errors = store.query("SELECT article_id, stage, reason FROM errors")[1]
        assert errors == [
            (
                "e1-wire",
                "trace",
                "e1-wire: cannot trace (RuntimeError: cannot read this one); traced as an empty text",
            )
        ]
        story = dict(store.query("SELECT article_id, story_id FROM story_articles")[1])
        assert len(story) == len(arts) and story["e1-wire"] != story["e1-copy"]


def _as_before_story_links(store: Store) -> None:
    """Make a traced store look like one traced before the story links (schema 5): story_articles held
    the threads, trace_state had neither threads nor links."""
    con = store.con
    con.execute("DELETE FROM story_articles").fetchall()
    con.execute("INSERT INTO story_articles SELECT thread, article_id FROM trace_state").fetchall()
    con.execute("UPDATE trace_state SET thread = NULL, links = NULL").fetchall()


def test_a_store_traced_before_the_story_links_is_replayed_once_even_with_nothing_new(tmp_path: Path) -> None:
    arts = synthetic(8)
    expected = traced_once(tmp_path / "once.duckdb", arts)
    with Store.open(tmp_path / "once.duckdb") as once:
        threads = once.query("SELECT article_id, thread FROM trace_state ORDER BY seq")[1]
    with Store.open(tmp_path / "old.duckdb") as old:
        _write(old, arts[:20])
        trace(old)
        _as_before_story_links(old)
        stats = trace(old)  # nothing new: the replay stores the links and the stories
        assert stats.traced == 0 and stats.relinked == 20 and "story links and stories of 20" in stats.line()
        assert old.query("SELECT count(*) FROM trace_state WHERE links IS NULL OR thread IS NULL")[1][0][0] == 0
        assert "nothing new" in trace(old).line()
        _as_before_story_links(old)
        _write(old, arts[20:])
        assert trace(old, chunk=4).traced == len(arts) - 20
        assert snapshot(old) == expected
        assert old.query("SELECT article_id, thread FROM trace_state ORDER BY seq")[1] == threads
