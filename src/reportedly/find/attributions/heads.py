"""What the words of a source phrase say it is: its head noun (a document, footage, a group, a company, an
office or title, a person), its pronoun, or a marker ("state media", "anonymous", "a source").

Word lists, hand-made from PolNeAR train, AllSides and KCNA (``resolve`` and ``finder`` read them), and
``outlet_body``: whether a phrase names a body or the staff of a news outlet rather than the outlet (the registry
says whether an outlet is named; ``chains.sources`` reads it too).
"""

from __future__ import annotations

import re

from ...registry import load_registry

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "i", "me", "my", "we", "us", "our", "you", "your"})
GROUP_PRONOUNS = frozenset({"they", "them", "their"})
ANON = re.compile(
    r"\b(anonymity|anonymous|unnamed|familiar with|close ties|sources? close to|not authori[sz]ed|declined to be named|"
    r"asked not to be (?:named|identified)|on background|insiders?)\b|^(?:an?|one|two|three|several|some|other|another|the)\s+"
    r"(?:senior\s+|former\s+|top\s+|[a-z]+\s+)?(?:sources?|officials?|persons?|people|aides?|insiders?)\b(?!['’])",  # not "the People's ..."
    re.I,
)
ANONYMOUS_ASIDE = re.compile(
    r",\s+(?:speaking|requesting|asking|insisting|talking)\b[^,]{0,80}?\b(?:anonymity|not to be (?:named|identified))\b"
)
"""A participle between a source and its cue that makes it anonymous ("Three U.S. intelligence officials, speaking on
the condition of anonymity, said"; the participle is no part of the source span, ``spans.source_range``)."""
SOURCE_WORD = re.compile(r"^(?:(?:a|an|the|one|two|three|several|some|other|another|multiple)\s+)*(?:[\w.’'-]+\s+){0,3}sources?$", re.I)
"""Unnamed sources, with up to three words saying whose ("a source", "A South Korean government source")."""
STATE_MEDIA = re.compile(
    r"\bstate(?:-run|-controlled|-owned)?\s+(?:media|television|tv|news agency|news service|wire service|broadcaster|radio)\b", re.I
)
DOCUMENT_HEADS = frozenset(
    {
        "report", "statement", "letter", "memo", "memorandum", "notebook", "message", "note", "document",
        "documents", "records", "record", "poll", "survey", "study", "analysis", "filing", "complaint",
        "indictment", "ruling", "order", "release", "transcript", "email", "emails", "book", "article",
        "editorial", "commentary", "post", "tweet", "website", "data", "figures", "research", "paper",
        "cable", "communique", "declaration", "resolution", "law", "bill", "ad", "advertisement", "sign",
        "communiqué", "text", "e-mail", "banner", "placard", "poster", "leaflet", "notice", "decree",
        "dispatch", "diary", "affidavit", "verdict", "caption", "inscription", "slogan", "headline",
        "travelogue", "treatise", "essay", "poem", "pamphlet", "brochure", "booklet", "manual", "speech",
        "lawsuit", "suit", "database", "constitution", "convention", "package", "amendment", "ordinance",
        "regulation", "rule", "charter", "treaty", "agreement", "brief", "appeal", "manifesto", "petition", "plan",
        "charges", "guidance", "findings", "estimate", "estimates", "statistics", "forecast", "projection",
        "projections", "guidelines", "proposal", "assessment", "audit", "questionnaire", "chart", "timeline", "bulletin",
        "newsletter", "remarks", "testimony", "story", "results", "e-mails", "rebuttal", "response", "reply",
    }
)
FOOTAGE_HEADS = frozenset({"footage", "video", "videos", "image", "images", "photo", "photos", "broadcast", "clip", "film", "picture", "pictures", "recording"})
GROUP_HEADS = frozenset(
    {
        "experts", "officials", "analysts", "critics", "observers", "voters", "residents", "people", "supporters",
        "democrats", "republicans", "lawmakers", "activists", "economists", "scholars", "diplomats", "witnesses",
        "americans", "others", "many", "some", "members", "leaders", "protesters", "delegates", "aides",
        "advisers", "advisors", "sources", "researchers", "scientists", "pollsters", "strategists", "conservatives",
        "liberals", "fans", "students", "workers", "parents", "women", "men", "voices", "opponents", "allies",
    }
)
COMPANY_HEADS = frozenset(
    {"companies", "firms", "corporations", "banks", "airlines", "carriers", "manufacturers", "retailers", "insurers",
     "automakers", "studios", "utilities", "startups", "businesses", "employers", "lenders", "chains"}
)
"""Plural heads naming companies: organisations, as companies are (chain guideline 5), not a group."""
VAGUE_HEADS = frozenset(
    {
        "experts", "analysts", "critics", "observers", "researchers", "scientists", "economists", "scholars",
        "commentators", "pundits", "watchers", "specialists", "hackers", "strategists",
    }
)
"""Unnamed people who are no one's representatives ("analysts", "some observers", "the hackers"): anonymous
sources when nothing in the phrase says whose they are (eval/chains/README.md, type guideline 5), as "a
source familiar with the matter" is; "experts at Brookings" or "Democratic strategists" stay a group."""
OFFICIAL_HEADS = frozenset({"officials", "official", "spokesman", "spokeswoman", "spokesperson", "spokespeople", "authorities"})
"""A state's officials or spokespeople, named or not ("South Korean officials", "officials in Seoul") are the
government (type guideline 5), not a group."""
GOVERNMENT_WORDS = re.compile(
    r"(?<!anti-)(?<!pro-)\b(white house|kremlin|pentagon|state department|ministry|government|administration|cabinet|"
    r"department|embassy|congress|senate|parliament|(?:lower|upper) house|police|military|army|prosecutors?|court|"
    r"pyongyang|seoul|beijing|moscow|washington|tokyo|authorities|regime|agency|commission|council|intelligence community|"
    r"(?:governor|mayor|president|minister|premier|prosecutor|attorney|sheriff|chancellor|secretary)['’]s\s+office|"
    r"office\s+of\s+the\s+(?:governor|mayor|president|prime\s+minister|premier|prosecutor|attorney|sheriff|chancellor))\b"
    r"(?!-\w)",  # not the first half of a compound ("court-watchers"), nor "anti-government demonstrators"
    re.I,
)
PERSON_TITLES = re.compile(
    r"\b(president|premier|minister|secretary|senator|sen\.|rep\.|gov\.|governor|mayor|spokesman|spokeswoman|"
    r"spokesperson|analyst|professor|director|chairman|chairwoman|chief|leader|candidate|nominee|ambassador|"
    r"adviser|advisor|official|aide|manager|strategist|lawyer|attorney|judge|general|colonel|researcher|"
    r"economist|expert|diplomat|dr\.|mr\.|mrs\.|ms\.|king|queen|pope|ceo|founder|host|anchor|reporter|correspondent|"
    r"editor|writer|author|spokesperson|chairperson|commander|officer|dictator|head|house\s+speaker|pontiff)\b",
    re.I,
)


