"""The claim check: each spec and event claim against the record, with a verdict and its grounds.

Verdicts (`agrees`, `conflicts`, `unverifiable`) follow the rules a careful
analyst applies: units converted; hedges respected (`超2000 TFLOPS` agrees
only with a figure above 2000); precision and sparsity matched (an H100 FP16
figure of 1979 is the sparse one, 989 the dense one, and the note says which
the article's figure is); dates compared at the precision the text gives;
and where the reference itself holds disagreeing sources, the note says so
rather than picking one. A claim with no comparable reference row is
`unverifiable`, never forced into a match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from .agreement import dates_overlap, hedge_agrees
from .reference import SAME_AS, load_chip_specs, to_base

VERDICT_COLUMNS = ["claim_id", "article_id", "kind", "subject", "metric", "claim_value", "claim_unit", "hedge",
                   "verdict", "reference_rows", "reference_values", "note", "evidence", "sentence"]

# Claim metric -> what reference metrics it can be compared with.
_METRIC_FAMILIES = [
    (re.compile(r"^(FP16|BF16)算力$"), "compute", "FP16"),
    (re.compile(r"^FP8算力$"), "compute", "FP8"),
    (re.compile(r"^FP4算力$"), "compute", "FP4"),
    (re.compile(r"^INT8算力$"), "compute", "INT8"),
    (re.compile(r"^算力$"), "compute", ""),
    (re.compile(r"^卡数$"), "chips per system", ""),
    (re.compile(r"^(HBM|内存|显存)容量$"), "memory capacity", ""),
    (re.compile(r"^带宽$"), "memory bandwidth", ""),
    (re.compile(r"^互联带宽$"), "interconnect bandwidth", ""),
]


def _family(metric: str) -> tuple[str, str] | None:
    for pattern, family, precision in _METRIC_FAMILIES:
        if pattern.match(metric):
            return family, precision
    return None


def _reference_candidates(specs: pd.DataFrame, subject: str, family: str, precision: str) -> pd.DataFrame:
    entity = SAME_AS.get(subject, subject)
    rows = specs[specs["entity"] == entity]
    if family == "compute":
        rows = rows[rows["metric"].str.contains("compute") & ~rows["metric"].str.contains("training")]
        if precision:
            rows = rows[rows["precision"] == precision]
    elif family == "chips per system":
        rows = rows[rows["metric"] == "chips per system"]
    else:
        rows = rows[rows["metric"].isin([family, f"system {family}"])]
    return rows[rows["value_base"].notna()]



@dataclass
class Verdict:
    verdict: str
    rows: list[int]
    values: str
    note: str


def check_spec(claim, specs: pd.DataFrame, cache: dict | None = None) -> Verdict:
    """The verdict on one spec claim; `cache` (one per claim-check run) keeps reference lookups."""
    cache = {} if cache is None else cache
    if claim["unit"] == "ratio":
        return _check_ratio(claim, specs)
    family = _family(claim["metric"])
    if family is None:
        return Verdict("unverifiable", [], "", f"the reference has no {claim['metric']} figures")
    value, base_unit = to_base(float(claim["value"]), claim["unit"]) if claim["unit"] != "cards" else (float(claim["value"]), "chips")
    units = {base_unit, "dies"} if base_unit == "chips" else {base_unit}
    rows = [r for r in _candidate_rows(specs, claim["subject"], *family, cache) if r.unit_base in units]
    if not rows:
        return Verdict("unverifiable", [], "", f"no reference row for {claim['subject']} {claim['metric']}")
    values = "; ".join(f"{r.value_num:g} {r.unit} ({r.precision_note or r.metric})" for r in rows)
    agreeing, notes = [], []
    printed = float(claim["value"])
    for r in rows:
        if hedge_agrees(value, claim["hedge"], r.value_base, printed):
            agreeing.append(r)
            if family[0] == "compute":
                notes.append(_sparsity_note(r))
        elif family[0] == "compute" and _present(r.sparse_value) and hedge_agrees(value, claim["hedge"], to_base(r.sparse_value, r.unit)[0], printed):
            agreeing.append(r)
            notes.append(f"matches the figure with sparsity ({r.sparse_value:g} {r.unit}); the dense figure is {r.value_num:g}")
        elif family[0] == "compute" and _present(r.dense_value) and hedge_agrees(value, claim["hedge"], to_base(r.dense_value, r.unit)[0], printed):
            agreeing.append(r)
            notes.append(f"matches the dense figure ({r.dense_value:g} {r.unit}); the row's figure is with sparsity")
    distinct = {round(r.value_base, 6) for r in rows}
    disagreement = len(distinct) > 1 or any(r.disagreement for r in rows)
    source_note = " The reference's own sources disagree: " + values + "." if disagreement else ""
    ids = [int(r.Index) for r in rows]
    if agreeing:
        status = {r.product_status for r in agreeing}
        extra = " (a vendor roadmap figure)" if "vendor roadmap" in status else ""
        if any(r.unit == "GPU dies" for r in agreeing):
            extra += f"; the reference counts GPU dies, two per package ({value / 2:g} packages)"
        return Verdict("agrees", ids, values, ("; ".join(n for n in notes if n) or "matches") + extra + "." + source_note)
    hedge = f" (hedge {claim['hedge']})" if claim["hedge"] else ""
    return Verdict("conflicts", ids, values,
                   f"the article's {claim['value']:g} {claim['unit']}{hedge} matches no reference figure." + source_note)


def _present(x) -> bool:
    return x is not None and x == x


def _candidate_rows(specs: pd.DataFrame, subject: str, family: str, precision: str, cache: dict) -> list:
    """The candidate reference rows as named tuples (cached per run: the same subjects come up again and again)."""
    key = (subject, family, precision)
    if key not in cache:
        cache[key] = list(_reference_candidates(specs, subject, family, precision).itertuples())
    return cache[key]


def _sparsity_note(r) -> str:
    if r.sparsity == "dense":
        return "matches the dense figure"
    if r.sparsity == "sparse":
        return "matches the figure with sparsity"
    if r.sparsity.startswith("unclear"):
        return "matches a figure its source labels dense, likely wrongly"
    return "matches a figure whose sparsity the source does not state"


def _check_ratio(claim, specs: pd.DataFrame) -> Verdict:
    a = _reference_candidates(specs, claim["subject"], "compute", "")
    b = _reference_candidates(specs, claim["relative_to"], "compute", "")
    common = sorted(set(a["precision"]) & set(b["precision"]) - {""})
    if not common:
        return Verdict("unverifiable", [], "", f"no compute figure at a common precision for {claim['subject']} "
                       f"and {claim['relative_to']}")
    precision = common[0]
    ra = a[a["precision"] == precision].iloc[0]
    rb = b[b["precision"] == precision].iloc[0]
    ratio = ra["value_base"] / rb["value_base"]
    values = (f"{claim['subject']} {ra['value_num']:g} {ra['unit']} ({ra['precision_note']}) / "
              f"{claim['relative_to']} {rb['value_num']:g} {rb['unit']} ({rb['precision_note']}) = {ratio:.2f}")
    ok = abs(ratio - float(claim["value"])) / max(ratio, 1e-9) <= (0.15 if not claim["hedge"] else 0.25)
    note = f"{precision} compute ratio from the reference is {ratio:.2f}"
    if ra["sparsity"] != rb["sparsity"]:
        note += f" ({ra['sparsity']} against {rb['sparsity']}: not like for like)"
    return Verdict("agrees" if ok else "conflicts", [int(ra.name), int(rb.name)], values, note + ".")


def check_event(claim, matched_rows: list[int], reference_events: pd.DataFrame) -> Verdict:
    if not matched_rows:
        return Verdict("unverifiable", [], "", "no export-control event in the reference matches this actor, action and date")
    rows = reference_events.loc[matched_rows]
    values = "; ".join(f"{r.date} {r.actor}: {r.action}" for r in rows.itertuples())
    precision = claim["date_precision"] or "unknown"
    for r in rows.itertuples():
        if dates_overlap(claim["date_start"], claim["date_end"], r.date_start, r.date_end):
            disagreement = " The reference notes a disagreement between its sources on this event." if r.disagreement else ""
            return Verdict("agrees", matched_rows, values, f"date agrees at {precision} precision.{disagreement}")
    return Verdict("conflicts", matched_rows, values, f"the reference dates it differently (compared at {precision} precision).")



def claim_check(claims: pd.DataFrame, specs: pd.DataFrame | None = None,
                events_matched: pd.DataFrame | None = None, reference_events: pd.DataFrame | None = None,
                memo: dict | None = None) -> pd.DataFrame:
    """One verdict row per claim of a kind the reference can speak to (specs and events).

    `memo` keeps reference lookups and spec verdicts from one call to the next (for the same
    `specs`: the build keeps one per worker process)."""
    if specs is None:
        specs, _ = load_chip_specs()
    rows = []
    matched = {}
    if events_matched is not None:
        matched = {r.claim_id: [int(j) for j in str(r.reference_rows).split(";") if j]
                   for r in events_matched.itertuples()}
    memo = {} if memo is None else memo
    spec_verdicts: dict[tuple, Verdict] = memo.setdefault("spec verdicts", {})  # same figure, same thing: same verdict
    lookups: dict = memo.setdefault("lookups", {})
    checkable = claims[claims["kind"].isin(["spec", "event"] if reference_events is not None else ["spec"])]
    for claim in checkable.to_dict("records"):
        if claim["kind"] == "spec":
            key = (claim["subject"], claim["metric"], claim["value"], claim["unit"], claim["hedge"], claim["relative_to"])
            if key not in spec_verdicts:
                spec_verdicts[key] = check_spec(claim, specs, lookups)
            v = spec_verdicts[key]
        elif claim["kind"] == "event" and reference_events is not None:
            v = check_event(claim, matched.get(claim["claim_id"], []), reference_events)
        else:
            continue
        rows.append({
            "claim_id": claim["claim_id"], "article_id": claim["article_id"], "kind": claim["kind"],
            "subject": claim["actor"] if claim["kind"] == "event" else claim["subject"],
            "metric": claim["action"] if claim["kind"] == "event" else claim["metric"],
            "claim_value": (f"{claim['value']:g}" + (f"–{claim['value_max']:g}" if pd.notna(claim["value_max"]) else "")
                            if claim["kind"] == "spec" else (claim["period"] or claim["date_start"])),
            "claim_unit": claim["unit"], "hedge": claim["hedge"], "verdict": v.verdict,
            "reference_rows": ";".join(map(str, v.rows)), "reference_values": v.values, "note": v.note,
            "evidence": claim["evidence"], "sentence": claim["sentence"],
        })
    return pd.DataFrame(rows, columns=VERDICT_COLUMNS)
