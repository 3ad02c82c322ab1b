"""Profiles (pyinstrument) of what dominates each figure, kept in out/bench/."""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import corpus
from benchmarks.measure import run_child

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "out" / "bench"
TOP = 12
SEEDS = [str(p) for p in corpus.SEEDS]


def _top(profiler: Any, top: int = TOP) -> list[str]:
    """The heaviest frames by own time, as share of the whole run."""
    text = profiler.output_text(flat=True, time="percent_of_total", unicode=False, color=False)
    body = [line.rstrip() for line in text.splitlines() if "%" in line and line.strip()]
    return body[:top]


def profile(name: str, func: Callable[[], object]) -> list[str]:
    """Profile one call; keep the full tree in out/bench/profile-NAME.{txt,html}."""
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.002)
    profiler.start()
    try:
        func()
    finally:
        profiler.stop()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"profile-{name}.txt").write_text(profiler.output_text(), encoding="utf-8")
    (OUT / f"profile-{name}.html").write_text(profiler.output_html(), encoding="utf-8")
    return _top(profiler)


def _seed_cold() -> object:
    import contextlib
    import io

    from claimdiff.cli import main

    # The report goes elsewhere than the process's own stdout, so the command returns
    # instead of ending the process (cli._exit_at_once) before the profile is printed.
    with contextlib.redirect_stdout(io.StringIO()):
        return main(["compare", *SEEDS, "--no-save"], standalone_mode=False)


def seed_cold() -> list[str]:
    """The CLI seed comparison in a new process, imports and model load included."""
    result = run_child([sys.executable, "-m", "benchmarks.profiles", "seed"]).check("profile")
    lines: list[str] = json.loads(result.stdout.strip().splitlines()[-1])
    return lines


def extraction(size: int = 50) -> list[str]:
    from claimdiff.api import get_extractor
    from claimdiff.ingest import document_from_text

    docs = [document_from_text(a.text, doc_id=i) for i, a in enumerate(corpus.corpus(size))]
    extractor = get_extractor()
    extractor.nlp  # noqa: B018 - load outside the profile
    return profile("extract", lambda: extractor.extract_many(docs))


def alignment(size: int = 5000) -> list[str]:
    from benchmarks.claimsets import alignment_claims
    from claimdiff.align import align
    from claimdiff.settings import Settings

    a, b = alignment_claims(size)
    align(a[:10], b[:10], Settings())
    return profile("align", lambda: align(a, b, Settings()))


def nway(size: int = 50) -> list[str]:
    from claimdiff import api

    work = Path(tempfile.mkdtemp(prefix="claimdiff-bench-profile-"))
    try:
        paths = corpus.write(corpus.corpus(size), work)
        db = f"sqlite:///{work / 'profile.sqlite3'}"
        api.get_extractor().nlp  # noqa: B018 - the model load is profiled with the seed run
        return profile("nway", lambda: api.compare_files(paths, db=db))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def app_open(claims: int = 5000) -> list[str]:
    """The desktop app opening a stored comparison (profiled inside the driver process)."""
    import os

    from benchmarks.fig_app import stored_comparison

    work = Path(tempfile.mkdtemp(prefix="claimdiff-bench-profile-app-"))
    try:
        db = f"sqlite:///{work / 'app.sqlite3'}"
        comparison_id = stored_comparison(db, claims)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "BENCH_PROFILE": "1",
            "HOME": str(work),
            "XDG_CONFIG_HOME": str(work / "config"),
        }
        argv = [sys.executable, "-m", "benchmarks.app_driver", db, str(comparison_id)]
        child = run_child(argv, env=env).check("app driver")
        lines: list[str] = json.loads(child.stdout.strip().splitlines()[-1])["profile"]
        return lines
    finally:
        shutil.rmtree(work, ignore_errors=True)


PROFILES: dict[str, Callable[[], list[str]]] = {
    "seed comparison, cold CLI process": seed_cold,
    "extraction of 50 articles": extraction,
    "alignment of 2 x 5,000 claims": alignment,
    "50-article comparison, in process, new database": nway,
    "app: open a stored 5,000-claim comparison": app_open,
}


if __name__ == "__main__":
    # Child mode for the cold seed profile: the profiler starts before claimdiff is imported.
    print(json.dumps(profile("seed", _seed_cold)))
