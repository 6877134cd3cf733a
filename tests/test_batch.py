"""Corpus ingestion: local engine (one process or a pool), Dask engine, idempotence, bad input, WARC."""

from __future__ import annotations

import io
import json
import textwrap
from pathlib import Path
from typing import Any

import pytest

from reportedly.batch import store_corpus
from reportedly.ingest import count_articles, expand_inputs
from reportedly.settings import Settings
from reportedly.store import COLUMNS, Store

NAMES = ["Ana Ruiz", "Tom Berg", "Mia Chen", "Omar Haddad", "Lena Vogel", "Raj Patel", "Sara Lind", "Ivan Petrov"]
CITIES = ["Springfield", "Riverton", "Lakeside", "Hillview", "Brookfield", "Fairmont", "Oakdale", "Westport"]


def article(i: int) -> dict[str, Any]:
    """A short, distinct English news article with quotes, cues, hedges and a date."""
    name, city = NAMES[i % len(NAMES)], CITIES[(i * 3) % len(CITIES)]
    text = (
        f"Talks in {city} collapse after {i + 2} hours\n\n"
        f"\"We will not back down,\" said {name}, the mayor of {city}, on Monday.\n\n"
        f"Officials reportedly met for {i + 2} hours, according to the Associated Press. "
        f"The council allegedly approved a budget of {100 + i} million dollars, two officials who "
        f"asked not to be named told Reuters.\n\n"
        f"State media KCNA said the meeting was a failure. It was the {i + 1}th meeting this year."
    )
    return {"id": f"art-{i:03d}", "outlet": ["Fox News", "CNN", "NPR"][i % 3], "published": "2025-06-30", "text": text}


def write_corpus(path: Path, n: int, extra_lines: tuple[str, ...] = ()) -> Path:
    lines = [json.dumps(article(i)) for i in range(n)]
    path.write_text("\n".join([*lines, *extra_lines]) + "\n", encoding="utf-8")
    return path


