"""Ingestion: one article file to clean, traceable text.

`ingest_bytes` is pure (bytes in, record out) so the build can cache and
parallelise it: decode, take the main text of HTML pages, normalise width
and line endings, repair pinyin glosses, strip page furniture, detect the
script, make a simplified copy that keeps names intact, split sentences
with offsets into the cleaned text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .. import paths
from ..lang.script import Simplifier, detect_script
from ..lang.text import cjk_count, normalize_text, repair_pinyin, split_sentences
from ..store.cache import dumps, loads
from .decode import NotText, decode_bytes
from .dedupe import signature
from .furniture import strip_furniture
from .meta import ESTIMATED, latest_stated_date, published_from_text, title_from_text
from .webpage import extract_page

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
MIN_ARTICLE_CJK = 30


class Skip(Exception):
    """A file that is not ingested, with the one-line reason."""


def too_large(size: int, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return f"file too large ({more}{size / 1e6:.1f} MB; the limit is {paths.MAX_FILE_BYTES / 1e6:.0f} MB)"


@dataclass
class Ingested:
    """One article as ingestion leaves it (metadata from the manifest is applied later)."""

    encoding: str
    title: str
    published: str
    published_how: str
    outlet: str
    url: str
    script: str
    text: str
    text_zh_hans: str
    n_chars_raw: int
    pinyin_repaired: int
    removed: dict[str, int]
    sentences: list[tuple[int, int, int, str, str]]  # index, start, end, text, zh_hans
    fingerprint: str = ""  # for duplicate detection (helpers.ingest.dedupe)
    bands: list[int] | None = None  # band hashes of its MinHash signature
    simplified: bool | None = None  # already simplified script (names aside): extraction skips conversion

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def to_json(self) -> str:
        return dumps(self.__dict__)

    @classmethod
    def from_json(cls, raw: str) -> "Ingested":
        data = loads(raw)
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise ValueError("not an ingested article")
        data["sentences"] = [tuple(s) for s in data["sentences"]]
        if not all(len(s) == 5 and type(s[1]) is int and type(s[2]) is int for s in data["sentences"]):
            raise ValueError("not an ingested article")
        return cls(**data)


def ingest_bytes(data: bytes, suffix: str, simplifier: Simplifier) -> Ingested:
    """Clean one article; raise `Skip` with a reason when there is no article in it."""
    if len(data) > paths.MAX_FILE_BYTES:
        raise Skip(too_large(len(data)))
    try:
        decoded = decode_bytes(data)
    except NotText as exc:
        raise Skip(str(exc)) from exc

    title = outlet = url = published = published_how = ""
    raw = decoded.text
    if suffix.lower() in HTML_SUFFIXES:
        page = extract_page(raw)
        raw = page.text
        title, outlet, url = page.title, page.outlet, page.url
        if page.published:
            published, published_how = page.published, page.published_how or "page metadata"

    raw = normalize_text(raw)
    if not published:
        published, published_how = published_from_text(raw)
    repaired, n_pinyin = repair_pinyin(raw)
    stripped = strip_furniture(repaired)
    text = stripped.text
    if cjk_count(text) < MIN_ARTICLE_CJK:
        raise Skip(
            f"no article text ({cjk_count(text)} Chinese characters after cleaning; "
            f"at least {MIN_ARTICLE_CJK} needed)"
        )
    title = title or title_from_text(text)
    if not published and (estimate := latest_stated_date(text)):
        published, published_how = estimate, ESTIMATED

    removed: dict[str, int] = {}
    for reason, line in stripped.removed:
        removed[reason] = removed.get(reason, 0) + len(line)
    if n_pinyin:
        removed["pinyin gloss"] = len(raw) - len(repaired)

    simplified = simplifier.is_simplified(text)
    sentences = [
        (s.index, s.start, s.end, s.text, simplifier.to_simplified(s.text, simplified))
        for s in split_sentences(text)
    ]
    # The simplified copy of the text is its sentences' copies with the gaps between them.
    pieces, pos = [], 0
    for _, start, end, _, hans in sentences:
        pieces.append(text[pos:start])
        pieces.append(hans)
        pos = end
    pieces.append(text[pos:])
    text_zh_hans = "".join(pieces)
    fp, band_hashes = signature(text_zh_hans)
    return Ingested(
        encoding=decoded.encoding,
        title=title,
        published=published,
        published_how=published_how,
        outlet=outlet,
        url=url,
        script="hans" if simplified else detect_script(text),
        text=text,
        text_zh_hans=text_zh_hans,
        n_chars_raw=len(raw),
        pinyin_repaired=n_pinyin,
        removed=removed,
        sentences=sentences,
        fingerprint=fp,
        bands=band_hashes,
        simplified=simplified,
    )
