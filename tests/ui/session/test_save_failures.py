"""Trouble while saving (disk full, a read-only log): a clear banner, everything kept on
screen and in memory, retried, and stored once the trouble has passed."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPlainTextEdit
from sqlalchemy import event

from idc_desktop.services import Services
from idc_desktop.ui.session.editor import SessionEditor


def presentation(editor: SessionEditor) -> QPlainTextEdit:
    editor.go_to(next(i for i, p in enumerate(editor.phases) if p.key == "presentation"))
    return editor.findChild(QPlainTextEdit, "presentationText")


def banner(editor: SessionEditor) -> QLabel:
    return editor.findChild(QLabel, "saveBanner")


class DiskFull:
    """A real SQLITE_FULL: the store's file may not grow by a single page."""

    def __init__(self, services: Services) -> None:
        self.engine = services.store.engine

    def _limit(self, dbapi_connection, _record) -> None:  # noqa: ANN001
        cursor = dbapi_connection.cursor()
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {pages}")
        cursor.close()

    def __enter__(self) -> DiskFull:
        self.engine.dispose()  # new connections take the limit
        event.listen(self.engine, "connect", self._limit)
        return self

    def __exit__(self, *_: object) -> None:
        event.remove(self.engine, "connect", self._limit)
        self.engine.dispose()


def test_disk_full_shows_a_banner_keeps_the_text_and_saves_later(qtbot, editor: SessionEditor,  # noqa: ANN001
                                                                   services: Services, session_id: int) -> None:
    field = presentation(editor)
    words = " ".join(["He missed three sessions after the move to the new unit."] * 400)  # ~23 KB: new pages
    with DiskFull(services):
        field.setPlainText(words)
        assert editor.finish() is False
        assert banner(editor).isVisible() and "disk is full" in banner(editor).text()
        assert "kept" in banner(editor).text()
        assert field.toPlainText() == words and editor.doc.session.presentation == words
        assert services.sessions.get(session_id).presentation == ""  # nothing half-written
    assert editor.autosaver.flush()  # what the retry timer does
    assert not banner(editor).isVisible()
    assert services.sessions.get(session_id).presentation == words


class ReadOnly(DiskFull):
    """A real SQLITE_READONLY from SQLite itself (root ignores file modes, so no chmod here)."""

    def _limit(self, dbapi_connection, _record) -> None:  # noqa: ANN001
        dbapi_connection.execute("PRAGMA query_only = ON")


def test_a_read_only_log_is_named_and_retried(qtbot, editor: SessionEditor, services: Services,  # noqa: ANN001
                                              session_id: int) -> None:
    field = presentation(editor)
    with ReadOnly(services):
        field.setPlainText("Typed while the folder was read-only")
        assert editor.finish() is False
        # SQLite's own words went through describe_operational_error to the banner.
        assert "The case log is read-only here" in banner(editor).text()
        assert editor.autosaver._retry.isActive()
    qtbot.waitUntil(lambda: not banner(editor).isVisible(), timeout=5000)  # the retry timer saves it
    assert services.sessions.get(session_id).presentation == "Typed while the folder was read-only"


def test_leaving_with_unsaved_edits_asks_with_words_and_staying_is_the_default(
        qtbot, window, services: Services, session_id: int) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.dialogs import when_dialog_opens

    window.ctx.sessions.open(session_id)
    field = presentation(window.editor)
    words = " ".join(["He missed three sessions after the move to the new unit."] * 400)
    asked: list[str] = []

    def answer(button: str):  # noqa: ANN202
        def act(box: QMessageBox) -> None:
            asked.append(box.defaultButton().text())
            [chosen] = [b for b in box.buttons() if b.text() == button]
            chosen.click()
        return act

    with DiskFull(services):
        field.setPlainText(words)
        when_dialog_opens(qtbot, answer("&Stay in the session"), QMessageBox)
        window.ctx.cases.show(services.sessions.get(session_id).case_id)  # Alt+Left's way out
        assert window.editor is not None and field.toPlainText() == words
        when_dialog_opens(qtbot, answer("&Leave without them"), QMessageBox)
        window.ctx.cases.show(services.sessions.get(session_id).case_id)
        assert window.editor is None
    assert asked == ["&Stay in the session", "&Stay in the session"]
