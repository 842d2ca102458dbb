"""What notebooks show as text: findings and notes, escaped so that article text never acts as markup."""

from __future__ import annotations

import html


def finding(text: str) -> None:
    """Show the notebook's one-line finding (the runner copies its plain text to the index page)."""
    from IPython.display import display

    display({"text/markdown": "**Finding.** " + html.escape(text), "text/plain": text}, raw=True)


def notes(lines: list[str]) -> None:
    """A bulleted list of plain-text notes."""
    from IPython.display import display

    body = "\n".join(f"- {html.escape(line)}" for line in lines) or "- (none)"
    display({"text/markdown": body, "text/plain": "\n".join(lines)}, raw=True)
