"""Review of last session's actions: the first thing a follow-up session does.

`start()` copies the previous session's open actions into the new session as open actions
with `carried_from` set. Here the group goes through them one by one: Done, Not done (it
stays open and carries over), Changed (it stays open with new words) or Dropped. The
choice lives in the session itself (status and text of the carried action), so it is
saved, undone and redone like every other edit; nothing is kept only on screen, except
which action is being re-worded right now.

Keyboard: Up/Down move between actions, D / N / C / X choose; after C type the new words,
Enter or Esc goes back to the list. Only the current action is a Tab stop, so Tab leaves
the panel in one step.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from idc_desktop.ui.privacy.guard import PrivacyGuard
from idc_desktop.domain import ActionStatus, Consultation, PlanAction
from idc_desktop.ui.session.document import SessionDocument
from idc_desktop.ui.session.tables.keys import chain_tab_order
from idc_desktop.ui.session.pages.base import problem_label
from idc_desktop.ui.session.plan.dates import show_date
from idc_desktop.ui.session.text_fields import LineEdit

PART = "plan.actions"


class Choice(StrEnum):
    UNREVIEWED = "not reviewed yet"  # nobody has spoken about it yet: no verdict presumed
    DONE = "done"
    NOT_DONE = "not done"
    CHANGED = "changed"
    DROPPED = "dropped"


# choice -> (button text, key, what it means)
CHOICES: dict[Choice, tuple[str, Qt.Key, str]] = {
    Choice.DONE: ("Done  [D]", Qt.Key.Key_D, "Done: the action is complete"),
    Choice.NOT_DONE: ("Not done  [N]", Qt.Key.Key_N, "Not done: it stays open and carries over"),
    Choice.CHANGED: ("Changed  [C]", Qt.Key.Key_C, "Changed: it stays open with new words"),
    Choice.DROPPED: ("Dropped  [X]", Qt.Key.Key_X, "Dropped: no longer needed"),
}
_BY_KEY = {key: choice for choice, (_, key, _) in CHOICES.items()}
HINT = "↑/↓ move between actions · D done · N not done (stays open) · C changed (edit the words) · X dropped"

_STYLE = """
QFrame#reviewRow { border: 1px solid palette(mid); border-radius: 6px; }
QFrame#reviewRow:focus { border: 3px solid palette(highlight); }
QLabel#reviewActionText { font-weight: 600; }
QPushButton:checked { background: palette(highlight); color: palette(highlighted-text); font-weight: 600; }
"""


def choice_of(action: PlanAction, original_text: str, rewording: bool = False) -> Choice:
    """What the group decided about a carried action, read back from the action itself."""
    if not action.reviewed and not rewording:
        return Choice.UNREVIEWED
    if action.status is ActionStatus.DONE:
        return Choice.DONE
    if action.status is ActionStatus.DROPPED:
        return Choice.DROPPED
    return Choice.CHANGED if rewording or action.text != original_text else Choice.NOT_DONE


class ReviewRow(QFrame):
    """One carried action: what was agreed last time, and the group's choice."""

    def __init__(self, review: ActionReview, slot: int) -> None:
        super().__init__()
        self.review, self.slot = review, slot
        self.setObjectName("reviewRow")
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        self.text = QLabel(objectName="reviewActionText")
        self.text.setWordWrap(True)
        self.details = QLabel(objectName="reviewActionDetails")
        self.details.setWordWrap(True)
        self.now = QLabel(objectName="reviewActionNow")
        self.now.setWordWrap(True)

        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[Choice, QPushButton] = {}
        buttons = QHBoxLayout()
        for choice, (label, _key, tip) in CHOICES.items():
            button = QPushButton(label, objectName=f"review{choice.title().replace(' ', '')}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the row takes the keys; see HINT
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(lambda _=False, c=choice: self.review.choose(self.slot, c))
            self.group.addButton(button)
            self.buttons[choice] = button
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.edit = LineEdit(guard=review.guard)
        self.edit.setObjectName("reviewChangedText")
        self.edit.setAccessibleName("New words for the action")
        self.edit.setPlaceholderText("The action as now agreed")
        self.edit.textEdited.connect(lambda text: self.review.reword(self.slot, text))
        self.edit.installEventFilter(self)
        self.edit.hide()
        self.problem = problem_label()

        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.details)
        layout.addWidget(self.now)
        layout.addLayout(buttons)
        layout.addWidget(self.edit)
        layout.addWidget(self.problem)

    def show_action(self, action: PlanAction, original: PlanAction, choice: Choice, number: int, total: int) -> None:
        self.text.setText(f"{number}. {original.text}")
        owner = f"Owner: {original.owner_role}" if original.owner_role else "No owner"
        due = f"due {show_date(original.due_on)}" if original.due_on else "no due date"
        self.details.setText(f"{owner} · {due}")
        rewording = choice is Choice.CHANGED
        self.now.setText(f"Now: {action.text}")
        self.now.setVisible(action.text != original.text and not rewording)  # the box shows it while re-wording
        if choice is Choice.UNREVIEWED:
            self.group.setExclusive(False)  # an exclusive group cannot have no button checked
            for button in self.buttons.values():
                button.setChecked(False)
            self.group.setExclusive(True)
        else:
            self.buttons[choice].setChecked(True)
        if self.edit.text() != action.text:
            self.edit.setText(action.text)
        self.edit.setVisible(rewording)
        if not rewording:
            self.show_problem("")
        self.setAccessibleName(f"Action {number} of {total}: {original.text}")
        self.setAccessibleDescription(
            f"{owner}, {due}. Now {choice.value}"
            + (f": {action.text}" if action.text != original.text else "")
            + ". Keys: D done, N not done, C changed, X dropped."
        )

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    # -- keys -------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        mods = event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)
        key = event.key()
        if not mods and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.review.move(self.slot + (1 if key == Qt.Key.Key_Down else -1))
            return
        if not mods and key in _BY_KEY:
            self.review.choose(self.slot, _BY_KEY[key])
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        # Enter or Esc in the re-wording box goes back to the row; the words are already kept.
        if (
            watched is self.edit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)
        ):
            self.review.finish_rewording(self.slot)
            return True
        return False

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        self.review.make_current(self.slot)
        super().focusInEvent(event)


