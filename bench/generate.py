"""Generate a corpus of N articles from real sentences of the seeds, with figures varied.

Deterministic for a given seed: `python bench/generate.py --n 3000 --out bench/out/corpus-3000`.
Each article takes a title and 12–40 sentences drawn from the seed articles of one script
(simplified or traditional, in proportion to the seeds' sentences; after cleaning), with every
number replaced by another of the same width, so extraction has the same kinds of work to do
as on real reporting and no two articles are copies.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from helpers import paths
from helpers.build.pipeline import build as build_tables
from helpers.store.tables import load

_NUMBER = re.compile(r"\d+")


def seed_sentences(tables_dir: Path) -> dict[str, list[str]]:
    """The seeds' sentences by script: an article is written in one script, as real ones are."""
    build_tables(paths.SEEDS, tables_dir, log=lambda m: None)
    tables = load(tables_dir)
    script = dict(zip(tables.articles["article_id"], tables.articles["script"]))
    pools: dict[str, list[str]] = {}
    for article_id, sentence in zip(tables.sentences["article_id"], tables.sentences["sentence"]):
        if len(sentence) >= 8:
            pools.setdefault(script[article_id], []).append(sentence)
    return pools


def vary(sentence: str, rng: random.Random) -> str:
    def swap(m: re.Match[str]) -> str:
        digits = len(m.group(0))
        low = 10 ** (digits - 1) if digits > 1 else 0
        return str(rng.randint(low, 10 ** digits - 1))

    return _NUMBER.sub(swap, sentence)


def generate(n: int, out: Path, seed: int = 20251103, work: Path | None = None) -> list[Path]:
    rng = random.Random(seed)
    pools = seed_sentences(work or out.parent / f".seed-tables-{seed}")
    scripts = sorted(pools)
    weights = [len(pools[s]) for s in scripts]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(n):
        pool = pools[rng.choices(scripts, weights)[0]]
        count = rng.randint(12, 40)
        body = [vary(rng.choice(pool), rng) for _ in range(count)]
        title = vary(rng.choice(pool), rng)[:40]
        path = out / f"gen_{i:05d}.txt"
        path.write_text(title + "\n" + "\n".join(body) + "\n", encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=20251103)
    args = parser.parse_args()
    generate(args.n, args.out, args.seed)
    print(f"wrote {args.n} articles to {args.out}")


if __name__ == "__main__":
    main()
