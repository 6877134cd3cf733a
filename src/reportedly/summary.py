"""Per-article summary: counts and shares a reader takes in at a glance."""

from __future__ import annotations

from collections import Counter
from typing import Any

from .find import Found
from .model import Article


def summarise(article: Article, found: Found) -> dict[str, Any]:
    """Counts of findings by kind; later issues add shares (state media, anonymous ...)."""
    by_type = Counter(a.source_type or "unknown" for a in found.attributions)
    return {
        "attributions": len(found.attributions),
        "attributions_by_source_type": dict(sorted(by_type.items())),
        "entities": len(found.entities),
        "credits": len(found.credits),
        "hedges": len(found.hedges),
        "voice": len(found.voice),
    }
