"""Score copy detection (``corpus.copies``) on labelled article pairs (``relay/wire_copy.jsonl``).

Each pair of ``wire_copy.jsonl`` (``article_a``, ``article_b``, ``label``: same_wire_copy,
partial_reuse or independent) names two articles of ``articles.jsonl`` in the same folder.  The
online finder (``CopyFinder.add``) runs over all the folder's articles in file order, as a trace of
a store ingested in that order would (each article as ingest stores it, ``stories.as_stored``: its
anatomy types the blocks the finder skips); a pair scores what the finder decided for it
(``same_copy`` as same_wire_copy; no copy, or never proposed, as independent), and the 3-way
accuracy and the confusion matrix are reported.  ``retrieved`` counts the reused pairs (gold
same_wire_copy or partial_reuse) that the candidate index proposes at all.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from ..corpus.copies import Copy, CopyFinder, copy_state
from ..corpus.items import Item
from .records import read_jsonl
from .stories import as_stored

LABELS = ("same_wire_copy", "partial_reuse", "independent")
_KIND = {"same_copy": "same_wire_copy", "partial_reuse": "partial_reuse"}


def evaluate(directory: Path) -> dict[str, Any]:
    """Accuracy, confusion and per-pair results on ``directory/wire_copy.jsonl``."""
    pairs = read_jsonl(directory / "wire_copy.jsonl")
    articles = read_jsonl(directory / "articles.jsonl")
    items: dict[str, Item] = {}
    for a in articles:
        if isinstance(a.get("id"), str) and isinstance(a.get("text"), str) and a["id"] not in items:
            published = a.get("published") if isinstance(a.get("published"), str) else None
            outlet = a.get("outlet") if isinstance(a.get("outlet"), str) else None
            record = {"id": a["id"], "text": a["text"], "outlet": outlet, "published": published}
            items[a["id"]] = as_stored(record, len(items))
    finder = CopyFinder(lambda ids: {i: items[i] for i in ids}, keep_proposed=True)
    decided: dict[frozenset[str], Copy] = {}
    for found in finder.add_many((it, copy_state(it)) for it in items.values()):
        decided.update({frozenset((c.article_id, c.source_article_id)): c for c in found})
    proposed = {frozenset(p) for p in finder.proposed or ()}
    confusion: Counter[tuple[str, str]] = Counter()
    rows = []
    retrieved = reused = 0
    for p in pairs:
        ida, idb, gold = p.get("article_a"), p.get("article_b"), p.get("label")
        if (
            not isinstance(ida, str)
            or not isinstance(idb, str)
            or ida not in items
            or idb not in items
            or gold not in LABELS
        ):
            raise ValueError(
                f"pair {ida} / {idb}: article missing from articles.jsonl or unknown label {gold!r}"
            )
        c = decided.get(frozenset((ida, idb)))
        got = _KIND[c.kind] if c else "independent"
        confusion[(gold, got)] += 1
        if gold != "independent":
            reused += 1
            retrieved += frozenset((ida, idb)) in proposed
        rows.append(
            {"a": ida, "b": idb, "gold": gold, "system": got, "containment": c.containment if c else None}
        )
    n = len(rows)
    correct = sum(v for (g, s), v in confusion.items() if g == s)
    return {
        "pairs": n,
        "accuracy": round(correct / n, 3) if n else 0.0,
        "confusion": {g: {s: confusion[(g, s)] for s in LABELS} for g in LABELS},
        "retrieved": retrieved,
        "reused": reused,
        "rows": rows,
    }


def format_result(result: dict[str, Any]) -> str:
    lines = [
        f"copies: {result['pairs']} pairs, 3-way accuracy {result['accuracy']:.3f}; "
        f"candidate index proposes {result['retrieved']} of {result['reused']} reused pairs",
        "gold / system".ljust(16) + "".join(s.rjust(16) for s in LABELS),
    ]
    for g in LABELS:
        lines.append(f"{g:<16}" + "".join(f"{result['confusion'][g][s]:>16}" for s in LABELS))
    return "\n".join(lines)
