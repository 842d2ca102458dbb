"""The report runner: build once, execute every notebook with papermill, render HTML.

Everything is produced in a staging folder beside the report folder and moved
into place only when every notebook succeeded, so a failed run leaves the
last good report as it was. Notebooks run in parallel (independent kernels,
driven from this one process); each writes the CSV behind its charts into
the report folder and states its finding in a cell tagged `finding`.

What is unchanged is not made again: a report whose signature (tables, notebooks, code, as-of date)
is the last one's is kept whole; otherwise each notebook whose own signature (`inputs`: the tables
it declares, itself, the helper code it imports, the parameters) is the last one's keeps its page,
its CSVs and its finding, and only the others are executed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from filelock import Timeout

from .. import paths
from ..build.pipeline import BuildError, build
from ..build.versions import code_digest
from ..store.atomic import LOCK_NAME, atomic_write, folder_lock, remove_stale
from ..store.parts import read_signatures, read_table
from ..store.tables import load
from .articles import write_article_pages
from . import datatables
from .changes import corpus_state, section_links
from .changes import render as render_changes
from .inputs import notebook_signature
from .notebook import parse_as_of
from .webfont import embed_fonts


class ReportError(RuntimeError):
    """A report run that failed; the message names the notebook and cell."""


@dataclass
class NotebookResult:
    name: str
    title: str
    finding: str
    html: str
    seconds: float
    signature: str = ""  # what its page depends on (`inputs.notebook_signature`)
    kept: bool = False  # its inputs were unchanged: the last report's page was kept


# ------------------------------------------------------------ kernel

def ensure_kernel() -> str:
    """Register the project's kernel (this Python) in this environment; return its name."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        spec = KernelSpecManager().get_kernel_spec(paths.KERNEL_NAME)
        if spec.argv and Path(spec.argv[0]).resolve() == Path(sys.executable).resolve():
            return paths.KERNEL_NAME
    except NoSuchKernel:
        pass
    from ipykernel.kernelspec import install

    install(kernel_name=paths.KERNEL_NAME, display_name="chipwatch (Python)", prefix=sys.prefix)
    return paths.KERNEL_NAME


# ------------------------------------------------------------ notebooks

def notebooks(folder: Path = paths.NOTEBOOKS) -> list[Path]:
    return sorted(p for p in folder.glob("[0-9]*.ipynb") if not p.name.startswith("."))


def _title(nb) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return ""


def _finding(nb) -> str:
    for cell in nb.cells:
        if "finding" in cell.get("metadata", {}).get("tags", []):
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                text = data.get("text/plain") or output.get("text")
                if text:
                    text = "".join(text) if isinstance(text, list) else text
                    return text.strip().strip("'\"")
    return ""


def _exporter():
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="chipwatch", extra_template_basedirs=[str(paths.TEMPLATES)])
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.embed_images = True
    return exporter


def execute_notebook(source: Path, staging: Path, parameters: dict, kernel: str) -> NotebookResult:
    import nbformat
    import papermill as pm

    executed = staging / "notebooks" / source.name
    executed.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    try:
        pm.execute_notebook(
            str(source), str(executed), parameters=parameters, kernel_name=kernel,
            language="python", progress_bar=False, cwd=str(source.parent), report_mode=False,
        )
    except pm.PapermillExecutionError as exc:
        raise ReportError(
            f"notebook {source.name} failed in cell {exc.cell_index} "
            f"(execution count {exc.exec_count}): {exc.ename}: {exc.evalue}"
        ) from None
    except Exception as exc:
        raise ReportError(f"notebook {source.name} could not run: {type(exc).__name__}: {exc}") from None
    nb = nbformat.read(executed, as_version=4)
    body, _ = _exporter().from_notebook_node(nb, resources={"metadata": {"name": source.stem}})
    page = staging / f"{source.stem}.html"
    page.write_text(body, encoding="utf-8")  # its font is embedded with the run's other pages (`_embed_fonts`)
    return NotebookResult(source.stem, _title(nb) or source.stem, _finding(nb), page.name,
                          time.perf_counter() - started)


