"""The tables every notebook reads, as one object, and the order their rows come in.

`load(folder)` reads what the build wrote (`articles`, `sentences`, `claims`, `claim_check`,
`disagreements`, `ingest_report`); the orders below are the one definition of how rows are sorted,
used by the build when it writes and by `load` when it reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import paths
from . import parts
from .atomic import read_csv_table

ARTICLE_ORDER = ["file"]
SENTENCE_ORDER = ["article_id", "sent_idx"]
CLAIM_ORDER = ["article_id", "char_start", "kind"]
VERDICT_ORDER = ["article_id"]


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

    @property
    def unique_articles(self) -> pd.DataFrame:
        """Articles without their duplicates: what counts go over."""
        return self.articles[self.articles["duplicate_of"] == ""]


def load(tables: Path | str = paths.PROCESSED) -> Tables:
    """The build's tables, for notebooks; a clear error when the build has not run."""
    tables = Path(tables)
    if not (tables / "articles.parquet").exists():
        raise FileNotFoundError(
            f"no articles.parquet in {tables}: run `python -m helpers build --out {tables}` first"
        )
    return Tables(
        articles=sort_rows(parts.read_table(tables, "articles", None), ARTICLE_ORDER),
        sentences=sort_rows(parts.read_table(tables, "sentences"), SENTENCE_ORDER),
        claims=sort_rows(parts.read_table(tables, "claims"), CLAIM_ORDER),
        ingest_report=read_csv_table(tables / "ingest_report.csv"),
        claim_check=sort_rows(parts.read_table(tables, "claim_check"), VERDICT_ORDER)
        if (tables / "claim_check.parquet").exists() else pd.DataFrame(),
        disagreements=(pd.read_csv(tables / "disagreements.csv", encoding="utf-8-sig", keep_default_na=False)
                       if (tables / "disagreements.csv").exists() else pd.DataFrame()),
    )
