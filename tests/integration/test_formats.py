"""The same article in every input format gives the same claims; every report route agrees."""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import docx
import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimdiff import api
from claimdiff.ingest import read_document
from claimdiff.model import ClaimDiffError
from claimdiff.report import RENDERERS, render
from tests.conftest import AFP, RFERL

TITLE = "G7 ministers meet in Lucca"
DATELINE = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2}) ")


def seed_parts() -> tuple[str, list[str], str]:
    """The AFP seed as (dateline, body paragraphs, signature)."""
    text = AFP.read_text("utf-8")
    match = DATELINE.match(text)
    assert match is not None
    *paragraphs, signature = text[match.end() :].strip().split("\n\n")
    return match[1], paragraphs, signature


def to_html(folder: Path) -> Path:
    date, paragraphs, signature = seed_parts()
    body = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{TITLE} | AFP</title><meta property="og:site_name" content="{signature}">
<meta property="article:published_time" content="{date}T08:00:00+02:00">
<script>window.track = true;</script><style>nav {{ color: grey }}</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<main><article><h1>{TITLE}</h1>
{body}
</article></main>
<footer><p>Copyright AFP 2017. All rights reserved. Cookie settings.</p></footer></body></html>"""
    path = folder / "afp.html"
    path.write_text(page, "utf-8")
    return path


def to_markdown(folder: Path) -> Path:
    text = AFP.read_text("utf-8")
    text = text.replace("Palazzo Orsetti", "*Palazzo Orsetti*")
    text = text.replace("Lucca brought", "[Lucca](https://example.org/lucca) brought")
    text = text.replace("Sergei Lavrov", "**Sergei Lavrov**")
    path = folder / "afp.md"
    path.write_text(f"# {TITLE}\n\n{text}", "utf-8")
    return path


def to_docx(folder: Path) -> Path:
    date, paragraphs, signature = seed_parts()
    document = docx.Document()
    document.add_heading(TITLE, level=1)
    for paragraph in [*paragraphs, signature]:
        document.add_paragraph(paragraph)
    document.core_properties.title = TITLE
    document.core_properties.author = signature
    document.core_properties.created = dt.datetime.fromisoformat(date)
    path = folder / "afp.docx"
    document.save(str(path))
    return path


def to_pdf(folder: Path) -> Path:
    from PySide6.QtGui import QGuiApplication, QPageSize, QPdfWriter, QTextDocument

    _app = QGuiApplication.instance() or QGuiApplication([])
    text = AFP.read_text("utf-8")
    body = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in text.split("\n\n"))
    path = folder / "afp.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setTitle(TITLE)
    document = QTextDocument()
    document.setHtml(f"<html><body style='font-size: 13pt'>{body}</body></html>")
    document.print_(writer)
    del writer
    assert _app is not None
    return path


def to_encoding(encoding: str) -> Callable[[Path], Path]:
    def convert(folder: Path) -> Path:
        path = folder / f"afp-{encoding}.txt"
        data = AFP.read_text("utf-8").encode(encoding)
        path.write_bytes(data)
        return path

    return convert


CONVERTERS: dict[str, Callable[[Path], Path]] = {
    "html": to_html,
    "markdown": to_markdown,
    "docx": to_docx,
    "pdf": to_pdf,
    "utf-16": to_encoding("utf-16"),
    "cp1252": to_encoding("cp1252"),
}


@pytest.fixture(scope="module")
def seed_claims() -> list[str]:
    document = read_document(AFP)
    (claims,) = api.get_extractor().extract_many([document])
    return [claim.text for claim in claims]


@pytest.mark.parametrize("fmt", list(CONVERTERS))
def test_same_article_in_every_format_gives_the_same_claims(
    tmp_path: Path, fmt: str, seed_claims: list[str]
) -> None:
    seed = read_document(AFP)
    document = read_document(CONVERTERS[fmt](tmp_path))
    assert document.fmt == {"utf-16": "text", "cp1252": "text"}.get(fmt, fmt)
    assert document.text == seed.text
    assert document.published == dt.date(2017, 4, 11)
    assert document.source == "AFP"
    if fmt in {"html", "markdown", "docx", "pdf"}:
        assert document.title == TITLE
    (claims,) = api.get_extractor().extract_many([document])
    assert [claim.text for claim in claims] == seed_claims
    assert len(seed_claims) > 10


# --- reports through every route -----------------------------------------------------------


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "claimdiff", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=900)


def _stable(content: str) -> str:
    """Drop the generation time, the one thing that differs between two renderings."""
    return re.sub(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC", "<time>", content)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Each format written by ``compare --output`` and by ``export``, from one database."""
    folder = tmp_path_factory.mktemp("reports")
    url = f"sqlite:///{folder / 'db.sqlite3'}"
    first = run_cli(
        "compare", AFP, RFERL, "--db", url, "--format", "html", "--output", folder / "compare.html"
    )
    assert first.returncode == 0, first.stderr
    comparison_id = re.search(r"Comparison (\d+)", first.stdout)
    assert comparison_id is not None
    paths: dict[str, tuple[Path, Path]] = {}
    for fmt in RENDERERS:
        by_compare = folder / f"compare-{fmt}.out"
        by_export = folder / f"export-{fmt}.out"
        result = run_cli(
            "show", comparison_id[1], "--db", url, "--format", fmt, "--output", by_compare
        )
        assert result.returncode == 0, result.stderr
        result = run_cli(
            "export", comparison_id[1], "--db", url, "--format", fmt, "--output", by_export
        )
        assert result.returncode == 0, result.stderr
        assert f"report: {by_export.resolve()}" in result.stdout
        paths[fmt] = (by_compare, by_export)
    paths["compare-html"] = (folder / "compare.html", folder / "export-html.out")
    return paths


