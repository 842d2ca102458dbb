from helpers.lang.script import detect_script


def test_script_detection():
    assert detect_script("英伟达在中国的市场份额从95%降到了0%。") == "hans"
    assert detect_script("輝達在中國的市場份額由95%降至零。") == "hant"
    assert detect_script("H20 and H200") == "hans"


def test_names_survive_conversion(simplifier):
    for text in ["華為昇騰910B出貨", "华为昇腾910B出货", "昇騰芯片", "Atlas 950超節點"]:
        out = simplifier.to_simplified(text)
        assert "升腾" not in out and "昇腾" in out or "Atlas" in out


def test_regional_words_map_the_way_analysts_expect(simplifier):
    assert simplifier.to_simplified("輝達的晶片") == "英伟达的芯片"
    assert simplifier.to_simplified("辉达推出新芯片") == "英伟达推出新芯片"


def test_simplified_text_is_not_rewritten(simplifier):
    text = "核心程序建立在智慧城市之上，英伟达和华为昇腾竞争。"
    assert simplifier.to_simplified(text) == text


def test_aligned_copy_keeps_every_offset(simplifier):
    text = "輝達在中國的晶片市場份額由95%降至零，華為昇騰910C記憶體128GB。"
    aligned = simplifier.to_simplified_aligned(text)
    assert len(aligned) == len(text)
    assert "昇腾910C" in aligned and "芯片" in aligned and "中国" in aligned
