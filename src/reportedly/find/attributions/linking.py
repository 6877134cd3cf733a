"""The learned tagger's tags linked with the rules' attributions: the attribution finder of the default profile.

``accepted(parsed, settings)`` is what the finder calls in the default profile
(``Settings.profile``; ``"fast"`` skips this module): the rules' attributions (``extract``, with
the cue threshold lowered to ``LOW_THRESHOLD``, their contents chosen by the content ranker trained
with the tagger's view of each content end, ``Tags.end_features`` and
``models/attribution/content_model_tagged.json``) linked with the tags:

1. *Accept*: an attribution is kept when the mean of its rule score and the tagger's cue
   probability (the mean probability of B or I over its cue's wordpieces) reaches ``ACCEPT``
   (``admitted``; decided before nested attributions are dropped, ``ADMIT_FIRST``, so a rejected outer
   attribution hides nothing inside its content);
2. *Snap*: its source and cue are replaced by the tagged spans that overlap them when their words
   agree (Jaccard at least ``SNAP``), they stay clear of the attribution's other components, and
   the tagger prefers them to the rules' spans by ``MARGIN`` in log-probability (contents keep the
   content ranker's choice: the tagger's lost to it at every setting tried).  An attribution left
   without a source, or with a rule source the tagger rejects (probability under
   ``REPLACE_SOURCE``), takes the tagged source nearest its cue in the sentence when that has
   probability ``FILL_SOURCE`` or more (``_other_source``);
3. *Add*: a tagged cue the rules missed (outside every found cue and content) with probability at
   least ``ADD`` becomes an attribution with the nearest tagged content and source of its sentence,
   unless a found attribution already has that source and content (``_restates``).

The tagger reads only the paragraphs (parsed blocks) that hold a candidate of the rules scored ``SELECT_FLOOR``
or more (``SELECT``, ``regions``), and at most ``MAX_WORDPIECES`` of an article; where it read nothing the rules
decide alone, contents by the rules' own ranker.  The
constants were chosen on PolNeAR dev, except the cue's ``SNAP`` and ``MARGIN`` and ``FILL_SOURCE``, chosen on PolNeAR train
tagged by two fold taggers that had not read the article (``training.tagger --fold K/2``; the shipped
tagger reads its own training text far better than new text) and then confirmed on dev
(eval/attribution.md).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
from collections.abc import Iterable, Sequence

import numpy as np

from ...lexicons import load_words
from ...model import Span, union_spans
from ...nlp import Parsed, Segment
from ...settings import Settings
from .clauses import RELATIVE, addressed_participle, said_in_relative
from .content import TAGGED_MODEL_FILE, ContentModel
from .extract import RULE_SCORES, Accepted, extract, fold_relay, relative_report
from .model import CueModel
from .spans import Candidate, TokRange
from .tagger import COMPONENTS, Tagger, Tags, regions, strip_edges, tag_parsed
from .vetoes import above_said, after_link_label, plain_action

LOW_THRESHOLD = 0.5
"""Cue-model threshold of the rules' candidates handed to the tagger (the rules alone use 0.65)."""
ACCEPT = 0.6
"""An attribution is kept when (rule score + tagger cue probability) / 2 reaches this."""
KEEP = 0.95
"""Rule score from which the rules' decision stands whatever the tagger says (above 1: never)."""
KEPT_PATTERNS = frozenset({"fallback", "colon"})
"""Candidate patterns (``spans.Candidate.pattern``) the tagger never rejects."""
KEEP_HAND_WORDS = True
"""Never reject a cue headed by a hand-made cue word (``lexicons/cue_words.txt``) the cue model never
learnt: the project added those words on purpose, from real articles PolNeAR does not cover."""
SNAP: dict[str, float | None] = {"source": 0.3, "cue": 0.2, "content": None}
"""Least word Jaccard between a rule component and the tagged spans that may replace it (None: never;
the tagger's contents lost to the content ranker's at every setting tried, eval/attribution.md)."""
MARGIN: dict[str, float | None] = {"source": 5.0, "cue": 2.0, "content": None}
"""Least log-probability by which the tagger must prefer the tagged spans to the rules' (None: any)."""
FILL_SOURCE = 0.8
"""Least probability of a tagged source that fills in for a missing or rejected source (``_other_source``)."""
REPLACE_SOURCE = 0.2
"""A rule source with a tagger source probability below this is replaced by the sentence's tagged source."""
TAGGED_CONTENT = True
"""Choose contents with the content ranker trained with the tagger's edge features
(``content.TAGGED_MODEL_FILE``), when that file is shipped."""
SELECT = True
"""Tag only the paragraphs that hold a candidate of the rules scored ``SELECT_FLOOR`` or more (``regions``;
False: every parsed block).  A paragraph without a candidate at ``LOW_THRESHOLD`` keeps no attribution of
the rules; only the tagger's own cues (``add_tagged``) could come from it.  Read at ``LOW_THRESHOLD`` the
selection reads 84% of PolNeAR dev's wordpieces (82% of 60 AllSides articles) and scores 79.3 / 74.3 / 64.6 / 56.9 against
79.0 / 74.7 / 64.4 / 56.7 reading everything; sentences instead of paragraphs lose a point (the tagger
needs their context).  eval/attribution.md."""
SELECT_FLOOR = 0.2
"""Cue-model score from which a candidate's paragraph is read (below ``LOW_THRESHOLD``: the tagger adds cues
the rules score low, "Henderson spoke out on Tuesday that ..." at 0.37).  PolNeAR dev 79.7 / 74.3 / 64.7 /
57.0 before ``ADMIT_FIRST`` (0.5: 79.3 / 74.3 / 64.6 / 56.9; 0.3: 79.4 / 74.4 / 64.4 / 56.8)."""
ADMIT_FIRST = True
"""Apply the tagger's rejection before nested attributions are dropped (``admit``; False: only after, in
``link``, where a rejected outer attribution took the ones inside it along)."""
NO_FILL_PASSIVE = True
"""A passive cue the rules gave no source ("... have now been deemed classified, after the agency
released ...", "Asked whether ...", ``clauses.addressed_participle``) gets none from the tags either:
its agent is unexpressed (PolNeAR train: source 80.90 -> 80.93; dev 79.79 -> 79.81, for passives)."""
CUT_SHORT = True
"""Keep the rules' source where the tagged one ends inside one of its phrases (``_cut_short``)."""
WHOLE_NAMES = True
"""A tagged source that cuts a name ("Mrs." of "Mrs. Clinton", "Obama" of "Mr. Obama": the tagger put O on
the rest) is widened to the whole name and to whole tokens (``whole_name``)."""
ADD = 0.8
"""Least cue probability of a tagged cue the rules missed, to add it (with its sentence's nearest tagged
content and source; above 1: never)."""


