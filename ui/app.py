"""Entry point of ``claimdiff-gui``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="claimdiff-gui", description="ClaimDiff desktop app")
    parser.add_argument("files", nargs="*", type=Path, help="articles to compare")
    parser.add_argument("--db", default=None, metavar="URL", help="database URL")
    parser.add_argument(
        "--screenshot", type=Path, default=None, metavar="PATH",
        help="compare FILES, save a PNG of the window and exit",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from PySide6.QtWidgets import QApplication

    from ui.window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow(db=args.db)
    window.resize(1400, 900)
    window.show()
    if args.files:
        window.open_files([str(f) for f in args.files])
    if args.screenshot:
        window.grab().save(str(args.screenshot))
        return 0
    return app.exec()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
