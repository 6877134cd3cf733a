"""Relay chains: for every attribution, the path a claim took from its origin to the publisher.

``find_chains(parsed, found, settings)`` returns one or more ``Chain`` per
attribution (more than one when a claim came through parallel relays: "YTN
and the Kyunghyang Shinmun newspaper said, citing sources" gives sources ->
YTN -> publisher and sources -> Kyunghyang Shinmun -> publisher), then the
article's own provenance chains (``attribution=None``): wire, photo, video
and contribution credits -> publisher.  Hops are ordered from origin to the
publisher; the last hop is always the article's publisher.

How a chain is built, all from the text of the attribution's sentence:

- the **origin** is the attribution's source; a source naming only outlets
  ("YTN and the Kyunghyang Shinmun newspaper") gives one chain per outlet;
  footage or a document whose producer is named ("The footage, released by
  Korean Central Television and reported by Yonhap") starts at the producer;
  "citing X" / "quoting X" puts X before the source.
- **relays** come from the sentence outside the content: "told Yonhap",
  "was quoted by state media KCNA", "according to KCNA", "carried by",
  "reported by", "in an interview with", "wrote in", "posted on", "via";
  from an enclosing attribution ("Yonhap reported that Kim said ..."); from
  the photo credit of a caption; and from a wire credit when the article is
  wire copy.  A sentence that leans on an earlier report ("The notebook
  reportedly contained ...", after "Yonhap reported that ... a notebook ...")
  gets the earlier report's hops with lower confidence.
- hops are typed from the outlet registry (``reportedly.registry``); other
  hops take the attribution's ``source_type`` (or the entity's kind);
  unnamed media ("state media", "North Korean state TV") are hops of type
  ``state_media`` / ``outlet`` named as written, with the country the words
  give.  A date in the text next to a hop ("aired on state media Monday")
  dates it (``found.times``).
- the **publisher** is ``article.outlet``, else the outlet named in a byline
  or author bio, else a wire credit, else the URL's outlet or domain, else
  "unknown publisher" (type outlet, confidence 0.1).

Limits: one sentence per attribution (a relay named in the previous
sentence is reached only through the "leaning" rule); outlets unknown to the
registry are recognised as relays only when their name has a news word
("Times", "Post", "News" ...) or the entity finder typed them as outlets;
never invents a hop the text does not name; works without a dependency
parse (sentences fall back to punctuation).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from ..model import SOURCE_TYPES, Attribution, Chain, Credit, Entity, Hop, Span, TimeExpr
from ..nlp import Parsed
from ..registry import Outlet, Registry, country_of, load_registry
from ..registry.countries import is_country_word
from ..settings import Settings
from . import Found

PRODUCED_BY = "chains.rules/1"

# Confidence of hops that are not read directly off the attribution (hand-set;
# ordered by how much of the hop the text states, not tuned on data).
CONF_GENERIC = 0.8  # "state media": the text names the kind of relay, not which one
CONF_UNKNOWN_OUTLET = 0.7  # a capitalised name with a news word, not in the registry
CONF_CONTEXT = 0.6  # leaning on an earlier sentence's report
CONF_WIRE = 0.9  # the article is wire copy: every claim came through the wire
CONF_CAPTION = 0.8  # a caption's claim came with its photo credit
CONF_UNNAMED = 0.5  # the text names no source at all

_PUBLISHER_CONF = {"metadata": 1.0, "byline": 0.9, "bio": 0.7, "wire": 0.6, "url": 0.7, "domain": 0.4}

# --- vocabulary ----------------------------------------------------------------------

# Trigger phrases before a relay or origin, and what the named party is.
#   producer: made the footage/document ("released by KCTV") - the origin when
#             it modifies a footage/document source, else a relay
#   relay:    passed the claim on ("told Yonhap", "according to KCNA")
#   origin:   the source's own source ("citing sources familiar with the matter")
_TRIGGERS: dict[str, str] = {
    "released by": "producer", "aired by": "producer", "aired on": "producer", "broadcast by": "producer",
    "broadcast on": "producer", "published by": "producer", "posted by": "producer", "posted on": "producer",
    "issued by": "producer", "distributed by": "producer", "provided by": "producer",
    "produced by": "producer", "shown on": "producer", "televised by": "producer", "televised on": "producer",
    "filmed by": "producer", "released on": "producer", "published in": "producer", "published on": "producer",
    "according to": "relay", "as quoted by": "relay", "quoted by": "relay", "cited by": "relay",
    "carried by": "relay", "reported by": "relay", "first reported by": "relay", "obtained by": "relay",
    "relayed by": "relay", "translated by": "relay", "shared by": "relay", "shared on": "relay",
    "told": "relay", "tells": "relay", "telling": "relay", "in an interview with": "relay",
    "in an interview on": "relay", "in an interview aired on": "relay", "in an interview published by": "relay",
    "interview with": "relay", "speaking to": "relay", "speaking with": "relay", "spoke to": "relay",
    "spoke with": "relay", "talking to": "relay", "said on": "relay", "wrote in": "relay",
    "writing in": "relay", "wrote on": "relay", "in a post on": "relay", "in a statement on": "relay",
    "via": "relay", "in a report by": "relay", "in remarks to": "relay", "in comments to": "relay",
    "delivered by": "relay", "sent by": "relay", "read on": "relay", "read out on": "relay",
    "speaking on": "relay", "appearing on": "relay", "in an appearance on": "relay", "interviewed by": "relay",
    "citing": "origin", "quoting": "origin", "quoted": "origin", "quotes": "origin", "cited": "origin",
    "cites": "origin",
}
# Active "X quoted/cited Y (as saying)": Y is the origin; passive "quoted by" is a relay (longer match wins).
_TRIGGER_RE = re.compile(
    r"\b(?P<t>" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(_TRIGGERS, key=len, reverse=True))
    + r")\s+",
    re.IGNORECASE,
)
# What right after a trigger names no party ("was quoted as saying", "cited that").
_NOT_A_PARTY = re.compile(r"(?:as|that|to|by|in|on|at|for|with|from|it|this|these|those)\b", re.IGNORECASE)
# Where the phrase after a trigger ends.
_TARGET_END = re.compile(
    r"[,;:.!?\n\"“”()]|\s(?:that|as\s+saying|as|who|which|where|when|while|because|after|before|on\s+"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s"
)

# Unnamed media: "state media", "North Korean state TV", "local media reports".
_MEDIA_KIND = (
    r"(?:media(?:\s+outlets?)?|television|tv|broadcaster|news\s+agenc(?:y|ies)|newspapers?|radio|"
    r"press|outlets?|news\s+outlets?|channels?|mouthpiece|daily|news\s+site|websites?)"
)
_GENERIC_RE = re.compile(
    rf"\b(?P<kind>(?:(?:state|government|party)(?:[- ](?:run|owned|controlled|affiliated|backed))?|official|"
    rf"semi-official)\s+{_MEDIA_KIND}|(?:local|foreign|domestic|western|international|news)\s+media"
    rf"(?:\s+reports?)?|media\s+reports?|news\s+reports?|press\s+reports?)\b",
    re.IGNORECASE,
)
_STATE_WORDS = re.compile(r"\b(?:state|government|party|official|semi-official)\b", re.IGNORECASE)

# Nouns of footage and documents: sources whose producer, when named, is the origin.
_FOOTAGE_NOUNS = frozenset(
    "footage video videos images image photos photo pictures picture broadcast clip clips recording "
    "recordings audio tape film documentary".split()
)
_DOCUMENT_NOUNS = frozenset(
    "statement statements report reports dispatch commentary article editorial letter notebook document "
    "documents memo message book diary transcript post tweet leaflet poster announcement communique "
    "communiqué note data survey poll study record records filing".split()
)
_DETERMINERS = frozenset("the a an this that these those its their his her our other new same".split())
# Anonymous-source heads for "citing sources familiar with the matter".
_ANON_HEADS = frozenset(
    "source sources official officials people person insider insiders aide aides diplomat diplomats "
    "someone individuals".split()
)
# Words after which a sentence leans on an earlier report for its source.
_REPORT_ADVERBS = re.compile(
    r"\b(?:reportedly|was\s+reported|were\s+reported|is\s+reported|are\s+reported|according\s+to\s+(?:the\s+)?"
    r"reports?|it\s+was\s+reported|is\s+said\s+to|are\s+said\s+to|was\s+said\s+to|were\s+said\s+to)\b",
    re.IGNORECASE,
)
_MEDIA_WORD_AFTER = re.compile(
    r"\s+(?:television|tv|newspaper|daily|radio|network|channel|broadcaster|news\s+agency|magazine|website)\b",
    re.IGNORECASE,
)
# News words that make an unregistered capitalised name an outlet ("the Daily Planet").
_NEWS_WORDS = frozenset(
    "times post news journal herald daily tribune gazette telegraph chronicle press agency tv television "
    "radio magazine observer guardian star sun examiner inquirer courier dispatch review weekly monitor "
    "standard express mail mirror independent register bulletin wire network broadcasting".split()
)
_ENTITY_TYPE = {
    "person": "person",
    "organization": "organization",
    "government": "government",
    "outlet": "outlet",
    "group": "group",
}


# --- hops under construction -------------------------------------------------------------


@dataclass
class _Node:
    name: str
    type: str
    span: Span | None = None
    entity: str | None = None
    country: str | None = None
    state_controlled: bool | None = None
    date: str | None = None
    confidence: float = 1.0
    generic: bool = False
    """Unnamed media ("state media"): merged into a named hop of the same type next to it."""
    key: str = ""

    def __post_init__(self) -> None:
        if not self.key:
            self.key = " ".join(self.name.casefold().split())

    def hop(self, role: str) -> Hop:
        return Hop(
            name=self.name,
            type=self.type,
            role=role,
            span=self.span,
            entity=self.entity,
            country=self.country,
            state_controlled=self.state_controlled,
            date=self.date,
            confidence=round(self.confidence, 3),
        )


def _outlet_node(o: Outlet, span: Span | None, confidence: float = 1.0) -> _Node:
    return _Node(
        name=o.name,
        type=o.type if o.type in SOURCE_TYPES else "outlet",
        span=span,
        country=o.country,
        state_controlled=o.state_controlled,
        confidence=confidence,
        key="outlet:" + o.name,
    )


@dataclass
class _Ctx:
    """What every chain of one article needs."""

    parsed: Parsed
    found: Found
    reg: Registry
    sentences: list[Span]
    publisher: _Node
    wire: list[_Node] = field(default_factory=list)
    by_id: dict[str, Attribution] = field(default_factory=dict)
    done: dict[str, list[list[_Node]]] = field(default_factory=dict)
    """Attribution id -> its chains' nodes (publisher excluded), filled in text order."""

    @property
    def text(self) -> str:
        return self.parsed.text

    def sentence_of(self, offset: int) -> Span:
        for s, e in self.sentences:
            if s <= offset < e:
                return (s, e)
        # a cue outside the parsed blocks: its line
        t = self.text
        s = t.rfind("\n", 0, offset) + 1
        e = t.find("\n", offset)
        return (s, e if e >= 0 else len(t))

    def block_at(self, offset: int) -> tuple[str, int, int] | None:
        for b in self.parsed.article.blocks:
            if b.start <= offset < b.end:
                return (b.kind, b.start, b.end)
        return None

    def entity_at(self, span: Span) -> Entity | None:
        s, e = span
        for ent in self.found.entities:
            for ms, me in ent.mentions:
                if ms < e and s < me:
                    return ent
        return None


