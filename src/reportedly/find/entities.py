"""People, organisations, outlets, governments, places and groups, with their mentions and roles.

``find_entities`` is the first stage.  It starts from spaCy's named entities
on every parsed segment, fixes their usual errors (``entity_mentions``), reads
the roles the article gives each name (``entity_roles``), and joins the
mentions of one real-world referent into one ``Entity``:

- the same name, with or without "the", a possessive or a line break;
- a person's surname or first name alone ("Kim" -> "Kim Jong Un",
  "Lyubimova" -> "Olga Lyubimova"), and a shorter form of a longer name
  ("George Bush" -> "George W. Bush"), when exactly one person's full name in
  the article fits;
- an organisation's first word alone ("Lockheed" -> "Lockheed Martin") when
  exactly one fits;
- an acronym and its expansion, by initials ("KCNA" = "Korean Central News
  Agency") or written in brackets after the name, and names of the same
  registry outlet ("Yonhap" = "Yonhap News Agency").

Then every further occurrence of a name the entity already has is added
where spaCy missed it.  Byline and credit blocks, which are not parsed, are
read for the article's authors and publisher and for registry outlets
("By Jasmine Baehr Fox News", "(Credit: Reuters)").

``entity_at(entities, span)`` gives the attribution stage the entity a source
span refers to.

Limits: no pronouns or descriptions ("the minister") are resolved here (the
attribution stage resolves sources with ``entity_at``); an ambiguous short
name ("Kim" in an article about Kim Jong Un and Kim Yo Jong) stays an entity
of its own; names the small spaCy model does not see at all are missed
unless they are in the outlet registry or the government list.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from spacy.tokens import Doc

from ..model import Entity, Span
from ..nlp import Parsed
from ..registry import load_registry
from ..settings import Settings
from . import Found
from .doc_memo import texts
from .entity_lexicon import Lexicon, lexicon, name_key, word_key
from .entity_mentions import (
    Mention,
    char_span,
    government_phrases,
    ner_mentions,
    plain_blocks,
    plain_mentions,
    scan_mentions,
)
from .entity_roles import Roles, role_after, title_before, title_before_comma

PRODUCED_BY = "entities.rules/1"

# Ties between kinds within one entity are broken in this order.
_KIND_ORDER = ("person", "organization", "government", "outlet", "place", "group", "other")
_PERSON_LABELS = frozenset({"PERSON", "AUTHOR"})
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,7}$|^[A-Z][A-Za-z]?[A-Z]{1,5}$")
# Capitalised words that start or end many organisation names and so name none alone.
_GENERIC_ORG_WORDS = frozenset(
    {
        "house", "senate", "state", "states", "national", "federal", "united", "american", "democratic",
        "republican", "new", "north", "south", "east", "west", "central", "international", "world",
        "supreme", "general", "royal", "first", "great", "committee", "council", "party", "department",
        "ministry", "office", "court", "university", "institute", "association", "foundation", "group",
        "union", "agency", "bureau", "service", "news", "times", "post", "journal", "daily", "press",
        "company", "corporation", "bank", "city", "county", "board", "commission", "center", "centre",
        "conference", "summit", "forum", "festival", "school", "college", "hospital", "church", "army",
    }
)  # fmt: skip
_FUNCTION_WORDS = frozenset({"of", "for", "the", "and", "on", "in", "de", "du", "des", "la", "le", "&"})


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
    mentions = list(ner_mentions(parsed, registry, lex))
    taken = {(m.seg, t) for m in mentions for t in range(m.tok_start, m.tok_end)}
    for si, seg in enumerate(parsed.segments):
        for ent in seg.doc.ents:
            taken.update((si, t) for t in range(ent.start, ent.end))
    mentions.extend(scan_mentions(parsed, registry, lex, taken))
    mentions.extend(government_phrases(parsed, mentions))
    text = parsed.text
    _name(text, mentions)
    mentions.extend(_bracketed_acronyms(parsed, mentions))
    mentions.extend(plain_mentions(parsed, registry))
    _name(text, mentions)
    for m in mentions:
        _read_roles(parsed, m, lex)
    mentions = [m for m in mentions if not _title_word_in_role(m, mentions, lex)]
    clusters = _cluster(mentions, lex)
    found_more = _recover(parsed, mentions, clusters, lex)
    for m in found_more:
        _read_roles(parsed, m, lex)
    return _entities(text, clusters)


def _name(text: str, mentions: list[Mention]) -> None:
    for m in mentions:
        if not m.name:
            m.name = " ".join(text[m.start : m.end].split())


def entity_at(entities: tuple[Entity, ...] | list[Entity], span: Span) -> Entity | None:
    """The entity a span (a source, a hop ...) refers to, or None.

    A mention containing the span wins (the shortest one).  Otherwise the
    mentions inside or overlapping the span are candidates, less those nested
    in another candidate mention ("Russia" in "Russia's government") or in a
    role of another candidate entity ("Korea Institute ..." in "Hong Min, a
    senior analyst at the Korea Institute ..."); the earliest, then longest,
    wins.
    """
    s, e = span
    containing: list[tuple[int, int, Entity]] = []
    overlapping: list[tuple[int, int, Entity]] = []
    for ent in entities:
        for ms, me in ent.mentions:
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
    return min(kept, key=lambda c: (c[0], -(c[1] - c[0])))[2]


# --- roles ------------------------------------------------------------------


def _read_roles(parsed: Parsed, m: Mention, lex: Lexicon) -> None:
    if m.seg < 0:
        return
    doc = parsed.segments[m.seg].doc
    if m.kind == "outlet" or m.government:
        _add_roles(parsed, m, role_after(doc, m.tok_start, m.tok_end, lex, organisation=True))
        return
    before = title_before(doc, m.tok_start, m.tok_end, lex)
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


# --- clustering ---------------------------------------------------------------


class _Sets:
    """Union-find over mention indices."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return list(out.values())


def _name_words(name: str) -> list[str]:
    words = [w for w in name.replace("’", "'").split() if w]
    while len(words) > 1 and word_key(words[-1].rstrip(",")) in _NAME_SUFFIXES:
        words.pop()
    return words


def _org_words(words: list[str]) -> bool:
    """Whether a name has a word that organisation names are made of ("Party", "Committee")."""
    return any(word_key(w) in _GENERIC_ORG_WORDS for w in words)


def _initials(name: str) -> set[str]:
    """Acronyms a name could have: initials of its capitalised words, and of all its words.

    A name holding an acronym ("U.S. Senate") has none.
    """
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    if any(_is_acronym(w) for w in words):
        return set()
    caps = "".join(w[0] for w in words if w[:1].isupper() and w.lower() not in _FUNCTION_WORDS)
    every = "".join(w[0].upper() for w in words if w[:1].isalpha())
    return {caps, every} - {""}


def _is_acronym(name: str) -> bool:
    return bool(_ACRONYM.match(name.replace(" ", "")))


def _cluster_kind(ms: list[Mention]) -> str:
    if any(m.kind == "outlet" for m in ms):
        return "outlet"
    if any(m.person for m in ms):
        return "person"
    if any(m.government for m in ms):
        return "government"
    votes = Counter(m.kind for m in ms)
    return min(votes, key=lambda k: (-votes[k], _KIND_ORDER.index(k) if k in _KIND_ORDER else 99))


def _cluster(mentions: list[Mention], lex: Lexicon) -> list[list[Mention]]:
    """Mentions grouped by referent (see the module docstring for the rules)."""
    n = len(mentions)
    sets = _Sets(n)
    by_key: dict[str, int] = {}
    by_outlet: dict[str, int] = {}
    for i, m in enumerate(mentions):
        k = name_key(m.name)
        if k in by_key:
            sets.union(by_key[k], i)
        else:
            by_key[k] = i
        if m.outlet:
            if m.outlet in by_outlet:
                sets.union(by_outlet[m.outlet], i)
            else:
                by_outlet[m.outlet] = i
    _link_bracketed(mentions, sets)

    def current() -> list[list[int]]:
        return sorted(sets.groups(), key=min)

    # Acronyms and their expansions, by initials, when exactly one expansion fits.
    groups = current()
    for g in groups:
        gms = [mentions[i] for i in g]
        acronyms = {m.name.replace(".", "") for m in gms if _is_acronym(m.name)}
        if not acronyms:
            continue
        fits = [
            h
            for h in groups
            if h is not g
            and not any(mentions[i].person for i in h)
            and any(acronyms & _initials(mentions[i].name) for i in h if len(mentions[i].name.split()) > 1)
        ]
        if len(fits) == 1:
            sets.union(g[0], fits[0][0])

    # Short forms of person names.
    groups = current()
    info = []
    for g in groups:
        gms = [mentions[i] for i in g]
        kind = _cluster_kind(gms)
        full = [_name_words(m.name) for m in gms if len(_name_words(m.name)) > 1]
        info.append((g, gms, kind, full))
    # Full names are person-shaped ("Fermo City Committee of ..." is not) and
    # free of organisation words unless a title or apposition shows a person
    # ("Jim Press, the Vice Chairman"; not "Kim Il Sung University" tagged PERSON).
    evidenced = {g[0]: any(m.person for m in gms) for g, gms, _, _ in info}
    persons = [
        (
            g,
            [f for f in full if _personal_name(f) and (evidenced[g[0]] or not _org_words(f))],
            kind == "person" and (evidenced[g[0]] or any(m.label in _PERSON_LABELS for m in gms)),
        )
        for g, gms, kind, full in info
        if kind not in {"outlet", "government", "group"}
    ]
    for g, gms, kind, _ in info:
        if kind in {"outlet", "government"} or any(m.label in {"LOC", "FAC"} for m in gms):
            continue
        # A place-tagged word shortens only a name shown to be a person's by a
        # title or apposition ("Henderson" -> "Fritz Henderson, the chief operating
        # officer"; not "Westminster" -> "Westminster Abbey" tagged PERSON).
        place_short = kind == "place" and not any(m.person for m in gms)
        # A name spaCy calls a person may also shorten a person-shaped name it
        # tagged otherwise ("Pirro" -> "Jeanine Pirro" tagged ORG).
        tagged_person = any(m.label == "PERSON" for m in gms)
        shorts = [_name_words(m.name) for m in gms]
        fits = [
            pg
            for pg, pfull, is_person in persons
            if pg is not g
            and pfull
            and (is_person or tagged_person)
            and (not place_short or evidenced[pg[0]])
            and all(any(_short_of(s, f) for f in pfull) for s in shorts)
        ]
        if len(fits) == 1:
            sets.union(g[0], fits[0][0])

    # The start or end of an organisation's name ("Lockheed" -> "Lockheed Martin",
    # "Intelligence Committee" -> "House Intelligence Committee"), not generic words.
    groups = current()
    orgs = []
    for g in groups:
        gms = [mentions[i] for i in g]
        if _cluster_kind(gms) in {"organization", "government"}:
            orgs.append((g, {tuple(_name_words(m.name)) for m in gms}))
    for g, names in orgs:
        if any(_is_acronym(nm[0]) for nm in names if len(nm) == 1):
            continue
        if any(len(nm) == 1 and word_key(nm[0]) in _GENERIC_ORG_WORDS for nm in names):
            continue
        fits = [
            h
            for h, hn in orgs
            if h is not g and all(any(_affix_of(list(nm), list(x)) for x in hn) for nm in names)
        ]
        if len(fits) == 1:
            sets.union(g[0], fits[0][0])
    return [[mentions[i] for i in g] for g in current()]


def _personal_name(words: list[str]) -> bool:
    """A name that reads as a person's: 2 to 5 words, all capitalised (no "of", "the")."""
    return 2 <= len(words) <= 5 and all(w[:1].isupper() for w in words)


def _affix_of(short: list[str], full: list[str]) -> bool:
    """Whether ``short`` is the first words of the longer ``full``, or its last words (two or more)."""
    k = len(short)
    return 0 < k < len(full) and (full[:k] == short or (k > 1 and full[-k:] == short))


def _short_of(short: list[str], full: list[str]) -> bool:
    """Whether ``short`` names the person ``full`` names: first or last word, or a shorter form."""
    if not short or len(short) >= len(full):
        return False
    if len(short) == 1:
        return short[0] in {full[0], full[-1]}
    if short == full[: len(short)] or short == full[-len(short) :]:
        return True
    # "George Bush" in "George W. Bush": same first and last words, the rest a subsequence.
    if short[0] != full[0] or short[-1] != full[-1]:
        return False
    it = iter(full)
    return all(w in it for w in short)


def _link_bracketed(mentions: list[Mention], sets: _Sets) -> None:
    """ "European Aeronautic Defence and Space Company (EADS)": the bracketed acronym joins the name."""
    ending: dict[tuple[int, int], int] = {
        (m.seg, m.tok_end): i for i, m in enumerate(mentions) if m.label != "ACRONYM"
    }
    for i, m in enumerate(mentions):
        if m.label == "ACRONYM":
            j = ending.get((m.seg, m.tok_start - 1))
            if j is not None:
                sets.union(i, j)


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
        if _is_acronym(acr) and acr[0] == m.name[:1].upper():
            a, b = char_span(parsed, m.seg, doc, j + 1, j + 2)
            out.append(
                Mention(
                    m.seg, j + 1, j + 2, a, b, "ACRONYM", m.kind, outlet=m.outlet, government=m.government
                )
            )
    return out


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
        if _cluster_kind(cl) not in {"organization", "government", "outlet"}:
            continue
        for m in cl:
            caps = [
                w
                for w in re.split(r"[\s\-]+", m.name)
                if w[:1].isupper() and w.lower() not in _FUNCTION_WORDS
            ]
            if len(caps) >= 3 and len(caps) == len(
                [w for w in m.name.split() if w.lower() not in _FUNCTION_WORDS]
            ):
                acr = "".join(w[0] for w in caps)
                if acr in forms and forms[acr] != ci:
                    clash.add(acr)
                forms.setdefault(acr, ci)
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
        for hit in pattern.finditer(parsed.text[seg.start : seg.end]):
            a, b = seg.start + hit.start(), seg.start + hit.end()
            if any(s < b and a < e for s, e in occupied[si]):
                continue
            span = doc.char_span(hit.start(), hit.end(), alignment_mode="strict")
            if span is None:
                continue
            if not _free_standing(doc, span.start, span.end, lex):
                continue
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


def _canonical(ms: list[Mention]) -> str:
    names = [m.name for m in ms if m.name]
    full = [n for n in names if not _is_acronym(n)] or names
    return max(full, key=lambda n: (len(n.split()), len(n), -names.index(n)))


def _entities(text: str, clusters: list[list[Mention]]) -> tuple[Entity, ...]:
    built = []
    for cl in clusters:
        if not cl:
            continue
        spans = sorted({m.span for m in cl})
        role_spans = sorted({r for m in cl for r in m.roles})
        roles: list[str] = []
        for r in sorted(role_spans):
            t = " ".join(text[r[0] : r[1]].split())
            if t not in roles:
                roles.append(t)
        built.append((spans, _canonical(cl), _cluster_kind(cl), roles, role_spans))
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
