"""Which outlet a description stands for: "the agency", "the paper", "the South Korean broadcaster".

``outlet_description(parsed, entities, before, phrase)`` takes the closest earlier outlet of a fitting kind
and country (the registry's outlets in the text before, a paper or station the text names, an outlet entity),
else the publisher when it fits, and nobody when an unnamed paper ("a local daily") or a government agency
("the Environmental Protection Agency") was written since.  ``named_paper`` reads a paper's own name out of a
source phrase ("The Uruguayan paper La Juventud").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import Entity, Span
from ...nlp import Parsed
from ...registry import country_of, load_registry
from ..entities import mentions_within

# Description heads that name a news outlet, and the registry types each may take.
OUTLET_HEADS: dict[str, frozenset[str]] = {
    "agency": frozenset({"news_agency", "state_media"}),
    "wire": frozenset({"news_agency"}),
    "paper": frozenset({"outlet", "state_media"}),
    "newspaper": frozenset({"outlet", "state_media"}),
    "organ": frozenset({"outlet", "state_media"}),  # a party's paper ("Rodong Sinmun, organ of the WPK Central Committee")
    "daily": frozenset({"outlet", "state_media"}),
    "tabloid": frozenset({"outlet"}),
    "broadcaster": frozenset({"public_broadcaster", "outlet", "state_media"}),
    "network": frozenset({"outlet", "public_broadcaster"}),
    "channel": frozenset({"outlet", "public_broadcaster", "state_media"}),
    "station": frozenset({"outlet", "public_broadcaster", "state_media"}),
    "outlet": frozenset({"outlet", "news_agency", "public_broadcaster", "state_media"}),
    "magazine": frozenset({"outlet"}),
    "publication": frozenset({"outlet"}),
}
_OUTLET_DESCRIPTION = re.compile(
    r"^(?:the|that|this)\s+(?P<mod>(?:[\w-]+\s+){0,3}?)(?:wire\s+service|news\s+agency|(?P<head>"
    + "|".join(OUTLET_HEADS)
    + r"))$",
    re.IGNORECASE,
)


_STATION_NAME = re.compile(
    r"\b(?:[KW][A-Z]{2,3}-(?:TV|FM|AM|DT)|(?:CBS|NBC|ABC|Fox|FOX)\s+(?:\d+\s+)?(?!News\b)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b"
)
"""A local broadcaster's name: a call sign with its band ("WCVB-TV") or a network and city ("CBS Boston", "NBC 5 Chicago")."""


def outlet_reference(phrase: str) -> bool:
    """Whether a phrase refers back to an outlet by what it is ("the agency", "the South Korean paper")."""
    return _OUTLET_DESCRIPTION.match(" ".join(phrase.split())) is not None


# How far back (characters) "the agency" / "the paper" looks for the outlet it means.
OUTLET_WINDOW = 2000
_OTHER_AGENCY = re.compile(r"\b(?:Agency|Administration|Bureau|Service|Commission)\b")


