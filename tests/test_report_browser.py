"""A report of 1,000 generated articles (bench/generate.py, the `real` mix) in headless Chromium: every
page loads with no console error and no network request, the tables filter as one types, a row opens
in full on a click, and a claim link (a table's, or a timeline mark's on the chart) lands on its
highlighted sentence.

The report is built once for the module and is most of its time (220 s on two cores shared with other
work, load average 6 to 9; the tests themselves about 45 s). Chromium is the system's (`make test`
installs Debian's when it can), else the tests skip."""

from __future__ import annotations

import html
import re
import sys
import time
from pathlib import Path

import browser as browser_tools
import pytest

from helpers import paths
from helpers.report.runner import report
from helpers.store.tables import load

N_ARTICLES = 1000


def _chromium() -> str | None:
    return browser_tools.chromium()


@pytest.fixture(scope="module")
def big_report(tmp_path_factory):
    if _chromium() is None:
        pytest.skip("Chromium is not installed (make test installs Debian's chromium when it can)")
    pytest.importorskip("playwright", reason="playwright is not installed (it comes with the dev extras)")
    sys.path.insert(0, str(paths.ROOT / "bench"))
    from generate import generate

    root = tmp_path_factory.mktemp("big")
    started = time.perf_counter()
    generate(N_ARTICLES, root / "corpus", work=root / "seed-tables", mix="real")
    report(root / "corpus", root / "report", as_of="2025-12-01", log=lambda _m: None)
    seconds = time.perf_counter() - started
    print(f"\n[report of {N_ARTICLES} generated articles built in {seconds:.0f} s]", file=sys.stderr)
    return root / "report"


@pytest.fixture(scope="module")
def browser(big_report):
    with browser_tools.launched() as b:
        yield b


def _open(browser, path: Path):
    return browser_tools.open_page(browser, path, viewport={"width": 1300, "height": 1000})


def _ready(page) -> int:
    """Wait until every table of the page is interactive; returns how many there are."""
    n = page.evaluate("document.querySelectorAll('table.cw-table').length")
    page.wait_for_function(f"document.querySelectorAll('table.cw-table.dataTable').length === {n}", timeout=20000)
    return n


def _info(page, i: int) -> tuple[int, int]:
    """Rows shown after filtering, and rows in all, as the table's own count says."""
    text = page.locator("div.dt-container").nth(i).locator(".dt-info").inner_text()
    numbers = [int(x.replace(",", "")) for x in re.findall(r"\d[\d,]*", text)]
    if "filtered" in text:
        return numbers[-2], numbers[-1]
    return (numbers[-1], numbers[-1]) if numbers else (0, 0)


def _notebook_pages(out: Path) -> list[Path]:
    return sorted(p for p in out.glob("*.html") if p.name != "index.html")


def test_every_page_loads_with_no_console_error_and_no_network_request(big_report, browser):
    pages = [big_report / "index.html", *_notebook_pages(big_report), big_report / "articles" / "index.html"]
    linked = set()
    for path in _notebook_pages(big_report):
        linked |= set(re.findall(r'href="(articles/[^"#]+)', path.read_text(encoding="utf-8")))
    pages += [big_report / href for href in sorted(linked)[:10]]
    assert len(pages) >= 12
    for path in pages:
        page, problems = _open(browser, path)
        if path.parent == big_report and path.name != "index.html":
            assert _ready(page) >= 1, path.name
            assert page.evaluate("document.querySelectorAll('img').length") >= 1, path.name
            assert page.evaluate("document.querySelectorAll('details.cw-code').length") > 0, path.name
        assert problems == [], (path.name, problems[:5])
        page.close()


def test_every_table_links_its_csv_and_shows_articles_by_title(big_report):
    for path in _notebook_pages(big_report):
        text = path.read_text(encoding="utf-8")
        tables = text.count('<table class="dataframe cw-table"')
        csvs = [re.search(r'href="([^"]+)"', a).group(1) for a in re.findall(r'<a [^>]*class="cw-csv"[^>]*>', text)]
        assert tables >= 1 and len(csvs) == tables, path.name
        for href in csvs:
            assert (big_report / href).is_file() and href.startswith(path.stem + "/"), (path.name, href)
    titles = load(big_report / "data", only="articles").articles.set_index("article_id")["title"]
    verdicts = (big_report / "40-claim-check.html").read_text(encoding="utf-8")
    links = re.findall(r'<td><a href="articles/(gen_\d+)\.html#c-[^"]+">([^<]+)</a></td><td>(gen_\d+)</td>', verdicts)
    assert len(links) >= 20 and any(titles[i] for _, _, i in links)
    for page, text, article_id in links:
        assert page == article_id and html.unescape(text) == (titles[article_id] or article_id), (text, article_id)


