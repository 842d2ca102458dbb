"""The build's tables on disk, kept in parts so that one new article rewrites one part, not the corpus.

Every article belongs to one of `N_PARTS` parts, chosen by a hash of its file's path (stable from
build to build). Each Parquet table is a folder of part files (`claims.parquet/part-007.parquet`),
which pandas and pyarrow read as one table: `pd.read_parquet("claims.parquet")`. The CSV tables
that spreadsheet users open (`claims.csv`, `claim_check.csv`) stay single files, assembled from one
headerless fragment per part (kept in `.parts/`) by concatenating bytes, so they cost a copy, not a
re-encoding. Each part's inputs are summed up in a signature; a part whose signature is unchanged
is kept as it is.

Parts are written with fixed Arrow schemas, so a part whose column happens to be empty still
merges with the others.
"""

from __future__ import annotations

import hashlib
import json
import os
import zlib
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from .atomic import atomic_write, spreadsheet_safe

N_PARTS = 128
PARTS_DIR = ".parts"  # CSV fragments, comparison inputs and part signatures
PARQUET_TABLES = ("articles", "sentences", "claims", "claim_check", "terms", "theme_chars", "mentions")
CSV_TABLES = ("claims", "claim_check")
COMPARE = "compare"  # per part: the claims that disagreements are computed from (see claimcheck)
COMPARE_SUFFIX = ".arrow"  # Arrow IPC: read back by every build, so a format that needs no decoding

_INTS = {"n_chars", "n_chars_raw", "n_chars_removed", "pinyin_repaired", "sent_idx", "char_start", "char_end",
         "term_idx", "count", "chars", "sentence_chars", "reference_row"}
_FLOATS = {"value", "value_max", "from_value", "to_value"}
_BOOLS = {"date_inferred"}


def schema(columns: list[str]) -> pa.Schema:
    """Integers, floats and flags by name; every other column is text."""
    def kind(c: str) -> pa.DataType:
        if c in _INTS:
            return pa.int64()
        if c in _FLOATS:
            return pa.float64()
        if c in _BOOLS:
            return pa.bool_()
        return pa.large_string()
    return pa.schema([(c, kind(c)) for c in columns])


def part_of(file: str) -> int:
    """The part an article file belongs to (by its path inside the corpus)."""
    return zlib.crc32(file.encode("utf-8")) % N_PARTS


def _name(part: int) -> str:
    return f"part-{part:03d}"


def parquet_path(out: Path, table: str, part: int) -> Path:
    return out / f"{table}.parquet" / f"{_name(part)}.parquet"


def fragment_path(out: Path, table: str, part: int, suffix: str = ".csv") -> Path:
    return out / PARTS_DIR / f"{table}-{_name(part)}{suffix}"


def to_arrow(df: pd.DataFrame, columns: list[str]) -> pa.Table:
    return pa.Table.from_pandas(df[columns], schema=schema(columns), preserve_index=False)


def write_parts(out: Path, table: str, df: pd.DataFrame, columns: list[str], part_of_row: list[int],
                parts: list[int]) -> None:
    """Each of `parts` of a table (rows come part by part, `part_of_row` saying which): its Parquet
    file and, for the CSV tables, its headerless CSV fragment; the comparable claims (`COMPARE`) go
    to one Parquet fragment per part. Converted to Arrow once, then sliced per part."""
    folder = out / f"{table}.parquet"
    arrow = to_arrow(df, columns)
    safe = to_arrow(spreadsheet_safe(df[columns]), columns) if table in CSV_TABLES else None
    ends = np.searchsorted(np.asarray(part_of_row, dtype="int64"), parts, side="right")
    starts = np.searchsorted(np.asarray(part_of_row, dtype="int64"), parts, side="left")
    for part, start, end in zip(parts, starts.tolist(), ends.tolist()):
        piece = arrow.slice(start, end - start)
        if table == COMPARE:
            atomic_write(fragment_path(out, COMPARE, part, COMPARE_SUFFIX), lambda p: _write_ipc(piece, p))
            continue
        atomic_write(folder / f"{_name(part)}.parquet", lambda p: pq.write_table(piece, p))
        if safe is not None:
            rows = safe.slice(start, end - start)
            atomic_write(fragment_path(out, table, part),
                         lambda p: pacsv.write_csv(rows, p, pacsv.WriteOptions(include_header=False)))


