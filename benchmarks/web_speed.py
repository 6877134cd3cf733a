"""Render time of the article and story pages at the server, against a trivial page in the same run.

    python benchmarks/web_speed.py --db /tmp/copy-of-store.duckdb [--n 200] [--seed 1]

Opens the store read-only as ``reportedly serve --db`` does, waits for the row index, then
requests N random articles and N random stories (the largest stories included) through
Starlette's TestClient (in process: no network), and a trivial page (the stylesheet, a static
file) as the baseline.  Prints p50 / p95 / max in ms per page kind and the ratio of each p50 to
the baseline's.  The first request of each kind is a warm-up and not counted.  Timing only: the
store is never written.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
import warnings

warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient` is deprecated")

from starlette.testclient import TestClient  # noqa: E402

from reportedly.web import Site, SiteConfig, create_app  # noqa: E402
from reportedly.web.article import article_href  # noqa: E402


def timed(client: TestClient, paths: list[str]) -> list[float]:
    client.get(paths[0])
    out = []
    for p in paths:
        t = time.perf_counter()
        r = client.get(p)
        out.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200, (p, r.status_code)
    return out


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(q * (len(xs) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", required=True)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    t0 = time.perf_counter()
    site = Site.open(SiteConfig(db=args.db))
    site.wait_for_index()
    print(f"opened and indexed in {time.perf_counter() - t0:.2f} s")
    rng = random.Random(args.seed)
    with site.cursor() as cur:
        ids = [r[0] for r in cur.execute("SELECT id FROM articles").fetchall()]
        stories = [r[0] for r in cur.execute(
            "SELECT story_id FROM story_articles GROUP BY story_id ORDER BY count(*) DESC").fetchall()]
    arts = [article_href(i) for i in rng.sample(ids, min(args.n, len(ids)))]
    from urllib.parse import quote

    picked = stories[:10] + rng.sample(stories, min(args.n - 10, len(stories)))
    story_paths = ["/stories/" + quote(s, safe="") for s in picked]
    with TestClient(create_app(site)) as client:
        results = {"baseline (static file)": timed(client, ["/static/style.css"] * args.n),
                   "article page": timed(client, arts), "story page": timed(client, story_paths),
                   "baseline again": timed(client, ["/static/style.css"] * args.n)}
    base = statistics.median(results["baseline (static file)"] + results["baseline again"])
    print(f"{'page':26} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'p50 / baseline':>15}")
    for name, xs in results.items():
        print(f"{name:26} {len(xs):5d} {pct(xs, 0.5):8.1f} {pct(xs, 0.95):8.1f} {max(xs):8.1f} "
              f"{pct(xs, 0.5) / base:14.1f}x")
    site.close()


if __name__ == "__main__":
    main()
