"""The text side of claims across articles: normalising a passage, and deciding whether two passages are one claim.

A passage (a quote, an attributed content, a sentence in the outlet's voice) becomes a ``Passage``:

- ``words``: its words, lower-cased, with punctuation, case and quotation-mark style normalised
  away ("they’re" = "they're"; curly and straight quotes, dashes and ellipses dropped);
- ``stems``: its content words (no function words, no speech verbs), crudely stemmed, so that
  "stepped down as CIA director on Friday" and "resigned Friday" share "friday";
- ``numbers``: the figures it states, typed: a share ("51%", "51 percent"), a year ("y2020") or a
  count ("363,000", "two" → "2"); and ``places``: the places it names in capitals (countries by
  their code, so "Syria's" = "Syrian" = "Damascus"; US states; "X County").

``same_claim(a, b)`` is the decision:

- **verbatim / partial quote**: one passage's words (at least ``MIN_QUOTE_WORDS`` of them) are a
  contiguous run of the other's, after normalisation ("Well, they’re losing their lives
  everywhere in the world," = "Well, they're losing their lives everywhere in the world.");
- **paraphrase**: at least ``MIN_SHARED`` shared content stems, covering at least ``MIN_OVERLAP``
  of the shorter passage's stems;
- and in both cases **no conflict**: when both passages state figures of one kind, one set must
  hold the other (two polls with different figures are two claims; "three states" and "51%" are
  figures of different kinds and do not conflict), and when both name places, one set must hold
  the other (the same sentence about two counties is two claims).

``closeness(a, b)`` ranks the passages that are one claim with a unit (a quote first, then shared
stems over the geometric mean of both sizes, so that a short fragment contained in a long passage
loses to a passage of its own size).  ``coverage(claim, found)`` is the share of a claim's content
that a passage found elsewhere carries (``corpus.relays``: does the credited article carry the
claim?).  ``sentence_spans(text)`` splits a text into rough sentences (not after "Lt.", "Dec.",
"U.S." or an initial).

The limits: the paraphrase test is lexical (synonyms with no shared word, "Trump chose Haspel" vs
"Trump is naming Haspel", match only through the other words they share; two sentences that share
their names but say different things of them, "Pope Francis is a conservative like Benedict XVI
and John Paul II" and "unlike John Paul II and Benedict XVI, Pope Francis has no numeral", match);
a figure written in two ways ("half" vs "50%") is a conflict; short passages (fewer than
``MIN_SHARED`` content words) only ever match as quotes.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass

from ..registry.countries import COUNTRY_WORDS, MAX_WORDS, US_STATES

__all__ = [
    "Passage",
    "closeness",
    "contains_run",
    "coverage",
    "passage",
    "same_claim",
    "sentence_spans",
    "similarity",
    "within_sentences",
]

MIN_QUOTE_WORDS = 5
"""A quote shorter than this (in words) matches only a passage with exactly its words."""
MIN_SHARED = 3
MIN_CLAIM = 6
"""``coverage``: a claim of fewer content stems and figures is too short to be looked for elsewhere."""
MIN_OVERLAP = 0.6
"""Paraphrase: shared stems over the shorter passage's stems (set on the dev pairs of
``relay/hedge_drift.jsonl``, ``reportedly eval drift``: each half of them, by parity, does as well
or better anywhere from 0.55 to 0.62, eval/drift.md)."""

_QUOTES = str.maketrans(
    {"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'}
)
_WORD = re.compile(r"[A-Za-z0-9]+(?:[.,][0-9]+)*(?:['’‘`´][A-Za-z]+)?%?")
"""A word; its apostrophe may be any of ``_QUOTES``' (made straight after: ``_raw_words``)."""
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
_PERCENT = frozenset({"percent", "pct", "percentage", "points"})
_PLACE_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+(?:County|Parish|City|Province|State)\b")
_BIG = 1 << 62
_PLACE_KINDS = ("County", "Parish", "City", "Province", "State")


@dataclass(frozen=True, slots=True)
class Passage:
    """A passage of one article reduced to what matching reads (see the module doc)."""

    words: tuple[str, ...]
    stems: frozenset[str]
    numbers: frozenset[str]
    places: frozenset[str]


