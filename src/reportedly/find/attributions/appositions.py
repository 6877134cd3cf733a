"""Names and descriptions set side by side in a source phrase: a name set off before a description of it ("Ri Ung, a
department director of ...", "Candid, a nonprofit which tracks donations"), a description closed by a relative clause
("one Republican senator who ..."), a name closing the phrase ("..., Kerry Ladka").  ``resolve`` reads them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import Entity
from ..entities.lexicon import lexicon
from .heads import BODY_NOUNS, PERSON_NOUNS, PERSON_TITLES
from .owners import LEANING

NAME_AT_END = re.compile(r",\s+(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*$")
"""A name closing the phrase after a comma ("The man who posed the Libya question, Kerry Ladka")."""
NOUN_THEN_WHO = re.compile(
    r"(?P<desc>[^,]*?\b(?!(?:of|for|to|in|on|at|with|by|about|from|against|over|under|than|like)\b)[a-z][\w’'-]*|(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w’'-]+\s+){0,2}?[A-Z][\w’'-]*),?\s+(?:who|whose|that)\s"
    r"|(?P<part>(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w’'-]+\s+){0,2}?[A-Z][\w’'-]*)\s+[a-z]\w*ing\s"
    r"|(?P<adj>(?:[Aa]n?|[Oo]ne|[Aa]nother|[Ss]ome|[Ss]everal|[Tt]wo|[Tt]hree)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:lawmakers?|senators?|officials?|aides?|advisers?|advisors?|members?|Republicans?|Democrats?|strategists?|"
    r"operatives?|donors?|allies|ally|activists?|legislators?))\s+" + LEANING
)
"""A description closed by a common noun and followed by a relative clause ("one Republican senator who ...", "the
Democratic chairs that POLITICO interviewed"; not "Critics of that approach", a determiner); or an indefinite one
closed by a party word, followed by a relative clause or a participle ("a Republican who picked Rubio to win",
"Another Republican backing Cruz"), or a person's word followed by a leaning ("one GOP lawmaker sympathetic toward
Ryan"): ``described_words``."""


_NAME_SET_OFF = re.compile(r",\s+(?P<name>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*),\s+(?:\d{1,3}\b|(?:a|an|the)\s)")


def name_after_clause(phrase: str) -> tuple[int, int] | None:
    """Where a name set off after a described person's relative clause stands, followed by an age or another
    description: "A Republican who is disillusioned by Trump, Byron Johnson, 37, a personal banker ..."."""
    described = NOUN_THEN_WHO.match(phrase)
    named = _NAME_SET_OFF.search(phrase, described.end()) if described is not None else None
    return named.span("name") if named is not None else None


def described_words(m: re.Match[str]) -> str:
    """The description ``NOUN_THEN_WHO`` matched."""
    return m.group("desc") or m.group("part") or m.group("adj")


_NAME_THEN_TITLE = re.compile(
    r"(?P<name>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*),\s+(?:(?:an?|the)\s+)?(?:(?!(?:who|which|that)\s)[a-z][\w-]*\s+){0,3}?"
    r"(?P<title>[a-z][\w.-]*)"
    r"(?:\s+(?:of|at|for|in|to|from)\s|,?$|,?\s+(?:who|which|that)\s|\s+[a-z]{3,}ing\s)"
    r"|(?P<name2>[A-Z][\w’'.-]*),\s+(?:an?|the)\s+(?:[\w’'-]+\s+){0,5}?(?P<title2>[a-z][\w.-]*),?\s+(?:who|whose|which|that)\s"
)
"""A name, a comma and a description of it: lower-case words closed by a noun before "of"/"at"/... or the phrase's end
("Ri Ung, a department director of ...") or a relative clause ("Stena Bulk, the company that owns ...") or a participle
("SecureWorks, a security firm looking into ..."), or, for one word, any words closed by a noun before a relative clause
("Akili, the 71-year-old Black Lives Matter activist who ...")."""


def _persons_noun(noun: str) -> bool:
    """A noun that an apposition gives only a person ("a department director of", "a former member of parliament")."""
    return PERSON_TITLES.fullmatch(noun) is not None or noun in PERSON_NOUNS or noun == "member"


NAME_THEN_WHO = re.compile(r"(?P<name>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*),?\s+(?:who|whose)\s")
"""A name followed by a relative clause ("Pak who had resided in ...", "Jon Yong Chol, who ...")."""


def set_off(phrase: str) -> tuple[str, str] | None:
    """(name, type) of a name set off before a description of it: a person ("Ri Ung, a department director of ...",
    "Akili, the 71-year-old Black Lives Matter activist who ..."), a body ("Candid, a nonprofit which tracks
    donations"); else None."""
    m = _NAME_THEN_TITLE.match(phrase)
    if m is None:
        return None
    name, title = m.group("name") or m.group("name2"), m.group("title") or m.group("title2")
    if _persons_noun(title) and not name.startswith(("The ", "A ", "An ")):
        return name, "person"
    return (name, "organization") if title in BODY_NOUNS else None

_WHOSE_SURNAME = re.compile(r".*\S['’]s\s+(?P<name>[A-Z][a-z][\w'’-]*)")
"""A possessive and one capitalised word ("The University of New Mexico’s Sanchez"): a person, when the article names a
person with that surname."""


def person_after_possessive(phrase: str, entities: Sequence[Entity]) -> Entity | None:
    """The person of the article whose surname is the one capitalised word after a possessive closing the phrase
    (``_WHOSE_SURNAME``), else None."""
    owned = _WHOSE_SURNAME.fullmatch(phrase)
    if owned is None:
        return None
    return next((e for e in entities if e.kind == "person" and e.name.endswith(" " + owned.group("name"))), None)


def untitled(name: str) -> str:
    """A name without the person titles before it ("Elijah Cummings" of "Representative Elijah Cummings")."""
    words = name.split()
    while len(words) > 2 and lexicon().is_title_word(words[0]):
        words = words[1:]
    return " ".join(words)
