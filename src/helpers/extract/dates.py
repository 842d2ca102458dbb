"""Dates as the articles give them, resolved no further than the text allows.

Absolute (`2025年7月15日`, `2025年4月`, `2025-07-15`), partial (`9月18日`,
year from the article's published date), relative (`今年5月份`, `去年12月`,
`三个月后` and `次月` after a dated sentence, `同一天`, `次日`), quarters
(`2024年Q4`, `2024年第四季度`) and fiscal periods (`2025财年`,
`2026财年第一季度`) kept as what they are: a fiscal period has a `period`
label and no calendar dates, because each company's fiscal calendar is its
own. Nothing finer than the text is invented: `2025年4月` is month precision.
"""

from __future__ import annotations

import calendar
import datetime as dt
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
    precision: str = ""  # day, month, quarter, year, fiscal_year, fiscal_quarter
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


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _num(s: str) -> int | None:
    value = parse_number(s)
    return int(value) if value is not None and float(value).is_integer() else None


_CN_SMALL = r"[0-9一二三四五六七八九十两]{1,3}"
_Q = r"(?:Q([1-4])|第?([一二三四1-4])季度?|第?([一二三四1-4])季)"
_YEAR = r"((?:19|20)\d{2})"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("fiscal", re.compile(rf"(?:{_YEAR}\s*(?:财年|財年|会计年度|會計年度)|FY\s*((?:19|20)?\d{{2}}))(?:\s*{_Q})?")),
    ("iso_day", re.compile(r"(?<!\d)((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")),
    ("ymd", re.compile(rf"{_YEAR}\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*[日号號]")),
    ("year_quarter", re.compile(rf"{_YEAR}\s*年?\s*{_Q}")),
    ("year_half", re.compile(rf"{_YEAR}\s*年\s*(上半年|下半年)")),
    ("ym", re.compile(rf"{_YEAR}\s*年\s*(\d{{1,2}})\s*月(?:份)?(?:初|中旬|上旬|下旬|底|末)?")),
    ("year_edge", re.compile(rf"{_YEAR}\s*年\s*(初|底|末|年初|年底|年末)")),
    ("year", re.compile(rf"{_YEAR}\s*年(?!\d)(?:全年)?")),
    ("rel_year_month_day", re.compile(rf"(今年|去年|明年|前年)\s*(\d{{1,2}}|{_CN_SMALL})\s*月\s*(\d{{1,2}}|{_CN_SMALL})\s*[日号號]")),
    ("rel_year_month", re.compile(rf"(今年|去年|明年|前年)\s*(\d{{1,2}}|{_CN_SMALL})\s*月(?:份)?")),
    ("rel_year_quarter", re.compile(rf"(今年|去年|明年|前年){_Q}")),
    ("rel_year_edge", re.compile(r"(今年|去年|明年|前年)(初|底|末|年初|年底|年末)")),
    ("rel_year", re.compile(r"(今年|去年|明年|前年)(?:上半年|下半年)?")),
    ("same_year_md", re.compile(r"同年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]")),
    ("same_year_m", re.compile(r"同年\s*(\d{1,2})\s*月")),
    ("next_year_md", re.compile(r"(?:隔年|翌年|次年|第二年)\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]")),
    ("next_year_m", re.compile(r"(?:隔年|翌年|次年|第二年)\s*(\d{1,2})\s*月")),
    ("that_year_edge", re.compile(r"(?:当年|當年|同年)\s*(年初|年底|年末|底|初)")),
    ("today_paren", re.compile(r"今\s*[（(]\s*(\d{1,2})\s*[）)]\s*日")),
    ("this_month_day", re.compile(r"本月\s*(\d{1,2})\s*[日号號]")),
    ("same_month_day", re.compile(r"(?:同月|当月|當月)\s*(\d{1,2})\s*[日号號]")),
    ("month_day", re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]")),
    ("day_only", re.compile(r"(?<![\d月年第])(\d{1,2})\s*[日号號](?=[，,\s）)]|当天|當天|晚|早|凌晨|上午|下午|盘后|盤後|在|宣布|表示|发布|公布|起|电|称|说|指出|透露|对|于|将|正式|再|又|召开|举行|晚间|傍晚|已|曾|就|向|告知|通知|批准|签署|会见|访问|发表|开始|举办|出席|公告|晚上|深夜|发出|证实|證實|披露|表态|提出)")),
    ("weekday", re.compile(r"(本周|这周|上周|上个?星期|本星期|这个?星期|星期|周|礼拜)([一二三四五六日天])(?!年|月)")),
    ("this_week", re.compile(r"本周|这周|这个星期|本星期")),
    ("days_ago", re.compile(rf"({_CN_SMALL})\s*天前|前天|大前天")),
    ("next_year", re.compile(r"次年|翌年|第二年")),
    ("this_month", re.compile(r"本月(?:初|中旬|上旬|下旬|底|稍早|早些时候)?|这个月")),
    ("last_month", re.compile(r"上月|上个月|上個月")),
    ("yesterday", re.compile(r"昨日|昨天|昨晚|昨夜|昨早")),
    ("today", re.compile(r"今日")),
    ("month", re.compile(r"(?<![\d年])(\d{1,2})\s*月(?:份)?(?:初|中旬|上旬|下旬|底|末)?(?![\d日号號])")),
    ("after", re.compile(rf"({_CN_SMALL}|半)\s*(个月|個月|天|日|周|週|星期|年)(?:之?后|之?後|过后|過後)"
                         rf"|(?:此后|此後|再过|再過)\s*({_CN_SMALL}|半)\s*(个月|個月|天|日|周|週|星期|年)")),
    ("same_day", re.compile(r"同一天|同日|当天|當天|当日|當日")),
    ("next_day", re.compile(r"次日|第二天|翌日|隔天")),
    ("previous_day", re.compile(r"前一日|前一天")),
    ("next_month", re.compile(r"次月|下个月|下個月|翌月")),
    ("same_month", re.compile(r"同月|当月|當月")),
]


