"""The parties named after trigger phrases ("told Yonhap", "according to KCNA", "citing sources")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import Attribution, Entity, Span
from ...nlp import Tok
from ...registry.countries import is_country_word
from ..attributions.antecedents import token_at
from ..attributions.outlet_refs import outlet_description
from .media import generic_at_start
from .nodes import CONF_GENERIC, CONF_UNKNOWN_OUTLET, Ctx, Node, outlet_node
from .sources import guess_type, source_node
from .spans import holds
from .vocabulary import (
    MEDIA_WORD_AFTER,
    NEWS_WORDS,
    NOT_A_PARTY,
    TARGET_END,
    TRIGGER_RE,
    TRIGGERS,
    party_type,
)


def _cut_name(text: str, node: Node, source: Sequence[Span]) -> bool:
    """Whether a node names the first words of a source whose name goes on ("Charlotte News" of "the Charlotte
    News and Observer")."""
    if node.span is None or not source:
        return False
    end = max(e for _, e in source)
    return holds(source, node.span[0]) and bool(_AND_NAME.fullmatch(text, node.span[1], end))


_AND_NAME = re.compile(r"\s+(?:and|&)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s*")


def unless_citing(text: str, spans: Sequence[Span]) -> list[Span]:
    return [(s, e) for s, e in spans if not re.match(r"(?:citing|quoting)\s", text[s:e], re.IGNORECASE)]


def other_cues(at: Attribution, ctx: Ctx, sent: Span) -> list[Span]:
    return [c for _, _, c, b_id in ctx.cues_from(sent[0], sent[1]) if b_id != at.id]


def _another_clause(ctx: Ctx, offset: int, own_cue: Sequence[Span], own_source: Sequence[Span]) -> bool:
    """Whether the relay phrase at ``offset`` hangs from a verb other than the cue whose subject is someone else:
    "no one believes this, because Trump himself undermined it days later in an interview with NBC" (the interview
    is the undermining's, not the believing's).  Not when the verb is the cue's or hangs from a participle with no
    subject ("Trump, in an interview with NBC, said", "speaking to reporters, he said"), when its subject is the
    attribution's source or a pronoun that may stand for it ("in an interview with the Post, Flynn was still
    denying"; "he warned Republicans via Twitter"), or when it describes the source ("a study whose results were
    published in the New England Journal of Medicine")."""
    found = _governor(ctx, offset) if own_cue else None
    if found is None:
        return False
    t, start = found
    if t.pos_ not in ("VERB", "AUX") or holds(own_cue, start + t.idx):
        return False
    if t.dep_ in ("relcl", "acl") and holds(own_source, start + t.head.idx):
        return False
    cue = token_at(ctx.parsed, own_cue[0][0])
    if cue is not None and cue.dep_ in ("aux", "auxpass", "neg", "advmod"):
        cue = cue.head  # "has demonstrated": the verb
    if cue is not None and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i <= t.i <= c.right_edge.i for c in cue.children
    ):
        return False  # a clause inside the cue's subject describes who speaks
    subjects = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and not any(
        c.pos_ == "PRON" or holds(own_source, start + c.idx) or holds(own_cue, start + c.idx) for c in subjects
    )


def triggers_in(
    ctx: Ctx, start: int, end: int, blocked: Sequence[Span], soft_blocked: Sequence[Span] = (),
    own_cue: Sequence[Span] = (), own_source: Sequence[Span] = (),
) -> list[tuple[str, list[Node]]]:
    """(kind, parallel nodes) for each trigger phrase in text[start:end] outside ``blocked``.

    ``soft_blocked`` (other attributions' cues) hide relay triggers but not origin ones; a trigger in the
    attribution's own cue (``own_cue``) whose party is the first words of its own source's name
    (``own_source``) names no other hop.
    """
    text = ctx.text
    out: list[tuple[str, list[Node]]] = []
    for m in TRIGGER_RE.finditer(text, start, end):
        if holds(blocked, m.start()):
            continue
        trig = " ".join(m.group("t").lower().split())
        kind = TRIGGERS[trig]
        t_start = m.end()
        stop = TARGET_END.search(text, t_start, end)
        t_end = stop.start() if stop else end
        # the party ends where the content (or the source) starts: "told the agency the launch failed"
        t_end = min([t_end, *(bs for bs, _ in blocked if t_start < bs < t_end)])
        if t_end <= t_start or NOT_A_PARTY.match(text, t_start):
            continue
        # another attribution's cue ("according to" of its own) is that attribution's business,
        # but "citing X" / "quoting X" still names who the source had it from
        if kind != "origin" and holds(soft_blocked, m.start()):
            continue
        if kind != "origin" and _another_clause(ctx, m.start(), own_cue, own_source):
            continue
        nodes = target_nodes(ctx, t_start, t_end, kind)
        if holds(own_cue, m.start()) and any(
            _cut_name(text, n, own_source) or (n.generic and n.span is not None and holds(own_source, n.span[0]))
            for n in nodes
        ):
            # its own "according to the Charlotte News and Observer", "according to the hoaxers' website": a piece
            # of its source, or the source itself as an unnamed medium, no other relay
            continue
        if nodes:
            out.append((kind, nodes))
    for m in _PLATFORM_POST.finditer(text, start, end):
        # "In a Facebook post, the mayor said", "on his Twitter account": the platform, named as a modifier
        if holds(blocked, m.start()) or holds(soft_blocked, m.start()) or not _on_the_cue(ctx, m.start(), own_cue):
            continue
        nodes = [n for n in target_nodes(ctx, m.start("name"), m.end("name"), "relay") if n.type == "social_media"]
        if nodes:
            out.append(("relay", nodes))
    return out


