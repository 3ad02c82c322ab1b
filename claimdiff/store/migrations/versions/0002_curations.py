"""Curations: analyst actions anchored to claim text, with author and undo."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "curations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("a_sha256", sa.String(length=64), nullable=False),
        sa.Column("a_text", sa.Text(), nullable=False),
        sa.Column("a_start", sa.Integer(), nullable=False),
        sa.Column("b_sha256", sa.String(length=64), nullable=True),
        sa.Column("b_text", sa.Text(), nullable=True),
        sa.Column("b_start", sa.Integer(), nullable=True),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("comparison_id", sa.Integer(), nullable=True),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["comparison_id"],
            ["comparisons.id"],
            name="fk_curations_comparison_id_comparisons",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_curations"),
    )
    op.create_index("ix_curations_a_sha256", "curations", ["a_sha256"])


def downgrade() -> None:
    op.drop_index("ix_curations_a_sha256", table_name="curations")
    op.drop_table("curations")
