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

from ..extract.hedges import hedge_before
from .agreement import ABOUT, ABOVE, BELOW, dates_overlap, hedge_agrees, hedge_kind
from .events import MATCH_SLACK_DAYS, MATCH_WINDOW_DAYS
from .reference import SAME_AS, UNITS, load_chip_specs, to_base

VERDICT_COLUMNS = ["claim_id", "article_id", "kind", "subject", "metric", "claim_value", "claim_unit", "hedge",
                   "verdict", "reference_rows", "reference_values", "note", "evidence", "sentence", "overridden"]

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


VERDICTS = ("agrees", "conflicts", "needs_review", "unverifiable")
NEAR_MISS = 0.02  # a hedged figure this close outside its bound is a rounding question, not a contradiction
RATIO_TOLERANCE = 0.15  # a bare ratio between chips (`6倍`) is a loose figure; `约` allows a quarter
RATIO_ABOUT_TOLERANCE = 0.25

# What a ratio is of, read from the text around its figure, before the metric the extractor gave it.
_BENCHMARK = re.compile(r"场景|效果|测试|实测|跑分|得分|基准|benchmark|MLPerf|性价比|能效|功耗|耗电|效率", re.I)
_PRICE = re.compile(r"[价價][格钱錢]|[售定报報][价價]|成本|费用|費用|便宜|[贵貴]")
_COUNT_WORDS = re.compile(r"卡数|芯片数|晶片数|颗数|张数")
_SPARSE_WORDS = re.compile(r"稀疏|sparsity|sparse", re.I)
_DENSE_WORDS = re.compile(r"稠密|dense|非稀疏", re.I)
# A ratio's metric as the extractor names it -> the reference family it can be checked on.
_RATIO_FAMILIES = [
    (re.compile(r"^(芯片数|卡数|晶片数)$"), ("chips per system", "")),
    (re.compile(r"^(显存|内存|HBM)(容量)?$"), ("memory capacity", "")),
    (re.compile(r"^(显存|内存|HBM)?带宽$"), ("memory bandwidth", "")),
    (re.compile(r"^(性能|算力)$"), ("compute", "")),
    (re.compile(r"^(FP16|BF16)算力$"), ("compute", "FP16")),
    (re.compile(r"^FP8算力$"), ("compute", "FP8")),
    (re.compile(r"^FP4算力$"), ("compute", "FP4")),
    (re.compile(r"^INT8算力$"), ("compute", "INT8")),
]


def _around(claim) -> tuple[str, str]:
    """The clause a claim's figure sits in (up to `；` / `;` / `。`), in simplified script, cut at the end of
    the comma phrase holding the figure; and that phrase with the one before it (`_phrase`: the phrase alone)."""
    sentence = str(claim.get("sentence_zh_hans") or claim.get("sentence") or "")
    original = str(claim.get("sentence") or sentence)
    evidence = str(claim.get("evidence") or "")
    at = original.find(evidence) if evidence and len(original) == len(sentence) else -1
    if at < 0 and evidence:  # regional words change the length (輝達 → 英伟达): find the figure in the copy itself
        at = sentence.find(evidence)
    if at < 0:
        return sentence, sentence
    end = at + len(evidence)
    stop = re.search(r"[，,；;。！？]", sentence[end:])
    end = end + stop.start() if stop else len(sentence)
    begin = max(sentence.rfind(c, 0, at) for c in "；;。！？") + 1
    clause = sentence[begin:end]
    phrases = re.split(r"[，,]", clause)
    return clause, "，".join(phrases[-2:])


def _phrase(claim) -> str:
    """The comma phrase holding the claim's figure (the whole sentence when the figure is not found)."""
    clause, _ = _around(claim)
    return re.split(r"[，,]", clause)[-1] if clause else ""


def _named(text: str, lexicon) -> list:
    return [m for m in lexicon.mentions(text) if m.type in ("chip", "system", "company")] if lexicon else []


