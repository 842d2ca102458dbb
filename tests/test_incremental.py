"""Incremental builds: whatever changed in the corpus, rebuilding an existing tables folder gives exactly
the tables a fresh build gives, while rewriting only the parts that changed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from helpers import paths
from helpers.build import pipeline
from helpers.build import jobs
from helpers.build.pipeline import build
from helpers.check.events import MentionReader, record_mentions, reference_events
from helpers.store import parts
from helpers.store.tables import MENTION_ORDER, load, sort_rows

ARTICLE = (
    "英伟达在中国AI芯片市场的份额从95%降到50%。华为昇腾910B的FP16算力约256 TFLOPS。"
    "2025年4月，美国政府叫停H20对华出口。"
)


def quiet(_m: str) -> None:
    pass


def assert_same_tables(a: Path, b: Path) -> None:
    ta, tb = load(a), load(b)
    for name in ("articles", "sentences", "claims", "claim_check", "disagreements", "ingest_report", "terms",
                 "theme_chars", "mentions"):
        pd.testing.assert_frame_equal(getattr(ta, name), getattr(tb, name), obj=name)
    for name in ("claims.csv", "claim_check.csv", "disagreements.csv", "ingest_report.csv"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(paths.SEEDS, folder)
    sentences = [s + "。" for p in sorted(paths.SEEDS.glob("00[01]*.txt"))
                 for s in p.read_text(encoding="utf-8").split("。") if len(s) > 15]
    for i in range(12):  # distinct articles (no two are near duplicates), spread over several parts
        body = "".join(sentences[i * 6 : i * 6 + 6])
        (folder / f"gen_{i:02d}.txt").write_text(f"英伟达在华份额从95%降到{20 + i}%。{body}", encoding="utf-8")
    return folder


def rebuild_and_compare(corpus: Path, out: Path, fresh: Path) -> int:
    result = build(corpus, out, log=quiet)
    shutil.rmtree(fresh, ignore_errors=True)
    build(corpus, fresh, log=quiet)
    assert_same_tables(out, fresh)
    return result.parts_written


def test_every_kind_of_change_gives_the_tables_of_a_fresh_build(corpus, tmp_path):
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    build(corpus, out, log=quiet)

    (corpus / "new_one.txt").write_text(ARTICLE.replace("50%", "0%"), encoding="utf-8")
    assert rebuild_and_compare(corpus, out, fresh) == 1  # one new article: one part written

    (corpus / "gen_03.txt").write_text((corpus / "gen_03.txt").read_text(encoding="utf-8") + "改过的一篇。",
                                       encoding="utf-8")
    assert rebuild_and_compare(corpus, out, fresh) == 1  # one changed article

    (corpus / "gen_04.txt").unlink()
    assert rebuild_and_compare(corpus, out, fresh) <= 1  # one article gone (its part rewritten or removed)

    # A repost dated earlier than the article it repeats: the old one becomes the duplicate.
    manifest = corpus / "manifest.csv"
    text = (corpus / "gen_05.txt").read_text(encoding="utf-8")
    (corpus / "sub").mkdir()
    (corpus / "sub" / "early_repost.txt").write_text(text, encoding="utf-8")
    with open(manifest, "a", encoding="utf-8") as fh:
        fh.write("sub/early_repost.txt,,转载站,2020-01-01,,\n")
    rebuild_and_compare(corpus, out, fresh)
    report = load(out).ingest_report.set_index("file")
    assert report.loc["gen_05.txt", "status"] == "duplicate" and report.loc["sub/early_repost.txt", "status"] == "ok"

    # Two files whose names now clash get new ids; every part they touch is rewritten.
    (corpus / "sub" / "gen_06.txt").write_text(ARTICLE + "同名文件。", encoding="utf-8")
    rebuild_and_compare(corpus, out, fresh)
    assert not (set(load(out).articles["article_id"]) & {"gen_06"})


def test_a_touched_file_is_not_read_again_and_an_edit_in_place_is_seen(corpus, tmp_path):
    out = tmp_path / "out"
    build(corpus, out, log=quiet)
    target = corpus / "gen_07.txt"
    old = os.stat(target)
    os.utime(target, ns=(old.st_atime_ns, old.st_mtime_ns + 5_000_000_000))  # touched, not changed
    result = build(corpus, out, log=quiet)
    assert result.n_ingested == 0 and result.unchanged
    # Same size, new content, written a second later: the size and time index must not hide it.
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("27%", "72%"), encoding="utf-8")
    result = build(corpus, out, log=quiet)
    assert result.n_ingested == 1
    assert (load(out).claims["sentence"].str.contains("72%")).any()


def test_parts_are_folders_that_pandas_reads_as_one_table(corpus, tmp_path):
    out = tmp_path / "out"
    build(corpus, out, log=quiet)
    assert (out / "claims.parquet").is_dir() and len(list((out / "claims.parquet").glob("part-*.parquet"))) > 1
    claims = pd.read_parquet(out / "claims.parquet")
    assert len(claims) == len(load(out).claims)
    csv = pd.read_csv(out / "claims.csv", encoding="utf-8-sig", keep_default_na=False)
    assert len(csv) == len(claims) and list(csv.columns) == list(claims.columns)


def test_tables_of_an_older_build_are_replaced_by_parts(corpus, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    for table in parts.PARQUET_TABLES:  # a folder written by the previous version: one file per table
        pd.DataFrame({"x": [1]}).to_parquet(out / f"{table}.parquet")
    build(corpus, out, log=quiet)
    assert all((out / f"{t}.parquet").is_dir() for t in parts.PARQUET_TABLES)
    assert len(load(out).articles) == 16


def test_a_build_killed_while_moving_parts_is_repaired_by_the_next(corpus, tmp_path, monkeypatch):
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    build(corpus, out, log=quiet)
    for name in ("gen_00.txt", "gen_09.txt"):
        (corpus / name).write_text((corpus / name).read_text(encoding="utf-8") + "改。", encoding="utf-8")
    real_replace = os.replace
    moved = []

    def dies_after_one(src, dst):
        into_place = ".staging-build-" in str(src) and ".staging-build-" not in str(dst)
        if into_place and moved:
            raise KeyboardInterrupt  # as if the process were stopped between two moves into place
        if into_place:
            moved.append(dst)
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", dies_after_one)
    with pytest.raises(KeyboardInterrupt):
        build(corpus, out, log=quiet)
    monkeypatch.setattr(os, "replace", real_replace)
    assert len(moved) == 1
    rebuild_and_compare(corpus, out, fresh)


def test_a_part_left_behind_by_a_stopped_build_is_removed_by_the_next(corpus, tmp_path, monkeypatch):
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    build(corpus, out, log=quiet)
    lone = next(rel for rel in sorted(p.name for p in corpus.glob("gen_*.txt"))
                if sum(parts.part_of(p.name) == parts.part_of(rel) for p in corpus.glob("*.txt")) == 1)
    (corpus / lone).unlink()  # its part now has no article

    def stopped(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(parts, "remove_part", stopped)
    with pytest.raises(KeyboardInterrupt):
        build(corpus, out, log=quiet)
    monkeypatch.undo()
    rebuild_and_compare(corpus, out, fresh)


def test_a_file_unreadable_for_one_build_is_read_by_the_next(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    for path in corpus.glob("*.txt"):  # written long ago: the file index trusts them
        os.utime(path, (os.stat(path).st_atime - 3600, os.stat(path).st_mtime - 3600))
    build(corpus, out, log=quiet)
    shutil.rmtree(out / ".cache")  # its ingestion must be redone, from a file the index still trusts
    (out / ".state" / "summaries.json").unlink()
    (out / ".build-signature").unlink()
    real = pipeline.read_capped  # every read of a corpus file goes through it

    def flaky(path, limit):
        if path.endswith("gen_03.txt"):
            raise PermissionError(13, "Permission denied")
        return real(path, limit)

    monkeypatch.setattr(pipeline, "read_capped", flaky)
    first = build(corpus, out, log=quiet)
    assert first.report.set_index("file").loc["gen_03.txt", "status"] == "skipped"
    monkeypatch.undo()
    again = build(corpus, out, log=quiet)
    assert not again.unchanged
    assert again.report.set_index("file").loc["gen_03.txt", "status"] == "ok"


def test_a_same_size_rewrite_with_the_old_time_is_still_seen(corpus, tmp_path):
    out = tmp_path / "out"
    for path in corpus.glob("*.txt"):  # written long ago: the file index trusts them
        os.utime(path, (os.stat(path).st_atime - 3600, os.stat(path).st_mtime - 3600))
    build(corpus, out, log=quiet)
    target = corpus / "gen_08.txt"
    before = os.stat(target)
    target.write_text(target.read_text(encoding="utf-8").replace("28%", "82%"), encoding="utf-8")
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))  # as if written in the same clock tick
    assert os.stat(target).st_size == before.st_size
    result = build(corpus, out, log=quiet)
    assert result.n_ingested == 1
    assert load(out).claims["sentence"].str.contains("82%").any()


def test_the_mentions_table_is_what_reading_the_tables_gives_and_one_new_article_is_read_alone(
        corpus, tmp_path, monkeypatch):
    (corpus / "summons.txt").write_text("网信办就H20芯片的后门风险约谈了英伟达。" + ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    build(corpus, out, log=quiet)
    tables = load(out)
    expected = sort_rows(record_mentions(tables, reference_events()), MENTION_ORDER)
    assert set(expected["article_id"]) >= {"summons"}
    pd.testing.assert_frame_equal(tables.mentions, expected)

    read: list[int] = []
    original = MentionReader.article

    def counting(self, sentences, figures, day):
        read.append(1)
        return original(self, sentences, figures, day)

    monkeypatch.setattr(jobs.MentionReader, "article", counting)
    name = next(f"new_{k}.txt" for k in range(10_000) if parts.part_of(f"new_{k}.txt") == parts.part_of("summons.txt"))
    (corpus / name).write_text(ARTICLE.replace("50%", "0%"), encoding="utf-8")
    assert build(corpus, out, log=quiet).parts_written == 1
    assert len(read) == 1  # the new article; `summons`, in the same part, comes from the cache
    tables = load(out)
    expected = sort_rows(record_mentions(tables, reference_events()), MENTION_ORDER)
    pd.testing.assert_frame_equal(tables.mentions, expected)
