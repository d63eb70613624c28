"""Encryption at rest: the connections to a log protected by a passphrase (SQLCipher).

An unprotected log is opened with the stdlib sqlite3 as always; a protected one with
`sqlcipher3` (SQLCipher 4: AES-256 pages with an HMAC each, the key derived from the
passphrase with PBKDF2-HMAC-SHA512, 256,000 iterations, and a random salt in the file's first
16 bytes). SQLCipher encrypts the WAL's pages too, so no journal holds readable text.
`sqlcipher3` is loaded only when a protected log is met (it costs ~13 ms and 21 MB of library).

A protected file has no "SQLite format 3" header (its first bytes are the salt) and is a whole
number of pages long: that is how it is told from a damaged file without a passphrase. Nothing
tells a wrong passphrase from a damaged protected file, so both are said in one calm sentence.
"""

from __future__ import annotations

import re
import sqlite3
import sys
from pathlib import Path

from idc_desktop.domain.errors import InputError

SQLITE_HEADER = b"SQLite format 3\x00"
_PAGE = 512  # the smallest SQLite page: every protected log's length is a multiple of it
_RAW_KEY = re.compile(r"^x'[0-9a-fA-F]*'$")  # SQLCipher would take this as a raw key, not a passphrase
MIN_LENGTH = 8


class Passphrase:
    """A passphrase that never shows itself: not in a repr, a log line or a traceback's locals."""

    __slots__ = ("_text",)

    def __init__(self, text: str) -> None:
        problem = passphrase_problem(text)
        if problem is not None:
            raise InputError(problem)
        self._text = text

    def reveal(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return "Passphrase(…)"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Passphrase) and other._text == self._text

    def __hash__(self) -> int:
        return hash(self._text)


def passphrase_problem(text: str) -> str | None:
    """Why `text` cannot be a passphrase, in one line; None if it can."""
    if not text:
        return "The passphrase is empty."
    if "\x00" in text:
        return "The passphrase contains a NUL character."
    if _RAW_KEY.match(text):
        return "The passphrase looks like a raw key (x'…'); choose another."
    return None


def strength_hint(text: str) -> str:
    """A plain hint for the person choosing a passphrase (no promise: a hint)."""
    if len(text) < MIN_LENGTH:
        return f"Too short: use at least {MIN_LENGTH} characters (a few unrelated words are best)."
    kinds = sum(any(test(c) for c in text) for test in (str.islower, str.isupper, str.isdigit,
                                                          lambda c: not c.isalnum()))
    words = len(text.split())
    if len(text) >= 20 or (words >= 4 and len(text) >= 16):
        return "Strong: long passphrases are the hardest to guess."
    if len(text) >= 12 and kinds >= 2:
        return "Good: longer is stronger still."
    return "Weak: make it longer (four or more unrelated words)."


def looks_protected(path: Path) -> bool:
    """Is `path` a log protected by a passphrase (as far as can be told without one)?"""
    try:
        size = path.stat().st_size
        if size < _PAGE or size % _PAGE:
            return False
        with path.open("rb") as fh:
            return fh.read(16) != SQLITE_HEADER
    except OSError:
        return False


def module():
    """The sqlcipher3 DB-API module, loaded on first use."""
    from sqlcipher3 import dbapi2

    return dbapi2


def errors() -> tuple[type[Exception], ...]:
    """The database errors to catch: sqlite3's, and sqlcipher3's once it is loaded."""
    loaded = sys.modules.get("sqlcipher3.dbapi2")
    return (sqlite3.Error, loaded.Error) if loaded is not None else (sqlite3.Error,)


def is_operational(exc: BaseException) -> bool:
    loaded = sys.modules.get("sqlcipher3.dbapi2")
    return isinstance(exc, sqlite3.OperationalError) or (loaded is not None and isinstance(exc, loaded.OperationalError))


def quoted(key: Passphrase | None) -> str:
    """The passphrase as an SQL string literal ('' for none: a plain database)."""
    return "'" + (key.reveal() if key is not None else "").replace("'", "''") + "'"


def connect(path: Path | str, key: Passphrase | None, *, read_only: bool = False, timeout: float = 5.0):
    """A DB-API connection to `path`: stdlib sqlite3 with no key, SQLCipher keyed with one.
    A wrong key shows at the first statement that reads the file (SQLITE_NOTADB)."""
    target = f"file:{path}?mode=ro" if read_only else str(path)
    if key is None:
        return sqlite3.connect(target, uri=read_only, timeout=timeout, check_same_thread=False)
    conn = module().connect(target, uri=read_only, timeout=timeout, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # its own stderr lines on a wrong key
        conn.execute(f"PRAGMA key = {quoted(key)}")
    except BaseException:
        conn.close()
        raise
    return conn


def opens_with(path: Path, key: Passphrase | None) -> bool:
    """Does `key` open `path` (read-only: nothing is written, whatever the answer)?"""
    try:
        conn = connect(path, key, read_only=True)
    except errors():
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except errors():
        return False
    finally:
        conn.close()
