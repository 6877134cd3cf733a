"""Score attributions against brat standoff annotations (the PolNeAR layout).

Input: a directory with ``text/<article>.txt`` and
``attributions/<article>_<annotator>.ann``.  The gold standard of an article
is the ``.ann`` file of its smallest annotator id (string order), so every
article is scored once.  Each text file is analysed as plain text: its exact
content is ``article.text``, so the offsets of a report and of the ``.ann``
files agree.

The metric
----------
An attribution has three components, each a tuple of character spans
(discontinuous spans allowed): source (may be empty), cue and content.  Gold
attributions are the brat events whose type starts with ``Attribution`` (also
``Attribution-no-source``); their ``Source``, ``Cue`` and ``Content``
arguments are the components.

*Normalisation.*  Each fragment of a component is trimmed at both ends of
whitespace, quote marks (``" “ ” ' ‘ ’ « » „ `` and backtick) and edge
punctuation (``. , ; : ! ? … - – — ( ) [ ]``), repeatedly until stable;
empty fragments are dropped; fragments separated only by such characters are
merged.  A component that is empty after trimming does not exist (a gold
attribution without source contributes no gold source).

*Exact match.*  A predicted and a gold component match exactly when their
normalised fragment tuples are equal.

*Overlap match.*  The tokens of a component are the ``\\w+`` runs inside its
normalised fragments (identified by start offset).  A predicted and a gold
component overlap-match when the Jaccard index of their token sets is at
least 0.5.

*Per component* (source, cue, content) and per mode (exact, overlap),
predicted and gold components of one article are matched one-to-one,
greedily by decreasing Jaccard (exact matches first).  Precision = matched
predictions / predictions, recall = matched gold / gold, F1 their harmonic
mean; counts are summed over all articles (micro average).

*Relation.*  A predicted attribution matches a gold one when its source, cue
and content all match (in the given mode) the gold attribution's source, cue
and content; an absent source matches only an absent source.  Attributions
are paired one-to-one greedily in text order; precision and recall are over
attributions.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Spans = tuple[tuple[int, int], ...]

COMPONENTS = ("source", "cue", "content")
MODES = ("exact", "overlap")

_TRIM = set(" \t\r\n\u00a0\u2009\u200a\u202f\"“”'‘’«»„`.,;:!?…-–—()[]")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Triple:
    """One attribution as the scorer sees it: three spans tuples."""

    source: Spans
    cue: Spans
    content: Spans

    def get(self, name: str) -> Spans:
        s: Spans = getattr(self, name)
        return s


@dataclass
class Counts:
    """Matched predictions, predictions, matched gold, gold."""

    tp_pred: int = 0
    n_pred: int = 0
    tp_gold: int = 0
    n_gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp_pred += other.tp_pred
        self.n_pred += other.n_pred
        self.tp_gold += other.tp_gold
        self.n_gold += other.n_gold

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """Counts per (mode, component) with component in source/cue/content/relation."""

    counts: dict[tuple[str, str], Counts] = field(
        default_factory=lambda: {(m, c): Counts() for m in MODES for c in (*COMPONENTS, "relation")}
    )
    articles: int = 0

    def add(self, other: Scores) -> None:
        for k, v in other.counts.items():
            self.counts[k].add(v)
        self.articles += other.articles

    def f1(self, mode: str, component: str) -> float:
        return self.counts[(mode, component)].f1

    def as_dict(self) -> dict[str, Any]:
        return {
            f"{m}.{c}": {"p": v.precision, "r": v.recall, "f1": v.f1, "n_pred": v.n_pred, "n_gold": v.n_gold}
            for (m, c), v in self.counts.items()
        }


# --- reading brat ----------------------------------------------------------


def read_ann(text: str) -> list[Triple]:
    """The attributions of one ``.ann`` file's content (events typed ``Attribution*``)."""
    spans: dict[str, Spans] = {}
    events: list[dict[str, str]] = []
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        tid, body = parts[0], parts[1]
        if tid.startswith("T"):
            _head, _, offs = body.partition(" ")
            frags: list[tuple[int, int]] = []
            for piece in offs.split(";"):
                nums = piece.split()
                if len(nums) != 2 or not all(n.isdigit() for n in nums):
                    frags = []
                    break
                frags.append((int(nums[0]), int(nums[1])))
            if frags:
                spans[tid] = tuple(frags)
        elif tid.startswith("E"):
            args = body.split()
            if not args or not args[0].startswith("Attribution"):
                continue
            roles: dict[str, str] = {}
            for a in args[1:]:
                role, _, ref = a.partition(":")
                roles[role.rstrip("0123456789")] = ref
            events.append(roles)
    out = []
    for roles in events:
        out.append(
            Triple(
                source=spans.get(roles.get("Source", ""), ()),
                cue=spans.get(roles.get("Cue", ""), ()),
                content=spans.get(roles.get("Content", ""), ()),
            )
        )
    return out


