"""Fit the shipped weights and IDF table; cross-validate and ablate the matcher."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from claimdiff import combiner
from claimdiff.align import (
    BY_EVENT,
    BY_LEAD,
    BY_MOMENT,
    BY_SIBLING,
    BY_TOLL,
    Scored,
    candidates,
    link_bases,
    score,
)
from claimdiff.evaluate import PairScore, Prepared, evaluate_prepared
from claimdiff.features import CONTEXT_FEATURES, PAIR_FEATURES
from claimdiff.model import ClaimDiffError, Link
from claimdiff.settings import Settings
from claimdiff.statement import WORD_TABLE
from claimdiff.statement_fit import (
    LEXICAL_BASE,
    fit_stacked,
    statement_cv,
    statement_data,
)

DATA = Path(__file__).resolve().parent / "data"
Array = npt.NDArray[np.float64]
PAIR_NAMES = tuple(n for n in PAIR_FEATURES + CONTEXT_FEATURES if n != "casualty_both")
"""Features of the article-pair combiner. ``casualty_both`` is left out: in the ablation it
only fitted one pair's death toll and cost leave-one-pair-out F1 (docs/quality.md)."""
EMBEDDING_FEATURES = ("embedding", "embedding_margin")
L2 = 50.0
"""Penalty of the article-pair combiner: strong, since six pairs are little data."""


NEWS_WORDS = 200_000
"""How many of the most frequent English words the news IDF table is built from."""
WORDS_PER_SENTENCE = 30.0
"""Scales a word's frequency per token to its share of sentences holding it."""
IDF_CEILING = 10.0
"""Highest IDF: rarer words (names, jargon) all weigh this much, and are left out of the table."""


def idf_from_frequencies(
    frequencies: Mapping[str, float],
    *,
    per_sentence: float = WORDS_PER_SENTENCE,
    ceiling: float = IDF_CEILING,
) -> dict[str, float]:
    """IDF of words from their frequency per token in a large corpus.

    A word of frequency f is in about ``per_sentence * f`` of all sentences, so its
    IDF is ``log(1 / (per_sentence * f)) + 1`` (at least 1), the smoothed IDF of
    counted sentences. Words at the ceiling are left out: the table's
    ``default`` gives them that weight.
    """
    table = {}
    for word, frequency in frequencies.items():
        if frequency <= 0:
            continue
        value = math.log(1.0 / min(1.0, per_sentence * frequency)) + 1.0
        if value < ceiling:
            table[word] = round(value, 3)
    return table


def build_news_idf() -> dict[str, float]:
    """The shipped IDF table: word frequencies of news and web English (``wordfreq``).

    Needs the ``fit`` extra. MRPC train (11,000 sentences) was too small a sample: a
    quarter of the dev claims' words were missing from it (docs/quality.md).
    """
    try:
        from wordfreq import top_n_list, word_frequency
    except ImportError as error:
        raise ClaimDiffError(
            "building the IDF table needs wordfreq: pip install 'claimdiff[fit]'"
        ) from error
    words = top_n_list("en", NEWS_WORDS)
    return idf_from_frequencies({w: word_frequency(w, "en") for w in words})


def refresh_news_idf() -> Path:
    """Rebuild and ship the IDF table from ``wordfreq`` (``build_news_idf``)."""
    from importlib.metadata import version

    source = (
        f"wordfreq {version('wordfreq')}, English, the {NEWS_WORDS:,} most frequent words (news,"
        f" web, books, subtitles, Wikipedia): IDF = ln(1 / ({WORDS_PER_SENTENCE:g} f)) + 1 for"
        " frequency f per token; rarer words take the default (claimdiff.fitting.build_news_idf)"
    )
    return save_idf(build_news_idf(), source)


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
    from claimdiff.compare import classify

    a, b = prepared.claims
    by_id = {c.id: c for c in a + b}
    return [
        classify(c, by_id[c.a], by_id[c.b], documents=prepared.documents, settings=settings)
        for c in candidates(a, b, rescore(scored, model), settings)
    ]


def rescore(scored: Scored, model: combiner.Combiner) -> Scored:
    """The same pairs and features, with probabilities from another combiner."""
    columns = [scored.names.index(n) for n in model.features]
    probability = model.probability(scored.features[:, columns]) if scored.pairs else np.zeros(0)
    return replace(scored, probability=probability)


