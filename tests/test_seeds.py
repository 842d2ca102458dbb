"""The four seeds ingest to exactly their article bodies."""

from __future__ import annotations

import pytest

from helpers import paths
from helpers.build.pipeline import build
from helpers.store.tables import load

FIRST_LAST = {
    "000_bea3451e854f5c1e": (
        "英伟达本该垄断中国AI芯片市场,份额却从95%暴跌到50%,怎么回事",
        "未来拼的不是谁家芯片最精密,而是谁能撑起最大的朋友圈,中国正在从跟着学变成带着干。",
    ),
    "001_395745f8d570e6af": (
        "在纽约一场科技对谈中,黄仁勋说:“英伟达在中国的市场份额,从95%,降到了0%。”",
        "而是正在进行的现实。",
    ),
    "002_a4936f4a758b5f28": (
        "英伟达的天塌了,美国AI芯片果然被动了手脚!",
        "这场芯片战争没有绝对的赢家,但却推动了全球AI产业的技术进步和格局重塑,在竞争中创新成为唯一的出路,"
        "无论是美国企业还是中国公司,都必须在技术突破上下更大功夫才能在未来的竞争中立足。",
    ),
    "003_914b9566c003bc5d": (
        "還記得黃仁勛的那句感慨嗎——英偉達在中國的芯片采購市場份額由曾經的95%,降至零。",
        "中國的回答,通過每一次對非最先進芯片的拒絕、通過每一次對國產芯片的采購、通過千億級基金的擘畫,"
        "正變得鏗鏘有力:我們必須能,而且我們正在能。",
    ),
}

FURNITURE = [
    "网易首页", "申请入驻", "分享至", "特别声明", "特別聲明", "Notice:", "相关推荐", "热点推荐", "往期回顾",
    "乌克兰", "江南晚报", "文章数", "关注度", "无障碍浏览", "股票配资", "不代表本站观点", "【1评论】", "点赞",
    "美国芯片彻底凉了", "![]()", "参考信源", "评论区留言", "incentive-icons",
]


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    out = tmp_path_factory.mktemp("tables")
    build(paths.SEEDS, out, log=lambda m: None)
    return load(out)


def test_every_seed_is_ingested_ok(seeds):
    assert list(seeds.ingest_report["status"]) == ["ok"] * 4
    assert set(seeds.articles["article_id"]) == set(FIRST_LAST)


@pytest.mark.parametrize("article_id", sorted(FIRST_LAST))
def test_first_and_last_body_sentence(seeds, article_id):
    first, last = FIRST_LAST[article_id]
    sentences = seeds.sentences[seeds.sentences["article_id"] == article_id].sort_values("sent_idx")
    assert sentences["sentence"].iloc[0] == first
    assert sentences["sentence"].iloc[-1] == last


@pytest.mark.parametrize("article_id", sorted(FIRST_LAST))
def test_no_furniture_remains(seeds, article_id):
    text = seeds.articles.set_index("article_id").loc[article_id, "text"]
    for marker in FURNITURE:
        assert marker not in text, marker


def test_every_sentence_with_a_figure_in_the_raw_body_survives(seeds):
    """Cleaning removes furniture only: sentences with digits in the body are all still there."""
    text = seeds.articles.set_index("article_id").loc["001_395745f8d570e6af", "text"]
    for needle in ["171亿美元", "占比从30%跌至13%", "约256 TFLOPS", "超3000亿元", "最高30%补贴", "5至10年"]:
        assert needle in text


def test_pinyin_glosses_repaired_in_seed_003(seeds):
    art = seeds.articles.set_index("article_id").loc["003_914b9566c003bc5d"]
    assert art["pinyin_repaired"] >= 30
    assert "技術(shù)" not in art["text"] and "技術" in art["text"]
    assert "曾經的95%" in art["text"]


def test_scripts_and_simplified_copy_keep_names(seeds):
    arts = seeds.articles.set_index("article_id")
    assert arts.loc["003_914b9566c003bc5d", "script"] == "hant"
    assert set(arts.drop("003_914b9566c003bc5d")["script"]) == {"hans"}
    hans = arts.loc["003_914b9566c003bc5d", "text_zh_hans"]
    assert "英伟达" in hans and "黄仁勋" in hans and "华为" in hans
    assert "升腾" not in hans and "昇腾" in hans
    assert "升腾" not in arts.loc["000_bea3451e854f5c1e", "text_zh_hans"]


def test_metadata_from_manifest_with_its_source(seeds):
    arts = seeds.articles.set_index("article_id")
    a0 = arts.loc["000_bea3451e854f5c1e"]
    assert (a0["published"], a0["published_source"], a0["outlet"]) == ("2025-11-03", "manifest", "网易号")
    assert arts.loc["001_395745f8d570e6af", "published"] == ""
    assert arts.loc["002_a4936f4a758b5f28", "title"].startswith("英伟达的天塌了")


def test_sentence_offsets_point_into_the_cleaned_text(seeds):
    texts = seeds.articles.set_index("article_id")["text"]
    for row in seeds.sentences.itertuples():
        assert texts[row.article_id][row.char_start : row.char_end] == row.sentence


def test_headline_figures_are_in_the_claims_table(seeds):
    c = seeds.claims
    shares = c[c["kind"] == "market_share"]
    changes = set(zip(shares["from_value"], shares["to_value"]))
    assert {(95, 50), (95, 0), (31, 52)} <= changes
    cards = c[(c["kind"] == "spec") & (c["unit"] == "cards")]
    assert {8192, 15488, 144} <= set(cards["value"])
    compute = c[(c["kind"] == "spec") & (c["unit"] == "TFLOPS")]
    assert 256 in set(compute["value"])
    money = c[(c["kind"] == "money") & (c["unit"] == "USD")]
    assert 17_100_000_000 in set(money["value"])


def test_every_claim_is_traced_to_its_sentence(seeds):
    texts = seeds.articles.set_index("article_id")["text"]
    sentences = seeds.sentences.set_index(["article_id", "sent_idx"])
    for row in seeds.claims.itertuples():
        assert texts[row.article_id][row.char_start : row.char_end] == row.evidence
        sentence = sentences.loc[(row.article_id, row.sent_idx)]
        assert sentence["char_start"] <= row.char_start and row.char_end <= sentence["char_end"]
        assert row.sentence == sentence["sentence"]
