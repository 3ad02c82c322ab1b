"""Timing helpers: child processes with their peak memory, and repeated in-process calls."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class ChildRun:
    """One finished child process: wall time, peak resident memory and its output."""

    seconds: float
    peak_rss_mb: float
    returncode: int
    stdout: str
    stderr: str

    def check(self, what: str) -> ChildRun:
        """Raise with the child's last error line when it failed."""
        if self.returncode != 0:
            last = (self.stderr.strip().splitlines() or ["(no output)"])[-1]
            raise RuntimeError(f"{what} exited {self.returncode}: {last}")
        return self


_LAUNCHER = """
import os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
seconds = time.perf_counter() - start
with open(sys.argv[1], "w") as report:
    report.write(f"{seconds} {usage.ru_maxrss}")
sys.exit(os.waitstatus_to_exitcode(status) % 256)
"""
"""Runs a command and reports its time and peak RSS, from a small process of its own."""


def run_child(
    argv: Sequence[str],
    *,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 900,
    own_memory: bool = False,
) -> ChildRun:
    """Run a program to the end; peak RSS comes from wait4, so it is this child's own.

    Linux charges a child the resident size of the image it replaced at exec (the
    benchmark process itself, gigabytes after the alignment group); ``own_memory``
    starts the program from a small launcher process instead, so its peak RSS is
    its own, and the time is measured by the launcher around the program alone.
    """
    if own_memory:
        return _launched(argv, env=env, cwd=cwd, timeout=timeout)
    out_path, err_path = _scratch("out"), _scratch("err")
    with out_path.open("w+b") as out, err_path.open("w+b") as err:
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdout=out, stderr=err, env=env, cwd=cwd)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                _, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.005)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    out_path.unlink()
    err_path.unlink()
    # ru_maxrss is in kilobytes on Linux.
    return ChildRun(seconds, usage.ru_maxrss / 1024, process.returncode, stdout, stderr)


def _launched(
    argv: Sequence[str], *, env: dict[str, str] | None, cwd: Path | None, timeout: float
) -> ChildRun:
    import sys

    report = _scratch("rss")
    try:
        run = run_child(
            [sys.executable, "-S", "-c", _LAUNCHER, str(report), *argv],
            env=env,
            cwd=cwd,
            timeout=timeout,
        )
        fields = report.read_text().split()
    finally:
        report.unlink()
    if len(fields) != 2:  # the launcher was killed (timeout): keep its own figures
        return run
    return ChildRun(float(fields[0]), int(fields[1]) / 1024, run.returncode, run.stdout, run.stderr)


def _scratch(kind: str) -> Path:
    import tempfile

    handle, name = tempfile.mkstemp(prefix=f"claimdiff-bench-{kind}-")
    os.close(handle)
    return Path(name)


def best_of(repeat: int, func: Callable[[], T]) -> tuple[float, T]:
    """The fastest of ``repeat`` calls, in seconds, and the last call's result."""
    times = []
    result: T
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return min(times), result


def median(values: Sequence[float]) -> float:
    """The median, which shrugs off one slow outlier among cold process starts."""
    return statistics.median(values)
