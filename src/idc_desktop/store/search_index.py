"""Full-text search over everything a case and its sessions say (FTS5).

One index row per case, keyed by the case id, holding the case's text and every
session's shared text. The facilitator's private reflection is left out on purpose.
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Select, column, select, table, text
from sqlalchemy.orm import Session

from idc_desktop.store.models import (
    AttendeeRow,
    CaseRow,
    CatalogueItemRow,
    ConsultationRow,
    ContributionRow,
    PerspectiveItemRow,
    PerspectiveNoteRow,
    PlanActionRow,
)
from idc_desktop.store.schema_extras import SEARCH_TABLE

_TOKEN = re.compile(r"\w+", re.UNICODE)

_SESSION_TEXT_COLUMNS = (
    "facilitator_role", "presenter_role", "question", "presentation", "clarifying",
    "close_notes", "cycle", "formulation", "stance", "risks", "staff_support", "patient_message",
)


_INDEX = table(SEARCH_TABLE, column("rowid"))


def match_expression(user_text: str) -> str | None:
    """Each word the user typed must match as a prefix: 'haemodial ward' -> "haemodial"* AND "ward"*."""
    tokens = _TOKEN.findall(user_text)
    if not tokens:
        return None
    # Quoting each token keeps FTS5 syntax characters in user input harmless.
    return " AND ".join(f'"{token}"*' for token in tokens)


class SearchIndex:
    def __init__(self, session: Session) -> None:
        self._session = session

    def reindex(self, case_id: int) -> None:
        body = self._case_text(case_id)
        self.remove(case_id)
        self._session.execute(
            text(f"INSERT INTO {SEARCH_TABLE}(rowid, body) VALUES (:id, :body)"),
            {"id": case_id, "body": body},
        )

    def remove(self, case_id: int) -> None:
        self._session.execute(text(f"DELETE FROM {SEARCH_TABLE} WHERE rowid = :id"), {"id": case_id})

    def joined(self, query: Select, case_id: ColumnElement) -> Select:
        """`query` joined to the index rows matching :match (a join lets SQLite start from the
        index's hits and read only those cases, rather than test every case against a list)."""
        return query.join(_INDEX, _INDEX.c.rowid == case_id).where(text(f"{SEARCH_TABLE} MATCH :match"))

    def count_sql(self) -> str:
        return f"SELECT count(*) FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH :match"

    def _case_text(self, case_id: int) -> str:
        s = self._session
        case = s.get(CaseRow, case_id)
        if case is None:
            return ""
        parts: list[str] = [
            case.code, case.specialty, case.setting, case.life_stage, case.gender or "",
            case.referral_reason, *case.tags,
        ]
        session_ids = s.scalars(select(ConsultationRow.id).where(ConsultationRow.case_id == case_id)).all()
        if session_ids:
            rows = s.execute(
                select(*(getattr(ConsultationRow, c) for c in _SESSION_TEXT_COLUMNS)).where(
                    ConsultationRow.id.in_(session_ids)
                )
            ).all()
            parts.extend(value for row in rows for value in row if value)
            for column, model in (
                (ContributionRow.text, ContributionRow),
                (ContributionRow.role, ContributionRow),
                (PerspectiveNoteRow.summary, PerspectiveNoteRow),
                (PlanActionRow.text, PlanActionRow),
                (PlanActionRow.owner_role, PlanActionRow),
                (AttendeeRow.role, AttendeeRow),
            ):
                parts.extend(
                    v for v in s.scalars(select(column).where(model.consultation_id.in_(session_ids))) if v
                )
            parts.extend(
                s.scalars(
                    select(CatalogueItemRow.label)
                    .join(PerspectiveItemRow, PerspectiveItemRow.item_key == CatalogueItemRow.key)
                    .where(PerspectiveItemRow.consultation_id.in_(session_ids))
                )
            )
        return "\n".join(p for p in parts if p)
