"""Events in the wider forms other outlets use (issue 11): each test one mechanism, sentences written here."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers.extract import extract_text
from helpers.extract.dates import find_dates
from helpers.lang import lexicon as lexicon_mod

PUBLISHED = dt.date(2025, 12, 19)  # a Friday
SAMR = lexicon_mod.load().canonical("市场监管总局")  # the antitrust regulator's canonical name


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


# ------------------------------------------------------------ actors

def test_the_mainland_officials_and_a_hearsay_lead_name_the_government():
    found = _events("据称大陆官员5日召集多家企业开会，要求停止采购H200芯片。")
    assert [(r["actor"], r["action"], r["date_start"]) for r in found] == [("中国政府", "ban", "2025-12-05")]


def test_shi_zai_between_the_actor_and_its_date():
    found = _events("市场监管总局是在去年12月9日宣布对英伟达立案调查。")
    assert [(r["actor"], r["action"], r["date_start"]) for r in found] == [
        (SAMR, "investigate", "2024-12-09")]


@pytest.mark.parametrize("text", ["该收购案于2020年4月获市场监管总局附加条件后批准。",
                                  "该收购案于二○二○年四月获市场监管总局附加条件后批准。"])
def test_the_agent_after_huo_acts_in_a_passive_approval(text):
    found = _events(text)
    assert [(r["actor"], r["action"], r["date_start"]) for r in found] == [
        (SAMR, "approve", "2020-04-01")]


def test_a_date_an_earlier_act_took_stays_with_it_when_the_clause_goes_on_after_it():
    found = _events("今年6月，证监会推出新政后，摩尔线程的上市进程加快。")
    assert [r["actor"] for r in found] == ["中国证监会"]
    # parallel acts under one heading date each keep it
    found = _events("2025年，华为宣布新计划；寒武纪推出思元590。")
    assert sorted(r["actor"] for r in found) == ["华为", "寒武纪"]


# ------------------------------------------------------------ actions

@pytest.mark.parametrize("text", ["寒武纪计划明年生产约60万片芯片。", "华为将在2026年将其昇腾产品线的产量提高至100万片。",
                                  "华为准备明年大幅提高其最先进人工智能芯片的产量。"])
def test_production_plans_are_planned_shipments(text):
    found = _events(text)
    assert [(r["action"], r["date_start"], r["status"]) for r in found] == [("ship", "2026-01-01", "planned")]


def test_a_post_is_an_event_only_for_the_act_it_conveys():
    assert any(r["action"] == "approve" and r["date_start"] == "2025-12-09"
               for r in _events("特朗普9日发文称，美方将放行英伟达对华出口H200。"))
    assert _events("某部9日发文指出，境外机构窃取技术。") == []


# ------------------------------------------------------------ dates from the sentences before

def test_an_undated_clause_referring_back_to_the_measure_takes_its_day():
    found = _events("11月24日，美国商务部宣布把27家企业列入实体清单。该部门下属的工业和安全局发布了这项最终裁决。",
                    published="2021-11-25")
    assert [r["date_start"] for r in found] == ["2021-11-24", "2021-11-24"]


def test_an_appearance_right_after_a_dated_act_of_its_organisation_is_on_that_day():
    found = _events("华为18日宣布一项三年计划。轮值董事长徐直军在某某大会上阐述了技术路线。", published="2025-09-23")
    assert ("徐直军", "speak", "2025-09-18") in [(r["actor"], r["action"], r["date_start"]) for r in found]


def test_an_act_restated_by_a_related_body_takes_the_day_it_was_told():
    text = ("美国商务部12日宣布将23家中国实体列入实体清单。中方对此表示反对。"
            "美国工业与安全局将23家中国实体列入实体清单，包括多家芯片公司。")
    found = _events(text, published="2025-09-15")
    assert [r["date_start"] for r in found] == ["2025-09-12", "2025-09-12"]


def test_no_day_is_carried_to_a_plan_or_to_an_act_named_as_a_point_in_time():
    text = "摩尔线程5日在科创板挂牌上市。摩尔线程在公司上市不久，隨即公告理财计划。"
    assert [r["date_start"] for r in _events(text)] == ["2025-12-05"]
    text = "美国商务部12日将某公司列入实体清单。美国商务部计划将更多公司列入实体清单。"
    assert [r["date_start"] for r in _events(text)] == ["2025-12-12"]


def test_an_unrelated_actor_does_not_continue_the_day():
    text = "美国商务部12日将某公司列入实体清单。荷兰政府将另一家公司列入出口清单。"
    assert [r["date_start"] for r in _events(text)] == ["2025-12-12"]


def test_mo_ni_is_no_plan():
    found = _events("商务部13日决定对原产于美国的模拟芯片进行反倾销立案调查。", published="2025-09-15")
    assert [(r["action"], r["status"]) for r in found] == [("investigate", "")]


def test_a_described_institution_and_a_described_company_head_their_clause():
    found = _events("知名研究机构伯恩斯坦于7月17日发布最新研报。", published="2025-08-01")
    assert [(r["actor"], r["date_start"]) for r in found] == [("伯恩斯坦", "2025-07-17")]
    found = _events("寒武纪今年产量有限。知情人士透露，这家总部位于北京的公司预计2026提高芯片产量。", published="2025-12-09")
    assert [(r["actor"], r["action"], r["status"]) for r in found] == [("寒武纪", "ship", "planned")]


def test_an_occasion_of_an_undated_article_keeps_its_unresolved_day():
    found = _events("在9月18日下午召开的寒武纪业绩说明会上，公司管理层表示将加大研发。", published="")
    assert [(r["actor"], r["action"], r["date_start"], r["date_inferred"]) for r in found] == [
        ("寒武纪", "speak", "", True)]


# ------------------------------------------------------------ acts told as nouns

@pytest.mark.parametrize("text, expected", [
    ("雖受10月美國AI晶片出口限制影響，某芯片出貨下滑。", ("美国政府", "tighten", "2025-10-01")),
    ("报告指出，近期英伟达H20芯片销量的恢复将带来推动。", ("英伟达", "resume", "2025-11-19")),
    ("在中美双方当地时间14日的经贸会谈之前，市场情绪谨慎。", ("双方", "other", "2025-12-14")),
])
def test_an_act_told_as_a_noun_after_its_date(text, expected):
    found = _events(text)
    assert [(r["actor"], r["action"], r["date_start"]) for r in found] == [expected]


def test_a_notice_as_a_noun_is_the_company_last_named():
    found = _events("海光信息终止了重组。12月9日的终止公告将原因归结为市场变化。")
    assert [(r["actor"], r["action"], r["date_start"]) for r in found] == [("海光", "announce", "2025-12-09")]


def test_a_measure_noun_that_is_no_act_of_the_dated_clause_is_not_read():
    # the date has its own act (a figure), the noun a mere topic later in the clause
    assert _events("2024年份额达到五成，市场担心更多禁令。") == []
    # a dated act already told keeps its date: no second event from the noun
    assert len(_events("美国商务部4月宣布出口限制。")) == 1


# ------------------------------------------------------------ listing steps and roadmaps

@pytest.mark.parametrize("text, expected", [
    ("沐曦股份18日提交注册。", ("list", "2025-12-18", "")),
    ("沐曦IPO注册于本月5日生效。", ("list", "2025-12-05", "")),
    ("壁仞科技1月2日上市首日股价大涨。", ("list", "2026-01-02", "planned")),
    ("其中昇腾950PR将在明年第1季问世。", ("launch", "2026-01-01", "planned")),
])
def test_listing_steps_and_a_roadmap_after_qizhong(text, expected):
    assert [(r["action"], r["date_start"], r["status"]) for r in _events(text)] == [expected]


# ------------------------------------------------------------ what is no act of the clause's actor

def test_a_measure_criticised_in_a_reply_is_not_the_speakers_act():
    assert _events("中国商务部13日回应时，批评美方滥用出口管制。") == []
    # a decision after the reply is the speaker's own
    found = _events("商务部13日回应，并决定对美国模拟芯片启动反倾销调查。")
    assert [(r["actor"], r["action"]) for r in found] == [("商务部", "investigate")]


def test_an_outlets_dated_report_is_no_act_of_the_outlet():
    assert _events("路透社周四（12/18）引述知情人士报道，商务部已将许可申请送审。") == []


def test_the_last_passive_mark_with_an_agent_names_the_actor():
    found = _events("12日，两家公司因被指为某厂采购设备而遭美方处罚。")
    assert [(r["actor"], r["action"]) for r in found] == [("美国政府", "investigate")]


def test_a_companys_further_act_told_with_ye_is_on_the_day_of_its_reported_act():
    text = ("摩尔线程20日推出新一代GPU。张建中指出，新架构将提升密度。他补充，这两款芯片订于明年量产。"
            "摩尔线程也宣布升级其软件平台。")
    found = _events(text, published="2025-12-20")
    assert [(r["action"], r["date_start"]) for r in found][-1] == ("announce", "2025-12-20")
    # without 也 the act has no day of its own
    text = text.replace("也宣布", "宣布")
    assert [r["action"] for r in _events(text, published="2025-12-20") if r["action"] == "announce"] == []


def test_a_few_days_after_a_date_is_in_its_month_and_a_rival_heads_the_clause():
    found = _events("摩尔线程本月初上市，几天后其对手沐曦上市。", published="2025-12-20")
    assert [(r["actor"], r["date_start"], r["date_precision"]) for r in found] == [
        ("摩尔线程", "2025-12-01", "month"), ("沐曦", "2025-12-01", "month")]


def test_a_bar_after_the_date_and_a_name_glossed_in_latin_head_their_clause():
    found = _events("11月13日|中芯国际发布公告，三季度营收创新高。", published="2025-11-13")
    assert [(r["actor"], r["date_start"]) for r in found] == [("中芯国际", "2025-11-13")]
    found = _events("强生（Mike Johnson）今天接受某电视节目专访时指出，贸易关系紧张。", published="2025-09-18")
    assert [(r["actor"], r["action"], r["date_start"]) for r in found] == [("强生", "speak", "2025-09-18")]


def test_a_clause_that_only_names_the_day_dates_the_next_one():
    found = _events("今天是长假后首个工作日，商务部一早发布两项公告，宣布实施出口管制。", published="2025-10-09")
    assert [(r["actor"], r["date_start"]) for r in found] == [("商务部", "2025-10-09")]


def test_an_approximate_window_is_not_carried_to_the_next_sentence():
    text = "国家主席日前发表新年贺词，提到芯片取得新突破。百度披露旗下昆仑芯已向联交所提交上市申请。"
    assert [r for r in _events(text, published="2026-01-02") if r["actor"] == "百度"] == []


def test_paired_sides_act_together_and_a_verb_phrase_date_is_no_noun():
    found = _events("11月18日和19日，中荷双方政府部门在北京举行了两轮磋商。", published="2025-11-19")
    assert [(r["actor"], r["date_start"]) for r in found] == [("双方", "2025-11-18")]
    assert _events("他透露，自己将于近日与中方主管部长会晤。", published="2025-10-21") == []


def test_a_date_a_report_frame_follows_after_a_comma_dates_the_report_not_the_act():
    found = _events("11月12日，据报道，美国商务部致函台积电，要求从11日开始停止向中国客户供应芯片。", published="2024-11-12")
    assert [r["date_start"] for r in found] == ["2024-11-11"]


def test_a_weekday_a_coming_act_follows_is_the_coming_one():
    assert _dates("台积电已通知客户，从周一开始将暂停发货", dt.date(2024, 11, 10)) == [("2024-11-11", "2024-11-11", "day")]
