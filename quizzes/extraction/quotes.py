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
                 said" is the nearest earlier person with that office; a clause and a
                 colon ("Keir Stone: ‘...’", "Mr Reed was blunt: “...”") name the speaker.
                 An organisation subject is the speaker in full ("The Lagos Chamber of
                 Commerce and Industry said"); "it said" / "the authority said" is the
                 organisation that spoke in this or the previous sentence; failing
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
                 A passive speech verb's agent speaks ("was criticised by X, who told
                 Reuters: “...”"). "who"/"which" is its antecedent, also past an
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
                 ("She said Canada would respond “dollar for dollar”"). A coordinated
                 verb shares its subject ("X, a state-owned ferry company, cancelled
                 sailings and said the move was “...”"). "dismissed/hailed/described X
                 as", "branded", "labelled", "dubbed" attribute like "said". An unnamed
                 representative of an organisation ("A Department of Health
                 spokesperson said", "a spokeswoman for X", "a Treasury official") is
                 nobody named (None), also when the parse makes the organisation the
                 subject; the organisation itself as subject ("The department said in a
                 statement") stays the organisation.
   pronoun       the same, when the subject is he/she: looking back sentence by sentence
                 (outside quotations), the first sentence with a person of fitting gender
                 (Mr/Ms, role words, pronouns) decides; in it the subject of a speech verb
                 wins ("X, who arrived after Cyclone Y struck, said ..."), then the main
                 subject, any subject, the nearest name. An unnamed person there ("A
                 senior banker said", "a police officer said") gives None. Organisations
                 and places are never he/she (they are not in the people index).
                 A gender the article itself shows is learned: once "Lee ... he said"
                 has been attributed to Lee, a later "she" passes over Lee. "The
                 24-year-old said" parsed with no subject is resolved like a he/she.
   according_to  "“...”, according to X".
   A subject that is not a person ("one Moscow official called for the
   “denazification”", "analysts say") gives speaker None and stops here.
For a quotation that is a sentence on its own (nothing but punctuation around it):
2. next_sentence "That was the message from X." / "So said X." right after it; a sentence
                 whose subject points back ("That assessment", "The question", "Those")
                 and whose verb says where words came from, with the person (or an
                 organisation) through from / by / of or a possessive: "That assessment
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
                 of the line's words; else None.
Scare quotes inside a sentence with no speech verb get None. Quotations inside
quotations get a speaker only when a named person inside the outer quotation says
them; otherwise None.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .facts import Quote
from .lexicon import (
    OFFICE_TITLES,
    PERSON_ROLE_NOUNS,
    PRONOUN_GENDER,
    SPEECH_VERBS,
    UNNAMED_PERSON_NOUNS,
    WEAK_SPEECH_VERBS,
)
from .people import LOOKBACK_CHARS, Mention, PeopleIndex
from .text import TERMINATORS, Paragraph, QuoteSpan, find_quotes, paragraphs

SUBJECT_DEPS = ("nsubj", "nsubjpass")
CLIMB_DEPS = ("advcl", "xcomp", "conj", "ccomp", "pcomp", "acl", "prep", "pobj", "dep")
SKIPPABLE = ("ADV", "AUX", "PART")
UNNAMED = object()  # a pronoun's antecedent is a person the article does not name


ANONYMOUS_SOURCES = {
    "official",
    "source",
    "diplomat",
    "officer",
    "person",
    "aide",
    "insider",
    "employee",
    "staffer",
    "spokesman",
    "spokeswoman",
    "spokesperson",
}


def _fits(have: str | None, want: str | None) -> bool:
    return have is None or want is None or have == want


def _definite_person(tok: Token) -> str | None | bool:
    """ "the 58-year-old", "the farmer", "the father-of-three": a person already introduced.
    Returns the gender the noun marks (None when it marks none), or False when tok is no
    such description."""
    if not any(c.lower_ == "the" for c in tok.subtree if c.i < tok.i):
        return False
    low = tok.lemma_.lower()
    if tok.lower_ == "old" and any(c.lower_ == "year" for c in tok.subtree):
        return None
    if tok.pos_ == "NOUN" and tok.text.islower() and tok.tag_ != "NNS":
        if low in ANONYMOUS_SOURCES:
            return False  # "the official said": often a source the article never names
        if low in UNNAMED_PERSON_NOUNS:
            return UNNAMED_PERSON_NOUNS[low]
        if low in PERSON_ROLE_NOUNS:
            return None
    return False


def _served(sub: Token, role: Token) -> bool:
    """sub hangs on role through "for"/"to"/"with" ("a spokesman for X")."""
    t, steps = sub, 0
    while t.i != role.i and t.head is not t and steps < 8:
        if t.dep_ == "prep" and t.lower_ in ("for", "to", "with", "against", "from", "by"):
            return True
        t, steps = t.head, steps + 1
    return False


def _is_unnamed_person(tok: Token) -> bool:
    """ "a senior banker", "one resident", "a police officer": a singular person noun with
    no name attached (the caller has already failed to find a named person for it)."""
    if tok.pos_ != "NOUN" or tok.tag_ == "NNS":
        return False
    low = tok.lemma_.lower()
    return low in UNNAMED_PERSON_NOUNS or low in PERSON_ROLE_NOUNS


@dataclass
class _Found:
    span: QuoteSpan
    speaker: str | None = None
    attribution: str = "none"
    resolved: bool = False  # a rule decided (speaker may still be None)
    seg_first: int = 0
    seg_last: int = 0


class _Context:
    """Everything the rules look up, computed once per document."""

    def __init__(self, doc: Doc, people: PeopleIndex):
        self.doc = doc
        self.text = doc.text
        self.people = people
        self.paras: list[Paragraph] = paragraphs(self.text)
        self.para_starts = [p.start for p in self.paras]
        self.spans: list[QuoteSpan] = find_quotes(self.text, self.paras)
        self.tok_starts = [t.idx for t in doc]
        # Token -> index (in self.spans) of the top-level quotation around it (marks included).
        self.in_quote: list[int | None] = [None] * len(doc)
        regions = sorted(
            ((q.open_at, self._region_end(q), i) for i, q in enumerate(self.spans) if q.depth == 0),
            key=lambda r: r[0],
        )
        r = 0
        for tok in doc:
            while r < len(regions) and regions[r][1] <= tok.idx:
                r += 1
            if r < len(regions) and regions[r][0] <= tok.idx < regions[r][1]:
                self.in_quote[tok.i] = regions[r][2]
        self.region_starts = [reg[0] for reg in regions]
        self.regions = regions
        self.segments = self._segments()
        self.seg_starts = [s[0] for s in self.segments]
        self._pronouns: dict[int, str | None] = {}
        # Genders learned from this article's own attributions ("Lee ... he said").
        self._learned: dict[str, str] = {}
        self._roles: dict[str, list[tuple[int, str, frozenset[str]]]] | None = None

    def _region_end(self, q: QuoteSpan) -> int:
        return q.close_at + 1 if q.close_at is not None else q.end

    def inside_any_quote(self, char: int) -> bool:
        k = bisect.bisect_right(self.region_starts, char) - 1
        return k >= 0 and char < self.regions[k][1]

    def para_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, char) - 1)

    def token_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.tok_starts, char) - 1)

    def seg_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.seg_starts, char) - 1)

    def _segments(self) -> list[tuple[int, int]]:
        """Sentences: spaCy's boundaries, except inside quotations, before a lowercase
        word ("“Really?” she asked") or after a colon; and always at paragraph ends."""
        doc, text = self.doc, self.text
        cuts_by_para: dict[int, list[int]] = {p.index: [p.start] for p in self.paras}
        for sent in doc.sents:
            first = sent[0]
            while first.is_space and first.i + 1 < sent.end:
                first = doc[first.i + 1]
            c = first.idx
            if not self.paras or first.is_space:
                continue
            p = self.paras[self.para_of(c)]
            if c <= p.start or c >= p.end:
                continue
            if self.inside_any_quote(c) and not self._at_quote_open(c):
                continue
            if first.text[:1].islower():
                continue
            before = text[p.start : c].rstrip()
            if before.endswith((":", ",")):
                continue
            cuts_by_para[p.index].append(c)
        segs: list[tuple[int, int]] = []
        for p in self.paras:
            cuts = sorted(set(cuts_by_para[p.index]))
            for a, b in zip(cuts, [*cuts[1:], p.end], strict=True):
                end = b
                while end > a and text[end - 1].isspace():
                    end -= 1
                segs.append((a, end))
        return segs

    def _at_quote_open(self, char: int) -> bool:
        k = bisect.bisect_right(self.region_starts, char) - 1
        return k >= 0 and self.regions[k][0] == char

    # ------------------------------------------------------------ persons
    def _skip_mention(self, m: Mention) -> bool:
        return self.inside_any_quote(m.start)

    def person_of(self, tok: Token) -> tuple[str | None, str]:
        """(speaker, how) for a subject token; how is explicit | pronoun | nonperson."""
        low = tok.lower_
        if low in PRONOUN_GENDER:
            return self.resolve_pronoun(tok), "pronoun"
        if low == "it" or (
            tok.pos_ == "NOUN"
            and tok.text.islower()
            and any(c.lower_ == "the" for c in tok.children)
        ):
            # "“We have no choice,” it said." / "the authority said": the organisation that
            # spoke in this or the sentence before (for a noun, one whose name has it).
            org = self.recent_organisation(tok, None if low == "it" else tok.lower_)
            if org is None and low != "it":
                org = self.named_organisation(tok)
            if org:
                return org, "explicit"
        name = self.people.person_at(tok.i)
        if name:
            return name, "explicit"
        for child in tok.children:
            if child.dep_ in ("appos", "compound", "flat") and self.people.person_at(child.i):
                return self.people.person_at(child.i), "explicit"
        if (
            tok.dep_ in SUBJECT_DEPS
            and tok.pos_ in ("NOUN", "PROPN")
            and (tok.lower_ in OFFICE_TITLES or tok.lower_ in PERSON_ROLE_NOUNS)
            and not any(c.dep_ in ("det", "nummod", "poss") for c in tok.children)
            and (_is_title_case(tok) or self.headline_like(tok.idx))
        ):
            # A headline's "..., Foreign Minister says": the article's holder of that office.
            name = self.role_holder(tok)
            if name:
                return name, "explicit"
        org = self.people.organisation_at(tok.i)
        if org:
            if self._representative_after(tok):
                # "A Department of Health and Social Care spokesperson said" parsed with the
                # department as subject: someone unnamed speaking for it, not the body itself.
                return None, "nonperson"
            return org, "explicit"
        if tok.lower_ in PERSON_ROLE_NOUNS:
            # "deputy chairman of the council Dmitry Medvedev": the name sits in the subtree.
            # Not someone the role serves: "a spokesman for Mr Haddad", "an adviser to X".
            for sub in tok.subtree:
                if (
                    sub.i > tok.i
                    and self.people.person_at(sub.i)
                    and self.in_quote[sub.i] is None
                    and not _served(sub, tok)
                ):
                    return self.people.person_at(sub.i), "explicit"
        if (
            tok.pos_ in ("NOUN", "PROPN")
            and (tok.text.islower() or tok.lower_ in OFFICE_TITLES | PERSON_ROLE_NOUNS)
            and any(c.lower_ == "the" for c in tok.children)
        ):
            # "the minister said": the nearest earlier person holding that office.
            name = self.people.resolve_description(
                tok.lower_, before=tok.idx, skip=self._skip_mention
            )
            if name:
                return name, "explicit"
        if (
            tok.dep_ in SUBJECT_DEPS
            and tok.lower_ in ("who", "that", "which")
            and tok.head.dep_ in ("relcl", "acl", "advcl", "ccomp", "conj")
        ):
            return self.antecedent(tok)
        gender = _definite_person(tok)
        if gender is not False and tok.dep_ in SUBJECT_DEPS:
            # "“Everything is gone,” the 58-year-old said": the person last talked about.
            name = self.resolve_pronoun(tok, gender)  # type: ignore[arg-type]
            if name:
                return name, "pronoun"
        return None, "nonperson"

    def _representative_after(self, tok: Token) -> bool:
        """The organisation's name is followed, before its verb, by a person noun:
        "spokesperson", "official", "source" ("A Home Office spokesperson said")."""
        doc = self.doc
        stop = tok.head.i if tok.head.i > tok.i else len(doc)
        for k in range(tok.i + 1, min(stop, tok.i + 12)):
            t = doc[k]
            if t.text[:1].isupper() or t.lower_ in ("of", "and", "for", "the", "&", "-"):
                continue
            low = t.lemma_.lower()
            return t.pos_ == "NOUN" and (low in ANONYMOUS_SOURCES or low in UNNAMED_PERSON_NOUNS)
        return False

    def headline_like(self, char: int) -> bool:
        """The paragraph around `char` reads like a headline: short, no final full stop."""
        para = self.paras[self.para_of(char)]
        line = self.text[para.start : para.end]
        return (
            bool(line)
            and line[-1] not in TERMINATORS + "\"\u201d\u2019'"
            and len(line.split()) <= 20
        )

    def role_holder(self, noun: Token) -> str | None:
        """The person whose role has all the words of an office written without a name or
        article ("Foreign Minister says"): the nearest earlier holder, else the first one
        anywhere in the article."""
        words = {
            t.lower_
            for t in noun.subtree
            if t.i <= noun.i and t.pos_ in ("NOUN", "PROPN", "ADJ") and self.in_quote[t.i] is None
        }
        if not words:
            return None
        by_word = self._role_index()
        cands = by_word.get(noun.lower_, [])  # (token, name, role words) in text order
        holders = [(first, name) for first, name, rw in cands if words <= rw]
        k = bisect.bisect_left(holders, (noun.i, ""))
        if k > 0:
            return holders[k - 1][1]
        if holders:
            return holders[0][1]
        # "UERF chair says" and one "disciplinary chair" in the article: that person.
        partial = {name for _, name, _ in cands}
        return partial.pop() if len(partial) == 1 else None

    def _role_index(self) -> dict[str, list[tuple[int, str, frozenset[str]]]]:
        """Role word -> mentions (outside quotations) of the people whose role has it."""
        if self._roles is None:
            self._roles = {}
            words_of: dict[str, frozenset[str]] = {}
            for m in self.people.mentions:
                role = self.people.role_of(m.name)
                if not role or self.inside_any_quote(m.start):
                    continue
                if m.name not in words_of:
                    words_of[m.name] = frozenset(
                        re.sub(r"[\u2019']s$", "", w.lower()) for w in re.split(r"[\s\-]+", role)
                    )
                for w in words_of[m.name]:
                    self._roles.setdefault(w, []).append((m.first, m.name, words_of[m.name]))
        return self._roles

    def antecedent(self, who: Token) -> tuple[str | None, str]:
        """The speaker a "who"/"which" subject stands for: "Dara Okafor, a trade unionist,
        who told reporters ...": the noun the clause hangs on, the name that noun is in
        apposition to, or else the nearest name before the relative pronoun, with only an
        appositive (no verb) between them."""
        doc = self.doc
        head = who.head.head if who.head.dep_ == "relcl" else None
        if head is not None and head.i < who.i:
            name, how = self.person_of(head)
            if name:
                return name, how
            if head.dep_ == "appos" and head.head.i < head.i:
                name, how = self.person_of(head.head)
                if name:
                    return name, how
        for k in range(who.i - 1, max(who.sent.start, who.i - 40) - 1, -1):
            t = doc[k]
            if self.in_quote[k] is not None:
                break
            name = self.people.person_at(k)
            if name:
                return name, "explicit"
            if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "acl", "compound"):
                break  # a verb between them: the "who" is someone else's
        if head is not None and head.i < who.i:
            return self.person_of(head)
        return None, "nonperson"

    def resolve_pronoun(self, tok: Token, gender: str | None = None) -> str | None:
        """The person a he/she subject refers to: looking back sentence by sentence, the
        first sentence holding a person of a fitting gender decides. In it, the subject of
        a speech verb wins ("X, who arrived after Cyclone Y struck, said ..."), then the
        main clause's subject, then any subject, then the nearest name. An unnamed person
        there ("A senior banker said ...") gives None. Organisations and places are never
        candidates (they are not in the people index)."""
        if tok.i in self._pronouns:
            return self._pronouns[tok.i]
        self._pronouns[tok.i] = None  # guards against a cycle
        gender = PRONOUN_GENDER.get(tok.lower_, gender)
        doc = self.doc
        seg = self.seg_of(tok.idx)
        answer: str | None = None
        while seg >= 0 and self.segments[seg][1] >= tok.idx - LOOKBACK_CHARS:
            a, b = self.segments[seg]
            best: tuple[int, int, object] | None = None  # (rank, position, name)
            for i in range(self.token_at(a), min(self.token_at(max(a, b - 1)), tok.i - 1) + 1):
                t = doc[i]
                if t.idx < a or self.in_quote[i] is not None or i == tok.i:
                    continue
                cand = self._candidate(t, gender)
                if cand is None:
                    continue
                rank, name = cand
                if best is None or (rank, i) > (best[0], best[1]):
                    best = (rank, i, name)
            if best is not None:
                answer = None if best[2] is UNNAMED else best[2]  # type: ignore[assignment]
                break
            seg -= 1
        self._pronouns[tok.i] = answer
        if answer and tok.lower_ in PRONOUN_GENDER and self.gender_of(answer) is None:
            self._learned[answer] = PRONOUN_GENDER[tok.lower_]
        return answer

    def gender_of(self, name: str | None) -> str | None:
        """The person's gender from the people index, else as learned from a he/she this
        article already attributed to them."""
        return self.people.gender_of(name) or self._learned.get(name or "")

    def _candidate(self, t: Token, gender: str | None) -> tuple[int, object] | None:
        """(rank, name or UNNAMED) when token t can be what a he/she refers to."""
        speech_subject = t.dep_ in SUBJECT_DEPS and _is_speech_verb(t.head)
        if t.lower_ in PRONOUN_GENDER:
            if not speech_subject or PRONOUN_GENDER[t.lower_] != (
                gender or PRONOUN_GENDER[t.lower_]
            ):
                return None
            name = self.resolve_pronoun(t)
            return 3, name if name else UNNAMED
        name = self.people.person_at(t.i)
        if name:
            if not _fits(self.gender_of(name), gender):
                return None
            if speech_subject:
                return 3, name
            if t.dep_ in SUBJECT_DEPS:
                return (2 if t.head.dep_ == "ROOT" else 1), name
            if (
                t.head.i < t.i
                and t.head.lemma_.lower() in ("say", "add", "write", "ask")
                and t.dep_ in ("dobj", "attr", "npadvmod")
                and not any(c.dep_ in SUBJECT_DEPS for c in t.head.children)
            ):
                return 3, name  # "said Andrew Smith" parsed with the name as object
            return 0, name
        if speech_subject and _is_unnamed_person(t):
            named, _ = self.person_of(t)
            if not named:
                # "a retired teacher who gave his name only as Daniel, said"
                named = next(
                    (
                        self.people.person_at(k)
                        for c in t.children
                        if c.dep_ in ("relcl", "appos") and c.i > t.i
                        for k in range(c.left_edge.i, c.right_edge.i + 1)
                        if self.people.person_at(k) and self.in_quote[k] is None
                    ),
                    None,
                )
            if named and self.people.is_person(named):
                return (3, named) if _fits(self.gender_of(named), gender) else None
            noun_gender = UNNAMED_PERSON_NOUNS.get(t.lemma_.lower())
            if not _fits(noun_gender, gender):
                return None
            return 3, UNNAMED
        return None

    def recent_organisation(self, tok: Token, noun: str | None) -> str | None:
        """An organisation that is the subject of a speech verb in tok's sentence (before
        it) or the sentence before; with `noun`, one whose name contains that word."""
        doc = self.doc
        seg = self.seg_of(tok.idx)
        for s in (seg, seg - 1):
            if s < 0:
                break
            a, b = self.segments[s]
            last = min(self.token_at(max(a, b - 1)), tok.i - 1)
            for i in range(last, self.token_at(a) - 1, -1):
                t = doc[i]
                if t.idx < a or self.in_quote[i] is not None:
                    continue
                if t.dep_ in SUBJECT_DEPS and _is_speech_verb(t.head):
                    org = self.people.organisation_at(t.i)
                    if org and (noun is None or noun in org.lower().split()):
                        return org
                    if org is None and noun is None:
                        return None  # someone else spoke since
        return None

    def named_organisation(self, tok: Token) -> str | None:
        """ "The ministry said": the nearest organisation named a little earlier whose name
        has that word ("the Ministry of Foreign Affairs"), whether or not it spoke there.
        Office and role words ("the minister") are people, not organisations."""
        low = tok.lower_
        if low in OFFICE_TITLES or low in PERSON_ROLE_NOUNS:
            return None
        doc = self.doc
        for i in range(tok.i - 1, max(-1, tok.i - 400), -1):
            t = doc[i]
            if t.lower_ == low and t.text[:1].isupper() and self.in_quote[i] is None:
                org = self.people.organisation_at(i)
                if org:
                    return org
        return None

    def adjacent_person(self, verb: Token) -> str | None:
        """A name written right before the verb ("Medvedev later said") or after it
        ("said Andrew D'Anieri") when the parse gave the verb no subject."""
        doc = self.doc
        k = verb.i - 1
        while k >= 0 and doc[k].pos_ in SKIPPABLE and doc[k].lower_ not in PRONOUN_GENDER:
            k -= 1
        if k >= 0 and self.people.person_at(k) and self.in_quote[k] is None:
            return self.people.person_at(k)
        k = verb.i + 1
        if k < len(doc) and self.people.person_at(k) and self.in_quote[k] is None:
            return self.people.person_at(k)
        return None

    def subject(self, verb: Token, depth: int = 0) -> tuple[str | None, str]:
        """(speaker, how) for a speech verb: how is explicit | pronoun | according_to |
        nonperson | unknown."""
        if verb.lower_ == "according":
            for child in verb.children:
                if child.lower_ == "to":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            name, how = self.person_of(obj)
                            return name, "according_to" if name else how
            return None, "unknown"
        for child in verb.children:
            if child.dep_ == "agent" and self.in_quote[child.i] is None:
                # "The ban was criticised by X, who told Reuters: “...”": the agent speaks.
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        name, how = self.person_of(obj)
                        if name:
                            return name, how
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and self.in_quote[child.i] is None:
                return self.person_of(child)
        if verb.dep_ == "relcl":
            return self.person_of(verb.head)
        name = self.adjacent_person(verb)
        if name:
            return name, "explicit"
        doc = self.doc
        if (
            verb.i >= 4
            and doc[verb.i - 1].lower_ == "old"
            and doc[verb.i - 3].lower_ in ("year", "years")
            and any(doc[k].lower_ == "the" for k in range(max(0, verb.i - 7), verb.i - 3))
            and self.in_quote[verb.i - 1] is None
        ):
            # "“It was a dream,” the 24-year-old said", parsed with no subject: the
            # person last talked about, like a he/she.
            name = self.resolve_pronoun(doc[verb.i - 1])
            if name:
                return name, "pronoun"
        head = verb.head
        if (
            depth < 3
            and head is not verb
            and verb.dep_ in CLIMB_DEPS
            and (
                self.in_quote[head.i] is None
                or (
                    # "it had “taken note” of the decision and called for ...": a verb
                    # coordinated with a quoted one shares its subject outside the quotes.
                    verb.dep_ == "conj"
                    and any(
                        c.dep_ in SUBJECT_DEPS and self.in_quote[c.i] is None for c in head.children
                    )
                )
            )
        ):
            return self.subject(head, depth + 1)
        return None, "unknown"


