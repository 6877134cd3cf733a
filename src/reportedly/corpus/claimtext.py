"""The text side of claims across articles: normalising a passage, and deciding whether two passages are one claim.

A passage (a quote, an attributed content, a sentence in the outlet's voice) becomes a ``Passage``:

- ``words``: its words, lower-cased, with punctuation, case and quotation-mark style normalised
  away ("they’re" = "they're"; curly and straight quotes, dashes and ellipses dropped);
- ``stems``: its content words (no function words, no speech verbs), crudely stemmed, so that
  "stepped down as CIA director on Friday" and "resigned Friday" share "friday";
- ``numbers``: the figures it states ("363,000", "51%", "two" → "2"), and ``places``: the places
  it names (countries and their cities from the registry's country words, US states, "X County").

``same_claim(a, b)`` is the decision:

- **verbatim / partial quote**: one passage's words (at least ``MIN_QUOTE_WORDS`` of them) are a
  contiguous run of the other's, after normalisation ("Well, they’re losing their lives
  everywhere in the world," = "Well, they're losing their lives everywhere in the world.");
- **paraphrase**: at least ``MIN_SHARED`` shared content stems, covering at least ``MIN_OVERLAP``
  of the shorter passage's stems;
- and in both cases **no conflict**: when both passages state figures, one set of figures must
  hold the other (two polls with different figures are two claims), and when both name places,
  one set must hold the other (the same sentence about two counties is two claims).

The limits: the paraphrase test is lexical (synonyms with no shared word, "Trump chose Haspel" vs
"Trump is naming Haspel", match only through the other words they share); a figure written in
two ways ("half" vs "50%") is a conflict; short passages (fewer than ``MIN_SHARED`` content
words) only ever match as quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..registry.countries import COUNTRY_WORDS

__all__ = ["Passage", "contains_run", "passage", "same_claim", "similarity"]

MIN_QUOTE_WORDS = 5
"""A quote shorter than this (in words) matches only a passage with exactly its words."""
MIN_SHARED = 3
MIN_OVERLAP = 0.6
"""Paraphrase: shared stems over the shorter passage's stems (set on the dev pairs of
``relay/hedge_drift.jsonl``, ``reportedly eval drift``)."""

_QUOTES = str.maketrans(
    {"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'}
)
_WORD = re.compile(r"[A-Za-z0-9]+(?:[.,][0-9]+)*(?:'[A-Za-z]+)?%?")
_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_STOP = frozenset(
    """a an the and or but nor so yet of to in on at by for with from into onto over under about as
    than then that this these those there here it its it's he she they we you i me him her them us my
    your his their our who whom whose which what when where why how not no is are was were be been
    being am do does did doing done have has had having will would shall should can could may might
    must also just only even still very too more most much many some any all each every both either
    neither other such own same said says say saying told tell tells according claimed claims claim
    added adds reported reports report stated states announced noted wrote mr mrs ms dr if while after
    before since because though although up out off down again further once s t don't didn't doesn't
    isn't wasn't weren't aren't won't can't couldn't wouldn't""".split()
)
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly")
_US_STATES = frozenset(
    """alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii
    idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan
    minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee
    texas utah vermont virginia washington wisconsin wyoming""".split()
)
_PLACE_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+(?:County|Parish|City|Province|State)\b")


@dataclass(frozen=True, slots=True)
class Passage:
    """A passage of one article reduced to what matching reads (see the module doc)."""

    words: tuple[str, ...]
    stems: frozenset[str]
    numbers: frozenset[str]
    places: frozenset[str]


def normal_words(text: str) -> tuple[str, ...]:
    """The words of ``text``, lower-cased, quotes and punctuation normalised away."""
    return tuple(w.lower().replace(",", "") for w in _WORD.findall(text.translate(_QUOTES)))


def _stem(w: str) -> str:
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            return w[: -len(suf)]
    return w


def _number(w: str) -> str | None:
    if w in _NUMBER_WORDS:
        return _NUMBER_WORDS[w]
    core = w.rstrip("%")
    if core.replace(".", "").isdigit():
        return core.lstrip("0") or "0"
    return None


def _places(text: str, words: tuple[str, ...]) -> frozenset[str]:
    found = {m.group(1).lower() for m in _PLACE_BEFORE.finditer(text)}
    found.update(w for w in words if w in _US_STATES)
    joined = " " + " ".join(words) + " "
    found.update(k for k in COUNTRY_WORDS if k and " " + k + " " in joined)
    return frozenset(found)


def passage(text: str) -> Passage:
    """The ``Passage`` of a text (module doc)."""
    words = normal_words(text)
    numbers = frozenset(n for n in map(_number, words) if n is not None)
    stems = frozenset(
        _stem(w.split("'")[0]) for w in words if w not in _STOP and len(w) > 1 and _number(w) is None
    )
    return Passage(words, stems, numbers, _places(text, words))


def contains_run(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Whether ``shorter`` is a contiguous run of ``longer``'s words."""
    n = len(shorter)
    if not n or n > len(longer):
        return False
    first = shorter[0]
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1) if longer[i] == first)


def _conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a and b and not (a <= b or b <= a))


def similarity(a: Passage, b: Passage) -> float:
    """Shared content stems and figures over the shorter passage's (0 when fewer than ``MIN_SHARED`` are shared)."""
    shared = len(a.stems & b.stems) + len(a.numbers & b.numbers)
    if shared < MIN_SHARED:
        return 0.0
    return shared / min(len(a.stems) + len(a.numbers), len(b.stems) + len(b.numbers))


def quoted_in(a: Passage, b: Passage) -> bool:
    """Whether one passage's words are a run of the other's (a verbatim or partial quote)."""
    short, long_ = (a, b) if len(a.words) <= len(b.words) else (b, a)
    if len(short.words) < MIN_QUOTE_WORDS:
        return short.words == long_.words and bool(short.words)
    return contains_run(long_.words, short.words)


def conflicts(a: Passage, b: Passage) -> bool:
    """Whether the two passages state different figures or name different places."""
    return _conflict(a.numbers, b.numbers) or _conflict(a.places, b.places)


def same_claim(a: Passage, b: Passage, quotes_only: bool = False) -> float:
    """How surely ``a`` and ``b`` are one claim: 1.0 for a quote, the paraphrase similarity, or 0."""
    if conflicts(a, b):
        return 0.0
    if quoted_in(a, b):
        return 1.0
    if quotes_only:
        return 0.0
    s = similarity(a, b)
    return s if s >= MIN_OVERLAP else 0.0
