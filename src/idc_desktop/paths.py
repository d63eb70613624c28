"""Where things live: the data directory (private) and the shipped resources.

No Qt and no SQLAlchemy here: the CLI, the GUI and the tests all resolve paths the same way.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

from idc_desktop import APP_NAME
from idc_desktop.domain.errors import DataDirError

DATA_DIR_ENV = "IDC_DESKTOP_DATA_DIR"
STORE_FILENAME = "idc-desktop.sqlite3"
BACKUP_DIRNAME = "backups"
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def default_data_dir() -> Path:
    from platformdirs import user_data_dir  # imported here: only needed when no override is given

    return Path(user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(cli_value: str | os.PathLike[str] | None) -> Path:
    """--data-dir, else IDC_DESKTOP_DATA_DIR, else the platform's user data directory.
    An empty --data-dir is refused: falling back to the real log would surprise a script."""
    if cli_value is not None:
        if not str(cli_value).strip():
            raise DataDirError("--data-dir is empty: name the folder to use.")
        return Path(cli_value).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return default_data_dir()


# Less room than this, met with an I/O error, is a full disk (see disk_is_full).
LOW_SPACE_BYTES = 1 << 20
_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_SQLITE_IOERR, _SQLITE_FULL = 10, 13


def free_bytes(where: Path) -> int | None:
    """Room left for this user on the disk holding `where` (or its nearest existing parent)."""
    import shutil

    for folder in (where, *where.parents):
        try:
            return shutil.disk_usage(folder).free
        except OSError:
            continue
    return None


def disk_is_full(where: Path, exc: BaseException | None) -> bool:
    """Did `exc` (or what caused it) happen because the disk holding `where` is full?

    ENOSPC/EDQUOT and SQLite's "database or disk is full" say so. SQLite reports a full disk met
    while it makes a log's shared-memory index (`-shm`, needed even to read a WAL log) as a bare
    "disk I/O error", so an I/O error with almost no room left counts as a full disk too: it
    must never be taken for a damaged file (which the window would offer to move aside)."""
    seen: set[int] = set()
    io_error = False
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        code = getattr(exc, "sqlite_errorcode", None)
        text = str(exc).lower()
        if (isinstance(exc, OSError) and exc.errno in _FULL_ERRNOS) or "disk is full" in text \
                or (code is not None and code & 0xFF == _SQLITE_FULL):
            return True
        io_error = io_error or "disk i/o error" in text or (code is not None and code & 0xFF == _SQLITE_IOERR) \
            or (isinstance(exc, OSError) and exc.errno == errno.EIO)
        exc = getattr(exc, "orig", None) or exc.__cause__ or exc.__context__
    if not io_error:
        return False
    free = free_bytes(where)
    return free is not None and free < LOW_SPACE_BYTES


def make_private_dir(path: Path) -> Path:
    """Create a directory readable only by its owner, or check an existing one is ours to use.

    An existing folder is used only if it is a real folder (not a symbolic link), owned by this
    user and writable by its owner; then group and other bits are taken away (never added).
    Anything else is refused with a message, and left exactly as it was: the app never makes
    a read-only folder writable, changes a link's target, or takes over another user's folder."""
    if path.is_symlink():
        raise DataDirError(f"The data directory {path} is a symbolic link: IDC Desktop uses only a real folder "
                           "(give the folder it points to).")
    if path.exists() and not path.is_dir():
        raise DataDirError(f"The data directory {path} is a file, not a directory.")
    try:
        path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    except PermissionError as exc:
        raise DataDirError(f"The data directory {path} cannot be created: permission denied.") from exc
    except OSError as exc:
        raise DataDirError(f"The data directory {path} cannot be created: {exc.strerror}.") from exc
    if os.name == "posix":
        _check_ours_and_tighten(path)
    if not os.access(path, os.W_OK | os.X_OK):
        raise DataDirError(f"The data directory {path} is read-only: IDC Desktop cannot save there.")
    return path


def _check_ours_and_tighten(path: Path) -> None:
    """Through one descriptor opened without following a link, so what is checked is what is changed."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise DataDirError(f"The data directory {path} is a symbolic link: IDC Desktop uses only a real "
                               "folder (give the folder it points to).") from exc
        if exc.errno == errno.ENOTDIR:
            raise DataDirError(f"The data directory {path} is a file, not a directory.") from exc
        raise DataDirError(f"The data directory {path} cannot be opened: {exc.strerror}.") from exc
    try:
        info = os.fstat(fd)
        if info.st_uid != os.geteuid():
            raise DataDirError(f"The data directory {path} belongs to another user: IDC Desktop neither uses "
                               "nor changes it.")
        mode = stat.S_IMODE(info.st_mode)
        if mode & (stat.S_IWUSR | stat.S_IXUSR) != stat.S_IWUSR | stat.S_IXUSR:
            raise DataDirError(f"The data directory {path} is read-only: IDC Desktop cannot save there "
                               "(and does not change a folder's permissions).")
        if mode & 0o077:
            os.fchmod(fd, mode & PRIVATE_DIR_MODE)
    except PermissionError as exc:
        raise DataDirError(f"The data directory {path} cannot be made private: permission denied.") from exc
    finally:
        os.close(fd)