def _is_title_case(tok: Token) -> bool:
    """ "Minister" inside a sentence, not merely the first word of it."""
    return tok.text[:1].isupper() and not tok.is_sent_start


def _is_speech_verb(tok: Token) -> bool:
    if tok.lower_ == "according":
        return any(c.lower_ == "to" for c in tok.children)
    if tok.lower_ in SPEECH_FORMS:  # tagged as a noun now and then ("Smith says")
        return True
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH_VERBS


SPEECH_FORMS = {"said", "says", "told", "tells", "added", "adds", "wrote", "writes", "asked"}


def _embedded(text: str, q: QuoteSpan, para_start: int) -> bool:
    """The quotation runs on inside a clause (“as “hopeless”") rather than being set off."""
    k = q.open_at - 1
    while k >= para_start and text[k] == " ":
        k -= 1
    return k >= para_start and (text[k].isalnum() or text[k] in "\u2019'")


def _attribute(ctx: _Context, idx: int, found: _Found) -> None:
    """Rule 1 for a top-level quotation."""
    doc, q = ctx.doc, found.span
    seg_a, seg_b = ctx.segments[found.seg_first][0], ctx.segments[found.seg_last][1]
    tok_a, tok_b = ctx.token_at(seg_a), ctx.token_at(max(seg_a, seg_b - 1))
    quote_tokens = [t for t in doc[tok_a : tok_b + 1] if ctx.in_quote[t.i] == idx]
    verbs = [
        t
        for t in doc[tok_a : tok_b + 1]
        if ctx.in_quote[t.i] is None and t.idx >= seg_a and _is_speech_verb(t)
    ]
    if not verbs:
        _colon_lead(ctx, found, seg_a, tok_a)
        return
    # The verb the quotation hangs on: the nearest speech verb among its roots' heads.
    chain: list[Token] = []
    for tok in quote_tokens:
        head = tok.head
        if ctx.in_quote[head.i] == idx and head is not tok:
            continue
        for _ in range(8):
            if head is None:
                break
            chain.append(head)
            if head.head is head:
                break
            head = head.head
    verb_set = {v.i for v in verbs}
    chosen = next((t for t in chain if t.i in verb_set), None)
    if chosen is None:
        according = [v for v in verbs if v.lower_ == "according"]
        if according:
            chosen = according[0]
    para_start = ctx.paras[q.paragraph].start
    if chosen is None and not _embedded(ctx.text, q, para_start):
        strong = [v for v in verbs if v.lemma_.lower() not in WEAK_SPEECH_VERBS]
        if strong:
            first_q, last_q = (
                quote_tokens[0].i if quote_tokens else 0,
                quote_tokens[-1].i if quote_tokens else 0,
            )
            chosen = min(strong, key=lambda v: min(abs(v.i - first_q), abs(v.i - last_q)))
    if chosen is None and quote_tokens and _embedded(ctx.text, q, para_start):
        chosen = _verb_just_before(ctx, quote_tokens[0].i, tok_a)
    if chosen is None:
        _colon_lead(ctx, found, seg_a, tok_a)
        return
    name, how = ctx.subject(chosen)
    if name is None and how == "nonperson":
        name, how = _reporting_clause(ctx, chosen, name, how)
    if how == "unknown" and not _embedded(ctx.text, q, para_start):
        # Last resort inside the sentence: the nearest name before the verb.
        for k in range(chosen.i - 1, tok_a - 1, -1):
            if ctx.in_quote[k] is None and ctx.people.person_at(k):
                name, how = ctx.people.person_at(k), "explicit"
                break
    if how == "unknown":
        return
    found.speaker = name
    found.attribution = how if name else "none"
    found.resolved = True


