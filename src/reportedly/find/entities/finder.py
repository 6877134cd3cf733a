"""``find_entities``: mentions, their roles and their clusters as ``Entity`` records; ``entity_at`` for later stages.

The steps: mentions (``mentions``: spaCy's entities fixed, registry outlets,
government phrases, bracketed acronyms, byline and credit blocks), roles
read around each mention (``roles``), mentions grouped by referent
(``clusters``), further occurrences of the clusters' names recovered, and
one ``Entity`` per cluster in order of first mention.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ...model import Entity, Span
from ...nlp import Parsed, texts
from ...registry import load_registry
from ...registry.countries import is_country_word
from ...settings import Settings
from .. import Found
from .clusters import FUNCTION_WORDS, cluster, cluster_kind, cluster_kinds, is_acronym, org_words
from .edges import char_span
from .lexicon import Lexicon, lexicon, word_key
from .mentions import (
    Mention,
    government_phrases,
    join_body_names,
    ner_mentions,
    plain_blocks,
    plain_mentions,
    scan_mentions,
)
from .name_words import korean_family_name, nonperson_label
from .nicknames import nicknamed
from .retype import bodies_by_noun, people_in_a_list, places_by_state, surname_not_outlet
from .roles import Roles, role_after, title_before, title_before_comma

PRODUCED_BY = "entities.rules/1"


def find_entities(parsed: Parsed, found: Found, settings: Settings) -> tuple[Entity, ...]:
    """The named entities of the article, one per real-world referent, in order of first mention.

    Each entity has every mention of its name (exact spans, possessive "'s"
    and titles left out), its kind (person, organization, outlet, government,
    place, group), its distinct roles as written, in order of first
    appearance, and the span of every occurrence of a role, in text order
    (so ``role_spans`` may be longer than ``roles``).  Works on any block
    kinds and on docs without tags or a dependency parse (rules then rely on
    word lists and capitalisation only).
    """
    lex = lexicon()
    registry = load_registry(tuple(settings.registry))
    mentions = nicknamed(parsed, join_body_names(parsed, list(ner_mentions(parsed, registry, lex))), lex)
    taken = {(m.seg, t) for m in mentions for t in range(m.tok_start, m.tok_end)}
    for si, seg in enumerate(parsed.segments):
        for ent in seg.doc.ents:
            taken.update((si, t) for t in range(ent.start, ent.end))
    mentions.extend(scan_mentions(parsed, registry, lex, taken))
    mentions.extend(government_phrases(parsed, mentions))
    text = parsed.text
    _name(text, mentions)
    mentions.extend(_bracketed_acronyms(parsed, mentions))
    mentions.extend(_named_before_who(parsed, mentions, lex))
    mentions.extend(plain_mentions(parsed, registry))
    _name(text, mentions)
    places_by_state(text, mentions)
    for m in mentions:
        _read_roles(parsed, m, lex)
    mentions = [m for m in mentions if not _title_word_in_role(m, mentions, lex) and not _BILL.match(text, m.start, m.end + 6)]
    people_in_a_list(text, mentions)
    surname_not_outlet(text, mentions)
    bodies_by_noun(text, mentions)
    _mark_attributive(parsed, mentions)
    for m in mentions:
        m.kin = bool(_KIN.search(text, max(0, m.start - 60), m.start))
        if m.label == "ORG" and (_AGE_AFTER.match(text, m.end) or _AGED_BEFORE.search(text, max(0, m.start - 40), m.start)):
            m.person = True  # "Jean-Francois Perier, 76, said", "50-year-old nuclear technician Alain Perrouault" (ORG)
        sex = _ADDRESS.search(text, max(0, m.start - 8), m.start)
        m.addressed = None if sex is None else "m" if sex.group(1) == "Mr" else "f"
    clusters = cluster(mentions, lex)
    found_more = _recover(parsed, mentions, clusters, lex)
    for m in found_more:
        _read_roles(parsed, m, lex)
    headlines = {si for si, seg in enumerate(parsed.segments) if seg.block.kind == "headline"}
    return _entities(text, clusters, headlines)


_AGE_AFTER = re.compile(r",\s*[1-9]\d\s*,")
_AGED_BEFORE = re.compile(r"\b\d{1,3}-year-old\s+(?:[a-z][\w-]*\s+){0,3}$")
"""An age set off after a name, or written before it with at most three lower-case words between ("the 50-year-old
nuclear technician"): a person's."""
_BILL = re.compile(r"[A-Z]{2,3}\s+\d+\b")
"""A bill's designation ("SB 54", "AB 5", "HB 2"): no acronym of a body (nor "SB" of The Sacramento Bee)."""
_ADDRESS = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?[ \t]+$")


_ATTRIBUTIVE_DEPS = frozenset({"compound", "poss", "nmod", "amod"})
_TERMS_OF_OFFICE = frozenset({"administration", "presidency"})
"""Lower-case nouns a name right before makes a person's term of office ("the Obama administration", "the Trump
presidency"; a body's is capitalised in its name: "the Food and Drug Administration")."""


def _mark_attributive(parsed: Parsed, mentions: list[Mention]) -> None:
    """Mark the mentions that only modify a noun after them: a possessor ("Trump's order") or a modifier ("the
    Trump travel ban")."""
    for m in mentions:
        if m.seg < 0 or m.tok_end <= m.tok_start:
            continue
        doc = parsed.segments[m.seg].doc
        if m.tok_end > len(doc):
            continue
        last = doc[m.tok_end - 1]
        nxt = doc[m.tok_end] if m.tok_end < len(doc) else None
        m.attributive = (nxt is not None and nxt.text in ("'s", "’s", "'", "’")) or (
            last.dep_ in _ATTRIBUTIVE_DEPS and last.head.i >= m.tok_end
        )
        if m.attributive and last.dep_ == "compound" and last.head.i == m.tok_end and last.head.text in _TERMS_OF_OFFICE:
            m.person = True  # "the Trump administration" (spaCy's ORG): a president's, so a person's name
        elif last.dep_ == "nsubj" and m.tok_end - m.tok_start == 1 and not org_words([last.text]) and _own_object(last):
            m.person = True  # "Trump has already demonstrated his willingness to ...": a person's


def _own_object(subject: Token) -> bool:
    """Whether the verb a name is the subject of has an object that "his" or "her" owns ("Trump has already
    demonstrated his willingness", "Clinton defended her record"): a body's would be "its" (the caller leaves out
    the words bodies are named by: "the Senate won't consider his nomination")."""
    return any(
        k.dep_ == "poss" and k.lower_ in ("his", "her") and k.head.dep_ == "dobj" and k.head.head.i == subject.head.i
        for k in subject.head.subtree
    )


def _name(text: str, mentions: list[Mention]) -> None:
    """A mention's name as written, its spaces normalised and an editor's brackets dropped ("[Susan E.] Rice")."""
    for m in mentions:
        if not m.name:
            m.name = " ".join(text[m.start : m.end].replace("[", " ").replace("]", " ").split())


_NEAR: dict[int, tuple[tuple[Entity, ...], list[int], list[tuple[int, int, int, int]], int]] = {}


def mentions_near(entities: Sequence[Entity], s: int, e: int) -> list[tuple[Entity, int, int]]:
    """``(entity, start, end)`` of every mention that may contain or overlap ``[s, e)`` (a superset),
    in the order of the entities and their mentions: a binary search over the mentions sorted by
    start, indexed once per tuple of entities, instead of a scan of them all for every span."""
    hit = _NEAR.get(id(entities)) if isinstance(entities, tuple) else None
    if hit is None or hit[0] is not entities:
        ents = tuple(entities)
        rows = sorted((ms, me, i, j) for i, ent in enumerate(ents) for j, (ms, me) in enumerate(ent.mentions))
        longest = max((me - ms for ms, me, _, _ in rows), default=0)
        hit = (ents, [r[0] for r in rows], rows, longest)
        if isinstance(entities, tuple):
            if len(_NEAR) > 64:
                _NEAR.clear()
            _NEAR[id(entities)] = hit
    ents, starts, rows, longest = hit
    lo, hi = bisect.bisect_left(starts, s - longest), bisect.bisect_right(starts, e)
    near = sorted((i, j, ms, me) for ms, me, i, j in rows[lo:hi])
    return [(ents[i], ms, me) for i, _, ms, me in near]


def mentions_within(e: Entity, span: Span) -> list[Span]:
    """``e``'s mentions starting inside ``span``, in text order, by bisection over its mentions sorted once (kept per
    entity while it lives): a source phrase's checks of its names then stay off the article's length."""
    ms = _sorted(e)
    return ms[bisect.bisect_left(ms, (span[0],)) : bisect.bisect_left(ms, (span[1],))]


def first_mention(e: Entity) -> int | None:
    """Where ``e``'s first mention starts (None without one), from the same sorted mentions."""
    ms = _sorted(e)
    return ms[0][0] if ms else None


def _sorted(e: Entity) -> list[Span]:
    hit = _SORTED.get(id(e))
    if hit is None or hit[0] is not e:
        if len(_SORTED) > 4096:
            _SORTED.clear()
        hit = _SORTED[id(e)] = (e, sorted(e.mentions))
    return hit[1]


_SORTED: dict[int, tuple[Entity, list[Span]]] = {}


_POSSESSOR = re.compile(
    r"(?:\s+(?:administration|campaign|government|office|team|camp|family|regime|party|ministry|foundation))?"
    r"['’]s?(?=\s)"
)
"""What follows a possessor's name: "Trump's", "the Obama administration's", "Democrats'"."""
_TITLE_WORDS = re.compile(r"[\w.’'-]+")
_TITLE_OF = re.compile(r"\b[A-Z][a-z]+ of (?:the )?$")
_MEDIA_NOUNS = frozenset("newspaper paper daily agency organ magazine weekly journal broadcaster television radio".split())
_OFFICE_OF = re.compile(
    r"\s+(?:[a-z-]+\s+){0,2}(?:chief|secretary|director|head|minister)\s+of\s+(?:staff|state|communications|operations|"
    r"policy|strategy)\s*,?\s*"
)
"""An office named with "of" between a possessor and the person holding it ("'s deputy chief of staff, ")."""
_NOT_A_TITLE = frozenset("about of from that which who whom versus to for by on in with at and or as like such including".split())


def entity_by_id(entities: Sequence[Entity], entity_id: str | None) -> Entity | None:
    """The entity of an id (an attribution's ``source_entity``, an antecedent's), or None."""
    return next((e for e in entities if e.id == entity_id), None) if entity_id is not None else None


def possessive_after(text: str, end: int) -> bool:
    """Whether a name ending at ``end`` is a possessor ("Clinton's chief tormentor", "Democrats' leader")."""
    return _POSSESSOR.match(text, end) is not None


def _possessor(text: str, c: tuple[int, int, Entity], others: Sequence[tuple[int, int, Entity]], end_of: int = -1) -> bool:
    """Whether the candidate mention ``c`` is the possessor of a person or an outlet named after it by a title:
    "Trump's outgoing national security adviser H.R. McMaster", "Khashoggi's fiancée, Hatice Cengiz", "The
    North's official KCNA news agency" (not "Sanders' Medicare for All plan", "Russia's Foreign Ministry",
    "Clapper's claims about ..."), or a modifier of a title word right before a person ("Malojloj resident
    Roger Hostetler", "Trump adviser Stephen Miller", "Customs and Border Protection Commissioner Kevin
    McAleenan") or of a newspaper's description ("The DPRK leading newspaper Rodong Sinmun"), or the object of
    a title right before a person ("Supreme Commander of the Korean People's Army Kim Jong Il"); or a person's
    possessive right before a body that ends the phrase (``end_of``: "Trump’s own Justice Department"; not "Three of
    President Obama's GOP partners")."""
    m = _POSSESSOR.match(text, c[1])
    end = m.end() if m is not None else c[1]
    for s, e, ent in others:
        if ent is c[2] or s < end:
            continue
        if ent.kind in ("government", "organization"):
            if m is not None and c[2].kind == "person" and e == end_of and text[end:s].split() in ([], ["own"]):
                return True  # "Trump’s own Justice Department": the body, not whose it is
            continue
        if ent.kind not in ("person", "outlet"):
            continue
        if m is None and ent.kind == "person" and not text[end:s].strip() and _TITLE_OF.search(text, 0, c[0]):
            return True  # "Supreme Commander of the Korean People's Army Kim Jong Il": the title's object
        words = _TITLE_WORDS.findall(text, end, s)
        if (
            m is None and ent.kind == "outlet" and 0 < len(words) <= 3 and text[end:s].strip() == " ".join(words)
            and all(w.islower() for w in words) and words[-1] in _MEDIA_NOUNS
        ):
            return True  # "The DPRK leading newspaper Rodong Sinmun"
        if (
            m is None and ent.kind == "person" and c[2].kind in ("government", "organization") and 0 < len(words) <= 7
            and text[end:s].strip() == " ".join(words) and lexicon().is_title_word(words[-1])
            and all(w[:1].isupper() or w in ("and", "of", "&") for w in words)
        ):
            return True  # "House Oversight and Government Reform Chairman Darrell Issa": a committee's chairman
        if m is not None and ent.kind == "person" and _OFFICE_OF.fullmatch(text, end, s):
            return True  # "Vice President Mike Pence's chief of staff, Marc Short"
        if any(w.lower() in _NOT_A_TITLE for w in words):
            continue
        if m is not None and len(words) <= 6:
            return True
        if (
            m is None and ent.kind == "person" and 0 < len(words) <= 3
            and text[end:s].strip(" \t").removesuffix(",").rstrip() == " ".join(words)
            and all(w.islower() or lexicon().is_title_word(w) for w in words)
            and (lexicon().is_title_word(words[-1]) or (c[2].kind == "person" and len(words) == 1 and words[0].isalpha()))
        ):
            return True  # (one lowercase word between two people: "Trump biographer Gwenda Blair", "Trump friend ...")
    return False


def entity_at(entities: Sequence[Entity], span: Span, text: str | None = None) -> Entity | None:
    """The entity a span (a source, a hop ...) refers to, or None.

    A mention containing the span wins (the shortest one).  Otherwise the
    mentions inside or overlapping the span are candidates, less those nested
    in another candidate mention ("Russia" in "Russia's government") or in a
    role of another candidate entity ("Korea Institute ..." in "Hong Min, a
    senior analyst at the Korea Institute ..."), and, given the ``text``, less
    the possessor of a person named after it ("Trump" in "Trump's outgoing
    national security adviser H.R. McMaster": the adviser is the source); the
    earliest, then longest, wins.
    """
    s, e = span
    containing: list[tuple[int, int, Entity]] = []
    overlapping: list[tuple[int, int, Entity]] = []
    for ent, ms, me in mentions_near(entities, s, e):
        if ms <= s and e <= me:
            containing.append((ms, me, ent))
        elif ms < e and s < me:
            overlapping.append((ms, me, ent))
    if containing:
        return min(containing, key=lambda c: c[1] - c[0])[2]
    if not overlapping:
        return None

    def nested(c: tuple[int, int, Entity]) -> bool:
        ms, me, ent = c
        for os_, oe, other in overlapping:
            if other is ent:
                continue
            if os_ <= ms and me <= oe and (oe - os_) > (me - ms):
                return True
            if any(rs <= ms and me <= re_ for rs, re_ in other.role_spans):
                return True
        return False

    kept = [c for c in overlapping if not nested(c)] or overlapping
    if len(kept) > 1 and text is not None:
        # "The GOP-led House Committee on Energy and Commerce", "the Saudi-backed government": the name before "-led" only
        # says who leads the body named after it
        kept = [c for c in kept if not (_LED_BY.match(text, c[1]) and any(o[0] > c[1] for o in kept))] or kept
    if text is not None and len(kept) > 1:
        kept = [c for c in kept if not _possessor(text, c, kept, e)] or kept
    first = min(kept, key=lambda c: (c[0], -(c[1] - c[0])))
    if (
        text is not None and (first[2].kind != "person" or re.search(r"\b[a-z]{2,}\b", text[s : first[0]]))
        and _DESCRIPTION_START.match(text, s) and text.count(",", s, e) <= 2
    ):
        # "the prospective author of the House's tax reform package, Ways and Means Committee Chairman Kevin Brady":
        # a description whose person is named in apposition is that person, not a body (nor a person: "The independent
        # counsel in the Clinton case, Ken Starr") named inside it
        for c in sorted(kept, key=lambda c: (c[0], c[1])):
            if (
                c[2].kind == "person" and c[0] > first[1] and _APPOSED.search(text, first[1], c[0])
                and " and " not in text[c[1] : e]
            ):
                return c[2]  # (not one of a list: "the White House, Obama, Clinton, Biden and other members")
    if text is not None and first[2].kind != "person":
        # "CNN political contributor Paul Begala": a person named last, after a common noun that is their title, is
        # who the phrase is (the outlet or body before is where they work); not one of two ("Google and Mark
        # Zuckerberg")
        comma = text.find(",", first[1], e)
        upto = comma if comma >= 0 else e  # (an apposition after the person describes them: "..., chair of ...")
        last = max((c for c in kept if c[1] <= upto), key=lambda c: c[1], default=first)
        before = text[first[1] : last[0]].split()
        if (
            last[2].kind == "person" and not text[last[1] : upto].strip(" .,") and "," not in text[first[1] : last[0]]
            and before and before[-1].replace("-", "").isalpha()  # ("Washington Post fact-checker Glenn Kessler")
            and ((before[-1].islower() and before[-1] not in _NO_TITLE_BEFORE) or lexicon().is_title_word(before[-1]))
        ):
            return last[2]
    return first[2]


_LED_BY = re.compile(r"-(?:led|backed|controlled|run|owned|funded|sponsored|dominated|appointed|allied|aligned)\b")
_KIN = re.compile(
    r"\b(?:his|her|their|whose|[A-Z][\w'’.-]*['’]s?)\s+(?:late\s+|older\s+|younger\s+|eldest\s+)?(?:father|mother|son|daughter|"
    r"brother|sister|wife|husband|grandfather|grandmother|uncle|aunt|cousin|nephew|niece|grandson|granddaughter),?\s*$"
)
"""A kinship word right before a name ("his father, Frederick Trump"; ``Mention.kin``)."""
_NO_TITLE_BEFORE = frozenset("and or nor of in on at for from with by to into about the a an".split())
"""Lower-case words before a person's name that make no title of what precedes ("Marines on the island of Okinawa")."""
_DESCRIPTION_START = re.compile(r"(?:[Tt]he|[Aa]n?|[Oo]ne of|[a-z])")
_APPOSED = re.compile(r",\s*(?:(?:[A-Z][\w.&'’-]*|and|of|the|for)\s+)*$")
"""A comma, then only capitalised words (a title: "Ways and Means Committee Chairman"), right before a name."""


# --- roles ------------------------------------------------------------------


def _read_roles(parsed: Parsed, m: Mention, lex: Lexicon) -> None:
    if m.seg < 0:
        return
    doc = parsed.segments[m.seg].doc
    if m.kind == "outlet" and len(m.name.split()) == 1:
        honorific = title_before(doc, m.tok_start, m.tok_end, lex)
        if honorific.person and not (m.tok_start >= 2 and doc[m.tok_start - 2].text == "-"):  # not "semi-official Anatolia"
            # "Mr. Bloomberg" (the registry's Bloomberg News): a person of that name, not the outlet
            m.kind, m.outlet, m.label = "person", None, "PERSON"
            _add_roles(parsed, m, honorific)
            return
    if m.kind == "outlet" or m.government:
        _add_roles(parsed, m, role_after(doc, m.tok_start, m.tok_end, lex, organisation=True))
        return
    before = title_before(doc, m.tok_start, m.tok_end, lex)
    if m.label in ("GPE", "LOC") and (is_country_word(m.name) or nonperson_label(m.name.split()) == "GPE"):
        # "official North Korea news", "socialist Korea": a title word before a country is no title of a person
        before = Roles()
    if not before.spans and not before.person:
        before = title_before_comma(doc, m.tok_start, m.tok_end, lex)
    # Nationalities and parties ("Americans, fellow ...") take no person roles.
    after = role_after(doc, m.tok_start, m.tok_end, lex) if m.kind != "group" else Roles()
    if not after.spans and m.kind == "organization" and not before.person:
        after = role_after(doc, m.tok_start, m.tok_end, lex, organisation=True)
    _add_roles(parsed, m, before)
    _add_roles(parsed, m, after)


def _add_roles(parsed: Parsed, m: Mention, roles: Roles) -> None:
    doc = parsed.segments[m.seg].doc
    for s, e in roles.spans:
        span = char_span(parsed, m.seg, doc, s, e)
        if span not in m.roles:
            m.roles.append(span)
    m.person = m.person or roles.person


def _title_word_in_role(m: Mention, mentions: list[Mention], lex: Lexicon) -> bool:
    """ "State" in "Secretary of State John Kerry": a title word spaCy tagged, inside a role."""
    if m.label == "PERSON" or not all(word_key(w) in lex.objects for w in m.name.split()):
        return False
    return any(rs <= m.start and m.end <= re_ for o in mentions if o is not m for rs, re_ in o.roles)


def _bracketed_acronyms(parsed: Parsed, mentions: list[Mention]) -> list[Mention]:
    """An all-capitals word in brackets right after an organisation's name, as a mention of it.

    When spaCy already tagged the acronym, the new mention has the same span
    and only serves to link the two (spans are deduplicated on output).
    """
    out: list[Mention] = []
    for m in mentions:
        if m.kind in {"person", "place"} or m.seg < 0:
            continue
        doc = parsed.segments[m.seg].doc
        j = m.tok_end
        if j + 2 >= len(doc) or texts(doc)[j] != "(" or texts(doc)[j + 2] != ")":
            continue
        acr = texts(doc)[j + 1]
        if is_acronym(acr) and acr[0] == m.name[:1].upper():
            a, b = char_span(parsed, m.seg, doc, j + 1, j + 2)
            out.append(
                Mention(
                    m.seg, j + 1, j + 2, a, b, "ACRONYM", m.kind, outlet=m.outlet, government=m.government
                )
            )
    return out


def _named_before_who(parsed: Parsed, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """A two-word name before ", who" that spaCy tagged as nothing ("Mark Ivy, who voted for Mitt Romney in
    2012, ..."): a person (a relative "who" is said of people); so before an apposition that names a person's office
    ("AbdulMawgoud Dardery, a former member of parliament and ...")."""
    out: list[Mention] = []
    held = {(m.seg, t) for m in mentions for t in range(m.tok_start, m.tok_end)}
    for si, seg in enumerate(parsed.segments):
        doc = seg.doc
        words = texts(doc)
        for i in range(len(doc) - 3):
            if words[i + 2] != "," or any((si, t) in held for t in (i, i + 1)):
                continue
            if words[i + 3].lower() != "who" and not _an_office(words[i + 3 : i + 8], lex):
                continue
            first, last = doc[i], doc[i + 1]
            if not all(_plain_name_word(t.text) and t.ent_type_ == "" for t in (first, last)):
                continue
            if lex.is_title_word(first.text) or first.text.lower() in FUNCTION_WORDS or is_country_word(first.text):
                continue
            if i > 0 and words[i - 1][:1].isupper() and words[i - 1] not in (".", "“", '"'):
                continue  # part of a longer capitalised run
            a, b = char_span(parsed, si, doc, i, i + 2)
            out.append(Mention(si, i, i + 2, a, b, "FOUND", "person", person=True))
    return out


def _plain_name_word(w: str) -> bool:
    return _NAME_WORD.fullmatch(w) is not None


_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)?")
"""A capitalised word, or two joined ("AbdulMawgoud", "McCain")."""


def _an_office(words: list[str], lex: Lexicon) -> bool:
    """ "a former member of", "the deputy director at": an article, up to two modifiers and a person's office before a
    preposition (the rest of an apposition that only a person takes)."""
    if not words or words[0].lower() not in ("a", "an", "the"):
        return False
    for k in range(1, min(4, len(words) - 1)):
        if word_key(words[k]) in lex.heads and words[k + 1] in ("of", "at", "for", "in", "to", "with"):
            return True
        if not words[k].islower():
            return False
    return False


# --- recovering missed mentions -------------------------------------------------


def _recover(
    parsed: Parsed, mentions: list[Mention], clusters: list[list[Mention]], lex: Lexicon
) -> list[Mention]:
    """Occurrences of the clusters' names that spaCy missed, added to their clusters.

    A one-word name must not touch another capitalised word (other than a
    title: "President Kim"), so "Kim" is not found inside "Kim Yo Jong"; a
    longer name must not be followed by one.
    """
    forms: dict[str, int] = {}
    clash: set[str] = set()
    for ci, cl in enumerate(clusters):
        for m in cl:
            f = m.name
            if not f or "\n" in f:
                continue
            if f in forms and forms[f] != ci:
                clash.add(f)
            forms[f] = ci
    # Acronyms of long organisation names ("DCCC") even where spaCy never tagged them.
    for ci, cl in enumerate(clusters):
        if cluster_kind(cl) not in {"organization", "government", "outlet"}:
            continue
        for m in cl:
            caps = [
                w
                for w in re.split(r"[\s\-]+", m.name)
                if w[:1].isupper() and w.lower() not in FUNCTION_WORDS
            ]
            if len(caps) >= 3 and len(caps) == len(
                [w for w in m.name.split() if w.lower() not in FUNCTION_WORDS]
            ):
                acr = "".join(w[0] for w in caps)
                if acr in forms and forms[acr] != ci:
                    clash.add(acr)
                forms.setdefault(acr, ci)
    # The surname of a person named in full ("Sessions" of "Jeff Sessions"), where spaCy tagged no bare one:
    # found only inside a sentence (a capitalised word opening one may be any word: "Sessions of Congress").
    surnames: dict[str, int] = {}
    korean: set[str] = set()
    for ci, cl in enumerate(clusters):
        if cluster_kind(cl) != "person":
            continue
        for m in cl:
            words = m.name.split()
            family = korean_family_name(m.name)
            if family is not None and family not in forms:
                # "Pak" of "Pak Jong Suk": a Korean is called by the family name, the first word
                if surnames.get(family, ci) != ci:
                    clash.add(family)
                surnames[family] = ci
                korean.add(family)
                continue
            last = words[-1] if len(words) >= 2 else ""
            if len(last) >= 3 and last.isalpha() and last[0].isupper() and not last.isupper() and last not in forms:
                if surnames.get(last, ci) != ci:
                    clash.add(last)  # two people of one surname ("Chris Ayres", "R. Jack Ayres")
                surnames[last] = ci
    forms.update((f, ci) for f, ci in surnames.items() if f not in clash)
    for f in clash:
        forms.pop(f, None)
    if not forms:
        return []
    pattern = re.compile(
        r"(?<![\w’'-])(?:"
        + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        + r")(?![\w-])"
    )
    occupied: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for m in mentions:
        occupied[m.seg].append((m.start, m.end))
    out: list[Mention] = []
    for si, seg in enumerate(parsed.segments):
        doc = seg.doc
        for hit in pattern.finditer(parsed.read_text[seg.start : seg.end]):
            a, b = seg.start + hit.start(), seg.start + hit.end()
            if any(s < b and a < e for s, e in occupied[si]):
                continue
            span = doc.char_span(hit.start(), hit.end(), alignment_mode="strict")
            if span is None:
                continue
            if not _free_standing(doc, span.start, span.end, lex):
                continue
            if (
                hit.group(0) in surnames
                and hit.group(0) not in korean
                and (span.start == 0 or doc[span.start].is_sent_start)
                and not _subject_of_next_verb(doc, span.start, span.end)
                and [t.lower_ for t in doc[span.end : span.end + 2]] != [",", "who"]  # ("Rubio, who supports ...")
            ):
                continue  # (a Korean family name is no English word: "Pak who had resided in ... told")
            ci = forms[hit.group(0)]
            model = clusters[ci][0]
            m = Mention(
                si,
                span.start,
                span.end,
                a,
                b,
                "FOUND",
                model.kind,
                outlet=model.outlet,
                government=model.government,
                name=" ".join(hit.group(0).split()),
            )
            clusters[ci].append(m)
            occupied[si].append((a, b))
            out.append(m)
    text = parsed.text
    for bs, be in plain_blocks(parsed):
        for hit in pattern.finditer(text, bs, be):
            a, b = hit.start(), hit.end()
            ci = forms[hit.group(0)]
            model = clusters[ci][0]
            if len(hit.group(0).split()) < 2 and model.kind != "outlet":
                continue
            if any(s < b and a < e for s, e in occupied[-1]):
                continue
            m = Mention(
                -1,
                -1,
                -1,
                a,
                b,
                "FOUND",
                model.kind,
                outlet=model.outlet,
                government=model.government,
                name=" ".join(hit.group(0).split()),
            )
            clusters[ci].append(m)
            occupied[-1].append((a, b))
            out.append(m)
    return out


def _subject_of_next_verb(doc: Doc, s: int, e: int) -> bool:
    """A word opening a sentence as the subject of the verb right after it ("Stelter thinks", "Portnoy also
    clarified"): a surname then, not the plain word a capital may hide ("Sessions of Congress begin")."""
    if e - s != 1 or doc[s].dep_ not in {"nsubj", "nsubjpass"}:
        return False
    head = doc[s].head.i
    return s < head <= s + 3 and doc[head].pos_ in {"VERB", "AUX"} and all(
        doc[k].pos_ in {"ADV", "AUX", "PART"} for k in range(e, head)
    )


def _capital_word(doc: Doc, i: int) -> bool:
    t = doc[i]
    return t.text[:1].isupper() and t.text.isalpha()


def _free_standing(doc: Doc, s: int, e: int, lex: Lexicon) -> bool:
    if e < len(doc) and _capital_word(doc, e):
        return False
    if e - s == 1 and s > 0 and _capital_word(doc, s - 1):
        prev = doc[s - 1]
        initial = s - 1 == 0 or texts(doc)[s - 2].isspace() or texts(doc)[s - 2] in {".", "!", "?", '"', "“", ":"}
        if not lex.is_title_word(prev.text) and not initial:
            return False
    return True


# --- output ---------------------------------------------------------------------


def _canonical(ms: list[Mention], headlines: set[int]) -> str:
    """The fullest name of the cluster's mentions; a headline's only if it ends as a name of the body does (its capitals
    make spaCy read a verb into a name: "Pope Francis Shines Light On Migrant Suffering", then "Francis")."""
    ends = {m.name.split()[-1] for m in ms if m.name and m.seg not in headlines}
    names = [
        m.name for m in ms
        if m.name and (m.seg not in headlines or not ends or m.name.split()[-1] in ends or korean_family_name(m.name) in ends)
    ]  # (a Korean is called by the family name, the first: "Pak Jong Suk", then "Pak")
    full = [n for n in names if not is_acronym(n)] or names
    return max(full, key=lambda n: (len(n.split()), len(n), -names.index(n)))


def _entities(text: str, clusters: list[list[Mention]], headlines: set[int]) -> tuple[Entity, ...]:
    built = []
    for cl, kind in zip(clusters, cluster_kinds(clusters), strict=True):
        if not cl:
            continue
        spans = sorted({m.span for m in cl})
        role_spans = sorted({r for m in cl for r in m.roles})
        roles: list[str] = []
        for r in sorted(role_spans):
            t = " ".join(text[r[0] : r[1]].split())
            if t not in roles:
                roles.append(t)
        built.append((spans, _canonical(cl, headlines), kind, roles, role_spans))
    built.sort(key=lambda b: b[0][0])
    return tuple(
        Entity(
            id=f"E{i}",
            name=name,
            kind=kind,
            mentions=tuple(spans),
            roles=tuple(roles),
            role_spans=tuple(role_spans),
            produced_by=PRODUCED_BY,
        )
        for i, (spans, name, kind, roles, role_spans) in enumerate(built, 1)
    )
