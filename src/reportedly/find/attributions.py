"""Attributions: who (source) said (cue) what (content), in every form news uses.

``find_attributions(parsed, found, settings)`` returns one ``Attribution``
per reported claim, with exact character spans into ``Article.text``:

1. *Cue candidates* (``attribution_spans``): every verb, noun or adjective
   of the cue lexicon with its source, cue, content and addressee read off
   the dependency parse ("X said (that) ...", "..., X said", "The plan, he
   said, was dead", "X told Y (that) ...", "X was quoted by Y as saying ...",
   passives, "according to X", nominal cues ("his concern is that ...",
   "is raising questions about"), footage with an agent ("as seen in footage
   aired by X"), documents ("a message that read, “...”"), colon lead-ins
   "X: “...”", dash attributions "“...” ― X", and a quote right before or
   after a cue with no content of its own ("“...,” said X.", "X said: “...”").
2. *Scoring* (``attribution_model``): a logistic regression trained on
   PolNeAR train keeps the candidates that really attribute (reporting,
   belief, intention and perception cues, as PolNeAR defines attribution).
3. *Quotes* (``attribution_quotes``): a content that opens a quote runs to
   its closing mark, across sentences and paragraphs (news re-opens the mark
   on every paragraph); a quote that follows an attribution's sentence with
   no cue of its own continues that attribution ("“A,” she said. “B.”"),
   also in the next paragraph.
4. *Nesting*: PolNeAR annotates only the outermost of nested attributions;
   by default we do too (an attribution whose cue lies inside another's
   content is dropped, see eval/attribution.md for the measured cost),
   except when either source is a news outlet ("Yonhap reported that KCNA
   said ..." gives both, for relay chains); ``NESTED = True`` keeps all.
5. *Who*: sources and addressees are named, typed (``model.SOURCE_TYPES``,
   outlets through the registry) and resolved to entities; "he", "the
   spokesman" resolve to the closest earlier person.

Without a dependency parse (``doc.has_annotation("DEP")`` False) only
quote-adjacent "said/says/told" patterns are found, at lower confidence.

Limits: a content is found within its sentence unless quote marks carry it
further; a bare quote paragraph is attributed only to the directly quoted
speaker just before it; no cross-sentence source for cues without a subject;
cues outside the lexicon learnt from PolNeAR train are not found.  PolNeAR
dev exact F1: source 73.8, cue 69.7, content 57.1 (eval/attribution.md).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..model import Attribution, Entity, Span
from ..nlp import Parsed, Segment
from ..registry import load_registry
from ..settings import Settings
from . import Found
from .attribution_content import ContentModel, content_options
from .attribution_model import CueModel, features
from .attribution_quotes import MARKS, QuoteIndex, QuoteRegion
from .attribution_resolve import DOCUMENT_HEADS, PERSON_TITLES, STATE_MEDIA, describe, entity_for
from .attribution_spans import Candidate, TokRange, candidates, trim
from .doc_memo import view_of
from .doc_view import DocView, Tok

PRODUCED_BY = "attribution.rules/1"
NESTED = False
"""Emit every attribution nested inside another's content (PolNeAR annotates only the outermost;
nested ones relayed by or through a news outlet are always kept)."""

_AND_QUOTE = re.compile(r"[ ,]*(?:and|or|then)[ ,]+(?=[“\"])")
_STOP = re.compile(r"[.!?](?=\s)")
_FALLBACK_CUES = re.compile(r"\b(said|says|told|added|asked|according to)\b", re.I)


@dataclass
class _Found:
    """An accepted candidate with absolute spans."""

    cand: Candidate
    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    content: list[Span]
    addressee: tuple[Span, ...]
    score: float


def _abs(seg: Segment, r: TokRange) -> Span:
    d = view_of(seg.doc)
    return (seg.start + d.idx[r[0]], seg.start + d.idx[r[1] - 1] + len(d.texts[r[1] - 1]))


@functools.lru_cache(maxsize=4)
def _quote_index(text: str) -> QuoteIndex:
    """The quote regions of a text, built once for ``extract`` and ``_records`` (read-only)."""
    return QuoteIndex(text)


def find_attributions(parsed: Parsed, found: Found, settings: Settings) -> tuple[Attribution, ...]:
    """All attributions of a parsed article, in text order (ids A1, A2, ...)."""
    items = extract(parsed)
    return tuple(_records(parsed, found, items, settings))


def extract(
    parsed: Parsed,
    *,
    nested: bool | None = None,
    threshold: float | None = None,
    cue_model: CueModel | None = None,
    content_model: ContentModel | bool | None = True,
) -> list[_Found]:
    """The accepted attributions with absolute spans, before naming and typing.

    ``cue_model`` and ``content_model`` default to the shipped models (training and cross-validation
    pass their own); ``content_model=None`` keeps the rules' contents.
    """
    model = cue_model or CueModel.load()
    if content_model is True:
        content_model = ContentModel.load()
    assert content_model is None or isinstance(content_model, ContentModel)
    nested = NESTED if nested is None else nested
    thr = model.threshold if threshold is None else threshold
    text = parsed.text
    quotes = _quote_index(text)
    cands: list[Candidate] = []
    unparsed: list[Segment] = []
    for seg in parsed.segments:
        if not seg.doc.has_annotation("DEP"):
            unparsed.append(seg)
            continue
        cands.extend(candidates(seg, model.lexicon))
    for c in cands:
        if not c.content:
            attach_quote(c, quotes)
        c.score = RULE_SCORES.get(c.pattern) or model.score(features(c, quotes))
    kept = [c for c in cands if c.score >= thr and (c.content or c.extra_content)]
    if content_model is not None:
        for c in kept:
            choose_content(c, content_model, quotes)
    # constructions recognised by rule ("was quoted by Y as saying") win over the verbs inside them
    kept.sort(key=lambda c: (c.pattern not in RULE_SCORES, -c.score))
    # one attribution per cue token: a better-scored candidate wins overlapping cues
    taken: set[tuple[int, int]] = set()
    chosen: list[_Found] = []
    for c in kept:
        cue_toks = {(c.seg.start, k) for k in range(*c.cue)}
        if cue_toks & taken:
            continue
        taken |= cue_toks
        chosen.append(_to_found(c, quotes))
    chosen.sort(key=lambda f: f.cue[0][0])
    if not nested:
        chosen = _outermost(chosen, text)
    _continue_quotes(chosen, parsed, quotes)
    if not nested:
        chosen = _outermost(chosen, text)  # cues inside the quotes just added are nested now
    for seg in unparsed:
        chosen.extend(_fallback(seg, quotes))
    chosen.sort(key=lambda f: f.cue[0][0])
    return chosen


# Constructions scored by rule, not by the model (too rare in PolNeAR train to learn): a dash after a
# quote followed by a name, footage with an agent ("aired by X"), "was quoted by Y as saying" and
# "a message that read, “...”" were attributions in every case we looked at on dev and the seed.
RULE_SCORES = {"dash": 0.9, "footage": 0.85, "quoted_by": 0.9, "document": 0.85}


def choose_content(c: Candidate, model: ContentModel, quotes: QuoteIndex) -> None:
    """Replace the rules' content of ``c`` by the ranker's choice among the parse's alternatives.

    When the chosen content starts after the rules' content and the cue stood right before it, the
    words between join the cue: "made conflicting statements about | how ...", "has sought to
    distinguish | himself ..." (PolNeAR train: the cue so extended is the gold cue in 81% of such cases,
    the unextended one in 6%).
    """
    if not c.content or c.pattern in ("colon", "dash", "footage"):
        return
    opts = content_options(c, quotes)
    if len(opts) < 2:
        return
    best = model.choose(opts)
    if best is opts[0]:
        return
    i0 = c.content[0][0]
    s = best.ranges[0][0]
    if s > i0 and c.cue[1] <= i0:
        others = {k for r in (*c.source, *([c.addressee] if c.addressee else [])) for k in range(*r)}
        cue = trim(view_of(c.seg.doc), (c.cue[0], s))
        if cue is not None and not others & set(range(*cue)):
            c.cue = cue
    if s < i0 and c.cue[0] < s < c.cue[1]:
        c.cue = (c.cue[0], s)  # the cue's last preposition went to the content
    c.content = list(best.ranges)
    if c.addressee and any(a < c.addressee[1] and c.addressee[0] < b for a, b in c.content):
        c.addressee = None


def attach_quote(c: Candidate, quotes: QuoteIndex) -> None:
    """A cue with no content in its clause takes the quote right before or after its source and cue.

    "“We're done,” said Kim." (spaCy often splits the quote off into a sentence of its own),
    "He said:" followed by a quote (also in the next paragraph), "“...” ― Name".
    """
    seg, doc, text = c.seg, view_of(c.seg.doc), quotes.text
    starts = [c.cue[0]] + [r[0] for r in c.source]
    ends = [c.cue[1]] + [r[1] for r in c.source]
    left = seg.start + doc[min(starts)].idx
    last = doc[max(ends) - 1]
    right = seg.start + last.idx + len(last.text)
    i = left
    while i > 0 and text[i - 1] in " ,\t":
        i -= 1
    before = quotes.region_at(i - 1) if i > 0 else None
    if before is not None and before.end == i:
        c.extra_content = [(before.start, before.end)]
        c.content_rel = "quote_before"
        return
    if c.pattern == "dash":
        return  # a dash attribution names the speaker of the quote before it, never after
    j = right
    while j < len(text) and text[j] in " :,\t\n" and text[j:j + 3] != "\n\n\n":
        j += 1
    after = quotes.starting_at(j)
    gap = text[right:j].strip()
    if after is not None and (gap == ":" or (gap in (",", "") and j - right < 4)):
        c.extra_content = [(after.start, after.end)]
        c.content_rel = "quote_after"
        if c.head.lemma_.lower() in ("read", "say", "state") and c.head.dep_ == "relcl":
            # "a message/sign/note that read, “...”": a document quoted word for word
            c.pattern = "document"
        # "read, “A,” and, “B,”": quotes joined by "and" belong together
        while True:
            m = _AND_QUOTE.match(text, c.extra_content[-1][1])
            nxt = quotes.starting_at(m.end()) if m else None
            if nxt is None:
                break
            c.extra_content.append((nxt.start, nxt.end))


def _to_found(c: Candidate, quotes: QuoteIndex) -> _Found:
    seg = c.seg
    content = [_abs(seg, r) for r in c.content] + list(c.extra_content)
    cue = (_abs(seg, c.cue),)
    content = _extend_to_quote_ends(content, cue[0], quotes)
    return _Found(
        cand=c,
        source=tuple(_abs(seg, r) for r in c.source),
        cue=cue,
        content=content,
        addressee=(_abs(seg, c.addressee),) if c.addressee else (),
        score=c.score,
    )


def _extend_to_quote_ends(content: list[Span], cue: Span, quotes: QuoteIndex) -> list[Span]:
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
    first = quotes.region_at(a) if (text[a] in MARKS or text[a : a + 2] == "''") else quotes.region_at(s0)
    if first is not None and first.start >= a and first.end > b and not (e0 <= cue[0] < first.end):
        out[-1] = (out[-1][0], first.end)
    last = quotes.region_at(b - 1)
    if last is not None and last.end <= b and last.start < s0 and not (last.start <= cue[0] < s0):
        out[0] = (last.start, out[0][1])
    return out


def _outermost(items: list[_Found], text: str) -> list[_Found]:
    """Drop attributions whose cue lies inside another attribution's content (outer wins).

    An inner attribution is kept when its source is a news outlet, or when an outlet relays it
    with a reporting verb ("Yonhap reported that Kim said ..."): relay chains are built from those.
    """
    out = []
    spans = [(a, b, g) for g in items for a, b in g.content]
    for f in items:
        cs = f.cue[0][0]
        outers = [g for a, b, g in spans if a <= cs < b and g is not f]
        relayed = f.cand.head.lemma_.lower() in RELAY_CUES and any(_outlet_like(text, g.source) for g in outers)
        if not outers or _outlet_like(text, f.source) or relayed:
            out.append(f)
    return out


# Reporting verbs whose nested attribution an outlet relays ("Yonhap reported that Kim said ..."); a
# perception inside an outlet's content ("KCTV footage ... Kim appears emotional") is not kept.
RELAY_CUES = frozenset({"say", "tell", "report", "announce", "state", "claim", "add", "write", "declare", "warn", "quote"})


def _outlet_like(text: str, source: tuple[Span, ...]) -> bool:
    if not source:
        return False
    phrase = text[source[0][0] : source[-1][1]]
    if STATE_MEDIA.search(phrase) or "news agency" in phrase.lower():
        return True
    try:
        reg = load_registry()
    except Exception:  # a broken registry must not stop the analysis
        return False
    return reg.match(phrase) is not None or reg.match(re.sub(r"['’]s?$", "", phrase)) is not None


def _continue_quotes(items: list[_Found], parsed: Parsed, quotes: QuoteIndex) -> None:
    """Quotes right after an attribution's sentence, with no cue of their own, continue it."""
    if not items:
        return
    text = parsed.text
    claimed = [(f.cue[0][0], a, b) for f in items for a, b in f.content]
    for f in items:
        if f.cand.pattern == "according_to":
            continue
        if not _is_direct(f, quotes):
            continue
        # search from the end of the sentence that holds the cue; spaCy often runs "she said. “Next"
        # into one sentence, so stop at the first full stop after the attribution
        end = f.cand.seg.start + f.cand.head.sent.end_char
        stop = _STOP.search(text, max(b for _, b in (*f.cue, *f.source, *f.content)), end)
        if stop is not None:
            end = stop.end()
        while True:
            nxt = _next_quote(text, end, quotes)
            if nxt is None:
                break
            # a quote that is (part of) the content of an attribution outside it is taken
            if any(a < nxt.end and nxt.start < b and not (nxt.start <= c < nxt.end) for c, a, b in claimed):
                break
            # the quote must be all that its sentence holds (no cue outside it)
            tail = _sentence_tail(text, nxt.end)
            if tail is None:
                break
            f.content.append((nxt.start, nxt.end))
            claimed.append((f.cue[0][0], nxt.start, nxt.end))
            end = tail