def _verb_just_before(ctx: _Context, first: int, tok_a: int) -> Token | None:
    """A speech verb a few words before a quotation run into the sentence, with only its
    object between ("who called it “a sign of things to come”") when the parse hung the
    quotation elsewhere."""
    doc = ctx.doc
    for k in range(first - 1, max(tok_a, first - 8) - 1, -1):
        t = doc[k]
        if ctx.in_quote[k] is not None and k < first - 1:
            return None
        if _is_speech_verb(t) and ctx.in_quote[k] is None:
            return t
        if t.pos_ in ("VERB", "AUX", "CCONJ", "SCONJ") or t.text in ".;:?!":
            return None
    return None


def _reporting_clause(
    ctx: _Context, verb: Token, name: str | None, how: str
) -> tuple[str | None, str]:
    """ "She said Canada would respond “dollar for dollar”": the verb the quotation hangs
    on has a subject that cannot speak for itself here (a country, a thing), and it sits in
    what a person says: the quotation is that person's words."""
    subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is not None and (_is_unnamed_person(subj) or subj.tag_ == "NNS"):
        return name, how  # "one official called for ...", "officials say ...": nobody named
    head, steps = verb, 0
    while steps < 4 and head.dep_ in ("ccomp", "xcomp", "conj", "advcl") and head.head is not head:
        head, steps = head.head, steps + 1
        if ctx.in_quote[head.i] is None and _is_speech_verb(head):
            outer, outer_how = ctx.subject(head)
            if outer:
                return outer, outer_how
            break
    return name, how


