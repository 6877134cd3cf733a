"""Kinds fixed by the words around a mention, before clustering: a surname listed beside a person, a registry
outlet's one word that is a person's surname, a name after a noun that says it is a body, a town before its state.

Each function takes the article's text and its mentions and changes the mentions' kinds in place.
"""

from __future__ import annotations

import re

from ...registry.countries import US_STATES, country_of
from .mentions import Mention
from .name_words import NOUNS_BEFORE_A_BODY

_LIST_GAP = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")


def people_in_a_list(text: str, mentions: list[Mention]) -> None:
    """A surname spaCy tagged a place, listed beside a person ("Rubio, Cruz and Kasich" after "John Kasich"), is
    that person's mention: a place only when no person named in the article ends with the word."""
    surnames = {m.name.split()[-1] for m in mentions if m.label == "PERSON" and len(m.name.split()) > 1}
    ordered = sorted((m for m in mentions if m.seg >= 0), key=lambda m: m.start)
    for i, m in enumerate(ordered):
        if m.kind != "place" or " " in m.name or m.name not in surnames:
            continue
        near = [ordered[j] for j in (i - 1, i + 1) if 0 <= j < len(ordered)]
        if any(
            n.kind == "person"
            and _LIST_GAP.fullmatch(text, *((n.end, m.start) if n.start < m.start else (m.end, n.start)))
            for n in near
        ):
            m.kind, m.label = "person", "PERSON"


def surname_not_outlet(text: str, mentions: list[Mention]) -> None:
    """ "Bloomberg said" after "Michael Bloomberg", "Fox" after "Michael J. Fox": one word an outlet of the registry is
    named by, and the last word of a person the article names in full, is that person's mention, unless the words
    around it make it the outlet ("Bloomberg reported", "according to Bloomberg", "told Bloomberg", "Bloomberg News")."""
    surnames = {m.name.split()[-1] for m in mentions if m.label == "PERSON" and not m.outlet and len(m.name.split()) > 1}
    for m in mentions:
        if m.outlet and m.seg >= 0 and " " not in m.name and m.name in surnames and not (
            _OUTLET_BEFORE.search(text, max(0, m.start - 30), m.start) or _OUTLET_AFTER.match(text, m.end)
        ):
            m.outlet, m.kind, m.label = None, "person", "PERSON"


def bodies_by_noun(text: str, mentions: list[Mention]) -> None:
    """ "the charity Refuge" (spaCy: a place), "the anti-government group Tamarod" (a person): a name written right after
    a lower-case noun that says it is a body is an organisation's (label ``ORG``; its entity is an organisation unless
    a mention shows a person: ``clusters.cluster_kind``)."""
    for m in mentions:
        if not (m.outlet or m.government) and len(m.name.split()) <= 4 and _BODY_NOUN_BEFORE.search(text, max(0, m.start - 30), m.start):
            m.kind, m.label, m.person, m.called_body = "organization", "ORG", False, True


_BODY_NOUN_BEFORE = re.compile(rf"\b(?:{NOUNS_BEFORE_A_BODY})\s+$")
_OUTLET_BEFORE = re.compile(r"\b(?:according\s+to|told|tells|telling|to|by|on|in|from|with|via|for|the)\s+$", re.I)
_OUTLET_AFTER = re.compile(
    r"\s+(?:News|Television|TV|Radio|L\.?P\.?|Businessweek|Opinion|Philanthropies|Law|Government|Intelligence|Terminal"
    r"|report(?:ed|s|ing)?|poll|survey|columnist|reporter|editor|analysis|data)\b|['’]s?\s+(?:[A-Z]|report|poll|editor|reporter|columnist|analysis)"
)


_STATE_AFTER = re.compile(r",\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?=\s*[,.;:)]|\s+[a-z]|\s*$)")


def places_by_state(text: str, mentions: list[Mention]) -> None:
    """ "Allen, Texas", "Gaziantep, Turkey": a short name followed by a US state or a country is a place, whatever
    spaCy called it ("Allen" a person, and "he" then took the town); ``cluster_kind`` lets such a mention decide
    its entity's kind (label ``PLACE``)."""
    for m in mentions:
        if m.outlet or m.government or len(m.name.split()) > 3:
            continue
        hit = _STATE_AFTER.match(text, m.end)
        if hit and (hit.group(1).lower() in US_STATES or country_of(hit.group(1))) and not _ACCORDING_BEFORE.search(
            text, max(0, m.start - 20), m.start
        ):  # (not a source: "According to Ebrard, Mexico had 45 days")
            m.kind, m.label, m.person = "place", "PLACE", False


_ACCORDING_BEFORE = re.compile(r"\baccording\s+to\s+$", re.I)
