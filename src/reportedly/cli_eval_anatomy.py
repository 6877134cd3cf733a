"""``reportedly eval anatomy DIR`` and ``reportedly eval wire DIR``: score anatomy and wire credits."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .cli import error_line, eval_app


class Half(StrEnum):
    all = "all"
    dev = "dev"
    held = "held"


@eval_app.command("anatomy")
def eval_anatomy(
    directory: Annotated[
        Path,
        typer.Argument(metavar="DIR", help="The scrapinghub article-extraction-benchmark folder (ground-truth.json, html/)."),
    ],
    half: Annotated[
        Half,
        typer.Option(help="Pages to score: all, dev (ids 0-7..., used to develop anatomy) or held (ids 8-f...)."),
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
    from .evaluation.anatomy import format_score, score_anatomy, split_keys

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
    split: Annotated[list[str] | None, typer.Option(help="Split(s) to score (dev, train); default dev.")] = None,
    errors: Annotated[bool, typer.Option("--errors/--no-errors", help="List the articles it got wrong.")] = True,
) -> None:
    """Score wire-agency detection on PolNeAR from the article text alone.

    For each article (Western Journalism's, labelled NA, left out) finds the
    wire agencies named by credits of kind wire or contribution (datelines,
    bylines, contribution lines) and prints precision and recall against the
    wire label of metadata.tsv.  Exit status 2 when DIR is not PolNeAR.
    """
    from .evaluation.wire import format_wire, score_wire

    if not (directory / "metadata.tsv").is_file():
        error_line(f"{directory}: not the PolNeAR folder (needs metadata.tsv)")
        raise typer.Exit(2)
    splits = split or ["dev"]
    for s in splits:
        if not (directory / s / "text").is_dir():
            error_line(f"{directory}: no {s}/text folder")
            raise typer.Exit(2)
    typer.echo(format_wire(score_wire(directory, splits), errors=errors))
