"""Reported events and the record: each event claim with its camp and dates, and the reference
export-control events it can be (same camp, overlapping dates, same kind of action or a shared item)."""

from __future__ import annotations

import re

import pandas as pd

from ..lang import lexicon as lexicon_mod
from ..store.tables import Tables
from .agreement import dates_overlap
from .camps import actor_group
from .reference import load_export_controls

MATCH_SLACK_DAYS = 3  # a report dated a few days off the record is still about the same event


def _mid(start: str, end: str) -> pd.Timestamp | None:
    if not start:
        return None
    a, b = pd.Timestamp(start), pd.Timestamp(end or start)
    return a + (b - a) / 2


def reported_events(tables: Tables, lexicon=None) -> pd.DataFrame:
    """Events the articles report, one row per claim, with article, outlet and camp."""
    lexicon = lexicon or lexicon_mod.load()
    events = tables.claims[tables.claims["kind"] == "event"].copy()
    arts = tables.articles.set_index("article_id")
    events["outlet"] = events["article_id"].map(arts["outlet"])
    events["published"] = events["article_id"].map(arts["published"])
    events["actor_group"] = [actor_group(a, lexicon) for a in events["actor"]]
    events["when"] = [_mid(s, e) for s, e in zip(events["date_start"], events["date_end"])]
    events["date_shown"] = [
        r.period or (r.date_start[: {"day": 10, "month": 7, "quarter": 7, "year": 4}.get(r.date_precision, 10)]
                     if r.date_start else "")
        for r in events.itertuples()
    ]
    return events.reset_index(drop=True)


_ACTION_WORDS = [
    ("approve", r"approv|granted|allow|licen[cs]es? (?:were )?(?:issued|granted)|resum|lift"),
    ("investigate", r"investigat|probe|antitrust|anti-dumping|summon"),
    ("ban", r"\bban|prohibit|halt|stop|barred|told .* to stop|order"),
    ("tighten", r"rule|restrict|control|licen[cs]e requirement|entity list|threshold|tighten|tariff|added"),
    ("launch", r"launch|unveil|announc|introduc|confirm"),
]


def action_class(action_en: str) -> str:
    """The extractors' action for a reference row's English action (`approve`, `ban`, …, `other`)."""
    for cls, pattern in _ACTION_WORDS:
        if re.search(pattern, action_en, re.IGNORECASE):
            return cls
    return "other"


def reference_events() -> pd.DataFrame:
    """The reference export-control events with their midpoint and action class."""
    ref, _ = load_export_controls()
    ref = ref.copy()
    ref["when"] = [_mid(s, e) for s, e in zip(ref["date_start"], ref["date_end"])]
    ref["action_class"] = [action_class(a) for a in ref["action"]]
    return ref


def match_reference(reported: pd.DataFrame, reference: pd.DataFrame, lexicon=None) -> pd.DataFrame:
    """For each reported event, the reference events it can be: same camp, overlapping dates,
    and the same action class or a shared item."""
    lexicon = lexicon or lexicon_mod.load()
    ref_items = [
        {lexicon.canonical(i.strip()) for i in str(items).split(";") if i.strip()} for items in reference["items"]
    ]
    matches = []
    references = list(reference.itertuples())
    for ev in reported.itertuples():
        items = {i for i in str(ev.items).split(";") if i}
        found = []
        for j, ref in enumerate(references):
            if ref.actor_group != ev.actor_group:
                continue
            if not dates_overlap(ev.date_start, ev.date_end, ref.date_start, ref.date_end, MATCH_SLACK_DAYS):
                continue
            if (ref.action_class == ev.action and ev.action != "other") or items & ref_items[j]:
                found.append(j)
        matches.append(found)
    out = reported.copy()
    out["reference_rows"] = [";".join(str(reference.index[j]) for j in m) for m in matches]
    out["matched_reference"] = [
        " | ".join(f"{reference.iloc[j]['date']} {reference.iloc[j]['action']}" for j in m) for m in matches
    ]
    return out