_COMPARED_OBJECT = re.compile(r"^(?:的)?(?:性能|算力|规模|卡数|芯片数量?)?(?:的)?[约近]?[\d一二三四五六七八九十两半百]+(?:\.\d+)?(?:倍|%|成|分之)")


def _other_product(claim, clause: str, lexicon) -> str:
    """The product the figure's clause is about instead of the claim's subject (`壁仞…目标H100性能的80%`
    pinned on the 思元590 named in the clause before), or ''. A product named as what something is
    compared with (`约为H20的5倍`) is not what the clause is about."""
    if lexicon is None or not clause:
        return ""
    subject = SAME_AS.get(claim["subject"], claim["subject"])
    named = [m for m in _named(clause, lexicon) if not _COMPARED_OBJECT.match(clause[m.end:])]
    if any(m.canonical == subject or SAME_AS.get(m.canonical) == subject for m in named):
        return ""
    skip = {claim.get("relative_to") or ""}
    for name in (subject, claim.get("relative_to") or ""):
        entity = lexicon.entity(name)
        if entity is not None and entity.parent:
            skip.add(entity.parent)
    others = [m for m in named if m.canonical not in skip]
    products = [m.canonical for m in others if m.type in ("chip", "system")]
    return (products or [m.canonical for m in others] or [""])[0]


def _kind_of(specs: pd.DataFrame, name: str) -> str:
    rows = specs[specs["entity"] == SAME_AS.get(name, name)]
    kinds = set(rows["kind"]) - {"note"}
    return kinds.pop() if len(kinds) == 1 else ""


def _basis(r) -> str:
    """A reference row as a reader needs it to see why a figure conflicts: value, unit, basis, status, source."""
    status = "" if r.status == "shipping" else f", {r.status}"
    return f"{r.product} {r.value_num:g} {r.unit} ({r.precision_note or r.metric}{status}; {r.source_url})"


def _text_hedge(claim) -> tuple[str, str]:
    """The hedge the text puts right before the figure (`不到H100的两成`) when the claim lost it, and the
    words it stands in; ('', '') when there is none. Read with the extractors' hedge grammar
    (`extract.hedges.hedge_before`), the one home of how a hedge is written."""
    sentence, evidence = str(claim.get("sentence") or ""), str(claim.get("evidence") or "")
    simplified = str(claim.get("sentence_zh_hans") or sentence)
    at = sentence.find(evidence) if evidence else -1
    if at < 0 or len(simplified) != len(sentence):
        return "", ""
    hedge = hedge_before(simplified, at)
    return hedge, sentence[max(0, at - 4):at] if hedge else ""


