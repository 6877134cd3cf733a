"""What a name's own words show: a Korean name cut short, a place or body by its head word, a text, a doctrine.

spaCy's small model tags names by their shape, so the words themselves are the evidence here:

- ``korean_name``: a Korean name spaCy cut to two of its three parts ("Ryong Hae" of "Choe Ryong Hae");
- ``nonperson_label``: a name tagged PERSON whose first or last word makes it a place or an organisation
  ("Lake Baikal", "Kim Il Sung University"), or one word with a Korean place suffix ("Rapuk-dong", "Sinuiju-si");
- ``names_a_text``: a name ending in a text's word ("the Moscow Declaration") names no body that speaks;
- ``names_a_doctrine``: an idea, a doctrine, an emblem or a disease ("Juche", "Songun", "Kimilsungism", the
  Kimjongilia flower, "COVID-19") is no one, whatever the tag;
- ``time_zone``: "ET" after a time ("11:22 a.m. ET") is no one;
- ``BODY_HEADS``: the head words of bodies' names ("Group", "Association").

Word lists: ``find/data/korean_surnames.txt``, ``find/data/nonperson_heads.txt`` (hand-made, MIT).
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc

from ...nlp import Parsed, lowers, texts
from ...registry import country_of
from .lexicon import Lexicon, first_names, read_sections, word_key


@functools.cache
def korean_surnames() -> frozenset[str]:
    """Korean family names as romanised in English news (``find/data/korean_surnames.txt``), capitalised."""
    return frozenset(read_sections("korean_surnames.txt").get("", ()))


_SYLLABLE = re.compile(r"(?:ch|kh|th|ph|kk|tt|pp|ss|jj|[kgndtrlmbpsjh])?[yw]?(?:ae|oe|ui|eu|a|e|i|o|u)(?:ng|k|n|t|l|m|p)?")
"""One romanised Korean syllable ("Ryong", "Thaek", "Hui"), lower-cased."""
_NOT_SYLLABLE = frozenset(
    "to on in at no so go he we me be by my up us it as an or of if is met set got put let can man men ten top ban".split()
)
"""English words of a syllable's shape that do not go on a name ("Kim Jong To Visit")."""
_SENTENCE_WORDS = frozenset({"So", "No", "In", "An", "U", "Ha", "Ma", "Ok", "Ho", "Ko", "Jo", "Yu", "Ji", "Na", "Ki", "Ju"})
"""Surnames that are also English words opening a sentence ("So Ryong Hae ..." may be "So, ..."); not "O", which
opens 33 sentences of the 2011-2012 KCNA stories as a name ("O Il Hun, deputy director of ...") and none as a word."""


def _syllable(word: str) -> bool:
    return 0 < len(word) <= 6 and word[:1].isupper() and word[1:].islower() and bool(_SYLLABLE.fullmatch(word.lower()))


