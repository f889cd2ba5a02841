"""Draft checks on quotations ("Who said: “…”?" and the statements of who said it):
quotations too short, cut or quoted elsewhere, labels and lists, speakers credited
through a pronoun, cues to the speaker."""

from __future__ import annotations

import re
from functools import lru_cache

from quizzes.extraction.article_caches import per_article
from quizzes.extraction.facts import Quote
from quizzes.extraction.geo import canonical_country, country_of_adjective
from quizzes.extraction.lexicon import (
    FEMALE_ROLE_WORDS,
    MALE_ROLE_WORDS,
    OFFICE_TITLES,
    PERSON_ROLE_NOUNS,
)
from quizzes.extraction.text import regex

from ..context import GenerationContext, without_title
from ..distractors import same_person
from ..draft import QuestionDraft
from ..text import (
    BLANK,
    QUOTED,
    contains_word,
    gives_away_person,
    is_organisation,
    name_parts,
    normalise,
    plain,
    words,
)
from ..turns import answer_label
from ..which_country import names_a_place
from ..who_said import killer_in_article
from .base import (
    _FIRST_PERSON,
    _SENTENCE_BREAK,
    _headline,
    _plain_sentences,
    _speaker_quote,
)
from .giveaway import _TF_QUOTE, _content_words, _quotation

TITLE_ECHO = 3  # content words a quotation shares with the title that names its speaker


