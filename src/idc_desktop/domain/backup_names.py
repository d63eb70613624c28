"""The names of the copies in backups/: one scheme, written and read only here.

    idc-desktop-daily-20261202-154748-897550.sqlite3                  rolling (pruned by age)
    idc-desktop-manual-20261202-154748-897550.sqlite3                 taken on request
    idc-desktop-before-upgrade-from-0001-20261202-154748-897550.sqlite3
    idc-desktop-before-restore-20261202-154748-897550.sqlite3

The time in the name (local time, to the microsecond) is when the copy was taken; "newest"
always means by that time, never by a file's modification time (a copy moved, restored from
another disk or touched keeps its name). The window's suggested name for a copy saved
elsewhere, idc-desktop-backup-YYYY-MM-DD.sqlite3, reads as a manual copy of that day.
Pure functions on names: no I/O, so every layer (and the window) may use them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import PurePath
from typing import TypeVar

PREFIX, SUFFIX = "idc-desktop-", ".sqlite3"
PATTERN = f"{PREFIX}*{SUFFIX}"  # what to list in backups/
_STAMP = "%Y%m%d-%H%M%S-%f"


class BackupKind(Enum):
    ROLLING = "daily"
    MANUAL = "manual"
    BEFORE_UPGRADE = "before-upgrade"
    BEFORE_RESTORE = "before-restore"


_NAME = re.compile(
    rf"^{re.escape(PREFIX)}"
    r"(?:(?P<kind>daily|manual|before-restore)|before-upgrade-from-(?P<revision>[A-Za-z0-9_.]+?))"
    r"-(?P<stamp>\d{8}-\d{6}-\d{6})"
    rf"{re.escape(SUFFIX)}$"
)
_SUGGESTED = re.compile(rf"^{re.escape(PREFIX)}backup-(?P<day>\d{{4}}-\d{{2}}-\d{{2}}){re.escape(SUFFIX)}$")


@dataclass(frozen=True)
class BackupName:
    kind: BackupKind
    taken: datetime
    from_revision: str | None = None  # for a copy taken before an upgrade: the revision it had

    @property
    def label(self) -> str:
        """What the copy is, in words (the restore list shows it)."""
        if self.kind is BackupKind.BEFORE_UPGRADE:
            return f"before upgrading (from schema {self.from_revision})"
        return {BackupKind.ROLLING: "automatic", BackupKind.MANUAL: "on request",
                BackupKind.BEFORE_RESTORE: "before a restore"}[self.kind]

    @property
    def file_name(self) -> str:
        return backup_name(self.kind, self.taken, self.from_revision)


def backup_name(kind: BackupKind, taken: datetime, from_revision: str | None = None) -> str:
    """The file name for a copy of `kind` taken at `taken` (a revision is kept to the characters
    a name may hold, so whatever alembic calls it the name still parses)."""
    if (kind is BackupKind.BEFORE_UPGRADE) != (from_revision is not None):
        raise ValueError("a revision goes with (and only with) a copy taken before an upgrade")
    what = kind.value if from_revision is None else f"before-upgrade-from-{re.sub(r'[^A-Za-z0-9_.]', '_', from_revision)}"
    return f"{PREFIX}{what}-{taken.strftime(_STAMP)}{SUFFIX}"


def parse_backup_name(name: str | PurePath) -> BackupName | None:
    """What a file name says about a copy; None for a name not of this scheme."""
    name = name.name if isinstance(name, PurePath) else name
    match = _NAME.match(name)
    try:
        if match:
            taken = datetime.strptime(match["stamp"], _STAMP)
            if match["revision"] is not None:
                return BackupName(BackupKind.BEFORE_UPGRADE, taken, match["revision"])
            return BackupName(BackupKind(match["kind"]), taken)
        suggested = _SUGGESTED.match(name)
        if suggested:
            return BackupName(BackupKind.MANUAL, datetime.strptime(suggested["day"], "%Y-%m-%d"))
    except ValueError:  # digits that are no date (month 13)
        return None
    return None


P = TypeVar("P", bound=PurePath)


def newest_first(paths: Iterable[P]) -> list[tuple[P, BackupName]]:
    """The copies among `paths` (others left out), newest first by the time in their names;
    copies of the same moment by name, so the order is the same on every run."""
    named = [(path, parsed) for path in paths if (parsed := parse_backup_name(path)) is not None]
    named.sort(key=lambda item: item[0].name, reverse=True)
    named.sort(key=lambda item: item[1].taken, reverse=True)
    return named
