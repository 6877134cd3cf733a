"""The accepted attributions of an article with absolute spans, before naming and typing.

``extract(parsed)`` runs steps 1-4 of the family (see the package docstring):
cue candidates (``candidates``), scored by the cue model (``model``), their
contents chosen by the content ranker (``content``) and carried to their
quote marks (``quotes``), nested attributions dropped unless an outlet relays
them, and quotes that continue an attribution added to it.  Segments without
a dependency parse get the quote-adjacent fallback.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from ...lexicons import load_words
from ...model import Span
from ...nlp import Parsed, Segment, Tok
from ...registry import load_registry
from ...settings import Settings
from .candidates import candidates
from .clauses import relative_object
from .colons import (
    attach_quote,
    dangling_that,
    following_before_colon,
    medium_before_colon,
    medium_of,
    medium_then_that,
    quote_ending_before,
)
from .content import ContentModel, EdgeTags, content_options
from .heads import STATE_MEDIA
from .model import CueModel, features
from .quotes import MARKS, QuoteIndex, QuoteRegion, mark_at, quote_index
from .spans import Candidate, TokRange, trim
from .vetoes import above_said, after_link_label, plain_action

RELATIVE_ONLY = True
"""A cue whose only content is its relative pronoun ("..., which Mr. Ailes denies") takes it as its content."""
NESTED = False
"""Emit every attribution nested inside another's content (PolNeAR annotates only the outermost;
nested ones relayed by or through a news outlet are always kept)."""

_STOP = re.compile(r"[.!?](?=\s)")
_SHORT_TAIL = re.compile(r"((?: +[\w$%'’-]+){1,8})[.!?](?=\s|$)")
_SPEECH = re.compile(r"\b(?:said|says|say|added|adds|told|tells|asked|asks|wrote|writes|stated|explained|noted|according)\b", re.I)
_FALLBACK_CUES = re.compile(r"\b(said|says|told|added|asked|according to)\b", re.I)


@dataclass
class Accepted:
    """An accepted candidate with absolute spans."""

    cand: Candidate
    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    content: list[Span]
    addressee: tuple[Span, ...]
    score: float


def abs_span(seg: Segment, r: TokRange) -> Span:
    d = seg.view
    return (seg.start + d.idx[r[0]], seg.start + d.idx[r[1] - 1] + len(d.texts[r[1] - 1]))


def extract(
    parsed: Parsed,
    *,
    nested: bool | None = None,
    threshold: float | None = None,
    cue_model: CueModel | None = None,
    content_model: ContentModel | bool | None = True,
    settings: Settings | None = None,
    tags: EdgeTags | None = None,
    tagging: Callable[[Sequence[Candidate]], EdgeTags | None] | None = None,
    admit: Callable[[list[Accepted]], list[Accepted]] | None = None,
) -> list[Accepted]:
    """The accepted attributions with absolute spans, before naming and typing.

    ``cue_model`` and ``content_model`` default to the shipped models (training and cross-validation
    pass their own); ``content_model=None`` keeps the rules' contents; ``tags`` (the learned tagger's,
    for a content model trained with them) add the tagger's edge features to the content options.  ``settings`` name the user's
    outlet registry files (``Settings.registry``), which the outlet exception to nesting reads too.
    ``tagging``, when given, makes the tags from the scored candidates (the tagger then reads only the
    paragraphs it needs) and replaces ``tags``.  ``admit``, when given, filters the attributions before
    nested ones are dropped (the tagger's rejection: an outer attribution it rejects leaves the ones
    inside its content standing).
    """
    registry = tuple(settings.registry) if settings is not None else ()
    model = cue_model or CueModel.load()
    if content_model is True:
        content_model = ContentModel.load()
    assert content_model is None or isinstance(content_model, ContentModel)
    nested = NESTED if nested is None else nested
    thr = model.threshold if threshold is None else threshold
    text = parsed.text
    quotes = quote_index(parsed.read_text)
    lexicon = cue_lexicon(model)
    cands: list[Candidate] = []
    unparsed: list[Segment] = []
    for seg in parsed.segments:
        if not seg.doc.has_annotation("DEP"):
            unparsed.append(seg)
            continue
        cands.extend(candidates(seg, lexicon))
    for c in cands:
        if dangling_that(c) or medium_before_colon(c):
            c.content = []  # "The wire service adds that:" and a block quote after it
        medium_then_that(c)
        if not following_before_colon(c, quotes.text) and not c.content:
            attach_quote(c, quotes)
        if RELATIVE_ONLY and not c.content and not c.extra_content and (rel := relative_object(c)) is not None:
            c.content = [rel]  # "the allegations, which Mr. Ailes denies": what is denied is "which"
        c.score = RULE_SCORES.get(c.pattern) or model.score(features(c, quotes))
        if relative_report(c):
            c.score = max(c.score, RELATIVE_SCORE)
        elif c.content_rel == "colon_block":
            c.score = max(c.score, COLON_BLOCK_SCORE)
    kept = [c for c in cands if c.score >= thr and (c.content or c.extra_content) and not after_link_label(c) and not above_said(c)]
    if tagging is not None:
        tags = tagging(cands)
    if content_model is not None:
        for c in kept:
            if tags is None or tags.read(c.seg.start + c.head.idx):
                choose_content(c, content_model, quotes, tags)
            elif (plain := ContentModel.load()) is not None:  # unread (``linking.SELECT``): the rules' own ranker
                choose_content(c, plain, quotes, None)
    # constructions recognised by rule ("was quoted by Y as saying") win over the verbs inside them
    kept.sort(key=lambda c: (c.pattern not in RULE_SCORES, -c.score))
    # one attribution per cue token: a better-scored candidate wins overlapping cues
    taken: set[tuple[int, int]] = set()
    chosen: list[Accepted] = []
    for c in kept:
        cue_toks = {(c.seg.start, k) for k in range(*c.cue)}
        if cue_toks & taken:
            continue
        taken |= cue_toks
        chosen.append(_to_found(c, quotes))
    chosen.sort(key=lambda f: f.cue[0][0])
    if admit is not None:
        chosen = admit(chosen)
    if not nested:
        chosen = _outermost(chosen, text, registry)
    chosen = according_hops(chosen, text, registry)
    _continue_quotes(chosen, parsed, quotes)
    if not nested:
        chosen = _outermost(chosen, text, registry)  # cues inside the quotes just added are nested now
    # plain actions go last, so that what lies inside their content stays unread as before (PolNeAR dev
    # measured both ways: dropping them first exposes nested candidates)
    chosen = [f for f in chosen if not plain_action(f.cand)]
    for seg in unparsed:
        chosen.extend(_fallback(seg, quotes))
    chosen.sort(key=lambda f: f.cue[0][0])
    return chosen


def cue_lexicon(model: CueModel) -> frozenset[str]:
    """The lemmas that head cue candidates: the model's (learnt from PolNeAR train) and the hand-made
    list of reporting, finding, belief and intent words ``lexicons/cue_words.txt``."""
    return _with_extra(model.lexicon)


@functools.lru_cache(maxsize=4)
def _with_extra(lexicon: frozenset[str]) -> frozenset[str]:
    return lexicon | load_words("cue_words.txt")


# Constructions scored by rule, not by the model (too rare in PolNeAR train to learn): a dash after a
# quote followed by a name, footage with an agent ("aired by X"), "was quoted by Y as saying" and
# "a message that read, “...”" were attributions in every case we looked at on dev and the seed.
RULE_SCORES = {"dash": 0.9, "footage": 0.85, "quoted_by": 0.9, "document": 0.85, "closing_tag": 0.85, "lead_in": 0.85}
# "X added:" closing its paragraph before the paragraph it introduces (``attach_quote``): as sure as a
# quote after a colon (set by hand, like RULE_SCORES; PolNeAR dev, eval/attribution.md)
COLON_BLOCK_SCORE = 0.85


RELATIVE_SCORE = 0.8
"""Score of a relative-pronoun source with a that-clause ("students, who have demanded that ..."),
which the cue model underrates (set by hand; PolNeAR dev unchanged or better, eval/attribution.md)."""


def relative_report(c: Candidate) -> bool:
    """ "..., who has demanded that ...": a relative clause whose pronoun is the source of a report with
    a that-clause content."""
    if c.pattern != "verb" or c.head.dep_ != "relcl" or c.content_rel != "ccomp" or len(c.source) != 1:
        return False
    i, j = c.source[0]
    if j - i != 1 or c.seg.view.texts[i].lower() != "who":
        return False
    return any(k.dep_ == "ccomp" and any(g.dep_ == "mark" and g.text.lower() == "that" for g in k.children) for k in c.head.children)


def choose_content(
    c: Candidate, model: ContentModel, quotes: QuoteIndex, tags: EdgeTags | None = None
) -> None:
    """Replace the rules' content of ``c`` by the ranker's choice among the parse's alternatives.

    When the chosen content starts after the rules' content and the cue stood right before it, the
    words between join the cue: "made conflicting statements about | how ...", "has sought to
    distinguish | himself ..." (on PolNeAR train the cue so extended is far more often the gold cue
    than the unextended one).
    """
    if not c.content or c.pattern in ("colon", "dash", "footage") or c.content_rel == "than":
        return
    opts = content_options(c, quotes, tags)
    medium = medium_of(c)
    if medium is not None:
        # "says this in a bylined article": the medium the report came in is no part of what it says
        opts = [o for o in opts if all(b <= medium for _, b in o.ranges)] or opts[:1]
    if c.pattern == "noun" and c.content_rel != "copula" and c.head.dep_ in ("nsubj", "nsubjpass"):
        # a subject's content stays inside its noun phrase ("his promise to build a wall | angered Mexico")
        edge = c.head.right_edge.i + 1
        opts = [o for o in opts if o.ranges[-1][1] <= edge] or opts[:1]
    if len(opts) < 2:
        return
    best = model.choose(opts)
    if best is opts[0]:
        return
    i0 = c.content[0][0]
    s = best.ranges[0][0]
    if s > i0 and c.cue[1] <= i0:
        others = {k for r in (*c.source, *([c.addressee] if c.addressee else [])) for k in range(*r)}
        cue = trim(c.seg.view, (c.cue[0], s))
        words = c.seg.view.texts[c.cue[1] : s]
        # never into a quotation ('said, "and to say that ...': the quote is the content, ``_split_quote``)
        if cue is not None and not others & set(range(*cue)) and not any(w in MARKS or w == "''" for w in words):
            c.cue = cue
    if s < i0 and c.cue[0] < s < c.cue[1]:
        c.cue = (c.cue[0], s)  # the cue's last preposition went to the content
    c.content = list(best.ranges)
    if c.addressee and any(a < c.addressee[1] and c.addressee[0] < b for a, b in c.content):
        c.addressee = None


def _to_found(c: Candidate, quotes: QuoteIndex) -> Accepted:
    seg = c.seg
    content = [abs_span(seg, r) for r in c.content] + list(c.extra_content)
    rel = relative_object(c) if content else None
    if rel is not None and not any(a <= abs_span(seg, rel)[0] < b for a, b in content):
        content.insert(0, abs_span(seg, rel))
    cue = (abs_span(seg, c.cue),)
    content = extend_to_quote_ends(content, cue[0], quotes)
    return Accepted(
        cand=c,
        source=tuple(abs_span(seg, r) for r in c.source),
        cue=cue,
        content=content,
        addressee=(abs_span(seg, c.addressee),) if c.addressee else (),
        score=c.score,
    )


def extend_to_quote_ends(content: list[Span], cue: Span, quotes: QuoteIndex) -> list[Span]:
    """Carry a content that opens (or closes) a quote to the quote's other mark, never across the cue."""
    if not content:
        return content
    text = quotes.text
    out = list(content)
    s0, e0 = out[0][0], out[-1][1]
    # the quote mark may sit a few punctuation marks away from the trimmed content
    a = s0
    while a > 0 and text[a - 1] in "“\"„«( '":
        a -= 1
        if text[a] in MARKS or text[a - 1 : a + 1] == "''":
            a -= text[a] == "'"
            break
    b = e0
    while b < len(text) and text[b] in ",.!?;:—–-”\"» '":
        b += 1
        if text[b - 1] in MARKS or text[b - 2 : b] == "''":
            break
    first = quotes.region_at(a) if mark_at(text, a) else quotes.region_at(s0)
    if first is not None and first.start >= a and first.end > b and not (e0 <= cue[0] < first.end):
        out[-1] = (out[-1][0], first.end)
    else:
        # a quote opened inside the content runs on past its end: the content runs to the close
        # ('Trump said that “ethanol people” “do a fantastic job. And it’s so important.”')
        inner = quotes.region_at(e0 - 1)
        if (
            inner is not None
            and s0 <= inner.start
            and inner.end > b
            and not inner.start <= cue[0] < inner.end
            and any(ch.isalnum() for ch in text[inner.start : e0])
            and not (inner.closed and text[inner.end - 2].isspace())  # a mark that opens, mispaired
        ):
            out[-1] = (out[-1][0], inner.end)
    last = quotes.region_at(b - 1)
    if last is not None and last.end <= b and last.start < s0 and not (last.start <= cue[0] < s0):
        out[0] = (last.start, out[0][1])
    return out


