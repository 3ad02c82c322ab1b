"""Ingest: encodings, Markdown, format sniffing, language, and files that are not articles."""

# ruff: noqa: RUF001 - the language samples are Cyrillic and accented on purpose

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from claimdiff.ingest import MAX_BYTES, MAX_CHARS, default_title, document_from_text, read_document
from claimdiff.ingest.language import detect_language, language_notices
from claimdiff.ingest.sniff import sniff_format
from claimdiff.ingest.text import decode_bytes, join_paragraphs, markdown_to_text, parse_date
from claimdiff.model import InputError

ARTICLE = (
    " date 2017-04-11 Ministers met in Lucca on Tuesday.\n\n"
    "The café owner said “prices rose” by 20 percent.\n\n"
    "AFP"
)


@pytest.mark.parametrize(
    "encoding",
    [
        "utf-8",  # the common case
        "utf-8-sig",  # UTF-8 with a byte-order mark
        "utf-16",  # UTF-16 with a BOM (little-endian here)
        "utf-16-be",  # big-endian needs the BOM written by hand, below
        "cp1252",  # Windows: curly quotes in the 0x80-0x9f range
        "latin-1",  # ISO 8859-1 without curly quotes
    ],
)
def test_plain_text_in_every_common_encoding(tmp_path: Path, encoding: str) -> None:
    text = ARTICLE if encoding != "latin-1" else ARTICLE.replace("“", '"').replace("”", '"')
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    document = read_document(path)
    assert "The café owner said" in document.text
    assert document.published == dt.date(2017, 4, 11)
    assert document.source == "AFP"
    assert document.text.startswith("Ministers met in Lucca")
    assert document.fmt == "text"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark(encoding: str) -> None:
    # Some exporters write UTF-16 with no BOM: the zero high bytes of Latin text give it away.
    assert decode_bytes(ARTICLE.encode(encoding), name="x") == ARTICLE


@pytest.mark.parametrize(
    "raw",
    [
        bytes(range(256)) * 4,  # every byte value: zeros in no fixed position
        b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" * 40,  # an image header
        "Zwölf 中文 ".encode("utf-16-le")[:-1] * 30,  # odd-length UTF-16: broken units
    ],
)
def test_zero_bytes_that_are_not_utf16_are_refused(raw: bytes) -> None:
    with pytest.raises(InputError, match="binary file"):
        decode_bytes(raw, name="x")


def test_windows_line_endings_become_newlines() -> None:
    assert decode_bytes(b"One.\r\n\r\nTwo.\rThree.", name="x") == "One.\n\nTwo.\nThree."


@pytest.mark.parametrize(
    ("markdown", "body", "title"),
    [
        # ATX heading becomes the title; emphasis and links are stripped
        (
            "# The *G7* meets\n\nSeveral **rounds** of [talks](http://x.org) failed.",
            "Several rounds of talks failed.",
            "The G7 meets",
        ),
        # setext heading, underscores inside words survive
        (
            "Lucca summit\n============\n\nThe snake_case name and 5 * 3 stay.",
            "The snake_case name and 5 * 3 stay.",
            "Lucca summit",
        ),
        # list markers, block quotes, code marks and inline HTML go; script content too
        (
            "- item _one_\n> quoted `code` <b>bold</b><script>alert(1)</script>",
            "item one\nquoted code bold",
            None,
        ),
        # images keep their alt text; reference definitions vanish
        (
            "![Tillerson in Lucca](a.png) arrived.\n\n[1]: http://x.org",
            "Tillerson in Lucca arrived.",
            None,
        ),
        # later headings are navigation, not statements; escapes are undone
        (
            "# Title\n\nBody \\*not emphasis\\*.\n\n## Background\n\nMore.",
            "Body *not emphasis*.\n\nMore.",
            "Title",
        ),
        # a table keeps its cell text, not its rules
        ("| a | b |\n|---|---|\n| 1 | 2 |", "a b\n1 2", None),
    ],
)
def test_markdown_to_text(markdown: str, body: str, title: str | None) -> None:
    assert markdown_to_text(markdown) == (body, title)


