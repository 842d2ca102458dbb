"""Generate a corpus of N articles from real sentences of the seeds, with figures varied.

Deterministic for a given seed: `python bench/generate.py --n 3000 --out bench/out/corpus-3000`.
Each article takes a title and sentences drawn from the seed articles of one script (after
cleaning), with every number replaced by another of the same width, so extraction has the same
kinds of work to do as on real reporting and no two articles are copies.

Two mixes:

- `plain` (the first benches): 12–40 sentences, script in proportion to the seeds' sentences
  (about one article in six traditional), every article a text file;
- `real` (issue 15, what real use looks like): 40% of articles in traditional script, 25% saved
  as web pages (navigation, a recommendation list, a footer around the article's paragraphs),
  clean text of 1,000 to 8,000 characters.

With `--manifest`, a `manifest.csv` gives each article an outlet (24 generated names, a few large and
many small, as real coverage is) and a publication date (2023-01 to 2025-11, more in later months), drawn
from a generator of their own: the articles' text is the same with or without it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
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


MIXES = ("plain", "real")
TRADITIONAL_SHARE = 0.40  # of the `real` mix's articles
HTML_SHARE = 0.25
LENGTHS = (1_000, 8_000)  # clean characters of a `real` article


def web_page(title: str, paragraphs: list[str], rng: random.Random) -> str:
    """A saved page as news sites serve them: the article's paragraphs inside navigation, a list of
    other stories and a footer (page furniture the build has to strip)."""
    e = html.escape
    nav = "".join(f'<li><a href="/c/{k}">{e(w)}</a></li>' for k, w in enumerate(["首页", "科技", "财经", "国际", "评论"]))
    more = "".join(f'<li><a href="/a/{rng.randint(10**5, 10**6)}.html">{e(p[:24])}</a></li>'
                   for p in rng.sample(paragraphs, min(6, len(paragraphs))))
    body = "".join(f"<p>{e(p)}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{e(title)}</title>'
            f'<meta property="og:title" content="{e(title)}"></head><body>'
            f'<header><ul class="nav">{nav}</ul></header><main><article><h1>{e(title)}</h1>{body}</article>'
            f'<aside><h2>相关阅读</h2><ul>{more}</ul></aside></main>'
            f'<footer><p>版权所有 · 未经授权不得转载</p></footer></body></html>\n')


def generate(n: int, out: Path, seed: int = 20251103, work: Path | None = None, mix: str = "plain") -> list[Path]:
    if mix not in MIXES:
        raise ValueError(f"mix {mix!r}: one of {', '.join(MIXES)}")
    rng = random.Random(seed)
    pools = seed_sentences(work or out.parent / f".seed-tables-{seed}")
    scripts = sorted(pools)
    weights = ([1 - TRADITIONAL_SHARE if s == "hans" else TRADITIONAL_SHARE for s in scripts] if mix == "real"
               else [len(pools[s]) for s in scripts])
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(n):
        pool = pools[rng.choices(scripts, weights)[0]]
        title = vary(rng.choice(pool), rng)[:40]
        if mix == "plain":
            body = [vary(rng.choice(pool), rng) for _ in range(rng.randint(12, 40))]
        else:
            target, body, size = rng.randint(*LENGTHS), [], 0
            while size < target:
                body.append(vary(rng.choice(pool), rng))
                size += len(body[-1])
        if mix == "real" and rng.random() < HTML_SHARE:
            # paragraphs of two to five sentences, as pages set them
            paragraphs, k = [], 0
            while k < len(body):
                step = rng.randint(2, 5)
                paragraphs.append("".join(body[k : k + step]))
                k += step
            path = out / f"gen_{i:05d}.html"
            path.write_text(web_page(title, paragraphs, rng), encoding="utf-8")
        else:
            path = out / f"gen_{i:05d}.txt"
            path.write_text(title + "\n" + "\n".join(body) + "\n", encoding="utf-8")
        written.append(path)
    return written


OUTLETS = 24
DATES = ("2023-01-01", "2025-11-30")


def write_manifest(files: list[Path], out: Path, seed: int = 20251103) -> Path:
    """A manifest for generated articles: outlets by a Zipf-like weight, dates denser towards the end."""
    import csv

    rng = random.Random(seed + 1)
    names = [f"生成媒体{k:02d}" for k in range(1, OUTLETS + 1)]
    weights = [1 / k for k in range(1, OUTLETS + 1)]
    start, end = (dt.date.fromisoformat(d) for d in DATES)
    days = (end - start).days
    path = out / "manifest.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["file", "title", "outlet", "published", "url", "notes"])
        for file in files:
            when = start + dt.timedelta(days=int(days * rng.random() ** 0.6))
            writer.writerow([file.name, "", rng.choices(names, weights)[0], when.isoformat(), "", "generated"])
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=20251103)
    parser.add_argument("--mix", choices=MIXES, default="plain")
    parser.add_argument("--manifest", action="store_true", help="also write manifest.csv (outlets and dates)")
    args = parser.parse_args()
    files = generate(args.n, args.out, args.seed, mix=args.mix)
    if args.manifest:
        write_manifest(files, args.out, args.seed)
    print(f"wrote {args.n} articles to {args.out}")


if __name__ == "__main__":
    main()
