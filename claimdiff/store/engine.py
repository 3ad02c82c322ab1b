"""Engines for SQLite (WAL, foreign keys, busy timeout) and PostgreSQL, and the retry rule."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from claimdiff.store.errors import StoreError

WRITE = "claimdiff_write"
"""Execution option: the transaction will write, so take SQLite's write lock up front."""

# PostgreSQL: serialization failure, deadlock, lock timeout; all safe to retry.
_PG_RETRY_CODES = {"40001", "40P01", "55P03"}


def normalise_url(url: str) -> str:
    """Use psycopg 3 for plain ``postgresql://`` URLs (psycopg2 is not a dependency)."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other backends and in-memory databases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def make_engine(url: str, timeout: float) -> Engine:
    """An engine whose connections are set up for safe concurrent use."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(f"not a database URL: {url!r}") from None
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, timeout)
    try:
        return create_engine(
            url, pool_pre_ping=True, connect_args={"connect_timeout": max(1, int(timeout))}
        )
    except (NoSuchModuleError, ModuleNotFoundError):
        hint = (
            ": install it with pip install 'claimdiff[postgres]'"
            if parsed.get_backend_name() == "postgresql"
            else " (use sqlite:///PATH or postgresql+psycopg://USER@HOST/DB)"
        )
        raise StoreError(f"no driver for {parsed.drivername}{hint}") from None


def _sqlite_engine(url: str, timeout: float) -> Engine:
    path = sqlite_path(url)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"cannot create the database folder {path.parent}: {error.strerror or error}"
            ) from None
    engine = create_engine(url, connect_args={"timeout": timeout})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN, so writers can ask for IMMEDIATE.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
        # Switching to WAL needs an exclusive lock; it is done once per file, and
        # skipped when already set, so a busy database does not fail new connections.
        if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # A deferred transaction that reads, then writes, can fail with SQLITE_BUSY
        # without waiting; taking the write lock at BEGIN makes writers queue instead.
        write = conn.get_execution_options().get(WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def is_retryable(error: OperationalError) -> bool:
    """Lock and serialization errors that a later attempt may not meet."""
    code = getattr(error.orig, "sqlstate", None)
    if code in _PG_RETRY_CODES:
        return True
    text = str(error.orig).lower()
    return "locked" in text or "busy" in text