# --- the finder ---------------------------------------------------------------------------


def find_chains(parsed: Parsed, found: Found, settings: Settings) -> tuple[Chain, ...]:
    """Relay chains of every attribution, then the article's provenance chains (see module doc)."""
    reg = load_registry(tuple(settings.registry))
    ctx = _Ctx(
        parsed=parsed,
        found=found,
        reg=reg,
        sentences=_sentence_spans(parsed),
        publisher=publisher_node(parsed, found, reg),
        by_id={a.id: a for a in found.attributions},
    )
    ctx.wire = _wire_nodes(ctx)
    chains: list[Chain] = []
    for at in sorted(found.attributions, key=_first_offset):
        for nodes in _node_chains(at, ctx):
            chains.append(_assemble(at.id, nodes, ctx, at.confidence))
    chains.extend(_provenance(ctx))
    return tuple(chains)


def _first_offset(at: Attribution) -> int:
    spans = at.cue or at.source or at.content
    return min((s for s, _ in spans), default=0)


def _assemble(att_id: str | None, nodes: list[_Node], ctx: _Ctx, confidence: float) -> Chain:
    """Hops origin -> ... -> publisher with duplicates merged and roles set."""
    pub = ctx.publisher
    seq: list[_Node] = []
    for n in [*nodes, pub]:
        if seq and (seq[-1].key == n.key or (n is not pub and _same(seq[-1], n))):
            # keep the named one, the earlier span, and the better date
            keep = n if seq[-1].generic and not n.generic else seq[-1]
            other = n if keep is seq[-1] else seq[-1]
            if n is pub:
                keep = replace(pub, span=pub.span or other.span)
            seq[-1] = replace(keep, date=keep.date or other.date)
            continue
        seq.append(n)
    # an earlier hop that is the publisher itself ("told Fox News Digital") folds into the end
    if len(seq) > 1:
        seq = [n for n in seq[:-1] if n.key != pub.key or n is seq[0]] + [seq[-1]]
        if seq[0].key == pub.key and len(seq) > 1:
            seq = seq[1:] if len(seq) > 2 else [seq[-1]]
    hops = []
    for i, n in enumerate(seq):
        role = "publisher" if i == len(seq) - 1 else "origin" if i == 0 else "relay"
        hops.append(n.hop(role))
    conf = min([confidence, *(h.confidence for h in hops)])
    return Chain(attribution=att_id, hops=tuple(hops), confidence=round(conf, 3), produced_by=PRODUCED_BY)


def _same(a: _Node, b: _Node) -> bool:
    if a.key == b.key:
        return True
    # "state media" next to "Korean Central Television": the generic names the same hop
    return (a.generic or b.generic) and a.type == b.type == "state_media"


# --- the publisher -----------------------------------------------------------------------

_BY_LINE = re.compile(r"^[^\n]{0,80}?\bBy\s+[^\n]{2,160}$", re.MULTILINE)
_BIO = re.compile(
    r"\b(?:writer|reporter|correspondent|editor|journalist|contributor|producer|anchor|columnist|intern)\s+"
    r"(?:at|for|with)\s+(?P<o>[^\n.]{2,80})"
)


