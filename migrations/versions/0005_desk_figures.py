"""figures the desk reads kept by the store: times carried, lead items, D by discipline

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03

- plan_actions.times_carried: how many follow-ups carried the action (the length of its
  carried_from chain). Due now lists the actions carried more than once and counts them;
  walking every chain on each showing cost more than the whole page may take on a large log
  (about 100 ms of 10k cases' 20k open actions). The store writes it with the case's roll-ups
  whenever a session of the case is written or deleted; here it is filled from the chains.
- plan_actions.later_status, later_reviewed: the verdict of the action a follow-up carried from
  this one, so what became of each action at review is counted without joining every action
  to its copy (about 40 ms on 100k actions); ix_plan_actions_carried_from gains them.
- plan_actions (status, lower(owner_role), coalesce(due_on, '9999-12-31')): Due now's order
  (owner role, then due date, undated last), so a page is read in index order and stops after
  its rows instead of sorting every open action.
- plan_actions (consultation_id, status, due_on, times_carried) replaces the one-column index
  on consultation_id: Due now's counts come from the index alone.
- cases (status, next_review_on): the reviews due, in order, from the index.
- consultations.lead_items, indexed: each perspective's lead item as "keyA keyB keyC keyD" (NULL
  unless all four have one). The patterns' recurring combinations are a GROUP BY over it, where
  four joined seeks per session and a sort of the joined strings took about 130 ms on 30k sessions.
- discipline_items (consultation_id, role, item_key), indexed by (role, item_key): the disciplines
  that spoke in D and the D items, per session. "D by discipline" counts it in index order, where
  joining every D voice to every D item and sorting them took about 170 ms on 30k sessions.
- consultations (substr(held_on, 1, 7)): sessions per month counted in index order.
The store writes times_carried, the later verdict, lead_items and discipline_items whenever a
session is written or deleted; here they are filled from what is there.
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
LATER = ("(SELECT l.{column} FROM plan_actions AS l JOIN consultations AS ls ON ls.id = l.consultation_id "
         "WHERE l.carried_from_id = plan_actions.id ORDER BY ls.held_on DESC, ls.id DESC, l.id DESC LIMIT 1)")
VERDICTS = (f"UPDATE plan_actions SET later_status = {LATER.format(column='status')}, "
            f"later_reviewed = {LATER.format(column='reviewed')}")
LEAD_ITEMS = """
UPDATE consultations SET lead_items = (
    SELECT a.item_key || ' ' || b.item_key || ' ' || c.item_key || ' ' || d.item_key
    FROM perspective_items AS a
    JOIN perspective_items AS b ON b.consultation_id = a.consultation_id AND b.perspective = 'B' AND b.position = 0
    JOIN perspective_items AS c ON c.consultation_id = a.consultation_id AND c.perspective = 'C' AND c.position = 0
    JOIN perspective_items AS d ON d.consultation_id = a.consultation_id AND d.perspective = 'D' AND d.position = 0
    WHERE a.consultation_id = consultations.id AND a.perspective = 'A' AND a.position = 0
)
"""
DISCIPLINE_ITEMS = """
INSERT INTO discipline_items (consultation_id, role, item_key)
SELECT DISTINCT c.consultation_id, c.role, i.item_key
FROM contributions AS c
JOIN perspective_items AS i ON i.consultation_id = c.consultation_id AND i.perspective = 'D'
WHERE c.perspective = 'D' AND c.role IS NOT NULL AND c.role != ''
"""


def upgrade() -> None:
    op.add_column("plan_actions", sa.Column("times_carried", sa.Integer(), server_default="0", nullable=False))
    op.execute(BACKFILL)
    op.add_column("plan_actions", sa.Column("later_status", sa.String(length=10), nullable=True))
    op.add_column("plan_actions", sa.Column("later_reviewed", sa.Boolean(), nullable=True))
    op.execute(VERDICTS)
    op.drop_index("ix_plan_actions_carried_from", table_name="plan_actions")
    op.create_index("ix_plan_actions_carried_from", "plan_actions",
                    ["carried_from_id", "status", "reviewed", "later_status", "later_reviewed"])
    op.create_index("ix_plan_actions_due", "plan_actions",
                    ["status", sa.text("lower(owner_role)"), sa.text(f"coalesce(due_on, {UNDATED})")])
    op.drop_index("ix_plan_actions_consultation_id", table_name="plan_actions")
    op.create_index("ix_plan_actions_consultation_id", "plan_actions",
                    ["consultation_id", "status", "due_on", "times_carried"])
    op.create_index("ix_cases_status_next_review_on", "cases", ["status", "next_review_on"])
    op.add_column("consultations", sa.Column("lead_items", sa.String(length=250), nullable=True))
    op.execute(LEAD_ITEMS)
    op.create_index("ix_consultations_lead_items", "consultations", ["lead_items"])
    op.create_index("ix_consultations_month", "consultations", [sa.text("substr(held_on, 1, 7)")])
    op.create_table(
        "discipline_items",
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("item_key", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(["consultation_id"], ["consultations.id"], ondelete="CASCADE",
                                name="fk_discipline_items_consultation_id_consultations"),
        sa.PrimaryKeyConstraint("consultation_id", "role", "item_key", name="pk_discipline_items"),
    )
    op.execute(DISCIPLINE_ITEMS)
    op.create_index("ix_discipline_items_role_item_key", "discipline_items", ["role", "item_key"])


def downgrade() -> None:
    # SQLite's own DROP COLUMN (3.35+), not batch mode: batch rebuilds a table by dropping it,
    # and with foreign keys on (the app's engine) dropping consultations would cascade-delete
    # every session's items, contributions and actions (tests/migrations: a downgrade keeps them).
    op.drop_index("ix_discipline_items_role_item_key", table_name="discipline_items")
    op.drop_table("discipline_items")
    op.drop_index("ix_consultations_month", table_name="consultations")
    op.drop_index("ix_consultations_lead_items", table_name="consultations")
    op.execute("ALTER TABLE consultations DROP COLUMN lead_items")
    op.drop_index("ix_cases_status_next_review_on", table_name="cases")
    op.drop_index("ix_plan_actions_consultation_id", table_name="plan_actions")
    op.drop_index("ix_plan_actions_due", table_name="plan_actions")
    op.drop_index("ix_plan_actions_carried_from", table_name="plan_actions")
    for column in ("later_reviewed", "later_status", "times_carried"):
        op.execute(f"ALTER TABLE plan_actions DROP COLUMN {column}")
    op.create_index("ix_plan_actions_consultation_id", "plan_actions", ["consultation_id"])
    op.create_index("ix_plan_actions_carried_from", "plan_actions", ["carried_from_id", "status", "reviewed"])