def test_markdown_file_offsets_refer_to_the_stripped_text(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# Lucca talks\n\n date 2017-04-11 The **US** urged Russia.\n", "utf-8")
    document = read_document(path)
    assert (document.title, document.text, document.fmt) == (
        "Lucca talks",
        "The US urged Russia.",
        "markdown",
    )
    assert document.published == dt.date(2017, 4, 11)


@pytest.mark.parametrize(
    ("head", "suffix", "expected"),
    [
        (b"%PDF-1.7\n", ".txt", "pdf"),  # a PDF named .txt is read as a PDF
        (b"PK\x03\x04rest", ".pdf", "docx"),  # a ZIP (DOCX) named .pdf
        (b"<!DOCTYPE html><html>", ".txt", "html"),  # HTML named .txt
        (b"  <html><body>", ".md", "html"),  # HTML with leading blanks
        (b"<p>Fragment</p>", ".html", "html"),  # a fragment is HTML only by name
        (b"<p>Fragment</p>", ".txt", "text"),  # ... otherwise it is text
        (b"# Heading", ".md", "markdown"),  # Markdown by name
        (b"# Heading", ".markdown", "markdown"),  # the long suffix too
        (b"Plain words.", ".docx", "text"),  # text named .docx is still text
        (b"Plain words.", "", "text"),  # no suffix at all
    ],
)
def test_sniff_format_trusts_content_over_the_name(head: bytes, suffix: str, expected: str) -> None:
    assert sniff_format(head, suffix, name="f") == expected


@pytest.mark.parametrize(
    ("head", "message"),
    [
        (b"\x89PNG\r\n\x1a\n", "a PNG image, not an article"),  # an image
        (b"\x7fELF\x02\x01", "a program"),  # an executable
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "save it as .docx"),  # old Word .doc
        (b"SQLite format 3\x00", "an SQLite database"),  # a database
    ],
)
def test_sniff_format_refuses_what_cannot_be_an_article(head: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        sniff_format(head, ".txt", name="f.txt")


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "file is empty"),  # nothing at all
        ("blank.txt", b"  \n\n\t ", "file is empty"),  # only whitespace
        ("binary.txt", bytes(range(256)) * 20, "binary file"),  # binary data named .txt
        ("image.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "PNG image"),  # wrong extension
        ("broken.docx", b"PK\x03\x04" + b"\x00" * 50, "damaged or incomplete"),  # broken zip
        ("broken.pdf", b"%PDF-1.4\n1 0 obj\n<<", "damaged or incomplete"),  # truncated PDF
        ("date-only.txt", b" date 2017-04-11 \n\nAFP", "no article text"),  # metadata, no body
    ],
)
def test_bad_files_give_one_line_input_errors(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = _write(tmp_path / name, data)
    with pytest.raises(InputError, match=message) as caught:
        read_document(path)
    assert "\n" not in str(caught.value)
    assert name in str(caught.value)


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    subprocess.run(["truncate", "-s", "200M", str(path)], check=True)
    assert path.stat().st_blocks == 0  # sparse: nothing was ever written
    with pytest.raises(InputError, match=r"200 MB, over the 20 MB limit"):
        read_document(path)
    assert path.stat().st_size > MAX_BYTES


def test_text_longer_than_an_article_is_refused_before_parsing(tmp_path: Path) -> None:
    sentence = "The minister said the talks had failed. "
    text = sentence * (MAX_CHARS // len(sentence) + 1)
    path = _write(tmp_path / "long.txt", text.encode())
    assert path.stat().st_size < MAX_BYTES  # under the file limit, over the text limit
    with pytest.raises(InputError, match=r"^long\.txt: 1,000,0\d\d characters of text, over"):
        read_document(path)
    with pytest.raises(InputError, match="1,000,000-character limit"):
        document_from_text(text)
    assert document_from_text(text[:MAX_CHARS]).text.startswith("The minister said")


def test_unreadable_file_is_refused_even_for_root(tmp_path: Path) -> None:
    path = _write(tmp_path / "secret.txt", b"The minister said so.")
    path.chmod(0)
    try:
        with pytest.raises(InputError, match="no permission to read"):
            read_document(path)
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p, "no such file"),  # missing
        (lambda p: (p.mkdir(), p)[1], "is a folder"),  # a folder
        (lambda p: (os.mkfifo(p), p)[1], "not a regular file"),  # a pipe would block forever
    ],
)
def test_paths_that_are_not_files(tmp_path: Path, make: object, message: str) -> None:
    path = make(tmp_path / "thing.txt")  # type: ignore[operator]
    with pytest.raises(InputError, match=message):
        read_document(path)


def test_path_with_spaces_and_non_ascii_characters(tmp_path: Path) -> None:
    folder = tmp_path / "Dossier Été 2017"
    folder.mkdir()
    path = _write(folder / "Zürich report – AFP.txt", ARTICLE.encode("utf-8"))
    document = read_document(path, 3)
    assert document.path == str(path)
    assert (document.id, document.source) == (3, "AFP")


