"""Coverage by mention: a reference event is covered by an article that mentions it, dated or not, and only
events up to the newest article's date are counted. Sentences written for these tests."""

from __future__ import annotations

import pandas as pd

from helpers.check.events import record_mentions, reference_events
from helpers.extract import CLAIM_COLUMNS
from helpers.store.tables import Tables
from helpers.themes import timeline


def _tables(sentences: list[tuple[str, str]], published: dict[str, str], claims: list[dict] = ()) -> Tables:
    articles = pd.DataFrame({"article_id": list(published), "outlet": "", "published": list(published.values()),
                             "duplicate_of": ""})
    rows = pd.DataFrame([{"article_id": a, "sent_idx": i, "sentence": s, "sentence_zh_hans": s}
                         for i, (a, s) in enumerate(sentences)])
    base = {c: "" for c in CLAIM_COLUMNS}
    base.update(value=None, value_max=None, from_value=None, to_value=None, char_start=0, char_end=1,
                date_inferred=False)
    claims_df = pd.DataFrame([{**base, **c} for c in claims], columns=CLAIM_COLUMNS)
    tables = Tables(articles=articles, sentences=rows, claims=claims_df, ingest_report=pd.DataFrame())
    tables.mentions = record_mentions(tables, reference_events())  # what the build writes, against the whole record
    return tables


def _coverage(tables: Tables) -> pd.DataFrame:
    reference = timeline.record("2026-12-01")
    reported = timeline.reported_with_matches(tables, reference)
    return timeline.coverage(reported, reference, tables)


def test_an_undated_mention_covers_the_event_and_lists_its_articles():
    tables = _tables([("a", "黄仁勋感叹，英伟达在华份额从95%一路掉到了0%。"),
                      ("b", "网信办就H20芯片的后门风险约谈了英伟达。"),
                      ("c", "这篇文章只谈天气。")],
                     {"a": "2025-11-01", "b": "2025-11-02", "c": "2025-11-03"},
                     [dict(claim_id="x", article_id="a", sent_idx=0, kind="market_share", subject="英伟达",
                           value=0.0, from_value=95.0, to_value=0.0, unit="%")])
    cov = _coverage(tables).set_index("date")
    assert cov.loc["2025-10-06", "article_ids"] == "a"  # Huang's 95→0 remark, undated in the text
    assert cov.loc["2025-07-31", "article_ids"] == "b"  # the CAC's H20 summons
    assert cov["covered"].sum() == 2


def test_a_mention_dated_far_from_the_event_is_another_event():
    tables = _tables([("a", "2023年3月，网信办就H20芯片约谈英伟达。")], {"a": "2025-11-01"},
                     [dict(claim_id="e", article_id="a", sent_idx=0, kind="event", actor="国家网信办", action="investigate",
                           items="H20", date_start="2023-03-01", date_end="2023-03-31", date_precision="month")])
    cov = _coverage(tables).set_index("date")
    assert not cov.loc["2025-07-31", "covered"]


def test_only_events_up_to_the_newest_article_are_counted():
    tables = _tables([("a", "英伟达在华份额从95%降到0%。")], {"a": "2025-11-01"})
    cov = _coverage(tables)
    counted = cov[cov["counted"]]
    assert pd.to_datetime(counted["date"].str[:7]).max() <= pd.Timestamp("2025-11-01")
    text = timeline.finding(pd.DataFrame({"date_start": ["2025-10-06"], "date_end": ["2025-10-06"],
                                          "actor_group": ["Nvidia"], "status": [""]}), cov)
    assert f"of {len(counted)} reference export-control events" in text and "later events not counted" in text


def _covered(sentences, published):
    cov = _coverage(_tables(sentences, published))
    return set(cov.loc[cov["covered"], "date"])


def test_talk_of_export_controls_in_general_names_no_particular_rule():
    assert _covered([("a", "这背后是美国出口管制层层加码。"), ("a", "美国持续限制中国进口高端芯片。")],
                    {"a": "2025-11-01"}) == set()


def test_the_actor_is_the_subject_of_the_act_not_a_name_in_its_object():
    # China is where the chips go, not who acts: no Chinese measure on H200 is mentioned.
    covered = _covered([("a", "美国商务部正式批准英伟达向中国销售H200芯片。")], {"a": "2026-02-01"})
    assert not any(d.startswith("2026-01-14") for d in covered)  # China customs' H200 stop
    assert "2026-01-13" in covered  # the BIS rule letting H200 go case by case


def test_an_act_only_supposed_or_asked_about_is_no_mention():
    assert _covered([("a", "即使美国放宽对H200的销售限制，中方是否接受仍不确定。")], {"a": "2025-12-20"}) == set()


def test_one_verb_is_one_event_and_an_enumeration_is_several():
    # An undated ban on chips several rules covered is the latest such rule before the article: one event.
    covered = _covered([("a", "此前美国政府禁止英伟达向中国出口H100和A100。")], {"a": "2025-06-01"})
    assert len(covered) == 1
    # One verb, three launches named one by one: three events.
    covered = _covered([("b", "英伟达先后推出A800、H800、H20等合规版芯片。")], {"b": "2025-06-01"})
    assert {"2022-11-07", "2023-03-21", "2023-11"} <= covered


def test_an_undated_article_reads_a_month_and_day_in_the_events_year():
    # No publication date: 12月9日 cannot be resolved, but it places the SAMR case, not its 2025 finding.
    covered = _covered([("a", "12月9日，国家市场监督管理总局宣布对英伟达展开反垄断调查。")], {"a": ""})
    assert covered == {"2024-12-09"}


def test_controls_on_a_us_chip_with_no_one_named_are_washingtons():
    covered = _covered([("a", "自今年4月以来，H20芯片对华出口一直受到限制。")], {"a": "2025-06-01"})
    assert "2025-04-09" in covered