def normal_words(text: str) -> tuple[str, ...]:
    """The words of ``text``, lower-cased, quotes and punctuation normalised away."""
    return _normal(_raw_words(text))


def _raw_words(text: str) -> list[str]:
    """The words of ``text`` as written (quote marks made straight)."""
    words: list[str] = _WORD.findall(text)
    # the words are ASCII letters, figures and marks but for an apostrophe: straighten the few that need it
    joined = "\x00".join(words)
    return words if joined.isascii() and "`" not in joined else [w.translate(_QUOTES) for w in words]


def _normal(raw: list[str]) -> tuple[str, ...]:
    # the words are ASCII (``_WORD``): lowering them joined is lowering each, and faster
    return tuple("\x00".join(raw).lower().replace(",", "").split("\x00")) if raw else ()


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


def _figures(words: tuple[str, ...], figures: list[str | None]) -> list[str]:
    """The figures of a passage, typed: "51%" (a share: "51%", "51 percent"), "y2020" (a year), "3" (a count).

    ``figures``: each word's ``_number``."""
    out = []
    for i, n in enumerate(figures):
        if n is None:
            continue
        if words[i].endswith("%") or (i + 1 < len(words) and words[i + 1] in _PERCENT):
            out.append(n + "%")
        elif len(n) == 4 and n.isdigit() and 1800 <= int(n) <= 2100:
            out.append("y" + n)
        else:
            out.append(n)
    return out


def _kind(figure: str) -> str:
    return "%" if figure.endswith("%") else "y" if figure.startswith("y") else "n"


def _places(text: str, raw: list[str]) -> frozenset[str]:
    """Countries (by code: "Syria's" = "Syrian" = "Damascus"), US states and "X County" named in capitals
    (``raw``: the words of ``text`` as ``passage`` found them)."""
    found = (
        {m.group(1).lower() for m in _PLACE_BEFORE.finditer(text)}
        if any(k in text for k in _PLACE_KINDS)
        else set()
    )
    caps = [w.lower().removesuffix("'s") for w in raw if w[:1].isupper()]
    if not caps:
        return frozenset(found)
    found.update(w for w in caps if w in US_STATES)
    for n in range(1, MAX_WORDS + 1):
        for i in range(len(caps) - n + 1):
            code = COUNTRY_WORDS.get(" ".join(caps[i : i + n]))
            if code:
                found.add(code)
    return frozenset(found)


def passage(text: str) -> Passage:
    """The ``Passage`` of a text (module doc)."""
    raw = _raw_words(text)
    words = _normal(raw)
    infos = [_WORDS.get(w) or _word_info(w) for w in words]
    numbers = frozenset(_figures(words, [n for _, n in infos]))
    stems = frozenset(s for s, _ in infos if s is not None)
    return Passage(words, stems, numbers, _places(text, raw))


_WORDS: dict[str, tuple[str | None, str | None]] = {}
"""Each normalised word seen: (its stem when it is a content word, else None; its figure or None)."""
_MAX_WORDS = 500_000
"""``_WORDS`` is emptied when it grows past this (bounded memory on any input)."""


def _word_info(w: str) -> tuple[str | None, str | None]:
    n = _number(w)
    info = (_stem(w.split("'")[0]) if w not in _STOP and len(w) > 1 and n is None else None, n)
    if len(_WORDS) >= _MAX_WORDS:
        _WORDS.clear()
    _WORDS[w] = info
    return info


def contains_run(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Whether ``shorter`` is a contiguous run of ``longer``'s words."""
    n = len(shorter)
    if not n or n > len(longer):
        return False
    first, stop, i = shorter[0], len(longer) - n + 1, -1
    while True:  # each place the first word is, found by ``tuple.index`` (in C)
        try:
            i = longer.index(first, i + 1, stop)
        except ValueError:
            return False
        if longer[i : i + n] == shorter:
            return True


def _conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a and b and not (a <= b or b <= a))


def similarity(a: Passage, b: Passage) -> float:
    """Shared content stems and figures over the shorter passage's (0 when fewer than ``MIN_SHARED`` are shared)."""
    shared = len(a.stems & b.stems) + len(a.numbers & b.numbers)
    if shared < MIN_SHARED:
        return 0.0
    return shared / min(len(a.stems) + len(a.numbers), len(b.stems) + len(b.numbers))


