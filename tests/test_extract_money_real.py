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


@pytest.mark.parametrize("text, value", [
    ("二〇二五", 2025), ("一九九八", 1998), ("二零二五", 2025),
    ("两三千", None), ("七八十", None), ("三五", None), ("五六百万", None),
])
def test_digits_side_by_side(text, value):
    """Digit by digit with a zero or three digits or more (a year); two digits alone are a guess."""
    if value is None:
        assert parse_number(text) is None
        return
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


def test_an_amount_in_its_own_currency_word_is_continued_in_its_sentence_only():
    text = "公司此次募资规模在50亿至60亿港元之间，估值约为140亿元。"
    assert [(c["value"], c["unit"]) for c in _money(text)] == [(5e9, "HKD"), (1.4e10, "HKD")]
    text = "公司此次募资规模在50亿至60亿港元之间。估值约为140亿元。"
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
    ("台股今天大漲，該公司營收年增30%。該公司股價收在1,050元。", "CNY"),
    ("該公司期內收入按年增加20%。該公司股價收報35.5元。", "CNY"),
    ("中國晶片產業資金規模達2000億元。", "CNY"),
    ("寒武紀股價收在人民幣1,329元。公司目標價上調至1,500元。", "CNY"),
    ("該公司營收新台幣900億元。股價收在1,050元。", "TWD"),
])
def test_a_bare_yuan_in_traditional_script_is_yuan_unless_the_article_names_another(text, unit):
    """The press's regional words (台股, 年增, 按年, 期內) do not decide: Taiwanese and Hong Kong
    papers write mainland prices in a bare 元 as well."""
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


# ---------------------------------------------------------------- stress set
# Made-up sentences in the forms wire reports, earnings and IPO stories, commentary and policy
# explainers use, in both scripts, with what an annotator following tests/gold/README.md would
# record: (value, value_max, unit) per money claim. A bare 元 is CNY unless the article itself says
# otherwise (a currency named before, `(下同)`, a conversion's ratio); the press an article comes
# from does not change it. Exchange rates, growth rates, margins, index points, power and compute
# are not money.
_USD, _CNY, _TWD, _HKD = "USD", "CNY", "TWD", "HKD"

