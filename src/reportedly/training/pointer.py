"""Train the content pointers (``models/tagger/pointer.npz``) over the installed tagger's hidden states.

    python -m reportedly.training.pointer TRAIN_DIR DEV_DIR OUT_DIR [--epochs N] [--install]

needs the ``[train]`` extra (torch, onnx).  The tagger (``models/tagger/tagger.onnx``) is left as it is:
its graph gets its last hidden state as a second output (``hidden``, the input of the tag heads) when it
has none, and every article of both splits is read with it as at run time (int8, windows of the
tagger's settings).  For each gold attribution with a cue and a content (gold = the smallest annotator
id, fragments trimmed like the scorer trims them), the example is the cue's wordpieces, the first
wordpiece of the content and its last.  The two pointers (``find.attributions.pointer``: a bilinear
score between the cue's mean hidden state and each wordpiece within ``RADIUS`` of it, a cue-free score
and a distance bias) are fitted with AdamW on the sum of the two cross-entropies, dropout 0.1 on the
hidden states; the epoch whose start and end are both right on the most dev examples is kept.  Writes ``OUT_DIR/pointer.npz`` and
``OUT_DIR/tagger.onnx`` (the tagger with both outputs) and ``OUT_DIR/pointer_keys.onnx`` (the keys' product in
int8, ``export_keys``); ``--install`` copies them into ``models/tagger/``.

    python -m reportedly.training.pointer --keys-of DIR     # pointer_keys.onnx again from DIR/pointer.npz
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from ..evaluation.brat import gold_files, normalise, read_ann
from ..find.attributions.pointer import (
    BUCKETS,
    DIM,
    IR_VERSION,
    KEYS_FILE,
    MLP,
    POINTER_FILE,
    RADIUS,
    Weights,
    digest,
    distance_buckets,
)
from ..find.attributions.tagger import MODEL_DIR, feed, session, windows
from .tagger import fold_of, load_tokenizer, log

EPOCHS = 6
LR = 1e-3
BATCH = 32
SEED = 13
HIDDEN = 384


def with_hidden(src: Path, dest: Path) -> None:
    """Copy the ONNX tagger ``src`` to ``dest`` with the last encoder layer's output as a second output."""
    import onnx

    m = onnx.load(str(src))
    if len(m.graph.output) > 1:
        shutil.copyfile(src, dest)
        return
    made = {o: n for n in m.graph.node for o in n.output}
    todo, seen, hidden = [m.graph.output[0].name], set(), None
    while todo and hidden is None:  # back from the logits to the first layer norm met: the last layer's
        t = todo.pop()
        if t in seen or t not in made:
            continue
        seen.add(t)
        if made[t].op_type == "LayerNormalization":
            hidden = t
        todo.extend(made[t].input)
    if hidden is None:
        raise ValueError(f"{src}: no layer norm before the tag heads")
    m.graph.output.append(onnx.helper.make_tensor_value_info(hidden, onnx.TensorProto.FLOAT, None))
    onnx.save(m, str(dest))


def read_split(model: Path, directory: Path) -> tuple[list[np.ndarray], np.ndarray]:
    """Hidden states (fp16) of every article of a brat split, and the examples ``(article, c0, c1, s, e)``."""
    meta = json.loads((MODEL_DIR / "tagger.json").read_text(encoding="utf-8"))
    window, stride, cls, sep = meta["window"], meta["stride"], meta["cls"], meta["sep"]
    sess = session(str(model))  # the graph the runtime reads
    tok = load_tokenizer(MODEL_DIR / "tokenizer.json")
    states, examples = [], []
    for a, (_, txt, ann) in enumerate(gold_files(directory)):
        text = txt.read_text(encoding="utf-8")
        enc = tok.encode(text, add_special_tokens=False)
        ids = np.asarray(enc.ids, dtype=np.int64)
        offs = np.asarray(enc.offsets, dtype=np.int64).reshape(-1, 2)
        n = len(ids)
        h = np.zeros((n, HIDDEN), dtype=np.float16)
        for s, lo, hi in windows(n, window, stride):
            w = ids[s : s + window]
            x = np.concatenate([[cls], w, [sep]]).astype(np.int64)[None]
            y = sess.run(None, feed(sess, x))[1][0]
            h[lo:hi] = y[1 + lo - s : 1 + hi - s]
        states.append(h)
        for g in read_ann(ann.read_text(encoding="utf-8")):
            cue, content = _pieces(offs, normalise(text, g.cue)), _pieces(offs, normalise(text, g.content))
            if cue and content and content[0] >= cue[0] - RADIUS and content[-1] <= cue[-1] + RADIUS:
                examples.append((a, cue[0], cue[-1], content[0], content[-1]))
    return states, np.asarray(examples, dtype=np.int64).reshape(-1, 5)


def _pieces(offs: np.ndarray, spans: Any) -> list[int]:
    """The wordpieces (by their character offsets ``offs``) that overlap any of ``spans``, in order."""
    return sorted({int(k) for a, b in spans for k in np.nonzero((offs[:, 0] < b) & (offs[:, 1] > a))[0]})


