"""The corpus commands: ingest, query, export, views; a run killed with SIGKILL loses and duplicates nothing."""

from __future__ import annotations

import csv
import io
import json
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from reportedly import Report
from reportedly.cli import app
from reportedly.store import COLUMNS, VIEWS, Store

NAMES = ["Ana Ruiz", "Tom Berg", "Mia Chen", "Omar Haddad", "Lena Vogel", "Raj Patel"]


def article(i: int) -> dict[str, Any]:
    name = NAMES[i % len(NAMES)]
    text = (
        f"Budget vote delayed for the {i + 1}th time\n\n"
        f"\"This is not over,\" said {name}, a spokesperson for the council, on Tuesday.\n\n"
        f"The vote was reportedly delayed by {i + 3} days, according to local media. "
        f"Two officials who asked not to be named said the talks may resume next week."
    )
    return {"id": f"c-{i:03d}", "outlet": ["Fox News", "CNN"][i % 2], "text": text}


def write_corpus(path: Path, n: int, extra: tuple[str, ...] = ()) -> Path:
    path.write_text("\n".join([*(json.dumps(article(i)) for i in range(n)), *extra]) + "\n", encoding="utf-8")
    return path


def store_rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    with Store.open(db, read_only=True) as s:
        out = {}
        for table, cols in COLUMNS.items():
            names = ", ".join(f'"{c}"' for c, _ in cols)
            out[table] = s.con.execute(f"SELECT {names} FROM {table} ORDER BY ALL").fetchall()
        return out


runner = CliRunner()


def test_commands_are_documented() -> None:
    res = runner.invoke(app, ["--help"])
    for cmd in ("ingest", "query", "export", "views"):
        assert cmd in res.output
        sub = runner.invoke(app, [cmd, "--help"])
        assert sub.exit_code == 0 and "--db" in sub.output


def test_views_lists_every_view() -> None:
    res = runner.invoke(app, ["views"])
    assert res.exit_code == 0
    assert [line.split(":")[0] for line in res.output.splitlines()] == list(VIEWS)


def test_query_of_a_missing_store_fails_cleanly(tmp_path: Path) -> None:
    res = runner.invoke(app, ["query", "--db", str(tmp_path / "none.duckdb"), "SELECT 1"])
    assert res.exit_code == 1 and "no such database" in res.output


