"""The headline of a page without a manifest title: what is stepped over, and when there is none."""

from __future__ import annotations

import pytest

from helpers.ingest.meta import title_from_text

BODY = "某芯片公司本季度营收同比增长三成，管理层表示国内订单仍在增加。\n第二段正文也在这里。"


@pytest.mark.parametrize("above", [
    "您现在的位置： 某网 > 科技",
    "首页 / 某某周刊 / 正文",
    "1. 跳转至内容",
    "Skip to Content Menu",
    "新闻 | 评论 | 财经 | 娱乐",
    "即時 財金 國際 本地 兩岸",
    "▲某公司執行長出席論壇。（圖/某通訊社）",
    "某晶片廠的產線持續滿載。（路透）",
    "作者:某人 发布时间:2025-09-08 来源:某研究院",
    "某网编译某人 2026-03-13 11:30",
    "6月11日 (星期三)29°C 82",
    "某某新闻网手机版",
    "【文/某專欄作家】",
])
def test_furniture_above_the_headline_is_stepped_over(above):
    assert title_from_text(f"{above}\n某芯片公司营收大增 国内订单创新高\n{BODY}") == "某芯片公司营收大增 国内订单创新高"


@pytest.mark.parametrize("text", [
    BODY,  # the first line is a sentence of the body
    "Workflow\n" + BODY,  # a label with no Chinese, then the body
    "某网 > 科技\n" + BODY,
    "一行",
])
def test_no_headline_is_no_title(text):
    assert title_from_text(text) == ""
