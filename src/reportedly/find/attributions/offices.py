"""Who holds an office a description names: "the vice president" is no president, "the US leader" a head of state
or government whose role names the US, "his lawyer" the one lawyer the article names later."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ...model import Entity
from ...registry import country_of
from ...registry.countries import US_STATES, state_of_abbreviation
from ..entities import first_mention

_RANKS = frozenset({"vice", "deputy", "assistant", "associate", "lieutenant", "under", "acting", "co", "sub", "general"})
"""Words that make an office another one ("vice president" is no president; KCNA's "General Secretary Kim Jong Il" is no
"the secretary" of a district committee)."""


def rank_of(text: str, title: str) -> str | None:
    """A word of ``_RANKS`` among the two right before ``title`` in ``text`` ("vice" of "the vice president",
    "deputy" of "Deputy Prime Minister" when the title is "minister"), else None."""
    m = re.search(r"(?:\b([a-z]+)[\s-]+)?(?:\b([a-z]+)[\s-]+)?\b" + re.escape(title), text.lower())
    return next((w for w in (m.groups() if m else ()) if w in _RANKS), None)


_KINDS = frozenset(
    "prime foreign defense defence finance justice interior home health education trade culture energy "
    "agriculture labor labour transport economy environment".split()
)
"""Words before a title that make the office another one only when the description says them: "the prime
minister" is no "Justice Minister", while "the minister" may be one."""


def office_kind(text: str, title: str) -> str | None:
    """The word of ``_KINDS`` right before ``title`` in ``text`` ("prime" of "the prime minister"), else one of
    ``_KINDS_AFTER`` right after it ("+administrator" of "the county's chief administrator", who is no "Police
    Chief"), else None."""
    m = re.search(r"\b([a-z]+)[\s-]+" + re.escape(title) + r"\b", text.lower())
    if m is not None and m.group(1) in _KINDS:
        return m.group(1)
    after = re.search(r"\b" + re.escape(title) + r"[\s-]+([a-z]+)\b", text.lower())
    return "+" + after.group(1) if after is not None and after.group(1) in _KINDS_AFTER else None


_KINDS_AFTER = frozenset(
    "administrator executive justice officer economist strategist spokesman spokeswoman counsel negotiator "
    "correspondent editor judge analyst adviser advisor inspector operating financial medical technology information "
    "scientist whip".split()
)
"""Nouns after a title word that make it part of another office ("chief administrator", "chief executive")."""


def office_terms(
    phrase: str, title: str
) -> tuple[str | None, str | None, str | None, str | None, str | None, str | None, str | None]:
    """What a description says of the office ``title`` it names, as ``holds_office`` takes it after the title:
    country, rank, state, body, party, kind and time ("the former Kentucky senator", "the prime minister")."""
    return (
        country_in(phrase), rank_of(phrase, title), state_in(phrase), body_in(phrase, title), party_in(phrase),
        office_kind(phrase, title), time_of(phrase),
    )


def time_of(words: str) -> str | None:
    """ "former" or "current" when a description or a role says whether the office is held now ("the former vice
    president", "current Vice President")."""
    m = _TIME.search(words)
    return None if m is None else "former" if m.group(0).lower() in ("former", "ex") else "current"


_TIME = re.compile(r"\b(?:former|ex(?=-)|current|sitting|incumbent)\b", re.I)


def holds_office(
    e: Entity,
    title: str,
    country: str | None,
    rank: str | None = None,
    state: str | None = None,
    body: str | None = None,
    party: str | None = None,
    kind: str | None = None,
    time: str | None = None,
) -> bool:
    """Whether a person's roles hold the office ``title`` of ``country``, of the same ``rank`` (``rank_of``: "the
    vice president" is no "President"; "the president" no "Vice President"): "the US leader" is a head of state or
    government whose role names the US ("US President Donald Trump"), not "North Korean leader Kim Jong-un";
    otherwise a role naming no country may be anyone's ("Ambassador" for "the U.S. Ambassador in Moscow"),
    and "the Cuban leader" is no "President" of unnamed country; nor is "the Kentucky senator" a "Minnesota Sen."
    (``state``, a US state the description names: a role naming another one does not hold the office)."""
    if title == "leader" and country is not None:
        # "the US leader": a head of state or government of that country, said so in the role
        return any(x in r.lower() for r in e.roles for x in LEADER_TITLES if country_in(r) == country)
    word = re.compile(rf"\b{re.escape(title)}\b")  # (a "presidential envoy" is no president)
    if state is not None and any(state_in(r) not in (None, state) for r in e.roles):
        return False
    # (the words before a possessive are someone else's: "President Trump's former lawyer" holds no presidency)
    roles = [
        r for r in e.roles
        if word.search(_own_words(r).lower()) and rank_of(r, title) == rank and kind in (None, office_kind(r, title))
        and (time is None or time_of(_own_words(r)) in (None, time))  # ("the former vice president" no "current" one)
    ]
    if party is not None and any(party_in(r) not in (None, party) for r in roles):
        return False  # ("the new Conservative leader" is no "Labour leader")
    if body is not None and not any(body.lower() in r.lower() for r in roles):
        return False  # ("the World Health Organization director" is no "director of the Harvard Global Health Institute")
    return bool(roles) and (country is None or any(country_in(r) in (None, country) for r in roles))


