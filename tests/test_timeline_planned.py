"""Planned events (a roadmap launch) are counted apart from what happened and drawn apart."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402

from helpers.themes import timeline  # noqa: E402


def _reported() -> pd.DataFrame:
    return pd.DataFrame({
        "article_id": ["a", "a", "b"],
        "date_start": ["2025-04-01", "2025-07-15", "2027-04-01"],
        "date_end": ["2025-04-30", "2025-07-15", "2027-06-30"],
        "actor_group": [timeline.GROUPS[0]] * 3,
        "status": ["", "", "planned"],
        "when": pd.to_datetime(["2025-04-15", "2025-07-15", "2027-05-15"]),
    })


def test_finding_spans_what_happened_and_counts_plans_apart():
    cov = pd.DataFrame({"covered": [True, False]})
    text = timeline.finding(_reported(), cov)
    assert text.startswith("2 dated events reported (2025-04 to 2025-07), and 1 planned for later")


def test_chart_draws_plans_with_their_own_marker():
    reference = pd.DataFrame({"when": pd.to_datetime([]), "actor_group": []})
    ax = timeline.timeline_chart(_reported(), reference)
    labels = ax.get_legend_handles_labels()[1]
    assert "planned (announced for later)" in labels and "reported: b" not in labels


def test_chart_has_one_mark_per_camp_and_date_however_many_articles():
    many = pd.DataFrame({
        "article_id": [f"a{i}" for i in range(40)], "date_start": ["2025-04-15"] * 40, "date_end": ["2025-04-15"] * 40,
        "actor_group": [timeline.GROUPS[0]] * 40, "status": [""] * 40, "when": pd.to_datetime(["2025-04-15"] * 40),
    })
    reference = pd.DataFrame({"when": pd.to_datetime([]), "actor_group": []})
    ax = timeline.timeline_chart(many, reference)
    labels = ax.get_legend_handles_labels()[1]
    assert labels == ["record (reference)", "reported (size: articles)"]
    assert len(ax.collections[1].get_offsets()) == 1  # forty articles, one camp, one date: one mark
