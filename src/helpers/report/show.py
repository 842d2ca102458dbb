"""What notebooks show as text: findings, notes and tables, as escaped HTML, so article text never acts
as markup (not even Markdown: a `[link](javascript:…)` in an article stays text).

Tables are HTML tables (`table.cw-table`) holding every row up to a cap (the first rows as HTML, all of
them as escaped cells in a `data-rows` attribute); in a report the page's script (`datatables.py`)
makes them searchable, sortable and filterable, drawing only the rows on screen, with rows one line
high and a click to show a row in full. Articles appear by their title (the id stays as a column of its own),
linked to the claim's sentence on the article's page; each table links the CSV it was written to.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from . import chartmap
from .articles import claim_link, page_name

MAX_ROWS = 5000  # rows a table shows; the rest are in its CSV
STATIC_ROWS = 25  # rows written as HTML rows (all of them go to the page's script as data)

# Article titles by id, for link text: set from the articles table when a notebook loads its tables.
_TITLES: dict[str, str] = {}


def use_titles(articles: pd.DataFrame | Mapping[str, str] | None) -> None:
    """Remember each article's title (from the `articles` table, or a mapping id -> title)."""
    _TITLES.clear()
    if articles is None:
        return
    if isinstance(articles, pd.DataFrame):
        if not {"article_id", "title"} <= set(articles.columns):
            return
        pairs = zip(articles["article_id"].tolist(), articles["title"].tolist())
    elif isinstance(articles, Mapping):
        pairs = articles.items()
    else:
        return  # a table the notebook did not declare
    _TITLES.update((str(i), str(t)) for i, t in pairs if isinstance(t, str) and t.strip())


def finding(text: str) -> None:
    """Show the notebook's one-line finding (the runner copies its plain text to the index page)."""
    from IPython.display import display

    display({"text/html": "<p><strong>Finding.</strong> " + html.escape(text) + "</p>", "text/plain": text}, raw=True)


def notes(lines: list[str]) -> None:
    """A bulleted list of plain-text notes."""
    from IPython.display import display

    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines) or "<li>(none)</li>"
    display({"text/html": f"<ul>{items}</ul>", "text/plain": "\n".join(lines)}, raw=True)


def _is_article_column(name: str) -> bool:
    n = str(name).strip().lower()
    return n in ("article", "article_id", "article id") or n.startswith(("article (", "article_id ("))


def _is_title_column(name: str) -> bool:
    n = str(name).strip().lower()
    return n == "title" or n.startswith("title (")


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return "" if value != value else f"{value:.15g}"  # every digit the table holds, no exponent for money
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def _csv_href(csv: Path | str | None) -> str:
    """The CSV's address from the page: a notebook's page sits in the report folder and its CSVs in
    `<notebook>/` beside it, so the link is the CSV's folder and name."""
    if csv is None or str(csv) == "":
        return ""
    path = Path(csv)
    return f"{path.parent.name}/{path.name}" if path.parent.name else path.name


