"""The pipeline multiplies its matrices with numpy's BLAS: same annotations as spaCy's own blis."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from thinc.api import Model, NumpyOps

from conftest import annotations, paragraphs, shared_path
from reportedly.nlp import MODEL_NAMES, load_pipeline, one_blas_thread, use_numpy_gemm

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))


def _stock() -> Any:
    for n in MODEL_NAMES:
        try:
            return importlib.import_module(n).load()
        except ImportError:
            continue
    pytest.skip("no English pipeline")


@pytest.fixture(scope="module")
def stock() -> Any:
    """The pipeline as spaCy ships it (blis), loaded apart from load_pipeline's cached one."""
    return _stock()


def _ops(nlp: Any) -> list[Any]:
    models = [getattr(proc, "model", None) for _, proc in nlp.pipeline]
    return [node.ops for m in models if isinstance(m, Model) for node in m.walk()]


def test_loaded_pipeline_uses_numpy_matrix_products(nlp: Any, stock: Any) -> None:
    ours = _ops(nlp)
    assert ours and all(isinstance(o, NumpyOps) and not o.use_blis for o in ours)
    assert all(o.use_blis for o in _ops(stock)), "spaCy's default is blis; the stock copy must be untouched"


def test_use_numpy_gemm_changes_every_layer_once() -> None:
    other = _stock()
    n_layers = len(_ops(other))
    assert use_numpy_gemm(other) == n_layers
    assert use_numpy_gemm(other) == 0  # already switched


def test_same_annotations_as_blis_on_the_examples(nlp: Any, stock: Any) -> None:
    paras = paragraphs([p.read_text(encoding="utf-8") for p in EXAMPLES])
    with one_blas_thread():
        assert annotations(nlp.pipe(paras)) == annotations(stock.pipe(paras))


def test_same_annotations_as_blis_on_real_news(nlp: Any, stock: Any) -> None:
    d = shared_path("allsides", "articles.jsonl")
    import json

    with open(d, encoding="utf-8") as fh:
        texts = [json.loads(line).get("text") or "" for _, line in zip(range(40), fh, strict=False)]
    paras = paragraphs([t for t in texts if t])
    with one_blas_thread():
        assert annotations(nlp.pipe(paras)) == annotations(stock.pipe(paras))


def test_one_blas_thread_limits_and_restores() -> None:
    from threadpoolctl import threadpool_info

    def blas_threads() -> list[int]:
        return [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]

    before = blas_threads()
    with one_blas_thread():
        assert all(n == 1 for n in blas_threads())
    assert blas_threads() == before


def test_env_keeps_blis() -> None:
    code = (
        "from reportedly.nlp import load_pipeline\n"
        "nlp = load_pipeline()\n"
        "ms = [getattr(p, 'model', None) for _, p in nlp.pipeline]\n"
        "print(all(n.ops.use_blis for m in ms if m is not None for n in m.walk()))\n"
    )
    env = {**os.environ, "REPORTEDLY_GEMM": "blis"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.strip() == "True"
    assert load_pipeline() is load_pipeline()


def test_loading_the_pipeline_raises_the_collectors_threshold_and_never_lowers_it(nlp) -> None:  # type: ignore[no-untyped-def]
    import gc

    from reportedly.nlp.load import COLLECTOR_THRESHOLD, settle_collector

    before = gc.get_threshold()
    try:
        assert gc.get_threshold()[0] >= COLLECTOR_THRESHOLD  # the session's pipeline was loaded by the fixture
        gc.set_threshold(700, before[1], before[2])
        settle_collector()
        assert gc.get_threshold() == (COLLECTOR_THRESHOLD, before[1], before[2])
        gc.set_threshold(5 * COLLECTOR_THRESHOLD, before[1], before[2])
        settle_collector()
        assert gc.get_threshold()[0] == 5 * COLLECTOR_THRESHOLD
        gc.set_threshold(0)  # collection turned off by the process: left so
        settle_collector()
        assert gc.get_threshold()[0] == 0
    finally:
        gc.set_threshold(*before)
