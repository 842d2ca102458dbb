"""Chip and system figures: compute, memory, bandwidth, cards per system, process node, ratios.

`FP16算力约256 TFLOPS`, `单颗容量达到128GB`, `带宽达到1.6TB/秒`, `支持8192张卡`,
`384颗昇腾芯片`, `7纳米`, `算力门槛从4800 TOPS降至2400 TOPS` (an export-rule
threshold), and ratios against another chip (`H20的两倍`, `H100的80%`,
`削减约70%`) with that chip in `relative_to`.
"""

from __future__ import annotations

import re

from .context import PRODUCT_TYPES, Draft, SentenceContext
from .hedges import hedge_for
from .numbers import ARABIC, CN_NUM, NUMBER, parse_number

SUBJECT_TYPES = PRODUCT_TYPES | {"company", "tech", "standard"}
_COMPUTE_UNITS = {"TFLOPS": "TFLOPS", "PFLOPS": "PFLOPS", "EFLOPS": "EFLOPS", "TOPS": "TOPS", "POPS": "POPS",
                  "ZFLOPS": "ZFLOPS", "GFLOPS": "GFLOPS"}
_PRECISION = re.compile(r"(FP4|FP6|FP8|FP16|BF16|FP32|TF32|FP64|INT8|INT4|MXFP8|MXFP4|HiF8|NVFP4)", re.IGNORECASE)

_COMPUTE = re.compile(
    rf"(?:({NUMBER})\s*(?:TFLOPS|PFLOPS|EFLOPS|TOPS)?\s*(?:到|至|-|~|～|—)\s*)?({NUMBER})\s*(TFLOPS|PFLOPS|EFLOPS|ZFLOPS|GFLOPS|TOPS|POPS)(?![A-Za-z])",
    re.IGNORECASE,
)
_BANDWIDTH = re.compile(rf"({ARABIC})\s*(GB|TB|PB|Gb|Tb)\s*(?:/\s*s|/\s*秒|每秒|/S)(?![A-Za-z])")
_MEMORY = re.compile(rf"({ARABIC})\s*(GB|TB)(?!\s*(?:/|每秒|ps))(?![A-Za-z])")
_NODE = re.compile(rf"({ARABIC}|{CN_NUM})\s*(纳米|奈米|nm)(?![A-Za-z])")
_CARDS = re.compile(
    rf"((?:{ARABIC})\s*万?|[一二两三四五六七八九十百千]+万?)\s*(张|块|颗|枚|片|个)?\s*(?:[A-Za-z][A-Za-z0-9]{{0,11}}\s?)?"
    r"(卡|GPU|NPU|芯片|加速卡|昇腾芯片|昇腾卡|昇腾|算力卡|显卡|(?=[，,。；;）)]))"
)
# Counts that are volumes (shipments, orders, purchases), not the size of a system.
_VOLUME = re.compile(r"出货|销量|销售|进口|出口|订单|订购|采购|购买|买了|买下|囤|库存|部署|交付|供应|获得|拿到|上万|数十万|数万|几|成千|累计")
_TPP = re.compile(rf"(?:TPP|总处理性能)[）)]?\s*(?:须|需|必须|应|已)?\s*(低于|高于|达到|超过|不超过|小于|大于|约为|约|为|在|≥|>=|<|>)?\s*({ARABIC})")
_TPP_THRESHOLD = re.compile(rf"门槛\s*(?:为|是|在)?\s*({ARABIC})(?!\s*(?:TOPS|TFLOPS|GB|亿|万|%))")
_RATIO_TIMES = re.compile(rf"的\s*(约|近|超过|超)?\s*({ARABIC}|[一二两三四五六七八九十]+|半)\s*倍")
_RATIO_PCT = re.compile(
    rf"(?:的)?\s*(?:性能|算力|水平|效果)?\s*的\s*(约|近|超过|超|仅|只有)?\s*({ARABIC})\s*%"
    rf"|(约|近|超过|超)?\s*({ARABIC})\s*%\s*的\s*(?:效果|性能|水平|算力)"
)
_RATIO_WORDS = re.compile(
    r"的\s*(?:性能|算力|水平)?\s*(?:的)?\s*(约|近|仅|只有)?\s*((?:[一二两三四五六七八九十]|\d+)分之(?:[一二两三四五六七八九十]|\d+)|[一二两三四五六七八九]成半?|一半|半数)"
)
_CUT = re.compile(rf"(?:性能|算力)?\s*(削减|降低|砍掉|阉割|缩减)了?\s*(约|近)?\s*({ARABIC})\s*%")


