"""Shares and rates: levels (`约五成`, `占比超过20%`) and changes (`从95%降到50%`, `腰斩`, `归零`).

A share is a part of a whole held by a subject: market share (份额, 市占率),
a region's or product's share of a company's revenue (营收占比), the domestic share of
chips (国产化率, 国产替代率), purchase ratios (外购比率), penetration rates (渗透率),
stakes (持股比例), IPO tranches and allotment rates (发行占比, 中签率), trade or
research-population shares. Not shares, and never reported here: growth rates
(`同比增长40%`, `按季跌1.7%`, `以每年50%的速度增长`), price moves, margins and yields,
levies and caps (`销售收入的15%交给美国政府`, `不得超过…总量的50%`), spending against
revenue (`研发费用占营收的15%`), subsidies, ratios of one chip's performance to
another's (those are specs), rates of other things named in the figure's clause (`毛利率`,
`良品率`, `利率`, `流失率`: any 率 but the share rates), moves named as nouns (`涨幅`, `增速`),
ratio words headed by a money or policy term (`负债比率`, `分红比例`, `首付比例`, `换股比例`),
amounts moved (`较上市前下降2%`), and a share relative to another holder's (`约为英伟达的十分之一`).

How the text states a share, as modelled here:
- a level governed by a share word, 占…的, or the whole it is part of (`股票数量的10%`);
- a change `从A降至B`, `从不足A向B迈进`, `由A倍增至B`, with dates between the figures;
- a range `约40%至50%` (one claim, `value_max`);
- a list after a share (`分别占A、B和C`), each figure to the name in its place;
- parallel clauses after a share (`…70%，寒武纪为20%；2024年华为降至60%`), each to its subject,
  when the clause is only [date] [holder] [adverbs] [verb] [hedge] (_CARRY_HEAD); a clause about
  something else (`差距约为10%`, `折扣约为10%`) carries nothing, and a share word governs a figure only
  from its own clause or from such a clause's predecessor;
- an earlier figure after the current one (`…51.5%，低于去年的56%`): the start of a change;
- a ratio of use (`两者占比六比四`): two shares, 60 and 40;
- holders joined and given the figure each (`A与B份额各约四成`, `A与B并列第三，占5%`): a row per holder;
- a share story going on over sentences (`…还占54.4%。对手现在做到27.9%`), but not in a supposed
  figure (`如果做到10%`).
The subject is the entity the figure's clause is about (not a source, not an object).
"""

from __future__ import annotations

import dataclasses
import functools
import re

from .context import PRODUCT_TYPES, Draft, SentenceContext
from .hedges import HEDGE_WORD, hedge_for
from .numbers import CN_DIGITS, PERCENT, parse_cn_numeral, parse_percent

# A fraction may be written with a slash (约1/3, 近2/3): small terms only, so that no date or node reads as one.
_SLASH_FRACTION = r"(?<![\d./])[1-9]\s*/\s*(?:[2-9]|10)(?![\d./%])"
_FIGURE = re.compile(rf"{PERCENT}|{_SLASH_FRACTION}|归零|腰斩|清零|个位数")
# Pre-filter for _FIGURE: every figure it matches contains one of these pieces (%, 百分之 / 个百分点,
# 分之, 半, 零, a bare 0, 腰斩, 个位数, 三分天下有其一, a digit, slash and digit) or a numeral right before 成 (_MAYBE_CHENG, tried
# only when 成 is there); a sentence with none of them has no figure, and the full scan is skipped.
_MAYBE_FIGURE = re.compile(r"%|％|百分|分之|半|零|0(?!\d)|腰斩|个位数|三分天下有其一|\d\s*/\s*\d")
_MAYBE_CHENG = re.compile(r"[一二两三四五六七八九十\d]\s*成")
# Every character a figure can hold (a superset: whatever the pattern's text names, and digits and spaces).
_FIGURE_CHARS = frozenset(_FIGURE.pattern) | frozenset(CN_DIGITS)


def _figures(zh: str) -> list[re.Match]:
    """_FIGURE's matches in `zh`, in order."""
    first = _MAYBE_FIGURE.search(zh)
    cheng = _MAYBE_CHENG.search(zh) if "成" in zh else None
    if not (first or cheng):
        return []
    # No figure starts before the first piece's run of figure characters: a figure holds a piece, and
    # every character from its start to that piece. The scan starts there.
    start = min(m.start() for m in (first, cheng) if m)
    while start > 0 and (zh[start - 1] in _FIGURE_CHARS or zh[start - 1].isdigit() or zh[start - 1].isspace()):
        start -= 1
    return list(_FIGURE.finditer(zh, start))


# Idioms that state a share by themselves when their clause names a market (在国内市场已是三分天下有其一);
# elsewhere they are figures of speech (放弃半壁江山).
_SHARE_IDIOMS = {"半壁江山", "三分天下有其一"}
_SHARE_WORDS = re.compile(
    r"份额|市占率|市佔率|占有率|佔有率|市场占比|占比|佔比|比重|比例|比率|国产化率|国产替代率|替代率|自给率|自制率|"
    r"本土化率|渗透率|中签率|持股|营收|收入|研究人员|研究员|研究人才|科研人员|人才|半壁江山"
)
# Words that make a figure a share on their own (营收 and 收入 do so only with 占 or a fraction).
# 比例 / 比率 name a share of a whole (持股比例, 外购比率); 中签率 is the allotted part of the shares applied for.
# 自制率 (Taiwan) and 本土化率 are the domestic share, as 自给率 is.
_STRONG_SHARE = re.compile(r"份额|市占率|市佔率|市占|市佔|占有率|佔有率|市场占比|占比|佔比|比重|比例|比率|国产化率|国产替代率|替代率|"
                           r"自给率|自制率|本土化率|渗透率|中签率|持股")
# 比例 / 比率 / 比重 / 占比 headed by a money or policy term is a rate set on something, not a share
# of a whole held by a subject: 负债比率, 分红比例, 首付比例, 换股比例, 配套比例, 关税比例, 折价比例.
_RATIO_WORD = re.compile(r"比例|比率|比重|占比|佔比|之比")
_FINANCE_HEAD = re.compile(r"(负债|分红|派息|股息|派发|首付|保证金|杠杆|换股|配股|配套|配售|折价|溢价|折扣|质押|抵押|贷款|"
                           r"资本充足|流动|速动|赔付|报销|退款|关税|税|补贴|增长|回报|收益|违约|不良|拨备|减持|增持|"
                           r"认购|申购|超额|出资配套|奖励|提成|佣金|押金|计提|减值|授予|行权|激励|解锁|归属)[^，。,；]{0,3}$")
# A move of something else named as a noun: 涨幅约为50%, 增速有望达到60%.
_MOVE_NOUN = re.compile(r"涨幅|跌幅|增幅|降幅|升幅|涨跌幅|增速|回报|收益|CAGR|复合增长|复合成长|年复合")
# A rate of something other than a share (毛利率, 良品率, 流失率, 周转率, 利率, 回报率): any 率 but the share rates.
_FOREIGN_RATE = re.compile(r"(?<!市占)(?<!市佔)(?<!占有)(?<!佔有)(?<!国产化)(?<!替代)(?<!自给)(?<!自制)(?<!本土化)(?<!渗透)(?<!中签)(?<!比)率")


@functools.lru_cache(maxsize=4096)  # a pure function of a short string
def _share_word(text: str) -> re.Match | None:
    """The last share word in `text` that names a share of a whole (a ratio word with a money or policy
    head, 负债比率 or 首付比例, does not)."""
    found = None
    for m in _STRONG_SHARE.finditer(text):
        if _RATIO_WORD.fullmatch(m.group(0)) and _FINANCE_HEAD.search(text[max(0, m.start() - 8) : m.start()]):
            continue
        found = m
    return found


@functools.lru_cache(maxsize=4096)  # a pure function of a short string
def _other_rate(head: str) -> bool:
    """Whether the figure's clause head names a rate or a move of something else after its last share
    word (市占率为30%，毛利率为45%; 良品率从60%提升至85%; 股份今年涨幅约为), or only ratio words with
    money heads (分红比例)."""
    share = _share_word(head)
    share_end = share.end() if share else -1
    if any(m.start() >= share_end for m in _FOREIGN_RATE.finditer(head)) \
            or any(m.start() >= share_end for m in _MOVE_NOUN.finditer(head)):
        return True
    ratio = None
    for ratio in _RATIO_WORD.finditer(head):
        pass
    return ratio is not None and share is None and bool(_FINANCE_HEAD.search(head[max(0, ratio.start() - 8) : ratio.start()]))