def store_rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted, without the columns that record when or in which order."""
    out = {}
    for table, cols in COLUMNS.items():
        names = ", ".join(f'"{c}"' for c, _ in cols)
        out[table] = store.con.execute(f"SELECT {names} FROM {table} ORDER BY ALL").fetchall()
    return out


def test_expand_inputs_directories_and_globs(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.jsonl").write_text("{}\n")
    (tmp_path / "a" / "two.html").write_text("<html></html>")
    (tmp_path / "a" / "skip.png").write_bytes(b"\x89PNG")
    (tmp_path / "b.txt").write_text("x")
    got = expand_inputs([str(tmp_path / "a"), str(tmp_path / "*.txt"), str(tmp_path / "nothing-*.jsonl")])
    assert got == [
        str(tmp_path / "a" / "one.jsonl"),
        str(tmp_path / "a" / "two.html"),
        str(tmp_path / "b.txt"),
        str(tmp_path / "nothing-*.jsonl"),  # kept, so it becomes a "no such file" error
    ]


def test_count_articles(tmp_path: Path) -> None:
    j = tmp_path / "c.jsonl"
    j.write_bytes(b'{"text": "a"}\n{"text": "b"}\n{"text": "c"}')
    h = tmp_path / "p.html"
    h.write_text("<html></html>")
    assert count_articles([str(j), str(h)]) == 4
    assert count_articles([str(j), str(tmp_path / "x.warc.gz")]) is None
    assert count_articles(["-"]) is None


@pytest.mark.slow
def test_local_ingest_is_idempotent_and_records_bad_input(tmp_path: Path, nlp: Any) -> None:
    big = json.dumps({"id": "giant", "text": "The minister said it was fine. " * 40_000})
    corpus = write_corpus(
        tmp_path / "c.jsonl", 6, (json.dumps(article(2)), "{broken", '{"id": "empty", "text": "  "}', big)
    )
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 4)
    settings = Settings(batch_size=4)
    with Store.open(tmp_path / "s.duckdb") as store:
        stats = store_corpus([str(corpus), str(tmp_path / "bin.txt")], store, settings)
        assert (stats.stored, stats.skipped, stats.failed) == (6, 1, 4)
        assert store.counts()["articles"] == 6
        errors = store.con.execute("SELECT origin, line, reason FROM errors ORDER BY origin, line").fetchall()
        reasons = {(Path(o).name, ln): r for o, ln, r in errors}
        assert "not JSON" in reasons[("c.jsonl", 8)]
        assert "empty" in reasons[("c.jsonl", 9)] or "no non-empty" in reasons[("c.jsonl", 9)]
        assert "too long" in reasons[("c.jsonl", 10)]
        assert "binary" in reasons[("bin.txt", None)]
        first = store_rows(store)
        again = store_corpus([str(corpus), str(tmp_path / "bin.txt")], store, settings)
        assert (again.stored, again.skipped, again.analysed) == (0, 7, 0)
        assert store_rows(store) == first  # nothing duplicated, errors not recorded twice


@pytest.mark.slow
def test_warc_ingest(tmp_path: Path, nlp: Any) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def put(w: WARCWriter, uri: str, ctype: str, body: bytes) -> None:
        hh = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=hh)
        w.write_record(rec)
        rec.raw_stream.close()  # warcio buffers the record in a temporary file

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i in range(2):
            head, *paras = article(i)["text"].split("\n\n")
            body = "".join(f"<p>{p}</p>" for p in paras)
            html = f"<html><head><title>{head}</title></head><body><article><h1>{head}</h1>{body}</article></body></html>"
            put(w, f"https://example.com/{i}", "text/html; charset=utf-8", html.encode())
        put(w, "https://example.com/i.png", "image/png", b"\x89PNG")
        put(w, "https://example.com/e", "text/html", b"<html><body></body></html>")
    with Store.open(":memory:") as store:
        stats = store_corpus([str(path)], store, Settings())
        assert stats.stored == 2 and stats.failed == 1
        urls = store.con.execute("SELECT url, format FROM articles ORDER BY url").fetchall()
        assert urls == [("https://example.com/0", "warc"), ("https://example.com/1", "warc")]
        (err,) = store.con.execute("SELECT line, reason FROM errors").fetchall()
        assert err == (4, "no article text found in the HTML")


def _corpus_and_one_process_rows(tmp_path: Path, settings: Settings) -> tuple[Path, dict[str, list[tuple[Any, ...]]]]:
    """10 articles, a broken line and a duplicate, and the rows the one-process engine stores for them."""
    corpus = write_corpus(tmp_path / "c.jsonl", 10, ("{broken", json.dumps(article(3))))
    with Store.open(tmp_path / "one.duckdb") as one:
        store_corpus([str(corpus)], one, settings)
        return corpus, store_rows(one)


@pytest.mark.slow
def test_dask_engine_gives_the_same_store_as_local(tmp_path: Path, nlp: Any) -> None:
    settings = Settings(batch_size=4)
    corpus, expected = _corpus_and_one_process_rows(tmp_path, settings)
    with Store.open(tmp_path / "dask.duckdb") as d:
        stats = store_corpus([str(corpus)], d, settings, engine="dask", workers=2, partition_size=3)
        assert stats.workers == 2 and len(stats.worker_peak_mb) == 2
        assert (stats.stored, stats.skipped, stats.failed) == (10, 1, 1)
        assert store_rows(d) == expected
    with Store.open(tmp_path / "shards.duckdb") as s:
        stats = store_corpus(
            [str(corpus)], s, settings, engine="dask", workers=2, partition_size=3, shards=str(tmp_path / "shards")
        )
        assert (stats.stored, stats.skipped, stats.failed) == (10, 1, 1)
        assert store_rows(s) == expected
        assert len(list((tmp_path / "shards").iterdir())) == 4  # ceil(10 / 3) shards


@pytest.mark.slow
def test_process_pool_gives_the_same_store_as_one_process(tmp_path: Path, nlp: Any) -> None:
    settings = Settings(batch_size=3)
    corpus, expected = _corpus_and_one_process_rows(tmp_path, settings)
    with Store.open(tmp_path / "pool.duckdb") as pool:
        stats = store_corpus([str(corpus)], pool, settings, workers=2)
        assert stats.workers == 2 and 1 <= len(stats.worker_peak_mb) <= 2
        assert all(mb > 100 for mb in stats.worker_peak_mb)  # a worker holds a model
        assert (stats.stored, stats.skipped, stats.failed) == (10, 1, 1)
        assert store_rows(pool) == expected
        again = store_corpus([str(corpus)], pool, settings, workers=2)
        assert (again.stored, again.skipped) == (0, 11)



@pytest.mark.slow
def test_pool_workers_are_recycled_and_the_store_is_the_same(
    tmp_path: Path, nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers replaced after a few articles (``RECYCLE_ARTICLES``) give the same rows, and nothing hangs."""
    import reportedly.batch

    settings = Settings(batch_size=2)
    corpus, expected = _corpus_and_one_process_rows(tmp_path, settings)
    monkeypatch.setattr(reportedly.batch, "RECYCLE_ARTICLES", 2)  # a fresh worker after 2 batches
    with Store.open(tmp_path / "recycled.duckdb") as pool:
        stats = store_corpus([str(corpus)], pool, settings, workers=2)
        assert (stats.stored, stats.skipped, stats.failed) == (10, 1, 1)
        assert store_rows(pool) == expected
        assert len(stats.worker_cpu_s) > 2  # more processes ran than there are workers
        assert len(stats.worker_peak_mb) == 2

