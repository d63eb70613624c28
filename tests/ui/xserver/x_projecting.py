"""Run under a real X server by test_under_x.py: project every phase kind, page through all
phases while projecting, and stop, with real painting and real timers.

Any exception in a paint event, a timer or a slot fails the test (pytest-qt catches them);
so does a Qt warning about painting, or any error report shown to the user.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from idc_desktop.domain import Case, Contribution, Perspective, PlanAction
from idc_desktop.domain.phases import PhaseKind
from idc_desktop.services import Services
from idc_desktop.ui.main_window import MainWindow

PROJECTOR_BACKGROUND = "#0f1419"


def full_session(services: Services) -> int:
    case = services.cases.create(Case(code="", specialty="Renal", referral_reason="Shouts at the nurses"))
    session = services.sessions.start(case.id, held_on=date.today() - timedelta(days=1))
    session.question = "How do we stop being split into firm and soft camps?"
    session.ground_rules = ["confidentiality", "no_names"]
    session.presentation = "Misses dialysis twice a month; shouts when the session is cut short."
    items = {Perspective.A: "dismissive", Perspective.B: "angry", Perspective.C: "demanding",
             Perspective.D: "wanting_to_withdraw"}
    for p, item in items.items():
        record = session.perspectives[p]
        record.items = [item]
        record.contributions = [Contribution(f"Contribution {i} about {p.value}", "Staff nurse", i % 4 == 0)
                                for i in range(15)]
    session.cycle = "The patient experiences staff as dismissive (A) and feels angry (B)."
    session.plan.stance = "Calm, consistent, the same message from everyone."
    session.plan.actions = [PlanAction("Agree one visiting time", "Charge nurse", date.today() - timedelta(days=3)),
                            PlanAction("Debrief after hard visits", "Psychologist", date.today() + timedelta(days=20))]
    session.plan.review_on = date.today() + timedelta(days=28)
    session.close_notes = "Seeing the split as part of the pattern."
    session.facilitator_reflection = "PRIVATE-REFLECTION-TEXT"
    return services.sessions.save(session).id


@pytest.fixture
def editor_window(qtbot, window: MainWindow, services: Services) -> MainWindow:  # noqa: ANN001
    window.resize(1500, 950)
    window.ctx.sessions.open(full_session(services))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.fixture(autouse=True)
def no_painting_warnings(qtlog):  # noqa: ANN001, ANN201
    yield
    bad = [r.message for r in qtlog.records
           if any(word in r.message for word in ("QPainter", "Recursive repaint", "already deleted", "paint device"))]
    assert not bad, bad


def press(qtbot, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    qtbot.keyClick(widget, key, modifiers)


def error_reports() -> list[str]:
    return [w.text() for w in QApplication.topLevelWidgets() if w.objectName() == "errorReport" and w.isVisible()]


def painted_share(view) -> float:  # noqa: ANN001
    """The share of the room's screen that is not plain background: text, cards, the diagram."""
    image = view.grab().toImage().scaled(192, 108)
    other = sum(image.pixelColor(x, y).name() != PROJECTOR_BACKGROUND for x in range(192) for y in range(108))
    return other / (192 * 108)


def test_f5_on_every_phase_kind_then_esc(qtbot, editor_window: MainWindow) -> None:  # noqa: ANN001
    window = editor_window
    editor = window.editor
    for index, phase in enumerate(editor.phases):
        editor.go_to(index)
        qtbot.wait(30)
        press(qtbot, Qt.Key.Key_F5)
        qtbot.waitUntil(lambda: window.projector is not None)
        view = window.projector.view
        qtbot.waitExposed(view)
        qtbot.wait(700)  # the clock ticks and the console's thumbnail is taken, several times
        text = view.rendered_text()
        assert phase.title in text, phase.key
        assert "PRIVATE-REFLECTION-TEXT" not in text
        assert painted_share(view) > 0.01, phase.key  # more than a title: the phase's content
        if phase.kind is PhaseKind.CYCLE:
            assert view.diagram is not None and view.diagram.isVisible()
            assert "dismissive (A)" in text  # the sentence, above the diagram
        if phase.kind is PhaseKind.FRAME:
            assert "✓" in text  # the ground rules the group agreed
        if phase.kind is PhaseKind.PLAN:
            assert "(date passed)" in text and "Agree one visiting time" in text
        assert error_reports() == []
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        press(qtbot, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: window.projector is None)
        qtbot.wait(700)  # a thumbnail timer outliving the view would fire now
        assert error_reports() == []


def test_page_through_every_phase_while_projecting_and_stop(qtbot, editor_window: MainWindow) -> None:  # noqa: ANN001
    window = editor_window
    editor = window.editor
    editor.go_to(0)
    press(qtbot, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.projector is not None)
    view = window.projector.view
    seen = []
    for _ in range(len(editor.phases) - 1):
        press(qtbot, Qt.Key.Key_PageDown)
        qtbot.wait(350)
        seen.append(view.content.title)
    assert seen == [p.title for p in editor.phases[1:]]
    for _ in range(3):
        press(qtbot, Qt.Key.Key_PageUp)
        qtbot.wait(350)
    assert view.content.title == editor.phases[-4].title
    # A clicker pointed at the room's own window works too.
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    qtbot.wait(350)
    assert view.content.title == editor.phases[-3].title
    assert error_reports() == []
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.projector is None)
    qtbot.wait(700)
    assert error_reports() == []
