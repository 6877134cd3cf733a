"""What ``reportedly trace`` reads from and writes to the store: the articles and reports to trace, the
traced articles with the finders' states, and each chunk's rows, in ONE transaction.

The tables are the corpus contract's (``store.schema``, migrations 3 and 5): ``trace_state`` and
``claim_state`` (the finders' memory, internal), ``story_articles``, ``story_labels``, ``copies``,
``claim_groups``, ``claim_group_mentions``, ``relays`` and ``drift``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pyarrow as pa

from ..store import Store
from ..version import __version__
from .claims import Drift
from .copies import Copy
from .items import NOT_READ, Item, skipped
from .relayfinder import RelayRow

__all__ = [
    "REPORT_TABLES",
    "Chunk",
    "ClaimRows",
    "Traced",
    "claims_missing",
    "forget",
    "links_missing",
    "read_items",
    "report_dicts",
    "resolved_credits",
    "stored_copies",
    "traced",
    "untraced",
    "write",
    "write_threads",
]

REPORT_TABLES = ("attributions", "chains", "claims")
"""The finding tables the claim and relay states read (a report with only these is rebuilt)."""

_ITEM_COLUMNS = "a.id, a.seq, a.text, a.title, a.outlet, a.published"
_TRACE_TABLES = (
    "trace_state",
    "story_articles",
    "story_labels",
    "copies",
    "claim_state",
    "claim_groups",
    "claim_group_mentions",
    "relays",
    "drift",
)


def _item(row: Sequence[Any], skip: tuple[tuple[int, int], ...] = ()) -> Item:
    return Item(
        id=row[0], seq=int(row[1]), text=row[2] or "", title=row[3], outlet=row[4], published=row[5], skip=skip
    )


def read_items(store: Store, ids: Sequence[str]) -> dict[str, Item]:
    """The stored articles with these ids, text included, and the spans their finders skip (``Item.skip``:
    the stored blocks of the ``items.NOT_READ`` kinds)."""
    if not ids:
        return {}
    with store.guard("read the stored articles"):
        rows = store.con.execute(
            f"SELECT {_ITEM_COLUMNS} FROM articles a WHERE a.id IN (SELECT unnest(?::VARCHAR[]))", [list(ids)]
        ).fetchall()
        blocks = store.con.execute(
            "SELECT article_id, kind, start_char, end_char FROM blocks "
            "WHERE article_id IN (SELECT unnest(?::VARCHAR[])) AND kind IN (SELECT unnest(?::VARCHAR[]))",
            [list(ids), list(NOT_READ)],
        ).fetchall()
    spans: defaultdict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for aid, kind, a, b in blocks:
        if a is not None and b is not None:
            spans[aid].append((kind, int(a), int(b)))
    return {r[0]: _item(r, skipped(spans.get(r[0], ()))) for r in rows}


def report_dicts(store: Store, ids: Sequence[str]) -> list[dict[str, Any] | None]:
    """The stored reports of these articles (``REPORT_TABLES`` only), as dicts, in the order of ``ids``."""
    with store.guard("read the stored reports"):
        found = {
            d["article"]["id"]: d
            for d in store.report_dicts(ids, chunk=max(1, len(ids)), tables=REPORT_TABLES)
        }
    return [found.get(i) for i in ids]


def untraced(store: Store) -> list[str]:
    """Ids of the stored articles no trace has decided yet, in ingest order."""
    with store.guard("read the stored articles"):
        rows = store.con.execute(
            "SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM trace_state t WHERE t.article_id = a.id) "
            "ORDER BY a.seq"
        ).fetchall()
    return [r[0] for r in rows]


def claims_missing(store: Store) -> int:
    """Traced articles whose claims no trace decided (traced before the claim layer)."""
    with store.guard("read the trace state"):
        return int(
            store.con.execute(
                "SELECT count(*) FROM trace_state t WHERE NOT EXISTS "
                "(SELECT 1 FROM claim_state c WHERE c.article_id = t.article_id)"
            ).fetchall()[0][0]
        )


def links_missing(store: Store) -> bool:
    """Whether some traced article has no stored story links (traced before they were kept)."""
    with store.guard("read the trace state"):
        return bool(
            store.con.execute("SELECT count(*) FROM trace_state WHERE links IS NULL").fetchall()[0][0]
        )


def forget(store: Store) -> None:
    """Delete every trace table's rows (one transaction): the next trace decides the whole store again."""
    with store.transaction("forget the earlier trace"):
        for table in _TRACE_TABLES:
            store.con.execute(f"DELETE FROM {table}").fetchall()