def closeness(a: Passage, b: Passage) -> float:
    """How close two passages that are one claim are, to rank candidates: 1.0 for a quote, else the
    shared stems and figures over the geometric mean of both sizes (a short fragment contained in a
    long passage is one claim with it, but a worse match than a passage of its own size)."""
    if quoted_in(a, b):
        return 1.0
    na, nb = len(a.stems) + len(a.numbers), len(b.stems) + len(b.numbers)
    if not (na and nb):
        return 0.0
    return (len(a.stems & b.stems) + len(a.numbers & b.numbers)) / math.sqrt(na * nb)


def coverage(claim: Passage, found: Passage, ignore: frozenset[str] = frozenset()) -> float:
    """How much of ``claim`` a passage ``found`` elsewhere carries: 1.0 when the claim's words are a
    run of it, else its share of the claim's content stems and figures (``ignore``: stems that do
    not count, such as the credited outlet's name); 0 for a claim of fewer than ``MIN_CLAIM``
    content stems and figures, with fewer than ``MIN_SHARED`` shared, or with conflicting figures
    or places."""
    if conflicts(claim, found):
        return 0.0
    if len(claim.words) >= MIN_QUOTE_WORDS and contains_run(found.words, claim.words):
        return 1.0
    own = (claim.stems - ignore) | claim.numbers
    if len(own) < MIN_CLAIM:
        return 0.0
    shared = len(own & (found.stems | found.numbers))
    return shared / len(own) if shared >= MIN_SHARED else 0.0


def quoted_in(a: Passage, b: Passage) -> bool:
    """Whether one passage's words are a run of the other's (a verbatim or partial quote)."""
    short, long_ = (a, b) if len(a.words) <= len(b.words) else (b, a)
    if len(short.words) < MIN_QUOTE_WORDS:
        return short.words == long_.words and bool(short.words)
    return contains_run(long_.words, short.words)


def conflicts(a: Passage, b: Passage) -> bool:
    """Whether the two passages state different figures of one kind (shares, years, counts) or name different places."""
    if _conflict(a.numbers, b.numbers):  # (else no kind conflicts either: the common case, fast)
        for kind in ("%", "y", "n"):
            fa = frozenset(f for f in a.numbers if _kind(f) == kind)
            fb = frozenset(f for f in b.numbers if _kind(f) == kind)
            if _conflict(fa, fb):
                return True
    return _conflict(a.places, b.places)


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


_SENTENCE_END = re.compile(r"(?<=[.!?])([\"”’')\]]*)\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n+")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr st jr sr lt col gen sen rep gov capt sgt maj adm cmdr cpl pvt prof rev hon pres
    jan feb mar apr jun jul aug sep sept oct nov dec no vs inc corp co ltd bros mt ft ave blvd gov't
    u.s u.k u.n d.c a.m p.m e.g i.e""".split()
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans: a break after ".", "!" or "?" (and closing marks) before a capital, a
    figure or an opening mark, or at a line break; not after a title or month abbreviation ("Lt.",
    "Dec.", "U.S.") or an initial ("John F. Kennedy")."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if "\n" not in m.group() and text[m.start() - 1] == ".":
            word = text[max(start, m.start() - 12) : m.start() - 1].rsplit(None, 1)[-1:] or [""]
            w = word[0].lstrip("(\"“‘'").lower()
            if w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha()):
                continue
        end = m.start() + len(m.group(1) or "")
        if text[start:end].strip():
            out.append((start, end))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return [_trim(text, s, e) for s, e in out]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def within_sentences(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The hull of the sentences (``sentence_spans``) that ``[start, end)`` overlaps (the span itself when none)."""
    i = bisect.bisect_right(spans, (start, _BIG))  # spans[:i] start at or before ``start``
    if i and spans[i - 1][1] > start:
        i -= 1
    j = i
    while j < len(spans) and spans[j][0] < end:
        j += 1
    hit = [(s, e) for s, e in spans[i:j] if s < end and e > start]
    if not hit:
        return start, end
    return min(start, hit[0][0]), max(end, hit[-1][1])
