"""What the extractor read in a claim, in words: who said it, when, which figures and names."""

from __future__ import annotations

from claimdiff.compare import speaker_shown
from claimdiff.figures import days_shown, figures_said
from claimdiff.model import Claim
from claimdiff.slots import name_entities


def read_as(claim: Claim) -> str:
    """The claim's slots as an analyst checks them, "" for a claim with none.

    'said by Johnson · said on Monday (April 10, 2017) · names Putin, Assad, Russia'.
    The speaker is said as the reasons say it; names are canonical ("United States" for
    "the US"): that is what the comparison matches on; a date says the day it resolves
    to under the dateline.
    """
    parts = []
    if claim.speaker:
        parts.append(f"said by {speaker_shown(claim)}")
    for said, words in ((False, "when"), (True, "said on")):
        mentions = [mention for mention in claim.dates if mention.said == said]
        if mentions:
            parts.append(f"{words} {', '.join(days_shown(mentions, year=True))}")
    figures = figures_said(claim)
    if figures:
        parts.append("figures " + ", ".join(figures))
    names = list(dict.fromkeys(entity.canonical for entity in name_entities(claim)))
    if names:
        parts.append("names " + ", ".join(names))
    if claim.negated:
        parts.append("worded in the negative")
    if claim.modality:
        parts.append(f"hedged ({claim.modality})")
    return " \u00b7 ".join(parts)
