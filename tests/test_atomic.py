"""Files written whole or not at all, in the conventions spreadsheet users need."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from helpers.store.atomic import write_arrow_csv, write_table


def test_csv_cells_never_run_as_spreadsheet_formulas(tmp_path):
    write_table(pd.DataFrame({"sentence": ["=HYPERLINK(\"x\")", "@SUM(A1)", "正常"], "n": [1, -2, 3]}),
                tmp_path / "t.csv")
    back = pd.read_csv(tmp_path / "t.csv", encoding="utf-8-sig")
    assert list(back["sentence"]) == ["'=HYPERLINK(\"x\")", "'@SUM(A1)", "正常"]
    assert list(back["n"]) == [1, -2, 3]
    # The same guard where the build writes Arrow tables directly (disagreements.csv).
    write_arrow_csv(pa.table({"sentence": pa.array(["+1 danger", "-x", None, "好"], pa.large_string()),
                              "n": [1, -2, 3, 4]}), tmp_path / "a.csv")
    back = pd.read_csv(tmp_path / "a.csv", encoding="utf-8-sig", keep_default_na=False)
    assert list(back["sentence"]) == ["'+1 danger", "'-x", "", "好"] and list(back["n"]) == [1, -2, 3, 4]
    assert (tmp_path / "a.csv").read_bytes().startswith(b"\xef\xbb\xbf")
