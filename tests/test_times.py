"""Time expressions: one test per construction, resolved against a publication date or an inferred one."""

from __future__ import annotations

from typing import Any

import pytest

from reportedly.find import Found
from reportedly.find.times import find_times, infer_year, latest_weekday, times_within
from reportedly.model import Article, TimeExpr
from reportedly.nlp import Parsed
from reportedly.settings import Settings


def times(text: str, published: str | None = None) -> list[TimeExpr]:
    parsed = Parsed(Article(text=text, id="t", published=published), ())
    out = list(find_times(parsed, Found(), Settings()))
    for t in out:
        assert text[t.span[0] : t.span[1]] == t.text
        assert 0.0 <= t.confidence <= 1.0
    return out


def values(text: str, published: str | None = None) -> list[tuple[str, str | None, str]]:
    return [(t.text, t.value, t.kind) for t in times(text, published)]


# 2025-07-02 is a Wednesday.
PUB = "2025-07-02"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It aired Monday.", ("Monday", "2025-06-30")),
        ("It aired on Wednesday.", ("Wednesday", "2025-07-02")),
        ("They met last Wednesday.", ("last Wednesday", "2025-06-25")),
        ("They meet next Monday.", ("next Monday", "2025-07-07")),
        ("The envoy will arrive Friday.", ("Friday", "2025-07-04")),
    ],
)
def test_weekdays_against_the_publication_date(text: str, expected: tuple[str, str]) -> None:
    (t,) = times(text, PUB)
    assert (t.text, t.value, t.kind) == (*expected, "weekday")


def test_plural_weekdays_are_habits_not_dates() -> None:
    assert times("Markets close early on Fridays.", PUB) == []


def test_month_day_takes_the_year_nearest_the_publication_date() -> None:
    assert values("It began on Feb. 23 and ended Dec. 28.", "2025-01-05") == [
        ("Feb. 23", "2025-02-23", "date"),
        ("Dec. 28", "2024-12-28", "date"),
    ]


def test_explicit_dates() -> None:
    assert values("On June 30, 2025, on 23 March 2020, on 2024-01-05 and on 6/30/2019.") == [
        ("June 30, 2025", "2025-06-30", "date"),
        ("23 March 2020", "2020-03-23", "date"),
        ("2024-01-05", "2024-01-05", "date"),
        ("6/30/2019", "2019-06-30", "date"),
    ]
    assert all(t.confidence == 1.0 for t in times("On June 30, 2025."))


def test_months_and_years_need_context() -> None:
    assert values("Since 2019 and in May, prices rose in June 2024. He may go. 2,019 people came.", PUB) == [
        ("2019", "2019", "year"),
        ("May", "2025-05", "month"),
        ("June 2024", "2024-06", "month"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It happened yesterday.", "2025-07-01"),
        ("It happens today.", "2025-07-02"),
        ("It happens tomorrow.", "2025-07-03"),
        ("It happened last week.", "2025-W26"),
        ("It happens this week.", "2025-W27"),
        ("It happened last month.", "2025-06"),
        ("It happens next year.", "2026"),
        ("It happened last weekend.", "2025-06-28"),
        ("It happened two years ago.", "2023"),
        ("It happened three months ago.", "2025-04"),
        ("It happened 5 days ago.", "2025-06-27"),
        ("It happened two weeks ago.", "2025-W25"),
    ],
)
def test_relative_expressions(text: str, value: str) -> None:
    (t,) = times(text, PUB)
    assert (t.value, t.kind) == (value, "relative")


def test_without_an_anchor_relative_expressions_stay_unresolved() -> None:
    (t,) = times("It aired Monday.")
    assert (t.value, t.confidence) == (None, 0.0)


def test_undated_article_year_from_weekday_and_date_consistency() -> None:
    # The seed's construction: "Monday" and "June 30" fit only 2025 among
    # the last ten years (this holds from 2025 to 2035).
    text = "Footage aired Monday. It was shot at a show Sunday. Photos released June 30."
    got = times(text)
    assert [(t.text, t.value) for t in got] == [
        ("Monday", "2025-06-30"),
        ("Sunday", "2025-06-29"),
        ("June 30", "2025-06-30"),
    ]
    assert all(0.0 < t.confidence < 1.0 for t in got)


def test_undated_article_year_from_explicit_full_dates() -> None:
    got = times("It began Jan. 3, 2012. On March 5 it ended.")
    assert [(t.text, t.value) for t in got] == [("Jan. 3, 2012", "2012-01-03"), ("March 5", "2012-03-05")]
    assert got[1].confidence < 1.0


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (([(6, 30)], [0], [], 2026), (2025, 0.8)),
        (([(6, 30)], [0, 6], [], 2026), (2025, 0.8)),
        (([(6, 30)], [], [], 2026), (None, 0.0)),
        (([(6, 30)], [2], [2023], 2026), (None, 0.0)),  # June 30 was no Wednesday in 2023-2026
        (([(6, 30)], [0], [2000], 2026), (2025, 0.3)),  # 2008, 2014, 2025 tie: the latest, unsure
    ],
)
def test_infer_year(args: Any, expected: tuple[int | None, float]) -> None:
    assert infer_year(*args) == expected


def test_latest_weekday() -> None:
    assert latest_weekday([6, 0]) == 0  # Sunday, Monday
    assert latest_weekday([3, 4]) == 4
    assert latest_weekday([0, 2, 6]) == 2


# --- golden: real articles -----------------------------------------------------


@pytest.mark.slow
@pytest.mark.data
def test_seed_weekdays(seed_report: Any) -> None:
    """The seed has no publication date: "June 30" and "Monday" place it in 2025."""
    got = {(t.text, t.value) for t in seed_report.times}
    assert ("Monday", "2025-06-30") in got
    assert ("Sunday", "2025-06-29") in got
    assert ("June 30", "2025-06-30") in got


def test_on_a_sunday_weeks_count_from_the_week_ahead() -> None:
    # 2013-02-17 was a Sunday: "last week" is Feb. 11-17 (ISO week 7).
    assert values("Democrats proposed it last week; the vote is this week.", "2013-02-17") == [
        ("last week", "2013-W07", "relative"),
        ("this week", "2013-W08", "relative"),
    ]


@pytest.mark.slow
@pytest.mark.data
def test_allsides_article_times() -> None:
    """A CNN article from allsides/articles.jsonl, resolved against its publication date."""
    import json
    from pathlib import Path

    from conftest import shared_path

    golden = json.loads((Path(__file__).parent / "golden" / "allsides_times.json").read_text())
    with shared_path("allsides", "articles.jsonl").open(encoding="utf-8") as fh:
        row = next(r for line in fh if (r := json.loads(line))["id"] == golden["id"])
    assert row["published"] == golden["published"]
    got = {(t.span, t.value, t.kind) for t in times(row["text"], row["published"])}
    for e in golden["times"]:
        assert row["text"][e["span"][0] : e["span"][1]] == e["text"]
        assert (tuple(e["span"]), e["value"], e["kind"]) in got, e["text"]


def test_times_within_a_span() -> None:
    text = "Footage aired Monday. Photos were released June 30, 2025."
    got = times(text)
    first = text.index(".")
    assert [t.text for t in times_within(got, 0, first)] == ["Monday"]
