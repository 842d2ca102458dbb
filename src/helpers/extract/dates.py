"""Dates as the articles give them, resolved no further than the text allows.

Absolute (`2025年7月15日`, `2025年4月`, `2025-07-15`), partial (`9月18日`,
year from the article's published date), relative (`今年5月份`, `去年12月`,
`三个月后` and `次月` after a dated sentence, `同一天`, `次日`), quarters
(`2024年Q4`, `2024年第四季度`) and fiscal periods (`2025财年`,
`2026财年第一季度`) kept as what they are: a fiscal period has a `period`
label and no calendar dates, because each company's fiscal calendar is its
own. Nothing finer than the text is invented: `2025年4月` is month precision.

The real-reporting forms of tests/gold/real/README.md: `日前` / `近日` / `近期`
(the 30 days up to the article's date, precision `approx`), `上周` / `本周`
(the calendar week), weekdays (`周二`, `周五（21日）`, `将于周三`: the coming
one), `前（3）日`, quarters with no year (`一季度`, `第二季后`: the quarter
after), cumulative periods (`前三季度`, `1-9月`: from 1 January), dekads
(`6月下旬`, `今年6月下旬`: 21st to the month's end), `年底` / `年初` (the year), `即日`,
half-years with or without a year (`今年上半年`, `下半年`: precision `half`), `同年` (the year of the
date just given), headline `昨起` / `今起` / `明日起` (yesterday, today, tomorrow), `下周` / `下月` (the week or month after the article's), and a year that heads a
document number (`公告2023年第12号`) is no date.

Numerals and ranges: years, months and days in Chinese numerals (`二〇二五年三月四日`, `九月下旬`,
`十二月月底`); two-digit years before a month, a quarter or a part of the year (`24年3月`, `25年第三季度`,
`19年底`, `五八年前七个月`: the century nearest the article's year), or standing alone (`24年，`); a
range's second end or a list's next item takes the first's year and month (`2025年8月至11月`,
`4月12-19日`, `12月九号到十五号`, `3月、5月`, `9月10号，11号`), and `2020至2025年` gives its bare first
year the 年 of the second. Relative to the article's date: `上季度` / `本季度` / `下季度` (after a quarter
just given, the one before that quarter), `上个月15号`, `下月九号`, `上上周`, `下周六`, `后天`, `本日`,
`今明两年`, `上一年` (not `上一年度`, a base of reckoning), counts back (`两年前`: the year, `12个月前`: the
month, `3周前`: the day) and, with no date before them in the article, counts forward (`20天后`, `三周后`).

A month and day (or a month) with no year are the occurrence nearest the article's date, within six
months (tests/gold/real/README.md); when the sentence looks ahead (`将于1月7日`), the coming one within
six months; when it tells the act as done before the article (`已于`, `早在`, `以来`), the last one begun.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass, replace

from .numbers import parse_number


@dataclass(frozen=True)
class DateRef:
    """A resolved date expression inside a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    text: str
    date_start: str = ""
    date_end: str = ""
    precision: str = ""  # day, week, dekad, month, quarter, half, year, fiscal_year, fiscal_quarter, approx
    period: str = ""
    inferred: bool = False
    relative: bool = False  # resolved against an earlier date in the article

    @property
    def resolved(self) -> bool:
        return bool(self.date_start or self.period)


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _month_range(year: int, month: int) -> tuple[str, str]:
    last = calendar.monthrange(year, month)[1]
    return _iso(dt.date(year, month, 1)), _iso(dt.date(year, month, last))


def _quarter_range(year: int, q: int) -> tuple[str, str]:
    start = dt.date(year, 3 * q - 2, 1)
    end_month = 3 * q
    return _iso(start), _iso(dt.date(year, end_month, calendar.monthrange(year, end_month)[1]))


# The thirds of a month: 上旬 days 1-10, 中旬 11-20, 下旬 21 to the month's end.
_DEKADS = {"上旬": (1, 10), "中旬": (11, 20), "下旬": (21, 31)}


def _month_or_dekad(base: "DateRef", year: int, month: int, suffix: str, **kw) -> "DateRef":
    """A month, or the dekad of it the text names (`6月下旬`: 21-30 June, precision `dekad`)."""
    s, e = _month_range(year, month)
    if suffix in _DEKADS:
        first, last = _DEKADS[suffix]
        last = min(last, calendar.monthrange(year, month)[1])
        return replace(base, date_start=_iso(dt.date(year, month, first)), date_end=_iso(dt.date(year, month, last)),
                       precision="dekad", **kw)
    return replace(base, date_start=s, date_end=e, precision="month", **kw)


def _year_range(base: "DateRef", year: int, **kw) -> "DateRef":
    """A whole calendar year (also `年底`, `年初`: the year, precision `year`)."""
    return replace(base, date_start=f"{year}-01-01", date_end=f"{year}-12-31", precision="year", **kw)


def _half(base: "DateRef", year: int, first: bool) -> "DateRef":
    """上半年 / 下半年 of `year`: precision `half`, period `2025-H1`."""
    s = _iso(dt.date(year, 1 if first else 7, 1))
    e = _iso(dt.date(year, 6, 30) if first else dt.date(year, 12, 31))
    return replace(base, date_start=s, date_end=e, precision="half", period=f"{year}-H{1 if first else 2}")


def _week_of(base: "DateRef", day: dt.date, **kw) -> "DateRef":
    """The calendar week (Monday to Sunday) holding `day`, precision `week`."""
    monday = day - dt.timedelta(days=day.weekday())
    return replace(base, date_start=_iso(monday), date_end=_iso(monday + dt.timedelta(days=6)), precision="week", **kw)


def _ym(d: dt.date) -> tuple[int, int]:
    return d.year, d.month


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _num(s: str) -> int | None:
    value = parse_number(s)
    return int(value) if value is not None and float(value).is_integer() else None


