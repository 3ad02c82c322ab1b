"""Match two single statements directly: one score for the pair, then its label."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz

from claimdiff import combiner, embed, wordweights
from claimdiff.align import Candidate
from claimdiff.compare import classify, contradicts, of_other_times
from claimdiff.features import PAIR_FEATURES, WORD_PATTERN, pair_vector, profile
from claimdiff.figures import figures_apart
from claimdiff.model import Claim, Document, Label, Reason
from claimdiff.settings import Settings


@dataclass(frozen=True)
class StatementMatch:
    """How two statements relate: probability, link decision, label and reasons."""

    score: float
    linked: bool
    label: Label | None
    reasons: tuple[Reason, ...]


def merge_claims(claims: Sequence[Claim], text: str, document: int) -> Claim:
    """One claim covering a whole statement, with the slots of all its clauses."""
    first = claims[0] if claims else None
    return Claim(
        id=document,
        document=document,
        start=0,
        end=len(text),
        text=text,
        speaker=next((c.speaker for c in claims if c.speaker), None),
        quotes=tuple(q for c in claims for q in c.quotes),
        entities=tuple(e for c in claims for e in c.entities),
        quantities=tuple(q for c in claims for q in c.quantities),
        dates=tuple(d for c in claims for d in c.dates),
        negated=first.negated if first else False,
        modality=first.modality if first else None,
        predicate=first.predicate if first else None,
        lemmas=tuple(lemma for c in claims for lemma in c.lemmas),
    )


SURFACE_FEATURES = (
    "char_ratio",
    "word_cover_min",
    "word_cover_max",
    "word_bigram_share",
    "word_trigram_share",
    "length_gap",
    "partial_ratio",
    "contradiction",
    "residual_words",
    "residual_empty",
    "residual_embedding",
)
"""Surface features of two whole statements (words as written, stop words included).

The ``residual_`` features look at the words each statement has and the other lacks:
how many, whether one side has none, and how alike the two leftovers mean (USE cosine;
"eased 0.37 of a point" / "slipped 0.26 point" differ in words but not in kind)."""

EMBEDDING_SIZE = 512
INTERACTION_FEATURES = tuple(f"emb_diff_{k}" for k in range(EMBEDDING_SIZE)) + tuple(
    f"emb_prod_{k}" for k in range(EMBEDDING_SIZE)
)
"""|u - v| and u * v of the two statement embeddings, for ``match_statements``."""
RESIDUAL_INTERACTIONS = tuple(f"emb_residual_diff_{k}" for k in range(EMBEDDING_SIZE)) + tuple(
    f"emb_residual_prod_{k}" for k in range(EMBEDDING_SIZE)
)
"""The same for the embeddings of the two leftovers (``residuals``); zero when one is empty."""

BASE_FEATURES = PAIR_FEATURES + SURFACE_FEATURES + INTERACTION_FEATURES + RESIDUAL_INTERACTIONS
"""What the base combiner of the ``statements`` model weighs."""
LEFTOVER_WEIGHT = "leftover_weight"
"""How much the words each statement lacks weigh, by the learnt table (``wordweights``).

Only the top of the stacked model weighs it: the table is fitted on MRPC's labels, and a
column that knows its rows' labels cannot be weighed next to 2,000 others in one fit."""
STATEMENT_FEATURES = (*BASE_FEATURES, LEFTOVER_WEIGHT)
WORD_TABLE = "statement_words"
"""Name of the shipped word table (``tables`` section of ``weights.json``)."""
EMBEDDING_BASED = frozenset(
    (
        "embedding",
        "clause_embedding",
        "residual_embedding",
        *INTERACTION_FEATURES,
        *RESIDUAL_INTERACTIONS,
    )
)
"""Features that are zero when embeddings are off; the lexical model leaves them out."""


def statement_features(
    a: Claim, b: Claim, settings: Settings, words: wordweights.WordWeights | None = None
) -> list[float]:
    """STATEMENT_FEATURES of two whole statements (``words``: the shipped table by default)."""
    similarity = residual = 0.0
    interaction = [0.0] * (len(INTERACTION_FEATURES) + len(RESIDUAL_INTERACTIONS))
    left = residuals(a.text, b.text)
    if settings.use_embeddings:
        vectors = embed.embed(embedded_texts(a.text, b.text))
        similarity = float(embed.cosine(vectors[:1], vectors[1:2])[0, 0])
        residual = float(embed.cosine(vectors[2:3], vectors[3:4])[0, 0])
        if not left[0] or not left[1]:
            vectors[2:] = 0.0  # nothing left on one side: no leftover meaning to compare
        interaction = [
            *np.abs(vectors[0] - vectors[1]).tolist(),
            *(vectors[0] * vectors[1]).tolist(),
            *np.abs(vectors[2] - vectors[3]).tolist(),
            *(vectors[2] * vectors[3]).tolist(),
        ]
    return [
        *pair_vector(profile(a), profile(b), similarity),
        *surface_vector(a.text, b.text, contradicts(a, b)),
        *residual_vector(left, residual),
        *interaction,
        (words or shipped_words()).unshared(a.text, b.text),
    ]


