"""Chip and system figures: compute, memory, bandwidth, power, clock, cards per system, cabinets,
servers and nodes, dies, process node, export thresholds, and ratios.

The unit grammar: `FP16算力约256 TFLOPS`, abbreviated magnitudes (`990T Flops`, `4E FLOPS`, `分别达到2P和4P`
where the clause speaks of compute), `单颗容量达到128GB`, `带宽达到1.6TB/秒`, `功耗700W`, `主频2.6GHz`,
counts with or without a measure word (`支持8192张卡`, `最多可连接4096卡`, `万卡级集群`, `384颗昇腾芯片`),
`64个计算柜` (cabinets), `16台服务器`, `8个节点`, `为双芯片设计` (dies), `7纳米`, `4/5纳米` (a range),
`算力门槛从4800 TOPS降至2400 TOPS`, and a rule's chip-count tiers (`购买超过五百颗芯片…须提前申报`).
Compute may be written in Chinese magnitudes of operations (`每秒400万亿次浮点运算`) or with spelled-out
prefixes (`15 PetaFLOPS`), memory with G alone next to a word of memory (`96G显存`); any figure may close a
range (`300-350W`, `80GB至141GB`) or a change (`显存由96GB缩减至84GB`: the subject stands before 由);
a count may carry qualifiers and names between its measure word and noun (`2000颗国产芯片`, `1万张华为910B卡`).

The comparison grammar: a figure against a reference R, R being a product, a company's `同类芯片`, a model
the lexicon lacks, or an anaphor resolved to the product meant (`其`, `它`, `前者`/`后者`, `对方`;
`上一代` stays unnamed): `是R的N倍`, `R算力的15%`, `为其一半`, `比R高出30%-50%` (1.3–1.5),
`较其约落后5%` (0.95), `三倍于H100`, `约为H100三分之一`, and changes against a baseline or the previous
generation (`相比B200，…提升85%` = 1.85, `比上一代提高了1.8倍` = 1.8, `速度快了9倍`, `砍掉了20%的显存和显存
带宽`: one row per metric); a ratio listed after one with its reference keeps that reference
(`训练速度是H100的3倍、推理速度是15倍`). Hedges may stand before a copula (`大约相当于A100的八成`).

The subject model: a figure belongs to the product its clause is about, not the nearest name:
references and counted or carried components are skipped (`H20的算力只有H100的15%，显存却有96GB` is
H20's; `Atlas 950搭载8192颗昇腾950DT，算力达8 EFLOPS` is the system's), a figure in brackets is the
product's it follows, a demonstrative (`该系统`) points to the last product of its class, a clause led by
a maker is about its product named before, coordinated subjects get one row each, and `分别` hands
figures out in order. A process node is the name written with it, else the entity leading its clause
(`麒麟9000交由台积电生产，使用5纳米制程` is the Kirin's).
"""

from __future__ import annotations

import re

from .context import PRODUCT_TYPES, Draft, SentenceContext
from .hedges import hedge_after, hedge_before, hedge_for
from .numbers import ARABIC, CN_NUM, NUMBER, parse_number, parse_percent

_PRECISION = re.compile(r"(FP4|FP6|FP8|FP16|BF16|FP32|TF32|FP64|INT8|INT4|MXFP8|MXFP4|HiF8|NVFP4)", re.IGNORECASE)

# A compute unit: a magnitude letter and FLOPS or OPS, run together or apart (`TFLOPS`, `990T Flops`,
# `4E FLOPS`, `TOPS`).
_COMPUTE_UNIT = r"(?:[GTPEZ]|Giga|Tera|Peta|Exa|Zetta)\s?(?:FLOPS|OPS)"
_COMPUTE = re.compile(
    rf"(?:({NUMBER})\s*(?:{_COMPUTE_UNIT})?\s*(?:到|至|-|~|～|—)\s*)?({NUMBER})\s*({_COMPUTE_UNIT})(?![A-Za-z])(?!\s*/\s*(?:W|瓦|mm|平方))",
    re.IGNORECASE,
)
# A compute figure with the magnitude letter alone or with F (`分别达到2P和4P`, `9PF`): only just after words of compute.
_COMPUTE_BARE = re.compile(rf"(?<![A-Za-z0-9.,])({ARABIC})\s*([TPE])F?(?![A-Za-z0-9])(?!\s*(?:服务器|路|卡|颗|倍|光|模块|交换机|端口|网卡|以太网|bps))")
# Words of compute in the clause or the one before, a precision among them (`H100的FP16为989T`).
_COMPUTE_CONTEXT = re.compile(r"算力|FLOPS|性能|" + _PRECISION.pattern, re.IGNORECASE)


def _compute_unit(written: str) -> str:
    """`T Flops` → TFLOPS, `TOPS` → TOPS, `P OPS` → POPS."""
    written = re.sub(r"(?i)^(giga|tera|peta|exa|zetta)", lambda p: p.group(1)[0], written.strip())
    letter, rest = written[0].upper(), written[1:].strip().upper()
    return f"{letter}{rest}"


# Compute in Chinese magnitudes of operations per second (`每秒400万亿次浮点运算` = 400 TFLOPS,
# `每秒百亿亿次` = 1 EFLOPS): the count of operations, its magnitude word, 次.
# 兆 is Taiwan's 10^12 (`每秒可進行1,000兆次運算` = 1000 TFLOPS; 千兆 = 10^15).
_OPS_MAGNITUDES = {"万亿": (1, "T"), "十万亿": (10, "T"), "百万亿": (100, "T"), "千万亿": (1, "P"),
                   "兆": (1, "T"), "十兆": (10, "T"), "百兆": (100, "T"), "千兆": (1, "P"), "亿亿": (10, "P"), "十亿亿": (100, "P"), "百亿亿": (1, "E"), "千亿亿": (1000, "P")}
_COMPUTE_CN = re.compile(rf"(每秒\s*(?:可|能|可以)?\s*(?:完成|执行|进行|处理|达到|达)?\s*)?({ARABIC}|[一二两三四五六七八九])?\s*(千亿亿|百亿亿|十亿亿|亿亿|千万亿|百万亿|十万亿|万亿|千兆|百兆|十兆|兆)次"
                         r"(?:\s*(?:的)?\s*(浮点|整数|定点)?(?:运算|计算|操作))?")
_BANDWIDTH = re.compile(rf"({ARABIC})\s*(GB|TB|PB|Gb|Tb)\s*(?:/\s*s(?:ec)?|/\s*秒|每秒|/S|ps)(?![A-Za-z])")
# The rate written first (`每秒4.8TB`).
_BANDWIDTH_PER_SECOND = re.compile(rf"每秒\s*(?:可?传输|可达|达)?\s*({ARABIC})\s*(GB|TB|PB|Gb|Tb)(?![A-Za-z/])")
# Between the two figures of a change (`600GB/s降到400GB/s`).
_CHANGE_TO = re.compile(r"\s*(?:降|升|提高|提升|调|下调|上调|放宽|收紧|减|增|缩|扩|砍|削|加)[^，,。]{0,3}(?:至|到|为)\s*")
_MEMORY = re.compile(rf"(?<!每秒)(?<!每秒\s)(?<![\d.,])({ARABIC})\s*(GB|TB)(?!\s*(?:/|每秒|ps))(?![A-Za-z])")
# A change's starting point (`从H100的80GB增加到141GB`): the figure is the clause subject's, before 从.
_CHANGE_FROM = re.compile(r"(?:从|由|自)[^，,。；;从由]{0,12}$")
# Memory written with G or T alone (`96G显存`, `显存高达141G`): only next to a word of memory.
_MEMORY_WORD = r"(?:显存|内存|高带宽内存|HBM\d?[Ee]?|GDDR\d?|LPDDR\d?[Xx]?)"
_MEMORY_SHORT = re.compile(rf"(?<![\d.,A-Za-z])({ARABIC})\s*([GT])(?![A-Za-z0-9/])(?=\s*(?:的)?\s*{_MEMORY_WORD})")
_MEMORY_SHORT_AFTER = re.compile(rf"{_MEMORY_WORD}\s*(?:容量)?\s*(?:为|达|高达|达到|有|提升至|增至|仅)?\s*({ARABIC})\s*([GT])(?![A-Za-z0-9/])")
# A process node, alone or as a pair of nodes (`7纳米`, `4/5奈米` = 4 to 5).
_NODE = re.compile(rf"({ARABIC}|{CN_NUM})(?:\s*[/／]\s*({ARABIC}))?\s*(纳米|奈米|nm)(?![A-Za-z])")
# Dies in a package (`为双芯片设计`, `采用四芯片封装`): after a copula or verb of design, not `单芯片算力`
# (per chip).
# A node naming the chips whose other property the clause measures (`7纳米芯片的良率不到50%`,
# `3纳米芯片面积约为98平方毫米`): the claim is that figure, the node only names the chips. A node
# written as a process (`3纳米工艺的良率…`) states the process and stays; a bare node whose yield is
# given (`中芯7纳米的良率不到五成`) is the yield's claim, not the node's.
_NODE_AS_MODIFIER = re.compile(r"^(?!\s*(?:制程|工艺|技术|节点))[^，,。；;]{0,8}?(?:良率|大小|面积|尺寸|成本|价格|产能)[^，,。；;]{0,6}?(?:\d|[一二两三四五六七八九十][成分])")
_DIES = re.compile(r"(?:(?:(?<=为)|(?<=是)|(?<=采用)|(?<=使用)|(?<=基于)|(?<=[（(]))\s*(单|双|四|八)(?:芯片|die|Die|DIE)"
                   r"(?:设计|封装|架构|方案)?|(单|双|四|八)(?:芯片|die|Die|DIE)(?:设计|封装|架构))(?![的\w])")
_DIE_COUNTS = {"单": 1, "双": 2, "四": 4, "八": 8}
# Clock of a chip (`主频2.6GHz`).
_CLOCK = re.compile(rf"({ARABIC})\s*(GHz|MHz)(?![A-Za-z])")
# Power of a chip or system (`功耗700W`, `单柜功耗达120千瓦`); energy (`千瓦时`) is not power.
_POWER = re.compile(rf"({ARABIC})\s*(W|瓦特|瓦|kW|KW|千瓦)(?![A-Za-z]|时|·|小时)")
_POWER_CONTEXT = re.compile(r"功耗|功率|TDP|耗电|能耗|供电|热设计|散热", re.IGNORECASE)

# A count of cards or chips. Chinese numerals are not counts after 数/几/上/成 (`数千`, `上万`);
# the bare magnitude stands for one (`万卡级`, `千卡集群`). A bound may stand after the measure
# word (`15万颗以上芯片`). A model name may stand before the noun (`8张H100卡`), but not GPU itself.
# Digits inside a model name are no count (`GB300机柜`, `NVL72机柜`).
_COUNT = (rf"(?:(?<![A-Za-z0-9.,])(?:{ARABIC})\s*万?|(?:(?<![数几上多])[十百千](?!上万)|[一二两三四五六七八九])[一二两三四五六七八九十百千万]*"
          rf"|(?<![\d一二两三四五六七八九十百千数几上成多])万(?=卡))")
_CARDS = re.compile(
    rf"({_COUNT})(多|余)?\s*(张|块|颗|枚|片|个)?\s*(以上|以下|之多)?\s*"
    rf"((?:(?:{ARABIC})\s*(?:GB|TB|纳米|nm)\s*(?:容量|制程|工艺)?\s*的\s*)?(?:(?![一二两三四五六七八九十百千万亿零])[\u4e00-\u9fff]){{0,5}}?\s?(?:(?!GPU|NPU)[A-Za-z0-9][A-Za-z0-9]{{0,11}}\s?)?)"
    r"(卡|GPU|NPU|芯片|加速卡|算力卡|显卡|(?<=显存|内存)颗粒|(?=[，,。；;）)]))(?!项目|公司|企业|厂|产业|行业|法案|股|板块|领域|基地|人才|专利|设计|城市)"
)
# Words that may qualify the counted chips (`2000颗国产芯片`, `384颗自研AI芯片`, `12颗2GB的内存颗粒`); a maker's or a
# product's name may too (`1万张华为910B卡`, `8192颗昇腾芯片`). Anything else is no count of chips.
_COUNT_QUALIFIER = re.compile(r"国产|自研|自主|进口|高端|先进|最新|新一代|人工智能|推理|训练|通用|计算|加速|数据中心|AI|的|"
                              r"显存|内存|存储|容量|制程|工艺|纳米")
