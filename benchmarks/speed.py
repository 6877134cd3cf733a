"""Speed of reportedly, in ONE run on the same articles, as ratios to spaCy parsing alone.

    python benchmarks/speed.py [--allsides 60] [--no-polnear] [--workers 1,2] [--scaling-articles 60] [--rounds 2]
                               [--parse-less-articles 40] [--json out.json]

Measures, on the first N AllSides articles and the PolNeAR dev texts (read
from ../shared/data; sections without their data are skipped):

1. our articles/s (``analyze_articles``: anatomy, parse, every finder), once per attribution
   profile (``Settings.profile``: ``accurate``, the rules linked with the learned tagger, and
   ``fast``, the rules alone), each also as a ratio to spaCy alone,
2. spaCy alone: ``nlp.pipe`` of the same article texts with the full pipeline
   as spaCy ships it (thinc multiplies matrices with blis),
3. textacy ``direct_quotations`` on those spaCy docs (parse + extraction),
4. spaCy alone again, the same pipeline with numpy's BLAS for the matrix
   products (``reportedly.nlp.use_numpy_gemm``, what our parse uses), so the
   ratio to it shows what the finders cost on top of the same parse,

and prints the ratios (> 1 means faster than spaCy alone).  Then:

5. where the time goes: tokenizer and each pipeline component, anatomy, each finder;
6. "parse only what needs parsing", a prototype: a regex pre-scan splits
   blocks into sentences; runs of sentences with a quote mark, a report verb,
   "according to" or a report adverb get the full pipeline, the others the
   pipeline without the parser (with the cheap ``senter`` for sentences).
   It times both and counts the reports that come out different;
7. scaling: the local engine in one process and with a pool of N worker
   processes (``reportedly ingest --workers N``), the Dask engine with 1..N
   workers (``--engine dask``), each into an in-memory store (articles/s after
   start-up, peak resident memory of each worker), and spaCy alone on the same
   texts with ``nlp.pipe(n_process=1..N)``, so that a pool of N is compared
   with one spaCy process and with N of them.

Sections 1-4 and 7 run in interleaved rounds (``--rounds``) and the fastest
round of each counts: this machine's speed drifts by tens of percent over
minutes, so one sequential pass misleads.  Times are wall-clock and CPU (``process_time`` of this process; the workers'
CPU is not visible here).  On a shared machine, compare CPU ratios.  Not
collected by pytest.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import resource
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"


class Clock:
    """Wall and CPU seconds of a block: ``with Clock() as c: ...; c.wall, c.cpu``."""

    def __enter__(self) -> Clock:
        self.w0, self.c0 = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.w0
        self.cpu = time.process_time() - self.c0


def load_articles(n_allsides: int, polnear: bool) -> dict[str, list[Any]]:
    from reportedly.ingest import read_inputs
    from reportedly.model import Article
    from reportedly.settings import Settings

    out: dict[str, list[Any]] = {}
    settings = Settings()
    src = SHARED / "allsides" / "articles.jsonl"
    if n_allsides and src.exists():
        with open(src, encoding="utf-8") as fh, tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as tmp:
            for i, line in enumerate(fh):
                if i >= n_allsides:
                    break
                tmp.write(line)
        out["allsides"] = [a for a in read_inputs([tmp.name], settings) if isinstance(a, Article)]
        Path(tmp.name).unlink()
    dev = SHARED / "polnear" / "dev" / "text"
    if polnear and dev.exists():
        out["polnear-dev"] = [a for a in read_inputs([str(dev)], settings) if isinstance(a, Article)]
    return out


def words(articles: Sequence[Any]) -> int:
    return sum(len(a.text.split()) for a in articles)


# --- 1-3: ours, spaCy alone, textacy ------------------------------------------------


def stock_pipelines() -> tuple[Any, Any]:
    """The English pipeline as spaCy ships it (blis matrix products) and a second copy with numpy's
    (``use_numpy_gemm``), both loaded apart from ``load_pipeline``'s cached one."""
    import importlib

    from reportedly.nlp import MODEL_NAMES, use_numpy_gemm

    for n in MODEL_NAMES:
        try:
            mod = importlib.import_module(n)
        except ImportError:
            continue
        stock, gemm = mod.load(), mod.load()
        use_numpy_gemm(gemm)
        return stock, gemm
    raise SystemExit("no English pipeline installed")


