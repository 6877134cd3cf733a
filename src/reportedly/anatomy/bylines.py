"""Bylines: the names in a byline, each an author, an outlet or a news agency."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..registry import Outlet, Registry, load_registry
from .names import is_agency, outlet_named, person_like
from .patterns import BY, MONTH, OUTLET_WORDS, ROLE_WORDS
from .shape import date_line


@dataclass(frozen=True, slots=True)
class BylineName:
    """A name in a byline: ``start``/``end`` are offsets in the byline text."""

    text: str
    start: int
    end: int
    role: str
    """author, outlet or agency."""
    canonical: str
    """The registry name of an outlet or agency, else the text."""


_BYLINE_CUT = re.compile(
    rf"\s*(?:\b(?:Updated|Published|Posted|Last updated|Modified|on)\b|\b{MONTH} \d|\d{{1,2}}:\d{{2}}|"
    r"\d{4}-\d{2}-\d{2}|\b\d{1,2}/\d{1,2}/\d{2,4}|\||•|·|\s-\s\d)"
)
_BYLINE_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\s[-—–|/]\s|\bfor\b|\bwith\b)\s*")


def _classify_chunk(chunk: str, start: int, reg: Registry) -> list[BylineName]:
    """Names in one comma/and-separated piece of a byline."""
    toks: list[tuple[str, int, int]] = []
    raw = list(re.finditer(r"\S+", chunk))
    for k, m in enumerate(raw):
        word = m.group().strip(",;:")
        # a final stop ends the byline; the stop of an initial ("E.") or "Jr." is part of the name
        if k == len(raw) - 1 and word.endswith(".") and len(word) > 3:
            word = word[:-1]
        if word:
            s = start + m.start() + m.group().find(word)
            toks.append((word, s, s + len(word)))
    if not toks:
        return []
    words = [t for t, _, _ in toks]

    def span_text(i: int, j: int) -> str:
        return chunk[toks[i][1] - start : toks[j - 1][2] - start]

    def outlet_at(i: int, j: int) -> BylineName | None:
        text = span_text(i, j)
        o = outlet_named(reg, text)
        agency = is_agency(text, reg)
        if o is None and not agency:
            return None
        if o is not None and o.type == "person" and not agency:
            # a columnist the registry lists ("Amy Klobuchar", type person): the author, not an outlet
            return BylineName(text, toks[i][1], toks[j - 1][2], "author", o.name)
        role = "agency" if agency else "outlet"
        if o is None and agency is True and len(text) <= 5:
            o = outlet_named(reg, text.upper())  # "Ap Auto Writer": the registry knows "AP"
        canonical = o.name if o is not None else (agency.name if isinstance(agency, Outlet) else text)
        return BylineName(text, toks[i][1], toks[j - 1][2], role, canonical)

    # the whole chunk an outlet or agency: "Fox News", "The Associated Press", "USA TODAY"
    whole = outlet_at(0, len(words))
    if whole is not None:
        return [whole]
    # a person followed by an outlet: "Jasmine Baehr Fox News"
    for i in range(1, len(words)):
        tail = outlet_at(i, len(words))
        if tail is not None and person_like(words[:i]):
            return [BylineName(span_text(0, i), toks[0][1], toks[i - 1][2], "author", span_text(0, i)), tail]
    # an outlet followed by role words: "Ap Auto Writer", "Reuters Staff"
    for j in range(len(words) - 1, 0, -1):
        head = outlet_at(0, j)
        if head is not None and all(w.lower() in ROLE_WORDS for w in words[j:]):
            return [head]
    # "Special to CNN": role words then an outlet
    for i in range(1, len(words)):
        if all(w.lower() in ROLE_WORDS for w in words[:i]):
            tail = outlet_at(i, len(words))
            if tail is not None:
                return [tail]
    # a person followed by role words: "Meg James Staff Writer"
    k = len(words)
    while k > 0 and words[k - 1].lower() in ROLE_WORDS:
        k -= 1
    if k and person_like(words[:k]):
        return [BylineName(span_text(0, k), toks[0][1], toks[k - 1][2], "author", span_text(0, k))]
    # an unknown outlet, as written, when its words say so: "Live Science"
    if k and all(w[0].isupper() for w in words[:k]) and any(w.lower() in OUTLET_WORDS for w in words[:k]):
        text = span_text(0, k)
        return [BylineName(text, toks[0][1], toks[k - 1][2], "outlet", text)]
    return []


def read_byline(text: str, registry: Registry | None = None) -> list[BylineName] | None:
    """The names in a byline ("By Jasmine Baehr, Fox News", "Jasmine Baehr By Jasmine Baehr Fox News").

    Returns None when ``text`` does not read as a byline.  Offsets are into ``text``.
    """
    reg = registry or load_registry()
    if len(text) > 200:
        return None
    m = BY.search(text)
    if m is not None:
        pre = text[: m.start()].strip()
        rest_start = m.end()
        if pre:
            # "Jasmine Baehr By Jasmine Baehr ...": a name shown twice (avatar, then byline);
            # "Monday November 18, 2019 7:45 am PST by Joe Rossignol": a date first.
            rest = text[rest_start:]
            if not (rest.startswith(pre) or date_line(pre)):
                return None
    else:
        rest_start = 0
    rest = text[rest_start:]
    cut = _BYLINE_CUT.search(rest)
    region = rest[: cut.start()] if cut else rest
    if not region.strip() or len(region.split()) > 16:
        return None
    names: list[BylineName] = []
    pos = 0
    for piece in _BYLINE_SPLIT.split(region):
        if not piece:
            continue
        at = region.find(piece, pos)
        pos = at + len(piece)
        names.extend(_classify_chunk(piece, rest_start + at, reg))
    if m is None:
        # Without "By", every piece must be a name, an outlet or role words.
        pieces = [p for p in _BYLINE_SPLIT.split(region) if p.strip()]
        ok = all(_classify_chunk(p, 0, reg) or all(w.lower() in ROLE_WORDS for w in p.split()) for p in pieces)
        if not ok or not names:
            return None
    elif not names:
        return None
    return names


ROLE_LINE = re.compile(
    r"^(?:[A-Z][\w.&'’-]*\s+){0,4}(?:opinion\s+|guest\s+|contributing\s+)?"
    r"(?:contributor|columnist|writer|correspondent|editor|reporter)s?$",
    re.I,
)
"""A role line under an author's name, which names nobody: "Register Opinion contributor", "Guest columnist"."""


def byline_names(lines: Iterable[str], reg: Registry) -> tuple[list[str], str | None]:
    authors: list[str] = []
    outlet: str | None = None
    for t in lines:
        if ROLE_LINE.match(t.strip()):
            continue
        for n in read_byline(t, reg) or ():
            if n.role == "author" and n.text not in authors:
                authors.append(n.text)
            elif n.role == "outlet" and outlet is None:
                outlet = n.canonical
    return authors, outlet
