"""Extracting in a worker process gives the same comparison, to the byte, as extracting in place."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimdiff import api
from claimdiff.report import render
from claimdiff.worker import SWITCH, ExtractionWorker

# Python 3.12+ warns when a process with threads forks (pytest's may have some); the
# CLI forks only while it runs a single thread (worker_allowed).
pytestmark = pytest.mark.filterwarnings("ignore:.*multi-threaded.*fork:DeprecationWarning")


SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
CLI = [sys.executable, "-m", "claimdiff"]


def _cli_json(tmp_path: Path, worker: str, *args: str) -> tuple[str, str]:
    env = {**os.environ, SWITCH: worker, "HOME": str(tmp_path / f"home-{worker}")}
    env["XDG_DATA_HOME"] = str(tmp_path / f"home-{worker}" / "data")
    result = subprocess.run(
        [*CLI, "compare", *map(str, SEEDS), "--format", "json", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout, result.stderr


def test_worker_and_in_process_give_the_same_comparison(tmp_path: Path) -> None:
    with ExtractionWorker() as worker:
        remote = api.compare_files(SEEDS, save=False, extractor=worker)  # type: ignore[arg-type]
    local = api.compare_files(SEEDS, save=False)
    assert len(local.claims) > 30 and len(local.links) > 5
    assert render(remote, "json") == render(local, "json")


def test_cli_output_is_the_same_with_and_without_the_worker(tmp_path: Path) -> None:
    with_worker, warnings_with = _cli_json(tmp_path, "1", "--no-save")
    in_place, warnings_in_place = _cli_json(tmp_path, "0", "--no-save")
    assert with_worker == in_place
    assert warnings_with == warnings_in_place
    assert len(json.loads(with_worker)["links"]) > 5


def test_cli_saves_the_same_comparison_with_the_worker(tmp_path: Path) -> None:
    db = {w: f"sqlite:///{tmp_path / f'{w}.sqlite3'}" for w in ("0", "1")}
    saved = {w: json.loads(_cli_json(tmp_path, w, "--db", db[w])[0]) for w in db}
    for data in saved.values():
        assert data["id"] == 1
        data.pop("created")  # the time of saving differs, nothing else may
    assert saved["1"] == saved["0"]
    # The process ends without tearing the interpreter down (cli._exit_at_once): the
    # database was closed first, its write-ahead log checkpointed and removed.
    assert not (tmp_path / "1.sqlite3-wal").exists()
    stored = api.load_comparison(1, db=db["1"])
    assert len(stored.links) == len(saved["1"]["links"]) > 5


def test_claims_parsed_on_two_cores_equal_one_batch() -> None:
    from claimdiff.extract import Extractor
    from claimdiff.worker import _extract_on_two_cores, _split_point

    documents = api.read_documents(SEEDS)
    extractor = Extractor()
    assert _split_point(documents) == 1  # a helper process parses the first article
    split, warnings = _extract_on_two_cores(extractor, documents)
    assert split == extractor.extract_many(documents)  # spaCy batches change nothing
    assert warnings == extractor.warnings == []
    assert [len(claims) for claims in split] == [18, 21]
