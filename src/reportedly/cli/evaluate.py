"""``reportedly eval ...``: the command of each scorer in ``reportedly.evaluation``.

- ``eval anatomy DIR`` / ``eval html DIR``: anatomy of pasted pages, and HTML ingestion, on the
  ScrapingHub article-extraction benchmark;
- ``eval wire DIR``: wire-agency credits on PolNeAR's metadata;
- ``eval brat DIR``: attributions against brat standoff (PolNeAR);
- ``eval chains DIR``: relay chains against the hand-written gold chains of ``eval/chains``;
- ``eval basil DIR``: outlet-voice spans against BASIL;
- ``eval entities GOLD``: people and organisations against hand-annotated MEANTIME documents;
- ``eval copies DIR``: copy detection (``reportedly.corpus.copies``) on labelled article pairs;
- ``eval drift DIR``: claim alignment and hedge drift (``reportedly.corpus.claims``) on labelled sentence pairs;
- ``eval relays DIR``: credits resolved to the credited outlet's article (``reportedly.corpus.relays``);
- ``eval stories FILE``: story clustering (``reportedly.corpus.stories``) against gold story labels.

Each command checks its folder, calls its scorer and prints the figures; the scorers are imported
when their command runs (some load the spaCy pipeline or the HTML extractor).
"""

from __future__ import annotations

import dataclasses
import json
import os
import time
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import ModelMissingError
from ..settings import Settings
from .app import ConfigOpt, ProfileOpt, error_line, eval_app, settings_from


class Half(StrEnum):
    all = "all"
    dev = "dev"
    held = "held"


@eval_app.command("anatomy")
def eval_anatomy(
    directory: Annotated[
        Path,
        typer.Argument(
            metavar="DIR",
            help="The scrapinghub article-extraction-benchmark folder (ground-truth.json, html/).",
        ),
    ],
    half: Annotated[
        Half,
        typer.Option(
            help="Pages to score: all, dev (ids 0-7..., used to develop anatomy) or held (ids 8-f...)."
        ),
    ] = Half.all,
    pages: Annotated[bool, typer.Option("--pages", help="Also list every page's scores.")] = False,
) -> None:
    """Score anatomy on web pages pasted as plain text (the ScrapingHub benchmark).

    Renders each English page as a reader's copy-paste of the article (block
    elements one per line, from the headline to the end of the text), runs
    anatomy on that text, and prints the token precision and recall of the
    body blocks against the gold article body (beside treating the whole copy
    as body), and the share of caption and credit text, as the page's HTML
    marks it (figcaption, caption/credit classes), that lands in body blocks.
    Exit status 2 when DIR is not the benchmark folder.
    """
    from ..evaluation.anatomy import format_score, score_anatomy, split_keys

    if not (directory / "ground-truth.json").is_file() or not (directory / "html").is_dir():
        error_line(f"{directory}: not the scrapinghub-aeb folder (needs ground-truth.json and html/)")
        raise typer.Exit(2)
    keys = None
    if half is not Half.all:
        dev, held = split_keys(directory)
        keys = dev if half is Half.dev else held
    score = score_anatomy(directory, keys=keys)
    typer.echo(format_score(score, f"anatomy on pasted pages ({half.value})"))
    if pages:
        typer.echo("\n| page | body P | body R | caption chars leaked |\n|---|---|---|---|")
        for p in score.pages:
            o, pr, g = p.body_prf
            typer.echo(
                f"| {p.key[:12]} | {o / pr if pr else 0:.3f} | {o / g if g else 0:.3f} | "
                f"{p.caption_leaked}/{p.caption_chars} |"
            )


@eval_app.command("wire")
def eval_wire(
    directory: Annotated[
        Path, typer.Argument(metavar="DIR", help="The PolNeAR folder (metadata.tsv, dev/text/, train/text/).")
    ],
    split: Annotated[
        list[str] | None, typer.Option(help="Split(s) to score (dev, train); default dev.")
    ] = None,
    errors: Annotated[
        bool, typer.Option("--errors/--no-errors", help="List the articles it got wrong.")
    ] = True,
) -> None:
    """Score wire-agency detection on PolNeAR from the article text alone.

    For each article (Western Journalism's, labelled NA, left out) finds the
    wire agencies named by credits of kind wire or contribution (datelines,
    bylines, contribution lines) and prints precision and recall against the
    wire label of metadata.tsv.  Exit status 2 when DIR is not PolNeAR.
    """
    from ..evaluation.wire import format_wire, score_wire

    if not (directory / "metadata.tsv").is_file():
        error_line(f"{directory}: not the PolNeAR folder (needs metadata.tsv)")
        raise typer.Exit(2)
    splits = split or ["dev"]
    for s in splits:
        if not (directory / s / "text").is_dir():
            error_line(f"{directory}: no {s}/text folder")
            raise typer.Exit(2)
    typer.echo(format_wire(score_wire(directory, splits), errors=errors))


