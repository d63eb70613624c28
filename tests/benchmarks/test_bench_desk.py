"""The desk benchmark's log is a real store: sessions the services read, carries they follow."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from benchmarks import bench_desk, casestore
from idc_desktop.services import open_services
from idc_desktop.store.carried import refresh_times_carried


def conn_rows(path: Path) -> list[tuple[int, int]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT id, times_carried FROM plan_actions ORDER BY id").fetchall()


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
        # The benchmark writes times_carried as the store would: walking each case's chains again changes none.
        written = conn_rows(path)
        with services.store.unit() as uow:
            for case in services.cases.list():
                refresh_times_carried(uow.desk._session, case.id)
        assert conn_rows(path) == written
        assert report.sessions > 0 and report.attendees and report.top_items
        assert services.sessions.get(1).perspectives  # a whole session reads back
        from idc_desktop.domain.patterns import PatternFilter

        patterns = services.desk.patterns(PatternFilter())
        assert patterns.sessions == 120 and all(a.rated == 120 for a in patterns.alliance)
        assert sum(d.contributions for d in patterns.discipline_d) == 240  # two voices in D per session
    finally:
        services.close()
