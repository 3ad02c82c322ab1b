"""Convert plain values to and from JSON-ready dictionaries (the JSON contract)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from claimdiff.model import (
    Claim,
    Cluster,
    Comparison,
    DateMention,
    Document,
    Entity,
    Label,
    Link,
    Quantity,
    Reason,
    ReasonKind,
)

FORMAT = "claimdiff.comparison"
VERSION = 3
"""Version 2 added ``clusters``, version 3 ``cited`` and ``dates`` (tables derived from the
claims, which ``comparison_from_dict`` does not read back); readers of an older version may
ignore those keys."""


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def document_to_dict(document: Document) -> dict[str, Any]:
    return {
        "id": document.id,
        "path": document.path,
        "title": document.title,
        "source": document.source,
        "published": document.published.isoformat() if document.published else None,
        "sha256": document.sha256,
        "text": document.text,
        "format": document.fmt,
        "language": document.language,
        "credits": list(document.credits),
    }


def document_from_dict(data: dict[str, Any]) -> Document:
    return Document(
        id=data["id"],
        title=data["title"],
        source=data["source"],
        text=data["text"],
        sha256=data["sha256"],
        published=_date(data.get("published")),
        path=data.get("path"),
        language=data.get("language", "en"),
        fmt=data.get("format", "text"),
        credits=tuple(data.get("credits", ())),
    )


def slots_to_dict(claim: Claim) -> dict[str, Any]:
    """The slot part of a claim: everything but id, document, offsets and text."""
    return {
        "speaker": claim.speaker,
        "quotes": list(claim.quotes),
        "entities": [
            {
                "text": e.text,
                "canonical": e.canonical,
                "label": e.label,
                "start": e.start,
                "end": e.end,
            }
            for e in claim.entities
        ],
        "quantities": [
            {
                "text": q.text,
                "value": q.value,
                "unit": q.unit,
                "qualifier": q.qualifier,
                "low": q.low,
                "high": q.high,
                "start": q.start,
                "end": q.end,
            }
            for q in claim.quantities
        ],
        "dates": [
            {
                "text": d.text,
                "value": d.value.isoformat() if d.value else None,
                "granularity": d.granularity,
                "said": d.said,
                "verb": d.verb,
                "tense": d.tense,
                "start": d.start,
                "end": d.end,
            }
            for d in claim.dates
        ],
        "negated": claim.negated,
        "modality": claim.modality,
        "predicate": claim.predicate,
        "lemmas": list(claim.lemmas),
        "sentence": claim.sentence,
    }


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "document": claim.document,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        **slots_to_dict(claim),
    }


def claim_from_dict(data: dict[str, Any]) -> Claim:
    return Claim(
        id=data["id"],
        document=data["document"],
        start=data["start"],
        end=data["end"],
        text=data["text"],
        speaker=data.get("speaker"),
        quotes=tuple(data.get("quotes", ())),
        entities=tuple(Entity(**e) for e in data.get("entities", ())),
        quantities=tuple(Quantity(**q) for q in data.get("quantities", ())),
        dates=tuple(
            DateMention(
                text=d["text"],
                value=_date(d.get("value")),
                start=d["start"],
                end=d["end"],
                granularity=d.get("granularity", "day"),
                said=d.get("said", False),
                verb=d.get("verb", ""),
                tense=d.get("tense", ""),
            )
            for d in data.get("dates", ())
        ),
        negated=data.get("negated", False),
        modality=data.get("modality"),
        predicate=data.get("predicate"),
        lemmas=tuple(data.get("lemmas", ())),
        sentence=data.get("sentence", 0),
    )


def link_to_dict(link: Link) -> dict[str, Any]:
    return {
        "a": link.a,
        "b": link.b,
        "label": link.label.value,
        "score": link.score,
        "reasons": [
            {"kind": r.kind.value, "a": r.a, "b": r.b, "text": r.text} for r in link.reasons
        ],
    }


def link_from_dict(data: dict[str, Any]) -> Link:
    return Link(
        a=data["a"],
        b=data["b"],
        label=Label(data["label"]),
        score=data["score"],
        reasons=tuple(
            Reason(ReasonKind(r["kind"]), r["a"], r["b"], r["text"]) for r in data["reasons"]
        ),
    )


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    """Return the comparison in the documented JSON contract (docs/json-contract.md)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "id": comparison.id,
        "name": comparison.name,
        "created": comparison.created.isoformat() if comparison.created else None,
        "settings": dict(comparison.settings),
        "warnings": list(comparison.warnings),
        "documents": [document_to_dict(d) for d in comparison.documents],
        "claims": [claim_to_dict(c) for c in comparison.claims],
        "links": [link_to_dict(link) for link in comparison.links],
        "unique": list(comparison.unique),
        "clusters": [
            {"id": c.id, "claims": list(c.claims), "label": c.label.value}
            for c in comparison.clusters
        ],
        **derived_tables(comparison),
    }


def derived_tables(comparison: Comparison) -> dict[str, Any]:
    """The tables the reports show beside the links (version 3): who each source cites
    (``claimdiff.sourcing``) and what each source dates when (``claimdiff.timeline``).
    Per-document lists follow the order of ``documents``."""
    from claimdiff.sourcing import sourcing  # both read names and dates: loaded when used
    from claimdiff.timeline import timeline

    cited = sourcing(comparison)
    return {
        "cited": {
            "documents": [
                {"claims": d.claims, "attributed": d.attributed, "quoted": d.quoted}
                for d in cited.documents
            ],
            "speakers": [
                {
                    "name": s.name,
                    "claims": [list(ids) for ids in s.claims],
                    "quoted": list(s.quoted),
                }
                for s in cited.speakers
            ],
        },
        "dates": [
            {
                "date": row.value.isoformat(),
                "granularity": row.granularity,
                "label": row.label,
                "claims": [list(ids) for ids in row.claims],
                "said": list(row.said),
                "words": [list(words) for words in row.words],
            }
            for row in timeline(comparison)
        ],
    }


def comparison_from_dict(data: dict[str, Any]) -> Comparison:
    """Read a comparison back from its JSON contract form."""
    created = data.get("created")
    return Comparison(
        documents=tuple(document_from_dict(d) for d in data["documents"]),
        claims=tuple(claim_from_dict(c) for c in data["claims"]),
        links=tuple(link_from_dict(link) for link in data["links"]),
        clusters=tuple(
            Cluster(c["id"], tuple(c["claims"]), Label(c["label"]))
            for c in data.get("clusters", ())
        ),
        id=data.get("id"),
        name=data.get("name", ""),
        created=dt.datetime.fromisoformat(created) if created else None,
        warnings=tuple(data.get("warnings", ())),
        settings=dict(data.get("settings", {})),
    )
