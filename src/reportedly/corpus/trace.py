"""Trace a store: decide the stories, copies, claims and relays of every article not traced yet, and write them.

``trace(store)`` reads the articles no earlier run traced, in ingest order (``articles.seq``),
computes each one's states (pure functions of the article: ``stories.story_state``,
``copies.copy_state``, and from its stored report ``claims.claim_state`` and
``relayfinder.relay_state``), run on the chosen engine (this process, a pool of worker processes,
or Dask), then decides, article after article:

1. its copies of earlier articles (``CopyFinder.add_many``);
2. its *thread*, the online story finder's story (``StoryFinder.add``), and the thread merges it
   causes, which are applied at once to the claim and relay finders (``merge_story``);
3. its claim groups and hedge drift (``ClaimFinder.add``, against the mentions of earlier articles
   of its thread, and verbatim quotes of every thread);
4. its relays (``relayfinder``): credits resolved to stored articles of its thread, the mentions
   its claims matched, and its copies;

and at the end of each chunk the *stories* written to ``story_articles``: average link over the
pairs the story finder scored (``storylinks``), decided again for the components of the pair graph
that the chunk's articles touched (so a new article may regroup earlier ones; a story never spans two
components, so this equals deciding the whole graph).

The per-article states are computed by ``tracestates``.  Each chunk of ``CHUNK`` articles is
written in ONE transaction with the states (``trace_state``, ``claim_state``: the finders' memory,
so that the next run restores them without recomputing anything).  Hence:

- a run with nothing new writes nothing;
- a run after an ingest compares only the new articles with the traced ones (the finders'
  candidate indexes, never all pairs), and reads of the traced claims at once only what any new
  article may meet (the words of quotes across stories); a story's other passages are read when a
  new article joins it, a quote's when a new article quotes it (``ClaimFinder``, deferred restore);
- a run killed at any moment loses only the chunk in flight, and the next run resumes;
- tracing after every ingest gives exactly the tables of one trace over the same store (the
  finders decide online, see ``items``), and every engine gives the same tables.

**A store traced before the claim layer** (schema 4) has trace states but no claim states.  The
next trace computes them: it *replays* the thread decisions of the traced articles from their
stored states (``StoryFinder.add``, checking that every article lands in its stored thread), so
that the claims of each traced article are decided against its thread as it stood then, exactly as
a trace from scratch would, in chunks (a killed run resumes), before the new articles.  **A store
traced before the story links** (schema 5: its ``story_articles`` held the threads) is replayed the
same way, even with nothing new; the replay stores each article's thread and scored pairs and the
average-link stories in one transaction.

The tables are the corpus contract's ``story_articles``, ``copies`` (with the wire credits the
per-article analysis found in the copy and in its source), ``claim_groups``,
``claim_group_mentions``, ``relays`` and ``drift``, plus ``story_labels`` (the most central
article of each story, which the ``stories`` view takes the label from).  Reading and writing them:
``tracestore``; the engine: ``traceengine``.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from ..batch import peak_rss_mb
from ..errors import ReportedlyError
from ..store import Store
from .claims import ClaimFinder, Group, Membership
from .copies import Copy, CopyFinder
from .items import Item
from .relayfinder import RelayFinder, RelayRow, shared_stretch
from .storylinks import LinkedStories
from .traceengine import Engine, ahead
from .tracestates import Claimed, Reading, State, start_passages, start_states
from .tracestore import (
    Chunk,
    ClaimRows,
    Traced,
    claims_missing,
    forget,
    links_missing,
    read_items,
    report_dicts,
    resolved_credits,
    stored_copies,
    traced,
    untraced,
    write,
    write_threads,
)

__all__ = ["CHUNK", "TraceStats", "forget", "read_items", "trace", "untraced"]

CHUNK = 1000
"""Articles decided and written per transaction."""
RESTORE_BATCH = 2000
"""Traced articles read (texts included) and restored at a time."""


@dataclass
class TraceStats:
    """What one ``trace`` run did."""

    traced: int = 0
    """Articles traced by this run."""
    before: int = 0
    """Articles traced by earlier runs."""
    stories: int = 0
    """Stories this run opened."""
    copies: int = 0
    """Copies this run found."""
    merges: int = 0
    """Stories this run merged into others."""
    failed: int = 0
    """Articles whose states could not be computed (traced as empty texts; recorded in ``errors``)."""
    claim_groups: int = 0
    """Claim groups carried by two articles or more, in the whole store after this run."""
    mentions: int = 0
    """Claim mentions this run wrote (one per claim unit of each article)."""
    relays: int = 0
    """Relays this run found (cites, quotes and paraphrases, wire copies)."""
    drift: int = 0
    """Hedge drift cases this run found."""
    caught_up: int = 0
    """Articles traced before the claim layer whose claims this run decided (``trace`` module doc)."""
    relinked: int = 0
    """Articles traced before the story links whose threads, links and stories this run stored."""
    seconds: float = 0.0
    restore_seconds: float = 0.0
    read_seconds: float = 0.0
    """Reading the articles and their reports."""
    state_seconds: float = 0.0
    """Waiting for the engine's per-article states."""
    decide_seconds: float = 0.0
    """Deciding copies, stories, claims and relays (this process)."""
    write_seconds: float = 0.0
    peak_mb: float = 0.0

    def line(self) -> str:
        """One line for the terminal."""
        if not self.traced and not self.caught_up:
            relinked = (
                f"stored the story links and stories of {self.relinked} articles traced before them; "
                if self.relinked
                else ""
            )
            return f"{relinked}nothing new to trace ({self.before} articles traced)"
        head = (
            f"traced {self.traced} new articles ({self.before} traced before): {self.stories} stories opened"
            + (f", {self.merges} merged into others" if self.merges else "")
            + f", {self.copies} copies"
        )
        if self.caught_up:
            head = f"decided the claims of {self.caught_up} articles traced before the claim layer; " + head
        return (
            head
            + f", {self.mentions} claim mentions, {self.relays} relays, {self.drift} drift cases"
            + f" ({self.claim_groups} claim groups across articles in all)"
            + (f", {self.failed} articles failed (see the errors table, stage trace)" if self.failed else "")
            + f", in {self.seconds:.1f} s"
        )


