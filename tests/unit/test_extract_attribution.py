"""Speaker, quotes, negation, modality and predicate of claims."""

from __future__ import annotations

import pytest

from claimdiff.extract import Extractor
from claimdiff.extract.quotes import quote_spans, quotes_in
from claimdiff.model import Claim, Document


def claims_of(extractor: Extractor, text: str) -> tuple[Claim, ...]:
    return extractor.extract(Document(0, "t", "s", text, "x"))


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a plain reporting verb after a quote
        ('"We need to act," Johnson said on Monday.', ["Johnson"]),
        # a speaker named by a common noun keeps its words as written
        ("The Leeds-based charity said the shelter would close.", ["Leeds-based charity"]),
        (
            "The Dayton, Ohio, charity said the shelter would close.",
            ["Dayton, Ohio, charity"],
        ),
        # a speaker the parser hung on the words before it still speaks
        (
            "The evacuations were carried out in towns nearest the slopes, including in La "
            "Castellana town in Negros Occidental, the Office of Civil Defense said.",
            ["Office of Civil Defense"],
        ),
        (
            "Volcanic ash fell on a wide area, including Antique, more than 200 kilometers "
            "across seawaters west of the volcano, obscuring visibility and posing health "
            "risks, Philippine Institute of Volcanology and Seismology (Phivolcs) chief "
            "volcanologist Teresito Bacolcol and other officials said by telephone.",
            ["Teresito Bacolcol and other officials"],
        ),
        # the end of an "as far as" is no speaker
        (
            "The quake struck the desert region, with residents as far away as Los Angeles "
            "saying they felt the tremor.",
            [None],
        ),
        # but what someone had said is no source of this sentence
        ("Prices rose, as analysts had said.", [None]),
        # a name the tagger reads as part of the date before it still speaks
        (
            "The tally reflected the situation at 9 a.m. local time on Sunday, said "
            "Tolentino, the main disaster response co-ordinator.",
            ["Tolentino"],
        ),
        # but a feast's name is still a date: the statement speaks
        ("The market will reopen, a Christmas Day statement said.", ["statement"]),
        # "add" with an object adds a thing, not words
        ("The impact of tariffs will add $900 million in costs.", [None]),
        # a title of office before a name is dropped
        ("CFO Kevan Parekh said Apple saw record highs.", ["Kevan Parekh"]),
        # titles are dropped from a named speaker
        ("British Foreign Secretary Boris Johnson said the talks failed.", ["Boris Johnson"]),
        # a possessive speaker keeps its owner
        ('"A window now exists," May\'s spokeswoman said.', ["May's spokeswoman"]),
        # "a spokeswoman for May" is the same speaker as "May's spokeswoman"
        ("A spokeswoman for May said progress could come.", ["May's spokeswoman"]),
        # a role named in apposition is that person
        (
            "The governor of Unity State, Taban Deng, said Mr Bashir should be held responsible.",
            ["Taban Deng"],
        ),
        ("Britain's Prime Minister Theresa May said the UK would act.", ["Theresa May"]),
        # but a person the role belongs to is not the speaker
        ("The wife of John Smith said the camp was hit.", ["John Smith's wife"]),
        # "he said" goes back to the last named speaker, not the last name mentioned
        (
            'Johnson said Russia must act.\n\nTillerson would "deliver that message", he said.',
            ["Johnson", "Johnson"],
        ),
        # "he said" after an unnamed speaker goes back to that speaker
        (
            "A neighbour recalled the screams.\n\n'It was awful,' he said.",
            ["neighbour", "neighbour"],
        ),
        # a parenthetical attribution in mid-sentence
        (
            "A server would be efficient for databases, Feldman said, as well as for web sites.",
            ["Feldman"],
        ),
        # of nested reports the named inner speaker said it, the outer one passed it on
        (
            "Abdolreza Sheikholeslami, the governor, said 40 percent of the buildings in seven "
            "villages were destroyed, IRNA reported.",
            ["Abdolreza Sheikholeslami"],
        ),
        # "quoted as saying": the one quoted speaks
        ("The agency quoted Zareh as saying the risk was low.", ["Zareh"]),
        # an accusation is attributed to the accuser
        ("Taban Deng, the governor, accused Sudan of the attack.", ["Taban Deng"]),
        # "according to" attributes too
        ("According to a relative, he had been unwell.", ["relative"]),
        # coordinated speakers both speak
        (
            "Moscow and Damascus claim that the gas was released by a strike.",
            ["Moscow and Damascus"],
        ),
        # a speech verb inside a relative clause attributes nothing
        ("The US fired missiles at a base that Washington says was the launch site.", [None]),
        # a passive "said to" is hearsay, not a speaker
        ("A man said to have been released was questioned.", [None]),
        # a name that runs past its head noun is one name, not "Justice's U.S. Department"
        (
            "The fraud was uncovered, the U.S. Department of Justice said.",
            ["United States Department of Justice"],
        ),
        # the verbs of a quote do not speak it: the one after the quote does
        ('"These executives told lie after lie," Miller said.', ["Miller"]),
        # inside a report, a verb with only an object reports nothing: Shanmugaraj speaks
        ("Mr. Shanmugaraj added that Acacia maintains its position.", ["Shanmugaraj"]),
        # of two subjects the named one speaks
        (
            "Silver's lawyer, Michael S. Feldberg argued that the case was weak.",
            ["Michael S. Feldberg"],
        ),
        # a dash the parser took for a subject is no one
        ("A backpack \u2212 later declared harmless \u2012 was found.", [None]),
        # a time is no source, nor part of one
        ("According to a 2 p.m., Caltech briefing, the quake was felt.", [None]),
        ("According to a 2 p.m. briefing, the quake was felt widely.", ["briefing"]),
        # no reporting verb, no speaker
        ("The G7 consists of seven countries.", [None]),
        # "One said" names no one
        ('One said: "I heard screaming in the early hours."', [None]),
        # "he" is the named person the sentence before was about, not its last speaker
        (
            "The mayor Anna Berg was re-elected on Sunday. "
            '"It is a fair result," election chief Paul Ross said. '
            "Berg, 58, smiled at the count. Later, he told reporters the vote was clean.",
            [None, "Paul Ross", None, "Anna Berg"],
        ),
        # after a sentence about no named person, "he" is still the last speaker
        (
            '"It is a fair result," Paul Ross said. The count ended late. He said it was clean.',
            ["Paul Ross", None, "Paul Ross"],
        ),
        # two subjects of "said": the one next to the verb speaks, not "a heap of mud"
        (
            "A heap of mud caved in at the entry point of Lalmatia mines of Eastern Coalfields"
            " Limited (ECL), the police said.",
            ["police"],
        ),
        # a rule says what must be, no one says it
        ("According to EU rules, the company must end its conduct within 90 days.", [None]),
        # every speaker of a list, and none that only looks like one of it
        (
            "Britain, France and Germany said the talks had failed.",
            ["United Kingdom and France and Germany"],
        ),
        (
            "The Declaration of Freedom and Change alliance said the talks had failed.",
            ["Declaration of Freedom and Change"],
        ),
        # a report that dates the one passed on is not its source
        (
            "Gabon army officers said on Wednesday that they had taken control of the country"
            " after its election commission said President Ali Bongo Ondimba had won re-election.",
            ["Gabon army officers"],
        ),
    ],
)
def test_speaker(extractor: Extractor, text: str, speakers: list[str | None]) -> None:
    assert [c.speaker for c in claims_of(extractor, text)] == speakers


