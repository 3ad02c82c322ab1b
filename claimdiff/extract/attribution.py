"""Who says it and how: speaker, quoted spans, negation, modality and the event predicate."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimdiff.extract.calendar_words import MONTHS, WEEKDAYS
from claimdiff.extract.entities import EntityResolver, span_ents
from claimdiff.extract.quotes import quoted_tokens

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# fmt: off
SPEECH_VERBS = frozenset({
    "say", "tell", "add", "state", "announce", "claim", "insist", "warn", "report", "write",
    "note", "explain", "argue", "deny", "confirm", "stress", "declare", "reply", "allege",
    "acknowledge", "admit", "predict", "estimate", "assert", "maintain", "contend", "testify",
    "recall", "comment", "remark", "tweet", "post", "vow", "promise", "suggest", "believe",
    "accuse", "blame", "quote",
})
# fmt: on
"""Lemmas of verbs that attribute what follows to their subject."""

NEGATING_VERBS = frozenset({"deny", "refuse", "fail", "decline", "rule"})
NEGATORS = frozenset(
    {
        "not",
        "n't",
        "never",
        "no",
        "nobody",
        "nothing",
        "none",
        "neither",
        "nor",
        "without",
        "no-one",
    }
)
MODALS = {
    "could": "could",
    "may": "may",
    "might": "might",
    "would": "would",
    "'d": "would",  # "I'd be a world-record holder"
    "\u2019d": "would",
    "should": "should",
    "must": "must",
    "ca": "can",
    "can": "can",
}
MODAL_WORDS = {
    "alleged": "alleged",
    "allegedly": "alleged",
    "allege": "alleged",
    "suspected": "alleged",
    "purported": "alleged",
    "purportedly": "alleged",
    "reportedly": "reportedly",
    "apparently": "apparently",
    "possibly": "possibly",
    "probably": "probably",
    "perhaps": "possibly",
    "maybe": "possibly",
    "likely": "likely",
    "unconfirmed": "alleged",
}
"""Adverbs and adjectives that hedge a claim, with the modality they signal."""

SCHEDULED = {
    "due": "scheduled",
    "schedule": "scheduled",
    "set": "scheduled",
    "expect": "expected",
    "expected": "expected",
    "plan": "planned",
    "likely": "likely",
}
"""Heads of "is due to / scheduled to / set to / expected to" + verb."""

CONTROL_VERBS = frozenset(
    {
        "refuse",
        "fail",
        "decline",
        "try",
        "attempt",
        "seek",
        "want",
        "plan",
        "hope",
        "threaten",
        "agree",
        "continue",
        "begin",
        "start",
        "intend",
        "vow",
        "promise",
        "aim",
        "schedule",
        "set",
        "expect",
        "due",
        "go",
        "appear",
        "seem",
        "likely",
        "able",
        "manage",
    }
)
"""Verbs whose infinitive complement carries the event ("refused to attend" -> attend)."""

COGNITION_VERBS = frozenset(
    {
        "hope",
        "believe",
        "think",
        "fear",
        "expect",
        "know",
        "agree",
        "find",
        "conclude",
        "decide",
        "hop",
        "feel",
        "understand",
        "learn",
        "show",
        "indicate",
        "suggest",
    }
)
"""Verbs whose clausal complement holds the event ("Japan hopes the US ... will put")."""

_HEARSAY = SPEECH_VERBS | COGNITION_VERBS
_WHEN = frozenset({"TIME", "DATE", "CARDINAL"})
_NAMED_SOURCES = frozenset({"ORG", "GPE", "NORP", "FAC", "WORK_OF_ART"})
_REPORTING_DEPS = frozenset({"ROOT", "conj", "parataxis", "advcl", "ccomp"})
_NOUN_CLAUSES = frozenset({"relcl", "acl"})
_PERSONAL = frozenset({"he", "she", "him", "her"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_UNNAMED = frozenset({"one", "another"})
"""Subjects that name no one: "One said: ...", "Another added ..." (a neighbour, say)."""


@dataclass
class SpeakerMemory:
    """Whom "he said" most likely means: the named person the sentence before was about
    (its subject), else the last named person who spoke, else the last one mentioned."""

    last: str | None = None
    last_mentioned: str | None = None
    last_subject: str | None = None


@dataclass(frozen=True)
class Attribution:
    """A sentence's speaker and where its reporting verb sits (a char offset, or -1)."""

    speaker: str | None = None
    at: int = -1
    trailing: bool = False
    """Whether the attribution ends the sentence ("..., and one was in the truck, Dunn
    said."): it covers every clause before it."""


