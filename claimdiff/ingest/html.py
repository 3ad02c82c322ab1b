"""HTML articles: the main text without navigation or boilerplate, via trafilatura."""

from __future__ import annotations

import re
from typing import Any

import trafilatura

from claimdiff.ingest.text import (
    RawArticle,
    clean_paragraph,
    decode_bytes,
    join_paragraphs,
    parse_date,
    silenced,
)
from claimdiff.model import InputError

# Scripts, styles and event handlers never reach the text: trafilatura parses
# with lxml (no JavaScript, no network) and keeps only text-bearing elements.
_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]{2,40})", re.IGNORECASE)
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}


def decode_html(raw: bytes, *, name: str) -> str:
    """Decode a web page, honouring its ``<meta charset>`` before guessing."""
    declared = _CHARSET.search(raw[:4096])
    if declared and not raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode(declared[1].decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            return text.replace("\r\n", "\n").replace("\r", "\n")
    return decode_bytes(raw, name=name)


def read_html(markup: str, *, name: str) -> RawArticle:
    """Extract the article body, title, site name and publication date."""
    result = _extract(markup, name)
    if result is None or result.body is None:
        return _fallback(markup, name)
    paragraphs: list[str] = []
    headings: list[str] = []
    for element in result.body:
        text = clean_paragraph("".join(element.itertext()))
        if not text:
            continue
        (headings if element.tag == "head" else paragraphs).append(text)
    title = clean_paragraph(result.title or "") or (headings[0] if headings else None)
    body = join_paragraphs(paragraphs)
    if not body:
        raise InputError(f"{name}: no article text found in this web page")
    return RawArticle(
        text=body,
        fmt="html",
        title=title or None,
        source=clean_paragraph(result.sitename or "") or None,
        published=parse_date(result.date),
    )


def _extract(markup: str, name: str) -> Any:
    with silenced("trafilatura", "htmldate", "courlan", "justext"):
        try:
            return trafilatura.bare_extraction(
                markup,
                with_metadata=True,
                include_comments=False,
                include_tables=False,
                include_images=False,
                include_links=False,
                include_formatting=False,
                date_extraction_params=_DATE_PARAMS,
            )
        except (ValueError, TypeError, RecursionError) as error:
            raise InputError(f"{name}: cannot be parsed as HTML ({type(error).__name__})") from None


def _fallback(markup: str, name: str) -> RawArticle:
    """Pages too small for trafilatura's heuristics: all visible text, still no scripts."""
    with silenced("trafilatura"):
        _, text, _ = trafilatura.baseline(markup)
    body = join_paragraphs(text.split("\n"))
    if not body:
        raise InputError(f"{name}: no article text found in this web page")
    return RawArticle(text=body, fmt="html")
