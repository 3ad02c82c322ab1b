"""Claims built by hand for the engine's unit tests, without spaCy."""

from __future__ import annotations

from claimdiff.model import Claim, Entity


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
