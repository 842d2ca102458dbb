"""Dated actions: who did what to which chips, and when, as precisely as the text says.

An event needs three things in one clause (or a date carried from the
sentence before, for `三个月后,剧情就来了个大转弯。黄仁勋……`): a date, an
actor (a government, agency, company or person from the lexicon), and an
action verb, classified into `ban`, `tighten`, `approve`, `resume`,
`loosen`, `investigate`, `sue`, `refuse`, `launch`, `announce` (results
releases and filings too), `list` (the steps of a listing), `ship`
(shipments and output ramps), `invest`, `speak` (a dated appearance at a named
occasion: 5日在某峰会上表示; the words are a quote) or `other`. Speech alone is
a quote, not an event; undated actions are not events. An action the text puts
in the future (预计 / 计划 / 将于 …, or a date after the article's) has
`status` `planned`.

The actor is the clause's subject: the name leading the clause (past dates,
titles and epithets: 有「…」之称的燧原), else the name a date follows at once
(…的美国总统特朗普近日签署时), else a pronoun for the person last named (for an
appearance). Acts also stand in modifiers (创立于2018年的某公司, 明年上市的<chip>:
its maker's) and in clauses chained by dates or by 同时 with no actor repeated.
Where the lexicon has no name, the clause head may still name the actor: 公司 / 该公司 (the company last
named), a full organisation name (…股份有限公司) a date follows, a place's 政府, a role and a two- or
three-character name (商务部发言人某某20日…). A verb that frames another act (宣布, 通知, 举行) takes
that act's class. Dates stand before the verb, inside its phrase (申请于6月30日获受理, not the period a
release covers), after it (成立于…), or come from a meeting told before (会谈后, 在会中: its day). Acts in
modifiers: a dated rule (10月公布的制度: `tighten`, by the clause's actor), a dated occasion (在5日举行的
某说明会上…表示: `speak`). Hearsay (收购传闻, 市场传闻…, 外界预期…) is no act.
A passive clause's agent acts (多家企业于10月被某部列入…: the one after 被 / 遭). A body the lexicon lacks
may be named by its kind (国台办, 某某委员会) when a date or a spokesperson follows; organisations named in
full or in Latin script likewise, and enumerations of actors (甲、乙联合公告) are one joint actor (`;`).
A framed act dated only after the framing verb (宣布，新规于5日生效) takes that date; a product referred
back to (这款芯片明年量产) acts through its maker. Acts in a condition and its consequence (若…，将…)
are no events.
Acts told one after another in clauses with no actor and no date of their own (某部12日宣布延后执行…，恢复
采购…，并加强打击…) are the same actor's on the same date; 同时 / 则 / 也 tie an undated clause to the act just
told (美方同时同意…; 中方则宣布…), and 分别 with enumerated dates gives one event per date. An act the sentence
negates, denies or asks about (并未, 尚未, 否认, 是否, a question mark), a standing state (持续, 一直), and a
measure the actor suffers (因出口限制…) are no events; a date whose own clause has a predicate of its own dates
that clause, not a later actor's act.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lang.lexicon import Mention
from .context import ACTOR_TYPES, PRODUCT_TYPES, Draft, SentenceContext

# Most specific first: the first class whose verbs occur in the clause wins.
ACTIONS: list[tuple[str, str]] = [
    # A results release or a filing is an announcement, not a product launch (发布2025年三季报).
    ("announce", r"(?:发布|披露|公布|发表|递交)[^，。；,]{0,14}?(?:财报|年报|季报|半年报|业绩|研报|研究报告|公告|数据|报告|通知|声明|文件|意见)|"
                 # headline style: 发 alone before a results report (晚发三季报)
                 r"(?<![开研出引激启])发(?=[^，。；,\s]{0,4}?(?:财报|年报|季报|业绩))|"
                 # a results report comes out (三季报出炉), or a notice issued under its title (发布《…发行公告》)
                 r"(?:财报|年报|季报|半年报|业绩)(?:正式)?出炉|(?:发布|披露|公布|发表)《[^》]{1,40}?(?:公告|报告|通知|公报|书)》"),
    # The steps of a listing: 招股, 申购, 递表, IPO申请获受理, 过会, 通过聆讯, 挂牌上市.
    ("list", r"挂牌|(?<![已未拟的])上市(?![公企规首辅]|申请|计划|进程|之路)|(?:登录|登陆)?兴柜|上柜(?![公企])|受理[^，。；,]{0,20}?(?:上市|IPO|发行)[^，。；,]{0,4}?申请|公开发售|国际配售|中签|配发结果|(?:启动|完成)上市辅导|辅导验收|招股(?!价|书|说明书)|申购|递表|(?:递交|提交|呈交|更新)[^，。；,]{0,10}?(?:招股书|招股说明书|上市申请|IPO申请|申请材料)|"
             r"(?:启动|开启)[^，。；,]{0,8}?(?:上市|IPO)进程|IPO.{0,6}(?:受理|过会|获批|注册生效)|(?:申请|IPO)[^，。；]{0,14}?获[^，。；]{0,8}?受理|过会|通过.{0,10}聆讯|"
             r"同意.{0,14}(?:注册|上市|发行)|登陆.{0,8}(?:科创板|主板|创业板|港交所|联交所|纳斯达克|纽交所)"),
    # Shipments and output ramps: 出货, 放量, 增产, 送样; an export with a count (走私出口200颗).
    # 出货 is the act only before a count (全年出货约30万颗), right after a date or as begun (二季度出货, 开始出货);
    # 占国产出货… is the noun.
    ("ship", r"(?:出货|发货)(?=\s*(?:了|近|约|超过?|逾|达|\d))|(?:出货|交货|发货)量(?=\s*(?:已|已经|首次|首度|再度)?\s*(?:突破|达到?|超过?|逾|约|近|翻倍|增至|升至|\d))|(?:(?<=[季月年日度])|开始|启动|正式|陆续|起)(?:出货|发货)|放量|增产|扩产|送样|(?:提高|增加|提升|扩大)[^，。；]{0,12}产量|(?:非法)?(?:出口|走私)(?=\s*(?:[\d约近超逾了]|[一大多]批))"),
    ("resume", r"恢复.{0,6}(?:销售|供货|出货|出口|发货|生产|供应|采购|购买|进口|订购)|重启.{0,6}(?:销售|供货|出货|采购)|重新(?:[向对给][^，。；,]{0,10}?)?(?:销售|供货|出货|发货|出口|开放|采购|购买)"),
    ("refuse", r"拒绝(?!置评|评论|回应|透露|发表评论|就此)(?:采购|购买|接受|了)?|不买账|抵制"),
    ("investigate", r"反垄断调查|反倾销调查|反歧视调查|立案调查|调查|立案|搜查|突击检查|传唤|(?:警示|监管|关注|问询)函|查获|查扣|扣押|查处|约谈|约见|问询|处罚|罚款|罚单|开罚|裁罚|重罚|认定.{0,8}违[法反]|裁定"),
    # Prosecution and its steps: 起诉, 逮捕 / 被捕, 过堂 / 出庭, 认罪, 判刑.
    ("sue", r"起诉|提起.{0,4}诉讼|诉讼|上诉|逮捕|被捕|拘捕|过堂|出庭|认罪|判处|判刑|定罪"),
    ("ban", r"不(?:被|获)?(?:允许|准许)(?=[^，。；,]{0,8}?(?:进口|进入|出口|销售|销往|采购|购买|入境|使用))|禁令|禁止|叫停|喊停|下架|封锁|禁售|禁运|断供|停用|弃用|停止(?:[为向对给][^，。；,]{0,10}?)?(?:采购|购买|使用|供货|供应|销售|出口|订购|代工|生产|服务)|暂停(?:采购|购买|订购|进口)|"
            r"(?:要求|通知|下令|责令|勒令).{0,20}(?:停止|暂缓|暂停|中止)|(?:告诉|告知|通知|要求)[^，。；,]{0,10}?(?:不得|不能|不可|不准)[^，。；,]{0,12}?(?:销售|出售|销往|出口|采购|购买)|暂缓(?:采购|购买|进口|订购)|"
            r"(?:暂停|中止|冻结|吊销).{0,14}?(?:许可|出口|发货|销售|供货|供应|交易|生产|资产|业务|合作|服务)|下令|责令|勒令|封杀|不得(?:采购|购买|出口|入境|进口)|不准(?:入境|进口)|禁止入境"),
    ("tighten", r"需要许可证|(?:实施|实行)[^，。；,]{0,8}?许可(?:证)?管理|[需须](?:要)?(?:申请|申领|取得|获得)[^，。；,]{0,4}?许可|许可证要求|需获得许可|发布[^，。；,]{0,20}?(?:规则|新规|指南|禁令|条例|指导方针|方针|指引|规定)|限制.{0,8}(?:出口|销售|出货|供应|进口|采购|使用)|收紧|加码(?!投资|布局|押注|采购|投入)|加严|(?:加强|强化|加大)[^，。；,]{0,10}?(?:管制|审查|检查|查验|核查|稽查|监管|执法|打击|管控)|祭出[^，。；,]{0,6}?(?:管制|规定|新规|措施|限制|制裁)|严查|严打|严格(?:审查|检查|查验|执法)|(?:实施|采取)[^，。；,]{0,6}?(?:更严格|更严)|升级.{0,4}管制|更新.{0,6}(?:管制|清单|规则)|出台.{0,6}(?:新规|规则|管制)|列入.{0,6}清单|"
                r"增列[^，。；,]{0,24}?(?:名单|清单)|扩大.{0,6}(?:管制|限制)|(?:实施|宣布|施加)[^，。；,]{0,6}?制裁|制裁(?=\s*[了\d一两三四五六七八九十多数]|[^，。；,]{0,4}(?:企业|公司|实体|个人|官员))|限制出口|出口管制|新规|降至.{0,6}门槛|门槛|列入.{0,24}名单|列为.{0,10}(?:实体|风险|管制)"),
    ("approve", r"批准|放行|解禁|获批(?!的|准的)|(?<!未经)(?<!未获)(?<!无)许可|获准|松口|允许|核准|核定|同意(?!暂|延后|推迟).{0,8}(?:出口|销售|放行|销往|输中|输往|出货|供货)|"
                r"完成.{0,14}备案|开绿灯"),
    ("loosen", r"放宽|松绑|缓和|撤销|撤回|废除|取消.{0,6}(?:禁令|限制|规则|管制|关税)|(?:降低|下调|调降|减免|豁免)[^，。；,]{0,14}?(?:关税|税率)|"
                # holding a measure back: 暂不扩大, 延后执行, 推迟实施
                r"暂不(?:扩大|实施|执行|加征|征收|扩大施行)|(?:延后|推迟|延期|暂缓)(?:执行|实施|生效|施行)"),
    ("launch", r"(?<!例行)(?<!新闻)发布会|发布(?!会|[^，。；,]{0,6}?(?:致词|致辞|讲话|谈话|声明|公开信))|发表(?=[^，。；,]{0,12}?(?:路线图|芯片|晶片|产品|新品|处理器|GPU|模型|架构|系列))|推出|释出(?=[^，。；,]{0,12}?(?:芯片|晶片|GPU|产品|新品|处理器|模型|版本|系列|平台))|亮相|量产|首发|交付|面世|问世|开卖|开售"),
    ("invest", r"注资|斥资|入股|增资|出资|(?:完成|获得|宣布)[^，。；,]{0,8}?融资|设立.{0,6}基金|成立.{0,6}基金|注册成立|(?:创立|创办|创建)(?![者人])|(?<![不未])成立(?!了?.{0,4}(?:工作组|小组))|募资|定增|定向增发|(?<![者权])投资(?![者人方机峰论活大会])"),
    # 宣布, 披露; a source's dated newest report (3日，据某机构最新报告) is a release too.
    ("announce", r"(?<!的)(?:宣布|公布|披露)|公告(?=\s*[，,：:称])|(?:财报|年报|季报|业绩)显示|发布财报|确认|证实|最新(?:研究|报告|研报|数据|调查|统计|预测)"),
    ("other", r"游说|任命|聘任|出任|接任|卸任|辞任|辞去|延长[^，。；,]{0,6}?(?:休战|豁免|期限|暂停)|会见|会面|会晤|访问|访华|来华|赴华|来台|访台|抵台|赴台|返台|飞抵|抵达|到访|造访|出访|退出(?=[^，。；,]{0,10}?(?:市场|业务))|出席|签署|签订|签约|签下|重返|举行|召开|表态|会谈|通话|征收|上调(?=[^，。；,]{0,8}?(?:关税|税率|费率|门槛|利率))|加征|邀集|通知|提交.{0,8}申请|通电话|展出|达成|收购|并购|接管|"
              r"通过.{0,8}(?:法案|议案|决议)"),
]
_ACTION_RES = [(name, re.compile(pattern)) for name, pattern in ACTIONS]
_FIRST_PATTERN = {name: rx for name, rx in reversed(_ACTION_RES)}  # each action's first pattern (announce has two)
_LAUNCH_AFTER = re.compile(r"[^，。,；]{0,16}?(?:推出|发布|上市|面世|问世|量产|亮相|排在|登场|放量|增产|出货)")
# An epithet before the actor: 有「国产X」之称的燧原, 被称为…的, 号称…的 (skipped like a title).
_EPITHET = re.compile(r"(?:素有|享有|有)?[^，。,；：:]{1,16}?(?:之称|称号)的|(?:被称为|号称|人称)[^，。,；：:]{1,12}?的")
# Words that put the action in the future: 预计, 计划, 将于, 拟, 准备 (a planned event).
_PLANNED = re.compile(r"预计|计划|规划|拟|准备|有望|即将|预定|定于|订于|最快|最早将|争取|力争|打算|将(?=于|在|会|要|正式|陆续|率先|首次|推出|发布|上市|挂牌|量产|交付|出货|开始|启动|增产|放量)")
_PRODUCT_PASSIVE = re.compile(r"[^，。,；]{0,8}?(?:获准|被准许|获批|被禁|遭禁|被列入|被纳入|被要求|被限制|被叫停|被暂停|"
                              r"[需须](?:要)?(?:申请|申领|取得|获得)[^，。；,]{0,4}?许可)")
_US_VENDORS = {"英伟达", "AMD", "英特尔"}


def _us_product(canonical: str, lexicon) -> bool:
    entity = lexicon.entity(canonical) if lexicon is not None else None
    return entity is not None and entity.parent in _US_VENDORS

# A dated appearance at a named occasion is an event (`speak`); what was said there is a quote.
_OCCASION = re.compile(r"致辞|致词|讲话|演说|业绩说明会|业绩会|说明会|发布会|记者会|新闻发布会|听证会|电话会议?|招待会|研讨会|座谈会|大会|论坛|峰会|年会|"
                       r"主题演讲|演讲|(?:媒体|记者)?问答|专访|采访|受访|访谈|联访|群访|(?:向|对|告诉|面对)(?:记者|媒体)|集体学习|Podcast|播客|节目上?|网志|博客|"
                       # any named gathering in the frame 在…上 (在分析师日上, 在投资者大会上, 在开幕式上)
                       r"(?<=在)[^，。；,：:“”「」]{1,20}?(?:会|日|展|节|典礼|仪式|式|活动|晚宴)上")
# An occasion that is no more than an interview: an event only on a given day.
_INTERVIEW = re.compile(r"专访|采访|受访|访谈|联访|群访|(?:向|对|告诉|面对)(?:记者|媒体)")
# Between an organisation and its person: a title (英伟达执行长黄仁勋: the person acts).
_ROLE_WORD = (r"(?:联合|轮值)?(?:长|首席执行官|执行长|行政总裁|CEO|董事长|创始人|创办人|总裁|总经理|发言人|主席|国家主席|总统|"
              r"部长|商务部长|财政部长|副总裁|首席财务官|财务长|CFO|首席技术官)")
# Titles may be joined (创始人兼CEO, 董事长兼总裁, 创始人、CEO).
_ROLE_BETWEEN = re.compile(rf"\s*(?:[（(][^（()）]{{0,20}}[)）])?(?:的)?(?:{_ROLE_WORD}(?:\s*(?:兼|、|和|及)\s*{_ROLE_WORD})*)?\s*")
# A role then a name of two or three characters the lexicon lacks, then the date (or 在/于): the person.
_ROLE_NAME = re.compile(r"(?:的)?(?:联合|轮值)?(?:新闻发言人|发言人|首席执行官|执行长|行政总裁|CEO|董事长|创始人|总裁|总经理|部长|副部长|局长|主任|主席|副总裁|首席财务官)\s*"
                        r"([\u4e00-\u9fff]{2,3}?)(?=\s*(?:\d|[一二三]?[十]?[一二三四五六七八九十]日|在|于|於|今日|昨日|日前|近日|上周|本周|周[一二三四五六日]))")
_WEAK_ACTIONS = {"ship", "other"}
STRONG_ACTIONS = {"ban", "tighten", "approve", "resume", "loosen", "investigate", "sue", "refuse"}
_SPEECH = re.compile(r"(说(?!明会|明书)|表示|强调|直言|警告|坦言|指出|(?<![简又号人堪俗统名昵别总全自])称(?![为号])|透露|回应|认为|感慨|承认|炮轰|批评|痛斥|抨击|谈到|提到)")


def classify(text: str, pos: int = 0) -> tuple[str, re.Match[str] | None]:
    """The action class of the leftmost action verb in `text` (from `pos`).

    An announcement (宣布, 披露) takes the class of what it announces when that
    follows: 商务部宣布对…发起反倾销调查 is an investigation.
    """
    best: tuple[str, re.Match[str] | None] = ("", None)
    for name, pattern in _ACTION_RES:
        m = pattern.search(text, pos)
        if m and (best[1] is None or m.start() < best[1].start()):
            best = (name, m)
    framing = best[0] == "announce" or best[0] in ("other", "launch") and best[1] is not None and _FRAME_VERB.fullmatch(best[1].group(0))
    if framing and best[1] is not None:
        rest = text[best[1].end():]
        if best[1].group(0) in ("举行", "举办", "召开"):
            rest = _CLAUSE.split(rest, 1)[0]  # what is held is named in the same clause
        found = [(m.start(), name) for name, pattern in _ACTION_RES
                 if name not in ("announce", "other", "launch") and (m := pattern.search(rest))]
        if best[0] != "launch" and (m := _CONVEYED_LAUNCH.search(rest)):
            found.append((m.start(), "launch"))  # 宣布推出…, 宣布，旗下芯片已量产
        if found:
            return min(found)[1], best[1]  # the leftmost act announced
    return best


# A launch an announcement conveys: the verbs of bringing a product out (not 发布, which conveys anything).
_CONVEYED_LAUNCH = re.compile(r"推出|量产|首发|面世|问世|开卖|开售|亮相")

# Verbs that frame the act they convey or hold (通知英伟达，…须申请许可证; 举行上市仪式): the class is that act's.
_FRAME_VERB = re.compile(r"通知|举行|举办|召开")


_CLAUSE = re.compile(r"[，,；;：:]")
_LEAD = re.compile(r"^(?:[\s“”\"（）()「」『』▲■●◆★☆▶►◎※·•]|【[^】]{0,24}】|^[^，。【】]{1,12}】|根据|依据|据报|据悉|(?:虽然受到|虽受|受到|受)(?=\s*(?:\d|今年|去年|前年|本月|上月|当年|同年))|又|刚刚|刚|当地时间|美东时间|北京时间|再度|再次|其中|随后|当场|当天|同日|也|还|则|亦|已|曾|更是|终于|正式|首次|亲自|公开|此前|随即|紧接着|而|被(?!告)|由|据|但是|但|不过|然而|同时|并且|并|且|包括)*")
# Before the actor a clause may hold titles and places: 美国总统特朗普, 中国国家网信办.
_TITLE_PREFIX = re.compile(r"^(?:[^，。,；：:]{0,10}(?:企业|公司|厂商|巨头|大厂|龙头|集团|芯片商|芯片厂|设计商|制造商|供应商|开发商|独角兽)|"
                           r"美国|中国|中国大陆|大陆|美方|中方|新加坡|台湾|香港|日本|韩国|荷兰|欧盟|白宫|总统|美国总统|前总统|副总统|商务部长|部长|首席执行官|CEO|创始人|"
                           r"董事长|总裁|发言人|官员|[^，。,；：:]{0,6}负责人|时间|美国时间|北京时间|[\d]{1,2}日|在|于|"
                           r"中共|总书记|中共总书记|国家主席|中国国家主席|主席|[一二三四五六七八九十两\d]+名)*$")
# After the verb, a head noun that makes the act hearsay, not a reported act: 收购传闻, 上市传言, 禁令的猜测.
_HEARSAY = re.compile(r"\s*(?:的)?(?:传闻|传言|谣言|猜测|揣测|说法)")
# Before the actor in its clause: hearsay or a third party's guess (市场传闻, 外界预期, 分析师预计) frames it.
_HEARSAY_FRAME = re.compile(r"传闻|传言|盛传|风传|据传|传出|(?:市场|外界|业界|业内|分析师|分析人士|投资者|投资人)(?:普遍)?(?:预期|预计|预测|估计|猜测|认为)")
# What may follow a reporting frame's verb before the act it reports (发布公告称，…; 宣布：…).
_FRAME_TAIL = re.compile(r"[\s，,：:“”「」]|称|指出|表示")
# A meeting between leaders or parties, and a later reference to it (会谈后, 会晤后, 在会中, 会议期间).
_MEETING = re.compile(r"会谈|会晤|会面|峰会|首脑会议")
_MEETING_REF = re.compile(r"(?:会谈|会晤|会面|峰会|首脑会议)(?:后|之后|中|上|期间|时)|在会[中上]")
# After a place, the word that makes it its government.
_GOVERNMENT = re.compile(r"政府|当局")
# A company referred back to at the head of a clause: 公司, 该公司, 这家公司 (not 子公司, 公司法).
_COMPANY_ANAPHOR = re.compile(r"(?:该|这家|此|本)?公司(?![法债股章])|(?:该|这家|此)(?:集团|企业|厂商|芯片商|芯片厂商?|芯片公司|初创公司|新创公司|"
                              r"晶片商|晶片厂|业者|巨头|龙头|独角兽)")
# A government body referred back to at the head of a clause: 该部, 该局, 该委员会, 这一机构 (the body last named).
_AGENCY_ANAPHOR = re.compile(r"(?:该|此|这个|这一)(?:部门|部|局|署|委员会|委|办公室|机构|监管机构|监管部门)")
# Products referred back to at the head of a clause: 这两款芯片, 该产品, 此系列GPU.
_PRODUCT_ANAPHOR = re.compile(r"(?:这|该|此|上述)(?:[一两二三四几数]?款|些|一?系列|批)?(?:新)?(?:芯片|晶片|产品|GPU|处理器|加速卡|显卡|服务器)")
# A full organisation name the lexicon lacks: a name of 2-24 characters ending in a legal or institutional
# suffix (…股份有限公司, …集团, …交易所, …协会); it is an actor only when a date follows at once (after 于/在,
# or a short parenthesis: (简称…)).
_ORG_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,24}?(?:股份有限公司|有限责任公司|有限公司|集团|交易所|协会|研究院|银行)"
                       # a firm's short name: two to four characters and 科技 / 股份 / 半导体 … (星宸科技, 某某股份)
                       r"|(?!中国|美国|国产|国内|全球|海外|本土|大陆|台湾|这|该|此|各|多|两|几)[\u4e00-\u9fff]{2,4}(?:科技|股份|半导体|微电子|电子|存储|资本|证券)(?![公企集])"
                       # or a name in Latin script of words with capitals (a foreign firm the lexicon lacks)
                       r"|[A-Z][A-Za-z0-9&.\-]{2,}(?:\s+[A-Z][A-Za-z0-9&.\-]*){0,5}")
# Between the names of an enumeration of actors: 甲银行、乙银行…, 商务部和海关总署.
_JOIN = re.compile(r"\s*(?:、|和|与|及|以及|同)\s*")
_ORG_NAME_DATED = re.compile(r"\s*(?:[（(][^（()）]{0,20}[)）])?\s*(?:于|於|在|已于|最早|最早于|最早成立于)?\s*(?=\d|今年|去年|明年|同年)")
# A pronoun heading a clause (她3月在上海受访时…) stands for the person last named.
_PRONOUN = re.compile(r"他|她")
# The date right after the verb: 成立于2016年3月1日, 上市于…, 推出在….
_DATE_AFTER_VERB = re.compile(r"\s*(?:于|於|在)\s*")
# A fronted modifier with its own act and date: 创立于2018年的某公司, 2021年上市的某公司.
_MODIFIER_VERBS = {"成立": "invest", "创立": "invest", "创办": "invest", "上市": "list", "挂牌": "list",
                   "推出": "launch", "发布": "launch"}
_MODIFIER_ACT = re.compile(r"(成立|创立|创办|上市|挂牌|推出|发布)(?:于|於)?\s*$")  # 成立于 DATE 的 X
_MODIFIER_ACT_AFTER = re.compile(r"(?:在[^，。,；]{0,10})?(成立|创立|创办|上市|挂牌|推出|发布)$")  # DATE (在…)上市 的 X
# What describes an actor rather than tells its act: 经营范围为…投资.
_DESCRIPTION = re.compile(r"经营范围|主营业务|业务范围|主要业务")
# Actors the lexicon does not name but the reporting does.
GENERIC_ACTORS = {
    "中方": "中国政府", "中国政府": "中国政府", "北京当局": "中国政府", "监管部门": "中国监管部门", "中国监管部门": "中国监管部门", "中国监管机构": "中国监管部门", "中国监管当局": "中国监管部门", "监管当局": "中国监管部门",
    "有关部门": "中国监管部门", "监管机构": "中国监管部门", "中国海关": "中国海关", "海关": "中国海关",
    "大陆当局": "中国政府", "大陆官方": "中国政府", "大陆官员": "中国政府", "中国官员": "中国政府", "北京方面": "中国政府",
    "中国方面": "中国政府", "中国大陆": "中国政府", "大陆海关": "中国海关", "大陆海关部门": "中国海关", "海关部门": "中国海关",
    "监管机关": "中国监管部门", "大陆监管机关": "中国监管部门",
    "美方": "美国政府", "中国": "中国政府", "美国": "美国政府", "检方": "检方", "检察官": "检方", "美国政府": "美国政府",
    "华盛顿": "美国政府", "双方": "双方", "美国联邦政府": "美国政府", "联邦政府": "美国政府", "美国国会": "美国国会", "国会": "美国国会",
    "美国众议院": "美国众议院", "众议院": "美国众议院", "美国参议院": "美国参议院", "参议院": "美国参议院",
    # prosecutions: the department and the accused (被告 / 嫌犯 are who acted: 被告非法出口…, 于19日被捕)
    "联邦司法部": "美国司法部", "美国司法部": "美国司法部", "司法部": "美国司法部",
    "被告": "被告", "嫌犯": "被告", "犯罪嫌疑人": "被告",
}
_GENERIC_ACTOR = re.compile("|".join(sorted(map(re.escape, GENERIC_ACTORS), key=len, reverse=True)))


# Before a date, what makes it a bound rather than the date of an act: 至2027年6月30日 (until).
_BOUND_BEFORE = re.compile(r"(?:至|直至|截至|截止|截止到)\s*$")
# After a date in a clause before the actor's: a report's frame (路透3日独家报道，…; 上周报道，…), which
# dates the report, not the act it reports.
_REPORT_FRAME = re.compile(r"\s*(?:独家|獨家)?(?:报道|报导|披露|引述|援引|消息|指出|称)")
# After a date, what makes it no date of an act: a deadline (2026年前完成: before, not when), a dateline
# (27日电), or the period a report covers (2024年度业绩说明会: not dated by the year it reports on).
_NOT_ACT_DATE = re.compile(r"\s*(?:之前|以前|前)(?![一二三四五六七八九十两\d个])|\s*(?:电|電|讯|訊)|\s*(?:半年度|年度|度|中期)(?:业绩|财报|报告|说明会)")


# After a date, a report it is the period of: 三季度财报, 2025年年报, 第三季业绩.
_PERIOD_COVERED = re.compile(r"\s*(?:的)?(?:[一二三四]季|年|半年|中期)?(?:财报|年报|季报|半年报|业绩|报告|营收|数据)")


def _own_clause(ctx: SentenceContext, date) -> bool:
    """Whether a date standing in an earlier clause than the actor's has a predicate of its own there (2025年资本
    支出增长38%，其中某公司上调…: that clause's date, not the later act's): more than a few characters after it."""
    rest = ctx.zh[date.end:ctx.clause_bounds(date.end)[1]]
    rest = re.sub(r"^\s*(?:上午|下午|晚间|晚上|早上|凌晨|起|以来|开始|时|当天|当日|前后|左右)", "", rest)
    return len(rest.strip()) > 10 and not _DATE_MODIFIER.match(rest)  # (5月28日公布的财报，某公司…: a modifier)


def _act_dates(ctx: SentenceContext) -> list:
    """The sentence's dates that can date an action (datelines and reporting periods left out)."""
    return [d for d in ctx.dates if not _NOT_ACT_DATE.match(ctx.zh, d.end)
            and not _BOUND_BEFORE.search(ctx.zh, max(0, d.start - 4), d.start)]


