"""The quote extractor's mechanisms for real reporting, on sentences written for the purpose.

Outlets as speakers and the sources they relay, people the lexicon does not know (named after a
role, in Latin letters, with a middle dot, with the original name in brackets), chains of verbs of
saying, speakers joined by 与/和, pronouns, headlines with a colon, and what is not a quote.
"""

from __future__ import annotations

import pytest

from helpers.extract import extract_text


@pytest.fixture(scope="module")
def quotes(lexicon, simplifier):
    def run(text: str):
        rows = extract_text(text, "2025-11-03", lexicon=lexicon, simplifier=simplifier)
        return [(r["actor"], r["evidence"]) for r in rows if r["kind"] == "quote"]
    return run


# ------------------------------------------------------------ outlets

@pytest.mark.parametrize("text, actor, words", [
    ("彭博社報導，美方正考慮鬆綁部分AI晶片的對華銷售。", "彭博社", "美方正考慮鬆綁部分AI晶片的對華銷售"),
    ("金融時報近日報導，歐盟正評估對成熟製程晶片加徵關稅。", "金融时报", "歐盟正評估對成熟製程晶片加徵關稅"),
    ("《紐時》稱，美方這回的退讓在以往的磋商裡前所未見。", "纽约时报", "美方這回的退讓在以往的磋商裡前所未見"),
    ("某某经济报道指出，本次发行吸引了大量机构参与询价。", "某某经济报道", "本次发行吸引了大量机构参与询价"),
    ("外电上周报道，部分客户已被要求预付货款。", "外电", "部分客户已被要求预付货款"),
])
def test_an_outlet_reports(quotes, text, actor, words):
    assert quotes(text) == [(actor, words)]


@pytest.mark.parametrize("text, actor, words", [
    ("彭博2日引述消息報導，商務部正研擬一套針對先進封裝的新規定。", "消息人士", "商務部正研擬一套針對先進封裝的新規定"),
    ("路透社引述知情人士报道，审批部门已开始受理相关申请。", "知情人士", "审批部门已开始受理相关申请"),
    ("《路透》昨天獨家報導，根據三名知情人士的說法，新措施僅限採購本土晶片。", "知情人士", "新措施僅限採購本土晶片"),
    ("路透社援引研究机构分析师陈小明的观点称，需求仍将保持强劲。", "陈小明", "需求仍将保持强劲"),
])
def test_an_outlet_relays_a_source(quotes, text, actor, words):
    assert quotes(text) == [(actor, words)]


def test_the_report_goes_on_with_the_outlet_named_before(quotes):
    rows = quotes("彭博報導，該公司計畫明年擴產。報導說，這反映出本土晶片商的快速崛起。")
    assert rows == [("彭博社", "該公司計畫明年擴產"), ("彭博社", "這反映出本土晶片商的快速崛起")]


def test_an_estimate_the_outlet_credits_is_no_quote(quotes):
    assert quotes("彭博报道，根据某投行估计，该公司今年产量约为十万颗。") == []


def test_an_outlet_reporting_someone_gives_the_words_to_them(quotes):
    rows = quotes("据《某某日报》报道，研究公司Acmetech把华为最新平板拆开后指出，其主控芯片来自国内代工厂。")
    assert rows == [("Acmetech", "其主控芯片来自国内代工厂")]


# ------------------------------------------------------------ people the lexicon does not know

@pytest.mark.parametrize("text, actor, words", [
    ("美國智庫研究員Jane Doe認為，供應瓶頸短期內難以消除。", "Jane Doe", "供應瓶頸短期內難以消除"),
    ("顾问研究员约翰·史密斯在电话会议前对记者表示，股价波动只是初步反应。", "约翰·史密斯", "股价波动只是初步反应"),
    ("出口管制官員多伊（John Doe）指出，過去這類議題從不上談判桌。", "多伊", "過去這類議題從不上談判桌"),
    ("某咨询公司合伙人Mary Lee指出，生态系统正在成形。", "Mary Lee", "生态系统正在成形"),
])
def test_a_person_named_after_a_role(quotes, text, actor, words):
    assert quotes(text) == [(actor, words)]


def test_a_name_found_once_is_known_later(quotes):
    rows = quotes("首席专员多伊（John Doe）分析，竞争已成双边关系主轴。但多伊认为，长期目标并未改变。")
    assert rows == [("多伊", "竞争已成双边关系主轴"), ("多伊", "长期目标并未改变")]


def test_a_chinese_name_opening_a_sentence(quotes):
    assert quotes("龔立群說明，缺貨情況可望在年底前改善。") == [("龚立群", "缺貨情況可望在年底前改善")]
    assert quotes("周一表示，市场情绪有所回暖。") == []  # a weekday, not a name


# ------------------------------------------------------------ the clause around the speaker

def test_a_chain_of_verbs_gives_one_row_each(quotes):
    rows = quotes("任正非表示，人才培養需要時間，認為基礎研究不能急功近利，強調不必過度悲觀。")
    assert rows == [("任正非", "人才培養需要時間"), ("任正非", "基礎研究不能急功近利"), ("任正非", "不必過度悲觀")]


def test_speakers_joined_by_and_both_said_it(quotes):
    rows = quotes("分析师和供应链业者均认为，国产替代的进度快于预期。")
    assert sorted(rows) == [("供应链业者", "国产替代的进度快于预期"), ("分析师", "国产替代的进度快于预期")]


def test_reported_words_end_where_another_speaker_starts(quotes):
    rows = quotes("《紐約時報》4日報導，此番協議屬於首例，外界認為中方成功爭取到更多籌碼。")
    assert sorted(rows) == [("外界", "中方成功爭取到更多籌碼"), ("纽约时报", "此番協議屬於首例")]


