"""analyze(article) -> Report: ingest -> anatomy -> parse -> find -> chains, top to bottom."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from spacy.language import Language

from . import __version__
from .find import STAGES, Found, finder
from .ingest import article_from_text
from .model import Article, Report
from .nlp import Parsed
from .settings import Settings
from .summary import summarise


def find_all(parsed: Parsed, settings: Settings) -> Found:
    """Run every stage in order on one parsed article."""
    found = Found()
    for stage in STAGES:
        records = finder(stage, settings)(parsed, found, settings)
        found = dataclasses.replace(found, **{stage: tuple(records)})
    return found


def report_of(parsed: Parsed, settings: Settings) -> Report:
    found = find_all(parsed, settings)
    article = parsed.article
    return Report(
        article=article,
        entities=found.entities,
        attributions=found.attributions,
        chains=found.chains,
        credits=found.credits,
        hedges=found.hedges,
        voice=found.voice,
        times=found.times,
        claims=found.claims,
        summary=summarise(article, found),
        version=__version__,
    )


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

    Raises ``InputError`` for the first article that cannot be analysed; the
    batch engine (``reportedly.batch``) reports such failures and goes on.
    """
    from .batch import analyze_articles

    settings = settings or Settings()
    for item in analyze_articles(articles, settings, nlp=nlp):
        if isinstance(item, Report):
            yield item
        else:
            raise item
