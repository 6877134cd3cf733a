"""Word lists beside the code, and a longest-match finder over token sequences.

Files (each states its source and licence in its header or in NOTICE.md):

- ``news_hedges.tsv``, ``news_disputes.tsv``, ``news_voice.tsv``,
  ``cue_words.txt`` (attribution cue words beyond the learnt lexicon),
  ``action_words.tsv`` (what makes "attacked" / "recorded" a plain action):
  written for reportedly (MIT, the project's licence).
- ``hedges_hyland2005.txt``, ``npov_lexicon.txt``,
  ``strong_subjectives_riloff2003.txt``: copied from Reid Pryzant's
  wiki-neutrality lexicons (MIT, see ``LICENSE`` and ``NOTICE.md``).

An entry is a lower-cased phrase written as words separated by single spaces,
in spaCy's tokenisation ("n't", "gaffe - prone"); ``PhraseTable.matches``
finds entries in a list of lower-cased token texts, longest first.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

__all__ = ["PhraseTable", "load_table", "load_words"]


def _lines(name: str) -> Iterator[str]:
    text = files(__name__).joinpath(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


@cache
def load_words(name: str) -> frozenset[str]:
    """The entries of a one-entry-per-line list (``#`` comments), lower-cased."""
    return frozenset(line.lower() for line in _lines(name))


@dataclass(frozen=True)
class PhraseTable:
    """Phrases (tuples of lower-cased words) with a value each, matched longest first."""

    entries: dict[tuple[str, ...], str]
    longest: int
    lengths: dict[str, tuple[int, ...]]
    """First word -> the lengths of the entries starting with it, longest first."""

    @classmethod
    def of(cls, entries: dict[tuple[str, ...], str]) -> PhraseTable:
        by_first: dict[str, set[int]] = {}
        for k in entries:
            if k:
                by_first.setdefault(k[0], set()).add(len(k))
        lengths = {w: tuple(sorted(ls, reverse=True)) for w, ls in by_first.items()}
        return cls(entries, max((len(k) for k in entries), default=0), lengths)

    def matches(self, words: Sequence[str]) -> Iterator[tuple[int, int, str]]:
        """``(start, end, value)`` token ranges of non-overlapping matches, left to right.

        At each position the longest entry wins; ``words`` must be lower-cased.
        """
        i, n = 0, len(words)
        lengths, entries = self.lengths, self.entries
        while i < n:
            for k in lengths.get(words[i], ()):
                if k > n - i:
                    continue
                value = entries.get(tuple(words[i : i + k]))
                if value is not None:
                    yield i, i + k, value
                    i += k
                    break
            else:
                i += 1


@cache
def load_table(name: str, default: str = "") -> PhraseTable:
    """A phrase table from a ``phrase<TAB>value`` file, or a plain list (value ``default``)."""
    entries: dict[tuple[str, ...], str] = {}
    for line in _lines(name):
        phrase, _, value = line.partition("\t")
        entries[tuple(phrase.lower().split())] = value.strip() or default
    return PhraseTable.of(entries)
