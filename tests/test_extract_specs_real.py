"""Spec mechanisms for real reporting: the unit grammar, the comparison grammar, the subject model.

Sentences written here for the tests (simplified and traditional), in the forms real reporting uses.
"""

from __future__ import annotations

import pytest

from helpers.extract import extract_text


def specs(text: str) -> list[dict]:
    return [c for c in extract_text(text) if c["kind"] == "spec"]


def one(text: str, **fields) -> dict:
    """The single spec claim of `text` whose fields match `fields` (values compared loosely)."""
    found = []
    for c in specs(text):
        ok = True
        for key, want in fields.items():
            got = c[key]
            if isinstance(want, float | int) and not isinstance(want, bool):
                ok &= got is not None and got == got and abs(float(got) - want) < 1e-6
            else:
                ok &= got == want
        if ok:
            found.append(c)
    assert len(found) == 1, (text, [(c["evidence"], c["subject"], c["value"], c["unit"]) for c in specs(text)])
    return found[0]


# ------------------------------------------------------------ counts and units

@pytest.mark.parametrize("text, value, hedge", [
    ("该超节点最多可连接2048卡，面向大模型训练。", 2048, ""),
    ("該叢集滿配支持512卡。", 512, ""),
    ("新集群的规模超过5万卡。", 50000, "超"),
    ("業界正在建設萬卡級集群。", 10000, "约"),
    ("不少高校已建成千卡集群。", 1000, ""),
])
def test_cards_without_a_measure_word(text, value, hedge):
    row = one(text, unit="cards", value=value)
    assert row["hedge"] == hedge


def test_cards_without_a_measure_word_need_a_system_context():
    assert not specs("他在会上送出了3卡。")
    assert not specs("该公司今年卖出了数千卡。")


def test_gpu_after_a_measure_word_is_the_noun():
    one("英伟达的机柜只需36颗GPU。", unit="chips", value=36)


def test_a_count_with_its_bound_after_the_measure_word():
    row = one("二期集群将达到15万颗以上芯片的体量。", unit="chips", value=150000)
    assert row["hedge"] == "超"


@pytest.mark.parametrize("text, unit, value", [
    ("该系统由48个计算柜和12个互联柜组成。", "cabinets", 48),
    ("該系統由48個計算櫃和12個互聯櫃組成。", "cabinets", 12),
    ("整套方案包含16台服务器。", "servers", 16),
    ("該平台由32個節點構成。", "nodes", 32),
])
def test_cabinets_servers_and_nodes(text, unit, value):
    one(text, unit=unit, value=value)


def test_digits_of_a_model_name_are_no_count():
    assert not [c for c in specs("GB300机柜的出货即将放量。") if c["unit"] == "cabinets"]
    assert not [c for c in specs("NVL72機櫃的散熱需求很高。") if c["unit"] == "cabinets"]


def test_a_rule_threshold_in_chips():
    row = one("按照新规则，购买超过五百颗芯片的企业必须提前申报。", unit="chips", value=500)
    assert (row["subject"], row["metric"], row["hedge"]) == ("出口管制", "芯片数量门槛", "超")
    row = one("根據草案，採購少於兩千顆晶片的項目須安裝監控軟件。", unit="chips", value=2000)
    assert row["hedge"] == "不足"


def test_a_purchase_is_not_a_system_size():
    assert not specs("去年该公司采购了三千颗芯片用于内部研发。")


# ------------------------------------------------------------ compute, power, nodes

@pytest.mark.parametrize("text, value, unit", [
    ("Atlas 950 SuperPoD的FP8算力可达6E FLOPS。", 6, "EFLOPS"),
    ("该卡的FP16算力约为500T Flops。", 500, "TFLOPS"),
    ("該晶片INT8算力達到1.5 POPS。", 1.5, "POPS"),
])
def test_abbreviated_compute_magnitudes(text, value, unit):
    one(text, unit=unit, value=value)


def test_bare_magnitude_letters_where_the_clause_speaks_of_compute():
    rows = specs("昇腾950PR和昇腾950DT的FP8算力分别达到3P和6P。")
    got = sorted((r["subject"], r["value"], r["unit"]) for r in rows)
    assert got == [("昇腾950DT", 6.0, "PFLOPS"), ("昇腾950PR", 3.0, "PFLOPS")]
    assert not specs("这台2P服务器已经上架。")


