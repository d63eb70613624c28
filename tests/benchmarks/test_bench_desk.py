"""The desk benchmark's log is a real store: sessions the services read, carries they follow."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from benchmarks import bench_desk, casestore
from idc_desktop.services import open_services


def kept_by_the_store(path: Path) -> tuple[list, list, list]:
    """What the store derives from the sessions: times carried, lead items, D by discipline."""
    with sqlite3.connect(path) as conn:
        return (conn.execute("SELECT id, times_carried, later_status, later_reviewed FROM plan_actions "
                             "ORDER BY id").fetchall(),
                conn.execute("SELECT id, lead_items FROM consultations ORDER BY id").fetchall(),
                conn.execute("SELECT * FROM discipline_items ORDER BY 1, 2, 3").fetchall())


def test_added_sessions_are_read_by_the_services_as_the_raw_queries_read_them(tmp_path: Path) -> None:
    path = casestore.build_store(tmp_path / "data", 40)
    assert bench_desk.add_sessions(path) == 120
    services = open_services(tmp_path / "data")
    try:
        due = services.desk.due_now(bench_desk.TODAY)
        report = services.desk.report(bench_desk.REPORT_FROM, bench_desk.REPORT_TO)
        with sqlite3.connect(path) as conn:
            raw_reviews = conn.execute(bench_desk.RAW_REVIEWS, (bench_desk.TODAY.isoformat(),)).fetchall()
            raw_actions = conn.execute(bench_desk.RAW_ACTIONS).fetchall()
        assert due.counts.reviews == len(raw_reviews) and due.counts.actions == len(raw_actions) > 0
        assert due.counts.carried > 0 and any(a.times_carried >= 2 for a in due.carried)  # carried twice
        # The benchmark writes what the store derives as the store would: every session saved
        # again through the store (which derives them anew) changes none of it.
        written = kept_by_the_store(path)
        assert all(written) and all(lead for _, lead in written[1])
        for case in services.cases.list():
            for session in services.sessions.all_for_case(case.id):
                services.sessions.save(session)
        assert kept_by_the_store(path) == written
        assert report.sessions > 0 and report.attendees and report.top_items
        assert services.sessions.get(1).perspectives  # a whole session reads back
        from idc_desktop.domain.patterns import PatternFilter

        patterns = services.desk.patterns(PatternFilter())
        assert patterns.sessions == 120 and all(a.rated == 120 for a in patterns.alliance)
        assert sum(d.contributions for d in patterns.discipline_d) == 240  # two voices in D per session
    finally:
        services.close()
