"""The systems the articles set against each other, and what the record says of each pair.

An article compares two systems either with a ratio it states (`CloudMatrix 384
的芯片数是GB200 NVL72的5倍`) or by stating a figure of the same kind for each
(`8192张卡` here, `区区144张卡` there). Each such pair becomes a row: the
article's ratio, the reference's ratio of packages (a die count is halved), the
reference's ratio of compute at the best precision both systems have a figure
for, on a dense basis where the reference gives one (its sparse figures are
replaced by the dense figure the same row states), and whether the two are
alike (both shipping, or both vendor roadmaps). The cluster page's finding and
chart are drawn from these rows, so they describe the coverage, not the
reference.
"""

from __future__ import annotations

import pandas as pd

from ..check.reference import SAME_AS, load_chip_specs
from ..lang import lexicon as lexicon_mod
from ..store.tables import Tables
from .clusters import PRECISION_LABEL, PRECISIONS, log_axes, packages, product_status, system_compute

# What a spec figure measures, by its unit (a ratio by the words of its metric).
_UNIT_MEASURE = {"cards": "chips", "chips": "chips", "TFLOPS": "compute", "PFLOPS": "compute", "EFLOPS": "compute",
                 "TOPS": "compute", "GB": "memory", "TB": "memory", "GB/s": "bandwidth", "TB/s": "bandwidth",
                 "PB/s": "bandwidth"}
_RATIO_WORDS = (("chips", ("卡", "芯片数", "芯片數", "规模", "規模")), ("compute", ("算力", "性能", "FLOPS")),
                ("memory", ("显存", "顯存", "内存", "記憶體", "HBM")), ("bandwidth", ("带宽", "帶寬", "頻寬")))

COLUMNS = ["article_id", "system", "compared_with", "measure", "claimed_ratio", "stated_as", "claim_id",
           "system_status", "compared_status", "like_with_like", "packages_ratio", "compute_ratio",
           "compute_precision", "compute_basis", "sentence"]


def measure_of(metric: str, unit: str) -> str:
    """`chips`, `compute`, `memory`, `bandwidth`, or '' for what a spec figure measures."""
    if unit in _UNIT_MEASURE:
        return _UNIT_MEASURE[unit]
    if unit == "ratio":
        for measure, words in _RATIO_WORDS:
            if any(w in str(metric) for w in words):
                return measure
    return ""


def _system(name: str, lexicon) -> str:
    """The canonical system a name stands for, or '' when it is not a system."""
    if not isinstance(name, str) or not name:
        return ""
    entity = lexicon.entity(name)
    if entity is None or entity.type != "system":
        return ""
    return SAME_AS.get(entity.canonical, entity.canonical)


def _vendor(system: str, lexicon) -> str:
    entity = lexicon.entity(system)
    return entity.parent if entity is not None else ""


def system_claims(tables: Tables, lexicon=None) -> pd.DataFrame:
    """The spec claims about systems, with the system (canonical), its vendor and what is measured."""
    lexicon = lexicon or lexicon_mod.load()
    claims = tables.claims
    if claims.empty:
        return claims.assign(system="", other="", vendor="", measure="")
    specs = claims[claims["kind"] == "spec"].copy()
    specs["system"] = [_system(s, lexicon) for s in specs["subject"]]
    specs["other"] = [_system(s, lexicon) for s in specs["relative_to"]]
    specs = specs[specs["system"] != ""]
    specs["vendor"] = [_vendor(s, lexicon) for s in specs["system"]]
    specs["measure"] = [measure_of(m, u) for m, u in zip(specs["metric"], specs["unit"])]
    return specs[specs["measure"] != ""]


def _stated_pairs(specs: pd.DataFrame) -> list[dict]:
    """Pairs an article makes with a ratio against another system."""
    rows = []
    for r in specs[(specs["unit"] == "ratio") & (specs["other"] != "") & (specs["other"] != specs["system"])].itertuples():
        rows.append({"article_id": r.article_id, "system": r.system, "compared_with": r.other, "measure": r.measure,
                     "claimed_ratio": float(r.value), "stated_as": "ratio stated", "claim_id": r.claim_id,
                     "sentence": r.sentence, "_at": r.char_start})
    return rows


