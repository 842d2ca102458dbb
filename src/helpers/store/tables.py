"""The tables every notebook reads, as one object, and the order their rows come in.

`load(folder)` reads what the build wrote (`articles`, `sentences`, `claims`, `claim_check`,
`disagreements`, `ingest_report`, the per-article counts `terms` and `theme_chars`, and the sentences
that mention the reference record, `mentions`); the orders
below are the one definition of how rows are sorted, used by the build when it writes and by `load`
when it reads. `load(folder, only=...)` reads just the tables named: a notebook declares the tables
it reads (its `inputs` parameter), and a table it did not declare fails on first use instead of
quietly being read, so the declaration the report runner trusts cannot drift from the code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .. import paths
from . import parts
from .atomic import read_csv_table

ARTICLE_ORDER = ["file"]
SENTENCE_ORDER = ["article_id", "sent_idx"]
CLAIM_ORDER = ["article_id", "char_start", "kind"]
VERDICT_ORDER = ["article_id"]
TERM_ORDER = ["article_id", "term_idx"]
THEME_CHAR_ORDER = ["article_id"]  # stable: an article's themes stay in the lexicon's order
MENTION_ORDER = ["article_id", "sent_idx"]  # stable: a sentence's mentions stay in the order they were read

# Per article: each word (the lexicon's jieba tokenizer over the simplified text; words of two or
# more characters holding a Han character or a Latin letter) with its count, numbered in the order
# the words first occur.
TERM_COLUMNS = ["article_id", "term_idx", "term", "count"]
# Per article with sentences, every theme of the lexicon's term list: the characters of its sentences
# that name a term of the theme, and the characters of all its sentences (simplified text).
THEME_CHAR_COLUMNS = ["article_id", "theme", "chars", "sentence_chars"]
# Per sentence of a unique article that mentions a reference export-control event (`check.events`): the
# event's row of `data/reference/export_controls.csv` (its index in `reference_events()`), read against
# the whole record.
MENTION_COLUMNS = ["article_id", "sent_idx", "reference_row", "sentence"]

# Every table by name, and the files it is kept in (relative to the tables folder): what a notebook
# may declare, and what the report runner sums up to know whether a declared table changed.
TABLE_FILES = {
    "articles": "articles.parquet", "sentences": "sentences.parquet", "claims": "claims.parquet",
    "claim_check": "claim_check.parquet", "disagreements": "disagreements.csv", "ingest_report": "ingest_report.csv",
    "terms": "terms.parquet", "theme_chars": "theme_chars.parquet", "mentions": "mentions.parquet",
}


def newest_published(articles: pd.DataFrame) -> str:
    """The newest publication date (`YYYY-MM-DD`) of the articles that are not duplicates of another, or
    empty when none is dated: the one definition of how recent a corpus is ("as of" on every page, the
    events a corpus can have covered)."""
    unique = articles[articles["duplicate_of"].fillna("") == ""] if "duplicate_of" in articles else articles
    dated = unique["published"].fillna("").astype(str) if "published" in unique else pd.Series(dtype=str)
    dated = dated[dated != ""]
    return str(dated.max()) if len(dated) else ""


class UndeclaredTable(LookupError):
    """A notebook used a table it did not declare in its `inputs`."""


class Undeclared:
    """Stands for a table that was not loaded because it was not declared: any use of it fails, naming it."""

    def __init__(self, name: str):
        self._name = name

    def _fail(self, *args, **kwargs):
        raise UndeclaredTable(f"table {self._name!r} is read but not declared in the notebook's `inputs` parameter")

    def __getattr__(self, attr: str):
        self._fail()

    __getitem__ = __len__ = __iter__ = __contains__ = __bool__ = _fail

    def __repr__(self) -> str:
        return f"Undeclared({self._name!r})"


def sort_rows(df: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """`df` in the given order (stable), with a fresh index."""
    if df.empty:
        return df.reset_index(drop=True)
    return df.sort_values(by, kind="stable").reset_index(drop=True)


@dataclass
class Tables:
    articles: pd.DataFrame
    sentences: pd.DataFrame
    claims: pd.DataFrame
    ingest_report: pd.DataFrame
    claim_check: pd.DataFrame = field(default_factory=pd.DataFrame)
    disagreements: pd.DataFrame = field(default_factory=pd.DataFrame)
    terms: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=TERM_COLUMNS))
    theme_chars: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=THEME_CHAR_COLUMNS))
    mentions: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=MENTION_COLUMNS))

    @property
    def unique_articles(self) -> pd.DataFrame:
        """Articles without their duplicates: what counts go over."""
        return self.articles[self.articles["duplicate_of"] == ""]


def table_names(only: str | Iterable[str] | None) -> list[str]:
    """The tables named (a comma- or space-separated string, or a list), checked; every table for None."""
    if only is None:
        return list(TABLE_FILES)
    names = only.replace(",", " ").split() if isinstance(only, str) else [str(n).strip() for n in only]
    unknown = [n for n in names if n not in TABLE_FILES]
    if unknown:
        raise ValueError(f"unknown table(s) {', '.join(map(repr, unknown))}; the tables are {', '.join(TABLE_FILES)}")
    return names


TEXT_COLUMNS = ("text", "text_zh_hans")  # the articles' whole text: what the pages show, never what a chart counts


def _sorted(tables: Path, name: str, by: list[str], columns: list[str] | None = None) -> pd.DataFrame:
    """A whole table in the given order: sorted by Arrow before conversion (stable, as `sort_rows`, and
    several times faster on millions of rows than sorting the converted frame)."""
    path = tables / f"{name}.parquet"
    if not path.exists():
        return sort_rows(parts.read_table(tables, name, columns), by)
    table = pq.read_table(path, columns=columns)
    if table.num_rows:
        table = table.take(pc.sort_indices(table, sort_keys=[(k, "ascending") for k in by]))
    return table.to_pandas()


def _read(tables: Path, name: str, text: bool = True) -> pd.DataFrame:
    if name == "articles":
        columns = None
        if not text and (tables / "articles.parquet").exists():
            columns = [c for c in pq.ParquetDataset(tables / "articles.parquet").schema.names if c not in TEXT_COLUMNS]
        return _sorted(tables, "articles", ARTICLE_ORDER, columns)
    if name == "sentences":
        return _sorted(tables, "sentences", SENTENCE_ORDER)
    if name == "claims":
        return _sorted(tables, "claims", CLAIM_ORDER)
    if name == "ingest_report":
        return read_csv_table(tables / "ingest_report.csv")
    if name == "claim_check":
        return _sorted(tables, "claim_check", VERDICT_ORDER) if (tables / "claim_check.parquet").exists() \
            else pd.DataFrame()
    if name == "disagreements":
        return (pd.read_csv(tables / "disagreements.csv", encoding="utf-8-sig", keep_default_na=False)
                if (tables / "disagreements.csv").exists() else pd.DataFrame())
    if name == "terms":
        return _sorted(tables, "terms", TERM_ORDER, TERM_COLUMNS)
    if name == "mentions":
        return _sorted(tables, "mentions", MENTION_ORDER, MENTION_COLUMNS)
    return _sorted(tables, "theme_chars", THEME_CHAR_ORDER, THEME_CHAR_COLUMNS)


def load(tables: Path | str = paths.PROCESSED, only: str | Iterable[str] | None = None, text: bool = True) -> Tables:
    """The build's tables, for notebooks (`only`: just those, the others `Undeclared`); a clear error
    when the build has not run. Without `text`, `articles` comes without the articles' whole text
    (`TEXT_COLUMNS`): at 10,000 articles those two columns are most of the table's memory and reading
    time, and notebooks aggregate the per-article tables instead of reading text."""
    tables = Path(tables)
    if not (tables / "articles.parquet").exists():
        raise FileNotFoundError(
            f"no articles.parquet in {tables}: run `python -m helpers build --out {tables}` first"
        )
    wanted = set(table_names(only))
    return Tables(**{name: _read(tables, name, text) if name in wanted else Undeclared(name) for name in TABLE_FILES})
