"""The benchmark generator and harness work end to end (on a tiny corpus; timings are not asserted)."""

from __future__ import annotations

import subprocess
import sys

from helpers import paths


def test_generator_is_deterministic(tmp_path):
    sys.path.insert(0, str(paths.ROOT / "bench"))
    from generate import generate

    a = generate(5, tmp_path / "a", seed=7, work=tmp_path / "w")
    b = generate(5, tmp_path / "b", seed=7, work=tmp_path / "w")
    assert [p.read_text(encoding="utf-8") for p in a] == [p.read_text(encoding="utf-8") for p in b]
    assert len({p.read_text(encoding="utf-8") for p in a}) == 5
    # a manifest gives outlets and dates from a generator of its own: the articles' text is unchanged
    from generate import DATES, write_manifest

    import pandas as pd

    manifest = pd.read_csv(write_manifest(b, tmp_path / "b", seed=7), dtype=str, keep_default_na=False)
    assert manifest["file"].tolist() == [p.name for p in b]
    assert manifest["outlet"].str.startswith("生成媒体").all()
    assert manifest["published"].between(*DATES).all()
    assert [p.read_text(encoding="utf-8") for p in a] == [p.read_text(encoding="utf-8") for p in b]


def test_tiny_bench_writes_its_results(tmp_path):
    results = tmp_path / "RESULTS.md"
    results.write_text("# Results\n\nhand-written history\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(paths.ROOT / "bench" / "run.py"), "--sizes", "10,20", "--skip-report",
         "--work", str(tmp_path / "work"), "--results", str(results)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    text = results.read_text(encoding="utf-8")
    assert "hand-written history" in text
    for measure in ["cold build / plain jieba, 20 articles", "one new article / cold build",
                    "unchanged rebuild / cold build", "peak memory"]:
        assert measure in text
