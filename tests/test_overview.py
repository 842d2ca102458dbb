"""The corpus overview's tables and finding, on small constructed tables."""

from __future__ import annotations

import json

import pandas as pd

from helpers.store.tables import Tables
from helpers.themes import overview


def _tables() -> Tables:
    articles = pd.DataFrame({
        "article_id": ["a", "b", "c"], "file": ["a.txt", "b.html", "c.txt"], "title": ["甲", "", "丙"],
        "outlet": ["新华社", "", "新华社"], "published": ["2025-09-01", "", "2025-10-02"],
        "published_source": ["manifest", "", "text"], "script": ["hans", "hant", "hans"],
        "n_chars": [100, 200, 100], "n_chars_raw": [100, 300, 100], "n_chars_removed": [0, 100, 0],
        "removed": ["{}", json.dumps({"recommendations": 60, "share widgets": 40}), "{}"],
        "duplicate_of": ["", "", "a"], "text_zh_hans": ["英伟达 芯片", "华为 昇腾 芯片", "英伟达 芯片"],
    })
    claims = pd.DataFrame({"article_id": ["a", "a", "b"], "kind": ["market_share", "quote", "spec"]})
    return Tables(articles=articles, sentences=pd.DataFrame(), claims=claims, ingest_report=pd.DataFrame())


def test_article_table_says_what_is_missing_and_glosses_the_script():
    table = overview.article_table(_tables())
    assert list(table["title (标题)"]) == ["甲", "(no title in text)", "丙"]
    assert list(table["script (字体)"]) == ["simplified", "traditional", "simplified"]


def test_cleaning_counts_what_was_removed_by_reason():
    cleaning = overview.cleaning_table(_tables()).set_index("article_id")
    assert cleaning.loc["b", "removed: recommendations"] == 60 and cleaning.loc["a", "removed: recommendations"] == 0
    assert cleaning.loc["b", "removed_share"] == round(100 / 300, 3)
    pivot = overview.removed_pivot(_tables())
    assert pivot.loc["b"].sum() == 100 and list(pivot.index) == ["b"]


def test_claim_counts_cover_unique_articles_only_with_a_total():
    counts = overview.claim_counts(_tables())
    assert list(counts.index) == ["a", "b"]  # c repeats a
    assert counts.loc["a", "total"] == 2 and counts.loc["b", "spec"] == 1 and counts.loc["b", "quote"] == 0


def test_finding_counts_scripts_duplicates_outlets_and_dates():
    text = overview.finding(_tables())
    assert text.startswith("2 articles (1 simplified, 1 traditional) plus 1 duplicate(s)")
    assert "1 named outlet(s)" in text and "published 2025-09-01 to 2025-09-01 (1 of 2 dated)" in text
    assert "20% of raw characters removed" in text  # over every file read, duplicates included and "3 claims" in text


def test_charts_stay_one_row_per_bin_or_kind_however_many_articles():
    lengths = overview.length_distribution(_tables())
    assert lengths["articles"].sum() == 2 and len(lengths) == len(overview.LENGTH_BINS) - 1
    assert lengths.loc["0–0.25k", "articles"] == 2 and lengths["furniture removed"].sum() == 100
    by_kind = overview.claims_by_kind(_tables())
    assert by_kind.loc["份额 share", "claims"] == 1 and by_kind.loc["规格 spec", "articles with one"] == 1
    totals = overview.removed_totals(_tables())
    assert list(totals.index) == ["recommendations", "share widgets"] and totals["files"].tolist() == [1, 1]


def test_claim_dense_articles_are_named_by_title_and_outlet():
    top = overview.claim_dense_articles(_tables(), n=1)
    assert top[["article_id", "title (标题)", "outlet (来源)", "total"]].values.tolist() == [["a", "甲", "新华社", 2]]
