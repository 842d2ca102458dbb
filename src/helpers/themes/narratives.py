"""Market-share narratives: who says what share, when, about which market, and how articles frame it."""

from __future__ import annotations

import collections
import math
import re

import pandas as pd

from ..check.speakers import share_speakers
from ..lang import lexicon as lexicon_mod
from ..store.tables import Tables
from .overview import STOPWORDS

_TOKEN_OK = re.compile(r"[\u4e00-\u9fffA-Za-z]")


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
    rows = []
    for story, group in nv.groupby("story", sort=False):
        rows.append({
            "story": story,
            "articles": ", ".join(sorted(group["article_id"].unique())),
            "claims": len(group),
            "attributed to": ", ".join(sorted({s for s in group["speaker"] if s})) or "(author)",
            "published": ", ".join(sorted({p for p in group["published"] if p})) or "unknown",
            "date in text": ", ".join(sorted({d for d in group["date_start"] if d})) or "none",
        })
    return pd.DataFrame(rows)


def slope_chart(shares: pd.DataFrame, ax=None):
    """Each from→to claim as a line from its starting share to its end share."""
    import matplotlib.pyplot as plt

    # One line per article and story: a figure repeated in the same article is drawn once.
    changes = shares[shares["change"]].drop_duplicates(["article_id", "subject", "metric", "from_value", "to_value"])
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 5))
    for row in changes.itertuples():
        label = f"{row.subject or '?'} · {row.metric} · {row.article_id[:12]}"
        ax.plot([0, 1], [row.from_value, row.to_value], marker="o", alpha=0.8, label=label)
    ax.set_xticks([0, 1], ["from (起点)", "to (终点)"])
    ax.set_ylabel("share (%)")
    ax.set_ylim(-5, 105)
    ax.set_xlim(-0.2, 1.2)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    ax.set_title("Share changes as the articles state them")
    return ax


# ------------------------------------------------------------ framing

def distinctive_terms(tables: Tables, n: int = 8, lexicon=None) -> pd.DataFrame:
    """TF-IDF across the corpus: the words that set each article apart (jieba with the lexicon)."""
    lexicon = lexicon or lexicon_mod.load()
    arts = tables.unique_articles
    docs = {}
    for row in arts.itertuples():
        words = [w for w in lexicon.segment(row.text_zh_hans)
                 if len(w) > 1 and w not in STOPWORDS and _TOKEN_OK.search(w) and not w.isdigit()]
        docs[row.article_id] = collections.Counter(words)
    df_counts = collections.Counter(w for c in docs.values() for w in c)
    n_docs = len(docs)
    rows = []
    for article_id, counts in docs.items():
        total = sum(counts.values()) or 1
        scored = sorted(
            ((tf / total) * math.log(n_docs / df_counts[w]), w) for w, tf in counts.items() if df_counts[w] < n_docs
        )[::-1][:n]
        for rank, (score, word) in enumerate(scored, start=1):
            rows.append({"article_id": article_id, "rank": rank, "term": word, "tfidf": round(score, 4)})
    return pd.DataFrame(rows, columns=["article_id", "rank", "term", "tfidf"])


def quoted_speakers(tables: Tables) -> pd.DataFrame:
    quotes = tables.claims[tables.claims["kind"] == "quote"]
    if quotes.empty:
        return pd.DataFrame(columns=["speaker"])
    return quotes.pivot_table(index="actor", columns="article_id", values="claim_id", aggfunc="count",
                              fill_value=0).rename_axis("speaker (说话人)")


THEME_GLOSS = {
    "export_control": "出口管制 export control", "market": "市场 market",
    "domestic_substitution": "国产替代 substitution", "cluster_compute": "集群算力 clusters",
    "chip_tech": "芯片技术 chip tech", "supply_chain": "供应链 supply chain",
    "geopolitics": "地缘政治 geopolitics", "software_ecosystem": "软件生态 software",
    "investment": "投资 investment", "security": "安全 security",
}


def theme_shares(tables: Tables, lexicon=None) -> pd.DataFrame:
    """Share of each article's text (in characters) spent in sentences that touch each theme."""
    lexicon = lexicon or lexicon_mod.load()
    themes: dict[str, list[str]] = collections.defaultdict(list)
    for term, (_, theme) in lexicon.terms.items():
        themes[theme].append(term)
    patterns = {t: re.compile("|".join(map(re.escape, sorted(ws, key=len, reverse=True)))) for t, ws in themes.items()}
    unique = set(tables.unique_articles["article_id"])
    rows = []
    for article_id, sents in tables.sentences.groupby("article_id"):
        if article_id not in unique:
            continue
        total = sents["sentence_zh_hans"].str.len().sum() or 1
        row = {"article_id": article_id}
        for theme, pattern in patterns.items():
            chars = sum(len(s) for s in sents["sentence_zh_hans"] if pattern.search(s))
            row[THEME_GLOSS.get(theme, theme)] = round(chars / total, 3)
        rows.append(row)
    return pd.DataFrame(rows).set_index("article_id")


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