def _figure_pairs(specs: pd.DataFrame) -> list[dict]:
    """Pairs an article makes by giving the same kind of figure, in the same unit, for two systems of
    different vendors: each figure is paired with the nearest such figure of the other side."""
    rows = []
    figures = specs[(specs["unit"] != "ratio") & (specs["value"] > 0)]
    for (article, measure, _unit), group in figures.groupby(["article_id", "measure", "unit"], sort=False):
        records = group.sort_values("char_start").to_dict("records")
        seen = set()
        for r in records:
            others = [o for o in records if o["vendor"] != r["vendor"] and o["system"] != r["system"]]
            if not others:
                continue
            near = min(others, key=lambda o: abs(o["char_start"] - r["char_start"]))
            key = frozenset((r["system"], near["system"]))
            if key in seen:
                continue
            seen.add(key)
            a, b = (r, near) if r["char_start"] <= near["char_start"] else (near, r)
            rows.append({"article_id": article, "system": a["system"], "compared_with": b["system"],
                         "measure": measure, "claimed_ratio": float(a["value"]) / float(b["value"]),
                         "stated_as": "figures stated", "claim_id": a["claim_id"], "sentence": a["sentence"],
                         "_at": a["char_start"]})
    return rows


def _basis_label(a: str, b: str) -> str:
    if a == b:
        return f"{a} on both" if a != "unstated" else "sparsity unstated on both"
    return f"{a} against {b}".replace("unstated", "sparsity unstated")


def reference_ratios(system: str, other: str, specs: pd.DataFrame) -> dict:
    """What the reference says of `system` against `other`: packages ratio, compute ratio at the first
    precision both have, that precision and its basis, and each one's status."""
    status_a, status_b = product_status(system, specs), product_status(other, specs)
    a_packages, b_packages = packages(system, specs), packages(other, specs)
    out = {"system_status": status_a, "compared_status": status_b,
           "like_with_like": bool(status_a and status_a == status_b),
           "packages_ratio": a_packages / b_packages if a_packages and b_packages else None,
           "compute_ratio": None, "compute_precision": "", "compute_basis": ""}
    a_compute, b_compute = system_compute(system, specs), system_compute(other, specs)
    for precision in PRECISIONS:
        if precision in a_compute and precision in b_compute:
            (a_value, a_basis, _), (b_value, b_basis, _) = a_compute[precision], b_compute[precision]
            out.update(compute_ratio=a_value / b_value, compute_precision=PRECISION_LABEL[precision],
                       compute_basis=_basis_label(a_basis, b_basis))
            break
    return out


def comparisons(tables: Tables, specs: pd.DataFrame | None = None, lexicon=None) -> pd.DataFrame:
    """One row per pair of systems an article compares (see the module's docstring), in article order."""
    if specs is None:
        specs, _ = load_chip_specs()
    claims = system_claims(tables, lexicon)
    rows = _stated_pairs(claims) + _figure_pairs(claims)
    if not rows:
        return pd.DataFrame(columns=COLUMNS)
    pairs = pd.DataFrame(rows).sort_values(["article_id", "_at"], kind="stable")
    # One row per article, pair and measure: a ratio the article states wins over one computed from its figures.
    pairs["_key"] = [frozenset(k) for k in zip(pairs["system"], pairs["compared_with"])]
    pairs["_rank"] = (pairs["stated_as"] != "ratio stated").astype(int)
    pairs = (pairs.sort_values(["article_id", "_rank", "_at"], kind="stable")
             .drop_duplicates(["article_id", "_key", "measure"]).sort_values(["article_id", "_at"], kind="stable"))
    reference = {}
    out = []
    for r in pairs.to_dict("records"):
        key = (r["system"], r["compared_with"])
        if key not in reference:
            reference[key] = reference_ratios(*key, specs)
        out.append({**r, **reference[key]})
    return pd.DataFrame(out)[COLUMNS].reset_index(drop=True)


