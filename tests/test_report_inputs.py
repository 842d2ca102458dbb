"""Notebooks declare the tables they read; a notebook whose inputs did not change keeps its last page."""

from __future__ import annotations

import json
import shutil

import nbformat
import pytest

from helpers import paths
from helpers.build.pipeline import build
from helpers.report.inputs import declared_tables, helper_modules
from helpers.report.runner import ReportError, report
from helpers.store.tables import TABLE_FILES, UndeclaredTable, load

ARTICLE = "英伟达今年在某国数据中心市场的份额从70%降到40%。记者走访了三家云服务商。"


def quiet(_msg: str) -> None:
    pass


def _notebook(path, inputs: str, body: str):
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell(
        f'corpus_dir = ""\ntables_dir = ""\nreport_dir = ""\nas_of = ""\ninputs = "{inputs}"')
    params.metadata["tags"] = ["parameters"]
    finding = nbformat.v4.new_code_cell("finding")
    finding.metadata["tags"] = ["finding"]
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {path.stem}"), params,
                nbformat.v4.new_code_cell("from helpers.report import notebook\n"
                                          "tables = notebook.ensure_tables(corpus_dir, tables_dir, inputs)\n" + body),
                finding]
    nbformat.write(nb, path)
    return path


def test_the_notebooks_declare_known_tables_and_their_helpers_are_found_without_running_them():
    for source in sorted(paths.NOTEBOOKS.glob("[0-9]*.ipynb")):
        names = declared_tables(json.loads(source.read_text(encoding="utf-8")))
        assert names and set(names) <= set(TABLE_FILES), source.name
    overview = json.loads((paths.NOTEBOOKS / "00-corpus-overview.ipynb").read_text(encoding="utf-8"))
    assert "terms" in declared_tables(overview)
    modules = helper_modules(overview)
    # what the notebook imports, and what those import in turn; not the other themes
    assert {"helpers.themes.overview", "helpers.report.plots", "helpers.lang.lexicon"} <= set(modules)
    assert "helpers.themes.timeline" not in modules


def test_a_table_that_was_not_declared_fails_on_use(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    build(corpus, tmp_path / "tables", log=quiet)
    tables = load(tmp_path / "tables", only="articles, terms")
    assert len(tables.articles) == 1 and len(tables.terms) > 0
    with pytest.raises(UndeclaredTable, match="'claims'"):
        len(tables.claims)
    with pytest.raises(ValueError, match="unknown table"):
        load(tmp_path / "tables", only="articles, claimz")
    sneaky = _notebook(tmp_path / "50-sneaky.ipynb", "articles", "finding = str(len(tables.claims))")
    with pytest.raises(ReportError, match="not declared"):
        report(corpus, tmp_path / "out", notebook_paths=[sneaky], log=quiet)


def test_a_notebook_whose_tables_did_not_change_keeps_its_page_and_finding(tmp_path):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    shutil.copytree(paths.SEEDS, corpus)
    by_articles = _notebook(tmp_path / "50-articles.ipynb", "articles", "finding = f'{len(tables.articles)} articles'")
    by_disagreements = _notebook(tmp_path / "60-disagreements.ipynb", "disagreements",
                                 "finding = f'{len(tables.disagreements)} disagreeing claims'")
    sources = [by_articles, by_disagreements]
    report(corpus, out, as_of="2025-11-21", notebook_paths=sources, log=quiet)

    def run() -> dict:
        return {n["name"]: n for n in json.loads((out / "run.json").read_text(encoding="utf-8"))["notebooks"]}

    first = run()
    assert not any(n["kept"] for n in first.values()) and first["50-articles"]["finding"] == "4 articles"
    kept_page = (out / "60-disagreements.html").stat().st_mtime_ns
    # an article with no figure anything disagrees with: the articles change, the disagreements do not
    (corpus / "new.txt").write_text("记者走访了三家云服务商，听到的说法各不相同。有人乐观，有人谨慎，"
                                    "也有人说还要再等一等才看得清楚。", encoding="utf-8")
    report(corpus, out, as_of="2025-11-21", notebook_paths=sources, log=quiet)
    second = run()
    assert not second["50-articles"]["kept"] and second["50-articles"]["finding"] == "5 articles"
    assert second["60-disagreements"]["kept"]
    assert second["60-disagreements"]["finding"] == first["60-disagreements"]["finding"]
    assert (out / "60-disagreements.html").stat().st_mtime_ns == kept_page
    assert (out / "notebooks" / "60-disagreements.ipynb").exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert first["60-disagreements"]["finding"] in index and "5 articles" in index and "1 new article(s)" in index
    # the notebook itself changed: executed again, though its tables did not
    nb = nbformat.read(by_disagreements, as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("A note added."))
    nbformat.write(nb, by_disagreements)
    report(corpus, out, as_of="2025-11-21", notebook_paths=sources, log=quiet)
    third = run()
    assert not third["60-disagreements"]["kept"] and third["50-articles"]["kept"]