# --- deciding -----------------------------------------------------------------------------------------


class _Claims:
    """The claim and relay finders, and what the trace keeps beside them (each article's key)."""

    def __init__(self, store: Store) -> None:
        self.claims = ClaimFinder(lambda ids: read_items(store, ids))
        self.relays = RelayFinder(lambda ids: read_items(store, ids))
        self.keys: dict[str, tuple[int, int]] = {}

    def merge(self, merges: Sequence[tuple[str, str]]) -> None:
        for absorbed, survivor in merges:
            self.claims.merge_story(absorbed, survivor)
            self.relays.merge_story(absorbed, survivor)

    def restore(
        self, t: Traced, story: str, resolved: set[tuple[str, int, int, str]], reading: Reading
    ) -> None:
        assert t.claim_state is not None and t.relay_state is not None
        self.keys[t.item.id] = t.item.when
        self.claims.restore(
            t.item, t.claim_state, story, t.groups or [], reading.passages, reading.units, reading.words
        )
        self.relays.restore(t.item, t.relay_state, story, resolved)

    def add(self, item: Item, claimed: Claimed, story: str, found: Sequence[Copy], out: ClaimRows) -> None:
        """Decide one article's claims and relays; append its rows to ``out``."""
        self.keys[item.id] = item.when
        members, drifts = self.claims.add(
            item, claimed.claim_state, story, claimed.passages, claimed.claim_units
        )
        out.states.append(
            (item.id, item.seq, claimed.claim_state, claimed.relay_state, [m.group_id for m in members])
        )
        for m in members:
            quote, origin_name, origin_type, cues = claimed.units[m.unit]
            out.mentions.append(
                (
                    m.group_id,
                    m.article_id,
                    m.attribution,
                    m.start,
                    m.end,
                    m.level,
                    m.unit,
                    quote,
                    origin_name,
                    origin_type,
                    cues,
                )
            )
            self._group(m, quote, out)
        out.drifts.extend(drifts)
        out.relays.extend(self.relays.add(item, claimed.relay_state, story))
        out.relays.extend(self._matched(item, members))
        out.relays.extend(self._copied(found))

    def _group(self, m: Membership, quote: bool, out: ClaimRows) -> None:
        out.touched.add(m.group_id)
        kind = "quote" if quote else "attributed" if m.attribution else "statement"
        out.firsts.setdefault((m.group_id, m.article_id), (kind, m.start, m.end))

    def finish(self, out: ClaimRows) -> None:
        """The rows of the groups the chunk touched, as they stand after it: the first mention's kind and
        span when the first article is of this chunk (else the stored ones are kept)."""
        for gid in sorted(out.touched):
            g: Group = self.claims.groups[gid]
            kind, s, e = out.firsts.get((gid, g.first_article_id), (None, None, None))
            out.groups[gid] = (
                g.id,
                g.text,
                g.first_article_id,
                g.first_seen,
                g.origin_name,
                g.origin_type,
                kind,
                s,
                e,
            )

    def _matched(self, item: Item, members: Sequence[Membership]) -> list[RelayRow]:
        """A relay per claim unit that matched a mention of another article: from the later to the earlier.

        When several units of the new article matched one passage of a later article (a line repeated
        down the page), that passage gets one relay from this article: the first unit's."""
        out: list[RelayRow] = []
        seen: set[tuple[str, int, int, str]] = set()
        mine = self.keys[item.id]
        for m in members:
            if m.partner is None or m.relation is None:
                continue
            other, s, e = m.partner
            if self.keys.get(other, (10**7, 10**12)) < mine:
                row = RelayRow(item.id, m.start, m.end, other, s, e, m.relation, group_id=m.group_id)
            else:
                row = RelayRow(other, s, e, item.id, m.start, m.end, m.relation, group_id=m.group_id)
            if (k := (row.article_id, row.start, row.end, row.relation)) not in seen:
                seen.add(k)
                out.append(row)
        return out

    def _copied(self, found: Sequence[Copy]) -> list[RelayRow]:
        """A wire-copy relay per copy: over the stretch of each text the shared runs of words cover."""
        if not found:
            return []
        texts = self.relays.texts(
            sorted({c.article_id for c in found} | {c.source_article_id for c in found})
        )
        out = []
        for c in found:
            a, b = texts.get(c.article_id), texts.get(c.source_article_id)
            if a is None or b is None:
                continue
            stretch = shared_stretch(a.reading, b.reading)
            (sa, ea), (sb, eb) = stretch or ((0, len(a.text)), (0, len(b.text)))
            out.append(
                RelayRow(
                    c.article_id, sa, ea, c.source_article_id, sb, eb, "wire_copy", score=round(c.share, 4)
                )
            )
        return out


