"""The parts of a cue candidate as token ranges, and the span conventions that shape them.

A ``Candidate`` (proposed by ``candidates``) holds token ranges of one
segment's ``DocView`` for the cue, source, content and addressee.  Span
conventions follow the PolNeAR annotation guidelines, learnt from its
train split: the cue keeps its verb group together (auxiliaries, negation,
adjacent adverbs, particles, and the preposition that links it to its
content: "pointed to", "called for"); the source is the whole subject phrase
with appositions ("Marley Anderson, 21, a junior from Las Vegas"); the
content includes a complementiser ("that ...") or infinitive marker ("to
..."), and excludes the sentence's final period and the comma before the cue.
The helpers here apply them: ``trim`` and ``trimmed_ranges`` (edge
punctuation, lone quote marks), ``verb_group``, ``source_range`` and
``dateline``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ...model import Span
from ...nlp import DocView, Segment, Tok, memoised, offsets, texts

TokRange = tuple[int, int]
"""Half-open token index range in one segment's doc."""

# Children of a verbal cue head that belong to its verb group when they
# stand next to it (as PolNeAR train annotates cues).
LEFT_GROUP = frozenset({"aux", "auxpass", "neg", "advmod"})

DASHES = frozenset({"—", "―", "–", "--", "-"})

PUNCT_EDGE = frozenset(".,;:!?—–-…()[]")
OPEN_QUOTES = frozenset("“\"„«‘")
CLOSE_QUOTES = frozenset("”\"»’")
QUOTE_MARKS = OPEN_QUOTES | CLOSE_QUOTES


@dataclass
class Candidate:
    """A possible attribution headed by ``head`` in ``seg``; spans are token ranges of ``seg.doc``."""

    seg: Segment
    head: Tok
    cue: TokRange
    source: list[TokRange] = field(default_factory=list)
    content: list[TokRange] = field(default_factory=list)
    addressee: TokRange | None = None
    pattern: str = "verb"
    content_rel: str = "none"
    source_rel: str = "none"
    passive: bool = False
    score: float = 0.0
    extra_content: list[tuple[int, int]] = field(default_factory=list)
    """Absolute character spans added to the content (quote continuations)."""


# --- small helpers -----------------------------------------------------------


def trim(doc: DocView, r: TokRange, keep_quotes: bool = True) -> TokRange | None:
    """A token range without edge punctuation (quote marks are kept when ``keep_quotes``)."""
    edge = doc.memo.get(("edge", keep_quotes)) or _edge_flags(doc, keep_quotes)
    i, j = r
    while i < j and edge[i]:
        i += 1
    while j > i and edge[j - 1]:
        j -= 1
    return (i, j) if j > i else None


def _edge_flags(doc: DocView, keep_quotes: bool) -> list[bool]:
    """For each token of ``doc``: whether ``trim`` strips it (computed once per doc)."""
    return memoised(doc, ("edge", keep_quotes), lambda: [_edge_punct(txt, keep_quotes) for txt in texts(doc)])


def _edge_punct(txt: str, keep_quotes: bool) -> bool:
    if txt[:1].isalnum():  # most tokens: a word is never edge punctuation
        return False
    if not txt.strip():
        return True
    if all(c in PUNCT_EDGE for c in txt):
        return True
    if all(c in QUOTE_MARKS for c in txt):
        return not keep_quotes
    return False


def subtree_range(t: Tok) -> TokRange:
    return (t.left_edge.i, t.right_edge.i + 1)


def ranges_of(indices: set[int]) -> list[TokRange]:
    out: list[TokRange] = []
    for i in sorted(indices):
        if out and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return out


def trimmed_ranges(doc: DocView, indices: set[int]) -> list[TokRange]:
    out = []
    for r in ranges_of(indices):
        tr = trim(doc, r)
        if tr:
            out.append(tr)
    return _balance_quotes(doc, out)


def _balance_quotes(doc: DocView, ranges: list[TokRange]) -> list[TokRange]:
    """Drop a lone quote mark at an edge when its partner is outside the range."""
    out = []
    words = texts(doc)
    for i, j in ranges:
        marks = [k for k in range(i, j) if words[k] in QUOTE_MARKS and words[k] != "’"]
        if len(marks) % 2 == 1:
            if marks[0] == i:
                i += 1
            elif marks[-1] == j - 1:
                j -= 1
        r = trim(doc, (i, j))
        if r:
            out.append(r)
    return out