def _colon_lead(ctx: _Context, found: _Found, seg_a: int, tok_a: int) -> None:
    """A clause and a colon introduce the quotation: "Keir Stone: ‘...’", "Mr Smith was
    blunt: “...”" - the name itself, else the subject of that clause when it is a person."""
    doc, q = ctx.doc, found.span
    lead = ctx.text[seg_a : q.open_at].rstrip()
    if not lead.endswith(":") or ctx.inside_any_quote(seg_a + len(lead) - 1):
        return
    colon = ctx.token_at(seg_a + len(lead) - 1)
    lead_tokens = range(tok_a, colon)
    if lead_tokens and all(ctx.people.person_at(i) or doc[i].is_punct for i in lead_tokens):
        name = ctx.people.person_at(colon - 1)
        if name:
            found.speaker, found.attribution, found.resolved = name, "explicit", True
            return
    for i in lead_tokens:
        if doc[i].dep_ in SUBJECT_DEPS and ctx.in_quote[i] is None:
            name, how = ctx.person_of(doc[i])
            if name:
                found.speaker, found.attribution, found.resolved = name, how, True
            return


def _no_people(ctx: _Context, para: int) -> bool:
    """The paragraph has no quotation and names no person or organisation."""
    p = ctx.paras[para]
    if _has_quote(ctx, p.start, p.end):
        return False
    for i in range(ctx.token_at(p.start), ctx.token_at(max(p.start, p.end - 1)) + 1):
        tok = ctx.doc[i]
        if ctx.people.person_at(i) or tok.lower_ in PRONOUN_GENDER:
            return False
        if tok.ent_type_ == "ORG" and tok.dep_ in SUBJECT_DEPS:
            return False
    return True


