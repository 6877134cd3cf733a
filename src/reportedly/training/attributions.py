"""Train the cue scorer and the content ranker (``models/attribution/``) on a brat corpus (PolNeAR train).

``python -m reportedly.training.attributions DIR OUT_DIR [--tagged [--pointer-folds DIR]...]`` writes
``OUT_DIR/cue_model.json`` and ``OUT_DIR/content_model.json``.  It parses every
article of ``DIR`` (``text/`` + ``attributions/``, gold = smallest annotator
id) with the project's pipeline, proposes cue candidates with a lexicon of
every lemma that heads at least ``MIN_LEMMA`` gold cues, labels a candidate
positive when its head token lies in a gold cue, and fits an L2-regularised
logistic regression with AdaGrad.  Candidates inside a gold content that are
not cues themselves are left out of training: PolNeAR does not annotate
nested attributions, so they are not evidence against the cue word.
The content ranker is then trained on the same parses: for every candidate
the cue model accepts whose cue matches a gold cue, the options of
``find.attributions.content.content_options`` that give the gold content (after
the scorer's normalisation) are its positives (``content_examples``);
``fit_ranker`` maximises their softmax likelihood.  With ``--tagged`` it also
writes ``OUT_DIR/content_model_tagged.json``, the accurate profile's ranker:
the same options, each end carrying the learned tagger's features
(``find.attributions.tagger.Tags.end_features``), read by the installed
tagger, and each edge the content pointers' view of it given the cue
(``find.attributions.pointer``).  ``--pointer-folds DIR`` (once per fold, in
fold order: the ``OUT_DIR`` of ``python -m reportedly.training.pointer ...
--fold K/N``) reads each article with pointers trained on another fold: the
pointers read their own training text much better than new text (start and
end both right for 72% of train examples against 60% of dev ones), and a
ranker trained on in-sample pointer features trusted them too much (dev
content 64.6 against 65.1 out of fold, eval/attribution.md).  That tagger reads its own training text better than new text (the
eight-epoch one: span F1 85.2 / 78.6 / 74.3 on train against 80.2 / 73.2 /
65.3 on dev), but a ranker trained on train tagged by two fold taggers, each
tagging the half it had not read, moved dev by -0.1 / 0.0 / +0.1 / +0.1
(eval/attribution.md), so the simpler in-sample training stays.

Tuned constants (on PolNeAR train, checked on dev): ``MIN_LEMMA = 2`` keeps
the lexicon to lemmas seen twice; ``EPOCHS = 8``, ``L2 = 1e-5``, ``LR = 0.2``
converge; features seen fewer than
``MIN_FEATURE = 2`` times are dropped, which keeps the file small.
"""

from __future__ import annotations

import dataclasses
import json
import math
import random
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..anatomy import anatomy
from ..evaluation.brat import Spans, Triple, gold_files, normalise, read_ann
from ..find.attributions.candidates import candidates
from ..find.attributions.colons import attach_quote
from ..find.attributions.content import TAGGED_MODEL_FILE, EdgeTags, content_options
from ..find.attributions.extract import abs_span, extend_to_quote_ends
from ..find.attributions.model import features
from ..find.attributions.quotes import QuoteIndex
from ..ingest import article_from_text
from ..nlp import Parsed, load_pipeline, parse_many
from ..settings import Settings

MIN_LEMMA = 2
MIN_FEATURE = 2
EPOCHS = 8
L2 = 1e-5
LR = 0.2
# Decision threshold.  First chosen on PolNeAR dev; confirmed by 2-fold cross-validation on train
# (folds 0 and 1 of 5, cue and content models retrained per fold): exact F1 source / cue / content
# 70.4 / 66.5 / 57.1 at 0.60, 70.2 / 66.7 / 57.3 at 0.65, 69.7 / 66.4 / 57.1 at 0.70.
THRESHOLD = 0.65


def cue_lexicon(items: Iterable[tuple[Parsed, list[Triple]]]) -> frozenset[str]:
    """Lemmas heading at least ``MIN_LEMMA`` gold cues."""
    counts: Counter[str] = Counter()
    for parsed, gold in items:
        for g in gold:
            h = _cue_head(parsed, g)
            if h is not None:
                counts[h.lemma_.lower()] += 1
    return frozenset(lem for lem, n in counts.items() if n >= MIN_LEMMA)


def _cue_head(parsed: Parsed, g: Triple) -> Any:
    for seg in parsed.segments:
        toks = [t for t in seg.doc if any(a <= seg.start + t.idx < b for a, b in g.cue)]
        if toks:
            ids = {t.i for t in toks}
            for t in toks:
                if t.head.i not in ids or t.head.i == t.i:
                    return t
    return None


