"""Money as real reporting writes it: magnitudes with 多/余, colloquial numerals, ranges sharing a
magnitude, Taiwanese 兆, currencies written before or after the figure, a bare 元 continuing the
currency written out earlier, bracketed conversions, changes, per-share prices and hourly rates.
All sentences are made up for these tests, in both scripts."""

from __future__ import annotations

import pytest

from helpers.extract import extract_text
from helpers.extract.numbers import parse_number


def _money(text: str, published: str = "2025-06-30") -> list[dict]:
    return [c for c in extract_text(text, published) if c["kind"] == "money"]


def _figures(text: str) -> list[tuple]:
    return [(c["value"], c["value_max"] if c["value_max"] == c["value_max"] else None, c["unit"])
            for c in _money(text)]


@pytest.mark.parametrize("text, value", [
    ("两千六", 2600), ("三万五", 35000), ("一百二", 120), ("一百零二", 102), ("一亿五", 1.5e8),
    ("三万零五", 30005), ("十二", 12), ("两千六百万", 2.6e7),
])
def test_colloquial_numerals(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text, value, unit", [
    ("这家公司去年营收171亿美元。", 1.71e10, "USD"),
    ("該公司上季淨利達2.5億美元。", 2.5e8, "USD"),
    ("新厂投资两千六百万元。", 2.6e7, "CNY"),
    ("这笔订单金额为三万五千元。", 35000, "CNY"),
    ("这项计划的总预算为新台币1.5兆元。", 1.5e12, "TWD"),
    ("該公司全年營收達新台幣2兆4500億元。", 2.45e12, "TWD"),
    ("公司股价收在港币12.5元。", 12.5, "HKD"),
    ("新股发行价为每股88.6元。", 88.6, "CNY"),
    ("日本政府补贴3000亿日元。", 3e11, "JPY"),
    ("欧盟开出的罚款为12亿欧元。", 1.2e9, "EUR"),
    ("這批晶片以日圓計價約500億日圓。", 5e10, "JPY"),
    ("工业电价约为每度5.6美分。", 0.056, "USD"),
    ("募资总额为US$12亿。", 1.2e9, "USD"),
    ("公司收到罰款7,787萬元。", 7.787e7, "CNY"),
    ("中芯國際全年資本開支達520億元人民幣。", 5.2e10, "CNY"),
])
def test_single_amounts(text, value, unit):
    found = _money(text)
    assert len(found) == 1, found
    assert found[0]["value"] == pytest.approx(value)
    assert found[0]["unit"] == unit


@pytest.mark.parametrize("text, value, hedge", [
    ("这家公司市值300多亿美元。", 3e10, "超"),
    ("該公司募資十多億元。", 1e9, "超"),
    ("项目获得补贴二十余万元。", 2e5, "超"),
    ("一台服务器卖一百多万元。", 1e6, "超"),
    ("這筆交易金額達2萬多億元。", 2e12, "超"),
])
def test_more_than_magnitudes(text, value, hedge):
    found = _money(text)
    assert len(found) == 1, found
    assert found[0]["value"] == pytest.approx(value)
    assert found[0]["hedge"] == hedge


@pytest.mark.parametrize("text", [
    "各国政府投入数百亿美元扶持芯片产业。",
    "這些公司每年花費數十億美元採購晶片。",
    "该项目耗资上千万元。",
    "市场上涌入几十亿元资金。",
    "人民币兑美元汇率为7.1。",
    "亿元级别的订单越来越多。",
])
def test_amounts_without_a_figure_are_not_claims(text):
    assert _money(text) == []


@pytest.mark.parametrize("text, low, high, unit", [
    ("市场规模将达七千到九千亿元。", 7e11, 9e11, "CNY"),
    ("月薪在2——3万港币之间。", 2e4, 3e4, "HKD"),
    ("每笔罚款1万元--5万元不等。", 1e4, 5e4, "CNY"),
    ("该公司预计营收20至30亿美元。", 2e9, 3e9, "USD"),
    ("報價區間為88.79元~159.57元。", 88.79, 159.57, "CNY"),
    ("基金规模为人民币2000亿元至5000亿元。", 2e11, 5e11, "CNY"),
    ("單價在9000至1萬元之間。", 9000, 1e4, "CNY"),
])
def test_ranges_share_magnitude_and_currency(text, low, high, unit):
    assert _figures(text) == [(pytest.approx(low), pytest.approx(high), unit)]


