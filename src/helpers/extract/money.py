"""Amounts of money: `171亿美元` (17,100,000,000 USD), `2.5万美元`, `超3000亿元`,
ranges (`2000亿元至5000亿元`), rates (`8美元/小时`, `每小时租用费用达到8美元`), with what the
amount is (`营收`, `售价`, `基金规模` …) and its hedge."""

from __future__ import annotations

import re

from .context import Draft, SentenceContext
from .hedges import hedge_for
from .numbers import ARABIC, CN_NUM, MAGNITUDE, parse_number

_CURRENCIES = [
    ("美元", "USD"), ("美金", "USD"), ("人民币", "CNY"), ("元人民币", "CNY"), ("港元", "HKD"), ("港币", "HKD"),
    ("新台币", "TWD"), ("台币", "TWD"), ("欧元", "EUR"), ("日元", "JPY"), ("韩元", "KRW"), ("元", "CNY"),
]
_CUR = "|".join(sorted((c for c, _ in _CURRENCIES), key=len, reverse=True))
_AMOUNT = rf"(?:(?:{ARABIC})\s*{MAGNITUDE}?|{CN_NUM})"
_MONEY = re.compile(
    rf"(?P<low>{_AMOUNT})\s*(?P<lowcur>{_CUR})?\s*(?:至|到|-|—|–|~|～)\s*(?P<high>{_AMOUNT})\s*(?P<cur>{_CUR})"
    rf"|(?P<single>{_AMOUNT})\s*(?P<cur1>{_CUR})(?P<rate>\s*/\s*(?:小时|时|月|年|卡时))?(?P<level>级)?"
    rf"|(?P<precur>新台币|台币|人民币|港币|港元|美元|美金|日元|欧元)\s*(?P<pre>{_AMOUNT})\s*元?"
)
_METRICS = [
    (r"租用|租金|租赁|每小时|/小时", "租金"),
    (r"市值", "市值"),
    (r"基金|大基金|募资规模|资金支持|产业资金", "基金规模"),
    (r"投资额|投资|融资|注资|募资", "投资额"),
    (r"年薪|起薪|薪资|月薪|薪酬", "薪资"),
    (r"营收|收入|销售额|营业额", "营收"),
    (r"售价|价格|定价|报价|单价|卖", "售价"),
    (r"利润|净利|盈利", "利润"),
    (r"损失|减记|计提|撇帐|撇账|亏损", "损失"),
    (r"订单", "订单额"),
    (r"市场规模|市场", "市场规模"),
    (r"外汇", "外汇"),
]


def _currency(word: str) -> str:
    return dict(_CURRENCIES).get(word, "")


def _metric(context: str) -> str:
    for pattern, metric in _METRICS:
        if re.search(pattern, context):
            return metric
    return "金额"


def extract(ctx: SentenceContext) -> list[Draft]:
    zh = ctx.zh
    drafts = []
    for m in _MONEY.finditer(zh):
        if m.group("pre"):
            raw, cur_word = m.group("pre"), m.group("precur")
            value, value_max = parse_number(raw), None
        elif m.group("single"):
            raw, cur_word = m.group("single"), m.group("cur1")
            value = parse_number(raw)
            value_max = None
        else:
            raw, cur_word = m.group("low"), m.group("cur")
            value, value_max = parse_number(m.group("low")), parse_number(m.group("high"))
            # 2000亿元至5000亿元 and 20亿至30亿美元: the magnitude of one side applies to both.
            if value is not None and value_max is not None and value_max / max(value, 1e-9) > 1000:
                magnitude = re.search(MAGNITUDE + "$", m.group("high").strip())
                if magnitude:
                    value = parse_number(m.group("low").strip() + magnitude.group(0))
        if value is None or value <= 0:
            continue
        before = zh[max(0, m.start() - 2) : m.start()]
        if re.search(r"数$|几$|上$", before):
            continue
        unit = _currency(cur_word)
        if m.group("rate") if m.group("single") else False:
            unit += "/hour" if "时" in m.group("rate") else "/" + m.group("rate").strip(" /")
        clause_start = max(0, m.start() - 25)
        context = zh[clause_start : m.end() + 4]
        per_hour = re.search(r"每小时|每个小时", zh[clause_start : m.start()])
        if per_hour and "/" not in unit:
            unit += "/hour"
        hedge = hedge_for(zh, m.start(), m.end())
        if m.group("level"):
            hedge = hedge or "约"
        subject = ctx.nearest_before(m.start(), {"company", "fund", "chip", "system", "agency", "org"}, limit=40)
        drafts.append(Draft(kind="money", start=m.start(), end=m.end(), subject=subject.canonical if subject else "",
                            metric=_metric(context), value=value, value_max=value_max, unit=unit, hedge=hedge,
                            date=ctx.date_for(m.start())))
    return drafts
