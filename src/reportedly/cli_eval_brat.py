"""``reportedly eval brat DIR``: score attributions against brat standoff (PolNeAR layout)."""

from __future__ import annotations

import json
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .cli import error_line, eval_app


class System(StrEnum):
    reportedly = "reportedly"
    textacy = "textacy"


@eval_app.command("brat")
def eval_brat(
    directory: Annotated[
        Path, typer.Argument(metavar="DIR", help="A folder with text/*.txt and attributions/*_<annotator>.ann.")
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
    from .evaluation.brat import evaluate, format_scores, reportedly_system, textacy_system
    from .nlp import load_pipeline

    if not (directory / "text").is_dir() or not (directory / "attributions").is_dir():
        error_line(f"{directory}: not a brat folder (needs text/ and attributions/)")
        raise typer.Exit(2)
    nlp = load_pipeline()
    systems = [System.reportedly] + [s for s in (system or []) if s is not System.reportedly]
    results = []
    for s in dict.fromkeys(systems):
        run = reportedly_system(nlp) if s is System.reportedly else textacy_system(nlp)
        t0 = time.perf_counter()
        sc = evaluate(directory, run, limit=limit)
        secs = time.perf_counter() - t0
        results.append((s.value, sc, secs))
    if as_json:
        typer.echo(json.dumps({n: {"articles": sc.articles, "seconds": round(t, 2), **sc.as_dict()} for n, sc, t in results}, indent=2))
        return
    typer.echo(format_scores([(n, sc) for n, sc, _ in results]))
    for n, sc, t in results:
        typer.echo(f"{n}: {sc.articles} articles in {t:.1f} s ({sc.articles / t if t else 0:.1f} articles/s, parsing included)")
