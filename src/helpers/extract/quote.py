"""Attributed words: direct quotes and reported speech, with the speaker resolved.

`黄仁勋说:“……”`, `他强调:“……”` (他 is the nearest named speaker before),
`黄仁勋警告:伤害中国,也可能伤害美国。`, `用任正非的话说,就是"…"、"…"`,
`正如黄仁勋所观察到的,……`, `萨克斯表示,…,并说:…`, generic speakers
(`工程师抱怨`, `有网友说`, `一位接近交易的投行人士透露`), speakers with when, where
and to whom before the verb (`林剑15日表示`, `特朗普当天对记者表示`), and what a
named outlet reports (`据美联社报道,…`, `据《海峡时报》报道,…`, `金融時報近日報導，…`,
`《紐時》稱，…`, `報導說，…` for the outlet named last) unless it relays a source
(`彭博2日引述消息報導` → 消息人士, `根據三名知情人士的說法` → 知情人士).

People the lexicon does not know: after a role (`分析師張三表示`, `研究員Jane Doe認為`,
`官員多伊（John Doe）指出`, `分析师约翰·史密斯的观点称`), a Latin name or a bracketed
original with no role (`研究中心的John Smith说`), a common surname opening a clause
(`龔立群說明，`); once found, a name is known for the rest of the article. A chain of verbs
with no new subject (`任正非表示，…，認為…，強調…`) gives one row per verb; speakers joined by
与/和 (`分析師和供應鏈業者均認為`) one row each; reported words end where another speaker
starts. 他/她 goes to the nearest person, not to an outlet or a firm; 该公司/公司 to the firm
named last; `答：` to the interviewee. The wire report's attribution after the words
(`…，一位知情人士说。`, `…，两名消息人士周三表示。`) takes the words before it; the press's dates
stand between speaker and verb (`昨（19）日`, `于18日`, `周二（18日）`); views and credits
(`在黄仁勋看来，…`, `据英伟达表示，…`, `根据黄仁勋的说法，…`), reports by a named author
(`集邦咨询发布研报称`, later `报告指出，…`), titles after a name (`张三教授表示`), and a country
standing for its government at the head of a clause (`美方表示`) are read too. Scare quotes (`"缩水版"H20`) are not quotes:
a quote needs a speaker and a verb of saying. Estimates credited to a
source (`有经济学家估算`, `根据某投行估计，…`) are not quotes either.

The speaker model follows a person through the article: once named in full, a person is named again
by a short form (the surname heading a clause, `黄氏`, `老黄`, the bare title `执行长` of the one
named with it), and `他`/`她` heading a sentence stays the subject of each later verb of saying in it
(`他聊到…，说…，并宣称…`); `这几家公司反映` gives each firm of the list before it a row. Words go on
past their sentence where real reporting continues them: a spokesman's next sentence in the same
paragraph when it speaks in the first person or states a side's stand (`我们愿…`, `中方坚决反对…`),
a quotation opening right after someone's words, a sentence ending in a quotation whose speaker opens
the next one (`…，「…。」某机构指出，…`), and `“…”这句话他反复强调`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .context import CLAUSE_BREAK, Draft, SentenceContext

SPEAKER_TYPES = {"person", "company", "agency", "org"}
# Adverbs of manner, repetition and consensus before a verb of saying (也, 再度, 普遍, 纷纷, 坦白).
_ADVERBS = (r"(?:虽然|虽|曾经|曾|也|还|又|更|再次|再度|一度|多次|反复|一再|屡次|不断|都|均|皆|亦|同样|普遍|一致|纷纷|大多|多半|"
            r"甚至|进一步|此前|早前|日前|公开|私下|亲口|直接|当场|特别|随即|则|却|反而|仍|依然|坦白|直白|"
            # the order of what is said (接着说, 最后表示) and how long it has been held (一直认为, 始终强调)
            r"紧接[着著]|接[着著]|最后|"
            # writing before saying (发文表示, 撰文指出, 留言质疑, 发帖称, PO文说)
            r"发文|撰文|留言|发帖|发推文?|贴文|PO文|首先|其次|一直|始终|早已|早就|再三|事后|立刻|立即|马上|当即|另一方面|一方面|简短地?|简单地?|"
            # how the attribution closes a quotation (…，魏哲家如此表示 / 这样说 / 如是说); 并 joining a verb
            r"如此|这样|这么|如是|并(?![不未非])|"
            # the manner of saying (开玩笑说, 半开玩笑地说, 笑着说, 坦率地表示)
            r"直言不讳地|毫不讳言地|毫不避讳地|开门见山地|一针见血地|斩钉截铁地|不无担忧地|意味深长地|半?开玩笑地?|笑着|(?:感慨|无奈|直白|明确|公开|坦率|激动|严肃|乐观|谨慎|罕见|少见|难得|毫不客气|语重心长)地)*")
_VERB_WORDS = (r"(?:(?:说过(?:这样)?(?:一句|一番|这番|这句)话|说道|说(?!法|明|服|是)|表示|强调|直言|警告|坦言|指出|声称|宣称|称(?!为|作|之|号|霸|赞|职|得上|心|王)|透露|回应|认为|感慨|承认|"
         r"补充道|补充|(?:提到|谈到)(?!了)(?![^，。,]{0,20}?(?:时(?![代间期刻常机尚髦速])|的时候))|写道|抱怨|呼吁|否认|炮轰|痛斥|痛批|怒斥|斥责|谴责|讥讽|嘲讽|批评|抨击|指责|报道|直指|表态|重申|断言|告诉(?:[^，。,:：“”「」]{1,12}(?=[，,:：。！？]|$))?|"
         r"提醒|建议|解释|坦承|放话|喊话|暗示|答道|问道|形容|说明|宣称|强调说|回忆|吐槽|证实(?!了)|阐述了?|自称|讽刺|"
         r"扬言|(?:毫)?不讳言|直呼|笑称|笑说|笑言|直说|表明|指称|感叹|预言|示警|指(?=[，,:：])|(?:续|再|另|补充)指(?=[，,:：])|续(?:称|说|表示)|"  # 指，: the Hong Kong press's said
         # verbs that also take a plain object (质疑这项政策): speech only before the words
         r"(?:质疑|澄清|驳斥|反驳|揭露|提及|评论|分析|答复|回复|回答|介绍|总结|分享|承诺|保证|相信|深信|坚信)(?=[，,:：“「]|说|称|道)|坚称|"
         r"(?:说|讲|点)得(?:很|非常|十分|更)?[\u4e00-\u9fff]{1,2}(?=[:：])|"
         # a light verb with a noun of saying (发出警告称, 作出回应表示, 发表讲话指出, 提出质疑)
         r"(?:发出|作出|做出|给出|发表|提出)了?(?:强烈|严厉|最新|公开|明确|罕见)?的?(?:警告|警示|呼吁|回应|评论|讲话|谈话|演讲|看法|观点|表态|质疑|批评)"
         r"(?:称|说|表示|指出|道)?(?=[，,:：“「])|"
         # more verbs of telling and crying out (爆料, 自曝, 疾呼, 痛陈)
         r"(?:补|加|添|说|回)了一句|(?:抛出|说出|讲出|道出|撂下|丢出)了?(?:这句话|这番话|此话|这段话)|爆料|自曝|坦露|惊呼|疾呼|高呼|大呼|痛陈|直陈|怒称|慨叹|叹道|发声(?=[，,:：“「])|"
         # harsh words with an object (狠批对手「…」, 揶揄他「…」) and telling a body what is wrong (向监管部门反映，…)
         r"狠批|直批|怒批|猛批|怒轰|砲轰|痛骂|嘲笑|揶揄|挖苦|(?:反映|回击|反击|开炮)(?=[，,:：“「]|称|说|道)))")
_VERB = _ADVERBS + _VERB_WORDS
_GENERIC = (r"(?:外界|观察人士|相关机构|国会议员|参议员|众议员|议员|工程师|网友|分析人士|分析师|专家|业内人士|知情人士|消息人士|市场人士|投资人|供应链业者|业者|业界|法人|"
            r"官员|新闻发言人|发言人|学者|研究员|评论员|高管|代工厂高层|高层|基金经理|券商|研究机构|负责人|主管|"
            # people by what they do or hold (经济学家, 投资者, 外资: Taiwan's foreign institutional investors)
            r"经济学家|科学家|研究人员|观察家|决策者|政策制定者|评论家|批评者|支持者|投资者|交易员|开发者|用户|客户|厂商|外资|投顾|投行|智库|律师|保荐机构|保荐人|承销商|"
            # who speaks for a firm as a body (英伟达管理层, 公司管理层)
            r"管理层|管理团队|"
            # the public and authorities as the press names them (网民, 监管部门, 有关部门, 当局)
            r"网民|民众|股民|散户|员工|监管机构|监管部门|有关部门|主管部门|当局|受访者|受访人士|受访专家|业内|"
            r"[\u4e00-\u9fff]{0,2}人士)")
_ROLE = (r"(首席分析师|分析师|研究员|总监|总经理|经理|总裁|董事长|发言人|主任|教授|创始人|创办人|部长|负责人|院长|"
         r"经济学家|首席执行官|执行长|行政总裁|财务长|首席财务官|CFO|CEO|主席|局长|司长|副总裁|立委|委员|议员|参议员|"
         r"众议员|理事长|秘书长|合伙人|基金经理|策略师|首席专员|专员|专家|官员|顾问研究员|顾问|董秘|董事会秘书|"
         r"副主席|大使|律师|学者|总干事|创始合伙人|高级研究员|资深研究员|分析员|"
         # heads of state, government and their offices; officers of firms and institutes
         r"总统|副总统|总理|首相|外长|国务卿|议长|市长|州长|省长|署长|厅长|处长|行长|主委|"
         r"技术长|营运长|首席技术官|首席运营官|首席战略官|CTO|COO|所长|校长|会长|社长|院士|"
         # people by their trade or their writing (前台积电工程师李明, 该书作者张三)
         r"工程师|高管|作者|作家|主笔|撰稿人|评论员|主编|总编辑|"
         # more offices: Taiwan's vice-ministers and officers (次长, 策略长), press secretaries, heads of a
         # unit (主管), chief officers of any kind (首席投资官), envoys, judges, party leaders
         r"政务次长|常务次长|次长|策略长|资讯长|营销长|行销长|法务长|研发长|新闻秘书|秘书|研究主管|主管|首席[\u4e00-\u9fff]{1,3}官|"
         r"首席科学家|科学家|特使|特首|行政长官|(?:贸易|首席|常驻)代表|检察官|法官|总书记|领袖|执行董事|董事|协理|副总|召集人)")
_NOT_A_NAME = re.compile(r"^(发文|撰文|留言|发帖|发推|贴文|团队|小组|团体|部门|人员|进一步|进而|随后|随即|同时|再次|再度|一再|多次|反复|首先|其次|最后|接着|一直|始终|特别|直接|公开|私下|亲口|立刻|立即|周[一二三四五六日末]|日|们|的|普遍|纷纷|一致|大多|多半|该|本|其|此|这|那|各|某|几|一|知名|资深|著名|问|答|要|把|让|请|就|都|均|皆|称|说|提|看|认|昨日|今日|日前|近日|此前|早前|今天|昨天|表示|指出|认为|强调|透露|回应|本月|上月|也|则|还|曾|又|对|向|在|跟|和|与|被|将|已)")
# A Han character in a name, rare ones too: names use characters outside the basic block, and the
# simplified forms of some (錤 -> 𫓹) stand in the extensions.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f"
# A Chinese name: two characters, and a third unless it reads as the next word (对, 在, 表…).
# A character that opens a verb of saying ends the name only when the verb reads from it (吴华强表示:
# 强 is the name's, 强调 would not be).
_VERB_AHEAD = (r"(?!表示|表态|表明|说|称|指|认为|认同|坦言|坦承|坦白|直言|直指|直呼|直说|强调|透露|回应|回答|回复|回忆|"
               # words that open the clause after a name (林宜瑾质询时, 王明受访时, 张三出席…)
               r"质询|询问|受访|出席|会见|访问|发表|发言|主持|致辞|演讲|宣布|视察|参加|参与|提出|解释|补充|答复|答询|备询|"
               r"接受|在|于|也|曾)")
_NAME = (rf"([{_HAN}]{{2}}(?:(?![对在则也还就于向接曾近今昨等与和的]){_VERB_AHEAD}[{_HAN}]"
         rf"(?:(?![对在则也还就于向接曾近今昨前明等与和的周日月年上下本当受发]){_VERB_AHEAD}[{_HAN}])?)?)")
# What may stand between a speaker and the verb: the name in another script (克瑞斯（Colette Kress）),
# when (今年5月, 15日, 次日), where (在一场活动上, 在CES期间), to whom (对记者, 对第一财经), how (私下).
# A date as the press writes it before the verb: 15日, 今年5月, 于18日, 昨（19）日 (the Taiwan
# press's day in brackets), 今日（20日） / 周二（18日） (a bracketed gloss after the day word).
_DAY_WORD = (r"(?:当地时间|北京时间|美东时间|台北时间)?(?:(?:[今去明]年|上周|本周|上月|本月|上个月|这个月|上星期|这周)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:初|底|中旬|上旬|下旬)?)?"
             r"(?:[昨今前明]\s*[（(]\d{1,2}[）)]\s*日|日前|近日|最近|近期|此前|早前|昨日|今日|今天|昨天|当天|当日|次日|随后|会后|稍早|"
             r"[上本]?周[一二三四五六日末])?(?:\s*[（(]\d{1,2}日?[）)])?"
             # the time of day or a vaguer when after the day (3日晚间, 本周早些时候, 周二下午)
             r"(?:早些时候|稍早时候|稍早前|晚些时候|晚间|早间|早上|上午|中午|下午|晚上|傍晚|凌晨|夜间|深夜|(?<=日)[晚早])?")
# an aside in brackets or between dashes (一位分析师——他不愿具名——表示) may follow the speaker
_WHEN = (r"(?:[（(][^（）()，。]{1,40}[）)]|——[^—，。]{1,24}——)?(?:自己|本人)?(?:也|还|则|亦|又|更|同样)?(?:(?:于|在)(?=[\d今去明昨前上本当次近最稍随日周北美台]))?"
         + _DAY_WORD + r"(?:一句话|这番话|一番话)?")
_TO_WHOM = r"(?:(?:对|向|跟|接受|回复|答复|回应|告诉)[^，。,:：“”「」]{0,16}?)?(?:私下|公开)?"
_FILLER = (_WHEN + r"(?:[上本]?周[一二三四五六日末])?"
           r"(?:[^，。,:：“”「」]{1,40}?(?:[「“『][^，。「」“”『』]{1,20}[」”』][^，。,:：“”「」]{0,12}?)?(?:时|中|上|后|前|期间|场合|场边|现场|之际)[，,]?|(?:在|于)[\u4e00-\u9fff]{2,8}?|"
           # a programme, an interview, a meeting where it was said (在《某节目》节目, 在15日的法说会)
           r"(?:在|于)[^，。,:：“”「」]{1,30}?(?:节目|访谈|专访|采访|法说会|记者会|发布会|说明会|听证会|大会|论坛)|"
           # how: in a light tone, by way of a joke (以轻松语气, 用开玩笑的口吻)
           r"(?:以|用)[^，。,:：“”「」]{1,8}?(?:语气|口吻|方式|态度)|"
           # the medium (透过脸书, 通过官方微信公众号)
           r"(?:透过|通过|经由|借由)(?:其|官方|个人)?[^，。,:：“”「」]{0,8}?(?:脸书|推特|微博|微信|公众号|社交媒体|社群媒体|社交平台|社群平台|"
           r"官网|网站|博客|部落格|电子邮件|邮件|电邮|发言人|新闻稿|视频|直播|Facebook|Threads|LinkedIn|Instagram|YouTube|X)上?"
           r"(?:(?:发表|发布|发出)了?(?:一份|一则|一篇)?(?:声明|公告|新闻稿|文章|博文|推文|贴文|视频))?|"
           r"(?:发表|发布|发出|透过|通过)了?(?:一份|一则|一篇|一封|书面)?(?:声明|公告|新闻稿|通告|公开信|文章|博文|推文|贴文|视频|影片|社交媒体|社群媒体|电子邮件|邮件|电邮|短信))?"
           # how the words were put out, after where (在社群平台X上发文说, 在信中写道): 发文, 撰文, 致信
           # (a letter names its addressee: 联名致信商务部称)
           r"(?:发文|撰文|发帖|发推|(?:联名|联合|共同)?(?:致信|致函|去信|发函|写信给)[^，。,:：“”「」]{0,16}?|来信|回信|留言)?"
           # in a report (中金发布研报称, 集邦最新报告指出, 该行的报告认为)
           r"(?:(?:(?:发布|发表|公布|出具)了?(?:的)?|的)?(?:一份|最新|最新一份)?(?:研究报告|研报|报告|白皮书)中?)?" + _TO_WHOM
           + r"(?:受访(?:时)?)?")
# 白宫官员表示, 芯片行业分析师认为: the role with the words that qualify it, not the quantifier (一位, 有).
# Pre-filter: every match of _GENERIC holds one of these words (the open `…人士` read as 人士),
# so a sentence without one has no described speaker.
_GENERIC_HINT = re.compile(_GENERIC.replace(r"[\u4e00-\u9fff]{0,2}人士", "人士"))
_QUANTIFIER = r"(?:有关|相关|有|另有|还有|据|某)?(?:[一两二三四五六七八九十数几多]+[位名个家]|不少|许多|部分|一些|很多|有些|众多|某)?"
# where a described speaker wrote or spoke: only a medium (在报告中, 在声明中, 在采访中), not a
# place, which may hold a described word itself (在一场投资人活动上 is no speaker)
_GENERIC_WHERE = r"(?:在[^，。,:：“”「」]{0,8}?(?:报告|研报|声明|文章|信|贴文|推文|节目|采访|访问|记者会|会上|会议上)中?)?"
_GENERIC_SPEAKER = re.compile(rf"{_QUANTIFIER}([^\s，,。：:“”「」、的有位名和与及]{{0,5}}?{_GENERIC})(?:们|团队|小组)?\s*"
                              rf"{_WHEN}{_GENERIC_WHERE}{_TO_WHOM}\s*所?{_VERB}")
# Names of people the lexicon does not know, as the press writes them after a role:
# a Latin name (Jane Doe), a transliteration with a middle dot (简·多伊), a transliteration
# followed by the original in brackets (多伊（Jane Doe）), or a Chinese name (张三).
_LATIN_PERSON = r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}"
_DOTTED_NAME = rf"[{_HAN}]{{1,5}}·[{_HAN}](?:(?![在对于向曾等与和的表说称指认])[{_HAN}]){{0,5}}"
_NAME_BEFORE_LATIN = rf"[{_HAN}]{{2,4}}(?=\s*[（(][A-Z][A-Za-z.\- ]{{2,40}}[）)])"
_PERSON = rf"({_LATIN_PERSON}|{_DOTTED_NAME}|{_NAME_BEFORE_LATIN}|{_NAME[1:-1]})"
# 的观点称 / 的说法: a view credited to the speaker
_VIEW = r"(?:的(?:观点|看法|说法)(?=称|指出|认为|表示))?"
_NAMED_ROLE_NAME = re.compile(rf"{_ROLE}(?!会)[”」』]?\s*{_PERSON}")
_NAMED_ROLE = re.compile(rf"{_ROLE}(?!会)[”」』]?\s*{_PERSON}\s*{_FILLER}{_VIEW}\s*{_VERB}")
# 陈思妤：「…」 — a speaker the lexicon does not know, heading the line of an interview answer
_NAME_COLON = re.compile(r"(?:^|(?<=[。！？\n]))\s*(?:[^\s：:，,。「“]{0,24}?" + _ROLE + rf")?([{_HAN}]{{2,4}})\s*[:：]\s*(?=[“「『])")
# A name that shows itself as a person's with no role: in Latin letters (John Smith), or a
# transliteration after 的 or a comma with the original in brackets (的多伊（John Doe）).
_BARE_PERSON = re.compile(rf"(?:(?<![A-Za-z（(])({_LATIN_PERSON})(?![A-Za-z）)])|(?<=[的，,])({_NAME_BEFORE_LATIN})"
                          # a transliteration with a middle dot heading a clause (克里斯·米勒在书中写道)
                          rf"|(?:^|(?<=[的，,。！？\n；;]))({_DOTTED_NAME}))"
                          rf"\s*{_FILLER}{_VIEW}\s*{_VERB}")
_AFTER_KNOWN_NAME = re.compile(rf"\s*{_FILLER}{_VIEW}\s*{_VERB}")
# Common surnames: a Chinese name the lexicon does not know, opening a clause before a verb of
# saying (张三表示，…), is a speaker even with no role given.
_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余于杜叶程魏苏吕丁"
             "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱"
             "严莫孔向常汤康易乔赖文施洪辛柯庄温")
# (the clause may open the sentence or follow one of when or what about: 记者问及…时，林剑说)
_SURNAME_SPEAKER = re.compile(rf"(?:^|(?<=[。！？\n；;])|(?<=[时后][，,])|(?<=对此[，,]))\s*(?:但|而|不过)?([{_SURNAMES}][{_HAN}]{{1,2}}?)"
                              rf"(?:又|也|还|则|进一步)?(?:表示|指出|说明|认为|强调|坦言|直言|警告|透露|补充|说|指|称|直指|坦承)[，,:：]")
_SURNAME_AFTER_QUOTE = re.compile(rf"([{_SURNAMES}][{_HAN}]{{1,2}}?)(?:又|也|还|则|补充)?(?:表示|指出|说道|说|称|强调|坦言|认为|补充道?)\s*[。，,！]")
_NOT_SURNAME_NAME = re.compile(r"^(?:周[一二三四五六日末]|方面|高层|高管|文件|马上|万一|常常|同时|于是|任何|金额|"
                               r"曾经|同样|何况|许多|史上|高度|江湖|金融|严重|易于|常务|龙头|毛利|韩国|文章)$")
# 清华大学的张三教授表示 / 李四博士认为: a name with its title after it, opening a clause or after 的
_NAME_THEN_TITLE = re.compile(rf"(?:^|(?<=[的，,。！？\n；;]))\s*([{_HAN}]{{2,3}}?)(?:教授|博士|院士|先生|女士|老师|律师)"
                              rf"{_FILLER}\s*{_VERB}")
# Counterpoint表示，… / IDC认为，…: a firm the lexicon does not know, in Latin letters, heading a clause
_LATIN_ORG_SPEAKER = re.compile(rf"(?:^|(?<=[。！？\n；;，,]))\s*(?!(?:CEO|CFO|CTO|COO|AI|GPU)(?![A-Za-z]))"
                                rf"([A-Z][A-Za-z0-9&\-]{{1,20}})\s*{_FILLER}{_VIEW}\s*{_VERB}")
# 东吴证券认为 / 台湾半导体产业协会指出 / 北京大学国家发展研究院表示: a body the lexicon lacks,
# named by what ends the names of bodies, heading a clause
_ORG_SUFFIX = r"(?:证券|证券研究所|研究院|研究所|研究中心|协会|商会|学会|联盟|智库|基金会|委员会|交易所|事务所|大学)"
_UNKNOWN_ORG_SPEAKER = re.compile(rf"(?:^|(?<=[。！？\n；;，,]))\s*(?:但|而|不过|对此|另外|此外|同时)?[，,]?\s*"
                                  rf"((?:(?![的之在对与和及被受将把是向给让为从了该这此其])[\u4e00-\u9fff]){{2,12}}?{_ORG_SUFFIX})"
                                  rf"\s*{_FILLER}{_VIEW}\s*{_VERB}")
_PRONOUN = re.compile(rf"(他|她)\s*{_FILLER}\s*{_VERB}")
_VERB_RE = re.compile(_VERB)
# Patterns used per mention or per candidate, compiled once here rather than looked up (or built
# from an f-string) on every call.
_GENERIC_AT_END = re.compile(rf"{_GENERIC}$")
_GENERIC_RE = re.compile(_GENERIC)
_ROLE_PERSON_AT_END = re.compile(rf"{_ROLE}\s*{_PERSON}$")
_LISTENER_BEFORE = re.compile(r"(接受|对|向|据|在|给|致|致信|致函|去信|发函|(?<![由对关属至基鉴等])于|透过|通过|经由|登上)《?$")  # 接受彭博社采访, 对《第一财经》, 给路透的邮件: the listener
_LISTENER_OR_OBJECT_BEFORE = re.compile(r"(接受|对|向|据|在|与|和)《?$")
_LISTENER_OR_PARTNER_BEFORE = re.compile(r"(接受|对|向|在|与|和)《?$")
_TOLD_BEFORE = re.compile(r"(?:对|向|跟|给|致|告诉|回答|接受)《?$")  # 对分析师表示: the one told
_HEARER_BEFORE = re.compile(r"(接受|对|向|据|给|致)《?$")
# 将这项禁令形容为 / 把对手比作: the speaker names the thing (the quoted word follows)
_NAMES_IT_AS = r"(?:将|把)[^，。,“”「」]{1,12}?(?:形容|比喻|比作|定性|斥|批评|讥)为?"
_SPEAKER_TAIL = re.compile(rf"(?:周[一二三四五六日]|曾经|方面|公司|官方|当局|政府|一位发言人|新闻发言人|发言人[^，。,:：“”]{{0,4}}?)?"
                           rf"(?:{_FILLER}\s*{_VERB}|{_NAMES_IT_AS})")
_VERB_SOON = re.compile(rf"[^，。,]{{0,10}}?{_VERB}")
# (the qualifier joined to the word: 一位供应链人士 is 供应链人士, not 应链人士)
_GENERIC_AHEAD = re.compile(rf"(?:一位|一名|有|某)?[^，。,“”「」]{{0,12}}?([^\s，,。：:“”「」、的有位名和与及]{{0,5}}?{_GENERIC})")
# …需求强劲，而 / …审查； : a conjunction or a semicolon left at the end of the words
_TRAILING_CONJ = re.compile(r"[，,；;]\s*(?:但是|但|而且|而|不过|然而|同时|另外|此外)?\s*$")
_OWNER_UNIT = re.compile(r"(?:有关|相关|的|方面|公司)?(?:[\u4e00-\u9fff]{1,4}(?:区|部门|事业部|事业群|业务|团队|办公室))?(?:的)?(?:有关|相关)?")
_DESCRIBED_ANAPHOR = re.compile(r"^(?:该名|该位|该|这位|这名|此位|此名|此)(?=.)")
_LEADING_CONJ = re.compile(r"^(?:但是|但|而且|而|不过|并且|并|且|也)")
# between a body and its officer: 英伟达发言人, 商务部有关负责人, 英伟达一名发言人, 美国商务部的一位发言人
_OWNER_LINK = re.compile(r"(?:有关|相关|的|方面|公司)?(?:的)?(?:[一两二三四五六七八九十几数多]+[位名个])?")
_LATIN_TAIL = re.compile(r"[A-Za-z][A-Za-z0-9&\-]*$")
_RELAY_WORD = re.compile("引述|援引|引用|报道|报导")
_QUOTED_SEGMENT = re.compile(r"[“「『]([^”」』]{2,300})[”」』]")
_WHOLE_QUOTE = re.compile(r"\s*[“「『]([^”」』]{2,400})[”」』]\s*")
_WHOLE_QUOTE_END = re.compile(r"\s*([^“「『”」』]{2,400})[”」』]\s*")
_COLON_BEFORE_QUOTE = re.compile(r"[:：]\s*(?=[“「『])")
_COLON_QUOTE = re.compile(r"\s*[:：]\s*[“「『\"]")
_COLON_WORDS = re.compile(r"\s*[:：]\s*[^\s“「『\"]")
_IN_WORDS_OF = re.compile(r"(?:自己)?的话(?:来)?(?:说|讲)")
# 黄仁勋谈中国市场：… / 任正非再谈芯片：… / 黄仁勋最新发声：…: a headline's speaker on a topic
_TALKS_ON = re.compile(r"(?:最新|再次|首次|罕见|亲自)?(?:受访|接受专访)?(?:(?:再|详|畅|细)?谈(?:及|到)?[^，。,:：“”「」]{1,14}?|发声|回应|表态|开腔|亲述|自述|语出惊人|直言|坦言|放话|喊话|警告)\s*[:：]\s*(?=[^\s“「『\"]|[“「『\"])")
_AS_SEEN_BY = re.compile(r"所?(?:观察到|说|言|述|称|指出|预言|判断|强调|警告)的?(?:那样|一样)?")
_OPEN, _CLOSE = "“「『\"", "”」』\""
_OPENS_QUOTATION = re.compile(r"\s*[“「『]")
# (not a question someone put: 有记者问：「…？」)
_LEAD_IN_QUOTE = re.compile(r"(?![^“「『]*问)[^“「『”」』]{2,80}?[，,：:]\s*[“「『]([^“「『”」』]{4,400}[。！!])[”」』]\s*")
# what follows a quoted label that the reported words go on from: a name or a word, not a break
_CLOSE_MARK = re.compile("[”」』]")
_LABEL_BEFORE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9][“「『]")
_SHORT_LABEL = re.compile(r"[^，。,！？!?、；;：:]{1,8}")
_LABEL_AFTER = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


# A与B都强调 / 分析师和供应链业者均认为: the words before the second speaker that join a first one
_CONJ_BEFORE = re.compile(rf"(?:与|和|及|以及|、)\s*(?:[\u4e00-\u9fff]{{0,6}}?{_ROLE})?$")
_BRACKET_AT_END = re.compile(r"\s*[（(][^（）()]{1,40}[）)]$")


def _co_speakers(zh: str, start: int, mentions) -> list[str]:
    """Speakers joined to the one starting at `start` by 与/和/及/、: a known name, a described
    speaker (业界人士), or a role and a name (主席张三（Zhang San）与…)."""
    conj = _CONJ_BEFORE.search(zh, 0, start)
    if not conj:
        return []
    head = _BRACKET_AT_END.sub("", zh[: conj.start()])
    if zh[conj.start()] == "、" and (_GENERIC_AT_END.search(head) or re.search(_ROLE + "$", head)):
        return []  # a bare role before 、 describes the same person
    for m in mentions:
        if m.type in SPEAKER_TYPES and m.end == len(head):
            return [m.canonical]
    generic = _GENERIC_AT_END.search(head)
    if generic:
        return [generic.group(0)]
    named = _ROLE_PERSON_AT_END.search(head)
    return [named.group(2)] if named and not _NOT_A_NAME.match(named.group(2)) else []


# A firm the lexicon does not know, after what it is: 研究公司TechanaLye, 咨询机构Acme Partners
_DESCRIBED_ORG = re.compile(r"(?:公司|机构|研究所|智库|集团|平台|投行|券商|顾问)\s*"
                            r"([A-Z][A-Za-z&\-]{2,}(?: [A-Z][A-Za-z&\-]+){0,2})(?![A-Za-z])")
# What stands right before a name that is the object of a clause, not its subject:
# 把华为平板拆开后指出, 在华盛顿与特朗普会面后表示
_OBJECT_BEFORE = re.compile(r"(?:了|把|将|与|和|跟|同|对|向|会见|会晤)[^，。,；;:：]{0,6}$")


def _drop_objects(zh: str, speakers: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """For one verb with several candidate speakers, drop those that stand as an object of an
    earlier candidate's clause (Acmetech把华为平板拆开后指出: Acmetech, not 华为)."""
    kept = []
    for verb_end, start, actor in speakers:
        earlier = [s for v, s, a in speakers if v == verb_end and s < start and a != actor]
        if earlier and _OBJECT_BEFORE.search(zh, min(earlier), start):
            continue
        kept.append((verb_end, start, actor))
    return kept


