"""A messy corpus, written by the tests: every kind of bad input users save from the web."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from helpers import paths

ARTICLE = (
    "英伟达在中国AI芯片市场的份额从95%降到50%。华为昇腾910B的FP16算力约256 TFLOPS。"
    "2025年4月，美国政府叫停H20对华出口。"
)
TRAD = "輝達在中國的市佔率從95%降到50%。華為昇騰910C的FP16算力約800 TFLOPS。2025年4月，美國政府叫停H20出口。"
OTHERS = [
    "寒武纪发布思元590，推理性能接近A100。公司上半年营收增长明显，云端产品线贡献过半收入。分析师认为国产替代正在加速。",
    "台积电表示，先进封装产能依然紧张。英伟达预订了大部分CoWoS产能，Rubin平台将采用3纳米制程。供应链业者称订单排到明年。",
    "国家网信办约谈英伟达，要求说明H20芯片是否存在后门安全风险。英伟达回应称，公司芯片不存在后门。多家互联网企业暂停采购。",
    "华为公布昇腾路线图，Atlas 950 SuperPoD支持8192张卡，计划明年四季度上市。业内人士指出，集群规模不等于单卡性能。",
    "美国商务部发布新规，对先进计算芯片实行逐案审查。白宫官员表示，此举兼顾安全与商业利益。国会议员批评政策前后矛盾。",
]
HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1">英伟达<script>window.__pwned=2</script>'
HOSTILE_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>&lt;script&gt;window.__pwned=3&lt;/script&gt;英伟达份额腰斩</title></head><body>
<article><h1>&lt;img src=x onerror=window.__pwned=4&gt;英伟达份额腰斩</h1>
<p>英伟达在中国的市场份额从95%降到50%，&lt;script&gt;window.__pwned=5&lt;/script&gt;华为昇腾910B出货大增。</p>
<p>黄仁勋说：“&lt;b onmouseover=window.__pwned=6&gt;中国市场非常重要&lt;/b&gt;。”</p>
<p>2025年4月，美国政府叫停H20对华出口，&lt;iframe src=javascript:window.__pwned=7&gt;&lt;/iframe&gt;英伟达计提损失。</p>
</article><script>window.__pwned=8</script></body></html>"""


def write_messy_corpus(root: Path) -> Path:
    corpus = root / "messy"
    shutil.copytree(paths.SEEDS, corpus)
    (corpus / "gbk.txt").write_bytes(OTHERS[0].encode("gb18030"))
    (corpus / "big5.txt").write_bytes(TRAD.encode("big5"))
    (corpus / "utf16.txt").write_bytes(OTHERS[1].encode("utf-16"))
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(4000))
    (corpus / "a" / "b").mkdir(parents=True)
    (corpus / "a" / "b" / "nested.txt").write_text(OTHERS[2], encoding="utf-8")
    (corpus / "新 文章 with spaces.txt").write_text(OTHERS[3], encoding="utf-8")
    (corpus / "hostile.html").write_text(HOSTILE_PAGE, encoding="utf-8")
    (corpus / "hostile.txt").write_text(HOSTILE_TITLE + "\n" + OTHERS[4], encoding="utf-8")
    # A name mathtext cannot parse: it reaches chart labels as the article id.
    (corpus / "价格$x^$与$1_$2.txt").write_text("海关数据显示，上月进口的图形处理器数量明显减少，部分厂商转向国产方案。"
                                                 "一家服务器厂商称，今年国产加速卡的订单已占三成，价格仍比进口产品高。",
                                                 encoding="utf-8")
    seed = (corpus / "001_395745f8d570e6af.txt").read_text(encoding="utf-8")
    (corpus / "repost.txt").write_text("网易首页 > 正文\n分享至\n" + seed + "\n相关推荐\n别的新闻\n【5评论】", encoding="utf-8")
    manifest = (corpus / "manifest.csv").read_text(encoding="utf-8")
    manifest += "missing.txt,A missing file,Outlet,2025-01-01,,\n"
    manifest += f'hostile.txt,"{HOSTILE_TITLE}","<b onclick=x>Evil outlet</b>",2025-02-30,,\n'
    (corpus / "manifest.csv").write_text(manifest, encoding="utf-8")
    return corpus
