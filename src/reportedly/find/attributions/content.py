"""Which content span: alternatives read off the parse, chosen by a small learnt ranker.

The span rules (``candidates``) give every cue candidate one *base*
content.  Annotators draw the edges of a content by conventions the rules
only approximate: whether a trailing ", bringing ...", ", which ...", "in a
statement on Monday" or "although ..." belongs to the content, whether a
preposed "But" or "In contrast," does, where a run-on sentence stops.
``content_options(cand, quotes)`` proposes alternatives to the base: the
first fragment may start at the base start, at the sentence start, after a
leading complementiser, conjunction or comma-led phrase, or at the start of
a constituent before the base; the last fragment may end at the base end,
at every punctuation mark or clause, phrase or conjunct boundary up to the
sentence end (never across the cue, source or addressee), or at the sentence
end.  Each option carries string features of its two edges (the first word
left out and the punctuation before it, what the left-out part holds: a
verb, a reporting verb, a date; whether the edge cuts a quote; how far the
option moves from the base; the content relation).  In the default profile
(``tags``) each end also carries the learned tagger's tags around it, and an
unquoted content after its cue the content pointers' probability of each
edge (``pointer``; measured in eval/attribution.md), and their likeliest
start and end are options too where the parse has no boundary there.

``ContentModel`` (``models/attribution/content_model.json``, trained by
``reportedly.training.attributions`` on PolNeAR train) scores each option with a
log-linear model; ``choose`` returns the best one.  Pure Python, no
dependencies.  Limits: contents are chosen within one parse sentence (quote
marks carry them further, in the caller); fragments between the first and
the last are kept as the rules made them.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import NamedTuple, Protocol

from ...model import Span
from ...nlp import DocView, Sent, Tok, memoised, offsets, texts
from .candidates import STRONG_CUES
from .pointer import Reach
from .quotes import QuoteIndex
from .spans import Candidate, TokRange, trim

MODEL_FILE = "content_model.json"
TAGGED_MODEL_FILE = "content_model_tagged.json"
_ZEROS = itertools.repeat(0.0)
"""The default weight of an unknown feature, for ``map(weights.get, feats, _ZEROS)``."""
MAX_STARTS = 8
MAX_ENDS = 14
MAX_POST = 4
# constituents whose left edge is a place a content may end or start at
BOUNDARY_DEPS = frozenset(
    {"relcl", "advcl", "acl", "prep", "conj", "cc", "appos", "npadvmod", "ccomp", "xcomp", "parataxis", "mark", "advmod", "agent", "dative", "dobj", "pobj", "pcomp", "attr", "oprd"}
)
FUNCTION_POS = frozenset({"ADP", "SCONJ", "CCONJ", "PRON", "ADV", "DET", "PART", "AUX", "PUNCT"})
EDGE_PUNCT = frozenset(",;:—–-()[]…")
SKIP_PUNCT = frozenset(",;:—–-()[]….!?")


class EdgeTags(Protocol):
    """What a tagger says about where a content ends (``tagger.Tags`` in the accurate profile)."""

    def end_features(self, offset: int) -> tuple[str, ...]:
        """Features of a content ending at a character offset of the article."""
        ...

    def read(self, offset: int) -> bool:
        """Whether the tagger read the text at a character offset."""
        ...

    def reach(self, cue: Sequence[Span]) -> Reach | None:
        """The content pointers' distributions for a cue (``pointer``), or None."""
        ...

    def piece_at(self, offset: int) -> int:
        """The wordpiece that starts at or after a character offset."""
        ...

    def span_of(self, first: int, last: int) -> Span:
        """The characters from wordpiece ``first`` to wordpiece ``last`` (inclusive)."""
        ...


class ContentOption(NamedTuple):
    """One possible content: token ranges of the candidate's doc and the option's features.

    The features come in parts (the start's, the end's, the option's own) that options share, so a
    model scores each shared part once per candidate (``ContentModel.choose``).  A named tuple: a
    candidate has up to a few hundred options, and a frozen dataclass was several times slower to make.
    """

    ranges: tuple[TokRange, ...]
    parts: tuple[tuple[str, ...], ...]

    @property
    def feats(self) -> tuple[str, ...]:
        return tuple(f for part in self.parts for f in part)


def _bucket(n: int) -> str:
    if n <= 0:
        return str(n) if n > -3 else "-3+" if n > -8 else "-8+"
    return "1" if n == 1 else "2" if n == 2 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11+"


def _pbucket(p: float) -> str:
    """A probability as a feature value, finer near 0 and 1 (the pointers' are often sharp)."""
    return str(bisect.bisect_right(_P_EDGES, p))


