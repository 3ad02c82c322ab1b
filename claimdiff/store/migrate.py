"""Bring a database to the current schema with Alembic, backing it up before any upgrade."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sqlite3
import subprocess
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine, make_url

from claimdiff.store.engine import WRITE, sqlite_path
from claimdiff.store.errors import SchemaTooNewError, StoreError

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic (0.1 s to import) is imported only when an existing database needs upgrading:
# a new database is created from the models and stamped with the head revision.

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
LEGACY_REVISION = "0001"
"""Databases made before Alembic (tables, no version table) have the first schema."""

VERSION_TABLE = "alembic_version"

_PG_LOCK_KEY = 0x436C6D44  # any constant; serialises migrations of one PostgreSQL database

_REVISION_LINE = re.compile(r"""^(down_revision|revision)\s*(?::[^=]*)?=\s*(.+?)\s*$""", re.M)


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic settings pointing at the migrations shipped inside the package."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


@cache
def revision_graph() -> dict[str, str | None]:
    """Each shipped revision and the one it follows, read from the migration files.

    Read from the files, not a constant, so a new migration can never be
    forgotten; a test checks that this agrees with Alembic's own reading.
    """
    graph: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS / "versions").glob("*.py")):
        found = dict(_REVISION_LINE.findall(script.read_text(encoding="utf-8")))
        if "revision" not in found:
            continue  # __init__.py
        down = found.get("down_revision", "None").strip("'\"")
        graph[found["revision"].strip("'\"")] = None if down == "None" else down
    return graph


@cache
def head_revision() -> str:
    """The newest schema revision this version of ClaimDiff knows."""
    graph = revision_graph()
    heads = set(graph) - {down for down in graph.values() if down is not None}
    assert len(heads) == 1, f"the shipped migrations must have one head, not {sorted(heads)}"
    return heads.pop()


def known_revisions() -> frozenset[str]:
    """Every schema revision this version of ClaimDiff can upgrade from."""
    return frozenset(revision_graph())


def current_revision(connection: Connection) -> str | None:
    """The stored revision; the legacy one for pre-Alembic tables; None for an empty database."""
    tables = set(inspect(connection).get_table_names())
    if VERSION_TABLE in tables:
        stored = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars()
        revisions = list(stored)
        if len(revisions) == 1:
            return str(revisions[0])
        if revisions:
            raise StoreError(f"the database has several schema revisions: {sorted(revisions)}")
    return LEGACY_REVISION if "documents" in tables else None


def check_known(revision: str | None, url: str) -> None:
    """Refuse, without touching it, a database from a newer ClaimDiff."""
    if revision is not None and revision not in known_revisions():
        raise SchemaTooNewError(
            f"database {display_url(url)} has schema revision {revision}, newer than this "
            f"ClaimDiff knows (up to {head_revision()}): upgrade ClaimDiff; the database "
            "was left untouched"
        )


def ensure_schema(engine: Engine, url: str) -> Path | None:
    """Create or upgrade the schema; return the backup made before an upgrade, if any."""
    with engine.connect() as connection:
        revision = current_revision(connection)
    check_known(revision, url)
    if revision == head_revision():
        return None
    return _upgrade_locked(engine, url)


def _upgrade_locked(engine: Engine, url: str) -> Path | None:
    """Upgrade inside one transaction holding the write lock, so only one process migrates."""
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:
            # Batch migrations recreate tables; with foreign keys on, dropping the old
            # table would cascade-delete rows. Checked with foreign_key_check below.
            _raw_pragma(connection, "foreign_keys=OFF")
        try:
            connection = connection.execution_options(**{WRITE: True})
            with connection.begin():
                if not sqlite:
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY}
                    )
                backup = _upgrade(connection, url)
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise StoreError("schema upgrade broke foreign keys; nothing was changed")
            return backup
        finally:
            if sqlite:
                _raw_pragma(connection, "foreign_keys=ON")


def _raw_pragma(connection: Connection, pragma: str) -> None:
    # Straight to the driver: through SQLAlchemy it would open a transaction, inside
    # which SQLite ignores this pragma.
    dbapi: Any = connection.connection.dbapi_connection
    dbapi.execute(f"PRAGMA {pragma}")


def _upgrade(connection: Connection, url: str) -> Path | None:
    revision = current_revision(connection)
    check_known(revision, url)
    if revision == head_revision():
        return None  # another process upgraded it while we waited for the lock
    if revision is None:
        create_at_head(connection)
        return None
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    backup = backup_before_upgrade(url, revision)
    config = alembic_config(connection)
    if MigrationContext.configure(connection).get_current_revision() is None:
        command.stamp(config, revision)
    command.upgrade(config, "head")
    return backup


def create_at_head(connection: Connection) -> None:
    """Make every table of an empty database from the models and stamp the head revision.

    This equals running every migration (a test compares the two schemas) at
    a fraction of the cost, and needs no Alembic.
    """
    from sqlalchemy import Column, MetaData, PrimaryKeyConstraint, String, Table

    from claimdiff.store.schema import Base

    Base.metadata.create_all(connection)
    # The version table exactly as Alembic makes it, so Alembic reads it later.
    version = Table(
        VERSION_TABLE,
        MetaData(),
        Column("version_num", String(32), nullable=False),
        PrimaryKeyConstraint("version_num", name=f"{VERSION_TABLE}_pkc"),
    )
    version.create(connection, checkfirst=True)
    connection.execute(version.insert().values(version_num=head_revision()))


def backup_before_upgrade(url: str, revision: str) -> Path:
    """Copy the database next to itself (SQLite) or with pg_dump, named by revision and time."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    path = sqlite_path(url)
    if path is not None:
        target = path.with_name(f"{path.name}.rev{revision}-{stamp}.bak")
        sqlite_backup(path, target)
        return target
    from platformdirs import user_data_path

    folder = user_data_path("ClaimDiff", appauthor=False, ensure_exists=True) / "backups"
    database = make_url(url).database or "postgresql"
    target = folder / f"{database}.rev{revision}-{stamp}.dump"
    pg_dump(url, target)
    return target


def sqlite_backup(source: Path, target: Path) -> None:
    """An online, consistent copy through SQLite's backup API (safe while others write)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.Error as error:
        target.unlink(missing_ok=True)
        raise StoreError(f"cannot back up {source} to {target}: {error}") from None
    finally:
        src.close()


def pg_dump(url: str, target: Path) -> None:
    """Dump a PostgreSQL database with pg_dump (custom format, for pg_restore)."""
    tool = shutil.which("pg_dump")
    if tool is None:
        raise StoreError(
            "pg_dump was not found: install the PostgreSQL client tools to back up "
            f"{display_url(url)}"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    plain = url.replace("postgresql+psycopg://", "postgresql://", 1)
    result = subprocess.run(
        [tool, "--format=custom", f"--file={target}", f"--dbname={plain}"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        target.unlink(missing_ok=True)
        message = (result.stderr.strip().splitlines() or ["failed"])[-1]
        raise StoreError(f"pg_dump could not back up {display_url(url)}: {message}")


def display_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    return make_url(url).render_as_string(hide_password=True)
