"""Script detection and simplified copies that do not damage names.

OpenCC's `t2s`, `tw2sp` and `hk2s` all turn 昇騰, and even an already
simplified 昇腾, into 升腾. Every lexicon name is therefore converted on
its own, keeping any character that its canonical spelling needs, and the
text between names goes through OpenCC. Regional words are mapped the way
analysts expect (輝達 → 英伟达, 晶片 → 芯片) from `regional_terms.csv`.

Two copies exist for two jobs:

- `to_simplified`: for reading (`text_zh_hans`, `sentence_zh_hans`), with
  phrase-level conversion and regional words mapped, lengths may change.
- `to_simplified_aligned`: for extraction, exactly as long as its input so
  that a match at offset i in the copy is at offset i in the original.
"""

from __future__ import annotations

import functools
import re

import opencc

from .lexicon import Lexicon
from .text import CJK

_CJK_CHAR = re.compile(f"[{CJK}]")


@functools.lru_cache(maxsize=None)
def _cc(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def detect_script(text: str, sample: int = 600) -> str:
    """`hant` when more characters are traditional-only than simplified-only, else `hans`."""
    chars = "".join(_CJK_CHAR.findall(text[: sample * 3]))[:sample]
    if not chars:
        return "hans"
    as_simplified = _cc("t2s").convert(chars)
    as_traditional = _cc("s2t").convert(chars)
    traditional_only = sum(a != b for a, b in zip(chars, as_simplified))
    simplified_only = sum(a != b for a, b in zip(chars, as_traditional))
    return "hant" if traditional_only > simplified_only else "hans"


class Simplifier:
    """Converts to simplified Chinese with the lexicon's names protected."""

    def __init__(self, lexicon: Lexicon):
        t2s = _cc("t2s")
        # Characters of canonical names that OpenCC would change (昇 -> 升).
        self._keep_chars: set[str] = set()
        for entity in lexicon.entities:
            converted = t2s.convert(entity.canonical)
            if len(converted) == len(entity.canonical):
                self._keep_chars |= {
                    a for a, b in zip(entity.canonical, converted) if a != b
                }
        # Regional words, in either script, mapped the way analysts expect.
        regional = {k: v for term, v in lexicon.regional.items() for k in (term, t2s.convert(term)) if k}
        protected: dict[str, str] = {}
        for entity in lexicon.entities:
            for form in entity.forms:
                if _CJK_CHAR.search(form):
                    protected[form] = self._convert_name(form)
                    protected[t2s.convert(form)] = protected[form]
        protected.update(regional)  # regional words win over plain conversion of the same span
        # Full tables for text in traditional script; for text already simplified only regional words.
        # (The patterns for traditional text are compiled when first needed: a simplified corpus never needs them.)
        self._protected = {k: v for k, v in protected.items() if k}
        self._aligned = {k: v for k, v in self._protected.items() if len(k) == len(v)}
        self._regional, self._regional_pattern, self._regional_aligned, self._regional_aligned_pattern = (
            self._tables(regional))

    @classmethod
    def _tables(cls, table: dict[str, str]):
        """A replacement table, its pattern, and the same for same-length replacements (offsets kept)."""
        table = {k: v for k, v in table.items() if k}
        aligned = {k: v for k, v in table.items() if len(k) == len(v)}
        return table, cls._compile(table), aligned, cls._compile(aligned)

    @functools.cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        return self._compile(self._protected)

    @functools.cached_property
    def _aligned_pattern(self) -> re.Pattern[str] | None:
        return self._compile(self._aligned)

    def is_simplified(self, text: str) -> bool:
        """True when OpenCC would change no character except the ones names keep (昇)."""
        converted = _cc("t2s").convert(text)
        if converted == text:
            return True
        if len(converted) != len(text):
            return False
        return all(a == b or a in self._keep_chars for a, b in zip(text, converted))

    @staticmethod
    def _compile(table: dict[str, str]) -> re.Pattern[str] | None:
        if not table:
            return None
        keys = sorted(table, key=lambda k: (-len(k), k))
        return re.compile("|".join(re.escape(k) for k in keys))

    def _convert_name(self, form: str) -> str:
        converted = _cc("t2s").convert(form)
        if len(converted) != len(form):
            return converted
        return "".join(a if a in self._keep_chars else b for a, b in zip(form, converted))

    def _run(self, text: str, pattern, table, convert) -> str:
        if pattern is None:
            return convert(text)
        out: list[str] = []
        pos = 0
        for match in pattern.finditer(text):
            if match.start() > pos:
                out.append(convert(text[pos : match.start()]))
            out.append(table[match.group(0)])
            pos = match.end()
        if pos < len(text):
            out.append(convert(text[pos:]))
        return "".join(out)

    def to_simplified(self, text: str, simplified: bool | None = None) -> str:
        """Readable simplified copy: names kept, regional words mapped (not OpenCC's tw2sp, which
        rewrites mainland words too: 核心 → 内核, 程序 → 进程)."""
        if simplified if simplified is not None else self.is_simplified(text):
            return self._run(text, self._regional_pattern, self._regional, lambda gap: gap)
        return self._run(text, self._pattern, self._protected, _cc("t2s").convert)

    def to_simplified_aligned(self, text: str, simplified: bool | None = None) -> str:
        """Simplified copy of exactly the same length, for matching with offsets."""
        if simplified if simplified is not None else self.is_simplified(text):
            return self._run(text, self._regional_aligned_pattern, self._regional_aligned, lambda gap: gap)

        def convert(gap: str) -> str:
            converted = _cc("t2s").convert(gap)
            if len(converted) == len(gap):
                return converted
            single = (_cc("t2s").convert(ch) for ch in gap)
            return "".join(c if len(c) == 1 else ch for c, ch in zip(single, gap))

        result = self._run(text, self._aligned_pattern, self._aligned, convert)
        assert len(result) == len(text)
        return result
