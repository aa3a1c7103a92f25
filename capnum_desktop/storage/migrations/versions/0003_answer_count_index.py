"""covering index on answer (interview_id, status) for the session list at 10,000 interviews

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_answer_interview_id_status", "answer", ["interview_id", "status"])


def downgrade() -> None:
    op.drop_index("ix_answer_interview_id_status", table_name="answer")
