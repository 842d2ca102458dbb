"""The systems the articles compare, against the record: pairs, their orientation, and the finding."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.check.reference import load_chip_specs
from helpers.extract import CLAIM_COLUMNS
from helpers.store.tables import Tables
from helpers.themes import clusters, system_pairs


@pytest.fixture(scope="module")
def specs():
    return load_chip_specs()[0]


def _claim(article, claim_id, subject, metric, value, unit, at, relative_to=""):
    row = dict.fromkeys(CLAIM_COLUMNS, "")
    row.update(claim_id=claim_id, article_id=article, kind="spec", subject=subject, metric=metric, value=value,
               unit=unit, relative_to=relative_to, char_start=at, char_end=at + 5, sentence=f"sentence {claim_id}")
    return row


def _tables(rows):
    articles = pd.DataFrame({"article_id": sorted({r["article_id"] for r in rows}), "outlet": "outlet"})
    return Tables(articles=articles, sentences=pd.DataFrame(), ingest_report=pd.DataFrame(),
                  claims=pd.DataFrame(rows, columns=CLAIM_COLUMNS))


def test_figures_of_two_vendors_in_one_article_make_a_pair_and_one_vendor_does_not(specs):
    tables = _tables([
        _claim("a", "c1", "Atlas 950 SuperPoD", "卡数", 8192.0, "cards", 10),
        _claim("a", "c2", "Atlas 960 SuperPoD", "卡数", 15488.0, "cards", 40),
        _claim("a", "c3", "NVL144", "卡数", 144.0, "cards", 80),
    ])
    pairs = system_pairs.comparisons(tables, specs)
    # Atlas 950 and Atlas 960 are one vendor's lineup: not a pair. Each is set against the Nvidia rack.
    assert sorted(zip(pairs["system"], pairs["compared_with"])) == [
        ("Atlas 950 SuperPoD", "Vera Rubin NVL144"), ("Atlas 960 SuperPoD", "Vera Rubin NVL144")]
    first = pairs.set_index("system").loc["Atlas 950 SuperPoD"]
    assert first["claimed_ratio"] == pytest.approx(8192 / 144)
    assert first["packages_ratio"] == pytest.approx(8192 / 72)  # 144 dies are 72 packages
    assert first["compute_precision"] == "FP8" and first["compute_basis"] == "sparsity unstated on both"
    assert bool(first["like_with_like"])  # both vendor roadmaps


def test_a_stated_ratio_wins_over_the_one_computed_from_the_same_articles_figures(specs):
    tables = _tables([
        _claim("b", "c1", "CloudMatrix 384", "卡数", 384.0, "chips", 5),
        _claim("b", "c2", "GB200 NVL72", "卡数", 72.0, "chips", 30),
        _claim("b", "c3", "CloudMatrix 384", "芯片数", 5.0, "ratio", 60, relative_to="GB200 NVL72"),
    ])
    pairs = system_pairs.comparisons(tables, specs)
    assert len(pairs) == 1
    row = pairs.iloc[0]
    assert (row["stated_as"], row["claimed_ratio"], row["claim_id"]) == ("ratio stated", 5.0, "c3")
    # No FP8 figure for CloudMatrix 384: the compute ratio falls back to BF16, dense on both.
    assert row["compute_precision"] == "BF16/FP16" and row["compute_basis"] == "dense on both"
    assert row["compute_ratio"] == pytest.approx(300 / 180)


def test_figures_in_different_units_are_not_divided(specs):
    tables = _tables([
        _claim("c", "c1", "Atlas 950 SuperPoD", "算力", 8.0, "EFLOPS", 5),
        _claim("c", "c2", "GB200 NVL72", "算力", 720.0, "PFLOPS", 30),
    ])
    assert system_pairs.comparisons(tables, specs).empty


def test_the_summary_orients_a_pair_as_most_articles_put_it(specs):
    tables = _tables([
        _claim("a1", "x1", "CloudMatrix 384", "卡数", 384.0, "chips", 5),
        _claim("a1", "x2", "GB200 NVL72", "卡数", 72.0, "chips", 30),
        _claim("a2", "y1", "CloudMatrix 384", "卡数", 384.0, "chips", 5),
        _claim("a2", "y2", "GB200 NVL72", "卡数", 72.0, "chips", 30),
        _claim("a3", "z1", "GB200 NVL72", "卡数", 72.0, "chips", 5),
        _claim("a3", "z2", "CloudMatrix 384", "卡数", 300.0, "chips", 30),
    ])
    summary = system_pairs.pair_summary(system_pairs.comparisons(tables, specs), specs)
    assert len(summary) == 1
    row = summary.iloc[0]
    assert (row["system"], row["compared_with"], row["articles"]) == ("CloudMatrix 384", "GB200 NVL72", 3)
    assert row["claimed_chips_ratio"] == pytest.approx(384 / 72)  # median of 5.33, 5.33 and 300/72 = 4.17
    assert row["packages_ratio"] == pytest.approx(384 / 72)


def test_the_finding_describes_the_coverage_and_names_unlike_standing(specs):
    reference = clusters.system_table(["CloudMatrix 384", "GB200 NVL72"], specs)
    empty = _tables([_claim("a", "c1", "GB200 NVL72", "卡数", 72.0, "chips", 5)])
    pairs = system_pairs.comparisons(empty, specs)
    text = system_pairs.finding(pairs, system_pairs.pair_summary(pairs, specs), system_pairs.system_claims(empty),
                                reference)
    assert text.startswith("No article in this corpus sets one system against another")
    assert "1 article gives a figure" in text

    tables = _tables([
        _claim("a", "c1", "Atlas 950 SuperPoD", "卡数", 8192.0, "cards", 10),
        _claim("a", "c2", "GB200 NVL72", "卡数", 72.0, "cards", 80),
    ])
    pairs = system_pairs.comparisons(tables, specs)
    text = system_pairs.finding(pairs, system_pairs.pair_summary(pairs, specs), system_pairs.system_claims(tables),
                                reference)
    assert "Atlas 950 SuperPoD against GB200 NVL72 (1 article)" in text
    assert "114× the chips" in text and "at FP8" in text
    assert "per accelerator, Atlas 950 SuperPoD has 0.2× the compute of GB200 NVL72" in text  # 8 EF / 8192 against 360 PF / 72
    assert "vendor roadmap" in text and "shipping" in text  # a roadmap set against a shipping rack is named


def test_the_pairs_table_keeps_the_claim_for_its_link(specs):
    tables = _tables([
        _claim("a", "c1", "Atlas 950 SuperPoD", "卡数", 8192.0, "cards", 10),
        _claim("a", "c2", "NVL144", "卡数", 144.0, "cards", 80),
    ])
    table = system_pairs.pairs_table(system_pairs.comparisons(tables, specs), tables)
    assert table[["article", "claim", "claimed (文中)"]].iloc[0].tolist() == ["a", "c1", "57×"]
