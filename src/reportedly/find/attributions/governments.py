"""Whether a source phrase speaks for a government: a state's officials ("State health officials", "a senior defense
official"), a country named as the speaker ("the communist North"), members of a government's body ("House members"),
unlike people a government word only describes ("military analysts").  For ``resolve``."""

from __future__ import annotations

import re

from ...model import Entity, Span
from ...nlp import Tok
from ...registry import country_of
from ..entities import mentions_within
from .heads import GROUP_HEADS
from .owners import QUANTIFIERS

OUTSIDERS = GROUP_HEADS - {
    "officials", "leaders", "diplomats", "lawmakers", "members", "aides", "advisers", "advisors", "sources", "delegates",
}
OUTSIDERS |= {h[:-1] for h in OUTSIDERS if h.endswith("s")} | {"ally", "witness", "veteran", "veterans", "union", "unions"}
"""Group heads, one or several, that a government word before them does not make a government ("military analysts",
"A Russian military expert", "Pentagon critics", "the military veteran", "Police unions"); officials, diplomats and
lawmakers of a state are its government (type guideline 5)."""


MEMBERS_OF_A_BODY = frozenset("members member lawmakers lawmaker legislators legislator senators representatives delegates".split())
"""Nouns for members of a government's body: "House members" are some of them, not the House."""


def a_country(ent: Entity, span: Span, head: Tok | None, text: str) -> bool:
    """Whether the phrase ``span`` is a country entity's mention with at most words before it ("the communist
    North"), the mention its head: not "people in North Korea"."""
    if ent.kind != "place" or not country_of(ent.name):
        return False
    for ms, me in mentions_within(ent, span):
        if me == span[1]:
            words = text[ms:me].split()
            before = text[span[0] : ms].split()
            if any(w[:1].isupper() and w.lower() not in ("the", "a", "an") for w in before):
                return False  # "Universities UK" is no country
            return head is None or (bool(words) and head.text == words[-1])
    return False


def committee(ent: Entity, span: Span, head: Tok | None, text: str) -> bool:
    """Whether the phrase names a legislature's committee by a noun after the body's words that its entity leaves out
    ("the House Benghazi committee", "the Senate Intelligence panel", "the conservative House Freedom Caucus": the
    entity is "House" or the words before)."""
    if ent.kind not in ("government", "organization") or head is None or head.lower_ not in _PANELS:
        return False
    at = text.rfind(head.text, span[0], span[1])  # (not a committee the entity names whole: "the Democratic
    # Congressional Campaign Committee", "The House Committee on Oversight and Government Reform")
    inside = mentions_within(ent, span)
    return _LEGISLATURE.search(text, span[0], span[1]) is not None and bool(inside) and not any(ms <= at < me for ms, me in inside)


_PANELS = frozenset({"committee", "subcommittee", "panel", "caucus"})
_LEGISLATURE = re.compile(r"\b(?:House|Senate|Congressional|Parliament(?:ary)?|Assembly|Commons|Lords)\b")


def _modifiers(head: Tok) -> list[Tok]:
    """The words that say whose a head noun is: those before it and its prepositional phrases ("officials in
    Seoul"), not a relative clause after it."""
    return [t for k in head.children if k.i < head.i or k.dep_ == "prep" for t in k.subtree]


def of_a_state(head: Tok) -> bool:
    """Whether officials are a state's: a nationality, a place or a level of government among their modifiers ("State
    health officials", "Federal officials", "local officials")."""
    mods = _modifiers(head)
    return any(t.ent_type_ in ("NORP", "GPE") for t in mods) or (
        any(t.lower_ in _LEVELS and not t.ent_type_ for t in mods)
        and not any(t.lower_ in _NOT_A_LEVEL for t in mods)  # (not "state party officials")
    )


_LEVELS = frozenset(
    {"state", "federal", "local", "county", "city", "municipal", "provincial", "regional", "government", "defense", "defence",
     "military", "intelligence", "enforcement"}
)
"""Levels and branches of government whose unnamed officials speak for it ("a senior defense official")."""
_NOT_A_LEVEL = frozenset({"party", "campaign", "union", "company", "industry", "church", "school", "university"})


_NAMED = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"})


def affiliated(phrase: str, head: Tok | None) -> bool:
    """Whether a phrase says whose people it names: a name or a named entity among the head's modifiers
    (without a parse: a capitalised word before the last, not a determiner)."""
    if head is None:
        words = phrase.split()[:-1]
        return any(w[:1].isupper() and w.lower() not in QUANTIFIERS for w in words)
    return any(t.pos_ == "PROPN" or t.ent_type_ in _NAMED for t in _modifiers(head))
