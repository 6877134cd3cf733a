"""The corpus engines behind ``reportedly ingest``: analyse many articles into the store.

``store_corpus`` reads the inputs (``reportedly.ingest``), skips articles already stored (same id
and text; the same text under another id is a republication, stored as an article of its own) BEFORE analysing them, refuses as a failure an article
whose id is stored (or pending in this run) with another text (``changed_text``), analyses the rest with the per-article flow
(``reportedly.pipeline.analyze_articles``) on one of three engines, and hands every batch to the
single writer (``reportedly.store``) as one transaction:

- local, in this process;
- local, in a pool of worker processes on this machine (``--workers N``);
- Dask, on a local cluster or the cluster at a scheduler's address.

Workers never open the database: they return reports (Dask workers may instead write Parquet
shards that the writer loads).  ``_drive`` is the loop all the multi-process engines share: it
keeps a bounded number of batches in flight and retries a batch whose worker died one article at
a time, so that the article that kills a worker is blamed alone.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from spacy.language import Language

from .errors import InputError, ReportedlyError
from .ingest import count_articles, expand_inputs, read_inputs
from .model import Article, Report
from .nlp import load_pipeline, require_pipeline
from .pipeline import analyze_articles
from .settings import Settings
from .store import Store, report_tables, text_hash
from .version import __version__

Failure = tuple[InputError, str | None, str]
"""An error, the id of the article it concerns (None for unreadable input) and the stage (read, analyze)."""


def _reports_and_failures(
    articles: Sequence[Article], settings: Settings, nlp: Language | None = None
) -> tuple[list[Report], list[Failure]]:
    """Reports of these articles and a failure for each one that could not be analysed."""
    reports: list[Report] = []
    failures: list[Failure] = []
    for a, res in zip(articles, analyze_articles(articles, settings, nlp=nlp), strict=True):
        if isinstance(res, Report):
            reports.append(res)
        else:
            failures.append((InputError(a.origin or a.id, res.problem, res.line), a.id, "analyze"))
    return reports, failures


def _worker_analyze(articles: list[Article], settings: Settings) -> tuple[list[Report], list[Failure]]:
    """Dask task: analyse one partition (the spaCy model loads once per worker process, then is cached)."""
    return _reports_and_failures(articles, settings)


def _worker_shard(
    articles: list[Article], settings: Settings, root: str, name: str
) -> tuple[str, int, list[Failure]]:
    """Dask task: analyse one partition and write it as a Parquet shard ``root/name/<table>.parquet``.

    The shard appears atomically (written under a temporary name, then
    renamed), so a half-written shard is never merged.  Returns the shard path,
    its article count and its failures (also in the shard's errors table).
    """
    import pyarrow.parquet as pq

    reports, failures = _reports_and_failures(articles, settings)
    tables = report_tables(reports, failures)
    final = Path(root) / name
    tmp = Path(root) / f".{name}.tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    for t, tbl in tables.items():
        pq.write_table(tbl, tmp / f"{t}.parquet")
    os.replace(tmp, final)
    return str(final), len(reports), failures


PRE_SPAWN_ENVIRON = "distributed.nanny.pre-spawn-environ"


def worker_environ(dask_config: Any) -> dict[str, Any]:
    """The environment Dask's nanny gives a worker process, without ``MALLOC_TRIM_THRESHOLD_``.

    Dask sets it to 64 KiB so that workers hand freed memory back to the system at once; glibc then
    also stops raising its mmap threshold, so every numpy array above 128 KiB that spaCy makes is a
    fresh mapping of zeroed pages.  On 144 articles in one process with that setting: 1.75 million
    page faults instead of 99 thousand, 7.6 s of system CPU instead of 1.2 s, 31.0 s in all instead
    of 25.7 s; a Dask worker spent 34.8 s where the same analysis outside Dask took 24.0 s.  The
    thread limits (``OMP_NUM_THREADS`` ...) are kept.
    """
    environ = dict(dask_config.get(PRE_SPAWN_ENVIRON, None) or {})
    environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    return environ


def _worker_warm(model: str | None) -> None:
    """Dask: load the spaCy model in this worker process (once; later tasks reuse it)."""
    load_pipeline(model)


def _worker_info() -> dict[str, Any]:
    """Dask: the package version and peak resident memory (MB) of this worker process."""
    import resource

    ru = resource.getrusage(resource.RUSAGE_SELF)
    return {"version": __version__, "peak_mb": peak_rss_mb(), "cpu_s": ru.ru_utime + ru.ru_stime}


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB.

    Linux ``VmHWM`` (the process's own high-water mark); ``ru_maxrss`` is only
    the fallback, since Linux carries it over from the parent across fork and
    exec, so a spawned worker would report its parent's peak.
    """
    import resource
    import sys

    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


@dataclass
class IngestStats:
    """What one ``ingest`` run did."""

    stored: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    """One line per failure (the first 1,000)."""
    seconds: float = 0.0
    analysed: int = 0
    """Articles sent to analysis (stored + failed in analysis)."""
    startup: float = 0.0
    """Seconds spent before the first article could be analysed (model load, cluster start)."""
    workers: int = 1
    worker_peak_mb: list[float] = field(default_factory=list)
    """Peak resident memory of each analysing process (MB): the workers, or this process (local)."""
    worker_cpu_s: list[float] = field(default_factory=list)
    """CPU seconds each analysing process used (Dask: since the worker started)."""

    @property
    def rate(self) -> float:
        """Articles analysed per second of wall time after start-up."""
        busy = self.seconds - self.startup
        return self.analysed / busy if busy > 0 else 0.0


class _Run:
    """Bookkeeping of one ingest: dedupe, writes, counts and the progress bar."""

    def __init__(self, store: Store, progress: Progress | None, task: Any, log: Callable[[str], None] | None) -> None:
        self.store = store
        self.progress = progress
        self.task = task
        self.log = log
        self.stats = IngestStats()
        self.pending_ids: dict[str, str] = {}
        """Ids of the articles in analysis now, with their text hashes."""
        self.t0 = time.perf_counter()

    def advance(self, n: int) -> None:
        if self.progress is not None and n:
            elapsed = time.perf_counter() - self.t0
            rate = f"{self.stats.analysed / elapsed:.1f} articles/s" if elapsed > 0 else ""
            self.progress.update(
                self.task,
                advance=n,
                rate=rate,
                counts=f"stored {self.stats.stored}  skipped {self.stats.skipped}  failed {self.stats.failed}",
            )

    def new_articles(self, items: Sequence[Article | InputError]) -> tuple[list[Article], list[Failure]]:
        """Split a chunk of inputs into articles to analyse and read failures; count the skipped.

        An article whose id is stored (or in analysis now) with the same text is skipped; one
        whose id is stored (or in analysis now) with another text is refused as a read failure
        (``changed_text``): storing it would replace or drop a text, so neither happens silently.
        The same text under another id is another article (a republication) and is analysed.
        """
        arts = [x for x in items if isinstance(x, Article)]
        reads: list[Failure] = [(x, None, "read") for x in items if isinstance(x, InputError)]
        hashes = [text_hash(a.text) for a in arts]
        known_ids, _ = self.store.stored([a.id for a in arts], [])
        fresh: list[Article] = []
        skipped = 0
        for a, h in zip(arts, hashes, strict=True):
            other = known_ids.get(a.id) or self.pending_ids.get(a.id)
            if other == h:
                skipped += 1
                continue
            if other is not None:
                reads.append((changed_text(a, other, h, stored=a.id in known_ids), a.id, "read"))
                continue
            self.pending_ids[a.id] = h
            fresh.append(a)
        self.stats.skipped += skipped
        self.advance(skipped)
        return fresh, reads

    def done(self, articles: Sequence[Article], reports: Sequence[Report], failures: Sequence[Failure]) -> None:
        """Write one analysed batch (and its read failures) in one transaction."""
        st = self.store.write(list(reports), list(failures))
        self._count(articles, st.articles, st.skipped, failures)
        for a in articles:
            self.pending_ids.pop(a.id, None)

    def done_shard(self, articles: Sequence[Article], shard: str, failures: Sequence[Failure], reads: Sequence[Failure]) -> None:
        """Merge one shard (one transaction), then record the read failures of its chunk."""
        st = self.store.merge_shard(shard)
        if reads:
            self.store.write([], list(reads))
        analysis_failures = [f for f in failures if f[2] == "analyze"]
        self._count(articles, st.articles, len(articles) - st.articles - len(analysis_failures), [*analysis_failures, *reads])
        for a in articles:
            self.pending_ids.pop(a.id, None)

    def _count(self, articles: Sequence[Article], stored: int, skipped: int, failures: Sequence[Failure]) -> None:
        s = self.stats
        s.stored += stored
        s.skipped += max(skipped, 0)
        s.analysed += len(articles)
        s.failed += len(failures)
        for err, _, _ in failures:
            if len(s.errors) < 1000:
                s.errors.append(str(err))
        self.advance(len(articles) + sum(1 for f in failures if f[2] == "read"))
        if self.log:
            self.log(f"committed: +{stored} stored, {len(failures)} failed (total stored {s.stored})")


def changed_text(article: Article, other_hash: str, new_hash: str, *, stored: bool = True) -> InputError:
    """The failure of an article whose id is already stored (or earlier in this run) with another text."""
    where = "is already stored" if stored else "came earlier in this run"
    return InputError(
        article.origin or article.id,
        f"id {article.id!r} {where} with a different text (sha256 {other_hash[:12]}, this text "
        f"{new_hash[:12]}); ingest it under a new id to keep both",
    )


def _chunks(items: Iterable[Article | InputError], size: int) -> Iterator[list[Article | InputError]]:
    chunk: list[Article | InputError] = []
    for x in items:
        chunk.append(x)
        if sum(isinstance(y, Article) for y in chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def store_corpus(
    paths: Sequence[str],
    store: Store,
    settings: Settings,
    *,
    engine: str = "local",
    workers: int | Callable[[int | None], int] | None = None,
    scheduler: str | None = None,
    shards: str | None = None,
    partition_size: int = 16,
    progress: bool = False,
    console: Console | None = None,
    log: Callable[[str], None] | None = None,
) -> IngestStats:
    """Analyse every input article not yet in ``store`` (a ``reportedly.store.Store``) and store it.

    ``engine`` is ``local`` (batches of ``settings.batch_size``, analysed in
    this process, or with ``workers`` > 1 in a pool of that many worker
    processes on this machine, one model load each) or ``dask`` (a
    ``LocalCluster`` of ``workers`` processes, default 2, or the cluster at
    ``scheduler``; partitions of ``partition_size`` articles).  ``workers`` may
    also be a function of the article count of the inputs (None when it is
    not known cheaply) that returns the worker count.  With
    ``shards`` (dask only) workers write Parquet shards under that directory
    and the writer merges each one.  Every batch is written in one
    transaction, so a killed run loses at most the batches in flight and the
    next run continues where it stopped.  Failures go to the errors table and
    never stop the run.  Raises ``ModelMissingError`` when the spaCy model is
    missing, ``ReportedlyError`` for a cluster that cannot be used.
    """
    files = expand_inputs(paths)
    total = count_articles(files)
    if callable(workers):
        workers = workers(total)
    bar: Progress | None = None
    if progress:
        bar = Progress(
            SpinnerColumn(),
            TextColumn("ingesting"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[counts]}"),
            console=console or Console(stderr=True),
            transient=False,
        )
        bar.start()
    task = bar.add_task("ingest", total=total, rate="", counts="") if bar else None
    run = _Run(store, bar, task, log)
    items = read_inputs(files, settings)
    try:
        if engine == "local" and (workers or 1) > 1:
            _ingest_pool(items, run, settings, workers or 1)
        elif engine == "local":
            cpu0 = time.process_time()
            nlp = load_pipeline(settings.model)
            run.stats.startup = time.perf_counter() - run.t0
            for chunk in _chunks(items, settings.batch_size):
                fresh, reads = run.new_articles(chunk)
                reports, failures = _reports_and_failures(fresh, settings, nlp) if fresh else ([], [])
                run.done(fresh, reports, [*failures, *reads])
            run.stats.worker_peak_mb = [round(peak_rss_mb(), 1)]
            run.stats.worker_cpu_s = [round(time.process_time() - cpu0, 1)]
        elif engine == "dask":
            _ingest_dask(items, run, settings, workers or 2, scheduler, shards, partition_size)
        else:
            raise ReportedlyError(f"unknown engine {engine!r} (local or dask)")
    finally:
        if bar is not None:
            bar.stop()
    run.stats.seconds = time.perf_counter() - run.t0
    return run.stats


def _ingest_dask(
    items: Iterable[Article | InputError],
    run: _Run,
    settings: Settings,
    workers: int,
    scheduler: str | None,
    shards: str | None,
    partition_size: int,
) -> None:
    import importlib

    wait = importlib.import_module("distributed").wait
    with dask_client(workers, scheduler) as client:
        nworkers = max(1, len(client.nthreads()))
        run.stats.workers = nworkers
        client.run(_worker_warm, settings.model)
        run.stats.startup = time.perf_counter() - run.t0
        if shards:
            Path(shards).mkdir(parents=True, exist_ok=True)
            for d in sorted(Path(shards).iterdir()):  # complete shards of an earlier, interrupted run
                if d.is_dir() and not d.name.startswith("."):
                    run.store.merge_shard(d)
        run_id = f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:6]}"
        part_no = 0

        def submit(arts: list[Article]) -> Any:
            nonlocal part_no
            part_no += 1
            if shards:
                return client.submit(
                    _worker_shard, arts, settings, str(Path(shards).resolve()), f"{run_id}-{part_no:06d}", pure=False
                )
            return client.submit(_worker_analyze, arts, settings, pure=False)

        def first_done(futures: list[Any]) -> set[Any]:
            done, _ = wait(futures, return_when="FIRST_COMPLETED")
            return set(done)

        def finish(arts: list[Article], reads: list[Failure], result: Any) -> None:
            if shards:
                path, _, failures = result
                run.done_shard(arts, path, failures, reads)
            else:
                reports, failures = result
                run.done(arts, reports, [*failures, *reads])

        _drive(run, _chunks(items, partition_size), submit, first_done, finish, 2 * nworkers)
        infos = client.run(_worker_info)
        run.stats.worker_peak_mb = [round(i["peak_mb"], 1) for i in infos.values()]
        run.stats.worker_cpu_s = [round(i["cpu_s"], 1) for i in infos.values()]


