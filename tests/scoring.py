"""Scoring extracted claims against hand-annotated gold rows (used by test_gold.py and by hand)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

KINDS = ["market_share", "event", "spec", "money", "quote"]


def _num(x) -> float | None:
    if x is None or x == "" or (isinstance(x, float) and math.isnan(x)):
        return None
    return float(x)


def _close(a, b) -> bool:
    a, b = _num(a), _num(b)
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= max(0.051, abs(b) * 1e-6)


def key_fields_agree(kind: str, pred: dict, gold: dict, canonical) -> bool:
    """What must be right for a claim to count: the figure, the date, or the speaker."""
    if kind == "market_share":
        return _close(pred.get("value"), gold.get("value"))
    if kind in ("spec", "money"):
        return _close(pred.get("value"), gold.get("value")) and pred.get("unit") == gold.get("unit")
    if kind == "event":
        return (pred.get("date_start") or "") == (gold.get("date_start") or "")
    if kind == "quote":
        # The same speaker: the same name, or one names the other's organisation or role
        # (英伟达 / 英伟达发言人, 分析师 / 芯片行业分析师).
        p, g = canonical(pred.get("actor") or ""), canonical(gold.get("actor") or "")
        return p == g or (bool(p) and bool(g) and (p in g or g in p))
    return True


@dataclass
class Score:
    kind: str
    gold: int
    predicted: int
    matched_gold: int
    matched_pred: int

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.matched_pred / self.predicted if self.predicted else 1.0


def evidence_spans(gold: pd.DataFrame, texts: dict[str, str]) -> list[list[tuple[int, int]]]:
    """For gold rows that write their evidence out: every place it stands in the cleaned text."""
    spans = []
    for row in gold.itertuples():
        text = texts[row.article_id]
        found, pos = [], text.find(row.evidence)
        while pos != -1:
            found.append((pos, pos + len(row.evidence)))
            pos = text.find(row.evidence, pos + 1)
        if not found:
            raise AssertionError(f"gold evidence not in cleaned text of {row.article_id}: {row.evidence!r}")
        spans.append(found)
    return spans


def score(claims: pd.DataFrame, gold: pd.DataFrame, spans: list[list[tuple[int, int]]], canonical) -> tuple[list[Score], pd.DataFrame, pd.DataFrame]:
    """Scores by kind, plus the unmatched gold rows and unmatched predictions (for reading).
    `spans`: per gold row, the spans of the cleaned text its evidence may stand at (none: lost)."""
    gold = gold.copy()
    gold["spans"] = spans
    pred_matched, gold_matched = set(), set()
    preds = claims.to_dict("records")
    gold_rows = gold.to_dict("records")
    for gi, g in enumerate(gold_rows):
        for pi, p in enumerate(preds):
            if pi in pred_matched or p["article_id"] != g["article_id"] or p["kind"] != g["kind"]:
                continue
            if not any(p["char_start"] < e and s < p["char_end"] for s, e in g["spans"]):
                continue
            if key_fields_agree(g["kind"], p, g, canonical):
                pred_matched.add(pi)
                gold_matched.add(gi)
                break
    # A second prediction over the same gold row counts as spurious: a repeated claim double-counts in the tables.
    scores = []
    for kind in KINDS:
        g_idx = [i for i, g in enumerate(gold_rows) if g["kind"] == kind]
        p_idx = [i for i, p in enumerate(preds) if p["kind"] == kind]
        scores.append(Score(kind, len(g_idx), len(p_idx),
                            sum(i in gold_matched for i in g_idx), sum(i in pred_matched for i in p_idx)))
    missed = gold.iloc[[i for i in range(len(gold_rows)) if i not in gold_matched]].drop(columns=["spans"])
    spurious = claims.iloc[[i for i in range(len(preds)) if i not in pred_matched]]
    return scores, missed, spurious


def table(scores: list[Score]) -> str:
    lines = [f"{'kind':<14}{'gold':>6}{'found':>7}{'recall':>8}{'precision':>11}"]
    for s in scores:
        lines.append(f"{s.kind:<14}{s.gold:>6}{s.predicted:>7}{s.recall:>8.2f}{s.precision:>11.2f}")
    return "\n".join(lines)