def test_shards_need_dask(tmp_path: Path) -> None:
    res = runner.invoke(app, ["ingest", "x.jsonl", "--db", str(tmp_path / "s.duckdb"), "--shards", str(tmp_path)])
    assert res.exit_code == 2 and "--engine dask" in res.output


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of 5 articles and one broken line, ingested once for the read-side tests."""
    d = tmp_path_factory.mktemp("corpus")
    corpus = write_corpus(d / "c.jsonl", 5, ("{broken",))
    res = runner.invoke(app, ["ingest", str(corpus), "--db", str(d / "s.duckdb"), "--no-progress"])
    assert res.exit_code == 0, res.output
    assert "5 stored, 0 skipped (already stored), 1 failed" in res.output
    return d / "s.duckdb"


@pytest.mark.slow
def test_query_formats(db: Path) -> None:
    sql = "SELECT outlet, count(*) AS n FROM articles GROUP BY outlet ORDER BY outlet"
    as_json = runner.invoke(app, ["query", "--db", str(db), sql, "--format", "json"])
    assert json.loads(as_json.stdout) == [{"outlet": "CNN", "n": 2}, {"outlet": "Fox News", "n": 3}]
    as_csv = runner.invoke(app, ["query", "--db", str(db), sql, "--format", "csv"])
    assert list(csv.reader(io.StringIO(as_csv.stdout))) == [["outlet", "n"], ["CNN", "2"], ["Fox News", "3"]]
    table = runner.invoke(app, ["query", "--db", str(db), sql])
    assert "Fox News" in table.stdout and table.exit_code == 0
    errs = runner.invoke(app, ["query", "--db", str(db), "SELECT origin, line, reason FROM errors", "-f", "json"])
    (e,) = json.loads(errs.stdout)
    assert e["line"] == 6 and "not JSON" in e["reason"] and e["origin"].endswith("c.jsonl")
    for view in VIEWS:
        assert runner.invoke(app, ["query", "--db", str(db), f"SELECT * FROM {view}"]).exit_code == 0


@pytest.mark.slow
def test_query_is_read_only_and_reports_sql_errors(db: Path) -> None:
    res = runner.invoke(app, ["query", "--db", str(db), "DELETE FROM articles"])
    assert res.exit_code == 1 and "read-only" in res.output
    res = runner.invoke(app, ["query", "--db", str(db), "SELEC nothing"])
    assert res.exit_code == 1 and "query failed" in res.output
    with Store.open(db, read_only=True) as s:
        assert s.counts()["articles"] == 5


@pytest.mark.slow
def test_export_jsonl_rebuilds_the_reports_analyze_gives(db: Path, tmp_path: Path) -> None:
    from reportedly import analyze_many, read_inputs

    out = tmp_path / "r.jsonl"
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", str(out)])
    assert res.exit_code == 0, res.output
    exported = [Report.from_dict(json.loads(line)) for line in out.read_text(encoding="utf-8").splitlines()]
    corpus = db.parent / "c.jsonl"
    direct = list(analyze_many(x for x in read_inputs([str(corpus)]) if not isinstance(x, Exception)))
    assert exported == direct


@pytest.mark.slow
def test_export_parquet_and_csv(db: Path, tmp_path: Path) -> None:
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "parquet", str(tmp_path / "pq")])
    assert res.exit_code == 0, res.output
    for name in (*COLUMNS, *VIEWS):
        assert (tmp_path / "pq" / f"{name}.parquet").exists(), name
    assert pq.read_table(tmp_path / "pq" / "articles.parquet").num_rows == 5
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "csv", str(tmp_path / "csv")])
    assert res.exit_code == 0, res.output
    with open(tmp_path / "csv" / "articles.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 5 and json.loads(rows[0]["authors"]) == []


# --- kill -9 -------------------------------------------------------------------------


def _ingest_cmd(corpus: Path, db: Path, workers: int = 1) -> list[str]:
    return [
        sys.executable, "-c", "from reportedly.cli import main; main()",
        "ingest", str(corpus), "--db", str(db), "--batch-size", "3", "--no-progress", "-v", "--workers", str(workers),
    ]


def _run_and_kill(cmd: list[str], commits: int, delay: float) -> None:
    """Start an ingest, SIGKILL it ``delay`` seconds after its ``commits``-th committed batch; every
    process it started (pool workers, their fork server) must be gone soon after."""
    mark = f"reportedly-kill-test-{uuid.uuid4().hex}"
    env = {**os.environ, "REPORTEDLY_TEST_MARK": mark}
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.put(line)
        lines.put("")

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    seen = 0
    try:
        while seen < commits:
            line = lines.get(timeout=180)
            assert line, "ingest ended before it could be killed"
            seen += "committed:" in line
        threading.Event().wait(delay)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        reader.join(timeout=60)
        assert proc.stderr is not None
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    deadline = time.monotonic() + 30
    while (left := _marked_processes(mark)) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not left, f"processes of the killed ingest still run: {left}"


def _marked_processes(mark: str) -> list[int]:
    """Live processes whose environment holds ``mark`` (Linux /proc; none found elsewhere)."""
    out = []
    for env in Path("/proc").glob("[0-9]*/environ"):
        try:
            if mark.encode() in env.read_bytes() and "Z" not in (env.parent / "stat").read_text().rsplit(")", 1)[1][:3]:
                out.append(int(env.parent.name))
        except (OSError, IndexError):
            continue
    return out


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_kill_9_loses_and_duplicates_nothing(tmp_path: Path, workers: int) -> None:
    """In one process and with a pool of worker processes (whose workers must leave with the ingest)."""
    # enough articles that the work left after two commits outlasts the kill's delay many times over
    # (24 were too few once the finders got faster: a pool of two finished them all first)
    n = 120
    corpus = write_corpus(tmp_path / "c.jsonl", n, ("{broken", json.dumps(article(5))))
    clean = tmp_path / "clean.duckdb"
    subprocess.run(_ingest_cmd(corpus, clean), check=True, capture_output=True)
    expected = store_rows(clean)
    assert len(expected["articles"]) == n

    db = tmp_path / "killed.duckdb"
    _run_and_kill(_ingest_cmd(corpus, db, workers), commits=2, delay=random.uniform(0.0, 0.2))
    partial = store_rows(db)
    stored = {r[0] for r in partial["articles"]}
    assert 6 <= len(stored) < n
    # every stored article has all its findings, and no other article has any
    for table, rows in expected.items():
        if table in ("articles", "errors"):
            continue
        assert partial[table] == [r for r in rows if r[0] in stored], table

    _run_and_kill(_ingest_cmd(corpus, db, workers), commits=1, delay=0.0)  # killed again, right after a commit
    done = subprocess.run(_ingest_cmd(corpus, db, workers), check=True, capture_output=True, text=True)
    assert "skipped (already stored)" in done.stderr
    assert store_rows(db) == expected
