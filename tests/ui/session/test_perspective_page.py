"""The perspective page (A-D) driven from the keyboard with real widgets on a real session."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QInputDialog, QLineEdit, QListView, QMessageBox

from idc_desktop.domain import Consultation, Contribution, Perspective
from idc_desktop.domain.catalogue import CatalogueItem
from idc_desktop.domain.parts import perspective_part
from idc_desktop.services import Services, shipped
from idc_desktop.ui.session.context import EditorContext
from idc_desktop.ui.session.document import SessionDocument
from idc_desktop.ui.session.pages.perspective_page import PerspectivePage
from idc_desktop.ui.session.text_fields import LineEdit
from tests.ui.dialogs import when_dialog_opens

ENTER = Qt.Key.Key_Return


def phase_for(perspective: Perspective):  # noqa: ANN201
    return next(p for p in shipped.phases() if p.perspective is perspective)


def make_context(catalogue: list[CatalogueItem] | None = None, add_item=None) -> EditorContext:  # noqa: ANN001
    shipped_catalogue = shipped.catalogue()
    return EditorContext(
        case_code="TEST-01",
        specialty="Renal",
        catalogue=list(catalogue if catalogue is not None else shipped_catalogue.items),
        clusters=shipped_catalogue.clusters,
        family_titles=dict(shipped_catalogue.family_titles),
        disciplines=list(shipped.disciplines()),
        ground_rules=shipped.ground_rules(),
        add_item=add_item,
    )


def make_page(qtbot, perspective: Perspective = Perspective.A, session: Consultation | None = None,  # noqa: ANN001
              context: EditorContext | None = None) -> PerspectivePage:
    doc = SessionDocument(session or Consultation(held_on=date.today()))
    page = PerspectivePage(phase_for(perspective), doc, context or make_context())
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)  # focus only lands in an active window
    page.focus_first()
    return page


def part(page: PerspectivePage, name: str):  # noqa: ANN201
    return page.doc.get(perspective_part(page.perspective, name))


def card_texts(page: PerspectivePage) -> list[str]:
    return [page.model.index(r).data() for r in range(page.model.rowCount())]


def add_cards(qtbot, page: PerspectivePage, *cards: tuple[str, str]) -> None:  # noqa: ANN001
    for text, role in cards:
        page.role.setCurrentText(role)
        qtbot.keyClicks(page.input, text)
        qtbot.keyClick(page.input, ENTER)


# -- items ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("perspective", list(Perspective))
def test_only_the_perspectives_family_is_offered(qtbot, perspective: Perspective) -> None:  # noqa: ANN001
    page = make_page(qtbot, perspective)
    family = perspective.family
    expected = [i.key for i in shipped.catalogue().items if i.family == family]
    offered = page.picker.offered_keys()
    assert sorted(offered) == sorted(expected)
    assert page.findChild(QLineEdit, f"itemFilter_{perspective.value}") is page.picker.filter
    assert page.findChild(QListView, f"contributions_{perspective.value}") is page.cards
    assert page.findChild(LineEdit, "contributionInput") is page.input
    assert page.findChild(QComboBox, f"contributionRole_{perspective.value}") is page.role
    assert page.findChild(LineEdit, f"summary_{perspective.value}") is page.summary
    assert page.chips.objectName() == f"chosenItems_{perspective.value}"
    for widget in (page.picker.filter, page.picker.tree, page.cards, page.input, page.role, page.summary, page.chips):
        assert widget.accessibleName()


def test_clusters_are_ordered_round_the_circle(qtbot) -> None:  # noqa: ANN001
    page = make_page(qtbot, Perspective.C)
    titles = [g.title for g in page.picker.model.groups()]
    clusters = sorted((c for c in shipped.catalogue().clusters if c.family == "seen"), key=lambda c: c.angle)
    assert titles == [c.title for c in clusters]


def test_type_ahead_then_enter_chooses_the_item(qtbot) -> None:  # noqa: ANN001
    page = make_page(qtbot)
    page.picker.filter.setFocus()
    qtbot.keyClicks(page.picker.filter, "DISMISS")
    assert page.picker.offered_keys() == ["dismissive"]
    qtbot.keyClick(page.picker.filter, ENTER)
    assert part(page, "items") == ["dismissive"]
    assert page.chips.labels() == ["dismissive"]
    assert page.picker.filter.text() == ""
    assert page.picker.filter.hasFocus()
    assert page.doc.undo_stack.undoText() == "Choose item 'dismissive'"
    # the list shows it ticked, and every item is offered again
    index = page.picker.model.index_of_key("dismissive")
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert len(page.picker.offered_keys()) > 30


def test_filter_matches_hints_and_hides_empty_clusters(qtbot) -> None:  # noqa: ANN001
    page = make_page(qtbot)
    qtbot.keyClicks(page.picker.filter, "bends the rules")  # only in the hint of 'indulgent'
    assert page.picker.offered_keys() == ["indulgent"]
    assert page.picker.proxy.rowCount() == 1  # one cluster left
    assert "bends the rules" in page.picker.hint.text()
    qtbot.keyClick(page.picker.filter, Qt.Key.Key_Escape)
    assert page.picker.filter.text() == ""


def test_enter_takes_the_best_match_first(qtbot) -> None:  # noqa: ANN001
    page = make_page(qtbot, Perspective.B)
    qtbot.keyClicks(page.picker.filter, "angry")  # 'angry' itself, not another item whose hint says angry
    qtbot.keyClick(page.picker.filter, ENTER)
    assert part(page, "items") == ["angry"]


def test_down_arrow_moves_into_the_list_and_space_or_enter_toggle(qtbot) -> None:  # noqa: ANN001
    page = make_page(qtbot)
    tree = page.picker.tree
    page.picker.filter.setFocus()
    qtbot.keyClick(page.picker.filter, Qt.Key.Key_Down)
    assert tree.hasFocus()
    first = page.picker.current_key()
    assert first == page.picker.offered_keys()[0]
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert part(page, "items") == [first]
    # Down steps over the cluster headings
    for _ in range(5):
        qtbot.keyClick(tree, Qt.Key.Key_Down)
    sixth = page.picker.offered_keys()[5]
    assert page.picker.current_key() == sixth
    qtbot.keyClick(tree, ENTER)
    assert part(page, "items") == [first, sixth]
    qtbot.keyClick(tree, ENTER)  # again: unchoose
    assert part(page, "items") == [first]
    # Up from the first item goes back to the filter; letters typed in the list go there too
    for _ in range(6):
        qtbot.keyClick(tree, Qt.Key.Key_Up)
    assert page.picker.filter.hasFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    page.picker.tree.setFocus()
    qtbot.keyClicks(tree, "col")
    assert page.picker.filter.text() == "col"
    assert page.picker.filter.hasFocus()


def test_click_on_an_item_toggles_it_once(qtbot) -> None:  # noqa: ANN001
    page = make_page(qtbot)
    tree = page.picker.tree
    index = page.picker.proxy.mapFromSource(page.picker.model.index_of_key("cold"))
    rect = tree.visualRect(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert part(page, "items") == ["cold"]
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 12, rect.center().y()))
    assert part(page, "items") == []


def test_chips_follow_choice_order_and_delete_removes(qtbot) -> None:  # noqa: ANN001
    page = make_page(qtbot)
    for word in ("critical", "cold", "clinging"):
        qtbot.keyClicks(page.picker.filter, word)
        qtbot.keyClick(page.picker.filter, ENTER)
    assert page.chips.labels() == ["critical", "cold", "clinging"]
    chip = page.chips.chips()[1]
    chip.setFocus()
    qtbot.keyClick(chip, Qt.Key.Key_Delete)
    assert part(page, "items") == ["critical", "clinging"]
    assert page.chips.labels() == ["critical", "clinging"]
    assert page.chips.chips()[1].hasFocus()  # focus stays in the chips
    assert page.doc.undo_stack.undoText() == "Remove item 'cold'"
    qtbot.keyClick(page.chips.chips()[1], Qt.Key.Key_Backspace)
    assert page.chips.labels() == ["critical"]
    # the × removes with the mouse
    qtbot.mouseClick(page.chips.chips()[0].remove_button, Qt.MouseButton.LeftButton)
    assert part(page, "items") == []
    assert page.chips.labels() == []
    # undo brings them back, in order, and the list ticks follow
    page.doc.undo_stack.undo()
    page.doc.undo_stack.undo()
    page.doc.undo_stack.undo()
    assert page.chips.labels() == ["critical", "cold", "clinging"]
    index = page.picker.model.index_of_key("cold")
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_hidden_item_is_not_offered_but_a_chosen_one_keeps_its_chip(qtbot) -> None:  # noqa: ANN001
    items = [replace(i, hidden=True) if i.key in ("dismissive", "cold") else i for i in shipped.catalogue().items]
    session = Consultation(held_on=date.today())
    session.perspectives[Perspective.A].items = ["dismissive"]
    page = make_page(qtbot, Perspective.A, session, make_context(items))
    offered = page.picker.offered_keys()
    assert "dismissive" not in offered and "cold" not in offered
    assert page.chips.labels() == ["dismissive"]
    qtbot.keyClicks(page.picker.filter, "cold")
    assert "cold" not in page.picker.offered_keys()


def test_renamed_item_shows_its_new_label(qtbot) -> None:  # noqa: ANN001
    items = [replace(i, label="brushes us off") if i.key == "dismissive" else i for i in shipped.catalogue().items]
    session = Consultation(held_on=date.today())
    session.perspectives[Perspective.C].items = ["dismissive", "gone_from_catalogue"]
    page = make_page(qtbot, Perspective.C, session, make_context(items))
    assert page.chips.labels() == ["brushes us off", "gone from catalogue"]
    qtbot.keyClicks(page.picker.filter, "brushes us")
    assert page.picker.offered_keys() == ["dismissive"]
    index = page.picker.model.index_of_key("dismissive")
    assert index.data() == "brushes us off"


def test_custom_item_is_added_through_the_callback(qtbot) -> None:  # noqa: ANN001
    calls: list[tuple[str, str]] = []

    def add_item(label: str, family: str) -> CatalogueItem:
        calls.append((label, family))
        return CatalogueItem(key="feeling_stuck", label=label, family=family, custom=True)

    context = make_context(add_item=add_item)
    page = make_page(qtbot, Perspective.D, context=context)
    qtbot.keyClicks(page.picker.filter, "feeling stuck")
    assert page.picker.offered_keys() == []
    assert "Enter to add" in page.picker.hint.text()
    qtbot.keyClick(page.picker.filter, ENTER)
    assert calls == [("feeling stuck", "response")]
    assert part(page, "items") == ["feeling_stuck"]
    assert page.chips.labels() == ["feeling stuck"]
    assert "feeling_stuck" in context.items_by_key
    assert "feeling_stuck" in page.picker.offered_keys()  # offered from now on, under "Added items"
    assert page.picker.model.groups()[-1].title == "Added items"
    page.doc.undo_stack.undo()
    assert page.chips.labels() == []


def test_custom_item_through_the_real_catalogue_service(qtbot, services: Services) -> None:  # noqa: ANN001
    context = make_context(services.catalogue.items(), add_item=services.catalogue.add)
    page = make_page(qtbot, Perspective.B, context=context)
    qtbot.keyClicks(page.picker.filter, "Wanting to flee")
    qtbot.keyClick(page.picker.filter, ENTER)
    keys = part(page, "items")
    assert len(keys) == 1
    stored = {i.key: i for i in services.catalogue.items()}
    assert stored[keys[0]].label == "Wanting to flee" and stored[keys[0]].custom
    assert page.chips.labels() == ["Wanting to flee"]


def test_no_custom_items_without_add_item(qtbot) -> None:  # noqa: ANN001
    page = make_page(qtbot, Perspective.A)
    qtbot.keyClicks(page.picker.filter, "zzz nothing")
    assert "Enter to add" not in page.picker.hint.text()
    qtbot.keyClick(page.picker.filter, ENTER)
    assert part(page, "items") == []
    assert page.picker.filter.text() == "zzz nothing"


# -- contributions -------------------------------------------------------------------------------


def test_enter_adds_cards_in_order_keeping_role_and_focus(qtbot) -> None:  # noqa: ANN001
    page = make_page(qtbot, Perspective.D)
    assert page.input.hasFocus()
    add_cards(qtbot, page, ("  I keep my visits short  ", "Staff nurse"), ("I want to set firm limits", ""))
    page.role.setCurrentText("Psychologist")
    qtbot.keyClicks(page.input, "I feel protective")
    qtbot.keyClick(page.input, ENTER)
    qtbot.keyClicks(page.input, "me too")
    qtbot.keyClick(page.input, ENTER)
    stored = part(page, "contributions")
    assert [c.text for c in stored] == ["I keep my visits short", "I want to set firm limits", "I feel protective", "me too"]
    assert [c.role for c in stored] == ["Staff nurse", None, "Psychologist", "Psychologist"]
    assert card_texts(page) == [c.text for c in stored]
    assert page.input.text() == "" and page.input.hasFocus()
    assert page.role.currentText() == "Psychologist"
    assert page.doc.undo_stack.undoText() == "Add contribution"
    # empty or blank input adds nothing
    qtbot.keyClicks(page.input, "   ")
    qtbot.keyClick(page.input, ENTER)
    assert len(part(page, "contributions")) == 4
    # undo removes the last card and the view follows
    page.input.clear()
    page.doc.undo_stack.undo()
    assert card_texts(page) == [c.text for c in stored[:3]]
    assert [c.text for c in part(page, "contributions")] == card_texts(page)


def test_ctrl_enter_and_the_checkbox_add_starred_cards(qtbot) -> None:  # noqa: ANN001
    page = make_page(qtbot)
    qtbot.keyClicks(page.input, "they never listen")
    qtbot.keyClick(page.input, ENTER, Qt.KeyboardModifier.ControlModifier)
    page.salient.setChecked(True)
    qtbot.keyClicks(page.input, "nobody comes")
    qtbot.keyClick(page.input, ENTER)
    qtbot.keyClicks(page.input, "plain")
    qtbot.keyClick(page.input, ENTER)
    assert [c.salient for c in part(page, "contributions")] == [True, True, False]
    assert not page.salient.isChecked()
    assert page.doc.undo_stack.undoText() == "Add contribution"
    page.doc.undo_stack.undo()
    assert page.doc.undo_stack.undoText() == "Add starred contribution"


def test_card_keys_star_move_delete_edit_and_undo(qtbot) -> None:  # noqa: ANN001
    page = make_page(qtbot, Perspective.C)
    add_cards(qtbot, page, ("one", "Consultant"), ("two", "Staff nurse"), ("three", ""))
    cards, undo = page.cards, page.doc.undo_stack

    # Up from the empty input lands on the last card
    qtbot.keyClick(page.input, Qt.Key.Key_Up)
    assert cards.hasFocus()
    assert cards.currentIndex().row() == 2
    qtbot.keyClick(cards, Qt.Key.Key_Up)
    qtbot.keyClick(cards, Qt.Key.Key_Up)
    assert cards.currentIndex().row() == 0

    # star with S, unstar with *
    qtbot.keyClick(cards, Qt.Key.Key_S)
    assert part(page, "contributions")[0].salient
    assert page.model.index(0).data(Qt.ItemDataRole.UserRole + 2) is True
    assert undo.undoText() == "Star contribution"
    qtbot.keyClicks(cards, "*")
    assert not part(page, "contributions")[0].salient
    undo.undo()
    assert part(page, "contributions")[0].salient and page.model.contribution(0).salient

    # Ctrl+Down moves the card, and the cursor goes with it
    qtbot.keyClick(cards, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert card_texts(page) == ["two", "one", "three"]
    assert cards.currentIndex().row() == 1
    qtbot.keyClick(cards, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert card_texts(page) == ["two", "three", "one"]
    qtbot.keyClick(cards, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)  # already last: nothing
    assert card_texts(page) == ["two", "three", "one"]
    qtbot.keyClick(cards, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert card_texts(page) == ["two", "one", "three"]
    undo.undo()
    undo.undo()
    assert card_texts(page) == ["two", "one", "three"]
    undo.undo()
    assert card_texts(page) == ["one", "two", "three"]

    # F2 edits in place: Enter commits, Esc cancels
    cards.setCurrentIndex(page.model.index(1))
    qtbot.keyClick(cards, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, LineEdit) and editor.text() == "two"
    qtbot.keyClicks(editor, "two, said twice")
    qtbot.keyClick(editor, ENTER)
    # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: card_texts(page) == ["one", "two, said twice", "three"])
    assert cards.state() != QListView.State.EditingState
    assert part(page, "contributions")[1].role == "Staff nurse"
    assert undo.undoText() == "Edit contribution"
    qtbot.keyClick(cards, ENTER)  # Enter edits too
    editor = QApplication.focusWidget()
    assert isinstance(editor, LineEdit)
    qtbot.keyClicks(editor, "thrown away")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert card_texts(page) == ["one", "two, said twice", "three"]
    undo.undo()
    assert card_texts(page) == ["one", "two", "three"]

    # Delete removes without asking; undo brings it back in place
    cards.setFocus()
    cards.setCurrentIndex(page.model.index(1))
    qtbot.keyClick(cards, Qt.Key.Key_Delete)
    assert card_texts(page) == ["one", "three"]
    assert undo.undoText() == "Delete contribution"
    assert cards.currentIndex().row() == 1
    undo.undo()
    assert card_texts(page) == ["one", "two", "three"]
    assert [c.role for c in part(page, "contributions")] == ["Consultant", "Staff nurse", None]
    undo.redo()
    assert card_texts(page) == ["one", "three"]

    # Esc goes back to the input
    qtbot.keyClick(cards, Qt.Key.Key_Escape)
    assert page.input.hasFocus()


def test_editing_a_card_to_nothing_is_refused(qtbot) -> None:  # noqa: ANN001
    page = make_page(qtbot)
    add_cards(qtbot, page, ("keep me", ""))
    page.cards.setFocus()
    page.cards.setCurrentIndex(page.model.index(0))
    qtbot.keyClick(page.cards, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.clear()
    qtbot.keyClick(editor, ENTER)
    qtbot.waitUntil(lambda: page.cards_problem.isVisibleTo(page))
    assert card_texts(page) == ["keep me"]
    assert "can't be empty" in page.cards_problem.text()


def test_r_changes_the_role_through_a_small_dialog(qtbot) -> None:  # noqa: ANN001
    page = make_page(qtbot, Perspective.D)
    add_cards(qtbot, page, ("I dread the shift", "Staff nurse"))
    page.cards.setFocus()
    page.cards.setCurrentIndex(page.model.index(0))
    qtbot.keyClick(page.cards, Qt.Key.Key_R)
    dialog = page.findChild(QInputDialog, "contributionRoleDialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.textValue() == "Staff nurse"
    dialog.setTextValue("Healthcare assistant")
    dialog.accept()
    assert part(page, "contributions")[0].role == "Healthcare assistant"
    assert page.model.index(0).data(Qt.ItemDataRole.UserRole + 1) == "Healthcare assistant"
    assert page.doc.undo_stack.undoText() == "Set role 'Healthcare assistant'"
    page.doc.undo_stack.undo()
    assert page.model.index(0).data(Qt.ItemDataRole.UserRole + 1) == "Staff nurse"


def test_context_menu_offers_the_card_actions(qtbot) -> None:  # noqa: ANN001
    page = make_page(qtbot)
    add_cards(qtbot, page, ("first", ""), ("second", ""))
    menu = page.cards.card_menu(0)
    texts = [a.text().replace("&", "") for a in menu.actions()]
    assert texts == ["Edit text\tF2", "Star\tS", "Change role…\tR", "Move up\tCtrl+Up", "Move down\tCtrl+Down", "Delete\tDel"]
    assert not menu.actions()[3].isEnabled()  # the first card can't move up
    menu.actions()[1].trigger()
    assert part(page, "contributions")[0].salient
    page.cards.card_menu(0).actions()[4].trigger()
    assert card_texts(page) == ["second", "first"]
    page.cards.card_menu(1).actions()[5].trigger()
    assert card_texts(page) == ["second"]


def test_undo_from_outside_is_followed(qtbot) -> None:  # noqa: ANN001
    """Another view (or undo) changing the session: the page shows what the session holds."""
    page = make_page(qtbot, Perspective.B)
    doc = page.doc
    doc.edit(perspective_part(Perspective.B, "contributions"), [Contribution("from elsewhere", "Matron", True)], "x")
    doc.edit(perspective_part(Perspective.B, "items"), ["angry", "hurt"], "y")
    assert card_texts(page) == ["from elsewhere"]
    assert page.chips.labels() == ["angry", "hurt"]
    doc.edit(perspective_part(Perspective.A, "items"), ["cold"], "other perspective")
    assert page.chips.labels() == ["angry", "hurt"]
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert card_texts(page) == [] and page.chips.labels() == []


def test_summary_is_bound_and_undoable(qtbot) -> None:  # noqa: ANN001
    page = make_page(qtbot)
    page.summary.setFocus()
    qtbot.keyClicks(page.summary, "Staff seem dismissive")
    assert part(page, "summary") == "Staff seem dismissive"
    page.doc.undo_stack.undo()
    assert page.summary.text() == ""


def test_paste_stores_plain_text(qtbot) -> None:  # noqa: ANN001
    page = make_page(qtbot)
    mime = QMimeData()
    mime.setHtml("<b>shouted</b> at <i>the bay</i>")
    mime.setText("shouted at the bay")
    clipboard = QApplication.clipboard()
    clipboard.setMimeData(mime)
    page.input.setFocus()
    page.input.paste()
    # Empty the clipboard now: rich data left in it crashes Qt's offscreen platform at exit.
    clipboard.clear()
    qtbot.keyClick(page.input, ENTER)
    assert part(page, "contributions")[0].text == "shouted at the bay"


@pytest.mark.parametrize("text", ["Smiles 😀 then says 'leave' 👋🏽", "قال إننا لا نستمع أبدا", "mixed עברית and English"])
def test_emoji_and_right_to_left_text_round_trip(qtbot, text: str) -> None:  # noqa: ANN001
    page = make_page(qtbot)
    page.input.insert(text)
    qtbot.keyClick(page.input, ENTER)
    assert part(page, "contributions")[0].text == text
    assert page.model.index(0).data() == text
    page.cards.setFocus()
    page.cards.setCurrentIndex(page.model.index(0))
    qtbot.keyClick(page.cards, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, LineEdit) and editor.text() == text
    editor.setText(text + " ✓")
    qtbot.keyClick(editor, ENTER)
    qtbot.waitUntil(lambda: part(page, "contributions")[0].text == text + " ✓")
    assert not page.cards.viewport().grab().isNull()  # paints without trouble


def test_two_hundred_contributions_open_and_new_ones_scroll_into_view(qtbot) -> None:  # noqa: ANN001
    session = Consultation(held_on=date.today())
    session.perspectives[Perspective.A].contributions = [
        Contribution(f"example {i} " * (1 + i % 6), role="Staff nurse" if i % 3 else None, salient=i % 11 == 0)
        for i in range(200)
    ]
    page = make_page(qtbot, Perspective.A, session)
    assert page.model.rowCount() == 200
    qtbot.keyClicks(page.input, "the newest one")
    qtbot.keyClick(page.input, ENTER)
    assert page.model.rowCount() == 201
    last = page.model.index(200)
    qtbot.waitUntil(lambda: page.cards.viewport().rect().intersects(page.cards.visualRect(last)))
    assert page.input.hasFocus()


def test_long_unbroken_text_wraps_inside_the_card(qtbot) -> None:  # noqa: ANN001
    page = make_page(qtbot)
    page.input.insert("x" * 600)
    qtbot.keyClick(page.input, ENTER)
    hint = page.cards.sizeHintForIndex(page.model.index(0))
    assert hint.width() <= page.cards.viewport().width()
    assert hint.height() > 3 * page.cards.fontMetrics().height()


def test_tab_order_runs_left_to_right(qtbot) -> None:  # noqa: ANN001
    page = make_page(qtbot)
    for word in ("cold", "warm"):
        qtbot.keyClicks(page.picker.filter, word)
        qtbot.keyClick(page.picker.filter, ENTER)
    chips = page.chips.chips()
    expected = [page.picker.filter, page.picker.tree, *chips, page.cards, page.input, page.role, page.salient, page.summary]
    page.picker.filter.setFocus()
    seen = []
    for _ in expected:
        seen.append(QApplication.focusWidget())
        qtbot.keyClick(seen[-1], Qt.Key.Key_Tab)
    assert seen == expected


def test_removing_the_last_chip_returns_to_the_filter(qtbot) -> None:  # noqa: ANN001
    page = make_page(qtbot)
    qtbot.keyClicks(page.picker.filter, "cold")
    qtbot.keyClick(page.picker.filter, ENTER)
    chip = page.chips.chips()[0]
    chip.setFocus()
    qtbot.keyClick(chip, Qt.Key.Key_Delete)
    assert page.chips.labels() == []
    assert page.picker.filter.hasFocus()


def test_the_page_factory_builds_this_page_for_every_perspective(qtbot) -> None:  # noqa: ANN001
    from idc_desktop.ui.session.page_factory import make_page as factory_page

    doc = SessionDocument(Consultation(held_on=date.today()))
    context = make_context()
    for perspective in Perspective:
        page = factory_page(phase_for(perspective), doc, context)
        qtbot.addWidget(page)
        assert isinstance(page, PerspectivePage) and page.perspective is perspective


def test_right_to_left_text_is_recognised() -> None:
    from idc_desktop.ui.session.perspective.contribution_delegate import is_right_to_left

    assert is_right_to_left("قال إننا لا نستمع")
    assert is_right_to_left("  123 עברית and English")
    assert not is_right_to_left("mixed עברית and English")
    assert not is_right_to_left("😀 ...")


def test_reload_catalogue_follows_a_rename_made_while_open(qtbot) -> None:  # noqa: ANN001
    session = Consultation(held_on=date.today())
    session.perspectives[Perspective.A].items = ["cold"]
    context = make_context()
    page = make_page(qtbot, Perspective.A, session, context)
    renamed = replace(context.items_by_key["cold"], label="icy")
    context.catalogue[context.catalogue.index(context.items_by_key["cold"])] = renamed
    context.items_by_key["cold"] = renamed
    page.reload_catalogue()
    assert page.chips.labels() == ["icy"]
    assert page.picker.model.index_of_key("cold").data() == "icy"


def test_an_item_added_on_one_page_is_offered_on_its_twin(qtbot) -> None:  # noqa: ANN001
    def add_item(label: str, family: str) -> CatalogueItem:
        return CatalogueItem(key="stonewalling", label=label, family=family, custom=True)

    context = make_context(add_item=add_item)
    doc = SessionDocument(Consultation(held_on=date.today()))
    page_a = PerspectivePage(phase_for(Perspective.A), doc, context)
    page_c = PerspectivePage(phase_for(Perspective.C), doc, context)
    for page in (page_a, page_c):
        qtbot.addWidget(page)
    page_a.show()
    qtbot.keyClicks(page_a.picker.filter, "stonewalling")
    qtbot.keyClick(page_a.picker.filter, ENTER)
    assert "stonewalling" in page_a.picker.offered_keys()
    page_a.hide()
    page_c.show()  # the next phase's page, shown by the editor
    assert "stonewalling" in page_c.picker.offered_keys()
    assert page_c.chips.labels() == []  # offered, not chosen, in C


def test_esc_in_the_item_filter_goes_back_to_typing_contributions(qtbot) -> None:  # noqa: ANN001
    """Issue 13.10: after Alt+I and Enter, Esc returns to the contribution input."""
    page = make_page(qtbot, Perspective.A)
    page.show()
    qtbot.waitExposed(page)
    page.picker.filter.setFocus()
    qtbot.keyClicks(page.picker.filter, "dismiss")
    qtbot.keyClick(page.picker.filter, ENTER)
    assert part(page, "items") == ["dismissive"]
    qtbot.keyClick(page.picker.filter, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is page.input
    # From the list of items too.
    page.picker.enter_list()
    qtbot.keyClick(page.picker.tree, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is page.input


def test_a_sentence_typed_in_the_item_filter_is_asked_about_not_made_an_item(qtbot) -> None:  # noqa: ANN001
    calls: list[str] = []
    context = make_context(add_item=lambda label, family: calls.append(label))
    page = make_page(qtbot, Perspective.D, context=context)
    page.picker.filter.setFocus()
    qtbot.keyClicks(page.picker.filter, "He storms out of the bay.")

    def answer(box) -> None:  # noqa: ANN001
        assert "matches no item" in box.text()
        assert box.defaultButton().text().replace("&", "") == "Add as a contribution"
        box.defaultButton().click()

    when_dialog_opens(qtbot, answer, QMessageBox)
    qtbot.keyClick(page.picker.filter, ENTER)
    assert calls == [] and part(page, "items") == []
    assert card_texts(page) == ["He storms out of the bay."]
    assert page.picker.filter.text() == ""
