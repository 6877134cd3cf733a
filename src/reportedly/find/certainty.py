"""Certainty per claim: every attribution and every unattributed body (or dek) sentence gets a level.

``find_claims(parsed, found, settings)`` returns one ``Claim`` per
attribution (span: the hull of its content, or of its cue when it has no
content) and one per sentence of the body or the dek (``CLAIM_BLOCKS``;
span: the sentence) that attributions cover less than half of, or that
holds a hedge or denial tied to no attribution (the outlet's own), in text
order.  Levels, strongest first:

- ``disputed``: the claim is denied or contested.  For an attribution: its
  cue is a denial ("denied", "disputed", "rejected").  For a sentence: it
  holds "deny / dispute / refute / rebut" in any form, "reject / contest /
  dismiss" with a claim noun after it ("rejected the claim"), or "baseless",
  "unfounded", "false", "fabricated", "no evidence".
- ``hedged``: a hedge (``kind == "hedge"``) qualifies it: a hedge tied to
  the attribution, or an untied hedge inside the sentence.
- ``attributed``: an attribution with neither.
- ``asserted``: a sentence in the outlet's own voice, no source, no hedge.

``cues`` are the spans that set the level: denial cues, hedge cues, and for
attributions the attribution's cue as well.

Limits: "half covered" is a character share (punctuation and spaces not
counted), so a sentence with a short attributed clause and a long
unattributed one is a sentence claim too; a denial elsewhere in the article
("X denied it" two paragraphs later) does not reach back to the claim it
denies; negation and boosters do not change the level.  Sentences without a
verb (captions, titles run into the body) are left out when the doc has POS
tags.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan

from ..lexicons import load_table
from ..model import Attribution, Claim, Hedge, Span, strip_space
from ..nlp import Parsed, lowers, texts
from ..settings import Settings
from . import Found

PRODUCED_BY = "certainty.rules/1"

# Share of a sentence's word characters that attributions must cover for the
# sentence to count as attributed (and get no claim of its own).  A plain
# majority rule; not tuned.
ATTRIBUTED_SHARE = 0.5

# Denial verbs that dispute only when a claim noun follows ("rejected the
# claim", not "rejected the bill").
_NEEDS_CLAIM_NOUN = frozenset(
    "reject rejects rejected rejecting contest contests contested dismissed dismisses".split()
)
_CLAIM_NOUNS = frozenset(
    "claim claims report reports allegation allegations accusation accusations charge charges account"
    " accounts assertion assertions suggestion suggestions notion idea characterization characterisation"
    " story stories statement statements assessment findings version".split()
)
_MIN_WORDS = 3
CLAIM_BLOCKS = frozenset({"body", "dek"})
"""The blocks whose sentences are the outlet's claims: the body, and the dek (the outlet's own summary
under the headline, where a "reportedly" of the body is often dropped)."""


def find_claims(parsed: Parsed, found: Found, settings: Settings) -> tuple[Claim, ...]:
    """One claim per attribution and per unattributed body or dek sentence, with its certainty level."""
    out: list[Claim] = []
    for a in found.attributions:
        claim = _attribution_claim(parsed, a, found.hedges)
        if claim is not None:
            out.append(claim)
    covered = _coverage(parsed.text, found.attributions)
    for seg, sent in parsed.sentences():
        if seg.block.kind not in CLAIM_BLOCKS:
            continue
        if sum(1 for w in texts(sent.doc)[sent.start : sent.end] if w[:1].isalnum() or any(c.isalnum() for c in w)) < _MIN_WORDS:
            continue
        if sent.doc.has_annotation("POS") and not any(t.pos_ in ("VERB", "AUX") for t in sent):
            continue
        s, e = strip_space(parsed.text, *parsed.abs(seg, sent))
        claim = _sentence_claim(seg.start, sent, (s, e), found)
        # A hedge or denial in the outlet's own words makes a claim even in a
        # sentence that is mostly attributed.
        if claim.level == "asserted" and _covered_share(parsed.text, (s, e), covered) >= ATTRIBUTED_SHARE:
            continue
        out.append(claim)
    out.sort(key=lambda c: (c.span, c.attribution or ""))
    return tuple(out)


def _attribution_claim(parsed: Parsed, a: Attribution, hedges: Sequence[Hedge]) -> Claim | None:
    spans = a.content or a.cue
    if not spans:
        return None
    span = (min(s for s, _ in spans), max(e for _, e in spans))
    denial = [c for c in a.cue if _is_denial_text(parsed.text[c[0] : c[1]])]
    if denial:
        return Claim(span, "disputed", a.id, tuple(sorted(set(denial) | set(a.cue))), PRODUCED_BY)
    hedge_cues = [h.cue for h in hedges if h.kind == "hedge" and h.attribution == a.id]
    if hedge_cues:
        return Claim(span, "hedged", a.id, tuple(sorted(set(hedge_cues) | set(a.cue))), PRODUCED_BY)
    return Claim(span, "attributed", a.id, tuple(sorted(a.cue)), PRODUCED_BY)


def _sentence_claim(offset: int, sent: SpacySpan, span: Span, found: Found) -> Claim:
    # Denials inside an attribution are that attribution's (a cue "denied"
    # disputes its content; a "false" in a quote is the source's word).
    denial = disputes_in(sent, offset)
    if denial:  # (the spans of every attribution, only for a sentence with a denial: linear, not quadratic)
        taken = [sp for a in found.attributions for sp in (*a.cue, *a.content)]
        denial = [d for d in denial if not any(s <= d[0] and d[1] <= e for s, e in taken)]
    if denial:
        return Claim(span, "disputed", None, tuple(denial), PRODUCED_BY)
    hedge_cues = [
        h.cue
        for h in found.hedges
        if h.kind == "hedge" and h.attribution is None and span[0] <= h.cue[0] and h.cue[1] <= span[1]
    ]
    if hedge_cues:
        return Claim(span, "hedged", None, tuple(sorted(hedge_cues)), PRODUCED_BY)
    return Claim(span, "asserted", None, (), PRODUCED_BY)


def disputes_in(sent: SpacySpan, offset: int) -> list[Span]:
    """Article spans of the denial cues in a sentence (``offset``: the segment's start)."""
    table = load_table("news_disputes.tsv", default="dispute")
    words = lowers(sent.doc)[sent.start : sent.end]
    out: list[Span] = []
    for i, j, _ in table.matches(words):
        if j - i == 1 and words[i] in _NEEDS_CLAIM_NOUN and not any(
            w in _CLAIM_NOUNS for w in words[j : j + 4]
        ):
            continue
        cue = sent[i:j]
        out.append((offset + cue.start_char, offset + cue.end_char))
    return out


def _is_denial_text(text: str) -> bool:
    table = load_table("news_disputes.tsv", default="dispute")
    # An attribution cue that is a denial ("denied", "rejected") disputes its
    # content whatever follows, so no claim noun is needed here.
    return any(True for _ in table.matches(text.lower().split()))


def _coverage(text: str, attributions: Sequence[Attribution]) -> bytearray:
    """1 for every character inside any attribution's source, cue or content, else 0."""
    covered = bytearray(len(text))
    for a in attributions:
        for s, e in (*a.source, *a.cue, *a.content):
            covered[s:e] = b"\x01" * (e - s)
    return covered


def _covered_share(text: str, span: Span, covered: bytearray) -> float:
    """Share of the word characters of ``span`` marked in ``covered`` (see ``_coverage``)."""
    s0, e0 = span
    total = hit = 0
    for k in range(s0, e0):
        if text[k].isalnum():
            total += 1
            hit += covered[k]
    return hit / total if total else 0.0


