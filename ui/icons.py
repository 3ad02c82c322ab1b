"""Resources through one door: the only module that knows where icons and samples live."""

from __future__ import annotations

from contextlib import ExitStack
from functools import cache
from importlib import resources as importlib_resources
from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtGui import QIcon

from claimdiff import resources
from ui import APP_ID

_files = ExitStack()

APP_ICON = f"icons:{APP_ID}.svg"
SAMPLE_NAMES = ("afp-g7-lucca-2017-04-11.txt", "rferl-g7-lucca-2017-04-11.txt")
"""The seed pair, shipped in resources/samples/ for Help > Open sample comparison."""


def _real_path(kind: str) -> Path:
    # as_file keeps working when resources sit in a zip (PyInstaller, zipapp).
    return Path(_files.enter_context(importlib_resources.as_file(resources.folder(kind))))


@cache
def install() -> None:
    """Register the ``icons:`` search path; call once before any icon is made."""
    QDir.addSearchPath("icons", str(_real_path("icons")))


def icon(name: str) -> QIcon:
    """An icon by name, e.g. ``icon("open")`` for ``icons:open.svg``."""
    install()
    return QIcon(f"icons:{name}.svg")


def app_icon() -> QIcon:
    """The application icon (shared with the desktop file through APP_ID)."""
    install()
    return QIcon(APP_ICON)


def sample_paths() -> list[str]:
    """Real file paths of the bundled sample articles."""
    folder = _real_path("samples")
    return [str(folder / name) for name in SAMPLE_NAMES]
