"""Engines that turn many inputs into reports: the local engine (here) and Dask."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rich.console import Console
from spacy.language import Language
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from .anatomy import anatomy
from .errors import InputError, ModelMissingError
from .ingest import read_inputs
from .model import Article, Report
from .nlp import load_pipeline, parse_many
from .pipeline import report_of
from .settings import Settings


def _safe_anatomy(a: Article, settings: Settings) -> Article | InputError:
    try:
        return anatomy(a, settings)
    except Exception as e:  # one article's failure must not stop a batch
        return InputError(a.origin or a.id, f"anatomy failed ({type(e).__name__}: {e})")


def analyze_articles(
    items: Iterable[Article | InputError], settings: Settings, nlp: Language | None = None
) -> Iterator[Report | InputError]:
    """Reports (or errors) in input order, parsing in batches of ``settings.batch_size``.

    An article whose analysis fails becomes an ``InputError`` naming it; the
    rest of the batch goes on.
    """
    nlp = nlp or load_pipeline(settings.model)
    batch: list[Article] = []
    order: list[Article | InputError] = []

    def flush() -> Iterator[Report | InputError]:
        parsed_iter: Iterator[Report | InputError] = iter(())
        if batch:
            parsed_iter = _reports(batch, settings, nlp)
        for item in order:
            yield item if isinstance(item, InputError) else next(parsed_iter)
        batch.clear()
        order.clear()

    for item in items:
        if isinstance(item, Article):
            res = _safe_anatomy(item, settings)
            if isinstance(res, Article):
                batch.append(res)
            order.append(res)
        else:
            order.append(item)
        if len(batch) >= settings.batch_size:
            yield from flush()
    yield from flush()


def _reports(batch: list[Article], settings: Settings, nlp: Language) -> Iterator[Report | InputError]:
    try:
        parsed = parse_many(batch, nlp)
    except Exception:
        # fall back to one article at a time so one bad article fails alone
        for a in batch:
            try:
                yield report_of(parse_many([a], nlp)[0], settings)
            except ModelMissingError:
                raise
            except Exception as e:
                yield InputError(a.origin or a.id, f"analysis failed ({type(e).__name__}: {e})")
        return
    for p in parsed:
        try:
            yield report_of(p, settings)
        except Exception as e:
            yield InputError(p.article.origin or p.article.id, f"analysis failed ({type(e).__name__}: {e})")


def analyze_stream(
    paths: Iterable[str], settings: Settings, *, progress: bool = False, console: Console | None = None
) -> Iterator[Report | InputError]:
    """Read, analyse and yield every input article in order, with an optional progress bar on stderr."""
    items = read_inputs(paths, settings)
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
        console=console or Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("analyse", total=None, rate="")
        for item in analyze_articles(items, settings):
            bar.advance(task)
            t = bar.tasks[0]
            if t.elapsed:
                bar.update(task, rate=f"{t.completed / t.elapsed:.1f} articles/s")
            yield item
