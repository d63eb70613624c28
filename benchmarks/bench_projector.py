"""Benchmark: from an edit in the editor to the room's screen repainted, with 100 contributions
on it (QT_QPA_PLATFORM=offscreen, the audience view at 1920x1080).

- "projector: edit to audience repaint": a real editor on a perspective page of a real session
  with 100 contributions, projecting through the app's `Projector` (audience view and
  presenter console). One sample changes the perspective's one-line summary through the
  session document, exactly as typing in its field does, and runs the event loop until the
  audience view has painted.
  Baseline: the same audience view repainting the same content with no change
  (`update()` to paint), i.e. the cost of the paint alone.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.bench_editor import _median_ms, _PaintWatch, _settle, _texts, _until_painted  # noqa: E402


def run(quick: bool) -> list[dict]:
    import time

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from idc_desktop.domain import Case, Contribution, Perspective
    from idc_desktop.services import open_services
    from idc_desktop.ui.presentation.projector import Projector
    from idc_desktop.ui.session.opening import open_editor

    app = QApplication.instance() or QApplication([])
    warmup, runs = (2, 9) if quick else (3, 31)
    with tempfile.TemporaryDirectory(prefix="idc-bench-projector-") as tmp:
        services = open_services(Path(tmp))
        try:
            case = services.cases.create(Case(code="", specialty="Renal", referral_reason="Benchmark"))
            session = services.sessions.start(case.id)
            session.perspectives[Perspective.A].contributions = [
                Contribution(t, role="Staff nurse", salient=i % 7 == 0) for i, t in enumerate(_texts(100))
            ]
            services.sessions.save(session)
            editor = open_editor(services, session.id)
            host = QWidget()
            editor.resize(1280, 800)
            editor.show()
            editor.go_to(3)
            projector = Projector(editor, QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat), host)
            assert projector.start()
            view = projector.view
            view.resize(1920, 1080)
            _settle(app)
            counter = [0]

            def edit_to_paint() -> float:
                counter[0] += 1
                watch = _PaintWatch(view)
                started = time.perf_counter()
                editor.doc.edit("perspective.A.summary", f"He expects to be dropped ({counter[0]})", "Edit summary")
                done = _until_painted(app, watch)
                _settle(app)
                return done - started

            def repaint_only() -> float:
                watch = _PaintWatch(view)
                started = time.perf_counter()
                view.update()
                done = _until_painted(app, watch)
                _settle(app)
                return done - started

            value = _median_ms(edit_to_paint, warmup, runs)
            baseline = _median_ms(repaint_only, warmup, runs)
            projector.stop()
            editor.autosaver.flush()
            editor.close()
        finally:
            services.close()
    return [{
        "name": "projector: edit to audience repaint (100 contributions)",
        "value": round(value, 3), "unit": "ms",
        "baseline": "the same audience view repainting unchanged content",
        "baseline_value": round(baseline, 3), "ratio": round(value / baseline, 2),
        "target": "<= 50 ms",
    }]