def test_power_in_watts_and_kilowatts():
    one("B200的功耗高达900W。", unit="W", value=900)
    one("該機櫃的功率達到130千瓦。", unit="kW", value=130)
    assert not specs("这座数据中心每年耗电2亿千瓦时。")


def test_a_pair_of_nodes_is_a_range():
    row = one("台积电的3/5纳米产能已满载。", unit="nm", value=3)
    assert row["value_max"] == 5


# ------------------------------------------------------------ comparisons

@pytest.mark.parametrize("text, value, relative_to", [
    ("相比B200，B300的显存带宽是它的1.5倍。", 1.5, "B200"),
    ("B200亮相。H20的頻寬是其四倍。", 4, "B200"),
    ("B200亮相。B300的互联带宽较其提升60%。", 1.6, "B200"),
    ("這顆晶片定位為B300的精簡款，效能大約為其一半。", 0.5, "B300"),
])
def test_ratios_against_an_anaphor(text, value, relative_to):
    row = one(text, unit="ratio", value=value)
    assert row["relative_to"] == relative_to


def test_the_latter_and_the_former():
    row = one("B200和H20都已发布。前者的算力约为后者的五倍。", unit="ratio", value=5)
    assert row["relative_to"] == "H20"


@pytest.mark.parametrize("text, value, value_max", [
    ("国产芯片的耗电量比H20高出约20%-40%。", 1.2, 1.4),
    ("該卡性能僅比RTX 4090D V3高出2%。", 1.02, None),
    ("同时较其大哥B200约落后8%。", 0.92, None),
])
def test_comparisons_with_a_direction(text, value, value_max):
    row = one(text, unit="ratio", value=value)
    if value_max is None:
        assert row["value_max"] != row["value_max"] or row["value_max"] is None
    else:
        assert abs(row["value_max"] - value_max) < 1e-6


def test_improvements_over_the_previous_generation():
    row = one("新一代芯片的算力比上一代提高了1.8倍。", unit="ratio", value=1.8)
    assert row["relative_to"] == ""
    rows = specs("这代产品借助新设计可提升运算密度35%，能源效率6倍。")
    assert sorted(r["value"] for r in rows) == [1.35, 6.0]
    rows = specs("新版加速卡砍掉了20%的顯存和顯存頻寬。")
    assert [r["value"] for r in rows] == [0.8, 0.8]
    assert {r["metric"] for r in rows} == {"显存", "显存带宽"}


def test_money_and_markets_are_not_improvements():
    assert not specs("寒武纪的芯片营收提升了50%。")
    assert not specs("这款芯片的售价约1万美元，约为H100的一半。")


def test_coordinated_subjects_get_one_row_each():
    rows = specs("昇腾、寒武纪等国产卡的能效如今是英伟达同级芯片的三到四倍。")
    assert sorted(r["subject"] for r in rows) == ["寒武纪", "昇腾"]
    assert {(r["value"], r["value_max"], r["relative_to"]) for r in rows} == {(3.0, 4.0, "英伟达")}


# ------------------------------------------------------------ subjects

def test_a_figure_belongs_to_the_product_its_clause_is_about():
    rows = specs("H20的算力只有H100的15%，显存却有96GB。")
    memory = [r for r in rows if r["unit"] == "GB"][0]
    assert memory["subject"] == "H20"
    ratio = [r for r in rows if r["unit"] == "ratio"][0]
    assert (ratio["subject"], ratio["relative_to"], ratio["value"]) == ("H20", "H100", 0.15)


def test_a_systems_compute_is_the_systems():
    row = one("Atlas 950 SuperPoD搭載8192顆昇騰950DT，FP8算力達8 EFLOPS。", unit="EFLOPS")
    assert row["subject"] == "Atlas 950 SuperPoD"
    row = one("CloudMatrix 384共搭載384顆昇騰910C，整體效能可媲美GB200 NVL72，BF16算力達300 PFLOPS。", unit="PFLOPS")
    assert row["subject"] == "CloudMatrix 384"


def test_a_bandwidth_change():
    row = one("英伟达推出A800，把芯片间互联带宽从600GB/s降到400GB/s。", unit="GB/s")
    assert (row["from_value"], row["to_value"], row["value"]) == (600, 400, 400)