# A count of cards with no measure word (`4096卡`) is a system's size after a verb of connecting
# or holding, or before a word of scale (`千卡级`, `万卡集群`).
_CARDS_LEAD = re.compile(r"(?:连接|连|支持|扩展至?|扩展到|互联|配置|配备|搭载|集成|组成|多达|高达|最多|最高|可达|满配|达到|达|超过|超|逾)[^，,。；;]{0,3}$")
_CARDS_SCALE = re.compile(r"[^，,。]{0,4}?(集群|服务器|机柜|系统|超节点|级|规模|组网|互联|算力|机型|整机|一体机|机器|并行)")
# Counts that are volumes (shipments, orders, purchases), not the size of a system.
_VOLUME = re.compile(r"出货|销量|销售|售出|卖出|出售|发货|进口|出口|订单|订购|采购|购买|买了|买下|囤|库存|部署|交付|供应|获得|拿到|"
                     r"生产|产量|量产|产出|投产|制造|租用|"
                     r"上万|数十万|数万|几|成千|累计")
# The verbs of a volume (buying, shipping, selling), searched further back than _VOLUME's other words.
_VOLUME_VERB = re.compile(r"出货|售出|卖出|出售|发货|进口|出口|订购|采购|购买|买了|买下|囤积|交付|订单")
# A volume bounded by a comparator in a sentence that states a rule is a rule's threshold
# (`购买超过五百颗芯片须提前申报`), not a purchase.
_RULE = re.compile(r"规则|规定|管制|许可|草案|审查|预审|门槛|须|必须|需要|要求|限制|监控|豁免|上限")
_BOUND_BEFORE = re.compile(r"(少于|低于|不足|不超过|不到|超过|多于|高于|逾|超)\s*$")
# Cabinets and racks, servers, nodes of a system (`64个计算柜`, `16台服务器`, `8个节点`).
_UNITS = re.compile(
    rf"({_COUNT})\s*(个|台|组|座|套)?\s*"
    r"((?:计算|互联|网络|存储|通信|服务器|算力|液冷|AI)?(?:机柜|柜|机架)(?!台)"
    r"|(?:[A-Za-z][A-Za-z0-9 ]{0,14})?服务器|(?:计算)?节点)"
)
_TPP = re.compile(rf"(?:TPP|总处理性能)[）)]?\s*(?:须|需|必须|应|已)?\s*(低于|高于|达到|超过|不超过|不得超过|不能超过|不可超过|不应超过|不得高于|小于|大于|约为|约|为|在|≥|>=|<|>)?\s*({ARABIC})")
_TPP_THRESHOLD = re.compile(rf"门槛\s*(?:为|是|在|设在|设为|设定为|设定在|定为|定在|降至|降到|降低至|降低到|提高至|提高到|调整为|调至)?\s*({ARABIC})(?!\s*(?:TOPS|TFLOPS|GB|亿|万|%))")

# ---- the grammar of comparisons
# What a comparison can be about (longest first): `显存带宽`, `运算密度`, `性价比`, `CUDA核心` …
_METRIC = (r"(?:算力规模|推理性能|训练性能|显存带宽|互联带宽|内存带宽|能源效率|运算密度|计算密度|芯片数量|CUDA核心数?|核心数|"
           r"算力|性能|效能|带宽|频宽|显存|内存|容量|能效|功耗|耗电量|耗电|性价比|速度|吞吐量|吞吐|密度|效率|核心|延迟|水平|效果)")
_METRIC_NAMES = {"效能": "性能", "频宽": "带宽", "能源效率": "能效", "计算密度": "运算密度", "芯片数量": "芯片数",
                 "算力规模": "算力", "耗电": "耗电量", "CUDA核心": "CUDA核心数", "核心": "核心数", "水平": "性能", "效果": "性能"}
# A figure of a comparison: N倍 or N% (with a range `两到三倍`, `30%-50%`), a fraction (`三分之一`), a half.
_HEDGE = r"(?:约为|约|大约|近|接近|将近|超过|超|逾|至少|仅为|仅|只有|不到|不足|高达|达到|达)?"
_TIMES = (rf"(?P<times>{ARABIC}|[一二两三四五六七八九十百]+|半)(?P<more>多|余)?"
          rf"(?:\s*(?:到|至|-|~|～)\s*(?P<times_max>{ARABIC}|[一二两三四五六七八九十百]+))?\s*倍")
_PCT = (rf"(?:(?P<pct>{ARABIC})\s*[%％](?:\s*(?:到|至|-|~|～)\s*(?P<pct_max>{ARABIC})\s*[%％])?"
        rf"|百分之(?P<pct_cn>{ARABIC}|[一二两三四五六七八九十]+))")  # 百分之二十 is 20%
_FRACTION = r"(?P<frac>\d+\s*/\s*\d+(?!\s*(?:纳米|nm))|(?:[一二两三四五六七八九十]|\d+)分之(?:[一二两三四五六七八九十]|\d+)|[一二两三四五六七八九]成半?|一半|半数)"
_FIGURE = rf"(?:{_TIMES}|{_PCT}|{_FRACTION})"
# Tenths as a change (`高出约三成` = 1.3), in the forms with a direction.
_CHENG = r"(?P<cheng>[一二两三四五六七八九]成半?|\d+(?:\.\d+)?成(?![员本为功立交长绩果分品]))"
# What may follow a product's name inside the reference (`服务器版`, `同类芯片`) and an aside in brackets.
_REF_TAIL = r"(?:\s?(?:SXM\d?|PCIe|NVL\d*|V\d|Pro|Ultra|Max|[A-Z]\d?)(?![A-Za-z0-9]))*(?:[\u4e00-\u9fff]{0,3}(?:版|款|系列)|同类芯片|同类产品|同级产品|同级芯片|芯片|GPU|产品|显卡|加速卡)?"
_PRODUCT_CLASS = re.compile(r"同类芯片|同类产品|同级产品|同级芯片|芯片|GPU|产品|显卡|加速卡")
_ASIDE = r"(?:[（(][^）)]{0,24}[）)])?"
# R的N倍 / R算力的15% / 其一半: a figure as a share or multiple of the reference R.
_OF_RATIO = re.compile(rf"(?P<tail>{_REF_TAIL})\s*{_ASIDE}\s*(?P<of>的)?\s*(?:(?P<metric>{_METRIC})\s*)?(?P<of2>的)?\s*(?P<hedge>{_HEDGE})\s*{_FIGURE}")
# H100 80%的性能, H100約六成的推論效能: the share of the reference's figure written before its metric.
_OF_RATIO_PCT_AFTER = re.compile(rf"\s*(?P<hedge>{_HEDGE})\s*(?:(?P<pct>{ARABIC})\s*[%％]|(?P<tenths>[一二两三四五六七八九]成半?))"
                                 rf"\s*的\s*(?:[\u4e00-\u9fff]{{0,2}}?)(?P<metric>{_METRIC})")
# 比R高出1% / 较R约落后5%: the reference after a comparing word, then a direction and a figure.
# (`比英伟达RTX 5090D`, `较其大哥RTX Pro 6000`: a maker or an epithet may stand between.)
_COMPARE_LEAD = re.compile(r"(?:比|较|相比|相较于?|较之|对比)(?:其|它)?[^\s，,。；;：:是为的在比较]{0,4}\s*$")
_UP = r"高出|高了|高|提升|提高|增加|增长|快|多|强|领先|优|大"
_DOWN = r"低|落后|减少|降低|慢|少|下降|缩减|差|小|削减"
_COMPARE = re.compile(
    rf"(?P<tail>{_REF_TAIL})\s*{_ASIDE}\s*(?:的)?\s*(?:(?P<metric>{_METRIC})\s*)?(?:也|还|都|则|仅|要|均)?\s*(?P<hedge>{_HEDGE})\s*"
    rf"(?P<verb>{_UP}|{_DOWN})了?\s*(?P<hedge2>{_HEDGE})\s*(?:{_TIMES}|{_PCT}|{_CHENG})")
# 领先H20约30% / 落后B200 20%: the direction before the reference, the figure after it.
_VERB_LEAD = re.compile(r"(高出|超出|领先|落后|快于|慢于|高于|低于)\s*$")
_VERB_LED_FIGURE = re.compile(rf"(?P<tail>{_REF_TAIL})\s*{_ASIDE}\s*(?P<hedge>{_HEDGE})\s*(?:{_TIMES}|{_PCT}|{_CHENG})")
# Verbs of a change with no comparing word before them (single characters such as 高, 大 read
# as verbs only after 比R).
_CHANGE_VERBS = r"提升|提高|增加|增长|增强|改善|加快|高出|领先|缩短|降低|减少|削减|缩减|砍掉|阉割|下降"
# A change against the previous generation or a baseline named earlier (`提升运算密度35%`,
# `性能提升了2倍`, `砍掉了20%的显存和显存带宽`), with parallel items after it (`、能效10倍`).
_CHANGE = re.compile(
    rf"(?P<verb>{_CHANGE_VERBS})(?!至(?!少)|到)了?\s*(?:幅度|幅)?\s*(?:(?P<metric>{_METRIC})\s*)?(?P<hedge>{_HEDGE})\s*(?:{_TIMES}|{_PCT}|{_CHENG})"
    rf"(?:\s*的\s*(?P<metrics>{_METRIC}(?:\s*(?:与|和|及|、)\s*{_METRIC})*)"
    # 提升6倍推理性能: the metric after the figure without 的, closing the clause
    rf"|\s*(?P<metrics_bare>{_METRIC})(?=\s*(?:[，,。；;、）)]|$)))?")
_CHANGE_MORE = re.compile(rf"\s*[，,、]\s*(?:并|且|而)?\s*(?P<metric>{_METRIC})\s*(?:提升|提高|增加)?了?\s*(?P<hedge>{_HEDGE})\s*(?:{_TIMES}|{_PCT})")
# A one-character direction right after its metric (`训练速度快了9倍`, `性能高出三成`, `功耗低20%`):
# the metric makes the character a verb without 比R before it.
_METRIC_VERB = re.compile(rf"(?P<metric>{_METRIC})\s*(?:也|还|都|将|可|要|则)?\s*(?P<verb>快|高|强|多|大|慢|低|少|小)了?\s*(?P<hedge>{_HEDGE})\s*(?:{_TIMES}|{_PCT}|{_CHENG})")
# N倍的芯片数量: a multiple of the same quantity in a product compared before.
_TIMES_OF = re.compile(rf"(?:使用|需要|需|用|提供|拥有|具备|带来|实现)了?\s*(?P<hedge>{_HEDGE})\s*{_TIMES}\s*的?\s*(?P<metric>{_METRIC})")
# A metric doubled (`算力翻倍`, `显存容量几乎翻了一番`) or quadrupled (`翻两番`) against its baseline.
_DOUBLED = re.compile(rf"(?P<metric>{_METRIC})\s*(?:也|还|都|将|可|则|更|均)?\s*(?:实现)?\s*(?P<hedge>几乎|近乎|接近|将近|超过|逾)?\s*"
                      r"(?:翻了?一?倍|翻了?一番|翻番|(?P<four>翻了?两番))"
                      # a cadence (一年一代、算力翻倍的节奏; 每代算力翻倍) is a plan's rhythm, not a product's figure
                      r"(?![”」\"]?\s*的?\s*(?:节奏|速度|节拍|规律|趋势|步伐|路线|目标|定律|周期))")
