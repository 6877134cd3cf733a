"""Name mentions in parsed segments: spaCy's entities, trimmed and retyped, plus gazetteer hits.

A ``Mention`` is one occurrence of a name: its exact span in ``Article.text``
(without a leading "the", a trailing possessive "'s" or punctuation, and
without the titles in front of it) and a first guess at its kind.  Kinds are
fixed per entity later, from all its mentions (``clusters``).

Fixes to the small English model's usual errors:
- names in the outlet registry are typed from it (news and social media are
  outlets), whatever spaCy called them ("Yonhap" tagged PERSON), and cut to
  the name itself ("state media KCNA" -> "KCNA"); registry outlets spaCy
  missed are found with ``Registry.find``;
- government bodies (``find/data/government.txt``) are ``government``;
- titles inside a PERSON entity are cut off the name ("Foreign Minister Choe
  Son-hui" -> "Choe Son-hui") and ORG entities that are only a title
  ("Supreme Commander") are dropped;
- nationality adjectives (NORP "North Korean") are dropped; plural nouns
  ("Democrats") are kept as groups;
- what a name's own words show (``name_words``): Korean names spaCy cut short are whole again ("Ryong Hae" ->
  "Choe Ryong Hae"), names it tagged PERSON that end in "Stadium", "University" ... are places and
  organisations, "Rapuk-dong" a place; those it tagged ORG that name a text ("Moscow Declaration") and
  doctrines ("Juche", "Songun Politics") are no entity;
- what spaCy ran together is cut apart: "Clinton's van" -> "Clinton",
  "Elliot Management's Paul Singer" (PERSON) -> "Elliot Management" and
  "Paul Singer", "Ebola the White House" -> "White House".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ...model import Span
from ...nlp import Parsed, lowers, offsets, texts
from ...registry import Outlet, Registry, country_of
from .edges import (
    JOINING,
    POSSESSIVE,
    apostrophe_surname,
    char_span,
    hyphen_rest,
    is_word,
    surname_after_given,
    trim,
    with_ordinal,
)
from .lexicon import Lexicon, first_names, name_key, word_key
from .name_words import (
    ASKING,
    BODY_HEADS,
    MEMBERS_BY_ABBREVIATION,
    MONTHS_SHORT,
    NUMBER_LABELS,
    PARTY_TAG,
    capitalised_adjective,
    given_name_before,
    korean_name,
    lowered_word,
    named_for,
    names_a_doctrine,
    names_a_text,
    nonperson_label,
    person_by_given_name,
    place_then_person,
    sentence_initial,
    time_zone,
)

LABEL_KINDS = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}
"""spaCy labels kept, with the kind they suggest.  Other labels (dates, works of art ...) are not entities here."""

# Labels whose entities may still be outlets or governments under another name.
_RECHECKED = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
_GOV_EXCLUDE = frozenset(
    {
        "news",
        "press",
        "media",
        "international",
        "world",
        "global",
        "united",
        "european",
        "un",
        "u.n.",
        "nations",
    }
)
"""Words that make a name with "Agency", "Court" ... an outlet or an international body, not a government."""
_REGISTRY_KINDS = {
    "state_media": "outlet",
    "news_agency": "outlet",
    "public_broadcaster": "outlet",
    "outlet": "outlet",
    "social_media": "outlet",
    "organization": "organization",
    "government": "government",
    "person": "person",
}
"""Entity kind of a registry row's type (rows of type ``unknown`` are not used)."""


@dataclass
class Mention:
    """One occurrence of a name in a segment (mutable while the finder works on it)."""

    seg: int
    tok_start: int
    tok_end: int
    start: int
    end: int
    label: str
    """spaCy label, or REGISTRY / GOVERNMENT (scan), FOUND (recovered later)."""
    kind: str
    outlet: str | None = None
    """Name of the registry row this mention names (an outlet, or a person, organisation ... listed there)."""
    government: bool = False
    person: bool = False
    """Context shows a person (a person title, "Mr.", an apposition like "a senior analyst")."""
    roles: list[Span] = field(default_factory=list)
    name: str = ""
    """The mention's text, whitespace collapsed."""
    kin: bool = False
    """Written right after a kinship word ("his father, Frederick Trump"): a relative of someone named before."""
    attributive: bool = False
    """The name only modifies a noun ("Trump's order", "the Trump travel ban"), where spaCy often calls a person an
    organisation: its kind decides only a tie of the others (``clusters.cluster_kind``)."""
    called_body: bool = False
    """Written right after a noun that says it is a body ("the security firm SecureWorks": ``retype.bodies_by_noun``):
    the entity is an organisation unless another mention shows a person."""
    addressed: str | None = None
    """ "m" or "f" when an honorific of one sex is written right before ("Mr. Obama", "Mrs. Clinton"): a surname so
    addressed is no short form of a full name whose given name is the other sex's (``clusters.cluster``)."""

    @property
    def span(self) -> Span:
        return (self.start, self.end)