@pytest.mark.parametrize("fmt", ["text", "json", "html", "markdown", "csv", "compare-html"])
def test_every_route_writes_the_same_report(
    exported: dict[str, tuple[Path, Path]], fmt: str
) -> None:
    first, second = exported[fmt]
    assert _stable(first.read_text("utf-8")) == _stable(second.read_text("utf-8"))


def test_exported_json_follows_the_contract(exported: dict[str, tuple[Path, Path]]) -> None:
    import jsonschema

    from claimdiff.resources import json_schema

    data = json.loads(exported["json"][1].read_text("utf-8"))
    jsonschema.validate(data, json_schema())
    for claim in data["claims"]:
        assert (
            data["documents"][claim["document"]]["text"][claim["start"] : claim["end"]]
            == claim["text"]
        )


def test_exported_pdf_is_a4_with_page_numbers_and_the_content(
    exported: dict[str, tuple[Path, Path]],
) -> None:
    path = exported["pdf"][1]
    assert path.read_bytes().startswith(b"%PDF")
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) >= 3
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (595, 842)  # A4 in points
    texts = [" ".join(page.extract_text().split()) for page in reader.pages]
    for number, text in enumerate(texts, start=1):
        assert re.search(rf"(^|\s){number}$", text), f"page {number} has no page number"
    whole = " ".join(texts)
    for expected in ("Documents side by side", "Links", "Only in AFP", "Palazzo Orsetti"):
        assert expected in whole
    assert reader.metadata is not None and reader.metadata.title.startswith("ClaimDiff comparison")


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_pdf_renders_to_images(exported: dict[str, tuple[Path, Path]], tmp_path: Path) -> None:
    from PySide6.QtGui import QGuiApplication, QImage

    _app = QGuiApplication.instance() or QGuiApplication([])
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "40",
            "-f",
            "1",
            "-l",
            "2",
            exported["pdf"][1],
            tmp_path / "page",
        ],
        check=True,
    )
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == 2
    for image_path in images:
        image = QImage(str(image_path))
        assert image.width() < image.height()  # portrait A4
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 7)
            for y in range(0, image.height(), 7)
        }
        assert len(colours) > 5  # text and highlights, not a blank page
    assert _app is not None


def test_pdf_of_hostile_text_shows_it_as_text(tmp_path: Path) -> None:
    comparison = api.compare_texts(
        [
            "Officials said <script>alert(1)</script> 80 people died in Idlib on Tuesday.",
            "Officials said <img src=x onerror=alert(2)> 70 people died in Idlib on Tuesday.",
        ]
    )
    content = render(comparison, "pdf")
    assert isinstance(content, bytes)
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)
    assert "<script>alert(1)</script>" in " ".join(text.split()).replace("< ", "<")
    assert "onerror=alert(2)" in text


def test_pdf_rendering_never_loads_qt_widgets() -> None:
    code = (
        "import sys\n"
        "from claimdiff.api import compare_texts\n"
        "from claimdiff.report import render\n"
        "data = render(compare_texts(['The G7 met.', 'The G7 met again.']), 'pdf')\n"
        "assert data.startswith(b'%PDF')\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6.Qt')))"
    )
    env = {
        key: value for key, value in os.environ.items() if key not in {"DISPLAY", "WAYLAND_DISPLAY"}
    }
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert "QtWidgets" not in result.stdout
    assert "PySide6.QtGui" in result.stdout


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(st.text(min_size=1, max_size=200), min_size=2, max_size=3))
def test_any_text_renders_as_pdf(texts: list[str]) -> None:
    # The Qt half of tests/unit/test_properties.py: the PDF export of arbitrary text.
    try:
        comparison = api.compare_texts(texts)
    except ClaimDiffError:
        return
    content = render(comparison, "pdf")
    assert isinstance(content, bytes) and content.startswith(b"%PDF-")
    assert len(pypdf.PdfReader(io.BytesIO(content)).pages) >= 1
