"""A bug must never put a traceback in front of a user: show a calm message, log the details."""

from __future__ import annotations

import sys
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from idc_desktop import APP_TITLE
from idc_desktop.domain.errors import IdcError
from idc_desktop.paths import make_private

ERROR_LOG = "error-log.txt"


def install_error_hook(data_dir: Path) -> None:
    log_path = data_dir / ERROR_LOG

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if isinstance(error, IdcError):  # an expected problem that slipped past a handler
            message = str(error)
        else:
            message = (
                "Something went wrong inside IDC Desktop. Your work so far is saved.\n\n"
                f"The details were written to {log_path}."
            )
            try:
                with log_path.open("a", encoding="utf-8") as fh:
                    fh.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n")
                    fh.write("".join(traceback.format_exception(kind, error, tb)))
                make_private(log_path)
            except OSError:
                pass
        if QApplication.instance() is not None:
            QMessageBox.warning(QApplication.activeWindow(), APP_TITLE, message)
        else:
            sys.__excepthook__(kind, error, tb)

    sys.excepthook = hook
