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

from ..extract.event import STRONG_ACTIONS, classify
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
    ("ban", r"\bban(?:s|ned|ning)?\b|prohibit|halt|stop|suspend|barred|told .* to stop|ordered .* to"),
    ("tighten", r"need a licen|requires? a licen|rule|restrict|control|licen[cs]e requirement|entity list|threshold|tighten|tariff|added"),
    ("launch", r"launch|unveil|announc|introduc|confirm|results"),
]


_FIRM_FIRST = ("launch", "ban")  # a firm's row is first what it launched or announced, or halted


def action_class(action_en: str, firm: bool = False) -> str:
    """The extractors' action for a reference row's English action (`approve`, `ban`, …, `other`); a firm's
    row (`Confirmed the A800 … to fall under the thresholds`) is read for a launch or a halt first."""
    words = sorted(_ACTION_WORDS, key=lambda w: w[0] not in _FIRM_FIRST) if firm else _ACTION_WORDS
    for cls, pattern in words:
        if re.search(pattern, action_en, re.IGNORECASE):
            return cls
    return "other"


def reference_class(row: dict) -> str:
    """A reference row's action class: as the row sets it by hand (`action_class`), else what the extractors'
    own grammar reads in its Chinese wording when that is an act of government or a launch, else what its
    English wording says (`action_class`)."""
    given = str(row.get("action_class", "") or "").strip()
    if given:
        return given
    zh = classify(str(row.get("action_zh", "") or ""))[0]
    if zh in STRONG_ACTIONS or zh == "launch":
        return zh
    return action_class(str(row.get("action", "")), row.get("actor_group") not in ("US government", "Chinese government"))


def reference_events() -> pd.DataFrame:
    """The reference export-control events with their midpoint, action class and agency."""
    ref, _ = load_export_controls()
    ref = ref.copy()
    ref["when"] = [_mid(s, e) for s, e in zip(ref["date_start"], ref["date_end"])]
    ref["action_class"] = [reference_class(row) for row in ref.to_dict("records")]
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
    the same camp, action and a shared item (`strong (camp only)` when the other side names an agency:
    enough to agree, not to say the date is wrong). Weak: the same agency and a shared item but another action;
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
            # one side names an agency, the other only the camp: good enough to agree, not to contradict
            label = "strong" if not (ev_agency or agency) else "strong (camp only)"
            return f"{label}: same camp ({camp}), action ({action}) and item ({', '.join(sorted(shared))})"
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


# ------------------------------------------------------------------ mentions of the record
# Words a Chinese sentence uses for each family of action (the reference's action classes).
_ACTION_ZH = {
    "investigate": r"调查|约谈|立案|反垄断|反倾销|反歧视|审查|问询",
    "restrict": r"禁|停止|叫停|暂停|限制|管制|收紧|许可证?要求|不得|实体清单|新规|规则|关税|取消|撤销",
    "allow": r"批准|放行|许可|恢复|同意|解禁|获批|放宽|松绑|开绿灯",
    "launch": r"推出|发布|亮相|上市|宣布|确认",
}
_COUNTRY_CAMPS = {"中国": "Chinese government", "美国": "US government"}
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)%")


def _action_pattern(action_class: str) -> re.Pattern | None:
    words = _ACTION_ZH.get(_ACTION_FAMILY.get(action_class, action_class))
    return re.compile(words) if words else None


def _grams(text: str, n: int = 4) -> set[str]:
    """The runs of `n` Chinese characters of a text (what two wordings of one action share: 反倾销调)."""
    runs = re.findall(r"[\u4e00-\u9fff]+", text)
    return {run[i:i + n] for run in runs for i in range(len(run) - n + 1)}


def _shares_words(words: set[str], text: str) -> bool:
    return bool(words & _grams(text))


def record_mentions(tables: Tables, reference: pd.DataFrame, lexicon=None) -> pd.DataFrame:
    """Which sentences mention which reference event, dated or not: the sentence names the event's actor
    (its agency, or a member of its camp for a row naming only a government or a firm), one of its items
    (when it has any), and its action (a word of the action's family, or every percentage the record's
    action states, as text or as a claim's figure: `95% to 0%`); and, when the sentence's claims carry a
    date, that date lies within `MATCH_WINDOW_DAYS` of the event. One row per (reference row, article,
    sentence)."""
    lexicon = lexicon or lexicon_mod.load()
    columns = ["reference_row", "article_id", "sent_idx", "sentence"]
    if tables.sentences is None or tables.sentences.empty or reference.empty:
        return pd.DataFrame(columns=columns)
    claims = tables.claims
    figures: dict[tuple, set[float]] = {}
    dates: dict[tuple, list[tuple[str, str]]] = {}
    for c in claims.itertuples():
        key = (c.article_id, c.sent_idx)
        for v in (c.value, c.from_value, c.to_value):
            if v is not None and v == v:
                figures.setdefault(key, set()).add(round(float(v), 3))
        if c.date_start:
            dates.setdefault(key, []).append((c.date_start, c.date_end or c.date_start))
    refs = []
    known_items = {e.canonical for e in getattr(lexicon, "entities", [])}
    ref_words = {ref.Index: _grams(str(getattr(ref, "action_zh", "") or "")) for ref in reference.itertuples()}
    for ref in reference.itertuples():
        items = {lexicon.canonical(i.strip()) for i in str(ref.items).split(";") if i.strip()}
        change = re.search(r"from (\d+(?:\.\d+)?)% to (\d+(?:\.\d+)?)%", str(ref.action))
        percents = {round(float(p), 3) for p in (change.groups() if change else _PERCENT.findall(str(ref.action)))}
        refs.append((ref, items, percents, _action_pattern(ref.action_class), _actors(ref)))
    unique = set(tables.articles.loc[tables.articles["duplicate_of"].fillna("") == "", "article_id"]) \
        if "duplicate_of" in tables.articles else set(tables.articles["article_id"])
    out = []
    for s in tables.sentences.itertuples():
        if s.article_id not in unique:
            continue
        text = str(s.sentence_zh_hans or s.sentence)
        named = lexicon.mentions(text)
        if not named:
            continue
        names = {m.canonical for m in named}
        actors_named = {(actor_group(n, lexicon), actor_agency(n, lexicon)) for n in names
                        if lexicon.entity(n) is not None and lexicon.entity(n).type in ("agency", "person", "company", "org")}
        actors_named |= {(_COUNTRY_CAMPS[n], "") for n in names if n in _COUNTRY_CAMPS}  # 中方, 美方: the government
        key = (s.article_id, s.sent_idx)
        said = figures.get(key, set()) | {round(float(p), 3) for p in _PERCENT.findall(text)}
        for ref, items, percents, action, actors in refs:
            if items and not items & names and not (not items & known_items and _shares_words(ref_words[ref.Index], text)):
                continue
            # the same agency, or one side naming only the camp (中方 for MOFCOM, `China government` for 商务部)
            if not any(camp == c and (agency == a or not agency or not a) for camp, agency in actors for c, a in actors_named):
                continue
            if percents:
                if not percents <= said:
                    continue
            elif action is None or not action.search(text):
                continue
            spans = dates.get(key, [])
            if spans and not any(dates_overlap(a, b, ref.date_start, ref.date_end, MATCH_WINDOW_DAYS) for a, b in spans):
                continue
            out.append((ref.Index, s.article_id, s.sent_idx, s.sentence))
    return pd.DataFrame(out, columns=columns)
