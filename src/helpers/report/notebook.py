"""What a notebook needs before it shows anything: its parameters read, and the tables to read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..build.pipeline import build
from ..store.tables import Tables, load
from . import show


def parse_as_of(value: str | dt.date | None) -> dt.date:
    """The as-of date parameter: a date, an ISO string, or empty for today."""
    if value is None or value == "":
        return dt.date.today()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise ValueError(f"parameter as_of: {value!r} is not a date (YYYY-MM-DD)") from exc


def ensure_tables(corpus_dir: str | Path, tables_dir: str | Path, inputs: str | None = None) -> Tables:
    """The build's tables (only those `inputs` names, when it names some: the notebook's declaration),
    articles without their whole text (notebooks count the build's tables, they do not read text);
    builds them first when a notebook is run by hand before any build. The articles' titles are what
    the notebook's tables show for an article (`show.table`), when it declares the articles table."""
    tables_dir = Path(tables_dir)
    if not (tables_dir / "articles.parquet").exists():
        build(corpus_dir, tables_dir)
    tables = load(tables_dir, only=inputs, text=False)
    show.use_titles(tables.articles)
    return tables