def test_the_person_met_is_not_the_speaker(quotes):
    rows = quotes("黄仁勋在华盛顿与特朗普会面后表示，目前还无法判断北京会不会批准采购。")
    assert [actor for actor, _ in rows] == ["黄仁勋"]


def test_a_pronoun_with_when_and_where(quotes):
    rows = quotes("黄仁勋坦言，对手追赶很快。他9月在伦敦接受采访时表示，「生態比晶片更重要」。")
    assert rows[-1] == ("黄仁勋", "生態比晶片更重要")


def test_a_role_of_a_named_body_speaks_for_it(quotes):
    rows = quotes("市场监管总局有关负责人表示，将依法推进调查工作。")
    assert rows == [("国家市场监督管理总局负责人", "将依法推进调查工作")]


def test_the_listener_is_not_the_speaker(quotes):
    rows = quotes("“窗口期不会一直开着。”一位早期投资沐曦的投资人对澎湃新闻说。")
    assert rows == [("投资人", "窗口期不会一直开着")]


def test_a_headline_with_a_colon(quotes):
    assert quotes("黃仁勳：美國必須加快腳步") == [("黄仁勋", "美國必須加快腳步")]


# ------------------------------------------------------------ not quotes

@pytest.mark.parametrize("text", [
    "据机构测算，这一比例将在明年升至三成。",
    "有经济学家预估，出口额可能减少一半。",
    "美国允许出口“缩水版”芯片。",
])
def test_estimates_and_scare_quotes_are_not_quotes(quotes, text):
    assert quotes(text) == []


# ------------------------------------------------------------ more clause shapes

def test_a_longer_quotation_with_the_speaker_after_it(quotes):
    rows = quotes("“需求非常強勁。我們會繼續擴產。”黃仁勳說。")
    assert ("黄仁勋", "我們會繼續擴產") in rows
    assert quotes("“订单排到明年，”分析师王大明表示。") == [("王大明", "订单排到明年")]


def test_a_name_that_shows_itself_with_no_role(quotes):
    assert quotes("战略与国际研究中心的John Smith说，管制正在失效。") == [("John Smith", "管制正在失效")]
    assert quotes("華府智庫的艾倫（Gregory Allen）表示，記憶體至關重要。") == [("艾伦", "記憶體至關重要")]


def test_a_speaker_leading_the_sentence_goes_on_after_a_comma(quotes):
    rows = quotes("黄仁勋在一场闭门会上，再度发出警示，指出对手的进步超出预期。")
    assert rows == [("黄仁勋", "对手的进步超出预期")]


def test_the_company_named_by_an_anaphor(quotes):
    rows = quotes("寒武纪三季度营收暴增。公司解释称，这主要受益于云厂商订单增长。")
    assert rows == [("寒武纪", "这主要受益于云厂商订单增长")]


def test_a_critics_words_quoted_in_a_chain(quotes):
    rows = quotes("众议员李四抨击黄仁勋「只顾生意」，嘲讽他「两面讨好」。")
    assert [actor for actor, _ in rows] == ["李四", "李四"]
    assert "只顾生意" in rows[0][1] and "两面讨好" in rows[1][1]


def test_interview_answers_go_to_the_interviewee(quotes):
    rows = quotes("记者专访了研究机构分析师陈明。\n问：国产芯片能追上吗？\n答：很难，但差距在缩小。")
    assert rows == [("陈明", "很难，但差距在缩小")]
    assert quotes("【问答】\n问：新卡比旧卡强多少？\n答：显存更大，带宽更高。") == []  # the author's explainer


def test_the_words_go_on_after_a_quotation(quotes):
    rows = quotes("黄仁勋9月受访时表示，「开放才有机会」，若美国企业缺席，对手只会更快成长。")
    assert rows == [("黄仁勋", "开放才有机会"), ("黄仁勋", "若美国企业缺席，对手只会更快成长")]


@pytest.mark.parametrize("text, expected", [
    ("美聯社報導，參議院將於下週表決。", [("美联社", "參議院將於下週表決")]),
    ("法新社引述官員說法報導，新規將延後實施。", [("官员", "新規將延後實施")]),
    ("路透社报道称，知情人士估计，销量约为十万颗。", []),  # a source's estimate, not words
    ("黄仁勋说，我估计，明年会更好。", [("黄仁勋", "我估计，明年会更好")]),  # the speaker's own
])
def test_news_agencies_and_estimates_inside_reports(quotes, text, expected):
    assert quotes(text) == expected


def test_a_subject_after_an_opening_clause_of_when(quotes):
    rows = quotes("10月9日，某行業協會聯同數個團體發表聲明，警告部分進口設備存在斷供風險。")
    assert rows == [] or rows[0][1] == "部分進口設備存在斷供風險"  # no lexicon name: nothing, or the words
    rows = quotes("10月9日，中国半导体行业协会少见地发表声明，警告部分进口设备存在断供风险。")
    assert rows == [("中国半导体行业协会", "部分进口设备存在断供风险")]


def test_a_denial_is_reported_speech(quotes):
    rows = quotes("白宮雖否認政策已經轉向，但多數學者認為，這等於放寬管制。")
    assert ("白宫", "政策已經轉向") in rows and ("多数学者", "這等於放寬管制") in rows


@pytest.mark.parametrize("text, expected", [
    ("英伟达发表声明称，公司遵守所有适用法律。", [("英伟达", "公司遵守所有适用法律")]),
    ("川普透過社群媒體表示，將放寬部分出口限制。", [("特朗普", "將放寬部分出口限制")]),
    ("黃仁勳週三接受專訪時直言，中國市場無可取代。", [("黄仁勋", "中國市場無可取代")]),
])
def test_how_the_words_were_given(quotes, text, expected):
    assert quotes(text) == expected
