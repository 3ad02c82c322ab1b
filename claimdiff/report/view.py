"""The report's content, once, as plain values: every format renders this view."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from claimdiff import sourcing as cited
from claimdiff import timeline as dated
from claimdiff.model import Claim, Comparison, Document, Label, Link

if TYPE_CHECKING:
    from claimdiff.report.clusters import ClusterView

LABEL_ORDER = ("conflict", "partial", "agree")
"""Strongest first: a claim with several links is shown with its strongest label."""

LEGEND = (
    ("agree", "Agree", "the same claim with consistent details"),
    ("partial", "Partial", "the same claim; one side adds or leaves out a detail"),
    ("conflict", "Conflict", "the same claim with a contradicting detail"),
    ("unique", "Unique", "reported by one source only"),
    ("value", "Differing value", "the number, date, name or quote that differs"),
)

_LIST_SPLIT = re.compile(r",\s+|\s+and\s+|;\s+")


@dataclass(frozen=True)
class Piece:
    """A run of claim text; ``marked`` when it is a value that differs across a link."""

    text: str
    marked: bool = False


@dataclass(frozen=True)
class Segment:
    """A run of document text: a claim (with its label) or the text between claims."""

    text: str
    claim: int | None = None
    label: str | None = None
    pieces: tuple[Piece, ...] = ()


@dataclass(frozen=True)
class DocumentView:
    """One source column: metadata, the text cut into segments, and its unique claims."""

    document: Document
    segments: tuple[Segment, ...]
    unique: tuple[Claim, ...]
    claim_count: int

    @property
    def published(self) -> str:
        return self.document.published.isoformat() if self.document.published else "no date"


@dataclass(frozen=True)
class SideView:
    """One end of a link: the claim, its source, and its text with differing values marked."""

    claim: Claim
    source: str
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class LinkView:
    """A link with both claims side by side."""

    number: int
    link: Link
    a: SideView
    b: SideView

    @property
    def label(self) -> str:
        return self.link.label.value


@dataclass(frozen=True)
class ReportView:
    """Everything any report format shows, in display order."""

    title: str
    generated: str
    counts: dict[str, int]
    documents: tuple[DocumentView, ...]
    links: tuple[LinkView, ...]
    warnings: tuple[str, ...]
    settings: dict[str, float]
    tags: dict[int, str]
    comparison: Comparison
    clusters: tuple[ClusterView, ...] = ()

    @cached_property
    def sourcing(self) -> cited.Sourcing:
        """Who each source cites (``claimdiff.sourcing``), made when a format shows it."""
        return cited.sourcing(self.comparison)

    @cached_property
    def dates(self) -> tuple[dated.Dated, ...]:
        """What each source dates when, earliest first (``claimdiff.timeline``)."""
        return dated.timeline(self.comparison)

    @property
    def many_sources(self) -> bool:
        """Three or more sources: clusters say more than the list of pairwise links."""
        return len(self.documents) > 2


def build_view(comparison: Comparison, *, now: dt.datetime | None = None) -> ReportView:
    """Collect the report's content from a comparison."""
    # clusters builds on this module's link views, so it is imported here, not at the top.
    from claimdiff.report.clusters import build_cluster_views

    when = now or dt.datetime.now(dt.UTC)
    values = differing_values(comparison)
    labels = claim_labels(comparison)
    documents = tuple(
        _document_view(comparison, document, labels, values) for document in comparison.documents
    )
    links = tuple(
        LinkView(
            number=index + 1,
            link=link,
            a=_side(comparison, link.a, values),
            b=_side(comparison, link.b, values),
        )
        for index, link in enumerate(_ordered(comparison.links))
    )
    return ReportView(
        title=report_title(comparison),
        generated=when.strftime("%Y-%m-%d %H:%M UTC"),
        counts=comparison.counts(),
        documents=documents,
        links=links,
        warnings=comparison.warnings,
        settings=dict(comparison.settings),
        tags=claim_tags(comparison, links),
        comparison=comparison,
        clusters=build_cluster_views(comparison, links),
    )


def report_title(comparison: Comparison) -> str:
    """``ClaimDiff comparison 3: AFP vs RFE/RL``."""
    number = f" {comparison.id}" if comparison.id is not None else ""
    sources = " vs ".join(document.source for document in comparison.documents)
    return f"ClaimDiff comparison{number}: {comparison.name or sources}"


