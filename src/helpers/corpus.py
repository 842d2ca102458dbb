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
from .dedupe import find_duplicates
from .extract import CLAIM_COLUMNS, EXTRACT_VERSION, extract_article
from .ingest import INGEST_VERSION, Ingested, Skip, find_article_files, ingest_bytes
from .meta import read_manifest
from .script import Simplifier

ARTICLE_COLUMNS = [
    "article_id", "file", "title", "outlet", "published", "published_source", "script",
    "text", "text_zh_hans", "n_chars", "content_hash", "duplicate_of",
    "url", "notes", "encoding", "n_chars_raw", "n_chars_removed", "removed", "pinyin_repaired",
]
SENTENCE_COLUMNS = ["article_id", "sent_idx", "char_start", "char_end", "sentence", "sentence_zh_hans"]
REPORT_COLUMNS = ["file", "status", "reason", "article_id", "encoding"]


class BuildError(RuntimeError):
    """The build could not produce tables (the message says why, in one line)."""


@dataclass
class BuildResult:
    out: Path
    articles: pd.DataFrame
    report: pd.DataFrame
    n_cached: int = 0
    n_ingested: int = 0
    claims: pd.DataFrame | None = None
    n_extracted: int = 0


# ------------------------------------------------------------ atomic writes

def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file in the same folder, then move it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_table(df: pd.DataFrame, path: Path) -> None:
    if path.suffix == ".parquet":
        atomic_write(path, lambda p: df.to_parquet(p, index=False))
    else:  # CSV with BOM so spreadsheet programs read Chinese correctly
        atomic_write(path, lambda p: df.to_csv(p, index=False, encoding="utf-8-sig"))


# ------------------------------------------------------------ per-file cache

class Cache:
    """One JSON entry per (file content, ingest version, lexicon); checked before use."""

    def __init__(self, folder: Path, salt: str):
        self.folder = folder
        self.salt = salt

    def _path(self, digest: str) -> Path:
        return self.folder / digest[:2] / f"{digest}.json"

    def key(self, data_digest: str, suffix: str) -> str:
        return hashlib.sha256(f"{data_digest}|{suffix.lower()}|{self.salt}".encode()).hexdigest()

    def get(self, key: str) -> Ingested | dict | None:
        path = self._path(key)
        try:
            envelope = json.loads(path.read_text(encoding="utf-8"))
            body = envelope["body"]
            if hashlib.sha256(body.encode("utf-8")).hexdigest() != envelope["sha256"]:
                raise ValueError("checksum mismatch")
            if envelope.get("skip") is not None:
                return {"skip": envelope["skip"]}
            return Ingested.from_json(body)
        except FileNotFoundError:
            return None
        except (ValueError, KeyError, TypeError):
            # A damaged entry is never trusted: drop it and redo the work.
            path.unlink(missing_ok=True)
            return None

    def get_claims(self, key: str) -> list[dict] | None:
        path = self._path(key)
        try:
            envelope = json.loads(path.read_text(encoding="utf-8"))
            body = envelope["body"]
            if hashlib.sha256(body.encode("utf-8")).hexdigest() != envelope["sha256"]:
                raise ValueError("checksum mismatch")
            rows = json.loads(body)
            if not isinstance(rows, list):
                raise ValueError("not a list of claims")
            return rows
        except FileNotFoundError:
            return None
        except (ValueError, KeyError, TypeError):
            path.unlink(missing_ok=True)
            return None

    def put_claims(self, key: str, rows: list[dict]) -> None:
        body = json.dumps(rows, ensure_ascii=False)
        envelope = {"sha256": hashlib.sha256(body.encode("utf-8")).hexdigest(), "body": body, "skip": None}
        atomic_write(self._path(key), lambda p: p.write_text(json.dumps(envelope, ensure_ascii=False), encoding="utf-8"))

    def put(self, key: str, value: Ingested | Skip) -> None:
        if isinstance(value, Skip):
            body, skip = "", str(value)
        else:
            body, skip = value.to_json(), None
        envelope = {"sha256": hashlib.sha256(body.encode("utf-8")).hexdigest(), "body": body, "skip": skip}
        atomic_write(self._path(key), lambda p: p.write_text(json.dumps(envelope, ensure_ascii=False), encoding="utf-8"))


def lexicon_digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.glob("*.csv")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


# ------------------------------------------------------------ workers

