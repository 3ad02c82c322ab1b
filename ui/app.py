"""Entry point of ``claimdiff-gui``: the window first, spaCy later on a worker."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the real imports wait until the arguments are parsed
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui.window import MainWindow

MIN_SHOT = (1280, 800)
"""Smallest screenshot size, so README images stay legible."""


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="claimdiff-gui", description="ClaimDiff desktop app")
    parser.add_argument("files", nargs="*", type=Path, help="articles to compare")
    parser.add_argument("--db", default=None, metavar="URL", help="database URL")
    parser.add_argument(
        "--screenshot",
        type=Path,
        default=None,
        metavar="PATH",
        help="compare FILES, save a PNG of the window and exit",
    )
    parser.add_argument(
        "--view",
        choices=("claims", "matrix", "cited", "dates"),
        default="claims",
        help="with --screenshot: show the claim table or the coverage matrix",
    )
    parser.add_argument(
        "--theme", choices=("light", "dark"), default=None, help="use this theme (and remember it)"
    )
    return parser.parse_args(argv)


def make_application(argv: list[str]) -> QApplication:
    """The QApplication, named after the one application id."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from ui import APP_ID, APPLICATION_NAME, ORGANIZATION_DOMAIN

    QCoreApplication.setOrganizationDomain(ORGANIZATION_DOMAIN)
    QCoreApplication.setOrganizationName(APPLICATION_NAME)
    QCoreApplication.setApplicationName(APPLICATION_NAME)
    QGuiApplication.setDesktopFileName(APP_ID)
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication(argv)


def make_window(db: str | None, settings: QSettings | None = None) -> MainWindow:
    """The context and main window; ``settings`` defaults to the user's QSettings."""
    from PySide6.QtCore import QSettings as Settings

    from ui import icons
    from ui.context import AppContext
    from ui.window import MainWindow

    icons.install()
    context = AppContext(db, settings if settings is not None else Settings())
    return MainWindow(context)


def screenshot(window: MainWindow, path: Path, view: str = "claims") -> int:
    """Wait for the comparison, select the first difference, save a PNG."""
    from PySide6.QtCore import QEventLoop, QTimer

    context = window.context
    if context.worker.busy or context.documents == ():
        loop = QEventLoop()
        context.worker.comparison_finished.connect(lambda _r: QTimer.singleShot(0, loop.quit))
        context.worker.comparison_failed.connect(lambda _m: loop.quit())
        context.compare_now()
        if context.worker.busy:
            loop.exec()
    if context.comparison is None:
        print("claimdiff-gui: no comparison to show; see the messages above", file=sys.stderr)
        return 1
    if view == "matrix":
        window.action_show_matrix()
        window.select_first_cluster_difference()
    elif view in ("cited", "dates"):
        window.select_first_link_difference()
        getattr(window, f"action_show_{view}")()
    else:
        window.select_first_link_difference()
    width, height = max(window.width(), MIN_SHOT[0]), max(window.height(), MIN_SHOT[1])
    window.resize(width, height)
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    if not window.grab().save(str(path)):
        print(f"claimdiff-gui: cannot write {path}", file=sys.stderr)
        return 1
    return 0


def install_excepthook(window: MainWindow) -> None:
    """A bug in a slot ends in the one error dialog (traceback to the log), not on stderr only."""
    import logging
    import traceback

    log = logging.getLogger("ui")

    def hook(kind: type[BaseException], error: BaseException, tb: object) -> None:
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(error)))
        window.context.runner.fail("Unexpected error", error)

    sys.excepthook = hook


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = make_application(sys.argv[:1])
    if args.screenshot:
        return run_screenshot(args)
    window = make_window(args.db)
    install_excepthook(window)
    if args.theme:
        window.context.set_theme(args.theme)
    window.show()
    window.context.worker.warm_up()
    if args.files:
        window.context.open_files([str(f) for f in args.files])
    return int(app.exec())


def run_screenshot(args: argparse.Namespace) -> int:
    """Headless run: fixed size, throwaway settings, errors on stderr."""
    import tempfile

    from PySide6.QtCore import QSettings as Settings

    with tempfile.TemporaryDirectory() as folder:
        # The user's saved layout and theme must neither shape nor absorb a docs screenshot.
        settings = Settings(str(Path(folder) / "settings.ini"), Settings.Format.IniFormat)
        window = make_window(args.db, settings)
        window.context.runner.show_dialog = lambda _parent, title, message: print(
            f"claimdiff-gui: {title}: {message}", file=sys.stderr
        )
        window.context.set_theme(args.theme or "light")
        window.resize(1440, 900)
        window.show()
        if args.files:
            window.context.open_files([str(f) for f in args.files])
        code = screenshot(window, args.screenshot, args.view)
        window.close()
        return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
