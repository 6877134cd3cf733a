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
  reportedly contained ...", after "Yonhap reported that ... a notebook ...";
  "The KCNA report said" after "KCNA said ..., the AP reported"; "he
  added" right after the same speaker told Fox News) gets the earlier
  report's hops with lower confidence; a lede whose restatement further down
  names a relay ("..., his lawyer says." then "..., lawyer Anatoly Kucherena
  said, according to ... TASS"), or a country's lede whose restatement is
  its state media's ("North Korea said ..." then "The North's official KCNA
  news agency said ..."), gets that relay (``lede_relays``).
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

Where the code is (each module imports only those above it):

- ``vocabulary``: the trigger phrases ("told", "according to", "citing"),
  the patterns of unnamed media and the word lists the rules read;
- ``spans``: sentences, and span arithmetic (where an attribution starts,
  which spans hold or overlap others);
- ``nodes``: a hop under construction (``Node``), what every chain of an
  article shares (``Ctx``), the hop confidences, and ``assemble``, which
  turns nodes into a ``Chain`` ending at the publisher;
- ``publisher``: the article's publisher and wire agencies, and credited
  parties as hops;
- ``media``: unnamed media ("state media", "North Korean state TV");
- ``sources``: a source phrase as a hop (a person, a body, an anonymous
  source, "NPR's Louisa Lim", coordinated people, a relative pronoun);
- ``triggers``: the party named after a trigger phrase, as a relay or an
  origin;
- ``parties``: one attribution's own parties: the origin(s) its source
  names, footage and document producers, who an outlet only relays;
- ``context``: what lies around the sentence: an enclosing attribution,
  an earlier report leaned on, a caption's credit, a quoted paragraph's
  lead-in, dates next to hops, speakers the text gives outside the source;
- ``provenance``: the article's own chains from its credits;
- this module: ``find_chains`` and the chains of one attribution, which
  put the pieces above together.
"""

from __future__ import annotations

from dataclasses import replace

from ...model import Attribution, Chain, Span
from ...nlp import Parsed
from ...registry import load_registry
from ...settings import Settings
from .. import Found
from .context import (
    agent_after_cue,
    caption_nodes,
    date_nodes,
    depicting_medium,
    lean_on,
    lede_relays,
    outer_of,
    quote_lead_relays,
    quoted_subject,
    simple_nodes,
)
from .nodes import CONF_UNNAMED, Ctx, Node, assemble, same
from .parties import parties_of, relayed_inner, speaker_before
from .provenance import provenance_chains
from .publisher import publisher_node, wire_nodes
from .spans import first_offset, holds, overlaps, sentence_spans
from .triggers import other_cues, outlets_in, triggers_in, unless_citing


def find_chains(parsed: Parsed, found: Found, settings: Settings) -> tuple[Chain, ...]:
    """Relay chains of every attribution, then the article's provenance chains (see module doc)."""
    reg = load_registry(tuple(settings.registry))
    ctx = Ctx(
        parsed=parsed,
        found=found,
        reg=reg,
        sentences=sentence_spans(parsed),
        publisher=publisher_node(parsed, found, reg),
        by_id={a.id: a for a in found.attributions},
        registry_files=tuple(settings.registry),
    )
    ctx.wire = wire_nodes(ctx)
    ordered = [at for at in sorted(found.attributions, key=first_offset) if at.kind != "appearance"]
    # ("The economy appears to be slowing": the outlet's own hedged statement, no relay)
    node_chains = {at.id: _node_chains(at, ctx) for at in ordered}
    for at in ordered:
        relays = lede_relays(at, ordered, ctx)
        if relays:
            # "Snowden is willing to return ..., his lawyer says." then "..., lawyer Anatoly Kucherena said,
            # according to the Russian news agency TASS": the lede's statement came the way its restatement did
            node_chains[at.id] = [[n for n in nodes if n not in ctx.wire][:1] + relays + ctx.wire for nodes in node_chains[at.id]]
    chains = [assemble(at.id, nodes, ctx, at.confidence) for at in ordered for nodes in node_chains[at.id]]
    chains.extend(provenance_chains(ctx))
    return tuple(chains)


def _node_chains(at: Attribution, ctx: Ctx) -> list[list[Node]]:
    """The hops (publisher excluded) of each chain of one attribution."""
    sent = ctx.sentence_of(first_offset(at))
    # the source, and what its own words say (footage producers, relays inside it)
    parties, pre, post_in_source = parties_of(at, ctx)

    # triggers in the sentence outside the content, the source and other attributions' cues
    # "citing X" that opens a content piece is how the source had it, not what it said
    blocked = [*unless_citing(ctx.text, at.content), *at.source, *_sibling_contents(at, ctx, sent)]
    origins: list[list[Node]] = []
    relays: list[list[Node]] = []
    for kind, nodes in triggers_in(ctx, sent[0], sent[1], blocked, other_cues(at, ctx, sent), at.cue, at.source):
        (origins if kind == "origin" else relays).append(nodes)
    # the addressee of "told", when the attribution finder gave one
    if at.addressee and not any(overlaps(n.span, at.addressee) for grp in relays for n in grp):
        ad = outlets_in(ctx, at.addressee)
        if ad:
            relays.insert(0, ad)

    # an outlet that only relays someone named before it: "..., the spokesman said, according to KCNA";
    # "X said ..., Yonhap reported"; "the official was quoted by Reuters as saying"
    # an enclosing or sibling attribution ("Yonhap reported that Kim said ..."; "..., he said, according to KCNA")
    outer = outer_of(at, ctx, sent)
    if parties and all(p.type in _MEDIA_TYPES for p in parties) and not origins:
        inner = relayed_inner(at, ctx)
        if inner is not None:
            inner_parties = ctx.done.get(inner.id)
            origins.append([seq[0] for seq in inner_parties[:1]] if inner_parties else parties_of(inner, ctx)[0][:1])
        else:
            speaker = speaker_before(at, ctx, sent)
            # "Yonhap says KCNA says ...": the speaker before is the outer attribution's source, a relay
            # after this outlet, not its origin; nor is the outlet's own phrase ("the paper noted, adding that ...":
            # one source for two cues)
            if (
                speaker is not None and not (outer is not None and overlaps(speaker.span, outer.source))
                and not overlaps(speaker.span, at.source)
            ):
                origins.append([speaker])

    outer_groups: list[list[Node]] = []
    if outer is not None:
        outer_groups = ctx.done.get(outer.id) or [simple_nodes(outer, ctx)]
    else:
        quoted_from = quote_lead_relays(at, ctx)
        if quoted_from:
            outer_groups = [[n] for n in quoted_from]

    # a source the text gives only after the cue ("speculation by some researchers") or as the
    # subject of a passive quote ("the spokesman was quoted as saying")
    if not at.source and not origins:
        agent = agent_after_cue(at, ctx, sent) or quoted_subject(at, ctx, sent) or depicting_medium(at, ctx, sent)
        if agent is not None:
            origins.append([agent])

    # lean on an earlier report when nothing here names a relay
    lean: list[Node] = []
    if not (relays or post_in_source or outer_groups):
        lean, replaces = lean_on(at, ctx, sent, parties)
        if replaces:
            parties = []
    caption = caption_nodes(at, ctx)

    chains: list[list[Node]] = []
    for og in _product(origins) or [[]]:
        for p in _or_none(parties):
            for rg in _product(relays) or [[]]:
                for outer_g in outer_groups or [[]]:
                    seq = [*og, *pre, *([p] if p is not None else []), *post_in_source, *rg]
                    seq += [n for n in outer_g if not any(same(n, m) for m in seq)]
                    seq += [*lean, *caption, *ctx.wire]
                    if not seq:
                        seq = [Node("unnamed source", "unknown", confidence=CONF_UNNAMED)]
                    # each chain owns its nodes: dating one must not date another attribution's hop
                    chains.append([replace(n) for n in seq])
    chains = chains[:MAX_CHAINS]
    date_nodes(chains, at, ctx, sent)
    ctx.done[at.id] = chains
    return chains


def _sibling_contents(at: Attribution, ctx: Ctx, sent: Span) -> list[Span]:
    """The content of the attribution whose source a relative pronoun source of this one hangs on: a trigger
    there is what that attribution reports ("Kucherena told Interfax, according to RT.com, which also reported
    that ...": Interfax relays only what RT.com has according to it)."""
    if len(at.source) != 1:
        return []
    s, e = at.source[0]
    if ctx.text[s:e].lower() not in ("which", "who"):
        return []
    out: list[Span] = []
    for b_id in dict.fromkeys(b_id for _, _, _, b_id in ctx.cues_from(sent[0], sent[1]) if b_id != at.id):
        b = ctx.by_id[b_id]
        if b.source and max(y for _, y in b.source) <= s and not ctx.text[max(y for _, y in b.source) : s].strip(" ,"):
            out.extend(c for c in b.content if not holds([c], s))
    return out


def _or_none(parties: list[Node]) -> list[Node | None]:
    return [*parties] if parties else [None]


# At most this many parallel chains per attribution (coordinated relays multiply).
MAX_CHAINS = 8


_MEDIA_TYPES = frozenset({"state_media", "news_agency", "public_broadcaster", "outlet", "social_media"})


def _product(groups: list[list[Node]]) -> list[list[Node]]:
    """Sequences picking one node per group (parallel relays in a group, groups in text order)."""
    out: list[list[Node]] = [[]]
    for g in groups:
        out = [[*seq, n] for seq in out for n in g][:8]
    return out if groups else []