def check_spec(claim, specs: pd.DataFrame, cache: dict | None = None, lexicon=None) -> Verdict:
    """The verdict on one spec claim; `cache` (one per claim-check run) keeps reference lookups; `lexicon`
    lets the check see the products a sentence names (a figure pinned on the wrong one is `needs_review`)."""
    cache = {} if cache is None else cache
    if not claim.get("hedge"):
        hedge, written = _text_hedge(claim)
        if hedge:
            verdict = check_spec({**claim, "hedge": hedge}, specs, cache, lexicon)
            return Verdict(verdict.verdict, verdict.rows, verdict.values,
                           f"{verdict.note} (hedge {hedge} read from the text before the figure: “{written}”)")
    if claim["unit"] == "ratio":
        return _check_ratio(claim, specs, lexicon)
    family = _family(claim["metric"])
    if family is None:
        return Verdict("unverifiable", [], "", f"the reference has no {claim['metric']} figures")
    value, base_unit = to_base(float(claim["value"]), claim["unit"]) if claim["unit"] != "cards" else (float(claim["value"]), "chips")
    units = {base_unit, "dies"} if base_unit == "chips" else {base_unit}
    rows = [r for r in _candidate_rows(specs, claim["subject"], *family, cache) if r.unit_base in units]
    if not rows:
        return Verdict("unverifiable", [], "", f"no reference row for {claim['subject']} {claim['metric']}")
    values = "; ".join(f"{r.value_num:g} {r.unit} ({r.precision_note or r.metric})" for r in rows)
    printed = float(claim["value"])
    phrase = _phrase(claim)
    stated = "sparse" if _SPARSE_WORDS.search(phrase) else "dense" if _DENSE_WORDS.search(phrase) else ""
    agreeing, notes, other_basis = [], [], []
    for r in rows:
        for figure, basis, note in _figures(r, family[0]):
            if hedge_agrees(value, claim["hedge"], figure, printed):
                if stated and basis in ("dense", "sparse") and basis != stated:
                    other_basis.append(f"{figure:g} {r.unit_base} is the {basis} figure, the article says {stated}")
                    continue
                agreeing.append(r)
                notes.append(note)
                break
    distinct = {round(r.value_base, 6) for r in rows}
    disagreement = len(distinct) > 1 or any(r.disagreement for r in rows)
    source_note = " The reference's own sources disagree: " + values + "." if disagreement else ""
    ids = [int(r.Index) for r in rows]
    if agreeing:
        status = {r.product_status for r in agreeing}
        extra = " (a vendor roadmap figure)" if "vendor roadmap" in status else ""
        if any(r.unit == "GPU dies" for r in agreeing):
            extra += f"; the reference counts GPU dies, two per package ({value / 2:g} packages)"
        if family[0] == "compute" and not family[1]:
            return Verdict("needs_review", ids, values, "the article names no precision; at "
                           + "/".join(sorted({r.precision for r in agreeing if r.precision}) or ["some precision"])
                           + " it " + ("; ".join(n for n in notes if n) or "matches") + extra + "." + source_note)
        return Verdict("agrees", ids, values, ("; ".join(n for n in notes if n) or "matches") + extra + "." + source_note)
    hedge = f" (hedge {claim['hedge']})" if claim["hedge"] else ""
    said = f"the article's {claim['value']:g} {claim['unit']}{hedge}"
    grounds = "; ".join(_basis(r) for r in rows)
    if other_basis:
        return Verdict("needs_review", ids, values, f"{said}: " + "; ".join(other_basis) + "." + source_note)
    near = [(figure, basis, r) for r in rows for figure, basis, _ in _figures(r, family[0])
            if hedge_kind(claim["hedge"]) in (ABOVE, BELOW) and abs(figure - value) / abs(figure) <= NEAR_MISS]
    if near:
        figure, basis, r = near[0]
        return Verdict("needs_review", ids, values, f"{said} is within {NEAR_MISS:.0%} of the reference's "
                       f"{figure:g} {r.unit_base} ({basis or 'basis not stated'}; {_basis(r)}), but on the wrong "
                       "side of its hedge: a rounding question." + source_note)
    noted = _noted_figure(claim, value, rows)
    if noted:
        return Verdict("needs_review", ids, values, f"{said} matches no figure of the reference's rows, but a row's "
                       f"note gives {noted} from another source: the sources disagree. Reference: {grounds}." + source_note)
    elsewhere = _agrees_elsewhere(claim, value, base_unit, family, specs, cache, lexicon)
    if elsewhere:
        return Verdict("needs_review", ids, values, f"{said} matches no {claim['subject']} figure but agrees with "
                       f"{elsewhere}: the figure may be pinned on the wrong product. Reference: {grounds}." + source_note)
    same_sentence = _sentence_agrees(claim, rows, base_unit)
    if same_sentence:
        return Verdict("needs_review", ids, values, f"{said} matches no reference figure, but the sentence also gives "
                       f"{same_sentence}, which agrees: {claim['value']:g} {claim['unit']} may be of a part or of "
                       f"something else. Reference: {grounds}." + source_note)
    if family[0] == "compute" and not family[1]:
        return Verdict("needs_review", ids, values, f"{said} names no precision and matches no reference figure at "
                       f"any: {grounds}." + source_note)
    return Verdict("conflicts", ids, values, f"{said} matches no reference figure: {grounds}." + source_note)