_KIN = frozenset({"son", "daughter", "wife", "husband", "widow", "spouse", "granddaughter", "grandson", "nephew", "niece"})
"""Kin words among the role heads: written capitalised inside a name they are part of it ("Ro Son Nam"), not a
title ("Mother Teresa" and "Brother Ali" are religious titles and stay out of this list)."""


_GIVEN_NAME_TITLES = frozenset({"dean", "earl", "major"})
"""Title words that are given names too ("Dean Baker", "Earl Blumenauer", "Major Garrett")."""


NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
"""Generational suffixes closing a name ("Donald Trump Jr.", "Mark A. Welsh III")."""


def strip_titles(doc: Doc, s: int, e: int, lex: Lexicon) -> int:
    """New start of a person name whose entity begins with a title ("Foreign Minister Choe Son-hui").

    The name keeps at least one capitalised word; "John Major" keeps "Major".
    """
    best = s
    for p in range(s + 1, e):
        if not texts(doc)[p][:1].isupper() or all(word_key(w) in NAME_SUFFIXES for w in texts(doc)[p:e] if w != "."):
            continue  # (nor a generational suffix alone: "Martin Luther King Jr." is no king named "Jr.")
        prev = doc[p - 1]
        k = word_key(prev.text)
        if (k in lex.heads or k in lex.ranks or k in lex.honorifics) and not (
            k in _KIN and prev.text[:1].isupper()
        ):
            best = p
            continue
        # "Secretary of State Mike Pompeo": "<title> of <object words>"
        j = p - 1
        while j > s and word_key(texts(doc)[j]) in lex.objects and lowers(doc)[j] not in {"of", "for"}:
            j -= 1
        if j < p - 1 and j > s and lowers(doc)[j] in {"of", "for"}:
            hk = word_key(texts(doc)[j - 1])
            if hk in lex.heads or hk in lex.ranks:
                best = p
    if best == s or texts(doc)[best] in POSSESSIVE:
        return s
    if best == s + 1 and e - best == 1 and lowers(doc)[s] in _GIVEN_NAME_TITLES and texts(doc)[s][1:].islower():
        return s  # a title word that is a given name before one surname: "Dean Baker", not the dean Baker
    # Everything before the name must read as a title: title words, modifiers,
    # capitalised words ("Russian Culture Minister"), possessives, hyphens.
    for t in doc[s:best]:
        k = word_key(t.text)
        if not (
            k in lex.heads
            or k in lex.ranks
            or k in lex.honorifics
            or k in lex.modifiers
            or k in lex.objects
            or t.text in POSSESSIVE
            or not is_word(t)
            or t.text[:1].isupper()
            or t.text.lower() in {"of", "for"}
        ):
            return s
    return best


def _title_object(doc: Doc, s: int, e: int, lex: Lexicon) -> bool:
    """ "Defense" in "the Secretary of Defense": the rest of a title, not an organisation."""
    if s < 2 or lowers(doc)[s - 1] not in {"of", "for"}:
        return False
    head = word_key(texts(doc)[s - 2])
    return (head in lex.heads or head in lex.ranks) and all(word_key(t.text) in lex.objects for t in doc[s:e])


def _person_shaped(doc: Doc, s: int, e: int) -> bool:
    """Two or three capitalised words and nothing else, not ending in an organisation's or a place's word: "Sean
    Rameswaram", not "Motors", "Electric Company" or "Senatorial Committee"."""
    words = [t.text for t in doc[s:e]]
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words) and nonperson_label(words) is None


