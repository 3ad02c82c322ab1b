"""A Markdown report that reads well as-is in a Git forge."""

from __future__ import annotations

import re
from collections.abc import Callable

from claimdiff.model import Comparison
from claimdiff.report.clusters import CHECK, CellView, ClusterView, links_between_clusters
from claimdiff.report.view import LEGEND, LinkView, Piece, ReportView, build_view
from claimdiff.sourcing import cell_text, document_summary
from claimdiff.timeline import cell_text as date_cell

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)([-+=#>]|\d+[.)])", re.MULTILINE)


def escape(text: str, *, collapse: bool = True) -> str:
    """Escape Markdown (and raw HTML) so source text always shows as plain text."""
    text = _SPECIAL.sub(r"\\\1", _ENTITY.sub("&amp;", text))
    text = _LINE_START.sub(_escape_marker, text)
    return " ".join(text.split()) if collapse else text


def _escape_marker(match: re.Match[str]) -> str:
    marker = match[2]
    if marker[0].isdigit():  # "1." starts a list; "1\." does not
        return match[1] + marker[:-1] + "\\" + marker[-1]
    return match[1] + "\\" + marker


def _marked(pieces: tuple[Piece, ...]) -> str:
    parts = (
        f"**{escape(p.text)}**" if p.marked else escape(p.text, collapse=False) for p in pieces
    )
    return " ".join("".join(parts).split())


def _summary(view: ReportView) -> list[str]:
    c = view.counts
    lines = [
        f"# {escape(view.title)}",
        "",
        f"Generated {view.generated} by ClaimDiff.",
        "",
        "| Links | Agree | Partial | Conflict | Unique claims | Claims | Documents |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        f"| {c['links']} | {c['agree']} | {c['partial']} | {c['conflict']} | {c['unique']} "
        f"| {c['claims']} | {c['documents']} |",
    ]
    lines += [""] + [f"> **Notice:** {escape(w)}" for w in view.warnings] if view.warnings else []
    return lines


def _sources(view: ReportView) -> list[str]:
    lines = [
        "## Sources",
        "",
        "| # | Source | Title | Published | Format | Claims | SHA-256 of text |",
        "|---:|---|---|---|---|---:|---|",
    ]
    for d in view.documents:
        doc = d.document
        lines.append(
            f"| {doc.id + 1} | {escape(doc.source)} | {escape(doc.title)} | {d.published} "
            f"| {doc.fmt} | {d.claim_count} | `{doc.sha256}` |"
        )
    return lines


def _cited(view: ReportView) -> list[str]:
    cited = view.sourcing
    lines = [f"## Who each source cites ({len(cited.speakers)} speakers)", ""]
    names = [d.document.source for d in view.documents]
    lines += [
        "; ".join(
            escape(document_summary(n, d)) for n, d in zip(names, cited.documents, strict=True)
        )
        + ".",
    ]
    if not cited.speakers:
        return [*lines, "", "No claim is attributed to anyone."]
    lines += [
        "",
        "Claims each source attributes to each speaker, and how many of them quote the "
        "speaker's words; — means the source does not cite them. Speakers cited by the most "
        "sources come first.",
        "",
    ]
    counts = [
        (escape(s.name), [cell_text(s, k) for k in range(len(names))]) for s in cited.speakers
    ]
    return lines + _counts_table("Speaker", names, counts)


def _counts_table(heading: str, names: list[str], rows: list[tuple[str, list[str]]]) -> list[str]:
    """A table of rows by source, counts right-aligned: who is cited, what is dated when."""
    lines = [
        f"| {heading} | " + " | ".join(f"{k + 1}. {escape(n)}" for k, n in enumerate(names)) + " |",
        "|---|" + "---:|" * len(names),
    ]
    return lines + [f"| {label} | {' | '.join(cells)} |" for label, cells in rows]


def _dates(view: ReportView) -> list[str]:
    lines = [f"## What each source dates when ({len(view.dates)} dates)", ""]
    if not view.dates:
        return [*lines, "No claim names a date."]
    names = [d.document.source for d in view.documents]
    lines += [
        "Each day, week, month or year the claims name, earliest first, with the claims of "
        "each source that name it; dates are resolved against each report's dateline, so "
        '"Tuesday" and "April 11" meet. "When said" counts claims that date only when '
        "something was said.",
        "",
    ]
    counts = [(row.label, [date_cell(row, k) for k in range(len(names))]) for row in view.dates]
    return lines + _counts_table("Date", names, counts)


def _legend(view: ReportView) -> list[str]:
    items = [f"**{name}**: {meaning}" for key, name, meaning in LEGEND if key != "value"]
    return [
        "## Legend",
        "",
        "; ".join(items) + ". **Bold** text in a claim is a value that differs across the link.",
    ]


def _cell(cell: CellView | None) -> str:
    if cell is None:
        return "—"
    return f"**{cell.tag}** {escape(cell.excerpt) if cell.excerpt else CHECK}"


def _matrix(view: ReportView) -> list[str]:
    total = len(view.documents)
    lines = [f"## Coverage matrix ({len(view.clusters)} clusters \u00d7 {total} sources)", ""]
    if not view.clusters:
        return [*lines, "No statement is shared by two or more sources."]
    lines += [
        "One row per claim cluster, one column per source; rows stated by the most sources "
        "come first. A cell gives the claim's label inside its cluster (**A** agree, "
        "**P** partial, **C** conflict); — means the source does not state it.",
        "",
        "| # | Sources | "
        + " | ".join(f"{d.document.id + 1}. {escape(d.document.source)}" for d in view.documents)
        + " |",
        "|---:|---:|" + "---|" * total,
    ]
    for cluster in view.clusters:
        cells = " | ".join(_cell(cell) for cell in cluster.cells)
        lines.append(f"| {cluster.number} | {cluster.coverage}/{total} | {cells} |")
    return lines


def _cluster(cluster: ClusterView, total: int) -> list[str]:
    absent = f"; not stated by {escape(', '.join(cluster.absent))}" if cluster.absent else ""
    lines = [
        f"### Cluster {cluster.number}. {cluster.label.upper()} "
        f"(stated by {cluster.coverage} of {total} sources{absent})",
        "",
        *(
            f"- **{escape(cell.source)}** [{cell.tag}]: {_marked(cell.pieces)}"
            for cell in cluster.members
        ),
        "",
    ]
    groups = (
        ("Conflicts", cluster.conflicts),
        ("Details one source adds or leaves out", cluster.partials),
    )
    for title, links in groups:
        if not links:
            continue
        lines += [f"{title}:", ""]
        for link in links:
            lines.append(
                f"- Link {link.number}: {escape(link.a.source)} (first) "
                f"and {escape(link.b.source)} (second)"
            )
            lines += [f"  - {escape(reason.text)}" for reason in link.link.reasons]
        lines.append("")
    if not cluster.conflicts and not cluster.partials:
        lines += ["Every source agrees; no differing detail found.", ""]
    return lines


def _clusters(view: ReportView) -> list[str]:
    if not view.many_sources:
        return []  # with two sources each cluster is one link, listed under Links
    lines = [f"## Claim clusters ({len(view.clusters)})", ""]
    if not view.clusters:
        return [*lines, "No statement is shared by two or more sources, so there are no clusters."]
    for cluster in view.clusters:
        lines += _cluster(cluster, len(view.documents))
    return lines + _outside(view)


def _outside(view: ReportView) -> list[str]:
    outside = links_between_clusters(view)
    if not outside:
        return []
    cues = ", ".join(f"{v.label[0].upper()}{v.number}" for v in outside)
    return [
        f"Links outside any cluster ({len(outside)}): {cues}. They join claims of different "
        "clusters, or a claim a cluster could not take because it already holds one from "
        "that source; see Links."
    ]


def _link(link: LinkView) -> list[str]:
    status = "" if link.link.status.value == "auto" else f", {link.link.status.value} by analyst"
    lines = [
        f"### {link.number}. {link.label.upper()} (score {link.link.score:.2f}{status})",
        "",
        f"- **{escape(link.a.source)}**: {_marked(link.a.pieces)}",
        f"- **{escape(link.b.source)}**: {_marked(link.b.pieces)}",
        "",
    ]
    reasons = [f"- {escape(r.text)}" for r in link.link.reasons]
    lines += ["Why:", "", *reasons] if reasons else ["Same claim; no differing detail found."]
    lines += [f"\n_Note: {escape(note)}_" for note in link.link.notes]
    return [*lines, ""]


def _links(view: ReportView) -> list[str]:
    lines = [f"## Links ({len(view.links)})", ""]
    if not view.links:
        return [*lines, "No statements were linked across the sources."]
    for link in view.links:
        lines += _link(link)
    return lines


def _unique(view: ReportView) -> list[str]:
    lines = [f"## Claims unique to one source ({view.counts['unique']})"]
    for d in view.documents:
        lines += ["", f"### Only in {escape(d.document.source)} ({len(d.unique)})", ""]
        lines += [f"- {escape(c.text)}" for c in d.unique] or [
            "Every claim of this source is linked."
        ]
    return lines


SECTIONS: tuple[Callable[[ReportView], list[str]], ...] = (
    _summary,
    _sources,
    _legend,
    _matrix,
    _cited,
    _dates,
    _clusters,
    _links,
    _unique,
)
"""The report's sections in order; a new section is one function added here."""


def render_markdown(comparison: Comparison) -> str:
    """Render the Markdown report."""
    view = build_view(comparison)
    blocks = ["\n".join(section(view)).rstrip() for section in SECTIONS]
    return "\n\n".join(block for block in blocks if block) + "\n"
