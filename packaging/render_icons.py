"""Render the application icon's PNG sizes from its SVG with QtSvg (run after editing the SVG)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

APP_ID = "io.github.claimdiff.ClaimDiff"
SIZES = (16, 24, 32, 48, 64, 128, 256)
ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def png_name(size: int) -> str:
    """The file name of one PNG size, e.g. ``io.github.claimdiff.ClaimDiff-48.png``."""
    return f"{APP_ID}-{size}.png"


def render(svg: Path, out_dir: Path, sizes: tuple[int, ...] = SIZES) -> list[Path]:
    """Write one PNG per size next to each other and return their paths."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(["render_icons", "-platform", "offscreen"])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg} is not a valid SVG")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = out_dir / png_name(size)
        if not image.save(str(target)):  # the format follows the .png suffix
            raise SystemExit(f"render_icons: could not write {target}")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ICONS, help="folder for the PNGs")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    for path in render(ICONS / f"{APP_ID}.svg", args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
