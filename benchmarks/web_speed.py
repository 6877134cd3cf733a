"""Render time of the web pages at the server, against a trivial page in the same run.

    python benchmarks/web_speed.py --db /tmp/copy-of-store.duckdb [--n 200] [--seed 1]
    python benchmarks/web_speed.py --db /tmp/copy-of-store.duckdb --fake-claims   # writes the copy first

Opens the store read-only as ``reportedly serve --db`` does, waits for the background work of
the start (row index, claim copies, search index, outlets figures), then requests through Starlette's TestClient (in process: no network): N random
articles, N random stories (the 10 largest included), N claim pages (claims carried by more than
one article, the 10 largest included), N drift pages (random pages, filters and directions), N
searches (words of random headlines, two-word phrases, and words found nowhere), and a trivial
page (the stylesheet, a static file) as the baseline; then ``--ilike`` of the same searches the
way they ran before the search index (``ILIKE`` over the store).  Prints p50 / p95 / max in ms per page kind
and the ratio of each p50 to the baseline's.  The first request of each kind is a warm-up and not
counted.  Timing only: the store is never written, except with ``--fake-claims``.

``--fake-claims`` first replaces the claim tables of DB (use a copy!) with synthetic rows at the
scale a trace writes (one mention per per-article claim: 374k on the 25k-article store): in a story
of several articles, the first 6 claims of each article form one group per index across the story
(the largest groups hold hundreds of mentions); every other claim is a group of its own; a relay
and, where the certainty differs from the first mention's, a drift case from the first mention to
each later one.  Made up (the texts of a group's mentions differ): it measures speed, nothing else.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import time
import warnings
from urllib.parse import quote, urlencode

warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient` is deprecated")

import duckdb  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from reportedly.web import Site, SiteConfig, create_app  # noqa: E402
from reportedly.web.article import article_href, claim_href  # noqa: E402

FAKE_CLAIMS = """
DELETE FROM claim_groups; DELETE FROM claim_group_mentions; DELETE FROM relays; DELETE FROM drift;
CREATE TEMP TABLE fm AS
WITH sized AS (SELECT story_id, count(*) AS n FROM story_articles GROUP BY story_id),
c AS (
  SELECT c.article_id, c.idx, c.start_char AS s, c.end_char AS e, c.level, c.attribution, c.cues,
         a.seq, a.published, a.outlet, sa.story_id, sz.n
  FROM claims c JOIN articles a ON a.id = c.article_id
  JOIN story_articles sa ON sa.article_id = c.article_id JOIN sized sz ON sz.story_id = sa.story_id
  WHERE c.start_char IS NOT NULL AND c.end_char > c.start_char)
SELECT CASE WHEN n > 1 AND idx < 6 THEN 'x' || story_id || '-' || idx ELSE 'c' || seq || '-' || idx END AS group_id,
       article_id, attribution AS attribution_id, s, e, level, idx AS unit, cues, seq, published, outlet
FROM c ORDER BY seq, idx;
INSERT INTO claim_group_mentions
SELECT group_id, article_id, attribution_id, s, e, level, unit, false, outlet, 'outlet', cues FROM fm;
CREATE TEMP TABLE firsts AS
SELECT group_id, arg_min(article_id, (coalesce(TRY_CAST(published AS DATE), DATE '2100-01-01'), seq)) AS first_article_id,
       count(*) AS mentions, count(DISTINCT article_id) AS articles
FROM fm GROUP BY group_id;
INSERT INTO claim_groups
SELECT f.group_id, substring(a.text, m.s + 1, m.e - m.s), f.first_article_id, a.published,
       coalesce(t.source_name, a.outlet),
       CASE WHEN t.source_name IS NULL THEN 'outlet' ELSE coalesce(t.source_type, 'unknown') END,
       CASE WHEN m.attribution_id IS NULL THEN 'statement' ELSE 'attributed' END, f.mentions, f.articles, m.s, m.e
FROM firsts f JOIN fm m ON m.group_id = f.group_id AND m.article_id = f.first_article_id
JOIN articles a ON a.id = f.first_article_id
LEFT JOIN attributions t ON t.article_id = m.article_id AND t.id = m.attribution_id;
INSERT INTO relays
SELECT m.article_id, m.s, m.e, f.first_article_id, o.s, o.e,
       ['verbatim_quote', 'partial_quote', 'paraphrase'][(1 + hash(m.article_id) % 3)::BIGINT], NULL, m.attribution_id, NULL,
       0.8, m.group_id
FROM fm m JOIN firsts f ON f.group_id = m.group_id AND f.articles > 1 AND m.article_id <> f.first_article_id
JOIN fm o ON o.group_id = m.group_id AND o.article_id = f.first_article_id;
INSERT INTO drift
SELECT m.group_id, o.article_id, o.s, o.e, m.article_id, m.s, m.e,
       CASE WHEN m.level = 'asserted' THEN 'raised' ELSE 'lowered' END, o.level, m.level,
       CASE WHEN o.level = 'hedged' THEN ['reportedly'] WHEN o.level = 'attributed' THEN ['said'] ELSE [] END,
       CASE WHEN m.level = 'hedged' THEN ['reportedly'] WHEN m.level = 'attributed' THEN ['said'] ELSE [] END
