"""Desktop integration: the .desktop file, AppStream metainfo and app icon share one id."""

from __future__ import annotations

import ast
import configparser
import json
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
APP_ID = "io.github.claimdiff.ClaimDiff"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)


def _tool(name: str) -> str:
    """The path of a validator; missing is a failure in CI and a skip on a bare machine."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (packaging/apt-install.sh installs it for make test)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign] # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_passes_desktop_file_validate() -> None:
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True
    )
    # The validator exits 0 with hints only; errors and warnings both fail here.
    problems = [line for line in result.stdout.splitlines() if ": hint:" not in line]
    assert result.returncode == 0 and problems == [], result.stdout + result.stderr


def test_metainfo_passes_appstreamcli_validate() -> None:
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # Errors fail the tool; warnings ("W: ...") fail here too. Infos and pedantic notes pass.
    problems = [line for line in result.stdout.splitlines() if line.startswith(("E:", "W:"))]
    assert problems == [], result.stdout


def test_desktop_file_launches_the_gui_with_the_app_icon() -> None:
    entry = _desktop_entry()
    assert entry["Exec"].split()[0] == "claimdiff-gui"
    assert entry["Icon"] == APP_ID
    assert entry["Type"] == "Application"
    # %F: the app accepts several article files at once.
    assert "%F" in entry["Exec"].split()


def test_metainfo_names_the_same_id_desktop_file_and_programs() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("icon") == APP_ID
    assert root.findtext("project_license") == "MIT"
    assert {b.text for b in root.iter("binary")} == {"claimdiff", "claimdiff-gui"}


def test_ui_uses_the_same_application_id_for_qsettings() -> None:
    # Read ui/__init__.py without importing it: the desktop app may not import here.
    source = (ROOT / "ui" / "__init__.py").read_text(encoding="utf-8")
    values = {
        node.targets[0].id: node.value.value
        for node in ast.parse(source).body
        if isinstance(node, ast.Assign)
        and isinstance(node.targets[0], ast.Name)
        and isinstance(node.value, ast.Constant)
    }
    assert values.get("APP_ID") == APP_ID


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_app_icon_is_an_svg_with_a_png_for_every_size() -> None:
    svg = ET.parse(ICONS / f"{APP_ID}.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert svg.get("viewBox") == "0 0 256 256"  # square, so every size renders unstretched
    sizes = {size: _png_size(ICONS / f"{APP_ID}-{size}.png") for size in PNG_SIZES}
    assert sizes == {size: (size, size) for size in PNG_SIZES}


def test_png_icons_match_a_fresh_render_of_the_svg(tmp_path: Path) -> None:
    # Renders with QtGui/QtSvg only (no widgets) in a child process and compares pixels,
    # so a stale PNG (SVG edited, PNGs not re-rendered) fails.
    script = f"""
import json, sys
sys.path.insert(0, {str(PACKAGING)!r})
from pathlib import Path
from PySide6.QtGui import QImage
import render_icons
sizes = (16, 48, 256)
render_icons.render(render_icons.ICONS / "{APP_ID}.svg", Path({str(tmp_path)!r}), sizes)
worst = {{}}
for size in sizes:
    name = render_icons.png_name(size)
    fresh = QImage(str(Path({str(tmp_path)!r}) / name)).convertToFormat(QImage.Format.Format_ARGB32)
    kept = QImage(str(render_icons.ICONS / name)).convertToFormat(QImage.Format.Format_ARGB32)
    a, b = bytes(fresh.constBits()), bytes(kept.constBits())
    worst[size] = 255 if len(a) != len(b) else max(abs(x - y) for x, y in zip(a, b))
print(json.dumps(worst))
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    worst = json.loads(result.stdout.strip().splitlines()[-1])
    # Antialiasing may differ by a step or two between Qt builds; a changed drawing does not.
    assert all(diff <= 8 for diff in worst.values()), (
        f"stale PNGs, run packaging/render_icons.py: {worst}"
    )