# The figure followed by what market it is a share of, then the share word: 5%的国内推理加速卡份额
# (one qualifier: 60%的企业的市场份额 counts firms, not a share).
_SHARE_NAMED_AFTER = re.compile(r"^\s*(以上|左右|上下)?\s*的[^，。,；\d%的]{1,14}?(市场份额|份额|市占率|市佔率|占有率|佔有率)")
# Words that make a figure a share only with 占 or a fraction (营收的40%), or in a change: 营收占比.
_WEAK_SHARE = re.compile(r"营收|收入|研究人员|研究员|研究人才|科研人员|人才|半壁江山")
# Verbs of holding before the figure (以 is not one: 以15%的利率, 以20%的溢价; 以30%的份额 is governed by
# the share word after the figure).
_OCCUPIES = re.compile(r"(占(?![用地])|佔(?![用地])|囊括|拿下|拿走|吃下|握有|掌握|持有|持股|居首|占据|佔據)[^，。,；]{0,14}$")
# A part of a named whole: 占剔除战略配售后本次发行总量的70%, 新发股本总数的12% (the whole may be long).
_PART_OF = re.compile(rf"((占|佔)(?![用地])[^，。,；]{{0,30}}|(总量|总数|数量|股本|发行量|总股数))的\s*{HEDGE_WORD}\s*$")
# A levy or fee taken out of revenue, anywhere earlier in the clause or named after the figure:
# 收取对华营收的15%作为授权费, 上缴销售收入的20%. Those are not shares.
_LEVY = re.compile(r"征收|上缴|上交|抽成|分成|分润|许可费|抽取|收取|缴纳|交给|提成|支付(?!宝)|缴付|缴交|分享|分给")
# A government taking a part of revenue: 美国政府可获得…销售额的15%, 政府将拿走15%的收入.
_GOVERNMENT_TAKES = re.compile(r"(政府|当局|国库|财政部|商务部|白宫)[^，。,；]{0,6}(获得|拿走|拿到|得到|收到|分到|分得|取得|抽走|抽取)")
_REVENUE_AFTER = re.compile(r"^\s*(以上|左右)?的?(销售)?(收入|营收|销售额|收益|分成|抽成)")
_LEVY_AFTER = re.compile(r"^[^，。,；]{0,4}((作为|当作|充当)[^，。,；]{0,6}(费|税|成本)|缴给|交给|上缴|上交|付给|支付给|缴纳给|返还给)")
# A growth figure: 按年升16.2%, 按季跌1.7%, 年增5%.
_GROWTH_MARK = re.compile(r"(按年|按季|按月|同比|环比|年增|季增|月增|年减|季减|月减|年升|季升)[^，。,；\d%]{0,4}$")
# Spending measured against revenue (研发开支…约占营业收入的22%, 研发投入占营收比重由…回落到…) is an
# intensity, not a share held by a subject.
_SPENDING = re.compile(r"费用|支出|开支|投入|成本")
_OF_REVENUE = re.compile(rf"(营业收入|营收|收入|销售额)的?\s*{HEDGE_WORD}\s*$")
_SPENDING_OF_REVENUE = re.compile(r"(费用|支出|开支|投入|成本)[^。；;]{0,16}?(占|佔)[^，。；,]{0,6}(营业收入|营收|收入|销售额)")
# A balance-sheet item against assets or revenue (应收账款占总资产的比例为30%, 存货占营收的20%): a financial
# ratio, not a share held by a subject.
_BALANCE_SHEET = re.compile(r"(应收账款|应收|存货|库存|现金|货币资金|负债|商誉|固定资产|资产)[^，。；,]{0,10}?(占|佔)[^，。；,]{0,8}?"
                            r"(总资产|净资产|资产|营业收入|营收|收入)|(占|佔)[^，。；,]{0,6}?(总资产|净资产)")
# A cap on a quantity, not a share held: 不能超过其美国订单量的50%, 上限为25%.
_CAP = re.compile(r"不得|不能|不可|不允许|不准|上限|限制在|限定在|限额|封顶|最多只能")
# 不超过…的50%: a limit when it bounds a part of a named whole (份额不超过10% stays a hedged level).
_CAP_OF_WHOLE = re.compile(r"(不超过|不高于|不多于|最多)[^，。,；]{0,30}的\s*$")
# The same share at an earlier time, given after the current one: 采购占比为41.5%，稍低于上年的46%.
_EARLIER_CMP = re.compile(r"(低于|高于|不及|超过|少于|多于|较|比|对比|相较于?)\s*(去年|上年|前年|上季|上一季度?|上月|"
                          r"去年同期|上年同期|此前|之前|以往|\d{4}\s*(?:财年|年)(?:第?[一二三四1-4]季度|[上下]半年)?)"
                          rf"(同期)?的?\s*{HEDGE_WORD}\s*$")
# A range of one share: 约为40%至50% (no 从 before it, no verb of change between).
_RANGE_GAP = re.compile(r"\s*(至|到|-|~|～|—|–)\s*")
_NOT_SHARE_BEFORE = re.compile(
    r"(同比|环比|增长|增加|上涨|涨幅|上升了|下降了|下滑了|下跌|跌幅|降低|减少|提升|提高|缩短|损失|便宜|高出|贵|"
    r"补贴|税|税率|关税|抽成|分成|上缴|抽取|收取|征收|折扣|打折|削减|效率|能效|良率|性能|算力|速度|成本|价格|利润率|毛利率|"
    r"净利率|股价|指数|涨跌幅|利用率|稼动率|增长比例|增幅|降幅)(比例|比率)?\s*(了|约|近|超过|超|达|达到|高达|为|是|在|维持在|保持在|升至|降至){0,2}\s*$"
)
_NOT_SHARE_AFTER = re.compile(
    r"^\s*(的)?(销售)?(收入|营收)?(补贴|关税|税|抽成|分成|折扣|交给|上缴|上交|给美国政府)"
    r"|^\s*的(效果|性能|算力)|^\s*(以内的|左右的增长|的增长|的涨幅|的跌幅)"
    r"|^\s*的?(净利润率|净利率|毛利率|利润率|增长率|增速|年增长|良率|利用率|收益率|回报率)"
    r"|^\s*(以上)?的?(大)?股东"  # 持股5%以上的股东: a class of holders, not a stake held
    r"|^\s*(左右)?的?(速度|速率|幅度|增幅|年增速)"  # 以每年约50%的速度增长: a growth rate
    # 实现20%的营收增长, 35%的收入成长: a growth of revenue, not a share of it
    r"|^\s*(以上|左右)?的(营收|收入|营业收入|销售额|利润|净利润?|出货量?|销量|业绩)(年|同比|按年)?(增长|增幅|增速|成长|下滑|下降|衰退|减少|跌幅)"
)
_MOVE = re.compile(
    r"(倍增|翻倍|翻番|变成|变为|剩下|只剩|仅剩|降为|暴跌|大跌|下跌|跌|下降|降|下滑|滑落|滑(?=到|至)|回落|萎缩|缩水|掉|减少|腰斩|"
    r"上调|下调|调升|调降|调高|调低|放缓|收窄|缩减|上升|升|飙升|攀升|上涨|涨|增长|增加|提升|提高|扩大|跃升|猛增|增(?=至|到)|减(?=至|到))"
)
# A verb of change right before a figure, with no 至 / 到 / 为 between: the figure is the amount moved
# (份额下降5%, 份额大幅萎缩30%, 锐减一半), not the level reached (下降至5%, 跌破10%).
_DELTA_BEFORE = re.compile(r"(下降|下滑|下跌|下调|滑落|回落|萎缩|缩水|缩减|缩小|收窄|锐减|骤减|大减|大降|骤降|暴跌|大跌|减少|减|降|跌|"
                           r"上升|上涨|上调|攀升|跃升|飙升|回升|反弹|扩大|增长|增加|增|涨|升|提升|提高)了?"
                           r"\s*(约|近|超过|逾|将近|接近|大约|近乎|超)?\s*$")
_BARE_TO = re.compile(r"[”」\"\s，,]*(到|至)[“「\"\s]*(近乎|几乎|接近|约|近)?\s*")
# A rate of something else named just before the figures: 毛利率由上季的57%降至47%.
_OTHER_RATE = re.compile(r"毛利率|净利率|利润率|增长率|增速|涨幅|跌幅|良率|失业率|通胀|通货膨胀|CPI|PPI|GDP|税率|关税|折扣率")
_CHANGE_TAIL = re.compile(r"(到了|到|至|为|成了|成|剩下|只剩|仅剩|只有)\s*[“「\"]?\s*(约|近乎|近|不足|超过|超|逾|仅|只有|大约|不到|几乎|接近)?\s*$")
_FROM = re.compile(r"(从|由|自)\s*[“「\"]?\s*(曾经的|原来的|此前的|之前的|先前的|原本的|过去的|以往的|高达|高峰时的|峰值|"
                   r"(?<=[从由自])[^，。,；\d%从由自的]{1,6}的)?\s*"
                   r"(逾|约|近|超过|超|不足|不到|低于|仅|只有|将近|接近|大约)?\s*[“「\"]?\s*$")


