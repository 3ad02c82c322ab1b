"""Reports in every text format: same content, escaped source text, atomic writes."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import hashlib
import io
import json
import os
import re
from pathlib import Path

import jsonschema
import pytest

from claimdiff.codec import comparison_from_dict
from claimdiff.model import (
    Claim,
    ClaimDiffError,
    Comparison,
    DateMention,
    Document,
    Entity,
    Label,
    Link,
    Reason,
    ReasonKind,
)
from claimdiff.report import (
    BINARY_FORMATS,
    RENDERERS,
    format_for_path,
    render,
    write_atomic,
    write_report,
)
from claimdiff.report.csv import COLUMNS, safe_cell
from claimdiff.report.markdown import escape
from claimdiff.report.view import build_view, claim_labels, mark_values
from claimdiff.resources import json_schema

HOSTILE = '<script>alert("x")</script>'
TEXT_FORMATS = [fmt for fmt in RENDERERS if fmt not in BINARY_FORMATS]


def _document(position: int, source: str, sentences: list[str]) -> tuple[Document, list[Claim]]:
    text = " ".join(sentences)
    claims, start = [], 0
    for sentence in sentences:
        claims.append(Claim(0, position, start, start + len(sentence), sentence))
        start += len(sentence) + 1
    sha = hashlib.sha256(text.encode()).hexdigest()
    document = Document(
        position,
        f"Report {position}",
        source,
        text,
        sha,
        dt.date(2017, 4, 11),
        f"/d/{position}.txt",
    )
    return document, claims


def make_comparison() -> Comparison:
    """Two sources: an agreement, a number conflict, hostile markup, and unique claims."""
    afp, afp_claims = _document(
        0,
        "AFP <b>wire</b>",
        [
            "The G7 met in Lucca on Tuesday.",
            "Strikes killed 80 people in Idlib.",
            f"A reader wrote {HOSTILE} and <img src=x onerror=alert(1)>.",
            "A dinner was held at Palazzo Orsetti.",
        ],
    )
    rfe, rfe_claims = _document(
        1,
        "RFE/RL",
        [
            "The G7 met in Lucca on Tuesday.",
            "Strikes killed more than 70 people in Idlib.",
            '=HYPERLINK("http://evil.example") said the spreadsheet.',
            "Mattis put the damage at 20 percent.",
        ],
    )
    claims = [
        Claim(i, c.document, c.start, c.end, c.text) for i, c in enumerate(afp_claims + rfe_claims)
    ]
    claims[4] = Claim(
        4, 1, 0, 31, claims[4].text, entities=(Entity("G7", "Group of Seven", "ORG", 4, 6),)
    )
    links = (
        Link(0, 4, Label.AGREE, 0.97),
        Link(
            1,
            5,
            Label.CONFLICT,
            0.81,
            (
                Reason(
                    ReasonKind.NUMBER,
                    "80 people",
                    "more than 70 people",
                    "AFP says 80; RFE/RL says more than 70.",
                ),
            ),
        ),
        Link(
            2,
            6,
            Label.PARTIAL,
            0.6,
            (Reason(ReasonKind.QUOTE, "", "", f"Quote {HOSTILE} differs."),),
        ),
    )
    return Comparison(
        documents=(afp, rfe),
        claims=tuple(claims),
        links=links,
        id=7,
        warnings=("doc.txt looks German (de), not English: expect fewer links",),
        settings={"link_threshold": 0.55},
    )


def test_renderers_cover_every_format_the_issue_names() -> None:
    assert set(RENDERERS) == {"text", "json", "html", "markdown", "csv", "pdf"}


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_every_format_carries_the_same_content(fmt: str) -> None:
    content = render(make_comparison(), fmt)
    assert isinstance(content, str)
    if fmt in {"html", "markdown"}:  # differing values are wrapped in markup
        content = re.sub(r"<span class=\"value\">(.*?)</span>", r"\1", content).replace("**", "")
    for expected in ("Strikes killed 80 people in Idlib", "Mattis put the damage at 20 percent"):
        assert expected in content  # a linked claim and a unique claim
    assert "RFE/RL" in content
    assert re.search(r"conflict", content, re.IGNORECASE)
    if fmt != "text":
        assert "AFP says 80; RFE/RL says more than 70." in content  # the reason, verbatim


def _cited_comparison() -> Comparison:
    comparison = make_comparison()
    claims = list(comparison.claims)
    claims[1] = dataclasses.replace(claims[1], speaker="Boris Johnson", quotes=("We act.",))
    claims[7] = dataclasses.replace(claims[7], speaker="Jim Mattis")
    claims[5] = dataclasses.replace(claims[5], speaker="Johnson")
    return dataclasses.replace(comparison, claims=tuple(claims))


@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
def test_every_format_says_what_each_source_dates_when(fmt: str) -> None:
    comparison = make_comparison()
    claims = list(comparison.claims)
    tuesday = DateMention("Tuesday", dt.date(2017, 4, 11), 20, 27)
    claims[0] = dataclasses.replace(claims[0], dates=(tuesday,))
    claims[4] = dataclasses.replace(claims[4], dates=(tuesday,))
    claims[7] = dataclasses.replace(
        claims[7], dates=(DateMention("in 2011", dt.date(2011, 1, 1), 0, 7, "year"),)
    )
    content = render(dataclasses.replace(comparison, claims=tuple(claims)), fmt)
    assert isinstance(content, str)
    assert "What each source dates when (" in content
    if fmt == "markdown":
        assert "| 2011 | — | 1 |\n| Tue 11 Apr 2017 | 1 | 1 |" in content
    elif fmt == "html":
        assert '<td class="nowrap">Tue 11 Apr 2017</td>' in content
    else:
        assert "  - 2011: [1] 1\n  - Tue 11 Apr 2017: [0] 1, [1] 1" in content


@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
def test_every_format_says_who_each_source_cites(fmt: str) -> None:
    content = render(_cited_comparison(), fmt)
    assert isinstance(content, str)
    assert "1 of 4 claims attributed, 1 with a quotation" in content
    assert "RFE/RL: 2 of 4 claims attributed, 0 with a quotation" in content
    if fmt == "markdown":
        assert "| Boris Johnson | 1 (1 quoted) | 1 |" in content
        assert "| Jim Mattis | — | 1 |" in content
    elif fmt == "html":
        assert re.search(r"<td>Boris Johnson</td><td class=\"num\">1 \(1 quoted\)</td>", content)
    else:
        assert "  - Boris Johnson: [0] 1 (1 quoted), [1] 1" in content
        assert "  - Jim Mattis: [1] 1" in content


def test_view_orders_links_by_strength_and_marks_differing_values() -> None:
    view = build_view(make_comparison(), now=dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC))
    assert [link.label for link in view.links] == ["conflict", "partial", "agree"]
    conflict = view.links[0]
    assert [p.text for p in conflict.a.pieces if p.marked] == ["80 people"]
    assert [p.text for p in conflict.b.pieces if p.marked] == ["more than 70 people"]
    assert view.generated == "2026-01-02 03:04 UTC"
    assert view.tags[1] == "C1" and view.tags[3] == "U"
    assert [c.text for c in view.documents[1].unique] == ["Mattis put the damage at 20 percent."]


@pytest.mark.parametrize(
    ("text", "values", "marked"),
    [
        ("Slammed by Iran and North Korea.", {"Iran and North Korea"}, ["Iran and North Korea"]),
        ("Slammed by Iran and North Korea.", {"North Korea", "Iran"}, ["Iran", "North Korea"]),
        ("Iranian officials spoke.", {"Iran"}, []),  # whole words only
        ("The US urged Russia.", {"Group of Seven"}, []),  # nothing to find
        ("", {"x"}, []),  # empty text still yields a piece
    ],
)
def test_mark_values(text: str, values: set[str], marked: list[str]) -> None:
    pieces = mark_values(text, values)
    assert "".join(p.text for p in pieces) == text
    assert [p.text for p in pieces if p.marked] == marked


def test_canonical_value_marks_the_entity_as_written() -> None:
    claim = Claim(
        0, 0, 0, 20, "The G7 met in Lucca.", entities=(Entity("G7", "Group of Seven", "ORG", 4, 6),)
    )
    pieces = mark_values(claim.text, {"Group of Seven"}, claim)
    assert [p.text for p in pieces if p.marked] == ["G7"]


def test_claim_label_is_the_strongest_of_its_links() -> None:
    comparison = make_comparison()
    comparison = Comparison(
        comparison.documents,
        comparison.claims,
        (*comparison.links, Link(1, 7, Label.AGREE, 0.7)),
    )
    labels = claim_labels(comparison)
    assert (labels[1], labels[7], labels[3], labels[0]) == ("conflict", "agree", "unique", "agree")


# --- HTML -------------------------------------------------------------------------------


def test_html_escapes_every_piece_of_source_text() -> None:
    html = render(make_comparison(), "html")
    assert isinstance(html, str)
    assert "<script" not in html.lower()
    assert not re.search(r"<[^>]*\sonerror\s*=", html, re.IGNORECASE)
    assert "<img" not in html and "<b>wire" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "onerror=alert(1)&gt;" in html  # shown as text, not as an attribute


def test_html_is_self_contained() -> None:
    html = render(make_comparison(), "html")
    assert isinstance(html, str)
    assert "<style>" in html
    assert not re.search(r"<(link|script|iframe|object|embed|img)\b", html, re.IGNORECASE)
    assert not re.search(r"<[^>]*\ssrc\s*=", html, re.IGNORECASE)
    hrefs = re.findall(r"<a [^>]*href=\"([^\"]*)\"", html)
    assert hrefs and all(href.startswith("#link-") for href in hrefs)  # internal anchors only
    style = html[html.index("<style>") : html.index("</style>")]
    assert "url(" not in style and "@import" not in style


def test_html_has_columns_legend_counts_hashes_and_palette() -> None:
    comparison = make_comparison()
    html = render(comparison, "html")
    assert isinstance(html, str)
    assert html.count('<td class="column"') == 2  # one column per document
    assert 'class="claim conflict" id="claim-1"' in html
    assert '<span class="value">80 people</span>' in html
    for colour in ("#0072b2", "#e69f00", "#d55e00"):  # Okabe-Ito blue, orange, vermillion
        assert colour in html
    assert "Legend" in html and "Differing value" in html
    for document in comparison.documents:
        assert document.sha256 in html
    assert "Generated " in html
    assert "Only in RFE/RL (1)" in html
    assert "looks German (de)" in html


def test_html_report_with_no_links_still_reads() -> None:
    comparison = make_comparison()
    comparison = Comparison(comparison.documents, comparison.claims, ())
    html = render(comparison, "html")
    assert isinstance(html, str)
    assert "No statements were linked across the sources." in html
    assert "Claims unique to one source (8)" in html


# --- Markdown ---------------------------------------------------------------------------


def test_markdown_shows_hostile_text_as_text() -> None:
    markdown = render(make_comparison(), "markdown")
    assert isinstance(markdown, str)
    assert not re.search(r"(?<!\\)<(script|img)", markdown)  # "\\<img" shows as text
    assert "\\<script\\>" in markdown
    assert "**80 people**" in markdown  # differing value in bold
    assert "### 1. CONFLICT (score 0.81)" in markdown
    assert "| 3 | 1 | 1 | 1 | 2 | 8 | 2 |" in markdown  # links, agree, partial, conflict, ...


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("*not bold* and _not italic_", "\\*not bold\\* and \\_not italic\\_"),  # emphasis
        ("1. not a list", "1\\. not a list"),  # ordered-list marker
        ("- not a list", "\\- not a list"),  # bullet marker
        ("# not a heading", "\\# not a heading"),  # heading marker
        ("a | b", "a \\| b"),  # table pipe
        ("AT&T &amp; more", "AT&T &amp;amp; more"),  # entities stay literal
        ("line\nbreak", "line break"),  # one line per item
    ],
)
def test_markdown_escape(text: str, expected: str) -> None:
    assert escape(text) == expected


# --- CSV --------------------------------------------------------------------------------


def test_csv_has_a_row_per_link_and_per_unique_claim() -> None:
    comparison = make_comparison()
    content = render(comparison, "csv")
    assert isinstance(content, str)
    rows = list(csv.DictReader(io.StringIO(content)))
    assert tuple(rows[0]) == COLUMNS
    links = [r for r in rows if r["row"] == "link"]
    unique = [r for r in rows if r["row"] == "unique"]
    assert (len(links), len(unique)) == (3, 2)
    conflict = next(r for r in links if r["label"] == "conflict")
    afp = comparison.documents[0].text
    assert afp[int(conflict["a_start"]) : int(conflict["a_end"])] == conflict["a_text"]
    assert (conflict["score"], conflict["reason_kinds"], conflict["b_source"]) == (
        "0.810",
        "number",
        "RFE/RL",
    )
    assert {r["a_text"] for r in unique} == {
        "A dinner was held at Palazzo Orsetti.",
        "Mattis put the damage at 20 percent.",
    }


def test_csv_says_who_each_claim_is_attributed_to() -> None:
    content = render(_cited_comparison(), "csv")
    assert isinstance(content, str)
    rows = list(csv.DictReader(io.StringIO(content)))
    conflict = next(r for r in rows if r["row"] == "link" and r["label"] == "conflict")
    assert (conflict["a_speaker"], conflict["b_speaker"]) == ("Boris Johnson", "Johnson")
    mattis = next(r for r in rows if r["row"] == "unique" and r["a_text"].startswith("Mattis"))
    assert (mattis["a_speaker"], mattis["b_speaker"]) == ("Jim Mattis", "")
    assert all(len(row) == len(COLUMNS) for row in rows)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),  # formula
        ("+1 more", "'+1 more"),  # plus
        ("@SUM(A1)", "'@SUM(A1)"),  # at
        ("plain text", "plain text"),  # untouched
        (None, ""),  # empty cell
        (12, "12"),  # numbers stay numbers
    ],
)
def test_csv_cells_never_run_as_formulas(value: object, expected: str) -> None:
    assert safe_cell(value) == expected


# --- JSON -------------------------------------------------------------------------------


def test_json_follows_the_contract_and_round_trips() -> None:
    comparison = make_comparison()
    data = json.loads(render(comparison, "json"))  # type: ignore[arg-type]
    jsonschema.validate(data, json_schema())
    for claim in data["claims"]:
        document = data["documents"][claim["document"]]
        assert document["text"][claim["start"] : claim["end"]] == claim["text"]
    assert data["unique"] == [3, 7]
    back = comparison_from_dict(data)
    assert back.claims == comparison.claims and back.links == comparison.links


def test_json_carries_who_is_cited_and_what_is_dated() -> None:
    comparison = make_comparison()
    claims = list(comparison.claims)
    tuesday = DateMention("Tuesday", dt.date(2017, 4, 11), 23, 30)
    claims[0] = dataclasses.replace(claims[0], dates=(tuesday,))
    claims[4] = dataclasses.replace(claims[4], dates=(tuesday,))
    claims[1] = dataclasses.replace(claims[1], speaker="Johnson")
    claims[5] = dataclasses.replace(claims[5], speaker="Boris Johnson", quotes=("killed",))
    data = json.loads(render(dataclasses.replace(comparison, claims=tuple(claims)), "json"))  # type: ignore[arg-type]
    jsonschema.validate(data, json_schema())
    assert data["version"] == 3
    assert data["cited"]["documents"] == [
        {"claims": 4, "attributed": 1, "quoted": 0},
        {"claims": 4, "attributed": 1, "quoted": 1},
    ]
    assert data["cited"]["speakers"] == [
        {"name": "Boris Johnson", "claims": [[1], [5]], "quoted": [0, 1]}
    ]
    (day,) = data["dates"]
    assert (day["date"], day["granularity"], day["claims"]) == ("2017-04-11", "day", [[0], [4]])
    assert day["words"] == [["Tuesday"], ["Tuesday"]]
    # the tables are read from the claims: reading the file back ignores them
    assert comparison_from_dict(data).claims == tuple(claims)


# --- files ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("r.html", "html"),
        ("r.HTM", "html"),
        ("r.md", "markdown"),
        ("r.csv", "csv"),
        ("r.json", "json"),
        ("r.pdf", "pdf"),
        ("r.txt", "text"),
        ("r.docx", None),  # not a report format
        ("report", None),  # no ending
    ],
)
def test_format_for_path(name: str, fmt: str | None) -> None:
    assert format_for_path(name) == fmt


def test_write_report_replaces_the_file_atomically(tmp_path: Path) -> None:
    target = tmp_path / "sub dir" / "report.md"
    write_report(make_comparison(), "markdown", target)
    assert target.read_text("utf-8").startswith("# ClaimDiff comparison 7")
    assert os.listdir(target.parent) == ["report.md"]  # no temporary file left


def test_failed_write_keeps_the_old_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.html"
    target.write_text("old report", "utf-8")

    def crash(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(ClaimDiffError, match=r"cannot write .*No space left on device"):
        write_atomic(target, b"new report")
    assert target.read_text("utf-8") == "old report"
    assert os.listdir(tmp_path) == ["report.html"]


def test_unknown_format_is_a_clear_error() -> None:
    with pytest.raises(ClaimDiffError, match="unknown report format 'docx' \\(choose from text"):
        render(make_comparison(), "docx")


def test_text_report_shows_terminal_escapes_instead_of_obeying_them() -> None:
    comparison = make_comparison()
    document = comparison.documents[0]
    evil = "The G7 met\x1b[2J in Lucca on Tuesday.\u202e"
    text = evil + document.text[len("The G7 met in Lucca on Tuesday.") :]
    claims = list(comparison.claims)
    claims[0] = Claim(0, 0, 0, len(evil), evil)
    comparison = Comparison(
        (Document(0, "T", "AFP", text, document.sha256), *comparison.documents[1:]),
        tuple(claims),
        comparison.links,
    )
    content = render(comparison, "text")
    assert isinstance(content, str)
    assert "\x1b" not in content and "\u202e" not in content
    assert "The G7 met\\x1b[2J in Lucca on Tuesday.\\u202e" in content