def _is_direct(f: _Found, quotes: QuoteIndex) -> bool:
    if not f.content:
        return False
    a, b = f.content[0][0], f.content[-1][1]
    return quotes.quoted_chars(a, b) >= 0.8 * (b - a)


def _next_quote(text: str, pos: int, quotes: QuoteIndex) -> QuoteRegion | None:
    """A quote region starting after ``pos`` with only whitespace before it (within one blank line)."""
    i = pos
    n = len(text)
    newlines = 0
    while i < n and (text[i].isspace() or text[i] in ".,"):
        newlines += text[i] == "\n"
        i += 1
    if i >= n or not (text[i] in MARKS or text[i : i + 2] == "''") or newlines > 2:
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


def _fallback(seg: Segment, quotes: QuoteIndex) -> list[_Found]:
    """Quote + "said X" / "X said" patterns on tokens only (no dependency parse)."""
    doc = view_of(seg.doc)
    out: list[_Found] = []
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
        out.append(_Found(c, source, (cue_abs,), [(region.start, region.end)], (), 0.5))
    return out


# --- records ---------------------------------------------------------------------


def _records(parsed: Parsed, found: Found, items: list[_Found], settings: Settings) -> list[Attribution]:
    text = parsed.text
    entities = found.entities
    quotes = _quote_index(text)
    out = []
    for n, f in enumerate(items, 1):
        c = f.cand
        kind = _kind(f, text, quotes)
        content = _tidy_marks(sorted(f.content), quotes)
        src_head = _head_token(view_of(c.seg.doc), c.source[0]) if c.source else None
        name = stype = ent = None
        if f.source:
            span = (f.source[0][0], f.source[-1][1])
            rel_ante = _relative_antecedent(c, src_head)
            if rel_ante is not None:
                # "a message that read ...": PolNeAR's source span is "that"; the name is the antecedent
                span, src_head = (c.seg.start + rel_ante[0].idx, c.seg.start + rel_ante[1].idx + len(rel_ante[1].text)), rel_ante[2]
            ante = _antecedent(parsed, entities, span[0], src_head) if _needs_antecedent(text, span, src_head) else None
            d = describe(text, span, src_head, entities, settings, ante)
            name, stype, ent = d.name, d.type, d.entity
        addr_name = addr_ent = None
        if f.addressee:
            a_span = f.addressee[0]
            a_head = _head_token(view_of(c.seg.doc), c.addressee) if c.addressee else None
            ad = describe(text, a_span, a_head, entities, settings)
            addr_name, addr_ent = ad.name, ad.entity
        if kind == "footage" and stype not in ("state_media", "news_agency", "public_broadcaster", "outlet"):
            stype = stype or "footage"
        conf = round(min(1.0, max(0.05, f.score)), 3)
        out.append(
            Attribution(
                id=f"A{n}",
                source=f.source,
                cue=f.cue,
                content=content,
                kind=kind,
                source_name=name,
                source_type=stype,
                source_entity=ent,
                addressee=f.addressee,
                addressee_name=addr_name,
                addressee_entity=addr_ent,
                confidence=conf,
                produced_by=PRODUCED_BY if c.pattern != "fallback" else "attribution.noparse/1",
            )
        )
    return out


