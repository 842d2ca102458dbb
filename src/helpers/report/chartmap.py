"""A chart as a PNG with an HTML image map: every point a chart links (`themes.charts.link_points`) becomes
an area over it that links to its claim's sentence on the article's page, its tooltip the point's label and
the article's title.

The areas are computed from the artists' own display coordinates at the dpi the image is saved at, over
the exact box saved (the tight box, computed once and passed to `savefig`), so they sit on the points.
An image map's coordinates are the image's own pixels: the image is shown at its natural size (the page
scrolls it sideways on a narrow screen rather than shrinking it under its areas). Every attribute is
escaped: a title from an article never acts as markup, and the map carries no script.
"""

from __future__ import annotations

import base64
import html
import io
import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass

from ..themes.charts import LINKS
from .articles import claim_link

DPI = 110  # the notebooks' figure dpi (plots.setup)
MAX_WIDTH = 1100  # pixels: a wider chart is saved at a lower dpi so it fits the page's column unscaled
MIN_RADIUS = 5  # pixels: the smallest target a reader can click
ARROW_HALF_WIDTH = 5  # pixels either side of an arrow's line
PAD_INCHES = 0.1  # as savefig's tight box
_maps = itertools.count(1)


@dataclass(frozen=True)
class Area:
    shape: str  # "circle" or "poly"
    coords: tuple[int, ...]
    href: str
    title: str
    article_id: str
    claim_id: str


def _points(artist) -> list:
    """Display coordinates (pixels at the figure's dpi) and radius in points of each point of `artist`:
    a scatter's offsets, or an annotation's two ends."""
    from matplotlib.collections import PathCollection
    from matplotlib.text import Annotation

    if isinstance(artist, PathCollection):
        offsets = artist.get_offsets()
        if len(offsets) == 0:
            return []
        xy = artist.get_offset_transform().transform(offsets)
        sizes = artist.get_sizes()
        sizes = [sizes[i % len(sizes)] if len(sizes) else 36.0 for i in range(len(xy))]
        return [("circle", [tuple(p)], math.sqrt(s) / 2) for p, s in zip(xy, sizes)]
    if isinstance(artist, Annotation) and artist.axes is not None and artist.xycoords == artist.anncoords == "data":
        ends = artist.axes.transData.transform([artist.xyann, artist.xy])  # from the tail to the head
        return [("poly", [tuple(p) for p in ends], 0.0)]
    return []


def areas(fig, links_title: Mapping[str, str] | None = None, dpi: float = DPI, bbox=None) -> list[Area]:
    """The areas of `fig` saved at `dpi` over `bbox` (inches; the figure's tight box when not given), one per
    linked point that is drawn inside its axes, smallest first (a small mark over a larger one stays
    clickable). `links_title` maps an article id to its title, added to the tooltip (the id when it has none)."""
    titles = links_title or {}
    renderer = fig.canvas.get_renderer()
    if bbox is None:
        bbox = tight_box(fig)
    found = []
    for artist in fig.findobj(lambda a: getattr(a, LINKS, None) is not None):
        links = getattr(artist, LINKS)
        axes = artist.axes
        box = axes.get_window_extent(renderer) if axes is not None else None
        for (shape, ends, radius_pt), (article_id, claim_id, label) in zip(_points(artist), links):
            if not article_id or not claim_id:
                continue
            if box is not None and not all(box.x0 - 1 <= x <= box.x1 + 1 and box.y0 - 1 <= y <= box.y1 + 1
                                            for x, y in ends):
                continue  # clipped: not drawn, so not clickable
            pixels = [((x / fig.dpi - bbox.x0) * dpi, (bbox.y1 - y / fig.dpi) * dpi) for x, y in ends]
            if shape == "circle":
                (x, y), = pixels
                r = max(MIN_RADIUS, radius_pt * dpi / 72)
                coords, size = (round(x), round(y), round(r)), r
            else:
                (x0, y0), (x1, y1) = pixels
                length = math.hypot(x1 - x0, y1 - y0) or 1.0
                nx, ny = -(y1 - y0) / length * ARROW_HALF_WIDTH, (x1 - x0) / length * ARROW_HALF_WIDTH
                corners = [(x0 + nx, y0 + ny), (x1 + nx, y1 + ny), (x1 - nx, y1 - ny), (x0 - nx, y0 - ny)]
                coords, size = tuple(round(v) for c in corners for v in c), length * ARROW_HALF_WIDTH
            title = f"{label}: {titles.get(article_id) or article_id}"  # the id where the article has no title
            found.append((size, Area(shape, coords, claim_link(article_id, claim_id), title, article_id, claim_id)))
    return [a for _, a in sorted(found, key=lambda sa: sa[0])]


def tight_box(fig):
    """The box `savefig(bbox_inches="tight")` would save, in inches."""
    fig.canvas.draw()
    return fig.get_tightbbox(fig.canvas.get_renderer()).padded(PAD_INCHES)


def chart_dpi(width_inches: float, dpi: float = DPI, max_width: int = MAX_WIDTH) -> float:
    """The dpi a chart of this width is saved at: the house dpi, lower for a chart wider than the column."""
    return min(dpi, max_width / width_inches) if width_inches > 0 else dpi


def chart_html(fig, alt: str, titles: Mapping[str, str] | None = None, dpi: float = DPI) -> str:
    """The figure as an inline PNG with its image map (no map when nothing in it is linked)."""
    bbox = tight_box(fig)
    dpi = chart_dpi(bbox.width, dpi)
    found = areas(fig, titles, dpi=dpi, bbox=bbox)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches=bbox)
    png = buffer.getvalue()
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")  # the IHDR chunk
    data = base64.b64encode(png).decode("ascii")
    e = html.escape
    name = f"cw-chart-map-{next(_maps)}"
    usemap = f' usemap="#{name}"' if found else ""
    image = (f'<img class="cw-chart jp-mod-unconfined" src="data:image/png;base64,{data}" width="{width}" '
             f'height="{height}" alt="{e(alt)}"{usemap}>')
    if not found:
        return f'<div class="cw-chart-box">{image}</div>'
    rows = "".join(f'<area shape="{a.shape}" coords="{",".join(map(str, a.coords))}" href="{e(a.href)}" '
                   f'title="{e(a.title)}" alt="{e(a.title)}">' for a in found)
    note = (f'<p class="cw-table-note">{len(found)} points linked: hover one for its label, click it for the first '
            "report's sentence</p>")
    return f'<div class="cw-chart-box" style="overflow-x:auto">{image}<map name="{name}">{rows}</map></div>{note}'
