"""Tunable thresholds of the matcher, with sound defaults."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace


@dataclass(frozen=True)
class Settings:
    """Thresholds that decide which claims link and how links are labelled.

    Every value is a setting rather than a constant so that analysts can make
    the matcher stricter or looser per comparison (``--set link_threshold=0.6``).
    """

    link_threshold: float = 0.55
    """Lowest combined score (0..1) at which two claims are linked."""

    candidate_threshold: float = 0.25
    """Lowest lexical score at which a pair is scored in full at all."""

    max_links_per_claim: int = 3
    """A claim may link to several claims, but never to more than this many."""

    secondary_margin: float = 0.15
    """Extra links of a claim must score within this margin of its best link."""

    def as_dict(self) -> dict[str, float]:
        """Return the settings as a plain mapping, for storage and reports."""
        return {key: float(value) for key, value in asdict(self).items()}

    def with_overrides(self, overrides: dict[str, str]) -> Settings:
        """Return a copy with ``name=value`` overrides applied (values as text)."""
        known = {f.name: f.type for f in fields(self)}
        changes: dict[str, float | int] = {}
        for name, raw in overrides.items():
            if name not in known:
                raise KeyError(name)
            current = getattr(self, name)
            changes[name] = int(raw) if isinstance(current, int) else float(raw)
        return replace(self, **changes)
