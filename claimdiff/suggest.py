"""Counterparts an analyst may re-link a claim to, ranked by the matcher's own score.

A claim left "only in" its source, or linked to the wrong statement, most often has
its counterpart among the statements the matcher scored just below the line: a
wording too different to pass the threshold, or a counterpart whose links were
taken by closer matches. Ranking the other sources' claims by that score puts
it near the top of the list the analyst picks from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimdiff.settings import Settings

if TYPE_CHECKING:
    from claimdiff.model import Comparison


@dataclass(frozen=True)
class Suggestion:
    """A claim of another source and how likely the matcher thinks it is a counterpart."""

    claim: int
    """The claim's id in the comparison."""
    score: float
    """The matcher's link probability on wording alone, 0 to 1."""


def suggestions(
    comparison: Comparison,
    claim_id: int,
    *,
    settings: Settings | None = None,
    limit: int | None = None,
) -> list[Suggestion]:
    """The other sources' claims as counterparts of one claim, the likeliest first.

    Each source is scored against the claim's own as the comparison scored it (the
    earlier document on the left), so the figures are the ones the links were chosen
    by. Claims the candidate blocking sets aside as unrelated are left out.
    """
    from claimdiff.align import score  # the matcher's imports (spaCy-free, but 80 ms)

    settings = settings or Settings()
    claim = comparison.claim(claim_id)
    by_document: dict[int, list[int]] = {}
    for other in comparison.claims:
        by_document.setdefault(other.document, []).append(other.id)
    own = by_document.get(claim.document, [])
    found: list[Suggestion] = []
    for document, ids in sorted(by_document.items()):
        if document == claim.document:
            continue
        first = claim.document < document
        left, right = (own, ids) if first else (ids, own)
        scored = score(
            [comparison.claim(i) for i in left], [comparison.claim(i) for i in right], settings
        )
        for (i, j), probability in zip(scored.pairs, scored.probability, strict=True):
            mine, theirs = (left[i], right[j]) if first else (right[j], left[i])
            if mine == claim_id:
                found.append(Suggestion(theirs, round(float(probability), 4)))
    found.sort(key=lambda suggestion: (-suggestion.score, suggestion.claim))
    return found[:limit] if limit is not None else found