def bench_core(name: str, articles: list[Any], nlp: Any, stock: Any, gemm: Any, rounds: int = 2) -> dict[str, Any]:
    """spaCy alone (as shipped, and with numpy matrix products), textacy and ours in ``rounds``
    interleaved rounds; the fastest round of each counts (the machine's speed drifts by tens of
    percent over minutes, so one sequential pass misleads)."""
    from textacy.extract.triples import direct_quotations

    from reportedly.model import Report
    from reportedly.pipeline import analyze_articles
    from reportedly.settings import PROFILES, Settings

    settings = Settings()
    profiles = {name: Settings(profile=name) for name in PROFILES}
    texts = [a.text for a in articles]
    best: dict[str, Clock] = {}
    reports: list[Any] = []
    quotes = bailed = 0
    for _ in range(max(1, rounds)):
        with Clock() as sg:
            list(gemm.pipe(texts, batch_size=32))
        with Clock() as sp:
            docs = list(stock.pipe(texts, batch_size=32))
        quotes = bailed = 0
        with Clock() as tx:
            for d in docs:
                try:
                    quotes += len(list(direct_quotations(d)))
                except ValueError:  # textacy bails out on an odd number of quotation marks
                    bailed += 1
        del docs
        clocks = [("spacy", sp), ("spacy_numpy_gemm", sg), ("textacy", tx)]
        for pname, pset in profiles.items():
            with Clock() as our:
                out = list(analyze_articles(articles, pset, nlp=nlp))
            clocks.append((f"ours_{pname}", our))
            if pname == settings.profile:
                reports = out
                clocks.append(("ours", our))
        for k, c in clocks:
            if k not in best or c.wall < best[k].wall:
                best[k] = c
    sp, sg, tx, ours = best["spacy"], best["spacy_numpy_gemm"], best["textacy"], best["ours"]
    ok = sum(isinstance(r, Report) for r in reports)
    n = len(articles)
    res = {
        "corpus": name,
        "articles": n,
        "words": words(articles),
        "analysed_ok": ok,
        "spacy": {"wall": sp.wall, "cpu": sp.cpu, "articles_per_s": n / sp.wall},
        "spacy_numpy_gemm": {"wall": sg.wall, "cpu": sg.cpu, "articles_per_s": n / sg.wall},
        "textacy": {
            "wall": sp.wall + tx.wall, "cpu": sp.cpu + tx.cpu, "extract_wall": tx.wall,
            "articles_per_s": n / (sp.wall + tx.wall), "quotations": quotes, "docs_bailed_out": bailed,
        },
        "ours": {"wall": ours.wall, "cpu": ours.cpu, "articles_per_s": n / ours.wall},
        "rounds": rounds,
        "default_profile": settings.profile,
        "profiles": {
            pname: {
                "wall": best[f"ours_{pname}"].wall, "cpu": best[f"ours_{pname}"].cpu,
                "articles_per_s": n / best[f"ours_{pname}"].wall,
                "ratio_to_spacy": {"wall": sp.wall / best[f"ours_{pname}"].wall, "cpu": sp.cpu / best[f"ours_{pname}"].cpu},
            }
            for pname in profiles
        },
    }
    res["ratio_ours_to_spacy"] = {"wall": sp.wall / ours.wall, "cpu": sp.cpu / ours.cpu}
    res["ratio_ours_to_spacy_numpy_gemm"] = {"wall": sg.wall / ours.wall, "cpu": sg.cpu / ours.cpu}
    res["ratio_ours_to_textacy"] = {"wall": (sp.wall + tx.wall) / ours.wall, "cpu": (sp.cpu + tx.cpu) / ours.cpu}
    return res