# Patterns used inline below, compiled once.
_M_STAKE = re.compile(r"持股|持有[^，。,；]{0,12}(股份|股权)|股权比例")
_M_ISSUE = re.compile(r"发行(数量|股票|规模|比例|占比)|发售|配售|网上发行|网下发行")
_M_REVENUE = re.compile(r"营收|收入|销售额")
_M_PURCHASE = re.compile(r"采购|进口")
_ZERO_LEVEL = re.compile(r"(是|为|仅剩|只剩|剩下)$")
_DIGIT = re.compile(r"\d")
_COMMA = re.compile(r"[，,]")
_STOP = re.compile(r"[。；;]")
_BARE_MOVE = re.compile(r"(降|跌|升|涨|增|掉|滑|落)(约|近)?$")
_POINTS = re.compile(r"[个個]百分点")
_THIS = re.compile(r"这$")
_ZERO_STORY = re.compile(r"(成了|变成|降至|降到|跌至|跌到|只剩|剩下)\s*$")
_THIS_FIGURE = re.compile(r"这个数字|这一数字|该数字|此数字")
_STORY_MOVE = re.compile(r"(冲到|冲上|升至|升到|降至|降到|跌至|跌到|跌破|成了|变成|回升至|回落至|只剩|剩下|做到|占到|来到)\s*(约|近|超过|逾)?\s*$")
# The present set against an earlier figure of the same share: 如今只有, 现在为 (the time word is
# left out of the span between the figures by _undated).
_NOW_WORD = re.compile(r"如今|现在|目前|今天|眼下|当下|现时")
_NOW_LEVEL = re.compile(r"\s*[，,]\s*(?:则|却|已经?|仅|只)?\s*(?:只有|仅有|只剩|仅剩|剩下|为|是)\s*(?:约|近|不足|不到)?\s*")
# A figure supposed, not stated (如果做到10%): no share story goes on in it.
_CONDITIONAL = re.compile(r"如果|假如|假设|若|要是|一旦|倘若")
_QUANTITY_OF = re.compile(rf"(产能|产量|出货量?|采购量?|营收|收入|销量|销售额)的\s*{HEDGE_WORD}\s*$")
_CHINA = re.compile(r"中国|在华|大陆")
_SHARE_NOUN = re.compile(r"份额|市占率|市佔率|占有率|佔有率")
_SPACES = re.compile(r"\s+")
# A figure a holder leads or ranks with (华为以约四成居首, 以三成位居第二): its share.
_RANKS_WITH = re.compile(r"^\s*(左右|以上|多)?\s*(的(市场)?(份额|市占率|占比))?\s*(居首|居冠|居次|称冠|称霸|夺冠|领跑|"
                         r"(位居|排名|排在|位列|名列)(第[一二三四五]|首位|榜首|前列))")
_LEVEL_AFTER = re.compile(r"^\s*(左右|以上|多)?的(水平|水准|高位|高点|峰值|低位)")
_TIME_BEFORE = re.compile(r"(年前|年|去年|前年|当年|当时|此前|过去|以往|同期|上季|季度)的?\s*(约|近|逾|超过|超|不足|将近)?\s*$")
_WITH_BEFORE = re.compile(rf"以\s*{HEDGE_WORD}\s*$")
_SHARE_AFTER = re.compile(r"^\s*(以上|左右|多|上下)?(的)?\s*(份额|市场份额|市占率|(?:AI|人工智能)?(?:芯片|GPU|算力)?市场|营收|收入|(?:全球)?(?:AI\s*)?(?:研究人员|研究员|研究人才|科研人员|人才)|比重|"
                          r"股份|股权|(初步|平均|最终)?中签率|占比)")


_RESEARCHERS = re.compile(r"研究人员|研究员|研究人才|科研人员|人才")


@functools.lru_cache(maxsize=4096)  # a pure function of a short string
def _metric(clause: str) -> str:
    """Which share the clause states, from its share words (market share when none is more specific)."""
    if "中签率" in clause:
        return "中签率"
    if _M_STAKE.search(clause):
        return "持股比例"
    if "外购" in clause:
        return "外购比率"
    if _M_ISSUE.search(clause):
        return "发行占比"
    if "渗透率" in clause:
        return "渗透率"
    if "产能" in clause:
        return "产能占比"
    if "国产替代率" in clause or "替代率" in clause:
        return "国产替代率"
    if "国产化率" in clause:
        return "国产化率"
    if "自给率" in clause or "自制率" in clause or "本土化率" in clause:
        return "自给率"
    if _M_REVENUE.search(clause):
        return "营收占比"
    if "贸易" in clause:
        return "贸易占比"
    if _RESEARCHERS.search(clause):
        return "研究人员占比"
    if _M_PURCHASE.search(clause):
        return "采购占比"
    if "出货" in clause:
        return "出货占比"
    return "市场份额"


_SCOPES = [
    (re.compile(r"全球(?:AI|人工智能)?(?:芯片|GPU|加速器|算力)?市场"), "全球AI芯片市场"),
    (re.compile(r"(?:中国|国内|在华)(?:AI|人工智能)?训练芯片市场"), "中国AI训练芯片市场"),
    (re.compile(r"(?:中国|国内|在华)(?:AI|人工智能)?推理芯片市场"), "中国AI推理芯片市场"),
    (re.compile(r"(?:中国|国内)(?:的)?数据中心GPU市场"), "中国数据中心GPU市场"),
    (re.compile(r"(?:中国|国内|在华)(?:的)?(?:高端)?(?:AI|人工智能)(?:芯片|加速器|加速卡|GPU)(?:采购)?市场|中国AI芯片"), "中国AI芯片市场"),
    (re.compile(r"中国大陆及香港|中国大陆和香港"), "中国大陆及香港"),
    (re.compile(r"全球.{0,12}(?:研究人员|研究员|研究人才|科研人员|人才)"), "全球AI研究人员"),
    (re.compile(r"贸易"), "芯片贸易"),
    (re.compile(r"在华|在中国|中国市场|中国区|中国区域|来自中国|中国的(?:芯片)?(?:采购)?市场"), "中国市场"),
    (re.compile(r"全球"), "全球市场"),
]


@functools.lru_cache(maxsize=4096)  # a pure function of a short string
def _scope(text: str) -> str:
    for pattern, scope in _SCOPES:
        if pattern.search(text):
            return scope
    return ""


# The domestic holders (国产芯片, 国内厂商, 本土品牌), not a domestic market named as a scope (国产芯片市场).
_DOMESTIC = re.compile(r"(?:国产(?:AI)?芯片|国产(?:AI)?算力|本土(?:AI)?芯片|国产厂商|中国厂商|本土(?:芯片)?供应商|国产GPU|"
                       r"国内(?:AI)?(?:芯片|GPU)?(?:厂商|企业|品牌|供应商|玩家)|本土(?:厂商|企业|品牌|玩家|GPU)|国产品牌|国产供应商)"
                       r"(?!市场|行业|产业)")
# What may stand between a holder and a domestic phrase after it when the holder keeps the share: a
# place among the domestic chips (沐曦在国产GPU中的市占率, 昇腾约占国产芯片出货的六成) or a pressure it is under (英伟达在国产芯片冲击下);
# anything else (美国商务部的限制使国产芯片占比…, IDC数据显示国产芯片…) leaves the share to the domestic chips.
_HOLDER_BEFORE_DOMESTIC = re.compile(r"\s*(?:在|于|面对|面临|受到?|遭遇|遭到?|顶着|(?:约|大约|已|已经|仍)?(?:占据|占|佔|拿下|握有|囊括))")
# A name that only qualifies the next one (英伟达的竞争对手华为, 阿里旗下的平头哥), or that causes what
# the next one holds (英伟达的退出让华为…): the next name holds the share.
_QUALIFIES_NEXT = re.compile(r"\s*(?:的|旗下的?|之)\s*(?:主要|最大|最强|头号|老|新)?\s*(?:竞争)?(?:对手|劲敌|竞争者|子公司|客户|"
                             r"供应商|合作伙伴|母公司)?\s*|[^，。,；]{0,8}?(?:使|让|令|导致|促使|迫使|推动|帮助|助)[^，。,；]{0,4}")
