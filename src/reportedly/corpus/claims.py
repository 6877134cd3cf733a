"""Claims across articles: claim groups (one claim as it recurs), their mentions, and hedge drift.

**Units.**  ``claim_units(report)`` reads one analysed article: every per-article claim
(``Report.claims``: an attribution's content, or a sentence in the outlet's voice) with its span,
level (asserted / attributed / hedged / disputed), attribution id and cues, plus every quotation
of at least ``claimtext.MIN_QUOTE_WORDS`` words that is not already a claim's span.  A claim in the
outlet's voice that lies inside quotation marks is *attributed* (a direct quote whose speech tag
is in another sentence).  Each unit keeps its origin: the innermost source of its attribution's
chain ("Korean Central Television", "Hong Min"), or the article's outlet for a claim in its voice.

**State.**  ``claim_state(item, report)`` is those units as compact bytes (pure; computed on any
worker); ``ClaimFinder`` reads only states and article texts, never reports.

**Decisions** (online, in ingest order, ``corpus.items``): ``ClaimFinder.add`` compares each unit
of a new article with the mentions of *earlier* articles of the same story (any claim:
``claimtext.same_claim``) and of every story (quotes only, verbatim or partial, through an index
of their word 5-grams).  The unit joins the group of its best match (highest score, then earliest
mention), or opens a group ``c<seq>-<n>`` (``n``: the unit's index in the article).  A group's
first article is its earliest mention by date, then by ingest; its origin is that mention's.

**Drift.**  When a unit joins a group, it is compared with the mention it matched: when their
certainty differs (``RANK``: asserted above attributed above hedged and disputed), a ``Drift``
runs from the earlier (by date, then ingest) to the later: *raised* when the later is more
certain, *lowered* otherwise, with the cues each side has that the other lacks.
"""

from __future__ import annotations

import datetime as dt
import json
import zlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import Report
from .claimtext import MIN_QUOTE_WORDS, Passage, passage, same_claim
from .items import Item

__all__ = [
    "RANK",
    "ClaimFinder",
    "ClaimUnit",
    "Drift",
    "Group",
    "Membership",
    "claim_state",
    "claim_units",
    "quote_regions",
    "read_claim_state",
]

STATE_VERSION = 1
RANK = {"asserted": 2, "attributed": 1, "hedged": 1, "disputed": 1}
"""Certainty of a level; two mentions of one claim drift when their ranks differ."""
MAX_STORY_MENTIONS = 5000
"""A story compares a new unit with at most its latest this many mentions."""
MAX_QUOTE_POSTING = 50
"""A quote 5-gram held by this many mentions proposes no more (a stock formula)."""

_OPEN = {"“": "”", '"': '"', "«": "»"}


@dataclass(frozen=True, slots=True)
class ClaimUnit:
    """One claim of one article: ``text[start:end]`` at ``level`` (see the module doc)."""

    start: int
    end: int
    level: str
    attribution: str | None
    cues: tuple[tuple[int, int], ...]
    origin_name: str | None
    origin_type: str | None
    quote: bool = False
    """A quotation (direct quote) rather than a per-article claim."""
    extent: tuple[int, int] | None = None
    """The whole attribution (source, cue and content) the claim belongs to: what matching reads."""

    @property
    def reach(self) -> tuple[int, int]:
        """The span matching reads: the attribution's extent, else the claim's span."""
        return self.extent or (self.start, self.end)