@lru_cache(maxsize=1)
def shipped_words() -> wordweights.WordWeights:
    """The word table the shipped ``statements`` models were fitted with."""
    return wordweights.load(combiner.shipped_table(WORD_TABLE))


def residuals(a: str, b: str) -> tuple[str, str]:
    """The words of each statement that the other lacks, in order ("" when none)."""
    wa, wb = WORD_PATTERN.findall(a), WORD_PATTERN.findall(b)
    la, lb = {w.lower() for w in wa}, {w.lower() for w in wb}
    return (
        " ".join(w for w in wa if w.lower() not in lb),
        " ".join(w for w in wb if w.lower() not in la),
    )


def embedded_texts(a: str, b: str) -> list[str]:
    """What ``statement_features`` embeds for two statements: both, and both leftovers.

    Callers scoring many pairs embed these in one batch first; the cache serves the rest.
    """
    return [a, b, *(text or "." for text in residuals(a, b))]


def residual_vector(left: tuple[str, str], similarity: float) -> list[float]:
    """The ``residual_`` features, given the two leftovers and their embedding cosine.

    When one statement adds nothing to the other, the leftovers cannot differ in
    meaning: their similarity counts as 1.
    """
    empty = not left[0] or not left[1]
    return [
        float(max(len(left[0].split()), len(left[1].split()))),
        float(empty),
        1.0 if empty else similarity,
    ]


def match_claims(
    a: Claim,
    b: Claim,
    settings: Settings,
    *,
    model: combiner.Combiner | combiner.Stacked | None = None,
    features: Sequence[float] | None = None,
) -> StatementMatch:
    """Score and label two statement claims (already extracted and merged)."""
    if model is None:
        model = shipped_model(settings.use_embeddings)
    row = np.asarray([features if features is not None else statement_features(a, b, settings)])
    index = _feature_index()
    columns = [index[n] for n in model.features]
    probability = float(model.probability(row[:, columns])[0])
    link = classify(Candidate(a.id, b.id, probability), a, b, settings=settings)
    # figures that cannot agree, though neither contradicts the other ("analysts expected
    # 53 cents a share" / "it reported 46 cents"; "in 1998 Intel invested $500 million" /
    # "earlier this year, Intel invested $123 million"), say two things: not one statement
    linked = (
        probability >= settings.statement_threshold
        and not figures_apart(a, b)
        and not of_other_times(link)
    )
    return StatementMatch(
        round(probability, 4), linked, link.label if linked else None, link.reasons
    )


def shipped_model(use_embeddings: bool) -> combiner.Combiner | combiner.Stacked:
    """The shipped statement model: stacked when the weights file has one (since round 5)."""
    name = "statements" if use_embeddings else "statements_lexical"
    return combiner.shipped_stacked().get(name) or combiner.shipped()[name]


@lru_cache(maxsize=1)
def _feature_index() -> dict[str, int]:
    return {name: k for k, name in enumerate(STATEMENT_FEATURES)}


def statement_claims(texts: Sequence[str], published: dt.date | None) -> list[Claim]:
    """Extract each statement and merge its clauses into one claim."""
    from claimdiff.api import get_extractor

    # Statements are taken as given: no dateline or signature lines to strip.
    documents = [
        Document(index, text[:80], f"Statement {index + 1}", text, "", published)
        for index, text in enumerate(texts)
    ]
    extracted = get_extractor().extract_many(documents)
    return [
        merge_claims(claims, doc.text, doc.id)
        for doc, claims in zip(documents, extracted, strict=True)
    ]


def _ngram_share(x: list[str], y: list[str], n: int) -> float:
    gx = {tuple(x[k : k + n]) for k in range(len(x) - n + 1)}
    gy = {tuple(y[k : k + n]) for k in range(len(y) - n + 1)}
    return len(gx & gy) / max(1, min(len(gx), len(gy)))


def surface_vector(a: str, b: str, contradiction: bool) -> list[float]:
    """SURFACE_FEATURES of two statements, in order."""
    wa, wb = WORD_PATTERN.findall(a.lower()), WORD_PATTERN.findall(b.lower())
    sa, sb = set(wa) or {""}, set(wb) or {""}
    shared = len(sa & sb)
    covers = sorted((shared / len(sa), shared / len(sb)))
    return [
        fuzz.ratio(a, b) / 100.0,
        covers[0],
        covers[1],
        _ngram_share(wa, wb, 2),
        _ngram_share(wa, wb, 3),
        abs(len(wa) - len(wb)) / max(1, len(wa), len(wb)),
        fuzz.partial_ratio(a.lower(), b.lower()) / 100.0,
        float(contradiction),
    ]
