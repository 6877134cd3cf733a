"""Trace a store: decide the stories and copies of every article not traced yet, and write them.

``trace(store)`` reads the articles no earlier run traced, in ingest order (``articles.seq``),
computes each one's states (``stories.story_state``, ``copies.copy_state``: pure functions of
the article, run on the chosen engine: this process, a pool of worker processes, or Dask), then
decides, article after article, its story (``StoryFinder.add``) and its copies of earlier
articles (``CopyFinder.add_many``), and writes them in chunks of ``CHUNK`` articles, each chunk
in ONE transaction with the states (``trace_state``: the finders' memory, so that the next run
restores them without recomputing anything).  Hence:

- a run with nothing new writes nothing;
- a run after an ingest compares only the new articles with the traced ones (the finders'
  candidate indexes, never all pairs);
- a run killed at any moment loses only the chunk in flight, and the next run resumes;
- tracing after every ingest gives exactly the tables of one trace over the same store (the
  finders decide online, see ``items``), and every engine gives the same tables.

The tables are the corpus contract's ``story_articles`` and ``copies`` (with the wire credits
the per-article analysis found in the copy and in its source), plus ``story_labels`` (the most
central article of each story, which the ``stories`` view takes the label from).
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa

from ..batch import dask_client, peak_rss_mb
from ..errors import ReportedlyError
from ..store import Store
from ..version import __version__
from .copies import Copy, CopyFinder, copy_state
from .items import Item
from .stories import StoryFinder, story_state

CHUNK = 1000
"""Articles decided and written per transaction."""
PART = 250
"""Articles per task sent to a worker process."""

_ITEM_COLUMNS = "a.id, a.seq, a.text, a.title, a.outlet, a.published"


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
    seconds: float = 0.0
    restore_seconds: float = 0.0
    peak_mb: float = 0.0

    def line(self) -> str:
        """One line for the terminal."""
        if not self.traced:
            return f"nothing new to trace ({self.before} articles traced)"
        return (
            f"traced {self.traced} new articles ({self.before} traced before): {self.stories} stories opened"
            + (f", {self.merges} merged into others" if self.merges else "")
            + f", {self.copies} copies"
            + (f", {self.failed} articles failed (see the errors table, stage trace)" if self.failed else "")
            + f", in {self.seconds:.1f} s"
        )


def _states(items: Sequence[Item]) -> list[tuple[bytes, bytes, str | None]]:
    """The story and copy states of these articles (what a worker computes), and the error of each.

    An article whose states cannot be computed gets the states of an empty text (its own story, no
    copies) and the error, which the trace records; it never stops the others."""
    out: list[tuple[bytes, bytes, str | None]] = []
    for i in items:
        try:
            out.append((story_state(i), copy_state(i), None))
        except Exception as e:  # one article's failure is recorded, not raised
            blank = Item(id="", seq=i.seq, text="")  # nothing of the article that failed
            out.append((story_state(blank), copy_state(blank), f"{type(e).__name__}: {e}".splitlines()[0]))
    return out


class _Engine:
    """Maps ``_states`` over chunks of articles: in this process, a pool of processes, or Dask."""

    def __init__(self, engine: str, workers: int, scheduler: str | None) -> None:
        if engine not in ("local", "dask"):
            raise ReportedlyError(f"unknown engine {engine!r} (local or dask)")
        self.engine, self.workers, self.scheduler = engine, workers, scheduler
        self._pool: ProcessPoolExecutor | None = None
        self._dask: Any = None
        self._client: Any = None

    def __enter__(self) -> _Engine:
        if self.engine == "dask":
            self._dask = dask_client(max(1, self.workers), self.scheduler)
            self._client = self._dask.__enter__()
        elif self.workers > 1:
            method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context(method))
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
        if self._dask is not None:
            self._dask.__exit__(None, None, None)

    def states(self, items: Sequence[Item]) -> list[tuple[bytes, bytes, str | None]]:
        parts = [items[i : i + PART] for i in range(0, len(items), PART)]
        try:
            if self._client is not None:
                futures = self._client.map(_states, parts, pure=False)
                results: list[list[tuple[bytes, bytes, str | None]]] = self._client.gather(futures)
            elif self._pool is not None:
                results = list(self._pool.map(_states, parts))
            else:
                results = [_states(p) for p in parts]
        except (
            BrokenProcessPool,
            OSError,
        ) as e:  # a worker died (killed, out of memory): nothing of this chunk is written
            raise ReportedlyError(
                f"a {self.engine} worker process died ({e or type(e).__name__}); run the trace again"
            ) from None
        return [s for r in results for s in r]


def _item(row: Sequence[Any]) -> Item:
    return Item(id=row[0], seq=int(row[1]), text=row[2] or "", title=row[3], outlet=row[4], published=row[5])


def read_items(store: Store, ids: Sequence[str]) -> dict[str, Item]:
    """The stored articles with these ids, text included."""
    if not ids:
        return {}
    with store.guard("read the stored articles"):
        rows = store.con.execute(
            f"SELECT {_ITEM_COLUMNS} FROM articles a WHERE a.id IN (SELECT unnest(?::VARCHAR[]))", [list(ids)]
        ).fetchall()
    return {r[0]: _item(r) for r in rows}


def untraced(store: Store) -> list[str]:
    """Ids of the stored articles no trace has decided yet, in ingest order."""
    with store.guard("read the stored articles"):
        rows = store.con.execute(
            "SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM trace_state t WHERE t.article_id = a.id) "
            "ORDER BY a.seq"
        ).fetchall()
    return [r[0] for r in rows]


def forget(store: Store) -> None:
    """Delete every trace table's rows (one transaction): the next trace decides the whole store again."""
    with store.transaction("forget the earlier trace"):
        for table in ("trace_state", "story_articles", "story_labels", "copies"):
            store.con.execute(f"DELETE FROM {table}").fetchall()


