"""The build: corpus folder in, tables out. The only layer that touches the disk.

`build(corpus, out)` ingests every article file (cached per file content,
ingestion version and lexicon), applies the manifest, marks duplicates and
writes `articles.parquet`, `sentences.parquet` and `ingest_report.csv`
atomically into `out`. `load(out)` reads them back for notebooks.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd
from filelock import FileLock, Timeout

from . import lexicon as lexicon_mod
from . import paths
from .cache import Store
from .dedupe import find_duplicates
from .extract import CLAIM_COLUMNS, extract_article
from .ingest import Ingested, Skip, find_article_files, ingest_bytes, too_large
from .meta import read_manifest
from .script import Simplifier

ARTICLE_COLUMNS = [
    "article_id", "file", "title", "outlet", "published", "published_source", "script",
    "text", "text_zh_hans", "n_chars", "content_hash", "duplicate_of",
    "url", "notes", "encoding", "n_chars_raw", "n_chars_removed", "removed", "pinyin_repaired", "published_detail",
]
SENTENCE_COLUMNS = ["article_id", "sent_idx", "char_start", "char_end", "sentence", "sentence_zh_hans"]
REPORT_COLUMNS = ["file", "status", "reason", "article_id", "encoding"]


class BuildError(RuntimeError):
    """The build could not produce tables (the message says why, in one line)."""


class BuildResult:
    """What a build produced; the tables are read from disk only when asked for."""

    def __init__(self, out: Path, articles: pd.DataFrame | None = None, report: pd.DataFrame | None = None, *,
                 n_cached: int = 0, n_ingested: int = 0, claims: pd.DataFrame | None = None, n_extracted: int = 0):
        self.out = out
        self._articles, self._report, self._claims = articles, report, claims
        self.n_cached, self.n_ingested, self.n_extracted = n_cached, n_ingested, n_extracted

    @property
    def articles(self) -> pd.DataFrame:
        if self._articles is None:
            self._articles = pd.read_parquet(self.out / "articles.parquet")
        return self._articles

    @property
    def report(self) -> pd.DataFrame:
        if self._report is None:
            self._report = pd.read_csv(self.out / "ingest_report.csv", encoding="utf-8-sig", keep_default_na=False)
        return self._report

    @property
    def claims(self) -> pd.DataFrame:
        if self._claims is None:
            self._claims = pd.read_parquet(self.out / "claims.parquet")
        return self._claims


# ------------------------------------------------------------ atomic writes

_UMASK = os.umask(0)
os.umask(_UMASK)


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file in the same folder, then move it into place (readable as any file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def spreadsheet_safe(df: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would run as a formula (=, +, -, @ first) get a leading apostrophe."""
    out = df.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            values = out[column]
            risky = values.astype(str).str.match(r"[=+\-@\t\r]") & values.map(lambda v: isinstance(v, str))
            if risky.any():
                out[column] = values.where(~risky, "'" + values.astype(str))
    return out


