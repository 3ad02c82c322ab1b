"""Names of two claims compared: different lists, names on one side only, one name spelled
two ways ("Al-Sawarmi Khalid" / "Sawarmi Khaled Saad", "IAEA" / "International Atomic
Energy Agency")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from nicknames import NickNamer
from rapidfuzz import fuzz

from claimdiff.figures import Finding, join
from claimdiff.model import Claim, Entity, Label, Reason, ReasonKind
from claimdiff.slots import canonical, entity_lists, name_entities

GENERIC_WORDS = frozenset(
    {"a", "an", "the", "said", "says", "spokesman", "spokeswoman", "official", "he", "she", "they"}
    | {"company", "firm"}
)
"""Words of a speaker that name no one in particular ("the spokesman", "he"; "the company",
the one the report is about)."""

POSSESSIVE = re.compile(r"['\u2019]s$")


def entity_findings(a: Claim, b: Claim, names: tuple[str, str]) -> list[Finding]:
    """Overlapping but different lists of names conflict (``list_findings``); else the names
    only one claim gives are a detail, or no difference where they only say who spoke."""
    return list_findings(a, b, names) or _alone_findings(a, b, names)


def list_findings(a: Claim, b: Claim, names: tuple[str, str]) -> list[Finding]:
    """Overlapping but different lists of names conflict.

    "Iran and North Korea" against "Russia and Iran": the same slot (who
    condemned the strike) holds different entities. A list that only adds
    names to the other's is a detail, not a conflict.
    """
    findings = []
    for la in entity_lists(a):
        for lb in entity_lists(b):
            # Cheapest test first: most pairs of lists share no name at all.
            if not any(_same_name(x, y) for x in la for y in lb):
                continue
            only_a = [x for x in la if not _named_in(x, b)]
            only_b = [y for y in lb if not _named_in(y, a)] if only_a else []
            if only_a and only_b:
                ta = join([e.text for e in la])
                tb = join([e.text for e in lb])
                text = f"{names[0]} says {ta}; {names[1]} says {tb}."
                # "the state police and other agencies" names some of them, not all
                partly = _open_list(la, a) or _open_list(lb, b)
                if partly:
                    text = text[:-1] + ": not every name is given."
                weight = Label.PARTIAL if partly else Label.CONFLICT
                findings.append(Finding(Reason(ReasonKind.ENTITY, ta, tb, text), weight))
    return findings


def _alone_findings(a: Claim, b: Claim, names: tuple[str, str]) -> list[Finding]:
    """Names only one claim gives: a detail, or no difference where they say who spoke."""
    findings = []
    named_a = {canonical(e): e for e in name_entities(a)}
    named_b = {canonical(e): e for e in name_entities(b)}
    for side, (mine, theirs) in enumerate(((named_a, named_b), (named_b, named_a))):
        mine_claim, other = (a, b) if side == 0 else (b, a)
        alone = [
            e
            for k, e in mine.items()
            if k not in theirs
            and not _mentioned(k, theirs)
            and not _written_in(e, other)
            and not _surname_in(e, mine_claim, other)
            and not _adjective_of(k, other)
            and not (_adjective(e) and _union_meant(e, theirs, mine_claim))
            and not any(_same_name(e, o) for o in theirs.values())
            and not _speaks(e, other)
            and not _own_speaker(e, mine_claim, other)
        ]
        if alone:
            shown = [_name_shown(e) for e in alone]
            written = join(shown)  # as written, for the highlight
            values = ("", written) if side else (written, "")
            listed = join([_unpaired_quotes(name) for name in shown])
            # "names Tuscan" reads oddly: an adjective of a people is mentioned, not named
            verb = "mentions" if any(_adjective(e) for e in alone) else "names"
            text = f"Only {names[side]} {verb} {listed}" + ("" if listed.endswith(".") else ".")
            # "John was a good kid" / "He was a good kid": the other side's "he" may be
            # the person named; "he told Reuters", "said Intel CEO Pat Gelsinger": who was
            # told, and whom the speaker works for, say who spoke, not what. Either way the
            # name is shown but does not make the link partial.
            attribution = all(_attributes(e, mine_claim, other) for e in alone)
            weight = Label.AGREE if attribution or _pronoun_for(alone, other) else Label.PARTIAL
            findings.append(Finding(Reason(ReasonKind.ENTITY, *values, text), weight))
    return findings


def _adjective_of(key: str, other: Claim) -> str | None:
    """The people's adjective a name opens with ("european" of "european union"), where the
    other claim writes it: the other claim means that name by the adjective alone ("EU
    competition commissioner" / "European Competition Commissioner"). None otherwise."""
    first, _, rest = key.partition(" ")
    if not rest or first not in _demonyms():
        return None
    written = re.search(rf"(?<!\w){re.escape(first)}(?!\w)", other.text, re.IGNORECASE)
    return first if written else None


def _union_meant(adjective: Entity, names: Iterable[str], claim: Claim) -> bool:
    """Whether one of the other claim's names opens with this adjective of the claim
    ("European" / "European Union")."""
    word = adjective.text.lower()
    return any(_adjective_of(name, claim) == word for name in names)


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """The adjectives of peoples in the entity table, in lower case ("european")."""
    from claimdiff.resources import data_json

    return frozenset(k.lower() for k in data_json("entities.json")["demonyms"])


def _adjective(entity: Entity) -> bool:
    """A nationality or other group's adjective ("Tuscan", "French"), not its people
    ("Americans", "the Sunnis")."""
    return entity.label == "NORP" and not POSSESSIVE.sub("", entity.text).endswith("s")


def _attributes(entity: Entity, claim: Claim, other: Claim) -> bool:
    """Whether a name only says who spoke: the one told ("he told Reuters", "told the
    BBC"), the speaker, or the speaker's employer before the speaker's name ("Intel CEO
    Pat Gelsinger")."""
    before = claim.text[: entity.start - claim.start]
    if _TOLD.search(before):
        return True
    speaker = claim.speaker or ""
    if not speaker or not other.speaker:
        return False  # the speaker reason, which says who spoke, needs both speakers
    if _names_speaker(entity, speaker):
        return True  # the speaker's own name: the speaker reason tells who spoke
    after = claim.text[entity.end - claim.start : entity.end - claim.start + 40]
    return _speaker_follows(after, speaker)


def _own_speaker(entity: Entity, claim: Claim, other: Claim) -> bool:
    """Whether a name is the claim's own speaker and the other claim has none or another
    one: a speaker reason then says who spoke ("Only AFP gives a source: Johnson")."""
    speaker = claim.speaker or ""
    if not speaker or not _names_speaker(entity, speaker):
        return False
    return not other.speaker or not same_speaker(speaker, other.speaker)


def _names_speaker(entity: Entity, speaker: str) -> bool:
    """Whether a name is the speaker's, or part of it ("Paris" of "Paris prosecutor office")."""
    return speaker in entity.canonical or entity.canonical in speaker


def same_speaker(x: str, y: str) -> bool:
    """Whether two speakers may be one: a name in common, a speaker that names no one
    ("the spokesman"), or one name spelled two ways."""
    x, y = x.replace("-", " "), y.replace("-", " ")  # "Moqtada al-Sadr" / "Muqtada al Sadr"
    wx, wy = set(x.lower().replace("'s", "").split()), set(y.lower().replace("'s", "").split())
    if bool((wx & wy) - GENERIC_WORDS) or not (wx - GENERIC_WORDS) or not (wy - GENERIC_WORDS):
        return True
    return fuzz.token_set_ratio(x.lower(), y.lower()) >= 75  # "Sundwell" / "Sundwall"


def _speaker_follows(after: str, speaker: str) -> bool:
    """Whether the speaker's name comes within a title's length after a name."""
    at = after.find(speaker.split()[-1])
    return at >= 0 and len(after[:at].split()) <= 3


_TOLD = re.compile(r"\b(?:told|tells|telling|according\s+to)\s+(?:the\s+)?$", re.IGNORECASE)


def _open_list(names: Sequence[Entity], claim: Claim) -> bool:
    """A list that says it names only some: "including X and Y", "X, Y and other agencies"."""
    before = claim.text[: names[0].start - claim.start]
    after = claim.text[names[-1].end - claim.start :]
    return bool(_SOME_BEFORE.search(before) or _SOME_AFTER.match(after))


_SOME_BEFORE = re.compile(r"\b(?:including|such\s+as|among\s+them)\s+(?:the\s+)?$", re.I)
_SOME_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:and|or)\s+(?:many\s+|several\s+|some\s+|various\s+)?others?\b|"
    r"among\s+others|and\s+more\b|etc\b)",
    re.IGNORECASE,
)
_PERSONAL = re.compile(r"\b(?:he|she|him|his|her)\b", re.IGNORECASE)


