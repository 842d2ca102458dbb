"""Numbers as Chinese reporting writes them.

Arabic digits with thousands separators and magnitudes (`171亿`, `2.5万`,
`99万`), Chinese numerals (`三千`, `九十五`, `两`), percentages in every form
(`95%`, `百分之五十`, `五成`, `九成半`, `三分之一`), and the words that stand
for a figure (`腰斩` halves the earlier figure, `归零` is zero).
"""

from __future__ import annotations

import math
import re

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
# Tens in one character, as Taiwanese and Hong Kong papers write them: 廿 20, 卅 30, 卌 40
# (百分之卅五 is 35%, 廿二日 the 22nd).
CN_TENS = {"廿": "二十", "卅": "三十", "卌": "四十"}

# A number with an optional magnitude: 171亿, 2.5万, 1,500, 三千, 九十五, 百万亿, 99万.
ARABIC = r"\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
CN_NUM = rf"[{''.join(CN_DIGITS)}{''.join(CN_TENS)}十百千万亿萬億两兩点點佰仟]+"
MAGNITUDE = r"(?:千万亿|千萬億|万亿|萬億|千亿|千億|百亿|百億|十亿|十億|亿|億|千万|千萬|百万|百萬|十万|十萬|万|萬|千|仟|百|佰)"
NUMBER = rf"(?:(?:{ARABIC})\s*{MAGNITUDE}?|{CN_NUM})"

_MAGNITUDES = {
    "千万亿": 1e15, "千萬億": 1e15, "万亿": 1e12, "萬億": 1e12, "千亿": 1e11, "千億": 1e11, "百亿": 1e10, "百億": 1e10,
    "十亿": 1e9, "十億": 1e9, "亿": 1e8, "億": 1e8, "千万": 1e7, "千萬": 1e7, "百万": 1e6, "百萬": 1e6,
    "十万": 1e5, "十萬": 1e5, "万": 1e4, "萬": 1e4, "千": 1e3, "仟": 1e3, "百": 1e2, "佰": 1e2,
}


