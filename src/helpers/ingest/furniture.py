"""Page furniture: what a saved web page carries besides the article.

Recommendation lists after the body (相关推荐, 热点推荐, 往期回顾 and the
headlines under them), channel menus and breadcrumbs, platform disclaimers
(特别声明 / Notice), counters (【1评论】【9点赞】) with the teaser card they
belong to, share widgets, ad lines (股票配资…), editor lines, empty image
placeholders. Rules work line by line, in simplified and traditional script,
and never remove a line that reads as body text unless it matches one of
them; `strip_furniture` reports what it removed and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lang.text import cjk_count

# A short line that opens a list of other articles: everything after it goes.
_LIST_MARKERS = re.compile(
    r"^【?\s*(相[关關](推荐|推薦|阅读|閱讀|新闻|新聞|文章|报道|報導)|[热熱]点推[荐薦]|[热熱]门(推荐|推薦|文章)|"
    r"往期回[顾顧]|延伸[阅閱][读讀]|推[荐薦][阅閱][读讀]|猜你喜[欢歡]|更多精彩|更多[新资資][闻聞讯訊]|"
    r"看更多|大家都在看|[热熱][门門]排行|精彩推[荐薦]|更多新[闻聞]|延伸[阅閱][读讀])\s*】?\s*(?:[:：]|$|\s)"
)
_DISCLAIMER = re.compile(
    r"^(特别声明|特別聲明|免责声明|免責聲明|版权声明|版權聲明|声明[:：]|聲明[:：]|Notice: The content above)"
    r"|不代表本站[观觀]点|不代表本平[台臺][观觀]点|仅提供信息存储服务|僅提供資訊儲存服務|仅提供信息存储空间服务"
    r"|未[经經]授[权權](禁止|不得)[转轉][载載]|[转轉][载載]请注明出[处處]"
)
_EDITOR = re.compile(r"^(责任编辑|責任編輯|编辑|編輯|校对|校對|审核|審核|监制|監製|作者|来源|來源|原标题|原標題)\s*[:：]")
_AD = re.compile(r"股票配资|免费配资|配资平台|杠杆交易|槓桿交易|炒股开户|加微信|扫码(关注|下载|领取)|掃碼|点击下载|點擊下載|打开APP|打開APP|"
                 r"用APP看|下载APP|下載APP|APP看新[闻聞]|天天中[奖獎]")
_PAREN_NOTE = re.compile(r"^[（(]\s*(编辑|編輯|责任编辑|責任編輯|本文|本刊|记者|記者|来源|來源|作者|校对|校對|完|注|譯|译)[^）)]{0,60}[）)]$")
_HOTLINE = re.compile(r"^(查询热线|查詢熱線|热线|熱線|客服电话|客服電話|联系电话|聯絡電話|咨询电话|諮詢電話|投诉电话|爆料)\s*[:：]")
_PLATFORM_FOOTER = re.compile(r"^(编辑于|編輯於|发布于|發佈於)\s*\d{4}|IP\s*属地|IP\s*屬地|\d+\s*条评论|\d+\s*則留言|赞同\s*[\d.]+\s*万?")
_NOT_ADVICE = re.compile(r"不构成(任何)?投资建议|不構成(任何)?投資建議|仅供参考|僅供參考")
_BYLINE = re.compile(r"(记者|記者|撰文|报道|報導|通讯员|通訊員)")
_BREADCRUMB = re.compile(r"(首页|首頁|正文).*>|>.*(首页|首頁|正文)")
_WIDGET = re.compile(
    r"^(分享至|分享到|分享|收藏|举报|舉報|点赞|點讚|评论|評論|关注|關注|申请入驻|申請入駐|更新|全部|"
    r"无障碍浏览.*|無障礙瀏覽.*|进入关怀版|打开网易新闻.*|查看原文|阅读原文|閱讀原文|返回顶部|返回頂部|"
    r"前往|\d+|[\d\s.:/-]+)$"
)
_COUNTER = re.compile(r"【\s*\d+\s*(评论|評論|点赞|點讚|点赞数|收藏|转发|轉發|分享|赞|讚|阅读|閱讀)\s*】")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|\[(图片|圖片|image|img)\]", re.IGNORECASE)
_IMAGE_CREDIT = re.compile(r"^(图片来源|圖片來源|图源|圖源|配图|配圖|图片|圖片)\s*[:：]")
AUTHOR_BLOCK = re.compile(r"\d+\s*文章数|\d+\s*关注度|incentive-icons")
_CALL_TO_ACTION = re.compile(
    r"欢迎(在)?评论区|歡迎(在)?評論區|评论区留言|評論區留言|欢迎留言|歡迎留言|点赞关注|點讚關注|关注我们|關注我們|"
    r"记得关注|記得關注|转发给更多|轉發給更多|一键三连|一鍵三連"
)
# A list of the sources the piece cites, at the end of a line: 参考信源: 《…》·outlet·date.
_SOURCE_LIST = re.compile(r"(参考信源|参考资料|参考来源|参考文献|資料來源|參考資料|參考來源|信息来源|消息来源)\s*[:：].*$")
_TERMINAL = re.compile(r"[。！？!?…”」』）)]\s*$")


@dataclass
class Stripped:
    text: str
    removed: list[tuple[str, str]] = field(default_factory=list)  # (reason, line)

    @property
    def removed_chars(self) -> int:
        return sum(len(line) for _, line in self.removed)


def _line_reason(line: str) -> str | None:
    s = line.strip()
    if not s:
        return None
    if len(s) <= 120 and _AD.search(s):
        return "ad"
    if len(s) <= 240 and _DISCLAIMER.search(s):
        return "disclaimer"
    if len(s) <= 60 and AUTHOR_BLOCK.search(s):
        return "author block"
    if len(s) <= 40 and _EDITOR.match(s):
        return "editor line"
    if len(s) <= 70 and _PAREN_NOTE.match(s):
        return "editor line"
    if len(s) <= 40 and _HOTLINE.match(s):
        return "contact line"
    if len(s) <= 80 and _PLATFORM_FOOTER.search(s):
        return "platform footer"
    if len(s) <= 60 and _NOT_ADVICE.search(s):
        return "disclaimer"
    if len(s) <= 60 and _BYLINE.search(s) and re.search(r"\d{4}[-/.年]|／|/|〔|【", s) and not re.search(r"[，,。]", s):
        return "byline"
    if len(s) <= 80 and _BREADCRUMB.search(s):
        return "channel menu"
    if len(s) <= 24 and _WIDGET.match(s):
        return "share widget"
    if len(s) <= 40 and _IMAGE_CREDIT.match(s):
        return "image credit"
    if len(s) <= 80 and _CALL_TO_ACTION.search(s):
        return "call to action"
    return None


def strip_furniture(text: str, body_min_cjk: int = 20) -> Stripped:
    """Remove page furniture from normalised text; keep every body line."""
    result = Stripped("")
    lines = text.split("\n")
    kept: list[str] = []
    body_cjk = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        # Inline furniture first: image placeholders and counters.
        cleaned = _IMAGE.sub("", line)
        result.removed.extend(("image placeholder", m.group(0)) for m in _IMAGE.finditer(line))
        counters_removed = _COUNTER.sub("", cleaned)
        if counters_removed != cleaned:
            result.removed.extend(("counter", m.group(0)) for m in _COUNTER.finditer(cleaned))
            if not counters_removed.strip():
                # A counter line closes a teaser card: drop the truncated teaser above it.
                while kept and not kept[-1].strip():
                    kept.pop()
                if kept and len(kept[-1].strip()) < 200 and not _TERMINAL.search(kept[-1]):
                    result.removed.append(("teaser card", kept.pop().strip()))
            cleaned = counters_removed
        stripped = cleaned.strip()
        if not stripped and line.strip():  # the whole line was furniture
            i += 1
            continue
        if stripped and (len(stripped) <= 20 or re.match(r"^【?\s*\S{2,6}\s*】?\s*[:：]", stripped)) and _LIST_MARKERS.match(stripped):
            if body_cjk >= body_min_cjk:
                result.removed.extend(("related list", l.strip()) for l in lines[i:] if l.strip())
                break
            result.removed.append(("related list", stripped))
            i += 1
            continue
        sources = _SOURCE_LIST.search(cleaned)
        if sources and re.search(r"《|\d{4}-\d{2}-\d{2}|https?://", sources.group(0)):
            result.removed.append(("source list", sources.group(0)))
            cleaned = cleaned[: sources.start()].rstrip()
            if not cleaned.strip():
                i += 1
                continue
        reason = _line_reason(cleaned)
        if reason:
            result.removed.append((reason, stripped))
        else:
            kept.append(cleaned.rstrip())
            body_cjk += cjk_count(stripped)
        i += 1

    body = "\n".join(kept)
    body = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", body).strip()
    result.text = body
    return result
