"""Reviewer overrides (`data/review/overrides.csv`): corrections and verdicts a person settled.

Read and validated once (`load_overrides`); claim fields are corrected before the check runs
(`apply_to_claims`), verdicts set after it (`apply_to_verdicts`), and every row a reviewer touched
says so in the claim check's `overridden` column. An override whose claim is no longer extracted is
stale (`stale_overrides`): reported, never applied to anything else.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import paths
from .reference import RowProblem
from .verdicts import VERDICTS

OVERRIDE_COLUMNS = ["claim_id", "field", "value", "reviewer", "note"]
CLAIM_FIELDS = ("subject", "relative_to", "metric", "scope", "value", "value_max", "unit", "hedge", "actor", "action",
                "items", "date_start", "date_end", "date_precision", "period")
_NUMERIC = ("value", "value_max")
REVIEW_REPORT_COLUMNS = ["line", "claim_id", "field", "value", "reviewer", "status", "reason"]


def OverrideProblem(file: str, line: int, reason: str) -> RowProblem:
    """A row of the overrides left out, and why."""
    return RowProblem(file, line, reason, "override")


def overrides_path() -> Path:
    return paths.REVIEW / "overrides.csv"


def load_overrides(path: Path | None = None, log=None) -> tuple[pd.DataFrame, list[RowProblem]]:
    """The valid overrides (with their line in the file) and the problems of the others. A missing file is
    no overrides; a file without the columns is one problem."""
    path = Path(path or overrides_path())
    empty = pd.DataFrame(columns=[*OVERRIDE_COLUMNS, "line"])
    if not path.exists():
        return empty, []
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        problems = [OverrideProblem(path.name, 1, f"unreadable ({exc})")]
        for p in problems:
            (log or (lambda m: None))(str(p))
        return empty, problems
    missing = [c for c in OVERRIDE_COLUMNS if c not in df.columns]
    if missing:
        problems = [OverrideProblem(path.name, 1, f"missing column(s) {', '.join(missing)}")]
        (log or (lambda m: None))(str(problems[0]))
        return empty, problems
    rows, problems = [], []
    for line, row in enumerate(df[OVERRIDE_COLUMNS].to_dict("records"), start=2):
        row = {k: str(v).strip() for k, v in row.items()}
        reason = ""
        if not row["claim_id"]:
            reason = "no claim_id"
        elif row["field"] not in (*CLAIM_FIELDS, "verdict"):
            reason = f"unknown field {row['field']!r}"
        elif not row["reviewer"]:
            reason = "no reviewer"
        elif row["field"] == "verdict" and row["value"] not in VERDICTS:
            reason = f"verdict {row['value']!r} is not one of {', '.join(VERDICTS)}"
        elif row["field"] in _NUMERIC and row["value"]:
            try:
                float(row["value"])
            except ValueError:
                reason = f"{row['field']} {row['value']!r} is not a number"
        if not reason and any(r["claim_id"] == row["claim_id"] and r["field"] == row["field"] for r in rows):
            reason = f"a second override of {row['field']} for {row['claim_id']}"
        if reason:
            problems.append(OverrideProblem(path.name, line, reason))
            continue
        rows.append({**row, "line": line})
    for p in problems:
        (log or (lambda m: None))(str(p))
    return (pd.DataFrame(rows, columns=[*OVERRIDE_COLUMNS, "line"]) if rows else empty), problems


def _describe(row) -> str:
    note = f": {row['note']}" if row["note"] else ""
    return f"{row['field']}={row['value']} by {row['reviewer']}{note}"


def apply_to_claims(claims: pd.DataFrame, overrides: pd.DataFrame) -> pd.DataFrame:
    """The claims with the reviewers' field corrections applied (verdict overrides are applied later)."""
    fields = overrides[overrides["field"] != "verdict"] if not overrides.empty else overrides
    if fields.empty or claims.empty:
        return claims
    out = claims.copy()
    index = {c: i for i, c in enumerate(out["claim_id"])}
    for row in fields.to_dict("records"):
        i = index.get(row["claim_id"])
        if i is None:
            continue
        value = (float(row["value"]) if row["value"] else float("nan")) if row["field"] in _NUMERIC else row["value"]
        out.iat[i, out.columns.get_loc(row["field"])] = value
    return out


def apply_to_verdicts(verdicts: pd.DataFrame, overrides: pd.DataFrame) -> pd.DataFrame:
    """The verdicts with reviewers' verdicts set (the note keeps what the check said) and every touched row
    described in `overridden`."""
    out = verdicts.copy()
    out["overridden"] = ""
    if overrides.empty or out.empty:
        return out
    index = {c: i for i, c in enumerate(out["claim_id"])}
    for row in overrides.to_dict("records"):
        i = index.get(row["claim_id"])
        if i is None:
            continue
        col = out.columns.get_loc("overridden")
        out.iat[i, col] = "; ".join(filter(None, [out.iat[i, col], _describe(row)]))
        if row["field"] == "verdict":
            v, n = out.columns.get_loc("verdict"), out.columns.get_loc("note")
            out.iat[i, n] = f"set to {row['value']} by {row['reviewer']} (the check said {out.iat[i, v]}: {out.iat[i, n]})"
            out.iat[i, v] = row["value"]
    return out


def review_report(overrides: pd.DataFrame, problems: list[RowProblem], claim_ids: set[str],
                  checked_ids: set[str]) -> pd.DataFrame:
    """One row per line of the overrides file: `applied`, `stale` (the claim is no longer extracted, or a
    verdict override of a claim the check does not cover) or `invalid`, with the reason."""
    rows = []
    for row in overrides.to_dict("records"):
        status, reason = "applied", ""
        if row["claim_id"] not in claim_ids:
            status, reason = "stale", "the claim is no longer extracted"
        elif row["field"] == "verdict" and row["claim_id"] not in checked_ids:
            status, reason = "stale", "the claim has no verdict to override"
        rows.append({**{k: row[k] for k in ("claim_id", "field", "value", "reviewer")}, "line": row["line"],
                     "status": status, "reason": reason})
    for p in problems:
        rows.append({"line": p.line, "claim_id": "", "field": "", "value": "", "reviewer": "", "status": "invalid",
                     "reason": p.reason})
    return pd.DataFrame(rows, columns=REVIEW_REPORT_COLUMNS).sort_values("line").reset_index(drop=True)
