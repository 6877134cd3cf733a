"""Roles of a named person as the article writes them.

Three constructions, all read from tokens (part-of-speech tags and the
dependency parse are used when the doc has them, never required):

- a title before the name: "Foreign Minister Choe Son-hui", "North Korean
  leader Kim Jong Un", "Boeing's spokesman William Barksdale";
- an apposition after it: "Hong Min, a senior analyst at the Korea Institute
  for National Unification, told ..." (the article "a"/"an"/"the" is left out);
- a simple relative clause: "X, who heads the Kremlin press office" (role
  "heads the Kremlin press office"), "X, who is the head of Y" ("head of Y").

A phrase counts as a role only when its head word is in the title lists
(``find/data/person_titles.txt``): "Tearful Kim Jong Un" gives no role.
Limits: roles in other sentences ("X is the head of Y.") and roles that the
lists do not know are missed.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...nlp import lowers, texts
from .lexicon import Lexicon, word_key
from .name_words import BODY_HEADS

# Entity types whose tokens never belong to a title.
_NOT_TITLE_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# Tags of words that can make up a title before a name ("Russian Culture Minister").
_TITLE_TAGS = frozenset({"NNP", "NNPS", "NN", "NNS", "JJ", "JJR", "JJS", "POS", "HYPH", "AFX"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_ARTICLES = frozenset({"a", "an", "the"})
# Where an apposition ends.
_APPOS_END = frozenset(
    {",", ".", ";", ":", "(", ")", "[", "]", "—", "–", "--", "!", "?", '"', "“", "”", "''", "``"}
)
_APPOS_STOP_WORDS = frozenset({"who", "which", "that", "whose", "where", "when", "said", "says", "told"})
# Words after which an apposition's head phrase gives way to its complement.
_PREPS = frozenset(
    {"at", "for", "of", "in", "on", "with", "from", "to", "since", "under", "and", "or", "within"}
)
# "X, who heads Y": verbs whose object phrase is the role, written with the verb.
_ROLE_VERBS = frozenset(
    {
        "heads", "headed", "leads", "led", "chairs", "chaired", "runs", "ran", "directs", "directed",
        "oversees", "oversaw", "founded", "co-founded", "represents", "represented", "commands",
        "commanded", "manages", "managed",
    }
)  # fmt: skip
# "X, who is the head of Y": copulas after which the phrase is an apposition.
_COPULAS = (
    ("is",),
    ("was",),
    ("'s",),
    ("has", "been"),
    ("had", "been"),
    ("became",),
    ("serves", "as"),
    ("served", "as"),
)
_MAX_APPOS = 25
"""Longest apposition taken, in tokens: chosen by hand (not tuned) so that a missing closing comma
does not turn the rest of a sentence into a role."""


@dataclass(frozen=True)
class Roles:
    """Roles found around one name: token ranges ``(start, end)`` in the doc."""

    spans: tuple[tuple[int, int], ...] = ()
    person: bool = False
    """True when the context shows the name is a person's (a person title or "Mr.")."""


def _has(doc: Doc, attr: str) -> bool:
    return bool(doc.has_annotation(attr))


def _is_word(tok: Token) -> bool:
    return any(c.isalnum() for c in tok.text)


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _of_phrase_start(doc: Doc, i: int, lex: Lexicon) -> int | None:
    """If tokens ending at ``i`` are "<head> of|for <object words>", the index of the head."""
    if lowers(doc)[i] in {"the", "and"}:
        return None  # "President of the United States": the name is the title's object
    j = i
    while j >= 0 and word_key(texts(doc)[j]) in lex.objects and lowers(doc)[j] not in {"of", "for"}:
        j -= 1
    if j == i or j < 1 or lowers(doc)[j] not in {"of", "for"}:
        return None
    head = doc[j - 1]
    return j - 1 if word_key(head.text) in lex.heads or word_key(head.text) in lex.ranks else None


def _attached(doc: Doc, i: int, lo: int, name_start: int, name_end: int, listed: set[int]) -> bool:
    """Whether token ``i``'s chain of heads reaches the name, or a listed title word in ``[lo, name_start)``."""
    tok = doc[i]
    for _ in range(12):
        h = tok.head
        if name_start <= h.i < name_end or h.i in listed:
            return True
        if h.i == tok.i or not lo <= h.i < name_start:
            return False
        tok = h
    return False


