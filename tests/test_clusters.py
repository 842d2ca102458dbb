"""Cluster-scale comparisons against the reference: what the table computes and what it warns of."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.check.reference import load_chip_specs
from helpers.extract import CLAIM_COLUMNS
from helpers.store.tables import Tables
from helpers.themes import clusters


@pytest.fixture(scope="module")
def specs():
    return load_chip_specs()[0]


def test_parse_systems_splits_on_commas_and_refuses_nothing():
    assert clusters.parse_systems(" GB200 NVL72, CloudMatrix 384 ,") == ["GB200 NVL72", "CloudMatrix 384"]
    with pytest.raises(ValueError, match="systems"):
        clusters.parse_systems(" , ")


def test_system_table_counts_dies_as_packages(specs):
    table = clusters.system_table(["GB200 NVL72", "Vera Rubin NVL144"], specs).set_index("system")
    assert table.loc["GB200 NVL72", "chips"] == 72
    rubin = table.loc["Vera Rubin NVL144"]
    if rubin["counted as"] == "GPU dies" and pd.notna(rubin["chip FP8 TFLOPS"]):
        assert rubin["system FP8 PFLOPS (chips × chip)"] == pytest.approx(rubin["chips"] / 2 * rubin["chip FP8 TFLOPS"] / 1e3)


def test_cautions_name_roadmaps_dies_and_sparsity():
    table = pd.DataFrame({
        "system": ["A", "B", "C"], "status": ["vendor roadmap", "shipping", "shipping"],
        "counted as": ["GPU dies", "GPUs", "NPUs"], "chips": [144.0, 72.0, 384.0],
        "system FP8 PFLOPS (stated)": [None, 720.0, 300.0], "stated sparsity": ["", "sparse", "unstated"],
    })
    notes = clusters.apples_to_oranges(table)
    assert any("Vendor roadmaps (A)" in n and "shipping systems (B, C)" in n for n in notes)
    assert any(n.startswith("A counts GPU dies") for n in notes)
    assert any("with sparsity for B but of unstated sparsity for C" in n for n in notes)
    assert any("B 10, C 0.78" in n for n in notes)


def test_finding_sets_card_counts_against_compute():
    table = pd.DataFrame({"system": ["big", "small"], "chips": [384.0, 72.0],
                          "system FP8 PFLOPS (stated)": [300.0, 720.0]})
    assert clusters.finding(table) == ("big has 5× the chips of small (384 against 72) but 0.4× the stated FP8 "
                                       "compute; card counts overstate the gap.")
    assert "No system" in clusters.finding(table.assign(chips=float("nan")))


def test_article_figures_carry_the_reference_beside_the_claim(specs):
    claim = dict.fromkeys(CLAIM_COLUMNS, "")
    claim.update(claim_id="x", article_id="a", kind="spec", subject="NVL72", metric="卡数", value=72.0, unit="cards",
                 sentence="s")
    tables = Tables(articles=pd.DataFrame(), sentences=pd.DataFrame(),
                    claims=pd.DataFrame([claim], columns=CLAIM_COLUMNS), ingest_report=pd.DataFrame())
    figures = clusters.article_figures(tables, ["GB200 NVL72"], specs)
    assert len(figures) == 1 and "72 GPUs (chips per system" in figures["reference"].iloc[0]
