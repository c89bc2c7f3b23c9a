"""The weekly sweep's index: late items counted and ranked without reading the table.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LATE = ["plan_id", "status", "due", "activity_id", "phase", "snoozed_until"]


def upgrade() -> None:
    with op.batch_alter_table("plan_items", schema=None) as batch_op:
        batch_op.create_index("ix_plan_items_late", LATE, unique=False)
        batch_op.drop_index("ix_plan_items_plan_id_status_due")


def downgrade() -> None:
    with op.batch_alter_table("plan_items", schema=None) as batch_op:
        batch_op.create_index("ix_plan_items_plan_id_status_due", ["plan_id", "status", "due"], unique=False)
        batch_op.drop_index("ix_plan_items_late")