def _figures(r, family: str):
    """The figures a reference row stands for, with their basis: the row's own, and for compute the other
    basis the row gives (dense or with sparsity)."""
    yield r.value_base, r.sparsity or "", _sparsity_note(r) if family == "compute" else ""
    if family != "compute":
        return
    if _present(r.sparse_value):
        yield (to_base(r.sparse_value, r.unit)[0], "sparse",
               f"matches the figure with sparsity ({r.sparse_value:g} {r.unit}); the dense figure is {r.value_num:g}")
    if _present(r.dense_value):
        yield (to_base(r.dense_value, r.unit)[0], "dense",
               f"matches the dense figure ({r.dense_value:g} {r.unit}); the row's figure is with sparsity")


def _agrees_elsewhere(claim, value: float, base_unit: str, family, specs, cache, lexicon) -> str:
    """Another product the sentence names whose reference figure this one agrees with (`H20…显存却有96GB`
    read as the H100's), as `H20 96 GB (…)`, or ''."""
    if lexicon is None:
        return ""
    sentence = str(claim.get("sentence_zh_hans") or claim.get("sentence") or "")
    subject = SAME_AS.get(claim["subject"], claim["subject"])
    for name in dict.fromkeys(m.canonical for m in _named(sentence, lexicon)):
        if SAME_AS.get(name, name) == subject:
            continue
        for r in _candidate_rows(specs, name, *family, cache):
            if r.unit_base != base_unit and not (base_unit == "chips" and r.unit_base == "dies"):
                continue
            if any(hedge_agrees(value, claim["hedge"], f, float(claim["value"])) for f, _, _ in _figures(r, family[0])):
                return _basis(r)
    return ""


_FIGURE = re.compile(r"(\d+(?:\.\d+)?)\s*(TFLOPS|PFLOPS|EFLOPS|TOPS|GB/s|TB/s|GB|TB|nm)", re.I)


def _noted_figure(claim, value: float, rows) -> str:
    """A figure a reference row's DISAGREEMENT note quotes from another source that this claim agrees with
    (`192 GB (8 HBM3e stacks) is widely quoted`), as written there, or ''."""
    for r in rows:
        note = str(getattr(r, "note", "") or "")
        at = note.find("DISAGREEMENT")
        if at < 0:
            continue
        for m in _FIGURE.finditer(note[at:].replace(",", "")):
            unit = next((u for u in UNITS if u.lower() == m.group(2).lower()), "")
            if unit and to_base(1.0, unit)[1] == r.unit_base and hedge_agrees(
                    value, claim["hedge"], to_base(float(m.group(1)), unit)[0], float(claim["value"])):
                return m.group(0)
    return ""


def _sentence_agrees(claim, rows, base_unit: str) -> str:
    """Another figure of the same unit in the claim's sentence that agrees with the subject's reference
    (`96GB…32个3GB容量的显存芯片`: the 3 GB is a memory chip's), or ''."""
    sentence = str(claim.get("sentence") or "")
    for m in _FIGURE.finditer(sentence):
        unit = next((u for u in UNITS if u.lower() == m.group(2).lower()), "")
        if not unit or m.group(0).strip() == str(claim.get("evidence") or "").strip():
            continue
        figure, base = to_base(float(m.group(1)), unit)
        if base != base_unit or abs(figure - to_base(float(claim["value"]), claim["unit"])[0]) < 1e-9:
            continue
        if any(hedge_agrees(figure, "", r.value_base, float(m.group(1))) for r in rows):
            return m.group(0)
    return ""


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


