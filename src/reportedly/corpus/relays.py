"""Explicit credits resolved to stored articles: "The Washington Post reported", "according to Yonhap", "told CNN".

``outlet_credits(report, registry)`` lists an article's credits to news media: each attribution
whose source or addressee ("told CNN") is a news medium of the registry (state media, agency,
public broadcaster, outlet), or whose chain relays through one, with the claim's content span.

``resolve(credit, citing, candidates, registry)`` finds the credited outlet's article among
candidate stored articles (those of the same story when the trace knows it; any, otherwise):

- its outlet is the credited one (registry names: "The Washington Post" = "Washington Post",
  "AP" = "Associated Press", "Fox Online News" = "Fox News"; an outlet the registry lacks is
  compared by its normalised name);
- it is dated from ``DAYS_BEFORE`` days before to ``DAYS_AFTER`` after the citing article (an
  article years older that shares a stock phrase is not an origin; when either date is unknown
  the pair is not decided, since the claim alone cannot tell a source from a coincidence);
- and it carries the claim: a sentence (or two adjacent sentences) of it holds at least
  ``MIN_SCORE`` of the credited passage's content (``claimtext.coverage``: the share of its
  content stems and figures, the credited outlet's name and the sourcing words ``_SOURCING``
  left out; 1.0 for a verbatim quote of it; 0 with conflicting figures or places).  The passage is
  read twice, whole (the attribution to its sentence end) and as the attribution's content alone
  (``Credit.core``), and the better reading counts.  The share is of the *credited* passage, not
  of the shorter side: a short sentence of the candidate that happens to share three words with a
  long credited passage carries little of it.

The best such article (highest score, then nearest date) is the origin, with its passage and the
relation (``verbatim_quote``, ``partial_quote`` or ``paraphrase``); when none qualifies the
result is None: the origin is outside the corpus, and no other article is named instead.

The limits: the test is lexical, so a loose paraphrase with few shared words is missed, and a
same-topic article of the credited outlet that repeats the claim's names and figures in another
statement can be taken for the origin; the window is a fixed number of days.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..model import Report
from ..registry import NEWS_TYPES, Registry, normalise
from .claimtext import Passage, coverage, passage, quoted_in, sentence_spans
from .items import Item

__all__ = ["Credit", "Relay", "outlet_credits", "outlet_key", "resolve", "sentences"]

DAYS_BEFORE = 7
DAYS_AFTER = 2
"""Window around the citing article's date (an outlet may store a later version of its story)."""
MIN_SCORE = 0.45
"""Least share of the credited passage's content a passage of the candidate must carry
(``claimtext.coverage``).  Chosen on the two halves (by row parity) of the dev rows of
``relay/outlet_relays.jsonl``: anywhere from 0.3 to 0.5 every credited article is found in both;
with the credited article taken out, the outlet's other articles of those days score 0.5 at most
(2 of 31, both on the same story), so the least that keeps the credited ones with a margin."""

_SOURCING = frozenset(
    passage(
        "official officials source sources spoke speaking condition anonymity anonymous authorized "
        "briefed briefing familiar matter citing cited quoting person people statement interview"
    ).stems
)
"""Words of the sourcing around a credited claim ("a U.S. official who spoke on condition of
anonymity after being briefed"): not content, so a candidate's own sourcing does not match them."""
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9])|\n+")


@dataclass(frozen=True, slots=True)
class Credit:
    """A claim of an article credited to a news medium."""

    attribution: str
    outlet: str
    """The credited outlet's registry name (or the name as written when the registry lacks it)."""
    start: int
    end: int
    """The credited passage (``text[start:end]`` of the citing article): the attribution, from its
    first span to the end of its sentence ("Two other Saudi students watched from a car, AP reported")."""
    core: tuple[int, int] | None = None
    """The attribution's content alone, without its source, cue and the rest of its sentence ("Two
    other Saudi students watched from a car" of "..., AP reported, citing a U.S. official who spoke
    on condition of anonymity")."""


