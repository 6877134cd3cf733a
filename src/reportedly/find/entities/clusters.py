"""Mentions grouped by referent: one cluster per real-world person, organisation, outlet, place or group.

``cluster(mentions, lex)`` joins the mentions of one referent (the rules are
listed in the package docstring): the same name, an acronym and its
expansion, a person's short name and full name, an organisation's first or
last words and its full name.  ``cluster_kind`` is the kind a cluster's
mentions vote for; ``cluster_kinds`` those of all clusters of an article (a
surname spaCy calls an organisation is a person when a person bears it).
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict

from ...registry.countries import US_STATES, country_of
from .lexicon import Lexicon, first_names, name_key, read_sections, word_key
from .mentions import NAME_SUFFIXES, Mention

# Ties between kinds within one entity are broken in this order.
_KIND_ORDER = ("person", "organization", "government", "outlet", "place", "group", "other")
_PERSON_LABELS = frozenset({"PERSON", "AUTHOR"})
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
_INITIAL = re.compile(r"[A-Z]\.?")
_BODY_OF = re.compile(
    r"\b(?:School|University|Institute|College|Department|Center|Centre|Academy|Foundation|Museum|Hospital|Library"
    r"|Society|Association|Council|Commission|Committee|Ministry|Bureau|Office)\s+(?:of|for)\s+[A-Z]"
)
"""A body's name however spaCy labels it: a body word, then "of" or "for" and a capitalised word."""
FUNCTION_WORDS = frozenset({"of", "for", "the", "and", "on", "in", "de", "du", "des", "la", "le", "&"})


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
    if len(words) > 2:
        # a nickname in quotation marks between the given name and the surname is no word of the name ("Lewis
        # “Scooter” Libby" is Lewis Libby to "Libby", "Joaquin “El Chapo” Guzman" Joaquin Guzman)
        opens = [i for i, w in enumerate(words) if w[0] in _QUOTES]
        closes = [i for i, w in enumerate(words) if w[-1] in _QUOTES and (len(w) > 1 or w[0] not in _QUOTES)]
        if len(opens) == len(closes) == 1 and 0 < opens[0] <= closes[0] < len(words) - 1:
            words = words[: opens[0]] + words[closes[0] + 1 :]
    while len(words) > 1 and word_key(words[-1].rstrip(",")) in NAME_SUFFIXES:
        words.pop()
    if len(words) > 1:
        words = [_ARTICLE.sub("", w) for w in words]  # "Nouri al-Maliki" is "Maliki" to "Maliki"
    return words


_ARTICLE = re.compile(r"^(?:al|el|Al|El)-(?=[A-Z])")
"""The Arabic article opening a surname ("al-Maliki", "el-Sisi"), which the article may leave out."""
_QUOTES = frozenset('“”"')


def _generation(name: str) -> str:
    """The generational suffix a name ends with ("jr" of "Donald Trump Jr."), or ""."""
    words = name.replace("’", "'").split()
    last = word_key(words[-1].rstrip(",")) if len(words) > 1 else ""
    return last if last in NAME_SUFFIXES else ""


def org_words(words: list[str]) -> bool:
    """Whether a name has a word that organisation names are made of ("Party", "Committee")."""
    return any(word_key(w) in _GENERIC_ORG_WORDS for w in words)


def _initials(name: str) -> set[str]:
    """Acronyms a name could have: initials of its capitalised words, and of all its words.

    A name holding an acronym ("U.S. Senate") has none.
    """
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    if any(is_acronym(w) for w in words):
        return set()
    caps = "".join(w[0] for w in words if w[:1].isupper() and w.lower() not in FUNCTION_WORDS)
    every = "".join(w[0].upper() for w in words if w[:1].isalpha())
    return {caps, every} - {""}


def is_acronym(name: str) -> bool:
    return bool(_ACRONYM.match(name.replace(" ", "")))


