"""Saved web pages: the article's main text and metadata, through trafilatura (offline), checked against
what the page's markup says of itself (`page_facts`: its own headline, its dated structured data and
byline, its largest block of text)."""

from __future__ import annotations

import html as html_mod
from dataclasses import dataclass
from html.parser import HTMLParser

import lxml.html

from .page_facts import cjk_len, largest_block, page_date, page_title, read_facts


@dataclass(frozen=True)
class PageText:
    text: str
    title: str
    published: str
    outlet: str
    url: str
    published_how: str = ""


_BLOCKS = {"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
           "blockquote", "pre", "header", "footer", "main", "ul", "ol", "table", "dd", "dt", "hr"}
_SKIP = {"script", "style", "noscript", "template"}


class _Flattener(HTMLParser):
    """Markup with its nesting taken away: the head's title and meta tags, then each block's text as
    one paragraph. Linear in the page, whatever its depth."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.head: list[str] = []
        self.paragraphs: list[str] = []
        self.buffer: list[str] = []
        self.skipping = 0
        self.in_title = False
        self.title = ""

    def _flush(self) -> None:
        text = " ".join("".join(self.buffer).split())
        if text:
            self.paragraphs.append(text)
        self.buffer = []

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skipping += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "meta":
            e = html_mod.escape
            self.head.append("<meta " + " ".join(f'{e(k)}="{e(v or "")}"' for k, v in attrs) + ">")
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        elif not self.skipping:
            self.buffer.append(data)

    def document(self) -> str:
        self._flush()
        e = html_mod.escape
        body = "".join(f"<p>{e(p)}</p>\n" for p in self.paragraphs)
        return (f"<html><head><title>{e(self.title.strip())}</title>{''.join(self.head)}</head>"
                f"<body><article>{body}</article></body></html>")


def too_deep(html: str) -> bool:
    """Whether the HTML parser would drop part of the page: libxml2 stops at 256 levels of nesting
    (its "Excessive depth" error) and silently loses what lies deeper."""
    parser = lxml.html.HTMLParser(collect_ids=False)
    try:
        lxml.html.document_fromstring(html, parser=parser)
    except Exception:  # nothing parseable: trafilatura will say so
        return False
    return any("depth" in str(err.message).lower() for err in parser.error_log)


def flatten(html: str) -> str:
    """The page without its nesting (see `_Flattener`), for pages nested deeper than the parser goes."""
    flattener = _Flattener()
    flattener.feed(html)
    flattener.close()
    return flattener.document()


def extract_page(html: str) -> PageText:
    """Main text of a saved page (no comments, tables kept) with what its markup says. A page nested
    deeper than the HTML parser goes is flattened first (its blocks' text kept in order)."""
    import trafilatura  # imported on first use: a corpus of text files never pays for it

    if too_deep(html):
        html = flatten(html)

    text = trafilatura.extract(
        html,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        favor_recall=True,
        deduplicate=False,
        with_metadata=False,
    ) or ""
    # No extensive date search: it takes a copyright footer (© 2019) for the publication date.
    meta = trafilatura.extract_metadata(html, extensive=False)
    facts = read_facts(html)
    sitename = (meta.sitename or "") if meta is not None else ""
    published, how = page_date(facts, str(meta.date)[:10] if meta is not None and meta.date else "")
    # An article written as one block of text between images (WeChat) is dropped by the extractor as
    # boilerplate: where it kept less than half of the page's largest block, the block is the article.
    block = largest_block(facts)
    if cjk_len(block) > 2 * cjk_len(text):
        text = block
    return PageText(
        text=text,
        title=page_title(facts, (meta.title or "") if meta is not None else "", sitename),
        published=published,
        outlet=sitename,
        url=(meta.url or "") if meta is not None else "",
        published_how=how,
    )
