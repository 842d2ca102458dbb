"""chipwatch benchmarks: each measured against its baseline in one run, written to RESULTS.md.

    python bench/run.py                        # what `make bench` runs: 3,000 and 10,000 articles
    python bench/run.py --sizes 20,40 --skip-report --results /tmp/r.md   # a tiny run (the tests)

Measured, each as a ratio to its baseline:

- cold build / plain jieba: `python -m helpers build` on a fresh output folder against a process
  that only reads the same files and runs `jieba.lcut` over them (target ≤ 1.0);
- one new article / cold build, on the largest corpus (target ≤ 0.05; median of three new articles,
  the corpus put back after each);
- unchanged rebuild / cold build (target ≤ 0.05; median of three);
- `python -m helpers report` / the plain command-line loop (`python -m helpers build`, then
  `papermill` and `jupyter nbconvert` per notebook) over the same notebooks on the seeds
  (target ≤ 0.5);
- peak memory of the largest build, all its processes together (target ≤ 1.5 GB);
- cold build of the largest corpus / of the smallest, against the ratio of their sizes
  (10,000 articles at most 3.5× the time of 3,000);
- issue 15, on corpora of the `real` mix (`--report-sizes`, 10,000 and 30,000 articles): one new
  article then `python -m helpers report`, end to end (target ≤ 15 s), and how much more that is than
  the report on the unchanged corpus (≤ 2 s; medians of `--report-repeats` paired runs), the cold
  report against the cold build (≤ 2×), the cold report's peak memory with its notebook kernels
  (≤ 1.5 GB), and the cold build against plain jieba over the same files (≤ 1.0).

Wall-clock times are the targets; CPU times (of every process, kernels and workers included) are
given beside them, since on a shared machine they vary less.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

PY = sys.executable
REPEATS = 3
JIEBA_ONLY = """
import logging, sys
from pathlib import Path
import jieba
jieba.setLogLevel(logging.WARNING)
words = 0
for path in sorted(Path(sys.argv[1]).rglob("*.txt")):
    words += len(jieba.lcut(path.read_text(encoding="utf-8")))
