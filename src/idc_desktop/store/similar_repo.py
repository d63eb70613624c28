"""The store's side of similar past cases (issue 14, item 4): two small queries.

`hits` reads the sessions that chose any of the given (perspective, item) pairs from the
(perspective, item_key, consultation_id) index of migration 0004 alone; `sessions_info` the
case of a few candidates; `briefs` the best sessions' case, cycle sentence and each action's
status at review.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session, aliased

from idc_desktop.domain.desk import Outcome, outcome_of
from idc_desktop.store.models import CaseRow, ConsultationRow, PlanActionRow


class SimilarRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def sessions_in_log(self) -> int:
        return self._session.scalar(select(func.count()).select_from(ConsultationRow)) or 0

    def hits(self, pairs: list[tuple[str, str]]) -> list[tuple[int, str, str]]:
        """(session id, perspective, item key) for every session that chose one of `pairs`, in
        (perspective, item) order: the index's own order, so there is nothing to sort.

        The rows are taken from the driver's cursor as they are: a common item is chosen in
        thousands of sessions, and wrapping each row as a SQLAlchemy Row, then as a tuple, cost
        more than the query. It still runs through SQLAlchemy, so a failure is worded like any other."""
        if not pairs:
            return []
        where = " OR ".join("(perspective = ? AND item_key = ?)" for _ in pairs)
        result = self._session.connection().exec_driver_sql(
            f"SELECT consultation_id, perspective, item_key FROM perspective_items "  # noqa: S608 - placeholders only
            f"WHERE {where} ORDER BY perspective, item_key, consultation_id",
            tuple(value for pair in pairs for value in pair))
        try:
            return result.cursor.fetchall()
        finally:
            result.close()

    def sessions_info(self, session_ids: list[int]) -> dict[int, tuple[int, str, date]]:
        """Session id -> (case id, specialty, held_on), for a few candidates."""
        if not session_ids:
            return {}
        rows = self._session.connection().execute(
            select(ConsultationRow.id, ConsultationRow.case_id, CaseRow.specialty,
                   type_coerce(ConsultationRow.held_on, String))
            .join(CaseRow, CaseRow.id == ConsultationRow.case_id).where(ConsultationRow.id.in_(session_ids))).all()
        return {r[0]: (r[1], r[2], date.fromisoformat(r[3])) for r in rows}

    def briefs(self, session_ids: list[int]) -> dict[int, dict]:
        """Per session: case id, code, specialty, held_on, cycle, and its actions' outcomes."""
        if not session_ids:
            return {}
        rows = self._session.execute(
            select(ConsultationRow.id, CaseRow.id, CaseRow.code, CaseRow.specialty, ConsultationRow.held_on,
                   ConsultationRow.cycle)
            .join(CaseRow, CaseRow.id == ConsultationRow.case_id).where(ConsultationRow.id.in_(session_ids))).all()
        out = {r[0]: {"case_id": r[1], "code": r[2], "specialty": r[3], "held_on": r[4], "cycle": r[5] or "",
                      "done": [], "not_done": 0} for r in rows}
        later = aliased(PlanActionRow)
        actions = self._session.execute(
            select(PlanActionRow.consultation_id, PlanActionRow.text, PlanActionRow.status, later.status,
                   later.reviewed)
            .outerjoin(later, later.carried_from_id == PlanActionRow.id)
            .where(PlanActionRow.consultation_id.in_(session_ids))
            .order_by(PlanActionRow.consultation_id, PlanActionRow.position)).all()
        seen: dict[int, set[str]] = defaultdict(set)
        for session_id, text, status, later_status, reviewed in actions:
            if outcome_of(status, later_status, reviewed) is Outcome.DONE and text not in seen[session_id]:
                out[session_id]["done"].append(text)
                seen[session_id].add(text)
            else:
                out[session_id]["not_done"] += 1
        return out
