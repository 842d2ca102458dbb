from helpers.ingest.furniture import strip_furniture

BODY = [
    "英伟达在中国AI芯片市场的份额从95%降到50%。",
    "华为Atlas 950 SuperPoD支持8192张卡，而NVL144只有144张卡。",
    "2025年4月，美国政府叫停H20对华出口。",
]


def _clean(lines):
    return strip_furniture("\n".join(lines)).text


def test_body_lines_with_figures_survive_untouched():
    assert _clean(BODY).split("\n") == BODY


def test_related_lists_after_the_body_go_with_every_headline_under_them():
    text = _clean(BODY + ["相关推荐", "热点推荐", "乌克兰还有多少人？", "江南晚报", "2025-11-03 02:03:34", "往期回顾 全部"])
    assert text.split("\n") == BODY


def test_traditional_markers_and_lists_go_too():
    text = _clean(BODY + ["延伸閱讀", "輝達新晶片曝光", "相關新聞：台積電"])
    assert text.split("\n") == BODY


def test_a_marker_before_any_body_is_only_that_line():
    text = _clean(["相关阅读"] + BODY)
    assert text.split("\n") == BODY


def test_menus_widgets_disclaimers_ads_and_editor_lines():
    lines = [
        "网易首页 > 网易号 > 正文 申请入驻",
        "0",
        "分享至",
        *BODY,
        "责任编辑：王小明",
        "特别声明:以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布,本平台仅提供信息存储服务。",
        "Notice: The content above (including the pictures and videos if any) is uploaded and posted by a user of NetEase Hao.",
        "股票配资网平台网址,股票免费配资,怎么开通股票杠杆交易提示:文章来自网络,不代表本站观点。",
        "免責聲明：本文僅代表作者個人觀點",
    ]
    result = strip_furniture("\n".join(lines))
    assert result.text.split("\n") == BODY
    reasons = {r for r, _ in result.removed}
    assert {"channel menu", "share widget", "disclaimer", "ad", "editor line"} <= reasons


def test_counters_and_the_teaser_card_they_close():
    text = _clean(BODY + ["美国芯片彻底凉了?外媒传来消息,美国请求中方在马来西亚会面。美国一直以来在芯片", "【1评论】【9点赞】"])
    assert text.split("\n") == BODY


def test_inline_counters_and_image_placeholders_leave_the_sentence():
    text = _clean(["![]()", BODY[0] + "【12评论】", "![](https://img.example/x.jpg)", BODY[1]])
    assert text.split("\n") == [BODY[0], BODY[1]]


def test_call_to_action_closing_line():
    text = _clean(BODY + ["你觉得下一个突破会在哪个领域?欢迎在评论区留言你的想法。"])
    assert text.split("\n") == BODY


def test_a_body_sentence_that_mentions_comments_or_sharing_is_kept():
    line = "黄仁勋在评论中表示，英伟达将分享其在中国市场的经验，份额已从95%降到0%。"
    assert _clean([line, *BODY]).split("\n")[0] == line


def test_source_list_at_the_end_of_the_body_line_goes():
    line = BODY[0] + " 参考信源: 《H20芯片解禁,怎么看?》·人民日报海外版·2025-07-22"
    assert _clean([line, BODY[1]]).split("\n") == [BODY[0], BODY[1]]


def test_more_kinds_of_furniture_from_other_platforms():
    lines = [
        "〔記者/綜合報導〕2026/06/02 05:30",
        *BODY,
        "以上，纯个人观点，不构成投资建议。",
        "编辑于 2025-09-20 14:03・IP 属地上海",
        "赞同 2.3 万 · 1,024 条评论 · 分享 · 收藏",
        "不用抽 不用搶 現在用APP看新聞 保證天天中獎",
        "查詢熱線：3000 0101",
        "（编辑：黄丽珍）",
        "（本文不構成任何投資建議）",
        "延伸閱讀：台股站上3萬點 外資單週買超新台幣1200億元",
        "英伟达份额归零了吗？",
    ]
    assert _clean(lines).split("\n") == BODY


def test_bracketed_list_headings_end_the_body():
    assert _clean(BODY + ["【更多新聞】", "‧ 颱風假怎麼放？ 8縣市明停班停課", "‧ 台積電ADR大漲3.5%"]).split("\n") == BODY


def test_a_long_body_paragraph_with_an_ad_word_is_kept():
    body = ("英伟达在中国AI芯片市场的份额从95%降到50%，用户可以打开APP查看完整的财报数据，"
            "其中数据中心业务营收同比增长，华为昇腾910B出货量大增，国产化率明显提升，" * 2)
    result = strip_furniture(body + "\n![](x.jpg)第二段。")
    assert body in result.text
    assert result.removed_chars == len("![](x.jpg)")