print(words)
"""

# The same over every article file of a corpus, saved web pages included (read as they are): the
# baseline of the `real` mix, whose pages the build has to take apart first.
JIEBA_ALL = JIEBA_ONLY.replace('rglob("*.txt")', 'rglob("gen_*.*")')
REPORT_REPEATS = 3


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (Linux /proc)."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class Run(tuple):
    """What `timed` measured: wall-clock seconds, peak memory in bytes (all processes together), and
    CPU seconds of the command and every process it waited for (workers and notebook kernels). Unpacks
    as (seconds, peak) like before."""

    def __new__(cls, seconds: float, peak: int, cpu: float, log: str = ""):
        run = super().__new__(cls, (seconds, peak))
        run.cpu, run.log = cpu, log
        return run

    @property
    def seconds(self) -> float:
        return self[0]

    @property
    def peak(self) -> int:
        return self[1]


def timed(cmd: list[str], env: dict | None = None, memory: bool = True) -> Run:
    """Wall-clock seconds and peak memory (all processes) of a command; fails loudly. `memory=False`
    leaves out the memory sampling (a thread reading /proc 20 times a second, which on two cores
    costs a one-second command a measurable share of its time)."""
    cpu_before = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    if memory:
        sampler.start()
    _, err = proc.communicate()
    done.set()
    if memory:
        sampler.join()
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {err.decode(errors='replace')[-800:]}")
    return Run(seconds, peak, _children_cpu() - cpu_before, err.decode(errors="replace"))


def build_cmd(corpus: Path, out: Path) -> list[str]:
    return [PY, "-m", "helpers", "build", "--corpus", str(corpus), "--out", str(out)]


def measure_builds(sizes: list[int], work: Path, log) -> dict:
    results: dict = {"sizes": {}}
    for n in sizes:
        corpus = work / f"corpus-{n}"
        if not corpus.exists() or len(list(corpus.glob("*.txt"))) != n:
            shutil.rmtree(corpus, ignore_errors=True)
            generate(n, corpus, work=work / ".seed-tables")
        out = work / f"build-{n}"
        shutil.rmtree(out, ignore_errors=True)
        jieba_s, _ = timed([PY, "-c", JIEBA_ONLY, str(corpus)])
        cold_s, peak = timed(build_cmd(corpus, out))
        log(f"{n} articles: plain jieba {jieba_s:.1f}s, cold build {cold_s:.1f}s, peak {peak / 2**20:.0f} MiB")
        results["sizes"][n] = {"jieba": jieba_s, "cold": cold_s, "peak": peak}
    largest = max(sizes)
    corpus, out = work / f"corpus-{largest}", work / f"build-{largest}"
    # The short measures are taken three times (median): at a second or two, a busy moment of the
    # machine would otherwise decide them.
    unchanged = [timed(build_cmd(corpus, out), memory=False)[0] for _ in range(REPEATS)]
    extra = corpus / "zz_new_article.txt"
    seed_text = next(iter(sorted(corpus.glob("*.txt")))).read_text(encoding="utf-8")
    one_new = []
    for i in range(REPEATS):  # a different new article each time; the corpus is put back after each
        extra.write_text(f"新增文章：英伟达在华份额从95%降到{50 + i}%。" + seed_text[::-1][:400][::-1], encoding="utf-8")
        try:
            one_new.append(timed(build_cmd(corpus, out), memory=False)[0])
        finally:
            extra.unlink()
        timed(build_cmd(corpus, out))
    unchanged_s, one_new_s = statistics.median(unchanged), statistics.median(one_new)
    log(f"{largest} articles: unchanged rebuild {unchanged_s:.2f}s {fmt(unchanged)}, "
        f"one new article {one_new_s:.2f}s {fmt(one_new)}")
    results.update(unchanged=unchanged_s, one_new=one_new_s, largest=largest, unchanged_runs=unchanged,
                   one_new_runs=one_new)
    return results


def report_cmd(corpus: Path, out: Path) -> list[str]:
    return [PY, "-m", "helpers", "report", "--corpus", str(corpus), "--out", str(out)]


def _notebook_times(log: str) -> str:
    """The runner's per-notebook lines (`00-corpus-overview.ipynb: done in 12.3s`, or kept), joined."""
    lines = [ln.strip() for ln in log.splitlines() if ".ipynb:" in ln or "kept" in ln]
    return "; ".join(lines)