def test_a_range_with_conversions_gives_both_ranges():
    text = "基金總規模為1000億人民幣(約140億美元)至3000億人民幣(約420億美元)。"
    assert _figures(text) == [(1e11, 3e11, "CNY"), (1.4e10, 4.2e10, "USD")]


def test_an_amount_and_its_bracketed_conversion_are_two_claims():
    found = _money("此項計畫總預算為新台幣5000億元（約人民幣1150億元）。")
    assert [(c["value"], c["unit"], c["hedge"]) for c in found] == [(5e11, "TWD", ""), (1.15e11, "CNY", "约")]


def test_a_bare_yuan_takes_its_currency_from_the_conversion_ratio():
    found = _money("該公司去年營收為3000億元（約人民幣680億元）。")
    assert [(c["value"], c["unit"]) for c in found] == [(3e11, "TWD"), (6.8e10, "CNY")]


def test_a_bare_yuan_continues_the_currency_written_out_before():
    text = "台積電第三季營收新台幣9000億元，創新高。全年淨利預計達1兆5000億元。輝達營收則為300億美元。"
    assert [(c["value"], c["unit"]) for c in _money(text)] == [(9e11, "TWD"), (1.5e12, "TWD"), (3e10, "USD")]


def test_a_headline_takes_the_currency_of_its_lede():
    text = "大基金再募資4000億元\n據報導，該基金募資額為新台幣4000億元，創下紀錄。"
    assert [c["unit"] for c in _money(text)] == ["TWD", "TWD"]


def test_an_amount_in_its_own_currency_word_is_not_continued():
    text = "公司此次募资规模在50亿至60亿港元之间，估值约为140亿元。"
    assert [(c["value"], c["unit"]) for c in _money(text)] == [(5e9, "HKD"), (1.4e10, "CNY")]


def test_same_below_marks_the_currency_of_later_amounts():
    text = "該股承銷價定為每股新台幣(下同)86.5元，預估籌資總額45億元。"
    assert [(c["value"], c["unit"]) for c in _money(text)] == [(86.5, "TWD"), (4.5e9, "TWD")]


def test_a_change_is_one_claim_with_its_start():
    found = _money("高盛將目標價從人民幣1,200元拉高至1,800元。")
    assert len(found) == 1
    assert (found[0]["value"], found[0]["from_value"], found[0]["unit"]) == (1800, 1200, "CNY")


def test_a_change_between_two_dated_figures_is_two_claims():
    found = _money("销售额将从2026年的500亿美元，增长至2029年的1800亿美元。")
    assert [c["value"] for c in found] == [5e10, 1.8e11]


@pytest.mark.parametrize("text, value, unit", [
    ("云端租用一张GPU每小时约2.5美元。", 2.5, "USD/hour"),
    ("租金为8美元/小时。", 8, "USD/hour"),
    ("每小時租金約3美元。", 3, "USD/hour"),
])
def test_hourly_rates(text, value, unit):
    assert _figures(text) == [(value, None, unit)]


@pytest.mark.parametrize("text, metric", [
    ("公司上半年营收28亿元。", "营收"),
    ("該公司淨利潤10億元。", "净利润"),
    ("摩尔线程发行价为每股114.28元。", "发行价"),
    ("大基金三期注册资本3440亿元。", "注册资本"),
    ("该公司募资80亿元。", "募资额"),
    ("政府补贴5000万元。", "补贴"),
    ("監管機構開出罰款3億元。", "罚款"),
    ("公司总市值达到537亿元。", "市值"),
])
def test_metric_is_the_nearest_metric_word(text, metric):
    found = _money(text)
    assert [c["metric"] for c in found] == [metric]


