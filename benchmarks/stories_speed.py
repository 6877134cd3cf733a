"""Speed and memory of story clustering (``reportedly.corpus.stories``) as the corpus grows.

    python benchmarks/stories_speed.py [--sizes 1000,5000,10000,25305] [--json out.json]

The corpus is the 5,000 AllSides articles followed by the 20,305 KCNA stories (read from
../shared/data; KCNA recycles formulas heavily, and "Kim Jong Il" is in nearly every story).  Each
size runs in a fresh process, single-threaded: ``story_state`` of every article, then
``LinkedStories.add`` of every article in order (the online finder's threads, merges applied, and the
pairs it scores), then the average-link stories of the whole graph (``storylinks``, what ``trace`` writes),
with CPU seconds, peak resident memory (VmHWM), the stories and the largest, the threads left, the thread
merges and the mean state size.  The last column is the cost of ``add`` per article relative
to the first size (1.0 is linear cost).  Timing only, not collected by pytest.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from corpus_probe import have_data, run_probe

_PROBE = """
import json, sys, time
from reportedly.batch import peak_rss_mb
from reportedly.corpus.items import Item
from collections import Counter
from reportedly.corpus.stories import story_state
from reportedly.corpus.storylinks import LinkedStories
n = int(sys.argv[1]); files = sys.argv[2:]
items = []
for f in files:
    with open(f, encoding="utf-8") as fh:
        for line in fh:
            if len(items) >= n:
                break
            a = json.loads(line)
            items.append(Item(a["id"], len(items), a["text"], a.get("title"), a.get("outlet"), a.get("published")))
t0 = time.process_time()
states = [story_state(it) for it in items]
t1 = time.process_time()
linked = LinkedStories()
stories, merges = set(), 0
for it, s in zip(items, states):
    stories.add(linked.add(it, s)[0])
    for absorbed, _ in linked.take_merges():
        stories.discard(absorbed); merges += 1
t2 = time.process_time()
decided = linked.stories(range(len(items)))
t3 = time.process_time()
sizes = Counter(sid for sid, _ in decided.rows)
print(json.dumps({"articles": len(items), "state_s": round(t1 - t0, 1), "add_s": round(t2 - t1, 1),
                  "link_s": round(t3 - t2, 2), "peak_mb": round(peak_rss_mb()), "stories": len(sizes),
                  "largest": max(sizes.values()), "threads": len(stories), "merges": merges,
                  "state_bytes": round(sum(map(len, states)) / len(states))}))
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,5000,10000,25305")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    if not have_data():
        return 0
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
        row = run_probe(_PROBE, n)
        row["add_ms_per_article"] = round(1000 * row["add_s"] / row["articles"], 2)
        rows.append(row)
        ratio = (
            row["add_ms_per_article"] / rows[0]["add_ms_per_article"]
            if rows[0]["add_ms_per_article"]
            else 0.0
        )
        print(
            f"{row['articles']:>7} articles  states {row['state_s']:>6.1f} s  add {row['add_s']:>6.1f} s  "
            f"({row['add_ms_per_article']:.2f} ms/article, x{ratio:.2f} of the first size)  average link "
            f"{row['link_s']:.2f} s  peak {row['peak_mb']:>5} MB  stories {row['stories']} (largest {row['largest']}; "
            f"{row['threads']} threads, {row['merges']} merges)  state {row['state_bytes']} B",
            flush=True,
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