def test_speaker_of_each_coordinated_clause(extractor: Extractor) -> None:
    text = (
        "German Foreign Minister Sigmar Gabriel says Russia must be involved, and Japanese "
        'spokesman Masato Ohtaka says Russia "can play a key role."'
    )
    claims = claims_of(extractor, text)
    assert [c.speaker for c in claims] == ["Sigmar Gabriel", "Masato Ohtaka"]


def test_an_attribution_ending_the_sentence_covers_each_clause(extractor: Extractor) -> None:
    text = "Two of those killed were on the train and one was in the truck, Cpl. Justin Dunn said."
    claims = claims_of(extractor, text)
    assert len(claims) == 2
    assert [c.speaker for c in claims] == ["Justin Dunn", "Justin Dunn"]


@pytest.mark.parametrize(
    "text",
    [
        # curly marks: the quote opens in the first sentence and closes in the second
        "The elections \u201cwere free and I hope observers will confirm that. But the"
        " landslide is amazing,\u201d Mr. Saakashvili told reporters.",
        # straight marks
        '"These executives told lie after lie. In the end, they only inflated their'
        ' sentences," Miller said.',
    ],
)
def test_a_verb_inside_an_open_quotation_is_not_its_speaker(
    extractor: Extractor, text: str
) -> None:
    claims = claims_of(extractor, text)
    assert len(claims) == 2
    assert claims[0].speaker == claims[1].speaker
    assert claims[1].speaker in ("Saakashvili", "Miller")


