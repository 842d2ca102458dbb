"""Market-share narratives: who says what share, when, about which market, and how articles frame it."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from ..check.speakers import share_speakers
from ..store.tables import Tables
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


def slope_chart(shares: pd.DataFrame, ax=None, top: int = 12):
    """The `top` most told from→to stories, each a line from its starting share to its end share, as thick
    as the number of articles that tell it; market shares solid, other shares (of revenue, of
    purchases, a localisation rate) dashed. The rest are in the stories table."""
    import matplotlib.pyplot as plt

    stories = share_stories(shares)
    shown = stories.head(top)
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 5))
    for row in shown.itertuples():
        label = (f"{row.subject or '(no subject)'} · {row.metric}{' · ' + row.scope if row.scope else ''}: "
                 f"{row.from_value:g}→{row.hedge}{row.to_value:g}% ({row.articles} article{'s' if row.articles > 1 else ''})")
        ax.plot([0, 1], [row.from_value, row.to_value], marker="o", alpha=0.85, label=label,
                linewidth=1 + 1.5 * min(row.articles, 6), linestyle="-" if row.metric == "市场份额" else "--")
    ax.set_xticks([0, 1], ["from (起点)", "to (终点)"])
    ax.set_ylabel("share (%)")
    ax.set_ylim(-5, 105)
    ax.set_xlim(-0.2, 1.2)
    if len(shown):
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    more = len(stories) - len(shown)
    ax.set_title("Share changes as the articles state them" + (f" (top {len(shown)}; {more} more in the table)" if more else ""))
    return ax


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


def finding(shares: pd.DataFrame, stories: pd.DataFrame) -> str:
    if shares.empty:
        return "No market-share figures were found."
    parts = [f"{len(shares)} share figures in {shares['article_id'].nunique()} articles"]
    if len(stories):
        told = "; ".join(f"{r['story']} ({r['claims']}× in {r['articles'].count(',') + 1} article(s), "
                         f"attributed to {r['attributed to']})"
                         for r in stories.to_dict("records"))
        parts.append(f"Nvidia's China share is told as {told}")
    return "; ".join(parts) + "."