_CN_SMALL = r"[0-9一二三四五六七八九十两]{1,3}"
_Q = r"(?:Q([1-4])|第?([一二三四1-4])季度?|第?([一二三四1-4])季|(首)季度?)"
# Months and days in Chinese numerals (`二〇二五年三月四日`, `十二月二十日`).
_CN_MONTH = r"十[一二]|[一二三四五六七八九十]"
_CN_DAY = r"三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"
_MONTH = rf"(\d{{1,2}}|{_CN_MONTH})"
_DAY = rf"(\d{{1,2}}|{_CN_DAY})"
# What may follow a two-digit year (`24年3月`, `25年第三季度`, `19年底`, `五八年前七个月`): a two-digit
# figure before 年 is a year only then (`成立24年`, `24年前` are counts of years).
_Y2_NEXT = (r"\s*年\s*(?:(?:\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月|第?[一二三四1-4]\s*季|Q[1-4]|首季|[上下]半年"
            r"|年?[底初末]|前[一二三四五六七八九十两\d]{1,3}个?[月季])")
# A year: four digits (Arabic or Chinese, `二〇二五`), or two before a month, quarter or part of the year.
_YEAR = (rf"((?:19|20)\d{{2}}|(?<![\d.])\d{{2}}(?={_Y2_NEXT})|[零〇○一二三四五六七八九]{{4}}"
         rf"|(?<![零〇○一二三四五六七八九十])[零〇○一二三四五六七八九]{{2}}(?={_Y2_NEXT}))")
_YEAR4 = r"((?:19|20)\d{2}|[零〇○一二三四五六七八九]{4})"
# Between the two ends of a range of dates (`8月至11月`, `4月12-19日`, `2018年2——4月`).
_JOIN = r"(?:至|到|~|～|－|-|–|—{1,2})"

# A cumulative period from 1 January: 前三季度 (to the end of Q3), 前五个月, 1-9月 (a month range).
_CUMULATIVE = (r"(?:前(?P<cq>[一二三四两1-4])个?季度?|前(?P<cm>[一二三四五六七八九十两\d]{1,3})个?月"
               rf"|(?P<r1>\d{{1,2}}|{_CN_MONTH})\s*(?:月\s*)?{_JOIN}\s*(?P<r2>\d{{1,2}}|{_CN_MONTH})\s*月(?:份)?(?![\d日号號]))")
