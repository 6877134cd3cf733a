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

Pronouns and descriptions ("he", "the spokesman") resolve to the closest
earlier person entity of the article (``found.entities``, else the spaCy
entity mentions); an unresolved pronoun keeps its type and no entity.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...model import Entity, Span
from ...nlp import Tok
from ...registry import load_registry
from ...settings import Settings
from ..entities import entity_at, mentions_near

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "i", "me", "my", "we", "us", "our", "you", "your"})
GROUP_PRONOUNS = frozenset({"they", "them", "their"})
ANON = re.compile(
    r"\b(anonymity|anonymous|unnamed|familiar with|close ties|not authori[sz]ed|declined to be named|"
    r"asked not to be (?:named|identified)|on background|insiders?)\b|^(?:an?|one|two|three|several|some|other|another|the)\s+"
    r"(?:senior\s+|former\s+|top\s+|[a-z]+\s+)?(?:sources?|officials?|persons?|people|aides?|insiders?)\b",
    re.I,
)
SOURCE_WORD = re.compile(r"^(?:(?:a|an|the|one|two|three|several|some|other|another|multiple)\s+)*(?:[a-z-]+\s+)?sources?$", re.I)
STATE_MEDIA = re.compile(r"\bstate(?:-run|-controlled)?\s+(?:media|television|tv|news agency|broadcaster|radio)\b", re.I)
DOCUMENT_HEADS = frozenset(
    {
        "report", "statement", "letter", "memo", "memorandum", "notebook", "message", "note", "document",
        "documents", "records", "record", "poll", "survey", "study", "analysis", "filing", "complaint",
        "indictment", "ruling", "order", "release", "transcript", "email", "emails", "book", "article",
        "editorial", "commentary", "post", "tweet", "website", "data", "figures", "research", "paper",
        "cable", "communique", "declaration", "resolution", "law", "bill", "ad", "advertisement", "sign",
        "communiqué", "text", "e-mail", "banner", "placard", "poster", "leaflet", "notice", "decree",
        "dispatch", "diary", "affidavit", "verdict", "caption", "inscription", "slogan", "headline",
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
GOVERNMENT_WORDS = re.compile(
    r"\b(white house|kremlin|pentagon|state department|ministry|government|administration|cabinet|"
    r"department|embassy|congress|senate|parliament|police|military|army|prosecutors?|court|"
    r"pyongyang|seoul|beijing|moscow|washington|tokyo|authorities|regime|agency|commission|council)\b",
    re.I,
)
PERSON_TITLES = re.compile(
    r"\b(president|minister|secretary|senator|sen\.|rep\.|gov\.|governor|mayor|spokesman|spokeswoman|"
    r"spokesperson|analyst|professor|director|chairman|chairwoman|chief|leader|candidate|nominee|ambassador|"
    r"adviser|advisor|official|aide|manager|strategist|lawyer|attorney|judge|general|colonel|researcher|"
    r"economist|expert|dr\.|mr\.|mrs\.|ms\.|king|queen|pope|ceo|founder|host|anchor|reporter|correspondent|"
    r"editor|writer|author|spokesperson|chairperson|commander|officer|dictator|head)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Described:
    name: str | None
    type: str | None
    entity: str | None


def entity_for(entities: Sequence[Entity], span: Span) -> Entity | None:
    """The entity with a mention overlapping ``span`` (the longest overlap), if any."""
    hit = entity_at(entities, span)
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


def _registry_type(name: str, settings: Settings) -> tuple[str, str] | None:
    try:
        reg = load_registry(tuple(settings.registry))
    except Exception:  # a broken registry file must not stop the analysis
        return None
    candidates = [name]
    stripped = re.sub(r"^(?:the|state(?:-run)? (?:media|news agency|television|tv)|news agency)\s+", "", name, flags=re.I)
    candidates.append(stripped)
    candidates.append(re.sub(r"['’]s?$", "", stripped))
    for n in candidates:
        o = reg.match(n)
        if o is not None:
            return o.name, o.type
    return None


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
    (name, entity id) a pronoun or description resolves to, chosen by the caller.
    """
    phrase = text[span[0] : span[1]].strip()
    low = phrase.lower()
    head_low = head.text.lower() if head is not None else low.split()[-1] if low.split() else low
    first = re.match(r"^(?:the|this|that|new|state|tv)?\s*(\w+)", low)
    if head_low in FOOTAGE_HEADS or (first is not None and first.group(1) in FOOTAGE_HEADS):
        # "The footage, released by KCTV and reported by Yonhap": the footage is the source, whoever
        # aired it (the outlets inside the phrase are left to the relay chains)
        return Described(phrase, "footage", None)
    ent = entity_for(entities, span)
    reg = _registry_type(phrase, settings)
    if reg is None and ent is not None:
        reg = _registry_type(ent.name, settings)
    if reg is not None:
        return Described(reg[0], reg[1], ent.id if ent else None)
    if STATE_MEDIA.search(phrase):
        return Described(phrase, "state_media", ent.id if ent else None)
    if ANON.search(phrase) or SOURCE_WORD.match(phrase):
        return Described(phrase, "anonymous", None)
    if (head is not None and head.pos_ == "PRON") or low in PERSON_PRONOUNS | GROUP_PRONOUNS | {"who", "which", "that"}:
        if head_low in GROUP_PRONOUNS or low in GROUP_PRONOUNS:
            if antecedent:
                return Described(antecedent[0], "group", antecedent[1])
            return Described(phrase, "group", None)
        if low in ("it", "which", "that"):
            return Described(antecedent[0] if antecedent else phrase, "organization", antecedent[1] if antecedent else None)
        if antecedent:
            return Described(antecedent[0], "person", antecedent[1])
        return Described(phrase, "person", None)
    if ent is not None:
        kind = {"person": "person", "organization": "organization", "outlet": "outlet", "government": "government", "group": "group"}.get(ent.kind)
        if kind:
            return Described(ent.name, kind, ent.id)
    if head_low in DOCUMENT_HEADS:
        return Described(phrase, "document", None)
    label = head.ent_type_ if head is not None else ""
    if label == "PERSON":
        return Described(phrase, "person", None)
    if GOVERNMENT_WORDS.search(phrase) or label in ("GPE",):
        return Described(phrase, "government", None)
    if label in ("ORG", "NORP"):
        return Described(phrase, "organization" if label == "ORG" else "group", None)
    if head_low in GROUP_HEADS or (head is not None and head.tag_ in ("NNS", "NNPS")):
        return Described(phrase, "group", None)
    if PERSON_TITLES.search(phrase):
        if antecedent and low.startswith("the "):
            return Described(antecedent[0], "person", antecedent[1])
        return Described(phrase, "person", None)
    if head is not None and head.pos_ == "PROPN":
        return Described(phrase, "person", None)
    return Described(phrase, "unknown", None)
