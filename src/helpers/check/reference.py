"""Reference facts with sources: export-control events and chip and system specs.

`load_export_controls()` and `load_chip_specs()` read `data/reference/`,
validate every row (a date that exists, a known unit, a number where a number
belongs, a source URL on every row) and leave out bad rows with a message
naming the file and line. Spec rows gain what a comparison needs: the
value in a base unit, the precision, whether the figure is dense or sparse,
and whether it is a shipping product or a vendor roadmap.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import paths
from ..extract.event import ACTIONS
from ..lang import lexicon as lexicon_mod
from .camps import reference_actor_group

EXPORT_COLUMNS = ["date", "actor", "action", "action_zh", "items", "threshold", "source_url", "note"]
# Optional: `action_class`, the row's action in the extractors' classes (`tighten`, `approve`, …), set by hand;
# where it is empty the claim check derives it from the row's wording (`check.events.reference_events`).
ACTION_CLASSES = sorted({name for name, _ in ACTIONS})
SPEC_COLUMNS = ["vendor", "product", "kind", "year", "metric", "value", "unit", "precision_note", "source_url", "note"]

# unit -> (base unit, factor to the base unit)
UNITS = {
    "TFLOPS": ("TFLOPS", 1.0), "PFLOPS": ("TFLOPS", 1e3), "EFLOPS": ("TFLOPS", 1e6), "GFLOPS": ("TFLOPS", 1e-3),
    "TOPS": ("TOPS", 1.0), "POPS": ("TOPS", 1e3),
    "GB": ("GB", 1.0), "TB": ("GB", 1e3), "PB": ("GB", 1e6),
    "GB/s": ("TB/s", 1e-3), "TB/s": ("TB/s", 1.0), "PB/s": ("TB/s", 1e3),
    "GPUs": ("chips", 1.0), "NPUs": ("chips", 1.0), "GPU dies": ("dies", 1.0), "chips": ("chips", 1.0),
    "cards": ("chips", 1.0), "nm": ("nm", 1.0), "TPP (export metric)": ("TPP", 1.0),
    "quarter": ("quarter", 1.0), "formula": ("formula", 1.0),
    "USD": ("USD", 1.0), "CNY": ("CNY", 1.0), "%": ("%", 1.0), "ratio": ("ratio", 1.0),
}
NON_NUMERIC_UNITS = {"quarter", "formula"}

# What articles call a system by its suffix alone, as the reference names it.
SAME_AS = {"NVL144": "Vera Rubin NVL144", "NVL576": "Rubin Ultra NVL576", "NVL72": "GB200 NVL72"}


@dataclass(frozen=True)
class RowProblem:
    """A row of a curated table left out, and why (the file, its line, the reason)."""

    file: str
    line: int
    reason: str
    left_out: str = "row"

    def __str__(self) -> str:
        return f"{self.file} line {self.line}: {self.reason}; {self.left_out} left out"


def to_base(value: float, unit: str) -> tuple[float, str]:
    """A figure in its base unit: 1.6 PFLOPS → (1600, 'TFLOPS'); 1.6 TB/秒 → (1.6, 'TB/s')."""
    base, factor = UNITS.get(unit, (unit, 1.0))
    return value * factor, base


def parse_reference_date(value: str) -> tuple[str, str, str]:
    """`YYYY-MM-DD` or `YYYY-MM` → (start, end, precision); ValueError when impossible."""
    value = value.strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value)
    if not m:
        raise ValueError(f"date {value!r} is not YYYY-MM-DD or YYYY-MM")
    year, month = int(m.group(1)), int(m.group(2))
    if m.group(3):
        day = dt.date(year, month, int(m.group(3)))
        return day.isoformat(), day.isoformat(), "day"
    first = dt.date(year, month, 1)
    last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return first.isoformat(), last.isoformat(), "month"


def _read(path: Path, columns: list[str]) -> tuple[pd.DataFrame, list[RowProblem]]:
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"{path.name}: missing column(s) {', '.join(missing)}")
    df["line"] = range(2, len(df) + 2)  # header is line 1
    return df, []


def _url_ok(url: str) -> bool:
    return bool(re.match(r"https?://\S+\.\S+", url.strip()))


def load_export_controls(path: Path | None = None, log=None) -> tuple[pd.DataFrame, list[RowProblem]]:
    path = path or paths.REFERENCE / "export_controls.csv"
    df, problems = _read(path, EXPORT_COLUMNS)
    rows = []
    for row in df.to_dict("records"):
        reason = ""
        try:
            start, end, precision = parse_reference_date(row["date"])
        except ValueError as exc:
            reason = f"impossible date ({exc})" if "not" not in str(exc) else str(exc)
        if not reason and not row["actor"].strip():
            reason = "no actor"
        if not reason and not row["action"].strip():
            reason = "no action"
        if not reason and not _url_ok(row["source_url"]):
            reason = "no source URL"
        if not reason and row.get("action_class", "").strip() and row["action_class"].strip() not in ACTION_CLASSES:
            reason = f"unknown action_class {row['action_class'].strip()!r} (one of {', '.join(ACTION_CLASSES)})"
        if reason:
            problems.append(RowProblem(path.name, row["line"], reason))
            continue
        row.update(date_start=start, date_end=end, date_precision=precision, actor_group=reference_actor_group(row["actor"]),
                   disagreement="DISAGREEMENT" in row["note"])
        rows.append(row)
    for p in problems:
        (log or (lambda m: None))(str(p))
    return pd.DataFrame(rows), problems


_PRECISION = re.compile(r"\b(FP4|FP8|FP16|BF16|FP64|INT8|TF32|FP32)\b")


def _spec_fields(row: dict) -> dict:
    metric, note = row["metric"], row["precision_note"].lower()
    precision = ""
    m = _PRECISION.search(row["metric"]) or _PRECISION.search(row["precision_note"])
    if m:
        precision = "FP16" if m.group(1) in ("FP16", "BF16") else m.group(1)
    if "labelled 'dense'" in note:
        sparsity = "unclear (labelled dense by source)"
    elif note.startswith("dense"):
        sparsity = "dense"
    elif "with sparsity" in note:
        sparsity = "sparse"
    elif " dense" in note:
        sparsity = "dense"
    else:
        sparsity = "unstated"
    if "roadmap" in note or "vendor claim" in note or "roadmap" in row["note"].lower():
        status = "vendor roadmap"
    elif "estimate" in note or "semianalysis" in note:
        status = "estimate"
    else:
        status = "shipping"
    other = re.search(r"\(([\d.,]+) with sparsity\)|\(dense ([\d.,]+)\)", row["precision_note"])
    return {
        "precision": precision if "compute" in metric or "TPP" in metric else "",
        "sparsity": sparsity if "compute" in metric else "",
        "status": status,
        "sparse_value": float(other.group(1).replace(",", "")) if other and other.group(1) else None,
        "dense_value": float(other.group(2).replace(",", "")) if other and other.group(2) else None,
        "low_confidence": "LOW CONFIDENCE" in row["note"],
        "disagreement": "DISAGREEMENT" in row["note"],
    }


def product_entity(product: str, lexicon=None) -> str:
    """The lexicon's canonical name for a reference product (`Ascend 910B` → `昇腾910B`)."""
    lexicon = lexicon or lexicon_mod.load()
    candidates = [product, re.sub(r"\s*\(.*\)\s*$", "", product)]
    base = candidates[-1]
    candidates += [base.split(" / ")[0], re.sub(r"\s+(SXM|PCIe|HGX).*$", "", base)]
    for name in candidates:
        entity = lexicon.entity(name.strip())
        if entity is not None:
            return entity.canonical
    return ""


