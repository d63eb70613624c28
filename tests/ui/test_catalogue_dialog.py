"""Tools > Catalogue… : the lead renames and hides items by keyboard; history stays intact."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMenu

from idc_desktop.domain import Case, Perspective
from idc_desktop.services import Services
from idc_desktop.ui.dialogs.catalogue_dialog import CatalogueDialog
from idc_desktop.ui.main_window import MainWindow


def when_visible(kind: type, act: Callable) -> None:  # noqa: ANN001
    """Run `act(dialog)` once a dialog of `kind` is on screen (it runs its own event loop)."""

    def poll() -> None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if found:
            act(found[-1])
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def test_rename_and_hide_keep_past_sessions_intact(qtbot, window: MainWindow, services: Services) -> None:  # noqa: ANN001
    case = services.cases.create(Case(code="", specialty="Renal", referral_reason="Shouts"))
    session = services.sessions.start(case.id)
    session.perspectives[Perspective.A].items = ["dismissive"]
    session.perspectives[Perspective.B].items = ["angry"]
    services.sessions.save(session)
    done: list[str] = []

    def rename(dialog: QInputDialog) -> None:
        field = dialog.findChild(QLineEdit)
        qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(field, "brushing off")
        qtbot.keyClick(field, Qt.Key.Key_Return)

    def edit(dialog: CatalogueDialog) -> None:
        qtbot.keyClicks(dialog.filter, "dismissive")
        assert dialog.current_key() == "dismissive"
        when_visible(QInputDialog, rename)
        qtbot.keyClick(dialog.filter, Qt.Key.Key_F2)  # returns once the rename dialog closes
        qtbot.keyClick(dialog.filter, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(dialog.filter, "angry")
        assert dialog.current_key() == "angry"
        qtbot.keyClick(dialog.filter, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(dialog.filter, "zzz no such item")
        qtbot.keyClick(dialog.filter, Qt.Key.Key_F2)  # nothing current: nothing happens
        done.append("edited")
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Escape)  # Esc clears the filter...
        if dialog.isVisible():
            qtbot.keyClick(dialog.filter, Qt.Key.Key_Escape)  # ... and closes

    when_visible(CatalogueDialog, edit)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_K,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert done == ["edited"]

    items = {i.key: i for i in services.catalogue.items()}
    assert items["dismissive"].label == "brushing off" and items["angry"].hidden
    stored = services.sessions.get(session.id)  # history untouched: the keys are still there
    assert stored.perspectives[Perspective.A].items == ["dismissive"]
    assert stored.perspectives[Perspective.B].items == ["angry"]

    window.ctx.sessions.open(session.id)
    editor = window.editor
    a = editor.page(3)
    b = editor.page(4)
    assert a.chips.labels() == ["brushing off"]
    assert b.chips.labels() == ["angry"]  # hidden, but kept where it was chosen
    assert "angry" not in b.picker.offered_keys() and "dismissive" in a.picker.offered_keys()


def test_disciplines_are_added_and_removed_by_keyboard(qtbot, window: MainWindow, services: Services) -> None:  # noqa: ANN001
    from idc_desktop.services.vocabulary import DISCIPLINE
    from idc_desktop.ui.dialogs.disciplines_dialog import DisciplinesDialog

    before = services.vocabulary.terms(DISCIPLINE)
    assert "Play therapist" not in before and before
    dialog = DisciplinesDialog(services.vocabulary, window)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    qtbot.keyClicks(dialog.input, "Play therapist")
    qtbot.keyClick(dialog.input, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.input.text() == ""
    qtbot.keyClicks(dialog.input, "play THERAPIST")  # already there, whatever the case
    qtbot.keyClick(dialog.input, Qt.Key.Key_Return)
    assert "already" in dialog.problem.text() and dialog.list.currentItem().text() == "Play therapist"
    qtbot.keyClick(dialog.list, Qt.Key.Key_Delete)
    assert services.vocabulary.terms(DISCIPLINE) == before
    qtbot.keyClick(dialog.list, Qt.Key.Key_Home)
    first = dialog.list.currentItem().text()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Delete)
    assert first not in services.vocabulary.terms(DISCIPLINE)
    assert window.findChild(QMenu, "toolsMenu") is not None


def _answer(qtbot, button_text: str) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    def act(box: QMessageBox) -> None:
        assert box.defaultButton().text() == "Cancel"  # Enter never deletes by accident
        [chosen] = [b for b in box.buttons() if b.text() == button_text]
        chosen.click()

    when_visible(QMessageBox, act)


def test_delete_an_unused_item_asks_refuses_a_used_one_and_ctrl_z_puts_it_back(
        qtbot, services: Services) -> None:  # noqa: ANN001
    case = services.cases.create(Case(code="", specialty="Renal", referral_reason="Shouts"))
    session = services.sessions.start(case.id)
    session.perspectives[Perspective.A].items = ["dismissive"]
    services.sessions.save(session)
    before = {i.key: i for i in services.catalogue.items()}
    dialog = CatalogueDialog(services.catalogue)
    qtbot.addWidget(dialog)
    dialog.show()

    qtbot.keyClicks(dialog.filter, "dismissive")
    dialog.tree.setFocus()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Delete)
    assert "cannot be deleted" in dialog.problem.text() and "1 session perspective" in dialog.problem.text()
    assert "dismissive" in {i.key for i in services.catalogue.items()}

    qtbot.keyClick(dialog.filter, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.filter, "intrusive")
    assert dialog.current_key() == "intrusive"
    dialog.tree.setFocus()
    _answer(qtbot, "Cancel")
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Delete)
    assert "intrusive" in {i.key for i in services.catalogue.items()}  # Cancel: nothing deleted
    _answer(qtbot, "&Delete")
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Delete)
    assert "intrusive" not in {i.key for i in services.catalogue.items()}
    assert dialog.changed and "Ctrl+Z" in dialog.problem.text()

    qtbot.keyClick(dialog.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    after = {i.key: i for i in services.catalogue.items()}
    assert after["intrusive"] == before["intrusive"]  # same key, label and place
