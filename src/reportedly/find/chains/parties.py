"""One attribution's own parties: the origin(s) its source names and the hops inside the source phrase.

Outlets only ("YTN and the Kyunghyang Shinmun newspaper") give parallel
origins; footage and documents start at their named producer (or, for "the
statement", at whoever an earlier sentence says issued it: ``issuers``); an outlet
that only relays someone the text names around it ("..., the spokesman
said, according to KCNA") gets that speaker as its origin.
"""

from __future__ import annotations

import dataclasses
import re

from ...model import SOURCE_TYPES, Attribution, Span
from .issuers import issuer_before
from .media import generic_at_start, generic_node
from .nodes import Ctx, Node, outlet_node
from .sources import coordinated, party_at, short, source_node
from .spans import first_offset, holds, overlap_share, search_in
from .triggers import np_node, triggers_in
from .vocabulary import DETERMINERS, DOCUMENT_NOUNS, ENTITY_TYPE, FOOTAGE_NOUNS, GENERIC_RE, TARGET_END

_SPEECH = r"(?:said|says|told\s+[^,;:“”\"]{1,40}?|added|adds|noted|wrote|writes|stated|declared|explained|warned|claimed)"
_SPEAKER_BEFORE = re.compile(
    rf"(?:^|[,;:”\"’]\s*)(?P<np>[^,;:“”\"‘’]{{2,120}}?)\s+(?:{_SPEECH}|(?:was|were|is|are|has\s+been|had\s+been)\s+"
    r"(?:quoted|cited)\s+by)\s*,?\s*$"
)


def relayed_inner(at: Attribution, ctx: Ctx) -> Attribution | None:
    """The attribution this one merely relays: its cue comes before this one's and its spans fill
    this one's content ("…, the spokesman said, according to KCNA"; "X said …, Yonhap reported")."""
    if not at.content:
        return None
    my_cue = first_offset(at)
    text = ctx.text
    attributions = ctx.found.attributions
    # (only an attribution reaching into this content can fill it)
    for k in ctx.reaching_into(min(s for s, _ in at.content), max(e for _, e in at.content)):
        b = attributions[k]
        if b.id == at.id or not b.source or first_offset(b) >= my_cue or holds(b.content, my_cue):
            continue  # (an attribution whose content holds this cue encloses it: "Yonhap says KCNA says")
        b_spans = [*b.source, *b.cue, *b.content]
        inside = [sp for sp in b_spans if holds(at.content, sp[0])]
        if not inside and overlap_share(at.content, b.content) < 0.8:
            continue
        rest = "".join(
            text[i] for s, e in at.content for i in range(s, e)
            if not holds(b_spans, i)
        )
        if len(re.sub(r"[\W_]+", "", rest)) <= 12:
            return b
    return None


def speaker_before(at: Attribution, ctx: Ctx, sent: Span) -> Node | None:
    """Who an outlet relays when the text names them around it and no attribution holds them.

    "Danny Russel said, according to Reuters"; "the official was quoted by
    Reuters as saying"; "Kim, according to state media, told ..."; "A
    government source said the engine failed, Yonhap reported".
    """
    text = ctx.text
    src_start = min((s for s, _ in at.source), default=sent[1])
    src_end = max((e for _, e in at.source), default=sent[0])
    found: Span | None = None
    for start in sorted({first_offset(at), src_start}):
        if found is None and sent[0] < start <= sent[1]:
            found = search_in(_SPEAKER_BEFORE, text, sent[0], start)
    if found is None and _SPEECH_AFTER.match(text, src_end):
        found = search_in(_NP_BEFORE_COMMA, text, sent[0], min(first_offset(at), src_start))
    content_start = min((s for s, _ in at.content), default=sent[1])
    if found is None and content_start < src_start:
        # postposed "…, Yonhap reported": the sentence opens with who said it
        found = search_in(_SPEAKER_AT_START, text, sent[0], src_start, match=True)
    if found is None:
        return None
    node = party_at(ctx, *found)
    if node.entity is None and node.name.casefold() in ("it", "they", "he", "she", "we", "i", "this", "that"):
        return None  # "It declared its change ..., said the editorial": a pronoun no rule resolved names no origin
    return node


