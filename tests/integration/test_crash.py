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
from tests.integration.conftest import ComparisonFactory, build_comparison

ROOT = Path(__file__).resolve().parents[2]

# Stops for good inside the save transaction, once the documents, claims and the
# comparison row are written and before the links (and cached pair links) are:
# the worst moment to die.
PAUSE = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    import claimdiff.store.saving as saving

    def pause_mid_write(*args):
        Path(sys.argv[2]).write_text("in the save transaction")
        time.sleep(600)

    saving._insert_links = pause_mid_write
    """
)
CLI_COMPARE = PAUSE + textwrap.dedent(
    """
    from claimdiff.cli import main
    main(["compare", sys.argv[4], sys.argv[5], "--db", sys.argv[3]])
    """
)
STORE_SAVE = PAUSE + textwrap.dedent(
    """
    from claimdiff.store import Store
    from tests.integration.conftest import build_comparison
    Store(sys.argv[3]).save_comparison(build_comparison(sys.argv[4], sys.argv[5]), "test-1")
    """
)
NEW_TEXTS = ("Gamma said 7 ships sailed.\nDelta fell.", "Gamma said 9 ships sailed.\nDelta fell.")


def _kill_mid_save(script: str, url: str, tmp_path: Path, *args: str) -> None:
    ready = tmp_path / "ready"
    process = subprocess.Popen(
        [sys.executable, "-c", script, str(ROOT), str(ready), url, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 180
    try:
        while not ready.exists():
            if process.poll() is not None:
                raise AssertionError(f"ended before the save: {process.communicate()}")
            assert time.monotonic() < deadline, "never reached the save transaction"
            time.sleep(0.05)
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL


def _assert_consistent(url: str) -> None:
    path = sqlite_path(url)
    if path is None:
        return  # PostgreSQL rolls back the dead client's transaction itself
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert check.execute("PRAGMA foreign_key_check").fetchall() == []
    check.close()


def _earlier(url: str, make_comparison: ComparisonFactory) -> tuple[int, object, dict[str, int]]:
    store = Store(url)
    earlier = store.save_comparison(make_comparison(), "test-1")
    state = (earlier.id or 0, store.load_comparison(earlier.id or 0), store.row_counts())
    store.close()
    return state


def test_sigkill_mid_save_then_save_again(
    store_url: str, make_comparison: ComparisonFactory, tmp_path: Path
) -> None:
    earlier_id, before, counts = _earlier(store_url, make_comparison)
    _kill_mid_save(STORE_SAVE, store_url, tmp_path, *NEW_TEXTS)
    _assert_consistent(store_url)
    store = Store(store_url)
    assert store.row_counts() == counts  # nothing of the killed save was kept
    assert store.load_comparison(earlier_id) == before
    again = store.save_comparison(build_comparison(*NEW_TEXTS), "test-1")
    loaded = store.load_comparison(again.id or 0)
    assert [c.text for c in loaded.claims] == [*NEW_TEXTS[0].split("\n"), *NEW_TEXTS[1].split("\n")]
    assert store.row_counts()["documents"] == counts["documents"] + 2
    store.close()


def test_sigkill_mid_cli_compare_then_compare_again(
    store_url: str, make_comparison: ComparisonFactory, tmp_path: Path
) -> None:
    earlier_id, before, counts = _earlier(store_url, make_comparison)
    _kill_mid_save(CLI_COMPARE, store_url, tmp_path, str(AFP), str(RFERL))
    _assert_consistent(store_url)
    store = Store(store_url)
    assert store.row_counts() == counts
    assert store.load_comparison(earlier_id) == before
    fresh = api.compare_files([AFP, RFERL], db=store)
    assert fresh.id is not None and fresh.id != earlier_id
    stored_links = len(store.load_comparison(fresh.id).links)
    assert stored_links > 0
    after = store.row_counts()
    assert after["documents"] == counts["documents"] + 2
    assert after["links"] == counts["links"] + stored_links
    store.close()