_CADENCE = re.compile(r"每(?:一|两|二)?(?:年|代|年一代)|一年一代|[一二两三]年一代")
# Clauses about money or markets: a change there is not a spec.
_NOT_SPEC = re.compile(r"营收|收入|利润|份额|股价|市值|出货|销量|销售|订单|价格|售价|成本|毛利|需求|产能|良率|用户|员工|电价|用电")
# Clause-level cues that a product is the thing described: chips, systems, architectures.
_PRODUCT_WORDS = re.compile(r"芯片|GPU|NPU|架构|处理器|显卡|加速卡|集群|超节点|服务器|算力卡|产品|系统")
# What starts a figure or a memory, a period or a foundry name rather than a model (FP8, HBM3, FY25, Q3).
_NOT_A_MODEL = r"(?<![A-Za-z0-9])(?!(?:FP|BF|TF|INT|MXFP|NVFP|HiF|HBM|GDDR|LPDDR|DDR|PCIe|FY|CY|Q|H|N|TSMC)\d)"
_MODEL_SUFFIXES = r"(?:\s(?:V\d|Pro|Ultra|Max|SXM|PCIe))*(?![A-Za-z0-9])"
# A model name the lexicon may not know (`RTX 5090D V2`, `MI308X`): letters, a number, suffixes.
_MODEL_NAME = re.compile(_NOT_A_MODEL + r"[A-Z][A-Za-z]{0,5}\s?\d{2,4}[A-Za-z]{0,3}" + _MODEL_SUFFIXES)
# A model name in a comparing position, which may be spelled with one digit (`Trainium2`, `Gaudi 3`).
_REF_MODEL_NAME = re.compile(_NOT_A_MODEL + r"[A-Z][A-Za-z]{0,9}\s?\d{1,4}[A-Za-z]{0,3}" + _MODEL_SUFFIXES)
# N倍于R: the multiple written before the reference (`三倍于H100`).
_TIMES_BEFORE = re.compile(rf"(?P<hedge>{_HEDGE})\s*{_TIMES}\s*于\s*$")
# Anaphors that name the reference of a comparison: 其 / 它 (the product meant), 上一代 (not named).
_ANAPHOR = re.compile(r"其|它|对方|前者|后者|上一代(?:产品|芯片)?|前一代|上代|前代|老一代|原来|原先|此前|之前"
                     r"|第[一二三四五六七八九十\d]+代(?:产品|芯片)?")  # 第一代: a generation, unnamed
_PREVIOUS_GENERATION = ("上一代", "前一代", "上代", "前代", "老一代", "原来", "原先", "此前", "之前")
# A product in a comparing position (`比H20`, `媲美GB200`, `与B200相比`) or a component counted or
# carried by a host (`384颗昇腾910C`, `搭载昇腾910C`): neither is what a figure nearby describes.
# (与/和/跟 make a reference only before 相比: `与B200相比`.)
_REFERENCE_BEFORE = re.compile(r"(?:比|较|相比|相较于?|较之|对比|媲美|优于|超越|超过|不如|不及|逊于|追平|接近|相当于|倍于)(?:其|它)?[\u4e00-\u9fff]{0,3}?\s*$")
_REFERENCE_AFTER = re.compile(rf"^\s*(?:相比|相较|比较|对比)|^{_REF_TAIL}\s*{_ASIDE}\s*(?:的)?\s*(?:{_METRIC}\s*)?的\s*{_HEDGE}\s*{_FIGURE}")
# 与H100相当 / 和B200持平: a reference of likeness.
_LEVEL_WITH = re.compile(r"\s*(?:相当|持平|相近|类似|差不多|接近)")
_WITH_BEFORE = re.compile(r"(?:与|和|跟|同)\s*$")
_COMPONENT_BEFORE = re.compile(rf"(?:(?:{ARABIC}|[一二两三四五六七八九十百千万]+)\s*[颗张块枚个片]|搭载|采用|配备|集成|连接|内置|基于|包含|使用|由)了?\s*$")


def _roles(ctx: SentenceContext) -> set[int]:
    """Starts of the mentions that are not subjects: references of a comparison, and components of a
    host product named before them in the sentence (a system's compute is the system's)."""
    zh = ctx.zh
    skip: set[int] = set()
    host_seen = False
    for m in ctx.mentions:
        if m.type not in PRODUCT_TYPES:
            continue
        before, after = zh[max(0, m.start - 8) : m.start], zh[m.end : m.end + 40]
        if _REFERENCE_BEFORE.search(before) or _REFERENCE_AFTER.search(after) \
                or _WITH_BEFORE.search(before) and _LEVEL_WITH.match(after):
            skip.add(m.start)
        elif host_seen and _COMPONENT_BEFORE.search(before):
            skip.add(m.start)
        else:
            host_seen = True
    return skip


# A demonstrative naming a class of product (`该系统`, `這款GPU`, `该超节点`): the product of that class
# named last, not the name nearest the figure.
_DEMONSTRATIVE = re.compile(r"(?:该|此|这款|这个|这套|这台|这颗|这张|这一|这种|此款)\s*"
                            r"(?:(系统|超节点|集群|服务器|机柜|平台)|(芯片|GPU|显卡|处理器|加速卡|卡|产品))")


def _demonstrative(ctx: SentenceContext, pos: int, best, exclude: set[str], skip: set[int]) -> str:
    """The product a demonstrative between the nearest candidate `best` and `pos` points to, or ""."""
    found = [d for d in _DEMONSTRATIVE.finditer(ctx.zh, 0, pos) if best is None or d.start() >= best.end]
    if not found:
        return ""
    d = found[-1]
    wanted = "system" if d.group(1) else "chip"
    earlier = [m for m in ctx.mentions if m.end <= d.start() and m.type == wanted and m.start not in skip]
    earlier += [m for m in ctx.previous_products if m.type == wanted] if not earlier else []
    earlier = [m for m in earlier if m.canonical not in exclude]
    return earlier[-1].canonical if earlier else ""


# From a product's name to a figure in brackets after it (`H100 SXM（`).
_BRACKETED = re.compile(rf"{_REF_TAIL}\s*[（(][^）)（(]*")
# Technologies that are parts of a chip (memory, links, packaging), not what a figure describes.
_COMPONENT_TECH = re.compile(r"HBM|GDDR|LPDDR|DDR|CoWoS|NVLink|PCIe|CUDA", re.IGNORECASE)


def _clause_owner(ctx: SentenceContext, clause_start: int, pos: int, exclude: set[str]) -> str:
    """The subject of a clause that names no known product before `pos`: a model name leading it
    (`L20是…`), or the product of the company leading it (`华为必须使用…`: Huawei's product named
    before)."""
    zh = ctx.zh
    model = _MODEL_NAME.match(zh, clause_start) or _MODEL_NAME.match(zh, clause_start + 1)
    if model and model.end() <= pos and not re.match(_METRIC, zh[model.end() :]) and not any(m.start < model.end() and model.start() < m.end for m in ctx.mentions):
        return model.group(0).strip()
    makers = [m for m in ctx.mentions if clause_start <= m.start and m.end <= pos and m.type == "company"]
    if not makers or ctx.lexicon is None:
        return ""
    maker = makers[0].canonical
    # Nearest first in this sentence, then the previous sentence from its first name (its topic).
    products = [m for m in reversed(ctx.mentions) if m.end <= clause_start and m.type in PRODUCT_TYPES]
    products += list(ctx.previous_products)
    for m in products:
        entity = ctx.lexicon.entity(m.canonical)
        if entity is not None and entity.parent == maker and m.canonical not in exclude:
            return m.canonical
    return ""


# Between a product and a figure it owns: 的, a metric, a hedge (`H100的功耗约700W`).
_OWNED_FIGURE = re.compile(rf"\s*的\s*(?:{_METRIC})?\s*{_HEDGE}\s*")


def _subject(ctx: SentenceContext, pos: int, exclude: set[str] = frozenset(), skip: set[int] = frozenset()) -> str:
    """The product a figure at `pos` describes: the nearest product before it that is neither a
    reference nor a component (`skip`), else a technology, else the products of the sentence before,
    else a product just after, else a company."""
    zh = ctx.zh
    best = None
    owner = [m for m in ctx.mentions if m.start in skip and m.end <= pos and m.canonical not in exclude
             and _OWNED_FIGURE.fullmatch(zh, m.end, pos)]
    if owner:  # 较H100的700W: a figure written as the reference's own is the reference's
        return owner[-1].canonical
    for m in ctx.mentions:
        if m.end <= pos and pos - m.end <= 50 and m.type in PRODUCT_TYPES and m.canonical not in exclude:
            if _BRACKETED.fullmatch(zh, m.end, pos):  # H100 SXM（990T Flops）: the figure in its brackets
                return m.canonical
            if m.start not in skip:
                best = m
    pointed = _demonstrative(ctx, pos, best, exclude, skip)
    if pointed:
        return pointed
    clause_start, _ = ctx.clause_bounds(pos)
    if best is None or best.end <= clause_start:
        own = _clause_owner(ctx, clause_start, pos, exclude)
        if own:
            return own
    if best:
        return best.canonical
    m = ctx.nearest_before(pos, {"tech", "standard"}, limit=40, exclude=exclude)
    if m and not _COMPONENT_TECH.match(m.canonical):
        return m.canonical
    if ctx.previous_products:
        memory = _memory(ctx)
        candidates = [p for p in ctx.previous_products if p.canonical not in exclude
                      and p.canonical not in memory.get("bases", ())]
        if candidates:
            return candidates[-1].canonical
        for remembered in (memory.get("subject"), memory.get("topic")):
            if remembered and remembered not in exclude and remembered not in memory.get("bases", ()):
                return remembered  # 架构：基于CDNA 3平台 / 性能：…: the product the list describes
    m = ctx.nearest_after(pos, PRODUCT_TYPES, limit=30, exclude=exclude)
    if m:
        return m.canonical
    m = ctx.nearest_before(pos, {"company"}, limit=50, exclude=exclude)
    return m.canonical if m else ""


def _precision(ctx: SentenceContext, pos: int) -> str:
    found = list(_PRECISION.finditer(ctx.zh[:pos]))
    return _precision_name(found[-1]) if found else ""


def _precision_name(m: re.Match) -> str:
    return m.group(1).upper().replace("HIF8", "HiF8")


# Anything a spec could be written with. (The same test as FLOPS|OPS|[GTPEB/]|[Gg]b|nm|GPU|NPU|W|Hz…
# ignoring case, spelled out in both cases, which scans faster: FLOPS, OPS, GPU, NPU hold a P and Gb
# a G, so the class of single letters covers them.)
_MAYBE_SPEC = re.compile(r"[GTPEBWgtpebw/%]|[Hh][Zz]|[Nn][Mm]|纳米|奈米|卡|颗|张|块|枚|个|芯片|倍|成|分之|一半|半数|"
                         r"削减|降低|瓦|柜|机架|服务器|节点|次|总处理性能|门槛|翻")
_HEDGES = {"约": "约", "约为": "约", "大约": "约", "近": "近", "接近": "近", "将近": "近", "超过": "超", "超": "超",
           "逾": "超", "至少": "超", "不到": "不足", "不足": "不足"}


class _Drafts:
    """The drafts of one sentence; a draft overlapping one already taken is a repeat and dropped,
    unless it is a parallel item of the same figure (`显存和显存带宽`: one row each)."""

    def __init__(self) -> None:
        self.items: list[Draft] = []
        self.taken: list[tuple[int, int, str]] = []

    def overlaps(self, start: int, end: int, unit: str = "") -> bool:
        """Whether a figure in `unit` at start..end repeats one taken (any unit when none is given):
        `H100（990T Flops）算力的15%` holds a compute figure and a ratio, two figures."""
        return any(start < e and s < end and (not unit or u == unit) for s, e, u in self.taken)

    def add(self, d: Draft, parallel: bool = False) -> None:
        if not parallel and self.overlaps(d.start, d.end, d.unit):
            return
        self.taken.append((d.start, d.end, d.unit))
        self.items.append(d)