def _paragraph_subject(ctx: _Context, para: int) -> str | None:
    """The person the last sentence of a paragraph is about (its main subject), when the
    paragraph has no quotation of its own."""
    p = ctx.paras[para]
    if _has_quote(ctx, p.start, p.end):
        return None
    seg = ctx.seg_of(max(p.start, p.end - 1))
    return _clause_subject(ctx, ctx.segments[seg])


def _clause_subject(ctx: _Context, seg: tuple[int, int]) -> str | None:
    """The person who is the subject of a sentence's main verb, if any."""
    a, b = ctx.token_at(seg[0]), ctx.token_at(max(seg[0], seg[1] - 1))
    for tok in ctx.doc[a : b + 1]:
        if tok.dep_ == "nsubj" and tok.head.dep_ == "ROOT" and ctx.in_quote[tok.i] is None:
            name, _ = ctx.person_of(tok)
            return name
    return None


def _attribute_nested(ctx: _Context, found: _Found, parent: _Found, parent_idx: int) -> None:
    """A quotation inside a quotation: only a named person saying it inside the outer one."""
    doc, q = ctx.doc, found.span
    found.speaker, found.attribution, found.resolved = None, "nested", True
    a, b = ctx.token_at(q.start), ctx.token_at(max(q.start, q.end - 1))
    for tok in doc[a : b + 1]:
        head, steps = tok.head, 0
        while steps < 6 and head is not head.head:
            if head.i < a and ctx.in_quote[head.i] == parent_idx and _is_speech_verb(head):
                for child in head.children:
                    if child.dep_ in SUBJECT_DEPS and child.lower_ not in PRONOUN_GENDER:
                        name = ctx.people.person_at(child.i)
                        if name:
                            found.speaker = name
                            return
                return
            head, steps = head.head, steps + 1
        break