def is_government(name: str, lex: Lexicon, text: str = "") -> bool:
    """A government body by name ("Kremlin", "FBI") or by a name word ("Unification Ministry"); ``text``, the
    article's, for acronyms written as words (``Lexicon.government_name``)."""
    if lex.government_name(name, text):
        return True
    words = name.replace("’", "'").split()
    padded = " " + " ".join(words) + " "
    if {w.lower() for w in words} & _GOV_EXCLUDE - ({"united"} if re.search(r" United (?:States|Kingdom) ", padded) else set()):
        return False  # (not "United Nations", "World Bank"; "United States Court of Appeals" is a state's)
    return any(" " + w + " " in padded for w in lex.government_words) or _HOUSE_PANEL.match(" ".join(words)) is not None


_HOUSE_PANEL = re.compile(r"(?:[Tt]he )?(?:U\.S\. )?House (?:[A-Z][\w&'-]*,? (?:and )?){0,5}(?:Committee|Subcommittee)\b")
"""A committee of the House of Representatives ("House Appropriations Committee"; "House" alone is no government word:
"Haunted House")."""


def _title_before_name(doc: Doc, s: int, e: int, lex: Lexicon) -> bool:
    """A "person" that is only a title written before the name: "Sgt" in "Waco police Sgt. W. Patrick Swanton"."""
    for t in doc[s:e]:
        k = word_key(t.text)
        if not (k in lex.heads or k in lex.ranks or k in lex.honorifics):
            return False
    words = texts(doc)
    n = e
    while n < len(doc) and words[n] == ".":
        n += 1
    return n < len(doc) and words[n][:1].isupper() and is_word(doc[n])


def is_title_only(doc: Doc, s: int, e: int, lex: Lexicon) -> bool:
    """An entity that is only a title ("Supreme Commander", "Foreign Minister")."""
    last = word_key(texts(doc)[e - 1])
    if not (last in lex.heads or last in lex.ranks):
        return False
    return e - s <= 3


def registry_mention(si: int, s: int, e: int, start: int, end: int, label: str, o: Outlet) -> Mention:
    """A mention of a registry row, typed from the row."""
    kind = _REGISTRY_KINDS[o.type]
    return Mention(
        si,
        s,
        e,
        start,
        end,
        label,
        kind,
        outlet=o.name,
        government=kind == "government",
        person=kind == "person",
    )


def _registry_row(registry: Registry, name: str) -> Outlet | None:
    o = registry.match(name)
    return o if o is not None and o.type in _REGISTRY_KINDS else None


def _split_inner(doc: Doc, s: int, e: int, label: str) -> tuple[int, int, tuple[int, int] | None]:
    """Where spaCy ran two names together: the name's new range, and a possessor's range if any."""
    for p in range(s + 1, e - 1):
        if texts(doc)[p] == "the" and lowers(doc)[p - 1] not in JOINING:
            s = p + 1
            break
    for p in range(s + 1, e - 1):
        if texts(doc)[p] in POSSESSIVE and texts(doc)[p + 1][:1].isupper() and (
            label == "PERSON" or (label == "ORG" and person_by_given_name(texts(doc)[p + 1 : e]))
        ):  # ("Human Rights Campaign’s Fred Sainz", one ORG to spaCy: the person is an ORG's split)
            return p + 1, e, (s, p)
    return s, e, None


_PARTY_MEMBERS = frozenset("democrat democrats republican republicans conservative conservatives tory tories".split())
_RANK_WORDS = frozenset("senior chief deputy acting interim executive managing associate assistant lead principal special top".split())
_NEWS_WORDS = frozenset({"news", "times", "post", "journal", "tribune", "herald", "magazine", "review", "radio", "tv"})


def _journalist(parsed: Parsed, si: int, doc: Doc, s: int, e: int, registry: Registry) -> tuple[int, int, tuple[int, int] | None]:
    """A person after a news outlet's possessive inside one ORG entity ("NPR’s Cokie Roberts", "Wall Street Journal’s
    Shane Harris"): the person's range and the outlet's, when the outlet is in the registry or ends in a news word
    and the rest is two or three capitalised words that are no organisation's or place's name."""
    words = texts(doc)
    for p in range(s + 1, e - 2):
        if words[p] not in POSSESSIVE:
            continue
        if not (2 <= e - p - 1 <= 3 and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words[p + 1 : e])):
            return s, e, None
        if nonperson_label(words[p + 1 : e]) is not None:
            return s, e, None
        a, b = char_span(parsed, si, doc, s, p)
        outlet = _registry_row(registry, parsed.text[a:b])
        if (outlet is None or _REGISTRY_KINDS[outlet.type] != "outlet") and word_key(words[p - 1]) not in _NEWS_WORDS:
            return s, e, None
        return p + 1, e, (s, p)
    return s, e, None


