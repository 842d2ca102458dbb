"""The gold mentions of the reference record (tests/gold/real/coverage.csv) are well formed: every row names a
reference row that exists, every span lies inside its article, every article of the split is accounted for.
The spans are checked only where the shared real articles are present."""

from __future__ import annotations

import collections

import coverage_gold
import coverage_scoring
import gold_real
import pytest

needs_articles = pytest.mark.skipif(
    not gold_real.available(),
    reason=f"the shared real articles are not here ({gold_real.articles_dir()}): spans cannot be checked",
)


@pytest.fixture(scope="module")
def rows():
    return coverage_gold.read_rows()


@pytest.fixture(scope="module")
def lines():
    return coverage_gold.reference_lines()


def test_columns_and_values(rows):
    assert rows, "coverage.csv is empty"
    assert list(rows[0]) == coverage_gold.COLUMNS
    for r in rows:
        assert r["status"] in coverage_gold.STATUSES, r
        assert r["dated"] in ("true", "false"), r
        assert r["note"], r
        assert 0 <= int(r["start"]) < int(r["end"]), r


def test_every_ref_line_is_a_reference_row_and_its_date_and_actor_match(rows, lines):
    for r in rows:
        ref = lines.get(int(r["ref_line"]))
        assert ref is not None, f"{r['file']}: line {r['ref_line']} is not a row of export_controls.csv"
        assert (r["ref_date"], r["ref_actor"]) == (ref["date"], ref["actor"]), r


def test_one_mention_row_per_article_and_reference_row(rows):
    counts = collections.Counter((r["file"], r["ref_line"]) for r in rows if r["status"] == "mention")
    assert [k for k, n in counts.items() if n > 1] == []


def test_every_article_of_the_split_is_listed_once_with_its_counts(rows):
    split = gold_real.split()
    listed = coverage_gold.read_articles()
    assert sorted(a["file"] for a in listed) == sorted(split)
    assert {r["file"] for r in rows} <= set(split)
    for a in listed:
        mine = [r for r in rows if r["file"] == a["file"]]
        assert a["set"] == split[a["file"]]
        assert int(a["mentions"]) == len({r["ref_line"] for r in mine if r["status"] == "mention"}), a
        assert int(a["not_a_mention"]) == sum(r["status"] == "not_a_mention" for r in mine), a


@needs_articles
def test_every_span_lies_inside_its_article_and_no_note_copies_it(rows, lines):
    texts = {}
    for r in rows:
        raw = texts.setdefault(r["file"], gold_real.raw_text(r["file"]))
        assert int(r["end"]) <= len(raw), f"{r['file']}: span {r['start']}:{r['end']} beyond {len(raw)}"
        assert raw[int(r["start"]):int(r["end"])].strip(), r
        assert coverage_gold.row_problems(r, raw, lines) == [], r


def test_pair_scores_count_hits_against_gold():
    gold = {("a.txt", 4), ("a.txt", 16), ("b.txt", 22)}
    predicted = {("a.txt", 4), ("b.txt", 22), ("b.txt", 23), ("c.txt", 31)}
    score = coverage_scoring.PairScore("mentions", "dev", gold, predicted)
    assert (score.hits, score.precision, score.recall) == (2, 0.5, 2 / 3)


def test_the_held_out_misses_are_refused():
    with pytest.raises(SystemExit):
        coverage_scoring.main(["heldout", "--misses"])


# Measured when the matcher was rebuilt (issue 14, 2026-12-02): dev 0.64 / 0.67, held-out 0.57 / 0.31
# for the page's coverage (before: dev 0.29 / 0.71, held-out 0.32 / 0.62). Floors, not targets.
COVERAGE_FLOORS = {"dev": (0.60, 0.62), "heldout": (0.50, 0.30)}


@needs_articles
def test_the_pages_coverage_holds_its_measured_precision_and_recall(tmp_path):
    import real_scoring

    scores = coverage_scoring.score_sets(real_scoring.build_all(tmp_path / "tables"))
    for name, (precision, recall) in COVERAGE_FLOORS.items():
        page = next(s for s in scores[name] if s.method == "coverage")
        print(f"[coverage/{name}] {page.line()}")
        assert page.precision >= precision and page.recall >= recall, page.line()
