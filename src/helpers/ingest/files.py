"""The corpus's article files and a content key for each, without reading unchanged files again.

A key is the SHA-256 of the file's bytes. The build keeps, in its output folder, what it knew of
every file it read (`.state/files.json`): size, modification and change times, inode, hash. A
file whose size, times and inode are all unchanged keeps its hash, as git trusts its index. A
file modified within two seconds before the build that read it started is hashed again by the
next build anyway, so an edit that lands in the same clock tick as a read is not missed.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..store.atomic import atomic_write
from .article import SUFFIXES

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
    """What the last build knew of each file: [size, mtime_ns, ctime_ns, inode, sha256]."""

    path: Path
    entries: dict[str, list] = field(default_factory=dict)
    started_ns: int = 0  # when the build that wrote the index began looking at the files
    changed: bool = False
    now_ns: int = field(default_factory=time.time_ns)  # when this build began

    @classmethod
    def load(cls, path: Path) -> "FileIndex":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = {rel: e for rel, e in dict(data["files"]).items() if isinstance(e, list) and len(e) == 5}
            return cls(path, entries, int(data["started_ns"]))
        except (OSError, ValueError, KeyError, TypeError):
            return cls(path)

    def digest(self, rel: str, st: os.stat_result, read) -> tuple[str, bytes | None]:
        """The file's SHA-256, and its bytes when they had to be read (else None)."""
        known = self.entries.get(rel)
        stat = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
        if known and known[:4] == stat and st.st_mtime_ns < self.started_ns - _RACY_NS:
            return known[4], None
        data = read()
        sha = hashlib.sha256(data).hexdigest()
        self.entries[rel] = [*stat, sha]
        self.changed = True
        return sha, data

    def save(self, keep: set[str]) -> None:
        """Write the index of the files in `keep` (files gone from the corpus are forgotten), if it changed."""
        if not self.changed and set(self.entries) == keep:
            return
        self.entries = {rel: e for rel, e in self.entries.items() if rel in keep}
        self.started_ns = self.now_ns
        body = json.dumps({"started_ns": self.started_ns, "files": self.entries}, ensure_ascii=False)
        atomic_write(self.path, lambda p: p.write_text(body, encoding="utf-8"))
        self.changed = False
