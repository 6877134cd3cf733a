"""The command line: ``reportedly analyze``, the corpus commands and ``reportedly eval ...``.

- ``app``: the Typer application, shared options and the one-line error format;
- ``analyze``: ``reportedly analyze`` (and ``render``, its terminal report);
- ``corpus``: ``reportedly ingest``, ``query``, ``export``, ``views`` (the store);
- ``trace``: ``reportedly trace``, ``stories``, ``story``, ``claim``, ``drift`` (the cross-article layer, ``reportedly.corpus``);
- ``evaluate``: ``reportedly eval ...`` (the scorers of ``reportedly.evaluation``).

A new command goes in the module of its group (or a new module imported below); it decorates a
function with ``@app.command()`` from ``.app``.
"""

from __future__ import annotations

import sys

from . import analyze, corpus, evaluate, trace
from . import serve as serve
from .app import app, error_line

__all__ = ["analyze", "app", "corpus", "evaluate", "main", "trace"]


def main() -> None:
    """Console entry point."""
    try:
        app()
    except KeyboardInterrupt:
        error_line("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
