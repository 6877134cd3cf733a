"""The command line: formats, exit status, one error line per bad input, help and README."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from reportedly.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "wikinews-gm-chrysler-canadian-loans.txt"
OTHER = ROOT / "examples" / "wikinews-apple-iphone4-cases.txt"

runner = CliRunner()


def run(*args: str, input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


def test_json_one_article_is_one_object() -> None:
    res = run("analyze", str(EXAMPLE), "--format", "json")
    assert res.exit_code == 0, res.stderr
    d = json.loads(res.stdout)
    assert d["schema"] == "reportedly.report/1"
    assert d["article"]["text"] == EXAMPLE.read_text(encoding="utf-8")


def test_json_several_articles_is_a_list_in_input_order() -> None:
    res = run("analyze", str(EXAMPLE), str(OTHER), "--format", "json")
    assert res.exit_code == 0
    d = json.loads(res.stdout)
    assert [x["article"]["origin"] for x in d] == [str(EXAMPLE), str(OTHER)]


def test_jsonl_one_report_per_line() -> None:
    res = run("analyze", str(OTHER), str(EXAMPLE), "--format", "jsonl")
    assert res.exit_code == 0
    lines = res.stdout.splitlines()
    assert [json.loads(x)["article"]["origin"] for x in lines] == [str(OTHER), str(EXAMPLE)]


def test_text_report_has_every_section() -> None:
    res = run("analyze", str(EXAMPLE))
    assert res.exit_code == 0
    for section in ("Summary", "Anatomy", "People and organisations", "Attributions", "Relay chains",
                    "Credits", "Hedges", "Voice", "Times"):
        assert section in res.stdout


def test_bad_inputs_get_one_line_each_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (tmp_path / "latin1.txt").write_bytes("Le ministre a déclaré".encode("latin-1"))
    (tmp_path / "broken.html").write_text("<html><body><div><script>var a = 1;</script><p></b></div", encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        json.dumps({"id": "good", "text": EXAMPLE.read_text(encoding="utf-8")}) + "\n{oops\n", encoding="utf-8"
    )
    args = [str(tmp_path / n) for n in ("empty.txt", "binary.txt", "latin1.txt", "broken.html")]
    res = run("analyze", *args, str(corpus), str(EXAMPLE), "--format", "jsonl")
    assert res.exit_code == 1
    reports = [json.loads(x) for x in res.stdout.splitlines()]
    assert reports[0]["article"]["id"] == "good"
    assert len(reports) == 2
    errs = [x for x in res.stderr.splitlines() if x.startswith("reportedly: error: ")]
    assert len(errs) == 5, res.stderr
    assert f"{tmp_path / 'empty.txt'}: empty input" in errs[0]
    assert "binary" in errs[1]
    assert "not valid UTF-8" in errs[2]
    assert str(tmp_path / "broken.html") in errs[3]
    assert f"{corpus}:2: not JSON" in errs[4]
    assert "Traceback" not in res.stderr
    assert "2 analysed, 5 failed" in res.stderr


def test_stdin() -> None:
    res = run("analyze", "-", "--format", "json", input=EXAMPLE.read_bytes())
    assert res.exit_code == 0
    d = json.loads(res.stdout)
    assert isinstance(d, list) and d[0]["article"]["origin"] == "<stdin>"


def test_unknown_setting_in_config_is_a_usage_error(tmp_path: Path) -> None:
    cfg = tmp_path / "r.toml"
    cfg.write_text("[reportedly]\nmax_byts = 3\n", encoding="utf-8")
    res = run("analyze", str(EXAMPLE), "--config", str(cfg))
    assert res.exit_code == 2
    assert "unknown setting 'max_byts'" in res.stderr


def _commands(group: Any, prefix: str = "") -> list[str]:
    # typer vendors its own click, so groups are recognised by their commands
    out: list[str] = []
    for name, cmd in sorted(group.commands.items()):
        full = f"{prefix}{name}"
        if hasattr(cmd, "commands"):
            out += _commands(cmd, full + " ")
        else:
            out.append(full)
    return out


COMMANDS = _commands(get_command(app))


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(command: str) -> None:
    res = run(*command.split(), "--help")
    assert res.exit_code == 0
    assert "Usage:" in res.stdout
    cmd: Any = get_command(app)
    for part in command.split():
        cmd = cmd.commands[part]
    assert (cmd.help or "").strip(), f"`reportedly {command}` has no help text"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"reportedly {re.escape(command)}\b", readme), f"`reportedly {command}` not in README"


def test_installed_entry_point_runs_as_a_process() -> None:
    exe = Path(sys.executable).parent / "reportedly"
    if not exe.exists():
        pytest.skip("console script not installed in this environment")
    res = subprocess.run([str(exe), "analyze", str(EXAMPLE), "--format", "json"], capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["schema"] == "reportedly.report/1"
    res = subprocess.run([str(exe), "analyze", "/nonexistent/file.txt"], capture_output=True, text=True, timeout=300)
    assert res.returncode == 1
    assert res.stderr.strip().splitlines()[0] == "reportedly: error: /nonexistent/file.txt: no such file or directory"


def test_metadata_options_fill_what_plain_text_lacks() -> None:
    res = run("analyze", str(EXAMPLE), "--format", "json", "--outlet", "Wikinews", "--url", "https://en.wikinews.org/x")
    assert res.exit_code == 0
    d = json.loads(res.stdout)
    assert d["article"]["outlet"] == "Wikinews"
    assert d["article"]["url"] == "https://en.wikinews.org/x"
    assert all(c["hops"][-1]["name"] == "Wikinews" for c in d["chains"])
    res = run("analyze", str(EXAMPLE), "--published", "last tuesday")
    assert res.exit_code == 2
    assert "--published: 'last tuesday' is not a date" in res.stderr
