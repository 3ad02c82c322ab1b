"""Benchmark inputs made from the dev pairs, the seeds and MRPC, varied but reproducible."""

from __future__ import annotations

import csv
import os
import random
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

# Names put in place of proper nouns: people, places and organisations of many origins.
NAMES = (
    "Okafor",
    "Lindqvist",
    "Tanaka",
    "Moreau",
    "Kowalski",
    "Haddad",
    "Ferreira",
    "Nakamura",
    "Osei",
    "Petrov",
    "Castillo",
    "Brennan",
    "Albrecht",
    "Sato",
    "Mensah",
    "Ivanova",
    "Delgado",
    "Novak",
    "Quispe",
    "Abiodun",
    "Marseille",
    "Tromso",
    "Oaxaca",
    "Kisumu",
    "Gdansk",
    "Valparaiso",
    "Tbilisi",
    "Mombasa",
    "Hokkaido",
    "Leipzig",
    "Cordoba",
    "Tampere",
    "Arusha",
    "Sfax",
    "Halden",
    "Meridian",
    "Northgate",
    "Caldera",
    "Vantage",
    "Helix",
    "Corvus",
    "Solano",
    "Brightwater",
    "Redfield",
)
_PROPER = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]{2,}\b")
_NUMBER = re.compile(r"(?<![\d-])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d.-])\d+(?:\.\d+)?(?![\d-])")
_HEADER = re.compile(r"^ date (\d{4})-(\d{2})-(\d{2}) ")


@dataclass(frozen=True)
class Article:
    """One generated article: a file name and its text."""

    name: str
    text: str


def data_dir() -> Path | None:
    """The shared dev data (``$CLAIMDIFF_DEV_DATA`` or ``shared/data`` beside the checkout)."""
    for candidate in (os.environ.get("CLAIMDIFF_DEV_DATA"), ROOT.parent / "shared" / "data"):
        if candidate and (Path(candidate) / "pairs").is_dir():
            return Path(candidate)
    return None


def base_articles() -> list[Article]:
    """The dev pairs' articles and the seeds (only the seeds when the dev data is absent)."""
    found = []
    data = data_dir()
    if data is not None:
        for pair in sorted((data / "pairs").iterdir()):
            for side in ("a", "b"):
                path = pair / f"{side}.txt"
                if path.is_file():
                    found.append(Article(f"{pair.name}-{side}", path.read_text(encoding="utf-8")))
    found += [Article(p.stem, p.read_text(encoding="utf-8")) for p in SEEDS]
    return found


def _vary_number(match: re.Match[str], rng: random.Random) -> str:
    raw = match.group(0)
    value = float(raw.replace(",", ""))
    if raw.isdigit() and 1900 <= value <= 2100:
        return raw  # a year: changing it would break the dateline arithmetic
    new = value * rng.choice((0.5, 0.8, 1.25, 1.5, 2.0, 3.0))
    if "." in raw:
        return f"{new:.{len(raw.split('.')[1])}f}"
    return f"{round(new):,}" if "," in raw else str(max(1, round(new)))


def vary(article: Article, variant: int) -> Article:
    """Variant 0 is the article itself; others swap proper nouns, numbers and the date."""
    if variant == 0:
        return article
    rng = random.Random(f"{article.name}:{variant}")
    nouns = sorted(set(_PROPER.findall(article.text)))
    swap = {noun: rng.choice(NAMES) for noun in nouns if rng.random() < 0.5}
    text = _PROPER.sub(lambda m: swap.get(m.group(0), m.group(0)), article.text)
    head = _HEADER.match(text)
    body = text[head.end() :] if head else text
    body = _NUMBER.sub(lambda m: _vary_number(m, rng), body)
    if head:
        day = (int(head.group(3)) + variant) % 28 + 1
        body = f" date {head.group(1)}-{head.group(2)}-{day:02d} {body}"
    return Article(f"{article.name}-v{variant}", body)


def corpus(size: int) -> list[Article]:
    """``size`` articles: the base articles, then rounds of variants of each."""
    bases = base_articles()
    return [vary(bases[i % len(bases)], i // len(bases)) for i in range(size)]


def write(articles: list[Article], folder: Path) -> list[Path]:
    """Write articles as .txt files and return their paths, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, article in enumerate(articles):
        path = folder / f"{index:03d}-{article.name}.txt"
        path.write_text(article.text, encoding="utf-8")
        paths.append(path)
    return paths


@cache
def mrpc_pairs() -> tuple[tuple[str, str], ...]:
    """MRPC train sentence pairs (both strings), deduplicated; () when absent."""
    data = data_dir()
    path = data / "mrpc" / "train.tsv" if data else None
    if path is None or not path.is_file():
        return ()
    seen: set[str] = set()
    pairs = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            a, b = row["#1 String"].strip(), row["#2 String"].strip()
            if a and b and a not in seen and b not in seen:
                seen.update((a, b))
                pairs.append((a, b))
    return tuple(pairs)


def _sentences(text: str) -> list[str]:
    body = _HEADER.sub("", text)
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", body) if len(s.strip()) > 30]


def _fresh(sentences: list[str], seen: set[str]) -> list[str]:
    new = [s for s in dict.fromkeys(sentences) if s not in seen]
    seen.update(new)
    return new


def alignment_sides(size: int) -> tuple[list[str], list[str]]:
    """Two lists of ``size`` sentences each, where many sentences have a counterpart.

    MRPC pairs come first (side A gets one string, side B the other, B shuffled);
    beyond them, varied article sentences fill both sides, each side its own variants.
    No sentence appears twice on one side.
    """
    rng = random.Random(size)
    pairs = list(mrpc_pairs()[:size])
    a, b = [p[0] for p in pairs], [p[1] for p in pairs]
    variant = 1
    bases = base_articles()
    seen_a, seen_b = set(a), set(b)
    while len(a) < size or len(b) < size:
        if variant > 200:
            raise RuntimeError(f"cannot make {size} distinct sentences from the dev data")
        for article in bases:
            a += _fresh(_sentences(vary(article, variant).text), seen_a)
            b += _fresh(_sentences(vary(article, variant + 1).text), seen_b)
        variant += 2
    a, b = a[:size], b[:size]
    rng.shuffle(b)
    return a, b
