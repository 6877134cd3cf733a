"""Attributions: source, cue and content. (placeholder: filled by the attribution work)"""

from __future__ import annotations

from ..model import Attribution
from ..nlp import Parsed
from ..settings import Settings
from . import Found


def find_attributions(parsed: Parsed, found: Found, settings: Settings) -> tuple[Attribution, ...]:
    return ()
