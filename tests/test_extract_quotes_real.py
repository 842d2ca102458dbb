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


# ------------------------------------------------------------ the stress set
# Sentences written for the purpose in the forms of wire reports, earnings and IPO stories,
# commentary and policy explainers, in both scripts, with what a careful annotator would record
# as quotes (speaker, words). Negatives are things that look like quotes and are not: estimates,
# the author's own statements, announcements, scare quotes, 称为, a pronoun with nobody before it.

STRESS = [
    # wire reports: speaker after the words
    ("美方可能在下个月放宽部分限制，一位知情人士说。", [("知情人士", "美方可能在下个月放宽部分限制")]),
    ("該公司預計明年將擴大在東南亞的產能，兩名消息人士週三表示。", [("消息人士", "該公司預計明年將擴大在東南亞的產能")]),
    ("新规将在明年一月生效，美国商务部一名官员周二表示。", [("官员", "新规将在明年一月生效")]),
    ("審批程序仍在進行中，輝達發言人在聲明中說。", [("英伟达", "審批程序仍在進行中")]),
    # time forms between the speaker and the verb
    ("黃仁勳昨（19）日表示，中國市場的需求依然強勁。", [("黄仁勋", "中國市場的需求依然強勁")]),
    ("魏哲家于16日在法说会上表示，先进封装产能仍然吃紧。", [("魏哲家", "先进封装产能仍然吃紧")]),
    ("盧特尼克（Howard Lutnick）週二在國會聽證會上表示，管制措施不會放鬆。", [("卢特尼克", "管制措施不會放鬆")]),
    ("黄仁勋也在18日表示，对手的进步速度超出想象。", [("黄仁勋", "对手的进步速度超出想象")]),
    ("蘇姿丰今（20）日受訪時再度強調，AI需求才剛起步。", [("苏姿丰", "AI需求才剛起步")]),
    ("任正非5月在一次座谈会上说，芯片的差距可以用集群来弥补。", [("任正非", "芯片的差距可以用集群来弥补")]),
    # roles and names the lexicon does not know
    ("外交部發言人林劍在例行記者會上表示，中方堅決反對美方泛化國家安全概念。", [("林剑", "中方堅決反對美方泛化國家安全概念")]),
    ("商务部新闻发言人何咏前在发布会上回应称，中方将采取必要措施。", [("何咏前", "中方将采取必要措施")]),
    ("白宮發言人李維特（Karoline Leavitt）週一表示，總統尚未做出最終決定。", [("李维特", "總統尚未做出最終決定")]),
    ("某券商首席分析师王小川在研报中指出，国产算力芯片将迎来放量期。", [("王小川", "国产算力芯片将迎来放量期")]),
    ("台經院研究員劉佩真分析，美方的管制重心已轉向先進封裝。", [("刘佩真", "美方的管制重心已轉向先進封裝")]),
    # verbs of saying less common in the current list
    ("馬斯克在社群平台X上發文說，供應鏈的瓶頸在電力而不是晶片。", [("马斯克", "供應鏈的瓶頸在電力而不是晶片")]),
    ("特朗普扬言，将对进口芯片加征高额关税。", [("特朗普", "将对进口芯片加征高额关税")]),
    ("黃仁勳直呼，中國的工程師人才是全球最多的。", [("黄仁勋", "中國的工程師人才是全球最多的")]),
    ("英伟达澄清，公司从未在芯片中设置后门。", [("英伟达", "公司从未在芯片中设置后门")]),
    ("外交部駁斥，美方的說法毫無事實根據。", [("外交部", "美方的說法毫無事實根據")]),
    ("蘇姿丰笑稱，這是她職涯中最忙碌的一年。", [("苏姿丰", "這是她職涯中最忙碌的一年")]),
    ("美国半导体行业协会示警，过度管制将削弱美国企业的研发投入。", [("美国半导体行业协会", "过度管制将削弱美国企业的研发投入")]),
    ("黄仁勋质疑，限制出口只会加速对手的自主研发。", [("黄仁勋", "限制出口只会加速对手的自主研发")]),
    # generic speakers with qualifiers
    ("業界普遍認為，國產晶片的良率仍是最大挑戰。", [("业界", "國產晶片的良率仍是最大挑戰")]),
    ("一位不愿具名的业内人士透露，多家云厂商已暂停下单。", [("业内人士", "多家云厂商已暂停下单")]),
    ("多位分析師均指出，庫存調整已接近尾聲。", [("分析师", "庫存調整已接近尾聲")]),
    ("据知情人士透露，双方的谈判已进入最后阶段。", [("知情人士", "双方的谈判已进入最后阶段")]),
    ("市場人士坦言，這波漲勢缺乏基本面支撐。", [("市场人士", "這波漲勢缺乏基本面支撐")]),
    # quotes with marks
    ("黃仁勳說：「我們不會放棄中國市場。」", [("黄仁勋", "我們不會放棄中國市場")]),
    ("“这是一个转折点，”苏姿丰在发布会上说。", [("苏姿丰", "这是一个转折点")]),
    ("「供應依然非常緊張。」魏哲家在法說會上指出。", [("魏哲家", "供應依然非常緊張")]),
    ("任正非表示：“我们单芯片还是落后美国一代。”", [("任正非", "我们单芯片还是落后美国一代")]),
    # research houses and reports
    ("集邦咨询在最新报告中指出，明年高端服务器出货将继续增长。", [("集邦咨询", "明年高端服务器出货将继续增长")]),
    ("SemiAnalysis在報告中寫道，這款晶片的記憶體頻寬明顯不足。", [("SemiAnalysis", "這款晶片的記憶體頻寬明顯不足")]),
    # outlets
    ("据路透社报道，美国正考虑收紧对部分设备的出口许可。", [("路透社", "美国正考虑收紧对部分设备的出口许可")]),
    ("彭博引述多名知情人士報導，該公司正洽談新一輪融資。", [("知情人士", "該公司正洽談新一輪融資")]),
    # negatives: estimates, the author's statements, scare quotes, names as titles
    ("据统计，今年前十个月进口额同比下降一成。", []),
    ("據悉，該公司已在上海設立新的研發中心。", []),
    ("分析师预计，明年出货量将增长三成。", []),
    ("法人估計，第四季營收將季增一成。", []),
    ("被稱為「中國輝達」的摩爾線程今日掛牌。", []),
    ("美国商务部宣布，将把十二家企业列入实体清单。", []),
    ("這項所謂「小院高牆」的策略已經實施多年。", []),
    ("财报显示，公司第三季度营收同比增长四成。", []),
    ("市场普遍预期，央行将在下月降息。", []),
    ("報告顯示，去年全球晶片銷售額創新高。", []),
    ("外界称之为“芯片四方联盟”。", []),
    ("他说的话引起了广泛讨论。", []),
    # a second batch: more shapes
    ("台積電董事長魏哲家坦承，海外廠的成本確實較高。", [("魏哲家", "海外廠的成本確實較高")]),
    ("中芯国际联席首席执行官刘建华在业绩说明会上表示，四季度收入预计环比持平。", [("刘建华", "四季度收入预计环比持平")]),
    ("他补充说，公司会继续与监管机构保持沟通。", []),  # 他 with no one named before: nobody to resolve
    ("黄仁勋坦言，对手追得很快。他补充说，公司会继续投入研发。", [("黄仁勋", "对手追得很快"), ("黄仁勋", "公司会继续投入研发")]),
    ("供應鏈業者透露，新機櫃的出貨時程已經延後。", [("供应链业者", "新機櫃的出貨時程已經延後")]),
    ("香港特區政府發言人今日表示，會密切留意事態發展。", [("发言人", "會密切留意事態發展")]),
    ("商務部新聞發言人何詠前19日表示，中方將依法維護自身權益。", [("何咏前", "中方將依法維護自身權益")]),
    ("路透社引述兩名知情人士報導，相關審查最快下月完成。", [("知情人士", "相關審查最快下月完成")]),
    ("美媒報導，白宮正評估新一輪管制措施。", [("美媒", "白宮正評估新一輪管制措施")]),
    ("有專家認為，國產替代不能一蹴而就。", [("专家", "國產替代不能一蹴而就")]),
    ("特朗普周三在白宫对记者说，他会在适当时候与北京谈判。", [("特朗普", "他会在适当时候与北京谈判")]),
    ("美國商務部長盧特尼克直言：「我們不會把最好的晶片賣給對手。」", [("卢特尼克", "我們不會把最好的晶片賣給對手")]),
    ("马斯克发文称，这款芯片的性能令人印象深刻。", [("马斯克", "这款芯片的性能令人印象深刻")]),
    ("任正非接受《人民日報》專訪時直言，單晶片落後不可怕。", [("任正非", "單晶片落後不可怕")]),
    # negatives
    ("公司预估，全年营收将达到三百亿元。", []),
    ("據了解，相關產線已於上月投產。", []),
    ("英伟达拒绝置评。", []),
    ("外界普遍关注这批芯片的去向。", []),
    ("這款被業界稱作「性能怪獸」的晶片將於明年量產。", []),
    ("黄仁勋质疑这项政策的做法引发热议。", []),
    ("有經濟學家認為，關稅的衝擊將在明年顯現。", [("经济学家", "關稅的衝擊將在明年顯現")]),
    ("外資認為，這波修正屬於健康的回檔。", [("外资", "這波修正屬於健康的回檔")]),
    ("不少投资者担心，估值已经过高。", []),  # a worry is no statement of what was said
    ("国务院总理李强在会上强调，要加快关键核心技术攻关。", [("李强", "要加快关键核心技术攻关")]),
    ("輝達技術長Bill Dally指出，下一代架構的能效將大幅提升。", [("Bill Dally", "下一代架構的能效將大幅提升")]),
    ("英伟达称霸全球AI芯片市场多年。", []),
    ("中金公司发布研报称，国产算力的渗透率将持续提升。", [("中金公司", "国产算力的渗透率将持续提升")]),
    ("研究機構TechInsights於上月發布最新報告。報告指出，該晶片採用了新的封裝技術。", [("TechInsights", "該晶片採用了新的封裝技術")]),
    ("報告指出，全球晶片銷售額將在明年創新高。", []),  # no author named before
    ("集邦咨询的最新报告认为，明年服务器出货将增长两成。", [("集邦咨询", "明年服务器出货将增长两成")]),
    ("据黄仁勋透露，新一代芯片已进入量产阶段。", [("黄仁勋", "新一代芯片已进入量产阶段")]),
    ("據輝達表示，相關產品完全符合出口規定。", [("英伟达", "相關產品完全符合出口規定")]),
    ("在黄仁勋看来，中国是一个不可替代的市场。", [("黄仁勋", "中国是一个不可替代的市场")]),
    ("在業內人士看來，這項禁令的象徵意義大於實質。", [("业内人士", "這項禁令的象徵意義大於實質")]),
    ("对此，外交部发言人毛宁回应称，中方一贯反对将经贸问题政治化。", [("毛宁", "中方一贯反对将经贸问题政治化")]),
    ("英偉達的發言人在回答記者提問時表示，公司將持續遵守法規。", [("英伟达", "公司將持續遵守法規")]),
    ("據報導，該工廠已在上月停工。", []),  # no outlet named
    ("據海關數據顯示，10月晶片進口量下滑。", []),
    ("黄仁勋介绍，这套系统的功耗比上一代低三成。", [("黄仁勋", "这套系统的功耗比上一代低三成")]),
    ("蘇姿丰受訪時被問及中國市場時說，AMD會遵守所有規定。", [("苏姿丰", "AMD會遵守所有規定")]),
    ("天風國際分析師郭明錤在社群平台發文指出，輝達的新機櫃出貨將延後一季。", [("郭明𫓹", "輝達的新機櫃出貨將延後一季")]),
    ("瑞銀分析師表示，中國雲端業者的資本支出仍在增加。", [("瑞银分析师", "中國雲端業者的資本支出仍在增加")]),
    ("大摩分析師Charlie Chan在報告中寫道，本土晶片的良率正快速改善。", [("Charlie Chan", "本土晶片的良率正快速改善")]),
    ("美國聯邦眾議員穆勒納爾（John Moolenaar）批評，商務部的審批過於寬鬆。", [("穆勒纳尔", "商務部的審批過於寬鬆")]),
    ("一位台積電高層私下透露，海外客戶的訂單已排到後年。", [("台积电高层", "海外客戶的訂單已排到後年")]),
    ("任正非指，華為的晶片技術仍落後美國一代。", [("任正非", "華為的晶片技術仍落後美國一代")]),
    ("徐直军宣布，昇腾芯片将每年推出一代新品。", []),  # an announcement: an event, not a quote
    ("法人看好，明年AI伺服器出貨將持續成長。", []),
]


