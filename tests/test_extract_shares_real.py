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

@pytest.mark.parametrize("text", ["国产芯片的份额正从不足5%向20%迈进。", "國產晶片的份額正從不足5%向20%邁進。",
                                  "国产芯片的份额正从不足5%迈向20%。", "國產晶片市占率正從不到5%朝20%邁進。"])
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


# ---------------------------------------------------------------- stress set
# Made-up sentences in the forms wire, earnings, IPO and commentary reporting uses, in both scripts,
# each with the rows a careful annotator would record: (subject, value, from_value). Negatives look
# like shares and are not: rates of other things (毛利率, 良品率, 利率, 流失率), ratio words with
# money heads (负债比率, 分红比例, 首付比例, 换股比例), deltas, levies, caps, figures that qualify
# another noun, and clauses about something else after a stated share.
STRESS = [
 # ---- positives: levels, varied order and verbs
 ("据IDC数据，华为在中国AI加速卡市场的份额已达到约四成。", [("华为", 40.0, None)]),
 ("據集邦科技統計，全球AI加速器市場中輝達的市佔率超過八成。", [("英伟达", 80.0, None)]),
 ("寒武纪去年来自中国大陆的营收占比高达97%。", [("寒武纪", 97.0, None)]),
 ("台積電第三季營收中，先進製程占比約74%。", [("台积电", 74.0, None)]),
 ("业内人士估计，英伟达H20在中国市场的占有率已跌破10%。", [("H20", 10.0, None)]),
 ("海光信息在国内数据中心CPU市场握有逾两成份额。", [("海光", 20.0, None)]),
 ("分析師認為，AMD今年在資料中心GPU市場的份額可望提升至15%。", [("AMD", 15.0, None)]),
 ("截至9月底，大基金三期持有中芯国际约6.9%的股份。", [("国家大基金三期", 6.9, None)]),
 ("該基金目前持股比例為4.83%，為第三大股東。", [("", 4.83, None)]),
 ("这只科创板新股网上发行最终中签率为0.0362%。", [("", 0.0362, None)]),
 ("回撥機制啟動後，網下發行佔比降至60%。", [("", 60.0, None)]),
 ("到2027年，国内智算中心国产芯片的使用比例有望超过50%。", [("国产AI芯片", 50.0, None)]),
 ("字节跳动外购GPU的比率将从去年的90%降至今年的70%左右。", [("字节跳动", 70.0, 90.0)]),
 ("國產AI晶片的自給率預計在2026年達到40%。", [("国产AI芯片", 40.0, None)]),
 ("英伟达在华市场份额从95%骤降至接近零。", [("英伟达", 0.0, 95.0)]),
 ("華為昇騰的市佔率由2023年的不足一成攀升到今年的三成。", [("昇腾", 30.0, 10.0)]),
 ("英伟达、AMD和英特尔的份额分别约为80%、12%和5%。", [("英伟达", 80.0, None), ("AMD", 12.0, None), ("英特尔", 5.0, None)]),
 ("在国内AI芯片市场，华为占比约为35%，寒武纪约为12%。", [("华为", 35.0, None), ("寒武纪", 12.0, None)]),
 ("輝達市佔率為55%，超微則為18%。", [("英伟达", 55.0, None), ("AMD", 18.0, None)]),
 ("中芯国际来自中国客户的收入占比为84.1%，高于上年同期的80.4%。", [("中芯国际", 84.1, 80.4)]),
 ("機構預估，華為昇騰在國內推理晶片市場的份額將從約25%上調至35%。", [("昇腾", 35.0, 25.0)]),
 ("摩尔线程的市场份额今年或进一步下调到5%以下。", [("摩尔线程", 5.0, None)]),
 # ---- round 2: carried clauses, lists and the new vocabulary
 ("華為市佔率為30%，員工人數則增加了20%。", [("华为", 30.0, None)]),
 ("寒武纪的份额约为8%，股价年内上涨了300%。", [("寒武纪", 8.0, None)]),
 ("英伟达份额为70%，H20价格下调15%。", [("英伟达", 70.0, None)]),
 ("該公司持股比例為12%，去年股息率為4%。", [("", 12.0, None)]),
 ("中签率为0.05%，发行市盈率为45倍，首日涨幅约为200%。", [("", 0.05, None)]),
 ("AMD持有该合资公司49%的股权。", [("AMD", 49.0, None)]),
 ("华为份额为30%，寒武纪降至20%。", [("华为", 30.0, None), ("寒武纪", 20.0, None)]),
 ("華為份額為30%，今年降至25%。", [("华为", 30.0, None), ("华为", 25.0, None)]),
 ("台积电在全球晶圆代工市场的份额为67%，三星为11%，中芯国际为6%。", [("台积电", 67.0, None), ("三星", 11.0, None), ("中芯国际", 6.0, None)]),
 ("台積電在全球晶圓代工市場的份額為67%，三星為11%，中芯國際為6%。", [("台积电", 67.0, None), ("三星", 11.0, None), ("中芯国际", 6.0, None)]),
 ("輝達占比約為六成，毛利率則維持在75%左右。", [("英伟达", 60.0, None)]),
 ("国产芯片的采购比例提高到了30%，而进口芯片的平均价格上涨10%。", [("国产AI芯片", 30.0, None)]),
 ("该公司数据中心业务营收占比达到88%，游戏业务则降至9%。", [("", 88.0, None), ("", 9.0, None)]),
 ("按照协议，双方的出资比例为六比四。", [("", 60.0, None), ("", 40.0, None)]),
 ("该产品的返修率为2%，市场份额为15%。", [("", 15.0, None)]),
 ("三星HBM的市占率约为35%，SK海力士为50%，美光则约为15%。", [("三星", 35.0, None), ("SK海力士", 50.0, None), ("美光", 15.0, None)]),
 ("政府补贴比例最高可达项目投资的30%。", []),
 ("据报道，英伟达去年的研发费用率为9.9%，市值上涨了170%。", []),
 ("該股換手率高達45%，振幅達20%。", []),
 ("这家基金持股寒武纪，并称其今年营收增速有望达到60%。", []),
 ("該公司預計2026年產能利用率將從70%提升至90%。", []),
 ("摩尔线程的中签率仅为0.02%，低于沐曦的0.03%。", [("摩尔线程", 0.02, None), ("沐曦", 0.03, None)]),
 # ---- round 3
 ("三星在HBM市場的份額從40%跌至35%，而SK海力士則升至55%。", [("三星", 35.0, 40.0), ("SK海力士", 55.0, None)]),
 ("該基金持股比例由5.2%降至4.9%。", [("", 4.9, 5.2)]),
 ("其中，網上發行比例為30%，網下為70%。", [("", 30.0, None), ("", 70.0, None)]),
 ("华为拿下约四成订单。", [("华为", 40.0, None)]),
 ("该公司以15%的年利率向银行借款。", []),
 ("寒武紀以超過20%的溢價完成定增。", []),
 ("英伟达股价下跌17%，市值蒸发近6000亿美元。", []),
 ("台积电以约67%的份额居全球代工之首。", [("台积电", 67.0, None)]),
 ("中芯国际的产能中，约有30%用于成熟制程。", []),
 ("本轮融资后，阿里巴巴的持股比例被稀释至18%。", [("阿里巴巴", 18.0, None)]),
 ("騰訊持有該公司約11%股權，字節跳動持有約8%。", [("腾讯", 11.0, None), ("字节跳动", 8.0, None)]),
 ("百度的AI芯片自用比例约为70%，其余对外销售。", [("百度", 70.0, None)]),
 ("英偉達對中國客戶的銷售額占比已由26%降到13%。", [("英伟达", 13.0, 26.0)]),
 ("高通手机芯片的专利授权费率约为5%。", []),
 ("美光的库存周转天数增加了20%，份额维持在22%。", [("美光", 22.0, None)]),
 # ---- round 4: what a carried clause may not be
 ("華為份額約為30%，與第二名的差距約為10%。", [("华为", 30.0, None)]),
 ("英伟达市占率为80%，领先对手约60%。", [("英伟达", 80.0, None)]),
 ("英伟达市占率为80%，但折扣约为10%。", [("英伟达", 80.0, None)]),
 ("海光份额为9%，相当于去年的两倍。", [("海光", 9.0, None)]),
 ("寒武紀份額為6%，出貨量則成長了一倍，達到15%的目標進度。", [("寒武纪", 6.0, None)]),
 ("昇腾的市场份额为23%，交货周期缩短到了8周，良品率提升至约70%。", [("昇腾", 23.0, None)]),
 ("国产芯片份额约为30%，其中华为为20%，寒武纪约5%。", [("国产AI芯片", 30.0, None), ("华为", 20.0, None), ("寒武纪", 5.0, None)]),
 ("輝達份額為65%，AMD約為20%，其餘廠商合計約15%。", [("英伟达", 65.0, None), ("AMD", 20.0, None), ("", 15.0, None)]),
 # ---- round 5: deltas, dates of later clauses, zero in a later clause
 ("大基金三期持股比例为10%，較上市前下降2%。", [("国家大基金三期", 10.0, None)]),
 ("英伟达曾经在中国占据95%的市场份额，如今几乎归零。", [("英伟达", 95.0, None), ("英伟达", 0.0, None)]),
 ("該公司營收增長20%，利潤歸零。", []),
 ("華為市佔率為35%，較去年的30%明顯提升。", [("华为", 35.0, 30.0)]),
 # ---- round 6: subjects before a domestic scope, unnamed holders, 依次
 ("外界估计，沐曦在国产GPU中的市占率约为一成。", [("沐曦", 10.0, None)]),
 ("英偉達在國產晶片衝擊下份額降至50%。", [("英伟达", 50.0, None)]),
 ("持股比例方面，大基金三期为10.5%，上海国投为6%。", [("国家大基金三期", 10.5, None), ("", 6.0, None)]),
 ("百度、阿里巴巴和腾讯的采购占比依次为30%、25%和20%。", [("百度", 30.0, None), ("阿里巴巴", 25.0, None), ("腾讯", 20.0, None)]),
 ("英伟达的份额预计由66%降至54%，华为则由6%升至12%。", [("英伟达", 54.0, 66.0), ("华为", 12.0, 6.0)]),
 # ---- traditional-script variants (Taiwan and Hong Kong wording)
 ("據IDC數據，華為在中國AI加速卡市場的份額已達到約四成。", [("华为", 40.0, None)]),
 ("這隻科創板新股網上發行最終中籤率為0.0362%。", [("", 0.0362, None)]),
 ("字節跳動外購GPU的比率將從去年的90%降至今年的70%左右。", [("字节跳动", 70.0, 90.0)]),
 ("在國內AI晶片市場，華為佔比約為35%，寒武紀約為12%。", [("华为", 35.0, None), ("寒武纪", 12.0, None)]),
 ("中芯國際來自中國客戶的收入佔比為84.1%，高於上年同期的80.4%。", [("中芯国际", 84.1, 80.4)]),
 ("輝達份額為70%，H20價格下調15%。", [("英伟达", 70.0, None)]),
 ("台積電在全球晶圓代工市場的份額為67%，三星為11%，中芯國際為6%。", [("台积电", 67.0, None), ("三星", 11.0, None), ("中芯国际", 6.0, None)]),
 ("該產品的返修率為2%，市場份額為15%。", [("", 15.0, None)]),
 ("摩爾線程的中籤率僅為0.02%，低於沐曦的0.03%。", [("摩尔线程", 0.02, None), ("沐曦", 0.03, None)]),
 ("該公司以15%的年利率向銀行借款。", []),
 ("台積電以約67%的份額居全球代工之首。", [("台积电", 67.0, None)]),
 ("昇騰的市場份額為23%，交貨週期縮短到了8週，良品率提升至約70%。", [("昇腾", 23.0, None)]),
 ("國產晶片份額約為30%，其中華為為20%，寒武紀約5%。", [("国产AI芯片", 30.0, None), ("华为", 20.0, None), ("寒武纪", 5.0, None)]),
 ("持股比例方面，大基金三期為10.5%，上海國投為6%。", [("国家大基金三期", 10.5, None), ("", 6.0, None)]),
 ("台積電第三季營收按年增長40.8%，毛利率為59.5%。", []),
 ("該公司資產負債比率為45.6%，較去年下降。", []),
 ("新規將首付比例從30%下調至20%。", []),
 ("貸款利率從4.35%降至3.85%。", []),
 ("本次換股比例為1:0.8。", []),
 ("持股5%以上的股東減持比例不得超過公司總股本的2%。", []),
 ("該公司市場份額為20%，員工流失率為8%。", [("", 20.0, None)]),
 ("公司研發投入佔營收比例達到25%。", []),
 # ---- round 7: populations, moves named as nouns, shares relative to another's
 ("摩爾線程預計明年取得約5%的國內推理加速卡份額。", [("摩尔线程", 5.0, None)]),
 ("超过60%的企业的市场份额出现下滑。", []),
 ("該基金持有的寒武紀股份今年漲幅約為50%。", []),
 ("海光的份额约为英伟达的十分之一。", []),
 ("英伟达份额增长到60%。", [("英伟达", 60.0, None)]),
 ("華為占據國內AI晶片市場約三分之一，而輝達的份額則跌至不到兩成。", [("华为", 33.3, None), ("英伟达", 20.0, None)]),
 # ---- round 8: revenue mix beside growth, tranches, a later clause with only a date
 ("數據中心業務收入按年增長66%，佔總收入比重升至88%。", [("", 88.0, None)]),
 ("AI相關收入佔比由去年的15%提升至25%，按年增幅逾一倍。", [("", 25.0, 15.0)]),
 ("华为昇腾的出货量同比增长80%，市场份额升至28%。", [("昇腾", 28.0, None)]),
 ("该芯片的国产化率从30%提高到90%，成本下降了40%。", [("国产AI芯片", 90.0, 30.0)]),
 ("据测算，国产算力在新建智算中心中的占比将在2027年超过六成，而2023年仅为不到两成。",
  [("国产AI芯片", 60.0, None), ("国产AI芯片", 20.0, None)]),
 # ---- round 9: objects, caps and levies on a stake or revenue, comparisons with another holder
 ("寒武纪拿下字节跳动约三成订单。", [("寒武纪", 30.0, None)]),
 ("字節跳動向寒武紀採購的比例約為30%。", [("字节跳动", 30.0, None)]),
 ("美國商務部要求，輝達對華銷售額的15%須上繳政府。", []),
 ("新规规定，外资持股比例不得超过50%。", []),
 ("該公司海外營收佔比為35%，毛利率卻從40%降至32%。", [("", 35.0, None)]),
 ("AMD的MI308在中国的份额仅为1%，远低于H20的15%。", [("MI308", 1.0, None), ("H20", 15.0, None)]),
 # ---- negatives: look like shares, are not
 ("台积电第三季度营收按年增长40.8%，毛利率为59.5%。", []),
 ("華為市佔率為30%，其毛利率則為45%。", [("华为", 30.0, None)]),
 ("寒武纪市占率约为10%，良品率约为85%。", [("寒武纪", 10.0, None)]),
 ("该公司资产负债比率为45.6%，较去年下降。", []),
 ("公司擬將分紅比例提高至30%。", []),
 ("新规将首付比例从30%下调至20%。", []),
 ("贷款利率从4.35%降至3.85%。", []),
 ("该晶圆厂的良品率已从60%提升至85%。", []),
 ("本次换股比例为1:0.8。", []),
 ("地方政府按1:1的比例提供配套资金，配套比例为1:1。", []),
 ("該基金持股寒武紀多年，去年回報率達35%。", []),
 ("英伟达持股的这家初创公司估值增长了50%。", []),
 ("持股5%以上的股东减持比例不得超过公司总股本的2%。", []),
 ("本次发行的超额认购倍数约为3000倍，发行价较市场预期溢价15%。", []),
 ("募集资金中约40%将用于研发新一代AI芯片。", []),
 ("中签率公布后，该股首日股价上涨了120%。", []),
 ("華為市佔率達三成，但營收年增僅5%。", [("华为", 30.0, None)]),
 ("该公司市场份额为20%，员工流失率为8%。", [("", 20.0, None)]),
 ("美国对华出口管制使相关芯片的关税比例提高至25%。", []),
 ("英伟达的市占率为70%，利润率达到55%，库存周转率为12%。", [("英伟达", 70.0, None)]),
 ("英偉達H20的算力僅為H100的20%左右。", []),
 ("该芯片的能效比上一代提升了30%。", []),
 ("折价比例约为8%，低于同类产品。", []),
 ("公司研发投入占营收比例达到25%。", []),
 ("沐曦的毛利率从60%降至55%，市场份额为3%。", [("沐曦", 3.0, None)]),
 # ---- round 10: a change whose figures carry their times (如今的, 峰值时的), 自 as from, a forecast
 # by the holder itself, growth named after the figure, allocations and payouts
 ("英伟达的份额从2022年的95%一路下滑到了如今的50%左右。", [("英伟达", 50.0, 95.0)]),
 ("华为的占比由峰值时的35%回落到目前的28%。", [("华为", 28.0, 35.0)]),
 ("輝達的市占率從巔峰時期的九成掉到了如今的不足五成。", [("英伟达", 50.0, 90.0)]),
 ("英伟达在中国的市场份额，已从四年前的95%降至现在的0。", [("英伟达", 0.0, 95.0)]),
 ("中國區營收占比自2022財年的26%一路降到2025財年的13%。", [("", 13.0, 26.0)]),
 ("国产AI芯片的市场份额将由目前的约30%，在2027年提升至50%以上。", [("国产AI芯片", 50.0, 30.0)]),
 ("英伟达的份额预计会从现在的七成降到明年的五成左右。", [("英伟达", 50.0, 70.0)]),
 ("國產晶片市占率正從不到一成朝三成邁進。", [("国产AI芯片", 30.0, 10.0)]),
 ("2022年輝達在中國的市占率約九成，華為不足一成；今年輝達預計跌至五成，華為則升至三成。",
  [("英伟达", 90.0, None), ("华为", 10.0, None), ("英伟达", 50.0, None), ("华为", 30.0, None)]),
 ("伯恩斯坦预计，华为的份额将达到50%。", [("华为", 50.0, None)]),
 ("IDC预计今年份额将达到50%。", [("", 50.0, None)]),
 ("公司今年实现了20%的营收增长。", []),
 ("該公司去年實現35%的收入成長。", []),
 ("该模型训练时占用了约30%的显存。", []),
 ("华为每年将收入的20%以上投入研发。", []),
 ("華為每年將營收的逾兩成投入研發。", []),
 ("台积电将产能的20%转移至美国工厂。", []),
 ("该公司计划将回购比例提升至净利润的50%。", []),
 ("该公司约70%的营收来自中国市场。", [("", 70.0, None)]),
 # ---- round 11: an amount moved is no level (下降5%, 缩水了三成, 上升2%至35% gives 35); government takes
 # and payments out of revenue; balance-sheet ratios; CAGR; slash fractions
 ("海光的市场份额上升3%。", []),
 ("寒武紀的市占率下滑7%。", []),
 ("摩尔线程份额大幅萎缩40%。", []),
 ("英伟达的份额缩水了三成。", []),
 ("英偉達在華份額銳減一半。", []),
 ("英伟达和AMD的份额分别提升了3%和5%。", []),
 ("华为市占率上升2%至35%。", [("华为", 35.0, None)]),
 ("輝達份額下降5%至45%。", [("英伟达", 45.0, None)]),
 ("美国政府可获得英伟达对华销售额的15%。", []),
 ("美國政府可分得超微對華銷售額的15%。", []),
 ("根据协议，美国政府将拿走15%的收入。", []),
 ("该协议要求英伟达支付对华营收的15%。", []),
 ("中国政府要求国有数据中心的国产芯片比例提高至100%。", [("国产AI芯片", 100.0, None)]),
 ("报告期内，公司应收账款占总资产的比例为30%。", []),
 ("国产AI芯片份额提升，预计CAGR达40%。", []),
 ("寒武纪的份额约为1/3。", [("寒武纪", 33.3, None)]),
 ("國產晶片的市占率已接近2/3。", [("国产AI芯片", 66.7, None)]),
 ("1/3的受访者表示不满意。", []),
 # ---- round 12: a holder ranking with its figure, a carried clause hedged as a fear, the same share
 # named as an earlier level
 ("去年国内推理卡市场中，英伟达份额跌至三成，华为则以约四成居首。", [("英伟达", 30.0, None), ("华为", 40.0, None)]),
 ("在國內訓練晶片市場，寒武紀以約兩成位居第二。", [("寒武纪", 20.0, None)]),
 ("该公司以15%的增速位居行业第一。", []),
 ("AMD去年在中國的份額仍有約兩成，今年恐將跌破一成。", [("AMD", 20.0, None), ("AMD", 10.0, None)]),
 ("中國市場佔超微收入的比重已跌破5%，與三年前逾一成的水平不可同日而語。", [("AMD", 5.0, None), ("AMD", 10.0, None)]),
 ("英伟达的市占率为80%，远高于第二名AMD的10%。", [("英伟达", 80.0, None), ("AMD", 10.0, None)]),
 ("輝達市占率逾八成，遠高於超微的不到一成。", [("英伟达", 80.0, None), ("AMD", 10.0, None)]),
 ("國產晶片自製率可望提升至50%。", [("国产AI芯片", 50.0, None)]),
 ("中国芯片本土化率仅约20%。", [("国产AI芯片", 20.0, None)]),
 # ---- round 13: accounting and grant ratios, quantities compared as a ratio
 ("该公司按照一定比例计提减值准备，计提比例为5%。", []),
 ("股權激勵計劃的授予比例為公司總股本的2%。", []),
 ("中美两国在AI论文数量上的比例约为1.5比1。", []),
 ("兩國晶片投資金額之比約為3比1。", []),
 # ---- round 14: a change written with an arrow, after a share word only
 ("超微中国市占：20%→5%", [("AMD", 5.0, 20.0)]),
 ("華為在華份額 10% → 30%", [("华为", 30.0, 10.0)]),
 ("营收增长：20%→35%", []),
]


