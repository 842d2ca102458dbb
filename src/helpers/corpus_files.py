"""The corpus's article files and a content key for each, without reading unchanged files again.

A key is the SHA-256 of the file's bytes. The build keeps, in its output folder, the size,
modification time and hash of every file it read (`.state/files.json`); a file whose size and
modification time (to the nanosecond) are unchanged keeps its hash, as git and make trust them.
A file modified within two seconds of the index being written is hashed again anyway, so an
edit that lands in the same clock tick as a build is not missed.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import atomic_write
from .ingest import SUFFIXES

_RACY_NS = 2_000_000_000


def find_article_files(corpus: Path) -> list[str]:
    """Paths (relative, with /) of the article files under `corpus`, in a stable order; hidden entries skipped."""
    found = []
    root = str(corpus)
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel_folder = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if rel_folder == "." else rel_folder + "/"
        for name in files:
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in SUFFIXES:
                continue
            found.append(prefix + name)
    return sorted(found)


@dataclass
class FileIndex:
    """What the last build knew of each file: size, modification time, hash."""

    path: Path
    entries: dict[str, list] = field(default_factory=dict)
    written_ns: int = 0
    changed: bool = False

    @classmethod
    def load(cls, path: Path) -> "FileIndex":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(path, dict(data["files"]), int(data["written_ns"]))
        except (OSError, ValueError, KeyError, TypeError):
            return cls(path)

    def digest(self, rel: str, st: os.stat_result, read) -> tuple[str, bytes | None]:
        """The file's SHA-256, and its bytes when they had to be read (else None)."""
        known = self.entries.get(rel)
        if (known and known[0] == st.st_size and known[1] == st.st_mtime_ns
                and st.st_mtime_ns < self.written_ns - _RACY_NS):
            return known[2], None
        data = read()
        sha = hashlib.sha256(data).hexdigest()
        self.entries[rel] = [st.st_size, st.st_mtime_ns, sha]
        self.changed = True
        return sha, data

    def save(self, keep: set[str]) -> None:
        """Write the index of the files in `keep` (files gone from the corpus are forgotten), if it changed."""
        if not self.changed and set(self.entries) == keep:
            return
        self.entries = {rel: e for rel, e in self.entries.items() if rel in keep}
        self.written_ns = time.time_ns()
        body = json.dumps({"written_ns": self.written_ns, "files": self.entries}, ensure_ascii=False)
        atomic_write(self.path, lambda p: p.write_text(body, encoding="utf-8"))
        self.changed = False