def _canonical_actor(actor: str, lexicon) -> str:
    """A speaker as analyses write it: names inside a described speaker in their canonical form
    (前辉达工程师 -> 前英伟达工程师), 报导 as 报道, a typographic apostrophe as a plain one."""
    actor = actor.replace("’", "'").replace("报导", "报道")
    if lexicon is None or not actor:
        return actor
    mentions = lexicon.mentions(actor)
    if len(mentions) == 1 and (mentions[0].start, mentions[0].end) == (0, len(actor)):
        return mentions[0].canonical
    for m in reversed(mentions):
        actor = actor[: m.start] + m.canonical + actor[m.end :]
    return actor


# A clause that opens with a verb of saying and no subject of its own: ，指出… / ，并强调…
_SUBJECTLESS_VERB = re.compile(r"[，,]\s*(?:另一方面)?(?:并|还|也|又|更|同时|随后){0,2}(?:再次|进一步|特别)?"
                               r"(?:指出|表示|强调|认为|警告|直言|坦言|透露|暗示|宣称|自称|直呼|提醒|承认|坦承|呼吁|预言|断言|"
                               r"称(?!为|作|之|号|霸|赞|职|得上|心|王)|说(?!明|法|服|是|到底|白了|实话|起来))")


_OPENING_CLAUSE = re.compile(r"(?:另一方面|一方面|与此同时|然而|不过|但是|此外|另外|同时|其中|对此)[，,]|[^，,。；;：:]{1,16}?(?:日|月|年|周[一二三四五六日]|以来|此前|随后|同时|另外|此外|后|时|上|中|期间)[，,]")
# a name inside a phrase of place (在北京英伟达年会上) or after a verb taking it as an object
# (见副总理何立峰, 聊到英伟达): not the subject of the clause
_NOT_SUBJECT_BEFORE = re.compile(r"(?:在|于)[^，,。；;]{0,8}$|(?:见|会见|会晤|拜访|拜会|致电|到|及|把|将|让|使|给|与|和|同|跟|对|向|接受)[^，,。；;]{0,5}$")
_PRONOUN_HEAD = re.compile(r"\s*(?:但|而|不过)?\s*(他|她)")


