"""The SQLAlchemy engine for one store file, with the pragmas every connection needs."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event

from idc_desktop.store import cipher
from idc_desktop.store.cipher import Passphrase

BUSY_TIMEOUT_MS = 5000


def _on_connect(dbapi_connection, _record) -> None:  # noqa: ANN001 - SQLAlchemy's hook signature
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")  # readers never block the editor's autosave
    # NORMAL in WAL mode stays consistent after a crash of the app; only a power cut can
    # lose the last transactions, never corrupt the file.
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.close()


def make_engine(path: Path, key: Passphrase | None = None, first=None) -> Engine:  # noqa: ANN001
    """`key`: the log is protected (store/cipher.py); every connection is keyed before its first
    statement, and SQLAlchemy wraps SQLCipher's errors as it does sqlite3's. `first`: a keyed
    connection to hand out first (the probe's: the key is derived once when opening)."""
    if key is not None:
        handed = [first] if first is not None else []

        def connect():  # noqa: ANN202
            return handed.pop() if handed else cipher.connect(path, key)

        engine = create_engine(f"sqlite:///{path}", module=cipher.module(), creator=connect)
        event.listen(engine, "connect", _on_connect)
        return engine
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    return engine
