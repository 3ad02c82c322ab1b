"""Installing: the wheel carries every bundled file, and `claimdiff --version` reads metadata."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SKIP = shutil.ignore_patterns(
    ".venv", ".git", "build", "dist", "out", "*.egg-info", "__pycache__", ".*_cache"
)


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=600, **kwargs)  # type: ignore[call-overload,no-any-return]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel as pipx would (isolated build) from a copy of the source tree."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "src"
    shutil.copytree(ROOT, source, ignore=SKIP)
    result = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(base / "out"),
            str(source),
        ]
    )
    assert result.returncode == 0, result.stderr
    (built,) = (base / "out").glob("claimdiff-*.whl")
    return built


def _names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_wheel_carries_resources_engine_data_and_migrations(wheel: Path) -> None:
    names = _names(wheel)
    expected = {
        "claimdiff_resources/templates/report.html.j2",
        "claimdiff_resources/schema/comparison.schema.json",
        "claimdiff_resources/icons/io.github.claimdiff.ClaimDiff.svg",
        "claimdiff_resources/icons/io.github.claimdiff.ClaimDiff-256.png",
        "claimdiff/cli.py",
        "ui/app.py",
    }
    assert expected <= names, sorted(expected - names)
    # Every file under resources/ and claimdiff/data/ in the tree is in the wheel.
    for folder, package in (
        ("resources", "claimdiff_resources"),
        ("claimdiff/data", "claimdiff/data"),
    ):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                assert f"{package}/{path.relative_to(ROOT / folder).as_posix()}" in names


def test_wheel_declares_both_programs(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        (entry_points,) = [n for n in archive.namelist() if n.endswith("entry_points.txt")]
        text = archive.read(entry_points).decode()
    assert "claimdiff = claimdiff.cli:main" in text
    assert "[gui_scripts]" in text and "claimdiff-gui = ui.app:main" in text


def test_installed_wheel_reports_its_metadata_version(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    result = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--target",
            str(target),
            str(wheel),
        ]
    )
    assert result.returncode == 0, result.stderr
    # The installed copy comes first on the path; its dependencies come from this venv.
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = (
        "import claimdiff, sys; print(claimdiff.__file__); from claimdiff.cli import main; main()"
    )
    result = _run([sys.executable, "-c", code, "--version"], env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    where, line = result.stdout.splitlines()
    assert Path(where).is_relative_to(target)
    assert line == f"claimdiff, version {version('claimdiff')}"


def test_version_answers_without_loading_spacy_or_the_database() -> None:
    code = (
        "import sys\n"
        "from claimdiff.cli import main\n"
        "try:\n"
        "    main(['--version'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'spacy', 'sqlalchemy', 'numpy'}))\n"
    )
    result = _run([sys.executable, "-c", code])
    assert result.returncode == 0, result.stderr
    first, modules = result.stdout.splitlines()
    assert first == f"claimdiff, version {version('claimdiff')}"
    assert modules == "[]"