def ner_mentions(parsed: Parsed, registry: Registry, lex: Lexicon) -> Iterator[Mention]:
    """Mentions from spaCy's entities, trimmed, retyped and cut free of titles."""
    text = parsed.text
    for si, seg in enumerate(parsed.segments):
        doc = seg.doc
        has_tag = doc.has_annotation("TAG")
        for ent in doc.ents:
            label = ent.label_
            if label not in LABEL_KINDS and label not in _RECHECKED:
                continue
            s, e = trim(doc, ent.start, ent.end)
            while label == "ORG" and e - s > 2 and lowers(doc)[e - 1] in _RANK_WORDS and texts(doc)[e : e + 1] and texts(doc)[e][:1].isupper():
                e -= 1  # "Fox News Senior Meteorologist Janice Dean": the rank word opens the person's title
            if s >= e:
                continue
            s = with_ordinal(doc, s, label)
            if label in ("PRODUCT", "WORK_OF_ART") and e - s == 2 and person_by_given_name(texts(doc)[s:e]):
                label = "PERSON"  # "Ivanka Trump said" (a product or a work to spaCy, by her brand): a given name, a surname
            if label == "PERSON" and e - s >= 2 and _participle(doc, s):
                s += 1  # "Surprised Obama wasn't working the room": a participle opening the sentence
            if label == "PERSON" and e - s >= 3 and lowers(doc)[s + 1] in first_names() and (
                texts(doc)[s] in ASKING or (s > 0 and lowers(doc)[s - 1] == "of" and lowers(doc)[s] not in first_names())
            ):  # "'Will Bill Barr be brave ...?'": a question's verb; "Minister of Culture Jack Lang": the title's object
                s += 1
            if label == "PERSON" and e - s >= 3 and lowers(doc)[s] in _PARTY_MEMBERS:
                s += 1  # "Defeated Democrats Joe Donnelly of Indiana": the party is no word of the name
            e = next((p for p in range(s + 1, e) if texts(doc)[p] == ":"), e)  # ("Alexandria Ocasio-Cortez: Youngest ...")
            comma = next((p for p in range(s + 1, e - 1) if texts(doc)[p] == ","), None)
            if comma is not None:
                # "the Associated Press, State Department" (one ORG to spaCy, after "According to"): an outlet
                # the registry knows before the comma is a mention of its own, the rest another
                a0, b0 = trim(doc, s, comma)
                c0, c1 = char_span(parsed, si, doc, a0, b0) if a0 < b0 else (0, 0)
                first = _registry_row(registry, text[c0:c1]) if c1 > c0 else None
                if first is not None:
                    yield from _registry_mentions(parsed, si, doc, a0, b0, label, first, registry)
                    s, e = trim(doc, comma + 1, e)
                    if s >= e:
                        continue
            start, end = char_span(parsed, si, doc, s, e)
            if text[start - 1 : start] == "#":
                continue  # a hashtag ("#Amazon", a person to spaCy and then "she"): no mention of anyone
            row = _registry_row(registry, text[start:end])
            if row is None and label == "ORG" and s > 0 and lowers(doc)[s - 1] == "the":
                row = _registry_row(registry, f"The {text[start:end]}")  # "The Hill interviewed ..." (ORG: "Hill")
            if row is not None:
                yield from _registry_mentions(parsed, si, doc, s, e, label, row, registry)
                continue
            s, e, possessor = _split_inner(doc, s, e, label)
            if possessor is None and label == "ORG":
                s, e, possessor = _journalist(parsed, si, doc, s, e, registry)
            # the name after a possessor is a person's ("Fox News’s Sean Hannity", "Human Rights Campaign’s Fred Sainz")
            label = "PERSON" if possessor is not None else label
            if possessor is not None:
                ps, pe = trim(doc, *possessor)
                if ps < pe:
                    a, b = char_span(parsed, si, doc, ps, pe)
                    prow = _registry_row(registry, text[a:b])
                    if prow is not None:
                        yield registry_mention(si, ps, pe, a, b, "ORG", prow)
                    else:
                        yield Mention(si, ps, pe, a, b, "SPLIT", "other")
            s, e = trim(doc, s, e)
            while label != "PERSON" and e - s > 1 and word_key(texts(doc)[e - 1]) in lex.ranks and e < len(doc) and texts(doc)[e] == ".":
                e -= 1  # "Los Angeles Police Department Capt. Jonathan Tippet": the rank is the person's, not the body's
            if label == "PERSON" and s < e:
                e = surname_after_given(doc, s, apostrophe_surname(doc, hyphen_rest(doc, e)))
                s, e = korean_name(doc, s, e)
                s = given_name_before(doc, s, e, lex)  # "Secretary General Anders Fogh Rasmussen" (PERSON: "Fogh Rasmussen")
                # a doctrine closing the name is no part of it ("Kim Jong Il Juche Idea": Kim Jong Il's)
                e = next((k for k in range(s + 1, e) if names_a_doctrine(texts(doc)[k:e])), e)
            if s >= e or not any(c.isupper() for c in doc[s:e].text):
                # names have a capital letter; "state", "xenophobic" are tagging errors
                continue
            start, end = char_span(parsed, si, doc, s, e)
            if _title_object(doc, s, e, lex) or names_a_doctrine(texts(doc)[s:e]) or time_zone(doc, s, e):
                continue  # "Supreme Commander" alone; "the Songun revolution", "the Juche Idea"; "11:22 a.m. ET"
            if text[start:end] in MEMBERS_BY_ABBREVIATION or (text[start:end].isupper() and e - s >= 4):
                continue  # "Conservative MPs" (an ORG to spaCy, then "She"); "TRUMP AGAIN BLASTS EX-SPYMASTER ..." (a title)
            if label == "PERSON" and text[start:end].rstrip(".") in MONTHS_SHORT:
                continue  # "pleasantly big Oct number" (a person to spaCy, and then "he"): a month
            if PARTY_TAG.fullmatch(text[start:end]):
                continue  # "Sen. Elizabeth Warren, D-Mass., former ...:" (a person to spaCy, and then "she"): a party tag
            if label == "PERSON" and any(ch.isdigit() for ch in text[start:end]) and not is_government(text[start:end], lex):
                continue  # no one's name holds a digit ("HH-60", "MS-13", "Romney 53%-43" to spaCy; "MI6" is a body)
            if label == "PERSON":
                label = nonperson_label(texts(doc)[s:e]) or label
            elif label == "ORG" and person_by_given_name(texts(doc)[s:e]) and not is_government(text[start:end], lex):
                label = "PERSON"  # "Philip Bump" (ORG to spaCy after "Writing in the Washington Post,"), not "Virginia State Police"
            elif label == "ORG" and re.fullmatch(r"O['’][A-Z][a-z]+", text[start:end]):
                label = "PERSON"  # "O’Rourke is calling for ...": an Irish surname alone
            elif label == "ORG" and e - s == 1 and texts(doc)[s][1:].islower() and (k := given_name_before(doc, s, e, lex)) < s:
                # "Texas Democratic Party Chair Gilberto Hinojosa" (ORG to spaCy: "Hinojosa"): a title, a given name, a name
                s, label = k, "PERSON"
                start, end = char_span(parsed, si, doc, s, e)
            elif label == "ORG" and e - s >= 3 and place_then_person(doc, s, e):
                s, label = e - 2, "PERSON"  # "The SNP's leader at Westminster Ian Blackford" (ORG to spaCy: all three)
                start, end = char_span(parsed, si, doc, s, e)
            elif label == "ORG" and names_a_text(texts(doc)[e - 1]):
                continue  # a text ("the Moscow Declaration"), not a body that speaks
            if label in _RECHECKED:
                if is_government(text[start:end], lex):
                    yield Mention(si, s, e, start, end, label, "government", government=True)
                continue
            if label == "NORP":
                last = doc[e - 1]
                plural = last.tag_ in {"NNPS", "NNS"} if has_tag else last.text.endswith("s")
                if not plural:
                    continue
                if (named := named_for(doc, e)) > e:  # "Americans for Tax Reform": a body's name, not a nationality
                    e, label = named, "ORG"
                    start, end = char_span(parsed, si, doc, s, e)
            if label == "PERSON" and (_title_before_name(doc, s, e, lex) or (e - s == 1 and texts(doc)[s] in NUMBER_LABELS and texts(doc)[e : e + 1] == ["."])):
                continue  # (nor "Nos." of "machines Nos. 1 and 2")
            if label == "PERSON" and e - s == 1 and doc[s].dep_ in ("amod", "compound", "nmod") and doc[s].head.i > s and country_of(texts(doc)[s]):
                continue  # "The Bangladeshi paper Natun Bangla": a nationality (KCNA: "He" after it was "Bangladeshi")
            if label == "PERSON" and e - s == 1 and s > 0 and lowers(doc)[s - 1] == "the" and lowers(doc)[e : e + 1] == ["of"]:
                continue  # "under the Banner of the Juche Idea" (KCNA; then "he" was "Banner"): a capitalised noun, no name
            if label == "ORG" and capitalised_adjective(doc, s, e):
                continue  # "Civic and public organizations ...": an adjective capitalised by the sentence, no name
            if label in ("PERSON", "ORG") and lowered_word(parsed, doc, s, e):
                continue  # "Futbol is played ..." after "futbol": a word the sentence capitalised, written small elsewhere
            s2 = strip_titles(doc, s, e, lex)
            if s2 != s and label != "PERSON" and all(word_key(w) in lex.honorifics for w in texts(doc)[s:s2] if w != "."):
                label = "PERSON"  # "Ms Daniels" tagged ORG: a form of address makes a person of one word too
            if s2 != s and (label == "PERSON" or not texts(doc)[s][:1].isupper() or _person_shaped(doc, s2, e)):
                # "Host Sean Rameswaram" tagged ORG is a titled person; "General Motors" is not.
                s = s2
                start, end = char_span(parsed, si, doc, s, e)
            elif label in {"ORG", "NORP", "GPE"} and is_title_only(doc, s, e, lex):
                continue
            # a person to spaCy is a government only by its whole name ("Chongwadae"), not by a word in it
            gov = is_government(text[start:end], lex, text) if label != "PERSON" else lex.government_name(text[start:end], text)
            kind = "government" if gov else "outlet" if tuple(lowers(doc)[e : e + 2]) == ("news", "agency") else LABEL_KINDS[label]
            yield Mention(si, s, e, start, end, label, kind, government=gov)




