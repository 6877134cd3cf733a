"""``reportedly analyze``: analyse articles and print their reports (text, JSON or JSONL)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from ..errors import InputError, ModelMissingError, ReportedlyError
from ..ingest import read_inputs, with_defaults
from ..ingest.fetch import read_url
from ..model import Article, Report
from ..pipeline import analyze_articles
from ..settings import Settings
from .app import ConfigOpt, NoLanguageCheckOpt, ProfileOpt, ProgressOpt, app, err, error_line, settings_from
from .render import render_report


class Format(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


@app.command()
def analyze(
    paths: Annotated[
        list[str], typer.Argument(help="Files (.txt, .html, .jsonl), directories, http(s) URLs, or - for stdin.")
    ],
    format: Annotated[Format, typer.Option("--format", "-f", help="text (readable), json or jsonl.")] = Format.text,
    config: ConfigOpt = None,
    max_bytes: Annotated[int | None, typer.Option(help="Refuse input files larger than this.")] = None,
    no_language_check: NoLanguageCheckOpt = False,
    progress: ProgressOpt = None,
    profile: ProfileOpt = None,
    outlet: Annotated[
        str | None, typer.Option(help="Publisher of inputs that do not say (plain text has no metadata).")
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) of inputs that do not say.")
    ] = None,
    url: Annotated[str | None, typer.Option(help="URL of inputs that do not say.")] = None,
    allow_private_urls: Annotated[
        bool, typer.Option("--allow-private-urls", help="Fetch URLs on private, loopback or link-local addresses too.")
    ] = False,
) -> None:
    """Analyse articles: anatomy, people, attributions, relay chains, credits, hedges, voice, times.

    Prints a readable report per article (--format text), one JSON report (a
    list when several articles are given, --format json) or one JSON report
    per line (--format jsonl).  Exit status 0 when every article was analysed,
    1 when some were not (one error line each on stderr), 2 on usage errors.
    An http(s) URL is fetched (10 s timeout, max_bytes, public addresses only
    unless --allow-private-urls) and read as HTML or plain text.
    """
    settings = settings_from(
        config,
        max_bytes=max_bytes,
        check_language=False if no_language_check else None,
        profile=profile.value if profile is not None else None,
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
        for item in _reports_of_paths(
            paths, settings, progress=show_progress, defaults=defaults, allow_private_urls=allow_private_urls
        ):
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


def _reports_of_paths(
    paths: Iterable[str],
    settings: Settings,
    *,
    progress: bool = False,
    defaults: dict[str, str | None] | None = None,
    allow_private_urls: bool = False,
) -> Iterator[Report | InputError]:
    """Read, analyse and yield every input article in order, with an optional progress bar on stderr.

    ``defaults`` (outlet, published, url) fill metadata the inputs lack; given metadata wins.
    """
    items: Iterable[Article | InputError] = _read(paths, settings, allow_private_urls)
    if defaults:
        items = (with_defaults(a, defaults) if isinstance(a, Article) else a for a in items)
    if not progress:
        yield from analyze_articles(items, settings)
        return
    with Progress(
        SpinnerColumn(),
        TextColumn("analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task("analyse", total=None, rate="")
        for item in analyze_articles(items, settings):
            bar.advance(task)
            t = bar.tasks[0]
            if t.elapsed:
                bar.update(task, rate=f"{t.completed / t.elapsed:.1f} articles/s")
            yield item


def _read(paths: Iterable[str], settings: Settings, allow_private_urls: bool) -> Iterator[Article | InputError]:
    """Every input article in order: http(s) URLs are fetched (``ingest.fetch``), the rest read from files."""
    files: list[str] = []
    for p in paths:
        if p.lower().startswith(("http://", "https://")):
            yield from read_inputs(files, settings)
            files = []
            yield from read_url(p, settings, allow_private=allow_private_urls)
        else:
            files.append(p)
    yield from read_inputs(files, settings)
