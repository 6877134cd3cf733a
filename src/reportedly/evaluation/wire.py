"""Scoring wire-agency credits on PolNeAR: is the article's wire service found from its text alone?

PolNeAR's ``metadata.tsv`` says, per article, which wire service (``wire``:
AP, Reuters, AFP, UPI; ``None`` for none; ``NA`` where the publisher's pages
did not say, all of Western Journalism) the publisher credited the story to.
``score_wire`` runs ``anatomy`` and the credits finder (``credits.rules/1``)
on each article's text, with no metadata, and compares the wire agencies
named by credits of kind ``wire`` or ``contribution`` with the gold label:

- an (article, agency) pair is a true positive when both name the agency;
- a predicted agency the label does not give is a false positive (this
  counts, for example, "The Associated Press contributed to this report" in
  an article PolNeAR labels ``None``);
- ``NA`` articles are left out.

Only credits that name a news agency count (registry type ``news_agency`` or
``state_media``, or a name in ``anatomy.names.AGENCY_NAMES``); people named in
"Reporting by" lines do not.  Agencies are compared by their registry names
(AP -> Associated Press).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..anatomy import anatomy
from ..anatomy.names import AGENCY_NAMES, outlet_named
from ..find.credits import credits_of
from ..model import Article, Credit
from ..registry import Registry, load_registry
from ..settings import Settings

# PolNeAR's wire labels -> registry names.
GOLD_NAMES = {
    "ap": "Associated Press",
    "reuters": "Reuters",
    "afp": "Agence France-Presse",
    "upi": "United Press International",
}


@dataclass
class WireResult:
    split: str
    articles: int = 0
    labelled: int = 0
    """Articles whose gold names a wire agency."""
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)
    """(file, gold, predicted) for every article with a false positive or negative."""

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def agency_name(name: str, reg: Registry) -> str | None:
    """The registry name of a news agency, or None when ``name`` is not one."""
    o = outlet_named(reg, name)
    if o is not None:
        return o.name if o.type in {"news_agency", "state_media"} else None
    n = " ".join(name.lower().split()).removeprefix("the ")
    if n in GOLD_NAMES:
        return GOLD_NAMES[n]
    return name if n in AGENCY_NAMES else None


def wire_agencies(credits: Iterable[Credit], reg: Registry) -> set[str]:
    """The agencies that wire and contribution credits name."""
    out: set[str] = set()
    for c in credits:
        if c.kind in {"wire", "contribution"}:
            a = agency_name(c.name, reg)
            if a is not None:
                out.add(a)
    return out


def score_wire(directory: str | Path, splits: Iterable[str] = ("dev",), settings: Settings | None = None) -> list[WireResult]:
    """Score wire detection on the named PolNeAR splits (``directory`` holds metadata.tsv and the splits)."""
    settings = settings or Settings()
    reg = load_registry(tuple(settings.registry))
    d = Path(directory)
    with open(d / "metadata.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    results = []
    for split in splits:
        res = WireResult(split)
        for row in rows:
            if row["compartment"] != split or row["wire"] == "NA":
                continue
            path = d / split / "text" / f"{row['filename']}.txt"
            if not path.is_file():
                continue
            text = path.read_text(encoding="utf-8")
            art = anatomy(Article(text=text, id=row["filename"]), settings)
            pred = wire_agencies(credits_of(text, art.blocks, reg), reg)
            label = row["wire"].strip().lower()
            gold = {GOLD_NAMES.get(label, row["wire"].strip())} if label not in {"none", ""} else set()
            res.articles += 1
            res.labelled += bool(gold)
            res.tp += len(pred & gold)
            res.fp += len(pred - gold)
            res.fn += len(gold - pred)
            if pred != gold:
                res.errors.append((row["filename"], ", ".join(sorted(gold)) or "-", ", ".join(sorted(pred)) or "-"))
        results.append(res)
    return results


def format_wire(results: Iterable[WireResult], errors: bool = True) -> str:
    """A Markdown table of the results (and the articles it got wrong)."""
    lines = [
        "| split | articles | with a wire label | TP | FP | FN | precision | recall | F1 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    res = list(results)
    for r in res:
        lines.append(
            f"| {r.split} | {r.articles} | {r.labelled} | {r.tp} | {r.fp} | {r.fn} | "
            f"{r.precision:.3f} | {r.recall:.3f} | {r.f1:.3f} |"
        )
    if errors:
        for r in res:
            if r.errors:
                lines += ["", f"Errors on {r.split} (file: gold -> found):", ""]
                lines += [f"- {f}: {g} -> {p}" for f, g, p in r.errors]
    return "\n".join(lines)
