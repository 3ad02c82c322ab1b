"""Word (.docx) articles via python-docx: paragraphs in order, core properties as metadata."""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING, Any

from claimdiff.ingest.text import (
    RawArticle,
    clean_paragraph,
    join_paragraphs,
    parse_date,
    silenced,
)
from claimdiff.model import InputError

MAX_UNZIPPED = 100 * 1024 * 1024
"""Largest total unpacked size accepted; guards against zip bombs."""

if TYPE_CHECKING:
    from docx.table import Table

_GENERATOR_AUTHORS = {"python-docx", "unknown", "author"}


def read_docx(data: bytes, *, name: str) -> RawArticle:
    """Read body paragraphs (headings become the title) and the core properties."""
    from docx.table import Table

    _check_zip(data, name)
    document = _open(data, name)
    paragraphs: list[str] = []
    headings: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            paragraphs.extend(_table_rows(block))
            continue
        text = clean_paragraph(block.text)
        if not text:
            continue
        style = (block.style.name if block.style is not None else "") or ""
        is_heading = style.startswith("Heading") or style == "Title"
        (headings if is_heading else paragraphs).append(text)
    core = document.core_properties
    title = clean_paragraph(core.title or "") or (headings[0] if headings else None)
    author = clean_paragraph(core.author or "")
    return RawArticle(
        text=join_paragraphs(paragraphs),
        fmt="docx",
        title=title,
        source=author if author.lower() not in _GENERATOR_AUTHORS else None,
        created=parse_date(core.created),
    )


def _table_rows(table: Table) -> list[str]:
    """One paragraph per table row, in document order: its cells' texts joined by semicolons.

    A merged cell is reported once per row it spans in python-docx, so repeats are dropped.
    """
    rows = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = clean_paragraph(cell.text)
            if text and text not in cells:
                cells.append(text)
        if cells:
            rows.append("; ".join(cells))
    return rows


def _check_zip(data: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unzipped = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise InputError(f"{name}: the Word file is damaged or incomplete (broken ZIP)") from None
    if "word/document.xml" not in names:
        raise InputError(f"{name}: a ZIP archive, but not a Word (.docx) document")
    if unzipped > MAX_UNZIPPED:
        raise InputError(f"{name}: unpacks to over {MAX_UNZIPPED // (1024 * 1024)} MB; refused")


def _open(data: bytes, name: str) -> Any:
    import docx

    try:
        with silenced("docx"):
            return docx.Document(io.BytesIO(data))
    except Exception:
        raise InputError(f"{name}: the Word file is damaged or cannot be read") from None
