"""Find candidate claim pairs across two documents and score them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from claimdiff.model import Claim
from claimdiff.settings import Settings


@dataclass(frozen=True)
class Candidate:
    """A scored pair of claims from two different documents."""

    a: int
    b: int
    score: float


def align(a: Sequence[Claim], b: Sequence[Claim], settings: Settings) -> list[Candidate]:
    """Return the pairs of claims that should be linked, best first."""
    if not a or not b:
        return []
    matrix = process.cdist(
        [_key(c) for c in a], [_key(c) for c in b], scorer=fuzz.token_set_ratio, workers=-1
    )
    found = []
    for i, claim in enumerate(a):
        for j, other in enumerate(b):
            score = float(matrix[i][j]) / 100.0
            if score >= settings.link_threshold:
                found.append(Candidate(claim.id, other.id, score))
    return sorted(found, key=lambda c: -c.score)


def _key(claim: Claim) -> str:
    return " ".join(claim.lemmas)
