"""Due now reads a page at a time: how often each action was carried, and its orderings

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03

- plan_actions.times_carried: how many follow-ups carried the action (the length of its
  carried_from chain). Due now lists the actions carried more than once and counts them;
  walking every chain on each showing cost more than the whole page may take on a large log
  (about 100 ms of 10k cases' 20k open actions). The store writes it with the case's roll-ups
  whenever a session of the case is written or deleted; here it is filled from the chains.
- plan_actions (status, lower(owner_role), coalesce(due_on, '9999-12-31')): Due now's order
  (owner role, then due date, undated last), so a page is read in index order and stops after
  its rows instead of sorting every open action.
- plan_actions (consultation_id, status, due_on, times_carried) replaces the one-column index
  on consultation_id: Due now's counts come from the index alone.
- cases (status, next_review_on): the reviews due, in order, from the index.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# The same recursive walk the store runs for one case (store/carried.py), here for every action.
BACKFILL = """
WITH RECURSIVE chain(start, up, depth) AS (
    SELECT id, carried_from_id, 1 FROM plan_actions WHERE carried_from_id IS NOT NULL
    UNION ALL
    SELECT chain.start, parent.carried_from_id, chain.depth + 1
    FROM chain JOIN plan_actions AS parent ON parent.id = chain.up
    WHERE parent.carried_from_id IS NOT NULL AND chain.depth < 100
)
UPDATE plan_actions SET times_carried = (SELECT max(depth) FROM chain WHERE chain.start = plan_actions.id)
WHERE carried_from_id IS NOT NULL
"""
UNDATED = "'9999-12-31'"


def upgrade() -> None:
    op.add_column("plan_actions", sa.Column("times_carried", sa.Integer(), server_default="0", nullable=False))
    op.execute(BACKFILL)
    op.create_index("ix_plan_actions_due", "plan_actions",
                    ["status", sa.text("lower(owner_role)"), sa.text(f"coalesce(due_on, {UNDATED})")])
    op.drop_index("ix_plan_actions_consultation_id", table_name="plan_actions")
    op.create_index("ix_plan_actions_consultation_id", "plan_actions",
                    ["consultation_id", "status", "due_on", "times_carried"])
    op.create_index("ix_cases_status_next_review_on", "cases", ["status", "next_review_on"])


def downgrade() -> None:
    op.drop_index("ix_cases_status_next_review_on", table_name="cases")
    op.drop_index("ix_plan_actions_consultation_id", table_name="plan_actions")
    op.create_index("ix_plan_actions_consultation_id", "plan_actions", ["consultation_id"])
    op.drop_index("ix_plan_actions_due", table_name="plan_actions")
    with op.batch_alter_table("plan_actions", schema=None) as batch_op:
        batch_op.drop_column("times_carried")