@dataclass
class Traced:
    """A traced article as the next run restores it."""

    item: Item
    story_state: bytes
    copy_state: bytes
    thread: str
    """The online story finder's story (``corpus.storylinks``: what the claim and relay finders read)."""
    story: str
    """Its story in ``story_articles``."""
    links: bytes | None
    """The pairs the story finder scored for it (None: traced before they were kept)."""
    claim_state: bytes | None
    relay_state: bytes | None
    groups: list[str] | None


def traced(store: Store, texts: bool = True, batch: int = 2000) -> Iterator[Traced]:
    """The traced articles with their states and story, in ingest order (texts only when asked:
    the claim finder reads them; the story and copy finders do not).

    Read through a cursor of its own: the trace writes through the store's connection while it reads
    (a claim catch-up), which would end a pending result of that connection."""
    text = "a.text" if texts else "''"
    with store.guard("read the trace state"), store.con.cursor() as cur:
        cur.execute(
            f"SELECT a.id, t.seq, {text}, a.title, a.outlet, a.published, t.story_state, t.copy_state, "
            "coalesce(t.thread, s.story_id), c.claim_state, c.relay_state, c.groups, s.story_id, t.links "
            "FROM trace_state t JOIN articles a ON a.id = t.article_id "
            "JOIN story_articles s ON s.article_id = t.article_id "
            "LEFT JOIN claim_state c ON c.article_id = t.article_id ORDER BY t.seq"
        )
        while rows := cur.fetchmany(batch):
            for r in rows:
                yield Traced(
                    _item(r),
                    bytes(r[6]),
                    bytes(r[7]),
                    r[8],
                    r[12],
                    bytes(r[13]) if r[13] is not None else None,
                    bytes(r[9]) if r[9] is not None else None,
                    bytes(r[10]) if r[10] is not None else None,
                    list(r[11]) if r[11] is not None else None,
                )


def resolved_credits(store: Store) -> dict[str, set[tuple[str, int, int, str]]]:
    """The credits already resolved (``relays`` rows of relation cites), by citing article."""
    out: dict[str, set[tuple[str, int, int, str]]] = defaultdict(set)
    with store.guard("read the relays"):
        for a, s, e, c in store.con.execute(
            'SELECT article_id, "start", "end", credit FROM relays WHERE relation = \'cites\''
        ).fetchall():
            out[a].add((a, int(s), int(e), c))
    return out


def stored_copies(store: Store, ids: Sequence[str]) -> dict[str, list[Copy]]:
    """The stored copies decided when each of these articles arrived (the later-ingested of the pair)."""
    with store.guard("read the copies"):
        rows = store.con.execute(
            "SELECT c.article_id, c.source_article_id, c.kind, c.share, c.containment, "
            "CASE WHEN a.seq > b.seq THEN a.id ELSE b.id END AS decided_by "
            "FROM copies c JOIN articles a ON a.id = c.article_id JOIN articles b ON b.id = c.source_article_id "
            "WHERE (CASE WHEN a.seq > b.seq THEN a.id ELSE b.id END) IN (SELECT unnest(?::VARCHAR[])) "
            "ORDER BY c.article_id, c.source_article_id",
            [list(ids)],
        ).fetchall()
    out: dict[str, list[Copy]] = defaultdict(list)
    for r in rows:
        out[r[5]].append(Copy(r[0], r[1], r[2], r[3], r[4]))
    return out


@dataclass
class ClaimRows:
    """What the claim layer writes for one chunk."""

    states: list[tuple[str, int, bytes, bytes, list[str]]] = field(default_factory=list)
    mentions: list[tuple[Any, ...]] = field(default_factory=list)
    groups: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    relays: list[RelayRow] = field(default_factory=list)
    drifts: list[Drift] = field(default_factory=list)
    touched: set[str] = field(default_factory=set)
    firsts: dict[tuple[str, str], tuple[str, int, int]] = field(default_factory=dict)
    """The kind and span of each article's first mention of each group, in this chunk."""


