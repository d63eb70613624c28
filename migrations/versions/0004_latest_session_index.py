"""an index to find each case's latest session without reading the session rows

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02

Due now (and the case roll-ups) ask for each case's latest session by date, then id. An index
on consultations (case_id, held_on) answers that from the index alone (SQLite appends the
rowid, so it also orders ties by id), where the old one-column index made SQLite read every
session row, wide with text, and sort. It starts with case_id, so it replaces that index.
"""

from __future__ import annotations

from alembic import op


revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_consultations_case_id_held_on", "consultations", ["case_id", "held_on"])
    op.drop_index("ix_consultations_case_id", table_name="consultations")


def downgrade() -> None:
    op.create_index("ix_consultations_case_id", "consultations", ["case_id"])
    op.drop_index("ix_consultations_case_id_held_on", table_name="consultations")
