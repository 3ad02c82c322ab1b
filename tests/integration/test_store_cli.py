"""`claimdiff db check|backup|vacuum`, and one-line errors for bad databases."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from click.testing import CliRunner, Result
from sqlalchemy import create_engine

from claimdiff.cli import main
from claimdiff.store import Store
from claimdiff.store.migrate import alembic_config
from tests.integration.conftest import ComparisonFactory


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _one_line_error(result: Result) -> str:
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def _fill(url: str, make_comparison: ComparisonFactory) -> str:
    store = Store(url)
    store.save_comparison(make_comparison(), "test-1")
    store.save_comparison(make_comparison(settings=0.3), "test-1")
    store.close()
    return url


@pytest.fixture
def filled(store_url: str, make_comparison: ComparisonFactory) -> str:
    """Two comparisons, on each backend."""
    return _fill(store_url, make_comparison)


@pytest.fixture
def filled_sqlite(db_url: str, make_comparison: ComparisonFactory) -> str:
    """Two comparisons in SQLite (PostgreSQL backups are tested in test_postgres)."""
    return _fill(db_url, make_comparison)


def test_check_reports_revision_and_count(filled: str) -> None:
    result = _run("db", "check", "--db", filled)
    assert result.exit_code == 0, result.output
    assert "integrity ok" in result.stdout
    assert "schema revision 0003 (current)" in result.stdout
    assert "comparisons stored: 2" in result.stdout


def test_check_of_a_missing_file_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "folder" / "none.sqlite3"
    message = _one_line_error(_run("db", "check", "--db", f"sqlite:///{path}"))
    assert message == f"claimdiff: error: no database at {path}"
    assert not path.parent.exists()


@pytest.mark.parametrize(
    "content",
    [
        b"this is not a database at all\n" * 100,  # some other file
        b"",  # replaced below by a database with a damaged page
    ],
)
def test_damaged_sqlite_gives_one_line(
    tmp_path: Path, make_comparison: ComparisonFactory, content: bytes
) -> None:
    path = tmp_path / "damaged.sqlite3"
    url = f"sqlite:///{path}"
    if content:
        path.write_bytes(content)
    else:
        store = Store(url)
        for n in range(30):
            store.save_comparison(make_comparison(settings=n / 100), "test-1")
        store.close()
        data = bytearray(path.read_bytes())
        data[4096 * 3 : 4096 * 5] = b"\xff" * 8192  # scribble over two pages
        path.write_bytes(bytes(data))
    for args in (["db", "check"], ["list"], ["show", "1"]):
        message = _one_line_error(_run(*args, "--db", url))
        assert message.startswith("claimdiff: error: "), args
        assert any(w in message for w in ("not a database", "malformed", "damaged")), message


def test_backup_copies_a_database_in_use(filled_sqlite: str, tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite3"
    reader = Store(filled_sqlite)  # another program has it open
    reader.list_comparisons()
    result = _run("db", "backup", str(target), "--db", filled_sqlite)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"backup: {target}")
    copy = Store(f"sqlite:///{target}")
    assert [row.name for row in copy.list_comparisons()] == [
        row.name for row in reader.list_comparisons()
    ]
    copy.close()
    reader.close()
    again = _one_line_error(_run("db", "backup", str(target), "--db", filled_sqlite))
    assert "exists" in again


def test_backup_into_a_folder_names_the_file(filled_sqlite: str, tmp_path: Path) -> None:
    result = _run("db", "backup", str(tmp_path), "--db", filled_sqlite)
    assert result.exit_code == 0, result.output
    (written,) = tmp_path.glob("claimdiff-*.sqlite3")
    assert str(written) in result.stdout


def test_vacuum_reclaims_space_of_deleted_comparisons(
    db_url: str, make_comparison: ComparisonFactory
) -> None:
    store = Store(db_url)
    for n in range(40):
        text = f"Alpha said {n} people came. " * 200
        store.save_comparison(make_comparison(text, text + " More."), "test-1")
    for row in store.list_comparisons():
        store.delete_comparison(row.id)
    store.close()
    result = _run("db", "vacuum", "--db", db_url)
    assert result.exit_code == 0, result.output
    sizes = result.stdout.split(": ")[-1].replace(",", "").split()
    before, after = int(sizes[0]), int(sizes[2])
    assert after <= before
    assert _run("db", "check", "--db", db_url).exit_code == 0


def test_every_command_accepts_db(filled: str) -> None:
    listed = _run("list", "--db", filled)
    assert listed.exit_code == 0 and "Source 0 vs Source 1" in listed.stdout
    shown = _run("show", "1", "--db", filled, "--format", "json")
    assert shown.exit_code == 0, shown.output
    assert '"Alpha said 3 people came."' in shown.stdout
    assert _run("db", "vacuum", "--db", filled).exit_code == 0


def test_check_leaves_an_older_database_as_it_is(filled: str) -> None:
    engine = create_engine(filled)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0001")
    engine.dispose()
    result = _run("db", "check", "--db", filled)
    assert result.exit_code == 0, result.output
    assert "schema revision 0001 (older than 0003" in result.stdout
    assert Store(filled, migrate=False).revision() == "0001"  # check never upgrades
