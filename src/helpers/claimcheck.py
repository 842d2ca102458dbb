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
import hashlib
import json
import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

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


def rounding_tolerances(printed) -> np.ndarray:
    """Relative tolerance of figures printed without a hedge: half a unit of each one's last significant
    digit (600 → ±50, 0.9 → ±0.05, 1979 → ±0.5, 1.5e10 → ±0.05e10), and at least 2%. Vectorised."""
    a = np.abs(np.atleast_1d(np.asarray(printed, dtype="float64")))
    out = np.full(a.shape, 0.02)
    ok = np.isfinite(a) & (a > 0)
    if not ok.any():
        return out
    x = a[ok]
    magnitude = np.floor(np.log10(x))

    def to_significant(d: int) -> np.ndarray:
        scale = 10.0 ** (d - 1 - magnitude)
        return np.round(x * scale) / scale

    six = to_significant(6)  # figures are compared as printed to six significant digits at most
    digits = np.full(x.shape, 6.0)
    for d in range(5, 0, -1):
        digits = np.where(np.isclose(to_significant(d), six, rtol=1e-12, atol=0), d, digits)
    half_unit = 0.5 * 10.0 ** (magnitude - digits + 1)
    out[ok] = np.maximum(0.02, half_unit / x)
    return out


def _rounding_tolerance(printed: float) -> float:
    return float(rounding_tolerances(printed)[0])


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


# ------------------------------------------------------------ disagreements between articles

DISAGREEMENT_COLUMNS = ["group", "kind", "subject", "metric", "scope", "article_id", "figure", "hedge", "date",
                        "speaker", "reason", "sentence"]
# What the disagreement search needs of a claim (the build keeps these per part of the corpus).
COMPARE_COLUMNS = ["claim_id", "article_id", "kind", "subject", "scope", "metric", "unit", "value", "from_value",
                   "to_value", "hedge", "period", "date_start", "char_start", "sentence", "speaker"]
_COMPARED_KINDS = ["market_share", "spec", "money"]


def comparable_claims(claims: pd.DataFrame, speakers: pd.Series | None = None) -> pd.DataFrame:
    """The claims that can disagree between articles (shares, specs, money with a subject), with their
    speaker: the quote's speaker for a share figure inside a quote (`speakers`, by claim id), else the actor."""
    data = claims[claims["kind"].isin(_COMPARED_KINDS) & (claims["subject"] != "")]
    if speakers is not None:
        speaker = data["claim_id"].map(speakers.astype(object)).astype(object).where(lambda x: x.notna(), "")
        speaker = speaker.where(data["kind"] == "market_share", data["actor"])
    else:
        speaker = data["actor"]
    return data.assign(speaker=speaker.astype(str))[COMPARE_COLUMNS].reset_index(drop=True)


def _hedge_kind(hedge: str) -> int:
    """The hedge as `hedge_agrees` reads it: 1 above, 2 below, 3 about, 0 exact (within rounding)."""
    if "超" in hedge:
        return 1
    if "不足" in hedge:
        return 2
    if "约" in hedge or "近" in hedge or "或" in hedge:
        return 3
    return 0


def _consistency(figures: np.ndarray, hedges: list[str]) -> np.ndarray:
    """K × K: whether figure i (with its hedge) and figure j can both be true; `hedge_agrees` both ways, vectorised."""
    f = figures.astype("float64")
    kind = np.array([_hedge_kind(h) for h in hedges])
    with np.errstate(divide="ignore", invalid="ignore"):
        rel = np.abs(f[None, :] - f[:, None]) / np.abs(f[None, :])  # row: the claim, column: the figure it meets
        tol = rounding_tolerances(f)
        agrees = rel <= tol[:, None]
        for code, test in ((1, lambda c: f[None, :] > c * 0.999), (2, lambda c: f[None, :] < c * 1.001),
                           (3, None)):
            rows = np.flatnonzero(kind == code)
            if len(rows):
                agrees[rows] = test(f[rows, None]) if test else rel[rows] <= 0.10
    zero = f == 0
    if zero.any():
        agrees[zero, :] = zero[None, :]
        agrees[:, zero] = zero[:, None]
    bad = ~np.isfinite(f)
    if bad.any():
        agrees[bad, :] = False
        agrees[:, bad] = False
    return agrees | agrees.T