def _on_the_cue(ctx: Ctx, offset: int, own_cue: Sequence[Span]) -> bool:
    """Whether the phrase at ``offset`` hangs from the cue's verb ("In a Facebook post, the mayor said"; not "..., though
    McSally lashed out ... and then promoted the exchange on her Twitter account" for a report before it)."""
    found = _governor(ctx, offset) if own_cue else None
    return found is not None and holds(own_cue, found[1] + found[0].idx)


def _governor(ctx: Ctx, offset: int) -> tuple[Tok, int] | None:
    """The verb the token at ``offset`` hangs from (up to six heads up; the root when none) and its segment's start."""
    t = token_at(ctx.parsed, offset)
    seg = ctx.parsed.segment_at(offset)
    if t is None or seg is None:
        return None
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            break
        t = t.head
    return t, seg.start


_PLATFORM_POST = re.compile(
    r"\b(?i:in|on|via)\s+(?i:a|an|his|her|its|their|the)\s+(?P<name>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+"
    r"(?:post|posting|video|message|livestream|statement|story|broadcast|thread|account|page|feed)s?\b"
)
"""A platform named before what was posted there ("in a Facebook post", "on his Twitter account"); only a name the
registry types ``social_media`` makes a hop."""


def _a_body_network(words: Sequence[str]) -> bool:
    """ "National Action Network" (a civil rights group an attorney general spoke to): a network whose name holds no
    other news word ("Salem Radio Network", "Christian Broadcasting Network" are outlets)."""
    return words[-1].casefold() == "network" and not any(
        w.casefold() in NEWS_WORDS or w.casefold() in ("broadcast", "cable", "media") for w in words[:-1]
    )


def target_nodes(ctx: Ctx, s: int, e: int, kind: str) -> list[Node]:
    """The party named right after a trigger: outlets (parallel), unnamed media, or (for origins) anyone."""
    text = ctx.text
    phrase = text[s:e]
    # outlets at the start of the phrase, with descriptors: "state media KCNA", "YTN and Yonhap"
    accepted: list[Node] = []
    for m in ctx.reg.find(phrase):
        if not ctx.reg.match_all(phrase[: m.end]):
            break
        accepted.append(outlet_node(m.outlet, (s + m.start, s + m.end)))
    if accepted:
        return accepted
    show = _TITLED_SHOW.match(text, s, s + 200)
    if show is not None:
        # "the Wisconsin-based radio program “The Jay Weber Show”": the programme by its title
        ts, te = show.start("title"), show.end("title")
        return [Node(text[ts:te], "outlet", span=(ts, te), confidence=CONF_UNKNOWN_OUTLET)]
    g = generic_at_start(phrase, s)
    if g is not None:
        return [g]
    # an outlet the entity finder knows, or a capitalised name with a news word
    lead = re.match(r"(?:the\s+)?((?:[A-Z][\w.&'’-]*\s*){1,6})", phrase)
    if lead:
        ls, le = s + lead.start(1), s + lead.end(1)
        name = text[ls:le].strip()
        le = ls + len(name)
        ent = ctx.entity_at((ls, le))
        if ent is not None and ent.kind == "outlet":
            o = ctx.reg.match(ent.name)  # "the Post" after "The Washington Post": the registry's outlet
            if o is not None and o.is_news:
                return [outlet_node(o, (ls, le), CONF_UNKNOWN_OUTLET)]
            return [Node(ent.name, "outlet", span=(ls, le), entity=ent.id, confidence=CONF_UNKNOWN_OUTLET)]
        words = name.replace("'s", "").replace("’s", "").split()
        if kind != "origin" and len(words) >= 2 and words[-1].casefold() in NEWS_WORDS and not _a_body_network(words):
            return [Node(name, "outlet", span=(ls, le), confidence=CONF_UNKNOWN_OUTLET)]
        # "NTV television", "the Kyunghyang newspaper": a name followed by what it is
        # "the Seoul newspaper", "French radio", "the Wisconsin-based radio network": no outlet's name
        modifier = name.endswith("-based") or (ent is not None and ent.kind == "place") or is_country_word(name)
        after = MEDIA_WORD_AFTER.match(text, le)
        if kind != "origin" and after is not None and not modifier:
            return [Node(name, "outlet", span=(ls, le), confidence=CONF_UNKNOWN_OUTLET)]
        if kind != "origin" and after is not None and _MEDIUM.match(phrase.rstrip()) is None:
            np = " ".join(text[ls : after.end()].split())  # "French radio": an unnamed medium
            return [Node(np, "outlet", span=(ls, after.end()), confidence=CONF_GENERIC, generic=True, key="medium:" + np.casefold())]
    if kind == "origin":
        n = np_node(ctx, s, e)
        return [n] if n is not None else []
    medium = medium_node(ctx, s, e)
    return [medium] if medium is not None else []


