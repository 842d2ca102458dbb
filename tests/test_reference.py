import pandas as pd

from helpers import paths
from helpers.check.reference import load_chip_specs, load_export_controls, parse_reference_date, to_base


def test_shipped_reference_tables_load_whole():
    events, problems = load_export_controls()
    assert len(events) == 38 and problems == []
    specs, problems = load_chip_specs()
    assert len(specs) == 100 and problems == []
    h100 = specs[(specs["entity"] == "H100") & (specs["metric"] == "FP16/BF16 tensor compute")]
    assert set(h100["sparsity"]) >= {"dense"}
    assert set(specs.loc[specs["entity"] == "Atlas 950 SuperPoD", "product_status"]) == {"vendor roadmap"}
    assert (specs.loc[specs["entity"] == "昇腾910B", "entity"] == "昇腾910B").all()


def test_bad_rows_are_reported_with_their_line_and_left_out(tmp_path):
    specs = pd.read_csv(paths.REFERENCE / "chip_specs.csv", dtype=str, keep_default_na=False)
    bad = specs.head(3).copy()
    bad.loc[0, "source_url"] = ""
    bad.loc[1, "unit"] = "furlongs"
    bad.loc[2, "value"] = "fast"
    path = tmp_path / "chip_specs.csv"
    bad.to_csv(path, index=False)
    messages = []
    loaded, problems = load_chip_specs(path, log=messages.append)
    assert loaded.empty
    assert [(p.line, p.reason) for p in problems] == [
        (2, "no source URL"), (3, "unknown unit 'furlongs'"), (4, "value 'fast' is not a number")]
    assert messages[0] == "chip_specs.csv line 2: no source URL; row left out"

    events = pd.read_csv(paths.REFERENCE / "export_controls.csv", dtype=str, keep_default_na=False).head(3)
    events.loc[1, "date"] = "2025-02-30"
    path = tmp_path / "export_controls.csv"
    events.to_csv(path, index=False)
    loaded, problems = load_export_controls(path)
    assert len(loaded) == 2 and problems[0].line == 3 and "impossible date" in problems[0].reason

    events.loc[1, "date"] = "2025-02-03"
    events.loc[2, "action_class"] = "embargo"
    events.to_csv(path, index=False)
    loaded, problems = load_export_controls(path)
    assert len(loaded) == 2 and problems[0].line == 4 and "unknown action_class 'embargo'" in problems[0].reason


def test_a_reference_rows_action_class_is_set_by_hand_else_read_from_its_wording():
    from helpers.check.events import reference_class

    row = {"action": "Launched a variant with reduced chip-to-chip bandwidth", "action_zh": "", "actor_group": "firm"}
    assert reference_class(row) == "launch"  # `bandwidth` is no ban
    assert reference_class({**row, "action_class": "ship"}) == "ship"  # the hand-set class wins
    # The Chinese wording, read with the extractors' grammar, before the English.
    zh = {"action": "Did something", "action_zh": "某部对某公司立案调查", "actor_group": "Chinese government"}
    assert reference_class(zh) == "investigate"
    assert reference_class({"action": "Began accepting orders", "action_zh": "", "actor_group": "firm"}) != "ban"


def test_units_and_dates():
    assert to_base(1.6, "PFLOPS") == (1600.0, "TFLOPS")
    assert to_base(900, "GB/s") == (0.9, "TB/s")
    assert parse_reference_date("2025-08") == ("2025-08-01", "2025-08-31", "month")
    assert parse_reference_date("2024-02-29")[2] == "day"