def _status(ctx: SentenceContext, lead_from: int, verb_at: int, date) -> str:
    """`planned` when the action is still to come: a future word (预计, 计划, 将于) in the verb's clause before
    the verb, or a date that begins after the article's; otherwise empty (it happened)."""
    clause_start = max([lead_from] + [m.end() for m in _CLAUSE.finditer(ctx.zh, 0, verb_at)])
    if _PLANNED.search(ctx.zh, clause_start, verb_at):
        return "planned"
    if date is not None and date.date_start and ctx.published is not None and date.date_start > ctx.published.isoformat():
        return "planned"
    return ""


# Between an actor and the date right after it: 英伟达7月…, 特朗普日前…, 某公司自2019年….
_SUBJECT_DATE_GAP = re.compile(r"\s*(?:[（(][^（()）]{0,20}[)）]|[)）])?\s*(?:于|於|在|自|已于|将于|曾于|也于|则于)?\s*")
# The word before a name that makes it an object, not the subject: 对英伟达, 与特朗普, 向华为.
_OBJECT_MARK = re.compile(r"[对向与和同跟把将给被从由及、让令]$")


def _dated_subject(ctx: SentenceContext, pos: int, end: int):
    """An actor deeper in the clause that a date follows at once — the subject-then-time order of a
    news clause (结束出访的美国总统特朗普近日接受采访时): the first such actor not marked as an object."""
    zh = ctx.zh
    starts = {d.start for d in ctx.dates if d.resolved or d.inferred}
    for m in ctx.mentions:
        if m.type not in ACTOR_TYPES or not pos < m.start < end or _OBJECT_MARK.search(zh, 0, m.start):
            continue
        gap = _SUBJECT_DATE_GAP.match(zh, m.end, end)
        if gap and gap.end() in starts:
            return m
    return None