def title_ends(low: str, head_low: str) -> bool:
    """Whether a title of several words holding the phrase's head ends the phrase ("the house speaker")."""
    return any(m.end() == len(low) and head_low in m.group(0).split() for m in PERSON_TITLES.finditer(low))


PERSON_NOUNS = frozenset(
    "man woman staffer commissioner speaker voter accuser resident worker student teacher doctor nurse father justice skeptic sceptic "
    "salesman saleswoman mechanic cashier waiter waitress clerk businessman businesswoman entrepreneur banker teenager "
    "grandmother grandfather mom dad firefighter adherent organizer organiser whistleblower billionaire millionaire "
    "mother son daughter wife husband victim witness friend neighbor neighbour citizen activist protester employee "
    "owner columnist journalist pollster donor supporter critic plaintiff defendant suspect lawmaker legislator "
    "congressman congresswoman councilman councilwoman consultant contractor veteran farmer pastor priest rabbi "
    "imam physician scientist historian scholar student-athlete coach player athlete inmate prisoner survivor "
    "hostage captive detainee colleague classmate roommate cellmate star juror nominee candidate constituent "
    "parent relative therapist principal traitor fundraiser operative associate narrator announcer confidant confidante "
    "bystander eyewitness passenger envoy executive shareholder caller attendee agent descendant representative lady "
    "defender opponent ally backer detractor admirer fan follower loyalist rival foe adversary challenger successor "
    "predecessor sympathizer proponent advocate booster individual person guy boy girl child kid actor actress front-runner frontrunner runner "
    "housewife homemaker retiree pensioner shopkeeper villager soldier sailor pilot miner engineer driver adult "
    "respondent participant viewer reader listener consumer customer taxpayer homeowner renter forecaster expert mp mep "
    "volunteer teammate coworker co-worker partner user developer graduate alumnus alumna alumni meteorologist "
    "emissary crony henchman henchmen mogul tycoon magnate heir heiress delegate comedian hopeful".split()
)
"""Singular nouns for a person that are no title (``PERSON_TITLES``): "the staffer", "a commissioner" are people."""


def person_noun(word: str) -> bool:
    """A common noun for people, singular or plural ("hostages", "women")."""
    return (
        word in PERSON_NOUNS or word in ("men", "women") or (word.endswith("s") and word[:-1] in PERSON_NOUNS)
        or (word.endswith("ies") and word[:-3] + "y" in PERSON_NOUNS)  # "allies"
    )


def people_noun(word: str) -> bool:
    """A common noun that may be people: ``person_noun``, a group head, or a title, singular or plural ("senators")."""
    return person_noun(word) or word in GROUP_HEADS or PERSON_TITLES.fullmatch(word.removesuffix("s")) is not None


COLLECTIVE_NOUNS = frozenset("family clan jury crowd audience public percent majority minority plurality half youth couple duo trio".split())
"""Singular nouns for several people: "the family", "the jury", "the couple", "62 percent (of voters)" are a group."""

