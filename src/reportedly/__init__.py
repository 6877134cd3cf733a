"""reportedly: who said it, who passed it on, and how sure anyone is.

    >>> import reportedly
    >>> report = reportedly.analyze("The minister said on Monday that talks had failed.")
    >>> report.attributions[0].source_name
    'The minister'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import InputError, ModelMissingError, ReportedlyError
from .ingest import article_from_text, read_inputs
from .model import (
    SCHEMA,
    Article,
    Attribution,
    Block,
    Chain,
    Claim,
    Credit,
    Entity,
    Hedge,
    Hop,
    Report,
    TimeExpr,
    Voice,
)
from .pipeline import analyze, analyze_many
from .settings import Settings, load_settings
from .version import __version__

if TYPE_CHECKING:
    from pathlib import Path

    from .corpus.trace import TraceStats

__all__ = [
    "SCHEMA",
    "Article",
    "Attribution",
    "Block",
    "Chain",
    "Claim",
    "Credit",
    "Entity",
    "Hedge",
    "Hop",
    "InputError",
    "ModelMissingError",
    "Report",
    "ReportedlyError",
    "Settings",
    "TimeExpr",
    "Voice",
    "__version__",
    "analyze",
    "analyze_many",
    "article_from_text",
    "load_settings",
    "read_inputs",
    "trace",
]


def trace(db: str | Path, *, engine: str = "local", workers: int = 1, scheduler: str | None = None) -> TraceStats:
    """Find the stories, copies, claims and relays across the articles stored in the DuckDB file ``db``
    (``reportedly trace``; the claim records: ``reportedly.corpus.queries``).

    Incremental: only articles not traced before are decided; returns what this run did
    (``traced``, ``stories``, ``copies``, ``relays``, ``drift`` ...).  ``engine`` ``local`` (``workers`` processes) or
    ``dask`` (a local cluster of ``workers``, or the one at ``scheduler``).  Raises ``StoreError``
    for a store that cannot be used, ``ReportedlyError`` for an engine that cannot.
    """
    from .corpus.trace import trace as run
    from .store import Store

    with Store.open(db) as store:
        return run(store, engine=engine, workers=workers, scheduler=scheduler)
