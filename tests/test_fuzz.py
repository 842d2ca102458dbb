"""Random and adversarial text: ingestion and extraction never raise, spans stay inside, values finite."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.extract import extract_article, extract_text
from helpers.ingest.article import Skip, ingest_bytes

# Pieces this reporting is made of, so the fuzzer reaches the extractors' branches.
PIECES = [
    "英伟达", "輝達", "华为", "昇腾910B", "昇騰", "H20", "H200", "Atlas 950 SuperPoD", "NVL144", "黄仁勋", "他说",
    "份额", "市佔率", "从", "由", "降到", "跌至", "腰斩", "归零", "零", "95%", "５０％", "九成半", "百分之五十", "三分之一",
    "约", "超", "近", "不足", "或", "以下", "亿美元", "万元", "新台幣", "TFLOPS", "TB/s", "GB", "张卡", "颗", "纳米",
    "的两倍", "H100的80%", "2025年", "4月", "18日", "今年", "三个月后", "同一天", "财年", "Q4", "第四季度",
    "叫停", "批准", "发布", "宣布", "表示：", "“", "”", "「", "」", "，", "。", "？", "；", "\n", " ", "\u200b",
    "(shù)", "《", "》", "688256.SH", "010-12345678", "1,2,3", "4/5G", "\x07", "\ufeff", "１２３",
    "٣٤٥", "𝟗𝟓%", "ⅨⅩ", "9" * 3000, "“" * 50, "」」」", "份额" * 500, "\u202e", "\x00", "\r\n",
]
articles = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60).map("".join)


def _check(rows, text):
    for r in rows:
        assert 0 <= r["char_start"] < r["char_end"] <= len(text)
        assert text[r["char_start"]:r["char_end"]] == r["evidence"]
        for column in ("value", "value_max", "from_value", "to_value"):
            if r[column] is not None:
                assert math.isfinite(r[column])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=articles, published=st.sampled_from(["", "2025-11-03", "2024-02-29"]))
def test_extractors_survive_any_text(lexicon, simplifier, text, published):
    rows = extract_text(text, published, lexicon=lexicon, simplifier=simplifier)
    _check(rows, text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=articles, encoding=st.sampled_from(["utf-8", "utf-16", "gb18030", "big5"]))
def test_ingestion_survives_any_text(simplifier, lexicon, text, encoding):
    data = text.encode(encoding, errors="replace")
    try:
        art = ingest_bytes(data, ".txt", simplifier)
    except Skip:
        return
    for index, start, end, sentence, _ in art.sentences:
        assert art.text[start:end] == sentence
    rows = extract_article("a", art.text, art.sentences, published="", lexicon=lexicon, simplifier=simplifier)
    _check(rows, art.text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=3000))
def test_ingestion_of_random_bytes_skips_or_succeeds(simplifier, data):
    """Any bytes are either skipped with a reason a user can read, or become an article whose sentences
    are spans of its text."""
    try:
        art = ingest_bytes(data, ".txt", simplifier)
    except Skip as exc:
        assert str(exc).strip() and "\n" not in str(exc)
        return
    assert isinstance(art.text, str) and art.text.strip()
    for _, start, end, sentence, simplified in art.sentences:
        assert art.text[start:end] == sentence and len(simplified) == len(sentence)
