"""``reportedly eval html DIR``: score HTML ingestion on the ScrapingHub benchmark."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .cli import error_line, eval_app


@eval_app.command("html")
def eval_html(
    directory: Annotated[
        Path, typer.Argument(metavar="DIR", help="The scrapinghub article-extraction-benchmark folder (ground-truth.json, html/).")
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
    from .evaluation.html import format_table, run_aeb

    if not (directory / "ground-truth.json").is_file() or not (directory / "html").is_dir():
        error_line(f"{directory}: not the scrapinghub-aeb folder (needs ground-truth.json and html/)")
        raise typer.Exit(2)
    result = run_aeb(directory, limit=limit, n_bootstrap=bootstrap)
    typer.echo(format_table(result))
