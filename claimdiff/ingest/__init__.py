"""Turn article files into documents: sniff the format, read it, find the metadata."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import stat
from functools import cache
from pathlib import Path

from claimdiff.ingest.language import detect_language, language_notices
from claimdiff.ingest.sniff import HEAD_BYTES, sniff_format
from claimdiff.ingest.text import RawArticle, decode_bytes, markdown_to_text, split_metadata
from claimdiff.model import Document, InputError
from claimdiff.resources import data_json

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:[A-Z]\.)+[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Col|Lt|Sgt|"
    r"Corp|Inc|Co|Ltd|Bros|No|vs|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|[ap]\.m)|\.\.)$"
)
"""Words a full stop follows without ending the sentence: "U.S.", "Corp.", "p.m."."""

MAX_BYTES = 20 * 1024 * 1024
"""Largest file accepted; news articles are a few hundred kilobytes at most."""

MAX_CHARS = 1_000_000
"""Longest article text accepted, about 170,000 words: spaCy's own default limit. A
text this long takes about 40 seconds to compare; a longer one is not an article.
"""

FORMATS = ("text", "markdown", "html", "pdf", "docx")
"""Every input format, as stored in ``Document.fmt``."""

__all__ = [
    "FORMATS",
    "MAX_BYTES",
    "MAX_CHARS",
    "detect_language",
    "document_from_text",
    "language_notices",
    "read_document",
    "shown",
]


def read_document(path: str | Path, doc_id: int = 0) -> Document:
    """Read one article file (text, Markdown, HTML, PDF or DOCX) into a :class:`Document`.

    The format comes from the content first and the file name second. Raises
    :class:`InputError` with a one-line message for anything that is not a
    readable article.
    """
    file = Path(path)
    raw = _read_bytes(file)
    article = _read_article(raw, file)
    document = document_from_text(
        article.text,
        doc_id=doc_id,
        title=article.title,
        source=article.source,
        published=article.published,
        path=str(file),
        fmt=article.fmt,
    )
    if document.published is None and article.created is not None:
        document = dataclasses.replace(document, published=article.created)
    return document


def document_from_text(
    text: str,
    *,
    doc_id: int = 0,
    title: str | None = None,
    source: str | None = None,
    published: object = None,
    path: str | None = None,
    fmt: str = "text",
) -> Document:
    """Build a document from article text, reading metadata out of the text.

    Metadata passed in wins over what the text says (its ``date YYYY-MM-DD``
    header, a Markdown title, a trailing agency signature).
    """
    meta = split_metadata(text)
    if not meta.body.strip():
        raise InputError(f"{_name(path)}: no article text found")
    if len(meta.body) > MAX_CHARS:
        raise InputError(
            f"{_name(path)}: {len(meta.body):,} characters of text, over the "
            f"{MAX_CHARS:,}-character limit for one article"
        )
    return Document(
        id=doc_id,
        title=title or meta.title or default_title(meta.body),
        source=source or meta.source or source_from_name(path, doc_id),
        text=meta.body,
        sha256=hashlib.sha256(meta.body.encode("utf-8")).hexdigest(),
        published=published if published is not None else meta.published,  # type: ignore[arg-type]
        path=path,
        language=detect_language(meta.body),
        fmt=fmt,
        credits=meta.credits,
    )


def source_from_name(path: str | None, doc_id: int = 0) -> str:
    """A source for an article that names none: the outlet its file name starts with.

    "rferl-g7-lucca.txt" gives "RFE/RL" and "afp_story.md" gives "AFP"; a file
    name that names no known outlet is kept as the analyst wrote it.
    """
    if not path:
        return f"Text {doc_id + 1}"
    stem = Path(path).stem
    first = re.split(r"[\s_.\-]+", stem.strip().lower(), maxsplit=1)[0]
    return _outlets().get(first, stem)


@cache
def _outlets() -> dict[str, str]:
    table: dict[str, str] = data_json("outlets.json")
    return {key: value for key, value in table.items() if not key.startswith("_")}


def default_title(body: str, limit: int = 80) -> str:
    """The first sentence of the body, cut at a word boundary when it is long."""
    first = body.strip().split("\n", 1)[0]
    title = _first_sentence(first)
    if len(title) <= limit:
        return title.rstrip()
    return title[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"


def _first_sentence(line: str) -> str:
    """The line up to its first full stop that ends a sentence ("A U.S. judge ..." goes on)."""
    for end in _SENTENCE_END.finditer(line):
        if end.start() >= 20 and not _ABBREVIATION.search(line, 0, end.start()):
            return line[: end.end()]
    return line


def _read_article(raw: bytes, file: Path) -> RawArticle:
    name = shown(file.name)
    fmt = sniff_format(raw[:HEAD_BYTES], file.suffix, name=name)
    if fmt == "pdf":
        from claimdiff.ingest.pdf import read_pdf

        return read_pdf(raw, name=name)
    if fmt == "docx":
        from claimdiff.ingest.docx import read_docx

        return read_docx(raw, name=name)
    if fmt == "html":
        from claimdiff.ingest.html import decode_html, read_html

        return read_html(decode_html(raw, name=name), name=name)
    text = decode_bytes(raw, name=name)
    if fmt == "markdown":
        body, title = markdown_to_text(text)
        return RawArticle(text=body, fmt="markdown", title=title)
    return RawArticle(text=text, fmt="text")


def _read_bytes(file: Path) -> bytes:
    """The file's bytes, after checks that need no reading: kind, size, permission."""
    try:
        info = file.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{shown(file)}: is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{shown(file)}: not a regular file")
        if info.st_size > MAX_BYTES:
            raise InputError(
                f"{shown(file.name)}: file is {info.st_size // (1024 * 1024)} MB, over the "
                f"{MAX_BYTES // (1024 * 1024)} MB limit for one article"
            )
        # Root may read anything; a file nobody may read is still refused.
        if not os.access(file, os.R_OK) or not info.st_mode & 0o444:
            raise InputError(f"{shown(file)}: no permission to read this file")
        with file.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"{shown(file)}: no such file") from None
    except PermissionError:
        raise InputError(f"{shown(file)}: no permission to read this file") from None
    except OSError as error:
        raise InputError(f"{shown(file)}: cannot read ({error.strerror or error})") from None
    if len(data) > MAX_BYTES:
        limit = MAX_BYTES // (1024 * 1024)
        raise InputError(f"{shown(file.name)}: file grew past the {limit} MB limit")
    if not data.strip():
        raise InputError(f"{shown(file.name)}: file is empty")
    return data


def shown(path: str | Path) -> str:
    """A file name fit for a one-line message: control characters are escaped."""
    return _CONTROL.sub(lambda match: f"\\x{ord(match[0]):02x}", str(path))


def _name(path: str | None) -> str:
    return shown(Path(path).name) if path else "text"
