"""Closed word lists of the country rules (language knowledge, not country knowledge)."""

from __future__ import annotations

import re

from spacy.tokens import Token

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
# Waters named after a nation ("the English Channel", "the Arabian Sea"): geography shared by
# every shore, no body or thing of that country.
WATER_NOUNS = {"channel", "sea", "gulf", "strait", "straits", "ocean"}
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
    "colony",
    "protectorate",
    "dominion",
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
    "islands",
    "archipelago",
    "peninsula",
    "prefecture",
    "governorate",
    "state",
    "territory",
    "commonwealth",
    "enclave",
    "oblast",
    "suburb",
    "municipality",
    "stronghold",
    "hub",
}
# Participles that place a named event or organisation (", held in Lisbon").
SITED = {"held", "hosted", "staged", "located", "based", "headquartered", "convened"}
# Facilities that stand somewhere ("a plant in Kumamoto, Japan").
FACILITY_NOUNS = {
    "plant", "factory", "mine", "refinery", "facility", "smelter", "warehouse", "terminal",
    "campus", "headquarters", "mill", "reactor", "site", "dam", "pipeline", "gigafactory",
    "fab", "foundry", "shipyard", "depot",
}  # fmt: skip
# What happens somewhere in the news that is no gathering: violence, disasters, accidents
# ("a bombing in Peru", "Chile began an offensive into Peru"). The same nouns in the plural
# are already placeable things; their "-ing" and "-ion" forms are acts by their ending.
INCIDENT_NOUNS = {
    "attack", "strike", "airstrike", "raid", "offensive", "war", "coup", "ambush", "massacre",
    "murder", "fire", "blaze", "blast", "crash", "collapse", "earthquake", "quake", "flood",
    "storm", "cyclone", "hurricane", "typhoon", "landslide", "tsunami", "eruption", "outbreak",
    "riot", "clash", "siege", "uprising", "campaign", "incursion",
}  # fmt: skip
# Incidents the news places by their city too ("protests in Lima", "clashes in Cusco").
CITY_INCIDENTS = INCIDENT_NOUNS | {
    "protest", "demonstration", "shooting", "bombing", "stabbing", "killing", "explosion",
}  # fmt: skip
INCIDENT_PLURALS = {n + ("es" if n.endswith(("s", "sh", "ch")) else "s") for n in CITY_INCIDENTS}
# Buildings and grounds where things happen ("a hotel in ...", "a parking structure at ..."):
# the thing stands in the country of its place (``sites``).
SITE_NOUNS = FACILITY_NOUNS | {
    "hotel", "motel", "building", "store", "shop", "supermarket", "mall", "cathedral",
    "church", "mosque", "temple", "synagogue", "shrine", "palace", "castle", "base", "structure",
    "academy", "school", "stadium", "arena", "airport", "prison", "jail", "station", "market",
    "restaurant", "nightclub", "bar", "cafe", "museum", "tower", "apartment", "apartments",
    "hall", "theatre", "theater", "cinema", "camp", "bridge", "garage", "port", "harbour",
    "harbor", "embassy", "consulate",
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
    "enterprise", "daily", "site", "outlet", "club", "union", "party", "channel", "station",
    "magazine", "tabloid", "website", "publisher", "weekly", "movement", "tv", "television",
    "radio", "platform", "app", "band", "orchestra", "choir", "chain", "supermarket", "brand",
    "label", "studio", "carrier",
}  # fmt: skip
# Institutions and policies that belong to a country only when the country owns or names them
# ("Chile's lower house", "Jordan's parliament", "Indonesia's ban on exports of nickel ore"),
# never by place ("a house in Spain" is somewhere, not Spain's).
OWNED_NOUNS = {
    "parliament", "house", "senate", "legislature", "congress", "cabinet", "embassy",
    "consulate", "navy", "ban", "embargo", "moratorium", "policy", "initiative", "programme",
    "program", "tariff", "quota",
}  # fmt: skip
POLICY_NOUNS = {"ban", "embargo", "moratorium", "policy", "initiative", "programme", "program", "tariff", "quota"}  # fmt: skip
# Nouns a nationality qualifies without naming a group, body, thing or happening: qualities,
# attitudes and relations ("Peru's future", "the Chilean response", "Norwegian interests"),
# what a country asks ("Peru's request", "the Chilean demands"),
# a part of the country itself ("Peru's northeast", "Chilean sovereignty"); not a country's
# act on another ("Peruvian interference in the vote" is Peru's, as real news links it),
# a style ("an Irish pub", "Thai food") or a field ("Australian rugby", "English medicine").
ABSTRACT_NOUNS = {
    "history", "future", "past", "heritage", "legacy", "identity", "pride", "image",
    "reputation", "prestige", "status", "standing", "orbit", "influence", "power", "role",
    "involvement", "interest", "interests", "concern", "concerns", "fear", "fears", "hope",
    "hopes", "ambition", "ambitions", "intention", "intentions", "attitude", "mood",
    "sentiment", "opinion", "perspective", "view", "views", "stance", "position", "positions",
    "response", "reaction", "claim", "claims", "request", "requests", "demand", "demands",
    "appeal", "appeals", "plea", "pleas", "effort", "efforts", "doing", "wager", "fate", "relationship", "values",
    "tradition", "traditions", "culture", "marriage", "pub", "restaurant", "cuisine", "food",
    "dish", "dishes", "style", "accent", "rugby", "football", "soccer", "cricket", "tennis",
    "athletics", "basketball", "baseball", "hockey", "golf", "cycling", "sport", "sports",
    "medicine", "music", "literature", "poetry", "folklore", "cinema", "architecture",
    "sovereignty", "independence", "neutrality", "encroachment", "citizenship", "nationality",
    "jurisdiction", "hegemony", "dominance", "supremacy", "north", "south", "east", "west",
    "northeast", "northwest", "southeast", "southwest", "north-east", "north-west",
    "south-east", "south-west", "face", "faces", "features", "looks", "appearance", "way",
    "manner", "practice", "practices", "basis",
}  # fmt: skip
# What lies between countries: "the border deal between Ghana and Togo".
BETWEEN_NOUNS = {
    "agreement", "agreements", "deal", "deals", "treaty", "pact", "accord", "memorandum",
    "memoranda", "talks", "negotiations", "dispute", "conflict", "war", "border", "trade",
    "relations", "ties", "tensions", "alliance", "partnership", "pipeline", "bridge", "match",
    "game", "final", "summit", "meeting", "exchange", "route", "flights", "ceasefire",
    "cease-fire", "truce", "treaties", "accords", "wars", "conflicts", "disputes",
}  # fmt: skip
# Verbs by which a person leads a group ("Syria's delegation was led by X").
LEAD_VERBS = {"lead", "head", "chair"}
# Nouns for one person described by a nationality ("a senior Nigerian banker").
PERSON_NOUNS = {
    "banker", "analyst", "economist", "diplomat", "scientist", "researcher", "engineer",
    "chemist", "physicist", "farmer", "businessman", "businesswoman", "entrepreneur",
    "journalist", "activist", "lawyer", "soldier", "doctor", "professor", "executive",
    "negotiator", "official", "officer", "teacher", "pilot", "migrant", "refugee", "student",
    "man", "woman", "boy", "girl", "fisherman", "trader", "investor",
}  # fmt: skip
# Counted plurals that are people, not things ("1,200 firefighters in Portugal").
HUMAN_PLURALS = {
    "people", "persons", "families", "children", "troops", "men", "women", "police", "staff",
    "residents", "refugees", "migrants", "civilians", "citizens", "nationals", "households",
    "patients", "students", "soldiers", "officials", "casualties", "deaths", "lives", "jobs",
    "victims", "hostages", "immigrants", "pilgrims", "athletes", "fans", "contestants",
    "participants", "delegates", "entrants", "applicants", "representatives", "envoys",
    "diplomats",
}  # fmt: skip
# Nouns that hold a count of something else ("the number of cases", "the death toll").
COUNT_NOUNS = {"number", "total", "tally", "count", "toll", "sum", "figure", "numbers"}
# What statistics count ("900 cases", "the number of infections"): happenings to people, not
# the people themselves ("patients" and "people" are groups of their own rules).
STAT_NOUNS = {
    "cases", "deaths", "infections", "casualties", "fatalities", "injuries", "recoveries",
    "hospitalisations", "hospitalizations", "diagnoses", "infected", "dead",
}  # fmt: skip
HUMAN_ENDINGS = ("ers", "ists", "ians", "ees", "ors")