def test_a_clause_reported_by_a_gerund_has_its_own_speaker(extractor: Extractor) -> None:
    text = (
        "It was not clear how many people were hurt, the patrol said, but hospitals "
        "reported receiving more than 40 patients from the crash."
    )
    claims = claims_of(extractor, text)
    assert [c.speaker for c in claims] == ["patrol", "hospitals"]
    (alone,) = claims_of(extractor, "A neighbour recalled seeing the suspect in the street.")
    assert alone.speaker == "neighbour"
    (none,) = claims_of(extractor, "He stopped talking to the reporters outside.")
    assert none.speaker is None  # "stop" reports nothing


def test_a_gerund_before_its_clause_is_no_source_of_it(extractor: Extractor) -> None:
    text = (
        "Denying he was a gangster, Gigante would wander the streets of the Greenwich "
        "Village neighborhood in nightclothes, muttering incoherently."
    )
    (claim,) = claims_of(extractor, text)
    assert claim.speaker is None
    # after its clause, a gerund of saying still tells what the subject said
    (claim,) = claims_of(
        extractor,
        "The US urged Russia on Sunday to rein in the Syrian regime, warning that any "
        'further chemical attacks would be "very damaging".',
    )
    assert claim.speaker == "United States"


def test_quote_split_over_two_sentences_has_one_speaker(extractor: Extractor) -> None:
    text = '"We agreed that China is important. Japan and the US will act," Kishida said.'
    claims = claims_of(extractor, text)
    assert [c.speaker for c in claims] == ["Kishida", "Kishida"]
    assert claims[0].quotes == ("We agreed that China is important.",)


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a quote that runs over a line with no quote mark closes where the speaker is named
        (
            '"The refugees need to be safe.\nThey ran away from war.\n'
            'They should not be pursued," Deng, the governor, said.',
            ["Deng", None, "Deng"],
        ),
        # a quote whose source names no one is not the next speaker's
        (
            'According to a 2 p.m., CalTech briefing, "There is an 80 percent chance of a strong '
            'aftershock.\nThere is a 9 percent chance of a bigger one."\n'
            "Mayor Peggy Breeden said five fires were burning.",
            [None, None, "Peggy Breeden"],
        ),
        # a quote left open by a stray mark takes no speaker from far down
        (
            '"We will go on.\nThe sun rose early.\nThe rain fell hard.\nThe wind blew cold.\n'
            "The river rose fast.\nThe town slept late.\n"
            "Mayor Jane Smith said the roads were closed.",
            [None, None, None, None, None, None, "Jane Smith"],
        ),
        # nor is it the last speaker's when a sentence of no one's comes between
        (
            "Rob Graves said the quake was large.\nThe airport stayed open.\n"
            '"Buildings have cracks."',
            ["Rob Graves", None, None],
        ),
    ],
)
def test_speaker_of_a_quote_is_found_within_the_quotation(
    extractor: Extractor, text: str, speakers: list[str | None]
) -> None:
    assert [c.speaker for c in claims_of(extractor, text)] == speakers


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # straight double quotes
        ('He said "very damaging" twice.', ["very damaging"]),
        # curly double quotes
        ("She called it \u201ca clear message\u201d today.", ["a clear message"]),
        # curly single quotes around a word with an apostrophe
        ("He said \u2018it\u2019s over\u2019 and left.", ["it\u2019s over"]),
        # straight single quotes; an apostrophe inside does not close them
        ("'I don't know,' he said.", ["I don't know,"]),
        # a possessive is no quote
        ("Washington's retaliation and the Smiths' house.", []),
        # an unclosed quote runs to the end of its line
        ('"We agreed that it matters.\nNext line', ["We agreed that it matters."]),
        # a quote closed on the next line (one sentence per line) continues there
        (
            '"It has proven technology.\nThat was attractive," said Su.',
            ["It has proven technology.", "That was attractive,"],
        ),
        # a quote inside a quote is part of the outer one
        ("He said \"the 'Oddfather' is dead\" today.", ["the 'Oddfather' is dead"]),
    ],
)
def test_quote_spans(text: str, quoted: list[str]) -> None:
    assert [text[s:e] for s, e in quote_spans(text)] == quoted