def trace(
    store: Store,
    *,
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
    chunk: int = CHUNK,
    on_chunk: Callable[[int, int], None] | None = None,
    rebuild: bool = False,
) -> TraceStats:
    """Trace the articles of ``store`` not traced yet (see the module docstring); returns what it did.

    ``engine``: ``local`` (this process, or a pool of ``workers`` processes) or ``dask`` (a local
    cluster of ``workers`` processes, or the one at ``scheduler``).  ``on_chunk(done, total)`` is
    called after each chunk is written.  ``rebuild`` first forgets every earlier trace (``forget``),
    as after an upgrade that changed the finders: a trace whose stored states another version
    wrote raises ``ReportedlyError`` asking for it.  Raises ``StoreError`` when the store cannot be read or
    written (what was written before stays), ``ReportedlyError`` for an unusable engine.
    """
    t0 = time.perf_counter()
    stats = TraceStats()
    if rebuild:
        forget(store)
    new = untraced(store)
    missing = claims_missing(store)
    relink = links_missing(store)
    if not new and not missing and not relink:  # nothing to decide: not even the finders' memory is read
        with store.guard("read the trace state"):
            stats.before = int(store.con.execute("SELECT count(*) FROM trace_state").fetchall()[0][0])
        stats.seconds = time.perf_counter() - t0
        return stats
    stories, copies = LinkedStories(), CopyFinder(lambda ids: read_items(store, ids))
    claims = _Claims(store)
    resolved = resolved_credits(store)
    total = len(new) + missing
    replayed = _replay(store, stories, stats) if missing or relink else None
    with Engine(engine, workers, scheduler) as eng:
        if missing:
            assert replayed is not None
            _catch_up(store, eng, replayed, copies, claims, resolved, chunk, stats, on_chunk, total)
        else:
            for batch, waiting in ahead(
                _batches(traced(store), RESTORE_BATCH), partial(_restore_passages, eng, deferred=True)
            ):
                for t in batch:  # while the workers read the claims (the first batch's wait is the longest)
                    _restore_stories_copies(store, t, None if replayed else stories, copies)
                for t, reading in zip(batch, waiting(), strict=True):
                    _restore_claims(store, t, claims, resolved, t.thread, reading)
                    stats.before += 1
        stats.restore_seconds = time.perf_counter() - t0
        chunks = (new[at : at + chunk] for at in range(0, len(new), chunk))
        for prepared, computing in ahead(
            (_prepare(store, ids, stats) for ids in chunks), partial(_compute, eng)
        ):
            _trace_chunk(store, prepared, computing, stories, copies, claims, stats)
            if on_chunk is not None:
                on_chunk(stats.traced + stats.caught_up, total)
    with store.guard("read the claim groups"):
        stats.claim_groups = int(
            store.con.execute("SELECT count(*) FROM claim_groups WHERE articles > 1").fetchall()[0][0]
        )
    stats.seconds = time.perf_counter() - t0
    stats.peak_mb = peak_rss_mb()
    return stats