@dataclass
class Chunk:
    """One transaction's rows: the stories and copies of new articles (empty for a claim catch-up) and the claims."""

    items: Sequence[Item] = ()
    states: Sequence[tuple[bytes, bytes]] = ()
    threads: Sequence[str] = ()
    """Each item's thread (its online story, after the chunk's merges)."""
    links: Sequence[bytes] = ()
    """Each item's scored pairs (``storylinks.pack_links``)."""
    stories: Sequence[tuple[str, str]] = ()
    """``(story id, article id)`` of every article whose story the chunk decided (again)."""
    found: Sequence[Copy] = ()
    labels: Mapping[str, str] = field(default_factory=dict)
    """The label article of each story in ``stories``."""
    merges: Sequence[tuple[str, str]] = ()
    """The thread merges, in order."""
    failed: Sequence[tuple[str, str]] = ()
    claims: ClaimRows = field(default_factory=ClaimRows)


def _columns(rows: Sequence[Sequence[Any]], n: int) -> list[list[Any]]:
    """Rows turned into ``n`` columns."""
    return [[r[k] for r in rows] for k in range(n)]


def _tables(c: Chunk) -> dict[str, pa.Table]:
    cl = c.claims
    mentions = _columns(cl.mentions, 11)
    g = _columns(list(cl.groups.values()), 9)
    r = cl.relays
    d = cl.drifts
    i32, i64, f64, s = pa.int32(), pa.int64(), pa.float64(), pa.string()
    return {
        "_state": pa.table(
            {
                "article_id": pa.array([i.id for i in c.items], s),
                "seq": pa.array([i.seq for i in c.items], i64),
                "story_state": pa.array([x for x, _ in c.states], pa.binary()),
                "copy_state": pa.array([y for _, y in c.states], pa.binary()),
                "thread": pa.array(list(c.threads), s),
                "links": pa.array(list(c.links), pa.binary()),
            }
        ),
        "_members": pa.table(
            {"story_id": pa.array([x for x, _ in c.stories], s), "article_id": pa.array([y for _, y in c.stories], s)}
        ),
        "_pairs": pa.table(
            {
                "article_id": pa.array([x.article_id for x in c.found], s),
                "source_article_id": pa.array([x.source_article_id for x in c.found], s),
                "kind": pa.array([x.kind for x in c.found], s),
                "share": pa.array([x.share for x in c.found], f64),
                "containment": pa.array([x.containment for x in c.found], f64),
            }
        ),
        "_central": pa.table(
            {
                "story_id": pa.array(list(c.labels), s),
                "label_article_id": pa.array(list(c.labels.values()), s),
            }
        ),
        "_cstate": pa.table(
            {
                "article_id": pa.array([x[0] for x in cl.states], s),
                "seq": pa.array([x[1] for x in cl.states], i64),
                "claim_state": pa.array([x[2] for x in cl.states], pa.binary()),
                "relay_state": pa.array([x[3] for x in cl.states], pa.binary()),
                "groups": pa.array([x[4] for x in cl.states], pa.list_(s)),
            }
        ),
        "_mentions": pa.table(
            {
                "group_id": pa.array(mentions[0], s),
                "article_id": pa.array(mentions[1], s),
                "attribution_id": pa.array(mentions[2], s),
                "start": pa.array(mentions[3], i32),
                "end": pa.array(mentions[4], i32),
                "level": pa.array(mentions[5], s),
                "unit": pa.array(mentions[6], i32),
                "quote": pa.array(mentions[7], pa.bool_()),
                "origin_name": pa.array(mentions[8], s),
                "origin_type": pa.array(mentions[9], s),
                "cues": pa.array(mentions[10], s),
            }
        ),
        "_groups": pa.table(
            {
                "group_id": pa.array(g[0], s),
                "text": pa.array(g[1], s),
                "first_article_id": pa.array(g[2], s),
                "first_seen": pa.array(g[3], s),
                "origin_name": pa.array(g[4], s),
                "origin_type": pa.array(g[5], s),
                "kind": pa.array(g[6], s),
                "first_start": pa.array(g[7], i32),
                "first_end": pa.array(g[8], i32),
            }
        ),
        "_relays": pa.table(
            {
                "article_id": pa.array([x.article_id for x in r], s),
                "start": pa.array([x.start for x in r], i32),
                "end": pa.array([x.end for x in r], i32),
                "origin_article_id": pa.array([x.origin_article_id for x in r], s),
                "origin_start": pa.array([x.origin_start for x in r], i32),
                "origin_end": pa.array([x.origin_end for x in r], i32),
                "relation": pa.array([x.relation for x in r], s),
                "credit": pa.array([x.credit for x in r], s),
                "attribution_id": pa.array([x.attribution_id for x in r], s),
                "match": pa.array([x.match for x in r], s),
                "score": pa.array([x.score for x in r], f64),
                "group_id": pa.array([x.group_id for x in r], s),
            }
        ),
        "_drift": pa.table(
            {
                "group_id": pa.array([x.group_id for x in d], s),
                "upstream_article_id": pa.array([x.upstream_article_id for x in d], s),
                "upstream_start": pa.array([x.upstream_start for x in d], i32),
                "upstream_end": pa.array([x.upstream_end for x in d], i32),
                "downstream_article_id": pa.array([x.downstream_article_id for x in d], s),
                "downstream_start": pa.array([x.downstream_start for x in d], i32),
                "downstream_end": pa.array([x.downstream_end for x in d], i32),
                "direction": pa.array([x.direction for x in d], s),
                "upstream_level": pa.array([x.upstream_level for x in d], s),
                "downstream_level": pa.array([x.downstream_level for x in d], s),
                "upstream_cues": pa.array([list(x.upstream_cues) for x in d], pa.list_(s)),
                "downstream_cues": pa.array([list(x.downstream_cues) for x in d], pa.list_(s)),
            }
        ),
    }