_worker_simplifier: Simplifier | None = None
_worker_lexicon = None


def _init_worker(lexicon_folder: str) -> None:
    global _worker_simplifier, _worker_lexicon
    _worker_lexicon = lexicon_mod.load(lexicon_folder)
    _worker_simplifier = Simplifier(_worker_lexicon)


def _extract_job(job: tuple) -> tuple[str, list[dict]]:
    key, article_id, text, sentences, published = job
    try:
        return key, extract_article(article_id, text, sentences, published, _worker_lexicon, _worker_simplifier)
    except Exception as exc:  # an extractor bug costs one article's claims, never the build
        return key, [{"_error": f"{type(exc).__name__}: {exc}"}]


def _run_jobs(func, jobs: list, lexicon_folder: Path, workers: int | None) -> list:
    n_workers = workers or (min(os.cpu_count() or 1, 4) if len(jobs) >= 8 else 1)
    if n_workers > 1:
        with ProcessPoolExecutor(n_workers, initializer=_init_worker, initargs=(str(lexicon_folder),)) as pool:
            return list(pool.map(func, jobs, chunksize=8))
    _init_worker(str(lexicon_folder))
    return [func(j) for j in jobs]


def _ingest_job(job: tuple[str, bytes, str]) -> tuple[str, Ingested | Skip]:
    key, data, suffix = job
    assert _worker_simplifier is not None
    try:
        return key, ingest_bytes(data, suffix, _worker_simplifier)
    except Skip as exc:
        return key, exc
    except Exception as exc:  # one bad article never stops the corpus
        return key, Skip(f"could not be processed ({type(exc).__name__}: {exc})")


# ------------------------------------------------------------ build

def _article_ids(files: list[str], hashes: dict[str, str]) -> dict[str, str]:
    stems: dict[str, list[str]] = {}
    for f in files:
        stems.setdefault(Path(f).stem, []).append(f)
    ids = {}
    for stem, members in stems.items():
        for f in members:
            ids[f] = stem if len(members) == 1 else f"{stem}-{hashes[f][:8]}"
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
    try:
        return _build_locked(corpus, out, Path(cache_dir) if cache_dir else out / ".cache",
                             Path(lexicon_folder or paths.LEXICON), workers, log)
    finally:
        lock.release()