def _pronoun_for(alone: Sequence[Entity], other: Claim) -> bool:
    """All the one-sided names are people, and the other claim names none but says "he"."""
    return (
        all(e.label == "PERSON" for e in alone)
        and not any(e.label == "PERSON" for e in other.entities)
        and _PERSONAL.search(other.text) is not None
    )


def _speaks(entity: Entity, other: Claim) -> bool:
    """The other claim's speaker is this name: "Al-Sawarmi Khalid, spokesman ..., said" /
    "... he told the AFP news agency", where "he" was resolved to "Sawarmi Khaled Saad"."""
    if not other.speaker or entity.label not in ("PERSON", "ORG"):
        return False
    words = {w for w in canonical(entity).split() if w not in _PARTICLES}
    return bool(words & set(other.speaker.lower().replace("-", " ").split()) - GENERIC_WORDS)


def _name_shown(entity: Entity) -> str:
    """A name as a reason says it mid-sentence: "South Sudan" for "South Sudan's",
    "the New Zealander" for "The New Zealander"."""
    text = POSSESSIVE.sub("", entity.text)
    return "the " + text[4:] if text.startswith("The ") else text


def _unpaired_quotes(text: str) -> str:
    """A name as a sentence says it, without the quotation mark the tagger cut from its
    partner: 'the "Home Alone' (of 'the "Home Alone" movie series') is 'the Home Alone'.
    Single marks are left alone: the right single quotation mark is also an apostrophe."""
    if text.count("\u201c") != text.count("\u201d"):
        text = text.replace("\u201c", "").replace("\u201d", "")
    if text.count('"') % 2:
        text = text.replace('"', "")
    return " ".join(text.split())


