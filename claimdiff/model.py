"""Plain, frozen values that cross every boundary of the pipeline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Label(StrEnum):
    """How two linked claims relate."""

    AGREE = "agree"
    PARTIAL = "partial"
    CONFLICT = "conflict"


class ReasonKind(StrEnum):
    """The slot a difference between two linked claims sits in."""

    NUMBER = "number"
    DATE = "date"
    ENTITY = "entity"
    SPEAKER = "speaker"
    NEGATION = "negation"
    MODALITY = "modality"
    QUOTE = "quote"
    DETAIL = "detail"


@dataclass(frozen=True)
class Document:
    """One source article, its text normalised to the form every offset refers to."""

    id: int
    title: str
    source: str
    text: str
    sha256: str
    published: dt.date | None = None
    path: str | None = None
    language: str = "en"
    fmt: str = "text"
    credits: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entity:
    """A named entity as written and in canonical form ("U.S." -> "United States")."""

    text: str
    canonical: str
    label: str
    start: int
    end: int


@dataclass(frozen=True)
class Quantity:
    """A number with its unit and qualifier: "more than 80 people".

    ``low`` and ``high`` give the range the qualifier allows; ``unit`` is a
    normalised noun ("people", "percent", "km") so that "50 miles" and "a
    50-year-old man" never count as the same quantity.
    """

    text: str
    value: float
    unit: str
    qualifier: str
    low: float
    high: float
    start: int
    end: int


FUTURE, PAST = "future", "past"
"""The tenses a ``DateMention`` can tell."""


@dataclass(frozen=True)
class DateMention:
    """A date expression resolved against the document's dateline."""

    text: str
    value: dt.date | None
    start: int
    end: int
    granularity: str = "day"
    said: bool = False
    """When it was said, not when it happened: "Johnson said on Monday"."""
    verb: str = ""
    """The lemma of the verb the date tells the time of ("born on March 7" -> "bear"), or ""."""
    tense: str = ""
    """``FUTURE`` where what it dates is still to come, by its verb or by a date after the
    dateline ("will be completed in October 2014"); ``PAST`` where its verb tells ("was
    signed on 3 July"); else ""."""


@dataclass(frozen=True)
class Claim:
    """A statement: a sentence or an independent clause of one."""

    id: int
    document: int
    start: int
    end: int
    text: str
    speaker: str | None = None
    quotes: tuple[str, ...] = ()
    entities: tuple[Entity, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    negated: bool = False
    modality: str | None = None
    predicate: str | None = None
    lemmas: tuple[str, ...] = ()
    sentence: int = 0


@dataclass(frozen=True)
class Reason:
    """One difference (or notable agreement) between two linked claims."""

    kind: ReasonKind
    a: str
    b: str
    text: str


class LinkStatus(StrEnum):
    """Whether the analyst has reviewed a link."""

    AUTO = "auto"
    CONFIRMED = "confirmed"
    MANUAL = "manual"


@dataclass(frozen=True)
class Link:
    """Two claims from different documents that report the same thing."""

    a: int
    b: int
    label: Label
    score: float
    reasons: tuple[Reason, ...] = ()
    status: LinkStatus = LinkStatus.AUTO
    notes: tuple[str, ...] = ()
    label_overridden: bool = False


@dataclass(frozen=True)
class Cluster:
    """Claims from several documents that report the same thing."""

    id: int
    claims: tuple[int, ...]
    label: Label


@dataclass(frozen=True)
class Comparison:
    """Documents, their claims and the links between them."""

    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    links: tuple[Link, ...]
    clusters: tuple[Cluster, ...] = ()
    id: int | None = None
    name: str = ""
    created: dt.datetime | None = None
    warnings: tuple[str, ...] = ()
    settings: dict[str, float] = field(default_factory=dict, hash=False, compare=False)

    @property
    def unique(self) -> tuple[int, ...]:
        """Ids of claims that no link touches, in document order."""
        linked = {link.a for link in self.links} | {link.b for link in self.links}
        return tuple(claim.id for claim in self.claims if claim.id not in linked)

    def claim(self, claim_id: int) -> Claim:
        """Return the claim with this id."""
        return self.claims[claim_id]

    def links_of(self, claim_id: int) -> tuple[Link, ...]:
        """Return every link that touches this claim."""
        return tuple(link for link in self.links if claim_id in (link.a, link.b))

    def counts(self) -> dict[str, int]:
        """Summary figures: documents, claims, links by label, unique claims."""
        figures = {
            "documents": len(self.documents),
            "claims": len(self.claims),
            "links": len(self.links),
        }
        for label in Label:
            figures[label.value] = sum(1 for link in self.links if link.label is label)
        figures["unique"] = len(self.unique)
        return figures


class CurationAction(StrEnum):
    """What an analyst did to a link or claim."""

    CONFIRM = "confirm"
    REJECT = "reject"
    RELINK = "relink"
    LABEL = "label"
    NOTE = "note"


@dataclass(frozen=True)
class ClaimAnchor:
    """Identifies a claim across re-runs: its document's hash and its own text.

    Row ids change whenever a comparison is re-run; the text of a claim in a
    given document does not, so curations are anchored here.
    """

    sha256: str
    text: str
    start: int = 0


@dataclass(frozen=True)
class Curation:
    """One analyst action, stored with its author and time.

    ``a`` and ``b`` anchor the two claims of the link acted on (``b`` is the
    new counterpart for RELINK). ``value`` is the label for LABEL and the note
    text for NOTE. A revoked curation (undone) is kept for the record but no
    longer applied.
    """

    action: CurationAction
    a: ClaimAnchor
    b: ClaimAnchor | None
    value: str | None = None
    author: str = ""
    created: dt.datetime | None = None
    id: int | None = None
    comparison: int | None = None
    revoked: bool = False


class ClaimDiffError(Exception):
    """An expected failure with a one-line message meant for the user."""


class InputError(ClaimDiffError):
    """A file that cannot be read as an article."""