_WORD = re.compile(r"\w+")


def _words(text: str, spans: Sequence[Span]) -> frozenset[int]:
    return frozenset(m.start() for s, e in spans for m in _WORD.finditer(text, s, e))


def _jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _overlaps(a: Span, spans: Sequence[Span]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def snap(
    text: str, spans: Sequence[Span], tagged: Sequence[Span], avoid: Sequence[Span], least: float | None,
    margin: float | None = None, tags: Tags | None = None, component: str = "",
) -> tuple[Span, ...] | None:
    """The tagged spans that overlap ``spans``, when they agree with them (word Jaccard >= ``least``),
    differ, touch none of ``avoid`` and (with ``margin``) the tagger prefers them to ``spans`` by at
    least ``margin`` in log-probability (``path_logp``); else None."""
    if not spans or least is None:
        return None
    hit = tuple(tags.overlapping(component, spans)) if tags is not None else tuple(t for t in tagged if _overlaps(t, spans))
    if not hit or any(_overlaps(t, avoid) for t in hit):
        return None
    if _jaccard(_words(text, spans), _words(text, hit)) < least:
        return None
    if list(hit) == list(spans):
        return None
    if margin is not None and tags is not None:
        lo = min(s for s, _ in (*spans, *hit))
        hi = max(e for _, e in (*spans, *hit))
        idx = tags.inside((lo, hi))
        if path_logp(tags, component, hit, idx) - path_logp(tags, component, spans, idx) < margin:
            return None
    if component == "source":
        if len(hit) > 1:
            # "Reid, who endorsed Clinton in February, reiterated ...": the tagged "who" is the source of the
            # clause's own attribution, not a fragment of this one's ("Reid", not "Reid, who")
            hit = tuple(t for t in hit if text[t[0] : t[1]].lower() not in _RELATIVE) or hit
        # a tagged span may take the comma after a name along ("Reid,")
        hit = tuple(t for t in (strip_edges(text, *t, _SEPARATORS) for t in hit) if t[0] < t[1]) or hit
    return hit


_SEPARATORS = " \t\r\n\u00a0,;:"
_RELATIVE = RELATIVE | {"whose"}


def path_logp(tags: Tags, component: str, spans: Sequence[Span], idx: np.ndarray) -> float:
    """Log-probability under the tagger of ``spans`` as the ``component`` tags of the wordpieces ``idx``
    (B on each span's first wordpiece, I on the rest, O outside)."""
    if not len(idx):
        return 0.0
    h = COMPONENTS.index(component)
    starts = tags.offsets[idx, 0]
    label = np.zeros(len(idx), dtype=np.int64)
    for s, e in spans:
        inside = np.nonzero((starts >= s) & (starts < e))[0]
        if len(inside):
            label[inside] = 2
            label[inside[0]] = 1
    p = tags.probs[idx, h, :][np.arange(len(idx)), label]
    return float(np.log(np.maximum(p, 1e-9)).sum())


class _Index:
    """Character spans (they may overlap and be long) for "does anything overlap this span?", growing:
    spans sorted by start with the running maximum of their ends (for the spans given at first), and
    the spans added later, which are tagged spans no longer than a window (checked by bisection over
    their starts, back by the longest of them)."""

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        fixed = sorted(spans)
        self.starts = [a for a, _ in fixed]
        self.max_end = list(itertools.accumulate((b for _, b in fixed), max))
        self.added: list[Span] = []
        self.longest = 0

    def add(self, span: Span) -> None:
        bisect.insort(self.added, span)
        self.longest = max(self.longest, span[1] - span[0])

    def overlaps(self, span: Span) -> bool:
        a, b = span
        k = bisect.bisect_left(self.starts, b)
        if k and self.max_end[k - 1] > a:
            return True
        lo = bisect.bisect_left(self.added, (a - self.longest, -1))
        hi = bisect.bisect_left(self.added, (b, -1))
        return any(e > a for _, e in self.added[lo:hi])


def by_rule(f: Accepted, contents: _Index) -> bool:
    """Whether the rules alone vouch for an attribution: a cue-model score of at least ``KEEP``, a
    construction scored by rule (footage aired by X, "was quoted by Y as saying", a dash or a document
    quote, ``extract.RULE_SCORES``), a colon lead-in, "X added:" before a block quote, a relative-pronoun
    source or a report inside a relative clause ("a letter that he said emphasized ..."), a segment without a parse, or an attribution nested in another's content (kept by the rules
    because an outlet relays it).  The tagger learnt PolNeAR's notion of attribution, which leaves most
    of these out; the project counts them."""
    c = f.cand
    if f.score >= KEEP or c.pattern in RULE_SCORES or c.pattern in KEPT_PATTERNS:
        return True
    if c.content_rel == "colon_block" or relative_report(c) or (c.pattern == "verb" and said_in_relative(c.head)) or (KEEP_HAND_WORDS and c.head.lemma_.lower() in _hand_words()):
        return True
    return contents.overlaps(f.cue[0])  # a content never overlaps its own cue


@functools.cache
def _hand_words() -> frozenset[str]:
    """The hand-made cue words beyond the cue model's learnt lexicon (``lexicons/cue_words.txt``)."""
    return load_words("cue_words.txt") - CueModel.load().lexicon


def admitted(f: Accepted, tags: Tags, contents: _Index, threshold: float) -> bool:
    """Whether the tagger keeps one of the rules' attributions: its mean with the rule score reaches
    ``ACCEPT`` or the rules vouch for it (``by_rule``); past what the tagger read, the rules' own
    ``threshold``."""
    if f.cue[0][1] > tags.limit:
        return f.score >= threshold
    return (min(1.0, f.score) + tags.prob("cue", f.cue)) / 2 >= ACCEPT or by_rule(f, contents)


def admit(items: list[Accepted], tags: Tags) -> list[Accepted]:
    """``admitted`` applied before nested attributions are dropped (``extract``'s ``admit``): an outer
    attribution the tagger rejects ("... as a woman, rather than a man, as later confirmed by officials")
    no longer hides the one inside its content ("Trump identified the person ... as a woman")."""
    contents = _Index(s for f in items for s in f.content)
    threshold = CueModel.load().threshold
    return [f for f in items if admitted(f, tags, contents, threshold)]


def link(parsed: Parsed, items: list[Accepted], tags: Tags) -> list[Accepted]:
    """The rules' attributions kept and snapped by the tags (see the module docstring)."""
    text = parsed.text
    out = []
    contents = _Index(s for f in items for s in f.content)
    threshold = CueModel.load().threshold
    for f in items:
        if not admitted(f, tags, contents, threshold):
            continue
        if f.cue[0][1] > tags.limit:  # past what the tagger read: the rules alone, as in the fast profile
            out.append(f)
            continue
        p_cue = tags.prob("cue", f.cue)
        source, cue, content = f.source, f.cue, tuple(f.content)
        if f.cand.pattern not in RULE_SCORES:  # a construction the rules score keeps its cue ("was quoted by X as saying")
            new_cue = snap(text, cue, tags.spans["cue"], (*source, *content), SNAP["cue"], MARGIN["cue"], tags, "cue")
            if new_cue is not None:
                cue = new_cue
        new_content = snap(
            text, content, tags.spans["content"], (*source, *cue), SNAP["content"], MARGIN["content"], tags, "content"
        )
        if new_content is not None:
            content = new_content
        new_source = snap(
            text, source, tags.spans["source"], (*cue, *content), SNAP["source"], MARGIN["source"], tags, "source"
        )
        if new_source is not None and (_cut_short(f.cand.seg, new_source, source) or _holds_verb(f.cand.seg, new_source, source)):
            new_source = None
        if new_source is not None:
            source = tuple(union_spans(whole_name(text, f.cand.seg, t, (*cue, *content)) for t in new_source))
        cand = f.cand
        if new_source is None and not contents.overlaps(f.cue[0]):  # a relayed, nested one keeps its source
            other = _other_source(tags, f, source, cue, content)
            if other is not None:
                source, cand = other
        out.append(dataclasses.replace(f, cand=cand, source=source, cue=cue, content=list(content), score=(f.score + p_cue) / 2))
    return out


_ACCORDING = re.compile(r"according\s+to", re.I)
_AFTER_ACCORDING = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.I)
"""Text ending in "according to": the span after it is that phrase's source, never another cue's."""