def load_chip_specs(path: Path | None = None, log=None) -> tuple[pd.DataFrame, list[RowProblem]]:
    path = path or paths.REFERENCE / "chip_specs.csv"
    df, problems = _read(path, SPEC_COLUMNS)
    rows = []
    lexicon = lexicon_mod.load()
    for row in df.to_dict("records"):
        reason = ""
        if not row["vendor"].strip() or not row["product"].strip():
            reason = "no vendor or product"
        elif row["kind"] not in ("chip", "system", "note"):
            reason = f"unknown kind {row['kind']!r}"
        elif row["unit"] not in UNITS:
            reason = f"unknown unit {row['unit']!r}"
        elif row["year"] and not (row["year"].isdigit() and 1990 <= int(row["year"]) <= 2100):
            reason = f"impossible year {row['year']!r}"
        elif not _url_ok(row["source_url"]):
            reason = "no source URL"
        value = None
        if not reason and row["unit"] not in NON_NUMERIC_UNITS:
            try:
                value = float(row["value"].replace(",", ""))
            except ValueError:
                reason = f"value {row['value']!r} is not a number"
        if reason:
            problems.append(RowProblem(path.name, row["line"], reason))
            continue
        row["value_num"] = value
        if value is not None:
            row["value_base"], row["unit_base"] = to_base(value, row["unit"])
        else:
            row["value_base"], row["unit_base"] = None, row["unit"]
        row["entity"] = product_entity(row["product"], lexicon)
        row.update(_spec_fields(row))
        rows.append(row)
    for p in problems:
        (log or (lambda m: None))(str(p))
    specs = pd.DataFrame(rows)
    if not specs.empty:
        # A product with any roadmap figure is a roadmap product, card counts included.
        roadmap = specs.groupby("entity")["status"].transform(lambda s: (s == "vendor roadmap").any())
        specs["product_status"] = specs["status"].where(~roadmap, "vendor roadmap")
    return specs, problems
