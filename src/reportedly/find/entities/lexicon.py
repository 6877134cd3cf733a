"""Word lists for the entity finder: person titles and government bodies.

The lists live in ``find/data/`` (``person_titles.txt``, ``government.txt``, ``first_names.txt``; ``name_words`` reads
``korean_surnames.txt`` and ``nonperson_heads.txt``;
their sources and licences are in ``find/data/README.md``) and are read once
per process.  Words are compared lower-cased with a trailing ``.`` removed, so
``"Sen."`` and ``"sen"`` are the same entry.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources


def word_key(word: str) -> str:
    """The form of a word that the lists are keyed on: lower-cased, ``’`` as ``'``, no trailing ``.``."""
    return word.replace("’", "'").lower().rstrip(".")


def read_sections(name: str) -> dict[str, tuple[str, ...]]:
    """The entries of a ``find/data`` list by ``[section]`` (entries before any section under ``""``), comments
    and blank lines left out."""
    text = resources.files("reportedly.find").joinpath("data", name).read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            out.setdefault(current, [])
            continue
        out.setdefault(current, []).append(line)
    return {k: tuple(v) for k, v in out.items()}


@dataclass(frozen=True)
class Lexicon:
    """The word lists, keyed with ``word_key``."""

    heads: frozenset[str]
    """Nouns that head a person's role ("minister", "analyst")."""
    ranks: frozenset[str]
    """Titles written right before a name ("general", "dr", "sen")."""
    honorifics: frozenset[str]
    """Forms of address that are not roles ("mr", "mrs")."""
    modifiers: frozenset[str]
    """Words that only modify a title ("former", "deputy")."""
    objects: frozenset[str]
    """Words completing "Secretary of State"-like titles."""
    government_names: frozenset[str]
    """Whole names of government bodies, normalised with ``name_key``."""
    government_acronyms: frozenset[str]
    """Those of ``government_names`` listed in capitals ("GAO", "ICE"): they name the body only written so (not "Gao
    Feng", "Ice")."""
    government_words: tuple[str, ...]
    """Capitalised words or phrases that make an organisation a government body."""

    def government_name(self, name: str, text: str = "") -> bool:
        """Whether a name as written is a government body's whole name; an acronym written as a word ("Ice", The
        Guardian's style) only when the article's ``text`` never writes it before another name word, as in a person's
        name ("Gao Feng": "Gao" is no GAO)."""
        key = name_key(name)
        if key not in self.government_names or key not in self.government_acronyms or name.isupper():
            return key in self.government_names
        return bool(text) and re.search(rf"\b{re.escape(name)}\s+[A-Z][a-z]", text) is None

    def is_title_word(self, word: str) -> bool:
        """A role head, rank or honorific."""
        k = word_key(word)
        return k in self.heads or k in self.ranks or k in self.honorifics


def name_key(name: str) -> str:
    """Comparison form of a name: whitespace collapsed, ``’`` as ``'``, lower-cased, no leading "the"."""
    n = " ".join(name.replace("’", "'").split()).lower()
    return n[4:] if n.startswith("the ") else n


@functools.cache
def lexicon() -> Lexicon:
    """The bundled lists (read once per process)."""
    titles = read_sections("person_titles.txt")
    gov = read_sections("government.txt")
    return Lexicon(
        heads=frozenset(word_key(w) for w in titles.get("head", ())),
        ranks=frozenset(word_key(w) for w in titles.get("rank", ())),
        honorifics=frozenset(word_key(w) for w in titles.get("honorific", ())),
        modifiers=frozenset(word_key(w) for w in titles.get("modifier", ())),
        objects=frozenset(word_key(w) for w in titles.get("object", ())),
        government_names=frozenset(name_key(w) for w in gov.get("name", ())),
        government_acronyms=frozenset(name_key(w) for w in gov.get("name", ()) if w.isupper()),
        government_words=tuple(gov.get("word", ())),
    )


@functools.cache
def first_names() -> dict[str, str]:
    """Given name -> "f" / "m" (``find/data/first_names.txt``: names used overwhelmingly for one gender)."""
    return {
        w.lower(): ("f" if section == "female" else "m")
        for section, lines in read_sections("first_names.txt").items()
        for line in lines
        for w in line.split()
    }
