"""Integration fixtures: a real PostgreSQL server for the run, a fresh database per test."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from claimdiff.model import Claim, Comparison, Document, Label, Link, Reason, ReasonKind

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


@dataclass(frozen=True)
class PostgresServer:
    """A throwaway server: superuser ``postgres``, trust auth, on 127.0.0.1."""

    port: int

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        import psycopg

        name = f"claimdiff_{uuid.uuid4().hex[:12]}"
        dsn = f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres"
        with psycopg.connect(dsn, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def _pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1].parent if found else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _as_server_user(command: list[str]) -> list[str]:
    # initdb and postgres refuse to run as root.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def _unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"PostgreSQL tests must run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """Start PostgreSQL from Debian's package for the whole run, and stop it at the end."""
    binaries = _pg_bin()
    if binaries is None:
        _unavailable("PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed (pip install 'claimdiff[postgres]')")
    assert binaries is not None
    folder = Path(tempfile.mkdtemp(prefix="claimdiff-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    data = folder / "data"
    run = lambda *args: subprocess.run(  # noqa: E731
        _as_server_user([str(a) for a in args]), capture_output=True, text=True, check=False
    )
    result = run(
        binaries / "initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"
    )
    if result.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        _unavailable(f"initdb failed: {result.stderr.strip()[-300:]}")
    server = None
    for _attempt in range(3):  # the free port may be taken between probe and start
        port = _free_port()
        options = f"-h 127.0.0.1 -p {port} -k {folder} -c fsync=off"
        result = run(
            binaries / "pg_ctl", "-D", data, "-l", folder / "log", "-o", options, "-w", "start"
        )
        if result.returncode == 0:
            server = PostgresServer(port)
            break
    if server is None:
        log = (
            (folder / "log").read_text(errors="replace")[-300:] if (folder / "log").exists() else ""
        )
        shutil.rmtree(folder, ignore_errors=True)
        _unavailable(f"PostgreSQL did not start: {result.stderr.strip()[-200:]} {log}")
    assert server is not None
    try:
        yield server
    finally:
        run(binaries / "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """A fresh, empty PostgreSQL database for one test."""
    return postgres_server.create_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, db_url: str) -> str:
    """A fresh, empty database on each backend in turn."""
    if request.param == "sqlite":
        return db_url
    return str(request.getfixturevalue("postgres_url"))


ComparisonFactory = Callable[..., Comparison]


@pytest.fixture
def make_comparison() -> ComparisonFactory:
    """Build a small comparison from plain values, without running the pipeline."""
    return build_comparison


def build_comparison(*texts: str, conflict: bool = False, settings: float = 0.55) -> Comparison:
    """Documents of one sentence per line; claim i of each document links to claim i of the next."""
    documents: list[Document] = []
    claims: list[Claim] = []
    for position, text in enumerate(
        texts or ("Alpha said 3 people came.\nBeta rose.", "Alpha said 4 people came.\nBeta rose.")
    ):
        sha = hashlib.sha256(text.encode()).hexdigest()
        documents.append(
            Document(
                position,
                f"Title {position}",
                f"Source {position}",
                text,
                sha,
                published=dt.date(2017, 4, 11),
                path=f"/tmp/{position}.txt",
            )
        )
        start = 0
        for line in text.split("\n"):
            claims.append(Claim(len(claims), position, start, start + len(line), line))
            start += len(line) + 1
    links = []
    per_doc = [[c for c in claims if c.document == d] for d in range(len(documents))]
    for left, right in itertools.pairwise(per_doc):
        for a, b in zip(left, right, strict=False):
            reasons = (Reason(ReasonKind.NUMBER, "3", "4", "The numbers differ: 3 vs 4."),)
            label = Label.CONFLICT if conflict or a.text != b.text else Label.AGREE
            links.append(Link(a.id, b.id, label, 0.8, reasons if label is Label.CONFLICT else ()))
    return Comparison(
        tuple(documents), tuple(claims), tuple(links), settings={"link_threshold": settings}
    )