def _subject_goes_on(ctx: SentenceContext, speakers) -> list[tuple[int, int, str]]:
    """黄仁勋在一场闭门会上，再度发出警示，指出… / 他聊到新芯片，说…，并宣称…: a speaker leading the
    sentence (a name, or 他/她 for the person named last) stays the subject of each later clause that
    opens with a verb of saying, until someone else speaks or is named as a subject."""
    zh = ctx.zh
    # the head of the first clause: 辉达执行长黄仁勋在…时 -> 黄仁勋 (not the firm, not 接受金融时报)
    opening = _OPENING_CLAUSE.match(zh)  # 12月3日，… / 禁令生效后，…: a short clause before the subject's
    head_start = opening.end() if opening else 0
    if opening and any(m.type in SPEAKER_TYPES and m.end <= head_start and not _NOT_SUBJECT_BEFORE.search(zh, 0, m.start)
                       for m in ctx.mentions):
        head_start = 0  # (黄仁勋在会上，…: the clause before the comma has a subject of its own)
    first_clause = [m for m in ctx.mentions if m.type in SPEAKER_TYPES and m.start >= head_start
                    and not CLAUSE_BREAK.search(zh, head_start, m.start)
                    and not _LISTENER_OR_OBJECT_BEFORE.search(zh[max(0, m.start - 3) : m.start])
                    and not _NOT_SUBJECT_BEFORE.search(zh, head_start, m.start)]
    lead = first_clause[-1] if first_clause else None
    if (lead is None or zh[lead.end : lead.end + 1] == "的"  # 华为的突围: a modifier, not the subject
            or _LISTENER_OR_OBJECT_BEFORE.search(zh[max(0, lead.start - 3) : lead.start])):
        pronoun = _PRONOUN_HEAD.match(zh, head_start)
        actor = _pronoun_actor(ctx, pronoun.start(1), speakers) if pronoun else ""
        if not actor:
            return []
        lead_start, lead_end = pronoun.start(1), pronoun.end(1)
    else:
        lead_start, lead_end, actor = lead.start, lead.end, lead.canonical
    found, pos = [], lead_end
    for verb in _SUBJECTLESS_VERB.finditer(zh, lead_end):
        if ctx.inside_quote(verb.start()) or any(v <= verb.end() and a != actor for v, _, a in speakers):
            break  # someone else spoke before this verb
        if any(m.type in SPEAKER_TYPES and pos <= m.start < verb.start() and zh[m.end : m.end + 1] != "的"
               and not _LISTENER_OR_PARTNER_BEFORE.search(zh[max(0, m.start - 3) : m.start])
               and not _NOT_SUBJECT_BEFORE.search(zh, max(0, m.start - 8), m.start) for m in ctx.mentions):
            break  # another name in between may be the subject
        found.append((verb.end(), lead_start, actor))
        pos = verb.end()
    return found


def _pronoun_actor(ctx: SentenceContext, pos: int, speakers) -> str:
    """Who 他/她 at `pos` is: the nearest speaker before it in the sentence, else the last person named
    in it, else the last speaker of the article when that was a person, else the last person named."""
    earlier = [sp for sp in speakers if sp[0] <= pos]
    if earlier:
        return earlier[-1][2]
    persons = [x.canonical for x in ctx.mentions if x.type == "person" and x.end <= pos]
    if persons:
        return persons[-1]
    last_person = _memory(ctx).get("person", "")
    fallback = ctx.last_speaker
    if last_person and (_is_media(fallback) or fallback in _org_names(ctx)):
        fallback = last_person  # the last speaker was an outlet or a firm, not a 他
    learned = _memory(ctx).get("learned_person")
    if (learned and learned[0] >= _memory(ctx).get("last_quote", (-9, ""))[0]
            and learned[0] >= _memory(ctx).get("person_index", -9)):
        fallback = learned[1]  # a person the lexicon lacks, named since the last words
    return fallback or last_person


# 该公司表示 / 公司解释称 / 该机构认为: the firm the article named last
_FIRM_ANAPHOR = re.compile(rf"(?:^|(?<=[。！？\n；;，,]))\s*(?:不过|但|而)?(?:据|根据)?(?:该公司|公司方面|公司|该机构|该集团)"
                           rf"{_FILLER}\s*(?:并不|并未|不)?{_VERB}")


# X发布研报 / X于3月5日发布一份报告 / X的报告: who wrote a report; 报告指出，… later is theirs
# A document is no speaker: whoever issued it is (英伟达发布声明。声明指出，… -> 英伟达; an
# indictment's words are the prosecutor's who filed it: 司法部起诉…。起诉书指出，…).
_DOC_NOUN = r"(?:声明|公告|新闻稿|通告|公开信|起诉书|诉状|起诉文件)"
_REPORT_NOUN = rf"(?:研究报告|研报|报告|白皮书|{_DOC_NOUN})"
_REPORT_BY = re.compile(rf"[^，。,；;：:“”「」]{{0,20}}?(?:(?:发布|发表|公布|出具|发出|发|提交|递交)了?(?:一份|一则|一封|最新|最新一份|联合)?|的(?:最新)?){_REPORT_NOUN}"
                        rf"|[^，。,；;：:“”「」]{{0,6}}?(?:起诉|提起诉讼|提告|控告)")