def party_in(phrase: str) -> str | None:
    """The party a phrase names by its word ("Republican", "GOP", "Tory", "Labour" ...), as one key per party."""
    m = _PARTY.search(phrase)
    return _PARTY_KEYS.get(m.group(0).lower(), m.group(0).lower()) if m is not None else None


_PARTY = re.compile(r"\b(?:Republican|GOP|Democratic|Democrat|Conservative|Tory|Labour|Liberal Democrat|Liberal|SNP)\b")
_PARTY_KEYS = {"gop": "republican", "democrat": "democratic", "tory": "conservative"}


PARTISAN = re.compile(r"[Tt]he\s+(?:[\w.’'-]+\s+){0,3}(?P<party>Republican|Democrat)")
"""A member of a party described by where they are from ("the Kentucky Republican", "the San Rafael-based Democrat"):
one person the article names before, whose party and state fit (``party_fit``)."""
_TAG_AFTER = re.compile(r"\s*(?:,\s*|\(\s*)(?P<party>[RD])-(?P<state>[A-Z][\w.]*(?: [A-Z][\w.]*)?)\s*[,)]")


_LEGISLATORS = re.compile(r"\b(?:sen|senator|rep|representative|congressman|congresswoman|gov|governor|lawmaker)\b", re.I)


def party_fit(text: str, e: Entity, party: str, state: str | None) -> bool | None:
    """Whether the person ``e`` is the member of ``party`` ("republican" / "democratic") from ``state`` (when given)
    that "the Kentucky Republican" describes: True by a role ("an Iowa Republican") or by the party tag after a mention
    ("Rand Paul (R-Ky.)", "Chuck Schumer, D-N.Y.,"); None for a legislator or governor of no known party, of that state
    or of none named ("Sen. Mitch McConnell of Kentucky"), who may be (one closer than a member leaves the description
    unresolved); False otherwise."""
    known = False
    for p, home in _parties(text, e):
        known = True
        if p == party and (state is None or home == state):
            return True
    if not known and any(_LEGISLATORS.search(r) and state_in(r) in (None, state) for r in e.roles):
        return None
    return False


def known_party(text: str, e: Entity) -> str | None:
    """The US party ("republican" / "democratic") a person's roles or a party tag after a mention of them name
    ("Senate Minority Leader Harry Reid (D-Nev.)"), else None."""
    return next((p for p, _ in _parties(text, e) if p in ("republican", "democratic")), None)


def _parties(text: str, e: Entity) -> Iterator[tuple[str, str | None]]:
    """(party, home state) of each party a person's roles name, then of each party tag after a mention of them."""
    for r in e.roles:
        if (p := party_in(r)) is not None:
            yield p, state_in(r)
    for _, me in e.mentions:
        if (tag := _TAG_AFTER.match(text, me)) is not None:
            yield ("republican" if tag.group("party") == "R" else "democratic"), state_of_abbreviation(tag.group("state"))


def _own_words(role: str) -> str:
    """A role without a possessor's words before it ("former lawyer" of "President Trump's former lawyer")."""
    return re.split(r"['’]s?\s", role)[-1]


def later_holder(entities: Sequence[Entity], before: int, phrase: str, title: str) -> tuple[str, str | None] | None:
    """The one person first named after ``before`` whose roles hold the office a description names ("his lawyer
    says" in a lede, "Anatoly Kucherena, his lawyer" further down), else None (none, or several).  For the
    caller to try when nothing before fits and no earlier indefinite mention ("a spokesman for ...") names it."""
    t = title.lower().rstrip(".")
    terms = office_terms(phrase, t)
    later = [
        e for e in entities
        if e.kind == "person" and (first := first_mention(e)) is not None and first >= before and holds_office(e, t, *terms)
    ]
    return (later[0].name, later[0].id) if len(later) == 1 else None