def cluster_kind(ms: list[Mention]) -> str:
    """The kind a cluster's mentions vote for, after the marks that decide alone (an outlet, a place by its state,
    a person by a title or a full name, then an organisation by the noun before it: "the firm Crowdstrike").  Mentions that only modify a noun ("Trump's order", "the Trump travel
    ban"), where spaCy often calls a person an organisation, vote only on a tie of the others ("Trump said" a
    person, "Trump's" an organisation: a person; "Northrop Grumman" once a person, once an organisation, and an
    organisation in four "Northrop Grumman tankers": an organisation); so do acronyms beside a name spelled out
    ("NRA", a place to spaCy, beside "National Rifle Association")."""
    if any(m.kind == "outlet" for m in ms):
        return "outlet"
    if any(m.label == "PLACE" for m in ms):
        return "place"  # "Allen, Texas" somewhere: "Allen police spokesman" read no person
    if any((m.person or m.label in _PERSON_LABELS or m.kind == "person") and _BODY_OF.search(m.name) for m in ms):
        return "government" if any(m.government for m in ms) else "organization"  # "Jack J. Valenti School of
        # Communication" (spaCy: a person)
    if all(m.kind in ("organization", "place") and country_of(m.name) for m in ms):
        return "place"  # "the DPRK", which spaCy calls an organisation: a country (a government when it speaks)
    if any(m.person and m.label != "NORP" for m in ms) or _named_person(ms):
        return "person"
    if any(m.called_body for m in ms):
        return "organization"  # "the security firm SecureWorks" once, "SecureWorks concluded" (spaCy: a person)
    if any(m.government for m in ms):
        return "government"
    spelled = any(" " in m.name and not is_acronym(m.name) for m in ms)

    def secondary(m: Mention) -> bool:
        return m.attributive or (spelled and is_acronym(m.name))

    votes = Counter(m.kind for m in ms if not secondary(m))
    modifiers = Counter(m.kind for m in ms if secondary(m))
    return min(
        votes | modifiers,
        key=lambda k: (-votes[k], -modifiers[k], _KIND_ORDER.index(k) if k in _KIND_ORDER else 99),
    )


def cluster_kinds(clusters: list[list[Mention]]) -> list[str]:
    """``cluster_kind`` of each cluster; and a surname left apart (two people bear it: "Donald Trump", "Melania
    Trump"; or a headline's "Trump Contradicted" could be its full name too) is a person, not the organisation
    spaCy mostly calls it, when spaCy calls it a person at least once and a person of the article bears it; and an
    organisation whose name opens with a government body's (two words or more) is the government's."""
    kinds = [cluster_kind(cl) if cl else "" for cl in clusters]
    surnames = {
        m.name.split()[-1].lower()
        for cl, kind in zip(clusters, kinds, strict=True)
        if kind == "person"
        for m in cl
        if len(m.name.split()) > 1
    }
    for i, cl in enumerate(clusters):
        if (
            (kinds[i] == "organization" or (kinds[i] == "place" and not country_of(cl[0].name) and cl[0].name.lower() not in US_STATES))
            and any(m.label in _PERSON_LABELS or m.label == "FOUND" for m in cl)
            and all(" " not in m.name and m.name.lower() in surnames for m in cl)
        ):
            kinds[i] = "person"  # (or a place to spaCy, found again as a surname: The Hill's "Pelosi" beside "Nancy Pelosi")
    # a body inside a government's body, left apart by ``_affix_of``, is the government's ("White House National
    # Security Council" beside "White House")
    bodies = {tuple(_name_words(m.name)) for cl, kind in zip(clusters, kinds, strict=True) if kind == "government" for m in cl}
    bodies = {b for b in bodies if len(b) > 1}
    for i, cl in enumerate(clusters):
        if kinds[i] == "organization" and all(any(_name_words(m.name)[: len(b)] == list(b) for b in bodies) for m in cl):
            kinds[i] = "government"
    return kinds


def _surname_place(ms: list[Mention]) -> bool:
    """Whether a cluster is one word spaCy called a place (GPE, LOC) or an organisation, never a building, which names
    no country or US state and is no word organisation names are made of ("West", "North")."""
    names = {m.name for m in ms}
    if len(names) != 1 or any(m.label not in ("GPE", "LOC", "ORG", "FOUND") for m in ms):
        return False
    name = next(iter(names))
    return " " not in name and not country_of(name) and name.lower() not in US_STATES and not org_words([name])


def _given_named(group: list[int], mentions: list[Mention]) -> bool:
    """Whether a person cluster holds a full name spaCy called a person that opens with a given name ("John Kasich")."""
    return any(
        mentions[i].label in _PERSON_LABELS and len(w := mentions[i].name.split()) > 1 and w[0].lower() in first_names()
        for i in group
    )


