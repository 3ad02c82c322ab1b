"""Pairwise features of two claims: lexical overlap, slot agreement, embeddings."""

from __future__ import annotations

import itertools
import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz

from claimdiff.extract.units import CARDINAL_WORDS, plain_number
from claimdiff.memo import per_object, registered
from claimdiff.model import Claim

Vector = npt.NDArray[np.float64]

PAIR_FEATURES = (
    "fuzz_set",
    "fuzz_sort",
    "idf_cosine",
    "idf_cover",
    "entity_share",
    "entity_clash",
    "number_share",
    "number_clash",
    "embedding",
    "length_ratio",
    "clause_idf",
    "clause_embedding",
    "unit_share",
    "casualty_both",
    "event_share",
    "bigram_share",
    "date_share",
)
"""Features of a pair on its own; ``match_statements`` uses only these."""

CONTEXT_FEATURES = ("idf_margin", "embedding_margin", "clause_margin")
"""How far a pair falls short of the best pair of either claim (0 for the best)."""

_STOPWORD_LIST = (
    "a an the and or but of to in on at by for with from as is are was were be been being has "
    "have had do does did this that these those it its he she they them his her their we our "
    "you your i me my which who whom whose what when where while would will shall should can "
    "could may might must not no so than then there here also about into over after before "
    "said say says told tell -pron- s 's"
)
STOPWORDS = frozenset(_STOPWORD_LIST.split())
"""Function words, reporting verbs and lemma debris: never content."""
_WORD = re.compile(r"[^\W_]+(?:['\u2019.-][^\W_]+)*", re.UNICODE)
WORD_PATTERN = _WORD
"""A word as the features count it (letters or digits, inner apostrophes and hyphens)."""
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")
_NUMBER_WORDS = {word: float(value) for value, word in enumerate(CARDINAL_WORDS[:13])}
_COUNTED_WORDS = frozenset(_NUMBER_WORDS) - {"one", "zero"}
"""Number words counted as numbers ("one" and "zero" are mostly not figures)."""
_NUMBER_WORD_HINT = re.compile("|".join(sorted(_COUNTED_WORDS)))
_CLAUSE_BREAK = re.compile(
    r"[;:()\u2014]|,\s+|\s+(?:and|but|while|after|before|when|whereas|although|then)\s+|"
    r"\s+-{1,2}\s+|[\"\u201c\u201d]",
    re.IGNORECASE,
)
_MIN_SEGMENT_WORDS = 4
_DEFAULT_IDF = 9.0
"""IDF of a word never seen in the reference corpus when the table names none: rare, so
informative."""


@dataclass(frozen=True)
class Profile:
    """What the features need from one claim, computed once."""

    text: str
    key: str
    words: frozenset[str]
    weights: dict[str, float]
    norm: float
    entities: frozenset[str]
    numbers: frozenset[float]
    segments: tuple[Segment, ...]
    units: frozenset[str]
    casualties: bool
    events: frozenset[str]
    persons: frozenset[str]
    bigrams: frozenset[str] = frozenset()
    """Neighbouring content lemmas, "mental illness", "pet collie": a phrase both claims use."""
    days: frozenset[float] = frozenset()
    """The days (as ordinals) on which what the claim tells happened: "went down Friday
    evening" and "crashed ... on Friday" meet; the day a thing was said is left out."""


@dataclass(frozen=True)
class Segment:
    """A clause-sized piece of a claim, so part of one sentence can meet part of another."""

    text: str
    weights: dict[str, float]
    norm: float


@lru_cache(maxsize=1)
def idf_table() -> dict[str, float]:
    """Inverse document frequencies of lemmas in news text (shipped as package data)."""
    path = resources.files("claimdiff") / "data" / "idf.json"
    try:
        table: dict[str, float] = json.loads(path.read_text(encoding="utf-8"))["idf"]
    except FileNotFoundError:
        return {}
    return table


@lru_cache(maxsize=1)
def idf_default() -> float:
    """IDF of a word missing from the table: the table's ceiling, as it is rarer than all."""
    path = resources.files("claimdiff") / "data" / "idf.json"
    try:
        return float(json.loads(path.read_text(encoding="utf-8")).get("default", _DEFAULT_IDF))
    except FileNotFoundError:
        return _DEFAULT_IDF


def tokens(claim: Claim) -> list[str]:
    """Content lemmas of a claim; plain lower-cased words when no lemmas were made."""
    raw = list(claim.lemmas) or [w.lower() for w in _WORD.findall(claim.text)]
    if not all(w.isascii() for w in raw):
        from claimdiff.slots import unaccented

        raw = [unaccented(w) for w in raw]  # "Chérif" meets "Cherif", "Teresópolis" its kin
    # isalnum() first: it settles almost every word in C, the any() only the rest ("u.s.").
    return [w for w in raw if w not in STOPWORDS and (w.isalnum() or any(ch.isalnum() for ch in w))]


