"""The extractors scored on real published articles (tests/gold/real/): the measuring stick.

The held-out set carries the bar (issue 11: market_share, event, spec and money at 0.85 recall and
precision, quotes at 0.75). A kind below the bar is reported as an expected failure with its scores;
no kind may fall below the floor recorded at the last measurement (FLOORS), on either set.
"""

from __future__ import annotations

import csv

import gold_real
import pytest

pytestmark = pytest.mark.skipif(
    not gold_real.available(),
    reason=f"the shared real articles are not here ({gold_real.articles_dir()}): the real-article gold cannot be scored",
)

BAR = {"market_share": 0.85, "event": 0.85, "spec": 0.85, "money": 0.85, "quote": 0.75}
HELD: set[str] = set()  # kinds of the held-out set at the bar
# (recall, precision) measured at the last change of the extractors (rounded down); a change may not
# go below them. Session 3, before any tuning on real text: dev market_share 0.75/0.87, event
# 0.29/0.81, spec 0.46/0.78, money 0.93/0.93, quote 0.35/0.92; heldout 0.68/0.76, 0.25/0.70,
# 0.47/0.94, 0.76/0.80, 0.29/0.85.
FLOORS = {
    "dev": {"market_share": (0.96, 1.0), "event": (0.75, 0.91), "spec": (1.0, 0.95), "money": (0.98, 0.98), "quote": (0.91, 0.98)},
    "heldout": {"market_share": (0.68, 0.81), "event": (0.49, 0.84), "spec": (0.71, 0.95), "money": (0.75, 0.90), "quote": (0.63, 0.96)},
}


@pytest.fixture(scope="module")
def real_scores(tmp_path_factory):
    import real_scoring  # needs the project's packages; the well-formedness tests do not

    tables = real_scoring.build_all(tmp_path_factory.mktemp("real-gold"))
    return {name: real_scoring.score_set(name, tables) for name in gold_real.SETS}


def test_split_covers_every_shared_article_once():
    shared = sorted(p.name for p in gold_real.articles_dir().glob("*.txt"))
    assignment = gold_real.split()
    assert sorted(assignment) == shared
    assert assignment == gold_real.assign_split(shared), "the split is the one drawn before annotation"


def test_rows_are_well_formed_spans_of_the_published_text():
    assignment = gold_real.split()
    for name in gold_real.SETS:
        for n, row in enumerate(gold_real.read_rows(name), start=2):
            where = f"{name}.csv:{n}"
            assert assignment.get(row["file"]) == name, f"{where}: {row['file']} belongs to another set"
            raw = gold_real.raw_text(row["file"])
            start, end = int(row["start"]), int(row["end"])
            assert 0 <= start < end <= len(raw), f"{where}: span outside the article"
            assert raw[start:end].strip() == raw[start:end], f"{where}: span starts or ends in white space"
            assert not gold_real.problems(row, raw), f"{where}: {gold_real.problems(row, raw)}"


def test_every_article_has_a_second_reading():
    with open(gold_real.REAL / "reviews.csv", encoding="utf-8", newline="") as handle:
        reviewed = {row["file"] for row in csv.DictReader(handle) if row["reviewer_note"].strip()}
    missing = sorted(set(gold_real.split()) - reviewed)
    assert not missing, f"articles without a second reader's note: {missing}"


def test_tables_printed(real_scores, capsys):
    with capsys.disabled():
        for result in real_scores.values():
            print(f"\n{result.table()}")


@pytest.mark.parametrize("name", gold_real.SETS)
@pytest.mark.parametrize("kind", sorted(BAR))
def test_no_kind_falls_below_its_floor(real_scores, name, kind):
    s = real_scores[name].by_kind[kind]
    recall, precision = FLOORS[name][kind]
    assert s.recall >= recall - 1e-9, f"real/{name} {kind} recall {s.recall:.3f} below its floor {recall:.3f}"
    assert s.precision >= precision - 1e-9, f"real/{name} {kind} precision {s.precision:.3f} below its floor {precision:.3f}"


@pytest.mark.parametrize("kind", sorted(BAR))
def test_heldout_holds_the_bar(real_scores, kind):
    """Kinds in HELD must stay at the bar; the others are expected failures until they reach it,
    and reaching it fails the test until the kind is added to HELD (so the bar, once met, holds)."""
    s, bar = real_scores["heldout"].by_kind[kind], BAR[kind]
    met = s.recall >= bar and s.precision >= bar
    scores = f"recall {s.recall:.2f}, precision {s.precision:.2f}"
    if kind in HELD:
        assert met, f"real/heldout {kind} fell below the bar {bar}: {scores}"
    elif met:
        pytest.fail(f"real/heldout {kind} reached the bar {bar} ({scores}): add it to HELD")
    else:
        pytest.xfail(f"real/heldout {kind} below the bar {bar}: {scores} (issue 11)")


def test_the_shipped_accuracy_table_is_what_the_scorer_measures_now(real_scores):
    import real_accuracy

    measured = real_accuracy.as_csv(real_accuracy.accuracy_rows(real_scores))
    shipped = real_accuracy.CSV.read_text(encoding="utf-8") if real_accuracy.CSV.exists() else ""
    assert shipped == measured, (f"{real_accuracy.CSV} is stale: run `tests/real_accuracy.py` to rewrite it "
                                 "from the scorer, and commit it")