# A name that only sources the figure (IDC称, 据伯恩斯坦数据) is not what the clause is about.
_SOURCE_AFTER = re.compile(r"^\s*(称|表示|指出|认为|预计|预估|估计|数据|报告|统计|的数据|的报告|的统计|发布|"
                           # one who demands a share of others (政府要求国产芯片比例…) does not hold it
                           r"要求|规定|强制|鼓励|推动|希望|呼吁|力争|力推|敦促|指示)")
# A name before 预计 with no other holder after it in the clause is the holder whose figure is forecast
# (今年英伟达预计跌至50%), not a source: the figure's clause has no other subject.
_OWN_FORECAST = re.compile(r"\s*(预计|预估|估计|预期)")
_HOLDER_TYPES = {"company", "chip", "system", "fund"}
_SUBJECT_TYPES = {"company", "chip", "system", "fund", "org", "agency"}
# A name right after a preposition or a verb taking an object is not what the clause is about:
# 向大基金二期注资, 占寒武纪逾50%订单, 外购英伟达芯片.
_OBJECT_BEFORE = re.compile(r"(据|根据|依据|向|对|给|与|跟|被|比|较|占|佔|外购|采购|购买|进口|出资|投资)\s*$")


# Holders joined and then totalled (甲和乙合计占…, A、B两家共拿下…): one share held together.
_JOINED = re.compile(r"\s*(?:和|与|及|以及|、|跟)\s*")
_TOGETHER = re.compile(r"\s*(?:两家|三家|[两三四五]者)?\s*(?:合计|合共|共计|总共|一共|共同|加起来|加总|合起来|共)")


def _joint_holders(ctx: SentenceContext, inside: list, k: int) -> str:
    """`A;B` when the clause's names from the k-th on are joined and then totalled before the figure."""
    names, last_end = [inside[k]], inside[k].end
    for m in inside[k + 1:]:
        gap = ctx.zh[last_end : m.start]
        if not gap.strip():
            names[-1] = m  # 华为海思: the nearer, more specific name of the same holder
        elif _JOINED.fullmatch(gap):
            names.append(m)
        else:
            break
        last_end = m.end
    if len(names) > 1 and _TOGETHER.match(ctx.zh, last_end):
        return ";".join(dict.fromkeys(m.canonical for m in names))
    return ""


def _is_source(ctx: SentenceContext, m, later: list, pos: int) -> bool:
    """Whether the name `m` only sources the figure at `pos` (IDC称, 据伯恩斯坦数据, 机构预计华为…): a
    name before 预计 is the source only when another holder follows it in the clause."""
    if not _SOURCE_AFTER.match(ctx.zh[m.end : m.end + 4]):
        return False
    if _OWN_FORECAST.match(ctx.zh, m.end) and m.type in _HOLDER_TYPES:  # a research body (IDC) stays a source
        return bool(later) or bool(_DOMESTIC.search(ctx.zh[m.end : pos]))
    return True


def _clause_subject(ctx: SentenceContext, pos: int) -> str:
    """The entity the figure's clause is about: 国产芯片 named in it, else the first name in it that is
    neither a source (IDC称) nor an object (向X出资); a maker named with its product gives the product
    (英伟达H20出货下滑: H20)."""
    start, _ = ctx.clause_bounds(pos)
    domestic = _DOMESTIC.search(ctx.zh[start:pos])
    inside = [m for m in ctx.mentions if start <= m.start and m.end <= pos and m.type in _SUBJECT_TYPES]
    if domestic:
        before = [m for m in inside if m.start < start + domestic.start()]
        holder = before[-1] if before else None  # 沐曦在国产GPU中的市占率: the name holds the share
        if not (holder and not _OBJECT_BEFORE.search(ctx.zh[start : holder.start])
                and _HOLDER_BEFORE_DOMESTIC.match(ctx.zh, holder.end, start + domestic.start())):
            return "国产AI芯片"
    skipped_end = -1  # the end of the last name passed over: names listed after it are passed over too
    for k, m in enumerate(inside):
        following = inside[k + 1] if k + 1 < len(inside) else None
        if (_is_source(ctx, m, inside[k + 1:], pos) or _OBJECT_BEFORE.search(ctx.zh[start : m.start])
                or (skipped_end >= 0 and _NAME_GAP.fullmatch(ctx.zh[skipped_end : m.start]))
                or (following is not None and _QUALIFIES_NEXT.fullmatch(ctx.zh, m.end, following.start)
                    and following.start > m.end)):
            skipped_end = m.end
            continue
        joint = _joint_holders(ctx, inside, k)
        if joint:
            return joint
        if following and following.type in PRODUCT_TYPES and following.start - m.end <= 1:
            return following.canonical
        return m.canonical
    return ""


def _subject(ctx: SentenceContext, pos: int, metric: str) -> str:
    """Who holds the share at `pos`: fixed for domestic rates, else the clause's own subject, else the
    nearest name before it (a domestic-chip phrase nearby wins over a foreign name that came first)."""
    if metric in ("国产化率", "国产替代率", "自给率"):
        return "国产AI芯片"
    clause_start = max(0, pos - 40)
    window = ctx.zh[clause_start:pos]
    if metric == "研究人员占比":
        # the country whose researchers they are: a place heading the clause (印度拥有…), else China,
        # the country this reporting means when it gives the figure alone
        start, _ = ctx.clause_bounds(pos)
        place = next((m for m in ctx.mentions if m.type == "place" and start <= m.start < pos
                      and _PLACE_LEADS.fullmatch(ctx.zh, start, m.start)), None)
        return place.canonical if place is not None else "中国"
    start, _ = ctx.clause_bounds(pos)
    own = _clause_subject(ctx, pos) or (_clause_subject(ctx, start - 1) if start > 1 else "")
    if own:
        return own
    if _DOMESTIC.search(window):
        return "国产AI芯片"
    # 某公司执行长坦言，公司在当地的销售已陷入困境，市占率跌至0%: a clause (this one or the one before)
    # opening with 公司 / 该公司 / 这家公司 is about the firm named last, however far back
    for clause_start in (start, ctx.clause_bounds(start - 1)[0] if start > 1 else None):
        if clause_start is not None and _FIRM_ANAPHOR.match(ctx.zh, clause_start):
            firm = ctx.nearest_before(clause_start, {"company"}, limit=200)
            named = firm.canonical if firm is not None else _memory(ctx).get("company", "")
            if named:
                return named
    company = ctx.nearest_before(pos, {"company"}, limit=40)
    if company:
        return company.canonical
    product = ctx.nearest_before(pos, PRODUCT_TYPES, limit=30)
    if product:
        return product.canonical
    if "RCEP" in window:
        return "RCEP区域"
    place = next((m for m in ctx.mentions if m.type == "place" and start <= m.start and m.end <= pos
                  and _PLACE_LEADS.fullmatch(ctx.zh, start, m.start) and _PLACE_HOLDS.match(ctx.zh, m.end)), None)
    if place is not None:  # 中国市场占全球半导体销售额的三分之一: the place holds the share
        return place.canonical
    if metric in _OWN_MIX:  # 成熟制程收入占比61%: the mix of the company the article is reporting on
        return _memory(ctx).get("company", "")
    return ""


# A clause about "the company": 公司在…, 该公司的…, 这家公司…, 其 (not 公司债, 公司法: other nouns).
_FIRM_ANAPHOR = re.compile(r"\s*(?:而|但|且)?\s*(?:该|这家|此|本)?公司(?![债法章])")


# A place that holds a share, leading its clause: 中国市场占…, 东南亚的份额… (not 输往中国的比重: a destination).
_PLACE_LEADS = re.compile(r"\s*(?:其中|而|但|在)?\s*")
_PLACE_HOLDS = re.compile(r"\s*(?:市场|地区|区域)?\s*(?:占|佔|的份额|的占比|的比重|所占)")


# Shares of a company's own whole (its revenue mix, its issue of shares, its capacity): with no holder in
# the sentence, they are the company's the article last named.
_OWN_MIX = {"营收占比", "发行占比", "中签率", "产能占比"}


def _memory(ctx: SentenceContext) -> dict:
    """The share extractor's article memory: the last company named (for a revenue mix stated alone)."""
    return ctx.memory.setdefault("market_share", {})


def _remember(ctx: SentenceContext) -> None:
    companies = [m.canonical for m in ctx.mentions if m.type == "company"]
    if companies:
        _memory(ctx)["company"] = companies[-1]


