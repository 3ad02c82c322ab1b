"""Pair-link cache: the links of each aligned document pair, keyed by hashes and fingerprints."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pair_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("a_sha256", sa.String(length=64), nullable=False),
        sa.Column("b_sha256", sa.String(length=64), nullable=False),
        sa.Column("pipeline", sa.String(length=32), nullable=False),
        sa.Column("model", sa.String(length=64), nullable=False),
        sa.Column("settings", sa.String(length=64), nullable=False),
        sa.Column("sources", sa.String(length=64), nullable=False),
        sa.Column("a_claims", sa.Integer(), nullable=False),
        sa.Column("b_claims", sa.Integer(), nullable=False),
        sa.Column("links", sa.JSON(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_pair_links"),
        sa.UniqueConstraint(
            "a_sha256",
            "b_sha256",
            "pipeline",
            "model",
            "settings",
            "sources",
            name="uq_pair_links_key",
        ),
    )


def downgrade() -> None:
    op.drop_table("pair_links")