# A quarter with no year (一季度, 第四季, Q2), optionally `…后` (after it: the next quarter).
_BARE_QUARTER = r"(?<![\d.年财財FY第每上下本这])(?:第([一二三四1-4])季度?|([一二三四1-4])季度|Q([1-4])(?![\d]))(之?后|之?後|以后|以後)?"
# A recent, unstated day: 日前, 近日, 近期, 最近几周 — the 30 days up to the article's date (最近 alone
# is too loose: 最近，… opens many a background sentence).
_APPROX = (r"(?<![\d一二三四五六七八九十节節生止期作末当當该該本每前])(?:日前|近日|近期|最近几周|最近几天|前几天|前些天|前些日子|近几周|近几天)"
           r"(?![将將内內有会會可])")

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("fiscal", re.compile(rf"(?:{_YEAR}\s*(?:财年|財年|会计年度|會計年度)|FY\s*((?:19|20)?\d{{2}}))(?:\s*{_Q})?")),
    ("iso_day", re.compile(r"(?<!\d)((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")),
    # (a day before a range's dash ends without its 日: `2019年4月12-19日`)
    ("ymd", re.compile(rf"{_YEAR}\s*年\s*{_MONTH}\s*月\s*{_DAY}\s*(?:[日号號]|(?=\s*{_JOIN}\s*\d{{1,2}}\s*[日号號]))")),
    ("year_cumulative", re.compile(rf"{_YEAR}\s*年\s*{_CUMULATIVE}")),
    ("year_quarter", re.compile(rf"{_YEAR}\s*年?\s*{_Q}")),
    ("year_half", re.compile(rf"{_YEAR}\s*年\s*(上半年|下半年)")),
    ("ym", re.compile(rf"{_YEAR}\s*年\s*{_MONTH}\s*月(?:份)?(初|中旬|上旬|下旬|底|末|月底|月初|月末)?(?!\s*[内来间])")),
    ("year_edge", re.compile(rf"{_YEAR}\s*年\s*(初|底|末|年初|年底|年末)")),
    # A year, unless it heads a document number (某部委公告2023年第12号).
    ("year", re.compile(rf"{_YEAR4}\s*年(?!\d|\s*第\s*\d+\s*[号號])(?:全年)?")),
    # A two-digit year standing alone (`24年，`); and a bare year before a range's second end (`2020至2025年`).
    ("year2_bare", re.compile(r"(?:^|(?<=[在于自从至到，,。；;\s]))(\d{2})年(?=$|[，,。；;]|起)")),
    ("year_lead", re.compile(rf"((?:19|20)\d{{2}})(?=\s*{_JOIN}\s*(?:(?:19|20)?\d{{2}})\s*年)")),
    ("this_next_year", re.compile(r"今明两年|今明年")),
    ("rel_year_month_day", re.compile(rf"(今年|去年|明年|前年)\s*(\d{{1,2}}|{_CN_SMALL})\s*月\s*(\d{{1,2}}|{_CN_SMALL})\s*[日号號]")),
    ("rel_year_month", re.compile(rf"(今年|去年|明年|前年)\s*(\d{{1,2}}|{_CN_SMALL})\s*月(?:份)?(初|中旬|上旬|下旬|底|末)?")),
    ("rel_year_cumulative", re.compile(rf"(今年|去年|明年|前年)\s*{_CUMULATIVE}")),
    ("rel_year_quarter", re.compile(rf"(今年|去年|明年|前年){_Q}")),
    ("rel_year_edge", re.compile(r"(今年|去年|明年|前年)(初|底|末|年初|年底|年末)")),
    ("rel_year", re.compile(r"(今年|去年|明年|前年|上一年(?!度))(上半年|下半年)?")),
    ("same_year_md", re.compile(r"同年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]")),
    ("same_year_quarter", re.compile(rf"同年\s*{_Q}")),  # 同年第4季: that quarter of the year just given
    ("same_year_m", re.compile(r"同年\s*(\d{1,2})\s*月")),
    ("next_year_md", re.compile(r"(?:隔年|翌年|次年|第二年)\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]")),
    ("next_year_m", re.compile(r"(?:隔年|翌年|次年|第二年)\s*(\d{1,2})\s*月")),
    ("that_year_edge", re.compile(r"(?:当年|當年|同年)\s*(年初|年底|年末|底|初)")),
    # 今（24）日, 前（3）日, 昨(5)日: the day of the month in brackets.
    ("today_paren", re.compile(r"[今前昨]\s*[（(]\s*(\d{1,2})\s*[）)]\s*日")),
    ("this_month_day", re.compile(r"本月\s*(\d{1,2})\s*[日号號]")),
    # 上个月15号, 下月九号: a day of the month before or after the article's.
    ("rel_month_day", re.compile(rf"(上个?月|上個月|上一个?月|下个?月|下個月|下一个?月)\s*{_DAY}\s*[日号號]")),
    ("same_month_day", re.compile(r"(?:同月|当月|當月)\s*(\d{1,2})\s*[日号號]")),
    ("month_day", re.compile(rf"(?<![\d年一二三四五六七八九十])(\d{{1,2}}|(?<![两几数个每近前后上下本这那第首当同次翌])(?:{_CN_MONTH}))"
                             rf"\s*月\s*{_DAY}\s*(?:[日号號]|(?=\s*{_JOIN}\s*\d{{1,2}}\s*[日号號]))")),
    # 周二, 上周五, 周五（21日）: a weekday, with the day of the month in brackets when the text gives it.
    ("weekday", re.compile(r"(本周|这周|上上周|上周|上个?星期|上个?礼拜|本星期|这个?星期|下周|下个?星期|下个?礼拜|星期|周|礼拜)"
                           r"(?:周|星期)?([一二三四五六日天])(?!年|月)"
                           r"(?:\s*[（(]\s*(\d{1,2})\s*[日号]?\s*[）)])?")),
    # A day of the month standing alone (`31日约谈`, `二十一日…通过`): 日 is a date unless a duration
    # or another word follows (`30日内`, `5日均线`, `日前`); 号 only before words that date an act.
    ("day_only", re.compile(r"(?<![\d月年第每周今昨明前次翌当同隔])(\d{1,2})\s*日(?![前内后本元圆期均间线子常益])"
                            r"|(?<![\d月年第])(\d{1,2})\s*[号號](?=$|[，,、。\s）)]|当天|晚|早|凌晨|上午|下午|盘后|在|宣布|表示|发布|公布|起|电|称|说|指出|透露|对|于|将|正式|召开|举行|发出|证实|披露)"
                            r"|(?:^|(?<=[，,。；;\s）)」”]))(二十[一二三四五六七八九]?|三十一?|十[一二三四五六七八九]?|[一二三四五六七八九])日(?![前内后本元期均间线子常])"
                            # (after a subject, a day in numerals before the verb it dates: 某部委十四日批准)
                            r"|(?<![\d一二三四五六七八九十两几数个每近前后上下本这那第首当同次翌余多半])(二十[一二三四五六七八九]?|三十一?|十[一二三四五六七八九]?)日"
                            r"(?=\s*(?:晚间|晚上|上午|下午|凌晨|早上|正式|宣布|表示|发布|公布|公告|召集|召开|举行|批准|允许|通过|起|还|也|在|于|对|向|将|已|再|又))"
                            rf"|(?<=[至到~～\-－—])\s*({_CN_DAY})\s*[日号號]")),
    ("this_week", re.compile(r"本周|这周|这个星期|本星期")),
    ("week_before_last", re.compile(r"(?:上上周|上上个?星期|上上个?礼拜)(?![一二三四五六日天])")),
    ("last_week", re.compile(r"(?:上一?周|上一?个?星期|上一?个?礼拜)(?![一二三四五六日天])")),
    # 上季度, 本季度, 下个季度: the quarter before, of or after the article's date.
    ("rel_quarter", re.compile(r"(?<![\d一二三四])(上|本|这|下)(?:一个|一|个)?季度?(?!节)")),
    ("cumulative", re.compile(_CUMULATIVE)),
    ("quarter", re.compile(_BARE_QUARTER)),
    ("year_edge_bare", re.compile(r"(?<![\d今去明前同当當])(?:年底|年初|年末)")),
    ("approx", re.compile(_APPROX)),
    # 两天前, 3周前, 12个月前, 两年前: counted back from the article's date (天: or from the day just given).
    ("days_ago", re.compile(rf"({_CN_SMALL})\s*(天|个星期|個星期|星期|个礼拜|礼拜|周|週|个月|個月|年)前|前天|大前天")),
    ("next_year", re.compile(r"次年|翌年|第二年")),
    ("same_year", re.compile(r"同年(?![初底末\d一二三四五六七八九十])")),  # the year of the date just given
    ("half_bare", re.compile(r"(?<![\d年今去明前同当當])(上半年|下半年)")),  # the article's year (or the last one begun)
    ("this_month", re.compile(r"本月(?:初|中旬|上旬|下旬|底|稍早|早些时候)?|这个月")),
    ("last_month", re.compile(r"上月|上一?个月|上一?個月")),
    ("coming_month", re.compile(r"下月|下一?个月|下一?個月")),  # the month after the article's
    ("next_week", re.compile(r"下周|下週|下个?星期|下礼拜")),  # the calendar week after the article's
    ("yesterday", re.compile(r"昨日|昨天|昨晚|昨夜|昨早|昨(?=起)")),  # 昨起: a headline's "from yesterday"
    ("tomorrow", re.compile(r"(?:明日|明天)(?!之)|明(?=起)")),  # the day after the article's (明日起招股)
    # (今16时: today at an hour)
    ("today", re.compile(r"今日|今天|今晨|今早|即日|本日|(?<![如而至迄])今(?=起)|(?<![如而至迄])今(?=\s*\d{1,2}\s*[时時点點])")),
    ("day_after_tomorrow", re.compile(r"(?<![之以然最此前先落])后天(?![的性然补养形习努因环培])")),  # 自即日起: from the article's day
    ("month", re.compile(r"(?<![\d年])(\d{1,2})\s*月(?:份)?(初|中旬|上旬|下旬|底|末|月底|月初|月末)?(?![\d日号號])")),
    # 九月下旬, 十二月月底: a month in Chinese numerals, not a count of months (两月, 近一月, 每月).
    ("cn_month", re.compile(rf"(?<![\d年一二三四五六七八九十两几数个每近前后上下本这那第首当同次翌])({_CN_MONTH})月(?:份)?"
                            r"(初|中旬|上旬|下旬|底|末|月底|月初|月末)?(?![\d日号號一二三四五六七八九十内来间])")),
    ("after", re.compile(rf"({_CN_SMALL}|半)\s*(个月|個月|天|日|个星期|個星期|星期|个礼拜|礼拜|周|週|年)(?:之?后|之?後|过后|過後)"
                         rf"|(?:此后|此後|再过|再過)\s*({_CN_SMALL}|半)\s*(个月|個月|天|日|个星期|個星期|星期|周|週|年)")),
    ("same_day", re.compile(r"同一天|同日|当天|當天|当日|當日")),
    ("next_day", re.compile(r"次日|第二天|翌日|隔天")),
    ("previous_day", re.compile(r"前一日|前一天")),
    ("next_month", re.compile(r"次月|翌月")),
    ("same_month", re.compile(r"同月|当月|當月")),
]

