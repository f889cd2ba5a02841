"""Country links: people, places, organisations and events tied to a country by the text.

Rules, applied to the spaCy parse of each evidence sentence (see ``extract_country_links``):

1. **Title before a name**: "Kazakh President Kassym-Jomart Tokayev", "Former German chancellor
   Angela Merkel", "deputy chairman of Russia's security council Dmitry Medvedev".
2. **Apposition**: "Sergei Lavrov, Russia's foreign minister, ...", "Jane Doe, a British
   diplomat", "the president of Kenya, William Ruto", "X, an analyst ... based in Tashkent".
3. **Office without a name**: "the president of Kyrgyzstan", "the Russian president"; resolved to
   the person of the article holding that office when there is one.
4. **Named organisation with a nationality**: "the Russian Defence Ministry", "Bank of Japan",
   "China's Belt and Road Initiative", "its Belt and Road Initiative" (its = the clause's country).
5. **Event held in a place**: "the SCO meeting in Tashkent", "leaders gathered in Uzbekistan for
   the Shanghai Cooperation Organisation meeting", "Peru hosted the summit"; acronyms are spelt out
   from the article ("SCO" -> "Shanghai Cooperation Organisation").
6. **City, province or state to its country**: "Tashkent" -> Uzbekistan, "Ontario" -> Canada (see
   ``geo.city_country``); "Valencia, Venezuela", "Nogales, Arizona" (the qualifier decides); a
   namesake in a country of the same sentence, then in the country the article names most, wins
   ("Bhola" in an article about Bangladesh); cities the small model mislabels are taken when
   they follow a locative preposition ("around Kharkiv", "based in Bogota").
7. **Described places and organisations**: "the Ukrainian city of Bakhmut", "Kherson, Ukraine's
   southern port", "the Syrian capital, Damascus", "Gazprom, the Russian state energy giant".
8. **Organisations and people described by a country** (``description_links``): "Norway's
   state-owned investor Norfund", "The Dutch development bank FMO", "Tanzania's state utility
   Tanesco", "the Lagos-based consultancy Briter" (the name after the description is the
   subject); with no name, the description itself: "Spain's civil protection agency", "a senior
   Nigerian banker", "a battery maker in South Korea" (a singular organisation or person noun,
   not negated: "not a single Kazakh official" names nobody).
9. **People through their organisation**: "Nigeria's Rural Electrification Agency ... Its
   managing director, X" (the organisation linked in the same or the previous sentence), and
   "X, a scientist at the Federal University of Rio Grande do Sul in Porto Alegre, Brazil" (an
   "in <place>" inside the apposition); the organisation or event itself when "in <place>"
   follows its name ("Cop30 in Belem, Brazil"; names of letters and digits are never people).
10. **Postings, party tags and role clauses**: "Bangladesh's Assistant High Commissioner in
   Guwahati, X" (the title's country, not the posting's), "Sen. X, R-Idaho" (a US party and
   state), "X, who heads the laboratory at the National University of Peru" / "who runs a
   bakery in Dublin" (a relative clause of a role verb: head, lead, run, chair, be ...).
11. **Datelines and "the country"**: "LILONGWE, Malawi (AP) —", "SEOUL/TOKYO, May 14 (Reuters)
   -", "Shillong, Aug 14 (PTI)" link each dateline city (``sentences.dateline``); "the
   country's Ministry of Health" is the country named last in this or the two sentences
   before, else the dateline's.
12. **Sited events and facilities**: "The congress, held in Lisbon, Portugal" (a bare event noun
   counts when a participle places it), "a plant in Kumamoto, Japan" / "a refinery in Nigeria"
   (a facility noun placed in a country the text names; a city alone is left to its own link).
13. **Owned institutions, policies, groups and leaders**: "Chile's lower house", "Jordan's
   parliament", "Indonesia's ban on exports of raw nickel ore" (an institution or policy noun
   with a possessive or adjective country only: "a house in Spain" is not Spain's), "a
   20-person crew from South Africa" (crew, team, squad, delegation), "Syria's delegation was
   led by X" / "the delegation, led by X" / "X led Syria's delegation" (X -> Syria); "a battery
   plant in Indonesia's Central Java province" (the plant, and "Central Java"); "an investor
   day in Singapore" (a "day" named by a compound); "In Peru, where ..., ... the April 12
   presidential election" (a sentence opening with "In <country>," places its events).

A city's country never comes from a neighbouring city: "in Santiago and ... in Lima" does not
make Santiago Peruvian (a city's own region, "Lima" region, lends no country to its sentence);
an ambiguous name takes a namesake in a country the article names, else the dominant city.

Names are taken whole: "Foreign, Commonwealth and Development Office" (a list before the
entity), "Rio Grande do Sul" (lower-case particles), "Kuwala Health Trust" (every adjacent
proper noun the name's words hang from), and an unclosed bracket is cut
("... Technology (Buet" -> "... Technology").

Group nouns with a nationality ("Russian troops", "Kazakh officials", "Russia's government", "The
Spanish government") and indefinite offices ("a South Korean leader") are not linked: they name no
one in particular (the sample's gold annotation links none of them, including "Russia's
government"). Countries themselves are never subjects. Each
(subject, country) pair is output once, with the first sentence that states it. Country
knowledge comes from ``geo`` (data packages); person names from the people index
(``people.mentions`` / ``people.canonical``) when given, else from spaCy's PERSON entities.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from . import geo
from .dates import doc_text
from .facts import CountryLink
from .sentences import dateline, evidence_sentences, sentence_index


class PeopleLike(Protocol):  # the quotes helper's PeopleIndex (quizzes/extraction/people.py)
    def canonical(self, mention: str) -> str | None: ...

    def role_of(self, name: str) -> str | None: ...


# Offices a country has (language knowledge, not country knowledge).
OFFICES = {
    "president",
    "vice-president",
    "premier",
    "chancellor",
    "king",
    "queen",
    "monarch",
    "emperor",
    "emir",
    "sultan",
    "leader",
    "ambassador",
    "envoy",
    "minister",
    "secretary",
    "chairman",
    "prime",
    "dictator",
    "ruler",
    "spokesman",
    "spokeswoman",
    "spokesperson",
}
# Head nouns of events that are held somewhere.
EVENT_NOUNS = {
    "meeting",
    "summit",
    "conference",
    "talks",
    "games",
    "olympics",
    "championship",
    "championships",
    "cup",
    "festival",
    "forum",
    "congress",
    "convention",
    "ceremony",
    "rally",
    "election",
    "elections",
    "referendum",
    "exhibition",
    "expo",
    "fair",
    "tournament",
    "assembly",
    "gathering",
    "parade",
    "concert",
    "negotiations",
    "visit",
    "funeral",
    "wedding",
    "trial",
    "hearing",
    "session",
    "meet",
    "race",
    "marathon",
    "show",
    "contest",
}
# Nouns for kinds of place ("the Ukrainian city of Bakhmut").
PLACE_NOUNS = {
    "city",
    "town",
    "village",
    "capital",
    "port",
    "region",
    "province",
    "district",
    "county",
    "island",
    "territory",
    "enclave",
    "oblast",
    "suburb",
    "municipality",
    "stronghold",
    "hub",
}
# Participles that place a named event or organisation (", held in Lisbon").
_SITED = {"held", "hosted", "staged", "located", "based", "headquartered", "convened"}
# Facilities that stand somewhere ("a plant in Kumamoto, Japan").
FACILITY_NOUNS = {
    "plant", "factory", "mine", "refinery", "facility", "smelter", "warehouse", "terminal",
    "campus", "headquarters", "mill", "reactor", "site", "dam", "pipeline", "gigafactory",
    "fab", "foundry", "shipyard", "depot",
}  # fmt: skip
INDEFINITE = {"a", "an", "any", "no", "every", "each", "another"}
# Head nouns of organisations ("Norway's state-owned investor Norfund", "a battery maker in
# South Korea"). "government", "army" and the like are group nouns, left out like "troops".
ORG_NOUNS = {
    "agency", "authority", "bank", "investor", "company", "firm", "ministry", "department",
    "regulator", "utility", "lender", "insurer", "operator", "maker", "manufacturer", "producer",
    "exporter", "importer", "carmaker", "automaker", "airline", "broadcaster", "newspaper",
    "fund", "institute", "institution", "university", "college", "hospital", "court",
    "commission", "watchdog", "startup", "start-up", "conglomerate", "charity", "corporation",
    "developer", "supplier", "refiner", "miner", "retailer", "foundation", "association",
    "federation", "consortium", "giant", "group", "organisation", "organization", "body",
    "consultancy", "think-tank", "laboratory", "lab", "chipmaker", "drugmaker", "steelmaker",
    "shipbuilder", "trust", "network", "cooperative", "crew", "team", "squad", "delegation",
}  # fmt: skip
# Institutions and policies that belong to a country only when the country owns or names them
# ("Chile's lower house", "Jordan's parliament", "Indonesia's ban on exports of nickel ore"),
# never by place ("a house in Spain" is somewhere, not Spain's).
OWNED_NOUNS = {
    "parliament", "house", "senate", "legislature", "congress", "cabinet", "embassy",
    "consulate", "navy", "ban", "embargo", "moratorium", "policy", "initiative", "programme",
    "program", "tariff", "quota",
}  # fmt: skip
_POLICY_NOUNS = {"ban", "embargo", "moratorium", "policy", "initiative", "programme", "program", "tariff", "quota"}  # fmt: skip
# Verbs by which a person leads a group ("Syria's delegation was led by X").
_LEAD_VERBS = {"lead", "head", "chair"}
# Nouns for one person described by a nationality ("a senior Nigerian banker").
PERSON_NOUNS = {
    "banker", "analyst", "economist", "diplomat", "scientist", "researcher", "engineer",
    "chemist", "physicist", "farmer", "businessman", "businesswoman", "entrepreneur",
    "journalist", "activist", "lawyer", "soldier", "doctor", "professor", "executive",
    "negotiator", "official", "officer", "teacher", "pilot", "migrant", "refugee", "student",
    "man", "woman", "boy", "girl", "fisherman", "trader", "investor",
}  # fmt: skip
# Counted plurals that are people, not things ("1,200 firefighters in Portugal").
_HUMAN_PLURALS = {
    "people", "persons", "families", "children", "troops", "men", "women", "police", "staff",
    "residents", "refugees", "migrants", "civilians", "citizens", "nationals", "households",
    "patients", "students", "soldiers", "officials", "casualties", "deaths", "lives", "jobs",
}  # fmt: skip
_HUMAN_ENDINGS = ("ers", "ists", "ians", "ees", "ors")
_DIRECTIONS = {
    "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
    "rural", "coastal", "northeastern", "northwestern", "southeastern", "southwestern",
}  # fmt: skip
# Words of a name that may be lower case ("Rio Grande do Sul", "Universidad de Chile").
NAME_PARTICLES = {"do", "da", "dos", "das", "de", "del", "della", "di", "du", "des", "van", "von", "der", "la", "le"}  # fmt: skip
HOLD_VERBS = {"hold", "host", "stage", "organise", "organize", "take", "convene"}
LOCATIVE_PREPS = {
    "in",
    "at",
    "around",
    "near",
    "outside",
    "inside",
    "from",
    "across",
    "to",
    "towards",
}
NAME_TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "dame",
    "prof",
    "professor",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
}
_POSSESSIVE = re.compile(r"\s*['\u2019]s?$")
# Names made of letters and digits are events or products, never people ("Cop30", "G20").
_CODED_NAME = re.compile(r"^(?:[A-Z][a-z]{1,4}|[A-Z]{1,5})\d{1,4}$")


# Verbs of a relative clause that give a person's role ("who heads", "who is Kenya's envoy").
ROLE_VERBS = {"head", "lead", "run", "chair", "direct", "manage", "found", "be", "represent"}
_THE_COUNTRYS = re.compile(r"^(?:[Tt]he\s+)?country['\u2019]s\s+")
_PARTY_STATE = re.compile(r",\s*[RDI]-([A-Z][A-Za-z.]*(?: [A-Z][a-z]+)?)(?=[,)])")
_TRAILING_NON_NAME = re.compile(r"(?:\s+[^\sA-Za-z\u00c0-\u024f]+)+$")


def _name_text(span: Span) -> str:
    """A name's text without an unclosed bracket ("... Technology (Buet" -> "... Technology")."""
    text = span.text
    if text.count("(") > text.count(")"):
        text = text[: text.rindex("(")].rstrip()
    return text