def _traced(store: Store, batch: int = 5000) -> Iterator[tuple[Item, bytes, bytes, str]]:
    """The traced articles (text left out) with their states and story, in ingest order."""
    with store.guard("read the trace state"):
        cur = store.con.execute(
            "SELECT a.id, t.seq, '', a.title, a.outlet, a.published, t.story_state, t.copy_state, s.story_id "
            "FROM trace_state t JOIN articles a ON a.id = t.article_id "
            "JOIN story_articles s ON s.article_id = t.article_id ORDER BY t.seq"
        )
        while rows := cur.fetchmany(batch):
            for r in rows:
                yield _item(r), bytes(r[6]), bytes(r[7]), r[8]


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
    if not new:  # nothing to decide: not even the finders' memory is read
        with store.guard("read the trace state"):
            stats.before = int(store.con.execute("SELECT count(*) FROM trace_state").fetchall()[0][0])
        stats.seconds = time.perf_counter() - t0
        return stats
    stories, copies = StoryFinder(), CopyFinder(lambda ids: read_items(store, ids))
    for item, s_state, c_state, story in _traced(store):
        try:
            stories.restore(item, s_state, story)
            copies.restore(item, c_state)
        except ValueError as e:  # a state another version of the finders wrote
            raise ReportedlyError(
                f"{store.path}: the trace of article {item.id} was written by another version of reportedly "
                f"({e}); run reportedly trace --rebuild to trace the whole store again"
            ) from None
        stats.before += 1
    stats.restore_seconds = time.perf_counter() - t0
    with _Engine(engine, workers, scheduler) as eng:
        for at in range(0, len(new), chunk):
            ids = new[at : at + chunk]
            by_id = read_items(store, ids)
            items = [by_id[i] for i in ids if i in by_id]
            computed = eng.states(items)
            states = [(s, c) for s, c, _ in computed]
            failed = [(it.id, why) for it, (_, _, why) in zip(items, computed, strict=True) if why]
            # an article that failed is decided as an empty text (its own story, no copies)
            seen = [
                dataclasses.replace(it, text="") if why else it
                for it, (_, _, why) in zip(items, computed, strict=True)
            ]
            found = copies.add_many([(it, c) for it, (_, c) in zip(seen, states, strict=True)])
            assigned = [stories.add(it, s) for it, (s, _) in zip(seen, states, strict=True)]
            merges = stories.take_merges()
            final = _follow(assigned, merges)
            touched = sorted(set(final) | {b for _, b in merges} - {a for a, _ in merges})
            labels = {sid: stories.central(sid) for sid in touched}
            _write(store, items, states, final, [c for cs in found for c in cs], labels, merges, failed)
            stats.failed += len(failed)
            stats.merges += len(merges)
            stats.traced += len(items)
            stats.stories += sum(1 for it, sid in zip(items, assigned, strict=True) if sid == f"s{it.seq}")
            stats.copies += sum(len(cs) for cs in found)
            if on_chunk is not None:
                on_chunk(stats.traced, len(new))
    stats.seconds = time.perf_counter() - t0
    stats.peak_mb = peak_rss_mb()
    return stats