def speaker(sent: Span, resolver: EntityResolver, memory: SpeakerMemory) -> Attribution:
    """Who the sentence is attributed to, in canonical form, and where it says so."""
    found = _speech_subject(sent)
    if found is None:
        return Attribution()
    subject, anchor = found
    if not any(ch.isalpha() for ch in subject.text):
        return Attribution()  # "a backpack \u2212 later declared harmless": a dash is no one
    if subject.pos_ == "PRON" or subject.lower_ in _PERSONAL or subject.lower_ in _UNNAMED:
        if subject.lower_ not in _PERSONAL:
            return Attribution()
        # "Silver lowered his head. Later, he told reporters": Silver, not the last speaker
        who = memory.last_subject or memory.last or memory.last_mentioned
        return Attribution(who, anchor.idx, _ends_sentence(anchor))
    name, is_person = _subject_name(subject, sent, resolver)
    others = [c for c in _conjuncts(subject) if c.pos_ in ("PROPN", "NOUN")]
    if others:
        # "Moscow and Damascus claim": both speak.
        names = [name] + [_subject_name(c, sent, resolver)[0] for c in others]
        return Attribution(" and ".join(n for n in names if n) or None, anchor.idx)
    if name and (is_person or subject.tag_ == "NN"):
        # A later "he said" most likely refers back to this speaker ("a neighbour").
        memory.last = name
    return Attribution(name or None, anchor.idx, _ends_sentence(anchor))


def _conjuncts(head: Token) -> list[Token]:
    """The words joined to ``head`` by "and", "or" or commas, in order: "France" and
    "Germany" of "Britain, France and Germany" (the parser hangs each on the one before)."""
    found = []
    for child in head.children:
        if child.dep_ == "conj" and _coordinated(child):
            found += [child, *_conjuncts(child)]
    return found


def _coordinated(conj: Token) -> bool:
    """Whether a conjunct follows "and", "or" or a comma, as "Damascus" of "Moscow and
    Damascus" does; the parser also makes "alliance" of "The Declaration of Freedom and
    Change alliance said" a conjunct of "Declaration"."""
    start = conj.left_edge.i
    return start > 0 and conj.doc[start - 1].lower_ in _COORDINATORS


_COORDINATORS = frozenset({"and", "or", ",", "&", "nor"})


def person_subject(sent: Span, resolver: EntityResolver) -> str | None:
    """The named person the sentence is about, as the subject of its main verb
    ("Silver, 74, lowered his head"), in canonical form; None for anyone else."""
    for subject in (t for t in sent.root.children if t.dep_ in _SUBJECTS):
        if subject.pos_ == "PROPN" or subject.ent_type_ == "PERSON":
            name, is_person = _subject_name(subject, sent, resolver)
            if is_person:
                return name
    return None


