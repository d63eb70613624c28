"""Run under a real X server by test_under_x.py: a whole consultation by keys, from an empty
log to quitting, as a facilitator in the room runs it.

Ctrl+N on the empty log makes the case, Ctrl+Shift+N starts the session, every phase is
filled by keys and projected (F5, then Esc), Ctrl+E from the contribution box opens the
export, Ctrl+Q quits; then the store is read back. Real windows, real focus, real painting:
any exception in a paint event, timer or slot fails the test, as does any error report.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from idc_desktop.domain import Perspective
from idc_desktop.services import Services
from idc_desktop.ui.dialogs.case_form import CaseForm
from idc_desktop.ui.export.pdf_dialog import PdfExportDialog
from idc_desktop.ui.main_window import MainWindow
from tests.ui.session.test_whole_session_keyboard import ALT, CTRL, SHIFT, Keyboard
from tests.ui.session.test_whole_session_keyboard import perspective as fill_perspective

PRIVATE = "I felt pulled to rescue the presenter."


@pytest.fixture(autouse=True)
def no_painting_warnings(qtlog):  # noqa: ANN001, ANN201
    yield
    bad = [r.message for r in qtlog.records
           if any(word in r.message for word in ("QPainter", "Recursive repaint", "already deleted", "paint device"))]
    assert not bad, bad


def error_reports() -> list[str]:
    return [w.text() for w in QApplication.topLevelWidgets() if w.objectName() == "errorReport" and w.isVisible()]


def in_dialog(qtbot, kind: type, steps: Callable[[QDialog], None]) -> list[str]:  # noqa: ANN001
    """Run `steps` by keys on the next modal dialog of `kind` once it has keyboard focus.

    Whatever goes wrong inside (a step's assertion, focus that never arrives) closes the
    dialog rather than leaving its event loop, and the test, waiting for ever; the failure is
    handed back for the test to report.
    """
    failures: list[str] = []

    def poll(tries: int = 0) -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        ready = dialogs and QApplication.focusWidget() is not None and dialogs[-1].isAncestorOf(
            QApplication.focusWidget())
        if not ready:
            if tries > 250:  # five seconds
                failures.append(f"no {kind.__name__} took the keyboard")
                for dialog in dialogs:
                    dialog.reject()
                return
            if dialogs:
                dialogs[-1].activateWindow()
            QTimer.singleShot(20, lambda: poll(tries + 1))
            return
        try:
            steps(dialogs[-1])
        except Exception as exc:  # noqa: BLE001 - reported by the test, after the dialog is closed
            failures.append(f"{type(exc).__name__}: {exc}")
            dialogs[-1].reject()

    QTimer.singleShot(0, poll)
    return failures


def project_and_stop(k: Keyboard, phase_title: str) -> None:
    """F5 from wherever the facilitator is typing; the room sees the phase; Esc stops."""
    window = k.window
    k.press(Qt.Key.Key_F5)
    k.qtbot.waitUntil(lambda: window.projector is not None)
    view = window.projector.view
    k.qtbot.waitExposed(view)
    k.qtbot.wait(400)  # the clock ticks, the console's thumbnail is taken
    text = view.rendered_text()
    assert phase_title in text
    assert PRIVATE not in text
    assert error_reports() == []
    window.activateWindow()
    k.qtbot.waitUntil(window.isActiveWindow)
    k.press(Qt.Key.Key_Escape)
    k.qtbot.waitUntil(lambda: window.projector is None)
    k.qtbot.wait(300)  # a thumbnail timer outliving the view would fire now
    assert error_reports() == []


@pytest.fixture
def keys(qtbot, window: MainWindow) -> Keyboard:  # noqa: ANN001
    window.resize(1400, 950)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return Keyboard(qtbot, window)


def test_a_whole_consultation_by_keys_from_an_empty_log(qtbot, keys: Keyboard, services: Services) -> None:  # noqa: ANN001
    k, window = keys, keys.window
    assert services.cases.count() == 0

    # Ctrl+N on the empty log: the case form takes the keyboard; Enter saves.
    def new_case(form: QDialog) -> None:
        focused: QWidget = QApplication.focusWidget()
        assert focused.objectName() == "specialtyField" or focused.parentWidget().objectName() == "specialtyField"
        qtbot.keyClicks(focused, "Renal")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_R, ALT)
        qtbot.keyClicks(QApplication.focusWidget(), "Shouts at the nurses when dialysis is cut short")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_T, ALT)
        qtbot.keyClicks(QApplication.focusWidget(), "missed sessions")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    failures = in_dialog(qtbot, CaseForm, new_case)
    k.press(Qt.Key.Key_N, CTRL)
    assert failures == []
    [summary] = services.cases.list()
    case = services.cases.get(summary.id)
    assert case.specialty == "Renal" and case.tags == ["missed sessions"]

    # The new case is in hand: Ctrl+Shift+N starts its first session.
    k.press(Qt.Key.Key_N, CTRL | SHIFT)
    editor = window.editor
    assert editor is not None
    titles = [p.title for p in editor.phases]
    keys_ = [p.key for p in editor.phases]
    assert keys_[0] == "frame"

    k.focus_is("attendeeRole")
    k.type("Staff nurse")
    k.press(Qt.Key.Key_Tab)
    k.line("3")
    k.press(Qt.Key.Key_Q, ALT)
    k.type("How do we stop being split into firm and soft camps?")
    project_and_stop(k, titles[0])

    k.press(Qt.Key.Key_PageDown)
    k.type("Misses dialysis twice a month; shouts when the session is cut short.")
    project_and_stop(k, titles[1])
    k.press(Qt.Key.Key_PageDown)
    k.type("Does he live alone? Yes.")
    project_and_stop(k, titles[2])

    said = {"A": ("dismiss", "Nobody listens to me", "You never come when I ring", "Staff nurse", "Dismissive"),
            "B": ("angry", "He feels unimportant", "Furious when kept waiting", "Consultant", "Angry"),
            "C": ("demanding", "He wants everything now", "Always on the buzzer", "Healthcare assistant", "Demanding"),
            "D": ("withdraw", "I keep the visit short", "I avoid his bay", "Staff nurse", "We pull away")}
    for index, (find, plain, starred, role, summary) in enumerate(said.values(), start=3):
        k.press(Qt.Key.Key_PageDown)
        fill_perspective(k, find, plain, starred, role, summary)
        k.press(Qt.Key.Key_N, ALT)  # back to the box the facilitator types in ...
        k.press(Qt.Key.Key_Escape)
        k.focus_is("contributionInput")
        project_and_stop(k, titles[index])  # ... and F5 from there

    # Ctrl+E from the contribution box opens the export, as from anywhere; Esc closes it.
    exporting = in_dialog(qtbot, PdfExportDialog, lambda d: qtbot.keyClick(QApplication.focusWidget(),
                                                                           Qt.Key.Key_Escape))
    k.press(Qt.Key.Key_E, CTRL)
    assert exporting == []
    # The keyboard comes back to where the facilitator was typing.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    k.focus_is("contributionInput")
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, PdfExportDialog) and w.isVisible()]

    k.press(Qt.Key.Key_PageDown)
    k.focus_is("cycleText")
    k.press(Qt.Key.Key_D, CTRL | SHIFT)  # draft the cycle from A-D
    k.press(Qt.Key.Key_G, ALT)  # the working alliance: goals, tasks, bond
    for rating, note in (("4", "We agree dialysis matters"), ("2", "Who does what is unclear"), ("3", "Fragile")):
        k.type(rating)
        k.press(Qt.Key.Key_Tab)
        k.type(note)
        k.press(Qt.Key.Key_Tab)
    project_and_stop(k, titles[7])

    k.press(Qt.Key.Key_PageDown)
    k.focus_is("planStance")
    k.type("Calm, consistent, the same message from everyone.")
    k.press(Qt.Key.Key_Tab)
    k.type("Agree one visiting time with him")
    k.press(Qt.Key.Key_Tab)
    k.type("Charge nurse")
    k.press(Qt.Key.Key_Tab)
    k.press(Qt.Key.Key_Return)  # the suggested due date
    project_and_stop(k, titles[8])

    k.press(Qt.Key.Key_PageDown)
    k.focus_is("closeHelped")
    k.type("Seeing the split as part of the pattern.")
    k.press(Qt.Key.Key_Tab)
    k.focus_is("facilitatorReflection")
    k.type(PRIVATE)
    project_and_stop(k, titles[9])
    assert keys_[9] == "close"

    # Ctrl+Q quits, writing what is pending.
    session_id = editor.doc.session.id
    k.press(Qt.Key.Key_Q, CTRL)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert error_reports() == []

    stored = services.sessions.get(session_id)
    assert stored.question.startswith("How do we stop")
    assert stored.clarifying == "Does he live alone? Yes."
    for p in Perspective:
        assert [c.text for c in stored.perspectives[p].contributions][1] == said[p.value][2]
    assert stored.cycle.startswith("The patient experiences staff as dismissive (A)")
    assert {d.value: r.rating for d, r in stored.alliance.items()} == {"goals": 4, "tasks": 2, "bond": 3}
    assert [a.text for a in stored.plan.actions] == ["Agree one visiting time with him"]
    assert stored.close_notes == "Seeing the split as part of the pattern."
    assert stored.facilitator_reflection == PRIVATE