# ---------------------------------------------------------------- the holder is what the clause is about

@pytest.mark.parametrize("text, subject", [
    ("英伟达的H20遭禁后，国内厂商的市占率大幅提升至60%。", "国产AI芯片"),
    ("輝達H20遭禁售後，本土品牌的市占率已升至五成。", "国产AI芯片"),
    ("美国商务部的限制使国产芯片占比提高到了40%。", "国产AI芯片"),
    ("美國商務部的禁令讓國產晶片占比升至四成。", "国产AI芯片"),
    ("英伟达在国产芯片冲击下份额降至50%。", "英伟达"),
    ("沐曦在国产GPU中的市占率约为一成。", "沐曦"),
    ("英伟达的竞争对手华为，市场份额约为25%。", "华为"),
    ("輝達的對手華為今年的市占率已升至30%。", "华为"),
    ("华为份额约为10%；今年英伟达预计跌至50%。", "华为;英伟达"),
    ("IDC预计今年份额将达到50%。", ""),
    ("中国市场占全球半导体销售额的比重超过三分之一。", "中国"),
    ("台湾芯片出口中，输往东南亚的比重已升至20%。", ""),
])
def test_the_holder_is_what_the_clause_is_about(shares, text, subject):
    rows = shares(text)
    assert [r["subject"] for r in rows] == subject.split(";")