@contextmanager
def dask_client(workers: int, scheduler: str | None) -> Iterator[Any]:
    """A Dask ``Client`` of the cluster at ``scheduler``, or of a ``LocalCluster`` of ``workers`` processes.

    Checks that every worker runs this reportedly version; closes the client (and the local
    cluster) on the way out.  Raises ``ReportedlyError`` when the scheduler cannot be reached or
    the versions differ.
    """
    import importlib
    import logging

    # distributed's own annotations are partial; treat it as untyped here.
    dist: Any = importlib.import_module("distributed")
    cluster: Any = None
    try:
        if scheduler:
            client = dist.Client(scheduler, timeout="30s")
        else:
            # Dask's statistical profiler walks every worker thread's stack each
            # 10 ms; over spaCy's deep stacks it cost 25-40% more worker CPU per
            # article than the local engine (measured: 20-article partitions of
            # AllSides, 8.9-11.0 s against 6.8-7.3 s; 6.7-8.8 s without it).
            dask_config: Any = importlib.import_module("dask").config
            with dask_config.set(
                {"distributed.worker.profile.enabled": False, PRE_SPAWN_ENVIRON: worker_environ(dask_config)}
            ):
                # the scheduler's HTTP server on a free local port: with None it tries 8787 first, and
                # two runs started at once raced for it ("Port 8787 is already in use": a test run beside
                # another failed so)
                cluster = dist.LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0",
                    silence_logs=logging.ERROR,
                )
            client = dist.Client(cluster)
    except OSError as e:
        raise ReportedlyError(f"cannot reach the Dask scheduler {scheduler or '(local)'} ({e})") from None
    try:
        infos = client.run(_worker_info)
        wrong = {w: i["version"] for w, i in infos.items() if i["version"] != __version__}
        if wrong:
            raise ReportedlyError(
                f"Dask workers run another reportedly version ({sorted(set(wrong.values()))} vs {__version__}); "
                "install the same version on every worker"
            )
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _drive(
    run: _Run,
    chunks: Iterator[list[Article | InputError]],
    submit: Callable[[list[Article]], Any],
    first_done: Callable[[list[Any]], set[Any]],
    finish: Callable[[list[Article], list[Failure], Any], None],
    max_inflight: int,
) -> None:
    """Keep up to ``max_inflight`` chunks of new articles in analysis elsewhere and write each result.

    ``submit`` starts the analysis of some articles and returns a future;
    ``first_done`` waits until at least one of the given futures is done;
    ``finish`` writes a result.  A future that fails (a worker died: memory,
    a crash) is retried one article at a time, and only one such article is
    in flight at a time, so that a second crash is blamed on the right
    article, which is then recorded as failed.
    """
    inflight: dict[Any, tuple[list[Article], list[Failure]]] = {}
    retry: list[tuple[Article, list[Failure]]] = []
    exhausted = False
    while True:
        if retry:
            if not inflight:
                a, reads = retry.pop(0)
                inflight[submit([a])] = ([a], reads)
        else:
            while not exhausted and len(inflight) < max_inflight:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                fresh, reads = run.new_articles(chunk)
                if fresh:
                    inflight[submit(fresh)] = (fresh, reads)
                elif reads:
                    run.done([], [], reads)
        if not inflight:
            break
        for fut in first_done(list(inflight)):
            arts, reads = inflight.pop(fut)
            try:
                result = fut.result()
            except Exception as e:  # analysis errors come back as failures; this is a worker that died
                if len(arts) > 1:
                    retry.extend((a, reads if i == 0 else []) for i, a in enumerate(arts))
                else:
                    err = InputError(arts[0].origin or arts[0].id, f"worker failed ({type(e).__name__}: {e})")
                    run.done(arts, [], [(err, arts[0].id, "analyze"), *reads])
                continue
            finish(arts, reads, result)