STRESS = [
    # simplified script
    ("据路透社报道，英伟达第三财季营收为570亿美元，同比增长62%。", [(5.7e10, None, _USD)]),
    ("寒武纪预计2025年全年营收在50亿元至70亿元之间。", [(5e9, 7e9, _CNY)]),
    ("摩尔线程本次IPO拟募资80亿元，发行价为每股114.28元。", [(8e9, None, _CNY), (114.28, None, _CNY)]),
    ("中芯国际第三季度资本开支约为24亿美元。", [(2.4e9, None, _USD)]),
    ("国家大基金三期注册资本为3440亿元人民币。", [(3.44e11, None, _CNY)]),
    ("美国商务部对该公司处以3亿美元罚款。", [(3e8, None, _USD)]),
    ("按1美元约合7.1元人民币计算。", []),
    ("营收同比增长35%，毛利率达到42%。", []),
    ("12月1日元首会晤后，双方宣布暂停加征关税。", []),
    ("H20芯片单价约为1.2万美元至1.5万美元。", [(1.2e4, 1.5e4, _USD)]),
    ("该公司市值一度突破4万亿美元。", [(4e12, None, _USD)]),
    ("沐曦股份上市首日股价大涨，收报829.9元。", [(829.9, None, _CNY)]),
    ("华为计划未来五年投入超过1000亿元用于昇腾生态。", [(1e11, None, _CNY)]),
    ("云厂商的H100租金已从每小时8美元降至2美元。", [(2, None, "USD/hour")]),
    ("公司第二季度净亏损为3.2亿元，去年同期亏损5.6亿元。", [(3.2e8, None, _CNY), (5.6e8, None, _CNY)]),
    ("5nm工艺的良率不足50%，每片晶圆成本约1.7万美元。", [(1.7e4, None, _USD)]),
    ("该基金首期规模为500亿元，其中地方政府出资200亿元。", [(5e10, None, _CNY), (2e10, None, _CNY)]),
    ("该芯片的算力为1000 TFLOPS，功耗700瓦。", []),
    ("2025年全球AI芯片市场规模预计达到1500亿美元。", [(1.5e11, None, _USD)]),
    ("字节跳动今年在AI基础设施上的资本开支或达1600亿元。", [(1.6e11, None, _CNY)]),
    ("沪指收涨0.5%，报3900点。", []),
    ("英伟达将向美国政府上缴中国销售收入的15%。", []),
    ("中芯国际港股收报120港元，较发行价上涨3%。", [(120, None, _HKD)]),
    ("分析师把英伟达目标价从200美元上调至250美元。", [(250, None, _USD)]),
    ("这批GPU共计1.2万张，价值约3亿美元。", [(3e8, None, _USD)]),
    ("美元兑人民币汇率一度升至7.3元。", []),
    # traditional script
    ("輝達第三財季營收達570億美元，年增62%。", [(5.7e10, None, _USD)]),
    ("台積電今年資本支出預估介於400億至420億美元之間。", [(4e10, 4.2e10, _USD)]),
    ("中芯國際期內收入22億美元，按年增加10%。", [(2.2e9, None, _USD)]),
    ("寒武紀股價收在人民幣1,300元，市值約5,400億元人民幣。", [(1300, None, _CNY), (5.4e11, None, _CNY)]),
    ("台股今日大漲，加權指數收在27,000點。", []),
    ("據報導，輝達H20每顆售價約1萬至1.2萬美元。", [(1e4, 1.2e4, _USD)]),
    ("以1美元兌32新台幣計算，這筆投資約合新台幣3200億元。", [(3.2e11, None, _TWD)]),
    ("摩爾線程發行價定為每股114.28元，預計募資80億元。", [(114.28, None, _CNY), (8e9, None, _CNY)]),
    ("台股收盤後，摩爾線程公布發行價每股114.28元，年增的營收受關注。", [(114.28, None, _CNY)]),
    ("港股通資金按年增加，寒武紀A股股價期內收報1,200元。", [(1200, None, _CNY)]),
    ("立法院審查預算時，官員透露該晶片每顆成本約3,000元。", [(3000, None, _CNY)]),
    ("美國商務部去年對該公司開出3億美元罰款。", [(3e8, None, _USD)]),
    ("華為今年研發投入約1,800億元人民幣。", [(1.8e11, None, _CNY)]),
    ("報告指出，中國AI晶片市場規模將從2024年的300億美元成長至2028年的1,000億美元。",
     [(3e10, None, _USD), (1e11, None, _USD)]),
    ("該公司毛利率為45.5%，較上季下滑2個百分點。", []),
    ("本月3日元首峰會上，雙方同意恢復對話。", []),
    ("輝達市值一度突破5兆美元。", [(5e12, None, _USD)]),
    ("台積電第三季營收新台幣9,900億元，淨利4,500億元。", [(9.9e11, None, _TWD), (4.5e11, None, _TWD)]),
    ("這款手機售價為新台幣2萬9900元。", [(29900, None, _TWD)]),
    ("該資料中心耗電量達100兆瓦。", []),
    ("這筆訂單價值逾百億新台幣。", [(1e10, None, _TWD)]),
    ("美元兌新台幣匯率升至31.5元。", []),
    ("三星電子計劃投資450兆韓元擴建晶圓廠。", [(4.5e14, None, "KRW")]),
    ("日本政府將提供約1兆日圓補助Rapidus。", [(1e12, None, "JPY")]),
    ("每1美元可兌換7.8港元。", []),
    ("該集團預計全年收入介乎180億至200億港元。", [(1.8e10, 2e10, _HKD)]),
    ("公司宣布每股派發末期息0.35港元。", [(0.35, None, _HKD)]),
    ("中芯國際H股收報52.5港元，目標價上調至60元。", [(52.5, None, _HKD), (60, None, _HKD)]),
    ("華虹半導體市值一夜蒸發逾300億港元。", [(3e10, None, _HKD)]),
    ("AI 2.0元年已經到來，RTX 5090一卡難求。", []),
    ("這家公司主要生產電子元件，年產值約50億元。", [(5e9, None, _CNY)]),
    ("美方将对价值约500亿美元的中国商品加征关税。", [(5e10, None, _USD)]),
    ("据知情人士透露，该交易金额不到10亿美元。", [(1e9, None, _USD)]),
    ("該公司首日開盤價為每股650元人民幣，較發行價上漲近5倍。", [(650, None, _CNY)]),
    ("按1美元兑7.2元人民币的汇率计算，合计约1.4万亿元。", [(1.4e12, None, _CNY)]),
    ("一颗昇腾910C的价格约为人民币十几万元。", []),
    ("去年第4季每股虧損0.12美元，優於市場預期的虧損0.2美元。", [(0.12, None, _USD), (0.2, None, _USD)]),
    ("受汇率波动影响，公司当季汇兑损失达3亿元。", [(3e8, None, _CNY)]),
    ("这台服务器售价约为300万元，相当于40万美元。", [(3e6, None, _CNY), (4e5, None, _USD)]),
    ("報導稱，該筆交易總額約為新台幣1,200億元（約40億美元）。", [(1.2e11, None, _TWD), (4e9, None, _USD)]),
    ("国家元首会晤前夕，美方宣布对华新规。", []),
    ("聯發科股價終場收1,350元，市值突破2兆元。", [(1350, None, _TWD), (2e12, None, _TWD)]),
    ("寒武紀今年前三季營收46億元人民幣，年增逾20倍。", [(4.6e9, None, _CNY)]),
    ("該公司本益比達120倍，遠高於同業的30倍。", []),
    ("美元指数报99.5，人民币对美元中间价报7.08。", []),
    ("该公司员工人数超过1.2万人，平均每人创收200万元。", [(2e6, None, _CNY)]),
    ("港交所上市的壁仞科技招股價為每股19.6港元，集資約55億港元。", [(19.6, None, _HKD), (5.5e9, None, _HKD)]),
    ("2025财年第一季度，该公司营收为130亿美元左右。", [(1.3e10, None, _USD)]),
    ("英伟达向美国政府缴纳的分成比例为15%，每年约20亿美元。", [(2e9, None, _USD)]),
    ("国产GPU企业融资额超过百亿元，估值均在千亿元以上。", [(1e10, None, _CNY), (1e11, None, _CNY)]),
    ("鴻海第三季營收2兆元新台幣，淨利450億元。", [(2e12, None, _TWD), (4.5e10, None, _TWD)]),
    ("該集團集資100億元港幣。", [(1e10, None, _HKD)]),
    ("募資NT$ 30億元，總額約3,000萬美金。", [(3e9, None, _TWD), (3e7, None, _USD)]),
    ("總預算新台幣約為5000億元，其中中央出資2000億元。", [(5e11, None, _TWD), (2e11, None, _TWD)]),
    ("注册资本人民币共计3440亿元。", [(3.44e11, None, _CNY)]),
    ("今年以來人民幣為3%的升幅，營收則為500億元。", [(5e10, None, _CNY)]),
    ("罚款金额从1万元到5万元不等。", [(1e4, 5e4, _CNY)]),
    ("每張卡的售價從2萬美元到3萬美元之間。", [(2e4, 3e4, _USD)]),
    ("股價由每股50元跌到30元。", [(30, None, _CNY)]),
    ("该公司营收由2023年的50亿元增加到2024年的80亿元。", [(5e9, None, _CNY), (8e9, None, _CNY)]),
    ("市值從1萬億美元躍升至4萬億美元。", [(4e12, None, _USD)]),
    ("新台幣今日終場收30.12元，升值1.5角。", []),
    ("人民币一度贬值至7.35元，创两年新低。", []),
    ("台積電股價收在新台幣1,050元。", [(1050, None, _TWD)]),
    ("人民币一度贬值，公司营收仍达80亿元。", [(8e9, None, _CNY)]),
    ("两三千元的显卡卖得最好，五六百万元的服务器也不缺买家。", []),
    ("該公司去年虧損一億五千萬美元，每顆晶片約兩萬五千美元。", [(1.5e8, None, _USD), (2.5e4, None, _USD)]),
    ("恒指收報25,000點，大市成交額1,200億港元。", [(1.2e11, None, _HKD)]),
    ("該公司全年營收3,000億元（新台幣，以下同），淨利1,200億元。", [(3e11, None, _TWD), (1.2e11, None, _TWD)]),
    ("承銷價每股港幣(以下皆同)28元，集資約50億元。", [(28, None, _HKD), (5e9, None, _HKD)]),
    ("按100日元兑4.8元人民币计算，补贴总额约合人民币480亿元。", [(4.8e10, None, _CNY)]),
    ("这款显卡在美国售价1000美元约合7100元人民币。", [(1000, None, _USD), (7100, None, _CNY)]),
]


