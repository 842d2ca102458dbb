"""Messy corpora, hostile article text, interrupted and concurrent runs, stated limits."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
import browser as browser_tools
from messy import write_messy_corpus

from helpers import paths
from helpers.build.pipeline import BuildError, build
from helpers.report.runner import report


def quiet(_msg: str) -> None:
    pass


def checksum_tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def messy_report(tmp_path_factory):
    root = tmp_path_factory.mktemp("messy")
    corpus = write_messy_corpus(root)
    before = checksum_tree(corpus)
    out = root / "report"
    report(corpus, out, as_of="2025-11-21", log=quiet)
    return corpus, out, before


def test_every_file_is_accounted_for(messy_report):
    corpus, out, _ = messy_report
    report_rows = pd.read_csv(out / "data" / "ingest_report.csv", encoding="utf-8-sig", keep_default_na=False)
    files = {p.relative_to(corpus).as_posix() for p in corpus.rglob("*")
             if p.is_file() and p.suffix in (".txt", ".html")}
    assert files <= set(report_rows["file"])
    status = report_rows.set_index("file")["status"]
    assert status["empty.txt"] == "skipped" and status["photo.txt"] == "skipped"
    assert status["repost.txt"] == "duplicate"
    for name in ["gbk.txt", "big5.txt", "utf16.txt", "a/b/nested.txt", "新 文章 with spaces.txt", "hostile.html", "hostile.txt",
                 "价格$x^$与$1_$2.txt"]:
        assert status[name] == "ok", name
    reasons = " ".join(report_rows["reason"])
    assert "missing.txt" in reasons and "2025-02-30" in reasons
    assert (out / "index.html").exists()


def test_a_report_run_completes_a_swap_a_killed_run_left_before_believing_nothing_changed(messy_report, tmp_path):
    """A run killed during the report's final swap leaves its moves journalled: the next run completes
    them first, so it never keeps a half-swapped folder as "unchanged"."""
    import json

    from helpers.report.runner import JOURNAL

    corpus, out, _ = messy_report
    copy = tmp_path / "report"
    shutil.copytree(out, copy, symlinks=True, ignore=shutil.ignore_patterns(".*.lock"))
    staging = copy / ".staging-4242"
    staging.mkdir()
    (staging / "index.html").write_text("<html>the new index</html>", encoding="utf-8")
    (copy / JOURNAL).write_text(json.dumps({"staging": staging.name, "old": ".old-4242", "entries": ["index.html"]}))
    report(corpus, copy, as_of="2025-11-21", log=quiet)
    assert (copy / "index.html").read_text(encoding="utf-8") == "<html>the new index</html>"
    assert not (copy / JOURNAL).exists() and not list(copy.glob(".staging-*")) and not list(copy.glob(".old-*"))


def test_the_corpus_is_never_written(messy_report):
    corpus, _, before = messy_report
    assert checksum_tree(corpus) == before


def test_article_markup_stays_text_in_the_html(messy_report):
    _, out, _ = messy_report
    for page in out.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "__pwned" not in html or "window.__pwned" not in _scripts(html), page.name
        assert "<script>window.__pwned" not in html and 'onerror="window.__pwned' not in html, page.name
        assert "<b onclick" not in html, page.name


def _scripts(html: str) -> str:
    import re

    return " ".join(re.findall(r"<script[^>]*>(.*?)</script>", html, flags=re.S))


def _chromium() -> str | None:
    return browser_tools.chromium()


@pytest.fixture(scope="module")
def browser():
    if _chromium() is None:
        pytest.skip("Chromium is not installed (make test installs Debian's chromium when it can)")
    with browser_tools.launched() as b:
        yield b


def _open(browser, page_path: Path):
    return browser_tools.open_page(browser, page_path)


def test_hostile_text_never_runs_or_becomes_markup_in_a_browser(messy_report, browser):
    _, out, _ = messy_report
    pages = sorted(out.glob("*.html"))
    assert len(pages) >= 6
    for path in pages:
        page, problems = _open(browser, path)
        assert page.evaluate("window.__pwned") is None, path.name
        assert page.evaluate("document.querySelectorAll('[onerror],[onclick],[onmouseover],iframe').length") == 0, path.name
        assert problems == [], (path.name, problems)
        page.close()
    index, _ = _open(browser, out / "index.html")
    assert "<script>window.__pwned" not in index.content()
    index.close()


def test_seed_reports_render_without_console_errors(browser, tmp_path):
    out = tmp_path / "report"
    report(paths.SEEDS, out, as_of="2025-11-21", log=quiet)
    for path in sorted(out.glob("*.html")):
        page, problems = _open(browser, path)
        assert problems == [], (path.name, problems)
        assert page.evaluate("document.querySelectorAll('img').length") >= (1 if path.name != "index.html" else 0)
        if path.name != "index.html":
            assert page.evaluate("document.querySelectorAll('details.cw-code').length") > 0
        page.close()


# ------------------------------------------------------------ interruption

def _many_articles(corpus: Path, n: int) -> None:
    seeds = sorted(paths.SEEDS.glob("*.txt"))
    for i in range(n):
        text = seeds[i % len(seeds)].read_text(encoding="utf-8")
        (corpus / f"gen_{i:04d}.txt").write_text(text.replace("95%", f"{50 + i % 40}%") + f"\n编号{i}。", encoding="utf-8")


def test_a_killed_build_leaves_the_last_tables_and_the_next_run_completes(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(paths.SEEDS, corpus)
    out = tmp_path / "out"
    build(corpus, out, log=quiet)
    good = pd.read_parquet(out / "articles.parquet")
    _many_articles(corpus, 400)
    env = dict(os.environ, PYTHONPATH=str(paths.ROOT / "src"))
    proc = subprocess.Popen([sys.executable, "-m", "helpers", "build", "--corpus", str(corpus), "--out", str(out)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60

    def cached() -> int:
        import sqlite3

        try:
            with sqlite3.connect(out / ".cache" / "cache-v2.sqlite", timeout=1) as db:
                return db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
        except sqlite3.Error:
            return 0

    start_count = cached()
    while time.time() < deadline and proc.poll() is None and cached() < start_count + 200:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    # The previous tables are intact and readable.
    pd.testing.assert_frame_equal(pd.read_parquet(out / "articles.parquet"), good)
    assert not list(out.glob(".*.tmp"))
    again = build(corpus, out, log=quiet)
    assert len(again.articles) == 404
    assert again.n_ingested < 400  # what the killed run finished was kept
    fresh = build(corpus, tmp_path / "fresh", log=quiet)
    pd.testing.assert_frame_equal(again.articles, fresh.articles)


def test_too_many_files_are_reported_not_read(seed_corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "MAX_FILES", 3)
    result = build(seed_corpus, tmp_path / "out", log=quiet)
    skipped = result.report[result.report["status"] == "skipped"]
    assert len(skipped) == 1 and "limit of 3 files" in skipped["reason"].iloc[0]
    assert len(result.articles) == 3


def test_two_builds_on_one_folder_do_not_interleave(seed_corpus, tmp_path):
    from filelock import FileLock

    from helpers.store.atomic import LOCK_NAME

    out = tmp_path / "out"
    out.mkdir()
    with FileLock(str(out / LOCK_NAME)):
        with pytest.raises(BuildError, match="another build"):
            build(seed_corpus, out, log=quiet)
