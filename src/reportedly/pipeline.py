"""The whole per-article flow, top to bottom: ingest -> anatomy -> parse -> find -> report.

1. ``ingest`` turns a file or a string into an ``Article`` (the text, never changed afterwards).
2. ``anatomy`` adds its blocks: headline, byline, dateline, body, captions, credits ...
3. ``nlp`` parses the blocks that are prose (spaCy stays behind that package) into a ``Parsed``.
4. ``find`` runs the finders in the order of ``find.STAGES``; each reads the parse and what the
   stages before it found.
5. ``summary`` counts what was found, and the ``Report`` holds it all.

Three ways in, with two error contracts:

- ``analyze(text_or_article)`` and ``analyze_many(articles)`` are the Python API: they raise
  ``InputError`` for an article that cannot be analysed (the first one, for ``analyze_many``).
- ``analyze_articles(items)`` is what the command line and the corpus engines (``reportedly.batch``)
  drive: it takes articles or read errors, and yields a ``Report`` or an ``InputError`` naming the
  article for each, in input order; one article's failure never stops the others.

All three raise ``ModelMissingError`` when the spaCy pipeline is not installed.  Nothing here
knows about the store, the engines or the command line.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language

from .anatomy import anatomy
from .errors import InputError, ModelMissingError
from .find import STAGES, Found, finder
from .ingest import article_from_text
from .model import Article, Report
from .nlp import Parsed, load_pipeline, parse_many
from .settings import Settings
from .summary import summarise
from .version import __version__


def find_all(parsed: Parsed, settings: Settings) -> Found:
    """Run every stage in order on one parsed article."""
    found = Found()
    for stage in STAGES:
        records = finder(stage, settings)(parsed, found, settings)
        found = dataclasses.replace(found, **{stage: tuple(records)})
    return found


def report_of(parsed: Parsed, settings: Settings) -> Report:
    """The report of one parsed article: every finder, then the summary."""
    found = find_all(parsed, settings)
    article = parsed.article
    findings = {stage: getattr(found, stage) for stage in STAGES}  # each stage is a field of Report too
    return Report(article=article, **findings, summary=summarise(article, found), version=__version__)


def analyze(
    text_or_article: str | Article, *, nlp: Language | None = None, settings: Settings | None = None
) -> Report:
    """Analyse one article (plain text or an ``Article``) and return its report.

    Raises ``InputError`` for text that cannot be analysed (empty, not English ...)
    and ``ModelMissingError`` when the spaCy pipeline is not installed.
    """
    settings = settings or Settings()
    article = (
        text_or_article
        if isinstance(text_or_article, Article)
        else article_from_text(text_or_article, settings=settings)
    )
    return next(analyze_many([article], nlp=nlp, settings=settings))


def analyze_many(
    articles: Iterable[Article], *, nlp: Language | None = None, settings: Settings | None = None
) -> Iterator[Report]:
    """Reports for many articles, in order, parsing them in batches.

    Raises ``InputError`` for the first article that cannot be analysed; ``analyze_articles``
    reports such failures and goes on.
    """
    settings = settings or Settings()
    for item in analyze_articles(articles, settings, nlp=nlp):
        if isinstance(item, Report):
            yield item
        else:
            raise item


def analyze_articles(
    items: Iterable[Article | InputError], settings: Settings, nlp: Language | None = None
) -> Iterator[Report | InputError]:
    """Reports (or errors) in input order, parsing in batches of ``settings.batch_size``.

    An article whose analysis fails becomes an ``InputError`` naming it; the
    rest of the batch goes on.  Read errors among the items pass through in place.
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


def _safe_anatomy(a: Article, settings: Settings) -> Article | InputError:
    try:
        return anatomy(a, settings)
    except Exception as e:  # one article's failure must not stop a batch
        return InputError(a.origin or a.id, f"anatomy failed ({type(e).__name__}: {e})")


def _failure(e: Exception) -> str:
    """``analysis failed (Type: message at module.py:line)``: where a finder broke, for the bug report."""
    tb = e.__traceback__
    where = ""
    while tb is not None:
        if "reportedly" in tb.tb_frame.f_code.co_filename:
            where = f" at {Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno}"
        tb = tb.tb_next
    return f"analysis failed ({type(e).__name__}: {e}{where})"


def _reports(batch: list[Article], settings: Settings, nlp: Language) -> Iterator[Report | InputError]:
    try:
        parsed = parse_many(batch, nlp, fast_rules=settings.fast_rules)
    except Exception:
        # fall back to one article at a time so one bad article fails alone
        for a in batch:
            try:
                yield report_of(parse_many([a], nlp, fast_rules=settings.fast_rules)[0], settings)
            except ModelMissingError:
                raise
            except Exception as e:
                yield InputError(a.origin or a.id, _failure(e))
        return
    for p in parsed:
        try:
            yield report_of(p, settings)
        except Exception as e:
            yield InputError(p.article.origin or p.article.id, _failure(e))
