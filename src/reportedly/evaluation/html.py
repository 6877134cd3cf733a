"""Score HTML ingestion on the ScrapingHub article-extraction-benchmark (AEB).

The benchmark (``shared/data/scrapinghub-aeb``, MIT licence) has 181 pages
(``html/<id>.html.gz``, UTF-8) and ``ground-truth.json`` mapping each id to
``{"articleBody": ..., "url": ...}``.  Its ``evaluate.py`` is not part of the
shared copy; this module re-implements the method it describes and that its
published tables use:

- Tokens are ``re.findall(r"\\w+", text)`` (case kept, punctuation dropped).
- Each text becomes a multiset of 4-token shingles (a text shorter than four
  tokens is one shorter shingle; an empty text none).
- Per page, TP = sum of min(count_true, count_pred) over shingles, FP = the
  predicted surplus, FN = the true surplus; the three are then divided by
  their sum, so every page weighs the same whatever its length.
- Precision is the mean over pages with TP + FP > 0 of TP / (TP + FP);
  recall the mean over pages with TP + FN > 0 of TP / (TP + FN); a page with
  FP = FN = 0 scores 1, and a page with nothing right scores 0.  F1 is the
  harmonic mean of those two means (not a mean of per-page F1s).
- Accuracy is the share of pages whose token lists are identical.
- The ± values are the standard deviations of each metric over bootstrap
  resamples of the pages (1000 by default, seeded here for repeatability).

Plain ``trafilatura.extract`` scored this way with ``include_comments=False``
(the setting of the benchmark's own trafilatura run) gives the published
trafilatura accuracy exactly (0.293), which checks the re-implementation.

The same run measures caption and credit leakage: a deliberately simple
marker finder, independent of the one in ``reportedly.ingest.html``, lists
the captions (``<figcaption>``, class containing "caption") and credits
(class containing "credit") each page marks next to an image, and counts the
share whose text (a contiguous run of tokens) appears in a system's body
text.  Captions of fewer than 4 tokens and credits of fewer than 2 are not
counted: too short to tell from the article's own words.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PUBLISHED = {"trafilatura 2.0.0": (0.958, 0.938, 0.978, 0.293)}
"""F1, precision, recall and accuracy published in the benchmark's README."""

_TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def tokenize(text: str | None) -> list[str]:
    """The benchmark's tokens: runs of word characters."""
    return _TOKEN.findall(text or "")


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    toks = tokenize(text)
    return Counter(tuple(toks[i : i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i : i + n])


def shingle_counts(true: str, pred: str, n: int = 4) -> tuple[float, float, float]:
    """(TP, FP, FN) over n-token shingles, normalised to sum to 1 (when non-zero)."""
    t, p = _shingles(true, n), _shingles(pred, n)
    tp = fp = fn = 0.0
    for key in t.keys() | p.keys():
        tc, pc = t.get(key, 0), p.get(key, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s > 0 else (tp, fp, fn)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def _prf(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    p = statistics.mean([_precision(*c) for c in counts if c[0] + c[1] > 0] or [0.0])
    r = statistics.mean([_recall(*c) for c in counts if c[0] + c[2] > 0] or [0.0])
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return f1, p, r


@dataclass(frozen=True, slots=True)
class BodyScore:
    """Benchmark metrics of one system, with bootstrap standard deviations."""

    f1: float
    precision: float
    recall: float
    accuracy: float
    f1_std: float = 0.0
    precision_std: float = 0.0
    recall_std: float = 0.0
    accuracy_std: float = 0.0


def score_bodies(truth: dict[str, str], pred: dict[str, str], n_bootstrap: int = 1000, seed: int = 0) -> BodyScore:
    """Score predicted bodies against true ones (same keys; a missing prediction is "")."""
    keys = sorted(truth)
    counts = [shingle_counts(truth[k], pred.get(k, "")) for k in keys]
    acc = [float(tokenize(truth[k]) == tokenize(pred.get(k, ""))) for k in keys]
    f1, p, r = _prf(counts)
    if n_bootstrap < 2 or len(keys) < 2:
        return BodyScore(f1, p, r, statistics.mean(acc))
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {"f1": [], "p": [], "r": [], "a": []}
    n = len(keys)
    for _ in range(n_bootstrap):
        idx = [rng.randrange(n) for _ in range(n)]
        bf, bp, br = _prf([counts[i] for i in idx])
        samples["f1"].append(bf)
        samples["p"].append(bp)
        samples["r"].append(br)
        samples["a"].append(statistics.mean(acc[i] for i in idx))
    return BodyScore(
        f1,
        p,
        r,
        statistics.mean(acc),
        statistics.stdev(samples["f1"]),
        statistics.stdev(samples["p"]),
        statistics.stdev(samples["r"]),
        statistics.stdev(samples["a"]),
    )


# -- caption and credit markers (independent of reportedly.ingest.html) ------------------

_SKIP = {"script", "style", "noscript", "template", "head"}
_CHROME = {"nav", "footer", "a", "li", "button"}
_MEDIA = ("img", "picture", "video", "amp-img")
_CAPTION_CLASS = re.compile(r"caption", re.I)
_CREDIT_CLASS = re.compile(r"(?<![a-z])credit|Credit")
MIN_CAPTION_TOKENS = 4
MIN_CREDIT_TOKENS = 2


def _cls(el: Any) -> str:
    return str(el.get("class") or "")


def _by_image(el: Any) -> bool:
    """Inside a <figure>, or the parent or grandparent holds an image or video."""
    anc = el.getparent()
    for _ in range(2):
        if anc is None:
            break
        if any(True for _ in anc.iter(*_MEDIA)):
            return True
        anc = anc.getparent()
    return any(a.tag == "figure" for a in el.iterancestors())


def _text(el: Any, skip: set[Any]) -> str:
    parts: list[str] = []

    def walk(e: Any) -> None:
        if e in skip or not isinstance(e.tag, str) or e.tag in _SKIP:
            return
        parts.append(" " + (e.text or ""))
        for c in e:
            walk(c)
            parts.append(c.tail or "")
        parts.append(" ")

    walk(el)
    return " ".join("".join(parts).split())


def marked_captions(tree: Any) -> tuple[list[str], list[str]]:
    """(captions, credits) that the page marks by element or class near an image, each text once."""
    captions: list[str] = []
    credits: list[str] = []
    cand: list[tuple[Any, str]] = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in _SKIP:
            continue
        if any(a.tag in _CHROME for a in el.iterancestors()) or el.tag in _CHROME:
            continue
        if _CREDIT_CLASS.search(_cls(el)):
            cand.append((el, "credit"))
        elif el.tag == "figcaption" or _CAPTION_CLASS.search(_cls(el)):
            cand.append((el, "caption"))
    credit_els = {el for el, k in cand if k == "credit"}
    caption_els = {el for el, k in cand if k == "caption"}
    seen: set[tuple[str, ...]] = set()
    for el, kind in cand:
        if not _by_image(el):
            continue
        if kind == "caption":
            if any(d in caption_els for d in el.iterdescendants()):
                continue  # the innermost caption element counts
            text = _text(el, credit_els)
            ok = len(tokenize(text)) >= MIN_CAPTION_TOKENS
        else:
            text = _text(el, set())
            ok = len(tokenize(text)) >= MIN_CREDIT_TOKENS and len(text) <= 150
        key = tuple(t.lower() for t in tokenize(text))
        if ok and key not in seen:
            seen.add(key)
            (captions if kind == "caption" else credits).append(text)
    return captions, credits


def contains_run(haystack: list[str], needle: list[str]) -> bool:
    """True when ``needle`` occurs as a contiguous run in ``haystack`` (case-insensitive)."""
    if not needle:
        return False
    h = [t.lower() for t in haystack]
    n = [t.lower() for t in needle]
    first = n[0]
    k = len(n)
    return any(h[i] == first and h[i : i + k] == n for i in range(len(h) - k + 1))


# -- one run over the benchmark -----------------------------------------------------------


@dataclass(slots=True)
class System:
    """What one system produced over the pages, and how long it took."""

    name: str
    bodies: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    failures: int = 0
    score: BodyScore | None = None
    caption_leaks: int = 0
    credit_leaks: int = 0


@dataclass(slots=True)
class AebResult:
    """Scores of every system, the caption/credit counts, and ours as blocks."""

    pages: int
    systems: list[System]
    captions: int = 0
    credits: int = 0
    pages_with_marks: int = 0
    captions_as_blocks: int = 0
    credits_as_blocks: int = 0
    errors: list[str] = field(default_factory=list)


def load_aeb(root: Path, limit: int | None = None) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(true bodies, urls, html) by page id, sorted by id; the first ``limit`` pages when given."""
    gt = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(gt)[:limit] if limit else sorted(gt)
    truth = {k: gt[k].get("articleBody", "") or "" for k in keys}
    urls = {k: gt[k].get("url", "") or "" for k in keys}
    html = {k: gzip.decompress((root / "html" / f"{k}.html.gz").read_bytes()).decode("utf-8") for k in keys}
    return truth, urls, html


def run_aeb(
    root: Path,
    *,
    limit: int | None = None,
    n_bootstrap: int = 1000,
    progress: Callable[[int, int], None] | None = None,
) -> AebResult:
    """Run ours and plain trafilatura over the benchmark pages; score bodies and leakage.

    Ours is the text of ``body`` blocks of ``article_from_html`` (language
    check off: the benchmark has non-English pages), joined by newlines; a
    page it refuses scores as an empty body.  Plain trafilatura is
    ``trafilatura.extract(html)`` with default settings, and once more with
    ``include_comments=False`` as the benchmark's own run used.
    """
    import trafilatura

    from ..errors import InputError
    from ..ingest.html import article_from_html
    from ..settings import Settings

    truth, urls, pages = load_aeb(root, limit)
    settings = Settings(check_language=False)
    ours = System("reportedly (body blocks)")
    plain = System("trafilatura.extract, defaults")
    bench = System("trafilatura.extract, include_comments=False")
    result = AebResult(pages=len(pages), systems=[ours, plain, bench])
    for i, (key, html) in enumerate(pages.items()):
        t0 = time.perf_counter()
        try:
            art = article_from_html(html, origin=key, settings=settings, url=urls[key] or None)
            blocks: Iterable[Any] = art.blocks
            ours.bodies[key] = "\n".join(art.text[b.start : b.end] for b in blocks if b.kind == "body")
            own = [t for b in art.blocks if b.kind in ("caption", "credit") for t in tokenize(art.text[b.start : b.end])]
        except InputError as e:
            ours.bodies[key] = ""
            ours.failures += 1
            result.errors.append(str(e))
            own = []
        ours.seconds += time.perf_counter() - t0
        t0 = time.perf_counter()
        plain.bodies[key] = trafilatura.extract(html) or ""
        plain.seconds += time.perf_counter() - t0
        t0 = time.perf_counter()
        bench.bodies[key] = trafilatura.extract(html, include_comments=False) or ""
        bench.seconds += time.perf_counter() - t0

        tree = trafilatura.load_html(html)
        caps, creds = marked_captions(tree) if tree is not None else ([], [])
        result.captions += len(caps)
        result.credits += len(creds)
        result.pages_with_marks += bool(caps or creds)
        for sysm in result.systems:
            body = tokenize(sysm.bodies[key])
            sysm.caption_leaks += sum(contains_run(body, tokenize(c)) for c in caps)
            sysm.credit_leaks += sum(contains_run(body, tokenize(c)) for c in creds)
        # caption and credit blocks in page order, so that a caption the page
        # writes with its credit matches our caption block followed by its credit block
        result.captions_as_blocks += sum(contains_run(own, tokenize(c)) for c in caps)
        result.credits_as_blocks += sum(contains_run(own, tokenize(c)) for c in creds)
        if progress:
            progress(i + 1, len(pages))
    for sysm in result.systems:
        sysm.score = score_bodies(truth, sysm.bodies, n_bootstrap=n_bootstrap)
    return result


def format_table(result: AebResult) -> str:
    """The results as a plain-text table (the one ``reportedly eval html`` prints)."""
    lines = [
        f"ScrapingHub article-extraction-benchmark: {result.pages} pages; body text scored on 4-token shingles",
        "",
        f"{'system':<46} {'F1':>13} {'precision':>13} {'recall':>13} {'accuracy':>13} {'ms/page':>8}",
    ]
    for s in result.systems:
        sc = s.score
        assert sc is not None
        ms = 1000 * s.seconds / max(1, result.pages)
        lines.append(
            f"{s.name:<46} {sc.f1:.3f} ± {sc.f1_std:.3f} {sc.precision:.3f} ± {sc.precision_std:.3f} "
            f"{sc.recall:.3f} ± {sc.recall_std:.3f} {sc.accuracy:.3f} ± {sc.accuracy_std:.3f} {ms:8.1f}"
        )
    for name, (f1, p, r, a) in PUBLISHED.items():
        lines.append(f"{name + ' (published in the README)':<46} {f1:.3f}{'':8} {p:.3f}{'':8} {r:.3f}{'':8} {a:.3f}")
    lines += [
        "",
        f"Captions and credits the pages mark next to an image: {result.captions} captions (>= {MIN_CAPTION_TOKENS} "
        f"tokens) and {result.credits} credits (>= {MIN_CREDIT_TOKENS} tokens) on {result.pages_with_marks} pages",
        f"{'share found inside the body text of':<46} {'captions':>10} {'credits':>10}",
    ]

    def share(n: int, d: int) -> str:
        return f"{n / d:.1%} ({n})" if d else "-"

    for s in result.systems:
        lines.append(f"{s.name:<46} {share(s.caption_leaks, result.captions):>10} {share(s.credit_leaks, result.credits):>10}")
    lines.append(
        f"{'reportedly caption/credit blocks (kept apart)':<46} "
        f"{share(result.captions_as_blocks, result.captions):>10} {share(result.credits_as_blocks, result.credits):>10}"
    )
    if result.errors:
        lines += ["", f"reportedly refused {len(result.errors)} page(s) (scored as empty):"]
        lines += [f"  {e}" for e in result.errors]
    return "\n".join(lines)
