"""What notebooks show as text: findings and notes, as escaped HTML, so article text never acts as markup
(not even Markdown: a `[link](javascript:…)` in an article stays text)."""

from __future__ import annotations

import html


def finding(text: str) -> None:
    """Show the notebook's one-line finding (the runner copies its plain text to the index page)."""
    from IPython.display import display

    display({"text/html": "<p><strong>Finding.</strong> " + html.escape(text) + "</p>", "text/plain": text}, raw=True)


def notes(lines: list[str]) -> None:
    """A bulleted list of plain-text notes."""
    from IPython.display import display

    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines) or "<li>(none)</li>"
    display({"text/html": f"<ul>{items}</ul>", "text/plain": "\n".join(lines)}, raw=True)
