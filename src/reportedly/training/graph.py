"""One rewrite of the exported tagger graph: each layer's attention as one onnxruntime op.

    python -m reportedly.training.graph IN_ONNX OUT_ONNX     # or --install: the shipped tagger, in place

needs the ``[train]`` extra (onnx).  torch exports a layer's attention as a chain of small ops (the
projected queries, keys and values reshaped and transposed into heads, two batched products with a
scale, the padding mask's bias and a softmax between them, transposed and reshaped back); onnxruntime
runs it as such on CPU.  ``fuse_attention`` puts one ``com.microsoft`` ``MultiHeadAttention`` node in
place of each chain, fed by the same (int8) projections: onnxruntime's kernel for it reads the heads
without the copies and, with no mask, takes its flash-attention path.  A window of 256 wordpieces runs
in about 10 ms instead of 11 (onnxruntime 1.32, one thread, Intel Xeon; eval/attribution.md, thirty-first
session); the logits move by up to 0.2 (int8 activations quantised from floats summed in another order).

The fused graph has **no padding mask**: its only input is ``input_ids``.  The runtime reads one window
at a time, never padded (``find.attributions.tagger``), and feeds ``attention_mask`` only to graphs that
declare it.  ``--install`` rewrites ``models/tagger/tagger.onnx`` and stamps the content pointers
(``pointer.npz``) with the new file's hash: the weights are the same, so the pointers read the same
hidden states up to that rounding.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path
from typing import Any

import numpy as np

from ..find.attributions.pointer import POINTER_FILE
from ..find.attributions.tagger import MODEL_DIR, feed, session

HEADS = 12
"""MiniLM's attention heads (384 / 12 = 32 dimensions each)."""
VOCAB = 30522
"""MiniLM's wordpieces (``check`` feeds random ones)."""


class NoAttention(ValueError):
    """The graph holds no attention chain of the shape torch exports."""


def _scalar(m: Any, name: str) -> float | None:
    """The value of a scalar constant (an initializer or a ``Constant`` node's output), else None."""
    from onnx import numpy_helper

    for t in m.graph.initializer:
        if t.name == name:
            a = numpy_helper.to_array(t)
            return float(a) if a.size == 1 else None
    for n in m.graph.node:
        if n.op_type == "Constant" and n.output[0] == name:
            a = numpy_helper.to_array(n.attribute[0].t)
            return float(a) if a.size == 1 else None
    return None


def fuse_attention(m: Any, heads: int = HEADS) -> int:
    """Rewrite the onnx model ``m`` in place: each attention chain (found from its ``Softmax``) becomes one
    ``MultiHeadAttention`` node; dead nodes, initializers and an unused ``attention_mask`` input are
    dropped.  Returns the number of chains fused (``NoAttention`` when none)."""
    from onnx import helper

    g = m.graph
    made = {o: n for n in g.node for o in n.output}
    used: dict[str, list[Any]] = {}
    for n in g.node:
        for x in n.input:
            used.setdefault(x, []).append(n)

    def up(name: str, op: str, perm: list[int] | None = None) -> Any:
        n = made.get(name)
        if n is None or n.op_type != op:
            raise NoAttention(f"{name}: not made by {op}")
        if perm is not None and [list(a.ints) for a in n.attribute if a.name == "perm"] != [perm]:
            raise NoAttention(f"{n.name}: transposes {perm} expected")
        return n

    def down(name: str, op: str) -> Any:
        users = used.get(name, [])
        if len(users) != 1 or users[0].op_type != op:
            raise NoAttention(f"{name}: not read by one {op}")
        return users[0]

    def heads_of(t: str, perm: list[int]) -> str:  # the projection a head view (Reshape, Transpose) reads
        return str(up(up(t, "Transpose", perm).input[0], "Reshape").input[0])

    fused = []
    for sm in [n for n in g.node if n.op_type == "Softmax"]:
        try:
            add = up(sm.input[0], "Add")
            mul = next(made[x] for x in add.input if x in made and made[x].op_type == "Mul"
                       and made[x].input[0] in made and made[made[x].input[0]].op_type == "MatMul")
            qk = made[mul.input[0]]
            scale = _scalar(m, mul.input[1])
            q, k = heads_of(qk.input[0], [0, 2, 1, 3]), heads_of(qk.input[1], [0, 2, 3, 1])
            pv = down(sm.output[0], "MatMul")
            v = heads_of(pv.input[1], [0, 2, 1, 3])
            back = down(down(pv.output[0], "Transpose").output[0], "Reshape")
        except (NoAttention, StopIteration):
            continue
        if scale is None:
            continue
        fused.append(helper.make_node(
            "MultiHeadAttention", [q, k, v], list(back.output), domain="com.microsoft",
            name=f"{sm.name}/MultiHeadAttention", num_heads=heads, scale=scale,
        ))
        back.output[0] = f"{back.output[0]}/replaced"
    if not fused:
        raise NoAttention("no attention chain to fuse")
    nodes = list(g.node) + fused
    needed = {o.name for o in g.output}
    while True:  # everything the outputs read, to a fixed point
        n_before = len(needed)
        for n in nodes:
            if any(o in needed for o in n.output):
                needed.update(x for x in n.input if x)
        if len(needed) == n_before:
            break
    keep = [n for n in nodes if any(o in needed for o in n.output)]
    ready = {i.name for i in g.input} | {t.name for t in g.initializer}
    order: list[Any] = []
    while keep:  # topological order
        now = [n for n in keep if all(not x or x in ready for x in n.input)]
        if not now:
            raise NoAttention("the rewritten graph has a cycle")
        for n in now:
            ready.update(n.output)
        order.extend(now)
        keep = [n for n in keep if n not in now]
    del g.node[:]
    g.node.extend(order)
    reads = {x for n in order for x in n.input} | {o.name for o in g.output}
    for field in (g.initializer, g.input, g.value_info):
        kept = [t for t in field if t.name in reads]
        del field[:]
        field.extend(kept)
    if not any(o.domain == "com.microsoft" for o in m.opset_import):
        m.opset_import.append(helper.make_opsetid("com.microsoft", 1))
    return len(fused)


