"""Quotation marks: pair them into quoted regions of an article, tolerating news habits.

News opens a quote mark on every paragraph of a long quotation and closes it
only at the end; it mixes curly and straight marks; and scraped text has odd
counts.  ``quote_regions`` returns the quoted regions of ``text`` as
``(open_mark_start, close_mark_end)`` character spans, never raising:

* curly marks (“ ”) pair by direction; straight marks (") open when they
  follow whitespace, a bracket or a dash and close otherwise;
* a paragraph (blank-line or newline separated) that ends inside an open
  quote continues it when the next paragraph starts with an opening mark,
  otherwise the quote is closed at the paragraph end (an unclosed mark);
* a stray closing mark with nothing open is ignored.

Two apostrophes ('') count as a straight double quote (as in the New York
Times' feed).  Single quotes (‘ ’ ') are not paired: they double as apostrophes.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

OPEN = frozenset("“„«")
CLOSE = frozenset("”»")
STRAIGHT = '"'
MARKS = OPEN | CLOSE | {STRAIGHT}


@dataclass(frozen=True, slots=True)
class QuoteRegion:
    start: int
    """Offset of the opening mark."""
    end: int
    """Offset just past the closing mark (or the end of the paragraph when unclosed)."""
    closed: bool
    paragraphs: int
    """How many paragraphs the quote spans."""


def _is_open(text: str, i: int) -> bool:
    ch = text[i]
    if ch in OPEN:
        return True
    if ch in CLOSE:
        return False
    prev = text[i - 1] if i else " "
    return prev.isspace() or prev in "([{—–-/:" or i == 0


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    out = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
        start = end + 1
    return out


def quote_regions(text: str) -> list[QuoteRegion]:
    """Quoted regions of ``text`` in order (see the module docstring for the rules)."""
    regions: list[QuoteRegion] = []
    paras = _paragraph_spans(text)
    open_at: int | None = None
    n_paras = 0
    for k, (ps, pe) in enumerate(paras):
        if open_at is not None:
            n_paras += 1
        skip = -1
        for i in range(ps, pe):
            ch = text[i]
            if i <= skip:
                continue
            width = 1
            if ch == "'" and text[i + 1 : i + 2] == "'":
                # two apostrophes stand for a straight double quote (the New York Times' feed)
                ch, width, skip = STRAIGHT, 2, i + 1
            elif ch not in MARKS:
                continue
            opening = _is_open(text, i) if width == 1 else _is_open_pair(text, i)
            if open_at is None and ch in CLOSE and _is_open_pair(text, i) and text[i + 1 : i + 2].isalnum():
                opening = True  # a closing mark used to open ("”Fear. I am afraid”")
            if open_at is None:
                if opening:
                    open_at, n_paras = i, 1
                # a closing mark with nothing open is ignored
            elif opening and i == ps and open_at < ps:
                pass  # the re-opened mark of a continued paragraph
            elif not opening or ch == STRAIGHT:
                regions.append(QuoteRegion(open_at, i + width, True, n_paras))
                open_at = None
            else:
                # an opening mark while open: the earlier quote was never closed
                regions.append(QuoteRegion(open_at, _end_before(text, i), False, n_paras))
                open_at, n_paras = i, 1
        if open_at is not None:
            nxt = paras[k + 1][0] if k + 1 < len(paras) else None
            if nxt is None or not (mark_at(text, nxt) and _is_open(text, nxt)):
                regions.append(QuoteRegion(open_at, pe, False, n_paras))
                open_at = None
    return regions


def _is_open_pair(text: str, i: int) -> bool:
    prev = text[i - 1] if i else " "
    return prev.isspace() or prev in "([{—–-/:" or i == 0


def mark_at(text: str, i: int) -> bool:
    """A double quote mark (or two apostrophes) at ``i``."""
    return text[i] in MARKS or text[i : i + 2] == "''"


def _end_before(text: str, i: int) -> int:
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i


class QuoteIndex:
    """Fast look-ups over the quote regions of one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.regions = quote_regions(text)
        self._starts = [r.start for r in self.regions]

    def region_at(self, offset: int) -> QuoteRegion | None:
        """The region containing ``offset`` (marks included), or None."""
        k = bisect.bisect_right(self._starts, offset) - 1
        if k >= 0 and self.regions[k].start <= offset < self.regions[k].end:
            return self.regions[k]
        return None

    def starting_at(self, offset: int) -> QuoteRegion | None:
        """The region whose opening mark is at ``offset``."""
        k = bisect.bisect_left(self._starts, offset)
        if k < len(self.regions) and self.regions[k].start == offset:
            return self.regions[k]
        return None

    def inside(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside one quoted region (between its marks)."""
        r = self.region_at(start)
        return r is not None and r.start < start and end <= r.end

    def overlapping(self, start: int, end: int) -> Iterator[QuoteRegion]:
        """The regions overlapping ``[start, end)``, in order (a binary search over their starts)."""
        k = max(0, bisect.bisect_right(self._starts, start) - 1)
        while k < len(self.regions) and self.regions[k].start < end:
            if self.regions[k].end > start:
                yield self.regions[k]
            k += 1

    def quoted_chars(self, start: int, end: int) -> int:
        """How many characters of ``[start, end)`` are inside quoted regions."""
        return sum(min(end, r.end) - max(start, r.start) for r in self.overlapping(start, end))

    def titles(self, start: int, end: int) -> list[tuple[int, int]]:
        """The closed regions overlapping ``[start, end)`` that quote a title: three words or more, every word of four
        letters or more capitalised, no stop inside but a final "?" or "!" ("Let Us Defend Socialism under the Banner
        of the Juche Idea")."""
        out = []
        for r in self.overlapping(start, end):
            inner = self.text[r.start + 1 : r.end - 1]
            if r.closed and len(inner.split()) >= 3 and title_like(inner) and not _STOP.search(inner.rstrip("?!")):
                out.append((r.start, r.end))
        return out


def title_like(words: str) -> bool:
    """Whether every word of four letters or more is capitalised, but for a title's small words ("under", "with")."""
    return all(w[:1].isupper() or len(w) < 4 or w in _SMALL for w in re.findall(r"[\w'’-]+", words))


_SMALL = frozenset("with from into over upon under about after before against among between through toward towards than that".split())
"""Words a title writes in lower case though longer than three letters."""
_STOP = re.compile(r"[.!?;:](?:\s|$)|\n")


@functools.lru_cache(maxsize=4)
def quote_index(text: str) -> QuoteIndex:
    """The quote regions of a text, built once for ``extract``, the finder's records and the antecedents (read-only)."""
    return QuoteIndex(text)