def remove_part(out: Path, part: int) -> None:
    """Remove every file of a part that no longer has articles."""
    for table in PARQUET_TABLES:
        parquet_path(out, table, part).unlink(missing_ok=True)
    for table in CSV_TABLES:
        fragment_path(out, table, part).unlink(missing_ok=True)
    fragment_path(out, COMPARE, part, COMPARE_SUFFIX).unlink(missing_ok=True)


def present(out: Path) -> set[int]:
    """The parts whose files are all on disk."""
    def listing(folder: Path) -> set[str]:
        try:
            return set(os.listdir(folder))
        except OSError:
            return set()

    found = {t: listing(out / f"{t}.parquet") for t in PARQUET_TABLES}
    fragments = listing(out / PARTS_DIR)
    return {
        p for p in range(N_PARTS)
        if all(f"{_name(p)}.parquet" in found[t] for t in PARQUET_TABLES)
        and all(f"{t}-{_name(p)}.csv" in fragments for t in CSV_TABLES)
        and f"{COMPARE}-{_name(p)}{COMPARE_SUFFIX}" in fragments
    }


def with_files(out: Path) -> set[int]:
    """The parts that have any file on disk (a part left behind by a stopped build included)."""
    found: set[int] = set()
    folders = [out / f"{t}.parquet" for t in PARQUET_TABLES] + [out / PARTS_DIR]
    for folder in folders:
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            if name.startswith("."):
                continue
            at = name.find("part-")
            if at >= 0 and name[at + 5 : at + 8].isdigit():
                found.add(int(name[at + 5 : at + 8]))
    return found


def assemble_csv(out: Path, table: str, columns: list[str]) -> None:
    """`<table>.csv`: a BOM (so spreadsheet programs read Chinese), the header, then every part's rows."""
    sink = pa.BufferOutputStream()
    pacsv.write_csv(schema(columns).empty_table(), sink)
    header = sink.getvalue().to_pybytes()

    def write(path: Path) -> None:
        with open(path, "wb") as fh:
            fh.write(b"\xef\xbb\xbf" + header)
            for part in range(N_PARTS):
                fragment = fragment_path(out, table, part)
                if fragment.exists():
                    with open(fragment, "rb") as src:
                        _copy(src, fh)
    atomic_write(out / f"{table}.csv", write)


def _copy(src, dst) -> None:
    """Append a file to another, in the kernel where it can (no copy through Python's memory)."""
    size = os.fstat(src.fileno()).st_size
    dst.flush()  # what was written through Python's buffer goes first
    offset = 0
    try:
        while offset < size:
            sent = os.sendfile(dst.fileno(), src.fileno(), offset, size - offset)
            if sent == 0:
                break
            offset += sent
    except (AttributeError, OSError):  # no sendfile between files here: copy the rest through memory
        src.seek(offset)
        while chunk := src.read(1 << 20):
            dst.write(chunk)


def read_table(out: Path, table: str, columns: list[str] | None = None) -> pd.DataFrame:
    """A whole table (every part), or an empty one with its columns when there is none yet."""
    path = out / f"{table}.parquet"
    if not path.exists():
        return pd.DataFrame(columns=columns or [])
    return pq.read_table(path, columns=columns).to_pandas()


def _write_ipc(table: pa.Table, path: Path) -> None:
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table)


def read_compare(out: Path, columns: list[str], as_arrow: bool = False):
    """Every part's comparable claims as one table (a DataFrame, or an Arrow table with `as_arrow`)."""
    tables = []
    for p in range(N_PARTS):
        path = fragment_path(out, COMPARE, p, COMPARE_SUFFIX)
        if path.exists():
            with pa.OSFile(str(path), "rb") as source:
                tables.append(pa.ipc.open_file(source).read_all())
    table = pa.concat_tables(tables) if tables else schema(columns).empty_table()
    return table if as_arrow else table.to_pandas()


# ------------------------------------------------------------ part signatures

def _signatures_path(out: Path) -> Path:
    return out / PARTS_DIR / "signatures.json"


def read_signatures(out: Path) -> dict[int, dict]:
    """Per part: the signature of its inputs and its verdict counts, as the last build left them."""
    try:
        found = {int(k): v for k, v in json.loads(_signatures_path(out).read_text()).items()}
    except (OSError, ValueError, AttributeError):
        return {}
    return {p: v for p, v in found.items() if isinstance(v, dict) and "signature" in v}


