"""The cue scorer: a logistic regression over features of a cue candidate.

``CueModel.load()`` reads ``reportedly/models/attribution/cue_model.json``
(trained by ``reportedly.training.attributions`` on PolNeAR train; see the model card
beside it): the cue lexicon (lemmas seen heading a cue), feature weights, a
bias and the decision threshold.  ``features(cand, quotes)`` turns one
``Candidate`` into string features; ``CueModel.score`` gives the probability
that the candidate heads an attribution.  Pure Python, no dependencies.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
from dataclasses import dataclass
from importlib import resources

from .quotes import QuoteIndex
from .spans import Candidate

MODEL_FILE = "cue_model.json"
_ZEROS = itertools.repeat(0.0)
"""The default weight of an unknown feature, for ``map(weights.get, feats, _ZEROS)``."""


def features(c: Candidate, quotes: QuoteIndex) -> list[str]:
    """String features of a candidate: its word, construction, source and content shape, quotes."""
    h = c.head
    doc = c.seg.view
    lem = h.lemma_.lower()
    pos = h.pos_
    src = "none"
    if c.source:
        i, j = c.source[0]
        sh = [t for t in doc[i:j] if t.head.i < i or t.head.i >= j or t.head.i == t.i]
        st = sh[0] if sh else doc[i]
        src = "pron" if st.pos_ == "PRON" else "propn" if st.pos_ == "PROPN" or st.ent_type_ in ("PERSON", "ORG") else "noun"
    clen = sum(j - i for i, j in c.content)
    clen_b = "0" if clen == 0 else "1" if clen == 1 else "2-3" if clen <= 3 else "4-8" if clen <= 8 else "9+"
    cs = c.seg.start
    head_q = quotes.inside(cs + h.idx, cs + h.idx + len(h.text))
    cq = 0.0
    spans = [(cs + doc[i].idx, cs + doc[j - 1].idx + len(doc[j - 1].text)) for i, j in c.content]
    spans += c.extra_content
    if spans:
        total = sum(b - a for a, b in spans)
        cq = sum(quotes.quoted_chars(a, b) for a, b in spans) / max(1, total)
    cq_b = "none" if cq == 0 else "all" if cq > 0.9 else "part"
    tag = h.tag_
    neg = any(k.dep_ == "neg" for k in h.children)
    f = [
        "bias",
        f"lem={lem}",
        f"lp={lem}|{pos}",
        f"pos={pos}",
        f"dep={h.dep_}",
        f"ld={lem}|{h.dep_}",
        f"pat={c.pattern}",
        f"rel={c.content_rel}",
        f"lr={lem}|{c.content_rel}",
        f"src={src}",
        f"ls={lem}|{src}",
        f"srel={c.source_rel}",
        f"rs={c.content_rel}|{src}",
        f"clen={clen_b}",
        f"lc={lem}|{clen_b}",
        f"hq={head_q}",
        f"lhq={lem}|{head_q}",
        f"dhq={h.dep_}|{head_q}",
        f"cq={cq_b}",
        f"rcq={c.content_rel}|{cq_b}",
        f"tag={tag}",
        f"lt={lem}|{tag}",
        f"pass={c.passive}",
        f"lpass={lem}|{c.passive}",
        f"neg={neg}",
        f"hd={h.head.lemma_.lower()}|{h.dep_}" if h.head.i != h.i else "hd=ROOT",
        f"addr={c.addressee is not None}",
        f"cuelen={min(4, c.cue[1] - c.cue[0])}",
    ]
    return f


@dataclass(frozen=True)
class CueModel:
    """Lexicon, weights, bias and threshold of the cue scorer."""

    lexicon: frozenset[str]
    weights: dict[str, float]
    threshold: float
    version: str

    def score(self, feats: list[str]) -> float:
        z = sum(map(self.weights.get, feats, _ZEROS))
        z = max(-30.0, min(30.0, z))
        return 1.0 / (1.0 + math.exp(-z))

    @staticmethod
    @functools.cache
    def load() -> CueModel:
        data = json.loads(resources.files("reportedly").joinpath("models", "attribution", MODEL_FILE).read_text(encoding="utf-8"))
        return CueModel.from_dict(data)

    @staticmethod
    def from_dict(data: dict[str, object]) -> CueModel:
        lex = data["lexicon"]
        w = data["weights"]
        assert isinstance(lex, list) and isinstance(w, dict)
        return CueModel(
            lexicon=frozenset(str(x) for x in lex),
            weights={str(k): float(v) for k, v in w.items()},
            threshold=float(str(data["threshold"])),
            version=str(data.get("version", "1")),
        )
