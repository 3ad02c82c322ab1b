"""Claims for the engine's unit tests: built by hand without spaCy, or extracted from a text,
and the label and reasons of a link between two of them."""

from __future__ import annotations

import datetime as dt

from claimdiff.align import Candidate
from claimdiff.compare import classify
from claimdiff.extract import Extractor
from claimdiff.model import Claim, Document, Entity, Label


def claim(
    text: str,
    *,
    doc: int = 0,
    names: tuple[tuple[str, str, str], ...] = (),
    **slots: object,
) -> Claim:
    """A claim whose entities (text, canonical, label) are found by their text."""
    entities = tuple(
        Entity(name, canonical, label, text.index(name), text.index(name) + len(name))
        for name, canonical, label in names
    )
    return Claim(doc, doc, 0, len(text), text, entities=entities, **slots)  # type: ignore[arg-type]


def extracted(extractor: Extractor, text: str, doc: int = 0, *, published: dt.date) -> Claim:
    """The first claim the real pipeline finds in a text, in a report dated ``published``."""
    return extractor.extract(Document(doc, "t", "s", text, "x", published=published))[0]


def label_of(a: Claim, b: Claim) -> tuple[Label, list[str]]:
    """The label of a link between two claims, and its reasons as the analyst reads them."""
    link = classify(Candidate(a.id, b.id, 0.9), a, b)
    return link.label, [r.text for r in link.reasons]
