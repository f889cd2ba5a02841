"""Hand-built Facts for the sample article (no spaCy): each fact's evidence is
the article line containing a given snippet, with its real offsets; and the builders the
quality tests share (a context, a draft, a dated fact, a card, a who-said draft, a country
link on invented sentences).

The sample article is also an evaluation text, so its words are read from the file
(``between``), never copied here: `make lint` refuses 8 words in a row of it."""

from __future__ import annotations

from pathlib import Path

from quizzes.extraction.facts import CountryLink, DatedEvent, Facts, Person, Quote
from quizzes.generation import generation_context
from quizzes.generation.context import DatedFact
from quizzes.generation.dates import parse_iso
from quizzes.generation.draft import QuestionDraft

SAMPLE_PATH = Path(__file__).resolve().parents[3] / "fixtures" / "seed_article.txt"
SAMPLE_TEXT = SAMPLE_PATH.read_text(encoding="utf-8")


def between(first: str, last: str, source: str = SAMPLE_TEXT) -> str:
    """The article's words from `first` through the next `last` ("a senior fellow" ...
    "studies")."""
    start = source.index(first)
    return source[start : source.index(last, start) + len(last)]


def line_of(snippet: str, text: str = SAMPLE_TEXT) -> tuple[str, int, int]:
    at = text.index(snippet)
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end == -1 else end
    return text[start:end], start, end


def quote(text: str, speaker: str | None, *, source: str = SAMPLE_TEXT) -> Quote:
    evidence, start, end = line_of(text, source)
    at = source.index(text)
    return Quote(
        text=text,
        speaker=speaker,
        start=at,
        end=at + len(text),
        evidence=evidence,
        evidence_start=start,
        evidence_end=end,
        attribution="explicit",
    )


def link(subject: str, country: str, snippet: str, kind: str = "other", *, source=SAMPLE_TEXT):
    evidence, start, end = line_of(snippet, source)
    return CountryLink(
        subject=subject,
        country=country,
        evidence=evidence,
        evidence_start=start,
        evidence_end=end,
        subject_kind=kind,
    )


def event(clause: str, when: str, iso: str | None, snippet: str, *, source=SAMPLE_TEXT):
    evidence, start, end = line_of(snippet, source)
    return DatedEvent(
        event=clause,
        when=when,
        date=iso,
        evidence=evidence,
        evidence_start=start,
        evidence_end=end,
    )


def sample_facts() -> Facts:
    return Facts(
        quotes=[
            quote("hopeless", "Kassym-Jomart Tokayev"),
            quote(between("take care of", "their safety"), "Kassym-Jomart Tokayev"),
            quote("sphere of influence", "Vladimir Putin"),
            quote(between("We’re probably", "Soviet republic"), "Nargis Kassenova"),
            quote("artificial state", "Dmitry Medvedev"),
            quote("a very risky situation", "Temur Umarov"),
            quote(between("The shift from", "going to continue"), "Andrew D'Anieri"),
            quote(between("China has been eating", "for many years"), "Andrew D'Anieri"),
            quote(between("That shift from", "going to continue."), "Andrew D'Anieri"),
            quote(between("firmly supports", "territorial integrity"), "Xi Jinping"),
            quote(between("We can imagine", "same situation"), None),
        ],
        countries=[
            link("Kassym-Jomart Tokayev", "Kazakhstan", "Kazakh President Kassym-Jomart", "person"),
            link("Vladimir Putin", "Russia", "Russian President Vladimir Putin put", "person"),
            link("Angela Merkel", "Germany", "Former German chancellor", "person"),
            link("Xi Jinping", "China", "Chinese President Xi Jinping", "person"),
            link("Tashkent", "Uzbekistan", "But at the SCO meeting in Tashkent", "place"),
            link(
                "Shanghai Cooperation Organisation meeting",
                "Uzbekistan",
                "As leaders gathered earlier this month",
                "event",
            ),
            link("president of Kyrgyzstan", "Kyrgyzstan", "president of Kyrgyzstan", "person"),
            link("Russia", "Russia", "Kazakhstan and Russia’s relationship", "place"),
        ],
        events=[
            event("the dissolution of the USSR", "1991", "1991", "Since the dissolution"),
            event(
                between("one Moscow official", "of Kazakhstan"),
                "In March",
                "2022-03",
                "In March, one Moscow official",
            ),
            event(
                between("Angela Merkel was", "president in 2014"),
                "2014",
                "2014",
                "Former German chancellor",
            ),
            event(
                between("leaders gathered", "Organisation meeting"),
                "earlier this month",
                "2022-09",
                "As leaders gathered earlier this month",
            ),
            event(
                between("Mr Tokayev and his", "mission in January"),
                "in January",
                "2022-01",
                "propped up by a Russian-led",
            ),
            event("those born after 1991", "after 1991", "1991", "The post-Soviet generation"),
            event(
                between("Mr Putin himself", "declared")
                + " "
                + between("that the former Soviet", "within Russia’s")
                + " sphere of influence",
                "more than 20 years ago",
                "2002",
                "Mr Putin himself declared",
            ),
        ],
        people=[
            Person("Kassym-Jomart Tokayev", "Kazakh President", "m"),
            Person("Vladimir Putin", "Russian President", "m"),
            Person("Angela Merkel", "Former German chancellor", "f"),
            Person("Xi Jinping", "Chinese President", "m"),
            Person("Nargis Kassenova", between("a senior fellow", "Eurasian studies"), "f"),
        ],
    )


