"""Start the GUI: one QApplication, the store opened safely, the main window shown."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from idc_desktop import APP_NAME, APP_TITLE
from idc_desktop.domain.errors import IdcError
from idc_desktop.paths import make_private, make_private_dir
from idc_desktop.services import Services, open_services, seed_demo
from idc_desktop.store.lock import StoreLock
from idc_desktop.ui.icons import icon
from idc_desktop.ui.theme import apply_theme

SETTINGS_FILENAME = "settings.ini"


def settings_for(data_dir: Path) -> QSettings:
    """UI preferences live beside the log they belong to, so --demo never touches the real ones."""
    path = data_dir / SETTINGS_FILENAME
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    return settings


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    app.setWindowIcon(icon("app"))
    apply_theme(app)
    return app


def open_for_gui(data_dir: Path, demo: bool) -> tuple[Services, StoreLock]:
    make_private_dir(data_dir)
    lock = StoreLock(data_dir).acquire()
    try:
        services = open_services(data_dir)
        if demo:
            seed_demo(services)
    except Exception:
        lock.release()
        raise
    return services, lock


def run_gui(data_dir: Path, demo: bool = False) -> int:
    from idc_desktop.ui.main_window import MainWindow

    app = application()
    try:
        services, lock = open_for_gui(data_dir, demo)
    except IdcError as exc:
        QMessageBox.critical(None, f"{APP_TITLE} cannot open the case log", str(exc))
        return exc.exit_code
    try:
        settings = settings_for(data_dir)
        window = MainWindow(services, settings, demo=demo)
        window.show()
        code = app.exec()
        make_private(data_dir / SETTINGS_FILENAME)
        return code
    finally:
        services.close()
        lock.release()