def publisher_node(parsed: Parsed, found: Found, reg: Registry) -> _Node:
    """The article's publisher as a hop: metadata, byline, bio, wire credit, URL, else unknown."""
    art = parsed.article
    text = art.text
    if art.outlet:
        o = reg.match(art.outlet)
        span = _first_mention_span(text, reg, o) if o is not None else None
        if o is not None:
            return _outlet_node(o, span)
        return _Node(art.outlet.strip(), "outlet", key="outlet:" + art.outlet.strip())
    # a byline: blocks of kind byline, or "By ..." lines near the top
    byline_regions = [(b.start, b.end) for b in art.blocks if b.kind == "byline"]
    if not byline_regions:
        head = text[:2000]
        byline_regions = [(m.start(), m.end()) for m in _BY_LINE.finditer(head)]
    for s, e in byline_regions:
        for m in reg.find(text[s:e], strict=False):
            return _outlet_node(m.outlet, (s + m.start, s + m.end), _PUBLISHER_CONF["byline"])
    # an author bio at the end: "Jasmine is a writer at Fox News Digital"
    bio_regions = [(b.start, b.end) for b in art.blocks if b.kind == "bio"] or [(max(0, len(text) - 800), len(text))]
    for s, e in bio_regions:
        for bm in _BIO.finditer(text, s, e):
            for m in reg.find(bm.group("o")):
                a = bm.start("o") + m.start
                return _outlet_node(m.outlet, (a, a + m.end - m.start), _PUBLISHER_CONF["bio"])
    for c in found.credits:
        if c.kind == "wire":
            o = reg.match(c.name)
            if o is not None:
                return _outlet_node(o, c.span, _PUBLISHER_CONF["wire"])
    if art.url:
        o = reg.match_domain(art.url)
        if o is not None:
            return _outlet_node(o, None, _PUBLISHER_CONF["url"])
        host = (urlsplit(art.url if "//" in art.url else "//" + art.url).hostname or "").removeprefix("www.")
        if host:
            return _Node(host, "outlet", confidence=_PUBLISHER_CONF["domain"])
    return _Node("unknown publisher", "outlet", confidence=0.1)


def _first_mention_span(text: str, reg: Registry, o: Outlet) -> Span | None:
    for m in reg.find(text[:3000]):
        if m.outlet.name == o.name:
            return (m.start, m.end)
    return None


def _wire_nodes(ctx: _Ctx) -> list[_Node]:
    """Agencies the article is wire copy of (credits of kind wire), other than the publisher."""
    out: list[_Node] = []
    for c in ctx.found.credits:
        if c.kind != "wire":
            continue
        n = _credit_node(c, ctx.reg, CONF_WIRE, ctx.found.entities)
        if n.key != ctx.publisher.key and all(n.key != w.key for w in out):
            out.append(n)
    return out


def _credit_node(c: Credit, reg: Registry, confidence: float, entities: Sequence[Entity] = ()) -> _Node:
    """A credited party as a hop: registry facts, else a person the entity finder knows, else
    a news agency for wire credits and unknown for the rest."""
    o = reg.match(c.name)
    if o is not None:
        return _outlet_node(o, c.span, confidence)
    if c.span is not None:
        cs, ce = c.span
        for ent in entities:
            if ent.kind in _ENTITY_TYPE and any(ms < ce and cs < me for ms, me in ent.mentions):
                return _Node(ent.name, _ENTITY_TYPE[ent.kind], span=c.span, entity=ent.id, confidence=confidence * 0.8)
    typ = "news_agency" if c.kind == "wire" else "unknown"
    return _Node(c.name, typ, span=c.span, confidence=confidence * 0.8)


def credit_groups(credits: Sequence[Credit], text: str) -> list[list[Credit]]:
    """Credits in text order, those joined only by "/" grouped ("KCNA/Reuters": KCNA via Reuters)."""
    groups: list[list[Credit]] = []
    for c in sorted(credits, key=lambda c: c.span or (-1, -1)):
        prev = groups[-1][-1] if groups else None
        if (
            prev is not None and prev.span is not None and c.span is not None and prev.kind == c.kind
            and re.fullmatch(r"\s*/\s*", text[prev.span[1] : c.span[0]])
        ):
            groups[-1].append(c)
        else:
            groups.append([c])
    return groups


# --- one attribution ----------------------------------------------------------------------


def _node_chains(at: Attribution, ctx: _Ctx) -> list[list[_Node]]:
    """The hops (publisher excluded) of each chain of one attribution."""
    sent = ctx.sentence_of(_first_offset(at))
    # the source, and what its own words say (footage producers, relays inside it)
    parties, pre, post_in_source = _parties(at, ctx)

    # triggers in the sentence outside the content, the source and other attributions' cues
    # "citing X" that opens a content piece is how the source had it, not what it said
    blocked = [*_unless_citing(ctx.text, at.content), *at.source]
    origins: list[list[_Node]] = []
    relays: list[list[_Node]] = []
    for kind, nodes in _triggers_in(ctx, sent[0], sent[1], blocked, _other_cues(at, ctx, sent)):
        (origins if kind == "origin" else relays).append(nodes)
    # the addressee of "told", when the attribution finder gave one
    if at.addressee and not any(_overlaps(n.span, at.addressee) for grp in relays for n in grp):
        ad = _outlets_in(ctx, at.addressee)
        if ad:
            relays.insert(0, ad)

    # an outlet that only relays someone named before it: "..., the spokesman said, according to KCNA";
    # "X said ..., Yonhap reported"; "the official was quoted by Reuters as saying"
    if parties and all(p.type in _MEDIA_TYPES for p in parties) and not origins:
        inner = _relayed_inner(at, ctx)
        if inner is not None:
            inner_parties = ctx.done.get(inner.id)
            origins.append([seq[0] for seq in inner_parties[:1]] if inner_parties else _parties(inner, ctx)[0][:1])
        else:
            speaker = _speaker_before(at, ctx, sent)
            if speaker is not None:
                origins.append([speaker])

    # an enclosing or sibling attribution ("Yonhap reported that Kim said ..."; "..., he said, according to KCNA")
    outer = _outer(at, ctx, sent)
    outer_groups: list[list[_Node]] = []
    if outer is not None:
        outer_groups = ctx.done.get(outer.id) or [_simple_nodes(outer, ctx)]
    else:
        quoted_from = _quote_lead_relays(at, ctx)
        if quoted_from:
            outer_groups = [[n] for n in quoted_from]

    # a source the text gives only after the cue ("speculation by some researchers") or as the
    # subject of a passive quote ("the spokesman was quoted as saying")
    if not at.source and not origins:
        agent = _agent_after_cue(at, ctx, sent) or _quoted_subject(at, ctx, sent) or _depicting_medium(at, ctx, sent)
        if agent is not None:
            origins.append([agent])

    # lean on an earlier report when nothing here names a relay
    lean: list[_Node] = []
    if not (relays or post_in_source or outer_groups):
        lean, replaces = _lean(at, ctx, sent, parties)
        if replaces:
            parties = []
    caption = _caption_nodes(at, ctx)

    chains: list[list[_Node]] = []
    for og in _product(origins) or [[]]:
        for p in _or_none(parties):
            for rg in _product(relays) or [[]]:
                for outer_g in outer_groups or [[]]:
                    seq = [*og, *pre, *([p] if p is not None else []), *post_in_source, *rg]
                    seq += [n for n in outer_g if not any(_same(n, m) for m in seq)]
                    seq += [*lean, *caption, *ctx.wire]
                    if not seq:
                        seq = [_Node("unnamed source", "unknown", confidence=CONF_UNNAMED)]
                    # each chain owns its nodes: dating one must not date another attribution's hop
                    chains.append([replace(n) for n in seq])
    chains = chains[:MAX_CHAINS]
    _date_nodes(chains, at, ctx, sent)
    ctx.done[at.id] = chains
    return chains


def _or_none(parties: list[_Node]) -> list[_Node | None]:
    return [*parties] if parties else [None]


# At most this many parallel chains per attribution (coordinated relays multiply).
MAX_CHAINS = 8


