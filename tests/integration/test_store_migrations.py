"""Schema migrations: new databases at head, older ones upgraded after a backup, newer refused."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner
from sqlalchemy import create_engine, inspect, text

from claimdiff.cli import main
from claimdiff.linkcache import PairKey, PairLinks
from claimdiff.store import SchemaTooNewError, Store
from claimdiff.store.engine import sqlite_path
from claimdiff.store.migrate import alembic_config, head_revision
from claimdiff.store.schema import Base
from tests.integration.conftest import ComparisonFactory

PIPELINE = "test-1"


@pytest.fixture(autouse=True)
def _backups_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # PostgreSQL backups go to the user data folder; keep them out of the real one.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


def _revision(url: str) -> str:
    engine = create_engine(url)
    with engine.connect() as connection:
        value = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    engine.dispose()
    return str(value)


def _downgrade(url: str, revision: str) -> None:
    """Take a database made by this version back to an older schema revision."""
    engine = create_engine(url)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), revision)
    engine.dispose()


def _older_database(url: str, make_comparison: ComparisonFactory) -> int:
    store = Store(url)
    saved = store.save_comparison(make_comparison(), PIPELINE)
    store.close()
    _downgrade(url, "0001")
    assert _revision(url) == "0001"
    return saved.id or 0


def test_new_database_starts_at_head(store_url: str) -> None:
    store = Store(store_url)
    assert store.revision() == head_revision() == "0003"
    assert store.backup is None
    assert store.row_counts()["curations"] == 0
    store.close()


def test_older_database_is_upgraded_in_place_after_a_backup(
    store_url: str, make_comparison: ComparisonFactory
) -> None:
    comparison_id = _older_database(store_url, make_comparison)
    store = Store(store_url)
    assert _revision(store_url) == head_revision()
    assert store.backup is not None and store.backup.is_file()
    assert re.search(r"rev0001-\d{8}T\d{6}\d*Z", store.backup.name)
    loaded = store.load_comparison(comparison_id)
    assert [c.text for c in loaded.claims][:2] == ["Alpha said 3 people came.", "Beta rose."]
    assert store.row_counts()["curations"] == 0  # the table 0002 adds is there and usable
    store.close()
    # Opening it again finds nothing to upgrade and makes no second backup.
    again = Store(store_url)
    assert again.backup is None
    again.close()


def _pair_entry() -> PairLinks:
    key = PairKey("a" * 64, "b" * 64, PIPELINE, "model", "settings", "sources")
    return PairLinks.from_payload(key, (2, 1), [[1, 0, "conflict", 0.75, []]])


def test_database_at_0002_gains_the_pair_link_cache(
    store_url: str, make_comparison: ComparisonFactory
) -> None:
    store = Store(store_url)
    saved = store.save_comparison(make_comparison(), PIPELINE, [_pair_entry()])
    assert store.row_counts()["pair_links"] == 1
    store.close()
    _downgrade(store_url, "0002")
    assert _revision(store_url) == "0002"
    engine = create_engine(store_url)
    assert not inspect(engine).has_table("pair_links")
    engine.dispose()
    store = Store(store_url)
    assert store.revision() == head_revision() == "0003"
    assert store.backup is not None and "rev0002" in store.backup.name
    assert store.load_comparison(saved.id or 0).claims == saved.claims
    assert store.row_counts()["pair_links"] == 0  # the cache starts empty, and works
    assert store.store_pairs([_pair_entry()]) == 1
    assert store.cached_pairs([_pair_entry().key]) == {_pair_entry().key: _pair_entry()}
    store.close()


def test_sqlite_backup_sits_next_to_the_database_at_the_old_revision(
    db_url: str, make_comparison: ComparisonFactory
) -> None:
    _older_database(db_url, make_comparison)
    store = Store(db_url)
    path = sqlite_path(db_url)
    assert path is not None and store.backup is not None
    assert store.backup.parent == path.parent
    assert store.backup.name.startswith(path.name + ".rev0001-")
    with sqlite3.connect(store.backup) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert copy.execute("SELECT count(*) FROM comparisons").fetchone() == (1,)
        tables = {row[0] for row in copy.execute("SELECT name FROM sqlite_master")}
    copy.close()
    assert "curations" not in tables
    store.close()


def test_database_from_before_alembic_is_taken_as_the_first_schema(
    db_url: str, make_comparison: ComparisonFactory
) -> None:
    comparison_id = _older_database(db_url, make_comparison)
    with sqlite3.connect(sqlite_path(db_url) or "") as connection:
        connection.execute("DROP TABLE alembic_version")
    connection.close()
    store = Store(db_url)
    assert store.revision() == head_revision()
    assert store.backup is not None and "rev0001" in store.backup.name
    assert store.load_comparison(comparison_id).id == comparison_id
    store.close()


def _stamp_future(url: str) -> None:
    store = Store(url)
    store.close()
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()


def test_newer_database_is_refused_and_left_untouched(store_url: str) -> None:
    _stamp_future(store_url)
    path = sqlite_path(store_url)
    before = path.read_bytes() if path else b""
    with pytest.raises(SchemaTooNewError, match="newer than this ClaimDiff knows") as caught:
        Store(store_url)
    assert "left untouched" in str(caught.value) and "\n" not in str(caught.value)
    assert _revision(store_url) == "9999_future"
    if path is not None:
        assert path.read_bytes() == before
        assert sorted(p.name for p in path.parent.glob("*.bak")) == []


def test_cli_reports_a_newer_database_in_one_line(store_url: str) -> None:
    _stamp_future(store_url)
    for args in (["list"], ["db", "check"], ["show", "1"]):
        result = CliRunner().invoke(main, [*args, "--db", store_url])
        assert result.exit_code == 1, args
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "9999_future" in lines[0], args
        assert "Traceback" not in result.output


def test_migrations_build_exactly_the_models(store_url: str) -> None:
    Store(store_url).close()
    engine = create_engine(store_url)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []
