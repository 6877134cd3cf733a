"""Hedges, boosters and negations, with their scope and the attribution they sit in.

``find_hedges(parsed, found, settings)`` matches the cue lists of
``reportedly/lexicons`` (``news_hedges.tsv``; cues also in Hyland 2005 are
reported with ``lexicon="hyland2005"``) against the tokens of every parsed
sentence and returns one ``Hedge`` per cue:

- ``kind``: ``hedge`` (lowers certainty: "reportedly", "allegedly", "appear
  designed", "may", "believed to", "if confirmed", "claimed" ...), ``booster``
  ("confirmed", "clearly") or ``negation`` ("not", "n't", "never", "no").
- ``scope``: the predicate the cue qualifies.  With a dependency parse, the
  subtree of the cue's governing word (the verb a "reportedly" or "may"
  modifies, "appear" with its complement, the noun an "alleged" modifies);
  without one, from the cue to the end of its clause (the next , ; : — or the
  sentence end).
- ``attribution``: the id of the attribution whose content holds the cue
  (a "could" inside a quote is the source's hedge), else whose cue holds it
  ("claimed"), else the attribution whose cue is the word the hedge modifies
  ("X reportedly said ...": the outlet hedges the report; without a parse,
  a cue starting within two short words after the hedge);
  ``None`` for hedges in the outlet's own voice.

Context rules drop obvious false cues: hedging adjectives ("apparent",
"presumed", "supposed") that modify no noun ("became apparent that"), "May"
the month or a name, "might" the noun, "appear(ed) on / in / at" (showed
up), "claimed responsibility / the lives ...", "as possible", "believed /
thought / reported to" not followed by a verb, and boosters right after a
negation ("could not confirm").

Limits: cue lists are English news lists, not exhaustive; scope is
syntactic, not semantic; a negation's scope is its predicate, not the
focus; "would"/"should" are not treated as hedges (mostly tense or
obligation in news).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..lexicons import load_table, load_words
from ..model import Attribution, Hedge, Span
from ..nlp import Parsed, Segment, lowers
from ..settings import Settings
from . import Found

PRODUCED_BY = "hedges.rules/1"

_MONTH_CONTEXT = frozenset(
    "in of on since until till by last next early late mid through from to between and this"
    " before after during".split()
)
_MIGHT_NOUN_BEFORE = frozenset("its his her their our my your the military economic full all with".split())
_SHOWED_UP_AFTER = frozenset(
    "on in at before with alongside as onstage together for during live from inside outside".split()
)
_CLAIM_OBJECTS = frozenset(
    "responsibility credit victory lives life title titles seat seats prize win land territory share"
    " crown throne mantle medal medals benefits refund damages asylum".split()
)
_VERB_AFTER_TO = frozenset("be have been".split())
_BE = frozenset("is are was were be been being 's 're".split())
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
_ATTRIBUTIVE = frozenset({"apparent", "presumed", "putative", "reputed", "supposed", "ostensible"})
_DETERMINERS = frozenset("a an the this that these those his her its their our".split())
_CLAUSE_END = re.compile(r"[,;:—–]|\s-\s")


def find_hedges(parsed: Parsed, found: Found, settings: Settings) -> tuple[Hedge, ...]:
    """Every hedge, booster and negation cue in the parsed segments, in text order."""
    table = load_table("news_hedges.tsv")
    hyland = load_words("hedges_hyland2005.txt")
    out: list[Hedge] = []
    for seg, sent in parsed.sentences():
        words = lowers(sent.doc)[sent.start : sent.end]
        for i, j, kind in table.matches(words):
            cue = sent[i:j]
            if not _keep(cue, kind, sent):
                continue
            start, end = parsed.abs(seg, cue)
            scope, governor = _scope(parsed, seg, cue, sent)
            phrase = " ".join(words[i:j])
            out.append(
                Hedge(
                    cue=(start, end),
                    text=parsed.text[start:end],
                    kind=kind,
                    attribution=attribution_for(found.attributions, (start, end), governor),
                    scope=scope,
                    lexicon="hyland2005" if phrase in hyland else "news_hedges",
                    produced_by=PRODUCED_BY,
                )
            )
    return tuple(out)


# --- filters -----------------------------------------------------------------


def _keep(cue: SpacySpan, kind: str, sent: SpacySpan) -> bool:
    """False for the context rules' false cues (see the module docstring)."""
    doc = cue.doc
    first, last = cue[0], cue[-1]
    low = first.text.lower()
    nxt = doc[last.i + 1] if last.i + 1 < sent.end else None
    prev = doc[first.i - 1] if first.i > sent.start else None
    if low == "may" and len(cue) == 1:
        return _is_modal_may(first, prev, nxt)
    if low == "might" and len(cue) == 1:
        if first.tag_ in ("NN", "NNP") or first.pos_ in ("NOUN", "PROPN"):
            return False
        return prev is None or prev.text.lower() not in _MIGHT_NOUN_BEFORE
    if low.startswith("appear") and len(cue) == 1:
        return nxt is not None and _is_word(nxt) and nxt.text.lower() not in _SHOWED_UP_AFTER
    if low.startswith("claim") and len(cue) == 1:
        return _is_claim_verb(first, sent)
    if low == "possible" and prev is not None and prev.text.lower() == "as":
        return False
    if low in _ATTRIBUTIVE and len(cue) == 1:
        # "an apparent bid", "the presumed killer": only before the noun they hedge ("it became
        # apparent that ..." and "was supposed to" are no hedges)
        if first.has_dep() or first.dep_:
            return first.dep_ == "amod"
        return nxt is not None and _is_word(nxt) and prev is not None and prev.text.lower() in _DETERMINERS
    if low == "said" and len(cue) == 2 and not any(doc[k].lemma_ == "be" or doc[k].text.lower() in _BE for k in range(max(sent.start, first.i - 2), first.i)):
        return False  # "is said to have executed": a passive; "He said to wait" is an order
    if last.text.lower() == "to" and len(cue) > 1:
        # "believed to be", "reported to have": the cue must govern a verb.
        return nxt is not None and (nxt.text.lower() in _VERB_AFTER_TO or nxt.tag_ == "VB")
    if kind == "booster":
        before = [doc[k].text.lower() for k in range(max(sent.start, first.i - 2), first.i)]
        return not any(w in _NEGATIONS for w in before)
    return True


