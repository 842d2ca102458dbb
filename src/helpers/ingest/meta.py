"""Article metadata: the manifest first, then what the page itself shows.

`read_manifest` validates `manifest.csv` (columns file, title, outlet,
published, url, notes); `published_from_text` finds a platform's own
timestamp line (the author block of a NetEase-hao page, a `发布时间：` label,
a wire dateline `2025年8月12日电`), never a date from a list of other
articles; `title_from_text` takes the first short line that does not read as a
sentence, stepping over navigation, captions, bylines and site names above it.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .furniture import AUTHOR_BLOCK as _AUTHOR_BLOCK

MANIFEST_COLUMNS = ["file", "title", "outlet", "published", "url", "notes"]


def parse_iso_date(value: str) -> dt.date:
    """`YYYY-MM-DD` (a time part is ignored); raises ValueError for impossible dates."""
    match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?\s*", value)
    if not match:
        raise ValueError(f"not an ISO date (YYYY-MM-DD): {value!r}")
    year, month, day = (int(g) for g in match.groups())
    date = dt.date(year, month, day)  # ValueError on 2025-02-30
    if not 1990 <= date.year <= 2100:
        raise ValueError(f"date out of range (1990–2100): {value!r}")
    return date


def _safe_date(year: str, month: str, day: str) -> dt.date | None:
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return date if 1990 <= date.year <= 2100 else None


@dataclass(frozen=True)
class ManifestProblem:
    line: int
    file: str
    reason: str


@dataclass
class Manifest:
    rows: dict[str, dict[str, str]]
    problems: list[ManifestProblem]


def manifest_key(name: str) -> str:
    """How a manifest row and a corpus file are matched: `/` for `\\`, and Unicode NFC (a name typed on
    one system in NFD, as macOS stores it, matches the same name in NFC)."""
    return unicodedata.normalize("NFC", name.replace("\\", "/"))


_MAX_MANIFEST_BYTES = 20_000_000


def _records(lines: list[str], problems: list[ManifestProblem]):
    """(line number, fields) of each row after the header. A quoted field may span lines only in
    `notes`: a row whose quote runs on into the lines below in any other column (or to the end of the
    file) is reported as an unterminated quote and ignored, and reading starts again on its next line,
    so one stray quote never swallows the rows after it."""
    header = next(csv.reader([lines[0]]))
    notes_at = header.index("notes") if "notes" in header else -1
    pos = 1
    while pos < len(lines):
        start = pos
        buf = lines[pos]
        pos += 1
        while buf.count('"') % 2 and pos < len(lines):
            buf += lines[pos]
            pos += 1
        if not buf.strip():
            continue
        unterminated = buf.count('"') % 2 == 1
        fields = None
        if not unterminated:
            try:
                fields = next(csv.reader([buf]))  # lenient, as before: a stray inner quote is text
            except (csv.Error, StopIteration):
                fields = None
        if fields is not None and any("\n" in f for i, f in enumerate(fields) if i != notes_at):
            unterminated = True
        if unterminated or fields is None:
            what = "unterminated quote" if unterminated else "row that is not CSV"
            problems.append(ManifestProblem(start + 1, "", f"{what}; row ignored"))
            pos = start + 1
            continue
        yield start + 1, dict(zip(header, fields))


def read_manifest(path: Path) -> Manifest:
    """Rows keyed by the file path as written (relative to the corpus, `manifest_key`), and the problems
    found."""
    rows: dict[str, dict[str, str]] = {}
    problems: list[ManifestProblem] = []
    first_line: dict[str, int] = {}
    if not path.exists() and not path.is_symlink():
        return Manifest(rows, problems)
    if not path.is_file():
        problems.append(ManifestProblem(0, "", "manifest unreadable (not a regular file); ignored"))
        return Manifest(rows, problems)
    try:
        with path.open("rb") as fh:
            data = fh.read(_MAX_MANIFEST_BYTES + 1)
        if len(data) > _MAX_MANIFEST_BYTES:
            raise ValueError(f"larger than {_MAX_MANIFEST_BYTES / 1e6:.0f} MB")
        text = data.decode("utf-8-sig")
    except OSError as exc:
        problems.append(ManifestProblem(0, "", f"manifest unreadable ({exc.strerror or type(exc).__name__}); ignored"))
        return Manifest(rows, problems)
    except (UnicodeDecodeError, ValueError) as exc:
        problems.append(ManifestProblem(0, "", f"manifest unreadable ({exc}); ignored"))
        return Manifest(rows, problems)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").splitlines(keepends=True)
    if not lines or "file" not in [c.strip() for c in next(csv.reader([lines[0]]), [])]:
        problems.append(ManifestProblem(1, "", "manifest has no 'file' column; ignored"))
        return Manifest(rows, problems)
    lines[0] = ",".join(c.strip() for c in next(csv.reader([lines[0]]))) + "\n"
    for line, raw in _records(lines, problems):
        row = {c: (raw.get(c) or "").strip() for c in MANIFEST_COLUMNS}
        if not row["file"]:
            problems.append(ManifestProblem(line, "", "row without a file name; ignored"))
            continue
        if row["published"]:
            try:
                row["published"] = parse_iso_date(row["published"]).isoformat()
            except ValueError:
                problems.append(
                    ManifestProblem(line, row["file"], f"impossible published date {row['published']!r}; date ignored")
                )
                row["published"] = ""
        name = manifest_key(row["file"])
        if name in rows:
            problems.append(ManifestProblem(line, row["file"],
                                            f"duplicate row (first on line {first_line[name]}); this later row wins"))
        else:
            first_line[name] = line
        rows[name] = row
    return Manifest(rows, problems)


# ------------------------------------------------------------ from the text

_TIMESTAMP_LINE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})[ T]\d{1,2}:\d{2}(?::\d{2})?\s*$")
_LABELLED = re.compile(
    r"(?:发布时间|發佈時間|發布時間|发表时间|發表時間|发表于|發表於|发布日期|發佈日期|出版时间|更新时间|更新時間|日期|时间|時間)"
    r"\s*[:：]\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"
)
_DATELINE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日(?:电|電|讯|訊)|〔[^〕]{0,20}〕\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_LEADING_STAMP = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s+\d{1,2}:\d{2}")
_FOOTER_STAMP = re.compile(r"(?:编辑于|編輯於|发布于|發佈於)\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_BARE_DATE_LINE = re.compile(r"^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")


def published_from_text(raw: str) -> tuple[str, str]:
    """(ISO date, how it was found) from the page text, or ("", "")."""
    lines = raw.split("\n")
    # NetEase-hao and similar: the article's own timestamp sits right above the author block.
    for i, line in enumerate(lines):
        match = _TIMESTAMP_LINE.match(line)
        if match and any(_AUTHOR_BLOCK.search(l) for l in lines[i + 1 : i + 4]):
            date = _safe_date(*match.groups())
            if date:
                return date.isoformat(), "platform timestamp above the author block"
    head = "\n".join(lines[:15])
    for pattern, how in ((_LABELLED, "labelled date line"), (_DATELINE, "dateline")):
        match = pattern.search(head)
        if match and (date := _safe_date(*[g for g in match.groups() if g is not None][:3])):
            return date.isoformat(), how
    for line in lines[:6]:
        match = _LEADING_STAMP.match(line)
        if match and (date := _safe_date(*match.groups())):
            return date.isoformat(), "timestamp at the head of a line"
    for line in lines[-8:]:
        match = _FOOTER_STAMP.search(line)
        if match and (date := _safe_date(*match.groups())):
            return date.isoformat(), "platform footer"
    for line in lines[:6]:
        match = _BARE_DATE_LINE.match(line)
        if match and (date := _safe_date(*match.groups())):
            return date.isoformat(), "date line at the top"
    return "", ""


_FULL_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]|[-/.](\d{1,2})[-/.](\d{1,2})(?!\d))"
)
# A sentence that looks ahead (预计, 将于, 计划): its dates are not yet the past.
_AHEAD = re.compile(r"将于|將於|将在|將在|预计|預計|计划|計劃|拟于|擬於|有望|预定|預定|定于|定於|即将|即將")
ESTIMATED = "estimated: the latest full date the text states"


def latest_stated_date(text: str) -> str:
    """For an article with no date of its own: the latest full date (year, month and day) its text
    states outside sentences that look ahead, as an ISO date, or "". A lower bound of when it was
    written, so that `11月2日` and `上周` can still be resolved."""
    best: dt.date | None = None
    for sentence in re.split(r"(?<=[。！？!?；;，,\n])", text):
        if _AHEAD.search(sentence):
            continue
        for m in _FULL_DATE.finditer(sentence):
            year, month, day = m.group(1), m.group(2) or m.group(4), m.group(3) or m.group(5)
            date = _safe_date(year, month, day)
            if date and (best is None or date > best):
                best = date
    return best.isoformat() if best else ""


# Lines a saved page shows above its headline: navigation and breadcrumbs, photo captions and their
# credits, bylines and datelines, the weather, the site's own name. They are stepped over.
_ABOVE_HEADLINE = re.compile(
    r"^(?:您现在的位置|当前位置|當前位置|现在位置|首页|首頁|主页|主頁|Skip to|跳转|跳轉|\d+\.\s*跳|我的频道|我的頻道"
    r"|快讯$|快訊$|资讯内容|資訊內容|AI导读|導讀[:：]|导读[:：])"
    r"|[>›»]|\s/\s"
    r"|^[▲△■●◆▶]"
    r"|[（(][^（）()]*(?:路透|美聯社|美联社|法新社|彭博|資料照|资料照|圖/|图/|摘自|截圖|截图|翻攝|翻摄|示意圖|示意图)[^（）()]*[）)]$"
    r"|作者[:：]|来源[:：]|來源[:：]|发布时间|發布時間|编辑[:：]|編輯[:：]|责任编辑|責任編輯|记者|記者|编译|編譯|^【文/"
    r"|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}:\d{2}$|°C|[（(]星期[一二三四五六日天][）)]"
    r"|[:：]$"
)
# A short line that is the site's name (`某某新闻网手机版`, `某某日報`).
_SITE_NAME = re.compile(r"^.{0,10}(?:网|網|新闻|新聞|手机版|手機版|日报|日報|电台|電台|频道|頻道)$")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _is_menu(line: str) -> bool:
    """A channel menu: items split by bars (`新闻 | 评论 | 生活`), or four or more short words in a row."""
    if len(re.findall(r"[|｜]", line)) >= 2:
        return True
    words = line.split()
    return len(words) >= 4 and all(len(w) <= 4 for w in words)


def title_from_text(text: str) -> str:
    """The headline: the first short line that does not read as a sentence of the body, after any
    navigation, captions, bylines or site names above it; "" when there is none (never a guess)."""
    lines = [l.strip() for l in text.split("\n") if l.strip()]
    if len(lines) < 2:
        return ""
    for line in lines[:6]:
        if _ABOVE_HEADLINE.search(line) or _SITE_NAME.match(line) or _is_menu(line):
            continue
        if (len(line) > 60 or len(_CJK.findall(line)) < 4 or re.search(r"[。；]$|[。]”$", line)
                or re.search(r"[:：]\s*[“「]", line)):
            return ""
        return line
    return ""