_P_EDGES = (0.01, 0.05, 0.15, 0.35, 0.65, 0.9, 0.98)


def _pointed_tokens(reach: Reach, tags: EdgeTags, idx: list[int], base_off: int) -> tuple[int | None, int | None]:
    """The doc tokens where the pointers' likeliest start begins and their likeliest end stops (exclusive)."""
    s_char, e_char = tags.span_of(reach.lo + int(reach.prob[:, 0].argmax()), reach.lo + int(reach.prob[:, 1].argmax()))
    if e_char <= s_char:
        return None, None
    s_tok = bisect.bisect_right(idx, s_char - base_off) - 1
    e_tok = bisect.bisect_right(idx, e_char - 1 - base_off)
    return (s_tok if s_tok >= 0 and idx[s_tok] == s_char - base_off else None), (e_tok if e_tok > 0 else None)


def _word(t: Tok) -> str:
    """A token as a feature value: function words as themselves, others by part of speech."""
    return t.lower_ if t.pos_ in FUNCTION_POS or t.is_punct else t.pos_


def _top(t: Tok) -> Tok:
    """The largest constituent that starts at ``t``."""
    top = t
    while top.head.i != top.i and top.head.left_edge.i == t.i:
        top = top.head
    return top


def _attach(t: Tok, cand: Candidate) -> str:
    """Where the largest constituent starting at ``t`` hangs: on the cue head, inside the content, elsewhere."""
    top = _top(t)
    h = top.head
    where = "h" if h.i == cand.head.i else "c" if any(a <= h.i < b for a, b in cand.content) else "o"
    return f"{top.dep_}|{where}"


def _boundaries(sent: Sent) -> frozenset[int]:
    """Token indices of ``sent`` where a constituent of ``BOUNDARY_DEPS`` (or punctuation) begins
    (computed once per sentence)."""
    return memoised(sent.doc, ("bounds", sent.start), lambda: _sentence_boundaries(sent))


def _sentence_boundaries(sent: Sent) -> frozenset[int]:
    out = set()
    for t in sent:
        if t.is_punct:
            out.add(t.i)
        if t.dep_ in BOUNDARY_DEPS and t.head.i != t.i:
            out.add(t.left_edge.i)
    return frozenset(out)


