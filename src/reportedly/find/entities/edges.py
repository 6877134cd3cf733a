"""Where a name's tokens begin and end: the edges of spaCy's entities and the scanners' hits (``mentions``).

``trim`` takes off what no name holds at its edges (a leading "the" or clause opener, punctuation, spaces, a trailing
possessive, a joining word, an acronym's open parenthesis), ``hyphen_rest`` gives back a syllable spaCy cut at a hyphen,
``char_span`` turns a token range into offsets of ``Article.text``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ...model import Span
from ...nlp import Parsed, lowers, offsets, texts
from .lexicon import first_names, lexicon

POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
JOINING = frozenset({"of", "for", "and", "in", "on", "at", "to", "&"})
# The share buttons pasted before a caption ("Facebook Twitter Pinterest Jeff Sessions ...").
_SHARE_BUTTONS = frozenset({"facebook", "twitter", "pinterest", "whatsapp", "email", "linkedin", "reddit", "messenger"})


def is_word(tok: Token) -> bool:
    return _has_alnum(tok.text)


def _has_alnum(word: str) -> bool:
    return any(c.isalnum() for c in word)


def trim(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """Token range without a leading "the" or clause opener ("Since"), leading/trailing punctuation, spaces and a
    trailing possessive, and without an open parenthesis left unclosed at its end and what follows it.

    An entity running on past a possessive into common words ("Clinton's van")
    ends before the possessive.
    """
    words = texts(doc)
    for p in range(s + 1, e - 1):
        if words[p] in POSSESSIVE and not words[p + 1][:1].isupper():
            e = p
            break
    while s < e and (
        lowers(doc)[s] in {"the", "a", "an"}
        or words[s] == "no"  # "no White House official" ("No Labels" is a name)
        or words[s].isspace()
        or not _has_alnum(words[s])
        or words[s] in POSSESSIVE
        or (lowers(doc)[s] in _SUBORDINATORS and doc[s].tag_ in ("IN", "WRB") and s + 1 < e)
    ):
        s += 1
    s = _past_share_buttons(doc, s, e)
    verb = next((p for p in range(s + 1, e) if words[p] in _HEADLINE_VERBS), None)
    if verb is not None:
        e = verb  # "Ottawa Police Say Suspect Is Dead" (a headline spaCy read as one name): the name before the verb
    e = _trailing(words, s, e)
    # an open parenthesis never closed ("National Hurricane Center (NHC" of "... (NHC) said"): the name before it
    opened = next((p for p in range(e - 1, s, -1) if words[p] in "()"), None)
    if opened is not None and words[opened] == "(":
        e = _trailing(words, s, opened)
    return s, e


_SUBORDINATORS = frozenset({"since", "while", "although", "though", "because", "unless", "until", "when", "whereas", "if"})
"""A clause's opening word spaCy may take into the name after it ("Since Forest Service employees are not trained
..."), tagged as a conjunction or a wh-adverb."""


_HEADLINE_VERBS = frozenset(
    "Say Says Said Tells Told Warns Claims Denies Confirms Urges Vows Slams Blasts Accuses Insists Must Should".split()
)
"""Capitalised reporting verbs and modals of a headline or a slogan ("Jackie Lacey Must Go"), never a word of a name
("Report" is: "The Drudge Report")."""


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)|(?:Fir|Seco|Thi|Four|Fif|Six|Seven|Eigh|Nin|Ten|Eleven|Twelf)(?:st|nd|rd|th)")


def with_ordinal(doc: Doc, s: int, label: str) -> int:
    """The start of a body's name with the ordinal right before it, which spaCy may leave out ("the 2nd U.S. Circuit
    Court of Appeals" and "the 7th ..." were then one court); a spelled-out one not opening a sentence ("Second")."""
    if label == "PERSON" or s == 0 or not _ORDINAL.fullmatch(word := doc[s - 1].text):
        return s
    return s if word[0].isalpha() and doc[s - 1].is_sent_start else s - 1


