"""Reported events and the record: each event claim with its camp and dates, and the reference
export-control events it can be.

A reported event can be a reference event only when the same actor acted: the same agency (SAMR is not
MOFCOM, BIS is not the White House) and the same kind of action or a shared item; or, when one side
names only a government (美国政府, `China government`) or a firm, the same camp, the same kind of
action and a shared item. And only within `MATCH_WINDOW_DAYS` of the record's date: further off it is
another event, not a misdated one. A reference row that reports what another actor did
(`…the US government assured licenses would be granted`) stands for that actor too."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

import pandas as pd

from ..extract.dates import find_dates
from ..extract.context import PRODUCT_TYPES
from ..extract.event import STRONG_ACTIONS, classify
from ..lang import lexicon as lexicon_mod
from ..store.tables import MENTION_COLUMNS, Tables
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
# Words a Chinese sentence uses for each family of action (the reference's action classes), for a government's
# act and for a firm's (a firm halts production or sales; it does not impose controls).
_ACTION_ZH = {
    "investigate": r"调查|约谈|立案|反垄断|反倾销|反歧视|问询",
    "restrict": r"(?<!解)禁|停止|叫停|暂停|限制|管制|收紧|许可证?要求|不得|实体清单|新规|规则|关税|取消|撤销",
    "allow": r"批准|放行|许可|恢复|同意|解禁|获批|放宽|松绑|开绿灯|允许|准许|核准",
    "launch": r"推出|发布(?!会)|亮相|上市|首发|面世|问世|量产|开售",
    "announce": r"宣布|公布|披露|财报|业绩|计提|减记|指引",
    "ship": r"出货|发货|交付|订单",
}
_FIRM_ACTION_ZH = {"restrict": r"暂停|停止|停产|叫停|中止|停售|断供|停工"}
# Which words stand for a record row's class when a sentence is read for a mention of it (an announcement
# of results is not a launch here, unlike when two dated events are matched).
_MENTION_FAMILY = {"ban": "restrict", "tighten": "restrict", "approve": "allow", "resume": "allow",
                   "loosen": "allow", "investigate": "investigate", "launch": "launch", "announce": "announce",
                   "ship": "ship", "list": "launch"}
_US_VENDORS = {"英伟达", "AMD", "英特尔"}
# A maker's chips named without a model (英伟达AI芯片, Nvidia的晶片): they stand for its chips in the record.
_MAKERS_CHIPS = re.compile(r"\s*(?:[（(][^）)]{0,12}[）)])?\s*(?:的)?\s*(?:AI|人工智能)?\s*(?:[（(]AI[）)])?\s*"
                           r"(?:芯片|晶片|GPU|产品|处理器|显卡)")
_COUNTRY_CAMPS = {"中国": "Chinese government", "美国": "US government", "北京": "Chinese government",
                  "华盛顿": "US government"}
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)%")
_CLAUSE_END = re.compile(r"[，,；;。！？!?]")
# A name right after one of these is the object of the act, not who acts (向中国出售, 对英伟达调查).
_OBJECT_BEFORE = re.compile(r"(?:向|对|與|与|和|同|跟|把|给|從|从|在|赴|访|访问|针对|對|出口|进口|销往|输往|进入|打压|制裁|"
                            r"遏制|围堵|施压|限制|管制|禁止)\s*$")
# A country named before one of these is a modifier (中国客户, 美国企业), not a government that acts.
_MODIFIER_AFTER = re.compile(r"\s*(?:的)?(?:客户|企业|公司|市场|厂商|买家|用户|芯片|半导体|科技|本土|消费者|业者|业界|同行|团队|"
                             r"大陆|国内|境内|产业|AI|人工智能|数据中心|厂|股|网友|媒体|民众|经济)")
# A date this loose (`今年`, `2025年以来`, a quarter) neither places a mention nor tells two events apart.
_PRECISE = {"day", "week", "dekad", "month"}
# An act the clause only supposes, asks about or plans (即使美国放宽…, 是否批准…, 试图禁止…) is no mention.
_SUPPOSED = re.compile(r"即使|即便|如果|假如|若|是否|能否|会否|讨论|考虑|试图|拟|计划|可能|或将|希望|呼吁|并未|尚未|没有|未曾|未能")
# A control word used as a noun (管制的焦点, 限制的范围) names no act.
_NOUN_USE = re.compile(r"(?:管制|限制|规则|新规)的")
# A name the record gives a rule or measure (“10·7规则”, 《人工智能扩散框架》), not a newspaper's (《金融时报》).
_QUOTED_NAME = re.compile(r"[“\"《「]([^”\"》」]{1,24}(?:规则|框架|措施|规定|条例|法案?|公告|清单|指南|新规))[”\"》」]")


def _action_pattern(action_class: str, firm: bool = False) -> re.Pattern | None:
    family = _MENTION_FAMILY.get(action_class, action_class)
    words = (_FIRM_ACTION_ZH if firm else {}).get(family) or _ACTION_ZH.get(family)
    return re.compile(words) if words else None


def _clause_of(text: str, pos: int) -> tuple[int, int]:
    start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, pos)), default=0)
    end = _CLAUSE_END.search(text, pos)
    return start, end.start() if end else len(text)


def _record_names(action_zh: str) -> list[str]:
    """The names a record row gives its act (`“10·7规则”`, `《人工智能扩散框架》`): naming one is a mention."""
    return [m.group(1) for m in _QUOTED_NAME.finditer(action_zh)]


@dataclass(frozen=True)
class _RecordRow:
    ref: object
    items: frozenset
    percents: frozenset
    action: re.Pattern | None
    actors: tuple
    names: tuple
    firm: bool
    vendors: frozenset = frozenset()  # the makers of its items (英伟达 for H20): `英伟达AI芯片` names them
    words: frozenset = frozenset()  # runs of its Chinese wording no other record row shares (反倾销调, 倾销调查)


def _grams(text: str, n: int = 4) -> set[str]:
    """The runs of `n` Chinese characters of a text (what two wordings of one act share: 反倾销调)."""
    runs = re.findall(r"[\u4e00-\u9fff]+", text)
    return {run[i:i + n] for run in runs for i in range(len(run) - n + 1)}


def _record_rows(reference: pd.DataFrame, lexicon) -> list[_RecordRow]:
    known = {e.canonical for e in getattr(lexicon, "entities", [])}
    grams = {ref.Index: _grams(str(getattr(ref, "action_zh", "") or "")) for ref in reference.itertuples()}
    counts: dict[str, int] = {}
    for found in grams.values():
        for g in found:
            counts[g] = counts.get(g, 0) + 1
    rows = []
    for ref in reference.itertuples():
        items = set()
        for item in filter(None, (i.strip() for i in str(ref.items).split(";"))):
            # `Nvidia (Mellanox)`, `RTX Pro 6000D (a.k.a. B40)`: the names the lexicon knows in it
            inside = lexicon.mentions(item)
            products = {m.canonical for m in inside if m.type in PRODUCT_TYPES}
            items |= {lexicon.canonical(item)} | (products or {m.canonical for m in inside})
        change = re.search(r"from (\d+(?:\.\d+)?)% to (\d+(?:\.\d+)?)%", str(ref.action))
        percents = {round(float(p), 3) for p in (change.groups() if change else _PERCENT.findall(str(ref.action)))}
        firm = ref.actor_group not in ("US government", "Chinese government")
        vendors = {e.parent for i in items if (e := lexicon.entity(i)) is not None and e.type in PRODUCT_TYPES
                   and e.parent}
        rows.append(_RecordRow(ref, frozenset(items & known), frozenset(percents),
                               _action_pattern(ref.action_class, firm), tuple(_actors(ref)),
                               tuple(_record_names(str(getattr(ref, "action_zh", "") or ""))), firm,
                               frozenset(vendors), frozenset(g for g in grams[ref.Index] if counts[g] == 1)))
    return rows


def _agents(text: str, named, lexicon) -> list[tuple[int, str, str]]:
    """Who can act in the sentence: (position, camp, agency) of each actor named other than as an object."""
    out = []
    for m in named:
        entity = lexicon.entity(m.canonical)
        if m.canonical in _COUNTRY_CAMPS:
            camp, agency = _COUNTRY_CAMPS[m.canonical], ""
        elif entity is not None and entity.type in ("agency", "person", "company", "org"):
            camp, agency = actor_group(m.canonical, lexicon), actor_agency(m.canonical, lexicon)
        else:
            continue
        if _OBJECT_BEFORE.search(text[max(0, m.start - 4):m.start]):
            continue
        if m.canonical in _COUNTRY_CAMPS and _MODIFIER_AFTER.match(text, m.end):
            continue
        out.append((m.start, camp, agency))
    return out


def _fits(actors, camp: str, agency: str) -> bool:
    """The same agency, or one side naming only the camp (中方 for MOFCOM, `China government` for 商务部)."""
    return any(c == camp and (a == agency or not a or not agency) for c, a in actors)


@dataclass(frozen=True)
class _Reading:
    """One way a sentence can be read as mentioning a record row: at which verb (-1 for a figure or a name
    alone), dated near the row or not, and how well it fits (`rank`, higher is better)."""
    row: _RecordRow
    verb: int
    dated: bool
    rank: tuple


def _readings(row: _RecordRow, text: str, names: set, agents, dates, said: set, agencies: set,
              day: dt.date | None, makers: frozenset = frozenset(), grams: set | None = None,
              verbs: list[int] | None = None) -> list[_Reading]:
    """The readings of a sentence as a mention of the row: an action word of the row's kind whose subject
    (the clause's first agent before it, else the sentence's first) is the row's actor; when the clause
    (or the sentence's opening) gives a date, one near the row's (a date as loose as a year places
    nothing); and either that date, to the month or closer, or one of the row's items, or for a row about
    general items (`advanced computing ICs`) its name (`10·7规则`). A remark with figures (95% to 0%) is
    read from its figures and its speaker's side. `grams` (the text's `_grams`) and `verbs` (where the row's
    action words start in it) may be given when the sentence is read for many rows."""
    ref = row.ref
    # its name, or (for a row about general items) two runs of wording only it has: 发起反倾销调查, not 出口管制
    named_record = any(n in text for n in row.names) or (
        not row.items and len(row.words & (_grams(text) if grams is None else grams)) >= 2)
    if verbs is None:
        verbs = [m.start() for m in row.action.finditer(text)] if row.action is not None else []
    if not verbs and not named_record and not (row.percents and ref.action_class == "other"):
        return []  # no act of its kind and no name of it: nothing below can read the sentence as this row
    own = lambda camp: camp == ref.actor_group  # noqa: E731  the row's own actor, not one it reports
    shared = len(row.items & names) * 2 + bool(row.vendors & makers)  # an item itself, else its maker's chips
    recency = str(ref.date_start) <= day.isoformat() if day else True
    if row.percents and ref.action_class == "other":
        fits = [camp for _, camp, agency in agents if _fits(row.actors, camp, agency)]
        if row.percents <= said and fits:
            return [_Reading(row, -1, False, (False, own(fits[0]), False, shared, -9999, recency,
                                              str(ref.date_start)))]
        return []
    out = []
    for verb in verbs:
        start, end = _clause_of(text, verb)
        in_clause = [a for a in agents if start <= a[0] < verb]
        earlier = [a for a in agents if a[0] < verb]
        subject = in_clause[0] if in_clause else (earlier[0] if earlier else None)
        if subject is None and row.items & names and ref.actor_group == "US government" and \
                _MENTION_FAMILY.get(ref.action_class) == "restrict" and row.vendors & _US_VENDORS:
            # `H20芯片对华出口的限制`, `受4月…出口限制影响`: controls on a US product with no one named are
            # Washington's
            subject = (verb, "US government", "")
        if subject is None or not _fits(row.actors, subject[1], subject[2]):
            continue
        if _SUPPOSED.search(text, start, verb) or _NOUN_USE.match(text, verb):
            continue
        spans = [d for d in dates if start <= d.start < end] or [d for d in dates if d.start < subject[0]]
        spans = [d for d in (_in_row_year(d, ref) if day is None else d for d in spans) if d.date_start]
        near = [d for d in spans if dates_overlap(d.date_start, d.date_end or d.date_start, ref.date_start,
                                                  ref.date_end, MATCH_WINDOW_DAYS)]
        if spans and not near:
            continue  # the clause dates another event
        precise = [d for d in near if d.precision in _PRECISE]
        if not precise and not (shared if row.items else named_record):
            continue  # undated, an act is told apart by what it is about
        off = min((abs((dt.date.fromisoformat(d.date_start) - dt.date.fromisoformat(str(ref.date_start))).days)
                   for d in precise), default=9999)
        exact = any(a in agencies for _, a in row.actors if a)
        out.append(_Reading(row, verb, bool(precise),
                            (bool(precise), own(subject[1]), exact, shared, -off, recency, str(ref.date_start))))
    if not out and named_record:
        out.append(_Reading(row, -1, False, (False, True, False, shared, -9999, recency, str(ref.date_start))))
    return out


_MONTH_DAY = re.compile(r"(\d{1,2})月(?:(\d{1,2})[日号])?")


def _in_row_year(d, ref):
    """A date the article leaves without a year (an undated article's `12月9日`) read in the row's year."""
    if d.date_start or not ref.date_start:
        return d
    m = _MONTH_DAY.search(d.text)
    if not m:
        return d
    year = int(str(ref.date_start)[:4])
    try:
        if m.group(2):
            day = dt.date(year, int(m.group(1)), int(m.group(2))).isoformat()
            return replace(d, date_start=day, date_end=day, precision="day")
        first = dt.date(year, int(m.group(1)), 1)
        last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return replace(d, date_start=first.isoformat(), date_end=last.isoformat(), precision="month")
    except ValueError:
        return d


def _one_event_per_verb(readings: list[_Reading], names: set) -> list[_RecordRow]:
    """One act per verb: of the rows one verb can be read as, the best fit (a date near the row's, the
    row's own actor, the agency the sentence names, more of its items, then the latest on or before the
    article's date); rows the verb reaches through different items of an enumeration (推出A800、H800、H20)
    are each kept."""
    by_verb: dict[int, list[_Reading]] = {}
    for r in readings:
        by_verb.setdefault(r.verb, []).append(r)
    keep: dict[int, _RecordRow] = {}
    for verb, group in by_verb.items():
        group = sorted(group, key=lambda r: r.rank, reverse=True)
        taken: set = set()
        for r in group:
            items = r.row.items & names
            if r is group[0] or (items and not items & taken and r.rank[:5] == group[0].rank[:5]):
                keep[r.row.ref.Index] = r.row
                taken |= items
    return list(keep.values())


def _published(tables: Tables) -> dict[str, dt.date | None]:
    articles = tables.articles
    return {aid: published_day(value) for aid, value in zip(articles["article_id"], articles["published"])}


def published_day(value) -> dt.date | None:
    """An article's publication date as a day (its `published` field), or None when it has none."""
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def sentence_figures(claims: pd.DataFrame) -> dict[tuple, set[float]]:
    """The figures each sentence's claims state (value, change ends), by (article, sentence), rounded."""
    figures: dict[tuple, set[float]] = {}
    for aid, idx, *values in zip(claims["article_id"], claims["sent_idx"], claims["value"], claims["from_value"],
                                 claims["to_value"]):
        for v in values:
            if v is not None and v == v:
                figures.setdefault((aid, idx), set()).add(round(float(v), 3))
    return figures


class MentionReader:
    """Reads sentences for mentions of the reference record (`record_mentions`), the record's rows prepared
    once: the build reads each new article's sentences with one reader per process."""

    def __init__(self, reference: pd.DataFrame, lexicon=None):
        self.lexicon = lexicon or lexicon_mod.load()
        self.rows = _record_rows(reference, self.lexicon) if not reference.empty else []
        self.patterns = list(dict.fromkeys(row.action for row in self.rows if row.action is not None))

    def sentence(self, text: str, figures: set[float], day: dt.date | None) -> list[_RecordRow]:
        """The record rows one sentence (simplified text) mentions, one per verb."""
        lexicon = self.lexicon
        named = lexicon.mentions(text)
        agents = _agents(text, named, lexicon)
        if not agents and not any(m.type in PRODUCT_TYPES for m in named):
            return []
        names = {m.canonical for m in named}
        said = figures | {round(float(p), 3) for p in _PERCENT.findall(text)}
        agencies = {agency for _, _, agency in agents if agency}
        makers = frozenset(m.canonical for m in named if m.canonical in _US_VENDORS | {"华为"}
                           and _MAKERS_CHIPS.match(text, m.end))
        grams = _grams(text)
        verbs = {p: [m.start() for m in p.finditer(text)] for p in self.patterns}  # once per sentence, not per row
        dates = find_dates(text, day) if any(verbs.values()) else []  # only an act's clause is dated
        readings = []
        for row in self.rows:
            readings.extend(_readings(row, text, names, agents, dates, said, agencies, day, makers, grams,
                                      verbs.get(row.action, [])))
        return _one_event_per_verb(readings, names)

    def article(self, sentences, figures: dict[int, set[float]], day: dt.date | None) -> list[tuple]:
        """The mentions in one article's sentences, given as (sent_idx, sentence, sentence_zh_hans) in order,
        with the figures of each sentence's claims (by sent_idx): (reference_row, sent_idx, sentence) rows."""
        if not self.rows:
            return []
        out = []
        for idx, sentence, simplified in sentences:
            for row in self.sentence(str(simplified or sentence), figures.get(idx, set()), day):
                out.append((row.ref.Index, idx, sentence))
        return out


def record_mentions(tables: Tables, reference: pd.DataFrame, lexicon=None) -> pd.DataFrame:
    """Which sentences mention which reference event, dated or not (`_readings`), one event per verb
    (`_one_event_per_verb`): an undated `此前美国禁止…H100` that fits several bans is the one that fits best,
    and among equals the latest on or before the article's date, the act a report most likely refers back
    to. One row per (reference row, article, sentence), only for unique articles (duplicates are not read).
    The build writes this per article, against the whole record, as the `mentions` table."""
    if tables.sentences is None or tables.sentences.empty or reference.empty:
        return pd.DataFrame(columns=MENTION_COLUMNS)
    reader = MentionReader(reference, lexicon)
    published = _published(tables)
    unique = set(tables.articles.loc[tables.articles["duplicate_of"].fillna("") == "", "article_id"]) \
        if "duplicate_of" in tables.articles else set(tables.articles["article_id"])
    by_article: dict[str, dict[int, set[float]]] = {}
    for (article_id, idx), said in sentence_figures(tables.claims).items():
        by_article.setdefault(article_id, {})[idx] = said
    out = []
    sentences = tables.sentences[tables.sentences["article_id"].isin(unique)]
    for article_id, rows in sentences.groupby("article_id", sort=False):
        read = reader.article(zip(rows["sent_idx"], rows["sentence"], rows["sentence_zh_hans"]),
                              by_article.get(article_id, {}), published.get(article_id))
        out.extend((article_id, idx, ref_row, sentence) for ref_row, idx, sentence in read)
    return pd.DataFrame(out, columns=MENTION_COLUMNS)