def _subject(ctx: SentenceContext, pos: int, exclude: set[str] = frozenset()) -> str:
    m = ctx.nearest_before(pos, PRODUCT_TYPES, limit=50, exclude=exclude)
    if m:
        return m.canonical
    m = ctx.nearest_before(pos, {"tech", "standard"}, limit=40, exclude=exclude)
    if m:
        return m.canonical
    if ctx.previous_products:
        candidates = [p for p in ctx.previous_products if p.canonical not in exclude]
        if candidates:
            return candidates[-1].canonical
    m = ctx.nearest_after(pos, PRODUCT_TYPES, limit=30, exclude=exclude)
    if m:
        return m.canonical
    m = ctx.nearest_before(pos, {"company"}, limit=50, exclude=exclude)
    return m.canonical if m else ""


def _precision(ctx: SentenceContext, pos: int) -> str:
    found = list(_PRECISION.finditer(ctx.zh[:pos]))
    return found[-1].group(1).upper().replace("HIF8", "HiF8") if found else ""


_MAYBE_SPEC = re.compile(r"FLOPS|TOPS|OPS|[GTP]B|[Gg]b|纳米|奈米|nm|卡|颗|张|块|枚|个|GPU|NPU|芯片|倍|%|成|分之|一半|半数|削减|降低",
                        re.IGNORECASE)


