"""The camps a reader follows in the export-control story, and which camp an actor belongs to.

One rule for both kinds of name: an article's actor (a canonical name of the lexicon, read with
its type, parent and English gloss) and a reference row's actor (English, as the sources write it).
"""

from __future__ import annotations

import re

from ..lang import lexicon as lexicon_mod

GROUPS = ["US government", "Chinese government", "Nvidia", "Huawei", "other firms"]
_GROUP_GLOSS = {"US government": "美国政府", "Chinese government": "中国政府", "Nvidia": "英伟达",
                "Huawei": "华为", "other firms": "其他企业"}


def group_label(group: str) -> str:
    return f"{group} ({_GROUP_GLOSS.get(group, '')})"


def actor_group(canonical: str, lexicon=None) -> str:
    """Which camp an article's actor (canonical name) belongs to, from the lexicon's type, parent and gloss."""
    lexicon = lexicon or lexicon_mod.load()
    if canonical in ("英伟达",):
        return "Nvidia"
    if canonical in ("华为",):
        return "Huawei"
    entity = lexicon.entity(canonical)
    gloss = entity.gloss_en if entity else ""
    parent = entity.parent if entity else ""
    if parent == "英伟达":
        return "Nvidia"
    if parent == "华为":
        return "Huawei"
    if canonical.startswith("美国") or re.search(r"\bUS\b|United States|White House|Trump|Biden|American", gloss):
        return "US government"
    if canonical.startswith("中国") or re.search(r"China|Chinese|Beijing", gloss):
        if entity is None or entity.type in ("agency", "person", "org"):
            return "Chinese government"
    if entity is not None and entity.type == "agency":
        return "Chinese government" if "China" in gloss else "US government"
    return "other firms"


_REFERENCE_ACTORS = [
    (re.compile(r"^US|White House|Commerce|BIS|Congress", re.I), "US government"),
    (re.compile(r"^China|MOFCOM|SAMR|CAC|MIIT|customs", re.I), "Chinese government"),
    (re.compile(r"Nvidia", re.I), "Nvidia"),
    (re.compile(r"Huawei", re.I), "Huawei"),
]


def reference_actor_group(actor: str) -> str:
    """Which camp a reference row's actor (English, `US Commerce Department (BIS)`) belongs to."""
    for pattern, group in _REFERENCE_ACTORS:
        if pattern.search(actor):
            return group
    return "other firms"


# The agencies the record names, as the reference writes them and as the lexicon glosses them. An actor
# with none of these (美国政府, 中方, `China government`) is a camp, not an agency.
AGENCIES = [
    ("BIS", re.compile(r"\bBIS\b|Bureau of Industry|Commerce", re.I)),
    ("White House", re.compile(r"White House|Trump|President", re.I)),
    ("SAMR", re.compile(r"SAMR|Market Regulation", re.I)),
    ("MOFCOM", re.compile(r"MOFCOM|Ministry of Commerce", re.I)),
    ("CAC", re.compile(r"\bCAC\b|Cyberspace", re.I)),
    ("MIIT", re.compile(r"MIIT|Industry and Information", re.I)),
    ("customs", re.compile(r"customs", re.I)),
]


def _agency_of(text: str) -> str:
    for name, pattern in AGENCIES:
        if name == "MOFCOM" and re.search(r"\bUS\b|United States", text):
            continue
        if pattern.search(text):
            return name
    return ""


def reference_agency(actor: str) -> str:
    """The agency a reference row's actor names (`China SAMR` → `SAMR`), or '' for a whole government or a firm."""
    return _agency_of(actor) if reference_actor_group(actor) in ("US government", "Chinese government") else ""


def actor_agency(canonical: str, lexicon=None) -> str:
    """The agency an article's actor is (国家市场监督管理总局 → `SAMR`, 特朗普 → `White House`), or ''."""
    lexicon = lexicon or lexicon_mod.load()
    entity = lexicon.entity(canonical)
    if entity is None:
        return ""
    if entity.type == "person":
        parent = lexicon.entity(entity.parent) if entity.parent else None
        return _agency_of(parent.gloss_en) if parent is not None and parent.type == "agency" else ""
    if entity.type != "agency":
        return ""
    gloss = entity.gloss_en
    if re.search(r"\bgovernment\b|\b(Trump|Biden|Obama) administration\b", gloss, re.I):
        return ""  # a whole government (特朗普政府, 美国政府) is a camp, not one agency
    if "MOFCOM" in gloss or "China's Ministry of Commerce" in gloss:
        return "MOFCOM"
    return _agency_of(gloss)