def _speech_subject(sent: Span) -> tuple[Token, Token] | None:
    """The subject of the reporting verb (or the object of "according to"), and the verb.

    Of nested reports ("the governor said ..., IRNA reported") the one with a named subject
    that is not a trailing relay wins, the innermost first: it is the one who said it. A
    pronoun subject of an inner verb ("Kishida said he told Tillerson ...") does not beat a
    named outer one.
    """
    has_quote = any(t.is_quote for t in sent)
    verbs = _speech_verbs(sent)
    # '"These executives told lie after lie," Miller said': the quote's own verbs do not
    # say who speaks it, unless nothing outside the quote does
    quoted = quoted_tokens(sent)
    outside = [v for v in verbs if v.i not in quoted]
    if verbs and not outside and _quote_runs_on(sent.text):
        # 'The elections "were free and I hope observers will confirm that. But ...," Mr.
        # Saakashvili told reporters': the quotation's speaker is named where it closes
        return None
    verbs = outside or verbs
    # "officers said ... after its election commission said ...": a report that dates or
    # explains another is not the one the sentence passes on
    verbs = [v for v in verbs if not _subordinate(v)] or verbs
    found = [pair for pair in (_reporting(v, has_quote) for v in verbs) if pair is not None]
    if found:
        named = [pair for pair in found if pair[0].pos_ in ("PROPN", "NOUN")]
        sources = [pair for pair in named if not _trailing_relay(pair[1])]
        return max(sources or named or found[:1], key=lambda pair: _depth(pair[1]))
    for token in sent[:-1]:
        if token.lower_ == "according" and token.nbor(1).lower_ == "to":
            target = next((c for c in token.nbor(1).children if c.dep_ == "pobj"), None)
            if target is None or target.like_num or target.ent_type_ in _WHEN:
                return None  # "according to a 2 p.m. briefing" names no one by its time
            if target.lemma_.lower() in _NO_SOURCE:
                return None  # "according to EU rules": a rule says what must be, no one says it
            return target, token
    return None


def _subordinate(verb: Token) -> bool:
    """Whether a reporting verb heads a clause of time or cause under another verb: "after
    its election commission said", "because the police said"."""
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _SUBORDINATORS for c in verb.children
    )


_SUBORDINATORS = frozenset(
    {"after", "before", "when", "since", "until", "because", "once", "while", "as", "though"}
    | {"although", "whereas", "if", "unless"}
)


_NO_SOURCE = frozenset(
    {"rule", "law", "regulation", "term", "plan", "agreement", "deal", "contract", "policy"}
    | {"guideline", "schedule", "statute", "constitution", "treaty", "protocol", "custom"}
)
"""What "according to" may name that is no source: "according to EU rules"."""


def _quote_runs_on(text: str) -> bool:
    """Whether the text's last quotation mark opens a quotation, left open at its end."""
    at = max(text.rfind('"'), text.rfind("\u201c"), text.rfind("\u201d"))
    if at < 0 or text[at] == "\u201d":
        return False
    if text[at] == "\u201c":
        return True
    # a straight mark opens where a word follows it and none comes right before it
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return not after.isspace() and (before.isspace() or before in "([\u2014\u2013-")


def _speech_verbs(sent: Span) -> list[Token]:
    """Reporting verbs of a sentence, outermost first, outside relative clauses."""
    verbs = sorted(
        (t for t in sent if t.lemma_ in SPEECH_VERBS and t.pos_ == "VERB"),
        key=_depth,
    )
    return [
        verb
        for verb in verbs
        if verb.dep_ in _REPORTING_DEPS
        and not _in_noun_clause(verb)
        and not _hearsay_infinitive(verb)
        and not _infinitive(verb)
    ]


def _in_noun_clause(token: Token, limit: int = 12) -> bool:
    """Whether a token sits in a relative clause ("a base that Washington says ...")."""
    for _ in range(limit):
        if token.dep_ in _NOUN_CLAUSES:
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _ends_sentence(verb: Token) -> bool:
    """Whether only punctuation follows the reporting verb: "..., Dunn said." """
    sent = verb.sent
    return verb.i > sent.start and all(
        t.is_punct or t.is_space for t in sent.doc[verb.i + 1 : sent.end]
    )


def _trailing_relay(verb: Token) -> bool:
    """ "..., IRNA reported." at a sentence's end passes on what someone else said."""
    sent = verb.sent
    after = sent.doc[verb.i + 1 : sent.end]
    before = sent.doc[sent.start : verb.i]
    return (
        all(t.is_punct or t.is_space for t in after)
        and any(t.text == "," for t in before)
        and len(before) > 3
    )


def _depth(token: Token, limit: int = 12) -> int:
    """How deep a token sits in its parse tree, counted up to ``limit``."""
    depth = 0
    while token.head.i != token.i and depth < limit:
        token = token.head
        depth += 1
    return depth