def pair_summary(pairs: pd.DataFrame, specs: pd.DataFrame | None = None) -> pd.DataFrame:
    """The pairs across articles, most reported first: how many articles make each, the chips ratio the
    articles claim (median), and the reference's packages and compute ratios. The same two systems named
    in either order are one pair, oriented as most of its articles put it."""
    columns = ["system", "compared_with", "articles", "claimed_chips_ratio", "packages_ratio", "compute_ratio",
               "compute_precision", "compute_basis", "system_status", "compared_status", "like_with_like"]
    if pairs.empty:
        return pd.DataFrame(columns=columns)
    if specs is None:
        specs, _ = load_chip_specs()
    keyed = pairs.assign(_key=[frozenset(k) for k in zip(pairs["system"], pairs["compared_with"])])
    rows = []
    for key, group in keyed.groupby("_key", sort=False):
        counts = group.groupby("system", sort=False)["article_id"].nunique()
        system = counts.idxmax()
        other = next(iter(key - {system}), system)
        flipped = group["system"] != system
        ratio = group["claimed_ratio"].where(~flipped, 1 / group["claimed_ratio"])
        chips = ratio[group["measure"] == "chips"]
        rows.append({"system": system, "compared_with": other, "articles": group["article_id"].nunique(),
                     "claimed_chips_ratio": chips.median() if len(chips) else None,
                     **reference_ratios(system, other, specs)})
    return (pd.DataFrame(rows).sort_values(["articles", "system"], ascending=[False, True], kind="stable")
            .reset_index(drop=True)[columns])


def _times(value) -> str:
    return f"{value:.0f}×" if value >= 10 else f"{value:.1f}×"


def _n(k: int, word: str) -> str:
    return f"{k} {word}" if k == 1 else f"{k} {word}s"


def finding(pairs: pd.DataFrame, summary: pd.DataFrame, claims: pd.DataFrame, reference: pd.DataFrame) -> str:
    """The page's finding, from the pairs the articles make (`comparisons`, `pair_summary`), the articles'
    system figures (`system_claims`) and, where no article compares two systems, the reference table
    (`system_table`)."""
    if summary.empty:
        n = claims["article_id"].nunique() if len(claims) else 0
        text = (f"No article in this corpus sets one system against another by a figure ({_n(n, 'article')} "
                f"{'gives' if n == 1 else 'give'} a figure for a system)")
        known = reference.dropna(subset=["packages"])
        return text + (f"; the reference below lines up {len(known)} systems on one footing." if len(known)
                       else ".")
    lead = summary.iloc[0]
    n_articles = pairs["article_id"].nunique()
    text = (f"{_n(n_articles, 'article')} {'compares' if n_articles == 1 else 'compare'} {_n(len(summary), 'pair')} of systems by figures. "
            f"{'Most often' if int(lead['articles']) > 1 else 'First'}: {lead['system']} against "
            f"{lead['compared_with']} ({_n(int(lead['articles']), 'article')})")
    claimed, compute = lead["claimed_chips_ratio"], lead["compute_ratio"]
    if pd.notna(claimed):
        said = "the article gives" if int(lead["articles"]) == 1 else "its articles give"
        text += f": {said} it {_times(claimed)} the chips"
        if pd.notna(lead["packages_ratio"]) and abs(lead["packages_ratio"] / claimed - 1) > 0.1:
            text += f" ({_times(lead['packages_ratio'])} counted in accelerator packages)"
    if pd.notna(compute):
        text += (f"{';' if pd.notna(claimed) else ':'} at {lead['compute_precision']} ({lead['compute_basis']}) "
                 f"the reference gives it {_times(compute)} the compute")
        count = lead["packages_ratio"] if pd.notna(lead["packages_ratio"]) else claimed
        if pd.notna(count) and count > 0 and not 0.8 < compute / count < 1.25:
            text += (f", so a card count is no measure of compute here: per accelerator, {lead['system']} has "
                     f"{compute / count:.2g}× the compute of {lead['compared_with']}")
    elif pd.notna(claimed):
        text += "; the reference has no compute figure at one precision for both"
    if not lead["like_with_like"] and lead["system_status"] and lead["compared_status"]:
        text += f" ({lead['system']}: {lead['system_status']}; {lead['compared_status']} for {lead['compared_with']})"
    mixed = summary[~summary["like_with_like"].astype(bool)]
    if len(mixed):
        text += (f". {len(mixed)} of the {len(summary)} pairs set systems of different standing against each other "
                 "(a vendor roadmap against a shipping system, or one the reference lacks)")
    return text + "."