@pytest.mark.parametrize("text", [
    "华虹公布第二季度业绩。成熟制程收入占比为61%。",
    "華虹公布第二季業績。成熟製程收入占比為61%。",
])
def test_a_revenue_mix_stated_alone_is_the_company_the_article_reports_on(shares, text):
    rows = shares(text)
    assert [(r["subject"], r["value"]) for r in rows] == [("华虹", 61.0)]


@pytest.mark.parametrize("text,expected", STRESS)
def test_stress_set(shares, text, expected):
    rows = shares(text)
    got = [(r["subject"], r["value"], r.get("from_value")) for r in rows]
    got = [(s, v, f if f == f else None) for s, v, f in got]  # NaN from_value reads as None
    assert sorted(got, key=str) == sorted(expected, key=str)


def test_past_a_figure_is_over_it(shares):
    rows = shares("國產晶片在字節跳動採購中的占比已過三成。")
    assert [(r["value"], r["hedge"]) for r in rows] == [(30.0, "超")]


def test_a_tranche_is_an_issue_share(shares):
    rows = shares("回撥後公開發售佔比增至50%。")
    assert [(r["value"], r["metric"]) for r in rows] == [(50.0, "发行占比")]


def test_a_date_in_a_later_comparison_clause_does_not_date_the_figure(shares):
    rows = shares("华为市占率为35%，较去年提升5个百分点。")
    assert len(rows) == 1 and rows[0]["value"] == 35.0
    assert rows[0]["date_start"] in ("", None)