def _participle(doc: Doc, i: int) -> bool:
    """Whether a word is a participle or adjective in -ed ("Surprised", "Frustrated"), no given name ("Jared")."""
    w = texts(doc)[i]
    return doc[i].tag_ in ("VBN", "VBD", "JJ") and len(w) > 4 and w.endswith("ed") and word_key(w) not in first_names()


def _registry_mentions(
    parsed: Parsed, si: int, doc: Doc, s: int, e: int, label: str, row: Outlet, registry: Registry
) -> Iterator[Mention]:
    """The registry name inside an entity ("state media KCNA" -> "KCNA") and a possessor before it
    ("South Korea's Yonhap News Agency" -> "South Korea", as a place)."""
    base = parsed.segments[si].start
    ent_start = offsets(doc)[s]
    ent_text = parsed.text[base + ent_start : base + offsets(doc)[e - 1] + len(texts(doc)[e - 1])]
    hits = [h for h in registry.find(ent_text, news_only=False) if h.outlet.name == row.name]
    if len(hits) == 1:
        span = doc.char_span(ent_start + hits[0].start, ent_start + hits[0].end, alignment_mode="expand")
        if span is not None:
            ns, ne = trim(doc, span.start, span.end)
            if s <= ns < ne <= e:
                for p in range(ns - 1, s, -1):
                    if texts(doc)[p] in POSSESSIVE:
                        ps, pe = trim(doc, s, p)
                        if ps < pe and texts(doc)[ps][:1].isupper():
                            a, b = char_span(parsed, si, doc, ps, pe)
                            yield Mention(si, ps, pe, a, b, "GPE", "place")
                        break
                s, e = ns, ne
    start, end = char_span(parsed, si, doc, s, e)
    yield registry_mention(si, s, e, start, end, label, row)