def gold_files(directory: Path) -> list[tuple[str, Path, Path]]:
    """``(article, text path, ann path)`` per article, with the smallest annotator id's file."""
    best: dict[str, Path] = {}
    for ann in sorted((directory / "attributions").glob("*.ann")):
        article, _, annotator = ann.stem.rpartition("_")
        if not article:
            continue
        if article not in best or annotator < best[article].stem.rpartition("_")[2]:
            best[article] = ann
    out = []
    for article in sorted(best):
        txt = directory / "text" / f"{article}.txt"
        if txt.exists():
            out.append((article, txt, best[article]))
    return out


# --- normalising and matching ---------------------------------------------


def normalise(text: str, spans: Iterable[tuple[int, int]]) -> Spans:
    """Fragments trimmed of whitespace, quote marks and edge punctuation; empty dropped; touching merged."""
    frags: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        s, e = max(0, s), min(len(text), e)
        while s < e and text[s] in _TRIM:
            s += 1
        while e > s and text[e - 1] in _TRIM:
            e -= 1
        if e > s:
            frags.append((s, e))
    merged: list[tuple[int, int]] = []
    for s, e in frags:
        if merged and all(c in _TRIM for c in text[merged[-1][1] : s]):
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return tuple(merged)


def tokens(text: str, spans: Spans) -> frozenset[int]:
    """Start offsets of the ``\\w+`` tokens inside normalised spans."""
    out: set[int] = set()
    for s, e in spans:
        out.update(m.start() + s for m in _WORD.finditer(text[s:e]))
    return frozenset(out)


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b) if a | b else 0.0


def _match(pred: Sequence[Any], gold: Sequence[Any], sim: Callable[[Any, Any], float]) -> list[tuple[int, int]]:
    """One-to-one pairs (i_pred, i_gold) with sim >= threshold encoded as sim > 0, greedy by decreasing sim."""
    cands = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            v = sim(p, g)
            if v > 0:
                cands.append((-v, i, j))
    cands.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in cands:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return pairs


@dataclass(frozen=True)
class _Norm:
    spans: Spans
    toks: frozenset[int]


def _norm(text: str, spans: Spans) -> _Norm:
    n = normalise(text, spans)
    return _Norm(n, tokens(text, n))


def _sim(mode: str) -> Callable[[_Norm, _Norm], float]:
    if mode == "exact":
        return lambda a, b: 1.0 if a.spans == b.spans else 0.0

    def overlap(a: _Norm, b: _Norm) -> float:
        j = jaccard(a.toks, b.toks)
        # exact matches first, then by Jaccard; below 0.5 is no match
        return 2.0 if a.spans == b.spans else (j if j >= 0.5 else 0.0)

    return overlap


def score_article(text: str, pred: Sequence[Triple], gold: Sequence[Triple]) -> Scores:
    """Scores of one article's predictions against its gold attributions."""
    sc = Scores(articles=1)
    pn = [{c: _norm(text, t.get(c)) for c in COMPONENTS} for t in pred]
    gn = [{c: _norm(text, t.get(c)) for c in COMPONENTS} for t in gold]
    for mode in MODES:
        sim = _sim(mode)
        for c in COMPONENTS:
            ps = [x[c] for x in pn if x[c].spans]
            gs = [x[c] for x in gn if x[c].spans]
            pairs = _match(ps, gs, sim)
            sc.counts[(mode, c)] = Counts(len(pairs), len(ps), len(pairs), len(gs))

        def rel(a: dict[str, _Norm], b: dict[str, _Norm], sim: Callable[[_Norm, _Norm], float] = sim) -> float:
            total = 0.0
            for c in COMPONENTS:
                if not a[c].spans and not b[c].spans:
                    total += 1.0
                    continue
                if not a[c].spans or not b[c].spans:
                    return 0.0
                v = sim(a[c], b[c])
                if v <= 0:
                    return 0.0
                total += v
            return total

        pairs = _match(pn, gn, rel)
        sc.counts[(mode, "relation")] = Counts(len(pairs), len(pn), len(pairs), len(gn))
    return sc