def _years(spec: str) -> list[int]:
    """``2010-2012`` or ``2013,2014`` -> the years."""
    years: list[int] = []
    for part in spec.split(","):
        lo, _, hi = part.strip().partition("-")
        years.extend(range(int(lo), int(hi or lo) + 1))
    return years


@eval_app.command("basil")
def basil(
    directory: Annotated[Path, typer.Argument(help="The BASIL folder (holding articles/ and annotations/).")],
    years: Annotated[
        str,
        typer.Option(
            "--years", help="Years to score: 2010-2012 (development, default) or 2013-2014 (held out)."
        ),
    ] = "2010-2012",
    as_json: Annotated[bool, typer.Option("--json", help="Print the full result as JSON.")] = False,
    config: ConfigOpt = None,
) -> None:
    """Precision and recall of outlet-voice spans against BASIL lexical, non-quote bias spans.

    Overlap match, micro-averaged; a lexicon-only baseline (every lexicon hit,
    no quote or attribution filtering) is scored from the same run.
    """
    from ..evaluation.basil import evaluate

    settings = settings_from(config)
    try:
        year_list = _years(years)
    except ValueError:
        error_line(f"--years: expected e.g. 2010-2012 or 2013,2014, got {years!r}")
        raise typer.Exit(2) from None
    try:
        result = evaluate(directory, year_list, settings)
    except (FileNotFoundError, ModelMissingError) as e:
        error_line(str(e))
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(result, indent=2))
        return
    typer.echo(
        f"BASIL {years}: {result['articles']} articles, gold = {result['gold']}, {result['match']} match"
    )
    typer.echo(f"{'system':<10} {'pred':>6} {'gold':>6} {'P':>7} {'R':>7} {'F1':>7}")
    for name in ("voice", "baseline"):
        s = result[name]
        typer.echo(
            f"{name:<10} {s['predicted']:>6} {s['gold']:>6} {s['precision']:>7.3f} {s['recall']:>7.3f} {s['f1']:>7.3f}"
        )


class System(StrEnum):
    reportedly = "reportedly"
    textacy = "textacy"