def _embed_fonts(pages: list[Path]) -> None:
    """Pages this run wrote, with one font subset for all of them."""
    texts = [p.read_text(encoding="utf-8") for p in pages]
    for page, text in zip(pages, embed_fonts(texts)):
        page.write_text(text, encoding="utf-8")


# ------------------------------------------------------------ index page

def _git_revision() -> str:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=paths.ROOT,
                             capture_output=True, text=True, timeout=10)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=paths.ROOT,
                               capture_output=True, text=True, timeout=10)
        if rev.returncode != 0:
            return "unknown"
        return rev.stdout.strip() + ("+changes" if dirty.stdout.strip() else "")
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def render_index(results: list[NotebookResult], *, corpus: str, n_articles: int, n_unique: int,
                 as_of: dt.date, revision: str, run_at: str, provenance: str = "", newest: str = "") -> str:
    e = html.escape
    rows = "\n".join(
        f'<li><a href="{e(r.html)}">{e(r.title)}</a><p class="finding">{e(r.finding) or "—"}</p></li>'
        for r in results
    )
    return f"""<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>chipwatch reports</title>
<style>
body {{ font-family: system-ui, -apple-system, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #222; }}
h1 {{ font-size: 1.6rem; margin-bottom: .2rem; }}
.meta {{ color: #555; font-size: .95rem; }}
.meta dt {{ float: left; clear: left; width: 9rem; font-weight: 600; }}
.meta dd {{ margin-left: 9.5rem; }}
ul.reports {{ list-style: none; padding: 0; }}
ul.reports li {{ border-top: 1px solid #ddd; padding: .8rem 0; }}
ul.reports a {{ font-size: 1.1rem; font-weight: 600; }}
.finding {{ margin: .3rem 0 0; }}
</style>
</head>
<body>
<h1>chipwatch reports</h1>
<p>Chinese-language reporting on the US–China AI-chip contest: what each article claims, and where the claims disagree.</p>
<dl class="meta">
<dt>Corpus</dt><dd>{e(corpus)}</dd>
<dt>Articles</dt><dd>{n_unique} ({n_articles - n_unique} duplicate(s) set aside)</dd>
<dt>As of</dt><dd>{e(newest) or "no dated article"} (the newest article's date)</dd>
<dt>Report date</dt><dd>{e(as_of.isoformat())} (the reference is read up to this date)</dd>
{provenance}
<dt>Run</dt><dd>{e(run_at)}</dd>
<dt>Revision</dt><dd>{e(revision)}</dd>
<dt>Article pages</dt><dd><a href="articles/index.html">every article</a>, its text with each claim marked in place</dd>
<dt>Data</dt><dd><a href="data/">data/</a> (articles, sentences, ingest report)</dd>
</dl>
<ul class="reports">
{rows}
</ul>
</body>
</html>
"""


# ------------------------------------------------------------ the run

JOURNAL = ".swap.json"  # the swap in progress: completed by the next run if this one is killed
OWN_ENTRIES = {".cache", ".report.lock", ".build.lock", LOCK_NAME, JOURNAL}


def check_report_folder(corpus: Path, out: Path) -> None:
    """Refuse a report folder that is, holds or lies inside the corpus, or that holds anything but a report."""
    c, o = corpus.resolve(), out.resolve()
    if o == c or c in o.parents or o in c.parents:
        raise ReportError(f"report folder {out} and corpus {corpus} overlap; the corpus is read-only")
    if o in (paths.ROOT, *paths.ROOT.parents) or o in (paths.DATA, paths.NOTEBOOKS, paths.SEEDS, paths.ROOT / "src"):
        raise ReportError(f"report folder {out} is part of the project; choose a folder of its own (default reports/)")
    if o.exists() and not o.is_dir():
        raise ReportError(f"report folder {out} is not a folder (a file of that name exists)")
    if o.exists() and any(o.iterdir()):
        entries = {p.name for p in o.iterdir()} - OWN_ENTRIES
        entries = {e for e in entries if not e.startswith((".staging-", ".old-"))}
        if entries and not (o / "run.json").exists():
            raise ReportError(f"report folder {out} is not empty and holds no earlier report (run.json); "
                              "choose an empty or new folder")


