"""Reading the scorers' JSONL files: one JSON object per line, errors naming the file and line."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any


def read_jsonl(path: Path, check: Callable[[dict[str, Any]], str | None] | None = None) -> list[dict[str, Any]]:
    """The JSON objects of a JSONL file, blank lines skipped.

    Raises ``FileNotFoundError`` for a missing file and ``ValueError`` naming ``path:line`` for a line
    that is not a JSON object, or that ``check`` (given a record, returns a problem or None) refuses.
    """
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    out: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{n}: not JSON ({e.msg})") from None
            if not isinstance(rec, dict):
                raise ValueError(f"{path}:{n}: not a JSON object")
            problem = check(rec) if check is not None else None
            if problem:
                raise ValueError(f"{path}:{n}: {problem}")
            out.append(rec)
    return out