_MEDIA_TYPES = frozenset({"state_media", "news_agency", "public_broadcaster", "outlet", "social_media"})
_SPEECH = r"(?:said|says|told\s+[^,;:“”\"]{1,40}?|added|adds|noted|wrote|writes|stated|declared|explained|warned|claimed)"
_SPEAKER_BEFORE = re.compile(
    rf"(?:^|[,;:”\"’]\s*)(?P<np>[^,;:“”\"‘’]{{2,120}}?)\s+(?:{_SPEECH}|(?:was|were|is|are|has\s+been|had\s+been)\s+"
    r"(?:quoted|cited)\s+by)\s*,?\s*$"
)


def _relayed_inner(at: Attribution, ctx: _Ctx) -> Attribution | None:
    """The attribution this one merely relays: its cue comes before this one's and its spans fill
    this one's content ("…, the spokesman said, according to KCNA"; "X said …, Yonhap reported")."""
    my_cue = _first_offset(at)
    text = ctx.text
    for b in ctx.found.attributions:
        if b.id == at.id or not b.source or _first_offset(b) >= my_cue:
            continue
        b_spans = [*b.source, *b.cue, *b.content]
        inside = [sp for sp in b_spans if _holds(at.content, sp[0])]
        if not inside and _overlap_share(at.content, b.content) < 0.8:
            continue
        rest = "".join(
            text[i] for s, e in at.content for i in range(s, e)
            if not _holds(b_spans, i)
        )
        if len(re.sub(r"[\W_]+", "", rest)) <= 12:
            return b
    return None


def _speaker_before(at: Attribution, ctx: _Ctx, sent: Span) -> _Node | None:
    """Who an outlet relays when the text names them around it and no attribution holds them.

    "Danny Russel said, according to Reuters"; "the official was quoted by
    Reuters as saying"; "Kim, according to state media, told ..."; "A
    government source said the engine failed, Yonhap reported".
    """
    text = ctx.text
    src_start = min((s for s, _ in at.source), default=sent[1])
    src_end = max((e for _, e in at.source), default=sent[0])
    found: Span | None = None
    for start in sorted({_first_offset(at), src_start}):
        if found is None and sent[0] < start <= sent[1]:
            found = _search_in(_SPEAKER_BEFORE, text, sent[0], start)
    if found is None and _SPEECH_AFTER.match(text, src_end):
        found = _search_in(_NP_BEFORE_COMMA, text, sent[0], min(_first_offset(at), src_start))
    content_start = min((s for s, _ in at.content), default=sent[1])
    if found is None and content_start < src_start:
        # postposed "…, Yonhap reported": the sentence opens with who said it
        found = _search_in(_SPEAKER_AT_START, text, sent[0], src_start, match=True)
    if found is None:
        return None
    return _party_at(ctx, *found)


def _search_in(rx: re.Pattern[str], text: str, start: int, end: int, match: bool = False) -> Span | None:
    """The span of group "np" of ``rx`` searched in text[start:end] (so that ^ and $ mean its ends)."""
    piece = text[start:end]
    m = rx.match(piece) if match else rx.search(piece)
    return None if m is None else (start + m.start("np"), start + m.end("np"))


def _party_at(ctx: _Ctx, s: int, e: int) -> _Node:
    """A speaker named by a phrase the text gives: its entity, an outlet, or the phrase typed by its words."""
    lead = re.match(r"(?:and|but|while|as)\s+", ctx.text[s:e], re.IGNORECASE)
    if lead:
        s += lead.end()
    ms = ctx.reg.match_all(ctx.text[s:e])
    if len(ms) == 1 and ms[0].outlet.is_news:
        return _outlet_node(ms[0].outlet, (s + ms[0].start, s + ms[0].end))
    ent = ctx.entity_at((s, e))
    if ent is not None and ent.kind in _ENTITY_TYPE:
        return _Node(ent.name, _ENTITY_TYPE[ent.kind], span=(s, e), entity=ent.id)
    name = _short(ctx.text[s:e])
    return _Node(name, _guess_type(name), span=(s, e))


_SPEECH_AFTER = re.compile(rf"\s*,\s*{_SPEECH}\b")
_NP_BEFORE_COMMA = re.compile(r"(?:^|[.;:”\"’]\s*)(?P<np>[^,;:“”\"‘’]{2,120}?)\s*,\s*$")
_SPEAKER_AT_START = re.compile(
    rf"\s*(?P<np>[^,;:“”\"‘’]{{2,120}}?)\s+{_SPEECH}\b(?=[^,]{{0,400}},)"
)


def _product(groups: list[list[_Node]]) -> list[list[_Node]]:
    """Sequences picking one node per group (parallel relays in a group, groups in text order)."""
    out: list[list[_Node]] = [[]]
    for g in groups:
        out = [[*seq, n] for seq in out for n in g][:8]
    return out if groups else []


def _parties(at: Attribution, ctx: _Ctx) -> tuple[list[_Node], list[_Node], list[_Node]]:
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
        return [_outlet_node(m.outlet, (s + m.start, s + m.end), at.confidence) for m in news], [], []
    g = _generic_at_start(src, s)
    if g is not None and g.span is not None and not text[g.span[1] : e].strip(" ,.'’s"):
        return [g], [], []
    # footage or a document: its producer (if named) is the origin
    noun = _media_noun(src)
    if noun is not None or (at.source_type in {"footage", "document"}) or at.kind in {"footage", "document"}:
        producers, reporters = _source_modifiers(ctx, s, e, at)
        compound = _compound_producer(ctx, s, e, noun)
        if compound is not None:
            producers.insert(0, compound)
        if producers:
            return [producers[0]], [], [*producers[1:], *reporters]
        return [_media_node(at, ctx, s, e, noun)], [], reporters
    split = _coordinated(at, ctx, s, e)
    if split:
        return split, [], []
    return [_source_node(at, ctx, s, e)], [], []


def _source_node(at: Attribution, ctx: _Ctx, s: int, e: int) -> _Node:
    """A person, organisation or anonymous source as a hop."""
    text = ctx.text[s:e]
    ent = None
    if at.source_entity:
        ent = next((x for x in ctx.found.entities if x.id == at.source_entity), None)
    if ent is None:
        ent = ctx.entity_at((s, e))
    name = at.source_name or (ent.name if ent is not None else None) or _short(text)
    typ = at.source_type if at.source_type in SOURCE_TYPES else None
    if name.casefold() in _RELATIVES:
        # "a message that read ...": the relative pronoun stands for the noun before it
        antecedent = _antecedent(ctx, s)
        if antecedent is not None:
            return replace(antecedent, confidence=at.confidence)
    if typ is None and ent is not None:
        typ = _ENTITY_TYPE.get(ent.kind)
    if typ is None:
        typ = _guess_type(text)
    o = ctx.reg.match(name)
    if o is not None and o.is_news:
        staff = _staff_of_outlet(ctx, s, e)
        if staff is None:
            # a source the registry knows by name, typed otherwise by the finder, keeps its registry facts
            return _outlet_node(o, (s, e), at.confidence)
        # "NPR's Louisa Lim": the person speaks, the outlet is only where she works
        ent, name, typ = staff
    if typ == "person" and is_country_word(_strip_article(name)):
        typ = "government"  # "North Korea said": a country speaks through its government
    return _Node(
        name=name,
        type=typ,
        span=(s, e),
        entity=ent.id if ent is not None else at.source_entity,
        country=country_of(_strip_article(name)) if typ == "government" else None,
        confidence=at.confidence,
    )


_RELATIVES = frozenset({"that", "which", "who", "whom"})


