"""Export-control timeline: events the articles report, beside the record.

Groups actors into the camps a reader follows (US government, Chinese
government, Nvidia, Huawei, other firms), lines reported events up with the
reference events of `data/reference/export_controls.csv`, and says which
reference events the coverage dwells on and which it skips.
"""

from __future__ import annotations

import pandas as pd

from ..check.camps import GROUPS, group_label
from ..check.events import reference_events, reported_events
from ..store.tables import Tables
from .claimcheck import attach_verdicts


def reported_with_matches(tables: Tables, reference: pd.DataFrame, lexicon=None) -> pd.DataFrame:
    """Reported events with the reference events the build's claim check matched them to (one matching,
    done once, in the build), kept to the reference rows given (those up to the as-of date), and with
    the claim check's verdict."""
    reported = attach_verdicts(reported_events(tables, lexicon), tables.claim_check)
    rows_of: dict[str, list[int]] = {}
    if not tables.claim_check.empty:
        events = tables.claim_check[tables.claim_check["kind"] == "event"]
        rows_of = {c: [int(j) for j in str(r).split(";") if j] for c, r in zip(events["claim_id"], events["reference_rows"])}
    present = set(reference.index)
    matches = [[j for j in rows_of.get(c, []) if j in present] for c in reported["claim_id"]]
    reported["reference_rows"] = [";".join(map(str, m)) for m in matches]
    reported["matched_reference"] = [
        " | ".join(f"{reference.loc[j, 'date']} {reference.loc[j, 'action']}" for j in m) for m in matches
    ]
    return reported


def _best_match(report, reference: pd.DataFrame) -> int | None:
    """The one reference event a dated report stands for, of those the claim check matched it to strongly
    (the same agency and action, or camp, action and item; a weak match is a guess and covers nothing): the
    row whose own actor is the report's camp, then the nearest date. A report is one act: it covers one
    event."""
    rows = [int(j) for j in str(report.reference_rows).split(";") if j]
    bases = str(getattr(report, "match_basis", "") or "").split(" | ")
    strong = [(j, b) for j, b in zip(rows, bases) if b.startswith("strong")]
    if not strong:
        return None
    when = pd.to_datetime(report.date_start, errors="coerce")

    def rank(pair):
        j, basis = pair
        ref = reference.loc[j]
        off = abs((pd.to_datetime(ref["date_start"]) - when).days) if pd.notna(when) else 0
        return (basis.startswith("strong"), ref["actor_group"] == getattr(report, "actor_group", ""), -off)

    return max(strong, key=rank)[0]


def coverage(reported_matched: pd.DataFrame, reference: pd.DataFrame, tables: Tables | None = None) -> pd.DataFrame:
    """Each reference event with the articles that cover it: those whose dated reports the claim check matched
    to it strongly, and (given the tables) those that mention it, dated or not (the build's `mentions` table,
    `events.record_mentions` per article, read against the whole record; only the rows of `reference` count).
    Only events on or before the newest article's date are counted (`counted`): a later event cannot have been
    skipped."""
    covering: dict[int, set[str]] = {}
    for row in reported_matched.itertuples():
        best = _best_match(row, reference)
        if best is not None:
            covering.setdefault(best, set()).add(row.article_id)
    newest = None
    if tables is not None:
        present = set(reference.index)
        for row, article in zip(tables.mentions["reference_row"], tables.mentions["article_id"]):
            if int(row) in present:
                covering.setdefault(int(row), set()).add(article)
        published = pd.to_datetime(tables.articles["published"], errors="coerce").dropna()
        newest = published.max() if len(published) else None
    out = reference[["date", "actor", "actor_group", "action", "items", "source_url"]].copy()
    out["articles"] = [len(covering.get(i, ())) for i in reference.index]
    out["article_ids"] = ["; ".join(sorted(covering.get(i, ()))) for i in reference.index]
    out["covered"] = out["articles"] > 0
    out["counted"] = (pd.to_datetime(reference["date_start"]) <= newest) if newest is not None else True
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
    counted = cov[cov["counted"]] if "counted" in cov else cov
    covered = int(counted["covered"].sum())
    later = len(cov) - len(counted)
    span = f"{dated['date_start'].min()[:7]} to {dated['date_start'].max()[:7]}" if len(dated) else "no calendar dates"
    ahead = f", and {int(planned.sum())} planned for later" if planned.any() else ""
    return (f"{len(happened)} dated events reported ({span}){ahead}, most by {top} ({by_group.iloc[0]}); "
            f"{covered} of {len(counted)} reference export-control events up to the newest article are mentioned, "
            f"{len(counted) - covered} never" + (f" ({later} later events not counted)" if later else "") + ".")


def timeline_chart(reported: pd.DataFrame, reference: pd.DataFrame, ax=None, as_of=None):
    """Reported events (filled, as large as the number of articles reporting that camp's act on that date),
    planned ones (open diamonds) and reference events (open circles) by camp over time. One mark per
    camp and date, however many articles: each article's events are in the events table."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(10, 4.5))
    y = {g: i for i, g in enumerate(GROUPS)}
    ref = reference.dropna(subset=["when"])
    ax.scatter(ref["when"], [y[g] + 0.18 for g in ref["actor_group"]], marker="o", facecolors="none",
               edgecolors="#555", s=40, label="record (reference)")
    dated = reported.dropna(subset=["when"])
    planned = _planned(dated)
    happened = dated[~planned]
    if len(happened):
        points = happened.groupby(["actor_group", "when"])["article_id"].nunique().reset_index(name="articles")
        ax.scatter(points["when"], [y[g] - 0.18 for g in points["actor_group"]], s=30 + 25 * points["articles"].clip(upper=12),
                   alpha=0.75, color="#2c7fb8", label="reported (size: articles)")
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


def record(as_of) -> pd.DataFrame:
    """The reference export-control events up to the as-of date."""
    return up_to(reference_events(), as_of)


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
        "verdict_note": "verdict note", "sentence": "sentence (原句)", "claim_id": "claim",
    }
    present = [c for c in columns if c in reported.columns]
    return reported[present].rename(columns=columns)