def quote_echoes_title(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “within the next ten days I will send the port bill …”?" under the
    title "Mayor Ruiz to send port bill within ten days": the title names the speaker
    and says what the quotation says; "I was lucky to win" under "Ruiz wins the final"."""
    quote = _speaker_quote(draft)
    title = _headline(ctx)
    if draft.kind != "who_said" or quote is None or not quote.speaker or not title:
        return None
    if not gives_away_person(title, quote.speaker):
        return None
    shared = _content_words(quote.text) & _content_words(title)
    if len(shared) >= TITLE_ECHO:
        return "give-away: the title names the speaker and says what was said"
    if _FIRST_PERSON.search(quote.text) and _WINNING.search(quote.text) and _WINNING.search(title):
        return "give-away: the title names the winner, who speaks of winning"
    return None


# "I was lucky to win" under the title "Ruiz wins the final": the winner speaks.
_WINNING = re.compile(r"\b(?:win|wins|won|winning|victory|champion)\b", re.I)


_OBJECT_MARKERS = {
    "to", "asking", "asked", "told", "urging", "urged", "thanked", "thanking", "with",
    "interviewed", "addressing", "addressed", "against", "about", "called", "calling",
    # "In a statement on Twitter, he wrote, “…”": where the words were posted (blind judge,
    # batch 40: keyed "Twitter", the governor among the wrong options)
    "on", "via",
}  # fmt: skip


_PRONOUN_SUBJECT = re.compile(r"\b(he|she|they|i|we)\b", re.I)


def _named_only_after(
    quote: Quote, markers: set[str], window: int
) -> tuple[str, list[re.Match[str]]] | None:
    """The sentence outside its quotations (each quotation left as "¶") and the mentions of
    the credited speaker there, when every mention follows one of `markers` within
    `window` words; None when the speaker is named as a subject somewhere."""
    outside = QUOTED.sub(" ¶ ", plain(quote.evidence))
    parts = [p for p in name_parts(quote.speaker) if p] or [normalise(quote.speaker)]
    pattern = regex(rf"(?<![\w])(?:{'|'.join(re.escape(p) for p in parts)})(?![\w])", re.IGNORECASE)
    mentions = list(pattern.finditer(outside))
    if not mentions:
        return None
    for mention in mentions:
        if not any(w in markers for w in words(outside[: mention.start()])[-window:]):
            return None  # named as a subject somewhere: fine
    return outside, mentions


def speaker_named_as_addressee(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Talking to Petra Lindqvist of a radio station, he said …", "… the coach
    said, urging Omar to stay": when the sentence names the credited speaker only after "to",
    "asking", "told" and the like, that person is the one spoken to."""
    quote = _speaker_quote(draft)
    if quote is None or not quote.speaker or draft.kind == "cloze":
        return None
    if _named_only_after(quote, _OBJECT_MARKERS, 2) is None:
        return None
    return "answer: the credited speaker is the person spoken to"


_PRAISING_VERBS = {"lauded", "praised", "hailed", "called", "named", "described", "thanked",
                   "congratulated", "commended", "saluted", "applauded", "dubbed",
                   "branded", "labelled", "labeled", "mocked", "blamed", "accused"}  # fmt: skip

# The named person speaking after all: "thanked Vela, who said", "Accused killer Vela told".
_SPEAKS_AFTER = re.compile(
    r"\b(?:who|said|says|saying|told|tells|telling|added|adding|explained|stated|wrote|"
    r"writes|testified|warned|continued|asked|asks|replied|responded|insisted|recalled|"
    r"noted|posted|tweeted|declared|announced)\b|[:;.!?]",
    re.I,
)


def speaker_is_the_one_praised(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Ruiz lauded Tomas Vela as a “tireless friend of the port”" credited to Vela: the
    credited speaker is only ever the object of a verb that praises, names or blames, and
    the quotation sits in that verb's object (the words are Ruiz's about Vela), so "Who
    said …?" marks the wrong person (blind judges). Not "The mayor thanked Vela, who said
    “…”" or "Accused killer Vela told the court: “…”": a speech verb after the name makes
    Vela the speaker. A card blanking Vela there still asks what the sentence says."""
    quote = _speaker_quote(draft)
    if quote is None or not quote.speaker or draft.kind == "cloze":
        return None
    named = _named_only_after(quote, _PRAISING_VERBS, 2)
    if named is None:
        return None
    outside, mentions = named
    for mention in mentions:
        rest = outside[mention.end() :]
        if "¶" not in rest or _SPEAKS_AFTER.search(rest[: rest.index("¶")]):
            return None  # no quotation in the praising verb's object
    return "answer: the credited speaker is the one the words praise or name"


# Where words are posted, never who says them ("—Ana Ruiz, Twitter" under a pull quote).
_PLATFORMS = {
    "twitter", "facebook", "instagram", "youtube", "tiktok", "reddit", "weibo", "whatsapp",
    "telegram", "linkedin", "snapchat", "parler", "gab", "truth social", "x",
}  # fmt: skip


def speaker_is_a_platform(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "In a statement on Twitter, he wrote, “…”" credited to "Twitter": a platform
    the words were posted on is no speaker (blind judge, batch 40); no question asks
    it, nor offers it."""
    quote = _speaker_quote(draft)
    if quote is None or draft.kind == "cloze":
        return None
    named = {normalise(quote.speaker or ""), *(normalise(c) for c in draft.choice_texts)}
    text = plain(ctx.article_text)
    for platform in named & _PLATFORMS:
        # "Facebook said in a statement": the company speaks; "on Facebook" it is a place
        name = regex(rf"(?<![\w@#]){re.escape(platform)}(?![\w])", re.I)
        places = [m for m in name.finditer(text) if _POSTED_ON.search(text[: m.start()])]
        speaks = [m for m in name.finditer(text) if _SAYS.match(text[m.end() :])]
        if places and not speaks:
            return "answer: a platform the words were posted on is no speaker"
    return None


_POSTED_ON = re.compile(r"\b(?:on|via|to|through)\s+$", re.I)
# "Facebook said", "Facebook released a statement": the company acts, so it may speak
_SAYS = re.compile(r"\s+(?:[a-z]+ed|said|says|states|wrote|writes|told|issues|releases)\b")


_SUBJECTLESS_START = re.compile(
    r"^Who said: “(?:\[(?:is|are|was|were|has|have|had|will|would|can|could|should|do|does|did)\]"
    r"|(?:is|are|was|were|has|have|had|will|would|can|could|should|does|did|not|never)\s)"
)


_CONTEXT = re.compile(r"\(Context: (.*)\)\s*$")


def option_named_in_the_context(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “Sad day”? (Context: … writes Ruiz's old partner _____.)" among
    Ana Ruiz and others: the context speaks of that option as someone else, so it
    cannot be the blank (blind judge, batch 15)."""
    if draft.kind != "who_said":
        return None
    context = _CONTEXT.search(draft.prompt)
    if not context:
        return None
    shown = QUOTED.sub(" ", context.group(1)).replace(BLANK, " ")
    for option, correct, _ in draft.choices:
        surname = plain(option).split()[-1:] if not correct else []
        if surname and len(surname[0]) > 2 and contains_word(shown, surname[0]):
            return f"options: {option} is named in the context as someone else"
    return None


# "under the ring name Iron Jo", "stage names Lulu and Kiki": another name of someone.
_OTHER_NAME = re.compile(
    r"\b(?:ring|stage|pen|screen|drag)\s+names?\s+(?:of\s+)?[“\"]?"
    r"([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})"
)


@per_article
@lru_cache(maxsize=64)
def _stage_names(article_text: str) -> frozenset[str]:
    """The ring, stage and pen names an article gives, normalised (once per article)."""
    return frozenset(normalise(m.group(1)) for m in _OTHER_NAME.finditer(article_text))


def option_is_another_name(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said …?" among Jo Bell and Iron Jo, the ring name the article gives Bell: a
    wrong option that is someone's stage or ring name is one person twice (blind judge,
    batch 15: a wrestler and his ring name offered as two speakers)."""
    if draft.kind != "who_said":
        return None
    aliases = _stage_names(ctx.article_text)
    for option, correct, _ in draft.choices:
        if not correct and normalise(option) in aliases:
            return f"options: {option} is another name of someone in the article"
    return None


_WHO_SAID_QUOTE = re.compile(r"^Who said: “(?P<quote>.*)”\?")


def glued_fragments(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “backed the first river law, … led to ten new rules”?": quotations
    the article split around its own words ("X said she “A” which “B”"), each a piece of
    a sentence without its subject, glued with "…" read as no statement (blind judge)."""
    quoted = _WHO_SAID_QUOTE.match(draft.prompt) if draft.kind == "who_said" else None
    if not quoted:
        return None
    parts = [p.strip(" ,;[]") for p in quoted.group("quote").split("…")]
    parts = [p for p in parts if p]
    if len(parts) >= 2 and all(p[:1].islower() for p in parts):
        return "grammar: pieces of sentences glued into one quotation"
    return None


def quote_without_its_subject(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “[are] keen on a vote …”?": the quotation starts after its subject
    (outside the marks), so the prompt is a fragment."""
    if (
        draft.kind == "who_said"
        and _SUBJECTLESS_START.match(draft.prompt)
        and "(Context: " not in draft.prompt  # its sentence gives the subject
    ):
        return "grammar: the quotation starts without its subject"
    return None


_AUXILIARY = {
    "had", "has", "have", "was", "were", "is", "are", "would", "will", "could", "should",
    "did", "does", "do", "can", "may", "might", "must",
}  # fmt: skip
_SPEAKERS_OWN = {"he", "she", "they", "we", "i", "it's", "he'd", "she'd"}
_IRREGULAR_PARTICIPLES = {
    "heard", "made", "done", "given", "taken", "seen", "said", "told", "left", "lost", "won",
    "become", "brought", "thought", "kept", "found", "held", "meant", "been", "put", "let",
    "shown", "known", "grown", "led", "paid", "sent", "spent", "built", "broken", "chosen",
}  # fmt: skip


def _starts_on_a_verb(first: str, after_auxiliary: bool) -> bool:
    """ "was a warm soul", "(had) heard the demands", "(has) condemned many": the quotation
    opens on a verb; after an auxiliary a participle or "not" also does."""
    first = first.casefold().strip("[],")
    if first in _AUXILIARY or first in {"not", "never"}:
        return True
    return after_auxiliary and (first.endswith("ed") or first in _IRREGULAR_PARTICIPLES)


def quote_about_someone_else(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “was a warm and gentle soul”? (Context: _____ wrote that Ana Ruiz "was a
    warm and gentle soul.")", "… said the mayor had "heard the pleas"": the quotation is the
    predicate of another subject, the speaker's report of someone else's stance, which
    nobody said as it is printed (blind judges, batches 20 and 30)."""
    if draft.kind != "who_said":
        return None
    quoted = _WHO_SAID_QUOTE.match(draft.prompt)
    context = _CONTEXT.search(draft.prompt)
    if not quoted or not context or not quoted.group("quote")[:1].islower():
        return None
    opening = " ".join(quoted.group("quote").split()[:3])
    at = context.group(1).find(opening)
    if at < 0:
        return None
    before = context.group(1)[:at].rstrip(" “\"'‘[").split()
    if len(before) < 2:
        return None
    auxiliary = before[-1].casefold() in _AUXILIARY
    subject = before[-2] if auxiliary else before[-1]
    if subject == BLANK or subject.casefold() in _SPEAKERS_OWN:
        return None  # "_____ said she had “…”": the speaker's own stance
    if _starts_on_a_verb(quoted.group("quote").split()[0], auxiliary):
        return "grammar: the quotation is what the speaker says of someone else"
    return None


_RELATIVE = re.compile(
    r"\b(?:my|our)\s+(?:dad|father|mother|mum|mom|son|daughter|husband|wife|brother|sister|"
    r"grandfather|grandmother|grandson|granddaughter|uncle|aunt|parents|children)\b",
    re.I,
)


def relative_gives_the_family(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "“… as my dad received the award …”" with the father named in the article: the
    one option with his family name is the speaker's."""
    if draft.kind != "who_said" or not _RELATIVE.search(_quotation(draft.prompt)):
        return None
    surname = draft.answer.split()[-1] if len(draft.answer.split()) > 1 else ""
    if not surname or not surname[:1].isupper():
        return None
    others = [text for text, correct, _ in draft.choices if not correct]
    if any(contains_word(other, surname) for other in others):
        return None
    first = re.escape(draft.answer.split()[0])
    if regex(rf"(?<!{first} ){re.escape(surname)}\b").search(ctx.article_text):
        return "give-away: the speaker's relative shares the only option's family name"
    return None


def pronoun_without_a_pronoun(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """A quote credited through a pronoun ("she said") whose sentence has no
    such pronoun outside the quotation ("The head of the investigators told the
    court …"): the sentence names someone else as the speaker."""
    quote = _speaker_quote(draft)
    if quote is None or quote.attribution != "pronoun":
        return None
    outside = QUOTED.sub(" ", plain(quote.evidence))
    if _PRONOUN_SUBJECT.search(outside):
        return None
    return "answer: the quote is credited through a pronoun its sentence does not have"


_SPEECH_VERB = re.compile(
    r"\b(said|says|told|tells|added|explained|stated|wrote|testified|warned|continued)\b", re.I
)


def _previous_sentence(ctx: GenerationContext, start: int | None) -> str:
    if start is None:
        return ""
    paragraph = ctx.article_text[ctx.article_text.rfind("\n", 0, start) + 1 : start].strip()
    sentences = [s for s in _SENTENCE_BREAK.split(paragraph) if s.strip()]
    return plain(sentences[-1]) if sentences else ""


def pronoun_after_another_speaker(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "The head of the investigators told the court “…”. She also said “…”": a
    pronoun right after a sentence in which someone else speaks stands for that
    speaker, not for a person named further back."""
    quote = _speaker_quote(draft)
    if quote is None or quote.attribution != "pronoun" or not quote.speaker:
        return None
    previous = QUOTED.sub(" ", _previous_sentence(ctx, quote.evidence_start))
    if not _SPEECH_VERB.search(previous) or gives_away_person(previous, quote.speaker):
        return None
    return "answer: the pronoun follows another speaker's words"


def line_inside_anothers_answer(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "((Ana Vela)) … critics will say, “So I reject this”. …": words quoted inside
    another person's interview answer are the interviewee's retelling, often a line they
    only imagine someone saying; the extractor's speaker for them is a guess (blind
    judge, batch 59). Asked only when the answer's own speaker (the turn's label) said
    them."""
    quote = _speaker_quote(draft)
    if quote is None or not quote.speaker or quote.evidence_start is None:
        return None
    label = answer_label(ctx.article_text, quote.evidence_start)
    if label is None or same_person(label, quote.speaker):
        return None
    return "answer: the words are quoted inside another person's interview answer"


_OPENING_STRAIGHT_MARK = re.compile(r'(?:^|(?<=[\s:]))"(?=[^\W\d_])')


def quote_inside_a_quotation(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """'Ruiz wrote: "I offered to step down and Vela said, 'Not today.'"': "Not today"
    comes to the reader only through Ruiz's account, quoted inside Ruiz's own quotation;
    Ruiz, a wrong option, is as defensible an answer as Vela (blind judge, batch 23).
    A quotation opened earlier in the same paragraph and not yet closed holds them (a
    straight mark opens one only after a space, colon or the line's start and before a
    letter: the inch mark of "a 6" pipe" opens nothing)."""
    quote = _speaker_quote(draft)
    if quote is None or not quote.speaker or draft.kind not in {"who_said", "true_false"}:
        return None
    before = ctx.article_text[ctx.article_text.rfind("\n", 0, quote.start) + 1 : quote.start]
    before = before[:-1] if before.endswith(('"', "“", "'", "‘")) else before
    curly_open = before.count("“") > before.count("”")
    opening = list(_OPENING_STRAIGHT_MARK.finditer(before))
    straight_open = bool(opening) and '"' not in before[opening[-1].end() :]
    if curly_open or straight_open:
        return "answer: the words are quoted inside someone else's quotation"
    return None


_GENDERED = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


def pronoun_of_the_other_gender(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "she said" credited to a man the article calls "he" is a wrong guess."""
    quote = _speaker_quote(draft)
    if quote is None or quote.attribution != "pronoun" or not quote.speaker:
        return None
    gender = ctx.genders.get(quote.speaker)
    outside = QUOTED.sub(" ", plain(quote.evidence))
    said = re.search(
        r"\b(he|she)\s+(?:\w+\s+)?(?:said|told|added|explained|wrote)\b", outside, re.I
    )
    if gender and said and _GENDERED[said.group(1).casefold()] != gender:
        return "answer: the pronoun does not fit the credited speaker"
    return None


def quoted_elsewhere(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “null and void”?" when another sentence quotes the same words
    without that speaker ("The ministers called the deal “null and void”"): the
    words alone do not tell the two apart."""
    quote = _speaker_quote(draft)
    if quote is None or draft.kind not in {"who_said", "true_false"} or not quote.speaker:
        return None
    if "(Context: " in draft.prompt:
        return None
    own = plain(quote.evidence)
    cores = [part.strip(" ,.;:!?[]") for part in plain(quote.text).split(" … ")]
    cores = [f'"{core}' for core in cores if len(words(core)) >= 2]
    if not cores:
        return None
    for sentence in _plain_sentences(ctx.article_text):
        if not any(core in sentence for core in cores):
            continue  # the cheap test first
        if sentence in own or own in sentence or gives_away_person(sentence, quote.speaker):
            continue
        return "answer: the same words are quoted in another sentence"
    return None


SHORT_QUOTE_WORDS = 4


def short_quote_without_context(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “main difference”?" alone: two words could be anyone's; a short
    quotation is asked with its sentence (speaker blanked) or not at all."""
    quote = _speaker_quote(draft)
    short = quote is not None and len(words(quote.text)) < SHORT_QUOTE_WORDS - 1
    if draft.kind == "who_said" and short and "(Context: " not in draft.prompt:
        return "answer: a short quotation without its sentence"
    return None


FRAGMENT_WORDS = 12  # a quotation up to this long is a fragment when it opens on "He"/"She"
# "He …", "She'll …": a quotation opening on a third person it never names.
_OPENS_ON_HE_OR_SHE = re.compile(r"^\W*(?:\[?(?:he|she)\]?)(?:['’]\w+)?\b", re.I)
_OPENS_ON_THEY = re.compile(r"^\W*(?:\[?they\]?)(?:['’]\w+)?\b", re.I)


def quote_opens_on_someone_unnamed(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “She will not get another chance”?": a few words opening on a "he"
    or "she" that the quotation never names; alone they read as said of anyone, and
    often wrongly (the "she" may be the speaker's rival or the speaker's own side). A
    "they" counts only in words cut from a longer passage ("…" in the quotation): "They
    are trying to silence us" whole is a statement of its own. A longer quotation
    carries its own point, and a short one asked with its sentence (Context) shows whom
    the pronoun stands for."""
    quote = _speaker_quote(draft)
    if draft.kind not in {"who_said", "true_false"} or quote is None:
        return None
    if "(Context: " in draft.prompt:
        return None
    whole = plain(quote.text)
    text = whole.lstrip("…. ")
    if len(words(text)) > FRAGMENT_WORDS:
        return None
    cut = "…" in whole or "..." in whole
    if not (_OPENS_ON_HE_OR_SHE.match(text) or (cut and _OPENS_ON_THEY.match(text))):
        return None
    if re.search(r"\s[A-Z][a-z]", text):
        return None  # "He and Ana Ruiz …": someone is named
    return "answer: a short quotation opening on a “he”/“she” (or a cut “they”) it never names"


def one_word_quote(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “inevitable”? (Context: …)": a single word in quotation marks is a
    word the reporter kept, not a statement; even with its sentence the question
    reads as a vocabulary test, and the sentence around the blank (a title, "she")
    picks the speaker out."""
    quote = _speaker_quote(draft)
    if draft.kind == "who_said" and quote is not None and len(words(quote.text)) < 2:
        return "answer: a single quoted word is no statement"
    return None


SCARE_QUOTE_WORDS = 2  # "“heightened alert”": a term the reporter kept, not a statement


def scare_quoted_term(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “full readiness”? (Context: _____ said he ordered 'full readiness'
    from the guards.)": two words in quotation marks are a term the reporter kept;
    with its sentence the question tests the sentence, not who said what."""
    quote = _speaker_quote(draft)
    if draft.kind != "who_said" or quote is None or len(words(quote.text)) > SCARE_QUOTE_WORDS:
        return None
    # Inside the sentence, words before and after it ("ordered “full readiness” from
    # the guards"): a term; at the sentence's end ("called it “a disaster”.") or
    # start ("“Roads first,” said …") it is the speaker's verdict.
    before = _SENTENCE_BREAK.split(quote.evidence[: quote.start - quote.evidence_start])[-1]
    after = _SENTENCE_BREAK.split(quote.evidence[quote.end - quote.evidence_start :])[0]
    if words(before) and words(after):
        return "answer: a two-word term inside a sentence is no statement"
    return None


def short_quote_statement(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "True or false? X said: “years.”": a word or two alone, without the
    sentence around it, says nothing to check."""
    quote = _speaker_quote(draft)
    short = quote is not None and len(words(quote.text)) < SHORT_QUOTE_WORDS
    if draft.kind == "true_false" and short:
        return "answer: a quotation too short to judge alone"
    return None


def quote_is_a_label(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "“H7N3”", "“Project-X.”": a name in quotation marks, not words
    anyone said, makes no who-said question nor statement ("“hopeless”" may)."""
    quote = _speaker_quote(draft)
    if quote is None:
        return None
    tokens = plain(quote.text).split()
    lower_words = [w for w in re.findall(r"[^\W\d_]+", quote.text) if w[:1].islower()]
    name_like = len(tokens) == 1 and not re.fullmatch(r"[a-z’'-]+[.,!?]?", tokens[0])
    if not lower_words or name_like:
        return "answer: the quotation is a name, not something said"
    if _NAMED_WORDING.search(ctx.article_text[max(0, quote.start - 40) : quote.start]):
        return "answer: the quotation is wording a noun names, not something said"
    short = len(words(quote.text)) <= EPITHET_WORDS
    if short and _EPITHET_BEFORE.search(ctx.article_text[max(0, quote.start - 90) : quote.start]):
        return "answer: the quotation is a name someone was given, not a statement"
    return None


EPITHET_WORDS = 4
# "referred to the team as “…”", "dubbed the plan “…”": a few quoted words that are a
# name (often a slur) given to someone, asked as if they were a statement.
_EPITHET_BEFORE = re.compile(
    r"\b(?:(?:referr(?:ed|ing)|refers?)\s+to\b[^.“\"]{1,70}\bas|dubb(?:ed|ing)|"
    r"nicknam(?:ed|ing)|brand(?:ed|ing)|label(?:l)?(?:ed|ing))\b[^.“\"]{0,70}?\s*[“\"‘']$",
    re.I,
)


# "the question “Is this …?”", "the slogan “…”": words quoted as the object of a noun
# that names wording are that wording, not speech.
_NAMED_WORDING = re.compile(
    r"\b(?:question|term|phrase|slogan|motto|wording|label|headline|hashtag|caption|"
    r"nickname|chant|banner|sign|expression)\s*[,:]?\s*[“\"‘']$",
    re.I,
)


# A word that makes a clause of a list: a verb of being or having, a modal, a pronoun.
_CLAUSE_WORDS = {
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
    "could", "should", "must", "do", "does", "did", "i", "we", "you", "he", "she", "it",
    "they", "not", "no",
}  # fmt: skip


LIST_ITEMS = 3  # a list of people or bodies: three names or more, no clause


def quote_is_a_list(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “farm unions, church groups and village elders”?": the groups a
    speaker called on, set in quotation marks, are no statement to attribute."""
    quote = _speaker_quote(draft)
    if quote is None or draft.kind not in {"who_said", "true_false"}:
        return None
    text = plain(quote.text).strip(" .,;:…")
    if not text[:1].islower():
        return None
    items = [i for i in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", text) if i.strip()]
    if len(items) < LIST_ITEMS or any(len(i.split()) > 4 for i in items):
        return None
    if any(w.casefold() in _CLAUSE_WORDS for i in items for w in i.split()):
        return None
    return "answer: the quotation is a list of names, not a statement"


def statement_of_the_only_speaker(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "True or false? Ana Ruiz said: “…”" when Ruiz is the only person quoted (or
    her own name is in the words): "False" is never plausible, the statement tests
    nothing (blind judge, batches 3, 4, 7)."""
    quote = draft.source
    if draft.kind != "true_false" or not isinstance(quote, Quote) or not quote.speaker:
        return None
    speakers = {normalise(q.speaker) for q in ctx.quotes if q.speaker}
    if len(speakers) < 2:
        return "give-away: the only speaker of the article, so the statement can only be true"
    if gives_away_person(quote.text, quote.speaker):
        return "give-away: the quotation names its speaker"
    return None


def attackers_words(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “… attack the police …”?" with the attacker the answer and officials
    the wrong options: the stance of the words picks the attacker without the article
    (blind judge, batches 24-25). The attacker is no wrong option either
    (`who_said.killer_in_article`), so such words are never asked."""
    if draft.kind != "who_said" or not draft.answer:
        return None
    if killer_in_article(draft.answer, ctx.article_text):
        return "give-away: the attacker's words among the words of others"
    return None


# A credit of two or more: "the Ruiz-Vela campaign said", "Ruiz and Vela wrote".
_JOINT = regex(
    r"\b(?P<pair>[A-Z][\w’']+[-–][A-Z][\w’']+)\s+"
    r"(?:campaign|ticket|team|camp|duo|administration|government)\b"
    r"|\b(?P<first>[A-Z][\w’']+)\s+and\s+(?:[A-Z][\w’'.]+\s+){0,2}?(?P<second>[A-Z][\w’']+)\s+"
    r"(?:said|say|wrote|write|stated|added|told|argued|declared|announced)\b"
)
_JOINT_SPEECH = r"(?:said|says|say|wrote|write|writes|stated|states|added|declared|announced)"
# ... or a joint text as the credit itself: "read a joint statement", "said in a joint
# letter", "a joint statement by Ruiz and Kos said", "Ruiz and Kos jointly said"; not "After
# a joint statement by the ministers, Vela said" or "Vela, who jointly founded the firm".
_JOINT_TEXT = regex(
    r"(?P<before>\b\w+\s+)?(?:(?:a|the|their|an)\s+)?joint\s+"
    r"(?:statement|letter|declaration|communiqu[ée]|press\s+release|op-ed)\b"
    r"(?P<by>\s+(?:by|from|of|with)\s+[^,;:]{1,60}?(?=\s+" + _JOINT_SPEECH + r"\b|\s*[,;:.]|\s*$))?"
    r"(?P<after>\s+" + _JOINT_SPEECH + r"\b)?"
    r"|(?P<jointly>\bjointly\s+(?:\w+\s+)?"
    + _JOINT_SPEECH
    + r"\b|\b"
    + _JOINT_SPEECH
    + r"\s+jointly\b)",
    re.I,
)
_JOINT_ATTACHED = {"in", "read", "reads", "issued", "released", "signed"}


def _joint_credit(credit: str, surname: str) -> bool:
    """Is the joint text (or "jointly") the credit of the words, or does it name the
    speaker?"""
    for found in _JOINT_TEXT.finditer(credit):
        if found["after"] or found["jointly"]:
            return True  # the subject of the speech verb, or "jointly said"
        if found["before"] and found["before"].strip().casefold() in _JOINT_ATTACHED:
            return True
        if found["by"] and contains_word(found["by"], surname):
            return True
    return False


def words_of_two_credited_to_one(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "“We will rebuild the port,” the Ruiz-Vela campaign said." credited to Ana Ruiz,
    "Ruiz and Vela wrote in a joint statement": the words are a pair's or a campaign's,
    so "Who said …?" has two right answers (or none): no question, card or statement
    (blind judges)."""
    quote = _speaker_quote(draft)
    if draft.kind not in {"who_said", "true_false", "cloze"} or quote is None:
        return None
    if not quote.speaker or is_organisation(quote.speaker):
        return None
    credit = QUOTED.sub(" ", plain(quote.evidence))
    surname = quote.speaker.split()[-1]
    if _joint_credit(credit, surname):
        return "answer: words of two or more credited to one speaker"
    for match in _JOINT.finditer(credit):
        pair = match["pair"].replace("–", "-").split("-") if match["pair"] else []
        both = [match["first"], match["second"]] if match["first"] else []
        if both and (both[0].casefold() in _ROLE_WORDS or both[0].isupper()):
            continue  # "President and CEO Ana Ruiz said": two offices of one person
        if surname in pair + both:
            return "answer: words of two or more credited to one speaker"
    return None


_REPORTED = re.compile(r"^[Tt]hat\b(?:\W+\w+){0,6}?\W+(?:he|she|they|his|her|him|them|their)\b")


def reported_speech_as_quote(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “that she would not move away”?": words reported about the
    speaker in the third person, not the speaker's own words."""
    quote = _speaker_quote(draft)
    if draft.kind != "who_said" or quote is None:
        return None
    if _REPORTED.search(plain(quote.text).strip(' “”"[…')):
        return "grammar: reported speech about the speaker, not a quotation"
    return None


_FEMALE_CUE = re.compile(
    r"\b(?:as (?:a )?(?:wom[ae]n|mothers?|girls?|sisters?|daughters?)|my husband|my boyfriend)\b",
    re.I,
)


_MALE_CUE = re.compile(
    r"\b(?:as (?:a )?(?:m[ae]n|fathers?|boys?|brothers?|sons?)|my wife|my girlfriend)\b", re.I
)


def gender_cue_in_quote(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “As mothers we look after one another”?" among one woman and
    men, "“… to work with my husband”" among men: the speaker's own words tell the
    options apart."""
    quote = _speaker_quote(draft)
    if draft.kind not in {"who_said", "true_false"} or quote is None:
        return None
    text = plain(quote.text)
    cue = "f" if _FEMALE_CUE.search(text) else "m" if _MALE_CUE.search(text) else None
    if cue is None:
        return None
    if draft.kind == "true_false":
        named = _TF_QUOTE.match(draft.prompt)
        if named and ctx.genders.get(without_title(named["value"])) != cue:
            return "answer: the quotation's words tell the speaker's gender, not the named one's"
        return None
    wrong = [t for t, ok, _ in draft.choices if not ok]
    if not any(ctx.genders.get(o) == cue for o in wrong):  # no option known to share it
        return "options: the quotation's words tell the speaker's gender, no other option shares it"
    return None


# A quotation of three words or fewer is a statement only when it is a clause: a
# subject pronoun, an auxiliary or a negation ("We couldn't win", "I never lie").
_STATEMENT_MARKS = re.compile(
    r"\b(?:i|we|you|he|she|they|it|this|that|there|is|are|was|were|will|would|can|could|"
    r"must|should|may|might|do|does|did|have|has|had|not|never|no)\b|n[’']t\b",
    re.I,
)


STATEMENT_WORDS = 4


def quote_without_a_statement(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “deep regret”? (Context: … spoke of “deep regret” after …)": three
    words or fewer without a subject or an auxiliary, after a preposition or an
    article of the reporter's sentence, are a phrase the reporter kept, not something
    a person said; the question tests the sentence around it."""
    quote = _speaker_quote(draft)
    if draft.kind != "who_said" or quote is None:
        return None
    if len(words(quote.text)) >= STATEMENT_WORDS or _STATEMENT_MARKS.search(quote.text):
        return None
    # A verdict leads or closes its sentence ("“Roads first,” said …", "called it “a
    # disaster”"); a phrase after a preposition is part of the reporter's sentence.
    before = quote.evidence[: max(0, quote.start - quote.evidence_start)]
    last = re.findall(r"[\w’'-]+", before)[-1:]
    if last and last[0].casefold() in _PHRASE_OPENERS:
        return "answer: a phrase of three words or fewer inside a sentence is no statement"
    return None


_PHRASE_OPENERS = {
    "with", "of", "in", "for", "from", "on", "at", "by", "about", "into", "under", "over",
    "a", "an", "the", "its", "their", "his", "her",
}  # fmt: skip


# Verbs whose object is a person or a thing, not words: "thanked “the crews for …”".
_OBJECT_VERBS = {
    "thanked", "praised", "criticised", "criticized", "blamed", "condemned", "welcomed",
    "applauded", "commended", "hailed", "denounced", "accused", "congratulated", "slammed",
    "saluted", "lauded", "mocked", "attacked",
}  # fmt: skip


def quote_object_of_a_verb(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "The mayor thanked “the lifeguards and the ferry crews for their quick help”": the
    quotation is the object of a verb that is not a speech verb, a noun phrase and no
    statement, so "Who said: “the lifeguards …”?" asks about nothing anybody said."""
    quote = _speaker_quote(draft)
    if draft.kind != "who_said" or quote is None or not quote.text[:1].islower():
        return None
    before = quote.evidence[: max(0, quote.start - quote.evidence_start)]
    last = re.findall(r"[\w’'-]+", before)[-1:]
    if last and last[0].casefold() in _OBJECT_VERBS:
        return "answer: the quotation is the object of a verb, not a statement"
    return None


_PLACE_IN_NAME = re.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*")


def countries_named(text: str) -> set[str]:
    """The countries a text names by name, adjective or initials ("Freedonian", "US"),
    the longest name first ("American Samoa" is not "American")."""
    return set(_countries_named_in(text))


@per_article
@lru_cache(maxsize=2048)
def _countries_named_in(text: str) -> frozenset[str]:
    """`countries_named`, once per text of an article (a speaker's role is read again for
    every who-said draft offering the speaker)."""
    found = set()
    for run in _PLACE_IN_NAME.findall(text):
        tokens, i = run.split(), 0
        while i < len(tokens):
            for j in range(min(len(tokens), i + 3), i, -1):
                words_ = re.sub(r"(?:['’]s?|[.,;:])$", "", " ".join(tokens[i:j]))
                country = canonical_country(words_) or country_of_adjective(words_)
                if country:
                    found.add(country)
                    i = j
                    break
            else:
                i += 1
    return frozenset(found)


def speaker_sides(name: str, ctx: GenerationContext) -> set[str]:
    """The countries and places a speaker stands for, as the article shows them: the
    countries it links the person to, a country their role names ("Freedonian
    minister", "President of Ruritania"), the place a body is named for ("the
    government of Peru")."""
    sides = {c.country for c in ctx.countries if normalise(c.subject) == normalise(name)}
    sides |= countries_named(ctx.roles.get(name, ""))
    if is_organisation(name):
        sides |= countries_named(name)
        sides |= {p for p in _PLACE_IN_NAME.findall(name) if names_a_place(p)}
    return sides


def quote_names_the_speakers_side(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “Freedonia deeply regrets this mistake”?" with the Freedonian
    president among a Ruritanian and a Chilean minister, "“… the rights of Peru”" by
    the government of Peru among Chilean bodies: the words name the country (or place)
    the answer stands for and no other the options stand for (blind judges, batches
    28-29); "True or false? <the Ruritanian> said: “Freedonia deeply regrets …”" is
    false at sight. Options whose country the article does not tell may share it."""
    quote = _speaker_quote(draft)
    if draft.kind not in {"who_said", "true_false"} or quote is None or not quote.speaker:
        return None
    named = countries_named(plain(quote.text)) | {
        p for p in _PLACE_IN_NAME.findall(plain(quote.text)) if names_a_place(p)
    }
    if not named & speaker_sides(quote.speaker, ctx):
        return None
    if draft.kind == "true_false":
        claimed = _TF_QUOTE.match(draft.prompt)
        sides = speaker_sides(claimed["value"], ctx) if claimed else set()
        if claimed and claimed["value"] != quote.speaker and sides and not sides & named:
            return "give-away: the quotation speaks for another country than the named speaker's"
        return None
    wrong = [speaker_sides(t, ctx) for t, ok, _ in draft.choices if not ok]
    if all(sides and not sides & named for sides in wrong):
        return "give-away: the quotation speaks for the speaker's country, no other option's"
    return None


# The words that say what someone is ("Professor", "commentator", "Health Minister"),
# less those that only qualify a role ("former", "acting", "foreign") or fit anyone.
_ROLE_QUALIFIERS = frozenset(
    {"acting", "ex", "former", "first", "foreign", "finance", "defence", "defense", "interim"}
    | {"deputy", "lady", "general", "major", "chief", "head", "associate", "member", "resident"}
    | {"official", "officer", "spokesman", "spokeswoman", "spokesperson", "spokesmen"}
)
# Roles a learner tells apart without the article fall in different families: a law
# dean among politicians stands out, an editor among critics does not. A word of no
# family is a family of its own.
_ROLE_FAMILIES = {
    "politics": "president minister senator governor mayor premier congressman congresswoman "
    "congressperson representative politician lawmaker legislator mp mep msp candidate "
    "chancellor councillor councilman councilwoman councilor councilmember councilperson "
    "assemblyman assemblywoman assemblymember alderman alderwoman delegate leader secretary "
    "ambassador diplomat envoy negotiator campaigner activist",
    "royalty": "king queen prince princess emperor empress duke duchess count countess",
    "scholarship": "professor dean lecturer academic scholar researcher scientist analyst "
    "expert fellow economist historian epidemiologist virologist psychologist sociologist "
    "demographer criminologist specialist strategist pollster consultant observer",
    "media": "commentator journalist reporter editor correspondent critic writer author host "
    "anchor columnist broadcaster presenter",
    "law": "judge justice lawyer attorney prosecutor barrister solicitor counsel magistrate",
    "business": "businessman businesswoman ceo cfo entrepreneur investor company-president",
    "force": "colonel commander soldier sergeant lieutenant captain admiral constable "
    "detective inspector superintendent commodore corporal brigadier",
    "family": "wife husband son daughter mother father brother sister widow widower",
    "arts": "actor actress singer musician artist designer painter",
    "sport": "player coach striker goalkeeper midfielder winger captain",
    "faith": "pope bishop archbishop cardinal imam pastor ayatollah",
    "care": "doctor nurse surgeon physician",
}
# Roles of any field ("director" of a film, a firm or a think tank): they fit every family.
_BROAD_ROLES = frozenset({
    "director", "manager", "chair", "chairperson", "chairman", "chairwoman", "founder",
    "co-founder", "owner", "executive", "coordinator", "organiser", "organizer", "partner",
    "worker", "adviser", "advisor",
})  # fmt: skip
_FAMILIES_OF: dict[str, frozenset[str]] = {
    word: frozenset(f for f, members in _ROLE_FAMILIES.items() if word in members.split())
    for members in _ROLE_FAMILIES.values()
    for word in members.split()
}
_ROLE_WORDS = (
    frozenset(PERSON_ROLE_NOUNS | OFFICE_TITLES | FEMALE_ROLE_WORDS | MALE_ROLE_WORDS)
    | frozenset(_FAMILIES_OF)
    | _BROAD_ROLES
) - _ROLE_QUALIFIERS


# "president of Velmar Shipping", "president of the company": a business role ("president"
# alone is a head of state's, so "businessman and loyalist _____" is no president).
_COMPANY_PRESIDENT = regex(
    r"\bpresident\s+of\s+(?:the\s+)?(?:(?:[A-Z][\w&’'.-]*|&)\s+){0,4}"
    r"(?:company|firm|corporation|corp|inc|ltd|llc|plc|group|holdings|bank|airlines?|"
    r"motors|shipping|industries|enterprises|co|gmbh|ag|partners|capital|ventures|"
    r"technologies|foods|energy)\b",
    re.I,
)


def _role_words_in(text: str) -> set[str]:
    """The role words of a text, "president of <company>" as a business role."""
    found = set(words(text.casefold())) & _ROLE_WORDS
    if _COMPANY_PRESIDENT.search(text):
        found.add("company-president")
    return found


def _families(role_words: set[str]) -> set[str]:
    """The families of the role words ("dean" -> scholarship; "mp" -> politics)."""
    return {family for w in role_words for family in _FAMILIES_OF.get(w, frozenset({w}))}


# "…, Princess _____", "Fox News commentator _____": the words of the blank's own phrase.
_BEFORE_THE_BLANK = re.compile(r"(?:^|[,;:.!?]\s+)(?P<words>[^,;:.!?]*?)\s*" + re.escape(BLANK))
# "_____, Dean of the law school, called it …": an apposition after the blank.
_AFTER_THE_BLANK = re.compile(re.escape(BLANK) + r",\s+(?P<words>(?:the\s+|an?\s+)?[^,;:]{1,60})")
# "…, the mayoral candidate told reporters": the speaker's role in the attribution.
_ROLE_IN_ATTRIBUTION = re.compile(
    r",\s+the\s+(?P<words>(?:[\w’'-]+\s+){0,3}[\w’'-]+)\s+(?:told|said|says|added|wrote)\b"
)
_ROLE_NEAR_NAME = 50  # characters around an option's name where its role would stand
_SENTENCE_END = re.compile(r"[.!?]\s+")


def _context_roles(context: str) -> set[str]:
    """The role words the who-said context gives the blanked speaker."""
    spans = [
        found["words"]
        for pattern in (_BEFORE_THE_BLANK, _AFTER_THE_BLANK, _ROLE_IN_ATTRIBUTION)
        if (found := pattern.search(context))
    ]
    return {w for span in spans for w in _role_words_in(span)}


def _role_fit(name: str, roles: set[str], ctx: GenerationContext) -> bool | None:
    """Does the article give the person a role of these roles' families (True), only
    roles of other families (False), or no role at all (None)? Its extracted role counts,
    and role words beside a mention of the person, in the mention's sentence."""
    families = _families(roles)
    said = _role_words_in(ctx.roles.get(name, "")) | _roles_beside(name, ctx.article_text)
    if not said:
        return None
    return bool(said & _BROAD_ROLES or _families(said) & families)


@per_article
@lru_cache(maxsize=1024)
def _roles_beside(name: str, article_text: str) -> frozenset[str]:
    """The role words beside a mention of the person, in the mention's sentence (once per
    name and article: every who-said draft with a context asks it of each wrong option)."""
    said: set[str] = set()
    text = plain(article_text)
    for part in {plain(name), *plain(name).split()[-1:]}:
        for found in regex(rf"(?<![\w'-]){re.escape(part)}(?![\w'-])").finditer(text):
            before = text[max(0, found.start() - _ROLE_NEAR_NAME) : found.start()]
            after = text[found.end() : found.end() + _ROLE_NEAR_NAME]
            near = _SENTENCE_END.split(before)[-1] + " " + _SENTENCE_END.split(after)[0]
            said |= _role_words_in(near)
    return frozenset(said)


def _no_wrong_option_fits(draft: QuestionDraft, roles: set[str], ctx: GenerationContext) -> bool:
    """No wrong option has one of these roles in the article, and most have roles of
    other kinds (options the article gives no role may hold this one, for all the learner
    knows)."""
    fits = [_role_fit(text, roles, ctx) for text, correct, _ in draft.choices if not correct]
    return True not in fits and fits.count(False) * 2 >= len(fits)


def context_tells_the_role(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “a silly idea”? (Context: Professor _____ of the law school called it
    …)" among a president, a singer and a senator: the context gives the speaker's role,
    and the article gives most wrong options roles of other kinds and none this kind, so
    the role alone picks the answer (blind judges, batches 46-47 and 55: a law dean, a TV
    commentator, a mayoral candidate). An editor among critics is no give-away."""
    if draft.kind != "who_said":
        return None
    context = _CONTEXT.search(draft.prompt)
    if not context:
        return None
    roles = _context_roles(QUOTED.sub(" ", context.group(1)))
    if not roles:
        return None
    if not _no_wrong_option_fits(draft, roles, ctx):
        return None
    return f"give-away: the context calls the speaker {'/'.join(sorted(roles))}, no other option"


# The speaker naming their own office in the quotation: "As mayor, I …", "as your
# governor", "I am the coach", "my job as minister".
_OWN_ROLE = regex(
    r"\b(?:[Aa]s\s+(?P<as>(?:[\w-]+\s+){0,2}?[\w-]+),\s+(?:I|we)\b"
    r"|[Aa]s\s+your\s+(?P<your>(?:[\w-]+\s+)?[\w-]+)"
    r"|I(?:\s+am|[’']m)\s+(?:the|your|a|an)\s+(?P<am>(?:[\w-]+\s+)?[\w-]+)"
    r"|\bmy\s+(?:job|role|duty|office|term|time)\s+as\s+(?:the\s+|a\s+|an\s+)?"
    r"(?P<my>(?:[\w-]+\s+)?[\w-]+))"
)


def quote_tells_the_role(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “As mayor, I will not let the port close”?" among a singer and two
    ministers: the words name the speaker's own office, which the article gives the
    answer and no wrong option, so the office picks the answer (blind judges). Options
    the article gives no role may hold it, for all the learner knows."""
    quote = _speaker_quote(draft)
    if draft.kind != "who_said" or quote is None:
        return None
    roles = {
        w
        for found in _OWN_ROLE.finditer(plain(quote.text))
        for span in found.groups()
        if span
        for w in words(span.casefold())
        if w in _ROLE_WORDS
    }
    if not roles or not _role_fit(draft.answer, roles, ctx):
        return None
    if not _no_wrong_option_fits(draft, roles, ctx):
        return None
    return f"give-away: the quotation names the speaker's office ({'/'.join(sorted(roles))})"


# The speaker's own spouse or named kin; not "our children", "our family" (a community's).
_MY_KIN = re.compile(
    r"\bmy\s+(?P<kin>wife|husband|son|daughter|mother|father|brother|sister|partner|widow)\b",
    re.I,
)


def _kin_of(name: str, kin: str, text: str) -> bool:
    """Does the article tell that `name` has this kin ("Ruiz's wife", "Ana Ruiz and her
    husband", "the wife of Ruiz", "Ruiz, whose wife …")?"""
    last = re.escape(name.split()[-1])
    return bool(
        regex(
            rf"\b{last}(?:['’]s|,?\s+(?:and|with|whose)\s+(?:his|her|their)?)\s*(?:\w+\s+)?{kin}\b"
            rf"|\b{kin}\s+of\s+(?:[A-Z][\w’'.-]*\s+){{0,3}}{last}\b",
            re.I,
        ).search(text)
    )


def quote_names_the_speakers_kin(draft: QuestionDraft, ctx: GenerationContext) -> str | None:
    """ "Who said: “[my wife] and I thank the crews”?" when the article tells of "Ruiz's
    wife" and of no wife of the other options: the words point to the one option the
    article gives that kin (blind judges)."""
    quote = _speaker_quote(draft)
    if draft.kind != "who_said" or quote is None:
        return None
    text = plain(ctx.article_text)
    for found in _MY_KIN.finditer(plain(quote.text)):
        kin = found["kin"].casefold()
        if not _kin_of(draft.answer, kin, text):
            continue
        wrong = [t for t, ok, _ in draft.choices if not ok]
        if not any(_kin_of(other, kin, text) for other in wrong):
            return f"give-away: the quotation's “my {kin}” is told only of the speaker"
    return None