def verb_group(h: Tok, stop: int | None = None) -> TokRange:
    """The cue head with its adjacent auxiliaries, negation and adverbs on the left, particle on the right."""
    doc = h.doc
    i = h.i
    left_kids = {c.i for c in h.children if c.dep_ in LEFT_GROUP and c.i < h.i}
    while i - 1 >= 0 and (i - 1) in left_kids and (stop is None or i - 1 > stop):
        i -= 1
    # an adverb at the very start of the group is kept only when an auxiliary follows it or it is
    # directly before the verb ("also said", "has repeatedly called")
    j = h.i + 1
    for c in h.children:
        if c.dep_ == "prt" and c.i == j:
            j += 1
    return (i, j) if j <= len(doc) else (i, len(doc))


def source_range(doc: DocView, s: Tok, cue: TokRange, cues: frozenset[str] = frozenset()) -> list[TokRange]:
    """The whole subject phrase, without edge punctuation and without the cue.

    PolNeAR train measured each rule (source exact F1 of the rules-only profile): a "who"/"whose"
    clause on the subject stays in (annotators keep it in two of three cases: "Luis Rubio, who heads
    the Center ..."), unless its verb is a cue (``cues``: "Jeremy, who supports Sanders, says ...");
    other relative clauses go.  Out also: a participle set off by a comma ("Trump, speaking to a
    veterans group, said"; "The work, published on April 27, 2012, clarifies" in KCNA, but not "The
    footage, released by Korean Central Television, shows": its producer), a date phrase ("an
    arbitration panel in 2001 found"), a leading "even" / "only" / "also" / "both" and a day right before the cue
    (KCNA's "Rodong Sinmun Thursday says")."""
    lo, hi = s.left_edge.i, s.right_edge.i
    if s.dep_ in ("nsubj", "nsubjpass") and s.head.i != s.i and s.tag_ not in _NO_PIECE:
        # "Syrian ally Iran warned", "Faisal al-Mekdad told": the parser gave the verb each piece of one phrase as a
        # subject; the pieces side by side, with no punctuation between them, are the phrase (not a relative pronoun
        # or a personal one: "which he said")
        pieces = [
            c for c in s.head.children if c.dep_ == s.dep_ and c.i != s.i and c.tag_ not in _NO_PIECE and c.ent_type_ != "DATE"
        ]
        for sib in sorted(pieces, key=lambda c: c.i):
            if sib.left_edge.i == hi + 1 and _joined(doc, hi):
                hi = sib.right_edge.i
        for sib in sorted(pieces, key=lambda c: -c.i):
            if sib.right_edge.i == lo - 1 and _joined(doc, lo - 1):
                lo = sib.left_edge.i
    idx = {k for k in range(lo, hi + 1) if not (cue[0] <= k < cue[1])} - dateline(doc)
    words = texts(doc)
    idx = {k for k in idx if not (len(words[k]) > 2 and words[k].isspace())}  # a gap: page furniture read as spaces
    for c in s.children:
        if c.i < s.i:
            if c.dep_ in ("advmod", "preconj") and c.i == s.left_edge.i and c.lower_ in _LEADING:
                idx.discard(c.i)
            continue
        if c.dep_ == "relcl":
            if c.lemma_.lower() in cues or doc[c.left_edge.i].lower_ not in ("who", "whose"):
                idx -= set(range(c.left_edge.i, c.right_edge.i + 1))
        elif (
            c.dep_ in ("acl", "advcl")
            and (c.tag_ == "VBG" or (c.tag_ == "VBN" and not any(g.dep_ == "agent" for g in c.children)))
            and c.left_edge.i > 0
            and doc[c.left_edge.i - 1].text == ","
        ):
            idx -= set(range(c.left_edge.i - 1, c.right_edge.i + 1))
        elif c.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ == "DATE" for g in c.children):
            idx -= set(range(c.left_edge.i, c.right_edge.i + 1))
    rs = trimmed_ranges(doc, idx)
    # a subject is one contiguous phrase; keep the piece holding the subject's head
    kept = [r for r in rs if r[0] <= s.i < r[1]] or rs[:1]
    # without the day after a name that ends it ("Rodong Sinmun Thursday says": the parser makes the day the head; not
    # "a poll released Monday", "USA Today")
    return [(i, j - 1) if j - 2 > i and j == cue[0] and _name_then_day(doc, s, j - 1) else (i, j) for i, j in kept]


_NO_PIECE = frozenset({"WDT", "WP", "PRP", "EX"})


