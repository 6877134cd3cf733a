"""The running site's state: the store connection, its cursors, the write lock, caches, the model.

How the server uses DuckDB (one file, one writing process at a time):

- **read-only** (``reportedly serve --db DB``, the default with a database): the file is opened
  with ``Store.open(path, read_only=True, external_access=False)``; other processes may read it
  too, none may write it while the server runs.  Pasting articles is switched off (the analyse
  page says so).
- **writable** (``--db DB --writable``, and the workspace ``reportedly serve`` opens without
  ``--db``): the server holds the one read-write connection (external access off as well).  Every
  request reads through its own ``con.cursor()``; an analysed article is stored with
  ``Store.write`` on a cursor of its own, one at a time under ``write_lock``; no other process
  can open the file meanwhile.

Each request gets a fresh cursor (``Site.cursor()``), closed at the end of the request.  Results
that cost a scan of the whole corpus (counts, outlets, the monthly chart) are cached until the
next write; with a read-only store they never change.

At start a background thread builds, one after the other: the row index of the finding tables
(``reader.RowIndex``), the in-memory copies of article metadata and the claim layer
(``cache.PageCache``) and the search index (``search.SearchIndex``); then it computes the outlets
page's figures.  Until each is ready the pages read the store directly (slower, same result).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import duckdb

from ..settings import Settings
from ..store import Store
from .cache import PageCache
from .queries import has_relation, outlets
from .reader import RowIndex
from .search import SearchIndex

if TYPE_CHECKING:
    from spacy.language import Language

T = TypeVar("T")

WORKSPACE = "reportedly-workspace.duckdb"
"""The database ``reportedly serve`` keeps pasted articles in when given no ``--db`` (in the current directory)."""


@dataclass(frozen=True)
class SiteConfig:
    """How to serve: which store, writable or not, and the analyse page's limits."""

    db: str
    writable: bool = False
    allow_private_urls: bool = False
    fetch_timeout: float = 10.0
    settings: Settings = field(default_factory=Settings)
    build_index: bool = True
    workspace: bool = False


class Site:
    """One open store and what the pages share.  ``Site.open(config)``; ``close()`` when done."""

    def __init__(self, config: SiteConfig, store: Store) -> None:
        self.config = config
        self.store = store
        self.write_lock = threading.Lock()
        self.analyse_lock = threading.Lock()
        self.index = RowIndex()
        self.search = SearchIndex()
        self.cache = PageCache()
        self.built = threading.Event()
        self.warmed = threading.Event()
        """Set once the background thread is done (the outlets figures computed too)."""
        self.generation = 0
        self._cache: dict[tuple[str, int], Any] = {}
        self._cache_lock = threading.Lock()
        self.svgs: OrderedDict[tuple[str, int], str | None] = OrderedDict()
        self._nlp: Language | None = None
        self._indexer: threading.Thread | None = None

    @classmethod
    def open(cls, config: SiteConfig) -> Site:
        """Open the store (raises ``StoreError``, one line, when it cannot be used)."""
        if config.writable:
            if config.db != ":memory:":
                Path(config.db).parent.mkdir(parents=True, exist_ok=True)
            store = Store.open(config.db, external_access=False)
        else:
            store = Store.open(config.db, read_only=True, external_access=False)
        site = cls(config, store)
        if config.build_index:
            site._indexer = threading.Thread(target=site._build_index, name="reportedly-row-index", daemon=True)
            site._indexer.start()
        return site

    def _build_index(self) -> None:
        cur = self.store.con.cursor()
        try:
            for build in (self.index.build, self.cache.build,
                          lambda c: self.search.build(c, lambda name: has_relation(c, name))):
                try:
                    if self.config.writable:
                        with self.write_lock:
                            build(cur)
                    else:
                        build(cur)
                except duckdb.Error:
                    pass  # the pages fall back to plain lookups and the store's claim tables, search to ILIKE
        finally:
            self.search.failed = not self.search.ready.is_set()
            self.search.ready.set()
            self.built.set()
            cur.close()
        with suppress(duckdb.Error):
            self.cached("outlets", outlets)  # the outlets page's figures scan the whole store: seconds on 25k
        self.warmed.set()

    def wait_for_index(self, timeout: float | None = None) -> bool:
        """Wait until the row index, the claim cache and the search index are built (or failed)."""
        return self.built.wait(timeout) and self.index.ready.is_set()

    def close(self) -> None:
        if self._indexer is not None:
            self._indexer.join(timeout=30)
        with suppress(duckdb.Error), self.cursor() as cur:
            self.cache.close(cur)
        self.store.close()

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of its own for one request."""
        cur = self.store.con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    def cached(self, key: str, compute: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """``compute(cursor)``, kept until the next write."""
        k = (key, self.generation)
        with self._cache_lock:
            if k in self._cache:
                return self._cache[k]  # type: ignore[no-any-return]
        with self.cursor() as cur:
            value = compute(cur)
        with self._cache_lock:
            self._cache = {kk: v for kk, v in self._cache.items() if kk[1] == self.generation}
            self._cache[k] = value
        return value

    def svg(self, article_id: str, draw: Callable[[], str | None]) -> str | None:
        """The article's chain graph, drawn once and kept (the 200 most recent)."""
        k = (article_id, self.generation)
        with self._cache_lock:
            if k in self.svgs:
                self.svgs.move_to_end(k)
                return self.svgs[k]
        value = draw()
        with self._cache_lock:
            self.svgs[k] = value
            while len(self.svgs) > 200:
                self.svgs.popitem(last=False)
        return value

    def nlp(self) -> Language:
        """The spaCy pipeline, loaded on the first analysis (raises ``ModelMissingError``)."""
        if self._nlp is None:
            from ..nlp import load_pipeline

            self._nlp = load_pipeline(self.config.settings.model)
        return self._nlp

    def written(self, ids: list[str]) -> None:
        """After a write: index the new articles and drop the cached corpus figures."""
        with self.cursor() as cur:
            self.index.add(cur, ids)
            self.cache.add(cur, ids)
            self.search.add(cur, ids)
        self.generation += 1
