"""carried actions remember whether they were reviewed

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02

A follow-up session carries the previous session's open actions; each waits for the
group's verdict. Actions already in a log were reviewed the old way (presumed "not done"
until changed), so they count as reviewed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("plan_actions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reviewed", sa.Boolean(), server_default=sa.true(), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("plan_actions", schema=None) as batch_op:
        batch_op.drop_column("reviewed")
