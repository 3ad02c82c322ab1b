"""Find candidate claim pairs across two documents, score them and pick the links."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Container, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from claimdiff import combiner, embed
from claimdiff.blocking import candidate_pairs, clause_cosine
from claimdiff.evidence_keys import claim_keys
from claimdiff.features import (
    CONTEXT_FEATURES,
    PAIR_FEATURES,
    bridged_profiles,
    context_matrix,
)
from claimdiff.memo import collector_paused
from claimdiff.model import Claim
from claimdiff.pairwise import StringScores, pair_features
from claimdiff.settings import Settings
from claimdiff.slots import casualty_claim

Pairs = list[tuple[int, int]]


BY_SCORE = "score"
"""Linked on its score: the words match."""
BY_EVENT = "event"
"""Linked on evidence that both claims report one event, with a contradiction."""
BY_SIBLING = "sibling"
"""Linked because another clause of its sentence is linked, and this clause contradicts."""
BY_LEAD = "lead"
"""Linked as the opening statements of both reports, which tell the event they report."""
BY_MOMENT = "moment"
"""Linked because both claims time one kind of event to the same minute."""
BY_TOLL = "toll"
"""Linked because both claims give the same count of people killed or hurt in one event."""


@dataclass(frozen=True)
class Candidate:
    """A scored pair of claims from two different documents.

    ``score`` is how sure the link is. A pair linked on its wording (``basis``
    ``score``) scores the model's probability. A pair linked on other evidence
    (an event contradiction, a contradicting sibling clause) would score 0.04 on
    its wording, which reads "4% sure" although it was linked for another
    reason; it scores instead what testing showed for links of that basis
    (``evidence_score`` of ``tested``, the record (right, links)), and never less
    than its wording's own probability, kept in ``wording``.
    """

    a: int
    b: int
    score: float
    basis: str = BY_SCORE
    tested: tuple[int, int] | None = None
    wording: float | None = None


@dataclass(frozen=True)
class Scored:
    """Every candidate pair of two claim lists, its features and its link probability."""

    pairs: Pairs
    features: npt.NDArray[np.float64]
    names: tuple[str, ...]
    probability: npt.NDArray[np.float64]


def score(
    a: Sequence[Claim],
    b: Sequence[Claim],
    settings: Settings,
    *,
    model: combiner.Combiner | None = None,
) -> Scored:
    """Score every candidate pair of two claim lists with the learned combiner."""
    pa, pb = bridged_profiles(a, b), bridged_profiles(b, a)
    use_embeddings = settings.use_embeddings and len(a) + len(b) <= settings.embed_max_claims
    sims = clause_sims = None
    if use_embeddings and a and b:
        sims = embed.cosine(embed.embed([c.text for c in a]), embed.embed([c.text for c in b]))
    strings = StringScores(len(b))  # blocking scores some pairs' strings; scored once
    pairs = candidate_pairs(pa, pb, settings, sims, (a, b), strings)
    if sims is not None and pairs:
        clause_sims = clause_cosine(pa, pb)
    base = pair_features(pa, pb, pairs, sims, clause_sims, strings)
    context = context_matrix(base, pairs, (len(a), len(b)))
    features = np.hstack([base, context])
    names = PAIR_FEATURES + CONTEXT_FEATURES
    if model is None:
        model = combiner.shipped()["pairs" if use_embeddings else "pairs_lexical"]
    columns = [names.index(n) for n in model.features]
    probability = model.probability(features[:, columns]) if pairs else np.zeros(0)
    return Scored(pairs, features, names, probability)


def choose(
    scored: Scored,
    settings: Settings,
    contradicting: Container[tuple[int, int]] = frozenset(),
    apart: Container[tuple[int, int]] = frozenset(),
) -> list[tuple[int, int, float]]:
    """The links ``choose_bases`` makes, without their basis: (i, j, probability)."""
    return [(i, j, p) for i, j, p, _ in choose_bases(scored, settings, contradicting, apart)]


def choose_bases(
    scored: Scored,
    settings: Settings,
    contradicting: Container[tuple[int, int]] = frozenset(),
    apart: Container[tuple[int, int]] = frozenset(),
    voices: Container[tuple[int, int]] = frozenset(),
    moments: Container[tuple[int, int]] = frozenset(),
    strangers: Container[tuple[int, int]] = frozenset(),
    tolls: Container[tuple[int, int]] = frozenset(),
    two_facts: Container[tuple[int, int]] = frozenset(),
) -> list[tuple[int, int, float, str]]:
    """Apply the linking rules: a threshold, best-of-row/column, and a cap per claim.

    A pair links when its probability reaches ``link_threshold`` and it is
    within ``secondary_margin`` of the best pair of one of its two claims, or
    reaches ``strong_link_threshold`` (a sentence that reports two sentences of
    the other side at once: "sentenced the chief executive to 20 years" is the
    best of neither, but sure); a claim keeps at most ``max_links_per_claim``
    links, best first, except that a claim with no link yet takes past the cap of the other
    claim, by one link at most, its strong pair ("arrested without incident on Interstate
    10, where he was a passenger" is the best pair of a claim whose partner already reports
    two others) or a pair that evidence ties to one fact (one toll, one moment, a
    contradiction: a report's lead gives the toll that three claims of the other report
    give). A weaker pair
    that is the best of both its claims links from ``mutual_link_threshold``,
    unless it is in ``apart`` (figures, or people, that show two different facts). Pairs in
    ``contradicting`` (the same quantity with different values) need only
    ``conflict_link_threshold``, and are linked too where they score well but are the best
    of neither claim: two reports that disagree about a death toll share few words, yet
    the analyst most needs to see them side by side.
    Pairs in ``voices`` (two people quoted saying different things) never link on
    their score. Pairs in ``moments`` (one kind of event timed to the same minute) need
    only ``moment_link_threshold``, and pairs in ``tolls`` (the same count of people killed
    or hurt in one kind of event) only ``toll_link_threshold``. Pairs in ``strangers`` (two
    claims that share only a person, and say different things of them) never link, and
    leave each claim's room to its next pair. Pairs in ``two_facts`` (figures too far
    apart, or of different times, to be one fact: ``FarApart``, ``OtherTimes``) link on
    their score only when it is strong ("Nepal is still rebuilding after two major
    earthquakes in 2015 killed almost 9,000 people" / "Six people died").
    Each link comes with its basis: ``BY_SCORE`` or, for a pair linked below the rules
    of the score, ``BY_EVENT`` (a contradiction), ``BY_MOMENT`` or ``BY_TOLL``.
    """
    row_best, col_best = best_per_claim(scored)
    probability = scored.probability.tolist()
    used_a: dict[int, int] = defaultdict(int)
    used_b: dict[int, int] = defaultdict(int)
    links: list[tuple[int, int, float, str]] = []
    cap, margin = settings.max_links_per_claim, settings.secondary_margin

    def tied(i: int, j: int, value: float) -> bool:
        """Whether evidence ties a pair to one fact: one toll, one moment, a contradiction."""
        return (
            (value >= settings.toll_link_threshold and (i, j) in tolls)
            or (value >= settings.moment_link_threshold and (i, j) in moments)
            or (i, j) in contradicting
        )

    # Best first; a stable sort keeps equal pairs in their order, as sorted() would.
    for k in np.argsort(-scored.probability, kind="stable").tolist():
        (i, j), value = scored.pairs[k], probability[k]
        if value < settings.conflict_link_threshold:
            break
        strong = value >= settings.strong_link_threshold
        room = used_a[i] < cap and used_b[j] < cap
        # one link past the cap at most: a claim sure of many partners stays bounded
        alone = (used_a[i] == 0 or used_b[j] == 0) and max(used_a[i], used_b[j]) <= cap
        if not room and not (alone and (strong or tied(i, j, value))):
            continue  # before the tests: a contradiction test is dear, and most pairs land here
        mutual = value >= settings.mutual_link_threshold and value >= max(row_best[i], col_best[j])
        if value >= settings.link_threshold:
            near_best = value >= min(row_best[i], col_best[j]) - margin
            basis = BY_SCORE if strong or (near_best and (i, j) not in two_facts) else None
            if basis is None and (i, j) in contradicting:
                basis = BY_EVENT  # scored well, not the best of either claim, yet at odds
        elif mutual and (i, j) not in apart:  # unless figures or people tell two facts apart
            basis = BY_SCORE
        elif (i, j) in contradicting:
            basis = BY_EVENT
        elif value >= settings.moment_link_threshold and (i, j) in moments:
            basis = BY_MOMENT
        elif value >= settings.toll_link_threshold and (i, j) in tolls:
            basis = BY_TOLL
        else:
            basis = None
        if basis is not None and (i, j) in strangers:
            continue
        if basis == BY_SCORE and (i, j) in voices:
            # worded alike, said by two people: two statements. The pair keeps its place
            # under the cap, or each claim's next best, weaker still, would take it.
            used_a[i] += 1
            used_b[j] += 1
            continue
        if basis is not None:
            used_a[i] += 1
            used_b[j] += 1
            links.append((i, j, value, basis))
    return links


def best_per_claim(scored: Scored) -> tuple[list[float], list[float]]:
    """The best probability of each claim of side A and of side B (0.0 for a claim in no pair)."""
    if not scored.pairs:
        return [], []
    rows, cols = np.asarray(scored.pairs, dtype=np.int64).T
    row_best = np.zeros(int(rows.max()) + 1)
    col_best = np.zeros(int(cols.max()) + 1)
    np.maximum.at(row_best, rows, scored.probability)
    np.maximum.at(col_best, cols, scored.probability)
    return row_best.tolist(), col_best.tolist()


class _PairTests:
    """Pairs (i of side A, j of side B) tested on demand with ``_test``; each answer is kept."""

    def __init__(self, a: Sequence[Claim], b: Sequence[Claim]) -> None:
        self._claims = (a, b)
        self._known: dict[tuple[int, int], bool] = {}

    def __contains__(self, pair: object) -> bool:
        if not isinstance(pair, tuple) or not self._eligible(pair):
            return False
        found = self._known.get(pair)
        if found is None:
            i, j = pair
            found = self._known[i, j] = self._test(self._claims[0][i], self._claims[1][j])
        return found

    def _eligible(self, pair: tuple[int, int]) -> bool:
        return True

    def _test(self, x: Claim, y: Claim) -> bool:
        raise NotImplementedError


class Contradictions(_PairTests):
    """The pairs that contradict each other about one event, tested on demand: weakly scored
    ones, and ones scored well that are the best of neither claim ("left at least 25 dead" /
    "killed 23 people", each claim with a better partner).

    ``choose`` asks about a pair only when its claims still have room for a link:
    at 2 x 5,000 claims that is 3,000 tests, where testing every weak pair sharing
    an evidence key would be 39,000. A pair is tested (``evidence.event_conflict``)
    only if its claims share an evidence key (``evidence_keys.claim_keys``, a necessary
    condition); each answer is kept.
    """

    def __init__(
        self, a: Sequence[Claim], b: Sequence[Claim], scored: Scored, settings: Settings
    ) -> None:
        super().__init__(a, b)
        low = settings.conflict_link_threshold
        self._scored = {
            pair
            for pair, p in zip(scored.pairs, scored.probability.tolist(), strict=True)
            if low <= p
        }

    def _eligible(self, pair: tuple[int, int]) -> bool:
        return pair in self._scored

    def _test(self, x: Claim, y: Claim) -> bool:
        from claimdiff.evidence import event_conflict  # evidence builds on align's Candidate

        return bool(claim_keys(x, 0) & claim_keys(y, 1)) and event_conflict(x, y)

    def all(self) -> frozenset[tuple[int, int]]:
        """Every pair scored from ``conflict_link_threshold`` that contradicts (testing each)."""
        return frozenset(pair for pair in self._scored if pair in self)


class FarApart(_PairTests):
    """Pairs whose every figure of a shared unit is too far from the other's to be one figure.

    "More than 320,000 killed since 2011" and "more than 80 killed" in one attack
    report two facts. A pair scored that weakly links only as the best of both its
    claims, and such figures say it is not one fact reported twice. Tested on demand.
    """

    def _test(self, x: Claim, y: Claim) -> bool:
        from claimdiff.figures import number_conflicts

        clashes = number_conflicts(x, y)
        return bool(clashes) and all(far for *_, far in clashes)


class OtherTimes(_PairTests):
    """Pairs whose figures of one unit cannot agree, one of an event recalled by its month or
    year that the other does not speak of.

    "In 1981, 11 people were killed when a twin-engine plane crashed into Pearl Harbor"
    recalls another crash than the one "killing all nine people aboard": the figures are
    "of different times" (``figures.OTHER_TIMES``). Tested on demand.
    """

    def _test(self, x: Claim, y: Claim) -> bool:
        from claimdiff.evidence import of_other_times  # evidence builds on this module
        from claimdiff.figures import number_conflicts

        return of_other_times(x, y, number_conflicts(x, y))


class OtherPeople(_PairTests):
    """Pairs whose claims both name people, and no person on both sides.

    "AMD's server business could use a lift, noted Dean McCarron" and "Evercore analyst
    Patrick Wang said the acquisition was surprising" are two analysts' views. Like
    figures far apart, two sets of people tell two facts apart where the wording is too
    weak to link a pair on its own. Tested on demand.
    """

    def _test(self, x: Claim, y: Claim) -> bool:
        from claimdiff.events import persons_clash

        return persons_clash(x, y)


class Either:
    """The pairs of any of several pair tests, asked in turn."""

    def __init__(self, *tests: Container[tuple[int, int]]) -> None:
        self._tests = tests

    def __contains__(self, pair: object) -> bool:
        return any(pair in test for test in self._tests)


class OtherVoices(_PairTests):
    """Pairs that quote two different people saying different things.

    '"They should not be pursued inside the territory of South Sudan," Deng said' and
    '"What is going on in South Sudan belongs to the southerners," a refugee said' share
    their topic, not a statement. On the 24 annotated pairs, 3 links of this kind were
    made and none was a gold link. Tested on demand.
    """

    def _test(self, x: Claim, y: Claim) -> bool:
        if not (x.quotes and y.quotes and x.speaker and y.speaker):
            return False  # most pairs: no test of names or quotations
        from claimdiff.compare import quoted_apart  # compare builds on align's Candidate

        return quoted_apart(x, y)


class OnePerson(_PairTests):
    """Pairs of claims that share only a person, and say different things of them.

    "John Jenkin, 23, was arrested near the terraced house" and "John Jenkin, 23, had
    been sectioned after an apparent suicide attempt" introduce one man the same way, and
    report two facts about him; so do "Police Chief William McManus identified the officer"
    and "a SWAT team arrested ..., said Police Chief William McManus". Of the 6 dev pairs'
    122 claim pairs that share no word but a person's name, title and age, none is a gold
    link (2 are secondary); of the 26 MRPC train pairs alike, 19 are no paraphrase (32 % of
    all are none). Pairs whose main predicates name one kind of event ("Smith died" /
    "Smith was killed") are kept. Tested on demand.
    """

    def _test(self, x: Claim, y: Claim) -> bool:
        from claimdiff.events import only_a_person_shared

        return only_a_person_shared(x, y)


class _ClaimsThatQualify(_PairTests):
    """Pair tests asked only of pairs whose two claims each pass a cheap test of their own
    (``_qualifies``), which is made once per claim when the first pair is asked about."""

    def __init__(self, a: Sequence[Claim], b: Sequence[Claim]) -> None:
        super().__init__(a, b)
        self._qualified: tuple[frozenset[int], frozenset[int]] | None = None

    def _eligible(self, pair: tuple[int, int]) -> bool:
        if self._qualified is None:
            found = [
                frozenset(k for k, c in enumerate(side) if self._qualifies(c))
                for side in self._claims
            ]
            self._qualified = (found[0], found[1])
        return pair[0] in self._qualified[0] and pair[1] in self._qualified[1]

    def _qualifies(self, claim: Claim) -> bool:
        raise NotImplementedError


class SameMoment(_ClaimsThatQualify):
    """Pairs that time one kind of event to the same minute (``figures.same_moment``).

    "The quake, which struck at 1353 (1023 GMT), was felt in ... Oman" and "It hit at
    1:53 p.m. local time" share few words but report one moment. On the 24 annotated
    pairs, 3 claim pairs are timed alike, all gold links; 2 were linked on their wording.
    Tested on demand, and only where both claims may give a time to the minute.
    """

    def _qualifies(self, claim: Claim) -> bool:
        from claimdiff.figures import writes_minutes

        return writes_minutes(claim.text)

    def _test(self, x: Claim, y: Claim) -> bool:
        from claimdiff.figures import same_moment

        return same_moment(x, y) is not None


class SameToll(_ClaimsThatQualify):
    """Pairs that give the same count of people killed or hurt in one kind of event
    (``figures.same_toll``).

    "An earthquake in western Nepal killed at least six villagers" and "Six people were
    killed when some houses collapsed" share few words but one toll. Of the 15 annotated
    pairs (6 dev, 9 test), 6 claim pairs give one toll, all gold links. Tested on demand,
    and only where both claims count casualties.
    """

    def _qualifies(self, claim: Claim) -> bool:
        return casualty_claim(claim) == "some"

    def _test(self, x: Claim, y: Claim) -> bool:
        from claimdiff.figures import same_toll

        return same_toll(x, y) is not None


def contradictions(
    a: Sequence[Claim], b: Sequence[Claim], scored: Scored, settings: Settings
) -> frozenset[tuple[int, int]]:
    """Pairs scored from ``conflict_link_threshold`` that contradict each other about one
    event (``event_conflict``).

    Only pairs that share an evidence key (``evidence_keys.evidence_keys``, a necessary
    condition of ``event_conflict``) are tested: most candidates share none.
    """
    return Contradictions(a, b, scored, settings).all()


def sibling_conflicts(
    a: Sequence[Claim],
    b: Sequence[Claim],
    scored: Scored,
    chosen: list[tuple[int, int, float]],
) -> list[tuple[int, int, float]]:
    """Link clauses that contradict a claim already linked to another clause of their sentence.

    "He saw no casualties, but Lang said 12 people had been killed": once the
    first clause links to "no casualties were reported", the second one is
    about the same event, and its contradiction is what the analyst must see.
    """
    from claimdiff.evidence import event_conflict

    probability = dict(zip(scored.pairs, (float(p) for p in scored.probability), strict=True))
    taken = {(i, j) for i, j, _ in chosen}
    siblings_a = _siblings(a)
    siblings_b = _siblings(b)
    extra = []
    for i, j, _ in chosen:
        around = [(i, k) for k in siblings_b[j]] + [(k, j) for k in siblings_a[i]]
        for pair in around:
            # the contradiction must tie to one event, as for any link made on evidence:
            # "iPhone revenue of $46.8 billion" and "iPad revenue of $6.4 billion" are two
            if pair not in taken and event_conflict(a[pair[0]], b[pair[1]]):
                taken.add(pair)
                extra.append((pair[0], pair[1], probability.get(pair, 0.0)))
    return extra


def toll_conflicts(
    a: Sequence[Claim],
    b: Sequence[Claim],
    scored: Scored,
    chosen: Sequence[tuple[int, int, float, str]],
    contradicting: Container[tuple[int, int]],
    apart: Container[tuple[int, int]],
    settings: Settings,
) -> list[tuple[int, int, float]]:
    """Weak pairs that give rival tolls of one kind of event, linked past the cap of links
    per claim, by one link at most, best first: a lead that gives the toll and two more
    facts keeps its two links, yet "a taxi driver fatally shot at least 12 people and
    injured 25" against "Eleven others were injured" is what the analyst must see. Only
    casualty counts: other contradictions linked past the cap were as often false as true
    (round 22); and one link past the cap at most, or a claim that counts the dead takes
    every rival toll of a long report (the sampled blocking recall at 2 x 5,000 claims fell
    to 80 % unbounded)."""
    from claimdiff.figures import tolls

    used_a: dict[int, int] = defaultdict(int)
    used_b: dict[int, int] = defaultdict(int)
    for i, j, _, _ in chosen:
        used_a[i] += 1
        used_b[j] += 1
    taken = {(i, j) for i, j, _, _ in chosen}
    cap = settings.max_links_per_claim
    # the pairs of two casualty counts, best first: most pairs are none, and are not sorted
    tallied = [
        (p, k)
        for k, ((i, j), p) in enumerate(zip(scored.pairs, scored.probability.tolist(), strict=True))
        if p >= settings.conflict_link_threshold
        and (i, j) not in taken
        and casualty_claim(a[i]) == "some" == casualty_claim(b[j])
    ]
    found = []
    for p, k in sorted(tallied, key=lambda pk: -pk[0]):  # stable: equal pairs in their order
        i, j = scored.pairs[k]
        if (
            used_a[i] <= cap
            and used_b[j] <= cap
            and (i, j) in contradicting  # one event
            and tolls(a[i], b[j])
            and (i, j) not in apart
        ):
            found.append((i, j, p))
            used_a[i] += 1
            used_b[j] += 1
    return found


def _siblings(claims: Sequence[Claim]) -> list[list[int]]:
    """For each claim, the other claims cut from the same sentence."""
    by_sentence: dict[int, list[int]] = defaultdict(list)
    for index, claim in enumerate(claims):
        by_sentence[claim.sentence].append(index)
    return [[k for k in by_sentence[c.sentence] if k != index] for index, c in enumerate(claims)]


def evidence_record(basis: str, note: dict[str, object] | None = None) -> tuple[int, int] | None:
    """How links made on ``basis`` fared when tested: (right, links); None if never tested.

    Counted by ``claimdiff eval --fit`` over the dev pairs, each scored by a
    model fitted on the others (``note.evidence`` in weights.json, as [links,
    right]). A link made on the score alone has no record: its score is its own.
    """
    found = (note if note is not None else combiner.shipped_note()).get("evidence", {})
    counts = found.get(basis) if isinstance(found, dict) else None
    if basis == BY_SCORE or not isinstance(counts, list) or len(counts) != 2:
        return None
    links, right = (int(v) for v in counts)
    return (right, links) if links > 0 else None


EVIDENCE_Z = 1.2816
"""One-sided 90% normal quantile: the score of an evidence link is the low end of its record."""


def evidence_score(right: int, links: int) -> float:
    """The share of links right in testing, at the low end of what ``links`` tests can show.

    Ten tests are few: 7 right of 10 fits any true rate from about 50% to 85%.
    The Wilson lower bound (one-sided, 90%) is taken, so that a link made on
    evidence never reads surer than its record supports.
    """
    if links <= 0 or right <= 0:
        return 0.0
    z2 = EVIDENCE_Z**2
    rate = right / links
    centre = rate + z2 / (2 * links)
    spread = EVIDENCE_Z * math.sqrt(rate * (1 - rate) / links + z2 / (4 * links * links))
    return max(0.0, (centre - spread) / (1 + z2 / links))


def link_bases(
    a: Sequence[Claim], b: Sequence[Claim], scored: Scored, settings: Settings
) -> list[tuple[int, int, float, str]]:
    """Choose the links of a scored pair: (i, j, probability, basis) for each."""
    two_facts = Either(FarApart(a, b), OtherTimes(a, b))
    apart, voices = Either(two_facts, OtherPeople(a, b)), OtherVoices(a, b)
    contradicting = Contradictions(a, b, scored, settings)
    out = choose_bases(
        scored,
        settings,
        contradicting,
        apart,
        voices,
        SameMoment(a, b),
        OnePerson(a, b),
        SameToll(a, b),
        two_facts,
    )
    chosen = [(i, j, p) for i, j, p, _ in out]
    out += [(i, j, p, BY_SIBLING) for i, j, p in sibling_conflicts(a, b, scored, chosen)]
    tolled = toll_conflicts(a, b, scored, out, contradicting, apart, settings)
    out += [(i, j, p, BY_EVENT) for i, j, p in tolled]
    if (lead := lead_link(a, b, scored, settings, out, apart)) is not None:
        out.append((*lead, BY_LEAD))
    return out


def lead_link(
    a: Sequence[Claim],
    b: Sequence[Claim],
    scored: Scored,
    settings: Settings,
    chosen: Sequence[tuple[int, int, float, str]],
    apart: Container[tuple[int, int]],
) -> tuple[int, int, float] | None:
    """The best pair of the two reports' opening sentences, when no link joins them yet.

    A news report opens with the event it reports, so two reports of one event
    nearly always open with the same statement, in other words ("Intel will cut
    15,000 jobs" / "Intel has decided to reduce its workforce by over 15 per cent").
    The first sentences are a gold link in 5 of the 6 dev pairs, and in all 18 pairs
    of other stories annotated to test on (docs/quality.md, round 9). Their
    best pair links from ``lead_link_threshold``, even where another pair is the
    best of its claims, unless its figures or people tell two facts apart (``apart``:
    the ``FarApart``, ``OtherTimes`` and ``OtherPeople`` tests ``choose_bases`` already made).
    """
    first_a, first_b = _openings(a), _openings(b)
    if any(i in first_a and j in first_b for i, j, *_ in chosen):
        return None
    best = max(
        (
            (p, i, j)
            for (i, j), p in zip(scored.pairs, scored.probability.tolist(), strict=True)
            if i in first_a and j in first_b and p >= settings.lead_link_threshold
        ),
        default=None,
    )
    if best is None or (best[1], best[2]) in apart:
        return None
    return best[1], best[2], best[0]


def _openings(claims: Sequence[Claim]) -> set[int]:
    """Indices of the claims of each document's first sentence that has claims."""
    first: dict[int, int] = {}
    for claim in claims:
        first[claim.document] = min(first.get(claim.document, claim.sentence), claim.sentence)
    return {k for k, claim in enumerate(claims) if claim.sentence == first[claim.document]}


def candidates(
    a: Sequence[Claim],
    b: Sequence[Claim],
    scored: Scored,
    settings: Settings,
    note: dict[str, object] | None = None,
) -> list[Candidate]:
    """The links of a scored pair as candidates; evidence links score their tested record."""
    out = []
    for i, j, p, basis in link_bases(a, b, scored, settings):
        record = evidence_record(basis, note)
        if basis == BY_SCORE or record is None:
            out.append(Candidate(a[i].id, b[j].id, round(p, 4), basis))
            continue
        sure = max(p, evidence_score(*record))
        out.append(Candidate(a[i].id, b[j].id, round(sure, 4), basis, record, round(p, 4)))
    return out


def align(a: Sequence[Claim], b: Sequence[Claim], settings: Settings) -> list[Candidate]:
    """Return the pairs of claims that should be linked, best first."""
    if not a or not b:
        return []
    with collector_paused():
        return candidates(a, b, score(a, b, settings), settings)
