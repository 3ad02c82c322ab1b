"""Plain-text decoding and the metadata that travels inside article text."""

from __future__ import annotations

import datetime as dt
import logging
import re
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from charset_normalizer import from_bytes

from claimdiff.model import InputError

_DATELINE = re.compile(
    r"\A\s*(?:date|published|dateline)\s*:?\s+(\d{4})-(\d{2})-(\d{2})\s+", re.IGNORECASE
)
"""The report's date on its first line: " date 2017-04-11 " (the dev pairs' form), or a
header such as "Date: 2017-04-11" or "Published: 2017-04-11"."""
_CREDIT = re.compile(
    r"^\s*\(?(with reporting by|reporting by|additional reporting by|written by|"
    r"editing by|compiled by)\b.*$",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(r"^\s*(?:[-\u2013\u2014]\s*)?[A-Z][A-Za-z/&.\- ]{0,24}\s*$")
_MD_HEADING = re.compile(r"^\s{0,3}#\s+(.+?)\s*#*\s*$")
_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


@dataclass(frozen=True)
class RawArticle:
    """What a format reader found: the article text and any metadata the file carries.

    ``created`` is the file's own creation date (DOCX, PDF); it stands in for the
    publication date only when neither metadata nor the text gives one.
    """

    text: str
    fmt: str
    title: str | None = None
    source: str | None = None
    published: dt.date | None = None
    created: dt.date | None = None


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
        text = _decode_unmarked(raw, name)
    if _control_share(text) > 0.05:
        raise InputError(f"{name}: looks like a binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_unmarked(raw: bytes, name: str) -> str:
    """Decode bytes without a byte-order mark: UTF-16 told by its zero bytes, else sniffed."""
    if b"\x00" in raw[:4096]:
        encoding = _utf16_without_bom(raw[:4096])
        if encoding is None:
            raise InputError(f"{name}: looks like a binary file, not text")
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            raise InputError(f"{name}: looks like a binary file, not text") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(raw).best()
        if best is None:
            raise InputError(f"{name}: cannot detect the text encoding") from None
        return str(best)


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when zero bytes fill one byte of most pairs, as in Latin text."""
    sample = sample[: len(sample) // 2 * 2]
    pairs = len(sample) // 2
    if pairs < 8:
        return None
    zero_odd = sample[1::2].count(0) / pairs  # high byte of little-endian units
    zero_even = sample[0::2].count(0) / pairs
    if zero_odd > 0.7 and zero_even < 0.05:
        return "utf-16-le"
    if zero_even > 0.7 and zero_odd < 0.05:
        return "utf-16-be"
    return None


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
            source = line.strip("-\u2013\u2014 ")
    body = "\n".join(lines).strip("\n")
    return TextMetadata(body, published, title, source, tuple(credits))


@contextmanager
def silenced(*loggers: str) -> Iterator[None]:
    """Keep a library's log messages and warnings about a bad file off the user's terminal.

    The reader turns the failure into one :class:`InputError` line; without this,
    Python's last-resort handler would print the library's own complaints too.
    """
    saved = [(logging.getLogger(name), logging.getLogger(name).level) for name in loggers]
    for logger, _ in saved:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for logger, level in saved:
            logger.setLevel(level)


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    """Normalise paragraphs from a structured format the way plain-text articles look.

    Whitespace inside a paragraph collapses to single spaces, ligatures unfold,
    and paragraphs are separated by one blank line, so the same article gives
    the same text (and the same claims) whatever format it came in.
    """
    cleaned = (clean_paragraph(paragraph) for paragraph in paragraphs)
    return "\n\n".join(paragraph for paragraph in cleaned if paragraph)


def clean_paragraph(paragraph: str) -> str:
    """One paragraph on one line: single spaces, no ligatures, no soft hyphens."""
    text = paragraph.translate(_LIGATURES).replace("\u00ad", "").replace("\u200b", "")
    return _SPACES.sub(" ", " ".join(text.split("\n"))).strip()


def parse_date(value: object) -> dt.date | None:
    """A date from metadata: ``2017-04-11``, ``2017-04-11T10:00:00Z`` or a datetime."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        match = re.search(r"(\d{4})-?(\d{2})-?(\d{2})", value)
        if match:
            try:
                return dt.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                return None
    return None


def _is_trailer(line: str) -> bool:
    stripped = line.strip()
    if _CREDIT.match(stripped):
        return True
    # A signature is a short agency name on its own line: "AFP", "Reuters".
    short = len(stripped.split()) <= 3 and not stripped.endswith(".")
    return bool(_SIGNATURE.match(stripped)) and short


def _control_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    bad += sample.count("\ufffd")
    return bad / len(sample)


# Markdown: block markers go line by line, inline markup by pattern. Line
# structure is kept, so a Markdown file with plain paragraphs reads exactly
# like the same text in a .txt file.
_MD_ANY_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_MD_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_MD_BLOCK = re.compile(r"^\s{0,3}(?:>\s?)+|^\s*(?:[-*+]|\d{1,9}[.)])\s+")
_MD_LINK_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_BLANK_RUNS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_MD_INLINE = (
    (re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL), ""),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),
    (re.compile(r"</?[A-Za-z][^<>]*>"), ""),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s_\\])_(?!\w)"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])"), r"\1"),
)


def markdown_to_text(markdown: str) -> tuple[str, str | None]:
    """Strip Markdown to plain text; the first heading becomes the title.

    Headings are titles and navigation, not statements, so none of them stays
    in the body; emphasis, links, images, code marks and raw HTML are reduced
    to their text.
    """
    title: str | None = None
    lines: list[str] = []
    in_fence = skip = False
    source = markdown.split("\n")
    for index, line in enumerate(source):
        if skip:
            skip = False
            continue
        if _MD_FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            lines.append(line)
            continue
        following = source[index + 1] if index + 1 < len(source) else ""
        heading, skip = _heading_text(line, following)
        if heading is not None:
            title = title or _md_inline(heading).strip() or None
            continue
        if _MD_RULE.match(line) or _MD_LINK_DEF.match(line) or _MD_TABLE_RULE.match(line):
            continue
        lines.append(_md_line(line))
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n"), title


def _heading_text(line: str, following: str) -> tuple[str | None, bool]:
    """The heading on this line, and whether the next line underlines it."""
    match = _MD_ANY_HEADING.match(line)
    if match:
        return match[1], False
    if line.strip() and _MD_SETEXT.match(following) and not _MD_BLOCK.match(line):
        return line.strip(), True
    return None, False


def _md_line(line: str) -> str:
    line = _MD_BLOCK.sub("", line)
    if line.strip().startswith("|") and line.strip().endswith("|"):
        line = " ".join(cell.strip() for cell in line.strip().strip("|").split("|"))
    return _md_inline(line)


def _md_inline(text: str) -> str:
    for pattern, replacement in _MD_INLINE:
        text = pattern.sub(replacement, text)
    return text