def _reporting(verb: Token, has_quote: bool) -> tuple[Token, Token] | None:
    """(subject, verb) when the verb reports speech, else None."""
    if verb.lemma_ == "quote":
        # "he was quoted as saying" / "the agency quoted him as saying": the quoted one speaks
        wanted = "nsubjpass" if _passive(verb) else "dobj"
        quoted = next((c for c in verb.children if c.dep_ == wanted), None)
        return (quoted, verb) if quoted is not None else None
    # Only an active subject speaks: "a man said to have been released" is not a speaker.
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    # "Silver's lawyer, Michael S. Feldberg argued": two subjects; the named one speaks,
    # else the one next to the verb ("A heap of mud caved in ..., the police said": the
    # parser makes "heap" a subject of "said" too)
    subject = next((c for c in subjects if c.ent_type_ == "PERSON"), None) or min(
        subjects, key=lambda c: abs(c.i - verb.i), default=None
    )
    if subject is None and verb.dep_ == "advcl" and verb.tag_ == "VBG" and _after_head(verb):
        # "The US urged Russia ..., warning that ...": the head's subject speaks.
        subject = next((c for c in verb.head.children if c.dep_ in _SUBJECTS), None)
    if subject is not None and _compared_place(subject):
        subject = None
    trailing = subject is None and _trailing_speech(verb)
    if trailing:
        subject = _named_before(verb)
    # "Shanmugaraj added that Acacia maintains its position": inside another report, only a
    # verb with a clause of its own reports speech
    objects = ("ccomp",) if _reported(verb) else ("ccomp", "dobj")
    complement = any(c.dep_ in objects or _gerund_report(c) for c in verb.children)
    if verb.lemma_ == "add" and any(c.dep_ == "dobj" for c in verb.children):
        return None  # "The impact of tariffs will add $900 million in costs" says nothing
    if subject is not None and (
        complement or has_quote or trailing or verb.dep_ in ("ROOT", "parataxis")
    ):
        return subject, verb
    return None


def _compared_place(subject: Token) -> bool:
    """ "residents as far away as Los Angeles saying they felt the tremor": the parser makes
    the end of an "as far as" the subject of "saying"; it is a place, not a speaker."""
    start, doc = subject.left_edge.i, subject.doc
    before = [t.lower_ for t in doc[max(subject.sent.start, start - 5) : start]]
    return len(before) >= 3 and before[-1] == "as" and "as" in before[:-2]


def _trailing_speech(verb: Token) -> bool:
    """ "..., the Office of Civil Defense said." or "..., officials said by telephone.": a
    verb of saying in the past or present at the sentence's end, past which only a few words
    of its own follow ("by telephone", "in a statement")."""
    sent = verb.sent
    after = [t for t in sent.doc[verb.i + 1 : sent.end] if not (t.is_punct or t.is_space)]
    return (
        verb.lemma_ in _TRAILING_VERBS
        and verb.tag_ in ("VBD", "VBZ")
        and len(after) <= _TRAILING_WORDS
        and all(verb.is_ancestor(t) for t in after)
    )


_TRAILING_VERBS = frozenset({"say", "tell", "add", "report", "confirm", "announce", "write"})
_TRAILING_WORDS = 5


def _named_before(verb: Token) -> Token | None:
    """The speaker the parser hung elsewhere ("..., including in La Castellana town in Negros
    Occidental, the Office of Civil Defense said": an apposition of "Occidental"): the words
    between the last comma and the verb, by the named person among them, else their head."""
    doc, start = verb.doc, verb.sent.start
    depth, i = 0, verb.i - 1
    while i >= start:
        text = doc[i].text
        if text == ")":
            depth += 1
        elif text == "(":
            depth -= 1
        elif depth == 0 and text in (",", ";", "\u2014", "--", ":"):
            break
        i -= 1
    phrase = doc[i + 1 : verb.i]
    if i < start or not 0 < len(phrase) <= _SPEAKER_WORDS:
        return None  # no comma before it: the parser's subject, or none, stands
    people = [e for e in span_ents(phrase) if e.label_ == "PERSON"]
    if people:
        return people[-1].root
    heads = [t for t in phrase if not (phrase.start <= t.head.i < phrase.end)]
    head = heads[0] if len(heads) == 1 else None
    return head if head is not None and head.pos_ in ("NOUN", "PROPN") else None


