"""Due now reads from indexes, in order, a page at a time (migrations 0004 and 0005).

On a 10k-case log, sorting every open action or reading every wide session row took longer
than the page may take to appear (benchmarks/bench_desk.py); these plans are what keep it fast.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event

from idc_desktop.services import Services

TODAY = date(2026, 6, 1)


def _statement_plans(services: Services, read) -> list[tuple[str, list[str]]]:  # noqa: ANN001
    """(statement, query plan) for each statement `read(unit of work)` runs."""
    statements: list[tuple[str, object]] = []
    with services.desk._store.unit() as uow:
        connection = uow.desk._session.connection()

        def keep(conn, cursor, statement, parameters, context, many) -> None:  # noqa: ANN001
            statements.append((statement, parameters))

        event.listen(connection, "before_cursor_execute", keep)
        read(uow)
        event.remove(connection, "before_cursor_execute", keep)
        return [(sql, [row[3] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, tuple(params))])
                for sql, params in statements]


def _plans(services: Services, read) -> list[list[str]]:  # noqa: ANN001
    """The query plans of the statements `read(desk repository)` runs."""
    return [plan for _sql, plan in _statement_plans(services, lambda uow: read(uow.desk))]


def _latest_from_the_index(plan: list[str]) -> None:
    latest = [step for step in plan if "ix_consultations_case_id_held_on" in step]
    assert latest and all("COVERING INDEX" in step for step in latest), plan


@pytest.mark.parametrize("carried_only", [False, True])
@pytest.mark.parametrize("after", [None, 1])
def test_an_actions_page_is_read_in_index_order(services: Services, carried_only: bool, after: int | None) -> None:
    [plan] = _plans(services, lambda desk: desk.open_actions(TODAY, after=after, carried_only=carried_only))
    assert "SEARCH plan_actions USING INDEX ix_plan_actions_due (status=?)" in plan, plan
    assert not any("TEMP B-TREE" in step for step in plan), plan  # no sort: the page stops early
    _latest_from_the_index(plan)


@pytest.mark.parametrize("after", [None, 1])
def test_a_reviews_page_is_read_from_the_cases_index(services: Services, after: int | None) -> None:
    [plan] = _plans(services, lambda desk: desk.due_reviews(TODAY, after=after))
    assert any("INDEX ix_cases_status_next_review_on (status=? AND " in step for step in plan), plan
    assert not any(step.startswith("SCAN") for step in plan), plan
    _latest_from_the_index(plan)


def test_the_counts_come_from_indexes_alone(services: Services) -> None:
    plans = _plans(services, lambda desk: desk.due_counts(TODAY))
    assert len(plans) == 2
    steps = [step for plan in plans for step in plan if step.startswith(("SEARCH", "SCAN"))]
    tables = [step for step in steps if " latest" not in step]  # the CTE's own scan
    assert tables and all("COVERING INDEX" in step for step in tables), plans


def test_the_patterns_count_from_the_figures_the_store_keeps(demo_services: Services) -> None:
    """Combinations, D by discipline, outcomes and months each from one index (migration 0005),
    not from joins over every item, voice or action of the log."""
    from idc_desktop.domain.patterns import PatternFilter

    plans = _statement_plans(demo_services, lambda uow: uow.patterns.counts(PatternFilter()))

    def plan_of(marker: str) -> list[str]:
        [plan] = [plan for sql, plan in plans if marker in sql]
        return plan

    assert plan_of("lead_items") == ["SEARCH consultations USING COVERING INDEX ix_consultations_lead_items "
                                     "(lead_items>?)", "USE TEMP B-TREE FOR ORDER BY"]
    assert plan_of("discipline_items") == ["SCAN discipline_items USING COVERING INDEX "
                                           "ix_discipline_items_role_item_key"]
    [months] = plan_of("substr(")
    assert months.startswith("SCAN consultations USING") and months.endswith("INDEX ix_consultations_month")
    outcomes = plan_of("later_status")
    assert outcomes[0] == "SEARCH plan_actions USING COVERING INDEX ix_plan_actions_carried_from (carried_from_id=?)"
    assert not any("JOIN" in step for step in outcomes)