@pytest.mark.parametrize("text, expected", STRESS, ids=[t[:14] for t, _ in STRESS])
def test_stress(lexicon, simplifier, text, expected):
    rows = extract_text(text, published="2025-11-20", lexicon=lexicon, simplifier=simplifier)
    assert sorted((r["actor"], r["evidence"]) for r in rows if r["kind"] == "quote") == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    ("清華大學的張三教授表示，算力缺口仍然很大。", [("张三", "算力缺口仍然很大")]),
    ("李四博士认为，这项技术还不成熟。", [("李四", "这项技术还不成熟")]),
    ("该校教授表示，算力缺口仍然很大。", []),  # 该校 is no name
    ("市場消息指，該公司計劃在香港上市。", [("消息人士", "該公司計劃在香港上市")]),
    ("美方可能放寬限制，他說。", []),  # 他 with nobody named before
    ("公司預計明年營收翻倍，黃仁勳說。", [("黄仁勋", "公司預計明年營收翻倍")]),
])
def test_titles_after_names_and_sources_by_kind(lexicon, simplifier, text, expected):
    rows = extract_text(text, published="2025-11-20", lexicon=lexicon, simplifier=simplifier)
    assert [(r["actor"], r["evidence"]) for r in rows if r["kind"] == "quote"] == expected