def check(before: bytes, after: bytes, vocab: int = VOCAB, n: int = 256, seed: int = 0) -> float:
    """Largest logit difference between two tagger graphs on ``n`` random wordpiece ids below ``vocab`` (past
    the special and unused ones); raises when it exceeds half the logits' standard deviation (int8 rounding
    moves them by a tenth of it or less; a fused graph that computes something else, by about as much as
    they vary).  Not their argmax: an untrained head's logits are nearly tied."""
    ids = np.random.default_rng(seed).integers(vocab // 30, vocab, size=(1, n)).astype(np.int64)
    outs = []
    for model in (before, after):
        s = session(model)
        outs.append(s.run(None, feed(s, ids))[0])
    a, b = outs
    diff = float(np.abs(a - b).max())
    if not diff <= 0.5 * float(a.std()):
        raise ValueError(f"the fused graph computes other logits (off by up to {diff:.3f})")
    return diff


def rewrite(src: Path, dest: Path, heads: int = HEADS, vocab: int = VOCAB) -> float:
    """``fuse_attention`` from file to file, checked (``check``); the largest logit difference."""
    import onnx

    before = src.read_bytes()
    m = onnx.load_from_string(before)
    fuse_attention(m, heads)
    after = m.SerializeToString()
    diff = check(before, after, vocab)
    dest.write_bytes(after)
    return diff


def restamp(directory: Path) -> None:
    """Stamp ``pointer.npz`` of a model folder with the hash of its (rewritten) ``tagger.onnx``."""
    path = directory / POINTER_FILE
    with np.load(path, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    digest = hashlib.sha256((directory / "tagger.onnx").read_bytes()).digest()
    arrays["tagger_sha256"] = np.frombuffer(digest, dtype=np.uint8)
    with path.open("wb") as f:
        np.savez(f, **arrays)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m reportedly.training.graph", description=__doc__.split("\n")[0])
    ap.add_argument("src", type=Path, nargs="?", help="an exported tagger.onnx")
    ap.add_argument("dest", type=Path, nargs="?", help="where the fused graph goes")
    ap.add_argument("--install", action="store_true", help="rewrite the shipped tagger in place")
    a = ap.parse_args(argv)
    if a.install == (a.src is not None):
        ap.error("give SRC and DEST, or --install alone")
    src = MODEL_DIR / "tagger.onnx" if a.install else a.src
    dest = src if a.install else a.dest
    try:
        diff = rewrite(src, dest)
    except Exception as e:  # a file that is no tagger graph: one line, no traceback
        print(f"error: {src}: {e}", file=sys.stderr)
        return 1
    if a.install and (MODEL_DIR / POINTER_FILE).exists():
        restamp(MODEL_DIR)
    print(f"{dest}: attention fused; logits within {diff:.3f} of the graph before")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
