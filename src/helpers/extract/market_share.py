"""Shares and rates: levels (`约五成`, `占比超过20%`) and changes (`从95%降到50%`, `腰斩`, `归零`).

A share is a part of a whole held by a subject: market share (份额, 市占率),
a region's share of a company's revenue (营收占比), the domestic share of
chips (国产化率, 国产替代率), trade or research-population shares. Not
shares, and never reported here: growth rates (`同比增长40%`), price moves,
levies and caps (`销售收入的15%交给美国政府`), subsidies, and ratios of one
chip's performance to another's (those are specs).
"""

from __future__ import annotations

import re

from .context import PRODUCT_TYPES, Draft, SentenceContext
from .hedges import hedge_for
from .numbers import PERCENT, parse_percent

_FIGURE = re.compile(rf"{PERCENT}|归零|腰斩|清零|个位数")
_SHARE_WORDS = re.compile(
    r"份额|市占率|市佔率|占有率|佔有率|市场占比|占比|佔比|比重|国产化率|国产替代率|替代率|自给率|渗透率|"
    r"营收|收入|研究人员|半壁江山"
)
# Words that make a figure a share on their own (营收 and 收入 do so only with 占 or a fraction).
_STRONG_SHARE = re.compile(r"份额|市占率|市佔率|占有率|佔有率|市场占比|占比|佔比|比重|国产化率|国产替代率|替代率|自给率|渗透率|"
                           r"这一比例|该比例|这个比例|此一比例|这一比重")
_OCCUPIES = re.compile(r"(占|佔|囊括|拿下|拿走|吃下|握有|掌握|居首|占据|佔據|以)[^，。,；]{0,14}$")
_NOT_SHARE_BEFORE = re.compile(
    r"(同比|环比|增长|增加|上涨|涨幅|上升了|下降了|下滑了|下跌|跌幅|降低|减少|提升|提高|缩短|损失|便宜|高出|贵|"
    r"补贴|税|税率|关税|抽成|分成|上缴|抽取|收取|征收|折扣|打折|削减|效率|能效|良率|性能|算力|速度|成本|价格|利润率|毛利率|"
    r"净利率|股价|指数|涨跌幅)\s*(了|约|近|超过|超|达|达到|高达|为|是|在|维持在|保持在|升至|降至)?\s*$"
)
_NOT_SHARE_AFTER = re.compile(
    r"^\s*(的)?(销售)?(收入|营收)?(补贴|关税|税|抽成|分成|折扣|交给|上缴|上交|给美国政府)"
    r"|^\s*的(效果|性能|算力)|^\s*(以内的|左右的增长|的增长|的涨幅|的跌幅)"
)
_MOVE = re.compile(
    r"(变成|变为|剩下|只剩|仅剩|降为|暴跌|大跌|下跌|跌|下降|降|下滑|滑落|回落|萎缩|缩水|掉|减少|腰斩|上升|升|飙升|攀升|上涨|涨|增长|增加|提升|提高|扩大|跃升|猛增)"
)
_BARE_TO = re.compile(r"[”」\"\s，,]*(到|至)[“「\"\s]*(近乎|几乎|接近|约|近)?\s*")
# A rate of something else named just before the figures: 毛利率由上季的57%降至47%.
_OTHER_RATE = re.compile(r"毛利率|净利率|利润率|增长率|增速|涨幅|跌幅|良率|失业率|通胀率|税率|关税|折扣率")
_CHANGE_TAIL = re.compile(r"(到了|到|至|为|成了|成|剩下|只剩|仅剩|只有)\s*[“「\"]?\s*(约|近乎|近|不足|超过|超|仅|只有|大约|不到|几乎|接近)?\s*$")
_FROM = re.compile(r"(从|由)\s*[“「\"]?\s*(曾经的|原来的|此前的|过去的|高达|高峰时的|峰值)?\s*(逾|约|近|超过|超|不足|将近|接近|大约)?\s*[“「\"]?\s*$")


def _metric(clause: str) -> str:
    if "产能" in clause:
        return "产能占比"
    if "国产替代率" in clause or "替代率" in clause:
        return "国产替代率"
    if "国产化率" in clause:
        return "国产化率"
    if "自给率" in clause:
        return "自给率"
    if re.search(r"营收|收入|销售额", clause):
        return "营收占比"
    if "贸易" in clause:
        return "贸易占比"
    if "研究人员" in clause:
        return "研究人员占比"
    if "渗透率" in clause:
        return "渗透率"
    return "市场份额"