def _batch(states: list[np.ndarray], rows: np.ndarray) -> tuple[Any, ...]:
    import torch

    width = 2 * RADIUS + int((rows[:, 2] - rows[:, 1]).max()) + 1
    n = len(rows)
    hw = np.zeros((n, width, HIDDEN), np.float32)
    before = np.zeros((n, width, HIDDEN), np.float32)
    after = np.zeros((n, width, HIDDEN), np.float32)
    db = np.zeros((n, width), np.int64)
    valid = np.zeros((n, width), bool)
    cue = np.zeros((n, HIDDEN), np.float32)
    ys, ye = np.zeros(n, np.int64), np.zeros(n, np.int64)
    for b, (a, c0, c1, s, e) in enumerate(rows.tolist()):
        h = states[a]
        lo, hi = max(0, c0 - RADIUS), min(len(h), c1 + 1 + RADIUS)
        pos = np.arange(lo, hi)
        hw[b, : hi - lo] = h[lo:hi]
        before[b, 1 if lo == 0 else 0 : hi - lo] = h[max(0, lo - 1) : hi - 1]
        after[b, : hi - lo - (hi == len(h))] = h[lo + 1 : hi + 1]
        db[b, : hi - lo] = distance_buckets(np.where(pos < c0, pos - c0, np.where(pos > c1, pos - c1, 0)))
        valid[b, : hi - lo] = (pos < c0) | (pos > c1)
        cue[b] = h[c0 : c1 + 1].astype(np.float32).mean(0)
        ys[b], ye[b] = s - lo, e - lo
    return tuple(torch.from_numpy(v) for v in (cue, hw, before, after, db, valid, ys, ye))


def build() -> Any:
    import torch
    from torch import nn

    class Pointers(nn.Module):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.q = nn.Linear(HIDDEN, 2 * DIM)
            self.ks, self.ke = nn.Linear(2 * HIDDEN, DIM), nn.Linear(2 * HIDDEN, DIM)
            self.us, self.ue = (
                nn.Sequential(nn.Linear(2 * HIDDEN, MLP), nn.GELU(approximate="tanh"), nn.Linear(MLP, 1)) for _ in "se"
            )
            self.dist = nn.Embedding(BUCKETS, 2)
            nn.init.zeros_(self.dist.weight)

        def forward(self, cue: Any, hw: Any, before: Any, after: Any, db: Any, valid: Any) -> Any:
            s, e = torch.cat([before, hw], 2), torch.cat([hw, after], 2)
            q = self.q(cue).view(-1, 2, DIM)
            k = torch.stack([self.ks(s), self.ke(e)], 2)
            score = torch.einsum("bhd,bthd->bth", q, k) / DIM**0.5 + torch.cat([self.us(s), self.ue(e)], 2)
            return (score + self.dist(db)).masked_fill(~valid[..., None], -1e4)

    return Pointers()