_SPEECH_AFTER = re.compile(rf"\s*,\s*{_SPEECH}\b")
_NP_BEFORE_COMMA = re.compile(r"(?:^|[.;:”\"’]\s*)(?P<np>[^,;:“”\"‘’]{2,120}?)\s*,\s*$")
_SPEAKER_AT_START = re.compile(
    rf"\s*(?P<np>[^,;:“”\"‘’]{{2,120}}?)\s+{_SPEECH}\b(?=[^,]{{0,400}},)"
)


def parties_of(at: Attribution, ctx: Ctx) -> tuple[list[Node], list[Node], list[Node]]:
    """(parallel origin parties, hops before them, relays inside the source phrase)."""
    text = ctx.text
    if not at.source:
        return [], [], []
    s = min(a for a, _ in at.source)
    e = max(b for _, b in at.source)
    src = text[s:e]
    # outlets only: "Yonhap", "state media KCNA", "YTN and the Kyunghyang Shinmun newspaper"
    ms = ctx.reg.match_all(src)
    news = [m for m in ms if m.outlet.is_news or m.outlet.type == "social_media"]
    if news and len(news) == len(ms):
        return [outlet_node(m.outlet, (s + m.start, s + m.end), at.confidence) for m in news], [], []
    g = generic_at_start(src, s)
    if g is not None and g.span is not None and not text[g.span[1] : e].strip(" ,.'’s"):
        return [g], [], []
    named = at.source_name or ""
    g = generic_at_start(named, 0) if named != src else None
    if g is not None and g.span is not None and not named[g.span[1] :].strip(" ,.'’s"):
        # "it added" for the state media named before: the unnamed media, at the pronoun
        return [dataclasses.replace(g, span=(s, e))], [], []
    # footage or a document: its producer (if named) is the origin
    noun = _media_noun(src)
    if noun is not None or (at.source_type in {"footage", "document"}) or at.kind in {"footage", "image", "document"}:
        producers, reporters = _source_modifiers(ctx, s, e, at)
        compound = _compound_producer(ctx, s, e, noun)
        if compound is not None:
            producers.insert(0, compound)
        if not producers and noun in DOCUMENT_NOUNS and src.split()[0].casefold() in ("the", "this", "that"):
            # "The statement accused ..." after "Pomminryon released a statement": who issued it
            issuer = issuer_before(ctx, s, noun)
            if issuer is not None:
                producers.append(issuer)
        if producers:
            return [producers[0]], [], [*producers[1:], *reporters]
        return [_media_node(at, ctx, s, e, noun)], [], reporters
    split = coordinated(at, ctx, s, e)
    if split:
        return split, [], []
    return [source_node(at, ctx, s, e)], [], []


def _media_noun(src: str) -> str | None:
    """The footage/document noun heading a source phrase ("The footage, released by ..." -> footage).

    Only determiners, adjectives and capitalised words (an outlet compound:
    "KCTV footage") may come before it, and after the first word it is written in lower case ("the Post" is
    a newspaper); a preposition ends the search
    ("people familiar with the report" is not a document).
    """
    words: list[str] = re.findall(r"[\w'’-]+|[,;:]", src)
    for i, w in enumerate(words[:8]):
        lw = w.casefold()
        if (lw in FOOTAGE_NOUNS or lw in DOCUMENT_NOUNS) and (i == 0 or not w[:1].isupper()):
            if lw == "paper" and i + 1 < len(words) and words[i + 1][:1].isupper():
                return None  # "The Russian paper Serp I Molot": a newspaper's name follows
            if i + 1 < len(words) and words[i + 1].casefold() in _ITS_PEOPLE:
                return None  # "Study co-author Andrew Light": the noun only says whose author
            return lw  # a capital after the first word is a name: "the Post reported" is the newspaper
        if lw in _HEAD_STOPS or not w[:1].isalnum():
            return None
    return None


_ITS_PEOPLE = frozenset("author authors co-author co-authors coauthor coauthors writer writers editor editors researcher "
                        "researchers leader leaders director spokesman spokeswoman".split())
"""People a document noun can modify ("report author", "study co-author"): the person heads the phrase."""

