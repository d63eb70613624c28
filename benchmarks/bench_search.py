"""Benchmark: library search at 1k, 10k and 100k cases, query plus view update, against raw FTS5.

The app side is the real library: a shown `LibraryView` driven by a `LibraryController` on
`open_services(data_dir)`, offscreen, in a QApplication made by the app's own
`ui.launch.application()` (so with its theme). One sample is `view.search.setText(q)` (the
controller refreshes synchronously: the service query, the count, the model reset and the
proxy's re-sort) followed by `QApplication.processEvents()` until the table has been
repainted: what happens between a keystroke and seeing the result.

The baseline is the least any search could do on the same file: stdlib `sqlite3`,
`SELECT rowid FROM case_search WHERE case_search MATCH ?` with the same match expression
(`match_expression(q)`), fetching every row.

Queries: a common prefix ("mis", about a third of all cases), a rare word, two words, and
a specialty name. Each figure is the median over queries x repetitions, after one warm-up
pass; per-query medians and hit counts go to stderr.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import casestore

QUERIES = ("mis", "tracheostomy", "ward refus", "Cardiology")
SIZES = ((1_000, "1k", "info"), (10_000, "10k", "<= 16 ms"), (100_000, "100k", "<= 50 ms"))
PAINT_TIMEOUT_S = 30
BASELINE = "raw FTS5 MATCH via sqlite3, all rowids fetched"


def _app_side(data_dir: Path, reps: int) -> tuple[dict[str, list[float]], dict[str, int]]:
    from PySide6.QtCore import QEvent, QEventLoop, QObject

    from idc_desktop.services import open_services
    from idc_desktop.ui.launch import application
    from idc_desktop.ui.library.library_controller import LibraryController
    from idc_desktop.ui.library.library_view import LibraryView

    class PaintCounter(QObject):
        count = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    app = application()  # as the app makes it: name, icon and the theme's style sheet
    services = open_services(data_dir)
    view = LibraryView()
    paints = PaintCounter()
    try:
        view.resize(1200, 700)
        # A search with no match shows the hint instead of the table: either one is the update.
        view.table.viewport().installEventFilter(paints)
        view.empty_hint.installEventFilter(paints)
        view.show()
        # Starting filtered skips listing every case once (seconds at 100k, and not what is measured).
        view.search.setText(QUERIES[-1])
        controller = LibraryController(view, services)
        app.processEvents()

        def sample(query: str) -> float:
            painted = paints.count
            started = time.perf_counter()
            view.search.setText(query)
            app.processEvents()
            while paints.count == painted:  # the update is not done until it is on screen
                if time.perf_counter() - started > PAINT_TIMEOUT_S:
                    raise RuntimeError(f"the library was not repainted after searching {query!r}")
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            return time.perf_counter() - started

        for query in QUERIES:  # warm-up
            sample(query)
        times: dict[str, list[float]] = {q: [] for q in QUERIES}
        hits: dict[str, int] = {}
        for _ in range(reps):
            for query in QUERIES:  # consecutive queries differ, so each setText really searches
                times[query].append(sample(query))
                hits[query] = view.model.rowCount()
        controller.deleteLater()
        return times, hits
    finally:
        view.close()
        view.deleteLater()
        app.processEvents()
        services.close()


def _raw_side(path: Path, reps: int) -> tuple[dict[str, list[float]], dict[str, int]]:
    from idc_desktop.store.search_index import match_expression

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    sql = "SELECT rowid FROM case_search WHERE case_search MATCH ?"
    try:
        def sample(query: str) -> tuple[float, int]:
            started = time.perf_counter()
            rows = conn.execute(sql, (match_expression(query),)).fetchall()
            return time.perf_counter() - started, len(rows)

        for query in QUERIES:  # warm-up
            sample(query)
        times: dict[str, list[float]] = {q: [] for q in QUERIES}
        hits: dict[str, int] = {}
        for _ in range(reps):
            for query in QUERIES:
                elapsed, hits[query] = sample(query)
                times[query].append(elapsed)
        return times, hits
    finally:
        conn.close()


def _median_ms(times: dict[str, list[float]]) -> float:
    return statistics.median(t for samples in times.values() for t in samples) * 1000


def run(quick: bool) -> list[dict]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    reps = 3 if quick else 9
    results = []
    work = Path(tempfile.mkdtemp(prefix="idc-bench-search-"))
    try:
        for cases, label, target in SIZES:
            data_dir = casestore.working_copy(cases, work)
            app_times, app_hits = _app_side(data_dir, reps)
            raw_times, raw_hits = _raw_side(data_dir / "idc-desktop.sqlite3", reps)
            if app_hits != raw_hits:
                raise RuntimeError(f"the library and raw FTS5 disagree at {label}: {app_hits} vs {raw_hits}")
            for query in QUERIES:
                print(
                    f"[search] {label:>4} {query!r:>15}: {raw_hits[query]:>6} hits, "
                    f"app {statistics.median(app_times[query]) * 1000:8.2f} ms, "
                    f"raw {statistics.median(raw_times[query]) * 1000:7.2f} ms",
                    file=sys.stderr,
                )
            results.append({
                "name": f"search {label} cases: query + view update",
                "value": _median_ms(app_times),
                "unit": "ms",
                "baseline": BASELINE,
                "baseline_value": _median_ms(raw_times),
                "target": target,
            })
            shutil.rmtree(data_dir, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return results