def _is_heading(ctx: _Context, q: QuoteSpan) -> bool:
    para = ctx.paras[q.paragraph]
    if len(q.pieces) != 1:
        return False
    if q.open_at != para.start:
        # "Portugal wildfires: ‘The sky turned orange’": a short topic and a colon.
        lead = ctx.text[para.start : q.open_at].rstrip()
        if not lead.endswith(":") or len(lead.split()) > 6 or ctx.inside_any_quote(para.start):
            return False
        first, colon = ctx.token_at(para.start), ctx.token_at(para.start + len(lead) - 1)
        if any(ctx.people.person_at(i) for i in range(first, colon)):
            return False  # "Keir Stone: ‘...’" names its speaker
    close_end = q.close_at + 1 if q.close_at is not None else q.end
    rest = ctx.text[close_end : para.end].strip()
    if rest and q.open_at == para.start and _heading_tail(rest):
        return True  # "‘We will form the government’: JPP leader"
    if rest:
        return False
    body = ctx.text[q.start : q.end].rstrip()
    prefixed = q.open_at != para.start  # "Brexit: ‘What happens now?’" is a heading too
    return (
        bool(body)
        and (body[-1] not in TERMINATORS or (prefixed and body[-1] in "?!"))
        and len(body.split()) <= 25
    )


def _heading_tail(rest: str) -> bool:
    """What follows a headline's quotation: a colon or dash and a few words naming the
    source, with no final punctuation ("‘...’: JPP leader", "‘...’ - union chief")."""
    if rest[0] not in ":\u2013\u2014-|":
        return False
    tail = rest[1:].strip()
    return bool(tail) and tail[-1] not in TERMINATORS + ",;:" and len(tail.split()) <= 8


def _heading_tail_speaker(ctx: _Context, q: QuoteSpan) -> str | None:
    """The person, role holder or organisation a headline's tail names."""
    para = ctx.paras[q.paragraph]
    close_end = q.close_at + 1 if q.close_at is not None else q.end
    a, b = ctx.token_at(close_end), ctx.token_at(max(close_end, para.end - 1))
    for i in range(a, b + 1):
        if ctx.people.person_at(i):
            return ctx.people.person_at(i)
    for i in range(a, b + 1):
        tok = ctx.doc[i]
        if tok.pos_ in ("NOUN", "PROPN") and (
            tok.lower_ in OFFICE_TITLES or tok.lower_ in PERSON_ROLE_NOUNS
        ):
            name = ctx.role_holder(tok)
            if name:
                return name
    for i in range(a, b + 1):
        org = ctx.people.organisation_at(i)
        if org:
            return org
    return None


def _heading_line(ctx: _Context, q: QuoteSpan) -> bool:
    """The quotation sits in a short line with no final full stop outside the quotation:
    a headline or crosshead quoting a phrase ("Social care 'not keeping up'")."""
    if len(q.pieces) != 1:
        return False
    para = ctx.paras[q.paragraph]
    line = ctx.text[para.start : para.end].rstrip("\"”’' ")
    return (
        bool(line)
        and "\n" not in line
        and line[-1] not in TERMINATORS
        and len(line.split()) <= 14
        and not line.rstrip().endswith(":")
    )


def _phrase_speaker(
    ctx: _Context, q: QuoteSpan, body: list[str], said: list[tuple[list[str], str | None]]
) -> str | None:
    """A heading quoting a phrase of two words or more that a later quotation has word for
    word (case and marks aside); among several, the one sharing most of the line's words."""
    if len(body) < 2:
        return None
    para = ctx.paras[q.paragraph]
    line = set(_words(ctx.text[para.start : para.end]))
    phrase = " " + " ".join(body) + " "
    best: tuple[float, str] | None = None
    for other, who in said:
        if who is None or phrase not in " " + " ".join(other) + " ":
            continue
        score = len(line & set(other)) / max(1, len(line))
        if best is None or score > best[0]:
            best = (score, who)
    return best[1] if best else None


def _words(text: str) -> list[str]:
    return re.sub(r"[^\w\s]", " ", text.lower().replace("\u2019", "'")).split()


def _overlap(wa: list[str], wb: list[str]) -> float:
    """Token F1 of two word lists (how closely a heading repeats a quotation)."""
    if not wa or not wb:
        return 0.0
    pool: dict[str, int] = {}
    for w in wa:
        pool[w] = pool.get(w, 0) + 1
    hit = 0
    for w in wb:
        if pool.get(w, 0) > 0:
            pool[w] -= 1
            hit += 1
    if not hit:
        return 0.0
    p, r = hit / len(wb), hit / len(wa)
    return 2 * p * r / (p + r)


def _coverage(part: list[str], whole: list[str]) -> float:
    """Share of `part`'s words found in `whole`."""
    if not part:
        return 0.0
    pool = set(whole)
    return sum(1 for w in part if w in pool) / len(part)


def _speech_events(ctx: _Context) -> dict[int, list[tuple[int, str | None]]]:
    """Reported speech outside quotations ("X says there was a balancing act"), by paragraph."""
    events: dict[int, list[tuple[int, str | None]]] = {}
    for tok in ctx.doc:
        if ctx.in_quote[tok.i] is not None or not _is_speech_verb(tok):
            continue
        if tok.lemma_.lower() in WEAK_SPEECH_VERBS and not (
            tok.lemma_.lower() == "point" and any(c.lower_ == "out" for c in tok.children)
        ):
            continue  # "believe", "think" - but "pointed out that ..." reports speech
        has_subject = tok.lower_ == "according" or any(c.dep_ == "nsubj" for c in tok.children)
        if not has_subject:
            continue
        name, how = ctx.subject(tok)
        if how == "unknown":
            continue
        events.setdefault(ctx.para_of(tok.idx), []).append((tok.idx, name))
    return events


