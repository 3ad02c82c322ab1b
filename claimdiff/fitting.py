"""Fit the shipped weights and IDF table; cross-validate and ablate the matcher."""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import numpy.typing as npt

from claimdiff import combiner, embed
from claimdiff.align import Scored, choose, contradictions, score, sibling_conflicts
from claimdiff.evaluate import PairScore, Prepared, evaluate_prepared
from claimdiff.features import CONTEXT_FEATURES, PAIR_FEATURES
from claimdiff.model import Claim, Link
from claimdiff.settings import Settings
from claimdiff.statement import (
    STATEMENT_FEATURES,
    match_claims,
    statement_claims,
    statement_features,
)

DATA = Path(__file__).resolve().parent / "data"
Array = npt.NDArray[np.float64]
PAIR_NAMES = tuple(n for n in PAIR_FEATURES + CONTEXT_FEATURES if n != "casualty_both")
"""Features of the article-pair combiner. ``casualty_both`` is left out: in the ablation it
only fitted one pair's death toll and cost leave-one-pair-out F1 (docs/quality.md)."""
EMBEDDING_FEATURES = ("embedding", "embedding_margin")
L2 = 50.0
"""Penalty of the article-pair combiner: strong, since six pairs are little data."""
STATEMENT_L2 = 1.0
"""Penalty of the statement combiner's scores: MRPC has 4,076 pairs."""
EMBEDDING_L2 = 1000.0


def build_idf(sentences: Sequence[str]) -> dict[str, float]:
    """IDF of lower-cased lemmas over a corpus of sentences, smoothed."""
    from claimdiff.api import get_extractor

    counts: Counter[str] = Counter()
    for parsed in get_extractor().nlp.pipe(sentences, batch_size=256):
        counts.update({t.lemma_.lower() for t in parsed} | {t.lower_ for t in parsed})
    total = len(sentences)
    return {w: round(math.log((total + 1) / (n + 1)) + 1.0, 3) for w, n in counts.items() if n > 1}


def pair_examples(
    prepared: Prepared, settings: Settings, model: combiner.Combiner | None = None
) -> tuple[Scored, Array, Array]:
    """Features of every claim pair of an article pair, and which are gold links.

    Pairs on secondary gold rows, or with a claim outside any gold sentence, get
    weight 0: they are neither positive nor negative examples.
    """
    a, b = prepared.claims
    scored = score(a, b, settings, model=model or _uniform(PAIR_NAMES))
    labels, weights = [], []
    for i, j in scored.pairs:
        sa = prepared.sentence_of.get(a[i].id)
        sb = prepared.sentence_of.get(b[j].id)
        key = (sa[1], sb[1]) if sa and sb else None
        labels.append(1.0 if key in prepared.gold.labels else 0.0)
        weights.append(0.0 if key is None or key in prepared.gold.secondary else 1.0)
    return scored, np.asarray(labels), np.asarray(weights)


def _uniform(names: Sequence[str]) -> combiner.Combiner:
    size = len(names)
    return combiner.Combiner(tuple(names), (0.0,) * size, (1.0,) * size, (0.0,) * size, 0.0)


def fit_pairs(
    data: Sequence[tuple[Scored, Array, Array]], names: Sequence[str]
) -> combiner.Combiner:
    """Fit the article-pair combiner on the given feature names."""
    x = np.vstack([s.features[:, [s.names.index(n) for n in names]] for s, _, _ in data])
    y = np.concatenate([labels for _, labels, _ in data])
    keep = np.concatenate([weights for _, _, weights in data]) > 0
    return combiner.fit(x[keep], y[keep], names, l2=L2)


