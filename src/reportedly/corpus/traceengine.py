"""The engine of ``reportedly trace``: per-article work mapped over the parts of a chunk, in this process, a
pool of worker processes (forkserver) or Dask, started ahead of the chunk being decided.

``Engine.submit(fn, parts)`` starts ``fn`` on every part (on the workers, it runs while the tracing
process decides the chunk before; in this process, at once) and returns a function that waits and
joins the results; a worker that dies is one ``ReportedlyError`` line and nothing of its chunk is
written.  ``ahead(inputs, start)`` hands out each input with its started work, the next one
started first.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from ..batch import dask_client
from ..errors import ReportedlyError

__all__ = ["Engine", "ahead"]

In = TypeVar("In")
Out = TypeVar("Out")


class Engine:
    """Maps a function over parts of a chunk of articles: in this process, a pool of processes, or Dask."""

    def __init__(self, engine: str, workers: int, scheduler: str | None) -> None:
        if engine not in ("local", "dask"):
            raise ReportedlyError(f"unknown engine {engine!r} (local or dask)")
        self.engine, self.workers, self.scheduler = engine, workers, scheduler
        self._pool: ProcessPoolExecutor | None = None
        self._dask: Any = None
        self._client: Any = None

    def __enter__(self) -> Engine:
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

    def submit(self, fn: Callable[[Any], list[Any]], parts: Sequence[Any]) -> Callable[[], list[Any]]:
        """Start ``fn`` on every part (on the workers: it runs while this process decides the chunk
        before; in this process: now); the returned function waits and joins the results."""
        if self._client is not None:
            futures = self._client.map(fn, parts, pure=False)
            client = self._client

            def wait() -> list[list[Any]]:
                out: list[list[Any]] = client.gather(futures)
                return out

        elif self._pool is not None:
            pending = [self._pool.submit(fn, p) for p in parts]

            def wait() -> list[list[Any]]:
                return [f.result() for f in pending]

        else:
            done = [fn(p) for p in parts]

            def wait() -> list[list[Any]]:
                return done

        def joined() -> list[Any]:
            try:
                results = wait()
            except (
                BrokenProcessPool,
                OSError,
            ) as e:  # a worker died (killed, out of memory): nothing of this chunk is written
                raise ReportedlyError(
                    f"a {self.engine} worker process died ({e or type(e).__name__}); run the trace again"
                ) from None
            return [s for r in results for s in r]

        return joined


def ahead(inputs: Iterable[In], start: Callable[[In], Out]) -> Iterator[tuple[In, Out]]:
    """Each input with ``start(input)``, the next input started before this one is handed out (so that
    the engine computes its states while this process decides the one before)."""
    it = iter(inputs)
    try:
        current = next(it)
    except StopIteration:
        return
    started = start(current)
    for following in it:
        ahead = start(following)
        yield current, started
        current, started = following, ahead
    yield current, started
