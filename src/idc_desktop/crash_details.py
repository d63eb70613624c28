"""Where a bug's details are written: a private file another account can neither read nor redirect.

The details of an unexpected error (a traceback) go to `error-log.txt` in the data folder, or,
when there is no usable data folder yet, in a private per-user folder. The file is opened
without following a symbolic link and only if it is a regular file of ours with one name, so
a link or hard link planted by another account (the old fixed file in the shared temp folder
could be) can never make us write somewhere else; it is 0600 from its first byte.
Stdlib only: the CLI and the GUI both use it.
"""

from __future__ import annotations

import os
import stat
from datetime import datetime
from pathlib import Path

from idc_desktop import APP_NAME

ERROR_LOG = "error-log.txt"
_FLAGS = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def _ours(info: os.stat_result) -> bool:
    owner = getattr(os, "geteuid", None)
    return owner is None or info.st_uid == owner()


def fallback_folder() -> Path:
    """A private per-user folder for details written before a data folder is known."""
    from platformdirs import user_state_dir

    return Path(user_state_dir(APP_NAME, appauthor=False))


def _private_folder(folder: Path) -> bool:
    """The folder exists (created 0700 if missing), is a real folder, and is ours."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.lstat()
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and _ours(info)


def append_details(folder: Path, details: str) -> Path | None:
    """Append a dated entry to `folder/error-log.txt`; the path written, or None if it could not be."""
    if not _private_folder(folder):
        return None
    path = folder / ERROR_LOG
    try:
        fd = os.open(path, _FLAGS, 0o600)
    except OSError:  # a symbolic link in its place (ELOOP), no room, no permission
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not _ours(info) or info.st_nlink != 1:
            return None  # a device, someone else's file, or a hard link to a file elsewhere
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)
        entry = f"--- {datetime.now().isoformat(timespec='seconds')}\n{details.rstrip()}\n"
        os.write(fd, entry.encode("utf-8", "replace"))
    except OSError:
        return None
    finally:
        os.close(fd)
    return path
