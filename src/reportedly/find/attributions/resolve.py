"""Who a source is: its name, type and entity; and who an addressee is.

``describe(text, span, tokens, found, settings, before)`` types a source or
addressee phrase with the vocabulary of ``model.SOURCE_TYPES``:

* the outlet registry first ("Yonhap" -> news_agency, "KCNA" -> state_media);
* anonymous phrasings ("a source familiar with", "officials who spoke on
  condition of anonymity", "a person with close ties to");
* documents ("the report", "a statement", "the notebook") and footage
  ("footage", "video", "images broadcast by");
* groups ("experts", "officials", "voters"), governments ("the White House",
  "the ministry", "Pyongyang"), organisations and people (spaCy entity
  labels, titles, personal pronouns).

Pronouns and descriptions ("he", "the spokesman", "the agency") are resolved
by the caller (``antecedents``) and passed in as ``antecedent``; an
unresolved pronoun keeps its type and no entity.  A phrase naming a body or
the staff of a news company ("the union at Reuters", "Reuters staff") is
typed organization or group, not the outlet (``outlet_body``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...model import Entity, Span
from ...nlp import Tok
from ...registry import Registry, country_of, load_registry
from ...settings import Settings
from ..entities import entity_at, entity_by_id, mentions_near, mentions_within
from ..entities.name_words import BODY_HEADS, NOUNS_BEFORE_A_BODY, PARTY_TAG, WEB_NAME
from .appositions import (
    NAME_AT_END,
    NAME_THEN_WHO,
    NOUN_THEN_WHO,
    described_words,
    name_after_clause,
    person_after_possessive,
    set_off,
    untitled,
)
from .body_refs import BODY_DESCRIPTION
from .governments import MEMBERS_OF_A_BODY, OUTSIDERS, a_country, affiliated, committee, of_a_state
from .heads import (
    A_SET,
    ANON,
    BODY_NOUNS,
    COLLECTIVE_NOUNS,
    COMPANY_HEADS,
    DOCUMENT_HEADS,
    FOOTAGE_HEADS,
    GOVERNMENT_WORDS,
    GROUP_HEADS,
    GROUP_PRONOUNS,
    MEDIA_HEADS,
    MEMBERS,
    OFFICIAL_HEADS,
    ORG_SUFFIX,
    OUTLET_NOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    PERSON_TITLES,
    RELATIVE_TAIL,
    SOURCE_WORD,
    STATE_MEDIA,
    VAGUE_HEADS,
    outlet_body,
    people_noun,
    plural_of_document,
    title_ends,
)
from .lists import joined_parties, two_people
from .offices import NO_STAFF, PARTISAN, body_head
from .outlet_refs import OUTLET_NAME, named_paper, outlet_reference, paper_named_after
from .owners import (
    ONE_PARTISAN,
    PARTITIVE,
    after_head,
    apposed_person,
    asked_by,
    named_in_complement,
    officer_named,
    owned_by_description,
    partisans,
    people_of,
    person_named_after,
    possessor_in,
    titled_staffer,
    whose,
)
from .quotes import title_like
from .shares import OF_THINGS, ONE_IN, SHARE, many_people, some_of_people

_OBTAINED_BY = re.compile(r",?\s+(?:first\s+|exclusively\s+)?(?:obtained|seen|reviewed|acquired|viewed)\s+(?:\w+\s+){0,2}?by\s")
_CASE = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4}\s+v(?:s)?\.\s+[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4}")
_SECTION = re.compile(r"(?:the\s+)?(?:chapter|part|volume|section|episode)\s+(?:\d+|[IVXLC]+|one|two|three|four|five)\b", re.I)
"""A part of a book or a series named by its number: a document, whatever its title holds ("... Man ...")."""
_HALF_OF_A_COUNTRY = re.compile(r"the\s+(north|south)(?:\s+side)?")
_KOREAS = {"north": "KP", "south": "KR"}
"""A source "the north" or "the south" ("the north side") in a story that names that Korea ("DPRK", "south Korea"): KCNA's words for
the two Koreas, lower case there ("the North" too); elsewhere ("the South" of the U.S.) no country is named so."""
_BOTH_KOREAS = re.compile(r"(?:both\s+)?the\s+(?:north|south)\s+and\s+the\s+(?:north|south)(?:\s+of\s+korea)?")
_AGED = re.compile(r"\b(?:\d+|[a-z]+)-year-old$")
"""A person named by age ("the 59-year-old", "a 12-year-old")."""

_GOVERNMENT_HEADS = frozenset({"administration", "government", "regime", "cabinet", "ministry", "authorities"})
"""Head words of a phrase naming a government by its leader or country ("the Obama administration")."""

DESCRIPTION_OPENERS = ("the ", "his ", "her ", "their ")
"""How a description of a person by office opens ("the spokesman", "his lawyer"): such a phrase may stand for a
person the article names (``antecedents``)."""


_KIND_TYPES = {"person": "person", "organization": "organization", "outlet": "outlet", "government": "government", "group": "group"}


@dataclass(frozen=True, slots=True)
class Described:
    name: str | None
    type: str | None
    entity: str | None


def entity_for(entities: Sequence[Entity], span: Span, text: str | None = None) -> Entity | None:
    """The entity with a mention overlapping ``span`` (the longest overlap), if any (``entity_at``, with
    the ``text`` to tell possessors)."""
    hit = entity_at(entities, span, text)
    if hit is not None:
        return hit
    best: Entity | None = None
    best_len = 0
    s, e = span
    for ent, ms, me in mentions_near(entities, s, e):
        ov = min(e, me) - max(s, ms)
        if ov > best_len:
            best, best_len = ent, ov
    return best


def _registry(settings: Settings) -> Registry | None:
    try:
        return load_registry(tuple(settings.registry))
    except Exception:  # a broken registry file must not stop the analysis
        return None


def _registry_type(name: str, settings: Settings) -> tuple[str, str] | None:
    o = reg.source_outlet(name) if (reg := _registry(settings)) is not None else None
    return (o.name, o.type) if o is not None else None


_WRITTEN: dict[tuple[object, ...], str | None] = {}
"""``_as_written`` per entity of a text: every pronoun source that resolves to an outlet asks for its entity, whose
mentions grow with the text (3,000 "According to Reuters, it said ..." lines were quadratic in them)."""


def _as_written(ent: Entity, text: str, settings: Settings) -> str | None:
    """An outlet entity's name with the country word a mention of it is written after, when that word rules out
    the registry's outlet of the name ("south Korean CBS" for the entity "CBS"), else None (once per entity
    of a text: ``_WRITTEN``)."""
    if not ent.mentions:
        return None
    key = (id(text), len(text), hash(text), ent.id, len(ent.mentions), ent.mentions[0], ent.mentions[-1], tuple(settings.registry))
    if key not in _WRITTEN:
        if len(_WRITTEN) > 4096:
            _WRITTEN.clear()
        _WRITTEN[key] = _written(ent, text, settings)
    return _WRITTEN[key]


def _written(ent: Entity, text: str, settings: Settings) -> str | None:
    for ms, me in ent.mentions:
        window = text[max(0, ms - 40) : me]
        if _ruled_out(window, settings):
            m = re.search(r"(?:(?:[Ss]outh|[Nn]orth)\s+)?[A-Z][\w'’]*\s+" + re.escape(text[ms:me]) + "$", window)
            return m.group(0) if m else text[ms:me]
    return None


def _ruled_out(phrase: str, settings: Settings) -> bool:
    """Whether a country word in the phrase rules out the outlet its name alone would be ("the south
    Korean CBS" is not CBS News)."""
    return (reg := _registry(settings)) is not None and reg.rules_out(phrase)


_COMPANY_NAMED = re.compile(r"\b(?:company|corporation),\s+(?P<name>[A-Z][\w.&'’ -]*?[\w.])\s*,?$")
_NAMED_AS = re.compile(r"\b(?:named|identified as)\s+(?=[A-Z])")
_OUTLETS_NAME = re.compile(r"(?:[Tt]he\s+)?(?P<outlet>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})['’]s?\s+(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2})")
"""An outlet's name, a possessive and a capitalised name after it ("NPR's Temple-Raston")."""
_ENVOYS_AT = re.compile(r"\s+(?:of|for)\s+the\s+(?:[A-Z][\w-]*\s+)+(?:mission|delegation|embassy|consulate)\s+(?:at|to|in)\s+(?:the\s+)?$")
"""A country's envoys to a body (their office before the body's name): the body is not who speaks."""
_STATION = re.compile(r"\b(?:TV|[Tt]elevision|[Rr]adio|[Nn]ews)\s+(?:station|network|channel)\s+(?P<name>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2})$")
_PAREN_TAIL = re.compile(r"\s*\([^()]*\)?$|,\s+" + PARTY_TAG.pattern + ",?$")
"""A bracket that ends a phrase naming itself: an acronym, a share, an aside ("Iran's Revolutionary Guard Corps
(IRGC)", "A majority (65%)"), or a party tag ("Schumer, D-N.Y."): not the name."""


def describe(
    text: str,
    span: Span,
    head: Tok | None,
    entities: Sequence[Entity],
    settings: Settings,
    antecedent: tuple[str, str | None] | None = None,
) -> Described:
    """Name, type and entity of a source (or addressee) phrase ``text[span]``.

    ``head`` is the phrase's syntactic head when known; ``antecedent`` the
    (name, entity id) a pronoun or description resolves to, chosen by the caller.  A phrase that names
    itself is named without its relative clause ("the official, who spoke on background": "the official");
    the clause still types it (anonymous).
    """
    members = MEMBERS.search(text, span[0], span[1])
    if members is not None and members.group("like") and (head is None or text[span[0] : members.start()].split()[-1:] != [head.text]):
        members = None  # "Governors in states like Kansas": "like" gives examples of the head alone ("contenders like ...")
    if members is not None and text[span[0] : members.start()].strip() and (head is None or head.text in text[span[0] : members.start()]):
        # "Republican lawmakers, including Trump,": who speaks is the phrase before its examples, not one of them
        span = (span[0], members.start())
    d = _describe(text, span, head, entities, settings, antecedent)
    if d.name is None or d.name != text[span[0] : span[1]].strip():
        return d
    cut = RELATIVE_TAIL.search(d.name) or _PAREN_TAIL.search(d.name)
    if cut is not None and cut.start() > 0:
        return Described(d.name[: cut.start()].rstrip(" ,;:"), d.type, d.entity)  # (not "Chaffetz," of "Chaffetz, (R-Utah)")
    described = NOUN_THEN_WHO.match(d.name) if not NAME_AT_END.search(d.name) else None
    return Described(described_words(described), d.type, d.entity) if described is not None else d


def _describe(
    text: str,
    span: Span,
    head: Tok | None,
    entities: Sequence[Entity],
    settings: Settings,
    antecedent: tuple[str, str | None] | None = None,
) -> Described:
    phrase = text[span[0] : span[1]].strip()
    low = phrase.lower()
    head_low = head.text.lower() if head is not None else low.split()[-1] if low.split() else low
    first = re.match(r"^(?:the|this|that|new|state|tv)?\s*(\w+)", low)
    if head_low in FOOTAGE_HEADS or (first is not None and first.group(1) in FOOTAGE_HEADS):
        # "The footage, released by KCTV and reported by Yonhap": the footage is the source, whoever
        # aired it (the outlets inside the phrase are left to the relay chains)
        return Described(phrase, "footage", None)
    if _SECTION.match(phrase) or _CASE.fullmatch(phrase):  # (a court case's name: "Texas v. United States")
        return Described(phrase, "document", None)  # 'Chapter 3 "Strongest Man with Indomitable Mental Power"'
    body = outlet_body(phrase, head_low)
    if body is not None:
        # "The union at Reuters", "BBC journalists' union", "Reuters staff": a body or the staff of an
        # outlet, not the outlet
        whole = entity_for(entities, span, text)
        if whole is not None and whole.kind != "outlet" and ORG_SUFFIX.search(whole.name):
            return Described(whole.name, body, whole.id)
        company = _COMPANY_NAMED.search(phrase)  # "Fox News Channel's parent company, Fox Corp.": the company by its name
        return Described(company.group("name"), body, None) if company is not None else Described(phrase, body, None)
    if antecedent is not None and outlet_reference(low):
        # "the agency", "the paper": the outlet the text named before
        named = _registry_type(antecedent[0], settings)
        return Described(named[0] if named else antecedent[0], named[1] if named else "outlet", antecedent[1])
    if antecedent is not None and antecedent[1] is not None and BODY_DESCRIPTION.fullmatch(" ".join(phrase.split())):
        # "the organization", "the rights group": the body named just before (``antecedents``)
        named_ent = entity_by_id(entities, antecedent[1])
        if named_ent is not None and (kind := _KIND_TYPES.get(named_ent.kind)) is not None:
            return Described(antecedent[0], kind, antecedent[1])
    half = _HALF_OF_A_COUNTRY.fullmatch(low)
    if half is not None:
        # "The north refuted it": KCNA's "the north" / "the south" for the two Koreas, when the article names that one
        code = _KOREAS[half.group(1)]
        country = next((e for e in entities if country_of(e.name) == code), None)
        if country is not None:
            return Described(country.name, "government", country.id)
    if _BOTH_KOREAS.fullmatch(low) and any(country_of(e.name) in _KOREAS.values() for e in entities):
        return Described(phrase, "government", None)  # "the north and the south (of Korea) agreed": the two sides
    who_clause = NAME_THEN_WHO.match(phrase)
    title = _QUOTE_MARK.search(phrase)
    at = span[0] + text[span[0] : span[1]].index(phrase)
    if who_clause is not None:
        # "Pak who had resided in Rapuk-dong ...": the name before the relative clause, not one inside it
        at += who_clause.start("name")
        ent = entity_for(entities, (at, at + len(who_clause.group("name"))), text)
    elif title is not None and title.start() > 0:
        # "The travelogue titled “Beautiful Kim Il Sung ...”": a name in the quoted title is not the source
        ent = entity_for(entities, (at, at + title.start()), text)
    elif (described := NOUN_THEN_WHO.match(phrase)) is not None and not NAME_AT_END.search(phrase):
        # "one Republican senator who vented frustration ... on Twitter": no name inside the clause names the speaker
        ent = entity_for(entities, (at, at + len(described_words(described))), text)
    else:
        ent = entity_for(entities, span, text)
    off = set_off(phrase) if who_clause is None and (title is None or title.start() == 0) else None
    off_ent = entity_for(entities, (at, at + len(off[0])), text) if off is not None else None
    if (
        off is not None and not country_of(off[0]) and not _registry_type(off[0], settings)
        and (off_ent is None or off_ent.kind in (("place", "person") if off[1] == "organization" else ("place", "organization")))
    ):
        # "Ri Ung, a department director of ...": a name spaCy missed; "Severino, the civil rights office director": the
        # surname of a person the article names in full; "Akili, the 71-year-old Black Lives Matter activist who ...":
        # not the body the description names; "Candid, a nonprofit which tracks donations": a body, "Tariq, the car parts
        # salesman" a person (whatever spaCy typed the name)
        name = off[0]
        if off[1] == "organization":
            return Described(name, "organization", off_ent.id if off_ent is not None else None)
        full = next((e for e in entities if e.kind == "person" and e.name.endswith(" " + name)), None) if " " not in name else None
        return Described(full.name, "person", full.id) if full is not None else Described(name, "person", None)
    staff = _OUTLETS_NAME.fullmatch(phrase)
    if (
        staff is not None and head is not None and head.pos_ == "PROPN" and _registry_type(staff.group("outlet"), settings)
        and not _registry_type(staff.group("name"), settings) and not country_of(staff.group("name"))
    ):
        # "NPR's Temple-Raston", "CNN's Acosta": the outlet's journalist, whom spaCy did not call a person
        who = entity_for(entities, (at + staff.start("name"), at + staff.end("name")), text)
        if who is not None and who.kind == "person":
            return Described(who.name, "person", who.id)
        return Described(staff.group("name"), "person", None)
    if (full := person_after_possessive(phrase, entities)) is not None:
        return Described(full.name, "person", full.id)  # "The University of New Mexico’s Sanchez": Gabriel Sanchez
    obtained = _OBTAINED_BY.search(phrase)
    if obtained is not None and obtained.start() > 0 and (head_low in DOCUMENT_HEADS or plural_of_document(head_low)):
        # "The letter, obtained by Fox News", "a government watchdog report obtained by FoxNews.com": the document, not
        # the outlet that has it
        return Described(phrase[: obtained.start()].rstrip(" ,;:—–-"), "document", None)
    if ent is not None and (asked := asked_by(ent, span, head, text)) is not None:
        return Described(phrase, asked, None)  # "Economists surveyed by Refinitiv": not Refinitiv
    if ent is not None and (led := body_head(phrase, ent)) is not None:
        # "The Facebook founder", "the Tesla CEO": the person a description resolved to, when a role of theirs names
        # the body; unnamed, a founder or owner is a person still (a chief executive speaks for the company: guideline 5)
        holder = entity_by_id(entities, antecedent[1]) if antecedent is not None else None
        if holder is not None and holder.kind == "person" and any(led[0].lower() in r.lower() for r in holder.roles):
            return Described(holder.name, "person", holder.id)
        if led[1] in NO_STAFF:
            return Described(phrase, "person", None)
        antecedent = None  # (not "Tim Cook, the Apple CEO" for "the Tesla CEO")
    # a person the article names by an outlet's word ("Bloomberg said" after "Michael Bloomberg") is that person
    surname = ent is not None and ent.kind == "person" and ent.name != phrase and ent.name.endswith(" " + phrase)
    reg = _registry_type(phrase, settings) if not surname else None
    if reg is None and (cut := RELATIVE_TAIL.search(phrase)) is not None and cut.start() > 0:
        reg = _registry_type(phrase[: cut.start()], settings)  # "RT.com, which also reported ..."
    listed = joined_parties(entities, span, text) if ent is not None else None
    # (not one of a list, below; nor a name that only says whose a person is: "The Heritage scholar", "A Fox News viewer")
    if (
        reg is None and ent is not None and listed is None and not person_named_after(head, head_low, ent, span, text)
        and people_of(ent, span, head, text) is None
    ):
        reg = _registry_type(ent.name, settings)
        if reg is not None and _ruled_out(phrase, settings):
            # "The south Korean CBS": an outlet of that country the registry lacks, named as written
            return Described(re.sub(r"^(?:the|an?)\s+", "", phrase, flags=re.I), "outlet", ent.id)
    if reg is not None and ent is not None and ent.kind == "outlet" and (staffer := titled_staffer(entities, ent, span, text)):
        return Described(staffer.name, "person", staffer.id)  # "Fox News Senior Meteorologist Janice Dean": not Fox News
    if reg is not None:
        return Described(reg[0], reg[1], ent.id if ent else None)
    if (called_body := _BODY_CALLED.fullmatch(phrase.rstrip(" ,"))) is not None and not _registry_type(called_body.group("name"), settings):
        # "The charity Refuge" (spaCy: a place), "the anti-government group Tamarod" (a person): the body the noun says
        body_ent = entity_for(entities, (at + called_body.start("name"), at + called_body.end("name")), text)
        return Described(called_body.group("name"), "organization", body_ent.id if body_ent is not None else None)
    several = _NAMES_THEN_NOUN.fullmatch(phrase) if not re.search(r"['’]s?\s", phrase) else None
    if several is not None and not plural_of_document(several.group("head")) and several.group("head") not in FOOTAGE_HEADS:
        noun = several.group("head")
        kind = "government" if noun in ("officials", "administrations", "governments", "authorities") else "group"
        return Described(phrase, kind, None)  # "Catholic and Lutheran groups", "Apple and Google executives"
    if _WORDS_THEN_BODIES.fullmatch(" ".join(phrase.split())):
        return Described(phrase, "group", None)  # "Civic and public organizations in south Korea": not "Civic"
    paper = named_paper(phrase) or paper_named_after(text, span, phrase)
    if paper is not None:
        # "The Russian paper Serp I Molot": a newspaper the registry lacks
        return Described(paper, "outlet", ent.id if ent is not None and ent.name == paper else None)
    body = _body_by_name(phrase)
    if body is not None and (ent is None or (ent.kind != "person" and len(ent.name) < len(body))):
        # "The Society for the Promotion of the Relations between Austria and the DPRK": a body named in
        # full (spaCy cut the name at "between")
        return Described(body, "organization", None)
    if STATE_MEDIA.search(phrase):
        return Described(phrase, "state_media", ent.id if ent else None)
    called = _NAMED_AS.search(phrase, 1)
    who = entity_for(entities, (at + called.end(), span[1]), text) if called is not None else None
    if who is not None and who.kind == "person":
        return Described(who.name, "person", who.id)  # "a Hamas official named Ahmad Bahr": not anonymous
    if (named_end := NAME_AT_END.search(phrase)) is not None:
        name = named_end.group().lstrip(", \t\n")
        who = entity_for(entities, (at + named_end.end() - len(name), at + named_end.end()), text)
        if (
            who is not None and who.kind == "person" and who.name.endswith(name.split()[-1])
            and two_people(entities, span, text) is None  # (not the last of two: "Theresa May, and her ..., Mark Rutte")
        ):
            return Described(who.name, "person", who.id)  # "An official of the State General Bureau of Tourism, Jong Il Hyon"
    clause_name = name_after_clause(phrase)
    who = entity_for(entities, (at + clause_name[0], at + clause_name[1]), text) if clause_name is not None else None
    if clause_name is not None and who is not None and who.kind == "person" and who.name.endswith(phrase[slice(*clause_name)].split()[-1]):
        return Described(who.name, "person", who.id)  # "A Republican who is disillusioned by Trump, Byron Johnson, 37, ..."
    if (ANON.search(phrase) or SOURCE_WORD.match(phrase)) and not (
        ent is not None and ent.kind == "person" and head is not None and head.ent_type_ == "PERSON"
    ):
        return Described(phrase, "anonymous", None)  # (a named person is none: "Clinton insider Paul Begala")
    if who_clause is not None and ent is None and head is not None and head.pos_ == "PROPN":
        # "Crist, who left the GOP after ...", a name spaCy did not tag, without its titles ("Representative Elijah
        # Cummings, who chairs ...")
        return Described(untitled(who_clause.group("name")), "person", None)
    if (head is not None and head.pos_ == "PRON") or low in PERSON_PRONOUNS | GROUP_PRONOUNS | {"who", "which", "that"}:
        if antecedent and antecedent[1]:
            # the entity the pronoun stands for gives its type ("it" for the Kremlin is a government)
            ante_ent = entity_by_id(entities, antecedent[1])
            kind = _KIND_TYPES.get(ante_ent.kind) if ante_ent is not None else None
            if kind == "outlet" and ante_ent is not None and (written := _as_written(ante_ent, text, settings)) is not None:
                return Described(written, "outlet", antecedent[1])  # "it" after "the south Korean CBS": not CBS News
            if kind == "outlet" and (named := _registry_type(antecedent[0], settings)) is not None:
                return Described(named[0], named[1], antecedent[1])  # "It said" after ITAR-TASS: TASS, state media
            if kind:
                return Described(antecedent[0], kind, antecedent[1])
        if head_low in GROUP_PRONOUNS or low in GROUP_PRONOUNS:
            if antecedent:
                return Described(antecedent[0], "group", antecedent[1])
            return Described(phrase, "group", None)
        if low in ("it", "which", "that"):
            return Described(antecedent[0] if antecedent else phrase, "organization", antecedent[1] if antecedent else None)
        if low == "this":
            return Described(phrase, "unknown", None)  # "This suggests that ...": a finding, nobody
        if (part := PARTITIVE.match(low)) is not None and part.group("q") not in ("one", "each"):
            # "Some of the Democrats", "most of them": several people ("All of which is to say": nobody)
            if plural_of_document(low.split()[-1]):
                return Described(phrase, "document", None)  # "Some of the documents"
            return Described(phrase, "unknown" if OF_THINGS.search(low) else "group", None)
        if antecedent:
            return Described(antecedent[0], "person", antecedent[1])
        return Described(phrase, "group" if low in _SEVERAL else "person", None)  # ("Some have criticized ...")
    if (
        antecedent
        and antecedent[1]
        and low.startswith(DESCRIPTION_OPENERS)
        and (PERSON_TITLES.fullmatch(head_low) or title_ends(low, head_low) or PARTISAN.fullmatch(" ".join(phrase.split())))
        and (holder := entity_by_id(entities, antecedent[1])) is not None
        and holder.kind == "person"
        and (ent is None or ent.kind != "person")
    ):
        # "the U.S. Ambassador in Moscow", "his lawyer": the person holding the office, named in the article
        # (not "the president's critics", headed by another word; a phrase naming its person, "his lawyer,
        # Lanny Davis", is that person: below)
        return Described(antecedent[0], "person", antecedent[1])
    if head is not None and head_low in OFFICIAL_HEADS and of_a_state(head):
        return Described(phrase, "government", None)  # the entity nearby is the country, not its officials
    if ent is not None and ent.kind in ("person", "place") and head_low in _GOVERNMENT_HEADS:
        # "the Trump administration", "the Assad regime": the person or place only says whose
        return Described(phrase, "government", None)
    if (
        ent is not None and ent.kind == "person" and not (OUTLET_NOUNS | {"paper", "papers"}).intersection(low.split())
        and (both := two_people(entities, span, text)) is not None
    ):
        # "Conaway and Schiff said": both, not the one named last (named by the list alone: "[in company with] Mitt
        # Romney and Jeb Bush, who ...")
        return Described(" ".join(both[1].split()), "group", None)
    if ent is not None and (party := partisans(ent, span, head, text)) is not None:
        # "Senate Republicans", "House Republican leaders": a party's members in a body, not the body ("one
        # conservative House Republican": one member)
        return Described(party, "person" if head is not None and head.text in ("Republican", "Democrat") else "group", None)
    if (
        ent is not None and head is not None and (part := PARTITIVE.match(low)) is not None
        and head_low == part.group("q") and possessor_in(ent, span, text)
    ):
        # "Three of President Obama's GOP partners", "one of Trump's lawyers": some of them, not the name that
        # says whose (a name in apposition is the source: "one of the plaintiff's attorneys, Joe Rice")
        return Described(phrase, "person" if head_low in ("one", "each") else "group", None)
    if ONE_PARTISAN.match(phrase) and "," not in phrase:  # (not with a name in apposition: "..., Rep. Jim Jordan")
        return Described(phrase, "person", None)  # "A top Republican on the House intelligence committee": a member
    if many_people(low) and (ent is None or ent.kind != "group"):
        # "A group of Iranian lawmakers", "the group of Pelosi critics", "A slew of GOP lawmakers", "Most of the declared
        # 2020 Democratic candidates": several people, not a name that says whose (a group the article names keeps its
        # name, as for "some Republicans": "a number of Republicans" is Republicans)
        return Described(phrase, "group", None)
    if (
        ent is not None and ent.kind in ("organization", "government") and head is not None
        and (PERSON_TITLES.fullmatch(head_low) or people_noun(head_low))
        and (staffer := titled_staffer(entities, ent, span, text)) is not None
    ):
        return Described(staffer.name, "person", staffer.id)  # "The SNP's leader at Westminster Ian Blackford"
    if (
        ent is not None and head is not None and (people_noun(head_low) or head_low == "member")
        and _PARTY_ALONE.fullmatch(ent.name) and head_low not in _PARTY_STAFF
    ):
        # "GOP senators", "Labour MPs", "one well-connected GOP member": the party's members, not the party (its staff
        # speak for it: "a GOP leadership aide", type guideline 5)
        return Described(phrase, "group" if head.tag_ == "NNS" else "person", None)
    if ent is not None and (apposed := apposed_person(entities, ent, span, text)) is not None:
        return Described(apposed.name, "person", apposed.id)  # "Mr. Issa's predecessor on the panel, Rep. Henry Waxman"
    if _FORMER.match(low) and head is not None and head.tag_ in ("NN", "NNS") and (
        PERSON_TITLES.fullmatch(head_low.removesuffix("s")) or people_noun(head_low) or head_low in ("member", "counsel", "prosecutor")
    ):
        # "the former special counsel and FBI director": no longer the FBI's; "four former CDC directors"
        return Described(phrase, "person" if head.tag_ == "NN" else "group", None)
    if ent is not None and (owned := whose(ent, span, head, text) or people_of(ent, span, head, text)) is not None:
        # "a Trump adviser", "Trump supporters", "the Clemson quarterback", "lawyers for the Trump administration",
        # "a spokeswoman for Senator Smith": the name only says whose
        return Described(phrase, owned, None)
    if ent is not None and ent.kind == "government" and head is not None and head_low in MEMBERS_OF_A_BODY and any(
        span[0] <= ms and re.match(rf"\s+{re.escape(head.text)}\b", text[me : span[1]]) for ms, me in mentions_within(ent, span)
    ):
        # "conservative House members", "Senate lawmakers": members of the body, named as written (its officials, who
        # speak for it, are the body's: type guideline 5)
        return Described(phrase, "government", None)
    if ent is not None and ent.kind in ("organization", "place") and head_low == "police" and mentions_within(ent, span):
        return Described(phrase, "government", None)  # "Capitol police say": a police force, not the Capitol
    if ent is not None and committee(ent, span, head, text):
        return Described(phrase, "government", None)  # "the House Benghazi committee": the committee, not the House
    # (a person's surname that is also a country's name is the person: "Jordan" of "Rep. Jim Jordan")
    named_country = country_of(phrase) is not None and not (ent is not None and ent.kind == "person")
    if named_country or (ent is not None and a_country(ent, span, head, text)):
        # "DPRK said" (spaCy: an organisation), "the communist North warned" (the entity North Korea): a
        # country speaking is its government (type guideline 5)
        name = phrase if named_country or ent is None else ent.name  # "Washington", not a dateline's "WASHINGTON"
        return Described(name, "government", ent.id if ent else None)
    if ent is not None and ent.kind == "organization" and _A_LAW.search(ent.name) and _headed_by(ent, head, head_low, text):
        return Described(ent.name, "document", ent.id)  # "according to the ... Pregnant Workers Fairness Act"
    if ent is not None and (
        ((head_low in DOCUMENT_HEADS or plural_of_document(head_low))
        and (owned_by_description(ent, span, text) or after_head(ent, span, head, text)))
        or (head is not None and head.ent_type_ == "WORK_OF_ART" and title_like(phrase) and after_head(ent, span, head, text, any_word=True))
    ):
        # "the former FBI director's prepared remarks": not the FBI; "the criminal complaint filed against Dzhokhar
        # Tsarnaev": not Tsarnaev; "Selected Works of Kim Jong Il" which ...: a work, whoever its title names
        return Described(phrase, "document", None)
    if ent is not None and head is not None and head.text[:1].isupper() and _national(head_low):
        return Described(phrase, "person" if head_low.endswith("man") else "group", None)  # "the Frenchman"
    if ent is not None and head is not None and head.tag_ in ("NNPS", "NNP") and _FAMILY.fullmatch(phrase) and (
        (ent.kind == "person" and head.tag_ == "NNPS") or any(e.kind == "person" and e.name.endswith(" " + head.text[:-1]) for e in entities)
    ):
        return Described(phrase, "group", ent.id if ent.kind == "person" else None)  # "The Clintons", "the Cheneys": a family
    if ent is not None and (officer := officer_named(ent, span, text)) is not None:
        return Described(officer, "person", None)  # "Texas Democratic Party Chair Ramiro Hinojosa" (no entity)
    if listed is not None:
        # "Congress and President Obama", "The Associated Press and CNN": all of them, not the one the head names
        kinds = {"government" if e.kind == "place" or country_of(e.name) else _KIND_TYPES.get(e.kind) for e in listed[1]}
        # (places and countries, "Sierra Leone" an organisation to spaCy, speak as governments)
        return Described(listed[0], kinds.pop() if len(kinds) == 1 and None not in kinds else "group", None)
    if ent is not None and head is not None:
        at, inside = text.find(head.text, span[0], span[1]), mentions_within(ent, span)
        if head_low in MEDIA_HEADS and head.text.islower() and not STATE_MEDIA.search(phrase) and all(me <= at for _, me in inside):
            return Described(phrase, "outlet", None)  # "The Left media all were reporting": unnamed media the name describes
        if at >= 0 and _ENVOYS_AT.match(text, at + len(head.text), inside[0][0] if inside else at):
            return Described(phrase, "person", None)  # "The deputy chief of the Iranian mission at the UN": not the UN's
        if at >= 0 and inside and named_in_complement(text, at, head.text, inside[0]):
            ent = None  # "The longtime Democratic strategist and architect of Bill Clinton’s campaign" (``owners``)
        if head.pos_ == "PROPN" and at >= 0 and inside and all(ms > at for ms, _ in inside) and _DASH.search(text, at, inside[0][0]):
            ent = None  # "the Institute for Justice—the libertarian firm representing Timbs": a name after a dash
    if (station := _STATION.search(phrase)) is not None:
        return Described(station.group("name"), "outlet", None)  # "local Philadelphia TV station WPVI": WPVI
    if (
        ent is not None and ent.kind == "group" and head is not None and head.pos_ in ("NOUN", "PROPN") and head.text.islower()
        and (PERSON_TITLES.fullmatch(head_low) or people_noun(head_low) or head_low in OFFICIAL_HEADS or GOVERNMENT_WORDS.fullmatch(head_low))
        and not many_people(low) and not PARTITIVE.match(low)
    ):
        ent = None  # "the Japanese prime minister" beside "to rescue Japanese": a nationality before a noun names no one
    if ent is not None:
        kind = "outlet" if ent.kind == "organization" and OUTLET_NAME.search(ent.name) else _KIND_TYPES.get(ent.kind)
        if kind:
            return Described(ent.name, kind, ent.id)  # ("the Providence Journal", not in the registry: an outlet)
    if head_low in DOCUMENT_HEADS or plural_of_document(head_low):
        return Described(phrase, "document", None)  # "the report", "polls that show", "studies"
    label = head.ent_type_ if head is not None else ""
    if label == "PERSON":
        return Described(phrase, "person", None)
    if (head_low in MEDIA_HEADS or (head_low in OUTLET_NOUNS and not A_SET.match(low))) and not STATE_MEDIA.search(phrase):
        # "Washington media", "the establishment press", "the domestic radio", "the newspaper" no outlet named before
        # stands for: unnamed outlets
        return Described(phrase, "outlet", None)
    if (GOVERNMENT_WORDS.search(phrase) and head_low not in OUTSIDERS) or label in ("GPE",):
        return Described(phrase, "government", None)
    if label == "NORP" and head is not None and head.text in ("Democrat", "Republican") and re.match(r"(?:[Tt]he|[Aa]|[Aa]nother|[Oo]ne) ", phrase):
        return Described(phrase, "person", None)  # "The Texas Democrat told reporters": one member, a person
    if label in ("ORG", "NORP") and head_low not in ("mps", "meps") and not (head is not None and head.tag_ == "NNS" and people_noun(head_low)):
        return Described(phrase, "organization" if label == "ORG" else "group", None)
    if head_low in VAGUE_HEADS and not affiliated(phrase, head):
        return Described(phrase, "anonymous", None)
    if head_low in COMPANY_HEADS:
        return Described(phrase, "organization", None)  # "several major movie theater companies" (guideline 5)
    if head_low in GROUP_HEADS or (head is not None and head.tag_ in ("NNS", "NNPS")) or head_low in ("mps", "meps"):
        return Described(phrase, "group", None)
    if ONE_IN.match(low) or (head is not None and any(
        k.dep_ == "conj" and (_JOINED_OTHERS.search(phrase) or (k.tag_ in ("NNS", "NNPS") and people_noun(head_low)))
        for k in head.children
    )):
        return Described(phrase, "group", None)  # "nearly one in five chief financial officers", "the senator and his staff",
        # "a reporter and speakers"
    if PERSON_TITLES.search(phrase) and head_low not in BODY_NOUNS:  # (not "The president’s campaign": below)
        if antecedent and low.startswith(DESCRIPTION_OPENERS):
            return Described(antecedent[0], "person", antecedent[1])
        return Described(phrase, "person", None)
    if head_low in PERSON_NOUNS or (head_low == "who" and low == "who") or _AGED.search(low):
        return Described(phrase, "person", None)  # "the staffer", "a commissioner", an unresolved "who", "the 59-year-old"
    if head_low in ("delegation", "delegations"):
        # "The DPRK delegation calls for ...": a country's envoys speak for its government
        national = any(country_of(w) for w in re.findall(r"[A-Z][\w.'’-]+", phrase)) or label in ("GPE", "NORP")
        return Described(phrase, "government" if national else "group", None)
    if (head_low in COLLECTIVE_NOUNS and not re.search(r"\bcouple\s+of\b", low)) or SHARE.fullmatch(low):
        # "the family", "a grand jury", "62 percent", "a majority of voters"; "42%", "Four-in-ten", "two-thirds" (of a
        # poll's respondents)
        return Described(phrase, "group", None)
    if head_low in BODY_NOUNS or (head_low == "group" and not re.fullmatch(r"(?:the|a|one|another)\s+group|.*\bgroup\s+of\b.*", low)):
        # "The Milwaukee-based firm", "the pension fund", "his campaign", "a top business advocacy group" (not "a group
        # of", nor a bare "the group": KCNA's for a government it scorns)
        return Described(phrase, "organization", None)
    if head is not None and ((head.pos_ == "PROPN" and head_low in _BODY_WORDS) or WEB_NAME.search(head_low)):
        return Described(phrase, "organization", None)  # "The Belarus February 16 Youth Association for ...", "GunLaws.com"
    if head is not None and head.pos_ == "PROPN":
        return Described(who_clause.group("name") if who_clause is not None else phrase, "person", None)
    if (part := PARTITIVE.match(low)) is not None and some_of_people(low):
        return Described(phrase, "person" if part.group("q") in ("one", "each") else "group", None)  # "One of the officials"
    if (part := PARTITIVE.match(low)) is not None and re.search(r"\bof\s+(?:them|us|you|those|these)(?:\s+who\b.*)?$", low):
        return Described(phrase, "person" if part.group("q") in ("one", "each") else "group", None)  # "Most of them"
    return Described(phrase, "unknown", None)


_DASH = re.compile(r"—|\s[–-]\s")
_SEVERAL = frozenset("some many most several both others few all".split())
_PARTY_ALONE = re.compile(r"(?:the\s+)?(?:GOP|Labour|Tories|SNP|Lib Dems?|Liberal Democrats|Conservatives)", re.I)
_PARTY_STAFF = frozenset("aide aides staffer staffers spokesman spokeswoman spokesperson official officials employee employees".split())
_FORMER = re.compile(r"(?:the|a|an|[\w.-]+['’]s|two|three|four|five|six|seven|eight|nine|ten|\d+|several|some|many)\s+former\s")
"""A description of someone who held an office ("the former FBI director"): a person, who no longer speaks for the body."""
_JOINED_OTHERS = re.compile(r"\s(?:and|&)\s+(?:the|a|an|his|her|their|its|other|some|several)\s")
"""Another party joined by "and" with its own determiner ("the senator and his staff"; not "president and CEO")."""


def _headed_by(ent: Entity, head: Tok | None, head_low: str, text: str) -> bool:
    """Whether the phrase is headed by the entity's name ("The NSL", "the ... Fairness Act"), not by a word it
    modifies ("the FISA court")."""
    if head_low in ("act", "law", "treaty", "agreement", "accord", "bill"):
        return True
    return head is not None and any(text[ms:me] == head.text for ms, me in ent.mentions)


_A_LAW = re.compile(r"\b(?:Act|Law|Treaty|Agreement|Accord|Bill)$")
_NAME_JOINERS = frozenset("of for the and between with in on to against".split())
_BODY_CALLED = re.compile(
    rf"(?:[Tt]he\s+)?(?:[\w-]+\s+){{0,3}}?(?:{NOUNS_BEFORE_A_BODY}|network|association|campaign\s+group|advocacy\s+group|lobby)\s+"
    r"(?P<name>(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][\w'’.&-]*"
    r"(?:\s+(?:of\s+|for\s+|the\s+)*[A-Z][\w'’.&-]*){0,5})"
)
"""A body named after the noun that says what it is: "The charity Refuge", "the anti-government group Tamarod", "the
think tank Demos", "The firm Crowdstrike" (not a day: "the company Monday said")."""
_BODY_WORDS = BODY_HEADS | {"organization", "organisation", "party", "headquarters", "secretariat", "solidarity", "forum"}
_NAMES_THEN_NOUN = re.compile(
    r"(?:(?:[Tt]he|[Ss]ome|[Mm]any|[Ss]everal|[Oo]ther)\s+)?(?:[A-Z][\w'’.-]*\s+)*?[A-Z][\w'’.-]*"
    r"(?:(?:,\s+|\s+(?:and|&)\s+|,\s+and\s+)(?:[A-Z][\w'’.-]*\s+)*?[A-Z][\w'’.-]*)+"
    r"\s+(?:[a-z][\w-]*\s+)?(?P<head>[a-z][\w-]*s)"
)
"""Two or more names before a plural noun they modify: "Catholic, Baptist and Lutheran organizations"."""
_WORDS_THEN_BODIES = re.compile(
    r"(?:[Tt]he\s+)?[A-Z][a-z]+(?:,\s+[a-z]+)*,?\s+(?:and|or)\s+(?:[a-z]+\s+)?"
    r"(?:groups|organizations|organisations|bodies|associations|unions)\b(?:\s+(?:in|of|from)\s+.*)?"
)
"""A word and others before a plural noun for bodies, the first capitalised where the sentence starts: "Civic and
public organizations in south Korea" (spaCy named "Civic" an organisation; 47 places in KCNA)."""
_PLURAL_BODY_WORDS = frozenset({"centers", "centres"})
"""Plural head words that name one body ("Centers for Medicare and Medicaid Services"); "Organizations of Thailand
and Ethiopia" are several."""
_ACRONYM_AFTER = re.compile(r"\s*\([A-Z][\w-]*\)?\s*$")
_STATEMENT_TAIL = re.compile(r"\s+(?:in|on|through)\s+(?:an?|its|their)\s+[a-z].*$|\s+on\s+[A-Z][a-z]+\.?\s+\d.*$")
_SECOND_BODY = re.compile(
    r"\band (?:the )?(?:[A-Z][\w-]*\s){0,3}(?:" + "|".join(w.capitalize() for w in sorted(_BODY_WORDS | {"branch"})) + r")\b"
)


TITLE_OPENER = r"\b(?:titled|entitled|called|named|headlined)\s+"
"""What opens a quoted title in a source phrase ("The travelogue titled “...”"), unlike scare quotes or a nickname
(``chains.sources`` reads the same)."""
_QUOTE_MARK = re.compile(TITLE_OPENER + r"[“\"]")
def _body_by_name(phrase: str) -> str | None:
    """A body's full name: four or more words, every one capitalised but joining words, with a body word among
    the first two ("Society for the Promotion of ...", "Indonesian Federation of Transport Trade Unions"); not a
    list of bodies, and not a title before a person (the caller checks: "Committee Chairman Trey Gowdy")."""
    if "," in phrase or _SECOND_BODY.search(phrase):
        return None  # bodies in a list: "the British Association for ..., the British Group for ... and the ..."
    phrase = _STATEMENT_TAIL.sub("", phrase)  # "... Reunification in a statement on April 7": the name before it
    words = _ACRONYM_AFTER.sub("", phrase).split()  # "... Reunification (Pomminryon)": the name before it
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) < 4 or words[-1].lower() in _NAME_JOINERS:
        return None
    if not all(w[:1].isupper() or w in _NAME_JOINERS for w in words):
        return None
    if not any(w.lower() in _BODY_WORDS or w.lower() in _PLURAL_BODY_WORDS for w in words[:2]):
        return None
    return " ".join(words)


_FAMILY = re.compile(r"(?:[Tt]he|[Bb]oth(?:\s+the)?)\s+[A-Z][\w'’-]+s")


def _national(word: str) -> bool:
    """ "frenchman", "englishwomen": a person or people named by a nationality."""
    for end in ("woman", "women", "man", "men"):
        if word.endswith(end) and len(word) > len(end) + 2:
            return country_of(word[: -len(end)]) is not None or country_of(word[: -len(end)] + "e") is not None
    return False
