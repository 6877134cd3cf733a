"""Articles per second on the PolNeAR dev texts: spaCy parsing alone, our full analysis, textacy.

Run: ``python benchmarks/attribution_speed.py [DIR] [--limit N]`` (DIR defaults to
../shared/data/polnear/dev).  Prints articles/s for (a) parsing the article's
blocks with the project's spaCy pipeline, (b) the full ``reportedly`` analysis
(anatomy, parse, every finder), (c) textacy ``direct_quotations`` on a whole-text
parse, each with its ratio to (a), and the attribution finder alone on
pre-parsed articles.  One process, one core; the pipeline is loaded (and
warmed on one article) before timing; steps run in interleaved rounds and the
best time of each counts.
"""

from __future__ import annotations

import argparse
import contextlib
import time
from pathlib import Path

from textacy.extract import direct_quotations  # type: ignore[attr-defined]

from reportedly.anatomy import anatomy
from reportedly.evaluation.brat import gold_files
from reportedly.find import Found
from reportedly.find.attributions import find_attributions
from reportedly.ingest import article_from_text
from reportedly.nlp import load_pipeline, parse_many
from reportedly.pipeline import analyze_articles
from reportedly.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", nargs="?", default=str(ROOT.parent / "shared" / "data" / "polnear" / "dev"))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=2, help="interleaved rounds; the best time per step counts")
    args = ap.parse_args()
    settings = Settings(check_language=False)
    files = gold_files(Path(args.dir))[: args.limit]
    texts = [t.read_text(encoding="utf-8") for _, t, _ in files]
    n = len(texts)
    nlp = load_pipeline()
    arts = [article_from_text(t, origin=f"a{i}", settings=settings) for i, t in enumerate(texts)]
    list(analyze_articles(arts[:1], settings, nlp=nlp))  # warm up every finder

    def parse_only() -> None:
        parse_many([anatomy(a, settings) for a in arts], nlp)

    def full() -> None:
        list(analyze_articles(arts, settings, nlp=nlp))

    def textacy() -> None:
        for doc in nlp.pipe(texts):
            with contextlib.suppress(ValueError):  # textacy bails out on an odd number of quote marks
                list(direct_quotations(doc))

    parsed = parse_many([anatomy(a, settings) for a in arts], nlp)

    def finder_only() -> None:
        for p in parsed:
            find_attributions(p, Found(), settings)

    steps = {"parse": parse_only, "full": full, "textacy": textacy, "finder": finder_only}
    best = dict.fromkeys(steps, float("inf"))
    # interleaved rounds, best time per step: the machine is shared, so single runs are noisy
    for _ in range(args.repeat):
        for name, fn in steps.items():
            t0 = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - t0)
    parse_s, full_s, textacy_s = best["parse"], best["full"], best["textacy"]
    print(f"{n} articles ({sum(len(t) for t in texts)} characters), best of {args.repeat} interleaved rounds")
    print(f"{'step':<28} {'articles/s':>10} {'seconds':>8} {'time vs parse':>14}")
    rows = (
        ("(a) spaCy parse", parse_s),
        ("(b) reportedly full", full_s),
        ("(c) textacy quotations", textacy_s),
        ("attribution finder alone", best["finder"]),
    )
    for name, s in rows:
        print(f"{name:<28} {n / s:10.2f} {s:8.2f} {s / parse_s:13.2f}x")


if __name__ == "__main__":
    main()
