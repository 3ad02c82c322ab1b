"""Several processes on one database: every write stored, readers never locked out."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from claimdiff.store import Store, StoreError
from claimdiff.store.engine import sqlite_path
from tests.integration.conftest import ComparisonFactory

ROOT = Path(__file__).resolve().parents[2]
WRITERS, EACH = 4, 5

WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[1])
    from claimdiff.store import Store
    from tests.integration.conftest import build_comparison

    url, writer, count = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    store = Store(url)
    shared = "Alpha said 3 people came.\\nBeta rose."  # every writer stores this document too
    for index in range(count):
        own = f"Alpha said {writer}{index} people came.\\nBeta rose by {index}."
        store.save_comparison(build_comparison(shared, own), "test-1")
    print("wrote", count)
    """
)

READER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    from claimdiff.store import Store

    url, stop = sys.argv[2], Path(sys.argv[3])
    store = Store(url)
    reads, end = 0, time.monotonic() + 120
    while (not stop.exists() or reads == 0) and time.monotonic() < end:
        for row in store.list_comparisons()[:3]:
            assert store.load_comparison(row.id).claims, row
        reads += 1
    print("reads", reads)
    """
)


Spawn = Callable[..., "subprocess.Popen[str]"]


@pytest.fixture
def spawn() -> Iterator[Spawn]:
    """Start helper processes; any still running at the end are killed and reaped."""
    started: list[subprocess.Popen[str]] = []

    def start(script: str, *args: object) -> subprocess.Popen[str]:
        process = subprocess.Popen(
            [sys.executable, "-c", script, str(ROOT), *map(str, args)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.communicate()


def test_concurrent_writers_all_stored_while_readers_read(
    store_url: str, tmp_path: Path, spawn: Spawn
) -> None:
    Store(store_url).close()  # the schema exists before the race starts
    stop = tmp_path / "writers-done"
    readers = [spawn(READER, store_url, stop) for _ in range(2)]
    writers = [spawn(WRITER, store_url, n, EACH) for n in range(WRITERS)]
    outputs = [(p, *p.communicate(timeout=240)) for p in writers]
    stop.touch()  # readers kept reading for as long as writers wrote
    outputs += [(p, *p.communicate(timeout=240)) for p in readers]
    for process, _out, err in outputs:
        assert process.returncode == 0, err[-2000:]
        assert "locked" not in err
    assert all(out.startswith("wrote") for _p, out, _e in outputs[:WRITERS])
    assert all(int(out.split()[1]) > 0 for _p, out, _e in outputs[WRITERS:])
    store = Store(store_url)
    counts = store.row_counts()
    store.close()
    assert counts["comparisons"] == WRITERS * EACH
    # The shared document was stored once, not once per writer.
    assert counts["documents"] == WRITERS * EACH + 1
    assert counts["claims"] == 2 * counts["documents"]


def test_concurrent_first_opens_migrate_once(tmp_path: Path, spawn: Spawn) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    writers = [spawn(WRITER, url, n, 1) for n in range(4)]
    for process in writers:
        _out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err[-2000:]
    store = Store(url)
    assert store.row_counts()["comparisons"] == 4
    store.close()


def test_writer_gives_up_with_one_line_and_reader_carries_on(
    db_url: str, make_comparison: ComparisonFactory
) -> None:
    store = Store(db_url, timeout=0.5)
    first = store.save_comparison(make_comparison(), "test-1")
    path = sqlite_path(db_url)
    assert path is not None
    other_program = sqlite3.connect(path, isolation_level=None)
    other_program.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    other_program.execute("UPDATE comparisons SET name = 'being edited'")
    try:
        with pytest.raises(StoreError, match="busy") as caught:
            store.save_comparison(make_comparison(settings=0.2), "test-1")
        assert "\n" not in str(caught.value) and "nothing was changed" in str(caught.value)
        # Readers are not blocked by a writer (WAL), and see the last committed state.
        assert store.load_comparison(first.id or 0).name == first.name
        assert [row.id for row in store.list_comparisons()] == [first.id]
    finally:
        other_program.execute("ROLLBACK")
        other_program.close()
    second = store.save_comparison(make_comparison(settings=0.2), "test-1")
    assert [row.id for row in store.list_comparisons()] == [second.id, first.id]
    store.close()


def test_writer_waits_for_a_short_lock(
    db_url: str, make_comparison: ComparisonFactory, spawn: Spawn
) -> None:
    store = Store(db_url, timeout=20)
    store.save_comparison(make_comparison(), "test-1")
    path = sqlite_path(db_url)
    holder = spawn(
        textwrap.dedent(
            """
            import sqlite3, sys, time
            db = sqlite3.connect(sys.argv[2], isolation_level=None)
            db.execute("BEGIN IMMEDIATE")
            print("locked", flush=True)
            time.sleep(1.0)
            db.execute("COMMIT")
            """
        ),
        path,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    saved = store.save_comparison(make_comparison(settings=0.2), "test-1")
    holder.communicate(timeout=30)
    assert saved.id == 2
    store.close()
