"""Label each link agree, partial or conflict, with typed reasons in plain words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from claimdiff.align import Candidate
from claimdiff.features import profile
from claimdiff.model import Claim, Document, Label, Link, Reason, ReasonKind
from claimdiff.settings import Settings
from claimdiff.slots import (
    Amount,
    amounts,
    canonical,
    casualty_claim,
    consistent,
    entity_lists,
    name_entities,
)


@dataclass(frozen=True)
class Finding:
    """A reason and how much it weighs: CONFLICT, or PARTIAL for a detail."""

    reason: Reason
    weight: Label


def _join(items: Sequence[str]) -> str:
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _by_unit(found: list[Amount]) -> dict[str, list[Amount]]:
    grouped: dict[str, list[Amount]] = {}
    for item in found:
        if item.unit:
            grouped.setdefault(item.unit, []).append(item)
    return grouped


def number_findings(a: Claim, b: Claim, names: tuple[str, str]) -> list[Finding]:
    """Different numbers for the same quantity conflict; a number on one side is a detail."""
    ua, ub = _by_unit(amounts(a)), _by_unit(amounts(b))
    findings = []
    for unit in sorted(ua.keys() & ub.keys()):
        if not any(consistent(x, y) for x in ua[unit] for y in ub[unit]):
            ta, tb = _join([x.text for x in ua[unit]]), _join([y.text for y in ub[unit]])
            text = f"{names[0]} says {ta}; {names[1]} says {tb}."
            findings.append(Finding(Reason(ReasonKind.NUMBER, ta, tb, text), Label.CONFLICT))
    for side, (mine, theirs) in enumerate(((ua, ub), (ub, ua))):
        only = [x.text for unit in sorted(mine.keys() - theirs.keys()) for x in mine[unit]]
        if only:
            values = ("", _join(only)) if side else (_join(only), "")
            text = f"Only {names[side]} gives {_join(only)}."
            findings.append(Finding(Reason(ReasonKind.NUMBER, *values, text), Label.PARTIAL))
    return findings


def casualty_findings(a: Claim, b: Claim, names: tuple[str, str]) -> list[Finding]:
    """"No casualties" on one side against a death or injury count on the other."""
    ca, cb = casualty_claim(a), casualty_claim(b)
    if {ca, cb} != {"none", "some"}:
        return []
    none_side = 0 if ca == "none" else 1
    some_side = 1 - none_side
    text = (
        f"{names[none_side]} reports no casualties; "
        f"{names[some_side]} reports people killed or hurt."
    )
    values = ("no casualties", "casualties") if none_side == 0 else ("casualties", "no casualties")
    return [Finding(Reason(ReasonKind.NUMBER, *values, text), Label.CONFLICT)]


def date_findings(a: Claim, b: Claim, names: tuple[str, str]) -> list[Finding]:
    """Resolved dates that cannot be the same day conflict ("Tuesday" = "April 11" agree)."""
    da = {d.value for d in a.dates if d.value is not None and d.granularity == "day"}
    db = {d.value for d in b.dates if d.value is not None and d.granularity == "day"}
    if not da or not db or da & db:
        return []
    ta = _join([d.text for d in a.dates if d.value in da])
    tb = _join([d.text for d in b.dates if d.value in db])
    when = (_join([f"{v:%B} {v.day}" for v in sorted(da)]),
            _join([f"{v:%B} {v.day}" for v in sorted(db)]))
    text = f"{names[0]} dates it {ta} ({when[0]}); {names[1]} {tb} ({when[1]})."
    return [Finding(Reason(ReasonKind.DATE, ta, tb, text), Label.CONFLICT)]


def entity_findings(a: Claim, b: Claim, names: tuple[str, str]) -> list[Finding]:
    """Lists of names that overlap but differ conflict: "Iran and North Korea" vs "Russia and Iran"."""
    findings = []
    for la in entity_lists(a):
        for lb in entity_lists(b):
            ka, kb = {canonical(e) for e in la}, {canonical(e) for e in lb}
            if ka & kb and not (ka <= kb or kb <= ka):
                ta = _join([e.text for e in la])
                tb = _join([e.text for e in lb])
                text = f"{names[0]} says {ta}; {names[1]} says {tb}."
                findings.append(Finding(Reason(ReasonKind.ENTITY, ta, tb, text), Label.CONFLICT))
    if findings:
        return findings
    ka = {canonical(e): e.text for e in name_entities(a)}
    kb = {canonical(e): e.text for e in name_entities(b)}
    for side, (mine, theirs) in enumerate(((ka, kb), (kb, ka))):
        only = [mine[k] for k in mine if k not in theirs and not _mentioned(k, theirs)]
        if only:
            values = ("", _join(only)) if side else (_join(only), "")
            text = f"Only {names[side]} names {_join(only)}."
            findings.append(Finding(Reason(ReasonKind.ENTITY, *values, text), Label.PARTIAL))
    return findings


def _mentioned(key: str, others: dict[str, str]) -> bool:
    """"Lang" and "Miabek Lang" name the same person."""
    return any(key in other.split() or other in key.split() for other in others)


def voice_findings(a: Claim, b: Claim, names: tuple[str, str]) -> list[Finding]:
    """Speakers, negation, modality and quotes."""
    findings = []
    if a.speaker and b.speaker and not _same_speaker(a.speaker, b.speaker):
        same_quote = bool(a.quotes and b.quotes) and _quotes_match(a.quotes, b.quotes)
        text = f"{names[0]} attributes it to {a.speaker}; {names[1]} to {b.speaker}."
        weight = Label.CONFLICT if same_quote else Label.PARTIAL
        findings.append(Finding(Reason(ReasonKind.SPEAKER, a.speaker, b.speaker, text), weight))
    if a.negated != b.negated:
        neg, pos = (0, 1) if a.negated else (1, 0)
        text = f"{names[neg]} says it did not happen; {names[pos]} says it did."
        values = ("negated", "affirmed") if neg == 0 else ("affirmed", "negated")
        findings.append(Finding(Reason(ReasonKind.NEGATION, *values, text), Label.CONFLICT))
    if (a.modality or None) != (b.modality or None):
        ma, mb = a.modality or "stated as fact", b.modality or "stated as fact"
        text = f"{names[0]} words it as {ma}; {names[1]} as {mb}."
        findings.append(Finding(Reason(ReasonKind.MODALITY, ma, mb, text), Label.PARTIAL))
    if a.quotes and b.quotes and not _quotes_match(a.quotes, b.quotes):
        qa, qb = a.quotes[0], b.quotes[0]
        text = f'{names[0]} quotes "{qa}"; {names[1]} quotes "{qb}".'
        findings.append(Finding(Reason(ReasonKind.QUOTE, qa, qb, text), Label.PARTIAL))
    return findings


def _same_speaker(x: str, y: str) -> bool:
    wx, wy = set(x.lower().replace("'s", "").split()), set(y.lower().replace("'s", "").split())
    generic = {"a", "an", "the", "said", "says", "spokesman", "spokeswoman", "official", "he", "she"}
    return bool((wx & wy) - generic) or not (wx - generic) or not (wy - generic)


def _quotes_match(qa: Sequence[str], qb: Sequence[str]) -> bool:
    return any(fuzz.token_set_ratio(x, y) >= 85 for x in qa for y in qb)


CHECKS = (number_findings, casualty_findings, date_findings, entity_findings, voice_findings)


def findings(a: Claim, b: Claim, names: tuple[str, str] = ("One source", "the other")) -> list[Finding]:
    """Every difference between two claims that report the same thing."""
    found: list[Finding] = []
    for check in CHECKS:
        found.extend(check(a, b, names))
    return found


def contradicts(a: Claim, b: Claim) -> bool:
    """Whether two claims give different values for the same quantity, or deny a toll."""
    checks = (number_findings, casualty_findings)
    names = ("", "")
    return any(f.weight is Label.CONFLICT for check in checks for f in check(a, b, names))


def decide(found: Sequence[Finding], a: Claim, b: Claim, settings: Settings) -> Label:
    """Conflict if anything contradicts; agree if nothing differs and the content matches."""
    if any(f.weight is Label.CONFLICT for f in found):
        return Label.CONFLICT
    if any(f.weight is Label.PARTIAL and _counts(f, a, b) for f in found):
        return Label.PARTIAL
    pa, pb = profile(a), profile(b)
    shared = pa.words & pb.words
    covered = [
        sum(p.weights[w] for w in shared) / (sum(p.weights.values()) or 1.0) for p in (pa, pb)
    ]
    return Label.AGREE if max(covered) >= settings.agree_cover else Label.PARTIAL


def _counts(finding: Finding, a: Claim, b: Claim) -> bool:
    """A one-sided name or number makes a link partial only if the shorter claim holds it."""
    if finding.reason.kind not in (ReasonKind.ENTITY, ReasonKind.NUMBER):
        return True
    shorter_is_a = len(a.text) <= len(b.text)
    return bool(finding.reason.a if shorter_is_a else finding.reason.b)


def source_names(documents: Sequence[Document] | None, a: Claim, b: Claim) -> tuple[str, str]:
    """Names for reason text: the documents' sources, or neutral words."""
    if documents is not None:
        by_id = {d.id: d for d in documents}
        da, db = by_id.get(a.document), by_id.get(b.document)
        if da and db and da.source and db.source and da.source != db.source:
            return da.source, db.source
    return "One source", "the other"


def classify(
    candidate: Candidate,
    a: Claim,
    b: Claim,
    *,
    documents: Sequence[Document] | None = None,
    settings: Settings | None = None,
) -> Link:
    """Turn a scored candidate pair into a labelled link with its reasons."""
    found = findings(a, b, source_names(documents, a, b))
    label = decide(found, a, b, settings or Settings())
    shown = [f.reason for f in found if label is not Label.AGREE or f.weight is Label.CONFLICT]
    return Link(candidate.a, candidate.b, label, round(candidate.score, 4), tuple(shown))