def _is_word(tok: Token) -> bool:
    # Token text, not lexeme flags: hand-built docs with a bare vocab have none.
    return any(c.isalnum() for c in tok.text)


def _is_modal_may(tok: Token, prev: Token | None, nxt: Token | None) -> bool:
    if tok.tag_:
        return tok.tag_ == "MD"
    if tok.text == "may":
        return True
    # Capitalised "May" without tags: a month or a name unless it opens a
    # sentence and is not followed by a day number ("May 5", "May, 2014").
    if prev is not None:
        return False
    return nxt is not None and _is_word(nxt) and not nxt.text.isdigit()


def _is_claim_verb(tok: Token, sent: SpacySpan) -> bool:
    if tok.pos_:
        if tok.pos_ != "VERB":
            return False
        if tok.has_dep():
            return not any(c.dep_ in ("dobj", "obj") and c.text.lower() in _CLAIM_OBJECTS for c in tok.children)
    if tok.text.lower() in ("claim", "claims") and tok.i > sent.start and tok.doc[tok.i - 1].text.lower() in (
        "the", "a", "this", "that", "these", "those", "his", "her", "their", "its", "such",
    ):
        return False  # the noun: "the claim that ..."
    after = [tok.doc[k].text.lower() for k in range(tok.i + 1, min(sent.end, tok.i + 4))]
    return not any(w in _CLAIM_OBJECTS for w in after)


# --- scope -------------------------------------------------------------------

# Without a parse, an attribution cue this close after a hedge is the word
# the hedge modifies ("reportedly said", "allegedly told").  Two short words.
_GOVERNOR_CHARS = 12


def _scope(parsed: Parsed, seg: Segment, cue: SpacySpan, sent: SpacySpan) -> tuple[Span, Span]:
    """(scope, governor): the clause the cue qualifies and the span of the word it modifies."""
    doc = cue.doc
    if doc.has_annotation("DEP"):
        head = _cue_head(cue)
        # A verb cue ("appear", "claimed", "confirmed") scopes over its own
        # clause; adverbs, modals and adjectives over the word they modify.
        pred = head if head.dep_ == "ROOT" or head.pos_ == "VERB" else head.head
        if pred.i < sent.start or pred.i >= sent.end:
            pred = head
        lo = max(min(pred.left_edge.i, cue.start), sent.start)
        hi = min(max(pred.right_edge.i + 1, cue.end), sent.end)
        return _trim(parsed, seg, doc[lo:hi]), parsed.abs(seg, pred)
    # No parse: from the cue to the end of its clause.
    tail = sent.text[cue.end_char - sent.start_char :]
    m = _CLAUSE_END.search(tail)
    end_char = cue.end_char + (m.start() if m else len(tail))
    s = seg.start + cue.start_char
    e = seg.start + end_char
    scope = _strip(parsed.text, s, e)
    cue_end = seg.start + cue.end_char
    return scope, (cue_end, min(scope[1], cue_end + _GOVERNOR_CHARS))


