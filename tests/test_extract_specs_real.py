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


@pytest.mark.parametrize("text, want", [
    ("新卡的FP8和FP4算力分别达到1.5P和3P。", [("FP8算力", 1.5, "PFLOPS"), ("FP4算力", 3.0, "PFLOPS")]),
    ("該卡FP16、FP8及INT8算力分別為400T、800T和800T。",
     [("FP16算力", 400.0, "TFLOPS"), ("FP8算力", 800.0, "TFLOPS"), ("INT8算力", 800.0, "TOPS")]),
])
def test_coordinated_precisions_before_respectively_go_to_the_figures_in_order(text, want):
    """The claim check compares compute at the precision a figure names: each figure takes its own."""
    assert [(r["metric"], r["value"], r["unit"]) for r in specs(text)] == want


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









# ------------------------------------------------------------ stress set
# Sentences written here in the forms of wire reports, earnings and IPO stories, commentary, spec
# comparisons and policy explainers, in both scripts, with what a careful annotator following
# tests/gold/README.md would record: (value, unit, other fields) per claim; an empty list is a
# sentence that looks like a spec and is not one. Every claim must be found, with nothing else.

STRESS = [
    ('据悉，昇腾910C的FP16算力约为800 TFLOPS，显存容量为128GB。', [(800, 'TFLOPS', {'subject': '昇腾910C', 'hedge': '约'}), (128, 'GB', {'subject': '昇腾910C'})]),
    ('英伟达H200配备141GB HBM3e显存，带宽达4.8TB/s。', [(141, 'GB', {'subject': 'H200'}), (4.8, 'TB/s', {'subject': 'H200'})]),
    ('寒武纪思元590采用7nm工艺制造。', [(7, 'nm', {'subject': '思元590'})]),
    ('业内人士称，B300的算力是H20的约20倍。', [(20, 'ratio', {'subject': 'B300', 'relative_to': 'H20', 'hedge': '约'})]),
    ('与H100相比，H20的AI算力下降了约80%。', [(0.2, 'ratio', {'subject': 'H20', 'relative_to': 'H100', 'hedge': '约'})]),
    ('据测算，昇腾910B的性能大约相当于A100的八成。', [(0.8, 'ratio', {'subject': '昇腾910B', 'relative_to': 'A100', 'hedge': '约'})]),
    ('这台服务器搭载8张H20加速卡。', [(8, 'cards', {})]),
    ('该集群由1万张昇腾910B组成，总算力达到5 EFLOPS。', [(10000, 'cards', {}), (5, 'EFLOPS', {})]),
    ('MI300X的显存容量达192GB，是H100的2.4倍。', [(192, 'GB', {'subject': 'MI300X'}), (2.4, 'ratio', {'subject': 'MI300X', 'relative_to': 'H100'})]),
    ('英伟达最新的GB300 NVL72机柜集成了72颗B300 GPU。', [(72, 'chips', {'subject': 'GB300 NVL72'})]),
    ('中芯国际的N+2工艺相当于7纳米水平。', [(7, 'nm', {})]),
    ('美国商务部将门槛定为总处理性能4800以上。', [(4800, 'TPP', {'subject': '出口管制', 'hedge': '超'})]),
    ('新规要求，算力超过4800 TOPS的芯片需申请许可证。', [(4800, 'TOPS', {'subject': '出口管制', 'hedge': '超'})]),
    ('昆仑芯P800的INT8算力为345 TOPS。', [(345, 'TOPS', {'subject': '昆仑芯P800'})]),
    ('燧原科技新一代芯片的能效比上一代提升了50%。', [(1.5, 'ratio', {'relative_to': ''})]),
    ('摩尔线程MTT S4000拥有48GB显存，显存带宽768GB/s。', [(48, 'GB', {'subject': 'MTT S4000'}), (768, 'GB/s', {'subject': 'MTT S4000'})]),
    ('该公司去年出货了超过30万颗AI芯片。', []),
    ('英伟达H20售价约1.2万美元，仅为H100的一半。', []),
    ('华为计划2026年推出昇腾950，单卡功耗约600W。', [(600, 'W', {'subject': '昇腾950', 'hedge': '约'})]),
    ('海光DCU的主频为1.5GHz。', [(1.5, 'GHz', {'subject': '海光DCU'})]),
    ('据报道，一个万卡集群每年的电费高达数亿元。', [(10000, 'cards', {})]),
    ('这款芯片的面积约为800平方毫米。', []),
    ('台积电3纳米工艺良率已超过80%。', [(3, 'nm', {'subject': '台积电'})]),
    ('公司营收同比增长了2倍，净利润提升了35%。', []),
    ('新一代产品训练性能是前代的3倍，推理性能提升了5倍。', [(3, 'ratio', {}), (5, 'ratio', {})]),
    ('其FP8算力可达1 PFLOPS，较前代提升2倍。', [(1, 'PFLOPS', {}), (2, 'ratio', {})]),
    ('该芯片的算力达到每秒400万亿次浮点运算。', [(400, 'TFLOPS', {})]),
    ('昇腾384超节点包含384个NPU。', [(384, 'chips', {})]),
    ('A800将NVLink带宽限制在400GB/s。', [(400, 'GB/s', {'subject': 'A800'})]),
    ('B200 的 FP8 性能达到 9 PFLOPS。', [(9, 'PFLOPS', {'subject': 'B200'})]),
    ('輝達B200的FP4算力高達20 PFLOPS，記憶體頻寬達8TB/s。', [(20, 'PFLOPS', {'subject': 'B200'}), (8, 'TB/s', {'subject': 'B200'})]),
    ('據了解，H20的視訊記憶體為96GB，互連頻寬900GB/s。', [(96, 'GB', {'subject': 'H20'}), (900, 'GB/s', {'subject': 'H20'})]),
    ('台積電為蘋果代工的晶片採用3奈米製程。', [(3, 'nm', {})]),
    ('華為Atlas 950 SuperPoD最多可容納8192顆昇騰950DT晶片。', [(8192, 'chips', {'subject': 'Atlas 950 SuperPoD'})]),
    ('昇騰910C的算力約為H100的六成。', [(0.6, 'ratio', {'subject': '昇腾910C', 'relative_to': 'H100', 'hedge': '约'})]),
    ('分析師指出，B30A的效能大約只有B300的一半。', [(0.5, 'ratio', {'subject': 'B30A', 'relative_to': 'B300', 'hedge': '约'})]),
    ('MI350X的運算效能比MI300X快了35倍。', [(35, 'ratio', {'subject': 'MI350X', 'relative_to': 'MI300X'})]),
    ('Rubin的推論效能將比Blackwell提升3.3倍。', [(3.3, 'ratio', {'subject': 'Rubin', 'relative_to': 'Blackwell'})]),
    ('該超級電腦使用超過10萬顆GPU。', [(100000, 'chips', {'hedge': '超'})]),
    ('這款晶片的熱設計功耗為350瓦。', [(350, 'W', {})]),
    ('美方將出口管制的效能門檻從4800 TOPS降至2400 TOPS。', [(2400, 'TOPS', {'subject': '出口管制'})]),
    ('輝達去年售出逾百萬顆H20。', []),
    ('H20的HBM容量為96GB，但算力僅約148 TFLOPS。', [(96, 'GB', {'subject': 'H20'}), (148, 'TFLOPS', {'subject': 'H20', 'hedge': '约'})]),
    ('中芯國際已能以7奈米製程量產麒麟9000S。', [(7, 'nm', {})]),
    ('CloudMatrix 384由384顆昇騰910C組成，BF16算力約300 PFLOPS。', [(384, 'chips', {'subject': 'CloudMatrix 384'}), (300, 'PFLOPS', {'subject': 'CloudMatrix 384', 'hedge': '约'})]),
    ('與H100相比，H200的記憶體容量提高了76%。', [(1.76, 'ratio', {'subject': 'H200', 'relative_to': 'H100'})]),
    ('業界估計，該公司今年營收將成長三成。', []),
    ('這座資料中心每年用電量達10億千瓦時。', []),
    ('昇騰950PR的互聯頻寬達2TB/s，為上一代的2.5倍。', [(2, 'TB/s', {'subject': '昇腾950PR'}), (2.5, 'ratio', {'subject': '昇腾950PR'})]),
    ('在同樣功耗下，國產晶片的效能僅為輝達同級產品的三分之一。', [(0.3333, 'ratio', {'relative_to': '英伟达'})]),
    ('DGX H100伺服器內含8顆H100 GPU。', [(8, 'chips', {'subject': 'DGX H100'})]),
    ('B200的電晶體數量達2080億個。', []),
    ('該晶片主頻高達2.0GHz，採用雙晶片設計。', [(2.0, 'GHz', {}), (2, 'chips', {})]),
    ('新規定，採購超過5萬顆晶片的企業須事先報備。', [(50000, 'chips', {'subject': '出口管制', 'hedge': '超'})]),
    ('H20配備96G顯存。', [(96, 'GB', {'subject': 'H20'})]),
    ('單機8卡的伺服器是主流配置。', [(8, 'cards', {})]),
    ('據悉，昇騰910B的FP16算力達到每秒256萬億次。', [(256, 'TFLOPS', {'subject': '昇腾910B'})]),
    ('這顆晶片內建80GB HBM3記憶體，頻寬每秒3.35TB。', [(80, 'GB', {}), (3.35, 'TB/s', {})]),
    ('相較於A100，H100的訓練速度快了9倍。', [(9, 'ratio', {'subject': 'H100', 'relative_to': 'A100'})]),
    ('該公司股價今年上漲了3倍。', []),
    ('华为表示，新集群可扩展至百万卡规模。', [(1000000, 'cards', {})]),
    ('每个机柜放置72个GPU，总功耗约120千瓦。', [(72, 'chips', {}), (120, 'kW', {'hedge': '约'})]),
    ('昇腾910B的性能是H20的2-3倍。', [(2, 'ratio', {'subject': '昇腾910B', 'relative_to': 'H20'})]),
    ('新卡的功耗较上一代降低了30%。', [(0.7, 'ratio', {'relative_to': ''})]),
    ('H200的显存从H100的80GB增加到141GB。', [(141, 'GB', {'subject': 'H200'})]),
    ('RTX Pro 6000D的显存由96GB缩减至84GB。', [(84, 'GB', {'subject': 'RTX Pro 6000D'})]),
    ('该芯片FP16算力为1,000 TFLOPS。', [(1000, 'TFLOPS', {})]),
    ('B300的FP4算力达到15 PetaFLOPS。', [(15, 'PFLOPS', {'subject': 'B300'})]),
    ('昇腾950DT的HBM带宽达到4TB/sec。', [(4, 'TB/s', {'subject': '昇腾950DT'})]),
    ('H20的推理速度比H100快20%。', [(1.2, 'ratio', {'subject': 'H20', 'relative_to': 'H100'})]),
    ('曦云C500在FP8精度下算力为2.5P。', [(2.5, 'PFLOPS', {'subject': '曦云C500'})]),
    ('該晶片交由台積電以4奈米製程代工，內含2080億個電晶體。', [(4, 'nm', {})]),
    ('晶片間互聯頻寬由900GB/s降至400GB/s。', [(400, 'GB/s', {})]),
    ('輝達H20的FP8算力僅296 TFLOPS，約為H100的15%。', [(296, 'TFLOPS', {'subject': 'H20'}), (0.15, 'ratio', {'subject': 'H20', 'relative_to': 'H100', 'hedge': '约'})]),
    ('一座萬卡叢集的建設成本高達數十億元。', [(10000, 'cards', {})]),
    ('寒武紀思元590的效能已接近A100的九成。', [(0.9, 'ratio', {'subject': '思元590', 'relative_to': 'A100', 'hedge': '近'})]),
    ('华为计划推出的昇腾960，算力将是昇腾950的两倍。', [(2, 'ratio', {'subject': '昇腾960', 'relative_to': '昇腾950'})]),
    ('GB200 NVL72拥有13.5TB的HBM3e容量。', [(13.5, 'TB', {'subject': 'GB200 NVL72'})]),
    ('这款GPU的CUDA核心数为14592个。', []),
    ('美国规定，TPP超过4800的芯片对华出口须获得许可。', [(4800, 'TPP', {'subject': '出口管制', 'hedge': '超'})]),
    ('英伟达市值一度突破5万亿美元。', []),
    ('單顆B200功耗達1000W，較H100的700W大幅提高。', [(1000, 'W', {'subject': 'B200'}), (700, 'W', {'subject': 'H100'})]),
    ('該系統配備了16台伺服器和128顆晶片。', [(16, 'servers', {}), (128, 'chips', {})]),
    ('该集群由2000颗国产芯片组成。', [(2000, 'chips', {})]),
    ('該超節點整合了384顆自研AI晶片。', [(384, 'chips', {})]),
    ('集群规模达到1万张华为910B卡。', [(10000, 'cards', {})]),
    ('两个月芯片出货量增长明显。', []),
    ('这家工厂三个芯片项目同时开工。', []),
    ('英伟达向中国出售了约100万颗H20芯片。', []),
    ('根据美国商务部的新规，总处理性能（TPP）低于4800的芯片可免于许可。', [(4800, 'TPP', {'subject': '出口管制', 'hedge': '不足'})]),
    ('昇騰910C採用中芯國際N+2製程，約相當於7奈米。', [(7, 'nm', {'hedge': '约'})]),
    ('據稱，B30A的記憶體頻寬可達每秒4TB左右。', [(4, 'TB/s', {'subject': 'B30A', 'hedge': '约'})]),
    ('壁仞BR100的峰值算力超过1000T。', [(1000, 'TFLOPS', {'subject': 'BR100', 'hedge': '超'})]),
    ('此次发布的芯片功耗仅为5W，面向边缘设备。', [(5, 'W', {})]),
    ('该公司的5G基站已覆盖全国。', []),
    ('三星HBM3E的单颗容量为36GB。', [(36, 'GB', {})]),
    ('H20的FP8算力為296 TFLOPS，不到H100的15%。', [(296, 'TFLOPS', {'subject': 'H20'}), (0.15, 'ratio', {'subject': 'H20', 'relative_to': 'H100', 'hedge': '不足'})]),
    ('华为在发布会上称，Atlas 950 SuperPoD的总算力是英伟达NVL144的6.7倍。', [(6.7, 'ratio', {'subject': 'Atlas 950 SuperPoD'})]),
    ('该芯片的算力为Trainium2的1.5倍。', [(1.5, 'ratio', {'relative_to': 'Trainium2'})]),
    ('B300的推理性能三倍于H100。', [(3, 'ratio', {'subject': 'B300', 'relative_to': 'H100'})]),
    ('MI325X的記憶體容量是H200的1.8倍以上。', [(1.8, 'ratio', {'subject': 'MI325X', 'relative_to': 'H200', 'hedge': '超'})]),
    ('新品性能可提升至H20的1.5倍左右。', [(1.5, 'ratio', {'relative_to': 'H20', 'hedge': '约'})]),
    ('昇腾910C的单卡算力不及H100的七成。', [(0.7, 'ratio', {'subject': '昇腾910C', 'relative_to': 'H100', 'hedge': '不足'})]),
    ('據報導，B30A的性能約為B300的50%。', [(0.5, 'ratio', {'subject': 'B30A', 'relative_to': 'B300', 'hedge': '约'})]),
    ('H20規格：顯存96GB HBM3，頻寬4.0TB/s，FP16算力148 TFLOPS。', [(96, 'GB', {'subject': 'H20'}), (4.0, 'TB/s', {'subject': 'H20'}), (148, 'TFLOPS', {'subject': 'H20'})]),
    ('H100（80GB显存、3.35TB/s带宽）仍是训练主力。', [(80, 'GB', {'subject': 'H100'}), (3.35, 'TB/s', {'subject': 'H100'})]),
    ('B200的FP8稀疏算力达9PF。', [(9, 'PFLOPS', {'subject': 'B200'})]),
    ('該公司5G手機銷量增長20%。', []),
    ('HBM市场规模预计达到1000亿美元。', []),
    ('新一代芯片的延迟降低了30%，吞吐量提升了2倍。', [(0.7, 'ratio', {}), (2, 'ratio', {})]),
    ('台積電2奈米製程預計明年量產，每片晶圓售價約3萬美元。', [(2, 'nm', {'subject': '台积电'})]),
    ('内存价格较上月上涨了30%。', []),
    ('英偉達將H20的頻寬從4.0TB/s下調至3.3TB/s。', [(3.3, 'TB/s', {'subject': 'H20'})]),
    ('这款芯片只支持最多4张卡互联。', [(4, 'cards', {})]),
    ('AI算力需求带动1.6T光模块出货大增。', []),
    ('算力建设拉动800G交换机需求。', []),
    ('主流训练服务器多为8卡机型。', [(8, 'cards', {})]),
    ('該公司推出的一體機最多支持16卡並行。', [(16, 'cards', {})]),
    ('國產GPU廠商的產品多採用12奈米製程。', [(12, 'nm', {})]),
    ('据悉，该超算每秒可完成千万亿次浮点运算。', [(1, 'PFLOPS', {})]),
    ('該晶片能效達5 TOPS/W。', []),
    ('不同版本的顯存容量在80GB至141GB之間。', [(80, 'GB', {'value_max': 141})]),
    ('这类加速卡的功耗普遍在300-350W。', [(300, 'W', {'value_max': 350})]),
    ('該平台可擴展的頻寬為1.6-3.2TB/s。', [(1.6, 'TB/s', {'value_max': 3.2})]),
    ('路透社报道称，B40的显存将采用GDDR7，容量为24GB。', [(24, 'GB', {})]),
    ('壁仞科技表示，BR100的FP32算力達到256 TFLOPS，是A100的3倍多。', [(256, 'TFLOPS', {}), (3, 'ratio', {'relative_to': 'A100', 'hedge': '超'})]),
    ('昇腾950PR预计2026年一季度推出，采用自研HBM，容量达128GB，带宽1.6TB/s。', [(128, 'GB', {}), (1.6, 'TB/s', {})]),
    ('與前代相比，新款晶片的每瓦效能提高了約40%。', [(1.4, 'ratio', {'hedge': '约'})]),
    ('沐曦曦云C500的FP16算力约为H100的一半左右。', [(0.5, 'ratio', {'relative_to': 'H100', 'hedge': '约'})]),
    ('中國企業目前最多只能取得性能約為H100三分之一的晶片。', [(0.3333, 'ratio', {'relative_to': 'H100', 'hedge': '约'})]),
    ('华为的Atlas 950 SuperCluster将由超过50万颗昇腾芯片组成。', [(500000, 'chips', {'hedge': '超'})]),
    ('這一代產品的HBM容量從192GB提升到288GB。', [(288, 'GB', {})]),
    ('该服务器配置了8颗MI300X，总显存达1.5TB。', [(8, 'chips', {}), (1.5, 'TB', {})]),
    ('报道指出，英伟达今年第三季度数据中心营收达到512亿美元。', []),
    ('寒武纪的思元370採用7奈米製程，最大算力256 TOPS（INT8）。', [(7, 'nm', {}), (256, 'TOPS', {})]),
    ('海光DCU深算二号的性能相比一号提升了100%以上。', [(2, 'ratio', {'hedge': '超'})]),
    ('一颗B200芯片包含两个裸晶，通过10TB/s的链路相连。', [(10, 'TB/s', {})]),
    ('據報導，阿里巴巴採購了價值數十億元的國產晶片。', []),
    ('A100的互聯頻寬為600GB/s，而A800被限制在400GB/s。', [(600, 'GB/s', {'subject': 'A100'}), (400, 'GB/s', {'subject': 'A800'})]),
    ('该集群单集群规模达到10万卡，算力超过10 EFLOPS。', [(100000, 'cards', {}), (10, 'EFLOPS', {'hedge': '超'})]),
    ('摩爾線程表示，MTT S4000的FP32算力為25 TFLOPS。', [(25, 'TFLOPS', {})]),
    ('这一规则将算力密度门槛设定为每平方毫米5.92 TFLOPS。', [(5.92, 'TFLOPS', {})]),
    ('股价方面，寒武纪今年累计上涨逾3倍。', []),
    ('H20的整體效能僅及H100的兩成左右。', [(0.2, 'ratio', {'relative_to': 'H100', 'hedge': '约'})]),
    ('外媒引述知情人士稱，B30A單晶片設計，算力約為B300一半。', [(1, 'chips', {}), (0.5, 'ratio', {'relative_to': 'B300', 'hedge': '约'})]),
    ('華為昇騰910B的FP16算力為 320 TFLOPS，與A100的312 TFLOPS大致相當。', [(320, 'TFLOPS', {'subject': '昇腾910B'}), (312, 'TFLOPS', {'subject': 'A100'})]),
    ('新加速卡搭載144GB HBM3E記憶體，記憶體頻寬高達8TB/s，功耗則為1200W。', [(144, 'GB', {}), (8, 'TB/s', {}), (1200, 'W', {})]),
    ('香港科技园的新算力中心配备了3000张GPU卡。', [(3000, 'cards', {})]),
    ('芯片间互连速度提升了一倍，达到1.8TB/s。', [(1.8, 'TB/s', {})]),
    ('报道称，中芯国际的5纳米良率仅约两成。', []),
    ('根據規定，TPP在4800以上或性能密度高於5.92的晶片均受管制。', [(4800, 'TPP', {'hedge': '超'})]),
    ('分析人士認為，昇騰920的單卡效能可達H100的九成以上。', [(0.9, 'ratio', {'relative_to': 'H100', 'hedge': '超'})]),
    ('英偉達GB300 NVL72每櫃含72顆Blackwell Ultra GPU和36顆Grace CPU。', [(72, 'chips', {}), (36, 'chips', {})]),
    ('这家初创公司的年营收突破10亿元，同比增长超过200%。', []),
    ('昆仑芯三代P800单卡显存64GB，支持8卡互联。', [(64, 'GB', {}), (8, 'cards', {})]),
    ('据Omdia估算，英伟达去年向中国交付了约100万颗H20。', []),
    ('该机柜的液冷散热能力高达140kW。', [(140, 'kW', {})]),
    ('TPU v7的每顆晶片配有192GB HBM。', [(192, 'GB', {})]),
    ('在INT8精度下，這款晶片可提供每秒1000萬億次運算。', [(1000, 'TOPS', {})]),
    ('新的B200晶片，訓練速度是H100的3倍、推論速度是15倍。', [(3, 'ratio', {'relative_to': 'H100'}), (15, 'ratio', {'relative_to': 'H100'})]),
    ('該款手機處理器以3奈米打造，CPU主頻最高4.32GHz。', [(3, 'nm', {}), (4.32, 'GHz', {'hedge': ''})]),
    ('这些晶圆厂的产能利用率已达九成。', []),
    ('DeepSeek称其训练只用了2048张H800。', [(2048, 'cards', {})]),
    ('美国此前将A100、H100列入管制，其互联带宽均超过600GB/s。', [(600, 'GB/s', {'hedge': '超'})]),
    ('这款手机的运行内存为12G，存储256G。', [(12, 'GB', {})]),
    ('公司員工人數達3000人，其中研發人員佔比超過七成。', []),
    ('两家公司的芯片销量差距拉大到3倍。', []),
    ('该厂商今年计划交付5000台服务器。', []),
    ('2024-2025年间，该公司的研发投入增长了50%。', []),
    ('性能方面，国产芯片仍比英伟达落后两到三代。', []),
    ('該計畫預計帶動5萬個就業機會。', []),
    ('英伟达CEO黄仁勋称，中国市场规模约为500亿美元，是全球的两成。', []),
    ('这批国产芯片的单价约为H20的七成。', []),
    ('一位工程师说，显存速度快了一倍也不够用。', []),
    ('该市已建成3个万卡集群。', [(10000, 'cards', {})]),
    ('第二代产品的推理速度是第一代的2倍，成本则是一半。', [(2, 'ratio', {})]),
    ('這項技術可將延遲降低至原來的一半。', [(0.5, 'ratio', {})]),
    ('華為今年將生產約60萬顆昇騰910C晶片。', []),
    ('显卡价格在3000-5000元之间。', []),
    ('這顆晶片擁有2080億個電晶體，以4奈米製程生產。', [(4, 'nm', {})]),
    ('輝達新一代Rubin GPU將配備288GB HBM4，頻寬達13TB/s。', [(288, 'GB', {}), (13, 'TB/s', {})]),
    ('據悉，寒武紀思元590的算力約為輝達A100的八成左右。', [(0.8, 'ratio', {'relative_to': 'A100', 'hedge': '约'})]),
    ('台積電預計2奈米晶片的效能較3奈米提升10%至15%。', [(2, 'nm', {}), (3, 'nm', {}), (1.1, 'ratio', {'value_max': 1.15})]),
    ('華為CloudMatrix 384超節點共有384顆NPU，分布在16個機櫃中。', [(384, 'chips', {}), (16, 'cabinets', {})]),
    ('美國商務部規定，對華出口晶片的TPP不得超過4800。', [(4800, 'TPP', {'hedge': '不足'})]),
    ('該公司去年營收成長逾五成，毛利率達六成。', []),
    ('業者指出，H20的FP16算力僅148 TFLOPS，不到H100的兩成。', [(148, 'TFLOPS', {}), (0.2, 'ratio', {'relative_to': 'H100', 'hedge': '不足'})]),
    ('昇騰950DT的互聯頻寬為2TB/s，記憶體容量144GB。', [(2, 'TB/s', {}), (144, 'GB', {})]),
    ('這家新創公司號稱其晶片的推論速度比H100快10倍。', [(10, 'ratio', {'relative_to': 'H100'})]),
    ('輝達今年在台採購金額將達到100億美元。', []),
    ('中芯國際的14奈米製程已實現量產。', [(14, 'nm', {'subject': '中芯国际'})]),
    ('這座超算中心部署了上萬顆GPU。', []),
    ('MI355X的FP4算力達到20 PFLOPS，功耗1400瓦。', [(20, 'PFLOPS', {}), (1400, 'W', {})]),
    ('新款AI伺服器單機可搭載8張加速卡，整機功耗逾10千瓦。', [(8, 'cards', {}), (10, 'kW', {'hedge': '超'})]),
    ('報導稱，B30A的售價約為H20的兩倍。', []),
    ('該晶片的記憶體頻寬為每秒3.2TB，比上一代提高了近一倍。', [(3.2, 'TB/s', {})]),
    ('該叢集由4096張昇騰卡組成，總算力達1.5E FLOPS。', [(4096, 'cards', {}), (1.5, 'EFLOPS', {})]),
    ('國產7奈米晶片的良率約為五成。', []),
    ('聯發科天璣9400採用台積電第二代3奈米製程。', [(3, 'nm', {})]),
    ('據供應鏈消息，GB300的單卡功耗將拉高到1400W。', [(1400, 'W', {})]),
    ('外電報導，該晶片的FP8效能高達4 PFLOPS，較前代提升約2.5倍。', [(4, 'PFLOPS', {}), (2.5, 'ratio', {'hedge': '约'})]),
    ('H200擁有141GB記憶體，為H100的近兩倍。', [(141, 'GB', {}), (2, 'ratio', {'relative_to': 'H100', 'hedge': '近'})]),
    ('輝達今年第三季營收年增62%，達到570億美元。', []),
    ('這套系統可連接多達1152顆GPU。', [(1152, 'chips', {})]),
    ('分析師估計，華為明年將出貨逾百萬顆昇騰晶片。', []),
    ('昇騰910B的記憶體頻寬約1.6TB/s，僅為H100的一半。', [(1.6, 'TB/s', {'hedge': '约'}), (0.5, 'ratio', {'relative_to': 'H100'})]),
    ('該集群採用4000張國產加速卡。', [(4000, 'cards', {})]),
    ('中國晶片的效能與輝達仍有差距，約落後兩代。', []),
    ('H100、H200和B200的显存分别为80GB、141GB和192GB。', [(80, 'GB', {'subject': 'H100'}), (141, 'GB', {'subject': 'H200'}), (192, 'GB', {'subject': 'B200'})]),
    ('昇騰910B與910C的FP16算力分別約為320 TFLOPS和800 TFLOPS。', [(320, 'TFLOPS', {}), (800, 'TFLOPS', {})]),
    ('对比来看，H20显存96GB、带宽4TB/s，而L20显存48GB、带宽864GB/s。', [(96, 'GB', {'subject': 'H20'}), (4, 'TB/s', {'subject': 'H20'}), (48, 'GB', {'subject': 'L20'}), (864, 'GB/s', {'subject': 'L20'})]),
    ('其中，MI308的算力只有MI300X的約三分之一。', [(0.3333, 'ratio', {'subject': 'MI308', 'relative_to': 'MI300X', 'hedge': '约'})]),
    ('從規格看，B300配備288GB HBM3e，FP4算力15 PFLOPS，TDP達1400W。', [(288, 'GB', {'subject': 'B300'}), (15, 'PFLOPS', {'subject': 'B300'}), (1400, 'W', {'subject': 'B300'})]),
    ('据介绍，Atlas 950 SuperPoD由160个机柜组成，占地约1000平方米。', [(160, 'cabinets', {'subject': 'Atlas 950 SuperPoD'})]),
    ('该卡的96GB显存由32个3GB的显存颗粒组成。', [(96, 'GB', {}), (3, 'GB', {}), (32, 'chips', {})]),
    ('这张显卡共焊有12颗2GB的内存颗粒。', [(12, 'chips', {}), (2, 'GB', {})]),
    ('三个国家的芯片企业参与了竞标。', []),
    ('據TrendForce統計，HBM3e每顆堆疊容量為24GB或36GB。', [(24, 'GB', {}), (36, 'GB', {})]),
    ('谷歌TPU v7 Ironwood的峰值算力達4614 TFLOPS。', [(4614, 'TFLOPS', {})]),
    ('华为宣布，Atlas 960 SuperPoD将支持15488张昇腾960卡。', [(15488, 'cards', {'subject': 'Atlas 960 SuperPoD'})]),
    ('有業者坦言，國產GPU的軟體生態至少落後CUDA五年。', []),
    ('黄仁勋表示，Blackwell的推理性能是Hopper的40倍。', [(40, 'ratio', {'subject': 'Blackwell', 'relative_to': 'Hopper'})]),
    ('该芯片的显存带宽达到了惊人的5.3TB/s。', [(5.3, 'TB/s', {})]),
    ('H20的性能被阉割到H100的约20%。', [(0.2, 'ratio', {'relative_to': 'H100', 'hedge': '约'})]),
    ('美國對中國出口的晶片，算力上限從4800 TOPS放寬到6000 TOPS。', [(6000, 'TOPS', {})]),
    ('單個超節點的算力規模達到300P。', [(300, 'PFLOPS', {})]),
    ('昇腾910C由两颗910B封装而成。', [(2, 'chips', {})]),
    ('规格表显示：显存 96 GB；带宽 4.0 TB/S；TDP 400 W；制程 4 nm。', [(96, 'GB', {}), (4.0, 'TB/s', {}), (400, 'W', {}), (4, 'nm', {})]),
    ('該卡的單精度浮點效能為 82.6 Tflops。', [(82.6, 'TFLOPS', {})]),
    ('该NPU的INT8算力为 16 TOPs，功耗仅 8 瓦。', [(16, 'TOPS', {}), (8, 'W', {})]),
    ('B200：FP4算力20P，显存192GB。', [(20, 'PFLOPS', {}), (192, 'GB', {})]),
    ('其L2缓存为50MB。', []),
    ('H20的算力只有H100的百分之二十左右。', [(0.2, 'ratio', {'relative_to': 'H100', 'hedge': '约'})]),
    ('該系統內含七十二顆GPU。', [(72, 'chips', {})]),
    ('國產晶片的能效比約為輝達同級產品的百分之六十。', [(0.6, 'ratio', {'relative_to': '英伟达', 'hedge': '约'})]),
    ('新晶片的效能比上一代提升了百分之三十。', [(1.3, 'ratio', {'relative_to': ''})]),
    # ---- a count after a figure that is part of a name; 兆 as Taiwan's trillion; a bare magnitude after
    # a precision; the figure before the metric; doubling; a plural anaphor
    ('Atlas 850滿配可支援128卡。', [(128, 'cards', {})]),
    ('昇腾 920满配支持512卡。', [(512, 'cards', {})]),
    ('這顆晶片每秒可執行2,000兆次運算。', [(2000, 'TFLOPS', {})]),
    ('该加速卡算力达500兆次。', [(500, 'TFLOPS', {})]),
    ('B200的FP8为4500T，H200仅1979T。', [(4500, 'TFLOPS', {'subject': 'B200'}), (1979, 'TFLOPS', {'subject': 'H200'})]),
    ('昇騰910B INT8 640T。', [(640, 'TOPS', {})]),
    ('新架构提升4倍推理性能。', [(4, 'ratio', {})]),
    ('新一代晶片帶來3倍效能提升。', [(3, 'ratio', {})]),
    ('这款芯片的能效提升幅度达60%。', [(1.6, 'ratio', {})]),
    ('新一代GPU的显存带宽翻倍。', [(2, 'ratio', {})]),
    ('新款晶片的算力幾乎翻了一番。', [(2, 'ratio', {'hedge': '近'})]),
    ('新一代芯片的推理性能翻了两番。', [(4, 'ratio', {})]),
    ('该公司今年营收翻倍，出货量翻番。', []),
    ('徐直军称，昇腾将保持“一年一代、算力翻倍”的节奏。', []),
    ('多家企業訂購了價值約50億美元、約30萬顆H20晶片。', []),
    ('该公司采购了价值20亿元、共计5万张昇腾910B。', []),
    ('寒武紀表示，其產品每代算力翻倍。', []),
    ('昇騰910B可提供H100約七成的訓練效能。', [(0.7, 'ratio', {'relative_to': 'H100', 'hedge': '约'})]),
    ('该集群由3万多张昇腾910B组成。', [(30000, 'cards', {'hedge': '超'})]),
    ('新規將TPP門檻設在2400。', [(2400, 'TPP', {})]),
    ('该超节点内的芯片数量高达4096颗。', [(4096, 'chips', {})]),
    ('這套系統的加速卡數量超過2000張。', [(2000, 'cards', {'hedge': '超'})]),
    ('摩尔线程今年的芯片出货数量达到50万颗。', []),
    ('寒武紀同時發表思元690與思元590，這兩款晶片的顯存均為64GB。',
     [(64, 'GB', {'subject': '思元690'}), (64, 'GB', {'subject': '思元590'})]),
]


