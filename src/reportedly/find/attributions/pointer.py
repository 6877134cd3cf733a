"""Where a content starts and ends, given its cue: two pointers over the learned tagger's hidden states.

The tagger (``tagger``) gives every wordpiece BIO tags for contents, but those tags do not say whose
content a wordpiece is in: two attributions in one sentence share them.  The pointers do.  For a cue
(its wordpieces' mean hidden state ``c``), every wordpiece ``j`` within ``RADIUS`` wordpieces of it
scores, once as the content's first wordpiece and once as its last,

    (Q c + q) . (K x_j + k) / sqrt(DIM)  +  w . gelu(A x_j + a)  +  b[distance bucket of j from the cue]

where ``x_j`` is the wordpiece's hidden state with its neighbour's, ``[h_j-1; h_j]`` for a start and
``[h_j; h_j+1]`` for an end (a boundary is read from both its sides); a softmax over the window gives
P(start = j | cue) and P(end = j | cue), the cue's own wordpieces excluded.  The weights
(``models/tagger/pointer.npz``, 0.7 MB in fp16) are trained on PolNeAR train over the shipped tagger's
hidden states, the encoder left as it is (``reportedly.training.pointer``; model card beside them).  The
accurate profile's content ranker reads the two probabilities of each option's edges as features, for
a content that follows its cue and is not quoted, and their likeliest edges join its options
(``content.content_options``).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np

POINTER_FILE = "pointer.npz"
RADIUS = 160
"""Wordpieces on each side of the cue a content edge may lie at (PolNeAR train: 99.9% of gold contents)."""
DIM = 64
"""Width of the query and key projections of each pointer."""
HIDDEN = 384
"""Width of the tagger's hidden states."""
MLP = 128
"""Width of the hidden layer of each pointer's cue-free score."""
BUCKETS = 12
"""Distance buckets: 0-5 after the cue (0 inside, 1, 2-3, 4-7, 8-15, 16-40, over 40 folded into 5), 6-11 before."""


def distance_buckets(d: np.ndarray) -> np.ndarray:
    """Bucket of each signed wordpiece distance from the cue (negative: before it)."""
    a = np.abs(d)
    b = np.where(a <= 1, a, np.where(a <= 3, 2, np.where(a <= 7, 3, np.where(a <= 15, 4, 5))))
    return np.where(d < 0, 6 + b, b).astype(np.int64)


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU, tanh form (as trained)."""
    out: np.ndarray = np.float32(0.5) * x * (1 + np.tanh(np.float32(0.7978845608) * (x + np.float32(0.044715) * x * x * x)))
    return out


@dataclasses.dataclass(frozen=True, eq=False)
class Weights:
    """The two pointers' weights: the cue's queries (start and end stacked: ``q_w`` is ``[2 * DIM, 384]``),
    and for each of start and end a key and a cue-free score over a wordpiece with its neighbour (the one
    before for a start, after for an end: ``[h_j-1; h_j]``, ``[h_j; h_j+1]``)."""

    w: dict[str, np.ndarray]
    tagger: str
    """SHA-256 of the ``tagger.onnx`` whose hidden states the pointers were trained over."""
    both: np.ndarray = dataclasses.field(init=False, repr=False)
    """``[384, 4 * (DIM + MLP)]``: every first-layer map, so one product reads all of a text's wordpieces: what
    a start takes from the wordpiece before it, from its own, what an end takes from its own and from the next."""

    def __post_init__(self) -> None:
        h = HIDDEN
        cols = []
        for x, side in (("s", 0), ("s", 1), ("e", 0), ("e", 1)):
            cols += [self.w[f"k{x}.weight"][:, side * h : (side + 1) * h].T, self.w[f"u{x}.0.weight"][:, side * h : (side + 1) * h].T]
        object.__setattr__(self, "both", np.ascontiguousarray(np.concatenate(cols, axis=1), dtype=np.float32))

    @staticmethod
    def load(directory: Path) -> Weights | None:
        """The weights in a model folder, or None when it has none (a tagger trained without pointers)."""
        path = directory / POINTER_FILE
        if not path.exists():
            return None
        with np.load(path, allow_pickle=False) as z:
            w = {k: z[k].astype(np.float32) for k in z.files if k != "tagger_sha256"}
            return Weights(w, bytes(z["tagger_sha256"]).hex() if "tagger_sha256" in z.files else "")

    def keys(self, hidden: np.ndarray) -> np.ndarray:
        """``[n, 2, DIM + 1]`` per wordpiece: the start's and the end's key, each with its cue-free score last."""
        w, n, half = self.w, len(hidden), DIM + MLP
        p = hidden @ self.both  # [n, 4 * half]: start | before, start | own, end | own, end | after
        start = p[:, half : 2 * half].copy()
        start[1:] += p[:-1, :half]
        end = p[:, 2 * half : 3 * half].copy()
        end[:-1] += p[1:, 3 * half :]
        out = np.empty((n, 2, DIM + 1), dtype=np.float32)
        for r, (x, pre) in enumerate((("s", start), ("e", end))):
            pre[:, :DIM] += w[f"k{x}.bias"]
            pre[:, DIM:] += w[f"u{x}.0.bias"]
            out[:, r, :DIM] = pre[:, :DIM] / np.float32(np.sqrt(DIM))
            out[:, r, DIM] = (_gelu(pre[:, DIM:]) @ w[f"u{x}.2.weight"].T)[:, 0] + w[f"u{x}.2.bias"][0]
        return out


@dataclasses.dataclass(frozen=True)
class Reach:
    """The two pointers' distributions for one cue, over the wordpieces ``lo`` .. ``lo + len(logp) - 1``."""

    lo: int
    prob: np.ndarray
    """``[T, 2]``: P(start), P(end) of each wordpiece of the window."""

    def start(self, k: int) -> float:
        j = k - self.lo
        return float(self.prob[j, 0]) if 0 <= j < len(self.prob) else 0.0

    def end(self, k: int) -> float:
        j = k - self.lo
        return float(self.prob[j, 1]) if 0 <= j < len(self.prob) else 0.0


def reach(weights: Weights, hidden: np.ndarray, keys: np.ndarray, c0: int, c1: int) -> Reach:
    """The pointers' distributions for the cue of wordpieces ``c0`` .. ``c1`` (inclusive)."""
    n = len(hidden)
    lo, hi = max(0, c0 - RADIUS), min(n, c1 + 1 + RADIUS)
    cue = hidden[c0 : c1 + 1].mean(axis=0)
    q = (weights.w["q.weight"] @ cue + weights.w["q.bias"]).reshape(2, DIM)
    kw = keys[lo:hi]
    score = np.einsum("hd,thd->th", q, kw[:, :, :DIM]) + kw[:, :, DIM]
    pos = np.arange(lo, hi)
    score += weights.w["dist.weight"][distance_buckets(np.where(pos < c0, pos - c0, np.where(pos > c1, pos - c1, 0)))]
    score[(pos >= c0) & (pos <= c1)] = -1e4
    score -= score.max(axis=0, keepdims=True)
    p = np.exp(score)
    p /= p.sum(axis=0, keepdims=True)
    return Reach(lo, p)