def _pool_init(model: str | None, parent: int) -> None:
    """Process-pool worker start: load the model, and leave when the ingest process ``parent`` is gone.

    Without the watch, workers of an ingest killed with SIGKILL would finish the batches already
    queued to them and then wait forever (the pool's pipes stay open in the fork server).
    """
    import threading

    def watch() -> None:
        while _alive(parent):
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="reportedly-parent-watch", daemon=True).start()
    load_pipeline(model)


def _alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (a zombie, killed but not yet reaped, counts as gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def _pool_task(articles: list[Article], settings: Settings) -> tuple[list[Report], list[Failure], dict[str, Any]]:
    """Process-pool task: analyse one batch; also report this worker's pid, peak memory and CPU."""
    reports, failures = _reports_and_failures(articles, settings)
    return reports, failures, {"pid": os.getpid(), **_worker_info()}


RECYCLE_ARTICLES = 1000
"""The worker pool replaces each worker process after about this many articles.  A worker's
resident memory creeps up over a long run (5,000 AllSides articles on 2 workers: about 450 MB
after its first batch, 600 MB after 3 minutes, 700 MB after 13; docs/store.md); a fresh process
costs one model load."""


def _ingest_pool(items: Iterable[Article | InputError], run: _Run, settings: Settings, workers: int) -> None:
    """The local engine on ``workers`` processes of this machine (``concurrent.futures``).

    Workers start with ``forkserver`` where the platform has it (``spawn``
    elsewhere), load the model once each, analyse a batch of
    ``settings.batch_size`` articles per task and send the reports back; this
    process alone writes the store.  Each worker is replaced by a fresh one after about
    ``RECYCLE_ARTICLES`` articles, which bounds its memory.  A worker that dies takes the pool with it
    (``BrokenProcessPool``): a fresh pool is started and the batches that were
    in flight are retried one article at a time.
    """
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor
    from concurrent.futures import wait as wait_futures
    from concurrent.futures.process import BrokenProcessPool

    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)

    # a worker is replaced by a fresh one after about RECYCLE_ARTICLES articles (plus its warm-up task)
    tasks_per_worker = max(2, RECYCLE_ARTICLES // max(1, settings.batch_size)) + 1

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            workers, mp_context=ctx, initializer=_pool_init, initargs=(settings.model, os.getpid()),
            max_tasks_per_child=tasks_per_worker,
        )

    require_pipeline(settings.model)  # a missing model is one clear error here, not a trace in each worker
    pool = new_pool()
    infos: dict[int, dict[str, Any]] = {}
    try:
        # start every worker and load its model before the clock of the run starts
        try:
            for f in [pool.submit(_worker_warm, settings.model) for _ in range(workers)]:
                f.result()
        except BrokenProcessPool as e:
            raise ReportedlyError(f"the worker processes could not start ({e})") from None
        run.stats.workers = workers
        run.stats.startup = time.perf_counter() - run.t0

        def submit(arts: list[Article]) -> Any:
            nonlocal pool
            try:
                return pool.submit(_pool_task, arts, settings)
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                return pool.submit(_pool_task, arts, settings)

        def first_done(futures: list[Any]) -> set[Any]:
            done, _ = wait_futures(futures, return_when=FIRST_COMPLETED)
            return set(done)

        def finish(arts: list[Article], reads: list[Failure], result: Any) -> None:
            reports, failures, info = result
            infos[info["pid"]] = info
            run.done(arts, reports, [*failures, *reads])

        _drive(run, _chunks(items, settings.batch_size), submit, first_done, finish, 2 * workers)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    # recycled workers: the highest peaks, one per worker slot; CPU of every process that ran
    run.stats.worker_peak_mb = sorted((round(i["peak_mb"], 1) for i in infos.values()), reverse=True)[:workers]
    run.stats.worker_cpu_s = [round(i["cpu_s"], 1) for i in infos.values()]
