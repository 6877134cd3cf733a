"""Shares and quantities of people in a source phrase: "A handful of them", "a group of Iranian lawmakers", "42%",
"nearly one in five chief financial officers"; and a share of things, which is nobody ("All of which is to say").
``resolve`` reads them."""

from __future__ import annotations

import re

from .heads import people_noun


def some_of_people(low: str) -> bool:
    """Whether a lower-cased source phrase is some of several people ("one of the officials", "two of the jurors")."""
    some = re.match(r"(?:the\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|each|none)\s+of\s+(?:the|these|those)\s+(?P<rest>.+)", low)
    return some is not None and _people_at_end(some.group("rest"))


def many_people(low: str) -> bool:
    """Whether a lower-cased source phrase is a quantity of people (``_MANY_OF`` and people after its "of")."""
    many = _MANY_OF.match(low)
    return many is not None and _people_at_end(many.group("rest"))


_MANY_OF = re.compile(
    r"(?:(?:a|an|the|another|this|that)\s+)?(?:(?:small|large|growing|big|tiny|whole|new|sizable|sizeable)\s+)?"
    r"(?:number|handful|group|slew|host|dozens|couple|bunch|scores|sliver|crowd|band|contingent|gaggle|cadre|panel|team|"
    r"majority|minority|plurality|most|some|many|several|few|all|both|half)\s+of\s+(?P<rest>.+)"
)
"""A quantity of what follows "of" ("A handful of them", "a group of Iranian lawmakers")."""


def _people_at_end(rest: str) -> bool:
    """Whether the words after a quantity's "of" end with people ("Iranian lawmakers", "them", "incoming freshman",
    "extreme nationalists", "politicians")."""
    if re.search(r"\b(?:who|which|that|whom)\b|,", rest):
        return False
    words = re.split(r"\s(?:on|in|at|from|for|with|of|by|across|around)\s", rest)[0].split()  # ("experts on Africa")
    if not words:
        return False
    last = words[-1].strip(".,;:")
    if len(words) == 1 and last in ("them", "us", "you", "those", "these"):
        return True
    return last in ("men", "women", "freshmen", "people") or (last.endswith("s") and people_noun(last)) or last.endswith(("ists", "ians"))


OF_THINGS = re.compile(r"\bof\s+(?:which|it|this|that)\b")
"""A share of things, not people: "All of which is to say"."""
SHARE = re.compile(
    r"(?:(?:about|nearly|almost|only|just|some|roughly|more than|over|fewer than|less than|another|the other)\s+)?"
    r"(?:\d+(?:\.\d+)?\s?%|[a-z]+-in-[a-z]+|[a-z]+-(?:thirds|quarters|fifths|tenths))"
)
"""A share of people as a poll counts them, alone: "42%", "Four-in-ten", "two-thirds"."""
ONE_IN = re.compile(
    r"(?:(?:about|nearly|almost|only|just|some|roughly|more than|fewer than|less than)\s+)?"
    r"(?:one|two|three|four|five|six|seven|eight|nine|\d+)\s+(?:in|out\s+of)\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b"
)
"""A share written out at the head of a phrase: "nearly one in five chief financial officers", "two out of three"."""
