"""Disagreements: claims on the same subject, metric and market whose figures cannot all be true.

Figures are compared with their hedges (`agreement.consistency`), shares within one market family
(`markets`), and a figure counts as disagreeing only when another article gives a figure it clashes
with: an article never disagrees with itself. Two figures both dated, on different dates, are of
different periods and do not clash. A spec of a firm rather than a product (a foundry's process node:
it runs several) has several legitimate values and is not compared; a share among domestic vendors
(`国产阵营内部`) is of its own market. Figures an article itself gives several of for one subject,
metric, market and period (segments of a whole) are not compared. Each group gives only the reasons its claims show: `different time`
when two of them are dated and the dates differ, `different scope`, `different speaker`.

Time: a figure is about the period it states (`2025年二季度`, `FY2025`, `2024年`); a figure that states
none is read as of its article's publication date. Two figures are set against each other only when
both state the same period, or when at least one states none and their times lie within
`SAME_TIME_DAYS` of each other. A figure whose time cannot be placed (no stated period and an undated
article; a fiscal period against an unstated one) cannot be ruled out of any time: it is compared, and its
group's reason says `time unknown`.
"""

from __future__ import annotations

import hashlib
import json
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..lang import lexicon as lexicon_mod
from ..store.parts import schema
from .agreement import consistency, spans_overlap
from .markets import market_families

DISAGREEMENT_COLUMNS = ["group", "kind", "subject", "metric", "scope", "article_id", "figure", "hedge", "date",
                        "speaker", "reason", "sentence"]
# What the disagreement search needs of a claim (the build keeps these per part of the corpus).
COMPARE_COLUMNS = ["claim_id", "article_id", "kind", "subject", "scope", "metric", "unit", "value", "from_value",
                   "to_value", "hedge", "period", "date_start", "date_end", "published", "char_start", "sentence",
                   "speaker"]
# How far apart two figures' times may lie and still be of one time, when one of them states no period.
SAME_TIME_DAYS = 92
# The reason a group gives when one of its figures' time cannot be placed.
TIME_UNKNOWN = "time unknown"
_COMPARED_KINDS = ["market_share", "spec", "money"]


# A share of the domestic vendors alone, not of the whole market.
_AMONG_DOMESTIC = re.compile(r"国产(?:阵营|厂商|芯片厂商|品牌|供应商|GPU厂商)(?:内部|之中|中|里)|国内厂商(?:之中|中)|本土厂商(?:之中|中)")
AMONG_DOMESTIC_SCOPE = "国产厂商内部"
# Spec metrics a firm has many legitimate values of (one per product or line): never a disagreement.
_MULTI_VALUED_TYPES = {"company", "org"}