def write(store: Store, c: Chunk, doing: str) -> None:
    """Write one chunk's findings and states, and the chunk's story merges, in ONE transaction."""
    tables = _tables(c)
    con = store.con
    try:
        with store.transaction(doing):
            for name, table in tables.items():
                con.register(name, table)
            if c.items:
                _write_traced(con, c)
            if c.stories:
                _write_stories(con)
            _write_claims(con)
    finally:
        for name in tables:
            with suppress(duckdb.Error):
                con.unregister(name)


def _write_traced(con: duckdb.DuckDBPyConnection, c: Chunk) -> None:
    for absorbed, survivor in c.merges:
        con.execute("UPDATE trace_state SET thread = ? WHERE thread = ?", [survivor, absorbed]).fetchall()
    con.execute(
        "INSERT INTO trace_state (article_id, seq, story_state, copy_state, version, thread, links) "
        "SELECT article_id, seq, story_state, copy_state, ?, thread, links FROM _state",
        [__version__],
    ).fetchall()
    con.execute(
        "INSERT INTO copies SELECT p.article_id, p.source_article_id, p.kind, p.share, p.containment, "
        f"{_WIRE.format(side='p.article_id')}, {_WIRE.format(side='p.source_article_id')} FROM _pairs p"
    ).fetchall()
    for article_id, why in c.failed:
        con.execute(
            "INSERT INTO errors (origin, reason, article_id, stage, version) VALUES (?, ?, ?, 'trace', ?)",
            [
                article_id,
                f"{article_id}: cannot trace ({why}); traced as an empty text",
                article_id,
                __version__,
            ],
        ).fetchall()


def _write_stories(con: duckdb.DuckDBPyConnection) -> None:
    """The stories decided (again): their articles' rows replaced, labels of stories gone dropped."""
    con.execute("DELETE FROM story_articles WHERE article_id IN (SELECT article_id FROM _members)").fetchall()
    con.execute("INSERT INTO story_articles SELECT story_id, article_id FROM _members").fetchall()
    con.execute(
        "DELETE FROM story_labels WHERE story_id IN (SELECT story_id FROM _central) "
        "OR story_id NOT IN (SELECT story_id FROM story_articles)"
    ).fetchall()
    con.execute("INSERT INTO story_labels SELECT story_id, label_article_id FROM _central").fetchall()


