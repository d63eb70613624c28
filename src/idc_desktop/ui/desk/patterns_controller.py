"""Patterns across the log: fills the page from `DeskService.patterns` as the filter changes.

View › Patterns across the log (Ctrl+Shift+P); the page is made the first time it is asked
for. A filter change is counted after a short pause (`REFRESH_MS`), so stepping through dates
with the arrow keys does not count every day on the way, and the counting runs in a worker
thread (`BackgroundTask`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from idc_desktop.domain import wording
from idc_desktop.domain.cycle import PERSPECTIVE_TITLES, RATING_WORDS
from idc_desktop.domain.enums import Perspective, Setting
from idc_desktop.domain.errors import Cancelled, IdcError
from idc_desktop.export.files import write_atomically
from idc_desktop.ui.background import BackgroundTask, run_and_wait
from idc_desktop.domain.patterns import RECURRING, PatternFilter, Patterns
from idc_desktop.ui.desk.due_models import Column
from idc_desktop.ui.desk.patterns_view import PatternsView
from idc_desktop.ui.theme_tokens import set_tone

if TYPE_CHECKING:
    from idc_desktop.ui.shell.context import ShellContext

REFRESH_MS = 250
COUNTING = "Counting…"
PDF_NAME = "idc-patterns.pdf"
EMPTY_LOG = "The log has no sessions yet: patterns appear here once sessions are recorded."
NO_MATCH = ("No sessions match this filter ({what}). Widen the dates, or choose all specialties or all "
            "settings.")


def _col(heading: str, index: int) -> Column:
    return Column(heading, lambda row, i=index: str(row[i]))


def section_columns() -> dict[str, tuple[str, tuple[Column, ...], bool]]:
    """Each section: its title, its table's columns (over tuples) and whether the chart stands up."""
    sections: dict[str, tuple[str, tuple[Column, ...], bool]] = {
        f"items{p.value}": (f"Chosen most often in {p.value}: {PERSPECTIVE_TITLES[p].lower()}",
                            (_col("Item", 0), _col("Sessions", 1)), False) for p in Perspective}
    sections["combinations"] = ("Recurring A-D combinations (the first item chosen in each)",
                                (_col("Combination", 0), _col("Sessions", 1)), False)
    sections["discipline"] = ("D, what staff feel and do, by discipline",
                              (_col("Discipline", 0), _col("D contributions", 1), _col("Sessions", 2),
                               _col("D items most chosen there", 3)), False)
    sections["alliance"] = ("Working alliance ratings (mean of the sessions rated)",
                            (_col("Dimension", 0), _col("Rated", 1), _col("Mean", 2),
                             *(_col(word, 2 + r) for r, word in RATING_WORDS.items())), False)
    sections["months"] = ("Sessions per month", (_col("Month", 0), _col("Sessions", 1)), True)
    sections["actions"] = ("Actions agreed, and what their review made of them",
                           (_col("At review", 0), _col("Actions", 1)), False)
    return sections


def month_name(key: str) -> str:
    year, month = key.split("-")
    return date(int(year), int(month), 1).strftime("%b %Y")


def describe(f: PatternFilter) -> str:
    dates = ("all dates" if f.start is None else f"{wording.day(f.start)} to {wording.day(f.end)}")
    return ", ".join([dates, f.specialty or "all specialties", wording.term(f.setting) if f.setting else "all settings"])


def summary_text(p: Patterns) -> str:
    parts = [f"{wording.count(p.sessions, 'session')} of {wording.count(p.cases, 'case')} ({describe(p.filter)})"]
    if p.sessions_with_items < p.sessions:
        parts.append(f"{p.sessions - p.sessions_with_items} with nothing chosen in A-D")
    share = p.actions_done_share
    if share is not None:
        parts.append(f"{share:.0%} of the actions reviewed were done")
    return "; ".join(parts) + "."