def table_html(df: pd.DataFrame, max_rows: int = MAX_ROWS, *, csv: Path | str | None = None,
               titles: Mapping[str, str] | None = None) -> str:
    """A table as escaped HTML, at most `max_rows` rows (all of them are in `csv`, when given, which is
    linked beside it). An article column (`article`, `article_id`, `article (…)`) shows the article's
    title (its id when it has none) linked to the row's claim on the article's page
    (`articles/<page>#c-<claim>`, where the row names its `claim` or `claim_id`) or to the page,
    and keeps the id in a column `article id`; a table that has its own title column links that."""
    titles = _TITLES if titles is None else titles
    if any(name is not None for name in df.index.names) or not pd.api.types.is_integer_dtype(df.index.dtype):
        df = df.reset_index()  # an index that means something (a speaker, a theme) is a column
    shown = df.head(max_rows) if max_rows is not None and max_rows >= 0 else df
    claim_col = next((c for c in ("claim", "claim_id") if c in shown.columns), None)
    article_col = next((c for c in shown.columns if _is_article_column(c)), None)
    title_col = next((c for c in shown.columns if _is_title_column(c)), None) if article_col is not None else None
    columns = [c for c in shown.columns if c != claim_col]
    n = len(shown)
    values = {c: [_text(v) for v in shown[c].tolist()] for c in columns}
    claims = [_text(v) for v in shown[claim_col].tolist()] if claim_col else [""] * n
    ids = values.get(article_col, [""] * n) if article_col is not None else [""] * n
    hrefs = [(claim_link(a, c) if c else "articles/" + page_name(a)) if a else "" for a, c in zip(ids, claims)]
    e = html.escape

    heads: list[str] = []
    cells: list[list[str]] = []  # per column, the cells' HTML
    for c in columns:
        if c == article_col and title_col is None:
            heads.append("article" if str(c).strip().lower() in ("article_id", "article id") else str(c))
            cells.append([f'<a href="{e(h)}">{e(titles.get(a) or a)}</a>' if h else "" for a, h in zip(ids, hrefs)])
            heads.append("article id")
            cells.append([e(a) for a in ids])
        elif c == title_col:
            heads.append(str(c))
            cells.append([f'<a href="{e(h)}">{e(t or a)}</a>' if h else e(t) for t, a, h in zip(values[c], ids, hrefs)])
        elif c == article_col:
            heads.append("article id")
            cells.append([e(a) for a in ids])
        else:
            heads.append(str(c))
            cells.append([e(v) for v in values[c]])
    head = "".join(f"<th>{e(h)}</th>" for h in heads)
    foot = "<th></th>" * len(heads)
    static = min(n, STATIC_ROWS)
    body = "".join("<tr>" + "".join(f"<td>{col[i]}</td>" for col in cells) + "</tr>" for i in range(static))
    # Every row, for the page's script: cells as the escaped HTML above, in JSON, in an attribute (escaped
    # again), so the browser parses no table markup for rows nobody pages to and no script holds article text.
    rows = json.dumps([[col[i] for col in cells] for i in range(n)], ensure_ascii=False, separators=(",", ":"))
    href = _csv_href(csv)
    link = f' · <a class="cw-csv" href="{e(href)}" download>download CSV</a>' if href else ""
    if len(df) > n:
        where = f'; all {len(df)} are in the <a href="{e(href)}">CSV</a>' if href else ""
        count = f"first {n} of {len(df)} rows shown{where}"
    else:
        count = f"{len(df)} rows"
    hint = " · click a row to see its cells in full" if n else ""
    if n > static:
        hint += f'<span class="cw-static"> (the first {static} shown here: the report page shows them all)</span>'
    return (f'<table class="dataframe cw-table" data-rows="{e(rows)}"><thead><tr>{head}</tr></thead>'
            f"<tfoot><tr>{foot}</tr></tfoot><tbody>{body}</tbody></table>"
            f'<p class="cw-table-note">{count}{link}{hint}</p>')


def table(df: pd.DataFrame, max_rows: int = MAX_ROWS, *, csv: Path | str | None = None,
          titles: Mapping[str, str] | None = None) -> None:
    """Show a table with its articles by title, linked to their sentences, and a link to `csv` (the
    path `plots.save_chart_data` returns); see `table_html`."""
    from IPython.display import display

    display({"text/html": table_html(df, max_rows, csv=csv, titles=titles), "text/plain": f"{len(df)} rows"}, raw=True)


def chart(fig, alt: str = "", titles: Mapping[str, str] | None = None) -> None:
    """Show a figure as a PNG whose linked points (`themes.charts.link_points`) each link to their claim's
    sentence on the article's page, with the point's label and the article's title as tooltip (see
    `chartmap`); the figure is closed (shown once)."""
    import matplotlib.pyplot as plt
    from IPython.display import display

    if not alt:
        alt = fig._suptitle.get_text() if fig._suptitle is not None else "chart"
    try:
        page = chartmap.chart_html(fig, alt, _TITLES if titles is None else titles)
    finally:
        plt.close(fig)
    display({"text/html": page, "text/plain": alt}, raw=True)
