"""Events in the wider forms other outlets use (issue 11): each test one mechanism, sentences written here."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers.extract import extract_text
from helpers.extract.dates import find_dates

PUBLISHED = dt.date(2025, 12, 19)  # a Friday


def _dates(text, published=PUBLISHED):
    return [(d.date_start, d.date_end, d.precision) for d in find_dates(text, published)]


def _events(text, published="2025-12-19"):
    return [r for r in extract_text(text, published=published) if r["kind"] == "event"]


# ------------------------------------------------------------ dates

@pytest.mark.parametrize("text, expected", [
    # a day of the month in two Chinese numerals straight after a name
    ("某国政府十三日宣布放行", ("2025-12-13", "2025-12-13", "day")),
    # a weekday with the month and day in brackets
    ("某通讯社周四（12/18）引述消息", ("2025-12-18", "2025-12-18", "day")),
    # the coming year, and a bare four-digit year a plan puts before its verb
    ("未来一年，某公司准备扩产", ("2026-01-01", "2026-12-31", "year")),
    ("某公司预计2026提高产量", ("2026-01-01", "2026-12-31", "year")),
])
def test_wider_date_forms(text, expected):
    assert _dates(text) == [expected]


@pytest.mark.parametrize("text", ["十三日内完成交付", "第十三日起算", "近二十日以来"])
def test_two_numeral_days_that_are_counts_stay_no_date(text):
    assert [d for d in find_dates(text, PUBLISHED) if d.date_start and d.precision == "day"] == []


def test_a_quarter_of_the_same_year_takes_the_year_just_given():
    found = _dates("该公司2027年第1季推出甲款，同年第4季推出乙款")
    assert found[1] == ("2027-10-01", "2027-12-31", "quarter")
    assert _dates("2027年底交付，次年一季度量产")[1] == ("2028-01-01", "2028-03-31", "quarter")


def test_a_year_only_named_does_not_date_a_bare_month_of_an_undated_article():
    # no published date: 2024年 names a figure's year, so 9月 has no year to take
    found = find_dates("2024年份额已达三成，9月某部启动调查", None)
    assert found[-1].text.startswith("9月") and not found[-1].date_start and found[-1].inferred
    # but a dated passage still gives it
    found = find_dates("2024年3月5日某部约谈某公司，9月又启动调查", None)
    assert found[-1].date_start == "2024-09-01"