_SPEAKER_WORDS = 20
"""Most words a speaker's phrase before a trailing "said" holds."""


def _after_head(gerund: Token) -> bool:
    """Whether a gerund follows the clause it qualifies: "The US urged Russia ..., warning
    that ..." reports what the US said. One before it sets a scene: in "Denying he was a
    gangster, Gigante would wander the streets", Gigante is no source of the wandering."""
    return gerund.i > gerund.head.i


def _gerund_report(child: Token) -> bool:
    """ "hospitals reported receiving 40 patients", "a neighbour recalled seeing the suspect":
    what the subject reports is told by a gerund."""
    return child.dep_ == "xcomp" and child.tag_ == "VBG"


def _infinitive(verb: Token) -> bool:
    """ "was expecting Apple to report earnings": a report still to come says nothing yet."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _reported(verb: Token) -> bool:
    """Whether a verb sits in what a reporting verb says ("added that ... maintains")."""
    return verb.dep_ == "ccomp" and verb.head.lemma_ in SPEECH_VERBS


def _hearsay_infinitive(verb: Token) -> bool:
    """ "A man said to have been released": the small parser often makes "said" the root."""
    doc = verb.doc
    return (
        verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "to" and doc[verb.i + 1].dep_ == "aux"
    )


def _subject_name(subject: Token, sent: Span, resolver: EntityResolver) -> tuple[str, bool]:
    """Canonical speaker name, and whether it is a named person."""
    phrase = sent.doc[subject.left_edge.i : subject.i + 1]
    for ent in span_ents(phrase):
        if ent.label_ == "PERSON" and ent.end == subject.i + 1:
            return resolver.person(ent.text), True
    # "The governor of Unity State, Taban Deng, said", "Britain's Prime Minister Theresa May"
    if subject.pos_ in ("NOUN", "PROPN") and subject.ent_type_ != "PERSON":
        whole = sent.doc[subject.left_edge.i : subject.right_edge.i + 1]
        for ent in span_ents(whole):
            if ent.label_ == "PERSON" and ent.root.dep_ == "appos":
                return resolver.person(ent.text), True
    for ent in span_ents(phrase):
        if ent.end == subject.i + 1 and ent.label_ in ("ORG", "GPE", "NORP"):
            canonical, label = resolver.resolve(ent.text, ent.label_)
            return canonical, label == "PERSON"
    # "the U.S. Department of Justice said": a name that runs past its head is one name
    whole = sent.doc[subject.left_edge.i : subject.right_edge.i + 1]
    for ent in span_ents(whole):
        if ent.start <= subject.i < ent.end and ent.label_ in _NAMED_SOURCES:
            canonical, label = resolver.resolve(ent.text, ent.label_)
            return canonical, label == "PERSON"
    named = subject.ent_type_ in ("", "PERSON", "ORG") or _misdated(subject)
    if subject.pos_ == "PROPN" and named:
        canonical, label = resolver.resolve(subject.text, "PERSON")
        if label == "PERSON" and " " in canonical:
            return canonical, True
    owner = _owner(subject, resolver)
    kept = [
        t
        for t in phrase
        if (t.dep_ not in ("det", "poss", "case", "punct") or _inside_word(t) or _inner_comma(t))
        and t.i not in _owner_tokens(subject)
        and (t.ent_type_ not in ("TIME", "DATE") or _misdated(t))  # "a 2 p.m. briefing"
    ]
    head = "".join(
        t.text + ("" if _glued(t, kept[k + 1] if k + 1 < len(kept) else None) else " ")
        for k, t in enumerate(kept)
    ).strip()
    if not owner:
        return head, False
    mark = "'" if owner.endswith("s") else "'s"  # "Noar Airlines' website"
    return f"{owner}{mark} {head}", False


def _glued(token: Token, following: Token | None) -> bool:
    """Whether no space comes after a token of a speaker's words: "Austin-based",
    "Sunnyvale, Calif., company"."""
    return _inside_word(token) or (
        following is not None and (_inside_word(following) or _inner_comma(following))
    )


def _inner_comma(token: Token) -> bool:
    """A comma between two words of a name's place: "The Sunnyvale, Calif., company"."""
    doc = token.doc
    return (
        token.text == ","
        and 0 < token.i < len(doc) - 1
        and doc[token.i - 1].pos_ == "PROPN"
        and doc[token.i + 1].dep_ not in ("det", "punct", "cc")
        and doc[token.i + 1].pos_ in ("PROPN", "NOUN")
    )


