"""The one place that knows where things are."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parent.parent  # src/helpers -> repository root

SEEDS = ROOT / "seeds"
DATA = ROOT / "data"
LEXICON = DATA / "lexicon"
REFERENCE = DATA / "reference"
REVIEW = DATA / "review"  # reviewer overrides (overrides.csv)
ACCURACY = DATA / "accuracy"  # the extractors' measured accuracy on the real-article gold (tests/real_accuracy.py)
PROCESSED = DATA / "processed"
NOTEBOOKS = ROOT / "notebooks"
REPORTS = ROOT / "reports"
TEMPLATES = PACKAGE_DIR / "report" / "templates"

KERNEL_NAME = "chipwatch"

# Limits the build enforces (stated in the README).
MAX_FILE_BYTES = 20_000_000  # 20 MB (decimal, as the messages say)
MAX_FILES = 20_000