_REPORT_SAYS = re.compile(rf"(?:^|(?<=[。！？\n；;，,]))\s*(?:不过|但|而|此外|另外)?(?:该|这份|上述|此份|这篇|这则|该份|相关)?(?:最新)?"
                          rf"{_REPORT_NOUN}(?:中)?(?:还|并|也|又|进一步|同时)?"
                          rf"(?:指出|称|认为|表示|写道|提到|强调|提醒|警告|预警)[，,:：]")


_REPORT_HINT_WORD = re.compile(rf"报告|研报|白皮书|{_DOC_NOUN[3:-1]}|起诉|提告|控告")


def _report_author(ctx: SentenceContext) -> None:
    """Remember who this sentence says wrote a report: a firm or body the lexicon knows, or one
    named after what it is (研究机构Acme), standing before 发布…报告 in the same clause."""
    zh = ctx.zh
    described = list(_DESCRIBED_ORG.finditer(zh)) if _CAPITAL.search(zh) else []
    # _REPORT_BY ends in a report noun: without one no author is named here
    has_report = _REPORT_HINT_WORD.search(zh) is not None
    if not described and not has_report:
        return
    authors = [(x.end, x.canonical, x.type) for x in ctx.mentions
               if x.type in ("company", "org", "agency") and not _is_media(x.canonical)]
    authors += [(m.end(1), m.group(1), "company" if m.group(0).startswith("公司") else "org")
                for m in described]
    described_at = {(m.end(1), m.group(1)) for m in described}
    for end, name, kind in sorted(authors):
        if has_report and _REPORT_BY.match(zh, end):
            _memory(ctx)["report"] = name
        if (end, name) in described_at:
            _memory(ctx)[kind] = name  # 该机构 / 该公司 later


def _report_says(ctx: SentenceContext) -> list[tuple[int, int, str]]:
    """报告指出，… / 该研报称，…: the words of the report's author named earlier in the article."""
    author = _memory(ctx).get("report", "")
    if not author:
        return []
    return [(m.end(), m.start(), author) for m in _REPORT_SAYS.finditer(ctx.zh)]


# 这几家公司反映 / 这些企业表示 / 三家公司均指出: the firms listed before it in the sentence, one row each
_GROUP_ANAPHOR = re.compile(rf"(?:这|该|这些|上述|以上)(?:几|两|三|四|五|些)?(?:家|个)?(?:公司|企业|厂商|科技巨头|巨头)(?:都|均|皆|也)?\s*{_FILLER}\s*{_VERB}")
_GROUP_ANAPHOR_HINT = re.compile(r"(?:这|该|上述|以上)(?:几|两|三|四|五|些)?(?:家|个)?(?:公司|企业|厂商|科技巨头|巨头)")
_LIST_GAP = re.compile(r"\s*(?:、|与|和|及|以及)\s*")
# a person's name in Latin letters heading a line, then a colon: an interview's speaker
_LATIN_NAME_COLON = re.compile(rf"\s*({_LATIN_PERSON})\s*[:：]\s*(?=[^\s\d])")


def _group_anaphors(ctx: SentenceContext) -> list[tuple[int, int, list[str]]]:
    """A group named by an anaphor (这几家公司), resolved to the last list of two or more firms before it
    in the sentence (字节跳动、阿里巴巴与腾讯等…，因为这几家公司向监管部门反映…)."""
    found = []
    for m in _GROUP_ANAPHOR.finditer(ctx.zh):
        firms = [x for x in ctx.mentions if x.type == "company" and x.end <= m.start()]
        run: list = []
        for x in firms:
            if run and _LIST_GAP.fullmatch(ctx.zh, run[-1].end, x.start):
                run.append(x)
            else:
                run = [x]
        if len(run) >= 2:
            found.append((m.end(), m.start(), list(dict.fromkeys(x.canonical for x in run))))
    return found


def _anaphoric_firm(ctx: SentenceContext) -> list[tuple[int, int, str]]:
    """Speakers named by an anaphor (该公司, 公司, 该机构), resolved to the last firm named."""
    found = []
    for m in _FIRM_ANAPHOR.finditer(ctx.zh):
        kind = "org" if "机构" in m.group(0) else "company"  # 该机构 is a body, 该公司 a company
        before = [x for x in ctx.mentions if x.end <= m.start() and x.type == kind
                  and not _is_media(x.canonical)]
        actor = before[-1].canonical if before else _memory(ctx).get(kind, "")
        if actor:
            found.append((m.end(), m.start(), actor))
    return found


_ORG_CACHE: dict[int, set[str]] = {}


def _org_names(ctx: SentenceContext) -> set[str]:
    """Canonical names of the lexicon's firms and bodies (not people), for telling 他 from 它."""
    if ctx.lexicon is None:
        return set()
    key = id(ctx.lexicon)
    if key not in _ORG_CACHE:
        _ORG_CACHE[key] = {e.canonical for e in ctx.lexicon.entities if e.type in ("company", "org", "agency")}
    return _ORG_CACHE[key]


def _speaker_in_clause_before(ctx: SentenceContext, pos: int) -> bool:
    """Whether the clause ending at `pos` has a name that may be its speaker (not a modifier: 辉达的)."""
    start = pos
    while start > 0 and not CLAUSE_BREAK.match(ctx.zh[start - 1]):
        start -= 1
    return any(m.type in SPEAKER_TYPES and start <= m.start < pos and ctx.zh[m.end : m.end + 1] != "的"
               for m in ctx.mentions)


def _occurrences(text: str, word: str) -> list[int]:
    """Every start of `word` in `text`."""
    found, i = [], text.find(word)
    while i != -1:
        found.append(i)
        i = text.find(word, i + 1)
    return found


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
    # The listener (对澎湃新闻说) is not the speaker; of a name and a described speaker, the one
    # nearer the verb is (一位投资沐曦的投资人说: 投资人).
    named = [m for m in named if not _HEARER_BEFORE.search(head[max(0, m.start - 3) : m.start])]
    generic = None
    for generic in _GENERIC_RE.finditer(head[: verb.start()]):
        pass
    if named and not (generic and generic.end() > named[-1].end):
        return named[-1].canonical
    if (named and generic and _OWNER_LINK.fullmatch(head, named[-1].end, generic.start())
            and "的" not in head[named[-1].end : generic.start()]):  # 投资沐曦的投资人: 沐曦 is an object
        return named[-1].canonical + generic.group(0)  # 英伟达发言人表示。: the body's officer
    if generic:
        return generic.group(0)
    named_here = _SURNAME_AFTER_QUOTE.match(head)  # 李建国表示。: a name the lexicon lacks
    if named_here and not _NOT_SURNAME_NAME.match(named_here.group(1)) and not _NOT_A_NAME.match(named_here.group(1)):
        known_names.add(named_here.group(1))
        return named_here.group(1)
    return ""


def _quoted_after(zh: str, pos: int) -> list[tuple[int, int]]:
    """Quoted segments starting right after `pos` (after a colon or comma), as (start, end) of the words."""
    spans = []
    i = pos
    while i < len(zh) and zh[i] in " ：:，,就是" :
        i += 1
    second = _SECOND_VERB.match(zh, i)
    if second:  # 回应称「…」 / 表示说：「…」: a second verb of saying before the marks
        j = second.end()
        while j < len(zh) and zh[j] in " ：:，,":
            j += 1
        if j < len(zh) and zh[j] in _OPEN:
            i = j
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


# ，认为… / ，并强调… / ，又表示…: the same speaker goes on with another verb of saying and no subject
_CHAIN = re.compile(r"[，,；;]\s*(?:另一方面)?(?:并|还|也|又|更|同时|此外|随后){0,2}(?:再次|进一步|特别|点名)?"
                    r"(?:认为|强调|表示|指出|说(?!明|法|服|是)|称(?!为|作|之|号|霸|赞|职|得上|心|王)|直言|坦言|警告|透露|补充|提到|呼吁|承认|"
                    r"解释|重申|直指|讽刺|嘲讽|批评|抨击|痛批|形容|坦承|直呼|示警|表明|扬言|预言|质疑|澄清|驳斥|笑称|笑说|自嘲|"
                    # Hong Kong's 又指 / 并指 / 续指: 指 after an adverb of going on
                    r"(?<=[又并还也续再另])指(?![出控责称定导挥示望标数向明])|续指)(?:说|称|道)?")
# 抨击黄仁勋「只顾生意」: a critic's words quoted inside the clause, not the whole clause
_CRITIC = re.compile(r"笑称|笑说|自嘲|炮轰|砲轰|痛斥|痛批|怒斥|斥责|谴责|讥讽|批评|抨击|指责|直指|讽刺|嘲讽|形容|比喻|比作|定性|狠批|直批|怒批|猛批|怒轰|痛骂|嘲笑|揶揄|挖苦")
_PARTIAL_QUOTE = re.compile(r"[^。！？!?，,]{0,40}?[“\"「『]([^”\"」』]{2,40})[”\"」』]")
# …；商务部则未予置评: a semicolon opening another subject's clause of contrast or silence
_OTHER_SUBJECT_AFTER_SEMICOLON = re.compile(r"[；;](?=[^，。；;,]{1,10}?(?:则|却|方面|拒绝|未予|不予|尚未回应|没有回应))")
_DASH_OR_END = re.compile(r"——|[。！？!?]")
# 根据某投行估计，… / 据机构测算，…: an estimate credited to a source is not a quote
_ESTIMATE_SOURCE = re.compile(r"(?:据|根据)[^，。,]{0,14}?(?:估计|预估|测算|估算|预计|预测|推算|统计)")
# …，知情人士估计，…: words that open with someone else's estimate (not the speaker's own 我估计)
_SOURCE_ESTIMATES = re.compile(r"(?!我)[^，。,“”「」]{0,12}?(?:估计|预估|测算|估算|推算)[，,:：]")



# a stance named straight after a verb (表示强烈不满和坚决反对, 表示欢迎, 深表遗憾)
_STANCE = re.compile(r"(?:强烈|坚决|高度|严重|深切|十分|非常|极大的?)?(?:的)?(?:不满|反对|欢迎|遗憾|感谢|关切|关注|支持|赞赏|担忧|抗议|谴责|震惊|失望|祝贺|理解)"
                     r"(?=[和与及、并。，,；;！]|$)")


# a second verb of saying straight after the first: 回应称, 表示说, 强调指出，, 回应表示，
_SECOND_VERB = re.compile(r"(?:表示|指出|认为|说道|指)(?=[\s，,:：“「])|[称说道]")


_VERB_AFTER_COMMA = re.compile(r"(?:并|还|也|进而)?(?:指出|表示|强调|认为|直言|坦言|警告)")


# After a quotation, a clause the author opens: 而 (not 而且 / 而是, which go on with the words).
_AUTHOR_CLAUSE = re.compile(r"\s*而(?![且是言])")


_TIME_CLAUSE = re.compile(r"(?:时|的时候|之际)(?![代间期刻常机尚髦速])")


def _reported_after(zh: str, pos: int, starts: list[int] = ()) -> tuple[int, int] | None:
    """Reported words after a verb: up to the end of the sentence, or to `，并说`, `，认为`, `——`,
    or to where another speaker starts (`starts`: where the sentence's speakers stand)."""
    if _TIME_CLAUSE.match(zh, pos):
        return None  # 说这番话时，…: the saying is a time clause, what follows is not its words
    i = pos
    while i < len(zh) and zh[i] in " ：:，,":
        i += 1
    second = _SECOND_VERB.match(zh, i) or (_VERB_AFTER_COMMA.match(zh, i) if i > pos else None)
    if second:  # 回应称，… / 表示说 / 强调指出，… / 回应表示，… / 发出警示，指出…
        i = second.end()
        while i < len(zh) and zh[i] in " ：:，,":
            i += 1
    if i >= len(zh) or _ESTIMATE_SOURCE.match(zh, i) or _SOURCE_ESTIMATES.match(zh, i):
        return None
    if _CONTRAST_ABOUT_SPEAKER.match(zh, pos):
        return None  # …对记者说，但他没有透露细节: the author's remark, the words stand before
    if i == pos and _STANCE.match(zh, i):
        return None  # 中方对此表示强烈不满: a stance straight after the verb is no words  # 根据某投行估计，…: an estimate credited to a source is nobody's words
    end = len(zh)
    for stop in (_CHAIN, _DASH_OR_END, _OTHER_SUBJECT_AFTER_SEMICOLON):
        m = stop.search(zh, i)
        if m:
            end = min(end, m.start())
    end = min([end] + [s for s in starts if i < s < end])
    while end > i and zh[end - 1] in "”」』\"":
        end -= 1
    if end - i < 4:
        return None
    return i, end


# …，一位知情人士说。 / …，两名消息人士周三表示。 / …，他补充说。: the attribution closes the sentence
_ENDS_SENTENCE = re.compile(r"\s*(?:说|称|道)?\s*[。！？!?]?\s*$")
_QUOTE_MARKS = re.compile(r"[“”「」『』\"]")


# …，特朗普对记者说，但他没有透露细节。: the author's remark about the speaker after the attribution
_CONTRAST_ABOUT_SPEAKER = re.compile(r"\s*[，,]\s*(?:但|但是|不过|然而)(?:他|她|其|该公司|对方)(?:并)?(?:没有|未|拒绝|不愿|不肯)")
_UNNAMED = re.compile(r"不愿(?:透露姓名|具名|公开姓名|公开身份)|要求匿名|匿名")


