"""SIGKILL in the middle of saving a comparison leaves the database consistent and usable."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from claimdiff import api
from claimdiff.store import Store
from claimdiff.store.engine import sqlite_path
from tests.conftest import AFP, RFERL
from tests.integration.conftest import ComparisonFactory

ROOT = Path(__file__).resolve().parents[2]

# Runs `claimdiff compare`, but stops for good inside the save transaction, once the
# documents and claims are written and before the links are: the worst moment to die.
PAUSED_COMPARE = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    import claimdiff.store.rows as rows

    def pause_mid_write(*args):
        Path(sys.argv[2]).write_text("in the save transaction")
        time.sleep(600)

    rows._link_row = pause_mid_write
    from claimdiff.cli import main
    main(["compare", sys.argv[4], sys.argv[5], "--db", sys.argv[3]])
    """
)


def _wait_for(path: Path, process: subprocess.Popen[str], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        if process.poll() is not None:
            raise AssertionError(f"compare ended before the save: {process.communicate()}")
        assert time.monotonic() < deadline, "compare never reached the save transaction"
        time.sleep(0.05)


def test_sigkill_mid_save_keeps_database_consistent(
    store_url: str, make_comparison: ComparisonFactory, tmp_path: Path
) -> None:
    store = Store(store_url)
    earlier = store.save_comparison(make_comparison(), "test-1")
    before = store.load_comparison(earlier.id or 0)
    counts = store.row_counts()
    store.close()

    ready = tmp_path / "ready"
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            PAUSED_COMPARE,
            str(ROOT),
            str(ready),
            store_url,
            str(AFP),
            str(RFERL),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for(ready, process)
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL

    path = sqlite_path(store_url)
    if path is not None:
        with sqlite3.connect(path) as check:
            assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert check.execute("PRAGMA foreign_key_check").fetchall() == []
        check.close()
    store = Store(store_url)
    # Nothing of the killed comparison was kept, and the earlier one is intact.
    assert store.row_counts() == counts
    assert store.load_comparison(earlier.id or 0) == before
    # A new comparison works, and stores the seeds' documents this time.
    fresh = api.compare_files([AFP, RFERL], db=store)
    assert fresh.id is not None and fresh.id != earlier.id
    after = store.row_counts()
    assert after["documents"] == counts["documents"] + 2
    stored_links = len(store.load_comparison(fresh.id).links)
    assert stored_links > 0
    assert after["links"] == counts["links"] + stored_links
    store.close()
