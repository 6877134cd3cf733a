"""The rewrite of the exported tagger graph (``training.graph``): attention fused into one op a layer.

A small graph of the shape torch exports (two heads of four dimensions, the padding mask's bias added
before the softmax) is built with ``onnx`` and fused; onnxruntime runs both.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from reportedly.find.attributions import tagger as tg
from reportedly.training import graph

onnx = pytest.importorskip("onnx")  # in the [test] extra; guard for a bare install
from onnx import TensorProto, helper, numpy_helper  # noqa: E402

D, HEADS = 8, 2


def attention_graph(seed: int = 0) -> bytes:
    """``input_ids`` -> embedding -> one attention block (torch's op chain) -> ``logits`` [1, n, D]."""
    rng = np.random.default_rng(seed)
    inits = [numpy_helper.from_array(rng.normal(size=(50, D)).astype(np.float32), "emb")]
    nodes = [helper.make_node("Gather", ["emb", "input_ids"], ["x"])]
    const = lambda name, a: nodes.append(  # noqa: E731
        helper.make_node("Constant", [], [name], value=numpy_helper.from_array(np.asarray(a), name + "_v")))
    const("heads_shape", np.array([1, -1, HEADS, D // HEADS], dtype=np.int64))
    const("back_shape", np.array([1, -1, D], dtype=np.int64))
    const("scale", np.float32(1 / np.sqrt(D // HEADS)))
    const("one", np.float32(1.0))
    const("big", np.float32(-10000.0))
    const("axes", np.array([1, 2], dtype=np.int64))
    for p in "qkv":
        inits += [numpy_helper.from_array(rng.normal(size=(D, D)).astype(np.float32) / 3, f"w{p}"),
                  numpy_helper.from_array(rng.normal(size=D).astype(np.float32) / 3, f"b{p}")]
        nodes += [helper.make_node("MatMul", ["x", f"w{p}"], [f"{p}0"]),
                  helper.make_node("Add", [f"b{p}", f"{p}0"], [p]),
                  helper.make_node("Reshape", [p, "heads_shape"], [f"{p}h"])]
    nodes += [
        helper.make_node("Transpose", ["qh"], ["qt"], perm=[0, 2, 1, 3]),
        helper.make_node("Transpose", ["kh"], ["kt"], perm=[0, 2, 3, 1]),
        helper.make_node("Transpose", ["vh"], ["vt"], perm=[0, 2, 1, 3]),
        helper.make_node("Cast", ["attention_mask"], ["maskf"], to=TensorProto.FLOAT),
        helper.make_node("Sub", ["one", "maskf"], ["inv"]),
        helper.make_node("Unsqueeze", ["inv", "axes"], ["inv4"]),
        helper.make_node("Mul", ["inv4", "big"], ["bias"]),
        helper.make_node("MatMul", ["qt", "kt"], ["qk"]),
        helper.make_node("Mul", ["qk", "scale"], ["qks"]),
        helper.make_node("Add", ["qks", "bias"], ["att"]),
        helper.make_node("Softmax", ["att"], ["p"], axis=-1),
        helper.make_node("MatMul", ["p", "vt"], ["ctx"]),
        helper.make_node("Transpose", ["ctx"], ["ctxt"], perm=[0, 2, 1, 3]),
        helper.make_node("Reshape", ["ctxt", "back_shape"], ["ctxr"]),
        helper.make_node("Add", ["x", "ctxr"], ["logits"]),
    ]
    g = helper.make_graph(
        nodes, "attention",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, [1, None]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, [1, None])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, None, D])],
        inits,
    )
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)])
    m.ir_version = 8
    return m.SerializeToString()


def run(model: bytes, ids: np.ndarray) -> np.ndarray:
    s = tg.session(model)
    return s.run(None, tg.feed(s, ids))[0]


def test_fused_attention_computes_what_the_chain_did() -> None:
    before = attention_graph()
    m = onnx.load_from_string(before)
    assert graph.fuse_attention(m, heads=HEADS) == 1
    ops = [n.op_type for n in m.graph.node]
    assert ops.count("MultiHeadAttention") == 1
    assert not {"Softmax", "Transpose"} & set(ops)
    assert [i.name for i in m.graph.input] == ["input_ids"]  # the mask had no other reader
    ids = np.array([[3, 14, 15, 9, 26, 5, 35, 8, 9, 7, 9, 32]], dtype=np.int64)
    a, b = run(before, ids), run(m.SerializeToString(), ids)
    assert np.abs(a - b).max() < 1e-4


def test_a_graph_without_attention_is_refused_in_one_line(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    m = onnx.load_from_string(attention_graph())
    graph.fuse_attention(m, heads=HEADS)
    fused = tmp_path / "fused.onnx"
    fused.write_bytes(m.SerializeToString())
    with pytest.raises(graph.NoAttention):
        graph.fuse_attention(onnx.load(str(fused)), heads=HEADS)
    not_onnx = tmp_path / "notes.onnx"
    not_onnx.write_text("not a graph", encoding="utf-8")
    for src in (fused, not_onnx):
        assert graph.main([str(src), str(tmp_path / "out.onnx")]) == 1
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith(f"error: {src}")
    assert not (tmp_path / "out.onnx").exists()


def test_rewrite_checks_the_fused_graph_against_the_original(tmp_path: Path) -> None:
    src = tmp_path / "a.onnx"
    src.write_bytes(attention_graph(seed=1))
    diff = graph.rewrite(src, tmp_path / "b.onnx", heads=HEADS, vocab=50)
    assert diff < 1e-4
    assert b"MultiHeadAttention" in (tmp_path / "b.onnx").read_bytes()


def test_check_refuses_a_fused_graph_that_computes_something_else() -> None:
    before = attention_graph(seed=2)
    wrong = onnx.load_from_string(before)
    graph.fuse_attention(wrong, heads=1)  # one head of eight dimensions where the chain has two of four
    with pytest.raises(ValueError, match="other logits"):
        graph.check(before, wrong.SerializeToString(), vocab=50)
