import datetime as dt

import pytest

from helpers.extract.dates import find_dates
from helpers.extract.hedges import hedge_for
from helpers.extract.numbers import parse_number, parse_percent


@pytest.mark.parametrize("text, value", [
    ("171亿", 17_100_000_000), ("2.5万", 25_000), ("99万", 990_000), ("3000亿", 3e11), ("1,500", 1500),
    ("九十五", 95), ("三千零五", 3005), ("两百", 200), ("百万亿", 1e14), ("一点五", 1.5), ("十二", 12),
])
def test_numbers_with_magnitudes(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text, value", [
    ("95%", 95), ("百分之五十", 50), ("百分之九十五", 95), ("五成", 50), ("九成半", 95), ("三分之一", 33.3),
    ("三分之二", 66.7), ("零", 0), ("半数", 50), ("12.5%", 12.5),
])
def test_percentages_every_way(text, value):
    assert parse_percent(text) == pytest.approx(value)


PUBLISHED = dt.date(2025, 11, 3)


def _one(text, anchor=None):
    refs = find_dates(text, PUBLISHED, anchor)
    assert len(refs) == 1, refs
    r = refs[0]
    return r.date_start, r.date_end, r.precision, r.period, r.inferred


@pytest.mark.parametrize("text, expected", [
    ("2025年7月15日", ("2025-07-15", "2025-07-15", "day", "", False)),
    ("2025年4月", ("2025-04-01", "2025-04-30", "month", "", False)),
    ("2024年Q4", ("2024-10-01", "2024-12-31", "quarter", "2024-Q4", False)),
    ("2024年第四季度", ("2024-10-01", "2024-12-31", "quarter", "2024-Q4", False)),
    ("2025财年", ("", "", "fiscal_year", "FY2025", False)),
    ("2026财年第一季度", ("", "", "fiscal_quarter", "FY2026-Q1", False)),
    ("9月18日", ("2025-09-18", "2025-09-18", "day", "", True)),
    # a month and day with no year: the occurrence nearest the published date, within six months
    # (tests/gold/real/README.md; this test asserted the last past occurrence, 2024-12-05, before issue 12)
    ("12月5日", ("2025-12-05", "2025-12-05", "day", "", True)),
    ("5月20日", ("2025-05-20", "2025-05-20", "day", "", True)),
    ("已于4月20日", ("2025-04-20", "2025-04-20", "day", "", True)),  # told as done: the last one begun
    ("今年5月份", ("2025-05-01", "2025-05-31", "month", "", True)),
    ("去年12月", ("2024-12-01", "2024-12-31", "month", "", True)),
    ("2025-07-15", ("2025-07-15", "2025-07-15", "day", "", False)),
])
def test_dates_resolved_no_finer_than_written(text, expected):
    assert _one(text) == expected


def test_relative_dates_follow_the_previous_date():
    april = find_dates("2025年4月", PUBLISHED)[0]
    day = find_dates("2025年9月18日", PUBLISHED)[0]
    assert _one("三个月后", april)[:3] == ("2025-07-01", "2025-07-31", "month")
    assert _one("同一天", day)[:3] == ("2025-09-18", "2025-09-18", "day")
    assert _one("次日", day)[:3] == ("2025-09-19", "2025-09-19", "day")
    assert _one("同一天", april)[0] == ""  # a month gives no day: nothing invented


def test_unresolvable_partial_date_keeps_no_date():
    refs = find_dates("今年5月份", None)
    assert refs[0].date_start == "" and refs[0].inferred


@pytest.mark.parametrize("text, figure, hedge", [
    ("超3000亿元", "3000", "超"), ("约256 TFLOPS", "256", "约"), ("近三分之一", "三分之一", "近"),
    ("296 TOPS以下", "296 TOPS", "不足"), ("或超50%", "50%", "或超"), ("约合150亿美元", "150", "约"),
    ("高达95%", "95%", ""), ("30万以上", "30万", "超"),
])
def test_hedges(text, figure, hedge):
    start = text.index(figure)
    assert hedge_for(text, start, start + len(figure)) == hedge
