"""Who states a figure: the speaker of the quoted or reported passage it sits in, else its actor."""

from __future__ import annotations

import pandas as pd


def share_speakers(claims: pd.DataFrame) -> pd.Series:
    """The speaker of every market-share claim, by claim id, in the claims' order: the quote's speaker
    when the figure sits inside a quote of the same article (黄仁勋说:“…从95%降到了0%”), else the
    share's own actor."""
    shares = claims[claims["kind"] == "market_share"]
    quotes = claims[claims["kind"] == "quote"]
    by_article: dict[str, list[tuple[int, int, str]]] = {}
    for article, start, end, actor in zip(quotes["article_id"].tolist(), quotes["char_start"].tolist(),
                                          quotes["char_end"].tolist(), quotes["actor"].tolist()):
        by_article.setdefault(article, []).append((start, end, actor))
    speakers = []
    for article, start, end, actor in zip(shares["article_id"].tolist(), shares["char_start"].tolist(),
                                          shares["char_end"].tolist(), shares["actor"].tolist()):
        inside = [a for s, e, a in by_article.get(article, ()) if s <= start and e >= end]
        speakers.append(inside[0] if inside else actor)
    return pd.Series(speakers, index=shares["claim_id"].to_numpy(), dtype=object, name="speaker")