def _inside_word(token: Token) -> bool:
    """A hyphen inside a word: "Austin-based", which a speaker keeps as written."""
    doc = token.doc
    return (
        token.text == "-"
        and not token.whitespace_
        and token.i > 0
        and not doc[token.i - 1].whitespace_
        and token.i + 1 < len(doc)
    )


def _misdated(token: Token) -> bool:
    """A name the tagger took for a date: "Tolentino" in "on Sunday, said Tolentino" is
    tagged as part of the date before it, though it is no day, month or figure."""
    return (
        token.ent_type_ in ("TIME", "DATE")
        and token.pos_ == "PROPN"
        and token.is_title
        and token.lower_ not in WEEKDAYS
        and token.lower_.rstrip(".") not in MONTHS
        and token.lower_ not in _FEASTS
    )


_FEASTS = frozenset(
    {"christmas", "easter", "ramadan", "eid", "thanksgiving", "hanukkah", "diwali", "halloween"}
    | {"day", "eve", "new", "year", "week", "weekend"}
)
"""Days with names of their own, and the words of their names: "a Christmas Day statement"
is the statement."""


def _owner(subject: Token, resolver: EntityResolver) -> str | None:
    """ "May's spokeswoman" and "a spokeswoman for May" both belong to May."""
    for child in subject.children:
        noun = child
        if child.dep_ == "prep" and child.lower_ in ("for", "of"):
            noun = next((c for c in child.children if c.dep_ == "pobj"), child)
        elif child.dep_ != "poss":
            continue
        if noun.pos_ != "PROPN":
            continue
        phrase = noun.doc[noun.left_edge.i : noun.i + 1]
        named = [
            e
            for e in span_ents(phrase)
            if e.end == noun.i + 1 and e.label_ in ("PERSON", "ORG", "GPE", "NORP")
        ]
        if named:
            return resolver.resolve(named[0].text, named[0].label_)[0]
        return resolver.person(" ".join(t.text for t in phrase if t.dep_ != "case"))
    return None


def _owner_tokens(subject: Token) -> set[int]:
    tokens: set[int] = set()
    for child in subject.children:
        if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ in ("for", "of")):
            tokens.update(t.i for t in child.subtree)
    return tokens


def event_chain(span: Span) -> list[Token]:
    """The clause's top verb down to its event verb: "said (that) ... killed", "due to fly"."""
    tops = [t for t in span if t.head.i == t.i or not span.start <= t.head.i < span.end]
    verb = next((t for t in tops if t.pos_ in ("VERB", "AUX")), tops[0] if tops else span[0])
    chain = [verb]
    for _ in range(6):
        nxt = _descend(verb, span)
        if nxt is None:
            break
        chain.append(nxt)
        verb = nxt
    return chain


