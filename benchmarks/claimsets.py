"""Large claim lists for the alignment and app figures, extracted once and cached on disk."""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks import corpus

if TYPE_CHECKING:
    from claimdiff.model import Claim, Document

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "out" / "bench" / "cache"
CHUNK = 250
"""Sentences per parsed text: spaCy refuses texts over a million characters."""
LAYOUT = "sentences-numbered-per-side"
"""Part of the cache key: bump it when the way claims are put together changes."""


def _code_key() -> str:
    """Changes whenever the extractor or the corpus generator changes."""
    digest = hashlib.sha256(LAYOUT.encode())
    sources = sorted((ROOT / "claimdiff" / "extract").rglob("*.py"))
    for path in [*sources, ROOT / "benchmarks" / "corpus.py", ROOT / "claimdiff" / "model.py"]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _extract_side(sentences: list[str], size: int, doc_id: int, first_id: int) -> list[Claim]:
    from claimdiff.api import get_extractor
    from claimdiff.ingest import document_from_text

    chunks = [sentences[i : i + CHUNK] for i in range(0, len(sentences), CHUNK)]
    documents = [
        document_from_text("\n".join(chunk), doc_id=doc_id, published=None) for chunk in chunks
    ]
    claims: list[Claim] = []
    offset = 0
    for per_doc in get_extractor().extract_many(documents):
        # Each chunk numbers its sentences from 0; one side is one document, so number
        # them on: otherwise claims of different chunks pass for clauses of one sentence.
        claims.extend(dataclasses.replace(c, sentence=c.sentence + offset) for c in per_doc)
        offset += 1 + max((c.sentence for c in per_doc), default=-1)
        if len(claims) >= size:
            break
    if len(claims) < size:
        raise RuntimeError(f"only {len(claims)} claims from {len(sentences)} sentences")
    return [
        dataclasses.replace(claim, id=first_id + index, document=doc_id)
        for index, claim in enumerate(claims[:size])
    ]


def alignment_claims(size: int) -> tuple[list[Claim], list[Claim]]:
    """``size`` claims on each side, numbered 0..size-1 (side A) and size..2*size-1 (B)."""
    path = CACHE / f"align-{size}-{_code_key()}.pickle"
    if path.exists():
        a, b = pickle.loads(path.read_bytes())
        return list(a), list(b)
    # Some sentences yield no claim, so extract a margin more than needed.
    texts_a, texts_b = corpus.alignment_sides(int(size * 1.15) + 20)
    a = _extract_side(texts_a, size, 0, 0)
    b = _extract_side(texts_b, size, 1, size)
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps((a, b)))
    return a, b


def documents_for(
    a: list[Claim], b: list[Claim]
) -> tuple[tuple[Document, Document], list[Claim], list[Claim]]:
    """Two documents whose texts hold the claims, and the claims re-anchored into them."""
    from claimdiff.ingest import document_from_text

    docs, sides = [], []
    for doc_id, claims in enumerate((a, b)):
        letter = "AB"[doc_id]
        document = document_from_text(
            "\n".join(claim.text for claim in claims),
            doc_id=doc_id,
            source=f"Outlet {letter}",
            title=f"Benchmark side {letter}",
        )
        moved, cursor = [], 0
        for claim in claims:
            found = document.text.find(claim.text, cursor)
            start = found if found >= 0 else cursor
            end = start + len(claim.text) if found >= 0 else cursor
            moved.append(dataclasses.replace(claim, start=start, end=end))
            cursor = end
        docs.append(document)
        sides.append(moved)
    return (docs[0], docs[1]), sides[0], sides[1]
