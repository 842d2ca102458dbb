"""Attributed words: direct quotes and reported speech, with the speaker resolved.

`黄仁勋说:“……”`, `他强调:“……”` (他 is the nearest named speaker before),
`黄仁勋警告:伤害中国,也可能伤害美国。`, `用任正非的话说,就是"…"、"…"`,
`正如黄仁勋所观察到的,……`, `萨克斯表示,…,并说:…`, generic speakers
(`工程师抱怨`, `有网友说`, `一位接近交易的投行人士透露`), speakers with when, where
and to whom before the verb (`林剑15日表示`, `特朗普当天对记者表示`), and what a
named outlet reports (`据路透社报道,…`, `据《海峡时报》报道,…`). Scare quotes (`"缩水版"H20`) are not quotes:
a quote needs a speaker and a verb of saying. Estimates credited to a
source (`有经济学家估算`) are not quotes either.
"""

from __future__ import annotations

import re

from .context import Draft, SentenceContext

SPEAKER_TYPES = {"person", "company", "agency", "org"}
_VERB = (r"(?:曾|也|还|又|更|再次|多次|公开|亲口|直接|当场|特别|随即|则|亦)*"
         r"(?:(?:说过一句话|说道|说(?!法|明|服|是)|表示|强调|直言|警告|坦言|指出|声称|宣称|称(?!为|作|之|号)|透露|回应|认为|感慨|承认|"
         r"补充道|补充|提到|谈到|写道|抱怨|呼吁|炮轰|痛斥|批评|抨击|指责|报道|直指|表态|重申|断言|告诉|"
         r"提醒|建议|解释|坦承|放话|喊话|暗示|回答|答道|问道|形容|说明|宣称|强调说|回忆|吐槽))")
_GENERIC = (r"(?:工程师|网友|分析人士|分析师|专家|业内人士|知情人士|消息人士|市场人士|投资人|供应链业者|业者|业界|法人|"
            r"官员|新闻发言人|发言人|学者|研究员|评论员|高管|代工厂高层|高层|基金经理|券商|研究机构|负责人|主管|"
            r"[\u4e00-\u9fff]{0,2}人士)")
_ROLE = (r"(首席分析师|分析师|研究员|总监|总经理|经理|总裁|董事长|发言人|主任|教授|创始人|创办人|部长|负责人|院长|"
         r"经济学家|首席执行官|执行长|行政总裁|财务长|首席财务官|CFO|CEO|主席|局长|司长|副总裁|立委|委员|议员|参议员|"
         r"众议员|理事长|秘书长|合伙人|基金经理|策略师)")
_NOT_A_NAME = re.compile(r"^(昨日|今日|日前|近日|此前|早前|今天|昨天|表示|指出|认为|强调|透露|回应|本月|上月|也|则|还|曾|又|对|向|在|跟|和|与|被|将|已)")
# A Chinese name: two characters, and a third unless it reads as the next word (对, 在, 表…).
_NAME = r"([\u4e00-\u9fff]{2}(?:(?![对在则也还就于向接曾近今昨等与和的表说称指认坦直强透回])[\u4e00-\u9fff])?)"
# What may stand between a speaker and the verb: the name in another script (克瑞斯（Colette Kress）),
# when (今年5月, 15日, 次日), where (在一场活动上, 在CES期间), to whom (对记者, 对第一财经), how (私下).
_WHEN = (r"(?:[（(][^（）()，。]{1,40}[）)])?(?:自己|本人)?"
         r"(?:(?:[今去明]年|上周|本周|上月|本月)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:初|底|中旬|上旬|下旬)?)?"
         r"(?:日前|近日|此前|早前|昨日|今日|今天|昨天|当天|当日|次日|随后|会后|稍早)?")
_TO_WHOM = r"(?:(?:对|向|跟|接受)[^，。,:：“”「」]{0,10}?)?(?:私下|公开)?"
_FILLER = _WHEN + r"(?:[^，。,:：“”「」]{0,14}?(?:时|中|上|后|期间)[，,]?)?" + _TO_WHOM
# 白宫官员表示, 芯片行业分析师认为: the role with the words that qualify it, not the quantifier (一位, 有).
_GENERIC_SPEAKER = re.compile(rf"(?:有|一位|一名|多位|某|据|另有|还有)?([^\s，,。：:“”「」、的有位名]{{0,5}}?{_GENERIC})\s*"
                              rf"{_WHEN}{_TO_WHOM}\s*所?{_VERB}")  # not where: 在一场投资人活动上 is no speaker