def test_a_bracketed_same_below_names_the_currency():
    text = "公司全年營收1.2兆元（新台幣，下同），淨利5000億元。"
    assert [(c["value"], c["unit"]) for c in _money(text)] == [(1.2e12, "TWD"), (5e11, "TWD")]


@pytest.mark.parametrize("text, unit", [
    ("公司營收9000億元（約300億美元）。", "TWD"),
    ("公司盈利78億元（約10億美元）。", "HKD"),
    ("公司营收500亿元（约70亿美元）。", "CNY"),
])
def test_the_conversion_ratio_names_a_bare_yuan(text, unit):
    assert _money(text)[0]["unit"] == unit


@pytest.mark.parametrize("text", [
    "RTX5090显卡的售价在中国市场被炒高。",
    "三元锂电池的需求上升。",
    "H20-1.2万美元的价格区间",
])
def test_model_numbers_and_idioms_are_not_figures(text):
    assert all(c["value"] >= 10000 for c in _money(text))


def test_a_range_of_unrelated_sizes_is_not_one_range():
    assert _figures("单价5元至30亿元的项目") == [(5, None, "CNY"), (3e9, None, "CNY")]


@pytest.mark.parametrize("text, value", [
    ("公司完成十亿元融资。", 1e9),
    ("公司账上还有三千万元现金。", 3e7),
])
def test_words_before_a_figure_that_are_not_vague(text, value):
    assert [c["value"] for c in _money(text)] == [value]


@pytest.mark.parametrize("text, unit", [
    ("台股今天大漲，台積電營收年增30%。台積電股價收在1,050元。", "TWD"),
    ("該公司期內收入按年增加20%。該公司股價收報35.5元。", "HKD"),
    ("中國晶片產業資金規模達2000億元。", "CNY"),
    ("寒武紀股價收在人民幣1,329元。公司目標價上調至1,500元。", "CNY"),
])
def test_a_bare_yuan_in_traditional_script_takes_its_press_currency(text, unit):
    assert {c["unit"] for c in _money(text)} == {unit}


def test_a_bare_yuan_in_simplified_script_stays_yuan():
    assert [c["unit"] for c in _money("台股大涨，营收年增30%。公司股价收在1050元。")] == ["CNY"]


@pytest.mark.parametrize("text, value, hedge", [
    ("該公司市值突破萬億美元。", 1e12, "超"),
    ("全年投资近千亿元。", 1e11, "近"),
])
def test_round_magnitudes_are_figures(text, value, hedge):
    assert [(c["value"], c["hedge"]) for c in _money(text)] == [(value, hedge)]


@pytest.mark.parametrize("text", ["各国投入数万亿元。", "亿元级订单越来越多。", "他们曾是万元户。"])
def test_bare_magnitudes_are_not_figures(text):
    assert _money(text) == []


def test_a_range_between_two_ends_joined_by_and():
    assert _figures("募資規模介於50億與60億港元之間。") == [(5e9, 6e9, "HKD")]
    assert _figures("公司出资10亿元和20亿元。") == [(1e9, None, "CNY"), (2e9, None, "CNY")]


@pytest.mark.parametrize("text, unit", [
    ("H100的租金为2.1美元/GPU/小时。", "USD/hour"),
    ("租金为每卡小时1.8美元。", "USD/hour"),
    ("租用价格每小时下降，公司营收达到30亿美元。", "USD"),
])
def test_hourly_rates_in_their_clause(text, unit):
    assert [c["unit"] for c in _money(text)] == [unit]


def test_a_hedge_between_currency_word_and_figure():
    found = _money("該基金註冊資本為人民幣約3440億元。")
    assert [(c["value"], c["unit"], c["hedge"]) for c in found] == [(3.44e11, "CNY", "约")]


@pytest.mark.parametrize("text, figures", [
    ("三家公司營收分別為28億、30億和35億美元。", [(2.8e9, None, "USD"), (3e9, None, "USD"), (3.5e9, None, "USD")]),
    ("2024、2025年营收100亿元。", [(1e10, None, "CNY")]),
    ("H20、H200和30亿美元的订单", [(3e9, None, "USD")]),
])
def test_a_list_of_figures_shares_its_last_currency(text, figures):
    assert _figures(text) == figures
