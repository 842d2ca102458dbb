"""A bounded fuzz run over hostile corpora (issue 17): random bytes, names, nesting, control and format
characters, claim-dense text. Each corpus is built in a child process with a time and memory limit;
the run must finish, give every input file one report row, and keep the tables within a size bound
per input byte."""

from __future__ import annotations

import os
import random
import resource
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from messy import ARTICLE, OTHERS

from helpers import paths
from helpers.ingest.article import SUFFIXES

SEEDS = (1, 2, 3)
TIME_LIMIT_S = 240
MEMORY_LIMIT = 4 * 1024**3  # address space of the build's process
BYTES_PER_INPUT_BYTE = 100  # tables (Parquet, CSV, fragments) per byte of input (measured: at most 60), plus a fixed allowance
FIXED_ALLOWANCE = 2_000_000
MARKS = "\u200b\u200e\u200f\u202a\u202b\u202e\u2066\u2069\u00ad\ufe0f\ufeff\x00\x07\x1b\x7f\u3000\u00a0"
NAME_CHARS = "ab-=+@$%^&()[]{}'\"；，。 中文份额\u200e\u202e\x1b\t"


def _name(rng: random.Random, i: int) -> bytes:
    kind = rng.randrange(6)
    stem = "".join(rng.choice(NAME_CHARS) for _ in range(rng.randrange(1, 12))).replace("/", "").lstrip(".")
    stem = f"{stem}{i}"
    if kind == 0:
        return ("文章" + stem).encode("gbk", "replace") + rng.choice([b".txt", b".html"])  # a GBK name
    if kind == 1:
        return stem.encode("utf-8", "replace") + bytes([rng.randrange(0x80, 0x100)]) + b".txt"  # not UTF-8
    if kind == 2:
        return ("x" * rng.randrange(100, 200) + str(i)).encode() + b".md"
    return stem.encode("utf-8", "replace") + rng.choice([b".txt", b".htm", b".html", b".TXT"])


def _text(rng: random.Random) -> str:
    kind = rng.randrange(6)
    if kind == 0:  # claim dense
        return ARTICLE + "昇腾910C的算力是H20的两倍，" * rng.randrange(100, 3000)
    if kind == 1:  # percent dense
        return "英伟达的份额" + "95%、" * rng.randrange(100, 3000) + "。"
    if kind == 2:  # format and control characters everywhere
        base = ARTICLE + rng.choice(OTHERS)
        return "".join(ch + (rng.choice(MARKS) if rng.random() < 0.3 else "") for ch in base)
    if kind == 3:  # nested markup
        depth = rng.randrange(10, 3000)
        return ("<html><body>" + "<div><span>" * depth + f"<p>{ARTICLE}</p><p>{rng.choice(OTHERS)}</p>"
                + "</span></div>" * rng.randrange(0, depth) + "</body></html>")
    return rng.choice(OTHERS) + ARTICLE * rng.randrange(1, 5)


def hostile_corpus(root: Path, seed: int, n: int = 24) -> tuple[Path, int]:
    rng = random.Random(seed)
    corpus = root / f"corpus{seed}"
    corpus.mkdir()
    folders = [b"", b"a/", b"a/b/", b"deep/" * 12, "子目录/".encode("gbk")]
    for folder in folders:
        os.makedirs(os.path.join(os.fsencode(corpus), folder), exist_ok=True)
    total = 0
    (corpus / "anchor.txt").write_text(ARTICLE + OTHERS[0], encoding="utf-8")  # at least one article
    for i in range(n):
        path = os.path.join(os.fsencode(corpus), rng.choice(folders) + _name(rng, i))
        kind = rng.randrange(5)
        if kind == 0:
            data = rng.randbytes(rng.randrange(0, 20000))
        else:
            text = _text(rng)
            data = text.encode(rng.choice(["utf-8", "utf-16", "gb18030", "utf-16-le"]), "replace")
        with open(path, "wb") as fh:
            fh.write(data)
        total += len(data)
    os.mkfifo(os.path.join(os.fsencode(corpus), b"a/pipe.txt"))
    os.symlink("/dev/zero", os.path.join(os.fsencode(corpus), b"zero.txt"))
    os.symlink(corpus / "a", os.path.join(os.fsencode(corpus), b"loop_folder"))
    (corpus / "manifest.csv").write_bytes(b'file,title\n"unterminated,x\nanchor.txt,\xff\xfe\n')
    return corpus, total


def article_entries(corpus: Path) -> int:
    n = 0
    for folder, dirs, files in os.walk(os.fsencode(corpus)):
        dirs[:] = [d for d in dirs if not d.startswith(b".")]
        n += sum(1 for f in files if not f.startswith(b".") and os.path.splitext(f)[1].lower().decode() in SUFFIXES)
        n += sum(1 for d in dirs if os.path.islink(os.path.join(folder, d)))
    return n


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@pytest.mark.parametrize("seed", SEEDS)
def test_hostile_corpora_finish_account_for_every_file_and_stay_small(tmp_path, seed):
    corpus, input_bytes = hostile_corpus(tmp_path, seed)
    out = tmp_path / "out"
    env = dict(os.environ, PYTHONPATH=str(paths.ROOT / "src"))
    proc = subprocess.run([sys.executable, "-m", "helpers", "build", "--corpus", str(corpus), "--out", str(out),
                           "--workers", "1"], env=env, capture_output=True, timeout=TIME_LIMIT_S,
                          preexec_fn=_limits)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")[-2000:]
    assert b"\x1b" not in proc.stderr  # names are never printed raw
    report = pd.read_csv(out / "ingest_report.csv", encoding="utf-8-sig", keep_default_na=False)
    files = report[~report["file"].str.startswith("manifest.csv")]
    assert files["file"].is_unique
    assert len(files) == article_entries(corpus)
    assert set(files["status"]) <= {"ok", "duplicate", "skipped"}
    assert (files["status"] == "ok").sum() >= 1
    written = sum(p.stat().st_size for p in out.rglob("*") if p.is_file() and ".cache" not in p.parts)
    assert written <= BYTES_PER_INPUT_BYTE * input_bytes + FIXED_ALLOWANCE