def _dense_figures(rows: list) -> dict[str, tuple[float, object, str]]:
    """For each precision, the product's dense figure (from a dense row, or the dense half a sparse row
    gives), else its figure of unstated basis: precision -> (figure, row, basis)."""
    out: dict[str, tuple[float, object, str]] = {}
    rank = {"dense": 0, "sparse": 1, "unstated": 2}
    for r in rows:
        if not r.precision or r.sparsity.startswith("unclear"):
            continue
        if r.sparsity == "dense":
            figure, basis = r.value_base, "dense"
        elif r.sparsity == "sparse" and _present(r.dense_value):
            figure, basis = to_base(r.dense_value, r.unit)[0], "dense"
        elif r.sparsity == "sparse":
            figure, basis = r.value_base / 2, "dense"  # 2:4 structured sparsity doubles the figure
        else:
            figure, basis = r.value_base, "unstated"
        kept = out.get(r.precision)
        if kept is None or rank[basis] < rank[kept[2]]:
            out[r.precision] = (figure, r, basis)
    return out


def _ratio_agrees(ratio: float, claim) -> bool:
    low = float(claim["value"])
    high = float(claim["value_max"]) if _present(claim.get("value_max")) else low
    kind = hedge_kind(claim["hedge"] or "")
    if kind == ABOVE:
        return ratio > low * 0.999
    if kind == BELOW:
        return ratio < high * 1.001
    tolerance = RATIO_ABOUT_TOLERANCE if kind == ABOUT else RATIO_TOLERANCE
    return low * (1 - tolerance) <= ratio <= high * (1 + tolerance)


def _check_ratio(claim, specs: pd.DataFrame, lexicon=None) -> Verdict:
    """A ratio between two products, checked only for the metric it names, like with like."""
    clause, phrase = _around(claim)
    metric = str(claim["metric"])
    if _BENCHMARK.search(clause) or _BENCHMARK.search(metric):
        return Verdict("unverifiable", [], "", f"a benchmark or efficiency result ({_BENCHMARK.search(clause + metric).group(0)}): "
                       "the reference holds peak figures only")
    if _PRICE.search(phrase):
        return Verdict("unverifiable", [], "", "a price ratio: the reference holds no prices")
    family = next((f for pattern, f in _RATIO_FAMILIES if pattern.match(metric)), None)
    if family is not None and family[0] == "compute" and _COUNT_WORDS.search(_phrase(claim)):
        family = ("chips per system", "")  # `卡数是其56.8倍`: the text names the metric
    if family is None:
        return Verdict("unverifiable", [], "", f"the reference has no {metric} figures to form a ratio")
    if not claim.get("relative_to"):
        return Verdict("unverifiable", [], "", "the ratio names no product it is compared with")
    other = _other_product(claim, clause, lexicon)
    if other:
        return Verdict("needs_review", [], "", f"the clause the figure sits in names {other}, not {claim['subject']}: "
                       "the figure may be another product's")
    kinds = {_kind_of(specs, claim["subject"]), _kind_of(specs, claim["relative_to"])}
    if kinds == {"chip", "system"}:
        return Verdict("needs_review", [], "", f"{claim['subject']} and {claim['relative_to']} are a chip and a system: "
                       "not like with like (the figure is likely a system's)")
    if family[0] != "compute":
        return _check_plain_ratio(claim, specs, family[0])
    a = list(_reference_candidates(specs, claim["subject"], "compute", family[1]).itertuples())
    b = list(_reference_candidates(specs, claim["relative_to"], "compute", family[1]).itertuples())
    da, db = _dense_figures(a), _dense_figures(b)
    common = sorted(set(da) & set(db))
    if not common:
        return Verdict("unverifiable", [], "", f"no compute figure at a common precision for {claim['subject']} "
                       f"and {claim['relative_to']}")
    tried, agreeing, unsure = [], [], []
    for precision in common:
        (fa, ra, ba), (fb, rb, bb) = da[precision], db[precision]
        ratio = fa / fb
        line = (f"{claim['subject']} {fa:g} TFLOPS ({ba}, {ra.precision_note}) / {claim['relative_to']} {fb:g} TFLOPS "
                f"({bb}, {rb.precision_note}) = {ratio:.2f} at {precision}")
        tried.append((precision, ratio, line, ra, rb))
        if ba == bb == "dense":
            if _ratio_agrees(ratio, claim):
                agreeing.append(line)
            continue
        # One side states no basis: the ratio holds only if that side is read one way.
        readings = {"as dense": ratio}
        if ba == "unstated" and bb == "dense":
            readings["if sparse"] = ratio / 2
        elif bb == "unstated" and ba == "dense":
            readings["if sparse"] = ratio * 2
        ok = [k for k, r in readings.items() if _ratio_agrees(r, claim)]
        if ok:
            unsure.append(f"{line}; the ratio holds only if the unstated figure is read {ok[0].replace('as ', '')}")
    rows = sorted({int(t[3].Index) for t in tried} | {int(t[4].Index) for t in tried})
    values = "; ".join(t[2] for t in tried)
    if agreeing:
        return Verdict("agrees", rows, values, f"dense against dense: {agreeing[0]}.")
    if unsure:
        return Verdict("needs_review", rows, values, f"{unsure[0]} (its source does not say whether it is dense).")
    hedge = f" ({claim['hedge']})" if claim["hedge"] else ""
    return Verdict("conflicts", rows, values, f"the article's ratio {claim['value']:g}{hedge} against the reference: "
                   + "; ".join(t[2] for t in tried) + ".")


