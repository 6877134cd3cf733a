"""Hops under construction, what every chain of one article shares, and their assembly into a ``Chain``.

A ``Node`` is a hop before its role is known; ``assemble`` orders the nodes
origin -> relays -> publisher, merges neighbours that are the same hop and
gives each its role.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field, replace

from ...model import SOURCE_TYPES, Attribution, Block, Chain, Entity, Hop, Span
from ...nlp import Parsed
from ...registry import NEWS_TYPES, Outlet, Registry
from .. import Found
from ..entities import mentions_near
from .spans import first_offset

PRODUCED_BY = "chains.rules/1"

# Confidence of hops that are not read directly off the attribution (hand-set;
# ordered by how much of the hop the text states, not tuned on data).
CONF_GENERIC = 0.8  # "state media": the text names the kind of relay, not which one
CONF_UNKNOWN_OUTLET = 0.7  # a capitalised name with a news word, not in the registry
CONF_CONTEXT = 0.6  # leaning on an earlier sentence's report
CONF_WIRE = 0.9  # the article is wire copy: every claim came through the wire
CONF_CAPTION = 0.8  # a caption's claim came with its photo credit
CONF_UNNAMED = 0.5  # the text names no source at all


@dataclass
class Node:
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


def outlet_node(o: Outlet, span: Span | None, confidence: float = 1.0) -> Node:
    return Node(
        name=o.name,
        type=o.type if o.type in SOURCE_TYPES else "outlet",
        span=span,
        country=o.country,
        state_controlled=o.state_controlled,
        confidence=confidence,
        key="outlet:" + o.name,
    )


_STARTS: dict[int, tuple[tuple[Block, ...], list[int] | None]] = {}


def _ordered_starts(blocks: tuple[Block, ...]) -> list[int] | None:
    """The starts of ``blocks`` when they are sorted and do not overlap, else None (cached per tuple)."""
    hit = _STARTS.get(id(blocks))
    if hit is not None and hit[0] is blocks:
        return hit[1]
    ok = all(a.end <= b.start and a.start <= a.end for a, b in itertools.pairwise(blocks))
    starts = [b.start for b in blocks] if ok else None
    if len(_STARTS) > 64:
        _STARTS.clear()
    _STARTS[id(blocks)] = (blocks, starts)
    return starts


_PRONOUNS = frozenset({"he", "she", "i", ""})


@dataclass
class Ctx:
    """What every chain of one article needs."""

    parsed: Parsed
    found: Found
    reg: Registry
    sentences: list[Span]
    publisher: Node
    wire: list[Node] = field(default_factory=list)
    by_id: dict[str, Attribution] = field(default_factory=dict)
    done: dict[str, list[list[Node]]] = field(default_factory=dict)
    registry_files: tuple[str, ...] = ()
    _body: tuple[Block, ...] | None = None
    _sent_starts: list[int] | None = None
    _cues: tuple[list[int], list[tuple[int, int, Span, str]]] | None = None
    _contents: tuple[list[int], list[tuple[int, int, int]], int] | None = None
    _sources: dict[Span, Attribution] | None = None
    _people: tuple[list[int], list[Attribution]] | None = None
    _extents: tuple[list[int], list[tuple[int, int, int]], int] | None = None
    _firsts: tuple[list[int], list[int]] | None = None
    _kind_starts: dict[str | None, tuple[list[int], bool]] = field(default_factory=dict)

    def cues_from(self, start: int, end: int) -> list[tuple[int, int, Span, str]]:
        """Every cue span starting in ``[start, end)`` as (attribution index, cue index, span, attribution
        id), in the order of the attributions and their cues (a binary search, not a scan of them all)."""
        if self._cues is None:
            table = sorted(
                (c[0], i, j, c, a.id) for i, a in enumerate(self.found.attributions) for j, c in enumerate(a.cue)
            )
            self._cues = ([r[0] for r in table], [(i, j, c, a_id) for _, i, j, c, a_id in table])
        starts, rows = self._cues
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        return sorted(rows[lo:hi])

    def source_at(self, s: int, e: int) -> Attribution | None:
        """The first attribution whose source runs exactly from ``s`` to ``e``."""
        if self._sources is None:
            self._sources = {}
            for a in self.found.attributions:
                if a.source:
                    self._sources.setdefault((a.source[0][0], a.source[-1][1]), a)
        return self._sources.get((s, e))

    def person_before(self, offset: int) -> Attribution | None:
        """The last attribution before ``offset`` whose source is a person the text names (not a pronoun)."""
        if self._people is None:
            rows = sorted(
                (a.source[-1][1], i, a) for i, a in enumerate(self.found.attributions)
                if a.source and a.source_type == "person" and (a.source_name or "").casefold() not in _PRONOUNS
            )
            self._people = ([r[0] for r in rows], [r[2] for r in rows])
        ends, people = self._people
        k = bisect.bisect_right(ends, offset)
        return people[k - 1] if k else None

    def starting_in(self, start: int, end: int) -> list[int]:
        """Indices (in order) of the attributions whose first span (``spans.first_offset``) starts in ``[start, end)``
        (a binary search, not a scan of them all)."""
        if self._firsts is None:
            rows = sorted((first_offset(a), i) for i, a in enumerate(self.found.attributions))
            self._firsts = ([r[0] for r in rows], [r[1] for r in rows])
        starts, idx = self._firsts
        return sorted(idx[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)])

    def kind_starts(self, kind: str | None) -> tuple[list[int], bool]:
        """The starts of the article's blocks of ``kind``, in the blocks' order, and whether they are sorted (read
        once per kind)."""
        got = self._kind_starts.get(kind)
        if got is None:
            starts = [b.start for b in self.parsed.article.blocks if b.kind == kind]
            got = self._kind_starts[kind] = (starts, all(a <= b for a, b in itertools.pairwise(starts)))
        return got

    def reaching_into(self, start: int, end: int) -> list[int]:
        """Indices (in order) of the attributions whose spans (source, cue and content, from the first start to the
        last end) reach into ``[start, end)`` (a binary search over where they start, back by the widest)."""
        if self._extents is None:
            rows = sorted(
                (min(s for s, _ in spans), max(e for _, e in spans), i)
                for i, a in enumerate(self.found.attributions) if (spans := [*a.source, *a.cue, *a.content])
            )
            widest = max((e - s for s, e, _ in rows), default=0)
            self._extents = ([r[0] for r in rows], rows, widest)
        starts, rows, widest = self._extents
        lo, hi = bisect.bisect_left(starts, start - widest), bisect.bisect_left(starts, end)
        return sorted(i for _s, e, i in rows[lo:hi] if e > start)

    def contents_holding(self, offset: int) -> list[int]:
        """Indices (in order) of the attributions with a content span holding ``offset``."""
        if self._contents is None:
            rows = sorted((s, e, i) for i, a in enumerate(self.found.attributions) for s, e in a.content)
            longest = max((e - s for s, e, _ in rows), default=0)
            self._contents = ([r[0] for r in rows], rows, longest)
        starts, rows, longest = self._contents
        lo, hi = bisect.bisect_left(starts, offset - longest), bisect.bisect_right(starts, offset)
        return sorted({i for s, e, i in rows[lo:hi] if s <= offset < e})
    """Attribution id -> its chains' nodes (publisher excluded), filled in text order."""

    @property
    def text(self) -> str:
        return self.parsed.text

    def sentence_of(self, offset: int) -> Span:
        sents = self.sentences
        if self._sent_starts is None:
            ordered = all(a[1] <= b[0] and a[0] <= a[1] for a, b in itertools.pairwise(sents))
            self._sent_starts = [s for s, _ in sents] if ordered else []
        if self._sent_starts or not sents:
            k = bisect.bisect_right(self._sent_starts, offset) - 1
            if k >= 0 and sents[k][0] <= offset < sents[k][1]:
                return sents[k]
            sents = []
        for s, e in sents:
            if s <= offset < e:
                return (s, e)
        # a cue outside the parsed blocks: its line
        t = self.text
        s = t.rfind("\n", 0, offset) + 1
        e = t.find("\n", offset)
        return (s, e if e >= 0 else len(t))

    def block_at(self, offset: int) -> tuple[str, int, int] | None:
        """The first block holding ``offset`` (a binary search when the blocks are in text order and
        do not overlap, as anatomy makes them; a scan otherwise)."""
        blocks = self.parsed.article.blocks
        starts = _ordered_starts(blocks)
        if starts is not None:
            k = bisect.bisect_right(starts, offset) - 1
            b = blocks[k] if k >= 0 else None
            return (b.kind, b.start, b.end) if b is not None and b.start <= offset < b.end else None
        for b in blocks:
            if b.start <= offset < b.end:
                return (b.kind, b.start, b.end)
        return None

    def body_index(self, offset: int) -> tuple[tuple[Block, ...], int | None]:
        """The body blocks, and the index of a body block after the first that holds ``offset`` (None
        when none does): the first such in list order, as a scan finds it."""
        body = self._body
        if body is None:
            body = self._body = tuple(b for b in self.parsed.article.blocks if b.kind == "body")
        starts = _ordered_starts(body)
        if starts is not None:
            k = bisect.bisect_right(starts, offset) - 1
            return body, (k if k > 0 and body[k].start <= offset < body[k].end else None)
        for i, b in enumerate(body):
            if b.start <= offset < b.end and i > 0:
                return body, i
        return body, None

    def entity_at(self, span: Span) -> Entity | None:
        s, e = span
        for ent, ms, me in mentions_near(self.found.entities, s, e):
            if ms < e and s < me:
                return ent
        return None


