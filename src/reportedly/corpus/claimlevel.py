"""The certainty of a claim unit across articles, and the quotation marks of a text (``corpus.claims``).

``unit_level`` takes a per-article claim (``Report.claims``) and corrects its level for what
matters when the same claim is compared across articles:

- a sentence in the outlet's voice is *attributed* when it lies inside quotation marks, or at
  least ``QUOTED_SHARE`` of it does (a direct quote whose speech tag is in another sentence, or
  that the per-article analysis left untagged); when it speaks in the first person outside
  quotation marks ("we're creating a Voting Information Center": a block quote or a transcript;
  the outlet's own voice is the third person); and when it holds a reporting cue of an
  attribution (``REPORT_CUES``: "a report by the Daily Caller said Abedin forwarded ...", where
  the attribution's content was cut short);
- an attribution whose cue credits a scoop ("first reported by the Daily Caller") is the fact
  stated: *asserted*;
- an attribution whose cue is an act or a finding (``ACT_CUES``: "the court ruled", "the governor
  approves", "officers found him") stays attributed but is marked an act.

``quote_regions`` finds the spans inside double quotation marks, paragraph by paragraph.

The limits: the cue lists are lexical (an act verb used as a speech verb, "he ordered that it be
said", is still an act); "first person" misreads an opinion writer's own "I"; a speech tag that
the per-article analysis missed after an unquoted sentence (", Mueller charges.") is not seen.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from ..model import Attribution, Claim

__all__ = ["ACT_CUES", "QUOTED_SHARE", "REPORT_CUES", "bare", "quote_regions", "unit_level"]

_MARK = re.compile(r"``|''|[\"“”«»]")
_LINE = re.compile(r"[^\n]+")
_EDGE = "\"“”«»'‘’`"
_CUE_WORD = re.compile(r"[a-z]+")
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Mm]y)(?:['’](?:m|re|ve|ll|d))?\b")
QUOTED_SHARE = 0.5
"""An outlet-voice sentence at least this much inside quotation marks (by word characters) is attributed."""
ACT_CUES = frozenset(
    """rule ruled rules ruling order ordered orders ordering approve approved approves approving decide
    decided decides vote voted votes voting sign signed signs veto vetoed vetoes refer referred refers ban
    banned bans banning fire fired fires block blocked blocks grant granted grants appoint appointed
    appoints nominate nominated nominates sentence sentenced sentences sue sued sues arrest arrested
    arrests find found finds""".split()
)
"""First words of attribution cues that report an act or a finding, not a claim ("the court ruled
that ...", "the governor approves firing ...", "officers found him sleeping"): such a mention
drifts neither against the outlet's voice nor against an attribution (``claimunits.ClaimUnit.act``)."""
_SCOOP = frozenset("reported disclosed revealed published broke obtained".split())
"""After "first" in a cue: the outlet credits who broke the story ("(was) first reported by")."""
REPORT_CUES = frozenset(
    """said says say saying told tells tell reported reports reporting according accused accuses
    accusing claimed claims claiming alleged alleges alleging wrote writes stated states announced
    testified insisted insists charged contended argued argues asserted asserts confirmed confirms""".split()
)
"""Reporting cues: an outlet-voice sentence that holds one of an attribution's cue words (outside
quotation marks) is attributed, even when the attribution's content was cut short."""


def quote_regions(text: str) -> list[tuple[int, int]]:
    """The spans inside double quotation marks, marks excluded, paragraph by paragraph.

    Curly marks and ``...'' open and close by their shape; a straight mark opens after a space
    (or a bracket, a dash) and closes before one, taken in turns when it cannot tell.  A quote
    left open at its line's end runs to it (the convention for a quote that goes on in the next
    paragraph, which opens again); a closing mark with no opening one is ignored.
    """
    out: list[tuple[int, int]] = []
    for para in _LINE.finditer(text):
        opened: int | None = None
        for m in _MARK.finditer(text, para.start(), para.end()):
            kind = _mark_kind(text, m.start(), m.end())
            if kind == "open" or (kind == "either" and opened is None):
                if opened is None:
                    opened = m.end()
            elif opened is not None:
                if m.start() > opened:
                    out.append((opened, m.start()))
                opened = None
        if opened is not None and text[opened : para.end()].strip():
            out.append((opened, para.end()))
    return out


def _mark_kind(text: str, s: int, e: int) -> str:
    mark = text[s:e]
    if mark in ("“", "«", "``"):
        return "open"
    if mark in ("”", "»", "''"):
        return "close"
    before = text[s - 1] if s > 0 else " "
    after = text[e] if e < len(text) else " "
    opens = (before.isspace() or before in "([{—–-/") and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-'’")
    return "open" if opens and not closes else "close" if closes and not opens else "either"


def _inside(span: tuple[int, int], regions: Sequence[tuple[int, int]], text: str) -> bool:
    s, e = span
    core_s = s + (len(text[s:e]) - len(text[s:e].lstrip(" \"“”'‘’")))
    core_e = e - (len(text[s:e]) - len(text[s:e].rstrip(" .,\"“”'‘’")))
    return any(rs <= core_s and core_e <= re_ + 1 for rs, re_ in regions) if core_e > core_s else False


def bare(text: str, s: int, e: int) -> tuple[int, int]:
    """A span less the spaces, quotation marks and end punctuation around it."""
    while s < e and (text[s].isspace() or text[s] in _EDGE):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in _EDGE or text[e - 1] in ".,;:!?"):
        e -= 1
    return s, e