# Between the two figures of a change the text may restate when: 由2024年的52%提升至2025年前三季度的61%.
_WHEN = re.compile(r"(?:\d{4}\s*(?:年|财年)(?:[^，。,；]{0,10}?的|底|末|初)?"
                   r"|(?:今年|去年|明年|前年)[^，。,；]{0,6}?的|[一二两三四五六七八九十\d]+年前的?"
                   r"|(?:目前|现在|如今|当前|眼下|今天|当下|现时)的?"
                   # a time named by the figure's own history: 峰值时的95%, 巅峰时期的九成, 高峰期的
                   r"|(?:峰值|高峰|巅峰|顶峰|鼎盛|全盛|最高峰?|最高点|低谷|谷底)(?:时期|时|期间|期|阶段)?的?)")


# From-toward: 份额正从不足5%向20%迈进 (the second figure is where the share heads).
_TOWARD = re.compile(r"\s*(向|朝|往)\s*(约|近|超过|逾)?\s*")
_TOWARD_VERB = re.compile(r"^\s*(以上)?\s*(迈进|靠拢|逼近|冲刺|前进|进发|挺进|攀升|提升|提高|增长|发展|看齐)")
# A figure listed after a share figure: 分别占6.25%、5.81%和2.33%.
_ARROW = re.compile(r"\s*(?:→|->|—>|➡|⇒|=>)\s*")
# From-toward with the verb between the figures: 从不足5%迈向20%, 由一成走向三成.
_TOWARD_BETWEEN = re.compile(r"\s*(正|逐步|逐渐|快速|加速)?\s*(迈向|走向|冲向|攀向|奔向|迈进到|推进到|向着)\s*(约|近|超过|逾)?\s*")
_ENUM_GAP = re.compile(rf"\s*(、|和|与|及|以及)\s*{HEDGE_WORD}\s*")
# A later clause of a sentence that has stated a share, giving its own subject's figure:
# 寒武纪为20%; 2024年华为降至60%; ASIC则相对下降至22.5%.
_CARRY_TAIL = re.compile(r"(是|为|占|佔|约|达|达到|有|拿下|拿到|至|到|仅|只有|剩)\s*(约|近|逾|超过|超|不足|将近|仅)?\s*$"
                         r"|(就|也|则|亦|更)?(超过|超出|逾|不足|不到|接近|将近|突破|跌破|冲破|逼近|站上|升破)\s*$")
# What a carried clause may not be about: growth, prices, margins, costs, rates of other things.
_NOT_CARRIED = re.compile(r"增长|增加|增幅|增速|涨|跌幅|同比|环比|毛利|利润|净利|价格|股价|良率|利用率|税|成本|效率|性能|速度")
_MOVE_TO = re.compile(rf"(降|跌|升|涨|增|减|滑|落|调|提高|提升|扩大|缩小|萎缩)[^，。,；]{{0,2}}(至|到)\s*{HEDGE_WORD}\s*$")


# What may follow a date before its figure: 去年同期的13%, 2024年全年的.
_AFTER_DATE = re.compile(r"(同期|全年|年底|年末|年初|底|末|初)?的?")


def _undated(ctx: SentenceContext, start: int, end: int) -> str:
    """zh[start:end] with the dates in it left out (those found in the sentence, then the bare forms
    _WHEN knows): 从2024年第一季度约63% reads 从约63%."""
    parts, pos = [], start
    for d in ctx.dates:
        if start <= d.start and d.end <= end and d.start >= pos:
            parts.append(ctx.zh[pos : d.start])
            pos = min(end, _AFTER_DATE.match(ctx.zh, d.end).end())
    parts.append(ctx.zh[pos:end])
    return _WHEN.sub("", "".join(parts))


def _date_for(ctx: SentenceContext, pos: int):
    """The date of the figure at `pos`: the last date before it, else a date after it in its own clause
    (a date in a later clause belongs to that clause: 份额为35%，较去年提升5个百分点 is not dated 去年)."""
    if any(d.start <= pos and d.resolved for d in ctx.dates):
        return ctx.date_for(pos)
    start, end = ctx.clause_bounds(pos)
    return next((d for d in ctx.dates if d.resolved and start <= d.start < end), None)


@functools.lru_cache(maxsize=4096)  # a pure function of a short string
def _value(token: str) -> float | None:
    if token in ("归零", "清零"):
        return 0.0
    if token == "个位数":
        return 10.0
    if "/" in token:
        numerator, denominator = (float(part) for part in token.split("/"))
        return round(100 * numerator / denominator, 1) if numerator < denominator else None
    return parse_percent(token)


