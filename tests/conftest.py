"""Shared fixtures: a fresh database per test, the seed files, offscreen Qt."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from claimdiff.extract import Extractor

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
AFP = SEEDS / "afp-g7-lucca-2017-04-11.txt"
RFERL = SEEDS / "rferl-g7-lucca-2017-04-11.txt"


@pytest.fixture(scope="session", autouse=True)
def _own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """A user cache folder for this test run, shared by its subprocesses.

    Whatever the code caches there never reaches the real one.
    """
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A fresh, empty SQLite database for each test."""
    return f"sqlite:///{tmp_path / 'test.sqlite3'}"


@pytest.fixture
def seed_paths() -> list[Path]:
    return [AFP, RFERL]


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """One claim extractor with the real spaCy model, loaded once per test run."""
    from claimdiff.extract import Extractor

    ready = Extractor()
    ready.nlp  # noqa: B018 - load the model now, outside any one test's timing
    return ready
