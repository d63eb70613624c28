"""Every setting the window remembers, in one typed place: `settings.ini` in the data folder.

Each setting is a property with its type and its default, and nothing else in the app reads
or writes a raw key: a key is spelt once, and a value spoilt in a hand-edited file falls back
to the default instead of surprising the code that reads it. (QSettings hands back strings
from an ini file: "true", "3"; the conversions live here too.)
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

FILENAME = "settings.ini"
THEMES = ("system", "light", "dark", "high-contrast")
DEFAULT_THEME = "system"
PAPERS = ("a4", "letter")
LOCK_CHOICES = (0, 5, 10, 15, 30, 60)  # minutes without input before the window locks; 0: never
DEFAULT_LOCK_MINUTES = 10


class AppSettings(QSettings):
    """The window's preferences, beside the log they belong to (so --demo never touches the real ones)."""

    _THEME = "ui/theme"
    _SYSTEM_DARK = "ui/systemWasDark"
    _OPEN_SESSION = "session/open"
    _EXPORT_FOLDER = "export/folder"
    _PAPER = "export/paper"
    _SCREEN = "projector/screen"
    _GEOMETRY = "mainWindow/geometry"
    _LOCK_MINUTES = "lock/idleMinutes"
    _PROTECTION_OFFERED = "lock/protectionOffered"

    def __init__(self, path: Path | str) -> None:
        super().__init__(str(path), QSettings.Format.IniFormat)

    @classmethod
    def in_folder(cls, data_dir: Path) -> AppSettings:
        path = data_dir / FILENAME
        try:  # private from its first byte, like every file the app writes
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600))
        except FileExistsError:
            pass
        except OSError:
            pass  # a read-only folder: the settings are simply not kept, the app still runs
        return cls(path)

    # --- the theme ------------------------------------------------------------------
    @property
    def theme(self) -> str:
        value = str(self.value(self._THEME, DEFAULT_THEME))
        return value if value in THEMES else DEFAULT_THEME

    @theme.setter
    def theme(self, name: str) -> None:
        self.setValue(self._THEME, name if name in THEMES else DEFAULT_THEME)

    @property
    def system_was_dark(self) -> bool | None:
        """How the system theme resolved last time; None before the first confirmation."""
        value = self.value(self._SYSTEM_DARK)
        return None if value is None else str(value).lower() == "true"

    @system_was_dark.setter
    def system_was_dark(self, dark: bool) -> None:
        self.setValue(self._SYSTEM_DARK, bool(dark))

    # --- the session open when the app last stopped (crash recovery) ---------------------
    @property
    def open_session(self) -> int | None:
        try:
            return int(str(self.value(self._OPEN_SESSION)))
        except ValueError:
            return None  # never set, or spoilt

    @open_session.setter
    def open_session(self, session_id: int | None) -> None:
        if session_id is None:
            self.remove(self._OPEN_SESSION)
        else:
            self.setValue(self._OPEN_SESSION, int(session_id))

    # --- exporting ------------------------------------------------------------------------
    @property
    def export_folder(self) -> Path:
        """Where the last export was saved (the home folder at first)."""
        value = self.value(self._EXPORT_FOLDER)
        folder = Path(str(value)) if value else Path.home()
        return folder if folder.is_dir() else Path.home()

    @export_folder.setter
    def export_folder(self, folder: Path) -> None:
        self.setValue(self._EXPORT_FOLDER, str(folder))

    @property
    def paper(self) -> str | None:
        """"a4" or "letter" once chosen; None lets the dialog go by the locale."""
        value = str(self.value(self._PAPER, ""))
        return value if value in PAPERS else None

    @paper.setter
    def paper(self, paper: str) -> None:
        if paper in PAPERS:
            self.setValue(self._PAPER, paper)

    # --- the projector's screen and the window's place --------------------------------------
    @property
    def projector_screen(self) -> str | None:
        value = self.value(self._SCREEN)
        return str(value) if value else None

    @projector_screen.setter
    def projector_screen(self, name: str) -> None:
        self.setValue(self._SCREEN, name)

    @property
    def window_geometry(self) -> QByteArray | None:
        value = self.value(self._GEOMETRY)
        return value if isinstance(value, QByteArray) else None

    @window_geometry.setter
    def window_geometry(self, geometry: QByteArray) -> None:
        self.setValue(self._GEOMETRY, geometry)

    # --- the idle lock and protection (ui/lock/) ---------------------------------------------
    @property
    def lock_minutes(self) -> int:
        """Minutes without input before the window locks (0: never)."""
        try:
            value = int(str(self.value(self._LOCK_MINUTES, DEFAULT_LOCK_MINUTES)))
        except ValueError:
            return DEFAULT_LOCK_MINUTES
        return value if value in LOCK_CHOICES else DEFAULT_LOCK_MINUTES

    @lock_minutes.setter
    def lock_minutes(self, minutes: int) -> None:
        self.setValue(self._LOCK_MINUTES, int(minutes) if int(minutes) in LOCK_CHOICES else DEFAULT_LOCK_MINUTES)

    @property
    def protection_offered(self) -> bool:
        """Whether protecting the log with a passphrase was offered once already (on a first run)."""
        return str(self.value(self._PROTECTION_OFFERED, "false")).lower() == "true"

    @protection_offered.setter
    def protection_offered(self, offered: bool) -> None:
        self.setValue(self._PROTECTION_OFFERED, bool(offered))