_TITLED_SHOW = re.compile(
    r"(?:(?:the|a|an|his|her|its|their)\s+)?(?:[\w'’-]+\s+){0,3}(?:programme|program|show|podcast)\s*,?\s*"
    r"[“\"](?P<title>[A-Z][^”\"\n]{1,60}?)[,.]?[”\"]"
)
"""A programme named by its title after what it is: "the radio program “The Jay Weber Show”"."""
# "a Sunday programme", "a local newspaper", "the agency": a medium the text names by what it is.
_MEDIUM = re.compile(
    r"(?P<det>the|a|an|his|her|its|their|one|another)\s+(?P<np>(?:[\w'’-]+\s+){0,3}?"
    r"(?:(?:news|wire|press)\s+(?:agency|service)|radio\s+station|television\s+station|tv\s+station|"
    r"programme|program|show|newspaper|paper|magazine|radio|channel|network|broadcaster|podcast|website|"
    r"daily|tabloid|weekly|agency|outlet|television|tv))(?:\s+(?:interview|report|article|column|op-ed))?\s*$",
    re.IGNORECASE,
)
_MEDIUM_TYPES = {"agency": "news_agency", "service": "news_agency"}


def medium_node(ctx: Ctx, s: int, e: int) -> Node | None:
    """A relay the text names by what it is: "the agency" / "the paper" resolve to the outlet named
    before (or the publisher, ``antecedents.outlet_description``); "a Sunday programme", "a local
    newspaper" are unnamed media hops (typed ``outlet``, a news agency for "agency")."""
    text = ctx.text
    m = _MEDIUM.match(text[s:e].rstrip())
    if m is None:
        return None
    phrase = text[s : s + m.end("np")]
    span = (s, s + m.end("np"))
    if m.group("det").lower() == "the":
        ref = outlet_description(ctx.parsed, ctx.found.entities, s, phrase, ctx.registry_files)
        if ref is not None:
            o = ctx.reg.match(ref[0])
            if o is not None:
                return outlet_node(o, span, CONF_UNKNOWN_OUTLET)
            return Node(ref[0], "outlet", span=span, entity=ref[1], confidence=CONF_UNKNOWN_OUTLET)
    np = " ".join(m.group("np").split())
    last = np.split()[-1].lower()
    if all(w[:1].isupper() for w in np.split()) and _a_body_network(np.split()):
        return None  # "the National Action Network": a body's name, no medium
    if m.group("det").lower() in ("its", "their", "his", "her") and last in ("website", "site", "blog", "podcast"):
        return None  # "confirmed in a statement on its website": the source's own site relays nothing
    if m.group("det").lower() == "the" and last == "agency":
        return None  # "the agency" unresolved may be a government agency
    typ = _MEDIUM_TYPES.get(last, "outlet")
    return Node(np, typ, span=span, confidence=CONF_GENERIC, generic=True, key="medium:" + np.casefold())