def _check_plain_ratio(claim, specs: pd.DataFrame, family: str) -> Verdict:
    """A ratio of chips per system, memory or bandwidth: the two products' reference figures divided."""
    a = [r for r in _reference_candidates(specs, claim["subject"], family, "").itertuples()]
    b = [r for r in _reference_candidates(specs, claim["relative_to"], family, "").itertuples()]
    counts = {"chips", "dies"}  # a system counted in GPU dies (NVL144) is compared as counted, and the note says so
    pairs = [(ra, rb) for ra in a for rb in b if ra.unit_base == rb.unit_base or {ra.unit_base, rb.unit_base} <= counts]
    if not pairs:
        return Verdict("unverifiable", [], "", f"no {family} figure for both {claim['subject']} and {claim['relative_to']}")
    lines, ok = [], []
    for ra, rb in pairs:
        ratio = ra.value_base / rb.value_base
        line = (f"{claim['subject']} {ra.value_num:g} {ra.unit} / {claim['relative_to']} {rb.value_num:g} {rb.unit} "
                f"= {ratio:.2f} ({family}" + ("; GPU dies, two per package" if "dies" in {ra.unit_base, rb.unit_base} else "")
                + ")")
        lines.append(line)
        if _ratio_agrees(ratio, claim):
            ok.append(line)
    rows = sorted({int(r.Index) for p in pairs for r in p})
    if ok:
        return Verdict("agrees", rows, "; ".join(lines), ok[0] + ".")
    return Verdict("conflicts", rows, "; ".join(lines), f"the article's ratio {claim['value']:g} against the reference: "
                   + "; ".join(lines) + ".")