def test_a_figure_in_brackets_is_the_named_products():
    rows = specs("H20的算力仅为H100 SXM（989T Flops）的15%左右。")
    compute = [r for r in rows if r["unit"] == "TFLOPS"][0]
    assert (compute["subject"], compute["value"]) == ("H100", 989)
    ratio = [r for r in rows if r["unit"] == "ratio"][0]
    assert (ratio["subject"], ratio["relative_to"], ratio["value"], ratio["hedge"]) == ("H20", "H100", 0.15, "约")


def test_a_clause_led_by_a_maker_is_about_its_product():
    text = "華為CloudMatrix 384系統內建384顆昇騰910C晶片。同等算力下輝達僅需64顆GPU，華為則需要六倍的晶片數量。"
    row = one(text, unit="ratio", value=6)
    assert row["subject"] == "CloudMatrix 384"


def test_a_demonstrative_points_to_the_product_of_its_class():
    row = one("昇腾910C是CloudMatrix 384的核心，该系统的BF16算力达300 PFLOPS。", unit="PFLOPS")
    assert row["subject"] == "CloudMatrix 384"


def test_dies_per_package():
    one("B200採用雙晶片設計。", unit="chips", value=2)
    assert not [r for r in specs("昇腾910C的单芯片算力约为400 TFLOPS。") if r["unit"] == "chips"]


def test_clock_rates():
    one("该处理器的主频为2.6GHz。", unit="GHz", value=2.6)


def test_fractions_hedges_and_levels_of_a_comparison():
    row = one("其算力約為H20的1/3。", unit="ratio")
    assert abs(row["value"] - 1 / 3) < 1e-3 and row["hedge"] == "约"
    assert one("新芯片的性能提升至少30%。", unit="ratio", value=1.3)["hedge"] == "超"
    one("新架构下算力提升至原来的2倍。", unit="ratio", value=2)
    row = one("昇腾950PR的互联带宽达2TB/s，是上一代的2.5倍。", unit="ratio", value=2.5)
    assert row["metric"] == "互联带宽"


def test_a_doubling_slogan_is_no_spec():
    assert not specs("华为将以一年一代、算力翻倍的节奏推进。")


def test_servers_sold_are_volumes():
    assert not specs("浪潮去年售出了5万台服务器。")


def test_a_product_of_likeness_is_a_reference():
    row = one("H20的性能與H100相當，顯存卻有96GB。", unit="GB")
    assert row["subject"] == "H20"
    row = one("昇腾910B相当于H100的60%。", unit="ratio", value=0.6)
    assert (row["subject"], row["relative_to"]) == ("昇腾910B", "H100")


def test_a_node_naming_chips_whose_yield_is_measured_is_no_claim():
    assert not [r for r in specs("该厂7纳米芯片的良率不到40%。") if r["unit"] == "nm"]
    one("麒麟9000當年交由台積電生產，使用5奈米製程。", unit="nm", value=5)
    one("三星旗下2纳米工艺的良率据称已接近五成。", unit="nm", value=2)


def test_a_second_anaphor_means_what_the_first_meant():
    rows = specs("B300登場。Rubin的頻寬是其4倍，能效較其提升85%。")
    assert sorted((r["value"], r["subject"], r["relative_to"]) for r in rows) == [
        (1.85, "Rubin", "B300"), (4.0, "Rubin", "B300")]


def test_bare_magnitudes_in_a_list_after_compute():
    rows = specs("其FP8算力达4E FLOPS，昇腾950PR和昇腾950DT分别达到1P和2P。")
    assert sorted((r["value"], r["unit"]) for r in rows) == [(1.0, "PFLOPS"), (2.0, "PFLOPS"), (4.0, "EFLOPS")]
    assert not specs("算力不错，这款主板编号为A2P。")


@pytest.mark.parametrize("text, value, hedge", [
    ("昇腾950PR的推理性能领先H20约30%。", 1.3, "约"),
    ("其算力落後B200 20%。", 0.8, ""),
    ("國產晶片耗電量高於H20約三成。", 1.3, "约"),
    ("新芯片的性能提升了三成。", 1.3, ""),
])
def test_a_direction_before_the_reference_and_tenths(text, value, hedge):
    assert one(text, unit="ratio", value=value)["hedge"] == hedge


def test_bandwidth_with_the_rate_first():
    one("H200的顯存頻寬達每秒4.8TB，容量141GB。", unit="TB/s", value=4.8)
    assert [r["value"] for r in specs("H200的顯存頻寬達每秒4.8TB，容量141GB。") if r["unit"] in ("GB", "TB")] == [141]
