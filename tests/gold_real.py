"""Gold claims on real published articles, kept as character offsets (see tests/gold/real/README.md).

The articles stay in the shared folder (`../shared/real-articles/articles/`, or the folder named
by `CHIPWATCH_REAL_ARTICLES`); the project keeps only offsets into them. This module:

- finds that folder and reads the articles exactly as published (`raw_text`);
- maps a span of the published text onto the cleaned text the build produced (`RawToClean`), so
  that gold rows can be compared with claims (whose offsets are into the cleaned text);
- loads the sets (`dev`, `heldout`) and the split;
- from the command line, turns an annotator's working file (rows with the evidence written out,
  kept outside the project) into offset rows, checks a working file, or shows the project's rows
  of one article with their evidence read back from the shared text (for second readers).

    python tests/gold_real.py check  WORK.csv [...]       # validate working files
    python tests/gold_real.py import WORK_DIR             # working files -> tests/gold/real/*.csv
    python tests/gold_real.py show   s01_yesky.txt [...]  # project rows with their evidence
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import hashlib
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "gold" / "real"
SETS = ("dev", "heldout")

KINDS = ["market_share", "event", "spec", "money", "quote"]
UNITS = {"%", "TFLOPS", "PFLOPS", "EFLOPS", "TOPS", "POPS", "GB", "TB", "PB", "GB/s", "TB/s", "PB/s",
         "cards", "chips", "nm", "USD", "CNY", "HKD", "TWD", "JPY", "EUR", "KRW", "USD/hour", "CNY/hour",
         "ratio", "TPP", "W", "cabinets", "nodes", "servers", "units", "shares", "GHz", "Tbps"}
ACTIONS = {"ban", "tighten", "approve", "resume", "loosen", "investigate", "sue", "refuse", "launch",
           "announce", "invest", "list", "ship", "speak", "other"}
PRECISIONS = {"", "day", "week", "dekad", "month", "quarter", "half", "year", "fiscal_year", "fiscal_quarter", "approx"}
HEDGE_PARTS = {"超", "约", "近", "不足", "或"}
STATUSES = {"", "planned"}

# The columns of a project gold row: the evidence is a span of the published text.
COLUMNS = ["file", "kind", "start", "end", "subject", "scope", "metric", "value", "value_max", "unit",
           "from_value", "to_value", "relative_to", "date_start", "date_end", "date_precision", "period",
           "date_inferred", "actor", "action", "items", "hedge", "status", "note"]
# An annotator's working row: the evidence written out (and which occurrence, when it repeats).
WORK_COLUMNS = ["kind", "evidence", "occurrence"] + COLUMNS[4:]
NUMERIC = ["value", "value_max", "from_value", "to_value"]
# Free-text fields may not carry the article's words beyond a name or a short expression.
COPY_GUARD = 10


def articles_dir() -> Path:
    """Where the shared real articles are (they are never copied into the project)."""
    env = os.environ.get("CHIPWATCH_REAL_ARTICLES")
    if env:
        return Path(env)
    return ROOT.parent / "shared" / "real-articles" / "articles"


def available() -> bool:
    return (articles_dir() / "manifest.csv").is_file()


def raw_text(file: str) -> str:
    """An article exactly as published: UTF-8, line endings untouched (offsets count characters)."""
    with open(articles_dir() / file, encoding="utf-8", newline="") as handle:
        return handle.read()


def split() -> dict[str, str]:
    """file -> set name, from tests/gold/real/split.csv."""
    with open(REAL / "split.csv", encoding="utf-8", newline="") as handle:
        return {row["file"]: row["set"] for row in csv.DictReader(handle)}


def assign_split(files: list[str]) -> dict[str, str]:
    """The split as it was drawn, before any annotation: within each script (file prefix `s`/`t`),
    files ordered by the SHA-256 of their name, every third one held out."""
    out = {}
    for script in sorted({f[0] for f in files}):
        group = sorted((f for f in files if f[0] == script), key=lambda f: hashlib.sha256(f.encode()).hexdigest())
        for i, f in enumerate(group):
            out[f] = "heldout" if i % 3 == 0 else "dev"
    return out


def read_rows(name: str) -> list[dict]:
    with open(REAL / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --------------------------------------------------------------------------- offsets


class RawToClean:
    """Maps spans of the published text onto the cleaned text by aligning the two.

    Cleaning deletes furniture and invisible characters and replaces some characters one for one
    (full-width letters and digits); an alignment recovers where each published character went.
    A span whose characters were all removed maps to None."""

    def __init__(self, raw: str, clean: str):
        self.forward: dict[int, int] = {}
        matcher = difflib.SequenceMatcher(None, raw, clean, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
                for k in range(i2 - i1):
                    self.forward[i1 + k] = j1 + k

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        hits = [self.forward[i] for i in range(start, end) if i in self.forward]
        if not hits:
            return None
        return min(hits), max(hits) + 1


# --------------------------------------------------------------------------- validation


def _is_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
        return True
    except ValueError:
        return False


def _copied(field: str, raw: str) -> str | None:
    """A run of COPY_GUARD or more characters of the field that stands in the article."""
    for i in range(0, max(0, len(field) - COPY_GUARD + 1)):
        piece = field[i:i + COPY_GUARD]
        if piece.strip() == piece and piece in raw:
            return piece
    return None


def problems(row: dict, raw: str) -> list[str]:
    """What is wrong with one row (project or working form), in the guide's terms."""
    out = []
    kind = row.get("kind", "")
    if kind not in KINDS:
        out.append(f"kind {kind!r} is not one of {KINDS}")
    for column in NUMERIC:
        value = row.get(column, "")
        if value:
            try:
                float(value)
            except ValueError:
                out.append(f"{column} {value!r} is not a plain number")
    if kind in ("market_share", "spec", "money"):
        if not row.get("value"):
            out.append(f"{kind} needs a value")
        if row.get("unit", "") not in UNITS:
            out.append(f"unit {row.get('unit', '')!r} is not one of the guide's units")
    if kind == "market_share" and row.get("unit") != "%":
        out.append("a share is in %")
    if kind == "event":
        if row.get("action", "") not in ACTIONS:
            out.append(f"action {row.get('action', '')!r} is not one of {sorted(ACTIONS)}")
        if not row.get("actor"):
            out.append("an event needs an actor")
    if kind == "quote" and not row.get("actor"):
        out.append("a quote needs a speaker (actor)")
    for column in ("date_start", "date_end"):
        if row.get(column) and not _is_date(row[column]):
            out.append(f"{column} {row[column]!r} is not YYYY-MM-DD")
    if bool(row.get("date_start")) != bool(row.get("date_end")):
        out.append("date_start and date_end go together")
    if row.get("date_precision", "") not in PRECISIONS:
        out.append(f"date_precision {row.get('date_precision')!r} is not one of {sorted(PRECISIONS)}")
    if row.get("date_start") and not row.get("date_precision"):
        out.append("a date needs its precision")
    if row.get("date_inferred", "") not in ("true", "false"):
        out.append("date_inferred is true or false")
    hedge = row.get("hedge", "")
    if hedge and not re.fullmatch("(超|约|近|不足|或)+", hedge):
        out.append(f"hedge {hedge!r} is not made of {sorted(HEDGE_PARTS)}")
    if row.get("status", "") not in STATUSES:
        out.append(f"status {row.get('status')!r} is empty or 'planned'")
    if row.get("status") and kind != "event":
        out.append("only events have a status")
    for column in ("note", "metric", "scope"):
        piece = _copied(row.get(column, ""), raw)
        if piece:
            out.append(f"{column} copies the article ({len(piece)}+ characters): write it in your own words")
    return out


