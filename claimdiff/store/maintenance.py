"""Maintenance: check integrity and schema, back up online, vacuum."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import SQLAlchemyError

from claimdiff.extract.version import PIPELINE_VERSION
from claimdiff.linkcache import model_fingerprint
from claimdiff.store.database import Store
from claimdiff.store.engine import normalise_url, sqlite_path
from claimdiff.store.errors import StoreError, short
from claimdiff.store.migrate import (
    check_known,
    head_revision,
    pg_dump,
    sqlite_backup,
)
from claimdiff.store.schema import Base, ComparisonRow, PairLinkRow


def open_existing(url: str) -> Store:
    """Open a database for maintenance as it is: never create, never upgrade it."""
    path = sqlite_path(normalise_url(url))
    if path is not None and not path.is_file():
        raise StoreError(f"no database at {path}")
    return Store(url, migrate=False)


def check(store: Store) -> str:
    """One line on the database's health; StoreError naming the first problem found."""
    problems = store.read(lambda s: _problems(s.connection()))
    if problems:
        raise StoreError(f"database {store.name} is damaged: {problems[0]}")
    revision = store.revision()
    check_known(revision, store.url)
    if revision is None:
        return f"ok: {store.name} is empty; ClaimDiff creates its tables on first use"
    head = head_revision()
    if revision != head:
        return (
            f"ok: {store.name}: integrity ok, schema revision {revision} (older than {head}: "
            "opening it with ClaimDiff upgrades it after a backup)"
        )
    missing = store.read(lambda s: _missing_tables(s.connection()))
    if missing:
        raise StoreError(f"database {store.name} lacks table {missing[0]} at revision {head}")
    count = store.read(lambda s: s.scalar(select(func.count()).select_from(ComparisonRow)))
    pairs, stale = store.read(_pair_counts)
    return (
        f"ok: {store.name}: integrity ok, schema revision {revision} (current), "
        f"comparisons stored: {count}, document pairs cached: {pairs} "
        f"({stale} for other ClaimDiff versions: db vacuum removes them)"
    )


def _pair_counts(session: Any) -> tuple[int, int]:
    """Cached document pairs: all, and those no run of this ClaimDiff can use."""
    table = PairLinkRow.__table__.c
    total = session.scalar(select(func.count()).select_from(PairLinkRow)) or 0
    stale = session.scalar(
        select(func.count())
        .select_from(PairLinkRow)
        .where((table.pipeline != PIPELINE_VERSION) | (table.model != model_fingerprint()))
    )
    return total, stale or 0


def _missing_tables(connection: Any) -> list[str]:
    inspector = inspect(connection)
    return [t.name for t in Base.metadata.sorted_tables if not inspector.has_table(t.name)]


def _problems(connection: Any) -> list[str]:
    if connection.dialect.name != "sqlite":
        # PostgreSQL checks its own pages; reading every table proves they are readable.
        for table in inspect(connection).get_table_names():
            connection.execute(text(f'SELECT count(*) FROM "{table}"'))
        return []
    rows = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
    problems = [row for row in rows if row != "ok"]
    for table, rowid, parent, _fk in connection.exec_driver_sql("PRAGMA foreign_key_check"):
        problems.append(f"row {rowid} of {table} points to a missing {parent} row")
    return problems


def backup(store: Store, target: Path) -> Path:
    """Copy the database while others may use it; return the file written."""
    if target.is_dir():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        source = sqlite_path(store.url)
        suffix = ".sqlite3" if source is not None else ".dump"
        target = target / f"claimdiff-{stamp}{suffix}"
    if target.exists():
        raise StoreError(f"{target} exists; give a new file name")
    source = sqlite_path(store.url)
    if source is not None:
        sqlite_backup(source, target)
        with sqlite3.connect(target) as copy:
            result = copy.execute("PRAGMA integrity_check").fetchone()
        copy.close()
        if result is None or result[0] != "ok":
            raise StoreError(f"the backup {target} failed its integrity check")
        return target
    if store.engine.dialect.name == "postgresql":
        pg_dump(store.url, target)
        return target
    raise StoreError(f"cannot back up {store.name}: use your database's own backup tool")


class Vacuumed(NamedTuple):
    """What ``vacuum`` did: the size before and after (SQLite), stale cache rows removed."""

    before: int | None
    after: int | None
    stale_pairs: int


def vacuum(store: Store) -> Vacuumed:
    """Remove stale cache rows, reclaim free space and refresh statistics.

    Cached pair links of other pipeline versions or matcher fingerprints can
    never be used by this ClaimDiff, so they are deleted first (in a database
    shared with colleagues on another version, theirs are re-made on their next run).
    """
    path = sqlite_path(store.url)
    before = _size(path)
    stale = 0
    if store.revision() == head_revision():
        stale = store.remove_stale_pairs(PIPELINE_VERSION, model_fingerprint())
    try:
        with store.engine.connect() as connection:
            if connection.dialect.name == "sqlite":
                # Straight to the driver: VACUUM cannot run inside a transaction.
                raw: Any = connection.connection.dbapi_connection
                raw.execute("VACUUM")
                raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                raw.execute("PRAGMA optimize")
            else:
                # The pool restores the isolation level when the connection goes back.
                connection.execution_options(isolation_level="AUTOCOMMIT")
                connection.exec_driver_sql("VACUUM (ANALYZE)")
    except (SQLAlchemyError, sqlite3.Error) as error:
        raise StoreError(f"cannot vacuum {store.name}: {short(error)}") from None
    return Vacuumed(before, _size(path), stale)


def _size(path: Path | None) -> int | None:
    if path is None:
        return None
    files = [path, path.with_name(path.name + "-wal")]
    return sum(f.stat().st_size for f in files if f.exists())
