"""Figure 5: the desktop app, driven offscreen: launch, open a stored comparison, filter."""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.claimsets import alignment_claims, documents_for
from benchmarks.measure import run_child
from benchmarks.record import Figure


def stored_comparison(db: str, claims: int) -> int:
    """Store a comparison of two documents with ``claims`` claims in all; return its id."""
    from claimdiff import api, extract
    from claimdiff.pipeline import run

    a, b = alignment_claims(claims // 2)
    documents, a, b = documents_for(a, b)
    cached = {documents[0].sha256: a, documents[1].sha256: b}
    comparison = run(list(documents), api.get_extractor(), cached=cached)
    version = getattr(extract, "PIPELINE_VERSION", None) or getattr(api, "PIPELINE_VERSION", "1")
    saved = api.open_store(db).save_comparison(comparison, str(version))
    if saved.id is None:
        raise RuntimeError("the store gave the comparison no id")
    return int(saved.id)


def measure(claims: int = 5000, repeat: int = 3) -> list[Figure]:
    """The window is timed from the child's launch; open and filter inside the child."""
    work = Path(tempfile.mkdtemp(prefix="claimdiff-bench-app-"))
    try:
        db = f"sqlite:///{work / 'app.sqlite3'}"
        comparison_id = stored_comparison(db, claims)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(work / "home"),
            "XDG_CONFIG_HOME": str(work / "config"),
            "XDG_DATA_HOME": str(work / "data"),
        }
        driver = [sys.executable, "-m", "benchmarks.app_driver", db, str(comparison_id)]
        runs, cold = [], []
        # One cold open, between the usual ones, so a busy machine slows both kinds.
        for number in range(repeat + 1):
            env["BENCH_T0"] = repr(time.monotonic())
            extra = ["--cold"] if number == 1 else []
            child = run_child([*driver, *extra], env=env).check("app driver")
            (cold if extra else runs).append(json.loads(child.stdout.strip().splitlines()[-1]))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return _figures(runs, claims, cold)


def _best(runs: list[dict[str, float]], key: str) -> float | None:
    values = [r[key] for r in runs if isinstance(r.get(key), (int, float))]
    return min(values) if values else None


def _figures(
    runs: list[dict[str, float]], claims: int, cold: list[dict[str, float]]
) -> list[Figure]:
    visible, opened = _best(runs + cold, "visible_s"), _best(runs, "open_s")
    first = _best(cold, "open_s")
    cold_note = f"; at once, engine not yet loaded: {first:.3f} s" if first is not None else ""
    filtered, cleared = _best(runs, "filter_s"), _best(runs, "clear_s")
    slowest = max(v for v in (filtered, cleared) if v is not None) if filtered else None
    last = runs[-1]
    note = f"{last.get('rows', '?')} rows -> {last.get('kept', '?')} for '{last.get('word', '')}'"
    return [
        Figure(
            "app_visible_s",
            "app: window visible after launch",
            visible,
            "s",
            "<= 1 s",
            None if visible is None else visible <= 1,
            note=f"best of {len(runs) + len(cold)}",
        ),
        Figure(
            "app_open_s",
            f"app: open a stored {claims:,}-claim comparison",
            opened,
            "s",
            "<= 1 s",
            None if opened is None else opened <= 1,
            note=f"best of {len(runs)}, from the library after the engine loaded{cold_note}",
        ),
        Figure(
            "app_filter_s",
            "app: filter the claim table (type / clear)",
            slowest,
            "s",
            "<= 0.1 s",
            None if slowest is None else slowest <= 0.1,
            note=note,
        ),
    ]