def _cn_section(s: str) -> float | None:
    """A Chinese numeral below 10,000: 九十五, 三千零五, 十二, 两百 (None for `两三千`, `七八十`).

    A last digit straight after 百 or 千 counts in the next lower unit, as speech says it:
    一百二 is 120 and 两千六 is 2600 (一百零二 is 102)."""
    total, digit, last_unit, smallest, zero = 0.0, None, 0, 10_000, False
    for ch in s:
        if ch in CN_DIGITS:
            if digit and CN_DIGITS[ch]:
                return None  # `两三千`, `七八十`: two digits side by side are a guess, not a figure
            digit = CN_DIGITS[ch]
            zero = ch in "零〇"
            if zero:
                last_unit = 0
        elif ch in CN_SMALL_UNITS:
            unit = CN_SMALL_UNITS[ch]
            if unit >= smallest:
                return None  # `十一十二`, `十七十八`: two figures side by side, not one
            # a unit straight after 零 counts one: 一千零十 is 1010, 一万零百一十一 is 10111
            count = 1 if digit is None or zero else digit
            total += count * unit
            digit, last_unit, smallest, zero = None, unit, unit, False
        else:
            return None
    if digit is not None:
        colloquial = last_unit >= 100 and s[-2] in "百佰千仟"
        total += digit * (last_unit // 10 if colloquial else 1)
    return total


def parse_cn_numeral(s: str) -> float | None:
    """Chinese numerals, with 万/亿 and a decimal point: 九十五 → 95, 三千亿 → 3e11, 一点五 → 1.5."""
    s = s.strip()
    for tens, spelled in CN_TENS.items():
        s = s.replace(tens, spelled)
    if not s:
        return None
    if len(s) > 1 and all(c in CN_DIGITS for c in s):
        # Read digit by digit (`二〇二五` is 2025) when it has a zero or three digits or more;
        # two digits alone (`两三`, `三五`) are a rough count, not a figure.
        if len(s) >= 3 or any(c in "零〇" for c in s):
            return float("".join(str(CN_DIGITS[c]) for c in s))
        return None
    for point in "点點":
        if point in s:
            whole, frac = s.split(point, 1)
            if not whole or not frac:
                return None  # `零点`, `点零`: half a figure
            w = parse_cn_numeral(whole) if len(whole) > 1 or whole not in "零〇" else 0.0
            digits = "".join(str(CN_DIGITS[c]) for c in frac if c in CN_DIGITS)
            if w is None or len(digits) != len(frac):
                return None
            return w + float(f"0.{digits}")
    total = 0.0
    rest = s
    for unit, scale in (("亿", 1e8), ("億", 1e8), ("万", 1e4), ("萬", 1e4)):
        if unit in rest:
            head, rest = rest.split(unit, 1)
            value = parse_cn_numeral(head) if head else 1.0
            if value is None:
                return None
            total = (total + value) * scale if total else value * scale
            total_scale = scale
            if rest in CN_DIGITS and CN_DIGITS[rest]:  # 三万五 is 35000, 一亿五 is 1.5亿
                return total + CN_DIGITS[rest] * scale / 10
            if rest:
                tail = parse_cn_numeral(rest)
                if tail is None:
                    return None
                return total + tail if tail < total_scale else None
            return total
    section = _cn_section(rest)
    return None if section is None else total + section


def parse_number(text: str) -> float | None:
    """A number as written, magnitude included: `171亿` → 1.71e10, `2.5万` → 25000, `九十五` → 95.

    None for what is not a usable figure (too long to be one, or not finite).
    """
    value = _parse_number(text)
    if value is None or not math.isfinite(value) or abs(value) > 1e18:
        return None
    return value


def _parse_number(text: str) -> float | None:
    text = text.strip().replace(" ", "")
    if len(text) > 40:
        return None
    match = re.fullmatch(rf"({ARABIC})({MAGNITUDE})?", text)
    if match:
        value = float(match.group(1).replace(",", ""))
        if match.group(2):
            value *= _MAGNITUDES[match.group(2)]
        return value
    if re.fullmatch(CN_NUM, text):
        return parse_cn_numeral(text)
    return None


# ------------------------------------------------------------ percentages

PERCENT = (
    rf"(?:(?:{ARABIC})\s*(?:%|％|个百分点)"
    rf"|百分之{CN_NUM}(?:点{CN_NUM})?"
    rf"|百分之(?:{ARABIC})"
    rf"|[一二两三四五六七八九]成[一二三四五六七八九半]|[一二两三四五六七八九十]成半?|\d+(?:\.\d+)?\s*成(?![员本为功立交长绩果分本品])"
    rf"|半壁江山|三分天下有其一"
    rf"|(?:{ARABIC}|{CN_NUM})分之(?:{ARABIC}|{CN_NUM})"
    rf"|半数|一半|过半|逾半|大半|零|0(?!\d))"
)


def parse_percent(text: str) -> float | None:
    """A share written any way, as a number from 0 to 100: `九成半` → 95, `三分之一` → 33.3."""
    value = _parse_percent(text)
    return value if value is not None and 0 <= value <= 100 else None


def _parse_percent(text: str) -> float | None:
    t = text.strip().replace(" ", "")
    if len(t) > 40:
        return None
    if t in ("零", "0"):
        return 0.0
    if t in ("半数", "一半", "过半", "逾半", "大半"):
        return 50.0
    match = re.fullmatch(rf"({ARABIC})(?:%|％|个百分点)", t)
    if match:
        return float(match.group(1).replace(",", ""))
    if t.startswith("百分之"):
        value = parse_number(t[3:])
        return value
    if t == "半壁江山":
        return 50.0
    if t == "三分天下有其一":
        return 33.3
    match = re.fullmatch(r"([一二两三四五六七八九十])成([一二三四五六七八九半])?", t)
    if match:
        tail = match.group(2)
        return CN_DIGITS.get(match.group(1), 10) * 10 + (5 if tail == "半" else CN_DIGITS.get(tail, 0) if tail else 0)
    match = re.fullmatch(r"(\d+(?:\.\d+)?)成", t)
    if match:
        return float(match.group(1)) * 10
    match = re.fullmatch(r"(.+)分之(.+)", t)
    if match:
        denominator, numerator = parse_number(match.group(1)), parse_number(match.group(2))
        if denominator and numerator is not None and numerator <= denominator:
            return round(numerator / denominator * 100, 1)
    return None
