"""Photo, video, wire and contribution credits. (placeholder: filled by the credits work)"""

from __future__ import annotations

from ..model import Credit
from ..nlp import Parsed
from ..settings import Settings
from . import Found


def find_credits(parsed: Parsed, found: Found, settings: Settings) -> tuple[Credit, ...]:
    return ()