def _first_key(word: str) -> str:
    """A rough lookup key for a word: lower-cased, trailing punctuation, "'s" and "s" dropped."""
    return word.replace("’", "'").lower().rstrip(".,;:'s")


_FIRST_WORDS: dict[int, tuple[Registry, frozenset[str]]] = {}


def _registry_first_words(registry: Registry) -> frozenset[str]:
    """First words (and second words after "the") of every registry name and alias, as ``_first_key``.

    Cached per registry object (``load_registry`` returns the same one each time).
    """
    cached = _FIRST_WORDS.get(id(registry))
    if cached is not None and cached[0] is registry:
        return cached[1]
    out: set[str] = set()
    for o in registry.outlets:
        for n in (o.name, *o.aliases):
            parts = n.split()
            if parts and parts[0].lower() in {"the", "a", "an"}:
                parts = parts[1:]
            if not parts:
                continue
            out.add(_first_key(parts[0]))
            # "A.P.", "CNN-News18": also the first word's letters up to punctuation
            out.add(_first_key(re.split(r"[^\w]", parts[0])[0]))
    out.discard("")
    words = frozenset(out)
    if len(_FIRST_WORDS) > 16:
        _FIRST_WORDS.clear()
    _FIRST_WORDS[id(registry)] = (registry, words)
    return words