def _follow(assigned: Sequence[str], merges: Sequence[tuple[str, str]]) -> list[str]:
    """The story ids after the merges, applied in order (an absorbed story may absorb others before)."""
    where = {a: a for a in assigned}
    for absorbed, survivor in merges:
        for k, v in where.items():
            if v == absorbed:
                where[k] = survivor
    return [where[a] for a in assigned]


def _write(
    store: Store,
    items: Sequence[Item],
    states: Sequence[tuple[bytes, bytes]],
    assigned: Sequence[str],
    found: Sequence[Copy],
    labels: Mapping[str, str],
    merges: Sequence[tuple[str, str]] = (),
    failed: Sequence[tuple[str, str]] = (),
) -> None:
    """Write one chunk's findings and states, and the chunk's story merges, in ONE transaction."""
    state = pa.table(
        {
            "article_id": [i.id for i in items],
            "seq": pa.array([i.seq for i in items], pa.int64()),
            "story_state": pa.array([s for s, _ in states], pa.binary()),
            "copy_state": pa.array([c for _, c in states], pa.binary()),
        }
    )
    members = pa.table({"story_id": list(assigned), "article_id": [i.id for i in items]})
    pairs = pa.table(
        {
            "article_id": [c.article_id for c in found],
            "source_article_id": [c.source_article_id for c in found],
            "kind": [c.kind for c in found],
            "share": pa.array([c.share for c in found], pa.float64()),
            "containment": pa.array([c.containment for c in found], pa.float64()),
        }
    )
    central = pa.table({"story_id": list(labels), "label_article_id": list(labels.values())})
    con = store.con
    try:
        with store.transaction(f"write the trace of {len(items)} articles"):
            for name, table in (
                ("_state", state),
                ("_members", members),
                ("_pairs", pairs),
                ("_central", central),
            ):
                con.register(name, table)
            con.execute(
                "INSERT INTO trace_state (article_id, seq, story_state, copy_state, version) "
                "SELECT article_id, seq, story_state, copy_state, ? FROM _state",
                [__version__],
            ).fetchall()
            for absorbed, survivor in merges:
                con.execute(
                    "UPDATE story_articles SET story_id = ? WHERE story_id = ?", [survivor, absorbed]
                ).fetchall()
                con.execute("DELETE FROM story_labels WHERE story_id = ?", [absorbed]).fetchall()
            con.execute("INSERT INTO story_articles SELECT story_id, article_id FROM _members").fetchall()
            con.execute(
                "INSERT INTO copies SELECT p.article_id, p.source_article_id, p.kind, p.share, p.containment, "
                f"{_WIRE.format(side='p.article_id')}, {_WIRE.format(side='p.source_article_id')} FROM _pairs p"
            ).fetchall()
            for article_id, why in failed:
                con.execute(
                    "INSERT INTO errors (origin, reason, article_id, stage, version) VALUES (?, ?, ?, 'trace', ?)",
                    [
                        article_id,
                        f"{article_id}: cannot trace ({why}); traced as an empty text",
                        article_id,
                        __version__,
                    ],
                ).fetchall()
            con.execute(
                "DELETE FROM story_labels WHERE story_id IN (SELECT story_id FROM _central)"
            ).fetchall()
            con.execute("INSERT INTO story_labels SELECT story_id, label_article_id FROM _central").fetchall()
    finally:
        for name in ("_state", "_members", "_pairs", "_central"):
            with suppress(duckdb.Error):
                con.unregister(name)


_WIRE = (
    "(SELECT string_agg(DISTINCT c.name, '; ' ORDER BY c.name) FROM credits c "
    "WHERE c.article_id = {side} AND c.kind = 'wire')"
)
"""The wire credits the per-article analysis found in one side of a copy (None when it found none)."""