def _write_csv(df: pd.DataFrame, path: Path) -> None:
    """UTF-8 with BOM (spreadsheet programs then read Chinese correctly), written by Arrow for speed."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    try:
        table = pa.Table.from_pandas(df, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
        df.to_csv(path, index=False, encoding="utf-8-sig")  # mixed-type columns: pandas writes them as text
        return
    with open(path, "wb") as fh:
        fh.write(b"\xef\xbb\xbf")
        pacsv.write_csv(table, fh)


def write_table(df: pd.DataFrame, path: Path) -> None:
    if path.suffix == ".parquet":
        atomic_write(path, lambda p: df.to_parquet(p, index=False))
    else:  # CSV with BOM so spreadsheet programs read Chinese correctly, and no formulas from article text
        safe = spreadsheet_safe(df)
        atomic_write(path, lambda p: _write_csv(safe, p))


def code_digest(*modules: str, libraries: tuple[str, ...] = ()) -> str:
    """A hash of source files of this package and of the versions of the libraries they lean on:
    cached work is redone when the code that made it changes."""
    from importlib import metadata

    h = hashlib.sha256()
    for library in libraries:
        try:
            h.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{library}=?".encode())
    for name in modules:
        for path in sorted(paths.PACKAGE_DIR.glob(name)):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


INGEST_CODE = code_digest("ingest.py", "text.py", "furniture.py", "decode.py", "meta.py", "webpage.py",
                          "script.py", "dedupe.py", "lexicon.py",
                          libraries=("trafilatura", "opencc", "charset-normalizer", "pyahocorasick", "numpy"))
EXTRACT_CODE = code_digest("extract/*.py", "script.py", "lexicon.py", "text.py", libraries=("opencc", "pyahocorasick"))


def lexicon_digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.glob("*.csv")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _key(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()


# ------------------------------------------------------------ workers

_worker_simplifier: Simplifier | None = None
_worker_lexicon = None


def _init_worker(lexicon_folder: str) -> None:
    global _worker_simplifier, _worker_lexicon
    _worker_lexicon = lexicon_mod.load(lexicon_folder)
    _worker_simplifier = Simplifier(_worker_lexicon)


def _ingest_job(job: tuple[str, bytes, str]) -> tuple[str, str]:
    """Ingest one file; returns (cache key, JSON body) so the result can be stored as it is."""
    key, data, suffix = job
    try:
        return key, ingest_bytes(data, suffix, _worker_simplifier).to_json()
    except Skip as exc:
        return key, json.dumps({"skip": str(exc)}, ensure_ascii=False)
    except Exception as exc:  # one bad article never stops the corpus
        return key, json.dumps({"skip": f"could not be processed ({type(exc).__name__}: {exc})"})


def _extract_job(job: tuple) -> tuple[str, str]:
    key, article_id, text, sentences, published = job
    try:
        rows = extract_article(article_id, text, sentences, published, _worker_lexicon, _worker_simplifier)
        return key, json.dumps(rows, ensure_ascii=False)
    except Exception as exc:  # an extractor bug costs one article's claims, never the build
        return key, json.dumps({"error": f"{type(exc).__name__}: {exc}"})


class _Workers:
    """One pool of processes for the whole build, started only if there is work to do."""

    def __init__(self, lexicon_folder: Path, workers: int | None):
        self.lexicon_folder = str(lexicon_folder)
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None
        self.local_ready = False

    def map(self, func, jobs: list):
        n = self.workers or (min(os.cpu_count() or 1, 4) if len(jobs) >= 16 else 1)
        if n > 1:
            if self.pool is None:
                self.pool = ProcessPoolExecutor(n, initializer=_init_worker, initargs=(self.lexicon_folder,))
            yield from self.pool.map(func, jobs, chunksize=4)
        else:
            if not self.local_ready:
                _init_worker(self.lexicon_folder)
                self.local_ready = True
            for job in jobs:
                yield func(job)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


def _store_as_they_come(store: Store, results, batch: int = 200, keep=lambda body: True):
    """Yield results while committing them to the cache in batches (a killed build keeps them);
    `keep` says which results are worth caching."""
    pending: list[tuple[str, str]] = []
    for key, body in results:
        if keep(body):
            pending.append((key, body))
        if len(pending) >= batch:
            store.put_many(pending)
            pending = []
        yield key, body
    if pending:
        store.put_many(pending)


def _ingested(body: str) -> Ingested | Skip:
    data = json.loads(body)
    if "skip" in data and len(data) == 1:
        return Skip(data["skip"])
    return Ingested.from_json(body)


# ------------------------------------------------------------ build

OUTPUT_FILES = ["articles.parquet", "sentences.parquet", "claims.parquet", "claims.csv", "ingest_report.csv"]


def _build_signature(wanted: dict, skipped: dict, corpus: Path, lexicon_folder: Path) -> str:
    """Everything the tables depend on: each file's content key, the manifest, the code versions."""
    h = hashlib.sha256(f"{INGEST_CODE}|{EXTRACT_CODE}|{lexicon_digest(lexicon_folder)}".encode())
    for rel in sorted(wanted):
        h.update(f"{rel}\0{wanted[rel][0]}\n".encode())
    for rel in sorted(skipped):
        h.update(f"{rel}\0skip:{skipped[rel]}\n".encode())
    manifest = corpus / "manifest.csv"
    if manifest.exists():
        h.update(manifest.read_bytes())
    h.update(str(paths.MAX_FILES).encode())
    return h.hexdigest()