# Pre-filters: each is a cheap scan for text that every draft of one pass must contain, so a
# sentence without it cannot yield that pass's drafts and the pass is skipped. Each guarantees only
# that (it may let through sentences that yield nothing).
# Compute: a unit in FLOPS/OPS (`_COMPUTE`), a Chinese magnitude before 次 (`_COMPUTE_CN`: every
# magnitude ends in 亿 or 兆), or a digit before a bare magnitude letter (`_COMPUTE_BARE`). Spelled in both
# cases rather than ignoring case, which scans slower ([Oo][Pp] covers OPS in any case).
_MAYBE_COMPUTE = re.compile(r"[Oo][Pp]|亿次|兆次|\d\s*[TPE]")
# Bandwidth and memory: a digit before GB/TB/PB/Gb/Tb, or before G or T alone (`96G显存`).
_MAYBE_BYTES = re.compile(r"\d\s*[GTP]")
_MAYBE_NODE = re.compile(r"纳米|奈米|nm")
# Power: a unit (W, kW, KW, 瓦, 千瓦) and a word of power somewhere in the sentence.
_MAYBE_POWER_UNIT = re.compile(r"W|瓦")
_MAYBE_DIES = re.compile(r"[单双四八](?:芯片|die|Die|DIE)")
# Cards: a noun of chips or cards (卡 also ends 加速卡, 显卡; 颗 starts 颗粒), or a measure word 颗 / 张
# standing for the noun left out.
_MAYBE_CARDS = re.compile(r"卡|GPU|NPU|芯片|颗|张")
_MAYBE_UNITS = re.compile(r"柜|机架|服务器|节点")
# Counts of a named chip: a measure word before the name (`384颗昇腾910C`).
_MAYBE_NAMED_COUNT = re.compile(r"[张块颗枚个]")
# Ratios: a figure of a comparison (N倍, 翻番, N%, 百分之N, 三分之一, 1/3, 七成, 一半, 半数), or the % of a cut.
_MAYBE_RATIO = re.compile(r"倍|翻|[%％]|百分之|分之|[一二两三四五六七八九\d]成|一半|半数|\d\s*/\s*\d")
# Changes: a figure of a change (N倍, 翻番, N%, 百分之N, 三成); each also passes `_MAYBE_RATIO`.
_MAYBE_CHANGE = re.compile(r"倍|翻|[%％]|百分之|[一二两三四五六七八九\d]成")


# A product named as the basis of another (基于CDNA 3平台, 采用Hopper架构): not what the next
# sentence's figures describe.
_BASIS_BEFORE = re.compile(r"(?:基于|基於|采用|沿用|使用|建立在)\s*(?:最新的?|新一代的?)?\s*$")
_BASIS_AFTER = re.compile(r"\s*(?:的)?\s*(?:架构|平台|构架|微架构|制程|工艺|设计)")


def _memory(ctx: SentenceContext) -> dict:
    """The spec extractor's article memory: the last product a figure was given to (`subject`), the last
    product named other than as a basis (`topic`), and the products the last sentence named only as a
    basis (`bases`)."""
    return ctx.memory.setdefault("spec", {})


def _remember(ctx: SentenceContext, drafts: list[Draft]) -> None:
    memory = _memory(ctx)
    memory["bases"] = {m.canonical for m in ctx.mentions if m.type in PRODUCT_TYPES
                       and _BASIS_BEFORE.search(ctx.zh[max(0, m.start - 8) : m.start]) and _BASIS_AFTER.match(ctx.zh, m.end)}
    topics = [m.canonical for m in ctx.mentions if m.type in PRODUCT_TYPES and m.canonical not in memory["bases"]]
    if topics:
        memory["topic"] = topics[-1]
    named = [d.subject for d in drafts if d.subject and ctx.lexicon is not None
             and (e := ctx.lexicon.entity(d.subject)) is not None and e.type in PRODUCT_TYPES]
    if named:
        memory["subject"] = named[-1]


def extract(ctx: SentenceContext) -> list[Draft]:
    """Spec drafts of one sentence: figures with a unit, counts, thresholds, and comparisons."""
    drafts = _extract(ctx)
    _remember(ctx, drafts)
    return drafts


def _extract(ctx: SentenceContext) -> list[Draft]:
    zh = ctx.zh
    if not _MAYBE_SPEC.search(zh):
        return []
    out = _Drafts()
    skip = _roles(ctx)
    if _MAYBE_COMPUTE.search(zh):
        _computes(ctx, out, skip)
    if _MAYBE_BYTES.search(zh):
        _bandwidth_memory(ctx, out, skip)
    if _MAYBE_NODE.search(zh):
        _nodes(ctx, out, skip)
    if _MAYBE_POWER_UNIT.search(zh) and _POWER_CONTEXT.search(zh):
        _power(ctx, out, skip)
    if "Hz" in zh:
        _clock(ctx, out, skip)
    if _MAYBE_DIES.search(zh):
        _dies(ctx, out, skip)
    if _MAYBE_CARDS.search(zh):
        _cards(ctx, out, skip)
        _counts_after_noun(ctx, out, skip)
    if _MAYBE_UNITS.search(zh):
        _units(ctx, out, skip)
    if "TPP" in zh or "总处理性能" in zh:
        _tpp(ctx, out)
    if _MAYBE_NAMED_COUNT.search(zh):
        _named_counts(ctx, out)
    if _MAYBE_RATIO.search(zh):
        _ratios(ctx, out, skip)
        if _MAYBE_CHANGE.search(zh):
            _changes(ctx, out, skip)
    if any(d.unit == "ratio" and d.relative_to for d in out.items):  # an elliptic ratio continues one of these
        _elliptic_ratios(ctx, out)
    if not out.items:
        return []
    return _plural_anaphor(ctx, _coordinated(ctx, _respectively(ctx, _ranges(ctx, out.items), skip), skip))


# A demonstrative with a count standing for products named before (`这两款芯片`, `這兩款晶片`, `两者`).
_PLURAL_ANAPHOR = re.compile(r"(?:这|此|该|上述|前述)\s*(?P<n>两|二|三|四)\s*(?:款|颗|种|个|枚|套|代)\s*(?:新|新款|新一代)?\s*"
                             r"(?:芯片|GPU|产品|处理器|加速卡|显卡|系统|超节点|型号)|(?P<both>两者|二者)")
_STOP = re.compile(r"[。；;！？!?]")
_COUNTS = {"两": 2, "二": 2, "三": 3, "四": 4}


def _plural_anaphor(ctx: SentenceContext, drafts: list[Draft]) -> list[Draft]:
    """A figure of `这两款芯片` belongs to each of the products it stands for: the last ones named in this
    sentence before it, else the first ones the sentence before named (its topic, ahead of the products
    they were compared with). One draft per product, each ending one character apart (its own claim id)."""
    zh = ctx.zh
    extra: list[Draft] = []
    for a in _PLURAL_ANAPHOR.finditer(zh):
        n = 2 if a.group("both") else _COUNTS[a.group("n")]
        here = list(dict.fromkeys(m.canonical for m in ctx.mentions if m.end <= a.start() and m.type in PRODUCT_TYPES))
        before = list(dict.fromkeys(m.canonical for m in ctx.previous_products))
        pool = here[-n:] if len(here) >= n else before[:n] if len(before) >= n else []
        if not pool:
            continue
        for d in drafts:
            between = [m for m in ctx.mentions if a.end() <= m.start and m.end <= d.start and m.type in PRODUCT_TYPES]
            if d.start < a.end() or between or d.subject not in ("", *pool, *here, *before) or d.relative_to in pool:
                continue
            if _STOP.search(zh[a.end() : d.start]):
                continue  # the anaphor's sentence ended
            d.subject = pool[0]
            for i, name in enumerate(pool[1:], start=1):
                extra.append(Draft(**{**d.__dict__, "subject": name, "end": d.end - i}))
    return drafts + extra


# The low end of a range written before a figure (`300-350W`, `80GB至141GB`, `1.6~3.2TB/s`), its unit
# repeated or not; after 从/由 the pair is a change, not a range.
_RANGE_LOW = re.compile(rf"(?<![\d.,])({ARABIC})\s*(GB|TB|GB/s|TB/s|PB/s|W|kW|KW|千瓦|瓦|GHz|MHz|纳米|奈米|nm)?\s*(?:-|~|～|—|至|到)\s*$")
_RANGE_UNITS = {"GB", "TB", "GB/s", "TB/s", "PB/s", "W", "kW", "GHz", "MHz", "nm"}


def _ranges(ctx: SentenceContext, drafts: list[Draft]) -> list[Draft]:
    """Figures closing a range take its low end: a figure of the same unit just before is merged into
    one draft (`80GB至141GB`), a bare number becomes the low end (`300-350W`)."""
    zh = ctx.zh
    kept: list[Draft] = []
    for d in sorted(drafts, key=lambda d: d.start):
        low = _RANGE_LOW.search(zh[max(0, d.start - 16) : d.start]) if d.unit in _RANGE_UNITS and d.from_value is None else None
        if low is None or re.search(r"(?:从|由|自)\s*$", zh[: d.start - len(low.group(0))]):
            kept.append(d)
            continue
        low_value = parse_number(low.group(1))
        low_start = d.start - len(low.group(0))
        if low_value is None or d.value is None or not low_value < d.value:
            kept.append(d)
            continue
        before = [k for k in kept if k.unit == d.unit and k.start == low_start]
        if before:  # 80GB至141GB: the first figure's draft closes with this one
            before[0].value_max, before[0].end = d.value, d.end
            continue
        d.value_max, d.value, d.start = d.value, low_value, low_start
        kept.append(d)
    return kept


def _runs(ctx: SentenceContext, names: list, start: int, end: int) -> list:
    """The last run of coordinated names between start and end (`A、B和C`); a maker written right
    before its product (`华为昇腾`) is one name."""
    zh = ctx.zh
    run: list = []
    for m in names:
        if m.start < start or m.end > end:
            continue
        if run and zh[run[-1].end : m.start] == "":
            run[-1] = m
        elif run and _COORDINATOR.fullmatch(zh[run[-1].end : m.start]):
            run.append(m)
        else:
            run = [m]
    return run


def _respectively(ctx: SentenceContext, drafts: list[Draft], skip: set[int]) -> list[Draft]:
    """`A和B的算力分别为2P和4P`: the figures after 分别 go to the coordinated subjects in order,
    when there are as many of one metric as subjects."""
    zh = ctx.zh
    at = zh.find("分别")
    if at < 0 or len(drafts) < 2:
        return drafts
    names = [m for m in ctx.mentions if m.type in PRODUCT_TYPES | {"company", "tech"} and m.start not in skip]
    clause_start, _ = ctx.clause_bounds(at)
    run = _runs(ctx, names, clause_start, at)
    after = [d for d in drafts if d.start > at]
    metrics = {d.metric for d in after}
    if len(run) >= 2 and len(metrics) == 1 and len(after) == len(run):
        for d, m in zip(sorted(after, key=lambda d: d.start), run):
            d.subject = m.canonical
    # `FP8和FP4算力分别达到2P和4P`: coordinated precisions before 分别, one compute figure each.
    precisions = _coordinated_precisions(zh[clause_start:at])
    compute = sorted((d for d in after if d.metric.endswith("算力")), key=lambda d: d.start)
    if len(precisions) >= 2 and len(compute) == len(precisions):
        for d, precision in zip(compute, precisions):
            d.metric = f"{precision}算力"
            if precision.startswith("INT") and d.unit.endswith("FLOPS"):
                d.unit = d.unit[: -len("FLOPS")] + "OPS"
            elif not precision.startswith("INT") and d.unit.endswith("OPS") and not d.unit.endswith("FLOPS"):
                d.unit = d.unit[: -len("OPS")] + "FLOPS"
    return drafts


