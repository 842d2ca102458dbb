"""The build: corpus folder in, tables out.

`build(corpus, out)` ingests every article file, applies the manifest, marks duplicates, extracts
claims, checks them against the reference and writes the tables into `out` (see `parts` for how
they are kept); `load(out)` reads them back for notebooks.

Only new work is done. Each file's ingestion and each article's claims are cached (in
`out/.cache`, by content and code versions); the tables are kept in parts, and a part is
rewritten only when one of its articles (or the code or reference behind it) changed; a corpus
that did not change at all returns at once. A build writes its new parts into a staging folder
and moves them into place only when all are written, so a failed or killed build leaves the
previous tables as they were.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat as stat_mod
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pandas as pd
import pyarrow.compute as pc
import pyarrow.parquet as pq
from filelock import Timeout

from .. import paths
from ..check.disagreements import COMPARE_COLUMNS, disagreement_table
from ..check.review import load_overrides, overrides_path, review_report
from ..check.verdicts import VERDICT_COLUMNS
from ..extract import CLAIM_COLUMNS
from ..ingest.article import Ingested, too_large
from ..ingest.dedupe import containment, find_duplicates
from ..ingest.files import FileIndex, NotRead, file_kind, find_article_files, read_capped
from ..ingest.meta import ESTIMATED, manifest_key, read_manifest
from ..store import parts
from ..store.atomic import atomic_write, folder_lock, read_csv_table, remove_stale, write_arrow_csv, write_table
from ..store.cache import Store, dumps, loads
from ..store.tables import ARTICLE_ORDER, CLAIM_ORDER, sort_rows
from .jobs import (ARTICLE_COLUMNS, SENTENCE_COLUMNS, ingest_job, lost_ingest, lost_parts, parts_job,
                   summary_of_body, valid_summary)
from .versions import EXTRACT_CODE, INGEST_CODE, MENTIONS_CODE, TABLES_CODE, TERMS_CODE, folder_digest, key
from .workers import Workers

REPORT_COLUMNS = ["file", "status", "reason", "article_id", "encoding"]
OUTPUT_FILES = ["articles.parquet", "sentences.parquet", "claims.parquet", "claims.csv", "claim_check.parquet",
                "claim_check.csv", "terms.parquet", "theme_chars.parquet", "mentions.parquet", "disagreements.csv",
                "ingest_report.csv", "review_report.csv"]
_SUMMARY = "summary:"  # cache keys of ingestion summaries: the ingestion key with this prefix
_TERMS = "terms:"  # cache keys of an article's word and theme counts
_MENTIONS = "mentions:"  # cache keys of the sentences of an article that mention the reference record


class BuildError(RuntimeError):
    """The build could not produce tables (the message says why, in one line)."""


class BuildResult:
    """What a build produced. The tables are read from disk when first asked for (a later build into
    the same folder changes what a result that was not yet asked returns)."""

    def __init__(self, out: Path, report: pd.DataFrame | None = None, *, n_cached: int = 0, n_ingested: int = 0,
                 n_extracted: int = 0, parts_written: int = 0, unchanged: bool = False):
        self.out = out
        self.unchanged = unchanged  # nothing in the corpus, code, lexicon or reference changed: tables kept
        self._report = report
        self._articles: pd.DataFrame | None = None
        self._claims: pd.DataFrame | None = None
        self.n_cached, self.n_ingested, self.n_extracted = n_cached, n_ingested, n_extracted
        self.parts_written = parts_written

    @property
    def articles(self) -> pd.DataFrame:
        if self._articles is None:
            self._articles = sort_rows(parts.read_table(self.out, "articles"), ARTICLE_ORDER)
        return self._articles

    @property
    def report(self) -> pd.DataFrame:
        if self._report is None:
            self._report = read_csv_table(self.out / "ingest_report.csv")
        return self._report

    @property
    def claims(self) -> pd.DataFrame:
        if self._claims is None:
            self._claims = sort_rows(parts.read_table(self.out, "claims"), CLAIM_ORDER)
        return self._claims


# ------------------------------------------------------------ build

def build(
    corpus: Path | str = paths.SEEDS,
    out: Path | str = paths.PROCESSED,
    *,
    cache_dir: Path | str | None = None,
    lexicon_folder: Path | str | None = None,
    workers: int | None = None,
    log: Callable[[str], None] = lambda m: print(m, file=sys.stderr),
    take_lock: bool = True,
) -> BuildResult:
    """Ingest `corpus` into tables under `out`; never writes under `corpus`. `take_lock=False` only for a
    caller that holds the lock of the folder `out` and the cache are in (the report runner)."""
    corpus, out = Path(corpus), Path(out)
    if not corpus.is_dir():
        raise BuildError(f"corpus folder not found: {corpus}")
    if out.resolve() == corpus.resolve() or corpus.resolve() in out.resolve().parents:
        raise BuildError(f"output folder {out} is inside the corpus {corpus}; the corpus is read-only")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise BuildError(f"output folder {out} is not a folder (a file of that name exists)") from None
    except OSError as exc:
        raise BuildError(f"output folder {out} cannot be made ({exc.strerror or type(exc).__name__})") from None
    if not out.is_dir():
        raise BuildError(f"output folder {out} is not a folder (a file of that name exists)")
    lock = folder_lock(out) if take_lock else None
    try:
        if lock is not None:
            lock.acquire(timeout=0)
    except Timeout as exc:
        raise BuildError(f"another build or report is writing to {out}; wait for it to finish") from exc
    except OSError as exc:
        raise BuildError(f"output folder {out} cannot be locked ({exc.strerror or type(exc).__name__})") from None
    try:
        remove_stale(out)  # staging folders of killed builds
        run = _Build(corpus, out, Path(cache_dir) if cache_dir else out / ".cache",
                     Path(lexicon_folder or paths.LEXICON), workers, log)
        try:
            return run.run()
        finally:
            run.close()
    finally:
        if lock is not None:
            lock.release()


def forget_tables(out: Path | str) -> None:
    """Make the next build into `out` write every part of the tables again, from its cache (as if the
    tables had never been written); the tables themselves stay until then."""
    out = Path(out)
    (out / ".build-signature").unlink(missing_ok=True)
    parts.write_signatures(out, {})


def _article_ids(files: list[str]) -> dict[str, str]:
    """The file stem, or where stems clash the stem and a hash of the file's path (stable, and distinct
    even for identical copies)."""
    stems: dict[str, list[str]] = {}
    for f in files:
        stems.setdefault(_split_name(f)[0], []).append(f)
    ids = {}
    for stem, members in stems.items():
        for f in members:
            ids[f] = stem if len(members) == 1 else f"{stem}-{hashlib.sha256(f.encode('utf-8')).hexdigest()[:8]}"
    return ids


def _split_name(rel: str) -> tuple[str, str]:
    """Stem and suffix of a corpus path (as os.path.splitext, without its cost per call on 10,000 files)."""
    name = rel[rel.rfind("/") + 1 :]
    dot = name.rfind(".")
    return (name[:dot], name[dot:]) if dot > 0 else (name, "")


def _loads_or_none(body: str):
    try:
        return loads(body)
    except ValueError:
        return None


def _read_bytes(path: str) -> bytes:
    return read_capped(path, paths.MAX_FILE_BYTES)


_UNPRINTABLE = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7f, *range(0x80, 0xa0))}


def printable(name: str) -> str:
    """A file name safe to print on a terminal: control characters (ANSI escapes) shown as `\\xNN`."""
    return name.translate(_UNPRINTABLE)


class _LazyTexts(Mapping):
    """Simplified texts by article id, read from the cache only for the articles duplicate
    detection actually compares (MinHash candidates), not for the whole corpus."""

    def __init__(self, build: "_Build", key_of: dict[str, str]):
        self.build, self.key_of = build, key_of

    def __getitem__(self, article_id: str) -> str:
        return self.build.ingested(self.key_of[article_id]).text_zh_hans

    def __iter__(self):
        return iter(self.key_of)

    def __len__(self) -> int:
        return len(self.key_of)


class _ReportRows:
    """The ingest report as it is drawn up: one row per file (and per manifest problem); skips are logged."""

    def __init__(self, log):
        self.rows: list[dict] = []
        self.log = log

    def add(self, file: str, status: str, reason: str = "", article_id: str = "", encoding: str = "") -> None:
        self.rows.append(dict(file=file, status=status, reason=reason, article_id=article_id, encoding=encoding))
        if status == "skipped":
            self.log(f"skipped {printable(file)}: {printable(reason)}")

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.rows, columns=REPORT_COLUMNS)


@dataclass
class _Ingestion:
    """What step 2 found: each file's ingestion summary (or the reason it is skipped), and counts."""

    summaries: dict[str, dict]
    n_contents: int  # distinct contents ingested this time
    n_files: int  # the files they stand for
    unsettled: bool  # a file could not be read this time: the tables are not marked as final
    to_remember: dict | None  # the summaries for the next build, when they changed


