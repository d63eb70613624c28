"""Open the demo log projecting a session, for the README's screenshots:

    ../shared/tools/screenshot.sh docs/images/audience-view.png 8 -- uv run python docs/screenshots/audience_demo.py
    ../shared/tools/screenshot.sh docs/images/presenter-console.png 8 -- uv run python docs/screenshots/audience_demo.py console

With one screen (as under Xvfb) the room's view opens as a window; here it is made full
screen, as F11 would, so the picture is what a 1080p projector shows.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer

from idc_desktop.services import open_services, seed_demo
from idc_desktop.ui.launch import application, settings_for
from idc_desktop.ui.main_window import MainWindow
from idc_desktop.ui.theme import apply_theme


def main() -> int:
    console = "console" in sys.argv[1:]
    app = application()
    data_dir = Path(tempfile.mkdtemp(prefix="idc-screenshot-"))
    services = open_services(data_dir)
    seed_demo(services)
    settings = settings_for(data_dir)
    apply_theme(app, "light")
    window = MainWindow(settings, demo=True)
    window.setGeometry(app.primaryScreen().availableGeometry())
    window.show()
    window.attach(services)
    case = next(c for c in services.cases.list() if c.sessions > 1)
    window.open_session(services.sessions.for_case(case.id)[-1].id)
    window.editor.go_to(3)  # perspective A: items and contributions

    def project() -> None:
        window.start_projecting()
        if not console:
            view = window.projector.view  # no window manager under Xvfb: place it by hand
            view.setGeometry(view.screen().geometry())
            view.showFullScreen()

    QTimer.singleShot(500, project)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
