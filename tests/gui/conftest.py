"""GUI fixtures: a main window on a fresh database with its own settings file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tests.gui.helpers import compare
from ui.app import make_window
from ui.window import MainWindow


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Settings in a temporary INI file, never the user's own."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def errors() -> list[tuple[str, str]]:
    """Collects what the error dialog would have shown."""
    return []


@pytest.fixture
def window(qtbot, db_url: str, settings: QSettings, errors) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = make_window(db_url, settings)
    win.context.runner.show_dialog = lambda _parent, title, message: errors.append((title, message))
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    yield win
    win.close()


@pytest.fixture
def compared(qtbot, window: MainWindow, seed_paths: list[Path]) -> MainWindow:  # type: ignore[no-untyped-def]
    """The window showing the seed pair."""
    compare(qtbot, window, seed_paths)
    return window
