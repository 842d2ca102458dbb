"""Each extractor on sentences written for the purpose (not from the seeds)."""

from __future__ import annotations

import pytest

from helpers.extract import extract_text


@pytest.fixture(scope="module")
def claims(lexicon, simplifier):
    def run(text: str, published: str = "2025-11-03", kind: str | None = None):
        rows = extract_text(text, published, lexicon=lexicon, simplifier=simplifier)
        return [r for r in rows if kind is None or r["kind"] == kind]
    return run


def only(rows):
    assert len(rows) == 1, rows
    return rows[0]


# ------------------------------------------------------------ market_share

@pytest.mark.parametrize("text, from_value, to_value", [
    ("英伟达在中国AI芯片市场的份额由九成半跌至零。", 95, 0),
    ("輝達在中國的市佔率從百分之九十五降到百分之五十。", 95, 50),
    ("英伟达的市场份额从80%腰斩。", 80, 40),
    ("国产化率从31%飙升到了52%。", 31, 52),
    ("英伟达在华市场份额已经从95%下滑至约两成。", 95, 20),
])
def test_share_changes(claims, text, from_value, to_value):
    row = only(claims(text, kind="market_share"))
    assert (row["from_value"], row["to_value"], row["value"]) == (from_value, to_value, to_value)
    assert row["unit"] == "%"


def test_share_level_with_hedge_scope_and_metric(claims):
    row = only(claims("华为在中国AI芯片市场的份额约五成。", kind="market_share"))
    assert (row["value"], row["hedge"], row["subject"], row["scope"]) == (50, "约", "华为", "中国AI芯片市场")
    row = only(claims("英伟达财报显示，中国区营收占比超过20%。", kind="market_share"))
    assert (row["value"], row["hedge"], row["metric"]) == (20, "超", "营收占比")
    row = only(claims("明年国产替代率或超50%。", kind="market_share"))
    assert (row["value"], row["hedge"], row["metric"]) == (50, "或超", "国产替代率")


@pytest.mark.parametrize("text", [
    "英伟达营收同比增长40%。",
    "H20价格上涨近10%。",
    "英伟达必须将每颗H20销售收入的15%交给美国政府。",
    "地方政府对采购国产芯片给予最高30%补贴。",
    "训练时间缩短40%，效果损失不足2%。",
    "壁仞的目标是达到H100性能的80%。",
])
def test_not_shares(claims, text):
    assert claims(text, kind="market_share") == []


# ------------------------------------------------------------ spec

def test_compute_memory_bandwidth_node(claims):
    rows = claims("昇腾910C的FP16算力约800 TFLOPS，配备128GB HBM，带宽3.2TB/s，采用7纳米工艺。", kind="spec")
    got = {(r["metric"], r["value"], r["unit"]) for r in rows}
    assert got == {("FP16算力", 800, "TFLOPS"), ("HBM容量", 128, "GB"), ("带宽", 3.2, "TB/s"), ("制程", 7, "nm")}
    assert {r["subject"] for r in rows} == {"昇腾910C"}


def test_cards_per_system(claims):
    row = only(claims("华为CloudMatrix 384超节点由384颗昇腾芯片组成。", kind="spec"))
    assert (row["subject"], row["metric"], row["value"], row["unit"]) == ("CloudMatrix 384", "卡数", 384, "chips")
    row = only(claims("Atlas 960 SuperPoD支持15488张卡。", kind="spec"))
    assert (row["subject"], row["value"], row["unit"]) == ("Atlas 960 SuperPoD", 15488, "cards")


def test_ratios_record_the_other_chip(claims):
    row = only(claims("据称昇腾950PR的算力是H20的2.5倍。", kind="spec"))
    assert (row["subject"], row["value"], row["unit"], row["relative_to"]) == ("昇腾950PR", 2.5, "ratio", "H20")
    row = only(claims("昇腾910B的性能相当于H100的60%。", kind="spec"))
    assert (row["subject"], row["value"], row["relative_to"]) == ("昇腾910B", 0.6, "H100")


def test_export_threshold_change(claims):
    row = only(claims("美国将算力门槛从4800 TOPS降至2400 TOPS。", kind="spec"))
    assert (row["subject"], row["metric"], row["from_value"], row["to_value"]) == ("出口管制", "算力门槛", 4800, 2400)


# ------------------------------------------------------------ money

@pytest.mark.parametrize("text, value, value_max, unit, hedge", [
    ("英伟达中国区营收171亿美元。", 17_100_000_000, None, "USD", ""),
    ("H20售价约为2.5万美元。", 25_000, None, "USD", "约"),
    ("大基金三期规模超3000亿元。", 3e11, None, "CNY", "超"),
    ("新基金规模介于2000亿元至5000亿元。", 2e11, 5e11, "CNY", ""),
    ("租用H100每小时约2美元。", 2, None, "USD/hour", "约"),
    ("台積電營收達新台幣2,600億元。", 2.6e11, None, "TWD", ""),
])
def test_money(claims, text, value, value_max, unit, hedge):
    row = only(claims(text, kind="money"))
    assert row["value"] == pytest.approx(value)
    assert (row["value_max"] or None) == (pytest.approx(value_max) if value_max else None)
    assert (row["unit"], row["hedge"]) == (unit, hedge)


