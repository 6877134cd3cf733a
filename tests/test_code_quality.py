"""ruff and mypy (strict on the package) are part of the test suite, as CI runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff() -> None:
    pytest.importorskip("ruff")
    paths = [p for p in ("src", "tests", "benchmarks", "eval", "examples") if (ROOT / p).exists()]
    res = _run("ruff", "check", "--output-format", "concise", *paths)
    assert res.returncode == 0, res.stdout + res.stderr


def test_mypy_strict_on_the_package() -> None:
    pytest.importorskip("mypy")
    res = _run("mypy")
    assert res.returncode == 0, res.stdout + res.stderr
