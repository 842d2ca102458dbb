"""Cluster-scale comparisons: cards per system, per-chip compute, system compute, and the traps.

Articles compare Huawei SuperPoDs with Nvidia NVL racks by card count
(`8192张卡` against `区区144张卡`), which says nothing of compute; they mix
dense and sparse figures, vendor roadmaps and shipping products, and GPU
dies with packages (NVL144 counts 144 dies in 72 packages). This module
lines the articles' figures up with `data/reference/chip_specs.csv` and
makes each of those differences a column a reader can see.
"""

from __future__ import annotations

import math

import pandas as pd

from ..check.reference import SAME_AS, load_chip_specs, to_base
from ..store.tables import Tables

# The accelerator inside each system, as the reference rows' notes state it
# (`Ascend 950DT`, `Ascend 960`, `Ascend 910C, plus 192 Kunpeng CPUs`, `in 72 packages`).
SYSTEM_CHIP = {
    "CloudMatrix 384": "昇腾910C", "Atlas 950 SuperPoD": "昇腾950DT", "Atlas 960 SuperPoD": "昇腾960",
    "Atlas 950 SuperCluster": "昇腾950DT", "Atlas 960 SuperCluster": "昇腾960",
    "GB200 NVL72": "B200", "GB300 NVL72": "B300", "Vera Rubin NVL144": "Rubin", "Rubin Ultra NVL576": "Rubin Ultra",
}
COUNTS_DIES = {"Vera Rubin NVL144", "Rubin Ultra NVL576", "NVL144", "NVL576"}
# Precisions tried in this order where two systems are set side by side; the first both have wins.
PRECISIONS = ("FP8", "FP16", "FP4")
PRECISION_LABEL = {"FP8": "FP8", "FP16": "BF16/FP16", "FP4": "FP4"}
_BASIS_ORDER = {"dense": 0, "unstated": 1, "sparse": 2}


def parse_systems(value: str) -> list[str]:
    """The `systems` notebook parameter: names separated by commas."""
    systems = [s.strip() for s in str(value).split(",") if s.strip()]
    if not systems:
        raise ValueError("parameter systems: give at least one system name, separated by commas")
    return systems


def _pick(rows: pd.DataFrame, precision: str | None = None) -> pd.Series | None:
    if precision:
        rows = rows[rows["precision"] == precision]
    if rows.empty:
        return None
    order = {"dense": 0, "unstated": 1, "unclear (labelled dense by source)": 2, "sparse": 3, "": 4}
    return rows.assign(_o=rows["sparsity"].map(order).fillna(5)).sort_values("_o").iloc[0]


def packages(system: str, specs: pd.DataFrame) -> float | None:
    """Accelerator packages per system from the reference (a die count halved)."""
    rows = specs[(specs["entity"] == system) & (specs["metric"] == "chips per system")]
    if rows.empty:
        return None
    count = float(rows["value_num"].iloc[0])
    return count / 2 if system in COUNTS_DIES and rows["unit"].iloc[0] == "GPU dies" else count


def product_status(system: str, specs: pd.DataFrame) -> str:
    rows = specs[specs["entity"] == system]
    return str(rows["product_status"].iloc[0]) if len(rows) else ""


def _basis(row) -> tuple[float, str]:
    """A compute row's figure in TFLOPS on the densest basis it states, and that basis."""
    sparsity = str(row.sparsity)
    if sparsity == "sparse":
        dense = row.dense_value
        if dense is not None and not (isinstance(dense, float) and math.isnan(dense)):
            return row.value_base * float(dense) / float(row.value_num), "dense"
        return row.value_base, "sparse"
    return row.value_base, "dense" if sparsity == "dense" else "unstated"