def human_plural(word: str) -> bool:
    """ "residents", "farmers": a plural noun of people (listed, or of a people ending)."""
    return word in HUMAN_PLURALS or word.endswith(HUMAN_ENDINGS)


def has_a_number(noun: Token) -> bool:
    """ "291 patients", "twelve people": a noun with a number of its own."""
    return any(c.dep_ == "nummod" and c.like_num for c in noun.lefts)


DIRECTIONS = {
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
POSSESSIVE = re.compile(r"\s*['\u2019]s?$")
# Names made of letters and digits are events or products, never people ("Cop30", "G20").
CODED_NAME = re.compile(r"^(?:[A-Z][a-z]{1,4}|[A-Z]{1,5})\d{1,4}$")


# Verbs of a relative clause that give a person's role ("who heads", "who is Kenya's envoy").
ROLE_VERBS = {"head", "lead", "run", "chair", "direct", "manage", "found", "be", "represent"}
# Verbs of working for an employer ("who works for the Peru Bank", "presiding in the Chilean
# Supreme Court"): the employer's country is the person's, through "for", "at", "in" or "on".
WORK_VERBS = {"work", "serve", "preside"}
WORK_PREPOSITIONS = {"for", "at", "in", "on"}
THE_COUNTRYS = re.compile(r"^(?:[Tt]he\s+)?country['\u2019]s\s+")
PARTY_STATE = re.compile(r",\s*[RDI]-([A-Z][A-Za-z.]*(?: [A-Z][a-z]+)?)(?=[,)])")
TRAILING_NON_NAME = re.compile(r"(?:\s+[^\sA-Za-z\u00c0-\u024f]+)+$")
# Nouns of a stretch of a person's life spent in a place ("his education in India"): the
# person's link (``life_places``), not a thing in the country.
LIFE_NOUNS = {"education", "studies", "schooling", "childhood", "upbringing", "exile", "youth"}
# Nouns of where a person's family comes from ("of Chilean descent"): the person's heritage
# (``persons.people_of_a_descent``), no thing of the country, and no nationality of a
# description ("a Canadian of Peruvian descent" is Canadian).
DESCENT_NOUNS = {"descent", "ancestry", "heritage", "origin", "origins", "extraction", "parentage"}
