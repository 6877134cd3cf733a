"""The content pointers: where a cue's content starts and ends, read over the tagger's hidden states."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from conftest import parse_text
from reportedly.find.attributions import pointer as pt
from reportedly.find.attributions import tagger as tg
from reportedly.find.attributions.candidates import candidates
from reportedly.find.attributions.content import content_options
from reportedly.find.attributions.quotes import QuoteIndex
from reportedly.settings import Settings

TWO = "Smith said the plan would fail badly, and Jones said it would work."


def _random_weights(seed: int = 0) -> pt.Weights:
    rng = np.random.default_rng(seed)
    w = {"q.weight": rng.normal(size=(2 * pt.DIM, pt.HIDDEN)), "q.bias": rng.normal(size=2 * pt.DIM),
         "dist.weight": rng.normal(size=(pt.BUCKETS, 2))}
    for x in "se":
        w[f"k{x}.weight"], w[f"k{x}.bias"] = rng.normal(size=(pt.DIM, 2 * pt.HIDDEN)), rng.normal(size=pt.DIM)
        w[f"u{x}.0.weight"], w[f"u{x}.0.bias"] = rng.normal(size=(pt.MLP, 2 * pt.HIDDEN)), rng.normal(size=pt.MLP)
        w[f"u{x}.2.weight"], w[f"u{x}.2.bias"] = rng.normal(size=(1, pt.MLP)), rng.normal(size=1)
    return pt.Weights({k: (v / 20).astype(np.float32) for k, v in w.items()}, "")


def test_keys_read_each_wordpiece_with_its_neighbour() -> None:
    # the one-product form of the runtime against the plain formula: [h_j-1; h_j] for a start, [h_j; h_j+1] for an end
    w = _random_weights()
    h = np.random.default_rng(1).normal(size=(9, pt.HIDDEN)).astype(np.float32)
    zero = np.zeros((1, pt.HIDDEN), np.float32)
    pairs = {"s": np.concatenate([np.concatenate([zero, h[:-1]]), h], 1), "e": np.concatenate([h, np.concatenate([h[1:], zero])], 1)}
    keys = w.keys(h)
    for r, x in enumerate("se"):
        k = (pairs[x] @ w.w[f"k{x}.weight"].T + w.w[f"k{x}.bias"]) / np.sqrt(pt.DIM)
        pre = pairs[x] @ w.w[f"u{x}.0.weight"].T + w.w[f"u{x}.0.bias"]
        gelu = 0.5 * pre * (1 + np.tanh(np.sqrt(2 / np.pi) * (pre + 0.044715 * pre**3)))
        u = (gelu @ w.w[f"u{x}.2.weight"].T)[:, 0] + w.w[f"u{x}.2.bias"][0]
        assert np.allclose(keys[:, r, : pt.DIM], k, atol=1e-4)
        assert np.allclose(keys[:, r, pt.DIM], u, atol=1e-4)


def test_reach_is_a_distribution_around_the_cue_and_never_on_it() -> None:
    w = _random_weights()
    n = 2 * pt.RADIUS + 50
    h = np.random.default_rng(2).normal(size=(n, pt.HIDDEN)).astype(np.float32)
    keys = w.keys(h)
    r = pt.reach(w, h, keys, 20, 22)
    assert r.lo == 0 and len(r.prob) == 23 + pt.RADIUS
    assert np.allclose(r.prob.sum(axis=0), 1.0, atol=1e-5)
    assert all(r.start(k) == 0.0 and r.end(k) == 0.0 for k in (20, 21, 22))
    assert r.end(23 + pt.RADIUS) == 0.0 and r.start(-1) == 0.0  # outside the window
    late = pt.reach(w, h, keys, n - 30, n - 30)
    assert late.lo == n - 30 - pt.RADIUS and late.lo + len(late.prob) == n


def test_distance_buckets_tell_before_from_after() -> None:
    d = np.array([-100, -16, -3, -1, 0, 1, 2, 4, 8, 16, 41])
    assert pt.distance_buckets(d).tolist() == [11, 11, 8, 7, 0, 1, 2, 3, 4, 5, 5]
    assert pt.distance_buckets(d).max() < pt.BUCKETS


def test_shipped_pointers_tell_two_contents_of_one_sentence_apart() -> None:
    tags = tg.load().tag(TWO)
    assert tags.pointers is not None and tags.hidden is not None
    assert tags.hidden.shape == (len(tags.offsets), pt.HIDDEN)
    for cue, first, last in (("said the", "the", "badly"), ("said it", "it", "work")):
        at = TWO.index(cue)
        r = tags.reach([(at, at + 4)])
        assert r is not None
        starts = {k: r.start(k) for k in range(len(tags.offsets))}
        ends = {k: r.end(k) for k in range(len(tags.offsets))}
        best_start, best_end = max(starts, key=starts.__getitem__), max(ends, key=ends.__getitem__)
        assert TWO[slice(*tags.offsets[best_start])] == first
        assert TWO[slice(*tags.offsets[best_end])] == last


def test_the_accurate_rankers_options_carry_the_pointers_view(nlp) -> None:  # type: ignore[no-untyped-def]
    parsed = parse_text(nlp, TWO, Settings(check_language=False))
    cand = next(c for seg in parsed.segments for c in candidates(seg, frozenset({"say"})) if c.head.text == "said")
    opts = content_options(cand, QuoteIndex(parsed.text), tg.tag_parsed(parsed))
    assert len(opts) > 1
    assert all(sum(f.startswith("e:ptr=") for f in o.feats) == 1 for o in opts[:5])
    assert all(sum(f.startswith("s:ptr=") for f in o.feats) == 1 for o in opts[:5])
    assert any("e:ptrr=7" in o.feats for o in opts), "the best end of the options is marked"


def test_pointer_training_refuses_bad_folds_and_installing_a_fold() -> None:
    from reportedly.training import pointer as training

    for argv in (["t", "d", "o", "--fold", "2/2"], ["t", "d", "o", "--fold", "half"], ["t", "d", "o", "--fold", "0/2", "--install"]):
        with pytest.raises(SystemExit):
            training.main(argv)


def test_pointers_trained_over_another_tagger_are_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    for name in ("tagger.onnx", "tokenizer.json", "tagger.json"):
        shutil.copyfile(tg.MODEL_DIR / name, tmp_path / name)
    with np.load(tg.MODEL_DIR / pt.POINTER_FILE) as z:
        arrays = {k: z[k] for k in z.files}
    arrays["tagger_sha256"] = np.zeros(32, dtype=np.uint8)
    np.savez(tmp_path / pt.POINTER_FILE, **arrays)
    with pytest.raises(ValueError, match="another tagger"):
        tg.Tagger(tmp_path)
    (tmp_path / pt.POINTER_FILE).unlink()
    assert tg.Tagger(tmp_path).pointers is None  # a tagger without pointers still tags


def test_the_keys_product_runs_in_int8_from_the_model_folder_and_stays_near_fp32() -> None:
    weights = tg.load().pointers
    assert weights is not None and weights.product is not None, "the shipped folder has pointer_keys.onnx"
    plain = pt.Weights.load(tg.MODEL_DIR)  # no session maker: numpy's fp32 product
    assert plain is not None and plain.product is None
    h = tg.load().tag(TWO).hidden
    assert h is not None
    fast, exact = weights.keys(h), plain.keys(h)
    assert fast.shape == exact.shape == (len(h), 2, pt.DIM + 1)
    assert float(np.abs(fast - exact).max()) < 0.02 * float(np.abs(exact).max())
    assert weights.keys(np.zeros((0, pt.HIDDEN), np.float32)).shape == (0, 2, pt.DIM + 1)


def test_a_keys_file_is_made_from_the_folders_weights_and_refused_for_others(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reportedly.training.pointer import export_keys, main

    w = _random_weights()
    arrays: dict[str, Any] = {k: v.astype(np.float16) for k, v in w.w.items()}
    np.savez(tmp_path / pt.POINTER_FILE, **arrays)
    path = export_keys(tmp_path)
    assert path == tmp_path / pt.KEYS_FILE
    made = pt.Weights.load(tmp_path, tg.session)
    assert made is not None and made.product is not None
    h = np.random.default_rng(3).normal(size=(40, pt.HIDDEN)).astype(np.float32)
    fast, exact = made.keys(h), _without_product(made).keys(h)
    assert float(np.abs(fast - exact).max()) < 0.02 * float(np.abs(exact).max())
    arrays = {k: v.astype(np.float16) for k, v in _random_weights(seed=5).w.items()}
    np.savez(tmp_path / pt.POINTER_FILE, **arrays)
    with pytest.raises(ValueError, match="other pointer weights"):
        pt.Weights.load(tmp_path, tg.session)
    assert main(["--keys-of", str(tmp_path / "nowhere")]) == 1


def test_the_shipped_onnx_files_are_readable_by_the_oldest_onnxruntime_allowed_and_the_keys_are_remade_exactly(
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    """pyproject.toml allows onnxruntime 1.18, which reads ONNX IR 10 at most: a file written with onnx's own
    default IR (14 with onnx 1.23) fails to load there, and with it every article of the default profile.
    Both shipped graphs stay at IR ``pt.IR_VERSION``, and ``--keys-of`` makes the shipped keys' file again
    byte for byte from the shipped pointers."""
    import re
    import shutil

    onnx = pytest.importorskip("onnx")
    from reportedly.training.pointer import export_keys

    pyproject = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'"onnxruntime>=1\.18"', pyproject), "the floor changed: change the IR bound with it"
    for name in ("tagger.onnx", pt.KEYS_FILE):
        model = onnx.load(str(tg.MODEL_DIR / name), load_external_data=False)
        assert model.ir_version <= 10, name
        assert all(o.version <= 20 for o in model.opset_import if o.domain in ("", "ai.onnx")), name
    shutil.copyfile(tg.MODEL_DIR / pt.POINTER_FILE, tmp_path / pt.POINTER_FILE)
    made = export_keys(tmp_path)
    assert onnx.load(str(made)).ir_version == pt.IR_VERSION
    assert made.read_bytes() == (tg.MODEL_DIR / pt.KEYS_FILE).read_bytes()


def _without_product(w: pt.Weights) -> pt.Weights:
    """The same weights without the int8 product (numpy's fp32)."""
    import dataclasses

    return dataclasses.replace(w, product=None)
