"""Benchmark: the lead's desk on a 10,000-case log with 30,000 full sessions (issue 14).

The log is casestore's 10k-case log, given three full sessions per case here (a year apart at
most, 2024-2026): attendees, two items in each perspective, text in every field, a plan of
three actions whose open ones the next session carries (`carried_from`), as the app's
follow-up does, with done / dropped / still open verdicts; the case roll-ups refreshed, and
what the store derives from each session (lead items, D by discipline, times carried, the
follow-up's verdict) written as the store writes it (a test saves every session again and
finds nothing changed). Rows go
in with stdlib sqlite3 in the form the repository writes them.

Figures (median of several runs after a warm-up):

- **Due now shown**: `DeskService.due_now()` (the counts and each list's first page) and the
  page filled (`due_controller.fill` on a shown `DueView`, offscreen) until it is repainted;
  target <= 100 ms. Baseline: all the reviews and open actions read with raw stdlib sqlite3
  (one query each, rows fetched), what showing every row at once would have to read.
- **Due now, a page further on**: `DeskService.due_page` for the actions after the row half
  way down the list (what scrolling there reads); target <= 50 ms, so a scroll never stalls.
  Baseline: the first page.
- **Patterns, whole log**: `DeskService.patterns()` with no filter and the page filled
  (`patterns_controller.fill`, offscreen); target <= 200 ms. Baseline: raw sqlite3 counts of the
  items per perspective and sessions per month.
- **Similar past cases**: `DeskService.similar_cases` for one session's eight A-D items (what
  the editor's panel runs in its worker thread after an item is chosen); target <= 50 ms.
  Baseline: the raw sqlite3 read of the sessions that share any of those items.
- **Service report**: `DeskService.report()` for the last 12 months, its findings scan and the
  PDF; target <= 1 s. Baseline: raw sqlite3 counting of the same range (sessions, attendees
  by role, items), the least any report could read.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from benchmarks import casestore

CASES = 10_000
SESSIONS_PER_CASE = 3
TODAY = date(2026, 12, 2)
REPORT_FROM, REPORT_TO = date(2025, 12, 3), TODAY
SIMILAR_SESSION = 5  # the session whose items the similar-cases figure looks for
ROLES = ("Staff nurse", "Consultant", "Registrar", "Healthcare assistant", "Psychologist", "Social worker",
         "Charge nurse", "Physiotherapist")
TEXT = ("The team describes a pattern that repeats at every admission: staff feel pushed away, then "
        "pulled back in, and the plan changes with whoever is on shift. ")
RAW_REVIEWS = ("SELECT id, code, next_review_on FROM cases WHERE status = 'open' AND next_review_on <= ? "
               "ORDER BY next_review_on, code")
RAW_ACTIONS = ("SELECT a.id, a.text, a.owner_role, a.due_on FROM plan_actions a "
               "JOIN consultations s ON s.id = a.consultation_id JOIN cases c ON c.id = s.case_id "
               "WHERE a.status = 'open' AND c.status = 'open' AND s.held_on = c.last_session_on "
               "ORDER BY lower(a.owner_role), a.due_on")


def add_sessions(path: Path, seed: int = 14) -> int:
    """Three full sessions for every case of the log at `path`; returns how many were added."""
    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    try:
        keys = {family: [k for (k,) in conn.execute("SELECT key FROM catalogue_items WHERE family = ?", (family,))]
                for family in ("seen", "response")}
        case_ids = [i for (i,) in conn.execute("SELECT id FROM cases ORDER BY id")]
        session_id = action_id = 0
        sessions, attendees, items, notes, actions, alliance, voices, pairs = [], [], [], [], [], [], [], []
        for case_id in case_ids:
            held = date(2024, 1, 1) + timedelta(days=rng.randrange(700))
            previous: list[tuple[int, str, str, str | None, int]] = []  # (id, text, owner, due, carried) still open
            for _number in range(SESSIONS_PER_CASE):
                session_id += 1
                review = held + timedelta(days=rng.randrange(20, 90))
                for position, role in enumerate(rng.sample(ROLES, 3)):
                    attendees.append((session_id, position, role, rng.randint(1, 4)))
                chosen = {}
                for perspective in "ABCD":
                    family = "seen" if perspective in "AC" else "response"
                    chosen[perspective] = rng.sample(keys[family], 2)
                    for position, key in enumerate(chosen[perspective]):
                        items.append((session_id, perspective, key, position))
                    notes.append((session_id, perspective, TEXT))
                for dimension in ("goals", "tasks", "bond"):
                    alliance.append((session_id, dimension, rng.randint(1, 5), TEXT))
                for position, role in enumerate(rng.sample(ROLES, 2)):  # D, what staff feel and do
                    voices.append((session_id, "D", position, TEXT, role, 0))
                    pairs += [(session_id, role, key) for key in chosen["D"]]  # as the store keeps them
                lead_items = " ".join(chosen[p][0] for p in "ABCD")
                sessions.append((session_id, case_id, held.isoformat(), "Psychotherapist", "Staff nurse", "[]",
                                 TEXT, TEXT * 2, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT,
                                 review.isoformat(), TEXT, "close", lead_items))
                still_open = []
                position = 0
                for old_id, text, owner, due, carried in previous:  # the follow-up's review of each carried action
                    action_id += 1
                    status = rng.choices(("done", "dropped", "open"), weights=(5, 1, 3))[0]
                    actions.append([action_id, session_id, position, text, owner, due, status, old_id, 1, carried + 1,
                                    None, None])
                    actions[old_id - 1][10:12] = [status, 1]  # the verdict, kept on the carried one
                    position += 1
                    if status == "open":
                        still_open.append((action_id, text, owner, due, carried + 1))
                for _ in range(2):
                    action_id += 1
                    due = (held + timedelta(days=rng.randrange(7, 60))).isoformat()
                    text, owner = f"Agree one way of responding, version {action_id}", rng.choice(ROLES)
                    actions.append([action_id, session_id, position, text, owner, due, "open", None, 1, 0, None, None])
                    position += 1
                    still_open.append((action_id, text, owner, due, 0))
                previous = still_open
                held = review + timedelta(days=rng.randrange(0, 30))
        conn.executemany("INSERT INTO consultations (id, case_id, held_on, facilitator_role, presenter_role, "
                         "ground_rules, question, presentation, clarifying, close_notes, cycle, formulation, stance, "
                         "risks, staff_support, patient_message, review_on, facilitator_reflection, current_phase, "
                         "lead_items, created_at, updated_at) VALUES (" + ",".join("?" * 20)
                         + ", datetime('now'), datetime('now'))",
                         sessions)
        conn.executemany("INSERT INTO attendees (consultation_id, position, role, count) VALUES (?,?,?,?)", attendees)
        conn.executemany("INSERT INTO perspective_items (consultation_id, perspective, item_key, position) "
                         "VALUES (?,?,?,?)", items)
        conn.executemany("INSERT INTO perspective_notes (consultation_id, perspective, summary) VALUES (?,?,?)", notes)
        conn.executemany("INSERT INTO alliance_ratings (consultation_id, dimension, rating, notes) VALUES (?,?,?,?)",
                         alliance)
        conn.executemany("INSERT INTO contributions (consultation_id, perspective, position, text, role, salient) "
                         "VALUES (?,?,?,?,?,?)", voices)
        conn.executemany("INSERT INTO discipline_items (consultation_id, role, item_key) VALUES (?,?,?)", pairs)
        conn.executemany("INSERT INTO plan_actions (id, consultation_id, position, text, owner_role, due_on, status, "
                         "carried_from_id, reviewed, times_carried, later_status, later_reviewed) "
                         "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", actions)
        conn.execute("""UPDATE cases SET
            session_count = (SELECT count(*) FROM consultations s WHERE s.case_id = cases.id),
            last_session_on = (SELECT max(held_on) FROM consultations s WHERE s.case_id = cases.id),
            next_review_on = (SELECT review_on FROM consultations s WHERE s.case_id = cases.id
                              ORDER BY held_on DESC, id DESC LIMIT 1)""")
        conn.commit()
        return len(sessions)
    finally:
        conn.close()


def _median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 2)


def _timed(work, reps: int) -> list[float]:  # noqa: ANN001
    work()  # warm-up
    out = []
    for _ in range(reps):
        started = time.perf_counter()
        work()
        out.append(time.perf_counter() - started)
    return out


def _due_now_shown(data_dir: Path, reps: int) -> tuple[list[float], tuple[int, int]]:
    from PySide6.QtCore import QEvent, QEventLoop, QObject

    from idc_desktop.services import open_services
    from idc_desktop.ui.desk.due_controller import fill
    from idc_desktop.ui.desk.due_view import DueView
    from idc_desktop.ui.launch import application

    class Paints(QObject):
        count = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    app = application()
    services = open_services(data_dir)
    view = DueView()
    paints = Paints()
    shown: dict[str, tuple[int, int]] = {}
    try:
        view.resize(1200, 800)
        view.reviews.table.viewport().installEventFilter(paints)
        view.show()
        app.processEvents()

        def once() -> None:
            painted = paints.count
            due = services.desk.due_now(TODAY)
            fill(view, due, services.desk.due_page)
            app.processEvents()
            while paints.count == painted:
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            shown["rows"] = (due.counts.reviews, due.counts.actions)

        return _timed(once, reps), shown["rows"]
    finally:
        view.close()
        view.deleteLater()
        app.processEvents()
        services.close()


def _due_page_further_on(data_dir: Path, reps: int) -> tuple[list[float], list[float]]:
    """(half way down the actions list, the first page), read with `DeskService.due_page`."""
    from idc_desktop.domain.desk import DueList
    from idc_desktop.services import open_services

    services = open_services(data_dir)
    try:
        due = services.desk.due_now(TODAY)
        rows = list(due.actions)
        while len(rows) < due.counts.actions // 2:
            rows += services.desk.due_page(DueList.ACTIONS, TODAY, rows[-1])
        middle, first = rows[-1], due.actions[-1]
        return (_timed(lambda: services.desk.due_page(DueList.ACTIONS, TODAY, middle), reps),
                _timed(lambda: services.desk.due_page(DueList.ACTIONS, TODAY, first), reps))
    finally:
        services.close()


def _raw_due(path: Path, reps: int) -> tuple[list[float], tuple[int, int]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rows: dict[str, tuple[int, int]] = {}
    try:
        def once() -> None:
            reviews = conn.execute(RAW_REVIEWS, (TODAY.isoformat(),)).fetchall()
            actions = conn.execute(RAW_ACTIONS).fetchall()
            rows["rows"] = (len(reviews), len(actions))

        return _timed(once, reps), rows["rows"]
    finally:
        conn.close()


def _report(data_dir: Path, reps: int) -> tuple[list[float], int, int]:
    from idc_desktop.services import open_services

    services = open_services(data_dir)
    size: dict[str, int] = {}
    try:
        def once() -> None:
            report = services.desk.report(REPORT_FROM, REPORT_TO)
            services.desk.report_findings(report)
            size["pdf"] = len(services.desk.report_pdf(report))
            size["sessions"] = report.sessions

        return _timed(once, reps), size["sessions"], size["pdf"]
    finally:
        services.close()


def _raw_report(path: Path, reps: int) -> tuple[list[float], int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    span = (REPORT_FROM.isoformat(), REPORT_TO.isoformat())
    got: dict[str, int] = {}
    try:
        def once() -> None:
            got["sessions"] = conn.execute("SELECT count(*) FROM consultations WHERE held_on BETWEEN ? AND ?",
                                           span).fetchone()[0]
            in_range = "consultation_id IN (SELECT id FROM consultations WHERE held_on BETWEEN ? AND ?)"
            conn.execute(f"SELECT role, sum(count) FROM attendees WHERE {in_range} GROUP BY role", span).fetchall()
            conn.execute(f"SELECT perspective, item_key, count(*) FROM perspective_items WHERE {in_range} "
                         "GROUP BY perspective, item_key", span).fetchall()

        return _timed(once, reps), got["sessions"]
    finally:
        conn.close()


def _patterns(data_dir: Path, reps: int) -> tuple[list[float], int]:
    """`DeskService.patterns()` for the whole log and the page filled (`patterns_controller.fill`)."""
    from PySide6.QtCore import QEventLoop

    from idc_desktop.domain.patterns import PatternFilter
    from idc_desktop.services import open_services
    from idc_desktop.ui.desk.patterns_controller import fill, section_columns
    from idc_desktop.ui.desk.patterns_view import PatternsView
    from idc_desktop.ui.launch import application

    app = application()
    services = open_services(data_dir)
    view = PatternsView(section_columns())
    got: dict[str, int] = {}
    try:
        view.resize(1280, 900)
        view.show()
        app.processEvents()

        def once() -> None:
            patterns = services.desk.patterns(PatternFilter())
            fill(view, patterns)
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            got["sessions"] = patterns.sessions

        return _timed(once, reps), got["sessions"]
    finally:
        view.close()
        view.deleteLater()
        app.processEvents()
        services.close()


def _raw_patterns(path: Path, reps: int) -> list[float]:
    """The least a patterns page could read: items per perspective and sessions per month."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        def once() -> None:
            conn.execute("SELECT perspective, item_key, count(*) FROM perspective_items "
                         "GROUP BY perspective, item_key").fetchall()
            conn.execute("SELECT substr(held_on, 1, 7), count(*) FROM consultations GROUP BY 1").fetchall()

        return _timed(once, reps)
    finally:
        conn.close()