_FOOTAGE = re.compile(r"\b(footage|video|broadcast|aired|image|photos?|televised|screened)\b", re.I)
_DOCUMENT = re.compile(r"\b(read|reads|contained|contains|stated|states|wrote|writes)\b", re.I)


def _kind(f: _Found, text: str, quotes: QuoteIndex) -> str:
    c = f.cand
    if c.pattern == "according_to":
        return "according_to"
    if c.pattern == "document":
        return "document"
    cue_txt = " ".join(text[a:b] for a, b in f.cue)
    src_txt = " ".join(text[a:b] for a, b in f.source)
    if _FOOTAGE.search(cue_txt) or _FOOTAGE.search(src_txt):
        return "footage"
    # quoted characters by the article's quote regions (a quote may open paragraphs before the content
    # and its marks may fall outside the content's edges), words only
    quoted = total = 0
    for a, b in f.content:
        for m in _WORD.finditer(text, a, b):
            n = m.end() - m.start()
            total += n
            quoted += n if quotes.inside(m.start(), m.end()) else 0
    if total and quoted >= 0.9 * total:
        return "direct"
    if quoted > 0:
        return "mixed"
    if c.head.lemma_.lower() in ("read", "contain", "state") and c.source and _DOCUMENT.search(cue_txt):
        # "the notebook contained a message that read ...", "the letter stated that ...": a document
        # speaks; "the chief of staff stated that ..." is a person
        head = _head_token(view_of(c.seg.doc), c.source[0])
        ante = _relative_antecedent(c, head)
        if (ante[2] if ante else head).lemma_.lower() in DOCUMENT_HEADS:
            return "document"
    return "indirect"