# --- systems ----------------------------------------------------------------


def _token_runs(tokens: Iterable[Any]) -> Spans:
    """Character spans of runs of adjacent spaCy tokens."""
    toks = sorted(tokens, key=lambda t: t.i)
    out: list[tuple[int, int]] = []
    last = -2
    for t in toks:
        s, e = t.idx, t.idx + len(t.text)
        if out and t.i == last + 1:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
        last = t.i
    return tuple(out)


def textacy_system(nlp: Any) -> Callable[[list[str]], Iterator[list[Triple]]]:
    """textacy ``direct_quotations`` over the whole text parsed by ``nlp`` (the anchors' baseline)."""
    from textacy.extract import direct_quotations  # type: ignore[attr-defined]

    def run(texts: list[str]) -> Iterator[list[Triple]]:
        for doc in nlp.pipe(texts):
            out: list[Triple] = []
            try:
                quotes = list(direct_quotations(doc))
            except ValueError:  # textacy bails out on an odd number of quote marks
                quotes = []
            for q in quotes:
                out.append(
                    Triple(
                        source=_token_runs(q.speaker),
                        cue=_token_runs(q.cue),
                        content=((q.content.start_char, q.content.end_char),),
                    )
                )
            yield out

    return run


def reportedly_system(nlp: Any, settings: Any = None) -> Callable[[list[str]], Iterator[list[Triple]]]:
    """The full ``reportedly`` analysis of each text as a plain-text article; its attributions."""
    from ..errors import InputError
    from ..ingest import article_from_text
    from ..pipeline import analyze_articles
    from ..settings import Settings

    settings = settings or Settings(check_language=False)

    def run(texts: list[str]) -> Iterator[list[Triple]]:
        arts = [article_from_text(t, origin=f"<brat {i}>", settings=settings) for i, t in enumerate(texts)]
        for i, rep in enumerate(analyze_articles(arts, settings, nlp=nlp)):
            if isinstance(rep, InputError):
                # scored as an article with no attributions, and said (never dropped silently)
                head = texts[i].strip().split("\n", 1)[0][:60] if texts[i].strip() else ""
                print(f"reportedly: {rep} [{head!r}; scored with no attributions]", file=sys.stderr)
                yield []
                continue
            yield [Triple(a.source, a.cue, a.content) for a in rep.attributions]

    return run


def evaluate(
    directory: Path | str,
    system: Callable[[list[str]], Iterator[list[Triple]]],
    limit: int | None = None,
    articles: Sequence[str] | None = None,
) -> Scores:
    """Micro-averaged scores of ``system`` over the articles of a brat directory."""
    files = gold_files(Path(directory))
    if articles is not None:
        wanted = set(articles)
        files = [f for f in files if f[0] in wanted]
    if limit is not None:
        files = files[:limit]
    texts = [txt.read_text(encoding="utf-8") for _, txt, _ in files]
    golds = [read_ann(ann.read_text(encoding="utf-8")) for _, _, ann in files]
    total = Scores(articles=0)
    for text, gold, pred in zip(texts, golds, system(texts), strict=True):
        total.add(score_article(text, pred, gold))
    return total


def format_scores(named: Sequence[tuple[str, Scores]]) -> str:
    """A plain-text table: one row per system, mode and component."""
    lines = [f"{'system':<12} {'mode':<8} {'component':<9} {'P':>6} {'R':>6} {'F1':>6} {'pred':>6} {'gold':>6}"]
    for name, sc in named:
        for mode in MODES:
            for c in (*COMPONENTS, "relation"):
                v = sc.counts[(mode, c)]
                lines.append(
                    f"{name:<12} {mode:<8} {c:<9} {100 * v.precision:6.1f} {100 * v.recall:6.1f} "
                    f"{100 * v.f1:6.1f} {v.n_pred:6d} {v.n_gold:6d}"
                )
    return "\n".join(lines)
