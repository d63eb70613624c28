"""One writer per store: an OS file lock beside the database, released if the process dies."""

from __future__ import annotations

import os
from pathlib import Path

from idc_desktop.domain.errors import StoreLockedError
from idc_desktop.paths import open_private

LOCK_FILENAME = "idc-desktop.lock"


def holder(data_dir: Path) -> str | None:
    """Who holds the lock, as its holder wrote it ("gui", "cli"), if it can be read."""
    try:
        text = (data_dir / LOCK_FILENAME).read_text(encoding="ascii", errors="replace").split()
    except OSError:  # Windows refuses to read a locked byte range
        return None
    return text[1] if len(text) > 1 else None


def _held_by(who: str | None) -> str:
    if who == "gui":
        return ("This case log is already open in another IDC Desktop window. "
                "Close that window first, or use it instead.")
    if who == "cli":
        return ("Another IDC Desktop command (an import, a restore or an upgrade) is changing this case log; "
                "try again when it has finished.")
    return "This case log is in use by another IDC Desktop window or command; try again when it has finished."


class StoreLock:
    def __init__(self, data_dir: Path, holder: str = "cli") -> None:
        self.path = data_dir / LOCK_FILENAME
        self.holder = holder
        self._fh = None

    def acquire(self) -> StoreLock:
        # 0600 from its first byte, never through a link; held open for the lock's lifetime.
        fh = os.fdopen(open_private(self.path), "r+b")
        try:
            _lock(fh)
        except OSError as exc:
            fh.close()
            raise StoreLockedError(_held_by(holder(self.path.parent))) from exc
        self._fh = fh
        fh.seek(0)
        fh.truncate()
        fh.write(f"{os.getpid()} {self.holder}".encode())
        fh.flush()
        return self

    def release(self) -> None:
        if self._fh is not None:
            _unlock(self._fh)
            self._fh.close()
            self._fh = None

    def __enter__(self) -> StoreLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fh) -> None:  # noqa: ANN001
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(fh) -> None:  # noqa: ANN001
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fh) -> None:  # noqa: ANN001
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fh) -> None:  # noqa: ANN001
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
