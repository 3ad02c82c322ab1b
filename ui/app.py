"""Entry point of ``claimdiff-gui``: the window first, spaCy later on a worker."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

MIN_SHOT = (1280, 800)
"""Smallest screenshot size, so README images stay legible."""


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="claimdiff-gui", description="ClaimDiff desktop app")
    parser.add_argument("files", nargs="*", type=Path, help="articles to compare")
    parser.add_argument("--db", default=None, metavar="URL", help="database URL")
    parser.add_argument(
        "--screenshot", type=Path, default=None, metavar="PATH",
        help="compare FILES, save a PNG of the window and exit",
    )
    parser.add_argument("--theme", choices=("light", "dark"), default=None,
                        help="use this theme (and remember it)")
    return parser.parse_args(argv)


def make_application(argv: list[str]):  # type: ignore[no-untyped-def]
    """The QApplication, named after the one application id."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from ui import APP_ID, APPLICATION_NAME, ORGANIZATION_DOMAIN

    QCoreApplication.setOrganizationDomain(ORGANIZATION_DOMAIN)
    QCoreApplication.setOrganizationName(APPLICATION_NAME)
    QCoreApplication.setApplicationName(APPLICATION_NAME)
    QGuiApplication.setDesktopFileName(APP_ID)
    app = QApplication.instance() or QApplication(argv)
    return app


def make_window(db: str | None, settings=None):  # type: ignore[no-untyped-def]
    """The context and main window; ``settings`` defaults to the user's QSettings."""
    from PySide6.QtCore import QSettings

    from ui import icons
    from ui.context import AppContext
    from ui.window import MainWindow

    icons.install()
    context = AppContext(db, settings if settings is not None else QSettings())
    return MainWindow(context)


def screenshot(window, path: Path) -> int:  # type: ignore[no-untyped-def]
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
    window.select_first_link_difference()
    width, height = max(window.width(), MIN_SHOT[0]), max(window.height(), MIN_SHOT[1])
    window.resize(width, height)
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    if not window.grab().save(str(path)):
        print(f"claimdiff-gui: cannot write {path}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = make_application(sys.argv[:1])
    window = make_window(args.db)
    if args.theme:
        window.context.set_theme(args.theme)
    if args.screenshot:
        from ui import dialogs

        # Headless: errors go to stderr instead of a dialog nobody can close.
        window.context.runner.show_dialog = lambda _p, title, message: print(
            f"claimdiff-gui: {title}: {message}", file=sys.stderr
        )
        _ = dialogs
        window.resize(1440, 900)
    window.show()
    if args.files:
        window.context.open_files([str(f) for f in args.files])
    if args.screenshot:
        code = screenshot(window, args.screenshot)
        window.close()
        return code
    window.context.worker.warm_up()
    return app.exec()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
