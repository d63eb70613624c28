"""The cycle page: drafting from A-D (and never overwriting the group's wording unasked), undo,
the live diagram, the hypothesis, layout, and the page inside the real editor."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QBoxLayout, QMessageBox, QPlainTextEdit, QPushButton

from idc_desktop.domain import Consultation, Perspective
from idc_desktop.domain.catalogue import CatalogueItem
from idc_desktop.domain.phases import PhaseKind
from idc_desktop.services import shipped
from idc_desktop.ui.session.context import EditorContext
from idc_desktop.ui.session.document import SessionDocument
from idc_desktop.ui.session.pages.cycle_page import CyclePage

ITEMS = [
    CatalogueItem("dismissive", "dismissive", "seen"),
    CatalogueItem("controlling", "controlling", "seen"),
    CatalogueItem("demanding", "demanding", "seen"),
    CatalogueItem("angry", "angry", "response"),
    CatalogueItem("wanting_to_withdraw", "wanting to withdraw", "response"),
]
OURS = "We keep our distance and he shouts louder."


def cycle_phase():  # noqa: ANN201
    return next(p for p in shipped.phases() if p.kind is PhaseKind.CYCLE)


def make_context() -> EditorContext:
    return EditorContext(case_code="K7QX", specialty="Renal", catalogue=list(ITEMS), clusters=(),
                         family_titles={}, disciplines=[], ground_rules=())


@pytest.fixture
def doc() -> SessionDocument:
    return SessionDocument(Consultation(held_on=date(2026, 3, 4)))


@pytest.fixture
def page(qtbot, doc: SessionDocument) -> CyclePage:  # noqa: ANN001
    widget = CyclePage(cycle_phase(), doc, make_context())
    qtbot.addWidget(widget)
    widget.resize(1000, 720)
    with qtbot.waitExposed(widget):  # (called bare, waitExposed does not wait)
        widget.show()
    return widget


def choose(doc: SessionDocument, perspective: str, *keys: str) -> None:
    doc.edit(f"perspective.{perspective}.items", list(keys), "Choose items")


def answer_question(button: str, seen: list[str]) -> None:
    """When the replace question shows, note its text and press one of its buttons."""
    def look(tries: int = 100) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "replaceCycleQuestion":
            seen.append(box.text())
            assert box.defaultButton().objectName() == "keepCycle"
            box.findChild(QPushButton, button).click()
        elif tries:
            QTimer.singleShot(10, lambda: look(tries - 1))
    QTimer.singleShot(0, look)


def test_draft_button_fills_an_empty_cycle(qtbot, page: CyclePage, doc: SessionDocument) -> None:  # noqa: ANN001
    choose(doc, "A", "dismissive")
    choose(doc, "D", "wanting_to_withdraw")
    page.draft_button.setFocus()
    qtbot.keyClick(page.draft_button, Qt.Key.Key_Space)
    expected = ("The patient experiences staff as dismissive (A); staff find themselves wanting to withdraw (D), "
                "which the patient experiences again as dismissive (back to A).")
    assert doc.session.cycle == expected
    assert page.cycle_text.toPlainText() == expected
    assert QApplication.focusWidget() is page.cycle_text  # ready for the group to edit


def test_shortcut_drafts_from_inside_the_page(qtbot, page: CyclePage, doc: SessionDocument) -> None:  # noqa: ANN001
    choose(doc, "C", "demanding")
    page.focus_first()
    assert QApplication.focusWidget() is page.cycle_text
    qtbot.keyClick(page.cycle_text, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert doc.session.cycle == "Staff experience the patient as demanding (C)."


def test_nothing_to_draft_says_so_and_changes_nothing(page: CyclePage, doc: SessionDocument) -> None:
    assert not page.draft()
    assert doc.session.cycle == "" and not doc.undo_stack.canUndo()
    assert "choose items" in page.draft_hint.text()


def test_an_untouched_draft_is_redrafted_without_asking(page: CyclePage, doc: SessionDocument,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(page, "confirm_replace", lambda: pytest.fail("asked about an untouched draft"))
    choose(doc, "A", "dismissive")
    assert page.draft()
    choose(doc, "A", "dismissive", "controlling")
    assert page.draft()
    assert doc.session.cycle == "The patient experiences staff as dismissive and controlling (A)."


def test_redraft_after_an_edit_asks_and_keep_leaves_the_text(qtbot, page: CyclePage, doc: SessionDocument) -> None:  # noqa: ANN001
    choose(doc, "A", "dismissive")
    page.draft()
    page.cycle_text.selectAll()
    qtbot.keyClicks(page.cycle_text, OURS)
    assert doc.session.cycle == OURS
    choose(doc, "B", "angry")

    seen: list[str] = []
    answer_question("keepCycle", seen)
    assert not page.draft()
    assert seen and "edited" in seen[0]
    assert doc.session.cycle == OURS and page.cycle_text.toPlainText() == OURS


def test_redraft_after_an_edit_can_replace_and_undo_restores(qtbot, page: CyclePage, doc: SessionDocument) -> None:  # noqa: ANN001
    choose(doc, "A", "dismissive")
    page.draft()
    first = doc.session.cycle
    page.cycle_text.selectAll()
    qtbot.keyClicks(page.cycle_text, OURS)
    choose(doc, "B", "angry")

    seen: list[str] = []
    answer_question("replaceCycle", seen)
    assert page.draft()
    assert seen
    assert doc.session.cycle == "The patient experiences staff as dismissive (A) and finds themselves angry (B)."

    doc.undo_stack.undo()  # the replacement, in one step
    assert doc.session.cycle == OURS and page.cycle_text.toPlainText() == OURS
    doc.undo_stack.undo()  # item B
    doc.undo_stack.undo()  # the group's typing
    assert doc.session.cycle == first
    doc.undo_stack.undo()  # the first draft
    assert doc.session.cycle == "" and page.cycle_text.toPlainText() == ""


def test_keeping_is_the_default_answer(qtbot, page: CyclePage, doc: SessionDocument) -> None:  # noqa: ANN001
    doc.edit("cycle", OURS, "Type")
    choose(doc, "A", "dismissive")

    def press_enter(tries: int = 100) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            qtbot.keyClick(box, Qt.Key.Key_Return)
        elif tries:
            QTimer.singleShot(10, lambda: press_enter(tries - 1))

    QTimer.singleShot(0, press_enter)
    assert not page.draft()
    assert doc.session.cycle == OURS


def test_text_from_before_counts_as_the_groups_own(page: CyclePage, doc: SessionDocument,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(page, "confirm_replace", lambda: asked.append(True) or False)
    choose(doc, "A", "dismissive")
    doc.edit("cycle", "Written in an earlier sitting.", "Type")
    assert not page.draft()
    assert asked == [True] and doc.session.cycle == "Written in an earlier sitting."


def test_diagram_follows_the_items_and_undo(page: CyclePage, doc: SessionDocument) -> None:
    assert page.diagram.content() == {p: [] for p in Perspective}
    choose(doc, "A", "dismissive", "controlling")
    choose(doc, "D", "wanting_to_withdraw", "gone_key")
    content = page.diagram.content()
    assert content[Perspective.A] == ["dismissive", "controlling"]
    assert content[Perspective.D] == ["wanting to withdraw", "gone key"]  # unknown keys still show
    doc.undo_stack.undo()
    assert page.diagram.content()[Perspective.D] == []


def test_formulation_is_bound(qtbot, page: CyclePage, doc: SessionDocument) -> None:  # noqa: ANN001
    formulation = page.findChild(QPlainTextEdit, "formulationText")
    assert formulation is page.formulation_text
    qtbot.keyClicks(formulation, "It may echo being left alone as a child")
    assert doc.session.formulation == "It may echo being left alone as a child"
    doc.undo_stack.undo()
    assert formulation.toPlainText() == ""


def test_layout_puts_the_diagram_beside_or_under_the_sentence(qtbot, page: CyclePage) -> None:  # noqa: ANN001
    assert page.top.direction() is QBoxLayout.Direction.LeftToRight
    assert page.diagram.geometry().left() > page.cycle_text.geometry().right() - 1
    page.resize(640, 900)
    qtbot.waitUntil(lambda: page.top.direction() is QBoxLayout.Direction.TopToBottom)


def test_tab_order_runs_sentence_button_hypothesis_alliance(qtbot, page: CyclePage) -> None:  # noqa: ANN001
    page.focus_first()
    order = [QApplication.focusWidget()]
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert [w.objectName() for w in order] == ["cycleText", "draftCycle", "formulationText", "allianceGoalsRating"]


def test_the_editor_shows_the_cycle_page(qtbot, request) -> None:  # noqa: ANN001
    editor = request.getfixturevalue("editor")
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    keys = [p.key for p in editor.phases]
    editor.go_to(keys.index("cycle"))
    page = editor.current_page()
    assert isinstance(page, CyclePage)
    assert QApplication.focusWidget() is page.cycle_text
    editor.doc.edit("perspective.C.items", ["demanding"], "Choose")
    qtbot.keyClick(page.cycle_text, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert editor.doc.session.cycle == "Staff experience the patient as demanding (C)."
    assert page.diagram.content()[Perspective.C] == ["demanding"]