def _title_left(doc: Doc, end: int, name_start: int, name_end: int, lex: Lexicon) -> int:
    """Start of the run of title words ending at token ``end`` (exclusive); ``end`` when there is none.

    Listed words (titles, modifiers, "X of Y" titles), possessives and hyphens
    are taken as they are.  Other words need the right tag (noun, adjective,
    proper noun; without tags: capitalised) and, when the doc has a parse, a
    chain of heads reaching the name or a listed title word in the run
    ("showed dictator Kim": "showed" is not taken).
    """
    has_tag = _has(doc, "TAG")
    has_dep = _has(doc, "DEP")
    has_sent = _has(doc, "SENT_START") or has_dep
    left = end
    listed: set[int] = set()
    i = end - 1
    while i >= 0:
        if has_sent and doc[i + 1].is_sent_start:
            break
        t = doc[i]
        key = word_key(t.text)
        if t.text.isspace() or t.ent_type_ in _NOT_TITLE_ENTS:
            break
        of_start = _of_phrase_start(doc, i, lex)
        if of_start is not None:
            listed.update(range(of_start, i + 1))
            left = i = of_start
            i -= 1
            continue
        if t.text in _POSSESSIVE or (
            t.text in {"-", "–"} and not t.whitespace_ and i > 0 and not doc[i - 1].whitespace_
        ):
            ok = i > 0 and _is_word(doc[i - 1])
        elif key in lex.heads or key in lex.ranks or key in lex.honorifics or key in lex.modifiers:
            ok = True
            listed.add(i)
        elif key == "and":
            # "CEO and co-founder", "president and chief executive"
            ok = i > 0 and word_key(texts(doc)[i - 1]) in lex.heads and left == i + 1
        elif has_tag:
            ok = t.tag_ in _TITLE_TAGS or (t.tag_ in {"VBN", "VBG"} and i > 0 and texts(doc)[i - 1] == "-")
            if ok and has_dep:
                ok = _attached(doc, i, i + 1, name_start, name_end, listed)
        else:
            ok = t.text.isalpha() and _capitalised(t)
        if not ok:
            break
        left = i
        i -= 1
    while left < end and (
        texts(doc)[left] in _POSSESSIVE
        or not _is_word(doc[left])
        or lowers(doc)[left] in {"of", "for", "the", "and"}
    ):
        left += 1
    return left


_LEANINGS = frozenset({"conservative", "liberal", "progressive", "independent", "libertarian", "socialist"})
"""Title words for a person's politics that are adjectives too ("the conservative Heritage Foundation")."""


def title_before(doc: Doc, name_start: int, name_end: int, lex: Lexicon) -> Roles:
    """The title written right before the name at tokens ``[name_start, name_end)``.

    "USAF's chief of staff General Duncan McNab" gives two roles ("USAF's chief
    of staff", "General"); "Mr." gives no role but marks a person.
    """
    left = _title_left(doc, name_start, name_start, name_end, lex)
    if left >= name_start:
        return Roles()
    last = word_key(texts(doc)[name_start - 1])
    if (
        doc[name_start - 1].tag_ == "JJ" and texts(doc)[name_start - 1].islower()
        and (last in _LEANINGS or doc[name_start].ent_type_ not in ("PERSON", ""))
    ):
        # "The conservative Americans for Tax Reform", "The official Times twitter account": an adjective, not a title
        # ("former USAF official Darleen Druyun": a person's)
        return Roles()
    if last in _LEANINGS and any(lowers(doc)[j] in BODY_HEADS for j in range(name_start, name_end)):
        return Roles()  # "The Socialist Youth Union of Brazil": a body's name, not a socialist named "Youth Union"
    of_title = _of_phrase_start(doc, name_start - 1, lex)
    if not (
        last in lex.heads
        or last in lex.ranks
        or last in lex.honorifics
        or (of_title is not None and of_title >= left)
    ):
        return Roles()
    # Honorifics ("Mr.") are not roles.
    end = name_start
    while end > left and word_key(texts(doc)[end - 1]) in lex.honorifics:
        end -= 1
    if end == left:
        return Roles(person=True)
    if end < name_start:
        # "Image caption Mr Trump": what precedes "Mr" must itself end in a title.
        before = word_key(texts(doc)[end - 1])
        if not (
            before in lex.heads or before in lex.ranks or _of_phrase_start(doc, end - 1, lex) is not None
        ):
            return Roles(person=True)
    # A run of capitalised ranks after another title is a role of its own.
    r = end
    while r > left and word_key(texts(doc)[r - 1]) in lex.ranks and _capitalised(doc[r - 1]):
        r -= 1
    # Split only where the titles are plainly two: after "X of Y" ("chief of
    # staff General") or before an abbreviated rank ("Majority Leader Sen.");
    # "Attorney General" and "Supreme Leader Ayatollah" stay one role.
    split = _of_phrase_start(doc, r - 1, lex) is not None or texts(doc)[r].endswith(".")
    if left < r < end and split and any(word_key(texts(doc)[j]) in lex.heads for j in range(left, r)):
        rest = r
        while rest > left and (texts(doc)[rest - 1] in _POSSESSIVE or not _is_word(doc[rest - 1])):
            rest -= 1
        return Roles(((left, rest), (r, end)), person=True)
    return Roles(((left, end),), person=True)


