"""What the cross-article layer sees of one stored article, and the order it sees them in.

Every cross-article finding is decided *online, in ingest order*: article ``k`` (by ``seq``, the
store's ingest sequence) is compared only with the articles before it, and what was decided for
it is never revisited.  So tracing a corpus in several runs (after each ingest) gives exactly the
result of one run over the same store, and a run killed half way resumes where it stopped.  Each
finder (``stories.StoryFinder``, ``copies.CopyFinder``) therefore has the same shape:

- a pure per-article function of an ``Item`` (its state: ``bytes`` the store keeps, computed in
  parallel on any engine);
- ``restore(item, state, ...)`` with the already traced articles, in ``seq`` order, rebuilding the
  finder's memory without deciding anything;
- ``add(item, state)`` for each new article, in ``seq`` order, returning its findings.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    """One stored article (a row of ``articles``) as the corpus layer reads it."""

    id: str
    seq: int
    """Ingest order (``articles.seq``): the order findings are decided in."""
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    """ISO date (``YYYY-MM-DD``, maybe with a time) or None when unknown."""

    @property
    def day(self) -> str | None:
        """The publication day (``YYYY-MM-DD``) when ``published`` starts with a valid one."""
        p = self.published
        if (
            p
            and len(p) >= 10
            and p[4] == "-"
            and p[7] == "-"
            and p[:4].isdigit()
            and p[5:7].isdigit()
            and p[8:10].isdigit()
        ):
            return p[:10]
        return None
