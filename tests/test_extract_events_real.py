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


# ------------------------------------------------------------ stress set
# Made-up sentences in the forms wire, earnings, IPO and policy reporting use, both scripts, with what an
# annotator following tests/gold/README.md and tests/gold/real/README.md records: (actor, action,
# date_start, status) per event, published 2025-11-20 (a Thursday). Empty lists are the look-alikes that
# are no events: speech, undated acts, figures, deadlines, datelines, hearsay.

STRESS = [
    ('美国商务部于2025年1月13日公布新的人工智能芯片出口管制规则。', [('美国商务部', 'tighten', '2025-01-13', '')]),
    ('美國商務部工業與安全局15日宣布，將多家中國實體列入實體清單。', [('美国商务部工业与安全局', 'tighten', '2025-11-15', '')]),
    ('2024年12月2日，美國商務部發布了針對高頻寬記憶體的出口管制新規。', [('美国商务部', 'tighten', '2024-12-02', '')]),
    ('特朗普政府今年4月通知英伟达，H20对华出口须申请许可证。', [('特朗普政府', 'tighten', '2025-04-01', '')]),
    ('据报道，美国政府已于8月批准英伟达向中国出售H20芯片。', [('美国政府', 'approve', '2025-08-01', '')]),
    ('國家市場監督管理總局9月15日宣布，對輝達展開進一步調查。', [('国家市场监督管理总局', 'investigate', '2025-09-15', '')]),
    ('国家网信办7月31日约谈英伟达，要求其说明H20芯片的安全风险。', [('国家网信办', 'investigate', '2025-07-31', '')]),
    ('中國商務部上週對美國類比晶片展開反傾銷調查。', [('商务部', 'investigate', '2025-11-10', '')]),
    ('美國司法部11月18日起訴兩名中國公民走私輝達晶片。', [('美国司法部', 'sue', '2025-11-18', '')]),
    ('工信部日前发布通知，要求数据中心优先采购国产芯片。', [('工业和信息化部', 'announce', '2025-10-21', '')]),
    ('英伟达周三发布第三季度财报，营收再创新高。', [('英伟达', 'announce', '2025-11-19', '')]),
    ('輝達於美東時間19日盤後公布財報。', [('英伟达', 'announce', '2025-11-19', '')]),
    ('寒武纪昨日晚间披露2025年三季报。', [('寒武纪', 'announce', '2025-11-19', '')]),
    ('中芯國際11月13日晚間公布第三季業績。', [('中芯国际', 'announce', '2025-11-13', '')]),
    ('华为于9月18日发布昇腾芯片三年路线图。', [('华为', 'launch', '2025-09-18', '')]),
    ('摩爾線程於10月底推出新一代GPU。', [('摩尔线程', 'launch', '2025-10-01', '')]),
    ('台積電的3奈米製程於2022年量產。', [('台积电', 'launch', '2022-01-01', '')]),
    ('今年7月，英伟达宣布恢复向中国销售H20。', [('英伟达', 'resume', '2025-07-01', '')]),
    ('AMD在6月12日的发布会上推出MI350系列。', [('AMD', 'launch', '2025-06-12', '')]),
    ('輝達將於明年第一季推出新款晶片。', [('英伟达', 'launch', '2026-01-01', 'planned')]),
    ('华为计划于2026年第四季度推出昇腾960。', [('华为', 'launch', '2026-10-01', 'planned')]),
    ('壁仞科技預計明年上半年在香港掛牌。', [('壁仞', 'list', '2026-01-01', 'planned')]),
    ('寒武纪有望在2026年推出下一代思元芯片。', [('寒武纪', 'launch', '2026-01-01', 'planned')]),
    ('摩尔线程将于12月5日在科创板挂牌上市。', [('摩尔线程', 'list', '2025-12-05', 'planned')]),
    ('沐曦股份的科创板IPO申请于6月30日获上交所受理。', [('沐曦', 'list', '2025-06-30', '')]),
    ('壁仞科技已於10月向港交所遞表。', [('壁仞', 'list', '2025-10-01', '')]),
    ('摩爾線程10月24日過會，成為今年最受矚目的新股。', [('摩尔线程', 'list', '2025-10-24', '')]),
    ('黄仁勋10月28日在华盛顿举行的GTC大会上表示，美国必须赢得AI竞赛。', [('黄仁勋', 'speak', '2025-10-28', '')]),
    ('蘇姿丰11日在分析師日上表示，AI晶片需求仍然強勁。', [('苏姿丰', 'speak', '2025-11-11', '')]),
    ('字节跳动上月已停止采购英伟达芯片。', [('字节跳动', 'ban', '2025-10-01', '')]),
    ('國家大基金三期於2024年5月24日註冊成立。', [('国家大基金三期', 'invest', '2024-05-24', '')]),
    ('英伟达2024年共向中国出货约100万颗H20。', [('英伟达', 'ship', '2024-01-01', '')]),
    ('海关总署10月起加强对进口芯片的检查。', [('海关总署', 'tighten', '2025-10-01', '')]),
    ('美国商务部10月8日收紧出口规则，中国商务部9日随即宣布反制措施。', [('美国商务部', 'tighten', '2025-10-08', ''), ('商务部', 'announce', '2025-11-09', '')]),
    ('黄仁勋11月8日说，中国市场非常重要。', []),
    ('英伟达最近推出了新的芯片。', []),
    ('美國商務部此前曾多次收緊管制。', []),
    ('2024年英伟达营收增长了120%。', []),
    ('華為在2024年的營收達到8621億元。', []),
    ('该规定的有效期至2026年11月10日。', []),
    ('（新华社北京11月19日电）', []),
    ('分析师认为，H20在12月的销量将大幅下滑。', []),
    ('英伟达2025财年营收为1305亿美元。', []),
    ('市場預計輝達在中國的份額明年將降至零。', []),
    ('2023年，国内AI芯片的市场规模达到1200亿元。', []),
    ('黃仁勳10月表示，輝達在中國的市佔率已從95%降到零。', []),
    ('當地時間18日，美國商務部宣布放寬對部分晶片的出口限制。', [('美国商务部', 'loosen', '2025-11-18', '')]),
    ('据悉，寒武纪已于前（17）日完成上市辅导备案。', [('寒武纪', 'list', '2025-11-17', '')]),
    ('摩尔线程成立于2020年，总部位于北京。该公司于2023年推出MTT S4000。', [('摩尔线程', 'invest', '2020-01-01', ''), ('摩尔线程', 'launch', '2023-01-01', '')]),
    ('壁仞科技於2019年創立。公司於2022年發布首款GPU。', [('壁仞', 'invest', '2019-01-01', ''), ('壁仞', 'launch', '2022-01-01', '')]),
    ('智谱等企业1月被美方列入实体清单。', [('美国政府', 'tighten', '2025-01-01', '')]),
    ('昇腾950PR将于2026年一季度上市。', [('华为', 'list', '2026-01-01', 'planned')]),
    ('美国商务部9月29日发布新规。同日，中国商务部宣布对美光展开调查。', [('美国商务部', 'tighten', '2025-09-29', ''), ('商务部', 'investigate', '2025-09-29', '')]),
    ('輝達上週五宣布將在台灣興建新總部。', [('英伟达', 'announce', '2025-11-14', '')]),
    ('百度今日在百度世界大会上发布昆仑芯新品。', [('百度', 'launch', '2025-11-20', '')]),
    ('海光信息將在12月10日召開股東大會。', [('海光', 'other', '2025-12-10', 'planned')]),
    ('寒武纪成立以来，研发投入持续增长。', []),
    ('英偉達的市值在10月一度突破5兆美元。', []),
    ('摩尔线程拟于12月5日在科创板挂牌上市。', [('摩尔线程', 'list', '2025-12-05', 'planned')]),
    ('沐曦将于1月8日举行上市仪式。', [('沐曦', 'list', '2026-01-08', 'planned')]),
    ('英伟达将于1月7日在CES上发布新显卡。', [('英伟达', 'launch', '2026-01-07', 'planned')]),
    ('华为于10月25日在上海发布新一代服务器。', [('华为', 'launch', '2025-10-25', '')]),
    ('輝達執行長黃仁勳將於下月訪問北京。', [('黄仁勋', 'other', '2025-12-01', 'planned')]),
    ('華為去年12月推出昇騰910C。', [('华为', 'launch', '2024-12-01', '')]),
    ('在11月19日舉行的財報電話會議上，黃仁勳表示需求強勁。', [('黄仁勋', 'speak', '2025-11-19', '')]),
    ('在5月6日上午举行的寒武纪投资者交流会上，公司高管回应了市场关切。', [('寒武纪', 'speak', '2025-05-06', '')]),
    ('黄仁勋在上月的GTC大会演讲中透露了新架构。', [('黄仁勋', 'speak', '2025-10-01', '')]),
    ('在2024年的大会上发布的芯片已经停产。', []),
    ('美國總統川普週一（17日）簽署行政命令。', [('特朗普', 'other', '2025-11-17', '')]),
    ('輝達於今年4月遭美國政府禁止出口H20。', [('美国政府', 'ban', '2025-04-01', '')]),
    ('H20晶片自4月起需取得許可證才能出口中國。', [('美国政府', 'tighten', '2025-04-01', '')]),
    ('摩爾線程12月5日登陸科創板。', [('摩尔线程', 'list', '2024-12-05', '')]),
    ('商務部新聞發言人何亞東20日在例行記者會上表示，中方將採取必要措施。', [('何亚东', 'speak', '2025-11-20', '')]),
    ('美国商务部预计将于下周公布新规。', [('美国商务部', 'tighten', '2025-11-24', 'planned')]),
    ('台积电上周宣布暂停向中国大陆客户供应7纳米芯片。', [('台积电', 'ban', '2025-11-10', '')]),
    ('中國海關總署近期加強了對輝達晶片的查驗。', [('海关总署', 'tighten', '2025-10-21', '')]),
    ('阿里巴巴於2月24日宣布，未來三年將投資逾3800億元。', [('阿里巴巴', 'invest', '2025-02-24', '')]),
    ('輝達股價19日盤後上漲5%。', []),
    ('外交部发言人毛宁19日回应称，中方坚决反对。', []),
    ('截至9月底，寒武纪持有现金50亿元。', []),
    ('黃仁勳曾在2024年表示，中國市場規模達500億美元。', []),
    ('英伟达2026财年第三季度营收为570亿美元。', []),
    ('荷蘭政府9月30日接管安世半導體。', [('荷兰政府', 'other', '2025-09-30', '')]),
    ('日本政府上月宣布收紧对华半导体设备出口。', [('日本政府', 'tighten', '2025-10-01', '')]),
    ('腾讯于2024年3月入股一家GPU初创企业。', [('腾讯', 'invest', '2024-03-01', '')]),
    ('寒武纪董事长陈天石19日在业绩说明会上回应投资者提问。', [('陈天石', 'speak', '2025-11-19', '')]),
    ('荷兰是全球光刻机的重要产地，2024年出口额大增。', []),
    ('英伟达在2024年的收购传闻从未得到证实。', []),
    ('上海某某半导体科技有限公司于2021年3月成立，专注GPU设计。', [('上海某某半导体科技有限公司', 'invest', '2021-03-01', '')]),
    ('特朗普与习近平30日在釜山举行会晤。会晤后，双方宣布达成贸易休战。', [('特朗普', 'other', '2025-10-30', ''), ('双方', 'announce', '2025-10-30', '')]),
    ('川普與習近平29日舉行會談。美國在會中同意暫緩實施新的出口管制。', [('特朗普', 'other', '2025-10-29', ''), ('美国政府', 'loosen', '2025-10-29', '')]),
    ('商务部表示，将对10月公布的出口管制措施进行评估。', [('商务部', 'tighten', '2025-10-01', '')]),
    ('公司2024年营收增长30%，净利润扭亏为盈。', []),
    ('在发布会上，黄仁勋展示了新的服务器。', []),
    ('2024年推出的补贴政策效果显著。', []),
    ('某某科技有限公司2024年营收达到5亿元。', []),
    ('会后，双方均未公布细节。', []),
    ('美国众议院12日以压倒性多数通过《芯片安全法案》。', [('美国众议院', 'other', '2025-11-12', '')]),
    ('台積電董事長魏哲家16日在股東會上表示，AI需求強勁。', [('魏哲家', 'speak', '2025-11-16', '')]),
    ('英伟达CEO黄仁勋于今年1月访问了深圳、上海和北京。', [('黄仁勋', 'other', '2025-01-01', '')]),
    ('華為輪值董事長徐直軍9月18日在全聯接大會上宣布昇騰晶片路線圖。', [('徐直军', 'announce', '2025-09-18', '')]),
    ('美國聯邦政府將在2026年1月起對進口晶片加徵關稅。', [('美国政府', 'other', '2026-01-01', 'planned')]),
    ('2025年10月9日，中国商务部公布了稀土出口管制新规。', [('商务部', 'tighten', '2025-10-09', '')]),
    ('中芯国际今年前三季度营收同比增长20%。', []),
    ('壁仞科技2023年3月发布首款GPU，同年向港交所递表。', [('壁仞', 'launch', '2023-03-01', ''), ('壁仞', 'list', '2023-01-01', '')]),
    ('摩爾線程預計今年下半年推出新一代顯卡。', [('摩尔线程', 'launch', '2025-07-01', 'planned')]),
    ('寒武纪去年上半年完成一轮融资。', [('寒武纪', 'invest', '2024-01-01', '')]),
    ('沐曦的招股书显示，公司2024年营收为7.4亿元。', []),
]


@pytest.mark.parametrize("text, expected", STRESS, ids=[f"s{i:02d}" for i in range(len(STRESS))])
def test_stress_set(events, text, expected):
    got = sorted((r["actor"], r["action"], r["date_start"], r["status"]) for r in events(text))
    assert got == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    ("下周公布", ("2025-11-24", "2025-11-30", "week")),      # the calendar week after the article's
    ("下月访问", ("2025-12-01", "2025-12-31", "month")),     # the month after the article's
    ("将于1月7日发布", ("2026-01-07", "2026-01-07", "day")),  # looking ahead: the nearer coming day
    ("今年6月下旬", ("2025-06-21", "2025-06-30", "dekad")),
    ("去年下半年", ("2024-07-01", "2024-12-31", "half")),
    ("上半年营收", ("2025-01-01", "2025-06-30", "half")),
    ("1月7日发布", ("2025-01-07", "2025-01-07", "day")),      # told as done: the last such day
])
def test_coming_periods(text, expected):
    assert _dates(text) == [expected]
