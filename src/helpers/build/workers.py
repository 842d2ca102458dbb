"""The build's worker processes: one pool for the whole build, started only when there is enough work.

A worker that dies (killed, or by the out-of-memory killer) breaks the whole pool, and every job in
flight fails with it. The work that had not come back is then run again once, in a fresh pool; what
fails a second time is run one job at a time in a pool of its own, so the job that kills its worker
is found, and given up (`on_lost`) instead of taking the build down with it.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Callable, Iterator

from .jobs import init_worker


def _run_chunk(func, jobs: list) -> list:
    return [func(job) for job in jobs]


class Workers:
    """One pool of processes for the whole build, started only if there is enough work to share."""

    def __init__(self, lexicon_folder: Path, workers: int | None):
        self.lexicon_folder = str(lexicon_folder)
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None
        self.size = 0
        self.local_ready = False
        self.lost = 0  # pools broken by a lost worker during this build

    def _pool(self, n: int) -> ProcessPoolExecutor:
        if self.pool is not None and self.size != n:
            self.pool.shutdown(wait=True)
            self.pool = None
        if self.pool is None:
            self.pool = ProcessPoolExecutor(n, initializer=init_worker, initargs=(self.lexicon_folder, True))
            self.size = n
        return self.pool

    def _discard_pool(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        self.lost += 1

    def map(self, func, jobs: list, weight: int | None = None, chunksize: int = 4,
            on_lost: Callable | None = None) -> Iterator:
        """`weight`: how many articles the jobs hold together (decides whether a pool is worth starting).
        `on_lost(job)`: the result of a job whose worker process was lost on its retry too (without it,
        the pool's error is raised). Results come in the order of `jobs`."""
        weight = len(jobs) if weight is None else weight
        n = self.workers or (min(os.cpu_count() or 1, 4) if weight >= 16 and len(jobs) > 1 else 1)
        if n <= 1:
            if not self.local_ready:
                init_worker(self.lexicon_folder)
                self.local_ready = True
            for job in jobs:
                yield func(job)
            return
        chunks = [jobs[i : i + chunksize] for i in range(0, len(jobs), chunksize)]
        retry: list[list] = []
        for chunk, result in self._round(func, chunks, n):
            if result is None:
                retry.append(chunk)
            else:
                yield from result
        if not retry:
            return
        # Once more, in a fresh pool: the jobs that were only in flight beside the lost one come back now.
        suspects: list = []
        for chunk, result in self._round(func, retry, n):
            if result is None:
                suspects.extend(chunk)
            else:
                yield from result
        # Still lost: one job at a time, each alone in the pool, so the one that kills its worker is known.
        for job in suspects:
            (_, result), = list(self._round(func, [[job]], 1))
            if result is not None:
                yield from result
            elif on_lost is None:
                raise BrokenProcessPool("a worker process was lost twice on the same job")
            else:
                yield on_lost(job)

    def _round(self, func, chunks: list[list], n: int) -> Iterator[tuple[list, list | None]]:
        """Run the chunks in the pool and hand on each result as it comes (in order); a chunk lost with
        a broken pool comes back with None, after which the pool is replaced."""
        pool = self._pool(n)
        try:
            futures = [pool.submit(_run_chunk, func, chunk) for chunk in chunks]
        except BrokenProcessPool:
            self._discard_pool()
            yield from ((chunk, None) for chunk in chunks)
            return
        broken = False
        try:
            for chunk, future in zip(chunks, futures):
                try:
                    result = future.result()
                except BrokenProcessPool:
                    broken = True
                    result = None
                yield chunk, result
        finally:
            if broken:
                self._discard_pool()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
