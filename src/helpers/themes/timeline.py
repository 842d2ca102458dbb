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
from ..store.tables import Tables, newest_published
from .charts import link_points, place_labels
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
        newest = pd.to_datetime(newest_published(tables.articles), errors="coerce")
        newest = None if pd.isna(newest) else newest
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


_ACTION_ZH = {"tighten": "收紧", "ban": "禁止", "approve": "批准", "investigate": "调查", "launch": "发布",
              "announce": "宣布", "list": "上市", "invest": "投资", "speak": "表态", "ship": "出货", "sue": "起诉",
              "loosen": "放宽", "resume": "恢复", "refuse": "拒绝", "other": "其他"}


def event_label(actor: str, action: str, items: str, width: int = 8) -> str:
    """A short label: actor, action and the first item (`国家网信办 调查 H20`)."""
    first = str(actor or "").split(";")[0]
    first = first if len(first) <= width else first[: width - 1] + "…"
    item = str(items or "").split(";")[0]
    return " ".join(p for p in (first, _ACTION_ZH.get(action, action), item) if p)


def event_marks(reported: pd.DataFrame, as_of) -> pd.DataFrame:
    """One mark per reported event (a camp's actor, action, items and date), with the articles that report
    it and its phase against the as-of date: `happened`, `planned` (announced for after the as-of date),
    `plan passed` (announced for later when written, its date now past) or `dated later` (told as done
    but dated after the as-of date: a date the text or its reading got wrong, drawn with the plans).
    `first_claim` is the first report's claim (in order of publication): the sentence a mark links to."""
    columns = ["actor_group", "actor", "action", "items", "date_start", "when", "phase", "articles", "article_ids",
               "first_article", "first_claim", "label"]
    dated = reported.dropna(subset=["when"])
    if dated.empty:
        return pd.DataFrame(columns=columns)
    dated = dated.assign(**{c: "" for c in ("actor", "action", "items", "published", "date_start", "claim_id")
                            if c not in dated})
    planned = _planned(dated)
    cutoff = pd.Timestamp(as_of)
    keys = ["actor_group", "actor", "action", "items", "date_start"]
    keyed = dated.assign(planned=planned, **{c: dated[c].fillna("") for c in keys},
                         order=dated["published"].fillna("").replace("", "9999"))  # undated articles last
    keyed = keyed.sort_values(["order", "article_id"], kind="stable")
    rows = []
    for (group, actor, action, items, start, when, plan), g in keyed.groupby(
            keys + ["when", "planned"], sort=False):
        later = when > cutoff
        phase = ("planned" if later else "plan passed") if plan else ("dated later" if later else "happened")
        ids = list(dict.fromkeys(g["article_id"]))
        rows.append({"actor_group": group, "actor": actor, "action": action, "items": items, "date_start": start,
                     "when": when, "phase": phase, "articles": len(ids), "article_ids": "; ".join(ids),
                     "first_article": ids[0], "first_claim": str(g["claim_id"].iloc[0]),
                     "label": event_label(actor, action, items)})
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(["articles", "when"], ascending=[False, False], kind="stable").reset_index(drop=True)


EARLIEST_YEARS = 15  # before this many years ahead of the as-of date, events are drawn at the left edge
FURTHEST_YEARS = 6  # after this many years past it, at the right edge (a misread year of 2096 must not stretch the axis)


def _panels(marks: pd.DataFrame, reference: pd.DataFrame, as_of, recent_years: int = 2):
    """The time spans the chart draws: the years before the recent ones (when the data starts earlier, at
    most `EARLIEST_YEARS` back), the recent years up to the as-of date, and after it (when anything is
    planned, at most `FURTHEST_YEARS` on)."""
    cutoff = pd.Timestamp(as_of)
    past = marks[marks["when"] <= cutoff]["when"]
    ref = reference[reference["when"] <= cutoff]["when"] if len(reference) else pd.Series(dtype="datetime64[ns]")
    first = min([d for d in (past.min() if len(past) else None, ref.min() if len(ref) else None) if d is not None],
                default=cutoff - pd.DateOffset(years=recent_years))
    first = max(first, cutoff - pd.DateOffset(years=EARLIEST_YEARS))
    split = cutoff - pd.DateOffset(years=recent_years)
    spans = []
    if first < split - pd.DateOffset(months=3):
        spans.append(("earlier", first - pd.DateOffset(months=4), split, 1.0))
        spans.append(("recent", split, cutoff + pd.DateOffset(days=10), 2.6))
    else:
        spans.append(("recent", min(first, split) - pd.DateOffset(days=20), cutoff + pd.DateOffset(days=10), 3.0))
    ahead = marks[marks["when"] > cutoff]["when"]
    if len(ahead):
        last = min(max(ahead.max(), cutoff + pd.DateOffset(months=6)), cutoff + pd.DateOffset(years=FURTHEST_YEARS))
        spans.append(("ahead", cutoff, last + pd.DateOffset(months=2), 1.2))
    return spans