def _other_source(
    tags: Tags, f: Accepted, source: tuple[Span, ...], cue: Sequence[Span], content: Sequence[Span]
) -> tuple[tuple[Span, ...], Candidate] | None:
    """The tagged source nearest the cue in its sentence (clear of the cue and content, tagged with probability at
    least ``FILL_SOURCE``), with the candidate pointing at it, for an attribution the rules gave no source
    or a source the tagger rejects (probability below ``REPLACE_SOURCE``: a pronoun where the tagger
    sees the name, the wrong clause's subject); None otherwise.  A relative-pronoun source stays, and a
    passive (or "Asked ...") without a source gets none (``NO_FILL_PASSIVE``), nor an appearance (the raised
    subject is no source: ``candidates``)."""
    c = f.cand
    if c.pattern == "fallback" or (
        source and (relative_report(c) or tags.prob("source", source) >= REPLACE_SOURCE)
    ):
        return None
    if NO_FILL_PASSIVE and (c.passive or addressed_participle(c.head)) and not source:
        return None
    if c.source_rel == "raised" and not source:
        return None  # "The whole process appears likely to spill into August": an appearance has no one it appears to
    seg = c.seg
    lo, hi = seg.start + c.head.sent.start_char, seg.start + c.head.sent.end_char
    text = tags.text
    spans = [s for s in tags.overlapping("source", (), lo, hi) if not _AFTER_ACCORDING.search(text, max(0, s[0] - 40), s[0])]
    near = _nearest(spans, cue[0], [*cue, *content])
    if near is None or tags.prob("source", [near]) < FILL_SOURCE:
        return None
    near = whole_name(text, seg, near, (*cue, *content))
    r = _token_range(seg, near)
    return (near,), dataclasses.replace(c, source=[r] if r else [])