@dataclass
class _Written:
    """What step 4 wrote: the articles whose claims failed, and counts."""

    failures: dict[str, str]  # article id -> error
    n_extracted: int
    n_reingested: int  # articles whose cached ingestion was damaged and was redone
    verdict_counts: dict[int, dict]  # per part of the tables: verdict -> claims
    notes: dict[str, str]  # article id -> a cap that was hit (claims kept up to it)


class _Build:
    """One build: the folders, the worker pool and the cache it works with; `run` takes the steps in
    order, each a method that returns what the next needs."""

    def __init__(self, corpus: Path, out: Path, cache_dir: Path, lexicon_folder: Path, workers: int | None, log):
        self.corpus, self.out, self.cache_dir = corpus, out, cache_dir
        self.lexicon_folder, self.log = lexicon_folder, log
        self.pool = Workers(lexicon_folder, workers)
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        """The cache, opened only when the build has work to look up."""
        if self._store is None:
            try:
                self._store = Store(self.cache_dir, log=self.log)
            except RuntimeError as exc:
                raise BuildError(str(exc)) from exc
        return self._store

    def close(self) -> None:
        self.pool.close()
        if self._store is not None:
            self._store.close()

    def ingested(self, ingest_key: str) -> Ingested:
        body = self.store.get_many([ingest_key]).get(ingest_key)
        if body is None:
            raise BuildError(f"the cache lost an entry while the build ran ({self.cache_dir}); run the build again")
        try:
            return Ingested.from_json(body)
        except (ValueError, TypeError, KeyError) as exc:
            raise BuildError(f"the cache holds a damaged entry ({self.cache_dir}); run the build again") from exc

    # -------------------------------------------------------- the steps

    def run(self) -> BuildResult:
        corpus, out = self.corpus, self.out
        lexicon = folder_digest(self.lexicon_folder)
        # The record and the reviewers' overrides, hashed once per build (part and build signatures use them).
        self.record_version, self.review_version = folder_digest(paths.REFERENCE), folder_digest(paths.REVIEW)
        ingest_salt = f"ingest{INGEST_CODE}|{lexicon}"  # what ingestion keys depend on besides a file's bytes
        self.listing = listing = find_article_files(corpus)
        files = listing.files
        found = set(files)
        report = _ReportRows(self.log)
        over_limit: dict[str, str] = dict(listing.problems)  # entries not read: their rows, and the signature
        if len(files) > paths.MAX_FILES:
            for rel in files[paths.MAX_FILES:]:
                over_limit[rel] = f"over the limit of {paths.MAX_FILES} files in one build"
            files = files[: paths.MAX_FILES]

        # 1. A content key per file; unchanged files (same size, times and inode) are not read again.
        index = FileIndex.load(out / ".state" / "files.json")
        keys, skipped, data_of = self._content_keys(files, index, ingest_salt)
        skipped.update(over_limit)
        signature = self._signature(keys, skipped, lexicon)
        marker = out / ".build-signature"
        damaged = parts.damaged_outputs(out)  # every table file checked against its recorded size and checksum
        if damaged and marker.exists():
            self.log(f"table files damaged or missing in {out} ({', '.join(sorted(damaged)[:3])}"
                     f"{' …' if len(damaged) > 3 else ''}): written again")
        if marker.exists() and marker.read_text() == signature and not damaged:
            index.save(set(keys))
            self.log(f"nothing changed in {corpus}: tables in {out} kept")
            return BuildResult(out, n_cached=len(keys), unchanged=True)

        # 2. Ingest what the cache does not hold (identical files once).
        ingestion = self._summaries(keys, data_of)

        # 3. The catalogue: manifest, article ids, duplicates, the ingest report.
        records, report_df = self._catalogue(ingestion.summaries, skipped, keys, found, report)
        if not records:
            # The previous tables stay as they were; the report of this failed run is written beside them.
            failed = "ingest_report.csv" if not (out / "articles.parquet").exists() else "ingest_report.failed.csv"
            write_table(report_df, out / failed)
            raise BuildError(f"no article could be read from {corpus} ({len(files)} file(s) found); see {out / failed}")

        # 4. The parts whose articles (or the code behind them) changed are written again.
        members, part_signatures = self._plan_parts(records, keys, lexicon)
        kept = parts.read_signatures(out)
        on_disk = parts.present(out) - parts.parts_of(damaged)
        dirty = sorted(p for p, sig in part_signatures.items()
                       if kept.get(p, {}).get("signature") != sig or p not in on_disk)
        emptied = sorted((set(kept) | parts.with_files(out)) - set(part_signatures))
        written = self._write_parts(dirty, members, emptied, kept, part_signatures, ingest_salt)
        failures, n_extracted = written.failures, written.n_extracted
        self.log(f"ingested {ingestion.n_contents + written.n_reingested} file(s), "
                 f"{len(keys) - ingestion.n_files} from cache")
        self.log(f"extracted claims from {n_extracted} article(s), "
                 f"{sum(1 for m in members.values() for x in m if x['extract_key']) - n_extracted} from cache; "
                 f"{len(dirty)} of {len(members)} part(s) of the tables written")
        for article_id, error in failures.items():  # the file was read, its claims were not: say so in its row
            report_df.loc[report_df["article_id"] == article_id, "reason"] = f"claims not extracted ({error})"
        for article_id, note in written.notes.items():  # caps hit: the claims are partial, and the row says so
            report_df.loc[report_df["article_id"] == article_id, "reason"] = note

        # 5. What spans every part: the CSV tables, disagreements, the ingest report, what the next build reads.
        n_groups = self._write_shared(report_df)
        parts.record_outputs(out)
        if not failures and not ingestion.unsettled:
            atomic_write(marker, lambda p: p.write_text(signature))
        index.save(set(keys))
        if ingestion.to_remember is not None:
            body = dumps(ingestion.to_remember).encode("utf-8")
            atomic_write(out / ".state" / "summaries.json", lambda p: p.write_bytes(body))
        counts = report_df["status"].value_counts().to_dict()
        self.log(f"built {out}: " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())))
        verdicts: dict[str, int] = {}
        for per_part in written.verdict_counts.values():
            for verdict, n in per_part.items():
                verdicts[verdict] = verdicts.get(verdict, 0) + n
        self.log("claim check: " + ", ".join(f"{n} {v}" for v, n in sorted(verdicts.items()))
                 + f"; {n_groups} disagreement group(s)")
        return BuildResult(out, report_df, n_cached=len(keys) - ingestion.n_files,
                           n_ingested=ingestion.n_contents + written.n_reingested, n_extracted=n_extracted,
                           parts_written=len(dirty))

    def _content_keys(self, files: list[str], index: FileIndex, ingest_salt: str
                      ) -> tuple[dict[str, str], dict[str, str], dict[str, bytes]]:
        """Each readable file's cache key (its bytes' hash, suffix and the ingestion versions), the files
        skipped with their reasons, and the bytes of the files that had to be read."""
        keys: dict[str, str] = {}
        skipped: dict[str, str] = {}
        data_of: dict[str, bytes] = {}
        root = str(self.corpus)
        for rel in files:
            path = self.listing.path(root, rel)
            try:
                st = os.stat(path)
                if not stat_mod.S_ISREG(st.st_mode):
                    raise NotRead(f"not a regular file ({file_kind(st.st_mode)})")
                if st.st_size > paths.MAX_FILE_BYTES:
                    skipped[rel] = too_large(st.st_size)
                    continue
                sha, data = index.digest(rel, st, lambda: _read_bytes(path))
            except NotRead as exc:
                skipped[rel] = str(exc)
                continue
            except OSError as exc:
                skipped[rel] = f"unreadable ({exc.strerror or type(exc).__name__})"
                continue
            keys[rel] = key(sha, _split_name(rel)[1].lower(), ingest_salt)
            if data is not None:
                data_of[rel] = data
        return keys, skipped, data_of

    def _catalogue(self, summaries: dict[str, dict], skipped: dict[str, str], keys: dict[str, str],
                   found: set[str], report: _ReportRows) -> tuple[dict[str, dict], pd.DataFrame]:
        """Every article's row without its text (manifest applied, id, duplicate of), and the ingest report."""
        manifest = read_manifest(self.corpus / "manifest.csv")
        for problem in manifest.problems:
            report.add(f"manifest.csv (line {problem.line})" if problem.line else "manifest.csv", "skipped",
                        f"{problem.file + ': ' if problem.file else ''}{problem.reason}")
        found_keys = {manifest_key(rel) for rel in found}
        for name in manifest.rows:
            if name not in found_keys:
                report.add("manifest.csv", "skipped", f"row names a file that is not in the corpus: {name}")
        ok = {rel: s for rel, s in summaries.items() if "skip" not in s}
        skipped = {**skipped, **{rel: s["skip"] for rel, s in summaries.items() if "skip" in s}}
        ids = _article_ids(sorted(ok))
        records = {rel: self._record(rel, ids[rel], ok[rel], manifest.rows.get(manifest_key(rel), {})) for rel in ok}
        self._mark_duplicates(records, ok, keys)
        file_of = {r["article_id"]: rel for rel, r in records.items()}
        for rel in sorted(set(skipped) | set(records)):
            if rel in skipped:
                report.add(rel, "skipped", skipped[rel])
            elif records[rel]["duplicate_of"]:
                report.add(rel, "duplicate", f"repeats {file_of[records[rel]['duplicate_of']]}",
                            records[rel]["article_id"], records[rel]["encoding"])
            else:
                report.add(rel, "ok", "", records[rel]["article_id"], records[rel]["encoding"])
        return records, report.frame()

    def _plan_parts(self, records: dict[str, dict], keys: dict[str, str], lexicon: str
                    ) -> tuple[dict[int, list[dict]], dict[int, str]]:
        """The articles of each part (with their cache keys), and each part's signature: everything its
        tables depend on (the articles' rows and keys, code, lexicon and reference versions)."""
        extract_salt = f"extract{EXTRACT_CODE}|{lexicon}"
        listing, corpus = self.listing, str(self.corpus)
        record_version = self.record_version
        members: dict[int, list[dict]] = {}
        for rel in sorted(records):
            r = records[rel]
            extract_key = "" if r["duplicate_of"] else key(r["content_hash"], r["article_id"], r["published"],
                                                           extract_salt)
            members.setdefault(parts.part_of(rel), []).append(dict(
                record=r, ingest_key=keys[rel], path=listing.path(corpus, rel),
                terms_key=_TERMS + key(keys[rel], TERMS_CODE),  # the ingestion key names the bytes and lexicon
                extract_key=extract_key,
                # its sentences (ingestion key), claims and date (extraction key), the record and the code reading it
                mentions_key=(_MENTIONS + key(keys[rel], extract_key, MENTIONS_CODE, record_version)
                              if extract_key else ""),
            ))
        reference = self.record_version + self.review_version
        signatures = {
            p: key(TABLES_CODE, extract_salt, reference,
                   *("\x1f".join(map(str, (x["ingest_key"], x["extract_key"], x["terms_key"], x["mentions_key"],
                                           *x["record"].values())))
                     for x in m))
            for p, m in members.items()
        }
        return members, signatures

    def _write_shared(self, report_df: pd.DataFrame) -> int:
        """The tables that span every part; returns the number of disagreement groups."""
        out = self.out
        parts.assemble_csv(out, "claims", CLAIM_COLUMNS)
        parts.assemble_csv(out, "claim_check", VERDICT_COLUMNS)
        disagreeing = disagreement_table(parts.read_compare(out, COMPARE_COLUMNS, as_arrow=True), memo=self.store,
                                         version=TABLES_CODE)
        write_arrow_csv(disagreeing, out / "disagreements.csv")
        write_table(report_df, out / "ingest_report.csv")
        (out / "ingest_report.failed.csv").unlink(missing_ok=True)
        self._write_review_report()
        return len(pc.unique(disagreeing.column("group")))

    def _write_review_report(self) -> None:
        """`review_report.csv`: each reviewer override applied, stale (its claim no longer extracted) or
        invalid; stale and invalid ones also said on the console, one line each."""
        overrides, problems = load_overrides(log=self.log)
        claim_ids = set(_column(self.out / "claims.parquet", "claim_id"))
        checked = set(_column(self.out / "claim_check.parquet", "claim_id"))
        report = review_report(overrides, problems, claim_ids, checked)
        for row in report[report["status"] == "stale"].itertuples():
            self.log(f"{overrides_path()} line {row.line}: stale override of {row.field} for claim {row.claim_id} "
                     f"({row.reason}); not applied")
        write_table(report, self.out / "review_report.csv")

    def _signature(self, keys: dict[str, str], skipped: dict[str, str], lexicon: str) -> str:
        """Everything the tables depend on: each file's content key, the manifest, the code, lexicon and
        reference versions."""
        h = hashlib.sha256(f"{INGEST_CODE}|{EXTRACT_CODE}|{TABLES_CODE}|{lexicon}|"
                           f"{self.record_version}|{self.review_version}|{paths.MAX_FILES}".encode())
        for rel in sorted(keys):
            h.update(f"{rel}\0{keys[rel]}\n".encode())
        for rel in sorted(skipped):
            h.update(f"{rel}\0skip:{skipped[rel]}\n".encode())
        manifest = self.corpus / "manifest.csv"
        try:
            h.update(read_capped(str(manifest), paths.MAX_FILE_BYTES))
        except FileNotFoundError:
            pass
        except (OSError, NotRead) as exc:  # reported as a manifest problem by the catalogue
            h.update(f"manifest unreadable: {exc}".encode())
        return h.hexdigest()

    def _summaries(self, keys: dict[str, str], data_of: dict[str, bytes]) -> _Ingestion:
        """Each file's ingestion summary (metadata, duplicate signatures, or the reason it was skipped),
        from the cache or by ingesting it; full ingestion results go to the cache for the parts."""
        distinct = sorted(set(keys.values()))
        # The last build's summaries, in one file beside its tables: one read instead of one cache
        # lookup per article; anything not in it comes from the cache.
        try:
            remembered = loads((self.out / ".state" / "summaries.json").read_bytes())
        except (OSError, ValueError):
            remembered = {}
        n_remembered = len(remembered) if isinstance(remembered, dict) else -1
        # An edited or damaged file is not trusted: what does not have a summary's shape is looked up again.
        remembered = ({k: remembered[k] for k in distinct if k in remembered and valid_summary(remembered[k])}
                      if n_remembered >= 0 else {})
        cached = self.store.get_many([_SUMMARY + k for k in distinct if k not in remembered])
        for k in [k for k, body in cached.items() if not valid_summary(_loads_or_none(body))]:
            del cached[k]  # intact as stored, but not a summary: made again
        cached.update({_SUMMARY + k: "" for k in remembered})
        missing = [k for k in distinct if _SUMMARY + k not in cached]
        if missing:  # ingested before summaries were kept: the result itself may be in the cache
            bodies = self.store.get_many(missing)
            made = [(_SUMMARY + k, summary_of_body(b)) for k, b in bodies.items()]
            self.store.put_many(made)
            cached.update(made)
        rels_of: dict[str, list[str]] = {}
        for rel, k in keys.items():
            rels_of.setdefault(k, []).append(rel)
        jobs = []
        unreadable: dict[str, dict] = {}
        for k in distinct:
            if _SUMMARY + k not in cached:
                rel = rels_of[k][0]
                data = data_of.get(rel)
                if data is None:
                    try:
                        data = _read_bytes(self.listing.path(str(self.corpus), rel))
                    except NotRead as exc:
                        unreadable[k] = {"skip": str(exc)}
                        continue
                    except OSError as exc:  # skipped this time, not remembered: the next build tries again
                        unreadable[k] = {"skip": f"unreadable ({exc.strerror or type(exc).__name__})"}
                        continue
                jobs.append((k, data, Path(rel).suffix))
        data_of.clear()
        pending: list[tuple[str, str]] = []
        for k, body, summary in self.pool.map(ingest_job, jobs, on_lost=lost_ingest):
            pending += [(k, body), (_SUMMARY + k, summary)]
            cached[_SUMMARY + k] = summary
            if len(pending) >= 400:  # committed in batches: a killed build keeps what it finished
                self.store.put_many(pending)
                pending = []
        if pending:
            self.store.put_many(pending)
        decoded = {k: remembered[k] if k in remembered else loads(cached[_SUMMARY + k])
                   for k in distinct if k not in unreadable}
        decoded_all = {**decoded, **unreadable} if unreadable else decoded
        return _Ingestion(
            summaries={rel: decoded_all[k] for rel, k in keys.items()},
            n_contents=len(jobs), n_files=sum(len(rels_of[j[0]]) for j in jobs),
            # what this build saw is not what the next will: no "nothing changed"
            unsettled=bool(unreadable),
            # (never a file that could not be read this time)
            to_remember=None if n_remembered == len(remembered) == len(decoded) else decoded,
        )

    @staticmethod
    def _record(rel: str, article_id: str, s: dict, row: dict) -> dict:
        """An article's row without its text: the manifest's metadata over what the text shows."""
        published, source, detail = "", "", ""
        if row.get("published"):
            published, source, detail = row["published"], "manifest", "manifest.csv"
        elif s["published"]:
            source = "estimated" if s["published_how"] == ESTIMATED else "text"
            published, detail = s["published"], s["published_how"]
        return dict(
            article_id=article_id, file=rel, title=row.get("title") or s["title"],
            outlet=row.get("outlet") or s["outlet"], published=published, published_source=source,
            script=s["script"], n_chars=s["n_chars"], content_hash=s["content_hash"], duplicate_of="",
            url=row.get("url") or s["url"], notes=row.get("notes", ""), encoding=s["encoding"],
            n_chars_raw=s["n_chars_raw"], n_chars_removed=s["n_chars_removed"], removed=s["removed"],
            pinyin_repaired=s["pinyin_repaired"], published_detail=detail,
        )

    def _mark_duplicates(self, records: dict[str, dict], ok: dict[str, dict], keys: dict[str, str]) -> None:
        """The earliest copy (by published date, then file name) is the original. Texts are read only
        for the pairs the MinHash bands propose, and how much two texts overlap is cached."""
        order = sorted(records, key=lambda rel: (records[rel]["published"] or "9999", rel))
        id_of = {rel: records[rel]["article_id"] for rel in records}
        signatures = {id_of[rel]: (ok[rel]["fingerprint"], ok[rel]["bands"]) for rel in records if ok[rel]["bands"]}
        texts = _LazyTexts(self, {id_of[rel]: keys[rel] for rel in order})
        fingerprint = {id_of[rel]: ok[rel]["fingerprint"] for rel in records}

        def pair_key(a: str, b: str) -> str:
            return f"overlap:{INGEST_CODE}:" + ":".join(sorted((fingerprint[a], fingerprint[b])))

        def known(pairs: list[tuple[str, str]]) -> dict[tuple[str, str], float]:
            found = self.store.get_many([pair_key(a, b) for a, b in pairs])
            return {(a, b): float(found[pair_key(a, b)]) for a, b in pairs if pair_key(a, b) in found}

        computed: list[tuple[str, str]] = []

        def overlap(a: str, b: str) -> float:
            value = containment(texts[a], texts[b])
            computed.append((pair_key(a, b), repr(value)))
            return value

        dups = find_duplicates(texts, [id_of[rel] for rel in order], signatures=signatures, overlap=overlap,
                               known_overlaps=known)
        if computed:
            self.store.put_many(computed)
        for rel, r in records.items():
            r["duplicate_of"] = dups.get(r["article_id"], "")

    def _batches(self, dirty: list[int], members: dict[int, list[dict]]) -> list[list[int]]:
        """Parts grouped into jobs of a few hundred articles: enough to spread the fixed cost of a job
        (one claim check, one conversion per table), small enough to keep every worker busy."""
        total = sum(len(members[p]) for p in dirty)
        workers = self.pool.workers or min(os.cpu_count() or 1, 4)
        target = min(400, max(100, total // (workers * 12)))
        batches: list[list[int]] = [[]]
        size = 0
        for p in dirty:
            if batches[-1] and size + len(members[p]) > target:
                batches.append([])
                size = 0
            batches[-1].append(p)
            size += len(members[p])
        return [b for b in batches if b]

    def _write_parts(self, dirty: list[int], members: dict[int, list[dict]], emptied: list[int],
                     kept: dict[int, dict], part_signatures: dict[int, str], ingest_salt: str) -> _Written:
        """Write the changed parts into a staging folder, then move them into place together."""
        out = self.out
        staging = out / f".staging-build-{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        failures: dict[str, str] = {}
        notes: dict[str, str] = {}
        verdicts: dict[int, dict] = {}
        n_extracted = n_reingested = 0
        try:
            jobs = [dict(parts={p: members[p] for p in batch}, out=str(staging), cache=str(self.store.path),
                         corpus=str(self.corpus), ingest_salt=ingest_salt, lexicon=str(self.lexicon_folder))
                    for batch in self._batches(dirty, members)]
            weight = sum(len(members[p]) for p in dirty)
            for result in self.pool.map(parts_job, jobs, weight=weight, chunksize=1, on_lost=lost_parts):
                if result["entries"]:
                    self.store.put_many(result["entries"])
                failures.update(result["failures"])
                notes.update(result.get("notes", {}))
                verdicts.update(result["verdicts"])
                n_extracted += result["n_extracted"]
                n_reingested += result["n_ingested"]
            for error_id, error in failures.items():
                self.log(f"claims of {error_id} not extracted: {error}")
            # From here on the tables change: forget the old signatures of what is replaced first.
            (out / ".build-signature").unlink(missing_ok=True)
            remaining = {p: s for p, s in kept.items() if p not in dirty and p not in emptied}
            for p in emptied:  # first: a part with files but no signature is found and removed next time
                parts.remove_part(out, p)
            parts.write_signatures(out, remaining)
            parts.clear_layout(out)
            for path in sorted(staging.rglob("*")):
                if path.is_file():
                    target = out / path.relative_to(staging)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(path, target)
            failed_parts = {parts.part_of(m["record"]["file"]) for ms in members.values() for m in ms
                            if m["record"]["article_id"] in failures}
            remaining.update({p: dict(signature=part_signatures[p], verdicts=verdicts[p])
                              for p in dirty if p not in failed_parts})
            parts.write_signatures(out, remaining)
            verdict_counts = {p: verdicts[p] if p in verdicts else kept.get(p, {}).get("verdicts", {})
                              for p in members}
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return _Written(failures, n_extracted, n_reingested, verdict_counts, notes)


__all__ = ["ARTICLE_COLUMNS", "SENTENCE_COLUMNS", "REPORT_COLUMNS", "BuildError", "BuildResult", "build"]


def _column(folder: Path, column: str) -> list[str]:
    """One text column of a table kept as parts (empty when the table has no parts yet)."""
    files = sorted(Path(folder).glob("*.parquet"))
    if not files:
        return []
    return [v for f in files for v in pq.read_table(f, columns=[column]).column(column).to_pylist()]
