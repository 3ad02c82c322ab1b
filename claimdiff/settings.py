"""Tunable thresholds of the matcher, with sound defaults."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace


@dataclass(frozen=True)
class Settings:
    """Thresholds that decide which claims link and how links are labelled.

    Every value is a setting rather than a constant so that analysts can make
    the matcher stricter or looser per comparison (``--set link_threshold=0.6``).
    """

    link_threshold: float = 0.25
    """Lowest link probability (0..1) at which two claims of two articles are linked."""

    conflict_link_threshold: float = 0.01
    """Lower threshold for pairs that contradict each other about one event (a toll, a
    figure of one unit, a list of names under a shared event class): ``event_conflict``."""

    mutual_link_threshold: float = 0.08
    """Lower threshold for a pair that is the best pair of both its claims (mutual best)."""

    strong_link_threshold: float = 0.6
    """Probability at which a pair links even where each of its claims has a better pair."""

    lead_link_threshold: float = 0.05
    """Lowest probability at which the opening statements of two reports link when no
    other link joins them (``align.lead_link``); 0.1 until round 18 ("announced it was
    laying off 27,000 employees" / "plans to cut 27,000 jobs" scores 0.08)."""

    moment_link_threshold: float = 0.01
    """Lowest probability at which two claims that time one kind of event to the same
    minute link ("struck at 1353" / "hit at 1:53 p.m. local time"; ``align.SameMoment``)."""

    toll_link_threshold: float = 0.01
    """Lowest probability at which two claims that give the same count of people killed or
    hurt in one kind of event link ("killed at least six villagers" / "Six people were
    killed"; ``align.SameToll``)."""

    statement_threshold: float = 0.5
    """Lowest probability at which ``match_statements`` calls two statements linked."""

    max_links_per_claim: int = 2
    """A claim may link to several claims, but never to more than this many."""

    secondary_margin: float = 0.05
    """Extra links of a claim must score within this margin of its best link."""

    agree_cover: float = 0.75
    """A link with no differing slot is "agree" when this share of one claim's words
    (IDF-weighted) is found in the other; below it, one side adds detail: "partial"."""

    agree_cover_other: float = 0.5
    """... and when this share of the other claim's words is found in the first: a claim
    all found in a much longer one that adds the rest is "partial"."""

    exhaustive_pairs: int = 250_000
    """Documents with at most this many claim pairs are scored exhaustively, unblocked."""

    block_top_k: int = 8
    """With blocking, each claim is scored against this many claims of the other side."""

    block_max_share: float = 0.02
    """With blocking, words in more than this share of a document's claims are not keys."""

    block_max_postings: int = 100
    """With blocking, words in more than this many of a document's claims are not keys
    either: a word's pairs grow with the square of its claims, and time with them."""

    block_clause_k: int = 4
    """With blocking, each claim also meets this many claims with the most similar clause."""

    block_evidence_k: int = 48
    """With blocking, each claim also meets this many claims that may contradict it about
    one event (figures of one unit, a toll against "no casualties"), or give one of its
    figures in the same unit ("20 percent"), likeliest links first.
    All such pairs are ranked anyway; keeping 48 rather than 32 costs little and kept
    99.7-99.8% of exhaustive links at 2 x 1,000 claims (32: 99.2-99.4%)."""

    block_embed_k: int = 8
    """With blocking and embeddings, each claim also meets its this many nearest neighbours
    by sentence embedding (paraphrases share few rare words)."""

    use_embeddings: bool = True
    """Add USE sentence-embedding similarity to the lexical features."""

    embed_max_claims: int = 3000
    """Above this many claims in a document pair, skip embeddings to stay fast."""

    def as_dict(self) -> dict[str, float]:
        """Return the settings as a plain mapping, for storage and reports."""
        return {key: float(value) for key, value in asdict(self).items()}

    def with_overrides(self, overrides: dict[str, str]) -> Settings:
        """Return a copy with ``name=value`` overrides applied (values as text)."""
        known = {f.name for f in fields(self)}
        changes: dict[str, float | int | bool] = {}
        for name, raw in overrides.items():
            if name not in known:
                raise KeyError(name)
            current = getattr(self, name)
            if isinstance(current, bool):
                changes[name] = raw.strip().lower() in {"1", "true", "yes", "on"}
            elif isinstance(current, int):
                changes[name] = int(raw)
            else:
                changes[name] = float(raw)
        return replace(self, **changes)  # type: ignore[arg-type]
