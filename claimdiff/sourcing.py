"""Who each source cites: the speakers its claims are attributed to, side by side.

Outlets reporting one event rarely lean on the same people. One quotes the minister, the
other the opposition; one says "police said", the other states it as fact. This module
counts, per document, the claims attributed to each speaker and those that quote them, and
lines the speakers up across documents ("Johnson" in one report is "Boris Johnson" in
another).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from claimdiff.model import Claim, Comparison
from claimdiff.names import given_alike


@dataclass(frozen=True)
class CitedSpeaker:
    """One speaker and the claims each document attributes to them."""

    name: str
    """The fullest form any document gives ("Boris Johnson" over "Johnson")."""
    claims: tuple[tuple[int, ...], ...]
    """Per document (by position), the ids of the claims attributed to the speaker."""
    quoted: tuple[int, ...]
    """Per document, how many of those claims quote the speaker's words."""

    @property
    def total(self) -> int:
        return sum(len(ids) for ids in self.claims)

    @property
    def cited_by(self) -> int:
        """How many documents cite the speaker."""
        return sum(1 for ids in self.claims if ids)


@dataclass(frozen=True)
class DocumentSourcing:
    """How much of one document rests on someone's word."""

    claims: int
    attributed: int
    quoted: int


@dataclass(frozen=True)
class Sourcing:
    """Per document, its attribution counts; then every speaker, most cited first."""

    documents: tuple[DocumentSourcing, ...]
    speakers: tuple[CitedSpeaker, ...]


def sourcing(comparison: Comparison) -> Sourcing:
    """Count who each document of a comparison cites."""
    count = len(comparison.documents)
    attributed = [c for c in comparison.claims if c.speaker]
    keys: list[str] = []
    groups: list[list[Claim]] = []
    # Only speakers that end in one word can be one: groups are looked up by it.
    by_last: dict[str, list[int]] = {}
    # names first, so that "the observatory" can join the "Hong Kong Observatory" its
    # report named before or after
    for claim in sorted(attributed, key=lambda c: not _proper(_speaker(c).split())):
        last = _last_word(_speaker(claim))
        at = _group_of(claim, by_last.get(last, []), keys, groups)
        if at is None:
            by_last.setdefault(last, []).append(len(keys))
            keys.append(_speaker(claim))
            groups.append([claim])
        else:
            groups[at].append(claim)
            keys[at] = _fuller(keys[at], _speaker(claim))
    speakers = [_cited(name, members, count) for name, members in zip(keys, groups, strict=True)]
    speakers.sort(key=lambda s: (-s.cited_by, -s.total, s.name.lower()))
    documents = tuple(
        DocumentSourcing(
            claims=sum(1 for c in comparison.claims if c.document == position),
            attributed=sum(1 for c in attributed if c.document == position),
            quoted=sum(1 for c in attributed if c.document == position and c.quotes),
        )
        for position in range(count)
    )
    return Sourcing(documents, tuple(speakers))


def _speaker(claim: Claim) -> str:
    return claim.speaker or ""


def _cited(name: str, members: Sequence[Claim], count: int) -> CitedSpeaker:
    by_document: list[list[Claim]] = [[] for _ in range(count)]
    for claim in sorted(members, key=lambda c: (c.start, c.id)):  # in reading order
        if 0 <= claim.document < count:
            by_document[claim.document].append(claim)
    return CitedSpeaker(
        name=name,
        claims=tuple(tuple(c.id for c in group) for group in by_document),
        quoted=tuple(sum(1 for c in group if c.quotes) for group in by_document),
    )


def _last_word(speaker: str) -> str:
    words = speaker.lower().split()
    return words[-1] if words else ""


def _group_of(
    claim: Claim, candidates: Sequence[int], keys: Sequence[str], groups: Sequence[list[Claim]]
) -> int | None:
    """The group a claim's speaker joins: the same name; a named person written shorter or
    longer ("Johnson" / "Boris Johnson"); or, for a speaker named by a common noun ("the
    observatory"), the one name its own report gives that ends in that noun ("Hong Kong
    Observatory"). "May's spokeswoman" is not May, nor are "AMD officials" AMD."""
    speaker = _speaker(claim)
    for at in candidates:
        if keys[at].lower() == speaker.lower() or _one_name(keys[at], speaker):
            return at
    if speaker.islower():
        named = [
            at
            for at in candidates
            if _proper(keys[at].split()) and any(c.document == claim.document for c in groups[at])
        ]
        if len(named) == 1:
            return named[0]
    return None


def _fuller(x: str, y: str) -> str:
    """The name a group shows: the longer; of "Police" and "police", the one that is no
    capital of a sentence's first word."""
    if x.lower() == y.lower():
        return min(x, y, key=lambda name: name[:1].isupper())
    return max(x, y, key=len)


_TITLES = frozenset({"mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr."})


def _one_name(x: str, y: str) -> bool:
    wx = [w for w in x.split() if w.lower() not in _TITLES]
    wy = [w for w in y.split() if w.lower() not in _TITLES]
    if not (_proper(wx) and _proper(wy)):
        return False
    short, long = sorted((wx, wy), key=len)
    # "Christoph Castaner" / "Christophe Castaner": one man, spelled two ways in one report
    return short[-1] == long[-1] and all(
        any(w == v or fuzz.ratio(w, v) >= SPELLED_ALIKE or given_alike(w, v) for v in long)
        for w in short
    )


SPELLED_ALIKE = 85
"""How alike (rapidfuzz ratio) two words of one name must be to be one word misspelt."""


def _proper(words: Sequence[str]) -> bool:
    return bool(words) and all(w[:1].isupper() and "'" not in w for w in words)


def cell_text(speaker: CitedSpeaker, position: int) -> str:
    """A speaker's count in one document, as reports show it: "3", "3 (2 quoted)", "—"."""
    ids, quoted = speaker.claims[position], speaker.quoted[position]
    if not ids:
        return "\u2014"
    return f"{len(ids)} ({quoted} quoted)" if quoted else str(len(ids))


def document_summary(name: str, document: DocumentSourcing) -> str:
    """ "AFP: 11 of 18 claims attributed, 11 with a quotation"."""
    return (
        f"{name}: {document.attributed} of {document.claims} claims attributed, "
        f"{document.quoted} with a quotation"
    )
