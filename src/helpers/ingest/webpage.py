"""Saved web pages: the article's main text and metadata, through trafilatura (offline)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageText:
    text: str
    title: str
    published: str
    outlet: str
    url: str


def extract_page(html: str) -> PageText:
    """Main text of a saved page (no comments, tables kept) with what its markup says."""
    import trafilatura  # imported on first use: a corpus of text files never pays for it

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
    published = ""
    if meta is not None and meta.date:
        published = str(meta.date)[:10]
    return PageText(
        text=text,
        title=(meta.title or "") if meta is not None else "",
        published=published,
        outlet=(meta.sitename or "") if meta is not None else "",
        url=(meta.url or "") if meta is not None else "",
    )
