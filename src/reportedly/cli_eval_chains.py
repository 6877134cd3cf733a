"""``reportedly eval chains DIR``: relay chains scored against hand-written gold chains."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer

from .cli import ConfigOpt, error_line, eval_app, settings_from
from .errors import ModelMissingError


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
        typer.Option("--data", help="The shared data folder holding the corpora (default: $REPORTEDLY_DATA or ../shared/data)."),
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
    from .evaluation.chains import evaluate

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
    typer.echo(f"{'  relay chains recall':<22} {'':>7} {result['relay_chains']['recall']:>7.3f}"
               f"   ({result['relay_chains']['gold']} gold chains with a relay)")
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
