"""What the claim-check notebook shows: verdicts as a reader sees them, by kind, and the finding."""

from __future__ import annotations

import pandas as pd

from ..check.disagreements import TIME_UNKNOWN
from ..check.verdicts import VERDICTS


def verdict_table(verdicts: pd.DataFrame) -> pd.DataFrame:
    """Verdicts as a reader sees them, glossed."""
    return pd.DataFrame({
        "article": verdicts["article_id"], "kind": verdicts["kind"], "subject (主体)": verdicts["subject"],
        "metric (指标)": verdicts["metric"], "claim (文中)": (verdicts["hedge"] + verdicts["claim_value"].astype(str)
                                                          + " " + verdicts["claim_unit"]).str.strip(),
        "verdict (核查)": verdicts["verdict"], "reference (参考)": verdicts["reference_values"],
        "note": verdicts["note"],
        "overridden (复核)": verdicts["overridden"] if "overridden" in verdicts else "",
        "sentence (原句)": verdicts["sentence"], "claim": verdicts["claim_id"],
    })


def finding(verdicts: pd.DataFrame, disagreeing: pd.DataFrame) -> str:
    if verdicts.empty:
        return "No claim the reference can speak to."
    counts = verdicts["verdict"].value_counts()
    text = (f"Of {len(verdicts)} checkable claims, {counts.get('agrees', 0)} agree with the record, "
            f"{counts.get('conflicts', 0)} conflict with it, {counts.get('needs_review', 0)} need a reviewer "
            f"(a weak match) and {counts.get('unverifiable', 0)} cannot be checked")
    if "overridden" in verdicts and (verdicts["overridden"].fillna("") != "").any():
        text += f" ({int((verdicts['overridden'].fillna('') != '').sum())} settled by a reviewer)"
    if len(disagreeing):
        # the example: a group whose figures' times are all placed, where there is one
        unplaced = disagreeing["reason"].str.contains(TIME_UNKNOWN, regex=False)
        placed = disagreeing[~unplaced]
        shown = placed if len(placed) else disagreeing
        first = shown[shown["group"] == shown["group"].min()]
        figures = " vs ".join(dict.fromkeys(first["figure"]))
        n_groups, n_unplaced = disagreeing["group"].nunique(), disagreeing.loc[unplaced, "group"].nunique()
        text += (f"; articles disagree in {n_groups} group(s)"
                 + (f" ({n_unplaced} of them on a figure whose time cannot be placed)" if n_unplaced else "")
                 + f", e.g. {first['subject'].iloc[0]} {first['metric'].iloc[0]} {figures} ({first['reason'].iloc[0]})")
    return text + "."


def attach_verdicts(df: pd.DataFrame, verdicts: pd.DataFrame) -> pd.DataFrame:
    """Add the claim check's verdict and note to rows that carry a `claim_id`."""
    if verdicts is None or verdicts.empty or "claim_id" not in df:
        return df.assign(verdict="", verdict_note="")
    lookup = verdicts.set_index("claim_id")[["verdict", "note"]].rename(columns={"note": "verdict_note"})
    out = df.join(lookup, on="claim_id")
    out["verdict"] = out["verdict"].fillna("")
    out["verdict_note"] = out["verdict_note"].fillna("")
    return out


def verdicts_by_kind(verdicts: pd.DataFrame) -> pd.DataFrame:
    """How many claims of each kind agree, conflict, need review or cannot be checked."""
    columns = list(VERDICTS)
    if verdicts.empty:
        return pd.DataFrame(columns=columns)
    table = verdicts.groupby(["kind", "verdict"]).size().unstack(fill_value=0)
    return table.reindex(columns=columns, fill_value=0)


def verdict_chart(by_kind: pd.DataFrame, ax=None):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(7, 2.5))
    if by_kind.empty:
        ax.set_title("No checkable claims")
        return ax
    colors = {"agrees": "#27ae60", "conflicts": "#c0392b", "needs_review": "#e67e22", "unverifiable": "#bbb"}
    by_kind.plot.barh(stacked=True, color=[colors[c] for c in by_kind.columns], ax=ax)
    ax.set_xlabel("claims")
    ax.set_ylabel("")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, title="verdict", title_fontsize=8)
    ax.set_title("Verdicts by kind of claim")
    return ax