# Precisions joined by coordinators (`FP8和FP4`, `FP16、BF16与FP8`).
_PRECISION_LIST = re.compile(rf"{_PRECISION.pattern}(?:\s*(?:、|和|与|及|以及|/)\s*{_PRECISION.pattern})+", re.IGNORECASE)


def _coordinated_precisions(text: str) -> list[str]:
    """The precisions of the last coordinated list of them in `text`, in order ([] without one)."""
    lists = list(_PRECISION_LIST.finditer(text))
    if not lists:
        return []
    return [_precision_name(m) for m in _PRECISION.finditer(lists[-1].group(0))]


_COORDINATOR = re.compile(r"\s*(?:、|和|与|及|以及|跟)\s*")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# After coordinated names, words that share the predicate among them (`A、B等`, `A和B均`).
_SHARED_PREDICATE = re.compile(r"等|的|均|都|皆|同样|也")


def _coordinated(ctx: SentenceContext, drafts: list[Draft], skip: set[int]) -> list[Draft]:
    """One draft per subject where the clause is about coordinated subjects (`A、B等国产卡的能效是…`):
    the draft of the last-named subject is repeated for the others, each from its own name. A maker
    written before its product (`华为昇腾`) is one subject; `分别` gives each subject its own figure."""
    zh = ctx.zh
    names = [m for m in ctx.mentions if m.type in PRODUCT_TYPES | {"company", "tech"} and m.start not in skip]
    if len(names) < 2 or not drafts:
        return drafts
    extra: list[Draft] = []
    for d in drafts:
        if d.subject in ("", "出口管制") or d.unit == "nm":
            continue
        clause_start, _ = ctx.clause_bounds(d.start)
        run = _runs(ctx, names, clause_start, d.start)
        if len(run) < 2 or d.subject not in {m.canonical for m in run} or "分别" in zh[run[-1].end : d.end]:
            continue
        if _HAN.match(zh, run[-1].end) and not _SHARED_PREDICATE.match(zh, run[-1].end):
            continue
        for m in run:
            if m.canonical != d.subject:
                copy = Draft(**{**d.__dict__, "subject": m.canonical, "start": min(m.start, d.start)})
                extra.append(copy)
    return drafts + extra


# A figure bounding the chips a rule covers (`算力超过4800 TOPS的芯片须申请许可`): bounded, then
# naming a class of chips.
_BOUNDED_CHIPS = re.compile(r"\s*(?:以上|以下|以内)?\s*的\s*(?:[\u4e00-\u9fffA-Za-z]{0,4}?)(?:芯片|GPU|产品|处理器|加速卡|半导体)")


def _rule_bound(zh: str, start: int, end: int) -> bool:
    """Whether the figure at start..end is a rule's threshold: a sentence of rules, a bound on the
    figure, and the chips it bounds after it."""
    bounded = _BOUND_BEFORE.search(zh[max(0, start - 4) : start]) or re.match(r"\s*(?:以上|以下|以内)", zh[end:])
    return bool(bounded and _RULE.search(zh) and _BOUNDED_CHIPS.match(zh, end))


def _computes(ctx: SentenceContext, out: _Drafts, skip: set[int]) -> None:
    """Compute figures, with thresholds written as a change (门槛从4800 TOPS降至2400 TOPS)."""
    zh = ctx.zh
    computes = list(_COMPUTE.finditer(zh))
    skip_next = False
    for i, m in enumerate(computes):
        if skip_next:
            skip_next = False
            continue
        low = parse_number(m.group(1)) if m.group(1) else None
        value = parse_number(m.group(2))
        if value is None:
            continue
        value_max = None
        if low is not None and low < value:
            value, value_max = low, value
        unit = _compute_unit(m.group(3))
        threshold = "门槛" in zh[max(0, m.start() - 20) : m.start()] or "阈值" in zh[max(0, m.start() - 20) : m.start()] \
            or _rule_bound(zh, m.start(), m.end())
        subject = "出口管制" if threshold else _subject(ctx, m.start(), skip=skip)
        nxt = computes[i + 1] if i + 1 < len(computes) else None
        if nxt is not None and re.search(r"(降|升|提高|调|放宽|收紧).{0,3}(至|到|为)\s*$", zh[m.end() : nxt.start()]) \
                and len(zh[m.end() : nxt.start()]) <= 10:
            to_value = parse_number(nxt.group(2))
            out.add(Draft(kind="spec", start=m.start(), end=nxt.end(), subject=subject,
                          metric="算力门槛" if threshold else f"{_precision(ctx, m.start())}算力",
                          value=to_value, unit=unit, from_value=value, to_value=to_value,
                          hedge=hedge_for(zh, nxt.start(), nxt.end()), date=ctx.date_for(m.start())))
            skip_next = True
            continue
        out.add(Draft(kind="spec", start=m.start(), end=m.end(), subject=subject,
                      metric="算力门槛" if threshold else f"{_precision(ctx, m.start())}算力",
                      value=value, value_max=value_max, unit=unit, hedge=hedge_for(zh, m.start(), m.end())))
    # 每秒400万亿次浮点运算: operations per second in Chinese magnitudes
    for m in _COMPUTE_CN.finditer(zh):
        if not (m.group(1) or m.group(4) or _COMPUTE_CONTEXT.search(zh[max(0, m.start() - 12) : m.start()])):
            continue
        count = parse_number(m.group(2)) if m.group(2) else 1
        if count is None or out.overlaps(m.start(), m.end()):
            continue
        factor, letter = _OPS_MAGNITUDES[m.group(3)]
        precision = _precision(ctx, m.start())
        ops = m.group(4) in ("整数", "定点") or precision.startswith("INT")
        start = m.start(2) if m.group(2) else m.start()
        out.add(Draft(kind="spec", start=start, end=m.end(), subject=_subject(ctx, m.start(), skip=skip),
                      metric=f"{precision}算力", value=count * factor, unit=f"{letter}{'OPS' if ops else 'FLOPS'}",
                      hedge=hedge_for(zh, m.start(), m.end())))
    # 2P, 4E: the magnitude letter alone, where the clause speaks of compute
    last_end = -10
    for m in _COMPUTE_BARE.finditer(zh):
        in_a_list = re.fullmatch(r"\s*(?:和|、|与|及|/|,|，)\s*", zh[last_end : m.start()]) is not None  # 1P和2P
        clause_start, _ = ctx.clause_bounds(m.start())
        previous_start, _ = ctx.clause_bounds(max(0, clause_start - 1))
        if not (in_a_list or _COMPUTE_CONTEXT.search(zh[previous_start : m.start()])) \
                or out.overlaps(m.start(), m.end()):
            continue
        last_end = m.end()
        value = parse_number(m.group(1))
        precision = _precision(ctx, m.start())
        unit = f"{m.group(2)}{'OPS' if precision.startswith('INT') else 'FLOPS'}"  # INT8 296T is TOPS
        out.add(Draft(kind="spec", start=m.start(), end=m.end(), subject=_subject(ctx, m.start(), skip=skip),
                      metric=f"{precision}算力", value=value, unit=unit,
                      hedge=hedge_for(zh, m.start(), m.end())))


def _bandwidth_memory(ctx: SentenceContext, out: _Drafts, skip: set[int]) -> None:
    zh = ctx.zh
    units = {"GB": "GB/s", "TB": "TB/s", "PB": "PB/s", "Gb": "Gb/s", "Tb": "Tb/s"}
    bandwidths = sorted(list(_BANDWIDTH.finditer(zh)) + list(_BANDWIDTH_PER_SECOND.finditer(zh)), key=lambda m: m.start())
    for i, m in enumerate(bandwidths):
        value = parse_number(m.group(1))
        unit = units[m.group(2)]
        near = zh[max(0, m.start() - 15) : m.start()]
        metric = "互联带宽" if re.search(r"互联|互连|NVLink|灵衢|UB|片间|卡间", near) else "带宽"
        subject = _subject(ctx, m.start(), skip=skip)
        nxt = bandwidths[i + 1] if i + 1 < len(bandwidths) else None
        if nxt is not None and units[nxt.group(2)] == unit and _CHANGE_TO.fullmatch(zh[m.end() : nxt.start()]):
            # 从600GB/s降到400GB/s: one figure, changed
            to_value = parse_number(nxt.group(1))
            lead = _CHANGE_FROM.search(zh[max(0, m.start() - 14) : m.start()])
            if lead:
                subject = _subject(ctx, m.start() - len(lead.group(0)), skip=skip)
            out.add(Draft(kind="spec", start=m.start(), end=nxt.end(), subject=subject, metric=metric,
                          value=to_value, unit=unit, from_value=value, to_value=to_value,
                          hedge=hedge_for(zh, nxt.start(), nxt.end())))
            continue
        out.add(Draft(kind="spec", start=m.start(), end=m.end(), subject=subject,
                      metric=metric, value=value, unit=unit, hedge=hedge_for(zh, m.start(), m.end())))
    memories = sorted(list(_MEMORY.finditer(zh)) + list(_MEMORY_SHORT.finditer(zh)) + list(_MEMORY_SHORT_AFTER.finditer(zh)),
                      key=lambda m: m.start(1))
    i = 0
    while i < len(memories):
        m = memories[i]
        i += 1
        if out.overlaps(m.start(1), m.end()):
            continue
        value = parse_number(m.group(1))
        unit = "GB" if m.group(2) in ("GB", "G") else "TB"
        near = zh[max(0, m.start(1) - 20) : m.start(1)]
        if re.search(r"HBM|高带宽内存", zh):
            metric = "HBM容量"
        elif re.search(r"显存", near):
            metric = "显存容量"
        else:
            metric = "内存容量"
        start = m.start(1)
        nxt = memories[i] if i < len(memories) else None
        if nxt is not None and _CHANGE_TO.fullmatch(zh[m.end() : nxt.start(1)]):
            # 显存由96GB缩减至84GB: one figure, changed; the subject stands before 从/由
            to_value = parse_number(nxt.group(1))
            lead = _CHANGE_FROM.search(zh[max(0, start - 14) : start])
            at = start - len(lead.group(0)) if lead else start
            out.add(Draft(kind="spec", start=start, end=nxt.end(), subject=_subject(ctx, at, skip=skip),
                          metric=metric, value=to_value, unit="GB" if nxt.group(2) in ("GB", "G") else "TB",
                          from_value=value, to_value=to_value, hedge=hedge_for(zh, nxt.start(1), nxt.end())))
            i += 1
            continue
        out.add(Draft(kind="spec", start=start, end=m.end(), subject=_subject(ctx, start, skip=skip),
                      metric=metric, value=value, unit=unit, hedge=hedge_for(zh, start, m.end())))


def _nodes(ctx: SentenceContext, out: _Drafts, skip: set[int]) -> None:
    """Process nodes; a pair (`4/5纳米`) is a range."""
    zh = ctx.zh
    for m in _NODE.finditer(zh):
        value = parse_number(m.group(1))
        if value is None or value > 100:
            continue
        if _NODE_AS_MODIFIER.match(zh[m.end() :]):
            continue
        value_max = parse_number(m.group(2)) if m.group(2) else None
        if value_max is not None and not value < value_max <= 100:
            value_max = None
        out.add(Draft(kind="spec", start=m.start(), end=m.end(),
                      subject=_node_subject(ctx, m.start(), skip) or _subject(ctx, m.start(), skip=skip),
                      metric="制程", value=value, value_max=value_max, unit="nm", hedge=_hedge_across(zh, m.start(), m.end())))


