"""Look at a store file before opening it for writing: is it ours, which revision, intact?

Uses the stdlib sqlite3 module read-only, so nothing is written to a file we may refuse.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from idc_desktop.store import cipher
from idc_desktop.store.cipher import Passphrase
from idc_desktop.store.schema_extras import APPLICATION_ID

SQLITE_HEADER = b"SQLite format 3\x00"
NOT_A_FILE = "not a file"  # a folder, a device or a pipe where the log should be
_DAMAGE_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB: the file itself is wrong


def is_damage(exc: Exception) -> bool:
    """Does this error say the file is damaged? Not when it says the disk is full, the file cannot
    be read or written here, or another program holds it: those leave the file as good as it was."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _DAMAGE_CODES
    return not cipher.is_operational(exc)


@dataclass(frozen=True)
class Probe:
    exists: bool
    is_sqlite: bool = False
    application_id: int = 0
    revision: str | None = None
    has_tables: bool = False
    problems: tuple[str, ...] = ()
    # Why the file could not be looked at, when that is no fault of the file (a full disk, no
    # permission, a lock held): refused as unusable for now, never as damaged.
    error: OSError | sqlite3.Error | None = field(default=None, compare=False)
    # Protected by a passphrase (store/cipher.py); `locked`: "needed" (none was given) or
    # "wrong" (the one given does not open it), else "".
    protected: bool = False
    locked: str = ""

    @property
    def is_ours(self) -> bool:
        return self.application_id == APPLICATION_ID or (
            self.application_id == 0 and self.revision is not None
        )


def connect_read_only(path: Path, key: Passphrase | None = None) -> sqlite3.Connection:
    return cipher.connect(path, key, read_only=True)


def _no_journal(path: Path) -> bool:
    try:
        return Path(f"{path}-wal").stat().st_size == 0
    except FileNotFoundError:
        return True


def probe_store(path: Path, full_check: bool = False, key: Passphrase | None = None,
                keep: list | None = None) -> Probe:
    """`key`: the passphrase, for a protected log (ignored for a plain one).

    `keep`: a protected log's probe connection is put in it, for the engine's first connection,
    when the probe finds the log sound: deriving the key costs ~140 ms a connection, so opening
    derives it once, not twice. That connection can write, so it is used only when the log has no
    journal to fold in: a wrong key then cannot read the first page, and SQLite writes nothing."""
    if not path.exists():
        return Probe(exists=False)
    if not path.is_file():
        return Probe(exists=True, problems=(NOT_A_FILE,))
    if path.stat().st_size == 0:
        return Probe(exists=True, is_sqlite=True)  # an empty file is an empty database
    protected = cipher.looks_protected(path)
    if protected and key is None:
        return Probe(exists=True, protected=True, locked="needed")
    try:
        with path.open("rb") as fh:
            if not protected and fh.read(16) != SQLITE_HEADER:
                return Probe(exists=True, problems=("not an SQLite database",))
    except OSError as exc:
        return Probe(exists=True, error=exc)
    if not protected:
        key = None
    writable = keep is not None and protected and _no_journal(path)
    try:
        conn = cipher.connect(path, key) if writable else connect_read_only(path, key)
    except cipher.errors() as exc:
        if not is_damage(exc):
            return Probe(exists=True, error=exc)
        return Probe(exists=True, problems=(f"cannot be opened: {exc}",))
    if protected and not _opens(conn):
        conn.close()
        return Probe(exists=True, protected=True, locked="wrong")
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        problems = _check(conn, full_check, protected)
        if writable and not problems:
            keep.append(conn)
            conn = None
        return Probe(
            exists=True,
            is_sqlite=True,
            application_id=app_id,
            revision=revision,
            has_tables=bool(tables),
            problems=problems,
            protected=protected,
        )
    except cipher.errors() as exc:
        if not is_damage(exc):
            return Probe(exists=True, is_sqlite=True, error=exc, protected=protected)
        return Probe(exists=True, is_sqlite=True, problems=(str(exc),), protected=protected)
    finally:
        if conn is not None:
            conn.close()


def _opens(conn) -> bool:  # noqa: ANN001 - a DB-API connection
    """Does the key this connection was given decrypt the first page?"""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except cipher.errors() as exc:
        return not is_damage(exc)  # a full disk or a lock is no answer: the probe says why below


def _check(conn, full_check: bool, protected: bool) -> tuple[str, ...]:  # noqa: ANN001 - a DB-API connection
    """The damage found, if any. Opening a protected log checks every page's HMAC
    (`cipher_integrity_check`, ~40 ms on 10,000 cases) instead of `quick_check`, which would
    decrypt every page (~120 ms more, the cost the issue's opening target leaves no room for):
    any byte changed on disk fails its page's HMAC; SQLite's own b-tree structure is checked
    in full by `check` (and by every backup's `integrity_check`)."""
    if protected and not full_check:
        results = [r[0] for r in conn.execute("PRAGMA cipher_integrity_check")]
        return tuple(str(r) for r in results[:10])  # no rows: every page authentic
    check = "integrity_check" if full_check else "quick_check"
    results = [r[0] for r in conn.execute(f"PRAGMA {check}")]
    return () if results == ["ok"] else tuple(results[:10])
