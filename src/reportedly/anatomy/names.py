"""Whose name it is: an outlet of the registry, a news agency, or a person.

``outlet_named`` asks the outlet registry (``reportedly.registry``), cached;
``AGENCY_NAMES`` adds wires the registry may lack; ``person_like`` reads the
shape of a person's name.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..registry import Outlet, Registry
from .patterns import NAME_PARTICLES, OUTLET_WORDS, ROLE_WORDS

# Per registry (by identity: hashing a registry hashes all its rows), the answers so far.
_MATCHES: dict[int, tuple[Registry, dict[str, Outlet | None]]] = {}


def outlet_named(reg: Registry, name: str) -> Outlet | None:
    """``reg.match(name)`` for short names (an outlet's name is at most 8 words), cached.

    Anatomy asks about the same lines ("Advertisement", "Reuters") again and
    again; the registry's matcher tokenises every time.
    """
    if len(name) > 80 or len(name.split()) > 8:
        return None
    entry = _MATCHES.get(id(reg))
    if entry is None or entry[0] is not reg:
        entry = _MATCHES[id(reg)] = (reg, {})
    cache = entry[1]
    if name not in cache:
        if len(cache) > 100_000:
            cache.clear()
        cache[name] = reg.match(name)
    return cache[name]


def registry_agency(reg: Registry, name: str) -> Outlet | None:
    o = outlet_named(reg, name)
    if o is not None and o.type in {"news_agency", "state_media"}:
        return o
    return None


AGENCY_NAMES = frozenset(
    """ap|associated press|the associated press|reuters|thomson reuters|afp|agence france-presse|
    agence france presse|upi|united press international|bloomberg|bloomberg news|xinhua|kyodo|
    kyodo news|yonhap|yonhap news agency|tass|ria novosti|efe|dpa|ansa|pti|ani|ians|pa|pa media|
    cnn wire|tribune news service|tribune content agency|mcclatchy|mcclatchy washington bureau|
    dow jones|dow jones newswires|anadolu|anadolu agency|aap|cp|the canadian press|canadian press|
    kcna|korean central news agency|wires|wire services|staff and wire reports""".replace("\n", "").split("|")
)
AGENCY_NAMES = frozenset(a.strip() for a in AGENCY_NAMES if a.strip())


def is_agency(name: str, reg: Registry) -> Outlet | bool:
    o = registry_agency(reg, name)
    if o is not None:
        return o
    n = " ".join(name.lower().split())
    return n in AGENCY_NAMES or n.removeprefix("the ") in AGENCY_NAMES


_NOT_NAME_WORDS = frozenset(
    """from with by in on at for the a an and or but to of according via about after before this that
    these those here there more most read watch see follow share""".split()
)


def person_like(words: Sequence[str]) -> bool:
    """Whether words read as a person's name: 1-4 capitalised words, no role, outlet or function words."""
    if any(w.lower().strip(".,:;") in _NOT_NAME_WORDS for w in words):
        return False
    core = [w for w in words if w.lower() not in NAME_PARTICLES]
    if not 1 <= len(core) <= 4 or len(words) > 6:
        return False
    for w in core:
        if not (w[0].isupper() and any(c.isalpha() for c in w)):
            return False
        if any(c.isdigit() for c in w) or w.lower() in ROLE_WORDS or w.lower() in OUTLET_WORDS:
            return False
    return True
