"""Benchmark: the session editor at typing speed (QT_QPA_PLATFORM=offscreen).

- "editor: add contribution": from Enter in `contributionInput` (a real key event) to the
  contribution cards' viewport having painted the new card, on a perspective page of a
  real session in a real store with its Autosaver attached. The autosaver writes on a timer,
  off the typing path; it is flushed between runs (outside the timing) so every run starts
  from a saved session and a write never lands inside another run's window.
  Baseline: appending a row to a QStringListModel shown in a plain QListView, to its paint.
- "editor: open perspective page with 200 contributions": from constructing the page (the
  session's 200 contributions loaded from the store) to its cards' first paint.
  Baseline: a QListView over a QStringListModel of the same 200 texts, shown and painted.
- "editor: autosave write (200 contributions)" (info): one Autosaver.flush() of that
  session, i.e. the pause the GUI thread takes once per burst of typing.

Each figure is the median of several runs after warm-up runs.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WIDTH, HEIGHT = 1280, 800
PAINT_TIMEOUT_S = 5.0


def _texts(n: int) -> list[str]:
    words = "the patient says nobody listens and shouts when the visit is cut short again".split()
    return [" ".join(words[: 4 + i % 10]) + f" ({i})" for i in range(n)]


class _PaintWatch:
    """Notes Paint events on one widget (the list's viewport) through an event filter."""

    def __init__(self, widget) -> None:  # noqa: ANN001
        from PySide6.QtCore import QEvent, QObject

        outer = self

        class Filter(QObject):
            def eventFilter(self, watched, event) -> bool:  # noqa: ANN001, N802
                if event.type() == QEvent.Type.Paint:
                    outer.painted = True
                return False

        self.painted = False
        self._filter = Filter()
        widget.installEventFilter(self._filter)


def _until_painted(app, watch: _PaintWatch) -> float:  # noqa: ANN001
    """Process events until the watched widget has painted; returns perf_counter() then."""
    deadline = time.perf_counter() + PAINT_TIMEOUT_S
    while not watch.painted:
        app.processEvents()
        if time.perf_counter() > deadline:
            raise RuntimeError("the list never repainted")
    return time.perf_counter()


def _median_ms(measure: Callable[[], float], warmup: int, runs: int) -> float:
    for _ in range(warmup):
        measure()
    return statistics.median(measure() for _ in range(runs)) * 1000


def _settle(app) -> None:  # noqa: ANN001
    for _ in range(3):
        app.processEvents()


def run(quick: bool) -> list[dict]:
    from PySide6.QtCore import QStringListModel, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QListView

    from idc_desktop.domain import Case, Contribution, Perspective
    from idc_desktop.domain.parts import perspective_part
    from idc_desktop.services import open_services, shipped
    from idc_desktop.ui.session.autosave import Autosaver
    from idc_desktop.ui.session.document import SessionDocument
    from idc_desktop.ui.session.opening import editor_context
    from idc_desktop.ui.session.pages.perspective_page import PerspectivePage

    app = QApplication.instance() or QApplication([sys.argv[0]])
    warmup, runs = (2, 7) if quick else (3, 25)
    phase = next(p for p in shipped.phases() if p.perspective is Perspective.D)
    texts = _texts(200)
    results: list[dict] = []

    with tempfile.TemporaryDirectory(prefix="idc-bench-editor-") as tmp:
        services = open_services(Path(tmp))
        try:
            case = services.cases.create(Case(code="", specialty="Renal", referral_reason="Benchmark"))
            session = services.sessions.start(case.id)
            session.perspectives[Perspective.D].contributions = [
                Contribution(t, role="Staff nurse" if i % 3 else None, salient=i % 9 == 0) for i, t in enumerate(texts)
            ]
            services.sessions.save(session)
            context = editor_context(services, case.id, session.id)

            # -- open a page with 200 contributions ------------------------------------------
            def open_page() -> float:
                doc = SessionDocument(services.sessions.get(session.id))
                started = time.perf_counter()
                page = PerspectivePage(phase, doc, context)
                watch = _PaintWatch(page.cards.viewport())
                page.resize(WIDTH, HEIGHT)
                page.show()
                done = _until_painted(app, watch)
                assert page.model.rowCount() == 200
                page.close()
                page.deleteLater()
                doc.deleteLater()
                _settle(app)
                return done - started

            def open_baseline() -> float:
                started = time.perf_counter()
                view = QListView()
                view.setModel(QStringListModel(texts, view))
                watch = _PaintWatch(view.viewport())
                view.resize(WIDTH, HEIGHT)
                view.show()
                done = _until_painted(app, watch)
                view.close()
                view.deleteLater()
                _settle(app)
                return done - started

            value = _median_ms(open_page, warmup, runs)
            baseline = _median_ms(open_baseline, warmup, runs)
            results.append({
                "name": "editor: open perspective page with 200 contributions",
                "value": round(value, 3), "unit": "ms",
                "baseline": "QListView over a QStringListModel of 200 strings, shown and painted",
                "baseline_value": round(baseline, 3), "ratio": round(value / baseline, 2),
                "target": "<= 100 ms",
            })

            # -- add one contribution with Enter ---------------------------------------------
            doc = SessionDocument(services.sessions.get(session.id))
            autosaver = Autosaver(doc, services.sessions.save)
            page = PerspectivePage(phase, doc, context)
            page.resize(WIDTH, HEIGHT)
            page.show()
            _settle(app)
            page.activateWindow()
            page.focus_first()
            watch = _PaintWatch(page.cards.viewport())
            counter = iter(range(1_000_000))

            def add_card() -> float:
                page.input.setText(f"I find myself keeping the visit short, again ({next(counter)})")
                _settle(app)
                watch.painted = False
                started = time.perf_counter()
                QTest.keyClick(page.input, Qt.Key.Key_Return)
                done = _until_painted(app, watch)
                assert not page.input.text()
                autosaver.flush()  # the timed write, done here so no run pays for another's
                return done - started

            adds = _median_ms(add_card, warmup, runs)
            rows = page.model.rowCount()
            stored = services.sessions.get(session.id).perspectives[Perspective.D].contributions
            assert len(stored) == rows, "autosave did not store the added contributions"

            def save_once() -> float:
                contributions = doc.get(perspective_part(Perspective.D, "contributions"))
                doc.edit(perspective_part(Perspective.D, "summary"), f"summary {next(counter)}", "Edit summary")
                assert contributions
                started = time.perf_counter()
                autosaver.flush()
                return time.perf_counter() - started

            save_ms = _median_ms(save_once, 1, 5 if quick else 11)
            page.close()
            page.deleteLater()
            _settle(app)

            model = QStringListModel(texts)
            view = QListView()
            view.setModel(model)
            view.resize(WIDTH, HEIGHT)
            view.show()
            _settle(app)
            base_watch = _PaintWatch(view.viewport())

            def append_baseline() -> float:
                text = f"I find myself keeping the visit short, again ({next(counter)})"
                base_watch.painted = False
                started = time.perf_counter()
                row = model.rowCount()
                model.insertRows(row, 1)
                model.setData(model.index(row), text)
                view.scrollTo(model.index(row))
                done = _until_painted(app, base_watch)
                return done - started

            base_adds = _median_ms(append_baseline, warmup, runs)
            view.close()
            view.deleteLater()
            _settle(app)
            results.append({
                "name": "editor: add contribution",
                "value": round(adds, 3), "unit": "ms",
                "baseline": "append a row to a QStringListModel (200 rows) in a QListView, to its paint",
                "baseline_value": round(base_adds, 3), "ratio": round(adds / base_adds, 2),
                "target": "<= 16 ms",
            })
            results.append({
                "name": f"editor: autosave write ({rows} contributions)",
                "value": round(save_ms, 3), "unit": "ms",
                "baseline": "none (informational: the GUI-thread pause per autosave)",
                "baseline_value": None, "ratio": None,
                "target": "info",
            })
        finally:
            services.close()
    return results


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        print(row)