def quote_regions(text: str) -> list[tuple[int, int]]:
    """The spans inside quotation marks (curly pairs, or straight quotes taken in turns), marks excluded."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        close = _OPEN.get(ch)
        if close is None:
            i += 1
            continue
        j = text.find(close, i + 1)
        para = text.find("\n\n", i + 1)
        if j < 0 or (0 <= para < j and text.count(ch, i + 1, para) == 0 and close != '"'):
            j = para if para >= 0 else n  # a quote running to the end of its paragraph
        if j < 0 or j <= i + 1:
            i += 1
            continue
        out.append((i + 1, j))
        i = j + 1
    return out


def _inside(span: tuple[int, int], regions: Sequence[tuple[int, int]], text: str) -> bool:
    s, e = span
    core_s = s + (len(text[s:e]) - len(text[s:e].lstrip(" \"“”'‘’")))
    core_e = e - (len(text[s:e]) - len(text[s:e].rstrip(" .,\"“”'‘’")))
    return any(rs <= core_s and core_e <= re_ + 1 for rs, re_ in regions) if core_e > core_s else False


def claim_units(report: Report) -> list[ClaimUnit]:
    """The claim units of one analysed article, in text order (module doc)."""
    text = report.article.text
    origins: dict[str, tuple[str, str]] = {}
    for ch in report.chains:
        if ch.attribution and ch.hops:
            origins.setdefault(ch.attribution, (ch.hops[0].name, ch.hops[0].type))
    outlet = (report.article.outlet, "outlet") if report.article.outlet else (None, None)
    regions = quote_regions(text)
    extents = {
        a.id: (
            min(x[0] for x in a.source + a.cue + a.content),
            max(x[1] for x in a.source + a.cue + a.content),
        )
        for a in report.attributions
        if a.content
    }
    units: list[ClaimUnit] = []
    spans = set()
    for c in report.claims:
        span = (c.span[0], c.span[1])
        level = c.level
        if level == "asserted" and _inside(span, regions, text):
            level = "attributed"
        name, kind = origins.get(c.attribution or "", outlet) if c.attribution else outlet
        ext = extents.get(c.attribution or "")
        ext = (min(ext[0], span[0]), max(ext[1], span[1])) if ext else None
        units.append(ClaimUnit(span[0], span[1], level, c.attribution, tuple(c.cues), name, kind, False, ext))
        spans.add(span)
    for s, e in regions:
        if (s, e) in spans or len(passage(text[s:e]).words) < MIN_QUOTE_WORDS:
            continue
        owner = next(
            (a for a in report.attributions if any(cs <= s < ce or s <= cs < e for cs, ce in a.content)), None
        )
        name, kind = origins.get(owner.id, outlet) if owner else (None, None)
        units.append(
            ClaimUnit(
                s,
                e,
                "attributed",
                owner.id if owner else None,
                tuple(owner.cue) if owner else (),
                name,
                kind,
                True,
            )
        )
    units.sort(key=lambda u: (u.start, u.end))
    return units


def claim_state(item: Item, report: Report) -> bytes:
    """What the finder keeps of one article: its claim units, as compact bytes (pure)."""
    del item  # the state depends on the report only; the item is the contract's first argument
    rows = [
        [
            u.start,
            u.end,
            u.level,
            u.attribution,
            [list(c) for c in u.cues],
            u.origin_name,
            u.origin_type,
            int(u.quote),
        ]
        + (list(u.extent) if u.extent else [])
        for u in claim_units(report)
    ]
    return bytes([STATE_VERSION]) + zlib.compress(json.dumps(rows, separators=(",", ":")).encode())


def read_claim_state(state: bytes) -> list[ClaimUnit]:
    """The claim units of a ``claim_state``."""
    if not state or state[0] != STATE_VERSION:
        raise ValueError(f"not a claim state of version {STATE_VERSION} (recompute it with claim_state)")
    rows = json.loads(zlib.decompress(state[1:]))
    return [
        ClaimUnit(
            r[0],
            r[1],
            r[2],
            r[3],
            tuple((c[0], c[1]) for c in r[4]),
            r[5],
            r[6],
            bool(r[7]),
            (r[8], r[9]) if len(r) > 9 else None,
        )
        for r in rows
    ]


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
    """A claim group: its id, text, first mention and origin."""

    id: str
    text: str
    first_article_id: str
    first_seen: str | None
    origin_name: str | None
    origin_type: str | None
    key: tuple[int, int] = (0, 0)
    mentions: int = 0


@dataclass
class _Mention:
    group: str
    item_id: str
    key: tuple[int, int]
    """(publication day ordinal or a large number when unknown, seq): earlier sorts first."""
    unit: ClaimUnit
    passage: Passage
    cues: tuple[str, ...]
    story: str


def _ordinal(item: Item) -> int:
    try:
        return dt.date.fromisoformat(item.day).toordinal() if item.day else 10**7
    except ValueError:
        return 10**7


def _grams(p: Passage) -> set[tuple[str, ...]]:
    w = p.words
    return {w[i : i + MIN_QUOTE_WORDS] for i in range(len(w) - MIN_QUOTE_WORDS + 1)}


@dataclass
class _Memory:
    stories: dict[str, list[_Mention]] = field(default_factory=lambda: defaultdict(list))
    quotes: dict[tuple[str, ...], list[_Mention]] = field(default_factory=lambda: defaultdict(list))
    groups: dict[str, Group] = field(default_factory=dict)


class ClaimFinder:
    """Claim groups and drift decided online, in ingest order (module doc).

    ``restore(item, state, story_id, groups)`` for the traced articles in ``seq`` order (``groups``:
    the group ids ``add`` gave the article's units, in unit order; without them the decision is
    replayed, which is exact unless stories merged since), then ``add(item, state, story_id)`` for
    each new article; ``merge_story(absorbed, surviving)`` applies a story merge.
    """

    def __init__(self) -> None:
        self._m = _Memory()

    @property
    def groups(self) -> dict[str, Group]:
        """Every group so far, by id (first article and origin as of the articles seen)."""
        return self._m.groups

    def merge_story(self, absorbed: str, surviving: str) -> None:
        """Move the mentions of story ``absorbed`` into ``surviving`` (``StoryFinder.take_merges``)."""
        moved = self._m.stories.pop(absorbed, [])
        for m in moved:
            m.story = surviving
        self._m.stories[surviving].extend(moved)

    def restore(self, item: Item, state: bytes, story_id: str, groups: Sequence[str] | None = None) -> None:
        """Remember an article traced before (in ``seq`` order, before any ``add``)."""
        self._enter(item, state, story_id, groups)

    def add(self, item: Item, state: bytes, story_id: str) -> tuple[list[Membership], list[Drift]]:
        """The new article's memberships (one per unit) and its drift against earlier mentions."""
        return self._enter(item, state, story_id, None)

    def _enter(
        self, item: Item, state: bytes, story_id: str, given: Sequence[str] | None
    ) -> tuple[list[Membership], list[Drift]]:
        units = read_claim_state(state)
        if given is not None and len(given) != len(units):
            raise ValueError(f"{item.id}: {len(given)} group ids for {len(units)} claim units")
        key = (_ordinal(item), item.seq)
        new: list[_Mention] = []
        members: list[Membership] = []
        drifts: list[Drift] = []
        for n, u in enumerate(units):
            p = passage(item.text[u.reach[0] : u.reach[1]])
            cues = tuple(item.text[s:e].lower() for s, e in u.cues)
            best, partner = (None, None) if given is not None else self._best(p, story_id, new)
            gid = given[n] if given is not None else best.group if best else f"c{item.seq}-{n}"
            m = _Mention(gid, item.id, key, u, p, cues, story_id)
            group = self._m.groups.get(gid)
            if group is None:
                group = Group(
                    gid, item.text[u.start : u.end], item.id, item.day, u.origin_name, u.origin_type, key
                )
                self._m.groups[gid] = group
            elif key < group.key:
                group.first_article_id, group.first_seen, group.key = item.id, item.day, key
                group.origin_name, group.origin_type = u.origin_name, u.origin_type
            group.mentions += 1
            new.append(m)
            members.append(Membership(gid, item.id, n, u.start, u.end, u.level, u.attribution))
            if partner is not None:
                d = _drift(partner, m)
                if d is not None:
                    drifts.append(d)
        for m in new:
            self._m.stories[story_id].append(m)
            if m.unit.quote or m.unit.level != "asserted":
                for g in _grams(m.passage):
                    posting = self._m.quotes[g]
                    if len(posting) < MAX_QUOTE_POSTING:
                        posting.append(m)
        return members, drifts

    def _best(
        self, p: Passage, story_id: str, own: Sequence[_Mention]
    ) -> tuple[_Mention | None, _Mention | None]:
        """The mention whose group the unit joins, and the best match of another article in that group."""
        scored: list[tuple[float, tuple[int, int], int, _Mention]] = []
        seen: set[int] = set()
        pool = [*self._m.stories.get(story_id, [])[-MAX_STORY_MENTIONS:], *own]
        cross: list[_Mention] = []
        for g in _grams(p):
            cross.extend(m for m in self._m.quotes.get(g, ()) if m.story != story_id)
        for m, quotes_only in [(m, False) for m in pool] + [(m, True) for m in cross]:
            if id(m) in seen:
                continue
            seen.add(id(m))
            score = same_claim(p, m.passage, quotes_only=quotes_only)
            if score > 0:
                scored.append((-score, m.key, len(scored), m))
        if not scored:
            return None, None
        scored.sort(key=lambda t: t[:3])
        best = scored[0][3]
        partner = (
            next((t[3] for t in scored if t[3].group == best.group and t[3].item_id != own[0].item_id), None)
            if own
            else None
        )
        if partner is None and best not in own:
            partner = best
        return best, partner


def _drift(a: _Mention, b: _Mention) -> Drift | None:
    ra, rb = RANK.get(a.unit.level, 1), RANK.get(b.unit.level, 1)
    if ra == rb or a.item_id == b.item_id:
        return None
    up, down = (a, b) if a.key <= b.key else (b, a)
    direction = "raised" if RANK.get(down.unit.level, 1) > RANK.get(up.unit.level, 1) else "lowered"
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
        tuple(c for c in up.cues if c not in down.cues),
        tuple(c for c in down.cues if c not in up.cues),
    )