def _hedge_across(zh: str, start: int, end: int) -> str:
    """The hedge of a figure, also when a verb of likeness stands between (`约相当于7纳米`)."""
    copula = _COPULA_BEFORE.search(zh[max(0, start - 5) : start])
    return hedge_for(zh, start, end) or (hedge_before(zh, start - len(copula.group(0))) if copula else "")


# A company as the maker of a product: after 由 / 交由 (由台积电代工), or before 代工 / 生产 with the node between.
_MADE_BY_BEFORE = re.compile(r"(?:由|交由|委由|委托|交给)\s*$")
_MAKES_AFTER = re.compile(rf"\s*(?:以|用|采用|使用)?\s*(?:(?:{ARABIC})\s*(?:纳米|奈米|nm))?\s*(?:制程|工艺|技术)?\s*(?:代工|生产|制造|量产)")


def _node_subject(ctx: SentenceContext, pos: int, skip: set[int]) -> str:
    """Whose process node a figure at `pos` is: the name written right before it, else the entity leading its clause, or, when the clause
    names none before the figure, the one leading the nearest clause before that does (`麒麟9000交由
    台积电生产，使用5纳米制程` is the Kirin's; `台积电的3纳米产能` the foundry's). A maker written
    right before its product (`寒武纪思元590`) stands for the product."""
    zh = ctx.zh
    names = [m for m in ctx.mentions if m.end <= pos and m.start not in skip and m.type in PRODUCT_TYPES | {"company"}]
    # A foundry named as the one making a product named before it (麒麟9000S由海思研发、中芯国际以7纳米工艺量产;
    # 麒麟9000交由台积电代工，并采用5纳米): the node is the product's.
    foundries = [m for m in names if m.type == "company" and (_MADE_BY_BEFORE.search(zh[max(0, m.start - 3) : m.start])
                                                               or _MAKES_AFTER.match(zh, m.end))]
    if foundries:
        made = [m for m in names if m.type in PRODUCT_TYPES and m.end <= foundries[-1].start]
        if made:
            return made[0].canonical
    if names and re.fullmatch(r"\s*(?:的|采用|使用|用|以|已|将)?\s*", zh[names[-1].end : pos]):
        return names[-1].canonical  # 中芯国际7纳米, 思元590采用7纳米: the name the node is written with
    end = pos
    while end > 0:
        clause_start, _ = ctx.clause_bounds(end - 1)
        here = [m for m in names if m.start >= clause_start and m.end <= end]
        if here:
            lead = here[0]
            if lead.type == "company" and len(here) > 1 and here[1].type in PRODUCT_TYPES \
                    and zh[lead.end : here[1].start].strip() in ("", "的"):
                lead = here[1]
            return lead.canonical
        end = clause_start - 1
    return ""


def _power(ctx: SentenceContext, out: _Drafts, skip: set[int]) -> None:
    """Power in W or kW, where the clause speaks of power."""
    zh = ctx.zh
    for m in _POWER.finditer(zh):
        clause_start, _ = ctx.clause_bounds(m.start())
        if not _POWER_CONTEXT.search(zh[max(0, clause_start - 10) : m.end() + 4]):
            continue
        value = parse_number(m.group(1))
        unit = "kW" if m.group(2) in ("kW", "KW", "千瓦") else "W"
        out.add(Draft(kind="spec", start=m.start(), end=m.end(), subject=_subject(ctx, m.start(), skip=skip),
                      metric="功耗", value=value, unit=unit, hedge=hedge_for(zh, m.start(), m.end())))


def _clock(ctx: SentenceContext, out: _Drafts, skip: set[int]) -> None:
    """Clock rates in GHz or MHz."""
    for m in _CLOCK.finditer(ctx.zh):
        out.add(Draft(kind="spec", start=m.start(), end=m.end(), subject=_subject(ctx, m.start(), skip=skip),
                      metric="主频", value=parse_number(m.group(1)), unit=m.group(2),
                      hedge=hedge_for(ctx.zh, m.start(), m.end())))


def _dies(ctx: SentenceContext, out: _Drafts, skip: set[int]) -> None:
    """Dies per package: `B300为双芯片` is 2 chips of B300."""
    for m in _DIES.finditer(ctx.zh):
        group = 1 if m.group(1) else 2
        start = m.start(group)
        out.add(Draft(kind="spec", start=start, end=m.end(), subject=_subject(ctx, start, skip=skip),
                      metric="芯片数", value=float(_DIE_COUNTS[m.group(group)]), unit="chips"))


_COUNT_DIGIT = re.compile(r"\d|[一二两三四五六七八九十百千万]")


def _count_value(raw: str) -> float | None:
    raw = raw.replace(" ", "")
    if not _COUNT_DIGIT.search(raw):
        return None
    value = parse_number(raw)
    if value is None or value < 2 or not float(value).is_integer():
        return None
    return value


def _bound_hedge(zh: str, start: int, bound: str | None) -> str:
    """The hedge of a bounded count: 超过/以上 → 超, 少于/以下 → 不足."""
    if bound:
        return "超" if bound in ("以上", "之多") else "不足"
    m = _BOUND_BEFORE.search(zh[max(0, start - 4) : start])
    if not m:
        return ""
    return "超" if m.group(1) in ("超过", "多于", "高于", "逾", "超") else "不足"


def _qualifies_count(ctx: SentenceContext, start: int, end: int) -> bool:
    """Whether the words between a count's measure word and its noun qualify the chips: words of
    origin or kind, names the lexicon knows, a model name in Latin letters."""
    zh = ctx.zh
    covered = [False] * (end - start)
    for m in ctx.mentions:
        for i in range(max(m.start, start), min(m.end, end)):
            covered[i - start] = True
    for q in _COUNT_QUALIFIER.finditer(zh, start, end):
        for i in range(q.start(), q.end()):
            covered[i - start] = True
    return all(c or not _HAN.match(zh, start + i) for i, c in enumerate(covered))


def _cards(ctx: SentenceContext, out: _Drafts, skip: set[int]) -> None:
    """Cards or chips in a system (`支持8192张卡`, `4096卡`, `万卡级集群`), and a rule's threshold
    in chips (`购买超过五百颗芯片的…须提前申报`)."""
    zh = ctx.zh
    taken = -1  # the end of the last count taken: a later match inside it is part of it
    for m in _count_matches(zh):
        if m.start() < taken:
            continue
        more, measure, bound, noun = m.group(2), m.group(3), m.group(4), m.group(6)
        if measure == "片":  # 出货量超30万片: volumes, not a system's size
            continue
        if not noun and measure not in ("颗", "张"):  # no noun, and no measure word standing for one (see below)
            continue
        value = _count_value(m.group(1))
        if value is None:
            continue
        if not _qualifies_count(ctx, m.start(5), m.end(5)):
            continue
        # A volume verb may stand further back in the clause (订购了价值160亿美元、约100万颗H20芯片).
        clause_start, _ = ctx.clause_bounds(m.start())
        before = zh[max(0, m.start() - 6) : m.start()]
        if _VOLUME.search(before) or _VOLUME_VERB.search(zh[max(clause_start, m.start() - 20) : m.start()]):
            hedge = _bound_hedge(zh, m.start(), bound)
            if hedge and noun and _RULE.search(zh):
                out.add(Draft(kind="spec", start=m.start(), end=m.end(), subject="出口管制", metric="芯片数量门槛",
                              value=value, unit="cards" if noun.endswith("卡") else "chips", hedge=hedge))
            continue
        if not noun:  # 15,488颗, with the noun left out: only for a system named just before
            system = ctx.nearest_before(m.start(), {"system"}, limit=25)
            if measure not in ("颗", "张") or system is None:
                continue
            noun = "卡" if measure == "张" else "芯片"
        # 张 and 块 count cards (`一万五千多张昇腾960`), 颗 and 个 count chips (`72个GPU`).
        unit = "cards" if noun in ("卡", "加速卡", "算力卡", "显卡") or measure in ("张", "块") else "chips"
        if measure is None:  # 8卡昇腾集群, 最多可连接4096卡, 千卡级: a system's size
            if noun != "卡":
                continue
            follower = ctx.nearest_after(m.end(), PRODUCT_TYPES, limit=4)
            if not (follower or _CARDS_SCALE.match(zh, m.end()) or _CARDS_LEAD.search(zh[max(0, m.start() - 9) : m.start()])):
                continue
            subject = follower.canonical if follower else _subject(ctx, m.start(), skip=skip)
        else:
            subject = _subject(ctx, m.start(), skip=skip)
        hedge = _bound_hedge(zh, m.start(), bound) if bound else "超" if more else hedge_for(zh, m.start(), m.end())
        out.add(Draft(kind="spec", start=m.start(), end=m.end(), subject=subject, metric="卡数",
                      value=value, unit=unit, hedge=hedge))
        taken = m.end()


# The count after its noun (`超节点内的芯片数量达到8192颗`, `GPU总数为72个`).
_COUNT_AFTER_NOUN = re.compile(rf"(?P<noun>芯片|GPU|NPU|加速卡|算力卡|显卡|卡)的?(?:数量|数目|总数|总量)\s*(?:将|可|也|已)?\s*"
                               rf"(?:达到|达|为|是|高达|多达|超过|逾|约为|约|可达|在)?\s*(?P<count>{_COUNT})\s*(?P<more>多|余)?\s*"
                               r"(?P<measure>颗|张|块|枚|个)?(?![\d万亿])")


def _counts_after_noun(ctx: SentenceContext, out: _Drafts, skip: set[int]) -> None:
    """A system's chips counted after the noun, outside volumes (出货芯片数量 is a volume)."""
    zh = ctx.zh
    for m in _COUNT_AFTER_NOUN.finditer(zh):
        value = _count_value(m.group("count"))
        if value is None or value < 2 or out.overlaps(m.start(), m.end()) \
                or _VOLUME.search(zh[max(0, m.start() - 8) : m.start()]):
            continue
        unit = "cards" if m.group("noun").endswith("卡") or m.group("measure") in ("张", "块") else "chips"
        hedge = "超" if m.group("more") else hedge_for(zh, m.start("count"), m.end())
        out.add(Draft(kind="spec", start=m.start(), end=m.end(), subject=_subject(ctx, m.start(), skip=skip),
                      metric="卡数", value=value, unit=unit, hedge=hedge))


def _count_matches(zh: str):
    """_CARDS's matches, each search resuming just after the count it found: a figure that is no count
    (`Atlas 950满配支持256卡`: 950 is part of a name) does not hide the count inside its match."""
    pos = 0
    while (m := _CARDS.search(zh, pos)) is not None:
        yield m
        pos = max(m.end(1), m.start() + 1)


def _units(ctx: SentenceContext, out: _Drafts, skip: set[int]) -> None:
    """Cabinets and racks (`64个计算柜`), servers (`16台服务器`), nodes (`8个节点`) of a system."""
    zh = ctx.zh
    for m in _UNITS.finditer(zh):
        value = _count_value(m.group(1))
        if value is None or _VOLUME.search(zh[max(0, m.start() - 6) : m.start()]):
            continue
        measure, noun = m.group(2), m.group(3)
        if noun.endswith("服务器"):
            if measure not in ("台", "个", "套"):
                continue
            unit, metric = "servers", "服务器数"
        elif noun.endswith("节点"):
            if measure != "个":
                continue
            unit, metric = "nodes", "节点数"
        else:
            unit, metric = "cabinets", "机柜数"
        out.add(Draft(kind="spec", start=m.start(), end=m.end(), subject=_subject(ctx, m.start(), skip=skip),
                      metric=metric, value=value, unit=unit, hedge=hedge_for(zh, m.start(), m.end())))


