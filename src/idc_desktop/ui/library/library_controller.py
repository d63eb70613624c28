"""What the case library does: query as the user types, filter, and run the case actions."""

from __future__ import annotations

from html import escape
from pathlib import Path

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from idc_desktop.domain import Case, CaseFilter, CaseSort, CaseStatus, CaseSummary
from idc_desktop.domain.errors import IdcError
from idc_desktop.ui.dialogs.case_form import CaseForm
from idc_desktop.ui.library.case_table_model import ID_ROLE
from idc_desktop.ui.library.library_view import ALL_SPECIALTIES, ALL_STATUSES, LibraryView

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window is painted
    from idc_desktop.services import Services
    from idc_desktop.ui.privacy.guard import PrivacyGuard

_STATUS_CHOICES = ((ALL_STATUSES, None), ("Open", CaseStatus.OPEN), ("Closed", CaseStatus.CLOSED))


def welcome_text(log: Path) -> str:
    """What an empty log says to a newcomer: how to start, and where the log is kept."""
    folder = escape(str(log.parent))
    return (
        "<h2>Welcome to IDC Desktop</h2>"
        "<p><b>Press Ctrl+N</b> to add the first case (a random code, the specialty, the referral in "
        "general terms), then <b>Ctrl+Shift+N</b> to start its first session.</p>"
        "<p>To look around first, start the app with <code>idc-desktop --demo</code>: a throwaway log of "
        "fictitious cases, kept apart from this one.<br>"
        "Cases from another computer: File › Import cases… (<b>Ctrl+I</b>).<br>"
        "<b>F1</b> opens the guide: the IDC model, every phase, keeping the log anonymous.</p>"
        f"<p>This log is kept in {folder}, readable by your account only, backed up by itself "
        "(backups/ beside it; File › Back up now… for a copy of your own). It never leaves this "
        "computer: the app opens no network connection.</p>"
    )


