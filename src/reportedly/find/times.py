"""Dates, weekdays and relative times, resolved to calendar values.

``find_times(parsed, found, settings)`` scans the whole ``Article.text``
(bylines and datelines too: they often carry the date) with regular
expressions and returns one ``TimeExpr`` per expression, in text order.

Kinds and values (``value`` is ISO 8601; ``None`` when unresolved):

- ``date``: "June 30, 2025", "Feb. 23", "23 February", "2025-06-30",
  "6/30/2025" (US order) -> ``YYYY-MM-DD``.
- ``month``: "June 2025", "in June" -> ``YYYY-MM``.
- ``year``: "in 2014", "since 2019" -> ``YYYY``.
- ``weekday``: "Monday", "on Monday", "last Monday", "next Monday" ->
  ``YYYY-MM-DD``: the most recent such day on or before the anchor; strictly
  before it for "last"; the next one after it for "next" or when the
  sentence speaks of the future before it ("will", "is due to" ...).
- ``relative``: "today", "yesterday", "tomorrow", "tonight" ->
  ``YYYY-MM-DD``; "last/this/next week" -> ``YYYY-Www`` (ISO week);
  "last/this/next month" -> ``YYYY-MM`` (weeks are Monday to Sunday, but on a
  Sunday "this week" is the week ahead, as in US news); "last/this/next year" -> ``YYYY``;
  "last weekend" -> the Saturday; "two years ago" -> ``YYYY``, "three
  months ago" -> ``YYYY-MM``, "two weeks ago" -> ``YYYY-Www``, "five days
  ago" -> ``YYYY-MM-DD``.

The anchor is ``article.published``.  When it is missing, the year is
inferred (``infer_year``): from explicit full dates if any (their latest
year), else from weekday consistency: a year in which a weekday the text
names falls on a month-day the text names (the seed: "Monday" and "June
30" fit only 2025 among 2016-2026), searched from the latest year the text
mentions (or ten years back) up to this year.  The anchor is then the latest
such weekday-matched date (or the latest explicit date), on the assumption
that an article is written on or just after the latest day it dates.

``confidence`` is the confidence of ``value`` (0.0 when it is None): 1.0 for
explicit full dates, 0.9 for month-days placed by a publication date, the
inference's confidence for inferred years, less for weekdays and relative
expressions (which day is meant is ambiguous at week edges).

Limits: English only; no times of day, durations, ranges ("June 3-5" yields
June 3), decades or seasons; "the day before", "later that week" and other
expressions relative to another date in the text are not resolved; numeric
dates are read month first (US); weekday direction (past or future) is
guessed from a few future cues; without a publication date, an article
that names a weekday after its latest explicit date gets that weekday one
week early.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..model import TimeExpr
from ..nlp import Parsed
from ..settings import Settings
from . import Found

PRODUCED_BY = "times.rules/1"

MONTHS = (
    "January February March April May June July August September October November December".split()
)
_MONTH_NUM = {m.lower(): i + 1 for i, m in enumerate(MONTHS)}
_MONTH_NUM.update(
    {a: n for a, n in (("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8),
                       ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12))}
)
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_WEEKDAY_NUM = {w.lower(): i for i, w in enumerate(WEEKDAYS)}
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
} | {"a": 1, "an": 1}

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MON = rf"(?:{_MONTH}|{_ABBR})"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_NUM = r"(?:\d{1,2}|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|an?)"

_PATTERN = re.compile(
    rf"""
    \b(?:  # every alternative starts at a word boundary: tested once per position
    (?P<iso>{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b)
  | (?P<us>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/{_YEAR}\b)
  | (?P<mdy>{_MON}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?)
  | (?P<dmy>{_DAY}\s+{_MON}(?:,?\s+{_YEAR}\b)?)
  | (?P<my>{_MON}\s+{_YEAR}\b)
  | (?P<month>(?:in|In|since|Since|until|by|last|Last|next|Next|early|Early|late|Late|of|from|through)\s+
               {_MONTH}\b(?!\s+\d))
  | (?P<weekday>(?:(?:last|next|this|Last|Next|This)\s+)?
                 (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)
  | (?P<day>(?:[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight)\b)
  | (?P<rel>(?:(?:[Ll]ast|[Nn]ext|[Tt]his|[Ee]arlier\s+this|[Ll]ater\s+this)\s+(?:week|month|year|weekend))\b)
  | (?P<ago>(?i:{_NUM})\s+(?:day|week|month|year)s?\s+ago\b)
  | (?P<year>(?:in|In|since|Since|by|until|before|after|from|during|through|of|early|late|mid-)\s*
              {_YEAR}\b)
    )
    """,
    re.VERBOSE,
)
_FUTURE = re.compile(
    r"\b(?:will|won't|'ll|shall|is\s+due\s+to|are\s+due\s+to|scheduled|set\s+to|expected\s+to|plans?\s+to"
    r"|planning\s+to|upcoming)\b",
    re.IGNORECASE,
)
_SENT_START = re.compile(r"(?:[.!?][\"”’)]?\s+|\n)(?=[^\s])")


@dataclass(frozen=True)
class _Raw:
    kind: str
    start: int
    end: int
    text: str
    month: int | None = None
    day: int | None = None
    year: int | None = None
    weekday: int | None = None
    modifier: str = ""


def find_times(parsed: Parsed, found: Found, settings: Settings) -> tuple[TimeExpr, ...]:
    """Every time expression in the article text, resolved against the anchor date."""
    text = parsed.text
    raws = [_raw(m) for m in _PATTERN.finditer(parsed.read_text)]  # not in page furniture (Segment.masked)
    anchor, anchor_conf, year, year_conf = _anchor(parsed.article.published, raws, date.today().year)
    out: list[TimeExpr] = []
    for r in raws:
        value, conf = _resolve(r, text, anchor, anchor_conf, year, year_conf)
        out.append(TimeExpr((r.start, r.end), r.text, value, _public_kind(r.kind), conf if value else 0.0,
                            PRODUCED_BY))
    return tuple(out)


def _public_kind(kind: str) -> str:
    return {"md": "date", "ago": "relative", "rel": "relative", "day": "relative"}.get(kind, kind)


# Groups whose match starts with a preposition that is not part of the span.
_PREFIXED = re.compile(rf"(?:{_MONTH}|{_YEAR})$")


def _raw(m: re.Match[str]) -> _Raw:
    kind = m.lastgroup or ""
    s = m.group(0)
    start = m.start()
    if kind in ("month", "year"):
        found = _PREFIXED.search(s)
        assert found is not None
        start += found.start()
        s = found.group(0)

    def mk(k: str, **kw: Any) -> _Raw:
        return _Raw(k, start, m.end(), s, **kw)

    if kind == "iso":
        y, mo, d = (int(x) for x in s.split("-"))
        return mk("date", month=mo, day=d, year=y)
    if kind == "us":
        mo, d, y = (int(x) for x in s.split("/"))
        return mk("date", month=mo, day=d, year=y)
    if kind in ("mdy", "dmy"):
        month = next(_MONTH_NUM[w.lower().rstrip(".")] for w in re.findall(r"[A-Za-z]+\.?", s)
                     if w.lower().rstrip(".") in _MONTH_NUM)
        nums = [int(x) for x in re.findall(r"\d+", s)]
        day = nums[0]
        yr = nums[1] if len(nums) > 1 else None
        return mk("date" if yr else "md", month=month, day=day, year=yr)
    if kind == "my":
        month = _MONTH_NUM[s.split()[0].lower().rstrip(".")]
        return mk("month", month=month, year=int(s.split()[-1]))
    if kind == "month":
        return mk("month", month=_MONTH_NUM[s.lower()])
    if kind == "year":
        return mk("year", year=int(s))
    if kind == "weekday":
        words = s.lower().split()
        return mk("weekday", weekday=_WEEKDAY_NUM[words[-1]], modifier=words[0] if len(words) > 1 else "")
    return mk(kind, modifier=" ".join(s.lower().split()))


# --- the anchor ----------------------------------------------------------------


def infer_year(
    month_days: Sequence[tuple[int, int]],
    weekdays: Sequence[int],
    explicit_years: Sequence[int],
    this_year: int,
) -> tuple[int | None, float]:
    """The year of an undated article from the month-days and weekdays it names.

    Tries each year from the latest of ``explicit_years`` (or ``this_year - 10``)
    to ``this_year``.  A year scores one for each distinct weekday (0 = Monday)
    that falls on one of ``month_days`` ((month, day) pairs) in that year, and
    one more when the latest weekday named (in the shortest run of days that
    holds them all: Sunday then Monday) falls on the latest month-day: news
    tells the latest events by weekday and by date alike.  Returns the best
    year and a confidence: 0.8 when it alone has the best score (0.9 with a
    score of three or more), 0.3 for the latest of tied years, ``(None, 0.0)``
    when no year scores.
    """
    if not month_days or not weekdays:
        return None, 0.0
    lo = max(explicit_years) if explicit_years else this_year - 10
    last_md = max(month_days)
    last_wd = latest_weekday(weekdays)
    scores: dict[int, int] = {}
    for y in range(min(lo, this_year), this_year + 1):
        days = {_weekday_of(y, m, d) for m, d in month_days} - {None}
        scores[y] = len(days & set(weekdays)) + (_weekday_of(y, *last_md) == last_wd)
    best = max(scores.values())
    if best == 0:
        return None, 0.0
    winners = [y for y, s in scores.items() if s == best]
    if len(winners) > 1:
        return max(winners), 0.3
    return winners[0], 0.9 if best >= 3 else 0.8


def latest_weekday(weekdays: Sequence[int]) -> int:
    """The last of some weekdays (0 = Monday) in the shortest run of days holding them all.

    {Sunday, Monday} -> Monday; {Thursday, Friday} -> Friday.
    """
    ws = sorted(set(weekdays))
    if len(ws) == 1:
        return ws[0]
    # The widest gap between consecutive days (cyclically) separates the last
    # day of the run from the first.
    gaps = [((ws[(k + 1) % len(ws)] - ws[k]) % 7, k) for k in range(len(ws))]
    _, k = max(gaps)
    return ws[k]


def _weekday_of(y: int, m: int, d: int) -> int | None:
    try:
        return date(y, m, d).weekday()
    except ValueError:
        return None


def _anchor(
    published: str | None, raws: Sequence[_Raw], this_year: int
) -> tuple[date | None, float, int | None, float]:
    """(anchor date, its confidence, year for yearless dates, its confidence)."""
    if published:
        try:
            d = date.fromisoformat(published[:10])
        except ValueError:
            pass
        else:
            return d, 1.0, d.year, 1.0
    full = [_safe_date(r.year, r.month, r.day) for r in raws if r.kind == "date"]
    full_dates = [d for d in full if d is not None]
    month_days = [(r.month, r.day) for r in raws if r.kind == "md" and r.month and r.day]
    weekdays = sorted({r.weekday for r in raws if r.kind == "weekday" and r.weekday is not None})
    year: int | None
    if full_dates:
        # Explicit full dates: the article is from (or after) the latest one.
        year, year_conf = max(fd.year for fd in full_dates), 0.7
    else:
        explicit = [r.year for r in raws if r.year is not None]
        year, year_conf = infer_year(month_days, weekdays, explicit, this_year)
    if year is None:
        return None, 0.0, None, 0.0
    dated = full_dates + [md for m, dd in month_days if (md := _safe_date(year, m, dd)) is not None]
    matched = [d for d in dated if d.weekday() in weekdays]
    pool = matched or dated
    if not pool:
        return None, 0.0, year, year_conf
    return max(pool), year_conf, year, year_conf


def _safe_date(y: int | None, m: int | None, d: int | None) -> date | None:
    if y is None or m is None or d is None:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


# --- resolution ----------------------------------------------------------------


def _resolve(
    r: _Raw, text: str, anchor: date | None, anchor_conf: float, year: int | None, year_conf: float
) -> tuple[str | None, float]:
    if r.kind == "date":
        d = _safe_date(r.year, r.month, r.day)
        return (d.isoformat(), 1.0) if d else (None, 0.0)
    if r.kind == "year":
        return f"{r.year:04d}", 1.0
    if r.kind == "month":
        if r.year is not None:
            return f"{r.year:04d}-{r.month:02d}", 1.0
        if anchor is None or r.month is None:
            return None, 0.0
        y = min((anchor.year - 1, anchor.year, anchor.year + 1),
                key=lambda yy: abs((date(yy, r.month or 1, 15) - anchor).days))
        return f"{y:04d}-{r.month:02d}", 0.8 * anchor_conf
    if r.kind == "md":
        return _month_day(r, anchor, anchor_conf, year, year_conf)
    if anchor is None:
        return None, 0.0
    if r.kind == "weekday":
        return _weekday(r, text, anchor).isoformat(), 0.85 * anchor_conf
    if r.kind == "day":
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[r.modifier]
        return (anchor + timedelta(days=shift)).isoformat(), 0.9 * anchor_conf
    if r.kind == "rel":
        return _relative(r.modifier, anchor), 0.8 * anchor_conf
    if r.kind == "ago":
        return _ago(r.modifier, anchor), 0.8 * anchor_conf
    return None, 0.0


def _month_day(
    r: _Raw, anchor: date | None, anchor_conf: float, year: int | None, year_conf: float
) -> tuple[str | None, float]:
    if r.month is None or r.day is None:
        return None, 0.0
    if anchor is not None and anchor_conf >= 1.0:
        # Known publication date: the year that puts the day nearest to it
        # ("Dec. 28" in a January article is last year's).
        options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                   if (d := _safe_date(y, r.month, r.day)) is not None]
        if not options:
            return None, 0.0
        return min(options, key=lambda d: abs((d - anchor).days)).isoformat(), 0.9
    d = _safe_date(year, r.month, r.day)
    return (d.isoformat(), year_conf) if d else (None, 0.0)


def _weekday(r: _Raw, text: str, anchor: date) -> date:
    assert r.weekday is not None
    back = (anchor.weekday() - r.weekday) % 7  # days back to the most recent such day
    if r.modifier == "last":
        return anchor - timedelta(days=back or 7)
    if r.modifier == "next" or (r.modifier != "last" and _future_before(text, r.start)):
        ahead = (r.weekday - anchor.weekday()) % 7
        return anchor + timedelta(days=ahead or 7)
    return anchor - timedelta(days=back)


def _future_before(text: str, pos: int) -> bool:
    """Whether the sentence holding ``pos`` has a future cue before ``pos``."""
    starts = [m.end() for m in _SENT_START.finditer(text, max(0, pos - 400), pos)]
    begin = starts[-1] if starts else max(0, pos - 400)
    return _FUTURE.search(text, begin, pos) is not None


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _shift_month(d: date, months: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + months
    return k // 12, k % 12 + 1


def _relative(modifier: str, anchor: date) -> str:
    words = modifier.split()
    unit, which = words[-1], words[0]
    step = {"last": -1, "next": 1}.get(which, 0)
    if unit == "week":
        # US news counts a Sunday with the week ahead: on Sunday the 17th,
        # "last week" is the 11th-15th and "this week" the one starting the 18th.
        base = anchor + timedelta(days=1) if anchor.weekday() == 6 else anchor
        return _iso_week(base + timedelta(weeks=step))
    if unit == "month":
        y, m = _shift_month(anchor, step)
        return f"{y:04d}-{m:02d}"
    if unit == "year":
        return f"{anchor.year + step:04d}"
    # weekend -> its Saturday.  "last weekend" is the latest Saturday at
    # least two days back (on a Sunday, the weekend before this one).
    this_sat = anchor + timedelta(days=5 - anchor.weekday())
    if step < 0:
        back = (anchor.weekday() - 5) % 7
        return (anchor - timedelta(days=back if back >= 2 else back + 7)).isoformat()
    return (this_sat + timedelta(weeks=step)).isoformat()


def _ago(modifier: str, anchor: date) -> str:
    words = modifier.split()
    n = int(words[0]) if words[0].isdigit() else _NUMBER_WORDS[words[0]]
    unit = words[1].rstrip("s")
    if unit == "day":
        return (anchor - timedelta(days=n)).isoformat()
    if unit == "week":
        return _iso_week(anchor - timedelta(weeks=n))
    if unit == "month":
        y, m = _shift_month(anchor, -n)
        return f"{y:04d}-{m:02d}"
    return f"{anchor.year - n:04d}"


def times_within(times: Sequence[TimeExpr], start: int, end: int) -> tuple[TimeExpr, ...]:
    """The resolved time expressions inside ``[start, end)``: the dates a sentence or clause gives.

    For dating a chain hop from its sentence ("Footage aired on state media
    Monday" -> 2025-06-30).
    """
    return tuple(t for t in times if t.value is not None and start <= t.span[0] and t.span[1] <= end)

