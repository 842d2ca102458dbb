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


def _no_reference() -> pd.DataFrame:
    return pd.DataFrame({"when": pd.to_datetime([]), "actor_group": []})


def test_finding_spans_what_happened_and_counts_plans_apart():
    cov = pd.DataFrame({"covered": [True, False]})
    text = timeline.finding(_reported(), cov)
    assert text.startswith("2 dated events reported (2025-04 to 2025-07), and 1 planned for later")


def test_plans_get_a_panel_after_the_as_of_line_and_the_happened_axis_stops_there():
    fig = timeline.timeline_chart(_reported(), _no_reference(), as_of="2025-11-30")
    happened, ahead = fig.axes[0], fig.axes[-1]
    assert len(fig.axes) == 2
    assert pd.Timestamp(matplotlib.dates.num2date(happened.get_xlim()[1]).replace(tzinfo=None)) <= pd.Timestamp("2025-12-31")
    assert "planned" in ahead.get_title()
    labels = [t.get_text() for t in fig.legends[0].get_texts()]
    assert "planned, after the as-of date" in labels


def test_one_mark_per_event_however_many_articles():
    many = pd.DataFrame({
        "article_id": [f"a{i}" for i in range(40)], "date_start": ["2025-04-15"] * 40, "date_end": ["2025-04-15"] * 40,
        "actor_group": [timeline.GROUPS[0]] * 40, "status": [""] * 40, "when": pd.to_datetime(["2025-04-15"] * 40),
    })
    marks = timeline.event_marks(many, "2025-06-01")
    assert len(marks) == 1 and marks.loc[0, "articles"] == 40 and marks.loc[0, "phase"] == "happened"
    fig = timeline.timeline_chart(many, _no_reference(), as_of="2025-06-01")
    labels = [t.get_text() for t in fig.legends[0].get_texts()]
    assert labels == ["record (reference event)", "reported as done (size: articles)"]
    assert len(fig.axes) == 1


def test_the_first_report_of_a_mark_is_the_earliest_dated_article_and_no_mark_is_lost_to_a_missing_actor():
    import pandas as pd

    from helpers.themes import timeline

    when = pd.Timestamp("2025-07-31")
    reported = pd.DataFrame({
        "when": [when, when, when], "actor_group": ["Chinese government"] * 3, "actor": ["网信办", "网信办", None],
        "action": ["investigate"] * 3, "items": ["H20", "H20", "H20"], "date_start": ["2025-07-31"] * 3,
        "published": ["", "2025-08-01", "2025-08-02"], "article_id": ["undated", "dated", "other"],
        "claim_id": ["c1", "c2", "c3"], "status": ["", "", ""]})
    marks = timeline.event_marks(reported, "2025-12-01")
    assert len(marks) == 2  # the row with no actor is a mark of its own, not dropped
    named = marks[marks["actor"] == "网信办"].iloc[0]
    assert named["first_article"] == "dated" and named["first_claim"] == "c2" and named["articles"] == 2
