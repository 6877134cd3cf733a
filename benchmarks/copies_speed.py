"""Speed and memory of copy detection (``reportedly.corpus.copies``) as the corpus grows.

    python benchmarks/copies_speed.py [--sizes 1000,5000,10000,25305] [--json out.json]

The corpus is the 5,000 AllSides articles followed by the 20,305 KCNA stories (read from
../shared/data; KCNA recycles formulas heavily, the hard case for an index of shingles).  Each size
runs in a fresh process: fingerprinting, then the candidate index and the comparisons, with CPU
seconds, peak resident memory (VmHWM) and the copies found.  Timing only, not collected by pytest.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
FILES = [SHARED / "allsides" / "articles.jsonl", SHARED / "kcna" / "kcna_2011_2012.jsonl"]

_PROBE = """
import json, sys, time
from collections import Counter
from reportedly.batch import peak_rss_mb
from reportedly.corpus.copies import find_copies, fingerprint
n = int(sys.argv[1]); files = sys.argv[2:]
arts = []
for f in files:
    with open(f, encoding="utf-8") as fh:
        for line in fh:
            if len(arts) >= n:
                break
            arts.append(json.loads(line))
t0 = time.process_time()
fps = [fingerprint(a["id"], a["text"], a.get("published"), i, a.get("outlet")) for i, a in enumerate(arts)]
t1 = time.process_time()
copies = find_copies(fps)
t2 = time.process_time()
print(json.dumps({"articles": len(arts), "fingerprint_s": round(t1 - t0, 1), "compare_s": round(t2 - t1, 1),
                  "peak_mb": round(peak_rss_mb()), "copies": dict(Counter(c.kind for c in copies))}))
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,5000,10000,25305")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    if not all(f.exists() for f in FILES):
        print("no data under ../shared/data; nothing to measure")
        return 0
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
        out = subprocess.run([sys.executable, "-c", _PROBE, str(n), *map(str, FILES)], capture_output=True, text=True, check=True)
        row = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(f"{row['articles']:>7} articles  fingerprints {row['fingerprint_s']:>6.1f} s  "
              f"index + compare {row['compare_s']:>6.1f} s  peak {row['peak_mb']:>5} MB  copies {row['copies']}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
