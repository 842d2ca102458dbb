"""Cluster-scale comparisons: cards per system, per-chip compute, system compute, and the traps.

Articles compare Huawei SuperPoDs with Nvidia NVL racks by card count
(`8192张卡` against `区区144张卡`), which says nothing of compute; they mix
dense and sparse figures, vendor roadmaps and shipping products, and GPU
dies with packages (NVL144 counts 144 dies in 72 packages). This module
lines the articles' figures up with `data/reference/chip_specs.csv` and
makes each of those differences a column a reader can see.
"""

from __future__ import annotations

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


def system_table(systems: list[str], specs: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per system: chips, per-chip FP8 compute, system FP8 compute (stated and computed)."""
    if specs is None:
        specs, _ = load_chip_specs()
    rows = []
    for system in systems:
        sys_rows = specs[specs["entity"] == system]
        chip = SYSTEM_CHIP.get(system, "")
        chip_rows = specs[specs["entity"] == chip] if chip else specs.iloc[0:0]
        count = sys_rows[sys_rows["metric"] == "chips per system"]
        n_chips = float(count["value_num"].iloc[0]) if len(count) else None
        count_unit = count["unit"].iloc[0] if len(count) else ""
        per_chip = _pick(chip_rows[chip_rows["metric"].str.contains("compute")], "FP8")
        stated = _pick(sys_rows[sys_rows["metric"].str.startswith("system FP8")])
        row = {
            "system": system, "vendor": sys_rows["vendor"].iloc[0] if len(sys_rows) else "",
            "status": sys_rows["product_status"].iloc[0] if len(sys_rows) else "",
            "chips": n_chips, "counted as": count_unit, "chip": chip,
            "chip FP8 TFLOPS": per_chip["value_base"] if per_chip is not None else None,
            "chip FP8 sparsity": per_chip["sparsity"] if per_chip is not None else "",
            "system FP8 PFLOPS (stated)": stated["value_base"] / 1e3 if stated is not None else None,
            "stated sparsity": stated["sparsity"] if stated is not None else "",
        }
        if n_chips and per_chip is not None:
            packages = n_chips / 2 if system in COUNTS_DIES and count_unit == "GPU dies" else n_chips
            row["system FP8 PFLOPS (chips × chip)"] = packages * per_chip["value_base"] / 1e3
        else:
            row["system FP8 PFLOPS (chips × chip)"] = None
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
    with_both = table.dropna(subset=["chips", "system FP8 PFLOPS (stated)"])
    if len(with_both) >= 2:
        per_card = (with_both["system FP8 PFLOPS (stated)"] / with_both["chips"]).round(2)
        notes.append("FP8 PFLOPS per chip: " + ", ".join(f"{s} {v:g}" for s, v in zip(with_both["system"], per_card))
                     + " — more cards do not mean proportionally more compute.")
    return notes


def scale_chart(table: pd.DataFrame, ax=None):
    """Chips per system against system FP8 compute, both on log scales; open marks are roadmaps."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(8, 5.5))
    data = table.copy()
    data["compute"] = data["system FP8 PFLOPS (stated)"].fillna(data["system FP8 PFLOPS (chips × chip)"])
    data = data.dropna(subset=["chips", "compute"])
    for row in data.itertuples():
        roadmap = row.status == "vendor roadmap"
        color = "#c0392b" if row.vendor == "Huawei" else "#27ae60" if row.vendor == "Nvidia" else "#555"
        ax.scatter(row.chips, row.compute, s=80, color=color, facecolors="none" if roadmap else color, linewidths=2)
        ax.annotate(row.system, (row.chips, row.compute), textcoords="offset points", xytext=(6, 4), fontsize=8)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("chips per system (卡数, log)")
    ax.set_ylabel("system FP8 compute, PFLOPS (log)")
    ax.set_title("Cluster scale: cards against compute (open = vendor roadmap)")
    return ax


def finding(table: pd.DataFrame) -> str:
    data = table.dropna(subset=["chips"])
    if data.empty:
        return "No system in the reference matches the systems asked for."
    biggest = data.sort_values("chips").iloc[-1]
    smallest = data.sort_values("chips").iloc[0]
    ratio = biggest["chips"] / smallest["chips"]
    text = (f"{biggest['system']} has {ratio:.0f}× the chips of {smallest['system']} "
            f"({biggest['chips']:g} against {smallest['chips']:g})")
    both = data.dropna(subset=["system FP8 PFLOPS (stated)"])
    if biggest["system"] in set(both["system"]) and smallest["system"] in set(both["system"]):
        c = both.set_index("system")["system FP8 PFLOPS (stated)"]
        text += f" but {c[biggest['system']] / c[smallest['system']]:.1f}× the stated FP8 compute"
    return text + "; card counts overstate the gap."
