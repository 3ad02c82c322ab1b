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


def run_child(
    argv: Sequence[str],
    *,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 900,
) -> ChildRun:
    """Run a program to the end; peak RSS comes from wait4, so it is this child's own."""
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