def np_node(ctx: Ctx, s: int, e: int) -> Node | None:
    """Whoever "citing X" / "quoting X" names, or None when X names no party ("citing concerns").

    An attribution's source there, "a statement by/from X" -> X, an entity,
    or the phrase itself when its words make it a source (anonymous,
    government, document).
    """
    for b in ctx.found.attributions:
        if any(s <= a < e for a, _ in b.source):
            return source_node(b, ctx, min(x for x, _ in b.source), max(y for _, y in b.source))
    text = ctx.text
    if _AS_AN_EXAMPLE.match(text, e):
        return None  # "cites New Jersey as the perfect model", "cited the dollar as a challenge": no source
    phrase = text[s:e]
    if _NOTHING.match(phrase):
        return None  # "cited little hard data", "citing no evidence": nothing was cited
    doc_by = re.match(r"(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+)?(?:statement|report|letter|document|notice|post)s?"
                      r"\s+(?:by|from|of)\s+", phrase, re.IGNORECASE)
    if doc_by:
        s, phrase = s + doc_by.end(), phrase[doc_by.end():]
    cut = re.split(r"\s(?:who|which|that|as|in|on|at|about|saying)(?:\s|$)", phrase)[0].rstrip()
    ce = s + len(cut)
    if not cut:
        return None
    ent = ctx.entity_at((s, ce))
    typ = guess_type(cut)
    if ent is not None and (typ == "unknown" or (ent.kind == "person" and guess_type(ent.name) == "unknown")) and _heads(
        ent, text, s, ce
    ):
        # a named person, whatever office words stand before the name ("quoted ministry spokeswoman Marzieh Afkham")
        return Node(ent.name, party_type(ent.kind), span=(s, ce), entity=ent.id)
    head_part = _HEAD_PART.split(re.split(r"['’]s?\s+(?=[a-z])", cut)[-1])[0]
    head_word = head_part.split()[-1].lower() if head_part.split() else ""
    if typ != "unknown" and guess_type(head_part) == "unknown" and head_word not in _WHOSE_SPEAKERS:
        return None  # "citing past attempts by the Nixon administration", "White House lawyers’ inability": no source
    if typ == "unknown" and head_word in _OFFICES:
        typ = "government"  # "quoting the foreign minister", "citing the ambassador to Seoul"
    if typ == "unknown":
        return None
    return Node(" ".join(cut.split()), typ, span=(s, ce))


_NOTHING = re.compile(r"(?:no|little|scant|scarce|few|hardly\s+any|not\s+(?:a|an|any|one))\s", re.IGNORECASE)
"""A quantity that says nothing was cited ("cited little hard data", "citing no sources")."""
_AS_AN_EXAMPLE = re.compile(r"\s+as\s+(?!saying|telling|writing|stating|adding)\w")
"""After "cited X": "as" and anything but a report ("citing him as saying" names a source)."""
_BEFORE_A_NAME = re.compile(
    r"(?:(?:(?!(?:by|from|for|to|in|on|at|with|about|against|over|under|like|including|[a-z]+ing)\s)[\w.'’-]+"
    r"|of(?=\s+[A-Z]))\s+)*"
)
"""What may stand before the name an origin phrase is headed by: a description of it ("local TV channel Dunya",
"former Secretary of State Hillary Clinton"), not a phrase it hangs on by a preposition or a verb ("the move by
...", "his experience handling MERS", "movements like Black Lives Matter")."""


_WHOSE_SPEAKERS = frozenset(
    "office lawyer lawyers attorney attorneys counsel staff team campaign camp aide aides representative "
    "representatives spokesman spokeswoman spokesperson".split()
)
"""Nouns after a possessive that speak for the possessor ("the prosecutor's office", "Biden's lawyers")."""
_OFFICES = frozenset("minister ministers premier ambassador ambassadors envoy envoys consul".split())
"""Offices of state that head an unnamed origin ("quoting the foreign minister"); only here, where a phrase follows
"citing" or "quoting": a source phrase elsewhere is typed by its entity first ("Deputy Pak Su Gil, vice-premier and
minister of Finance" is that person)."""
_HEAD_PART = re.compile(r"\s(?:by|of|with|from|to|for|under|over|against|between)\s")
"""Where the words heading an origin phrase end ("past attempts | by the Nixon administration")."""


def _heads(ent: Entity, text: str, s: int, e: int) -> bool:
    """Whether the entity's first mention in ``text[s:e]`` heads it: "cited the move by Sen. Cory Booker" (or by
    "New Jersey Democrat Cory Booker") names no origin, a move being no source, nor "cited Trump's moves"."""
    first = min(((ms, me) for ms, me in ent.mentions if s <= ms < e), default=None)
    if first is None:
        return False
    whose = re.match(r"['’]s?\s+(\w+)", text[first[1] : e])
    if whose is not None and whose.group(1).lower() not in _WHOSE_SPEAKERS:
        return False  # "Trump's moves to ...": the name only says whose ("Biden's office" speaks for him)
    return _BEFORE_A_NAME.fullmatch(text, s, first[0]) is not None


def outlets_in(ctx: Ctx, spans: Sequence[Span]) -> list[Node]:
    s = min(a for a, _ in spans)
    e = max(b for _, b in spans)
    ms = ctx.reg.match_all(ctx.text[s:e])
    nodes = [outlet_node(m.outlet, (s + m.start, s + m.end)) for m in ms if m.outlet.is_news]
    if nodes:
        return nodes
    g = generic_at_start(ctx.text[s:e], s)
    return [g] if g is not None else []