def _cut_short(seg: Segment, tagged: Sequence[Span], rule: Sequence[Span]) -> bool:
    """Whether tagged source spans end inside a phrase of the rules' source: their last word depends on a
    word after it that the rules' source holds ("Jorge Castañeda, ... who is a" of "... who is a harsh
    critic of ...", "Sanders, whose candidacy for the Democratic presidential" of "... nomination was
    ..."); the tagger stopped early and the rules' source is kept (``CUT_SHORT``)."""
    if not CUT_SHORT or not rule or not tagged:
        return False
    r = _token_range(seg, (tagged[-1][0], tagged[-1][1]))
    if r is None:
        return False
    toks = seg.view.tokens
    k = r[1] - 1
    while k > r[0] and toks[k].is_punct:
        k -= 1
    head = toks[k].head
    return head.i > k and any(a <= seg.start + head.idx < b for a, b in rule)


def _holds_verb(seg: Segment, tagged: Sequence[Span], rule: Sequence[Span]) -> bool:
    """Whether tagged source spans hold the verb the rules' source is the subject of ("The Associated Press and CNN
    released new polls" for the source of "showing" in "... released new polls this week showing 42 percent ..."):
    a source names who speaks, never what they did; the rules' source is kept."""
    if not rule or not tagged:
        return False
    r = _token_range(seg, (rule[0][0], rule[-1][1]))
    if r is None:
        return False
    toks = seg.view.tokens
    heads = {toks[k].head for k in range(r[0], r[1]) if not r[0] <= toks[k].head.i < r[1]}
    return any(
        h.pos_ in ("VERB", "AUX") and any(a <= seg.start + h.idx < b for a, b in tagged) for h in heads if h.i >= r[1]
    )


