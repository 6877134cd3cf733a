"""Search over headlines, source names, attributed passages and claim texts, fast: a haystack in memory.

``ILIKE '%q%'`` over the store scans every attribution's passage (cut out of its article's text)
on each search: 2.5 s on 25k articles.  ``SearchIndex`` reads each kind of text once (in the
background thread that builds the row index, at start), lower-cased, into one ``bytes`` blob per
kind, records joined by ``\\0``, in storage order (the order results are shown in), with the
offset where each record starts.  A search is ``bytes.find`` of the lower-cased query in the
blob (C speed: about 1 GB/s, a few ms for a query found nowhere in 25k articles) until
``SEARCH_LIMIT`` records hold it; ``bisect`` maps a hit to its record.  The records keep only
what finds the row again (ids, offsets, names); the page reads what it shows of the few hits
from the store (``display_*``).

Matching is a case-insensitive substring match, like the ``ILIKE`` it replaces (Python's
``str.lower`` instead of DuckDB's; ``%`` and ``_`` are plain characters).  Claim texts are those
of ``claim_groups`` carried by more than one article (a claim of one article has no page worth
searching for).  Memory: about 80 MB on 25k articles (33 MB of text, the rest the records' keys).

The index is built once and extended by ``add`` when the server stores an article (the analyse
page); the claim tables change only with ``reportedly trace``, which cannot run while the server
holds the file writable, and never while it is open read-only.
"""

from __future__ import annotations

import bisect
import threading
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb

from .cache import STORE, Tables
from .queries import HEADLINE_SQL, SEARCH_LIMIT, rows, texts_of

MAX_PASSAGE = 600
"""Characters of an attribution's extent that are searched and shown (as the ILIKE search did)."""



@dataclass
class Haystack:
    """One kind of searchable text: the records' lower-cased texts in one blob, and their keys."""

    blob: bytearray = field(default_factory=bytearray)
    starts: array = field(default_factory=lambda: array("q"))  # type: ignore[type-arg]
    keys: list[tuple[Any, ...]] = field(default_factory=list)

    def append(self, text: str, key: tuple[Any, ...]) -> None:
        self.starts.append(len(self.blob))
        self.blob += text.lower().replace("\0", " ").encode("utf-8", "surrogatepass")
        self.blob += b"\0"
        self.keys.append(key)

    def find(self, q: str, limit: int = SEARCH_LIMIT) -> list[tuple[Any, ...]]:
        """The keys of the first ``limit`` records whose text holds ``q`` (case-insensitive)."""
        needle = q.lower().replace("\0", " ").encode("utf-8", "surrogatepass")
        out: list[tuple[Any, ...]] = []
        if not needle:
            return out
        at = 0
        blob = self.blob
        while len(out) < limit:
            hit = blob.find(needle, at)
            if hit < 0:
                break
            i = bisect.bisect_right(self.starts, hit) - 1
            out.append(self.keys[i])
            at = self.starts[i + 1] if i + 1 < len(self.starts) else len(blob)
        return out

    @property
    def nbytes(self) -> int:
        return len(self.blob) + self.starts.itemsize * len(self.starts)


KINDS = ("headlines", "sources", "passages", "claims")