_NAMED_ROLE = re.compile(rf"{_ROLE}(?!会)\s*{_NAME}\s*{_FILLER}\s*{_VERB}")
# 陈思妤：「…」 — a speaker the lexicon does not know, heading the line of an interview answer
_NAME_COLON = re.compile(r"(?:^|(?<=[。！？\n]))\s*(?:[^\s：:，,。「“]{0,24}?" + _ROLE + r")?([\u4e00-\u9fff]{2,4})\s*[:：]\s*(?=[“「『])")
_KNOWN_NAME_VERB = re.compile(rf"{_NAME}\s*{_FILLER}\s*{_VERB}")
_PRONOUN = re.compile(rf"(他|她)\s*{_VERB}")
_VERB_RE = re.compile(_VERB)
_OPEN, _CLOSE = "“「『\"", "”」』\""


def _attribution(zh: str, mentions, known_names: set[str]) -> str:
    """The speaker when a sentence opens with an attribution: 黄仁勋说。/ 董事长魏哲家在法说会上说。"""
    head = zh[:40]
    verb = _VERB_RE.search(head)
    if verb is None or re.search(r"[，。,“”「」]", head[: verb.start()]):
        return ""
    named = [m for m in mentions if m.type in SPEAKER_TYPES and m.end <= verb.start()]
    role = _NAMED_ROLE.search(head)
    named_inside = role and any(m.start <= role.end(2) + 1 and m.end >= role.start(2) for m in mentions
                                if m.type in SPEAKER_TYPES)
    if role and not _NOT_A_NAME.match(role.group(2)) and not named_inside and head[role.end(2):role.end(2) + 1] != "·":
        known_names.add(role.group(2))
        return role.group(2)
    if named:
        return named[-1].canonical
    generic = re.search(_GENERIC, head[: verb.start()])
    if generic:
        return generic.group(0)
    return ""


def _quoted_after(zh: str, pos: int) -> list[tuple[int, int]]:
    """Quoted segments starting right after `pos` (after a colon or comma), as (start, end) of the words."""
    spans = []
    i = pos
    while i < len(zh) and zh[i] in " ：:，,就是" :
        i += 1
    while i < len(zh) and zh[i] in _OPEN:
        close = _CLOSE[_OPEN.index(zh[i])]
        j = zh.find(close, i + 1)
        if j == -1:
            j = len(zh)
        spans.append((i + 1, j))
        i = j + 1
        while i < len(zh) and zh[i] in "、，, 和与":
            i += 1
    return spans


def _reported_after(zh: str, pos: int) -> tuple[int, int] | None:
    """Reported words after a verb: up to the end of the sentence, or to `,并说`, `——`."""
    i = pos
    while i < len(zh) and zh[i] in " ：:，,":
        i += 1
    if zh.startswith(("称", "说", "道"), i):  # 回应称，… / 表示说
        i += 1
        while i < len(zh) and zh[i] in " ：:，,":
            i += 1
    if i >= len(zh):
        return None
    end = len(zh)
    for stop in (r"[，,]\s*并(?:说|称|表示)", r"——", r"[。！？!?]"):
        m = re.compile(stop).search(zh, i)
        if m:
            end = min(end, m.start())
    while end > i and zh[end - 1] in "”」』\"":
        end -= 1
    if end - i < 4:
        return None
    return i, end


_ANY_VERB = re.compile(_VERB)
_MEDIA_TITLE = re.compile(r"据《([^》]{2,12})》(?:的)?(?:最新)?(?:报道|报导)(?:称|指出)?[，,]")
_MEDIA_AFTER = re.compile(r"(?:的)?(?:最新)?(?:报道|报导)(?:称|指出)?[，,]")
_MEDIA_CITING = re.compile(r"(?:\d{1,2}日)?(?:援引|引述)[^，。,“”「」]{0,12}?(?:报道|报导)(?:称)?[，,]")