# The mark of a passive clause and its agent: 被美国商务部列入, 遭检方起诉 (not 被告).
_PASSIVE = re.compile(r"(?:被|遭到?)(?!告)\s*|获(?!得|取|悉|批|准|利|奖|颁|益|选|评)\s*")


def _passive_agent(ctx: SentenceContext, pos: int, end: int):
    """The agent of a passive clause whose subject is no actor (多家企业于10月被某部列入…, 某芯片被美方限制):
    the actor named right after the first 被 / 遭 of the clause, from the lexicon or a generic one."""
    zh = ctx.zh
    for mark in _PASSIVE.finditer(zh, pos, end):
        at = mark.end()
        agent = next((m for m in ctx.mentions if m.start == at and m.type in ACTOR_TYPES), None)
        if agent is not None:
            return agent
        generic = _GENERIC_ACTOR.match(zh, at)
        if generic:
            return Mention(generic.start(), generic.end(), generic.group(0), GENERIC_ACTORS[generic.group(0)], "agency")
        return None
    return None


# A government body the lexicon lacks, named by its kind at the head of a clause (国台办, 某某委员会, 某某总署):
# up to ten characters ending in the word for an office, a commission, an administration or a ministry, then
# a date or a spokesperson. Its name is its canonical form.
_BODY_NAME = re.compile(r"(?:[\u4e00-\u9fff]{1,10}?(?:办公室|委员会|总署|总局|管理局|监管局|办|署|局|部|委)|"
                        # a council named by two characters and 会 (公平会, 金管会), not a gathering (大会, 峰会, 年会)
                        r"[\u4e00-\u9fff](?![大峰年晚例展博盛聚酒舞])[\u4e00-\u9fff](?<![迟早将也还就才不都仍可应定必])会)"
                        r"(?=\s*(?:于|於|在|已于|将于|曾于)?\s*[\d今昨前日近上本下周去明同一二三四五六七八九十]|\s*(?:新闻)?发言人)")