def measure_reports(n: int, work: Path, log, repeats: int = REPORT_REPEATS) -> dict:
    """Issue 15's measures on a corpus of the `real` mix: plain jieba and the cold build over it, a cold
    report (its peak memory counts every process, notebook kernels included), the same report again
    on the unchanged corpus, and one new article then the report (the corpus put back after each,
    and the report brought back to it, not counted)."""
    corpus = work / f"corpus-real-{n}"
    if not corpus.exists() or len(list(corpus.glob("gen_*.*"))) != n:
        shutil.rmtree(corpus, ignore_errors=True)
        generate(n, corpus, work=work / ".seed-tables", mix="real")
    build_out, out = work / f"build-real-{n}", work / f"report-real-{n}"
    shutil.rmtree(build_out, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    jieba = timed([PY, "-c", JIEBA_ALL, str(corpus)])
    cold_build = timed(build_cmd(corpus, build_out))
    log(f"{n} real-mix articles: plain jieba {jieba.seconds:.1f}s (cpu {jieba.cpu:.1f}), cold build "
        f"{cold_build.seconds:.1f}s (cpu {cold_build.cpu:.1f}), peak {cold_build.peak / 2**20:.0f} MiB")
    cold = timed(report_cmd(corpus, out))
    log(f"{n} real-mix articles: cold report {cold.seconds:.1f}s (cpu {cold.cpu:.1f}), peak "
        f"{cold.peak / 2**20:.0f} MiB; {_notebook_times(cold.log)}")
    unchanged, one_new = [], []
    extra = corpus / "zz_new_article.txt"
    seed_text = next(iter(sorted(corpus.glob("*.txt")))).read_text(encoding="utf-8")
    for i in range(repeats):  # paired: the unchanged report, then one new article, then the corpus put back
        unchanged.append(timed(report_cmd(corpus, out), memory=False))
        extra.write_text(f"新增文章：英伟达在华份额从95%降到{50 + i}%。" + seed_text[::-1][:400][::-1], encoding="utf-8")
        try:
            one_new.append(timed(report_cmd(corpus, out), memory=False))
        finally:
            extra.unlink()
        log(f"  pair {i + 1}: unchanged {unchanged[-1].seconds:.1f}s (cpu {unchanged[-1].cpu:.1f}), one new "
            f"{one_new[-1].seconds:.1f}s (cpu {one_new[-1].cpu:.1f}); {_notebook_times(one_new[-1].log)}")
        timed(report_cmd(corpus, out), memory=False)
    return dict(n=n, jieba=jieba, cold_build=cold_build, cold=cold, unchanged=unchanged, one_new=one_new)


def fmt(runs: list[float]) -> str:
    return "(runs: " + ", ".join(f"{r:.2f}" for r in runs) + ")"


def measure_report(work: Path, log) -> dict:
    notebooks = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
    ours_out = work / "report-ours"
    shutil.rmtree(ours_out, ignore_errors=True)
    ours_s, _ = timed([PY, "-m", "helpers", "report", "--corpus", str(ROOT / "seeds"), "--out", str(ours_out)])
    loop_out = work / "report-loop"
    shutil.rmtree(loop_out, ignore_errors=True)
    loop_out.mkdir(parents=True)
    bindir = Path(PY).parent
    start = time.perf_counter()
    tables = loop_out / "data"
    timed(build_cmd(ROOT / "seeds", tables))
    for nb in notebooks:
        executed = loop_out / nb.name
        timed([str(bindir / "papermill"), str(nb), str(executed), "--cwd", str(nb.parent), "-k", "chipwatch",
               "-p", "corpus_dir", str(ROOT / "seeds"), "-p", "tables_dir", str(tables),
               "-p", "report_dir", str(loop_out), "--no-progress-bar"])
        timed([str(bindir / "jupyter"), "nbconvert", "--to", "html", str(executed), "--output-dir", str(loop_out)])
    loop_s = time.perf_counter() - start
    log(f"report: ours {ours_s:.1f}s, papermill + nbconvert loop {loop_s:.1f}s")
    return {"ours": ours_s, "loop": loop_s}


def render_reports(reports: list[dict]) -> list[str]:
    """The rows of issue 15's measures, one set per corpus size."""
    rows = []

    def row(name: str, value: float, target: float, detail: str) -> None:
        rows.append(f"| {name} | {value:.3f} | ≤ {target:g} | {'met' if value <= target else 'NOT met'} | {detail} |")

    def spread(runs) -> str:
        return f"min–max {min(r.seconds for r in runs):.1f}–{max(r.seconds for r in runs):.1f} s over {len(runs)}"

    for r in reports:
        n, cold, build, jieba = r["n"], r["cold"], r["cold_build"], r["jieba"]
        one_new = statistics.median(x.seconds for x in r["one_new"])
        unchanged = statistics.median(x.seconds for x in r["unchanged"])
        row(f"one new article, then report, {n:,} real-mix articles (s)", one_new, 15,
            f"median, {spread(r['one_new'])}; CPU {statistics.median(x.cpu for x in r['one_new']):.1f} s")
        row(f"one new article minus unchanged report, {n:,} (s)", one_new - unchanged, 2,
            f"unchanged report median {unchanged:.1f} s, {spread(r['unchanged'])}")
        row(f"cold report / cold build, {n:,}", cold.seconds / build.seconds, 2,
            f"{cold.seconds:.1f} s against {build.seconds:.1f} s (CPU {cold.cpu:.1f} against {build.cpu:.1f})")
        row(f"peak memory, cold report with kernels, {n:,} (GB)", cold.peak / 2**30, 1.5,
            f"every process together, sampled every 50 ms; the cold build's {build.peak / 2**30:.2f} GB")
        row(f"cold build / plain jieba, {n:,} real-mix articles", build.seconds / jieba.seconds, 1.0,
            f"{build.seconds:.1f} s against {jieba.seconds:.1f} s (CPU {build.cpu:.1f} against {jieba.cpu:.1f})")
    return rows


def render(builds: dict, report: dict | None, notes: str, reports: list[dict] = ()) -> str:
    sizes = sorted(builds["sizes"])
    small, large = sizes[0], sizes[-1]
    rows = []

    def row(name: str, value: float, target: float, detail: str, lower_is_better: bool = True) -> None:
        ok = value <= target if lower_is_better else value >= target
        rows.append(f"| {name} | {value:.3f} | ≤ {target:g} | {'met' if ok else 'NOT met'} | {detail} |")

    for n in sizes:
        r = builds["sizes"][n]
        row(f"cold build / plain jieba, {n:,} articles", r["cold"] / r["jieba"], 1.0,
            f"{r['cold']:.1f} s against {r['jieba']:.1f} s")
    cold_large = builds["sizes"][large]["cold"]
    row(f"one new article / cold build, {large:,} articles", builds["one_new"] / cold_large, 0.05,
        f"{builds['one_new']:.2f} s against {cold_large:.1f} s; median {fmt(builds['one_new_runs'])}")
    row(f"unchanged rebuild / cold build, {large:,} articles", builds["unchanged"] / cold_large, 0.05,
        f"{builds['unchanged']:.2f} s against {cold_large:.1f} s; median {fmt(builds['unchanged_runs'])}")
    if report:
        row("make report / papermill-then-nbconvert loop, seeds", report["ours"] / report["loop"], 0.5,
            f"{report['ours']:.1f} s against {report['loop']:.1f} s")
    peak = builds["sizes"][large]["peak"] / 2**30
    row(f"peak memory, {large:,}-article build (GB)", peak, 1.5, "main process and workers together, sampled every 50 ms")
    if small != large:
        growth = builds["sizes"][large]["cold"] / builds["sizes"][small]["cold"]
        allowed = 3.5 * (large / small) / (10_000 / 3_000)
        row(f"cold build {large:,} / {small:,} articles", growth, round(allowed, 2),
            f"{large / small:.2f}× the articles")
    rows.extend(render_reports(list(reports)))
    header = (
        f"Measured {dt.datetime.now():%Y-%m-%d %H:%M} on {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.machine()}.\n\n| measure | value | target | | detail |\n|---|---|---|---|---|\n"
    )
    return header + "\n".join(rows) + "\n" + notes


BEGIN, END = "<!-- measured: begin -->", "<!-- measured: end -->"


def write_results(path: Path, table: str) -> None:
    """Replace the measured section of RESULTS.md, keeping the hand-written history around it."""
    text = path.read_text(encoding="utf-8") if path.exists() else f"# Benchmark results\n\n{BEGIN}\n{END}\n"
    if BEGIN not in text:
        text += f"\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{BEGIN}\n{table}{END}{tail}", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="3000,10000", help="corpus sizes, comma-separated")
    parser.add_argument("--work", type=Path, default=HERE / "out", help="scratch folder (ignored by git)")
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--skip-report", action="store_true",
                        help="leave out the report measures (the seeds comparison and those of --report-sizes)")
    parser.add_argument("--report-sizes", default="10000,30000",
                        help="sizes of the real-mix corpora the report is measured on, comma-separated")
    parser.add_argument("--report-repeats", type=int, default=REPORT_REPEATS,
                        help="paired unchanged / one-new-article report runs per size (medians)")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    args.work.mkdir(parents=True, exist_ok=True)
    log = lambda m: print(m, flush=True)  # noqa: E731
    builds = measure_builds(sizes, args.work, log)
    report = None if args.skip_report else measure_report(args.work, log)
    reports = [] if args.skip_report else [measure_reports(int(n), args.work, log, args.report_repeats)
                                           for n in args.report_sizes.split(",") if n.strip()]
    table = render(builds, report, "", reports)
    write_results(args.results, table)
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