# Words that end a source's head phrase before any footage/document noun.
_HEAD_STOPS = frozenset("of with for from at in on by to who that which familiar close and or said says".split())


def _media_node(at: Attribution, ctx: Ctx, s: int, e: int, noun: str | None) -> Node:
    """Footage or a document with no named producer as the origin hop ("notebook")."""
    if noun is None and at.source_name and at.source_name != ctx.text[s:e]:
        noun = _media_noun(at.source_name)  # "it said", for "The report" before it: the report
    typ = "footage" if noun in FOOTAGE_NOUNS else "document" if noun is not None else (at.source_type or "document")
    named = at.source_name if at.source_name and ctx.text[s:e].strip().casefold() in ("it", "they", "which", "that") else None
    name = noun or named or short(ctx.text[s:e])
    span = (s, e)
    if noun is not None:
        m = re.search(rf"\b{re.escape(noun)}\b", ctx.text[s:e], re.IGNORECASE)
        if m:
            span = (s + m.start(), s + m.end())
    return Node(name=name, type=typ if typ in SOURCE_TYPES else "document", span=span, confidence=at.confidence)


def _compound_producer(ctx: Ctx, s: int, e: int, noun: str | None) -> Node | None:
    """ "KCTV footage", "state media footage", "a KCNA dispatch": the outlet before the noun."""
    if noun is None:
        return None
    src = ctx.text[s:e]
    m = re.search(rf"\b{re.escape(noun)}\b", src, re.IGNORECASE)
    if m is None:
        return None
    before = src[: m.start()].rstrip()
    for mention in ctx.reg.find(before):
        if not before[mention.end :].strip(" '’s"):
            return outlet_node(mention.outlet, (s + mention.start, s + mention.end))
    for g in GENERIC_RE.finditer(before):
        if not before[g.end() :].strip():
            return generic_node(g.group("kind"), (s + g.start(), s + g.end()), before[: g.start()].split())
    # "a White House statement", "a family statement": the author before the noun
    words = list(re.finditer(r"[\w.'’-]+", before))
    while words and words[0].group().casefold() in DETERMINERS:
        words = words[1:]
    if not words:
        return None
    ws, we = s + words[0].start(), s + words[-1].end()
    ent = ctx.entity_at((ws, we))
    if ent is not None and ent.kind in {"person", "organization", "government", "group"}:
        return Node(ent.name, ENTITY_TYPE[ent.kind], span=(ws, we), entity=ent.id)
    if len(words) == 1 and words[0].group().casefold() in _AUTHOR_WORDS:
        w = words[0].group()
        return Node(w.casefold(), _AUTHOR_WORDS[w.casefold()], span=(ws, we))
    return None


# Common nouns that name a document's author when they stand before it ("a family statement").
_AUTHOR_WORDS = {
    "family": "group", "police": "government", "government": "government", "military": "government",
    "ministry": "government", "army": "government", "court": "government", "campaign": "organization",
    "company": "organization", "party": "organization",
}


def _source_modifiers(ctx: Ctx, s: int, e: int, at: Attribution) -> tuple[list[Node], list[Node]]:
    """Producers and reporters named inside a footage/document source phrase, and between it and the cue."""
    cue_start = min((a for a, _ in at.cue), default=e)
    end = max(e, cue_start) if cue_start - e < 200 else e
    producers: list[Node] = []
    reporters: list[Node] = []
    # "a statement from the governor's office", "a letter by Eric Holder": the author
    doc = re.search(
        r"\b(?:statement|report|letter|document|notice|message|memo|post|video|footage)s?\s+(?:from|by)\s+", ctx.text[s:e],
        re.IGNORECASE,
    )
    if doc:
        stop = TARGET_END.search(ctx.text, s + doc.end(), e)
        n = np_node(ctx, s + doc.end(), stop.start() if stop else e)
        if n is not None:
            producers.append(n)
    for kind, nodes in triggers_in(ctx, s, end, blocked=list(at.content)):
        if kind == "producer":
            producers.extend(nodes[:1])
        elif kind != "origin":  # "The report, citing U.S. officials, said": whom it cites is its origin, before it
            reporters.extend(nodes[:1])
    return producers, reporters