def _antecedent(ctx: _Ctx, s: int) -> _Node | None:
    """The noun a relative pronoun at ``s`` stands for: a footage/document noun, or an entity."""
    before = ctx.text[max(0, s - 60) : s]
    m = re.search(r"([\w'’-]+)[\s,]*$", before)
    if m is None:
        return None
    word = m.group(1).casefold()
    a = s - len(before) + m.start(1)
    if word in _FOOTAGE_NOUNS or word in _DOCUMENT_NOUNS:
        return _Node(word, "footage" if word in _FOOTAGE_NOUNS else "document", span=(a, a + len(word)))
    ent = ctx.entity_at((a, a + len(word)))
    if ent is not None and ent.kind in _ENTITY_TYPE:
        return _Node(ent.name, _ENTITY_TYPE[ent.kind], span=(a, a + len(word)), entity=ent.id)
    return None


def _strip_article(name: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE)


def _staff_of_outlet(ctx: _Ctx, s: int, e: int) -> tuple[Entity | None, str, str] | None:
    """The person in "NPR's Louisa Lim" / "a Reuters reporter": (entity, name, type), else None."""
    text = ctx.text[s:e]
    if ctx.reg.match(text) is not None:
        return None
    for ent in ctx.found.entities:
        if ent.kind == "person" and any(s <= ms and me <= e for ms, me in ent.mentions):
            return ent, ent.name, "person"
    m = re.match(r"(?P<o>.+?)['’]s\s+(?P<p>.+)$", text)
    if m and ctx.reg.match(m.group("o")) is not None:
        rest = _short(m.group("p"))
        return None, rest, "person" if rest[:1].isupper() else _guess_type(rest)
    return None


def _coordinated(at: Attribution, ctx: _Ctx, s: int, e: int) -> list[_Node]:
    """One hop per party of a coordinated source ("Kim Jong-un and South Korean President Moon
    Jae-in vowed"): two or more people or bodies the entity finder knows, joined by "and"."""
    text = ctx.text
    if not re.search(r"\s(?:and|&)\s", text[s:e]):
        return []
    found: list[tuple[int, Entity]] = []
    for ent in ctx.found.entities:
        if ent.kind not in {"person", "organization", "government"}:
            continue
        starts = [ms for ms, me in ent.mentions if s <= ms and me <= e]
        if starts:
            found.append((min(starts), ent))
    found.sort(key=lambda x: x[0])
    if len(found) < 2:
        return []
    # every pair of neighbours must be joined by "and" or a comma
    for (a, ea), (b, _) in itertools.pairwise(found):
        end_a = max(me for ms, me in ea.mentions if ms == a)
        if not re.search(r"(?:,|\s(?:and|&)\s)", text[end_a:b]):
            return []
    return [
        _Node(ent.name, _ENTITY_TYPE.get(ent.kind, "unknown"), span=(a, max(me for ms, me in ent.mentions if ms == a)),
              entity=ent.id, confidence=at.confidence)
        for a, ent in found
    ]


def _short(phrase: str) -> str:
    """A source phrase cut to its head part: "Hong Min, a senior analyst at ..." -> "Hong Min"."""
    p = " ".join(phrase.split())
    p = re.split(r",|\s\(|\s[–—-]\s", p)[0].strip()
    if len(p) > 60:
        p = p[:60].rsplit(" ", 1)[0]
    return p or phrase.strip()


def _guess_type(phrase: str) -> str:
    """A source type from the words of a phrase the attribution finder left untyped.

    Anonymity markers ("a government source", "unnamed officials") make it
    anonymous; state bodies and their officials ("the South Korean military",
    "a foreign ministry spokesman") government; unnamed people ("analysts")
    anonymous; footage and documents their own types; else unknown.
    """
    words = [w.casefold().strip(".,'’") for w in re.findall(r"[\w.'’-]+", phrase)]
    wset = set(words)
    if wset & _ANON_MARKERS:
        return "anonymous"
    if wset & _GOV_HEADS or " ".join(words).find("white house") >= 0:
        return "government"
    if wset & _PEOPLE_HEADS:
        return "anonymous"
    if wset & _DOCUMENT_NOUNS:
        return "document"
    if wset & _FOOTAGE_NOUNS:
        return "footage"
    return "unknown"


# Hand-made word lists for ``_guess_type`` (not tuned on data).
_ANON_MARKERS = frozenset(
    "source sources unnamed anonymous anonymity insider insiders familiar unidentified".split()
)
_GOV_HEADS = frozenset(
    "government ministry ministry's military army navy police authorities administration department pentagon "
    "kremlin embassy prosecutor prosecutors prosecutor's court officials official spokesman spokeswoman "
    "spokesperson cabinet presidency regime governor governor's mayor mayor's".split()
)
_PEOPLE_HEADS = frozenset(
    "analysts analyst experts expert observers researchers witnesses residents people diplomats critics".split()
)


def _media_noun(src: str) -> str | None:
    """The footage/document noun heading a source phrase ("The footage, released by ..." -> footage).

    Only determiners, adjectives and capitalised words (an outlet compound:
    "KCTV footage") may come before it; a preposition ends the search
    ("people familiar with the report" is not a document).
    """
    words: list[str] = re.findall(r"[\w'’-]+|[,;:]", src)
    for w in words[:8]:
        lw = w.casefold()
        if lw in _FOOTAGE_NOUNS or lw in _DOCUMENT_NOUNS:
            return lw
        if lw in _HEAD_STOPS or not w[:1].isalnum():
            return None
    return None


# Words that end a source's head phrase before any footage/document noun.
_HEAD_STOPS = frozenset("of with for from at in on by to who that which familiar close and or said says".split())


def _media_node(at: Attribution, ctx: _Ctx, s: int, e: int, noun: str | None) -> _Node:
    """Footage or a document with no named producer as the origin hop ("notebook")."""
    typ = "footage" if noun in _FOOTAGE_NOUNS else "document" if noun is not None else (at.source_type or "document")
    name = noun or _short(ctx.text[s:e])
    span = (s, e)
    if noun is not None:
        m = re.search(rf"\b{re.escape(noun)}\b", ctx.text[s:e], re.IGNORECASE)
        if m:
            span = (s + m.start(), s + m.end())
    return _Node(name=name, type=typ if typ in SOURCE_TYPES else "document", span=span, confidence=at.confidence)


def _compound_producer(ctx: _Ctx, s: int, e: int, noun: str | None) -> _Node | None:
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
            return _outlet_node(mention.outlet, (s + mention.start, s + mention.end))
    for g in _GENERIC_RE.finditer(before):
        if not before[g.end() :].strip():
            return _generic_node(g.group("kind"), (s + g.start(), s + g.end()), before[: g.start()].split())
    # "a White House statement", "a family statement": the author before the noun
    words = list(re.finditer(r"[\w.'’-]+", before))
    while words and words[0].group().casefold() in _DETERMINERS:
        words = words[1:]
    if not words:
        return None
    ws, we = s + words[0].start(), s + words[-1].end()
    ent = ctx.entity_at((ws, we))
    if ent is not None and ent.kind in {"person", "organization", "government", "group"}:
        return _Node(ent.name, _ENTITY_TYPE[ent.kind], span=(ws, we), entity=ent.id)
    if len(words) == 1 and words[0].group().casefold() in _AUTHOR_WORDS:
        w = words[0].group()
        return _Node(w.casefold(), _AUTHOR_WORDS[w.casefold()], span=(ws, we))
    return None


# Common nouns that name a document's author when they stand before it ("a family statement").
_AUTHOR_WORDS = {
    "family": "group", "police": "government", "government": "government", "military": "government",
    "ministry": "government", "army": "government", "court": "government", "campaign": "organization",
    "company": "organization", "party": "organization",
}


