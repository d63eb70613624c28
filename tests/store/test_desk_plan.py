"""Due now finds each case's latest session from the index of migration 0004 alone."""

from __future__ import annotations

from datetime import date

from sqlalchemy import event

from idc_desktop.services import Services


def test_due_now_reads_latest_sessions_from_the_index_not_the_session_rows(services: Services) -> None:
    statements: list[tuple[str, object]] = []
    with services.desk._store.unit() as uow:
        connection = uow.desk._session.connection()

        def keep(conn, cursor, statement, parameters, context, many) -> None:  # noqa: ANN001
            statements.append((statement, parameters))

        event.listen(connection, "before_cursor_execute", keep)
        uow.desk.due_reviews(date(2026, 6, 1))
        uow.desk.open_actions(date(2026, 6, 1))
        event.remove(connection, "before_cursor_execute", keep)
        plans = [[row[3] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, tuple(params))]
                 for sql, params in statements]
    assert len(plans) == 2
    for plan in plans:
        consultation_steps = [step for step in plan if "consultations" in step]
        assert consultation_steps, plan
        assert all("COVERING INDEX ix_consultations_case_id_held_on" in step for step in consultation_steps), plan
