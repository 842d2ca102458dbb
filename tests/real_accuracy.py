"""The extractors' measured accuracy on the real-article gold, as the table the reports ship.

    .venv/bin/python tests/real_accuracy.py            # build the shared articles, score both sets, write the CSV
    .venv/bin/python tests/real_accuracy.py --check    # say whether the committed CSV is what the scorer measures now

The CSV (`data/accuracy/extractor_accuracy.csv`) is written from `real_scoring`'s scorer only; every
report page shows it (`helpers.report.provenance`). `tests/test_gold_real.py` fails when it no longer
equals what the scorer measures, so it cannot go stale. Held-out scores are aggregates: no miss is read.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gold_real  # noqa: E402
import real_scoring  # noqa: E402

from helpers import paths  # noqa: E402
from helpers.store.atomic import atomic_write  # noqa: E402

CSV = paths.ACCURACY / "extractor_accuracy.csv"
COLUMNS = ["set", "kind", "gold", "predicted", "matched_gold", "matched_predicted", "recall", "precision"]


def accuracy_rows(scores: dict[str, real_scoring.RealScores]) -> pd.DataFrame:
    """One row per set and kind: the counts the scorer matched and the recall and precision they give."""
    rows = []
    for name in gold_real.SETS:
        for s in scores[name].scores:
            rows.append({"set": name, "kind": s.kind, "gold": s.gold, "predicted": s.predicted,
                         "matched_gold": s.matched_gold, "matched_predicted": s.matched_pred,
                         "recall": round(s.recall, 3), "precision": round(s.precision, 3)})
    return pd.DataFrame(rows, columns=COLUMNS)


def as_csv(rows: pd.DataFrame) -> str:
    return rows.to_csv(index=False, lineterminator="\n", float_format="%.3f")


def measure() -> pd.DataFrame:
    tables = real_scoring.build_all(Path(tempfile.mkdtemp(prefix="real-accuracy-")))
    return accuracy_rows({name: real_scoring.score_set(name, tables) for name in gold_real.SETS})


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare with the committed CSV instead of writing it")
    args = parser.parse_args(argv)
    if not gold_real.available():
        print(f"the shared real articles are not here ({gold_real.articles_dir()})", file=sys.stderr)
        return 2
    text = as_csv(measure())
    if args.check:
        same = CSV.exists() and CSV.read_text(encoding="utf-8") == text
        print(f"{CSV}: {'current' if same else 'stale: run tests/real_accuracy.py to rewrite it'}")
        return 0 if same else 1
    atomic_write(CSV, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    print(f"wrote {CSV}")
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
