"""Rebuild the bundled example articles from the MEANTIME corpus (Wikinews, CC BY).

MEANTIME gives each Wikinews article tokenised, one sentence per line.  This
script detokenises it (PTB quotes to curly quotes, no space before
punctuation ...), joins the sentences of a quotation that spans lines into one
paragraph, and writes each article as UTF-8 text with the headline, the date
and one paragraph per sentence.  Run from the repository root:

    python examples/make_examples.py ../shared/data/meantime/meantime_en_docs.jsonl
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

EXAMPLES = {
    "corpus_gm/123881": "wikinews-gm-chrysler-canadian-loans.txt",
    "corpus_airbus/100911": "wikinews-northrop-eads-tanker-contract.txt",
    "corpus_apple/195869": "wikinews-apple-iphone4-cases.txt",
}

_RULES: list[tuple[str, str]] = [
    (r"`` ?", "“"),
    (r" ?''", "”"),
    (r"` ?", "‘"),
    (r" ([.,;:!?%])", r"\1"),
    (r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1"),
    (r"\( ", "("),
    (r" \)", ")"),
    (r"\$ (?=\d)", "$"),
    (r"# (?=\d)", "£"),
    (r" -- ", " — "),
    (r"\bcan not\b", "cannot"),  # the tokeniser split "cannot"
    (r"\b(I|you|we|they|he|she|it)' (ll|ve|re|m|d)\b", r"\1'\2"),
]


def detokenise(line: str) -> str:
    s = line.strip()
    for pat, rep in _RULES:
        s = re.sub(pat, rep, s)
    # a quote closing after a sentence: “... .” said X  -> keep as is
    s = re.sub(r"“ ", "“", s)
    s = re.sub(r" ”", "”", s)
    return s


def paragraphs(text: str) -> list[str]:
    """Sentences to paragraphs: a quotation open at the end of a line continues on the next."""
    out: list[str] = []
    cur: list[str] = []
    depth = 0
    for raw in text.split("\n"):
        if not raw.strip():
            continue
        depth += raw.count("``") - raw.count("''")
        cur.append(detokenise(raw))
        if depth <= 0:
            out.append(" ".join(cur))
            cur, depth = [], 0
    if cur:
        out.append(" ".join(cur))
    # “...” said X  written on the next line belongs to the quote's paragraph
    merged: list[str] = []
    for p in out:
        if merged and re.match(r"(said|says|stated|added|commented)\b", p):
            merged[-1] = merged[-1] + " " + p
        else:
            merged.append(p)
    return merged


def main(src: str) -> None:
    docs = {}
    for line in Path(src).read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        docs[d["doc"]] = d
    here = Path(__file__).resolve().parent
    for doc_id, name in EXAMPLES.items():
        paras = paragraphs(docs[doc_id]["text"])
        (here / name).write_text("\n\n".join(paras) + "\n", encoding="utf-8")
        print(f"wrote examples/{name} ({len(paras)} paragraphs)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/meantime/meantime_en_docs.jsonl")
