"""Events and dates in the forms real reporting uses (sentences written here, both scripts)."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers.extract import extract_text
from helpers.extract.dates import find_dates

PUBLISHED = dt.date(2025, 11, 20)  # a Thursday


def _dates(text, published=PUBLISHED):
    return [(d.date_start, d.date_end, d.precision) for d in find_dates(text, published)]


# ------------------------------------------------------------ dates

@pytest.mark.parametrize("text, expected", [
    # approximate recent days: the 30 days up to the article's date
    ("某部委日前发布通知", ("2025-10-21", "2025-11-20", "approx")),
    ("某公司近日宣布", ("2025-10-21", "2025-11-20", "approx")),
    # calendar weeks, Monday to Sunday
    ("上周双方签约", ("2025-11-10", "2025-11-16", "week")),
    ("本周开始征询意见", ("2025-11-17", "2025-11-23", "week")),
    # weekdays: the last one on or before the article's date, the coming one when the text looks ahead
    ("周二公布财报", ("2025-11-18", "2025-11-18", "day")),
    ("该公司将于周三发布新品", ("2025-11-26", "2025-11-26", "day")),
    ("周五（21日）将开盘", ("2025-11-21", "2025-11-21", "day")),
    # a day in brackets: 前（3）日
    ("前（3）日宣布", ("2025-11-03", "2025-11-03", "day")),
    # quarters with no year, and after a quarter
    ("一季度营收创新高", ("2025-01-01", "2025-03-31", "quarter")),
    ("第二季后逐步放量", ("2025-07-01", "2025-09-30", "quarter")),
    ("预计将于一季度推出", ("2026-01-01", "2026-03-31", "quarter")),
    # cumulative periods from 1 January
    ("前三季度营收", ("2025-01-01", "2025-09-30", "quarter")),
    ("2024年前五个月", ("2024-01-01", "2024-05-31", "month")),
    ("今年1-9月", ("2025-01-01", "2025-09-30", "month")),
    # dekads and year edges
    ("6月下旬", ("2025-06-21", "2025-06-30", "dekad")),
    ("2025年3月上旬", ("2025-03-01", "2025-03-10", "dekad")),
    ("去年底公布", ("2024-01-01", "2024-12-31", "year")),
    ("年底前完成", ("2025-01-01", "2025-12-31", "year")),
    ("2026年初量产", ("2026-01-01", "2026-12-31", "year")),
    ("2025年上半年", ("2025-01-01", "2025-06-30", "half")),
])
def test_real_date_forms(text, expected):
    assert _dates(text) == [expected]


def test_traditional_forms_resolve_the_same(claims_trad_dates):
    assert claims_trad_dates("某公司上週宣佈") == [("2025-11-10", "2025-11-16", "week")]


@pytest.fixture
def claims_trad_dates(simplifier):
    def run(text):
        return _dates(simplifier.to_simplified(text))
    return run


@pytest.mark.parametrize("text", ["30日前完成", "近期将推出", "每一季度", "节日前"])
def test_not_these_dates(text):
    assert not any(p == "approx" for _, _, p in _dates(text))
    assert not any(p == "quarter" for _, _, p in _dates(text))


# ------------------------------------------------------------ events

@pytest.fixture(scope="module")
def events(lexicon, simplifier):
    def run(text: str, published: str = "2025-11-20"):
        rows = extract_text(text, published, lexicon=lexicon, simplifier=simplifier)
        return [r for r in rows if r["kind"] == "event"]
    return run


def test_approximate_date_dates_an_action(events):
    rows = events("商务部日前宣布对某进口芯片发起反倾销调查。")
    assert [(r["actor"], r["action"], r["date_start"], r["date_precision"], r["date_inferred"]) for r in rows] == [
        ("商务部", "investigate", "2025-10-21", "approx", True)]


@pytest.mark.parametrize("text", [
    "素有「显卡新贵」之称的沐曦17日又推出两款显卡。",
    "素有「顯卡新貴」之稱的沐曦17日又推出兩款顯卡。",
])
def test_an_epithet_before_the_actor(events, text):
    rows = events(text)
    assert [(r["actor"], r["action"], r["date_start"]) for r in rows] == [("沐曦", "launch", "2025-11-17")]


@pytest.mark.parametrize("text, date_start", [
    ("华为预计将于2027年二季度推出新一代芯片。", "2027-04-01"),
    ("華為計劃明年推出新一代晶片。", "2026-01-01"),
    ("寒武纪拟于25日在科创板挂牌上市。", "2025-11-25"),
])
def test_planned_actions(events, text, date_start):
    row = events(text)[0]
    assert (row["date_start"], row["status"]) == (date_start, "planned")


def test_what_happened_is_not_planned(events):
    row = events("华为3月推出新一代芯片。")[0]
    assert (row["date_start"], row["status"]) == ("2025-03-01", "")


@pytest.mark.parametrize("text", [
    "海光信息(688041)10月20日发布三季报。",
    "海光信息（688041）10月20日發布三季報。",
])
def test_results_release_after_a_ticker(events, text):
    rows = events(text)
    assert [(r["actor"], r["action"], r["date_start"]) for r in rows] == [("海光", "announce", "2025-10-20")]


def test_a_dateline_does_not_date_the_action(events):
    assert events("（某社记者 9日电）摩尔线程推出新显卡。") == []


def test_report_period_does_not_date_the_meeting(events):
    rows = events("燧原科技2024年度业绩说明会于今日下午举行。")
    assert rows and all(r["date_start"] != "2024-01-01" for r in rows)


@pytest.mark.parametrize("text", [
    "燧原科技去年6月正式启动上市辅导；今年1月9日顺利通过辅导验收，3月28日其IPO申请获受理，9月2日成功过会。",
    "燧原科技去年6月正式啟動上市輔導；今年1月9日順利通過輔導驗收，3月28日其IPO申請獲受理，9月2日成功過會。",
])
def test_chained_listing_steps_continue_the_actor(events, text):
    rows = events(text)
    assert sorted((r["actor"], r["action"], r["date_start"]) for r in rows) == [
        ("燧原", "list", "2024-06-01"), ("燧原", "list", "2025-01-09"),
        ("燧原", "list", "2025-03-28"), ("燧原", "list", "2025-09-02")]


def test_shipments_with_a_date(events):
    rows = events("据统计，英伟达2024年共出货约80万颗H20。")
    assert [(r["actor"], r["action"], r["date_start"]) for r in rows] == [("英伟达", "ship", "2024-01-01")]


@pytest.mark.parametrize("text, actor, action, date_start", [
    ("工业和信息化部31日约谈三家芯片企业。", "工业和信息化部", "investigate", "2025-10-31"),
    ("工業和信息化部31日約談三家晶片企業。", "工业和信息化部", "investigate", "2025-10-31"),
    ("商務部公告，自即日起暫停相關出口。", "商务部", "ban", "2025-11-20"),
])
def test_regulator_acts_in_either_script(events, text, actor, action, date_start):
    assert [(r["actor"], r["action"], r["date_start"]) for r in events(text)] == [(actor, action, date_start)]


@pytest.mark.parametrize("text", [
    "刚结束欧洲之行的美国总统特朗普近日签署一项行政令。",
    "剛結束歐洲之行的美國總統川普近日簽署一項行政令。",
])
def test_an_actor_the_date_follows_is_the_subject(events, text):
    rows = events(text)
    assert [(r["actor"], r["date_precision"]) for r in rows] == [("特朗普", "approx")]


def test_the_verb_a_later_date_governs(events):
    rows = events("寒武纪新发布的加速卡销量不俗，另计划于2028年推出下一代产品。")
    assert [(r["actor"], r["action"], r["date_start"], r["status"]) for r in rows] == [
        ("寒武纪", "launch", "2028-01-01", "planned")]


def test_a_report_frame_and_a_bound_do_not_date_the_act(events):
    assert events("一家外媒12日报道，北京已出台一项新的采购指引。") == []
    assert all(r["date_start"] != "2026-11-27" for r in events("商务部宣布，有关规定至2027年6月30日中止执行。"))


def test_an_act_in_a_modifier_of_its_actor(events):
    rows = events("创立于2020年的沐曦发展迅速。")
    assert [(r["actor"], r["action"], r["date_start"]) for r in rows] == [("沐曦", "invest", "2020-01-01")]


def test_an_appearance_on_a_given_day_but_not_a_month_long_interview(events):
    row = events("黄仁勋5日在台北举行的记者会上表示，将加大投资。")[0]
    assert (row["actor"], row["action"], row["date_start"]) == ("黄仁勋", "speak", "2025-11-05")
    assert events("今年5月，黄仁勋在接受采访时说，市场很大。") == []


def test_words_said_hold_no_listing(events):
    assert events("寒武纪董事长此前表示，「更多同行」上市是好事。") == []


def test_a_shipment_noun_is_no_shipment(events):
    assert events("2025年华为在国产AI芯片出货中占比过半。") == []


@pytest.mark.parametrize("text", ["明年四季度上市的昇腾950将支持新格式。", "明年四季度上市的昇騰950將支援新格式。"])
def test_a_roadmap_product_in_a_modifier_is_its_makers_planned_launch(events, text):
    row = only_event(events(text))
    assert (row["actor"], row["action"], row["date_start"], row["status"]) == ("华为", "list", "2026-10-01", "planned")


def test_prosecution_steps(events):
    rows = events("四名被告于19日被捕。")
    assert [(r["actor"], r["action"], r["date_start"]) for r in rows] == [("被告", "sue", "2025-11-19")]


def only_event(rows):
    assert len(rows) == 1, rows
    return rows[0]


@pytest.mark.parametrize("text", [
    "美国商务部6日批准AMD对华出售MI308，与此同时也收紧了其他型号的管制规则。",
    "美國商務部6日批准AMD對華出售MI308，與此同時也收緊了其他型號的管制規則。",
])
def test_a_simultaneous_clause_continues_actor_and_date(events, text):
    rows = events(text)
    assert sorted((r["actor"], r["action"], r["date_start"]) for r in rows) == [
        ("美国商务部", "approve", "2025-11-06"), ("美国商务部", "tighten", "2025-11-06")]


def test_a_parenthesis_between_subject_and_date(events):
    rows = events("工商信息显示，一家新基金公司（即国家大基金三期）已于本月18日注册成立。", published="2024-05-27")
    assert [(r["actor"], r["action"], r["date_start"]) for r in rows] == [("国家大基金三期", "invest", "2024-05-18")]