def pairs_chart(summary: pd.DataFrame, top: int = 12):
    """Per pair (the `top` most reported), the chips ratio the articles claim beside the reference's ratio
    of packages and of compute, on a log axis; a hatched bar is a pair of unlike standing."""
    import matplotlib.pyplot as plt

    data = summary.head(top).iloc[::-1]
    fig, ax = plt.subplots(figsize=(9, 1.8 + 0.7 * max(len(data), 1)))
    if data.empty:
        ax.text(0.5, 0.5, "no article compares two systems by a figure", transform=ax.transAxes, ha="center")
        ax.set_axis_off()
        return fig
    labels = [f"{r['system']} / {r['compared_with']} ({int(r['articles'])})" for r in data.to_dict("records")]
    y = range(len(data))
    bars = (("claimed_chips_ratio", "chips, as the articles claim", "#7f8c8d"),
            ("packages_ratio", "packages, reference", "#2980b9"),
            ("compute_ratio", "compute, reference (precision in the table)", "#c0392b"))
    for k, (column, name, color) in enumerate(bars):
        values = pd.to_numeric(data[column], errors="coerce")
        hatch = ["" if like else "//" for like in data["like_with_like"].astype(bool)]
        for i, (v, h) in enumerate(zip(values, hatch)):
            if pd.notna(v) and v > 0:
                ax.barh(i + (k - 1) * 0.27, v, height=0.25, color=color, hatch=h, edgecolor="white",
                        label=name if i == next((j for j, w in enumerate(values) if pd.notna(w) and w > 0), -1)
                        else None)
    ax.axvline(1, color="#333", linewidth=0.8)
    log_axes(ax, y=False)
    ax.set_yticks(list(y))
    ax.set_yticklabels(labels, fontsize=9)
    ax.set_xlabel("first system ÷ second (log; 1 = equal)")
    ax.set_title("Systems the articles compare: cards claimed, against the record", pad=26)
    ax.legend(fontsize=8, loc="lower left", bbox_to_anchor=(0, 1.0), ncol=3, frameon=False)
    fig.tight_layout()
    return fig


def pairs_table(pairs: pd.DataFrame, tables: Tables) -> pd.DataFrame:
    """Each pair an article makes, for reading: the article (linked to the claim's sentence by the report),
    its outlet, the two systems, the ratio claimed and the reference's ratios, with glossed column names."""
    articles = tables.articles.set_index("article_id") if len(tables.articles) else pd.DataFrame()
    outlet = pairs["article_id"].map(articles["outlet"]) if "outlet" in articles else ""

    def ratio(v):
        return "" if v is None or pd.isna(v) else _times(float(v))

    standing = [s if like else f"{s} / {c}".strip(" /")
                for s, c, like in zip(pairs["system_status"], pairs["compared_status"], pairs["like_with_like"])]
    return pd.DataFrame({
        "article": pairs["article_id"], "outlet (来源)": outlet,
        "system (系统)": pairs["system"], "compared with (对比)": pairs["compared_with"],
        "measure": pairs["measure"], "claimed (文中)": pairs["claimed_ratio"].map(ratio),
        "how": pairs["stated_as"], "packages, reference": pairs["packages_ratio"].map(ratio),
        "compute, reference": pairs["compute_ratio"].map(ratio),
        "precision / basis": [f"{p}, {b}" if p else "" for p, b in zip(pairs["compute_precision"],
                                                                        pairs["compute_basis"])],
        "standing": standing, "sentence (原句)": pairs["sentence"], "claim": pairs["claim_id"],
    })
