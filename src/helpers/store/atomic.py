"""Files written so that a reader never sees half of one: a temporary file, then a rename.

Also the CSV conventions of every table: UTF-8 with a BOM (spreadsheet programs then read
Chinese correctly) and no cell that a spreadsheet would run as a formula.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Callable

import pandas as pd
from filelock import FileLock

# A cell a spreadsheet would run as a formula, or one that already starts with the apostrophe the guard
# adds (so that the guard can be undone exactly: `read_csv_table`).
_FORMULA = re.compile(r"[=+\-@\t\r']")
_UMASK = os.umask(0)
os.umask(_UMASK)


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file in the same folder, then move it into place (readable as any file).

    The temporary name starts with a dot, so Parquet readers of a folder of parts never pick it up."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def spreadsheet_safe(df: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would run as a formula (=, +, -, @ first) get a leading apostrophe."""
    out = df.copy()
    for column in out.columns:
        values = out[column]
        if values.dtype == object:  # mixed: only the text cells
            risky = values.map(lambda v: isinstance(v, str) and _FORMULA.match(v) is not None).astype(bool)
        elif pd.api.types.is_string_dtype(values):
            risky = values.str.match(_FORMULA.pattern).fillna(False).astype(bool)
        else:
            continue
        if risky.any():
            out[column] = values.where(~risky, "'" + values.astype(str))
    return out


def _write_csv(df: pd.DataFrame, path: Path) -> None:
    """UTF-8 with BOM, written by Arrow for speed."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    try:
        table = pa.Table.from_pandas(df, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
        df.to_csv(path, index=False, encoding="utf-8-sig")  # mixed-type columns: pandas writes them as text
        return
    with open(path, "wb") as fh:
        fh.write(b"\xef\xbb\xbf")
        pacsv.write_csv(table, fh)


def write_arrow_csv(table, path: Path) -> None:
    """An Arrow table as CSV, with the same BOM and formula guard as `write_table`."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    columns = []
    for column in table.columns:
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            risky = pc.fill_null(pc.match_substring_regex(column, "^" + _FORMULA.pattern), False)
            quote, empty = pa.scalar("'", column.type), pa.scalar("", column.type)
            column = pc.if_else(risky, pc.binary_join_element_wise(quote, column, empty), column)
        columns.append(column)
    safe = pa.table(columns, names=table.column_names)

    def write(p: Path) -> None:
        with open(p, "wb") as fh:
            fh.write(b"\xef\xbb\xbf")
            pacsv.write_csv(safe, fh)
    atomic_write(path, write)


def read_csv_table(path: Path) -> pd.DataFrame:
    """A CSV table this module wrote, with the formula guard undone: cells read as they were written
    from (a file named `=x.txt` is `=x.txt` again, as in the Parquet tables)."""
    df = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False)
    for column in df.columns:
        if df[column].dtype == object or pd.api.types.is_string_dtype(df[column]):
            values = df[column]
            guarded = values.map(lambda v: isinstance(v, str) and v.startswith("'")).astype(bool)
            if guarded.any():
                df[column] = values.where(~guarded, values.str[1:])
    return df


def write_table(df: pd.DataFrame, path: Path) -> None:
    """A whole table as one Parquet or CSV file, atomically."""
    if path.suffix == ".parquet":
        atomic_write(path, lambda p: df.to_parquet(p, index=False))
    else:
        safe = spreadsheet_safe(df)
        atomic_write(path, lambda p: _write_csv(safe, p))


# ------------------------------------------------------------ one run at a time per output folder

LOCK_NAME = ".chipwatch.lock"  # taken by `build` and by `report`: one run writes into a folder (and its cache)
STALE_PREFIXES = (".staging-", ".old-")  # what a killed run leaves behind, removed by the next under the lock


def folder_lock(folder: Path):
    """The lock every run that writes into `folder` takes (a `filelock.FileLock`, not yet acquired)."""
    return FileLock(str(Path(folder) / LOCK_NAME))


def remove_stale(folder: Path, keep: set[str] = frozenset()) -> list[str]:
    """Remove staging and set-aside folders a killed run left in `folder` (call only under its lock)."""
    removed = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        if name.startswith(STALE_PREFIXES) and name not in keep:
            shutil.rmtree(Path(folder) / name, ignore_errors=True)
            removed.append(name)
    return removed