# Pre-filters for _PATTERNS: a pattern can match only a sentence holding one of its pieces (every
# alternative of the pattern contains one of them); patterns not named here are always run.
_NEEDS: dict[str, tuple[str, ...]] = {
    "fiscal": ("财年", "財年", "会计年度", "會計年度", "FY"),
    "ymd": ("年",), "year_cumulative": ("年",), "year_half": ("年",), "ym": ("年",), "year_edge": ("年",),
    "year": ("年",), "year2_bare": ("年",), "year_lead": ("年",), "this_next_year": ("今明",),
    "rel_month_day": ("月",), "week_before_last": ("上上",), "rel_quarter": ("季",), "day_after_tomorrow": ("后天",),
    "cn_month": ("月",), "rel_year_month_day": ("年",), "rel_year_month": ("年",), "rel_year_cumulative": ("年",),
    "rel_year_quarter": ("年",), "rel_year_edge": ("年",), "rel_year": ("年",),
    "same_year_md": ("同年",), "same_year_m": ("同年",), "same_year_quarter": ("同年",), "next_year_md": ("年",), "next_year_m": ("年",),
    "that_year_edge": ("年",), "today_paren": ("日",), "this_month_day": ("本月",), "same_month_day": ("月",),
    "month_day": ("月",), "weekday": ("周", "星期", "礼拜"), "day_only": ("日", "号", "號"),
    "this_week": ("周", "星期"), "last_week": ("上",), "cumulative": ("季", "月"), "quarter": ("季", "Q"),
    "year_edge_bare": ("年",), "approx": ("日", "天", "周", "近期"), "days_ago": ("天", "前"), "next_year": ("年",),
    "same_year": ("同年",), "half_bare": ("半年",), "this_month": ("月",), "last_month": ("月",),
    "coming_month": ("月",), "next_week": ("下",), "yesterday": ("昨",), "tomorrow": ("明",), "today": ("今", "即日", "本日"), "month": ("月",),
    "after": ("月", "天", "日", "周", "週", "星期", "礼拜", "年"), "same_day": ("天", "日"), "next_day": ("日", "天"),
    "previous_day": ("前一",), "next_month": ("月",), "same_month": ("月",),
}
_GATED_PATTERNS = [(kind, pattern, frozenset(_NEEDS.get(kind, ()))) for kind, pattern in _PATTERNS]
_PIECES = frozenset(piece for needs in _NEEDS.values() for piece in needs)


@functools.lru_cache(maxsize=1024)
def _patterns_for(present: frozenset[str]) -> list[tuple[str, re.Pattern[str]]]:
    """The patterns, in order, that can match a sentence holding just the `present` pieces of _NEEDS."""
    return [(kind, pattern) for kind, pattern, needs in _GATED_PATTERNS if not needs or not needs.isdisjoint(present)]

# (起实施 / 起生效: a measure taking effect from a day is announced ahead of it)
_FUTURE = re.compile(r"起(?:实施|實施|施行|生效|执行|執行)|将于|将在|将会|将要|將於|將在|將會|將要|即将|即將|预计|預計|计划|計劃|拟于|擬於|有望|预定|預定|定于|定於")

# Words that tell an act as done before the article (美方已于3月批准…, 早在1月…, 3月以来): a partial date is then
# the last such date, not a coming one.
_DONE = re.compile(r"已于|已於|已在|已经于|已經於|曾于|曾於|曾在|早在|此前已|先前已|以来|以來|至今|迄今")

# Every date pattern needs one of these: a cheap test before running them all.
_MAYBE_DATE = re.compile(r"[年月日号號季天周週晚]|今\s*\d{1,2}\s*[时時点點]|[昨今明]起|财年|財年|FY|Q[1-4]|近期|最近几|星期|礼拜|\d{4}[-/.]\d{1,2}")


def _published_year(published: dt.date | None) -> int | None:
    return published.year if published else None


def _year_offset(word: str) -> int:
    return {"今年": 0, "去年": -1, "明年": 1, "前年": -2, "上一年": -1}[word]


def _quarter(m: re.Match[str], first_group: int, groups: int = 4) -> int | None:
    """The quarter of the `groups` groups of _Q (or _BARE_QUARTER) from `first_group` on (首季度 is Q1)."""
    for g in range(first_group, first_group + groups):
        if m.group(g):
            return 1 if m.group(g) == "首" else _num(m.group(g))
    return None


_CN_DIGIT_VALUES = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "○": 0}  # (○, a circle, stands for 〇 in some pages)


