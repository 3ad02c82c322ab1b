"""A new database made from the models equals one made by running every Alembic migration."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from claimdiff.store import Store
from claimdiff.store.migrate import alembic_config, head_revision, known_revisions
from tests.integration.conftest import PostgresServer


def _two_empty_databases(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> list[str]:
    if backend == "sqlite":
        return [
            f"sqlite:///{tmp_path / 'created.sqlite3'}",
            f"sqlite:///{tmp_path / 'mig.sqlite3'}",
        ]
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return [server.create_database(), server.create_database()]


def _migrate_with_alembic(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    engine.dispose()


def _schema(url: str) -> dict[str, Any]:
    """Every table with its columns, keys, indexes and constraints, in comparable form."""
    engine = create_engine(url)
    found: dict[str, Any] = {}
    with engine.connect() as connection:
        found["revision"] = connection.execute(
            text("SELECT version_num FROM alembic_version")
        ).all()
        schema = inspect(connection)
        for table in sorted(schema.get_table_names()):
            found[table] = {
                "columns": [
                    (c["name"], str(c["type"]), c["nullable"], c.get("default"))
                    for c in schema.get_columns(table)
                ],
                "primary key": schema.get_pk_constraint(table),
                "foreign keys": sorted(
                    (
                        fk["constrained_columns"],
                        fk["referred_table"],
                        fk["referred_columns"],
                        fk.get("options", {}).get("ondelete"),
                    )
                    for fk in schema.get_foreign_keys(table)
                ),
                "indexes": sorted(
                    (i["name"], i["column_names"], bool(i["unique"]))
                    for i in schema.get_indexes(table)
                ),
                "unique": sorted(
                    (u["name"] or "", u["column_names"])
                    for u in schema.get_unique_constraints(table)
                ),
                "checks": sorted(str(c["sqltext"]) for c in schema.get_check_constraints(table)),
            }
    engine.dispose()
    return found


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_created_schema_equals_the_migrated_one(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    created, migrated = _two_empty_databases(backend, tmp_path, request)
    Store(created).close()
    _migrate_with_alembic(migrated)
    made, expected = _schema(created), _schema(migrated)
    assert made["revision"] == [(head_revision(),)]
    assert set(made) == set(expected) and "documents" in made and "curations" in made
    for table in expected:
        assert made[table] == expected[table], table


def test_a_created_database_is_upgraded_by_alembic_later(tmp_path: Path) -> None:
    # Alembic reads the stamped revision: there is nothing left for it to do.
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    Store(url).close()
    engine = create_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
        assert connection.execute(text("SELECT version_num FROM alembic_version")).all() == [
            (head_revision(),)
        ]
    engine.dispose()


def test_head_and_revisions_agree_with_alembic() -> None:
    scripts = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == scripts.get_current_head()
    assert known_revisions() == {s.revision for s in scripts.walk_revisions()}


def test_a_new_database_does_not_import_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    probe = (
        "import sys; from claimdiff.store import Store; "
        f"s = Store({url!r}); print(s.revision()); s.close(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.split("\n")[:2] == [head_revision(), "[]"]