def examples(items: Iterable[tuple[Parsed, list[Triple]]], lexicon: frozenset[str]) -> list[tuple[list[str], int]]:
    """(features, label) for every candidate of every article."""
    out: list[tuple[list[str], int]] = []
    for parsed, gold in items:
        quotes = QuoteIndex(parsed.text)
        cue_spans = [s for g in gold for s in g.cue]
        content_spans = [s for g in gold for s in g.content]
        for seg in parsed.segments:
            for c in candidates(seg, lexicon):
                if not c.content:
                    attach_quote(c, quotes)
                pos = seg.start + c.head.idx
                label = int(any(a <= pos < b for a, b in cue_spans))
                if not label and any(a <= pos < b for a, b in content_spans):
                    continue
                out.append((features(c, quotes), label))
    return out


def fit(data: list[tuple[list[str], int]], seed: int = 0) -> dict[str, float]:
    """Logistic regression weights by AdaGrad over the examples."""
    counts: Counter[str] = Counter(f for fs, _ in data for f in fs)
    keep = {f for f, n in counts.items() if n >= MIN_FEATURE}
    w: dict[str, float] = dict.fromkeys(keep, 0.0)
    g2: dict[str, float] = dict.fromkeys(keep, 1e-8)
    rows = [([f for f in fs if f in keep], y) for fs, y in data]
    rng = random.Random(seed)
    for _ in range(EPOCHS):
        rng.shuffle(rows)
        for fs, y in rows:
            z = sum(w[f] for f in fs)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            grad = p - y
            for f in fs:
                gf = grad + L2 * w[f]
                g2[f] += gf * gf
                w[f] -= LR * gf / math.sqrt(g2[f])
    return {f: round(v, 4) for f, v in w.items() if abs(v) >= 1e-3}


# Content ranker (tuned by cross-validation on PolNeAR train, by article): 6 epochs, rate 0.1,
# L2 1e-6, features seen in at least 2 examples.
C_EPOCHS = 6
C_LR = 0.1
C_L2 = 1e-6
C_MIN_FEATURE = 2
TAGGED_SEEDS = (0, 1, 2)
"""The accurate profile's ranker is the mean of three fits (shuffling seeds): single fits moved PolNeAR dev
content F1 by +-0.2 from seed to seed (eval/attribution.md)."""

ContentExample = tuple[list[tuple[str, ...]], list[int]]


def _same_content(text: str, option: Spans, gold: Spans, sent_end: int) -> bool:
    """Whether an option's normalised content is the gold one; a gold quote that goes on past the
    option's sentence (to be carried further by quote marks) counts when the option is its beginning."""
    if option == gold:
        return True
    k = len(option)
    return 0 < k < len(gold) and gold[:k] == option and gold[k][0] >= sent_end


def content_examples(
    items: Iterable[tuple[Parsed, list[Triple]]],
    lexicon: frozenset[str],
    tags: Sequence[EdgeTags] | None = None,
) -> list[ContentExample]:
    """(option features, indices of the options equal to the gold content) for every candidate whose
    head lies in a gold cue and whose options hold the gold content; with ``tags`` (one per article,
    the learned tagger's), the options carry the tagger's edge features too."""
    out: list[ContentExample] = []
    for n, (parsed, gold) in enumerate(items):
        edge_tags = tags[n] if tags is not None else None
        text = parsed.text
        quotes = QuoteIndex(text)
        for seg in parsed.segments:
            if not seg.doc.has_annotation("DEP"):
                continue
            for c in candidates(seg, lexicon):
                pos = seg.start + c.head.idx
                g = next((g for g in gold if any(a <= pos < b for a, b in g.cue)), None)
                if g is None or not c.content:
                    continue
                want = normalise(text, g.content)
                opts = content_options(c, quotes, edge_tags)
                if not want or len(opts) < 2:
                    continue
                cue = abs_span(seg, c.cue)
                sent_end = seg.start + seg.doc[c.content[-1][1] - 1].sent.end_char
                labels = [
                    k
                    for k, o in enumerate(opts)
                    if _same_content(text, normalise(text, extend_to_quote_ends([abs_span(seg, r) for r in o.ranges], cue, quotes)), want, sent_end)
                ]
                if labels:
                    out.append(([o.feats for o in opts], labels))
    return out


def fit_ranker(data: list[ContentExample], seed: int = 0) -> dict[str, float]:
    """Log-linear ranker weights (softmax over each example's options, the likelihood of its gold
    options maximised) by AdaGrad."""
    counts: Counter[str] = Counter(f for opts, _ in data for o in opts for f in set(o))
    keep = {f for f, n in counts.items() if n >= C_MIN_FEATURE}
    w: dict[str, float] = dict.fromkeys(sorted(keep), 0.0)
    g2: dict[str, float] = dict.fromkeys(w, 1e-8)
    rows = [([[f for f in o if f in keep] for o in opts], set(labels)) for opts, labels in data]
    rng = random.Random(seed)
    for _ in range(C_EPOCHS):
        rng.shuffle(rows)
        for opts, gold in rows:
            scores = [sum(w[f] for f in o) for o in opts]
            top = max(scores)
            exps = [math.exp(v - top) for v in scores]
            z = sum(exps)
            p = [e / z for e in exps]
            p_gold = sum(p[k] for k in gold)
            grad: dict[str, float] = {}
            for k, o in enumerate(opts):
                gk = p[k] - (p[k] / p_gold if k in gold else 0.0)
                if abs(gk) < 1e-6:
                    continue
                for f in o:
                    grad[f] = grad.get(f, 0.0) + gk
            for f, gf in grad.items():
                gf += C_L2 * w[f]
                g2[f] += gf * gf
                w[f] -= C_LR * gf / math.sqrt(g2[f])
    return {f: round(v, 4) for f, v in sorted(w.items()) if abs(v) >= 1e-3}