def _trailing(words: list[str], s: int, e: int) -> int:
    """The end of ``[s, e)`` without trailing spaces, punctuation, possessives and joining words."""
    while e > s and (
        words[e - 1].isspace()
        or words[e - 1] in POSSESSIVE
        or not _has_alnum(words[e - 1])
        or words[e - 1] in JOINING
        or words[e - 1] == "the"
    ):
        e -= 1
    return e


def hyphen_rest(doc: Doc, e: int) -> int:
    """End of a name spaCy cut at a hyphen inside a word: "Moon Jae" of "Moon Jae-in", "Kim Yo" of "Kim Yo-jong"
    (a short syllable; not "Bill Clinton-backed", "Trump-led")."""
    if (
        e + 1 < len(doc) and doc[e].text == "-" and not doc[e - 1].whitespace_ and not doc[e].whitespace_
        and doc[e + 1].is_alpha and len(doc[e + 1].text) <= 4 and doc[e + 1].lower_ not in _HYPHEN_SUFFIXES
    ):
        return e + 2
    return e


def surname_after_given(doc: Doc, s: int, e: int) -> int:
    """End of a person's name spaCy cut after its given names: "Hannah Jane" of "Hannah Jane Parkinson" (the surname
    untagged): one capitalised proper noun more, in no entity, neither a given name nor followed by another."""
    if e >= len(doc) or not doc[e - 1].whitespace_ or not all(lowers(doc)[k] in first_names() for k in range(s, e)):
        return e
    nxt = doc[e]
    if (
        nxt.tag_ == "NNP" and nxt.ent_type_ == "" and nxt.text.isalpha() and nxt.text[:1].isupper() and nxt.text[1:].islower()
        and lowers(doc)[e] not in first_names() and not lexicon().is_title_word(nxt.text)  # (not "Marie Claire Editor-in-Chief")
        and not (e + 1 < len(doc) and (doc[e + 1].tag_ in ("NNP", "NNPS") or not nxt.whitespace_))
    ):
        return e + 1
    return e


_APOSTROPHE_NAME = re.compile(r"(?:O|D|L)['’][A-Z][a-z]+")


def apostrophe_surname(doc: Doc, e: int) -> int:
    """End of a person's name spaCy cut before a surname with an apostrophe: "Ford" of "Ford O’Connell" (the
    surname a common noun to spaCy)."""
    if e < len(doc) and doc[e - 1].whitespace_ and _APOSTROPHE_NAME.fullmatch(doc[e].text):
        return e + 1
    return e


_HYPHEN_SUFFIXES = frozenset({"led", "era", "run", "ish", "type", "like", "born", "made", "held", "free", "wide", "owned", "up"})


def _past_share_buttons(doc: Doc, s: int, e: int) -> int:
    """Start past a run of share buttons that opens the entity, when the run has two or more buttons
    (counting the ones just before it) and a capitalised word follows: "Twitter Pinterest Jeff Sessions"
    after "Facebook" is Jeff Sessions; "Twitter CEO Jack Dorsey" keeps Twitter."""
    low = lowers(doc)
    p = s
    while p < e - 1 and low[p] in _SHARE_BUTTONS:
        p += 1
    if p == s or not texts(doc)[p][:1].isupper():
        return s
    before = 0
    while s - before - 1 >= 0 and low[s - before - 1] in _SHARE_BUTTONS:
        before += 1
    return p if p - s + before >= 2 else s


def char_span(parsed: Parsed, seg: int, doc: Doc, s: int, e: int) -> Span:
    """Article offsets of tokens ``[s, e)``, a possessive glued to the last token left out."""
    base = parsed.segments[seg].start
    idx = offsets(doc)
    start = base + idx[s]
    last = texts(doc)[e - 1]
    end = base + idx[e - 1] + len(last)
    if len(last) > 2 and last[-2:] in {"'s", "’s"}:
        end -= 2
    return start, end