def scan_mentions(
    parsed: Parsed, registry: Registry, lex: Lexicon, taken: set[tuple[int, int]]
) -> Iterator[Mention]:
    """Registry outlets and government names that spaCy did not tag.

    ``taken`` holds ``(segment, token)`` pairs already inside an entity.
    Outlets come from ``Registry.find`` (news media and social media only; it
    decides when a capitalised common word such as "Time" is the magazine).
    Government names are looked up when they are acronyms ("FBI"), several
    capitalised words ("White House") or one capitalised word not opening a
    sentence ("Pentagon").
    """
    gov_first: dict[str, int] = {}
    for g in lex.government_names:
        w = g.split()
        gov_first[w[0]] = max(gov_first.get(w[0], 0), len(w))
    text = parsed.text
    for si, seg in enumerate(parsed.segments):
        doc = seg.doc
        words = texts(doc)
        claimed: set[int] = set()
        firsts = _registry_first_words(registry)
        # Registry.find is the costly step: run it only where a registry name may start.
        hits = (
            registry.find(parsed.read_text[seg.start : seg.end])
            if any(w[:1].isupper() and _first_key(w) in firsts for w in words)
            else []
        )
        for hit in hits:
            span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
            if span is None:
                continue
            s, e = trim(doc, span.start, span.end)
            if s >= e or any((si, t) in taken or t in claimed for t in range(s, e)):
                continue
            claimed.update(range(s, e))
            start, end = char_span(parsed, si, doc, s, e)
            yield registry_mention(si, s, e, start, end, "REGISTRY", hit.outlet)
        n = len(doc)
        i = 0
        while i < n:
            word = words[i]
            if (si, i) in taken or i in claimed or not word[:1].isupper():
                i += 1
                continue
            longest = gov_first.get(name_key(word), 0)
            found: Mention | None = None
            for j in range(min(n, i + longest), i, -1):
                if (
                    any((si, t) in taken or t in claimed for t in range(i, j))
                    or not words[j - 1][:1].isupper()
                ):
                    continue
                start, end = char_span(parsed, si, doc, i, j)
                cand = text[start:end]
                single = j - i == 1
                acronym = single and word.isupper() and sum(c.isalpha() for c in word) >= 2
                if (
                    "\n" not in cand
                    and lex.government_name(cand, text)
                    and (acronym or not single or (
                        word.isalpha() and (not sentence_initial(doc, i) or name_key(word) in _NO_WORD_NAMES)))
                ):
                    found = Mention(si, i, j, start, end, "GOVERNMENT", "government", government=True)
                    break
            if found is None:
                i += 1
                continue
            yield found
            i = found.tok_end


_NO_WORD_NAMES = frozenset({"chongwadae", "kremlin", "pentagon", "politburo", "elysee", "élysée"})
"""Government names of one word that are no English word: found at a sentence's start too ("Chongwadae floated
rumor ..."), where "House", "Congress" or "Cabinet" may be the plain word."""


def government_phrases(parsed: Parsed, mentions: list[Mention]) -> Iterator[Mention]:
    """ "the Russian government", "North Korea's government": a place or nationality plus "government"."""
    for si, seg in enumerate(parsed.segments):
        doc = seg.doc
        for ent in doc.ents:
            if ent.label_ not in {"NORP", "GPE"}:
                continue
            j = ent.end
            if j < len(doc) and texts(doc)[j] in POSSESSIVE:
                j += 1
            if j < len(doc) and lowers(doc)[j] in {"government", "administration"}:
                # "the Russian government", "Russia's government"; not "European government subsidies"
                if j == ent.end and (ent.start == 0 or lowers(doc)[ent.start - 1] != "the"):
                    continue
                s, _ = trim(doc, ent.start, ent.end)
                if s >= j:
                    continue
                start, end = char_span(parsed, si, doc, s, j + 1)
                yield Mention(si, s, j + 1, start, end, "GOVERNMENT", "government", government=True)