@pytest.mark.parametrize("text, figures", STRESS, ids=[f"stress{i:02d}" for i in range(len(STRESS))])
def test_stress_set(text, figures):
    assert _figures(text) == [(pytest.approx(v), None if m is None else pytest.approx(m), u) for v, m, u in figures]


# ---------------------------------------------------------------- forms of issue 11 (made up, both scripts)
@pytest.mark.parametrize("text, figures", [
    ("营收增加20亿元至150亿元。", [(2e9, None, _CNY), (1.5e10, None, _CNY)]),
    ("該集團收入按年增加12億港元至96億港元。", [(1.2e9, None, _HKD), (9.6e9, None, _HKD)]),
    ("市值增加2,000億美元至4.5兆美元。", [(2e11, None, _USD), (4.5e12, None, _USD)]),
    ("净利润减少约3亿元至12亿元。", [(3e8, None, _CNY), (1.2e9, None, _CNY)]),
    ("淨利按年減少3億美元至12億美元。", [(3e8, None, _USD), (1.2e9, None, _USD)]),
    ("资本开支上调50亿美元至400亿美元。", [(5e9, None, _USD), (4e10, None, _USD)]),
    ("營收增加20至150億元。", [(2e9, None, _CNY), (1.5e10, None, _CNY)]),
    # a verb before 至 and then a range: the range stands
    ("预计营收增长至60亿至64亿美元。", [(6e9, 6.4e9, _USD)]),
    ("Meta將資本支出上調至810億至850億美元。", [(8.1e10, 8.5e10, _USD)]),
])
def test_by_how_much_and_the_level_reached(text, figures):
    """`增加X至Y`: X is the change and Y the level reached, two claims, not the range X to Y."""
    assert _figures(text) == [(pytest.approx(v), m, u) for v, m, u in figures]