def _link_marks(marks: pd.DataFrame, artist):
    """Each drawn mark linked to its first report's sentence, its tooltip the label and the articles."""
    return link_points(artist, [(m.first_article, m.first_claim,
                                 f"{m.label} · {m.articles} article{'s' if m.articles != 1 else ''} · first report")
                                for m in marks.itertuples()])


def timeline_chart(reported: pd.DataFrame, reference: pd.DataFrame, as_of, label_top: int = 14, ax=None):
    """Reported events by camp over time: what happened up to the as-of date (filled, as large as the
    number of articles reporting it; the reference record as open circles), and on a panel of its own after
    the as-of line what is planned (open diamonds). When the data starts more than two years before the
    as-of date, the earlier years get a narrower panel of their own so the last two stay readable. The
    `label_top` most reported events are labelled (actor, action, first item, articles) where a label fits
    without overlapping another. Returns the figure."""
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt


    marks = event_marks(reported, as_of)
    ref = reference.dropna(subset=["when"])
    ref = ref[ref["when"] <= pd.Timestamp(as_of)]
    spans = _panels(marks, ref, as_of)
    # events beyond the drawn span sit at its edge (their dates are in the marks' CSV)
    edge_lo, edge_hi = spans[0][1] + pd.DateOffset(days=20), spans[-1][2] - pd.DateOffset(days=20)
    before = marks["when"] < spans[0][1]
    after = marks["when"] > spans[-1][2]
    marks = marks.assign(when=marks["when"].mask(before, edge_lo).mask(after, edge_hi))
    ref = ref[ref["when"] >= spans[0][1]]
    fig, axes = plt.subplots(1, len(spans), sharey=True, figsize=(12, 4.8),
                             gridspec_kw={"width_ratios": [w for *_, w in spans], "wspace": 0.04})
    axes = list(axes) if len(spans) > 1 else [axes]
    y = {g: i for i, g in enumerate(GROUPS)}
    size = lambda n: 28 + 30 * n.clip(upper=10)  # noqa: E731
    to_label = []
    for axis, (name, lo, hi, _) in zip(axes, spans):
        cutoff = pd.Timestamp(as_of)
        inside = (marks[(marks["when"] >= lo) & (marks["when"] < hi) & (marks["when"] <= cutoff)] if name != "ahead"
                  else marks[marks["when"] > cutoff])
        if name != "ahead":
            r = ref[(ref["when"] >= lo) & (ref["when"] < hi)]
            axis.scatter(r["when"], [y[g] + 0.22 for g in r["actor_group"]], marker="o", facecolors="none",
                         edgecolors="#777", s=36, linewidths=0.9, label="record (reference event)")
            done = inside[inside["phase"] == "happened"]
            drawn = axis.scatter(done["when"], [y[g] - 0.12 for g in done["actor_group"]], s=size(done["articles"]),
                                 alpha=0.7, color="#2c7fb8", edgecolors="white", linewidths=0.5,
                                 label="reported as done (size: articles)")
            _link_marks(done, drawn)
            passed = inside[inside["phase"] == "plan passed"]
            drawn = axis.scatter(passed["when"], [y[g] - 0.12 for g in passed["actor_group"]], s=size(passed["articles"]),
                                 marker="D", facecolors="none", edgecolors="#e67e22",
                                 label="announced for later when written (date now past)")
            _link_marks(passed, drawn)
        else:
            axis.set_facecolor("#fbf3f2")
            plan = inside[inside["phase"] == "planned"]
            drawn = axis.scatter(plan["when"], [y[g] - 0.12 for g in plan["actor_group"]], s=size(plan["articles"]),
                                 marker="D", facecolors="none", edgecolors="#c0392b", linewidths=1.2,
                                 label="planned (announced for after the as-of date)")
            _link_marks(plan, drawn)
            odd = inside[inside["phase"] == "dated later"]
            drawn = axis.scatter(odd["when"], [y[g] - 0.12 for g in odd["actor_group"]], s=size(odd["articles"]),
                                 marker="x", color="#7f8c8d", label="told as done, dated after the as-of date")
            _link_marks(odd, drawn)
        axis.set_xlim(lo, hi)
        years = (hi - lo).days / 365
        if years > 4:
            axis.xaxis.set_major_locator(mdates.YearLocator(base=max(2, int(years // 3))))
            axis.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        elif years > 1.2:
            axis.xaxis.set_major_locator(mdates.MonthLocator(bymonth=[1, 7]))
            axis.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
        else:
            axis.xaxis.set_major_locator(mdates.MonthLocator(bymonth=[1, 4, 7, 10]))
            axis.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
        axis.tick_params(axis="x", labelsize=8)
        edge = {"earlier": f"\n({int(before.sum())} dated before {lo:%Y} at the left edge)" if before.any() else "",
                "ahead": f"\n({int(after.sum())} dated after {hi:%Y} at the right edge)" if after.any() else ""}.get(name, "")
        axis.set_title({"earlier": "earlier years", "recent": f"last two years, to the as-of date {pd.Timestamp(as_of):%Y-%m-%d}",
                        "ahead": "planned (after the as-of date)"}[name] + edge, fontsize=9, color="#444")
        for point in inside.itertuples():
            to_label.append((axis, point))
    axes[0].set_yticks(range(len(GROUPS)), [group_label(g) for g in GROUPS])
    axes[0].set_ylim(-0.7, len(GROUPS) - 0.4)
    for axis in axes[1:]:
        axis.tick_params(axis="y", left=False)
    if spans[-1][0] == "ahead":
        axes[-1].axvline(pd.Timestamp(as_of), color="#c0392b", linestyle="--", linewidth=1)
    else:
        axes[-1].axvline(pd.Timestamp(as_of), color="#999", linestyle="--", linewidth=1)
    from matplotlib.lines import Line2D

    legend = [("record (reference event)", dict(marker="o", markerfacecolor="none", markeredgecolor="#777"), True),
              ("reported as done (size: articles)", dict(marker="o", color="#2c7fb8", alpha=0.7),
               (marks["phase"] == "happened").any()),
              ("announced for later when written, date now past", dict(marker="D", markerfacecolor="none",
               markeredgecolor="#e67e22"), (marks["phase"] == "plan passed").any()),
              ("planned, after the as-of date", dict(marker="D", markerfacecolor="none", markeredgecolor="#c0392b"),
               (marks["phase"] == "planned").any()),
              ("told as done, dated after the as-of date", dict(marker="x", color="#7f8c8d"),
               (marks["phase"] == "dated later").any())]
    handles = [Line2D([], [], linestyle="none", markersize=7, label=text, **style) for text, style, shown in legend if shown]
    fig.legend(handles=handles, loc="lower center", ncol=3, fontsize=8, frameon=False, bbox_to_anchor=(0.5, -0.02))
    fig.suptitle("Events the articles report, by camp, beside the export-control record", fontsize=11)
    fig.subplots_adjust(bottom=0.2, top=0.86)
    fig.canvas.draw()
    ranked = sorted(to_label, key=lambda ap: (-ap[1].articles, -ap[1].when.timestamp()))[:label_top]
    for axis in axes:
        mine = [(p.when, y[p.actor_group] - 0.12, p.label + (f" ({p.articles})" if p.articles > 1 else ""))
                for a, p in ranked if a is axis]
        place_labels(axis, mine)
    return fig


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


# ------------------------------------------------------------ who reported what

def report_matrix(cov: pd.DataFrame, tables: Tables, top: int = 25) -> pd.DataFrame:
    """The reference events the articles cover (the `top` most covered, then the earliest) by the
    articles that cover them, long form: one row per event and article, with the article's outlet and
    publication date, and `first` on the earliest dated report of each event (the first in file
    order when none is dated)."""
    columns = ["event", "event_date", "articles_covering", "article_id", "title", "outlet", "published", "first"]
    covered = cov[cov["covered"] & cov.get("counted", True)] if len(cov) else cov
    if covered.empty:
        return pd.DataFrame(columns=columns)
    covered = covered.sort_values(["articles", "date"], ascending=[False, True], kind="stable").head(top)
    arts = tables.articles.set_index("article_id")
    rows = []
    for ref in covered.itertuples():
        ids = [a for a in str(ref.article_ids).split("; ") if a]
        dated = sorted((arts.loc[a, "published"], a) for a in ids if a in arts.index and arts.loc[a, "published"])
        first = dated[0][1] if dated else sorted(ids)[0]
        event = f"{ref.date} {ref.actor}: {str(ref.action)[:48]}"
        for a in ids:
            rows.append({"event": event, "event_date": ref.date, "articles_covering": ref.articles, "article_id": a,
                         "title": arts.loc[a, "title"] if a in arts.index else "",
                         "outlet": arts.loc[a, "outlet"] if a in arts.index else "",
                         "published": arts.loc[a, "published"] if a in arts.index else "", "first": a == first})
    return pd.DataFrame(rows, columns=columns)


def matrix_chart(matrix: pd.DataFrame, max_columns: int = 60):
    """Who reported what: reference events (rows, most covered first) by articles (columns, by publication
    date; the first report of each event marked with a star). With more articles than `max_columns`,
    the columns are months of publication and each cell gives how many articles of that month cover
    the event (the star on the first report's month), so the chart keeps its size at any corpus size."""
    import matplotlib.pyplot as plt
    import numpy as np

    if matrix.empty:
        fig, ax = plt.subplots(figsize=(8, 1.5))
        ax.text(0.5, 0.5, "no reference event is covered", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    events = list(dict.fromkeys(matrix["event"]))
    articles = (matrix.drop_duplicates("article_id")
                .assign(order=lambda d: d["published"].replace("", "9999"))
                .sort_values(["order", "article_id"])["article_id"].tolist())
    by_article = len(articles) <= max_columns
    if by_article:
        names = matrix.drop_duplicates("article_id").set_index("article_id")
        columns = articles
        labels = [f"{(names.loc[a, 'outlet'] or a)[:10]} {names.loc[a, 'published'] or '(undated)'}" for a in articles]
        key = matrix["article_id"]
    else:
        key = matrix["published"].str[:7].replace("", "undated")
        months = sorted(set(key) - {"undated"})
        every = [str(m) for m in pd.period_range(months[0], months[-1], freq="M")] if months else []
        columns = every + (["undated"] if (key == "undated").any() else [])  # every month, none skipped
        labels = columns
    grid = np.zeros((len(events), len(columns)))
    col = {c: j for j, c in enumerate(columns)}
    row = {e: i for i, e in enumerate(events)}
    for e, k in zip(matrix["event"], key):
        grid[row[e], col[k]] += 1
    width = min(14, 4 + 0.22 * len(columns))
    fig, ax = plt.subplots(figsize=(width, 1.2 + 0.32 * len(events)))
    shown = np.where(grid > 0, grid, np.nan)
    image = ax.imshow(shown, aspect="auto", cmap="Blues", vmin=0, vmax=max(1, np.nanmax(shown)) if by_article is False else 1.6,
                      interpolation="nearest")
    firsts = matrix[matrix["first"]]
    for e, k in zip(firsts["event"], key[firsts.index]):
        # by month, the star sits in the cell's corner so that the cell's count stays readable
        at = (col[k], row[e]) if by_article else (col[k] - 0.28, row[e] - 0.22)
        ax.scatter(*at, marker="*", s=70 if by_article else 28, color="#c0392b", zorder=3)
    if not by_article:
        for i, j in zip(*np.nonzero(grid)):
            dark = grid[i, j] > 0.6 * grid.max()
            ax.text(j, i, f"{int(grid[i, j])}", ha="center", va="center", fontsize=6, color="white" if dark else "#222")
        fig.colorbar(image, ax=ax, fraction=0.02, pad=0.01, label="articles")
    ax.set_yticks(range(len(events)), events, fontsize=7.5)
    step = max(1, len(columns) // 40)
    ax.set_xticks(range(0, len(columns), step), labels[::step], rotation=90, fontsize=7)
    ax.set_xticks(np.arange(-0.5, len(columns), 1), minor=True)
    ax.set_yticks(np.arange(-0.5, len(events), 1), minor=True)
    ax.grid(which="minor", color="#eee", linewidth=0.5)
    ax.grid(which="major", visible=False)
    ax.tick_params(which="minor", length=0)
    n = matrix["article_id"].nunique()
    ax.set_title(f"Who reported what: {len(events)} reference events by the {n} articles covering them "
                 + ("(★ first report)" if by_article else "(articles per month of publication; ★ month of the first report)"),
                 fontsize=10)
    return fig