def _outermost(items: list[Accepted], text: str, registry: tuple[str, ...]) -> list[Accepted]:
    """Drop attributions whose cue lies inside another attribution's content (outer wins; of two whose
    contents each hold the other's cue, the better scored stays).

    An inner attribution is kept when its source is a news outlet, or when an outlet relays it
    with a reporting verb ("Yonhap reported that Kim said ..."): relay chains are built from those.
    """
    out = []
    outlet = {id(g): _outlet_like(text, g.source, registry) for g in items}
    by_id = {id(g): g for g in items}
    any_outer = _Covers([(a, b, id(g)) for g in items for a, b in g.content])
    outlet_outer = _Covers([(a, b, id(g)) for g in items if outlet[id(g)] for a, b in g.content])
    for f in items:
        cs = f.cue[0][0]
        outer = any_outer.owners(cs, frozenset((id(f),)))
        relayed = f.cand.head.lemma_.lower() in RELAY_CUES and outlet_outer.covered(cs, id(f))
        if not outer or outlet[id(f)] or relayed or _wins_mutual(f, outer, by_id, any_outer):
            out.append(f)
    return out


def _wins_mutual(f: Accepted, outer: list[int], by_id: dict[int, Accepted], covers: _Covers) -> bool:
    """Whether ``f`` is inside one other attribution's content only, which is inside ``f``'s (two
    contents each reaching over the other's cue), and scores higher (earlier cue on a tie): the
    better one stays instead of both going."""
    if len(outer) != 1:
        return False
    g = by_id[outer[0]]
    if covers.owners(g.cue[0][0], frozenset((id(g),))) != [id(f)]:
        return False
    return (f.score, -f.cue[0][0]) > (g.score, -g.cue[0][0])


