"""The learned attribution tagger at run time: source, cue and content tags from a fine-tuned MiniLM.

The model (``models/tagger/tagger.onnx``, int8 weights; ``MODEL_CARD.md`` beside it) reads the
article's parsed text as wordpieces in windows and gives every wordpiece three BIO tag
distributions, one per component (source, cue, content), decoded into spans (``Tags``).  It runs with
onnxruntime and the ``tokenizers`` library alone, loaded once per process (``load``); torch is for
training only (``reportedly.training.tagger``).  How the tags are linked with the rules'
attributions in the default profile is ``linking``.

The tagger reads at most ``MAX_WORDPIECES`` of an article, and only the parts it is given
(``linking`` gives it the paragraphs that hold a candidate of the rules, ``regions``).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ...model import Span, union_spans
from ...nlp import Parsed, one_blas_thread
from . import pointer
from .spans import Candidate

COMPONENTS = ("source", "cue", "content")
MAX_WINDOW = 512
"""Position embeddings of the encoder: no window (with [CLS] and [SEP]) may be longer."""
MODEL_DIR = Path(__file__).resolve().parent.parent.parent / "models" / "tagger"
MAX_WORDPIECES = 50_000
"""The tagger reads at most this many wordpieces of an article (about 35,000 words, some 15 long news
articles); past them the rules decide alone, as in the fast profile, so a pathological input costs at
most about 5 CPU-seconds of tagging on top of the rules."""
THREADS = 1
"""onnxruntime threads: one, like the spaCy parse (a pool of worker processes scales out instead)."""
DISABLED_OPTIMIZERS = ("SkipLayerNormFusion",)
"""onnxruntime graph rewrites left out: its fused ``SkipLayerNormalization`` (residual add + layer norm)
ran 0.5 ms a call on a window of 256 wordpieces where the plain ``Add`` and ``LayerNormalization`` it
replaces take 0.1 ms (onnxruntime 1.32, one thread, Intel Xeon): a window in 12.0 ms instead of 14.0.
The logits move by up to 0.2 (the int8 activations are quantised from slightly different floats),
eval/attribution.md (thirtieth session) gives the scores."""


# --- decoding ---------------------------------------------------------------------------------


def window_starts(n: int, window: int, stride: int) -> list[int]:
    """Start of each window over ``n`` wordpieces: every ``stride``, until one reaches the end."""
    out = [0]
    while out[-1] + window < n:
        out.append(out[-1] + stride)
    return out


def windows(n: int, window: int, stride: int) -> list[tuple[int, int, int]]:
    """``(start, lo, hi)`` of each window over ``n`` wordpieces (``window_starts``) and the wordpieces
    ``lo`` .. ``hi - 1`` it answers for: each wordpiece is read from the window where it lies farthest from an
    edge (up to the middle of two windows' overlap)."""
    starts = window_starts(n, window, stride)
    out = []
    for j, s in enumerate(starts):
        e = min(n, s + window)
        lo = s if j == 0 else (s + min(n, starts[j - 1] + window)) // 2
        hi = e if j + 1 == len(starts) else (starts[j + 1] + e) // 2
        out.append((s, lo, hi))
    return out


def decode_spans(logits: np.ndarray) -> list[tuple[int, int]]:
    """Spans ``(i, j)`` (wordpiece indices, end exclusive) of the best BIO path with no I after O.

    ``logits`` is ``[n, 3]`` (O, B, I) scores or log-probabilities.  Viterbi over log-softmax
    scores with the transitions that BIO allows: I only after B or I (plain Python over three
    states: several times faster than numpy calls per step).
    """
    n = len(logits)
    if not n:
        return []
    lp = logits.astype(np.float64)
    lp = lp - lp.max(axis=1, keepdims=True)
    lp = (lp - np.log(np.exp(lp).sum(axis=1, keepdims=True))).tolist()
    o, b, i = lp[0][0], lp[0][1], -1e18
    back_any: list[int] = [0] * n  # best previous state of O and B (any state may precede them)
    back_i: list[int] = [0] * n  # best previous state of I (B or I)
    for k in range(1, n):
        po, pb, pi = lp[k]
        if o >= b and o >= i:
            best, arg = o, 0
        elif b >= i:
            best, arg = b, 1
        else:
            best, arg = i, 2
        if b >= i:
            bi, argi = b, 1
        else:
            bi, argi = i, 2
        back_any[k], back_i[k] = arg, argi
        o, b, i = best + po, best + pb, bi + pi
    state = 0 if o >= b and o >= i else (1 if b >= i else 2)
    path = [0] * n
    path[-1] = state
    for k in range(n - 1, 0, -1):
        state = back_i[k] if state == 2 else back_any[k]
        path[k - 1] = state
    out = []
    k = 0
    while k < n:
        if path[k] == 1:
            j = k + 1
            while j < n and path[j] == 2:
                j += 1
            out.append((k, j))
            k = j
        else:
            k += 1
    return out


# --- the model --------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Tags:
    """The tagger's reading of one text: wordpiece offsets, tag probabilities and decoded spans."""

    text: str
    offsets: np.ndarray
    """``[n, 2]`` character offsets of the wordpieces in ``text``."""
    probs: np.ndarray
    """``[n, 3, 3]``: per wordpiece and component (``COMPONENTS``), P(O), P(B), P(I)."""
    spans: dict[str, tuple[Span, ...]]
    """Decoded spans per component, widened to whole words (disjoint, in text order)."""
    limit: int
    """Character offset up to which the text was tagged (``len(text)`` unless ``MAX_WORDPIECES`` cut it)."""
    pieces: tuple[Span, ...]
    """The parts of the text read (in order, disjoint)."""
    hidden: np.ndarray | None = None
    """``[n, 384]`` the encoder's last hidden states (None for a model exported without them)."""
    pointers: pointer.Weights | None = None
    """The content pointers read over ``hidden`` (``pointer``), when the model folder has them."""
    _starts: dict[str, list[int]] = dataclasses.field(default_factory=dict, init=False, repr=False, compare=False)
    _ends: dict[str, list[int]] = dataclasses.field(default_factory=dict, init=False, repr=False, compare=False)
    _ends_stripped: list[frozenset[int]] = dataclasses.field(default_factory=list, init=False, repr=False, compare=False)
    _keys: list[np.ndarray] = dataclasses.field(default_factory=list, init=False, repr=False, compare=False)
    _piece_starts: list[int] = dataclasses.field(default_factory=list, init=False, repr=False, compare=False)

    def inside(self, span: Span) -> np.ndarray:
        """Indices of the wordpieces inside a character span."""
        return np.arange(self.piece_at(span[0]), self.piece_at(span[1]))

    def overlapping(self, component: str, spans: Sequence[Span], lo: int = 0, hi: int | None = None) -> list[Span]:
        """The decoded spans of ``component`` that overlap any of ``spans`` (or the range ``[lo, hi)`` when
        ``spans`` is empty), in text order.  Decoded spans are disjoint and sorted: bisection."""
        tagged = self.spans[component]
        ranges = list(spans) if spans else [(lo, len(self.text) if hi is None else hi)]
        starts = self._starts.get(component)
        if starts is None:
            starts = self._starts[component] = [t[0] for t in tagged]
            self._ends[component] = [t[1] for t in tagged]
        ends = self._ends[component]
        out: list[Span] = []
        for a, b in ranges:
            out.extend(tagged[bisect.bisect_right(ends, a) : bisect.bisect_left(starts, b)])
        return sorted(set(out))

    def _content_ends(self) -> frozenset[int]:
        """Where the decoded contents end, without edge punctuation and quote marks (built once)."""
        if not self._ends_stripped:
            stripped = (strip_edges(self.text, a, b) for a, b in self.spans["content"])
            self._ends_stripped.append(frozenset(b for a, b in stripped if b > a))
        return self._ends_stripped[0]

    def end_features(self, offset: int) -> tuple[str, ...]:
        """The tagger's features of a content ending at ``offset`` (``content.EdgeTags``), for the content
        ranker of the accurate profile: P(inside a content) of its last wordpiece, P(I) of the next one
        (with the character that follows), whether a decoded content ends there."""
        if not self.read(offset):
            return ()
        k = self.piece_at(offset) - 1
        if k < 0:
            return ()
        p_in = float(self.probs[k, 2, 1] + self.probs[k, 2, 2])
        p_next = float(self.probs[k + 1, 2, 2]) if k + 1 < len(self.offsets) else 0.0
        tagged = offset in self._content_ends()
        nxt = self.text[offset : offset + 3].lstrip()[:1]
        nc = nxt if nxt in _EDGE else "w" if nxt else "_"
        t_in, t_next = _bucket(p_in), _bucket(p_next)
        return (
            f"e:tl={t_in}",
            f"e:tn={t_next}",
            f"e:tg={tagged}|{t_next}",
            f"e:tnc={t_next}|{nc}",
            f"e:tln={t_in}|{t_next}",
        )

    def reach(self, cue: Sequence[Span]) -> pointer.Reach | None:
        """The content pointers' distributions for a cue (its character spans), or None (no pointers, or
        the cue not read)."""
        if self.hidden is None or self.pointers is None:
            return None
        idx = np.concatenate([self.inside(s) for s in cue]) if cue else np.arange(0)
        if not len(idx):
            return None
        with one_blas_thread():  # numpy's BLAS would spin a second thread for these small products
            if not self._keys:
                self._keys.append(self.pointers.keys(self.hidden))
            return pointer.reach(self.pointers, self.hidden, self._keys[0], int(idx.min()), int(idx.max()))

    def span_of(self, first: int, last: int) -> Span:
        """The characters from wordpiece ``first`` to wordpiece ``last`` (inclusive)."""
        return int(self.offsets[first, 0]), int(self.offsets[last, 1])

    def piece_at(self, offset: int) -> int:
        """Index of the wordpiece that starts at or after a character offset (``len`` when none)."""
        if not self._piece_starts:
            self._piece_starts.extend(self.offsets[:, 0].tolist())
        return bisect.bisect_left(self._piece_starts, offset)

    def read(self, offset: int) -> bool:
        """Whether the tagger read the text at a character offset (or just before it)."""
        if offset > self.limit:
            return False
        k = bisect.bisect_right(self.pieces, (offset, len(self.text) + 1)) - 1
        return k >= 0 and self.pieces[k][0] <= offset <= self.pieces[k][1]

    def prob(self, component: str, spans: Sequence[Span]) -> float:
        """Mean probability that the wordpieces of ``spans`` lie in a ``component`` (B or I)."""
        h = COMPONENTS.index(component)
        idx = np.concatenate([self.inside(s) for s in spans]) if spans else np.arange(0)
        if not len(idx):
            return 0.0
        return float((self.probs[idx, h, 1] + self.probs[idx, h, 2]).mean())


_WORDCHAR = re.compile(r"\w")
_EDGE = frozenset(" \t\r\n\u00a0\"“”'‘’«»„`.,;:!?…-–—()[]")


def strip_edges(text: str, s: int, e: int, chars: frozenset[str] | str = _EDGE) -> Span:
    """A span without edge ``chars`` (whitespace, quote marks and punctuation, as the content options are)."""
    while s < e and text[s] in chars:
        s += 1
    while e > s and text[e - 1] in chars:
        e -= 1
    return s, e


def _bucket(p: float) -> str:
    """A probability as a feature value: "0" (under 0.05) to "5" (0.95 and over)."""
    return str(bisect.bisect_right((0.05, 0.2, 0.5, 0.8, 0.95), p))


BLOCK_BOUND = ("source", "cue")
"""Components whose decoded spans are cut at the edges of the pieces read (the parsed blocks: paragraphs,
captions): the tagger reads the pieces as one sequence, and a source read across them ran from the speaker of
one paragraph over a photo credit into the next one's subject ("Rep. Brian Babin.\\n\\n| Jacquelyn Martin/AP
Photo\\n\\nAllies of GOP leadership").  Contents keep their spans: a quote goes on over paragraphs, and the
content ranker's features were learnt from them whole."""


def _within_pieces(text: str, spans: Sequence[Span], pieces: Sequence[Span]) -> tuple[Span, ...]:
    """``spans`` cut at the edges of ``pieces`` (in text order, disjoint): each part inside one piece, without
    the spaces at its edges; parts outside every piece are dropped."""
    if not pieces:
        return tuple(spans)
    starts = [p[0] for p in pieces]
    out: list[Span] = []
    for a, b in spans:
        k = max(0, bisect.bisect_right(starts, a) - 1)
        while k < len(pieces) and pieces[k][0] < b:
            s, e = max(a, pieces[k][0]), min(b, pieces[k][1])
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e:
                out.append((s, e))
            k += 1
    return tuple(out)


def _widen(text: str, s: int, e: int) -> Span:
    while s > 0 and _WORDCHAR.match(text[s - 1]) and _WORDCHAR.match(text[s]):
        s -= 1
    while e < len(text) and _WORDCHAR.match(text[e]) and _WORDCHAR.match(text[e - 1]):
        e += 1
    return s, e


def session(model: bytes | str, optimized: Path | None = None) -> Any:
    """An onnxruntime session of a tagger file (its bytes or path): ``THREADS`` threads, CPU, the graph
    rewrites of ``DISABLED_OPTIMIZERS`` left out (the graph it runs is written to ``optimized`` when given).
    The runtime and the pointers' training (``training.pointer``) both read the model through it, so the
    pointers learn the hidden states they get."""
    import onnxruntime as ort

    so = ort.SessionOptions()
    so.intra_op_num_threads = THREADS
    so.inter_op_num_threads = 1
    if optimized is not None:
        so.optimized_model_filepath = str(optimized)
    return ort.InferenceSession(
        model, so, providers=["CPUExecutionProvider"], disabled_optimizers=list(DISABLED_OPTIMIZERS)
    )


def feed(sess: Any, ids: np.ndarray) -> dict[str, np.ndarray]:
    """The inputs of one unpadded window ``ids`` (``[1, n]``) for a tagger session: the ids, and a mask of
    ones where the graph still has one (graphs from ``training.graph`` do not: their attention is one
    fused op that reads no mask)."""
    out = {"input_ids": ids}
    if any(i.name == "attention_mask" for i in sess.get_inputs()):
        out["attention_mask"] = np.ones_like(ids)
    return out


class Tagger:
    """The ONNX model with its tokenizer and settings (``tagger.json``), from a model folder."""

    def __init__(self, directory: Path = MODEL_DIR) -> None:
        from tokenizers import Tokenizer

        meta = json.loads((directory / "tagger.json").read_text(encoding="utf-8"))
        self.window: int = int(meta["window"])
        self.stride: int = int(meta["stride"])
        self.cls, self.sep = int(meta["cls"]), int(meta["sep"])
        if self.window + 2 > MAX_WINDOW or tuple(meta["components"]) != COMPONENTS:
            raise ValueError(f"{directory}: a tagger for other windows or components")
        self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        model = (directory / "tagger.onnx").read_bytes()
        self.session = session(model)
        self.pointers = pointer.Weights.load(directory, session) if len(self.session.get_outputs()) > 1 else None
        if self.pointers is not None and self.pointers.tagger != hashlib.sha256(model).hexdigest():
            raise ValueError(f"{directory}: {pointer.POINTER_FILE} was trained over another tagger.onnx (retrain it)")

    def logits(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
        """``[n, 3, 3]`` logits of ``n`` wordpiece ids (and ``[n, 384]`` hidden states when the pointers are
        read): windows every ``stride``, each wordpiece read from the window where it lies farthest from an
        edge."""
        n = len(ids)
        out = np.zeros((n, len(COMPONENTS), 3), dtype=np.float32)
        hidden = np.zeros((n, pointer.HIDDEN), dtype=np.float32) if self.pointers is not None else None
        if not n:
            return out, hidden
        for s, lo, hi in windows(n, self.window, self.stride):
            w = ids[s : s + self.window]
            x = np.empty((1, len(w) + 2), dtype=np.int64)
            x[0, 0], x[0, -1], x[0, 1:-1] = self.cls, self.sep, w
            ys = self.session.run(None, feed(self.session, x))
            out[lo:hi] = ys[0][0][1 + lo - s : 1 + hi - s]
            if hidden is not None:
                hidden[lo:hi] = ys[1][0][1 + lo - s : 1 + hi - s]
        return out, hidden

    def tag(self, text: str, pieces: Sequence[Span] | None = None) -> Tags:
        """Tags of ``text`` (or of its ``pieces``, read in order as one sequence, like the article's parsed
        blocks)."""
        pieces = [(0, len(text))] if pieces is None else list(pieces)
        ids: list[np.ndarray] = []
        offs: list[np.ndarray] = []
        for s, e in pieces:
            enc = self.tokenizer.encode(text[s:e], add_special_tokens=False)
            if not enc.ids:
                continue
            ids.append(np.asarray(enc.ids, dtype=np.int64))
            offs.append(np.asarray(enc.offsets, dtype=np.int64).reshape(-1, 2) + s)
        all_ids = np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64)
        offsets = np.concatenate(offs) if offs else np.zeros((0, 2), dtype=np.int64)
        limit = len(text)
        if len(all_ids) > MAX_WORDPIECES:
            all_ids, offsets = all_ids[:MAX_WORDPIECES], offsets[:MAX_WORDPIECES]
            limit = int(offsets[-1, 1])
        logits, hidden = self.logits(all_ids)
        z = np.exp(logits - logits.max(axis=2, keepdims=True))
        probs = z / z.sum(axis=2, keepdims=True)
        spans = {}
        for h, comp in enumerate(COMPONENTS):
            spans[comp] = tuple(
                _widen(text, int(offsets[i, 0]), int(offsets[j - 1, 1])) for i, j in decode_spans(logits[:, h, :])
            )
            if comp in BLOCK_BOUND:
                spans[comp] = _within_pieces(text, spans[comp], pieces)
        return Tags(text, offsets, probs, spans, limit, tuple(pieces), hidden, self.pointers)


@functools.lru_cache(maxsize=1)
def load(directory: Path = MODEL_DIR) -> Tagger:
    """The shipped tagger, loaded once per process."""
    return Tagger(directory)


def tag_parsed(parsed: Parsed, tagger: Tagger | None = None, pieces: Sequence[Span] | None = None) -> Tags:
    """Tags of an article's parsed blocks (the text the rules read), or of the ``pieces`` of them given."""
    if pieces is None:
        pieces = [(seg.start, seg.end) for seg in parsed.segments]
    return (tagger or load()).tag(parsed.read_text, pieces)


def regions(cands: Sequence[Candidate]) -> list[Span]:
    """What the tagger reads to judge ``cands`` (``SELECT``): the parsed block (paragraph) of each, whole, and
    the quote continuations added to its content; merged, in text order."""
    spans = [(c.seg.start, c.seg.end) for c in cands]
    spans.extend(s for c in cands for s in c.extra_content)
    return union_spans(spans)
