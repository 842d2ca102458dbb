"""Regression tests for problems a code review found (each names what it guards)."""

from __future__ import annotations

import stat

import pandas as pd
import pytest

from helpers import paths
from helpers.claimcheck import check_spec
from helpers.corpus import BuildError, build, load, write_table
from helpers.furniture import strip_furniture
from helpers.reference import load_chip_specs
from helpers.run import ReportError, report

ARTICLE = "英伟达在中国AI芯片市场的份额从95%降到50%。华为昇腾910B的FP16算力约256 TFLOPS。2025年4月，美国政府叫停H20对华出口。"


def quiet(_m: str) -> None:
    pass


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


def test_identical_files_each_get_a_row_and_one_is_a_duplicate(tmp_path):
    corpus = tmp_path / "c"
    for folder in ("x", "y"):
        (corpus / folder).mkdir(parents=True)
        (corpus / folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "x" / "a.md").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    for _ in range(2):  # first from scratch, then from the cache
        result = build(corpus, out, log=quiet)
        (out / ".build-signature").unlink()
        (out / ".parts" / "signatures.json").unlink()
        status = result.report.set_index("file")["status"]
        assert sorted(status.index) == ["x/a.md", "x/a.txt", "y/a.txt"]
        assert sorted(status) == ["duplicate", "duplicate", "ok"]
        assert result.articles["article_id"].is_unique
    assert (out / "claim_check.csv").exists() and (out / "disagreements.csv").exists()


def test_rounding_tolerance_is_that_of_the_figure_as_written():
    specs = load_chip_specs()[0]
    claim = {"unit": "GB/s", "metric": "互联带宽", "value": 600.0, "subject": "A800", "hedge": "", "relative_to": ""}
    assert check_spec(claim, specs).verdict == "conflicts"  # the A800 was cut to 400 GB/s
    claim["value"] = 400.0
    assert check_spec(claim, specs).verdict == "agrees"


def test_absurd_numbers_do_not_break_the_build(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("英伟达营收" + "9" * 400 + "亿美元，份额高达120%。" + ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    build(corpus, out, log=quiet)
    claims = load(out).claims
    assert claims["value"].dropna().map(lambda v: v < 1e19).all()
    assert not ((claims["kind"] == "market_share") & (claims["value"] > 100)).any()


def test_a_failed_build_keeps_the_previous_tables_whole(tmp_path):
    out = tmp_path / "out"
    build(paths.SEEDS, out, log=quiet)
    before = pd.read_csv(out / "ingest_report.csv", encoding="utf-8-sig")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    with pytest.raises(BuildError):
        build(bad, out, log=quiet)
    pd.testing.assert_frame_equal(pd.read_csv(out / "ingest_report.csv", encoding="utf-8-sig"), before)
    assert (out / "ingest_report.failed.csv").exists()
    assert len(load(out).articles) == 4


def test_outputs_are_readable_by_others(tmp_path):
    out = tmp_path / "out"
    build(paths.SEEDS, out, log=quiet)
    for name in ["articles.parquet", "claims.csv", "ingest_report.csv"]:
        assert (out / name).stat().st_mode & stat.S_IROTH, name


def test_a_copyright_footer_is_not_a_publication_date(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "p.html").write_text(
        f"<html><head><meta charset='utf-8'><title>t</title></head><body><article><p>{ARTICLE}</p>"
        f"<p>黄仁勋表示，中国市场非常重要，英伟达会继续投入。</p></article>"
        "<footer>© 2019 某网站 版权所有</footer></body></html>", encoding="utf-8")
    build(corpus, tmp_path / "out", log=quiet)
    assert not load(tmp_path / "out").articles["published"].iloc[0].startswith("2019")


def test_findings_never_become_links_or_markup():
    from IPython.core.interactiveshell import InteractiveShell

    from helpers import show

    captured = []
    shell = InteractiveShell.instance()
    shell.display_pub.publish = lambda data, **kw: captured.append(data)
    show.finding("[click](javascript:alert(2)) <img src=x onerror=alert(1)>")
    html = captured[-1]["text/html"]
    assert "<a" not in html and "<img" not in html and "&lt;img" in html


def test_a_long_body_paragraph_with_an_ad_word_is_kept():
    body = ("英伟达在中国AI芯片市场的份额从95%降到50%，用户可以打开APP查看完整的财报数据，"
            "其中数据中心业务营收同比增长，华为昇腾910B出货量大增，国产化率明显提升，" * 2)
    result = strip_furniture(body + "\n![](x.jpg)第二段。")
    assert body in result.text
    assert result.removed_chars == len("![](x.jpg)")


def test_csv_cells_never_run_as_spreadsheet_formulas(tmp_path):
    write_table(pd.DataFrame({"sentence": ["=HYPERLINK(\"x\")", "@SUM(A1)", "正常"], "n": [1, -2, 3]}),
                tmp_path / "t.csv")
    back = pd.read_csv(tmp_path / "t.csv", encoding="utf-8-sig")
    assert list(back["sentence"]) == ["'=HYPERLINK(\"x\")", "'@SUM(A1)", "正常"]
    assert list(back["n"]) == [1, -2, 3]
    # The same guard where the build writes Arrow tables directly (disagreements.csv).
    import pyarrow as pa

    from helpers.atomic import write_arrow_csv

    write_arrow_csv(pa.table({"sentence": pa.array(["+1 danger", "-x", None, "好"], pa.large_string()),
                              "n": [1, -2, 3, 4]}), tmp_path / "a.csv")
    back = pd.read_csv(tmp_path / "a.csv", encoding="utf-8-sig", keep_default_na=False)
    assert list(back["sentence"]) == ["'+1 danger", "'-x", "", "好"] and list(back["n"]) == [1, -2, 3, 4]
    assert (tmp_path / "a.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_an_extractor_failure_costs_one_article_and_is_reported(tmp_path, monkeypatch):
    from helpers import build_jobs

    real = build_jobs.extract_article

    def flaky(article_id, *args, **kwargs):
        if article_id.startswith("001"):
            raise RuntimeError("deliberate")
        return real(article_id, *args, **kwargs)

    monkeypatch.setattr(build_jobs, "extract_article", flaky)
    result = build(paths.SEEDS, tmp_path / "out", workers=1, log=quiet)
    row = result.report.set_index("file").loc["001_395745f8d570e6af.txt"]
    assert row["status"] == "ok" and "claims not extracted (RuntimeError: deliberate)" in row["reason"]
    assert set(result.claims["article_id"]) == {"000_bea3451e854f5c1e", "002_a4936f4a758b5f28", "003_914b9566c003bc5d"}
    # The failure is not remembered as done: the next build tries that article again, and only it.
    monkeypatch.setattr(build_jobs, "extract_article", real)
    again = build(paths.SEEDS, tmp_path / "out", workers=1, log=quiet)
    assert again.n_extracted == 1 and again.parts_written == 1
    assert "001_395745f8d570e6af" in set(again.claims["article_id"])
    assert again.report.set_index("file").loc["001_395745f8d570e6af.txt", "reason"] == ""
