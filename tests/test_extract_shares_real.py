"""Market-share mechanisms met in real reporting: parallel clauses, listed figures, from-toward changes,
ratios of use, stakes and allotments, and what is not a share (levies, caps, growth, spending ratios).

Every sentence here is written for the test, in both scripts."""

from __future__ import annotations

import pytest

from helpers.extract import extract_text


@pytest.fixture(scope="module")
def shares(lexicon, simplifier):
    def run(text: str) -> list[dict]:
        return [c for c in extract_text(text, "2025-06-01", lexicon=lexicon, simplifier=simplifier)
                if c["kind"] == "market_share"]
    return run


def _values(rows):
    return [r["value"] for r in rows]


# ---------------------------------------------------------------- parallel clauses and lists

@pytest.mark.parametrize("text", [
    "2023年华为市占率为70%，寒武纪为20%；2024年预计华为降至60%，寒武纪升至25%。",
    "2023年華為市佔率為70%，寒武紀為20%；2024年預計華為降至60%，寒武紀升至25%。",
])
def test_parallel_clauses_give_each_subject_its_figure(shares, text):
    rows = shares(text)
    assert [(r["subject"], r["value"]) for r in rows] == [
        ("华为", 70.0), ("寒武纪", 20.0), ("华为", 60.0), ("寒武纪", 25.0)]


def test_a_later_clause_falling_to_a_figure_continues_the_share(shares):
    rows = shares("采购份额中GPU一路从68%升至74%，ASIC则相对下降至22.5%。")
    assert _values(rows) == [74.0, 22.5]
    assert rows[1]["to_value"] == 22.5


@pytest.mark.parametrize("text", [
    "英伟达、AMD和华为的份额分别为50%、30%、20%。",
    "英偉達、AMD和華為的份額分別為50%、30%、20%。",
])
def test_listed_figures_go_to_listed_names_in_order(shares, text):
    rows = shares(text)
    assert [(r["subject"], r["value"]) for r in rows] == [("英伟达", 50.0), ("AMD", 30.0), ("华为", 20.0)]


def test_a_share_compared_with_an_earlier_one_is_a_change(shares):
    rows = shares("三大云厂商的采购占比为41.5%，稍低于上年的46%。")
    assert len(rows) == 1
    assert (rows[0]["from_value"], rows[0]["to_value"]) == (46.0, 41.5)


# ---------------------------------------------------------------- change grammar

@pytest.mark.parametrize("text", ["国产芯片的份额正从不足5%向20%迈进。", "國產晶片的份額正從不足5%向20%邁進。"])
def test_from_toward_is_a_change(shares, text):
    rows = shares(text)
    assert len(rows) == 1
    assert (rows[0]["from_value"], rows[0]["to_value"]) == (5.0, 20.0)


def test_a_year_between_from_and_the_figure(shares):
    rows = shares("该公司外购芯片的比例将从2024年约60%下降至2025年约45%。")
    assert len(rows) == 1
    assert (rows[0]["from_value"], rows[0]["value"], rows[0]["metric"]) == (60.0, 45.0, "外购比率")


def test_doubling_is_a_move(shares):
    rows = shares("液冷方案的渗透率由2024年的12%倍增至逾25%。")
    assert len(rows) == 1
    assert (rows[0]["from_value"], rows[0]["value"], rows[0]["hedge"]) == (12.0, 25.0, "超")


def test_a_target_keeps_its_hedge(shares):
    rows = shares("到2028年，國產化率將提高至85%以上。")
    assert len(rows) == 1
    assert (rows[0]["value"], rows[0]["hedge"], rows[0]["subject"]) == (85.0, "超", "国产AI芯片")


# ---------------------------------------------------------------- ratios of use

@pytest.mark.parametrize("text", ["在训练任务中，英伟达与华为两者占比已达七比三。",
                                  "在訓練任務中，英偉達與華為兩者佔比已達七比三。"])
def test_a_ratio_of_use_is_two_shares(shares, text):
    rows = shares(text)
    assert [(r["subject"], r["value"]) for r in rows] == [("英伟达", 70.0), ("华为", 30.0)]


def test_a_ratio_in_digits(shares):
    assert _values(shares("云厂商采购中，国产与进口芯片的比例约为1:3。")) == [25.0, 75.0]


# ---------------------------------------------------------------- stakes and allotments

@pytest.mark.parametrize("text", ["寒武纪持有该基金8.5%股份。", "寒武紀持有該基金8.5%股份。"])
def test_a_stake_is_a_share(shares, text):
    rows = shares(text)
    assert [(r["subject"], r["value"], r["metric"]) for r in rows] == [("寒武纪", 8.5, "持股比例")]


def test_listed_stakes(shares):
    assert _values(shares("两家基金与一家国企的持股比例分别是6.2%、2.75%和0.9%。")) == [6.2, 2.75, 0.9]


def test_allotment_rates_and_tranches(shares):
    assert _values(shares("这只新股的初步中签率为0.031%。")) == [0.031]
    assert _values(shares("这家公司0.018%的中签率远低于均值。")) == [0.018]
    rows = shares("网下初始发行量为2400万股，占剔除战略配售后本次发行总量的70.00%。")
    assert _values(rows) == [70.0]


