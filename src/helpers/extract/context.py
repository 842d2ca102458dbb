"""What an extractor sees: one sentence, its simplified twin, and what the article said before it."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from ..lang.lexicon import Mention
from .dates import DateRef

ACTOR_TYPES = {"company", "agency", "person", "org", "fund"}
PRODUCT_TYPES = {"chip", "system"}
CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?—]")


@dataclass
class Draft:
    """A claim found in a sentence, with its span relative to the sentence."""

    kind: str
    start: int
    end: int
    subject: str = ""
    scope: str = ""
    metric: str = ""
    value: float | None = None
    value_max: float | None = None
    unit: str = ""
    from_value: float | None = None
    to_value: float | None = None
    relative_to: str = ""
    date: DateRef | None = None
    actor: str = ""
    action: str = ""
    items: str = ""
    hedge: str = ""
    status: str = ""  # events: `planned` for an action still to come (a roadmap launch, a set listing day)


@dataclass
class SentenceContext:
    article_id: str
    index: int
    offset: int  # where the sentence starts in the article text
    text: str  # as it stands in the cleaned article
    zh: str  # simplified, same length as `text`
    mentions: list[Mention]  # offsets relative to the sentence
    published: dt.date | None
    anchor: DateRef | None  # nearest earlier resolved date in the article
    dates: list[DateRef] = field(default_factory=list)
    carried_date: DateRef | None = None  # a relative date from the previous sentence with no event of its own
    last_speaker: str = ""  # nearest named speaker before this sentence
    open_quote_speaker: str = ""  # the speaker of a quotation still open at the end of the previous sentence
    paragraph_start: bool = True  # the sentence opens a paragraph (a line break, or the text's start, before it)
    next_zh: str = ""  # the next sentence, simplified: “…。”黄仁勋说。 puts the speaker after the quote
    next_mentions: list[Mention] = field(default_factory=list)
    known_names: set[str] = field(default_factory=set)
    lexicon: object = None  # the Lexicon in use (extractors never load one themselves)
    last_event_actor: object = None  # the actor (a Mention) of the last event: 同年7月又同意… continues it  # people the lexicon does not know, named earlier with a role
    previous_products: list[Mention] = field(default_factory=list)  # products named in the previous sentence
    previous_shares: dict[float, tuple[str, str]] = field(default_factory=dict)  # value -> (subject, metric)
    # What an extractor remembers across the sentences of one article, under its own key (money: the
    # currency a bare 元 continues). One dict per article, read in sentence order.
    memory: dict = field(default_factory=dict)

    # ------------------------------------------------------------ helpers
    def clause_bounds(self, pos: int) -> tuple[int, int]:
        """The clause around `pos`, between punctuation marks."""
        zh = self.zh
        if 0 <= pos <= len(zh):
            # The positions of the sentence's punctuation marks, found once per sentence (and per
            # `zh`, should a caller replace it): the clause runs from just after the last mark before
            # `pos` to the first mark at or after it.
            cached = self.__dict__.get("_clause_breaks")
            if cached is None or cached[0] is not zh:
                cached = (zh, [m.start() for m in CLAUSE_BREAK.finditer(zh)])
                self.__dict__["_clause_breaks"] = cached
            breaks = cached[1]
            k = bisect.bisect_left(breaks, pos)
            return (breaks[k - 1] + 1 if k else 0), (breaks[k] if k < len(breaks) else len(zh))
        start = pos
        while start > 0 and not CLAUSE_BREAK.match(self.zh[start - 1]):
            start -= 1
        end = pos
        while end < len(self.zh) and not CLAUSE_BREAK.match(self.zh[end]):
            end += 1
        return start, end

    def nearest_before(self, pos: int, types: set[str], limit: int = 60, exclude: set[str] = frozenset()) -> Mention | None:
        best = None
        for m in self.mentions:
            if m.end <= pos and pos - m.end <= limit and m.type in types and m.canonical not in exclude:
                best = m
        return best

    def nearest_after(self, pos: int, types: set[str], limit: int = 20, exclude: set[str] = frozenset()) -> Mention | None:
        for m in self.mentions:
            if m.start >= pos and m.start - pos <= limit and m.type in types and m.canonical not in exclude:
                return m
        return None

    def inside_quote(self, pos: int) -> bool:
        depth = 0
        for ch in self.zh[:pos]:
            if ch in "“「『":
                depth += 1
            elif ch in "”」』" and depth:
                depth -= 1
        return depth > 0

    def date_for(self, pos: int) -> DateRef | None:
        """The date that governs a figure at `pos`: the last resolved date before it in the sentence."""
        before = [d for d in self.dates if d.start <= pos and d.resolved]
        if before:
            return before[-1]
        after = [d for d in self.dates if d.resolved]
        return after[0] if after else None
