"""Whose a source phrase is when a name in it only says whose: "a Trump adviser", "lawyers for the Trump
administration", "Senate Republicans", "one of Trump's lawyers", "the former FBI director's prepared remarks".

``resolve.describe`` asks these before it names a source by the entity inside the phrase: each returns the type
the phrase has as a description of people (or a body's staff, type guideline 5), or None when the name is the
source after all.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from ...model import Entity, Span
from ...nlp import Tok
from ..entities import mentions_within
from ..entities.lexicon import lexicon, word_key
from .heads import (
    ABOUT_WORDS,
    COLLECTIVE_NOUNS,
    DOCUMENT_HEADS,
    FOOTAGE_HEADS,
    OFFICIAL_HEADS,
    RELATIVE_TAIL,
    SHARES,
    people_noun,
    person_noun,
)
from .offices import party_in

_PLURAL_BODIES = frozenset({"groups", "organizations", "organisations", "churches", "denominations", "unions"})
"""Plural heads after a name that make the phrase several bodies: "Catholic and Lutheran groups"."""

QUANTIFIERS = frozenset(
    {"the", "a", "an", "some", "many", "most", "several", "few", "other", "two", "three", "nearly", "almost", "only", "twice",
     "another", "one", "each", "every", "any", "both", "all", "this", "that", "these", "those", "four", "five", "six"}
)

LEANING = r"(?:sympathetic|loyal|friendly|opposed|hostile|allied|aligned)\s+(?:to|toward|towards|with)\s"
"""A leaning after a description of people ("one GOP lawmaker sympathetic toward Ryan"), and its preposition."""
_RELATIVE_AFTER = re.compile(r"\s+(?:(?:who|whom|whose|that|which)\s|close\s+(?:to|toward|towards|with)\s|" + LEANING + ")")
"""What ends the words that say whose: a relative clause or a leaning, "close to" too ("Trump allies who ...", "a GOP
lawmaker close to ..."; the name ``resolve`` gives keeps "close to ...": "a law enforcement official close to the
investigation")."""
_OPENING_MODIFIERS = frozenset({"former", "top", "senior", "longtime", "current", "leading", "prominent", "fellow", "veteran"})
"""Modifiers a phrase may open with, capitalised when they open the sentence, that are no name."""

_RULERS = frozenset({"regime", "government", "junta", "clique", "group"})
"""Heads that make a leader's name a government: "the Assad regime", and in KCNA's stories "the Lee group"
(Lee Myung Bak's government)."""

_CAMPAIGN_HEADS = frozenset({"campaign", "camp", "team", "transition"})
_LOWER_WORDS = re.compile(r"(?P<pos>['’‘]s?)?(?:\s+(?:[a-z][a-z-]*|\d+-year-old|Democratic|Republican|GOP)){1,3}")
_POSSESSED = frozenset(
    {"office", "lawyers", "attorneys", "family", "staff", "allies", "friends", "daughter", "son", "wife", "husband",
     "mother", "father", "brother", "sister", "relatives", "doctor", "doctors", "aunt", "uncle", "nephew", "niece",
     "cousin", "grandmother", "grandfather", "grandson", "granddaughter", "girlfriend", "boyfriend", "fiancee", "fiancée",
     "fiance", "fiancé", "widow", "widower", "stepfather", "stepmother", "parents", "children"}
)
"""Heads of a possessed phrase that speak for themselves ("McCready's lawyers", "Zinke's office"), beside titles
and groups; any other ("Obama's remarks", "Trump's statement") leaves the possessor the source."""


_DESCRIBED_OWNER = re.compile(r"(?:\s+[a-z][\w-]*)+['’]s\s")


def owned_by_description(ent: Entity, span: Span, text: str) -> bool:
    """Whether the name in the phrase only modifies a description that owns its head ("the former FBI
    director's prepared remarks": the director's, not the FBI's)."""
    return any(span[0] <= ms < me < span[1] and _DESCRIBED_OWNER.match(text, me, span[1]) for ms, me in mentions_within(ent, span))


def after_head(ent: Entity, span: Span, head: Tok | None, text: str, any_word: bool = False) -> bool:
    """Whether the entity is named only after the phrase's head word, as what the document is about ("the complaint
    filed against X", "a report on X"; not its producer: "a report by Amnesty International" starts at Amnesty); with
    ``any_word``, whatever word joins them (a work's title: "Selected Works of Kim Jong Il")."""
    if head is None or (at := text.find(head.text, span[0], span[1])) < 0:
        return False
    inside, end = mentions_within(ent, span), at + len(head.text)  # (in text order: the first is the earliest)
    first = inside[0][0] if inside else -1
    return first >= end and (any_word or bool(ABOUT_WORDS.search(text, end, first)))


def whose(ent: Entity, span: Span, head: Tok | None, text: str) -> str | None:
    """The type of a phrase whose person's name only says whose the lowercase noun heading it is ("a Trump
    adviser", "Trump supporters", "the Clinton campaign", "The Clemson quarterback", "McCready's lawyers"), else
    None (the name is the source; a document or footage keeps its author: "the Trump statement")."""
    if ent.kind not in ("person", "organization", "outlet"):
        return None  # (an outlet's viewers and readers are people: "A Fox News viewer"; its journalists are it, below)
    titles = lexicon()
    for ms, me in mentions_within(ent, span):
        if not span[0] <= ms < me < span[1]:
            continue
        before = text[span[0] : ms].split()
        if before and before[0].lower() in _OPENING_MODIFIERS:
            before = before[1:]  # "Former Clinton campaign officials": capitalised as the sentence's first word
        possessed = text[me : me + 2] in ("'s", "’s")
        if any(w[:1].isupper() and w.lower() not in QUANTIFIERS and not titles.is_title_word(w) for w in before) and not (
            possessed and all(w[:1].isupper() for w in before)
        ):
            # another name before ("the Fox News Trump interview"); a title is fine ("Mr. Sanders's"), and so is a given
            # name the entity left out before a possessive ("Esteban Santiago's aunt")
            return None
        comma = text.find(",", me, span[1])
        end = comma if comma >= 0 else span[1]  # "Mueller's fellow hostages, who were later freed"
        if (rel := _RELATIVE_AFTER.search(text, me, end)) is not None:
            end = rel.start()  # "Trump allies who see a political upside", "one GOP lawmaker sympathetic toward Ryan"
        if text[me : me + 2] in ("'s", "’s") and (prep := _PREPOSITION.search(text, me, end)) is not None:
            end = prep.start()  # "Thuraissigiam's lawyers at the ACLU"
        if (others := _AND_OTHERS.search(text, me, end)) is not None:
            end = others.start()  # "Holmes’ professors and other students": several people
        m = _LOWER_WORDS.fullmatch(text, me, end)
        if m is None:
            return None
        words = text[m.end("pos") if m.group("pos") else me : end].split()
        last = words[-1]
        if rel is not None and head is not None and head.text not in words:
            head = None  # the parser's head lies in the clause cut off ("sympathetic" of "... lawmaker sympathetic toward")
        if head is not None and head.text != last and any(c.dep_ == "conj" and c.text == last for c in head.children):
            head = next(c for c in head.children if c.dep_ == "conj" and c.text == last)  # "Trump supporters and surrogates"
        if head is not None and (head.text != last or head.pos_ != "NOUN"):
            return None  # "Trump himself"
        if last in DOCUMENT_HEADS or last in FOOTAGE_HEADS or (ent.kind == "outlet" and outlet_voice(last)):
            return None
        if _CAMPAIGN_HEADS.intersection(words):
            return "organization"  # a campaign and its unnamed staff (type guideline 5), "Mr. Sanders's campaign" too
        if m.group("pos") and last in ("committee", "subcommittee", "panel") and ent.kind == "person":
            return "government"  # "Neal's committee": the legislature's committee its chairman leads, not the chairman
        if m.group("pos") and not (
            last in _POSSESSED or people_noun(last)
        ):
            return None
        plural = head.tag_ in ("NNS", "NNPS") if head is not None else last.endswith("s")
        plural = plural or last in ("staff", "family") or others is not None  # "Grassley's staff": several people
        if person_noun(last) and (m.group("pos") or ent.kind != "person"):
            # "Mueller's fellow hostages", "Smith's colleague", "the Cleveland Cavaliers star": people
            return "group" if plural else "person"
        if ent.kind != "person":
            # "NEA officials", "a Google spokesperson": the organisation speaks; "Lutheran groups" are groups
            return "group" if last in _PLURAL_BODIES else None
        if "administration" in words or last in ("official", "officials", "office") or last in _RULERS:
            return "government"  # "Trump administration officials", "Zinke's office", "the Lee group" (KCNA)
        if last in COLLECTIVE_NOUNS:
            return "group"  # "the Bush clan"
        if last in _THINGS:
            return "unknown"  # "a clear Obama loss", "The McDonnell legal filings": a thing of theirs, nobody
        return "group" if plural else "person"
    return None

_AND_OTHERS = re.compile(r"\s(?:and|&)\s+(?:other|his|her|their|the|a|an|some|several|many)\s")
_PREPOSITION = re.compile(r"\s+(?:at|for|of|with|from|in|on)\s")
_THINGS = frozenset(
    "loss losses victory win defeat referendum election elections primary vote votes poll polls survey brand brands "
    "filing filings plan plans proposal policy policies budget presidency legacy era rally visit trip deal bill agenda "
    "candidacy nomination impeachment scandal wins".split()
)
"""Things and events a name may modify ("a clear Obama loss", "The McDonnell legal filings"): nobody speaks."""
_SPEAK_FOR = frozenset({"executive", "executives", "representative", "representatives", "agent", "agents", "employee", "employees"})
"""People who speak for the body they work at ("an executive at Google": Google, type guideline 5)."""


def people_of(ent: Entity, span: Span, head: Tok | None, text: str) -> str | None:
    """"group" or "person" for people headed by a noun before a preposition that holds the name ("lawyers for the
    Trump administration", "critics of the plan's author Smith", "Teenagers on the social media platform TikTok", "a
    spokeswoman for Senator Smith", "13 senators led by Republican David Perdue", "Defenders of left-leaning
    personalities like Colbert"): the name says whose they are.  Officials, spokespeople and staff of a body speak
    for it (type guideline 5): only with a person's name are they not that person."""
    if head is None or head.pos_ != "NOUN" or not head.text[1:].islower():
        return None  # not a name ("Lawyers" opening the sentence is a noun)
    word = head.text.lower()
    if ent.kind == "person":
        if not (people_noun(word) or word in _POSSESSED):
            return None
    elif (
        not (person_noun(word) or word in _POSSESSED or word in ("lawyer", "attorney")) or word in _SPEAK_FOR
    ) and not _people_in_a_place(ent, head, word, text, span):
        return None
    rx, described = _lead_patterns(head.text)
    if any(
        span[0] <= ms < span[1]
        and (
            rx.search(text[span[0] : ms])
            or (ent.kind != "person" and not text[me : span[1]].strip() and described.search(text[span[0] : ms]))
        )
        for ms, me in mentions_within(ent, span)
    ):
        return "group" if head.tag_ in ("NNS", "NNPS") else "person"
    return "group" if _doing(ent, span, head, word, text) else None


def _doing(ent: Entity, span: Span, head: Tok, word: str, text: str) -> bool:
    """Whether people (a plural head) are described by a participle clause that holds the name ("Many alumni reacting
    to the news on the Facebook post", "Protesters carrying Trump signs"): what they do, not whose they are."""
    if head.tag_ != "NNS" or not person_noun(word) or word in _SPEAK_FOR_A_BODY:
        return False
    verb = next((k for k in head.children if k.dep_ == "acl" and k.i > head.i and k.tag_ in ("VBG", "VBN")), None)
    at = text.find(f" {verb.text} ", span[0], span[1]) if verb is not None else -1
    inside = mentions_within(ent, span)
    return at >= 0 and bool(inside) and all(ms > at for ms, _ in inside)


@functools.lru_cache(maxsize=256)
def _lead_patterns(head: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """For ``people_of``: the head word and a preposition before the name, and between them nothing but an article,
    up to four lower-case words before "like" / "such as" / "including", and capitalised words; or an article and a
    common noun that say what a body's name closing the phrase is ("Teenagers on the social media platform TikTok";
    not a title before a person: "chief of staff John Kelly")."""
    lead = (
        rf"(?:^|\s){re.escape(head)}(?:\s+(?:working\s+)?(?:for|of|at|with|from|to|in|on|inside|within)|,?\s+(?:led|headed)\s+by)"
        r"\s+"
    )
    rx = re.compile(
        lead + r"(?:(?:the|a|an)\s+)?(?:(?:[a-z][\w'’-]*\s+){0,4}(?:like|such\s+as|including)\s+)?"
        r"(?:(?:[A-Z][\w.'’-]*|of|for|the)\s+)*$"
    )
    return rx, re.compile(lead + r"(?:the|a|an)\s+(?:[a-z][\w'’-]*\s+){1,3}$")


@functools.lru_cache(maxsize=256)
def _in_a_place(head: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(head)}{_IN_A_PLACE.pattern}")


def _people_in_a_place(ent: Entity, head: Tok, word: str, text: str, span: Span) -> bool:
    """Whether a plural head for people is followed by "in" and the name ("Pro-Russian leaders in Sloviansk"): people
    where the name is, not it; not a body's officials or staff, nor members of a government's body ("Leaders in the
    Senate")."""
    return (
        head.tag_ == "NNS" and people_noun(word) and word not in _SPEAK_FOR_A_BODY and ent.kind != "government"
        and _in_a_place(head.text).search(text[span[0] : span[1]]) is not None
    )


_IN_A_PLACE = re.compile(r"\s+in\s+(?:the\s+)?[A-Z]")
_SPEAK_FOR_A_BODY = OFFICIAL_HEADS | _SPEAK_FOR
_PARTY_WORDS = re.compile(r"\s+(?:Republicans?|Democrats?|Democratic|GOP)\b")
PARTITIVE = re.compile(
    r"^(?:the\s+)?(?P<q>one|two|three|four|five|six|seven|eight|nine|ten|\d+|some|many|most|several|few|each|both|all|"
    r"none)\s+of\s+\S"
)


def possessor_in(ent: Entity, span: Span, text: str) -> bool:
    """Whether the entity's mention in ``span`` is a possessor ("Obama's", "Mateen's")."""
    return any(span[0] <= ms < me < span[1] and text[me : me + 2] in ("'s", "’s") for ms, me in mentions_within(ent, span))


def partisans(ent: Entity, span: Span, head: Tok | None, text: str) -> str | None:
    """The phrase, when it names a party's members in a body the entity is ("Senate Republicans", "some House
    Democrats", "House Republican leaders", "one conservative House Republican"): a party word right after the
    body's mention, the head a plural noun or the party word itself after it."""
    if head is None or ent.kind not in ("government", "organization"):
        return None
    if head.tag_ not in ("NNS", "NNPS") and head.text not in ("Republican", "Democrat") and head.lower_ not in SHARES:
        return None
    for ms, me in mentions_within(ent, span):
        if span[0] <= ms < me < span[1] and _PARTY_WORDS.match(text, me) and (
            head.text in text[me : span[1]].split() or head.lower_ in SHARES
        ):
            return text[span[0] : span[1]].strip()
    return None


_SET_OFF = re.compile(r",\s*(?:[A-Z][\w.&'’-]*\s+)*$")
"""A comma, then only capitalised words (a title, "Rep."), right before a name set off in apposition."""
_SET_OFF_TITLES = re.compile(r",\s*[A-Z][\w.&'’-]*\s+(?:(?:[A-Z][\w.&'’-]*|of|for|the|and)\s+)*$")
"""The same with the small words of titles ("Joint Chiefs of Staff Chairman and Marine Gen.")."""


def _set_off(entities: Sequence[Entity], text: str, start: int, name: int) -> bool:
    """Whether the name at ``name`` is set off after a comma and a title, from ``start`` on; titles joined by "and"
    hold no person's name (not "Trump's lawyers, Rudy Giuliani and Jay Sekulow": a list)."""
    if _SET_OFF.search(text, start, name):
        return True
    titled = _SET_OFF_TITLES.search(text, start, name)
    return titled is not None and not any(
        e.kind == "person" and titled.start() < ms < name for e in entities for ms, _ in e.mentions
    )


def apposed_person(entities: Sequence[Entity], ent: Entity, span: Span, text: str) -> Entity | None:
    """A person named in apposition after a description that ``ent`` owns ("Mr. Issa's predecessor on the oversight
    panel, Rep. Henry A. Waxman, California Democrat"): the phrase describes that person; the possessor only says
    whose.  Not one of a list ("Trump's lawyers, Rudy Giuliani and Jay Sekulow")."""
    if not any(span[0] <= ms < me < span[1] and text[me : me + 2] in ("'s", "’s") for ms, me in mentions_within(ent, span)):
        return None
    for other in entities:
        if other is ent or other.kind != "person":
            continue
        for ms, me in other.mentions:
            if not (span[0] < ms < me <= span[1]) or not _set_off(entities, text, span[0], ms):
                continue
            rest = text[me : span[1]]
            if not rest.strip(" ,") or (rest.lstrip().startswith(",") and " and " not in rest):
                return other
    return None


_TITLED_NAME = re.compile(r"\s+(?P<title>(?:[A-Z][\w.'’-]*\s+){1,3}?)(?P<name>[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){1,2})")


def officer_named(ent: Entity, span: Span, text: str) -> str | None:
    """The person's name after a body's name and a title that end the phrase ("Texas Democratic Party Chair Ramiro
    Hinojosa", whom spaCy left untagged; "Marie Claire Editor-in-Chief Anne Fulenwider"): that person speaks, not the
    body.  None otherwise."""
    if ent.kind not in ("organization", "government", "outlet"):
        return None
    titles = lexicon()
    for ms, me in mentions_within(ent, span):
        end = comma if (comma := text.find(",", me, span[1])) >= 0 else span[1]  # ("..., Maryland Democrat")
        m = _TITLED_NAME.fullmatch(text, me, end) if span[0] <= ms < me < span[1] else None
        if m is not None and all(
            titles.is_title_word(w) or word_key(w) in titles.modifiers or party_in(w) for w in m.group("title").split()
        ):  # (a party's word too: "House Democratic Whip Steny Hoyer, D-Md.")
            words = m.group("name").split()
            while len(words) > 2 and titles.is_title_word(words[0]):
                words = words[1:]  # ("Minority Whip Steny Hoyer": "Whip" is the title's)
            return " ".join(words)
    return None


_ASKED_BY = re.compile(r"\s+(?:surveyed|polled|interviewed|questioned|asked|contacted|consulted)\s+by\s+(?:(?:the|a|an)\s+)?(?:[A-Z][\w.'’&-]*\s+)*$")
"""A participle of asking and its "by", right before the asker's name ("... surveyed by the Journal")."""


_SHARE_HEADS = frozenset({"subset", "majority", "minority", "percent", "share", "third", "quarter", "half", "fraction", "most"})
"""Heads of a share of people ("a small subset of adults surveyed by CNBC")."""


def asked_by(ent: Entity, span: Span, head: Tok | None, text: str) -> str | None:
    """"group" or "person" for people a body or person asked ("Economists surveyed by Refinitiv", "voters polled by
    Gallup"): the name says who asked them, not who speaks; else None."""
    if head is None or head.pos_ != "NOUN" or not (people_noun(head.lower_) or head.lower_ in _SHARE_HEADS):
        return None
    for ms, _ in mentions_within(ent, span):
        m = _ASKED_BY.search(text, span[0], ms) if span[0] <= ms < span[1] else None
        before = text[span[0] : m.start()].split()[-1:] if m is not None else []
        if before == [head.text] or (before and before[0].islower() and people_noun(before[0]) and head.lower_ in _SHARE_HEADS):
            # (or people a share is of: "Only a small subset of adults surveyed by CNBC")
            return "group" if head.tag_ in ("NNS", "NNPS") or head.lower_ in _SHARE_HEADS else "person"
    return None


def person_named_after(head: Tok | None, head_low: str, ent: Entity, span: Span, text: str) -> bool:
    """Whether the phrase's head is a lower-case noun for a person written after the entity's mention ("The Heritage
    scholar"): the name says whose the person is (not an outlet's journalists, who publish for it: ``outlet_voice``)."""
    return (
        head is not None and head.pos_ == "NOUN" and head.text.islower() and person_noun(head_low)
        and not (ent.kind == "outlet" and outlet_voice(head_low))
        and any(span[0] <= ms and me < span[1] and head.text in text[me : span[1]].split() for ms, me in mentions_within(ent, span))
    )


ONE_PARTISAN = re.compile(
    r"(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother)\s+(?:[a-z][\w-]*\s+){0,3}(?:Republican|Democrat|Democratic lawmaker|GOP lawmaker)"
    r"\s+(?:on|in|from|at)\s"
)
"""One party member described by where they sit ("A top Republican on the House intelligence committee")."""


_OUTLET_VOICES = frozenset(
    "journalist reporter correspondent editor writer columnist critic anchor host staff staffer contributor "
    "commentator analyst producer".split()
)
"""People who publish for an outlet: "The Times journalists omitted ...", "the Times critic notes" are the paper's
voice (type guideline 5), unlike its viewers, readers or a former executive."""


def outlet_voice(word: str) -> bool:
    """Whether a noun (singular or plural) names people who publish for an outlet (``_OUTLET_VOICES``)."""
    return word in _OUTLET_VOICES or (word.endswith("s") and word[:-1] in _OUTLET_VOICES)


def titled_staffer(entities: Sequence[Entity], outlet: Entity, span: Span, text: str) -> Entity | None:
    """The person whose name ends the phrase after the name of an outlet or a body and a title (``_TITLE_BETWEEN``:
    "Marie Claire Editor-in-Chief Anne Fulenwider"), else None."""
    phrase = text[span[0] : span[1]]
    cut = RELATIVE_TAIL.search(phrase)  # (", whose May issue included ...")
    end = span[0] + len((phrase[: cut.start()] if cut is not None else phrase).rstrip(" ,"))
    for e in entities:
        if e.kind == "person":
            for ms, me in mentions_within(e, span):
                if me == end and any(_TITLE_BETWEEN.fullmatch(text, oe, ms) for _, oe in mentions_within(outlet, span)):
                    return e
    return None


_TITLE_BETWEEN = re.compile(r"\s+(?:[A-Z][\w.'’-]*\s+){1,4}|['’]s\s+(?:[a-z][\w'’-]*\s+){1,3}(?:(?:at|of|in|for)\s+[A-Z][\w.'’-]*\s+)?")
"""A capitalised title ("Fox News Senior Meteorologist Janice Dean") or a possessive and a lower-case one ("The SNP's
leader at Westminster Ian Blackford") between a body's name and a person's."""


def named_in_complement(text: str, at: int, head: str, mention: Span) -> bool:
    """Whether a name ``mention`` after a lower-case head word (at ``at`` in ``text``) only sits in the head's
    complement, naming no source: as the possessor inside a person noun's complement ("The longtime Democratic
    strategist and architect of Bill Clinton’s successful 1992 campaign"), after a participle and "by" set off by a
    comma ("The 42-year-old automotive worker, backed by the American Civil Liberties Union"), or deeper than the first
    preposition (not of / from / by) after a document's noun ("the president's speech the next day to graduates of the
    US Naval Academy"; "the post attributed to Royce Latham" keeps its author)."""
    prep = _PREP.search(text, at + len(head), mention[0]) if head.islower() else None
    if prep is None:
        return False
    low = head.lower()
    if people_noun(low) and low not in OFFICIAL_HEADS:
        return text[mention[1] : mention[1] + 2] in ("'s", "’s") or _BY_PARTICIPLE.search(text, at + len(head), mention[0]) is not None
    return low in DOCUMENT_HEADS and prep.group(1) not in ("of", "from", "by") and bool(
        set(text[prep.end() : mention[0]].lower().split()) - {"the", "a", "an"}
    )


_PREP = re.compile(r"\s(of|to|for|at|in|with|from|about|on|by)\s")
_BY_PARTICIPLE = re.compile(r",\s+\w+(?:ed|en)\s+by\s")