FROM fm m JOIN firsts f ON f.group_id = m.group_id AND f.articles > 1 AND m.article_id <> f.first_article_id
JOIN fm o ON o.group_id = m.group_id AND o.article_id = f.first_article_id
WHERE (m.level = 'asserted') <> (o.level = 'asserted');
"""


def fake_claims(db: str) -> None:
    from reportedly.store import Store

    Store.open(db).close()  # migrate: the claim tables exist from migration 5 on
    con = duckdb.connect(db)
    try:
        con.execute(FAKE_CLAIMS)
        n = {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
             for t in ("claim_groups", "claim_group_mentions", "relays", "drift")}
    finally:
        con.close()
    print("synthetic claim rows:", ", ".join(f"{t} {v:,}" for t, v in n.items()))


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
    ap.add_argument("--fake-claims", action="store_true", help="write synthetic claim rows into DB first (a copy!)")
    ap.add_argument("--ilike", type=int, default=20,
                    help="also time this many searches the old way (ILIKE over the store, no search index)")
    args = ap.parse_args()
    if args.fake_claims:
        fake_claims(args.db)
    t0 = time.perf_counter()
    site = Site.open(SiteConfig(db=args.db))
    site.wait_for_index()
    t1 = time.perf_counter()
    site.warmed.wait()
    print(f"opened, row index, claim copies and search index ({site.search.nbytes / 1e6:.0f} MB) built in "
          f"{t1 - t0:.2f} s; outlets figures computed {time.perf_counter() - t0:.2f} s after opening")
    rng = random.Random(args.seed)
    n = args.n
    with site.cursor() as cur:
        ids = [r[0] for r in cur.execute("SELECT id FROM articles").fetchall()]
        stories = [r[0] for r in cur.execute(
            "SELECT story_id FROM story_articles GROUP BY story_id ORDER BY count(*) DESC").fetchall()]
        groups = [r[0] for r in cur.execute(
            "SELECT group_id FROM claim_groups WHERE articles > 1 ORDER BY articles DESC, group_id").fetchall()]
        titles = [r[0] or "" for r in cur.execute("SELECT title FROM articles").fetchall()]
        outlets = [r[0] for r in cur.execute(
            "SELECT DISTINCT w.outlet FROM drift d JOIN articles w ON w.id = d.downstream_article_id "
            "WHERE w.outlet IS NOT NULL ORDER BY 1").fetchall()]
        n_drift = cur.execute("SELECT count(*) FROM drift").fetchall()[0][0]
    arts = [article_href(i) for i in rng.sample(ids, min(n, len(ids)))]
    story_paths = ["/stories/" + quote(s, safe="") for s in stories[:10] + rng.sample(stories, min(n - 10, len(stories)))]
    claim_paths = [claim_href(g) for g in groups[:10] + rng.sample(groups, min(n - 10, len(groups)))] if groups else []
    drift_paths = []
    for k in range(n if n_drift else 0):
        q: dict[str, str | int] = {}
        if k % 3 == 1 and outlets:
            q["outlet"] = rng.choice(outlets)
        if k % 4 == 2:
            q["direction"] = rng.choice(["raised", "lowered"])
        if not q:
            q["page"] = rng.randint(1, max(1, min(200, n_drift // 25)))
        drift_paths.append("/drift?" + urlencode(q))
    words = [w for t in rng.sample(titles, min(n, len(titles))) for w in re.findall(r"[A-Za-z]{4,}", t)[:1]]
    phrases = [" ".join(t.split()[1:3]) for t in rng.sample(titles, min(n // 4, len(titles))) if len(t.split()) > 3]
    searches = [*words, *phrases, *(f"zq{k}xv" for k in range(n // 10))]
    rng.shuffle(searches)
    search_paths = ["/?" + urlencode({"q": s}) for s in searches[:n]]
    with TestClient(create_app(site)) as client:
        results = {"baseline (static file)": timed(client, ["/static/style.css"] * n),
                   "article page": timed(client, arts), "story page": timed(client, story_paths)}
        if claim_paths:
            results["claim page"] = timed(client, claim_paths)
        if drift_paths:
            results["drift page"] = timed(client, drift_paths)
        results["search"] = timed(client, search_paths)
        results["baseline again"] = timed(client, ["/static/style.css"] * n)
    if args.ilike:
        plain = Site(SiteConfig(db=args.db, build_index=False), site.store)  # no index: search scans with ILIKE
        with TestClient(create_app(plain)) as client:
            results["search, ILIKE (before)"] = timed(client, search_paths[: args.ilike])
    base = statistics.median(results["baseline (static file)"] + results["baseline again"])
    print(f"{'page':26} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'p50 / baseline':>15}")
    for name, xs in results.items():
        print(f"{name:26} {len(xs):5d} {pct(xs, 0.5):8.1f} {pct(xs, 0.95):8.1f} {max(xs):8.1f} "
              f"{pct(xs, 0.5) / base:14.1f}x")
    site.close()


if __name__ == "__main__":
    main()