CRASHING_MODEL = """
    import importlib
    import os

    from spacy.language import Language

    from reportedly.nlp import MODEL_NAMES


    @Language.component("die_on_marker")
    def die_on_marker(doc):
        if "DIE-HERE" in doc.text:
            os._exit(3)  # a worker killed mid-batch (out of memory, a segfault)
        return doc


    def load():
        for name in MODEL_NAMES:
            try:
                nlp = importlib.import_module(name).load()
            except ImportError:
                continue
            nlp.add_pipe("die_on_marker", first=True)
            return nlp
        raise ImportError("no English pipeline")
"""


@pytest.mark.slow
def test_process_pool_survives_a_dying_worker(tmp_path: Path, nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker that dies takes its batch with it: the others are retried, the culprit lands in errors."""
    (tmp_path / "crashing_model.py").write_text(textwrap.dedent(CRASHING_MODEL), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))  # workers get this process's sys.path
    lines = [json.dumps(article(i)) for i in range(8)]
    bad = article(20)
    bad["text"] = bad["text"].replace("State media", "DIE-HERE State media")
    lines.insert(4, json.dumps(bad))
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Store.open(tmp_path / "s.duckdb") as store:
        stats = store_corpus([str(corpus)], store, Settings(batch_size=3, model="crashing_model"), workers=2)
        assert (stats.stored, stats.failed) == (8, 1), stats.errors
        assert "worker failed" in stats.errors[0] and "BrokenProcessPool" in stats.errors[0]
        ids = {r[0] for r in store.con.execute("SELECT id FROM articles").fetchall()}
        assert ids == {f"art-{i:03d}" for i in range(8)}
        err = store.con.execute("SELECT article_id, stage FROM errors").fetchall()
        assert err == [("art-020", "analyze")]


def test_process_pool_without_a_model_is_one_clear_error(tmp_path: Path) -> None:
    from reportedly.errors import ModelMissingError

    corpus = write_corpus(tmp_path / "c.jsonl", 3)
    with Store.open(tmp_path / "s.duckdb") as store, pytest.raises(ModelMissingError, match="pip install"):
        store_corpus([str(corpus)], store, Settings(model="no_such_pipeline_xyz"), workers=2)


def test_dask_workers_keep_glibc_mmap_threshold_but_thread_limits() -> None:
    """Dask's nanny would set MALLOC_TRIM_THRESHOLD_ (30% more worker CPU over spaCy); the local
    cluster drops it and keeps the one-thread BLAS limits."""
    import dask
    import distributed  # noqa: F401  (registers its configuration)

    from reportedly.batch import PRE_SPAWN_ENVIRON, worker_environ

    default = dict(dask.config.get(PRE_SPAWN_ENVIRON))
    env = worker_environ(dask.config)
    assert "MALLOC_TRIM_THRESHOLD_" not in env
    assert env == {k: v for k, v in default.items() if k != "MALLOC_TRIM_THRESHOLD_"}
    assert dask.config.get(PRE_SPAWN_ENVIRON) == default  # the global config is untouched
