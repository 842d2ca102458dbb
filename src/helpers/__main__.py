"""Command line: `python -m helpers build|report|setup`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import paths


def _cmd_build(args: argparse.Namespace) -> int:
    from .build.pipeline import BuildError, build

    log = lambda m: print(m, file=sys.stderr)  # noqa: E731
    try:
        build(args.corpus, args.out, workers=args.workers, log=log)
    except BuildError as exc:
        print(f"chipwatch build: {exc}", file=sys.stderr)
        return 1
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from .report.runner import ReportError, report

    try:
        index = report(args.corpus, args.out, as_of=args.as_of, jobs=args.jobs)
    except ReportError as exc:
        print(f"chipwatch report: {exc}", file=sys.stderr)
        return 1
    print(f"report written: {index}")
    return 0


def _cmd_setup(args: argparse.Namespace) -> int:
    from .report.plots import cjk_font_path
    from .report.runner import ensure_kernel

    ensure_kernel()
    print(f"kernel '{paths.KERNEL_NAME}' registered; CJK font: {cjk_font_path()}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("build", help="ingest a corpus folder into tables")
    p.add_argument("--corpus", type=Path, default=paths.SEEDS, help="folder of articles (default: seeds/)")
    p.add_argument("--out", type=Path, default=paths.PROCESSED, help="tables folder (default: data/processed/)")
    p.add_argument("--workers", type=int, default=None, help="processes for ingestion (default: automatic)")
    p.set_defaults(func=_cmd_build)

    p = sub.add_parser("report", help="build, execute the notebooks and render HTML reports")
    p.add_argument("--corpus", type=Path, default=paths.SEEDS, help="folder of articles (default: seeds/)")
    p.add_argument("--out", type=Path, default=paths.REPORTS, help="report folder (default: reports/)")
    p.add_argument("--as-of", default="", help="as-of date for the reports, YYYY-MM-DD (default: today)")
    p.add_argument("--jobs", type=int, default=2, help="notebooks executed at once (default: 2)")
    p.set_defaults(func=_cmd_report)

    p = sub.add_parser("setup", help="register the Jupyter kernel and check the CJK font")
    p.set_defaults(func=_cmd_setup)

    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    code = main()
    # Everything is written and closed by now: skip the interpreter's teardown of pandas, Arrow and the
    # tables in memory (a tenth of a second or more of every command).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
