"""The work the build hands to its worker processes: ingesting a file, and writing one part of the tables.

Both are plain functions of picklable arguments, run in a pool (or in the build's own process when
there is little to do). Workers read the cache but never write it: what they compute comes back
to the build, which stores it, so the cache has a single writer.
"""

from __future__ import annotations

import hashlib
import json
import signal
import threading
import time
from pathlib import Path

import pandas as pd

from ..check.disagreements import COMPARE_COLUMNS
from ..check.events import MentionReader, published_day, reference_events, sentence_figures
from ..check.reference import load_chip_specs
from ..check.review import load_overrides
from ..check.tables import check_tables
from ..check.verdicts import VERDICT_COLUMNS
from ..extract import CLAIM_COLUMNS, extract_article
from .. import paths
from ..ingest.article import Ingested, Skip, ingest_bytes
from ..ingest.files import NotRead, read_capped
from ..lang import lexicon as lexicon_mod
from ..lang.script import Simplifier
from ..store import parts
from ..store.cache import Reader, dumps, loads
from ..store.tables import CLAIM_ORDER, MENTION_COLUMNS, TERM_COLUMNS, THEME_CHAR_COLUMNS, Tables
from .versions import key

ARTICLE_COLUMNS = [
    "article_id", "file", "title", "outlet", "published", "published_source", "script",
    "text", "text_zh_hans", "n_chars", "content_hash", "duplicate_of",
    "url", "notes", "encoding", "n_chars_raw", "n_chars_removed", "removed", "pinyin_repaired", "published_detail",
]
SENTENCE_COLUMNS = ["article_id", "sent_idx", "char_start", "char_end", "sentence", "sentence_zh_hans"]

# Per-article caps (stated in the README): an article that hits one keeps the claims found up to it,
# and its row in the ingest report says so.
MAX_CLAIMS_PER_ARTICLE = 2_000
MAX_EXTRACT_SECONDS = 60
_WINDOW = 400  # sentences extracted at a time: the caps are checked between windows, and a window's
# claims (at most a few hundred sentences' worth) bound what one call can hold in memory
LOST = "the worker process handling it was lost twice (killed, or out of memory)"

_simplifier: Simplifier | None = None
_lexicon = None
_reference: tuple | None = None
_mention_reader: MentionReader | None = None


