"""What the corpus benchmarks share: the AllSides + KCNA files, and one probe run in a fresh process.

The corpus is the 5,000 AllSides articles followed by the 20,305 KCNA stories (../shared/data), in
that ingest order.  A probe is a Python snippet run with ``sys.executable -c`` (so each size starts
from an empty process and its peak memory is its own) that prints one JSON line last.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
FILES = [SHARED / "allsides" / "articles.jsonl", SHARED / "kcna" / "kcna_2011_2012.jsonl"]


def have_data() -> bool:
    """Whether the corpus files are there (a message is printed when not)."""
    if all(f.exists() for f in FILES):
        return True
    print("no data under ../shared/data; nothing to measure")
    return False


def run_probe(probe: str, *args: object) -> dict[str, Any]:
    """The JSON object the probe prints last, run with ``args`` then the corpus files as its argv."""
    out = subprocess.run(
        [sys.executable, "-c", probe, *map(str, args), *map(str, FILES)],
        capture_output=True,
        text=True,
        check=True,
    )
    row: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return row
