"""Loaded words in the outlet's own voice. (placeholder: filled by the voice work)"""

from __future__ import annotations

from ..model import Voice
from ..nlp import Parsed
from ..settings import Settings
from . import Found


def find_voice(parsed: Parsed, found: Found, settings: Settings) -> tuple[Voice, ...]:
    return ()
