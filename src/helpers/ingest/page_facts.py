"""What a saved page says of itself, read from its markup: the title, the publication date, and the
page's largest block of text, as checks on what trafilatura takes from it.

Chinese news platforms defeat a general extractor in a few regular ways: the page's own headline is in
`<title>` and its first heading while the extractor takes another story's headline from a list of
related articles (Baijiahao); the publication date is in the page's structured data (`pubDate` in
JSON-LD, `itemprop="dateUpdate"`, `article:published_time`) or in the byline beside the headline while
the extractor takes a related story's `<time>` or reads `18-03-08` day first; the whole article is one
block of text with images between its lines, which the extractor drops as boilerplate (WeChat). This
module reads those facts once, with the same linear-time flattening the deep-page fallback uses, and
decides between them by rules that hold across sites:

- **title**: the page's `<title>` (its site suffix cut: `…_网易订阅`, `…-新华网`), its `og:title`, its
  first `h1` (else `h2`); the extractor's title only where one of those agrees with it.
- **date**: a published date in the structured data; else one in the byline just after the headline;
  else an updated date in the structured data; else the extractor's. Only four-digit years are read,
  so `18-03-08` can never become 2008.
- **body**: the first run of paragraphs of Chinese text after the headline, used when the extractor kept
  less than half of it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_BLOCKS = {"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
           "blockquote", "pre", "header", "footer", "main", "ul", "ol", "table", "dd", "dt", "hr"}
_SKIP = {"script", "style", "noscript", "template"}
_HEADINGS = {"h1", "h2"}
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

# Structured-data fields (meta name/property/itemprop, JSON-LD keys) that give the publication date,
# and those that give a later revision (used only when nothing better is there).
_PUBLISHED = {"article:published_time", "og:published_time", "og:release_date", "datepublished", "pubdate",
              "publishdate", "publish_date", "publish-date", "publishtime", "publish_time", "ptime", "datecreated",
              "uploaddate", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "weibo:article:create_at"}
_UPDATED = {"article:modified_time", "og:updated_time", "datemodified", "dateupdate", "lastmod", "dcterms.modified"}
_DATE = re.compile(r"((?:19|20)\d\d)\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})")
_BYLINE_CHARS = 200  # the byline is this close after the headline, in the page's text

# A site name after the headline in <title>: `headline_网易订阅`, `headline - 新华网`, `headline|某某网`.
_TITLE_SEPARATOR = re.compile(r"\s*(?:_|\||｜|-{1,2}|–|—)\s*")
_SITE_WORDS = re.compile(r"(?:网|網|网站|網站|官网|官網|频道|頻道|订阅|訂閱|日报|日報|晚报|晚報|时报|時報|新闻|新聞|"
                         r"在线|在線|官方网站|财经|財經|科技|资讯|資訊|客户端|客戶端|号|號|纪检)$|[A-Za-z]{2,}\s*$")


@dataclass
class PageFacts:
    title_tag: str = ""
    meta: list[dict[str, str]] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    json_ld: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    heading_at: int = -1  # index in `paragraphs` of the first heading, -1 when none


class _Reader(HTMLParser):
    """One linear pass over the markup: <title>, meta tags, JSON-LD, the h1/h2 texts, each block's text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.facts = PageFacts()
        self.buffer: list[str] = []
        self.skipping = 0
        self.in_title = False
        self.in_ld = False
        self.ld: list[str] = []
        self.heading: list[str] | None = None

    def _flush(self) -> None:
        text = " ".join("".join(self.buffer).split())
        if text:
            self.facts.paragraphs.append(text)
        self.buffer = []

    def handle_starttag(self, tag, attrs):
        if tag == "script" and any(k == "type" and (v or "").lower() == "application/ld+json" for k, v in attrs):
            self.in_ld, self.ld = True, []
        if tag in _SKIP:
            self.skipping += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "meta":
            self.facts.meta.append({k.lower(): v or "" for k, v in attrs})
        elif tag in _BLOCKS:
            self._flush()
            if tag in _HEADINGS and self.heading is None and len(self.facts.headings) < 8:
                self.heading = []
        if tag not in ("meta",) and tag not in _SKIP:
            for k, v in attrs:  # <time datetime=…> and microdata carry dates as attributes
                if k == "itemprop" and (v or "").lower() in _PUBLISHED | _UPDATED:
                    content = dict(attrs).get("content") or dict(attrs).get("datetime") or ""
                    if content:
                        self.facts.meta.append({"itemprop": v or "", "content": content})

    def handle_endtag(self, tag):
        if tag == "script" and self.in_ld:
            self.in_ld = False
            self.facts.json_ld.append("".join(self.ld))
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in _BLOCKS:
            if tag in _HEADINGS and self.heading is not None:
                text = " ".join("".join(self.heading).split())
                if text:
                    if self.facts.heading_at < 0:
                        self.facts.heading_at = len(self.facts.paragraphs)
                    self.facts.headings.append(text)
                self.heading = None
            self._flush()

    def handle_data(self, data):
        if self.in_ld:
            self.ld.append(data)
        elif self.in_title:
            self.facts.title_tag += data
        elif not self.skipping:
            self.buffer.append(data)
            if self.heading is not None:
                self.heading.append(data)