def extract_quotes(doc: Doc, *, people: PeopleIndex) -> list[Quote]:
    ctx = _Context(doc, people)
    text = ctx.text
    found: list[_Found] = []
    for q in ctx.spans:
        f = _Found(q)
        f.seg_first = ctx.seg_of(q.open_at)
        f.seg_last = ctx.seg_of(max(q.open_at, q.end - 1))
        found.append(f)
    # Rule 1 (and nested quotations).
    for idx, f in enumerate(found):
        if f.span.depth == 0:
            _attribute(ctx, idx, f)
    for f in found:
        if f.span.depth > 0 and f.span.parent is not None:
            _attribute_nested(ctx, f, found[f.span.parent], f.span.parent)
            f.seg_first, f.seg_last = found[f.span.parent].seg_first, found[f.span.parent].seg_last

    # Rules 2-3, in text order, so that a continued quotation carries the speaker on.
    events = _speech_events(ctx)
    for f in found:
        if f.span.depth == 0 and f.resolved:
            events.setdefault(f.span.paragraph, []).append((f.span.open_at, f.speaker))
            if f.span.last_paragraph != f.span.paragraph:
                events.setdefault(f.span.last_paragraph, []).append((f.span.end, f.speaker))
    for evs in events.values():
        evs.sort(key=lambda e: e[0])
    headings: list[_Found] = []
    heading_paras: set[int] = set()
    for f in found:
        q = f.span
        if q.depth > 0 or f.resolved:
            continue
        if _is_heading(ctx, q):
            headings.append(f)
            heading_paras.add(q.paragraph)
            continue
        para = ctx.paras[q.paragraph]
        same = [e for e in events.get(q.paragraph, []) if e[0] < q.open_at]
        prev = events.get(q.paragraph - 1, []) if q.paragraph > 0 else []
        standalone = _standalone(ctx, f)
        if not standalone:
            pass  # a phrase inside a sentence with no speech verb: a scare quote
        elif name := _next_sentence_speaker(ctx, f, events, demonstrative_only=True):
            f.speaker, f.attribution = name, "next_sentence"  # "That was the view of X."
        elif not same and q.open_at == para.start and (name := _named_speaker_next(ctx, f)):
            # A paragraph opening with a quotation and then "The NDF said ...": that speaker.
            f.speaker, f.attribution = name, "next_sentence"
        elif same:
            f.speaker, f.attribution = same[-1][1], "continuation"
        elif (
            f.seg_first > 0
            and ctx.para_of(ctx.segments[f.seg_first - 1][0]) == q.paragraph
            and (name := _clause_subject(ctx, ctx.segments[f.seg_first - 1]))
        ):
            # "Ms Smith was unequivocal. “We will not back down.”"
            f.speaker, f.attribution = name, "continuation"
        elif (
            q.open_at == para.start
            and prev
            and prev[-1][1]
            and q.paragraph - 1 not in heading_paras
        ):
            f.speaker, f.attribution = prev[-1][1], "continuation"
        elif (
            q.open_at == para.start
            and not prev
            and q.paragraph > 0
            and q.paragraph - 1 not in heading_paras
            and (name := _paragraph_subject(ctx, q.paragraph - 1))
        ):
            # "Islam pointed out that ..." / next paragraph: “If the government is ...”
            f.speaker, f.attribution = name, "continuation"
        elif (
            q.open_at == para.start
            and not prev
            and q.paragraph > 1
            and (before := events.get(q.paragraph - 2, []))
            and before[-1][1]
            and _no_people(ctx, q.paragraph - 1)
        ):
            # A quotation resumes after one paragraph of narration naming nobody:
            # “We can barely keep up,” Mr B said. / The firm employs 200 people. / “...”
            f.speaker, f.attribution = before[-1][1], "continuation"
        else:
            name = _next_sentence_speaker(ctx, f, events)
            if name:
                f.speaker, f.attribution = name, "next_sentence"
        if f.attribution == "none":
            continue
        if f.speaker is None:
            f.attribution = "none"
        f.resolved = True
        events.setdefault(q.paragraph, []).append((q.open_at, f.speaker))
        events[q.paragraph].sort(key=lambda e: e[0])
        if q.last_paragraph != q.paragraph:
            events.setdefault(q.last_paragraph, []).append((q.end, f.speaker))
    # Rule 4: headings repeat a quotation of the article; so does a headline's quotation
    # whose own attribution named nobody ("‘Long overdue’, says minister" with no minister).
    is_heading = {id(h) for h in headings}
    lines: set[int] = set()  # headline or crosshead lines quoting a phrase
    for f in found:
        if f.span.depth > 0 or f.speaker is not None or id(f) in is_heading:
            continue
        if f.resolved and ctx.headline_like(f.span.open_at):
            headings.append(f)
            is_heading.add(id(f))
        elif _heading_line(ctx, f.span):
            # "Hospitals brace for 'worst winter yet'", a crosshead "Social care 'not
            # keeping up'": the phrase of a later quotation, whoever said that.
            headings.append(f)
            is_heading.add(id(f))
            lines.add(id(f))
    said = [
        (_words(f.span.text(text)), f.speaker)
        for f in found
        if f.speaker and id(f) not in is_heading
    ]
    for f in headings:
        body = _words(f.span.text(text))
        # A pull-quote repeats (part of) a quotation: most of the heading's words are in it.
        best = max(
            ((_overlap(body, other), _coverage(body, other), who) for other, who in said),
            default=(0.0, 0.0, None),
            key=lambda x: (x[1] >= 0.8 and len(body) >= 3, x[0]),
        )
        if best[0] >= 0.6 or (best[1] >= 0.8 and len(body) >= 3):
            f.speaker, f.attribution = best[2], "heading"
        elif (
            (name := _phrase_speaker(ctx, f.span, body, said))
            or id(f) not in lines
            and (name := _heading_tail_speaker(ctx, f.span))
        ):
            f.speaker, f.attribution = name, "heading"
        if f.speaker is None:
            f.attribution = "none"
        f.resolved = True

    out: list[Quote] = []
    for f in found:
        q = f.span
        ev_a, ev_b = ctx.segments[f.seg_first][0], ctx.segments[f.seg_last][1]
        out.append(
            Quote(
                text=q.text(text),
                speaker=f.speaker,
                start=q.start,
                end=q.end,
                evidence=text[ev_a:ev_b],
                evidence_start=ev_a,
                evidence_end=ev_b,
                attribution=f.attribution if f.speaker else "nested" if q.depth else "none",
            )
        )
    return out