def _another_version(store: Store, item: Item, e: Exception) -> ReportedlyError:
    return ReportedlyError(
        f"{store.path}: the trace of article {item.id} was written by another version of reportedly "
        f"({e}); run reportedly trace --rebuild to trace the whole store again"
    )


def _batches(rows: Iterable[Traced], n: int) -> Iterator[list[Traced]]:
    batch: list[Traced] = []
    for r in rows:
        batch.append(r)
        if len(batch) >= n:
            yield batch
            batch = []
    if batch:
        yield batch


def _restore_passages(
    eng: Engine, batch: Sequence[Traced], deferred: bool = False
) -> Callable[[], list[Reading]]:
    """Start reading the claim units and their passages of the traced articles that have claims (on
    the engine; ``deferred``: only what a restore needs at once, ``claims.unit_words``); the returned
    function waits for them (no units for an article without claims)."""
    have = [t for t in batch if t.claim_state is not None]
    waiting = start_passages(eng, [t.item for t in have], [t.claim_state or b"" for t in have], deferred)

    def wait() -> list[Reading]:
        try:
            computed = iter(waiting())
        except ValueError as e:  # a state another version of the finders wrote
            raise ReportedlyError(
                f"the claims were traced by another version of reportedly ({e}); "
                "run reportedly trace --rebuild to trace the whole store again"
            ) from None
        return [next(computed) if t.claim_state is not None else Reading([], [], None) for t in batch]

    return wait


def _restore_stories_copies(
    store: Store, t: Traced, stories: LinkedStories | None, copies: CopyFinder
) -> None:
    """Remember one traced article in the story finders (unless None: replayed) and the copy finder."""
    try:
        if stories is not None:
            if t.links is None:
                raise ValueError("no story links stored")
            stories.restore(t.item, t.story_state, t.thread, t.links, t.story)
        copies.restore(t.item, t.copy_state)
    except ValueError as e:  # a state another version of the finders wrote
        raise _another_version(store, t.item, e) from None


def _restore_claims(
    store: Store,
    t: Traced,
    claims: _Claims,
    resolved: Mapping[str, set[tuple[str, int, int, str]]],
    story: str,
    reading: Reading,
) -> None:
    """Remember one traced article in the claim and relay finders, in ``story``."""
    try:
        if t.claim_state is not None:
            claims.restore(t, story, resolved.get(t.item.id, set()), reading)
    except ValueError as e:  # a state another version of the finders wrote
        raise _another_version(store, t.item, e) from None