def _swap_into_place(staging: Path, out: Path) -> None:
    """Move the staged report into `out`, entry by entry, index.html last. The moves are written down
    first (`JOURNAL`), so a run killed half-way is completed by the next (`recover_swap`): a report
    folder never stays half old and half new."""
    old = out / f".old-{os.getpid()}"
    names = [p.name for p in sorted(staging.iterdir(), key=lambda p: (p.name == "index.html", p.name))]
    body = json.dumps({"staging": staging.name, "old": old.name, "entries": names})
    atomic_write(out / JOURNAL, lambda p: p.write_text(body, encoding="utf-8"))
    _complete_swap(out, staging, old, names)


def _complete_swap(out: Path, staging: Path, old: Path, names: list[str]) -> None:
    """Each entry is in one of three states (not moved; the old one set aside; the new one in place),
    each reached by one rename, so the moves can be taken up again wherever they stopped."""
    for name in names:
        source, target = staging / name, out / name
        if not os.path.lexists(source):
            continue  # already in place
        if os.path.lexists(target):
            old.mkdir(exist_ok=True)
            if os.path.lexists(old / name):
                shutil.rmtree(old / name, ignore_errors=True)
            os.replace(target, old / name)
        os.replace(source, target)
    (out / JOURNAL).unlink(missing_ok=True)
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(staging, ignore_errors=True)


def recover_swap(out: Path) -> bool:
    """Complete a swap that a killed run left half done (call under the folder's lock); True if one was."""
    try:
        journal = json.loads((out / JOURNAL).read_text(encoding="utf-8"))
        staging, old, names = journal["staging"], journal["old"], list(journal["entries"])
    except FileNotFoundError:
        return False
    except (OSError, ValueError, KeyError, TypeError):
        (out / JOURNAL).unlink(missing_ok=True)
        return False
    plain = all(isinstance(n, str) and n and "/" not in n and n not in (".", "..") for n in [staging, old, *names])
    if not plain or not staging.startswith(".staging-") or not old.startswith(".old-"):
        (out / JOURNAL).unlink(missing_ok=True)  # not a journal this program wrote
        return False
    _complete_swap(out, out / staging, out / old, names)
    return True


def _report_signature(tables: Path, sources: list[Path], corpus: Path, as_of: dt.date) -> str:
    """Everything a report depends on: the tables (the build's signature), the notebooks, this package's
    code and templates, the libraries that render, the corpus named and the as-of date. Empty when the
    build left no signature (it could not read everything): such a report is always made anew."""
    from importlib import metadata

    marker = tables / ".build-signature"
    if not marker.exists():
        return ""
    h = hashlib.sha256(marker.read_bytes())
    h.update(f"{corpus}|{as_of.isoformat()}|{code_digest('**/*.py')}".encode())
    for path in sorted(p for p in paths.TEMPLATES.rglob("*") if p.is_file()):
        h.update(path.relative_to(paths.TEMPLATES).as_posix().encode() + b"\0" + path.read_bytes())
    h.update(datatables.digest().encode())
    for library in ("papermill", "nbconvert", "matplotlib", "seaborn", "pandas", "jieba", "itables"):
        try:
            h.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            pass
    for source in sources:
        h.update(source.name.encode() + b"\0" + source.read_bytes())
    return h.hexdigest()


def _previous_run(out: Path) -> dict:
    try:
        run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return run if isinstance(run, dict) else {}


