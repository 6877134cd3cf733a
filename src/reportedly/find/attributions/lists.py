"""Sources that list several parties: "Obama and Biden", "Sens. Mark Udall of Colorado and Wyden" (people, named
as the article names them), "Congress and President Obama", "The Associated Press and CNN" (any parties the article
names)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from ...model import Entity, Span
from ..entities import entity_by_id, mentions_near
from ..entities.lexicon import lexicon
from ..entities.name_words import PARTY_TAG

_HOME = r"(?:\s+of(?:\s+[A-Z][\w.'’-]*){1,2}|\s*\([^()]{1,15}\)|,\s+" + PARTY_TAG.pattern + ")?"
"""Where a person in a list is from ("Lou Barletta of Pennsylvania and Steve King", "Ted Cruz (R-Texas) and ...",
"Jason Chaffetz, R-Utah, and ...")."""
_HOME_RE = re.compile(_HOME)
_TITLE = (
    r"(?:(?:[A-Z][a-z]*\.|[A-Z][a-z]+|[A-Z]{2,5}|U\.S\.|state|former|then-?|acting|interim|fellow|retired|of|leader|"
    r"secretary|senator|governor|director|chairman|chairwoman|minister|spokesman|spokeswoman|whip)\s+)*"
)
"""Titles before a person of a list, with the acronyms and lower-case words they may hold ("and state House Speaker Tim
Moore", "and FBI Director Christopher Wray", "and former U.S. Secretary of State Madeline Albright", "and Democratic
leader Chuck Schumer")."""
_AND = re.compile(_HOME + r"\s*,?\s+(?:and|&)\s+(?:(?:his|her|their|the)\s+[\w'’. -]{1,40}?,\s+)?" + _TITLE)
"""("Theresa May, and her Dutch counterpart, Mark Rutte": a description set off after "and")"""
_COMMA = re.compile(_HOME + r"\s*,\s+" + _TITLE)
_LEADING_NAMES = re.compile(r"(?:[A-Z][\w'’-]+,\s+)+")
_WORD_AND = re.compile(r"(?P<word>[A-Z][\w'’-]+)\s+(?:and|&)\s+$")


def two_people(entities: Sequence[Entity], span: Span, text: str) -> tuple[Span, str] | None:
    """Where the phrase joins two people by "and" ("Obama and Biden", "Sen. Elizabeth Warren and Rep. Bobby Scott"):
    from the mention of one person, through commas or "and" (titles may follow), to another person's, the last
    joined by "and"; or from the surname of another person of the article that spaCy did not tag ("Conaway and
    Schiff" after "Rep. Mike Conaway") to the person's mention; with the list's name, its people's mentions without
    the titles between them ("Elizabeth Warren and Bobby Scott").  None when it does not."""
    near = mentions_near(entities, *span)
    people = sorted((ms, me, e.id) for e, ms, me in near if e.kind == "person" and span[0] <= ms < me <= span[1])
    if not people:
        return None
    # from the first person on, a list of people ("A, B, and C"), not people inside a modifier of the first ("Benjamin
    # Ginsberg, ... attorney for the Romney and George W. Bush campaigns", "Ruth Bader Ginsburg, joined by ...")
    end = None

    def called(ms: int, me: int, eid: str) -> str:
        # a surname alone is its person's name ("Sens. Mark Udall of Colorado and Wyden": "Ron Wyden")
        words = text[ms:me].split()
        whole = person.name.split() if (person := entity_by_id(entities, eid)) is not None else []
        return " ".join(whole) if len(words) == 1 and len(whole) > 1 and whole[-1] == words[0] else " ".join(words)

    name = parts = called(*people[0])
    for a, b in itertools.pairwise(people):
        if a[2] == b[2] or not (_AND.fullmatch(text, a[1], b[0]) or _COMMA.fullmatch(text, a[1], b[0])):
            break
        gap = m.end() if (m := _HOME_RE.match(text, a[1])) else a[1]  # (where the person is from dropped: "(Pa.)")
        joint = text[gap : b[0]].split()
        if not joint:
            break
        if (
            joint[-1] in ("and", "&", ",") or lexicon().is_title_word(joint[-1]) or (len(joint) > 1 and joint[-2] == "of")
            or (joint[-1].endswith(",") and "and" in joint[:2])  # ("..., and her Dutch counterpart, Mark Rutte")
        ):
            # (titles between dropped, "Secretary of State" too; a given name the mention left out kept: "Sheldon
            # Whitehouse, Mazie Hirono")
            parts += " and " if "and" in joint or "&" in joint else ", "  # (", and": "A, B and C")
        else:
            parts += text[gap : b[0]]
        parts += called(*b)
        if _AND.fullmatch(text, a[1], b[0]):
            end, name = b[1], parts
    if end is not None:
        # with the untagged surnames that open the list ("Sides, Vavreck, and Tesler": spaCy tagged the last two)
        if _LEADING_NAMES.fullmatch(text, span[0], people[0][0]):
            return (span[0], end), " ".join(text[span[0] : end].split())
        return (people[0][0], end), name
    ms, me, eid = people[0]
    m = _WORD_AND.search(text, span[0], ms)
    if m is None or m.end() != ms:
        return None
    other = next((e for e in entities if e.kind == "person" and e.id != eid and e.name.split()[-1] == m.group("word")), None)
    return ((m.start("word"), me), f"{' '.join(other.name.split())} and {called(ms, me, eid)}") if other is not None else None


_JOINT = re.compile(
    _HOME + r"\s*(?:,\s*(?:(?P<and>and|&)\s+)?|\s(?P<and2>and|&)\s+)(?:(?:the|The)\s+)?(?:(?:[A-Z][a-z]*\.|[A-Z][a-z]+)\s+)*"
)
"""What joins two parties of a list: a comma, "and" or both, then an article or titles ("and the", ", and Sen.")."""


def joined_parties(entities: Sequence[Entity], span: Span, text: str) -> tuple[str, tuple[Entity, ...]] | None:
    """(name, entities) of a phrase that lists two or more of the article's entities and nothing else, joined by commas
    and "and", each after at most an article and titles ("Congress and President Obama", "Democrats and
    Republicans", "The Associated Press and CNN"): the entities' names joined as the phrase joins them, and the
    entities.  None otherwise (one party, or words of other things: "more than 70 amendments and Harry Reid")."""
    found = sorted((ms, me, e) for e, ms, me in mentions_near(entities, *span) if span[0] <= ms < me <= span[1])
    parts: list[tuple[int, int, Entity]] = []
    for ms, me, e in found:  # (a mention inside the one before is no party of its own)
        if not parts or ms >= parts[-1][1]:
            parts.append((ms, me, e))
    if len(parts) < 2 or len({e.id for _, _, e in parts}) < len(parts):
        return None
    titles = lexicon()
    if not all(w.lower() in ("the", "a", "an") or titles.is_title_word(w) for w in text[span[0] : parts[0][0]].split()):
        return None
    if not _HOME_RE.fullmatch(text, parts[-1][1], span[1]) and text[parts[-1][1] : span[1]].strip(" ,.-"):
        return None  # (where the last is from may follow: "(D-N.Y.)")
    name = parts[0][2].name
    for (_, a_end, _), (b_start, _, e) in itertools.pairwise(parts):
        joint = _JOINT.fullmatch(text, a_end, b_start)
        home = _HOME_RE.match(text, a_end)  # (where a party is from is no title: "Ted Cruz (R-Texas) and Mike Lee")
        between = text[home.end() if home else a_end : b_start].replace(",", " ").split()
        if joint is None or not all(w.lower() in ("and", "&", "the") or titles.is_title_word(w) for w in between):
            return None  # (titles only: not "Indian Commerce and Industry Minister Anand Sharma")
        name += (" and " if joint.group("and") or joint.group("and2") else ", ") + e.name
    if not (joint and (joint.group("and") or joint.group("and2"))):
        return None  # the last joined by "and"
    return " ".join(name.split()), tuple(e for _, _, e in parts)
