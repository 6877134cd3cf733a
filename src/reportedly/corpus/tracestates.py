"""The per-article work of a trace, run on the engine (this process, worker processes or Dask): the
story, copy, claim and relay states of new articles, and the claim units and passages of traced ones.

Pure functions of their inputs, sent in parts of ``PART`` articles (``traceengine.Engine.submit``);
``trace`` decides with what they return.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from ..model import Article, Report
from .claims import ClaimUnit, UnitPassages, UnitWords, claim_state, passages_of, read_claim_state, words_of
from .copies import copy_state
from .items import Item
from .relayfinder import relay_state
from .stories import story_state
from .traceengine import Engine

__all__ = ["PART", "Claimed", "Reading", "State", "claimed", "start_passages", "start_states"]

PART = 250
"""Articles per task sent to a worker process."""


class Claimed(NamedTuple):
    """What the claim layer needs of one article, computed on the engine."""

    claim_state: bytes
    relay_state: bytes
    passages: list[UnitPassages]
    """The claim units' passages (not stored: the claim finder's reading of the text)."""
    units: list[tuple[bool, str | None, str | None, str]]
    """Each claim unit's quote flag, origin name and type, and cue spans (JSON): its mention row's extras."""
    claim_units: list[ClaimUnit]
    """The claim units (``read_claim_state(claim_state)``, read once, here)."""


def claimed(item: Item, report: Report) -> Claimed:
    c_state = claim_state(item, report)
    read = read_claim_state(c_state)
    units = [(u.quote, u.origin_name, u.origin_type, json.dumps([list(c) for c in u.cues])) for u in read]
    return Claimed(c_state, relay_state(report), interned(passages_of(item, read)), units, read)


class Reading(NamedTuple):
    """A traced article's claim units, and what a restore reads of them (computed on the engine)."""

    units: list[ClaimUnit]
    passages: list[UnitPassages] | None
    """Their passages, or None for a deferred restore."""
    words: list[UnitWords] | None
    """For a deferred restore, what it reads at once (``claims.unit_words``), else None."""


State = tuple[bytes, bytes, Claimed, str | None]
"""story state, copy state, the claim side, error (None when all were computed)."""


def blank(seq: int) -> tuple[bytes, bytes, Claimed]:
    blank = Item(id="", seq=seq, text="")
    return story_state(blank), copy_state(blank), claimed(blank, Report(article=Article(text="", id="-")))


def states(task: tuple[Sequence[Item], Sequence[dict[str, Any] | None], bool]) -> list[State]:
    """The states of these articles (what a worker computes), and the error of each.

    ``task``: the articles, their stored reports (``Store.report_dicts``, only ``REPORT_TABLES``)
    and whether the story and copy states are wanted too (not for a claim catch-up).  An article
    whose states cannot be computed gets the states of an empty text (its own story, no copies, no
    claims) and the error, which the trace records; it never stops the others."""
    items, dicts, full = task
    out: list[State] = []
    for i, d in zip(items, dicts, strict=True):
        try:
            report = Report.from_dict(d) if d is not None else Report(article=Article(text=i.text, id=i.id))
            out.append(
                (story_state(i) if full else b"", copy_state(i) if full else b"", claimed(i, report), None)
            )
        except Exception as e:  # one article's failure is recorded, not raised
            out.append((*blank(i.seq), f"{type(e).__name__}: {e}".splitlines()[0]))
    return out


def passages(task: tuple[Sequence[Item], Sequence[bytes], bool]) -> list[Reading]:
    """The claim units of traced articles and their passages, or for a ``deferred`` restore their
    ``UnitWords`` (what a worker computes for a restore)."""
    items, states, deferred = task
    out: list[Reading] = []
    for i, st in zip(items, states, strict=True):
        units = read_claim_state(st)
        if deferred:
            out.append(Reading(units, None, words_of(i, units)))
        else:
            out.append(Reading(units, interned(passages_of(i, units)), None))
    return out


def interned(passages: list[UnitPassages]) -> list[UnitPassages]:
    """The passages with their words interned, in place, where they are computed (the finder keeps every
    mention's passages: the same words in thousands of them are then one string each, in this process,
    or one per part sent back by a worker, since pickling keeps shared strings shared).  The passages
    were just computed (``unit_passages``): nothing else holds them."""
    done: set[int] = set()
    for trio in passages:
        for p in trio[:2]:
            if p is not None and id(p) not in done:
                done.add(id(p))
                object.__setattr__(p, "words", tuple(map(sys.intern, p.words)))
                object.__setattr__(p, "stems", frozenset(map(sys.intern, p.stems)))
    return passages


def start_states(
    eng: Engine, items: Sequence[Item], dicts: Sequence[dict[str, Any] | None], full: bool = True
) -> Callable[[], list[State]]:
    """Start computing the states of these articles on the engine; the returned function waits for them."""
    parts = [(items[i : i + PART], dicts[i : i + PART], full) for i in range(0, len(items), PART)]
    return eng.submit(states, parts)


def start_passages(
    eng: Engine, items: Sequence[Item], states: Sequence[bytes], deferred: bool
) -> Callable[[], list[Reading]]:
    """Start computing the claim units' passages of traced articles; the function waits for them."""
    parts = [(items[i : i + PART], states[i : i + PART], deferred) for i in range(0, len(items), PART)]
    return eng.submit(passages, parts)
