"""Hops from around the attribution's sentence: nesting, earlier reports, captions, quoted paragraphs, dates.

An enclosing attribution ("Yonhap reported that Kim said ..."), an earlier
report a sentence leans on ("The notebook reportedly ..."), a caption's
photo credit, the lead-in of a quoted paragraph ("According to the BBC:"),
a speaker or medium the text gives outside the source, and the dates next
to hops.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from ...model import Attribution, Span, TimeExpr
from ...registry import NEWS_TYPES
from ...registry.countries import country_of
from ..entities import entity_by_id
from .media import generic_node
from .nodes import CONF_CAPTION, CONF_CONTEXT, Ctx, Node, outlet_node
from .parties import parties_of
from .publisher import credit_groups, credit_node
from .sources import party_at
from .spans import first_offset, holds, overlap_share, search_in
from .triggers import target_nodes
from .vocabulary import GENERIC_RE, REPORT_ADVERBS, STATE_WORDS, TARGET_END


def outer_of(at: Attribution, ctx: Ctx, sent: Span) -> Attribution | None:
    """The attribution that relays this one.

    Either its content holds this one's cue ("Yonhap reported that Kim
    said ..."; the innermost such one), or it is an "according to X" in the
    same sentence whose content is mostly this one's ("..., the spokesman
    said, according to KCNA").
    """
    cue = first_offset(at)
    best: Attribution | None = None
    sibling: Attribution | None = None
    atts = ctx.found.attributions
    # only those whose content holds the cue or whose cue is in the sentence can count (in their order)
    near = sorted({*ctx.contents_holding(cue), *(i for i, j, _, _ in ctx.cues_from(sent[0], sent[1]) if j == 0)})
    for b in (atts[i] for i in near):
        if b.id == at.id or not b.source or not b.cue:
            continue
        if holds(b.content, cue):
            # not the other way round: two attributions that hold each other are siblings
            if holds(at.content, first_offset(b)):
                continue
            if best is None or _content_len(b) < _content_len(best):
                best = b
            continue
        if not sent[0] <= b.cue[0][0] < sent[1]:
            continue
        b_cue = " ".join(ctx.text[s:e] for s, e in b.cue).casefold()
        # "..., Mr. Holland said, CNN reported.": an outlet's report closing the sentence relays it too
        postposed = (
            b.cue[0][0] > cue and b.source_type in NEWS_TYPES and min(s for s, _ in b.source) > cue
            and not holds(at.content, b.cue[0][0])  # not "As X pointed out, the newspaper called ..."
        )
        if (
            ("according" in b_cue or postposed)
            and overlap_share(at.content, b.content) >= 0.5
            and not _same_source(at, b, ctx)
        ):
            sibling = sibling or b
    return best or sibling


def _content_len(a: Attribution) -> int:
    return sum(e - s for s, e in a.content)


def _same_source(a: Attribution, b: Attribution, ctx: Ctx) -> bool:
    ta = " ".join(ctx.text[s:e] for s, e in a.source).casefold()
    tb = " ".join(ctx.text[s:e] for s, e in b.source).casefold()
    return bool(ta) and ta == tb


def simple_nodes(b: Attribution, ctx: Ctx) -> list[Node]:
    """An outer attribution's own hops when it has not been chained yet (its source only)."""
    parties, pre, post = parties_of(b, ctx)
    return [*pre, *(parties[:1]), *post]


_DEPICTION = re.compile(r"\b(?:is|are|was|were|being)\s+(?:shown|seen|pictured|filmed|heard|depicted)\b", re.IGNORECASE)


