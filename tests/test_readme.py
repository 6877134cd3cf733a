"""The README opens with the two set-up commands, and .ci/run runs the second one."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", text, flags=re.S)
    return [b.strip() for b in blocks[:2]]


def test_readme_starts_with_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = text.index("```")
    # nothing but the title and a short line or two before the commands
    assert len(text[:first_block].strip().splitlines()) <= 6
    install_run, install_test = readme_commands()
    assert "reportedly analyze examples/" in install_run
    assert "pytest" in install_test
    for cmd in (install_run, install_test):
        assert "\n" not in cmd, "each set-up command is one line"


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    last = [ln for ln in ci.splitlines() if ln.strip() and not ln.startswith("#")][-1]
    assert last.replace(" -q", "") == readme_commands()[1].replace(" -q", "")
