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
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..store.atomic import atomic_write
from .article import SUFFIXES, too_large

_RACY_NS = 2_000_000_000


class NotRead(Exception):
    """A corpus entry that is not read, with the one-line reason (not a regular file, too large...)."""


@dataclass
class Listing:
    """The article files of a corpus: their names as text (sorted), the path the system knows each by
    where the two differ (names that are not UTF-8), and the entries that are not read, with why."""

    files: list[str]
    source: dict[str, str] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)

    def path(self, root: str, rel: str) -> str:
        return f"{root}/{self.source.get(rel, rel)}"


def name_as_text(name: str) -> str:
    """A file name as the build shows and stores it. Names the system could not decode as UTF-8 (they
    carry surrogate escapes) are read as GB18030, the encoding of zips made on Chinese Windows, and
    where that fails too, their undecodable bytes are written as `\\xNN`."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        raw = os.fsencode(name)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return escaped_name(name)


def escaped_name(name: str) -> str:
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _inside(target: str, root_real: str) -> bool:
    return target == root_real or target.startswith(root_real.rstrip(os.sep) + os.sep)


def find_article_files(corpus: Path) -> Listing:
    """The article files under `corpus` (paths relative, with /), in a stable order; hidden entries
    skipped. Every folder that cannot be read, every link that leads out of the corpus or to a folder,
    and every article-named entry that is not a regular file is listed in `problems`."""
    root = str(corpus)
    root_real = os.path.realpath(root)
    problems: dict[str, str] = {}
    found: dict[str, str] = {}  # name as text -> name on disk

    def rel_of(folder: str) -> str:
        rel = os.path.relpath(folder, root).replace(os.sep, "/")
        return "" if rel == "." else rel + "/"

    def walk_error(exc: OSError) -> None:
        folder = getattr(exc, "filename", None) or root
        problems[name_as_text(rel_of(folder)) or "./"] = f"unreadable folder ({exc.strerror or type(exc).__name__})"

    for folder, dirs, files in os.walk(root, onerror=walk_error, followlinks=False):
        prefix = rel_of(folder)
        keep = []
        for d in dirs:
            if d.startswith("."):
                continue
            if os.path.islink(os.path.join(folder, d)):
                problems[name_as_text(prefix + d) + "/"] = "symbolic link to a folder: not followed"
                continue
            keep.append(d)
        dirs[:] = keep
        for name in files:
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in SUFFIXES:
                continue
            full = os.path.join(folder, name)
            rel = prefix + name
            if os.path.islink(full):
                target = os.path.realpath(full)
                if not _inside(target, root_real):
                    problems[name_as_text(rel)] = "symbolic link to outside the corpus: not read"
                    continue
                if not os.path.exists(full):
                    problems[name_as_text(rel)] = "unreadable (broken symbolic link)"
                    continue
            found[rel] = rel
    listing = Listing([])
    texts: dict[str, str] = {}
    for rel in sorted(found, key=escaped_name):
        text = name_as_text(rel)
        if text in texts or text in found and text != rel:  # a decoded name that another file already has
            text = escaped_name(rel)
        if text in texts:
            problems[text] = "two files' names read the same; this one not read"
            continue
        texts[text] = rel
    listing.files = sorted(texts)
    listing.source = {t: r for t, r in texts.items() if t != r}
    listing.problems = problems
    return listing


def file_kind(mode: int) -> str:
    for test, kind in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return kind
    return "a special file"


def read_capped(path: str, limit: int) -> bytes:
    """The bytes of a regular file, at most `limit` of them (the size the system reports is not trusted:
    the read itself stops). Raises `NotRead` for anything else or anything longer; never blocks on a FIFO."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRead(f"not a regular file ({file_kind(st.st_mode)})")
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 22, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise NotRead(too_large(total, at_least=True))
        return b"".join(chunks)
    finally:
        os.close(fd)


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
