"""Bytes to text: the encodings Chinese pages are saved in.

UTF-8 with or without BOM, UTF-16 (with BOM, or without one when the NUL
pattern shows it), GB18030/GBK and Big5, told apart by charset-normalizer
restricted to those candidates and then checked by a strict decode. Files
that are not text raise `NotText` with the reason.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_CANDIDATES = ["utf_8", "gb18030", "big5", "big5hkscs", "utf_16_le", "utf_16_be"]


class NotText(ValueError):
    """The bytes are not a text file in an encoding we read."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def _nul_pattern(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd > 0.3 and even < 0.05:
        return "utf_16_le"
    if even > 0.3 and odd < 0.05:
        return "utf_16_be"
    return None


_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")


def _looks_textual(text: str) -> bool:
    if not text.strip():
        return False
    return len(_BAD_CHARS.findall(text)) / len(text) < 0.01


_CHINESE_OR_ASCII = re.compile("[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\t\n\r\x20-\x7e]")


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """Chinese UTF-16 saved without a byte-order mark has almost no NUL bytes: try both byte orders and
    keep the one whose text is almost all Chinese, Chinese punctuation and ASCII (GBK or Big5 bytes
    read as UTF-16 fall into Hangul, private use and surrogates instead)."""
    if len(data) % 2 or len(data) < 8:
        return None
    for encoding in ("utf_16_le", "utf_16_be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:20000]
        cjk = sum(1 for c in sample if "\u4e00" <= c <= "\u9fff")
        if (cjk >= 0.3 * len(sample) and len(_CHINESE_OR_ASCII.findall(sample)) >= 0.97 * len(sample)
                and _looks_textual(text)):
            return Decoded(text, encoding.replace("_", "-"))
    return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode a file's bytes; raise `NotText` when they are empty or not text."""
    if not data.strip():
        raise NotText("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise NotText(f"bad {encoding} after its byte-order mark ({exc.reason})") from exc
            name = {"utf-8-sig": "utf-8-sig", "utf-16": "utf-16", "utf-32": "utf-32"}[encoding]
            if not _looks_textual(text):
                raise NotText("empty file" if not text.strip() else "binary content")
            return Decoded(text, name)
    utf16 = _nul_pattern(data)
    if utf16:
        try:
            text = data.decode(utf16)
            if _looks_textual(text):
                return Decoded(text, utf16.replace("_", "-"))
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        utf16 = _utf16_without_bom(data)
        if utf16:
            return utf16
        raise NotText("binary content (NUL bytes)")
    try:
        text = data.decode("utf-8")
        if not text.strip():  # only spaces (U+3000 and the like)
            raise NotText("empty file (only spaces)")
        if not _looks_textual(text):
            raise NotText("binary content (control characters)")
        return Decoded(text, "utf-8")
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    best = charset_normalizer.from_bytes(data[:200_000], cp_isolation=_CANDIDATES).best()
    order = [best.encoding] if best is not None else []
    order += [e for e in ("gb18030", "big5hkscs") if e not in order]
    for encoding in order:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_textual(text):
            return Decoded(text, encoding.replace("_", "-"))
    raise NotText("not UTF-8, UTF-16, GB18030 or Big5 text")