@dataclass
class _Replayed:
    """The threads of the traced articles decided again (``_replay``)."""

    asof: list[str]
    """Each article's thread as it stood when it was traced."""
    caused: list[list[tuple[str, str]]]
    """The thread merges each article caused."""


def _replay(store: Store, stories: LinkedStories, stats: TraceStats) -> _Replayed:
    """Decide the threads of the traced articles again from their states (``LinkedStories.add``), in
    ingest order, rebuilding the scored pairs of the story graph; where the store has none (traced
    before they were kept), store them with the threads and the stories they give (one transaction).
    Raises ``ReportedlyError`` (asking for ``--rebuild``) when the replay does not give the stored threads."""
    asof: list[str] = []
    caused: list[list[tuple[str, str]]] = []
    stored: list[str] = []
    ids: list[str] = []
    packed: list[tuple[str, str, bytes]] = []
    for t in traced(store, texts=False):
        try:
            thread, links = stories.add(t.item, t.story_state)
        except ValueError as e:
            raise _another_version(store, t.item, e) from None
        asof.append(thread)
        caused.append(stories.take_merges())
        stored.append(t.thread)
        ids.append(t.item.id)
        if t.links is None:
            packed.append((t.item.id, t.thread, links))
    forward = {a: b for ms in caused for a, b in ms}
    for aid, sid, want in zip(ids, asof, stored, strict=True):
        while sid in forward:
            sid = forward[sid]
        if sid != want:
            raise ReportedlyError(
                f"{store.path}: the stories of this store were decided by another version of reportedly "
                f"(article {aid}); run reportedly trace --rebuild to trace the whole store again"
            )
    decided = stories.stories(range(len(ids)))
    if packed:
        write_threads(store, packed, Chunk(stories=decided.rows, labels=decided.labels))
        stats.relinked = len(packed)
    return _Replayed(asof, caused)


def _catch_up(
    store: Store,
    eng: Engine,
    replayed: _Replayed,
    copies: CopyFinder,
    claims: _Claims,
    resolved: Mapping[str, set[tuple[str, int, int, str]]],
    chunk: int,
    stats: TraceStats,
    on_chunk: Callable[[int, int], None] | None,
    total: int,
) -> None:
    """Restore the traced articles, deciding the claims of those traced before the claim layer (module doc)."""
    asof, caused = replayed.asof, replayed.caused
    todo: list[tuple[Traced, str, list[tuple[str, str]]]] = []
    n = 0
    for batch, waiting in ahead(_batches(traced(store), RESTORE_BATCH), partial(_restore_passages, eng)):
        for t, ps in zip(batch, waiting(), strict=True):
            if t.claim_state is not None and todo:  # claims are decided in ingest order: a gap is damage
                raise _another_version(store, t.item, ValueError("claim states out of ingest order"))
            if t.claim_state is not None:
                claims.merge(caused[n])
            _restore_stories_copies(store, t, None, copies)
            _restore_claims(store, t, claims, resolved, asof[n], ps)
            stats.before += 1
            if t.claim_state is None:
                todo.append((t, asof[n], caused[n]))
            n += 1
            if len(todo) >= chunk:
                _catch_up_chunk(store, eng, todo, claims, stats)
                todo = []
                if on_chunk is not None:
                    on_chunk(stats.caught_up, total)
    if todo:
        _catch_up_chunk(store, eng, todo, claims, stats)
        if on_chunk is not None:
            on_chunk(stats.caught_up, total)


def _catch_up_chunk(
    store: Store,
    eng: Engine,
    todo: Sequence[tuple[Traced, str, list[tuple[str, str]]]],
    claims: _Claims,
    stats: TraceStats,
) -> None:
    t0 = time.perf_counter()
    items = [t.item for t, _, _ in todo]
    ids = [i.id for i in items]
    dicts = report_dicts(store, ids)
    found = stored_copies(store, ids)
    t1 = time.perf_counter()
    computed = start_states(eng, items, dicts, full=False)()
    t2 = time.perf_counter()
    claims.relays.remember(items)
    rows = ClaimRows()
    for (t, story, merges), (_, _, claimed, why) in zip(todo, computed, strict=True):
        claims.merge(merges)
        item = dataclasses.replace(t.item, text="") if why else t.item
        claims.add(item, claimed, story, found.get(t.item.id, []), rows)
    claims.finish(rows)
    t3 = time.perf_counter()
    write(store, Chunk(claims=rows), f"write the claims of {len(items)} traced articles")
    _times(stats, t0, t1, t2, t3)
    stats.caught_up += len(items)
    _count(stats, rows)


