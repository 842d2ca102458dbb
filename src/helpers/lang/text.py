"""Text normalisation shared by ingestion and extraction.

Pure functions on strings: width and line-ending normalisation, repair of
pinyin left by broken conversions, script detection and sentence splitting
with character offsets into the cleaned text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{CJK}]")

# A pinyin gloss left behind by a broken script conversion: `技術(shù)`,
# `產(chǎn)`. Only lowercase syllables that carry a tone mark (or ü) count, and
# only right after a Chinese character, so `(AI)`, `(FP16)` or `(注)` stay.
_TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
_PINYIN_GLOSS = re.compile(
    rf"(?<=[{CJK}])\((?=[a-z{_TONE}]*[{_TONE}])[a-z{_TONE}]{{1,7}}\)"
)

# Characters NFKC would damage or that carry meaning here: keep CJK
# punctuation (，。：“” and the like) as it is; NFKC folds only the
# full-width ASCII block (Ｈ２０ → H20, ％ → %) and compatibility spaces.
_FULLWIDTH = re.compile("[\uff01-\uff5e\u3000\u00a0\u2002-\u200a]")
_KEEP_FULLWIDTH = set("，。：；！？（）【】「」『』、《》〈〉“”‘’")
# Invisible characters that only steer display: zero-width spaces and joiners, the word joiner and BOM,
# bidirectional marks, embeddings, overrides and isolates (U+200E/F, U+061C, U+202A–E, U+2066–9), the
# soft hyphen, invisible operators (U+2061–4) and variation selectors (U+FE00–F: the emoji U+FE0F).
# Dropped before anything reads the text: they would split a number or a name in two.
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u061c\u202a-\u202e\u2060-\u2064\u2066-\u2069\u00ad\ufe00-\ufe0f\ufeff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def normalize_width(text: str) -> str:
    """Fold full-width letters, digits and symbols to ASCII (NFKC), keep CJK punctuation.

    `Ｈ２０` becomes `H20` and `９５％` becomes `95%`, while the Chinese comma,
    full stop and quotation marks stay, so sentences still read as Chinese.
    """

    def fold(match: re.Match[str]) -> str:
        ch = match.group(0)
        if ch in _KEEP_FULLWIDTH:
            return ch
        return unicodedata.normalize("NFKC", ch)

    return _FULLWIDTH.sub(fold, text)


def normalize_text(text: str) -> str:
    """Line endings, control and zero-width characters, width; nothing else."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _CONTROL.sub("", text)
    return normalize_width(text)


def repair_pinyin(text: str) -> tuple[str, int]:
    """Drop pinyin glosses such as `(shù)` after Chinese characters; return text and count."""
    repaired, count = _PINYIN_GLOSS.subn("", text)
    return repaired, count


def cjk_count(text: str) -> int:
    return len(_CJK_RE.findall(text))


# ---------------------------------------------------------------- sentences

_TERMINATORS = "。！？!?…"
_CLOSERS = "”’」』）)】》\"'"
_SENTENCE_END = re.compile(
    rf"(?:[{_TERMINATORS}]+[{_CLOSERS}]*)|\n+|(?<=[{CJK}”」])(?<![亿億万萬兆])[ \t]{{1,4}}(?=[{CJK}“「])"
)


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


def split_sentences(text: str, max_chars: int = 600) -> list[Sentence]:
    """Split cleaned text into sentences with offsets: `text[start:end] == sentence.text`.

    Ends at 。！？!? and ellipses (keeping closing quotes with the sentence), at
    line breaks, and at a run of spaces between Chinese characters, which some
    platforms use in place of a full stop (not after a magnitude: `50亿 美元` is one figure). A sentence longer than `max_chars`
    is cut at its last comma or semicolon before the limit, so no claim's
    context grows without bound.
    """
    sentences: list[Sentence] = []
    pos = 0

    def emit(start: int, end: int) -> None:
        # Trim surrounding whitespace while keeping offsets exact.
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        while end - start > max_chars:
            window = text[start : start + max_chars]
            cut = max(window.rfind(c) for c in "，,；;、")
            cut = start + (cut + 1 if cut > max_chars // 4 else max_chars)
            sentences.append(Sentence(len(sentences), start, cut, text[start:cut]))
            start = cut
        if end > start:
            sentences.append(Sentence(len(sentences), start, end, text[start:end]))

    depth = 0  # inside 《book titles》 a ? or ! does not end the sentence
    scanned = 0
    for match in _SENTENCE_END.finditer(text):
        if "\n" not in match.group(0):
            segment = text[scanned : match.start()]
            depth = max(0, depth + segment.count("《") - segment.count("》"))
            scanned = match.start()
            if depth > 0:
                continue
        else:
            depth, scanned = 0, match.end()
        end = match.end() if not match.group(0).isspace() else match.start()
        emit(pos, end)
        pos = match.end()
    emit(pos, len(text))
    return sentences