def fill(view: PatternsView, p: Patterns) -> None:
    """Put the patterns on the page (the benchmark times this with the counting)."""
    set_tone(view.summary, "")
    if p.is_empty():
        view.summary.setText(EMPTY_LOG if p.filter == PatternFilter() else NO_MATCH.format(what=describe(p.filter)))
        view.show_sections(False)
        return
    view.summary.setText(summary_text(p))
    view.show_sections(True)
    s = view.sections
    for perspective in Perspective:
        rows = [(t.name, t.count) for t in p.items[perspective]]
        s[f"items{perspective.value}"].show_rows(rows, rows, f"Nothing chosen in {perspective.value} in these sessions.")
    rows = [(t.name, t.count) for t in p.combinations]
    s["combinations"].show_rows(rows, rows, f"No combination recurs yet: it takes {RECURRING} sessions whose first "
                                "items in A, B, C and D are the same.")
    rows = [(d.discipline, d.contributions, d.sessions, ", ".join(d.top_items) or "none") for d in p.discipline_d]
    s["discipline"].show_rows(rows, [(r[0], r[1]) for r in rows],
                              "No contribution in D was noted with a discipline in these sessions.")
    rated = [a for a in p.alliance if a.rated]
    rows = [(a.dimension.value.capitalize(), a.rated, f"{a.mean:.1f}", *(a.counts.get(r, 0) for r in RATING_WORDS))
            for a in rated]
    s["alliance"].show_rows(rows, [(a.dimension.value.capitalize(), a.mean) for a in rated],
                            "No alliance ratings in these sessions.", "{:.1f}")
    rows = [(month_name(t.name), t.count) for t in p.months]
    s["months"].show_rows(rows, rows, "No sessions in these months.")
    rows = [(t.name, t.count) for t in p.actions]
    s["actions"].show_rows(rows, rows, "No actions were agreed in these sessions.")


class PatternsController(QObject):
    def __init__(self, ctx: ShellContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.view = PatternsView(section_columns())
        self.view.back_requested.connect(lambda: ctx.library.show())
        self.timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.view.filter_changed.connect(self.timer.start)
        self.view.save_pdf.clicked.connect(self.save_pdf)
        self.patterns: Patterns | None = None
        self.task: BackgroundTask | None = None
        self.busy = False  # a count is on its way
        self._generation = 0

    def current_filter(self) -> PatternFilter:
        v = self.view
        start = end = None
        if not v.all_dates.isChecked():
            start, end = (QDate.toPython(edit.date()) for edit in (v.start, v.end))
        return PatternFilter(start, end, v.specialty.currentData(), v.setting.currentData())

    def show(self) -> None:
        ctx = self.ctx
        if ctx.services is None or not ctx.sessions.leave():
            return
        try:
            specialties, _settings = ctx.services.desk.specialties_and_settings()
        except IdcError:
            specialties = []
        self.view.set_choices(specialties, [(wording.term(s), s.value) for s in Setting])
        self.refresh()
        ctx.show_page(self.view)
        self.view.focus_first()

    def refresh(self) -> None:
        """Count for the current filter in a worker thread (a whole log takes a few hundred ms, and
        this runs from a timer: the event loop must not wait); a result overtaken by a newer
        filter is dropped."""
        self.timer.stop()
        f = self.current_filter()
        if problem := f.problem():  # a range that ends before it starts: said on the page, in words
            self._generation += 1
            self._show_problem(problem)
            return
        self._generation += 1
        generation = self._generation
        self.busy = True
        set_tone(self.view.summary, "")
        self.view.summary.setText(COUNTING)
        services = self.ctx.services
        task = BackgroundTask(lambda _progress: services.desk.patterns(f), self)
        task.succeeded.connect(lambda patterns: self._arrived(generation, patterns))
        task.failed.connect(lambda message: self._arrived(generation, None, message))
        self.task = task.start()

    def save_pdf(self) -> Path | None:
        """The patterns shown, as a PDF: through the findings gate, written off the GUI thread."""
        ctx, w, patterns = self.ctx, self.ctx.host, self.patterns
        if patterns is None or self.busy:
            return None
        from idc_desktop.ui.privacy.findings_gate import acknowledge_findings

        if not acknowledge_findings(w, ctx.services.desk.patterns_findings(patterns), "Export"):
            return None
        chosen, _ = QFileDialog.getSaveFileName(w, "Save the patterns", str(ctx.settings.export_folder / PDF_NAME),
                                                "PDF files (*.pdf)")
        if not chosen:
            return None
        from idc_desktop.ui.export.pdf_dialog import default_paper

        path, paper, desk = Path(chosen), default_paper(ctx.settings), ctx.services.desk
        try:
            run_and_wait(w, f"Writing {path.name}\u2026",
                         lambda _progress: write_atomically(path, desk.patterns_pdf(patterns, paper)))
        except Cancelled:
            return None
        except IdcError as exc:
            QMessageBox.warning(w, "Nothing written", f"The PDF was not written.\n\n{exc}")
            return None
        ctx.settings.export_folder = path.parent
        ctx.say(f"Patterns written to {path}.", 8000)
        return path

    def _arrived(self, generation: int, patterns: Patterns | None, message: str = "") -> None:
        if generation != self._generation:
            return
        self.busy = False
        if patterns is None:
            self._show_problem(f"The patterns could not be counted: {message}")
            return
        self.patterns = patterns
        fill(self.view, patterns)

    def _show_problem(self, message: str) -> None:
        self.busy = False
        self.patterns = None
        self.view.summary.setText(message)
        set_tone(self.view.summary, "error")
        self.view.show_sections(False)
