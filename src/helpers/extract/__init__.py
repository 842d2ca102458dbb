"""Claim extraction: pure functions from an article's sentences to rows of the claims table.

One module per kind of claim (`market_share`, `event`, `spec`, `money`,
`quote`), each knowing its own patterns. They read the sentence through a
simplified copy of exactly the same length (so every span is a span of the
original text, traditional or simplified) and the lexicon's entity mentions.
`extract_article` walks the sentences in order, carrying what a reader
carries: the last date (for `三个月后`, `同一天`), the last speaker (for
`他说`), the products just named (for `区区144张卡` after `NVL144平台`).
"""

from __future__ import annotations

import datetime as dt
import hashlib

from ..lang import lexicon as lexicon_mod
from ..lang.lexicon import Lexicon
from ..lang.script import Simplifier
from ..lang.text import split_sentences
from . import event, market_share, money, quote, spec
from .context import PRODUCT_TYPES, Draft, SentenceContext
from .dates import DateRef, find_dates

EXTRACTORS = {
    "market_share": market_share.extract,
    "event": event.extract,
    "spec": spec.extract,
    "money": money.extract,
    "quote": quote.extract,
}

CLAIM_COLUMNS = [
    "claim_id", "article_id", "kind", "subject", "scope", "metric", "value", "value_max", "unit",
    "from_value", "to_value", "relative_to", "date_start", "date_end", "date_precision", "period",
    "date_inferred", "actor", "action", "items", "status", "hedge", "sentence", "sentence_zh_hans",
    "sent_idx", "char_start", "char_end", "evidence",
]


def claim_id(article_id: str, kind: str, start: int, end: int) -> str:
    return hashlib.sha256(f"{article_id}|{kind}|{start}|{end}".encode()).hexdigest()[:16]


def _published(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def extract_article(
    article_id: str,
    text: str,
    sentences: list[tuple[int, int, int, str, str]],
    published: str,
    lexicon: Lexicon,
    simplifier: Simplifier,
    simplified: bool | None = None,
) -> list[dict]:
    """Claims of one article; `sentences` are (index, start, end, text, zh_hans) as the build stores them.
    `simplified`: whether the text is already in simplified script, when ingestion has found out."""
    published_date = _published(published)
    aligned = simplifier.to_simplified_aligned(text, simplified)
    anchor: DateRef | None = None
    anchor_index = -10
    carried: DateRef | None = None
    last_speaker = ""
    open_quote = ""
    previous_products = []
    previous_shares: dict[float, tuple[str, str]] = {}
    memory: dict = {}  # the extractors' own article-long memory (SentenceContext.memory)
    rows: list[dict] = []
    known_names: set[str] = set()
    last_event_actor = None
    all_mentions = [lexicon.mentions(text[s_start:s_end]) for _, s_start, s_end, _, _ in sentences]
    for position, (index, start, end, sentence, sentence_hans) in enumerate(sentences):
        zh = aligned[start:end]
        mentions = all_mentions[position]  # offsets relative to the sentence
        following = sentences[position + 1] if position + 1 < len(sentences) else None
        ctx = SentenceContext(
            article_id=article_id, index=index, offset=start, text=sentence, zh=zh, mentions=mentions,
            published=published_date, anchor=anchor, carried_date=carried, last_speaker=last_speaker,
            open_quote_speaker=open_quote,
            paragraph_start=position == 0 or "\n" in text[sentences[position - 1][2] : start],
            next_zh=aligned[following[1]:following[2]] if following else "",
            next_mentions=all_mentions[position + 1] if following else [],
            known_names=known_names, lexicon=lexicon, last_event_actor=last_event_actor,
            previous_products=previous_products, previous_shares=previous_shares, memory=memory,
        )
        ctx.dates = find_dates(zh, published_date, anchor, recent=index - anchor_index <= 2)
        drafts: list[Draft] = []
        for extractor in EXTRACTORS.values():
            drafts.extend(extractor(ctx))
        for d in drafts:
            rows.append(_row(article_id, ctx, d, sentence, sentence_hans))

        # What the next sentence inherits.
        has_event = False
        quotes_here = []  # quotes with a speaker
        shares: dict[float, tuple[str, str]] = {}
        for d in drafts:  # one pass over the sentence's claims
            if d.kind == "event":
                has_event = True
                if d.actor:
                    last_event_actor = d.actor
            elif d.kind == "quote":
                if d.actor:
                    quotes_here.append(d)
            elif d.kind == "market_share" and d.value is not None:
                shares[d.value] = (d.subject, d.metric)
        carried = None
        if ctx.dates:
            resolved = [d for d in ctx.dates if d.date_start]
            if resolved:
                # A specific day is the better anchor for 同一天 and 次日 than a later month or quarter.
                days = [d for d in resolved if d.precision == "day"]
                anchor, anchor_index = (days or resolved)[-1], index
            relative_or_short = [d for d in ctx.dates if d.resolved and (d.relative or d.inferred or len(zh) < 24)]
            carried = relative_or_short[-1] if relative_or_short and not has_event else None
        n_open = zh.count("“") + zh.count("「") + zh.count("『")
        n_close = zh.count("”") + zh.count("」") + zh.count("』")
        opened = n_open - n_close
        if quotes_here and opened > 0:
            open_quote = quotes_here[-1].actor
        elif open_quote and n_close > n_open:
            open_quote = ""  # the quotation closed in this sentence
        elif not open_quote or opened < 0:
            open_quote = ""
        if quotes_here:
            last_speaker = quotes_here[-1].actor
        else:
            persons = [m.canonical for m in mentions if m.type == "person"]
            if persons:
                last_speaker = persons[-1]
        previous_products = [m for m in mentions if m.type in PRODUCT_TYPES]
        previous_shares = shares
    return rows


def _row(article_id: str, ctx: SentenceContext, d: Draft, sentence: str, sentence_hans: str) -> dict:
    start, end = ctx.offset + d.start, ctx.offset + d.end
    date = d.date
    return {
        "claim_id": claim_id(article_id, d.kind, start, end),
        "article_id": article_id,
        "kind": d.kind,
        "subject": d.subject,
        "scope": d.scope,
        "metric": d.metric,
        "value": d.value,
        "value_max": d.value_max,
        "unit": d.unit,
        "from_value": d.from_value,
        "to_value": d.to_value,
        "relative_to": d.relative_to,
        "date_start": date.date_start if date else "",
        "date_end": date.date_end if date else "",
        "date_precision": date.precision if date else "",
        "period": date.period if date else "",
        "date_inferred": bool(date.inferred) if date else False,
        "actor": d.actor,
        "action": d.action,
        "items": d.items,
        "status": d.status,
        "hedge": d.hedge,
        "sentence": sentence,
        "sentence_zh_hans": sentence_hans,
        "sent_idx": ctx.index,
        "char_start": start,
        "char_end": end,
        "evidence": ctx.text[d.start : d.end],
    }


def extract_text(text: str, published: str = "", article_id: str = "text",
                 lexicon: Lexicon | None = None, simplifier: Simplifier | None = None) -> list[dict]:
    """Claims of a piece of already-clean text: for trying a sentence in a notebook or a test."""
    lexicon = lexicon or lexicon_mod.load()
    simplifier = simplifier or Simplifier(lexicon)
    sentences = [(s.index, s.start, s.end, s.text, simplifier.to_simplified(s.text)) for s in split_sentences(text)]
    return extract_article(article_id, text, sentences, published, lexicon, simplifier)