def _article_ids(files: list[str]) -> dict[str, str]:
    """The file stem, or where stems clash the stem and a hash of the file's path (stable, and distinct
    even for identical copies)."""
    stems: dict[str, list[str]] = {}
    for f in files:
        stems.setdefault(Path(f).stem, []).append(f)
    ids = {}
    for stem, members in stems.items():
        for f in members:
            ids[f] = stem if len(members) == 1 else f"{stem}-{hashlib.sha256(f.encode('utf-8')).hexdigest()[:8]}"
    return ids


def build(
    corpus: Path | str = paths.SEEDS,
    out: Path | str = paths.PROCESSED,
    *,
    cache_dir: Path | str | None = None,
    lexicon_folder: Path | str | None = None,
    workers: int | None = None,
    log: Callable[[str], None] = lambda m: print(m, file=sys.stderr),
) -> BuildResult:
    """Ingest `corpus` into tables under `out`; never writes under `corpus`."""
    corpus, out = Path(corpus), Path(out)
    if not corpus.is_dir():
        raise BuildError(f"corpus folder not found: {corpus}")
    if out.resolve() == corpus.resolve() or corpus.resolve() in out.resolve().parents:
        raise BuildError(f"output folder {out} is inside the corpus {corpus}; the corpus is read-only")
    out.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(out / ".build.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout as exc:
        raise BuildError(f"another build is writing to {out}; wait for it to finish") from exc
    lexicon_folder = Path(lexicon_folder or paths.LEXICON)
    try:
        store = Store(Path(cache_dir) if cache_dir else out / ".cache", log=log)
    except RuntimeError as exc:
        lock.release()
        raise BuildError(str(exc)) from exc
    pool = _Workers(lexicon_folder, workers)
    try:
        return _build_locked(corpus, out, store, pool, lexicon_folder, log)
    finally:
        pool.close()
        store.close()
        lock.release()


def _build_locked(corpus, out, store: Store, pool: _Workers, lexicon_folder: Path, log) -> BuildResult:
    files = find_article_files(corpus)
    found_names = {p.relative_to(corpus).as_posix() for p in files}
    report_rows: list[dict] = []

    def report(file: str, status: str, reason: str = "", article_id: str = "", encoding: str = "") -> None:
        report_rows.append(dict(file=file, status=status, reason=reason, article_id=article_id, encoding=encoding))
        if status == "skipped":
            log(f"skipped {file}: {reason}")

    if len(files) > paths.MAX_FILES:
        for path in files[paths.MAX_FILES:]:
            report(path.relative_to(corpus).as_posix(), "skipped",
                   f"over the limit of {paths.MAX_FILES} files in one build")
        files = files[: paths.MAX_FILES]

    salt = f"ingest{INGEST_CODE}|{lexicon_digest(lexicon_folder)}"
    results: dict[str, Ingested | Skip] = {}
    wanted: dict[str, tuple[str, bytes, str]] = {}
    for path in files:
        rel = path.relative_to(corpus).as_posix()
        try:
            size = path.stat().st_size
            if size > paths.MAX_FILE_BYTES:
                results[rel] = Skip(too_large(size))
                continue
            data = path.read_bytes()
        except OSError as exc:
            results[rel] = Skip(f"unreadable ({exc.strerror or type(exc).__name__})")
            continue
        wanted[rel] = (_key(hashlib.sha256(data).hexdigest(), path.suffix.lower(), salt), data, path.suffix)
    signature = _build_signature(wanted, results, corpus, lexicon_folder)
    marker = out / ".build-signature"
    tables_exist = all((out / name).exists() for name in OUTPUT_FILES)
    if tables_exist and marker.exists() and marker.read_text() == signature:
        log(f"nothing changed in {corpus}: tables in {out} kept")
        return BuildResult(out, n_cached=len(wanted))
    cached = store.get_many([k for k, _, _ in wanted.values()])
    rels_of: dict[str, list[str]] = {}
    for rel, (key, _, _) in wanted.items():
        rels_of.setdefault(key, []).append(rel)
    jobs = {}  # one job per distinct content: identical files are ingested once
    for rel, job in wanted.items():
        if job[0] in cached:
            results[rel] = _ingested(cached[job[0]])
        else:
            jobs.setdefault(job[0], job)
    for key, body in _store_as_they_come(store, pool.map(_ingest_job, list(jobs.values()))):
        for rel in rels_of[key]:
            results[rel] = _ingested(body)
    n_cached = len(wanted) - sum(len(rels_of[k]) for k in jobs)
    log(f"ingested {len(jobs)} file(s), {n_cached} from cache")

    manifest = read_manifest(corpus / "manifest.csv")
    for problem in manifest.problems:
        report(f"manifest.csv (line {problem.line})", "skipped",
               f"{problem.file + ': ' if problem.file else ''}{problem.reason}")
    for name in manifest.rows:
        if name not in found_names:
            report("manifest.csv", "skipped", f"row names a file that is not in the corpus: {name}")

    ok = {rel: v for rel, v in results.items() if isinstance(v, Ingested)}
    ids = _article_ids(sorted(ok))
    records = []
    for rel, art in ok.items():
        row = manifest.rows.get(rel, {})
        published, source, detail = "", "", ""
        if row.get("published"):
            published, source, detail = row["published"], "manifest", "manifest.csv"
        elif art.published:
            published, source, detail = art.published, "text", art.published_how
        records.append(dict(
            article_id=ids[rel], file=rel,
            title=row.get("title") or art.title,
            outlet=row.get("outlet") or art.outlet,
            published=published, published_source=source, script=art.script,
            text=art.text, text_zh_hans=art.text_zh_hans, n_chars=len(art.text),
            content_hash=art.content_hash, duplicate_of="",
            url=row.get("url") or art.url, notes=row.get("notes", ""),
            encoding=art.encoding, n_chars_raw=art.n_chars_raw,
            n_chars_removed=sum(art.removed.values()),
            removed=json.dumps(art.removed, ensure_ascii=False),
            pinyin_repaired=art.pinyin_repaired, published_detail=detail,
        ))
    articles = pd.DataFrame(records, columns=ARTICLE_COLUMNS)
    if not articles.empty:
        order = articles.assign(_p=articles["published"].replace("", "9999")).sort_values(["_p", "file"])
        signatures = {ids[rel]: (art.fingerprint, art.minhash) for rel, art in ok.items() if art.minhash}
        dups = find_duplicates(dict(zip(articles["article_id"], articles["text_zh_hans"])),
                               list(order["article_id"]), signatures=signatures)
        articles["duplicate_of"] = [dups.get(a, "") for a in articles["article_id"]]
        articles = articles.sort_values("file").reset_index(drop=True)

    file_of = dict(zip(articles["article_id"], articles["file"]))
    by_file = {f: (a, d) for f, a, d in zip(articles["file"], articles["article_id"], articles["duplicate_of"])}
    for rel in sorted(results):
        value = results[rel]
        if isinstance(value, Skip):
            report(rel, "skipped", str(value))
        else:
            article_id, duplicate_of = by_file[rel]
            if duplicate_of:
                report(rel, "duplicate", f"repeats {file_of[duplicate_of]}", article_id, value.encoding)
            else:
                report(rel, "ok", "", article_id, value.encoding)
    report_df = pd.DataFrame(report_rows, columns=REPORT_COLUMNS)

    if articles.empty:
        # The previous tables stay as they were; the report of this failed run is written beside them.
        failed = "ingest_report.csv" if not (out / "articles.parquet").exists() else "ingest_report.failed.csv"
        write_table(report_df, out / failed)
        raise BuildError(f"no article could be read from {corpus} ({len(files)} file(s) found); see {out / failed}")

    sentences = pd.DataFrame(
        [(aid, *s) for aid, rel in zip(articles["article_id"], articles["file"]) for s in ok[rel].sentences],
        columns=SENTENCE_COLUMNS,
    )
    claims, n_extracted, failures = _extract_claims(articles, ok, store, pool, lexicon_folder, log)
    for article_id, error in failures.items():  # the file was read, its claims were not: say so in its row
        report_df.loc[report_df["article_id"] == article_id, "reason"] = f"claims not extracted ({error})"
    # Every table is written in full first, then all are moved into place together.
    staging = out / f".staging-build-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        write_table(articles, staging / "articles.parquet")
        write_table(sentences, staging / "sentences.parquet")
        write_table(claims, staging / "claims.parquet")
        write_table(claims, staging / "claims.csv")
        write_table(report_df, staging / "ingest_report.csv")
        (staging / ".build-signature").write_text(signature)
        for name in [*OUTPUT_FILES, ".build-signature"]:
            os.replace(staging / name, out / name)
        (out / "ingest_report.failed.csv").unlink(missing_ok=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    counts = report_df["status"].value_counts().to_dict()
    log(f"built {out}: " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())))
    return BuildResult(out, articles, report_df, n_cached=n_cached, n_ingested=len(jobs),
                       claims=claims, n_extracted=n_extracted)