def _previous_signature(out: Path) -> str:
    return str(_previous_run(out).get("signature", ""))


def _link(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _page_entries(source: Path) -> list[str]:
    """What a notebook leaves in a report folder: its page, its CSV folder, its executed notebook."""
    return [f"{source.stem}.html", source.stem, f"notebooks/{source.name}"]


def _keep_page(source: Path, previous: dict, signature: str, out: Path, staging: Path) -> NotebookResult | None:
    """The last report's page of a notebook whose signature is unchanged, linked into the new report;
    None when it must be executed (changed, never recorded, or its files are gone)."""
    if not signature or previous.get("signature") != signature or not isinstance(previous.get("finding"), str):
        return None
    page, folder, executed = (out / e for e in _page_entries(source))
    if not page.is_file() or not executed.is_file():
        return None
    try:
        (staging / "notebooks").mkdir(parents=True, exist_ok=True)
        _link(str(page), str(staging / page.name))
        _link(str(executed), str(staging / "notebooks" / executed.name))
        if folder.is_dir():
            shutil.copytree(folder, staging / folder.name, copy_function=_link)
    except (OSError, shutil.Error):
        for entry in _page_entries(source):
            target = staging / entry
            shutil.rmtree(target, ignore_errors=True) if target.is_dir() else target.unlink(missing_ok=True)
        return None
    return NotebookResult(source.stem, str(previous.get("title") or source.stem), previous["finding"], page.name, 0.0,
                          signature, kept=True)


def _link_previous_tables(previous: Path, staging: Path) -> None:
    """Start the new tables from the last report's (hard links where the disk allows, copies where not),
    so the build rewrites only the parts that changed. The build never writes into a file in place
    (it writes a new file and renames it), so the last report's tables stay as they were."""
    if not (previous / ".build-signature").exists() and not (previous / ".parts").exists():
        return
    try:
        shutil.copytree(previous, staging, copy_function=_link, ignore=shutil.ignore_patterns(".*.lock", ".staging-*"))
    except (OSError, shutil.Error):
        shutil.rmtree(staging, ignore_errors=True)  # start from nothing: slower, same tables


def report(corpus: Path | str = paths.SEEDS, out: Path | str = paths.REPORTS, *,
           as_of: str | dt.date | None = None, jobs: int = 2,
           notebook_paths: list[Path] | None = None, log=lambda m: print(m, file=sys.stderr, flush=True)) -> Path:
    """Build `corpus`, run every notebook, and write `out/index.html`; returns its path."""
    # Absolute paths: papermill changes the process's working directory while a notebook runs.
    corpus, out = Path(corpus).resolve(), Path(out).resolve()
    try:
        as_of_date = parse_as_of(as_of)
    except ValueError as exc:
        raise ReportError(str(exc)) from None
    check_report_folder(corpus, out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportError(f"report folder {out} cannot be made ({exc.strerror or type(exc).__name__})") from None
    if not out.is_dir():
        raise ReportError(f"report folder {out} is not a folder (a file of that name exists)")
    lock = folder_lock(out)  # the same lock as a build into this folder: one run writes here, and in its cache
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise ReportError(f"another report run or build is writing to {out}; wait for it to finish") from None
    staging = out / f".staging-{os.getpid()}"
    try:
        if recover_swap(out):
            log(f"      completed the swap a stopped run left half done in {out}")
        remove_stale(out)  # staging folders of killed runs
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        log(f"[1/3] building tables from {corpus}")
        _link_previous_tables(out / "data", staging / "data")
        try:
            result = build(corpus, staging / "data", cache_dir=out / ".cache", log=log, take_lock=False)
        except BuildError as exc:
            raise ReportError(str(exc)) from None
        sources = [Path(p).resolve() for p in notebook_paths] if notebook_paths is not None else notebooks()
        if not sources:
            raise ReportError(f"no notebooks found in {paths.NOTEBOOKS}")
        signature = _report_signature(staging / "data", sources, corpus, as_of_date)
        if signature and signature == _previous_signature(out) and (out / "index.html").exists():
            log(f"[2/3] tables, notebooks, code and as-of date unchanged since the last report: {out} kept")
            return out / "index.html"
        parameters = {
            "corpus_dir": str(corpus.resolve()),
            "tables_dir": str((staging / "data").resolve()),
            "report_dir": str(staging.resolve()),
            "as_of": as_of_date.isoformat(),
        }
        # What a page depends on names the corpus and date, not the folders this run happens to write in.
        stable = {k: v for k, v in parameters.items() if k in ("corpus_dir", "as_of")}
        last = {n.get("name"): n for n in _previous_run(out).get("notebooks", []) if isinstance(n, dict)}
        results: list[NotebookResult] = []
        to_run: dict[Path, str] = {}
        for source in sources:
            try:
                page_signature = notebook_signature(source, staging / "data", stable)
            except (OSError, ValueError) as exc:
                raise ReportError(f"notebook {source.name}: {exc}") from None
            kept_page = _keep_page(source, last.get(source.stem, {}), page_signature, out, staging)
            if kept_page is None:
                to_run[source] = page_signature
            else:
                results.append(kept_page)
                log(f"      {source.name}: its inputs are unchanged, last page kept")
        log(f"[2/3] executing {len(to_run)} notebook(s), {jobs} at a time")
        if to_run:
            kernel = ensure_kernel()
            with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
                futures = {pool.submit(execute_notebook, s, staging, parameters, kernel): s for s in to_run}
                errors = []
                for future, source in futures.items():
                    try:
                        res = future.result()
                        res.signature = to_run[source]
                        results.append(res)
                        log(f"      {source.name}: done in {res.seconds:.1f}s")
                    except ReportError as exc:
                        errors.append(str(exc))
                if errors:
                    raise ReportError("; ".join(errors) + f" (previous report in {out} kept)")
        results.sort(key=lambda r: r.name)
        log("[3/3] writing the article pages and the index")
        datatables.write_assets(staging)
        signatures = {p: s.get("signature", "") for p, s in read_signatures(result.out).items()}
        # What the pages and the state read; the text only of the articles whose pages are rendered again.
        tables = load(result.out, only="articles, claims, claim_check, disagreements, mentions", text=False)
        write_article_pages(tables, staging / "articles", part_signatures=signatures, previous=out / "articles",
                            tables_dir=result.out)
        state = corpus_state(tables, as_of_date)
        provenance = render_changes(_previous_run(out).get("state"), state,
                                    tables.articles.set_index("article_id")["title"],
                                    sections=section_links(staging / r.html for r in results))
        duplicate_of = read_table(result.out, "articles", ["duplicate_of"])["duplicate_of"]
        unique = int((duplicate_of == "").sum())
        index = render_index(
            results, corpus=str(corpus), n_articles=len(duplicate_of), n_unique=unique, as_of=as_of_date,
            revision=_git_revision(), run_at=dt.datetime.now().strftime("%Y-%m-%d %H:%M"), provenance=provenance,
            newest=state["newest_article"],
        )
        (staging / "index.html").write_text(index, encoding="utf-8")
        # the index on its own (a few hundred characters), the pages rendered again with one font of all of theirs
        _embed_fonts([staging / "index.html"])
        _embed_fonts([staging / r.html for r in results if not r.kept])
        (staging / "run.json").write_text(json.dumps({
            "corpus": str(corpus), "as_of": as_of_date.isoformat(), "revision": _git_revision(), "signature": signature,
            "notebooks": [{"name": r.name, "title": r.title, "finding": r.finding, "seconds": round(r.seconds, 2),
                           "signature": r.signature, "kept": r.kept} for r in results],
            "state": state,
        }, ensure_ascii=False, indent=2), encoding="utf-8")
        _swap_into_place(staging, out)
        return out / "index.html"
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        lock.release()