def extract(ctx: SentenceContext) -> list[Draft]:
    """The shares stated in one sentence, in text order (ratios of use last), each with its subject,
    metric, scope, hedge and date; changes carry from_value and to_value."""
    zh = ctx.zh
    tokens = _figures(zh)
    if not tokens:
        drafts = _use_ratios(ctx)
        _remember(ctx)
        return drafts
    drafts: list[Draft] = []
    used: set[int] = set()
    last_end = -1  # end of the last share figure: a figure listed right after it continues the list
    last_clause = -1  # start of the clause of the last share figure
    runs: list[list[Draft]] = []  # figures listed one after another (分别占A、B、C)
    delta_end = -1  # end of the last amount moved (份额分别提升了3%和5%): a figure listed after it is one too

    def share_context(start: int, end: int) -> str:
        s, e = ctx.clause_bounds(start)
        s2, _ = ctx.clause_bounds(max(0, s - 1))
        return zh[s2:e]

    for i, tok in enumerate(tokens):
        if i in used:
            continue
        word = tok.group(0)
        value = _value(word) if word != "腰斩" else None
        # A bare 零/0 is a share only as the end of a change (降至零) or as a stated level (市占率已经是零).
        if word in ("零", "0") and not (_CHANGE_TAIL.search(zh[max(0, tok.start() - 3) : tok.start()])
                                        or _ZERO_LEVEL.search(zh[max(0, tok.start() - 2) : tok.start()])):
            continue
        if word == "百分之百" and not _STRONG_SHARE.search(zh[max(0, tok.start() - 12) : tok.start()]):
            continue  # 百分之百退出: "entirely", not a share
        before = zh[max(0, tok.start() - 8) : tok.start()]
        after = zh[tok.end() : tok.end() + 8]

        # ---- the same share at an earlier time, after the current one: 占比13%，较2023财年的21%…
        s_here, _ = ctx.clause_bounds(tok.start())
        if value is not None and drafts and drafts[-1].from_value is None and last_end >= 0 \
                and _EARLIER_CMP.search(zh[s_here : tok.start()]) and not _DIGIT.search(zh[last_end:s_here]) \
                and value <= 100:
            earlier = drafts[-1]  # the figure the clause before gave is the later end of a change
            earlier.from_value, earlier.to_value = value, earlier.value
            last_end = tok.end()
            continue

        # ---- a change: 从A…(verb)到B, A…腰斩, A…归零
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if value is not None and nxt is not None and word not in ("归零", "清零"):
            raw_between = zh[tok.end() : nxt.start()]
            between = _undated(ctx, tok.end(), nxt.start())
            from_before = _FROM.search(_undated(ctx, max(0, tok.start() - 20), tok.start()))
            toward = bool(from_before and (_TOWARD.fullmatch(between) and _TOWARD_VERB.match(zh[nxt.end() : nxt.end() + 8])
                                           or _TOWARD_BETWEEN.fullmatch(between)))
            # 市占：95%→0, a chart's or headline's change: only after a share word, not after growth
            arrow = (_ARROW.fullmatch(between) is not None and bool(_share_word(share_context(tok.start(), nxt.end())))
                     and not _NOT_CARRIED.search(zh[ctx.clause_bounds(max(0, ctx.clause_bounds(tok.start())[0] - 1))[0] : tok.start()]))
            moves = (_MOVE.search(between) or nxt.group(0) == "腰斩" or toward or arrow
                     or (from_before and _BARE_TO.fullmatch(between))
                   or (from_before and nxt.group(0) in ("归零", "清零"))  # 从之前的95%，现在已经清零
                   # 四年前高达95%，如今只有50%: the same share then and now, in one clause after the other
                   or (_NOW_WORD.search(raw_between) is not None and _NOW_LEVEL.fullmatch(between) is not None))
            if (_GROWTH_MARK.search(zh[max(0, tok.start() - 8) : tok.start()]) or _is_levy(ctx, tok.start(), tok.end())
                    or _is_spending(ctx, tok.start()) or _is_cap(ctx, tok.start()) or value > 100
                    or _is_allocation(ctx, tok.start(), tok.end())):
                moves = None  # 按年升16.2%，按季跌1.7%: two growth figures, not a change of share
            last_piece = _COMMA.split(between)[-1]
            if _COMMA.search(between) and (_NOT_CARRIED.search(last_piece) or _other_rate(last_piece)):
                moves = None  # 份额为30%，营收增长至50%: the next clause moves something else
            if moves and not from_before and _COMMA.search(raw_between) and _new_topic(ctx, tok.end(), nxt.start()):
                moves = None  # 华为为30%，寒武纪降至20%; 营收占比88%，游戏业务则降至9%: parallel clauses
            separate_times = any(tok.end() <= d.start < nxt.start() for d in ctx.dates) and not from_before
            if len(raw_between) <= 28 and moves and not separate_times and not _STOP.search(between):
                end_word = nxt.group(0)
                if end_word == "腰斩":
                    to_value = value / 2
                    explicit = [t for t in tokens[i + 2 : i + 3] if t.start() - nxt.end() <= 4]
                    if explicit and _value(explicit[0].group(0)) is not None:
                        to_value = _value(explicit[0].group(0))
                        used.add(i + 2)
                        nxt = explicit[0]
                elif end_word in ("归零", "清零"):
                    to_value = 0.0
                else:
                    to_value = _value(end_word)
                    if not (_CHANGE_TAIL.search(between) or _BARE_MOVE.search(between)
                            or _BARE_TO.fullmatch(between) or toward or arrow):
                        to_value = None
                    elif not from_before and not _CHANGE_TAIL.search(between) and not arrow:
                        to_value = None  # 份额为10%，较上市前下降2%: a bare verb after a level gives the amount moved
                if to_value is not None and (_NOT_SHARE_BEFORE.search(_FROM.sub("", before))
                                             or _OTHER_RATE.search(zh[max(0, tok.start() - 12) : tok.start()])
                                             or _other_rate(zh[s_here : tok.start()])):
                    to_value = None  # 毛利率从57%降至47%: a rate of something else
                if to_value is not None:
                    end_hedge = "不足" if end_word == "个位数" else ""
                    ctx_text = share_context(tok.start(), nxt.end())
                    # A share word in the clause (or the one before), or a bare 从A到B (rates of
                    # other things were left out above).
                    if _share_word(ctx_text) or _WEAK_SHARE.search(ctx_text) or _FROM.search(before):
                        metric = _metric(ctx_text)
                        drafts.append(Draft(
                            kind="market_share", start=tok.start(), end=nxt.end(),
                            subject=_subject(ctx, tok.start(), metric), scope=_scope(zh[: nxt.end()]),
                            metric=metric, value=to_value, unit="%", from_value=value, to_value=to_value,
                            hedge=_clause_hedge(ctx, nxt.start(), end_hedge or hedge_for(zh, nxt.start(), nxt.end())),
                            date=_date_for(ctx, nxt.start()),
                        ))
                        used.update({i, i + 1})
                        last_end, last_clause = nxt.end(), ctx.clause_bounds(tok.start())[0]
                        continue
        if word == "腰斩":
            continue

        # ---- a level: 占比超过20%, 约五成的份额, 这13%…
        if value is None:
            continue
        if _DELTA_BEFORE.search(zh[max(s_here, tok.start() - 10) : tok.start()]) or (
                delta_end >= 0 and _ENUM_GAP.fullmatch(zh[delta_end : tok.start()])):
            delta_end = tok.end()  # 份额下降5%, 缩水了三成, 分别提升了3%和5%: amounts moved (a level follows 至)
            continue
        ctx_text = share_context(tok.start(), tok.end())
        if _NOT_SHARE_BEFORE.search(before) or _NOT_SHARE_AFTER.search(after):
            continue
        if (_GROWTH_MARK.search(before) or _is_levy(ctx, tok.start(), tok.end()) or _is_spending(ctx, tok.start())
                or _is_cap(ctx, tok.start()) or value > 100 or _is_allocation(ctx, tok.start(), tok.end())):
            continue
        if _other_rate(zh[s_here : tok.start()]):
            continue  # 毛利率为45%, 分红比例提高至30%: a rate of something else
        if _RELATIVE.search(_masked(ctx, s_here, tok.start())):
            continue  # 约为英伟达的十分之一: relative to another holder's share
        if _POINTS.search(word):
            continue
        anaphor = _THIS.search(zh[max(0, tok.start() - 1) : tok.start()]) and value in ctx.previous_shares
        if word in ("归零", "清零", "零", "0"):
            s0, e0 = ctx.clause_bounds(tok.start())
            story_goes_on = bool(ctx.previous_shares) and _ZERO_STORY.search(zh[max(0, tok.start() - 4) : tok.start()])
            carried_zero = bool(drafts) and s0 > last_clause and _carried_clause(ctx, s0, tok.start())
            if not (_STRONG_SHARE.search(zh[s0:e0]) or story_goes_on or carried_zero):
                continue
            if word in ("零", "0"):
                drafts.append(Draft(kind="market_share", start=tok.start(), end=tok.end(),
                                    subject=_subject(ctx, tok.start(), "市场份额"), scope=_scope(zh[: tok.end()]),
                                    metric=_metric(zh[s0:e0]), value=0.0, unit="%", date=_date_for(ctx, tok.start())))
                continue
            drafts.append(Draft(kind="market_share", start=tok.start(), end=tok.end(),
                                subject=_subject(ctx, tok.start(), "市场份额"), scope=_scope(zh[: tok.end()]),
                                metric=_metric(ctx_text), value=0.0, unit="%", to_value=0.0,
                                date=_date_for(ctx, tok.start())))
            continue
        if anaphor:
            subject, metric = ctx.previous_shares[value]
            drafts.append(Draft(kind="market_share", start=tok.start() - 1, end=tok.end(), subject=subject,
                                metric=metric, value=value, unit="%", date=_date_for(ctx, tok.start())))
            continue
        # The share word must govern this figure: a share word before it in the clause, 占…X%,
        # or the figure followed by what it is a share of (份额, 营收, 研究人员).
        s, e = ctx.clause_bounds(tok.start())
        # The share word governs from the figure's own clause, or from the clause before when this one
        # only restates when and who (份额方面，去年为30%); not across a clause about something else.
        trailing = zh[tok.end() : min(len(zh), tok.end() + 10)]
        carries = _carried_clause(ctx, s, tok.start()) and not _QUALIFIES_AFTER.match(trailing)
        local = zh[max(s, tok.start() - 30) : tok.start()]
        if s > 0 and not _share_word(local) and carries:
            local = zh[max(ctx.clause_bounds(s - 1)[0], tok.start() - 30) : tok.start()]
        trailing_long = zh[tok.end() : min(len(zh), tok.end() + 24)]
        # A share story told over several sentences: 这个数字是九成半; 到10月，就成了0; 能冲到百分之五十.
        continued = bool(ctx.previous_shares) and not _CONDITIONAL.search(zh, s, tok.start()) and (
            _THIS_FIGURE.search(zh[max(0, tok.start() - 14) : tok.start()])
            or _STORY_MOVE.search(zh[max(0, tok.start() - 6) : tok.start()]))
        listed = last_end >= 0 and _ENUM_GAP.fullmatch(zh[last_end : tok.start()]) is not None
        carried = (not listed and bool(drafts) and s > last_clause
                   and carries)
        governed = (
            continued
            or (word in _SHARE_IDIOMS and "市场" in zh[s : tok.start()])
            or listed
            or carried
            or _share_word(local)
            or _PART_OF.search(zh[max(0, tok.start() - 40) : tok.start()])
            or _OCCUPIES.search(zh[max(0, tok.start() - 16) : tok.start()])
            or _QUANTITY_OF.search(zh[max(0, tok.start() - 10) : tok.start()])
            or _SHARE_NAMED_AFTER.match(trailing_long)
            or _SHARE_AFTER.match(trailing)
            or (_WITH_BEFORE.search(zh[max(s, tok.start() - 6) : tok.start()]) and _RANKS_WITH.match(trailing)
                and (bool(drafts) or bool(_share_word(zh[: tok.start()])) or "市场" in zh[: tok.start()]))
            # the same share at another time, named as a level after a share just stated (…已跌破10%，
            # 与五年前逾两成的水平不可同日而语)
            or (bool(drafts) and _LEVEL_AFTER.match(trailing) and _TIME_BEFORE.search(zh[s : tok.start()]))
        )
        if not governed:
            continue
        frame = drafts[-1] if drafts and (listed or carried) else None
        own_words = _STRONG_SHARE.search(zh[s:tok.start()])
        metric = frame.metric if frame and not own_words else _level_metric(zh[s:e], ctx_text, drafts)
        scope = _scope(zh[s:e] if metric != "市场份额" else zh[: tok.end()])
        if frame and not scope:
            scope = frame.scope
        if metric == "营收占比" and scope in ("", "全球市场") and _CHINA.search(zh[s:e]):
            scope = "中国市场"
        subject = _subject(ctx, tok.start(), metric)
        if frame and listed and not _clause_subject(ctx, tok.start()):
            subject = frame.subject
        elif carried and not _clause_subject(ctx, tok.start()) and _HOLDER_KIND.search(zh[s : tok.start()]):
            subject = ""  # 其余厂商合计约15%: a holder the lexicon does not name, not the last name before
        draft = Draft(
            kind="market_share", start=tok.start(), end=tok.end(),
            subject=subject, scope=scope,
            metric=metric, value=value, unit="%",
            hedge=_clause_hedge(ctx, tok.start(), "不足" if word == "个位数" else hedge_for(zh, tok.start(), tok.end())),
            date=_date_for(ctx, tok.start()),
        )
        if _MOVE_TO.search(zh[s : tok.start()]):
            draft.to_value = value  # 下降至21.1%: a change whose start the text leaves out
        top = tokens[i + 1] if i + 1 < len(tokens) else None
        if top is not None and _RANGE_GAP.fullmatch(zh[tok.end() : top.start()]) and draft.to_value is None:
            top_value = _value(top.group(0))
            if top_value is not None and value < top_value <= 100:
                draft.value_max, draft.end = top_value, top.end()
                used.add(i + 1)
        each = _each_holder(ctx, tok.start()) if not listed else []
        if each:
            draft.subject = each[0]
        if listed and runs and runs[-1] and runs[-1][-1] is drafts[-1]:
            runs[-1].append(draft)
        else:
            runs.append([draft])
        drafts.append(draft)
        drafts.extend(dataclasses.replace(draft, subject=holder) for holder in each[1:])
        last_end, last_clause = draft.end, s
    _assign_respectively(ctx, runs)
    drafts.extend(_use_ratios(ctx))
    _remember(ctx)
    return drafts