# --- 4: where the time goes ---------------------------------------------------------------


def bench_profile(articles: list[Any], nlp: Any) -> dict[str, float]:
    from reportedly.anatomy import anatomy
    from reportedly.find import STAGES, Found, finder
    from reportedly.nlp import parse_many, segments_to_parse
    from reportedly.settings import Settings

    settings = Settings()
    cpu: dict[str, float] = {}
    with Clock() as c:
        arts = [anatomy(a, settings) for a in articles]
    cpu["anatomy"] = c.cpu
    texts = [a.text[b.start : b.end] for a in arts for b in segments_to_parse(a)]
    with Clock() as c:
        docs = [nlp.make_doc(t) for t in texts]
    cpu["spacy:tokenizer"] = c.cpu
    for pname, proc in nlp.pipeline:
        with Clock() as c:
            docs = list(proc.pipe(docs, batch_size=32)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        cpu[f"spacy:{pname}"] = c.cpu
    del docs
    parsed = parse_many(arts, nlp)
    for stage in STAGES:
        cpu[f"find:{stage}"] = 0.0
    for p in parsed:
        found = Found()
        for stage in STAGES:
            t = time.process_time()
            try:
                recs = finder(stage, settings)(p, found, settings)
            except Exception:
                recs = ()
            cpu[f"find:{stage}"] += time.process_time() - t
            found = dataclasses.replace(found, **{stage: tuple(recs)})
    return cpu


# --- 5: parse only what needs parsing (prototype) -----------------------------------------

_SENT_END = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_QUOTES = re.compile(r"[\"“”«»]|(?:^|\s)[‘'](?=\w)|(?<=\w)[’'](?=\s|$)")

# Attribution cue verbs: the commonest speech-act and report verbs of news
# attribution (as in PARC-style annotation); a short list on purpose, since the
# pre-scan should send the sentences that matter to the parser, not most of them.
CUE_VERBS = """say tell add ask claim report state announce write warn insist argue explain note confirm deny
accuse allege acknowledge admit suggest describe declare predict promise reveal respond reply testify tweet
post quote cite estimate believe think urge recall contend assert maintain""".split()
_IRREGULAR = "said told wrote thought according reportedly allegedly purportedly supposedly".split()


def _cue_pattern() -> re.Pattern[str]:
    forms: set[str] = set(_IRREGULAR)
    for v in CUE_VERBS:
        stem = v[:-1] if v.endswith("e") else v
        forms |= {v, v + "s", stem + "ed", stem + "ing", v + "d"}
        if v.endswith("y"):
            forms |= {v[:-1] + "ied", v[:-1] + "ies"}
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, forms), key=len, reverse=True)) + r")\b", re.IGNORECASE)


def sentence_runs(text: str, cue: re.Pattern[str]) -> Iterator[tuple[int, int, bool]]:
    """Runs of consecutive sentences of ``text`` that need (True) or do not need (False) a parse."""
    starts = [0, *(m.end() for m in _SENT_END.finditer(text))]
    ends = [*starts[1:], len(text)]
    run_start, run_need = 0, None
    for s, e in zip(starts, ends, strict=True):
        sent = text[s:e]
        need = bool(_QUOTES.search(sent) or cue.search(sent))
        if run_need is None:
            run_need = need
        elif need != run_need:
            yield run_start, s, run_need
            run_start, run_need = s, need
    if run_need is not None:
        yield run_start, len(text), run_need


CHEAP = {
    "no_parser": ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "ner", "senter"),
    "ner_only": ("senter", "ner"),
}
"""What text with no cue gets: everything but the parser (+ senter for sentences), or NER + senter only."""


