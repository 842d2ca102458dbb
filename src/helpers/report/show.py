"""What notebooks show as text: findings and notes, as escaped HTML, so article text never acts as markup
(not even Markdown: a `[link](javascript:…)` in an article stays text)."""

from __future__ import annotations

import html

import pandas as pd

from .articles import claim_link, page_name


def finding(text: str) -> None:
    """Show the notebook's one-line finding (the runner copies its plain text to the index page)."""
    from IPython.display import display

    display({"text/html": "<p><strong>Finding.</strong> " + html.escape(text) + "</p>", "text/plain": text}, raw=True)


def notes(lines: list[str]) -> None:
    """A bulleted list of plain-text notes."""
    from IPython.display import display

    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines) or "<li>(none)</li>"
    display({"text/html": f"<ul>{items}</ul>", "text/plain": "\n".join(lines)}, raw=True)


def table_html(df: pd.DataFrame, max_rows: int = 500) -> str:
    """A table as escaped HTML, at most `max_rows` rows (the rest are in the chart's CSV). Where a row
    names its `article` and its `claim`, the article cell links to the claim's sentence on the article's
    page (`articles/<page>#c-<claim>`); with an `article` alone, to the page."""
    shown = df.head(max_rows)
    columns = [c for c in shown.columns if c != "claim"]
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in columns)
    rows = []
    claims = shown["claim"].tolist() if "claim" in shown.columns else [None] * len(shown)
    for (_, row), claim in zip(shown.iterrows(), claims):
        cells = []
        for c in columns:
            value = "" if row[c] is None or (isinstance(row[c], float) and row[c] != row[c]) else str(row[c])
            text = html.escape(value)
            if c == "article" and value:
                href = claim_link(value, claim) if isinstance(claim, str) and claim else "articles/" + page_name(value)
                text = f'<a href="{html.escape(href)}">{text}</a>'
            cells.append(f"<td>{text}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    more = (f'<p class="cw-more">{len(df) - max_rows} more rows in the CSV beside this chart.</p>'
            if len(df) > max_rows else "")
    return (f'<table class="dataframe cw-table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
            f"<p>{len(df)} rows</p>{more}")


def table(df: pd.DataFrame, max_rows: int = 500) -> None:
    """Show a table with its articles linked to their sentences (see `table_html`)."""
    from IPython.display import display

    display({"text/html": table_html(df, max_rows), "text/plain": f"{len(df)} rows"}, raw=True)
