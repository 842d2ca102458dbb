"""Scoring the timeline's coverage of the reference record against the real-article gold (issue 14).

A prediction is an (article, reference row) pair: the article mentions that event of
`data/reference/export_controls.csv`. Two predictions are scored against `tests/gold/real/coverage.csv`:

- `mentions`: `check.events.record_mentions` alone (sentences that mention an event, dated or not);
- `coverage`: what the timeline page lists (`themes.timeline.coverage`: those mentions and the dated reports
  the claim check matched to the event).

    .venv/bin/python tests/coverage_scoring.py dev             # precision and recall of the dev set
    .venv/bin/python tests/coverage_scoring.py dev --misses    # and every missed and spurious pair
    .venv/bin/python tests/coverage_scoring.py heldout         # scored, never read

Only the dev set's misses may be printed: the held-out set is scored, never read, while tuning.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import coverage_gold  # noqa: E402
import gold_real  # noqa: E402
import real_scoring  # noqa: E402

from helpers.check.events import record_mentions  # noqa: E402
from helpers.store.tables import Tables, load  # noqa: E402
from helpers.themes import timeline  # noqa: E402

Pair = tuple[str, int]  # (article file, line of the reference row in export_controls.csv)


@dataclass
class PairScore:
    method: str
    set_name: str
    gold: set[Pair]
    predicted: set[Pair]
    sentences: dict[Pair, list[str]] = field(default_factory=dict)  # the sentences behind a predicted pair

    @property
    def hits(self) -> int:
        return len(self.gold & self.predicted)

    @property
    def precision(self) -> float:
        return self.hits / len(self.predicted) if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.hits / len(self.gold) if self.gold else 1.0

    def line(self) -> str:
        return (f"{self.method:<9} gold {len(self.gold):>3}  predicted {len(self.predicted):>3}  hits {self.hits:>3}  "
                f"precision {self.precision:.3f}  recall {self.recall:.3f}")


def reference() -> "timeline.pd.DataFrame":
    """Every reference row (no as-of cut: the gold is read against the whole record)."""
    return timeline.record("2100-01-01")


def _line_of(ref) -> dict[int, int]:
    return {int(i): int(line) for i, line in zip(ref.index, ref["line"])}


def predicted_mentions(tables: Tables, ref) -> tuple[set[Pair], dict[Pair, list[str]]]:
    line_of = _line_of(ref)
    pairs, sentences = set(), {}
    for m in record_mentions(tables, ref).itertuples():
        pair = (f"{m.article_id}.txt", line_of[int(m.reference_row)])
        pairs.add(pair)
        sentences.setdefault(pair, []).append(str(m.sentence))
    return pairs, sentences


def predicted_coverage(tables: Tables, ref) -> set[Pair]:
    line_of = _line_of(ref)
    cov = timeline.coverage(timeline.reported_with_matches(tables, ref), ref, tables)
    return {(f"{a}.txt", line_of[int(i)]) for i, ids in zip(cov.index, cov["article_ids"])
            for a in filter(None, (s.strip() for s in str(ids).split(";")))}


def score_sets(tables: Tables) -> dict[str, list[PairScore]]:
    ref = reference()
    gold = coverage_gold.gold_pairs()
    split = gold_real.split()
    mentions, sentences = predicted_mentions(tables, ref)
    cov = predicted_coverage(tables, ref)
    out = {}
    for name in gold_real.SETS:
        files = {f for f, s in split.items() if s == name}
        mine = {p for p in gold if p[0] in files}
        out[name] = [PairScore("mentions", name, mine, {p for p in mentions if p[0] in files},
                               {p: v for p, v in sentences.items() if p[0] in files}),
                     PairScore("coverage", name, mine, {p for p in cov if p[0] in files})]
    return out


def print_misses(result: PairScore) -> None:
    ref = reference().set_index("line")
    rows = {(r["file"], int(r["ref_line"])): r for r in coverage_gold.read_rows() if r["status"] == "mention"}
    near = {(r["file"], int(r["ref_line"])): r for r in coverage_gold.read_rows() if r["status"] == "not_a_mention"}

    def event(line: int) -> str:
        return f"line {line} {ref.loc[line, 'date']} {ref.loc[line, 'actor']}: {str(ref.loc[line, 'action'])[:70]}"

    print(f"\nMISSED ({result.method})")
    for pair in sorted(result.gold - result.predicted):
        row = rows[pair]
        text = gold_real.raw_text(pair[0])[int(row["start"]):int(row["end"])]
        print(f"{pair[0]} {event(pair[1])}\n    gold: {text}  [{row['note']}]")
    print(f"\nSPURIOUS ({result.method})")
    for pair in sorted(result.predicted - result.gold):
        tag = " (a gold near-miss)" if pair in near else ""
        print(f"{pair[0]} {event(pair[1])}{tag}")
        for s in result.sentences.get(pair, [])[:3]:
            print(f"    said: {s[:160]}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("set", choices=gold_real.SETS)
    parser.add_argument("--misses", action="store_true", help="print missed and spurious pairs (dev only)")
    parser.add_argument("--tables", help="an existing build of the shared folder to score")
    args = parser.parse_args(argv)
    if args.misses and args.set != "dev":
        parser.error("the held-out set's misses are not read while tuning")
    if not gold_real.available():
        print(f"no real articles at {gold_real.articles_dir()}: nothing to score", file=sys.stderr)
        return 2
    tables = load(args.tables) if args.tables else real_scoring.build_all(Path(tempfile.mkdtemp(prefix="coverage-gold-")))
    results = score_sets(tables)[args.set]
    print(f"[coverage/{args.set}] (article, reference row) pairs")
    for r in results:
        print(r.line())
    if args.misses:
        for r in results:
            print_misses(r)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
