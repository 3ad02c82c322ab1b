"""Alembic environment: migrate the connection that claimdiff.store.migrate hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from claimdiff.store.schema import Base


def run_migrations(connection: Connection) -> None:
    """Run pending revisions in the caller's transaction (it holds the migration lock)."""
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite cannot ALTER most things; batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


_connection = context.config.attributes.get("connection")
if _connection is None:
    raise RuntimeError("run migrations through claimdiff.store.migrate, not the alembic command")
run_migrations(_connection)