@pytest.mark.parametrize("text, expected", [
    ("南華早報報導，北京已要求企業暫停採購。", [("南华早报", "北京已要求企業暫停採購")]),
    ("日經報導，該廠將延後投產。", [("日经", "該廠將延後投產")]),
    ("聯合報報導，台積電將在高雄擴產。", [("联合报", "台積電將在高雄擴產")]),
    ("財報指出，公司營收創新高。", []),  # results, not an outlet
    ("根据黄仁勋的说法，中国市场规模约500亿美元。", [("黄仁勋", "中国市场规模约500亿美元")]),
])
def test_more_outlets_and_credited_words(lexicon, simplifier, text, expected):
    rows = extract_text(text, published="2025-11-20", lexicon=lexicon, simplifier=simplifier)
    assert [(r["actor"], r["evidence"]) for r in rows if r["kind"] == "quote"] == expected


@pytest.mark.parametrize("text, expected", [
    ("美方表示，將在下週公布細節。", [("美国", "將在下週公布細節")]),
    ("中方表示，坚决反对美方的无理打压。", [("中国", "坚决反对美方的无理打压")]),
    ("在中国表示，没有问题的。", []),  # a place after 在 is where, not who
    ("中國市場表示強勁。", []),
])
def test_a_country_standing_for_its_government(lexicon, simplifier, text, expected):
    rows = extract_text(text, published="2025-11-20", lexicon=lexicon, simplifier=simplifier)
    assert [(r["actor"], r["evidence"]) for r in rows if r["kind"] == "quote"] == expected