_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our"})


def title_before_comma(doc: Doc, name_start: int, name_end: int, lex: Lexicon) -> Roles:
    """A title set off before the name: "The bank's CEO, Ken Lewis, said" -> "bank's CEO"; "The foreign minister of
    France, Jean Dupont," -> "foreign minister of France".

    The title must start after a determiner or at the start of a sentence and
    end in a title word, and the name must be followed by a comma.
    """
    comma = name_start - 1
    if comma < 1 or texts(doc)[comma] != "," or name_end >= len(doc) or texts(doc)[name_end] != ",":
        return Roles()
    if word_key(texts(doc)[comma - 1]) in lex.heads:
        end: int | None = comma
    elif any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in doc[name_start:name_end]):
        return Roles()  # "the former mayor of Newark, New Jersey, Cory Booker": a place set off, no person
    else:
        end = _of_a_name(doc, comma, lex)
    if end is None:
        return Roles()
    left = _title_left(doc, end, name_start, name_end, lex)
    if left >= end:
        return Roles()
    has_sent = _has(doc, "SENT_START") or _has(doc, "DEP")
    before = doc[left - 1] if left > 0 else None
    opens = before is None or (has_sent and bool(doc[left].is_sent_start))
    if not opens and (before is None or before.text.lower() not in _DETERMINERS):
        return Roles()
    return Roles(((left, comma),), person=True)


def _of_a_name(doc: Doc, comma: int, lex: Lexicon) -> int | None:
    """The "of" of a title whose object is a name, ending at ``comma`` ("The foreign minister of France, Jean Dupont,":
    the title words end at "of"), else None."""
    words = texts(doc)
    k = comma - 1
    while k > max(0, comma - 7) and (words[k][:1].isupper() or words[k] in ("the", "'s", "’s")) and words[k] != "of":
        k -= 1
    if k == comma - 1 or k < 1 or words[k] != "of" or not words[comma - 1][:1].isupper():
        return None
    return k if word_key(words[k - 1]) in lex.heads else None


def _is_verb(tok: Token) -> bool:
    return tok.tag_.startswith("VB") or tok.tag_ == "MD"


def _phrase_end(doc: Doc, start: int) -> int | None:
    """End of the noun phrase starting at ``start``, or None when it does not end cleanly."""
    has_tag = _has(doc, "TAG")
    has_sent = _has(doc, "SENT_START") or _has(doc, "DEP")
    end = start
    while end < len(doc) and end - start < _MAX_APPOS:
        t = doc[end]
        if t.text.isspace() or t.text in _APPOS_END or t.text.lower() in _APPOS_STOP_WORDS:
            break
        if end > start and has_sent and t.is_sent_start:
            break
        if (
            has_tag
            and _is_verb(t)
            and not (t.tag_ in {"VBN", "VBG"} and end > start and texts(doc)[end - 1] == "-")
        ):
            break
        end += 1
    if end == start or end - start >= _MAX_APPOS:
        return None
    return end


def _head_index(doc: Doc, start: int, end: int) -> int:
    """The last word before the phrase's first preposition: its head noun."""
    j = start
    while j < end and not (j > start and lowers(doc)[j] in _PREPS):
        j += 1
    return j - 1


def _person_np(doc: Doc, start: int, end: int, lex: Lexicon, name_start: int, name_end: int) -> bool:
    h = _head_index(doc, start, end)
    if word_key(texts(doc)[h]) not in lex.heads:
        return False
    if _has(doc, "DEP"):
        # The parse must agree that the phrase describes the name.
        head = doc[h]
        return (
            # (not an apposition of a person named before, when the name is a place's or a body's: "Kim Jong Il, general
            # secretary of the Workers' Party of Korea, chairman of the ...": his, not the party's)
            (head.dep_ in {"appos", "attr"} and not (head.head.i < name_start and head.head.ent_type_ == "PERSON" and _no_person(doc, name_start, name_end)))
            or name_start <= head.head.i < name_end
            or any(name_start <= t.head.i < name_end and t.dep_ == "appos" for t in doc[start:end])
        )
    return True


