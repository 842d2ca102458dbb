"""Headless Chromium for the report tests (Debian's chromium driven by playwright): the browser, and a
page opened with a record of what should never happen on a report page (console errors and warnings,
page errors, requests that leave the disk)."""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@contextmanager
def launched():
    """A Chromium browser for as long as the block runs."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium(), args=ARGS)
        try:
            yield b
        finally:
            b.close()


def open_page(browser, path: Path, **page_options):
    """`path` opened and loaded, with the list its problems are written to."""
    page = browser.new_page(**page_options)
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("request", lambda r: problems.append(f"network: {r.url}") if not r.url.startswith(("file:", "data:")) else None)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, problems
