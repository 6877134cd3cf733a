"""What "the company", "the rights group", "the tech giant" stands for: the body of that kind the text named last,
unless the text brought in an unnamed one since, or named something else first (``antecedents`` asks).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import Entity
from ...registry import country_of
from ..entities import mentions_near

BODY_DESCRIPTION = re.compile(
    r"[Tt]he (?:[a-z][\w-]* )?(?P<head>organi[sz]ation|group|union|association|alliance|coalition|federation|"
    r"foundation|institute|company|firm|charity|nonprofit|non-profit|committee|council|party|movement|network|giant|"
    r"automaker|carmaker|retailer|manufacturer|insurer|airline|conglomerate|startup|bank)"
)
"""A body described by its kind ("the organization", "the rights group", "the company", "the tech giant"; a lowercase
modifier only: "the Judiciary Committee" is a name), which stands for the body of that kind named just before."""
_TRADES = frozenset({"giant", "automaker", "carmaker", "retailer", "manufacturer", "insurer", "airline", "conglomerate", "startup"})
"""Words for a company by its trade ("the tech giant", "the automaker"): the company named last, with no other name since."""
_GENERIC_BODIES = frozenset(
    {"organization", "organisation", "group", "company", "firm", "charity", "nonprofit", "non-profit"} | _TRADES
)
NO_SPEAKER = re.compile(
    r"\b(?:Act|Law|Bill|Code|Treaty|Agreement|Accord|Pact|Protocol)$|^(?:Obama[Cc]are|ACA|TPP|FTA|NAFTA|USMCA|JCPOA|TTIP|DACA)$"
)
"""A law, a treaty or a programme, which spaCy and the entity finder may take for an organisation ("the Genetic
Information Nondiscrimination Act", KCNA's "FTA", "Obamacare"): when the closest body is one, "they" / "it" stand for
something else, and name nobody."""
_A_STATE = re.compile(r"\b(?:Republic|Kingdom|Federation|Emirates|States) of\b")
"""A state's formal name ("Democratic People's Republic of Korea", which spaCy tags an organisation)."""


def named_body(
    text: str, entities: Sequence[Entity], head: str, named: tuple[int, str | None], since: int, before: int
) -> bool:
    """Whether "the <head>" at ``before`` stands for the body ``named`` (the offset of its closest mention, its id):
    not for a trade past another name ("Dow component Merck (a person to spaCy) ... the pharmaceutical giant"), nor
    when the text brought in an unnamed body of the kind since ``since`` ("A private law firm filed a lawsuit ... to
    confiscate his Land Rover SUV. The firm claimed"), not set off by a name ("Acme, a private law firm"), after the
    named one or when the name is something someone has ("his Land Rover")."""
    at, eid = named
    if in_a_list(text, entities, at):
        return False
    if head in _TRADES and any(at < ms < before and e.id != eid for e, ms, _ in mentions_near(entities, at + 1, before)):
        return False
    hits = list(re.finditer(rf"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w-]+\s+){{0,3}}{re.escape(head)}\b", text[since:before]))
    if not hits:
        return True
    a, b = since + hits[-1].start(), since + hits[-1].end()
    if any((a - 4 <= me <= a or b <= ms <= b + 4) and fits_body(e, head) for e, ms, me in mentions_near(entities, a - 4, b + 5)):
        return True
    return not (a > at or _OWNED.search(text, max(0, at - 8), at))


def in_a_list(text: str, entities: Sequence[Entity], at: int) -> bool:
    """Whether the name at ``at`` is one of several joined ("sold online at Zappos, Amazon and other sites", "Ford and
    GM"): "the company" after it may stand for any of them, so for none."""
    end = max((me for e, ms, me in mentions_near(entities, at, at + 1) if ms == at), default=at)
    return bool(_LIST_AFTER.match(text, end) or _LIST_BEFORE.search(text, max(0, at - 60), at))


_LIST_AFTER = re.compile(
    r",\s+[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*(?:,\s+[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*)*,?\s+(?:and|or)\s|\s+(?:and|or)\s+(?:other\b|[A-Z])"
)
_LIST_BEFORE = re.compile(r"[A-Z][\w.&'’-]*,?\s+(?:and|or)\s+$")
"""A name after it or before it in a list: ", Walmart and", " and other", " or Target"; "Ford and " (not "In Seattle, ",
nor a place after it: "Solar Energy of El Centro, Calif., stopped")."""
_OWNED = re.compile(r"\b(?:his|her|their|its|my|your|our)\s+$")


def fits_body(e: Entity, head: str) -> bool:
    """Whether an entity is a body "the <head>" may stand for."""
    if e.kind not in ("organization", "government") or NO_SPEAKER.search(e.name) or country_of(e.name) or _A_STATE.search(e.name):
        return False
    if head in _GENERIC_BODIES:
        return e.kind == "organization"
    return head in e.name.lower()