def _tpp(ctx: SentenceContext, out: _Drafts) -> None:
    """Export-control thresholds in TPP (总处理性能), or a chip's own TPP."""
    zh = ctx.zh
    for m in _TPP.finditer(zh):
        value = parse_number(m.group(2))
        if value is None or value < 100:
            continue
        hedge = {"低于": "不足", "小于": "不足", "<": "不足", "不超过": "不足", "不得超过": "不足", "不能超过": "不足",
                 "不可超过": "不足", "不应超过": "不足", "不得高于": "不足", "高于": "超", "超过": "超",
                 "大于": "超", ">": "超", "≥": "超", ">=": "超", "约为": "约", "约": "约"}.get(m.group(1) or "", "") \
            or hedge_after(zh, m.end())
        chip = ctx.nearest_before(m.start(), PRODUCT_TYPES, limit=4)  # H200的TPP约为15,832: the chip's own TPP
        if chip is not None:
            out.add(Draft(kind="spec", start=chip.start, end=m.end(), subject=chip.canonical, metric="TPP",
                          value=value, unit="TPP", hedge=hedge))
        else:
            out.add(Draft(kind="spec", start=m.start(), end=m.end(), subject="出口管制", metric="TPP门槛",
                          value=value, unit="TPP", hedge=hedge))
    if "TPP" in zh or "总处理性能" in zh:
        for m in _TPP_THRESHOLD.finditer(zh):
            value = parse_number(m.group(1))
            if value is not None and value >= 100:
                out.add(Draft(kind="spec", start=m.start(), end=m.end(), subject="出口管制", metric="TPP门槛",
                              value=value, unit="TPP", hedge=hedge_for(zh, m.start(1), m.end())))


# A count and its measure word before a chip's name, with up to four qualifying characters between (`384颗华为`).
_COUNT_BEFORE_NAME = re.compile(rf"((?:{ARABIC})\s*万?|[一二两三四五六七八九十百千]+万?)\s*(?P<more>多|余)?\s*(张|块|颗|枚|个)\s*([^\d，,。；;、]{{0,4}}?)\s*$")


def _named_counts(ctx: SentenceContext, out: _Drafts) -> None:
    """N块H100: a count of a named chip, qualified or not (`384颗华为昇腾910C`); the count is the size of
    the system hosting them when one is named before them in the sentence (`CloudMatrix 384由384颗
    昇腾910C组成`), else of the chip's own deployment."""
    zh = ctx.zh
    for mention in ctx.mentions:
        if mention.type != "chip":
            continue
        head = zh[max(0, mention.start - 14) : mention.start]
        m = _COUNT_BEFORE_NAME.search(head)
        if m and m.group(4) and not _qualifies_count(ctx, mention.start - len(head) + m.start(4), mention.start - len(head) + m.end(4)):
            continue
        if m and not _VOLUME.search(zh[max(0, mention.start - 22) : mention.start - len(head) + m.start()]):
            value = parse_number(m.group(1).replace(" ", ""))
            if value and value >= 2:
                start = mention.start - len(head) + m.start()
                host = ctx.nearest_before(start, {"system"}, limit=40)
                out.add(Draft(kind="spec", start=start, end=mention.end, subject=host.canonical if host else mention.canonical, metric="卡数",
                              value=value, unit="cards" if m.group(3) in ("张", "块") else "chips",
                              hedge="超" if m.group("more") else hedge_for(zh, start, mention.end)))


# ------------------------------------------------------------ comparisons

def _figure(m: re.Match, up: bool | None) -> tuple[float | None, float | None]:
    """The ratio a comparison states, and the top of its range: N倍 is N; N% is N/100 of the reference,
    or with a direction 1 ± N/100 (`高出30%` = 1.3, `落后5%` = 0.95); a fraction is its share."""
    if m.group("times"):
        if up is False:
            return None, None
        first = m.group("times")
        value = 0.5 if first == "半" else parse_number(first)
        top = parse_number(m.group("times_max")) if m.group("times_max") else None
        return value, top
    if m.groupdict().get("pct_cn"):
        low = parse_percent("百分之" + m.group("pct_cn"))
        if low is None or low <= 0:
            return None, None
        value = low / 100 if up is None else 1 + (low if up else -low) / 100
        return (round(value, 4), None) if value > 0 else (None, None)
    if m.group("pct"):
        low = parse_number(m.group("pct"))
        top = parse_number(m.group("pct_max")) if m.group("pct_max") else None
        if low is None:
            return None, None
        if up is None:
            values = [v / 100 for v in (low, top) if v is not None]
        else:
            values = [1 + (v if up else -v) / 100 for v in (low, top) if v is not None]
        values = sorted(round(v, 4) for v in values)
        if values[0] <= 0:
            return None, None
        return values[0], (values[-1] if len(values) == 2 else None)
    groups = m.groupdict()
    if groups.get("cheng"):  # 三成 as a change: 1 ± 0.3
        share = parse_percent(groups["cheng"])
        if share is None or up is None or share >= 100:
            return None, None
        return round(1 + (share if up else -share) / 100, 4), None
    if groups.get("frac"):
        slash = re.fullmatch(r"(\d+)\s*/\s*(\d+)", groups["frac"])  # 1/3
        if slash:
            top_, bottom = int(slash.group(1)), int(slash.group(2))
            return (round(top_ / bottom, 4), None) if 0 < top_ < bottom else (None, None)
        share = parse_percent(groups["frac"])
        return (round(share / 100, 4), None) if share is not None else (None, None)
    return None, None


def _is_up(verb: str) -> bool:
    return bool(re.fullmatch(_UP + r"|增强|改善|加快", verb))


def _metric_name(word: str | None, context: str = "") -> str:
    if not word:
        return "算力" if "算力" in context else "性能"
    return _METRIC_NAMES.get(word, word)


def _references(ctx: SentenceContext) -> list[tuple[int, int, str]]:
    """What a comparison may be against, in order: products (and a company's `同类芯片`), and
    anaphors resolved to the product meant (`其`, `它`; `上一代` is left unnamed)."""
    zh = ctx.zh
    refs: list[tuple[int, int, str]] = []
    for m in ctx.mentions:
        if m.type in PRODUCT_TYPES:
            refs.append((m.start, m.end, m.canonical))
        elif m.type == "company" and _PRODUCT_CLASS.match(zh, m.end):
            refs.append((m.start, m.end, m.canonical))
    for model in _REF_MODEL_NAME.finditer(zh):  # 比RTX 5090D V2高出1%, 为Trainium2的1.5倍: a model the lexicon does not know
        if (_COMPARE_LEAD.search(zh[max(0, model.start() - 8) : model.start()])
                or _TIMES_BEFORE.search(zh[max(0, model.start() - 14) : model.start()])
                or (o := _OF_RATIO.match(zh, model.end())) and o.group("of")) \
                and not any(s < model.end() and model.start() < e for s, e, _ in refs):
            refs.append((model.start(), model.end(), model.group(0).strip()))
    resolved = ""  # 其 again in the same sentence means what it meant the first time
    for a in _ANAPHOR.finditer(zh):
        if any(s <= a.start() < e for s, e, _ in refs):
            continue
        word = a.group(0)
        if word.startswith(_PREVIOUS_GENERATION) or word.startswith("第"):
            name = ""
        elif word in ("其", "它") and resolved:
            name = resolved
        else:
            name = _resolve_anaphor(ctx, a.start())
            if word in ("其", "它") and _binds_figure(zh, a.end()):
                resolved = name
        refs.append((a.start(), a.end(), name))
    refs.sort()
    return refs


def _binds_figure(zh: str, end: int) -> bool:
    """Whether the anaphor ending at `end` is a comparison's reference (`其4倍`, `它的一半`), not a possessive."""
    return bool(_OF_RATIO.match(zh, end) or _COMPARE.match(zh, end))


def _resolve_anaphor(ctx: SentenceContext, pos: int) -> str:
    """The product 其 / 它 at `pos` stands for: the reference of a comparison opened before it
    (`相比B200，…是它的3.2倍`), else the nearest product before it outside its own clause, else the
    last product of the sentence before; "" when the text does not name it."""
    zh = ctx.zh
    clause_start, _ = ctx.clause_bounds(pos)
    before = [m for m in ctx.mentions if m.end <= pos and m.type in PRODUCT_TYPES]
    if zh.startswith(("前者", "后者"), pos):  # the first or the second of the last two products named
        named = [p.canonical for p in ctx.previous_products] + [m.canonical for m in before]
        named = [n for i, n in enumerate(named) if n not in named[i + 1 :]]
        if len(named) >= 2:
            return named[-2] if zh.startswith("前者", pos) else named[-1]
        return ""
    for m in reversed(before):
        if re.search(r"(?:相比|相较于?|较|比|对比|与|和)\s*$", zh[max(0, m.start - 4) : m.start]):
            return m.canonical
    outside = [m for m in before if m.end <= clause_start]
    if outside:
        return outside[-1].canonical
    if before:  # X的带宽是其4倍: 其 is not X itself
        names = {m.canonical for m in before}
        earlier = [p for p in ctx.previous_products if p.canonical not in names]
        return earlier[-1].canonical if earlier else ""
    return ctx.previous_products[-1].canonical if ctx.previous_products else ""


def _ratios(ctx: SentenceContext, out: _Drafts, skip: set[int]) -> None:
    """Ratios against a reference: `是H20的两倍`, `L20是L40S算力规模的32%`, `为其一半`,
    `比H20高出约30%-50%`, `较其…约落后5%`, `H20削减约70%` (legacy form: the subject cut against H20)."""
    zh = ctx.zh
    for start, end, ref in _references(ctx):
        tail_start = end
        lead = _COMPARE_LEAD.search(zh[max(0, start - 6) : start])
        found = None
        if lead:
            c = _COMPARE.match(zh, tail_start)
            if c and len(c.group(0)) <= 44:
                value, top = _figure(c, _is_up(c.group("verb")))
                if c.group("times") and _is_up(c.group("verb")) and value is not None and value <= 1:
                    value = None  # 快一倍: a doubling or 1, the text does not say which
                hedge = c.group("hedge") or c.group("hedge2") or ""
                found = (c, value, top, hedge, c.group("metric"), start - len(lead.group(0)))
        verb = _VERB_LEAD.search(zh[max(0, start - 3) : start]) if not found else None
        if verb:
            v = _VERB_LED_FIGURE.match(zh, tail_start)
            if v:
                value, top = _figure(v, verb.group(1) in ("高出", "超出", "领先", "快于", "高于"))
                found = (v, value, top, v.group("hedge") or "", None, start - len(verb.group(0)))
        times_before = _TIMES_BEFORE.search(zh[max(0, start - 14) : start]) if not found else None
        if times_before:
            value, top = _figure(times_before, None)
            found = (None, value, top, times_before.group("hedge") or "", None, start - len(times_before.group(0)))
        if not found:
            o = _OF_RATIO.match(zh, tail_start)
            # R的N倍; 其 binds its figure without 的 (`为其一半`), and so does R after a copula (`约为H100三分之一`).
            if o and len(o.group(0)) <= 40 and (o.group("of") or o.group("of2") or zh[start] == "其"
                                                or _COPULA_BEFORE.search(zh[max(0, start - 5) : start]) and not o.group("metric")) \
                    and not zh.startswith("于", o.end()):  # R的性能三倍于S: R is the subject, S the reference
                value, top = _figure(o, None)
                found = (o, value, top, o.group("hedge") or "", o.group("metric"), start)
            else:
                a = _OF_RATIO_PCT_AFTER.match(zh, tail_start)
                if a:
                    value = parse_number(a.group("pct")) if a.group("pct") else parse_percent(a.group("tenths"))
                    found = (a, value / 100 if value is not None else None, None, a.group("hedge") or "", a.group("metric"), start)
        if not found:
            _legacy_cut(ctx, out, skip, start, end, ref)
            continue
        m, value, top, hedge, metric, span_start = found
        if value is None:
            continue
        span_end = m.end() if m is not None else end
        clause = zh[max(0, start - 12) : start]
        if re.search(r"价格|售价|报价|单价|成本", clause):
            continue  # a price ratio is not a spec of the chip
        # The reference's maker (`比英伟达H20`) is part of the reference, not the subject.
        exclude = {ref} | {x.canonical for x in ctx.mentions
                           if x.type == "company" and zh[x.end : start].strip() == ""}
        subject = _subject(ctx, start, exclude=exclude, skip=skip)
        if not subject or subject == ref:
            later = ctx.nearest_after(span_end, PRODUCT_TYPES, limit=30, exclude={ref})
            subject = later.canonical if later else ""
        if not metric:  # 带宽是其4倍, 性价比已是…的两倍: the metric leads the clause
            clause_start, _ = ctx.clause_bounds(start)
            head = re.findall(_METRIC, zh[clause_start:start])
            if not head and not _price_topic(zh[:start]):  # 带宽达2TB/s，是上一代的2.5倍: the sentence's metric
                head = re.findall(_METRIC, zh[:clause_start])
            metric = head[-1] if head else None
            if metric is None and (_price_topic(zh[:start]) or _NOT_SPEC.search(zh[clause_start : span_end])):
                continue  # 售价约1.2万美元，约为H100的一半: the ratio of the price before it
        out.add(Draft(kind="spec", start=span_start, end=span_end, subject=subject,
                      metric=_metric_name(metric, zh[max(0, start - 12) : span_end]), value=value, value_max=top,
                      unit="ratio", relative_to=ref, hedge=_ratio_hedge(zh, span_start, span_end, hedge, m if m is not None else times_before)))