_BODY_FOLLOW = re.compile(r"\s*(?:于|於|在|已于|将于|曾于)?\s*")


def _body_name(ctx: SentenceContext, pos: int, end: int):
    """A body named by _BODY_NAME at `pos` that a dated act (a date at once) or a named spokesperson follows."""
    zh = ctx.zh
    body = _BODY_NAME.match(zh, pos, end)
    if body is None or body.group(0) in GENERIC_ACTORS or "的" in body.group(0):
        return None
    if any(pos <= m.start < body.end() and m.type != "place" for m in ctx.mentions):
        return None  # a name the lexicon knows stands inside (a place may: 美国联邦贸易委员会)
    gap = _BODY_FOLLOW.match(zh, body.end(), end)
    dated = gap is not None and any(d.start == gap.end() and (d.resolved or d.inferred) for d in ctx.dates)
    if not dated and not _ROLE_NAME.match(zh, body.end(), end):
        return None
    return Mention(body.start(), body.end(), body.group(0), body.group(0), "agency")


def _org_actor(ctx: SentenceContext, pos: int, end: int):
    """An organisation the lexicon lacks named in full at the clause head: one a date follows at once
    (某某股份有限公司于…成立, Some Capital 于7月17日…), or an enumeration of two or more (甲银行、乙银行相继…),
    whose canonical form joins the names by `;`."""
    zh = ctx.zh
    names, at = [], pos
    while (org := _ORG_NAME.match(zh, at, end)) is not None:
        names.append(org.group(0).strip())
        join = _JOIN.match(zh, org.end(), end)
        at = org.end()
        if join is None or _ORG_NAME.match(zh, join.end(), end) is None:
            break
        at = join.end()
    if not names or len(names) == 1 and not _ORG_NAME_DATED.match(zh, at, end):
        return None
    return Mention(pos, at, zh[pos:at], ";".join(names), "company")