def test_the_level_reached_keeps_its_start_and_the_change_says_which_way():
    found = _money("该公司营收减少3亿元至12亿元。")
    assert [c["metric"] for c in found] == ["营收减少额", "营收"]
    assert found[1]["from_value"] == pytest.approx(1.5e9)
    found = _money("資本開支上調50億美元至400億美元。")
    assert found[0]["metric"] == "资本支出增加额" and found[1]["from_value"] == pytest.approx(3.5e10)


@pytest.mark.parametrize("text, metrics", [
    ("该公司每股收益为0.9美元，高于0.8美元的市场预期。", ["每股收益", "每股收益预期"]),
    ("營收達300億元，略低於分析師預期的310億元。", ["营收", "营收预期"]),
    ("公司预计下一季度营收约为120亿元。", ["营收预期"]),
    ("该公司下一季度营收约为120亿元。", ["营收"]),
])
def test_an_expected_amount_is_not_the_reported_one(text, metrics):
    """An expectation, estimate or guidance is its own metric: it and the result can both be true."""
    assert [c["metric"] for c in _money(text)] == metrics


@pytest.mark.parametrize("text, metric", [
    ("去年第四季该公司的营收缩水约5亿美元。", "营收减少额"),
    ("消息传出后，该股市值一日蒸发300亿港元。", "市值减少额"),
    ("今年公司研發費用增加12億元新台幣。", "研发费用增加额"),
    ("该公司营收增长至150亿元。", "营收"),
    ("该公司营收80亿元，同比增长12%。", "营收"),
])
def test_an_amount_right_after_a_verb_of_change_is_how_much_it_moved(text, metric):
    """With no level reached, an amount after 减少 / 缩水 / 增加 is the change, not the metric's level:
    it must not be set against other articles' levels."""
    assert [c["metric"] for c in _money(text)] == [metric]


@pytest.mark.parametrize("text, figures", [
    ("营收12亿8千万元。", [(1.28e9, None, _CNY)]),
    ("營收12億8千萬元。", [(1.28e9, None, _CNY)]),
    ("總額1兆2千億新台幣。", [(1.2e12, None, _TWD)]),
    ("投资3亿6000万元。", [(3.6e8, None, _CNY)]),
    ("聯電全年營收新台幣2兆3,456億元。", [(2.3456e12, None, _TWD)]),
    ("鴻海營收7兆1,000億元。", [(7.1e12, None, _TWD)]),
    ("营收1亿2,345万元。", [(1.2345e8, None, _CNY)]),
    ("總額1萬2,000元。", [(12000, None, _CNY)]),
    ("市值兩兆三千億元新台幣。", [(2.3e12, None, _TWD)]),
    ("市值2兆3千億元。", [(2.3e12, None, _TWD)]),
])
def test_the_rest_of_a_figure_in_a_compound_smaller_unit(text, figures):
    assert _figures(text) == [(pytest.approx(v), m, u) for v, m, u in figures]