def _same_name(x: Entity, y: Entity) -> bool:
    """Whether two mentions name the same thing, allowing spelling and short forms.

    "Turk"/"Turks", "N.Y."/"New York", "IAEA"/"International Atomic Energy Agency",
    "Korea"/"South Korea". A nationality never matches its country here ("Russian" is
    not "Russia" named as a condemner), but its people do ("Americans" / "the US").
    """
    kx, ky = canonical(x), canonical(y)
    if x.label != y.label and "NORP" in (x.label, y.label):
        # but its people are: "Jews, Americans and their allies" / "Jews and the US"
        people = x if x.label == "NORP" else y
        return kx == ky and people.text.endswith("s")
    if kx == ky or fuzz.ratio(kx, ky) >= 85 or _abbreviates(kx, ky) or _acronym(kx, ky):
        return True
    wx, wy = set(kx.split()), set(ky.split())
    return wx <= wy or wy <= wx or _spelled_apart(wx, wy)


_PARTICLES = frozenset({"al", "el"})


def _spelled_apart(wx: set[str], wy: set[str]) -> bool:
    """One name of two words or more, transliterated two ways: "Al-Sawarmi Khalid" /
    "Sawarmi Khaled Saad". A word is shared as written, and every word of the shorter
    name has a close spelling in the longer; "Katie Jenkin" is not "John Jenkin"."""
    short, long = sorted((wx - _PARTICLES, wy - _PARTICLES), key=len)
    if len(short) < 2 or not short & long:
        return False
    return all(any(fuzz.ratio(w, v) >= 80 or given_alike(w, v) for v in long) for w in short)