_SCOPES = [
    (re.compile(r"全球(?:AI|人工智能)?(?:芯片|GPU|加速器|算力)?市场"), "全球AI芯片市场"),
    (re.compile(r"(?:中国|国内|在华)(?:AI|人工智能)?训练芯片市场"), "中国AI训练芯片市场"),
    (re.compile(r"(?:中国|国内|在华)(?:AI|人工智能)?推理芯片市场"), "中国AI推理芯片市场"),
    (re.compile(r"(?:中国|国内)(?:的)?数据中心GPU市场"), "中国数据中心GPU市场"),
    (re.compile(r"(?:中国|国内|在华)(?:的)?(?:高端)?(?:AI|人工智能)(?:芯片|加速器|加速卡|GPU)(?:采购)?市场|中国AI芯片"), "中国AI芯片市场"),
    (re.compile(r"中国大陆及香港|中国大陆和香港"), "中国大陆及香港"),
    (re.compile(r"全球.{0,12}研究人员"), "全球AI研究人员"),
    (re.compile(r"贸易"), "芯片贸易"),
    (re.compile(r"在华|在中国|中国市场|中国区|中国区域|来自中国|中国的(?:芯片)?(?:采购)?市场"), "中国市场"),
    (re.compile(r"全球"), "全球市场"),
]


def _scope(text: str) -> str:
    for pattern, scope in _SCOPES:
        if pattern.search(text):
            return scope
    return ""


def _subject(ctx: SentenceContext, pos: int, metric: str) -> str:
    if metric in ("国产化率", "国产替代率", "自给率"):
        return "国产AI芯片"
    clause_start = max(0, pos - 40)
    window = ctx.zh[clause_start:pos]
    if metric == "研究人员占比":
        return "中国"
    if re.search(r"国产(?:AI)?芯片|本土芯片|国产厂商|中国厂商", window):
        return "国产AI芯片"
    company = ctx.nearest_before(pos, {"company"}, limit=40)
    if company:
        return company.canonical
    product = ctx.nearest_before(pos, PRODUCT_TYPES, limit=30)
    if product:
        return product.canonical
    if "RCEP" in window:
        return "RCEP区域"
    return ""


# Between the two figures of a change the text may restate when: 由2024年的52%提升至2025年前三季度的61%.
_WHEN = re.compile(r"(?:\d{4}\s*(?:年|财年)[^，。,；]{0,10}?的|(?:今年|去年|明年|前年)[^，。,；]{0,6}?的|[一二两三四五六七八九十\d]+年前的?|目前|现在|如今|当前|眼下|今天)")


def _value(token: str) -> float | None:
    if token in ("归零", "清零"):
        return 0.0
    if token == "个位数":
        return 10.0
    return parse_percent(token)


