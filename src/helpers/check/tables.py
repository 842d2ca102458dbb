"""The checks of one set of articles: verdicts, and the claims the disagreement search compares.

Everything here is per claim or per article, so the build runs it on each part of the corpus and
only on the parts that changed; disagreements are then found across all parts
(`disagreements.disagreement_table`).
"""

from __future__ import annotations

import pandas as pd

from ..lang import lexicon as lexicon_mod
from ..store.tables import Tables
from .disagreements import comparable_claims
from .review import apply_to_claims, apply_to_verdicts
from .events import match_reference, reported_events
from .speakers import share_speakers
from .verdicts import claim_check


def check_tables(tables: Tables, specs: pd.DataFrame, reference_events: pd.DataFrame, lexicon=None,
                 memo: dict | None = None, overrides: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Verdicts of a set of articles' claims, and their comparable claims (for `disagreements_among`), with the
    reviewers' `overrides` applied: field corrections before the check, verdicts after it."""
    lexicon = lexicon or lexicon_mod.load()
    if overrides is not None and not overrides.empty:
        tables = Tables(tables.articles, tables.sentences, apply_to_claims(tables.claims, overrides),
                        tables.ingest_report)
    matched = match_reference(reported_events(tables, lexicon), reference_events, lexicon)
    verdicts = claim_check(tables.claims, specs, matched, reference_events, memo, lexicon)
    verdicts = apply_to_verdicts(verdicts, overrides if overrides is not None else pd.DataFrame())
    compare = comparable_claims(tables.claims, share_speakers(tables.claims), lexicon, tables.articles)
    return verdicts, compare[~compare["claim_id"].isin(legitimate_values(verdicts))].reset_index(drop=True)


def legitimate_values(verdicts: pd.DataFrame) -> set[str]:
    """Spec claims whose figure is one of several the record gives for the product (dense and sparse
    compute, configurations, sources that differ): such figures can all hold, so they are no disagreement."""
    if verdicts.empty:
        return set()
    specs = verdicts[(verdicts["kind"] == "spec") & (verdicts["verdict"] == "agrees")]
    several = (specs["reference_values"].fillna("").str.contains(";")
               | specs["note"].fillna("").str.contains("dense|sparsity"))
    return set(specs.loc[several, "claim_id"])