def _joint(ctx: SentenceContext, actor, end: int):
    """Joint actors of one act named as an enumeration at the clause head (商务部、海关总署9日联合公告;
    特朗普与习近平30日会晤): one actor whose canonical form joins theirs by `;`."""
    zh = ctx.zh
    names, at = [actor.canonical], actor.end
    while (join := _JOIN.match(zh, at, end)) is not None:
        # the next name, after a title or a place at most (与中国国家主席习近平)
        nxt = next((m for m in ctx.mentions if join.end() <= m.start <= join.end() + 10 and m.type in ACTOR_TYPES
                    and _TITLE_PREFIX.match(zh[join.end():m.start])), None)
        generic = _GENERIC_ACTOR.match(zh, join.end()) if nxt is None else None
        if nxt is not None:
            names.append(nxt.canonical)
            at = nxt.end
        elif generic is not None:
            names.append(GENERIC_ACTORS[generic.group(0)])
            at = generic.end()
        else:
            break
    if len(names) == 1:
        return actor
    return Mention(actor.start, at, zh[actor.start:at], ";".join(dict.fromkeys(names)), actor.type)


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
        epithet = _EPITHET.match(zh, pos, end)
        if epithet:
            pos = epithet.end()
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
            # (only with no actor before it: 商务部通知…，H20须申请许可 is the department's act)
            if product is not None and not groups and _PRODUCT_PASSIVE.match(zh, product.end) and _us_product(product.canonical, ctx.lexicon):
                actor = Mention(product.start, product.end, product.text, "美国政府", "agency")
        if actor is None and (ana := _AGENCY_ANAPHOR.match(zh, pos, end)):
            # 该部12日宣布…: the body last named (in this sentence or before it)
            named = [m.canonical for m in ctx.mentions if m.type == "agency" and m.end <= pos] or [_memory(ctx).get("agency", "")]
            if named[-1]:
                actor = Mention(ana.start(), ana.end(), ana.group(0), named[-1], "agency")
        if actor is None and not _AGENCY_ANAPHOR.match(zh, pos, end):
            actor = _body_name(ctx, pos, end)
        if actor is None:
            generic = _GENERIC_ACTOR.match(zh, pos) or re.compile(r"(?:有关|相关)?(" + _GENERIC_ACTOR.pattern + ")").match(zh, pos)
            if generic is None:  # 新加坡检方: a place before a generic actor
                later = _GENERIC_ACTOR.search(zh, pos, min(end, pos + 8))
                if later and _TITLE_PREFIX.match(zh[pos:later.start()]):
                    generic = later
            if generic:
                word = generic.group(generic.lastindex or 0)
                strong = classify(zh[generic.end():end])[0] in STRONG_ACTIONS
                # 美国与中国达成…: two countries joined act as their governments
                paired = (join := _JOIN.match(zh, generic.end(), end)) is not None and _GENERIC_ACTOR.match(zh, join.end())
                if word not in ("中国", "美国", "中国大陆", "中国方面") or strong or paired:  # 中国区域营收… is a place, not a government acting
                    actor = Mention(generic.start(), generic.end(), word, GENERIC_ACTORS[word], "agency")
        if actor is None:
            # 荷兰政府 / 日本当局: the government of a place the lexicon knows
            place = next((m for m in ctx.mentions if m.start == pos and m.type == "place"), None)
            gov = _GOVERNMENT.match(zh, place.end) if place is not None else None
            if gov:
                actor = Mention(place.start, gov.end(), zh[place.start:gov.end()], place.canonical + "政府", "agency")
        if actor is None:
            actor = _dated_subject(ctx, pos, end)
        if actor is None:
            actor = _passive_agent(ctx, pos, end)
        if actor is None and (ana := _PRODUCT_ANAPHOR.match(zh, pos, end)):
            # 这两款芯片订于明年量产: the products last named, launched by their maker
            makers = [mk for m in ctx.mentions if m.end <= pos and (mk := _maker(ctx, m))] or [_memory(ctx).get("maker", "")]
            if makers[-1] and _LAUNCH_AFTER.match(zh, ana.end()):
                actor = Mention(ana.start(), ana.end(), ana.group(0), makers[-1], "company")
        if actor is None and (ana := _COMPANY_ANAPHOR.match(zh, pos, end)):
            # 公司自2020年成立 / 该公司于…推出: the company last named (in this sentence or before it)
            named = [m.canonical for m in ctx.mentions if m.type == "company" and m.end <= pos] or [_memory(ctx).get("company", "")]
            if named[-1]:
                actor = Mention(ana.start(), ana.end(), ana.group(0), named[-1], "company")
        if actor is None and not any(m.start == pos and m.type != "place" for m in ctx.mentions):
            actor = _org_actor(ctx, pos, end)
        if actor is None and ctx.last_speaker and _PRONOUN.match(zh, pos):
            actor = Mention(pos, pos + 1, zh[pos], ctx.last_speaker, "pronoun")  # for appearances only
        if actor is not None:
            actor = _joint(ctx, actor, end)
        if actor is not None and actor.type != "person" and ";" not in actor.canonical:
            person = next((m for m in ctx.mentions if m.type == "person" and actor.end <= m.start <= actor.end + 30
                           and _ROLE_BETWEEN.fullmatch(zh[actor.end:m.start])), None)
            if person is None and (named := _ROLE_NAME.match(zh, actor.end, end)):
                # 商务部新闻发言人某某20日…: a person the lexicon lacks, named after the role, then a date
                person = Mention(named.start(1), named.end(1), named.group(1), named.group(1), "person")
            actor = person or actor
        if actor is not None:
            groups.append([b, end, actor])
        elif groups:
            groups[-1][1] = end
    return [tuple(g) for g in groups]


# The end of a clause of time (在某人7月造访后, …之际): its date dates the clause after it as well.
_TIME_CLAUSE = re.compile(r"(?:后|之后|以后|过后|时|之际|期间)\s*$")


def _acts_on_itself(ctx: SentenceContext, actor, verb_at: int) -> bool:
    """Whether the act's object, marked by 对 / 向 before the verb, is the actor itself (某公司违反…，决定对某公司
    实施调查): then the name is what the act is about, not who acts."""
    return any(m.canonical == actor.canonical and actor.end < m.start < verb_at and ctx.zh[m.start - 1:m.start] in ("对", "向")
               for m in ctx.mentions)


# 上市 of a product is its market launch; of a company, its listing. What tells a listing: its words.
_LISTING_WORDS = re.compile(r"IPO|股|上市委|审议|聆讯|过会|科创板|创业板|主板|北交所|港交所|联交所|交易所|纳斯达克|纽交所|挂牌|招股|发行|募资|市值|上市公司|上市首日|上市申请")
_PRODUCT_NOUN = re.compile(r"芯片|晶片|超节点|产品|新品|GPU|处理器|加速卡|显卡|服务器|系统|平台|机型|手机|版本|系列")


def _product_launch(ctx: SentenceContext, d: Draft) -> Draft:
    """A `list` draft told by 上市 whose clause (and the one before it) names a product, in a sentence with no
    word of a listing, is the product's market launch (某超节点计划后年第2季上市): `launch`."""
    zh = ctx.zh
    if d.action != "list" or zh[max(0, d.end - 2):d.end] != "上市" or _LISTING_WORDS.search(zh):
        return d
    c_start = ctx.clause_bounds(max(0, d.end - 1))[0]
    before = ctx.clause_bounds(c_start - 2)[0] if c_start >= 2 else c_start
    around = range(min(before, d.start), d.end)
    named = any(m.start in around and m.type in PRODUCT_TYPES for m in ctx.mentions)
    if named or _PRODUCT_NOUN.search(zh, min(before, d.start), d.end):
        return replace(d, action="launch")
    return d


def _memory(ctx: SentenceContext) -> dict:
    """The event extractor's article memory: the last company named (for 公司 / 该公司 heading a clause)."""
    return ctx.memory.setdefault("event", {})


def extract(ctx: SentenceContext) -> list[Draft]:
    try:
        return _extract(ctx)
    finally:
        companies = [m.canonical for m in ctx.mentions if m.type == "company"]
        if companies:
            _memory(ctx)["company"] = companies[-1]
        agencies = [m.canonical for m in ctx.mentions if m.type == "agency"]
        if agencies:
            _memory(ctx)["agency"] = agencies[-1]  # for 该部 heading a later clause
        makers = [mk for m in ctx.mentions if (mk := _maker(ctx, m))]
        if makers:
            _memory(ctx)["maker"] = makers[-1]  # for 这款芯片 heading a later clause


