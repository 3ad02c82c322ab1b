"""Turn article files into documents: decode, find the dateline, strip credits."""

from __future__ import annotations

import hashlib
from pathlib import Path

from claimdiff.ingest.text import decode_bytes, split_metadata
from claimdiff.model import Document, InputError

MAX_BYTES = 20 * 1024 * 1024
"""Largest file accepted; news articles are a few hundred kilobytes at most."""

__all__ = ["MAX_BYTES", "document_from_text", "read_document"]


def read_document(path: str | Path, doc_id: int = 0) -> Document:
    """Read one article file into a :class:`Document`.

    Raises :class:`InputError` with a one-line message for anything that is
    not a readable article.
    """
    file = Path(path)
    raw = _read_bytes(file)
    text = decode_bytes(raw, name=file.name)
    fmt = "markdown" if file.suffix.lower() in {".md", ".markdown"} else "text"
    return document_from_text(text, doc_id=doc_id, path=str(file), fmt=fmt)


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
    """Build a document from article text, reading metadata out of the text."""
    meta = split_metadata(text)
    if not meta.body.strip():
        raise InputError(f"{_name(path)}: no article text found")
    default_title = meta.body.strip().splitlines()[0][:80]
    return Document(
        id=doc_id,
        title=title or meta.title or default_title,
        source=source or meta.source or (Path(path).stem if path else f"Text {doc_id + 1}"),
        text=meta.body,
        sha256=hashlib.sha256(meta.body.encode("utf-8")).hexdigest(),
        published=published if published is not None else meta.published,  # type: ignore[arg-type]
        path=path,
        fmt=fmt,
        credits=meta.credits,
    )


def _read_bytes(file: Path) -> bytes:
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"{file.name}: file is {size // (1024 * 1024)} MB, over the "
                f"{MAX_BYTES // (1024 * 1024)} MB limit for one article"
            )
        return file.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{file}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{file}: is a folder, not a file") from None
    except PermissionError:
        raise InputError(f"{file}: permission denied") from None
    except OSError as error:
        raise InputError(f"{file}: cannot read ({error.strerror})") from None


def _name(path: str | None) -> str:
    return Path(path).name if path else "text"