@per_object
def numbers_in(claim: Claim) -> frozenset[float]:
    """Numbers stated in a claim: its quantity slots, and the numbers in its text.

    Numbers inside a name ("Group of Seven") or a date ("April 11") are left out.
    """
    from claimdiff.slots import name_spans

    found = {round(q.value, 3) for q in claim.quantities}
    figures = list(_NUMBER.finditer(claim.text))
    lowered = claim.text.lower()
    # Most claims hold no number word: a single search rules them out, where a
    # look at every word would be the costliest part of a claim's profile.
    spelled = _NUMBER_WORD_HINT.search(lowered) is not None
    if not figures and not spelled:
        return frozenset(found)
    skip = name_spans(claim) + [(d.start - claim.start, d.end - claim.start) for d in claim.dates]
    for match in figures:
        if any(start <= match.start() < end for start, end in skip):
            continue
        try:
            found.add(round(float(plain_number(match.group(0))), 3))
        except ValueError:
            continue
    for match in _WORD.finditer(lowered) if spelled else ():
        word = match.group(0)
        if word in _COUNTED_WORDS and not any(start <= match.start() < end for start, end in skip):
            found.add(_NUMBER_WORDS[word])
    return frozenset(found)


def _weigh(words: Sequence[str]) -> tuple[dict[str, float], float]:
    idf = idf_table()
    default = idf_default()
    # In sorted order, not a set's: sums over the weights then come out the same to the
    # last bit in every run (a set's order varies with the hash seed), and so do ties.
    weights = {w: idf.get(w, default) for w in sorted(set(words))}
    return weights, math.sqrt(sum(v * v for v in weights.values())) or 1.0


def segments(text: str) -> list[str]:
    """Split a claim at clause boundaries, keeping pieces of at least three words."""
    pieces = [p.strip() for p in _CLAUSE_BREAK.split(text) if p and p.strip()]
    merged: list[str] = []
    for piece in pieces:
        if merged and len(_WORD.findall(merged[-1])) < _MIN_SEGMENT_WORDS:
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    if len(merged) > 1 and len(_WORD.findall(merged[-1])) < _MIN_SEGMENT_WORDS:
        tail = merged.pop()
        merged[-1] = f"{merged[-1]} {tail}"
    return merged or [text]


@per_object
def profile(claim: Claim) -> Profile:
    """Compute the per-claim data every pairwise feature draws on."""
    from claimdiff.events import WEAK_CLASSES, event_classes, persons
    from claimdiff.slots import amounts, casualty_claim

    words = tokens(claim)
    weights, norm = _weigh(words)
    parts = [Segment(piece, *_stem_weights(piece)) for piece in segments(claim.text)]
    return Profile(
        text=claim.text,
        key=" ".join(words),
        words=frozenset(words),
        weights=weights,
        norm=norm,
        entities=frozenset(e.canonical.lower() for e in claim.entities),
        numbers=numbers_in(claim),
        segments=tuple(parts),
        units=frozenset(a.unit for a in amounts(claim) if a.unit),
        casualties=casualty_claim(claim) is not None,
        events=event_classes(claim) - WEAK_CLASSES,
        persons=frozenset(e.canonical.lower() for e in persons(claim)),
        bigrams=lemma_bigrams(words, claim.text),
        days=frozenset(
            float(d.value.toordinal())
            for d in claim.dates
            if d.value and d.granularity == "day" and not d.said
        ),
    )