class LibraryController(QObject):
    selection_changed = Signal(object)  # CaseSummary | None
    case_activated = Signal(int)  # case id (double-click or Enter)
    message = Signal(str)  # a status-bar line

    def __init__(self, view: LibraryView, services: Services, parent: QObject | None = None,
                 guard: PrivacyGuard | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.services = services
        self.guard = guard
        self._sort, self._descending = CaseSort.CODE, False
        view.model.sort_requested.connect(self._sort_by)
        for label, status in _STATUS_CHOICES:
            view.status_filter.addItem(label, status)
        self.reload_specialties()
        view.search.textChanged.connect(self.refresh)
        view.status_filter.currentIndexChanged.connect(self.refresh)
        view.specialty_filter.currentIndexChanged.connect(self.refresh)
        view.table.selectionModel().selectionChanged.connect(self._emit_selection)
        view.table.activated.connect(self._activated)
        view.search.installEventFilter(self)  # Down, Enter and Esc in the search box
        self.refresh()

    # --- reading -----------------------------------------------------------
    def current_filter(self) -> CaseFilter:
        specialty = self.view.specialty_filter.currentData()
        status = self.view.status_filter.currentData()  # Qt hands enum data back as a plain string
        return CaseFilter(
            text=self.view.search.text(),
            status=CaseStatus(status) if status else None,
            specialty=specialty or None,
            sort=self._sort,
            descending=self._descending,
        )

    def _sort_by(self, sort: CaseSort, descending: bool) -> None:
        if (sort, descending) != (self._sort, self._descending):
            self._sort, self._descending = sort, descending
            self.refresh()

    def _fetch(self, flt: CaseFilter):  # noqa: ANN202
        """How the model gets a page of rows; a store error shows as a message, not a crash."""

        def fetch(offset: int, limit: int) -> list[CaseSummary]:
            try:
                return self.services.cases.page(flt, offset, limit)
            except IdcError as exc:
                self.message.emit(str(exc))
                return []

        return fetch

    def refresh(self) -> None:
        keep = self.selected()
        flt = self.current_filter()
        try:
            shown = self.services.cases.matching(flt)
            filtered = bool(flt.text.strip() or flt.status or flt.specialty)
            total = self.services.cases.count() if filtered else shown
        except IdcError as exc:
            self._error(exc)
            return
        self.view.model.set_source(shown, self._fetch(flt))
        self.view.count_label.setText(
            f"{shown:,} of {total:,} cases" if shown != total else f"{total:,} case{'s' if total != 1 else ''}"
        )
        if total == 0:
            self.view.show_hint(welcome_text(self.services.store.path))
        elif not shown:
            self.view.show_hint("No case matches this search and these filters.")
        else:
            self.view.show_hint(None)
        if (keep is None or not self._select_shown(keep.id)) and shown:
            # Always a case in hand, so arrows, Enter and Ctrl+Shift+N work straight from the keyboard.
            first = self.view.model.index(0, 0)
            self.view.table.selectionModel().select(
                first, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.view.table.setCurrentIndex(first)
        self._emit_selection()

    def reload_specialties(self) -> None:
        combo = self.view.specialty_filter
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(ALL_SPECIALTIES, None)
        for specialty in self.services.vocabulary.specialties():
            combo.addItem(specialty, specialty)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def selected(self) -> CaseSummary | None:
        rows = self.view.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.view.model.summary(rows[0].row())

    def _select_shown(self, case_id: int) -> bool:
        """Keep a selection across a refresh when the case is on the first page (cheap)."""
        model = self.view.model
        model.summary(0)  # the page the view is about to paint anyway
        row = model.row_of(case_id)
        return row is not None and self._select_row(row)

    def select_case(self, case_id: int) -> bool:
        """Select a case wherever it is in the list (the store says where); False if hidden."""
        row = self.view.model.row_of(case_id)
        if row is None:
            try:
                row = self.services.cases.position(self.current_filter(), case_id)
            except IdcError:
                row = None
        return row is not None and self._select_row(row)

    def _select_row(self, row: int) -> bool:
        index = self.view.model.index(row, 0)
        self.view.table.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.table.setCurrentIndex(index)
        self.view.table.scrollTo(index)
        return True

    def _emit_selection(self, *_: object) -> None:
        self.selection_changed.emit(self.selected())

    def _activated(self, index: QModelIndex) -> None:
        self.case_activated.emit(int(index.data(ID_ROLE)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """The search box leads into its results: Down moves into the table, Enter opens the
        case in hand, Esc clears the search (a second Esc is the window's)."""
        if watched is not self.view.search or not isinstance(event, QKeyEvent):
            return False
        key, plain = event.key(), not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.type() == QEvent.Type.ShortcutOverride and key == Qt.Key.Key_Escape and self.view.search.text():
            event.accept()
            return True
        if event.type() != QEvent.Type.KeyPress or not plain:
            return False
        if key == Qt.Key.Key_Down and self.view.model.rowCount():
            self.view.table.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            current = self.view.table.currentIndex()
            if current.isValid() and self.selected() is not None:
                self._activated(current)
            return True
        if key == Qt.Key.Key_Escape and self.view.search.text():
            self.view.search.clear()
            return True
        return False

    # --- actions -------------------------------------------------------------
    def _parent(self) -> QWidget:
        return self.view.window()

    def new_case(self) -> Case | None:
        blank = Case(code=self.services.cases.suggest_code(), specialty="")
        return self._run_form(blank, self.services.cases.create, f"Created case {{code}}.")

    def edit_case(self) -> Case | None:
        summary = self.selected()
        if summary is None:
            return None
        try:
            case = self.services.cases.get(summary.id)
        except IdcError as exc:
            return self._error(exc)
        return self._run_form(case, self.services.cases.update, "Saved case {code}.")

    def _run_form(self, case: Case, save, done: str) -> Case | None:  # noqa: ANN001
        form = CaseForm(
            case, self.services.vocabulary.specialties(), save, self.services.cases.suggest_code, self._parent(),
            self.guard,
        )
        accepted = form.exec() == CaseForm.DialogCode.Accepted
        saved = form.saved
        form.deleteLater()  # a modal dialog lives on as the window's child otherwise
        if not accepted or saved is None:
            return None
        if saved.specialty not in self.services.vocabulary.specialties():
            self.services.vocabulary.add("specialty", saved.specialty)
        self.reload_specialties()
        self.refresh()
        if saved.id is not None and not self.select_case(saved.id):
            # The new case is hidden by the search or filters: clear them so it can be seen.
            self.clear_filters()
            self.select_case(saved.id)
        # The case in hand, with the keyboard on it: Ctrl+Shift+N starts its session at once,
        # and typing does not wander into the search box.
        self.view.window().activateWindow()
        self.view.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.message.emit(done.format(code=saved.code))
        return saved

    def clear_filters(self) -> None:
        for widget in (self.view.search, self.view.status_filter, self.view.specialty_filter):
            widget.blockSignals(True)
        self.view.search.clear()
        self.view.status_filter.setCurrentIndex(0)
        self.view.specialty_filter.setCurrentIndex(0)
        for widget in (self.view.search, self.view.status_filter, self.view.specialty_filter):
            widget.blockSignals(False)
        self.refresh()

    def toggle_closed(self) -> None:
        summary = self.selected()
        if summary is None:
            return
        new_status = CaseStatus.OPEN if summary.status is CaseStatus.CLOSED else CaseStatus.CLOSED
        try:
            self.services.cases.set_status(summary.id, new_status)
        except IdcError as exc:
            self._error(exc)
            return
        self.refresh()
        self.select_case(summary.id)  # keep it in hand, wherever the new status puts it
        verb = "Reopened" if new_status is CaseStatus.OPEN else "Closed"
        self.message.emit(f"{verb} case {summary.code}.")

    def delete_case(self) -> bool:
        summary = self.selected()
        if summary is None:
            return False
        sessions = f" and its {summary.sessions} session{'s' if summary.sessions != 1 else ''}" if summary.sessions else ""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Delete case",
            f"Delete case {summary.code}{sessions}?\n\nThis cannot be undone. "
            "A backup taken earlier still holds it.",
            QMessageBox.StandardButton.Cancel,
            self._parent(),
        )
        delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # Enter must not delete
        box.setObjectName("confirmDelete")
        box.exec()
        confirmed = box.clickedButton() is delete
        box.deleteLater()
        if not confirmed:
            return False
        try:
            self.services.cases.delete(summary.id)
        except IdcError as exc:
            self._error(exc)
            return False
        self.refresh()
        self.message.emit(f"Deleted case {summary.code}.")
        return True

    def _error(self, exc: Exception) -> None:
        QMessageBox.warning(self._parent(), "IDC Desktop", str(exc))
        return None