def claim_tags(comparison: Comparison, links: Iterable[LinkView]) -> dict[int, str]:
    """A short text cue per claim, so labels never rest on colour alone: ``C3 A7`` or ``U``."""
    tags: dict[int, list[str]] = {claim.id: [] for claim in comparison.claims}
    for view in links:
        cue = f"{view.label[0].upper()}{view.number}"
        tags.setdefault(view.link.a, []).append(cue)
        tags.setdefault(view.link.b, []).append(cue)
    return {claim_id: " ".join(cues) or "U" for claim_id, cues in tags.items()}


def claim_labels(comparison: Comparison) -> dict[int, str]:
    """Each claim's strongest link label, or ``unique`` for claims with no link."""
    labels = {claim.id: "unique" for claim in comparison.claims}
    for link in comparison.links:
        for claim_id in (link.a, link.b):
            current = labels.get(claim_id, "unique")
            if current == "unique" or _rank(link.label) < LABEL_ORDER.index(current):
                labels[claim_id] = link.label.value
    return labels


def differing_values(comparison: Comparison) -> dict[int, set[str]]:
    """Per claim, the values that a reason names as differing on its side."""
    values: dict[int, set[str]] = {}
    for link in comparison.links:
        for reason in link.reasons:
            for claim_id, value in ((link.a, reason.a), (link.b, reason.b)):
                values.setdefault(claim_id, set()).update(_items(value))
    return values


def mark_values(text: str, values: Iterable[str], claim: Claim | None = None) -> tuple[Piece, ...]:
    """Cut text into pieces, marking every occurrence of the given values.

    A value written in canonical form ("United States") also marks the claim's
    entity written another way ("US").
    """
    needles = set(values)
    if claim is not None:
        needles |= {e.text for e in claim.entities if e.canonical in needles}
    spans = sorted(_find_all(text, needles))
    pieces: list[Piece] = []
    cursor = 0
    for start, end in spans:
        if start < cursor:
            continue
        if start > cursor:
            pieces.append(Piece(text[cursor:start]))
        pieces.append(Piece(text[start:end], marked=True))
        cursor = end
    if cursor < len(text) or not pieces:
        pieces.append(Piece(text[cursor:]))
    return tuple(pieces)


def _find_all(text: str, needles: Iterable[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for needle in sorted(needles, key=len, reverse=True):
        if not needle.strip() or (len(needle.strip()) < 2 and not needle.strip().isdigit()):
            continue
        pattern = re.compile(rf"(?<![\w-]){re.escape(needle.strip())}(?![\w-])", re.IGNORECASE)
        spans.extend((m.start(), m.end()) for m in pattern.finditer(text))
    return spans


def _items(value: str) -> set[str]:
    """``"Iran and North Korea"`` -> {"Iran", "North Korea", "Iran and North Korea"}."""
    value = value.strip().strip("\"'\u201c\u201d")
    if not value:
        return set()
    return {value, *(part.strip() for part in _LIST_SPLIT.split(value) if part.strip())}


def _document_view(
    comparison: Comparison,
    document: Document,
    labels: dict[int, str],
    values: dict[int, set[str]],
) -> DocumentView:
    own = sorted((c for c in comparison.claims if c.document == document.id), key=lambda c: c.start)
    segments: list[Segment] = []
    cursor = 0
    for claim in own:
        if claim.start < cursor or claim.end > len(document.text):
            continue  # overlapping or stale offsets: keep the text whole rather than repeat it
        if claim.start > cursor:
            segments.append(Segment(document.text[cursor : claim.start]))
        text = document.text[claim.start : claim.end]
        pieces = mark_values(text, values.get(claim.id, ()), claim)
        segments.append(Segment(text, claim.id, labels.get(claim.id, "unique"), pieces))
        cursor = claim.end
    if cursor < len(document.text):
        segments.append(Segment(document.text[cursor:]))
    unique = set(comparison.unique)
    return DocumentView(
        document=document,
        segments=tuple(segments),
        unique=tuple(claim for claim in own if claim.id in unique),
        claim_count=len(own),
    )


def _side(comparison: Comparison, claim_id: int, values: dict[int, set[str]]) -> SideView:
    claim = comparison.claim(claim_id)
    source = comparison.documents[claim.document].source
    return SideView(claim, source, mark_values(claim.text, values.get(claim_id, ()), claim))


def _ordered(links: Iterable[Link]) -> list[Link]:
    """Conflicts first, then partial, then agree; within a label, in text order."""
    return sorted(links, key=lambda link: (_rank(link.label), link.a, link.b))


def _rank(label: Label) -> int:
    return LABEL_ORDER.index(label.value)
