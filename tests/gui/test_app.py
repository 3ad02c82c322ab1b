"""``claimdiff-gui FILE... --screenshot PATH`` saves a PNG of the window and exits 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from ui import APP_ID, APPLICATION_NAME


def test_screenshot_mode(tmp_path: Path, seed_paths: list[Path], db_url: str) -> None:
    shot = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "ui.app",
            *map(str, seed_paths),
            "--screenshot",
            str(shot),
            "--db",
            db_url,
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(shot))
    assert image.width() >= 1280 and image.height() >= 800


def test_screenshot_of_a_bad_file_fails_cleanly(tmp_path: Path, seed_paths: list[Path]) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "ui.app",
            str(seed_paths[0]),
            str(tmp_path / "missing.txt"),
            "--screenshot",
            str(tmp_path / "x.png"),
            "--db",
            f"sqlite:///{tmp_path / 'd.db'}",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 1
    assert "missing.txt" in done.stderr
    assert "Traceback" not in done.stderr


def test_window_shows_without_loading_spacy(tmp_path: Path, db_url: str) -> None:
    """spaCy is imported on the worker, never while the window is being built."""
    script = (
        "import sys\n"
        "from ui.app import make_application, make_window\n"
        "app = make_application([])\n"
        f"window = make_window({db_url!r})\n"
        "window.show(); app.processEvents()\n"
        "print('spacy' in sys.modules, window.isVisible())\n"
        "window.close()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]


def test_application_identity() -> None:
    from ui.app import make_application

    app = make_application([])
    assert app.applicationName() == APPLICATION_NAME
    assert app.organizationDomain() == "claimdiff.github.io"
    assert app.desktopFileName() == APP_ID