def read_facts(html: str) -> PageFacts:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    reader._flush()
    reader.facts.title_tag = " ".join(reader.facts.title_tag.split())
    return reader.facts


# ------------------------------------------------------------------ title
def strip_site(title: str, sitename: str = "") -> str:
    """`headline_网易订阅` → `headline`: trailing pieces after a separator that name the site are cut, as
    long as a headline of some length is left."""
    title = title.strip()
    while True:
        parts = list(_TITLE_SEPARATOR.finditer(title))
        if not parts:
            return title
        last = parts[-1]
        head, tail = title[:last.start()].strip(), title[last.end():].strip()
        site, end = _norm(sitename), _norm(tail)
        site_like = (site and end and (end in site or site in end)) or (
            len(tail) <= 16 and _SITE_WORDS.search(tail) is not None)
        if not site_like or len(_CJK.findall(head)) < 4:
            return title
        title = head


def _norm(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def _agree(a: str, b: str) -> bool:
    """One title is the other, or begins it (a <title> may add a subtitle, a heading may drop one)."""
    a, b = _norm(a), _norm(b)
    return bool(a and b) and (a == b or (min(len(a), len(b)) >= 6 and (a.startswith(b) or b.startswith(a))))


_LEADING_SEPARATOR = re.compile(r"^\s*(?:_|\||｜|-{1,2}|–|—|：|:)")


def _complete(short: str, longer: list[str]) -> bool:
    """Whether `short` is the whole headline: every longer agreeing candidate is it plus a site or column
    suffix after a separator (`headline_政务`), not the rest of a headline it cut (`headline"暗伤"曝露？`)."""
    key = _norm(short)
    for other in longer:
        if _norm(other) == key:
            continue
        at = other.find(short)
        if at != 0 or not _LEADING_SEPARATOR.match(other[len(short):]):
            return False
    return True


def page_title(facts: PageFacts, extracted: str = "", sitename: str = "") -> str:
    """The page's own headline (see the module's docstring): of the candidates that agree with the page's
    <title> or og:title, the shortest that is whole (the others add only a site or column after a
    separator)."""
    og = next((m.get("content", "") for m in facts.meta
               if (m.get("property") or m.get("name") or "").lower() in ("og:title", "twitter:title")), "")
    tag = strip_site(facts.title_tag, sitename)
    og = strip_site(" ".join(og.split()), sitename)
    extracted = " ".join(extracted.split())
    anchors = [t for t in (tag, og) if t]
    agreeing = [t for t in (*facts.headings[:3], og, tag, extracted) if t and any(_agree(t, a) for a in anchors)]
    if agreeing:
        ordered = sorted(set(agreeing), key=len)
        for i, short in enumerate(ordered):
            if _complete(short, ordered[i + 1:]):
                return short
        return ordered[-1]
    return tag or og or (facts.headings[0] if facts.headings else "") or strip_site(extracted, sitename)


# ------------------------------------------------------------------ date
def _iso(text: str) -> str:
    m = _DATE.search(text or "")
    if not m:
        return ""
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return ""


def _ld_dates(blob: str, names: set[str]) -> list[str]:
    try:
        data = json.loads(blob)
    except ValueError:
        return [d for key in names for d in
                (_iso(m.group(1)) for m in re.finditer(rf'"{re.escape(key)}"\s*:\s*"([^"]{{6,40}})"', blob, re.I)) if d]
    found, stack = [], [data]
    while stack and len(found) < 20:
        item = stack.pop()
        if isinstance(item, dict):
            for k, v in item.items():
                if isinstance(v, str) and k.lower() in names and (d := _iso(v)):
                    found.append(d)
                elif isinstance(v, (dict, list)):
                    stack.append(v)
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _field_kind(key: str) -> str:
    """`published`, `updated` or '' for a structured-data field's name (`firstpublishedtime`, `og:updated_time`)."""
    key = key.lower()
    if key in _PUBLISHED or "publish" in key:
        return "published"
    if key in _UPDATED or "modif" in key or "updated" in key:
        return "updated"
    return ""


def _structured(facts: PageFacts, names: set[str]) -> str:
    kind = "published" if names is _PUBLISHED else "updated"
    for m in facts.meta:
        key = (m.get("property") or m.get("name") or m.get("itemprop") or m.get("http-equiv") or "").lower()
        if _field_kind(key) == kind and (d := _iso(m.get("content", ""))):
            return d
    for blob in facts.json_ld:
        if dates := _ld_dates(blob, names):
            return dates[0]
    return ""


def byline_date(facts: PageFacts) -> str:
    """A date with a four-digit year in the text just after the first headline (the byline)."""
    if facts.heading_at < 0:
        return ""
    after = " ".join(facts.paragraphs[facts.heading_at + 1:facts.heading_at + 6])[:_BYLINE_CHARS]
    return _iso(after)


def page_date(facts: PageFacts, extracted: str = "") -> tuple[str, str]:
    """The publication date and where it was read (see the module's docstring)."""
    for value, how in ((_structured(facts, _PUBLISHED), "page metadata"), (byline_date(facts), "page byline"),
                       (_structured(facts, _UPDATED), "page metadata (updated)"), (extracted, "page metadata")):
        if value:
            return value, how
    return "", ""


# ------------------------------------------------------------------ body
_RUN_MIN_CJK = 8  # a paragraph shorter than this (a menu item, a caption) ends a run of body text
_BODY_MIN_CJK = 60  # a run this long after the headline is the article's body


def _runs(paragraphs: list[str]) -> list[tuple[int, int, list[str]]]:
    """Runs of consecutive paragraphs of Chinese text: (first paragraph's index, characters, paragraphs)."""
    runs, start, count, run = [], 0, 0, []
    for i, paragraph in enumerate([*paragraphs, ""]):
        n = cjk_len(paragraph)
        if n >= _RUN_MIN_CJK:
            if not run:
                start = i
            run.append(paragraph)
            count += n
        elif run:
            runs.append((start, count, run))
            run, count = [], 0
    return runs


def largest_block(facts: PageFacts) -> str:
    """The article's body as the page's paragraphs lay it out, one paragraph a line: the first run of
    paragraphs of Chinese text (each of at least `_RUN_MIN_CJK` characters, `_BODY_MIN_CJK` in all) after
    the headline; on a page with no headline, its largest run."""
    paragraphs = list(facts.paragraphs)
    if facts.heading_at >= 0:
        paragraphs[facts.heading_at] = ""  # the headline is not the body, and ends the run before it
    runs = _runs(paragraphs)
    after = [r for r in runs if r[0] > facts.heading_at and r[1] >= _BODY_MIN_CJK] if facts.heading_at >= 0 else []
    chosen = after[0] if after else max(runs, key=lambda r: r[1], default=(0, 0, []))
    return "\n".join(chosen[2])


def cjk_len(text: str) -> int:
    return len(_CJK.findall(text))