def according_hops(items: list[Accepted], text: str, registry: tuple[str, ...]) -> list[Accepted]:
    """ "X said Y, according to state media": the "according to" after X's attribution names a relay of
    it (a hop of its chain), not an attribution of its own; it is dropped, and cut off X's content
    (``fold_relay``)."""
    order = sorted(range(len(items)), key=lambda k: items[k].cue[0][0])
    starts = [items[k].cue[0][0] for k in order]

    def cued_in(f: Accepted) -> list[Accepted]:
        # the attributions whose cue starts in f's content, in list order (the only ones ``fold_relay`` may take)
        ks = {order[j] for a, b in f.content for j in range(bisect.bisect_left(starts, a), bisect.bisect_left(starts, b))}
        return [items[k] for k in sorted(ks)]

    drop = {id(f) for f in items if f.cand.pattern == "according_to" and fold_relay(f, cued_in(f), text, registry)}
    return [f for f in items if id(f) not in drop]


def fold_relay(f: Accepted, items: list[Accepted], text: str, registry: tuple[str, ...]) -> bool:
    """Whether the "according to" attribution ``f`` is a relay of another of ``items``; if so, its
    mention is cut off that attribution's content.

    It is when the "according to" phrase names a news outlet and its content is another attribution's
    source, cue and content (at most a few word characters besides).
    """
    if not f.source or not _outlet_like(text, f.source, registry):
        return False
    for g in items:
        if g is f or not g.source or g.cue[0][0] > f.cue[0][0] or not any(a <= g.cue[0][0] < b for a, b in f.content):
            continue  # (a preposed "According to X, Y said ..." stays the outer attribution, as PolNeAR has it)
        g_spans = [*g.source, *g.cue, *g.content]
        rest = "".join(
            text[i] for a, b in f.content for i in range(a, b) if not any(x <= i < y for x, y in g_spans)
        )
        if len(re.sub(r"[\W_]+", "", rest)) > 12:
            continue
        cut = f.cue[0][0]
        new = [(a, min(b, cut)) for a, b in g.content if a < cut]
        new = [(a, b) for a, b in new if text[a:b].strip(" ,;—–-")]
        if new:
            a, b = new[-1]
            while b > a and text[b - 1] in " ,;—–-":
                b -= 1
            new[-1] = (a, b)
            g.content = new
        return True
    return False