def _named_person(ms: list[Mention]) -> bool:
    """A person's full name that spaCy calls a person ("Grover Norquist", "Piers Morgan", "Donald J. Trump"), every
    other mention a person's too or the surname alone, or the given name alone when ``first_names`` knows it
    (which spaCy often calls an organisation: "Norquist said", "Morgan asked").  Not the first word of a name alone
    ("Northrop" of "Northrop Grumman", tagged a person once)."""
    names = first_names()
    full = [w for m in ms if m.label in _PERSON_LABELS and _personal_name(w := m.name.split())]

    def short(m: Mention) -> bool:  # (or the full name itself, found again past spaCy: label FOUND)
        return (m.label == "FOUND" and m.name.split() in full) or (" " not in m.name and any(
            m.name == f[-1] or (m.name == f[0] and f[0].lower() in names) for f in full
        ))

    return bool(full) and all(m.label in _PERSON_LABELS or short(m) for m in ms)


def cluster(mentions: list[Mention], lex: Lexicon) -> list[list[Mention]]:
    """Mentions grouped by referent (see the module docstring for the rules)."""
    n = len(mentions)
    sets = _Sets(n)
    for i, j in _halves_of_countries(mentions):
        sets.union(i, j)
    by_key: dict[str, int] = {}
    by_outlet: dict[str, int] = {}
    for i, m in enumerate(mentions):
        # a registry outlet's mentions join each other by the registry row (below), not with a person of the
        # same name ("Mr. Bloomberg" beside "Bloomberg reported")
        k = name_key(m.name) + ("\x00outlet" if m.outlet else "")
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
        acronyms = {m.name.replace(".", "") for m in gms if is_acronym(m.name)}
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

    # One person under two given-name forms ("Joe Biden", "Joseph R. Biden").
    for i, j in _same_person_by_nickname(mentions, current()):
        sets.union(i, j)

    # Short forms of person names.
    groups = current()
    info = []
    for g in groups:
        gms = [mentions[i] for i in g]
        kind = cluster_kind(gms)
        full = [(_name_words(m.name), _generation(m.name)) for m in gms if len(_name_words(m.name)) > 1]
        info.append((g, gms, kind, full))
    # Full names are person-shaped ("Fermo City Committee of ..." is not) and
    # free of organisation words unless a title or apposition shows a person
    # ("Jim Press, the Vice Chairman"; not "Kim Il Sung University" tagged PERSON).
    evidenced = {g[0]: any(m.person for m in gms) for g, gms, _, _ in info}
    persons = [
        (
            g,
            [f for f in full if _personal_name(f[0]) and (evidenced[g[0]] or not org_words(f[0]))],
            kind == "person" and (evidenced[g[0]] or any(m.label in _PERSON_LABELS for m in gms)),
        )
        for g, gms, kind, full in info
        if kind not in {"outlet", "government", "group"}
        # a building or a place named after a person is no second person "Trump" may be ("Trump Tower")
        and (evidenced[g[0]] or not any(m.label in {"LOC", "FAC"} for m in gms))
    ]
    opened = {pg[0]: min(mentions[i].start for i in pg) for pg, _, _ in persons}  # where each person is first named
    for g, gms, kind, _ in info:
        # A place-tagged word shortens only a name shown to be a person's by a
        # title or apposition ("Henderson" -> "Fritz Henderson, the chief operating
        # officer"; not "Westminster" -> "Westminster Abbey" tagged PERSON) ...
        place_short = kind == "place" and not any(m.person for m in gms)
        # ... unless it is one word no country, state or compass word is, that spaCy called a place or an
        # organisation and never a building, and that ends the full name of a person spaCy named with a given name
        # ("Kasich" -> "John Kasich", "Schiff" -> "Adam Schiff": 26 surnames were places of their own beside the
        # person's full name in 500 AllSides articles)
        surname_place = place_short and _surname_place(gms)
        if kind in {"outlet", "government"} or (any(m.label in {"LOC", "FAC"} for m in gms) and not surname_place):
            continue
        # A name spaCy calls a person may also shorten a person-shaped name it
        # tagged otherwise ("Pirro" -> "Jeanine Pirro" tagged ORG).
        tagged_person = any(m.label == "PERSON" for m in gms)
        shorts = [_name_words(m.name) for m in gms]
        gens = {_generation(m.name) for m in gms} | {""}
        addressed = {m.addressed for m in gms} - {None}
        other_sex = {"f"} if addressed == {"m"} else {"m"} if addressed == {"f"} else set()
        first = min(m.start for m in gms)
        fits = [
            pg
            for pg, pfull, is_person in persons
            if pg is not g
            and pfull
            and (is_person or tagged_person)
            and (not place_short or evidenced[pg[0]] or (surname_place and _given_named(pg, mentions)))
            # a surname written before "Donald Trump Jr." is first named is no short form of his ("President
            # Trump", the father); after it, it is ("Mark A. Welsh III ... Welsh added")
            and all(
                any(_short_of(s, f) and (gen in gens or first > opened[pg[0]])
                    for f, gen in pfull)
                for s in shorts
            )
            # nor of a relative's full name written after the surname stood alone ("President Trump" ... "his
            # father, Frederick Trump"): the surname was someone's already
            and not (any(mentions[i].kin for i in pg) and first < opened[pg[0]])
            # nor of a woman's full name when the surname is a man's by its "Mr." ("Mr. Obama" beside "Michelle
            # Obama"), or of a man's when it is a woman's ("Mrs. Clinton" beside "Bill Clinton")
            and not (addressed and all(first_names().get(f[0].lower()) in other_sex for f, _ in pfull))
        ]
        if len(fits) > 1:
            # a surname before a name it only opens ("Trump" of "Donald Trump", not of a headline's "Trump
            # Contradicted" or of "Trump Tower")
            full_of = {pg[0]: pfull for pg, pfull, _ in persons}
            ends = [pg for pg in fits if all(any(len(s) == 1 and s[0] == f[-1] for f, _ in full_of[pg[0]]) for s in shorts)]
            fits = ends if len(ends) == 1 else fits
        if len(fits) > 1:
            # "Kim Jong Un ... Kim declared ... Kim Il Sung": a short form read before the other full names
            # that fit are first written is the one written before it
            last = max(m.start for m in gms)
            before = [pg for pg in fits if opened[pg[0]] < first]
            later = [pg for pg in fits if pg not in before]
            if len(before) == 1 and all(opened[pg[0]] > last for pg in later):
                fits = before
        if len(fits) > 1 and len({tuple(_name_words(" ".join(f))) for pg in fits for f, _ in full_of[pg[0]]}) == 1:
            # "Dr. King" after "Martin Luther King" and "Martin Luther King Jr.", "Trump" beside "Donald Trump Jr.":
            # one name but for a generational suffix; the surname alone is the one written without it, "Trump Jr."
            # the one with it
            fits = [pg for pg in fits if all(gen == max(gens) for _, gen in full_of[pg[0]])] or fits
        if len(fits) == 1:
            sets.union(g[0], fits[0][0])
        elif surname_place and fits:
            for m in gms:
                m.person = True  # "Skripal's home" beside Sergey and Yulia Skripal: a person, whichever

    # The start or end of an organisation's name ("Lockheed" -> "Lockheed Martin",
    # "Intelligence Committee" -> "House Intelligence Committee"), not generic words.
    groups = current()
    orgs = []
    for g in groups:
        gms = [mentions[i] for i in g]
        if cluster_kind(gms) in {"organization", "government"}:
            orgs.append((g, {tuple(_name_words(m.name)) for m in gms}))
    for g, names in orgs:
        if any(is_acronym(nm[0]) for nm in names if len(nm) == 1):
            continue
        if any(len(nm) == 1 and word_key(nm[0]) in _GENERIC_ORG_WORDS for nm in names):
            continue
        # a whole body's name ("the White House", "the Senate") is no short form of a longer one starting with it
        # ("White House Office of American Innovation", spaCy's "White House National Security" of "... Adviser")
        whole = {nm for nm in names if name_key(" ".join(nm)) in lex.government_names}
        fits = [
            h
            for h, hn in orgs
            if h is not g and all(
                any(_affix_of(list(nm), list(x)) and not (nm in whole and _part_of(nm, x)) for x in hn) for nm in names
            )
        ]
        if len(fits) == 1:
            sets.union(g[0], fits[0][0])
    _outlet_short_forms(mentions, sets, current())
    return [[mentions[i] for i in g] for g in current()]