def test_vague_amounts_are_not_claims(claims):
    assert claims("此举帮中国节省数百亿美元外汇。", kind="money") == []


# ------------------------------------------------------------ event

def test_event_with_absolute_date_actor_action_items(claims):
    row = only(claims("2025年4月，美国商务部叫停英伟达向中国出口H20芯片。", kind="event"))
    assert (row["actor"], row["action"], row["date_start"], row["date_end"], row["date_precision"]) == (
        "美国商务部", "ban", "2025-04-01", "2025-04-30", "month")
    assert row["items"] == "H20" and row["date_inferred"] is False


def test_event_dates_carried_and_resolved(claims):
    rows = claims("2025年4月，美国政府禁止H20出口。三个月后，剧情反转。特朗普同意放行H20。", kind="event")
    assert [(r["actor"], r["action"], r["date_start"], r["date_inferred"]) for r in rows] == [
        ("美国政府", "ban", "2025-04-01", False), ("特朗普", "approve", "2025-07-01", True)]


def test_partial_date_resolves_against_the_published_date(claims):
    row = only(claims("9月18日，华为发布昇腾950PR。", published="2025-11-03", kind="event"))
    assert (row["date_start"], row["date_precision"], row["date_inferred"], row["action"]) == (
        "2025-09-18", "day", True, "launch")


def test_fiscal_period_is_kept_as_a_period(claims):
    row = only(claims("英伟达2026财年第一季度财报显示，数据中心营收大增。", kind="event"))
    assert (row["period"], row["date_precision"], row["date_start"]) == ("FY2026-Q1", "fiscal_quarter", "")


def test_speech_and_undated_actions_are_not_events(claims):
    assert claims("今年5月，黄仁勋在接受采访时说，华为很强。", kind="event") == []
    assert claims("最近，国家网信办要求企业停止采购RTX Pro 6000D。", kind="event") == []


# ------------------------------------------------------------ quote

def test_direct_and_pronoun_quotes(claims):
    rows = claims("黄仁勋说：“中国市场非常重要。”他强调：“我们不会放弃。”", kind="quote")
    assert [(r["actor"], r["evidence"]) for r in rows] == [("黄仁勋", "中国市场非常重要"), ("黄仁勋", "我们不会放弃")]


def test_reported_speech_traditional_and_generic_speakers(claims):
    row = only(claims("黃仁勳坦言，失去中國市場將是巨大損失。", kind="quote"))
    assert (row["actor"], row["evidence"]) == ("黄仁勋", "失去中國市場將是巨大損失")
    row = only(claims("有分析师表示，H20需求正在回落。", kind="quote"))
    assert row["actor"] == "分析师"


def test_speakers_with_when_where_and_to_whom_and_outlets_that_report(claims):
    row = only(claims("外交部发言人毛宁21日表示，中方反对将经贸问题政治化。", kind="quote"))
    assert (row["actor"], row["evidence"]) == ("毛宁", "中方反对将经贸问题政治化")
    row = only(claims("黄仁勋今年6月曾坦言，英伟达在华份额已大幅下滑。", kind="quote"))
    assert row["actor"] == "黄仁勋"
    row = only(claims("一位接近监管部门的人士透露，新规将于下月生效。", kind="quote"))
    assert row["actor"].endswith("人士") and row["evidence"] == "新规将于下月生效"
    row = only(claims("“订单还在排队。”一位服务器厂商的销售主管对记者说。", kind="quote"))
    assert row["actor"].endswith("主管") and row["evidence"] == "订单还在排队"
    row = only(claims("据路透社报道，美方正考虑放宽部分芯片的出口许可。", kind="quote"))
    assert (row["actor"], row["evidence"]) == ("路透社", "美方正考虑放宽部分芯片的出口许可")
    # An outlet reporting someone's words: the words are theirs, not the outlet's.
    rows = claims("据路透社报道，黄仁勋对记者表示，公司仍在评估中国市场。", kind="quote")
    assert [r["actor"] for r in rows] == ["黄仁勋"]


def test_scare_quotes_and_estimates_are_not_quotes(claims):
    assert claims("美国允许出口“缩水版”H20芯片。", kind="quote") == []
    assert claims("有经济学家估算，此举可能让进程加快5年。", kind="quote") == []


# ------------------------------------------------------------ noise

@pytest.mark.parametrize("text", [
    "请拨打010-12345678咨询。",
    "寒武纪（688256.SH）今日上涨。",
    "支持4/5G网络。",
    "第1,2,3页。",
    "这是一句没有任何数字的句子，讨论的是芯片产业的未来。",
    "，" * 5000,
    "英伟达" + "很强" * 3000 + "。",
])
def test_noise_gives_no_claims(claims, text):
    assert claims(text) == []