def system_compute(system: str, specs: pd.DataFrame) -> dict[str, tuple[float, str, str]]:
    """Per precision, the system's compute in PFLOPS, its basis (`dense`, `unstated`, `sparse`) and whence it
    comes (`stated`: a system row; `chips × chip`: packages times the chip's figure)."""
    out: dict[str, tuple[float, str, str]] = {}
    rows = specs[(specs["entity"] == system) & specs["metric"].str.startswith("system ")
                 & specs["metric"].str.contains("compute") & ~specs["metric"].str.contains("training")]
    for precision in PRECISIONS:
        found = [_basis(r) for r in rows[rows["precision"] == precision].itertuples()]
        if found:
            value, basis = min(found, key=lambda vb: _BASIS_ORDER[vb[1]])
            out[precision] = (value / 1e3, basis, "stated")
    chip, n_packages = SYSTEM_CHIP.get(system, ""), packages(system, specs)
    if chip and n_packages:
        chip_rows = specs[(specs["entity"] == chip) & specs["metric"].str.contains("compute")]
        for precision in PRECISIONS:
            if precision in out:
                continue
            found = [_basis(r) for r in chip_rows[chip_rows["precision"] == precision].itertuples()]
            if found:
                value, basis = min(found, key=lambda vb: _BASIS_ORDER[vb[1]])
                out[precision] = (n_packages * value / 1e3, basis, "chips × chip")
    return out



