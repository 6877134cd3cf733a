"""Relay chains scored against hand-written gold chains (``eval/chains/*.json``).

A gold file names one article of a shared corpus (``corpus`` + ``id`` and
the SHA-256 of its text), its publisher, and for each attribution the
offsets of its cue (and source) with one or more gold chains: hops as
``{name, type}`` from origin to publisher.  ``provenance`` lists the
article's own chains (credited party -> publisher).  The article text is
never stored; it is read from the corpus and checked against the hash.

Matching (``hops_match``):

- two hops match when their types are equal and their names are the same:
  the same registry outlet, the same country ("the U.S." / "United
  States"), the same normalised string (case, a leading article and a
  possessive ignored), or - for people, governments,
  organisations and groups - one name's words all appear in the other
  ("Trump" / "Donald Trump"); anonymous, unknown, document and footage hops
  are descriptions, so their type alone decides.
- a **chain matches** when its hops match the gold hops one to one, in order.

Metrics:

- **chain recall**: gold chains with a matching system chain on the same
  attribution (a system chain belongs to the gold attribution whose cue -
  else source - it overlaps most);
- **chain precision**: system attribution chains that match a gold chain of
  their attribution, over all system attribution chains (gold is
  exhaustive, so a chain on an attribution the gold lacks counts as wrong);
  *aligned precision* leaves those out and so measures chain building alone;
- **relay recall**: chain recall over gold chains with a hop between origin
  and publisher;
- **hop P/R** (soft): origin and relay hops (the publisher excluded) of each
  gold chain matched against the best system chain of its attribution, as
  multisets; system hops of unaligned chains count against precision;
- **bag P/R**: per article, the multiset of hop sequences of all attribution
  chains, no alignment (what a scorer of ``chains[].hops`` alone can do);
- **provenance P/R**: article chains (``attribution: null``) as bags;
- **publisher accuracy**: the last hop of the article's chains equals the gold publisher;
- **attributions found**: gold attributions with at least one aligned
  system chain, and chain recall over those only (what the chain builder
  does given the attribution finder's output).
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..ingest import article_from_text
from ..model import Article, Chain, Report
from ..registry import Registry, country_of, load_registry
from ..settings import Settings

GOLD_SCHEMA = "reportedly.gold-chains/1"

# Types whose names are descriptions rather than names: matched on type alone.
DESCRIPTIVE_TYPES = frozenset({"anonymous", "unknown", "document", "footage"})
# Types whose names may be given in part ("Trump" for "Donald Trump").
PARTIAL_NAME_TYPES = frozenset({"person", "government", "organization", "group"})

Hop = tuple[str, str]
"""(name, type)."""


@dataclass
class GoldAttribution:
    id: str
    cue: list[tuple[int, int]]
    source: list[tuple[int, int]]
    chains: list[list[Hop]]


@dataclass
class GoldArticle:
    path: Path
    corpus: str
    id: str
    sha256: str
    publisher: Hop
    attributions: list[GoldAttribution]
    provenance: list[list[Hop]]
    outlet: str | None = None


def load_gold(directory: Path) -> list[GoldArticle]:
    """The gold files of a folder, sorted by name."""
    out = []
    files = sorted(Path(directory).glob("*.json"))
    if not files:
        raise FileNotFoundError(f"{directory}: no gold chain files (*.json)")
    for p in files:
        d = json.loads(p.read_text(encoding="utf-8"))
        if d.get("schema") != GOLD_SCHEMA:
            raise ValueError(f"{p}: not a gold chain file (schema {d.get('schema')!r})")
        out.append(
            GoldArticle(
                path=p,
                corpus=d["corpus"],
                id=d["id"],
                sha256=d["sha256"],
                publisher=(d["publisher"]["name"], d["publisher"]["type"]),
                attributions=[
                    GoldAttribution(
                        id=a["id"],
                        cue=[(s, e) for s, e in a["cue"]],
                        source=[(s, e) for s, e in a.get("source") or ()],
                        chains=[[(h["name"], h["type"]) for h in ch] for ch in a["chains"]],
                    )
                    for a in d["attributions"]
                ],
                provenance=[[(h["name"], h["type"]) for h in ch] for pv in d.get("provenance") or () for ch in pv["chains"]],
                outlet=d.get("outlet"),
            )
        )
    return out


def article_of(gold: GoldArticle, data: Path, settings: Settings) -> Article:
    """The corpus article a gold file names, as a user would feed it (text plus the corpus metadata).

    Raises ``FileNotFoundError`` when the corpus is absent and ``ValueError``
    when the text's hash differs from the gold's.
    """
    meta: dict[str, Any] = {}
    if gold.corpus == "allsides":
        rec = _allsides(data).get(gold.id)
        if rec is None:
            raise FileNotFoundError(f"allsides article {gold.id} not in {data / 'allsides'}")
        text = rec["text"]
        meta = {k: rec.get(k) for k in ("id", "url", "outlet", "title", "authors", "published")}
    elif gold.corpus == "polnear":
        p = _first(data / "polnear" / split / "text" / f"{gold.id}.txt" for split in ("dev", "train"))
        text = p.read_bytes().decode("utf-8")
        row = _polnear_meta(data).get(gold.id, {})
        meta = {"id": gold.id, "outlet": row.get("publisher"), "published": row.get("publication_date")}
    elif gold.corpus == "seed":
        p = data / "seed" / f"{gold.id}.txt"
        text = p.read_bytes().decode("utf-8")
        meta = {"id": gold.id}
    else:
        raise ValueError(f"{gold.path}: unknown corpus {gold.corpus!r}")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if digest != gold.sha256:
        raise ValueError(f"{gold.path}: the text of {gold.corpus}/{gold.id} has changed (sha256 {digest[:12]}…)")
    return article_from_text(text, origin=f"{gold.corpus}:{gold.id}", settings=settings, **meta)


def _first(paths: Iterable[Path]) -> Path:
    ps = list(paths)
    for p in ps:
        if p.exists():
            return p
    raise FileNotFoundError(f"none of {', '.join(map(str, ps))}")


_ALLSIDES: dict[Path, dict[str, dict[str, Any]]] = {}
_POLNEAR: dict[Path, dict[str, dict[str, str]]] = {}


def _allsides(data: Path) -> dict[str, dict[str, Any]]:
    if data not in _ALLSIDES:
        p = data / "allsides" / "articles.jsonl"
        with open(p, encoding="utf-8") as fh:
            _ALLSIDES[data] = {d["id"]: d for d in map(json.loads, fh)}
    return _ALLSIDES[data]


def _polnear_meta(data: Path) -> dict[str, dict[str, str]]:
    if data not in _POLNEAR:
        with open(data / "polnear" / "metadata.tsv", encoding="utf-8") as fh:
            _POLNEAR[data] = {r["filename"]: r for r in csv.DictReader(fh, delimiter="\t")}
    return _POLNEAR[data]


# --- matching -----------------------------------------------------------------------------

_WORDS = re.compile(r"[\w]+")


def _norm(name: str) -> str:
    n = " ".join(name.replace("’", "'").casefold().split())
    n = re.sub(r"^(?:the|a|an)\s+", "", n)
    return re.sub(r"'s?$", "", n)


def name_key(name: str, reg: Registry) -> str:
    """A registry outlet, a country ("the U.S." = "United States"), else the normalised name."""
    o = reg.match(name)
    if o is not None:
        return "outlet:" + o.name
    c = country_of(_norm(name))
    return "country:" + c if c else _norm(name)


def hops_match(g: Hop, s: Hop, reg: Registry) -> bool:
    """Whether a system hop matches a gold hop (see the module docstring)."""
    if g[1] != s[1]:
        return False
    if g[1] in DESCRIPTIVE_TYPES:
        return True
    if name_key(g[0], reg) == name_key(s[0], reg):
        return True
    if g[1] in PARTIAL_NAME_TYPES:
        a = set(_WORDS.findall(_norm(g[0])))
        b = set(_WORDS.findall(_norm(s[0])))
        return bool(a and b) and (a <= b or b <= a)
    return False


def chain_matches(g: Sequence[Hop], s: Sequence[Hop], reg: Registry) -> bool:
    return len(g) == len(s) and all(hops_match(x, y, reg) for x, y in zip(g, s, strict=True))


def _hop_hits(g: Sequence[Hop], s: Sequence[Hop], reg: Registry) -> int:
    """Matched hops of two hop lists as multisets (greedy)."""
    left = list(s)
    n = 0
    for h in g:
        for i, x in enumerate(left):
            if hops_match(h, x, reg):
                n += 1
                del left[i]
                break
    return n


# --- scoring --------------------------------------------------------------------------------


@dataclass
class Tally:
    gold_chains: int = 0
    gold_matched: int = 0
    gold_relay_chains: int = 0
    gold_relay_matched: int = 0
    sys_chains: int = 0
    sys_aligned: int = 0
    sys_correct: int = 0
    gold_hops: int = 0
    sys_hops: int = 0
    hop_hits_r: int = 0
    hop_hits_p: int = 0
    bag_gold: int = 0
    bag_sys: int = 0
    bag_hits: int = 0
    prov_gold: int = 0
    prov_sys: int = 0
    prov_hits: int = 0
    publisher_right: int = 0
    articles: int = 0
    gold_attributions: int = 0
    gold_attributions_found: int = 0
    matchable_chains: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for k, v in vars(other).items():
            if isinstance(v, int):
                setattr(self, k, getattr(self, k) + v)
        self.misses.extend(other.misses)

    def metrics(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 4) if b else 0.0

        def f1(p: float, r: float) -> float:
            return round(2 * p * r / (p + r), 4) if p + r else 0.0

        cp, cr = ratio(self.sys_correct, self.sys_chains), ratio(self.gold_matched, self.gold_chains)
        hp, hr = ratio(self.hop_hits_p, self.sys_hops), ratio(self.hop_hits_r, self.gold_hops)
        bp, br = ratio(self.bag_hits, self.bag_sys), ratio(self.bag_hits, self.bag_gold)
        pp, pr = ratio(self.prov_hits, self.prov_sys), ratio(self.prov_hits, self.prov_gold)
        return {
            "articles": self.articles,
            "gold_chains": self.gold_chains,
            "system_chains": self.sys_chains,
            "chain": {"precision": cp, "recall": cr, "f1": f1(cp, cr),
                      "aligned_precision": ratio(self.sys_correct, self.sys_aligned), "aligned": self.sys_aligned},
            "relay_chains": {"gold": self.gold_relay_chains, "recall": ratio(self.gold_relay_matched, self.gold_relay_chains)},
            "hop": {"precision": hp, "recall": hr, "f1": f1(hp, hr), "gold": self.gold_hops, "system": self.sys_hops},
            "bag": {"precision": bp, "recall": br, "f1": f1(bp, br)},
            "provenance": {"precision": pp, "recall": pr, "gold": self.prov_gold, "system": self.prov_sys},
            "publisher_accuracy": ratio(self.publisher_right, self.articles),
            "gold_attributions": self.gold_attributions,
            "gold_attributions_found": ratio(self.gold_attributions_found, self.gold_attributions),
            "chain_recall_where_found": ratio(self.gold_matched, self.matchable_chains),
        }


def _overlap(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def score_article(gold: GoldArticle, report: Report, reg: Registry | None = None) -> Tally:
    """Counts for one article (see the module docstring)."""
    reg = reg or load_registry()
    t = Tally(articles=1)
    atts = {a.id: a for a in report.attributions}
    sys_att_chains = [c for c in report.chains if c.attribution is not None]
    text = report.article.text

    # align each system attribution to the gold attribution it overlaps most (cue first, then source)
    aligned: dict[str, list[Chain]] = {g.id: [] for g in gold.attributions}
    chain_gold: list[tuple[Chain, GoldAttribution | None]] = []
    for c in sys_att_chains:
        a = atts.get(c.attribution or "")
        best: GoldAttribution | None = None
        if a is not None:
            scored = [((_overlap(a.cue, g.cue), _overlap(a.source, g.source)), g) for g in gold.attributions]
            scored = [x for x in scored if x[0] > (0, 0)]
            if scored:
                best = max(scored, key=lambda x: x[0])[1]
        chain_gold.append((c, best))
        if best is not None:
            aligned[best.id].append(c)

    def hops_of(c: Chain) -> list[Hop]:
        return [(h.name, h.type) for h in c.hops]

    for g in gold.attributions:
        t.gold_attributions += 1
        t.gold_attributions_found += bool(aligned[g.id])
        t.matchable_chains += len(g.chains) if aligned[g.id] else 0
        for gc in g.chains:
            t.gold_chains += 1
            relay = len(gc) > 2
            t.gold_relay_chains += relay
            ok = any(chain_matches(gc, hops_of(c), reg) for c in aligned[g.id])
            t.gold_matched += ok
            t.gold_relay_matched += relay and ok
            t.gold_hops += len(gc) - 1
            best_hits = max((_hop_hits(gc[:-1], hops_of(c)[:-1], reg) for c in aligned[g.id]), default=0)
            t.hop_hits_r += best_hits
            if not ok:
                t.misses.append({
                    "article": f"{gold.corpus}:{gold.id}",
                    "gold": g.id,
                    "cue": " … ".join(text[s:e] for s, e in g.cue),
                    "expected": " -> ".join(f"{n} [{ty}]" for n, ty in gc),
                    "system": [" -> ".join(f"{h.name} [{h.type}]" for h in c.hops) for c in aligned[g.id]] or None,
                })
    for c, ga in chain_gold:
        t.sys_chains += 1
        hs = hops_of(c)
        t.sys_hops += len(hs) - 1
        if ga is None:
            continue
        t.sys_aligned += 1
        t.sys_correct += any(chain_matches(gc, hs, reg) for gc in ga.chains)
        t.hop_hits_p += max((_hop_hits(hs[:-1], gc[:-1], reg) for gc in ga.chains), default=0)

    # bags: all attribution chains / provenance chains, no alignment
    gold_bag = [gc for g in gold.attributions for gc in g.chains]
    t.bag_gold, t.bag_sys = len(gold_bag), len(sys_att_chains)
    t.bag_hits = _bag_hits(gold_bag, [hops_of(c) for c in sys_att_chains], reg)
    sys_prov = [hops_of(c) for c in report.chains if c.attribution is None]
    t.prov_gold, t.prov_sys = len(gold.provenance), len(sys_prov)
    t.prov_hits = _bag_hits(gold.provenance, sys_prov, reg)

    pub = next((c.hops[-1] for c in report.chains if c.hops), None)
    t.publisher_right = int(pub is not None and hops_match(gold.publisher, (pub.name, pub.type), reg))
    return t


def _bag_hits(gold: list[list[Hop]], system: list[list[Hop]], reg: Registry) -> int:
    left = list(system)
    n = 0
    for gc in gold:
        for i, sc in enumerate(left):
            if chain_matches(gc, sc, reg):
                n += 1
                del left[i]
                break
    return n


def evaluate(gold_dir: Path, data: Path, settings: Settings) -> dict[str, Any]:
    """Analyse every gold article and score its chains; totals, per-article figures and misses."""
    from ..pipeline import analyze_many

    golds = load_gold(gold_dir)
    articles = [article_of(g, data, settings) for g in golds]
    reg = load_registry(tuple(settings.registry))
    total = Tally()
    per_article = []
    for g, report in zip(golds, analyze_many(articles, settings=settings), strict=True):
        t = score_article(g, report, reg)
        total.add(t)
        m = t.metrics()
        per_article.append({
            "article": f"{g.corpus}:{g.id}",
            "gold_chains": m["gold_chains"],
            "system_chains": m["system_chains"],
            "chain_precision": m["chain"]["precision"],
            "chain_recall": m["chain"]["recall"],
            "publisher": bool(t.publisher_right),
        })
    return {"gold": str(gold_dir), **total.metrics(), "per_article": per_article, "misses": total.misses}