def locate(raw: str, evidence: str, occurrence: str) -> tuple[int, int] | str:
    """The span of the evidence in the published text, or why it cannot be placed."""
    if not evidence:
        return "empty evidence"
    starts, pos = [], raw.find(evidence)
    while pos != -1:
        starts.append(pos)
        pos = raw.find(evidence, pos + 1)
    if not starts:
        return "evidence not found in the article (copy it character for character, original script)"
    if occurrence:
        n = int(occurrence)
        if not 1 <= n <= len(starts):
            return f"occurrence {n} but the evidence appears {len(starts)} time(s)"
        start = starts[n - 1]
    elif len(starts) > 1:
        return f"evidence appears {len(starts)} times: lengthen it or give occurrence (1 = first)"
    else:
        start = starts[0]
    return start, start + len(evidence)


def _read_work(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        for key in list(row):
            if row[key] is None:
                row[key] = ""
            row[key] = row[key].strip() if key != "evidence" else row[key]
    return rows


def check_work(path: Path) -> tuple[list[dict], list[str]]:
    """A working file's rows in project form, and its problems (`file:row: reason`)."""
    file = path.stem + ".txt"
    raw = raw_text(file)
    rows, errors = [], []
    for n, row in enumerate(_read_work(path), start=2):
        missing = [c for c in WORK_COLUMNS if c not in row]
        if missing:
            errors.append(f"{path.name}:{n}: missing columns {missing}")
            continue
        where = locate(raw, row["evidence"], row["occurrence"])
        errs = problems(row, raw)
        if isinstance(where, str):
            errs.insert(0, where)
        errors.extend(f"{path.name}:{n}: {e}" for e in errs)
        if not isinstance(where, str):
            out = {c: row.get(c, "") for c in COLUMNS}
            out.update(file=file, start=str(where[0]), end=str(where[1]))
            rows.append(out)
    return rows, errors


def import_work(work_dir: Path) -> int:
    """Every working file in `work_dir` (named after its article) into the project's set files."""
    assignment = split()
    by_set: dict[str, list[dict]] = {name: [] for name in SETS}
    for name in SETS:  # keep the articles not being re-imported
        if (REAL / f"{name}.csv").exists():
            by_set[name] = read_rows(name)
    errors = []
    for path in sorted(work_dir.glob("*.csv")):
        file = path.stem + ".txt"
        if file not in assignment:
            errors.append(f"{path.name}: not an article of the split")
            continue
        rows, errs = check_work(path)
        errors.extend(errs)
        target = by_set[assignment[file]]
        target[:] = [r for r in target if r["file"] != file] + rows
    if errors:
        print("\n".join(errors), file=sys.stderr)
        print(f"{len(errors)} problem(s): nothing written", file=sys.stderr)
        return 1
    for name, rows in by_set.items():
        rows.sort(key=lambda r: (r["file"], int(r["start"]), int(r["end"]), r["kind"]))
        tmp = REAL / f".{name}.csv.tmp"
        with open(tmp, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        tmp.replace(REAL / f"{name}.csv")
        print(f"{name}: {len(rows)} rows, {len({r['file'] for r in rows})} articles")
    return 0


def show(file: str) -> None:
    raw = raw_text(file)
    name = split()[file]
    for row in read_rows(name):
        if row["file"] != file:
            continue
        evidence = raw[int(row["start"]):int(row["end"])]
        fields = {k: v for k, v in row.items() if v and k not in ("file", "start", "end", "kind")}
        print(f"[{row['start']}:{row['end']}] {row['kind']}: {evidence}\n    {fields}")


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("check", "import", "show"):
        print(__doc__)
        return 2
    command, args = argv[0], argv[1:]
    if command == "check":
        status = 0
        for arg in args:
            rows, errors = check_work(Path(arg))
            print("\n".join(errors) if errors else f"{arg}: {len(rows)} rows, no problems")
            status |= bool(errors)
        return status
    if command == "import":
        return import_work(Path(args[0]))
    for arg in args:
        show(arg)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