def _build_locked(corpus, out, cache_dir, lexicon_folder, workers, log) -> BuildResult:
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

    cache = Cache(cache_dir, f"ingest{INGEST_VERSION}|{lexicon_digest(lexicon_folder)}")
    results: dict[str, Ingested | Skip] = {}
    keys: dict[str, str] = {}
    data_hashes: dict[str, str] = {}
    jobs = []
    n_cached = 0
    for path in files:
        rel = path.relative_to(corpus).as_posix()
        try:
            if path.stat().st_size > paths.MAX_FILE_BYTES:
                results[rel] = Skip(f"file too large ({path.stat().st_size / 1e6:.1f} MB; the limit is "
                                    f"{paths.MAX_FILE_BYTES / 1e6:.0f} MB)")
                continue
            data = path.read_bytes()
        except OSError as exc:
            results[rel] = Skip(f"unreadable ({exc.strerror or type(exc).__name__})")
            continue
        data_hashes[rel] = hashlib.sha256(data).hexdigest()
        key = cache.key(data_hashes[rel], path.suffix)
        keys[rel] = key
        hit = cache.get(key)
        if isinstance(hit, Ingested):
            results[rel] = hit
            n_cached += 1
        elif isinstance(hit, dict):
            results[rel] = Skip(hit["skip"])
            n_cached += 1
        else:
            jobs.append((rel, (key, data, path.suffix)))

    if jobs:
        outputs = _run_jobs(_ingest_job, [j for _, j in jobs], lexicon_folder, workers)
        for (rel, _), (key, value) in zip(jobs, outputs):
            results[rel] = value
            cache.put(key, value)
    log(f"ingested {len(jobs)} file(s), {n_cached} from cache")

    manifest = read_manifest(corpus / "manifest.csv")
    for problem in manifest.problems:
        report(f"manifest.csv (line {problem.line})", "skipped",
               f"{problem.file + ': ' if problem.file else ''}{problem.reason}")
    for name, row in manifest.rows.items():
        if name not in found_names:
            report("manifest.csv", "skipped", f"row names a file that is not in the corpus: {name}")

    ok = {rel: v for rel, v in results.items() if isinstance(v, Ingested)}
    ids = _article_ids(sorted(ok), {rel: ok[rel].content_hash for rel in ok})
    records = []
    for rel, art in ok.items():
        row = manifest.rows.get(rel, {})
        published, source = "", ""
        if row.get("published"):
            published, source = row["published"], "manifest"
        elif art.published:
            published, source = art.published, "text"
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
            pinyin_repaired=art.pinyin_repaired,
        ))
    articles = pd.DataFrame(records, columns=ARTICLE_COLUMNS)
    if not articles.empty:
        order = articles.assign(_p=articles["published"].replace("", "9999")).sort_values(["_p", "file"])
        dups = find_duplicates(dict(zip(articles["article_id"], articles["text_zh_hans"])),
                               list(order["article_id"]))
        articles["duplicate_of"] = [dups.get(a, "") for a in articles["article_id"]]
        articles = articles.sort_values("file").reset_index(drop=True)

    by_file = articles.set_index("file") if not articles.empty else None
    for rel in sorted(results):
        value = results[rel]
        if isinstance(value, Skip):
            report(rel, "skipped", str(value))
        else:
            row = by_file.loc[rel]
            if row["duplicate_of"]:
                other = articles.loc[articles["article_id"] == row["duplicate_of"], "file"].iloc[0]
                report(rel, "duplicate", f"repeats {other}", row["article_id"], value.encoding)
            else:
                report(rel, "ok", "", row["article_id"], value.encoding)
    report_df = pd.DataFrame(report_rows, columns=REPORT_COLUMNS)

    if articles.empty:
        write_table(report_df, out / "ingest_report.csv")
        raise BuildError(f"no article could be read from {corpus} ({len(files)} file(s) found)")

    sentences = pd.DataFrame(
        [(aid, *s) for aid, rel in zip(articles["article_id"], articles["file"]) for s in ok[rel].sentences],
        columns=SENTENCE_COLUMNS,
    )
    claims, n_extracted = _extract_claims(articles, ok, cache_dir, lexicon_folder, workers, log)
    write_table(articles, out / "articles.parquet")
    write_table(sentences, out / "sentences.parquet")
    write_table(claims, out / "claims.parquet")
    write_table(claims, out / "claims.csv")
    write_table(report_df, out / "ingest_report.csv")
    counts = report_df["status"].value_counts().to_dict()
    log(f"built {out}: " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())))
    return BuildResult(out, articles, report_df, n_cached=n_cached, n_ingested=len(jobs),
                       claims=claims, n_extracted=n_extracted)


def _extract_claims(articles: pd.DataFrame, ok: dict, cache_dir: Path, lexicon_folder: Path,
                    workers: int | None, log) -> tuple[pd.DataFrame, int]:
    """Claims of every unique article, cached per (text, published date, extractor version, lexicon)."""
    cache = Cache(cache_dir / "claims", f"extract{EXTRACT_VERSION}|{lexicon_digest(lexicon_folder)}")
    rows: list[dict] = []
    jobs = []
    for art in articles.itertuples():
        if art.duplicate_of:
            continue
        key = cache.key(art.content_hash, art.published)
        cached = cache.get_claims(key)
        if cached is not None:
            rows.extend(cached)
            continue
        jobs.append((key, art.article_id, art.text, ok[art.file].sentences, art.published))
    if jobs:
        for key, found in _run_jobs(_extract_job, jobs, lexicon_folder, workers):
            errors = [r["_error"] for r in found if "_error" in r]
            if errors:
                article = next(j[1] for j in jobs if j[0] == key)
                log(f"claims of {article} not extracted: {errors[0]}")
                continue
            cache.put_claims(key, found)
            rows.extend(found)
    log(f"extracted claims from {len(jobs)} article(s), {len(articles) - len(jobs)} from cache or duplicates")
    claims = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    for column in ("value", "value_max", "from_value", "to_value"):
        claims[column] = pd.to_numeric(claims[column], errors="coerce").astype("float64")
    for column in ("sent_idx", "char_start", "char_end"):
        claims[column] = claims[column].astype("int64")
    claims["date_inferred"] = claims["date_inferred"].astype(bool)
    return claims.sort_values(["article_id", "char_start", "kind"]).reset_index(drop=True), len(jobs)


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
