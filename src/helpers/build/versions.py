"""What the build's cached work depends on besides its inputs: the code that made it, the versions
of the libraries that code leans on, the lexicon and the reference tables. A change in any of them
makes the work it touches be redone, and nothing else."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .. import paths


def code_digest(*modules: str, libraries: tuple[str, ...] = ()) -> str:
    """A hash of source files of this package (glob patterns below `src/helpers/`, `**` for every
    subfolder) and of the versions of the libraries they lean on."""
    from importlib import metadata

    h = hashlib.sha256()
    for library in libraries:
        try:
            h.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{library}=?".encode())
    for name in modules:
        for path in sorted(paths.PACKAGE_DIR.glob(name)):
            h.update(path.relative_to(paths.PACKAGE_DIR).as_posix().encode())
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


# Each layer's cached work depends on its own code and the layers below it, never on the themes or
# the report: changing a chart never makes the build redo anything.
INGEST_CODE = code_digest("paths.py", "lang/*.py", "ingest/*.py", "store/cache.py",
                          libraries=("trafilatura", "opencc", "charset-normalizer", "pyahocorasick", "numpy"))
EXTRACT_CODE = code_digest("lang/*.py", "extract/*.py", libraries=("opencc", "pyahocorasick"))
# Per-article word and theme counts (the lexicon's jieba tokenizer over the article's simplified text).
TERMS_CODE = code_digest("lang/*.py", libraries=("jieba", "pyahocorasick"))
# Which sentences of an article mention the reference record (`check.events`): its sentences and claims
# read with the lexicon, the date grammar and the record's wording.
MENTIONS_CODE = code_digest("lang/*.py", "extract/*.py", "check/*.py", "store/tables.py",
                            libraries=("opencc", "pyahocorasick", "pandas"))
# The tables written from the cached work, and the claim check run on each part of them.
TABLES_CODE = code_digest("paths.py", "store/*.py", "check/*.py", "build/*.py", libraries=("pyarrow", "pandas", "numpy"))
