"""PDF articles with a text layer, via pypdf; lines are re-joined into paragraphs."""

from __future__ import annotations

import io
import itertools
import re
import statistics
from dataclasses import dataclass, field
from typing import Any

from claimdiff.ingest.text import (
    RawArticle,
    clean_paragraph,
    join_paragraphs,
    parse_date,
    silenced,
)
from claimdiff.model import InputError

MAX_PAGES = 500
"""More pages than any article; stops a hostile file from keeping us busy."""

_PAGE_NUMBER = re.compile(r"^(page\s*)?\d{1,4}(\s*(/|of)\s*\d{1,4})?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:\"'\u201d\u2019)\]]$")


@dataclass
class _Line:
    y: float
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return clean_paragraph("".join(self.parts))


def read_pdf(data: bytes, *, name: str) -> RawArticle:
    """Read the text layer and the document info of a PDF."""
    reader = _open(data, name)
    pages = _pages_lines(reader, name)
    if not any(line.text for lines in pages for line in lines):
        if b"%%EOF" not in data[-2048:]:
            raise InputError(f"{name}: the PDF is damaged or incomplete")
        raise InputError(
            f"{name}: the PDF has no text layer (a scan or image?); run OCR on it first"
        )
    info = _info(reader)
    return RawArticle(
        text=join_paragraphs(_paragraphs(pages)),
        fmt="pdf",
        title=_clean_meta(info.get("/Title")),
        source=_clean_meta(info.get("/Author")),
        created=parse_date(info.get("/CreationDate")),
    )


def _open(data: bytes, name: str) -> Any:
    import pypdf
    from pypdf.errors import PyPdfError

    try:
        with silenced("pypdf"):
            reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise InputError(f"{name}: the PDF is password-protected")
            count = len(reader.pages)
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError):
        raise InputError(f"{name}: the PDF is damaged or incomplete") from None
    if count == 0:
        raise InputError(f"{name}: the PDF has no pages")
    if count > MAX_PAGES:
        raise InputError(f"{name}: {count} pages, over the {MAX_PAGES}-page limit for one article")
    return reader


def _pages_lines(reader: Any, name: str) -> list[list[_Line]]:
    """Text runs of each page, grouped into lines by their vertical position."""
    pages: list[list[_Line]] = []
    for page in reader.pages:
        lines: list[_Line] = []

        def visit(
            text: str, cm: Any, tm: Any, font: Any, size: Any, lines: list[_Line] = lines
        ) -> None:
            if not text or text == "\n":
                return
            y = float(tm[5]) * float(cm[3]) + float(cm[5])
            if not lines or abs(lines[-1].y - y) > 0.5:
                lines.append(_Line(y))
            lines[-1].parts.append(text)

        try:
            with silenced("pypdf"):
                page.extract_text(visitor_text=visit)
        except Exception:
            raise InputError(f"{name}: the PDF is damaged or incomplete") from None
        pages.append([line for line in lines if line.text and not _PAGE_NUMBER.match(line.text)])
    return pages


def _paragraphs(pages: list[list[_Line]]) -> list[str]:
    """Join lines into paragraphs: a gap wider than the usual line step starts a new one."""
    steps = [
        abs(a.y - b.y)
        for lines in pages
        for a, b in itertools.pairwise(lines)
        if abs(a.y - b.y) > 0
    ]
    step = statistics.median_low(steps) if steps else 0.0
    paragraphs: list[list[str]] = []
    for lines in pages:
        for index, line in enumerate(lines):
            gap = abs(line.y - lines[index - 1].y) if index else None
            new = not paragraphs or (gap is not None and gap > step * 1.4)
            if gap is None and paragraphs and _SENTENCE_END.search(paragraphs[-1][-1]):
                new = True  # a page break after a finished sentence ends the paragraph
            if new:
                paragraphs.append([line.text])
            else:
                paragraphs[-1].append(line.text)
    return [_join_lines(parts) for parts in paragraphs]


def _join_lines(parts: list[str]) -> str:
    text = parts[0]
    for part in parts[1:]:
        # A line that ends in a hyphen was broken at a compound ("co-" / "ordinated").
        text += part if text.endswith("-") and part[:1].isalpha() else " " + part
    return text


def _info(reader: Any) -> dict[str, Any]:
    try:
        with silenced("pypdf"):
            return dict(reader.metadata or {})
    except Exception:
        return {}


def _clean_meta(value: Any) -> str | None:
    text = clean_paragraph(str(value)) if value else ""
    return text or None