def _words_before(zh: str, speaker_start: int, verb_end: int, speakers) -> tuple[int, int] | None:
    """The words before a speaker whose clause closes the sentence (the wire report's `…，消息人士说。`):
    from the sentence's start, or the end of an earlier speaker's verb, to the comma that opens the
    speaker's clause. None when that clause holds more than who (a quantifier, an owner: 一位, 商务部一名)
    before the speaker, or when the words are in quotation marks (read by the quotation rules)."""
    if not (_ENDS_SENTENCE.match(zh, verb_end) or _CONTRAST_ABOUT_SPEAKER.match(zh, verb_end)):
        return None
    comma = max(zh.rfind("，", 0, speaker_start), zh.rfind(",", 0, speaker_start))
    lead = _UNNAMED.sub("", zh[comma + 1 : speaker_start])  # 一位不愿透露姓名的: who, not what was said
    if comma < 4 or len(lead) > 12 or _VERB_RE.search(lead) or _QUOTE_MARKS.search(zh, 0, comma):
        return None
    start = max([v for v, s, _ in speakers if v <= comma] + [0])
    return (start, comma) if comma - start >= 4 else None


# Pre-filter: a sentence with a verb of saying somewhere. The adverbs before the verb are optional,
# so this finds a verb exactly when a search for _VERB does; the lookahead on the first characters of the
# verbs (every alternative of _VERB_WORDS opens with one of them) lets the search skip ahead fast.
# Every pattern below that ends in _VERB and runs over the whole sentence can only match when this does.
_VERB_FIRST_CHARS = "加添抛道撂丢毫不续再另说表强直警坦指声宣称透回认感承补提谈写抱呼否炮痛怒斥谴讥嘲批抨报重断告建解放喊暗答问形吐证阐自讽扬笑预示质澄驳反揭评分介讲点如这并却总保相深坚发作做给提爆自坦惊疾高大痛直怒慨叹狠猛砲嘲揶挖反回开"
_VERB_WORD = re.compile(rf"(?=[{_VERB_FIRST_CHARS}]){_VERB_WORDS}")
# Pre-filter: the Latin names and firms (_BARE_PERSON, _LATIN_ORG_SPEAKER, _DESCRIBED_ORG) all hold
# a capital letter.
_CAPITAL = re.compile("[A-Z]")
# --- What an outlet reports -------------------------------------------------------------
# An outlet: a title in book marks (《纽时》), a name ending like a newspaper, agency or site
# (华尔街见闻, 21世纪经济报道), a Latin abbreviation (CNBC), or the foreign press (外电, 外媒).
_OUTLET_WORD = (r"[\u4e00-\u9fff\d]{1,8}?(?:社|日报|时报|晚报|邮报|新闻社|通讯社|新闻网|新闻|见闻|电视台|广播公司|"
                r"经济报[道导]|财经|周刊|杂志|快讯|早报|晨报|商报|新报|证券报|观察报|电讯报|卫报|联合报|"
                r"(?<![财年季])报(?=(?:\d{1,2}日)?(?:报道|报导))|网(?=(?:\d{1,2}日)?(?:报道|报导))|"  # 联合报, 某网报道
                # sites named like a wire or a column (某某讯, 某行业观察, 某媒体) when they report
                r"(?:讯|观察|媒体|时代|日刊)(?=(?:\d{1,2}日)?(?:报道|报导)))"
                r"|日经|财新|共同社")
_PRESS = r"(?:外电|外媒|美媒|港媒|台媒|日媒|韩媒|陆媒|英媒|多家媒体|当地媒体|媒体)"
# Titles of laws, rules, plans, documents and books: 《芯片与科学法案》, 《出口管制条例》, 《芯片战争》一书
_NOT_OUTLET_TITLE = re.compile(r"(?:法|法案|条例|规定|规则|办法|细则|协定|协议|战略|计划|规划|纲要|意见|通知|决定|清单|报告|白皮书|指南|战争|书)$")
# (a name in Latin letters of any case, TechNews, Chip Ledger, reports too: 报道 / 报导 / 披露 after it)
_LATIN_OUTLET = r"[A-Z][A-Za-z'’&]+(?: [A-Z][A-Za-z'’&]+){0,3}(?=\s*(?:\d{1,2}日|日前|近日)?(?:独家)?(?:报道|报导|披露))"
_OUTLET_TEXT = rf"(?:《(?P<title>[^》]{{1,20}})》|(?P<word>{_OUTLET_WORD}|{_PRESS}|[A-Z]{{2,6}}(?![A-Za-z\d])|{_LATIN_OUTLET}))"
# The report: when (日前, 5日, 上周) and how (独家) before a verb of reporting: 报道, 披露, 指出, 称.
_PRESS_WHEN = (r"(?:\s*(?:日前|近日|稍早|今天|昨天|上周|本周|(?:\d{1,2}月)?\d{1,2}日|\d{1,2}月|"
               r"周[一二三四五六日](?:\s*[（(]\s*\d{1,2}\s*日?\s*[）)])?)\s*)?")
_REPORT = (r"(?:的)?" + _PRESS_WHEN + r"(?:独家|最新)?"
           r"(?:(?:报道|报导|披露|发文|分析)(?:称|说|指出|指)?|指出|称|说|指)[，,:：]")
# A source the outlet relays: 援引两位消息人士报导, 引述消息报道称, 引述分析师张三的观点称.
_RELAY = (r"(?:的)?" + _PRESS_WHEN + r"(?:报道|报导)?(?:援引|引述|引用|根据)(?P<source>[^，。,“”「」]{1,30}?)"
          r"(?:的(?:观点|看法|说法|话))?(?:报道|报导)?(?:称|说|指出|表示|透露)?[，,]")
_OUTLET_REPORT = re.compile(rf"(?:据|根据)?{_OUTLET_TEXT}{_REPORT}")
_OUTLET_RELAY = re.compile(rf"(?:据|根据)?{_OUTLET_TEXT}{_RELAY}")
# 据彭博社报道 / 彭博报道，/ 华尔街日报援引消息人士报导 — with the outlet named by the lexicon.
_CLOSE_NAME = r"(?:》|\s*[（(][^（）()，,]{1,16}[）)])?"  # 《路透》, 金融时报（FT）
_AFTER_OUTLET = re.compile(_CLOSE_NAME + _REPORT)
_RELAY_AFTER_OUTLET = re.compile(_CLOSE_NAME + _RELAY)
# Content that opens with someone's words (特朗普表示，…) is theirs, not the outlet's.
_SPEECH_OPENING = re.compile(rf"[^，。,“”「」]{{0,24}}?{_VERB}\s*[，,:：“「]")
# 报道指出，… / 该报道称，…: the outlet named last in the article goes on.
_SAME_REPORT = re.compile(r"(?:^|(?<=[。！？\n；;]))\s*(?:该|上述|这篇)?(?:报道|报导)(?:还|并|也|又)?(?:指出|称|说|指|提到)[，,:：]")
# 消息指，… / 消息称，…: unnamed sources
_SOURCES_SAY = re.compile(r"(?:^|(?<=[。！？\n；;]))\s*(?:有|另有|市场|业内|坊间|外电|知情)?消息(?:人士)?(?:还|并|也|又)?(?:指出|指|称|透露|说)[，,:：]")
# Content opening with the outlet's source: 根据三名知情人士的说法，… / 知情人士称，…
_SOURCE_IN_CONTENT = re.compile(rf"(?:据|根据)[^，。,]{{0,6}}?({_GENERIC})(?:的)?(?:说法|透露|消息)[，,]")
_MEDIA_CANONICAL = re.compile(r"(?:社|报|时报|日报|新闻|见闻|电视台|广播公司|通讯社|周刊|杂志|报[道导])$")


# Outlets whose names do not end like one (CNBC, 财新, 36氪): the lexicon's bodies glossed as news
_MEDIA_GLOSS = re.compile(r"\b(?:news\w*|newspapers?|TV|television|channel|broadcast\w*|magazine|daily|journal|times|"
                          r"wire|press|outlet|media)\b", re.I)
_MEDIA_NAMES: set[str] = set()
_MEDIA_LEXICONS: set[int] = set()


def _learn_media(lexicon) -> None:
    """Read once per lexicon which of its bodies are outlets by their English gloss."""
    if lexicon is None or id(lexicon) in _MEDIA_LEXICONS:
        return
    _MEDIA_LEXICONS.add(id(lexicon))
    _MEDIA_NAMES.update(e.canonical for e in lexicon.entities if e.type == "org" and _MEDIA_GLOSS.search(e.gloss_en))
    _is_media.cache_clear()


@lru_cache(maxsize=4096)
def _is_media(canonical: str) -> bool:
    """Whether a canonical name is an outlet's (路透社, 金融时报, CNBC): asked of every name in every sentence."""
    return _MEDIA_CANONICAL.search(canonical) is not None or canonical in _MEDIA_NAMES
def _memory(ctx: SentenceContext) -> dict[str, str]:
    """What the article named last, for 报道指出 (the outlet), 该公司表示 (the firm: "company", "org"),
    他 ("person"), 答： ("answerer", "interviewee"): quote's part of the article's memory."""
    return ctx.memory.setdefault("quote", {})


def _source_speaker(source: str, mentions, offset: int) -> str:
    """The speaker an outlet relays: a described source (知情人士, 消息), a role and name, a known name."""
    generic = _GENERIC_RE.search(source)
    if generic:
        return generic.group(0)
    if source.startswith("消息"):
        return "消息人士"
    named = _NAMED_ROLE_NAME.search(source)
    if named and not _NOT_A_NAME.match(named.group(2)):
        return named.group(2)
    known = [m for m in mentions if m.type in SPEAKER_TYPES and offset <= m.start < offset + len(source)]
    return known[-1].canonical if known else ""


def _add_media(zh: str, pos: int, outlet: str, add, starts: list[int]) -> None:
    """The words an outlet reports, unless they report someone's words (a verb of saying early on):
    a source named first (根据三名知情人士的说法，…) is the speaker instead."""
    source = _SOURCE_IN_CONTENT.match(zh, pos)
    if source:
        reported = _reported_after(zh, source.end(), starts)
        if reported:
            add(reported[0], reported[1], source.group(1))
        return
    reported = _reported_after(zh, pos, starts)
    if not reported:
        return
    clause_end = CLAUSE_BREAK.search(zh, reported[0])
    speaker_first = any(reported[0] <= s < (clause_end.start() if clause_end else len(zh)) for s in starts)
    if not (speaker_first or _SPEECH_OPENING.match(zh, reported[0]) or _ESTIMATE_SOURCE.match(zh, reported[0])
            or _SOURCE_ESTIMATES.match(zh, reported[0])):
        add(reported[0], reported[1], outlet)


# Pre-filters for the outlets the lexicon does not know: _REPORT ends in one of these characters
# before its punctuation, and _RELAY needs one of these words.
_REPORT_HINT = re.compile(r"[道导露文称说出指][，,:：]")
_RELAY_HINT = re.compile("援引|引述|引用|根据")


def _media_reports(ctx: SentenceContext, add, starts: list[int]) -> None:
    """据美联社报道，… / 金融时报近日报导，… / 《纽时》称，… / 彭博2日引述消息报导，… / 报道指出，…:
    what a named outlet reports is the outlet's, what it relays from a source is the source's."""
    zh = ctx.zh
    found: list[tuple[int, int, str]] = []  # (start of the outlet, end of the report verb, speaker)
    outlets = [m for m in ctx.mentions if m.type in SPEAKER_TYPES and _is_media(m.canonical)]
    for m in outlets:
        relay = _RELAY_AFTER_OUTLET.match(zh, m.end)
        if relay:
            speaker = _source_speaker(relay.group("source"), ctx.mentions, relay.start("source")) or m.canonical
            found.append((m.start, relay.end(), speaker))
        elif (report := _AFTER_OUTLET.match(zh, m.end)):
            found.append((m.start, report.end(), m.canonical))
        _memory(ctx)["outlet"] = m.canonical
    for pattern, hint in ((_OUTLET_RELAY, _RELAY_HINT), (_OUTLET_REPORT, _REPORT_HINT)):
        if not hint.search(zh):
            continue
        for m in pattern.finditer(zh):
            if any(x.start < m.end("word" if m.group("word") else "title") and m.start() <= x.start
                   for x in ctx.mentions):
                continue  # a name the lexicon knows: handled above
            outlet = m.group("title") or m.group("word")
            if m.group("title") and _NOT_OUTLET_TITLE.search(outlet):
                continue  # 《出口管制条例》指出: a law, not a paper
            speaker = outlet
            if pattern is _OUTLET_RELAY:
                speaker = _source_speaker(m.group("source"), ctx.mentions, m.start("source")) or outlet
            found.append((m.start(), m.end(), speaker))
            if not re.fullmatch(_PRESS, outlet):
                _memory(ctx)["outlet"] = outlet
    for m in (_SAME_REPORT.finditer(zh) if "报道" in zh or "报导" in zh else ()):
        if _memory(ctx).get("outlet"):
            found.append((m.start(), m.end(), _memory(ctx)["outlet"]))
    for m in (_SOURCES_SAY.finditer(zh) if "消息" in zh else ()):
        found.append((m.start(), m.end(), "消息人士"))
    for start, end, speaker in sorted(found):
        if not ctx.inside_quote(start):
            _add_media(zh, end, speaker, add, starts)


