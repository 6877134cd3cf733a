"""Score story clustering (``corpus.stories``) against gold story labels (ECB+ ``ecbplus/dev.jsonl``).

The input is JSONL with ``id``, ``text``, optional ``title``/``outlet``/``published`` and the gold
``story``; any other field (ECB+ has ``topic``) is ignored.  Articles get ``seq`` in line order, or
in a seeded shuffle of it (``shuffle``), and go through ``story_state`` and ``StoryFinder.add``
one at a time.  ``score`` compares any predicted mapping id -> story with the gold one (so a
database's ``story_articles`` can be scored the same way): B-cubed precision, recall and F1
(per article, averaged) and pairwise precision, recall and F1 (over pairs of articles).

The baseline, run on the same file, is batch TF-IDF (scikit-learn ``TfidfVectorizer``,
``sublinear_tf``, English stop words) with average-link clustering on cosine distance (scipy),
cut at ``BASELINE_CUT``: the cut of best B-cubed F1 on ECB+ topics 1-35 among 0.70, 0.75 ... 0.90
(it sees every article at once, so it is an upper reference for its features, not an online
method).
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..anatomy import anatomy
from ..corpus.items import Item, skipped
from ..corpus.stories import COEF, TOPIC_COEF, StoryFinder, story_state
from ..corpus.storylinks import LinkedStories
from ..model import Article
from .records import read_jsonl

BASELINE_CUT = 0.85


def _gold_problem(rec: dict[str, Any]) -> str | None:
    if all(isinstance(rec.get(k), str) for k in ("id", "text", "story")):
        return None
    return "needs string fields id, text and story"


def read_gold(path: Path) -> list[dict[str, Any]]:
    """The articles of a JSONL file with gold ``story`` labels (ValueError on a malformed line)."""
    out = read_jsonl(path, _gold_problem)
    if len({r["id"] for r in out}) != len(out):
        raise ValueError(f"{path}: duplicate ids")
    return out


def score(pred: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, Any]:
    """B-cubed and pairwise precision, recall and F1 of ``pred`` (id -> story) against ``gold``.

    Only the ids in ``gold`` count; a gold id missing from ``pred`` is a story of its own.
    """
    ids = list(gold)
    got = {i: pred.get(i, f"missing:{i}") for i in ids}
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for i in ids:
        by_pred[got[i]].add(i)
        by_gold[gold[i]].add(i)
    p = r = 0.0
    for i in ids:
        common = len(by_pred[got[i]] & by_gold[gold[i]])
        p += common / len(by_pred[got[i]])
        r += common / len(by_gold[gold[i]])
    n = len(ids)
    both = sum(len(a & b) * (len(a & b) - 1) // 2 for a in by_pred.values() for b in by_gold.values())
    pred_pairs = sum(len(a) * (len(a) - 1) // 2 for a in by_pred.values())
    gold_pairs = sum(len(b) * (len(b) - 1) // 2 for b in by_gold.values())
    return {
        "articles": n,
        "stories": len(by_pred),
        "gold_stories": len(by_gold),
        "b3": _prf(p / n if n else 0.0, r / n if n else 0.0),
        "pairwise": _prf(both / pred_pairs if pred_pairs else 0.0, both / gold_pairs if gold_pairs else 0.0),
    }


def _prf(p: float, r: float) -> dict[str, float]:
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
    }


def as_stored(record: dict[str, Any], seq: int) -> Item:
    """The ``Item`` the store would hold for this record: ingest's anatomy fills a missing outlet or
    publication date from the byline and date lines ("May 2, 2013"), as ``reportedly ingest`` does, and
    types the blocks the finders skip (``Item.skip``), so that this scorer sees what ``reportedly trace``
    sees."""
    art = anatomy(
        Article(
            record["text"], str(record["id"]), outlet=record.get("outlet"), title=record.get("title"),
            published=record.get("published"),
        )
    )
    return Item(
        art.id, seq, art.text, art.title, art.outlet, art.published, skipped((b.kind, b.start, b.end) for b in art.blocks)
    )


def cluster(
    records: list[dict[str, Any]],
    shuffle: int | None = None,
    coef: Sequence[float] = COEF,
    topic_coef: Sequence[float] = TOPIC_COEF,
    linked: bool = True,
) -> dict[str, str]:
    """id -> story id, articles fed in line order (or a shuffle seeded with ``shuffle``): the stories
    ``reportedly trace`` writes (``storylinks``: average link over the pairs the online finder scored,
    with the pair models ``coef``, ``topic_coef``), or with ``linked`` false the online finder's own
    stories (the threads), its merges applied as they come."""
    order = list(range(len(records)))
    if shuffle is not None:
        random.Random(shuffle).shuffle(order)
    stories = LinkedStories(StoryFinder(coef, topic_coef, links=True))
    pred: dict[str, str] = {}
    members: dict[str, list[str]] = defaultdict(list)
    for seq, k in enumerate(order):
        item = as_stored(records[k], seq)
        sid, _ = stories.add(item, story_state(item))
        for absorbed, survivor in stories.take_merges():
            for i in members.pop(absorbed, []):
                pred[i] = survivor
                members[survivor].append(i)
        pred[item.id] = sid
        members[sid].append(item.id)
    if linked:
        return {aid: sid for sid, aid in stories.stories(range(len(order))).rows}
    return pred


def baseline(records: list[dict[str, Any]], cut: float = BASELINE_CUT) -> dict[str, str]:
    """id -> cluster of the batch TF-IDF average-link baseline (see the module doc)."""
    from scipy.cluster.hierarchy import fcluster, linkage  # type: ignore[import-untyped]
    from scipy.spatial.distance import pdist  # type: ignore[import-untyped]
    from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]

    if len(records) < 2:
        return {r["id"]: "b0" for r in records}
    texts = [f"{r['title']}\n{r['text']}" if r.get("title") else r["text"] for r in records]
    x = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts).toarray()
    labels = fcluster(linkage(pdist(x, "cosine"), "average"), cut, "distance")
    return {r["id"]: f"b{int(c)}" for r, c in zip(records, labels, strict=True)}


def evaluate(path: Path, shuffle: int | None = None, with_baseline: bool = True) -> dict[str, Any]:
    """The scores of story clustering on ``path`` (and of the baseline, unless ``with_baseline`` is false)."""
    records = read_gold(path)
    gold = {r["id"]: r["story"] for r in records}
    result: dict[str, Any] = {
        "file": str(path),
        "shuffle": shuffle,
        "stories": score(cluster(records, shuffle), gold),
        "online": score(cluster(records, shuffle, linked=False), gold),
    }
    if with_baseline:
        result["baseline"] = score(baseline(records), gold)
        result["baseline_cut"] = BASELINE_CUT
    return result


def format_result(result: dict[str, Any]) -> str:
    order = "file order" if result["shuffle"] is None else f"shuffled (seed {result['shuffle']})"
    s = result["stories"]
    lines = [
        f"story clustering on {result['file']}: {s['articles']} articles, {s['gold_stories']} gold stories, {order}",
        f"{'system':<28} {'stories':>7}  {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6}  {'pair P':>6} {'pair R':>6} {'pair F1':>7}",
    ]
    rows = [("reportedly (average link)", s)]
    if "online" in result:
        rows.append(("online finder (threads)", result["online"]))
    if "baseline" in result:
        rows.append((f"TF-IDF average link @{result['baseline_cut']}", result["baseline"]))
    for name, sc in rows:
        b, pw = sc["b3"], sc["pairwise"]
        lines.append(
            f"{name:<28} {sc['stories']:>7}  {b['precision']:>6.3f} {b['recall']:>6.3f} {b['f1']:>6.3f}  "
            f"{pw['precision']:>6.3f} {pw['recall']:>6.3f} {pw['f1']:>7.3f}"
        )
    return "\n".join(lines)