_NAME_CHARS = frozenset(".-&'’")
"""Characters inside a name's token besides letters and digits ("Mrs.", "E.U.", "ouest-france.fr")."""


def whole_name(text: str, seg: Segment, span: Span, avoid: Sequence[Span] = ()) -> Span:
    """A tagged source widened to the whole of a name it cuts: the rest of a token it cuts ("Mrs" of "Mrs.",
    "U." of "E.U.": letters, digits and ``_NAME_CHARS``, not a mark glued to it, '2016">Sanders'), the head of
    a name it ends on an abbreviation of ("Mrs." of "Mrs. Clinton", "Joseph R." of "Joseph R. Biden") and a
    title or initial just before it ("Mr." of "Mr. Obama"), never another name ("Washington Post Trump",
    a title-case headline).  The span itself where ``WHOLE_NAMES`` is off, where it lies outside ``seg`` or
    where the widened one would touch ``avoid`` (the cue and content).  ``text`` is the article's (the
    segment's doc would build its text on every call: quadratic on a long paragraph)."""
    if not WHOLE_NAMES or not seg.start <= span[0] < span[1] <= seg.end:
        return span
    view = seg.view
    idx, toks, o = view.idx, view.tokens, seg.start
    a, b = span[0] - o, span[1] - o
    i = bisect.bisect_right(idx, a) - 1
    j = bisect.bisect_left(idx, b)
    if i < 0 or j <= i:
        return span
    first, last = toks[i], toks[j - 1]

    def inside(ch: str) -> bool:
        return ch.isalnum() or ch in _NAME_CHARS

    while a > first.idx and inside(text[o + a - 1]):
        a -= 1
    while b < last.idx + len(last.text) and inside(text[o + b]):
        b += 1
    while a < b and not text[o + a].isalnum():
        a += 1
    sent = first.sent
    while b == last.idx + len(last.text) and last.text.endswith(".") and last.dep_ == "compound" and last.pos_ == "PROPN":
        head = last.head
        if not (last.i < head.i <= last.i + 2 and head.i < sent.end and head.pos_ == "PROPN"):
            break
        last = head
        b = head.idx + len(head.text.rstrip(",;:"))
    if a == first.idx and first.i > sent.start:
        title = toks[first.i - 1]
        if title.text.endswith(".") and title.dep_ == "compound" and title.pos_ == "PROPN" and first.i <= title.head.i <= last.i:
            a = title.idx
    out = (seg.start + a, seg.start + b)
    out = (min(out[0], span[0]), max(out[1], span[1]))
    return span if out != span and _overlaps(out, avoid) else out


def _token_range(seg: Segment, span: Span) -> TokRange | None:
    """The tokens of ``seg`` inside a character span (None when none)."""
    idx = seg.view.idx
    i = bisect.bisect_left(idx, span[0] - seg.start)
    j = bisect.bisect_left(idx, span[1] - seg.start)
    return (i, j) if j > i else None


