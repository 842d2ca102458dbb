"""Market-share narratives: who says what share, when, about which market, and how articles frame it."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from ..check.speakers import share_speakers
from ..store.tables import Tables
from .charts import link_points, order_with_other, top_n_other
from .overview import unique_terms


def share_claims(tables: Tables) -> pd.DataFrame:
    """Every share figure with its article, outlet, date, speaker and scope.

    The speaker is the quote's speaker when the figure sits inside a quoted or
    reported passage of the same sentence (黄仁勋说:“…从95%降到了0%”).
    """
    shares = tables.claims[tables.claims["kind"] == "market_share"].copy()
    shares["speaker"] = share_speakers(tables.claims).to_numpy()
    arts = tables.articles.set_index("article_id")
    shares["outlet"] = shares["article_id"].map(arts["outlet"])
    shares["published"] = shares["article_id"].map(arts["published"])
    shares["change"] = shares["from_value"].notna()
    shares["story"] = [
        f"{r.from_value:g}→{r.hedge or ''}{r.to_value:g}" if r.change else f"{r.hedge or ''}{r.value:g}"
        for r in shares.itertuples()
    ]
    return shares.reset_index(drop=True)


def share_table(shares: pd.DataFrame) -> pd.DataFrame:
    """What a reader wants to see, with glossed column names."""
    return pd.DataFrame({
        "article": shares["article_id"],
        "outlet (来源)": shares["outlet"],
        "published (发布)": shares["published"],
        "subject (主体)": shares["subject"],
        "metric (指标)": shares["metric"],
        "scope (范围)": shares["scope"],
        "figure (%)": shares["story"],
        "hedge (限定)": shares["hedge"],
        "speaker (说话人)": shares["speaker"],
        "date in text": shares["period"].where(shares["period"] != "", shares["date_start"]),
        "sentence (原句)": shares["sentence"],
        "claim": shares["claim_id"],
    })


# A share is about China when its market is China's, or, with no market named, when its sentence names China.
_CHINA_SCOPE = re.compile(r"中国|中國")
_CHINA_IN_SENTENCE = re.compile(r"中国|国内|大陆|在华|对华|中國|國內|大陸|在華|對華")


def _about_china(shares: pd.DataFrame) -> pd.Series:
    scope = shares["scope"].fillna("")
    named = scope.str.contains(_CHINA_SCOPE)
    unnamed = (scope == "") & shares["sentence_zh_hans"].fillna("").str.contains(_CHINA_IN_SENTENCE)
    return named | unnamed


def nvidia_china_stories(shares: pd.DataFrame) -> pd.DataFrame:
    """Nvidia's China share as each article tells it: the from→to stories side by side. Only Nvidia's own
    market share of a Chinese market (a share held with others, a global share, a share of a supplier's
    capacity stay out)."""
    nv = shares[(shares["subject"] == "英伟达") & (shares["metric"] == "市场份额") & _about_china(shares)]
    # One pass over the columns (stories in the order they first occur), not a frame sliced per story:
    # at 10,000 articles there are thousands of stories.
    seen: dict = {}
    for story, article, speaker, published, date in zip(nv["story"].tolist(), nv["article_id"].tolist(),
                                                        nv["speaker"].tolist(), nv["published"].tolist(),
                                                        nv["date_start"].tolist()):
        acc = seen.setdefault(story, [set(), 0, set(), set(), set()])
        acc[0].add(article)
        acc[1] += 1
        for values, value in ((acc[2], speaker), (acc[3], published), (acc[4], date)):
            if value:
                values.add(value)
    rows = [{
        "story": story,
        "articles": ", ".join(sorted(articles)),
        "claims": claims,
        "attributed to": ", ".join(sorted(speakers)) or "(author)",
        "published": ", ".join(sorted(published)) or "unknown",
        "date in text": ", ".join(sorted(dates)) or "none",
    } for story, (articles, claims, speakers, published, dates) in seen.items()]
    return pd.DataFrame(rows)


def share_stories(shares: pd.DataFrame) -> pd.DataFrame:
    """Each from→to change as a story: subject, metric, scope, the two figures and how many articles
    tell it (a figure repeated in one article counts once), most told first."""
    changes = shares[shares["change"]]
    columns = ["subject", "metric", "scope", "from_value", "to_value", "hedge", "articles", "claims"]
    if changes.empty:
        return pd.DataFrame(columns=columns)
    keys = ["subject", "metric", "scope", "from_value", "to_value", "hedge"]
    grouped = changes.fillna({"subject": "", "scope": "", "hedge": ""}).groupby(keys, sort=False)
    out = grouped.agg(articles=("article_id", "nunique"), claims=("claim_id", "size")).reset_index()
    return out.sort_values(["articles", "claims"], ascending=False, kind="stable").reset_index(drop=True)[columns]


# ------------------------------------------------------------ framing

def distinctive_terms(tables: Tables, n: int = 8) -> pd.DataFrame:
    """TF-IDF across the corpus: the words that set each article apart (jieba with the lexicon, counted
    per article by the build). A word in every article sets none apart; ties go to the later word in
    code-point order."""
    columns = ["article_id", "rank", "term", "tfidf"]
    n_docs = len(tables.unique_articles)
    terms = unique_terms(tables)
    if terms.empty:
        return pd.DataFrame(columns=columns)
    # Numbers throughout (millions of rows at 10,000 articles): words factorized once, document frequencies
    # by counting, code-point order of the words as a rank, one stable sort of integer and float keys.
    position = terms["position"].to_numpy()
    count = terms["count"].to_numpy()
    total = np.bincount(position, weights=count)[position]
    codes, words = pd.factorize(terms["term"])
    in_docs = np.bincount(codes)[codes]
    word_rank = np.empty(len(words), dtype="int64")
    word_rank[np.argsort(np.asarray(words, dtype=object), kind="stable")] = np.arange(len(words))
    # math.log once per distinct document frequency: the same floats as scoring word by word
    idf_of = {d: math.log(n_docs / d) for d in np.unique(in_docs).tolist()}
    idf = np.array([idf_of[d] for d in in_docs.tolist()], dtype="float64") if len(in_docs) else np.empty(0)
    score = (count / total) * idf
    rows = np.flatnonzero(in_docs < n_docs)
    rows = rows[np.lexsort((-word_rank[codes[rows]], -score[rows], position[rows]))]  # stable, as sort_values
    # the first `n` of each article
    pos = position[rows]
    first = np.r_[0, np.flatnonzero(np.diff(pos)) + 1] if len(pos) else np.empty(0, dtype="int64")
    rank = np.arange(len(pos)) - np.repeat(first, np.diff(np.r_[first, len(pos)]))
    top = rows[rank < n]
    return pd.DataFrame({
        "article_id": terms["article_id"].take(top).to_numpy(),
        "rank": rank[rank < n] + 1,
        "term": terms["term"].take(top).to_numpy(),
        "tfidf": [round(s, 4) for s in score[top].tolist()],
    }, columns=columns)


def quoted_speakers(tables: Tables, n: int = 25) -> pd.DataFrame:
    """The `n` most quoted speakers: quotes, and the articles that quote them."""
    quotes = tables.claims[tables.claims["kind"] == "quote"]
    columns = ["speaker (说话人)", "quotes", "articles"]
    if quotes.empty:
        return pd.DataFrame(columns=columns)
    grouped = quotes.groupby("actor")
    out = pd.DataFrame({"quotes": grouped.size(), "articles": grouped["article_id"].nunique()})
    out = out.sort_values(["quotes", "articles"], ascending=False, kind="stable").head(n)
    return out.rename_axis("speaker (说话人)").reset_index()[columns]


def distinctive_terms_by_article(terms: pd.DataFrame, tables: Tables) -> pd.DataFrame:
    """One row per article: its title, outlet and its distinctive terms in rank order."""
    arts = tables.articles.set_index("article_id")
    joined = terms.sort_values(["article_id", "rank"]).groupby("article_id", sort=True)["term"].agg("、".join)
    return pd.DataFrame({
        "article": joined.index, "title (标题)": joined.index.map(arts["title"]),
        "outlet (来源)": joined.index.map(arts["outlet"]), "distinctive terms (特色词)": joined.to_numpy(),
    })


THEME_GLOSS = {
    "export_control": "出口管制 export control", "market": "市场 market",
    "domestic_substitution": "国产替代 substitution", "cluster_compute": "集群算力 clusters",
    "chip_tech": "芯片技术 chip tech", "supply_chain": "供应链 supply chain",
    "geopolitics": "地缘政治 geopolitics", "software_ecosystem": "软件生态 software",
    "investment": "投资 investment", "security": "安全 security",
}


def theme_shares(tables: Tables) -> pd.DataFrame:
    """Share of each article's text (in characters) spent in sentences that touch each theme (from the
    build's `theme_chars`: per article with sentences, every theme in the lexicon's order)."""
    chars = tables.theme_chars
    chars = chars[chars["article_id"].isin(tables.unique_articles["article_id"])]
    order = [THEME_GLOSS.get(t, t) for t in pd.unique(chars["theme"])]
    shares = pd.DataFrame({
        "article_id": chars["article_id"].to_numpy(),
        "theme": chars["theme"].map(lambda t: THEME_GLOSS.get(t, t)).to_numpy(),
        "share": [round(c / (total or 1), 3) for c, total in zip(chars["chars"].tolist(), chars["sentence_chars"].tolist())],
    })
    table = shares.pivot(index="article_id", columns="theme", values="share").reindex(columns=order)
    table.columns.name = None
    return table.astype("float64")


def theme_summary(themes: pd.DataFrame) -> pd.DataFrame:
    """Per theme, over the articles: how many touch it at all, and the mean share of their text it takes."""
    if themes.empty:
        return pd.DataFrame(columns=["articles touching", "share of articles", "mean share of text"])
    return pd.DataFrame({
        "articles touching": (themes > 0).sum(),
        "share of articles": ((themes > 0).mean()).round(3),
        "mean share of text": themes.mean().round(3),
    }).sort_values("share of articles", ascending=False)


def finding(shares: pd.DataFrame, stories: pd.DataFrame, top: int = 3) -> str:
    """The share figures counted, and the `top` most told stories of Nvidia's China share (most articles first)."""
    if shares.empty:
        return "No market-share figures were found."
    parts = [f"{len(shares)} share figures in {shares['article_id'].nunique()} articles"]
    if len(stories):
        ranked = stories.assign(n=stories["articles"].str.count(",") + 1).sort_values(
            ["n", "claims"], ascending=False, kind="stable")
        told = "; ".join(f"{r['story']} ({r['claims']}× in {r['n']} article(s), attributed to {r['attributed to']})"
                         for r in ranked.head(top).to_dict("records"))
        more = f"; {len(stories) - top} other stories in the table below" if len(stories) > top else ""
        parts.append(f"Nvidia's China share is told as {told}{more}")
    return "; ".join(parts) + "."