def test_typing_in_a_search_box_filters_the_rows(big_report, browser):
    page, problems = _open(browser, big_report / "40-claim-check.html")
    _ready(page)
    shown, total = _info(page, 0)
    assert shown == total > 100
    first = page.locator("table.cw-table").first.locator("tbody tr").first.locator("td").nth(1).inner_text()
    page.locator("div.dt-container").first.locator("input.dt-input[type=search]").fill(first)
    page.wait_for_function("() => document.querySelector('div.dt-container .dt-info').textContent.includes('filtered')",
                           timeout=5000)
    shown, again = _info(page, 0)
    assert again == total and 1 <= shown < total
    rows = page.locator("table.cw-table").first.locator("tbody tr")
    assert all(first in rows.nth(i).inner_text() for i in range(min(rows.count(), 25)))
    # a column's own filter narrows the rows too
    page.locator("div.dt-container").first.locator("input.dt-input[type=search]").fill("")
    page.locator("table.cw-table").first.locator("input.cw-filter").nth(2).fill("spec")
    page.wait_for_function("() => [...document.querySelectorAll('table.cw-table tbody')][0].rows.length > 0 && "
                           "[...[...document.querySelectorAll('table.cw-table tbody')][0].rows]"
                           ".every(r => r.cells[2].textContent === 'spec')", timeout=5000)
    shown, _ = _info(page, 0)
    kinds = page.locator("table.cw-table").first.locator("tbody tr td:nth-child(3)").all_inner_texts()
    assert 1 <= shown < total and set(kinds) == {"spec"}
    assert problems == []
    page.close()


def test_a_click_shows_a_row_in_full(big_report, browser):
    page, _ = _open(browser, big_report / "10-export-control-timeline.html")
    _ready(page)
    row = page.locator("table.cw-table").first.locator("tbody tr").first
    cell = row.locator("td").last
    assert cell.evaluate("td => getComputedStyle(td).whiteSpace") == "nowrap"
    heights = row.evaluate("tr => tr.getBoundingClientRect().height")
    cell.click()
    assert "cw-open" in (row.get_attribute("class") or "")
    assert cell.evaluate("td => getComputedStyle(td).whiteSpace") == "pre-wrap"
    assert heights < 40  # one line until opened
    page.close()


def test_a_claim_link_lands_on_its_highlighted_sentence(big_report, browser):
    for name in ("40-claim-check.html", "10-export-control-timeline.html", "20-market-share-narratives.html"):
        page, _ = _open(browser, big_report / name)
        _ready(page)
        link = page.locator('table.cw-table a[href*="#c-"]').first
        href = link.get_attribute("href")
        link.click()
        page.wait_for_load_state("load")
        assert page.url.endswith(href), (name, page.url, href)
        target = page.evaluate("""() => {
            const t = document.querySelector(':target');
            if (!t) return null;
            let m = t.nextElementSibling;
            while (m && m.tagName === 'SPAN' && m.id.startsWith('c-')) m = m.nextElementSibling;
            return {id: t.id, mark: m ? m.tagName : '', outline: m ? getComputedStyle(m).outlineStyle : '',
                    text: m ? m.textContent : '', hash: location.hash};
        }""")
        assert target and "#" + target["id"] == target["hash"] == href[href.index("#"):], (name, target)
        assert target["mark"] == "MARK" and target["outline"] == "solid" and target["text"], (name, target)
        page.close()


def test_clicking_a_timeline_mark_lands_on_its_first_report(big_report, browser):
    """The timeline is a PNG with an image map: a click on a mark (at the area's own pixel on the image,
    as a reader clicks) opens the first report's article page with that claim's mark targeted."""
    page, problems = _open(browser, big_report / "10-export-control-timeline.html")
    image = page.locator("img.cw-chart[usemap]").first
    name = image.get_attribute("usemap").lstrip("#")
    area = page.locator(f'map[name="{name}"] area').first  # the first area in the map wins where areas overlap
    href, coords, title = area.get_attribute("href"), area.get_attribute("coords"), area.get_attribute("title")
    assert re.fullmatch(r"articles/[^#]+\.html#c-[0-9A-Za-z_\-]+", href) and " · first report" in title, (href, title)
    image.scroll_into_view_if_needed()
    box = image.bounding_box()
    assert round(box["width"]) == int(image.get_attribute("width"))  # shown unscaled: the map's pixels are the image's
    x, y = (int(v) for v in coords.split(",")[:2])
    assert page.evaluate(f"() => document.elementFromPoint({box['x'] + x}, {box['y'] + y}).getAttribute('href')") == href
    with page.expect_navigation():
        page.mouse.click(box["x"] + x, box["y"] + y)
    assert page.url.endswith(href), (page.url, href)
    target = page.evaluate("""() => {
        const t = document.querySelector(':target');
        if (!t) return null;
        let m = t.nextElementSibling;
        while (m && m.tagName === 'SPAN' && m.id.startsWith('c-')) m = m.nextElementSibling;
        return {id: t.id, mark: m ? m.tagName : '', kind: m ? m.className : '',
                outline: m ? getComputedStyle(m).outlineStyle : ''};
    }""")
    assert target and "#" + target["id"] == href[href.index("#"):], target
    assert target["mark"] == "MARK" and target["outline"] == "solid" and target["kind"] == "event", target
    assert not problems, problems
    page.close()
