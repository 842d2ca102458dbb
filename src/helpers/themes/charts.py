"""What every theme's charts share: top-N with "other", labels that do not overlap, month bins, and the
as-of date a chart draws its line at."""

from __future__ import annotations

import pandas as pd

OTHER = "other"
MAX_LEGEND = 10  # a legend longer than this becomes the top entries and "other"


def top_n_other(values: pd.Series, n: int = MAX_LEGEND - 1, weights: pd.Series | None = None,
                other: str = OTHER) -> pd.Series:
    """`values` with all but the `n` most frequent (or heaviest, by `weights`) replaced by `other`;
    ties go to the value that sorts first. Empty values stay empty."""
    values = values.fillna("").astype(str)
    counts = (weights.groupby(values).sum() if weights is not None else values.value_counts())
    counts = counts[counts.index != ""]
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) <= n + 1:  # one left over would be an "other" of one: keep its name
        return values
    keep = {k for k, _ in ranked[:n]}
    return values.where(values.isin(keep) | (values == ""), other)


def order_with_other(values: pd.Series, other: str = OTHER) -> list[str]:
    """The distinct values, most frequent first, `other` last."""
    counts = values[values != ""].value_counts()
    names = sorted(counts.index, key=lambda k: (k == other, -counts[k], k))
    return names


def month_start(dates: pd.Series) -> pd.Series:
    """Each date's month (its first day), NaT where the date is unknown."""
    when = pd.to_datetime(dates.replace("", None), errors="coerce")
    return when.dt.to_period("M").dt.to_timestamp()


_OFFSETS = tuple((dx, dy, ha) for dy in (9, -13, 20, -24, 31) for dx, ha in ((0, "center"), (4, "right"), (-4, "left")))


def place_labels(ax, points: list[tuple[float, float, str]], offsets=_OFFSETS,
                 fontsize: float = 7.5, color: str = "#222") -> int:
    """Label points in the order given (most important first), each at the first offset (in points, with
    its alignment: centred above or below, or ending or starting at the point) where it overlaps no label
    already placed and stays inside the axes; a label that fits nowhere is left out. Returns how many
    were placed."""
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    box = ax.get_window_extent(renderer)
    placed = []
    for x, y, text in points:
        for dx, dy, ha in offsets:
            label = ax.annotate(text, (x, y), xytext=(dx, dy), textcoords="offset points", ha=ha,
                                va="center", fontsize=fontsize, color=color, annotation_clip=True,
                                bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.75))
            extent = label.get_window_extent(renderer).expanded(1.04, 1.1)
            inside = extent.x0 >= box.x0 - 2 and extent.x1 <= box.x1 + 2 and extent.y0 >= box.y0 and extent.y1 <= box.y1
            if inside and not any(extent.overlaps(other) for other in placed):
                placed.append(extent)
                break
            label.remove()
    return len(placed)


LINKS = "chipwatch_links"  # the attribute of an artist holding what its points stand for


def link_points(artist, links: list[tuple[str, str, str]]):
    """Say which claim each point of `artist` stands for: one `(article_id, claim_id, label)` per point, in
    the order the points were drawn (a scatter's offsets; an annotation arrow is one point). The report
    turns them into links to the claims' sentences (`report/chartmap.py`); a chart drawn without a report
    is unchanged. Returns the artist."""
    setattr(artist, LINKS, [(str(a), str(c), str(t)) for a, c, t in links])
    return artist
