"""Nvidia's China share stories: only Nvidia's own share of a Chinese market."""

from __future__ import annotations

from helpers.build.pipeline import build
from helpers.store.tables import load
from helpers.themes import narratives


def test_china_stories_leave_out_global_joint_and_supplier_shares(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "芯片市场观察\n\n"
        "报告称，英伟达在中国AI芯片市场的份额已从95%降至50%。"
        "另据统计，英伟达的GPU在全球训练市场的份额超过80%。"
        "在国内市场，英伟达和华为合计占七成份额。"
        "某代工厂今年的封装产能中，英伟达使用的比重由40%升至55%。",
        encoding="utf-8",
    )
    build(corpus, tmp_path / "out", log=lambda m: None)
    shares = narratives.share_claims(load(tmp_path / "out"))
    stories = narratives.nvidia_china_stories(shares)
    assert list(stories["story"]) == ["95→50"]


def _claims(rows):
    import pandas as pd

    from helpers.extract import CLAIM_COLUMNS
    from helpers.store.tables import Tables

    filled = []
    for r in rows:
        row = dict.fromkeys(CLAIM_COLUMNS, "")
        row.update(value=float("nan"), from_value=float("nan"), to_value=float("nan"), char_start=0, char_end=1)
        row.update(r)
        filled.append(row)
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["", "", ""], "published": ["", "", ""],
                             "title": ["A", "B", "C"], "duplicate_of": ["", "", ""]})
    return Tables(articles=articles, sentences=pd.DataFrame(), claims=pd.DataFrame(filled, columns=CLAIM_COLUMNS),
                  ingest_report=pd.DataFrame())


def test_stories_count_articles_once_and_come_most_told_first():
    share = dict(kind="market_share", subject="英伟达", metric="市场份额", scope="中国市场", unit="%")
    tables = _claims([
        dict(share, claim_id="1", article_id="a", from_value=95.0, to_value=50.0, value=50.0),
        dict(share, claim_id="2", article_id="a", from_value=95.0, to_value=50.0, value=50.0, char_start=5),
        dict(share, claim_id="3", article_id="b", from_value=95.0, to_value=0.0, value=0.0),
        dict(share, claim_id="4", article_id="c", from_value=95.0, to_value=0.0, value=0.0),
    ])
    stories = narratives.share_stories(narratives.share_claims(tables))
    assert stories[["to_value", "articles", "claims"]].values.tolist() == [[0.0, 2, 2], [50.0, 1, 2]]


def test_quoted_speakers_is_a_ranked_list_not_a_matrix():
    quote = dict(kind="quote", evidence="…")
    tables = _claims([dict(quote, claim_id=str(i), article_id=a, actor=s, char_start=i)
                      for i, (a, s) in enumerate([("a", "黄仁勋"), ("b", "黄仁勋"), ("b", "黄仁勋"), ("c", "任正非")])])
    speakers = narratives.quoted_speakers(tables, n=1)
    assert speakers.values.tolist() == [["黄仁勋", 3, 2]]


def test_theme_summary_counts_articles_touching_each_theme():
    import pandas as pd

    themes = pd.DataFrame({"市场 market": [0.5, 0.0], "安全 security": [0.1, 0.2]}, index=["a", "b"])
    summary = narratives.theme_summary(themes)
    assert summary.loc["安全 security", "articles touching"] == 2 and summary.loc["市场 market", "share of articles"] == 0.5
    assert list(summary.index) == ["安全 security", "市场 market"]
