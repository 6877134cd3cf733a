"""reportedly: who said it, who passed it on, and how sure anyone is.

    >>> import reportedly
    >>> report = reportedly.analyze("The minister said on Monday that talks had failed.")
    >>> report.attributions[0].source_name
    'The minister'
"""

from __future__ import annotations

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
]
