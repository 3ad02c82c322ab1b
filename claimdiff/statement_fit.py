"""Fit and cross-validate the stacked ``statements`` model on MRPC-format statement pairs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from claimdiff import combiner, embed, wordweights
from claimdiff.align import Candidate
from claimdiff.compare import classify, of_other_times
from claimdiff.figures import figures_apart
from claimdiff.model import Claim, Label
from claimdiff.settings import Settings
from claimdiff.statement import (
    BASE_FEATURES,
    EMBEDDING_BASED,
    LEFTOVER_WEIGHT,
    STATEMENT_FEATURES,
    embedded_texts,
    match_claims,
    statement_claims,
    statement_features,
)

Array = npt.NDArray[np.float64]
Mask = npt.NDArray[np.bool_]
STATEMENT_L2 = 1.0
"""Penalty of the statement combiner's scores: MRPC has 4,076 pairs."""
EMBEDDING_L2 = 1000.0
"""Penalty of the 2,048 embedding interactions: far stronger than the scores'."""
FOLDS = 5
"""Folds of the cross-validation and of the cross-fitted columns (rows by number mod 5)."""
LEXICAL_BASE = tuple(n for n in BASE_FEATURES if n not in EMBEDDING_BASED)
"""What the base of ``statements_lexical`` weighs (no embeddings)."""


@dataclass(frozen=True)
class StatementData:
    """MRPC-format pairs extracted once: merged claims, texts, features, gold and vetoes.

    ``vetoed`` marks pairs labelled conflict whatever their score ("23 troops" / "26
    troops"): ``match_statements`` never counts them as paraphrases, so no combiner is
    fitted on them. ``x`` holds every STATEMENT_FEATURES column; its leftover-weight
    column is refitted wherever a model is fitted (``fit_stacked``).
    """

    claims: list[tuple[Claim, Claim]]
    texts: list[tuple[str, str]]
    x: Array
    y: Array
    vetoed: Mask


def statement_data(rows: Sequence[tuple[bool, str, str]], settings: Settings) -> StatementData:
    """Extract MRPC statements once: merged claims, features, gold and vetoes."""
    flat = [text for _, a, b in rows for text in (a, b)]
    claims = statement_claims(flat, None)
    if settings.use_embeddings:  # one batch: far faster than one call per pair
        embed.embed([text for _, a, b in rows for text in embedded_texts(a, b)])
    pairs = [(claims[2 * k], claims[2 * k + 1]) for k in range(len(rows))]
    empty = wordweights.EMPTY  # the column is filled where a table is fitted
    x = np.asarray([statement_features(a, b, settings, empty) for a, b in pairs])
    y = np.asarray([1.0 if gold else 0.0 for gold, _, _ in rows])
    links = [classify(Candidate(a.id, b.id, 1.0), a, b, settings=settings) for a, b in pairs]
    vetoed = np.asarray(
        [
            link.label is Label.CONFLICT or figures_apart(a, b) or of_other_times(link)
            for link, (a, b) in zip(links, pairs, strict=True)
        ],
        dtype=bool,
    )
    return StatementData(pairs, [(a, b) for _, a, b in rows], x, y, vetoed)


def fit_statements(x: Array, y: Array, names: Sequence[str]) -> combiner.Combiner:
    """Fit a plain statement combiner; embedding dimensions are shrunk much harder."""
    penalty = np.asarray([EMBEDDING_L2 if n.startswith("emb_") else STATEMENT_L2 for n in names])
    return combiner.fit(x, y, names, l2=penalty)


def fit_stacked(
    data: StatementData, rows: npt.NDArray[np.intp], base_names: Sequence[str] = BASE_FEATURES
) -> tuple[combiner.Stacked, wordweights.WordWeights]:
    """Fit the stacked model and its word table on the given rows.

    The base weighs ``base_names``; the top weighs the base's log-odds and the leftover
    weight. Both columns the top is fitted on are cross-fitted: each row is scored by a
    base and a word table fitted without its fold, so the top sees how they fare on
    pairs they have not seen. Vetoed rows are left out of both combiners' fits; the word
    table counts them, as whether a word is shared says as much there as anywhere.
    """
    texts = [data.texts[k] for k in rows]
    gold = [bool(data.y[k]) for k in rows]
    table = wordweights.fit(texts, gold)
    leftover = np.asarray(wordweights.cross_fitted(texts, gold, FOLDS))
    columns = [STATEMENT_FEATURES.index(n) for n in base_names]
    x, y, keep = data.x[rows][:, columns], data.y[rows], ~data.vetoed[rows]
    fold_of = np.arange(len(rows)) % FOLDS
    logit = np.zeros(len(rows))
    for fold in range(FOLDS):
        train, held = keep & (fold_of != fold), fold_of == fold
        logit[held] = fit_statements(x[train], y[train], base_names).logit(x[held])
    top = combiner.fit(
        np.column_stack([logit, leftover])[keep],
        y[keep],
        (combiner.BASE_LOGIT, LEFTOVER_WEIGHT),
        l2=STATEMENT_L2,
    )
    return combiner.Stacked(fit_statements(x[keep], y[keep], base_names), top), table


def statement_cv(
    data: StatementData, settings: Settings, base_names: Sequence[str] = BASE_FEATURES
) -> tuple[float, float]:
    """Accuracy and F1 of match_statements' decision under 5-fold cross-validation.

    Each fold is scored by a stacked model and word table fitted on the other four
    folds only (folds by row number mod 5), as ``fit_stacked`` fits the shipped one.
    """
    from claimdiff.evaluate import binary_scores

    fold_of = np.arange(len(data.y)) % FOLDS
    leftover = STATEMENT_FEATURES.index(LEFTOVER_WEIGHT)
    guesses = [False] * len(data.y)
    for fold in range(FOLDS):
        model, table = fit_stacked(data, np.flatnonzero(fold_of != fold), base_names)
        for k in np.flatnonzero(fold_of == fold):
            a, b = data.claims[int(k)]
            row = data.x[int(k)].copy()
            row[leftover] = table.unshared(*data.texts[int(k)])
            match = match_claims(a, b, settings, model=model, features=list(row))
            guesses[k] = match.linked and match.label is not Label.CONFLICT
    return binary_scores([bool(v) for v in data.y], guesses)
