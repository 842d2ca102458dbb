import pytest

from helpers.ingest.decode import NotText, decode_bytes

SIMPLIFIED = "英伟达在中国AI芯片市场的份额从95%降到50%，华为昇腾910B出货增长。"
TRADITIONAL = "輝達在中國的晶片市場份額由95%降至零，華為昇騰910C加速替代。"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"), "utf-8-sig"),
        (SIMPLIFIED.encode("utf-16"), "utf-16"),
        (SIMPLIFIED.encode("utf-16-le"), "utf-16-le"),
        (SIMPLIFIED.encode("utf-16-be"), "utf-16-be"),
        (SIMPLIFIED.encode("gb18030"), "gb18030"),
        (TRADITIONAL.encode("big5"), "big5"),
    ],
)
def test_each_encoding_decodes_and_is_recorded(data, encoding):
    decoded = decode_bytes(data)
    assert decoded.text.lstrip("\ufeff") in (SIMPLIFIED, TRADITIONAL)
    assert decoded.encoding.replace("_", "-").startswith(encoding.split("-sig")[0]) or decoded.encoding == encoding


def test_traditional_gbk_file_is_not_mistaken_for_big5():
    decoded = decode_bytes(TRADITIONAL.encode("gb18030"))
    assert decoded.text == TRADITIONAL


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b"   \n\t ", "empty file"),
        (bytes(range(256)) * 40, "binary"),
        (b"\x89PNG\r\n\x1a\n" + bytes(2000), "binary"),
    ],
)
def test_not_text_raises_with_reason(data, reason):
    with pytest.raises(NotText, match=reason):
        decode_bytes(data)