def _words(text: str) -> list[str]:
    return _CUE_WORD.findall(text.lower())


def _quoted_share(span: tuple[int, int], regions: Sequence[tuple[int, int]], text: str) -> float:
    s, e = span
    total = sum(1 for ch in text[s:e] if ch.isalnum())
    inside = sum(1 for rs, re_ in regions for ch in text[max(s, rs) : min(e, re_)] if ch.isalnum())
    return inside / total if total else 0.0


def unit_level(
    c: Claim,
    text: str,
    regions: Sequence[tuple[int, int]],
    by_id: dict[str, Attribution],
    attributions: Sequence[Attribution],
) -> tuple[str, tuple[tuple[int, int], ...], bool]:
    """The certainty of a claim across articles: the per-article level, corrected (module doc), and
    whether it is attributed to an act."""
    level, cues = c.level, tuple(c.cues)
    att = by_id.get(c.attribution or "")
    if att is not None and level == "attributed" and att.cue:
        cue = _words(" ".join(text[s:e] for s, e in att.cue))
        if any(w == "first" and nxt in _SCOOP for w, nxt in pairwise(cue)):
            return "asserted", (), False  # a scoop credited ("first reported by"), the fact stated
        return level, cues, bool(cue) and cue[0] in ACT_CUES
    if level != "asserted" or att is not None:
        return level, cues, False
    span = (c.span[0], c.span[1])
    if _inside(span, regions, text) or _quoted_share(span, regions, text) >= QUOTED_SHARE:
        return "attributed", cues, False  # someone's words in quotation marks, the speech tag anywhere
    if _FIRST_PERSON.search(_outside(span, regions, text)):
        # a block quote or a transcript: the outlet speaks in the third person
        return "attributed", cues, False
    for a in attributions:
        if a.cue and a.content and all(span[0] <= s and e <= span[1] for s, e in a.cue):
            cue = _words(" ".join(text[s:e] for s, e in a.cue))
            if any(w in REPORT_CUES for w in cue) and not any(rs <= a.cue[0][0] < re_ for rs, re_ in regions):
                # "X said ..." with the attribution's content cut short: the sentence is X's
                return "attributed", tuple(sorted(set(cues) | set(a.cue))), False
    return level, cues, False


def _outside(span: tuple[int, int], regions: Sequence[tuple[int, int]], text: str) -> str:
    s, e = span
    chars = list(text[s:e])
    for rs, re_ in regions:
        for k in range(max(s, rs), min(e, re_)):
            chars[k - s] = " "
    return "".join(chars)
