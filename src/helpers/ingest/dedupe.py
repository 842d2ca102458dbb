"""Exact and near duplicates: reposts with other furniture, the same article in the other script.

Articles are compared on their simplified copies with punctuation and
spaces removed, as sets of character 5-grams. Candidate pairs come from
MinHash banding (so thousands of articles do not mean millions of
comparisons); a pair is a duplicate when the smaller article's shingles are
mostly (≥ `containment`) found in the larger one.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from typing import Callable

import numpy as np

SHINGLE = 5
N_HASHES = 64
BANDS = 8  # 8 bands of 8 rows: pairs below about 0.75 similarity are rarely even compared
_STRIP = re.compile(r"[\W_]+", re.UNICODE)
_MERSENNE = (1 << 61) - 1


def fingerprint(text_zh_hans: str) -> str:
    """Hash of the text with spaces and punctuation removed: equal for exact reposts."""
    return hashlib.sha256(_STRIP.sub("", text_zh_hans).encode("utf-8")).hexdigest()


def shingles(text_zh_hans: str) -> np.ndarray:
    """Hashes of the text's character 5-grams, as a sorted array of distinct values.

    A polynomial hash over the code points, vectorised: deterministic, so duplicates are
    the same on every run, and cheap enough for thousands of articles.
    """
    core = _STRIP.sub("", text_zh_hans)
    codes = np.frombuffer(core.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(codes) < SHINGLE:
        codes = np.concatenate([codes, np.zeros(SHINGLE - len(codes), dtype=np.uint64)])
    n = len(codes) - SHINGLE + 1
    h = np.zeros(n, dtype=np.uint64)
    for k in range(SHINGLE):
        h = h * np.uint64(1_000_003) + codes[k : k + n]
    return np.unique(h >> np.uint64(4))


_rng = np.random.default_rng(20251103)
_A = _rng.integers(1, _MERSENNE, size=N_HASHES, dtype=np.uint64)
_B = _rng.integers(0, _MERSENNE, size=N_HASHES, dtype=np.uint64)


def _minhash(sh: np.ndarray) -> np.ndarray:
    # (a*x + b) mod p, computed in uint64 with wraparound: fine as a hash family for banding.
    # Eight hash functions at a time, so a long article never needs a 64 × n matrix.
    out = np.empty(N_HASHES, dtype=np.uint64)
    for i in range(0, N_HASHES, 8):
        values = (sh[None, :] * _A[i : i + 8, None] + _B[i : i + 8, None]) % np.uint64(_MERSENNE)
        out[i : i + 8] = values.min(axis=1)
    return out


_BAND_MIX = np.uint64(0x9E3779B97F4A7C15)


def bands(minhash: np.ndarray) -> list[int]:
    """One hash per band of rows of a MinHash signature: articles that share a band are candidates."""
    rows = N_HASHES // BANDS
    mixed = np.zeros(BANDS, dtype=np.uint64)
    for r in range(rows):
        mixed = mixed * _BAND_MIX + minhash.reshape(BANDS, rows)[:, r]
    return [int(v >> np.uint64(1)) for v in mixed]


def signature(text_zh_hans: str) -> tuple[str, list[int]]:
    """What duplicate detection needs of one article, computed once (in the ingesting worker):
    the fingerprint of its text and its band hashes."""
    return fingerprint(text_zh_hans), bands(_minhash(shingles(text_zh_hans)))


def containment(a: str, b: str) -> float:
    """How much of the smaller text's shingles the larger one holds (1.0: one contains the other)."""
    sa, sb = shingles(a), shingles(b)
    return len(np.intersect1d(sa, sb, assume_unique=True)) / max(1, min(len(sa), len(sb)))


def find_duplicates(
    texts: Mapping[str, str], order: list[str], containment_at_least: float = 0.8,
    signatures: dict[str, tuple[str, list[int]]] | None = None,
    overlap: Callable[[str, str], float] | None = None,
    known_overlaps: Callable[[list[tuple[str, str]]], dict[tuple[str, str], float]] | None = None,
) -> dict[str, str]:
    """Map each duplicate article id to the id of the article it repeats.

    `order` says which copy is the original when copies are found: the first in
    it (the build passes articles sorted by published date, then file name).
    `signatures` (fingerprint and band hashes per article) saves recomputing them;
    texts are read only for the candidate pairs the bands propose, and `overlap(a, b)`
    (default: `containment` of their texts) may answer from a cache without reading them;
    `known_overlaps(pairs)`, asked once with every candidate pair, gives those already known.
    """
    rank = {aid: i for i, aid in enumerate(order)}
    ids = sorted(texts, key=lambda a: rank.get(a, len(rank)))
    signatures = dict(signatures or {})
    for aid in ids:
        if aid not in signatures:
            signatures[aid] = signature(texts[aid])
    overlap = overlap or (lambda a, b: containment(texts[a], texts[b]))
    duplicate_of: dict[str, str] = {}

    exact: dict[str, str] = {}
    for aid in ids:
        fp = signatures[aid][0]
        if fp in exact:
            duplicate_of[aid] = exact[fp]
        else:
            exact[fp] = aid

    remaining = [a for a in ids if a not in duplicate_of]
    candidates: set[tuple[int, int]] = set()
    if len(remaining) > 1:
        table = np.array([signatures[a][1] for a in remaining], dtype=np.uint64)
        for band in range(table.shape[1]):
            column = table[:, band]
            order_ = np.argsort(column, kind="stable")
            sorted_ = column[order_]
            starts = np.flatnonzero(np.r_[True, sorted_[1:] != sorted_[:-1]])
            sizes = np.diff(np.r_[starts, len(sorted_)])
            for start, size in zip(starts[sizes > 1], sizes[sizes > 1]):
                members = sorted(order_[start : start + size].tolist())  # positions follow `order`
                for i, a in enumerate(members):
                    for b in members[i + 1 :]:
                        candidates.add((a, b))

    pairs = [(remaining[a], remaining[b]) for a, b in sorted(candidates)]
    known = known_overlaps(pairs) if known_overlaps and pairs else {}
    for a, b in pairs:
        if b in duplicate_of or a in duplicate_of:
            continue
        value = known[(a, b)] if (a, b) in known else overlap(a, b)
        if value >= containment_at_least:
            duplicate_of[b] = a
    return duplicate_of