def _extract_claims(articles: pd.DataFrame, ok: dict, store: Store, pool: _Workers, lexicon_folder: Path,
                    log) -> tuple[pd.DataFrame, int, dict[str, str]]:
    """Claims of every unique article, cached per (text, published date, extractor version, lexicon)."""
    salt = f"extract{EXTRACT_CODE}|{lexicon_digest(lexicon_folder)}"
    unique = articles[articles["duplicate_of"] == ""]
    keys = {art.article_id: _key(art.content_hash, art.article_id, art.published, salt) for art in unique.itertuples()}
    cached = store.get_many(list(keys.values()))
    rows: list[dict] = []
    jobs = []
    for art in unique.itertuples():
        key = keys[art.article_id]
        if key in cached:
            rows.extend(json.loads(cached[key]))
        else:
            jobs.append((key, art.article_id, art.text, ok[art.file].sentences, art.published))
    article_of = {job[0]: job[1] for job in jobs}
    failures: dict[str, str] = {}
    for key, body in _store_as_they_come(store, pool.map(_extract_job, jobs), keep=lambda b: b.startswith("[")):
        found = json.loads(body)
        if isinstance(found, dict):  # an error: reported, not cached
            log(f"claims of {article_of[key]} not extracted: {found['error']}")
            failures[article_of[key]] = found["error"]
            continue
        rows.extend(found)
    log(f"extracted claims from {len(jobs)} article(s), {len(unique) - len(jobs)} from cache")
    claims = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    for column in ("value", "value_max", "from_value", "to_value"):
        claims[column] = pd.to_numeric(claims[column], errors="coerce").astype("float64")
    for column in ("sent_idx", "char_start", "char_end"):
        claims[column] = claims[column].astype("int64")
    claims["date_inferred"] = claims["date_inferred"].astype(bool)
    return claims.sort_values(["article_id", "char_start", "kind"]).reset_index(drop=True), len(jobs), failures