def write_signatures(out: Path, signatures: dict[int, dict]) -> None:
    body = json.dumps({str(k): v for k, v in sorted(signatures.items())}, ensure_ascii=False)
    atomic_write(_signatures_path(out), lambda p: p.write_text(body, encoding="utf-8"))


def clear_layout(out: Path) -> None:
    """Remove tables written whole by an earlier version of the build (single Parquet files)."""
    for table in PARQUET_TABLES:
        path = out / f"{table}.parquet"
        if path.is_file():
            os.unlink(path)


# ------------------------------------------------------------ what was written, to check before trusting it

_OUTPUTS = Path(".state") / "outputs.json"
SHARED_FILES = ("claims.csv", "claim_check.csv", "disagreements.csv", "ingest_report.csv")


def _output_files(out: Path) -> list[str]:
    """The table files of a build (parts, fragments, the CSV tables), relative to `out`."""
    names = [n for n in SHARED_FILES if (out / n).is_file()]
    for folder in [*(f"{t}.parquet" for t in PARQUET_TABLES), PARTS_DIR]:
        try:
            names += [f"{folder}/{n}" for n in sorted(os.listdir(out / folder)) if not n.startswith(".")]
        except OSError:
            pass
    return names


def _crc(path: Path) -> str:
    crc = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            crc = zlib.crc32(chunk, crc)
    return f"{crc:08x}"


def _recorded(out: Path) -> dict[str, list] | None:
    try:
        data = json.loads((out / _OUTPUTS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    return {k: v for k, v in data.items() if isinstance(v, list) and len(v) == 3}


def damaged_outputs(out: Path) -> set[str]:
    """The table files that are missing or differ from what the last build recorded (size, then
    CRC-32 of the whole file). Without a record (tables of an older version), the tables that are
    missing."""
    record = _recorded(out)
    if record is None:
        expected = [*(f"{t}.parquet" for t in PARQUET_TABLES), *SHARED_FILES]
        return {n for n in expected if not (out / n).exists()}
    damaged = set()
    for name, (size, _mtime, crc) in record.items():
        try:
            if os.stat(out / name).st_size != size or _crc(out / name) != crc:
                damaged.add(name)
        except OSError:
            damaged.add(name)
    return damaged


def parts_of(names: set[str]) -> set[int]:
    """The parts the named table files belong to."""
    found = set()
    for name in names:
        at = name.find("part-")
        if at >= 0 and name[at + 5 : at + 8].isdigit():
            found.add(int(name[at + 5 : at + 8]))
    return found


def record_outputs(out: Path) -> None:
    """Record every table file's size, modification time and CRC-32 (files unchanged since the last
    record, which the build has just checked, are not read again)."""
    old = _recorded(out) or {}
    record = {}
    for name in _output_files(out):
        try:
            st = os.stat(out / name)
        except OSError:
            continue
        known = old.get(name)
        if known and known[0] == st.st_size and known[1] == st.st_mtime_ns:
            record[name] = known
        else:
            record[name] = [st.st_size, st.st_mtime_ns, _crc(out / name)]
    body = json.dumps(record, sort_keys=True)
    atomic_write(out / _OUTPUTS, lambda p: p.write_text(body, encoding="utf-8"))


def content_digest(out: Path, names: list[str]) -> str:
    """A digest of what the named table files hold (a Parquet table's folder stands for its parts), from
    the sizes and CRC-32s the last build recorded; files it did not record are read. Two folders whose
    named tables hold the same bytes have the same digest, however the files got there."""
    record = _recorded(out) or {}
    lines = []
    for name in names:
        path = out / name
        if path.is_dir():
            try:
                members = [f"{name}/{n}" for n in sorted(os.listdir(path)) if not n.startswith(".")]
            except OSError:
                members = []
        else:
            members = [name]
        for member in members:
            known = record.get(member)
            try:
                st = os.stat(out / member)
            except OSError:
                lines.append(f"{member}\0missing")
                continue
            if known and known[0] == st.st_size and known[1] == st.st_mtime_ns:
                lines.append(f"{member}\0{known[0]}\0{known[2]}")
            else:
                lines.append(f"{member}\0{st.st_size}\0{_crc(out / member)}")
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
