"""FastRules gives exactly the annotations of spaCy's attribute_ruler + lemmatizer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import annotations, paragraphs, shared_path
from reportedly import Settings, analyze, article_from_text
from reportedly.nlp import pipe
from reportedly.nlp.fast_rules import FastRules

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))


def test_the_bundled_model_is_supported(nlp: Any) -> None:
    assert FastRules.supports(nlp)


def test_same_annotations_on_the_examples(nlp: Any) -> None:
    paras = paragraphs([p.read_text(encoding="utf-8") for p in EXAMPLES])
    paras += ["Y'all gonna let's c'mon ain't nothin' there is gets got I you it  \n\t odd  spacing."]
    assert annotations(pipe(paras, nlp, fast_rules=True)) == annotations(nlp.pipe(paras))


def test_same_annotations_on_real_news(nlp: Any) -> None:
    d = shared_path("polnear", "dev", "text")
    paras = paragraphs([p.read_text(encoding="utf-8") for p in sorted(d.glob("*.txt"))[:20]])
    assert annotations(pipe(paras, nlp, fast_rules=True)) == annotations(nlp.pipe(paras))


def test_same_report_with_and_without(nlp: Any) -> None:
    text = EXAMPLES[0].read_text(encoding="utf-8")
    fast = analyze(article_from_text(text), nlp=nlp, settings=Settings(fast_rules=True))
    slow = analyze(article_from_text(text), nlp=nlp, settings=Settings(fast_rules=False))
    assert json.loads(fast.to_json()) == json.loads(slow.to_json())