@pytest.mark.parametrize("text, subject", [
    ("据测算，华为与寒武纪合计占国内训练芯片市场约六成份额。", "华为;寒武纪"),
    ("調查顯示，輝達和超微兩家共拿下全球資料中心GPU市場九成以上的份額。", "英伟达;AMD"),
    ("华为占国内训练芯片市场的30%，寒武纪约占10%。", "华为"),
    ("国内推理卡市场中，英伟达和华为海思两家合计占八成以上。", "英伟达;海思"),
])
def test_holders_totalled_together_hold_one_share(text, subject):
    shares = [c for c in extract_text(text, published="2025-11-20") if c["kind"] == "market_share"]
    assert shares and shares[0]["subject"] == subject


# ---------------------------------------------------------------- forms met in the wider reading (issue 11)

@pytest.mark.parametrize("text, value, hedge", [
    ("中國擁有「約50%的全球AI研究員」。", 50.0, "约"),
    ("该国拥有全球超过一半的 AI 人才。", 50.0, "超"),
    ("中国拥有全球约两成的AI研究人才。", 20.0, "约"),
])
def test_researchers_by_the_words_the_press_uses(shares, text, value, hedge):
    rows = shares(text)
    assert [(r["metric"], r["value"], r["hedge"]) for r in rows] == [("研究人员占比", value, hedge)]