def evidence_counts(
    pairs: Sequence[Prepared],
    data: Sequence[tuple[Scored, Array, Array]],
    names: Sequence[str],
    settings: Settings,
) -> dict[str, list[int]]:
    """Per basis of linking other than the score: [links made, links right], leave one out.

    Each pair is scored by a combiner fitted on the others, as in ``leave_one_out``; a
    link counts when its two sentences are a gold row (secondary rows are left out).
    """
    counts: dict[str, list[int]] = {
        basis: [0, 0] for basis in (BY_EVENT, BY_SIBLING, BY_LEAD, BY_MOMENT, BY_TOLL)
    }
    for held, prepared in enumerate(pairs):
        model = fit_pairs([d for k, d in enumerate(data) if k != held], names)
        a, b = prepared.claims
        for i, j, _, basis in link_bases(a, b, rescore(data[held][0], model), settings):
            sa = prepared.sentence_of.get(a[i].id)
            sb = prepared.sentence_of.get(b[j].id)
            key = (sa[1], sb[1]) if sa and sb else None
            if basis in counts and key not in prepared.gold.secondary:
                counts[basis][0] += 1
                counts[basis][1] += int(key in prepared.gold.labels)
    return counts


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


def save_weights(
    models: dict[str, combiner.Combiner],
    note: dict[str, object],
    stacked: dict[str, combiner.Stacked] | None = None,
    tables: dict[str, dict[str, Any]] | None = None,
) -> Path:
    """Write the shipped combiners (and the stacked models' tops and tables)."""
    from claimdiff.statement import shipped_words

    path = DATA / combiner.WEIGHTS_FILE
    combiner.save(models, path, note, stacked=stacked, tables=tables)
    combiner.clear_cache()
    shipped_words.cache_clear()
    return path


def save_idf(table: dict[str, float], source: str, default: float = IDF_CEILING) -> Path:
    """Write the shipped IDF table; ``default`` is the IDF of a word missing from it."""
    from claimdiff import memo
    from claimdiff.features import idf_default, idf_table

    path = DATA / "idf.json"
    payload = {"source": source, "default": default, "idf": dict(sorted(table.items()))}
    path.write_text(json.dumps(payload, separators=(",", ":")) + "\n", encoding="utf-8")
    idf_table.cache_clear()
    idf_default.cache_clear()
    memo.clear()  # claim profiles carry IDF weights
    return path


def fit_all(
    pairs: Sequence[Prepared], rows: Sequence[tuple[bool, str, str]], settings: Settings
) -> dict[str, object]:
    """Fit and ship every combiner; return the cross-validated figures."""
    data = [pair_examples(p, settings) for p in pairs]
    lexical_pairs = tuple(
        n for n in PAIR_NAMES if n not in EMBEDDING_FEATURES and n not in {"clause_embedding"}
    )
    models = {"pairs": fit_pairs(data, PAIR_NAMES), "pairs_lexical": fit_pairs(data, lexical_pairs)}
    figures: dict[str, object] = {
        "pairs_leave_one_out": _figures(leave_one_out(pairs, data, PAIR_NAMES, settings)[-1]),
        "evidence": evidence_counts(pairs, data, PAIR_NAMES, settings),
    }
    stacked: dict[str, combiner.Stacked] = {}
    tables: dict[str, dict[str, Any]] = {}
    if rows:
        statements = statement_data(rows, settings)
        everything = np.arange(len(rows))
        stacked["statements"], table = fit_stacked(statements, everything)
        stacked["statements_lexical"], _ = fit_stacked(statements, everything, LEXICAL_BASE)
        models.update({name: model.base for name, model in stacked.items()})
        tables[WORD_TABLE] = table.as_json()
        accuracy, f1 = statement_cv(statements, settings)
        figures["mrpc_cv5"] = {"accuracy": round(accuracy, 4), "f1": round(f1, 4)}
    note = {"pairs": [p.gold.name for p in pairs], "mrpc_rows": len(rows), **figures}
    save_weights(models, note, stacked, tables)
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
    no_lead = replace(settings, lead_link_threshold=1.01)  # no probability reaches it
    return [
        ("rule: mutual best", no_mutual),
        ("rule: mutual best, thresholds of round 1 (0.2)", round_one),
        ("rule: opening statements", no_lead),
        ("rule: sure pairs", replace(settings, strong_link_threshold=1.01)),
        ("rule: one moment", replace(settings, moment_link_threshold=1.01)),
        ("rule: one toll", replace(settings, toll_link_threshold=1.01)),
    ]


def _figures(total: PairScore) -> dict[str, float]:
    return {
        "precision": round(total.precision, 4),
        "recall": round(total.recall, 4),
        "f1": round(total.f1, 4),
        "label_accuracy": round(total.label_accuracy, 4),
        "conflict_recall": round(total.conflict_recall, 4),
    }