def check_event(claim, matched_rows: list[int], reference_events: pd.DataFrame, basis: str = "") -> Verdict:
    """A reported event against the reference events it can be (`events.match_reference`, with each match's
    basis). Agrees when a match's date overlaps the claim's at the precision the text gives (a few days'
    slack) and the match is strong, or of the same agency and item, or of the same camp on the same day;
    conflicts when only exact strong matches (same agency, or neither side naming one) within the window
    lie on other dates; needs_review when only a weaker match overlaps; unverifiable when nothing matches."""
    if not matched_rows:
        return Verdict("unverifiable", [], "", "no reference event by the same agency (or camp, action and item) "
                       f"within {MATCH_WINDOW_DAYS} days")
    rows = reference_events.loc[matched_rows]
    why = dict(zip(matched_rows, basis.split(" | ")))
    values = "; ".join(f"{r.date} {r.actor}: {r.action}" for r in rows.itertuples())
    precision = claim["date_precision"] or "unknown"
    overlapping = [r for r in rows.itertuples()
                   if dates_overlap(claim["date_start"], claim["date_end"], r.date_start, r.date_end, MATCH_SLACK_DAYS)]
    same_day = claim["date_precision"] == "day"
    for r in overlapping:
        basis_of = why.get(r.Index, "strong")
        if basis_of.startswith("strong") or basis_of.startswith("weak: same agency") or (same_day and r.date_precision == "day"):
            disagreement = " The reference notes a disagreement between its sources on this event." if r.disagreement else ""
            return Verdict("agrees", matched_rows, values,
                           f"date agrees with {r.date} at {precision} precision ({why.get(r.Index, '')}).{disagreement}")
    if overlapping:
        r = overlapping[0]
        return Verdict("needs_review", matched_rows, values, f"a weak match: {r.date} {r.actor} ({r.source_url}), "
                       f"{why.get(r.Index, '')}; the date agrees but the match rests on less than agency and action.")
    strong = [r for r in rows.itertuples() if why.get(r.Index, "strong:").startswith("strong:")]
    if not strong:
        return Verdict("unverifiable", matched_rows, values, "no match close enough to say the date is wrong, on other dates: "
                       + "; ".join(why.get(r.Index, "") for r in rows.itertuples()))
    span = claim["date_start"] + (f"–{claim['date_end']}" if claim["date_end"] and claim["date_end"] != claim["date_start"] else "")
    return Verdict("conflicts", matched_rows, values, f"the article dates it {span} ({precision}); the reference dates "
                   "the same actor's act " + "; ".join(f"{r.date} ({r.source_url}; {why.get(r.Index, '')})" for r in strong) + ".")


def claim_check(claims: pd.DataFrame, specs: pd.DataFrame | None = None,
                events_matched: pd.DataFrame | None = None, reference_events: pd.DataFrame | None = None,
                memo: dict | None = None, lexicon=None) -> pd.DataFrame:
    """One verdict row per claim of a kind the reference can speak to (specs and events).

    `memo` keeps reference lookups and spec verdicts from one call to the next (for the same
    `specs`: the build keeps one per worker process)."""
    if specs is None:
        specs, _ = load_chip_specs()
    rows = []
    matched, bases = {}, {}
    if events_matched is not None:
        matched = {r.claim_id: [int(j) for j in str(r.reference_rows).split(";") if j]
                   for r in events_matched.itertuples()}
        bases = dict(zip(events_matched["claim_id"], events_matched.get("match_basis", pd.Series("", index=events_matched.index))))
    memo = {} if memo is None else memo
    spec_verdicts: dict[tuple, Verdict] = memo.setdefault("spec verdicts", {})  # same figure, same thing: same verdict
    lookups: dict = memo.setdefault("lookups", {})
    checkable = claims[claims["kind"].isin(["spec", "event"] if reference_events is not None else ["spec"])]
    for claim in checkable.to_dict("records"):
        if claim["kind"] == "spec":
            key = (claim["subject"], claim["metric"], claim["value"], claim["value_max"], claim["unit"], claim["hedge"],
                   claim["relative_to"], claim["evidence"], claim.get("sentence_zh_hans") or claim["sentence"])
            if key not in spec_verdicts:
                spec_verdicts[key] = check_spec(claim, specs, lookups, lexicon)
            v = spec_verdicts[key]
        elif claim["kind"] == "event" and reference_events is not None:
            v = check_event(claim, matched.get(claim["claim_id"], []), reference_events, bases.get(claim["claim_id"], ""))
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
            "evidence": claim["evidence"], "sentence": claim["sentence"], "overridden": "",
        })
    return pd.DataFrame(rows, columns=VERDICT_COLUMNS)