def links_from(
    prepared: Prepared, scored: Scored, model: combiner.Combiner, settings: Settings
) -> list[Link]:
    """Apply a combiner and the linking rules to pre-computed features, then classify."""
    from claimdiff.align import Candidate
    from claimdiff.compare import classify

    columns = [scored.names.index(n) for n in model.features]
    probability = model.probability(scored.features[:, columns]) if scored.pairs else np.zeros(0)
    a, b = prepared.claims
    rescored = replace(scored, probability=probability)
    chosen = choose(rescored, settings, contradictions(a, b, rescored, settings))
    chosen += sibling_conflicts(a, b, rescored, chosen)
    return [
        classify(Candidate(a[i].id, b[j].id, p), a[i], b[j], documents=prepared.documents)
        for i, j, p in chosen
    ]


def leave_one_out(
    pairs: Sequence[Prepared],
    data: Sequence[tuple[Scored, Array, Array]],
    names: Sequence[str],
    settings: Settings,
) -> list[PairScore]:
    """Score each pair with a combiner fitted on the other pairs only."""
    models = [
        fit_pairs([d for k, d in enumerate(data) if k != held], names) for held in range(len(pairs))
    ]
    by_name = {p.gold.name: (models[k], data[k][0]) for k, p in enumerate(pairs)}

    def linker(prepared: Prepared, current: Settings) -> list[Link]:
        model, scored = by_name[prepared.gold.name]
        return links_from(prepared, scored, model, current)

    return evaluate_prepared(pairs, settings, linker)


def in_sample(
    pairs: Sequence[Prepared],
    data: Sequence[tuple[Scored, Array, Array]],
    model: combiner.Combiner,
    settings: Settings,
) -> list[PairScore]:
    """Score each pair with one combiner, reusing the pre-computed features."""
    by_name = {p.gold.name: data[k][0] for k, p in enumerate(pairs)}

    def linker(prepared: Prepared, current: Settings) -> list[Link]:
        return links_from(prepared, by_name[prepared.gold.name], model, current)

    return evaluate_prepared(pairs, settings, linker)


def statement_data(
    rows: Sequence[tuple[bool, str, str]], settings: Settings
) -> tuple[list[tuple[Claim, Claim]], Array, Array]:
    """Extract MRPC statements once: merged claims, features and gold."""
    texts = [text for _, a, b in rows for text in (a, b)]
    claims = statement_claims(texts, None)
    if settings.use_embeddings:
        embed.embed(texts)  # one batch: far faster than one call per pair
    pairs = [(claims[2 * k], claims[2 * k + 1]) for k in range(len(rows))]
    x = np.asarray([statement_features(a, b, settings) for a, b in pairs])
    y = np.asarray([1.0 if gold else 0.0 for gold, _, _ in rows])
    return pairs, x, y


def fit_statements(x: Array, y: Array, names: Sequence[str]) -> combiner.Combiner:
    """Fit the statement combiner; embedding dimensions are shrunk much harder."""
    penalty = np.asarray([EMBEDDING_L2 if n.startswith("emb_") else STATEMENT_L2 for n in names])
    return combiner.fit(x, y, names, l2=penalty)


def statement_cv(
    pairs: Sequence[tuple[Claim, Claim]],
    x: Array,
    y: Array,
    names: Sequence[str],
    settings: Settings,
    folds: int = 5,
) -> tuple[float, float]:
    """Accuracy and F1 of match_statements' decision under k-fold cross-validation."""
    from claimdiff.evaluate import binary_scores
    from claimdiff.model import Label

    columns = [STATEMENT_FEATURES.index(n) for n in names]
    fold_of = np.arange(len(y)) % folds
    guesses = [False] * len(y)
    for fold in range(folds):
        model = fit_statements(x[fold_of != fold][:, columns], y[fold_of != fold], names)
        for k in np.flatnonzero(fold_of == fold):
            a, b = pairs[int(k)]
            match = match_claims(a, b, settings, model=model, features=list(x[int(k)]))
            guesses[k] = match.linked and match.label is not Label.CONFLICT
    return binary_scores([bool(v) for v in y], guesses)


