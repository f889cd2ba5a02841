"""Who is who in one article: person mentions grouped under a canonical full name.

`PeopleIndex.build(doc)` makes linear passes over a parsed spaCy Doc and finds the
people it mentions, also where the small model mislabels them (as ORG, GPE, NORP or
nothing), from structure rather than from the entity label alone:

* PERSON entities;
* a name after an honorific ("Mr D'Anieri", "Ms Kassenova", "Dr Lee", also "Maître",
  "Me", "M.", "Mme", "Mlle", "Herr", "Frau", "Sr", "Sra", "Prof."), stripped like Mr;
* a name after a capitalised office title ("Kazakh President Kassym-Jomart Tokayev");
* a name of two words or more followed by ", who ..." ("Amara Osei, who leads the
  team"), unless it is an organisation or the object of a preposition other than "by"
  ("an analyst at Hanul Securities, who said");
* a name of 2-4 capitalised words, none an organisation word, that leads a group:
  "scientists led by Amara Osei", "a panel chaired by X" (also headed/coached/directed/
  captained/founded by);
* a name with a person-role appositive ("Nargis Kassenova, a senior fellow at ...") or
  a role noun in front ("analyst Jane Doe"; a capitalised person noun opening the
  sentence is no part of the name: "Critic Jane Doe", "Commuter Jane Doe", also when the
  model takes it into the entity: "Astronomer Jane Doe"; never leaving one name word:
  "Baker Doe" stays);
* a two- or three-word proper name that is the subject of a speech verb ("X said"), or
  of a verb with a participle clause of speech ("X returned, telling supporters that"),
  unless it is an organisation (see `organisation_at`);
* lowercase particles between capitalised name words stay in the name, before or after
  the word a rule starts from ("Jean-Baptiste Ekambi de la Fontaine", "Ursula von der
  Leyen", "Mohammed bin Salman"); an ORG-labelled run with such a particle (de, du, van,
  von, der, bin, al, da, dos...) and no "of/for/and" is a name, not an organisation;
* a name in apposition to an office or role ("Chile's Agriculture Minister, Esteban
  Vidal,"), also a single name set off by commas ("Indonesia's investment minister,
  Suharyanto, who ..."; not a country, a big city, an acronym or an organisation word);
* a company, a capitalised title and a name ("Sunport Chief Executive Tran Van Minh
  Khoa told ..."): the run is cut after the title, it is not one organisation;
* a lone surname anywhere once the full name is known ("Umarov", "D'Anieri"); a surname
  known only with an honorific or as a speaker ("Mrs Papadopoulou") takes the article's
  full mention the model did not label ("Eleni Papadopoulou, 72, ...").

An honorific whose dot the tokenizer split off ("Sra. Lucía Ferrer", "Mme. X") still
gives the gender.

Never people: a one-word name with no title or role that is only ever the one told or
interviewed ("told Bloomberg", "in an interview with Reuters") and never the subject of
a speech verb nor part of a longer name (an outlet, found from structure, not a list);
a name starting with a storm/place/thing word ("Cyclone Amphan", "Mount
Kenya"); a title alone ("Interior Minister"); a one-word name only the model's PERSON
label vouches for that is a place (a country, a region, a city of 100,000 or more, or a
word labelled GPE/LOC elsewhere: "said one trader in Bogotá"). A first name the model
tags as a nationality ("German Chancellor Olaf Scholz") stays in the name: only real
nationality adjectives (geo.country_of_adjective) and party/faith words are skipped.

Hyphenated given names the tokenizer splits stay whole whatever the tagger made of the
pieces ("Trade Minister Han Do-hyun", where "Do" reads as a verb; not "anti-war"). A
quotation that is one capitalised word ("‘Absurd’, chairman says") is never a person.

Mentions are grouped into one `Person` per individual: the canonical name is the
longest full mention with titles stripped ("Kassym-Jomart Tokayev"); shorter mentions
("Tokayev", "Mr Tokayev", "Mr Xi" for "Xi Jinping") join the full name that shares the
word: the last word of a full name first, then its first word (a family name written
first: "Han", "Mr Han" -> "Han Do-hyun"; a bare first word only as a subject or a
PERSON-labelled word), then any word; the nearest one before them when several do.
A middle word of a double surname counts like a first word ("Mirtha Condori Quispe" ...
"Condori told a rally"), also as the object of an inverted "said Torres"; an unlabelled
full name is found from its middle word too ("Ana Lucia Torres Vega"). A
known surname the tagger reads as a common noun ("Mendes said") still counts. A lone
name of five letters or more one letter off (not the first) the surname of exactly one
person named in full is that person, the article spelling it two ways ("Karim Youssef"
... "Youssif said"), whatever the model labels it when it is a subject. The role is the title or office
words written before the name ("Kazakh President", "deputy chairman of Russia's
security council"; never a group over "of": "Supporters of Mayor X" -> "Mayor") or an
office in apposition ("Grace Mushi, Tanzania's agriculture
minister," -> "Tanzania's agriculture minister"); the gender comes from honorifics (Mr / Ms), gendered role words
and the he/she pronouns that follow the person's mentions.

Public API (used by quotes.py, countries.py and generation):
    index.people                  -> list[Person] in order of first mention
    index.canonical("Mr Tokayev") -> "Kassym-Jomart Tokayev" (None when unknown)
    index.role_of(name)           -> "Kazakh President" or None
    index.gender_of(name)         -> "m" | "f" | None
    index.person_at(token_i)      -> canonical name of the mention covering a token
    index.mentions                -> list[Mention] (char and token offsets) in text order
    index.is_person(name)         -> whether a canonical name is a person of the article
    index.organisation_at(token_i)-> "Lagos Chamber of Commerce and Industry" or None: the
                                     capitalised run through of/and/for with an organisation
                                     word, or an ORG entity that is no person's name (never
                                     a title: "Industry Minister"); an acronym gives the
                                     full name (see acronyms); a capitalised name with an
                                     appositive organisation noun ("X, a shipping
                                     company") is one
    index.acronyms()              -> {"UERF": "Union of European Rugby Federations"}: from
                                     "Full Name (ACR)" in the article, or the initials of
                                     its organisations' capitalised words (not for a
                                     country's letters, "US", unless spelled out)
    index.resolve_pronoun(word, before=char_offset, skip=predicate) -> name or None

The stage's rules, in the order they run (see README.md of quizzes/extraction):
``seeds.ENTITY_RULES`` and ``seeds.TOKEN_RULES`` find mentions, ``seeds.MENTION_PASSES`` clean
them, ``grouping.GROUPING_RULES`` give each its person; ``PeopleIndex.build`` runs them.
"""

from __future__ import annotations

from .index import Mention, PeopleIndex
from .tokens import LOOKBACK_CHARS, NAME_PARTICLES, designation_number, initials

__all__ = [
    "LOOKBACK_CHARS",
    "NAME_PARTICLES",
    "Mention",
    "PeopleIndex",
    "designation_number",
    "initials",
]