def _members(keys: np.ndarray, figures: np.ndarray, hedges: list[str], articles: list[str]) -> np.ndarray:
    """For each claim of one group (given as the index of its distinct (figure, hedge) key), whether
    its figure clashes with a figure that some other article gives."""
    n_keys = len(figures)
    clash = ~_consistency(figures, hedges)
    np.fill_diagonal(clash, False)
    article_codes, article_names = pd.factorize(pd.Series(articles, dtype=object))
    holder = np.full(n_keys, -1)  # the one article that gives a figure, or -2 when several do
    for k, a in zip(keys.tolist(), article_codes.tolist()):
        holder[k] = a if holder[k] in (-1, a) else -2
    # A figure is in disagreement when it clashes with a figure two or more articles give, or with
    # figures that articles other than its own give: min and max of the lone holders it clashes with
    # tell whether there is one such article (and which) or several.
    shared = holder == -2
    any_shared = (clash & shared[None, :]).any(axis=1)
    lone = np.where(clash & ~shared[None, :], holder[None, :], -1)
    highest = lone.max(axis=1)
    lowest = np.where(lone >= 0, lone, np.iinfo(np.int64).max).min(axis=1)
    several = (highest >= 0) & (lowest != highest)
    row_key = keys
    return (any_shared[row_key] | several[row_key]
            | ((highest[row_key] >= 0) & (highest[row_key] != article_codes)))


def disagreements(claims: pd.DataFrame, speakers: pd.Series | None = None) -> pd.DataFrame:
    """Claims on the same subject and metric whose figures differ beyond their hedges, grouped."""
    return disagreements_among(comparable_claims(claims, speakers))


def disagreements_among(data: pd.DataFrame, memo=None) -> pd.DataFrame:
    """Disagreement groups in a table of `comparable_claims` (see `disagreement_table`)."""
    if data.empty:
        return pd.DataFrame(columns=DISAGREEMENT_COLUMNS)
    from .parts import schema

    table = pa.Table.from_pandas(data[COMPARE_COLUMNS], schema=schema(COMPARE_COLUMNS), preserve_index=False)
    return disagreement_table(table, memo).to_pandas()


def disagreement_table(table: pa.Table, memo=None) -> pa.Table:
    """Disagreement groups in an Arrow table of comparable claims, as an Arrow table.

    Figures are compared as distinct (figure, hedge) pairs in one matrix per subject and metric,
    so a subject written about in thousands of articles costs the square of its distinct figures,
    not of its claims. `memo` (an object with `get_many` and `put_many`, such as the build's cache)
    keeps which claims of a group disagree, by the group's figures, hedges and articles: a rebuild
    compares again only the groups whose claims changed. The columns are handled by Arrow and
    numpy, row by row only where a group is compared.
    """
    from .parts import schema

    out_schema = schema(DISAGREEMENT_COLUMNS).set(0, pa.field("group", pa.int64()))
    if table.num_rows == 0:
        return out_schema.empty_table()
    # Each article's claims in reading order (as they come), articles by id.
    article_codes, _ = pd.factorize(table.column("article_id").to_pandas(), sort=True)
    order = np.argsort(article_codes, kind="stable")
    table = table.take(pa.array(order))
    article_codes = article_codes[order]
    to_value, value, from_value = (table.column(c).to_numpy(zero_copy_only=False).astype("float64")
                                   for c in ("to_value", "value", "from_value"))
    figure = np.where(np.isnan(to_value), value, to_value)
    hedge = pc.fill_null(table.column("hedge"), "")
    scope = table.column("scope")
    text = pa.large_string()
    family = pc.if_else(pc.match_substring_regex(scope, "^(中国|在华|国内)"), pa.scalar("China", text),
                        pc.if_else(pc.starts_with(scope, "全球"), pa.scalar("global", text), scope))
    family = pc.if_else(pc.equal(table.column("kind"), "market_share"), family, pa.scalar("", text))
    joined = pc.binary_join_element_wise(*(pc.fill_null(table.column(c), "") for c in ("kind", "subject", "metric", "unit")),
                                         family, pa.scalar("\x1f", text))
    codes, uniques = pd.factorize(joined.to_pandas())
    rank = np.empty(len(uniques), dtype="int64")  # groups in the order of their (kind, subject, …) keys
    rank[sorted(range(len(uniques)), key=lambda i: tuple(uniques[i].split("\x1f")))] = np.arange(len(uniques))
    group_codes = np.where(np.isnan(figure), -1, rank[codes])  # no figure: nothing to disagree with
    by_group = np.argsort(group_codes, kind="stable")
    bounds = np.flatnonzero(np.diff(group_codes[by_group])) + 1
    groups = [rows for rows in np.split(by_group, bounds)
              if group_codes[rows[0]] >= 0 and article_codes[rows[0]] != article_codes[rows[-1]]]  # 2+ articles
    hedges = np.asarray(hedge.to_numpy(zero_copy_only=False), dtype=object)
    articles = np.asarray(table.column("article_id").to_numpy(zero_copy_only=False), dtype=object)
    digests = [_group_digest(figure[rows], hedges[rows].tolist(), articles[rows].tolist()) for rows in groups]
    known = memo.get_many(digests) if memo is not None else {}
    learned: list[tuple[str, str]] = []
    picked: list[np.ndarray] = []
    for rows, digest in zip(groups, digests):
        if digest in known:
            positions = json.loads(known[digest])
        else:
            distinct: dict[tuple, int] = {}
            keys = np.array([distinct.setdefault((f, h), len(distinct))
                             for f, h in zip(figure[rows].tolist(), hedges[rows].tolist())])
            member = _members(keys, np.array([f for f, _ in distinct]), [h for _, h in distinct],
                              articles[rows].tolist())
            positions = np.flatnonzero(member).tolist()
            learned.append((digest, json.dumps(positions)))
        if positions:
            picked.append(rows[positions])
    if memo is not None and learned:
        memo.put_many(learned)
    if not picked:
        return out_schema.empty_table()
    rows = np.concatenate(picked)
    chosen = table.take(pa.array(rows))
    period = pc.fill_null(chosen.column("period"), "")
    date = pc.if_else(pc.equal(period, ""), pc.fill_null(chosen.column("date_start"), ""), period)
    speaker = pc.fill_null(chosen.column("speaker"), "")
    dates, speakers = date.to_pylist(), speaker.to_pylist()
    group_of, reasons, start = [], [], 0
    for number, members in enumerate(picked, start=1):
        end = start + len(members)
        group_of += [number] * len(members)
        reasons += [_reason(dates[start:end], speakers[start:end])] * len(members)
        start = end
    units = chosen.column("unit").to_pylist()
    figures = [
        (f"{f:g}→{t:g}" if f == f else f"{v:g}") + ("%" if u == "%" else f" {u}")
        for f, t, v, u in zip(from_value[rows].tolist(), to_value[rows].tolist(), value[rows].tolist(), units)
    ]
    return pa.table({
        "group": pa.array(group_of, pa.int64()), "kind": chosen.column("kind"), "subject": chosen.column("subject"),
        "metric": chosen.column("metric"), "scope": chosen.column("scope"), "article_id": chosen.column("article_id"),
        "figure": pa.array(figures, pa.large_string()), "hedge": hedge.take(pa.array(rows)), "date": date,
        "speaker": pc.if_else(pc.equal(speaker, ""), pa.scalar("(author)", text), speaker),
        "reason": pa.array(reasons, pa.large_string()), "sentence": chosen.column("sentence"),
    }, schema=out_schema)