# 据黄仁勋透露，… / 据英伟达表示，…: someone's words credited with 据 (an outlet's report is read apart)
_CREDITED = re.compile(r"(?:方面)?所?(?:透露|表示|称|介绍|说|指出|披露|证实|回应)[，,:：]|的(?:说法|话|介绍|描述)[，,]")
_CREDITED_PERSON = re.compile(rf"据\s*(?P<role>{_ROLE})?\s*(?P<name>{_LATIN_PERSON}|{_DOTTED_NAME}|[{_HAN}]{{2,3}}?)\s*"
                              rf"(?:{_CREDITED.pattern})")
# 在黄仁勋看来，… / 黄仁勋的看法是，… / 在业内人士看来，…: a view credited to the speaker
_VIEW_FRAME = re.compile(r"(?:看来|眼中|眼里)[，,]|的(?:看法|观点|判断|重点|意思|核心观点|立场)是[，,:：]")
_GENERIC_VIEW = re.compile(rf"在(?:一些|部分|不少|许多|多数|很多)?([^\s，,。：:“”「」、的]{{0,5}}?{_GENERIC})(?:看来|眼中|眼里)[，,]")


# A sentence that closes a quotation opened in an earlier sentence: …。”黄仁勋说。
_CLOSES_EARLIER_QUOTE = re.compile(r"\s*([^“「『”」』]{2,300})[”」』]")
# between a body and its officer's name: the role (美国商务部长卢特尼克, 英伟达的首席执行官黄仁勋)
_PRONOUN_ATTRIBUTION = re.compile(rf"\s*(?:这句话|这番话|此话|这段话)?\s*(?:他|她)\s*{_FILLER}\s*{_VERB}\s*(?:说|道)?\s*[。！？]")
_ROLE_BETWEEN = re.compile(rf"的?(?:[^，。,“”「」\s]{{0,6}}?(?:{_ROLE}|长)(?:[（(][^（）()，。]{{1,10}}[）)])?(?:兼|及|和|暨)?){{1,3}}\s*")  # 长: 商务部 + 长
_ROLE_NAME_AHEAD = re.compile(rf"[^，。,“”「」]{{0,12}}?{_ROLE}\s*{_PERSON}")
_INTERVIEW = re.compile(r"专访|采访|访谈|对谈|独家对话")
_ANSWER = re.compile(r"\s*(?:答|A)\s*[:：]\s*")
_QUOTE_MARK = re.compile("[“「『\"”」』]|答[:：]|正如|的话说|[:：]|报导|披露|指[，,]|看来|眼中|眼里|的(?:看法|观点|判断)是|据[^，。]{1,12}的说法")


# What stands before a place that is the subject of its clause: the start, a break, a conjunction
# the words of a headline after a body's name and a colon: a clause, not a label, a figure or a list
_HEADLINE_WORDS = re.compile(r"\s*[:：]\s*(?![\dA-Za-z“「『\"（(])(?!估|预估|预计|预测|料)(?![^，。,]*、)[^，。,；;]{2,}[，,；;]?[^。]{2,}")
_GENERIC_HEADLINE = re.compile(rf"\s*((?:[\u4e00-\u9fff]{{0,4}}?){_GENERIC})\s*[:：]\s*(?![\dA-Za-z（(])(?![^，。,]*、)(?=[^。]{{6,}})")
_PLACE_AS_SUBJECT = re.compile(r"(?:^|[。！？\n；;，,：:])\s*(?:但|而|不过|对此|同时)?[，,]?\s*$")


# a role right before a name (英伟达CEO黄仁勋), remembered for 这位CEO / 该分析师 later
# what follows a Chinese name that stands as one (张三表示, 张三在, 张三、李四): not 任内的
_NAME_BOUNDARY = re.compile(rf"\s*(?:[（(，,、。；;：:]|在|于|曾|也|还|则|等|与|和|$|{_VERB_WORDS})")
_LATIN_AFTER = re.compile(r"\s*[（(][A-Z][A-Za-z.\- ]{2,40}[）)]")
_ROLE_AT_END = re.compile(rf"{_ROLE}\s*$")
_FIGURE_IN_NAME = re.compile(r"[一二两三四五六七八九十百千万\d][倍成]|倍")
_BARE_TITLE = re.compile(rf"(?:^|(?<=[。！？\n；;，,]))\s*(?:但|而|不过|这位|该位|此位)?{_ROLE}\s*{_FILLER}{_VIEW}\s*{_VERB}")
_ROLE_HINT = re.compile(r"[师员监理裁长任授人家官席OE问秘使者委主编管表事统相卿士记袖首层辑总召]")


def extract(ctx: SentenceContext) -> list[Draft]:
    """The quotes of one sentence; what the article named last is remembered for the next one."""
    memory = _memory(ctx)
    _learn_media(ctx.lexicon)
    try:
        drafts = _extract(ctx) or _continued_speech(ctx)
        if drafts:
            memory["last_quote"] = (ctx.index, drafts[-1].actor)
        # reported words (no quotation marks) that run to the end of the sentence may go on in the next one
        last = drafts[-1] if drafts else None
        memory["reported_to_end"] = (ctx.index, last.actor) if (
            last and last.actor and not _is_media(last.actor) and _SENTENCE_REST.fullmatch(ctx.zh, last.end)
            and not (last.start and ctx.zh[last.start - 1] in _OPEN)) else None
        return drafts
    finally:
        for m in ctx.mentions:
            if m.type in ("company", "org", "person") and not _is_media(m.canonical):
                memory[m.type] = m.canonical
            if m.type == "person" and (role := _ROLE_AT_END.search(ctx.zh, max(0, m.start - 12), m.start)):
                memory["role:" + role.group(1)] = m.canonical  # 这位首席执行官 later
        _remember_short_forms(ctx)
        persons_at = [x.start for x in ctx.mentions if x.type == "person"]
        if persons_at:
            memory["person_index"] = ctx.index
        for m in (_NAMED_ROLE_NAME.finditer(ctx.zh) if _ROLE_HINT.search(ctx.zh) else ()):
            name = m.group(2)
            if (not _NOT_A_NAME.match(name) and not _FIGURE_IN_NAME.search(name)
                    and not any(x.start < m.end(2) and m.start(2) < x.end for x in ctx.mentions)):
                memory["role:" + m.group(1)] = name
                # a person introduced by a role (白宫AI主管萨克斯（David Sacks）出席…) is known from
                # here on, and is the one a later 他 means, when the name reads as one: in Latin
                # letters, with a middle dot, with the original in brackets, or after a common surname
                if (not re.match(f"[{_HAN}]", name) or "·" in name or _LATIN_AFTER.match(ctx.zh, m.end(2))
                        or (name[0] in _SURNAMES and not _NOT_SURNAME_NAME.match(name)
                            and _NAME_BOUNDARY.match(ctx.zh, m.end(2)))):
                    ctx.known_names.add(name)
                    if not any(p > m.start(2) for p in persons_at):
                        memory["learned_person"] = (ctx.index, name)
        _report_author(ctx)
        if _INTERVIEW.search(ctx.zh):  # 专访了分析师陈明 / 黄仁勋接受专访: who the interview is with
            people = [(x.start, x.canonical) for x in ctx.mentions if x.type == "person"]
            people += [(m.start(2), m.group(2)) for m in _NAMED_ROLE_NAME.finditer(ctx.zh)
                       if not _NOT_A_NAME.match(m.group(2)) and not any(x.start <= m.start(2) < x.end for x in ctx.mentions)]
            if people:
                memory["interviewee"] = max(people)[1]


# what may stand after reported words that run to the end of their sentence
_SENTENCE_REST = re.compile(r"[\s。！？!?…]*")
# A sentence that continues reported words must read as more of them: not the author's turn to a
# source, a report, a date or a question (据…, 报道称, 2025年…, …吗？), nor a quotation of its own.
_NOT_CONTINUED = re.compile(r"^\s*(?:据|根据|按照|对此|对于|不过|然而|此外|另外|与此同时|同时|值得注意的是|报道|消息|"
                            r"[\d一二三四五六七八九十]{1,4}[年月日]|(?:今|去|明|前)年|截至|目前|此前|早前|记者|本报|问[:：]|"
                            r"(?:这|此|该)(?:番|句|些)?(?:话|表态|言论|说法|讲话|发言))|[?？]\s*$|[“”「」『』]")
# ...and it must speak as the speaker does: in the first person (我们, 我方), or as a side stating its
# stand (中方坚决反对, 美方应当…), the way a spokesman's answer goes on; a plain statement of fact after
# someone's words is the author's again.
_SPEAKS_AS_SPEAKER = re.compile(r"我们|我方|我国|我(?![国们方])|(?:^|[，,；;])\s*(?:中方|美方|双方|各方)(?:始终|一贯|一直|坚决|愿意?|将|应当?|应该|希望|期待|敦促|要求|"
                                r"呼吁|反对|支持|不会|不接受|欢迎|注意到|重申|强调|认为|已经?)")
# the writer in their own voice (我们也要提醒：…, 我认为…): an editorial's, not the speaker's
_WRITER_SPEAKS = re.compile(r"我们?(?:也|还|更|则)?(?:要|必须|想|不得不)?(?:提醒|指出|强调|认为|呼吁|说|看到|觉得)")
_CONTINUED_SPEAKER = re.compile(r"(?:^|[，,。；;])\s*(?:但|而|不过)?\s*(?:他|她)(?:也|还|又|则)?(?:表示|说|指出|强调)")


def _continued_speech(ctx: SentenceContext) -> list[Draft]:
    """林剑表示，…。这种做法…。: a sentence with no speaker of its own, in the same paragraph right after
    reported words that ran to the end of their sentence, goes on with the same speaker (a spokesman's
    answer, a source's account) unless it turns to something the author says."""
    zh = ctx.zh
    carried = _memory(ctx).get("reported_to_end")
    if (ctx.paragraph_start or not carried or carried[0] != ctx.index - 1 or len(zh.strip()) < 8
            or _NOT_CONTINUED.search(zh) or not _SPEAKS_AS_SPEAKER.search(zh) or _WRITER_SPEAKS.search(zh) or any(m.type in SPEAKER_TYPES and _is_media(m.canonical) for m in ctx.mentions)
            or _CONTINUED_SPEAKER.search(zh)):
        return []
    start = len(zh) - len(zh.lstrip())
    end = len(zh.rstrip().rstrip("。！!…"))
    return [Draft(kind="quote", start=start, end=end, actor=carried[1], date=ctx.date_for(start))] if end - start >= 4 else []


# A person named in full is named again by a short form: the surname with a title or a word of
# address (黄氏, 黄总, 林先生, 黄执行长), 老 and the surname, or the surname alone heading a clause (黄表示).
_ADDRESS = r"(?:氏|总|董|老|先生|女士|博士|教授|部长|主席|总统|执行长|董事长|发言人|主委)"
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}")
_CLAUSE_HEAD = re.compile(r"(?:^|[。！？\n；;，,：:“「]|但|而|则)\s*$")
_SURNAME_THEN_VERB = re.compile(rf"{_VERB}|(?:也|还|则|亦|又|更)?(?:在|于|对|向|接受)")


def _remember_short_forms(ctx: SentenceContext) -> None:
    """Record the short forms of each person named in this sentence; a surname two people share is
    nobody's."""
    forms = _memory(ctx).setdefault("short_forms", {})
    for m in ctx.mentions:
        written = ctx.zh[m.start : m.end]
        if m.type != "person" or not _HAN_NAME.fullmatch(written) or not _HAN_NAME.fullmatch(m.canonical):
            continue
        surname = written[0]
        if forms.get(surname, m.canonical) != m.canonical:
            forms[surname] = ""  # two people with this surname: the short form is ambiguous
        else:
            forms[surname] = m.canonical


def _short_form_speakers(ctx: SentenceContext) -> list[tuple[int, int, str]]:
    """黄氏表示 / 老黄说 / 黄表示，…: a person named earlier in the article, by a short form heading a clause."""
    zh, found = ctx.zh, []
    for surname, canonical in _memory(ctx).get("short_forms", {}).items():
        if not canonical:
            continue
        for start in _occurrences(zh, surname):
            if any(x.start <= start < x.end for x in ctx.mentions):
                continue  # part of a name the lexicon knows (the full name itself)
            lead = start - 1 if zh[start - 1 : start] == "老" else start
            if not _CLAUSE_HEAD.search(zh, max(0, lead - 3), lead):
                continue
            end = start + 1
            title = re.match(_ADDRESS, zh[end:])
            if title:
                end += title.end()
            elif lead == start and not _SURNAME_THEN_VERB.match(zh, end):
                continue  # the surname alone must stand right before the verb (or where and to whom)
            after = _AFTER_KNOWN_NAME.match(zh, end)
            if after:
                found.append((after.end(), lead, canonical))
    return found