@pytest.mark.parametrize("text, figures", [
    ("OpenAI 1000亿美元的算力投资。", [(1e11, None, _USD)]),
    ("Meta 650億美元的資本支出。", [(6.5e10, None, _USD)]),
    ("内存价格为每GB 5美元。", [(5, None, _USD)]),
    ("HBM報價漲至每GB 18美元。", [(18, None, _USD)]),
    ("营收$50亿。", [(5e9, None, _USD)]),
    ("售价HK$12.5。", [(12.5, None, _HKD)]),
    # the numbers of names stay names
    ("RTX 4080与MI300X都在清单里。", []),
    ("H20与910C的出货量均超过10万片。", []),
])
def test_a_name_before_a_figure_of_large_magnitude_or_a_per_unit_price(text, figures):
    """A letter before a figure is a model number (`MI308`), unless a space parts it from a figure
    of 万/亿/兆 (no model is numbered so) or the letters are the unit after 每 (`每GB 5美元`)."""
    assert _figures(text) == [(pytest.approx(v), m, u) for v, m, u in figures]


@pytest.mark.parametrize("text, subjects", [
    ("寒武紀、海光資訊和摩爾線程的市值分別為6000億元、3500億元及3000億元。", ["寒武纪", "海光", "摩尔线程"]),
    ("华为和中芯国际的投资额分别约为100亿元、50亿元。", ["华为", "中芯国际"]),
    ("英伟达和AMD在中国的销售额分别为230亿美元与8亿美元。", ["英伟达", "AMD"]),
    ("沐曦与壁仞的融资额分别达到20亿元、15亿元，估值分别为200亿元和150亿元。",
     ["沐曦", "壁仞", "沐曦", "壁仞"]),
    ("輝達與超微上季在中國營收分別是50億美元和9億美元。", ["英伟达", "AMD"]),
])
def test_amounts_after_respectively_go_to_the_names_before_it_in_order(text, subjects):
    assert [c["subject"] for c in _money(text)] == subjects


def test_amounts_after_respectively_take_the_dates_in_order():
    found = _money("2024年和2025年营收分别为30亿元和50亿元。")
    assert [c["date_start"] for c in found] == ["2024-01-01", "2025-01-01"]
    found = _money("該公司2023年與2024年的淨利分別為8億元、11億元。")
    assert [c["date_start"] for c in found] == ["2023-01-01", "2024-01-01"]


def test_names_that_do_not_match_the_count_leave_the_subjects_alone():
    found = _money("三家公司营收分别为12亿元、15亿元和20亿元。")
    assert [c["subject"] for c in found] == ["", "", ""]


@pytest.mark.parametrize("text, units", [
    ("壁仞科技今日在港掛牌，招股價19.6港元。該股收報35.2元，市值約800億元。", [_HKD, _HKD, _HKD]),
    ("该公司在港上市，发行价每股30港元。次日收报33元。", [_HKD, _HKD]),
    ("这家公司在台上市，承销价每股新台币500元。今日股价收680元。", [_TWD, _TWD]),
    # an amount that is not a share price does not take the listing's currency
    ("该股招股价19.6港元。公司去年营收12亿元。", [_HKD, _CNY]),
    # and a share quoted in 人民币 leaves a later bare 元 in yuan
    ("发行价为每股人民币25元。首日收报50元。", [_CNY, _CNY]),
])
def test_a_later_share_price_in_bare_yuan_is_in_the_listing_currency(text, units):
    assert [u for _, _, u in _figures(text)] == units


@pytest.mark.parametrize("text, hedge", [
    ("给予最高不超过1000万元的奖励。", "不足"),
    ("單筆補助不超過500萬元。", "不足"),
    ("投资额不低于50亿元。", "超"),
])
def test_at_most_and_at_least(text, hedge):
    assert [c["hedge"] for c in _money(text)] == [hedge]


