"""Counterparts an analyst may re-link a claim to, ranked by the matcher's own score.

A claim left "only in" its source, or linked to the wrong statement, most often has
its counterpart among the statements the matcher scored just below the line: a
wording too different to pass the threshold, or a counterpart whose links were
taken by closer matches. Ranking the other sources' claims by that score puts
it near the top of the list the analyst picks from.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from claimdiff.settings import Settings

if TYPE_CHECKING:
    from claimdiff.model import Claim, Comparison


@dataclass(frozen=True)
class Suggestion:
    """A claim of another source and how likely the matcher thinks it is a counterpart."""

    claim: int
    """The claim's id in the comparison."""
    score: float
    """The matcher's link probability on wording alone, 0 to 1."""


FULL_PAIRS = 40_000
"""Above this many pairs (200 x 200 claims) a claim is scored alone against the other
source, on its words only, in milliseconds, not with every pair of both (3 s for
1,000 x 1,000). Its figures then lack the context of the other pairs and of the
sentence embeddings, and can differ from its links'."""


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
    settings = settings or Settings()
    claim = comparison.claim(claim_id)
    by_document: dict[int, list[Claim]] = {}
    for other in comparison.claims:
        by_document.setdefault(other.document, []).append(other)
    own = by_document.get(claim.document, [])
    if len(own) * max((len(c) for c in by_document.values()), default=0) > FULL_PAIRS:
        # embedding a thousand claims would take a second of each first click
        own, settings = [claim], replace(settings, use_embeddings=False)
    found: list[Suggestion] = []
    for document, claims in sorted(by_document.items()):
        if document == claim.document:
            continue
        first = claim.document < document
        left, right = (own, claims) if first else (claims, own)
        for i, j, probability in _scored(tuple(left), tuple(right), settings):
            mine, theirs = (left[i], right[j]) if first else (right[j], left[i])
            if mine.id == claim_id:
                found.append(Suggestion(theirs.id, probability))
    found.sort(key=lambda suggestion: (-suggestion.score, suggestion.claim))
    return found[:limit] if limit is not None else found


@lru_cache(maxsize=8)
def _scored(
    left: tuple[Claim, ...], right: tuple[Claim, ...], settings: Settings
) -> list[tuple[int, int, float]]:
    """Every scored pair of two claim lists; kept, since an analyst looks at claim after
    claim of the same two sources."""
    from claimdiff.align import score  # the matcher's imports (spaCy-free, but 80 ms)

    scored = score(left, right, settings)
    return [
        (i, j, round(float(p), 4))
        for (i, j), p in zip(scored.pairs, scored.probability, strict=True)
    ]
