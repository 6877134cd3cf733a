"""Hedges, boosters and negations tied to claims. (placeholder: filled by the certainty work)"""

from __future__ import annotations

from ..model import Hedge
from ..nlp import Parsed
from ..settings import Settings
from . import Found


def find_hedges(parsed: Parsed, found: Found, settings: Settings) -> tuple[Hedge, ...]:
    return ()