def _pipe_with(nlp: Any, names: Sequence[str], texts: list[str]) -> list[Any]:
    comps = dict(nlp.components)
    docs = [nlp.make_doc(t) for t in texts]
    for n in names:
        docs = list(comps[n].pipe(docs, batch_size=32))
    return docs


def bench_parse_less(articles: list[Any], nlp: Any) -> dict[str, Any]:
    from reportedly.anatomy import anatomy
    from reportedly.model import Report
    from reportedly.nlp import Parsed, Segment, segments_to_parse
    from reportedly.pipeline import analyze_articles, report_of
    from reportedly.settings import Settings

    settings = Settings()
    cue = _cue_pattern()
    arts = [anatomy(a, settings) for a in articles]
    baseline = list(analyze_articles(articles, settings, nlp=nlp))
    blocks = [(i, b) for i, a in enumerate(arts) for b in segments_to_parse(a)]
    with Clock() as full:
        list(nlp.pipe((arts[i].text[b.start : b.end] for i, b in blocks), batch_size=32))
    out: dict[str, Any] = {"full_pipeline": {"wall": full.wall, "cpu": full.cpu}, "variants": []}
    for granularity in ("block", "run"):
        with Clock() as scan:
            pieces: list[tuple[int, Any, int, int, bool]] = []
            for i, b in blocks:
                text = arts[i].text[b.start : b.end]
                runs = list(sentence_runs(text, cue))
                if granularity == "block":
                    runs = [(0, len(text), any(r[2] for r in runs))]
                for s, e, need in runs:
                    while s < e and text[s].isspace():  # pieces are exact substrings, trimmed
                        s += 1
                    while e > s and text[e - 1].isspace():
                        e -= 1
                    if e > s:
                        pieces.append((i, b, b.start + s, b.start + e, need))
        need_chars = sum(e - s for _, _, s, e, nd in pieces if nd)
        all_chars = sum(e - s for _, _, s, e, _ in pieces) or 1
        need_idx = [k for k, p in enumerate(pieces) if p[4]]
        rest_idx = [k for k, p in enumerate(pieces) if not p[4]]
        for variant, cheap in CHEAP.items():
            docs: dict[int, Any] = {}
            with Clock() as two:
                texts = [arts[pieces[k][0]].text[pieces[k][2] : pieces[k][3]] for k in need_idx]
                docs.update(zip(need_idx, nlp.pipe(texts, batch_size=32), strict=True))
                texts = [arts[pieces[k][0]].text[pieces[k][2] : pieces[k][3]] for k in rest_idx]
                docs.update(zip(rest_idx, _pipe_with(nlp, cheap, texts), strict=True))
            segs: list[list[Any]] = [[] for _ in arts]
            for k, (i, b, s, _e, _n) in enumerate(pieces):
                segs[i].append(Segment(b, s, docs[k]))
            same, diffs, failure = 0, {}, None
            spans_full = spans_kept = spans_new = 0
            for a, sg, base in zip(arts, segs, baseline, strict=True):
                try:
                    r = report_of(Parsed(a, tuple(sg)), settings)
                except Exception as e:
                    diffs["failed"] = diffs.get("failed", 0) + 1
                    failure = failure or f"{type(e).__name__}: {e}"
                    continue
                if not isinstance(base, Report):
                    continue
                # attributions compared by their spans (ids shift when one is gained or lost)
                full_set = {(t.source, t.cue, t.content) for t in base.attributions}
                proto_set = {(t.source, t.cue, t.content) for t in r.attributions}
                spans_full += len(full_set)
                spans_kept += len(full_set & proto_set)
                spans_new += len(proto_set - full_set)
                if r == base:
                    same += 1
                    continue
                for f in ("entities", "attributions", "chains", "credits", "hedges", "voice", "times", "claims"):
                    if getattr(r, f) != getattr(base, f):
                        diffs[f] = diffs.get(f, 0) + 1
            out["variants"].append({
                "granularity": granularity, "cheap": variant, "pieces": len(pieces),
                "share_of_chars_parsed": need_chars / all_chars,
                "prescan_cpu": scan.cpu, "cpu": two.cpu + scan.cpu, "wall": two.wall + scan.wall,
                "speedup_of_spacy_cpu": full.cpu / (two.cpu + scan.cpu),
                "reports_identical": same, "reports": len(arts), "differing_by_field": diffs, "first_failure": failure,
                "attributions_full": spans_full, "attributions_kept": spans_kept, "attributions_new": spans_new,
            })
    return out