class _Covers:
    """Whether some span ``[a, b)`` of an owner other than given ones contains an offset, in O(log n) per
    question (``_outermost`` asked it of every pair, quadratic in the attributions)."""

    def __init__(self, spans: list[tuple[int, int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [a for a, _, _ in spans]
        # the three largest ends of distinct owners among the spans starting at or before each one
        self.tops: list[tuple[tuple[int, int], ...]] = []
        top: list[tuple[int, int]] = []
        for _, b, o in spans:
            mine = max([b] + [e for e, w in top if w == o])
            top = sorted([(e, w) for e, w in top if w != o] + [(mine, o)], reverse=True)[:3]
            self.tops.append(tuple(top))

    def owners(self, offset: int, skip: frozenset[int] = frozenset()) -> list[int]:
        """Owners (at most three, besides ``skip``) of spans containing ``offset``."""
        k = bisect.bisect_right(self.starts, offset)
        if not k:
            return []
        return [w for e, w in self.tops[k - 1] if e > offset and w not in skip]

    def covered(self, offset: int, owner: int) -> bool:
        return bool(self.owners(offset, frozenset((owner,))))


# Reporting verbs whose nested attribution an outlet relays ("Yonhap reported that Kim said ..."); a
# perception inside an outlet's content ("KCTV footage ... Kim appears emotional") is not kept.
RELAY_CUES = frozenset({"say", "tell", "report", "announce", "state", "claim", "add", "write", "declare", "warn", "quote"})


_NEWS_DESCRIPTION = re.compile(
    r"^(?:the|that|this)\s+(?:[\w-]+\s+){0,3}?(?:wire\s+service|newspaper|paper|tabloid|broadcaster|news\s+(?:service|outlet|network|channel))$",
    re.IGNORECASE,
)


def _outlet_like(text: str, source: tuple[Span, ...], registry: tuple[str, ...]) -> bool:
    """Whether a source names a news outlet: state media, a news agency, a row of the outlet registry
    (the bundled one extended by the user's ``registry`` files), or a description only a news outlet fits
    ("the wire service", "the paper"; not "the agency", which is as often a government's)."""
    if not source:
        return False
    phrase = text[source[0][0] : source[-1][1]]
    if STATE_MEDIA.search(phrase) or "news agency" in phrase.lower() or _NEWS_DESCRIPTION.match(phrase):
        return True
    try:
        reg = load_registry(registry)
    except Exception:  # a broken registry must not stop the analysis
        return False
    return reg.match(phrase) is not None or reg.match(re.sub(r"['’]s?$", "", phrase)) is not None


def _continue_quotes(items: list[Accepted], parsed: Parsed, quotes: QuoteIndex) -> None:
    """Quotes right after an attribution's sentence, with no cue of their own, continue it."""
    if not items:
        return
    text = parsed.text
    claimed = _Claims((f.cue[0][0], a, b) for f in items for a, b in f.content)
    for f in items:
        if f.cand.pattern == "according_to":
            continue
        _split_quote(f, text, quotes, claimed)
        if not _is_direct(f, quotes):
            continue
        last = max(b for _, b in (*f.cue, *f.source, *f.content))
        # search from the end of the sentence that holds the cue; spaCy often runs "she said. “Next"
        # into one sentence, so stop at the first full stop after the attribution
        end = f.cand.seg.start + f.cand.head.sent.end_char
        resume = _next_quote(text, last, quotes, comma=True) is not None
        if resume:
            end = last  # "“...,” Mr. Obama said, “and to say that ...”": the quote resumes in the sentence
        else:
            stop = _STOP.search(text, last, end)
            if stop is not None:
                end = stop.end()
        while True:
            nxt = _next_quote(text, end, quotes, comma=resume)
            resume = False
            if nxt is None:
                break
            # a quote that is (part of) the content of an attribution outside it is taken
            if any(not (nxt.start <= c < nxt.end) for c, _a, _b in claimed.overlapping(nxt.start, nxt.end)):
                break
            # the quote must be all that its sentence holds (no cue outside it)
            tail = _sentence_tail(text, nxt.end)
            piece_end = nxt.end
            if tail is None:
                # a few words end the sentence after the quote ("... just a tax increase'' for the
                # top income bracket."): PolNeAR keeps them in the content
                m = _SHORT_TAIL.match(text, nxt.end)
                if m is None or _SPEECH.search(m.group(1)):
                    break
                piece_end, tail = m.end(1), m.end()
            f.content.append((nxt.start, piece_end))
            claimed.add(f.cue[0][0], nxt.start, piece_end)
            end = tail


class _Claims:
    """The contents claimed so far as (cue start, start, end), sorted by start: ``overlapping`` bisects to the
    span and looks back from it only as far as the longest claimed content, not over every attribution."""

    def __init__(self, claims: Iterable[tuple[int, int, int]]) -> None:
        self.rows = sorted((a, b, c) for c, a, b in claims)
        self.longest = max((b - a for a, b, _ in self.rows), default=0)

    def add(self, cue: int, start: int, end: int) -> None:
        bisect.insort(self.rows, (start, end, cue))
        self.longest = max(self.longest, end - start)

    def overlapping(self, start: int, end: int) -> Iterator[tuple[int, int, int]]:
        """(cue start, start, end) of the claims overlapping ``[start, end)``."""
        rows = self.rows
        for k in range(bisect.bisect_left(rows, (start - self.longest,)), bisect.bisect_left(rows, (end,))):
            a, b, c = rows[k]
            if start < b:
                yield c, a, b


def _split_quote(f: Accepted, text: str, quotes: QuoteIndex, claimed: _Claims) -> None:
    """'“Q1,” Mr. Obama said, “and to say that ...”' parsed with the cue's content inside the second
    quote: the content is both quotes."""
    if not f.content or not f.cue:
        return
    first = min(a for a, _ in (*f.cue, *f.source))
    last = max(b for _, b in (*f.cue, *f.source))
    after = _next_quote(text, last, quotes, comma=True)
    if after is None or not all(after.start <= a and b <= after.end for a, b in f.content):
        return
    before = quote_ending_before(text, first, quotes, " ,")
    if before is None or text[before.end - 2 : before.end - 1] not in (",", "'"):
        return
    if any(c != f.cue[0][0] for c, _a, _b in claimed.overlapping(before.start, before.end)):
        return
    f.content[:] = [(before.start, before.end), (after.start, after.end)]
    claimed.add(f.cue[0][0], before.start, before.end)


def _is_direct(f: Accepted, quotes: QuoteIndex) -> bool:
    if not f.content:
        return False
    a, b = f.content[0][0], f.content[-1][1]
    if quotes.quoted_chars(a, b) >= 0.8 * (b - a):
        return True
    # a content that ends in a quote ('The summit accomplished "too little," he added. "Without ...')
    r = quotes.region_at(b - 1)
    return r is not None and r.closed and r.end - b <= 3


def _next_quote(text: str, pos: int, quotes: QuoteIndex, comma: bool = False) -> QuoteRegion | None:
    """A quote region starting after ``pos`` with only whitespace before it (within one blank line).

    With ``comma``, only a comma and spaces may come before it (the quote resumes in the sentence)."""
    i = pos
    n = len(text)
    newlines = 0
    if comma:
        while i < n and text[i] == " ":
            i += 1
        if i >= n or text[i] != ",":
            return None
        i += 1
        while i < n and text[i] == " ":
            i += 1
        return quotes.starting_at(i) if i < n else None
    while i < n and (text[i].isspace() or text[i] in ".,"):
        newlines += text[i] == "\n"
        i += 1
    if i >= n or not mark_at(text, i) or newlines > 2:
        return None
    return quotes.starting_at(i)


def _sentence_tail(text: str, pos: int) -> int | None:
    """End of the sentence after a quote closing at ``pos``, or None when words follow the quote."""
    i = pos
    while i < len(text) and text[i] in ".!?” \t":
        i += 1
    if i >= len(text) or text[i] == "\n" or (text[i - 1] == " " and (text[i] in MARKS or text[i].isupper())):
        return i
    return None


# --- without a parse -----------------------------------------------------------


def _fallback(seg: Segment, quotes: QuoteIndex) -> list[Accepted]:
    """Quote + "said X" / "X said" patterns on tokens only (no dependency parse)."""
    doc = seg.view
    out: list[Accepted] = []
    for t in doc:
        if not _FALLBACK_CUES.fullmatch(t.text.lower()):
            continue
        cue_abs = (seg.start + t.idx, seg.start + t.idx + len(t.text))
        # quote just before: “...,” she said / said Kim
        i = t.i - 1
        src: list[Tok] = []
        while i >= 0 and (doc[i].text.isalpha() and (doc[i].text.istitle() or doc[i].text.lower() in ("he", "she", "they", "i", "we"))):
            src.insert(0, doc[i])
            i -= 1
        q_end = seg.start + doc[i].idx + len(doc[i].text) if i >= 0 else None
        region = quotes.region_at(q_end - 1) if q_end else None
        if region is None or region.end != q_end:
            continue
        if not src:
            j = t.i + 1
            while j < len(doc) and doc[j].text.isalpha() and doc[j].text.istitle():
                src.append(doc[j])
                j += 1
        c = Candidate(seg, t, (t.i, t.i + 1), pattern="fallback", content_rel="quote")
        source = ((seg.start + src[0].idx, seg.start + src[-1].idx + len(src[-1].text)),) if src else ()
        out.append(Accepted(c, source, (cue_abs,), [(region.start, region.end)], (), 0.5))
    return out