def _source_modifiers(ctx: _Ctx, s: int, e: int, at: Attribution) -> tuple[list[_Node], list[_Node]]:
    """Producers and reporters named inside a footage/document source phrase, and between it and the cue."""
    cue_start = min((a for a, _ in at.cue), default=e)
    end = max(e, cue_start) if cue_start - e < 200 else e
    producers: list[_Node] = []
    reporters: list[_Node] = []
    # "a statement from the governor's office", "a letter by Eric Holder": the author
    doc = re.search(
        r"\b(?:statement|report|letter|document|notice|message|memo|post|video|footage)s?\s+(?:from|by)\s+", ctx.text[s:e],
        re.IGNORECASE,
    )
    if doc:
        stop = _TARGET_END.search(ctx.text, s + doc.end(), e)
        n = _np_node(ctx, s + doc.end(), stop.start() if stop else e)
        if n is not None:
            producers.append(n)
    for kind, nodes in _triggers_in(ctx, s, end, blocked=list(at.content)):
        if kind == "producer" or kind == "origin":
            producers.extend(nodes[:1])
        else:
            reporters.extend(nodes[:1])
    return producers, reporters


def _unless_citing(text: str, spans: Sequence[Span]) -> list[Span]:
    return [(s, e) for s, e in spans if not re.match(r"(?:citing|quoting)\s", text[s:e], re.IGNORECASE)]


def _other_cues(at: Attribution, ctx: _Ctx, sent: Span) -> list[Span]:
    out = []
    for b in ctx.found.attributions:
        if b.id == at.id:
            continue
        for c in b.cue:
            if sent[0] <= c[0] < sent[1]:
                out.append(c)
    return out


def _triggers_in(
    ctx: _Ctx, start: int, end: int, blocked: Sequence[Span], soft_blocked: Sequence[Span] = ()
) -> list[tuple[str, list[_Node]]]:
    """(kind, parallel nodes) for each trigger phrase in text[start:end] outside ``blocked``.

    ``soft_blocked`` (other attributions' cues) hide relay triggers but not origin ones.
    """
    text = ctx.text
    out: list[tuple[str, list[_Node]]] = []
    for m in _TRIGGER_RE.finditer(text, start, end):
        if _holds(blocked, m.start()):
            continue
        trig = " ".join(m.group("t").lower().split())
        kind = _TRIGGERS[trig]
        t_start = m.end()
        stop = _TARGET_END.search(text, t_start, end)
        t_end = stop.start() if stop else end
        if t_end <= t_start or _NOT_A_PARTY.match(text, t_start):
            continue
        # another attribution's cue ("according to" of its own) is that attribution's business,
        # but "citing X" / "quoting X" still names who the source had it from
        if kind != "origin" and _holds(soft_blocked, m.start()):
            continue
        nodes = _target_nodes(ctx, t_start, t_end, kind)
        if nodes:
            out.append((kind, nodes))
    return out


def _target_nodes(ctx: _Ctx, s: int, e: int, kind: str) -> list[_Node]:
    """The party named right after a trigger: outlets (parallel), unnamed media, or (for origins) anyone."""
    text = ctx.text
    phrase = text[s:e]
    # outlets at the start of the phrase, with descriptors: "state media KCNA", "YTN and Yonhap"
    accepted: list[_Node] = []
    for m in ctx.reg.find(phrase):
        if not ctx.reg.match_all(phrase[: m.end]):
            break
        accepted.append(_outlet_node(m.outlet, (s + m.start, s + m.end)))
    if accepted:
        return accepted
    g = _generic_at_start(phrase, s)
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
            return [_Node(ent.name, "outlet", span=(ls, le), entity=ent.id, confidence=CONF_UNKNOWN_OUTLET)]
        words = name.replace("'s", "").replace("’s", "").split()
        if kind != "origin" and len(words) >= 2 and words[-1].casefold() in _NEWS_WORDS:
            return [_Node(name, "outlet", span=(ls, le), confidence=CONF_UNKNOWN_OUTLET)]
        # "NTV television", "the Kyunghyang newspaper": a name followed by what it is
        if kind != "origin" and _MEDIA_WORD_AFTER.match(text, le):
            return [_Node(name, "outlet", span=(ls, le), confidence=CONF_UNKNOWN_OUTLET)]
    if kind == "origin":
        n = _np_node(ctx, s, e)
        return [n] if n is not None else []
    return []


def _np_node(ctx: _Ctx, s: int, e: int) -> _Node | None:
    """Whoever "citing X" / "quoting X" names, or None when X names no party ("citing concerns").

    An attribution's source there, "a statement by/from X" -> X, an entity,
    or the phrase itself when its words make it a source (anonymous,
    government, document).
    """
    for b in ctx.found.attributions:
        if any(s <= a < e for a, _ in b.source):
            return _source_node(b, ctx, min(x for x, _ in b.source), max(y for _, y in b.source))
    text = ctx.text
    phrase = text[s:e]
    doc_by = re.match(r"(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+)?(?:statement|report|letter|document|notice|post)s?"
                      r"\s+(?:by|from|of)\s+", phrase, re.IGNORECASE)
    if doc_by:
        s, phrase = s + doc_by.end(), phrase[doc_by.end():]
    cut = re.split(r"\s(?:who|which|that|as|in|on|at|about|saying)\s", phrase)[0].rstrip()
    ce = s + len(cut)
    if not cut:
        return None
    ent = ctx.entity_at((s, ce))
    typ = _guess_type(cut)
    if ent is not None and typ == "unknown":
        return _Node(ent.name, _ENTITY_TYPE.get(ent.kind, "unknown"), span=(s, ce), entity=ent.id)
    if typ == "unknown":
        return None
    return _Node(" ".join(cut.split()), typ, span=(s, ce))


def _outlets_in(ctx: _Ctx, spans: Sequence[Span]) -> list[_Node]:
    s = min(a for a, _ in spans)
    e = max(b for _, b in spans)
    ms = ctx.reg.match_all(ctx.text[s:e])
    nodes = [_outlet_node(m.outlet, (s + m.start, s + m.end)) for m in ms if m.outlet.is_news]
    if nodes:
        return nodes
    g = _generic_at_start(ctx.text[s:e], s)
    return [g] if g is not None else []


def _overlaps(a: Span | None, spans: Sequence[Span]) -> bool:
    return a is not None and any(a[0] < e and s < a[1] for s, e in spans)


# --- unnamed media ---------------------------------------------------------------------------


def _generic_at_start(phrase: str, offset: int) -> _Node | None:
    """ "state media", "North Korean state TV", "local media reports" at the start of a phrase."""
    m = _GENERIC_RE.search(phrase)
    if m is None:
        return None
    words = phrase[: m.start()].split()
    # only determiners and country words may come first
    if any(w.casefold() not in _DETERMINERS and not is_country_word(w) and w not in _COUNTRY_PIECES for w in words):
        return None
    return _generic_node(m.group("kind"), (offset + m.start(), offset + m.end()), words)


# First words of two-word country names ("North Korean", "Saudi Arabia's").
_COUNTRY_PIECES = frozenset({"North", "South", "Saudi", "Hong", "Sri", "New", "United"})


def _generic_node(kind: str, span: Span, before: Sequence[str]) -> _Node:
    """Unnamed media as a hop: named as written ("state media"), country from the words before it."""
    country = None
    for k in (3, 2, 1):
        if len(before) >= k:
            country = country_of(" ".join(before[-k:]))
            if country:
                break
    name = " ".join(kind.lower().split())
    typ = "state_media" if _STATE_WORDS.search(name) else "outlet"
    return _Node(
        name=name,
        type=typ,
        span=span,
        country=country,
        state_controlled=True if typ == "state_media" else None,
        confidence=CONF_GENERIC,
        generic=True,
        key="generic:" + typ + ":" + (country or ""),
    )