def lean_on(at: Attribution, ctx: Ctx, sent: Span, parties: list[Node]) -> tuple[list[Node], bool]:
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
      which replaces the document;
    - an outlet's report ("The KCNA report said") after a chain that relayed
      that outlet ("KCNA said ..., the Associated Press reported"): the
      relays after the outlet (``_outlets_report``);
    - a speaker going on ("he added", "she continued") right after the same
      speaker's statement that came through an outlet ("told the Fox News
      program ..."): that outlet and what followed it
      (``_same_speaker_before``).

    Looks back at most three paragraphs of the same kind of block
    (captions do not lean on the body).  Borrowed hops get ``CONF_CONTEXT``.
    """
    writer = _writer_of_block(at, ctx)
    if writer:
        # "The message said:\n\n... I extend warm congratulations ...": the message's writer
        return writer, True
    text = ctx.text
    content_start = min((s for s, _ in at.content), default=sent[1])
    cue_end = max((e for _, e in at.cue), default=content_start)
    if at.source:
        src_end = max(e for _, e in at.source)
        window = (max(sent[0], src_end - 1), max(content_start, cue_end))
    else:
        window = sent
    reported = any(
        not holds(at.content, m.start())
        for rx in (REPORT_ADVERBS, _QUOTE_LEAN)
        for m in rx.finditer(text, *window)
    )
    if reported:
        return _borrow(at, ctx, lambda b: True, media_from=True), False
    if not at.source and any(
        not holds(at.content, m.start()) for m in _DEPICTION.finditer(text, sent[0], sent[1])
    ):
        return _borrow(at, ctx, lambda b: True, media_from=True, footage_only=True), False
    report = _outlets_report(at, ctx, parties)
    if report is not None:
        # "The KCNA report said ..." after "KCNA said ..., the Associated Press reported": the same report,
        # relayed as before
        return report, False
    docs = [p for p in parties if p.type in {"document", "footage"}]
    if docs and docs[0].type == "footage":
        # "The images ..." after "The footage, released by KCTV ...": the footage seen before
        nodes = _borrow(at, ctx, lambda b: True, media_from=True, footage_only=True)
        if nodes:
            return nodes, True
    if docs:
        pat = re.compile(rf"\b{re.escape(docs[0].name)}s?\b", re.IGNORECASE)
        start = first_offset(at)

        def in_content(b: Attribution) -> bool:
            return any(pat.search(text, s, min(e, start)) for s, e in b.content)

        def as_vehicle(b: Attribution) -> bool:
            bs = ctx.sentence_of(first_offset(b))
            return any(
                not holds(b.content, m.start()) and m.start() < start
                for m in pat.finditer(text, bs[0], bs[1])
            )

        nodes = _borrow(at, ctx, as_vehicle, media_from=False)
        if nodes:
            return nodes, True
        return _borrow(at, ctx, in_content, media_from=True), False
    return _same_speaker_before(at, ctx), False


def _writer_of_block(at: Attribution, ctx: Ctx) -> list[Node]:
    """An "I" no one was found for, in a paragraph of a block a document's colon opened ("The message said:" ending
    its paragraph) at most ``_BLOCK_PARAGRAPHS`` paragraphs up, is the document's writer: the chain of the
    attribution the colon ends, when it starts at someone named (its sender: "received a message of condolences
    from X"), borrowed.  KCNA retells messages and letters so, and its own voice says no "I".  Not after a person's
    colon ("he continued:"): an op-ed writer's own "I" may follow the lines quoted."""
    if len(at.source) != 1 or at.source_entity is not None:
        return []
    s, e = at.source[0]
    if ctx.text[s:e] != "I":
        return []
    lo = s
    for _ in range(_BLOCK_PARAGRAPHS):
        lo = max(0, ctx.text.rfind("\n\n", 0, lo))
    before = [b for b in ctx.found.attributions if b.id in ctx.done and b.cue and lo <= first_offset(b) < s]
    for b in sorted(before, key=first_offset, reverse=True):
        end = max(c for _, c in b.cue)
        if not re.match(r"[^\n:]{0,40}:[ \t]*\n", ctx.text[end : end + 60]) or holds(b.source, s):
            continue
        if b.source_type != "document":
            return []  # "he continued:" then an op-ed's own "I" after the quoted lines
        for nodes in ctx.done[b.id]:
            own = _own(nodes, ctx)
            if own and own[0].type not in ("document", "footage", "unknown") and own[0].name != "I":
                return _borrowed(own)
        return []
    return []


_BLOCK_PARAGRAPHS = 6


def _same_speaker_before(at: Attribution, ctx: Ctx) -> list[Node]:
    """ "Peter King ... told the Fox News program Sunday Morning Futures." then "“...,” he added.": a speaker's
    next statement, with no relay of its own, came the way the one just before did, when its cue says it goes
    on ("added", "continued"; not after a venue of its own, "added on “This Week”"), the attribution just
    before is the same speaker's (one entity) in this or the previous sentence, and it reached the publisher
    through an outlet right after the speaker.  Borrowed with ``CONF_CONTEXT``.

    Read on 250 AllSides articles: with "also" too (and three sentences back), 5 of 8 borrowed hops were
    right ("He also called out ..." after "he told CNN's State of the Union"), the wrong ones an "also" that
    moved on ("She also touted ... in her various public appearances" after "said on C-SPAN"); a fresh
    "Figueroa said ..." after "Figueroa told USA Today" is another occasion in the chain gold."""
    if at.source_entity is None or not _GOES_ON.search(" ".join(ctx.text[a:b] for a, b in at.cue)):
        return []
    if _OWN_VENUE.match(ctx.text, max(b for _, b in at.cue)):
        return []  # "he added on “This Week”": another programme
    start = first_offset(at)
    before = [b for b in ctx.found.attributions if b.id in ctx.done and first_offset(b) < start]
    if not before:
        return []
    b = max(before, key=first_offset)
    if b.source_entity != at.source_entity or ctx.sentence_of(first_offset(b))[0] < _sentences_back(ctx, start, 1):
        return []
    return _relays_after(b, at.source_entity, ctx)


def lede_relays(at: Attribution, ordered: Sequence[Attribution], ctx: Ctx) -> list[Node]:
    """The relays of a lede's restatement (README rule 3, "a lede followed by its attribution"): for an
    attribution in the first body paragraph whose chains name no relay, a later attribution of the same
    speaker (one entity) within the next three body paragraphs, whose content shares at least 40% of the
    shorter one's words (four letters or more, three at least), and whose chain reached the publisher
    through an outlet right after the speaker; its hops from that outlet, with ``CONF_CONTEXT``.

    A state speaks through its state media: when the lede's speaker is a country ("North Korea said on
    Sunday ..."), the restatement may be its state media's ("The North's official KCNA news agency said
    ..."), whose chain from that outlet on is the relay."""
    if at.source_entity is None or not at.content:
        return []
    body, _ = ctx.body_index(first_offset(at))
    if not body or not (body[0].start <= first_offset(at) < body[0].end):
        return []
    if any(len(_own(nodes, ctx)) > 1 for nodes in ctx.done.get(at.id, [])):
        return []  # it names its own relay
    limit = body[min(3, len(body) - 1)].end
    words = _content_words(ctx.text, at.content)
    country = _country_speaking(at, ctx)
    for b in ordered:
        if b is at or first_offset(b) <= first_offset(at) or first_offset(b) >= limit:
            continue
        if b.source_entity != at.source_entity and (country is None or b.source_type != "state_media"):
            continue
        other = _content_words(ctx.text, b.content)
        shared = len(words & other)
        if shared < 3 or shared < 0.4 * min(len(words), len(other)):
            continue
        relays = _relays_after(b, at.source_entity, ctx) if b.source_entity == at.source_entity else _state_media_of(b, country, ctx)
        if relays:
            return relays
    return []


def _country_speaking(at: Attribution, ctx: Ctx) -> str | None:
    """The country (ISO code) an attribution's speaker is, when the speaker is a country or its government
    named by the country alone ("North Korea", "Pyongyang"), else None."""
    ent = entity_by_id(ctx.found.entities, at.source_entity)
    if ent is None or ent.kind not in ("place", "government"):
        return None
    return country_of(ent.name)


def _state_media_of(b: Attribution, country: str | None, ctx: Ctx) -> list[Node]:
    """The hops of ``b``'s chain from its source on, when that source is a state medium of ``country``
    ("KCNA" for North Korea), borrowed; else none."""
    for nodes in ctx.done.get(b.id, []):
        own = _own(nodes, ctx)
        if own and own[0].type == "state_media" and own[0].country == country:
            return _borrowed(own)
    return []


def _own(nodes: list[Node], ctx: Ctx) -> list[Node]:
    """A chain's hops without the article's wire hops (which every chain of a wire copy ends with)."""
    return [n for n in nodes if n not in ctx.wire]


def _borrowed(nodes: Sequence[Node]) -> list[Node]:
    """Copies of hops taken from another attribution's chain, at most ``CONF_CONTEXT`` sure."""
    return [replace(n, confidence=min(n.confidence, CONF_CONTEXT)) for n in nodes]


def _relays_after(b: Attribution, speaker: str | None, ctx: Ctx) -> list[Node]:
    """The hops after ``speaker`` in a chain of ``b`` that starts at that speaker (one entity) and goes on through
    an outlet ("Ri Su Yong -> Associated Press"), borrowed; else none."""
    for nodes in ctx.done.get(b.id, []):
        own = _own(nodes, ctx)
        if len(own) >= 2 and own[0].entity == speaker and own[1].type in _LEAN_TYPES:
            return _borrowed(own[1:])
    return []


def _content_words(text: str, content: Sequence[Span]) -> set[str]:
    """The words of four letters or more of a content, cut to their first five letters ("denuclearize" and
    "denuclearization", "mislead" and "misleading" count as one)."""
    return {w.lower()[:5] for s, e in content for w in re.findall(r"[A-Za-z]{4,}", text[s:e])}


_GOES_ON = re.compile(r"\b(?:add|adds|added|adding|continued|continues|went\s+on|goes\s+on)\b", re.IGNORECASE)
_OWN_VENUE = re.compile(r"\s+(?:on|in|to)\s+(?:an?\s+|the\s+)?[\"“A-Z]|\s+(?:in\s+)?an?\s+(?:interview|statement|tweet|post)\b")


def _sentences_back(ctx: Ctx, offset: int, n: int) -> int:
    """The start of the ``n``-th sentence before the one holding ``offset``."""
    text = ctx.text
    s = ctx.sentence_of(offset)[0]
    for _ in range(n):
        k = s - 1
        while k > 0 and text[k].isspace():
            k -= 1  # across a paragraph break
        if k <= 0:
            return 0
        s = min(s, ctx.sentence_of(k)[0])
    return s


_REPORT_OF = re.compile(r"\b(?:report|statement|dispatch|article|commentary|broadcast)$", re.IGNORECASE)


def _outlets_report(at: Attribution, ctx: Ctx, parties: list[Node]) -> list[Node] | None:
    """The relays after an outlet in the nearest earlier chain through it, for a source naming that outlet's
    report ("The KCNA report", "the Yonhap dispatch"): the report the text gave before, as it came.  None when
    the source is no such phrase or no earlier chain relayed the outlet."""
    if len(parties) != 1 or parties[0].type not in _LEAN_TYPES or not at.source:
        return None
    src = ctx.text[at.source[0][0] : at.source[-1][1]]
    if not _REPORT_OF.search(src.strip()):
        return None
    outlet = parties[0]
    found: list[Node] = []

    def relayed(b: Attribution) -> bool:
        for nodes in ctx.done[b.id]:
            own = _own(nodes, ctx)
            k = next((i for i, n in enumerate(own) if n.key == outlet.key), None)
            if k is not None and k + 1 < len(own):
                found[:] = own[k + 1 :]
                return True
        return False

    _borrow(at, ctx, relayed, media_from=True)  # (the window and block rules of _borrow; ``relayed`` keeps the hops)
    return _borrowed(found) or None


def _borrow(
    at: Attribution, ctx: Ctx, keep: Callable[[Attribution], bool], media_from: bool, footage_only: bool = False
) -> list[Node]:
    """The hops of the nearest earlier chained attribution that ``keep`` accepts (see ``lean_on``)."""
    start = first_offset(at)
    here = ctx.block_at(start)
    kind = here[0] if here is not None else None
    starts, ordered = ctx.kind_starts(kind)
    limit = 0
    if ordered:  # (blocks in text order, as anatomy makes them: a binary search)
        last = bisect.bisect_right(starts, start) - 1
    else:
        last = max((i for i, s in enumerate(starts) if s <= start), default=-1)
    if last >= 0:
        limit = starts[max(0, last - 3)]
    attributions = ctx.found.attributions
    previous = sorted(
        (
            b
            for b in (attributions[k] for k in ctx.starting_in(limit, start))
            if b.id in ctx.done and _block_kind(ctx, b) == kind and keep(b)
        ),
        key=first_offset,
        reverse=True,
    )
    for b in previous:
        for nodes in ctx.done[b.id]:
            own = _own(nodes, ctx)
            first_media = next((i for i, n in enumerate(own) if n.type in _LEAN_TYPES), None)
            if first_media is None:
                continue
            if footage_only and own[first_media].type not in {"state_media", "footage"}:
                continue
            picked = own[first_media:] if media_from else own
            return _borrowed(picked)
    return []


_LEAN_TYPES = frozenset({"state_media", "news_agency", "public_broadcaster", "outlet", "footage"})


_QUOTED_SUBJECT = re.compile(
    r"(?:^|[,;:”\"’]\s*)(?P<np>[^,;:“”\"‘’]{2,120}?)\s+(?:was|were|is|are|has\s+been|had\s+been)\s+(?:quoted|cited)\s*$"
)
_QUOTE_LEAN = re.compile(r"\b(?:was|were|is|are|has\s+been|had\s+been)\s+(?:quoted|cited)\s+as\s+saying\b", re.IGNORECASE)


def quoted_subject(at: Attribution, ctx: Ctx, sent: Span) -> Node | None:
    """The subject of "X was quoted as saying" when the attribution finder gave no source."""
    for cs, _ in at.cue:
        q = _QUOTED_AT.match(ctx.text, cs)
        if q is not None:
            found = search_in(_QUOTED_SUBJECT, ctx.text, sent[0], q.end())
            if found is not None:
                return party_at(ctx, *found)
    return None


_QUOTED_AT = re.compile(r"(?:(?:was|were|is|are|has\s+been|had\s+been)\s+)?(?:quoted|cited)\b")


def depicting_medium(at: Attribution, ctx: Ctx, sent: Span) -> Node | None:
    """ "In a state media-run special, Kim is seen weeping": the medium of a sourceless depiction."""
    text = ctx.text
    if not any(m for m in _DEPICTION.finditer(text, sent[0], sent[1]) if not holds(at.content, m.start())):
        return None
    for m in ctx.reg.find(text[sent[0] : sent[1]]):
        a = sent[0] + m.start
        if not holds(at.content, a):
            return outlet_node(m.outlet, (a, sent[0] + m.end))
    for g in GENERIC_RE.finditer(text, sent[0], sent[1]):
        if not holds(at.content, g.start()) and STATE_WORDS.search(g.group("kind")):
            return generic_node(g.group("kind"), (g.start(), g.end()), text[sent[0] : g.start()].split()[-3:])
    return None


def agent_after_cue(at: Attribution, ctx: Ctx, sent: Span) -> Node | None:
    """ "speculation by some researchers", "was reported by Dyn": the agent after a sourceless cue."""
    end = max((e for _, e in at.cue), default=None)
    if end is None:
        return None
    m = re.match(r"\s+by\s+", ctx.text[end : sent[1]])
    if m is None:
        return None
    s = end + m.end()
    stop = TARGET_END.search(ctx.text, s, sent[1])
    nodes = target_nodes(ctx, s, stop.start() if stop else sent[1], "origin")
    return nodes[0] if nodes else None


def _block_kind(ctx: Ctx, at: Attribution) -> str | None:
    blk = ctx.block_at(first_offset(at))
    return blk[0] if blk is not None else None


def caption_nodes(at: Attribution, ctx: Ctx) -> list[Node]:
    """A caption's photo/video credit relays the caption's claims ("... on June 30. (Reuters)")."""
    blk = ctx.block_at(first_offset(at))
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
            return [credit_node(c, ctx.reg, CONF_CAPTION, ctx.found.entities) for c in group]
    return []


def quote_lead_relays(at: Attribution, ctx: Ctx) -> list[Node]:
    """Outlets named in the lead-in of a quoted paragraph that holds this cue.

    "According to the BBC:" followed by a paragraph that opens with a quote
    mark: what is said inside that paragraph came through the BBC.
    """
    start = first_offset(at)
    body, found = ctx.body_index(start)
    for i in [] if found is None else [found]:
        b = body[i]
        if i > 0:
            if ctx.text[b.start : b.end].lstrip()[:1] not in {'"', "“", "‘", "'"}:
                return []
            lead = ctx.text[body[i - 1].start : body[i - 1].end].rstrip()
            if not lead.endswith(":"):
                return []
            cut = max(lead.rfind(". ", 0, len(lead) - 1), lead.rfind("\n")) + 1
            own = {n.name for n in parties_of(at, ctx)[0]}
            return [
                outlet_node(m.outlet, (body[i - 1].start + cut + m.start, body[i - 1].start + cut + m.end), CONF_CONTEXT)
                for m in ctx.reg.find(lead[cut:])
                if m.outlet.name not in own
            ]
    return []


def date_nodes(chains: list[list[Node]], at: Attribution, ctx: Ctx, sent: Span) -> None:
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
        if s <= t.span[0] and t.span[1] <= e and not holds(content, t.span[0]):
            return t
    return None