def make_private(path: Path, mode: int = PRIVATE_FILE_MODE) -> None:
    """Tighten permissions where the OS allows (a no-op on Windows ACLs, which platformdirs already scopes).
    Only takes bits away, never adds one: a log made read-only (0400) stays read-only."""
    if os.name != "posix":
        return
    try:
        current = stat.S_IMODE(path.stat().st_mode)
        if current & ~mode:
            path.chmod(current & mode)
    except FileNotFoundError:
        pass


def replace_problem(path: Path) -> str | None:
    """Why a file must not be written to `path` by a rename, if it must not: a folder, a device,
    a pipe or a socket (a rename would put a file in place of /dev/null or a FIFO), or a
    read-only file (read-only means "do not overwrite", even for root). None: go ahead."""
    try:
        info = os.stat(path)  # through a link: what the user named is what it points to
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"cannot be written ({exc.strerror or exc})"
    if stat.S_ISDIR(info.st_mode):
        return "is a folder; give the name of a file to write"
    if not stat.S_ISREG(info.st_mode):
        return "is not a regular file (a device, a pipe or a socket); give the name of a file to write"
    if not info.st_mode & stat.S_IWUSR or not os.access(path, os.W_OK):
        return "is read-only; it was not replaced"
    return None


def private_partial(target: Path) -> Path:
    """A new, empty, uniquely named file beside `target` for writing it whole before a rename:
    0600 from its first byte (mkstemp: O_CREAT|O_EXCL, never through a link), whatever the umask.
    The caller renames it over `target` or removes it."""
    import tempfile

    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, PRIVATE_FILE_MODE)  # a umask can only take bits away; keep the owner's write
    finally:
        os.close(fd)
    return Path(name)


def open_private(path: Path, flags: int = os.O_RDWR | os.O_CREAT) -> int:
    """Open (creating 0600 if missing) a file of ours, never through a symbolic link; its descriptor."""
    flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    return os.open(path, flags, PRIVATE_FILE_MODE)


def store_path(data_dir: Path) -> Path:
    return data_dir / STORE_FILENAME


def backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIRNAME


def _bundle_root() -> Path | None:
    frozen = getattr(sys, "_MEIPASS", None)  # set by PyInstaller in a bundle
    return Path(frozen) if frozen else None


def _shipped_dir(name: str) -> Path:
    """Find `resources/` or `migrations/`: in a bundle, inside the wheel, or in the source tree."""
    package_dir = Path(__file__).resolve().parent
    candidates = []
    bundle = _bundle_root()
    if bundle is not None:
        candidates.append(bundle / name)
    candidates.append(package_dir / f"_{name}")  # where the wheel puts them
    candidates.append(package_dir.parent.parent / name)  # src/idc_desktop -> project root
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"IDC Desktop is incomplete: its {name} folder is missing.")


def resources_dir() -> Path:
    return _shipped_dir("resources")


def migrations_dir() -> Path:
    return _shipped_dir("migrations")
