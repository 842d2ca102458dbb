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
from collections import defaultdict

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


def signature(text_zh_hans: str) -> tuple[str, list[int]]:
    """What duplicate detection needs of one article, computed once (in the ingesting worker)."""
    return fingerprint(text_zh_hans), [int(v) for v in _minhash(shingles(text_zh_hans))]


def find_duplicates(
    texts: dict[str, str], order: list[str], containment: float = 0.8,
    signatures: dict[str, tuple[str, list[int]]] | None = None,
) -> dict[str, str]:
    """Map each duplicate article id to the id of the article it repeats.

    `order` says which copy is the original when copies are found: the first in
    it (the build passes articles sorted by published date, then file name).
    `signatures` (fingerprint and MinHash per article) saves recomputing them;
    full shingle sets are built only for the candidate pairs MinHash proposes.
    """
    rank = {aid: i for i, aid in enumerate(order)}
    ids = sorted(texts, key=lambda a: rank.get(a, len(rank)))
    signatures = dict(signatures or {})
    for aid in ids:
        if aid not in signatures:
            signatures[aid] = signature(texts[aid])
    duplicate_of: dict[str, str] = {}

    exact: dict[str, str] = {}
    for aid in ids:
        fp = signatures[aid][0]
        if fp in exact:
            duplicate_of[aid] = exact[fp]
        else:
            exact[fp] = aid

    remaining = [a for a in ids if a not in duplicate_of]
    buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)
    rows = N_HASHES // BANDS
    for aid in remaining:
        signature_ = np.array(signatures[aid][1], dtype=np.uint64)
        for band in range(BANDS):
            buckets[(band, signature_[band * rows : (band + 1) * rows].tobytes())].append(aid)

    candidates: set[tuple[str, str]] = set()
    for members in buckets.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                candidates.add((a, b) if rank.get(a, 0) <= rank.get(b, 0) else (b, a))

    sets: dict[str, np.ndarray] = {}
    for a, b in sorted(candidates, key=lambda p: (rank.get(p[0], 0), rank.get(p[1], 0))):
        if b in duplicate_of or a in duplicate_of:
            continue
        for x in (a, b):
            if x not in sets:
                sets[x] = shingles(texts[x])
        sa, sb = sets[a], sets[b]
        overlap = len(np.intersect1d(sa, sb, assume_unique=True))
        if overlap / max(1, min(len(sa), len(sb))) >= containment:
            duplicate_of[b] = a
    return duplicate_of
