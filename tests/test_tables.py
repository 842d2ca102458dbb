"""Report tables: escaped HTML with every row up to a cap, articles by title linked to their sentences,
the CSV linked beside, and the offline DataTables assets that make them interactive."""

from __future__ import annotations

import html
import json
import re

import pandas as pd

from helpers.report import articles, datatables, show

HOSTILE = '<img src=x onerror="window.__pwned=1">'


def _rows(page: str) -> list[list[str]]:
    """Every row's cells as the page's script gets them (the `data-rows` attribute)."""
    return json.loads(html.unescape(re.search(r'data-rows="([^"]*)"', page).group(1)))


def _static(page: str) -> str:
    """The table's HTML rows (what shows without the script)."""
    return re.search(r"<tbody>(.*)</tbody>", page, flags=re.S).group(1)


def test_article_cells_show_the_title_linked_to_the_claim_and_keep_the_id():
    df = pd.DataFrame({"article": ["a/b", "c"], "figure": ["95→0", "50"], "claim": ["x1", None]})
    page = show.table_html(df, titles={"a/b": "某报：份额 <b>腰斩</b>"})
    link = articles.claim_link("a/b", "x1")
    assert f'<a href="{link}">某报：份额 &lt;b&gt;腰斩&lt;/b&gt;</a>' in page
    assert '<a href="articles/c.html">c</a>' in page  # no title: the id is the link text
    assert "<th>article id</th>" in page and "<td>a/b</td>" in page
    assert ">claim<" not in page  # the claim id only makes the link


def test_a_table_with_its_own_title_column_links_the_title():
    df = pd.DataFrame({"article_id": ["a1"], "title (标题)": ["标题一"], "claim_id": ["k9"]})
    page = show.table_html(df, titles={})
    assert f'<a href="{articles.claim_link("a1", "k9")}">标题一</a>' in page
    assert _rows(page) == [["a1", f'<a href="{articles.claim_link("a1", "k9")}">标题一</a>']]
    assert "<th>article id</th>" in page and "<th>title (标题)</th>" in page


def test_hostile_text_stays_text_everywhere_in_a_table():
    df = pd.DataFrame({"article": ["h1"], HOSTILE: [HOSTILE]})
    page = show.table_html(df, titles={"h1": HOSTILE}, csv="/r/nb/x.csv")
    assert "<img" not in page and 'onerror="' not in page and "__pwned" not in " ".join(re.findall(r"<script.*?</script>", page))
    escaped = "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;"
    assert page.split("<tbody>")[0].count(escaped) == 1 and _static(page).count(escaped) == 2  # header, title, cell
    assert [escaped in cell for cell in _rows(page)[0]] == [True, False, True]  # title link, id, cell


def test_the_csv_is_linked_from_the_page_and_rows_beyond_the_cap_point_to_it(tmp_path):
    df = pd.DataFrame({"n": range(30)})
    page = show.table_html(df, max_rows=10, csv=tmp_path / "10-timeline" / "table_x.csv")
    assert 'href="10-timeline/table_x.csv" download>download CSV</a>' in page
    assert "first 10 of 30 rows shown; all 30 are in the" in page
    assert len(_rows(page)) == 10 and _static(page).count("<tr>") == 10
    every = show.table_html(pd.DataFrame({"n": range(300)}))
    assert len(_rows(every)) == 300 and _static(every).count("<tr>") == show.STATIC_ROWS
    assert "30 rows" in show.table_html(df) and "first 25 shown here" in show.table_html(df)
    assert "first" not in show.table_html(df.head(25))


def test_a_meaningful_index_becomes_a_column_and_a_plain_one_is_dropped():
    named = pd.DataFrame({"quotes": [3, 1]}, index=pd.Index(["黄仁勋", "苏姿丰"], name="speaker"))
    assert "<th>speaker</th>" in show.table_html(named) and "<td>黄仁勋</td>" in show.table_html(named)
    shuffled = pd.DataFrame({"v": [2, 1]}).sort_values("v")
    assert "<th>index</th>" not in show.table_html(shuffled)


def test_titles_come_from_the_articles_table_a_notebook_loads():
    show.use_titles(pd.DataFrame({"article_id": ["a", "b"], "title": ["甲文", ""]}))
    try:
        page = show.table_html(pd.DataFrame({"article": ["a", "b"]}))
        assert ">甲文</a>" in page and ">b</a>" in page
    finally:
        show.use_titles(None)


def test_the_assets_are_a_classic_script_and_its_style(tmp_path):
    folder = datatables.write_assets(tmp_path)
    script = (folder / datatables.SCRIPT).read_text(encoding="utf-8")
    assert "window.chipwatchDataTables = {DataTable:" in script
    assert not re.search(r"export\s*\{", script) and "import(" not in script and "import.meta" not in script
    assert "table.cw-table" in script and "onclick" not in script
    for cdn in ["cdnjs", "cdn.jsdelivr", "unpkg.com", "googleapis"]:
        assert cdn not in script, cdn
    style = (folder / datatables.STYLE).read_text(encoding="utf-8")
    assert "text-overflow: ellipsis" in style and not re.search(r"url\((?!data:)", style)
    assert sorted(p.name for p in folder.iterdir()) == sorted([datatables.SCRIPT, datatables.STYLE])


def test_figures_keep_every_digit_in_a_table():
    html = show.table_html(pd.DataFrame({"value": [1234567.5, 2.5e9, 0.15]}))
    assert "1234567.5" in html and "2500000000" in html and "0.15" in html and "e+" not in html


def test_newest_published_skips_duplicates_and_undated_articles():
    from helpers.store.tables import newest_published

    articles = pd.DataFrame({"published": ["2025-03-01", "2025-09-30", "", None],
                             "duplicate_of": ["", "a1", "", ""]})
    assert newest_published(articles) == "2025-03-01"  # the later date is a duplicate's
    assert newest_published(articles.iloc[2:]) == ""
    assert newest_published(articles.drop(columns="duplicate_of")) == "2025-09-30"
