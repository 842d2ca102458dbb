"""Export-control timeline: events the articles report, beside the record.

Groups actors into the camps a reader follows (US government, Chinese
government, Nvidia, Huawei, other firms), lines reported events up with the
reference events of `data/reference/export_controls.csv`, and says which
reference events the coverage dwells on and which it skips.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from . import lexicon as lexicon_mod
from .corpus import Tables
from .reference import load_export_controls

GROUPS = ["US government", "Chinese government", "Nvidia", "Huawei", "other firms"]
_GROUP_GLOSS = {"US government": "美国政府", "Chinese government": "中国政府", "Nvidia": "英伟达",
                "Huawei": "华为", "other firms": "其他企业"}


def group_label(group: str) -> str:
    return f"{group} ({_GROUP_GLOSS.get(group, '')})"


def actor_group(canonical: str, lexicon=None) -> str:
    """Which camp an actor (canonical name) belongs to, from the lexicon's type, parent and gloss."""
    lexicon = lexicon or lexicon_mod.load()
    if canonical in ("英伟达",):
        return "Nvidia"
    if canonical in ("华为",):
        return "Huawei"
    entity = lexicon.entity(canonical)
    gloss = entity.gloss_en if entity else ""
    parent = entity.parent if entity else ""
    if parent == "英伟达":
        return "Nvidia"
    if parent == "华为":
        return "Huawei"
    if canonical.startswith("美国") or re.search(r"\bUS\b|United States|White House|Trump|Biden|American", gloss):
        return "US government"
    if canonical.startswith("中国") or re.search(r"China|Chinese|Beijing", gloss):
        if entity is None or entity.type in ("agency", "person", "org"):
            return "Chinese government"
    if entity is not None and entity.type == "agency":
        return "Chinese government" if "China" in gloss else "US government"
    return "other firms"


def _mid(start: str, end: str) -> pd.Timestamp | None:
    if not start:
        return None
    a, b = pd.Timestamp(start), pd.Timestamp(end or start)
    return a + (b - a) / 2


def reported_events(tables: Tables, lexicon=None) -> pd.DataFrame:
    """Events the articles report, one row per claim, with article, outlet and camp."""
    lexicon = lexicon or lexicon_mod.load()
    events = tables.claims[tables.claims["kind"] == "event"].copy()
    arts = tables.articles.set_index("article_id")
    events["outlet"] = events["article_id"].map(arts["outlet"])
    events["published"] = events["article_id"].map(arts["published"])
    events["actor_group"] = [actor_group(a, lexicon) for a in events["actor"]]
    events["when"] = [_mid(s, e) for s, e in zip(events["date_start"], events["date_end"])]
    events["date_shown"] = [
        r.period or (r.date_start[: {"day": 10, "month": 7, "quarter": 7, "year": 4}.get(r.date_precision, 10)]
                     if r.date_start else "")
        for r in events.itertuples()
    ]
    return events.reset_index(drop=True)


_ACTION_WORDS = [
    ("approve", r"approv|granted|allow|licen[cs]es? (?:were )?(?:issued|granted)|resum|lift"),
    ("investigate", r"investigat|probe|antitrust|anti-dumping|summon"),
    ("ban", r"\bban|prohibit|halt|stop|barred|told .* to stop|order"),
    ("tighten", r"rule|restrict|control|licen[cs]e requirement|entity list|threshold|tighten|tariff|added"),
    ("launch", r"launch|unveil|announc|introduc|confirm"),
]


def action_class(action_en: str) -> str:
    for cls, pattern in _ACTION_WORDS:
        if re.search(pattern, action_en, re.IGNORECASE):
            return cls
    return "other"


def reference_events() -> pd.DataFrame:
    ref, _ = load_export_controls()
    ref = ref.copy()
    ref["when"] = [_mid(s, e) for s, e in zip(ref["date_start"], ref["date_end"])]
    ref["action_class"] = [action_class(a) for a in ref["action"]]
    return ref


def _overlap(a_start: str, a_end: str, b_start: str, b_end: str, slack_days: int = 3) -> bool:
    if not a_start or not b_start:
        return False
    a0, a1 = dt.date.fromisoformat(a_start), dt.date.fromisoformat(a_end or a_start)
    b0, b1 = dt.date.fromisoformat(b_start), dt.date.fromisoformat(b_end or b_start)
    slack = dt.timedelta(days=slack_days)
    return a0 - slack <= b1 and b0 - slack <= a1