def content_options(c: Candidate, quotes: QuoteIndex, tags: EdgeTags | None = None) -> list[ContentOption]:
    """The base content of ``c`` and its alternatives, each with features (base first); with ``tags``,
    each end also carries the tagger's features of that end (``EdgeTags``)."""
    base = list(c.content)
    if not base:
        return []
    doc = c.seg.view
    i0, j0 = base[0]
    i1, j1 = base[-1]
    sent = doc[j1 - 1].sent
    blocked = set(range(*c.cue)) | {k for r in c.source for k in range(*r)}
    # the "by" of an agent source ("considered unclean | by Muslims") is neither's
    blocked |= {r[0] - 1 for r in c.source if r[0] > 0 and doc[r[0] - 1].dep_ == "agent"}
    if c.addressee and c.content_rel != "xcomp":
        # "urged Congress to act": PolNeAR mostly puts the addressee of an infinitive in the content
        blocked |= set(range(*c.addressee))
    bounds = _boundaries(sent)

    # the last fragment may grow to the next blocked token or the sentence end
    limit = min([k for k in blocked if k >= j1] + [sent.end])
    lo_limit = max([k + 1 for k in blocked if k < i0] + [sent.start])
    ends = {j1}
    for e in range(i1 + 1, limit + 1):
        if e == limit or e in bounds:
            ends.add(e)
    starts = {i0}
    single = len(base) == 1
    s_hi = j0 if not single else j1
    for s in range(lo_limit, min(s_hi, i0 + 15)):
        if s == lo_limit or s in bounds or (s > 0 and (doc[s - 1].is_punct or doc[s - 1].pos_ == "ADP")):
            starts.add(s)
    if c.cue[1] == i0 and c.cue[1] - 1 > c.cue[0] and doc[i0 - 1].pos_ == "ADP":
        starts.add(i0 - 1)  # the cue's last preposition may open the content ("are unhappy | with X")
    ctx = _Context(c, doc, quotes, sent, base, limit, lo_limit)
    base_off, idx, words = c.seg.start, offsets(doc), texts(doc)

    def char_end(k: int) -> int:
        return base_off + idx[k] + len(words[k])

    reach: Reach | None = None
    pointed: tuple[int | None, int | None] = (None, None)
    # the pointers only where the rules' content follows the cue (before it, "..., according to Yonhap",
    # a relative clause or a report inside the content is as often their pick as the whole sentence) and
    # is not quoted (the quote marks decide a quote's edges, ``extract.extend_to_quote_ends``)
    if tags is not None and c.content[0][0] >= c.cue[1] and not ctx.in_quote(c.content[0][0]):
        reach = tags.reach([(base_off + idx[c.cue[0]], char_end(c.cue[1] - 1))])
    # nearest ends/starts to the base first, so the caps keep the likeliest
    end_list = sorted(ends, key=lambda e: (e != j1, e != limit, abs(e - j1)))[:MAX_ENDS]
    start_list = sorted(starts, key=lambda s: (s != i0, s != lo_limit, abs(s - i0)))[:MAX_STARTS]
    if reach is not None and tags is not None:
        # the pointers' likeliest edges are options too, where the parse has no boundary
        s_tok, e_tok = _pointed_tokens(reach, tags, idx, base_off)
        if s_tok is not None and lo_limit <= s_tok < s_hi and s_tok not in start_list:
            start_list.append(s_tok)
        if e_tok is not None and i1 < e_tok <= limit and e_tok not in end_list:
            end_list.append(e_tok)
    end_feats = {e: tuple(ctx.end_features(e)) for e in end_list}
    start_feats = {s: tuple(ctx.start_features(s)) for s in start_list}
    out: list[ContentOption] = []
    seen: set[tuple[TokRange, ...]] = set()
    rel = c.content_rel
    # the option's own features depend on its length bucket and whether it keeps the base's edges:
    # one tuple per such key, shared by the options (and scored once per candidate)
    joints: dict[tuple[str, bool, bool, bool], tuple[str, ...]] = {}
    # ``trim(doc, (s, e))`` for every pair from trimming each edge once: the start moves right past
    # edge punctuation to its first kept token, the end left, and the range is empty when that first
    # kept token is not before the end
    n_doc = len(doc)
    kept_from = {s: r[0] if (r := trim(doc, (s, n_doc))) else n_doc for s in (*start_list, i1)}
    kept_to = {e: r[1] if (r := trim(doc, (0, e))) else 0 for e in (*end_list, j0)}
    if tags is not None:
        # the tagger's view of each end (its starts were measured too and did not help, eval/attribution.md)
        for e in end_list:
            k = kept_to[e]
            if k > 0:
                end_feats[e] += tags.end_features(char_end(k - 1))
        if reach is not None:
            # the pointers' view of each edge, given this cue: its probability, and against the best option's
            p_end = {e: reach.end(tags.piece_at(char_end(kept_to[e] - 1)) - 1) for e in end_list if kept_to[e] > 0}
            p_start = {
                s: reach.start(tags.piece_at(base_off + idx[kept_from[s]])) for s in start_list if kept_from[s] < n_doc
            }
            for feats, probs, x in ((end_feats, p_end, "e"), (start_feats, p_start, "s")):
                top = max(probs.values(), default=0.0) or 1.0
                for k, p in probs.items():
                    feats[k] += (f"{x}:ptr={_pbucket(p)}", f"{x}:ptrr={_pbucket(p / top)}")
            pointed = (
                max(p_start, key=p_start.__getitem__, default=None),
                max(p_end, key=p_end.__getitem__, default=None),
            )
    # an option that is only a time ("declined to comment on | Monday") says nothing
    timely = {t.i for t in sent if t.ent_type_ in ("DATE", "TIME") or t.is_punct}
    for s in start_list:
        for e in end_list:
            if single:
                if kept_from[s] >= e:
                    continue
                ranges: tuple[TokRange, ...] = ((kept_from[s], kept_to[e]),)
                if (s, e) != (i0, j1) and all(k in timely for k in range(*ranges[0])):
                    continue
            else:
                if kept_from[s] >= j0 or kept_from[i1] >= e:
                    continue
                ranges = ((kept_from[s], kept_to[j0]), *base[1:-1], (kept_from[i1], kept_to[e]))
            if ranges in seen:
                continue
            seen.add(ranges)
            n = ranges[0][1] - ranges[0][0] if single else sum(b - a for a, b in ranges)
            key = (_bucket(n), s == i0, e == j1, (s, e) == pointed)
            joint = joints.get(key)
            if joint is None:
                joint = (f"len={key[0]}", f"rl={rel}|{key[0]}", f"both={key[1]}|{key[2]}")
                if key[3]:
                    joint += ("ptr:both",)  # the option both pointers rank first
                joints[key] = joint
            out.append(ContentOption(ranges, (start_feats[s], end_feats[e], joint)))
    # a content before the cue may go on after the cue and source ("The voters are furious, Mr. Gidley
    # said, and they're not letting ..."): the last fragment may be followed by the rest of the sentence
    after = max(blocked) + 1 if blocked else j1
    if single and j1 <= c.cue[0] and after < sent.end:
        post_ends = [e for e in range(after + 1, sent.end + 1) if e == sent.end or e in bounds]
        post_ends = sorted(post_ends, key=lambda e: (e != sent.end, -e))[:MAX_POST]
        first_word = next((t for t in doc[after : sent.end] if not t.is_punct), None)
        if first_word is not None:
            lead = (f"x:w={_word(first_word)}", f"x:dep={first_word.dep_}", f"x:att={_attach(first_word, c)}", f"x:rel={c.content_rel}")
            for e in post_ends:
                post = trim(doc, (after, e))
                if post is None:
                    continue
                pf = (*lead, *ctx.end_features(e, ref=after, limit=sent.end, x="x"))
                for s in start_list:
                    r = trim(doc, (s, j1))
                    if r is None:
                        continue
                    ranges = (r, post)
                    if ranges in seen:
                        continue
                    seen.add(ranges)
                    out.append(ContentOption(ranges, (start_feats[s], pf, (f"x:both={s == i0}",))))
    # an aside between commas or dashes inside the content may be the author's ("that the billionaire,
    # who is now the presumptive nominee, would unite Britain"): options without it
    if single:
        for a, b in _asides(doc, i0, j1)[:2]:
            head = trim(doc, (i0, a))
            if head is None:
                continue
            t = doc[a + 1]
            af = (f"a:w={_word(t)}", f"a:dep={_top(t).dep_}", f"a:len={_bucket(b - a)}", f"a:rel={c.content_rel}")
            for e in end_list:
                tail = trim(doc, (b, e))
                if tail is None or e <= b:
                    continue
                ranges = (head, tail)
                if ranges in seen:
                    continue
                seen.add(ranges)
                out.append(ContentOption(ranges, (start_feats[i0], end_feats[e], af)))
    # the base first (it always exists: trimming the base gives the base)
    out.sort(key=lambda o: o.ranges != tuple(base))
    return out