@pytest.mark.parametrize("text", [
    "华为今年出货50万颗昇腾芯片。",
    "該公司出貨逾20萬片晶片。",
    "寒武纪营收同比增长43倍。",
    "毛利率升至56.2%，净利率为30%。",
    "2025年5月1日起实施新规。",
    "客服电话400-800-8888。",
    "股票代码688256，港股代码06082。",
    "H20和910C均在限制之列。",
    "元戎启行发布新平台。",
    "该基金规模为3000亿。",
    "千亿级市场正在形成。",
    "美元指數走強，人民幣兌美元報7.12。",
    "以美元计价的营收增长了。",
    "多元化布局成为共识。",
    "三元锂电池的成本下降。",
    "集群规模达到1万张卡，功耗为20兆瓦。",
])
def test_what_is_not_money(text):
    assert _money(text) == []


@pytest.mark.parametrize("text, figures", [
    ("营收为467亿美元，去年同期为300亿。", [(4.67e10, None, _USD), (3e10, None, _USD)]),
    ("淨利潤264億美元，高於市場預期的250億。", [(2.64e10, None, _USD), (2.5e10, None, _USD)]),
    ("本季營收新台幣8,000億元，上季為7,500億。", [(8e11, None, _TWD), (7.5e11, None, _TWD)]),
    ("营收分别为人民币28亿、30亿和35亿。", [(2.8e9, None, _CNY), (3e9, None, _CNY), (3.5e9, None, _CNY)]),
    ("营收2000亿美元，净利润800亿。", [(2e11, None, _USD), (8e10, None, _USD)]),
    ("營收新台幣2,000億元，淨利800億。", [(2e11, None, _TWD), (8e10, None, _TWD)]),
    ("营收50亿美元，员工超过3万。", [(5e9, None, _USD)]),
    ("营收50亿美元，其中数据中心40亿。", [(5e9, None, _USD)]),
    # counts and figures with no comparison stay out
    ("营收50亿美元，出货量达1.2亿颗。", [(5e9, None, _USD)]),
    ("营收50亿美元，用户数达1.2亿。", [(5e9, None, _USD)]),
    ("出貨量1.2億片，營收50億美元。", [(5e9, None, _USD)]),
])
def test_a_bare_figure_set_against_a_period_or_listed_after_an_amount_takes_its_currency(text, figures):
    assert _figures(text) == [(pytest.approx(v), m, u) for v, m, u in figures]


def test_a_comparison_period_after_the_amount_does_not_date_it():
    found = _money("该公司营收为58亿元，去年同期为41亿。", published="2025-06-30")
    assert [c["date_start"] for c in found] == ["", "2024-01-01"]


@pytest.mark.parametrize("text, value", [
    ("公司兑现了100亿元的投资承诺。", 1e10),
    ("到期兌付資金50億元。", 5e9),
])
def test_cashing_out_is_not_an_exchange_rate(text, value):
    assert [c["value"] for c in _money(text)] == [pytest.approx(value)]


@pytest.mark.parametrize("text, subjects", [
    ("英伟达向AMD支付20亿美元。", ["英伟达"]),
    ("輝達向超微支付20億美元。", ["英伟达"]),
    ("英伟达表示，受AMD竞争影响，营收降至300亿美元。", ["英伟达"]),
    ("据路透社报道，英伟达季度营收570亿美元。", ["英伟达"]),
    ("據彭博報導，台積電季度營收新台幣9,000億元。", ["台积电"]),
    ("这块市场主要由310亿美元英伟达B30A、27亿美元超微MI308组成。", ["B30A", "MI308"]),
    ("H20損失160億美元，MI308損失14億美元。", ["H20", "MI308"]),
])
def test_the_subject_is_what_the_clause_is_about(text, subjects):
    """Not the nearest name: not the object of a preposition (`向AMD`, `据路透社`), not a name of another
    clause when the sentence opens with its topic; a product written right after an amount in a list
    is what the amount is the sales of."""
    assert [c["subject"] for c in _money(text)] == subjects


def test_a_sentence_that_names_no_one_continues_the_company_reported_on():
    found = _money("沐曦发布半年报。上半年实现营收9.2亿元，净利润1.1亿元。")
    assert [c["subject"] for c in found] == ["沐曦", "沐曦"]
    found = _money("燧原科技公布業績。期內收入12億元。")
    assert [c["subject"] for c in found] == ["燧原"]


