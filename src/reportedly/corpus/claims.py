"""Claims across articles: claim groups (one claim as it recurs), their mentions, and hedge drift.

**Units.**  ``claim_units(report)`` reads one analysed article: every per-article claim
(``Report.claims``: an attribution's content, or a sentence in the outlet's voice) with its span,
level (asserted / attributed / hedged / disputed), attribution id and cues, plus every quotation
of at least ``claimtext.MIN_QUOTE_WORDS`` words that is not already a claim's span.  Each unit
keeps its origin: the innermost source of its attribution's chain ("Korean Central Television",
"Hong Min"), or the article's outlet for a claim in its voice.  The level is the per-article one,
corrected for what matters across articles (``claimlevel.unit_level``): a sentence in the outlet's
voice is *attributed* when it lies (mostly) inside quotation marks, wherever its speech tag is,
when it speaks in the first person, or when it holds a reporting cue ("a report by the Daily
Caller said ..."); a scoop credited ("first reported by") is *asserted*; an attribution to an act
("the court ruled", "officers found him") is marked ``act``.  Hedges come from the per-article
analysis ("reportedly", "claimed", and in noun phrases: "the alleged plot").

**State.**  ``claim_state(item, report)`` is those units as compact bytes (pure; computed on any
worker); ``ClaimFinder`` reads only states and article texts, never reports.

**Decisions** (online, in ingest order, ``corpus.items``): ``ClaimFinder.add`` compares each unit
of a new article with the mentions of *earlier* articles of the same story (any claim:
``claimtext.same_claim`` on the units' passages, or on the sentences they lie in, so that "the
president added that ... Mark Esper will be the new acting secretary" meets "President Trump said
that Army Secretary Mark Esper will step in to lead the Pentagon") and of every story (quotes
only, verbatim or partial, through an index of their word 5-grams).  The unit joins the group of
its best match: a mention of another article before one of its own, then the closest passages
(``claimtext.closeness``), the higher score, the earliest mention; or it opens a group
``c<seq>-<n>`` (``n``: the unit's index in the article).  A group's first article is its earliest
mention by date, then by ingest; its origin is that mention's.

**Drift.**  When a unit joins a group through a mention of another article, the two sentences are
compared: the certainty of a sentence in a group is the ``RANK`` of its units in that group
(asserted above attributed, hedged and disputed; an act's unit counts only alone, as both).  When
the two sentences share no rank, a ``Drift`` runs from the earlier (by date, then ingest) to the
later: *raised* when the later is more certain, *lowered* otherwise, with the cues each side has
that the other lacks.  One drift per pair of sentences.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from .claimindex import SMALL, StoryIndex, may_match, may_quote
from .claimlevel import quote_regions
from .claimtext import (
    MIN_QUOTE_WORDS,
    Passage,
    closeness,
    normal_words,
    passage,
    quoted_in,
    same_claim,
    sentence_spans,
    within_sentences,
)
from .claimunits import ClaimUnit, claim_state, claim_units, read_claim_state
from .items import Item
from .quoteindex import QuoteIndex

__all__ = [
    "RANK",
    "ClaimFinder",
    "ClaimUnit",
    "Drift",
    "Group",
    "Membership",
    "claim_state",
    "claim_units",
    "match_relation",
    "passages_of",
    "placed",
    "quote_regions",
    "read_claim_state",
    "unit_passages",
    "unit_words",
    "words_of",
]

RANK = {"asserted": 2, "attributed": 1, "hedged": 1, "disputed": 1}
"""Certainty of a level; two mentions of one claim drift when their ranks differ."""
MAX_STORY_MENTIONS = 5000
"""A story compares a new unit with at most its latest this many mentions."""
MAX_QUOTE_POSTING = 50
"""A quote 5-gram held by this many mentions proposes no more (a stock formula)."""


@dataclass(frozen=True, slots=True)
class Membership:
    """A unit of an article in a claim group (a row of ``claim_group_mentions``)."""

    group_id: str
    article_id: str
    unit: int
    """The unit's index in the article's state (pass the group ids back to ``restore`` in this order)."""
    start: int
    end: int
    level: str
    attribution: str | None
    partner: tuple[str, int, int] | None = None
    """The mention of another article the unit matched best in its group (article id, start, end), the
    pair ``corpus.trace`` records as a relay; None when the unit opened the group or matched only its
    own article (and on ``restore``)."""
    relation: str | None = None
    """How the unit's passage matches the partner's: ``verbatim_quote``, ``partial_quote`` or ``paraphrase``."""


def match_relation(a: Passage, b: Passage) -> str:
    """``verbatim_quote`` (one passage's words are the other's, give or take two), ``partial_quote``
    (a run of the other's) or ``paraphrase``."""
    if quoted_in(a, b):
        return "verbatim_quote" if abs(len(a.words) - len(b.words)) <= 2 else "partial_quote"
    return "paraphrase"


@dataclass(frozen=True, slots=True)
class Drift:
    """The same claim with different certainty in two articles (a row of ``drift``)."""

    group_id: str
    upstream_article_id: str
    upstream_start: int
    upstream_end: int
    upstream_level: str
    downstream_article_id: str
    downstream_start: int
    downstream_end: int
    downstream_level: str
    direction: str
    """raised (downstream more certain) or lowered."""
    upstream_cues: tuple[str, ...]
    """Cues of the upstream passage the downstream one lacks."""
    downstream_cues: tuple[str, ...]


@dataclass
class Group:
    """A claim group: its id, text (its first mention's: of the earliest article, by date then ingest),
    first mention and origin."""

    id: str
    text: str
    first_article_id: str
    first_seen: str | None
    origin_name: str | None
    origin_type: str | None
    key: tuple[int, int] = (0, 0)
    mentions: int = 0


@dataclass(slots=True)
class _Mention:
    group: str
    item_id: str
    key: tuple[int, int]
    """(publication day ordinal or a large number when unknown, seq): earlier sorts first."""
    unit: ClaimUnit
    passage: Passage
    cues: tuple[str, ...]
    story: str
    context: Passage | None = None
    """The sentence(s) the unit lies in: what paraphrase matching within a story reads."""
    where: tuple[int, int] = (0, 0)
    """The span of those sentences (units of one sentence in one group are one mention for drift)."""
    deferred: bool = False
    """Restored without its passages (``UNREAD``, ``context`` None): read when its story is (``ClaimFinder``)."""
    words: str | None = None
    """While only its words are read (a deferred unit indexed for quotes across stories): they, joined by
    NUL (``unit_words``).  The whole passage is read when its story is, or when a new unit quotes it."""


UnitPassages = tuple[Passage, Passage | None, tuple[int, int]]
"""What the finder reads of one claim unit: its passage (``ClaimUnit.reach``), the passage of the
sentence(s) it lies in, and their span."""

UnitWords = str | None
"""What a *deferred* restore reads of one claim unit at once: the words of a unit indexed for quotes
across stories (``_posted``), joined by NUL (one string: cheap to send between processes and to
keep), else None; the rest is read when a new article's story, or a quote, needs it."""

UNREAD = Passage((), frozenset(), frozenset(), frozenset())
"""The passage of a deferred unit, until its story is read (``ClaimFinder``: deferred restore)."""


def unit_passages(item: Item, state: bytes) -> list[UnitPassages]:
    """The passages of an article's claim units (pure: what ``ClaimFinder.add`` and ``restore`` would
    compute from the text, computed on any worker and passed to them)."""
    return passages_of(item, read_claim_state(state))


def unit_words(item: Item, state: bytes) -> list[UnitWords]:
    """What a deferred restore reads of an article's claim units (``UnitWords``; pure, like ``unit_passages``)."""
    return words_of(item, read_claim_state(state))


def words_of(item: Item, units: Sequence[ClaimUnit]) -> list[UnitWords]:
    """``unit_words`` of the units already read from the state."""
    return [
        "\x00".join(normal_words(item.text[u.reach[0] : u.reach[1]])) if _posted(u) else None for u in units
    ]


def _posted(u: ClaimUnit) -> bool:
    """Whether the unit is indexed for quotes across stories (by its word 5-grams)."""
    return u.quote or u.level != "asserted"


def placed(item: Item, units: list[ClaimUnit]) -> list[ClaimUnit]:
    """The units with the span of their sentences (``ClaimUnit.where``), computed from the text for
    those read from a state of version 2 (the same list when none is)."""
    if all(u.where for u in units):
        return units
    sentences = sentence_spans(item.text)
    return [u if u.where else u._replace(where=within_sentences(sentences, u.start, u.end)) for u in units]


def passages_of(item: Item, units: Sequence[ClaimUnit]) -> list[UnitPassages]:
    """``unit_passages`` of the units already read from the state."""
    contexts: dict[tuple[int, int], Passage] = {}
    out: list[UnitPassages] = []
    for u in placed(item, list(units)):
        where = u.where or (u.start, u.end)  # (set by ``placed``)
        ctx = contexts.get(where)
        if ctx is None:  # units of one sentence share it
            ctx = contexts[where] = passage(item.text[where[0] : where[1]])
        out.append((passage(item.text[u.reach[0] : u.reach[1]]), ctx, where))
    return out


@dataclass
class _Memory:
    stories: dict[str, list[_Mention]] = field(default_factory=lambda: defaultdict(list))
    quotes: QuoteIndex[_Mention] = field(default_factory=lambda: QuoteIndex(MAX_QUOTE_POSTING))
    """The mentions indexed for quotes across stories (``_posted``), by their runs of 5 words."""
    groups: dict[str, Group] = field(default_factory=dict)
    index: dict[str, StoryIndex] = field(default_factory=dict)
    """The candidate index of each story of ``claimindex.SMALL`` mentions or more (built when first needed)."""
    unread: set[str] = field(default_factory=set)
    """Stories holding deferred mentions."""
    checked: dict[int, tuple[Passage, set[int]]] = field(default_factory=dict)
    """The units of the last ``prepare`` (by id, held so that their ids stay theirs), with the bare
    mentions compared with each (those still bare are no quote of it: their words never change)."""


class ClaimFinder:
    """Claim groups and drift decided online, in ingest order (module doc).

    ``restore(item, state, story_id, groups)`` for the traced articles in ``seq`` order (``groups``:
    the group ids ``add`` gave the article's units, in unit order; without them the decision is
    replayed, which is exact unless stories merged since), then ``add(item, state, story_id)`` for
    each new article; ``merge_story(absorbed, surviving)`` applies a story merge.

    A restore may be *deferred* (``words``: ``unit_words``, with the groups): a new
    article compares its units with the mentions of its own story, and with the quotes of every
    story, so only the words of the latter are read at once (for the index of their 5-grams); a
    story's other passages are read (its articles' texts through ``fetch``) when a new article first
    needs them, and a quote's whole passage when a new unit quotes it or it quotes the unit (words
    compared first: ``claimtext.quoted_in``; ``prepare`` reads those of a chunk's units in one
    fetch).  The decisions are the same.
    """

    def __init__(self, fetch: Callable[[Sequence[str]], Mapping[str, Item]] | None = None) -> None:
        self._m = _Memory()
        self._fetch = fetch

    @property
    def groups(self) -> dict[str, Group]:
        """Every group so far, by id (first article and origin as of the articles seen)."""
        return self._m.groups

    def merge_story(self, absorbed: str, surviving: str) -> None:
        """Move the mentions of story ``absorbed`` into ``surviving`` (``StoryFinder.take_merges``)."""
        if absorbed in self._m.unread or surviving in self._m.unread:
            if absorbed in self._m.index or surviving in self._m.index:  # an index reads every passage
                self._read(absorbed)
                self._read(surviving)
            elif absorbed in self._m.unread:
                self._m.unread.discard(absorbed)
                self._m.unread.add(surviving)
        moved = self._m.stories.pop(absorbed, [])
        for m in moved:
            m.story = surviving
        kept = self._m.stories[surviving]
        # The order of a story's list across articles decides nothing (candidates are ranked by their
        # article's key, the window is the latest by ingest: ``claimindex``), so the smaller list is
        # appended to the larger, and its index moved along, as cheaply as possible.
        first, then = (kept, moved) if len(kept) >= len(moved) else (moved, kept)
        ix_first = self._m.index.pop(surviving if first is kept else absorbed, None)
        ix_then = self._m.index.pop(absorbed if first is kept else surviving, None)
        if ix_first is not None or ix_then is not None:
            ix = ix_first or _indexed(first)
            ix.absorb(ix_then or _indexed(then))
            self._m.index[surviving] = ix
        self._m.stories[surviving] = [*first, *then]

    def restore(
        self,
        item: Item,
        state: bytes,
        story_id: str,
        groups: Sequence[str] | None = None,
        passages: Sequence[UnitPassages] | None = None,
        units: Sequence[ClaimUnit] | None = None,
        words: Sequence[UnitWords] | None = None,
    ) -> None:
        """Remember an article traced before (in ``seq`` order, before any ``add``).

        ``passages``: ``unit_passages(item, state)`` when computed elsewhere (a worker process); or
        ``words`` (``unit_words(item, state)``, with ``groups`` and a ``fetch``) for a deferred
        restore; ``units``: ``read_claim_state(state)`` when read already."""
        self._enter(item, state, story_id, groups, passages, units, words)

    def add(
        self,
        item: Item,
        state: bytes,
        story_id: str,
        passages: Sequence[UnitPassages] | None = None,
        units: Sequence[ClaimUnit] | None = None,
    ) -> tuple[list[Membership], list[Drift]]:
        """The new article's memberships (one per unit) and its drift against earlier mentions."""
        return self._enter(item, state, story_id, None, passages, units)

    def _enter(
        self,
        item: Item,
        state: bytes,
        story_id: str,
        given: Sequence[str] | None,
        passages: Sequence[UnitPassages] | None = None,
        units: Sequence[ClaimUnit] | None = None,
        words: Sequence[UnitWords] | None = None,
    ) -> tuple[list[Membership], list[Drift]]:
        if units is None:
            units = read_claim_state(state)
        deferred = words is not None
        if words is not None:
            if given is None or self._fetch is None:
                raise ValueError(f"{item.id}: a deferred restore needs the group ids and a fetch")
            if len(words) != len(units):
                raise ValueError(f"{item.id}: the words of {len(words)} units for {len(units)} claim units")
            units = placed(item, list(units))
            prepared: Sequence[UnitPassages] = [(UNREAD, None, u.where or (u.start, u.end)) for u in units]
        else:
            prepared = passages if passages is not None else passages_of(item, units)
            words = [None] * len(units)
        if given is not None and len(given) != len(units):
            raise ValueError(f"{item.id}: {len(given)} group ids for {len(units)} claim units")
        if len(prepared) != len(units):
            raise ValueError(f"{item.id}: {len(prepared)} passages for {len(units)} claim units")
        key = item.when
        text, day, groups = item.text, item.day, self._m.groups
        new: list[_Mention] = []
        members: list[Membership] = []
        candidates: list[tuple[_Mention, _Mention]] = []
        for n, u in enumerate(units):
            p, ctx, where = prepared[n]
            cues = tuple([text[s:e].lower() for s, e in u.cues]) if u.cues else ()
            best, partner = (None, None) if given is not None else self._best(p, story_id, new, ctx)
            gid = given[n] if given is not None else best.group if best else f"c{item.seq}-{n}"
            m = _Mention(gid, item.id, key, u, p, cues, story_id, ctx, where, deferred, words[n])
            group = groups.get(gid)
            if group is None:
                group = groups[gid] = Group(
                    gid, text[u.start : u.end], item.id, day, u.origin_name, u.origin_type, key
                )
            elif key < group.key:  # an earlier article: the group's text and origin become its mention's
                group.first_article_id, group.first_seen, group.key = item.id, day, key
                group.origin_name, group.origin_type = u.origin_name, u.origin_type
                group.text = text[u.start : u.end]
            group.mentions += 1
            new.append(m)
            if given is not None:  # a restore: nothing to return
                continue
            members.append(
                Membership(gid, item.id, n, u.start, u.end, u.level, u.attribution)
                if partner is None
                else Membership(
                    gid,
                    item.id,
                    n,
                    u.start,
                    u.end,
                    u.level,
                    u.attribution,
                    (partner.item_id, partner.unit.start, partner.unit.end),
                    match_relation(p, partner.passage),
                )
            )
            if partner is not None:
                candidates.append((partner, m))
        drifts = _drifts(candidates, new, self._m)
        if deferred:
            self._m.unread.add(story_id)
            self._m.index.pop(story_id, None)  # rebuilt when first needed, from every passage
        self._m.stories[story_id].extend(new)
        ix = self._m.index.get(story_id)
        for m in new:
            if ix is not None:
                ix.add(m.passage, m.context, m.key[1])
            if m.words is not None:
                self._m.quotes.add_joined(m.words, m)
            elif _posted(m.unit):
                self._m.quotes.add(m.passage.words, m)
        return members, drifts

    def _candidates(self, p: Passage, ctx: Passage | None, story_id: str) -> list[_Mention]:
        """The mentions among the story's latest ``MAX_STORY_MENTIONS`` (by ingest) that may be the same claim
        as the unit, in list order (``claimindex``: every mention ``same_claim`` accepts is among them)."""
        self._read(story_id)
        story = self._m.stories.get(story_id, [])
        if len(story) < SMALL:
            return [m for m in story[-MAX_STORY_MENTIONS:] if _may(p, ctx, m)]
        ix = self._m.index.get(story_id)
        if ix is None:
            ix = self._m.index[story_id] = _indexed(story)
        return [story[i] for i in ix.candidates(p, ctx, MAX_STORY_MENTIONS)]

    def _read(self, story_id: str) -> None:
        """Read the passages of a story's deferred mentions (its articles' texts through ``fetch``)."""
        if story_id not in self._m.unread:
            return
        self._m.unread.discard(story_id)
        waiting: dict[str, list[_Mention]] = defaultdict(list)
        for m in self._m.stories.get(story_id, ()):
            if m.deferred:
                waiting[m.item_id].append(m)
        assert self._fetch is not None  # deferred mentions exist only with a fetch (``_enter``)
        texts = self._fetch(sorted(waiting))
        for item_id, ms in waiting.items():
            read = passages_of(texts[item_id], [m.unit for m in ms])
            for m, (p, ctx, _) in zip(ms, read, strict=True):
                m.passage, m.context, m.deferred, m.words = p, ctx, False, None

    def prepare(self, passages: Sequence[Passage]) -> None:
        """Read at once the whole passages of the bare mentions that these units' quote 5-grams meet (the
        units of the next articles to ``add``: one fetch instead of one per mention).  Optional: the
        decisions are the same without it."""
        hit: dict[int, _Mention] = {}
        self._m.checked = {}
        for p in passages:
            met: set[int] = set()
            joined = "\x00".join(p.words)
            for m in self._m.quotes.found(p.words):
                if m.words is not None and id(m) not in met:
                    met.add(id(m))
                    if _quoted(joined, m.words):
                        hit[id(m)] = m
            self._m.checked[id(p)] = (p, met)
        self._whole(list(hit.values()))

    def _whole(self, mentions: Sequence[_Mention]) -> None:
        """Read the whole passages of bare mentions (their articles' texts through ``fetch``)."""
        if not mentions:
            return
        assert self._fetch is not None  # bare mentions exist only with a fetch (``_enter``)
        texts = self._fetch(sorted({m.item_id for m in mentions}))
        for m in mentions:
            s, e = m.unit.reach
            m.passage, m.words = passage(texts[m.item_id].text[s:e]), None

    def _cross(self, p: Passage, story_id: str) -> list[_Mention]:
        """The quote mentions of other stories that share a word 5-gram with the unit and may be a
        quote of it or it of them (``claimindex.may_quote``), each once, in the order found."""
        out: list[_Mention] = []
        seen: set[int] = set()
        checked = self._m.checked.get(id(p), (p, set()))[1]  # compared by ``prepare``: no quote if still bare
        joined: str | None = None
        for m in self._m.quotes.found(p.words):  # in text order: the same order in every process
            if m.story != story_id and id(m) not in seen:
                seen.add(id(m))
                if m.words is not None:  # read whole if a quote of it or it of one (else it cannot score)
                    if joined is None:
                        joined = "\x00".join(p.words)
                    if id(m) in checked or not _quoted(joined, m.words):
                        continue
                    self._whole([m])
                if may_quote(p, m.passage):
                    out.append(m)
        return out

    def _best(
        self, p: Passage, story_id: str, own: Sequence[_Mention], ctx: Passage | None = None
    ) -> tuple[_Mention | None, _Mention | None]:
        """The mention whose group the unit joins, and the best match of another article in that group.

        Within the story a mention matches when its passage, or its sentence (``ctx``), is the same
        claim as the unit's (``claimtext.same_claim``); across stories only as a quote.  A mention
        of an earlier article is preferred to one of the unit's own article (the link between
        articles is what the groups are for), then the closest passages (``claimtext.closeness``), the
        higher score, the earlier mention.
        """
        scored: list[tuple[bool, float, float, tuple[int, int], int, _Mention]] = []
        seen: set[int] = set()
        mine = {id(m) for m in own}
        pool = [*self._candidates(p, ctx, story_id), *(m for m in own if _may(p, ctx, m))]
        cross = self._cross(p, story_id)
        for m, quotes_only in [(m, False) for m in pool] + [(m, True) for m in cross]:
            if id(m) in seen:
                continue
            seen.add(id(m))
            score = same_claim(p, m.passage, quotes_only=quotes_only)
            close = closeness(p, m.passage) if score else 0.0
            if not quotes_only and ctx is not None and m.context is not None:
                wide = same_claim(ctx, m.context)
                if wide:
                    score, close = max(score, wide), max(close, closeness(ctx, m.context))
            if score > 0:
                scored.append((id(m) in mine, -close, -score, m.key, len(scored), m))
        if not scored:
            return None, None
        scored.sort(key=lambda t: t[:5])
        best = scored[0][5]
        partner = next((t[5] for t in scored if t[5].group == best.group and not t[0]), None)
        return best, partner


def _quoted(a: str, b: str) -> bool:
    """``claimtext.quoted_in`` of two passages, given their words joined by NUL: one's words a run of
    the other's (words are never empty and hold no NUL, so a run is a substring between NULs)."""
    na, nb = (a.count("\x00") + 1 if a else 0), (b.count("\x00") + 1 if b else 0)
    short, n, long_ = (a, na, b) if na <= nb else (b, nb, a)
    if n < MIN_QUOTE_WORDS:
        return bool(short) and short == long_
    return f"\x00{short}\x00" in f"\x00{long_}\x00"


def _indexed(mentions: Sequence[_Mention]) -> StoryIndex:
    ix = StoryIndex()
    for m in mentions:
        ix.add(m.passage, m.context, m.key[1])
    return ix


def _may(p: Passage, ctx: Passage | None, m: _Mention) -> bool:
    """Whether the mention may be the same claim as a unit of this passage and sentence (``claimindex``)."""
    return may_match(p, m.passage) or (
        ctx is not None and m.context is not None and may_match(ctx, m.context)
    )


def _ranks(unit: ClaimUnit) -> frozenset[int]:
    """The certainty ranks a unit is compatible with (an act: both the outlet's voice and an attribution)."""
    if unit.act:
        return frozenset({RANK["asserted"], RANK["attributed"]})
    return frozenset({RANK.get(unit.level, 1)})


def _sentence_ranks(mentions: Sequence[_Mention]) -> frozenset[int]:
    """The certainty of a sentence's units in one group: their ranks, an act's only when there is
    nothing else ("captured ... when officers found him" is the outlet's voice)."""
    plain = [x for x in mentions if not x.unit.act]
    return frozenset().union(*(_ranks(x.unit) for x in plain or mentions))


def _drifts(
    candidates: Sequence[tuple[_Mention, _Mention]], new: Sequence[_Mention], memory: _Memory
) -> list[Drift]:
    """The drift of a new article's mentions against the mentions they matched, sentence by sentence.

    The units of one sentence in one group are one mention: "Records are kept by the NFPA, which
    lists ..." holds an outlet-voice unit and an attributed one, and it drifts from an earlier
    sentence only when no unit of either sentence has the other's certainty.  One drift per pair
    of sentences.
    """
    out: list[Drift] = []
    done: set[tuple[str, str, tuple[int, int], tuple[int, int]]] = set()
    for partner, m in candidates:
        k = (m.group, partner.item_id, partner.where, m.where)
        if k in done:
            continue
        done.add(k)
        if _ranks(partner.unit) & _ranks(m.unit) and not (partner.unit.act or m.unit.act):
            continue  # their sentences' other units can only add ranks: no drift
        mine = [x for x in new if x.group == m.group and x.where == m.where]
        theirs = [
            x
            for x in memory.stories.get(partner.story, ())
            if x.item_id == partner.item_id and x.group == m.group and x.where == partner.where
        ] or [partner]
        d = _drift(partner, m, theirs, mine)
        if d is not None:
            out.append(d)
    return out


def _drift(
    a: _Mention, b: _Mention, peers_a: Sequence[_Mention] = (), peers_b: Sequence[_Mention] = ()
) -> Drift | None:
    """The drift between mentions ``a`` and ``b`` of one group (each with the units of its sentence
    in that group, ``peers``), from the earlier to the later, or None when their certainty agrees."""
    peers_a, peers_b = peers_a or [a], peers_b or [b]
    ranks_a, ranks_b = _sentence_ranks(peers_a), _sentence_ranks(peers_b)
    if ranks_a & ranks_b or a.item_id == b.item_id:
        return None
    (up, up_peers), (down, down_peers) = sorted([(a, peers_a), (b, peers_b)], key=lambda t: t[0].key)
    direction = "raised" if max(_ranks(down.unit)) > max(_ranks(up.unit)) else "lowered"
    up_cues = list(dict.fromkeys(c for x in up_peers for c in x.cues))
    down_cues = list(dict.fromkeys(c for x in down_peers for c in x.cues))
    return Drift(
        a.group,
        up.item_id,
        up.unit.start,
        up.unit.end,
        up.unit.level,
        down.item_id,
        down.unit.start,
        down.unit.end,
        down.unit.level,
        direction,
        tuple(c for c in up_cues if c not in down_cues),
        tuple(c for c in down_cues if c not in up_cues),
    )