# ------------------------------------------------------------ small multiples

def share_panels(shares: pd.DataFrame, top_subjects: int = 7) -> pd.DataFrame:
    """Every share figure with the panel it is drawn in (one per metric and scope: a market share, a
    revenue share and a domestic rate never share an axis) and its subject as drawn (each panel's
    `top_subjects` most stated subjects by name, the rest `other`). Panels most stated first."""

    columns = ["panel", "metric", "scope", "subject_shown", "subject", "value", "from_value", "to_value", "hedge",
               "article_id", "claim_id"]
    if shares.empty:
        return pd.DataFrame(columns=columns)
    out = shares.assign(scope=shares["scope"].fillna(""), subject=shares["subject"].fillna("").replace("", "(no subject)"))
    out["panel"] = [f"{m} · {s}" if s else f"{m} · (no market named)" for m, s in zip(out["metric"], out["scope"])]
    out["subject_shown"] = ""
    for _, idx in out.groupby("panel").groups.items():
        out.loc[idx, "subject_shown"] = top_n_other(out.loc[idx, "subject"], n=top_subjects).to_numpy()
    sizes = out["panel"].value_counts()
    out["order"] = out["panel"].map(lambda p: (-sizes[p], p))
    return out.sort_values("order", kind="stable")[columns].reset_index(drop=True)