def save_weights(models: dict[str, combiner.Combiner], note: dict[str, object]) -> Path:
    """Write the shipped combiners."""
    path = DATA / combiner.WEIGHTS_FILE
    combiner.save(models, path, note)
    combiner.shipped.cache_clear()
    return path


def save_idf(table: dict[str, float], source: str) -> Path:
    """Write the shipped IDF table."""
    path = DATA / "idf.json"
    payload = {"source": source, "idf": dict(sorted(table.items()))}
    path.write_text(json.dumps(payload, separators=(",", ":")) + "\n", encoding="utf-8")
    from claimdiff.features import idf_table

    idf_table.cache_clear()
    return path


def fit_all(
    pairs: Sequence[Prepared], rows: Sequence[tuple[bool, str, str]], settings: Settings
) -> dict[str, object]:
    """Fit and ship every combiner; return the cross-validated figures."""
    from claimdiff.statement import EMBEDDING_BASED

    data = [pair_examples(p, settings) for p in pairs]
    lexical_pairs = tuple(
        n for n in PAIR_NAMES if n not in EMBEDDING_FEATURES and n not in {"clause_embedding"}
    )
    models = {"pairs": fit_pairs(data, PAIR_NAMES), "pairs_lexical": fit_pairs(data, lexical_pairs)}
    figures: dict[str, object] = {
        "pairs_leave_one_out": _figures(leave_one_out(pairs, data, PAIR_NAMES, settings)[-1]),
    }
    if rows:
        statements, x, y = statement_data(rows, settings)
        lexical = tuple(n for n in STATEMENT_FEATURES if n not in EMBEDDING_BASED)
        models["statements"] = fit_statements(x, y, STATEMENT_FEATURES)
        models["statements_lexical"] = fit_statements(
            x[:, [STATEMENT_FEATURES.index(n) for n in lexical]], y, lexical
        )
        accuracy, f1 = statement_cv(statements, x, y, STATEMENT_FEATURES, settings)
        figures["mrpc_cv5"] = {"accuracy": round(accuracy, 4), "f1": round(f1, 4)}
    note = {"pairs": [p.gold.name for p in pairs], "mrpc_rows": len(rows), **figures}
    save_weights(models, note)
    return figures


def ablation(
    pairs: Sequence[Prepared], settings: Settings
) -> list[tuple[str, PairScore, PairScore]]:
    """Leave-one-pair-out and in-sample totals with each feature removed in turn."""
    data = [pair_examples(p, settings) for p in pairs]
    rows = []
    for dropped in ("none", *PAIR_NAMES):
        names = tuple(n for n in PAIR_NAMES if n != dropped)
        loo = leave_one_out(pairs, data, names, settings)[-1]
        fitted = in_sample(pairs, data, fit_pairs(data, names), settings)[-1]
        rows.append((dropped, loo, fitted))
    model = fit_pairs(data, PAIR_NAMES)
    for rule, changed in _rule_variants(settings):
        loo = leave_one_out(pairs, data, PAIR_NAMES, changed)[-1]
        rows.append((rule, loo, in_sample(pairs, data, model, changed)[-1]))
    return rows


def _rule_variants(settings: Settings) -> list[tuple[str, Settings]]:
    """Linking rules switched off through their settings, for the ablation table."""
    no_mutual = replace(settings, mutual_link_threshold=settings.link_threshold)
    round_one = replace(settings, link_threshold=0.2, mutual_link_threshold=0.2)
    return [
        ("rule: mutual best", no_mutual),
        ("rule: mutual best, thresholds of round 1 (0.2)", round_one),
    ]


def _figures(total: PairScore) -> dict[str, float]:
    return {
        "precision": round(total.precision, 4),
        "recall": round(total.recall, 4),
        "f1": round(total.f1, 4),
        "label_accuracy": round(total.label_accuracy, 4),
        "conflict_recall": round(total.conflict_recall, 4),
    }