@lru_cache(maxsize=4096)
def given_alike(x: str, y: str) -> bool:
    """Whether two given names are one name and a short form of it, or two short forms of
    one name: "Jim" / "James", "Bill" / "William", "Jimmy" / "Jim" (the ``nicknames``
    table of English given names). "Katie" is not "John"."""
    x, y = x.lower(), y.lower()
    if x == y:
        return True
    table = _nicknamer()
    ox, oy = table.canonicals_of(x) | {x}, table.canonicals_of(y) | {y}
    return bool(ox & oy)


@lru_cache(maxsize=1)
def _nicknamer() -> NickNamer:
    return NickNamer()


def _named_in(entity: Entity, claim: Claim) -> bool:
    """Whether a claim names this entity anywhere, as an entity or in its words."""
    # A plural of the same word is the same name: "Turk" / "Turks and Caicos".
    if _written_in(entity, claim, plural=True):
        return True
    return any(_same_name(entity, other) for other in name_entities(claim))


def _written_in(entity: Entity, claim: Claim, *, plural: bool = False) -> bool:
    """Whether a claim spells out a name, perhaps one the tagger did not mark there
    ("Gigante carried", "Wal- Mart"); with ``plural``, in any case and with a plural ending."""
    ending, flags = (r"(?:e?s)?", re.IGNORECASE) if plural else ("", 0)
    written = re.escape(entity.text).replace(r"\-", r"-\s?")  # a hyphen cut at a line end
    pattern = rf"(?<!\w){written}{ending}(?!\w)"
    return re.search(pattern, claim.text, flags) is not None


def _surname_in(entity: Entity, mine: Claim, claim: Claim) -> bool:
    """Whether ``claim`` writes a person of ``mine`` by the surname alone, where the tagger did
    not mark it ("Armenian Prime Minister Nikol Pashinyan called the deal" / "Pashinyan
    called the text"). Not where the surname is another's too: "John Jenkin" is not
    "Katie Jenkin", and a claim that names "Maxwell" and "Robert Maxwell" names two."""
    words = entity.text.split()
    if entity.label != "PERSON" or len(words) < 2:
        return False
    surname = words[-1].rstrip(".,")
    if len(surname) < 3:
        return False
    pattern = rf"(?<!\w){re.escape(surname)}(?!\w)"
    if len(re.findall(pattern, mine.text)) > 1:
        return False
    others = [e for e in claim.entities if e.label == "PERSON" and surname in e.text.split()]
    if any(e.text.split()[0] != words[0] for e in others if len(e.text.split()) > 1):
        return False
    return re.search(pattern, claim.text) is not None


def _acronym(x: str, y: str) -> bool:
    """ "iaea" is the initials of "international atomic energy agency"."""
    short, long = sorted((x.replace(".", ""), y), key=len)
    words = long.split()
    return len(words) > 1 and " " not in short and short == "".join(w[0] for w in words)


def _abbreviates(x: str, y: str) -> bool:
    """ "mo." abbreviates "missouri"."""
    short, long = sorted((x, y), key=len)
    return (
        short.endswith(".")
        and len(short) > 2
        and long.startswith(short[0])
        and all(ch in long for ch in short.rstrip("."))
    )


def _mentioned(key: str, others: Iterable[str]) -> bool:
    """ "Lang" and "Miabek Lang" name the same person."""
    return any(key in other.split() or other in key.split() for other in others)
