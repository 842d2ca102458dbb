"""The bundled CJK font, subset to the characters a page uses and embedded in it.

Reports are read on machines without Chinese fonts; a page that carries its
own subset of Noto Sans CJK (a few hundred kilobytes for a report's
characters) draws every character the same everywhere, offline.
"""

from __future__ import annotations

import base64
import functools
import io
import re

from .plots import cjk_font_path

FAMILY = "chipwatch-cjk"
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@functools.lru_cache(maxsize=1)
def _font_bytes() -> bytes:
    return cjk_font_path().read_bytes()


def subset_font(text: str) -> bytes:
    """An OpenType font holding just the non-ASCII characters of `text` (plus basic Latin)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    chars = set(_NON_ASCII.findall(text)) | {chr(c) for c in range(0x20, 0x7f)}
    font = TTFont(io.BytesIO(_font_bytes()), lazy=False)
    options = subset.Options()
    options.flavor = None
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in chars])
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def embed_font(html: str, font: bytes | None = None) -> str:
    """Add an @font-face with the page's own font subset (or `font`, a subset made for several pages at
    once: `embed_fonts`) and use it for the page's text."""
    if not _NON_ASCII.search(html):
        return html
    data = base64.b64encode(subset_font(html) if font is None else font).decode("ascii")
    style = (
        "<style>@font-face{font-family:'" + FAMILY + "';src:url(data:font/otf;base64," + data + ") format('opentype');}"
        ":root{--jp-content-font-family:'" + FAMILY + "',system-ui,sans-serif;"
        "--jp-code-font-family:monospace,'" + FAMILY + "';--jp-ui-font-family:'" + FAMILY + "',system-ui,sans-serif;}"
        "body,table,td,th,p,li,div,span,h1,h2,h3,h4{font-family:'" + FAMILY
        + "',system-ui,-apple-system,'Segoe UI',sans-serif;}"
        "code,pre,kbd,samp{font-family:'DejaVu Sans Mono',monospace,'" + FAMILY + "'!important;}</style>"
    )
    return html.replace("</head>", style + "</head>", 1)


def embed_fonts(pages: list[str]) -> list[str]:
    """The pages of one report run, each with the font subset of all of them: subsetting the CJK font costs
    one to two seconds whatever the characters, so a run subsets it once, not once per page."""
    needing = [p for p in pages if _NON_ASCII.search(p)]
    if not needing:
        return list(pages)
    font = subset_font("".join(sorted({c for p in needing for c in _NON_ASCII.findall(p)})))
    return [embed_font(p, font) for p in pages]