GERMAN = (
    "Die Außenminister der G7 haben sich am Dienstag in Lucca getroffen, um über die Lage in "
    "Syrien zu sprechen. Der Minister sagte, dass die Gespräche nicht einfach sein werden und "
    "dass es noch keine Einigung gibt. Sie wollen auch mit Russland sprechen, das ist für die "
    "Region wichtig."
)
FRENCH = (
    "Les ministres des Affaires étrangères du G7 se sont réunis mardi à Lucques pour parler de "
    "la situation en Syrie. Le ministre a dit que les discussions ne sont pas faciles et que "
    "la Russie doit jouer un rôle dans cette crise avec les pays de la région."
)
RUSSIAN = (
    "Министры иностранных дел стран G7 встретились во вторник в Лукке, чтобы обсудить "
    "ситуацию в Сирии. Министр сказал, что переговоры не будут простыми и что пока нет "
    "согласия. Они также хотят говорить с Россией, это для региона очень важно, так как "
    "это было уже при нем."
)
ENGLISH = (
    "The foreign ministers of the G7 met in Lucca on Tuesday to talk about the situation in "
    "Syria. The minister said that the talks would not be easy and that there was no "
    "agreement yet. They also want to talk to Russia, which is important for the region."
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (ENGLISH, "en"),  # English prose
        (GERMAN, "de"),  # German
        (FRENCH, "fr"),  # French
        (RUSSIAN, "ru"),  # Cyrillic
        ("短い記事です。" * 40, "und"),  # Japanese: no English stop words, language unknown
        ("Die Minister trafen sich.", "en"),  # too few words to judge: taken as English
        ("Lucca 2017 G7 Tillerson Lavrov Moscow Syria Assad " * 5, "und"),  # names only
    ],
)
def test_detect_language(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_non_english_document_is_kept_with_a_notice() -> None:
    document = document_from_text(GERMAN, path="/data/bericht.txt")
    assert document.language == "de"
    (notice,) = language_notices([document, document_from_text(ENGLISH)])
    assert notice.startswith("bericht.txt looks German (de), not English")


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ("Ministers met in Lucca. They talked.", "Ministers met in Lucca."),  # first sentence
        ("The U.S. President Trump spoke. Then more.", "The U.S. President Trump spoke."),
        # an abbreviation early in the sentence does not end it
        ("Aug 29 (Reuters) - A U.S. judge ruled. More.", "Aug 29 (Reuters) - A U.S. judge ruled."),
        (
            "Four former ArthroCare Corp. executives were sentenced.",
            "Four former ArthroCare Corp. executives were sentenced.",
        ),
        ("The quake struck at 3 p.m. on Sunday. More.", "The quake struck at 3 p.m. on Sunday."),
        ("word " * 40, ("word " * 16).strip() + "\u2026"),  # long: cut at a word, ellipsis
    ],
)
def test_default_title(body: str, title: str) -> None:
    assert default_title(body) == title


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-04-11T10:00:00Z", dt.date(2017, 4, 11)),  # ISO timestamp (HTML meta)
        ("D:20170411093000+02'00'", dt.date(2017, 4, 11)),  # PDF info date
        (dt.datetime(2017, 4, 11, 9, 30), dt.date(2017, 4, 11)),  # DOCX core property
        ("2017-13-45", None),  # impossible date
        (None, None),  # nothing
    ],
)
def test_parse_date(value: object, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


def test_join_paragraphs_normalises_structured_text() -> None:
    assert join_paragraphs(["  The  \ufb01rst\nline ", "", "Se\u00adcond\u00a0one."]) == (
        "The first line\n\nSecond one."
    )


def test_control_characters_in_a_file_name_never_break_the_one_line_message(
    tmp_path: Path,
) -> None:
    path = tmp_path / "evil\nname\x1b[2J.txt"
    path.write_bytes(b"")
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert str(caught.value) == "evil\\x0aname\\x1b[2J.txt: file is empty"


@pytest.mark.parametrize(
    "header",
    [
        " date 2017-04-11 ",
        "Date: 2017-04-11\n\n",
        "Published: 2017-04-11\n",
        "DATELINE 2017-04-11\n",
    ],
)
def test_a_date_header_dates_the_report_and_is_no_text(tmp_path: Path, header: str) -> None:
    path = tmp_path / "report.txt"
    path.write_text(header + "Ministers met in Lucca on Tuesday.\n", "utf-8")
    document = read_document(path)
    assert document.published == dt.date(2017, 4, 11)
    assert document.text.startswith("Ministers met")