def extract(ctx: SentenceContext) -> list[Draft]:
    zh = ctx.zh
    tokens = [m for m in _FIGURE.finditer(zh)]
    if not tokens:
        return []
    drafts: list[Draft] = []
    used: set[int] = set()

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
                                        or re.search(r"(是|为|仅剩|只剩|剩下)$", zh[max(0, tok.start() - 2) : tok.start()])):
            continue
        if word == "百分之百" and not _STRONG_SHARE.search(zh[max(0, tok.start() - 12) : tok.start()]):
            continue  # 百分之百退出: "entirely", not a share
        before = zh[max(0, tok.start() - 8) : tok.start()]
        after = zh[tok.end() : tok.end() + 8]

        # ---- a change: 从A…(verb)到B, A…腰斩, A…归零
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if value is not None and nxt is not None and word not in ("归零", "清零"):
            raw_between = zh[tok.end() : nxt.start()]
            between = _WHEN.sub("", raw_between)
            moves = (_MOVE.search(between) or nxt.group(0) == "腰斩"
                     or (_FROM.search(_WHEN.sub("", before)) and _BARE_TO.fullmatch(between)))
            separate_times = any(tok.end() <= d.start < nxt.start() for d in ctx.dates) and not _FROM.search(
                _WHEN.sub("", zh[max(0, tok.start() - 14) : tok.start()]))
            if len(raw_between) <= 28 and moves and not separate_times and not re.search(r"[。；;]", between):
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
                    if not (_CHANGE_TAIL.search(between) or re.search(r"(降|跌|升|涨|增|掉|滑|落)(约|近)?$", between)
                            or _BARE_TO.fullmatch(between)):
                        to_value = None
                    elif re.search(r"(增长|增加|上涨|提升|提高)了?$", between) and "从" not in before and "由" not in before:
                        to_value = None  # 营收增长了50%: a growth rate after a level
                if to_value is not None and (_NOT_SHARE_BEFORE.search(_FROM.sub("", before))
                                             or _OTHER_RATE.search(zh[max(0, tok.start() - 12) : tok.start()])):
                    to_value = None  # 毛利率从57%降至47%: a rate of something else
                if to_value is not None:
                    end_hedge = "不足" if end_word == "个位数" else ""
                    ctx_text = share_context(tok.start(), nxt.end())
                    if _SHARE_WORDS.search(ctx_text) or _FROM.search(before):
                        metric = _metric(ctx_text)
                        drafts.append(Draft(
                            kind="market_share", start=tok.start(), end=nxt.end(),
                            subject=_subject(ctx, tok.start(), metric), scope=_scope(zh[: nxt.end()]),
                            metric=metric, value=to_value, unit="%", from_value=value, to_value=to_value,
                            hedge=end_hedge or hedge_for(zh, nxt.start(), nxt.end()), date=ctx.date_for(nxt.start()),
                        ))
                        used.update({i, i + 1})
                        continue
        if word == "腰斩":
            continue

        # ---- a level: 占比超过20%, 约五成的份额, 这13%…
        if value is None:
            continue
        ctx_text = share_context(tok.start(), tok.end())
        if _NOT_SHARE_BEFORE.search(before) or _NOT_SHARE_AFTER.search(after):
            continue
        if re.search(r"[个個]百分点", word):
            continue
        anaphor = re.search(r"这$", zh[max(0, tok.start() - 1) : tok.start()]) and value in ctx.previous_shares
        if word in ("归零", "清零", "零", "0"):
            s0, e0 = ctx.clause_bounds(tok.start())
            story_goes_on = bool(ctx.previous_shares) and re.search(r"(成了|变成|降至|降到|跌至|跌到|只剩|剩下)\s*$",
                                                                    zh[max(0, tok.start() - 4) : tok.start()])
            if not (_STRONG_SHARE.search(zh[s0:e0]) or story_goes_on):
                continue
            if word in ("零", "0"):
                drafts.append(Draft(kind="market_share", start=tok.start(), end=tok.end(),
                                    subject=_subject(ctx, tok.start(), "市场份额"), scope=_scope(zh[: tok.end()]),
                                    metric=_metric(zh[s0:e0]), value=0.0, unit="%", date=ctx.date_for(tok.start())))
                continue
            drafts.append(Draft(kind="market_share", start=tok.start(), end=tok.end(),
                                subject=_subject(ctx, tok.start(), "市场份额"), scope=_scope(zh[: tok.end()]),
                                metric=_metric(ctx_text), value=0.0, unit="%", to_value=0.0,
                                date=ctx.date_for(tok.start())))
            continue
        if anaphor:
            subject, metric = ctx.previous_shares[value]
            drafts.append(Draft(kind="market_share", start=tok.start() - 1, end=tok.end(), subject=subject,
                                metric=metric, value=value, unit="%", date=ctx.date_for(tok.start())))
            continue
        # The share word must govern this figure: a share word before it in the clause, 占…X%,
        # or the figure followed by what it is a share of (份额, 营收, 研究人员).
        s, e = ctx.clause_bounds(tok.start())
        local = zh[max(0, tok.start() - 30) : tok.start()]
        trailing = zh[tok.end() : min(len(zh), tok.end() + 10)]
        # A share story told over several sentences: 这个数字是九成半; 到10月，就成了0; 能冲到百分之五十.
        continued = bool(ctx.previous_shares) and (
            re.search(r"这个数字|这一数字|该数字|此数字", zh[max(0, tok.start() - 14) : tok.start()])
            or re.search(r"(冲到|冲上|升至|升到|降至|降到|跌至|跌到|跌破|成了|变成|回升至|回落至|只剩|剩下)\s*(约|近|超过|逾)?\s*$",
                         zh[max(0, tok.start() - 6) : tok.start()]))
        governed = (
            continued
            or _STRONG_SHARE.search(local)
            or _OCCUPIES.search(zh[max(0, tok.start() - 16) : tok.start()])
            or re.search(r"(产能|产量|出货量?|采购量?|营收|收入|销量|销售额)的\s*(约|近|逾|超过|超|不足|将近)?\s*$",
                         zh[max(0, tok.start() - 10) : tok.start()])
            or re.match(r"^(以上|左右|多|上下)?(的)?(份额|市场份额|市占率|市场|营收|收入|研究人员|AI研究人员|比重)", trailing)
        )
        if not governed:
            continue
        metric = _metric(ctx_text)
        scope = _scope(zh[s:e] if metric != "市场份额" else zh[: tok.end()])
        if metric == "营收占比" and scope in ("", "全球市场") and re.search(r"中国|在华|大陆", zh[s:e]):
            scope = "中国市场"
        drafts.append(Draft(
            kind="market_share", start=tok.start(), end=tok.end(),
            subject=_subject(ctx, tok.start(), metric), scope=scope,
            metric=metric, value=value, unit="%", hedge=hedge_for(zh, tok.start(), tok.end()),
            date=ctx.date_for(tok.start()),
        ))
    return drafts