def average_fits(data: list[ContentExample], seeds: Sequence[int]) -> dict[str, float]:
    """The mean of the ranker weights fitted with each shuffling seed (less dependent on one order; one seed:
    ``fit_ranker``'s weights)."""
    fits = [fit_ranker(data, seed) for seed in seeds]
    keys = sorted({f for w in fits for f in w})
    mean = {f: round(sum(w.get(f, 0.0) for w in fits) / len(fits), 4) for f in keys}
    return {f: v for f, v in mean.items() if abs(v) >= 1e-3}


def train_content(
    items: list[tuple[Parsed, list[Triple]]],
    lexicon: frozenset[str],
    tags: Sequence[EdgeTags] | None = None,
    seeds: Sequence[int] = (0,),
) -> dict[str, Any]:
    """The model dict written to ``content_model.json`` (with ``tags``: ``content_model_tagged.json``);
    with several ``seeds``, the mean of the fits (``average_fits``)."""
    data = content_examples(items, lexicon, tags)
    return {
        "version": "1",
        "trained_on": "PolNeAR v1.0.0 train split"
        + (", with the learned tagger's edge features" if tags is not None else ""),
        "examples": len(data),
        "options": sum(len(o) for o, _ in data),
        "weights": average_fits(data, seeds),
    }


def train(items: list[tuple[Parsed, list[Triple]]], threshold: float = THRESHOLD) -> dict[str, Any]:
    """The model dict written to ``cue_model.json``."""
    lexicon = cue_lexicon(items)
    data = examples(items, lexicon)
    weights = fit(data)
    return {
        "version": "1",
        "trained_on": "PolNeAR v1.0.0 train split",
        "threshold": threshold,
        "lexicon": sorted(lexicon),
        "examples": len(data),
        "positives": sum(y for _, y in data),
        "weights": dict(sorted(weights.items())),
    }


def load_corpus(directory: Path) -> list[tuple[Parsed, list[Triple]]]:
    """Parse every gold article of a brat directory with the project's pipeline."""
    settings = Settings(check_language=False)
    nlp = load_pipeline()
    files = gold_files(directory)
    arts = [anatomy(article_from_text(t.read_text(encoding="utf-8"), origin=str(t), settings=settings)) for _, t, _ in files]
    parsed = parse_many(arts, nlp)
    return [(p, read_ann(a.read_text(encoding="utf-8"))) for p, (_, _, a) in zip(parsed, files, strict=True)]


def main(argv: list[str]) -> int:
    tagged = "--tagged" in argv
    argv = [a for a in argv if a != "--tagged"]
    folds: list[Path] = []
    while "--pointer-folds" in argv:
        k = argv.index("--pointer-folds")
        folds.extend(Path(p) for p in argv[k + 1 : k + 2])
        del argv[k : k + 2]
    if len(argv) != 2 or (folds and not tagged):
        print(
            "usage: python -m reportedly.training.attributions BRAT_DIR OUT_DIR [--tagged [--pointer-folds DIR]...]",
            file=sys.stderr,
        )
        return 2
    items = load_corpus(Path(argv[0]))
    out = Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    model = train(items)
    (out / "cue_model.json").write_text(json.dumps(model, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"cue model: {model['examples']} examples, {model['positives']} positive, {len(model['weights'])} weights")
    content = train_content(items, frozenset(model["lexicon"]))
    (out / "content_model.json").write_text(json.dumps(content, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"content model: {content['examples']} examples, {content['options']} options, {len(content['weights'])} weights")
    if tagged:
        # the accurate profile's ranker: the same options, each end with the learned tagger's features
        from ..find.attributions.pointer import Weights
        from ..find.attributions.tagger import tag_parsed

        tags = [tag_parsed(p) for p, _ in items]
        if folds:
            # each article read by content pointers trained on a fold without it (training.pointer --fold K/N)
            fold_weights = [Weights.load(d) for d in folds]
            if None in fold_weights:
                print(f"--pointer-folds: no pointers in {folds[fold_weights.index(None)]}", file=sys.stderr)
                return 2
            tags = [dataclasses.replace(t, pointers=fold_weights[(i + 1) % len(folds)]) for i, t in enumerate(tags)]
        content = train_content(items, frozenset(model["lexicon"]), tags, TAGGED_SEEDS)
        (out / TAGGED_MODEL_FILE).write_text(
            json.dumps(content, ensure_ascii=False, indent=0) + "\n", encoding="utf-8"
        )
        print(f"tagged content model: {content['examples']} examples, {len(content['weights'])} weights")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