def _extract(ctx: SentenceContext) -> list[Draft]:
    zh = ctx.zh
    has_verb = _VERB_WORD.search(zh) is not None  # else no pattern ending in _VERB matches zh
    if not ctx.open_quote_speaker and not has_verb and not _QUOTE_MARK.search(zh):
        return []
    has_capital = _CAPITAL.search(zh) is not None
    drafts: list[Draft] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, actor: str, also: tuple[str, ...] = ()) -> None:
        """One row for the words, and one more for each speaker who said them too (A与B都强调)."""
        while start < end and zh[start] in " ：:，,“「『\"" and not (zh[start] in _OPEN and _CLOSE_MARK.search(zh, start + 1, end)):
            start += 1  # (a mark that closes inside the words sets off a label in them: kept)
        while end > start and zh[end - 1] in " ，,。”」』\"":
            end -= 1
        conj = _TRAILING_CONJ.search(zh, start, end)
        if conj:
            end = conj.start()
        if end - start < 2 or any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))
        for speaker in (actor, *also):
            drafts.append(Draft(kind="quote", start=start, end=end, actor=_canonical_actor(speaker, ctx.lexicon),
                                date=ctx.date_for(start)))

    speakers: list[tuple[int, int, str]] = []  # (verb end, verb start, actor)
    for m in ctx.mentions:
        # a country or capital standing for its government (美方表示, 北京回应称, 美国警告) speaks only
        # as the subject opening a clause
        if m.type not in SPEAKER_TYPES and not (m.type == "place" and _PLACE_AS_SUBJECT.search(zh, 0, m.start)):
            continue
        if _LISTENER_BEFORE.search(zh[max(0, m.start - 3) : m.start]):
            continue  # 接受彭博社采访时表示, 对《第一财经》表示: the outlet is not the speaker
        tail = zh[m.end : m.end + 64]
        # 黄仁勋说 / 黄仁勋在接受媒体采访时说 / 黄仁勋曾多次表示
        v = _SPEAKER_TAIL.match(tail)
        if v and _is_media(m.canonical) and _RELAY_AFTER_OUTLET.match(zh, m.end):
            continue  # 美联社报道引述一名官员的话说: the source speaks (read with the outlets below)
        if v and not ctx.inside_quote(m.start):
            speakers.append((m.end + v.end(), m.start, m.canonical))
    for m in (_BARE_TITLE.finditer(zh) if has_verb and _ROLE_HINT.search(zh) else ()):
        name = _memory(ctx).get("role:" + m.group(1), "")
        if name and not _GENERIC_RE.fullmatch(m.group(1)) and not any(x.start <= m.start(1) < x.end for x in ctx.mentions):
            speakers.append((m.end(), m.start(1), name))  # the title alone, of the one named with it before
    for m in (_GENERIC_SPEAKER.finditer(zh) if has_verb and _GENERIC_HINT.search(zh) else ()):
        word_start = m.start(1) + _GENERIC_AT_END.search(m.group(1)).start()
        if any(_TOLD_BEFORE.search(zh, max(0, at - 3), at) for at in (m.start(), word_start)):
            continue  # 对分析师表示 / 告诉投资者: the listener, not the speaker
        actor = m.group(1)
        if (m.start(1) > 0 and re.match(r"[\u4e00-\u9fff]", zh[m.start(1) - 1]) and zh[m.start(1) - 1] not in "有位名的一某据另还个家少多分些"
                or _RELAY_WORD.search(actor)):
            actor = _GENERIC_AT_END.search(actor).group(0)  # the qualifier was cut mid-word: the role alone
        elif m.start(1) > 0 and re.match(r"[A-Za-z0-9]", zh[m.start(1) - 1]):
            latin = _LATIN_TAIL.search(zh[: m.start(1)])  # Gartner分析师, not rtner分析师
            actor = zh[latin.start() : m.start(1)] + actor if latin else _GENERIC_AT_END.search(actor).group(0)
        actor = _LEADING_CONJ.sub("", actor)  # a conjunction is no qualifier
        anaphor = _DESCRIBED_ANAPHOR.match(actor)
        if not anaphor and zh[max(0, m.start(1) - 2) : m.start(1)] in ("这位", "这名", "此位", "此名", "该位", "该名"):
            anaphor = re.match("", actor)  # 这位分析师: the quantifier of the anaphor stands outside the word
        if anaphor:  # 该人士表示: the one described before (知情人士), else the bare word
            rest = actor[anaphor.end():]
            firm = _memory(ctx).get("company", "") if rest.startswith(("公司", "集团")) else ""
            if _memory(ctx).get("role:" + rest):  # 这位分析师: the analyst named before (分析师张三)
                actor = _memory(ctx)["role:" + rest]
            elif firm:  # 该公司发言人: the firm named last speaks
                actor = firm + rest[2:]
            elif rest[:1] in "行所院" and _GENERIC_RE.fullmatch(rest[1:]):
                # 该行分析师 / 该所研究员: the bank or the institute named before, else the role alone
                body = _memory(ctx).get("company" if rest[0] == "行" else "org", "")
                actor = body + rest[1:] if body else rest[1:]
            else:
                actor = ctx.last_speaker if ctx.last_speaker and ctx.last_speaker.endswith(rest) else rest
        elif actor.startswith("公司") and _memory(ctx).get("company") and len(actor) > 2:
            actor = _memory(ctx)["company"] + actor[2:]  # 公司管理层 / 公司发言人: the firm named last
        # 市场监管总局有关负责人, 英伟达发言人: the role of a named body speaks for it
        # (英伟达中国区负责人: a unit of the body may stand between)
        role_start = m.start(1) + _GENERIC_AT_END.search(m.group(1)).start()
        owner = next((x for x in ctx.mentions if x.type in SPEAKER_TYPES and x.end <= role_start
                      and (x.end <= m.start(1) and _OWNER_LINK.fullmatch(zh[x.end : m.start(1)])
                           or _OWNER_UNIT.fullmatch(zh[x.end : role_start]))), None)
        if owner:
            actor = owner.canonical + _GENERIC_AT_END.search(m.group(1)).group(0)
        speakers.append((m.end(), m.start(1), actor))
    # A person the lexicon does not know, named after a role: 集邦分析师李明表示, 发言人毛宁说
    # 研究公司TechanaLye…指出: a firm the lexicon does not know, named after what it is
    for m in (_DESCRIBED_ORG.finditer(zh) if has_capital else ()):
        ctx.known_names.add(m.group(1))
    for name in (ctx.known_names if has_verb else ()):
        for start in _occurrences(zh, name):
            after = _AFTER_KNOWN_NAME.match(zh, start + len(name))
            if after:
                speakers.append((after.end(), start, name))
    if has_verb:
        speakers.extend(_short_form_speakers(ctx))
    for m in (_SURNAME_SPEAKER.finditer(zh) if has_verb else ()):
        name = m.group(1)
        if not _NOT_SURNAME_NAME.match(name) and not any(x.start < m.end(1) and m.start(1) < x.end for x in ctx.mentions):
            ctx.known_names.add(name)
            speakers.append((m.end() - 1, m.start(1), name))
    for m in (_NAMED_ROLE.finditer(zh) if has_verb else ()):
        name_end = m.end(2)
        part_of_known = zh[name_end : name_end + 1] in ("·", "・", "•") or any(
            # (a body whose name took the role in, 經濟部長郭志豪, ends before the name: it is not the name)
            x.start <= name_end + 1 and (x.end > m.start(2) or x.end == m.start(2) and x.type == "person")
            for x in ctx.mentions if x.type in SPEAKER_TYPES)
        if not _NOT_A_NAME.match(m.group(2)) and not part_of_known:
            speakers.append((m.end(), m.start(2), m.group(2)))
            ctx.known_names.add(m.group(2))
    # 研究中心的John Smith说 / 中心的多伊（John Doe）表示: a person's name alone, no role before it
    for m in (_LATIN_ORG_SPEAKER.finditer(zh) if has_verb and has_capital else ()):
        if not any(x.start < m.end(1) and m.start(1) < x.end for x in ctx.mentions):
            speakers.append((m.end(), m.start(1), m.group(1)))
            ctx.known_names.add(m.group(1))
    for m in (_UNKNOWN_ORG_SPEAKER.finditer(zh) if has_verb else ()):
        if not any(x.type in SPEAKER_TYPES and m.start(1) <= x.start and x.end == m.end(1) for x in ctx.mentions):
            speakers.append((m.end(), m.start(1), m.group(1)))
    for m in (_NAME_THEN_TITLE.finditer(zh) if has_verb else ()):
        name = m.group(1)
        if not _NOT_A_NAME.match(name) and not any(x.start < m.end(1) and m.start(1) < x.end for x in ctx.mentions):
            speakers.append((m.end(), m.start(1), name))
            ctx.known_names.add(name)
    for m in (_BARE_PERSON.finditer(zh) if has_verb and (has_capital or "·" in zh) else ()):
        group = next(g for g in (1, 2, 3) if m.group(g))
        name = m.group(group)
        if group == 1 and re.search(r"(?:在|于|通过|透过|登上|接受|对|向)$", zh[max(0, m.start(1) - 2) : m.start(1)]):
            continue  # 在Truth Social上发帖: where the words were put, not who
        if not any(x.start < m.end(group) and m.start(group) < x.end for x in ctx.mentions) and not _NOT_A_NAME.match(name):
            speakers.append((m.end(), m.start(group), name))
            ctx.known_names.add(name)
    colon = _COLON_BEFORE_QUOTE.search(zh)  # a colon before a quotation: _NAME_COLON ends in one
    for m in (_NAME_COLON.finditer(zh) if colon else ()):
        name = m.group(2)
        known = next((x for x in ctx.mentions if x.start <= m.start(2) < x.end), None)
        if (known is None and not _NOT_A_NAME.match(name) and name not in ("问", "答", "编者按") and "记者" not in name and not name.endswith("问")
                and name[0] not in "他她我你" and not _VERB_RE.search(name)):  # 他又说：「…」 is the pronoun
            speakers.append((m.end(), m.start(2), name))
            _memory(ctx)["answerer"] = name
    for m in (_PRONOUN.finditer(zh) if has_verb and ("他" in zh or "她" in zh) else ()):
        if ctx.last_speaker or speakers or any(x.type == "person" and x.end <= m.start() for x in ctx.mentions):
            # 他/她 is a person: the nearest speaker before in the sentence, else the last person named
            earlier = [s for s in speakers if s[0] <= m.start()]
            persons = [x.canonical for x in ctx.mentions if x.type == "person" and x.end <= m.start()]
            last_person = _memory(ctx).get("person", "")
            fallback = ctx.last_speaker
            if last_person and (_is_media(fallback) or fallback in _org_names(ctx)):
                fallback = last_person  # the last speaker was an outlet or a firm, not a 他
            learned = _memory(ctx).get("learned_person")
            if (learned and learned[0] >= _memory(ctx).get("last_quote", (-9, ""))[0]
                    and learned[0] >= _memory(ctx).get("person_index", -9)):
                fallback = learned[1]  # a person the lexicon lacks, named since the last words
            actor = earlier[-1][2] if earlier else (persons[-1] if persons else fallback)
            if actor:
                speakers.append((m.end(), m.start(), actor))
    # 用任正非的话说 / 正如黄仁勋所观察到的 / 据黄仁勋透露
    for m in ctx.mentions:
        if m.type not in SPEAKER_TYPES:
            continue
        if zh[max(0, m.start - 1) : m.start] == "用" and (v := _IN_WORDS_OF.match(zh, m.end)):
            speakers.append((v.end(), m.start, m.canonical))  # 用任正非的话说 / 的话来说
        elif zh[max(0, m.start - 2) : m.start] in ("正如", "如同") or zh[max(0, m.start - 1) : m.start] == "如":
            v = _AS_SEEN_BY.match(zh[m.end : m.end + 8])
            if v:
                speakers.append((m.end + v.end(), m.start, m.canonical))
        elif (zh[m.start - 1 : m.start] == "据" and not _is_media(m.canonical)
              and (v := _CREDITED.match(zh, m.end))):
            speakers.append((v.end(), m.start, m.canonical))
        elif (v := _VIEW_FRAME.match(zh, m.end)) and (v.group(0).startswith("的") or zh[m.start - 1 : m.start] == "在"):
            speakers.append((v.end(), m.start, m.canonical))
    for m in (_GENERIC_VIEW.finditer(zh) if "看来" in zh or "眼中" in zh or "眼里" in zh else ()):
        speakers.append((m.end(), m.start(1), m.group(1)))
    # 据张三介绍，… / 据分析师李四称，… / 根据John Doe的说法，…: a person the lexicon lacks,
    # after a role, known from before, or a Chinese name opening with a common surname
    for m in (_CREDITED_PERSON.finditer(zh) if "据" in zh else ()):
        name = m.group("name")
        if (not _NOT_A_NAME.match(name) and not _NOT_SURNAME_NAME.match(name)
                and not any(x.start < m.end("name") and m.start("name") < x.end for x in ctx.mentions)
                and (m.group("role") or name in ctx.known_names or name[0] in _SURNAMES or not re.match(f"[{_HAN}]", name))):
            speakers.append((m.end(), m.start("name"), name))
            ctx.known_names.add(name)

    # …的销售额：「…」 with no speaker of its own: the one who spoke last goes on (a person, not an outlet)
    if (colon and not speakers and ctx.last_speaker and not ctx.inside_quote(colon.start())
            and not _is_media(ctx.last_speaker) and ctx.last_speaker not in _org_names(ctx)
            and not _speaker_in_clause_before(ctx, colon.start())):
        speakers.append((colon.end(), colon.start(), ctx.last_speaker))
    # 答：… — an interview answer: the one who answered before, else the person the article
    # says it interviews (an explainer's 问/答 box has no interviewee and is the author's)
    answer = _ANSWER.match(zh)
    if answer:
        actor = _memory(ctx).get("answerer") or _memory(ctx).get("interviewee", "")
        if actor:
            speakers.append((answer.end(), answer.start(), actor))
    # 黄仁勋谈中国市场：… — a headline's speaker and topic before a colon
    for m in (ctx.mentions if "：" in zh or ":" in zh else ()):
        if m.type in SPEAKER_TYPES and not _is_media(m.canonical) and (v := _TALKS_ON.match(zh, m.end)):
            speakers.append((v.end(), m.start, m.canonical))
    # 知情人士：… / 分析师：… heading a headline
    generic_head = _GENERIC_HEADLINE.match(zh) if ("：" in zh or ":" in zh) else None
    if generic_head and not any(x.start < generic_head.end(1) and generic_head.start(1) < x.end for x in ctx.mentions):
        speakers.append((generic_head.end(1), generic_head.start(1), generic_head.group(1)))
    # 黃仁勳：「…」 — a colon straight after the name
    for m in ctx.mentions:
        if m.type in SPEAKER_TYPES and _COLON_QUOTE.match(zh[m.end : m.end + 4]):
            speakers.append((m.end, m.start, m.canonical))
        elif m.type == "person" and _COLON_WORDS.match(zh[m.end : m.end + 4]):
            speakers.append((m.end, m.start, m.canonical))  # 黄仁勋：美国必须加快脚步 (a headline, an answer)
        elif (m.type in ("agency", "org") and not _is_media(m.canonical) and not zh[: m.start].strip()
              and _HEADLINE_WORDS.match(zh, m.end)):
            speakers.append((m.end, m.start, m.canonical))  # 商务部：坚决反对…: a body heading a headline
        else:
            continue
        if m.start <= 1:
            _memory(ctx)["answerer"] = m.canonical  # heading the line: an interview answer
    if ctx.open_quote_speaker and zh and zh[0] not in _OPEN:
        # the next sentence of a quotation already given to its speaker: one quotation is one row
        # (the row of its first sentence), and nothing inside it is read as someone's words
        end = next((i for i, ch in enumerate(zh) if ch in _CLOSE), len(zh))
        taken.append((0, end))
    elif ctx.open_quote_speaker and zh and zh[0] in "“「『":
        # a quotation over paragraphs: each one opens with the mark again, only the last one closes
        # (「…。\n「…。\n「…。」); words of someone named after the close are read below
        end = next((i for i, ch in enumerate(zh) if ch in _CLOSE), len(zh))
        if not _VERB_RE.search(zh, end):
            add(1, end, ctx.open_quote_speaker)
    if has_verb:  # _SUBJECTLESS_VERB's verbs are among _VERB's
        speakers.extend(_subject_goes_on(ctx, speakers))
    if has_verb:  # _FIRM_ANAPHOR ends in _VERB
        speakers.extend(_anaphoric_firm(ctx))
    groups: dict[tuple[int, int], list[str]] = {}  # a group anaphor's members besides the first
    if has_verb and _GROUP_ANAPHOR_HINT.search(zh):
        for verb_end, start, members in _group_anaphors(ctx):
            speakers.append((verb_end, start, members[0]))
            groups[(verb_end, start)] = members[1:]
    latin_head = _LATIN_NAME_COLON.match(zh)
    if latin_head and not any(x.start < latin_head.end(1) and latin_head.start(1) < x.end for x in ctx.mentions):
        speakers.append((latin_head.end(), latin_head.start(1), latin_head.group(1)))  # John Doe：… heading a line
        _memory(ctx)["answerer"] = latin_head.group(1)
    speakers.extend(_report_says(ctx))
    speakers = _drop_objects(zh, speakers)
    speakers.sort(key=lambda sp: (sp[0], -sp[1]))  # for one verb, the speaker nearest to it
    # Reported words end where another speaker takes over (…，外界认为…)
    starts = sorted({sp[1] for sp in speakers if not ctx.inside_quote(sp[1])})
    for verb_end, speaker_start, actor in speakers:
        if ctx.inside_quote(speaker_start):
            continue
        also = tuple(x for x in _co_speakers(zh, speaker_start, ctx.mentions) if x != actor)
        also += tuple(groups.get((verb_end, speaker_start), ()))
        quoted = _quoted_after(zh, verb_end)
        if quoted and _LABEL_AFTER.match(zh, quoted[-1][1] + 1):
            quoted = []  # 「中国龙头」寒武纪正…: the marks set off a label inside the reported words
        if quoted:
            for s, e in quoted:
                add(s, e, actor, also)
            # 他说，「…」，如果…，将…: the speaker's words go on, reported, after the quotation
            after = quoted[-1][1] + 1
            # 「…」，她接着又表示，「…」: a pronoun takes the floor again, its own attribution follows
            # 「…」，而消息一出，…: 而 opens the author's own clause, not more of the speaker's words
            if zh[after : after + 1] in ("，", ",") and not any(after < x for x in starts) \
                    and not _PRONOUN.match(zh, after + 1) and not _AUTHOR_CLAUSE.match(zh, after + 1):
                reported = _reported_after(zh, after, starts)
                if reported and reported[1] - reported[0] >= 8:
                    add(reported[0], reported[1], actor, also)
            continue
        # A partial quote inside reported words: 炮轰特朗普芯片政策是"灾难性错误"
        rest = zh[verb_end:]
        partial = _PARTIAL_QUOTE.match(rest)
        verb_word = _VERB_RE.search(zh, max(0, verb_end - 4))
        if partial and verb_word and _CRITIC.search(zh, speaker_start, verb_end):
            add(verb_end + partial.start(1), verb_end + partial.end(1), actor, also)
            pos = verb_end + partial.end()
        else:
            reported = _reported_after(zh, verb_end, starts) or _words_before(zh, speaker_start, verb_end, speakers)
            if reported:
                add(reported[0], reported[1], actor, also)
            pos = reported[1] if reported and reported[1] > verb_end else len(zh)
        # ，认为… / ，并强调… / ，讽刺他「…」: the same speaker goes on, one row per verb
        while pos < len(zh) and (again := _CHAIN.match(zh, pos)) and not ctx.inside_quote(pos):
            partial = _PARTIAL_QUOTE.match(zh, again.end())
            if partial and _CRITIC.search(again.group(0)):
                add(partial.start(1), partial.end(1), actor)
                pos = partial.end()
                continue
            reported = _reported_after(zh, again.end(), starts)
            if not reported:
                break
            add(reported[0], reported[1], actor)
            pos = reported[1]
    # 据路透社报道，… / 据《海峡时报》报道，… / 路透社援引知情人士报道称，…: what a named outlet reports
    # (after the speakers above, so a report of someone's words stays theirs: 据…报道，特朗普表示…)
    _media_reports(ctx, add, starts)
    if not ("”" in zh or "」" in zh or "』" in zh):
        # 他直言，…。“…。 / …。”: a quotation opening a sentence, right after someone's words in the same
        # paragraph and with no speaker of its own, is theirs (its later sentences are taken with it)
        index, actor = _memory(ctx).get("last_quote", (-9, ""))
        opening = _OPENS_QUOTATION.match(zh)
        if (opening and not drafts and not ctx.paragraph_start and index == ctx.index - 1 and actor
                and not _is_media(actor) and not ctx.open_quote_speaker):
            add(opening.end(), len(zh), actor)
        return drafts  # the rules below all read a closing quotation mark

    # “…。”黄仁勋说。 split in two sentences: the speaker opens the next one
    # (or the last sentence of a longer quotation, “…。 / …。” / 黄仁勋说。, which closes here)
    whole = _WHOLE_QUOTE.fullmatch(zh) or _WHOLE_QUOTE_END.fullmatch(zh)
    if not whole and not drafts and ctx.next_zh:
        # 某公司站稳地位，「…。」 / 某机构指出，…: a sentence that ends in a quotation after a clause of its
        # own, with no verb of saying, and a next sentence that opens with who said it
        whole = _LEAD_IN_QUOTE.fullmatch(zh) if not _VERB_RE.search(zh, 0, max(0, zh.find("「") if "「" in zh else zh.find("“"))) else None
    if whole and ctx.next_zh:
        actor = _attribution(ctx.next_zh, ctx.next_mentions, ctx.known_names)
        if not actor and _PRONOUN_ATTRIBUTION.match(ctx.next_zh):  # “…。”他补充。: the one named last
            actor = ctx.last_speaker or _memory(ctx).get("person", "")
        if actor:
            add(whole.start(1), whole.end(1), actor)
    if whole and not drafts and _WHOLE_QUOTE.fullmatch(zh):
        # 苏姿丰说，…。“…。”: a quotation standing alone right after someone's words, with no
        # speaker of its own, goes on with them (not with an outlet's report)
        index, actor = _memory(ctx).get("last_quote", (-9, ""))
        if index == ctx.index - 1 and actor and not _is_media(actor) and not _attribution(ctx.next_zh, ctx.next_mentions, set()):
            add(whole.start(1), whole.end(1), actor)

    # “…，”黄仁勋说。 — the quote comes first, the speaker after it; …。”黄仁勋说。 ends a longer one
    closing = _CLOSES_EARLIER_QUOTE.match(zh) if not ctx.open_quote_speaker else None
    for q in ([closing] if closing else []) + list(_QUOTED_SEGMENT.finditer(zh)):
        if q is not closing and _LABEL_BEFORE.match(zh, max(0, q.start() - 1)) and _SHORT_LABEL.fullmatch(q.group(1)):
            continue  # a title or a name set off mid-clause, not words
        tail = zh[q.end() : q.end() + 24]
        lead = re.match(r"\s*[，,]?\s*(?:这句话|这番话|此话|这段话)?\s*", tail)
        pos = q.end() + (lead.end() if lead else 0)
        speaker = next((m for m in ctx.mentions if m.start == pos and m.type in SPEAKER_TYPES), None)
        after_role = None
        if speaker and speaker.type != "person":
            speaker = next((x for x in ctx.mentions if x.type == "person" and speaker.end <= x.start
                            and _ROLE_BETWEEN.fullmatch(zh, speaker.end, x.start)), speaker)
            pos = speaker.start
            if speaker.type != "person" and (role_named := _ROLE_NAME_AHEAD.match(zh, pos)) \
                    and not _NOT_A_NAME.match(role_named.group(2)):
                # 「…」某公司执行长张三表示: the person the lexicon lacks, named by role after the firm
                speaker, after_role = None, role_named
        actor = speaker.canonical if speaker else ""
        after = pos + (len(speaker.text) if speaker else 0)
        if after_role is not None:
            actor, after = after_role.group(2), after_role.end()
            ctx.known_names.add(actor)
        elif not speaker:
            pron = re.match(r"(他|她)", zh[pos:])
            named = _GENERIC_AHEAD.match(zh[pos:])
            role = _ROLE_NAME_AHEAD.match(zh, pos)  # 分析师王明表示: the name, not the role
            if pron and (ctx.last_speaker or drafts or _memory(ctx).get("person")):
                # 他 is the one who spoke last, else the person named last
                actor = drafts[-1].actor if drafts else (ctx.last_speaker or _memory(ctx)["person"])
                after = pos + 1
            elif role and not _NOT_A_NAME.match(role.group(2)):
                actor, after = role.group(2), role.end()
                ctx.known_names.add(actor)
            elif (known := next((n for n in ctx.known_names if zh.startswith(n, pos)), "")):
                actor, after = known, pos + len(known)  # 「…」，張三說: a name found earlier
            elif ((named_here := _SURNAME_AFTER_QUOTE.match(zh, pos)) and not _NOT_SURNAME_NAME.match(named_here.group(1))
                  and not _NOT_A_NAME.match(named_here.group(1))):
                actor, after = named_here.group(1), named_here.end(1)  # 「…」，張三說。: a name and its verb
                ctx.known_names.add(actor)
            elif named:
                actor, after = named.group(1), pos + named.end()
        # (the verb right after, or after when, where and to whom: …”卢特尼克周二在接受CNBC采访时表示。)
        verb = _VERB_SOON.match(zh, after, after + 16) or _AFTER_KNOWN_NAME.match(zh, after)
        if actor and verb:
            add(q.start(1), q.end(1), actor)
            # 「…，」张三表示，「…。」: a quotation broken by its speaker goes on after the verb
            for s, e in _quoted_after(zh, verb.end()):
                add(s, e, actor)
    return drafts