_WORD = re.compile(r"\w+")


def _tidy_marks(content: list[Span], quotes: QuoteIndex) -> tuple[Span, ...]:
    """The content without a quote mark at its edge whose partner lies outside it.

    ``“We will win this contract.”`` keeps both marks when the content takes both; a content that
    stops before the closing mark (``“We will win this contract``) loses the opening one, so no
    finding carries half a pair.  Inner marks ("... a “victory narrative” ...") are untouched.
    """
    if not content:
        return ()
    text = quotes.text
    out = list(content)
    s, e0 = out[0]
    end = out[-1][1]
    if text[s] in MARKS:
        r = quotes.region_at(s)
        if r is not None and r.start == s and r.end > end:
            s += 1
            while s < e0 and text[s].isspace():
                s += 1
            if s < e0:
                out[0] = (s, e0)
    s1, e = out[-1]
    if text[e - 1] in MARKS:
        r = quotes.region_at(e - 1)
        if r is not None and r.end == e and r.start < out[0][0]:
            e -= 1
            while e > s1 and text[e - 1].isspace():
                e -= 1
            if e > s1:
                out[-1] = (s1, e)
    return tuple(out)


def _relative_antecedent(c: Candidate, src_head: Tok | None) -> tuple[Tok, Tok, Tok] | None:
    """(first, last, head) tokens of the phrase a relative pronoun source stands for.

    "a message that read": the message; "the notebook contained a message that read": the notebook.
    """
    if src_head is None or src_head.text.lower() not in ("who", "which", "that") or c.head.dep_ != "relcl":
        return None
    noun = c.head.head
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in ("contain", "include", "carry", "bear", "have", "feature"):
        subj = [k for k in noun.head.children if k.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            noun = subj[0]
    kids = [k for k in noun.subtree if not (c.head.left_edge.i <= k.i <= c.head.right_edge.i)]
    kids = [k for k in kids if k.i <= noun.i or k.dep_ not in ("relcl", "punct")]
    if not kids:
        return None
    first = min(kids, key=lambda k: k.i)
    last = noun if noun.i >= max(k.i for k in kids) else max((k for k in kids if k.pos_ != "PUNCT"), key=lambda k: k.i)
    return first, last, noun


def _head_token(doc: DocView, r: TokRange) -> Tok:
    i, j = r
    for t in doc[i:j]:
        if t.head.i < i or t.head.i >= j or t.head.i == t.i:
            return t
    return doc[i]


def _needs_antecedent(text: str, span: Span, head: Tok | None) -> bool:
    phrase = text[span[0] : span[1]].strip().lower()
    if head is not None and head.pos_ == "PRON":
        return True
    return phrase.startswith("the ") and bool(PERSON_TITLES.search(phrase)) and len(phrase.split()) <= 4


def _antecedent(parsed: Parsed, entities: tuple[Entity, ...], before: int, head: Tok | None) -> tuple[str, str | None] | None:
    """The closest earlier person (entity mention, else spaCy PERSON span) before ``before``."""
    want_group = head is not None and head.text.lower() in ("they", "them", "their", "it", "its", "which")
    best: tuple[int, str, str | None] | None = None
    for e in entities:
        if want_group != (e.kind in ("organization", "outlet", "government", "group")):
            continue
        for s, _e in e.mentions:
            if s < before and (best is None or s > best[0]):
                best = (s, e.name, e.id)
    if best is None:
        label = ("ORG", "NORP", "GPE") if want_group else ("PERSON",)
        for seg in parsed.segments:
            if seg.start > before:
                break
            for ent in seg.doc.ents:
                s = seg.start + ent.start_char
                if ent.label_ in label and s < before and (best is None or s > best[0]):
                    best = (s, ent.text, None)
        if best is not None:
            ent_obj = entity_for(entities, (best[0], best[0] + len(best[1])))
            if ent_obj is not None:
                best = (best[0], ent_obj.name, ent_obj.id)
    return (best[1], best[2]) if best else None


__all__ = ["NESTED", "PRODUCED_BY", "extract", "find_attributions"]
