"""Certainty per claim. (placeholder: filled by the certainty work)"""

from __future__ import annotations

from ..model import Claim
from ..nlp import Parsed
from ..settings import Settings
from . import Found


def find_claims(parsed: Parsed, found: Found, settings: Settings) -> tuple[Claim, ...]:
    return ()
