"""Claims across articles (``corpus.claims``, ``corpus.claimtext``): units, matching, drift, the online contract."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import shared_path
from reportedly.corpus.claims import ClaimFinder, ClaimUnit, claim_state, quote_regions, read_claim_state
from reportedly.corpus.claimtext import passage, same_claim
from reportedly.corpus.items import Item
from reportedly.model import Article, Attribution, Chain, Claim, Hop, Report


def test_quotes_match_after_normalising_marks_case_and_punctuation() -> None:
    a = passage("“Well, they’re losing their lives everywhere in the world,” Trump said.")
    b = passage("\"Well, they're losing their lives everywhere in the world.")
    assert same_claim(a, b) == 1.0


def test_partial_quote_is_contained_in_longer_quote() -> None:
    long_ = passage("We will do what's necessary to find out if it's true, and we will not stop.")
    short = passage("do what’s necessary to find out if it’s true")
    assert same_claim(short, long_, quotes_only=True) == 1.0
    assert same_claim(passage("find out if it is false now"), long_, quotes_only=True) == 0.0


def test_paraphrase_matches_but_figures_and_places_must_agree() -> None:
    a = passage("Petraeus stepped down as CIA director on Friday, citing an extramarital affair")
    b = passage("Petraeus resigned Friday, citing an extramarital affair")
    assert same_claim(a, b) > 0
    poll1 = passage("Obama leads Romney 51 percent to 45 percent among likely voters in the new poll")
    poll2 = passage("Obama leads Romney 48 percent to 47 percent among likely voters in the new poll")
    assert same_claim(poll1, poll2) == 0.0
    c1 = passage("Officials in Lebanon County reported the first case of the virus on Tuesday")
    c2 = passage("Officials in Dauphin County reported the first case of the virus on Tuesday")
    assert same_claim(c1, c2) == 0.0


def test_quote_regions_and_quoted_claim_counts_as_attributed() -> None:
    text = "He spoke at length. “We need to correct errors and hold wrongdoers accountable.” Then he left."
    (region,) = quote_regions(text)
    assert text[region[0] : region[1]].startswith("We need")
    s = text.index("“")
    e = text.index("”") + 1
    report = Report(Article(text=text, id="q"), claims=(Claim((s, e), "asserted"),))
    units = read_claim_state(claim_state(Item("q", 0, text), report))
    assert units[0].level == "attributed"


def _report(aid: str, text: str, claims: list[tuple[str, str, str | None]], outlet: str = "Outlet") -> Report:
    """Claims given by their text, level and attribution id."""
    cl = []
    for sub, level, attr in claims:
        s = text.index(sub)
        cl.append(Claim((s, s + len(sub)), level, attr))
    return Report(Article(text=text, id=aid, outlet=outlet), claims=tuple(cl))


def _item(r: Report, seq: int, day: str) -> Item:
    return Item(r.article.id, seq, r.article.text, None, r.article.outlet, day)


def test_drift_raised_and_lowered_with_cues() -> None:
    t1 = "The governor will reportedly fire all 34 cadets who posed in the salute photo, officials said."
    t2 = "The governor will fire all 34 cadets who posed in the salute photo."
    r1 = _report(
        "a",
        t1,
        [("The governor will reportedly fire all 34 cadets who posed in the salute photo", "hedged", None)],
    )
    r2 = _report("b", t2, [(t2, "asserted", None)])
    f = ClaimFinder()
    f.add(_item(r1, 0, "2020-01-01"), claim_state(_item(r1, 0, ""), r1), "s0")
    members, drifts = f.add(_item(r2, 1, "2020-01-02"), claim_state(_item(r2, 1, ""), r2), "s0")
    assert members[0].group_id == "c0-0"
    (d,) = drifts
    assert d.direction == "raised" and d.upstream_article_id == "a" and d.downstream_article_id == "b"
    g = f.groups["c0-0"]
    assert g.first_article_id == "a" and g.first_seen == "2020-01-01"
    # the same pair ingested the other way round: the earlier-dated article is still upstream
    f2 = ClaimFinder()
    f2.add(_item(r2, 0, "2020-01-02"), claim_state(_item(r2, 0, ""), r2), "s0")
    _, drifts2 = f2.add(_item(r1, 1, "2020-01-01"), claim_state(_item(r1, 1, ""), r1), "s0")
    assert drifts2[0].direction == "raised" and drifts2[0].upstream_article_id == "a"
    assert f2.groups["c0-0"].first_article_id == "a"


def test_across_stories_only_verbatim_quotes() -> None:
    quote = "the enemy will pay a heavy price for its reckless provocation"
    t1 = f"The statement said “{quote}” and more."
    t2 = f"Pyongyang warned that “{quote}” on Monday."
    t3 = "The statement said the enemy would pay a heavy price for its reckless provocations."
    r1, r2, r3 = (
        _report("a", t1, [(quote, "attributed", None)]),
        _report("b", t2, [(quote, "attributed", None)]),
        _report("c", t3, [(t3, "asserted", None)]),
    )
    f = ClaimFinder()
    f.add(_item(r1, 0, "2013-04-01"), claim_state(_item(r1, 0, ""), r1), "s0")
    mb, _ = f.add(_item(r2, 1, "2013-04-02"), claim_state(_item(r2, 1, ""), r2), "s1")
    mc, _ = f.add(_item(r3, 2, "2013-04-02"), claim_state(_item(r3, 2, ""), r3), "s2")
    assert mb[0].group_id == "c0-0"
    assert all(m.group_id.startswith("c2-") for m in mc)


def test_origin_is_innermost_source_of_the_chain() -> None:
    text = "Yonhap said KCTV showed the leader at the coffin of the soldier."
    s = text.index("KCTV")
    att = Attribution("A1", ((0, 6),), ((7, 11),), ((s, len(text) - 1),), "indirect")
    chain = Chain(
        "A1",
        (
            Hop("Korean Central Television", "state_media", "origin"),
            Hop("Yonhap News Agency", "news_agency", "relay"),
        ),
    )
    r = Report(
        Article(text=text, id="x", outlet="Fox News"),
        attributions=(att,),
        chains=(chain,),
        claims=(Claim((s, len(text) - 1), "attributed", "A1"),),
    )
    f = ClaimFinder()
    f.add(_item(r, 0, "2025-06-30"), claim_state(_item(r, 0, ""), r), "s0")
    g = f.groups["c0-0"]
    assert (g.origin_name, g.origin_type) == ("Korean Central Television", "state_media")


_SENTENCES = [
    "Petraeus stepped down as CIA director on Friday citing an affair",
    "Petraeus resigned Friday citing an extramarital affair",
    "The new restrictions take effect Wednesday for all travellers",
    "The government said the new restrictions take effect Wednesday",
    "Officials in Lebanon County reported three cases on Tuesday",
    "Officials in Dauphin County reported three cases on Tuesday",
]


@settings(max_examples=25, deadline=None)
@given(
    picks=st.lists(
        st.tuples(st.integers(0, 5), st.sampled_from(["asserted", "attributed"]), st.integers(0, 2)),
        min_size=2,
        max_size=8,
    ),
    split=st.integers(0, 8),
)
def test_restore_then_add_equals_add_all(picks: list[tuple[int, str, int]], split: int) -> None:
    docs = []
    for n, (k, level, story) in enumerate(picks):
        text = _SENTENCES[k] + "."
        r = _report(f"d{n}", text, [(_SENTENCES[k], level, None)])
        it = _item(r, n, f"2020-01-0{1 + n % 3}")
        docs.append((it, claim_state(it, r), f"s{story}"))
    full = ClaimFinder()
    everything = [full.add(it, st_, sid) for it, st_, sid in docs]
    split = min(split, len(docs))
    for replay in (False, True):
        part = ClaimFinder()
        for (it, st_, sid), (members, _) in zip(docs[:split], everything[:split], strict=True):
            part.restore(it, st_, sid, None if replay else [m.group_id for m in members])
        rest = [part.add(it, st_, sid) for it, st_, sid in docs[split:]]
        assert rest == everything[split:]


def test_state_round_trip() -> None:
    u = ClaimUnit(1, 5, "hedged", "A1", ((0, 1),), "KCNA", "state_media", True, (0, 6))
    r = Report(Article(text="x" * 10, id="z"))
    assert read_claim_state(claim_state(Item("z", 0, "x"), r)) == []
    with pytest.raises(ValueError):
        read_claim_state(b"\x09")
    assert u.reach == (0, 6)


def test_dev_hedge_drift_pairs_golden(nlp) -> None:  # type: ignore[no-untyped-def]
    """Three real dev pairs (a drift, a same and a not-same pair) analysed and judged end to end."""
    from reportedly import analyze_many
    from reportedly.evaluation.drift import judge

    d = shared_path("relay")
    pairs = [
        json.loads(x) for x in (d / "hedge_drift.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()
    ]
    chosen = [
        next(p for p in pairs if p["sentence_a"].startswith("The new restrictions take effect")),
        next(p for p in pairs if p["sentence_a"].startswith("“Any member of the military")),
        next(p for p in pairs if p["sentence_a"].startswith("Pope Francis is a doctrinal")),
    ]
    wanted = {p["article_a"] for p in chosen} | {p["article_b"] for p in chosen}
    arts = [
        json.loads(x) for x in (d / "articles.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()
    ]
    todo = [
        Article(text=a["text"], id=a["id"], outlet=a.get("outlet"), published=a.get("published"))
        for a in arts
        if a["id"] in wanted
    ]
    reports = {r.article.id: r for r in analyze_many(todo, nlp=nlp)}
    drift, same, _ = (judge(p, reports) for p in chosen)
    assert drift["grouped"] and drift["drift"] and drift["direction"] == "lowered"
    assert same["grouped"] and not same["drift"]
