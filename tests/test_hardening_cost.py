"""Cost stays bounded on pathological inputs the default limits accept (issue 17, item 4), and
``analyze`` keeps its invariants on generated texts."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import textwrap
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportedly import analyze
from reportedly.errors import InputError
from reportedly.model import Report
from reportedly.nlp.parse import MAX_PIECE_CHARS, MAX_RUN_CHARS, pieces

# The three shapes of the issue, at full size: 100,000 short lines, one 900 kB paragraph without
# punctuation, 10,000 quote marks (with "said" among them, the costliest mix we found); and 30,000
# one-line attributions ("Kim said water."), which were quadratic in the chains, claims and sources; and 8,000
# quotes said by a pronoun after two names, which were quadratic in the pronouns' antecedents (every earlier
# mention and segment walked per pronoun); and 3,000 relays ("According to Reuters, the agency said ..., the paper
# reported"), which were quadratic in the relays folded and the chains borrowed.
SHAPES = {
    "lines": "''.join(r.choice(W)[:5] + '\\n' for _ in range(int(100_000 * S)))",
    "paragraph": "' '.join(r.choice(W) for _ in range(int(120_000 * S)))",
    "quotes": "''.join('\\u201c' + r.choice(W) + ' ' + ('said ' if i % 7 == 0 else '') for i in range(int(10_000 * S)))",
    "said_lines": "''.join(r.choice(['Kim', 'Officials', 'Police']) + ' said ' + r.choice(W) + '.\\n' for _ in range(int(30_000 * S)))",
    "pronoun_quotes": "''.join(r.choice(['Kim', 'Lee', 'Park', 'Trump', 'Xi']) + ' met ' + r.choice(['Moon', 'Biden', 'Putin']) + '. \\u201c' + r.choice(W) + ' ' + r.choice(W) + ',\\u201d ' + r.choice(['he', 'she', 'they', 'it']) + ' said. ' + ('\\n\\n' if i % 5 == 4 else '') for i in range(int(8_000 * S)))",
    "according_lines": "''.join('According to ' + r.choice(['Reuters', 'Yonhap', 'the Associated Press', 'KCNA']) + ', ' + r.choice(['the newspaper', 'the agency', 'it']) + ' said ' + r.choice(W) + ' ' + r.choice(W) + ', the ' + r.choice(['paper', 'agency']) + ' reported. ' + ('\\n\\n' if i % 3 == 2 else '') for i in range(int(3_000 * S)))",
    "mixed_quotes": "''.join(r.choice('\\u201c\\u201d\"') + r.choice(W)[:4] + ' ' + r.choice(W)[:5] + ' ' for _ in range(int(10_000 * S)))",
}

_PROBE = """
import json, random, resource, sys, time
from reportedly import analyze
from reportedly.batch import peak_rss_mb
from reportedly.nlp import load_pipeline
nlp = load_pipeline()
W = "the people government minister said city council water report new year police plan money school".split()
r = random.Random(1)
S = float(sys.argv[1])
text = {expr}
t0 = time.process_time()
analyze(text, nlp=nlp)
cpu = time.process_time() - t0
sample = text[:40_000]  # this machine's speed: the same spaCy pipeline alone on the text's start, scaled to all of it
t1 = time.process_time()
list(nlp.pipe([sample]))
parse = (time.process_time() - t1) * len(text) / max(len(sample), 1)
print(json.dumps({{"chars": len(text), "cpu": cpu, "mb": peak_rss_mb(), "parse": parse}}))
"""


@pytest.mark.slow
@pytest.mark.parametrize(
    "shape",
    [
        "according_lines",
        "lines",
        "mixed_quotes",
        "paragraph",
        "pronoun_quotes",
        "quotes",
        "said_lines",
    ],
)
def test_pathological_shapes_cost_about_linear_time_and_bounded_memory(shape: str) -> None:
    """Each shape at half and at full size, each in a fresh process (CPU seconds of ``analyze``, peak memory).

    Undisturbed, the full sizes take 2.5-27 s CPU on this 2-core machine (the 30 s asked for; the
    closing note of issue 17 has the figures).  CPU time on a shared machine drifts with what else
    runs (the 100,000-lines shape measured 40.7 s while an ingest ran beside the suite), so the test
    holds each shape to memory, to growth (full / half at most 2.6: linear is 2, quadratic 4) and to
    a guard of twice the 30 s, not to the 30 s itself.  On a slower CPU the guard grows with it: at most
    four times what spaCy alone takes to parse the text (estimated from its first 40,000 characters in
    the same process).  On an AMD EPYC Zen 3 (2026-12-07; no VNNI, where the int8 tagger runs at half
    speed) the 30,000 one-line attributions took 50-64 s against 27 s for spaCy alone.
    """

    def run(scale: float) -> dict[str, float]:
        code = textwrap.dedent(_PROBE.format(expr=SHAPES[shape]))
        out = subprocess.run(
            [sys.executable, "-c", code, str(scale)], capture_output=True, text=True, timeout=600, check=True
        )
        got: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
        return got

    half, full = run(0.5), run(1.0)
    assert full["mb"] <= 1536, full
    assert full["cpu"] <= max(60, 4 * full["parse"]), full
    assert full["cpu"] <= 2.6 * max(half["cpu"], 0.5), (half, full)


def test_pieces_cover_the_text_exactly() -> None:
    text = ("word " * 3000 + "Done. " + "x" * 70_000 + "\n" + "line\n" * 20_000)
    spans = pieces(text)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert all(0 < e - s <= MAX_PIECE_CHARS for s, e in spans)
    assert all(0 < e - s <= MAX_RUN_CHARS for s, e in pieces(text, MAX_RUN_CHARS))


def test_long_block_is_parsed_in_pieces_with_exact_offsets(nlp: Any) -> None:
    body = " ".join(["the minister said the plan would fail"] * 2000)  # one 76 kB run, no sentence end
    report = analyze("Headline here\n\n" + body + ".", nlp=nlp)
    _check(report)


WORDS = st.sampled_from(
    ["said", "according to", "the", "minister", "Kim", "John Smith", "Reuters", "told", "police", "claimed",
     "may", "allegedly", "on Monday", "2024", "42", "percent", "report", "Officials", "AP", "a", "plan"]
)
PUNCT = st.sampled_from([".", ",", ":", ";", "?", "!", " -", " —", "(", ")", "“", "”", '"', "'", "‘", "’", "\n", "\n\n"])
CLAUSES = st.sampled_from(
    ["Kim said the plan failed.", "“We will win,” John Smith told Reuters.", "According to AP, police said",
     "Officials claimed that", "the minister said on Monday", "“It is over", "” he said."]
)
PIECE = st.one_of(WORDS, WORDS, PUNCT, CLAUSES, st.text(alphabet="abcXYZ .\"“”\n", max_size=6))


def _spans(report: Report) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a in report.attributions:
        out += [*a.source, *a.cue, *a.content, *a.addressee]
    for e in report.entities:
        out += [*e.mentions, *e.role_spans]
    for h in report.hedges:
        out += [h.cue] + ([h.scope] if h.scope else [])
    out += [v.span for v in report.voice] + [t.span for t in report.times]
    for c in report.claims:
        out += [c.span, *c.cues]
    out += [hop.span for ch in report.chains for hop in ch.hops if hop.span is not None]
    out += [cr.span for cr in report.credits if cr.span is not None]
    out += [(b.start, b.end) for b in report.article.blocks]
    return out


def _check(report: Report) -> None:
    n = len(report.article.text)
    for s, e in _spans(report):
        assert 0 <= s <= e <= n, (s, e, n)
    for ch in report.chains:
        assert ch.hops and ch.hops[-1].role == "publisher", ch
    assert Report.from_dict(json.loads(report.to_json())) == report


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(PIECE, min_size=1, max_size=80))
def test_analyze_invariants_on_generated_text(nlp: Any, parts: list[str]) -> None:
    text = " ".join(parts)
    try:
        report = analyze(text, nlp=nlp)
    except InputError:
        return  # empty or not English: refused, as it should be
    _check(report)