def _nearest(spans: Sequence[Span], cue: Span, avoid: Sequence[Span]) -> Span | None:
    """The span of ``spans`` clear of ``avoid`` closest to the cue."""
    best: tuple[int, Span] | None = None
    for s in spans:
        if _overlaps(s, avoid):
            continue
        d = s[0] - cue[1] if s[0] >= cue[1] else cue[0] - s[1]
        if best is None or d < best[0]:
            best = (d, s)
    return best[1] if best else None


VETOES = (after_link_label, above_said, plain_action)
"""The rules' vetoes that a tagged cue must pass too: a link title after "Read more:", the "said" of "above-said", a
plain action ("attacked", "recorded") read as speech."""


def add_tagged(parsed: Parsed, items: list[Accepted], tags: Tags, registry: tuple[str, ...] = ()) -> list[Accepted]:
    """Attributions the rules did not find: a tagged cue (probability >= ``ADD``) outside every found cue
    and content, with the nearest tagged content and source of its sentence.

    A tagged "according to" that the rules would read as a relay of another attribution ("X said Y,
    according to state media": ``extract.fold_relay``, with the outlet ``registry``) is a hop of that
    attribution's chain, not an attribution, and is not added."""
    out = list(items)
    taken = _Index(s for f in items for s in (*f.cue, *f.content))
    for cue in tags.spans["cue"]:
        if taken.overlaps(cue):
            continue
        p = tags.prob("cue", [cue])
        if p < ADD:
            continue
        seg = parsed.segment_at(cue[0])
        if seg is None or not seg.doc.has_annotation("DEP"):
            continue
        r = _token_range(seg, cue)
        if r is None:
            continue
        view = seg.view
        head = next((t for t in view.tokens[r[0] : r[1]] if not r[0] <= t.head.i < r[1] or t.head.i == t.i), view.tokens[r[0]])
        lo, hi = seg.start + head.sent.start_char, seg.start + head.sent.end_char
        content = _nearest(tags.overlapping("content", (), lo, hi), cue, [cue])
        if content is None:
            continue
        source = _nearest(tags.overlapping("source", (), lo, hi), cue, [cue, content])
        if source is not None:
            source = whole_name(parsed.text, seg, source, (cue, content))
        src_r = _token_range(seg, source) if source is not None else None
        cand = Candidate(seg=seg, head=head, cue=r, source=[src_r] if src_r else [], pattern="tagger", score=p)
        if any(veto(cand) for veto in VETOES):
            continue
        new = Accepted(cand, (source,) if source else (), (cue,), [content], (), p)
        if _restates(new, out):
            continue
        if _ACCORDING.fullmatch(parsed.text[cue[0] : cue[1]]) and fold_relay(new, out, parsed.text, registry):
            continue
        out.append(new)
        taken.add(cue)
        taken.add(content)
    out.sort(key=lambda f: f.cue[0][0])
    return out


def _restates(new: Accepted, found: Sequence[Accepted]) -> bool:
    """Whether a found attribution already has the new one's source and an overlapping content (the tagger
    read "as reported by X" as two cues, "as" and "reported": one attribution, not two)."""
    return bool(new.source) and any(
        any(_overlaps(s, new.source) for s in f.source) and any(_overlaps(c, new.content) for c in f.content)
        for f in found
    )


def accepted(parsed: Parsed, settings: Settings, tagger: Tagger | None = None) -> list[Accepted]:
    """The attributions of the default profile: the rules' candidates down to ``LOW_THRESHOLD``,
    linked with the tagger's tags (``link``), and the tagger's own (``add_tagged``)."""
    model = ContentModel.load(TAGGED_MODEL_FILE) if TAGGED_CONTENT else None
    made: list[Tags] = []

    def tagging(cands: Sequence[Candidate]) -> Tags | None:
        chosen = [c for c in cands if c.score >= SELECT_FLOOR and (c.content or c.extra_content)]
        made.append(tag_parsed(parsed, tagger, regions(chosen) if SELECT else None))
        # without the tagged ranker (switched off or absent) the rules' own ranker, which reads no tags
        return made[-1] if model is not None else None

    items = extract(
        parsed, settings=settings, threshold=LOW_THRESHOLD, content_model=model or True, tagging=tagging,
        admit=(lambda found: admit(found, made[-1])) if ADMIT_FIRST else None,
    )
    tags = made[-1]
    items = link(parsed, items, tags)
    return add_tagged(parsed, items, tags, tuple(settings.registry)) if ADD <= 1 else items

