"""Charts that scale: top-N with "other", labels that do not overlap, the timeline's panels, attention by
outlet, who reported what, share small multiples, and the provenance block every page shows."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers.report import provenance  # noqa: E402
from helpers.report.changes import corpus_state  # noqa: E402
from helpers.report import plots  # noqa: E402
from helpers.themes import charts, narratives, overview, timeline  # noqa: E402

plots.setup_fonts()


class FakeTables:
    def __init__(self, articles, claims=None, claim_check=None):
        self.articles = articles
        self.claims = claims if claims is not None else pd.DataFrame({"kind": []})
        self.claim_check = claim_check if claim_check is not None else pd.DataFrame({"verdict": []})
        self.disagreements = pd.DataFrame({"group": []})

    @property
    def unique_articles(self):
        return self.articles[self.articles["duplicate_of"] == ""]


def _articles(n, outlets, dates):
    return pd.DataFrame({"article_id": [f"a{i:04d}" for i in range(n)], "title": [f"t{i}" for i in range(n)],
                         "outlet": [outlets[i % len(outlets)] for i in range(n)],
                         "published": [dates[i % len(dates)] for i in range(n)], "duplicate_of": [""] * n})


def test_top_n_other_keeps_the_most_frequent_and_names_a_lone_leftover():
    values = pd.Series(list("aaaabbbccd"))
    assert set(charts.top_n_other(values, n=2)) == {"a", "b", "other"}
    assert set(charts.top_n_other(values, n=3)) == {"a", "b", "c", "d"}  # an "other" of one keeps its name


def test_placed_labels_never_overlap():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4, 2))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 1)
    fig.canvas.draw()
    placed = charts.place_labels(ax, [(5 + 0.01 * i, 0.5, f"label number {i}") for i in range(30)])
    assert 1 <= placed < 30
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts]
    assert len(boxes) == placed
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def _events(n_articles):
    rows = []
    for i in range(n_articles):
        rows.append({"article_id": f"a{i:04d}", "actor": "美国商务部", "action": "tighten", "items": "H20",
                     "actor_group": timeline.GROUPS[0], "date_start": "2025-10-01", "date_end": "2025-10-01",
                     "status": "", "published": "2025-11-01", "when": pd.Timestamp("2025-10-01")})
        rows.append({"article_id": f"a{i:04d}", "actor": f"公司{i % 30}", "action": "launch", "items": "",
                     "actor_group": timeline.GROUPS[4], "date_start": f"{2014 + i % 11}-03-01",
                     "date_end": f"{2014 + i % 11}-03-01", "status": "", "published": "2025-11-01",
                     "when": pd.Timestamp(f"{2014 + i % 11}-03-01")})
    rows.append({"article_id": "a0000", "actor": "华为", "action": "launch", "items": "Atlas 960",
                 "actor_group": timeline.GROUPS[3], "date_start": "2029-01-01", "date_end": "2029-12-31",
                 "status": "planned", "published": "2025-11-01", "when": pd.Timestamp("2029-07-01")})
    return pd.DataFrame(rows)


def test_timeline_keeps_recent_years_readable_and_plans_apart_at_scale():
    fig = timeline.timeline_chart(_events(1000), pd.DataFrame({"when": pd.to_datetime([]), "actor_group": []}),
                                  as_of="2025-11-30", label_top=14)
    earlier, recent, ahead = fig.axes
    to_date = lambda x: pd.Timestamp(matplotlib.dates.num2date(x).replace(tzinfo=None))  # noqa: E731
    assert to_date(earlier.get_xlim()[0]) < pd.Timestamp("2014-03-01")
    assert to_date(recent.get_xlim()[0]) >= pd.Timestamp("2023-11-01")
    assert to_date(recent.get_xlim()[1]) < pd.Timestamp("2026-01-01")  # 2029 is on the planned panel only
    assert to_date(ahead.get_xlim()[1]) > pd.Timestamp("2029-07-01")
    texts = [t for ax in fig.axes for t in ax.texts]
    assert 1 <= len(texts) <= 14
    assert any(t.get_text() == "美国商务部 收紧 H20 (1000)" for t in texts)  # the most reported event is labelled
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in texts]
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_attention_by_outlet_is_top_eight_and_other_and_counts_every_dated_article():
    arts = _articles(1000, [f"媒体{k}" for k in range(20)], ["2025-01-05", "2025-03-20", "", "2025-03-02"])
    tables = FakeTables(arts)
    attention = overview.attention_by_outlet(tables, top=8)
    assert list(attention.columns)[-1] == "other" and len(attention.columns) == 9
    assert int(attention.to_numpy().sum()) == 750 and overview.attention_undated(tables) == 250
    assert list(attention.index.strftime("%Y-%m")) == ["2025-01", "2025-02", "2025-03"]
    assert int(attention.loc["2025-02"].to_numpy().sum()) == 0
    ax = overview.attention_chart(attention, 250)
    assert len(ax.get_legend().get_texts()) == 9


def _coverage(ids_per_event):
    return pd.DataFrame({"date": [f"2025-0{i + 1}-01" for i in range(len(ids_per_event))],
                         "actor": ["US BIS"] * len(ids_per_event), "action": ["rule"] * len(ids_per_event),
                         "articles": [len(x) for x in ids_per_event],
                         "article_ids": ["; ".join(x) for x in ids_per_event],
                         "covered": [bool(x) for x in ids_per_event], "counted": [True] * len(ids_per_event)})


def test_matrix_marks_the_earliest_dated_report_and_groups_by_month_at_scale():
    arts = _articles(1000, ["甲", "乙"], ["2025-05-02", "2025-04-01", "", "2025-06-30"])
    cov = _coverage([["a0003", "a0001", "a0002"], [], [f"a{i:04d}" for i in range(0, 1000, 3)]])
    matrix = timeline.report_matrix(cov, FakeTables(arts), top=25)
    assert matrix["event"].nunique() == 2  # an uncovered event is no row
    first = matrix[matrix["first"]].set_index("event_date")["article_id"]
    assert first["2025-01-01"] == "a0001"  # published 2025-04-01, before a0003 (2025-06-30); a0002 is undated
    small = timeline.matrix_chart(matrix[matrix["event_date"] == "2025-01-01"])
    assert len(small.axes[0].get_xticklabels()) == 3  # one column per article
    big = timeline.matrix_chart(matrix)
    labels = [t.get_text() for t in big.axes[0].get_xticklabels()]
    assert labels == ["2025-04", "2025-05", "2025-06", "undated"]


def test_share_panels_never_put_two_metrics_on_one_axis_and_cap_subjects():
    rows = []
    for i in range(300):
        rows.append({"metric": ["市场份额", "营收占比", "国产化率"][i % 3], "scope": "中国市场" if i % 2 else "",
                     "subject": f"公司{i % 25}", "value": float(i % 100), "from_value": float("nan"),
                     "to_value": float("nan"), "hedge": "", "article_id": f"a{i}", "claim_id": f"c{i}"})
    panels = narratives.share_panels(pd.DataFrame(rows), top_subjects=7)
    assert panels.groupby("panel")["metric"].nunique().max() == 1
    assert panels.groupby("panel")["scope"].nunique().max() == 1
    assert panels.groupby("panel")["subject_shown"].nunique().max() == 8  # seven by name and "other"
    fig = narratives.share_multiples(panels, top=9)
    drawn = [ax for ax in fig.axes if ax.get_title()]
    assert len(drawn) == 6 and all(len(ax.get_yticklabels()) <= 8 for ax in drawn)


def test_provenance_dates_come_from_the_tables_and_the_block_is_escaped():
    arts = _articles(3, ["<b>x</b>"], ["2025-10-01", "2025-11-03", ""])
    arts.loc[1, "duplicate_of"] = "a0000"  # a duplicate's date is not the newest article's
    checks = pd.DataFrame({"verdict": ["agrees", "needs_review", "needs_review"]})
    tables = FakeTables(arts, claim_check=checks)
    dates = provenance.as_of_dates(arts)
    assert dates["newest_article"] == "2025-10-01" and dates["reference_until"] >= "2025-01-01"
    assert corpus_state(tables)["newest_article"] == dates["newest_article"]  # the index uses the same dates
    text = provenance.block_html(tables)
    assert "2025-10-01 (newest article)" in text and "2 needs_review" in text and "needs_review: " in text
    assert "<b>x</b>" not in text


def test_the_shipped_accuracy_table_reads_as_one_row_per_kind():
    acc = provenance.accuracy()
    if acc.empty:
        pytest.fail(f"{provenance.ACCURACY_CSV} is missing: run tests/real_accuracy.py")
    assert len(acc) == 5
    assert {"dev recall", "dev precision", "held-out recall", "held-out precision"} <= set(acc.columns)


def test_share_finding_names_the_most_told_stories_and_counts_the_rest():
    stories = pd.DataFrame({"story": [f"95→{k}" for k in range(40)],
                            "articles": [", ".join(f"a{j}" for j in range(1 + (k == 7) * 5)) for k in range(40)],
                            "claims": [1] * 40, "attributed to": ["(author)"] * 40})
    shares = pd.DataFrame({"article_id": ["a0", "a1"]})
    text = narratives.finding(shares, stories, top=3)
    assert "95→7 (1× in 6 article(s)" in text.split(";")[1]  # the most told first
    assert "37 other stories in the table below" in text and text.count("→") == 3