def _add_media(zh: str, pos: int, outlet: str, add) -> None:
    """The words an outlet reports, unless they report someone's words (a verb of saying early on)."""
    reported = _reported_after(zh, pos)
    if reported and not _ANY_VERB.search(zh[reported[0] : min(reported[1], reported[0] + 24)]):
        add(reported[0], reported[1], outlet)
_QUOTE_MARK = re.compile("[“「『\"]|答[:：]|正如|的话说|[:：]")


def extract(ctx: SentenceContext) -> list[Draft]:
    zh = ctx.zh
    if not ctx.open_quote_speaker and not _ANY_VERB.search(zh) and not _QUOTE_MARK.search(zh):
        return []
    drafts: list[Draft] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, actor: str) -> None:
        while start < end and zh[start] in " ：:，,“「『\"":
            start += 1
        while end > start and zh[end - 1] in " ，,。”」』\"":
            end -= 1
        if end - start < 2 or any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))
        drafts.append(Draft(kind="quote", start=start, end=end, actor=actor, date=ctx.date_for(start)))

    speakers: list[tuple[int, int, str]] = []  # (verb end, verb start, actor)
    for m in ctx.mentions:
        if m.type not in SPEAKER_TYPES:
            continue
        if re.search(r"(接受|对|向|据|在)$", zh[max(0, m.start - 2) : m.start]):
            continue  # 接受彭博社采访时表示, 对第一财经表示: the outlet is not the speaker
        tail = zh[m.end : m.end + 24]
        # 黄仁勋说 / 黄仁勋在接受媒体采访时说 / 黄仁勋曾多次表示
        v = re.match(rf"(?:周[一二三四五六日]|曾经|方面|公司|官方|一位发言人|新闻发言人|发言人[^，。,:：“”]{{0,4}}?)?"
                     rf"{_FILLER}\s*{_VERB}", tail)
        if v and not ctx.inside_quote(m.start):
            speakers.append((m.end + v.end(), m.start, m.canonical))
    for m in _GENERIC_SPEAKER.finditer(zh):
        speakers.append((m.end(), m.start(1), m.group(1)))
    # A person the lexicon does not know, named after a role: 集邦分析师李明表示, 发言人毛宁说
    for m in _KNOWN_NAME_VERB.finditer(zh) if ctx.known_names else ():
        if m.group(1) in ctx.known_names:
            speakers.append((m.end(), m.start(1), m.group(1)))
    for m in _NAMED_ROLE.finditer(zh):
        name_end = m.end(2)
        part_of_known = zh[name_end : name_end + 1] in ("·", "・", "•") or any(
            x.start <= name_end + 1 and x.end >= m.start(2) for x in ctx.mentions if x.type in SPEAKER_TYPES)
        if not _NOT_A_NAME.match(m.group(2)) and not part_of_known:
            speakers.append((m.end(), m.start(2), m.group(2)))
            ctx.known_names.add(m.group(2))
    for m in _NAME_COLON.finditer(zh):
        name = m.group(2)
        known = next((x for x in ctx.mentions if x.start <= m.start(2) < x.end), None)
        if (known is None and not _NOT_A_NAME.match(name) and name not in ("问", "答", "记者", "编者按")
                and name[0] not in "他她我你" and not _VERB_RE.search(name)):  # 他又说：「…」 is the pronoun
            speakers.append((m.end(), m.start(2), name))
    for m in _PRONOUN.finditer(zh):
        if ctx.last_speaker or speakers:
            earlier = [s for s in speakers if s[0] <= m.start()]
            actor = earlier[-1][2] if earlier else ctx.last_speaker
            if actor:
                speakers.append((m.end(), m.start(), actor))
    # 用任正非的话说 / 正如黄仁勋所观察到的 / 据黄仁勋透露
    for m in ctx.mentions:
        if m.type not in SPEAKER_TYPES:
            continue
        if re.search(r"用$", zh[max(0, m.start - 1) : m.start]) and zh[m.end : m.end + 4].startswith("的话说"):
            speakers.append((m.end + 4, m.start, m.canonical))
        elif re.search(r"正如$", zh[max(0, m.start - 2) : m.start]):
            v = re.match(r"所?(?:观察到|说|指出|预言|判断|强调)的?", zh[m.end : m.end + 8])
            if v:
                speakers.append((m.end + v.end(), m.start, m.canonical))

    # 黃仁勳：「…」 — a colon straight after the name
    for m in ctx.mentions:
        if m.type in SPEAKER_TYPES and re.match(r"\s*[:：]\s*[“「『\"]", zh[m.end : m.end + 4]):
            speakers.append((m.end, m.start, m.canonical))
    if ctx.open_quote_speaker and zh and zh[0] not in _OPEN:
        end = next((i for i, ch in enumerate(zh) if ch in _CLOSE), len(zh))
        add(0, end, ctx.open_quote_speaker)
    speakers.sort(key=lambda sp: (sp[0], -sp[1]))  # for one verb, the speaker nearest to it
    for verb_end, speaker_start, actor in speakers:
        if ctx.inside_quote(speaker_start):
            continue
        quoted = _quoted_after(zh, verb_end)
        if quoted:
            for s, e in quoted:
                add(s, e, actor)
            continue
        # A partial quote inside reported words: 炮轰特朗普芯片政策是"灾难性错误"
        rest = zh[verb_end:]
        partial = re.match(r"[^。！？!?]{0,40}?[“\"]([^”\"]{2,40})[”\"]", rest)
        verb_word = _VERB_RE.search(zh, max(0, verb_end - 4))
        if partial and verb_word and re.search(r"炮轰|痛斥|批评|抨击|指责|直指", zh[speaker_start:verb_end]):
            add(verb_end, verb_end + partial.end(), actor)
            continue
        reported = _reported_after(zh, verb_end)
        if reported:
            add(reported[0], reported[1], actor)
        # ,并说:… continues with the same speaker
        for again in re.finditer(r"[，,]\s*并(?:说|称|表示)", zh[verb_end:]):
            start = verb_end + again.end()
            reported = _reported_after(zh, start)
            if reported:
                add(reported[0], reported[1], actor)
    # 据路透社报道，… / 据《海峡时报》报道，… / 路透社援引知情人士报道称，…: what a named outlet reports
    # (after the speakers above, so a report of someone's words stays theirs: 据…报道，特朗普表示…)
    for m in _MEDIA_TITLE.finditer(zh):
        _add_media(zh, m.end(), m.group(1), add)
    for m in ctx.mentions:
        if m.type not in SPEAKER_TYPES:
            continue
        before = zh[max(0, m.start - 2) : m.start]
        after = _MEDIA_AFTER.match(zh, m.end) if before.endswith("据") else _MEDIA_CITING.match(zh, m.end)
        if after:
            _add_media(zh, after.end(), m.canonical, add)

    # “…。”黄仁勋说。 split in two sentences: the speaker opens the next one
    whole = re.fullmatch(r"\s*[“「『]([^”」』]{2,400})[”」』]\s*", zh)
    if whole and ctx.next_zh:
        actor = _attribution(ctx.next_zh, ctx.next_mentions, ctx.known_names)
        if actor:
            add(whole.start(1), whole.end(1), actor)

    # “…，”黄仁勋说。 — the quote comes first, the speaker after it
    for q in re.finditer(r"[“「『]([^”」』]{2,300})[”」』]", zh):
        tail = zh[q.end() : q.end() + 24]
        lead = re.match(r"\s*[，,]?\s*", tail)
        pos = q.end() + (lead.end() if lead else 0)
        speaker = next((m for m in ctx.mentions if m.start == pos and m.type in SPEAKER_TYPES), None)
        actor = speaker.canonical if speaker else ""
        after = pos + (len(speaker.text) if speaker else 0)
        if not speaker:
            pron = re.match(r"(他|她)", zh[pos:])
            named = re.match(rf"(?:一位|一名|有|某)?[^，。,“”「」]{{0,12}}?({_GENERIC})", zh[pos:])
            if pron and (ctx.last_speaker or drafts):
                actor = drafts[-1].actor if drafts else ctx.last_speaker
                after = pos + 1
            elif named:
                actor, after = named.group(1), pos + named.end()
        if actor and re.match(rf"[^，。,]{{0,10}}?{_VERB}", zh[after : after + 16]):
            add(q.start(1), q.end(1), actor)
    return drafts
