"""Score credit resolution (``corpus.relays``) on ``relay/outlet_relays.jsonl`` and the hard negatives of ``relay_pairs.jsonl``.

Each row of ``outlet_relays.jsonl`` names a citing article and sentence ("..., a ZTE official told
Reuters"), the credited outlet, and the credited outlet's article carrying the claim (``origin``)
or null (the negatives: the outlet's articles of those days do not carry it).  The citing articles
are analysed once (``analyze_many``); every credit of the citing sentence to the named outlet
(``outlet_credits``) is resolved among **all** the articles of ``articles.jsonl``.  A positive is
found when the first resolved credit names the gold origin; a negative is right when no credit
resolves.

``relay_pairs.jsonl`` rows are outlet quotes that reuse a KCNA formula years after the KCNA story
that first had it.  When ``../kcna/kcna_2011_2012.jsonl`` is present beside the folder, that
story joins the candidates and the outlet span is credited to KCNA on purpose: it must not resolve.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..corpus.items import Item
from ..corpus.relays import Credit, outlet_credits, outlet_key, resolve
from ..model import Report
from ..registry import load_registry
from .drift import analyse, item_of
from .records import read_jsonl


def _items(articles: list[dict[str, Any]]) -> list[Item]:
    out: list[Item] = []
    for a in articles:
        if isinstance(a.get("id"), str) and isinstance(a.get("text"), str):
            outlet = a.get("outlet") if isinstance(a.get("outlet"), str) else None
            published = a.get("published") if isinstance(a.get("published"), str) else None
            out.append(Item(a["id"], len(out), a["text"], a.get("title"), outlet, published))
    return out


def evaluate(directory: Path) -> dict[str, Any]:
    """Positives found and negatives left without origin, and the KCNA hard negatives."""
    rows = read_jsonl(directory / "outlet_relays.jsonl")
    articles = read_jsonl(directory / "articles.jsonl")
    for r in rows:
        if not isinstance(r.get("citing"), dict) or not isinstance(r.get("cited_outlet_sources"), list):
            raise ValueError(f"row {r.get('pair_id')}: missing citing or cited_outlet_sources")
    reports = analyse(articles, {r["citing"]["id"] for r in rows})
    hard_path = directory / "relay_pairs.jsonl"
    hard = read_jsonl(hard_path) if hard_path.is_file() else []
    kcna_path = directory.parent / "kcna" / "kcna_2011_2012.jsonl"
    kcna = read_jsonl(kcna_path) if hard and kcna_path.is_file() else []
    return score(rows, reports, _items(articles), hard, _items(kcna))


def score(
    rows: list[dict[str, Any]],
    reports: Mapping[str, Report],
    items: list[Item],
    hard: list[dict[str, Any]] = (),  # type: ignore[assignment]
    kcna: list[Item] = (),  # type: ignore[assignment]
) -> dict[str, Any]:
    """The figures for rows whose citing articles are analysed already, with ``halves``: the
    positives and negatives of the rows at even and at odd positions."""
    out = _figures(rows, reports, items, hard, kcna)
    out["halves"] = {
        name: {
            k: v
            for k, v in _figures(rows[start::2], reports, items).items()
            if k in ("positives", "found", "found_rate", "negatives", "left_empty", "empty_rate")
        }
        for name, start in (("even", 0), ("odd", 1))
    }
    return out


def _figures(
    rows: list[dict[str, Any]],
    reports: Mapping[str, Report],
    items: list[Item],
    hard: Sequence[dict[str, Any]] = (),
    kcna: Sequence[Item] = (),
) -> dict[str, Any]:
    registry = load_registry()
    by_id = {i.id: i for i in items}
    pos = neg = found = empty = 0
    out = []
    for r in rows:
        c = r["citing"]
        rep = reports[c["id"]]
        text = rep.article.text
        s = text.find(c["span_text"])
        if s < 0:
            raise ValueError(f"row {r.get('pair_id')}: citing span not in its article")
        e = s + len(c["span_text"])
        wanted = {outlet_key(n, registry) for n in r["cited_outlet_sources"]}
        citing = by_id.get(c["id"]) or item_of(rep, len(items))
        got = None
        for credit in outlet_credits(rep, registry):
            if credit.start < e and credit.end > s and credit.outlet in wanted:
                got = resolve(credit, citing, items, registry)
                if got is not None:
                    break
        gold = (r.get("origin") or {}).get("id")
        if gold:
            pos += 1
            found += got is not None and got.origin_article_id == gold
        else:
            neg += 1
            empty += got is None
        out.append(
            {
                "pair_id": r.get("pair_id"),
                "gold": gold,
                "system": got.origin_article_id if got else None,
                "relation": got.relation if got else None,
                "gold_relation": r.get("relation"),
            }
        )
    hard_rows = []
    for h in hard:
        outlet = by_id.get(h.get("outlet_article", ""))
        if outlet is None:
            continue
        s = outlet.text.find(h.get("outlet_span_text", ""))
        credit = Credit(
            "hard", "Korean Central News Agency", max(s, 0), max(s, 0) + len(h.get("outlet_span_text", ""))
        )
        candidates = [k for k in kcna if k.id == (h.get("origin") or {}).get("id")]
        got = resolve(credit, outlet, candidates, registry)
        hard_rows.append(
            {
                "outlet_article": outlet.id,
                "origin_in_corpus": bool(candidates),
                "system": got and got.origin_article_id,
            }
        )
    return {
        "positives": pos,
        "found": found,
        "found_rate": round(found / pos, 3) if pos else 0.0,
        "negatives": neg,
        "left_empty": empty,
        "empty_rate": round(empty / neg, 3) if neg else 0.0,
        "hard_negatives": len(hard_rows),
        "hard_left_empty": sum(1 for h in hard_rows if h["system"] is None),
        "hard_with_origin_loaded": sum(1 for h in hard_rows if h["origin_in_corpus"]),
        "candidates": len(items),
        "rows": out,
        "hard_rows": hard_rows,
    }


def format_result(result: dict[str, Any]) -> str:
    halves = [
        f"  {name} half: found {h['found']} of {h['positives']}, negatives left without an origin "
        f"{h['left_empty']} of {h['negatives']}"
        for name, h in result.get("halves", {}).items()
    ]
    return "\n".join(
        [
            f"relays: credited article found for {result['found']} of {result['positives']} positives "
            f"({result['found_rate']:.3f}) among {result['candidates']} articles",
            f"  negatives left without an origin: {result['left_empty']} of {result['negatives']} ({result['empty_rate']:.3f})",
            f"  KCNA hard negatives left without an origin: {result['hard_left_empty']} of {result['hard_negatives']}"
            f" (KCNA story among the candidates for {result['hard_with_origin_loaded']})",
            *halves,
        ]
    )