# --- nesting, context, captions, dates -----------------------------------------------------------


def _outer(at: Attribution, ctx: _Ctx, sent: Span) -> Attribution | None:
    """The attribution that relays this one.

    Either its content holds this one's cue ("Yonhap reported that Kim
    said ..."; the innermost such one), or it is an "according to X" in the
    same sentence whose content is mostly this one's ("..., the spokesman
    said, according to KCNA").
    """
    cue = _first_offset(at)
    best: Attribution | None = None
    sibling: Attribution | None = None
    for b in ctx.found.attributions:
        if b.id == at.id or not b.source or not b.cue:
            continue
        if _holds(b.content, cue):
            # not the other way round: two attributions that hold each other are siblings
            if _holds(at.content, _first_offset(b)):
                continue
            if best is None or _content_len(b) < _content_len(best):
                best = b
            continue
        if not sent[0] <= b.cue[0][0] < sent[1]:
            continue
        b_cue = " ".join(ctx.text[s:e] for s, e in b.cue).casefold()
        if (
            "according" in b_cue
            and _overlap_share(at.content, b.content) >= 0.5
            and not _same_source(at, b, ctx)
        ):
            sibling = sibling or b
    return best or sibling


def _holds(spans: Sequence[Span], offset: int) -> bool:
    """Whether one of ``spans`` holds character ``offset``."""
    for s, e in spans:  # noqa: SIM110 (a loop: any() over a generator is twice as slow here)
        if s <= offset < e:
            return True
    return False


def _content_len(a: Attribution) -> int:
    return sum(e - s for s, e in a.content)


def _overlap_share(a: Sequence[Span], b: Sequence[Span]) -> float:
    if not a or not b:
        return 0.0
    inter = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)
    return inter / max(1, min(sum(e - s for s, e in a), sum(e - s for s, e in b)))


def _same_source(a: Attribution, b: Attribution, ctx: _Ctx) -> bool:
    ta = " ".join(ctx.text[s:e] for s, e in a.source).casefold()
    tb = " ".join(ctx.text[s:e] for s, e in b.source).casefold()
    return bool(ta) and ta == tb


def _simple_nodes(b: Attribution, ctx: _Ctx) -> list[_Node]:
    """An outer attribution's own hops when it has not been chained yet (its source only)."""
    parties, pre, post = _parties(b, ctx)
    return [*pre, *(parties[:1]), *post]


_DEPICTION = re.compile(r"\b(?:is|are|was|were|being)\s+(?:shown|seen|pictured|filmed|heard|depicted)\b", re.IGNORECASE)


def _lean(at: Attribution, ctx: _Ctx, sent: Span, parties: list[_Node]) -> tuple[list[_Node], bool]:
    """Hops borrowed from an earlier attribution, and whether they replace this one's origin.

    - "reportedly" (or "was reported", "is said to") between the source and
      its content, or anywhere outside the content when there is no source:
      the outlets of the nearest earlier report;
    - a depiction with no source ("was shown standing"): the nearest earlier
      footage chain, from its first media hop;
    - footage with no producer ("The images ...") after earlier footage
      whose chain starts at state media or footage: that chain, which
      replaces the footage hop;
    - a document or footage source ("The notebook") that an earlier
      attribution's content mentioned: that attribution's outlets after it;
      one mentioned as the vehicle of an earlier speaker ("said in a
      statement ..." then "The statement also said"): that whole chain,
      which replaces the document.

    Looks back at most three paragraphs of the same kind of block
    (captions do not lean on the body).  Borrowed hops get ``CONF_CONTEXT``.
    """
    text = ctx.text
    content_start = min((s for s, _ in at.content), default=sent[1])
    cue_end = max((e for _, e in at.cue), default=content_start)
    if at.source:
        src_end = max(e for _, e in at.source)
        window = (max(sent[0], src_end - 1), max(content_start, cue_end))
    else:
        window = sent
    reported = any(
        not _holds(at.content, m.start())
        for rx in (_REPORT_ADVERBS, _QUOTE_LEAN)
        for m in rx.finditer(text, *window)
    )
    if reported:
        return _borrow(at, ctx, lambda b: True, media_from=True), False
    if not at.source and any(
        not _holds(at.content, m.start()) for m in _DEPICTION.finditer(text, sent[0], sent[1])
    ):
        return _borrow(at, ctx, lambda b: True, media_from=True, footage_only=True), False
    docs = [p for p in parties if p.type in {"document", "footage"}]
    if docs and docs[0].type == "footage":
        # "The images ..." after "The footage, released by KCTV ...": the footage seen before
        nodes = _borrow(at, ctx, lambda b: True, media_from=True, footage_only=True)
        if nodes:
            return nodes, True
    if docs:
        pat = re.compile(rf"\b{re.escape(docs[0].name)}s?\b", re.IGNORECASE)
        start = _first_offset(at)

        def in_content(b: Attribution) -> bool:
            return any(pat.search(text, s, min(e, start)) for s, e in b.content)

        def as_vehicle(b: Attribution) -> bool:
            bs = ctx.sentence_of(_first_offset(b))
            return any(
                not _holds(b.content, m.start()) and m.start() < start
                for m in pat.finditer(text, bs[0], bs[1])
            )

        nodes = _borrow(at, ctx, as_vehicle, media_from=False)
        if nodes:
            return nodes, True
        return _borrow(at, ctx, in_content, media_from=True), False
    return [], False


def _borrow(
    at: Attribution, ctx: _Ctx, keep: Callable[[Attribution], bool], media_from: bool, footage_only: bool = False
) -> list[_Node]:
    """The hops of the nearest earlier chained attribution that ``keep`` accepts (see ``_lean``)."""
    start = _first_offset(at)
    here = ctx.block_at(start)
    kind = here[0] if here is not None else None
    blocks = [b for b in ctx.parsed.article.blocks if b.kind == kind]
    limit = 0
    idx = [i for i, b in enumerate(blocks) if b.start <= start]
    if idx:
        limit = blocks[max(0, idx[-1] - 3)].start
    previous = sorted(
        (
            b
            for b in ctx.found.attributions
            if b.id in ctx.done and limit <= _first_offset(b) < start and _block_kind(ctx, b) == kind and keep(b)
        ),
        key=_first_offset,
        reverse=True,
    )
    for b in previous:
        for nodes in ctx.done[b.id]:
            own = [n for n in nodes if n not in ctx.wire]
            first_media = next((i for i, n in enumerate(own) if n.type in _LEAN_TYPES), None)
            if first_media is None:
                continue
            if footage_only and own[first_media].type not in {"state_media", "footage"}:
                continue
            picked = own[first_media:] if media_from else own
            return [replace(n, confidence=min(n.confidence, CONF_CONTEXT)) for n in picked]
    return []


_LEAN_TYPES = frozenset({"state_media", "news_agency", "public_broadcaster", "outlet", "footage"})


_QUOTED_SUBJECT = re.compile(
    r"(?:^|[,;:”\"’]\s*)(?P<np>[^,;:“”\"‘’]{2,120}?)\s+(?:was|were|is|are|has\s+been|had\s+been)\s+(?:quoted|cited)\s*$"
)
_QUOTE_LEAN = re.compile(r"\b(?:was|were|is|are|has\s+been|had\s+been)\s+(?:quoted|cited)\s+as\s+saying\b", re.IGNORECASE)


