"""What the build's cached work depends on besides its inputs: the code that made it, the versions
of the libraries that code leans on, the lexicon and the reference tables. A change in any of them
makes the work it touches be redone, and nothing else."""

from __future__ import annotations

import hashlib
from pathlib import Path

from . import paths


def code_digest(*modules: str, libraries: tuple[str, ...] = ()) -> str:
    """A hash of source files of this package and of the versions of the libraries they lean on."""
    from importlib import metadata

    h = hashlib.sha256()
    for library in libraries:
        try:
            h.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{library}=?".encode())
    for name in modules:
        for path in sorted(paths.PACKAGE_DIR.glob(name)):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def folder_digest(folder: Path, pattern: str = "*.csv") -> str:
    """A hash of the data files in a folder (the lexicon, the reference tables)."""
    h = hashlib.sha256()
    for path in sorted(Path(folder).glob(pattern)):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def key(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()


INGEST_CODE = code_digest("ingest.py", "text.py", "furniture.py", "decode.py", "meta.py", "webpage.py",
                          "script.py", "dedupe.py", "lexicon.py",
                          libraries=("trafilatura", "opencc", "charset-normalizer", "pyahocorasick", "numpy"))
EXTRACT_CODE = code_digest("extract/*.py", "script.py", "lexicon.py", "text.py", libraries=("opencc", "pyahocorasick"))
# The tables written from the cached work, and the claim check run on each part of them.
TABLES_CODE = code_digest("corpus.py", "build_jobs.py", "parts.py", "atomic.py", "claimcheck.py", "reference.py",
                          "timeline.py", "narratives.py", "clusters.py", libraries=("pyarrow", "pandas"))