def korean_name(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """A Korean name spaCy cut to two of its three parts: the family name before it ("Choe" of "Choe Ryong
    Hae", tagged "Ryong Hae"), or the last syllable after a family name and one syllable ("Jong Myong" of
    "Jong Myong Do").  Only capitalised syllables joined by single spaces, never another entity's words."""
    words = texts(doc)
    surnames = korean_surnames()
    if e - s == 1 and s >= 2 and words[s - 2] in surnames and _syllable(words[s - 1]) and _syllable(words[s]) and all(
        t.whitespace_ == " " and t.ent_type_ in ("", "PERSON") for t in doc[s - 2 : s]
    ) and not (s - 2 == 0 and words[s - 2] in _SENTENCE_WORDS):
        return s - 2, e  # "Choe Kil Ryong said" tagged "Ryong"
    if e - s != 2 or not (_syllable(words[s]) and _syllable(words[s + 1])) or doc[s].whitespace_ != " ":
        return s, e
    if s > 0:
        before = doc[s - 1]
        if (
            before.text in surnames and before.whitespace_ == " " and before.ent_type_ in ("", "PERSON", "NORP")
            and not (before.text in _SENTENCE_WORDS and (before.is_sent_start or s - 1 == 0))
        ):
            return s - 1, e
    if words[s] in surnames and e < len(doc) and doc[e - 1].whitespace_ == " ":
        after = doc[e]
        ends = e + 1 == len(doc) or not words[e + 1][:1].isupper()
        if ends and _syllable(after.text) and after.lower_ not in _NOT_SYLLABLE and after.ent_type_ in ("", "PERSON"):
            return s, e + 1
    return s, e


@functools.cache
def _nonperson_heads() -> dict[str, frozenset[str]]:
    return {k: frozenset(word_key(w) for w in v) for k, v in read_sections("nonperson_heads.txt").items()}


def names_a_text(last_word: str) -> bool:
    """Whether a name ending in ``last_word`` names a text, not a body that speaks ("the Moscow Declaration", "the
    Paris Agreement"), which spaCy often tags an organisation."""
    return word_key(last_word) in _nonperson_heads()["document_last"]


WEB_NAME = re.compile(r"\.(?:com|org|net|gov|edu|co\.uk|io)$", re.I)
"""The end of a website's name ("GunLaws.com"): no person's."""


def nonperson_label(words: list[str]) -> str | None:
    """The label of a name spaCy tagged a person that its first or last word shows to be a place ("FAC": "Lake
    Baikal", "Soviet Square") or an organisation ("ORG": "Kim Il Sung University", "Locomotive Complex"), or None.
    A word that is also a surname ("Tower", "Hall") decides only after a word that is no given name ("John Tower"
    stays a person); one word with a Korean place suffix is a place ("GPE": ``korean_place``), and so is a place
    named alone that spaCy takes for a person ("socialist Korea"); one word in capitals is an organisation ("TEPCO")."""
    heads = _nonperson_heads()
    if korean_place(words) or (len(words) == 1 and word_key(words[0]) in heads["place_alone"]):
        return "GPE"
    if len(words) == 1 and 4 <= len(words[0]) <= 6 and words[0].isalpha() and words[0].isupper():
        return "ORG"  # "TEPCO expressed concern": an acronym is a body's ("JFK", "FDR": three letters may be a person)
    if WEB_NAME.search(words[-1]):
        return "ORG"  # "according to GunLaws.com": a website, nobody's name
    if len(words) < 2:
        return None
    if country_of(" ".join(words)) is not None:
        return "GPE"  # "Cote d'Ivoire plans to create 100,000 jobs" (a person to spaCy); not "Jordan" alone, a surname too
    first, last = word_key(words[0]), word_key(words[-1])
    if last in heads["organization_last"]:
        return "ORG"
    if first in heads["place_first"] or last in heads["place_last"]:
        if last in heads["also_surname"] and first in first_names():
            return None
        return "FAC"
    return None


def korean_place(words: list[str]) -> bool:
    """One word with a Korean administrative suffix after a hyphen ("Rapuk-dong", as the tokens "Rapuk", "-",
    "dong"): a place (a given name is never written alone like that)."""
    if len(words) == 3 and words[1] == "-":
        stem, suffix = words[0], words[2]
    elif len(words) == 1 and words[0].count("-") == 1:
        stem, suffix = words[0].split("-")
    else:
        return False
    return stem[:1].isupper() and stem[1:].islower() and suffix.islower() and suffix in _nonperson_heads()["korean_place_suffix"]


BODY_HEADS = frozenset(
    "society association committee council federation union front institute league movement foundation alliance "
    "coalition center centre group".split()
)
"""Head words of a body's name ("Swiss Group for the Study of ...", "Society for the Promotion of ..."): the
entity finder joins what spaCy cut after them (``mentions.join_body_names``), the source resolver reads a body's
full name by them (``attributions.resolve``)."""


ASKING = frozenset("Will Would Can Could Should Did Does Is Was".split())
"""Verbs opening a question before a name ("Will Bill Barr be ...?"); "Will" before one surname is a given name."""
MEMBERS_BY_ABBREVIATION = frozenset("MP MPs MEP MEPs MSP MSPs MLA MLAs MPP MPPs TD TDs".split())
"""Members of a body by their abbreviation ("Conservative MPs", an ORG to spaCy): no one's name."""
MONTHS_SHORT = frozenset("Feb Mar Apr Aug Sep Sept Oct Nov Dec".split())
"""Months as abbreviated, none a given name ("Jan", "May", "June" are): "a big Oct number" names no one."""


PARTY_TAG = re.compile(r"[DRI]-[A-Z][\w.]*")
"""A party and state after a name ("D-N.Y.", "R-Texas", "I-Vt."): no name of anyone."""


NOUNS_BEFORE_A_BODY = (
    r"charity|group|organi[sz]ation|nonprofit|non-profit|think\s+tank|movement|coalition|foundation|militia|alliance"
    r"|firm|company|start-?up|corporation|conglomerate|consultancy|contractor"
)
"""Lower-case nouns that say the name right after them is a body's ("the charity Refuge", "the group Tamarod", "the
security firm SecureWorks"), as
regular-expression alternatives: the entity finder types such a name an organisation (``retype.bodies_by_noun``), the
source resolver names a source by it (``attributions.resolve``, which reads a few more nouns there)."""


_ISM = re.compile(r"[A-Z][a-z]+ism")


def names_a_doctrine(words: list[str]) -> bool:
    """Whether a name is a doctrine or idea ("Juche", "Songun Politics", "Marxism"), an emblem (the Kimjongilia
    flower) or a disease ("COVID-19"), which no one is."""
    heads = _nonperson_heads()
    words = [w for w in words if w != "-"]
    keys = [word_key(w) for w in words]
    if words and all(_ISM.fullmatch(w) for w in words):
        return True
    ideas = heads["doctrine"] | heads["emblem"] | heads["disease"]
    return any(k in ideas for k in keys) and all(k in ideas or k in heads["doctrine_head"] for k in keys)


_ENGLISH_SURNAMES = frozenset({"Son", "Song", "Sin", "Man", "Pang", "Bang", "Hon"})
"""Korean family names that are English words too: no short form of a name ("Song" may be a song)."""


def korean_family_name(name: str) -> str | None:
    """The family name a Korean name is called by on its own ("Pak" of "Pak Jong Suk", KCNA's usage): the first
    of two or three syllables when it is a family name of three letters or more, else None."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(_syllable(w) for w in words):
        return None
    first = words[0]
    return first if len(first) >= 3 and first in korean_surnames() and first not in _ENGLISH_SURNAMES else None


def sentence_initial(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens a sentence (after a stop, a quote mark, a colon or a line break)."""
    return _opens(texts(doc), i)


def _opens(words: list[str], i: int) -> bool:
    """``sentence_initial`` over a doc's words."""
    return i == 0 or words[i - 1].isspace() or words[i - 1] in _OPENERS or _ELLIPSIS.fullmatch(words[i - 1]) is not None


def lowered_word(parsed: Parsed, doc: Doc, s: int, e: int) -> bool:
    """Whether ``doc[s:e]`` is one word capitalised only because it opens the sentence, which the article writes in
    lower case elsewhere and never capitalises inside a sentence ("Futbol is played ..." after "You don't play
    futbol": spaCy's PERSON, then the antecedent of a "she"): a word, no name."""
    if e - s != 1 or not sentence_initial(doc, s):
        return False
    word = texts(doc)[s]
    if not (word.isalpha() and word[:1].isupper() and word[1:].islower()):
        return False
    lower, inner = parsed.memoised(("article words",), lambda: _article_words(parsed))
    # (or a common noun to the tagger, never capitalised inside a sentence: "Anger has focused on ...", an ORG to spaCy)
    return (word.lower() in lower or doc[s].tag_ in ("NN", "NNS")) and word not in inner


def _article_words(parsed: Parsed) -> tuple[frozenset[str], frozenset[str]]:
    """The words an article writes in lower case, and those it capitalises inside a sentence."""
    lower: set[str] = set()
    inner: set[str] = set()
    for seg in parsed.segments:
        words = texts(seg.doc)
        for i, w in enumerate(words):
            if not w.isalpha():
                continue
            if w.islower():
                lower.add(w)
            elif not _opens(words, i):
                inner.add(w)
    return frozenset(lower), frozenset(inner)


_OPENERS = frozenset({".", "!", "?", '"', "“", ":"})
_ELLIPSIS = re.compile(r"\.{3,}|…")
"""An ellipsis, which may end a sentence ("... when freedom of press is constrained.... Satire is a way ...")."""


def capitalised_adjective(doc: Doc, s: int, e: int) -> bool:
    """Whether ``doc[s:e]`` is one adjective capitalised only because it opens the sentence ("Civic and public
    organizations", tagged ORG by spaCy; 47 places in KCNA): no name."""
    return e - s == 1 and doc.has_annotation("TAG") and doc[s].tag_ == "JJ" and sentence_initial(doc, s)


def person_by_given_name(words: list[str]) -> bool:
    """Whether a name spaCy tagged an organisation is a person's: two or three capitalised words, the first a given
    name of ``first_names`` ("Philip Bump", ORG to spaCy after "Writing in the Washington Post,"), the last no head
    word of a body, a place or a text ("Philip Morris International" keeps its head; two words such as "Philip Morris"
    cannot be told from a person here and become one)."""
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return False
    if word_key(words[0]) not in first_names():
        return False
    heads = _nonperson_heads()
    last = word_key(words[-1])
    return (
        last not in BODY_HEADS and last not in _COMPANY_LAST and all(last not in v for v in heads.values())
        and nonperson_label(words) is None
    )


_COMPANY_LAST = frozenset(
    "international inc corp corporation co company companies llc ltd holdings partners associates bank capital "
    "media news group industries enterprises foods motors airlines systems".split()
)


_TIME_ZONES = frozenset({"ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT", "GMT", "UTC", "BST", "CET", "KST", "JST"})


def time_zone(doc: Doc, s: int, e: int) -> bool:
    """Whether ``doc[s:e]`` is a time zone written after a time ("Update at 11:22 a.m. ET": a person to spaCy)."""
    if e - s != 1 or doc[s].text not in _TIME_ZONES or s == 0:
        return False
    before = doc[s - 1].lower_
    return before in ("a.m.", "p.m.", "am", "pm", "noon", "midnight") or before.replace(":", "").isdigit()


_NAME_LINKS = frozenset({"of", "the", "and", "for", "&"})


def named_for(doc: Doc, e: int) -> int:
    """The end of a body named by a people's plural and "for" ("Americans for Tax Reform", "Democrats for Education
    Reform", "Republicans for the Rule of Law"; spaCy tags the plural alone a NORP) when one follows token ``e``, else
    ``e``."""
    words = texts(doc)
    if e + 1 >= len(doc) or words[e] != "for" or not words[e + 1][:1].isupper():
        return e
    end = k = e + 1
    while k < len(doc) and (words[k][:1].isupper() or words[k] in _NAME_LINKS):
        if words[k][:1].isupper():
            end = k + 1
        k += 1
    return end


def given_name_before(doc: Doc, s: int, e: int, lex: Lexicon) -> int:
    """The start of a person's name spaCy cut after its title: "NATO Secretary General Anders Fogh Rasmussen" (PERSON
    "Fogh Rasmussen"): a capitalised proper noun of the name's phrase, tagged nothing, between a title word and the
    name, is its first word; so is one opening the sentence."""
    k = s - 1
    if k < 0:
        return s
    t = doc[k]
    if (
        t.tag_ == "NNP" and t.ent_type_ == "" and t.text.isalpha() and t.text[:1].isupper() and s <= t.head.i < e
        and not lex.is_title_word(t.text)
        and (lex.is_title_word(texts(doc)[k - 1]) if k > 0 and not t.is_sent_start else _opens_apposition(doc, k, e))
    ):
        return k  # (or opening the sentence: "Prakash Javadekar, India’s environment minister, said", PERSON "Javadekar")
    return s


def _opens_apposition(doc: Doc, k: int, e: int) -> bool:
    """Whether a word opening the sentence before a one-word name set off by a comma may be its given name (not
    "Traitor Kim Kwan Jin,", "Assemblyman Marc Butler,", "Added LaCivita:")."""
    return e == k + 2 and e < len(doc) and doc[e].text == "," and not doc[k].text.endswith("ed")


NUMBER_LABELS = frozenset({"No", "Nos", "Vol", "Vols"})
"""Abbreviations before a number that spaCy may call a person ("machines Nos. 1 and 2", "Vol. 1 of Part I")."""


def place_then_person(doc: Doc, s: int, e: int) -> bool:
    """Whether a name spaCy calls a body ends with a given name and a surname after another capitalised word that is
    no body's head ("Westminster Ian Blackford"): the person named after a place."""
    low, words = lowers(doc), texts(doc)
    return (
        low[e - 2] in first_names() and words[e - 1][:1].isupper() and words[e - 1][1:].islower()
        and words[e - 3][:1].isupper() and low[e - 3] not in BODY_HEADS and low[e - 3] not in first_names()
    )