_ACRONYM = re.compile(r"(?<![\w.])[A-Z]{2,6}(?![\w.])")
"""An acronym as a report writes it: "NTSB", "UPS" (not "U.S.", which names resolve)."""
_NAME_LINKS = frozenset({"of", "for", "and", "the", "on", "de", "du", "des", "la", "&"})
"""Words a name's initials skip: "Banque Nationale de Paris" is "BNP"."""
_COMPANY_ENDINGS = frozenset({"inc", "ltd", "corp", "co", "plc", "llc", "ag", "sa", "nv"})
"""The legal form after a company's name, which its initials leave out."""
_NOT_SPELLED = frozenset(
    {"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
)
"""Entities whose initials are no acronym an outlet would write for them."""


def names_by_initials(claims: Sequence[Claim]) -> dict[str, tuple[tuple[str, ...], int]]:
    """The names of several words in some claims, by their initials, as content lemmas,
    with the number of claims that spell each out: "National Transportation Safety Board"
    gives "NTSB"."""
    found: dict[str, tuple[tuple[str, ...], int]] = {}
    for claim in claims:
        seen: set[str] = set()
        for entity in claim.entities:
            if entity.label in _NOT_SPELLED:
                continue
            # as written: a report's resolver may give its "AMD" the name it spells elsewhere
            words = [w for w in _WORD.findall(entity.text) if w.lower() not in _NAME_LINKS]
            if words and words[-1].lower() in _COMPANY_ENDINGS:
                words.pop()  # "United Parcel Service Inc." is "UPS"
            if len(words) < 2 or not all(w[0].isupper() for w in words):
                continue
            initials = "".join(w[0] for w in words)
            if len(initials) > 6 or initials in seen:
                continue
            seen.add(initials)
            if initials in found:
                name, count = found[initials]
                found[initials] = (name, count + 1)
                continue
            lemmas = set(claim.lemmas)
            # the claim's own lemma where the parser made one ("Services" -> "service")
            name = tuple(
                next((m for m in (w.lower(), w.lower().rstrip("s")) if m in lemmas), w.lower())
                for w in words
            )
            found[initials] = (name, 1)
    return found


def bridged_profiles(claims: Sequence[Claim], other: Sequence[Claim]) -> list[Profile]:
    """The profiles of one side's claims, each acronym followed by the words of the name
    the other side spells out with those initials, so that "The NTSB and FAA are
    investigating" meets "The National Transportation Safety Board is continuing to
    investigate". A report defines its own acronyms ("(TMC)") when it is extracted;
    this reads the ones it leaves to its reader, against the names another report uses.
    """
    spelled = names_by_initials(other)
    profiles = [profile(c) for c in claims]
    if not spelled:
        return profiles
    # An acronym the other side writes more often than it spells the name meets itself
    # there: "UPS" against a report that names "United Parcel Service" once, in its lead
    written = Counter(x for claim in other for x in acronyms(claim))
    for initials in [x for x, n in written.items() if x in spelled and n > spelled[x][1]]:
        del spelled[initials]
    for index, claim in enumerate(claims):
        found = {x: spelled[x][0] for x in acronyms(claim) if x in spelled}
        if found:
            profiles[index] = _spelled_out(profiles[index], found)
    return profiles


@per_object  # read for each side twice: as the claims bridged and as the other side
def acronyms(claim: Claim) -> frozenset[str]:
    """The acronyms a claim writes ("NTSB", "FAA")."""
    return frozenset(_ACRONYM.findall(claim.text))


def _spelled_out(own: Profile, found: dict[str, tuple[str, ...]]) -> Profile:
    """A profile with the words of each acronym's name after the acronym's own lemma."""
    words = own.key.split()
    extended: list[str] = []
    for word in words:
        extended.append(word)
        name = found.get(word.upper(), ())
        extended.extend(w for w in name if w not in own.words and w not in STOPWORDS)
    if len(extended) == len(words):
        return own  # the claim spells the name out itself
    weights, norm = _weigh(extended)
    return replace(
        own,
        key=" ".join(extended),
        words=frozenset(extended),
        weights=weights,
        norm=norm,
        bigrams=own.bigrams | lemma_bigrams(extended, own.text),
    )


def lemma_bigrams(words: Sequence[str], text: str) -> frozenset[str]:
    """Neighbouring content lemmas of a claim, as cut and with hyphenated words joined.

    The parser cuts "co-ordinated" into "co" and "ordinated". Both readings are kept:
    joined, "clear co-ordinated message" shares two bigrams with "clear and coordinated
    message"; cut, "low-power chips" still meets "low power chips". Only a word of two
    pieces is joined.
    """
    pieces = {
        tuple(part for part in word.split("-") if part)
        for word in _WORD.findall(text.lower())
        if "-" in word
    }
    joined: list[str] = []
    for word in words:
        if joined and (joined[-1], word) in pieces:
            joined[-1] += word
        else:
            joined.append(word)
    return frozenset(f"{x} {y}" for seq in (words, joined) for x, y in itertools.pairwise(seq))


def _stem_weights(text: str) -> tuple[dict[str, float], float]:
    """IDF weights of a clause's words, keyed by a crude stem ("heard screams" ~ "scream")."""
    weights: dict[str, float] = {}
    for word in _WORD.findall(text.lower()):
        term = _CLAUSE_TERMS.get(word, _UNSEEN)
        if term is _UNSEEN:
            if len(_CLAUSE_TERMS) >= _TERMS_LIMIT:  # a long session's vocabulary: start over
                _CLAUSE_TERMS.clear()
            term = _CLAUSE_TERMS[word] = _clause_term(word)
        if term is not None:
            weights[term[0]] = term[1]
    return weights, math.sqrt(sum(v * v for v in weights.values())) or 1.0


_CLAUSE_TERMS: dict[str, tuple[str, float] | None] = registered({})
"""Each word's (stem, IDF), None for a stopword: looked up once per word, not per clause."""
_UNSEEN = ("", 0.0)
_TERMS_LIMIT = 200_000


def _clause_term(word: str) -> tuple[str, float] | None:
    if word in STOPWORDS:
        return None
    return _stem(word), idf_table().get(word, idf_default())


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def word_stem(word: str) -> str:
    """One key for a word's forms: "sentenced", "sentencing" and "sentence" give "sentenc"."""
    stem = _stem(word)
    return stem[:-1] if stem.endswith("e") and len(stem) > 4 else stem


def idf_overlap(a: Profile, b: Profile) -> tuple[float, float]:
    """IDF-weighted cosine, and the share of the shorter claim's weight found in the other."""
    shared = a.words & b.words
    if not shared:
        return 0.0, 0.0
    dot = sum(a.weights[w] ** 2 for w in shared)
    mass = sum(a.weights[w] for w in shared)
    smaller = min(sum(a.weights.values()), sum(b.weights.values())) or 1.0
    return dot / (a.norm * b.norm), min(1.0, mass / smaller)


def clause_overlap(a: Profile, b: Profile) -> float:
    """The best IDF cosine between a clause of one claim and a clause of the other."""
    best = 0.0
    for x in a.segments:
        for y in b.segments:
            shared = x.weights.keys() & y.weights.keys()
            if shared:
                best = max(best, sum(x.weights[w] ** 2 for w in shared) / (x.norm * y.norm))
    return best


def _share(
    x: frozenset[str] | frozenset[float], y: frozenset[str] | frozenset[float]
) -> tuple[float, float]:
    if not x or not y:
        return 0.0, 0.0
    shared = len(x & y)
    return shared / min(len(x), len(y)), float(shared == 0)


def pair_vector(
    a: Profile, b: Profile, embedding: float, clause_embedding: float | None = None
) -> list[float]:
    """The PAIR_FEATURES of one pair, in order."""
    cosine, cover = idf_overlap(a, b)
    from claimdiff.events import rename_people

    named_a = rename_people(a.entities, a.persons, b.persons)
    entity_share, entity_clash = _share(named_a, b.entities)
    number_share, number_clash = _share(a.numbers, b.numbers)
    la, lb = len(a.words) or 1, len(b.words) or 1
    return [
        fuzz.token_set_ratio(a.key, b.key) / 100.0,
        fuzz.token_sort_ratio(a.key, b.key) / 100.0,
        cosine,
        cover,
        entity_share,
        entity_clash,
        number_share,
        number_clash,
        embedding,
        min(la, lb) / max(la, lb),
        clause_overlap(a, b),
        embedding if clause_embedding is None else max(embedding, clause_embedding),
        float(bool(a.units & b.units)),
        float(a.casualties and b.casualties),
        _share(a.events, b.events)[0],
        _share(a.bigrams, b.bigrams)[0],
        float(bool(a.days & b.days)),
    ]


def pair_matrix(
    a: Sequence[Profile],
    b: Sequence[Profile],
    pairs: Sequence[tuple[int, int]],
    embeddings: npt.NDArray[np.float32] | None,
    clause_embeddings: npt.NDArray[np.float32] | None = None,
) -> Vector:
    """PAIR_FEATURES for each (i, j) in ``pairs``; the matrices are a-by-b cosines."""
    rows = [
        pair_vector(
            a[i],
            b[j],
            float(embeddings[i, j]) if embeddings is not None else 0.0,
            float(clause_embeddings[i, j]) if clause_embeddings is not None else None,
        )
        for i, j in pairs
    ]
    return np.asarray(rows, dtype=np.float64).reshape(len(pairs), len(PAIR_FEATURES))


def context_matrix(
    features: Vector, pairs: Sequence[tuple[int, int]], shape: tuple[int, int]
) -> Vector:
    """CONTEXT_FEATURES: each pair's shortfall from the best pair of its row or column."""
    out = np.zeros((len(pairs), len(CONTEXT_FEATURES)))
    if not pairs:
        return out
    rows = np.asarray([i for i, _ in pairs])
    cols = np.asarray([j for _, j in pairs])
    for k, name in enumerate(("idf_cosine", "embedding", "clause_idf")):
        column = features[:, PAIR_FEATURES.index(name)]
        row_best = np.full(shape[0], -1.0)
        col_best = np.full(shape[1], -1.0)
        np.maximum.at(row_best, rows, column)
        np.maximum.at(col_best, cols, column)
        out[:, k] = column - np.minimum(row_best[rows], col_best[cols])
    return out
