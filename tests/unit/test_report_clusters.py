"""Claim clusters and the coverage matrix in every report format, on hand-built comparisons."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Sequence

import pytest

from claimdiff.cluster import attach_clusters
from claimdiff.model import Claim, Comparison, Document, Label, Link, Reason, ReasonKind
from claimdiff.report import render
from claimdiff.report.clusters import CHECK, ClusterView, excerpt, links_between_clusters
from claimdiff.report.csv import COLUMNS
from claimdiff.report.view import build_view

AFP, RFE, REUTERS = "AFP <b>wire</b>", "RFE/RL", "Reuters"
SOURCES: dict[str, list[str]] = {
    AFP: [
        "The G7 met in Lucca on Tuesday.",
        "Strikes killed 80 people in Idlib.",
        "A dinner was held at Palazzo Orsetti.",
    ],
    RFE: [
        "G7 ministers met in Lucca on Tuesday.",
        "Strikes killed more than 70 people in Idlib.",
        "Mattis put the damage at 20 percent.",
    ],
    REUTERS: [
        "Ministers of the G7 met in Lucca.",
        "Strikes killed 87 people in Idlib.",
        "A dinner took place at Palazzo Orsetti.",
    ],
}
NUMBER = ReasonKind.NUMBER
LINKS = [
    # The meeting: all three agree.
    ((AFP, 0), (RFE, 0), Label.AGREE, 0.95, ()),
    ((AFP, 0), (REUTERS, 0), Label.AGREE, 0.90, ()),
    ((RFE, 0), (REUTERS, 0), Label.AGREE, 0.88, ()),
    # The death toll: three numbers, two conflicts and one partial.
    ((AFP, 1), (RFE, 1), Label.CONFLICT, 0.80, ((NUMBER, "80", "70", "AFP says 80; RFE 70."),)),
    ((AFP, 1), (REUTERS, 1), Label.PARTIAL, 0.70, ((NUMBER, "80", "87", "Toll 80 or 87."),)),
    ((RFE, 1), (REUTERS, 1), Label.CONFLICT, 0.75, ((NUMBER, "70", "87", "RFE 70; Reuters 87."),)),
    # The dinner: two sources only.
    ((AFP, 2), (REUTERS, 2), Label.AGREE, 0.85, ()),
    # A weak link across two clusters: clustering cannot take it (two AFP claims).
    ((AFP, 0), (REUTERS, 1), Label.PARTIAL, 0.30, ()),
]


def build(order: Sequence[str], sources: dict[str, list[str]] | None = None) -> Comparison:
    """The comparison of ``sources`` with the documents in ``order``; links from LINKS."""
    sources = sources or SOURCES
    documents, claims, ids = [], [], {}
    for position, source in enumerate(order):
        text = " ".join(sources[source])
        sha = hashlib.sha256(text.encode()).hexdigest()
        documents.append(Document(position, f"Report by {source}", source, text, sha))
        start = 0
        for index, sentence in enumerate(sources[source]):
            ids[source, index] = len(claims)
            claims.append(Claim(len(claims), position, start, start + len(sentence), sentence))
            start += len(sentence) + 1
    links = tuple(
        Link(ids[a], ids[b], label, score, tuple(Reason(*r) for r in reasons))
        for a, b, label, score, reasons in LINKS
        if a in ids and b in ids
    )
    return attach_clusters(Comparison(tuple(documents), tuple(claims), links))


def rows(view: Sequence[ClusterView]) -> list[tuple[str, int, dict[str, tuple[str, str]]]]:
    """Each matrix row as label, coverage and source -> (tag, claim text): no ids at all."""
    return [
        (
            cluster.label,
            cluster.coverage,
            {cell.source: (cell.tag, cell.claim.text) for cell in cluster.members},
        )
        for cluster in view
    ]


THREE = (AFP, RFE, REUTERS)


# --- the view ---------------------------------------------------------------------------


def test_matrix_rows_hold_each_sources_claim_with_its_label_inside_the_cluster() -> None:
    view = build_view(build(THREE)).clusters
    assert [c.coverage for c in view] == [3, 3, 2]  # widest coverage first
    by_label = {label: cells for label, _, cells in rows(view)}
    assert by_label["conflict"] == {
        AFP: ("C", "Strikes killed 80 people in Idlib."),
        RFE: ("C", "Strikes killed more than 70 people in Idlib."),
        REUTERS: ("C", "Strikes killed 87 people in Idlib."),
    }
    dinner = view[2]
    assert dinner.label == "agree"
    assert [cell and cell.source for cell in dinner.cells] == [AFP, None, REUTERS]
    assert dinner.absent == (RFE,)


def test_cluster_lists_its_conflicts_and_partials_with_link_numbers() -> None:
    report = build_view(build(THREE))
    toll = next(c for c in report.clusters if c.label == "conflict")
    assert [v.link.reasons[0].text for v in toll.conflicts] == [
        "AFP says 80; RFE 70.",
        "RFE 70; Reuters 87.",
    ]
    assert [v.link.reasons[0].text for v in toll.partials] == ["Toll 80 or 87."]
    numbers = {v.number for v in report.links if v.link.reasons}
    assert {v.number for v in (*toll.conflicts, *toll.partials)} == numbers
    outside = links_between_clusters(report)
    assert [(v.label, v.link.score) for v in outside] == [("partial", 0.30)]


def test_values_are_marked_only_for_differences_inside_the_cluster() -> None:
    report = build_view(build(THREE))
    toll = next(c for c in report.clusters if c.label == "conflict")
    marked = {cell.source: [p.text for p in cell.pieces if p.marked] for cell in toll.members}
    assert marked == {AFP: ["80"], RFE: ["70"], REUTERS: ["87"]}
    meeting = next(c for c in report.clusters if c.coverage == 3 and c.label == "agree")
    assert not any(p.marked for cell in meeting.members for p in cell.pieces)


@pytest.mark.parametrize(
    "order",
    [
        (RFE, REUTERS, AFP),  # rotated
        (REUTERS, RFE, AFP),  # reversed
        (AFP, REUTERS, RFE),  # two swapped
    ],
)
def test_same_rows_and_numbers_whatever_the_file_order(order: tuple[str, ...]) -> None:
    first, other = build_view(build(THREE)).clusters, build_view(build(order)).clusters
    assert rows(other) == rows(first)
    assert [c.number for c in other] == [c.number for c in first]
    # Only the columns follow the order the files were given in.
    assert [cell and cell.source for cell in other[-1].cells] == [
        s if s != RFE else None for s in order
    ]


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Short claim.", 40, "Short claim."),  # fits: unchanged
        ("one two three four five six", 16, "one two three\u2026"),  # cut at a word
        ("Supercalifragilistic words", 10, "Supercali\u2026"),  # no space in reach: hard cut
        ("Line\nbreaks   collapse", 40, "Line breaks collapse"),  # one line in a cell
        ("Ends with a comma, then more", 20, "Ends with a comma\u2026"),  # no dangling comma
    ],
)
def test_excerpt(text: str, limit: int, expected: str) -> None:
    assert excerpt(text, limit) == expected
    assert len(excerpt(text, limit)) <= limit


# --- HTML -------------------------------------------------------------------------------


def _section(html: str, start: str, end: str) -> str:
    return html[html.index(start) : html.index(end, html.index(start))]


def test_html_matrix_names_the_sources_and_shows_each_cell() -> None:
    html = render(build(THREE), "html")
    assert isinstance(html, str)
    matrix = _section(html, '<h2 id="matrix">Coverage matrix (3 clusters', "</table>")
    headers = re.findall(r"<th[^>]*>([^<]*)</th>", matrix)
    assert headers == ["#", "Sources", "1. AFP &lt;b&gt;wire&lt;/b&gt;", "2. RFE/RL", "3. Reuters"]
    body = matrix.split("</thead>")[1]
    assert [row.count("&mdash;") for row in body.split("</tr>")[:3]] == [0, 0, 1]
    assert re.search(r'class="conflict"><a href="#claim-4"><b>C</b></a> Strikes killed more', body)
    assert "<b>wire</b>" not in html  # the source name is text, never markup


def test_html_cluster_section_shows_consensus_conflicts_and_links_outside() -> None:
    html = render(build(THREE), "html")
    assert isinstance(html, str)
    section = _section(html, "<h2>Claim clusters (3)</h2>", "<h2>Documents")
    toll = section[section.index("CONFLICT</span>") :]
    toll = toll[: toll.index("linkhead", 10)]
    assert "stated by 3 of 3 sources" in toll
    for text in ("AFP says 80; RFE 70.", "RFE 70; Reuters 87.", "Toll 80 or 87."):
        assert f"<li>{text}</li>" in toll
    assert "<b>Conflicts</b>" in toll and "Details one source adds or leaves out" in toll
    assert "not stated by RFE/RL" in section
    assert "1 link joins claims of different clusters" in section


@pytest.mark.parametrize(
    ("sources", "check_marks", "header"),
    [
        (3, 0, "1. Outlet 0"),  # three columns: excerpts
        (4, 0, "1. Outlet 0"),  # four columns: still excerpts
        (5, 5, "1. Outlet 0"),  # five columns: a check mark per stated cell
        (9, 9, "1"),  # nine columns: numbered, with the names in the note above
    ],
)
def test_html_matrix_quotes_and_names_while_there_is_room(
    sources: int, check_marks: int, header: str
) -> None:
    names = [f"Outlet {n}" for n in range(sources)]
    texts = {name: [f"The G7 met in Lucca, says outlet {n}."] for n, name in enumerate(names)}
    comparison = build(names, texts)
    ids = range(len(comparison.claims))
    links = tuple(Link(a, a + 1, Label.AGREE, 0.9) for a in ids[:-1])
    comparison = attach_clusters(Comparison(comparison.documents, comparison.claims, links))
    html = render(comparison, "html")
    assert isinstance(html, str)
    head = _section(html, '<h2 id="matrix">', "</thead>")
    assert re.findall(r'title="Outlet 0">([^<]*)</th>', head) == [header]
    assert ("Columns are numbered as in Sources" in head) is (header == "1")
    matrix = _section(html, "</thead>", "</table>")
    assert matrix.count(CHECK) == check_marks
    quoted = matrix.count("</b></a> The G7 met in Lucca, says outlet")
    assert quoted == (0 if check_marks else sources)
    assert matrix.count('title="The G7 met in Lucca') == sources  # the full claim on hover


def test_html_with_two_sources_keeps_the_matrix_and_leaves_clusters_to_links() -> None:
    html = render(build((AFP, RFE)), "html")
    assert isinstance(html, str)
    assert '<h2 id="matrix">Coverage matrix (2 clusters' in html
    assert "each cluster is one link" in html
    assert "Claim clusters" not in html


# --- Markdown ---------------------------------------------------------------------------


def test_markdown_matrix_is_a_table_with_a_column_per_source() -> None:
    md = render(build(THREE), "markdown")
    assert isinstance(md, str)
    lines = md.splitlines()
    head = lines.index("| # | Sources | 1. AFP \\<b\\>wire\\</b\\> | 2. RFE/RL | 3. Reuters |")
    assert lines[head + 1] == "|---:|---:|---|---|---|"
    table = lines[head + 2 : head + 5]
    assert table[2].endswith(
        "| 2/3 | **A** A dinner was held at Palazzo Orsetti. | \u2014 "
        "| **A** A dinner took place at Palazzo Orsetti. |"
    )
    assert sum("**C** Strikes killed 87 people in Idlib." in row for row in table) == 1
    assert lines[head + 5] == ""


def test_markdown_clusters_give_consensus_conflicts_and_absent_sources() -> None:
    md = render(build(THREE), "markdown")
    assert isinstance(md, str)
    section = md[md.index("## Claim clusters (3)") : md.index("## Links")]
    assert "(stated by 2 of 3 sources; not stated by RFE/RL)" in section
    assert "- **RFE/RL** [C]: Strikes killed more than **70** people in Idlib." in section
    assert (
        "Conflicts:\n\n- Link 1: AFP \\<b\\>wire\\</b\\> (first) and RFE/RL (second)\n" in section
    )
    assert "  - RFE 70; Reuters 87." in section
    assert "Links outside any cluster (1): P" in section
    two = render(build((AFP, REUTERS)), "markdown")
    assert isinstance(two, str)
    assert "## Coverage matrix (3 clusters" in two and "## Claim clusters" not in two


# --- CSV --------------------------------------------------------------------------------


def _csv(comparison: Comparison) -> list[dict[str, str]]:
    content = render(comparison, "csv")
    assert isinstance(content, str)
    return list(csv.DictReader(io.StringIO(content)))


def test_csv_has_a_row_per_matrix_cell_after_the_old_rows() -> None:
    comparison = build(THREE)
    table = _csv(comparison)
    assert COLUMNS[16:19] == ("cluster", "claim", "coverage")
    assert [r["row"] for r in table] == ["link"] * 8 + ["unique"] + ["cluster"] * 9
    cells = [r for r in table if r["row"] == "cluster"]
    dinner = cells[6:]
    assert [(r["a_source"], r["a_text"], r["claim"]) for r in dinner] == [
        (AFP, "A dinner was held at Palazzo Orsetti.", "2"),
        (RFE, "", ""),  # RFE/RL does not state it
        (REUTERS, "A dinner took place at Palazzo Orsetti.", "8"),
    ]
    assert {r["label"] for r in dinner} == {"agree"} and {r["coverage"] for r in dinner} == {"2"}
    for r in cells:
        if r["claim"]:
            text = comparison.documents[int(r["a_document"])].text
            assert text[int(r["a_start"]) : int(r["a_end"])] == r["a_text"]


def test_csv_link_rows_name_their_cluster_and_keep_the_old_columns() -> None:
    comparison = build(THREE)
    table = _csv(comparison)
    toll = next(c for c in comparison.clusters if c.label is Label.CONFLICT)
    links = [r for r in table if r["row"] == "link"]
    in_toll = [r for r in links if r["cluster"] == str(toll.id)]
    assert sorted(r["label"] for r in in_toll) == ["conflict", "conflict", "partial"]
    outside = [r for r in links if r["cluster"] == ""]
    assert [(r["score"], r["a_text"]) for r in outside] == [
        ("0.300", "The G7 met in Lucca on Tuesday.")
    ]
    assert all(r["claim"] == r["coverage"] == "" for r in links)


# --- text -------------------------------------------------------------------------------


def test_text_matrix_has_one_narrow_column_per_source() -> None:
    comparison = build(THREE)
    text = render(comparison, "text")
    assert isinstance(text, str)
    lines = text.splitlines()
    head = lines.index("  cluster  sources  0 1 2")
    numbers = [c.number for c in build_view(comparison).clusters]
    body = [line.split() for line in lines[head + 1 : head + 4]]
    assert [row[0] for row in body] == [str(n) for n in numbers]
    assert sorted(row[1:] for row in body) == [
        ["2/3", "A", ".", "A"],
        ["3/3", "A", "A", "A"],
        ["3/3", "C", "C", "C"],
    ]


def test_text_lists_each_cluster_with_its_reasons() -> None:
    text = render(build(THREE), "text")
    assert isinstance(text, str)
    block = text[text.index("CONFLICT  3/3 sources") :]
    block = block[: block.index("\n\n")]
    assert "  [1] C Strikes killed more than 70 people in Idlib." in block
    assert "  conflict [0] and [1] (first and second source):\n    - AFP says 80; RFE 70." in block
    assert "  partial [0] and [2] (first and second source):\n    - Toll 80 or 87." in block
    assert "Links outside any cluster: 1 (they join two clusters" in text


def test_text_with_two_sources_shows_the_links_only() -> None:
    text = render(build((AFP, RFE)), "text")
    assert isinstance(text, str)
    assert "Coverage matrix" not in text and "Cluster " not in text
    assert "Strikes killed more than 70 people in Idlib." in text
