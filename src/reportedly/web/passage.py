"""A claim's passage cut into marked bits, for the claim and drift pages: the claim, its context, its cues.

``bits(text, start, end, cues)`` returns the passage ``text[start:end]`` (the exact span, nothing
added or dropped: joined, the bits' texts are that span) cut where a mark begins or ends;
``bits(..., context=True)`` adds the rest of its sentence(s) around it, and the cues outside it
that lie near, as context bits.  A bit is a cue when it lies in one of the mention's cue spans,
and a *differing* cue when its words are among ``differ`` (the cues one side of a drift has and
the other lacks: ``drift.upstream_cues`` / ``downstream_cues``, lower-cased cue texts), found as
cue spans or, failing that, as words of the passage.  Nothing here writes HTML.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

NEAR = 250
"""A cue this close to the claim (in characters) is shown with it."""
REACH = 200
"""The context runs back and on to the sentence's end, at most this many characters."""
ENDS = (". ", "? ", "! ", ".\u201d ", "\n")


@dataclass(frozen=True)
class Bit:
    text: str
    claim: bool
    """Inside the claim's span (else context around it)."""
    cue: bool = False
    differ: bool = False
    """A cue the other side of the drift lacks."""

    @property
    def classes(self) -> str:
        out = ["claim" if self.claim else "context"]
        if self.cue:
            out.append("cue")
        if self.differ:
            out.append("differ")
        return " ".join(out)

    @property
    def title(self) -> str:
        if self.differ:
            return "cue only on this side"
        return "certainty cue" if self.cue else ""


@dataclass(frozen=True)
class Passage:
    bits: tuple[Bit, ...]
    cut_before: bool
    """The context was cut: there is more of the sentence before it."""
    cut_after: bool

    @property
    def text(self) -> str:
        return "".join(b.text for b in self.bits)

    @property
    def claim_text(self) -> str:
        return "".join(b.text for b in self.bits if b.claim)


def window(text: str, start: int, end: int, cues: Sequence[tuple[int, int]]) -> tuple[int, int, bool, bool]:
    """The span shown around a claim: it, its near cues, and the rest of their sentences (at most
    ``REACH`` characters each way; the flags say where the sentence went on)."""
    ws, we = start, end
    for s, e in cues:
        if s < end + NEAR and e > start - NEAR:
            ws, we = min(ws, s), max(we, e)
    ws, we = max(0, ws), min(len(text), we)
    back = max((text.rfind(x, max(0, ws - REACH), ws) + len(x) for x in ENDS if text.rfind(x, max(0, ws - REACH), ws) >= 0),
               default=-1)
    cut_before = False
    if back >= 0:
        ws = back
    elif ws - REACH > 0:
        sp = text.find(" ", ws - REACH, ws)
        ws, cut_before = (sp + 1 if sp >= 0 else ws - REACH), True
    else:
        ws = 0
    fwd = [text.find(x, we, we + REACH) for x in ENDS]
    fwd = [f for f in fwd if f >= 0]
    cut_after = False
    if fwd:
        we = min(fwd) + 1
    elif we + REACH < len(text):
        sp = text.rfind(" ", we, we + REACH)
        we, cut_after = (sp if sp >= 0 else we + REACH), True
    else:
        we = len(text)
    while ws < start and text[ws].isspace():
        ws += 1
    while we > end and text[we - 1].isspace():
        we -= 1
    return ws, we, cut_before, cut_after


def bits(
    text: str, start: int, end: int, cues: Iterable[tuple[int, int]] = (), differ: Iterable[str] = (),
    context: bool = False,
) -> Passage:
    """The passage of ``text[start:end]`` as marked bits (module doc)."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    start, end = min(start, end), max(start, end)
    cue_spans = sorted({(max(0, s), min(len(text), e)) for s, e in cues if s < e})
    if context:
        ws, we, cut_before, cut_after = window(text, start, end, cue_spans)
    else:
        ws, we, cut_before, cut_after = start, end, False, False
    words = {w.strip().lower() for w in differ if w and w.strip()}
    diff_spans = [(s, e) for s, e in cue_spans if text[s:e].strip().lower() in words]
    covered = {text[s:e].strip().lower() for s, e in diff_spans}
    for w in sorted(words - covered):
        for m in re.finditer(r"(?<!\w)" + re.escape(w) + r"(?!\w)", text[ws:we], flags=re.IGNORECASE):
            diff_spans.append((ws + m.start(), ws + m.end()))
    cuts = {ws, we, start, end}
    for s, e in [*cue_spans, *diff_spans]:
        cuts.update(x for x in (s, e) if ws < x < we)
    out = []
    for s, e in itertools.pairwise(sorted(c for c in cuts if ws <= c <= we)):
        if s == e:
            continue
        out.append(Bit(text[s:e], start <= s and e <= end,
                       any(cs <= s and e <= ce for cs, ce in cue_spans),
                       any(cs <= s and e <= ce for cs, ce in diff_spans)))
    return Passage(tuple(_merge(out)), cut_before, cut_after)


def _merge(bits: list[Bit]) -> list[Bit]:
    out: list[Bit] = []
    for b in bits:
        if out and (out[-1].claim, out[-1].cue, out[-1].differ) == (b.claim, b.cue, b.differ):
            out[-1] = Bit(out[-1].text + b.text, b.claim, b.cue, b.differ)
        else:
            out.append(b)
    return out