LEADER_TITLES = ("leader", "president", "prime minister", "premier", "chancellor", "king", "queen", "emperor")
"""The offices "the US leader", "the country's leader" may stand for."""


def country_in(phrase: str) -> str | None:
    """The country a country word in the phrase names ("the US leader", "North Korean leader"), else None."""
    words = re.findall(r"[\w.]+", phrase.replace("’", "'"))
    for k in (2, 1):
        for i in range(len(words) - k + 1):
            c = country_of(" ".join(words[i : i + k]))
            if c:
                return c
    return None


def body_in(phrase: str, title: str) -> str | None:
    """The last word of a body's or a place's name written right before the title ("Organization" of "the World Health
    Organization director") or after it and "of" ("Newark" of "the former mayor of Newark"), not a country's, a state's
    or a party's, or a body's noun as its possessor ("association" of "the association’s president"); else None
    (``holds_office``: a holder's role names that body)."""
    owner = re.search(r"\b(?:the|its|their)\s+(" + _BODY_NOUNS + r")['’]s\s+(?:[\w-]+\s+){0,2}?(?i:" + re.escape(title) + r")\b", phrase)
    if owner is not None:
        return owner.group(1)  # "the association’s president": a holder whose role names an association, not Obama
    m = re.search(r"((?:[A-Z][\w.&'’-]*\s+){1,5})(?i:" + re.escape(title) + r")\b", phrase)
    if m is None:
        # or after it, with "of" ("the former mayor of Newark" is no "mayor of South Bend")
        m = re.search(r"\b(?i:" + re.escape(title) + r")\s+of\s+(?:the\s+)?((?:[A-Z][\w.&'’-]*\s*){1,5})$", phrase)
    if m is None:
        return None
    words = m.group(1).split()
    while words and words[0].lower() in _NO_BODY_WORDS:
        words = words[1:]  # ("The president": a sentence's capital, no body)
    if not words or country_in(m.group(1)) or state_in(m.group(1)) or party_in(" ".join(words)) is not None:
        return None
    if words[-1][-2:] in ("’s", "'s"):
        return None  # (a possessor says whose, not where: "Trump’s Chief of Staff")
    return words[-1]


_BODY_NOUNS = "association|company|group|organization|organisation|firm|union|network|agency|committee|council|board|foundation|university|hospital|bank|institute|federation"
_NO_BODY_WORDS = frozenset({"the", "a", "an", "this", "that", "his", "her", "its", "their", "our", "former", "then", "new"})


def state_in(phrase: str) -> str | None:
    """The US state a phrase names ("the freshman Kentucky senator", "Minnesota Sen."), lower-cased, else None."""
    words = re.findall(r"[A-Z][a-z]+", phrase)
    for k in (2, 1):
        for i in range(len(words) - k + 1):
            if (w := " ".join(words[i : i + k]).lower()) in US_STATES:
                return w
    return None


_BODY_THEN_HEAD = re.compile(
    r"(?:[Tt]he|[Aa]n?)\s+(?:(?:former|late|longtime)\s+)?(?P<body>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\s+"
    r"(?P<title>(?:co-?)?founder|owner|creator|CEO|chief executive|chairman|chairwoman|president)"
    r"(?:\s+and\s+(?:(?:co-?)?founder|owner|CEO|chief executive|chairman|chairwoman|president))?"
)
NO_STAFF = frozenset({"founder", "co-founder", "cofounder", "owner", "creator"})
"""Heads that are nobody's staff: "the Facebook founder" is a person even unnamed; "the Tesla CEO" unnamed speaks for
the company (type guideline 5)."""


def body_head(phrase: str, body: Entity) -> tuple[str, str] | None:
    """(the body's words, the head's title, lower-cased) for "The Facebook founder", "the Tesla CEO and chairman" (an
    organisation's or outlet's name, then who founded, owns or heads it) when ``body`` is the one named, else None."""
    m = _BODY_THEN_HEAD.fullmatch(" ".join(phrase.split()))
    if m is None or body.kind not in ("organization", "outlet") or not body.name.endswith(m.group("body").removeprefix("The ")):
        return None
    return m.group("body"), m.group("title").lower()