def _quoted_subject(at: Attribution, ctx: _Ctx, sent: Span) -> _Node | None:
    """The subject of "X was quoted as saying" when the attribution finder gave no source."""
    for cs, _ in at.cue:
        q = _QUOTED_AT.match(ctx.text, cs)
        if q is not None:
            found = _search_in(_QUOTED_SUBJECT, ctx.text, sent[0], q.end())
            if found is not None:
                return _party_at(ctx, *found)
    return None


_QUOTED_AT = re.compile(r"(?:(?:was|were|is|are|has\s+been|had\s+been)\s+)?(?:quoted|cited)\b")


def _depicting_medium(at: Attribution, ctx: _Ctx, sent: Span) -> _Node | None:
    """ "In a state media-run special, Kim is seen weeping": the medium of a sourceless depiction."""
    text = ctx.text
    if not any(m for m in _DEPICTION.finditer(text, sent[0], sent[1]) if not _holds(at.content, m.start())):
        return None
    for m in ctx.reg.find(text[sent[0] : sent[1]]):
        a = sent[0] + m.start
        if not _holds(at.content, a):
            return _outlet_node(m.outlet, (a, sent[0] + m.end))
    for g in _GENERIC_RE.finditer(text, sent[0], sent[1]):
        if not _holds(at.content, g.start()) and _STATE_WORDS.search(g.group("kind")):
            return _generic_node(g.group("kind"), (g.start(), g.end()), text[sent[0] : g.start()].split()[-3:])
    return None


def _agent_after_cue(at: Attribution, ctx: _Ctx, sent: Span) -> _Node | None:
    """ "speculation by some researchers", "was reported by Dyn": the agent after a sourceless cue."""
    end = max((e for _, e in at.cue), default=None)
    if end is None:
        return None
    m = re.match(r"\s+by\s+", ctx.text[end : sent[1]])
    if m is None:
        return None
    s = end + m.end()
    stop = _TARGET_END.search(ctx.text, s, sent[1])
    nodes = _target_nodes(ctx, s, stop.start() if stop else sent[1], "origin")
    return nodes[0] if nodes else None


def _block_kind(ctx: _Ctx, at: Attribution) -> str | None:
    blk = ctx.block_at(_first_offset(at))
    return blk[0] if blk is not None else None


def _caption_nodes(at: Attribution, ctx: _Ctx) -> list[_Node]:
    """A caption's photo/video credit relays the caption's claims ("... on June 30. (Reuters)")."""
    blk = ctx.block_at(_first_offset(at))
    if blk is None or blk[0] != "caption":
        return []
    _, bs, be = blk
    # the credit may be a block of its own right after the caption
    nxt = min((b for b in ctx.parsed.article.blocks if b.start >= be), key=lambda b: b.start, default=None)
    if nxt is not None and nxt.kind == "credit" and not ctx.text[be : nxt.start].strip():
        be = nxt.end
    for group in credit_groups([c for c in ctx.found.credits if c.kind in {"photo", "video"}], ctx.text):
        span = group[0].span
        if span is not None and bs <= span[0] <= be + 3:
            return [_credit_node(c, ctx.reg, CONF_CAPTION, ctx.found.entities) for c in group]
    return []


def _quote_lead_relays(at: Attribution, ctx: _Ctx) -> list[_Node]:
    """Outlets named in the lead-in of a quoted paragraph that holds this cue.

    "According to the BBC:" followed by a paragraph that opens with a quote
    mark: what is said inside that paragraph came through the BBC.
    """
    start = _first_offset(at)
    body = [b for b in ctx.parsed.article.blocks if b.kind == "body"]
    for i, b in enumerate(body):
        if b.start <= start < b.end and i > 0:
            if ctx.text[b.start : b.end].lstrip()[:1] not in {'"', "“", "‘", "'"}:
                return []
            lead = ctx.text[body[i - 1].start : body[i - 1].end].rstrip()
            if not lead.endswith(":"):
                return []
            cut = max(lead.rfind(". ", 0, len(lead) - 1), lead.rfind("\n")) + 1
            own = {n.name for n in _parties(at, ctx)[0]}
            return [
                _outlet_node(m.outlet, (body[i - 1].start + cut + m.start, body[i - 1].start + cut + m.end), CONF_CONTEXT)
                for m in ctx.reg.find(lead[cut:])
                if m.outlet.name not in own
            ]
    return []


def _date_nodes(chains: list[list[_Node]], at: Attribution, ctx: _Ctx, sent: Span) -> None:
    """Date hops from time expressions right after their mention ("aired on state media Monday")."""
    times = [t for t in ctx.found.times if t.value and sent[0] <= t.span[0] < sent[1]]
    if not times:
        return
    nodes = {id(n): n for seq in chains for n in seq if n.span is not None and sent[0] <= n.span[0] < sent[1]}
    anchors = sorted({n.span[0] for n in nodes.values() if n.span is not None})
    content = list(at.content)
    for n in nodes.values():
        if n.date or n.span is None:
            continue
        later = [a for a in anchors if a > n.span[0]]
        limit = min([n.span[1] + 40, *(later[:1]), *(s for s, _ in content if s >= n.span[1])])
        t = _time_in(times, n.span[1], limit, content)
        if t is not None:
            n.date = t.value


def _time_in(times: Iterable[TimeExpr], s: int, e: int, content: Sequence[Span]) -> TimeExpr | None:
    for t in times:
        if s <= t.span[0] and t.span[1] <= e and not _holds(content, t.span[0]):
            return t
    return None


# --- article provenance -------------------------------------------------------------------------


def _publisher_staff(c: Credit, ctx: _Ctx) -> bool:
    """A credit right after the publisher's possessive: "Fox News' Lesa Jansen contributed"."""
    if c.span is None:
        return False
    before = ctx.text[max(0, c.span[0] - 60) : c.span[0]]
    m = re.search(r"([\w .&!-]+?)(?:'s|’s|'|’)\s*$", before)
    if m is None:
        return False
    o = ctx.reg.match(m.group(1).strip())
    return o is not None and "outlet:" + o.name == ctx.publisher.key


def _provenance(ctx: _Ctx) -> list[Chain]:
    """One chain per distinct credited party (or "/"-joined group): wire, photo, video, contribution -> publisher."""
    out: list[Chain] = []
    seen: set[tuple[tuple[str, ...], str]] = set()
    for group in credit_groups(ctx.found.credits, ctx.text):
        if _publisher_staff(group[0], ctx):
            continue
        nodes: list[_Node] = []
        for c in group:
            n = _credit_node(c, ctx.reg, 1.0, ctx.found.entities)
            # a caption run twice ("Kyodo /Reuters /Landov Kyodo /Reuters /Landov") names each party once
            if n.key != ctx.publisher.key and all(n.key != m.key and n.name not in m.name for m in nodes):
                nodes.append(n)
        key = (tuple(n.key for n in nodes), group[0].kind)
        if not nodes or key in seen:
            continue
        seen.add(key)
        out.append(_assemble(None, nodes, ctx, 1.0))
    return out


# --- sentences ----------------------------------------------------------------------------------

_SENT_SPLIT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])|\n\s*\n")


def _sentence_spans(parsed: Parsed) -> list[Span]:
    """Sentences of every parsed segment (spaCy's when the doc has them, else punctuation)."""
    out: list[Span] = []
    for seg in parsed.segments:
        doc = seg.doc
        if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
            out.extend((seg.start + s.start_char, seg.start + s.end_char) for s in doc.sents)
            continue
        t = doc.text
        pos = 0
        for m in _SENT_SPLIT.finditer(t):
            out.append((seg.start + pos, seg.start + m.start()))
            pos = m.end()
        out.append((seg.start + pos, seg.start + len(t)))
    return out
