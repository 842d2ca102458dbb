"""The runner end to end: notebooks executed, HTML offline, index, failure keeps the last report."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from filelock import FileLock

from helpers import paths
from helpers.report.notebook import parse_as_of
from helpers.report.runner import ReportError, report
from helpers.store.atomic import LOCK_NAME

ARTICLE = "英伟达在中国AI芯片市场的份额从95%降到50%。华为昇腾910B的FP16算力约256 TFLOPS。2025年4月，美国政府叫停H20对华出口。"


def quiet(_msg: str) -> None:
    pass


@pytest.fixture(scope="module")
def built_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    index = report(paths.SEEDS, out, as_of="2025-11-21", log=quiet)
    return out, index


def test_index_lists_every_notebook_with_its_finding_and_the_run(built_report):
    out, index = built_report
    page = index.read_text(encoding="utf-8")
    for nb in sorted(paths.NOTEBOOKS.glob("[0-9]*.ipynb")):
        assert f'href="{nb.stem}.html"' in page
        assert (out / f"{nb.stem}.html").exists()
    assert "seeds" in page and "2025-11-21" in page
    assert re.search(r"<dt>Articles</dt><dd>4 ", page)
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert all(n["finding"] for n in run["notebooks"])
    assert "4 articles" in run["notebooks"][0]["finding"]


def test_report_folder_is_self_contained(built_report):
    out, _ = built_report
    assert (out / "data" / "articles.parquet").exists()
    assert (out / "data" / "ingest_report.csv").exists()
    assert (out / "data" / "claims.parquet").exists() and (out / "data" / "claims.csv").exists()
    charts = out / "00-corpus-overview"
    for name in ["fig1_article_lengths.csv", "fig2_removed_by_reason.csv", "fig3_top_terms.csv",
                 "fig4_claims_by_kind.csv"]:
        assert (charts / name).stat().st_size > 0
    assert not list(out.glob(".staging-*"))
    for name in ["claim_check.parquet", "claim_check.csv", "disagreements.csv"]:
        assert (out / "data" / name).exists()


def test_every_notebook_writes_its_chart_data_and_a_finding(built_report):
    out, _ = built_report
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert [n["name"] for n in run["notebooks"]] == [p.stem for p in sorted(paths.NOTEBOOKS.glob("[0-9]*.ipynb"))]
    for notebook in run["notebooks"]:
        assert notebook["finding"].strip(), notebook["name"]
        csvs = list((out / notebook["name"]).glob("*.csv"))
        assert csvs, notebook["name"]
        assert all(p.stat().st_size > 0 for p in csvs)


def test_seed_report_shows_the_95_to_50_and_95_to_0_disagreement(built_report):
    out, _ = built_report
    import pandas as pd

    disagreements = pd.read_csv(out / "data" / "disagreements.csv", encoding="utf-8-sig", keep_default_na=False)
    nvidia = disagreements[(disagreements["subject"] == "英伟达") & (disagreements["metric"] == "市场份额")]
    assert {"95→50%", "95→0%"} <= set(nvidia["figure"])
    assert "different speaker" in nvidia["reason"].iloc[0]
    verdicts = pd.read_csv(out / "data" / "claim_check.csv", encoding="utf-8-sig", keep_default_na=False)
    assert {"agrees", "conflicts", "unverifiable"} <= set(verdicts["verdict"])


def test_pages_embed_their_own_chinese_font(built_report):
    out, _ = built_report
    for page in out.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "@font-face{font-family:'chipwatch-cjk'" in html, page.name


def test_html_needs_no_network_and_hides_code(built_report):
    out, _ = built_report
    for page in out.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        for src in re.findall(r"<script[^>]+src=[\"']([^\"']*)", html):  # only the report's own copy of DataTables
            assert src == "assets/tables.js" and (out / src).is_file(), (page.name, src)
        assert not re.search(r"<link[^>]+href=[\"']https?:", html), page.name
        for cdn in ["cdnjs", "cdn.jsdelivr", "unpkg.com", "mathjax", "require.min.js"]:
            assert cdn not in html.lower(), (page.name, cdn)
    overview = (out / "00-corpus-overview.html").read_text(encoding="utf-8")
    assert '<details class="cw-code">' in overview
    assert "data:image/png;base64" in overview


def test_charts_draw_chinese_with_real_glyphs(built_report):
    out, _ = built_report
    for path in (out / "notebooks").glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                text = output.get("text", "") if output.get("output_type") == "stream" else ""
                assert "Glyph" not in text and "missing from font" not in text, (path.name, text[:200])


def test_a_failing_notebook_names_itself_and_keeps_the_last_good_report(built_report, tmp_path):
    out, index = built_report
    before = index.read_bytes()
    broken = tmp_path / "99-broken.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("tables_dir = ''", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("raise RuntimeError('deliberate failure')"),
    ]
    nbformat.write(nb, broken)
    with pytest.raises(ReportError, match=r"99-broken\.ipynb failed in cell \d+.*deliberate failure"):
        report(paths.SEEDS, out, notebook_paths=[broken], log=quiet)
    assert index.read_bytes() == before
    assert not list(out.glob(".staging-*"))


def test_two_runs_on_one_folder_do_not_interleave(built_report):
    out, _ = built_report
    with FileLock(str(out / LOCK_NAME)):
        with pytest.raises(ReportError, match="another report run"):
            report(paths.SEEDS, out, log=quiet)


def test_as_of_parameter_is_parsed_and_checked():
    assert parse_as_of("2025-11-03").isoformat() == "2025-11-03"
    with pytest.raises(ValueError, match="as_of"):
        parse_as_of("2025-13-45")
    with pytest.raises(ReportError, match="as_of"):
        report(paths.SEEDS, Path("/tmp/never-written"), as_of="yesterday", log=quiet)


def test_relative_folders_work_as_make_report_passes_them(tmp_path, monkeypatch):
    import shutil

    shutil.copytree(paths.SEEDS, tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    index = report("corpus", "out", notebook_paths=[paths.NOTEBOOKS / "00-corpus-overview.ipynb"], log=quiet)
    assert index == (tmp_path / "out" / "index.html").resolve() and index.exists()
    assert (tmp_path / "out" / "00-corpus-overview.html").exists()


def test_a_rerun_with_one_new_article_rebuilds_one_part_and_a_failed_rerun_changes_nothing(tmp_path):
    import hashlib
    import shutil

    corpus, out = tmp_path / "corpus", tmp_path / "out"
    shutil.copytree(paths.SEEDS, corpus)
    overview = [paths.NOTEBOOKS / "00-corpus-overview.ipynb"]
    report(corpus, out, notebook_paths=overview, log=quiet)

    def checksums() -> dict[str, str]:
        return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted((out / "data").rglob("*")) if p.is_file() and not p.name.endswith(".lock")}

    before = checksums()
    (corpus / "new.txt").write_text("英伟达在中国AI芯片市场的份额从95%降到0%。" * 3, encoding="utf-8")
    broken = tmp_path / "99-broken.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("raise RuntimeError('deliberate failure')")]
    nbformat.write(nb, broken)
    with pytest.raises(ReportError):
        report(corpus, out, notebook_paths=[broken], log=quiet)
    assert checksums() == before  # the new tables started from links to these, and never wrote into them
    report(corpus, out, notebook_paths=overview, log=quiet)
    after = checksums()
    changed = {re.search(r"part-\d+", name).group(0) for name in after
               if after[name] != before.get(name) and re.search(r"part-\d+", name)}
    assert len(changed) == 1, changed  # one new article: one part of each table written again
    pages = out / "articles"
    assert (pages / "new.html").exists() and 'href="new.html"' in (pages / "index.html").read_text(encoding="utf-8")
    assert 'href="articles/index.html"' in (out / "index.html").read_text(encoding="utf-8")
    assert "1 new article(s)" in (out / "index.html").read_text(encoding="utf-8")
    assert "new" in set(pd.read_parquet(out / "data" / "articles.parquet")["article_id"])


def test_a_report_with_nothing_changed_is_kept_and_any_change_makes_it_anew(tmp_path):
    import shutil

    corpus, out = tmp_path / "corpus", tmp_path / "out"
    shutil.copytree(paths.SEEDS, corpus)
    overview = [paths.NOTEBOOKS / "00-corpus-overview.ipynb"]
    report(corpus, out, as_of="2025-11-21", notebook_paths=overview, log=quiet)
    def page() -> int:
        return (out / "00-corpus-overview.html").stat().st_mtime_ns

    first = page()
    report(corpus, out, as_of="2025-11-21", notebook_paths=overview, log=quiet)
    assert page() == first and not list(out.glob(".staging-*"))  # kept as it was
    report(corpus, out, as_of="2025-11-22", notebook_paths=overview, log=quiet)  # another as-of date
    second = page()
    assert second != first
    assert json.loads((out / "run.json").read_text(encoding="utf-8"))["as_of"] == "2025-11-22"
    (corpus / "new.txt").write_text("英伟达在中国AI芯片市场的份额从95%降到0%。" * 3, encoding="utf-8")
    report(corpus, out, as_of="2025-11-22", notebook_paths=overview, log=quiet)
    assert page() != second
    assert "new" in (out / "00-corpus-overview.html").read_text(encoding="utf-8")


def test_report_refuses_a_folder_that_is_not_its_own(tmp_path):
    project = tmp_path / "proj"
    (project / "data").mkdir(parents=True)
    (project / "data" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (project / "notes.md").write_text("mine", encoding="utf-8")
    with pytest.raises(ReportError, match="overlap"):
        report(project / "data", project, log=quiet)
    with pytest.raises(ReportError, match="overlap"):
        report(project / "data", project / "data", log=quiet)
    elsewhere = tmp_path / "corpus"
    elsewhere.mkdir()
    (elsewhere / "a.txt").write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(ReportError, match="not empty"):
        report(elsewhere, project, log=quiet)
    with pytest.raises(ReportError, match="part of the project"):
        report(elsewhere, paths.ROOT, log=quiet)
    assert (project / "data" / "a.txt").exists() and (project / "notes.md").exists()


def test_findings_never_become_links_or_markup():
    from IPython.core.interactiveshell import InteractiveShell

    from helpers.report import show

    captured = []
    shell = InteractiveShell.instance()
    shell.display_pub.publish = lambda data, **kw: captured.append(data)
    show.finding("[click](javascript:alert(2)) <img src=x onerror=alert(1)>")
    html = captured[-1]["text/html"]
    assert "<a" not in html and "<img" not in html and "&lt;img" in html
