from helpers.lang.text import normalize_text, normalize_width, repair_pinyin, split_sentences


def test_full_width_letters_and_digits_fold_but_chinese_punctuation_stays():
    assert normalize_width("Ｈ２０芯片，份额９５％。") == "H20芯片，份额95%。"
    assert normalize_width("ＡＩ　芯片") == "AI 芯片"


def test_control_and_zero_width_characters_removed_and_line_endings_unified():
    assert normalize_text("a\u200bb\r\nc\rd\x07") == "ab\nc\nd"


def test_pinyin_glosses_removed_only_after_chinese_with_tone_marks():
    text, n = repair_pinyin("技術(shù)與產(chǎn)業(yè)")
    assert (text, n) == ("技術與產業", 3)
    # Not glosses: Latin words, acronyms, numbers, a gloss after a non-Chinese character.
    for keep in ["芯片(AI)", "算力(FP16)", "营收(2025)", "GPU(shù)", "模型(model)"]:
        assert repair_pinyin(keep) == (keep, 0)


def test_sentences_carry_exact_offsets():
    text = "黄仁勋说：“份额从95%降到0%。”全场沉默。\n华为凭啥逆袭?美国封锁失灵了!没有标点的行\n\n最后一句"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "黄仁勋说：“份额从95%降到0%。”", "全场沉默。", "华为凭啥逆袭?", "美国封锁失灵了!", "没有标点的行", "最后一句",
    ]
    for s in sentences:
        assert text[s.start : s.end] == s.text


def test_decimals_and_english_full_stops_do_not_split():
    sentences = split_sentences("带宽达到1.6TB/秒，算力为2.5 PFLOPS。Mr. Huang said so。")
    assert len(sentences) == 2


def test_space_between_chinese_sentences_splits_like_a_full_stop():
    sentences = split_sentences("真有“后门”? 早在2024年10月,美国商务部更新清单。 英伟达财报显示")
    assert [s.text for s in sentences] == ["真有“后门”?", "早在2024年10月,美国商务部更新清单。", "英伟达财报显示"]


def test_overlong_sentence_is_cut_at_a_comma_with_offsets_intact():
    text = "，".join(["英伟达份额下降"] * 200) + "。"
    sentences = split_sentences(text, max_chars=100)
    assert all(len(s.text) <= 100 for s in sentences)
    assert "".join(s.text for s in sentences) == text


def test_question_mark_inside_a_book_title_does_not_split():
    sentences = split_sentences("据《H20芯片解禁,怎么看?》一文报道,英伟达恢复销售。下一句。")
    assert [s.text for s in sentences] == ["据《H20芯片解禁,怎么看?》一文报道,英伟达恢复销售。", "下一句。"]


def test_a_space_after_a_magnitude_does_not_end_the_sentence():
    from helpers.lang.text import split_sentences

    assert [s.text for s in split_sentences("公司营收 50 亿 美元，同比增长。")] == ["公司营收 50 亿 美元，同比增长。"]
    assert [s.text for s in split_sentences("募资30億 港元 首日上涨")] == ["募资30億 港元", "首日上涨"]
