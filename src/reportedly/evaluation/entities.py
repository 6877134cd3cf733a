"""The entity finder scored against a hand annotation of MEANTIME documents (``eval/entities_meantime_*.json``).

The MEANTIME copy in ``shared/data`` has tokenised text only (no entity
layer), so the gold files annotate named entities by hand (see each file's
``about`` and ``eval/entities.md``).  The text is detokenised here, analysed
with the real pipeline (anatomy, spaCy, ``find_entities``) and scored:

- mentions: exact character spans, precision / recall / F1 (all kinds);
- kind: share of exactly matched mentions whose entity kind is the gold kind;
- clustering: MUC and B-cubed F1 over the exactly matched mentions;
- roles: person roles as written, exact strings, precision / recall / F1
  (a system entity is mapped to the gold entity most of its mentions match).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from ..anatomy import anatomy
from ..find import Found
from ..find.entities import find_entities
from ..model import Article, Span
from ..nlp import load_pipeline, parse
from ..settings import Settings


def detok_line(line: str) -> str:
    """One MEANTIME sentence as running text ("aircraft 's" -> "aircraft's", `` x '' -> "x")."""
    s = " " + line + " "
    s = s.replace(" `` ", ' "\x01').replace(" '' ", '\x02" ')
    s = re.sub(r" ([,.;:?!%)\]]|'s\b|'S\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|' )", r"\1", s)
    s = re.sub(r"([(\[$]) ", r"\1", s)
    s = s.replace(" ’ s ", "’s ").replace("“ ", "“").replace(" ”", "”")
    out: list[str] = []
    opened = False
    for part in re.split(r'( " )', s):
        if part == ' " ':
            out.append(' "' if not opened else '" ')
            opened = not opened
        else:
            out.append(part)
    s = "".join(out)
    return s.replace("\x01 ", "").replace("\x01", "").replace(" \x02", "").replace("\x02", "").strip()


def detok(text: str) -> str:
    """Title, date and body (one paragraph) of a MEANTIME document."""
    lines = [detok_line(x) for x in text.split("\n") if x.strip()]
    return lines[0] + "\n\n" + lines[1] + "\n\n" + " ".join(lines[2:]) + "\n"


def gold_mentions(text: str, doc: dict[str, Any]) -> dict[Span, int]:
    """Gold mention spans -> cluster index (-1 for skipped occurrences), longest forms first."""
    forms: list[tuple[str, int]] = [(f, i) for i, c in enumerate(doc["clusters"]) for f in c["forms"]]
    forms += [(f, -1) for f in doc.get("skip", [])]
    forms.sort(key=lambda x: -len(x[0]))
    taken: list[Span] = []
    out: dict[Span, int] = {}
    for form, ci in forms:
        lead = r"(?<!\w)" if form[:1].isalnum() else ""
        trail = r"(?!\w)" if form[-1:].isalnum() or form.endswith(".") else ""
        for m in re.finditer(lead + re.escape(form) + trail, text):
            s, e = m.span()
            if any(a < e and s < b for a, b in taken):
                continue
            taken.append((s, e))
            out[(s, e)] = ci
    return {k: v for k, v in out.items() if v >= 0}


def _prf(tp: int, sys: int, gold: int) -> tuple[float, float, float]:
    p = tp / sys if sys else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _muc(key: list[set[Span]], resp: list[set[Span]]) -> tuple[int, int]:
    """MUC numerator and denominator of recall of ``resp`` against ``key``."""
    num = den = 0
    for k in key:
        parts = {next((i for i, r in enumerate(resp) if x in r), ("single", x)) for x in k}
        num += len(k) - len(parts)
        den += len(k) - 1
    return num, den


def _b3(key: dict[Span, int], resp: dict[Span, int]) -> tuple[float, float]:
    """B-cubed precision and recall over the same mention set."""
    kc: dict[int, set[Span]] = defaultdict(set)
    rc: dict[int, set[Span]] = defaultdict(set)
    for m, c in key.items():
        kc[c].add(m)
    for m, c in resp.items():
        rc[c].add(m)
    p = r = 0.0
    for m in key:
        inter = len(kc[key[m]] & rc[resp[m]])
        p += inter / len(rc[resp[m]])
        r += inter / len(kc[key[m]])
    n = len(key) or 1
    return p / n, r / n


def _read_texts(data: Path) -> dict[str, str]:
    """MEANTIME JSONL (``doc``, ``text``) -> detokenised text by document id."""
    texts: dict[str, str] = {}
    for n, line in enumerate(data.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            texts[d["doc"]] = detok(d["text"])
        except (ValueError, KeyError, TypeError, IndexError) as e:
            raise ValueError(f"{data}:{n}: not a MEANTIME document line ({e})") from None
    return texts


def _read_gold(gold: Path) -> list[dict[str, Any]]:
    try:
        g = json.loads(gold.read_text(encoding="utf-8"))
    except ValueError as e:
        raise ValueError(f"{gold}: not JSON ({e})") from None
    docs = g.get("docs") if isinstance(g, dict) else None
    if not isinstance(docs, list) or not all(
        isinstance(d, dict) and "doc" in d and "clusters" in d for d in docs
    ):
        raise ValueError(f"{gold}: not an entity gold file (needs docs: [{{doc, clusters}}])")
    return docs


def evaluate(data: Path, gold: Path, settings: Settings | None = None) -> dict[str, Any]:
    """Score ``find_entities`` on the gold documents of ``gold``, read from the MEANTIME JSONL ``data``.

    Returns the totals (``documents``, ``gold_mentions``, ``system_mentions``),
    ``mentions``, ``kind``, ``muc``, ``b3`` and ``roles`` figures, and per
    document the errors (``docs``: missed and spurious mentions and roles,
    wrong kinds).  Raises FileNotFoundError for a missing file, ValueError
    for a malformed one or a gold document absent from ``data``.
    """
    settings = settings or Settings()
    for path in (gold, data):
        if not path.is_file():
            raise FileNotFoundError(f"{path}: not a file" if path.exists() else f"{path}: no such file")
    gold_docs = _read_gold(gold)
    texts = _read_texts(data)
    missing = [g["doc"] for g in gold_docs if g["doc"] not in texts]
    if missing:
        raise ValueError(f"{data}: no document {missing[0]!r} of {gold}")
    nlp = load_pipeline()
    tot: Counter[str] = Counter()
    muc_p = [0, 0]
    muc_r = [0, 0]
    b3: list[tuple[float, float, int]] = []
    per_doc: list[dict[str, Any]] = []
    for gdoc in gold_docs:
        text = texts[gdoc["doc"]]
        clusters = gdoc["clusters"]
        parsed = parse(anatomy(Article(text=text, id=gdoc["doc"])), nlp)
        ents = find_entities(parsed, Found(), settings)
        gm = gold_mentions(text, gdoc)
        sm = {span: i for i, e in enumerate(ents) for span in e.mentions}
        matched = set(gm) & set(sm)
        tot["gold"] += len(gm)
        tot["sys"] += len(sm)
        tot["tp"] += len(matched)
        tot["kind_ok"] += sum(ents[sm[m]].kind == clusters[gm[m]]["kind"] for m in matched)
        key_sets = [{m for m in matched if gm[m] == c} for c in set(gm.values())]
        resp_sets = [{m for m in matched if sm[m] == c} for c in set(sm.values())]
        key_sets = [k for k in key_sets if k]
        resp_sets = [r for r in resp_sets if r]
        n, d = _muc(key_sets, resp_sets)
        muc_r[0] += n
        muc_r[1] += d
        n, d = _muc(resp_sets, key_sets)
        muc_p[0] += n
        muc_p[1] += d
        bp, br = _b3({m: gm[m] for m in matched}, {m: sm[m] for m in matched})
        b3.append((bp, br, len(matched)))
        # roles: map each system entity to the gold cluster most of its matched mentions belong to
        to_gold: dict[int, int] = {}
        for i, _e in enumerate(ents):
            votes = Counter(gm[m] for m in matched if sm[m] == i)
            if votes:
                to_gold[i] = votes.most_common(1)[0][0]
        gold_roles: set[tuple[int, str]] = {
            (ci, r) for ci, c in enumerate(clusters) for r in c.get("roles", [])
        }
        sys_roles = {
            (to_gold.get(i, -1 - i), r) for i, e in enumerate(ents) if e.kind == "person" for r in e.roles
        }
        tot["role_gold"] += len(gold_roles)
        tot["role_sys"] += len(sys_roles)
        tot["role_tp"] += len(gold_roles & sys_roles)
        per_doc.append(
            {
                "doc": gdoc["doc"],
                "missed": [{"text": text[m[0] : m[1]], "span": list(m)} for m in sorted(set(gm) - matched)],
                "spurious": [
                    {"text": text[m[0] : m[1]], "span": list(m), "kind": ents[sm[m]].kind}
                    for m in sorted(set(sm) - matched)
                ],
                "roles_missed": [
                    {"entity": clusters[ci]["forms"][0], "role": r}
                    for ci, r in sorted(gold_roles - sys_roles)
                ],
                "roles_spurious": [
                    {"entity": clusters[ci]["forms"][0] if ci >= 0 else ents[-1 - ci].name, "role": r}
                    for ci, r in sorted(sys_roles - gold_roles, key=str)
                ],
                "kinds": [
                    {"text": text[m[0] : m[1]], "kind": ents[sm[m]].kind, "gold": clusters[gm[m]]["kind"]}
                    for m in sorted(matched)
                    if ents[sm[m]].kind != clusters[gm[m]]["kind"]
                ],
            }
        )
    mp = muc_p[0] / muc_p[1] if muc_p[1] else 1.0
    mr = muc_r[0] / muc_r[1] if muc_r[1] else 1.0
    mf = 2 * mp * mr / (mp + mr) if mp + mr else 0.0
    nb = sum(x[2] for x in b3) or 1
    bp = sum(x[0] * x[2] for x in b3) / nb
    br = sum(x[1] * x[2] for x in b3) / nb
    bf = 2 * bp * br / (bp + br) if bp + br else 0.0
    p, r, f = _prf(tot["tp"], tot["sys"], tot["gold"])
    rp, rr, rf = _prf(tot["role_tp"], tot["role_sys"], tot["role_gold"])
    return {
        "gold": str(gold),
        "data": str(data),
        "documents": len(gold_docs),
        "gold_mentions": tot["gold"],
        "system_mentions": tot["sys"],
        "mentions": {"precision": p, "recall": r, "f1": f, "matched": tot["tp"]},
        "kind": {
            "accuracy": tot["kind_ok"] / max(tot["tp"], 1),
            "correct": tot["kind_ok"],
            "matched": tot["tp"],
        },
        "muc": {"precision": mp, "recall": mr, "f1": mf},
        "b3": {"precision": bp, "recall": br, "f1": bf},
        "roles": {
            "precision": rp,
            "recall": rr,
            "f1": rf,
            "correct": tot["role_tp"],
            "system": tot["role_sys"],
            "gold": tot["role_gold"],
        },
        "docs": per_doc,
    }


def format_errors(result: dict[str, Any]) -> str:
    """Missed and spurious mentions and roles and wrong kinds, document by document."""
    lines: list[str] = []
    for d in result["docs"]:
        lines.append(f"== {d['doc']}")
        lines += [f"  missed   {m['text']!r} {tuple(m['span'])}" for m in d["missed"]]
        lines += [f"  spurious {m['text']!r} {tuple(m['span'])} ({m['kind']})" for m in d["spurious"]]
        lines += [f"  role missed   {x['entity']}: {x['role']!r}" for x in d["roles_missed"]]
        lines += [f"  role spurious {x['entity']}: {x['role']!r}" for x in d["roles_spurious"]]
        lines += [f"  kind {k['text']!r}: {k['kind']} (gold {k['gold']})" for k in d["kinds"]]
    return "\n".join(lines)


def format_result(result: dict[str, Any], show: bool = False) -> str:
    """The figures as lines of text (after the errors of every document when ``show``)."""
    m, k, mu, b, ro = result["mentions"], result["kind"], result["muc"], result["b3"], result["roles"]
    lines = [format_errors(result)] if show else []
    lines += [
        f"documents: {result['documents']}, gold mentions: {result['gold_mentions']}, "
        f"system mentions: {result['system_mentions']}",
        f"mentions (exact span): P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f}",
        f"kind accuracy on matched mentions: {k['accuracy']:.3f} ({k['correct']}/{k['matched']})",
        f"clustering on matched mentions: MUC P {mu['precision']:.3f} R {mu['recall']:.3f} F1 {mu['f1']:.3f}; "
        f"B3 P {b['precision']:.3f} R {b['recall']:.3f} F1 {b['f1']:.3f}",
        f"person roles (exact string): P {ro['precision']:.3f} R {ro['recall']:.3f} F1 {ro['f1']:.3f} "
        f"({ro['correct']}/{ro['system']} system, {ro['gold']} gold)",
    ]
    return "\n".join(lines)
