"""Chart points link to their sentences: the timeline's marks and the share panels' dots and arrows become
image-map areas over the PNG, each linking to the claim it stands for, placed on the point, its tooltip
escaped."""

from __future__ import annotations

import base64
import io
import re

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
from PIL import Image  # noqa: E402

from helpers.report import chartmap, plots  # noqa: E402
from helpers.report.articles import claim_link  # noqa: E402
from helpers.themes import narratives, timeline  # noqa: E402

plots.setup_fonts()
HOSTILE = '<img src=x onerror="alert(1)">&"\''


def _areas(page: str) -> list[dict]:
    found = []
    for shape, coords, href, title in re.findall(
            r'<area shape="(\w+)" coords="([\d,\-]+)" href="([^"]*)" title="([^"]*)"', page):
        found.append({"shape": shape, "coords": [int(v) for v in coords.split(",")], "href": href, "title": title})
    return found


def _image(page: str) -> Image.Image:
    return Image.open(io.BytesIO(base64.b64decode(re.search(r'base64,([^"]+)"', page).group(1)))).convert("RGB")


def _reported() -> pd.DataFrame:
    # one event told by three articles (the first published is "b"), one by one article, one planned
    return pd.DataFrame({
        "claim_id": ["c-late", "c-first", "c-mid", "c-solo", "c-plan"],
        "article_id": ["a", "b", "c", "d", "e"],
        "published": ["2025-06-01", "2025-04-20", "2025-05-02", "2025-03-01", "2025-07-01"],
        "date_start": ["2025-04-15"] * 3 + ["2024-12-02", "2027-04-01"],
        "date_end": ["2025-04-15"] * 3 + ["2024-12-02", "2027-06-30"],
        "actor_group": [timeline.GROUPS[0]] * 3 + [timeline.GROUPS[1], timeline.GROUPS[3]],
        "actor": ["美国商务部"] * 3 + ["国家网信办", "华为"],
        "action": ["tighten"] * 3 + ["investigate", "launch"],
        "items": ["H20"] * 3 + ["H20", "Atlas"],
        "status": ["", "", "", "", "planned"],
        "when": pd.to_datetime(["2025-04-15"] * 3 + ["2024-12-02", "2027-05-15"]),
    })


def test_each_timeline_mark_links_to_its_first_report_and_sits_on_the_mark():
    reported = _reported()
    marks = timeline.event_marks(reported, "2025-11-30")
    assert dict(zip(marks["articles"], marks["first_claim"]))[3] == "c-first"  # the earliest published report
    fig = timeline.timeline_chart(reported, pd.DataFrame({"when": pd.to_datetime([]), "actor_group": []}),
                                  as_of="2025-11-30")
    page = chartmap.chart_html(fig, "timeline", {"b": HOSTILE})
    areas = _areas(page)
    assert sorted(a["href"] for a in areas) == sorted(claim_link(m.first_article, m.first_claim)
                                                      for m in marks.itertuples())
    first = next(a for a in areas if a["href"] == claim_link("b", "c-first"))
    assert first["title"].startswith("美国商务部 收紧 H20 · 3 articles · first report: ")
    assert "<" not in first["title"] and "&lt;img" in first["title"] and "onerror" not in page.replace(
        "onerror=&quot;", "")  # the title is text: no attribute opens in the map
    image = _image(page)
    x, y, r = first["coords"]
    assert first["shape"] == "circle" and r >= chartmap.MIN_RADIUS
    red, green, blue = image.getpixel((x, y))
    assert blue > red + 40, (x, y, image.getpixel((x, y)))  # the filled blue mark is under the area's centre
    assert f'width="{image.width}" height="{image.height}"' in page  # the map's pixels are the image's own


def test_share_dots_and_arrows_link_to_the_claims_that_give_them():
    rows = [("英伟达", 50.0, None, None, "a1", "k1"), ("英伟达", 50.0, None, None, "a2", "k2"),
            ("华为", 30.0, None, None, "a3", "k3"), ("英伟达", 0.0, 95.0, 0.0, "a4", "k4")]
    shares = pd.DataFrame([{"metric": "市场份额", "scope": "中国AI芯片市场", "subject": s, "value": v if f is None else t,
                            "from_value": f, "to_value": t, "hedge": "", "article_id": a, "claim_id": c}
                           for s, v, f, t, a, c in rows])
    panels = narratives.share_panels(shares)
    fig = narratives.share_multiples(panels)
    page = chartmap.chart_html(fig, "shares", {})
    areas = {a["href"]: a for a in _areas(page)}
    # one dot for 英伟达 at 50 (two articles: the first claim), one for 华为, one arrow 95 → 0
    assert set(areas) == {claim_link("a1", "k1"), claim_link("a3", "k3"), claim_link("a4", "k4")}
    assert areas[claim_link("a1", "k1")]["title"] == "英伟达 50% · 2 articles · first report: a1"  # untitled: its id
    arrow = areas[claim_link("a4", "k4")]
    assert arrow["shape"] == "poly" and "95% → 0%" in arrow["title"]
    xs = arrow["coords"][::2]
    dot_x = areas[claim_link("a1", "k1")]["coords"][0]
    # the arrow's area runs from 0 to 95 on the axis, and the dot at 50 sits where the axis puts 50
    assert abs(dot_x - (min(xs) + (max(xs) - min(xs)) * 50 / 95)) <= 3, (xs, dot_x)


def test_a_chart_with_no_linked_points_has_no_map():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.scatter([1, 2], [1, 2])
    page = chartmap.chart_html(fig, "plain")
    assert "<map" not in page and "usemap" not in page and 'alt="plain"' in page