def _cue_head(cue: SpacySpan) -> Token:
    """The cue token whose head lies outside the cue (its syntactic root)."""
    for t in cue:
        if t.head.i < cue.start or t.head.i >= cue.end or t.head.i == t.i:
            return t
    return cue[0]


def _trim(parsed: Parsed, seg: Segment, span: SpacySpan) -> Span:
    s, e = parsed.abs(seg, span)
    return _strip(parsed.text, s, e)


def _strip(text: str, s: int, e: int) -> Span:
    """``(s, e)`` less surrounding whitespace and trailing sentence punctuation."""
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:"):
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    return s, e


# --- attributions ------------------------------------------------------------


def _inside(span: Span, spans: Iterable[Span]) -> bool:
    a, b = span
    for s, e in spans:  # noqa: SIM110 (a loop: any() over a generator is twice as slow here)
        if s <= a and b <= e:
            return True
    return False


def _size(spans: Sequence[Span]) -> int:
    return sum(e - s for s, e in spans) or 1 << 30


def attribution_for(attributions: Sequence[Attribution], cue: Span, governor: Span | None) -> str | None:
    """The id of the attribution a hedge cue belongs to, or None (the outlet's own voice).

    Content holding the cue first (the innermost when nested), then a cue
    holding it ("claimed"), then a cue that overlaps ``governor``, the word the
    hedge modifies ("reportedly said": the outlet hedges the report).
    """
    holding = [a for a in attributions if _inside(cue, a.content)]
    if holding:
        return min(holding, key=lambda a: _size(a.content)).id
    for a in attributions:
        if _inside(cue, a.cue):
            return a.id
    if governor is not None:
        for a in attributions:
            if any(s < governor[1] and governor[0] < e for s, e in a.cue):
                return a.id
    return None


def attribution_containing(attributions: Sequence[Attribution], span: Span) -> Attribution | None:
    """The innermost attribution whose content holds ``span``, or None."""
    holding = [a for a in attributions if _inside(span, a.content)]
    return min(holding, key=lambda a: _size(a.content)) if holding else None


# --- quotations --------------------------------------------------------------

_OPEN = "“‘«"
_CLOSE = "”’»"


def quoted_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Spans of text between quotation marks in ``text[start:end]``, marks included.

    Curly quotes pair open with close; straight double quotes pair in order
    within each paragraph (an unclosed one runs to the paragraph's end, the
    news convention for multi-paragraph quotes).  Single quotes count only
    when curly and opened at a word start, because "’" is also the apostrophe.
    """
    end = len(text) if end is None else end
    out: list[Span] = []
    para_start = start
    for para_end in [m.start() for m in re.finditer(r"\n\s*\n", text[start:end])] + [end - start]:
        p0, p1 = para_start, start + para_end
        out.extend(_quotes_in(text, p0, p1))
        para_start = p1
    return out


def _quotes_in(text: str, p0: int, p1: int) -> list[Span]:
    out: list[Span] = []
    open_at: int | None = None
    closer = ""
    for k in range(p0, p1):
        ch = text[k]
        if open_at is None:
            if ch == '"' or ch == "“":
                open_at, closer = k, ('"' if ch == '"' else "”")
            elif ch == "‘" and (k == p0 or not text[k - 1].isalnum()):
                open_at, closer = k, "’"
        elif ch == closer or (closer == "”" and ch == '"'):
            if closer == "’" and k + 1 < p1 and text[k + 1].isalpha():
                continue  # an apostrophe inside the quote: "‘don’t’"
            out.append((open_at, k + 1))
            open_at = None
    if open_at is not None and closer != "’":
        out.append((open_at, p1))
    return out


def in_spans(span: Span, spans: Sequence[Span], starts: Sequence[int] | None = None) -> bool:
    """Whether ``span`` lies inside one of ``spans`` (sorted by start when ``starts`` is given)."""
    if starts is None:
        return _inside(span, spans)
    k = bisect.bisect_right(starts, span[0]) - 1
    return k >= 0 and spans[k][1] >= span[1]