def _joined(doc: DocView, k: int) -> bool:
    """Whether tokens ``k`` and ``k + 1`` may be one phrase: no punctuation between them but a hyphen inside a word
    ("al-Mekdad")."""
    a, b = doc[k], doc[k + 1]
    glued = b.idx == a.idx + len(a.text)
    return not (a.is_punct or b.is_punct) or (glued and (a.text == "-" or b.text == "-"))


def _name_then_day(doc: DocView, s: Tok, k: int) -> bool:
    """Whether token ``k`` is a day (a DATE) after a proper noun that is the subject ``s`` or hangs on it."""
    day = doc[k]
    return day.lower_ in _DAYS and day.ent_type_ == "DATE" and s.i in (day.i, day.head.i) and doc[k - 1].pos_ == "PROPN"


_LEADING = frozenset({"even", "only", "also", "both"})
_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight"})



def dateline(doc: DocView) -> frozenset[int]:
    """Tokens of a dateline opening a paragraph ("WASHINGTON (AP) —", "LOS ANGELES, Sept. 28 (UPI) —")."""
    return memoised(doc, "dateline", lambda: _dateline(texts(doc), offsets(doc)))


def _dateline(words: list[str], starts: list[int]) -> frozenset[int]:
    for i, w in enumerate(words[:14]):
        if w == "-" and i > 0 and starts[i] == starts[i - 1] + len(words[i - 1]):
            continue  # the hyphen of a compound ("A top US diplomat for the Asia-Pacific region said")
        if w in DASHES:
            if any(x.isupper() and len(x) > 1 and x.isalpha() for x in words[:i]):
                return frozenset(range(i + 1))
            return frozenset()
    return frozenset()


def closed_parens(text: str, spans: tuple[Span, ...] | list[Span]) -> tuple[Span, ...]:
    """``spans`` (character spans of ``text``), each that opens a parenthesis it does not close carried over the
    closing one right after it (past a stop: "(D-Vt.)"): the rules trim edge punctuation, and "said Rep. Chris
    Stewart (R-Utah)." gave the source "Rep. Chris Stewart (R-Utah"; a tagged source may stop inside the label
    ("Sen. Lindsey Graham (R" of "(R-SC)"), so the rest of a short label (at most ``_LABEL_REST`` letters, stops,
    hyphens and spaces) is carried over too."""
    out = []
    for a, b in spans:
        piece = text[a:b]
        if "(" in piece and piece.count("(") > piece.count(")"):
            k = b
            while k < len(text) and k < b + _LABEL_REST and (text[k] in " \t.-" or text[k].isalnum()):  # ("(D-Vt" of "(D-Vt.)")
                k += 1
            if k < len(text) and text[k] == ")":
                b = k + 1
        out.append((a, b))
    return tuple(out)


_LABEL_REST = 12
"""How far past a span ``closed_parens`` looks for the parenthesis it leaves open (the rest of "(R-SC)", "(D-N.Y.)")."""


_BULLETS = frozenset("●•▪■◦‣∙·*-–—>")
"""Marks that open the items of a pasted list."""


def fitted_source(text: str, source: tuple[Span, ...], content: Sequence[Span]) -> tuple[Span, ...]:
    """A source as an attribution may keep it: none when it lies inside what is said ("following reports that Trump
    wasn't willing ...": nobody named, not Trump) or is an article alone; without a quotation mark that opens it and
    closes nothing in it (a paragraph glued to the quote before: '... alternatives."Bush caused a media stir ...')."""
    if any(a <= s and e <= b for s, e in source for a, b in content) or (
        len(source) == 1 and text[source[0][0] : source[0][1]].strip().lower() in ("the", "a", "an")
    ):
        return ()
    if source and text[source[0][0]] in _BULLETS and text[source[0][0] + 1 : source[0][0] + 2].isspace():
        s = source[0][0] + 1
        while s < source[0][1] and text[s].isspace():
            s += 1  # "● Illinois passed ...": a list's bullet is no part of who acts (not the minus of "-4.33%")
        source = ((s, source[0][1]), *source[1:]) if s < source[0][1] else tuple(source[1:])
    if source and text[source[0][0]] in "\"“" and not any(m in text[source[0][0] + 1 : source[-1][1]] for m in "\"”"):
        s = source[0][0] + 1
        while s < source[0][1] and text[s].isspace():
            s += 1
        return ((s, source[0][1]), *source[1:]) if s < source[0][1] else source[1:]
    return source