BODY_NOUNS = frozenset(
    "firm fund institute team panel party campaign company corporation bank university college school church "
    "union association foundation coalition alliance charity nonprofit think-tank thinktank tank network "
    "organization organisation society league federation club board industry movement giant automaker carmaker "
    "retailer manufacturer insurer lender airline conglomerate startup hospital clinic".split()
)
"""Singular nouns for a body: "The Milwaukee-based firm", "the pension fund", "his campaign" are organisations."""


def plural_of_document(word: str) -> bool:
    """ "polls", "reports", "studies": the plural of a document head ("papers" are newspapers: not one)."""
    if word == "papers":
        return False
    return (word.endswith("ies") and word[:-3] + "y" in DOCUMENT_HEADS) or (word.endswith("s") and word[:-1] in DOCUMENT_HEADS)


MEMBERS = re.compile(
    r"\s*[,—–(]\s*(?:including|among them|such as|notably|especially|particularly|even those|(?:most|many|some) of them)\b"
    r"|(?P<like>\s*,?\s+like\s+(?=[A-Z]))"
)
"""Examples or a part of a source phrase's people after it ("Republican lawmakers, including Trump,", "Other contenders
like Sens. Kamala Harris and Amy Klobuchar"): not who speaks."""
SHARES = frozenset({"handful", "number", "majority", "minority", "few", "dozen", "couple", "group", "bloc", "half", "third"})
"""Heads of a share of a body's members: "a small handful of Senate Republicans"."""
RELATIVE_TAIL = re.compile(r",\s+(?:who|whom|whose|which)\b")
"""A description's relative clause, which says more of whom it describes ("the Republican president, who is seeking
re-election next year"): the phrase before it is what resolves."""
ABOUT_WORDS = re.compile(r"\b(?:against|about|on|into|over|regarding|concerning|involving)\s+(?:the\s+)?$")
"""What a document is about, before a name it holds ("the complaint filed against X"): not its producer."""
MEDIA_HEADS = frozenset({"media", "press", "outlets", "newspapers"})
"""Head words of a phrase for unnamed news media ("South Korean media", "conservative media outlets")."""
OUTLET_NOUNS = frozenset(
    {"newspaper", "daily", "tabloid", "radio", "television", "tv", "magazine", "journal", "dailies", "tabloids", "radios", "magazines", "journals"}
)
"""Head words of a phrase for outlets that say nothing else it could be ("the paper", "the network", "the station"
and "the agency" may be a document, a group, a place or a government office; "a very nice liberal broadcaster" is a
person; "a TV", "a television" a set: ``A_SET``)."""
A_SET = re.compile(r"^an?\s+(?:[\w-]+\s+)*(?:tv|television)$", re.I)


# Heads of a phrase that names a body or the staff of a news company rather than the company: "the union
# at Reuters", "the Washington Post Guild", "Reuters staff" (hand-made list).
OUTLET_BODY_HEADS = {
    "union": "organization", "unions": "organization", "guild": "organization", "newsguild": "organization",
    "chapel": "organization", "association": "organization", "foundation": "organization",
    "council": "organization", "caucus": "organization", "board": "organization", "shareholders": "group",
    "staff": "group", "staffers": "group", "employees": "group", "workers": "group", "journalists": "group",
    "reporters": "group", "members": "group", "correspondents": "group", "editors": "group", "unit": "organization",
    "company": "organization", "corporation": "organization",
}
_HEAD_ONLY = frozenset({"company", "corporation"})
"""Body words that count only as the phrase's head ("Fox News Channel's parent company, Fox Corp."; not "the latest edition
of the Democracy Index from our sister company", headed by "edition")."""
ORG_SUFFIX = re.compile(r"\b(?:union|guild|newsguild|chapel|association|foundation|council|caucus)\b", re.I)


def outlet_body(phrase: str, head: str) -> str | None:
    """The type of a phrase naming a body or the staff of a news outlet ("organization", "group"), else None.

    Only for phrases that hold more than the outlet's name and are headed by (or end in) one of
    ``OUTLET_BODY_HEADS``; whether an outlet is named at all is for the caller's registry to say.
    """
    # only the phrase's own name, before any comma or dash ("The Washington Post Guild said"), not a description
    # after it ("Holly Dagres, a nonresident fellow at the Atlantic Council", "Ms. Farkas, who is now a scholar
    # at the Atlantic Council")
    name = re.split(r",|\s\(|\s[–—-]\s", phrase)[0]
    words = re.findall(r"[\w'’-]+", name.lower())
    if not words:
        return None
    last = words[-1].strip("'’")
    typ = OUTLET_BODY_HEADS.get(head) if head in words else None
    typ = typ or (OUTLET_BODY_HEADS.get(last) if last not in _HEAD_ONLY else None)
    if typ is None:
        m = ORG_SUFFIX.search(name)
        typ = OUTLET_BODY_HEADS.get(m.group(0).lower()) if m else None
    if typ is None:
        return None
    return typ if _names_outlet(phrase) else None


def _names_outlet(phrase: str) -> bool:
    try:
        reg = load_registry()
    except Exception:  # a broken registry file must not stop the analysis
        return False
    return bool(reg.find(phrase, strict=False))
