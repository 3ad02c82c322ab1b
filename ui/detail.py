"""The detail panel: both statements of the selected link, its reasons in words, its score."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser

from claimdiff.model import Claim, Comparison, Curation, Link
from ui import highlight
from ui import theme as themes

RELINK_SCHEME = "relink"
"""Links in the panel that re-link the selected claim: ``relink:<claim id>``."""

_STATUS = {
    "auto": "found automatically",
    "confirmed": "confirmed by an analyst",
    "manual": "linked by an analyst",
}


def marked_text(claim: Claim, spans: list[highlight.TokenSpan], theme: themes.Theme) -> str:
    """The claim as HTML, its differing words on their reason colour."""
    parts, cursor = [], 0
    for span in spans:
        start, end = span.start - claim.start, span.end - claim.start
        if start < cursor:
            continue
        color = theme.reason.get(span.reason, theme.reason[next(iter(theme.reason))])
        parts.append(escape(claim.text[cursor:start]))
        parts.append(
            f'<span style="background:{color}; font-weight:600" '
            f'title="{escape(span.reason.value)}">{escape(claim.text[start:end])}</span>'
        )
        cursor = end
    parts.append(escape(claim.text[cursor:]))
    return "".join(parts)


def _read_as_html(claim: Claim, theme: themes.Theme) -> str:
    """What the extractor read in the claim, small and muted under its text."""
    from claimdiff.reading import read_as

    text = read_as(claim)
    return f'<br><small style="color:{theme.muted}">Read as: {escape(text)}</small>' if text else ""


def detail_html(
    comparison: Comparison,
    claims: tuple[int, ...],
    link: Link | None,
    theme: themes.Theme,
    history: Sequence[Curation] = (),
) -> str:
    """The HTML shown for a selected table row."""
    if link is None:
        claim = comparison.claim(claims[0])
        source = comparison.documents[claim.document].source
        return (
            _chip(highlight.UNIQUE, theme)
            + f"<p><b>{escape(source)}</b><br>{escape(claim.text)}"
            + f"{_read_as_html(claim, theme)}</p>"
            + "<p><i>No other source reports this statement.</i> Re-link it (Ctrl+L) "
            "if another source says the same in other words.</p>"
            + _closest_html(comparison, claim.id)
        )
    spans = highlight.link_spans(comparison, link)
    rows = []
    for claim_id in (link.a, link.b):
        claim = comparison.claim(claim_id)
        source = comparison.documents[claim.document].source
        text = marked_text(claim, spans[claim_id], theme)
        rows.append(f"<p><b>{escape(source)}</b><br>{text}{_read_as_html(claim, theme)}</p>")
    rows.extend(_cluster_rows(comparison, claims, link))
    reasons = (
        "".join(
            f"<li><b>{escape(reason.kind.value)}</b>: {escape(reason.text)}</li>"
            for reason in link.reasons
        )
        or "<li>No differences found in names, numbers, dates or speakers.</li>"
    )
    notes = "".join(f"<li>{escape(note)}</li>" for note in link.notes)
    status = _STATUS.get(link.status.value, link.status.value)
    if link.label_overridden:
        status += "; label set by an analyst"
    return (
        _chip(link.label.value, theme)
        + f" &nbsp; score <b>{link.score:.2f}</b> &nbsp; <span>{escape(status)}</span>"
        + "".join(rows)
        + f"<p><b>Reasons</b></p><ul>{reasons}</ul>"
        + (f"<p><b>Notes</b></p><ul>{notes}</ul>" if notes else "")
        + history_html(comparison, link, history)
    )


def _closest_html(comparison: Comparison, claim_id: int) -> str:
    """The closest statement of each other source, with the matcher's score: where a
    missed counterpart most often is."""
    from claimdiff import api  # SQLAlchemy and the matcher: not before the window shows

    best: dict[int, tuple[float, Claim]] = {}
    for found in api.suggest_counterparts(comparison, claim_id):
        other = comparison.claim(found.claim)
        best.setdefault(other.document, (found.score, other))
    rows = [
        f"<p><b>Closest in {escape(comparison.documents[document].source)}</b>"
        f" (scored {score:.0%}{_FAINT if score < FAINT_SCORE else ''}) &nbsp; "
        f'<a href="{RELINK_SCHEME}:{other.id}">Link to it</a>'
        f"<br>{escape(other.text)}</p>"
        for document, (score, other) in sorted(best.items())
    ]
    return "".join(rows)


FAINT_SCORE = 0.1
"""Below this score the closest statement shares little with the claim, and says so. It is
still shown: most counterparts the matcher misses on the dev pairs score lower (23 of 32,
in-sample)."""
_FAINT = ": little in common"


def _cluster_rows(comparison: Comparison, claims: tuple[int, ...], link: Link) -> list[str]:
    """The same claim in the cluster's other sources, when a matrix cell was opened."""
    others = [c for c in claims if c not in (link.a, link.b)]
    if not others:
        return []
    rows = ["<p><b>Also stated in</b></p>"]
    for claim_id in others:
        claim = comparison.claim(claim_id)
        source = comparison.documents[claim.document].source
        rows.append(f"<p><b>{escape(source)}</b><br>{escape(claim.text)}</p>")
    return rows


def history_html(comparison: Comparison, link: Link, history: Sequence[Curation]) -> str:
    """Who did what to this link, and when (curations are matched by their anchors)."""
    keys = {_anchor_key(comparison, link.a), _anchor_key(comparison, link.b)}
    items = []
    for curation in history:
        touched = {(curation.a.sha256, curation.a.text)}
        if curation.b is not None:
            touched.add((curation.b.sha256, curation.b.text))
        if touched != keys:
            continue
        when = curation.created.strftime("%Y-%m-%d %H:%M") if curation.created else ""
        what = curation.action.value + (f" “{curation.value}”" if curation.value else "")
        items.append(f"<li>{escape(what)} by {escape(curation.author or 'unknown')} {when}</li>")
    return f"<p><b>History</b></p><ul>{''.join(items)}</ul>" if items else ""


def _anchor_key(comparison: Comparison, claim_id: int) -> tuple[str, str]:
    claim = comparison.claim(claim_id)
    return (comparison.documents[claim.document].sha256, claim.text)


def _chip(kind: str, theme: themes.Theme) -> str:
    name = themes.KIND_NAMES.get(kind, kind)
    return (
        f'<span style="background:{theme.label[kind]}; color:#FFFFFF; font-weight:600">'
        f"&nbsp;{escape(name)}&nbsp;</span>"
    )


class DetailPanel(QTextBrowser):
    """Read-only; the curation buttons sit in the toolbar and the Curate menu. A claim only
    in its source offers its closest statements, each with a "Link to it"."""

    relink_requested = Signal(int)
    """The claim id of a closest statement whose "Link to it" was clicked."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("detail")
        self.setAccessibleName("Details of the selected link")
        self.setOpenLinks(False)
        self.anchorClicked.connect(self.on_anchor_clicked)
        self.theme = themes.LIGHT
        self.show_nothing()

    def on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == RELINK_SCHEME and url.path().isdigit():
            self.relink_requested.emit(int(url.path()))

    def show_nothing(self) -> None:
        self.setHtml(
            "<p><i>Select a row in the table or click a highlighted claim to see both "
            "statements, the reasons and the score here.</i></p>"
        )

    def show_row(
        self,
        comparison: Comparison,
        claims: tuple[int, ...],
        link: Link | None,
        history: Sequence[Curation] = (),
    ) -> None:
        self.setHtml(detail_html(comparison, claims, link, self.theme, history))