# ---------------------------------------------------------------- subjects

def test_a_domestic_share_does_not_go_to_the_foreign_name_before_it(shares):
    rows = shares("英伟达称，国产芯片在中国市场的份额已升至40%。")
    assert [(r["subject"], r["value"]) for r in rows] == [("国产AI芯片", 40.0)]


def test_a_source_is_not_the_subject(shares):
    rows = shares("IDC统计显示，海光在国内加速卡市场的占有率为11%。")
    assert [r["subject"] for r in rows] == ["海光"]


# ---------------------------------------------------------------- not shares

@pytest.mark.parametrize("text", [
    "美国政府向两家厂商收取其对华营收的15%作为授权费。",
    "美國政府向兩家廠商收取其對華營收的15%作為授權費。",
    "运往中国的GPU数量不能超过其美国订单量的50%。",
    "該公司收入按年升12.5%，按季跌2.1%。",
    "本季研发开支3.6亿元，约占营业收入的22.4%。",
    "研發開支佔營收比重由前一年的210%大幅回落到35.8%。",
    "这座晶圆厂的产能利用率维持在88.2%，份额稳定。",
    "以该公司去年61%的净利润率计算，利润仍然可观。",
])
def test_levies_caps_growth_spending_and_rates_are_not_shares(shares, text):
    assert shares(text) == []


# ---------------------------------------------------------------- ranges, comparisons, more non-shares

@pytest.mark.parametrize("text", ["据估算，国产芯片在中国市场的份额约为35%至45%。",
                                  "據估算，國產晶片在中國市場的份額約為35%至45%。"])
def test_a_range_is_one_share(shares, text):
    rows = shares(text)
    assert [(r["value"], r["value_max"], r["hedge"]) for r in rows] == [(35.0, 45.0, "约")]


def test_a_share_compared_with_a_named_fiscal_year(shares):
    rows = shares("2025财年，该公司中国区营收占比为12%，较2022财年的24%近乎腰斩。")
    assert len(rows) == 1
    assert (rows[0]["from_value"], rows[0]["value"]) == (24.0, 12.0)


def test_rising_to_without_a_growth_word(shares):
    rows = shares("国产芯片在数据中心的份额，已由两年前约一成增至目前约三成。")
    assert len(rows) == 1
    assert (rows[0]["from_value"], rows[0]["to_value"]) == (10.0, 30.0)


@pytest.mark.parametrize("text", [
    "这一市场规模约300亿美元，并以每年约40%的速度增长。",
    "出口商须保证对华出货量不超过对美国客户出货量的50%。",
    "該公司須將對華銷售額的20%繳給美國政府。",
    "持股5%以上的股东拟在三个月内减持。",
])
def test_growth_speeds_caps_and_payments_are_not_shares(shares, text):
    assert shares(text) == []


def test_an_object_is_not_the_subject(shares):
    rows = shares("有消息称，腾讯眼下占燧原逾55%订单。")
    assert [(r["subject"], r["value"]) for r in rows] == [("腾讯", 55.0)]


def test_a_product_named_with_its_maker_is_the_subject(shares):
    rows = shares("受禁令衝擊，輝達H20銷量走弱、市佔預計跌至27%。")
    assert [(r["subject"], r["value"], r["hedge"]) for r in rows] == [("H20", 27.0, "或")]


@pytest.mark.parametrize("text", ["新规要求数据中心国产芯片使用比例不低于50%。", "新規要求資料中心國產晶片使用比例不低於50%。"])
def test_a_floor_is_hedged_as_more_than(shares, text):
    rows = shares(text)
    assert [(r["value"], r["hedge"]) for r in rows] == [(50.0, "超")]


@pytest.mark.parametrize("text", ["地方政府补贴比例为30%。", "经销商折扣比例达到20%。", "該晶片良率達到70%。"])
def test_subsidy_and_discount_ratios_and_yields_are_not_shares(shares, text):
    assert shares(text) == []


@pytest.mark.parametrize("text", ["英伟达份额从2024年第一季度约60%下降至2025年第一季度约45%。",
                                  "國產晶片占比由去年同期的12%升至今年第二季度的近30%。"])
def test_periods_between_the_figures_of_a_change(shares, text):
    rows = shares(text)
    assert len(rows) == 1 and rows[0]["from_value"] is not None and rows[0]["to_value"] == rows[0]["value"]


def test_a_parallel_clause_with_only_a_hedge(shares):
    rows = shares("据估算，越南已占东南亚新增产能的逾半，北部一省就超过三分之一。")
    assert [r["value"] for r in rows] == [50.0, pytest.approx(33.3, abs=0.1)]


@pytest.mark.parametrize("text", ["寒武纪在国内训练市场已是三分天下有其一。", "華為在國內推理市場已是半壁江山。"])
def test_share_idioms_stand_alone(shares, text):
    assert len(shares(text)) == 1


def test_a_share_idiom_without_a_market_is_a_figure_of_speech(shares):
    assert shares("他称，退出中国等于主动放弃半壁江山。") == []