def _articles(n: int) -> str:
    return f"{n} article{'s' if n != 1 else ''} · first report"


def share_multiples(panels: pd.DataFrame, top: int = 9, cols: int = 3, arrows: int = 8):
    """Small multiples, one panel per metric and scope (the `top` most stated; the rest in the table):
    each subject a row, its level figures as dots (as large as the articles giving that figure, against
    the panel's most given) and its most told from→to changes as arrows (`arrows` at most, fewer when the
    panel has many subjects), each on its own line of the row (thicker when more articles tell it), on a
    0–100% axis. Each dot and arrow is linked (`charts.link_points`) to the first claim that gives it."""
    import matplotlib.pyplot as plt


    names = list(dict.fromkeys(panels["panel"]))[:top]
    if not names:
        fig, ax = plt.subplots(figsize=(8, 1.5))
        ax.text(0.5, 0.5, "no share figures", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    rows = -(-len(names) // cols)
    fig, axes = plt.subplots(rows, min(cols, len(names)), figsize=(4.3 * min(cols, len(names)), 2.9 * rows), squeeze=False)
    for ax, name in zip(axes.flat, names):
        data = panels[panels["panel"] == name]
        subjects = order_with_other(data["subject_shown"])
        y = {s: i for i, s in enumerate(subjects)}
        levels = data[data["from_value"].isna()]
        grouped = levels.groupby(["subject_shown", "value"]).agg(
            articles=("article_id", "nunique"), first_article=("article_id", "first"),
            first_claim=("claim_id", "first")).reset_index()
        biggest = max(1, int(grouped["articles"].max())) if len(grouped) else 1
        dots = ax.scatter(grouped["value"], [y[s] - 0.18 for s in grouped["subject_shown"]],
                          s=10 + 70 * grouped["articles"] / biggest, color="#2c7fb8", alpha=0.55, edgecolors="none")
        link_points(dots, [(g.first_article, g.first_claim, f"{g.subject_shown} {g.value:g}% · {_articles(g.articles)}")
                           for g in grouped.itertuples()])
        changes = data[data["from_value"].notna()]
        stories = (changes.groupby(["subject_shown", "from_value", "to_value"])
                   .agg(articles=("article_id", "nunique"), first_article=("article_id", "first"),
                        first_claim=("claim_id", "first")).reset_index()
                   .sort_values(["articles", "from_value"], ascending=[False, True]))
        per_row = max(2, min(arrows, 24 // len(subjects)))  # a row's band holds so many lines and stays readable
        for subject, told in stories.groupby("subject_shown", sort=False):
            told = told.head(per_row)
            for k, r in enumerate(told.itertuples()):
                lift = 0.02 + 0.4 * (k + 1) / (len(told) + 1)  # each change its own line in the row's band
                arrow = ax.annotate("", xy=(r.to_value, y[subject] + lift), xytext=(r.from_value, y[subject] + lift),
                                    arrowprops=dict(arrowstyle="->", color="#e67e22", lw=0.7 + 0.5 * min(r.articles, 4),
                                                    alpha=0.85))
                link_points(arrow, [(r.first_article, r.first_claim,
                                     f"{subject} {r.from_value:g}% → {r.to_value:g}% · {_articles(r.articles)}")])
        ax.set_yticks(range(len(subjects)), [s if len(s) <= 12 else s[:11] + "…" for s in subjects], fontsize=8)
        ax.set_ylim(len(subjects) - 0.5, -0.6)
        ax.set_xlim(-3, 103)
        ax.tick_params(axis="x", labelsize=7)
        title = name if len(name) <= 30 else name[:29] + "…"
        ax.set_title(f"{title}\n{len(data)} figures, {data['article_id'].nunique()} articles", fontsize=8.5)
    for ax in list(axes.flat)[len(names):]:
        ax.set_axis_off()
    more = panels["panel"].nunique() - len(names)
    fig.suptitle("Share figures by metric and scope (%; dots: levels, size = articles; arrows: each subject's most "
                 "told from→to changes, all in the table)"
                 + (f"; {more} smaller panels in the table" if more else ""), fontsize=10)
    fig.tight_layout()
    return fig
