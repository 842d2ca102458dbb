"""Saved web pages: the article's main text and metadata, through trafilatura (offline), checked against
what the page's markup says of itself (`page_facts`: its own headline, its dated structured data and
byline, its largest block of text)."""

from __future__ import annotations

import html as html_mod
from dataclasses import dataclass

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
    """The page without its nesting, for pages nested deeper than the parser goes: its title and meta tags,
    then each block's text as one paragraph (read in one linear pass by `page_facts.read_facts`)."""
    facts = read_facts(html)
    e = html_mod.escape
    head = "".join("<meta " + " ".join(f'{e(k)}="{e(v)}"' for k, v in m.items()) + ">" for m in facts.meta)
    body = "".join(f"<p>{e(p)}</p>\n" for p in facts.paragraphs)
    return (f"<html><head><title>{e(facts.title_tag)}</title>{head}</head>"
            f"<body><article>{body}</article></body></html>")


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
        title=page_title(facts, (meta.title or "") if meta is not None else "", sitename,
                         (meta.url or "") if meta is not None else ""),
        published=published,
        outlet=sitename,
        url=(meta.url or "") if meta is not None else "",
        published_how=how,
    )