# ------------------------------------------------------------ reading back

@dataclass
class Tables:
    articles: pd.DataFrame
    sentences: pd.DataFrame
    claims: pd.DataFrame
    ingest_report: pd.DataFrame
    claim_check: pd.DataFrame = field(default_factory=pd.DataFrame)
    disagreements: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def unique_articles(self) -> pd.DataFrame:
        """Articles without their duplicates: what counts go over."""
        return self.articles[self.articles["duplicate_of"] == ""]


def load(tables: Path | str = paths.PROCESSED) -> Tables:
    """The build's tables, for notebooks; a clear error when the build has not run."""
    tables = Path(tables)
    if not (tables / "articles.parquet").exists():
        raise FileNotFoundError(
            f"no articles.parquet in {tables}: run `python -m helpers build --out {tables}` first"
        )
    return Tables(
        articles=pd.read_parquet(tables / "articles.parquet"),
        sentences=pd.read_parquet(tables / "sentences.parquet"),
        claims=pd.read_parquet(tables / "claims.parquet"),
        ingest_report=pd.read_csv(tables / "ingest_report.csv", encoding="utf-8-sig", keep_default_na=False),
        claim_check=(pd.read_parquet(tables / "claim_check.parquet")
                     if (tables / "claim_check.parquet").exists() else pd.DataFrame()),
        disagreements=(pd.read_csv(tables / "disagreements.csv", encoding="utf-8-sig", keep_default_na=False)
                       if (tables / "disagreements.csv").exists() else pd.DataFrame()),
    )
