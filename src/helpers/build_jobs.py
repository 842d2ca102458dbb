"""The work the build hands to its worker processes: ingesting a file, and writing one part of the tables.

Both are plain functions of picklable arguments, run in a pool (or in the build's own process when
there is little to do). Workers read the cache but never write it: what they compute comes back
to the build, which stores it, so the cache has a single writer.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from . import lexicon as lexicon_mod
from . import parts
from .cache import Reader, dumps, loads
from .extract import CLAIM_COLUMNS, extract_article
from .ingest import Ingested, Skip, ingest_bytes
from .script import Simplifier

ARTICLE_COLUMNS = [
    "article_id", "file", "title", "outlet", "published", "published_source", "script",
    "text", "text_zh_hans", "n_chars", "content_hash", "duplicate_of",
    "url", "notes", "encoding", "n_chars_raw", "n_chars_removed", "removed", "pinyin_repaired", "published_detail",
]
SENTENCE_COLUMNS = ["article_id", "sent_idx", "char_start", "char_end", "sentence", "sentence_zh_hans"]

_simplifier: Simplifier | None = None
_lexicon = None
_reference: tuple | None = None


def init_worker(lexicon_folder: str) -> None:
    global _simplifier, _lexicon, _reference
    _lexicon = lexicon_mod.load(lexicon_folder)
    _simplifier = Simplifier(_lexicon)
    _reference = None


def _references() -> tuple:
    global _reference
    if _reference is None:
        from .reference import load_chip_specs
        from .timeline import reference_events

        _reference = (load_chip_specs()[0], reference_events())
    return _reference


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


def summary_of_body(body: str) -> str:
    """The summary of a cached ingestion result (for entries cached before summaries were kept)."""
    data = loads(body)
    if "skip" in data and len(data) == 1:
        return body
    return dumps(summary(Ingested.from_json(body)))


# ------------------------------------------------------------ one part of the tables

def part_job(job: dict) -> dict:
    """Write every table of one part: articles, sentences, claims (extracted or from the cache),
    verdicts and the claims disagreements are looked for in. Returns what the build must store
    and report."""
    reader = Reader(Path(job["cache"]))
    try:
        members = job["members"]
        bodies = reader.get_many([m["ingest_key"] for m in members])
        claim_keys = [m["extract_key"] for m in members if m["extract_key"]]
        cached_claims = reader.get_many(claim_keys)
    finally:
        reader.close()
    entries: list[tuple[str, str]] = []
    failures: dict[str, str] = {}
    articles, sentences, claims = [], [], []
    n_ingested = n_extracted = 0
    for m in members:
        row = m["record"]
        body = bodies.get(m["ingest_key"])
        if body is None:  # a damaged cache entry: ingest the file again
            try:
                art = ingest_bytes((Path(job["corpus"]) / row["file"]).read_bytes(), Path(row["file"]).suffix, _simplifier)
            except (OSError, Skip) as exc:
                failures[row["article_id"]] = f"could not be read again: {exc}"
                continue
            entries.append((m["ingest_key"], art.to_json()))
            n_ingested += 1
        else:
            art = Ingested.from_json(body)
        articles.append({**row, "text": art.text, "text_zh_hans": art.text_zh_hans})
        sentences.extend((row["article_id"], *s) for s in art.sentences)
        if not m["extract_key"]:
            continue  # a duplicate: its claims are those of the article it repeats
        found = cached_claims.get(m["extract_key"])
        if found is None:
            try:
                rows = extract_article(row["article_id"], art.text, art.sentences, row["published"], _lexicon,
                                       _simplifier)
            except Exception as exc:  # an extractor bug costs one article's claims, never the build
                failures[row["article_id"]] = f"{type(exc).__name__}: {exc}"
                continue
            found = dumps(rows)
            entries.append((m["extract_key"], found))
            n_extracted += 1
        claims.extend(loads(found))

    out = Path(job["out"])
    part = job["part"]
    articles_df = pd.DataFrame(articles, columns=ARTICLE_COLUMNS).sort_values("file", kind="stable")
    sentences_df = pd.DataFrame(sentences, columns=SENTENCE_COLUMNS)
    claims_df = claims_frame(claims)
    from .claimcheck import VERDICT_COLUMNS, COMPARE_COLUMNS, check_tables
    from .corpus import Tables

    specs, reference = _references()
    tables = Tables(articles_df, sentences_df, claims_df, pd.DataFrame())
    verdicts, compare = check_tables(tables, specs, reference, _lexicon)
    parts.write_part(out, "articles", part, articles_df, ARTICLE_COLUMNS)
    parts.write_part(out, "sentences", part, sentences_df, SENTENCE_COLUMNS)
    parts.write_part(out, "claims", part, claims_df, CLAIM_COLUMNS)
    parts.write_part(out, "claim_check", part, verdicts, VERDICT_COLUMNS)
    parts.write_compare(out, part, compare, COMPARE_COLUMNS)
    return dict(part=part, entries=entries, failures=failures, n_ingested=n_ingested, n_extracted=n_extracted,
                verdicts={str(k): int(v) for k, v in verdicts["verdict"].value_counts().items()},
                n_claims_cached=sum(1 for k in claim_keys if k in cached_claims))


def claims_frame(rows: list[dict]) -> pd.DataFrame:
    """Claim rows as a table with the columns' types fixed, in reading order."""
    claims = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    for column in ("value", "value_max", "from_value", "to_value"):
        claims[column] = pd.to_numeric(claims[column], errors="coerce").astype("float64")
    for column in ("sent_idx", "char_start", "char_end"):
        claims[column] = claims[column].astype("int64")
    claims["date_inferred"] = claims["date_inferred"].astype(bool)
    return claims.sort_values(["article_id", "char_start", "kind"]).reset_index(drop=True)
