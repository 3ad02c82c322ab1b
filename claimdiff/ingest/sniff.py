"""Tell a file's format from its first bytes, with the file name as a tie-breaker."""

from __future__ import annotations

import re

from claimdiff.model import InputError

HEAD_BYTES = 4096
"""How much of the start of a file the sniffer looks at."""

_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "a program (ELF binary)"),
    (b"MZ", "a Windows program"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"{\\rtf", "an RTF document; save it as .docx or .txt"),
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
_HTML_TAGS = re.compile(rb"<(p|div|article|h1|meta|title)\b[^>]*>", re.I)
_SUFFIXES = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".pdf": "pdf",
    ".docx": "docx",
}


def sniff_format(head: bytes, suffix: str, *, name: str) -> str:
    """Return ``pdf``, ``docx``, ``html``, ``markdown`` or ``text``.

    The content decides: a PDF named ``.txt`` is read as a PDF. The suffix only
    separates the text formats (Markdown and HTML fragments look like text).
    Formats that cannot be articles raise :class:`InputError`.
    """
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(_OLE):
        raise InputError(f"{name}: an old Word/Office file (.doc); save it as .docx and try again")
    for magic, what in _BINARY_MAGIC:
        if head.startswith(magic):
            raise InputError(f"{name}: {what}, not an article")
    expected = _SUFFIXES.get(suffix.lower(), "text")
    if _looks_like_html(head) or (expected == "html" and _HTML_TAGS.search(head)):
        return "html"
    if expected in {"pdf", "docx"}:
        # A text file with a PDF or DOCX name: read it as the text it is.
        return "text"
    return expected


def _looks_like_html(head: bytes) -> bool:
    sample = head.lstrip(b"\xef\xbb\xbf")
    if b"\x00" in sample[:200]:
        sample = sample.replace(b"\x00", b"")
    return bool(_HTML_START.match(sample))
