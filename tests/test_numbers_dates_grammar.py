"""Issue 12's forms in sentences written for these tests (no article text): magnitudes with 多/余/数/上,
colloquial numerals, ranges sharing a magnitude or a year and month, cumulative, bare and relative
periods, Chinese-numeral and two-digit dates, the nearest-date convention, and the look-alikes that
must stay no figure and no date. Each test checks one mechanism; none carries an accuracy figure."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from helpers.extract import extract_text
from helpers.extract.dates import find_dates

PUBLISHED = dt.date(2025, 11, 3)  # a Monday


def _money(text: str) -> list[tuple]:
    out = []
    for c in extract_text(text, PUBLISHED.isoformat()):
        if c["kind"] == "money":
            vmax = c["value_max"]
            vmax = None if vmax is None or (isinstance(vmax, float) and math.isnan(vmax)) else vmax
            out.append((c["value"], vmax, c["unit"], c["hedge"] or ""))
    return out


def _dates(text: str, published: dt.date = PUBLISHED) -> list[tuple]:
    return [(r.date_start, r.date_end, r.precision) for r in find_dates(text, published) if r.date_start]


@pytest.mark.parametrize("text, expected", [
    # a figure with 多/余 is its lower bound, at the magnitude after the hedge word
    ("该公司去年营收达300多亿美元。", [(3e10, None, "USD", "超")]),
    ("該公司去年營收達300多億美元。", [(3e10, None, "USD", "超")]),
    ("这只基金的规模为2000余亿元。", [(2e11, None, "CNY", "超")]),
    ("這只基金的規模為2000餘億元。", [(2e11, None, "CNY", "超")]),
    ("新项目投资1000多万元。", [(1e7, None, "CNY", "超")]),
    ("这家工厂投资四十多亿元。", [(4e9, None, "CNY", "超")]),
    ("月薪1.5万元（含）以上的岗位增加。", [(15000, None, "CNY", "超")]),
    # no figure: 数/几/上 before the unit, two digits side by side
    ("市场规模达数百亿美元。", []),
    ("市場規模達數百億美元。", []),
    ("各地已有上千亿元投入。", []),
    ("这类项目动辄几十亿元。", []),
    ("一台售价三五千元。", []),
    # ranges sharing a magnitude
    ("预计总投资七千到九千亿元。", [(7e11, 9e11, "CNY", "")]),
    ("單台售價約2——3萬港幣。", [(20000, 30000, "HKD", "约")]),
    ("每笔补贴为1万元--5万元。", [(10000, 50000, "CNY", "")]),
    ("补贴额在1万（含）-5万元之间。", [(10000, 50000, "CNY", "")]),
    ("總投資在八百到九百億元之間。", [(8e10, 9e10, "CNY", "")]),
    ("单价在两到三千元之间。", [(2000, 3000, "CNY", "")]),
    ("改造费用一百二十到一百五十万元。", [(1.2e6, 1.5e6, "CNY", "")]),
    # colloquial numerals and small coins
    ("这款显卡售价两千六百块钱。", [(2600, None, "CNY", "")]),
    ("單價為十二元五角。", [(12.5, None, "CNY", "")]),
    ("這筆訂單價值逾兩千六百萬元。", [(2.6e7, None, "CNY", "超")]),
    # measure word 块 is no currency; idioms hold no figure
    ("实验室买了十块芯片。", []),
    ("三块GPU价值一万二千元。", [(12000, None, "CNY", "")]),
    ("统一零售价为3999元。", [(3999, None, "CNY", "")]),
])
def test_money_forms(text, expected):
    got = _money(text)
    assert len(got) == len(expected), got
    for (v, vm, u, h), (wv, wvm, wu, wh) in zip(got, expected):
        assert (v, u, h) == (pytest.approx(wv), wu, wh), got
        assert (vm is None and wvm is None) or vm == pytest.approx(wvm), got


@pytest.mark.parametrize("text, expected", [
    # a range's second end takes the first end's year, and month
    ("公司2025年8月至11月累计出货。", [("2025-08-01", "2025-11-30", "month")]),
    ("该厂2024年10月至3月停产检修。", [("2024-10-01", "2025-03-31", "month")]),  # over the year's end
    ("展会于2024年4月12-19日举行。", [("2024-04-12", "2024-04-12", "day"), ("2024-04-19", "2024-04-19", "day")]),
    ("双方于2024年12月九号到十五号谈判。", [("2024-12-09", "2024-12-09", "day"), ("2024-12-15", "2024-12-15", "day")]),
    ("两款芯片分别于2024年3月、5月发布。", [("2024-03-01", "2024-03-31", "month"), ("2024-05-01", "2024-05-31", "month")]),
    ("测试安排在2024年9月10号，11号。", [("2024-09-10", "2024-09-10", "day"), ("2024-09-11", "2024-09-11", "day")]),
    ("2020至2025年复合增长率达30%。", [("2020-01-01", "2020-12-31", "year"), ("2025-01-01", "2025-12-31", "year")]),
    # cumulative periods from 1 January
    ("今年前三季度营收增长。", [("2025-01-01", "2025-09-30", "quarter")]),
    ("2024年前两个季度出货下滑。", [("2024-01-01", "2024-06-30", "quarter")]),
    ("2024年1—9月份销量增长。", [("2024-01-01", "2024-09-30", "month")]),
    ("2024年前两月进口减少。", [("2024-01-01", "2024-02-29", "month")]),
    ("二〇二四年一至五月订单增加。", [("2024-01-01", "2024-05-31", "month")]),
    # Chinese numerals and two-digit years
    ("二〇二四年九月下旬，双方签约。", [("2024-09-21", "2024-09-30", "dekad")]),
    ("二零二三年三月四日，公司成立。", [("2023-03-04", "2023-03-04", "day")]),
    ("该厂于24年3月投产。", [("2024-03-01", "2024-03-31", "month")]),
    ("25年第三季度营收创新高。", [("2025-07-01", "2025-09-30", "quarter")]),
    ("19年底，公司完成融资。", [("2019-01-01", "2019-12-31", "year")]),
    ("九八年四月，公司成立。", [("1998-04-01", "1998-04-30", "month")]),
    # bare and relative periods
    ("首季度出货量为零。", []),
    ("2024年首季度出货量下滑。", [("2024-01-01", "2024-03-31", "quarter")]),
    ("本季度出货量创新高。", [("2025-10-01", "2025-12-31", "quarter")]),
    ("三星上季度营收增长。", [("2025-07-01", "2025-09-30", "quarter")]),
    ("该公司上个月15号递表。", [("2025-10-15", "2025-10-15", "day")]),
    ("新品下月九号上市。", [("2025-12-09", "2025-12-09", "day")]),
    ("上上周，两家公司签约。", [("2025-10-20", "2025-10-26", "week")]),
    ("产品下周二上市。", [("2025-11-11", "2025-11-11", "day")]),
    ("他说后天公布结果。", [("2025-11-05", "2025-11-05", "day")]),
    ("今明两年资本开支将增加。", [("2025-01-01", "2026-12-31", "year")]),
    ("三年前公司开始自研芯片。", [("2022-01-01", "2022-12-31", "year")]),
    ("12个月前，该股还在低位。", [("2024-11-01", "2024-11-30", "month")]),
    ("3周前，两家公司签约。", [("2025-10-13", "2025-10-13", "day")]),
    ("工厂将在三周后投产。", [("2025-11-24", "2025-11-24", "day")]),
    ("上一年度销售额的10%作为罚款基数。", []),  # a base of reckoning, no date
    ("公司将于20天后公布结果。", [("2025-11-23", "2025-11-23", "day")]),
    # a partial date: the occurrence nearest the article's date within six months
    ("12月5日，新品登场。", [("2025-12-05", "2025-12-05", "day")]),
    ("5月20日，新品登场。", [("2025-05-20", "2025-05-20", "day")]),
    ("2月10日，新品登场。", [("2026-02-10", "2026-02-10", "day")]),
    ("公司已于2月10日发布新品。", [("2025-02-10", "2025-02-10", "day")]),  # told as done
    ("早在3月，公司就已备货。", [("2025-03-01", "2025-03-31", "month")]),
    ("三月份以来订单增加。", [("2025-03-01", "2025-03-31", "month")]),  # since: begun
    ("十二月月底前完成交割。", [("2025-12-01", "2025-12-31", "month")]),
    # look-alikes: counts of months and years, idioms
    ("该芯片将在一两个月内量产。", []),
    ("近一月来股价上涨。", []),
    ("公司成立24年来首次亏损。", []),
    ("他在这家公司工作了24年，", []),
    ("该季节性需求回落。", []),
    ("先天不足后天补。", []),
    ("这批货款共2018笔。", []),
])
def test_date_forms(text, expected):
    assert _dates(text) == expected
