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
