"""Real reports validate against the JSON Schema, and every span lies inside article.text."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportedly import Report, Settings, analyze, article_from_text, read_inputs
from reportedly.errors import InputError
from reportedly.model import Article

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(resources.files("reportedly").joinpath("report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def all_spans(d: dict[str, Any]) -> list[tuple[str, list[int]]]:
    out: list[tuple[str, list[int]]] = []
    for b in d["article"]["blocks"]:
        out.append(("block", [b["start"], b["end"]]))
    for e in d["entities"]:
        out += [("mention", s) for s in e["mentions"]] + [("role", s) for s in e.get("role_spans", [])]
    for a in d["attributions"]:
        for k in ("source", "cue", "content", "addressee"):
            out += [(k, s) for s in a.get(k, [])]
    for c in d["chains"]:
        out += [("hop", h["span"]) for h in c["hops"] if h.get("span")]
    out += [("credit", c["span"]) for c in d["credits"] if c.get("span")]
    for h in d["hedges"]:
        out.append(("hedge", h["cue"]))
        if h.get("scope"):
            out.append(("scope", h["scope"]))
    out += [("voice", v["span"]) for v in d["voice"]]
    out += [("time", t["span"]) for t in d.get("times", [])]
    out += [("claim", c["span"]) for c in d.get("claims", [])]
    return out


def check_report(r: Report, validator: jsonschema.Draft202012Validator) -> None:
    d = json.loads(r.to_json())
    errors = sorted(validator.iter_errors(d), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    n = len(d["article"]["text"])
    for what, (s, e) in all_spans(d):
        assert 0 <= s <= e <= n, f"{what} span {(s, e)} outside text of length {n}"
    ids = {a["id"] for a in d["attributions"]}
    assert len(ids) == len(d["attributions"])
    for c in d["chains"]:
        assert c["attribution"] is None or c["attribution"] in ids
    assert Report.from_dict(d) == r


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_reports_validate(path: Path, validator: jsonschema.Draft202012Validator) -> None:
    (article,) = list(read_inputs([str(path)]))
    assert isinstance(article, Article)
    assert article.text == path.read_text(encoding="utf-8")
    check_report(analyze(article), validator)


def test_seed_report_validates(seed_report: Report, validator: jsonschema.Draft202012Validator) -> None:
    check_report(seed_report, validator)


# Text built from news-like pieces, quote marks, odd punctuation and noise.
_pieces = st.sampled_from(
    [
        "The minister said", " that ", "“We will fight,”", " he told Reuters.", "\n\n", " according to KCNA",
        ", the spokesman said.", "\"", "“", "”", " — ", "(Credit: Reuters)", " reportedly ", "Kim Jong Un",
        " was quoted by state media as saying ", " Monday ", "Hong Min, a senior analyst at the institute,",
        " the regime ", ":", "'", "\u00a0", " ", "\t", ".", "It is understood", " allegedly ",
    ]
)
_noise = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)
texts = st.lists(_pieces | _noise, min_size=1, max_size=40).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_no_generated_input_crashes_analyze(text: str) -> None:
    lenient = Settings(check_language=False)
    try:
        article = article_from_text(text, settings=lenient)
    except InputError:
        return  # refused with a clear error (empty, control characters): fine
    r = analyze(article, settings=lenient)
    assert r.article.text == text
    d = json.loads(r.to_json())
    n = len(text)
    for what, (s, e) in all_spans(d):
        assert 0 <= s <= e <= n, (what, s, e)
