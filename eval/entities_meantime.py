"""Score the entity finder against a hand annotation of 8 MEANTIME documents.

Usage (from the project root)::

    python eval/entities_meantime.py [--data ../shared/data/meantime/meantime_en_docs.jsonl]
                                     [--gold eval/entities_meantime_gold.json] [--show]

The MEANTIME copy in ``shared/data`` has tokenised text only (no entity
layer), so ``entities_meantime_gold.json`` annotates named entities by hand
(see its ``about``).  The text is detokenised here, analysed with the real
pipeline (anatomy, spaCy, ``find_entities``) and scored:

- mentions: exact character spans, precision / recall / F1 (all kinds);
- kind: share of exactly matched mentions whose entity kind is the gold kind;
- clustering: MUC and B-cubed F1 over the exactly matched mentions;
- roles: person roles as written, exact strings, precision / recall / F1
  (a system entity is mapped to the gold entity most of its mentions match).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from reportedly.anatomy import anatomy
from reportedly.find import Found
from reportedly.find.entities import find_entities
from reportedly.model import Article
from reportedly.nlp import load_pipeline, parse
from reportedly.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def detok_line(line: str) -> str:
    """One MEANTIME sentence as running text ("aircraft 's" -> "aircraft's", `` x '' -> "x")."""
    s = " " + line + " "
    s = s.replace(" `` ", ' "\x01').replace(" '' ", '\x02" ')
    s = re.sub(r" ([,.;:?!%)\]]|'s\b|'S\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|' )", r"\1", s)
    s = re.sub(r"([(\[$]) ", r"\1", s)
    s = s.replace(" ’ s ", "’s ").replace("“ ", "“").replace(" ”", "”")
    out, opened = [], False
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


def gold_mentions(text: str, doc: dict) -> dict[tuple[int, int], int]:  # type: ignore[type-arg]
    """Gold mention spans -> cluster index (-1 for skipped occurrences), longest forms first."""
    forms = [(f, i) for i, c in enumerate(doc["clusters"]) for f in c["forms"]]
    forms += [(f, -1) for f in doc.get("skip", [])]
    forms.sort(key=lambda x: -len(x[0]))
    taken: list[tuple[int, int]] = []
    out: dict[tuple[int, int], int] = {}
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


def _muc(key: list[set[object]], resp: list[set[object]]) -> tuple[float, float]:
    """MUC numerator and denominator of recall of ``resp`` against ``key``."""
    num = den = 0
    for k in key:
        parts = {next((i for i, r in enumerate(resp) if x in r), ("single", x)) for x in k}
        num += len(k) - len(parts)
        den += len(k) - 1
    return num, den


def _b3(key: dict[object, int], resp: dict[object, int]) -> tuple[float, float]:
    """B-cubed precision and recall over the same mention set."""
    kc: dict[int, set[object]] = defaultdict(set)
    rc: dict[int, set[object]] = defaultdict(set)
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--data", default=str(ROOT.parent / "shared" / "data" / "meantime" / "meantime_en_docs.jsonl")
    )
    ap.add_argument("--gold", default=str(ROOT / "eval" / "entities_meantime_gold.json"))
    ap.add_argument("--show", action="store_true", help="print missed and spurious mentions and roles")
    args = ap.parse_args()
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    texts = {}
    for line in Path(args.data).read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        texts[d["doc"]] = detok(d["text"])
    nlp = load_pipeline()
    tot: Counter[str] = Counter()
    muc_p = [0.0, 0.0]
    muc_r = [0.0, 0.0]
    b3: list[tuple[float, float, int]] = []
    for gdoc in gold["docs"]:
        text = texts[gdoc["doc"]]
        parsed = parse(anatomy(Article(text=text, id=gdoc["doc"])), nlp)
        ents = find_entities(parsed, Found(), Settings())
        gm = gold_mentions(text, gdoc)
        sm = {span: i for i, e in enumerate(ents) for span in e.mentions}
        matched = set(gm) & set(sm)
        tot["gold"] += len(gm)
        tot["sys"] += len(sm)
        tot["tp"] += len(matched)
        tot["kind_ok"] += sum(ents[sm[m]].kind == gdoc["clusters"][gm[m]]["kind"] for m in matched)
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
        gold_roles = {(ci, r) for ci, c in enumerate(gdoc["clusters"]) for r in c.get("roles", [])}
        sys_roles = {
            (to_gold.get(i, -1 - i), r) for i, e in enumerate(ents) if e.kind == "person" for r in e.roles
        }
        tot["role_gold"] += len(gold_roles)
        tot["role_sys"] += len(sys_roles)
        tot["role_tp"] += len(gold_roles & sys_roles)
        if args.show:
            print(f"== {gdoc['doc']}")
            for m in sorted(set(gm) - matched):
                print(f"  missed   {text[m[0] : m[1]]!r} {m}")
            for m in sorted(set(sm) - matched):
                print(f"  spurious {text[m[0] : m[1]]!r} {m} ({ents[sm[m]].kind})")
            for ci, r in sorted(gold_roles - sys_roles):
                print(f"  role missed   {gdoc['clusters'][ci]['forms'][0]}: {r!r}")
            for ci, r in sorted(sys_roles - gold_roles, key=str):
                name = gdoc["clusters"][ci]["forms"][0] if ci >= 0 else ents[-1 - ci].name
                print(f"  role spurious {name}: {r!r}")
            for m in sorted(matched):
                if ents[sm[m]].kind != gdoc["clusters"][gm[m]]["kind"]:
                    print(
                        f"  kind {text[m[0] : m[1]]!r}: {ents[sm[m]].kind} (gold {gdoc['clusters'][gm[m]]['kind']})"
                    )
    p, r, f = _prf(tot["tp"], tot["sys"], tot["gold"])
    print(f"documents: {len(gold['docs'])}, gold mentions: {tot['gold']}, system mentions: {tot['sys']}")
    print(f"mentions (exact span): P {p:.3f} R {r:.3f} F1 {f:.3f}")
    print(
        f"kind accuracy on matched mentions: {tot['kind_ok'] / max(tot['tp'], 1):.3f} ({tot['kind_ok']}/{tot['tp']})"
    )
    mp = muc_p[0] / muc_p[1] if muc_p[1] else 1.0
    mr = muc_r[0] / muc_r[1] if muc_r[1] else 1.0
    mf = 2 * mp * mr / (mp + mr) if mp + mr else 0.0
    n = sum(x[2] for x in b3) or 1
    bp = sum(x[0] * x[2] for x in b3) / n
    br = sum(x[1] * x[2] for x in b3) / n
    bf = 2 * bp * br / (bp + br) if bp + br else 0.0
    print(
        f"clustering on matched mentions: MUC P {mp:.3f} R {mr:.3f} F1 {mf:.3f}; B3 P {bp:.3f} R {br:.3f} F1 {bf:.3f}"
    )
    p, r, f = _prf(tot["role_tp"], tot["role_sys"], tot["role_gold"])
    print(
        f"person roles (exact string): P {p:.3f} R {r:.3f} F1 {f:.3f} ({tot['role_tp']}/{tot['role_sys']} system, {tot['role_gold']} gold)"
    )


if __name__ == "__main__":
    main()