def train(states: list[np.ndarray], ex: np.ndarray, dev_states: list[np.ndarray], dev_ex: np.ndarray,
          epochs: int = EPOCHS, log: Any = print) -> tuple[dict[str, np.ndarray], list[dict[str, Any]]]:
    import torch
    from torch import nn

    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    model = build()
    opt = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=0.01)
    rng = np.random.default_rng(SEED)
    history: list[dict[str, Any]] = []
    best: tuple[float, dict[str, np.ndarray]] | None = None
    ce = nn.functional.cross_entropy
    for epoch in range(epochs):
        t0 = time.time()
        model.train()
        for rows in np.array_split(ex[rng.permutation(len(ex))], max(1, len(ex) // BATCH)):
            cue, hw, before, after, db, valid, ys, ye = _batch(states, rows)
            drop = nn.functional.dropout
            score = model(cue, drop(hw, 0.1), drop(before, 0.1), drop(after, 0.1), db, valid)
            loss = ce(score[..., 0], ys) + ce(score[..., 1], ye)
            opt.zero_grad()
            loss.backward()
            opt.step()
        model.eval()
        nll, hits = 0.0, np.zeros(3)
        with torch.no_grad():
            for rows in np.array_split(dev_ex, max(1, len(dev_ex) // 64)):
                cue, hw, before, after, db, valid, ys, ye = _batch(dev_states, rows)
                score = model(cue, hw, before, after, db, valid)
                nll += float(ce(score[..., 0], ys, reduction="sum") + ce(score[..., 1], ye, reduction="sum"))
                s_ok, e_ok = score[..., 0].argmax(1) == ys, score[..., 1].argmax(1) == ye
                hits += [int(s_ok.sum()), int(e_ok.sum()), int((s_ok & e_ok).sum())]
        rec = {"epoch": epoch + 1, "seconds": round(time.time() - t0, 1), "dev_loss": round(nll / len(dev_ex), 4),
               "dev_start_acc": round(hits[0] / len(dev_ex), 4), "dev_end_acc": round(hits[1] / len(dev_ex), 4),
               "dev_both_acc": round(hits[2] / len(dev_ex), 4)}
        history.append(rec)
        log(json.dumps(rec))
        if best is None or rec["dev_both_acc"] > best[0]:
            best = (rec["dev_both_acc"], {k: v.detach().numpy().copy() for k, v in model.state_dict().items()})
    assert best is not None
    return best[1], history


def export_keys(directory: Path) -> Path:
    """Write ``KEYS_FILE`` of a model folder from its ``pointer.npz``: the keys' product ``hidden @ both`` as an
    onnxruntime graph with 8-bit weights (one scale per column) and activations quantised per call, stamped with
    ``digest(both)``.  The run time reads it through ``Weights.load``; its keys are within about 1% of numpy's
    fp32 product (PolNeAR dev scores unchanged to two decimals).  Weights and activations are both unsigned
    (onnxruntime's U8U8 kernel): with signed weights, x86 CPUs without VNNI (AVX2 alone: AMD EPYC Zen 3 here)
    add pairs of products in saturating 16-bit sums, and the keys strayed up to 2.5% of their largest value
    (3.4% with random weights), against 0.6% now on any CPU."""
    import logging
    import tempfile

    import onnx
    from onnx import TensorProto, helper, numpy_helper
    from onnxruntime.quantization import QuantType, quantize_dynamic

    weights = Weights.load(directory)
    if weights is None:
        raise FileNotFoundError(f"{directory / POINTER_FILE}: no pointers to export")
    both = weights.both
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["hidden", "both"], ["edges"])], "pointer_keys",
        [helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["n", both.shape[0]])],
        [helper.make_tensor_value_info("edges", TensorProto.FLOAT, ["n", both.shape[1]])],
        [numpy_helper.from_array(both, "both")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=IR_VERSION)
    out = directory / KEYS_FILE
    with tempfile.TemporaryDirectory() as tmp:
        fp32, int8 = Path(tmp) / "fp32.onnx", Path(tmp) / "int8.onnx"
        onnx.save(model, str(fp32))
        root = logging.getLogger()
        level = root.level
        root.setLevel(logging.ERROR)  # quantize_dynamic logs its advice to pre-process a CNN's graph
        try:
            quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QUInt8, per_channel=True)
        finally:
            root.setLevel(level)
        q = onnx.load(str(int8))
    q.ir_version = IR_VERSION
    helper.set_model_props(q, {"both_sha256": digest(both)})
    out.write_bytes(q.SerializeToString())
    return out


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if argv[:1] == ["--keys-of"]:
        if len(argv) != 2:
            print("usage: python -m reportedly.training.pointer --keys-of DIR", file=sys.stderr)
            return 2
        try:
            log(f"wrote {export_keys(Path(argv[1]))}")
        except Exception as e:  # a folder without pointers: one line, no traceback
            print(f"error: {argv[1]}: {e}", file=sys.stderr)
            return 1
        return 0
    ap = argparse.ArgumentParser(prog="python -m reportedly.training.pointer", description=__doc__.split("\n")[0])
    ap.add_argument("train_dir", type=Path)
    ap.add_argument("dev_dir", type=Path)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    ap.add_argument("--install", action="store_true", help="copy the result into models/tagger/")
    ap.add_argument("--fold", default=None, metavar="K/N",
                    help="train on the train articles i with i %% N == K only: pointers that read the other "
                         "articles as unseen text, for training the content ranker (training.attributions)")
    a = ap.parse_args(argv)
    if a.install and a.fold:
        ap.error("--install takes the pointers trained on all of train, not a fold's")
    fold = fold_of(ap, a.fold)
    a.out_dir.mkdir(parents=True, exist_ok=True)
    model = a.out_dir / "tagger.onnx"
    with_hidden(MODEL_DIR / "tagger.onnx", model)
    t0 = time.time()
    states, ex = read_split(model, a.train_dir)
    if fold is not None:
        ex = ex[ex[:, 0] % fold[1] == fold[0]]
    dev_states, dev_ex = read_split(model, a.dev_dir)
    log(f"read {len(states)} train articles ({len(ex)} examples), {len(dev_states)} dev ({len(dev_ex)}): "
        f"{time.time() - t0:.0f} s")
    weights, history = train(states, ex, dev_states, dev_ex, a.epochs, log)
    arrays: dict[str, Any] = {k: v.astype(np.float16) for k, v in weights.items()}  # read back as float32
    arrays["tagger_sha256"] = np.frombuffer(hashlib.sha256(model.read_bytes()).digest(), dtype=np.uint8)
    np.savez(a.out_dir / POINTER_FILE, **arrays)
    export_keys(a.out_dir)
    record = {"epochs": a.epochs, "lr": LR, "batch": BATCH, "seed": SEED, "fold": a.fold, "history": history}
    (a.out_dir / "pointer.json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    log(f"done in {(time.time() - t0) / 60:.1f} min; files in {a.out_dir}")
    if a.install:
        for name in ("tagger.onnx", POINTER_FILE, KEYS_FILE):
            shutil.copyfile(a.out_dir / name, MODEL_DIR / name)
        log(f"installed into {MODEL_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