# --- 6: scaling ---------------------------------------------------------------------------


def bench_scaling(articles: list[Any], workers: Sequence[int], rounds: int = 1, nlp: Any = None) -> list[dict[str, Any]]:
    """Each engine and worker count in ``rounds`` interleaved rounds; the fastest round of each counts.

    Engines: ``local`` (one process, then a pool of N worker processes), ``dask`` (a local cluster of N
    workers), and for comparison spaCy alone, as shipped, on the same texts (``nlp.pipe``, ``n_process=N``).
    """
    from reportedly.batch import store_corpus
    from reportedly.settings import Settings
    from reportedly.store import Store

    out = []
    texts = [a.text for a in articles]
    with tempfile.TemporaryDirectory() as d:
        corpus = Path(d) / "c.jsonl"
        with open(corpus, "w", encoding="utf-8") as fh:
            for a in articles:
                fh.write(json.dumps({"id": a.id, "text": a.text, "outlet": a.outlet}) + "\n")
        runs: list[tuple[str, int]] = [
            ("local", 1), *(("local", n) for n in workers if n > 1), *(("dask", n) for n in workers),
            *((("spacy", n) for n in (1, *workers)) if nlp is not None else ()),
        ]
        runs = list(dict.fromkeys(runs))
        best: dict[tuple[str, int], dict[str, Any]] = {}
        for rnd in range(max(1, rounds)):
            for engine, n in runs:
                if engine == "spacy":
                    with Clock() as c:
                        list(nlp.pipe(texts, batch_size=32, n_process=n))
                    row = {"engine": "spacy", "workers": n, "articles": len(texts), "seconds": c.wall, "startup": 0.0,
                           "articles_per_s": len(texts) / c.wall, "peak_mb_per_worker": [], "cpu_s_per_worker": [],
                           "failed": 0, "row_counts": None, "rates_per_round": []}
                else:
                    with Store.open(":memory:") as store:
                        parts = max(4, len(articles) // (4 * n))  # several tasks per worker, for balance
                        settings = Settings(batch_size=parts) if engine == "local" and n > 1 else Settings()
                        st = store_corpus([str(corpus)], store, settings, engine=engine, workers=n, partition_size=parts)
                        counts = store.counts()
                    row = {
                        "engine": engine, "workers": st.workers, "articles": st.analysed,
                        "seconds": st.seconds, "startup": st.startup, "articles_per_s": st.rate,
                        "peak_mb_per_worker": st.worker_peak_mb, "cpu_s_per_worker": st.worker_cpu_s, "failed": st.failed,
                        "row_counts": counts, "rates_per_round": [],
                    }
                prev = best.get((engine, n))
                rates = [*(prev["rates_per_round"] if prev else []), round(row["articles_per_s"], 3)]
                if prev is None or row["articles_per_s"] > prev["articles_per_s"]:
                    best[(engine, n)] = row
                best[(engine, n)]["rates_per_round"] = rates
                print(f"  round {rnd + 1} {engine} x{n}: {row['articles_per_s']:.2f} articles/s", file=sys.stderr, flush=True)
        out = [best[r] for r in runs]
    local1 = out[0]
    dask1 = best.get(("dask", 1))
    spacy1 = best.get(("spacy", 1))
    for r in out:
        rate = r["articles_per_s"]
        r["same_rows_as_local"] = None if r["row_counts"] is None else r["row_counts"] == local1["row_counts"]
        r["speedup_vs_local"] = rate / local1["articles_per_s"] if local1["articles_per_s"] else None
        r["speedup_vs_dask_1"] = rate / dask1["articles_per_s"] if dask1 and r["engine"] == "dask" else None
        r["ratio_to_spacy_1_process"] = rate / spacy1["articles_per_s"] if spacy1 else None
        same_n = best.get(("spacy", r["workers"]))
        r["ratio_to_spacy_same_processes"] = rate / same_n["articles_per_s"] if same_n else None
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--allsides", type=int, default=60, help="first N AllSides articles (0: none)")
    ap.add_argument("--no-polnear", action="store_true", help="leave out the PolNeAR dev texts")
    ap.add_argument("--workers", default="1,2", help="Dask worker counts for the scaling curve ('' to skip)")
    ap.add_argument("--scaling-articles", type=int, default=0, help="articles for the scaling runs (0: all)")
    ap.add_argument("--parse-less-articles", type=int, default=40, help="articles for the parse-less prototype (0: all)")
    ap.add_argument("--rounds", type=int, default=2, help="interleaved rounds of the core and scaling runs; the fastest counts")
    ap.add_argument("--skip", default="", help="comma list of sections to skip: core,profile,parse_less,scaling")
    ap.add_argument("--json", type=Path, help="write every number here")
    args = ap.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))

    from reportedly.nlp import one_blas_thread

    with one_blas_thread():  # numpy's BLAS at one thread throughout, as our parse runs it
        return _run(args, skip)


