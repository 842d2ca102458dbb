"""Dated actions: who did what to which chips, and when, as precisely as the text says.

An event needs three things in one clause (or a date carried from the
sentence before, for `三个月后,剧情就来了个大转弯。黄仁勋……`): a date, an
actor (a government, agency, company or person from the lexicon), and an
action verb, classified into `ban`, `tighten`, `approve`, `resume`,
`loosen`, `investigate`, `sue`, `refuse`, `launch`, `announce`, `invest` or
`other`. Speech is a quote, not an event; undated actions are not events.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import Mention
from .context import ACTOR_TYPES, PRODUCT_TYPES, Draft, SentenceContext

# Most specific first: the first class whose verbs occur in the clause wins.
ACTIONS: list[tuple[str, str]] = [
    ("resume", r"恢复.{0,6}(?:销售|供货|出货|出口|发货|生产|供应)|重启.{0,6}(?:销售|供货|出货)"),
    ("refuse", r"拒绝(?:采购|购买|接受|了)?|不买账|抵制"),
    ("investigate", r"反垄断调查|反倾销调查|反歧视调查|立案调查|调查|约谈|约见|问询|处罚|罚款|罚单|认定.{0,8}违[法反]|裁定"),
    ("sue", r"起诉|提起.{0,4}诉讼|诉讼|上诉"),
    ("ban", r"禁令|禁止|叫停|禁售|禁运|断供|停止(?:采购|购买|使用|供货|销售|出口|订购)|暂停(?:采购|购买|订购|进口)|"
            r"(?:要求|通知|下令|责令|勒令).{0,20}(?:停止|暂缓|暂停|中止)|暂缓(?:采购|购买|进口|订购)|"
            r"(?:暂停|中止|冻结|吊销).{0,6}(?:许可|出口|发货|销售|供货|交易|生产)|下令|责令|勒令|封杀|列入实体清单|不得(?:采购|购买|出口|入境|进口)|不准(?:入境|进口)|禁止入境"),
    ("tighten", r"需要许可证|须申请许可|需申请许可|须申领许可|许可证要求|需获得许可|发布.{0,6}(?:规则|新规|指南|禁令|条例)|收紧|加码|升级.{0,4}管制|更新.{0,6}(?:管制|清单|规则)|出台.{0,6}(?:新规|规则|管制)|列入.{0,6}清单|"
                r"扩大.{0,6}(?:管制|限制)|限制出口|出口管制|新规|降至.{0,6}门槛|门槛|列入.{0,24}名单|列为.{0,10}(?:实体|风险|管制)"),
    ("approve", r"批准|放行|解禁|许可|获准|松口|允许|核准|核定|同意.{0,8}(?:出口|销售|放行|销往|输中|输往|出货|供货)|"
                r"同意.{0,14}(?:注册|上市|发行)|通过.{0,10}聆讯|完成.{0,14}备案|开绿灯"),
    ("loosen", r"放宽|松绑|缓和|撤销|撤回|废除|取消.{0,6}(?:禁令|限制|规则|管制)"),
    ("launch", r"(?<!例行)(?<!新闻)发布会|发布(?!会)|推出|亮相|量产|首发|交付|面世|问世|开卖|开售"),
    ("invest", r"注资|斥资|设立.{0,6}基金|成立.{0,6}基金|注册成立|(?<![不未])成立(?!了?.{0,4}(?:工作组|小组))|募资|(?<![者])投资(?![者人方机峰论活大会])"),
    ("announce", r"宣布|公布|披露|(?:财报|年报|季报|业绩)显示|发布财报|确认|证实"),
    ("other", r"游说|会见|会面|会晤|访问|访华|出席|签署|重返|举行|召开|表态|会谈|通话|征收|上调|加征|挂牌|上市|登陆|邀集|通知|提交.{0,8}申请|通电话|首度展出|展出"),
]
_ACTION_RES = [(name, re.compile(pattern)) for name, pattern in ACTIONS]
_LAUNCH_AFTER = re.compile(r"[^，。,；]{0,16}?(?:推出|发布|上市|面世|问世|量产|亮相|排在|登场)")
_PRODUCT_PASSIVE = re.compile(r"[^，。,；]{0,8}?(?:获准|被准许|获批|被禁|遭禁|被列入|被纳入|被要求|被限制|被叫停|被暂停)")
_US_VENDORS = {"英伟达", "AMD", "英特尔"}


def _us_product(canonical: str, lexicon) -> bool:
    entity = lexicon.entity(canonical) if lexicon is not None else None
    return entity is not None and entity.parent in _US_VENDORS

STRONG_ACTIONS = {"ban", "tighten", "approve", "resume", "loosen", "investigate", "sue", "refuse"}
_SPEECH = re.compile(r"(说|表示|强调|直言|警告|坦言|指出|称|透露|回应|认为|感慨|承认|炮轰|批评|痛斥|抨击|谈到|提到)")
_EXPORT_ACTORS = {"美国商务部", "美国商务部工业与安全局", "特朗普政府", "拜登政府", "白宫", "美国政府"}


def classify(text: str) -> tuple[str, re.Match[str] | None]:
    """The action class of the leftmost action verb in `text`.

    An announcement (宣布, 披露) takes the class of what it announces when that
    follows: 商务部宣布对…发起反倾销调查 is an investigation.
    """
    best: tuple[str, re.Match[str] | None] = ("", None)
    for name, pattern in _ACTION_RES:
        m = pattern.search(text)
        if m and (best[1] is None or m.start() < best[1].start()):
            best = (name, m)
    if best[0] == "announce" and best[1] is not None:
        rest = text[best[1].end():]
        for name, pattern in _ACTION_RES:
            if name in ("announce", "other", "launch"):
                continue
            m = pattern.search(rest)
            if m:
                return name, best[1]
    return best


_CLAUSE = re.compile(r"[，,；;：:]")
_LEAD = re.compile(r"^(?:[\s“”\"（）()「」『』]|【[^】]{0,24}】|据报|据悉|又|刚刚|刚|当地时间|美东时间|北京时间|再度|再次|随后|当场|当天|同日|也|还|则|亦|已|曾|更是|终于|正式|首次|亲自|公开|此前|随即|紧接着|而|被|由|据)*")
# Before the actor a clause may hold titles and places: 美国总统特朗普, 中国国家网信办.
_TITLE_PREFIX = re.compile(r"^(?:[^，。,；：:]{0,10}(?:企业|公司|厂商|巨头|大厂|龙头|集团|芯片商|芯片厂|设计商|独角兽)|"
                           r"美国|中国|美方|中方|新加坡|台湾|香港|日本|韩国|荷兰|欧盟|白宫|总统|美国总统|前总统|副总统|商务部长|部长|首席执行官|CEO|创始人|"
                           r"董事长|总裁|发言人|官员|人工智能负责人|负责人|时间|美国时间|北京时间|[\d]{1,2}日|在|于)*$")
# Actors the lexicon does not name but the reporting does.
GENERIC_ACTORS = {
    "中方": "中国政府", "中国政府": "中国政府", "北京当局": "中国政府", "监管部门": "中国监管部门",
    "有关部门": "中国监管部门", "监管机构": "中国监管部门", "中国海关": "中国海关", "海关": "中国海关",
    "美方": "美国政府", "中国": "中国政府", "美国": "美国政府", "检方": "检方", "检察官": "检方", "美国政府": "美国政府", "华盛顿": "美国政府", "美国国会": "美国国会", "国会": "美国国会",
}
_GENERIC_ACTOR = re.compile("|".join(sorted(map(re.escape, GENERIC_ACTORS), key=len, reverse=True)))


def _groups(ctx: SentenceContext) -> list[tuple[int, int, object]]:
    """Stretches of the sentence led by an actor at the start of a clause: (start, end, actor)."""
    zh = ctx.zh
    bounds = [0] + [m.end() for m in _CLAUSE.finditer(zh)]
    groups: list[list] = []
    for i, b in enumerate(bounds):
        end = bounds[i + 1] if i + 1 < len(bounds) else len(zh)
        lead = _LEAD.match(zh[b:end])
        pos = b + (lead.end() if lead else 0)
        # Skip a date at the head of the clause: 2025年4月特朗普政府…
        for d in ctx.dates:
            if d.start <= pos < d.end or d.start == pos:
                pos = d.end
                lead = _LEAD.match(zh[pos:end])
                pos += lead.end() if lead else 0
        actor = next((m for m in ctx.mentions if m.type in ACTOR_TYPES and pos <= m.start <= pos + 12
                      and _TITLE_PREFIX.match(zh[pos:m.start])), None)
        if actor is None:
            # 昇腾950PR计划于2026年一季度推出: a product launched, by its maker
            product = next((m for m in ctx.mentions if m.start == pos and m.type in PRODUCT_TYPES), None)
            entity = ctx.lexicon.entity(product.canonical) if product is not None and ctx.lexicon is not None else None
            if entity is not None and entity.parent and _LAUNCH_AFTER.match(zh, product.end):
                maker = ctx.lexicon.entity(entity.parent)
                if maker is not None and maker.type == "company":
                    actor = Mention(product.start, product.end, product.text, maker.canonical, "company")
        if actor is None:
            # H20获准恢复销售 / H20被列入限制清单: a US chip acted on, with no agent named, is acted on by
            # the US government (the export-control authority for it).
            product = next((m for m in ctx.mentions if m.start == pos and m.type in PRODUCT_TYPES), None)
            if product is not None and _PRODUCT_PASSIVE.match(zh, product.end) and _us_product(product.canonical, ctx.lexicon):
                actor = Mention(product.start, product.end, product.text, "美国政府", "agency")
        if actor is None:
            generic = _GENERIC_ACTOR.match(zh, pos) or re.compile(r"(?:有关|相关)?(" + _GENERIC_ACTOR.pattern + ")").match(zh, pos)
            if generic is None:  # 新加坡检方: a place before a generic actor
                later = _GENERIC_ACTOR.search(zh, pos, min(end, pos + 8))
                if later and _TITLE_PREFIX.match(zh[pos:later.start()]):
                    generic = later
            if generic:
                word = generic.group(generic.lastindex or 0)
                strong = classify(zh[generic.end():end])[0] in STRONG_ACTIONS
                if word not in ("中国", "美国") or strong:  # 中国区域营收… is a place, not a government acting
                    actor = Mention(generic.start(), generic.end(), word, GENERIC_ACTORS[word], "agency")
        if actor is not None:
            groups.append([b, end, actor])
        elif groups:
            groups[-1][1] = end
    return [tuple(g) for g in groups]


def extract(ctx: SentenceContext) -> list[Draft]:
    zh = ctx.zh
    drafts: list[Draft] = []
    if not ctx.dates and ctx.carried_date is None:
        return drafts  # no date, no event
    groups = _groups(ctx)
    drafts.extend(_continued(ctx, groups))
    for n, (g_start, g_end, actor) in enumerate(groups):
        text = zh[actor.end : g_end]
        action, match = classify(text)
        if not action or match is None:
            continue
        # 英伟达披露，美国政府通知…: a reporting frame, the event is the next group's.
        if action == "announce" and n + 1 < len(groups) and not text[match.end():].strip(" ，,：:“”"):
            continue
        # Speech alone is a quote: 黄仁勋在采访时说… is not an event.
        speech = _SPEECH.search(text)
        if speech and speech.start() < match.start() and action in ("other", "announce", "refuse"):
            continue
        # The date that governs the action: the last one before the action verb, in this group or
        # just before it (not one that belongs to an earlier group's action).
        verb_at = actor.end + match.start()
        previous_end = groups[n - 1][1] if n else 0
        leading = [d for d in ctx.dates if previous_end <= d.start < verb_at and (d.resolved or d.inferred)]
        calendar = [d for d in leading if d.date_start]
        before = [d for d in ctx.dates if d.start < g_start]
        inside = leading
        if calendar:
            date = calendar[-1]
        elif leading:
            date = leading[-1]
        elif before:
            date = before[-1]
        elif ctx.carried_date is not None:
            date = replace(ctx.carried_date, inferred=True)
        else:
            continue
        if actor.text in ("中国", "美国") and action not in STRONG_ACTIONS:
            continue  # 中国 as a place (中国拥有…) is an actor only for a government act
        # Passive: 智谱等企业被美方列入实体清单 — the actor is the one after 被.
        passive = re.search(r"被\s*", text[: match.start()])
        if passive:
            agent_pos = actor.end + passive.end()
            agent = next((m for m in ctx.mentions if m.start == agent_pos and m.type in ACTOR_TYPES), None)
            generic = _GENERIC_ACTOR.match(zh, agent_pos)
            if agent is not None:
                actor = agent
            elif generic:
                actor = Mention(generic.start(), generic.end(), generic.group(0), GENERIC_ACTORS[generic.group(0)], "agency")
        items = [m.canonical for m in ctx.mentions if g_start <= m.start < g_end and m.type in PRODUCT_TYPES]
        objects = [m.canonical for m in ctx.mentions
                   if actor.end <= m.start < g_end and m.type == "company" and m.canonical != actor.canonical]
        start = min(date.start, actor.start) if date in inside or date in before else actor.start
        drafts.append(Draft(
            kind="event", start=start, end=actor.end + match.end(),
            subject=objects[0] if objects and action in ("ban", "approve", "tighten", "investigate") else "",
            actor=actor.canonical, action=action, items=";".join(dict.fromkeys(items)), date=date,
        ))
    return drafts


def _continued(ctx: SentenceContext, groups) -> list[Draft]:
    """Clauses with their own date and a government or market action but no actor named — 同年7月又同意恢复销售,
    并于次月将140家实体列入实体清单 — continue the last actor: of this sentence, or of the article's last event."""
    zh = ctx.zh
    drafts = []
    bounds = [0] + [m.end() for m in _CLAUSE.finditer(zh)] + [len(zh)]
    for c_start, c_end in zip(bounds, bounds[1:]):
        if any(g_start == c_start for g_start, _, _ in groups):
            continue  # led by an actor: handled as a group
        dates = [d for d in ctx.dates if c_start <= d.start < c_end and d.date_start]
        if not dates:
            continue
        action, match = classify(zh[dates[0].end:c_end])
        if action not in STRONG_ACTIONS | {"launch"} or match is None:
            continue
        owner = [g for g in groups if g[0] <= c_start]
        if owner and not any(owner[-1][0] <= d.start < c_start for d in ctx.dates):
            continue  # the group's own event already takes this date
        if any(c_start <= m.start < c_end and m.type in ACTOR_TYPES for m in ctx.mentions):
            continue  # an actor is named, just not first: not a continuation
        actor = owner[-1][2].canonical if owner else ctx.last_event_actor
        if not actor:
            continue
        items = [m.canonical for m in ctx.mentions if c_start <= m.start < c_end and m.type in PRODUCT_TYPES]
        drafts.append(Draft(kind="event", start=dates[0].start, end=dates[0].end + match.end(), actor=actor,
                            action=action, date=dates[0], items=";".join(dict.fromkeys(items))))
    return drafts
