"""What the store keeps about carried actions is worked out from the written case's own rows.

Both statements run on every write of a session (autosave included), so a plan that scanned
every action of the log would make each save slower as the log grows; it once did.
"""

from __future__ import annotations

import pytest

from idc_desktop.services import Services
from idc_desktop.store.carried import _REFRESH, _REFRESH_VERDICTS


@pytest.mark.parametrize("statement", [_REFRESH, _REFRESH_VERDICTS], ids=["times carried", "verdicts"])
def test_a_refresh_reads_the_case_rows_by_index(services: Services, statement) -> None:  # noqa: ANN001
    with services.desk._store.unit() as uow:
        connection = uow.desk._session.connection()
        plan = [row[3] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + str(statement).replace(
            ":case_id", "?"), (1,))]
    assert plan and not any(step.startswith("SCAN plan_actions") or step.startswith("SCAN consultations")
                            for step in plan), plan