# Blocks that are not parsed but name people and outlets: "By Jasmine Baehr Fox News", "(Credit: Reuters)".
PLAIN_KINDS = frozenset({"byline", "credit"})


def plain_blocks(parsed: Parsed) -> list[tuple[int, int]]:
    """Spans of byline and credit blocks that have no parsed segment."""
    parsed_at = {(seg.block.start, seg.block.end) for seg in parsed.segments}
    return [
        (b.start, b.end)
        for b in parsed.article.blocks
        if b.kind in PLAIN_KINDS and (b.start, b.end) not in parsed_at and b.end > b.start
    ]


def plain_mentions(parsed: Parsed, registry: Registry) -> Iterator[Mention]:
    """Authors, the publisher and registry outlets named in byline and credit blocks (``seg`` is -1: no tokens)."""
    text = parsed.text
    authors = [a for a in parsed.article.authors if a.strip()]
    for bs, be in plain_blocks(parsed):
        block = text[bs:be]
        taken: list[tuple[int, int]] = []
        for author in authors:
            for m in re.finditer(r"(?<![\w’'-])" + re.escape(author.strip()) + r"(?![\w-])", block):
                a, b = bs + m.start(), bs + m.end()
                taken.append((a, b))
                yield Mention(-1, -1, -1, a, b, "AUTHOR", "person", person=True)
        outlet = parsed.article.outlet
        row = _registry_row(registry, outlet) if outlet else None
        if outlet and row is not None:
            for m in re.finditer(r"(?<![\w’'-])" + re.escape(outlet.strip()) + r"(?![\w-])", block):
                a, b = bs + m.start(), bs + m.end()
                if not any(s < b and a < e for s, e in taken):
                    taken.append((a, b))
                    yield registry_mention(-1, -1, -1, a, b, "REGISTRY", row)
        for hit in registry.find(block):
            a, b = bs + hit.start, bs + hit.end
            if text[a:b].lower().startswith("the "):
                a += 4
            if any(s < b and a < e for s, e in taken):
                continue
            taken.append((a, b))
            yield registry_mention(-1, -1, -1, a, b, "REGISTRY", hit.outlet)


_BODY_HEADS = BODY_HEADS | {"branch"}
_NAME_WORD = r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][\w’'-]*"
_NAME_GOES_ON = re.compile(
    rf"\s+(?:for|of)\s+(?:the\s+)?{_NAME_WORD}(?:\s+(?:(?:of|for|with|the|and(?!\s+the\b))\s+)*(?:{_NAME_WORD}|\d+\b))*"
)
"""The rest of a body's name after its head word: "for the Study of the Juche Idea", "of Kimilsungia-Kimjongilia",
"for Solidarity with the DPRK", "for Implementing the June 15 Joint Declaration"; not a second body ("and the
British Group ..."), nor a weekday after the name."""


def join_body_names(parsed: Parsed, mentions: list[Mention]) -> list[Mention]:
    """Bodies' names spaCy cut after the head word, whole again: "the Swiss Group" + "for the Study of the Juche
    Idea" (tagged apart, or the rest not at all) is one organisation; mentions inside the rest are dropped."""
    text = parsed.text
    drop: set[int] = set()
    for m in mentions:
        if m.kind != "organization" or m.seg < 0 or word_key(text[m.start : m.end].split()[-1]) not in _BODY_HEADS:
            continue
        seg = parsed.segments[m.seg]
        hit = _NAME_GOES_ON.match(text, m.end, seg.end)
        if hit is None:
            continue
        span = seg.doc.char_span(m.start - seg.start, hit.end() - seg.start, alignment_mode="contract")
        if span is None or span.end <= m.tok_end:
            continue
        m.end, m.tok_end, m.name = seg.start + span.end_char, span.end, ""
        drop.update(id(o) for o in mentions if o is not m and o.seg == m.seg and m.start <= o.start and o.end <= m.end)
    return [m for m in mentions if id(m) not in drop]
