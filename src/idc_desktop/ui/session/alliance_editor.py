"""The working alliance, from the team's view: goals, tasks and bond, each rated 1 (none) to
5 (strong) or not rated yet, with a note on ruptures and repairs.

Keyboard first: Tab reaches each rating, then its notes. In a rating, press a digit 1-5 to set
it, Up/Down to step it, and 0, Backspace or Delete (or Down past 1) for "not rated". Other
keys type nothing, and the spin box's range is 0-5, so a rating outside 1-5 cannot be entered. Every change is an undoable edit of the part "alliance.<dimension>";
typing in a note merges into one undo step, as typing does elsewhere.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QWheelEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QSpinBox, QWidget

from idc_desktop.ui.privacy.guard import PrivacyGuard
from idc_desktop.domain.consultation import AllianceRating
from idc_desktop.domain.cycle import RATING_MAX, RATING_MIN, RATING_WORDS, rating_word
from idc_desktop.domain.enums import AllianceDimension
from idc_desktop.domain.validation import MAX_LONG_TEXT
from idc_desktop.ui.session.document import SessionDocument
from idc_desktop.ui.session.pages.base import problem_label
from idc_desktop.ui.session.text_fields import LineEdit

NOT_RATED = 0  # the spin box value that shows "not rated"

DIMENSION_TEXT: dict[AllianceDimension, tuple[str, str]] = {
    # (label with mnemonic, the question put to the team)
    AllianceDimension.GOALS: ("&Goals", "Do we and the patient agree on what care is for?"),
    AllianceDimension.TASKS: ("&Tasks", "Do we agree on who does what to get there?"),
    AllianceDimension.BOND: ("&Bond", "Is there trust and respect, both ways?"),
}

_UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


def scale_text() -> str:
    return "  ·  ".join(f"{n} {word}" for n, word in RATING_WORDS.items())


class RatingSpinBox(QSpinBox):
    """0 ("not rated") or 1-5. Undo keys go to the editor's undo stack, and the mouse wheel only
    turns a rating that has focus, so scrolling the page never changes one by accident."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(NOT_RATED, RATING_MAX)
        self.setSpecialValueText("not rated")
        self.setCorrectionMode(QSpinBox.CorrectionMode.CorrectToPreviousValue)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(f"Press {RATING_MIN}-{RATING_MAX} or use Up/Down; 0 or Delete clears. {scale_text()}")

    def rating(self) -> int | None:
        return self.value() or None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        # One key sets the rating, whatever the cursor and selection in the text: the text
        # itself is never edited, so it can never hold something that is not a rating.
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
        text = event.text()
        if plain and text.isdigit() and len(text) == 1:
            if int(text) <= RATING_MAX:
                self.setValue(int(text))
                self.selectAll()
            event.accept()  # 6-9: refused, nothing typed
            return
        if plain and event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.setValue(NOT_RATED)
            self.selectAll()
            event.accept()
            return
        if plain and text and text.isprintable():
            event.accept()  # letters, signs, spaces: not a rating
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and any(event.matches(k) for k in _UNDO_KEYS)):
            event.ignore()  # let the editor's Undo/Redo actions have it
            return False
        return super().event(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt API
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class AllianceEditor(QWidget):
    def __init__(self, doc: SessionDocument, parent: QWidget | None = None, *, guard: PrivacyGuard | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("allianceEditor")
        self.setAccessibleName("Working alliance")
        self.doc = doc
        self._loading = False
        self.ratings: dict[AllianceDimension, RatingSpinBox] = {}
        self.words: dict[AllianceDimension, QLabel] = {}
        self.notes: dict[AllianceDimension, LineEdit] = {}
        self.problem = problem_label()

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        scale = QLabel(f"Rate from the team's view: {scale_text()}", objectName="allianceScale")
        scale.setWordWrap(True)
        grid.addWidget(scale, 0, 0, 1, 4)
        for row, dimension in enumerate(AllianceDimension, start=1):
            mnemonic, question = DIMENSION_TEXT[dimension]
            name = dimension.value.capitalize()
            label = QLabel(mnemonic)
            label.setToolTip(question)
            spin = RatingSpinBox()
            spin.setObjectName(f"alliance{name}Rating")
            spin.setAccessibleName(f"{name} rating")
            label.setBuddy(spin)
            word = QLabel(objectName=f"alliance{name}Word")
            word.setMinimumWidth(word.fontMetrics().horizontalAdvance("not rated") + 8)
            notes = LineEdit(guard=guard)
            notes.setObjectName(f"alliance{name}Notes")
            notes.setAccessibleName(f"{name}: notes on ruptures and repairs")
            notes.setPlaceholderText(f"{question} Ruptures, ways to repair…")
            spin.valueChanged.connect(lambda value, d=dimension: self._rated(d, value))
            notes.textChanged.connect(lambda text, d=dimension: self._noted(d, text))
            grid.addWidget(label, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(word, row, 2)
            grid.addWidget(notes, row, 3)
            self.ratings[dimension], self.words[dimension], self.notes[dimension] = spin, word, notes
        grid.addWidget(self.problem, len(AllianceDimension) + 1, 0, 1, 4)
        grid.setColumnStretch(3, 1)

        order = [w for d in AllianceDimension for w in (self.ratings[d], self.notes[d])]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)

        doc.changed.connect(self._changed)
        for dimension in AllianceDimension:
            self._load(dimension)

    # --- the document's side ---------------------------------------------------
    @staticmethod
    def part(dimension: AllianceDimension) -> str:
        return f"alliance.{dimension.value}"

    def _stored(self, dimension: AllianceDimension) -> AllianceRating:
        return self.doc.get(self.part(dimension)) or AllianceRating()

    def _changed(self, part: str) -> None:
        for dimension in AllianceDimension:
            if part in (self.part(dimension), "*"):
                self._load(dimension)

    def _load(self, dimension: AllianceDimension) -> None:
        stored = self._stored(dimension)
        rating = stored.rating if stored.rating in RATING_WORDS else None  # bad data shows as not rated
        self._loading = True
        try:
            spin = self.ratings[dimension]
            if spin.value() != (rating or NOT_RATED):
                spin.setValue(rating or NOT_RATED)
            notes = self.notes[dimension]
            if notes.text() != stored.notes:
                position = notes.cursorPosition()
                notes.setText(stored.notes)
                notes.setCursorPosition(min(position, len(stored.notes)))
        finally:
            self._loading = False
        self._show_word(dimension, rating)

    # --- the user's side ---------------------------------------------------------
    def _rated(self, dimension: AllianceDimension, value: int) -> None:
        rating = value or None
        self._show_word(dimension, rating)
        if self._loading:
            return
        stored = self._stored(dimension)
        self.doc.edit(self.part(dimension), AllianceRating(rating, stored.notes),
                      f"Rate the alliance: {dimension.value} {rating_word(rating)}")

    def _noted(self, dimension: AllianceDimension, text: str) -> None:
        if self._loading:
            return
        if len(text) > MAX_LONG_TEXT:
            # Keep what was typed on screen; store nothing past the limit, and say so.
            self._show_problem(f"The {dimension.value} note is too long: {len(text):,} characters, "
                               f"the limit is {MAX_LONG_TEXT:,}. Shorten it to save the change.")
            return
        self._show_problem("")
        stored = self._stored(dimension)
        self.doc.edit(self.part(dimension), AllianceRating(stored.rating, text),
                      f"Edit alliance {dimension.value} notes", merge=True)

    def _show_word(self, dimension: AllianceDimension, rating: int | None) -> None:
        # The rating already reads "not rated"; the word beside it only names a real rating.
        self.words[dimension].setText(rating_word(rating) if rating else "")
        self.ratings[dimension].setAccessibleDescription(
            f"{DIMENSION_TEXT[dimension][1]} Now: {rating_word(rating)}."
        )

    def _show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    # --- for callers and tests ---------------------------------------------------------
    def set_rating(self, dimension: AllianceDimension, rating: int | None) -> None:
        """Rate one dimension, as if typed; None clears it. Outside 1-5 is refused."""
        if rating is not None and rating not in RATING_WORDS:
            raise ValueError(f"an alliance rating is {RATING_MIN} to {RATING_MAX}, not {rating}")
        self.ratings[dimension].setValue(rating or NOT_RATED)

    def rating(self, dimension: AllianceDimension) -> int | None:
        return self.ratings[dimension].rating()

    def focus_first(self) -> None:
        self.ratings[AllianceDimension.GOALS].setFocus(Qt.FocusReason.TabFocusReason)