def system_table(systems: list[str], specs: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per system: chips (and packages, where the count is of dies), per-chip FP8 compute, the
    system FP8 figure as the reference states it, and system compute at FP8 and BF16 on the densest basis
    the reference gives (a figure with sparsity replaced by the dense figure its row states), with that
    basis and whence it comes (a system row, or packages × the chip's figure)."""
    if specs is None:
        specs, _ = load_chip_specs()
    rows = []
    for system in systems:
        sys_rows = specs[specs["entity"] == system]
        chip = SYSTEM_CHIP.get(system, "")
        chip_rows = specs[specs["entity"] == chip] if chip else specs.iloc[0:0]
        count = sys_rows[sys_rows["metric"] == "chips per system"]
        per_chip = _pick(chip_rows[chip_rows["metric"].str.contains("compute")], "FP8")
        stated = _pick(sys_rows[sys_rows["metric"].str.startswith("system FP8")])
        row = {
            "system": system, "vendor": sys_rows["vendor"].iloc[0] if len(sys_rows) else "",
            "status": product_status(system, specs),
            "chips": float(count["value_num"].iloc[0]) if len(count) else None,
            "counted as": count["unit"].iloc[0] if len(count) else "", "packages": packages(system, specs),
            "chip": chip,
            "chip FP8 TFLOPS": per_chip["value_base"] if per_chip is not None else None,
            "chip FP8 sparsity": per_chip["sparsity"] if per_chip is not None else "",
            "system FP8 PFLOPS (stated)": stated["value_base"] / 1e3 if stated is not None else None,
            "stated sparsity": stated["sparsity"] if stated is not None else "",
        }
        compute = system_compute(system, specs)
        for precision in ("FP8", "FP16"):
            value, basis, source = compute.get(precision, (None, "", ""))
            label = PRECISION_LABEL[precision]
            row[f"{label} PFLOPS"] = value
            row[f"{label} basis"] = basis
            row[f"{label} from"] = source
        rows.append(row)
    return pd.DataFrame(rows)


def article_figures(tables: Tables, systems: list[str], specs: pd.DataFrame | None = None) -> pd.DataFrame:
    """The articles' spec claims about these systems and their chips, beside the reference figure."""
    if specs is None:
        specs, _ = load_chip_specs()
    names = set(systems) | {SYSTEM_CHIP.get(s, "") for s in systems} | {"NVL144", "NVL576", "NVL72"}
    claims = tables.claims[(tables.claims["kind"] == "spec") & tables.claims["subject"].isin(names)].copy()
    refs = []
    for row in claims.itertuples():
        base_value, base_unit = to_base(row.value, row.unit) if row.unit != "cards" else (row.value, "chips")
        entity = SAME_AS.get(row.subject, row.subject)
        candidates = specs[(specs["entity"] == entity) & (specs["unit_base"] == base_unit)]
        if row.metric == "卡数":
            candidates = candidates[candidates["metric"] == "chips per system"]
        refs.append("; ".join(f"{r.value_num:g} {r.unit} ({r.metric}, {r.precision_note})"
                              for r in candidates.itertuples()) or "—")
    claims["reference"] = refs
    return claims[["claim_id", "article_id", "subject", "metric", "value", "unit", "hedge", "reference", "sentence"]]


def apples_to_oranges(table: pd.DataFrame) -> list[str]:
    """Plain-language cautions drawn from the table itself."""
    notes = []
    roadmap = table.loc[table["status"] == "vendor roadmap", "system"].tolist()
    shipping = table.loc[table["status"] == "shipping", "system"].tolist()
    if roadmap and shipping:
        notes.append(f"Vendor roadmaps ({', '.join(roadmap)}) are compared with shipping systems "
                     f"({', '.join(shipping)}): the roadmap figures are promises.")
    dies = table.loc[table["counted as"] == "GPU dies", "system"].tolist()
    if dies:
        notes.append(f"{', '.join(dies)} counts GPU dies, two per package: 144 dies are 72 packages, "
                     "the same count as an NVL72 rack.")
    sparse = table.loc[table["stated sparsity"] == "sparse", "system"].tolist()
    unstated = table.loc[table["stated sparsity"].isin(["unstated", ""]) & table["system FP8 PFLOPS (stated)"].notna(),
                         "system"].tolist()
    if sparse and unstated:
        notes.append(f"Stated FP8 compute is with sparsity for {', '.join(sparse)} but of unstated sparsity for "
                     f"{', '.join(unstated)}: the two are not on the same footing.")
    with_both = table.dropna(subset=["packages", "FP8 PFLOPS"])
    if len(with_both) >= 2:
        per_card = (with_both["FP8 PFLOPS"] / with_both["packages"]).round(2)
        notes.append("FP8 PFLOPS per accelerator package (densest basis the reference gives): "
                     + ", ".join(f"{s} {v:g}" for s, v in zip(with_both["system"], per_card))
                     + " — more cards do not mean proportionally more compute.")
    return notes


def log_axes(ax, x: bool = True, y: bool = True) -> None:
    """Log scales whose tick labels are plain numbers (`100`, `2000`): the report's charts read `$` as text,
    so matplotlib's mathtext labels (`10^2`) would show as markup. Minor ticks at 2 and 5 are labelled too,
    so a range within one decade still has numbers on it."""
    from matplotlib.ticker import FuncFormatter

    def major(v, _):
        return f"{v:g}"

    def minor(v, _):
        return f"{v:g}" if f"{v:e}"[0] in "25" else ""

    for on, axis, set_scale in ((x, ax.xaxis, ax.set_xscale), (y, ax.yaxis, ax.set_yscale)):
        if on:
            set_scale("log")
            axis.set_major_formatter(FuncFormatter(major))
            axis.set_minor_formatter(FuncFormatter(minor))
            axis.set_tick_params(which="minor", labelsize=7)


def scale_chart(table: pd.DataFrame):
    """Packages per system against system compute, one panel per precision (FP8, BF16/FP16), both axes on
    log scales, each system at the densest basis the reference gives: filled marks ship, open marks are
    roadmaps; circles are dense figures, triangles of unstated sparsity."""
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(11, 5), sharex=True)
    for ax, label in zip(axes, (PRECISION_LABEL["FP8"], PRECISION_LABEL["FP16"])):
        data = table.dropna(subset=["packages", f"{label} PFLOPS"])
        # Systems at the same point (GB200 and GB300 NVL72 at FP8, dense) share one mark and one label.
        for (_, _), same in data.groupby(["packages", f"{label} PFLOPS"], sort=False):
            row = same.iloc[0]
            roadmap = row["status"] == "vendor roadmap"
            color = "#c0392b" if row["vendor"] == "Huawei" else "#27ae60" if row["vendor"] == "Nvidia" else "#555"
            marker = "o" if row[f"{label} basis"] == "dense" else "^"
            ax.scatter(row["packages"], row[f"{label} PFLOPS"], s=80, marker=marker, color=color,
                       facecolors="none" if roadmap else color, linewidths=2)
            ax.annotate(" = ".join(same["system"]), (row["packages"], row[f"{label} PFLOPS"]),
                        textcoords="offset points", xytext=(6, 4), fontsize=8)
        if data.empty:
            ax.text(0.5, 0.5, f"no system with a {label} figure", transform=ax.transAxes, ha="center")
        else:
            log_axes(ax)
        ax.set_xlabel("accelerator packages per system (log)")
        ax.set_ylabel(f"system {label} compute, PFLOPS (log)")
        ax.set_title(f"{label}: ● dense ▲ sparsity unstated; open = roadmap", fontsize=10)
    fig.suptitle("Cluster scale in the reference: cards against compute")
    fig.tight_layout()
    return fig
