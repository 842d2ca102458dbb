"""Each rule of the claim check, on small constructed claims."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.check import disagreements, events
from helpers.check import verdicts as claimcheck
from helpers.check.reference import load_chip_specs
from helpers.extract import CLAIM_COLUMNS
from helpers.store.tables import Tables


@pytest.fixture(scope="module")
def specs():
    return load_chip_specs()[0]


def claim(**fields) -> dict:
    row = {c: "" for c in CLAIM_COLUMNS}
    row.update(value=None, value_max=None, from_value=None, to_value=None, char_start=0, char_end=1,
               sent_idx=0, date_inferred=False, claim_id="c", article_id="a")
    row.update(fields)
    return row


def spec(subject, metric, value, unit, hedge="", **kw):
    return claim(kind="spec", subject=subject, metric=metric, value=value, unit=unit, hedge=hedge, **kw)


def test_units_are_converted(specs):
    v = claimcheck.check_spec(spec("GB200 NVL72", "FP8算力", 0.72, "EFLOPS"), specs)
    assert v.verdict == "agrees"
    v = claimcheck.check_spec(spec("H100", "带宽", 3350, "GB/s"), specs)
    assert v.verdict == "agrees"


def test_hedges_are_respected(specs):
    # The H100's FP16 figures are 989.4 dense and 1978.9 sparse: "more than 2000" holds for neither.
    assert claimcheck.check_spec(spec("H100", "FP16算力", 2000, "TFLOPS", "超"), specs).verdict == "conflicts"
    assert claimcheck.check_spec(spec("H100", "FP16算力", 1900, "TFLOPS", "超"), specs).verdict == "agrees"
    assert claimcheck.check_spec(spec("H100", "FP16算力", 1000, "TFLOPS", "约"), specs).verdict == "agrees"
    assert claimcheck.check_spec(spec("H100", "FP16算力", 1000, "TFLOPS", "不足"), specs).verdict == "agrees"
    assert claimcheck.check_spec(spec("H100", "FP16算力", 1200, "TFLOPS"), specs).verdict == "conflicts"


def test_sparse_and_dense_figures_are_told_apart(specs):
    sparse = claimcheck.check_spec(spec("H100", "FP16算力", 1979, "TFLOPS"), specs)
    assert sparse.verdict == "agrees" and "sparsity" in sparse.note and "989.4" in sparse.note
    dense = claimcheck.check_spec(spec("H100", "FP16算力", 989, "TFLOPS"), specs)
    assert dense.verdict == "agrees" and "dense" in dense.note


def test_disagreeing_reference_sources_are_named_not_picked(specs):
    v = claimcheck.check_spec(spec("昇腾910B", "FP16算力", 280, "TFLOPS"), specs)
    assert v.verdict == "agrees" and "sources disagree" in v.note and "320" in v.note


def test_roadmaps_and_die_counts_are_said(specs):
    v = claimcheck.check_spec(spec("Atlas 950 SuperPoD", "卡数", 8192, "cards"), specs)
    assert v.verdict == "agrees" and "roadmap" in v.note
    v = claimcheck.check_spec(spec("NVL144", "卡数", 144, "cards"), specs)
    assert "GPU dies" in v.note


def test_no_comparable_row_is_unverifiable(specs):
    assert claimcheck.check_spec(spec("中芯国际", "制程", 7, "nm"), specs).verdict == "unverifiable"
    assert claimcheck.check_spec(spec("某新芯片", "FP16算力", 100, "TFLOPS"), specs).verdict == "unverifiable"


def test_ratios_use_a_common_precision(specs):
    v = claimcheck.check_spec(spec("昇腾910C", "性能", 0.8, "ratio", relative_to="H20"), specs)
    assert v.verdict == "conflicts" and "FP16" in v.note


def _events(rows):
    df = pd.DataFrame([claim(kind="event", **r) for r in rows], columns=CLAIM_COLUMNS)
    return events.match_reference(events.reported_events(_tables(df)), events.reference_events())


def _tables(claims_df):
    articles = pd.DataFrame({"article_id": ["a"], "outlet": [""], "published": [""], "duplicate_of": [""]})
    return Tables(articles=articles, sentences=pd.DataFrame(), claims=claims_df, ingest_report=pd.DataFrame())


def test_event_dates_are_compared_at_the_precision_given():
    reference = events.reference_events()
    month = claim(kind="event", claim_id="m", actor="美国商务部", action="tighten", items="H20",
                  date_start="2025-04-01", date_end="2025-04-30", date_precision="month")
    wrong = claim(kind="event", claim_id="w", actor="美国商务部", action="tighten", items="H20",
                  date_start="2025-04-20", date_end="2025-04-20", date_precision="day")
    unknown = claim(kind="event", claim_id="u", actor="华为", action="launch", items="",
                    date_start="2025-09-18", date_end="2025-09-18", date_precision="day")
    claims_df = pd.DataFrame([month, wrong, unknown], columns=CLAIM_COLUMNS)
    matched = events.match_reference(events.reported_events(_tables(claims_df)), reference)
    verdicts = claimcheck.claim_check(claims_df, events_matched=matched, reference_events=reference)
    by_id = verdicts.set_index("claim_id")["verdict"]
    assert by_id["m"] == "agrees"  # 2025-04 covers the 9 April notice
    assert by_id["u"] == "unverifiable"
    assert by_id["w"] in ("conflicts", "unverifiable")


def test_disagreements_group_the_95_to_50_and_95_to_0_stories():
    rows = [
        claim(kind="market_share", claim_id="x", article_id="a", subject="英伟达", metric="市场份额", scope="中国AI芯片市场",
              value=50.0, from_value=95.0, to_value=50.0, unit="%", date_start="2025-09-18", sentence="s1"),
        claim(kind="market_share", claim_id="y", article_id="b", subject="英伟达", metric="市场份额", scope="中国市场",
              value=0.0, from_value=95.0, to_value=0.0, unit="%", actor="黄仁勋", sentence="s2"),
        claim(kind="market_share", claim_id="z", article_id="c", subject="英伟达", metric="市场份额", scope="全球AI芯片市场",
              value=78.0, from_value=85.0, to_value=78.0, unit="%", sentence="s3"),
        claim(kind="market_share", claim_id="h", article_id="d", subject="英伟达", metric="市场份额", scope="中国市场",
              value=50.0, unit="%", hedge="约", sentence="s4"),
    ]
    df = pd.DataFrame(rows, columns=CLAIM_COLUMNS).set_index("claim_id", drop=False)
    speakers = pd.Series({"x": "", "y": "黄仁勋", "z": "", "h": ""})
    out = disagreements.disagreements(df, speakers)
    assert set(out["article_id"]) == {"a", "b", "d"}  # the global figure is another market
    assert out["reason"].iloc[0] == "different time, different speaker"
    assert {"95→50%", "95→0%"} <= set(out["figure"])


def test_rounding_tolerance_is_that_of_the_figure_as_written():
    specs = load_chip_specs()[0]
    claim = {"unit": "GB/s", "metric": "互联带宽", "value": 600.0, "subject": "A800", "hedge": "", "relative_to": ""}
    assert claimcheck.check_spec(claim, specs).verdict == "conflicts"  # the A800 was cut to 400 GB/s
    claim["value"] = 400.0
    assert claimcheck.check_spec(claim, specs).verdict == "agrees"