@pytest.mark.parametrize("text, expected", [
    ("芯片出口下滑三成，海关总署数据显示。", []),  # data shows: no speaker
    ("價格上漲一成，業內人士稱。", [("业内人士", "價格上漲一成")]),
    ("黃仁勳出席了活動。這是最好的一年，他說。", [("黄仁勋", "這是最好的一年")]),
    ("報告顯示，AI晶片需求持續升溫。", []),
    ("这款芯片称得上国产最强。", []),
    ("北京方面尚未回应。", []),
    ("英伟达未回应置评请求。", []),
])
def test_the_attribution_after_the_words_and_lookalikes(lexicon, simplifier, text, expected):
    rows = extract_text(text, published="2025-11-20", lexicon=lexicon, simplifier=simplifier)
    assert [(r["actor"], r["evidence"]) for r in rows if r["kind"] == "quote"] == expected


@pytest.mark.parametrize("text, expected", [
    ("Counterpoint表示，今年全球手機出貨將小幅成長。", [("Counterpoint", "今年全球手機出貨將小幅成長")]),
    ("Gartner分析師表示，庫存水位已回到正常。", [("Gartner分析师", "庫存水位已回到正常")]),
    ("Omdia在报告中指出，面板价格将回升。", [("Omdia", "面板价格将回升")]),
    ("CEO表示，公司將持續投資。", []),  # a role alone, no one named
])
def test_a_firm_in_latin_letters_the_lexicon_does_not_know(lexicon, simplifier, text, expected):
    rows = extract_text(text, published="2025-11-20", lexicon=lexicon, simplifier=simplifier)
    assert [(r["actor"], r["evidence"]) for r in rows if r["kind"] == "quote"] == expected


@pytest.mark.parametrize("text, expected", [
    ("黃仁勳在財報電話會議上被分析師問到中國市場時回答說，目前的預測不包括中國。",
     [("黄仁勋", "目前的預測不包括中國")]),  # the one asking is no speaker
    ("英伟达介绍称，新平台的能效提升了一倍。", [("英伟达", "新平台的能效提升了一倍")]),
    ("他回答了记者的问题。", []),
])
def test_verbs_that_take_an_object(lexicon, simplifier, text, expected):
    rows = extract_text(text, published="2025-11-20", lexicon=lexicon, simplifier=simplifier)
    assert [(r["actor"], r["evidence"]) for r in rows if r["kind"] == "quote"] == expected


@pytest.mark.parametrize("text, expected", [
    ("摩爾線程在招股書中表示，公司尚未實現盈利。", [("摩尔线程", "公司尚未實現盈利")]),
    ("保荐机构认为，发行人具备持续经营能力。", [("保荐机构", "发行人具备持续经营能力")]),
    ("商务部新闻发言人何咏前就出口管制答记者问时表示，相关措施不针对任何特定国家。",
     [("何咏前", "相关措施不针对任何特定国家")]),
    ("工信部副部長張雲明介紹，今年前十月電子資訊製造業保持增長。", [("张云明", "今年前十月電子資訊製造業保持增長")]),
    ("黃仁勳說，B30的效能約為H20的兩倍。", [("黄仁勋", "B30的效能約為H20的兩倍")]),
])
def test_ipo_policy_and_spec_stories(lexicon, simplifier, text, expected):
    rows = extract_text(text, published="2025-11-20", lexicon=lexicon, simplifier=simplifier)
    assert [(r["actor"], r["evidence"]) for r in rows if r["kind"] == "quote"] == expected
