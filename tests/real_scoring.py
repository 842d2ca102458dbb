"""Scoring the extractors on the real-article gold (tests/gold/real/), from tests or by hand.

    .venv/bin/python tests/real_scoring.py dev            # per-kind table of the dev set
    .venv/bin/python tests/real_scoring.py dev --misses   # and every missed and spurious claim

Only the dev set's misses may be printed: the held-out set is scored, never read, while tuning.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gold_real  # noqa: E402
from scoring import Score, score, table  # noqa: E402

from helpers.build.pipeline import build
from helpers.lang import lexicon as lexicon_mod  # noqa: E402
from helpers.store.tables import Tables, load  # noqa: E402


@dataclass
class RealScores:
    name: str
    scores: list[Score]
    missed: pd.DataFrame
    spurious: pd.DataFrame
    lost: int  # gold rows whose evidence the cleaning removed (counted as missed)

    @property
    def by_kind(self) -> dict[str, Score]:
        return {s.kind: s for s in self.scores}

    def table(self) -> str:
        head = f"[real/{self.name}] {sum(s.gold for s in self.scores)} gold claims"
        tail = f"\n({self.lost} gold claims stand in text the cleaning removed)" if self.lost else ""
        return f"{head}\n{table(self.scores)}{tail}"


def read_gold(name: str) -> pd.DataFrame:
    gold = pd.DataFrame(gold_real.read_rows(name), columns=gold_real.COLUMNS).fillna("")
    gold["article_id"] = gold["file"].str.replace(r"\.txt$", "", regex=True)
    for column in gold_real.NUMERIC:
        gold[column] = pd.to_numeric(gold[column], errors="coerce")
    gold["start"] = gold["start"].astype(int)
    gold["end"] = gold["end"].astype(int)
    return gold


def build_all(out: Path) -> Tables:
    """The whole shared folder built as a user would build it (its manifest included)."""
    build(gold_real.articles_dir(), out, log=lambda m: None)
    return load(out)


def score_set(name: str, tables: Tables, canonical=None) -> RealScores:
    gold = read_gold(name)
    canonical = canonical or lexicon_mod.load().canonical
    articles = tables.articles.set_index("article_id")
    claims = tables.claims[tables.claims["article_id"].isin(set(gold["article_id"]))]
    spans, lost = [], 0
    aligners: dict[str, gold_real.RawToClean] = {}
    for row in gold.itertuples():
        if row.article_id not in aligners:
            clean = articles.loc[row.article_id, "text"] if row.article_id in articles.index else ""
            aligners[row.article_id] = gold_real.RawToClean(gold_real.raw_text(row.file), clean)
        span = aligners[row.article_id].span(row.start, row.end)
        lost += span is None
        spans.append([span] if span else [])
    scores, missed, spurious = score(claims.reset_index(drop=True), gold, spans, canonical)
    return RealScores(name, scores, missed, spurious, lost)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("set", choices=gold_real.SETS)
    parser.add_argument("--misses", action="store_true", help="print missed and spurious claims (dev only)")
    parser.add_argument("--kind", help="only this kind's misses")
    parser.add_argument("--tables", help="an existing build of the shared folder to score")
    args = parser.parse_args(argv)
    if args.misses and args.set != "dev":
        parser.error("the held-out set's misses are not read while tuning")
    if args.tables:
        tables = load(args.tables)
    else:
        tables = build_all(Path(tempfile.mkdtemp(prefix="real-gold-")))
    result = score_set(args.set, tables)
    print(result.table())
    if args.misses:
        pd.set_option("display.width", 250)
        pd.set_option("display.max_colwidth", 60)
        pd.set_option("display.max_rows", 1000)
        missed, spurious = result.missed, result.spurious
        if args.kind:
            missed, spurious = missed[missed["kind"] == args.kind], spurious[spurious["kind"] == args.kind]
        texts = {f: gold_real.raw_text(f) for f in missed["file"].unique()}
        print("\nMISSED")
        for r in missed.itertuples():
            fields = {c: getattr(r, c) for c in ("subject", "metric", "value", "unit", "date_start", "actor", "hedge", "status")
                      if getattr(r, c) == getattr(r, c) and getattr(r, c) != ""}
            print(f"{r.file} {r.kind}: {texts[r.file][r.start:r.end]}  {fields}")
        print("\nSPURIOUS")
        for r in spurious.itertuples():
            fields = {c: getattr(r, c) for c in ("subject", "metric", "value", "unit", "date_start", "actor", "hedge")
                      if getattr(r, c) == getattr(r, c) and getattr(r, c) not in ("", None)}
            print(f"{r.article_id} {r.kind}: {r.evidence}  {fields}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