def test_quotes_in_claim_drop_trailing_commas() -> None:
    text = '"We need to act now," he said, warning of "grave risks".'
    spans = quote_spans(text)
    assert quotes_in(text, 0, len(text), spans) == ("We need to act now", "grave risks")
    assert quotes_in(text, 30, len(text), spans) == ("grave risks",)


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        # a nickname or a title in quotation marks is a name, not words someone said
        ('Vincent "the Chin" Gigante ran the family.', ()),
        ("Paxton starred in \u201cAliens\u201d and \u201cThe Predator\u201d films.", ()),
        # a capitalised quotation with its stop is a quotation
        ('"We need to act," he said.', ("We need to act",)),
        ('He called the claims "smoke screens".', ("smoke screens",)),
    ],
)
def test_names_in_quotation_marks_are_no_quotes(text: str, quotes: tuple[str, ...]) -> None:
    assert quotes_in(text, 0, len(text), quote_spans(text)) == quotes


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("Sudan had not bombed the camp.", True),  # "not"
        ("Sudan's armed forces denied they carried out the strike.", True),  # a denial
        ("He never contacted the police.", True),  # "never"
        ("The minister refused to attend the meeting.", True),  # a refusal
        ("No gun was used in the attack.", True),  # "no" on the subject
        ("He didn't get it.", True),  # a contraction
        ("Jets bombed the camp on Thursday.", False),  # a plain statement
        ("An assertion the United States and others reject.", False),  # rejecting is no negation
        ("Florida's primary isn't until March 9.", False),  # "not until": it happens, later
        ("Residents had nothing but praise for Lynch.", False),  # "nothing but" affirms
        ("The talks are not only about Syria.", False),  # "not only" adds, denies nothing
        ("Residents had nothing to say about Lynch.", True),  # "nothing" still denies
        ("A spokesman declined to comment.", True),  # declining an action
        ("The talks failed to reach a deal.", True),  # failing to do it
        ("Shares declined 5 percent on Monday.", False),  # a fall, not a refusal
        ("He said the talks had failed.", False),  # a failure is an event of its own
    ],
)
def test_negation(extractor: Extractor, text: str, negated: bool) -> None:
    assert claims_of(extractor, text)[0].negated is negated


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Sanctions could be tightened against Russia.", "could"),  # a modal verb
        ("The strike may have killed dozens.", "may"),  # another modal
        ('Tillerson would "deliver that message", he said.', None),  # a reported "will"
        ("Cisco said it would pay $115 a share.", None),  # the same, as reported speech
        ("The merger would cost 500 jobs.", "would"),  # a conditional: hedged
        ("An alleged chemical strike killed 80 people.", "alleged"),  # an adjective
        ("The minister was reportedly killed.", "reportedly"),  # an adverb
        ("Tillerson is due to fly to Moscow.", "scheduled"),  # "is due to"
        ("Tillerson is scheduled to meet Lavrov.", "scheduled"),  # "is scheduled to"
        ("He was said to have doted on his mother.", "reportedly"),  # passive hearsay
        ("Jets bombed the camp.", None),  # stated as fact
    ],
)
def test_modality(extractor: Extractor, text: str, modality: str | None) -> None:
    assert claims_of(extractor, text)[0].modality == modality


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("Jets bombed the refugee camp on Thursday.", "bomb"),  # the main verb
        ("Khalid said Sudanese forces fought rebels near Taludi.", "fight"),  # through "said"
        ("Tillerson is scheduled to meet Lavrov in Moscow.", "meet"),  # through "scheduled to"
        ("The court sentenced him to life in prison.", "sentence"),  # lemma, not inflection
        ("The minister refused to attend the dinner.", "attend"),  # through "refused to"
        ("An air strike killed more than 80 people.", "kill"),  # a plain event
        # the parser reads "indicates 243 passengers" and "were onboard" as two actions
        ("The board said information indicates 243 passengers and 12 crew were onboard.", "be"),
        ("The board said information indicates 243 passengers.", "indicate"),  # no clause
        ("He sold the house and moved to Cardiff.", "sell"),  # two actions joined by "and"
    ],
)
def test_predicate(extractor: Extractor, text: str, predicate: str) -> None:
    assert claims_of(extractor, text)[0].predicate == predicate


def test_lemmas_are_content_words(extractor: Extractor) -> None:
    claim = claims_of(extractor, "The ministers were meeting in the old palace.")[0]
    assert claim.lemmas == ("minister", "meet", "old", "palace")
