"""Nothing unchecked reaches the room: text typed while projecting is masked until dealt with,
and with one screen (which a projector may mirror) the private notes stay hidden."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from idc_desktop.domain import Case
from idc_desktop.services import Services
from idc_desktop.ui.main_window import MainWindow
from idc_desktop.ui.session.perspective.contribution_delegate import FLAG_NOTE, role_line


def project_perspective(qtbot, window: MainWindow, services: Services) -> None:  # noqa: ANN001
    case = services.cases.create(Case(code="", specialty="Renal"))
    session = services.sessions.start(case.id)
    session.facilitator_reflection = "PRIVATE-REFLECTION-TEXT"
    services.sessions.save(session)
    window.ctx.sessions.open(session.id)
    window.editor.go_to(3)  # perspective A
    window.ctx.projection.start()  # nothing to report yet: no gate
    assert window.projector is not None


def test_an_identifier_typed_while_projecting_is_masked_until_dismissed(qtbot, window: MainWindow,  # noqa: ANN001
                                                                         services: Services) -> None:
    project_perspective(qtbot, window, services)
    view = window.projector.view
    line = window.editor.findChild(QLineEdit, "contributionInput")
    line.setFocus()
    qtbot.keyClicks(line, "Mr Patel shouted at the night staff")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    QApplication.processEvents()
    room = view.rendered_text()
    assert "Patel" not in room
    assert "[possible name] shouted at the night staff" in room
    # On the laptop, the card carries the flag.
    cards = window.editor.current_page().cards
    assert cards.delegate().flagged("Mr Patel shouted at the night staff")
    assert FLAG_NOTE in role_line("Mr Patel shouted at the night staff", "", True)
    # The facilitator says it is not an identifier: the room sees the words.
    guard = window.guard
    while guard.findings("Mr Patel shouted at the night staff"):  # "Mr Patel", then "Patel" alone
        guard.dismiss(guard.findings("Mr Patel shouted at the night staff")[0])
    QApplication.processEvents()
    assert "Mr Patel shouted at the night staff" in view.rendered_text()
    window.ctx.projection.stop()


def test_item_labels_reach_the_room_masked_too(qtbot, window: MainWindow, services: Services) -> None:  # noqa: ANN001
    project_perspective(qtbot, window, services)
    session = window.editor.doc.session
    window.editor.context.label  # noqa: B018 - the lookup the room uses
    from idc_desktop.domain.audience import audience_content

    session.perspectives[next(iter(session.perspectives))].items = ["Mrs Jones said so"]
    content = audience_content(session, window.editor.phases[3], "IDC-X", "Renal", lambda k: k,
                               shown=window.projector.shown)
    assert "Jones" not in content.all_text()
    window.ctx.projection.stop()


def test_with_one_screen_private_notes_stay_hidden_until_asked_for(qtbot, window: MainWindow,  # noqa: ANN001
                                                                  services: Services) -> None:
    project_perspective(qtbot, window, services)
    console = window.projector.console
    assert len(QApplication.screens()) == 1
    assert not console.notes.isVisible()
    assert console.notes_hidden.isVisible() and "mirroring" in console.notes_hidden.text()
    visible_text = " ".join(w.text() for w in console.findChildren(QLineEdit) if w.isVisible())
    assert "PRIVATE-REFLECTION-TEXT" not in visible_text
    qtbot.mouseClick(console.show_notes, Qt.MouseButton.LeftButton)
    assert console.notes.isVisible() and console.notes.toPlainText() == "PRIVATE-REFLECTION-TEXT"
    window.ctx.projection.stop()


def test_the_gate_at_f5_lists_an_item_label_that_could_identify_someone(qtbot, window: MainWindow,  # noqa: ANN001
                                                                      services: Services) -> None:
    from idc_desktop.domain import Perspective
    from idc_desktop.ui.privacy.findings_gate import FindingsGate
    from tests.ui.dialogs import when_dialog_opens

    item = services.catalogue.add("Mr John Smith", "seen")  # a custom item typed by someone
    case = services.cases.create(Case(code="", specialty="Renal"))
    session = services.sessions.start(case.id)
    session.perspectives[Perspective.A].items = [item.key]
    services.sessions.save(session)
    window.ctx.sessions.open(session.id)
    window.editor.go_to(3)
    listed: list[str] = []

    def cancel(gate: FindingsGate) -> None:
        table = gate.table
        listed.extend(table.topLevelItem(i).text(2) for i in range(table.topLevelItemCount()))
        gate.reject()

    when_dialog_opens(qtbot, cancel, FindingsGate)
    window.ctx.projection.start()
    assert listed == ["Mr John Smith"]
    assert window.projector is None  # cancelled: the room sees nothing