def outlet_description(
    parsed: Parsed, entities: Sequence[Entity], before: int, phrase: str, registry: tuple[str, ...] = ()
) -> tuple[str, str | None] | None:
    """The outlet "the agency", "the paper", "the South Korean agency" stands for: the closest earlier
    registry outlet (or outlet entity) of a fitting type and country, else the publisher when it fits."""
    m = _OUTLET_DESCRIPTION.match(" ".join(phrase.split()))
    if m is None:
        return None
    head = (m.group("head") or "agency").lower()
    if m.group("head") is None and "wire" in phrase.lower():
        head = "wire"
    types = OUTLET_HEADS[head]
    mod = m.group("mod").strip()
    country = country_of(mod) if mod else None
    if mod and country is None and any(w[:1].isupper() for w in mod.split()):
        return None  # "the Kyunghyang paper": a name of its own, not a reference back
    reg = load_registry(registry)
    text = parsed.text
    best: tuple[int, str, str | None] | None = None
    lo = max(0, before - OUTLET_WINDOW)
    for hit in reg.find(text[lo:before]):
        o = hit.outlet
        fits = o.type in types and (country is None or o.country == country) and _medium_fits(head, o.medium)
        if fits and (best is None or lo + hit.start > best[0]):
            best = (lo + hit.start, o.name, None)
    if head in _PAPER_HEADS:
        # "The Uruguayan paper La Juventud on Nov. 29 edited ... The paper praised": a paper the text names
        for pm in (*_NAMED_PAPER.finditer(text, lo, before), *_ORGAN_OF.finditer(text, lo, before)):
            name = pm.group("name").strip()
            if reg.match(name) is None and (best is None or pm.start("name") > best[0]):
                best = (pm.start("name"), name, None)
    if head in ("station", "channel"):
        # "WCVB-TV in Boston was reporting ... The station added", "CBS Boston reports ... The station reports": a
        # local broadcaster the registry lacks, by its call sign or its network and city
        for sm in _STATION_NAME.finditer(text, lo, before):
            if best is None or sm.start() > best[0]:
                best = (sm.start(), sm.group(0), None)
    if best is None:
        for e in entities:
            if e.kind == "outlet" and country is None and (seen := mentions_within(e, (lo, before))):
                eo = reg.match(e.name)
                if eo is not None and not _medium_fits(head, eo.medium):
                    continue  # "(KCNA)" in the dateline is no paper
                s = seen[-1][0]
                if best is None or s > best[0]:
                    best = (s, e.name, e.id)
    if best is not None and head in _PAPER_HEADS and _UNNAMED_PAPER.search(text, best[0] + 1, before):
        return None  # "a local daily reported. The paper said": an unnamed paper written since
    if best is not None and head == "agency":
        # "the agency" after a government agency named since ("the Environmental Protection Agency")
        for e in entities:
            if e.kind != "outlet" and _OTHER_AGENCY.search(e.name) and mentions_within(e, (best[0] + 1, before)):
                return None
    if best is not None:
        for e in entities:
            if e.kind == "outlet" and mentions_within(e, (best[0], best[0] + 1)):
                return best[1], e.id
        return best[1], best[2]
    pub = parsed.article.outlet
    if pub:
        po = reg.match(pub)
        if po is not None and po.type in types and (country is None or po.country == country) and _medium_fits(head, po.medium):
            return po.name, None
    return None


_UNNAMED_PAPER = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:paper|newspaper|daily|weekly)\b", re.IGNORECASE)
_PAPER_HEADS = frozenset({"paper", "newspaper", "daily", "tabloid", "weekly", "organ"})
_NAMED_PAPER = re.compile(r"\b(?:paper|newspaper|journal|magazine)\s+(?P<name>[A-Z][\w'’.-]*(?:(?: (?:and|&))? [A-Z][\w'’.-]*){0,4})(?=[\s,.]|$)")


_NAME_THEN_COMMA = r"(?P<name>(?:[A-Z][\w'’-]*[ \t]+){0,3}[A-Z][\w'’.-]*),\s+(?:the\s+|an?\s+)?"
"""A paper's name of up to four capitalised words, a comma and an article: what its description follows."""
_ORGAN_OF = re.compile(r"(?<![\w'’.-])" + _NAME_THEN_COMMA + r"(?:[a-z]+\s+){0,2}organ\s+of\b")
"""A party's or a body's paper named before its description ("Pracheachon, the organ of the People's Party of
Cambodia", "Al Baath, the organ of Syria's Baath Arab Socialist Party"; 46 places in KCNA)."""
_PAPER_SET_OFF = re.compile(
    _NAME_THEN_COMMA + r"(?:[\w'’-]+\s+){0,3}(?:weekly|daily|newspaper|paper|magazine|tabloid|broadsheet)"
)
"""A paper named before a description of it that ends the phrase ("Tyzhden, a Ukrainian weekly")."""