def write_threads(store: Store, rows: Sequence[tuple[str, str, bytes]], c: Chunk) -> None:
    """Store the threads and scored pairs ``(article id, thread, links)`` of articles traced before they
    were kept (computed by a replay), with the stories and labels of ``c``, in ONE transaction."""
    table = pa.table(
        {
            "article_id": pa.array([r[0] for r in rows], pa.string()),
            "thread": pa.array([r[1] for r in rows], pa.string()),
            "links": pa.array([r[2] for r in rows], pa.binary()),
        }
    )
    tables = _tables(c)
    con = store.con
    try:
        with store.transaction("store the story links of the traced articles"):
            con.register("_threads", table)
            for name, t in tables.items():
                con.register(name, t)
            con.execute(
                "UPDATE trace_state SET thread = r.thread, links = r.links FROM _threads r "
                "WHERE trace_state.article_id = r.article_id"
            ).fetchall()
            _write_stories(con)
    finally:
        for name in ("_threads", *tables):
            with suppress(duckdb.Error):
                con.unregister(name)


def _write_claims(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "INSERT INTO claim_state (article_id, seq, claim_state, relay_state, groups, version) "
        "SELECT article_id, seq, claim_state, relay_state, groups, ? FROM _cstate",
        [__version__],
    ).fetchall()
    con.execute(
        'INSERT INTO claim_group_mentions (group_id, article_id, attribution_id, "start", "end", level, unit, '
        'quote, origin_name, origin_type, cues) SELECT group_id, article_id, attribution_id, "start", "end", '
        "level, unit, quote, origin_name, origin_type, cues FROM _mentions"
    ).fetchall()
    # a touched group: its first article and origin as of now; kind and first span kept when its
    # first article is an earlier chunk's; counts from the stored mentions
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _touched AS "
        "SELECT g.group_id, g.text, g.first_article_id, g.first_seen, g.origin_name, g.origin_type, "
        "coalesce(g.kind, o.kind) AS kind, c.mentions, c.articles, "
        "coalesce(g.first_start, o.first_start) AS first_start, coalesce(g.first_end, o.first_end) AS first_end "
        "FROM _groups g LEFT JOIN claim_groups o ON o.group_id = g.group_id "
        "JOIN (SELECT group_id, count(*)::INTEGER AS mentions, count(DISTINCT article_id)::INTEGER AS articles "
        "      FROM claim_group_mentions WHERE group_id IN (SELECT group_id FROM _groups) GROUP BY group_id) c "
        "ON c.group_id = g.group_id"
    ).fetchall()
    con.execute("DELETE FROM claim_groups WHERE group_id IN (SELECT group_id FROM _groups)").fetchall()
    con.execute(
        "INSERT INTO claim_groups (group_id, text, first_article_id, first_seen, origin_name, origin_type, kind, "
        "mentions, articles, first_start, first_end) SELECT group_id, text, first_article_id, first_seen, "
        "origin_name, origin_type, kind, mentions, articles, first_start, first_end FROM _touched"
    ).fetchall()
    con.execute("DROP TABLE _touched").fetchall()
    con.execute(
        'INSERT INTO relays (article_id, "start", "end", origin_article_id, origin_start, origin_end, relation, '
        'credit, attribution_id, match, score, group_id) SELECT article_id, "start", "end", origin_article_id, '
        "origin_start, origin_end, relation, credit, attribution_id, match, score, group_id FROM _relays"
    ).fetchall()
    con.execute(
        "INSERT INTO drift SELECT group_id, upstream_article_id, upstream_start, upstream_end, downstream_article_id, "
        "downstream_start, downstream_end, direction, upstream_level, downstream_level, upstream_cues, "
        "downstream_cues FROM _drift"
    ).fetchall()


_WIRE = (
    "(SELECT string_agg(DISTINCT c.name, '; ' ORDER BY c.name) FROM credits c "
    "WHERE c.article_id = {side} AND c.kind = 'wire')"
)
"""The wire credits the per-article analysis found in one side of a copy (None when it found none)."""
