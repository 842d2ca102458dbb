"""Gold mentions of the reference record on the real articles (issue 14), kept as character offsets.

Which events of `data/reference/export_controls.csv` each of the 72 real articles mentions, read by hand
(tests/gold/real/README.md, section "Mentions of the reference record"). The project keeps offsets only;
annotators write a working file outside the project with the evidence spelled out:

    file,ref_line,evidence,occurrence,dated,status,note

and import it; `show` reads the project's rows of an article back with their evidence.

    python tests/coverage_gold.py check  WORK.csv        # validate a working file
    python tests/coverage_gold.py import WORK.csv        # -> tests/gold/real/coverage.csv, coverage_articles.csv
    python tests/coverage_gold.py show   s01_yesky.txt   # project rows with their evidence
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gold_real  # noqa: E402

from helpers.check.reference import load_export_controls  # noqa: E402

COVERAGE = gold_real.REAL / "coverage.csv"
ARTICLES = gold_real.REAL / "coverage_articles.csv"
COLUMNS = ["file", "ref_line", "ref_date", "ref_actor", "start", "end", "dated", "status", "note"]
WORK_COLUMNS = ["file", "ref_line", "evidence", "occurrence", "dated", "status", "note"]
ARTICLE_COLUMNS = ["file", "set", "mentions", "not_a_mention"]
STATUSES = ("mention", "not_a_mention")


def reference_lines() -> dict[int, dict]:
    """Line number in export_controls.csv (as `check.reference` counts it: header is line 1) -> row."""
    ref, _ = load_export_controls()
    return {int(r["line"]): r for r in ref.to_dict("records")}


def read_rows(path: Path = COVERAGE) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_articles(path: Path = ARTICLES) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def gold_pairs(rows: list[dict] | None = None) -> set[tuple[str, int]]:
    """(file, reference line) for every article that mentions that reference event."""
    rows = read_rows() if rows is None else rows
    return {(r["file"], int(r["ref_line"])) for r in rows if r["status"] == "mention"}


def row_problems(row: dict, raw: str, lines: dict[int, dict]) -> list[str]:
    """What is wrong with one row (working or project form)."""
    out = []
    try:
        line = int(row.get("ref_line", ""))
    except ValueError:
        return [f"ref_line {row.get('ref_line')!r} is not a number"]
    if line not in lines:
        out.append(f"ref_line {line} is not a row of export_controls.csv")
    if row.get("dated") not in ("true", "false"):
        out.append("dated is true or false")
    if row.get("status") not in STATUSES:
        out.append(f"status {row.get('status')!r} is not one of {STATUSES}")
    if not row.get("note"):
        out.append("a row needs a note (why it is, or is not, a mention)")
    piece = gold_real._copied(row.get("note", ""), raw)
    if piece:
        out.append(f"note copies the article ({len(piece)}+ characters): write it in your own words")
    return out


def check_work(path: Path) -> tuple[list[dict], list[str]]:
    """A working file's rows in project form, and its problems (`file:row: reason`)."""
    lines = reference_lines()
    files = set(gold_real.split())
    with open(path, encoding="utf-8-sig", newline="") as handle:
        work = list(csv.DictReader(handle))
    rows, errors, seen = [], [], set()
    for n, row in enumerate(work, start=2):
        row = {k: ("" if v is None else (v if k == "evidence" else v.strip())) for k, v in row.items()}
        missing = [c for c in WORK_COLUMNS if c not in row]
        if missing:
            errors.append(f"{path.name}:{n}: missing columns {missing}")
            continue
        if row["file"] not in files:
            errors.append(f"{path.name}:{n}: {row['file']!r} is not an article of the split")
            continue
        raw = gold_real.raw_text(row["file"])
        where = gold_real.locate(raw, row["evidence"], row["occurrence"])
        errs = row_problems(row, raw, lines)
        if isinstance(where, str):
            errs.insert(0, where)
        key = (row["file"], row["ref_line"], row["status"])
        if row["status"] == "mention" and key in seen:
            errs.append("a second mention row for the same article and reference row (keep one span)")
        seen.add(key)
        errors.extend(f"{path.name}:{n}: {e}" for e in errs)
        if not errs:
            ref = lines[int(row["ref_line"])]
            rows.append({"file": row["file"], "ref_line": row["ref_line"], "ref_date": ref["date"],
                         "ref_actor": ref["actor"], "start": str(where[0]), "end": str(where[1]),
                         "dated": row["dated"], "status": row["status"], "note": row["note"]})
    return rows, errors


def _write(path: Path, columns: list[str], rows: list[dict]) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(path)


def import_work(path: Path) -> int:
    """The working file (every article's rows) into coverage.csv, and every article into coverage_articles.csv."""
    rows, errors = check_work(path)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        print(f"{len(errors)} problem(s): nothing written", file=sys.stderr)
        return 1
    rows.sort(key=lambda r: (r["file"], int(r["ref_line"]), r["status"], int(r["start"])))
    _write(COVERAGE, COLUMNS, rows)
    articles = []
    for file, name in sorted(gold_real.split().items()):
        mine = [r for r in rows if r["file"] == file]
        articles.append({"file": file, "set": name,
                         "mentions": len({r["ref_line"] for r in mine if r["status"] == "mention"}),
                         "not_a_mention": sum(r["status"] == "not_a_mention" for r in mine)})
    _write(ARTICLES, ARTICLE_COLUMNS, articles)
    pairs = gold_pairs(rows)
    print(f"coverage: {len(rows)} rows, {len(pairs)} mentions (article, reference row) in "
          f"{len({f for f, _ in pairs})} of {len(articles)} articles")
    return 0


def show(file: str) -> None:
    raw = gold_real.raw_text(file)
    for row in read_rows():
        if row["file"] == file:
            print(f"[{row['start']}:{row['end']}] line {row['ref_line']} {row['ref_date']} {row['ref_actor']} "
                  f"{row['status']} dated={row['dated']}: {raw[int(row['start']):int(row['end'])]}\n    {row['note']}")


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("check", "import", "show"):
        print(__doc__)
        return 2
    command, args = argv[0], argv[1:]
    if command == "check":
        rows, errors = check_work(Path(args[0]))
        print("\n".join(errors) if errors else f"{args[0]}: {len(rows)} rows, no problems")
        return int(bool(errors))
    if command == "import":
        return import_work(Path(args[0]))
    for arg in args:
        show(arg)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
