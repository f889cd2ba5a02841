"""Direct quotations and who said them.

Rules, in the order they are tried for each top-level quotation (all linear passes
over the already-parsed Doc; nothing is parsed again):

1. explicit      a speech verb outside the quotation, in the same sentence, whose
                 subject is a person: the verb the quotation hangs on in the parse
                 ("described X as “hopeless”", "“...,” Mr D'Anieri said"), else, for a
                 quotation set off by punctuation, the nearest speech verb ("X said:
                 “...”", "— “...” — suggesting he ..."); inverted "said Andrew D'Anieri";
                 a verb without a subject takes its head's ("agreed, saying “...”"),
                 a relative clause its antecedent ("X, who said “...”"); "the minister
                 said" is the nearest earlier person with that office
                 (not "the local health minister" after "Transport Minister X": an
                 office word not in X's role is someone unnamed); a clause and a
                 colon ("Keir Stone: ‘...’", "Mr Reed was blunt: “...”") name the speaker.
                 An organisation subject is the speaker in full ("The Kumasi Chamber of
                 Trade and Industry said"); "it said" / "the authority said" is the
                 organisation that spoke in this or the previous sentence (an "it"
                 opening a sentence, also the organisation that was the main subject
                 of the sentence before: "The agency paused ... It thanked X, noting
                 “...”"); "the Norwegian government said" is that body as written
                 ("Norwegian government"; its spokesperson stays unnamed), as does
                 "Norway's fisheries ministry said"; failing
                 that, "the ministry said" is the nearest organisation named earlier
                 (within about 400 words) whose name has that word ("the Ministry of
                 Foreign Affairs"), whether or not it spoke there (not office words:
                 "the minister" is a person). A participle clause of speech takes the
                 main clause's subject ("X returned, telling supporters that he had come
                 "to finish the work""; also saying/warning/adding). A verb coordinated
                 with a verb inside a quotation shares that verb's subject outside the
                 quotes ("it had “taken note” of the decision and called for a “calm”
                 campaign", then the reporting clause's speaker as usual). An
                 interrupted quotation ("A," she said, "B." / "A," said X, "B." /
                 "A," X said. "B.") gives both halves the resolved speaker.
                 "Media quoted X as saying ..." is X's, not the outlet's.
                 A passive speech verb's agent speaks ("was called “...” by X", "was
                 criticised by X, who told Reuters: “...”"). "who"/"which" is its antecedent, also past an
                 appositive ("Dara Okafor, a trade unionist, who told reporters it was
                 “long overdue”"). A quotation run into a sentence whose parse hangs it
                 elsewhere takes a speech verb a few words before it with only its object
                 between ("who called it “a sign of things to come”"). An office written
                 without a name or article, capitalised or in a headline ("‘Long
                 overdue’, Foreign Minister says") is the article's holder of that office
                 (all its words in the person's role; else the only person whose role has
                 the office word). An acronym subject is the organisation in full.
                 When the verb's subject cannot be the speaker (a country, a thing) and
                 the clause is what someone says, the reporting verb's subject speaks
                 ("He said Mexico would answer “tariff for tariff”"). A coordinated
                 verb shares its subject ("X, a state-owned ferry company, cancelled
                 sailings and said the move was “...”"). "dismissed/hailed/described X
                 as", "branded", "labelled", "dubbed" attribute like "said"; so does any
                 active verb giving its object "as" words ("regarded the hearing as",
                 "assailed the plan as", "touted it as"; not "worked as", nor passive). An unnamed
                 representative of an organisation ("A Department of Health
                 spokesperson said", "a spokeswoman for X", "a Treasury official") is
                 nobody named (None), also when the parse makes the organisation the
                 subject; the organisation itself as subject ("The department said in a
                 statement") stays the organisation. "talked of", "expressed",
                 "voiced", "justified ... as", "informed X" take a quoted phrase like
                 "said"; a phrase quoted as the object of a verb coordinated with a speech
                 verb is the subject's ("gave its “...” and said"); "pleading guilty" is no
                 speech. "His wife Mary said" is Mary.
                 "They released a statement" after a sentence whose main subject is an
                 organisation is that organisation (like "it"); "the company / firm /
                 group said" is the organisation last a clause's subject within three
                 sentences (else the one named last). A court or panel giving its
                 decision speaks ("the court found/ruled/held that ..."); "the court" is
                 the court that was a clause's subject before ("the only higher court
                 is X" is passed over). "The letter reads" / "the report says" with no
                 author of its own is the author the sentence before gave ("X wrote to
                 ...", "A report by X"); "the court's summary" speaks for the court, and
                 a court's text with no author ("An excerpt of the judgment reads:") for
                 the court named last before it. A
                 title in quotation marks run into a sentence ("the film "Salt Roads"",
                 "the case "A vs. B Ltd"") is nobody's words. "The army / navy / air
                 force / coast guard said" with no name is that body as written ("army",
                 "air force"; not "the ministry", one of many); "“...” according to The X Ledger" right after the quotation is the
                 publication as written; "Part of the judge's opinion reads" is the
                 text's author; "referred to X as “...”" labels like "described as";
                 "“...” — as the Appeals Court decision put it —" (also just before the
                 quotation: "had acted, as the ruling put it, “...”") is the decision's
                 author (a document's compound names it). "“...,” said co-author and X
                 Research Fellow Ana Lind." is the name after the last title word when
                 the people stage took it into an organisation's name, or the person it
                 found there ("said study co-author and senior research fellow Ines Varga").
                 "“...” was how X put it" is like "as X put it"; "in the words of X" like
                 "according to X". Of two subjects the parse gives a verb ("His teammate
                 Ola Berg added"), the one that is someone speaks. "X, asked whether ...,
                 said" is X's (the parse gives X to the participle). "The agency / bank /
                 university / union said" is an organisation named just before, like "the
                 company". A text "from the family of X" / "by lawyers for X" is not X's.
                 "A spokesperson for <person>" is nobody named (its own name in apposition
                 if given: "a spokesman for X, Tom Lee"). A group around one person
                 ("Supporters of Mayor X", "Friends of the victim, X,") is not X: nobody
                 named. A kind of organisation or outlet
                 with its name right after it ("trade website ShipWatch", "the news agency
                 Interfax") is that name. A colon lead with no speech verb and no person
                 subject naming one person ("left critic X unimpressed: “...”") is that
                 person. Feature verbs carry a quotation too ("radioed", "muttered",
                 "laughed", "chanted": ``context.QUOTING_VERBS``). A country (or a
                 place the model labels one) as the active subject speaks as written
                 ("Freedonia said", "the United States announced", a headline's
                 "Freedonia bans X, citing '...'"), not inside what someone else says
                 ("She said Freedonia would respond “...”"); a passive speech verb
                 with no agent names nobody ("X grew and was called the “jewel”").
                 A text the subject only puts out or reads out is its author's ("The
                 palace issued a statement from the king:", "read a message on behalf
                 of X": the king, X), "the king" being the article's king.
                 "A statement from the club said" is the club (as "the club said"); "“...,”
                 a statement from X read." is X's even when the tagger takes "read" for a
                 noun, and "“...”, reads a X press release, “...”" (the parse making the
                 text the object of "reads") is X's on both sides. "indicated" is a weak
                 speech verb ("X, which indicated a “major breakthrough” was near").
                 A surname with an age after the quotation ("Okonjo, 54, said") is
                 the person named in full before, whatever the tagger made of it.
                 "The foreign ministry of Chile said" is that body as written; an "it"
                 after a sentence whose subject is a country's body ("Peru's trade
                 ministry cancelled ... It said") is that body.
                 "“A;” read the statement; “B”" gives both halves the author the
                 narration gave the text before (quote-only sentences passed over);
                 "“...”, read the warning." is the warning's issuer ("issued by Met
                 Éireann", a capitalised name the people stage missed). "The agency
                 identified him only as “Mr. B”" is the agency's (a name it gives); a
                 phrase spelling out a name ("termed Nexit for “Norland exit”", "short
                 for", "stands for") is nobody's.
                 A verb the parse leaves without a subject takes the one written before
                 it across an aside ("The Board has, in a notice, called on skippers
                 to “...”"); an "it" speaking after an organisation's quotation (this
                 or the previous sentence, no person quoted since) is that organisation
                 ("It also urged passengers to “...”"). A research text with no author
                 of its own ("“...”, reads the report", "The study ...") is the author
                 the article last gave such a text ("The survey was carried out by X");
                 a phrase quoted in a sentence with no speech verb whose subject is a
                 text is the text's author's ("The study counts ... an “average ...”").
                 "They" is the person named first in a main subject of several ("X and
                 Y met ... They said"), in one of the three sentences before, passing
                 over a sentence about one person; not after people in the plural.
                 "A and B ..., with the latter confirming “...”" is B ("the former": A).
                 An unnamed spokesperson of a named organisation whose quotation speaks
                 as "we" gives the organisation's words. "A post sent from X's account"
                 is X's; "The account for The X Show, which ..., tweeted" is The X Show
                 (a capitalised name after "for"/"of"; never "the account of a witness").
                 "A statement from the X family read" is the X family (a family left
                 unnamed is nobody's). "The proclamation said" with no author is by whoever did the
                 act ("X declared an emergency") as a main verb just before.
                 "The delegate to the Senate, Ana Roe, told" is Ana Roe (the parse hangs
                 the name on "Senate"); "Their statement also read" is like "the
                 statement"; "The Department said" is the department named in full
                 before ("the Ohio Department of Parks"). "The government said" / "the
                 government statement" is the body a sentence of the three before named
                 with its country ("The government of X announced ..."). "The Prime
                 Minister" after "Finance Minister X" is whoever holds both words.
                 "The city / town / county said" is the "City of X" named before (also
                 written "the city of X, Vermont"). "Citing the X quote that “...”" (also
                 "the saying / motto of X:") is X's, a named person, not the one citing it.
                 "The opinion of the court ... read in part, “...”" is the text's author
                 (weak "read" with a text as subject, right before the quotation). A speech
                 verb opening its sentence ("Remarked Harlow Trust ecologist Ana Lind,
                 “...”") is the first person named after it. "credits X as having done
                 “...”" labels like "described as", and title-case words given "as" by
                 an active labelling verb ("referred to the vote as “The Big Sham”") are
                 the speaker's, not a title. "A recording in which someone, apparently X,
                 says “...”" is X's (the one person named between the recording and the
                 verb). A name in the verb's own prepositional phrase before it ("and on
                 X referred") is no adjacent speaker. "The bishops' conference said" (the
                 plural of its members before the noun) is like "the conference said".
                 "She was directing the panels to “...”" (a directive verb with its own
                 subject, an object and a "to" clause) is the subject's instruction.
                 "attacked / blasted / slammed / discussed the “...”" (the quotation
                 opening the verb's direct object) is the subject's, not "attacked X for
                 the “...” remark", a quotation in the subject, a name ("discussed the
                 “Harbour plan”") or a label ("slammed the “made here” label"). Weak in
                 that use only: "slammed the plan as a giveaway" (labels_as) is strong.
                 Words in the first person singular ("I", "my") that no speech verb gives
                 to anyone are the own words of the person who is the subject of their
                 clause ("Then aged 20, she saw the stall as a “way to pay my rent”";
                 "her passion “grew from my ...”" is hers), unless the sentence names
                 someone else outside the quotation.
                 A speech verb whose object is a relative "which", the quotation outside
                 its clause, remarks on what came before and introduces nothing ("X
                 spoke — which the Courier noted as rare — “...”": X's). A place the parse
                 makes the subject right after a comma ending an affiliation ("X of the
                 University of Oregon, Eugene disagreed") is not a speaker: the person
                 before it is.
                 A main speech verb after a comma that the parse left without a subject
                 ("Calling it “...”, X of “Group”, a charity, told Reuters “...”", the name
                 made an appositive of the phrase) is the nearest person named before it
                 with no narrated verb between; a few words quoted right after "X of" and
                 a comma are the group's name (nobody's); title-case words in apposition to
                 a common noun ("his event, “Storm The Gates, They Can't Stop Us”,") are a
                 title, not the organiser's words. "A banner from X saying “...”" is X's
                 slogan, whoever the parse makes the subject. An acronym in capitals as a
                 subject ("Norlandian SVB arrested ..., claiming") is that body with the
                 capitalised words before it. A long title the parse takes apart ("Longtime
                 X Show writer and performer Ana Lind tweeted") is said by the person named
                 last in the subject, after a role word, right before the verb.
                 A short title-case name after "the" that the model labels an
                 organisation speaks as written ("described by the Valley Courier as
                 “...”"; not a text: "the ... Constitution specifies"); "the Okafor family
                 said" is the "Okafor family"; "endorsed / advocated / championed" carry a
                 quoted phrase like "said" ("She endorsed the choice of a “...”").
                 A family or campaign left unnamed is the one of the person meant ("Her
                 family said", "The family's statement read" after a sentence about Ann
                 Roe, "the campaign called it “...”": "Roe family", "Roe campaign"; not "the
                 family would say" in an interview's answer: anyone's family); "Roe's
                 post" is a text of Roe's, no body. A text (or part of one) that "includes"
                 or "contains" the quotation gives it its author, with no speech verb in the
                 sentence ("Part of Roe's post included the line, “...”"). A speech verb in a
                 clause of time the quotation is outside of is not its verb ("When X tweeted
                 ..., the site placed a notice “fact checking” it": nobody named).
                 A passive label by someone unnamed ("was labelled “...” by state media")
                 is nobody's, never the labelled one's; "the official account of the X
                 Bureau posted" is the body the article knows.
   pronoun       the same, when the subject is he/she: looking back sentence by sentence
                 (outside quotations), the first sentence with a person of fitting gender
                 (Mr/Ms, role words, pronouns; not a name words were posted on: "a
                 statement on Twitter", nor a part played: "the character of X") decides; in
                 it the subject of a speech verb
                 wins ("X, who arrived after Cyclone Y struck, said ..."), then the main
                 subject, any subject, the nearest name. An unnamed person there ("A
                 senior banker said", "a police officer said"; as main subject: "One of
                 the victims decided ...") gives None. Organisations
                 and places are never he/she (they are not in the people index).
                 A gender the article itself shows is learned: once "Lee ... he said"
                 has been attributed to Lee, a later "she" passes over Lee (also from
                 a noun with a gender: once "the father said" is Lee, "the mother" is not). "The
                 24-year-old said" parsed with no subject is resolved like a he/she.
                 The one spoken with in an earlier sentence ("Police spoke with Ms Reed.
                 She said ...") is a candidate, ranked last (never in its own sentence);
                 but the one asked a question ranks first ("X asked Ms Reed about the
                 vote. She said ...": the one asked answers; not "asked Reed to leave").
   interview     in an interview written as turns ("((Ana Roe)) ..."), "I" as the subject
                 of the verb a quotation hangs on in an answer is the one answering
                 ("I said, “...”", "I was like, “...”"; ``interview.py``); not past another
                 subject ("she's like “...”") nor for a name or title quoted there.
                 "We" there is the one answering too ("So we thought “...”"), and "I
                 was like “...”" right before the quotation wins over a speech verb of
                 another clause ("some wrote in and I was like “...”").
                 "You" as that subject in an interviewer's question ("((WN)) On your site
                 you wrote “...”. Why?") is the one who answers it, named by the next
                 answer's label (``turns.asked_by_paragraph``).
   according_to  "“...”, according to X"; but "According to X, <someone> said ..." is
                 that someone's (None when unnamed), and "X ruled, according to the
                 summary, “...”" (a text naming no author) is X's.
   A subject that is not a person ("one Moscow official called for the
   “denazification”", "analysts say") gives speaker None and stops here.
For a quotation that is a sentence on its own (nothing but punctuation around it):
2. next_sentence "That was the message from X." / "So said X." right after it; a sentence
                 whose subject points back ("That assessment", "The question", "Those")
                 and whose verb says where words came from, with the person (or an
                 organisation) through from / by / of or a possessive, or whose subject
                 made/issued "the promise / this warning / those remarks": "That assessment
                 came from X", "The question was put by X", "Those were the words of
                 X" ("of Ms A's colleague, X" is X), "That was X's view". Also when the
                 quotation opens its paragraph and the next sentence of the paragraph
                 opens with a named person or organisation saying something ("The NDF
                 said it would ...").
3. continuation  the speaker of the sentence before it in the paragraph (a quotation,
                 reported speech, or a person as the subject), or, when it opens its
                 paragraph, the last speaker of the previous paragraph (its last
                 quotation or reported speech "X says ..."); a previous paragraph with
                 no speech whose last sentence has a person as its subject ("Islam pointed
                 out that ..."); after one paragraph of narration naming nobody, the last
                 speaker of the paragraph before it. An unnamed speaker (None) blocks it.
                 Also for first-person words run into a sentence with no speech verb and
                 no one as its subject ("The glaze “takes a week, so I must ...”", "At the
                 launch, “I felt ...”"): only the speaker before it in the paragraph or
                 the person the sentence before is about.
4. next_sentence reported speech by a person in the next sentence ("X said so.").
5. heading       a paragraph that is only a quotation without final punctuation (or a
                 short topic and a colon before it: "Portugal wildfires: ‘The sky ...’",
                 or a colon/dash and a short source after it: "‘We will form the
                 government’: JPP leader") is a heading: it gets the speaker of the
                 article's quotation it repeats (token overlap), else the person, office
                 holder or organisation its trailing source names, else None (a scare
                 quote or a pull-quote with no source). A quotation in a headline-like
                 paragraph whose own attribution named nobody is matched the same way.
                 A headline or crosshead line (short, no final full stop) quoting a
                 phrase that nobody is said to say there ("Hospitals brace for 'worst
                 week yet'", "Social care ‘not keeping up’") gets the speaker of a
                 quotation that has the phrase word for word (two words or more, case
                 and straight/curly marks aside); among several, the one sharing most
                 of the line's words; a single word only when no narration writes it and
                 one speaker alone says it; else None. Not a two-word phrase the article also
                 writes as its own outside quotation marks ("a deep fake scam"): a term.
6. translation   a paragraph that gives its quotations again in another script after the
                 English ones ("((hi))Hindi language: …"), as many of each, gives each
                 translation left with nobody the speaker of the English quotation of its
                 rank (``_translations``).
Scare quotes inside a sentence with no speech verb get None. Quotations inside
quotations get a speaker only when a named person inside the outer quotation says
them, or when they are the outer speaker's own words or thought ("I said, '...'", "it
felt like 'am I dreaming?'"); otherwise None.

Where each rule lives (the order above is the order they run, see ``extract_quotes``):
``explicit.speech_verb`` (rule 1: ``VERB_CHOICE_RULES``, then ``speakers.SUBJECT_RULES`` /
``VERB_RULES``, then ``SPEAKER_FALLBACKS``; ``colon_lead``), ``explicit.nested_speaker``,
``nearby.NEARBY_RULES`` (rules 2-4), ``headings.HEADING_RULES`` (rule 5).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..confidence import confidence
from ..facts import Quote
from ..people import PeopleIndex
from ..text import QuoteSpan, latin_script
from .context import Found, QuoteContext
from .explicit import NESTED_FIRST_PERSON, nested_speaker, speech_verb
from .headings import attribute_headings, is_heading
from .nearby import Conversation, decide_nearby, speech_events
from .speakers import Speakers

__all__ = ["extract_quotes"]


def extract_quotes(doc: Doc, *, people: PeopleIndex) -> list[Quote]:
    """Every quotation of the article with its speaker (None when nobody is named)."""
    ctx = QuoteContext(doc, people)
    ctx.speakers = Speakers(ctx)
    found = [_found(ctx, q) for q in ctx.spans]
    for idx, f in enumerate(found):  # rule 1
        if f.span.depth == 0:
            speech_verb(ctx, idx, f)
            if f.resolved:
                ctx.speakers.heard(ctx.token_at(f.span.open_at), f.speaker)
    _nested(ctx, found)
    headings = _nearby(ctx, found)  # rules 2-4
    attribute_headings(ctx, found, headings)  # rule 5
    for f in found:
        if f.rule == NESTED_FIRST_PERSON and f.span.parent is not None:
            f.speaker = found[f.span.parent].speaker
    _translations(ctx, found)  # rule 6
    return [_quote(ctx, f) for f in found]


def _translations(ctx: QuoteContext, found: list[Found]) -> None:
    """ "… I said, “Not now.” ((hi))Hindi language: … “अभी नहीं।”": a paragraph giving
    its quotations again in another script after the English ones, as many of each, gives
    each translation, left with nobody, the speaker of the English quotation of its rank."""
    by_para: dict[int, list[Found]] = {}
    for f in found:
        if f.span.depth == 0:
            by_para.setdefault(f.span.paragraph, []).append(f)
    for quotes in by_para.values():
        latin = [f for f in quotes if latin_script(f.span.text(ctx.text))]
        other = [f for f in quotes if f not in latin]
        if not other or len(other) != len(latin) or other[0].span.start < latin[-1].span.start:
            continue
        for english, translation in zip(latin, other, strict=True):
            if english.speaker and not translation.speaker:
                translation.decide(english.speaker, english.attribution, "translation")


def _nested(ctx: QuoteContext, found: list[Found]) -> None:
    """Quotations inside quotations, with the evidence of the outer one."""
    for f in found:
        parent = f.span.parent
        if f.span.depth > 0 and parent is not None:
            nested_speaker(ctx, f, parent)
            f.seg_first, f.seg_last = found[parent].seg_first, found[parent].seg_last


def _nearby(ctx: QuoteContext, found: list[Found]) -> list[Found]:
    """Rules 2-4 in text order, so that a continued quotation carries the speaker on;
    returns the headings left for rule 5."""
    conv = Conversation(speech_events(ctx))
    for f in found:
        if f.span.depth == 0 and f.resolved:
            conv.add(f)
    conv.sort()
    headings: list[Found] = []
    for f in found:
        if f.span.depth > 0 or f.resolved:
            continue
        if is_heading(ctx, f.span):
            headings.append(f)
            conv.heading_paras.add(f.span.paragraph)
            continue
        decision = decide_nearby(ctx, conv, f)
        if decision is not None:
            attribution = decision.attribution if decision.speaker else "none"
            f.decide(decision.speaker, attribution, decision.rule)
            conv.add(f, keep_order=True)
    return headings


def _found(ctx: QuoteContext, q: QuoteSpan) -> Found:
    return Found(q, seg_first=ctx.seg_of(q.open_at), seg_last=ctx.seg_of(max(q.open_at, q.end - 1)))


def _quote(ctx: QuoteContext, f: Found) -> Quote:
    q, text = f.span, ctx.text
    ev_a, ev_b = ctx.segments[f.seg_first][0], ctx.segments[f.seg_last][1]
    rule = f.rule or "unattributed"
    return Quote(
        text=q.text(text),
        speaker=f.speaker,
        start=q.start,
        end=q.end,
        evidence=text[ev_a:ev_b],
        evidence_start=ev_a,
        evidence_end=ev_b,
        attribution=f.attribution if f.speaker else "nested" if q.depth else "none",
        rule=rule,
        confidence=confidence("quotes", rule),
    )
