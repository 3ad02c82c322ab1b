"""Every command against a real PostgreSQL server (started by the fixture in conftest)."""

from __future__ import annotations

import socket
from pathlib import Path

from click.testing import CliRunner, Result

from claimdiff.cli import main
from claimdiff.store import Store
from tests.conftest import AFP, RFERL


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_every_command_on_postgresql(postgres_url: str, tmp_path: Path) -> None:
    compared = _run("compare", str(AFP), str(RFERL), "--db", postgres_url, "--format", "json")
    assert compared.exit_code == 0, compared.output
    assert '"claimdiff.comparison"' in compared.stdout
    listed = _run("list", "--db", postgres_url)
    assert listed.exit_code == 0 and "AFP" in listed.stdout, listed.output
    shown = _run("show", "1", "--db", postgres_url, "--format", "json")
    assert shown.exit_code == 0, shown.output
    assert "Palazzo Orsetti" in shown.stdout
    checked = _run("db", "check", "--db", postgres_url)
    assert checked.exit_code == 0, checked.output
    assert "schema revision 0003 (current), comparisons stored: 1" in checked.stdout
    target = tmp_path / "team.dump"
    backed_up = _run("db", "backup", str(target), "--db", postgres_url)
    assert backed_up.exit_code == 0, backed_up.output
    assert target.read_bytes().startswith(b"PGDMP")  # pg_dump's custom format
    vacuumed = _run("db", "vacuum", "--db", postgres_url)
    assert vacuumed.exit_code == 0, vacuumed.output
    assert "vacuumed postgresql+psycopg://" in vacuumed.stdout


def test_plain_postgresql_url_uses_psycopg(postgres_url: str) -> None:
    plain = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    store = Store(plain)
    assert store.url == postgres_url
    assert store.list_comparisons() == []
    store.close()


def test_unreachable_server_is_one_line(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = _run("list", "--db", f"postgresql+psycopg://someone:secret@127.0.0.1:{port}/x")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("claimdiff: error: cannot open database")
    assert "secret" not in result.stderr  # the password is never shown