# A forecast or estimate stated earlier in the clause (预计外购比例会从…降至…) hedges its figures with 或.
_FORECAST = re.compile(r"预计|预估|预期|有望|可望|或将|可能|估计|料将|预料|恐将|势将")
# A floor: the figure or more (不低于50%, 至少三成).
_AT_LEAST = re.compile(r"(不低于|不少于|不低於|至少|起码|最少)\s*(达到|达|为)?\s*$")
# Past a figure: 占比已过三成.
_PAST = re.compile(r"(已|已经|早已|均|都)过\s*$")
# A sentence that opens as a forecast (预估…, 据预测，…) hedges all its figures.
_FORECAST_LEAD = re.compile(r"^\s*(据|根据)?[^，。,；]{0,12}?(预计|预估|预测|估计)")


# Holders joined and then given one figure each: 英伟达与华为市占各约40%, 寒武纪与海光并列第三，占4%.
_EACH = re.compile(r"\s*(?:的?(?:份额|市场份额|市占率|市佔率|市占|市佔|占有率|佔有率|占比|佔比))?\s*(?:各|均|都|皆|同为|并列)")


def _each_holder(ctx: SentenceContext, pos: int) -> list[str]:
    """The holders of the figure at `pos` when its clause (or, for a clause of the figure alone, the one
    before) joins several names and gives them the figure each; else none."""
    start, _ = ctx.clause_bounds(pos)
    spans = [(start, pos)]
    if start > 1 and not any(start <= m.start < pos for m in ctx.mentions if m.type in _SUBJECT_TYPES) \
            and _carried_clause(ctx, start, pos):
        spans.append((ctx.clause_bounds(start - 1)[0], start - 1))
    for s0, e0 in spans:
        inside = [m for m in ctx.mentions if s0 <= m.start and m.end <= e0 and m.type in _SUBJECT_TYPES]
        for k, first in enumerate(inside):
            names, last = [first], first.end
            for m in inside[k + 1:]:
                if not _JOINED.fullmatch(ctx.zh[last : m.start]):
                    break
                names.append(m)
                last = m.end
            if len(names) > 1 and _EACH.match(ctx.zh, last):
                return list(dict.fromkeys(m.canonical for m in names))
    return []


def _clause_hedge(ctx: SentenceContext, start: int, hedge: str) -> str:
    """The figure's own hedge, with 或 in front when its clause is a forecast (不低于 / 至少 is 超)."""
    if _AT_LEAST.search(ctx.zh[max(0, start - 6) : start]):
        hedge = hedge.replace("不足", "超") if hedge.endswith("不足") else "超"
    elif not hedge and _PAST.search(ctx.zh[max(0, start - 4) : start]):
        hedge = "超"
    if hedge.startswith("或"):
        return hedge
    clause_start, _ = ctx.clause_bounds(start)
    forecast = _FORECAST.search(ctx.zh[clause_start:start]) or _FORECAST_LEAD.match(ctx.zh)
    return "或" + hedge if forecast else hedge


def _level_metric(clause: str, around: str, drafts: list[Draft]) -> str:
    """The metric of a level: its own clause's when specific (市占率将降至41.5% after 出货量下滑), else the
    clause before's, else that of the share the sentence stated before (其中3奈米占比23%, after 营收占比)."""
    own = _metric(clause)
    if own != "市场份额" or _SHARE_NOUN.search(clause):
        return own
    wider = _metric(around)
    if wider != "市场份额":
        return wider
    return drafts[-1].metric if drafts else own


def _is_levy(ctx: SentenceContext, start: int, end: int) -> bool:
    """A fee or levy taken out of revenue (征收营收的15%, 上缴收入的15%, 15%作为许可费)."""
    clause_start, _ = ctx.clause_bounds(start)
    if _GOVERNMENT_TAKES.search(ctx.zh[clause_start:start]) and (
            _OF_REVENUE.search(ctx.zh[max(0, start - 8) : start]) or _REVENUE_AFTER.match(ctx.zh[end : end + 10])):
        return True
    return bool(_LEVY.search(ctx.zh[clause_start:start]) or _LEVY_AFTER.match(ctx.zh[end : end + 14]))


def _is_spending(ctx: SentenceContext, start: int) -> bool:
    """Spending as a part of revenue (研发开支…约占营业收入的22%): an intensity, not a share; and a
    balance-sheet ratio (应收账款占总资产的30%)."""
    clause_start, _ = ctx.clause_bounds(start)
    prev_start, _ = ctx.clause_bounds(max(0, clause_start - 1))
    head = ctx.zh[prev_start:start]
    return bool((_OF_REVENUE.search(ctx.zh[max(0, start - 8) : start]) and _SPENDING.search(head))
                or _SPENDING_OF_REVENUE.search(head) or _BALANCE_SHEET.search(head))


# A part of an amount set aside for a use (将收入的20%投入研发, 把产能的两成转移至美国, 拿出净利润的50%回购)
# or a payout against profit (分红占净利润的30%): an allocation, not a share anyone holds.
_DISPOSAL = re.compile(r"将|把|拿出|拿|计划|拟")
_ALLOCATED_AFTER = re.compile(r"^\s*(以上|左右|多)?[^，。,；]{0,3}?(投入|投放|投向|用于|用在|用作|花在|拨给|拨出|分配给?|转移|转至|转往|"
                              r"移至|移往|迁至|迁往|搬到|搬至|留作|作为|回馈|返还|派发|分给)")
_OF_PROFIT = re.compile(rf"(净利润|利润|净利|盈利|税后利润|可分配利润)的?\s*{HEDGE_WORD}\s*$")


def _is_allocation(ctx: SentenceContext, start: int, end: int) -> bool:
    """A part of an amount set aside for a use, or a figure measured against profit (a payout)."""
    clause_start, _ = ctx.clause_bounds(start)
    if _OF_PROFIT.search(ctx.zh[max(0, start - 10) : start]):
        return True
    return bool(_DISPOSAL.search(ctx.zh[clause_start:start]) and _ALLOCATED_AFTER.match(ctx.zh[end : end + 10]))


def _is_cap(ctx: SentenceContext, start: int) -> bool:
    """A limit set on a quantity (不得超过…的50%): not a share anyone holds."""
    clause_start, _ = ctx.clause_bounds(start)
    return bool(_CAP.search(ctx.zh[clause_start:start]) or _CAP_OF_WHOLE.search(ctx.zh[clause_start:start]))


# A contrast that opens a parallel clause about another topic: X则降至9%, 而X升至.
_CONTRAST = re.compile(r"则|而|反观|相比之下|相较之下")


def _new_topic(ctx: SentenceContext, end: int, pos: int) -> bool:
    """Whether the last clause of zh[end:pos] is about another subject than the figure before it: it
    names an entity of its own or opens with a contrast (则, 而)."""
    start = max(end, ctx.clause_bounds(pos)[0])
    if any(start <= m.start and m.end <= pos and m.type in _SUBJECT_TYPES for m in ctx.mentions):
        return True
    return bool(_CONTRAST.search(ctx.zh[start:pos]))


# The grammar of a parallel clause that gives another holder's figure in the share already stated:
# [opener] [adverbs] [holder] [的 share noun] [adverbs] [verb of level or change] [hedge], nothing else.
# 其中华为为20%; 寒武纪约5%; 2024年华为降至60%; ASIC的出货则是相对下降至21.1%; 其余厂商合计约15%.
# The holder is a name (written @ here) or a kind of firm or product; 差距约为10%, 折扣约为10%,
# 领先对手约60% name no holder and are not carried.
_CARRY_HOLDER = (r"(?:@(?:[、和与及]@)*|[A-Za-z][A-Za-z0-9]*|网上|网下|战略配售|[^\s，。,；的@]{0,6}?"
                 r"(?:厂商|公司|企业|品牌|业务|产品|芯片|方案|阵营|供应商|厂家|玩家|部分|省|州|市|县|地区|区域|国家|城市|"
                 r"国投|集团|资本|基金|控股|科技|股份|银行|证券|创投|投资))")
_CARRY_NOUN = r"(?:份额|市场份额|市占率|市佔率|占有率|占比|佔比|比重|比例|出货量?|营收|收入|采购量?|销量|销售额|持股)"
_CARRY_ADV = (r"(?:大约|约|几乎|近乎|则是|则|就|也|亦|更|仍然|仍|已经|已|将会|将|或|预计|有望|可望|只有|只|仅|是|相对|合计|合共|共|均|都|"
              r"再|进一步|继续|一度|分别|恐将|恐怕|恐|料将|料|势将|可能|或许|甚至|首度|首次|一举|大幅|迅速|快速|明显|逐步|"
              r"惊人的|高达)")
_CARRY_VERB = (r"(?:是|为|占|佔|达到|达|有|拿下|拿到|剩下|剩|超过|超出|逾|不足|不到|接近|将近|突破|跌破|冲破|逼近|站上|升破|"
               r"(?:下滑|下降|上升|回落|回升|提高|提升|扩大|缩小|萎缩|攀升|跃升|冲高|飙升|降|跌|升|涨|增|减|滑|落)了?(?:至|到))")
_CARRY_HEAD = re.compile(rf"^(?:其中|而|另外|此外|至于|同期|同时)?{_CARRY_ADV}*{_CARRY_HOLDER}?(?:的?{_CARRY_NOUN})?{_CARRY_ADV}*"
                         rf"{_CARRY_VERB}?{_CARRY_ADV}*(?:约|近|逾|超过|超|不足|不到|将近|大约)?$"
                         # a comparison with another holder's figure: 低于沐曦的0.03%
                         rf"|^(?:略|远|明显|大幅)?(?:低于|高于|不及|超过|胜过|对比|相比)(?:第[一二三四五]名|第[一二三四五]大|对手|竞争对手|同行)?"
                         rf"@的(?:约|近|逾|超过|不到|不足|将近|仅)?$")
# A kind of holder named without a name (其余厂商, 其他公司).
_HOLDER_KIND = re.compile(r"(厂商|公司|企业|品牌|供应商|厂家|玩家|国投|集团|资本|基金|控股|科技|股份|银行|证券|创投|投资)")
# The figure qualifies a noun that is not a share (达到15%的目标进度): not a carried share.
_QUALIFIES_AFTER = re.compile(r"^(左右|以上)?的(?!份额|市场|市占率|市佔率|占有率|股份|股权|占比|佔比)")


def _masked(ctx: SentenceContext, start: int, end: int) -> str:
    """zh[start:end] with each name of a possible holder written @."""
    parts, at = [], start
    for m in ctx.mentions:
        if start <= m.start and m.end <= end and m.start >= at and m.type in _SUBJECT_TYPES:
            parts.extend([ctx.zh[at : m.start], "@"])
            at = m.end
    return "".join(parts) + ctx.zh[at:end]


# A figure relative to another holder's (份额约为英伟达的十分之一): a ratio between two shares, not a share.
_RELATIVE = re.compile(r"(为|是|相当于|只有|仅有|不到|不足|仅)\s*@的\s*(约|近|逾)?\s*$")


def _carried_clause(ctx: SentenceContext, clause_start: int, pos: int) -> bool:
    """Whether the clause before `pos` is a short parallel clause that gives its holder's figure in
    the share the sentence already stated (_CARRY_HEAD, once its dates are left out)."""
    head = _masked(ctx, clause_start, pos)
    for d in ctx.dates:
        if clause_start <= d.start < pos:
            head = head.replace(ctx.zh[d.start : d.end], "")
    head = _SPACES.sub("", _WHEN.sub("", head))
    if len(head) > 16 or _DIGIT.search(head) or _NOT_CARRIED.search(head) or _other_rate(head):
        return False
    return _CARRY_HEAD.match(head) is not None


_NAME_GAP = re.compile(r"\s*(、|和|与|及|以及|,|，)\s*")


def _name_chains(ctx: SentenceContext, end: int) -> list[list]:
    """Runs of names listed one after another (寒武纪、海光和摩尔线程) before `end`."""
    names = [m for m in ctx.mentions if m.end <= end and m.type in _SUBJECT_TYPES | {"agency"}]
    chains: list[list] = []
    for m in names:
        if chains and _NAME_GAP.fullmatch(ctx.zh[chains[-1][-1].end : m.start]):
            chains[-1].append(m)
        else:
            chains.append([m])
    return chains


def _assign_respectively(ctx: SentenceContext, runs: list[list[Draft]]) -> None:
    """A listed run of figures after 分别 (依次, 各自) belongs to a listed run of as many names, in order:
    A、B和C的份额分别为50%、30%、20%. Leaves the subjects alone when the counts differ."""
    for run in runs:
        if len(run) < 2:
            continue
        at = max(ctx.zh.rfind(word, 0, run[0].start) for word in ("分别", "依次", "依序", "各自"))
        if at < 0:
            continue
        chains = [c for c in _name_chains(ctx, at) if len(c) == len(run)]
        if chains:
            for draft, name in zip(run, chains[-1]):
                draft.subject = name.canonical


# Shares of use given as a ratio after a share word: 两者占比六比四, 比例约为7:3.
_RATIO_NUM = r"\d+(?:\.\d+)?|[一二两三四五六七八九十]"
_USE_RATIO = re.compile(rf"(?:占比|佔比|比例|比重|份额|之比)[^，。；,\d]{{0,6}}?"
                        rf"(?P<a>{_RATIO_NUM})\s*(?:比|:|：)\s*(?P<b>{_RATIO_NUM})(?![\d.%])")


# Quantities compared as a ratio (数量, 金额, 人数): not parts of a whole used or held.
_QUANTITIES = re.compile(r"数量|金额|规模|产量|产值|人数|论文|专利|投资额|支出|价格")


def _ratio_part(token: str) -> float:
    return float(token) if token[0].isdigit() else float(parse_cn_numeral(token) or 0)


def _use_ratios(ctx: SentenceContext) -> list[Draft]:
    """A ratio of use is two shares: 六比四 gives 60 and 40, each for the name listed in its place."""
    drafts = []
    if "比" not in ctx.zh and "份额" not in ctx.zh:
        return drafts  # every share word _USE_RATIO starts with is 份额 or holds 比
    for m in _USE_RATIO.finditer(ctx.zh):
        a, b = _ratio_part(m.group("a")), _ratio_part(m.group("b"))
        if _FINANCE_HEAD.search(ctx.zh[max(0, m.start() - 8) : m.start()]):
            continue  # 换股比例为1:0.8, 配套比例1:1: terms of a deal, not shares of use
        if a <= 0 or b <= 0:
            continue
        if a != int(a) or b != int(b) or _QUANTITIES.search(ctx.zh[ctx.clause_bounds(m.start())[0] : m.start()]):
            continue  # 论文数量之比约为1.5比1: two quantities compared, not parts of a whole
        chains = [c for c in _name_chains(ctx, m.start()) if len(c) >= 2]
        names = [n.canonical for n in chains[-1][-2:]] if chains else ["", ""]
        metric = _metric(ctx.zh[ctx.clause_bounds(m.start())[0] : m.end()])
        for (key, part), name in zip((("a", a), ("b", b)), names):
            drafts.append(Draft(kind="market_share", start=m.start(key), end=m.end(key), subject=name,
                                scope=_scope(ctx.zh[: m.end()]), metric=metric,
                                value=round(100 * part / (a + b), 1), unit="%", date=_date_for(ctx, m.start())))
    return drafts