class SearchIndex:
    """The haystacks of the four kinds of text; ``ready`` once built."""

    def __init__(self) -> None:
        self.hay: dict[str, Haystack] = {k: Haystack() for k in KINDS}
        self.ready = threading.Event()
        self.failed = False
        self.lock = threading.Lock()

    def build(self, cur: duckdb.DuckDBPyConnection, has: Callable[[str], bool]) -> None:
        """Read every kind of text once (the store must not change meanwhile)."""
        hay = {k: Haystack() for k in KINDS}
        _add_articles(cur, hay, None)
        if has("claim_groups"):
            for gid, text in cur.execute(
                "SELECT group_id, text FROM claim_groups WHERE articles > 1 AND text IS NOT NULL "
                "ORDER BY articles DESC, first_seen NULLS LAST, group_id"
            ).fetchall():
                hay["claims"].append(str(text), (gid,))
        with self.lock:
            self.hay = hay
        self.ready.set()

    def add(self, cur: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> None:
        """Append the articles just stored (their seq is above every indexed one's)."""
        if not ids or not self.ready.is_set():
            return
        with self.lock:
            _add_articles(cur, self.hay, list(ids))

    def search(self, q: str, limit: int = SEARCH_LIMIT) -> dict[str, list[tuple[Any, ...]]]:
        with self.lock:
            return {k: h.find(q, limit) for k, h in self.hay.items()}

    @property
    def nbytes(self) -> int:
        return sum(h.nbytes for h in self.hay.values())


def _add_articles(cur: duckdb.DuckDBPyConnection, hay: dict[str, Haystack], ids: list[str] | None) -> None:
    same: dict[str, str] = {}

    def one(v: str | None) -> str | None:
        """One copy of each id and name (they repeat across rows)."""
        return v if v is None else same.setdefault(v, v)

    where, params = ("WHERE a.id IN (SELECT unnest(?::VARCHAR[]))", [ids]) if ids is not None else ("", [])
    for aid, headline in _batches(cur.execute(
        f"SELECT a.id, {HEADLINE_SQL} FROM articles a {where} ORDER BY a.seq", params
    )):
        hay["headlines"].append(headline or "", (one(aid),))
    where_t = where.replace("a.id", "t.article_id")
    for aid, idx, name, typ in _batches(cur.execute(
        f"SELECT t.article_id, t.idx, t.source_name, t.source_type FROM attributions t "
        f"JOIN articles a ON a.id = t.article_id "
        f"{where_t} {'AND' if where_t else 'WHERE'} t.source_name IS NOT NULL ORDER BY a.seq, t.idx", params
    )):
        hay["sources"].append(name, (one(aid), idx, one(name), one(typ)))
    for aid, idx, start, end, name, passage in _batches(cur.execute(
        f"SELECT t.article_id, t.idx, t.start_char, t.end_char, t.source_name, substring(a.text, t.start_char + 1, "
        f"least(t.end_char - t.start_char, {MAX_PASSAGE})) FROM attributions t JOIN articles a ON a.id = t.article_id "
        f"{where_t} {'AND' if where_t else 'WHERE'} t.start_char IS NOT NULL ORDER BY a.seq, t.idx", params
    )):
        hay["passages"].append(passage or "", (one(aid), idx, start, end, one(name)))


def _batches(cur: duckdb.DuckDBPyConnection, size: int = 20_000) -> Iterator[tuple[Any, ...]]:
    """The rows of the executed query, fetched ``size`` at a time (not all held at once)."""
    while rows := cur.fetchmany(size):
        yield from rows


# --- what the page shows of the hits ---------------------------------------------------------

def display(
    cur: duckdb.DuckDBPyConnection, hits: dict[str, list[tuple[Any, ...]]], tb: Tables = STORE
) -> dict[str, list[dict[str, Any]]]:
    """The rows the search page shows for the hits, in the hits' order (``tb``: the relations to read
    articles' headlines and claim groups from, ``cache``'s copies or the store's)."""
    arts = sorted({k[0] for kind in ("headlines", "sources", "passages") for k in hits.get(kind, [])})
    info = {r["id"]: r for r in rows(cur, f"""
        SELECT a.id, a.headline, a.outlet, a.published FROM {tb.articles} a
        WHERE a.id IN (SELECT unnest(?::VARCHAR[]))""", [arts])} if arts else {}
    texts = texts_of(cur, sorted({k[0] for k in hits.get("passages", [])}))
    out: dict[str, list[dict[str, Any]]] = {"headlines": [], "sources": [], "passages": [], "claims": []}
    for (aid,) in hits.get("headlines", []):
        if aid in info:
            out["headlines"].append({**info[aid], "id": aid})
    for aid, idx, name, typ in hits.get("sources", []):
        if aid in info:
            out["sources"].append({"id": aid, "idx": idx, "source_name": name, "source_type": typ,
                                   "headline": info[aid]["headline"], "outlet": info[aid]["outlet"]})
    for aid, idx, start, end, name in hits.get("passages", []):
        if aid in info:
            passage = texts.get(aid, "")[start:min(end, start + MAX_PASSAGE)]
            out["passages"].append({"id": aid, "idx": idx, "source_name": name, "passage": passage,
                                    "headline": info[aid]["headline"], "outlet": info[aid]["outlet"]})
    gids = [k[0] for k in hits.get("claims", [])]
    if gids:
        by = {r["group_id"]: r for r in rows(cur, f"""
            SELECT g.group_id, g.text, g.articles, g.mentions, g.first_seen, g.origin_name, g.first_outlet
            FROM {tb.groups} g WHERE g.group_id IN (SELECT unnest(?::VARCHAR[]))""", [gids])}
        out["claims"] = [by[g] for g in gids if g in by]
    return out
