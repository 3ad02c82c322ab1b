"""Where to paint: claim spans by label and the differing words inside linked claims.

Pure functions over plain values, so they are tested without Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimdiff.model import Claim, Comparison, Link, ReasonKind

UNIQUE = "unique"

_RANK = {"conflict": 3, "partial": 2, "agree": 1}
_KIND_OF_RANK = {rank: kind for kind, rank in _RANK.items()}


@dataclass(frozen=True)
class Span:
    """A stretch of one document's text: ``start``/``end`` are character offsets."""

    start: int
    end: int
    kind: str
    claim: int


@dataclass(frozen=True)
class TokenSpan:
    """Differing words inside a claim, tagged with the reason kind that flags them."""

    start: int
    end: int
    reason: ReasonKind


def claim_kinds(comparison: Comparison) -> dict[int, str]:
    """The label every claim is painted with: its most severe link, or "unique".

    One pass over the links, so that painting stays fast for thousands of claims.
    """
    ranks: dict[int, int] = {}
    for link in comparison.links:
        rank = _RANK.get(link.label, 0)  # a StrEnum member is its value as a key
        for claim_id in (link.a, link.b):
            if rank > ranks.get(claim_id, 0):
                ranks[claim_id] = rank
    kinds = dict.fromkeys((claim.id for claim in comparison.claims), UNIQUE)
    kinds.update((claim_id, _KIND_OF_RANK[rank]) for claim_id, rank in ranks.items())
    return kinds


def claim_spans(
    comparison: Comparison, document: int, kinds: dict[int, str] | None = None
) -> list[Span]:
    """The highlighted stretch of every claim of one document, in text order."""
    kinds = kinds if kinds is not None else claim_kinds(comparison)
    return [
        Span(claim.start, claim.end, kinds.get(claim.id, UNIQUE), claim.id)
        for claim in comparison.claims
        if claim.document == document
    ]


def claim_at(comparison: Comparison, document: int, position: int) -> int | None:
    """The id of the claim of ``document`` covering a character position."""
    for claim in comparison.claims:
        if claim.document == document and claim.start <= position < claim.end:
            return claim.id
    return None


def find_values(text: str, value: str) -> list[tuple[int, int]]:
    """Offsets of a reason value inside a claim's text.

    A reason may list several values ("Assad, Sunday, US"); each is looked for
    on its own, case-insensitively and on word boundaries, so "US" never lights
    up inside "discuss".
    """
    value = value.strip()
    if not value:
        return []
    whole = _search(text, value)
    if whole:
        return whole
    found: list[tuple[int, int]] = []
    for part in re.split(r",\s*|;\s*|\s+and\s+", value):
        found.extend(_search(text, part.strip()))
    return sorted(set(found))


_BETWEEN_WORDS = r"[\"'\u201c\u201d\u2018\u2019]?\s+[\"'\u201c\u201d\u2018\u2019]?"
"""What may stand between two words of a value in the text: a line break, a quotation
mark ('appeared "insufficiently" equipped' holds "insufficiently equipped")."""


def _search(text: str, needle: str) -> list[tuple[int, int]]:
    if not needle:
        return []
    words = _BETWEEN_WORDS.join(re.escape(word) for word in needle.split())
    pattern = r"(?<!\w)" + words + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text, flags=re.IGNORECASE)]


def token_spans(link: Link, claim: Claim, side: str) -> list[TokenSpan]:
    """Differing words of one side ("a" or "b") of a link, in document offsets."""
    spans: list[TokenSpan] = []
    for reason in link.reasons:
        value = reason.a if side == "a" else reason.b
        for start, end in find_values(claim.text, value):
            spans.append(TokenSpan(claim.start + start, claim.start + end, reason.kind))
    return sorted(spans, key=lambda span: (span.start, span.end))


def link_spans(comparison: Comparison, link: Link) -> dict[int, list[TokenSpan]]:
    """Differing words of both claims of a link, keyed by claim id."""
    return {
        link.a: token_spans(link, comparison.claim(link.a), "a"),
        link.b: token_spans(link, comparison.claim(link.b), "b"),
    }


def counterparts(comparison: Comparison, claim_id: int) -> list[int]:
    """Claims linked to this one, best score first."""
    links = sorted(comparison.links_of(claim_id), key=lambda link: -link.score)
    return [link.b if link.a == claim_id else link.a for link in links]
