"""The claim check: each claim against the record, and the claims on which articles disagree.

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

import datetime as dt
import functools
import math
import hashlib
from pathlib import Path
import re
from dataclasses import dataclass

import pandas as pd

from .clusters import SAME_AS
from .reference import load_chip_specs, to_base

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


@functools.lru_cache(maxsize=65536)
def _rounding_tolerance(printed: float) -> float:
    """Relative tolerance for a figure printed without a hedge: half a unit of its last significant
    digit (600 → ±50, 0.9 → ±0.05, 1979 → ±0.5), and at least 2%."""
    if printed == 0 or not math.isfinite(printed):
        return 0.02
    digits = f"{abs(printed):.6g}".replace(".", "").lstrip("0").rstrip("0") or "0"
    magnitude = math.floor(math.log10(abs(printed)))
    half_unit = 0.5 * 10 ** (magnitude - len(digits) + 1)
    return max(0.02, half_unit / abs(printed))


def hedge_agrees(claim: float, hedge: str, reference: float, printed: float | None = None) -> bool:
    """Whether a reference figure satisfies a claim with its hedge.

    `printed` is the figure as the article wrote it, before any unit conversion: its digits
    decide how much rounding a bare figure allows.
    """
    if not (math.isfinite(claim) and math.isfinite(reference)):
        return False
    if reference == 0 or claim == 0:
        return claim == reference
    if "超" in hedge:
        return reference > claim * 0.999
    if "不足" in hedge:
        return reference < claim * 1.001
    if "约" in hedge or "近" in hedge or "或" in hedge:
        return abs(reference - claim) / abs(reference) <= 0.10
    tolerance = _rounding_tolerance(float(printed if printed is not None else claim))
    return abs(reference - claim) / abs(reference) <= tolerance


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
        if _same_at_precision(claim["date_start"], claim["date_end"], r.date_start, r.date_end):
            disagreement = " The reference notes a disagreement between its sources on this event." if r.disagreement else ""
            return Verdict("agrees", matched_rows, values, f"date agrees at {precision} precision.{disagreement}")
    return Verdict("conflicts", matched_rows, values, f"the reference dates it differently (compared at {precision} precision).")


def _same_at_precision(a0: str, a1: str, b0: str, b1: str) -> bool:
    if not a0 or not b0:
        return False
    a_start, a_end = dt.date.fromisoformat(a0), dt.date.fromisoformat(a1 or a0)
    b_start, b_end = dt.date.fromisoformat(b0), dt.date.fromisoformat(b1 or b0)
    return a_start <= b_end and b_start <= a_end


def claim_check(claims: pd.DataFrame, specs: pd.DataFrame | None = None,
                events_matched: pd.DataFrame | None = None, reference_events: pd.DataFrame | None = None) -> pd.DataFrame:
    """One verdict row per claim of a kind the reference can speak to (specs and events)."""
    if specs is None:
        specs, _ = load_chip_specs()
    rows = []
    matched = {}
    if events_matched is not None:
        matched = {r.claim_id: [int(j) for j in str(r.reference_rows).split(";") if j]
                   for r in events_matched.itertuples()}
    spec_verdicts: dict[tuple, Verdict] = {}  # the same figure about the same thing gets the same verdict
    lookups: dict = {}
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


# ------------------------------------------------------------ disagreements between articles

DISAGREEMENT_COLUMNS = ["group", "kind", "subject", "metric", "scope", "article_id", "figure", "hedge", "date",
                        "speaker", "reason", "sentence"]


def _consistent(a: tuple[float, str], b: tuple[float, str]) -> bool:
    (fa, ha), (fb, hb) = a, b
    if fa != fa or fb != fb:  # NaN: no figure to compare
        return True
    return hedge_agrees(fa, ha, fb) or hedge_agrees(fb, hb, fa)


def disagreements(claims: pd.DataFrame, speakers: pd.Series | None = None) -> pd.DataFrame:
    """Claims on the same subject and metric whose figures differ beyond their hedges, grouped.

    Figures are compared as distinct (figure, hedge) pairs, so a subject written about in
    thousands of articles costs the square of its distinct figures, not of its claims.
    """
    data = claims[claims["kind"].isin(["market_share", "spec", "money"]) & (claims["subject"] != "")].copy()
    data["speaker"] = speakers.reindex(data.index).fillna("") if speakers is not None else data["actor"]
    data["date"] = data["period"].where(data["period"] != "", data["date_start"])
    data["scope_family"] = [scope_family(s) if k == "market_share" else "" for k, s in zip(data["kind"], data["scope"])]
    data["figure_key"] = list(zip(data["to_value"].where(data["to_value"].notna(), data["value"]), data["hedge"].fillna("")))
    out = []
    group_id = 0
    for (kind, subject, metric, unit, _), group in data.groupby(["kind", "subject", "metric", "unit", "scope_family"]):
        if group["article_id"].nunique() < 2:
            continue
        articles_by_key: dict[tuple, set[str]] = {}
        for key, article in zip(group["figure_key"], group["article_id"]):
            articles_by_key.setdefault(key, set()).add(article)
        # Farthest figures first: a clash, if there is one, is found in a step or two.
        keys = sorted(articles_by_key, key=lambda k: (pd.isna(k[0]), k[0] if not pd.isna(k[0]) else 0))
        outward = [keys[i] for pair in zip(range(len(keys) - 1, -1, -1), range(len(keys))) for i in pair]
        outward = list(dict.fromkeys(outward))
        memo: dict[tuple, bool] = {}

        def clashes_elsewhere(key, article) -> bool:
            if (key, article) not in memo:
                memo[(key, article)] = any(
                    j != key and (len(articles_by_key[j]) > 1 or article not in articles_by_key[j])
                    and not _consistent(key, j) for j in outward)
            return memo[(key, article)]

        member_mask = [clashes_elsewhere(key, article) for key, article in zip(group["figure_key"], group["article_id"])]
        members = group[member_mask]
        if members.empty:
            continue
        group_id += 1
        reason = _reason(members[["scope", "date", "speaker"]].to_dict("records"))
        figures = [
            (f"{f:g}→{t:g}" if f == f else f"{v:g}") + (f" {u}" if u != "%" else "%")
            for f, t, v, u in zip(members["from_value"].tolist(), members["to_value"].tolist(),
                                  members["value"].tolist(), members["unit"].tolist())
        ]
        out.append(pd.DataFrame({
            "group": group_id, "kind": kind, "subject": subject, "metric": metric, "scope": members["scope"].tolist(),
            "article_id": members["article_id"].tolist(), "figure": figures, "hedge": members["hedge"].tolist(),
            "date": members["date"].tolist(), "speaker": [s or "(author)" for s in members["speaker"].tolist()],
            "reason": reason, "sentence": members["sentence"].tolist(),
        }))
    if not out:
        return pd.DataFrame(columns=DISAGREEMENT_COLUMNS)
    return pd.concat(out, ignore_index=True)[DISAGREEMENT_COLUMNS]


def scope_family(scope: str) -> str:
    """Shares are compared within one market family: China (中国…, 在华) or global (全球…)."""
    if scope.startswith(("中国", "在华", "国内")):
        return "China"
    if scope.startswith("全球"):
        return "global"
    return scope


def _reason(members: list[dict]) -> str:
    reasons = []
    if len({m["date"] for m in members if m["date"]}) > 1 or (
            any(m["date"] for m in members) and not all(m["date"] for m in members)):
        reasons.append("different time")
    if len({m["speaker"] or "(author)" for m in members}) > 1:
        reasons.append("different speaker")
    return ", ".join(reasons) or "unexplained"


def _checks_signature(tables_dir) -> str:
    """What the verdicts depend on: the build (its own signature) and the reference files."""
    from . import paths

    build_marker = tables_dir / ".build-signature"
    if not build_marker.exists():
        return ""
    h = hashlib.sha256(build_marker.read_bytes())
    for path in sorted(paths.REFERENCE.glob("*.csv")):
        h.update(path.read_bytes())
    for module in ("claimcheck.py", "reference.py", "timeline.py", "narratives.py", "clusters.py"):
        h.update((paths.PACKAGE_DIR / module).read_bytes())
    return h.hexdigest()


def write_checks(tables_dir, log=lambda m: None, load_kept: bool = True) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """Compute verdicts and disagreements for a built tables folder and write them beside the claims."""
    from pathlib import Path
    from filelock import FileLock, Timeout

    tables_dir = Path(tables_dir)
    lock = FileLock(str(tables_dir / ".build.lock"))
    try:
        lock.acquire(timeout=60)
    except Timeout as exc:
        raise RuntimeError(f"another build is writing to {tables_dir}") from exc
    try:
        return _write_checks_locked(tables_dir, log, load_kept)
    finally:
        lock.release()


def _write_checks_locked(tables_dir: Path, log, load_kept: bool = True):
    from . import narratives, timeline
    from .corpus import load, write_table

    signature = _checks_signature(tables_dir)
    marker = tables_dir / ".checks-signature"
    if signature and marker.exists() and marker.read_text() == signature and (tables_dir / "claim_check.parquet").exists():
        log("claim check: tables and reference unchanged, verdicts kept")
        if not load_kept:
            return None, None
        return (pd.read_parquet(tables_dir / "claim_check.parquet"),
                pd.read_csv(tables_dir / "disagreements.csv", encoding="utf-8-sig", keep_default_na=False))
    marker.unlink(missing_ok=True)
    tables = load(tables_dir)
    specs, spec_problems = load_chip_specs(log=log)
    reference = timeline.reference_events()
    matched = timeline.match_reference(timeline.reported_events(tables), reference)
    verdicts = claim_check(tables.claims, specs, matched, reference)
    speakers = narratives.share_claims(tables).set_index("claim_id")["speaker"]
    claims = tables.claims.set_index("claim_id", drop=False)
    disagreeing = disagreements(claims, speakers)
    write_table(verdicts, tables_dir / "claim_check.parquet")
    write_table(verdicts, tables_dir / "claim_check.csv")
    write_table(disagreeing, tables_dir / "disagreements.csv")
    if signature:
        marker.write_text(signature)
    counts = verdicts["verdict"].value_counts().to_dict()
    log("claim check: " + ", ".join(f"{n} {v}" for v, n in sorted(counts.items()))
        + f"; {disagreeing['group'].nunique() if len(disagreeing) else 0} disagreement group(s)")
    return verdicts, disagreeing


def verdict_table(verdicts: pd.DataFrame) -> pd.DataFrame:
    """Verdicts as a reader sees them, glossed."""
    return pd.DataFrame({
        "article": verdicts["article_id"], "kind": verdicts["kind"], "subject (主体)": verdicts["subject"],
        "metric (指标)": verdicts["metric"], "claim (文中)": (verdicts["hedge"] + verdicts["claim_value"].astype(str)
                                                          + " " + verdicts["claim_unit"]).str.strip(),
        "verdict (核查)": verdicts["verdict"], "reference (参考)": verdicts["reference_values"],
        "note": verdicts["note"], "sentence (原句)": verdicts["sentence"],
    })


def finding(verdicts: pd.DataFrame, disagreeing: pd.DataFrame) -> str:
    if verdicts.empty:
        return "No claim the reference can speak to."
    counts = verdicts["verdict"].value_counts()
    text = (f"Of {len(verdicts)} checkable claims, {counts.get('agrees', 0)} agree with the record, "
            f"{counts.get('conflicts', 0)} conflict and {counts.get('unverifiable', 0)} cannot be checked")
    if len(disagreeing):
        first = disagreeing[disagreeing["group"] == disagreeing["group"].min()]
        figures = " vs ".join(dict.fromkeys(first["figure"]))
        text += (f"; articles disagree in {disagreeing['group'].nunique()} group(s), e.g. {first['subject'].iloc[0]} "
                 f"{first['metric'].iloc[0]} {figures} ({first['reason'].iloc[0]})")
    return text + "."


def attach_verdicts(df: pd.DataFrame, verdicts: pd.DataFrame) -> pd.DataFrame:
    """Add the claim check's verdict and note to rows that carry a `claim_id`."""
    if verdicts is None or verdicts.empty or "claim_id" not in df:
        return df.assign(verdict="", verdict_note="")
    lookup = verdicts.set_index("claim_id")[["verdict", "note"]].rename(columns={"note": "verdict_note"})
    out = df.join(lookup, on="claim_id")
    out["verdict"] = out["verdict"].fillna("")
    out["verdict_note"] = out["verdict_note"].fillna("")
    return out


def verdicts_by_kind(verdicts: pd.DataFrame) -> pd.DataFrame:
    """How many claims of each kind agree, conflict or cannot be checked."""
    if verdicts.empty:
        return pd.DataFrame(columns=["agrees", "conflicts", "unverifiable"])
    table = verdicts.groupby(["kind", "verdict"]).size().unstack(fill_value=0)
    return table.reindex(columns=["agrees", "conflicts", "unverifiable"], fill_value=0)


def verdict_chart(by_kind: pd.DataFrame, ax=None):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(7, 2.5))
    if by_kind.empty:
        ax.set_title("No checkable claims")
        return ax
    colors = {"agrees": "#27ae60", "conflicts": "#c0392b", "unverifiable": "#bbb"}
    by_kind.plot.barh(stacked=True, color=[colors[c] for c in by_kind.columns], ax=ax)
    ax.set_xlabel("claims")
    ax.set_ylabel("")
    ax.set_title("Verdicts by kind of claim")
    return ax
