"""Run by test_two_screens.py in its own process, whose Qt offscreen platform has the screen
layout the test wrote (a QApplication's screens are fixed when it starts). Prints one JSON
object of facts about projecting on that layout; the test asserts on them.

    python two_screens_probe.py DATA_DIR [PICK]
PICK answers the "which screen?" question when there are three or more screens.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog, QLineEdit

from idc_desktop.services import open_services, seed_demo
from idc_desktop.ui.launch import application
from idc_desktop.ui.main_window import MainWindow
from idc_desktop.ui.settings import AppSettings


def main() -> None:
    data_dir, pick = Path(sys.argv[1]), (sys.argv[2] if len(sys.argv) > 2 else None)
    asked: list[list[str]] = []

    def answer(_parent, _title, _label, names, *_a, **_k):  # noqa: ANN001, ANN202
        asked.append(list(names))
        return pick, True

    QInputDialog.getItem = staticmethod(answer)
    app = application()
    services = open_services(data_dir)
    seed_demo(services)
    settings = AppSettings.in_folder(data_dir)
    window = MainWindow(settings)
    window.setGeometry(app.screens()[0].availableGeometry().adjusted(20, 20, -20, -20))
    window.show()
    window.attach(services)
    case = services.cases.list()[-1]
    session = services.sessions.get(services.sessions.for_case(case.id)[-1].id)
    session.facilitator_reflection = "PRIVATE-REFLECTION-TEXT"
    services.sessions.save(session)
    window.ctx.sessions.open(session.id)
    window.editor.go_to(3)  # perspective A
    app.processEvents()
    window.ctx.projection.start()
    app.processEvents()
    view = window.projector.view
    facts = {
        "screens": [s.name() for s in app.screens()],
        "window_screen": window.screen().name(),
        "view_screen": view.screen().name(),
        "view_full_screen": view.isFullScreen(),
        "view_geometry": [view.geometry().width(), view.geometry().height()],
        "asked": asked,
        "remembered": settings.projector_screen,
    }
    line = window.editor.findChild(QLineEdit, "contributionInput")
    line.setFocus()
    QTest.keyClicks(line, "LIVE-EDIT-SEEN-IN-THE-ROOM")
    QTest.keyClick(line, Qt.Key.Key_Return)
    for _ in range(5):
        app.processEvents()
    text = view.rendered_text()
    widget_texts = [getattr(w, "text", lambda: "")() for w in view.findChildren(QLineEdit)]
    facts["follows_edits"] = "LIVE-EDIT-SEEN-IN-THE-ROOM" in text
    facts["private_visible"] = "PRIVATE-REFLECTION-TEXT" in text + " ".join(widget_texts)
    facts["header"] = view.content.header
    # Unplugging: the offscreen platform cannot remove a screen at run time, so the app's
    # handler for QGuiApplication.screenRemoved is called as Qt would call it.
    window.projector._screen_removed(view.screen())
    app.processEvents()
    facts["after_unplug"] = {"visible": view.isVisible(), "full_screen": view.isFullScreen(),
                             "screen": view.screen().name()}
    print(json.dumps(facts))
    window.ctx.projection.stop()
    window.close()
    services.close()


if __name__ == "__main__":
    main()