@eval_app.command("brat")
def eval_brat(
    directory: Annotated[
        Path,
        typer.Argument(metavar="DIR", help="A folder with text/*.txt and attributions/*_<annotator>.ann."),
    ],
    system: Annotated[
        list[System] | None,
        typer.Option(
            "--system",
            help="Baseline to score beside reportedly (repeatable): textacy runs textacy direct_quotations.",
        ),
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="Score only the first N articles.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    profile: ProfileOpt = None,
) -> None:
    """Score attributions (source, cue, content) against brat annotations such as PolNeAR.

    Each text file is analysed as a plain-text article; the gold standard is
    the .ann file of the smallest annotator id per article.  Prints
    precision, recall and F1 per component in exact match (after trimming
    whitespace, quote marks and edge punctuation) and overlap match (token
    Jaccard >= 0.5), and a relation score (source, cue and content of one
    attribution all matched).  The metric is documented in
    reportedly.evaluation.brat.  Exit status 2 when DIR has no text/ or
    attributions/ folder.
    """
    from ..evaluation.brat import evaluate, format_scores, reportedly_system, textacy_system
    from ..nlp import load_pipeline

    if not (directory / "text").is_dir() or not (directory / "attributions").is_dir():
        error_line(f"{directory}: not a brat folder (needs text/ and attributions/)")
        raise typer.Exit(2)
    nlp = load_pipeline()
    systems = [System.reportedly] + [s for s in (system or []) if s is not System.reportedly]
    results = []
    for s in dict.fromkeys(systems):
        settings = Settings(check_language=False)
        if profile is not None:
            settings = dataclasses.replace(settings, profile=profile.value)
        run = reportedly_system(nlp, settings) if s is System.reportedly else textacy_system(nlp)
        t0 = time.perf_counter()
        sc = evaluate(directory, run, limit=limit)
        secs = time.perf_counter() - t0
        results.append((s.value, sc, secs))
    if as_json:
        typer.echo(
            json.dumps(
                {
                    n: {"articles": sc.articles, "seconds": round(t, 2), **sc.as_dict()}
                    for n, sc, t in results
                },
                indent=2,
            )
        )
        return
    typer.echo(format_scores([(n, sc) for n, sc, _ in results]))
    for n, sc, t in results:
        typer.echo(
            f"{n}: {sc.articles} articles in {t:.1f} s ({sc.articles / t if t else 0:.1f} articles/s, parsing included)"
        )


def _default_data() -> Path:
    """$REPORTEDLY_DATA, else ../shared/data or shared/data from the current folder."""
    env = os.environ.get("REPORTEDLY_DATA")
    if env:
        return Path(env)
    for p in (Path("../shared/data"), Path("shared/data")):
        if p.is_dir():
            return p
    return Path("../shared/data")


@eval_app.command("chains")
def chains(
    directory: Annotated[Path, typer.Argument(help="Folder of gold chain files (eval/chains).")],
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="The shared data folder holding the corpora (default: $REPORTEDLY_DATA or ../shared/data).",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full result as JSON.")] = False,
    misses: Annotated[bool, typer.Option("--misses", help="List the gold chains the system missed.")] = False,
    config: ConfigOpt = None,
) -> None:
    """Chain precision and recall against gold chains (see reportedly.evaluation.chains).

    A chain matches when its hops (names and types, origin to publisher)
    equal the gold ones; hop-level, relay-only, alignment-free (bag),
    provenance and publisher figures are printed beside it.
    """
    from ..evaluation.chains import evaluate

    settings = settings_from(config)
    try:
        result = evaluate(directory, data or _default_data(), settings)
    except (FileNotFoundError, ValueError, ModelMissingError) as e:
        error_line(str(e))
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    c, h, b, p = result["chain"], result["hop"], result["bag"], result["provenance"]
    typer.echo(
        f"gold chains: {result['articles']} articles, {result['gold_chains']} gold chains, "
        f"{result['system_chains']} system chains"
    )
    typer.echo(f"{'measure':<22} {'P':>7} {'R':>7} {'F1':>7}")
    typer.echo(f"{'chain (exact hops)':<22} {c['precision']:>7.3f} {c['recall']:>7.3f} {c['f1']:>7.3f}")
    typer.echo(f"{'  aligned precision':<22} {c['aligned_precision']:>7.3f}")
    typer.echo(
        f"{'  relay chains recall':<22} {'':>7} {result['relay_chains']['recall']:>7.3f}"
        f"   ({result['relay_chains']['gold']} gold chains with a relay)"
    )
    typer.echo(f"{'hop (soft)':<22} {h['precision']:>7.3f} {h['recall']:>7.3f} {h['f1']:>7.3f}")
    typer.echo(f"{'bag (no alignment)':<22} {b['precision']:>7.3f} {b['recall']:>7.3f} {b['f1']:>7.3f}")
    typer.echo(f"{'provenance':<22} {p['precision']:>7.3f} {p['recall']:>7.3f}")
    typer.echo(f"{'publisher accuracy':<22} {result['publisher_accuracy']:>7.3f}")
    typer.echo(
        f"gold attributions found: {result['gold_attributions_found']:.3f} of {result['gold_attributions']}; "
        f"chain recall where found: {result['chain_recall_where_found']:.3f}"
    )
    if misses:
        for m in result["misses"]:
            typer.echo(f"- {m['article']} {m['gold']} '{m['cue']}': {m['expected']}  <- {m['system']}")


@eval_app.command("html")
def eval_html(
    directory: Annotated[
        Path,
        typer.Argument(
            metavar="DIR",
            help="The scrapinghub article-extraction-benchmark folder (ground-truth.json, html/).",
        ),
    ],
    limit: Annotated[int | None, typer.Option(help="Score only the first N pages (sorted by id).")] = None,
    bootstrap: Annotated[int, typer.Option(help="Bootstrap resamples for the ± standard deviations.")] = 1000,
) -> None:
    """Score HTML ingestion on the ScrapingHub article-extraction-benchmark.

    Runs reportedly's HTML ingestion and plain trafilatura.extract (default
    settings, and with include_comments=False as the benchmark's own run) on
    every page, and prints, side by side: body-text F1, precision, recall and
    accuracy computed as the benchmark does (4-token shingles, per-page
    normalised counts, means over pages, bootstrap ±), milliseconds per page,
    and the share of the captions and photo credits the pages mark (figcaption,
    caption/credit classes next to an image) whose text ends up in each
    system's body text.  Exit status 2 when DIR is not the benchmark folder.
    """
    from ..evaluation.html import format_table, run_aeb

    if not (directory / "ground-truth.json").is_file() or not (directory / "html").is_dir():
        error_line(f"{directory}: not the scrapinghub-aeb folder (needs ground-truth.json and html/)")
        raise typer.Exit(2)
    result = run_aeb(directory, limit=limit, n_bootstrap=bootstrap)
    typer.echo(format_table(result))


@eval_app.command("entities")
def eval_entities(
    gold: Annotated[
        Path,
        typer.Argument(
            metavar="GOLD",
            help="Hand-annotated entity gold file (eval/entities_meantime_gold.json, dev; "
            "eval/entities_meantime_test.json, held out).",
        ),
    ],
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="The MEANTIME documents (default: meantime/meantime_en_docs.jsonl under $REPORTEDLY_DATA "
            "or ../shared/data).",
        ),
    ] = None,
    show: Annotated[
        bool, typer.Option("--show", help="Also list missed and spurious mentions and roles.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full result as JSON.")] = False,
) -> None:
    """Score the entity finder against hand-annotated MEANTIME documents (see reportedly.evaluation.entities).

    Detokenises each gold document, runs anatomy, spaCy and the entity
    finder, and prints exact-span mention precision, recall and F1, the kind
    accuracy and MUC and B-cubed clustering on matched mentions, and person
    roles (exact strings).  Exit status 2 when a file is missing or malformed.
    """
    from ..evaluation.entities import evaluate, format_result

    data_file = data or _default_data() / "meantime" / "meantime_en_docs.jsonl"
    for p in (gold, data_file):
        if not p.is_file():
            error_line(f"{p}: not a file" if p.exists() else f"{p}: no such file")
            raise typer.Exit(2)
    try:
        result = evaluate(data_file, gold)
    except (FileNotFoundError, ValueError, ModelMissingError) as e:
        error_line(str(e))
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    typer.echo(format_result(result, show=show))