def _prepare(
    store: Store, ids: Sequence[str], stats: TraceStats
) -> tuple[list[Item], list[dict[str, Any] | None]]:
    """A chunk's articles and their reports, read from the store."""
    t0 = time.perf_counter()
    by_id = read_items(store, ids)
    items = [by_id[i] for i in ids if i in by_id]
    dicts = report_dicts(store, [i.id for i in items])
    stats.read_seconds += time.perf_counter() - t0
    return items, dicts


def _compute(
    eng: Engine, prepared: tuple[list[Item], list[dict[str, Any] | None]]
) -> Callable[[], list[State]]:
    return start_states(eng, *prepared)


def _trace_chunk(
    store: Store,
    prepared: tuple[list[Item], list[dict[str, Any] | None]],
    computing: Callable[[], list[State]],
    stories: LinkedStories,
    copies: CopyFinder,
    claims: _Claims,
    stats: TraceStats,
) -> None:
    t0 = t1 = time.perf_counter()
    items = prepared[0]
    computed = computing()
    t2 = time.perf_counter()
    failed = [(it.id, why) for it, (*_, why) in zip(items, computed, strict=True) if why]
    # an article that failed is decided as an empty text (its own story, no copies, no claims)
    seen = [dataclasses.replace(it, text="") if st[3] else it for it, st in zip(items, computed, strict=True)]
    found = copies.add_many([(it, st[1]) for it, st in zip(seen, computed, strict=True)])
    claims.relays.remember(seen)
    # the restored quotes these articles' units may meet: their whole passages read in one fetch
    claims.claims.prepare([p for st in computed for p, _, _ in st[2].passages])
    rows = ClaimRows()
    assigned: list[str] = []
    links: list[bytes] = []
    merges: list[tuple[str, str]] = []
    for it, st, cs in zip(seen, computed, found, strict=True):
        sid, scored = stories.add(it, st[0])
        caused = stories.take_merges()
        claims.merge(caused)
        merges.extend(caused)
        assigned.append(sid)
        links.append(scored)
        claims.add(it, st[2], sid, cs, rows)
    claims.finish(rows)
    decided = stories.stories(range(len(stories.graph) - len(items), len(stories.graph)))
    t3 = time.perf_counter()
    write(
        store,
        Chunk(
            items=items,
            states=[(st[0], st[1]) for st in computed],
            threads=_follow(assigned, merges),
            links=links,
            stories=decided.rows,
            found=[c for cs in found for c in cs],
            labels=decided.labels,
            merges=merges,
            failed=failed,
            claims=rows,
        ),
        f"write the trace of {len(items)} articles",
    )
    _times(stats, t0, t1, t2, t3)
    stats.failed += len(failed)
    stats.merges += decided.gone
    stats.traced += len(items)
    stats.stories += decided.opened
    stats.copies += sum(len(cs) for cs in found)
    _count(stats, rows)


def _times(stats: TraceStats, t0: float, t1: float, t2: float, t3: float) -> None:
    stats.read_seconds += t1 - t0
    stats.state_seconds += t2 - t1
    stats.decide_seconds += t3 - t2
    stats.write_seconds += time.perf_counter() - t3


def _count(stats: TraceStats, rows: ClaimRows) -> None:
    stats.mentions += len(rows.mentions)
    stats.relays += len(rows.relays)
    stats.drift += len(rows.drifts)


def _follow(assigned: Sequence[str], merges: Sequence[tuple[str, str]]) -> list[str]:
    """The story ids after the merges, applied in order (an absorbed story may absorb others before)."""
    where = {a: a for a in assigned}
    for absorbed, survivor in merges:
        for k, v in where.items():
            if v == absorbed:
                where[k] = survivor
    return [where[a] for a in assigned]