def built(builder, facts: Facts, text: str = SAMPLE_TEXT, **kwargs):
    """One builder's drafts before the quality check (quizzes.generation.quality)
    chooses among them: for tests of how a kind is phrased."""
    return builder.build(generation_context(facts, article_text=text, **kwargs))


def ctx_for(text, facts=None, **kwargs):
    """The generation context of an invented article `text` (with `facts`, or none)."""
    return generation_context(facts or Facts(), article_text=text, **kwargs)


def draft(kind, prompt, answer, options=(), *, text="", source=None, **kwargs):
    """A question draft of `kind` as a builder would make it, for the quality rules."""
    choices = [(answer, True, 0), *((o, False, i) for i, o in enumerate(options, start=1))]
    if kind == "cloze":
        choices = []
    if kind == "true_false":
        choices = [("True", answer == "True", 0), ("False", answer == "False", 1)]
    start = kwargs.pop("evidence_start", 0)
    return QuestionDraft(
        kind=kind,
        prompt=prompt,
        answer=answer,
        choices=choices,
        explanation=f"In the article: “{text}”",
        evidence_start=start,
        evidence_end=kwargs.pop("evidence_end", start + len(text)),
        fingerprint=kwargs.pop("fingerprint", prompt),
        source=source,
        **kwargs,
    )


def dated(clause: str, when_text: str, iso: str, text: str) -> DatedFact:
    """An event of the sentence `text` (its first word the snippet) dated `iso`."""
    fact = event(clause, when_text, iso, text.split()[0], source=text)
    return DatedFact(event=fact, when=parse_iso(iso))


def dated_by_its_sentence(clause: str, when: str, iso: str, sentence: str) -> DatedFact:
    """An event whose snippet is the whole `sentence`, dated `iso`."""
    return DatedFact(event=event(clause, when, iso, sentence, source=sentence), when=parse_iso(iso))


def kinds(drafts, kind):
    """The drafts of one kind."""
    return [d for d in drafts if d.kind == kind]


def cloze_card(sentence, answer, target):
    """A fill-in-the-blank card on `sentence` (which holds the blank)."""
    return draft("cloze", f"Fill in the blank: {sentence}", answer, target=target)


HARBOUR_SPEECH = (
    "Mayor Ana Ruiz spoke at the harbour.\n"
    '"As women we must lift each other up," Ruiz said.\n'
    'Her deputy Tom Vale said "the harbour ferries will restart in May."\n'
    'Vale added "the harbour ferries restart in May, whatever the weather."\n'
    'Vale said "the bridge is safe."\n'
    "Police said that she would not move away from the town.\n"
)


def who_said_draft(text, speaker, options):
    """A who-said question on words of HARBOUR_SPEECH credited to `speaker`."""
    said = quote(text, speaker, source=HARBOUR_SPEECH)
    return draft("who_said", f"Who said: “{text}”?", speaker, options, source=said)


def link_in_sentence(
    subject: str, country: str, sentence: str, kind: str = "organisation"
) -> CountryLink:
    """A country link whose evidence is the whole invented `sentence`."""
    return CountryLink(
        subject=subject,
        country=country,
        evidence=sentence.strip(),
        evidence_start=0,
        evidence_end=len(sentence.strip()),
        subject_kind=kind,
    )