def _run(args: argparse.Namespace, skip: set[str]) -> int:
    from reportedly import __version__
    from reportedly.nlp import load_pipeline

    corpora = load_articles(args.allsides, not args.no_polnear)
    if not corpora:
        print("no data under ../shared/data; nothing to measure", file=sys.stderr)
        return 1
    every = [a for arts in corpora.values() for a in arts]
    with Clock() as load:
        nlp = load_pipeline()
    list(nlp.pipe(["Warm-up: the minister said it was fine."]))
    res: dict[str, Any] = {"version": __version__, "model_load_s": load.wall, "pipeline": nlp.pipe_names}
    res["load_average_before"] = list(__import__("os").getloadavg())
    p = print

    from reportedly.find.attributions.tagger import load as load_tagger

    with Clock() as tload:
        load_tagger()  # the learned tagger, loaded once per process (as in a long run)
    res["tagger_load_s"] = tload.wall
    stock, gemm = stock_pipelines()
    for extra in (stock, gemm):
        list(extra.pipe(["Warm-up: the minister said it was fine."]))
    if "core" not in skip:
        res["core"] = [bench_core(name, arts, nlp, stock, gemm, args.rounds) for name, arts in corpora.items()]
        if len(corpora) > 1:
            res["core"].append(bench_core("all", every, nlp, stock, gemm, args.rounds))
        p("\n== articles/s on the same articles (wall; ratio > 1 = faster than the other) ==")
        p("   spaCy: the pipeline as shipped (blis); spaCy-np: the same with numpy's BLAS, as our parse runs it")
        p(f"{'corpus':13} {'n':>4} {'words':>7} {'ours':>7} {'spaCy':>7} {'spaCy-np':>8} {'textacy':>7}  "
          "ours/spaCy wall cpu   ours/spaCy-np wall cpu   ours/textacy wall cpu")
        for r in res["core"]:
            p(f"{r['corpus']:13} {r['articles']:>4} {r['words']:>7} {r['ours']['articles_per_s']:7.2f} "
              f"{r['spacy']['articles_per_s']:7.2f} {r['spacy_numpy_gemm']['articles_per_s']:8.2f} "
              f"{r['textacy']['articles_per_s']:7.2f}  "
              f"{r['ratio_ours_to_spacy']['wall']:14.2f} {r['ratio_ours_to_spacy']['cpu']:4.2f}   "
              f"{r['ratio_ours_to_spacy_numpy_gemm']['wall']:17.2f} {r['ratio_ours_to_spacy_numpy_gemm']['cpu']:4.2f}   "
              f"{r['ratio_ours_to_textacy']['wall']:16.2f} {r['ratio_ours_to_textacy']['cpu']:4.2f}")
        p("\n== attribution profiles (--profile; same rounds): articles/s and ratio to spaCy alone (> 1 = faster) ==")
        p(f"{'corpus':13} {'profile':9} {'articles/s':>10} {'wall':>6} {'cpu':>6}")
        for r in res["core"]:
            for pname, v in r["profiles"].items():
                mark = " (default)" if pname == r["default_profile"] else ""
                p(f"{r['corpus']:13} {pname:9} {v['articles_per_s']:10.2f} {v['ratio_to_spacy']['wall']:6.2f} "
                  f"{v['ratio_to_spacy']['cpu']:6.2f}{mark}")
    if "profile" not in skip:
        res["profile_cpu_s"] = prof = bench_profile(every, nlp)
        total = sum(prof.values())
        p("\n== where the CPU time goes (all articles) ==")
        for k, v in sorted(prof.items(), key=lambda kv: -kv[1]):
            p(f"{k:28} {v:7.2f} s  {100 * v / total:5.1f} %")
    if "parse_less" not in skip:
        res["parse_less"] = pl = bench_parse_less(every[: args.parse_less_articles] if args.parse_less_articles else every, nlp)
        p("\n== parse only what needs parsing (prototype; spaCy CPU, full pipeline on every block = "
          f"{pl['full_pipeline']['cpu']:.2f} s) ==")
        for v in pl["variants"]:
            p(f"{v['granularity']:5} cheap={v['cheap']:9} full parse on {v['share_of_chars_parsed']:5.1%} of chars "
              f"({v['pieces']} docs)  CPU {v['cpu']:6.2f} s (pre-scan {v['prescan_cpu']:.2f})  "
              f"x{v['speedup_of_spacy_cpu']:.2f}  identical reports {v['reports_identical']}/{v['reports']}  "
              f"{v['differing_by_field']} {v['first_failure'] or ''}\n      attributions (by spans) of the full parse "
              f"kept {v['attributions_kept']}/{v['attributions_full']}, new {v['attributions_new']}")
    workers = [int(x) for x in args.workers.split(",") if x.strip()]
    if workers and "scaling" not in skip:
        sample = every[: args.scaling_articles] if args.scaling_articles else every
        res["scaling"] = sc = bench_scaling(sample, workers, args.rounds, stock)
        p(f"\n== scaling ({len(sample)} articles; ours: ingest into an in-memory store, rate after start-up; "
          "spaCy: nlp.pipe of the same texts) ==")

        def x(v: float | None) -> str:
            return f"x{v:.2f}" if v else "-"

        for r in sc:
            p(f"{r['engine']:5} workers={r['workers']} {r['articles_per_s']:6.2f} articles/s (rounds {r['rates_per_round']})  "
              f"start-up {r['startup']:5.1f} s  vs local-1 {x(r['speedup_vs_local']):6} vs dask-1 {x(r['speedup_vs_dask_1']):6} "
              f"vs spaCy-1 {x(r['ratio_to_spacy_1_process']):6} vs spaCy same processes {x(r['ratio_to_spacy_same_processes']):6} "
              f"peak MB/worker {r['peak_mb_per_worker']}  CPU s/worker {r['cpu_s_per_worker']}  "
              f"rows as local-1: {r['same_rows_as_local']}")
    res["load_average_after"] = list(__import__("os").getloadavg())
    res["peak_mb_this_process"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    p(f"\nload average before {res['load_average_before']}, after {res['load_average_after']}")
    if args.json:
        args.json.write_text(json.dumps(res, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