@pytest.mark.parametrize("text", [
    "寒武纪发布半年报。国内算力芯片的市场规模达到1500亿元。",  # a market's size is no company's
    "寒武纪发布半年报。几家券商打算向大基金二期注资60亿元。",  # the clause's actor is unnamed
])
def test_the_company_reported_on_is_not_carried_to_amounts_that_are_not_its(text):
    assert [c["subject"] for c in _money(text)] == [""]


@pytest.mark.parametrize("text, subject, metric", [
    ("微软、谷歌和亚马逊今年资本支出合计超过3000亿美元。", "微软;谷歌;亚马逊", "资本支出"),
    ("輝達與超微的中國營收合計約300億美元。", "英伟达;AMD", "营收"),
    ("英伟达斥资50亿美元入股英特尔。", "英伟达", "投资额"),
    ("英偉達砸50億美元入股英特爾。", "英伟达", "投资额"),
    ("这笔收购的交易价值约为350亿美元。", "", "交易额"),
])
def test_joint_subjects_and_the_verbs_of_investing(text, subject, metric):
    found = _money(text)
    assert [(c["subject"], c["metric"]) for c in found] == [(subject, metric)]


@pytest.mark.parametrize("text, units", [
    ("中芯國際（00981）今日收報45.2元。", [_HKD]),
    ("华虹半导体(01347.HK)收报38.5元，市值约660亿元。", [_HKD, _HKD]),
    ("壁仞科技港股收報35元。", [_HKD]),
    ("聯發科台股收1,350元。", [_TWD]),
    ("寒武纪(688111)收报980元。", [_CNY]),
    ("英伟达美股收报180元。", [_USD]),
    # a market named in another clause, or an amount that is no share price, is left alone
    ("台股收盤後，燧原公布發行價每股58.5元。", [_CNY]),
    ("港股方面，该公司去年营收12亿元。", [_CNY]),
])
def test_a_share_price_in_bare_yuan_takes_the_currency_of_its_market(text, units):
    assert [u for _, _, u in _figures(text)] == units


@pytest.mark.parametrize("text, figures", [
    ("该公司完成20亿元首轮融资。", [(2e9, None, _CNY)]),
    ("燧原獲得5億元首期投資。", [(5e8, None, _CNY)]),
    ("G20元首峰会在南非举行。", []),
    ("10月30日元首會晤。", []),
])
def test_yuan_before_shou_after_a_magnitude_is_money(text, figures):
    assert _figures(text) == [(pytest.approx(v), m, u) for v, m, u in figures]


@pytest.mark.parametrize("text, metric, unit", [
    ("每手400股，入場費約6,868.5港元。", "入场费", _HKD),
    ("孖展認購額達980億港元。", "认购额", _HKD),
    ("新股发行价格为58.6元/股。", "发行价", _CNY),
    ("上市首日成交額達62億港元。", "成交额", _HKD),
    ("该股暗盘收报27元。", "股价", _HKD),
])
def test_ipo_words_and_the_hong_kong_grey_market(text, metric, unit):
    assert [(c["metric"], c["unit"]) for c in _money(text)] == [(metric, unit)]


# ------------------------------------------------------------ a whole converted range in one bracket

@pytest.mark.parametrize("text, expected", [
    ("該公司預估明年營收將達30億人民幣至40億人民幣(約合新台幣129億元至172億元)。",
     [(3e9, 4e9, "CNY"), (1.29e10, 1.72e10, "TWD")]),
    ("某公司預計今年營收為2億至3億港元（約新台幣8億至12億元）。",
     [(2e8, 3e8, "HKD"), (8e8, 1.2e9, "TWD")]),
    ("该厂计划投资60亿至80亿美元(约合人民币430亿元到570亿元)。",
     [(6e9, 8e9, "USD"), (4.3e10, 5.7e10, "CNY")]),
])
def test_a_range_converted_in_one_bracket(text, expected):
    assert _figures(text) == [(pytest.approx(a), pytest.approx(b), u) for a, b, u in expected]


@pytest.mark.parametrize("text, value", [
    ("廿二", 22), ("卅", 30), ("卅五", 35), ("卌", 40), ("一百廿", 120),
])
def test_tens_in_one_character(text, value):
    assert parse_number(text) == pytest.approx(value)
