"""The build's work cache: one SQLite file of checksummed entries in the output folder.

Each entry is the result of one unit of work (a file's ingestion, an article's claims) under a
key made of its inputs' hashes and the code and lexicon versions, so unchanged inputs are never
processed twice. Entries are written in batches inside transactions (a killed build keeps what it
committed and never leaves a half-written entry), and every read checks the entry's checksum:
a damaged entry, or a damaged file, is detected, dropped and rebuilt rather than trusted.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from pathlib import Path

import orjson


def dumps(value) -> str:
    """JSON text of a cache entry (orjson: several times faster than the standard library on claims)."""
    try:
        return orjson.dumps(value).decode("utf-8")
    except TypeError:  # what orjson refuses (integers beyond 64 bits) the standard library writes
        return json.dumps(value, ensure_ascii=False)


def loads(body: str):
    return orjson.loads(body)


def _digest(body: str) -> str:
    """A checksum against damage (not tampering): CRC-32 and the length, cheap for thousands of entries."""
    return _digest_bytes(body.encode("utf-8"))


def _digest_bytes(data: bytes) -> str:
    return f"{zlib.crc32(data):08x}-{len(data)}"


class Store:
    def __init__(self, folder: Path, log=lambda m: None):
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "cache-v2.sqlite"
        self.log = log
        self.db = self._open()

    _SCHEMA = "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, body TEXT NOT NULL, checksum TEXT NOT NULL)"

    def _open(self) -> sqlite3.Connection:
        # No integrity scan of the whole file here (it costs a tenth of a second per 100 MB on every
        # build): every entry carries a checksum, and a damaged file shows itself on the first query.
        db = None
        try:
            db = sqlite3.connect(self.path, timeout=30)
            db.execute(self._SCHEMA)
            db.commit()
            return db
        except sqlite3.DatabaseError as exc:
            if db is not None:
                db.close()
            if isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc)):
                raise RuntimeError(f"cache {self.path} is in use by another process") from exc
            return self._replace_damaged(exc)

    def _replace_damaged(self, exc: Exception) -> sqlite3.Connection:
        """Set a damaged cache file aside (with its journal) and start an empty one."""
        damaged = self.path.with_name(self.path.name + ".damaged")
        self.path.replace(damaged)
        for suffix in ("-journal", "-wal", "-shm"):
            side = self.path.with_name(self.path.name + suffix)
            if side.exists():
                side.replace(damaged.with_name(damaged.name + suffix))
        self.log(f"cache {self.path} was damaged ({exc}); moved to {damaged.name} and rebuilt")
        db = sqlite3.connect(self.path, timeout=30)
        db.execute(self._SCHEMA)
        db.commit()
        return db

    def get_many(self, keys: list[str]) -> dict[str, str]:
        """Bodies of the entries present and intact; damaged entries are deleted."""
        try:
            found, bad = read_entries(self.db, keys)
            if bad:
                self.db.executemany("DELETE FROM entries WHERE key = ?", [(k,) for k in bad])
                self.db.commit()
            return found
        except sqlite3.DatabaseError as exc:
            self.db.close()
            self.db = self._replace_damaged(exc)
            return {}

    def put_many(self, items: list[tuple[str, str]]) -> None:
        rows = [(k, b, _digest(b)) for k, b in items]
        try:
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO entries (key, body, checksum) VALUES (?, ?, ?)", rows)
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc)):
                raise
            self.db.close()
            self.db = self._replace_damaged(exc)
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO entries (key, body, checksum) VALUES (?, ?, ?)", rows)

    def __len__(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]

    def close(self) -> None:
        self.db.close()


def read_entries(db: sqlite3.Connection, keys: list[str]) -> tuple[dict[str, str], list[str]]:
    """The intact bodies of `keys`, and the keys whose entries are damaged."""
    found: dict[str, str] = {}
    bad: list[str] = []
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        marks = ",".join("?" * len(chunk))
        # Read as raw bytes (a damaged value may not be text, or not UTF-8): each is checked for its type,
        # its encoding and its checksum before it is returned; anything else is reported as damaged.
        rows = db.execute(f"SELECT key, CAST(body AS BLOB), typeof(body), checksum FROM entries "
                          f"WHERE key IN ({marks})", chunk)
        for key, raw, kind, sha in rows:
            body = None
            if kind == "text" and isinstance(raw, bytes) and isinstance(sha, str) and _digest_bytes(raw) == sha:
                try:
                    body = raw.decode("utf-8")
                except UnicodeDecodeError:
                    body = None
            if body is None:
                bad.append(key)
            else:
                found[key] = body
    return found, bad


class Reader:
    """A read-only view for worker processes: intact bodies only; damaged entries read as missing."""

    def __init__(self, path: Path):
        self.db = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True, timeout=30)

    def get_many(self, keys: list[str]) -> dict[str, str]:
        try:
            return read_entries(self.db, keys)[0]
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise RuntimeError(f"cache busy for more than 30 s: {exc}") from exc  # not a miss
            return {}
        except sqlite3.DatabaseError:  # a damaged file: every entry reads as missing and is made again
            return {}

    def close(self) -> None:
        self.db.close()
