"""Hardening of the store (issue 17): changed articles are refused, ``query`` cannot reach the file
system, and a full disk, a corrupt database or an export target that cannot be written give one
error line, never a traceback, and leave the store usable."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from reportedly.cli import app
from reportedly.model import Article, Report
from reportedly.store import Store, StoreError, text_hash

runner = CliRunner()


def article(i: int, text: str | None = None, aid: str | None = None) -> dict[str, Any]:
    text = text or (
        f"Budget vote delayed for the {i + 1}th time\n\n"
        f"\"This is not over,\" said Ana Ruiz, a spokesperson for the council, on Tuesday.\n\n"
        f"The vote was reportedly delayed by {i + 3} days, according to local media."
    )
    return {"id": aid or f"c-{i:03d}", "outlet": "CNN", "text": text}


def corpus(path: Path, *items: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(x) + "\n" for x in items), encoding="utf-8")
    return path


def ingest(corpus_path: Path, db: Path) -> Any:
    return runner.invoke(app, ["ingest", str(corpus_path), "--db", str(db), "--no-progress", "--workers", "1"])


def one_error_line(output: str) -> str:
    """The output is exactly one ``reportedly: error: ...`` line, no traceback."""
    lines = [x for x in output.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("reportedly: error: "), output
    assert "Traceback" not in output
    return lines[0]


def small_store(path: Path, n: int = 3) -> Path:
    """A store of ``n`` bare reports, written without the spaCy model."""
    with Store.open(path) as s:
        s.write([Report(article=Article(text=f"Text number {i}. It says little.", id=f"a{i}")) for i in range(n)])
    return path


def articles_in(db: Path) -> int:
    with Store.open(db, read_only=True) as s:
        return s.counts()["articles"]


# --- 1. a changed article is refused, not skipped ------------------------------------


@pytest.mark.slow
def test_an_article_whose_id_is_stored_with_another_text_fails(tmp_path: Path, nlp: Any) -> None:
    db = tmp_path / "s.duckdb"
    first = corpus(tmp_path / "a.jsonl", article(0), article(1))
    assert "2 stored, 0 skipped (already stored), 0 failed" in ingest(first, db).output
    changed = article(0, text="A wholly different story.\n\nOfficials said nothing at all on Monday.")
    second = corpus(
        tmp_path / "b.jsonl",
        changed,  # same id, other text: refused
        article(1),  # same id, same text: skipped
        article(1, aid="other-id"),  # same text under another id: a republication, stored
    )
    res = ingest(second, db)
    assert res.exit_code == 0, res.output
    assert "1 stored, 1 skipped (already stored), 1 failed" in res.output
    line = next(x for x in res.output.splitlines() if x.startswith("reportedly: error: "))
    assert f"{second}:1: id 'c-000' is already stored with a different text" in line
    assert text_hash(str(changed["text"]))[:12] in line and "under a new id" in line
    with Store.open(db, read_only=True) as s:
        (text,) = s.con.execute("SELECT text FROM articles WHERE id = 'c-000'").fetchone() or ("",)
        rows = s.con.execute("SELECT origin, line, article_id, stage FROM errors").fetchall()
    assert text == article(0)["text"]  # the stored text is kept
    assert rows == [(str(second), 1, "c-000", "read")]
    # again: counted as failed again, recorded once
    again = ingest(second, db)
    assert "0 stored, 2 skipped (already stored), 1 failed" in again.output
    with Store.open(db, read_only=True) as s:
        assert s.con.execute("SELECT count(DISTINCT text_hash) FROM articles WHERE id IN ('c-001', 'other-id')").fetchall() == [(1,)]
    with Store.open(db, read_only=True) as s:
        assert s.counts()["errors"] == 1


@pytest.mark.slow
def test_the_same_id_twice_in_one_run_with_two_texts(tmp_path: Path, nlp: Any) -> None:
    db = tmp_path / "s.duckdb"
    both = corpus(tmp_path / "a.jsonl", article(0), article(1, aid="c-000"))
    res = ingest(both, db)
    assert res.exit_code == 0 and "1 stored, 0 skipped (already stored), 1 failed" in res.output
    assert "id 'c-000' came earlier in this run with a different text" in res.output


def test_store_write_lists_changed_articles(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as s:
        s.write([Report(article=Article(text="One text.", id="a"))])
        st = s.write([Report(article=Article(text="Another text.", id="a")),
                      Report(article=Article(text="One text.", id="b"))])
        assert (st.articles, st.skipped, st.changed) == (1, 1, ["a"])  # "b": a republication, stored
        assert s.stored(["a", "zz"], [text_hash("x")]) == ({"a": text_hash("One text.")}, set())


# --- 2. query cannot reach the file system ------------------------------------------


def test_query_cannot_read_or_write_files(tmp_path: Path) -> None:
    db = small_store(tmp_path / "s.duckdb")
    leak = tmp_path / "leak.csv"
    secret = tmp_path / "secret.txt"
    secret.write_text("secret", encoding="utf-8")
    for sql in (
        f"COPY articles TO '{leak}'",
        f"SELECT * FROM read_text('{secret}')",
        f"SELECT * FROM read_csv('{secret}')",
        f"ATTACH '{tmp_path / 'other.duckdb'}'",
        "SET enable_external_access = true",
        "RESET enable_external_access",
    ):
        res = runner.invoke(app, ["query", "--db", str(db), sql])
        assert res.exit_code == 1, (sql, res.output)
        assert "query failed" in one_error_line(res.output)
    assert not leak.exists() and not (tmp_path / "other.duckdb").exists()
    assert "--allow-external-access" in runner.invoke(app, ["query", "--db", str(db), f"COPY articles TO '{leak}'"]).output
    # a plain query still works, with the same output
    res = runner.invoke(app, ["query", "--db", str(db), "SELECT id FROM articles ORDER BY id", "-f", "json"])
    assert res.exit_code == 0 and json.loads(res.stdout) == [{"id": "a0"}, {"id": "a1"}, {"id": "a2"}]


def test_external_access_is_allowed_on_purpose(tmp_path: Path) -> None:
    db = small_store(tmp_path / "s.duckdb")
    secret = tmp_path / "secret.txt"
    secret.write_text("secret", encoding="utf-8")
    sql = f"SELECT content FROM read_text('{secret}')"
    res = runner.invoke(app, ["query", "--db", str(db), sql, "-f", "json", "--allow-external-access"])
    assert res.exit_code == 0 and json.loads(res.stdout) == [{"content": "secret"}]
    cfg = tmp_path / "r.toml"
    cfg.write_text("[reportedly]\nquery_external_access = true\n", encoding="utf-8")
    res = runner.invoke(app, ["query", "--db", str(db), sql, "-f", "json", "--config", str(cfg)])
    assert res.exit_code == 0 and json.loads(res.stdout) == [{"content": "secret"}]
    # export writes files itself, and still can
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "csv", str(tmp_path / "csv")])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "csv" / "articles.csv").exists()


def test_store_open_without_external_access(tmp_path: Path) -> None:
    db = small_store(tmp_path / "s.duckdb")
    with Store.open(db, read_only=True, external_access=False) as s:
        assert s.counts()["articles"] == 3 and len(list(s.reports())) == 3
        with pytest.raises(duckdb.PermissionException):
            s.query(f"COPY articles TO '{tmp_path / 'x.csv'}'")
        with pytest.raises(duckdb.Error):
            s.query("SET enable_external_access = true")
        with pytest.raises(duckdb.PermissionException):
            s.query(f"COPY articles TO '{tmp_path / 'x.csv'}'")
        with pytest.raises(StoreError):
            s.export_files(tmp_path, "csv")
    assert not (tmp_path / "x.csv").exists()


# --- 3. a corrupt database -----------------------------------------------------------


def _truncate_half(p: Path) -> None:
    os.truncate(p, p.stat().st_size // 2)


def _scribble(p: Path) -> None:
    with open(p, "r+b") as fh:
        fh.seek(100_000)
        fh.write(os.urandom(4096))


@pytest.mark.parametrize("damage", [_truncate_half, _scribble], ids=["truncated", "scribbled"])
def test_a_corrupt_store_is_one_error_line(tmp_path: Path, damage: Any) -> None:
    db = small_store(tmp_path / "s.duckdb")
    damage(db)
    before = db.read_bytes()
    jsonl = corpus(tmp_path / "c.jsonl", article(0))
    for args in (
        ["ingest", str(jsonl), "--db", str(db), "--no-progress", "--workers", "1"],
        ["query", "--db", str(db), "SELECT count(*) FROM articles"],
        ["export", "--db", str(db), "--format", "jsonl", str(tmp_path / "r.jsonl")],
        ["export", "--db", str(db), "--format", "parquet", str(tmp_path / "pq")],
        ["views", "--db", str(db)],
    ):
        res = runner.invoke(app, args)
        assert res.exit_code == 1, (args, res.output)
        line = one_error_line(res.output)
        assert f"{db}: not a reportedly store or corrupt: " in line, line
    assert db.read_bytes() == before  # refused, not touched
    with pytest.raises(StoreError, match="not a reportedly store or corrupt"):
        Store.open(db)


def test_a_sound_store_passes_the_size_check(tmp_path: Path) -> None:
    db = small_store(tmp_path / "s.duckdb")
    with Store.open(db) as s:  # reopened for writing: the check passes, nothing changes
        assert s.counts()["articles"] == 3


# --- full disks, read-only directories (tmpfs mounts; root only) ----------------------


@contextlib.contextmanager
def mounted(where: Path, *opts: str) -> Iterator[Path]:
    """A small tmpfs at ``where`` (skips the test when mounting is not permitted)."""
    where.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", ",".join(opts), "tmpfs", str(where)],
            check=True, capture_output=True, timeout=30,
        )
    except (OSError, subprocess.SubprocessError) as e:
        pytest.skip(f"cannot mount a tmpfs here (needs root and mount permission): {e}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False, capture_output=True, timeout=30)


def fill(directory: Path) -> Path:
    """Fill a file system up; returns the filler file (delete it to free the space)."""
    filler = directory / f"fill-{uuid.uuid4().hex}"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    return filler


def test_a_fresh_store_on_a_full_disk(tmp_path: Path) -> None:
    with mounted(tmp_path / "m", "size=1m") as m:
        fill(m)
        db = m / "s.duckdb"
        res = ingest(corpus(tmp_path / "c.jsonl", article(0)), db)
        assert res.exit_code == 1
        line = one_error_line(res.output)
        assert f"{db}: no space left on the device" in line
        assert not db.exists()  # the empty file it made is gone


@pytest.mark.slow
def test_ingest_onto_a_full_disk_keeps_what_was_stored(tmp_path: Path, nlp: Any) -> None:
    with mounted(tmp_path / "m", "size=8m") as m:
        db = m / "s.duckdb"
        assert ingest(corpus(tmp_path / "a.jsonl", article(0), article(1)), db).exit_code == 0
        filler = fill(m)
        more = corpus(tmp_path / "b.jsonl", *(article(i) for i in range(6)))
        res = ingest(more, db)
        assert res.exit_code == 1
        line = one_error_line(res.output)
        assert f"{db}: no space left on the device, cannot store a batch" in line
        filler.unlink()
        assert articles_in(db) == 2  # nothing stored is lost
        res = ingest(more, db)  # and the same command continues
        assert res.exit_code == 0 and "4 stored, 2 skipped (already stored), 0 failed" in res.output
        assert articles_in(db) == 6


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_onto_a_full_disk(tmp_path: Path, fmt: str) -> None:
    db = small_store(tmp_path / "s.duckdb")
    with mounted(tmp_path / "m", "size=1m") as m:
        fill(m)
        res = runner.invoke(app, ["export", "--db", str(db), "--format", fmt, str(m / "out")])
        assert res.exit_code == 1
        line = one_error_line(res.output)
        assert str(m / "out") in line and ("no space left" in line.lower()), line
    assert articles_in(db) == 3


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_export_into_a_read_only_directory(tmp_path: Path, fmt: str) -> None:
    db = small_store(tmp_path / "s.duckdb")
    with mounted(tmp_path / "ro", "ro", "size=1m") as ro:
        res = runner.invoke(app, ["export", "--db", str(db), "--format", fmt, str(ro / "out")])
        assert res.exit_code == 1
        line = one_error_line(res.output)
        assert f"{ro / 'out'}: cannot" in line and "Read-only file system" in line, line


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_under_a_regular_file_or_a_missing_directory(tmp_path: Path, fmt: str) -> None:
    db = small_store(tmp_path / "s.duckdb")
    regular = tmp_path / "a-file"
    regular.write_text("x", encoding="utf-8")
    targets = [regular / "out"]
    if fmt == "jsonl":  # directories are made for parquet and csv; a JSONL file needs its directory
        targets.append(tmp_path / "missing" / "out.jsonl")
    for target in targets:
        res = runner.invoke(app, ["export", "--db", str(db), "--format", fmt, str(target)])
        assert res.exit_code == 1, res.output
        line = one_error_line(res.output)
        assert f"{target}: cannot" in line and ("Not a directory" in line or "No such file" in line), line
    assert articles_in(db) == 3