PAIRED = frozenset({",", "—", "–", "--", "("})


def _asides(doc: DocView, i: int, j: int) -> list[TokRange]:
    """(opening mark, token after the closing mark) of relative clauses and appositions set off by a
    pair of commas, dashes or brackets inside ``doc[i:j]``."""
    out = []
    for t in doc[i:j]:
        if t.dep_ not in ("relcl", "appos", "acl") or t.head.i >= t.i:
            continue
        a, b = t.left_edge.i - 1, t.right_edge.i + 1
        if a > i and b < j - 1 and doc[a].text in PAIRED and doc[b].text in PAIRED | {")"}:
            out.append((a, b + 1))
    return out


@dataclass
class _Context:
    c: Candidate
    doc: DocView
    quotes: QuoteIndex
    sent: Sent
    base: list[TokRange]
    limit: int
    lo_limit: int
    _suffixes: dict[int, dict[int, tuple[bool, bool, bool]]] = field(default_factory=dict)

    def _rest(self, k: int, limit: int) -> tuple[bool, bool, bool]:
        """Whether ``doc[k:limit]`` holds a verb, a strong cue verb, a date or time (one backward pass
        per limit, then look-ups)."""
        flags = self._suffixes.get(limit)
        if flags is None:
            flags = self._suffixes[limit] = {}
            verb = cue = date = False
            for t in reversed(self.doc[self.sent.start : limit]):
                if t.pos_ == "VERB":
                    verb = True
                    cue = cue or t.lemma_.lower() in STRONG_CUES
                date = date or t.ent_type_ in ("DATE", "TIME")
                flags[t.i] = (verb, cue, date)
        return flags.get(k, (False, False, False))

    def in_quote(self, k: int) -> bool:
        """Whether token ``k`` lies inside a quotation."""
        off = self.c.seg.start + offsets(self.doc)[k]
        return self.quotes.inside(off, off + 1)

    def end_features(self, e: int, ref: int | None = None, limit: int | None = None, x: str = "e") -> list[str]:
        """Features of a last fragment ending at ``e`` (``ref``: the base end; ``x``: the feature prefix)."""
        doc, c = self.doc, self.c
        rel = c.content_rel
        j1 = self.base[-1][1] if ref is None else ref
        limit = self.limit if limit is None else limit
        k = e
        punct = []
        words = texts(doc)
        while k < limit and words[k] in SKIP_PUNCT:
            punct.append(words[k])
            k += 1
        p = punct[0] if punct else "_"
        lem = c.head.lemma_.lower()
        d = _bucket(e - j1)
        f = [f"e:d={d}", f"e:rd={rel}|{d}", f"e:ld={lem}|{d}"]
        if k >= limit:
            kind = "sent" if limit == self.sent.end else "blk"
            f += [f"e:lim={kind}", f"e:rlim={rel}|{kind}", f"e:llim={lem}"]
            return f if x == "e" else [x + v[1:] for v in f]
        t = doc[k]
        w = _word(t)
        att = _attach(t, c)
        f += [
            f"e:p={p}",
            f"e:w={w}",
            f"e:pw={p}|{w}",
            f"e:dep={t.dep_}",
            f"e:pdep={p}|{t.dep_}",
            f"e:att={att}",
            f"e:patt={p}|{att}",
            f"e:ratt={rel}|{att}",
            f"e:rpw={rel}|{p}|{w}",
            f"e:rest={_bucket(limit - k)}",
            f"e:q={self.in_quote(k)}|{self.in_quote(e - 1) if e > 0 else False}",
        ]
        top = _top(t)
        if top.pos_ in ("VERB", "AUX"):
            f.append(f"e:v={top.lemma_.lower()}|{top.tag_}")
            f.append(f"e:vt={p}|{top.tag_}|{any(g.dep_ in ('nsubj', 'nsubjpass', 'expl') for g in top.children)}")
        verb, cue, date = self._rest(k, limit)
        if verb:
            f.append(f"e:verb|{p}")
        if cue:
            f.append("e:cue")
        if date:
            f.append(f"e:date|{p}")
        return f if x == "e" else [x + v[1:] for v in f]

    def start_features(self, s: int) -> list[str]:
        doc, c = self.doc, self.c
        rel = c.content_rel
        i0 = self.base[0][0]
        t = doc[s]
        prev = doc[s - 1] if s > self.sent.start else None
        if s < self.lo_limit:
            pv = "cueprep"
        elif s == self.lo_limit and s > self.sent.start:
            pv = "blk"
        elif prev is None:
            pv = "sent"
        else:
            pv = _word(prev)
        w = _word(t)
        d = _bucket(s - i0)
        f = [
            f"s:d={d}",
            f"s:ld={c.head.lemma_.lower()}|{d}",
            f"s:rd={rel}|{d}",
            f"s:w={w}",
            f"s:rw={rel}|{w}",
            f"s:pv={pv}",
            f"s:rpv={rel}|{pv}",
            f"s:dep={t.dep_}",
            f"s:att={_attach(t, c)}",
            f"s:q={self.in_quote(s)}",
        ]
        if s > i0:
            dropped = doc[i0:s]
            f.append(f"s:drop={_word(dropped[0])}|{dropped[-1].text in EDGE_PUNCT}")
            # the word the cue would take in ("made conflicting statements about", "sought to clarify")
            content_words = [x for x in dropped if x.pos_ in ("NOUN", "VERB", "ADJ", "PROPN")]
            if content_words:
                dl = content_words[-1].lemma_.lower()
                f += [f"s:dl={dl}", f"s:ldl={c.head.lemma_.lower()}|{dl}", f"s:dlast={_word(dropped[-1])}"]
        elif s < i0:
            added = doc[s:i0]
            f.append(f"s:add={_word(added[0])}|{any(x.pos_ == 'VERB' for x in added)}")
        return f


@dataclass(frozen=True)
class ContentModel:
    """Weights of the content ranker."""

    weights: dict[str, float]
    version: str

    def score(self, feats: tuple[str, ...]) -> float:
        return sum(map(self.weights.get, feats, _ZEROS))

    def choose(self, options: list[ContentOption]) -> ContentOption:
        """The best-scored option (the base on ties)."""
        memo: dict[int, float] = {}  # by part identity: options of one candidate share their parts
        best = options[0]
        best_s = 0.0
        for n, o in enumerate(options):
            t = 0.0
            for part in o.parts:
                v = memo.get(id(part))
                if v is None:
                    v = memo[id(part)] = self.score(part)
                t += v
            if n == 0 or t > best_s:
                best, best_s = o, t
        return best

    @staticmethod
    @functools.cache
    def load(name: str = MODEL_FILE) -> ContentModel | None:
        """The shipped model (``MODEL_FILE``; ``TAGGED_MODEL_FILE``: the one trained with the tagger's edge
        features), or None when the file is absent (the base content is kept then)."""
        try:
            raw = resources.files("reportedly").joinpath("models", "attribution", name).read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        data = json.loads(raw)
        return ContentModel({str(k): float(v) for k, v in data["weights"].items()}, str(data.get("version", "1")))