def extract(ctx: SentenceContext) -> list[Draft]:
    zh = ctx.zh
    if not _MAYBE_SPEC.search(zh):
        return []
    drafts: list[Draft] = []
    taken: list[tuple[int, int]] = []

    def add(d: Draft) -> None:
        if any(d.start < e and s < d.end for s, e in taken):
            return
        taken.append((d.start, d.end))
        drafts.append(d)

    # ---- compute, with thresholds written as a change (门槛从4800 TOPS降至2400 TOPS)
    computes = list(_COMPUTE.finditer(zh))
    skip_next = False
    for i, m in enumerate(computes):
        if skip_next:
            skip_next = False
            continue
        low = parse_number(m.group(1)) if m.group(1) else None
        value = parse_number(m.group(2))
        if value is None:
            continue
        value_max = None
        if low is not None and low < value:
            value, value_max = low, value
        unit = _COMPUTE_UNITS[m.group(3).upper()]
        clause_start, _ = ctx.clause_bounds(m.start())
        threshold = "门槛" in zh[max(0, m.start() - 20) : m.start()] or "阈值" in zh[max(0, m.start() - 20) : m.start()]
        nxt = computes[i + 1] if i + 1 < len(computes) else None
        if nxt is not None and re.search(r"(降|升|提高|调|放宽|收紧).{0,3}(至|到|为)\s*$", zh[m.end() : nxt.start()]) \
                and len(zh[m.end() : nxt.start()]) <= 10:
            to_value = parse_number(nxt.group(2))
            add(Draft(kind="spec", start=m.start(), end=nxt.end(),
                      subject="出口管制" if threshold else _subject(ctx, m.start()),
                      metric="算力门槛" if threshold else f"{_precision(ctx, m.start())}算力",
                      value=to_value, unit=unit, from_value=value, to_value=to_value,
                      hedge=hedge_for(zh, nxt.start(), nxt.end()), date=ctx.date_for(m.start())))
            skip_next = True
            continue
        precision = _precision(ctx, m.start())
        add(Draft(kind="spec", start=m.start(), end=m.end(),
                  subject="出口管制" if threshold else _subject(ctx, m.start()),
                  metric="算力门槛" if threshold else f"{precision}算力",
                  value=value, value_max=value_max, unit=unit, hedge=hedge_for(zh, m.start(), m.end())))

    for m in _BANDWIDTH.finditer(zh):
        value = parse_number(m.group(1))
        unit = {"GB": "GB/s", "TB": "TB/s", "PB": "PB/s", "Gb": "Gb/s", "Tb": "Tb/s"}[m.group(2)]
        near = zh[max(0, m.start() - 15) : m.start()]
        metric = "互联带宽" if re.search(r"互联|互连|NVLink|灵衢|UB|片间|卡间", near) else "带宽"
        add(Draft(kind="spec", start=m.start(), end=m.end(), subject=_subject(ctx, m.start()), metric=metric,
                  value=value, unit=unit, hedge=hedge_for(zh, m.start(), m.end())))

    for m in _MEMORY.finditer(zh):
        value = parse_number(m.group(1))
        near = zh[max(0, m.start() - 20) : m.start()]
        if re.search(r"HBM|高带宽内存", zh):
            metric = "HBM容量"
        elif re.search(r"显存", near):
            metric = "显存容量"
        else:
            metric = "内存容量"
        add(Draft(kind="spec", start=m.start(), end=m.end(), subject=_subject(ctx, m.start()), metric=metric,
                  value=value, unit=m.group(2), hedge=hedge_for(zh, m.start(), m.end())))

    for m in _NODE.finditer(zh):
        value = parse_number(m.group(1))
        if value is None or value > 100:
            continue
        company = ctx.nearest_before(m.start(), {"company"}, limit=40)
        add(Draft(kind="spec", start=m.start(), end=m.end(), subject=company.canonical if company else _subject(ctx, m.start()),
                  metric="制程", value=value, unit="nm", hedge=hedge_for(zh, m.start(), m.end())))

    for m in _CARDS.finditer(zh):
        raw = m.group(1).replace(" ", "")
        if not re.search(r"\d|[一二两三四五六七八九十]", raw):
            continue
        value = parse_number(raw)
        if value is None or value < 2 or not float(value).is_integer():
            continue
        measure, noun = m.group(2), m.group(3)
        if measure == "片":  # 出货量超30万片: volumes, not a system's size
            continue
        before = zh[max(0, m.start() - 6) : m.start()]
        if _VOLUME.search(before):
            continue
        if not noun:  # 15,488颗, with the noun left out: only for a system named just before
            system = ctx.nearest_before(m.start(), {"system"}, limit=25)
            if measure not in ("颗", "张") or system is None:
                continue
            noun = "卡" if measure == "张" else "芯片"
        unit = "cards" if noun in ("卡", "加速卡", "算力卡", "显卡", "昇腾卡") else "chips"
        if measure is None:  # 8卡昇腾集群, 16卡H100: the product follows
            if noun != "卡":
                continue
            follower = ctx.nearest_after(m.end(), PRODUCT_TYPES, limit=4)
            subject = follower.canonical if follower else _subject(ctx, m.start())
            if not follower and not re.match(r"[^，,。]{0,4}(集群|服务器|机柜|系统)", zh[m.end():]):
                continue
        else:
            subject = _subject(ctx, m.start())
        add(Draft(kind="spec", start=m.start(), end=m.end(), subject=subject, metric="卡数",
                  value=value, unit=unit, hedge=hedge_for(zh, m.start(), m.end())))

    # ---- export-control thresholds in TPP (总处理性能)
    for m in _TPP.finditer(zh):
        value = parse_number(m.group(2))
        if value is None or value < 100:
            continue
        hedge = {"低于": "不足", "小于": "不足", "<": "不足", "不超过": "不足", "高于": "超", "超过": "超",
                 "大于": "超", ">": "超", "≥": "超", ">=": "超", "约为": "约", "约": "约"}.get(m.group(1) or "", "")
        chip = ctx.nearest_before(m.start(), PRODUCT_TYPES, limit=4)  # H200的TPP约为15,832: the chip's own TPP
        if chip is not None:
            add(Draft(kind="spec", start=chip.start, end=m.end(), subject=chip.canonical, metric="TPP",
                      value=value, unit="TPP", hedge=hedge))
        else:
            add(Draft(kind="spec", start=m.start(), end=m.end(), subject="出口管制", metric="TPP门槛",
                      value=value, unit="TPP", hedge=hedge))
    if "TPP" in zh or "总处理性能" in zh:
        for m in _TPP_THRESHOLD.finditer(zh):
            value = parse_number(m.group(1))
            if value is not None and value >= 100:
                add(Draft(kind="spec", start=m.start(), end=m.end(), subject="出口管制", metric="TPP门槛",
                          value=value, unit="TPP", hedge=hedge_for(zh, m.start(1), m.end())))

    # ---- N块H100: a count of a named chip
    for mention in ctx.mentions:
        if mention.type != "chip":
            continue
        m = re.search(rf"((?:{ARABIC})\s*万?|[一二两三四五六七八九十百千]+万?)\s*(张|块|颗|枚)\s*$", zh[max(0, mention.start - 10) : mention.start])
        if m and not _VOLUME.search(zh[max(0, mention.start - 18) : mention.start - len(m.group(0))]):
            value = parse_number(m.group(1).replace(" ", ""))
            if value and value >= 2:
                start = mention.start - (len(zh[max(0, mention.start - 10) : mention.start]) - m.start())
                add(Draft(kind="spec", start=start, end=mention.end, subject=mention.canonical, metric="卡数",
                          value=value, unit="cards" if m.group(2) in ("张", "块") else "chips",
                          hedge=hedge_for(zh, start, mention.end)))

    # ---- ratios against another chip: X是H20的两倍 / H100的80% / 削减约70%
    for mention in ctx.mentions:
        if mention.type not in PRODUCT_TYPES:
            continue
        tail = zh[mention.end : mention.end + 32]
        aside = re.match(r"[（(][^）)]{0,16}[）)]", tail)  # 昇腾910C（3.2TB/s）的1.5倍
        skipped = aside.end() if aside else 0
        tail = tail[skipped : skipped + 16]
        m = _RATIO_TIMES.match(tail)
        pct = _RATIO_PCT.match(tail)
        words = _RATIO_WORDS.match(tail) if not (m or pct) else None
        cut = _CUT.match(tail) if not (m or pct or words) else None
        if not cut:
            cut = re.match(rf"的\s*(?:性能|算力)\s*(削减|降低|砍掉|缩减)了?\s*(约|近)?\s*({ARABIC})\s*%", tail)
        if m:
            times = 0.5 if m.group(2) == "半" else parse_number(m.group(2))
            value, hedge, end = times, {"约": "约", "近": "近", "超过": "超", "超": "超"}.get(m.group(1) or "", ""), m.end()
        elif pct:
            number = parse_number(pct.group(2) or pct.group(4))
            if number is None:
                continue
            word = pct.group(1) or pct.group(3) or ""
            value, hedge, end = number / 100, {"约": "约", "近": "近", "超过": "超", "超": "超"}.get(word, ""), pct.end()
        elif words:
            from .numbers import parse_percent

            share = parse_percent(words.group(2))
            if share is None:
                continue
            value, hedge, end = round(share / 100, 4), {"约": "约", "近": "近"}.get(words.group(1) or "", ""), words.end()
        elif cut:
            number = parse_number(cut.group(3))
            if number is None:
                continue
            value, hedge, end = round(1 - number / 100, 4), {"约": "约", "近": "近"}.get(cut.group(2) or "", ""), cut.end()
        else:
            continue
        if value is None:
            continue
        start = mention.start
        end += skipped
        clause = zh[max(0, start - 12) : start]
        metric = "算力" if "算力" in clause or "算力" in tail[:end] else "性能"
        if re.search(r"价格|售价|报价|单价|成本", clause):
            continue  # a price ratio is not a spec of the chip
        subject = _subject(ctx, start, exclude={mention.canonical})
        # The compared product is usually named before the ratio; if only later, take that.
        if not subject or subject == mention.canonical:
            later = ctx.nearest_after(mention.end + end, PRODUCT_TYPES, limit=30, exclude={mention.canonical})
            subject = later.canonical if later else ""
        add(Draft(kind="spec", start=start, end=mention.end + end, subject=subject, metric=metric,
                  value=value, unit="ratio", relative_to=mention.canonical, hedge=hedge))
    return drafts
