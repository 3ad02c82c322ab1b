"""Shared fixtures: a fresh database per test, the seed files, offscreen Qt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
AFP = SEEDS / "afp-g7-lucca-2017-04-11.txt"
RFERL = SEEDS / "rferl-g7-lucca-2017-04-11.txt"


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A fresh, empty SQLite database for each test."""
    return f"sqlite:///{tmp_path / 'test.sqlite3'}"


@pytest.fixture
def seed_paths() -> list[Path]:
    return [AFP, RFERL]