def _extract(ctx: SentenceContext) -> list[Draft]:
    zh = ctx.zh
    drafts: list[Draft] = []
    meeting = _memory(ctx).get("meeting")
    if not ctx.dates and ctx.carried_date is None and not (meeting and _MEETING_REF.search(zh)) and not (
            _memory(ctx).get("last_date") is not None and _SAME_OCCASION.search(zh)):
        _memory(ctx)["last_date"] = None
        return drafts  # no date, no event
    groups = _groups(ctx)
    drafts.extend(_continued(ctx, groups))
    drafts.extend(_modifier_events(ctx))
    rule_drafts = _rule_modifier_events(ctx, groups)
    drafts.extend(rule_drafts)
    act_dates = _act_dates(ctx)
    mains = []  # (draft, verb end, group end, whether its verb decides or announces) for `_coordinated`
    # A date standing inside an earlier group, after its actor, that dated that actor's act: it is that act's
    # date, not one a later group of another actor carries (某政府4月告知…不得…，但某人造访…: not in April).
    dated_by: dict[int, str] = {}
    for n, (g_start, g_end, actor) in enumerate(groups):
        if _HEARSAY_FRAME.search(zh, g_start, actor.start):
            continue  # 市场传闻某公司将…, 外界预期…: others' talk or guess, no act of the actor's
        text = zh[actor.end : g_end]
        action, match = classify(text)
        speech = _SPEECH.search(text)
        occasion = _OCCASION.search(text)
        if occasion and speech and occasion.start() < speech.start() and (
                match is None or speech.start() < match.start() or action in ("other", "announce")):
            action, match = "speak", occasion  # 黄仁勋5日在某峰会上表示: the appearance
        at_meeting = meeting is not None and match is not None and _MEETING_REF.search(
            zh, groups[n - 1][0] if n else 0, actor.end + match.start())  # (会谈后，双方…: the clause before may tell it)
        if action and match is not None and action != "speak" and not at_meeting:
            action, match = _dated_verb(ctx, act_dates, actor, groups[n - 1][1] if n else 0, g_end, action, match)
        if not action or match is None or _DESCRIPTION.search(text, 0, match.start()) or _HEARSAY.match(text, match.end()):
            continue
        if action != "speak" and _CAUSE_BEFORE.search(text, 0, match.start()) and _MEASURE_NOUN.search(match.group(0)):
            continue  # 英伟达因出口限制…: a measure the actor suffers, not its act (中方因漏洞约谈…: its act)
        if action in STRONG_ACTIONS and _acts_on_itself(ctx, actor, actor.end + match.start()):
            # 初步调查显示，某公司违反…，决定对某公司实施调查: the name heads a finding about it, not the act;
            # the act is the last group's actor's (or nobody's)
            if not n:
                continue
            actor = groups[n - 1][2]
        if _HEARSAY_FRAME.search(text, 0, match.start()):
            continue  # 近日传出某人即将…: others' talk between the actor and the verb
        if action in _WEAK_ACTIONS and len(_CLAUSE.findall(text, 0, match.start())) > 2:
            continue  # a weak verb three clauses on has its own subject (…，也牵动…业者扩产)
        # 英伟达披露，美国政府通知…: a reporting frame, the event is the next group's.
        if action == "announce" and n + 1 < len(groups) and not _FRAME_TAIL.sub("", text[match.end():g_end - actor.end]):
            continue
        # Speech alone is a quote: 黄仁勋说… is not an event.
        if speech and action != "speak" and speech.start() < match.start() and action in ("other", "announce", "refuse"):
            continue
        if speech and action != "speak" and speech.start() < match.start() and (
                ctx.inside_quote(actor.end + match.start())
                or action in ("list", "launch", "ship") and not any(actor.end + speech.end() <= d.start < actor.end + match.start()
                                                                     for d in act_dates)):
            continue  # 某人表示，「…」上市: an undated act in the words said is part of the quote
        # The date that governs the action: the last one before the action verb, in this group or
        # just before it (not one that belongs to an earlier group's action).
        verb_at = actor.end + match.start()
        previous_end = groups[n - 1][1] if n else 0
        # A date inside the verb phrase (IPO申请于6月30日获受理) governs it as one before it does.
        verb_end = actor.end + match.end()
        leading = [d for d in act_dates if previous_end <= d.start < verb_at and (d.resolved or d.inferred)
                   and not (d.start < g_start and (_REPORT_FRAME.match(zh, d.end) or _own_clause(ctx, d)))]
        if not leading:  # but never the period a release covers (披露2025年三季报)
            leading = [d for d in act_dates if verb_at < d.start and d.end <= verb_end and d.date_start
                       and not _PERIOD_COVERED.match(zh, d.end)]
        if at_meeting and not leading:  # 会谈后，双方宣布…: on the day of the meeting last told
            leading = [replace(meeting, start=g_start, end=g_start, inferred=True)]
        calendar = [d for d in leading if d.date_start]
        before = [d for d in act_dates if d.start < g_start and not _REPORT_FRAME.match(zh, d.end) and not _own_clause(ctx, d)
                  and dated_by.get(d.start, actor.canonical) == actor.canonical]
        inside = leading
        if calendar:
            date = _first_of_enumeration(zh, calendar)
        elif leading:
            date = leading[-1]
        elif (after := _date_after_verb(act_dates, zh, actor.end + match.end(), g_end)) is not None:
            date = after
        elif before:
            date = before[-1]
        elif (framed := _framed_date(ctx, act_dates, action, match, verb_end, g_end)) is not None:
            date = framed
        elif (same := _same_occasion(ctx, drafts, g_start, actor.end, verb_at)) is not None:
            date = same
        elif ctx.carried_date is not None:
            date = replace(ctx.carried_date, start=g_start, end=g_start, inferred=True)  # (its offsets are of its own sentence)
            if _status(ctx, actor.end, verb_at, date) and not _PLANNED.search(zh, actor.end, verb_at):
                continue  # a future date carried from a plan (明年量产。) does not date an act told as done
        else:
            continue
        if speech and action != "speak" and speech.start() < match.start() and n and groups[n - 1][0] <= date.start < g_start:
            continue  # 甲7月起发放许可，乙表示已获得许可: the date is the act before, what 乙 says is a quote
        if actor.type == "pronoun":
            if action != "speak":
                continue  # 他说，…许可: a pronoun dates an appearance, not an act told in speech
            actor = replace(actor, type="person")
        if action == "speak" and date not in leading:
            continue  # an appearance is dated by its own clause, never by a date carried from elsewhere
        if action == "speak" and _INTERVIEW.fullmatch(match.group(0)) and date.precision not in ("day", "approx"):
            continue  # an interview is an event on a given day; 今年5月接受采访时说 is just a quote
        if actor.text in ("中国", "美国") and action not in STRONG_ACTIONS:
            continue  # 中国 as a place (中国拥有…) is an actor only for a government act
        subject_start = actor.start
        # Passive: 智谱等企业被美方列入实体清单 — the actor is the one after 被.
        passive = _PASSIVE.search(text[: match.start()])
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
        # (from the clause's subject, which a passive agent follows: the span is the subject's clause)
        start = min(date.start, subject_start) if date in inside or date in before else subject_start
        end = max(verb_end, date.end) if date.start > verb_at else verb_end
        for each in _respective_dates(zh, act_dates, date):
            drafts.append(Draft(
                kind="event", start=start, end=end,
                subject=objects[0] if objects and action in ("ban", "approve", "tighten", "investigate") else "",
                actor=actor.canonical, action=action, items=";".join(dict.fromkeys(items)), date=each,
                status=_status(ctx, actor.end, verb_at, each),
            ))
        mains.append((drafts[-1], verb_end, g_end, _DECIDING.search(zh, actor.end, verb_end) is not None))
        if (conveyed := _conveyed_act(ctx, act_dates, action, match, actor, verb_end, g_end, date)) is not None:
            drafts[-1] = replace(drafts[-1], action="announce")  # the notice itself, on its own day
            drafts.append(conveyed)
        if actor.start <= date.start < g_end and not _TIME_CLAUSE.search(zh, 0, ctx.clause_bounds(verb_at)[1]):
            dated_by.setdefault(date.start, actor.canonical)  # (在某人7月造访后，…: a time clause dates the next one too)
    drafts.extend(_occasion_events(ctx, drafts))
    drafts = _one_per_date(drafts, rule_drafts)
    for main, verb_end, g_end, deciding in mains:
        if any(d is main for d in drafts):
            drafts.extend(_coordinated(ctx, main, verb_end, g_end, deciding))
    drafts = _dedupe(_unasserted(ctx, _hypothetical(ctx, drafts)))
    drafts = [_product_launch(ctx, d) for d in drafts]
    dated = [d for d in drafts if d.date is not None and d.date.date_start]
    _memory(ctx)["last_date"] = dated[-1].date if dated else None  # for 同时 heading the next sentence
    for d in drafts:  # a dated meeting: what is agreed 会后 / 在会中 later takes its day
        if d.date is not None and d.date.precision == "day" and _MEETING.search(ctx.zh, d.start, ctx.clause_bounds(max(d.start, d.end - 1))[1]):
            _memory(ctx)["meeting"] = d.date
    return drafts


# The head of a clause that goes on with the act of the clause before it, same actor and same day: a
# connective (并, 同时, 也, 还, 另, 随后 …), a short prepositional phrase (就石墨出口也…, 对美方产品…), and
# adverbs before the verb. With no connective the clause continues only a decision or an announcement
# (宣布延后执行…，恢复采购…).
_COORD_HEAD = re.compile(r"\s*(?P<conn>并且?|同时|也|还|另外?|亦|且|随后|随即|此外|又|再|以及)?\s*"
                         r"(?:[就对向在与为把将从][^，。；,：:“”「」]{1,16}?)?\s*"
                         r"(?P<adv>(?:也|还|并|亦|又|再|将|已经|已|正式|进一步|全面|同时|则|会|同步|一并|相继)*)\s*")
_DECIDING = re.compile(r"宣布|同意|决定|宣佈|公布|表态")


def _coordinated(ctx: SentenceContext, main: Draft, verb_end: int, g_end: int, deciding: bool) -> list[Draft]:
    """Acts told in the clauses after an event's verb with no actor and no date of their own, each led by an act
    verb (美国同意暂不加征关税，并降低…税率; 中国宣布延后执行…，恢复购买…; 公布暂停…出口，就…也实施更严格审查):
    the same actor's acts on the same date, one event each. A clause with its own date is `_continued`'s."""
    zh = ctx.zh
    if main.date is None:
        return []
    drafts = []
    at = ctx.clause_bounds(min(verb_end, len(zh) - 1))[1]
    # A framing verb whose clause holds nothing more (宣布，将对…加征关税): the next act clause is what it
    # announces, the main event itself, not another act.
    conveyed_later = _CONVEYING.search(zh, max(0, verb_end - 3), verb_end) is not None and not classify(zh[verb_end:at])[0]
    while at < g_end and zh[at:at + 1] and zh[at] in "，,；;":
        c_start, c_end = at + 1, ctx.clause_bounds(at + 1)[1]
        at = c_end
        if any(c_start <= d.start < c_end for d in ctx.dates) or _SPEECH.search(zh, c_start, c_end):
            break  # its own date (or the words said): no longer the same act's day
        action, match = classify(zh[c_start:c_end])
        if not action or match is None or action == "announce":
            break
        head = _COORD_HEAD.fullmatch(zh, c_start, c_start + match.start())
        if head is None:
            break
        if not (conveyed_later or head.group("conn") or head.group("adv") and re.search(r"也|还|并|亦|又|再|同时", head.group("adv")) or deciding):
            break
        if any(c_start <= m.start < c_start + match.start() and m.type in ACTOR_TYPES and not _OBJECT_MARK.search(zh, 0, m.start)
               for m in ctx.mentions):
            break  # a new subject
        if conveyed_later:
            conveyed_later = False
            continue
        verb_at = c_start + match.start()
        items = [m.canonical for m in ctx.mentions if c_start <= m.start < c_end and m.type in PRODUCT_TYPES]
        start = head.start("conn") if head.group("conn") else c_start + len(zh[c_start:c_end]) - len(zh[c_start:c_end].lstrip())
        drafts.append(Draft(kind="event", start=start,
                            end=c_start + match.end(), actor=main.actor, action=action, date=main.date,
                            items=";".join(dict.fromkeys(items)),
                            status=main.status or _status(ctx, c_start, verb_at, None)))
    return drafts