def named_paper(phrase: str) -> str | None:
    """The name of a paper a phrase ends with ("The Uruguayan paper La Juventud" -> "La Juventud"), or its name
    before a phrase of time or place ("... Patriot in its 9th issue"), or before ", the organ of ..." or ", a
    Ukrainian weekly", else None."""
    organ = _ORGAN_OF.match(phrase) or _PAPER_SET_OFF.fullmatch(phrase)
    if organ is not None:
        return organ.group("name")
    m = _NAMED_PAPER.search(phrase)
    if m is None or not _PAPER_PHRASE_END.match(phrase, m.end("name")):
        return None
    name = m.group("name").strip()
    parts = re.split(r" (?:and|&) ", name, maxsplit=1)
    if len(parts) == 2:
        reg = load_registry()
        if country_of(parts[1].split()[0]) or reg.find(parts[0]) or reg.find(parts[1]) or reg.match(parts[1]):
            return None  # two sources ("La Juventud and Ethiopian Herald", "Iran Daily and Press TV"), not one name
    return name  # "Defence and Humanity", "Stars and Stripes"


_PAPER_PHRASE_END = re.compile(r"\s*$|\s*(?:in|on|of|at|with|from|for|dated)\b")
"""What may follow a paper's name in a source phrase: "The Russian newspaper Patriot in its 9th issue"."""


def _medium_fits(head: str, medium: str | None) -> bool:
    """Whether an outlet of this medium can be "the paper" / "the agency": KCNA, a news agency, is no paper
    (both are state media in the registry); an outlet of unknown medium fits."""
    if not medium:
        return True
    if head in _PAPER_HEADS:
        return medium == "newspaper"
    if head == "magazine":
        return medium == "magazine"
    if head in ("agency", "wire"):
        return medium in ("agency", "photo_agency")
    return True


def outlet_closing(text: str, source: tuple[tuple[int, int], ...], registry: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """A source cut to the outlet that closes it after a comma ("... a likely 2016 candidate, Wisconsin Gov. Scott
    Walker, Politico reported:": the parser took the appositive before for the subject), else the source itself."""
    if len(source) != 1 or "," not in text[source[0][0] : source[0][1]]:
        return source
    a, b = source[0]
    cut = text.rindex(",", a, b) + 1
    while cut < b and text[cut].isspace():
        cut += 1
    tail = text[cut:b]
    if not tail or not tail[0].isupper() or len(tail.split()) > 4:
        return source
    try:
        reg = load_registry(registry)
    except Exception:  # a broken registry file must not stop the analysis
        return source
    return ((cut, b),) if reg.source_outlet(tail) is not None else source


OUTLET_NAME = re.compile(
    r"\b(?:Journal|Herald|Gazette|Tribune|Courier|Chronicle|Times|Dispatch|Inquirer|Examiner|Sentinel|Telegraph|"
    r"Bulletin|Star-Ledger|Post-Gazette|Free Press|Daily News|Star-Telegram|Star Tribune|Journal-Constitution|"
    r"Ilbo|Sinmun|Shimbun|(?<!University )(?<!MIT )Press)$"
    r"|\b(?:TV|Television|Radio|Broadcasting)(?:\s+Broadcasting)?(?:\s+(?:Service|Station|Network|Channel|Corporation|System|\d+))?"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?$"
)
"""The last words of a newspaper's or a broadcaster's name ("The Providence Journal", "The Brownsville Herald", "The
Syrian Central TV Broadcasting Service", "TV Broadcasting Service of Equatorial Guinea", Korean "Ilbo" and "Sinmun",
Japanese "Shimbun": daily, newspaper; "The Middletown Press", not a university's press): an organisation the registry
lacks named so is an outlet (not "the Journal of ...", whose name goes on; not "... Radio Workers' Union")."""


def paper_named_after(text: str, span: Span, phrase: str) -> str | None:
    """ "The Russian newspaper" followed by its name outside the source span ("... newspaper Patriot in its 9th
    issue praised"): that name."""
    if not _ENDS_WITH_PAPER.search(phrase):
        return None
    after = _NAME_AFTER.match(text, span[1], min(len(text), span[1] + 80))
    return named_paper(phrase + after.group(0)) if after is not None else None


_ENDS_WITH_PAPER = re.compile(r"\b(?:paper|newspaper)$")
_NAME_AFTER = re.compile(r"(?:\s[A-Z][\w'’.-]*){1,5}(?=[\s,.])")
