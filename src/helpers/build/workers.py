"""The build's worker processes: one pool for the whole build, started only when there is enough work."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Iterator

from .jobs import init_worker


class Workers:
    """One pool of processes for the whole build, started only if there is enough work to share."""

    def __init__(self, lexicon_folder: Path, workers: int | None):
        self.lexicon_folder = str(lexicon_folder)
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None
        self.local_ready = False

    def map(self, func, jobs: list, weight: int | None = None, chunksize: int = 4) -> Iterator:
        """`weight`: how many articles the jobs hold together (decides whether a pool is worth starting)."""
        weight = len(jobs) if weight is None else weight
        n = self.workers or (min(os.cpu_count() or 1, 4) if weight >= 16 and len(jobs) > 1 else 1)
        if n > 1:
            if self.pool is None:
                self.pool = ProcessPoolExecutor(n, initializer=init_worker, initargs=(self.lexicon_folder, True))
            yield from self.pool.map(func, jobs, chunksize=chunksize)
        else:
            if not self.local_ready:
                init_worker(self.lexicon_folder)
                self.local_ready = True
            for job in jobs:
                yield func(job)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
