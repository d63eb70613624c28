"""indexes for the desk: each case's latest session, patterns across the log

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02

- consultations (case_id, held_on): Due now asks for each case's latest session by date, then
  id; this index answers from the index alone (SQLite appends the rowid, so it also orders ties
  by id), where the old one-column index made SQLite read every wide session row and sort. It
  starts with case_id, so it replaces that index. A date range's sessions come from it too.
- perspective_items (perspective, item_key, consultation_id): the items most often chosen,
  counted in index order with no sort; and the sessions that chose an item (similar past
  cases) read from the index alone.
- perspective_items (perspective, position, consultation_id, item_key): each session's lead
  item per perspective (the patterns' A-D combinations), found by seeks.
- contributions (perspective, role, consultation_id): D by discipline, without reading the
  contributions' text.
- alliance_ratings (dimension, rating): the alliance ratings counted from the index alone.
- plan_actions (carried_from_id, status, reviewed): what became of an action at review (the
  action carried from it); also the foreign key's own index, which SQLite does not make.
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
    op.create_index("ix_perspective_items_perspective_item_key", "perspective_items",
                    ["perspective", "item_key", "consultation_id"])
    op.create_index("ix_perspective_items_lead", "perspective_items",
                    ["perspective", "position", "consultation_id", "item_key"])
    op.create_index("ix_plan_actions_carried_from", "plan_actions", ["carried_from_id", "status", "reviewed"])
    op.create_index("ix_contributions_perspective_role", "contributions", ["perspective", "role", "consultation_id"])
    op.create_index("ix_alliance_ratings_dimension_rating", "alliance_ratings", ["dimension", "rating"])


def downgrade() -> None:
    op.drop_index("ix_alliance_ratings_dimension_rating", table_name="alliance_ratings")
    op.drop_index("ix_contributions_perspective_role", table_name="contributions")
    op.drop_index("ix_plan_actions_carried_from", table_name="plan_actions")
    op.drop_index("ix_perspective_items_lead", table_name="perspective_items")
    op.drop_index("ix_perspective_items_perspective_item_key", table_name="perspective_items")
    op.create_index("ix_consultations_case_id", "consultations", ["case_id"])
    op.drop_index("ix_consultations_case_id_held_on", table_name="consultations")