def _descend(verb: Token, span: Span) -> Token | None:
    inside = [c for c in verb.children if span.start <= c.i < span.end]
    if verb.lemma_ in SPEECH_VERBS or verb.lemma_ in COGNITION_VERBS:
        wanted = ("ccomp", "xcomp") if _passive(verb) else ("ccomp",)
        return next((c for c in inside if c.dep_ in wanted), None) or _misread_complement(
            verb, inside
        )
    if verb.lemma_ in CONTROL_VERBS or verb.lemma_ == "be":
        xcomp = next((c for c in inside if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        if xcomp is None:
            for adj in (c for c in inside if c.dep_ == "acomp" and c.lemma_ in CONTROL_VERBS):
                xcomp = next((c for c in adj.children if c.dep_ == "xcomp"), None)
        return xcomp
    return None


def _misread_complement(verb: Token, inside: list[Token]) -> Token | None:
    """The clause a verb of saying or knowing reports, where the parser took its subject for
    an object and the clause for a second action: "information indicates 243 passengers and
    12 crew members were onboard" parses as "indicates 243 passengers" and "were onboard".

    Two actions joined would have their "and" on the verb; here it joins two nouns.
    """
    if any(c.dep_ == "cc" for c in inside):
        return None  # "said it and left": two actions
    return next(
        (
            c
            for c in inside
            if c.dep_ == "conj"
            and c.pos_ in ("VERB", "AUX")
            and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
        ),
        None,
    )


def _passive(verb: Token) -> bool:
    """ "was said to have", "is believed to be": hearsay."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def predicate(chain: list[Token]) -> str | None:
    """Lemma of the event verb, lowercased: "stopped short of apologizing" tells (and
    denies, ``negated``) an apology."""
    verb = _short_of(chain[-1]) or chain[-1]
    return (verb.lemma_ or verb.lower_).lower() or None


def _short_of(verb: Token) -> Token | None:
    """The action "stopped short of" tells: "apologizing"; None for any other verb."""
    if verb.lemma_ != "stop":
        return None
    return next(
        (
            action
            for short in verb.children
            if short.lower_ == "short"
            for of in short.children
            if of.lower_ == "of"
            for action in of.children
            if action.pos_ in ("VERB", "AUX") or action.tag_ == "VBG"
        ),
        None,
    )


def negated(span: Span, chain: list[Token]) -> bool:
    """Whether the event is negated ("did not", "denied", "no", "never", "refused to")."""
    for verb in chain:
        if verb.lemma_ in NEGATING_VERBS and verb.lemma_ != "rule" and _negates(verb):
            return True
        if verb.lemma_ == "rule" and any(c.lower_ == "out" for c in verb.children):
            return True
        if _short_of(verb) is not None:
            return True  # "she stopped short of apologizing"
        for child in verb.children:
            if _not_a_negation(child):
                continue
            if child.dep_ == "neg" or child.lower_ in ("never", "no-one", "nobody", "nothing"):
                return True
            if child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and any(
                g.lower_ in ("no", "neither") and g.dep_ == "det" for g in child.children
            ):
                return True
    return False


_NEGATE_A_COMPLEMENT = frozenset({"fail", "decline", "refuse"})
"""Verbs that negate only an action they take: "declined to comment", "failed to reach a
deal"; alone they are events of their own ("shares declined 5 percent", "talks failed")."""


def _negates(verb: Token) -> bool:
    if verb.lemma_ not in _NEGATE_A_COMPLEMENT:
        return True  # "denied the claims"
    return any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)


_NOT_NEGATING_AFTER = {
    "not": frozenset({"until", "only", "just", "least", "yet"}),
    "n't": frozenset({"until", "only", "just"}),
    "nothing": frozenset({"but", "short", "less"}),
}
"""Negators that do not deny the event when these words follow: "isn't until March 9" (it
happens, later), "not only", "nothing but praise", "nothing short of"."""


def _not_a_negation(token: Token) -> bool:
    after = _NOT_NEGATING_AFTER.get(token.lower_)
    doc = token.doc
    return after is not None and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in after


def modality(span: Span, chain: list[Token]) -> str | None:
    """How the claim is hedged: "could", "alleged", "scheduled", "reportedly"... or None."""
    for verb in reversed(chain):
        for child in verb.children:
            if child.tag_ == "MD" and child.lower_ in MODALS:
                if MODALS[child.lower_] == "would" and _reported(verb):
                    continue  # "said it would pay $115": a reported plan, not a hedge
                return MODALS[child.lower_]
        if verb is not chain[-1] and verb.lemma_ in SCHEDULED:
            return SCHEDULED[verb.lemma_]
        if verb is not chain[-1] and _passive(verb) and verb.lemma_ in _HEARSAY:
            return "reportedly"
        for child in verb.children:
            if child.dep_ == "acomp" and child.lemma_ in SCHEDULED:
                return SCHEDULED[child.lemma_]
    for token in span:
        if token.lower_ in MODAL_WORDS and token.pos_ in ("ADV", "ADJ", "VERB"):
            return MODAL_WORDS[token.lower_]
    return None