def test_the_researchers_of_the_country_heading_the_clause(shares):
    assert [r["subject"] for r in shares("美国拥有全球约两成的AI研究员。")] == ["美国"]


def test_from_an_earlier_figure_to_cleared(shares):
    rows = shares("英伟达的数据中心生意，从之前的九成，如今已经清零。")
    assert [(r["subject"], r["from_value"], r["value"]) for r in rows] == [("英伟达", 90.0, 0.0)]


def test_holders_joined_and_given_the_figure_each(shares):
    rows = shares("2025年，英伟达与华为的份额各约四成，寒武纪与海光并列第三，占5%，其他新创公司合计约2%。")
    assert [(r["subject"], r["value"]) for r in rows] == [
        ("英伟达", 40.0), ("华为", 40.0), ("寒武纪", 5.0), ("海光", 5.0), ("", 2.0)]


def test_holders_joined_without_each_give_one_row(shares):
    assert [r["subject"] for r in shares("华为和英伟达的合作伙伴约占30%。")] == ["华为"]


def test_a_clause_that_only_moves_the_share_named_before(shares):
    rows = shares("届时，新业务营收占整体营收的比重，将一举冲高至惊人的74%。")
    assert _values(rows) == [74.0]


def test_a_share_story_goes_on_in_the_next_sentence(shares):
    rows = shares("英伟达还占54.4%。可是对手追上来了，华为现在做到27.9%。")
    assert [(r["subject"], r["value"]) for r in rows] == [("英伟达", 54.4), ("华为", 27.9)]


