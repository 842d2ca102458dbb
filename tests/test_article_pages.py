"""Article pages: the clean text with every claim marked in place, escaped, linked, and kept between reports."""

from __future__ import annotations

import os
import re

import pandas as pd

from helpers.extract import CLAIM_COLUMNS
from helpers.report import articles
from helpers.store.parts import part_of
from helpers.store.tables import Tables

TEXT = "甲公司称<b>新芯片</b>份额达到30%。乙说：“明年出货翻倍。”"


def _tables(article_id: str = "a1", file: str = "a1.txt") -> Tables:
    arts = pd.DataFrame([dict(article_id=article_id, file=file, title="<i>标题</i>", outlet="某报", published="2025-01-02",
                              published_source="manifest", url="javascript:alert(1)", duplicate_of="", text=TEXT)])
    share_at = TEXT.index("30%")
    quote_at = TEXT.index("明年")
    rows = []
    for claim_id, kind, start, end, extra in [
        ("s1", "market_share", share_at, share_at + 3, dict(subject="甲公司", metric="市场份额", value=30.0, unit="%")),
        ("q1", "quote", TEXT.index("乙"), len(TEXT) - 1, dict(actor="乙")),
        ("m1", "money", quote_at, quote_at + 2, dict(value=1.0, unit="CNY")),  # inside the quote
    ]:
        row = dict.fromkeys(CLAIM_COLUMNS, "")
        row.update(value=float("nan"), value_max=float("nan"), from_value=float("nan"), to_value=float("nan"))
        row.update(claim_id=claim_id, article_id=article_id, kind=kind, char_start=start, char_end=end, **extra)
        rows.append(row)
    verdicts = pd.DataFrame({"claim_id": ["s1"], "verdict": ["conflicts"], "note": ["the record says 20%"]})
    return Tables(articles=arts, sentences=pd.DataFrame(), claims=pd.DataFrame(rows, columns=CLAIM_COLUMNS),
                  ingest_report=pd.DataFrame(), claim_check=verdicts)


def test_every_claim_is_marked_in_place_and_anchored(tmp_path):
    articles.write_article_pages(_tables(), tmp_path)
    page = (tmp_path / "a1.html").read_text(encoding="utf-8")
    for claim_id in ("s1", "q1", "m1"):
        assert f'id="c-{claim_id}"' in page and f'href="#c-{claim_id}"' in page
    assert '<mark class="market_share"' in page and ">30%</mark>" in page
    assert '<mark class="money"' in page  # the innermost claim marks a piece inside a larger one
    assert "conflicts" in page and "the record says 20%" in page


def test_article_text_and_metadata_never_act_as_markup(tmp_path):
    articles.write_article_pages(_tables(), tmp_path)
    page = (tmp_path / "a1.html").read_text(encoding="utf-8")
    assert "<b>新芯片</b>" not in page and "&lt;b&gt;新芯片&lt;/b&gt;" in page
    assert "<i>标题</i>" not in page
    assert 'href="javascript' not in page  # an address that is not http(s) is shown, not linked
    text = re.sub(r"<[^>]+>", "", page.split('<div class="text">')[1].split("</div>")[0])
    assert text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"') == TEXT


def test_page_names_are_file_safe_and_distinct():
    names = {articles.page_name(i) for i in ["a/b", "a_b", "$x", "..", "中文"]}
    assert len(names) == 5 and all(re.fullmatch(r"[0-9A-Za-z_\-]+\.html", n) for n in names)
    assert articles.claim_link("a/b", "c 1").startswith("articles/" + articles.page_name("a/b") + "#c-")


def test_unchanged_parts_are_linked_from_the_last_report_and_changed_ones_rendered(tmp_path):
    tables = _tables()
    part = part_of("a1.txt")
    first, second, third = tmp_path / "1", tmp_path / "2", tmp_path / "3"
    assert articles.write_article_pages(tables, first, part_signatures={part: "x"}) == 1
    assert articles.write_article_pages(tables, second, part_signatures={part: "x"}, previous=first) == 0
    assert os.stat(second / "a1.html").st_ino == os.stat(first / "a1.html").st_ino
    assert articles.write_article_pages(tables, third, part_signatures={part: "y"}, previous=second) == 1
    assert (tmp_path / "3" / "index.html").read_text(encoding="utf-8").count("<tr>") == 3  # header, filters, one article


def test_tables_link_each_claim_row_to_its_sentence_and_stay_bounded():
    from helpers.report import show

    df = pd.DataFrame({"article": ["a/b", "c"], "figure": ["<b>95→0</b>", "50"], "claim": ["x1", None]})
    page = show.table_html(df)
    assert f'href="{articles.claim_link("a/b", "x1")}"' in page and 'href="articles/c.html"' in page
    assert "&lt;b&gt;95→0&lt;/b&gt;" in page and ">claim<" not in page
    many = pd.DataFrame({"article": [f"a{i}" for i in range(30)], "claim": [f"c{i}" for i in range(30)]})
    short = show.table_html(many, max_rows=10)
    assert short.count("<tr>") == 12 and "first 10 of 30 rows shown" in short  # header, filters, 10 rows
