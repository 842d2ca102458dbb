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

- **title**: the page's `<title>` (its site suffix cut: `…_网易订阅`, `…-新华网`, `…-EDN 电子技术设计`), its
  `og:title`, its first `h1` (else `h2`); the extractor's title only where one of those agrees with it. A
  part after a separator is the site's when it names the site: a word of site names (网, 日报, 频道…),
  the page's `og:site_name` / `application-name`, the text of the page's links to its home page, or a
  Latin word of its domain's name (`EDN` of ednchina.com).
- **date**: a published date in the structured data; else one in the byline just after the headline
  (visible, and next to the page's own headline); else one in a well-known inline-script date variable
  (`var ct = "<unix seconds>"` on WeChat, whose byline says only 昨天; `publish_time`, `pubtime`,
  `create_time`: unix seconds, read in China Standard Time, or a date string; the first in the page, so
  a feed of related stories in a later script does not date the page); else an updated date in the
  structured data; else the extractor's. Only four-digit years are read, so `18-03-08` can
  never become 2008.
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
_BYLINE_BLOCK_CHARS = 100  # and in blocks no longer than this

# Inline-script variables that carry the publication time (WeChat's `var ct = "<unix seconds>"`,
# `publish_time = "2020-02-12"`, `"pubtime": …`): a name, `=` or `:`, a quoted or bare value. `ct` is read
# only as unix seconds (elsewhere it may count something).
_SCRIPT_DATE = re.compile(
    r"""(?<![\w$.])(?:var\s+|let\s+|const\s+|window\.)?["']?(ct|ori_create_time|create_?time|publish_?time|"""
    r"""pub_?time|publish_?date|pub_?date|first_?publish_?time)["']?\s*[:=]\s*["']?([0-9]{10}(?:[0-9]{3})?\b|"""
    r"""(?:19|20)\d\d[-/年.]\d{1,2}[-/月.]\d{1,2})""", re.I)
_SCRIPT_DATES_KEPT = 8
_CHINA_TIME = dt.timezone(dt.timedelta(hours=8))  # the platforms these pages come from publish in UTC+8
_EARLIEST = dt.datetime(1995, 1, 1, tzinfo=dt.timezone.utc).timestamp()

# A site name after the headline in <title>: `headline_网易订阅`, `headline - 新华网`, `headline|某某网`.
_TITLE_SEPARATOR = re.compile(r"\s*(?:_+|\|+|｜|-{1,2}|–|—|·|•)\s*")
_SITE_WORDS = re.compile(r"(?:网|網|网站|網站|官网|官網|频道|頻道|订阅|訂閱|日报|日報|晚报|晚報|时报|時報|新闻|新聞|"
                         r"在线|在線|官方网站|财经|財經|科技|资讯|資訊|客户端|客戶端|号|號|纪检|公报|公報|周报|週報|晨报|晨報|"
                         r"早报|早報|商报|商報|学报|學報)$|[A-Za-z]{2,}\s*$")
# A link to a site's home page (its text or its logo's alt names the site): `//host/`, `/`, `index.html`.
_HOME_LINK = re.compile(r"^\s*(?:(?:https?:)?//[^/?#\s]+)?/?(?:index\.(?:s?html?|php|aspx?))?\s*$", re.I)
_HOST = re.compile(r"^\s*(?:https?:)?//([^/?#:\s]+)", re.I)
_HOME_LINKS_KEPT = 40
_GENERIC_LABELS = {"com", "cn", "net", "org", "gov", "edu", "tw", "hk", "mo", "info", "cc", "co", "io", "me", "tv",
                   "biz", "www", "m", "wap", "news"}


@dataclass
class PageFacts:
    title_tag: str = ""
    meta: list[dict[str, str]] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    json_ld: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    heading_at: int = -1  # index in `paragraphs` of the first heading (else of the <title>'s text), -1 when none
    script_dates: list[str] = field(default_factory=list)  # from inline-script date variables, in page order
    home_links: list[tuple[str, str]] = field(default_factory=list)  # (host or '', text and logo alts) of links to a home page
    hosts: dict[str, int] = field(default_factory=dict)  # host -> links to it


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
        self.in_script = False
        self.home_link: list[str] | None = None
        self.home_host = ""

    def _flush(self) -> None:
        text = " ".join("".join(self.buffer).split())
        if text:
            self.facts.paragraphs.append(text)
        self.buffer = []

    def handle_starttag(self, tag, attrs):
        if tag == "script" and any(k == "type" and (v or "").lower() == "application/ld+json" for k, v in attrs):
            self.in_ld, self.ld = True, []
        if tag == "a":
            self._link(dict(attrs).get("href") or "")
        elif tag == "img" and self.home_link is not None:
            self.home_link.append(" " + (dict(attrs).get("alt") or "") + " ")
        if tag in _SKIP:
            self.skipping += 1
            self.in_script = tag == "script" and not self.in_ld
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
        if tag == "a" and self.home_link is not None:
            name = " ".join("".join(self.home_link).split())
            if name and len(self.facts.home_links) < _HOME_LINKS_KEPT:
                self.facts.home_links.append((self.home_host, name))
            self.home_link = None
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
            self.in_script = False
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

    def _link(self, href: str) -> None:
        host = _HOST.match(href)
        name = host.group(1).lower() if host else ""
        if name and (name in self.facts.hosts or len(self.facts.hosts) < 500):
            self.facts.hosts[name] = self.facts.hosts.get(name, 0) + 1
        self.home_link = [] if href.strip() and _HOME_LINK.match(href) else None
        self.home_host = name

    def handle_data(self, data):
        if self.in_ld:
            self.ld.append(data)
        elif self.in_script:
            for m in _SCRIPT_DATE.finditer(data):
                if len(self.facts.script_dates) >= _SCRIPT_DATES_KEPT:
                    break
                if d := _script_date(m.group(1), m.group(2)):
                    self.facts.script_dates.append(d)
        elif self.in_title:
            self.facts.title_tag += data
        elif not self.skipping:
            self.buffer.append(data)
            if self.heading is not None:
                self.heading.append(data)
            if self.home_link is not None:
                self.home_link.append(data)


def _script_date(name: str, value: str) -> str:
    """The date of an inline-script date variable's value: unix seconds (or milliseconds) in China
    Standard Time, between 1995 and a day from now; else a date string with a four-digit year."""
    if value.isdigit():
        seconds = int(value) / (1000 if len(value) == 13 else 1)
        if not _EARLIEST <= seconds <= dt.datetime.now(dt.timezone.utc).timestamp() + 86400:
            return ""
        return dt.datetime.fromtimestamp(seconds, _CHINA_TIME).date().isoformat()
    return "" if name.lower() == "ct" else _iso(value)


def read_facts(html: str) -> PageFacts:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    reader._flush()
    facts = reader.facts
    facts.title_tag = " ".join(facts.title_tag.split())
    if facts.heading_at < 0 and facts.title_tag:
        # No h1/h2: the headline is the first block that is the page's <title> (a styled div on many sites).
        host = page_host(facts)
        title = strip_site(facts.title_tag, site_names(facts, host=host), domain_label(host))
        facts.heading_at = next((i for i, p in enumerate(facts.paragraphs)
                                 if len(_norm(p)) >= 6 and _agree(p, title)), -1)
    return facts


# ------------------------------------------------------------------ title
_HOME_WORDS = re.compile(r"^(?:返回|回到)?(?:网站|網站)?(?:首页|首頁|主页|主頁)$|^home(?:\s*page)?$", re.I)


def page_host(facts: PageFacts, url: str = "") -> str:
    """The page's host: from its address (given, else og:url), else the host most of its links go to."""
    og = next((m.get("content", "") for m in facts.meta if (m.get("property") or m.get("name") or "").lower() == "og:url"), "")
    host = next((h.group(1).lower() for h in map(_HOST.match, (url, og)) if h), "")
    if not host and facts.hosts:
        host = max(facts.hosts.items(), key=lambda kv: kv[1])[0]
    return host


def domain_label(host: str) -> str:
    """The name part of a host (`ednchina` of www.ednchina.com); '' when only generic labels are left."""
    labels = [label for label in host.split(".") if label and label not in _GENERIC_LABELS]
    return labels[-1] if labels and not labels[-1].isdigit() else ""


def site_names(facts: PageFacts, sitename: str = "", host: str = "") -> list[str]:
    """What the page calls its site: the given name, `og:site_name` / `application-name`, and the texts
    (and logo alts) of its links to its own home page (`/`, or the page's `host`; bare home words such as
    首页 left out; links to other sites' home pages name those sites)."""
    named = [m.get("content", "") for m in facts.meta
             if (m.get("property") or m.get("name") or "").lower() in ("og:site_name", "application-name")]
    home = [text for link_host, text in facts.home_links if not link_host or (host and link_host == host)]
    return [n for n in dict.fromkeys([sitename, *named, *home]) if n.strip() and not _HOME_WORDS.match(n.strip())]


def _names_site(tail: str, names: list[str], domain: str) -> bool:
    """Whether a part of the <title> after a separator names the site (see the module's docstring)."""
    end = _norm(tail).lower()
    if not end:
        return False
    for name in map(lambda n: _norm(n).lower(), names):
        if len(name) >= 2 and len(end) >= 2 and (end in name or name in end):
            return True
    if domain and len(domain) >= 3:
        for word in re.findall(r"[A-Za-z]{3,}", tail):
            word = word.lower()
            if word in domain or domain in word:
                return True
    return len(tail) <= 16 and _SITE_WORDS.search(tail) is not None


def strip_site(title: str, sitename: str | list[str] = "", domain: str = "") -> str:
    """`headline_网易订阅` → `headline`: trailing pieces after a separator that name the site (by a word of
    site names, one of the page's `names` for its site, or a word of its `domain`'s name) are cut, as long
    as a headline of some length is left."""
    names = [sitename] if isinstance(sitename, str) else list(sitename)
    title = title.strip()
    while True:
        parts = list(_TITLE_SEPARATOR.finditer(title))
        if not parts:
            return title
        last = parts[-1]
        head, tail = title[:last.start()].strip(), title[last.end():].strip()
        if not _names_site(tail, names, domain) or len(_CJK.findall(head)) < 4:
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


def page_title(facts: PageFacts, extracted: str = "", sitename: str = "", url: str = "") -> str:
    """The page's own headline (see the module's docstring): of the candidates that agree with the page's
    <title> or og:title, the shortest that is whole (the others add only a site or column after a
    separator)."""
    og = next((m.get("content", "") for m in facts.meta
               if (m.get("property") or m.get("name") or "").lower() in ("og:title", "twitter:title")), "")
    host = page_host(facts, url)
    names, domain = site_names(facts, sitename, host), domain_label(host)
    tag = strip_site(facts.title_tag, names, domain)
    og = strip_site(" ".join(og.split()), names, domain)
    extracted = " ".join(extracted.split())
    anchors = [t for t in (tag, og) if t]
    agreeing = [t for t in (*facts.headings[:3], og, tag, extracted) if t and any(_agree(t, a) for a in anchors)]
    if agreeing:
        ordered = sorted(set(agreeing), key=len)
        for i, short in enumerate(ordered):
            if _complete(short, ordered[i + 1:]):
                return short
        return ordered[-1]
    return tag or og or (facts.headings[0] if facts.headings else "") or strip_site(extracted, names, domain)


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
    """A date with a four-digit year in the text just after the first headline (the byline): in the short
    blocks there (a body paragraph that opens with the day of the event is not a byline)."""
    if facts.heading_at < 0:
        return ""
    after = " ".join(p for p in facts.paragraphs[facts.heading_at + 1:facts.heading_at + 6]
                     if len(p) <= _BYLINE_BLOCK_CHARS)[:_BYLINE_CHARS]
    return _iso(after)


def page_date(facts: PageFacts, extracted: str = "") -> tuple[str, str]:
    """The publication date and where it was read (see the module's docstring)."""
    script = facts.script_dates[0] if facts.script_dates else ""
    for value, how in ((_structured(facts, _PUBLISHED), "page metadata"), (byline_date(facts), "page byline"),
                       (script, "page script"),
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
