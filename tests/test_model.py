"""Report records: JSON and pickle round trips, the contract's JSON shape."""

from __future__ import annotations

import json
import pickle

from hypothesis import given
from hypothesis import strategies as st

from reportedly.model import (
    SCHEMA,
    Article,
    Attribution,
    Block,
    Chain,
    Claim,
    Credit,
    Entity,
    Hedge,
    Hop,
    Report,
    TimeExpr,
    Voice,
    span_text,
)

TEXT = "Kim said talks failed, according to Yonhap. (Credit: Reuters)"


def _spans(n: int) -> st.SearchStrategy[tuple[tuple[int, int], ...]]:
    one = st.tuples(st.integers(0, n), st.integers(0, n)).map(lambda p: (min(p), max(p)))
    return st.lists(one, max_size=3).map(tuple)


def _span(n: int) -> st.SearchStrategy[tuple[int, int]]:
    return st.tuples(st.integers(0, n), st.integers(0, n)).map(lambda p: (min(p), max(p)))


names = st.text(min_size=1, max_size=12)
conf = st.floats(0, 1, allow_nan=False)


@st.composite
def reports(draw: st.DrawFn) -> Report:
    text = draw(st.text(min_size=1, max_size=60))
    n = len(text)
    art = Article(
        text=text,
        id=draw(st.text(min_size=1, max_size=8)),
        outlet=draw(st.none() | names),
        authors=tuple(draw(st.lists(names, max_size=2))),
        published=draw(st.none() | st.just("2025-06-30")),
        blocks=tuple(Block(draw(st.sampled_from(["body", "caption"])), *draw(_span(n))) for _ in range(draw(st.integers(0, 2)))),
    )
    ents = tuple(
        Entity(f"E{i}", draw(names), "person", draw(_spans(n)), tuple(draw(st.lists(names, max_size=2))))
        for i in range(draw(st.integers(0, 2)))
    )
    atts = tuple(
        Attribution(
            f"A{i}", draw(_spans(n)), draw(_spans(n)), draw(_spans(n)), "indirect",
            source_name=draw(st.none() | names), source_type=draw(st.none() | st.just("person")),
            addressee=draw(_spans(n)), confidence=draw(conf),
        )
        for i in range(draw(st.integers(0, 2)))
    )
    chains = tuple(
        Chain(a.id, (Hop(draw(names), "person", "origin", draw(st.none() | _span(n))), Hop("Fox News", "outlet", "publisher")))
        for a in atts
    )
    return Report(
        article=art,
        entities=ents,
        attributions=atts,
        chains=chains,
        credits=(Credit("Reuters", "photo", draw(st.none() | _span(n))),),
        hedges=(Hedge(draw(_span(n)), "reportedly", "hedge", None, draw(st.none() | _span(n))),),
        voice=(Voice(draw(_span(n)), "dictator", "label"),),
        times=(TimeExpr(draw(_span(n)), "Monday", draw(st.none() | st.just("2025-06-30")), "weekday", draw(conf)),),
        claims=(Claim(draw(_span(n)), "asserted", None, draw(_spans(n))),),
        summary={"attributions": len(atts)},
        version="0.0.0",
    )


@given(reports())
def test_report_json_round_trip(r: Report) -> None:
    again = Report.from_json(r.to_json())
    assert again == r
    assert json.loads(again.to_json()) == json.loads(r.to_json())


@given(reports())
def test_report_pickle_round_trip(r: Report) -> None:
    assert pickle.loads(pickle.dumps(r)) == r


def test_json_shape_follows_the_contract() -> None:
    art = Article(text=TEXT, id="x", blocks=(Block("body", 0, 43), Block("credit", 44, 61)))
    a = Attribution("A1", ((0, 3),), ((4, 8),), ((9, 21),), "indirect", "Kim", "person")
    r = Report(article=art, attributions=(a,), chains=(Chain("A1", (Hop("Kim", "person", "origin"),)),),
               credits=(Credit("Reuters", "photo", (53, 60)),), hedges=(Hedge((0, 3), "Kim"),))
    d = r.to_dict()
    assert d["schema"] == SCHEMA
    assert d["article"]["blocks"][0] == {"kind": "body", "start": 0, "end": 43, "produced_by": "anatomy.rules/1"}
    assert d["attributions"][0]["source"] == [[0, 3]]
    assert d["attributions"][0]["content"] == [[9, 21]]
    assert d["credits"][0]["span"] == [53, 60]
    assert d["hedges"][0]["cue"] == [0, 3]
    assert d["chains"][0]["hops"][0]["name"] == "Kim"
    for k in ("entities", "attributions", "chains", "credits", "hedges", "voice"):
        assert isinstance(d[k], list)


def test_span_text_joins_discontinuous_spans() -> None:
    assert span_text(TEXT, (0, 3)) == "Kim"
    assert span_text(TEXT, ((0, 3), (9, 14))) == "Kim … talks"
    assert span_text(TEXT, None) == ""