DEMONSTRATIVES = {"that", "this", "those", "these", "so", "such"}


def _standalone(ctx: _Context, f: _Found) -> bool:
    """The quotation is its sentence(s): nothing but punctuation outside its marks."""
    q = f.span
    a, b = ctx.segments[f.seg_first][0], ctx.segments[f.seg_last][1]
    close_end = q.close_at + 1 if q.close_at is not None else q.end
    outside = ctx.text[a : q.open_at] + ctx.text[close_end:b]
    return not any(c.isalnum() for c in outside)


def _next_sentence_speaker(
    ctx: _Context, f: _Found, events: dict, *, demonstrative_only: bool = False
) -> str | None:
    """ "That was the message from X." / "X said so on Monday." right after the quotation."""
    k = f.seg_last + 1
    if k >= len(ctx.segments):
        return None
    a, b = ctx.segments[k]
    if ctx.para_of(a) > f.span.last_paragraph + 1:
        return None
    if _has_quote(ctx, a, b):
        # "The question was put by X, who called the deal “a giveaway”."
        return _source_sentence_speaker(ctx, a, b) if demonstrative_only else None
    first = ctx.doc[ctx.token_at(a)]
    second = ctx.doc[first.i + 1] if first.i + 1 < len(ctx.doc) else first
    # "That was the message from X", "Those were the words of X", "So said X".
    name = _source_sentence_speaker(ctx, a, b)
    if name:
        return name
    if first.lower_ in DEMONSTRATIVES and (
        second.lemma_ == "be" or (first.lower_ == "so" and _is_speech_verb(second))
    ):
        for i in range(first.i, ctx.token_at(max(a, b - 1)) + 1):
            name = ctx.people.person_at(i)
            if name and ctx.in_quote[i] is None:
                return name
    if demonstrative_only:
        return None
    later = [e for e in events.get(ctx.para_of(a), []) if a <= e[0] < b]
    return later[0][1] if later else None


SOURCE_DETERMINERS = {"that", "this", "these", "those", "such", "the"}
SOURCE_LINKS = {"from", "by", "of"}
# Nouns for what someone said ("Mr Han's remarks", "X's words").
SPEECH_NOUNS = {
    "word",
    "remark",
    "comment",
    "warning",
    "assessment",
    "verdict",
    "message",
    "statement",
    "answer",
    "reply",
    "response",
    "plea",
    "appeal",
    "criticism",
}
# Verbs of a sentence saying where words came from ("came from", "was put by", "voiced by").
SOURCE_VERBS = {
    "be",
    "come",
    "put",
    "pose",
    "voice",
    "echo",
    "offer",
    "deliver",
    "raise",
    "express",
    "issue",
    "sound",
    "say",
    "write",
    "repeat",
    "share",
    "make",
    "give",
}


def _source_sentence_speaker(ctx: _Context, a: int, b: int) -> str | None:
    """A sentence that names where the quotation before it came from: its subject points
    back ("That assessment", "The question", "Those") and the person hangs on the verb
    through from / by / of or a possessive ("That assessment came from X", "The question
    was put by X", "Those were the words of X", "That was X's view")."""
    doc = ctx.doc
    first, last = ctx.token_at(a), ctx.token_at(max(a, b - 1))
    root = next(
        (t for t in doc[first : last + 1] if t.dep_ == "ROOT" and ctx.in_quote[t.i] is None),
        None,
    )
    if root is None:
        return None
    subj = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None or ctx.people.person_at(subj.i):
        return None
    if subj.lemma_.lower() in SPEECH_NOUNS:
        # "Mr Han's remarks came a day after ...": whose words they were.
        for c in subj.children:
            if c.dep_ == "poss" and ctx.people.person_at(c.i) and ctx.in_quote[c.i] is None:
                return ctx.people.person_at(c.i)
    if root.lemma_.lower() not in SOURCE_VERBS:
        return None
    points_back = subj.lower_ in DEMONSTRATIVES or (
        subj.pos_ == "NOUN" and any(c.lower_ in SOURCE_DETERMINERS for c in subj.children)
    )
    if not points_back:
        return None
    for i in range(first, last + 1):
        if ctx.in_quote[i] is not None or i == subj.i:
            continue
        name = ctx.people.person_at(i)
        is_org = False
        if not name and doc[i].dep_ == "pobj":
            name = ctx.people.organisation_at(i)
            is_org = bool(name)
        if not name:
            continue
        owner = doc[i]
        while owner.dep_ in ("compound", "flat") and owner.head.i > owner.i:
            owner = owner.head
        if owner.dep_ == "poss" and _is_unnamed_person(owner.head):
            continue  # "the words of Ms Olsen's colleague, Daniel Kruger": not Olsen
        t, steps = doc[i], 0
        while t.i != root.i and steps < 6:
            if t.lower_ in SOURCE_LINKS or t.dep_ == "poss" or (t.dep_ == "attr" and not is_org):
                return name
            t, steps = t.head, steps + 1
    return None


def _named_speaker_next(ctx: _Context, f: _Found) -> str | None:
    """The named subject (a person or an organisation, not a pronoun) that opens the next
    sentence of the same paragraph with a speech verb ("The NDF said it would ...")."""
    k = f.seg_last + 1
    if k >= len(ctx.segments):
        return None
    a, b = ctx.segments[k]
    if ctx.para_of(a) != f.span.last_paragraph or _has_quote(ctx, a, b):
        return None
    doc = ctx.doc
    first, last = ctx.token_at(a), ctx.token_at(max(a, b - 1))
    for tok in doc[first : last + 1]:
        if tok.dep_ != "nsubj" or not _is_speech_verb(tok.head) or tok.head.dep_ != "ROOT":
            continue
        if tok.lower_ in PRONOUN_GENDER or tok.i - first > 6:
            return None
        if tok.head.lemma_.lower() in WEAK_SPEECH_VERBS:
            return None
        name = ctx.people.person_at(tok.i)
        if name:
            return name
        org = ctx.people.organisation_at(tok.i)
        return org if org and " " in org else None  # not a bare "Police"
    return None


def _has_quote(ctx: _Context, a: int, b: int) -> bool:
    k = bisect.bisect_left(ctx.region_starts, a)
    return k < len(ctx.region_starts) and ctx.region_starts[k] < b
