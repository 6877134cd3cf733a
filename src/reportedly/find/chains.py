"""Relay chains from origin to publisher. (placeholder: filled by the chains work)"""

from __future__ import annotations

from ..model import Chain
from ..nlp import Parsed
from ..settings import Settings
from . import Found


def find_chains(parsed: Parsed, found: Found, settings: Settings) -> tuple[Chain, ...]:
    return ()