@dataclass(frozen=True, slots=True)
class Relay:
    """A credited passage of ``article_id`` found in ``origin_article_id`` (a row of ``relays``)."""

    article_id: str
    start: int
    end: int
    origin_article_id: str
    origin_start: int
    origin_end: int
    relation: str
    """verbatim_quote, partial_quote or paraphrase."""
    score: float


def outlet_key(name: str | None, registry: Registry) -> str | None:
    """The registry name of an outlet as written ("Fox Online News" -> "Fox News"), else its normalised name."""
    if not name:
        return None
    o = registry.match(name)
    if o is None and "." in name and " " not in name.strip():
        o = registry.match_domain("http://" + name.strip().lower())
    return o.name if o is not None else normalise(name)


def outlet_credits(report: Report, registry: Registry) -> list[Credit]:
    """The article's claims credited to news media (see the module doc), in text order."""
    text = report.article.text
    own = outlet_key(report.article.outlet, registry)
    via: dict[str, list[str]] = {}
    for ch in report.chains:
        if ch.attribution:
            via.setdefault(ch.attribution, []).extend(
                h.name for h in ch.hops if h.type in NEWS_TYPES and h.role != "publisher"
            )
    out: list[Credit] = []
    for a in report.attributions:
        if not a.content:
            continue
        names: list[str] = []
        if a.source_type in NEWS_TYPES and a.source_name:
            names.append(a.source_name)
        names.extend(text[s:e] for s, e in a.addressee)
        if a.addressee_name:
            names.append(a.addressee_name)
        names.extend(via.get(a.id, ()))
        spans = a.source + a.cue + a.content
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        stop = _SENTENCE_END.search(text, end)
        end = stop.start() if stop else len(text)
        core = (min(s for s, _ in a.content), max(e for _, e in a.content))
        names.extend(m.outlet.name for m in registry.find(text[start:end]))
        seen: set[str] = set()
        for n in names:
            o = registry.match(n)
            if o is None or not o.is_news or o.name == own or o.name in seen:
                continue
            seen.add(o.name)
            out.append(Credit(a.id, o.name, start, end, core if core != (start, end) else None))
    out.sort(key=lambda c: (c.start, c.end, c.outlet))
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans of a text (``claimtext.sentence_spans``: enough to look for a claim in a
    candidate origin)."""
    return sentence_spans(text)


def _days(a: Item, b: Item) -> int | None:
    if not (a.day and b.day):
        return None
    try:
        return (dt.date.fromisoformat(b.day) - dt.date.fromisoformat(a.day)).days
    except ValueError:
        return None


def _relation(claim: Passage, found: Passage) -> str:
    if quoted_in(claim, found):
        return "verbatim_quote" if abs(len(claim.words) - len(found.words)) <= 2 else "partial_quote"
    return "paraphrase"


def resolve(
    credit: Credit, citing: Item, candidates: Iterable[Item], registry: Registry, exclude: Sequence[str] = ()
) -> Relay | None:
    """The stored article the credit points at, or None when it is not among the candidates (module doc)."""
    claim = passage(citing.text[credit.start : credit.end])
    claims = [claim] + ([passage(citing.text[credit.core[0] : credit.core[1]])] if credit.core else [])
    name = passage(credit.outlet).stems
    best: tuple[float, int, str] | None = None
    found: Relay | None = None
    for cand in candidates:
        if cand.id == citing.id or cand.id in exclude or outlet_key(cand.outlet, registry) != credit.outlet:
            continue
        days = _days(citing, cand)
        if days is None or not -DAYS_BEFORE <= days <= DAYS_AFTER:
            continue
        spans = sentences(cand.text)
        windows = spans + [(a[0], b[1]) for a, b in pairwise(spans)]
        for s, e in windows:
            p = passage(cand.text[s:e])
            score = max(coverage(c, p, name | _SOURCING) for c in claims)
            if score < MIN_SCORE:
                continue
            rank = (-score, abs(days), cand.id)
            if best is None or rank < best:
                best = rank
                found = Relay(
                    citing.id, credit.start, credit.end, cand.id, s, e, _relation(claim, p), round(score, 3)
                )
    return found
