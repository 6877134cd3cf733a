"""Who says "I" in an interview transcript: the speaker its label names.

Interviews are printed as turns, each opened by a speaker label: a line that starts "INSKEEP: ..." or
"Steve Inskeep: ...", or a line holding only the speaker's name ("Mark Zuckerberg", then the answer's
paragraphs).  In such a turn "I" is the labelled speaker, not the article's author (``antecedents`` takes
the author for an "I" outside quotes otherwise).

``speaker_at(text, entities, offset)`` gives the (name, entity id) of the turn holding ``offset``, or None.
A text is a transcript only when it holds three labelled turns of two speakers or more, each label
opening a line; a speaker's label names a person entity of the article (by full name or surname, in any
case: "CRUZ:" for Ted Cruz).  Any other label opening a line ("THE FACTS:", "UPDATE:") ends the turn
before it, and before the first label (the article's own prose) there is no speaker.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from ...model import Entity

MIN_TURNS = 3
"""Labelled turns a transcript has at least: two lines "Trump: Bombastic." and "Clinton: Firm." quoted from a tweet
in an opinion piece made the rest of it Clinton's turn (AllSides 395)."""
_COLON_LABEL = re.compile(r"^[ \t]*(?P<label>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}):[ \t]+\S", re.MULTILINE)
_NAME_LINE = re.compile(r"^[ \t]*(?P<label>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3})[ \t]*$", re.MULTILINE)


def _person(entities: Sequence[Entity], label: str) -> Entity | None:
    """The person entity a label names: by full name (after a title: "SEN. LINDSEY GRAHAM") or by surname, in any
    case."""
    low = label.lower()
    for e in entities:
        name = e.name.lower()
        if e.kind == "person" and (name == low or low.endswith(" " + name) or name.split()[-1] == low):
            return e
    return None


@functools.lru_cache(maxsize=8)
def labels(text: str, entities: tuple[Entity, ...]) -> tuple[tuple[int, str | None, str | None], ...]:
    """(line start, name, entity id) of every label opening a line of a transcript in ``text``, in text order: a
    speaker's, or (name None) another heading that ends the turn before it ("THE FACTS:" after "OBAMA: ..." in a
    fact check); none when fewer than ``MIN_TURNS`` turns or two speakers are labelled.  Cached: each attribution
    of an article asks."""
    found: list[tuple[int, str | None, str | None]] = []
    for m in _COLON_LABEL.finditer(text):
        ent = _person(entities, m.group("label"))
        found.append((m.start(), ent.name, ent.id) if ent is not None else (m.start(), None, None))
    for m in _NAME_LINE.finditer(text):
        ent = _person(entities, m.group("label"))
        if ent is not None and ent.name.lower() == m.group("label").lower():
            found.append((m.start(), ent.name, ent.id))
    speakers = [name for _, name, _ in found if name is not None]
    if len(speakers) < MIN_TURNS or len(set(speakers)) < 2:
        return ()
    return tuple(sorted(found))


def speaker_at(text: str, entities: Sequence[Entity], offset: int) -> tuple[str, str | None] | None:
    """(name, entity id) of the transcript turn holding ``offset``, or None (no transcript, or before its first
    label)."""
    found = labels(text, tuple(entities))
    k = bisect.bisect_right([start for start, _, _ in found], offset) - 1
    name = found[k][1] if k >= 0 else None
    return (name, found[k][2]) if name is not None else None


def label_speaker(
    text: str, turns: Sequence[tuple[int, str | None, str | None]], span: tuple[int, int]
) -> tuple[str, str | None] | None:
    """(name, entity id) of the speaker when a source ``span`` is one of a transcript's labels (``turns``, from
    ``labels``) itself ("LOPEZ" of "LOPEZ: I have argued ..."), else None."""
    for start, name, ent in turns:
        if name is not None and start <= span[0] and text[start : span[0]].strip() == "" and text[span[1] : span[1] + 1] == ":":
            return name, ent
    return None