@dataclass(frozen=True)
class _Mention:
    start: int  # token indices [start, end)
    end: int
    country: str
    form: str  # "name" (Russia, the UK) | "adj" (Russian, Kazakh)


def _two_letter_code(text: str) -> bool:
    letters = text.replace(".", "")
    return len(letters) == 2 and letters.isupper()


def _clean(text: str) -> str:
    text = _POSSESSIVE.sub("", text.strip())
    text = re.sub(r"^(?:the|The)\s+", "", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    if text.isupper() and len(text) > 4 and " " not in text:  # dateline "NAIROBI"
        text = text.title()
    return text


def _find_mentions(doc: Doc, tokens: list[Token]) -> dict[int, _Mention]:
    """Country names and nationality adjectives, indexed by each token they cover."""
    found: dict[int, _Mention] = {}
    i, n = 0, len(doc)
    while i < n:
        tok = tokens[i]
        if not (tok.text[:1].isupper() or tok.lower_ == "the") or not geo.may_start_country(
            tok.text
        ):
            i += 1
            continue
        match = None
        # Longest country name first ("Bosnia and Herzegovina", "the UK", "South Korea").
        for j in range(min(n, i + 5), i, -1):
            span = doc[i:j]
            if (
                tokens[j - 1].is_punct
                or tokens[j - 1].is_space
                or not tokens[j - 1].text[:1].isalpha()
            ):
                continue
            text = span.text
            if tok.lower_ == "the" and j - i == 1:
                continue
            if _two_letter_code(text) and not (
                tok.ent_type_ in {"GPE", "NORP"} or (i > 0 and tokens[i - 1].lower_ == "the")
            ):
                continue  # "the US", "US officials" (a GPE), not "IT department"
            name = geo.canonical_country(text)
            if name:
                match = _Mention(i, j, name, "name")
                break
            adjective = geo.country_of_adjective(text) if text[:1].isupper() else None
            if adjective and doc[i].pos_ in {"ADJ", "PROPN", "NOUN"}:
                match = _Mention(i, j, adjective, "adj")
                break
        if match:
            for k in range(match.start, match.end):
                found[k] = match
            i = match.end
        else:
            i += 1
    return found


class _Extractor:
    def __init__(self, doc: Doc, people: PeopleLike | None):
        self.doc = doc
        self.people = people
        self._canonical_cache: dict[str, str | None] = {}
        self.tokens: list[Token] = list(doc)  # one Token object per position, reused by every pass
        self.mentions = _find_mentions(doc, self.tokens)
        unique = {id(m): m for m in self.mentions.values()}.values()
        self.context: dict[str, int] = {}  # country -> how often the article names it
        for m in unique:
            self.context[m.country] = self.context.get(m.country, 0) + 1
        self.sentences = evidence_sentences(doc)
        self.sent_of = sentence_index(doc, self.sentences)
        self.near: dict[int, frozenset[str]] = {}  # sentence -> countries it names
        for m in unique:
            n = self.sent_of[m.start]
            self.near[n] = self.near.get(n, frozenset()) | {m.country}
        for ent in doc.ents:  # and the countries of the states and provinces it names ("Arizona")
            if ent.label_ == "GPE" and ent.start not in self.mentions:
                text = _clean(ent.text)
                if geo.city_population(text) >= geo.CITY_MIN_POPULATION:
                    continue  # "Lima" is a city, not a hint for its neighbour "Santiago"
                country = geo.region_country(text)
                if country:
                    n = self.sent_of[ent.start]
                    self.near[n] = self.near.get(n, frozenset()) | {country}
        self.name_mentions = sorted((m.start, m.country) for m in unique if m.form == "name")
        self.name_starts = [start for start, _country in self.name_mentions]
        self.dateline_country: str | None = None
        self.links: list[CountryLink] = []
        self.seen: set[tuple[str, str]] = set()
        self.office_holder: dict[tuple[str, str], str] = {}  # (country, office) -> person
        self.person_tokens: set[int] = set()
        self.title_tokens: set[int] = (
            set()
        )  # title words before a name ("Russia's security council")
        self.pending: list[tuple[str, int]] = []  # people described through "its" (an organisation)
        self.org_at: list[tuple[int, str]] = []  # (token, country) of linked organisations
        self._acronym_cache: dict[str, str | None] = {}
        self._runs: list[list[Token]] | None = None
        self.ent_of: dict[int, Span] = {
            i: ent for ent in doc.ents for i in range(ent.start, ent.end)
        }

    # -- helpers ---------------------------------------------------------------------------
    def add(self, subject: str, country: str, at: int, kind: str) -> None:
        subject = _clean(subject)
        if not subject or not country or geo.is_country(subject):
            return
        if kind == "organisation":
            self.org_at.append((at, country))
        key = (geo.fold(subject), country)
        if key in self.seen:
            return
        self.seen.add(key)
        sent = self.sentences[self.sent_of[at]] if self.sent_of[at] >= 0 else self.doc[at : at + 1]
        self.links.append(
            CountryLink(
                subject=subject,
                country=country,
                evidence=sent.text,
                evidence_start=sent.start_char,
                evidence_end=sent.end_char,
                subject_kind=kind,
            )
        )

    def canonical_person(self, text: str) -> str | None:
        if text in self._canonical_cache:
            return self._canonical_cache[text]
        name = self._canonical_uncached(text)
        self._canonical_cache[text] = name
        return name

    def _canonical_uncached(self, text: str) -> str | None:
        if self.people is not None:
            try:
                name = self.people.canonical(text)
            except Exception:  # noqa: BLE001 - a people index bug must not lose country links
                name = None
            if name:
                return name
        return None

    def country_of_place(self, tok: Token) -> str | None:
        """Country of the place a token names: a country, a city or a US state."""
        mention = self.mentions.get(tok.i)
        if mention and mention.form == "name":
            return mention.country
        ent = self._entity(tok)
        if ent is None:
            return None
        if ent.label_ in {"GPE", "LOC"} or self._is_locative(ent):
            return self.place_country(ent.text, ent.start) or (
                geo.region_country(ent.text) if ent.label_ == "GPE" else None
            )
        return None

    def place_country(self, text: str, at: int) -> str | None:
        """A city's or province's country, preferring the countries of its sentence, then the
        ones the article names most."""
        near = (
            self.near.get(self.sent_of[at], frozenset()) if at < len(self.sent_of) else frozenset()
        )
        return geo.city_country(text, context=self.context, near=near)

    def _entity(self, tok: Token) -> Span | None:
        return self.ent_of.get(tok.i)

    def _is_locative(self, ent: Span) -> bool:
        root = ent.root
        return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS

    def _mislabelled_city(self, ent: Span) -> bool:
        """A big city the small model labelled ORG/PERSON/...: "around Kharkiv", "based in Bogotá"."""
        if ent.label_ not in {"LOC", "ORG", "FAC", "PERSON", "NORP"} or len(ent) > 3:
            return False
        if not self._is_locative(ent) or ent[0].is_stop:
            return False
        text = _clean(ent.text)
        person = self.canonical_person(text)
        if person and person != text:  # a known person's (sur)name, not a one-word "person"
            return False
        return geo.city_population(text) >= geo.CITY_MIN_POPULATION

    def _capitalised_runs(self) -> list[list[Token]]:
        """Runs of capitalised words, joined by of/and/for/the ("Bank of Japan")."""
        runs: list[list[Token]] = []
        run: list[Token] = []
        for tok in self.tokens:
            if tok.text[:1].isupper() or (run and tok.lower_ in {"of", "and", "for", "the"}):
                run.append(tok)
                continue
            while run and not run[-1].text[:1].isupper():
                run.pop()
            if len(run) >= 2:
                runs.append(run)
            run = []
        if len(run) >= 2:
            runs.append(run)
        return runs

    def acronym(self, short: str) -> str | None:
        """ "SCO" -> "Shanghai Cooperation Organisation" when the article spells the name out."""
        if short in self._acronym_cache:
            return self._acronym_cache[short]
        if self._runs is None:
            self._runs = self._capitalised_runs()
        found = None
        for run in self._runs:
            for s, first in enumerate(run):
                if not first.text[:1].isupper():
                    continue
                initials = "".join(t.text[0] for t in run[s:] if t.text[:1].isupper())
                if initials == short:
                    found = self.doc[first.i : run[-1].i + 1].text
                    break
            if found:
                break
        self._acronym_cache[short] = found
        return found

    def expand(self, text: str) -> str:
        return " ".join(
            (self.acronym(w) or w) if w.isupper() and w.isalpha() and len(w) >= 2 else w
            for w in text.split()
        )

    # -- rule 1 and 2: people ------------------------------------------------------------------
    def people_links(self) -> None:
        doc = self.doc
        candidates: list[tuple[Span, Span, str | None]] = []  # (outer span, name span, canonical)
        covered: set[int] = set()
        # The people index knows names the small model misses ("German Chancellor Olaf Scholz").
        for m in getattr(self.people, "mentions", None) or []:
            try:
                outer, name_span = doc[m.first : m.last + 1], doc[m.name_first : m.last + 1]
            except (AttributeError, IndexError, TypeError):
                continue
            if len(name_span) and not (
                self._mislabelled_city(name_span) or self._organisation_name(name_span)
            ):
                candidates.append((outer, name_span, m.name))
                covered.add(m.last)
        for ent in doc.ents:
            if self._mislabelled_city(ent) or self._organisation_name(ent):
                continue
            name_span = self._person_name(ent)
            if name_span is None or name_span[-1].i in covered:
                continue
            canonical = self.canonical_person(name_span.text) or self.canonical_person(ent.text)
            candidates.append((ent, name_span, canonical))
        for outer, name_span, canonical in candidates:
            name = canonical or _clean(
                " ".join(t.text for t in name_span if t.lower_ not in NAME_TITLES)
            )
            name = _TRAILING_NON_NAME.sub("", name)  # "Victoria Azarenka 6-3": the score goes
            if not name:
                continue
            self.person_tokens.update(range(outer.start, outer.end))
            country, office = self._title_country(outer, name_span)
            if country is None:
                country, office = self._apposition_country(name_span)
            if country is None:
                country = self._country_next_to_name(outer, name_span)
            if country is None:
                country = self._led_group_country(name_span)
            if country:
                self.add(name, country, name_span.start, "person")
                if office:
                    self.office_holder.setdefault((country, office), name)
            elif self._described_by_its(name_span):
                self.pending.append((name, name_span.start))

    def _country_next_to_name(self, outer: Span, name_span: Span) -> str | None:
        """ "Belarus's Victoria Azarenka", "Madison Keys of the United States", "Senator Mark
        Ellison of Michigan"."""
        doc = self.doc
        k = outer.start - 1
        if k >= 1 and doc[k].tag_ == "POS":
            mention = self.mentions.get(k - 1)
            if mention and mention.form == "name" and mention.end == k:
                return mention.country
        k = name_span.end
        if k < len(doc) and doc[k].text == ",":
            # "Sen. Jim Risch, R-Idaho": a US party and state after a lawmaker's name
            m = _PARTY_STATE.match(doc_text(doc), doc[k].idx)
            if m:
                state = m.group(1)
                country = geo.region_country(state) or geo.region_country(state.replace(".", ""))
                if country:
                    return country
        if k + 1 < len(doc) and doc[k].lower_ == "of":
            k += 1 + (doc[k + 1].lower_ == "the")
            mention = self.mentions.get(k)
            if mention and mention.form == "name" and mention.start == k:
                return mention.country
            ent = self.ent_of.get(k)
            if ent is not None and ent.label_ == "GPE" and ent.start == k:
                return geo.region_country(_clean(ent.text))
        return None

    def _led_group_country(self, name_span: Span) -> str | None:
        """ "Syria's delegation was led by X", "the delegation, led by X", "X led Syria's
        delegation": the person leads a group the text gives a country."""
        root = name_span.root
        group = None
        if (
            root.dep_ == "pobj"
            and root.head.lower_ == "by"
            and root.head.head.lemma_ in _LEAD_VERBS
        ):
            verb = root.head.head
            if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
                group = verb.head
            else:
                group = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        elif root.dep_ == "nsubj" and root.head.lemma_ in _LEAD_VERBS:
            group = next((c for c in root.head.children if c.dep_ == "dobj"), None)
        if group is None or group.pos_ != "NOUN":
            return None
        country, _source = self._describing_country(group)
        return country

    def _organisation_name(self, name_span: Span) -> bool:
        """ "investor Norfund", "bank FMO": a one-word ORG name after an organisation noun is no
        person, whatever the title-before-name pattern suggests."""
        k = name_span.start - 1
        if len(name_span) != 1 or k < 0 or self.doc[k].lower_ not in ORG_NOUNS:
            return False
        if name_span[0].ent_type_ == "ORG":
            return True
        person = self.canonical_person(name_span.text)
        return not (person and " " in person)  # a one-word "person" after "investor" is a name

    def _described_by_its(self, name_span: Span) -> bool:
        """ "Its managing director, Joseph Kamau": a role in an organisation named just before."""
        root = name_span.root
        heads = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            heads.append(root.head)
        before = self.doc[name_span.start - 1] if name_span.start > 0 else None
        if (
            before is not None
            and before.pos_ in {"NOUN", "PROPN"}
            and before.i not in self.mentions
        ):
            heads.append(before)  # "its chief executive Joseph Kamau"
        return any(
            c.dep_ == "poss" and c.lower_ in {"its", "their"} for h in heads for c in h.children
        )

    def people_through_organisations(self) -> None:
        """People described by their role in the organisation the sentence (or the one before)
        has just linked to a country: "Kenya's Rural Energy Authority ... Its managing director,
        Joseph Kamau"."""
        if not self.pending:
            return
        orgs = sorted(self.org_at)
        starts = [i for i, _country in orgs]
        for name, at in self.pending:
            k = bisect.bisect_left(starts, at) - 1  # the last organisation before the person
            if k < 0:
                continue
            i, country = orgs[k]
            if self.sent_of[i] >= 0 and self.sent_of[at] - 1 <= self.sent_of[i]:
                self.add(name, country, at, "person")

    def _title_mention(self, tok: Token) -> bool:
        """A country word that is part of a title, not of the name: "Russian", "Japan's" (not "Jordan" of
        Jordan Henderson)."""
        mention = self.mentions.get(tok.i)
        if mention is None:
            return False
        if mention.form == "adj":
            return True
        nxt = tok.doc[mention.end] if mention.end < len(tok.doc) else None
        return (
            nxt is not None
            and nxt.tag_ == "POS"
            or (nxt is not None and nxt.text in {"'s", "\u2019s"})
        )

    def _person_name(self, ent: Span) -> Span | None:
        """The name part of a PERSON entity, or of an entity the people index knows as a person."""
        if ent.label_ == "PERSON":
            start = ent.start
            while start < ent.end - 1 and (
                ent.doc[start].lower_ in OFFICES or self._title_mention(ent.doc[start])
            ):
                start += 1
            end = ent.end
            if ent.doc[end - 1].tag_ == "POS" or ent.doc[end - 1].text in {"'s", "\u2019s"}:
                end -= 1
            return ent.doc[start:end] if end > start else None
        if ent.label_ not in {"ORG", "NORP", "GPE", "FAC", "PRODUCT"}:
            return None
        canonical = self.canonical_person(ent.text)
        words = set(re.split(r"[\s\-]+", canonical)) if canonical else set()
        for k in range(ent.start, ent.end):
            tok = ent.doc[k]
            if canonical and tok.text in words:
                return ent.doc[k : ent.end]
            # Without a people index: a title then capitalised names ("Kazakh President Kassym Tokayev").
            if not canonical and tok.lower_ in OFFICES and ent.end - k - 1 >= 2:
                rest = ent.doc[k + 1 : ent.end]
                if all(t.pos_ == "PROPN" or t.is_punct for t in rest):
                    return rest
        return None

    def _title_country(self, ent: Span, name_span: Span) -> tuple[str | None, str | None]:
        """Country of the title words just before a name ("Former German chancellor ...")."""
        doc = self.doc
        tokens: list[Token] = list(doc[ent.start : name_span.start])
        k = ent.start - 1
        sent_start = doc[name_span.start].sent.start
        posting = self._posting_before(k, sent_start)
        if posting is not None and not tokens:
            k = posting  # "Bangladesh's High Commissioner in Guwahati, Mohammad Haque"
        while k >= sent_start and len(tokens) < 12:
            tok = doc[k]
            if (
                tok.pos_ in {"ADJ", "NOUN", "PROPN"}
                or tok.tag_ == "POS"
                or tok.text in {"-", "\u2019s", "'s"}
                or tok.lower_ == "of"
                or (tok.pos_ == "DET" and k > sent_start and doc[k - 1].lower_ == "of")
            ):
                pass
            else:
                break
            if tok.i in self.person_tokens:
                break
            tokens.insert(0, tok)
            k -= 1
        if not tokens:
            return None, None
        if posting is not None and k == posting:
            return None, None  # nothing before "in Guwahati,"
        country = None
        office = None
        for tok in tokens:
            mention = self.mentions.get(tok.i)
            if mention:
                country = mention.country
            elif tok.lower_ in OFFICES:
                office = tok.lower_
        has_role = any(t.pos_ in {"NOUN", "PROPN"} and t.i not in self.mentions for t in tokens)
        if country and has_role:
            self.title_tokens.update(t.i for t in tokens)
            return country, office
        return None, None

    def _posting_before(self, k: int, sent_start: int) -> int | None:
        """ "... Commissioner in Guwahati, <name>": the place of a posting between a title and the
        name. Returns the token before "in" (the title's last word), or None."""
        doc = self.doc
        if k - 2 < sent_start or doc[k].text != ",":
            return None
        j = k - 1
        while j > sent_start and doc[j].pos_ == "PROPN" and k - j <= 3:
            j -= 1
        if j == k - 1 or doc[j].lower_ not in {"in", "at", "to"} or j - 1 < sent_start:
            return None
        title = doc[j - 1]
        if not (title.text[:1].isupper() or title.lower_ in OFFICES) or title.pos_ not in {
            "NOUN",
            "PROPN",
        }:
            return None
        return j - 1

    def _apposition_country(self, name_span: Span) -> tuple[str | None, str | None]:
        root = name_span.root
        parts: list[Token] = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos" and root.head.pos_ in {"NOUN", "PROPN"}:
            parts.append(root.head)
        for head in parts:
            found = self._country_in_description(head, exclude=root if head is root.head else None)
            if found[0]:
                return found
        for clause in root.children:  # "Ana Reyes, who heads the Colombian Coffee Institute"
            if clause.dep_ != "relcl" or clause.lemma_ not in ROLE_VERBS:
                continue
            if not any(
                c.tag_ == "WP" and c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children
            ):
                continue
            for obj in clause.children:
                if obj.dep_ in {"dobj", "attr"} and obj.pos_ in {"NOUN", "PROPN"}:
                    found = self._country_in_description(obj, exclude=None)
                    if found[0]:
                        return found
            found = self._country_in_description(clause, exclude=None)  # "runs a bakery in Dublin"
            if found[0]:
                return found
        return None, None

    def _country_in_description(
        self, head: Token, exclude: Token | None, *, based: bool = True
    ) -> tuple[str | None, str | None]:
        """A country qualifying a description noun: "Russia's foreign minister", "a British
        diplomat", "the president of Kenya", "... based in Tashkent"."""
        office = head.lower_ if head.lower_ in OFFICES else None
        stack = [head]
        while stack:
            tok = stack.pop()
            for child in tok.children:
                if exclude is not None and child is exclude:
                    continue
                if child.dep_ in {"relcl", "advcl", "ccomp", "conj", "cc", "punct"}:
                    continue
                if child.dep_ == "acl" and child.lemma_ not in {"base", "headquarter", "locate"}:
                    continue
                mention = self.mentions.get(child.i)
                based_in = (
                    based
                    and child.dep_ == "pobj"
                    and child.head.lower_ == "in"
                    and child.head.head.lemma_ in {"base", "headquarter", "locate"}
                )
                if mention and (
                    child.dep_ in {"amod", "compound", "poss", "nmod"}
                    or (child.dep_ == "pobj" and child.head.lower_ in {"of", "from"})
                    or based_in
                ):
                    return mention.country, office  # "a British diplomat", "minister of Peru"
                if based_in or (
                    child.dep_ == "pobj" and child.head.lower_ == "in" and child.head is not head
                ):
                    # "based in Tashkent", "a chemist at the university in Belo Horizonte"
                    country = self.country_of_place(child)
                    if country:
                        return country, office
                if child.dep_ in {"prep", "pobj", "acl", "amod", "compound", "poss", "nmod"}:
                    stack.append(child)
        return None, None

    # -- rule 3: offices without a name --------------------------------------------------------
    def office_links(self) -> None:
        for tok in self.tokens:
            if (
                tok.lower_ not in OFFICES
                or tok.pos_ not in {"NOUN", "PROPN"}
                or tok.i in self.person_tokens
            ):
                continue
            if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
                continue  # a title before a name: rule 1
            if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.children):
                continue
            if tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON":
                continue
            if any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in tok.children):
                continue  # "a South Korean leader": anyone, not someone
            country = None
            phrase = None
            for child in tok.children:
                mention = self.mentions.get(child.i)
                if child.dep_ == "prep" and child.lower_ == "of":
                    for obj in child.children:
                        m = self.mentions.get(obj.i)
                        if obj.dep_ == "pobj" and m and m.form == "name":
                            country = m.country
                            phrase = f"{tok.text} of {self.doc[m.start : m.end].text}"
                elif mention and child.dep_ in {"amod", "compound", "poss"} and child.i < tok.i:
                    country = mention.country
                    phrase = self.doc[mention.start : tok.i + 1].text
            if not country:
                continue
            holder = self.office_holder.get((country, tok.lower_)) or self._holder_from_roles(
                country, tok.lower_
            )
            if holder:
                self.add(holder, country, tok.i, "person")
            else:
                self.add(phrase, country, tok.i, "person")

    def _holder_from_roles(self, country: str, office: str) -> str | None:
        """The one person of the article whose role is this office of this (or no named) country."""
        people = getattr(self.people, "people", None) or []
        found = []
        for person in people:
            role = (self.people.role_of(person.name) if self.people else None) or person.role or ""
            words = re.findall(r"[\w'\u2019-]+", role)
            if office not in {w.lower() for w in words}:
                continue
            countries = {
                geo.canonical_country(w) or geo.country_of_adjective(w)
                for w in words
                if w[:1].isupper()
            } - {None}
            if not countries or countries == {country}:
                found.append(person.name)
        return found[0] if len(found) == 1 else None

    # -- rule 4: organisations -----------------------------------------------------------------
    def organisation_links(self) -> None:
        doc = self.doc
        for ent in doc.ents:
            coded = len(ent) == 1 and bool(_CODED_NAME.match(ent.text))
            if (
                ent.label_ not in {"ORG", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}
                and not coded
            ):
                continue
            if not coded and (
                ent.start in self.person_tokens or self._person_name(ent) is not None
            ):
                continue
            span = self._full_span(ent)
            tokens = [t for t in span if t.lower_ != "the"]
            if not tokens:
                continue
            country = None
            subject = span
            first = self.mentions.get(tokens[0].i)
            before = self.mentions.get(span.start - 1) if span.start > 0 else None
            if first and first.end < span.end and not doc[first.end].is_punct:
                country = first.country  # "Russian Defence Ministry", "China Daily"
            elif len(tokens) >= 3 and tokens[-2].lower_ == "of":
                last = self.mentions.get(tokens[-1].i)
                if last and last.form == "name":
                    country = last.country  # "Bank of Japan"
            elif before and doc[span.start - 1].tag_ != "POS" and before.end == span.start:
                country = before.country  # "the UK Foreign, Commonwealth and Development Office"
            if country is None:
                country = self._possessor_country(ent)
            if country is None and (coded or self._institution_or_event(span)):
                country = self._place_after(span)  # "Cop30 in Belém, Brazil"
            if country and not all(t.i in self.mentions for t in tokens):
                if first and first.form == "name" and doc[first.end - 1].tag_ == "POS":
                    subject = doc[first.end : span.end]
                self.add(self.expand(_name_text(subject)), country, span.start, "organisation")

    def _full_span(self, ent: Span) -> Span:
        """The entity with the parts the small model cuts off: "Foreign, " of "Foreign,
        Commonwealth and Development Office", "do Sul" of "Rio Grande do Sul"."""
        doc = self.doc
        start, end = ent.start, ent.end
        if (
            start >= 2
            and doc[start - 1].text == ","
            and doc[start - 2].pos_ == "PROPN"
            and doc[start - 2].text[:1].isupper()
            and doc[start - 2].i not in self.mentions
            and any(t.lower_ == "and" for t in ent)
        ):
            start -= 2
        while (
            end + 1 < len(doc)
            and doc[end].lower_ in NAME_PARTICLES
            and doc[end + 1].text[:1].isupper()
            and doc[end + 1].pos_ == "PROPN"
        ):
            end += 2
        return doc[start:end]

    def _institution_or_event(self, span: Span) -> bool:
        words = {t.lower_ for t in span}
        return span.label_ == "EVENT" or bool(words & (ORG_NOUNS | EVENT_NOUNS))

    def _place_after(self, span: Span) -> str | None:
        """The country of "in <place>" right after a name, or of ", held in <place>"."""
        doc = self.doc
        k = span.end
        if (
            k + 3 < len(doc)
            and doc[k].text == ","
            and doc[k + 1].lower_ in _SITED
            and doc[k + 2].lower_ in {"in", "at"}
        ):
            k += 2  # "the World Malaria Congress, held in Lisbon, Portugal"
        if k + 1 < len(doc) and doc[k].lower_ == "in":
            return self.country_of_place(doc[k + 1])
        return None

    # -- rule 5b: facilities in a stated country ---------------------------------------------------
    def facility_links(self) -> None:
        """ "a plant in Kumamoto, Japan", "a refinery in Nigeria": a facility the text places in a
        country it names (a city alone is left to the city's own link)."""
        doc = self.doc
        for tok in self.tokens:
            if tok.pos_ != "NOUN" or tok.lower_ not in FACILITY_NOUNS:
                continue
            for prep in tok.children:
                if prep.dep_ != "prep" or prep.lower_ not in {"in", "near", "outside"}:
                    continue
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    mention = self.mentions.get(obj.i)
                    end = obj.i + 1
                    if mention and mention.form == "name":
                        country = mention.country
                        end = mention.end
                    elif obj.pos_ == "NOUN" and obj.lower_ in PLACE_NOUNS:
                        country = self._place_noun_country(
                            obj
                        )  # "in Indonesia's Central Java province"
                        end = obj.i + 1
                    else:
                        stated = self._stated_country_after(obj)
                        country = stated and self.country_of_place(obj)
                        if country != stated:
                            continue
                        end = max(obj.i + 1, min(obj.right_edge.i + 1, self._comma_after(obj)))
                    if not country:
                        continue
                    start = min(
                        [
                            c.left_edge.i
                            for c in tok.lefts
                            if c.dep_ not in {"det", "predet"} and c.tag_ != "PRP$"
                        ]
                        + [tok.i]
                    )
                    self.add(doc[start:end].text, country, tok.i, "other")

    def _stated_country_after(self, place: Token) -> str | None:
        """ "Kumamoto, Japan": the country named right after a place."""
        k = place.i + 1
        if k + 1 < len(self.doc) and self.doc[k].text == ",":
            mention = self.mentions.get(k + 1)
            if mention and mention.form == "name" and mention.start == k + 1:
                return mention.country
        return None

    def _comma_after(self, place: Token) -> int:
        k = place.i + 1
        return k if k < len(self.doc) and self.doc[k].text == "," else place.right_edge.i + 1

    def _possessor_country(self, ent: Span) -> str | None:
        """ "China's Belt and Road Initiative"; "its Belt and Road Initiative" (China is the subject)."""
        for tok in ent:
            for child in tok.children:
                if child.dep_ != "poss" or child.i >= ent.start and child.i < ent.end:
                    continue
                mention = self.mentions.get(child.i)
                if mention and mention.form == "name":
                    return mention.country
                if child.lower_ in {"its", "their"}:
                    return self._clause_subject_country(child)
                if child.lower_ == "country" and any(
                    d.dep_ == "det" and d.lower_ == "the" for d in child.children
                ):
                    return self.the_country(child.i)  # "the country's Ministry of Health"
        return None

    def the_country(self, at: int) -> str | None:
        """The country "the country" refers to: the last one named in this or the two sentences
        before, else the dateline's."""
        k = bisect.bisect_left(self.name_starts, at) - 1
        if k >= 0:
            start, country = self.name_mentions[k]
            if self.sent_of[start] >= 0 and self.sent_of[at] - self.sent_of[start] <= 2:
                return country
        return self.dateline_country

    def _clause_subject_country(self, tok: Token) -> str | None:
        head = tok
        for _ in range(12):
            if head.pos_ in {"VERB", "AUX"}:
                for child in head.children:
                    if child.dep_ in {"nsubj", "nsubjpass"}:
                        mention = self.mentions.get(child.i)
                        return mention.country if mention and mention.form == "name" else None
                if head.dep_ != "conj":
                    return None
            if head.head is head:
                return None
            head = head.head
        return None

    # -- rule 5: events held in a place --------------------------------------------------------
    def event_links(self) -> None:
        for tok in self.tokens:
            if _CODED_NAME.match(tok.text) and tok.i not in self.ent_of:
                country = self._place_after(self.doc[tok.i : tok.i + 1])  # "after Cop26 in Glasgow"
                if country:
                    self.add(tok.text, country, tok.i, "event")
                continue
            if tok.pos_ not in {"NOUN", "PROPN"}:
                continue
            named_day = tok.lower_ == "day" and any(c.dep_ == "compound" for c in tok.children)
            if tok.lower_ not in EVENT_NOUNS and tok.ent_type_ != "EVENT" and not named_day:
                continue  # "an investor day in Singapore" counts, not "a busy day in Singapore"
            if tok.ent_type_ == "EVENT" and tok.ent_iob_ != "B" and tok.dep_ == "compound":
                continue
            place = self._place_of_event(tok)
            if place is None:
                continue
            country, place_tok = place
            subject = self._event_phrase(tok)
            held = any(c.dep_ == "acl" and c.lower_ in _SITED for c in tok.children)
            if subject and (subject.lower() not in EVENT_NOUNS or held):
                self.add(subject, country, tok.i, "event")

    def _place_of_event(self, event: Token) -> tuple[str, Token] | None:
        def place_under(prep: Token) -> tuple[str, Token] | None:
            if prep.lower_ not in {"in", "at"}:
                return None
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    country = self.country_of_place(obj)
                    if country:
                        return country, obj
            return None

        for child in event.children:
            if child.dep_ == "prep":
                found = place_under(child)
                if found:
                    return found
            if child.dep_ == "acl" and child.lemma_ in HOLD_VERBS | {"hold"}:
                for prep in child.children:
                    if prep.dep_ == "prep":
                        found = place_under(prep)
                        if found:
                            return found
        # "leaders gathered in Uzbekistan for the meeting", "attended the summit in Paris"
        head = event.head
        if event.dep_ == "pobj" and head.lower_ in {"for", "at", "to"}:
            verb = head.head
        elif event.dep_ in {"dobj", "nsubjpass"}:
            verb = head
        else:
            verb = None
        if verb is not None and verb.pos_ in {"VERB", "AUX"}:
            for prep in verb.children:
                if prep.dep_ == "prep" and prep is not head:
                    found = place_under(prep)
                    if found:
                        return found
            if verb.lemma_ in HOLD_VERBS and event.dep_ == "dobj":  # "Peru hosted the summit"
                for child in verb.children:
                    if child.dep_ == "nsubj":
                        country = self.country_of_place(child)
                        if country:
                            return country, child
        return self._fronted_place(event)

    def _fronted_place(self, tok: Token) -> tuple[str, Token] | None:
        """ "In Peru, where ..., polls show no favourite ahead of the April 12 presidential
        election": a sentence that opens with "In <country>," places what it tells."""
        n = self.sent_of[tok.i]
        if n < 0:
            return None
        sent = self.sentences[n]
        first = sent[0]
        if first.lower_ != "in" or len(sent) < 4:
            return None
        mention = self.mentions.get(sent.start + 1)
        if mention is None or mention.form != "name" or mention.start != sent.start + 1:
            return None
        if mention.end >= sent.end or self.doc[mention.end].text != ",":
            return None
        return mention.country, self.doc[mention.start]

    def _event_phrase(self, event: Token) -> str:
        """The event's name: its compounds and modifiers up to the noun ("SCO meeting")."""
        start = event.i
        for child in event.lefts:
            if child.dep_ in {
                "compound",
                "amod",
                "nmod",
                "nummod",
                "poss",
            } and child.lower_ not in {"its", "their", "his", "her"}:
                start = min(start, child.left_edge.i)
        while start < event.i and self.doc[start].pos_ in {"DET", "PUNCT"}:
            start += 1
        return self.expand(self.doc[start : event.i + 1].text)

    # -- rule 6: cities and states ---------------------------------------------------------------
    def place_links(self) -> None:
        for ent in self.doc.ents:
            if ent.start in self.mentions:
                continue
            if ent.label_ == "GPE":
                text = _clean(ent.text)
                if self._person_word(ent):
                    continue  # "Florence said ...": Florence Njeri of the article, not the city
                country = self._qualified_city(ent) or self.place_country(text, ent.start)
                if country is None:
                    country = geo.region_country(text)
            elif self._mislabelled_city(ent):
                text = _clean(ent.text)
                country = self.place_country(text, ent.start)
            else:
                continue
            if country:
                self.add(text, country, ent.start, "place")

    def _person_word(self, ent: Span) -> bool:
        """A place name that is a person of the article: part of a full name the people index
        knows ("Jordan" of "Jordan Peters"), or the subject of a reporting verb."""
        if any(t.i in self.person_tokens for t in ent):
            return True
        if len(ent) == 1 and ent.root.dep_ == "nsubj" and ent.root.head.lemma_ in {"say", "tell"}:
            return True
        person = self.canonical_person(_clean(ent.text))
        return bool(person and " " in person and person != _clean(ent.text))

    def _qualified_city(self, ent: Span) -> str | None:
        """ "Tashkent, Uzbekistan": the country named right after the city decides."""
        doc = self.doc
        if ent.end + 1 < len(doc) and doc[ent.end].text == ",":
            mention = self.mentions.get(ent.end + 1)
            if mention and mention.form == "name" and mention.start == ent.end + 1:
                return geo.city_country(f"{_clean(ent.text)}, {mention.country}") or None
            region = self.ent_of.get(ent.end + 1)
            if region is not None and region.label_ == "GPE" and region.start == ent.end + 1:
                # "Nogales, Arizona": a province or state decides
                return geo.city_country(f"{_clean(ent.text)}, {_clean(region.text)}") or None
        return None

    # -- rule 4b and 6b: named things described by an apposition or a place noun ---------------
    def _proper_name(self, tok: Token) -> str | None:
        """The proper name headed by ``tok`` ("St Petersburg"), unless it is a person or a country."""
        if (
            tok.pos_ != "PROPN"
            or not tok.text[:1].isupper()
            or tok.i in self.mentions
            or tok.i in self.person_tokens
        ):
            return None
        start = tok.i
        doc = self.doc
        while (
            start > 0
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].text[:1].isupper()
            and doc[start - 1].i not in self.mentions
            and doc[start - 1].i not in self.person_tokens
            and start <= doc[start - 1].head.i <= tok.i
        ):  # "Kuwala Health Trust": every word of the name, not only the parse's last compound
            start -= 1
        text = self.doc[start : tok.i + 1].text
        person = self.canonical_person(text)
        if person and " " in person:
            return None
        return text

    def described_links(self) -> None:
        """ "the Ukrainian city of Bakhmut", "Kherson, Ukraine's southern port", "the Syrian capital,
        Damascus"; "Gazprom, the Russian state energy giant"."""
        for tok in self.tokens:
            if tok.pos_ == "NOUN" and tok.lower_ in PLACE_NOUNS:
                country = self._place_noun_country(tok)
                if not country:
                    continue
                names = [c.children for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
                candidates = [obj for group in names for obj in group if obj.dep_ == "pobj"]
                candidates += [c for c in tok.children if c.dep_ == "appos"]
                if tok.dep_ == "appos":
                    candidates.append(tok.head)
                for cand in candidates:
                    name = self._proper_name(cand)
                    if name:
                        self.add(name, country, tok.i, "place")
                name = self._name_before(tok)  # "Indonesia's Central Java province"
                if name:
                    self.add(name, country, tok.i, "place")
            elif tok.pos_ == "PROPN" and tok.ent_type_ in {"ORG", ""}:
                for appos in tok.children:
                    if appos.dep_ != "appos" or appos.pos_ != "NOUN" or appos.lower_ in PLACE_NOUNS:
                        continue
                    name = self._proper_name(tok)
                    country, _office = self._country_in_description(appos, exclude=tok, based=False)
                    if name and country and self.canonical_person(name) is None:
                        self.add(self.expand(name), country, tok.i, "organisation")

    def _name_before(self, noun: Token) -> str | None:
        """The proper name compounded right before a place noun ("Central Java province")."""
        j = noun.i - 1
        while (
            j >= 0
            and self.tokens[j].pos_ == "PROPN"
            and self.tokens[j].text[:1].isupper()
            and j < self.tokens[j].head.i <= noun.i
            and self.tokens[j].dep_ == "compound"
            and j not in self.mentions
            and j not in self.person_tokens
        ):
            j -= 1
        return self.doc[j + 1 : noun.i].text if j + 1 < noun.i else None

    def _place_noun_country(self, noun: Token) -> str | None:
        for child in noun.children:
            mention = self.mentions.get(child.i)
            if mention and child.dep_ in {"amod", "compound", "poss", "nmod"} and child.i < noun.i:
                return mention.country
            if child.dep_ == "prep" and child.lower_ in {"in", "of"}:
                for obj in child.children:
                    m = self.mentions.get(obj.i)
                    if obj.dep_ == "pobj" and m and m.form == "name":
                        return m.country
        return None

    # -- rule 8: organisations and people described by a country -------------------------------
    def description_links(self) -> None:
        """ "Norway's state-owned investor Norfund", "The Dutch development bank FMO", "Spain's civil
        protection agency", "a senior Nigerian banker", "a battery maker in South Korea"."""
        doc = self.doc
        for tok in self.tokens:
            word = tok.lower_
            if tok.i >= 2 and self.tokens[tok.i - 1].text == "-":  # "start-up"
                word = f"{self.tokens[tok.i - 2].lower_}-{word}"
            if tok.tag_ not in {"NN", "NNP"} or (
                word not in ORG_NOUNS and word not in PERSON_NOUNS and word not in OWNED_NOUNS
            ):
                continue
            if tok.i in self.person_tokens or tok.i in self.title_tokens or tok.i in self.mentions:
                continue
            ent = self.ent_of.get(tok.i)
            if ent is not None and ent.label_ in {"ORG", "FAC", "PERSON", "GPE"}:
                continue  # a named organisation: rule 4
            if tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.head.i > tok.i:
                head = tok.head  # "investor Norfund": the name is the head
            else:
                head = tok
            if self._negated(head):
                continue
            country, source = self._describing_country(tok)
            if country is None or (word in OWNED_NOUNS and source is not None):
                continue  # "a house in Spain" is not Spain's
            name = self._description_name(tok, head) or self._name_after(tok)
            if name is not None:
                self.add(self.expand(name), country, tok.i, "organisation")
                continue
            if (
                self._names_a_person(tok)
                or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children)
                or (tok.dep_ == "appos" and tok.head.pos_ == "PROPN")
            ):
                continue  # "Jane Doe, a British diplomat", "the agency, Aemet": named elsewhere
            start = min([c.left_edge.i for c in tok.lefts if c.dep_ != "det"] + [tok.i])
            end = tok.i + 1
            if source is not None and source.i > tok.i:
                end = source.right_edge.i + 1  # "a battery maker in South Korea"
            elif word in _POLICY_NOUNS:
                for child in tok.rights:  # "Indonesia's ban on exports of raw nickel ore"
                    if child.dep_ == "prep" and child.lower_ in {"on", "against"}:
                        end = child.right_edge.i + 1
                        verbs = [t.i for t in child.subtree if t.pos_ in {"VERB", "AUX"}]
                        end = min([end, *verbs])  # the parse may hang the main verb there
            kind = "person" if word in PERSON_NOUNS and word not in ORG_NOUNS else "organisation"
            subject = _THE_COUNTRYS.sub("", doc[start:end].text)  # "the country's health agency"
            self.add(subject, country, tok.i, kind)

    def counted_things_links(self) -> None:
        """ "40 solar mini-grids in northern Nigeria": a counted set of things in a country (not
        people: "1,200 firefighters in Portugal" is a group)."""
        doc, tokens = self.doc, self.tokens
        for tok in tokens:
            if tok.lower_ != "in" or tok.i < 2 or tok.i + 1 >= len(doc):
                continue
            k = tok.i + 1
            if tokens[k].pos_ == "ADJ" and tokens[k].lower_ in _DIRECTIONS:
                k += 1
            mention = self.mentions.get(k)
            if mention is None or mention.form != "name" or mention.start != k:
                continue
            last = tokens[tok.i - 1]
            if (
                last.tag_ != "NNS"
                or last.lower_ in _HUMAN_PLURALS
                or last.lower_.endswith(_HUMAN_ENDINGS)
            ):
                continue
            j = tok.i - 1
            while (
                j > 0
                and (tokens[j - 1].pos_ in {"ADJ", "NOUN"} or tokens[j - 1].text == "-")
                and tok.i - j < 5
            ):
                j -= 1
            number = tokens[j - 1] if j > 0 else None
            if number is None or number.pos_ != "NUM" or not any(c.isdigit() for c in number.text):
                continue
            self.add(doc[number.i : mention.end].text, mention.country, tok.i, "other")

    def _negated(self, head: Token) -> bool:
        dets = [c for c in head.children if c.dep_ in {"det", "predet", "neg"}]
        if any(d.lower_ in INDEFINITE - {"a", "an"} for d in dets):
            return True
        k = max(0, head.left_edge.i - 1)  # "not a single Kazakh official"
        return any(t.lower_ in {"not", "no", "never"} for t in self.doc[k : head.i])

    def _describing_country(self, noun: Token) -> tuple[str | None, Token | None]:
        """The country in a noun's left modifiers ("Norway's", "Dutch") or its "in"/"from"/"of"
        phrase ("in South Korea", "of Nigeria")."""
        for child in noun.lefts:
            if (
                child.dep_ == "poss"
                and child.lower_ == "country"
                and any(d.dep_ == "det" and d.lower_ == "the" for d in child.children)
            ):
                country = self.the_country(child.i)  # "the country's health agency"
                if country:
                    return country, None
            for t in child.subtree:
                mention = self.mentions.get(t.i)
                if (
                    mention
                    and t.dep_ in {"amod", "compound", "poss", "nmod", "npadvmod"}
                    and not (_two_letter_code(t.text) and t.ent_type_ not in {"GPE", "NORP"})
                ):
                    return mention.country, None  # not "the IT department"
                if t.lower_ == "based" and t.i >= 2 and self.tokens[t.i - 1].text == "-":
                    country = self.country_of_place(self.tokens[t.i - 2])  # "Lagos-based"
                    if country:
                        return country, None
        for child in noun.rights:
            if child.dep_ == "prep" and child.lower_ in {"in", "from", "of"}:
                for obj in child.children:
                    mention = self.mentions.get(obj.i)
                    if obj.dep_ == "pobj" and mention and mention.form == "name":
                        return mention.country, child
        if noun.dep_ == "compound" and noun.head.pos_ == "PROPN":
            for child in noun.head.lefts:
                mention = self.mentions.get(child.i)
                if mention and child.dep_ in {"amod", "compound", "poss", "nmod"}:
                    return mention.country, None
        # The parse lost the link; the words still say it: "... and Tanzania's state utility Tanesco"
        k = min([c.left_edge.i for c in noun.lefts] + [noun.i]) - 1
        if k >= 1 and self.doc[k].tag_ == "POS":
            mention = self.mentions.get(k - 1)
            if mention and mention.form == "name":
                return mention.country, None
        return None, None

    def _description_name(self, noun: Token, head: Token) -> str | None:
        """The organisation's name after its description: "investor Norfund", "bank FMO",
        "agency, Aemet"."""
        candidates = [head] if head is not noun else []
        candidates += [c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        for cand in candidates:
            if cand.i in self.person_tokens or cand.i in self.mentions:
                continue
            name = self._proper_name(cand)
            if name and not geo.city_population(name):
                return name
        return None

    def _name_after(self, noun: Token) -> str | None:
        """ "a Pakistani research group, the Sustainable Development Policy Institute": the
        organisation named right after the description, whatever the parse made of it."""
        doc = self.doc
        k = noun.i + 1
        if k + 1 >= len(doc) or doc[k].text != ",":
            return None
        ent = self.ent_of.get(k + 1)
        if ent is None or ent.label_ != "ORG" or ent.start != k + 1:
            return None
        return _name_text(self._full_span(ent))

    def _names_a_person(self, noun: Token) -> bool:
        if noun.dep_ == "appos" and noun.head.i in self.person_tokens:
            return True
        return any(c.dep_ == "appos" and c.i in self.person_tokens for c in noun.children)

    # -- rule 6c: the wire dateline ------------------------------------------------------------
    def dateline_links(self) -> None:
        """ "LILONGWE, Malawi (AP) —", "SEOUL/TOKYO, May 14 (Reuters) -": the dateline's cities (in
        capitals, so unknown to the small model) and their country."""
        for sent in self.sentences:
            found = dateline(sent)
            if found is None:
                continue
            qualifier = found.qualifier
            stated = geo.canonical_country(qualifier) or (
                geo.region_country(qualifier) if qualifier[:1].isalpha() else None
            )
            for city in found.cities:
                if geo.is_country(city):
                    country = geo.canonical_country(city)
                elif stated:
                    country = geo.city_country(f"{city}, {qualifier}") or self.place_country(
                        city, sent.start
                    )
                else:
                    country = self.place_country(city, sent.start)
                if country:
                    if not geo.is_country(city):
                        self.add(city, country, sent.start, "place")
                    if self.dateline_country is None:
                        self.dateline_country = country

    def run(self) -> list[CountryLink]:
        self.dateline_links()
        self.people_links()
        self.office_links()
        self.organisation_links()
        self.described_links()
        self.description_links()
        self.counted_things_links()
        self.people_through_organisations()
        self.event_links()
        self.facility_links()
        self.place_links()
        return sorted(self.links, key=lambda link: link.evidence_start)


def extract_country_links(doc: Doc, *, people: PeopleLike | None) -> list[CountryLink]:
    """Every (subject, country) link the article states, once, with its first evidence sentence."""
    return _Extractor(doc, people).run()