def _score(run: Callable[[], dict[str, Any]], fmt: Callable[[dict[str, Any]], str], as_json: bool) -> None:
    """Run a scorer and print its result (JSON, or ``fmt``'s text); exit status 2 when its data is
    missing or malformed."""
    try:
        result = run()
    except (FileNotFoundError, ValueError) as e:
        error_line(str(e))
        raise typer.Exit(2) from None
    typer.echo(json.dumps(result, indent=2) if as_json else fmt(result))


@eval_app.command("copies")
def eval_copies(
    directory: Annotated[
        Path,
        typer.Argument(
            metavar="DIR", help="A folder with wire_copy.jsonl (labelled pairs) and articles.jsonl."
        ),
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the full result (every pair) as JSON.")
    ] = False,
) -> None:
    """Score copy detection (same copy / partial reuse / independent) on labelled article pairs.

    The articles of articles.jsonl go through the online copy finder in file order (as trace runs
    it); each pair of wire_copy.jsonl scores what the finder decided for it (independent when it
    was never proposed), and the 3-way accuracy, the confusion matrix and how many reused pairs
    the candidate index proposes are printed.  Exit status 2 when DIR lacks the files.
    """
    from ..evaluation.copies import evaluate, format_result

    _score(lambda: evaluate(directory), format_result, as_json)


@eval_app.command("drift")
def eval_drift(
    directory: Annotated[
        Path,
        typer.Argument(
            metavar="DIR", help="A folder with hedge_drift.jsonl (labelled pairs) and articles.jsonl."
        ),
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the full result (every pair) as JSON.")
    ] = False,
) -> None:
    """Score claim alignment and hedge drift (raised / lowered certainty) on labelled sentence pairs.

    The pairs' articles are analysed once, each pair goes through the claim finder as one story,
    and drift precision / recall / F1, direction and alignment accuracy are printed beside two
    cue-only baselines.  Exit status 2 when DIR lacks the files.
    """
    from ..evaluation.drift import evaluate, format_result

    _score(lambda: evaluate(directory), format_result, as_json)


@eval_app.command("relays")
def eval_relays(
    directory: Annotated[
        Path, typer.Argument(metavar="DIR", help="A folder with outlet_relays.jsonl and articles.jsonl.")
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the full result (every row) as JSON.")
    ] = False,
) -> None:
    """Score credits ("told CNN", "Politico reported") resolved to the credited outlet's stored article.

    The citing articles are analysed once and each credit is resolved among all the folder's
    articles; positives found, negatives left without an origin and the KCNA hard negatives of
    relay_pairs.jsonl are printed.  Exit status 2 when DIR lacks the files.
    """
    from ..evaluation.relays import evaluate, format_result

    _score(lambda: evaluate(directory), format_result, as_json)


@eval_app.command("stories")
def eval_stories(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="JSONL articles (id, text, optional title/outlet/published) with a gold story.",
        ),
    ],
    shuffle: Annotated[
        int | None,
        typer.Option("--shuffle", help="Feed the articles in a random order drawn with this seed."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full result as JSON.")] = False,
) -> None:
    """Score story clustering (same event) against gold story labels, such as ECB+ (ecbplus/dev.jsonl).

    The articles are clustered online, one at a time in line order (or shuffled), and B-cubed and
    pairwise precision, recall and F1 are printed beside a batch TF-IDF average-link baseline run
    on the same file.  Exit status 2 when FILE is missing or malformed.
    """
    from ..evaluation.stories import evaluate, format_result

    _score(lambda: evaluate(file, shuffle=shuffle), format_result, as_json)
