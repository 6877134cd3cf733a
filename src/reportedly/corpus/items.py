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

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..anatomy import blank, inline_furniture

NOT_READ = ("caption", "credit", "media_title", "bio", "tag", "boilerplate", "byline")
"""Kinds of anatomy block the copy finder does not read: what a page carries around the reporting
(photo captions and galleries, credits, bylines, "Read more" boxes) is shared by articles that do
not copy each other.  (The story finder reads them: a caption names the people and places of its
story; skipping them too cost ECB+ dev 0.001 of B3 F1, measured 2026-12-04.)"""


@dataclass(frozen=True)
class Item:
    """One stored article (a row of ``articles``) as the corpus layer reads it."""

    id: str
    seq: int
    """Ingest order (``articles.seq``): the order findings are decided in."""
    text: str
    """The stored text, with page furniture inside a paragraph blanked (``anatomy.inline_furniture``)."""
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    """ISO date (``YYYY-MM-DD``, maybe with a time) or None when unknown."""
    skip: tuple[tuple[int, int], ...] = ()
    """Character spans of ``text`` in blocks of the ``NOT_READ`` kinds (from the stored anatomy)."""

    def __post_init__(self) -> None:
        # page furniture inside a paragraph (The Hill's name cards) is read as spaces, as the parse reads it:
        # its headlines of other stories are no claim, term or shingle of this article (offsets kept)
        cards = inline_furniture(self.text)
        if cards:
            object.__setattr__(self, "text", blank(self.text, cards))

    @property
    def reading(self) -> str:
        """``text`` with the ``skip`` spans blanked (spaces; line breaks and offsets kept): what the copy
        finder reads."""
        return blank(self.text, self.skip)

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

    @property
    def ordinal(self) -> int:
        """The publication day as a date ordinal, -1 when undated (or not a real date)."""
        day = self.day
        try:
            return dt.date.fromisoformat(day).toordinal() if day else -1
        except ValueError:
            return -1

    @property
    def when(self) -> tuple[int, int]:
        """(publication day ordinal, or a large number when undated; seq): earlier sorts first."""
        day = self.ordinal
        return (day if day >= 0 else 10**7, self.seq)


def skipped(blocks: Iterable[tuple[str | None, int, int]]) -> tuple[tuple[int, int], ...]:
    """The ``(start, end)`` spans of the blocks ``(kind, start, end)`` of a ``NOT_READ`` kind, in order."""
    return tuple(sorted((a, b) for kind, a, b in blocks if kind in NOT_READ and b > a))