def assemble(att_id: str | None, nodes: list[Node], ctx: Ctx, confidence: float) -> Chain:
    """Hops origin -> ... -> publisher with duplicates merged and roles set."""
    pub = ctx.publisher
    seq: list[Node] = []
    for n in [*nodes, pub]:
        if seq and (seq[-1].key == n.key or (n is not pub and same(seq[-1], n))):
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
        seq = [n for n in seq[:-1] if not same(n, pub) or n is seq[0]] + [seq[-1]]
        if same(seq[0], pub) and len(seq) > 1:
            seq = seq[1:] if len(seq) > 2 else [seq[-1]]
    hops = []
    for i, n in enumerate(seq):
        role = "publisher" if i == len(seq) - 1 else "origin" if i == 0 else "relay"
        hops.append(n.hop(role))
    conf = min([confidence, *(h.confidence for h in hops)])
    return Chain(attribution=att_id, hops=tuple(hops), confidence=round(conf, 3), produced_by=PRODUCED_BY)


def same(a: Node, b: Node) -> bool:
    if a.key == b.key:
        return True
    if a.type == b.type and a.name.casefold() == b.name.casefold():
        return True  # "Human Rights Watch said" in its own release: the registry's publisher row and the entity
    if _bare(a.name) == _bare(b.name) and {a.type, b.type} <= _PRESS_TYPES:
        return True  # "according to The Brownsville Herald": the source's entity and the relay as written are one paper
    # "state media" next to "Korean Central Television": the generic names the same hop
    return (a.generic or b.generic) and a.type == b.type == "state_media"


_PRESS_TYPES = NEWS_TYPES | {"organization", "social_media"}


def _bare(name: str) -> str:
    return name.casefold().removeprefix("the ")