class ActionReview(QFrame):
    """The panel; hidden while the session has no carried actions."""

    def __init__(self, doc: SessionDocument, previous: Consultation | None, parent: QWidget | None = None, *,
                 guard: PrivacyGuard | None = None) -> None:
        super().__init__(parent)
        self.doc, self.guard = doc, guard
        self.setObjectName("actionReview")
        self.setAccessibleName("Review of last session's actions")
        self.setStyleSheet(_STYLE)
        self._previous = {a.id: a for a in previous.plan.actions if a.id is not None} if previous else {}
        self._first_seen: dict[int, PlanAction] = {}  # originals when the previous session is not at hand
        self._rewording: set[int] = set()  # carried_from of actions being re-worded now
        self._entries: list[tuple[int, PlanAction]] = []  # (position in plan.actions, action)
        self.rows: list[ReviewRow] = []
        self.current = 0

        title = QLabel("Review of last session's actions", objectName="actionReviewTitle")
        title.setStyleSheet("font-size: 14pt; font-weight: 700;")
        hint = QLabel(HINT, objectName="actionReviewHint")
        hint.setWordWrap(True)
        self.summary = QLabel(objectName="actionReviewSummary")
        self.summary.setWordWrap(True)
        self._rows_layout = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(self._rows_layout)
        layout.addWidget(self.summary)

        doc.changed.connect(self._changed)
        self.load()

    # -- what is shown ----------------------------------------------------------------------------

    def original(self, action: PlanAction) -> PlanAction:
        """The action as agreed last session (the previous session's own record when available)."""
        assert action.carried_from is not None
        found = self._previous.get(action.carried_from)
        if found is not None:
            return found
        return self._first_seen.setdefault(action.carried_from, action)

    def entries(self) -> list[tuple[int, PlanAction]]:
        return list(self._entries)

    def has_actions(self) -> bool:
        return bool(self._entries)

    def has_open(self) -> bool:
        return any(a.status is ActionStatus.OPEN for _, a in self._entries)

    def choice(self, slot: int) -> Choice:
        _, action = self._entries[slot]
        return choice_of(action, self.original(action).text, action.carried_from in self._rewording)

    def _changed(self, part: str) -> None:
        if part in (PART, "*"):
            self.load()

    def load(self) -> None:
        actions: list[PlanAction] = self.doc.get(PART)
        self._entries = [(i, a) for i, a in enumerate(actions) if a.carried_from is not None]
        total = len(self._entries)
        while len(self.rows) < total:
            # Rows are kept, never deleted, so the focus chain keeps its order.
            row = ReviewRow(self, len(self.rows))
            self.rows.append(row)
            self._rows_layout.addWidget(row)
            self._chain()
        for slot, row in enumerate(self.rows):
            if slot < total:
                _, action = self._entries[slot]
                row.show_action(action, self.original(action), self.choice(slot), slot + 1, total)
            row.setVisible(slot < total)
        self.current = min(self.current, max(total - 1, 0))
        self._rove()
        counts = {c: 0 for c in Choice}
        for slot in range(total):
            counts[self.choice(slot)] += 1
        self.summary.setText(
            f"{total} action{'s' if total != 1 else ''} from last session: {counts[Choice.DONE]} done, "
            f"{counts[Choice.CHANGED]} changed, {counts[Choice.NOT_DONE]} not done (still open), "
            f"{counts[Choice.DROPPED]} dropped"
            + (f", {counts[Choice.UNREVIEWED]} not reviewed yet." if counts[Choice.UNREVIEWED] else ".")
        )
        if self.parentWidget() is not None or not total:
            # (Showing a widget with no parent yet would open it as a window of its own.)
            self.setVisible(total > 0)

    def _chain(self) -> None:
        chain_tab_order(self.tab_widgets())

    def tab_widgets(self) -> list[QWidget]:
        widgets: list[QWidget] = []
        for row in self.rows:
            widgets += [row, row.edit]
        return widgets

    def _rove(self) -> None:
        """Only the current row is a Tab stop."""
        for slot, row in enumerate(self.rows):
            row.setFocusPolicy(Qt.FocusPolicy.StrongFocus if slot == self.current else Qt.FocusPolicy.ClickFocus)

    # -- keyboard -----------------------------------------------------------------------------------

    def make_current(self, slot: int) -> None:
        if slot != self.current and 0 <= slot < len(self._entries):
            self.current = slot
            self._rove()

    def move(self, slot: int) -> None:
        if 0 <= slot < len(self._entries):
            self.make_current(slot)
            self.rows[slot].setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_first(self) -> None:
        if self._entries:
            self.move(self.current)

    def finish_rewording(self, slot: int) -> None:
        if 0 <= slot < len(self._entries):
            _, action = self._entries[slot]
            self._rewording.discard(action.carried_from)  # type: ignore[arg-type]
            self.load()
            self.move(slot)

    # -- the group's choices ------------------------------------------------------------------------

    def choose(self, slot: int, choice: Choice) -> None:
        if not 0 <= slot < len(self._entries):
            return
        position, _ = self._entries[slot]
        actions: list[PlanAction] = self.doc.get(PART)
        action = actions[position]
        assert action.carried_from is not None
        self.make_current(slot)
        action.reviewed = True
        if choice is Choice.CHANGED:
            self._rewording.add(action.carried_from)
            action.status = ActionStatus.OPEN
        else:
            self._rewording.discard(action.carried_from)
            if choice is Choice.DONE:
                action.status = ActionStatus.DONE
            elif choice is Choice.DROPPED:
                action.status = ActionStatus.DROPPED
            else:  # not done: carried over as agreed last time
                action.status = ActionStatus.OPEN
                action.text = self.original(action).text
        before = self.doc.revision
        self.doc.edit(PART, actions, f"Review action: {choice.value}")
        if self.doc.revision == before:
            self.load()  # nothing stored changed (e.g. C on an open action): show the choice anyway
        row = self.rows[slot]
        if choice is Choice.CHANGED:
            row.edit.setFocus(Qt.FocusReason.OtherFocusReason)
            row.edit.selectAll()
        else:
            row.setFocus(Qt.FocusReason.OtherFocusReason)

    def reword(self, slot: int, text: str) -> None:
        """The group's new words for a changed action: it stays open with them."""
        if not 0 <= slot < len(self._entries):
            return
        row = self.rows[slot]
        if not text.strip():
            row.show_problem("An action needs some words: type what the team now agrees to do.")
            return
        row.show_problem("")
        position, _ = self._entries[slot]
        actions: list[PlanAction] = self.doc.get(PART)
        actions[position].text = text
        actions[position].status = ActionStatus.OPEN
        actions[position].reviewed = True
        self.doc.edit(PART, actions, "Review action: new words", merge=True)
