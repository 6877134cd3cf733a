"""The per-article features of story clustering (``corpus.stories``): ``story_state`` and its reader.

A state holds hashed term counts in three families: *words* (lower-cased, stop words dropped, a
light plural stemmer), *names* (runs of capitalised words not opening a sentence, each word and the
whole run; headline-case lines are skipped) and *numbers*; plus its *era*, the latest year its text
mentions.  A term is a 32-bit blake2b hash whose two low bits hold the family.  At most
``MAX_TERMS`` terms: the most frequent names and numbers (half at most), then the most frequent
words.  Header ``<BHH`` (version, era, n), then n little-endian uint32 hashes (sorted), then n
uint8 counts: 5 bytes a term (about 1 KB for a news article).
"""

from __future__ import annotations

import functools
import hashlib
import re
import struct
from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from .items import Item

WORD, NAME, NUMBER = 0, 1, 2
MAX_TERMS = 200
"""Terms kept in a state: the most frequent names and numbers (half at most), then the most frequent words."""
_BUCKETS = 1 << 22
_VERSION = 1
_HEADER = struct.Struct("<BHH")

_STOP = frozenset(
    """a about above after again against all almost also although always am among an and another any are
    around as at away back be became because been before being below between both but by came can could did
    do does doing done down during each either else even ever every few first for from further get gets got
    had has have having he her here hers herself him himself his how however i if in into is it its itself
    just last least less let like made make many may me might more most much must my myself near neither
    never new next no nor not now of off often on once one only or other others our ours ourselves out over
    own per put rather really said same say says see seen several shall she should since so some still such
    than that the their theirs them themselves then there these they this those though three through thus to
    too two under until up upon us very was we well were what when where whether which while who whom whose
    why will with within without would yet you your yours yourself told according including four five six
    seven eight nine ten year years day days week weeks month months time times today yesterday tomorrow
    monday tuesday wednesday thursday friday saturday sunday people percent""".split()
)
_CAP_STOP = frozenset(
    """The A An In On At He She It They We I But And This That Those These There Then When Where What Why How
    Who His Her Its Their Our Your My Mr Mrs Ms Dr If As For From With By After Before While Although Though
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
    September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec According Also Some
    One Two Three Many More Most No Not So Yet Still Both All Any Each Other Such Only Just Even Here Now Today
    Yesterday Tomorrow Last Next New Police President Officials Reuters AP Associated Press Photo Image Video
    Read Click Share Comments Copyright Updated Posted EDT EST GMT PM AM UTC BST PST ET""".split()
)
_LINKS = frozenset({"of", "de", "la", "van", "von", "al", "bin", "el"})
_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’][^\W\d_]+)?")
_CAPS = re.compile(
    r"[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]*|of|de|la|van|von|al|bin|el)(?=[ \t]+[A-Z]|[\s.,;:!?\"”)]|$))*"
)
_NUM = re.compile(r"(?<![\w.])\d[\d,.]*\d|(?<![\w.])\d")
_YEAR = re.compile(r"(?:1[89]\d\d|20[0-4]\d)")
_LONG = re.compile(r"(?<!\S)[^\W\d_]\S{3,}")
_ENDS = frozenset('.!?:"“”')

Terms = npt.NDArray[np.uint32]


@functools.lru_cache(maxsize=1 << 18)
def _word_key(w: str) -> str | None:
    """The term a lower-cased word counts as (a light plural stemmer), None for a stop word."""
    w = w[:-2] if w.endswith("'s") else w
    if len(w) < 3 or w in _STOP:
        return None
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@functools.lru_cache(maxsize=1 << 18)
def _term(family: int, term: str) -> int:
    """A stable 32-bit hash of a term (the same in every process, unlike ``hash``), family in the low bits."""
    h = int.from_bytes(
        hashlib.blake2b(term.encode("utf-8"), digest_size=4, person=b"story").digest(), "little"
    )
    return (h & ~3) | family


def _names(text: str) -> Counter[str]:
    names: Counter[str] = Counter()
    for line in text.split("\n"):
        if len(line) < 160:
            long = _LONG.findall(line)
            if len(long) >= 3 and sum(t[0].isupper() for t in long) >= 0.6 * len(long):
                continue  # a headline in title case: its capitals say nothing about names
        for m in _CAPS.finditer(line):
            words = [t.strip("'’-") for t in m.group(0).split()]
            words = [t[:-2] if t.endswith(("'s", "’s")) else t for t in words]
            before = line[: m.start()].rstrip()
            if len(words) == 1 and (not before or before[-1] in _ENDS):
                continue  # a lone capitalised word opening a sentence may be any word
            kept = [t for t in words if t and t not in _CAP_STOP and t.lower() not in _LINKS]
            names.update(t.lower() for t in kept)
            if len(kept) > 1:
                names["_".join(kept).lower()] += 1
    return names


def story_state(item: Item) -> bytes:
    """The features story clustering keeps of one article (its title and text); pure and deterministic."""
    text = f"{item.title}\n{item.text}" if item.title else item.text
    words: Counter[str] = Counter()
    for w, n in Counter(_WORD.findall(text.lower().replace("’", "'"))).items():
        key = _word_key(w)
        if key is not None:
            words[key] += n
    numbers: Counter[str] = Counter()
    era = 0
    for s in _NUM.findall(text):
        s = s.replace(",", "").rstrip(".")
        if _YEAR.fullmatch(s):
            era = max(era, int(s))
        else:
            numbers[s] += 1
    ranked = [(n, NAME, t) for t, n in _names(text).items()] + [(n, NUMBER, t) for t, n in numbers.items()]
    ranked = sorted(ranked, key=lambda r: (-r[0], r[2]))[: MAX_TERMS // 2]
    ranked += sorted(((n, WORD, t) for t, n in words.items()), key=lambda r: (-r[0], r[2]))[
        : MAX_TERMS - len(ranked)
    ]
    counts: dict[int, int] = {}
    for n, family, term in ranked:
        h = _term(family, term)
        counts[h] = counts.get(h, 0) + n
    keep = sorted(counts)
    hashes = np.array(keep, dtype="<u4")
    tf = np.array([min(counts[h], 255) for h in keep], dtype=np.uint8)
    return _HEADER.pack(_VERSION, era, len(keep)) + hashes.tobytes() + tf.tobytes()


@dataclass(frozen=True)
class Doc:
    terms: Terms
    """Sorted unique term hashes."""
    tf: npt.NDArray[np.float32]
    """``1 + ln count`` per term."""
    era: int


def read_doc(state: bytes) -> Doc:
    if len(state) < _HEADER.size:
        raise ValueError("not a story state")
    version, era, n = _HEADER.unpack_from(state)
    if version != _VERSION or len(state) != _HEADER.size + 5 * n:
        raise ValueError(f"not a story state of version {_VERSION}")
    terms = np.frombuffer(state, dtype="<u4", count=n, offset=_HEADER.size).astype(np.uint32)
    counts = np.frombuffer(state, dtype=np.uint8, count=n, offset=_HEADER.size + 4 * n)
    return Doc(terms, (1.0 + np.log(counts.astype(np.float32))).astype(np.float32), era)


def read_state(state: bytes) -> dict[str, Any]:
    """A state's contents (for inspection and tests): era and the number of terms."""
    doc = read_doc(state)
    return {"era": doc.era, "terms": int(doc.terms.size)}
