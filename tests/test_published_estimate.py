"""An article with no date of its own gets an estimate: the latest full date its text states."""

from __future__ import annotations

from helpers.ingest.meta import latest_stated_date


def test_latest_full_date_in_either_form_and_script():
    text = "甲公司2024年3月5日发布新品。乙公司于2025-01-20宣布调整。丙公司2023年12月1日成立。"
    assert latest_stated_date(text) == "2025-01-20"
    assert latest_stated_date("該公司2025年7月15日宣佈恢復出貨。") == "2025-07-15"


def test_months_alone_planned_dates_and_impossible_dates_give_no_estimate():
    assert latest_stated_date("2025年4月，美国收紧出口规则。") == ""
    assert latest_stated_date("新芯片预计将于2027年6月30日上市。") == ""
    assert latest_stated_date("会议于2025年2月30日召开。") == ""


def test_estimate_is_marked_and_the_manifest_wins(tmp_path):
    from helpers.build.pipeline import build
    from helpers.store.tables import load

    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    body = "某芯片公司发布新产品。" * 3 + "该公司2025年9月18日宣布量产，并计划于2026年12月1日推出下一代。"
    (corpus / "a.txt").write_text(body, encoding="utf-8")
    (corpus / "b.txt").write_text("另一篇报道谈到出口规则的变化。" * 4, encoding="utf-8")
    (corpus / "manifest.csv").write_text("file,published\nb.txt,2025-10-01\n", encoding="utf-8")
    build(corpus, out, log=lambda m: None)
    articles = load(out).articles.set_index("file")
    assert (articles.loc["a.txt", "published"], articles.loc["a.txt", "published_source"]) == ("2025-09-18", "estimated")
    assert (articles.loc["b.txt", "published"], articles.loc["b.txt", "published_source"]) == ("2025-10-01", "manifest")