def test_a_supposed_figure_is_no_share(shares):
    rows = shares("英伟达还占54.4%。本土公司如果做到10%、20%，很快就会超越。")
    assert _values(rows) == [54.4]


@pytest.mark.parametrize("text, value, from_value", [
    ("四年前，英伟达的市场份额高达95%，如今只有50%。", 50.0, 95.0),  # then and now
    ("英伟达的份额从原本稳稳的95%直接滑到零。", 0.0, 95.0),  # a modifier after 从
])
def test_changes_in_the_wider_forms(shares, text, value, from_value):
    assert [(r["value"], r["from_value"]) for r in shares(text)] == [(value, from_value)]


@pytest.mark.parametrize("text", ["该公司曾经垄断中国95%AI芯片市场。", "某公司以 36.9% 的市占率居首。"])
def test_a_market_or_share_word_named_after_the_figure(shares, text):
    assert len(shares(text)) == 1


# ------------------------------------------------------------ 廿 / 卅 as Taiwanese papers write tens

def test_a_share_written_with_a_tens_character(shares):
    rows = shares("研調機構統計，去年下半年當地伺服器市場裡，國產AI晶片市占率升至百分之卅二，而輝達市占則降至百分之六十五。")
    assert [(r["subject"], r["value"]) for r in rows] == [("国产AI芯片", 32.0), ("英伟达", 65.0)]


# ------------------------------------------------------------ "the company" as the clause's subject

@pytest.mark.parametrize("text, subject, value", [
    ("在兩國對抗加劇的背景下，超微（AMD）執行長蘇姿丰近日在一場論壇上坦言，公司在當地的伺服器晶片銷售已經很困難，市占率跌至5%。",
     "AMD", 5.0),
    ("英特尔昨日发布公告，称该公司在数据中心处理器市场的份额已回升至六成。", "英特尔", 60.0),
])
def test_the_company_heading_a_clause_is_the_firm_named_last(shares, text, subject, value):
    assert [(r["subject"], r["value"]) for r in shares(text)] == [(subject, value)]