def _die_with_parent() -> None:
    """A pool worker ends when the build that started it is killed (Linux), instead of lingering."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def init_worker(lexicon_folder: str, in_pool: bool = False) -> None:
    """Load what the jobs need (in each pool worker, or once in the build's own process)."""
    global _simplifier, _lexicon, _reference, _mention_reader
    if in_pool:
        _die_with_parent()
    _lexicon = lexicon_mod.load(lexicon_folder)
    _simplifier = Simplifier(_lexicon)
    _reference = None
    _mention_reader = None
    _check_memo.clear()  # verdicts are remembered only for the reference tables read here


def _references() -> tuple:
    global _reference
    if _reference is None:
        _reference = (load_chip_specs()[0], reference_events(), load_overrides()[0])
    return _reference


def _mentions() -> MentionReader:
    """The reader of mentions of the whole record (prepared once per process)."""
    global _mention_reader
    if _mention_reader is None:
        _mention_reader = MentionReader(_references()[1], _lexicon)
    return _mention_reader


# ------------------------------------------------------------ ingestion

def summary(art: Ingested) -> dict:
    """What the build needs of an ingested article without its text: metadata and duplicate signatures."""
    return dict(
        encoding=art.encoding, title=art.title, published=art.published, published_how=art.published_how,
        outlet=art.outlet, url=art.url, script=art.script, content_hash=art.content_hash, n_chars=len(art.text),
        n_chars_raw=art.n_chars_raw, n_chars_removed=sum(art.removed.values()),
        removed=json.dumps(art.removed, ensure_ascii=False), pinyin_repaired=art.pinyin_repaired,
        fingerprint=art.fingerprint, bands=art.bands,
    )


def ingest_job(job: tuple[str, bytes, str]) -> tuple[str, str, str]:
    """Ingest one file: (cache key, JSON of the article or of the reason it was skipped, JSON summary)."""
    key, data, suffix = job
    try:
        art = ingest_bytes(data, suffix, _simplifier)
    except Skip as exc:
        skipped = dumps({"skip": str(exc)})
        return key, skipped, skipped
    except Exception as exc:  # one bad article never stops the corpus
        skipped = dumps({"skip": f"could not be processed ({type(exc).__name__}: {exc})"})
        return key, skipped, skipped
    return key, art.to_json(), dumps(summary(art))


_SUMMARY_TYPES = dict(
    encoding=str, title=str, published=str, published_how=str, outlet=str, url=str, script=str, content_hash=str,
    n_chars=int, n_chars_raw=int, n_chars_removed=int, removed=str, pinyin_repaired=int, fingerprint=str,
)


def valid_summary(value) -> bool:
    """Whether a value read back (from the cache or `.state/summaries.json`) has the shape of a summary,
    or of a skip reason: anything else is not trusted and is made again."""
    if not isinstance(value, dict):
        return False
    if "skip" in value:
        return len(value) == 1 and isinstance(value["skip"], str)
    if any(type(value.get(k)) is not t for k, t in _SUMMARY_TYPES.items()):
        return False
    bands = value.get("bands")
    return bands is None or (isinstance(bands, list) and all(type(b) is int for b in bands))


def lost_ingest(job: tuple[str, bytes, str]) -> tuple[str, str, str]:
    """The result of ingesting a file whose worker was lost twice: skipped, with the reason."""
    skipped = dumps({"skip": LOST})
    return job[0], skipped, skipped


def summary_of_body(body: str) -> str:
    """The summary of a cached ingestion result (for entries cached before summaries were kept)."""
    data = loads(body)
    if "skip" in data and len(data) == 1:
        return body
    return dumps(summary(Ingested.from_json(body)))


# ------------------------------------------------------------ one part of the tables

def article_words(art: Ingested) -> dict:
    """What the word and theme tables hold of one article: its words with their counts (in the order
    they first occur), the characters of its sentences touching each theme, and of all its sentences."""
    simplified = [s[4] for s in art.sentences]
    return dict(terms=_lexicon.term_counts(art.text_zh_hans),
                themes=_lexicon.theme_chars(simplified) if simplified else [],
                sentence_chars=sum(len(s) for s in simplified))


def _words_entry(value) -> dict:
    """A cached `article_words` value, checked for its shape."""
    if not isinstance(value, dict) or type(value.get("sentence_chars")) is not int:
        raise TypeError("not word counts")
    for name in ("terms", "themes"):
        pairs = value.get(name)
        if not isinstance(pairs, list) or not all(
                isinstance(p, list) and len(p) == 2 and isinstance(p[0], str) and type(p[1]) is int for p in pairs):
            raise TypeError("not word counts")
    return value


def _mentions_entry(value) -> list:
    """A cached list of an article's mentions, (reference row, sentence index) pairs, checked for its shape."""
    if not isinstance(value, list) or not all(
            isinstance(p, list) and len(p) == 2 and all(type(x) is int for x in p) for p in value):
        raise TypeError("not mentions")
    return value


def parts_job(job: dict) -> dict:
    """Write every table of some parts of the corpus: articles, sentences, claims (extracted or from
    the cache), verdicts, the claims disagreements are looked for in, each article's word and theme
    counts, and the sentences of each unique article that mention the reference record (both
    computed once per article and cached, as its claims are). The parts are handled
    together (one claim check, one conversion per table) and written one file per part; a part's
    files are the same whichever parts it is written with. Returns what the build must store and
    report."""
    members = [(part, m) for part in sorted(job["parts"]) for m in job["parts"][part]]
    reader = Reader(Path(job["cache"]))
    try:
        bodies = reader.get_many([m["ingest_key"] for _, m in members])
        claim_keys = [m["extract_key"] for _, m in members if m["extract_key"]]
        cached_claims = reader.get_many(claim_keys)
        cached_words = reader.get_many([m["terms_key"] for _, m in members])
        cached_mentions = reader.get_many([m["mentions_key"] for _, m in members if m["mentions_key"]])
    finally:
        reader.close()
    entries: list[tuple[str, str]] = []
    failures: dict[str, str] = {}
    notes: dict[str, str] = {}
    articles, sentences, claims, terms, themes = [], [], [], [], []
    to_read: list[tuple[dict, Ingested]] = []  # the unique articles whose mentions are read after their claims
    part_of: dict[str, int] = {}
    n_ingested = n_extracted = 0
    for part, m in members:
        row = m["record"]
        part_of[row["article_id"]] = part
        body = bodies.get(m["ingest_key"])
        art = None
        if body is not None:
            try:
                art = Ingested.from_json(body)
            except (ValueError, TypeError, KeyError):  # intact as stored, but not an article: made again
                art = None
        if art is None:  # a damaged cache entry: ingest the file again, if it is still what the build saw
            try:
                data = read_capped(m.get("path") or str(Path(job["corpus"]) / row["file"]), paths.MAX_FILE_BYTES)
                suffix = Path(row["file"]).suffix
                if key(hashlib.sha256(data).hexdigest(), suffix.lower(), job["ingest_salt"]) != m["ingest_key"]:
                    raise Skip("it changed while the build ran")
                art = ingest_bytes(data, suffix, _simplifier)
            except (OSError, Skip, NotRead) as exc:
                failures[row["article_id"]] = f"could not be read again: {exc}"
                continue
            entries.append((m["ingest_key"], art.to_json()))
            n_ingested += 1
        articles.append({**row, "text": art.text, "text_zh_hans": art.text_zh_hans})
        sentences.extend((row["article_id"], *s) for s in art.sentences)
        words = cached_words.get(m["terms_key"])
        if words is not None:
            try:
                words = _words_entry(loads(words))
            except (ValueError, TypeError):
                words = None  # not the shape word counts are stored in: counted again
        if words is None:
            words = article_words(art)
            entries.append((m["terms_key"], dumps(words)))
        terms.extend((row["article_id"], i, w, c) for i, (w, c) in enumerate(words["terms"]))
        themes.extend((row["article_id"], t, c, words["sentence_chars"]) for t, c in words["themes"])
        if not m["extract_key"]:
            continue  # a duplicate: its claims are those of the article it repeats
        to_read.append((m, art))
        found = cached_claims.get(m["extract_key"])
        if found is not None:
            try:
                cached_rows, note = _claims_entry(loads(found))
            except (ValueError, TypeError, KeyError):
                found = None  # not the shape claims are stored in: extracted again
        if found is None:
            if not job.get("extract", True):
                failures[row["article_id"]] = LOST
                continue
            try:
                cached_rows, note = capped_extract(row["article_id"], art, row["published"])
            except Exception as exc:  # an extractor bug costs one article's claims, never the build
                failures[row["article_id"]] = f"{type(exc).__name__}: {exc}"
                continue
            # The claims as a list; with the note of a cap that was hit, as {"claims": [...], "note": ...}.
            entries.append((m["extract_key"], dumps({"claims": cached_rows, "note": note} if note else cached_rows)))
            n_extracted += 1
        if note:
            notes[row["article_id"]] = note
        claims.extend(cached_rows)

    articles_df = pd.DataFrame(articles, columns=ARTICLE_COLUMNS)  # members come by part, then file
    sentences_df = pd.DataFrame(sentences, columns=SENTENCE_COLUMNS)
    terms_df = pd.DataFrame(terms, columns=TERM_COLUMNS)
    themes_df = pd.DataFrame(themes, columns=THEME_CHAR_COLUMNS)
    claims_df = claims_frame(claims, part_of)
    mentions_df = _part_mentions(to_read, cached_mentions, claims_df, failures, entries)
    specs, reference, overrides = _references()
    verdicts, compare = check_tables(Tables(articles_df, sentences_df, claims_df, pd.DataFrame()), specs, reference,
                                     _lexicon, memo=_check_memo, overrides=overrides)
    out = Path(job["out"])
    written = sorted(job["parts"])
    for name, df, columns in (("articles", articles_df, ARTICLE_COLUMNS), ("sentences", sentences_df, SENTENCE_COLUMNS),
                              ("claims", claims_df, CLAIM_COLUMNS), ("claim_check", verdicts, VERDICT_COLUMNS),
                              ("terms", terms_df, TERM_COLUMNS), ("theme_chars", themes_df, THEME_CHAR_COLUMNS),
                              ("mentions", mentions_df, MENTION_COLUMNS),
                              (parts.COMPARE, compare, COMPARE_COLUMNS)):
        parts.write_parts(out, name, df, columns, [part_of[a] for a in df["article_id"]], written)
    counts: dict[int, dict[str, int]] = {p: {} for p in written}
    for article_id, verdict in zip(verdicts["article_id"], verdicts["verdict"]):
        tally = counts[part_of[article_id]]
        tally[verdict] = tally.get(verdict, 0) + 1
    return dict(parts=written, entries=entries, failures=failures, n_ingested=n_ingested, n_extracted=n_extracted,
                verdicts=counts, notes=notes)


def _part_mentions(to_read: list[tuple[dict, Ingested]], cached: dict, claims: pd.DataFrame, failures: dict,
                   entries: list) -> pd.DataFrame:
    """The mentions of the reference record in the unique articles of some parts, in their order: from the
    cache, else read from the article's sentences with its claims' figures and its date (and cached, unless
    its claims could not be extracted: the mentions read without them would outlive the failure)."""
    figures = sentence_figures(claims)
    rows = []
    for m, art in to_read:
        aid = m["record"]["article_id"]
        found = cached.get(m["mentions_key"])
        pairs = None
        if found is not None:
            try:
                pairs = _mentions_entry(loads(found))
            except (ValueError, TypeError):
                pairs = None  # not the shape mentions are stored in: read again
        if pairs is None:
            mine = {s[0]: figures[(aid, s[0])] for s in art.sentences if (aid, s[0]) in figures}
            read = _mentions().article(((s[0], s[3], s[4]) for s in art.sentences), mine,
                                       published_day(m["record"]["published"]))
            pairs = [[int(ref), int(idx)] for ref, idx, _ in read]
            if aid not in failures:
                entries.append((m["mentions_key"], dumps(pairs)))
        text = {s[0]: s[3] for s in art.sentences} if pairs else {}
        rows.extend((aid, idx, ref, text[idx]) for ref, idx in pairs)
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def _claims_entry(value) -> tuple[list[dict], str]:
    """The claims and the note of a cached extraction, checked for their shape."""
    rows, note = (value, "") if isinstance(value, list) else (value["claims"], value["note"])
    if not isinstance(note, str) or not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise TypeError("not claims")
    return rows, note


def lost_parts(job: dict) -> dict:
    """A parts job whose worker was lost twice: run again in this process without extracting anything
    new (claims already in the cache are used), so the articles are written and the ones whose claims
    were being extracted are reported as failed instead of taking the build down."""
    if _lexicon is None:
        init_worker(job["lexicon"])
    return parts_job({**job, "extract": False})


class _Deadline(Exception):
    pass


def _alarm(signum, frame):
    raise _Deadline()


def capped_extract(article_id: str, art: Ingested, published: str) -> tuple[list[dict], str]:
    """An article's claims with the caps applied: at most `MAX_CLAIMS_PER_ARTICLE` claims and
    `MAX_EXTRACT_SECONDS` seconds. Long articles are read `_WINDOW` sentences at a time (what a reader
    carries from sentence to sentence starts afresh at each window); the time cap is a timer that
    interrupts the extractor (in the main thread of a process; elsewhere it is checked between windows).
    Returns the claims and, when a cap was hit, a note saying which."""
    rows: list[dict] = []
    sentences = art.sentences
    started = time.monotonic()
    timer = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    previous = signal.signal(signal.SIGALRM, _alarm) if timer else None
    if timer:
        signal.setitimer(signal.ITIMER_REAL, MAX_EXTRACT_SECONDS)
    note = ""
    try:
        for start in range(0, max(len(sentences), 1), _WINDOW):
            if time.monotonic() - started > MAX_EXTRACT_SECONDS:
                raise _Deadline()
            rows.extend(extract_article(article_id, art.text, sentences[start : start + _WINDOW], published, _lexicon,
                                        _simplifier, art.simplified))
            if len(rows) > MAX_CLAIMS_PER_ARTICLE:
                note = f"claims capped at {MAX_CLAIMS_PER_ARTICLE} (the article holds more)"
                break
    except _Deadline:
        note = (f"claim extraction stopped after {MAX_EXTRACT_SECONDS} s "
                f"(claims of the first {len(set(r['sent_idx'] for r in rows))} sentence(s) with claims kept)")
    finally:
        if timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    return rows[:MAX_CLAIMS_PER_ARTICLE], note


_check_memo: dict = {}  # reference lookups and spec verdicts, kept for the life of the process


def claims_frame(rows: list[dict], part_of: dict[str, int] | None = None) -> pd.DataFrame:
    """Claim rows as a table with the columns' types fixed, in reading order (part by part when
    `part_of` gives each article's part)."""
    claims = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    for column in ("value", "value_max", "from_value", "to_value"):
        claims[column] = pd.to_numeric(claims[column], errors="coerce").astype("float64")
    for column in ("sent_idx", "char_start", "char_end"):
        claims[column] = claims[column].astype("int64")
    claims["date_inferred"] = claims["date_inferred"].astype(bool)
    if part_of is None:
        return claims.sort_values(CLAIM_ORDER).reset_index(drop=True)
    claims["_part"] = claims["article_id"].map(part_of)
    claims = claims.sort_values(["_part", *CLAIM_ORDER]).reset_index(drop=True)
    return claims.drop(columns="_part")
