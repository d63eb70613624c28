"""The app never opens a network connection: a whole session, projection and every export
run under an audit hook that records any socket the process tries to open."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit

from idc_desktop.services.exporting import PdfKind
from idc_desktop.ui.main_window import MainWindow

SOCKET_EVENTS = ("socket.__new__", "socket.connect", "socket.bind", "socket.getaddrinfo", "socket.sendto")
_recording: list[tuple[str, tuple]] | None = None


def _hook(event: str, args: tuple) -> None:
    if _recording is not None and event in SOCKET_EVENTS:
        _recording.append((event, args))


sys.addaudithook(_hook)  # hooks cannot be removed: it records only while a test asks it to


def test_a_whole_session_projection_and_exports_open_no_socket(qtbot, demo_window: MainWindow,  # noqa: ANN001
                                                              monkeypatch, tmp_path) -> None:  # noqa: ANN001
    global _recording
    _recording = []
    try:
        window, services = demo_window, demo_window.services
        case = services.cases.list()[-1]
        window.ctx.sessions.start(case.id)
        editor = window.editor
        editor.go_to(3)
        line = editor.findChild(QLineEdit, "contributionInput")
        line.setFocus()
        qtbot.keyClicks(line, "He asks who will be here next week")
        qtbot.keyClick(line, Qt.Key.Key_Return)
        assert editor.finish()
        window.ctx.projection.start()
        assert window.projector is not None
        window.ctx.projection.stop()

        def save_as(name: str) -> None:
            monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / name), ""))

        save_as("log.csv")
        assert window.exports.export_csv() == tmp_path / "log.csv"  # no free text: no gate
        save_as("all.json")
        assert window.exports.export_json(None) == tmp_path / "all.json"  # the demo holds no findings
        selection = services.exports.select(case.code, "latest")
        assert services.exports.pdf(selection, PdfKind.SUMMARY).startswith(b"%PDF")
        assert _recording == [], f"sockets opened: {_recording}"
        # Nor is Qt's own network stack loaded, whose sockets the audit hook would not see.
        assert "PySide6.QtNetwork" not in sys.modules
        maps = Path("/proc/self/maps")
        if maps.exists():
            assert "libQt6Network" not in maps.read_text(encoding="utf-8", errors="replace")
    finally:
        _recording = None
    print("\nsockets opened during a whole session, projection and exports: 0")


def test_the_hook_does_see_a_socket() -> None:
    """So the test above can fail: opening a socket is recorded."""
    import socket

    global _recording
    _recording = []
    try:
        socket.socket().close()
        assert [event for event, _ in _recording] == ["socket.__new__"]
    finally:
        _recording = None