def match_reference(reported: pd.DataFrame, reference: pd.DataFrame, lexicon=None) -> pd.DataFrame:
    """For each reported event, the reference events it can be: same camp, overlapping dates,
    and the same action class or a shared item."""
    lexicon = lexicon or lexicon_mod.load()
    ref_items = [
        {lexicon.canonical(i.strip()) for i in str(items).split(";") if i.strip()} for items in reference["items"]
    ]
    matches = []
    references = list(reference.itertuples())
    for ev in reported.itertuples():
        items = {i for i in str(ev.items).split(";") if i}
        found = []
        for j, ref in enumerate(references):
            if ref.actor_group != ev.actor_group:
                continue
            if not _overlap(ev.date_start, ev.date_end, ref.date_start, ref.date_end):
                continue
            if (ref.action_class == ev.action and ev.action != "other") or items & ref_items[j]:
                found.append(j)
        matches.append(found)
    out = reported.copy()
    out["reference_rows"] = [";".join(str(reference.index[j]) for j in m) for m in matches]
    out["matched_reference"] = [
        " | ".join(f"{reference.iloc[j]['date']} {reference.iloc[j]['action']}" for j in m) for m in matches
    ]
    return out


def coverage(reported_matched: pd.DataFrame, reference: pd.DataFrame) -> pd.DataFrame:
    """Each reference event with the number of reports and of articles that cover it."""
    counts = {}
    for row in reported_matched.itertuples():
        for j in filter(None, str(row.reference_rows).split(";")):
            counts.setdefault(int(j), set()).add(row.article_id)
    out = reference[["date", "actor", "actor_group", "action", "items", "source_url"]].copy()
    out["articles"] = [len(counts.get(i, ())) for i in reference.index]
    out["covered"] = out["articles"] > 0
    return out


def _planned(reported: pd.DataFrame) -> pd.Series:
    """Events the articles put in the future (a roadmap launch, a set listing day): not yet the record."""
    if "status" not in reported.columns:
        return pd.Series(False, index=reported.index)
    return reported["status"].fillna("") == "planned"


def finding(reported: pd.DataFrame, cov: pd.DataFrame) -> str:
    if reported.empty:
        return "No dated events were found in the articles."
    planned = _planned(reported)
    happened = reported[~planned]
    dated = happened[happened["date_start"] != ""]
    by_group = reported["actor_group"].value_counts()
    top = by_group.index[0]
    covered = int(cov["covered"].sum())
    span = f"{dated['date_start'].min()[:7]} to {dated['date_start'].max()[:7]}" if len(dated) else "no calendar dates"
    ahead = f", and {int(planned.sum())} planned for later" if planned.any() else ""
    return (f"{len(happened)} dated events reported ({span}){ahead}, most by {top} ({by_group.iloc[0]}); "
            f"{covered} of {len(cov)} reference export-control events appear in the coverage, "
            f"{len(cov) - covered} are never mentioned.")


def timeline_chart(reported: pd.DataFrame, reference: pd.DataFrame, ax=None, as_of=None):
    """Reported events (filled, one colour per article), planned ones (open diamonds) and reference events
    (open circles) by camp over time."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(10, 4.5))
    y = {g: i for i, g in enumerate(GROUPS)}
    ref = reference.dropna(subset=["when"])
    ax.scatter(ref["when"], [y[g] + 0.18 for g in ref["actor_group"]], marker="o", facecolors="none",
               edgecolors="#555", s=40, label="record (reference)")
    dated = reported.dropna(subset=["when"])
    planned = _planned(dated)
    for article_id, group in dated[~planned].groupby("article_id"):
        ax.scatter(group["when"], [y[g] - 0.18 for g in group["actor_group"]], s=55, alpha=0.85,
                   label=f"reported: {article_id}")
    if planned.any():
        ahead = dated[planned]
        ax.scatter(ahead["when"], [y[g] - 0.18 for g in ahead["actor_group"]], s=55, marker="D",
                   facecolors="none", edgecolors="#c0392b", label="planned (announced for later)")
    if as_of is not None:
        ax.axvline(pd.Timestamp(as_of), color="#999", linestyle="--", linewidth=1)
        ax.annotate("as of", (pd.Timestamp(as_of), len(GROUPS) - 0.5), fontsize=8, color="#666")
    ax.set_yticks(range(len(GROUPS)), [group_label(g) for g in GROUPS])
    ax.set_ylim(-0.7, len(GROUPS) - 0.3)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    ax.set_title("Events reported by the articles and the export-control record")
    return ax


def up_to(reference: pd.DataFrame, as_of) -> pd.DataFrame:
    """The reference events that had happened by the as-of date (later ones cannot be 'skipped' yet)."""
    cutoff = pd.Timestamp(as_of)
    return reference[pd.to_datetime(reference["date_start"]) <= cutoff]


def events_table(reported: pd.DataFrame) -> pd.DataFrame:
    """Reported events as a reader sees them, glossed, traced to their sentence."""
    columns = {
        "article_id": "article", "outlet": "outlet", "actor": "actor (行为者)", "actor_group": "camp",
        "action": "action (行为)", "items": "chips", "date_shown": "date (日期)", "date_precision": "date precision",
        "date_inferred": "inferred", "status": "status", "matched_reference": "matched reference event", "verdict": "verdict",
        "verdict_note": "verdict note", "sentence": "sentence (原句)",
    }
    present = [c for c in columns if c in reported.columns]
    return reported[present].rename(columns=columns)
