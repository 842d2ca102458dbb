"""Hedges: the qualifiers that change what a figure means (`超`, `约`, `近`, `不足`, `或`)."""

from __future__ import annotations

import re

# Words right before a figure, longest first, with their normalised class.
_BEFORE = [
    ("或将超过", "或超"), ("或超过", "或超"), ("有望超过", "或超"), ("预计超过", "或超"), ("或超", "或超"),
    ("预计约", "或约"), ("预估约", "或约"), ("或约", "或约"),
    ("不超过", "不足"), ("未超过", "不足"), ("不高于", "不足"), ("不低于", "超"),
    ("跌破", "不足"), ("低於", "不足"), ("超过", "超"), ("超出", "超"), ("突破", "超"), ("高于", "超"), ("逾", "超"), ("超", "超"), ("破", "超"),
    ("大约", "约"), ("约合", "约"), ("约为", "约"), ("约达", "约"), ("约", "约"), ("大概", "约"),
    ("将近", "近"), ("接近", "近"), ("近", "近"),
    ("不足", "不足"), ("不到", "不足"), ("低于", "不足"), ("少于", "不足"),
    ("或将", "或"), ("可能", "或"), ("预计", "或"), ("预估", "或"), ("有望", "或"), ("或", "或"),
]
_AFTER = [
    ("（含）以上", "超"), ("(含)以上", "超"), ("（含）以下", "不足"), ("(含)以下", "不足"),
    ("以上", "超"), ("多", "超"), ("余", "超"), ("左右", "约"), ("上下", "约"), ("级", "约"),
    ("以下", "不足"), ("以内", "不足"),
]
# A hedge word standing right before a figure inside a larger pattern, as one optional group (the hedge
# itself is read by `hedge_for`; patterns only need to step over it).
HEDGE_WORD = r"(约|近|逾|超过|超|不足|将近)?"
# Words that may stand between a hedge and its figure (`约合150亿`, `超过了`, `达到约`).
_FILLER = re.compile(r"(?:了|达到|达|为|是|在|至|到)?$")


def hedge_before(zh: str, pos: int, window: int = 6) -> str:
    """The hedge written just before position `pos` of a simplified sentence, normalised."""
    head = zh[max(0, pos - window) : pos]
    head = _FILLER.sub("", head) if not any(head.endswith(w) for w, _ in _BEFORE) else head
    found = []
    while head:
        for word, cls in _BEFORE:
            if head.endswith(word):
                found.append(cls)
                head = head[: -len(word)]
                head = _FILLER.sub("", head)
                break
        else:
            break
        if len(found) == 2:
            break
    found.reverse()
    classes = "".join(found)
    # 或 followed by 超 reads 或超; keep at most one of each.
    for combined in ("或超", "或约"):
        if combined in classes:
            return combined
    return found[-1] if found else ""


def hedge_after(zh: str, end: int) -> str:
    tail = zh[end : end + 5]
    for word, cls in _AFTER:
        if tail.startswith(word):
            if word == "多" and tail.startswith("多为"):  # 这13%多为库存: "mostly", not "more than"
                continue
            return cls
    return ""


_IMPLIED = {"过半": "超", "逾半": "超", "大半": "超", "半壁江山": "约"}


def hedge_for(zh: str, start: int, end: int) -> str:
    implied = _IMPLIED.get(zh[start:end])
    if implied:
        return implied
    before = hedge_before(zh, start)
    after = hedge_after(zh, end)
    return before or after  # a hedge before the figure wins over one after it
