"""Figure 4: a 50-article n-way comparison from the CLI, cold and warm, with its peak memory."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from benchmarks import corpus
from benchmarks.fig_cli import _cli, child_env
from benchmarks.measure import run_child
from benchmarks.record import Figure


def measure(size: int = 50) -> list[Figure]:
    """Cold: a new process and an empty database. Warm: again, claims and pair links cached."""
    work = Path(tempfile.mkdtemp(prefix="claimdiff-bench-nway-"))
    try:
        paths = corpus.write(corpus.corpus(size), work / "articles")
        db = f"sqlite:///{work / 'nway.sqlite3'}"
        env = child_env(work / "home")
        report = work / "report.json"
        argv = [
            *_cli(),
            "compare",
            *map(str, paths),
            "--db",
            db,
            "--format",
            "json",
            "-o",
            str(report),
        ]
        cold = run_child(argv, env=env, own_memory=True).check("cold n-way compare")
        data = json.loads(report.read_text(encoding="utf-8"))
        warm = run_child(argv, env=env, own_memory=True).check("warm n-way compare")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    claims, links = len(data.get("claims", [])), len(data.get("links", []))
    pairs = size * (size - 1) // 2
    peak = max(cold.peak_rss_mb, warm.peak_rss_mb)
    return [
        Figure(
            "nway_cold_s",
            f"{size}-article comparison, cold",
            cold.seconds,
            "s",
            "<= 60 s",
            cold.seconds <= 60,
            note=f"{claims:,} claims, {links:,} links",
        ),
        Figure(
            "nway_warm_s",
            f"{size}-article comparison, warm (cached claims and links)",
            warm.seconds,
            "s",
            "<= 5 s",
            warm.seconds <= 5,
            note=f"claims of {size} articles and links of {pairs:,} pairs from the database",
        ),
        Figure(
            "nway_peak_mb",
            f"{size}-article comparison, peak RSS",
            peak,
            "MB",
            "<= 1024 MB",
            peak <= 1024,
            note=f"cold {cold.peak_rss_mb:.0f} MB, warm {warm.peak_rss_mb:.0f} MB",
        ),
    ]