def comparable_claims(claims: pd.DataFrame, speakers: pd.Series | None = None, lexicon=None,
                      articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """The claims that can disagree between articles (shares, specs, money with a subject), with their
    speaker: the quote's speaker for a share figure inside a quote (`speakers`, by claim id), else the actor,
    and their article's publication date (`articles`; without it every article counts as undated).
    A firm's specs (`中芯国际 制程`) are left out; a share among domestic vendors gets that scope."""
    data = claims[claims["kind"].isin(_COMPARED_KINDS) & (claims["subject"] != "")]
    lexicon = lexicon or lexicon_mod.load()
    if not data.empty:
        firm = data["subject"].map(lambda n: (lexicon.entity(n).type if lexicon.entity(n) else "") in _MULTI_VALUED_TYPES)
        data = data[~((data["kind"] == "spec") & firm)]
    if not data.empty and "relative_to" in data:
        # a ratio is of its comparand: 1.7× GB200 NVL72 and 0.8× H20 are not two figures for one thing
        ratio = (data["unit"] == "ratio") & (data["relative_to"].fillna("") != "")
        if ratio.any():
            data = data.assign(metric=data["metric"].where(~ratio, data["metric"] + "（相对" + data["relative_to"].fillna("") + "）"))
    if not data.empty:
        text = data.get("sentence_zh_hans", data["sentence"]).fillna("").astype(str)
        among = (data["kind"] == "market_share") & text.str.contains(_AMONG_DOMESTIC)
        if among.any():
            data = data.assign(scope=data["scope"].where(~among, AMONG_DOMESTIC_SCOPE))
    if not data.empty:
        data = data[~_segmented(data)]
    if speakers is not None:
        speaker = data["claim_id"].map(speakers.astype(object)).astype(object).where(lambda x: x.notna(), "")
        speaker = speaker.where(data["kind"] == "market_share", data["actor"])
    else:
        speaker = data["actor"]
    published = pd.Series("", index=data.index, dtype=object)
    if articles is not None and not articles.empty and "published" in articles:
        dates = articles.drop_duplicates("article_id").set_index("article_id")["published"].fillna("").astype(str)
        published = data["article_id"].map(dates).fillna("").astype(str)
    return data.assign(speaker=speaker.astype(str), published=published)[COMPARE_COLUMNS].reset_index(drop=True)


def _segmented(data: pd.DataFrame) -> pd.Series:
    """Claims of a subject and metric that their own article gives several figures for, in one market
    and period (`12英寸晶圆收入占比77%，8英寸23%`; a firm's revenue by line): parts of a whole or
    figures of different things the text does not name, so they are not set against other articles."""
    figure = data["to_value"].where(data["to_value"].notna(), data["value"])
    time = data["period"].fillna("").where(data["period"].fillna("") != "", data["date_start"].fillna(""))
    keys = [data["article_id"], data["kind"], data["subject"], data["metric"], data["unit"].fillna(""),
            data["scope"].fillna(""), time]
    distinct = figure.groupby(keys, dropna=False).transform("nunique")
    return distinct > 1


def _members(keys: np.ndarray, figures: np.ndarray, hedges: list[str], articles: list[str],
             times: list[str] | None = None, spans: np.ndarray | None = None) -> np.ndarray:
    """For each claim of one group (given as the index of its distinct (figure, hedge, time) key), whether
    its figure clashes with a figure that some other article gives for the same time (see `_same_time`:
    `times` are the stated periods, `spans` each key's first and last day, NaN where unknown)."""
    n_keys = len(figures)
    clash = ~consistency(figures, hedges)
    if times is not None:
        clash &= _same_time(np.asarray(times, dtype=object),
                            spans if spans is not None else np.full((len(times), 2), np.nan))
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


def _same_time(times: np.ndarray, spans: np.ndarray) -> np.ndarray:
    """Which pairs of figures may be of one time: both state a period and it is the same one; or at least
    one states none (it is read as of its article's publication) and their spans of days lie within
    `SAME_TIME_DAYS` of each other, or one of the spans is unknown (NaN: the time cannot be placed, so it
    cannot be ruled out; the group's reason says `time unknown`)."""
    stated = times != ""
    both = stated[:, None] & stated[None, :]
    unplaced = np.isnan(spans[:, 0])
    near = spans_overlap(spans[:, 0], spans[:, 1], SAME_TIME_DAYS) | unplaced[:, None] | unplaced[None, :]
    return np.where(both, times[:, None] == times[None, :], near)


def _day_numbers(values) -> np.ndarray:
    """ISO dates as day numbers (NaN for empty or unreadable)."""
    parsed = pd.to_datetime(pd.Series(list(values), dtype=object).replace("", None), errors="coerce", format="ISO8601")
    days = (parsed - pd.Timestamp("1970-01-01")).dt.days
    return days.to_numpy(dtype="float64", na_value=np.nan)


def disagreements(claims: pd.DataFrame, speakers: pd.Series | None = None,
                  articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Claims on the same subject and metric whose figures differ beyond their hedges, grouped."""
    return disagreements_among(comparable_claims(claims, speakers, articles=articles))


def disagreements_among(data: pd.DataFrame, memo=None) -> pd.DataFrame:
    """Disagreement groups in a table of `comparable_claims` (see `disagreement_table`)."""
    if data.empty:
        return pd.DataFrame(columns=DISAGREEMENT_COLUMNS)
    table = pa.Table.from_pandas(data[COMPARE_COLUMNS], schema=schema(COMPARE_COLUMNS), preserve_index=False)
    return disagreement_table(table, memo).to_pandas()


def disagreement_table(table: pa.Table, memo=None, version: str = "") -> pa.Table:
    """Disagreement groups in an Arrow table of comparable claims, as an Arrow table.

    Figures are compared as distinct (figure, hedge) pairs in one matrix per subject and metric,
    so a subject written about in thousands of articles costs the square of its distinct figures,
    not of its claims. `memo` (an object with `get_many` and `put_many`, such as the build's cache)
    keeps which claims of a group disagree, by the group's figures, hedges and articles and by `version`
    (a digest of the code that decides it, given by the caller): a rebuild compares again only the
    groups whose claims changed. The columns are handled by Arrow and
    numpy, row by row only where a group is compared.
    """
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
    text = pa.large_string()
    family = market_families(table.column("scope"))
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
    period_col = pc.fill_null(table.column("period"), "")
    time_col = pc.if_else(pc.equal(period_col, ""), pc.fill_null(table.column("date_start"), ""), period_col)
    times = np.asarray(time_col.to_numpy(zero_copy_only=False), dtype=object)
    # Each figure's span of days: the dates it states, else (stating no period) its article's publication.
    start_col = pc.fill_null(table.column("date_start"), "")
    end_col = pc.if_else(pc.equal(pc.fill_null(table.column("date_end"), ""), ""), start_col,
                         pc.fill_null(table.column("date_end"), ""))
    published = pc.fill_null(table.column("published"), "")
    unstated = pc.equal(time_col, "")
    first = _day_numbers(pc.if_else(unstated, published, start_col).to_pylist())
    last = _day_numbers(pc.if_else(unstated, published, end_col).to_pylist())
    when = [f"{t}\x1d{a:g}\x1d{b:g}" for t, a, b in zip(times.tolist(), first.tolist(), last.tolist())]
    digests = [_group_digest(figure[rows], [f"{hedges[i]}\x1d{when[i]}" for i in rows.tolist()],
                             articles[rows].tolist(), version) for rows in groups]
    known = memo.get_many(digests) if memo is not None else {}
    learned: list[tuple[str, str]] = []
    picked: list[np.ndarray] = []
    for rows, digest in zip(groups, digests):
        if digest in known:
            positions = json.loads(known[digest])
        else:
            distinct: dict[tuple, int] = {}
            # (an unknown day is None in the key: NaN is not equal to itself)
            keys = np.array([distinct.setdefault((f, h, t, a if a == a else None, b if b == b else None), len(distinct))
                             for f, h, t, a, b in zip(figure[rows].tolist(), hedges[rows].tolist(), times[rows].tolist(),
                                                      first[rows].tolist(), last[rows].tolist())])
            found = list(distinct)
            spans = np.array([[np.nan if k[3] is None else k[3], np.nan if k[4] is None else k[4]] for k in found],
                             dtype="float64").reshape(-1, 2)
            member = _members(keys, np.array([k[0] for k in found]), [k[1] for k in found], articles[rows].tolist(),
                              [k[2] for k in found], spans)
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
    scopes = pc.fill_null(chosen.column("scope"), "").to_pylist()
    placed = (~np.isnan(first[rows])).tolist()
    group_of, reasons, start = [], [], 0
    for number, members in enumerate(picked, start=1):
        end = start + len(members)
        group_of += [number] * len(members)
        reasons += [_reason(dates[start:end], speakers[start:end], scopes[start:end], placed[start:end])] * len(members)
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


def _group_digest(figures: np.ndarray, hedges: list[str], articles: list[str], version: str) -> str:
    """What decides which claims of a group disagree: the rules (`version`), the group's figures, hedges
    and articles, in order."""
    h = hashlib.sha256(version.encode())
    h.update(np.ascontiguousarray(figures, dtype="float64").tobytes())
    h.update("\x1f".join(hedges).encode("utf-8"))
    h.update("\x1e".join(articles).encode("utf-8"))
    return "disagreeing:" + h.hexdigest()


def _reason(dates: list[str], speakers: list[str], scopes: list[str] | None = None,
            placed: list[bool] | None = None) -> str:
    """What the group's own claims show may explain it: two dated claims on different dates, a claim
    whose time cannot be placed (no period stated, an undated article), scopes of one market family
    worded differently, different speakers; else `unexplained`."""
    reasons = []
    if len({d for d in dates if d}) > 1:
        reasons.append("different time")
    if placed is not None and not all(placed):
        reasons.append(TIME_UNKNOWN)
    if scopes is not None and len({s for s in scopes if s}) > 1:
        reasons.append("different scope")
    if len({s or "(author)" for s in speakers}) > 1:
        reasons.append("different speaker")
    return ", ".join(reasons) or "unexplained"


# ------------------------------------------------------------ one part of the corpus at a time
