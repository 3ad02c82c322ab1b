"""Label each link agree, partial or conflict, with typed reasons in plain words."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import partial

from rapidfuzz import fuzz, utils

from claimdiff.align import Candidate
from claimdiff.events import both_negative, polarity_clashes, same_predicate
from claimdiff.extract.units import HOURS, NUMBER_WORDS, PER, UNITS
from claimdiff.features import (
    STOPWORDS,
    WORD_PATTERN,
    idf_default,
    idf_table,
    profile,
    word_stem,
)
from claimdiff.figures import (
    OTHER_TIMES,
    Finding,
    ReportDays,
    casualties_opposed,
    casualty_findings,
    date_findings,
    details_of_other_times,
    join,
    number_conflicts,
    number_findings,
    time_findings,
)
from claimdiff.model import Claim, Document, Label, Link, Reason, ReasonKind
from claimdiff.names import GENERIC_WORDS, POSSESSIVE, entity_findings, same_speaker
from claimdiff.settings import Settings
from claimdiff.slots import canonical, casualty_claim, name_entities, unaccented

NEUTRAL_NAMES = ("the first source", "the second source")
"""How reasons name the sources when the documents are not known."""

ENTITY_WEIGHT = 8.0
"""IDF-like weight of a named entity in the content a link must share to agree."""


_MODAL_VERBS = frozenset({"could", "may", "might", "would", "should", "must", "can"})
_MODAL_ADVERBS = frozenset({"reportedly", "apparently", "possibly", "probably"})


def _hedged(source: str, modality: str | None) -> str:
    """How a source words a claim: 'AFP states it as fact', 'BBC hedges it with "could"'."""
    if not modality:
        return f"{source} states it as fact"
    if modality in _MODAL_VERBS or modality in _MODAL_ADVERBS:
        return f'{source} hedges it with "{modality}"'
    if modality == "scheduled":
        return f"{source} reports it as scheduled"
    return f"{source} calls it {modality}"


def voice_findings(a: Claim, b: Claim, names: tuple[str, str]) -> list[Finding]:
    """Speakers, negation, modality and quotes."""
    findings = []
    if a.speaker and b.speaker and not same_speaker(a.speaker, b.speaker):
        same_quote = _quotes_match(a.quotes, b.quotes)
        named = _named(a, a.speaker) and _named(b, b.speaker)
        said = _with_article(a, speaker_shown(a)), _with_article(b, speaker_shown(b))
        text = f"{names[0]} attributes it to {said[0]}; {names[1]} to {said[1]}"
        text += "" if text.endswith(".") else "."  # "... to Gov. Smith Jr."
        # A title against a name ("the minister" / "Sahel") may be the same person, and one
        # quote given to "the family" and to "a representative" is one statement: shown,
        # but it does not make the link partial. One quotation given to two named people is
        # a conflict, unless it is a phrase both may have used ("for the foreseeable future").
        weight = Label.PARTIAL
        if same_quote and not named:
            weight = Label.AGREE
        elif same_quote and _quotes_match(a.quotes, b.quotes, words=SPEAKER_QUOTE_WORDS):
            weight = Label.CONFLICT
        values = speaker_written(a), speaker_written(b)
        findings.append(Finding(Reason(ReasonKind.SPEAKER, *values, text), weight))
    elif bool(a.speaker) != bool(b.speaker):
        findings.extend(_source_findings(a, b, names))
    # Both worded in the negative ("refusing to name" / "refused to name"): the flags
    # differ only where the parser attached the negation.
    # "There were no dead or wounded" against a toll: the casualty reason says what is
    # denied, and a negation "not about the same action" would only repeat it.
    if a.negated != b.negated and not both_negative(a, b) and not casualties_opposed(a, b):
        neg, pos = (0, 1) if a.negated else (1, 0)
        values = ("negated", "affirmed") if neg == 0 else ("affirmed", "negated")
        # "failed to end the conflict" does not deny "killed more than 80": only a
        # negation of the same kind of event is a contradiction.
        contradicting = (
            same_predicate(a, b) and not _denies_only_casualties(a, b) and not _copulas_apart(a, b)
        ) or _denied_and_admitted(a, b)
        text = (
            f"{names[neg]} says it did not happen; {names[pos]} says it did."
            if contradicting
            else f"{names[neg]} words it in the negative and {names[pos]} does not,"
            " though not about the same action."
        )
        weight = Label.CONFLICT if contradicting else Label.PARTIAL
        findings.append(Finding(Reason(ReasonKind.NEGATION, *values, text), weight))
    if (a.modality or None) != (b.modality or None):
        ma, mb = a.modality or "stated as fact", b.modality or "stated as fact"
        text = f"{_hedged(names[0], a.modality)}; {_hedged(names[1], b.modality)}."
        findings.append(Finding(Reason(ReasonKind.MODALITY, ma, mb, text), Label.PARTIAL))
    if a.quotes and b.quotes and not _quotes_match(a.quotes, b.quotes):
        misquoted = _misquoted(a, b)
        qa, qb = misquoted or (a.quotes[0], b.quotes[0])
        if misquoted:
            who = speaker_shown(a)
            text = f'{names[0]} and {names[1]} quote {who} differently: "{qa}" against "{qb}".'
        else:
            text = f'{names[0]} quotes "{qa}"; {names[1]} quotes "{qb}".'
        weight = Label.CONFLICT if misquoted else Label.PARTIAL
        findings.append(Finding(Reason(ReasonKind.QUOTE, qa, qb, text), weight))
    elif (part := _quoted_in_part(a.quotes, b.quotes)) is not None:
        more, added, qa, qb = part
        text = f'{names[more]} quotes more of the remark than {names[1 - more]}: "{added}".'
        findings.append(Finding(Reason(ReasonKind.QUOTE, qa, qb, text), Label.PARTIAL))
    return findings


QUOTE_MORE_WORDS = 4
"""Words one quotation must add to the other's to quote more of a remark: a word or two is
how a writer cuts a quotation into a sentence ("the refugees need to be safe" /
"refugees need to be safe")."""


def _quoted_in_part(qa: Sequence[str], qb: Sequence[str]) -> tuple[int, str, str, str] | None:
    """(side that quotes more, its quotation with the words both quote cut to "...",
    quotation a, quotation b) where one side quotes a remark whole and the other only a
    part of it ("It was because time and time again I felt it was my duty to cover up his
    dirty deeds" / "I felt it was my duty to cover up his dirty deeds"): the words of the
    part, in order, inside the whole, and ``QUOTE_MORE_WORDS`` more."""
    for x, y in itertools.product(qa, qb):
        for more, (long, short) in enumerate(((x, y), (y, x))):
            words = list(WORD_PATTERN.finditer(long))
            part = [w.lower() for w in WORD_PATTERN.findall(short)]
            if not part or len(words) - len(part) < QUOTE_MORE_WORDS:
                continue
            at = _run_at([w.group(0).lower() for w in words], part)
            if at is None:
                continue
            first, last = words[at].start(), words[at + len(part) - 1].end()
            before, after = (
                side.strip(" ,;:") if WORD_PATTERN.search(side) else ""
                for side in (long[:first], long[last:])
            )
            return more, f"{before} ... {after}".strip(), x, y
    return None


def _run_at(whole: list[str], part: list[str]) -> int | None:
    """Where ``part`` first stands, word for word, in ``whole``; None if it does not."""
    return next(
        (at for at in range(len(whole) - len(part) + 1) if whole[at : at + len(part)] == part),
        None,
    )


def _source_findings(a: Claim, b: Claim, names: tuple[str, str]) -> list[Finding]:
    """One side says who said it and the other states it with no source: "Police fired
    back and 'neutralized' the attacker, said Christoph Castaner" / "Police fired back".
    Who vouches for a statement is a detail an analyst weighs, so it is shown wherever a
    link shows its details (``SOURCE_WEIGHT``). A speaker the other claim names in its own
    words ("Roland Ries expressed relief") is no source it lacks."""
    side = 0 if a.speaker else 1
    mine, other = (a, b) if side == 0 else (b, a)
    speaker = mine.speaker or ""
    words = {w for w in speaker.lower().replace("-", " ").split()} - GENERIC_WORDS
    said = {w.lower() for w in WORD_PATTERN.findall(other.text)}
    if words and words <= said:
        return []
    written = speaker_written(mine)
    values = (written, "") if side == 0 else ("", written)
    shown = _with_article(mine, speaker_shown(mine))
    text = f"Only {names[side]} gives a source: {shown}" + ("" if shown.endswith(".") else ".")
    return [Finding(Reason(ReasonKind.SPEAKER, *values, text), SOURCE_WEIGHT)]


SOURCE_WEIGHT = Label.AGREE
"""A source one side gives does not make a link partial on its own: the gold of the dev
pairs calls "X, police said" / "X" agree (label accuracy 0.875 against 0.903 if it did)."""


def _with_article(claim: Claim, speaker: str) -> str:
    """A speaker with the article the claim gives it: "the patrol", "a spokesman"; "the
    reporter" for one a pronoun stands for ("..., he says" after "our reporter says")."""
    found = re.search(
        r"\b(the|a|an|one|its|his|her|their|our)\s+" + re.escape(speaker), claim.text, re.I
    )
    if found:
        return f"{found.group(1).lower()} {speaker}"
    if speaker.isalpha() and speaker.islower() and not speaker.endswith("s"):
        return f"the {speaker}"  # one person or body named by a common noun
    return speaker


def quoted_apart(a: Claim, b: Claim) -> bool:
    """Whether two claims quote two different people saying different things.

    Quotations that share half the words of the shorter are one thing said, even cut
    differently: 'Tillerson would "deliver that clear and co-ordinated message to the
    Russians", [Johnson] said' / 'The G7 ministers said ... they want to send a "clear and
    coordinated message" to Moscow'.
    """
    return bool(
        a.quotes
        and b.quotes
        and a.speaker
        and b.speaker
        and not same_speaker(a.speaker, b.speaker)
        and not _quotes_match(a.quotes, b.quotes)
        and _shared_share(_quoted_words(a), _quoted_words(b)) < QUOTED_ALIKE
    )


QUOTED_ALIKE = 0.5
"""Share of the shorter quotation's words the other must have to say the same thing."""


def _quoted_words(claim: Claim) -> set[str]:
    """The content words of a claim's quotations, stemmed, hyphens dropped ("co-ordinated")."""
    return {
        word_stem(word.lower().replace("-", ""))
        for quote in claim.quotes
        for word in WORD_PATTERN.findall(quote)
        if word.lower() not in STOPWORDS
    }


def _shared_share(x: set[str], y: set[str]) -> float:
    short, other = sorted((x, y), key=len)
    return len(short & other) / len(short) if short else 0.0


QUOTE_OPENING = 4
"""Words a quotation of one speaker must open with on both sides to be the same quotation."""
QUOTE_SAME = 85
"""Quotations this alike (rapidfuzz token set ratio, case and punctuation aside) are one."""
QUOTE_WORD_IDF = 6.0
"""How rare one word of that opening must be: "goal" (6.7) is, "think" (4.3) is not."""


def _misquoted(a: Claim, b: Claim) -> tuple[str, str] | None:
    """Two quotations of one named speaker that open alike and then say different things:
    one remark quoted two ways ("Our goal is to pay a competitive dividend over time, but
    right now ..." / "Our goal is to reinstate dividends and ensure they remain competitive
    over time."). Words such as "I think it is" open many remarks: the shared opening must
    hold a word rarer than those."""
    if not (a.speaker and b.speaker and same_speaker(a.speaker, b.speaker)):
        return None
    if not (_named(a, a.speaker) or _named(b, b.speaker)):
        return None
    idf, default = idf_table(), idf_default()
    for x in a.quotes:
        for y in b.quotes:
            wx = [w.lower() for w in WORD_PATTERN.findall(x)]
            wy = [w.lower() for w in WORD_PATTERN.findall(y)]
            opening = list(
                itertools.takewhile(lambda pair: pair[0] == pair[1], zip(wx, wy, strict=False))
            )
            if (
                len(opening) >= QUOTE_OPENING
                and any(
                    w not in STOPWORDS and idf.get(w, default) >= QUOTE_WORD_IDF for w, _ in opening
                )
                # "I am absolutely delighted." is the start of "I am absolutely delighted
                # with the outcome", and "he's stable" is "he is stable": one quotation
                and len(opening) < min(len(wx), len(wy))
                and fuzz.token_set_ratio(x, y, processor=utils.default_process) < QUOTE_SAME
            ):
                return x, y
    return None


def polarity_findings(a: Claim, b: Claim, names: tuple[str, str]) -> list[Finding]:
    """One word graded both ways ("insufficiently equipped" / "well equipped") conflicts."""
    return [
        Finding(
            Reason(ReasonKind.NEGATION, ta, tb, f"{names[0]} says {ta}; {names[1]} says {tb}."),
            Label.CONFLICT,
        )
        for ta, tb in polarity_clashes(a, b)
    ]


_CONTRAST = re.compile(
    r"\b(?:rather\s+than|instead\s+of)\s+(?:an?|the|his|her|their|its)\s+(?P<word>[a-z]{3,})\b",
    re.IGNORECASE,
)
"""What a claim says is not so, in favour of what it names before: "two years in a reform
facility rather than a prison". A thing, with its article: "rather than consider the
possibility" sets aside no thing another claim could affirm."""


def contrast_findings(a: Claim, b: Claim, names: tuple[str, str]) -> list[Finding]:
    """One claim sets aside what the other affirms ("sentenced to two years in a reform
    facility rather than a prison" / "sentencing him to two years in prison"): a conflict,
    as a negation of it would be."""
    found = []
    for side, (mine, theirs) in enumerate(((a, b), (b, a))):
        if _CONTRAST.search(theirs.text):
            continue  # both set something aside ("hit the gas instead of the brake(s)")
        for match in _CONTRAST.finditer(mine.text):
            word = match["word"].lower()
            said = re.search(rf"\b{re.escape(word)}s?\b", theirs.text, re.IGNORECASE)
            if said is None or word in STOPWORDS or word in NUMBER_WORDS:
                continue
            phrase = mine.text[_clause_start(mine.text, match.start()) : match.end()]
            values = (phrase, said[0]) if side == 0 else (said[0], phrase)
            text = f'{names[side]} says "{phrase}"; {names[1 - side]} says "{said[0]}".'
            found.append(Finding(Reason(ReasonKind.NEGATION, *values, text), Label.CONFLICT))
    return found


def _clause_start(text: str, end: int) -> int:
    """Where the words that a contrast sets against its rejected word begin: up to four
    words back, not past a comma ("a reform facility rather than a prison")."""
    start = end
    for _ in range(CONTRAST_WORDS):
        word = re.search(r"[\w'-]+\s*$", text[:start].rstrip())
        if word is None or text[word.end() : start].strip(" "):
            break
        start = word.start()
    return start


CONTRAST_WORDS = 4
"""Most words a contrast reason quotes before "rather than"."""


_DENY = frozenset({"deny", "reject", "dismiss"})
_ADMIT = frozenset({"confirm", "admit", "acknowledge", "concede"})


def _denied_and_admitted(a: Claim, b: Claim) -> bool:
    """ "The minister denied the report" / "The minister confirmed the report"."""
    denying, other = (a, b) if a.negated else (b, a)
    return denying.predicate in _DENY and other.predicate in _ADMIT


def speaker_written(claim: Claim, *, aliases_only: bool = False) -> str:
    """The speaker as the claim writes it: "Britain and Canada", where the speaker, kept
    in canonical form to be compared, is "United Kingdom and Canada"; "Su" for "Lisa Su".

    With ``aliases_only``, a name written short keeps its full form ("Lisa Su"): only
    another name for it ("Britain", "AMD") is shown as written. A speaker the claim does
    not name ("he said" of the sentence before) stays as it is.
    """
    text = claim.text.lower()
    parts = []
    for part in (claim.speaker or "").split(" and "):
        if part.lower() not in text:
            full = set(part.lower().split())
            written = (
                e.text
                for e in claim.entities
                if e.canonical == part
                and not (aliases_only and set(e.text.lower().split()) <= full)
            )
            part = next(written, part)
        parts.append(part)
    return join(parts)  # "Britain, France and Germany"


def speaker_shown(claim: Claim) -> str:
    """The speaker as a reason says it mid-sentence: "police", not the "Police" that
    opened its sentence; a name keeps its capital ("Sudanese officials", "IRNA"), and so
    does a title before one ("Mr Alishbandi")."""
    speaker = speaker_written(claim, aliases_only=True)
    first, *rest = speaker.split() or [""]
    opens = claim.text.startswith(speaker) and not any(
        e.start == claim.start for e in claim.entities
    )
    common = first.istitle() and first.lower() in idf_table()
    if opens and common and not any(word[:1].isupper() for word in rest):
        return speaker[:1].lower() + speaker[1:]
    return speaker


def _named(claim: Claim, speaker: str) -> bool:
    """Whether the speaker is a named person, not a title or a pronoun."""
    return any(e.label == "PERSON" and e.text in speaker for e in claim.entities)


SPEAKER_QUOTE_WORDS = 5
"""The fewest words a quotation shared by two speakers must have to be one statement that
one of them made: "for the foreseeable future", quoted from Lu and from Lisa Su, is a
phrase both may have used, not a quotation given to the wrong person."""


def _quotes_match(qa: Sequence[str], qb: Sequence[str], *, words: int = 0) -> bool:
    """Whether a quotation of one side is one of the other's, the shorter of the two
    having at least ``words`` words."""
    return any(
        fuzz.token_set_ratio(x, y, processor=utils.default_process) >= QUOTE_SAME
        and min(len(x.split()), len(y.split())) >= words
        for x in qa
        for y in qb
    )


def findings(
    a: Claim,
    b: Claim,
    names: tuple[str, str] | None = None,
    published: ReportDays = (None, None),
) -> list[Finding]:
    """Every difference between two claims that report the same thing; ``published``, the
    dates of their reports, tells the dates which day each report was written on."""
    checks = (
        number_findings,
        casualty_findings,
        partial(date_findings, published=published),
        time_findings,
        entity_findings,
        voice_findings,
        polarity_findings,
        contrast_findings,
    )
    found = [f for check in checks for f in check(a, b, names or NEUTRAL_NAMES)]
    if any(_figure_conflict(f) for f in found):
        found = _of_other_times(found, a, b)
    return [
        Finding(replace(f.reason, text=f.reason.text[:1].upper() + f.reason.text[1:]), f.weight)
        for f in found
    ]


def _figure_conflict(found: Finding) -> bool:
    return found.weight is Label.CONFLICT and found.reason.kind is ReasonKind.NUMBER


def of_other_times(link: Link) -> bool:
    """Whether a link gives figures that cannot agree, one of an event recalled by its month
    or year (``_of_other_times``): two statements, where a statement is matched alone."""
    return any(r.kind is ReasonKind.NUMBER and r.text.endswith(OTHER_TIMES) for r in link.reasons)


def _of_other_times(found: list[Finding], a: Claim, b: Claim) -> list[Finding]:
    """Figures that cannot agree are no conflict where one claim places what it tells in a
    month or year the other does not speak of (``evidence.dated_apart``): "In 1981, 11
    people were killed when a plane crashed into Pearl Harbor" recalls another crash than
    the one "killing all nine people aboard"."""
    from claimdiff.evidence import ages_now, dated_apart  # evidence builds on these findings

    if not dated_apart(a, b):
        return found
    if ages_now(a, b, number_conflicts(a, b)):
        return found  # "the now 74-year-old Mladic" / "the now 75-year-old Mladic"
    return details_of_other_times(found, ReasonKind.NUMBER)


def contradicts(a: Claim, b: Claim) -> bool:
    """Whether two claims give different values for the same slot: a quantity, a toll, a list."""
    checks = (number_findings, casualty_findings, entity_findings, polarity_findings)
    names = ("", "")
    return any(f.weight is Label.CONFLICT for check in checks for f in check(a, b, names))


def decide(found: Sequence[Finding], a: Claim, b: Claim, settings: Settings) -> Label:
    """Conflict if anything contradicts; agree if nothing differs and the content matches."""
    if any(f.weight is Label.CONFLICT for f in found):
        return Label.CONFLICT
    if any(f.weight is Label.PARTIAL and _counts(f, a, b) for f in found):
        return Label.PARTIAL
    wa, wb = content_weights(a), content_weights(b)
    shared = wa.keys() & wb.keys()
    # "the main opposition bloc" has the word the other names in "United Opposition"
    covered = sorted(
        sum(w[k] for k in shared | (w.keys() & _name_stems(other))) / (sum(w.values()) or 1.0)
        for w, other in ((wa, b), (wb, a))
    )
    # "He was 77" is all in "Gigante ... has died in jail, aged 77", which adds the rest
    if covered[1] >= settings.agree_cover and covered[0] >= settings.agree_cover_other:
        return Label.AGREE
    return Label.PARTIAL


def _name_stems(claim: Claim) -> set[str]:
    """The content keys of the words inside a claim's names ("united", "opposition")."""
    return {
        word_stem(w.lower())
        for e in name_entities(claim)
        for w in WORD_PATTERN.findall(claim.text[e.start - claim.start : e.end - claim.start])
    }


_COPULAS = frozenset({"be", "have"})


def _copulas_apart(a: Claim, b: Claim) -> bool:
    """Two claims told with "be" or "have" that share no content word: the verb says
    nothing of what is denied. '"South Sudan is a state in the United Nations"' does not
    deny "The South Sudan Liberation Army rebel group is active in Unity State - it denies
    claims that it is working for Khartoum"; "The road is open" and "The road is not open"
    deny each other."""
    if a.predicate not in _COPULAS or b.predicate not in _COPULAS:
        return False
    return not content_weights(a).keys() & content_weights(b).keys()


def _denies_only_casualties(a: Claim, b: Claim) -> bool:
    """The negated claim denies casualties and the other says nothing of them: "there were
    no known fatalities" does not deny "the area is sparsely populated"."""
    negative, other = (a, b) if a.negated else (b, a)
    return casualty_claim(negative) in ("none", "mixed") and casualty_claim(other) is None


def content_weights(claim: Claim) -> dict[str, float]:
    """IDF weights of a claim's content words, names replaced by their canonical form,
    its figures counted as one word.

    "the US" and "the United States" then count as the same content.
    """
    names = name_entities(claim)
    inside = {
        w.lower()
        for e in names
        for w in claim.text[e.start - claim.start : e.end - claim.start].split()
    }
    measures, attribution = _measure_words(claim), attribution_words(claim)
    # the words a defined acronym stands for go where the acronym goes: with its name, or
    # with who spoke ("the IEBC chairperson said")
    inside |= {w for acronym in inside | attribution for w in _acronym_lemmas(claim, acronym)}
    weights: dict[str, float] = {}
    for word, weight in profile(claim).weights.items():
        if word in inside or word in attribution:
            continue
        # figures are compared as figures (their own reasons say where they differ), so
        # "two dozen" / "24" and "$2bn" / "$2 billion" are one piece of content
        key = FIGURE_KEY if _figure_word(word) or word in measures else word_stem(word)
        weights[key] = max(weight, weights.get(key, 0.0))
    for entity in names:
        weights[f"@{canonical(entity)}"] = ENTITY_WEIGHT
    return weights


def _acronym_lemmas(claim: Claim, acronym: str) -> list[str]:
    """The lemmas the extractor added after an acronym its document defines: "iebc" is
    followed by "independent", "electoral", "boundary", "commission" (their initials)."""
    lemmas = claim.lemmas
    if len(acronym) < 2 or acronym not in lemmas:
        return []
    at = lemmas.index(acronym) + 1
    spelled = list(lemmas[at : at + len(acronym)])
    if "".join(w[:1] for w in spelled) != acronym:
        return []
    return spelled


def _counts(finding: Finding, a: Claim, b: Claim) -> bool:
    """A one-sided name makes a link partial only if the shorter claim holds it.

    The longer report naming the venue as well is the same claim in more
    words; the shorter one naming someone the longer leaves out is a detail.
    """
    if finding.reason.kind is not ReasonKind.ENTITY:
        return True
    shorter_is_a = len(a.text) <= len(b.text)
    return bool(finding.reason.a if shorter_is_a else finding.reason.b)


WORDING_SHOWN = 4
"""Most words a wording reason quotes from each side."""


def wording_reason(a: Claim, b: Claim, names: tuple[str, str]) -> Reason:
    """The rarest words each claim has and the other lacks: why a link with no slot
    difference is still only partial ("Iran sits in a volatile earthquake region" / "Iran
    is on seismic fault lines")."""
    own = [_own_words(x, y) for x, y in ((a, b), (b, a))]
    said = [", ".join(f'"{w}"' for w in words) for words in own]
    parts = [f"only {names[k]} says {said[k]}" for k in (0, 1) if own[k]]
    text = "Worded apart: " + "; ".join(parts) + "." if parts else "Worded apart."
    return Reason(ReasonKind.DETAIL, ", ".join(own[0]), ", ".join(own[1]), text)


_FIGURE = re.compile(r"\d[\d.,]*[a-z]{0,2}(?:-\d[\d.,]*[a-z]{0,2})*")
"""A figure as a word: "24", "1,000", "2bn", "15th", "000-6" of "5,000-6,000"; not "G7"."""
FIGURE_KEY = "#figure"


def _figure_word(word: str) -> bool:
    lowered = word.lower()
    return lowered in NUMBER_WORDS or _FIGURE.fullmatch(lowered) is not None


def _measure_words(claim: Claim) -> frozenset[str]:
    """The words of measure inside a claim's figures: "miles", "per", "hour" of "96 miles
    per hour". The figure is compared as a figure, in a common unit, so "118 miles per
    hour" and "190 km/h" differ in no word."""
    return frozenset(
        word
        for quantity in claim.quantities
        for word in (w.lower() for w in WORD_PATTERN.findall(quantity.text))
        if UNITS.get(word, ("", ""))[1] or word in PER or word in HOURS
    )


def attribution_words(claim: Claim) -> frozenset[str]:
    """The words of the phrase that names who said a claim, when it stands apart at either
    end: "said Cpl. Justin Dunn of the highway patrol", "Missouri State Highway Patrol
    spokesman Cpl. Justin Dunn said". Who spoke is no wording: the speaker has a reason of
    its own where two claims' speakers differ."""
    if not claim.speaker:
        return frozenset()
    pieces = [p for p in _PIECE_BREAK.split(claim.text) if WORD_PATTERN.search(p)]
    if len(pieces) < 2:
        return frozenset()
    name = {w.lower() for w in WORD_PATTERN.findall(claim.speaker)}
    found: set[str] = set()
    for piece in (pieces[0], pieces[-1]):
        words = [w.lower() for w in WORD_PATTERN.findall(piece)]
        # the verb of saying opens or closes the phrase: "said Cpl. Dunn of the patrol",
        # "patrol spokesman Dunn said"; in "Police said 12 people died" it opens a claim
        if (
            len(words) <= ATTRIBUTION_WORDS
            and name & set(words)
            and (words[0] in _SAYING or words[-1] in _SAYING)
        ):
            found.update(words)
    # a quotation's speaker told around it, in several pieces: '..." his brother, Abdelmajid
    # Belaid, told the AFP news agency', '..." said Abdelmajid Belaid, brother of the
    # leader', 'Mr Russell, 46, a coal miner from Brisbane, said: "..."'
    marks = [m.start() for m in _QUOTE_MARK.finditer(claim.text)]
    if not marks:
        return frozenset(found)
    # a figure or a date (when it was said) has a reason of its own, and a word the
    # quotation says too is its content ('"... a quiet, peaceful town ...," said Carolyn
    # Greene Bennett, Cedar Grove's town recorder')
    dated = {w.lower() for d in claim.dates for w in WORD_PATTERN.findall(d.text)}
    text = claim.text
    for after, piece, rest in (
        (True, text[marks[-1] + 1 :], text[: marks[-1]]),
        (False, text[: marks[0]], text[marks[0] :]),
    ):
        words = [w.lower() for w in WORD_PATTERN.findall(piece)]
        if len(words) > ATTRIBUTION_WORDS or not name & set(words):
            continue
        said = [k for k, w in enumerate(words) if w in _SAYING]
        # the speaker and the verb next to the quotation: '..., and plans to be an active
        # participant, according to the CELF statement' says something first
        if not said or (said[0] > _BEFORE_SAYING if after else said[-1] < len(words) - 2):
            continue
        kept = dated | {w.lower() for w in WORD_PATTERN.findall(rest)}
        found.update(w for w in words if w not in kept and not w[:1].isdigit())
    return frozenset(found)


_QUOTE_MARK = re.compile(r"[\"\u201c\u201d]")
_PIECE_BREAK = re.compile(r"[,;:\"\u201c\u201d]")
_SAYING = frozenset({"said", "says", "say", "told", "tells", "added", "adds", "according"})
ATTRIBUTION_WORDS = 12
"""Most words a phrase naming the speaker holds; a longer piece says something itself."""
_BEFORE_SAYING = 5
"""Most words between a quotation and the verb of saying after it: "his brother, Abdelmajid
Belaid, told"."""


def _own_words(claim: Claim, other: Claim) -> list[str]:
    """Up to WORDING_SHOWN of a claim's rarest content words the other lacks, in text order.

    Who spoke is no wording: the words of either claim's speaker ("said Cpl. Justin Dunn")
    have a reason of their own where the speakers differ.
    """
    theirs = {w.lower() for w in WORD_PATTERN.findall(other.text)} | set(other.lemmas)
    theirs |= {w.lower() for c in (claim, other) for w in WORD_PATTERN.findall(c.speaker or "")}
    theirs |= _measure_words(claim)  # figures have reasons of their own, units too
    theirs |= attribution_words(claim) | attribution_words(other)
    idf, default = idf_table(), idf_default()
    plain = (POSSESSIVE.sub("", w) for w in WORD_PATTERN.findall(claim.text))  # "Intel's"
    words = [
        w
        for w in dict.fromkeys(plain)
        if len(w) > 2
        and w.lower() not in STOPWORDS
        and w.lower() not in theirs
        and not _figure_word(w)  # figures have reasons of their own: "000" of "1,000"
    ]
    # a word the other writes with or without its accents is the same word ("Teresópolis")
    folded = {unaccented(w) for w in theirs if not w.isascii()} | theirs
    accented = _accented_words(other)
    words = [
        w
        for w in words
        if (unaccented(w.lower()) not in folded if not w.isascii() else w.lower() not in accented)
    ]
    rare = sorted(words, key=lambda w: -idf.get(w.lower(), default))[:WORDING_SHOWN]
    return [w for w in words if w in rare]


def _accented_words(claim: Claim) -> frozenset[str]:
    """The claim's words written with accents, as they read without them."""
    return frozenset(
        unaccented(POSSESSIVE.sub("", w).lower())
        for w in WORD_PATTERN.findall(claim.text)
        if not w.isascii()
    )


def source_names(documents: Sequence[Document] | None, a: Claim, b: Claim) -> tuple[str, str]:
    """Names for reason text: the documents' sources, or neutral words."""
    if documents is not None:
        by_id = {d.id: d for d in documents}
        da, db = by_id.get(a.document), by_id.get(b.document)
        if da and db and da.source and db.source and da.source != db.source:
            return da.source, db.source
    return NEUTRAL_NAMES


def _report_days(documents: Sequence[Document] | None, a: Claim, b: Claim) -> ReportDays:
    """The dates of the two claims' reports, where the documents are known."""
    published = {d.id: d.published for d in documents or ()}
    return published.get(a.document), published.get(b.document)


def classify(
    candidate: Candidate,
    a: Claim,
    b: Claim,
    *,
    documents: Sequence[Document] | None = None,
    settings: Settings | None = None,
) -> Link:
    """Turn a scored candidate pair into a labelled link with its reasons."""
    names = source_names(documents, a, b)
    found = findings(a, b, names, _report_days(documents, a, b))
    label = decide(found, a, b, settings or Settings())
    # an agree link shows what differs without weighing ("Only b gives a source: the
    # neighbour"), so that no reason says nothing differs where the sources do
    shown = [f.reason for f in found]
    if label is Label.PARTIAL and all(f.weight is Label.AGREE for f in found):
        # partial for its words alone: say which, before what only says who spoke
        shown = [wording_reason(a, b, names), *shown]
    from claimdiff.evidence import basis_reason  # evidence builds on this module's findings

    ground = basis_reason(candidate, a, b)
    shown = [ground, *shown] if ground else shown
    return Link(candidate.a, candidate.b, label, round(candidate.score, 4), tuple(shown))