# A second ratio whose reference is left out (`训练速度是H100的3倍、推理速度是15倍`): the metric, a
# copula, a multiple or share, and no reference of its own.
_ELLIPTIC_RATIO = re.compile(rf"(?P<metric>{_METRIC})\s*(?:也|则|更|亦)?\s*(?:是|为|达|达到)\s*(?P<hedge>{_HEDGE})\s*(?:{_TIMES}|{_PCT})(?!\s*的)")


def _elliptic_ratios(ctx: SentenceContext, out: _Drafts) -> None:
    """Ratios in a list after a ratio with a reference carry its subject and reference."""
    zh = ctx.zh
    for m in _ELLIPTIC_RATIO.finditer(zh):
        if out.overlaps(m.start(), m.end()):
            continue
        earlier = [d for d in out.items if d.unit == "ratio" and d.relative_to and d.end <= m.start()
                   and re.fullmatch(r"\s*[，,、]\s*(?:而|且|并且|则)?\s*[^，,。；;]{0,6}", zh[d.end : m.start()])]
        if not earlier:
            continue
        last = earlier[-1]
        value, top = _figure(m, None)
        if value is None or m.group("pct") and value >= 1:
            continue
        out.add(Draft(kind="spec", start=m.start(), end=m.end(), subject=last.subject, metric=_metric_name(m.group("metric")),
                      value=value, value_max=top, unit="ratio", relative_to=last.relative_to,
                      hedge=_ratio_hedge(zh, m.start(), m.end(), m.group("hedge") or "", m)))


_PRICE = re.compile(r"价格|售价|报价|单价|成本|美元|人民币|(?<![单多])元(?![件素器])")


def _price_topic(head: str) -> bool:
    """Whether the text before a ratio with no metric of its own last spoke of a price."""
    price = [m.end() for m in _PRICE.finditer(head)]
    metric = [m.end() for m in re.finditer(_METRIC, head)]
    return bool(price) and (not metric or price[-1] > metric[-1])


def _ratio_hedge(zh: str, start: int, end: int, written: str, m: re.Match | None = None) -> str:
    """The hedge of a ratio: written inside it (`高出约30%`, `五十多倍`), before it (`约为其一半`) or
    after (`15%左右`)."""
    if m is not None and m.groupdict().get("more"):
        return "超"
    copula = _COPULA_BEFORE.search(zh[max(0, start - 5) : start])  # 大约相当于A100的八成, 大約只有B300的一半
    short = _SHORT_OF.search(zh[max(0, start - 3) : start])  # 不及H100的七成: below that share
    return (_HEDGES.get(written, "") or hedge_before(zh, start) or ("不足" if short else "")
            or (hedge_before(zh, start - len(copula.group(0))) if copula else "") or hedge_after(zh, end))


# Verbs of falling short of a reference (`不及H100的七成`).
_SHORT_OF = re.compile(r"(?:不及|未及|未达|不足|不到)\s*$")
# The verb or copula between a hedge and the reference of a ratio (`约相当于`, `大约只有`, `近乎是`).
_COPULA_BEFORE = re.compile(r"(?:相当于|等同于|只有|仅有|仅为|仅|也就|就|才|已|已经|为|是|达到|达|有|等于|在)+\s*$")


_CUT_AFTER = re.compile(rf"(?:的\s*)?(?:性能|算力)?\s*(削减|降低|砍掉|阉割|缩减)了?\s*(约|近)?\s*({ARABIC})\s*%")


def _legacy_cut(ctx: SentenceContext, out: _Drafts, skip: set[int], start: int, end: int, ref: str) -> None:
    """`H20削减约70%` / `H20的性能砍掉了70%`: the subject named elsewhere at 1 − N% of the reference."""
    zh = ctx.zh
    m = _CUT_AFTER.match(zh, end)
    if not m or not ref:
        return
    number = parse_number(m.group(3))
    if number is None:
        return
    subject = _subject(ctx, start, exclude={ref}, skip=skip)
    if not subject or subject == ref:
        later = ctx.nearest_after(m.end(), PRODUCT_TYPES, limit=30, exclude={ref})
        subject = later.canonical if later else ""
    out.add(Draft(kind="spec", start=start, end=m.end(), subject=subject,
                  metric="算力" if "算力" in zh[max(0, start - 12) : m.end()] else "性能",
                  value=round(1 - number / 100, 4), unit="ratio", relative_to=ref,
                  hedge=_HEDGES.get(m.group(2) or "", "")))


def _baseline(ctx: SentenceContext, pos: int) -> str:
    """The product a change at `pos` is measured against, when the sentence names one before it
    (`相比B200，…`, `与H100相比`, `较上一代`): its name, or "" (the previous generation, unnamed)."""
    zh = ctx.zh
    for m in reversed([m for m in ctx.mentions if m.end <= pos and m.type in PRODUCT_TYPES]):
        if re.search(r"(?:相比|相较于?|较|比|对比)\s*$", zh[max(0, m.start - 4) : m.start]) \
                or re.match(r"\s*(?:相比|相较|比较)", zh[m.end : m.end + 4]):
            return m.canonical
    return ""


def _changes(ctx: SentenceContext, out: _Drafts, skip: set[int]) -> None:
    """Changes of a product's figure against a baseline (`提升运算密度35%、能效6倍`, `性能提升了2倍`,
    `砍掉了20%的显存和显存带宽`) and multiples of a quantity (`需要六倍的芯片数量`). Only about a spec
    metric, in a clause not about money or markets, in a sentence about products."""
    zh = ctx.zh
    if not (_PRODUCT_WORDS.search(zh) or any(m.type in PRODUCT_TYPES | {"tech"} for m in ctx.mentions)
            or ctx.previous_products):
        return
    for m in _CHANGE.finditer(zh):
        clause_start, clause_end = ctx.clause_bounds(m.start())
        clause = zh[clause_start:clause_end]
        if _NOT_SPEC.search(clause) or out.overlaps(m.start(), m.end(), "ratio"):
            continue
        head = list(re.finditer(_METRIC, zh[clause_start : m.start()]))
        metrics = [m.group("metric")] if m.group("metric") else []
        if m.group("metrics") or m.group("metrics_bare"):
            metrics = re.findall(_METRIC, m.group("metrics") or m.group("metrics_bare"))
        start = m.start()
        if not metrics and head and m.start() - (clause_start + head[-1].end()) <= 4:
            metrics = [head[-1].group(0)]  # 推理性能提升了50%: the evidence starts at the metric
            start = clause_start + head[-1].start()
        if not metrics:
            continue
        up = _is_up(m.group("verb"))
        value, top = _figure(m, up)
        if value is None or (up and value <= 1 and m.group("times")):
            continue
        ref = _baseline(ctx, m.start())
        subject = _subject(ctx, m.start(), exclude={ref} if ref else frozenset(), skip=skip)
        hedge = _HEDGES.get(m.group("hedge") or "", "") or hedge_after(zh, m.end())
        for i, metric in enumerate(metrics):
            # One row per parallel metric; each ends one character apart so that its span (and claim id)
            # is its own while still covering the same words.
            out.add(Draft(kind="spec", start=start, end=m.end() - (len(metrics) - 1 - i), subject=subject,
                          metric=_metric_name(metric), value=value, value_max=top, unit="ratio",
                          relative_to=ref, hedge=hedge), parallel=i > 0)
        pos = m.end()
        while (more := _CHANGE_MORE.match(zh, pos)) is not None:  # 、能效10倍: the same verb, another item
            value, top = _figure(more, up)
            if value is None:
                break
            out.add(Draft(kind="spec", start=more.start("metric"), end=more.end(), subject=subject,
                          metric=_metric_name(more.group('metric')), value=value, value_max=top,
                          unit="ratio", relative_to=ref, hedge=_HEDGES.get(more.group("hedge") or "", "")))
            pos = more.end()
    for m in _METRIC_VERB.finditer(zh):
        clause_start, clause_end = ctx.clause_bounds(m.start())
        if _NOT_SPEC.search(zh[clause_start:clause_end]) or out.overlaps(m.start(), m.end(), "ratio"):
            continue
        up = _is_up(m.group("verb"))
        value, top = _figure(m, up)
        if value is None or (up and value <= 1 and m.group("times")):  # 快了一倍: doubled or 1, unsaid
            continue
        ref = _baseline(ctx, m.start())
        out.add(Draft(kind="spec", start=m.start(), end=m.end(), metric=_metric_name(m.group("metric")),
                      subject=_subject(ctx, m.start(), exclude={ref} if ref else frozenset(), skip=skip),
                      value=value, value_max=top, unit="ratio", relative_to=ref,
                      hedge=_HEDGES.get(m.group("hedge") or "", "") or hedge_after(zh, m.end())))
    for m in _DOUBLED.finditer(zh):  # 算力翻倍: twice the baseline's
        clause_start, clause_end = ctx.clause_bounds(m.start())
        if _NOT_SPEC.search(zh[clause_start:clause_end]) or out.overlaps(m.start(), m.end(), "ratio") \
                or _CADENCE.search(zh[max(0, m.start() - 12) : m.start()]):
            continue
        ref = _baseline(ctx, m.start())
        out.add(Draft(kind="spec", start=m.start(), end=m.end(), metric=_metric_name(m.group("metric")),
                      subject=_subject(ctx, m.start(), exclude={ref} if ref else frozenset(), skip=skip),
                      value=4.0 if m.group("four") else 2.0, unit="ratio", relative_to=ref,
                      hedge={"几乎": "近", "近乎": "近", "接近": "近", "将近": "近", "超过": "超", "逾": "超"}.get(m.group("hedge") or "", "")))
    for m in _TIMES_OF.finditer(zh):
        clause_start, clause_end = ctx.clause_bounds(m.start())
        if _NOT_SPEC.search(zh[clause_start:clause_end]) or out.overlaps(m.start(), m.end(), "ratio"):
            continue
        value, top = _figure(m, True)
        if value is None:
            continue
        subject = _subject(ctx, m.start(), skip=skip)
        others = [p.canonical for p in list(ctx.previous_products) + [x for x in ctx.mentions if x.end <= m.start()
                  and x.type in PRODUCT_TYPES] if p.canonical != subject]
        out.add(Draft(kind="spec", start=m.start(), end=m.end(), subject=subject,
                      metric=_metric_name(m.group("metric")), value=value, value_max=top, unit="ratio",
                      relative_to=others[-1] if others else "", hedge=_HEDGES.get(m.group("hedge") or "", "")))
