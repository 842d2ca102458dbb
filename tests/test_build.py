"""The build on messy input: every file accounted for, the rest processed, the corpus untouched."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pandas as pd
import pytest

from helpers import paths
from helpers.build.pipeline import BuildError, build, forget_tables
from helpers.store.tables import load

ARTICLE = (
    "英伟达在中国AI芯片市场的份额从95%降到50%。华为昇腾910B的FP16算力约256 TFLOPS。"
    "2025年4月，美国政府叫停H20对华出口。"
)
TRAD = "輝達在中國AI晶片市場的份額從95%降到50%。華為昇騰910B的FP16算力約256 TFLOPS。2025年4月，美國政府叫停H20對華出口。"


def quiet(_msg: str) -> None:
    pass


def _report(out: Path) -> pd.DataFrame:
    return pd.read_csv(out / "ingest_report.csv", encoding="utf-8-sig", keep_default_na=False)


def checksum_tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_bad_files_each_get_one_line_and_the_rest_is_processed(seed_corpus, tmp_path, capsys):
    (seed_corpus / "empty.txt").write_bytes(b"")
    (seed_corpus / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(3000))
    (seed_corpus / "gone.txt").symlink_to(seed_corpus / "does-not-exist.txt")
    with open(seed_corpus / "huge.txt", "wb") as fh:  # 50 MB of text
        fh.write(("英伟达份额下降。" * 2_300_000).encode("utf-8"))
    (seed_corpus / "nested" / "deeper").mkdir(parents=True)
    (seed_corpus / "nested" / "deeper" / "新 文章 one.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    build(seed_corpus, out, log=lambda m: print(m))
    report = _report(out).set_index("file")
    assert report.loc["empty.txt", "status"] == "skipped" and "empty" in report.loc["empty.txt", "reason"]
    assert report.loc["picture.txt", "status"] == "skipped" and "binary" in report.loc["picture.txt", "reason"]
    assert report.loc["gone.txt", "status"] == "skipped" and "unreadable" in report.loc["gone.txt", "reason"]
    assert report.loc["huge.txt", "status"] == "skipped" and "too large" in report.loc["huge.txt", "reason"]
    assert report.loc["nested/deeper/新 文章 one.txt", "status"] == "ok"
    assert (report.loc[[f for f in report.index if f.startswith("0")], "status"] == "ok").all()
    printed = capsys.readouterr().out
    for name in ["empty.txt", "picture.txt", "gone.txt", "huge.txt"]:
        assert f"skipped {name}:" in printed
    tables = load(out)
    assert "新 文章 one" in set(tables.articles["article_id"])


def test_manifest_problems_are_reported_and_the_rest_of_the_manifest_applies(seed_corpus, tmp_path):
    manifest = seed_corpus / "manifest.csv"
    manifest.write_text(
        manifest.read_text(encoding="utf-8")
        + "missing.txt,A title,Some outlet,2025-01-01,,\n"
        + "extra.txt,Extra,Outlet X,2025-02-30,,\n",
        encoding="utf-8",
    )
    (seed_corpus / "extra.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    build(seed_corpus, out, log=quiet)
    report = _report(out)
    reasons = " | ".join(report.loc[report["status"] == "skipped", "reason"])
    assert "missing.txt" in reasons and "not in the corpus" in reasons
    assert "impossible published date '2025-02-30'" in reasons
    arts = load(out).articles.set_index("file")
    assert arts.loc["extra.txt", "outlet"] == "Outlet X"
    assert arts.loc["extra.txt", "published"] == ""


def test_encodings_are_detected_and_recorded(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "gb.txt").write_bytes(ARTICLE.encode("gb18030"))
    (corpus / "b5.txt").write_bytes(TRAD.encode("big5"))
    (corpus / "u16.txt").write_bytes(ARTICLE.replace("95%", "90%").encode("utf-16"))
    (corpus / "bom.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.replace("95%", "80%").encode("utf-8"))
    out = tmp_path / "out"
    build(corpus, out, log=quiet)
    report = _report(out).set_index("file")
    assert report.loc["gb.txt", "encoding"] == "gb18030"
    assert report.loc["b5.txt", "encoding"].startswith("big5")
    assert report.loc["u16.txt", "encoding"] == "utf-16"
    assert report.loc["bom.txt", "encoding"] == "utf-8-sig"
    arts = load(out).articles.set_index("file")
    assert arts.loc["b5.txt", "script"] == "hant"
    assert "英伟达" in arts.loc["b5.txt", "text_zh_hans"] and "芯片" in arts.loc["b5.txt", "text_zh_hans"]


def test_reposts_and_other_script_copies_are_duplicates(seed_corpus, tmp_path):
    seed = (seed_corpus / "001_395745f8d570e6af.txt").read_text(encoding="utf-8")
    (seed_corpus / "repost.txt").write_text(
        "分享至\n" + seed.replace("股票配资", "免费配资") + "\n相关推荐\n别的新闻标题\n【3评论】", encoding="utf-8")
    from helpers.lang.script import _cc

    (seed_corpus / "traditional.txt").write_text(_cc("s2t").convert(seed), encoding="utf-8")
    out = tmp_path / "out"
    build(seed_corpus, out, log=quiet)
    report = _report(out).set_index("file")
    assert report.loc["repost.txt", "status"] == "duplicate"
    assert report.loc["traditional.txt", "status"] == "duplicate"
    assert "001_395745f8d570e6af.txt" in report.loc["repost.txt", "reason"]
    tables = load(out)
    assert len(tables.unique_articles) == 4


def test_corpus_is_never_written_to(seed_corpus, tmp_path):
    before = checksum_tree(seed_corpus)
    build(seed_corpus, tmp_path / "out", log=quiet)
    assert checksum_tree(seed_corpus) == before
    with pytest.raises(BuildError, match="read-only"):
        build(seed_corpus, seed_corpus / "out", log=quiet)


def test_rebuild_uses_the_cache_and_a_new_file_is_the_only_new_work(seed_corpus, tmp_path):
    out = tmp_path / "out"
    first = build(seed_corpus, out, log=quiet)
    assert first.n_ingested == 4
    first_articles = first.articles  # tables are read from disk when first asked for
    again = build(seed_corpus, out, log=quiet)
    assert (again.n_ingested, again.n_cached, again.n_extracted) == (0, 4, 0)
    (seed_corpus / "new.txt").write_text(ARTICLE, encoding="utf-8")
    third = build(seed_corpus, out, log=quiet)
    assert (third.n_ingested, third.n_cached, third.n_extracted) == (1, 4, 1)
    assert set(third.claims.loc[third.claims["article_id"] == "new", "kind"]) >= {"market_share", "spec", "event"}
    pd.testing.assert_frame_equal(
        first_articles.reset_index(drop=True),
        third.articles[third.articles["file"] != "new.txt"].reset_index(drop=True),
    )


def test_a_corrupted_cache_entry_is_rebuilt_not_trusted(seed_corpus, tmp_path):
    import sqlite3

    out = tmp_path / "out"
    first = build(seed_corpus, out, log=quiet)
    db = sqlite3.connect(out / ".cache" / "cache-v2.sqlite")
    rows = db.execute("SELECT key, body FROM entries ORDER BY key").fetchall()
    ingest = [k for k, b in rows if b.startswith("{") and ":" not in k]  # not summaries or overlaps
    claims = [k for k, b in rows if b.startswith("[") and ":" not in k]
    assert len(ingest) == 4 and len(claims) == 4
    db.execute("UPDATE entries SET body = replace(body, '英伟达', 'XXX') WHERE key = ?", (ingest[0],))
    db.execute("UPDATE entries SET body = 'garbage' WHERE key = ?", (ingest[1],))
    db.execute("UPDATE entries SET body = '[]' WHERE key = ?", (claims[0],))
    db.commit()
    db.close()
    forget_tables(out)  # make the build look at its cache rather than keep its tables
    again = build(seed_corpus, out, log=quiet)
    assert again.n_ingested == 2 and again.n_extracted == 1
    pd.testing.assert_frame_equal(first.articles, again.articles)
    pd.testing.assert_frame_equal(first.claims, again.claims)


def test_a_damaged_cache_file_is_set_aside_and_rebuilt(seed_corpus, tmp_path):
    out = tmp_path / "out"
    first = build(seed_corpus, out, log=quiet)
    (out / ".cache" / "cache-v2.sqlite").write_bytes(b"this is not a database" * 100)
    forget_tables(out)
    again = build(seed_corpus, out, log=quiet)
    assert again.n_ingested == 4  # every article ingested again: nothing read from the damaged file
    pd.testing.assert_frame_equal(first.claims, again.claims)


def test_an_unchanged_corpus_keeps_its_tables_and_any_change_rebuilds(seed_corpus, tmp_path):
    out = tmp_path / "out"
    build(seed_corpus, out, log=quiet)
    assert build(seed_corpus, out, log=quiet).unchanged
    manifest = seed_corpus / "manifest.csv"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(",网易号,2025-11-03,", ",网易号,2025-11-04,"),
                        encoding="utf-8")
    changed = build(seed_corpus, out, log=quiet)
    assert changed.n_extracted == 1  # the published date changed: that article's dates resolve anew
    assert "2025-11-04" in set(load(out).articles["published"])


def test_nothing_readable_fails_with_one_line(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    with pytest.raises(BuildError, match="no article could be read"):
        build(corpus, tmp_path / "out", log=quiet)
    assert _report(tmp_path / "out")["status"].tolist() == ["skipped"]


def test_html_pages_give_their_main_text_and_metadata(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>英伟达份额腰斩 - 某财经网</title>
    <meta property="og:site_name" content="某财经网"><meta property="article:published_time" content="2025-09-20T08:00:00+08:00">
    </head><body><nav><a href="/">首页</a> <a href="/tech">科技</a></nav>
    <article><h1>英伟达份额腰斩</h1><p>{ARTICLE}</p><p>黄仁勋表示，中国市场非常重要，英伟达不会放弃这一市场。</p></article>
    <aside><h3>相关推荐</h3><ul><li><a href="/x">别的新闻</a></li></ul></aside><footer>版权所有</footer></body></html>"""
    (corpus / "page.html").write_text(page, encoding="utf-8")
    out = tmp_path / "out"
    build(corpus, out, log=quiet)
    art = load(out).articles.iloc[0]
    assert "份额从95%降到50%" in art["text"]
    assert "别的新闻" not in art["text"] and "版权所有" not in art["text"]
    assert art["published"] == "2025-09-20" and art["published_source"] == "text"
    assert art["outlet"] == "某财经网"


