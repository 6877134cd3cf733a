"""Unnamed media as hops: "state media", "North Korean state TV", "local media reports".

Named as written, typed ``state_media`` when the words say so (else
``outlet``), with the country the words before them give; marked generic so
that a named hop of the same type next to them takes their place.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Span
from ...registry import country_of
from ...registry.countries import is_country_word
from .nodes import CONF_GENERIC, Node
from .vocabulary import DETERMINERS, GENERIC_RE, STATE_WORDS


def generic_at_start(phrase: str, offset: int) -> Node | None:
    """ "state media", "North Korean state TV", "local media reports" at the start of a phrase."""
    m = GENERIC_RE.search(phrase)
    if m is None:
        return None
    words = phrase[: m.start()].split()
    # only determiners and country words may come first
    if any(w.casefold() not in DETERMINERS and not is_country_word(w) and w not in _COUNTRY_PIECES for w in words):
        return None
    return generic_node(m.group("kind"), (offset + m.start(), offset + m.end()), words)


# First words of two-word country names ("North Korean", "Saudi Arabia's").
_COUNTRY_PIECES = frozenset({"North", "South", "Saudi", "Hong", "Sri", "New", "United"})


def generic_node(kind: str, span: Span, before: Sequence[str]) -> Node:
    """Unnamed media as a hop: named as written ("state media"), country from the words before it."""
    country = None
    for k in (3, 2, 1):
        if len(before) >= k:
            country = country_of(" ".join(before[-k:]))
            if country:
                break
    name = " ".join(kind.lower().split())
    typ = "state_media" if STATE_WORDS.search(name) else "outlet"
    return Node(
        name=name,
        type=typ,
        span=span,
        country=country,
        state_controlled=True if typ == "state_media" else None,
        confidence=CONF_GENERIC,
        generic=True,
        key="generic:" + typ + ":" + (country or ""),
    )
