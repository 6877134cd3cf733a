"""Speed and memory of online copy detection (``reportedly.corpus.copies.CopyFinder``) as the corpus grows.

    python benchmarks/copies_speed.py [--sizes 1000,5000,10000,25305] [--json out.json]

The corpus is the 5,000 AllSides articles followed by the 20,305 KCNA stories (read from
../shared/data; KCNA recycles formulas heavily, the hard case for an index of shingles), in that
ingest order.  Each size runs in a fresh process, from scratch: ``copy_state`` of every article
(what trace computes on workers; here in one process), then ``add_many`` of all in ``seq`` order,
with wall seconds (and the process's CPU seconds, steadier on a shared machine), seconds per 1,000 articles, peak resident memory (VmHWM), the bytes of the
finder's postings (candidate index, outlet furniture counts) and the copies found.
Then the incremental case: ``restore`` of all but the last 1,000 (states computed beforehand, as
the store keeps them), then ``add_many`` of the last 1,000, the candidates' texts served by a dict
standing in for the store.  Timing only, not collected by pytest.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from corpus_probe import have_data, run_probe

_PROBE = """
import json, sys, time
from collections import Counter
from reportedly.batch import peak_rss_mb
from reportedly.corpus.copies import CopyFinder, copy_state
from reportedly.corpus.items import Item
n, last = int(sys.argv[1]), int(sys.argv[2]); files = sys.argv[3:]
arts = []
for f in files:
    with open(f, encoding="utf-8") as fh:
        for line in fh:
            if len(arts) >= n:
                break
            arts.append(json.loads(line))
items = [Item(a["id"], i, a["text"], a.get("title"), a.get("outlet"), a.get("published")) for i, a in enumerate(arts)]
store = {it.id: it for it in items}
fetch = lambda ids: {i: store[i] for i in ids}
t0, c0 = time.perf_counter(), time.process_time()
states = [copy_state(it) for it in items]
t1, c1 = time.perf_counter(), time.process_time()
row = {"articles": len(items), "state_s": round(t1 - t0, 2), "state_cpu_s": round(c1 - c0, 2),
       "state_bytes": sum(map(len, states)) // len(states)}
if last:
    finder = CopyFinder(fetch)
    for it, s in zip(items[:-last], states[:-last]):
        finder.restore(Item(it.id, it.seq, "", None, it.outlet, it.published), s)
    t2, c2 = time.perf_counter(), time.process_time()
    found = finder.add_many(zip(items[-last:], states[-last:]))
    t3, c3 = time.perf_counter(), time.process_time()
    row.update(restored=len(items) - last, added=last, restore_s=round(t2 - t1, 2), add_s=round(t3 - t2, 2),
               restore_cpu_s=round(c2 - c1, 2), add_cpu_s=round(c3 - c2, 2))
else:
    finder = CopyFinder(fetch)
    found = finder.add_many(zip(items, states))
    t3, c3 = time.perf_counter(), time.process_time()
    row.update(add_s=round(t3 - t1, 2), add_cpu_s=round(c3 - c1, 2))
mem = finder.memory() if hasattr(finder, "memory") else {}
row.update(total_s=round(t3 - t0, 2), peak_mb=round(peak_rss_mb()), index_mb={k: round(v / 1e6, 1) for k, v in mem.items()}, fetched=finder.stats["fetched"],
           compared=finder.stats["candidates"], copies=dict(Counter(c.kind for cs in found for c in cs)))
print(json.dumps(row))
"""


def _run(n: int, last: int = 0) -> dict[str, Any]:
    return run_probe(_PROBE, n, last)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,5000,10000,25305")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    if not have_data():
        return 0
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
        row = _run(n)
        rows.append(row)
        per_k = float(row["total_s"]) / int(row["articles"]) * 1000
        base = float(rows[0]["total_s"]) / int(rows[0]["articles"]) * 1000
        row["per_1000_s"] = round(per_k, 2)
        print(
            f"{row['articles']:>7} articles  states {row['state_s']:>6.1f} s  add {row['add_s']:>6.1f} s  "
            f"total {row['total_s']:>6.1f} s ({per_k:.2f} s per 1,000, x{per_k / base:.2f} of the first; "
            f"CPU {row['state_cpu_s']:.1f} + {row['add_cpu_s']:.1f} s)  "
            f"peak {row['peak_mb']:>5} MB  state {row['state_bytes']} B  postings {row['index_mb']} MB  "
            f"copies {row['copies']}",
            flush=True,
        )
    n = max(int(x) for x in args.sizes.split(","))
    row = _run(n, 1000)
    rows.append(row)
    print(
        f"incremental: restore {row['restored']:,} in {row['restore_s']:.2f} s (CPU {row['restore_cpu_s']:.2f} s), "
        f"then add {row['added']:,} in {row['add_s']:.2f} s (CPU {row['add_cpu_s']:.2f} s) ({row['fetched']} articles fetched, {row['compared']} pairs compared)  "
        f"peak {row['peak_mb']} MB  postings {row['index_mb']} MB  copies {row['copies']}",
        flush=True,
    )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
