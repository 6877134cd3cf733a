"""Speed and memory of ``reportedly trace`` (stories, copies, claims, relays) on an ingested store, as the
corpus grows, incrementally, and when a store traced before the claim layer catches up.

    python benchmarks/trace_speed.py --db /work/corpus/allsides_kcna_v9.duckdb [--sizes 1000,5000,10000,0]
                                     [--incremental 1000] [--catch-up] [--workers 1] [--json out.json]

``--db`` is a store made by ``reportedly ingest`` (here: the 5,000 AllSides articles and the
20,305 KCNA stories, about 40 minutes of ingest; kept outside the repository).  It is never
written: each case works on a copy under a temporary directory.

- size N (0 = all): a copy keeping the first N articles by ingest order, traced from scratch;
- incremental K: a copy whose last K articles are held back, traced, then given back and traced
  again; the second trace is the incremental run (only the K new articles are decided);
- catch-up: the store traced from scratch (size 0) with its claim tables emptied, as a store
  traced before the claim layer (stories and copies, no claim states), traced again: it replays
  the stories and decides the claims of every article; the claim tables must come out the same.

Each trace runs in a fresh process (wall seconds, CPU seconds, peak resident memory).  The
baseline, measured in the same run on the same copy, is reading every text from the store and
splitting it into words (a floor for any pass over the corpus): the ratio trace/baseline is the
figure to compare across machines.  Timing only, not collected by pytest.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

_TRACE = """
import json, sys, time, resource
from reportedly.corpus.trace import trace
from reportedly.store import Store
t0, c0 = time.perf_counter(), time.process_time()
with Store.open(sys.argv[1]) as store:
    s = trace(store, workers=int(sys.argv[2]))
    n = store.query("SELECT count(*) FROM copies")[1][0][0]
    k = store.query("SELECT count(DISTINCT story_id), max(c) FROM (SELECT story_id, count(*) OVER (PARTITION BY story_id) c FROM story_articles)")[1][0]
    g = store.query("SELECT count(*), count(*) FILTER (WHERE articles > 1), max(articles) FROM claim_groups")[1][0]
    c = {t: store.query(f"SELECT count(*) FROM {t}")[1][0][0] for t in ("claim_group_mentions", "relays", "drift")}
    r = dict(store.query("SELECT relation, count(*) FROM relays GROUP BY 1")[1])
print(json.dumps({"traced": s.traced, "caught_up": s.caught_up, "before": s.before,
                  "wall_s": round(time.perf_counter() - t0, 1),
                  "cpu_s": round(time.process_time() - c0, 1), "restore_s": round(s.restore_seconds, 1),
                  "read_s": round(s.read_seconds, 1), "states_s": round(s.state_seconds, 1),
                  "decide_s": round(s.decide_seconds, 1), "write_s": round(s.write_seconds, 1),
                  "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                  "copies": n, "stories": k[0], "largest_story": k[1],
                  "claim_groups": g[0], "groups_across_articles": g[1], "largest_group": g[2],
                  "mentions": c["claim_group_mentions"], "relays": c["relays"], "relays_by_relation": r,
                  "drift": c["drift"]}))
"""

_BASELINE = """
import json, re, sys, time, duckdb
t0 = time.perf_counter()
con = duckdb.connect(sys.argv[1], read_only=True)
cur = con.execute("SELECT text FROM articles ORDER BY seq")
words = 0
while rows := cur.fetchmany(2000):
    for (t,) in rows:
        words += len(re.findall(r"\\w+", t))
print(json.dumps({"baseline_s": round(time.perf_counter() - t0, 2), "words": words}))
"""


def _run(code: str, *args: str) -> dict[str, object]:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


_CLAIM_TABLES = ("claim_state", "claim_groups", "claim_group_mentions", "relays", "drift")


def _claim_tables(db: Path) -> str:
    """A digest of the claim tables' rows (order aside)."""
    import hashlib

    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    digest = hashlib.sha256()
    for t in _CLAIM_TABLES:
        cols = "article_id, seq, claim_state, relay_state, groups" if t == "claim_state" else "*"
        for r in sorted(map(repr, con.execute(f"SELECT {cols} FROM {t}").fetchall())):
            digest.update(r.encode())
    con.close()
    return digest.hexdigest()


def _sql(db: Path, *statements: str) -> None:
    import duckdb

    con = duckdb.connect(str(db))
    for s in statements:
        con.execute(s)
    con.close()


def _copy(src: Path, tmp: Path, name: str) -> Path:
    dst = tmp / name
    shutil.copyfile(src, dst)
    wal = src.with_name(src.name + ".wal")
    if wal.exists():
        shutil.copyfile(wal, dst.with_name(dst.name + ".wal"))
    # a fresh trace: drop what an earlier trace of the source wrote (if any)
    from reportedly.corpus.trace import forget
    from reportedly.store import Store

    with Store.open(dst) as store:
        forget(store)
    return dst


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--sizes", default="1000,5000,10000,0")
    ap.add_argument("--incremental", type=int, default=1000)
    ap.add_argument("--workers", default="1")
    ap.add_argument("--catch-up", action="store_true", help="also trace the source store as it is")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    if not args.db.exists():
        print(f"{args.db}: no such store; ingest one first (see the docstring)")
        return 0
    # bring the store to the current schema once (migrations), on a copy
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(dir=args.db.parent) as t:
        tmp = Path(t)
        src = tmp / "source.duckdb"
        shutil.copyfile(args.db, src)
        from reportedly.store import Store

        Store.open(src).close()
        for n in (int(x) for x in args.sizes.split(",")):
            db = _copy(src, tmp, f"n{n}.duckdb")
            if n:
                _sql(
                    db,
                    f"DELETE FROM articles WHERE seq > (SELECT max(seq) FROM (SELECT seq FROM articles ORDER BY seq LIMIT {n}))",
                )
            base = _run(_BASELINE, str(db))
            row = {"case": f"scratch {n or 'all'}", **_run(_TRACE, str(db), args.workers), **base}
            row["ratio"] = round(float(row["wall_s"]) / max(float(base["baseline_s"]), 1e-3), 1)  # type: ignore[arg-type]
            rows.append(row)
            print(json.dumps(row), flush=True)
            if args.catch_up and not n:
                before = _claim_tables(db)
                _sql(db, *(f"DELETE FROM {t}" for t in _CLAIM_TABLES))
                row = {"case": "catch-up (traced before the claim layer)", **_run(_TRACE, str(db), args.workers)}
                row["same_claim_tables"] = _claim_tables(db) == before
                rows.append(row)
                print(json.dumps(row), flush=True)
            db.unlink()
        if args.incremental:
            k = args.incremental
            db = _copy(src, tmp, "inc.duckdb")
            cut = f"(SELECT min(seq) FROM (SELECT seq FROM articles ORDER BY seq DESC LIMIT {k}))"
            _sql(
                db,
                f"CREATE TABLE held AS SELECT * FROM articles WHERE seq >= {cut}",
                "DELETE FROM articles WHERE seq >= (SELECT min(seq) FROM held)",
            )
            first = _run(_TRACE, str(db), args.workers)
            _sql(db, "INSERT INTO articles SELECT * FROM held", "DROP TABLE held")
            base = _run(_BASELINE, str(db))
            row = {
                "case": f"incremental +{k} on {first['traced']}",
                **_run(_TRACE, str(db), args.workers),
                **base,
            }
            row["ratio"] = round(float(row["wall_s"]) / max(float(base["baseline_s"]), 1e-3), 1)  # type: ignore[arg-type]
            rows.append(row)
            print(json.dumps(row), flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
