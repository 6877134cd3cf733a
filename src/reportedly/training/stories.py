"""Fit the two pair models of story clustering (``corpus.stories.COEF``, ``TOPIC_COEF``) and
cross-validate by topic the stories the trace writes (``corpus.storylinks``: average link over the
pairs the online finder scored) and the online finder's own.

    python -m reportedly.training.stories ../shared/data/ecbplus/dev.jsonl [--folds 5] [--seeds 1,2,3]

The input is JSONL with gold ``story`` labels (``evaluation.stories.read_gold``) and, optionally, a
``topic`` (ECB+: two events of the same kind per topic); without one, the story stands for the
topic and the folds deal out stories.  Pairs are every pair of articles, with the features of
``corpus.stories.pair_features`` computed as the online finder would (the later article of a pair
against the earlier, idf as of the later one, in file order).  Both models are L2 logistic
regressions (scikit-learn, ``C = 1``): the *event* model on the pairs of the same topic, label
"same story"; the *topic* model on all pairs, label "same topic".  ``fit`` returns both as
intercept then weights; ``main`` prints them to paste into ``corpus.stories``.

``cross_validate`` is the honest estimate: the topics are dealt round-robin (in sorted order) to
``folds`` folds; for each fold the models are fitted on the other folds' articles only and the
online finder clusters the fold's articles (file order or a seeded shuffle); the folds'
clusterings are pooled (story ids prefixed by fold) and scored together against the gold.
"""

from __future__ import annotations

import argparse
import sys
from itertools import product
from pathlib import Path
from typing import Any

import numpy as np

from ..corpus.items import Item
from ..corpus.stories import FEATURES, StoryFinder, story_state
from ..evaluation.stories import cluster, read_gold, score

C = 1.0


def _topic(r: dict[str, Any]) -> str:
    return str(r.get("topic") or "")


def pairs(records: list[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(features, same-story labels, same-topic labels) of every pair of ``records`` (without topics, the
    story is the topic)."""
    finder = StoryFinder()
    gold = [r["story"] for r in records]
    topic = [_topic(r) or r["story"] for r in records]
    xs, ys, ts = [], [], []
    for k, r in enumerate(records):
        item = Item(r["id"], k, r["text"], r.get("title"), r.get("outlet"), r.get("published"))
        finder.restore(item, story_state(item), f"x{k}")
        if k:
            xs.append(finder.earlier_features())
            ys.append(np.array([g == gold[k] for g in gold[:k]], dtype=np.int64))
            ts.append(np.array([t == topic[k] for t in topic[:k]], dtype=np.int64))
    if not xs:
        return np.zeros((0, len(FEATURES))), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(xs), np.concatenate(ys), np.concatenate(ts)


def fit(records: list[dict[str, Any]]) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """(event model, topic model) fitted on ``records``: each an intercept and ``FEATURES`` weights.

    The event model is fitted on the pairs of the same topic (the topic gate keeps others away, so it
    learns to tell events of one kind apart), the topic model on all pairs."""
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    x, y, t = pairs(records)
    out = []
    for xs, ys in ((x[t == 1], y[t == 1]), (x, t)):
        model = LogisticRegression(C=C, max_iter=1000).fit(xs, ys)
        out.append((round(float(model.intercept_[0]), 3), *(round(float(c), 3) for c in model.coef_[0])))
    return out[0], out[1]


def cross_validate(
    records: list[dict[str, Any]], folds: int = 5, shuffle: int | None = None, linked: bool = True
) -> dict[str, Any]:
    """Scores of the stories the trace writes (average link over the pairs the online finder scored,
    ``storylinks``; with ``linked`` false, of the online finder's own) on held-out topics, pooled over
    ``folds`` folds (see the module doc)."""

    def group(r: dict[str, Any]) -> str:
        return _topic(r) or str(r["story"])

    topics = sorted({group(r) for r in records}, key=lambda t: (len(t), t))
    fold_of = {t: k % folds for k, t in enumerate(topics)}
    pred: dict[str, str] = {}
    coefs = []
    for f in range(folds):
        train = [r for r in records if fold_of[group(r)] != f]
        test = [r for r in records if fold_of[group(r)] == f]
        if not train or not test:
            continue
        coef, topic_coef = fit(train)
        coefs.append((coef, topic_coef))
        pred.update({i: f"{f}:{s}" for i, s in cluster(test, shuffle, coef, topic_coef, linked).items()})
    result = score(pred, {r["id"]: r["story"] for r in records})
    result["coefs"] = coefs
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seeds", default="1,2,3", help="shuffles to cross-validate besides file order")
    args = ap.parse_args(argv)
    records = read_gold(args.path)
    coef, topic_coef = fit(records)
    print("COEF =", coef, "\nTOPIC_COEF =", topic_coef, "\n# intercept,", ", ".join(FEATURES))
    for linked, seed in product((False, True), [None, *(int(s) for s in args.seeds.split(",") if s)]):
        cv = cross_validate(records, args.folds, seed, linked)
        b, pw = cv["b3"], cv["pairwise"]
        order = "file order" if seed is None else f"shuffle {seed}"
        how = "average link" if linked else "online"
        print(
            f"{args.folds}-fold CV by topic, {how}, {order}: {cv['stories']} stories, B3 P {b['precision']:.3f} "
            f"R {b['recall']:.3f} F1 {b['f1']:.3f}, pairwise P {pw['precision']:.3f} R {pw['recall']:.3f} "
            f"F1 {pw['f1']:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