def _group_digest(figures: np.ndarray, hedges: list[str], articles: list[str]) -> str:
    """What decides which claims of a group disagree: their figures, hedges and articles, in order."""
    from .versions import TABLES_CODE  # the rules that decide it

    h = hashlib.sha256(TABLES_CODE.encode())
    h.update(np.ascontiguousarray(figures, dtype="float64").tobytes())
    h.update("\x1f".join(hedges).encode("utf-8"))
    h.update("\x1e".join(articles).encode("utf-8"))
    return "disagreeing:" + h.hexdigest()


def scope_family(scope: str) -> str:
    """Shares are compared within one market family: China (中国…, 在华) or global (全球…)."""
    if scope.startswith(("中国", "在华", "国内")):
        return "China"
    if scope.startswith("全球"):
        return "global"
    return scope


def _reason(dates: list[str], speakers: list[str]) -> str:
    reasons = []
    dated = {d for d in dates if d}
    if len(dated) > 1 or (dated and not all(dates)):
        reasons.append("different time")
    if len({s or "(author)" for s in speakers}) > 1:
        reasons.append("different speaker")
    return ", ".join(reasons) or "unexplained"


# ------------------------------------------------------------ one part of the corpus at a time

def check_tables(tables, specs: pd.DataFrame, reference_events: pd.DataFrame, lexicon=None, memo: dict | None = None
                 ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Verdicts of a set of articles' claims, and their comparable claims (for `disagreements_among`).

    Everything here is per claim or per article, so the build runs it on each part of the corpus
    and only on the parts that changed; disagreements are then found across all parts."""
    from . import narratives, timeline

    matched = timeline.match_reference(timeline.reported_events(tables, lexicon), reference_events, lexicon)
    verdicts = claim_check(tables.claims, specs, matched, reference_events, memo)
    speakers = narratives.share_claims(tables).set_index("claim_id")["speaker"]
    return verdicts, comparable_claims(tables.claims, speakers)


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
