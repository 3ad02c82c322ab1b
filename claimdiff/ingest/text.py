"""Plain-text decoding and the metadata that travels inside article text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from claimdiff.model import InputError

_DATELINE = re.compile(r"\A\s*date\s+(\d{4})-(\d{2})-(\d{2})\s+")
_CREDIT = re.compile(
    r"^\s*\(?(with reporting by|reporting by|additional reporting by|written by|"
    r"editing by|compiled by)\b.*$",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(r"^\s*(?:[-–—]\s*)?[A-Z][A-Za-z/&.\- ]{0,24}\s*$")
_MD_HEADING = re.compile(r"^\s{0,3}#\s+(.+?)\s*#*\s*$")


@dataclass(frozen=True)
class TextMetadata:
    """What the text itself says about the article, and the body without it."""

    body: str
    published: dt.date | None
    title: str | None
    source: str | None
    credits: tuple[str, ...]


def decode_bytes(raw: bytes, *, name: str) -> str:
    """Decode article bytes in any common encoding, refusing binary data."""
    if not raw.strip():
        raise InputError(f"{name}: file is empty")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16")
    elif raw.startswith(b"\xef\xbb\xbf"):
        text = raw[3:].decode("utf-8", errors="replace")
    else:
        if b"\x00" in raw[:4096]:
            raise InputError(f"{name}: looks like a binary file, not text")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            best = from_bytes(raw).best()
            if best is None:
                raise InputError(f"{name}: cannot detect the text encoding") from None
            text = str(best)
    if _control_share(text) > 0.05:
        raise InputError(f"{name}: looks like a binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_metadata(text: str) -> TextMetadata:
    """Separate the dateline, title, signature and credit lines from the body."""
    published = None
    match = _DATELINE.match(text)
    if match:
        try:
            published = dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            published = None
        text = text[match.end() :]
    title = None
    lines = text.split("\n")
    heading = next((line for line in lines if line.strip()), "")
    if _MD_HEADING.match(heading):
        title = _MD_HEADING.match(heading)[1]  # type: ignore[index]
        lines = lines[lines.index(heading) + 1 :]
    credits: list[str] = []
    source = None
    while lines and (not lines[-1].strip() or _is_trailer(lines[-1])):
        line = lines.pop().strip()
        if not line:
            continue
        credits.insert(0, line)
        if source is None and _SIGNATURE.match(line) and not _CREDIT.match(line):
            source = line.strip("-–— ")
    body = "\n".join(lines).strip("\n")
    return TextMetadata(body, published, title, source, tuple(credits))


def _is_trailer(line: str) -> bool:
    stripped = line.strip()
    if _CREDIT.match(stripped):
        return True
    # A signature is a short agency name on its own line: "AFP", "Reuters".
    return bool(_SIGNATURE.match(stripped)) and len(stripped.split()) <= 3 and not stripped.endswith(".")


def _control_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    bad += sample.count("\ufffd")
    return bad / len(sample)