def _year(text: str, published: dt.date | None) -> int:
    """A year as written: four digits (`2025`, `二〇二五`) or two (`24`, `九零`), which take the century
    that puts them nearest the article's year (nearest 2000 with no article date; a tie goes back)."""
    digits = "".join(str(_CN_DIGIT_VALUES.get(c, c)) for c in text)
    n = int(digits)
    if len(digits) == 4:
        return n
    ref = published.year if published else 2000
    return min((c * 100 + n for c in (ref // 100 - 1, ref // 100, ref // 100 + 1)), key=lambda y: (abs(y - ref), y))


def _nearest(candidates: list[dt.date | None], published: dt.date, future: bool,
             span_end=None, done: bool = False) -> dt.date | None:
    """Of a month-day (or month: `span_end` gives each candidate's last day) in several years, the one
    nearest the article's date (a tie goes back); with a cue of the future, the coming one when it is
    within six months; with a word that tells the act as done (已于, 早在), the last one begun by then."""
    found = [c for c in candidates if c]
    if not found:
        return None
    if done and not future:
        begun = [c for c in found if c <= published]
        if begun:
            return max(begun)

    def distance(c: dt.date) -> int:
        end = span_end(c) if span_end else c
        if c <= published <= end:
            return 0
        return (c - published).days if c > published else (published - end).days

    if future:
        coming = [c for c in found if (span_end(c) if span_end else c) >= published and distance(c) <= 183]
        if coming:
            return min(coming)
    return min(found, key=lambda c: (distance(c), c))


def _add_months(d: dt.date, months: int) -> dt.date:
    month0 = d.month - 1 + months
    year = d.year + month0 // 12
    month = month0 % 12 + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _cumulative(base: DateRef, year: int, m: re.Match[str]) -> DateRef | None:
    """前三季度 / 前五个月 / 1-9月 of `year`: from 1 January (or the first month named) to the end of the
    last unit named, at that unit's precision; None when the numbers are no months or quarters."""
    if m.group("cq"):
        q = _num(m.group("cq"))
        return replace(base, date_start=f"{year}-01-01", date_end=_quarter_range(year, q)[1], precision="quarter")
    first, last = (1, _num(m.group("cm"))) if m.group("cm") else (_num(m.group("r1")), _num(m.group("r2")))
    if not last or not first or not (1 <= first <= 12 and 1 <= last <= 12):
        return None
    # 2024年10月至3月 runs over the year's end
    end_year = year + 1 if last < first else year
    return replace(base, date_start=_month_range(year, first)[0], date_end=_month_range(end_year, last)[1],
                   precision="month")


def resolve(kind: str, m: re.Match[str], published: dt.date | None, anchor: DateRef | None,
            recent: bool = True, future: bool = False, done: bool = False) -> DateRef:
    """Turn one match into a DateRef; unresolvable ones keep their text and `inferred`."""
    base = DateRef(m.start(), m.end(), m.group(0))
    g = m.group
    if kind == "fiscal":
        year = g(1) or g(2)
        year = _year(year, None) if len(year) == 4 else 2000 + int(year)
        q = _quarter(m, 3)
        if q:
            return replace(base, precision="fiscal_quarter", period=f"FY{year}-Q{q}")
        return replace(base, precision="fiscal_year", period=f"FY{year}")
    if kind == "iso_day" or kind == "ymd":
        d = _day(_year(g(1), published), _num(g(2)) or 0, _num(g(3)) or 0)
        return replace(base, date_start=_iso(d), date_end=_iso(d), precision="day") if d else base
    if kind == "year_quarter":
        q = _quarter(m, 2)
        if not q:
            return base
        year = _year(g(1), published)
        s, e = _quarter_range(year, q)
        return replace(base, date_start=s, date_end=e, precision="quarter", period=f"{year}-Q{q}")
    if kind == "year_half":
        return _half(base, _year(g(1), published), g(2) == "上半年")
    if kind == "ym":
        month = _num(g(2)) or 0
        if not 1 <= month <= 12:
            return base
        return _month_or_dekad(base, _year(g(1), published), month, g(3) or "")
    if kind in ("year", "year_edge", "year2_bare", "year_lead"):
        return _year_range(base, _year(g(1), published))
    if kind == "year_cumulative":  # 2025年前三季度, 2025年1-9月: from 1 January
        return _cumulative(base, _year(g(1), published), m) or base

    # Everything below needs the published date or an earlier date in the article.
    inferred = replace(base, inferred=True)
    if kind == "today_paren":
        if published is None:
            return inferred
        month_start = published.replace(day=1)
        if int(g(1)) > published.day:  # 前（28）日 in an article of the 2nd: last month's
            month_start = _add_months(month_start, -1)
        d = _day(month_start.year, month_start.month, int(g(1)))
        return replace(inferred, date_start=_iso(d), date_end=_iso(d), precision="day") if d else inferred
    if kind in ("approx", "last_week", "cumulative", "quarter", "year_edge_bare"):
        if kind == "quarter" and recent and anchor is not None and anchor.date_start and anchor.precision != "approx":
            # 2026年推出…，并在第四季推出…: a bare quarter continues the year just given
            return _bare_quarter(m, inferred, int(anchor.date_start[:4]), relative=True)
        return _from_published(kind, m, inferred, published, future)
    if kind in ("next_year_md", "next_year_m", "that_year_edge"):
        ref = anchor_date(anchor)
        if ref is None:
            return inferred
        if kind == "that_year_edge":
            return _year_range(inferred, ref.year, relative=True)
        year = ref.year + 1
        if kind == "next_year_md":
            d = _day(year, int(g(1)), int(g(2)))
            return replace(inferred, date_start=_iso(d), date_end=_iso(d), precision="day", relative=True) if d else inferred
        month = int(g(1))
        if not 1 <= month <= 12:
            return inferred
        s_, e_ = _month_range(year, month)
        return replace(inferred, date_start=s_, date_end=e_, precision="month", relative=True)
    if kind in ("same_year_md", "same_year_m", "same_year_quarter"):
        ref = anchor_date(anchor) or published
        if ref is None:
            return inferred
        if kind == "same_year_quarter":
            q = _quarter(m, 1)
            s, e = _quarter_range(ref.year, q)
            return replace(inferred, date_start=s, date_end=e, precision="quarter", period=f"{ref.year}-Q{q}", relative=True)
        if kind == "same_year_md":
            d = _day(ref.year, int(g(1)), int(g(2)))
            return replace(inferred, date_start=_iso(d), date_end=_iso(d), precision="day", relative=True) if d else inferred
        month = int(g(1))
        if not 1 <= month <= 12:
            return inferred
        s, e = _month_range(ref.year, month)
        return replace(inferred, date_start=s, date_end=e, precision="month", relative=True)
    if kind.startswith("rel_year"):
        year = _published_year(published)
        if year is None:
            return inferred
        year += _year_offset(g(1))
        if kind == "rel_year_edge":
            return _year_range(inferred, year)
        if kind == "rel_year_cumulative":
            return _cumulative(inferred, year, m) or inferred
        if kind == "rel_year_month_day":
            d = _day(year, _num(g(2)) or 0, _num(g(3)) or 0)
            return replace(inferred, date_start=_iso(d), date_end=_iso(d), precision="day") if d else inferred
        if kind == "rel_year_month":
            month = _num(g(2))
            if not month or not 1 <= month <= 12:
                return inferred
            return _month_or_dekad(inferred, year, month, g(3) or "")
        if kind == "rel_year_quarter":
            q = _quarter(m, 2)
            s, e = _quarter_range(year, q)
            return replace(inferred, date_start=s, date_end=e, precision="quarter", period=f"{year}-Q{q}")
        if g(2):  # 今年上半年: the half-year
            return _half(inferred, year, g(2) == "上半年")
        return replace(inferred, date_start=f"{year}-01-01", date_end=f"{year}-12-31", precision="year")
    if kind == "half_bare":
        if published is None:
            return inferred
        first = g(1) == "上半年"
        year = published.year if (first or published.month >= 7 or future) else published.year - 1
        return _half(inferred, year, first)
    if kind in ("month_day", "month", "cn_month"):
        kind = "month" if kind == "cn_month" else kind
        month = _num(g(1)) or 0
        if not 1 <= month <= 12:
            return inferred
        day_n = (_num(g(2)) or 0) if kind == "month_day" else 1
        suffix = "" if kind == "month_day" else (g(2) or "")
        # In a chronological passage (the previous date was a specific day), a bare date continues
        # from it; otherwise it is the occurrence nearest the article's date.
        chrono = recent and anchor is not None and anchor.precision == "day" and anchor.date_start
        if recent and anchor is not None and anchor.precision == "year" and not anchor.inferred and published:
            # Under a year heading (2025年：反复。), a bare date is in that year.
            year = int(anchor.date_start[:4])
            if kind == "month_day":
                d = _day(year, month, day_n)
                if d and d <= published:
                    return replace(inferred, date_start=_iso(d), date_end=_iso(d), precision="day", relative=True)
            elif dt.date(year, month, 1) <= published:
                return _month_or_dekad(inferred, year, month, suffix, relative=True)
        if chrono:
            a = anchor_date(anchor)
            d = _day(a.year, month, day_n) or _day(a.year, month, 1)
            if d and d < a.replace(day=1 if kind == "month" else a.day):
                d = _day(a.year + 1, month, day_n)
            if d and (published is None or d <= published) and (d - a).days <= 92:
                if kind == "month_day":
                    return replace(inferred, date_start=_iso(d), date_end=_iso(d), precision="day", relative=True)
                return _month_or_dekad(inferred, d.year, d.month, suffix, relative=True)
        ref = published or anchor_date(anchor)
        if ref is None:
            return inferred
        years = (ref.year - 1, ref.year, ref.year + 1)
        if kind == "month_day":
            # The occurrence nearest the article's date, within six months (README: partial dates).
            d = _nearest([_day(y, month, day_n) for y in years], published, future, done=done) if published \
                else _day(ref.year, month, day_n)
            return replace(inferred, date_start=_iso(d), date_end=_iso(d), precision="day") if d else inferred
        if published:
            first = _nearest([dt.date(y, month, 1) for y in years], published, future, done=done,
                             span_end=lambda c: c.replace(day=calendar.monthrange(c.year, c.month)[1]))
            return _month_or_dekad(inferred, first.year, month, suffix)
        return _month_or_dekad(inferred, ref.year, month, suffix)
    if kind == "day_only":
        day_text = next(x for x in m.groups() if x)
    else:
        day_text = g(1) if kind in ("this_month_day", "same_month_day") else ""
    if kind in ("this_month_day", "day_only") and published is not None:
        day = _num(day_text) or 0
        month_start = published.replace(day=1)
        if kind == "day_only" and day > published.day and not future:
            month_start = _add_months(month_start, -1)
        d = _day(month_start.year, month_start.month, day)
        return replace(inferred, date_start=_iso(d), date_end=_iso(d), precision="day") if d else inferred
    if kind in ("same_month_day", "day_only", "this_month_day"):
        ref = anchor_date(anchor)
        if ref is None or anchor.precision not in ("day", "month"):
            return inferred
        d = _day(ref.year, ref.month, _num(day_text) or 0)
        return replace(inferred, date_start=_iso(d), date_end=_iso(d), precision="day", relative=True) if d else inferred

    if kind in ("rel_month_day", "week_before_last", "rel_quarter", "this_next_year") and published is not None:
        if kind == "rel_month_day":  # 上个月15号, 下月九号
            first = _add_months(published.replace(day=1), -1 if g(1).startswith("上") else 1)
            d = _day(first.year, first.month, _num(g(2)) or 0)
            return replace(inferred, date_start=_iso(d), date_end=_iso(d), precision="day") if d else inferred
        if kind == "week_before_last":
            return _week_of(inferred, published - dt.timedelta(days=14))
        if kind == "this_next_year":  # 今明两年: this year and the next
            return replace(inferred, date_start=f"{published.year}-01-01", date_end=f"{published.year + 1}-12-31",
                           precision="year")
        # 上季度 after a quarter just given (二季度营收…，较上季度…) is the one before that quarter; else the
        # quarter before the article's.
        ref = published
        if recent and anchor is not None and anchor.precision == "quarter" and anchor.date_start:
            ref = anchor_date(anchor)
        q = (ref.month - 1) // 3 + 1 + {"上": -1, "下": 1}.get(g(1), 0)
        year = ref.year + (q - 1) // 4
        q = (q - 1) % 4 + 1
        s_, e_ = _quarter_range(year, q)
        return replace(inferred, date_start=s_, date_end=e_, precision="quarter", period=f"{year}-Q{q}")
    if kind in ("weekday", "this_week", "next_week", "days_ago") and published is not None:
        if kind == "this_week":
            monday = published - dt.timedelta(days=published.weekday())
            return replace(inferred, date_start=_iso(monday), date_end=_iso(monday + dt.timedelta(days=6)),
                           precision="week")
        if kind == "next_week":
            monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(days=7)
            return replace(inferred, date_start=_iso(monday), date_end=_iso(monday + dt.timedelta(days=6)),
                           precision="week")
        if kind == "days_ago":
            n = {"前天": 2, "大前天": 3}.get(m.group(0)) or _num(g(1))
            if not n:
                return inferred
            unit = g(2) or "天"
            if unit.endswith("年"):  # 两年前: the year
                return _year_range(inferred, published.year - n)
            if unit.endswith("月"):  # 12个月前: the month
                d = _add_months(published.replace(day=1), -n)
                s_, e_ = _month_range(d.year, d.month)
                return replace(inferred, date_start=s_, date_end=e_, precision="month")
            n *= 1 if unit == "天" else 7  # 3周前: the day three weeks back
            base_day = published
            if m.group(0) not in ("前天", "大前天") and recent and anchor is not None and anchor.precision == "day":
                base_day = anchor_date(anchor)  # 9月15日…；两天前 counts back from the date just given
            d = base_day - dt.timedelta(days=n)
            return replace(inferred, date_start=_iso(d), date_end=_iso(d), precision="day")
        target = "一二三四五六日天".index(g(2)) if g(2) != "天" else 6
        target = min(target, 6)
        monday = published - dt.timedelta(days=published.weekday())
        if g(1).startswith("上"):
            monday -= dt.timedelta(days=14 if g(1).startswith("上上") else 7)
        elif g(1).startswith("下"):
            monday += dt.timedelta(days=7)  # 下周六: next week's
            d = monday + dt.timedelta(days=target)
            return replace(inferred, date_start=_iso(d), date_end=_iso(d), precision="day")
        d = monday + dt.timedelta(days=target)
        if g(3):  # 周五（21日）: the day with that weekday and that day of the month nearest the article's date
            near = [c for k in (-1, 0, 1) if (c := _day(*_ym(_add_months(published.replace(day=1), k)), int(g(3))))
                    and c.weekday() == target]
            if near:
                d = min(near, key=lambda c: abs((c - published).days))
                return replace(inferred, date_start=_iso(d), date_end=_iso(d), precision="day")
        if d > published and not g(1).startswith(("本", "这")) and not future:
            d -= dt.timedelta(days=7)  # 周一 in a report means the last Monday
        elif d < published and future and not g(1).startswith(("上", "本", "这")):
            d += dt.timedelta(days=7)  # 将于周三: the coming one
        return replace(inferred, date_start=_iso(d), date_end=_iso(d), precision="day")
    if kind == "same_year":
        ref = anchor_date(anchor)
        return _year_range(inferred, ref.year, relative=True) if ref is not None else inferred
    if kind == "next_year":
        ref = anchor_date(anchor)
        if ref is None:
            return inferred
        year = ref.year + 1
        return replace(inferred, date_start=f"{year}-01-01", date_end=f"{year}-12-31", precision="year", relative=True)
    if kind in ("this_month", "last_month", "coming_month", "yesterday", "today", "tomorrow", "day_after_tomorrow"):
        if published is None:
            return inferred
        if kind in ("yesterday", "today", "tomorrow", "day_after_tomorrow"):
            d = published + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1, "day_after_tomorrow": 2}[kind])
            return replace(inferred, date_start=_iso(d), date_end=_iso(d), precision="day")
        d = _add_months(published.replace(day=1), {"this_month": 0, "last_month": -1, "coming_month": 1}[kind])
        s, e = _month_range(d.year, d.month)
        return replace(inferred, date_start=s, date_end=e, precision="month")

    if kind == "after" and anchor is None and published is not None:
        # 三个月后 with no date before it in the article: counted from the article's date
        today = DateRef(0, 0, "", date_start=_iso(published), date_end=_iso(published), precision="day")
        return replace(resolve(kind, m, published, today, recent, future), start=base.start, end=base.end,
                       text=base.text, relative=False)

    # Relative to the nearest earlier date in the article.
    ref = anchor_date(anchor)
    if ref is None or anchor is None:
        return inferred
    relative = replace(inferred, relative=True)
    if kind == "same_day":
        if anchor.precision != "day":
            return relative
        return replace(relative, date_start=anchor.date_start, date_end=anchor.date_end, precision="day")
    if kind == "next_day":
        if anchor.precision != "day":
            return relative
        d = ref + dt.timedelta(days=1)
        return replace(relative, date_start=_iso(d), date_end=_iso(d), precision="day")
    if kind == "previous_day":
        if anchor.precision != "day":
            return relative
        d = ref - dt.timedelta(days=1)
        return replace(relative, date_start=_iso(d), date_end=_iso(d), precision="day")
    if kind in ("next_month", "same_month"):
        if anchor.precision not in ("day", "month"):
            return relative
        d = _add_months(ref, 1 if kind == "next_month" else 0)
        s, e = _month_range(d.year, d.month)
        return replace(relative, date_start=s, date_end=e, precision="month")
    if kind == "after":
        number, unit = (g(1), g(2)) if g(1) else (g(3), g(4))
        amount = 0.5 if number == "半" else _num(number)
        if amount is None:
            return relative
        if unit in ("个月", "個月"):
            if anchor.precision not in ("day", "month") or not float(amount).is_integer():
                return relative
            d = _add_months(ref, int(amount))  # a month later names a month, not a day
            s, e = _month_range(d.year, d.month)
            return replace(relative, date_start=s, date_end=e, precision="month")
        if unit == "年":
            if not float(amount).is_integer():
                return relative
            year = ref.year + int(amount)
            return replace(relative, date_start=f"{year}-01-01", date_end=f"{year}-12-31", precision="year")
        days = amount * (1 if unit in ("天", "日") else 7)  # 两周后: the day two weeks on (as the gold has it)
        if anchor.precision != "day":
            return relative
        d = ref + dt.timedelta(days=int(days))
        return replace(relative, date_start=_iso(d), date_end=_iso(d), precision="day")
    return inferred


def _from_published(kind: str, m: re.Match[str], inferred: DateRef, published: dt.date | None,
                    future: bool) -> DateRef:
    """Dates read against the article's date alone: 近日 (the 30 days before it, precision `approx`),
    上周 (last calendar week), and a quarter, cumulative period or 年底 with no year (the article's year;
    the year before when the period has not begun by then and the sentence does not look ahead)."""
    if published is None:
        return inferred
    if kind == "approx":
        return replace(inferred, date_start=_iso(published - dt.timedelta(days=30)), date_end=_iso(published),
                       precision="approx")
    if kind == "last_week":
        monday = published - dt.timedelta(days=published.weekday() + 7)
        return replace(inferred, date_start=_iso(monday), date_end=_iso(monday + dt.timedelta(days=6)), precision="week")
    year = published.year
    if kind == "year_edge_bare":
        return _year_range(inferred, year)
    if kind == "cumulative":
        ref = _cumulative(inferred, year, m)
        if ref is not None and dt.date.fromisoformat(ref.date_end) > published and not future:
            ref = _cumulative(inferred, year - 1, m)  # 前三季度 read in February: last year's
        return ref or inferred
    ref = _bare_quarter(m, inferred, year)
    if ref.date_start and dt.date.fromisoformat(ref.date_start) > published and not future:
        ref = _bare_quarter(m, inferred, year - 1)
    elif ref.date_end and dt.date.fromisoformat(ref.date_end) < published and future:
        ref = _bare_quarter(m, inferred, year + 1)  # 将于一季度推出, read in November: next year's
    return ref


def _bare_quarter(m: re.Match[str], base: DateRef, year: int, **kw) -> DateRef:
    """A quarter named without its year (一季度, 第四季, Q2) in `year`; `第二季后` is the quarter after."""
    q = _quarter(m, 1, groups=3)
    if not q:
        return base
    if m.group(4):  # 第二季后: from the next quarter
        year, q = (year + 1, 1) if q == 4 else (year, q + 1)
    s, e = _quarter_range(year, q)
    return replace(base, date_start=s, date_end=e, precision="quarter", period=f"{year}-Q{q}", **kw)


def anchor_date(anchor: DateRef | None) -> dt.date | None:
    if anchor is None or not anchor.date_start:
        return None
    return dt.date.fromisoformat(anchor.date_start)


# Between the two ends of a range of dates, or the items of a list (`8月至11月`, `3月、5月`,
# `9月10号，11号`: a comma joins days only).
_RANGE_JOIN = re.compile(rf"\s*(?:{_JOIN}|、|和|及|与)\s*")
_LIST_COMMA = re.compile(r"\s*[，,]\s*")


def _range_end(kind: str, m: re.Match[str], first: DateRef, sentence: str) -> DateRef | None:
    """The second end of a range or the next item of a list, which takes the first's year (and month):
    `2025年8月至11月`, `2017年8月11日至8月22日`, `4月12-19日`, `12月九号到十五号`, `9月10号，11号`.
    None when the match does not follow a dated first end straight after a joining word."""
    if kind not in ("month_day", "month", "cn_month", "day_only") or not first.date_start:
        return None
    gap = sentence[first.end : m.start()]
    if not (_RANGE_JOIN.fullmatch(gap) or kind == "day_only" and _LIST_COMMA.fullmatch(gap)):
        return None
    if first.precision not in ("day", "month", "dekad") or (kind == "day_only" and first.precision != "day"):
        return None
    a = dt.date.fromisoformat(first.date_start)
    base = replace(DateRef(m.start(), m.end(), m.group(0)), inferred=first.inferred)
    if kind == "day_only":
        day = _num(next(x for x in m.groups() if x)) or 0
        d = _day(a.year, a.month, day)
        if d and d < a:
            first_next = _add_months(a.replace(day=1), 1)
            d = _day(first_next.year, first_next.month, day)
        return replace(base, date_start=_iso(d), date_end=_iso(d), precision="day") if d else None
    month = _num(m.group(1)) or 0
    if not 1 <= month <= 12:
        return None
    if kind == "month_day":
        d = _day(a.year, month, _num(m.group(2)) or 0)
        if d and d < a:
            d = _day(a.year + 1, month, d.day)
        return replace(base, date_start=_iso(d), date_end=_iso(d), precision="day") if d else None
    year = a.year + (1 if month < a.month else 0)
    return _month_or_dekad(base, year, month, m.group(2) or "")


def find_dates(sentence_zh: str, published: dt.date | None = None, anchor: DateRef | None = None,
               recent: bool = True) -> list[DateRef]:
    """Date expressions in a (simplified) sentence, left to right, non-overlapping, resolved.

    `anchor` is the nearest earlier resolved date in the article: relative
    expressions (`三个月后`, `同一天`) are resolved against it, and it moves to
    each newly resolved date within the sentence. `recent` says the anchor is
    from this or one of the two sentences before: only then does a bare
    `12月9日` continue a chronological passage from it.
    """
    if not _MAYBE_DATE.search(sentence_zh):
        return []
    # 特朗普与习近平10月30日将会面: a date still to come is not last year's.
    future = bool(_FUTURE.search(sentence_zh))
    done = bool(_DONE.search(sentence_zh))
    taken: list[tuple[int, int]] = []
    found: list[tuple[str, re.Match[str]]] = []
    # Only the patterns whose pieces the sentence holds (_NEEDS): the others cannot match.
    for kind, pattern in _patterns_for(frozenset(piece for piece in _PIECES if piece in sentence_zh)):
        for m in pattern.finditer(sentence_zh):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((kind, m))
    found.sort(key=lambda km: km[1].start())
    refs = []
    for kind, m in found:
        ref = _range_end(kind, m, refs[-1], sentence_zh) if refs else None
        if ref is None:
            ref = resolve(kind, m, published, anchor, recent, future, done)
        refs.append(ref)
        if ref.date_start and ref.precision != "approx":  # 近日 is too loose to count from
            anchor, recent = ref, True
    return refs
