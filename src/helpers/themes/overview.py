"""What the corpus overview notebook shows: articles, sources, cleaning, vocabulary."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from ..lang import lexicon as lexicon_mod
from ..store.tables import Tables
from .charts import month_start, order_with_other, top_n_other

# Function words and reporting verbs that say nothing about a text's subject.
STOPWORDS = set(
    "的 了 是 在 和 与 也 都 就 而 及 等 对 将 被 把 让 从 向 到 为 以 于 其 这 那 这个 那个 一个 这些 那些 "
    "我们 他们 你们 自己 什么 怎么 如何 没有 不是 但是 因为 所以 如果 已经 还是 可以 能够 可能 不会 不能 "
    "一些 一种 这种 更 最 很 又 再 还 并 或 但 却 则 之 中 上 下 后 前 里 时 说 表示 认为 指出 他 她 它 "
    "我 你 年 月 日 着 过 吗 呢 吧 啊 个 只 才 会 要 能 有 无 不 没 与其 以及 通过 进行 成为 一次 一边 "
    "起来 出来 正在 目前 如今 今天 之后 之前 同时 随着 甚至 还有 只是 而是 不仅 更是 虽然 变成 特别 影响 时间 "
    "已经 这样 那样 非常 所有 任何 这场 这种 以及 因此 然而 其中 之一 方面 开始 直接 进一步 一直 不断".split()
)


def article_table(tables: Tables) -> pd.DataFrame:
    """One row per article, as a reader wants to see it."""
    a = tables.articles
    return pd.DataFrame({
        "article (文章)": a["article_id"],
        "title (标题)": a["title"].where(a["title"] != "", "(no title in text)"),
        "outlet (来源)": a["outlet"],
        "published (发布日期)": a["published"],
        "date from": a["published_source"],
        "script (字体)": a["script"].map({"hans": "simplified", "hant": "traditional"}),
        "characters": a["n_chars"],
        "duplicate of": a["duplicate_of"],
    })


def cleaning_table(tables: Tables) -> pd.DataFrame:
    """Characters per article before and after cleaning, and what was removed, by reason."""
    rows = []
    for _, art in tables.articles.iterrows():
        removed = json.loads(art["removed"] or "{}")
        row = {"article_id": art["article_id"], "raw_chars": art["n_chars_raw"],
               "clean_chars": art["n_chars"], "removed_chars": art["n_chars_removed"]}
        row.update({f"removed: {k}": v for k, v in sorted(removed.items())})
        rows.append(row)
    df = pd.DataFrame(rows).fillna(0)
    df["removed_share"] = (df["removed_chars"] / df["raw_chars"].clip(lower=1)).round(3)
    return df


def removed_by_reason(tables: Tables) -> pd.DataFrame:
    """Long table: article, reason, characters removed."""
    rows = [
        {"article_id": art["article_id"], "reason": reason, "chars": chars}
        for _, art in tables.articles.iterrows()
        for reason, chars in json.loads(art["removed"] or "{}").items()
    ]
    return pd.DataFrame(rows, columns=["article_id", "reason", "chars"])


def unique_terms(tables: Tables) -> pd.DataFrame:
    """The `terms` table (each article's words with their counts, from the build) of the unique
    articles, in reading order: articles as `unique_articles` lists them, each article's words in the
    order they first occur; stopwords left out."""
    ids = tables.unique_articles["article_id"]
    terms = tables.terms
    # Positions by number: each distinct article id looked up once, not once per word (millions of rows).
    codes, found = pd.factorize(terms["article_id"])
    at = {a: i for i, a in enumerate(ids.tolist())}
    position = np.array([at.get(a, -1) for a in found], dtype="int64")[codes] if len(found) else \
        np.empty(0, dtype="int64")
    kept = (position >= 0) & ~terms["term"].isin(STOPWORDS).to_numpy()
    kept_rows = np.flatnonzero(kept)
    order = kept_rows[np.lexsort((terms["term_idx"].to_numpy()[kept_rows], position[kept_rows]))]  # stable
    out = terms.take(order).assign(position=position[order])
    return out.reset_index(drop=True)


def top_terms(tables: Tables, n: int = 25, lexicon=None, domain_only: bool = False) -> pd.DataFrame:
    """Most frequent words over unique articles (jieba with the domain lexicon, counted per article by
    the build), with glosses; ties in the order the words first occur.

    With `domain_only`, only the lexicon's entities and domain terms are counted.
    """
    lexicon = lexicon or lexicon_mod.load()
    terms = unique_terms(tables)
    if domain_only:
        known = {w for w in pd.unique(terms["term"]) if lexicon.entity(w) or w in lexicon.terms}
        terms = terms[terms["term"].isin(known)]
    grouped = terms.groupby("term", sort=False)  # groups in the order the words first occur
    totals = pd.DataFrame({"count": grouped["count"].sum(), "articles": grouped.size()})
    top = totals.sort_values("count", ascending=False, kind="stable").head(n)
    rows = []
    for word, count, n_articles in zip(top.index, top["count"].tolist(), top["articles"].tolist()):
        entity = lexicon.entity(word)
        gloss = entity.gloss_en if entity else lexicon.terms.get(word, ("", ""))[0]
        rows.append({"term": word, "gloss_en": gloss, "count": count, "articles": n_articles,
                     "in_lexicon": bool(entity) or word in lexicon.terms})
    return pd.DataFrame(rows, columns=["term", "gloss_en", "count", "articles", "in_lexicon"])


def finding(tables: Tables, terms: pd.DataFrame | None = None) -> str:
    """One sentence on the corpus for the index page."""
    a = tables.articles
    u = tables.unique_articles
    scripts = u["script"].value_counts().to_dict()
    dated = u.loc[u["published"] != "", "published"]
    outlets = u.loc[u["outlet"] != "", "outlet"].nunique()
    removed = a["n_chars_removed"].sum() / max(1, a["n_chars_raw"].sum())
    parts = [
        f"{len(u)} articles ({scripts.get('hans', 0)} simplified, {scripts.get('hant', 0)} traditional)"
        + (f" plus {len(a) - len(u)} duplicate(s)" if len(a) > len(u) else ""),
        f"{outlets} named outlet(s)",
        (f"published {dated.min()} to {dated.max()}" if len(dated) else "no publication dates known")
        + f" ({len(dated)} of {len(u)} dated)",
        f"{removed:.0%} of raw characters removed as page furniture",
    ]
    if len(tables.claims):
        kinds = tables.claims["kind"].value_counts()
        parts.append(f"{len(tables.claims)} claims (" + ", ".join(f"{n} {k}" for k, n in kinds.items()) + ")")
    if terms is not None and len(terms):
        parts.append(f"most frequent domain term: {terms.iloc[0]['term']}")
    return "; ".join(parts) + "."


CLAIM_KINDS = ["market_share", "event", "spec", "money", "quote"]
KIND_GLOSS = {"market_share": "份额 share", "event": "事件 event", "spec": "规格 spec",
              "money": "金额 money", "quote": "引语 quote"}


def claim_counts(tables: Tables) -> pd.DataFrame:
    """Claims per article and kind (unique articles only), with a total column."""
    ids = list(tables.unique_articles["article_id"])
    counts = (tables.claims.groupby(["article_id", "kind"]).size().unstack(fill_value=0)
              .reindex(index=ids, columns=CLAIM_KINDS, fill_value=0))
    counts["total"] = counts.sum(axis=1)
    counts.index.name = "article_id"
    return counts


def removed_pivot(tables: Tables) -> pd.DataFrame:
    """Characters removed per article (rows) and reason (columns)."""
    removed = removed_by_reason(tables)
    if removed.empty:
        return removed
    return removed.pivot_table(index="article_id", columns="reason", values="chars", aggfunc="sum", fill_value=0)


# ------------------------------------------------------------ charts that stay readable at any corpus size

LENGTH_BINS = [0, 250, 500, 1000, 2000, 4000, 8000, 16000, float("inf")]


def _bin_label(lo: float, hi: float) -> str:
    return f"{lo / 1000:g}k+" if hi == float("inf") else f"{lo / 1000:g}–{hi / 1000:g}k"


def length_distribution(tables: Tables) -> pd.DataFrame:
    """Unique articles by length of clean text (binned), with the characters of page furniture their
    files carried: one row per bin, however many articles there are."""
    u = tables.unique_articles
    labels = [_bin_label(lo, hi) for lo, hi in zip(LENGTH_BINS[:-1], LENGTH_BINS[1:])]
    bins = pd.cut(u["n_chars"], LENGTH_BINS, right=False, labels=labels)
    grouped = u.groupby(bins, observed=False)
    return pd.DataFrame({
        "articles": grouped.size(),
        "clean characters": grouped["n_chars"].sum(),
        "furniture removed": grouped["n_chars_removed"].sum(),
    }).rename_axis("clean length (字符)")


def removed_totals(tables: Tables) -> pd.DataFrame:
    """Characters removed as page furniture over the whole corpus, by reason, largest first."""
    removed = removed_by_reason(tables)
    totals = removed.groupby("reason")["chars"].agg(["sum", "size"]).rename(columns={"sum": "chars", "size": "files"})
    return totals.sort_values("chars", ascending=False)


def claims_by_kind(tables: Tables) -> pd.DataFrame:
    """Claims of each kind over the unique articles, and how many articles carry at least one."""
    counts = claim_counts(tables)
    kinds = counts.drop(columns="total")
    return pd.DataFrame({"claims": kinds.sum(), "articles with one": (kinds > 0).sum()}).rename(index=KIND_GLOSS)


def claim_dense_articles(tables: Tables, n: int = 15) -> pd.DataFrame:
    """The `n` unique articles with the most claims, by title and outlet (the id stays as a column)."""
    counts = claim_counts(tables)
    top = counts.sort_values("total", ascending=False, kind="stable").head(n)
    arts = tables.articles.set_index("article_id")
    out = top.rename(columns=KIND_GLOSS).reset_index()
    out.columns.name = None
    out.insert(1, "title (标题)", out["article_id"].map(arts["title"]).fillna(""))
    out.insert(2, "outlet (来源)", out["article_id"].map(arts["outlet"]).fillna(""))
    return out


# ------------------------------------------------------------ attention over time

def attention_by_outlet(tables: Tables, top: int = 8) -> pd.DataFrame:
    """Unique articles per month of publication by outlet, as Media Cloud draws attention: the `top`
    outlets with the most articles by name, the rest as `other`; an article with no outlet is
    `(no outlet)`. One row per month with any article (undated articles are counted by
    `attention_undated`)."""

    unique = tables.unique_articles
    month = month_start(unique["published"].fillna(""))
    dated = unique[month.notna().to_numpy()]
    if dated.empty:
        return pd.DataFrame()
    outlet = dated["outlet"].fillna("").replace("", "(no outlet)")
    frame = pd.DataFrame({"month": month.dropna().to_numpy(), "outlet": top_n_other(outlet, n=top).to_numpy()})
    if frame.empty:
        return pd.DataFrame()
    table = frame.groupby(["month", "outlet"]).size().unstack(fill_value=0)
    table = table.reindex(columns=order_with_other(frame["outlet"]))
    full = pd.date_range(table.index.min(), table.index.max(), freq="MS")
    table = table.reindex(full, fill_value=0)
    table.index.name = "month"
    table.columns.name = None
    return table


def attention_undated(tables: Tables) -> int:
    return int((tables.unique_articles["published"].fillna("") == "").sum())


def attention_chart(attention: pd.DataFrame, undated: int = 0, ax=None):
    """Articles per month, stacked by outlet (the top outlets and `other`)."""
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(11, 3.8))
    if attention.empty:
        ax.text(0.5, 0.5, "no dated articles", ha="center", va="center", transform=ax.transAxes)
        return ax
    colors = plt.get_cmap("tab10").colors
    bottom = pd.Series(0, index=attention.index)
    for i, outlet in enumerate(attention.columns):
        color = "#bbbbbb" if outlet == "other" else colors[i % 10]
        ax.bar(attention.index, attention[outlet], width=24, bottom=bottom, align="edge", color=color,
               label=f"{outlet} ({int(attention[outlet].sum())})")
        bottom = bottom + attention[outlet]
    span = (attention.index.max() - attention.index.min()).days / 365
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=[1, 7] if span > 2 else [1, 4, 7, 10]))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    ax.set_ylabel("articles per month (文章数)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, title="outlet (articles)", title_fontsize=8)
    dated = int(attention.to_numpy().sum())
    ax.set_title(f"Attention over time: {dated} dated articles by month and outlet"
                 + (f" ({undated} undated not drawn)" if undated else ""))
    return ax
