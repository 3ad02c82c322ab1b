"""The engine stays free of the GUI: one-way dependencies (STYLE.md point 1)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[2] / "claimdiff"


def test_importing_the_engine_loads_no_qt() -> None:
    code = (
        "import sys, claimdiff, claimdiff.api, claimdiff.cli, claimdiff.report, claimdiff.store\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_engine_never_imports_ui_or_widgets() -> None:
    offenders = {
        str(path.relative_to(ENGINE)): sorted(
            name
            for name in _imports(path)
            if name == "ui" or name.startswith("ui.") or name.startswith("PySide6.QtWidgets")
        )
        for path in ENGINE.rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}
