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

The keys' one large product (every wordpiece's hidden state by ``Weights.both``) runs in int8 with
onnxruntime when the model folder has ``KEYS_FILE`` (made from the same weights by
``reportedly.training.pointer``): 0.15 CPU-s instead of 0.3 for the 72,000 wordpieces of 60 AllSides
articles, the same PolNeAR dev scores to two decimals (eval/attribution.md, thirty-fourth session).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

POINTER_FILE = "pointer.npz"
KEYS_FILE = "pointer_keys.onnx"
"""The product ``hidden @ Weights.both`` as an int8 onnxruntime graph (input ``hidden``, output ``edges``), with
the SHA-256 of the fp32 matrix it was made from as its metadata ``both_sha256`` (``digest``)."""
IR_VERSION = 8
"""The ONNX IR version the keys' file is written with: the tagger's (torch's export at opset 17), which every
onnxruntime from the floor in pyproject.toml (1.18, IR 10 at most) reads; onnx's own default (IR 14 with onnx
1.23) needs onnxruntime 1.32."""
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
    product: Any = None
    """An onnxruntime session of ``KEYS_FILE`` computing ``hidden @ both`` in int8, or None (numpy, fp32)."""

    @functools.cached_property
    def both(self) -> np.ndarray:
        """``[384, 4 * (DIM + MLP)]``: every first-layer map, so one product reads all of a text's wordpieces: what
        a start takes from the wordpiece before it, from its own, what an end takes from its own and from the next
        (made once, when first read: not at all when the int8 ``product`` computes it)."""
        h = HIDDEN
        cols = []
        for x, side in (("s", 0), ("s", 1), ("e", 0), ("e", 1)):
            cols += [self.w[f"k{x}.weight"][:, side * h : (side + 1) * h].T, self.w[f"u{x}.0.weight"][:, side * h : (side + 1) * h].T]
        return np.ascontiguousarray(np.concatenate(cols, axis=1), dtype=np.float32)

    @staticmethod
    def load(directory: Path, session: Callable[[bytes], Any] | None = None) -> Weights | None:
        """The weights in a model folder, or None when it has none (a tagger trained without pointers).  With
        an onnxruntime ``session`` maker (``tagger.session``), the folder's ``KEYS_FILE`` computes the keys'
        product; one made from other weights is refused (``ValueError``)."""
        path = directory / POINTER_FILE
        if not path.exists():
            return None
        with np.load(path, allow_pickle=False) as z:
            w = {k: z[k].astype(np.float32) for k in z.files if k != "tagger_sha256"}
            out = Weights(w, bytes(z["tagger_sha256"]).hex() if "tagger_sha256" in z.files else "")
        keys_path = directory / KEYS_FILE
        if session is None or not keys_path.exists():
            return out
        product = session(keys_path.read_bytes())
        if product.get_modelmeta().custom_metadata_map.get("both_sha256") != digest(out.both):
            raise ValueError(f"{keys_path}: made from other pointer weights than {POINTER_FILE} (make it again)")
        return dataclasses.replace(out, product=product)

    def keys(self, hidden: np.ndarray) -> np.ndarray:
        """``[n, 2, DIM + 1]`` per wordpiece: the start's and the end's key, each with its cue-free score last."""
        w, n, half = self.w, len(hidden), DIM + MLP
        # [n, 4 * half]: start | before, start | own, end | own, end | after
        p = self.product.run(None, {"hidden": hidden})[0] if self.product is not None and n else hidden @ self.both
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


def digest(both: np.ndarray) -> str:
    """SHA-256 of the keys' product matrix as fp32 (what ``KEYS_FILE`` records of the weights it holds)."""
    return hashlib.sha256(np.ascontiguousarray(both, dtype=np.float32).tobytes()).hexdigest()


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
