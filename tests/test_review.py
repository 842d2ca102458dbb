"""Reviewer overrides (data/review/overrides.csv): applied by the build, shown as overridden, stale ones reported."""

from __future__ import annotations

import pandas as pd

from helpers import paths
from helpers.build.pipeline import build
from helpers.check import review


def quiet(_msg: str) -> None:
    pass


def _write(folder, rows):
    folder.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(rows, columns=review.OVERRIDE_COLUMNS).to_csv(folder / "overrides.csv", index=False)


def test_bad_override_rows_are_reported_and_left_out(tmp_path):
    _write(tmp_path, [["c1", "verdict", "maybe", "ann", ""], ["c2", "colour", "red", "ann", ""],
                      ["c3", "subject", "壁仞", "", ""], ["c4", "value", "abc", "ann", ""],
                      ["c5", "subject", "壁仞", "ann", "the clause names Biren"]])
    overrides, problems = review.load_overrides(tmp_path / "overrides.csv")
    assert list(overrides["claim_id"]) == ["c5"]
    assert [p.line for p in problems] == [2, 3, 4, 5]


def test_the_build_applies_overrides_shows_them_and_reports_stale_ones(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "REVIEW", tmp_path / "review")
    _write(tmp_path / "review", [])
    out = tmp_path / "out"
    build(paths.SEEDS, out, log=quiet, workers=1)
    checks = pd.read_csv(out / "claim_check.csv", dtype=str, keep_default_na=False)
    biren = checks[(checks["subject"] == "思元590") & (checks["claim_unit"] == "ratio")
                   & checks["evidence"].str.contains("H100")].iloc[0]
    h100 = checks[(checks["subject"] == "H100") & (checks["claim_value"] == "2000")].iloc[0]
    assert (checks["overridden"] == "").all()

    _write(tmp_path / "review", [
        [biren["claim_id"], "subject", "壁仞", "tester", "the figure is Biren's target"],
        [h100["claim_id"], "verdict", "conflicts", "tester", "the sparse figure is below 2000"],
        ["0000000000000000", "subject", "H20", "tester", "a claim no longer extracted"],
    ])
    build(paths.SEEDS, out, log=quiet, workers=1)  # same corpus: only the overrides changed
    checks = pd.read_csv(out / "claim_check.csv", dtype=str, keep_default_na=False).set_index("claim_id")
    assert checks.loc[biren["claim_id"], "subject"] == "壁仞"
    assert checks.loc[biren["claim_id"], "verdict"] == "unverifiable"  # the reference has no Biren figures
    assert "tester" in checks.loc[biren["claim_id"], "overridden"]
    assert checks.loc[h100["claim_id"], "verdict"] == "conflicts"
    assert "needs_review" in checks.loc[h100["claim_id"], "note"]  # what the check itself said is kept
    report = pd.read_csv(out / "review_report.csv", dtype=str, keep_default_na=False).set_index("claim_id")
    assert report.loc["0000000000000000", "status"] == "stale"
    assert report.loc[biren["claim_id"], "status"] == "applied"