def _close(got, want: float) -> bool:
    return got is not None and got == got and abs(float(got) - want) <= max(0.005, abs(want) * 1e-3)


@pytest.mark.parametrize("text, want", STRESS, ids=[f"s{i:03d}" for i in range(len(STRESS))])
def test_stress_set(text, want):
    got = specs(text)
    used: set[int] = set()
    for value, unit, fields in want:
        hit = next((i for i, c in enumerate(got) if i not in used and c["unit"] == unit and _close(c["value"], value)), None)
        assert hit is not None, (text, value, unit, [(c["evidence"], c["value"], c["unit"]) for c in got])
        used.add(hit)
        for key, expected in fields.items():
            actual = got[hit][key]
            if isinstance(expected, float | int) and not isinstance(expected, bool):
                assert _close(actual, expected), (text, key, actual, expected)
            else:
                assert (actual or "") == expected, (text, key, actual, expected)
    extra = [(c["evidence"], c["value"], c["unit"]) for i, c in enumerate(got) if i not in used]
    assert not extra, (text, extra)


@pytest.mark.parametrize("text", [
    "燧原推出云燧T20与云燧i20，意在对标H100。这两款芯片最多可连接8192卡。",
    "燧原推出雲燧T20與雲燧i20，意在對標H100。這兩款晶片最多可連接8192卡。",
])
def test_a_plural_anaphor_gives_each_product_named_before_its_row(text):
    rows = [c for c in specs(text) if c["unit"] == "cards"]
    assert sorted(c["subject"] for c in rows) == ["云燧T20", "云燧i20"]
    assert len({c["claim_id"] for c in rows}) == 2


@pytest.mark.parametrize("text", [
    "AMD为中国市场推出MI308。\n架构：基于CDNA 3平台，沿用MI300X的设计。\n性能定位：约为MI300X的一半。",
    "AMD為中國市場推出MI308。\n架構：基於MI300X平台\n效能定位：約為MI300X的一半。",
])
def test_a_product_named_as_a_basis_does_not_take_the_next_figures(text):
    rows = [c for c in specs(text) if c["unit"] == "ratio"]
    assert [(c["subject"], c["relative_to"]) for c in rows] == [("MI308", "MI300X")]


@pytest.mark.parametrize("text, subject", [
    ("麒麟9000S由海思研发，中芯国际以7纳米工艺量产。", "麒麟9000S"),
    ("麒麟9000S交由中芯國際生產，使用7奈米製程。", "麒麟9000S"),
    ("中芯国际的7纳米产能有限。", "中芯国际"),
])
def test_a_node_is_the_product_a_foundry_makes_with_it(text, subject):
    assert one(text, unit="nm")["subject"] == subject
