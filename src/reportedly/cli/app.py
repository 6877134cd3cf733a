"""The Typer application every command registers on, and what commands share: options, error lines, settings.

Command modules (``analyze``, ``corpus``, ``evaluate``) import ``app`` / ``eval_app`` from here and
decorate their functions; ``reportedly.cli`` imports them all.  Nothing here imports a command.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ..settings import Settings, SettingsError, load_settings
from ..version import __version__

app = typer.Typer(
    name="reportedly",
    help="Who said it, who passed it on, and how sure anyone is: sourcing analysis of news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
eval_app = typer.Typer(
    help="Score reportedly on annotated corpora.", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(eval_app, name="eval")

err = Console(stderr=True, highlight=False, soft_wrap=True)


def error_line(message: str) -> None:
    """One clear line on stderr: ``reportedly: error: ORIGIN: PROBLEM``."""
    err.print(f"reportedly: error: {message}", markup=False, highlight=False)


ConfigOpt = Annotated[
    Path | None, typer.Option("--config", help="TOML settings file (a [reportedly] table).", exists=False)
]
NoLanguageCheckOpt = Annotated[
    bool, typer.Option("--no-language-check", help="Analyse text even when it does not look English.")
]
class Profile(StrEnum):
    accurate = "accurate"
    fast = "fast"


ProfileOpt = Annotated[
    Profile | None,
    typer.Option(
        "--profile",
        help="Attributions: accurate (the rules linked with the learned tagger, the default) or fast "
        "(the rules alone, about twice the speed).",
    ),
]
ProgressOpt = Annotated[
    bool | None, typer.Option("--progress/--no-progress", help="Progress bar on stderr (default: on a terminal).")
]


def settings_from(config: Path | None, **overrides: object) -> Settings:
    try:
        return load_settings(config, **overrides)
    except (SettingsError, OSError) as e:
        error_line(str(e))
        raise typer.Exit(2) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reportedly {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", help="Print the version and exit.", callback=_version, is_eager=True)
    ] = False,
) -> None:
    """Who said it, who passed it on, and how sure anyone is."""