def _part_of(body: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """Whether ``name`` opens with the whole body's name ``body`` and names more than that body by another of its
    names ("Federal Reserve Board", "Federal Reserve System" are the Federal Reserve)."""
    return name[: len(body)] == body and not (len(name) == len(body) + 1 and name[-1].lower() in ("board", "system"))


def _outlet_short_forms(mentions: list[Mention], sets: _Sets, groups: list[list[int]]) -> None:
    """ "The Post reported" after "The Washington Post": a one-word organisation that ends the name of
    exactly one outlet named before it is that outlet ("the Times" stays itself beside two Times)."""
    outlets = [g for g in groups if any(mentions[i].outlet for i in g)]
    for g in groups:
        gms = [mentions[i] for i in g]
        if cluster_kind(gms) != "organization" or any(m.outlet for m in gms):
            continue
        words = {tuple(_name_words(m.name)) for m in gms}
        if len(words) != 1 or len(next(iter(words))) != 1:
            continue
        word = next(iter(words))[0]
        first = min(m.start for m in gms)
        fits = [
            h
            for h in outlets
            if min(mentions[i].start for i in h) < first
            and any(len(nw := _name_words(mentions[i].name)) > 1 and nw[-1] == word for i in h)
        ]
        if len(fits) == 1:
            sets.union(g[0], fits[0][0])


_COMPASS = frozenset({"North", "South", "East", "West"})


def _halves_of_countries(mentions: list[Mention]) -> list[tuple[int, int]]:
    """ "the North" where the article names North Korea: the country, by its name (spaCy tags the bare word
    an organisation or a place).  Only when the article names exactly one country of that compass word, and
    only the bare word ("the communist North", not "North Carolina" or "the North Atlantic")."""
    full: dict[str, dict[str, int]] = defaultdict(dict)
    for i, m in enumerate(mentions):
        words = m.name.split()
        if len(words) == 2 and words[0] in _COMPASS and country_of(m.name):
            full[words[0]].setdefault(m.name, i)
    out = []
    for i, m in enumerate(mentions):
        names = full.get(m.name)
        if names is not None and len(names) == 1:
            j = next(iter(names.values()))
            m.label, m.kind, m.government = mentions[j].label, mentions[j].kind, mentions[j].government
            out.append((i, j))
    return out


@functools.cache
def _nickname_lines() -> dict[str, frozenset[int]]:
    """Given name (lower case) -> the lines of ``find/data/nicknames.txt`` it is on (a full name with its
    short forms per line; "pat" is on Patricia's and Patrick's)."""
    out: dict[str, set[int]] = defaultdict(set)
    for k, line in enumerate(read_sections("nicknames.txt").get("", ())):
        for w in line.split():
            out[w.lower()].add(k)
    return {w: frozenset(v) for w, v in out.items()}


def _same_person_by_nickname(mentions: list[Mention], groups: list[list[int]]) -> list[tuple[int, int]]:
    """Pairs of person groups whose full names share the last word and any suffix and whose first words are
    the same given name, in one form or two ("Joe" / "Joseph"): "Joe Biden" and "Joseph R. Biden" (not
    "Donald Trump" and "Donald Trump Jr.").  Only names read as people."""
    lines = _nickname_lines()
    keys: dict[tuple[int, str, str], list[int]] = defaultdict(list)
    for g in groups:
        gms = [mentions[i] for i in g]
        if cluster_kind(gms) != "person":
            continue
        for m in gms:
            words = _name_words(m.name)
            raw = m.name.split()
            suffix = word_key(raw[-1].rstrip(",")) if len(raw) > len(words) else ""
            if _personal_name(words) and words[0].lower() in lines:
                for k in lines[words[0].lower()]:
                    key = (k, words[-1], suffix)
                    if g[0] not in keys[key]:
                        keys[key].append(g[0])
    return [(gs[0], other) for gs in keys.values() for other in gs[1:]]


def _personal_name(words: list[str]) -> bool:
    """A name that reads as a person's: 2 to 5 words, all capitalised (no "of", "the")."""
    return 2 <= len(words) <= 5 and all(w[:1].isupper() for w in words)


def _affix_of(short: list[str], full: list[str]) -> bool:
    """Whether ``short`` is the first words of the longer ``full``, or its last words (two or more); not when the
    first two words or more name a body and two words or more after them a body inside it ("White House" of "White
    House National Security Council", "George Washington University" of "George Washington University Law School";
    "Federal Reserve" of "Federal Reserve Board" is, "Political Bureau" of "Political Bureau of the Party Central
    Committee" too, and one word is left alone: "Covington" of "Covington Catholic High School" may be either)."""
    k = len(short)
    if not 0 < k < len(full):
        return False
    if k > 1 and full[-k:] == short:
        return True
    return full[:k] == short and not (
        k > 1 and len(full) - k > 1 and word_key(full[-1]) in _SUB_BODY_HEADS and full[k].lower() not in FUNCTION_WORDS
    )


_SUB_BODY_HEADS = frozenset(
    "committee subcommittee council office school department ministry agency bureau commission institute center "
    "centre college division unit directorate".split()
)
"""Last words of a body's name that may name a part of the body named by the words before them."""


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
    initials = [w for w in short[1:-1] if _INITIAL.fullmatch(w)]
    if initials and initials != [w for w in full[1:-1] if _INITIAL.fullmatch(w)]:
        return False  # "George W. Bush" is not "George H. W. Bush": middle initials, when written, are all written
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
