"""``reportedly eval basil DIR``: outlet-voice spans scored against BASIL's lexical bias spans."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from .cli import ConfigOpt, error_line, eval_app, settings_from
from .errors import ModelMissingError


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
        str, typer.Option("--years", help="Years to score: 2010-2012 (development, default) or 2013-2014 (held out).")
    ] = "2010-2012",
    as_json: Annotated[bool, typer.Option("--json", help="Print the full result as JSON.")] = False,
    config: ConfigOpt = None,
) -> None:
    """Precision and recall of outlet-voice spans against BASIL lexical, non-quote bias spans.

    Overlap match, micro-averaged; a lexicon-only baseline (every lexicon hit,
    no quote or attribution filtering) is scored from the same run.
    """
    from .evaluation.basil import evaluate

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
    typer.echo(f"BASIL {years}: {result['articles']} articles, gold = {result['gold']}, {result['match']} match")
    typer.echo(f"{'system':<10} {'pred':>6} {'gold':>6} {'P':>7} {'R':>7} {'F1':>7}")
    for name in ("voice", "baseline"):
        s = result[name]
        typer.echo(
            f"{name:<10} {s['predicted']:>6} {s['gold']:>6} {s['precision']:>7.3f} {s['recall']:>7.3f} {s['f1']:>7.3f}"
        )
