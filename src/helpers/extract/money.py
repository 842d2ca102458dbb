"""Amounts of money, with what the amount is (`营收`, `发行价`, `注册资本` …) and its hedge.

The text is read in two steps. First every *amount* is found: a figure with its magnitude and
the currency written before or after it (`171亿美元`, `人民币28.81亿元`, `新台币1.5兆元`,
`300多亿美元`, `两千六百元`, `两个亿卢布`, `5.6美分`, `123元1角1分`, `十块三毛`, `9000元日币`, `8美元/小时`).
Then a small grammar joins amounts:

- a range `A 至 B` (`2000亿元至5000亿元`, `20至30亿美元`, `七千到九千亿元`, `2——3万港币`, `两~3百日元`,
  `八百到九百亿`, `1万(含)-5万元`), where a side without a magnitude or a currency shares the other's
  (the low side takes the high side's closing unit when its own is smaller and below 万);
- a change `从 A 拉高至 B`: one claim for the end figure, the start in `from_value` (unless each
  figure has its own date: `从2026年的540亿美元成长至2029年的1890亿美元` is two claims);
- a bracketed conversion after an amount (`3000亿元（约人民币680亿元）`): both are claims,
  and when the outer amount's currency is a bare `元`, the exchange ratio tells which one it is.

A bare `元` is, in order: the currency of its bracketed conversion's ratio; the 元-type currency
its own sentence wrote before it (`收报52.5港元，目标价60元`); the one the article last named
(`新台币1.5兆元`, `人民币28亿元`, `2000亿人民币`, `900亿元新台币`, not counting bracketed
conversions; `人民币(下同)` says it outright; `50亿港元` has its own unit word and is continued only
in its sentence); the one the next sentence names (a headline before its lede); TWD for the
Taiwanese `兆元` and the other bare 元 of its sentence; else CNY, as the annotation guide has it.
The press an article comes from does not decide: Taiwanese and Hong Kong papers report mainland
prices in a bare 元 too.

Amounts with no figure (`数百亿美元`, `上千万元`, `十几万元`, `两三千元`) are not claims, nor are
exchange rates (`1美元约合7.1元人民币`, `汇率升至7.3元`, `新台币收30.1元`), figures inside a date
(`12月1日元首会晤`) or the numbers of names (`RTX 5090`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .context import Draft, SentenceContext
from .hedges import hedge_before, hedge_for
from .numbers import ARABIC, MAGNITUDE, parse_number

# Currency words written after the figure, with their code and the share of a unit they stand for.
_SUFFIX_CURRENCIES = {
    "美元": ("USD", 1), "美金": ("USD", 1), "美分": ("USD", 0.01), "元人民币": ("CNY", 1), "人民币": ("CNY", 1),
    "港元": ("HKD", 1), "港币": ("HKD", 1), "港仙": ("HKD", 0.01), "新台币": ("TWD", 1), "台币": ("TWD", 1),
    "欧元": ("EUR", 1), "日元": ("JPY", 1), "日圆": ("JPY", 1), "日币": ("JPY", 1), "韩元": ("KRW", 1),
    "英镑": ("GBP", 1), "澳元": ("AUD", 1), "加元": ("CAD", 1), "新加坡元": ("SGD", 1), "元": ("", 1),
    # Hong Kong and Taiwan names of the same currencies.
    "欧罗": ("EUR", 1), "韩圜": ("KRW", 1), "澳币": ("AUD", 1), "加币": ("CAD", 1), "星币": ("SGD", 1),
    "泰铢": ("THB", 1), "卢布": ("RUB", 1), "澳门币": ("MOP", 1),
    "块钱": ("", 1),  # spoken 元: `两千六百块钱`
    # 元 and then the currency's name: `1800亿元人民币`, `900亿元新台币`, `100亿元港币`.
    "元新台币": ("TWD", 1), "元台币": ("TWD", 1), "元港币": ("HKD", 1),
    "元港元": ("HKD", 1), "元美元": ("USD", 1), "元欧元": ("EUR", 1), "元日元": ("JPY", 1), "元日币": ("JPY", 1),
    "元日圆": ("JPY", 1), "元韩元": ("KRW", 1),
    "块": ("", 1),  # only before its 毛/角 (`十块三毛`): see _AMOUNT
}
# Currency words and signs written before the figure (`人民币28.81亿元`, `US$5亿`).
_PREFIX_CURRENCIES = {
    "新台币": "TWD", "台币": "TWD", "人民币": "CNY", "港币": "HKD", "港元": "HKD", "美元": "USD", "美金": "USD",
    "日元": "JPY", "日圆": "JPY", "日币": "JPY", "欧元": "EUR", "英镑": "GBP", "US$": "USD", "NT$": "TWD",
    "HK$": "HKD", "S$": "SGD", "$": "USD", "RMB": "CNY", "¥": "CNY", "￥": "CNY", "€": "EUR",
    "USD": "USD", "CNY": "CNY", "HKD": "HKD", "NTD": "TWD", "TWD": "TWD",
}
# Currencies whose unit word is 元: what a later bare 元 continues, when the text names the currency
# (`新台币1.5兆元`, `2000亿人民币`, `1800亿元人民币`) rather than writes a unit word of its own (`50亿港元`).
_YUAN_TYPE = {"CNY", "TWD", "HKD"}
_CURRENCY_NAMES = {"元人民币", "人民币", "新台币", "台币", "港币", "元新台币", "元台币", "元港币"}


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# A figure: Arabic digits, or a Chinese numeral that starts with a digit or 十/百/千, or 万亿
# (`市值突破万亿美元`); a bare 万 or 亿 is a magnitude, not a figure.
_CN_FIGURE = r"(?:[零〇一二两兩三四五六七八九十百千佰仟][零〇一二两兩三四五六七八九十百千佰仟万亿点]*|万亿)"
# The magnitude, with the Taiwanese 兆 (10^12) that only money uses.
_MAG = rf"(?:{MAGNITUDE}|兆)"
# `(下同)` and its variants: the currency named holds for the amounts after it.
_SAME_WORDS = r"(?:以下皆同|以下均同|以下同|下文同|下同)"
# Words that 元 begins, where it is not the currency (`电子元件`, `元宇宙`, `元首`, `AI 2.0元年`).
# After 万/亿/兆 the 首 is the next word's (`20亿元首轮融资`), not 元首.
_YUAN_WORD = r"(?:[件器宇素老旦凶帅勋]|(?<![万亿兆]元)首|年(?=[，,。；;的」』”)）\s]|$))"
# A digit of 角 or 分: one Arabic digit or Chinese numeral.
_SMALL_COIN = r"[1-9一二两三四五六七八九]"
# An amount: [currency word, `(下同)`] figure [magnitude] [the rest of 3兆8090亿, 2兆8,943亿, 12亿8千万] [多/余/来]
# [magnitude: 300多亿] [currency word] [per hour] [级]. With neither currency word it is a bare figure,
# kept only as the low side of a range (`20至30亿美元`) or the start of a change.
_AMOUNT = re.compile(
    rf"(?:(?P<pc>{_alternation(_PREFIX_CURRENCIES)})\s*(?P<same>[(（]{_SAME_WORDS}[)）])?\s*"
    r"(?:大约|约合|约为|约达|约|逾|超过|将近|近|不足|不到|高达|达到|达|为|共计|合计|总计|计)?\s*)?"
    rf"(?P<num>{ARABIC}|{_CN_FIGURE})\s*(?:(?<=[一二两兩三四五六七八九十])个(?=[亿万]))?(?P<mag_a>{_MAG})?"
    rf"(?:(?<=[兆亿万])(?P<more>{ARABIC}|(?<=兆)[一二两兩三四五六七八九][零〇一二两兩三四五六七八九十百千]*)(?P<mag_more>千亿|亿|千万|百万|万|千|百)?)?"
    rf"(?P<approx>多|余|来)?(?P<mag_b>{_MAG})?"
    rf"\s*(?P<sc>{_alternation(set(_SUFFIX_CURRENCIES) - {'块'})}|块(?=\s*{_SMALL_COIN}\s*[毛角]))?(?!{_YUAN_WORD})"
    # the 角 (毛) and 分 after 元 or 块: `123元1角1分`, `十块三毛`, `一百三十五块六角七分钱`
    rf"(?:(?<=[元块])\s*(?P<jiao>{_SMALL_COIN})\s*[角毛](?:\s*(?P<fen>{_SMALL_COIN})\s*分)?钱?)?"
    r"(?P<rate>\s*/\s*(?:GPU|卡|张)?\s*[/·-]?\s*(?:小时|时|hr|h(?![A-Za-z]))|\s*(?:每|一)个?(?:GPU|卡)?小时)?"
    r"(?P<level>级)?"
)
# What stands between the two sides of a range: `至`, `到`, a dash or tilde, maybe a conversion
# bracket after the first side.
_RANGE_GAP = re.compile(
    r"\s*(?P<conv>[(（][^()（）]{0,30}[)）])?\s*(?:至|到|~|～|－|-{1,2}|—{1,2}|–{1,2}|(?P<and>与|和|及))\s*")
# Between the items of a list of figures: `28亿、30亿和35亿美元`.
_LIST_GAP = re.compile(r"\s*(?:、|和|及|与|以及)\s*")
# `介于50亿与60亿美元之间`: 与/和 join the two ends of a range only before 之间.
_BETWEEN_END = re.compile(r"\s*之?间")
# Between the two figures of a change: a verb of moving (any short run of words) and 至/到.
_CHANGE_GAP = re.compile(
    r"[^\d，,。；;：:、（）()]{0,8}[，,]?[^\d，,。；;：:、（）()]{1,8}?(?:至|到)[^\d，,。；;：:、（）()]{0,5}")
# 从/由 opening the change, perhaps with the start's date and what is measured before the figure
# (`从2023年的每小时8美元`).
_CHANGE_FROM = re.compile(r"(?:从|由)[^，,。；;：:、从由]{0,12}$")
# A verb of growth or decline right before the first figure of `A 至 B`: A is by how much, B the
# level reached (`营收增加20亿元至150亿元`, `按年減少3億美元至12億美元`), not a range.
_UP_WORDS = r"增加|增长|成长|上升|提高|提升|上调|调高|上修|上涨|大涨|大增|增|涨|升|扩大|多赚|多出"
_DOWN_WORDS = r"减少|下降|下跌|下滑|降低|下调|调低|下修|大跌|大减|缩水|蒸发|收窄|缩小|回落|减|降|跌|少赚"
_BY_VERB = re.compile(rf"(?P<verb>{_UP_WORDS}|{_DOWN_WORDS})了?\s*(?:大约|约|近|逾|超过|超|将近|接近|不足|不到)?\s*$")
_DOWN = re.compile(rf"(?:{_DOWN_WORDS})$")
# Words before 十/百/千 that say there is no figure (`数百亿`, `上千万`, `几十亿`; `账上三千万元` has one).
_NO_FIGURE = re.compile(r"(?:数|几|上)$")
_SAME_BELOW = re.compile(rf"\s*[(（]\s*(人民币|新台币|台币|港币|港元|美元)\s*[，,、]?\s*{_SAME_WORDS}\s*[)）]")
# An exchange rate stated before the figure: `兑人民币7.1`, `汇率一度升至7.3元`, a currency moving as the
# subject of its clause (`新台币今日收30.12元`, `人民币贬值至7.3元`) (then a short run of words of
# level or movement after 兑/汇率, and none that names what an amount is: `汇率波动导致损失3亿元` is money).
_EXCHANGE = re.compile(
    r"(?:兑(?![现付奖])|汇率|汇价|(?:新台币|台币|人民币|港币|美元|日元|日圆)(?:今天|今日|昨日|终场|盘中|一度|早盘|尾盘){0,2}"
    r"(?:升值|贬值|收报|收在|收|报))[^，,。；;：:\d（）()]{0,8}$")
# A unit of one currency set against another (`1美元约合7.1元人民币`, `以1美元兑32新台币`, `每1美元可兑换
# 7.8港元`): the verb of exchange between the two amounts.
_EXCHANGE_VERB = re.compile(r"\s*(?:可|能)?(?:兑换|兑|约合|折合|合|换)(?:成|为)?\s*")
_UNIT_VALUES = {1.0, 100.0}  # `1美元`, `100日元`: the units rates are quoted per
# Units per yuan of each currency, for telling a bare 元 from the conversion after it.
_PER_UNIT = {
    "CNY": [("TWD", 3.8, 5.0), ("HKD", 1.02, 1.2), ("JPY", 15, 25), ("USD", 0.12, 0.17)],
    "USD": [("TWD", 27, 35), ("CNY", 6.3, 7.5), ("HKD", 7.7, 7.9), ("JPY", 100, 170)],
}

_METRICS = [
    (r"租用|租金|租赁|每小时|/小时", "租金"),
    (r"市值", "市值"),
    (r"发行价格|发行价|招股价|发售价|承销价", "发行价"),
    (r"认购额|认购|申购|孖展", "认购额"),
    (r"成交额|成交金额", "成交额"),
    (r"入场费", "入场费"),
    (r"净资产", "净资产"),
    (r"目标价", "目标价"),
    (r"股价|收盘价|开盘价|收在|收报|报收|报价区间|报价|开盘|收盘|盘中", "股价"),
    (r"(?<![营创税吸接回征])收$", "股价"),  # `联发科收1,350元`: 收 right before the figure is the close
    (r"每股收益|每股盈余|每股盈利", "每股收益"),
    (r"注册资本", "注册资本"),
    (r"出资", "出资额"),
    (r"募资|募集资金|融资额|集资", "募资额"),
    (r"基金|大基金|资金支持|产业资金|资金计划|资金规模", "基金规模"),
    (r"投资额|投资|融资|注资|投入|斥资|入股|砸", "投资额"),
    (r"资本支出|资本开支", "资本支出"),
    (r"研发费用|研发投入|研发", "研发费用"),
    (r"补贴|补助", "补贴"),
    (r"罚款|罚金|罚", "罚款"),
    (r"年薪|起薪|薪资|月薪|薪酬|时薪", "薪资"),
    (r"净亏损|亏损", "净亏损"),
    (r"净利润|净利|利润|盈利", "净利润"),
    (r"营收|营业收入|收入|销售额|营业额", "营收"),
    (r"售价|价格|定价|单价|要价|开价|作价|电价|成本|卖", "售价"),
    (r"损失|减记|计提|撇帐|撇账", "损失"),
    (r"税|关税|分成", "税费"),
    (r"现金流", "现金流"),
    (r"收益", "收益"),
    (r"缺口", "缺口"),
    (r"估值", "估值"),
    (r"支付|付款|款项|交易额|交易金额|交易价值|收购|并购|价值", "交易额"),
    (r"订单", "订单额"),
    (r"市场规模|市场(?!预期|共识|预估|估计|人士|传闻)", "市场规模"),
    (r"外汇", "外汇"),
]
_METRIC_PATTERNS = [(re.compile(p), metric) for p, metric in _METRICS]
# Any metric word at all: one search standing for "does any of _METRIC_PATTERNS match" (but a bare 收
# before the figure, which is also how an exchange rate closes: `新台币终场收30.12元`).
_ANY_METRIC = re.compile("|".join(f"(?:{p})" for p, _ in _METRICS if not p.endswith("$")))

# Pre-filter: every amount that is not a bare figure has a currency word or sign (a key of
# _PREFIX_CURRENCIES or _SUFFIX_CURRENCIES) in its text, and a sentence whose amounts are all bare
# figures yields no claim and changes no currency memory. So a sentence without one is skipped outright
# (after noting the company it is about: `_remember_topic`).
_ANY_CURRENCY = re.compile(_alternation(set(_PREFIX_CURRENCIES) | set(_SUFFIX_CURRENCIES)))
_BRACKETS = re.compile(r"[()（）]")
_NAME_BEFORE = re.compile(r"[A-Za-z]\s?$")  # a letter just before a figure: `MI308`, `RTX 5090`
# A letter run after 每 is the unit a price is quoted per (`每GB 5美元`), not a name.
_PER_LETTERS = re.compile(r"每[A-Za-z]+\s?$")
_DATE_AFTER = re.compile(r"\s*(?:年|月|日|季|财年|财季|Q)")
_RATE_AFTER = re.compile(r"\s*(?:%|％|个百分点|倍|成)")
_CLAUSE_SPLIT = re.compile(r"[，,。；;：:]")
_PER_HOUR = re.compile(r"每(?:个|张卡|卡|GPU)?小时")
_CONVERSION_OPEN = re.compile(r"\s*[(（]\s*(?:约|约合|折合|合)?\s*")
_BRACKET_OPEN = re.compile(r"\s*[(（][^()（）]*")


@dataclass
class _Amount:
    """One figure with its currency as written: `code` is empty for a bare 元."""

    start: int
    end: int
    figure_start: int  # after a currency word and a hedge written before the figure (`人民币约3440亿元`)
    value: float
    code: str
    explicit: bool  # the currency is written out (not a bare 元)
    carries: bool  # `人民币28亿元`, `新台币1.5兆元`, `1800亿元人民币`: a later bare 元 continues this currency
    bare_figure: bool  # no currency at all: only the low side of a range or the start of a change
    big: float  # the big unit closing the figure (1e4, 1e8, 1e12), shared across a range
    approx: str  # 多/余 (more than), 来 (about)
    in_bracket: bool
    rate: str
    level: bool


def _carry(ctx: SentenceContext) -> dict:
    """What money remembers of the article read so far: the currency a bare 元 continues (`code`), and
    the currency a share was last quoted in (`listing`: `招股价19.6港元。…收报35.2元`)."""
    return ctx.memory.setdefault("money", {"code": "", "listing": "", "topic": ""})


# What a share is quoted at: prices in the currency of the market it is listed on. Hong Kong and Taiwan
# listings write the unit once (`19.6港元`) and the later prices of the same share as a bare 元.
_SHARE_METRICS = {"股价", "发行价", "目标价", "市值"}
_LISTING_CODES = {"HKD", "TWD"}
# The market a share is quoted on, named in the sentence before its price: the board, the exchange or
# the form of its code (`(00981)` and `.HK` in Hong Kong, six digits and `.SH` / `.SZ` on the mainland).
_MARKETS = [
    ("HKD", r"港股|H股|暗盘|\.HK|港交所|香港交易所|联交所|恒指|恒生指数|[(（]0\d{3,4}(?:\.HK)?[)）]"),
    ("TWD", r"台股|\.TW|台湾证券交易所|证交所|柜买中心|上柜|加权指数"),
    ("CNY", r"A股|科创板|创业板|沪市|深市|上交所|深交所|沪指|\.SH|\.SZ|[(（]\d{6}(?:\.S[HZ])?[)）]"),
    ("USD", r"美股|纳斯达克|那斯达克|纽交所|纽约证交所|道琼斯|标普"),
]
_MARKET = re.compile("|".join(f"(?P<{code}>{p})" for code, p in _MARKETS))


_CODE_FORM = re.compile(r"[(（]")


def _market_before(zh: str, pos: int) -> str:
    """The currency of the market named last before `pos`: a share's code anywhere before it in the
    sentence (`中芯国际(00981)…`), a board or an exchange only in its own clause (`台股收盘后，摩尔线程
    公布发行价每股114.28元` names Taiwan's market for the time of day, not for the share)."""
    clause_start = max((m.end() for m in _CLAUSE_SPLIT.finditer(zh, 0, pos)), default=0)
    last = None
    for m in _MARKET.finditer(zh, 0, pos):
        if m.start() >= clause_start or _CODE_FORM.match(m.group(0)) or m.group(0).startswith("."):
            last = m
    return last.lastgroup if last else ""


def _article_currency(ctx: SentenceContext) -> str:
    """The 元-type currency the article has named so far (empty at its start)."""
    return _carry(ctx)["code"]


def _big_unit(figure: str, mags: str) -> float:
    """The 万/亿/兆 magnitude that closes a figure: the part a range's other side may share."""
    tail = figure + mags
    for unit, scale in (("万亿", 1e12), ("兆", 1e12), ("亿", 1e8), ("万", 1e4), ("千", 1e3), ("仟", 1e3),
                        ("百", 1e2), ("佰", 1e2)):
        if tail.endswith(unit):
            return scale
    return 1.0


def _value(m: re.Match) -> float | None:
    figure = m.group("num").replace(" ", "")
    value = parse_number(figure)
    if value is None:
        return None
    if m.group("mag_a"):
        value *= _scale(m.group("mag_a"))
    if m.group("more"):  # 3兆8090亿: the rest in a smaller unit
        rest = (parse_number(m.group("more").replace(",", "")) or 0) * (_scale(m.group("mag_more")) if m.group("mag_more") else 1)
        if rest >= _scale(m.group("mag_a")):
            return None
        value += rest
    if m.group("mag_b"):
        value *= _scale(m.group("mag_b"))
    if m.group("jiao"):
        value += _coin(m.group("jiao")) / 10 + (_coin(m.group("fen")) / 100 if m.group("fen") else 0)
    return value


def _coin(digit: str) -> int:
    return int(digit) if digit.isdigit() else int(parse_number(digit) or 0)


def _scale(magnitude: str) -> float:
    return 1e12 if magnitude == "兆" else parse_number("1" + magnitude)


def _amounts(zh: str, dates: list = ()) -> list[_Amount]:
    """Every figure of the sentence that could be money, in order (none inside one of the `dates`
    found in it: the 1 of `12月1日元首会晤` is a day, not one yen)."""
    found = []
    depth_at = _bracket_depths(zh) if _BRACKETS.search(zh) else None
    for m in _AMOUNT.finditer(zh):
        pc, sc = m.group("pc"), m.group("sc")
        num = m.group("num")
        if not _is_figure(zh, m) or any(d.start <= m.start("num") < d.end for d in dates):
            continue
        value = _value(m)
        if value is None or value <= 0:
            continue
        code, explicit, scale = "", False, 1
        if pc:
            code, explicit = _PREFIX_CURRENCIES[pc], True
        elif sc:
            code, scale = _SUFFIX_CURRENCIES[sc]
            explicit = bool(code)
        found.append(_Amount(
            start=m.start(), end=m.end(), figure_start=m.start("num"), value=float(f"{value * scale:.12g}"),
            code=code, explicit=explicit,
            carries=explicit and code in _YUAN_TYPE and (bool(pc) or sc in _CURRENCY_NAMES),
            bare_figure=not (pc or sc), big=_big_unit(num, (m.group("mag_a") or "") + (m.group("mag_b") or "")),
            approx=m.group("approx") or "", in_bracket=depth_at is not None and depth_at[m.start()] > 0,
            rate=(m.group("rate") or "").strip(" /") if sc else "", level=bool(m.group("level")),
        ))
    return _drop_exchange_rates(zh, found)


def _is_figure(zh: str, m: re.Match) -> bool:
    """Whether the figure matched stands for an amount: not `数百亿`, not the 308 of `MI308` or `RTX 5090`,
    not an exchange rate (`兑人民币7.1`), not a year or a rate after a currency word, not a Chinese
    numeral beginning a word after one (`人民币一度`), not the idiom of a lone numeral before 元 (`三元锂电`)."""
    num, start = m.group("num"), m.start("num")
    arabic = num[0].isdigit()
    if num[0] in "十百千万" and _NO_FIGURE.search(zh[max(0, start - 2) : start]):
        return False
    if zh[m.end("num") : m.end("num") + 1] in ("几", "数"):  # `十几万元`, `一百几十亿`: no figure
        return False
    if arabic and not m.group("pc") and _NAME_BEFORE.search(zh[max(0, start - 2) : start]) \
            and not _PER_LETTERS.search(zh[max(0, start - 8) : start]):
        # the number of a name (`MI308`, `RTX 5090`, `AI 2.0元年`), unless a space parts the name from
        # a figure of 万/亿/兆 (`OpenAI 1000亿美元`): no model is numbered so
        big = any(ch in "万亿兆" for ch in (m.group("mag_a") or "") + (m.group("mag_b") or ""))
        if not (big and zh[start - 1].isspace()):
            return False
    if _after_exchange_rate(zh, m.start()):
        return False
    if not m.group("sc") and _DATE_AFTER.match(zh, m.end("num")):
        return False  # `人民币2025年…`: a date after a currency word, not an amount
    if not m.group("sc") and _RATE_AFTER.match(zh, m.end()):
        return False  # `人民币为3%`: a rate after a currency word, not an amount
    magnitude = m.group("mag_a") or m.group("mag_b")
    if not arabic and m.group("pc") and not m.group("sc") and not magnitude:
        return False  # `人民币一度贬值`, `美元三季`: a numeral that begins a word after the currency
    lone = not arabic and len(num) == 1 and not magnitude
    return not (lone and m.group("sc") == "元" and not m.group("pc"))


def _after_exchange_rate(zh: str, pos: int) -> bool:
    """Whether the figure at `pos` is the level of an exchange rate named just before it in its clause
    (`兑人民币7.1`, `汇率一度升至7.3元`), not an amount that the rate brought about (`汇率波动导致损失3亿元`)."""
    m = _EXCHANGE.search(zh, max(0, pos - 12), pos)
    return bool(m) and not _ANY_METRIC.search(m.group(0))


def _drop_exchange_rates(zh: str, amounts: list[_Amount]) -> list[_Amount]:
    """Without the two sides of a stated exchange rate: a round unit of one currency, a verb of
    exchange and the other currency (`1美元约合7.1元人民币`, `每1美元可兑换7.8港元`)."""
    dropped: set[int] = set()
    for i, unit in enumerate(amounts):
        if not (unit.value in _UNIT_VALUES and unit.big == 1 and unit.explicit):
            continue
        clause = _CLAUSE_SPLIT.split(zh[max(0, unit.start - 8) : unit.start])[-1]
        if _ANY_METRIC.search(clause):
            continue  # `售价1美元，约合…`: a price, and its conversion
        verb = _EXCHANGE_VERB.match(zh, unit.end)
        rest = zh[verb.end() :] if verb and verb.group(0).strip() else ""
        other = _AMOUNT.match(rest)
        if not other or (other.group("pc") or other.group("sc") or "") and _code_of(other) == unit.code:
            continue
        dropped.add(i)  # the other side may already be gone: a figure after 兑 is never an amount
        if i + 1 < len(amounts) and amounts[i + 1].start == verb.end():
            dropped.add(i + 1)
    return [a for i, a in enumerate(amounts) if i not in dropped]


def _code_of(m: re.Match) -> str:
    """The currency an amount match names (empty for a bare 元 or none)."""
    if m.group("pc"):
        return _PREFIX_CURRENCIES[m.group("pc")]
    return _SUFFIX_CURRENCIES[m.group("sc")][0] if m.group("sc") else ""


def _bracket_depths(zh: str) -> list[int]:
    depths, depth = [], 0
    for ch in zh:
        if ch in "(（":
            depth += 1
        depths.append(depth)
        if ch in ")）" and depth:
            depth -= 1
    depths.append(depth)
    return depths


def _convert_code(outer: _Amount, bracket: _Amount) -> str:
    """The currency of a bare-元 amount from the explicit conversion in brackets after it."""
    if bracket.code not in _PER_UNIT or not bracket.value:
        return ""
    ratio = outer.value / bracket.value
    for code, low, high in _PER_UNIT[bracket.code]:
        if low <= ratio <= high:
            return code
    return ""


def _resolve_currencies(ctx: SentenceContext, amounts: list[_Amount]) -> None:
    """Give every bare 元 its currency, and carry the last written-out 元-type currency on."""
    code = _article_currency(ctx)
    ahead_code = ""
    if not code and any(not a.code and not a.bare_figure for a in amounts):
        ahead = [a for a in _amounts(ctx.next_zh) if a.carries and not a.in_bracket] \
            if _ANY_CURRENCY.search(ctx.next_zh) else []
        ahead_code = ahead[0].code if ahead else ""
    # `1.2兆元(新台币，下同)`: the currency named for this amount and the ones after it.
    same_below = {m.start(): _SUFFIX_CURRENCIES[m.group(1)][0] for m in _SAME_BELOW.finditer(ctx.zh)}
    # 兆 for 10^12 is Taiwanese usage: a bare 兆元 is in New Taiwan dollars, and so are the other bare
    # 元 of its sentence (`股价收1,350元，市值突破2兆元`).
    taiwanese = "TWD" if any(not a.code and not a.bare_figure and a.big == 1e12 and "兆" in ctx.zh[a.start : a.end]
                             for a in amounts) else ""
    local = ""  # `52.5港元，目标价60元`: within its sentence a unit word of a 元-type currency carries too
    listing = _carry(ctx)["listing"]
    for i, a in enumerate(amounts):
        share = not a.bare_figure and not a.in_bracket and _metric(ctx.zh, a.start, a.end) in _SHARE_METRICS
        market = _market_before(ctx.zh, a.start) if share else ""
        if share and a.explicit:
            listing = a.code if a.code in _LISTING_CODES else ""
        elif market:
            listing = market if market in _LISTING_CODES else ""
        if a.carries and not a.in_bracket:
            code = a.code
        if a.explicit and a.code in _YUAN_TYPE and not a.in_bracket:
            local = a.code
        if a.end in same_below:
            code = a.code = a.code or same_below[a.end]
            a.explicit = True
        if a.code or a.bare_figure:
            continue
        following = amounts[i + 1] if i + 1 < len(amounts) else None
        converted = ""
        if following and following.in_bracket and not a.in_bracket and following.explicit:
            between = ctx.zh[a.end : following.start]
            if _CONVERSION_OPEN.fullmatch(between):
                converted = _convert_code(a, following)
        a.code = converted or local or market or (listing if share else "") or code or ahead_code or taiwanese or "CNY"
    _carry(ctx)["code"], _carry(ctx)["listing"] = code, listing


def _draft(ctx: SentenceContext, start: int, end: int, a: _Amount, value_max: float | None = None,
           from_value: float | None = None, hedge_at: int | None = None) -> Draft:
    zh = ctx.zh
    unit = a.code
    if a.rate:
        unit += "/hour"
    clause = _CLAUSE_SPLIT.split(zh[max(0, start - 25) : start])[-1]
    if _PER_HOUR.search(clause) and "/" not in unit:
        unit += "/hour"
    hedge = hedge_for(zh, start if hedge_at is None else hedge_at, end) or hedge_before(zh, a.figure_start)
    if not hedge and a.approx:
        hedge = "约" if a.approx == "来" else "超"
    if a.level:
        hedge = hedge or "约"
    metric = _metric(zh, start, end)
    if _expected(zh, a.figure_start, end):
        metric += "预期"
    return Draft(kind="money", start=start, end=end, subject=_subject(ctx, start, end),
                 metric=metric, value=a.value, value_max=value_max, unit=unit, hedge=hedge,
                 from_value=from_value, to_value=a.value if from_value is not None else None,
                 date=_date_for(ctx, start))


# An amount someone expects, estimates or guides toward, not one that was reported: the word in the
# figure's clause before it (`分析师预期的412亿美元`, `公司预计第三季度营收为540亿美元`, `指引为`) or
# right after it (`超过1.02美元的预期`). It is another metric (`营收预期`): an expectation and the
# result it is set against can both be true.
_EXPECTED_BEFORE = re.compile(r"(?:预期|预估|预计|预测|估计|估算|指引|展望|共识)[^，,。；;：:！？!?]{0,12}$")
_EXPECTED_AFTER = re.compile(r"\s*的?(?:市场|分析师|华尔街)?(?:预期|预估|预测|共识|估计)")


def _expected(zh: str, figure_start: int, end: int) -> bool:
    return bool(_EXPECTED_BEFORE.search(zh, max(0, figure_start - 24), figure_start)
                or _EXPECTED_AFTER.match(zh, end))


# A preposition before a name makes it the object of the clause, not what the clause is about
# (`向AMD支付`, `对高通罚款`, `据路透社`, `比英伟达`).
_PREPOSITION = re.compile(r"(?:向|对|对于|给|与|跟|同|从|自|比|较|据|根据|按|被|把|替|为|令)\s*$")
# Right after an amount, a product or company that the amount is the sales of (`31亿美元华为昇腾910C`),
# in a list or after the words that open one.
_NAME_AFTER_GAP = 1
_LIST_OPEN = re.compile(r"(?:、|包括|包含|主要由|其中|以及|和|及|：|:)\s*$")


def _subject(ctx: SentenceContext, start: int, end: int) -> str:
    """The entity the amount's clause is about: the last name in its own clause before it that is not
    the object of a preposition; else the name it is written before (`31亿美元华为昇腾910C、12亿美元…`);
    else the name that opens a clause of the sentence before it (the sentence's topic:
    `英伟达表示，受AMD竞争影响，营收降至300亿美元` is Nvidia's); else the nearest name before it that is
    no preposition's object (`拟向大基金出资215亿元` is not the fund's); else the company of the sentences
    before (`_remember_topic`)."""
    zh = ctx.zh
    names = [m for m in ctx.mentions if m.type in _SUBJECT_TYPES]
    clause_start = ctx.clause_bounds(start)[0]
    free = [m for m in names if m.end <= start and not _PREPOSITION.search(zh[max(0, m.start - 3) : m.start])]
    run, pos = [], end  # the names written right after the amount, one after another
    for m in names:
        if pos <= m.start <= pos + _NAME_AFTER_GAP:
            run.append(m)
            pos = m.end
    if run and _LIST_OPEN.search(zh[max(0, start - 4) : start]):
        products = [m for m in run if m.type in {"chip", "system"}]
        return (products or run)[-1].canonical
    own = [m for m in free if m.start >= clause_start]
    if own:
        joint = _joint(zh, [m for m in names if clause_start <= m.start and m.end <= start], start)
        return joint or own[-1].canonical
    openers = [m for m in free if start - m.end <= 60 and not zh[ctx.clause_bounds(m.start)[0] : m.start].strip()]
    if openers:
        return openers[-1].canonical
    nearest = [m for m in free if start - m.end <= 40]
    if nearest:
        return nearest[-1].canonical
    # A sentence that names no one continues the company the article last reported on
    # (`寒武纪发布半年报。…上半年实现营收28亿元，净利润…`), unless the amount is not a company's
    # (a market's size, a fund's or a plan's).
    if _metric(zh, start, end) in _NOT_A_COMPANYS:
        return ""
    if any(m.start >= clause_start and m.end <= start for m in names):
        return ""  # the clause names only a preposition's object: the actor is someone it does not name
    return _carry(ctx)["topic"]


_NOT_A_COMPANYS = {"市场规模", "基金规模", "缺口", "外汇", "税费", "金额"}
_TOPIC_TYPES = {"company", "fund"}


def _remember_topic(ctx: SentenceContext, drafts: list[Draft]) -> None:
    """The company a sentence is about, for the amounts of later sentences that name none: its money
    subject, else the first company or fund that opens one of its clauses (not a preposition's object)."""
    carry = _carry(ctx)
    companies = {m.canonical for m in ctx.mentions if m.type in _TOPIC_TYPES}
    named = [d.subject for d in drafts if d.subject in companies]
    if named:
        carry["topic"] = named[-1]
        return
    zh = ctx.zh
    for m in ctx.mentions:
        if m.type in _TOPIC_TYPES and not zh[ctx.clause_bounds(m.start)[0] : m.start].strip():
            carry["topic"] = m.canonical
            return


_TOGETHER = re.compile(r"合计|共计|总计|合共|加起来|加总|总共")
_NAME_JOINS = re.compile(r"\s*(?:、|和|与|及|以及|,|，)\s*")


def _joint(zh: str, own: list, start: int) -> str:
    """`微软、谷歌和亚马逊的资本支出合计超过3000亿美元`: the names listed before 合计 are one subject,
    joined by `;`."""
    if not _TOGETHER.search(zh, own[-1].end, start):
        return ""
    run = [own[-1]]
    for m in reversed(own[:-1]):
        if not _NAME_JOINS.fullmatch(zh, m.end, run[0].start):
            break
        run.insert(0, m)
    names = list(dict.fromkeys(m.canonical for m in run))
    return ";".join(names) if len(names) > 1 else ""


def _date_for(ctx: SentenceContext, start: int):
    """The period of an amount: the last date before it in its sentence, else one after it in its own
    clause (`营收467亿美元，去年同期为300亿`: the 去年同期 of the next clause is not the first figure's)."""
    before = [d for d in ctx.dates if d.start <= start and d.resolved]
    if before:
        return before[-1]
    clause_end = ctx.clause_bounds(start)[1]
    after = [d for d in ctx.dates if start < d.start < clause_end and d.resolved]
    return after[0] if after else None


def _metric(zh: str, start: int, end: int) -> str:
    """What the amount is: the metric word standing nearest before it (or just after it)."""
    before = zh[max(0, start - 25) : start]
    best, best_end = "", -1
    for pattern, metric in _METRIC_PATTERNS:
        for m in pattern.finditer(before):
            if m.end() > best_end:
                best, best_end = metric, m.end()
    if best:
        return best
    after = zh[end : end + 6]
    for pattern, metric in _METRIC_PATTERNS:
        if pattern.search(after):
            return metric
    return "金额"


def _shared_magnitude(low: _Amount, high: _Amount) -> float:
    """The bare low side of `七千到九千亿元`, `20至30亿美元` or `两~3百日元` takes the high side's closing
    unit when its own is smaller and below 万 (`八百到九百亿` is 800亿 to 900亿), as long as the range
    still rises (`9000至1万元` keeps its 9000)."""
    if low.big < min(high.big, 1e4) or (low.big == 1 and high.big > 1):
        if low.value * high.big <= high.value:
            return low.value * high.big
    return low.value


def extract(ctx: SentenceContext) -> list[Draft]:
    """Money claims of one sentence: ranges, changes, then single amounts (each figure used once)."""
    zh = ctx.zh
    if not _ANY_CURRENCY.search(zh):
        _remember_topic(ctx, [])
        return []  # bare figures at most: see _ANY_CURRENCY
    amounts = _amounts(zh, ctx.dates)
    if all(a.bare_figure for a in amounts):
        _remember_topic(ctx, [])
        return []
    _resolve_currencies(ctx, amounts)
    drafts: list[Draft] = []
    used: set[int] = set()
    for i, low in enumerate(amounts):
        if i in used or low.in_bracket:
            continue
        # The next figure outside brackets, and the bracketed ones (a conversion) before it.
        k = next((k for k in range(i + 1, len(amounts)) if not amounts[k].in_bracket), None)
        if k is None:
            break
        high = amounts[k]
        if high.bare_figure:
            continue
        pair = _increment(ctx, low, high) or _range(ctx, amounts, i, k) or _change(ctx, low, high)
        if pair:
            drafts.extend(pair)
            used.update((i, k))
            if len(pair) > 1:  # the converted range used the bracketed figures too
                used.update(j for j in range(i + 1, min(k + 2, len(amounts))) if amounts[j].in_bracket)
                used.update(j for j, a in enumerate(amounts)
                            if a.in_bracket and any(d.start <= a.start and a.end <= d.end for d in pair[1:]))
    _share_list_currency(zh, amounts, used)
    _compared_figures(zh, amounts, used)
    for i, a in enumerate(amounts):
        if i in used or a.bare_figure:
            continue
        draft = _draft(ctx, a.start, a.end, a)
        # `收入缩水近9亿美元`, `市值蒸发1000亿美元`: right after a verb of change, with no level reached,
        # the amount is by how much the metric moved, not the metric itself.
        verb = None if a.in_bracket else _BY_VERB.search(zh[max(0, a.start - 8) : a.start])
        if verb:
            draft.metric = _moved_by(draft.metric, verb.group("verb"))
        drafts.append(draft)
    drafts.sort(key=lambda d: d.start)
    _respectively(ctx, drafts)
    _remember_topic(ctx, drafts)
    return drafts


_SUBJECT_TYPES = {"company", "fund", "chip", "system", "agency", "org"}
# `分别为`, `分別是`, `分别达到`, `分别约为`: the figures after it go, in order, to the names before it.
_RESPECTIVELY = re.compile(r"分别(?:为|是|达到|达|约为|约|录得|实现|获得|占|有)?")


def _respectively(ctx: SentenceContext, drafts: list[Draft]) -> None:
    """`寒武纪、海光和摩尔线程的市值分别为6000亿元、3500亿元及3000亿元`: a list of amounts after 分别
    takes the subjects (and the dates: `2024年和2025年营收分别为…`) named before 分别 in its clause, in
    order, when there are as many of them as amounts; a later 分别 of the sentence with no names of its own
    continues the last ones (`…，估值分别为200亿元和150亿元`). Otherwise the subjects stay as found."""
    zh = ctx.zh
    previous: list[str] = []
    for m in _RESPECTIVELY.finditer(zh):
        listed = []
        pos = m.end()
        for d in drafts:
            if d.start < pos:
                continue
            gap = zh[pos : d.start]
            if listed and not _LIST_GAP.fullmatch(gap) or not listed and len(gap.strip()) > 6:
                break
            listed.append(d)
            pos = d.end
        if len(listed) < 2:
            continue
        clause_start = ctx.clause_bounds(m.start())[0]
        names, seen = [], set()
        for mention in ctx.mentions:
            if clause_start <= mention.start and mention.end <= m.start() and mention.type in _SUBJECT_TYPES \
                    and mention.canonical not in seen:
                names.append(mention.canonical)
                seen.add(mention.canonical)
        names = names or previous
        if len(names) == len(listed):
            previous = names
            for d, name in zip(listed, names):
                d.subject = name
        dates = [d for d in ctx.dates if clause_start <= d.start and d.end <= m.start() and d.resolved]
        if len(dates) == len(listed):
            for d, date in zip(listed, dates):
                d.date = date


def _share_list_currency(zh: str, amounts: list[_Amount], used: set[int]) -> None:
    """`分别为28亿、30亿和35亿美元`: the bare figures of a list take the currency of its last one
    (when they are written to the same magnitude)."""
    for k in range(len(amounts) - 1, 0, -1):
        last = amounts[k]
        if last.bare_figure or k in used:
            continue
        j = k - 1
        while j >= 0 and j not in used:
            item = amounts[j]
            if not item.bare_figure or item.in_bracket != last.in_bracket or item.big != last.big:
                break
            if not _LIST_GAP.fullmatch(zh, item.end, amounts[j + 1].start):
                break
            item.code, item.bare_figure = last.code, False
            item.rate, item.level = last.rate, last.level
            j -= 1


# What may follow a bare figure that continues an amount: the end of its clause, `的`, or the next item
# of a list (not a measure word: `1.2亿颗` is a count).
_FIGURE_ENDS = re.compile(r"\s*(?:[，,。；;）)、]|的|和|及|与|$)")
# A period or expectation that a figure is set against (`去年同期为300亿`, `高于市场预期的250亿`).
_COMPARED = re.compile(r"去年同期|上年同期|同期|上季|上一季|前一季|上季度|上年|去年|前年|一年前|预期|预估|预测")


def _compared_figures(zh: str, amounts: list[_Amount], used: set[int]) -> None:
    """A bare figure of 万/亿/兆 after an amount of its sentence takes that amount's currency when it
    is the next item of a list begun by it (`人民币28亿、30亿和35亿`) or stands in a clause that sets it
    against a period or an expectation (`营收467亿美元，去年同期为300亿`) or names what money it is
    (`营收2000亿美元，净利润800亿`), ending its clause (not a count: `出货量达1.2亿颗`, `用户数达1.2亿`)."""
    last = None
    for k, a in enumerate(amounts):
        if a.in_bracket:
            continue
        if not a.bare_figure:
            last = a
            continue
        if last is None or k in used or a.big < 1e4 or a.big != last.big and not _COMPARED.search(zh[:a.start]):
            continue
        if not _FIGURE_ENDS.match(zh, a.end):
            continue
        clause = _CLAUSE_SPLIT.split(zh[: a.start])[-1]
        listed = _LIST_GAP.fullmatch(zh, amounts[k - 1].end, a.start) and amounts[k - 1].code == last.code \
            and amounts[k - 1].big == a.big
        if listed or _COMPARED.search(clause) or _ANY_METRIC.search(clause):
            a.code, a.bare_figure, a.explicit = last.code, False, last.explicit
            last = a


def _range(ctx: SentenceContext, amounts: list[_Amount], i: int, k: int) -> list[Draft]:
    """`A 至 B` as one claim (and the bracketed conversions of both sides as another)."""
    low, high = amounts[i], amounts[k]
    gap = _RANGE_GAP.fullmatch(ctx.zh, low.end, high.start)
    if not gap or (low.explicit and high.explicit and low.code != high.code):
        return []
    if gap.group("and") and not _BETWEEN_END.match(ctx.zh, high.end):
        return []
    if k > i + 1 and not gap.group("conv"):
        return []
    code = low.code if low.explicit and not high.explicit else high.code
    low_value = _shared_magnitude(low, high) if low.bare_figure else low.value
    if low_value >= high.value or high.value > 1000 * low_value:  # not the two ends of one range
        return []
    side = _Amount(**{**high.__dict__, "value": low_value, "code": code, "approx": low.approx or high.approx})
    drafts = [_draft(ctx, low.start, high.end, side, value_max=high.value)]
    # `2000亿人民币(约285.3亿美元)至5000亿人民币(约713.4亿美元)`: the converted range as well.
    if k == i + 2 and k + 1 < len(amounts) and amounts[k + 1].in_bracket:
        a, b = amounts[i + 1], amounts[k + 1]
        if a.code == b.code and not a.bare_figure and a.value < b.value and \
                _BRACKET_OPEN.fullmatch(ctx.zh[high.end : b.start]):
            drafts.append(_draft(ctx, a.start, b.end, _Amount(**{**b.__dict__, "value": a.value}),
                                 value_max=b.value))
    # `30亿至40亿元人民币(约新台币129亿元至172亿元)`: the whole converted range in one bracket.
    elif k + 2 < len(amounts) and amounts[k + 1].in_bracket and amounts[k + 2].in_bracket:
        a, b = amounts[k + 1], amounts[k + 2]
        inner = _RANGE_GAP.fullmatch(ctx.zh, a.end, b.start)
        if inner and not inner.group("and") and not inner.group("conv") and not b.bare_figure and \
                _BRACKET_OPEN.fullmatch(ctx.zh[high.end : a.start]) and \
                (a.code == b.code or not (a.explicit and b.explicit)):
            a_value = _shared_magnitude(a, b) if a.bare_figure else a.value
            code = a.code if a.explicit and not b.explicit else b.code
            if a_value < b.value <= 1000 * a_value:
                drafts.append(_draft(ctx, a.start, b.end, _Amount(**{**b.__dict__, "value": a_value, "code": code}),
                                     value_max=b.value))
    return drafts


def _increment(ctx: SentenceContext, low: _Amount, high: _Amount) -> list[Draft]:
    """`营收增加20亿元至150亿元`: by how much (its own claim, metric `…增加额` / `…减少额`) and the level
    reached (the start figure worked out from the two)."""
    zh = ctx.zh
    verb = _BY_VERB.search(zh[max(0, low.start - 8) : low.start])
    if not verb or low.in_bracket or high.in_bracket or not re.fullmatch(r"\s*(?:至|到)\s*", zh[low.end : high.start]):
        return []
    if not (low.code == high.code or low.bare_figure):
        return []
    if low.bare_figure:  # `增加20至150亿元`: the first figure takes the second's magnitude and currency
        low = _Amount(**{**high.__dict__, "start": low.start, "end": low.end, "figure_start": low.figure_start,
                         "value": _shared_magnitude(low, high), "approx": low.approx})
    down = bool(_DOWN.search(verb.group("verb")))
    by = _draft(ctx, low.start, low.end, low)
    by.metric = _moved_by(by.metric, verb.group("verb"))
    start_value = high.value + low.value if down else high.value - low.value
    level = _draft(ctx, high.start, high.end, high,
                   from_value=float(f"{start_value:.12g}") if start_value > 0 else None)
    return [by, level]


def _moved_by(metric: str, verb: str) -> str:
    """The metric of an amount a metric moved by: `营收` after 减少 is `营收减少额`."""
    return (metric if metric != "金额" else "") + ("减少额" if _DOWN.search(verb) else "增加额")


def _change(ctx: SentenceContext, low: _Amount, high: _Amount) -> list[Draft]:
    """`从人民币1,223元拉高至1,835元`: the end figure, with the start in from_value.

    When the end figure has a date of its own (`从2026年的540亿美元成长至2029年的1890亿美元`) both stand."""
    zh = ctx.zh
    if not _CHANGE_GAP.fullmatch(zh, low.end, high.start):
        return []
    if not _CHANGE_FROM.search(zh[max(0, low.start - 13) : low.start]):
        return []
    if not (low.code == high.code or low.bare_figure and low.big > 1):  # `从千亿跌到790亿港元`
        return []
    if any(low.end <= d.start < high.start for d in ctx.dates):
        return []
    return [_draft(ctx, low.start, high.end, high, from_value=low.value, hedge_at=high.start)]