def _no_person(doc: Doc, name_start: int, name_end: int) -> bool:
    """Whether spaCy calls the name a place, or it holds a word of a body's name ("Party", "Committee")."""
    return doc[name_start].ent_type_ in ("GPE", "LOC", "FAC") or any(word_key(t.text) in _BODY_WORDS for t in doc[name_start:name_end])


_BODY_WORDS = frozenset(
    "party committee council commission army assembly union association ministry department government league "
    "federation front organization organisation bureau agency court senate congress parliament".split()
)


def role_after(
    doc: Doc, name_start: int, name_end: int, lex: Lexicon, *, organisation: bool = False
) -> Roles:
    """The apposition or simple relative clause after the name at ``[name_start, name_end)``.

    For organisations (``organisation=True``) an apposition that starts with an
    article or a possessive and ends in a common noun is a description ("the
    Korea Institute ..., a state-run think tank,") when the doc has tags.
    """
    j = name_end
    n = len(doc)
    if j + 1 >= n or texts(doc)[j] != ",":
        return Roles()
    k = j + 1
    if k + 1 < n and texts(doc)[k].isdigit() and texts(doc)[k + 1] == ",":  # age: "Schiff, 56, who ..."
        k += 2
    if k >= n:
        return Roles()
    if lowers(doc)[k] == "who" and not organisation:
        return _relative(doc, k + 1, lex, name_start, name_end)
    if lowers(doc)[k] in ("or", "and", "nor", "but"):
        return Roles()  # "President Trump, or any political candidate,": another party, no role
    det = lowers(doc)[k] in _ARTICLES
    start = k + 1 if det else k
    if start >= n:
        return Roles()
    end = _phrase_end(doc, start)
    if end is None or _in_list(doc, start, end, lex):
        return Roles()
    if not organisation:
        if _person_np(doc, start, end, lex, name_start, name_end):
            return Roles(((start, end),), person=True)
        return Roles()
    possessive = start + 1 < end and texts(doc)[start + 1] in _POSSESSIVE
    head = doc[_head_index(doc, start, end)]
    if _has(doc, "TAG") and (det or possessive) and head.tag_ in {"NN", "NNS"}:
        if _has(doc, "DEP") and head.dep_ != "appos" and not name_start <= head.head.i < name_end:
            return Roles()
        return Roles(((start, end),))
    return Roles()


def _in_list(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """A phrase that is one item of a list ("X, the chief of A, the secretary of B and other people").

    "X, a spokesman for Y, the main union in France" is not a list: the next
    phrase names no person's role.
    """
    words = lowers(doc)[start:end]
    if any(a == "and" and b in {"other", "the", "a", "an"} for a, b in itertools.pairwise(words)):
        return True
    if not (end + 1 < len(doc) and texts(doc)[end] == ","):
        return False
    nxt = lowers(doc)[end + 1]
    if nxt in {"and", "or"}:
        return True
    if nxt not in _ARTICLES:
        return False
    s2 = end + 2
    e2 = _phrase_end(doc, s2) if s2 < len(doc) else None
    return e2 is not None and word_key(texts(doc)[_head_index(doc, s2, e2)]) in lex.heads


def _relative(doc: Doc, k: int, lex: Lexicon, name_start: int, name_end: int) -> Roles:
    n = len(doc)
    if k >= n:
        return Roles()
    if lowers(doc)[k] in _ROLE_VERBS:
        end = _phrase_end(doc, k + 1)
        if end is None:
            return Roles()
        return Roles(((k, end),), person=True)
    for cop in _COPULAS:
        if tuple(t.text.lower().replace("’", "'") for t in doc[k : k + len(cop)]) == cop:
            s = k + len(cop)
            if s < n and lowers(doc)[s] in {"also", "now", "still"}:
                s += 1
            if s < n and lowers(doc)[s] in _ARTICLES:
                s += 1
            if s >= n:
                return Roles()
            end = _phrase_end(doc, s)
            # "who is a leader who ...": a description, not a position.
            if end is None or (end < n and lowers(doc)[end] in {"who", "that", "which"}):
                return Roles()
            h = _head_index(doc, s, end)
            if word_key(texts(doc)[h]) in lex.heads:
                return Roles(((s, end),), person=True)
            return Roles()
    return Roles()