# Before the verb of an undated clause, the words that tie it to the act told just before: 同时 (also across
# a sentence: 美国同时同意…), and 则 / 也 / 亦 for a parallel actor of the same sentence (美方同意…；中方则宣布…).
_SAME_OCCASION = re.compile(r"同时|与此同时")
_PARALLEL = re.compile(r"则|也|亦|同样|同步")


def _same_occasion(ctx: SentenceContext, found: list[Draft], g_start: int, lead_from: int, verb_at: int):
    """The date of the act an undated clause is told alongside: the last event of this sentence for a clause with
    同时 / 则 / 也 before its verb, or the previous sentence's last event for 同时; None otherwise."""
    head = ctx.zh[lead_from:verb_at]
    earlier = [d for d in found if d.date is not None and d.date.date_start and d.start < g_start]
    if earlier and (_SAME_OCCASION.search(head) or _PARALLEL.match(head)):
        return replace(earlier[-1].date, start=g_start, end=g_start, inferred=True)
    last = _memory(ctx).get("last_date")
    if not earlier and last is not None and _SAME_OCCASION.search(head):
        return replace(last, start=g_start, end=g_start, inferred=True)
    return None


# Right before the verb in the actor's clause, a cause or a plight: 因 / 由于 / 受 / 面临 (英伟达因出口限制计提…).
# The nouns of a measure, which a cause phrase may hold (因出口限制, 受禁令影响).
_MEASURE_NOUN = re.compile(r"禁令|限制|管制|制裁|新规|规则|调查|禁售|禁运|门槛|断供|许可")
_CAUSE_BEFORE = re.compile(r"(?:因(?![此而])为?|由于|(?<![接承享感忍])受(?:到)?(?![理让托益邀聘访])|基于|面临|面对|遭遇)[^，。；,]{0,14}$")


# A verb that conveys another act (宣布，新规于5日生效): the conveyed act may carry its own date later on.
_CONVEYING = re.compile(r"宣布|公布|公告|通知|披露|宣佈")


def _framed_date(ctx: SentenceContext, dates, action: str, match, verb_end: int, g_end: int):
    """For an act conveyed by a framing verb and dated nowhere before it (某部宣布，新规于本月5日生效; 公告称，…自
    12月1日起实施): the first calendar date after the framing verb in its group, never the period a report covers
    nor a report's own date; None when the verb conveys nothing but itself."""
    if action == "announce" or not _CONVEYING.fullmatch(match.group(0)):
        return None
    return next((d for d in dates if verb_end <= d.start < g_end and d.date_start
                 and not _PERIOD_COVERED.match(ctx.zh, d.end) and not _REPORT_FRAME.match(ctx.zh, d.end)
                 and not _RULE_MODIFIER.match(ctx.zh, d.end)), None)  # (10月公布的制度: that rule's own date)


def _conveyed_act(ctx: SentenceContext, dates, action: str, match, actor, verb_end: int, g_end: int, date):
    """The act a notice conveys, dated on its own after the notice (某公司3日发布公告，股票将于5日上市): an event
    of its own on that date, besides the notice's (then an `announce`); None when the conveyed act has no later date of its own."""
    if not _CONVEYING.search(match.group(0)) and not _CONVEYING.search(ctx.zh, verb_end - 4, verb_end):
        return None
    zh = ctx.zh
    verb = _FIRST_PATTERN[action].search(zh, verb_end, g_end)
    if verb is None:
        return None
    own = [d for d in dates if verb_end <= d.start < verb.start() and d.date_start and d.start != date.start
           and not _PERIOD_COVERED.match(zh, d.end) and not _REPORT_FRAME.match(zh, d.end)]
    if not own or _SPEECH.search(zh, verb_end, own[-1].start) or ctx.inside_quote(verb.start()):
        return None
    when = own[0]
    return Draft(kind="event", start=when.start, end=verb.end(), actor=actor.canonical, action=action, date=when,
                 status=_status(ctx, verb_end, verb.start(), when))


# A condition or a hypothesis: what its clause and the clause after it tell has not happened (若…，将…).
_CONDITIONAL = re.compile(r"若(?!干)|如果|假如|假设|倘若|一旦|要是|万一|如若")


def _hypothetical(ctx: SentenceContext, drafts: list[Draft]) -> list[Draft]:
    """Drop the drafts whose verb stands in a conditional clause or in the clause that follows it."""
    zh = ctx.zh
    spans = []
    for m in _CONDITIONAL.finditer(zh):
        start, first_end = ctx.clause_bounds(m.start())
        spans.append((start, ctx.clause_bounds(first_end + 1)[1] if first_end + 1 < len(zh) else first_end))
    if not spans:
        return drafts
    return [d for d in drafts if not any(a <= d.end - 1 < b for a, b in spans)]


# Before the verb in its clause, what says the act did not happen: 未 / 并未 / 尚未 / 没有 / 从未 / 不曾, a
# denial (否认, 驳斥, 辟谣) or a refusal to act (不会, 无意, 不打算). Not 未来 (the future), 未经 (without:
# 未经许可出口 is an act), 未能 is a negation too.
_NEGATION = re.compile(r"(?:并|尚|从|还|仍|均|皆|都|也)?未(?![来经知满必])|没有|没(?=[^，。；,]{0,2}?(?:在|于|向|对|能))|不曾|"
                       r"否认|驳斥|辟谣|澄清(?=[^，。；,]{0,6}?(?:并未|没有|未曾|不曾|不实))|不会|不打算|无意|不准备")
# Before the verb in its clause, an adverb of duration: a standing state (2025年以来持续限制…), not an act on a date.
_DURATIVE = re.compile(r"持续|一直|不断|长期|始终")
# A question about the act: 是否 / 会否 / 能否 / 会不会 before the verb, or the clause ends a question.
_QUESTION = re.compile(r"是否|会否|能否|可否|会不会|是不是|有没有|何时|什么时候")


def _unasserted(ctx: SentenceContext, drafts: list[Draft]) -> list[Draft]:
    """Drop the drafts whose act the sentence denies, negates or asks about: a negation or a denial between the
    start of the verb's clause (or of the draft, when it starts later) and the verb (英伟达并未在9月推出…,
    某部否认曾约谈…), a question word there, or a question mark closing the verb's clause."""
    zh, kept = ctx.zh, []
    for d in drafts:  # (a duration adverb just before the verb: a standing state, not an act)
        clause_start, clause_end = ctx.clause_bounds(max(d.start, d.end - 1))
        frame = zh[max(clause_start, d.start):d.end]
        if _NEGATION.search(frame) or _QUESTION.search(frame) or zh[clause_end:clause_end + 1] in ("？", "?"):
            continue
        if _DURATIVE.search(frame):
            continue
        kept.append(d)
    return kept


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    """One draft per act: the same actor, class and date read twice by two mechanisms stays once; so does an act
    of one actor on one date read twice over one stretch of text (two verbs of one clause: a notice and the
    measure it names), the first found kept."""
    seen, kept = set(), []
    for d in drafts:
        key = (d.actor, d.action, d.date.start if d.date is not None else None, d.date.date_start if d.date is not None else None)
        if key in seen:
            continue
        if d.date is not None and d.date.date_start and any(
                k.actor == d.actor and k.date is not None and k.date.date_start == d.date.date_start
                and k.start < d.end and d.start < k.end for k in kept):
            continue
        seen.add(key)
        kept.append(d)
    return kept


def _dated_verb(ctx, dates, actor, previous_end: int, g_end: int, action: str, match):
    """The verb a group's event is told by: the first one, unless no date stands before it and a later
    date in the group does (某公司新推出的…，另计划于2028年推出…: the dated verb after that date)."""
    verb_at = actor.end + match.start()
    if any(previous_end <= d.start < verb_at for d in dates) or _date_after_verb(dates, ctx.zh, actor.end + match.end(), g_end):
        return action, match
    later = next((d for d in dates if verb_at <= d.start < g_end and d.date_start
                  and not _DATE_MODIFIER.match(ctx.zh, d.end)), None)
    if later is None or _SPEECH.search(ctx.zh, verb_at, later.start):
        return action, match  # never across a speech verb: what follows it is the words said
    again, found = classify(ctx.zh[actor.end:g_end], later.end - actor.end)
    return (again, found) if found is not None else (action, match)


# After a date, a short act and 的: the date is in a modifier of a noun (10月公布的制度), not the clause's act.
_DATE_MODIFIER = re.compile(r"\s*(?:所)?[^，。；,的\d]{1,6}的")


def _one_per_date(drafts: list[Draft], rule_drafts: list[Draft]) -> list[Draft]:
    """A group's event that reads a rule modifier's date (商务部表示，将对10月公布的措施…) is that modifier's act
    read twice: it goes when it overlaps the rule modifier's event on the same date."""
    rules = [d for d in drafts if any(d is r for r in rule_drafts)]
    return [d for d in drafts if any(d is r for r in rule_drafts) or not any(
        d.date is not None and r.date is not None and d.date.start == r.date.start and r.start < d.end and d.start < r.end
        for r in rules)]


# Between two dates of one enumeration: 19日及20日, 3月和5月, 8日、9日.
_DATE_JOIN = re.compile(r"\s*(?:及|和|与|、|或|以及)\s*")


