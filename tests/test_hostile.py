"""Hostile and unlucky input (issue 17): nothing crashes the whole run, nothing hangs, nothing is lost silently.

Each test builds its corpus in a temporary folder with sentences written for these tests."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import threading
import time
from pathlib import Path

import pandas as pd
import pytest
from messy import ARTICLE, OTHERS

from helpers import paths
from helpers.build.pipeline import BuildError, build
from helpers.ingest.decode import NotText, decode_bytes
from helpers.lang.text import normalize_text

BODY = ARTICLE + "\n" + OTHERS[3] + "\n" + OTHERS[4]


def quiet(_msg: str) -> None:
    pass


def corpus_with(tmp_path: Path, n: int = 3) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(n):
        (corpus / f"good{i}.txt").write_text(f"第{i}篇。" + OTHERS[i % len(OTHERS)] + "\n" + BODY, encoding="utf-8")
    return corpus


def rows(result) -> dict[str, tuple[str, str]]:
    return {r.file: (r.status, r.reason) for r in result.report.itertuples()}


def on_disk_report(out: Path) -> pd.DataFrame:
    return pd.read_csv(out / "ingest_report.csv", encoding="utf-8-sig", keep_default_na=False)


# ------------------------------------------------------------ 1. a whole build lost

def test_a_file_name_that_is_not_utf8_is_read_and_named(tmp_path):
    corpus = corpus_with(tmp_path)
    gbk_name = "英伟达份额.txt".encode("gbk")
    junk_name = b"bad\xff\xfename.txt"
    with open(os.path.join(os.fsencode(corpus), gbk_name), "wb") as fh:
        fh.write(OTHERS[1].encode("utf-8"))
    with open(os.path.join(os.fsencode(corpus), junk_name), "wb") as fh:
        fh.write(OTHERS[2].encode("utf-8"))
    out = tmp_path / "out"
    result = build(corpus, out, workers=1, log=quiet)
    found = rows(result)
    assert found["英伟达份额.txt"][0] == "ok"  # a GBK name (zips made on Chinese Windows) read as GBK
    assert found["bad\\xff\\xfename.txt"][0] == "ok"  # bytes no encoding explains, escaped
    assert len(result.articles) == 5
    assert set(on_disk_report(out)["file"]) == set(found)
    again = build(corpus, out, workers=1, log=quiet)
    assert again.unchanged


def test_chart_labels_never_read_dollar_signs_as_mathtext():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from helpers.report import plots

    plots.setup()
    fig, ax = plt.subplots()
    names = ["$1_$2.txt", "价格$\\frac$.txt", "$x^$ 文章"]  # what mathtext cannot parse
    ax.barh(names, [1, 2, 3])
    ax.set_title(names[0])
    fig.canvas.draw()
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert set(names) <= set(labels)
    plt.close(fig)


def _flip_cache(out: Path, how: str) -> int:
    db = sqlite3.connect(out / ".cache" / "cache-v2.sqlite")
    keys = [k for (k,) in db.execute("SELECT key FROM entries")]
    for k in keys:
        if how == "blob":
            db.execute("UPDATE entries SET body = CAST(body AS BLOB) WHERE key = ?", (k,))
        elif how == "badutf8":
            db.execute("UPDATE entries SET body = CAST(X'7b22ff22' AS TEXT) WHERE key = ?", (k,))
        elif how == "number":
            db.execute("UPDATE entries SET checksum = 12345 WHERE key = ?", (k,))
        elif how == "bitflip":  # one bit of the value, which stays valid UTF-8 of the same length
            (body,) = db.execute("SELECT body FROM entries WHERE key = ?", (k,)).fetchone()
            at = next(i for i in [*range(len(body) // 2, len(body)), *range(len(body))] if body[i].isascii())
            db.execute("UPDATE entries SET body = ? WHERE key = ?", (body[:at] + chr(ord(body[at]) ^ 1) + body[at + 1:], k))
    db.commit()
    db.close()
    return len(keys)


@pytest.mark.parametrize("how", ["blob", "badutf8", "number", "bitflip"])
def test_a_damaged_value_in_the_cache_is_dropped_and_rebuilt(tmp_path, how):
    corpus = corpus_with(tmp_path)
    out = tmp_path / "out"
    first = build(corpus, out, workers=1, log=quiet)
    assert _flip_cache(out, how) > 0
    (out / ".build-signature").unlink()
    (out / ".state" / "summaries.json").unlink()
    again = build(corpus, out, workers=1, log=quiet)
    pd.testing.assert_frame_equal(again.claims, first.claims)
    assert again.n_ingested == 3  # every damaged entry was made again


def _suicide_on_marker(data, suffix, simplifier):
    if b"KILLME" in data:
        os.kill(os.getpid(), signal.SIGKILL)
    return _real_ingest(data, suffix, simplifier)


from helpers.build import jobs as _jobs  # noqa: E402

_real_ingest = _jobs.ingest_bytes


def test_a_killed_worker_costs_one_file_not_the_build(tmp_path, monkeypatch):
    corpus = corpus_with(tmp_path, 24)
    (corpus / "killer.txt").write_text("KILLME " + BODY, encoding="utf-8")
    monkeypatch.setattr(_jobs, "ingest_bytes", _suicide_on_marker)  # workers are forked: they see it
    result = build(corpus, tmp_path / "out", workers=2, log=quiet)
    found = rows(result)
    assert found["killer.txt"][0] == "skipped" and "worker" in found["killer.txt"][1]
    assert sum(1 for s, _ in found.values() if s in ("ok", "duplicate")) == 24


_real_extract = _jobs.extract_article
_MAIN_PID = os.getpid()


def _suicide_on_claims_marker(article_id, text, *args):
    if "KILLCLAIMS" in text and os.getpid() != _MAIN_PID:  # only a worker dies; the build's process never
        os.kill(os.getpid(), signal.SIGKILL)
    return _real_extract(article_id, text, *args)


def test_a_part_whose_worker_is_lost_twice_is_written_without_new_claims(tmp_path, monkeypatch):
    """The `lost_parts` fallback: the part is written in the build's own process from what the cache
    holds; the article whose extraction kills its worker is reported, its part-mates keep their claims."""
    from helpers.store.parts import part_of

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    target = part_of("killer.txt")
    mates = [n for n in (f"mate{i}.txt" for i in range(5000)) if part_of(n) == target][:2]
    for i, name in enumerate([*mates, "other.txt"]):  # texts of their own (near copies get no claims)
        (corpus / name).write_text(OTHERS[i], encoding="utf-8")
    out = tmp_path / "out"
    first = build(corpus, out, workers=1, log=quiet)
    (corpus / "killer.txt").write_text("KILLCLAIMS " + ARTICLE, encoding="utf-8")
    monkeypatch.setattr(_jobs, "extract_article", _suicide_on_claims_marker)  # workers are forked: they see it
    result = build(corpus, out, workers=2, log=quiet)
    found = rows(result)
    assert found["killer.txt"][0] == "ok" and "claims not extracted" in found["killer.txt"][1]
    assert "lost twice" in found["killer.txt"][1]
    ids = dict(zip(result.articles["file"], result.articles["article_id"]))
    assert "killer.txt" in ids  # the article is in the tables, without claims
    assert not (result.claims["article_id"] == ids["killer.txt"]).any()
    for name in mates:  # written by the fallback from the cache: the same claims as before
        before = first.claims[first.claims["article_id"] == ids[name]].reset_index(drop=True)
        after = result.claims[result.claims["article_id"] == ids[name]].reset_index(drop=True)
        assert len(before) > 0
        pd.testing.assert_frame_equal(after, before)
    assert not result.unchanged
    monkeypatch.undo()  # the next build tries the article again
    again = build(corpus, out, workers=1, log=quiet)
    assert (again.claims["article_id"] == ids["killer.txt"]).sum() > 0 and rows(again)["killer.txt"] == ("ok", "")


def test_workers_retry_lost_work_once_then_give_it_up(tmp_path):
    from helpers.build.workers import Workers

    pool = Workers(paths.LEXICON, 2)
    try:
        got = list(pool.map(_die_on_seven, list(range(20)), on_lost=lambda job: ("lost", job)))
    finally:
        pool.close()
    assert sorted(got, key=lambda x: x[1]) == [("ok", i) if i != 7 else ("lost", 7) for i in range(20)]


def _die_on_seven(i):
    if i == 7:
        os.kill(os.getpid(), signal.SIGKILL)
    return ("ok", i)


def test_a_manifest_that_is_a_directory_or_unreadable_is_reported(tmp_path):
    corpus = corpus_with(tmp_path)
    (corpus / "manifest.csv").mkdir()
    result = build(corpus, tmp_path / "out", workers=1, log=quiet)
    assert any(f.startswith("manifest.csv") and s == "skipped" for f, (s, _) in rows(result).items())
    assert len(result.articles) == 3
    os.rmdir(corpus / "manifest.csv")
    os.mkfifo(corpus / "manifest.csv")  # would block a plain open() forever
    done: dict = {}
    t = threading.Thread(target=lambda: done.setdefault("r", build(corpus, tmp_path / "out2", workers=1, log=quiet)),
                         daemon=True)
    t.start()
    t.join(60)
    if t.is_alive():
        os.close(os.open(corpus / "manifest.csv", os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("the build hung on a FIFO manifest")
    assert any("manifest" in f and "unreadable" in r for f, (_, r) in rows(done["r"]).items())


@pytest.mark.parametrize("body", ['{"x": 1}', '[1, 2]', '{"%s": {"title": 5}}', 'null', '{"%s": "text"}'])
def test_an_edited_summaries_file_is_not_trusted(tmp_path, body):
    corpus = corpus_with(tmp_path)
    out = tmp_path / "out"
    first = build(corpus, out, workers=1, log=quiet)
    state = out / ".state" / "summaries.json"
    some_key = next(iter(json.loads(state.read_text())))
    state.write_text(body.replace("%s", some_key) if "%s" in body else body)
    (out / ".build-signature").unlink()
    again = build(corpus, out, workers=1, log=quiet)
    pd.testing.assert_frame_equal(again.articles, first.articles)


# ------------------------------------------------------------ 2. hangs and memory

def test_a_fifo_and_a_link_to_dev_zero_are_skipped_not_read(tmp_path):
    corpus = corpus_with(tmp_path)
    os.mkfifo(corpus / "pipe.txt")
    os.symlink("/dev/zero", corpus / "zero.txt")
    done: dict = {}

    def run():
        done["result"] = build(corpus, tmp_path / "out", workers=1, log=quiet)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(120)
    if t.is_alive():  # unblock the reader of the FIFO so the test run can end
        fd = os.open(corpus / "pipe.txt", os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        pytest.fail("the build hung on a FIFO")
    found = rows(done["result"])
    assert found["pipe.txt"][0] == "skipped" and "not a regular file" in found["pipe.txt"][1]
    assert found["zero.txt"][0] == "skipped"
    assert len(done["result"].articles) == 3


def test_the_read_is_capped_whatever_the_size_says(tmp_path, monkeypatch):
    from helpers.build import pipeline

    corpus = corpus_with(tmp_path)
    (corpus / "big.txt").write_text(BODY * 400, encoding="utf-8")
    real_stat = os.stat

    def lying_stat(path, *a, **k):  # a file system that reports a wrong size (procfs, FUSE)
        st = real_stat(path, *a, **k)
        if str(path).endswith("big.txt"):
            return os.stat_result((st.st_mode, st.st_ino, st.st_dev, st.st_nlink, st.st_uid, st.st_gid, 10,
                                   st.st_atime, st.st_mtime, st.st_ctime))
        return st

    monkeypatch.setattr(paths, "MAX_FILE_BYTES", 50_000)
    monkeypatch.setattr(pipeline.os, "stat", lying_stat)
    result = build(corpus, tmp_path / "out", workers=1, log=quiet)
    assert rows(result)["big.txt"][0] == "skipped" and "too large" in rows(result)["big.txt"][1]


def test_claim_dense_text_is_capped_and_the_cap_is_reported(tmp_path, monkeypatch):
    from helpers.build import jobs

    corpus = corpus_with(tmp_path, 1)
    (corpus / "dense.txt").write_text("华为昇腾910C的算力。\n" + "昇腾910C的算力是H20的两倍，" * 3000, encoding="utf-8")
    monkeypatch.setattr(jobs, "MAX_CLAIMS_PER_ARTICLE", 200)
    result = build(corpus, tmp_path / "out", workers=1, log=quiet)
    dense_id = result.articles.set_index("file").loc["dense.txt", "article_id"]
    n = int((result.claims["article_id"] == dense_id).sum())
    assert 0 < n <= 200
    assert "claims capped at 200" in rows(result)["dense.txt"][1]


def test_extraction_time_is_capped_and_reported(tmp_path, monkeypatch):
    from helpers.build import jobs

    corpus = corpus_with(tmp_path, 0)
    (corpus / "slow.txt").write_text(BODY, encoding="utf-8")
    real = jobs.extract_article

    def slow(article_id, *a, **k):
        if article_id == "slow":
            time.sleep(5)
        return real(article_id, *a, **k)

    monkeypatch.setattr(jobs, "extract_article", slow)
    monkeypatch.setattr(jobs, "MAX_EXTRACT_SECONDS", 1)
    started = time.monotonic()
    result = build(corpus, tmp_path / "out", workers=1, log=quiet)
    assert time.monotonic() - started < 30
    assert "stopped after 1 s" in rows(result)["slow.txt"][1]
    assert len(result.articles) == 1


def test_clause_bounds_find_the_marks_once_per_sentence(monkeypatch):
    """Percent-dense text made clause bounds quadratic (each figure scanned its clause again): the marks
    are found once per sentence, each lookup is a bisection, and the bounds are those of a plain scan."""
    import random

    from helpers.extract import context

    rng = random.Random(5)
    zh = "".join(rng.choice(["95%", "、", "，", "份额", "；", "H20"]) for _ in range(20_000))
    ctx = context.SentenceContext("a", 0, 0, zh, zh, [], None, None)
    calls = {"n": 0}
    real = context.CLAUSE_BREAK

    class Counting:
        def finditer(self, text):
            calls["n"] += 1
            return real.finditer(text)

        def match(self, text):
            return real.match(text)

    monkeypatch.setattr(context, "CLAUSE_BREAK", Counting())
    positions = [rng.randrange(len(zh) + 1) for _ in range(3000)]
    started = time.monotonic()
    got = [ctx.clause_bounds(pos) for pos in positions]
    assert calls["n"] == 1 and time.monotonic() - started < 5
    for pos, (start, end) in zip(positions[:300], got):
        s, e = pos, pos
        while s > 0 and not real.match(zh[s - 1]):
            s -= 1
        while e < len(zh) and not real.match(zh[e]):
            e += 1
        assert (start, end) == (s, e), pos


# ------------------------------------------------------------ 3. silent loss

def test_an_unreadable_subfolder_gets_a_report_row(tmp_path, monkeypatch):
    corpus = corpus_with(tmp_path)
    locked = corpus / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(BODY, encoding="utf-8")
    real_scandir = os.scandir

    def denying_scandir(path="."):  # as a folder without read permission behaves (root ignores chmod)
        if not isinstance(path, int) and os.fspath(path).rstrip("/").endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", denying_scandir)
    result = build(corpus, tmp_path / "out", workers=1, log=quiet)
    monkeypatch.undo()
    found = rows(result)
    assert found["locked/"][0] == "skipped" and "unreadable folder" in found["locked/"][1]


def test_symlinks_inside_the_corpus_are_followed_outside_reported(tmp_path):
    corpus = corpus_with(tmp_path)
    outside = tmp_path / "outside.txt"
    outside.write_text(OTHERS[2] + BODY, encoding="utf-8")
    os.symlink(outside, corpus / "out_link.txt")
    os.symlink(corpus / "good0.txt", corpus / "in_link.txt")
    (tmp_path / "folder").mkdir()
    os.symlink(tmp_path / "folder", corpus / "linked_folder")
    found = rows(build(corpus, tmp_path / "out", workers=1, log=quiet))
    assert found["out_link.txt"][0] == "skipped" and "outside the corpus" in found["out_link.txt"][1]
    assert found["in_link.txt"][0] == "duplicate"
    assert found["linked_folder/"][0] == "skipped" and "not followed" in found["linked_folder/"][1]


def test_html_nested_past_the_parser_limit_keeps_its_text(tmp_path):
    corpus = corpus_with(tmp_path, 1)
    depth = 600
    page = ("<html><head><title>深层页面</title></head><body>" + "<div>" * depth
            + "".join(f"<p>{s}</p>" for s in (ARTICLE, OTHERS[3], OTHERS[4])) + "</div>" * depth + "</body></html>")
    (corpus / "deep.html").write_text(page, encoding="utf-8")
    result = build(corpus, tmp_path / "out", workers=1, log=quiet)
    assert rows(result)["deep.html"][0] == "ok"
    text = result.articles.set_index("file").loc["deep.html", "text"]
    assert "Atlas 950 SuperPoD支持8192张卡" in text and "美国商务部发布新规" in text


def test_bidi_and_format_characters_are_removed_in_cleaning():
    marks = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u00ad\ufe0f"
    dirty = "".join(ch + marks[i % len(marks)] for i, ch in enumerate(ARTICLE))
    assert normalize_text(dirty) == normalize_text(ARTICLE)


def test_bidi_marks_do_not_cost_claims(tmp_path):
    marks = "\u200e\u202a\u2066\u00ad\ufe0f"
    found = {}
    for name, text in (("clean", BODY), ("marked", "".join(ch + (marks[i % 5] if i % 3 == 0 else "")
                                                            for i, ch in enumerate(BODY)))):
        corpus = tmp_path / name
        corpus.mkdir()
        (corpus / "a.txt").write_text(text, encoding="utf-8")
        claims = build(corpus, tmp_path / f"out-{name}", workers=1, log=quiet).claims
        found[name] = claims[["kind", "subject", "value", "evidence"]].reset_index(drop=True)
    assert len(found["clean"]) >= 5
    pd.testing.assert_frame_equal(found["marked"], found["clean"])


def test_manifest_problems_are_reported_not_swallowed(tmp_path):
    import unicodedata

    corpus = corpus_with(tmp_path, 4)
    nfd = unicodedata.normalize("NFD", "café.txt")
    (corpus / unicodedata.normalize("NFC", "café.txt")).write_text(BODY + OTHERS[1], encoding="utf-8")
    (corpus / "manifest.csv").write_text(
        "file,title,outlet,published\n"
        'good0.txt,"未闭合的标题,某报,2025-01-02\n'
        "good1.txt,第一行标题,某报,2025-01-03\n"
        "good2.txt,标题甲,甲报,2025-01-04\n"
        "good2.txt,标题乙,乙报,2025-01-05\n"
        f"{nfd},咖啡,丙报,2025-01-06\n", encoding="utf-8")
    result = build(corpus, tmp_path / "out", workers=1, log=quiet)
    by_file = result.articles.set_index("file")
    assert by_file.loc["good1.txt", "title"] == "第一行标题"  # not swallowed by the quote above
    reasons = " ".join(r for f, (_, r) in rows(result).items() if f.startswith("manifest.csv"))
    assert "quote" in reasons and "good2.txt" in reasons and "duplicate" in reasons
    assert by_file.loc[unicodedata.normalize("NFC", "café.txt"), "title"] == "咖啡"
    assert "not in the corpus" not in reasons


@pytest.mark.parametrize("damage", ["delete", "truncate", "flip"])
def test_damaged_table_parts_are_noticed_before_nothing_changed(tmp_path, damage):
    corpus = corpus_with(tmp_path)
    out = tmp_path / "out"
    first = build(corpus, out, workers=1, log=quiet)
    part = sorted((out / "claims.parquet").glob("part-*.parquet"))[0]
    if damage == "delete":
        part.unlink()
    elif damage == "truncate":
        part.write_bytes(part.read_bytes()[:100])
    else:
        data = bytearray(part.read_bytes())
        data[len(data) // 2] ^= 0x10
        st = part.stat()
        part.write_bytes(bytes(data))
        os.utime(part, ns=(st.st_atime_ns, st.st_mtime_ns))  # same size, same time: only the checksum knows
    again = build(corpus, out, workers=1, log=quiet)
    assert not again.unchanged
    pd.testing.assert_frame_equal(again.claims, first.claims)


def test_build_and_report_share_one_lock(tmp_path):
    from filelock import FileLock

    from helpers.report.runner import ReportError, report

    corpus = corpus_with(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    from helpers.store.atomic import LOCK_NAME

    with FileLock(str(out / LOCK_NAME)):
        with pytest.raises(BuildError, match="another build"):
            build(corpus, out, log=quiet)
        with pytest.raises(ReportError, match="another report"):
            report(corpus, out, log=quiet)


def test_stale_staging_folders_are_removed(tmp_path):
    corpus = corpus_with(tmp_path)
    out = tmp_path / "out"
    build(corpus, out, workers=1, log=quiet)
    for stale in (".staging-build-99999", ".old-99999"):
        (out / stale).mkdir()
        (out / stale / "x").write_text("x")
    build(corpus, out, workers=1, log=quiet)
    assert not list(out.glob(".staging-*")) and not list(out.glob(".old-*"))


def test_a_killed_report_swap_is_completed_by_the_next_run(tmp_path):
    from helpers.report import runner

    out = tmp_path / "r"
    out.mkdir()
    for name in ("data", "00-a", "index.html", "run.json"):
        (out / name).write_text("old " + name) if "." in name else (out / name).mkdir()
    staging = out / ".staging-4242"
    staging.mkdir()
    for name in ("data", "00-a", "10-b", "index.html", "run.json"):
        if "." in name:
            (staging / name).write_text("new " + name)
        else:
            (staging / name).mkdir()
            (staging / name / "f").write_text("new")
    calls = {"n": 0}
    real_replace = os.replace

    def dying_replace(src, dst):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt  # the run is killed half-way through the swap
        return real_replace(src, dst)

    runner.os.replace = dying_replace
    try:
        with pytest.raises(KeyboardInterrupt):
            runner._swap_into_place(staging, out)
    finally:
        runner.os.replace = real_replace
    runner.recover_swap(out)
    assert (out / "index.html").read_text() == "new index.html"
    assert (out / "run.json").read_text() == "new run.json"
    assert (out / "data" / "f").read_text() == "new" and (out / "10-b" / "f").exists()
    assert not list(out.glob(".staging-*")) and not list(out.glob(".old-*"))


# ------------------------------------------------------------ 4. smaller

def test_smaller_items(tmp_path):
    with pytest.raises(NotText, match="empty"):
        decode_bytes("\u3000\u3000\u3000\n".encode("utf-8") * 50)
    for order in ("utf-16-le", "utf-16-be"):  # mostly Chinese, no BOM
        assert decode_bytes((OTHERS[0] * 3).encode(order)).text == OTHERS[0] * 3, order
    assert paths.MAX_FILE_BYTES == 20_000_000
    corpus = corpus_with(tmp_path)
    (tmp_path / "afile").write_text("x")
    with pytest.raises(BuildError, match="not a folder"):
        build(corpus, tmp_path / "afile", log=quiet)
    from helpers.report.runner import ReportError, report

    with pytest.raises(ReportError, match="not a folder"):
        report(corpus, tmp_path / "afile", log=quiet)


def test_out_naming_a_file_is_a_one_line_message_on_the_command_line(tmp_path, capsys):
    from helpers.__main__ import main

    corpus = corpus_with(tmp_path, 1)
    (tmp_path / "afile").write_text("x")
    for command in ("build", "report"):
        assert main([command, "--corpus", str(corpus), "--out", str(tmp_path / "afile")]) == 1
        err = capsys.readouterr().err.strip().splitlines()
        assert err == [f"chipwatch {command}: {'output' if command == 'build' else 'report'} folder "
                       f"{tmp_path / 'afile'} is not a folder (a file of that name exists)"], err


def test_names_that_look_like_formulas_match_between_report_and_articles(tmp_path):
    corpus = corpus_with(tmp_path, 1)
    for name in ("-minus.txt", "+plus.txt", "=eq.txt", "@at.txt"):
        (corpus / name).write_text(name + OTHERS[4] + OTHERS[1 + len(name) % 3], encoding="utf-8")
    out = tmp_path / "out"
    result = build(corpus, out, workers=1, log=quiet)
    from helpers.build.pipeline import BuildResult

    assert set(BuildResult(out).report["file"]) == set(result.articles["file"])


def test_control_characters_in_names_are_not_printed_raw(tmp_path):
    corpus = corpus_with(tmp_path, 1)
    (corpus / "evil\x1b[31mred.txt").write_bytes(b"")
    lines: list[str] = []
    build(corpus, tmp_path / "out", workers=1, log=lines.append)
    assert not any("\x1b" in line for line in lines)
    assert any("evil" in line and "red.txt" in line for line in lines)
