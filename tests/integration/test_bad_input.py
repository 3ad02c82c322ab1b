"""Bad input through the real CLI: exit 1, one line on stderr, the database untouched."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from claimdiff.store import Store
from tests.conftest import AFP, RFERL
from tests.integration.conftest import build_comparison

Maker = Callable[[Path], Path]


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "claimdiff", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)


@pytest.fixture
def filled_db(tmp_path: Path) -> tuple[str, Path]:
    """A database holding one comparison, so that 'unchanged' means something."""
    path = tmp_path / "claims.sqlite3"
    url = f"sqlite:///{path}"
    store = Store(url)
    store.save_comparison(build_comparison(), "test")
    store.close()
    return url, path


def snapshot(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return list(connection.iterdump())
    finally:
        connection.close()


def _file(name: str, data: bytes) -> Maker:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def _sparse(folder: Path) -> Path:
    path = folder / "huge.txt"
    subprocess.run(["truncate", "-s", "200M", str(path)], check=True)
    return path


def _unreadable(folder: Path) -> Path:
    path = folder / "locked.txt"
    path.write_bytes(AFP.read_bytes())
    path.chmod(0)
    return path


def _truncated_docx(folder: Path) -> Path:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>" * 200)
        archive.writestr("word/document.xml", "<w:document/>" * 500)
    path = folder / "report.docx"
    path.write_bytes(out.getvalue()[: len(out.getvalue()) // 2])
    return path


def _truncated_pdf(folder: Path) -> Path:
    from tests.unit.test_ingest_formats import make_pdf

    data = make_pdf(["The G7 met in Lucca on Tuesday.", None, "Ministers spoke."])
    path = folder / "report.pdf"
    path.write_bytes(data[: len(data) // 2])
    return path


BAD_INPUTS: list[tuple[str, Maker, str]] = [
    # an empty file
    ("empty", _file("empty.txt", b""), "empty.txt: file is empty"),
    # binary data with a .txt name
    ("binary", _file("data.txt", os.urandom(4096)), "data.txt: looks like a binary file"),
    # 200 MB, refused by size before anything is read
    ("huge", _sparse, "huge.txt: file is 200 MB, over the 20 MB limit"),
    # a PDF cut in half
    ("truncated pdf", _truncated_pdf, "report.pdf: the PDF is damaged or incomplete"),
    # a DOCX whose zip is cut in half
    ("truncated docx", _truncated_docx, "report.docx: the Word file is damaged or incomplete"),
    # wrong extension: an image named .txt
    ("wrong extension", _file("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(64)), "a PNG image"),
    # wrong extension: an old .doc renamed .docx
    ("old doc", _file("memo.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64)), "save it"),
    # no read permission (refused even for root: nobody may read it)
    ("no permission", _unreadable, "locked.txt: no permission to read this file"),
    # a missing file
    ("missing", lambda folder: folder / "nowhere.txt", "nowhere.txt: no such file"),
]


@pytest.mark.parametrize(("case", "make", "message"), BAD_INPUTS, ids=[c[0] for c in BAD_INPUTS])
def test_bad_input_fails_cleanly(
    tmp_path: Path, filled_db: tuple[str, Path], case: str, make: Maker, message: str
) -> None:
    url, path = filled_db
    before = snapshot(path)
    bad = make(tmp_path)
    try:
        result = run_cli("compare", bad, RFERL, "--db", url)
    finally:
        if bad.exists():
            bad.chmod(0o644)
    assert result.returncode == 1, case
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("claimdiff: error: ")
    assert message in lines[0]
    assert "Traceback" not in result.stderr + result.stdout
    assert snapshot(path) == before


@pytest.mark.parametrize(
    ("second", "message"),
    [
        (lambda folder: AFP, "given twice"),  # the very same path
        (lambda folder: Path(os.path.relpath(AFP)), "given twice"),  # same file, other spelling
        (_file("copy.txt", AFP.read_bytes()), "same text as"),  # a copy under another name
    ],
)
def test_same_article_twice_is_refused(
    tmp_path: Path, filled_db: tuple[str, Path], second: Maker, message: str
) -> None:
    url, path = filled_db
    before = snapshot(path)
    result = run_cli("compare", AFP, second(tmp_path), "--db", url)
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert message in line and "give each article once" in line
    assert snapshot(path) == before


def test_path_with_spaces_and_non_ascii_characters_works(
    tmp_path: Path, filled_db: tuple[str, Path]
) -> None:
    url, path = filled_db
    folder = tmp_path / "Revue de presse \u2013 été"
    folder.mkdir()
    first = folder / "AFP dépêche 11 avril.txt"
    first.write_bytes(AFP.read_bytes())
    result = run_cli("compare", first, RFERL, "--db", url, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["documents"][0]["path"] == str(first)
    assert data["documents"][0]["source"] == "AFP"
    assert len(snapshot(path)) > 0


GERMAN = (
    " date 2017-04-11 Die Außenminister der G7 haben sich am Dienstag in Lucca getroffen, "
    "um über die Lage in Syrien zu sprechen.\n\nDer Minister sagte, dass die Gespräche nicht "
    "einfach sein werden und dass es noch keine Einigung gibt.\n\nSie wollen auch mit Russland "
    "sprechen, das ist für die Region wichtig, sagte er in der Stadt."
)


def test_non_english_document_is_stored_with_a_notice(
    tmp_path: Path, filled_db: tuple[str, Path]
) -> None:
    url, path = filled_db
    german = tmp_path / "bericht.txt"
    german.write_text(GERMAN, "utf-8")
    result = run_cli("compare", german, AFP, "--db", url)
    assert result.returncode == 0, result.stderr
    notices = [line for line in result.stderr.splitlines() if "bericht.txt" in line]
    assert notices == [
        "claimdiff: warning: bericht.txt looks German (de), not English: claims are extracted "
        "with an English model, so expect fewer and weaker links"
    ]
    store = Store(url)
    try:
        newest = store.list_comparisons()[0]
        stored = store.load_comparison(newest.id)
    finally:
        store.close()
    assert stored.documents[0].language == "de"
    assert any("looks German" in warning for warning in stored.warnings)
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["1", "--output", "report.docx"], "cannot tell the report format from 'report.docx'"),
        (["999", "--output", "report.html"], "999"),  # no such comparison
    ],
)
def test_export_errors_are_one_line(
    tmp_path: Path, filled_db: tuple[str, Path], args: list[str], message: str
) -> None:
    url, path = filled_db
    before = snapshot(path)
    args = [str(tmp_path / a) if a.startswith("report") else a for a in args]
    result = run_cli("export", *args, "--db", url)
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith("claimdiff: error: ") and message in line
    assert snapshot(path) == before
    assert not list(tmp_path.glob("report*"))


@pytest.mark.parametrize("ending", [".html", ".pdf", ".csv", ".md", ".json"])
def test_export_takes_the_format_from_the_file_name(
    tmp_path: Path, filled_db: tuple[str, Path], ending: str
) -> None:
    url, _ = filled_db
    target = tmp_path / f"Bericht für Redaktion{ending}"
    result = run_cli("export", "1", "--db", url, "--output", target)
    assert result.returncode == 0, result.stderr
    data = target.read_bytes()
    expected = {".html": b"<!DOCTYPE html>", ".pdf": b"%PDF-", ".csv": b"row,label,score"}
    expected |= {
        ".md": b"# ClaimDiff comparison 1",
        ".json": b'{\n  "format": "claimdiff.comparison"',
    }
    assert data.startswith(expected[ending])
    assert not list(tmp_path.glob(".Bericht*"))  # no temporary file left behind
