"""The command line: ``reportedly analyze``, ``reportedly eval ...`` and the corpus commands."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from . import __version__
from .errors import InputError, ModelMissingError, ReportedlyError
from .settings import Settings, SettingsError, load_settings

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


class Format(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


ConfigOpt = Annotated[
    Path | None, typer.Option("--config", help="TOML settings file (a [reportedly] table).", exists=False)
]
NoLanguageCheckOpt = Annotated[
    bool, typer.Option("--no-language-check", help="Analyse text even when it does not look English.")
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


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files (.txt, .html, .jsonl), directories, or - for stdin.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="text (readable), json or jsonl.")] = Format.text,
    config: ConfigOpt = None,
    max_bytes: Annotated[int | None, typer.Option(help="Refuse input files larger than this.")] = None,
    no_language_check: NoLanguageCheckOpt = False,
    progress: ProgressOpt = None,
    outlet: Annotated[
        str | None, typer.Option(help="Publisher of inputs that do not say (plain text has no metadata).")
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) of inputs that do not say.")
    ] = None,
    url: Annotated[str | None, typer.Option(help="URL of inputs that do not say.")] = None,
) -> None:
    """Analyse articles: anatomy, people, attributions, relay chains, credits, hedges, voice, times.

    Prints a readable report per article (--format text), one JSON report (a
    list when several articles are given, --format json) or one JSON report
    per line (--format jsonl).  Exit status 0 when every article was analysed,
    1 when some were not (one error line each on stderr), 2 on usage errors.
    """
    from .batch import analyze_stream

    settings = settings_from(
        config, max_bytes=max_bytes, check_language=False if no_language_check else None
    )
    if published is not None:
        import datetime as dt

        try:
            published = dt.date.fromisoformat(published).isoformat()
        except ValueError:
            error_line(f"--published: {published!r} is not a date (YYYY-MM-DD)")
            raise typer.Exit(2) from None
    defaults = {"outlet": outlet, "published": published, "url": url}
    out = sys.stdout
    failures = 0
    written = 0
    show_progress = progress if progress is not None else err.is_terminal
    several = len(paths) > 1 or any(p == "-" or Path(p).is_dir() or p.endswith((".jsonl", ".jsonl.gz")) for p in paths)
    pending_json: list[str] = []
    console = Console(file=out, soft_wrap=False) if format is Format.text else None
    try:
        for item in analyze_stream(paths, settings, progress=show_progress, console=err, defaults=defaults):
            if isinstance(item, InputError):
                failures += 1
                error_line(str(item))
                continue
            if format is Format.jsonl:
                out.write(item.to_json() + "\n")
                out.flush()
            elif format is Format.json:
                if several:
                    out.write(("[\n" if written == 0 else ",\n") + item.to_json(indent=2))
                else:
                    pending_json.append(item.to_json(indent=2))
            else:
                from .render import render_report

                assert console is not None
                render_report(item, console)
            written += 1
    except ModelMissingError as e:
        error_line(str(e))
        raise typer.Exit(2) from None
    except ReportedlyError as e:
        error_line(str(e))
        raise typer.Exit(1) from None
    if format is Format.json:
        if several:
            out.write("\n]\n" if written else "[]\n")
        elif pending_json:
            out.write(pending_json[0] + "\n")
        else:
            out.write("null\n")
    if failures:
        err.print(f"reportedly: {written} analysed, {failures} failed", highlight=False)
        raise typer.Exit(1)


def main() -> None:
    """Console entry point."""
    try:
        app()
    except KeyboardInterrupt:
        error_line("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)


# Commands defined in other modules register themselves on `app` / `eval_app`.
from . import cli_commands  # noqa: E402,F401