def test_default_folders_come_from_paths():
    assert paths.SEEDS.is_dir() and (paths.SEEDS / "manifest.csv").exists()


def test_published_dates_from_headers_and_footers():
    from helpers.ingest.meta import published_from_text

    assert published_from_text("标题\n〔記者/綜合報導〕2026/06/02 05:30\n正文")[0] == "2026-06-02"
    assert published_from_text("标题\n2025-07-18 02:10 聯合報／記者李宜臻／台北報導\n正文")[0] == "2025-07-18"
    assert published_from_text("正文\n更多正文\n编辑于 2025-09-20 14:03・IP 属地上海")[0] == "2025-09-20"
    assert published_from_text("香港01 撰文：何嘉欣 發佈日期：2026-01-02 10:15\n正文")[0] == "2026-01-02"

# An article with a share, a spec and an event, to build with other text around it.
REVIEW_ARTICLE = "英伟达在中国AI芯片市场的份额从95%降到50%。华为昇腾910B的FP16算力约256 TFLOPS。2025年4月，美国政府叫停H20对华出口。"


def test_identical_files_each_get_a_row_and_one_is_a_duplicate(tmp_path):
    corpus = tmp_path / "c"
    for folder in ("x", "y"):
        (corpus / folder).mkdir(parents=True)
        (corpus / folder / "a.txt").write_text(REVIEW_ARTICLE, encoding="utf-8")
    (corpus / "x" / "a.md").write_text(REVIEW_ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    for _ in range(2):  # first from scratch, then from the cache
        result = build(corpus, out, log=quiet)
        forget_tables(out)
        status = result.report.set_index("file")["status"]
        assert sorted(status.index) == ["x/a.md", "x/a.txt", "y/a.txt"]
        assert sorted(status) == ["duplicate", "duplicate", "ok"]
        assert result.articles["article_id"].is_unique
    assert (out / "claim_check.csv").exists() and (out / "disagreements.csv").exists()


def test_absurd_numbers_do_not_break_the_build(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("英伟达营收" + "9" * 400 + "亿美元，份额高达120%。" + REVIEW_ARTICLE, encoding="utf-8")
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
        f"<html><head><meta charset='utf-8'><title>t</title></head><body><article><p>{REVIEW_ARTICLE}</p>"
        f"<p>黄仁勋表示，中国市场非常重要，英伟达会继续投入。</p></article>"
        "<footer>© 2019 某网站 版权所有</footer></body></html>", encoding="utf-8")
    build(corpus, tmp_path / "out", log=quiet)
    assert not load(tmp_path / "out").articles["published"].iloc[0].startswith("2019")


def test_an_extractor_failure_costs_one_article_and_is_reported(tmp_path, monkeypatch):
    from helpers.build import jobs as build_jobs

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