def _first_of_enumeration(zh: str, dates: list):
    """The last of `dates`, or, when it closes an enumeration of dates (先后在19日及20日过堂), the enumeration's first."""
    k = len(dates) - 1
    while k > 0 and (join := _DATE_JOIN.match(zh, dates[k - 1].end)) is not None and join.end() == dates[k].start:
        k -= 1
    return dates[k]


def _respective_dates(zh: str, dates: list, date) -> list:
    """`date`, or every date of the enumeration it opens when 分别 stands before it (甲和乙分别在2027年和2028年
    面世: one act on each date)."""
    if date is None or not re.search(r"分别\s*(?:在|于|於|将于|将在)?\s*$", zh[max(0, date.start - 5):date.start]):
        return [date]
    found, k = [date], next((i for i, d in enumerate(dates) if d.start == date.start), None)
    while k is not None and k + 1 < len(dates) and (join := _DATE_JOIN.match(zh, dates[k].end)) is not None \
            and join.end() == dates[k + 1].start:
        k += 1
        found.append(dates[k])
    return found


def _date_after_verb(dates, zh: str, verb_end: int, limit: int):
    """The date standing right after the verb through 于/在 (成立于2016年3月1日), or None."""
    gap = _DATE_AFTER_VERB.match(zh, verb_end, limit)
    at = gap.end() if gap else verb_end
    return next((d for d in dates if d.start == at and d.date_start), None)


def _maker(ctx: SentenceContext, product: Mention) -> str:
    """The company that makes a product the lexicon knows (its parent), or empty."""
    if product.type not in PRODUCT_TYPES or ctx.lexicon is None:
        return ""
    entity = ctx.lexicon.entity(product.canonical)
    maker = ctx.lexicon.entity(entity.parent) if entity is not None and entity.parent else None
    return maker.canonical if maker is not None and maker.type == "company" else ""


def _modifier_events(ctx: SentenceContext) -> list[Draft]:
    """An act told in a modifier of its actor: 创立于2018年的某公司, 2021年在科创板上市的某公司 — the date,
    an act verb, then 的 and an actor (the act is the actor's)."""
    zh = ctx.zh
    drafts = []
    for m in ctx.mentions:
        if m.start < 1 or zh[m.start - 1] != "的":
            continue
        actor = m.canonical if m.type in ACTOR_TYPES else _maker(ctx, m)  # 明年四季度上市的某芯片: its maker's
        if not actor:
            continue
        clause_start = max([0] + [c.end() for c in _CLAUSE.finditer(zh, 0, m.start)])
        for d in _act_dates(ctx):
            if not (clause_start <= d.start and d.end <= m.start - 1) or not d.date_start:
                continue
            head, tail = zh[clause_start:d.start], zh[d.end:m.start - 1]
            before_date = not tail.strip()
            verb = _MODIFIER_ACT.search(head) if before_date else _MODIFIER_ACT_AFTER.search(tail)
            if verb is None:
                continue
            start = clause_start + verb.start() if before_date else d.start
            drafts.append(Draft(kind="event", start=start, end=m.end, actor=actor,
                                items=m.canonical if m.type in PRODUCT_TYPES else "",
                                action=_MODIFIER_VERBS[verb.group(1)], date=d,
                                status=_status(ctx, clause_start, m.start, d)))
            break
    return drafts


# A clause told as simultaneous with the one before: 同时, 同日, 随即, 并同时.
_SAME_TIME = re.compile(r"\s*(?:并且?|还|也)?(?:同时|同日|随即|与此同时)")


def _continued(ctx: SentenceContext, groups) -> list[Draft]:
    """Clauses with their own date and a government or market action but no actor named — 同年7月又同意恢复销售,
    并于次月将140家实体列入实体清单 — continue the last actor: of this sentence, or of the article's last event."""
    zh = ctx.zh
    drafts = []
    act_dates = _act_dates(ctx)
    bounds = [0] + [m.end() for m in _CLAUSE.finditer(zh)] + [len(zh)]
    for c_start, c_end in zip(bounds, bounds[1:]):
        if any(g_start == c_start for g_start, _, _ in groups):
            continue  # led by an actor: handled as a group
        # (in an article with no date at all, a date that cannot be resolved still dates the act: empty, inferred)
        dates = [d for d in act_dates if c_start <= d.start < c_end and (d.date_start or ctx.published is None and d.inferred)]
        owner = [g for g in groups if g[0] <= c_start]
        same_time = _SAME_TIME.match(zh, c_start, c_end)
        if not dates and same_time and owner:
            # 某部委6日批准…，同时发布另一项规则: at the same time, by the same actor
            earlier = [d for d in act_dates if owner[-1][0] <= d.start < c_start and (d.resolved or d.inferred)]
            if not earlier:
                continue
            date, from_pos, evidence_at = earlier[-1], same_time.end(), same_time.start()
        elif dates:
            date, from_pos, evidence_at = dates[0], dates[0].end, dates[0].start
            if owner and not any(owner[-1][0] <= d.start < c_start for d in ctx.dates):
                continue  # the group's own event already takes this date
        else:
            continue
        action, match = classify(zh[from_pos:c_end])
        if action not in STRONG_ACTIONS | {"launch", "list"} or match is None or ctx.inside_quote(from_pos + match.start()):
            continue  # (an act in the words quoted is part of the quote)
        if any(c_start <= m.start < c_end and m.type in ACTOR_TYPES and not _OBJECT_MARK.search(zh, 0, m.start)
               for m in ctx.mentions):
            continue  # an actor is named, just not first: not a continuation (向港交所递表: an object)
        # (a clause before every actor of the sentence: the article's last actor, else the sentence's first)
        actor = owner[-1][2].canonical if owner else ctx.last_event_actor or (groups[0][2].canonical if groups else "")
        if not actor:
            continue
        items = [m.canonical for m in ctx.mentions if c_start <= m.start < c_end and m.type in PRODUCT_TYPES]
        verb_at = from_pos + match.start()
        drafts.append(Draft(kind="event", start=evidence_at, end=from_pos + match.end(), actor=actor,
                            action=action, date=date, items=";".join(dict.fromkeys(items)),
                            status=_status(ctx, c_start, verb_at, date)))
    return drafts


# A dated occasion told as a modifier: 在5月6日上午举行的某公司业绩说明会上, 上月的GTC演讲中 — the date, an
# optional time of day and place, (举行|召开|举办)的 or 的, then within the phrase an occasion noun.
_OCCASION_MODIFIER = re.compile(r"\s*(?:上午|下午|晚间|晚上|早上|凌晨)?\s*(?:在[^，。；,的]{1,10})?\s*(?:举行|召开|举办|进行)?"
                                r"(?:\s*[A-Za-z][A-Za-z0-9 ]{1,12}?\s*)?的\s*"  # or the occasion's name first: 上月 GTC 的演讲
                                r"(?P<what>[^，。；,：:“”「」]{0,24}?)(?:" + _OCCASION.pattern + r"|会(?=[上中]))")


def _occasion_events(ctx: SentenceContext, found: list[Draft]) -> list[Draft]:
    """A dated appearance whose date stands in a modifier of the occasion (在5月6日举行的…说明会上，…表示):
    `speak`, by the speaker the sentence names (a person or company inside the occasion phrase, else the
    first person named, else the last speaker). Only where the sentence goes on to speak, and never twice
    for a date an event of the sentence already has."""
    zh = ctx.zh
    drafts = []
    taken = {d.date.start for d in found if d.date is not None}
    for d in _act_dates(ctx):
        if not d.date_start or d.start in taken:
            continue
        m = _OCCASION_MODIFIER.match(zh, d.end)
        if m is None or not _SPEECH.search(zh, m.end()) and not re.match(r"\s*[上中]", zh[m.end():]):
            continue
        inside = [x for x in ctx.mentions if d.end <= x.start < m.end() and x.type in ACTOR_TYPES]
        persons = [x for x in ctx.mentions if x.type == "person"]
        actor = (inside[0].canonical if inside else persons[0].canonical if persons else ctx.last_speaker)
        if not actor:
            continue
        drafts.append(Draft(kind="event", start=d.start, end=m.end(), actor=actor, action="speak", date=d,
                            status=_status(ctx, 0, m.end(), d)))
    return drafts


# A rule told with its own date as a modifier: 10月公布的出口审查制度, 2021年3月9日所发布的…暂行规则 — the
# date, (所)+ a verb of issuing, 的, then within the phrase a noun of a rule.
_RULE_MODIFIER = re.compile(r"\s*(?:所|正式)?(提出|公布|发布|出台|推出|颁布|实施|宣布)的[^，。；,：:]{0,20}?"
                            r"(规则|新规|规定|管制|制度|禁令|措施|清单|条例|法案|政策)")


def _rule_modifier_events(ctx: SentenceContext, groups) -> list[Draft]:
    """A dated rule in a modifier: the act of issuing it (`tighten`, or the class its verb has), by the actor
    of the clause's group, else the article's last event actor."""
    zh = ctx.zh
    drafts = []
    for d in _act_dates(ctx):
        m = _RULE_MODIFIER.match(zh, d.end)
        if m is None or not d.date_start:
            continue
        owner = [g for g in groups if g[0] <= d.start]
        actor = owner[-1][2].canonical if owner else ctx.last_event_actor
        if not actor:
            continue
        drafts.append(Draft(kind="event", start=d.start, end=m.end(), actor=actor, action="tighten", date=d,
                            status=_status(ctx, 0, m.start(1), d)))
    return drafts