_FUTURE = re.compile(r"将于|将在|将会|将要|將於|將在|將會|將要|即将|即將|预计|預計|计划|計劃|拟于|擬於|有望|预定|預定|定于|定於")

# Every date pattern needs one of these: a cheap test before running them all.
_MAYBE_DATE = re.compile(r"[年月日号號季天周週晚]|财年|財年|FY|星期|礼拜|\d{4}[-/.]\d{1,2}")


def _published_year(published: dt.date | None) -> int | None:
    return published.year if published else None


def _year_offset(word: str) -> int:
    return {"今年": 0, "去年": -1, "明年": 1, "前年": -2}[word]


def _quarter(m: re.Match[str], first_group: int) -> int | None:
    for g in range(first_group, first_group + 3):
        if m.group(g):
            return _num(m.group(g))
    return None


def _add_months(d: dt.date, months: int) -> dt.date:
    month0 = d.month - 1 + months
    year = d.year + month0 // 12
    month = month0 % 12 + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def resolve(kind: str, m: re.Match[str], published: dt.date | None, anchor: DateRef | None,
            recent: bool = True, future: bool = False) -> DateRef:
    """Turn one match into a DateRef; unresolvable ones keep their text and `inferred`."""
    base = DateRef(m.start(), m.end(), m.group(0))
    g = m.group
    if kind == "fiscal":
        year = g(1) or g(2)
        year = int(year) if len(year) == 4 else 2000 + int(year)
        q = _quarter(m, 3)
        if q:
            return replace(base, precision="fiscal_quarter", period=f"FY{year}-Q{q}")
        return replace(base, precision="fiscal_year", period=f"FY{year}")
    if kind == "iso_day" or kind == "ymd":
        d = _day(int(g(1)), int(g(2)), int(g(3)))
        return replace(base, date_start=_iso(d), date_end=_iso(d), precision="day") if d else base
    if kind == "year_quarter":
        q = _quarter(m, 2)
        if not q:
            return base
        s, e = _quarter_range(int(g(1)), q)
        return replace(base, date_start=s, date_end=e, precision="quarter", period=f"{g(1)}-Q{q}")
    if kind == "year_half":
        year = int(g(1))
        first = g(2) == "上半年"
        s = _iso(dt.date(year, 1 if first else 7, 1))
        e = _iso(dt.date(year, 6, 30) if first else dt.date(year, 12, 31))
        return replace(base, date_start=s, date_end=e, precision="", period=f"{year}-H{1 if first else 2}")
    if kind == "ym":
        month = int(g(2))
        if not 1 <= month <= 12:
            return base
        s, e = _month_range(int(g(1)), month)
        return replace(base, date_start=s, date_end=e, precision="month")
    if kind == "year":
        year = int(g(1))
        return replace(base, date_start=f"{year}-01-01", date_end=f"{year}-12-31", precision="year")
    if kind == "year_edge":
        s, e = _month_range(int(g(1)), 1 if "初" in g(2) else 12)
        return replace(base, date_start=s, date_end=e, precision="month")

    # Everything below needs the published date or an earlier date in the article.
    inferred = replace(base, inferred=True)
    if kind == "today_paren":
        if published is None:
            return inferred
        d = _day(published.year, published.month, int(g(1)))
        return replace(inferred, date_start=_iso(d), date_end=_iso(d), precision="day") if d else inferred
    if kind in ("next_year_md", "next_year_m", "that_year_edge"):
        ref = anchor_date(anchor)
        if ref is None:
            return inferred
        if kind == "that_year_edge":
            s_, e_ = _month_range(ref.year, 1 if "初" in g(1) else 12)
            return replace(inferred, date_start=s_, date_end=e_, precision="month", relative=True)
        year = ref.year + 1
        if kind == "next_year_md":
            d = _day(year, int(g(1)), int(g(2)))
            return replace(inferred, date_start=_iso(d), date_end=_iso(d), precision="day", relative=True) if d else inferred
        month = int(g(1))
        if not 1 <= month <= 12:
            return inferred
        s_, e_ = _month_range(year, month)
        return replace(inferred, date_start=s_, date_end=e_, precision="month", relative=True)
    if kind in ("same_year_md", "same_year_m"):
        ref = anchor_date(anchor) or published
        if ref is None:
            return inferred
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
            s, e = _month_range(year, 1 if "初" in g(2) else 12)
            return replace(inferred, date_start=s, date_end=e, precision="month")
        if kind == "rel_year_month_day":
            d = _day(year, _num(g(2)) or 0, _num(g(3)) or 0)
            return replace(inferred, date_start=_iso(d), date_end=_iso(d), precision="day") if d else inferred
        if kind == "rel_year_month":
            month = _num(g(2))
            if not month or not 1 <= month <= 12:
                return inferred
            s, e = _month_range(year, month)
            return replace(inferred, date_start=s, date_end=e, precision="month")
        if kind == "rel_year_quarter":
            q = _quarter(m, 2)
            s, e = _quarter_range(year, q)
            return replace(inferred, date_start=s, date_end=e, precision="quarter", period=f"{year}-Q{q}")
        return replace(inferred, date_start=f"{year}-01-01", date_end=f"{year}-12-31", precision="year")
    if kind in ("month_day", "month"):
        month = int(g(1))
        if not 1 <= month <= 12:
            return inferred
        # In a chronological passage (the previous date was a specific day), a bare date continues
        # from it; otherwise it is the most recent such date before publication.
        chrono = recent and anchor is not None and anchor.precision == "day" and anchor.date_start
        if recent and anchor is not None and anchor.precision == "year" and not anchor.inferred and published:
            # Under a year heading (2025年：反复。), a bare date is in that year.
            year = int(anchor.date_start[:4])
            if kind == "month_day":
                d = _day(year, month, int(g(2)))
                if d and d <= published:
                    return replace(inferred, date_start=_iso(d), date_end=_iso(d), precision="day", relative=True)
            elif dt.date(year, month, 1) <= published:
                s, e = _month_range(year, month)
                return replace(inferred, date_start=s, date_end=e, precision="month", relative=True)
        if chrono:
            a = anchor_date(anchor)
            day = int(g(2)) if kind == "month_day" else 1
            d = _day(a.year, month, day) or _day(a.year, month, 1)
            if d and d < a.replace(day=1 if kind == "month" else a.day):
                d = _day(a.year + 1, month, day)
            if d and (published is None or d <= published) and (d - a).days <= 92:
                if kind == "month_day":
                    return replace(inferred, date_start=_iso(d), date_end=_iso(d), precision="day", relative=True)
                s, e = _month_range(d.year, d.month)
                return replace(inferred, date_start=s, date_end=e, precision="month", relative=True)
        ref = published or anchor_date(anchor)
        if ref is None:
            return inferred
        year = ref.year
        if kind == "month_day":
            d = _day(year, month, int(g(2)))
            if d and published and d > published and not future:
                d = _day(year - 1, month, int(g(2)))
            return replace(inferred, date_start=_iso(d), date_end=_iso(d), precision="day") if d else inferred
        if published and dt.date(year, month, 1) > published and not future:
            year -= 1
        s, e = _month_range(year, month)
        return replace(inferred, date_start=s, date_end=e, precision="month")
    if kind in ("this_month_day", "day_only") and published is not None:
        day = int(g(1))
        month_start = published.replace(day=1)
        if kind == "day_only" and day > published.day:
            month_start = _add_months(month_start, -1)
        d = _day(month_start.year, month_start.month, day)
        return replace(inferred, date_start=_iso(d), date_end=_iso(d), precision="day") if d else inferred
    if kind in ("same_month_day", "day_only", "this_month_day"):
        ref = anchor_date(anchor)
        if ref is None or anchor.precision not in ("day", "month"):
            return inferred
        d = _day(ref.year, ref.month, int(g(1)))
        return replace(inferred, date_start=_iso(d), date_end=_iso(d), precision="day", relative=True) if d else inferred

    if kind in ("weekday", "this_week", "days_ago") and published is not None:
        if kind == "this_week":
            monday = published - dt.timedelta(days=published.weekday())
            return replace(inferred, date_start=_iso(monday), date_end=_iso(monday + dt.timedelta(days=6)),
                           precision="week")
        if kind == "days_ago":
            n = {"前天": 2, "大前天": 3}.get(m.group(0)) or _num(g(1))
            if not n:
                return inferred
            base_day = published
            if m.group(0) not in ("前天", "大前天") and recent and anchor is not None and anchor.precision == "day":
                base_day = anchor_date(anchor)  # 9月15日…；两天前 counts back from the date just given
            d = base_day - dt.timedelta(days=n)
            return replace(inferred, date_start=_iso(d), date_end=_iso(d), precision="day")
        target = "一二三四五六日天".index(g(2)) if g(2) != "天" else 6
        target = min(target, 6)
        monday = published - dt.timedelta(days=published.weekday())
        if g(1).startswith("上"):
            monday -= dt.timedelta(days=7)
        d = monday + dt.timedelta(days=target)
        if d > published and not g(1).startswith(("本", "这")):
            d -= dt.timedelta(days=7)  # 周一 in a report means the last Monday
        return replace(inferred, date_start=_iso(d), date_end=_iso(d), precision="day")
    if kind == "next_year":
        ref = anchor_date(anchor)
        if ref is None:
            return inferred
        year = ref.year + 1
        return replace(inferred, date_start=f"{year}-01-01", date_end=f"{year}-12-31", precision="year", relative=True)
    if kind in ("this_month", "last_month", "yesterday", "today"):
        if published is None:
            return inferred
        if kind in ("yesterday", "today"):
            d = published - dt.timedelta(days=1 if kind == "yesterday" else 0)
            return replace(inferred, date_start=_iso(d), date_end=_iso(d), precision="day")
        d = _add_months(published.replace(day=1), 0 if kind == "this_month" else -1)
        s, e = _month_range(d.year, d.month)
        return replace(inferred, date_start=s, date_end=e, precision="month")

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
        days = amount * (7 if unit in ("周", "週", "星期") else 1)
        if anchor.precision != "day":
            return relative
        d = ref + dt.timedelta(days=int(days))
        return replace(relative, date_start=_iso(d), date_end=_iso(d), precision="day")
    return inferred


def anchor_date(anchor: DateRef | None) -> dt.date | None:
    if anchor is None or not anchor.date_start:
        return None
    return dt.date.fromisoformat(anchor.date_start)


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
    taken: list[tuple[int, int]] = []
    found: list[tuple[str, re.Match[str]]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(sentence_zh):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((kind, m))
    found.sort(key=lambda km: km[1].start())
    refs = []
    for kind, m in found:
        ref = resolve(kind, m, published, anchor, recent, future)
        refs.append(ref)
        if ref.date_start:
            anchor, recent = ref, True
    return refs
