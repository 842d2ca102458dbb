"""Reported events and the record: each event claim with its camp and dates, and the reference
export-control events it can be.

A reported event can be a reference event only when the same actor acted: the same agency (SAMR is not
MOFCOM, BIS is not the White House) and the same kind of action or a shared item; or, when one side
names only a government (美国政府, `China government`) or a firm, the same camp, the same kind of
action and a shared item. And only within `MATCH_WINDOW_DAYS` of the record's date: further off it is
another event, not a misdated one. A reference row that reports what another actor did
(`…the US government assured licenses would be granted`) stands for that actor too."""

from __future__ import annotations

import re

import pandas as pd

from ..lang import lexicon as lexicon_mod
from ..store.tables import Tables
from .agreement import dates_overlap
from .camps import actor_agency, actor_group, reference_agency
from .reference import load_export_controls

MATCH_SLACK_DAYS = 3  # a report dated a few days off the record still agrees with it
MATCH_WINDOW_DAYS = 31  # a report further than this from the record's date is about another event
# Actors a reference row's action reports besides its own: (pattern, camp, agency).
_REPORTED_ACTORS = [
    (re.compile(r"\bTrump\b|White House", re.I), "US government", "White House"),
    (re.compile(r"US government|US official", re.I), "US government", ""),
    (re.compile(r"Chinese (?:government|regulators|officials)|Beijing", re.I), "Chinese government", ""),
]


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
    ("investigate", r"investigat|probe|antitrust|anti-dumping|summon"),  # before approve: `…the Mellanox approval`
    ("approve", r"approv|granted|allow|licen[cs]es? (?:were )?(?:issued|granted)|issu\w* licen|resum|lift"),
    ("ban", r"\bban|prohibit|halt|stop|barred|told .* to stop|order"),
    ("tighten", r"need a licen|requires? a licen|rule|restrict|control|licen[cs]e requirement|entity list|threshold|tighten|tariff|added"),
    ("launch", r"launch|unveil|announc|introduc|confirm"),
]


def action_class(action_en: str) -> str:
    """The extractors' action for a reference row's English action (`approve`, `ban`, …, `other`)."""
    for cls, pattern in _ACTION_WORDS:
        if re.search(pattern, action_en, re.IGNORECASE):
            return cls
    return "other"


def reference_events() -> pd.DataFrame:
    """The reference export-control events with their midpoint, action class and agency."""
    ref, _ = load_export_controls()
    ref = ref.copy()
    ref["when"] = [_mid(s, e) for s, e in zip(ref["date_start"], ref["date_end"])]
    ref["action_class"] = [action_class(a) for a in ref["action"]]
    ref["agency"] = [reference_agency(a) for a in ref["actor"]]
    return ref


def _actors(ref) -> list[tuple[str, str]]:
    """The (camp, agency) pairs a reference row stands for: its own actor, and actors its action reports."""
    out = [(ref.actor_group, getattr(ref, "agency", "") or "")]
    for pattern, camp, agency in _REPORTED_ACTORS:
        if pattern.search(str(ref.action)) and (camp, agency) not in out:
            out.append((camp, agency))
    return out


# Actions of one direction: a report of a ban is about the record's tightening, a resumption about its approval.
_ACTION_FAMILY = {"ban": "restrict", "tighten": "restrict", "approve": "allow", "resume": "allow", "loosen": "allow",
                  "launch": "launch", "announce": "launch"}


def same_action(a: str, b: str) -> bool:
    return a != "other" and b != "other" and _ACTION_FAMILY.get(a, a) == _ACTION_FAMILY.get(b, b)


def match_basis(ev_camp: str, ev_agency: str, action: str, items: set[str], ref, ref_items: set[str]) -> str:
    """Why a reported event can be this reference event, as `strong: …` or `weak: …` ('' when it cannot).

    Strong: the same agency and the same action; or, when one side names only a government or a firm,
    the same camp, action and a shared item. Weak: the same agency and a shared item but another action;
    or the same camp and action when the report names no item."""
    same = same_action(ref.action_class, action)
    shared = items & ref_items
    item_text = f", shared item ({', '.join(sorted(shared))})" if shared else ""
    for camp, agency in _actors(ref):
        if camp != ev_camp:
            continue
        if ev_agency and agency:
            if ev_agency != agency:
                continue
            if same:
                return f"strong: same agency ({agency}), same action ({action}){item_text}"
            if shared:
                return f"weak: same agency ({agency}){item_text}, but {action} against the record's {ref.action_class}"
            continue
        if same and shared:
            return f"strong: same camp ({camp}), action ({action}) and item ({', '.join(sorted(shared))})"
        if same and not items:
            return f"weak: same camp ({camp}) and action ({action}); the report names no item"
        if shared and action == "other":
            return f"weak: same camp ({camp}){item_text}; the report's action is unclassified"
    return ""


def match_reference(reported: pd.DataFrame, reference: pd.DataFrame, lexicon=None) -> pd.DataFrame:
    """For each reported event, the reference events it can be (`match_basis`, within `MATCH_WINDOW_DAYS`)."""
    lexicon = lexicon or lexicon_mod.load()
    ref_items = [
        {lexicon.canonical(i.strip()) for i in str(items).split(";") if i.strip()} for items in reference["items"]
    ]
    matches, bases = [], []
    references = list(reference.itertuples())
    for ev in reported.itertuples():
        items = {i for i in str(ev.items).split(";") if i}
        agency = actor_agency(ev.actor, lexicon) if ev.actor else ""
        found, why = [], []
        for j, ref in enumerate(references):
            if not dates_overlap(ev.date_start, ev.date_end, ref.date_start, ref.date_end, MATCH_WINDOW_DAYS):
                continue
            basis = match_basis(ev.actor_group, agency, ev.action, items, ref, ref_items[j])
            if basis:
                found.append(j)
                why.append(basis)
        matches.append(found)
        bases.append(" | ".join(why))
    out = reported.copy()
    out["reference_rows"] = [";".join(str(reference.index[j]) for j in m) for m in matches]
    out["matched_reference"] = [
        " | ".join(f"{reference.iloc[j]['date']} {reference.iloc[j]['action']}" for j in m) for m in matches
    ]
    out["match_basis"] = bases
    return out