def _similar(data_dir: Path, reps: int) -> tuple[list[float], int]:
    """`DeskService.similar_cases` for one session's eight A-D items: what the editor's panel runs
    (in its worker thread) after an item is chosen."""
    from idc_desktop.services import open_services

    services = open_services(data_dir)
    try:
        session = services.sessions.get(SIMILAR_SESSION)
        case = services.cases.get(session.case_id)
        items = {p: list(r.items) for p, r in session.perspectives.items()}
        found: dict[str, int] = {}

        def once() -> None:
            found["cases"] = len(services.desk.similar_cases(case.id, case.specialty, items))

        return _timed(once, reps), found["cases"]
    finally:
        services.close()


def _raw_similar(path: Path, reps: int) -> list[float]:
    """The sessions that chose any of the same eight items, read with raw sqlite3."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        pairs = conn.execute("SELECT perspective, item_key FROM perspective_items WHERE consultation_id = ?",
                             (SIMILAR_SESSION,)).fetchall()
        where = " OR ".join("(perspective = ? AND item_key = ?)" for _ in pairs)
        flat = [v for pair in pairs for v in pair]

        def once() -> None:
            conn.execute(f"SELECT consultation_id, perspective, item_key FROM perspective_items WHERE {where}",
                         flat).fetchall()

        return _timed(once, reps)
    finally:
        conn.close()


def run(quick: bool) -> list[dict]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    reps = 3 if quick else 9
    work = Path(tempfile.mkdtemp(prefix="idc-bench-desk-"))
    try:
        data_dir = casestore.working_copy(CASES, work)
        path = data_dir / "idc-desktop.sqlite3"
        started = time.perf_counter()
        added = add_sessions(path)
        print(f"[desk] {added} sessions added in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        app_due, app_rows = _due_now_shown(data_dir, reps)
        raw_due, raw_rows = _raw_due(path, reps)
        if app_rows != raw_rows:
            raise RuntimeError(f"Due now and the raw queries disagree: {app_rows} vs {raw_rows}")
        print(f"[desk] due now: {app_rows[0]} reviews, {app_rows[1]} open actions", file=sys.stderr)
        further, first_page = _due_page_further_on(data_dir, reps)
        app_report, sessions, pdf_bytes = _report(data_dir, reps)
        raw_report, raw_sessions = _raw_report(path, reps)
        if sessions != raw_sessions:
            raise RuntimeError(f"the report and the raw count disagree: {sessions} vs {raw_sessions}")
        print(f"[desk] report: {sessions} sessions in range, PDF {pdf_bytes / 1024:.0f} KB", file=sys.stderr)
        app_patterns, pattern_sessions = _patterns(data_dir, reps)
        raw_patterns = _raw_patterns(path, reps)
        print(f"[desk] patterns: {pattern_sessions} sessions counted", file=sys.stderr)
        app_similar, similar_found = _similar(data_dir, reps)
        raw_similar = _raw_similar(path, reps)
        print(f"[desk] similar: {similar_found} past cases listed", file=sys.stderr)
        return [
            {"name": "Due now shown, 10k cases / 30k sessions", "value": _median_ms(app_due), "unit": "ms",
             "baseline": "the same reviews and open actions via raw sqlite3", "baseline_value": _median_ms(raw_due),
             "target": "<= 100 ms"},
            {"name": "Due now, a page of actions half way down (scrolling there)", "value": _median_ms(further),
             "unit": "ms", "baseline": "the page after the first", "baseline_value": _median_ms(first_page),
             "target": "<= 50 ms"},
            {"name": "service report (12 months: counts, gate, PDF), 10k cases", "value": _median_ms(app_report),
             "unit": "ms", "baseline": "raw sqlite3 counts of the same range",
             "baseline_value": _median_ms(raw_report), "target": "<= 1000 ms"},
            {"name": "patterns, whole log (counts and page filled), 10k cases", "value": _median_ms(app_patterns),
             "unit": "ms", "baseline": "raw sqlite3 item and month counts", "baseline_value": _median_ms(raw_patterns),
             "target": "<= 200 ms"},
            {"name": "similar past cases for 8 chosen items, 10k cases", "value": _median_ms(app_similar),
             "unit": "ms", "baseline": "raw sqlite3 read of the sessions sharing an item",
             "baseline_value": _median_ms(raw_similar), "target": "<= 50 ms"},
        ]
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    print(json.dumps(run(quick="--quick" in sys.argv), indent=2))
