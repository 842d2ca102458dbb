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
        "counted as": ["GPU dies", "GPUs", "NPUs"], "chips": [144.0, 72.0, 384.0], "packages": [72.0, 72.0, 384.0],
        "system FP8 PFLOPS (stated)": [None, 720.0, 300.0], "stated sparsity": ["", "sparse", "unstated"],
        "FP8 PFLOPS": [None, 360.0, 300.0],
    })
    notes = clusters.apples_to_oranges(table)
    assert any("Vendor roadmaps (A)" in n and "shipping systems (B, C)" in n for n in notes)
    assert any(n.startswith("A counts GPU dies") for n in notes)
    assert any("with sparsity for B but of unstated sparsity for C" in n for n in notes)
    assert any("B 5, C 0.78" in n for n in notes)  # per package, at the dense figure


def test_system_compute_puts_sparse_figures_on_the_dense_basis(specs):
    table = clusters.system_table(["GB200 NVL72", "GB300 NVL72", "CloudMatrix 384"], specs).set_index("system")
    # GB200 NVL72's FP8 row is with sparsity and states its dense figure: the two NVL72 racks meet there.
    assert table.loc["GB200 NVL72", "stated sparsity"] == "sparse"
    assert table.loc["GB200 NVL72", "FP8 PFLOPS"] == pytest.approx(table.loc["GB300 NVL72", "FP8 PFLOPS"])
    assert table.loc["GB200 NVL72", "FP8 basis"] == "dense"
    # CloudMatrix 384 has no FP8 figure but a dense BF16 one: it is on the BF16 panel, not missing.
    assert pd.isna(table.loc["CloudMatrix 384", "FP8 PFLOPS"])
    assert table.loc["CloudMatrix 384", "BF16/FP16 PFLOPS"] > 0


def test_article_figures_carry_the_reference_beside_the_claim(specs):
    claim = dict.fromkeys(CLAIM_COLUMNS, "")
    claim.update(claim_id="x", article_id="a", kind="spec", subject="NVL72", metric="卡数", value=72.0, unit="cards",
                 sentence="s")
    tables = Tables(articles=pd.DataFrame(), sentences=pd.DataFrame(),
                    claims=pd.DataFrame([claim], columns=CLAIM_COLUMNS), ingest_report=pd.DataFrame())
    figures = clusters.article_figures(tables, ["GB200 NVL72"], specs)
    assert len(figures) == 1 and "72 GPUs (chips per system" in figures["reference"].iloc[0]
