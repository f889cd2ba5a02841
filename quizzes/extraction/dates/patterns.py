"""The patterns of time expressions, one per kind ("dmy" = "21 September 2022", "ago" = "two
years ago", ...): the order of ``PATTERNS`` breaks ties between overlapping matches of the
same length."""

from __future__ import annotations

import calendar
import hashlib
import re
from collections.abc import Iterator

MONTH_NAMES = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
MONTHS = MONTH_NAMES | {abbr.lower(): n for n, abbr in enumerate(calendar.month_abbr) if abbr}
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): n for n, name in enumerate(calendar.day_name)}
# Whole day and month names ("friday", "may"; no "jan"): a word that names a time.
DAY_AND_MONTH_NAMES = frozenset(WEEKDAYS) | frozenset(MONTH_NAMES)
NUMBERS = {
    w: n
    for n, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
NUMBERS |= {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
NUMBERS |= {"a": 1, "an": 1, "one": 1}
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
QUAL = r"(?:(?:early|mid|late|the (?:end|start|beginning|middle) of)\s+|mid-)"
# "the last weekend of July", "the first week of April": a part of the month, dated by the month
PART_OF_MONTH = (
    r"(?:the\s+(?:first|second|third|fourth|last|final)\s+(?:week|weekend|weeks|days?)\s+of\s+)"
)
NUMWORD = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a few|a couple of|several|few|many)"
UNIT = r"(?:day|week|fortnight|month|year|decade|centur(?:y|ie))s?"
BOUND = r"(?:more than|over|under|less than|nearly|almost|at least|at most|up to)"
APPROX = r"(?:about|around|roughly|some|just|only|approximately)"
PERIOD = r"(?:week|month|year|weekend|night|morning|afternoon|evening|season|spring|summer|autumn|fall|winter)"
# Verbs of a period going by ("as the month came to a close", "as the year wore on"), with
# their past forms.
PASSING_VERBS = {
    "come": "came", "draw": "drew", "wear": "wore", "go": "went", "near": "neared",
    "end": "ended", "close": "closed", "progress": "progressed", "begin": "began",
    "start": "started",
}  # fmt: skip
# The parts of a day ("this morning", "Monday night").
PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")
PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
ORDINAL = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|\d{1,2}(?:st|nd|rd|th))"
)
DECADE = r"(?:1[0-9]{2}0s|20[0-9]0s|['\u2019][0-9]0s)"
# Units of a duration or a delay ("for 37 years", "within hours", "six minutes later").
SPAN_UNIT = rf"(?:{UNIT}|hours?|minutes?|seasons?)"
SPAN_PLURAL = r"(?:days|weeks|months|years|decades|centuries|hours|minutes|seasons)"
# Happenings a time is anchored to ("after the race", "during the trial", "since his death").
ANCHOR_NOUN = (
    r"(?i:race|run|match|game|final|verdict|trial|hearing|election|elections|vote|referendum"
    r"|summit|meeting|talks|ceremony|release|arrest|death|murder|killing|attack|war|crisis"
    r"|invasion|storm|fire|crash|flight|speech|interview|announcement|funeral|wedding"
    r"|tournament|season|outbreak|pandemic|protests?|strike|ruling|sentencing|incident"
    r"|shooting|explosion|earthquake|conference|visit|tenure|presidency|campaign|career|life"
    r"|reign|term|childhood|years|blast|bombing|collapse|accident|disaster|flood|floods"
    r"|eruption|hurricane|typhoon|cyclone|raid|riot|clash|clashes|coup|inauguration|launch"
    r"|landing|landings|surgery|broadcast|concert|festival|debate|session|rally|march|parade"
    r"|tragedy|fighting|battle|siege|ceasefire|talks|negotiations|merger|takeover|deal"
    r"|resignation|emergency|event|events|convention|audition|premiere|screening|exhibition)"
)
ANCHOR_PREP = (
    r"(?i:after|before|during|since|until|following|throughout|ahead\s+of|for\s+much\s+of"
    r"|over\s+the\s+course\s+of|early\s+in|late\s+in|at\s+the\s+time\s+of"
    r"|prior\s+to|in\s+the\s+(?:immediate\s+)?(?:wake|aftermath)\s+of"
    r"|at\s+the\s+(?:opening|start|end|close|height)\s+of)"
)
# Words that end the noun phrase of an anchor ("during the landings | on both coasts").
ANCHOR_STOP = (
    r"(?:on|in|at|of|and|or|to|for|with|by|from|when|while|as|which|who|that|before|after"
    r"|is|was|were|are|had|has|he|she|they|it|we)"
)
# More prepositions that end a noun phrase ("the protests | against the bill").
PREP_STOP = r"(?:against|over|amid|across|into|near|under|through|across|about|than|but|so|if)"
# A name's lower-case particle comes with it ("van Dijk's", "de Souza's").
NAME_PARTICLE = r"(?:(?:van|von|de|da|del|der|di|du|la|le|al|el|bin|ibn)\s+)"
POSSESSOR = (
    r"(?:the|his|her|their|its|this|that|these|those"
    rf"|(?:[A-Z][\w\-]+\s+){{0,2}}{NAME_PARTICLE}?[A-Z][\w\-]+['\u2019]s)"
)
# Happenings named without a determiner ("since independence", "after take-off").
BARE_ANCHOR_NOUN = r"(?i:independence|liberation|unification|reunification|partition|take[\s\-]?off|landfall|kick[\s\-]?off)"

# Words of the calendar that a day "of" names no happening with ("the day of the week").
CALENDAR_WORD = r"(?i:year|month|week|weekend|day|days|season|century|decade)"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3][0-9])\b")),
    (
        "dmy",
        re.compile(
            rf"\b(?:{WEEKDAY},?\s+)?(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR})|(?:,?\s+|\s+of\s+)(?P<rel>last|this|next)\s+year)?(?![\w])"
        ),
    ),
    (
        "mdy",
        re.compile(
            rf"\b(?:(?P<rel_before>(?i:last|this|next))\s+(?i:year),?\s+)?"  # "Last year August 8"
            rf"(?:{WEEKDAY},?\s+)?(?P<mon>{MONTH})\s+(?P<d>{DAY})(?:\u2013{DAY}(?!\d))?(?:,?\s+(?P<y>{YEAR})|(?:,?\s+|\s+of\s+)(?P<rel>last|this|next)\s+year)?(?![\w\-/:])"
        ),
    ),
    (
        "month",
        re.compile(
            rf"(?:\b(?P<q>{QUAL}|{PART_OF_MONTH}))?\b(?P<mon>{MONTH})(?:(?:,?\s+|\s+of\s+)(?P<y>{YEAR})(?!\d|[,.]\d)|\s+(?:of\s+)?(?P<rel>last|this|next)\s+year)?(?![\w])"
        ),
    ),
    (
        "weekof",  # "the week of October 21", "the week of 4 March 2019": that day's week
        re.compile(
            rf"\b(?i:the)\s+(?i:week)\s+of\s+(?:(?P<mon>{MONTH})\s+(?P<d>{DAY})"
            rf"|(?P<d2>{DAY})\s+(?P<mon2>{MONTH}))(?:,?\s+(?P<y>{YEAR}))?(?![\w\-/:])"
        ),
    ),
    (
        "relative",
        re.compile(
            rf"\b(?:(?P<side>earlier|later)\s+)?(?P<rel>this|last|next)\s+(?:(?P<dir>coming|past)\s+)?"
            rf"(?P<unit>{PERIOD}|{WEEKDAY}|{MONTH})\b",
            re.I,
        ),
    ),
    (
        "ago",
        re.compile(
            rf"\b(?:(?P<bound>{BOUND})\s+|(?P<approx>{APPROX})\s+)?"
            # "7 or 8 years ago", "two to three weeks ago", "15-20 years ago": a range
            rf"(?:(?P<n_from>{NUMWORD})(?:\s+(?:or|to)\s+|\s?[-\u2013]\s?)(?=\w))?"
            rf"(?:(?P<n>{NUMWORD})\s+)?(?P<unit>{UNIT})\s+"
            r"(?:ago\b|back(?=\s*[,.;:\u2014]))",  # "a few days back, ...": "back" as "ago"
            re.I,
        ),
    ),
    (
        "recent",
        re.compile(
            r"\brecent\s+(?:days|weeks|months|years)\b",  # after in/over/during/spent/of: _accept
            re.I,
        ),
    ),
    (
        "recent",
        re.compile(
            rf"(?:(?<=\bin )|(?<=\bover )|(?<=\bduring ))the\s+(?:past|last)\s+(?:(?:{NUMWORD})\s+)?(?:{UNIT})\b",
            re.I,
        ),
    ),
    (
        "recent",  # "the last couple of weeks", "[in the] past few months"
        re.compile(
            r"(?:(?<=\bthe )|(?<=\bthe\] ))(?:past|last)\s+(?:couple\s+of|few)\s+"
            r"(?:days|weeks|months|years)\b",
            re.I,
        ),
    ),
    (
        "anaphoric",
        re.compile(
            rf"\b(?:(?:{NUMWORD})\s+(?:{UNIT})\s+(?:later|earlier|after|before)|the\s+(?:next|following|previous)\s+(?:day|week|month|year|morning|evening|night))\b",
            re.I,
        ),
    ),
    (
        "endof",
        re.compile(
            r"\b(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+(?:the|this|next|last)\s+(?P<unit>week|month|year)\b",
            re.I,
        ),
    ),
    (
        "writing",  # "As of this writing": the day the article was written
        re.compile(r"\b(?i:as\s+of|at\s+the\s+time\s+of)\s+(?i:this|the)\s+(?i:writing)\b"),
    ),
    (
        "dayword",
        re.compile(
            rf"\b(?:(?P<part>early|late)\s+)?(?P<w>yesterday|today|tomorrow|tonight){PART_OF_DAY}\b",
            re.I,
        ),
    ),
    ("weekday", re.compile(rf"\b(?P<w>{WEEKDAY}){PART_OF_DAY}\b")),
    ("weekend", re.compile(r"(?:(?<=\bat )|(?<=\bover )|(?<=\bduring ))the weekend\b", re.I)),
    (
        "decade",
        re.compile(
            rf"\b(?:the\s+)?(?:{QUAL})?{DECADE}(?:\s+(?:and|or|to|through|(?:and\s+)?into)\s+(?:the\s+)?"
            rf"(?:{QUAL})?{DECADE})?\b",
            re.I,
        ),
    ),
    (
        "century",
        re.compile(
            r"\b(?:the\s+)?(?:(?:early|mid|late)\s+|mid-)?\d{1,2}(?:st|nd|rd|th)\s+century\b", re.I
        ),
    ),
    (
        "season",
        re.compile(
            rf"\b(?:the\s+)?(?:(?:early|late)\s+)?(?P<s>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<y>{YEAR})\b",
            re.I,
        ),
    ),
    (
        "quarter",
        re.compile(
            rf"\b(?:the\s+)?(?:first|second|third|fourth|final|last)\s+quarter\s+of\s+(?P<y>{YEAR})\b",
            re.I,
        ),
    ),
    (
        "weeksof",
        re.compile(
            rf"\b(?:the\s+)?(?P<edge>first|opening|early|last|final|closing)\s+(?:(?:few|two|three|couple\s+of)\s+)?(?:days|weeks?|fortnight)\s+of\s+(?P<y>{YEAR})\b",
            re.I,
        ),
    ),
    (
        "range",
        re.compile(
            rf"\b(?:between|from)\s+(?:(?:{APPROX})\s+)?(?P<y>{YEAR})\s+(?:and|to|until|through)\s+{YEAR}\b"
            rf"|(?<![\d\-])\b(?P<y2>{YEAR})\s?[\u2013\u2014]\s?{YEAR}\b",  # "1980–1987"
            re.I,
        ),
    ),
    (
        "anchor",
        re.compile(
            rf"(?:\b(?:(?i:for)\s+)?(?:{NUMWORD}|\d+)\s+{SPAN_UNIT}\s+"  # "a week after the talks"
            r"|\b(?i:the)\s+(?:day|night|morning|evening|week)\s+)?"  # "the day before the blast"
            rf"\b{ANCHOR_PREP}\s+{POSSESSOR}\s+(?:[\w\-]+\s+){{0,2}}?{ANCHOR_NOUN}\b"
            rf"|\b{ANCHOR_PREP}\s+{BARE_ANCHOR_NOUN}\b(?![\w\-])"
            # "the week of the audition", "the Saturday of the convention": a day of a happening
            rf"|\b(?i:the)\s+(?:(?i:day|night|morning|afternoon|evening|week|weekend)|{WEEKDAY})"
            rf"\s+of\s+{POSSESSOR}\s+(?!{CALENDAR_WORD}\b)"
            rf"(?:[\w\-]+\s+[A-Za-z][\w\-]*(?=\s*[,.;:()\u2014]|\s+{ANCHOR_STOP}\b|\s*$)"
            rf"|[A-Za-z][\w\-]*)"
            # a named day: "ahead of International Labour Day", "before New Year's Eve",
            # "prior to Black Friday" (no date of its own: the day of a name)
            rf"|\b{ANCHOR_PREP}\s+(?:the\s+)?(?:(?!{WEEKDAY}\b)[A-Z][\w'\u2019\-]+\s+){{1,3}}"
            rf"(?:Day|Eve|{WEEKDAY})\b"
            rf"|\b(?i:at)\s+(?:trial|the\s+time)\b"
            # "at the last federal election": the vote before this one, told with no date
            r"|\b(?i:at|in)\s+the\s+(?i:last|previous|most\s+recent)\s+(?:[\w\-]+\s+){0,2}?"
            r"(?i:election|elections|referendum|vote)\b"
        ),
    ),
    (
        "anchor",  # "during the broadcast", "Following the minister's remarks,": any happening
        # named definitely or by a proper name ("during Allied landings"), to the first
        # punctuation or function word; a sentence's opening "Following a long stay" too
        re.compile(
            rf"(?:\b(?i:during)|(?<![\w,] )\bFollowing)\s+(?!(?i:which|whom|what)\b)"
            rf"(?:{POSSESSOR}\s+|(?=[A-Z])|(?<=Following )an?\s+)"
            rf"(?:[\w\-'\u2019]+\s+){{0,3}}?[A-Za-z][\w\-]*"
            rf"(?=\s*[,.;:()\u2014]|\s+{ANCHOR_STOP}\b|\s*$)"
        ),
    ),
    (
        "anchor",  # "during the time of the outbreak", "During the period when the site was
        # shut,": a stretch of time named by the happening it is the time of (a bracketed
        # word of a transcriber's, "the [first] lockdown", stays in it)
        re.compile(
            r"\b(?i:during|throughout)\s+the\s+(?i:time|period|days|era)\s+"
            r"(?:of\s+(?:(?:the|his|her|their|its)\s+)?(?:\[[^\]\n]{1,30}\]\s+)?"
            rf"(?:[\w\-]+\s+){{0,2}}?[\w\-]*[A-Za-z0-9][\w\-]*"
            rf"(?=\s*[,.;:()\u2014]|\s+{ANCHOR_STOP}\b|\s*$)"
            r"|when\s+(?:[\w\-'\u2019]+\s+){1,12}?[\w\-'\u2019]+(?=\s*[,.;:\u2014]))"
        ),
    ),
    (
        "anchor",  # "Hours after the site was restored,", "Two days before the vote was held,":
        # a time told by the happening it follows or comes before, to the comma that ends
        # the opening phrase of a sentence (no date word inside it: "on Monday" is a time of
        # its own)
        re.compile(
            r"(?:^|(?<=\n)|(?<=[.!?]\s))"
            rf"(?:(?i:hours|minutes|moments|days|weeks)"
            rf"|(?i:{NUMWORD})\s+{SPAN_UNIT})"
            r"\s+(?i:after|before)\s+"
            rf"(?:(?!{WEEKDAY}\b|{MONTH}\b|(?i:today|yesterday|tomorrow)\b)[\w\-'\u2019]+\s+){{1,11}}"
            rf"(?!{WEEKDAY}\b|{MONTH}\b|(?i:today|yesterday|tomorrow)\b)[\w\-'\u2019]+(?=,)",
            re.M,
        ),
    ),
    (
        "anchor",  # "Upon arrival", "on his return": a coming or going without a date
        re.compile(r"\b(?i:upon|on)\s+(?:(?:his|her|their|its)\s+)?(?:arrival|return|departure)\b"),
    ),
    (
        "anchor",  # "Since then,": from the time the last sentence told; "To date," / "its
        # best result to date.": up to the time of writing ("up to date", "out of date",
        # "plans to date the bones" are no times)
        re.compile(
            r"\b(?i:since)\s+then\b"
            r"|(?<![\w\-])(?<!\bup )(?<!\bof )\b(?i:to)\s+date(?=\s*[,.;:)\u2014]|\s*$)"
        ),
    ),
    (
        "duration",
        re.compile(
            rf"\b(?i:for)\s+(?:(?:{BOUND}|{APPROX})\s+)?(?:(?:the|that)\s+)?"
            rf"(?:(?:last|past|next|first|final|following|another)\s+)?"
            rf"(?:(?:{NUMWORD}|some|\d+)\s+(?:more\s+)?(?:working\s+)?{SPAN_UNIT}|{SPAN_PLURAL})\b"
            rf"(?!\s+(?:this|last|next|that|ago|later|earlier|after|before|of|in|on|since|from)\b)"
        ),
    ),
    (
        "within",
        re.compile(
            rf"\b(?i:within)\s+(?:(?:a|the|the\s+(?:next|first))\s+)?(?:(?:{NUMWORD}|\d+)\s+)?"
            rf"(?:working\s+|business\s+)?{SPAN_UNIT}\b(?:\s+of\s+{POSSESSOR}\s+[\w\-]+)?"
        ),
    ),
    (
        "coming",  # "in the next ten days", "over the coming weeks": a span ahead, no one date
        re.compile(
            rf"\b(?i:in|over|during)\s+the\s+(?i:next|coming)\s+(?:(?:{NUMWORD}|\d+)\s+)?"
            rf"{SPAN_PLURAL}\b"
        ),
    ),
    (
        "ahead",
        re.compile(
            rf"\b(?i:in)\s+(?:(?:about|around|nearly|just|another)\s+)?(?:{NUMWORD}|\d+)\s+"
            rf"(?:more\s+)?(?P<unit>{UNIT})\b(?!['\u2019]|\s+(?:time|of|ago)\b)"
        ),
    ),
    (
        "anaphoric",
        re.compile(
            rf"\b(?:(?i:earlier|later)\s+)?(?:(?i:the)\s+same|(?i:that)(?:\s+same)?)\s+"
            rf"(?:day|week|month|year|morning|afternoon|evening|night|season)\b"
            # "later in the day"; "Early in the month", "later in the year": a part of a
            # period the story is in
            r"|\b(?:(?i:earlier|later)\s+in\s+the\s+day|(?i:early|earlier|late|later)\s+in\s+the"
            r"\s+(?:week|month|year))\b"
            # "years later", "some months later" ("some" joins as a bound): a step from the
            # last date, of no set length
            rf"|\b(?:(?:{NUMWORD})\s+(?:hours?|minutes?)|(?i:days|weeks|months|years|decades))"
            r"\s+(?i:later|earlier)\b"
            r"|\b(?:(?i:a)\s+(?:short|little)\s+(?:time|while)|(?i:moments))\s+(?i:later)\b"
        ),
    ),
    (
        "anaphoric",  # "As the month came to a close, ...": the month the story is in passing
        re.compile(
            rf"(?<=\b[Aa]s )the\s+(?:month|year)(?=\s+(?:{'|'.join(PASSING_VERBS.values())})\b)"
        ),
    ),
    (
        "partofday",
        re.compile(
            r"\b(?i:in|during)\s+the\s+(?:(?:early|late)\s+)?(?:morning|afternoon|evening|night)\b"
            # "until early evening", "by the evening hours", "through the evening"
            r"|\b(?i:until|till|by|through|throughout)\s+(?:the\s+)?(?:(?:early|late)\s+)?"
            r"(?:morning|afternoon|evening|night)(?:\s+hours)?\b"
            r"|\b(?i:overnight)\b|\b(?:(?i:in)\s+)?the\s+middle\s+of\s+the\s+night\b"
        ),
    ),
    (
        "clock",
        re.compile(
            r"(?<![\d:.,])\b(?:[01]?\d|2[0-3]):[0-5]\d(?:\b(?![:.,]\d)|(?=[ap]m\b))"
            r"(?:\s*(?:(?i:a\.m\.?|p\.m\.?)|am\b|pm\b))?(?:\s+in\s+the\s+(?:morning|afternoon|evening))?"
            r"|\b(?:[01]?\d|2[0-3])\s*(?:(?i:a\.m\.|p\.m\.)|[ap]m\b)(?:\s+local\s+time)?"
            r"|\b(?:[01]\d|2[0-3])[0-5]\d\s+(?:UTC|GMT)\b"
            r"|\b(?:1[0-2]|[1-9]|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
            r"\s+o['\u2019]clock\b"  # "at 1 o'clock", "at ten o'clock"
            r"|\b(?i:midnight|noon)\b"  # after a preposition only (accept.clock_word)
        ),
    ),
    (
        "every",
        re.compile(
            r"\b(?i:every|each)\s+(?:single\s+)?(?:day|week|month|year|summer|winter|spring|autumn|season)\b"
        ),
    ),
    (
        "sport",
        re.compile(
            r"\b(?:(?i:in)\s+)?(?i:the|that)\s+(?:\d{1,3}(?:st|nd|rd|th)\s+minute"
            r"|(?:first|second)\s+half(?!\s+of\b)"
            rf"|(?:last|final|first|opening|closing)\s+(?:{NUMWORD})\s+minutes)\b"
            r"|\b(?i:injury|stoppage|extra|added)\s+time\b|\b(?i:half[- ]time)\b"
        ),
    ),
    (
        "age",
        re.compile(r"\b(?i:at)\s+(?:the\s+)?(?i:age)\s+(?:of\s+)?\d{1,3}\b"),
    ),
    (
        "ordinal",  # "on the first day", "in the eleventh week of the protests": a step of a
        # happening told before (not "the first week of April": the month dates it)
        re.compile(
            r"(?:(?<=\b[Oo]n )|(?<=\b[Ii]n )|(?<=\b[Dd]uring )|(?<=\b[Bb]y ))(?i:the)\s+"
            rf"(?i:{ORDINAL}|final|opening)\s+(?i:day|week|month|year|night)"
            rf"(?!\s+of\s+(?:{MONTH}|{YEAR}|the\s+(?:year|month)\b))"
            rf"(?:\s+of\s+(?:{POSSESSOR}\s+)?[\w\-]+(?:\s+(?!{ANCHOR_STOP}\b|{PREP_STOP}\b)[\w\-]+){{0,2}})?\b"
        ),
    ),
    (
        "year",
        re.compile(
            rf"(?:\b(?P<q>{QUAL}))?(?<![\d,.$£€/])\b(?P<y>{YEAR})\b(?![\d]|,\d|\.\d|/\d|s\b|['\u2019]s|\s+(?:UTC|GMT|hours|hrs)\b)"
        ),
    ),
]
# Words without which a pattern cannot match (a cheap test before running it).
KEYWORDS = {
    "ago": ("ago", "back"),
    "anaphoric": (
        "later",
        "earlier",
        "next",
        "following",
        "previous",
        "after",
        "before",
        "same",
        "that",
        "early",
        "late",
        "as the month",
        "as the year",
    ),
    "anchor": (
        "arrival",
        "return",
        "departure",
        "after",
        "before",
        "during",
        "since",
        "until",
        "following",
        "throughout",
        "ahead",
        "much of",
        "course of",
        " in ",
        "at trial",
        "at the time",
        "at the ",
        "wake of",
        "aftermath of",
        "prior to",
        "since then",
        "day of",
        "night of",
        "week of",
        "weekend of",
        "morning of",
        "evening of",
        "afternoon of",
        "to date",
    ),
    "duration": ("for ",),
    "within": ("within",),
    "coming": ("next", "coming"),
    "ahead": ("in ",),
    "partofday": PARTS_OF_DAY,
    "clock": (":", "a.m", "p.m", "am", "pm", "utc", "gmt", "midnight", "noon", "clock"),
    "every": ("every", "each"),
    "sport": ("minute", "half", "time"),
    "age": ("age",),
    "ordinal": ("day", "week", "month", "year", "night"),
    "recent": ("recent", "past", "last"),
    "weekend": ("weekend",),
    "decade": ("0s",),
    "century": ("century",),
    "season": tuple(SEASONS),
    "quarter": ("quarter",),
    "weeksof": ("days", "week", "fortnight"),
    "weekof": ("week of",),
    "range": ("between", "from", "\u2013", "\u2014"),
    "dayword": ("yesterday", "today", "tomorrow", "tonight"),
    "writing": ("writing",),
    "relative": ("this", "last", "next"),
    "endof": ("end of", "start of", "beginning of", "middle of"),
}
# A search each pattern's match must pass somewhere in the text (a part every match of it
# contains), cheaper than the pattern: the month-and-year patterns and the ones that start on a
# look-behind are tried at every position of the text, a gate jumps to a digit or a short word.
# Each gate belongs to one exact pattern (the first characters of the SHA-1 of its source):
# a pattern rewritten loses its gate (slower, never wrong) until the gate is checked again
# and its key updated (tests/quizzes/extraction/test_date_gates.py says which).
GATES: dict[tuple[str, str], re.Pattern[str]] = {
    ("ago", "3f2585fae5"): re.compile(r"\s(?i:ago\b|back(?=\s*[,.;:\u2014]))"),
    ("recent", "61cb3940e2"): re.compile(r"the\s+(?:past|last)\s", re.I),
    ("recent", "92f86ec1fb"): re.compile(r"(?:past|last)\s+(?:couple\s+of|few)\s", re.I),
    ("range", "7d21262c2c"): re.compile(
        rf"{YEAR}(?:\s+(?i:and|to|until|through)\s+|\s?[\u2013\u2014]\s?){YEAR}"
    ),
    ("anchor", "84d407e43c"): re.compile(r"(?i:since)\s+then|(?i:to)\s+date"),
    ("anaphoric", "8c72dd84de"): re.compile(
        r"(?:same|(?i:that))\s+(?:day|week|month|year|morning|afternoon|evening|night|season)"
        r"|in\s+the\s+(?:day|week|month|year)"
        r"|(?:hours?|minutes?|(?i:days|weeks|months|years|decades))\s+(?i:later|earlier)"
        r"|(?:time|while|(?i:moments))\s+(?i:later)"
    ),
    ("clock", "26b29cf7e7"): re.compile(
        r"\d(?::[0-5]\d|\s*(?:(?i:a\.m\.|p\.m\.)|[ap]m))|UTC|GMT|o['\u2019]clock|(?i:midnight|noon)"
    ),
    ("ordinal", "53bfd0d868"): re.compile(
        rf"(?i:the)\s+(?i:{ORDINAL}|final|opening)\s+(?i:day|week|month|year|night)"
    ),
}


# Where a match of a pattern can begin: a zero-width search that holds at every position where
# a match of it starts (a word start before one of its first words), and at few others. A
# pattern that opens on an optional group and a word boundary is tried by ``finditer`` at every
# position of the text; tried only at these, it finds the same matches for half the cost or
# less (the "anchor" pattern of "a week after the talks" was the costliest of all). Keyed like
# GATES: a rewritten pattern loses its starts (slower, never wrong) until they are checked.
STARTS: dict[tuple[str, str], re.Pattern[str]] = {
    ("month", "b5861d7e18"): re.compile(r"(?<!\w)(?=[JFMASOND]|(?:early|mid|late|the)[\s\-])"),
    ("anchor", "7dabd21160"): re.compile(
        r"(?<!\w)(?=\d|(?:for|the|after|before|during|since|until|following|throughout|ahead"
        r"|over|early|late|at|prior|in|a|an|one|two|three|four|five|six|seven|eight|nine|ten"
        r"|eleven|twelve|fifteen|twenty|thirty|forty|fifty|several|few|many)\s)",
        re.I,
    ),
    ("anchor", "0a47c4b21c"): re.compile(r"(?<!\w)(?=during|following)", re.I),
    ("year", "c74279cfb9"): re.compile(r"(?<!\w)(?=[12]|(?:early|mid|late|the)[\s\-])"),
    # "two days later", "the next morning"
    ("anaphoric", "6259ba26a8"): re.compile(
        r"(?<!\w)(?=\d|(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
        r"|fifteen|twenty|thirty|forty|fifty|several|few|many|the)\s)",
        re.I,
    ),
    # "about two weeks ago", "years back,"
    ("ago", "3f2585fae5"): re.compile(
        r"(?<!\w)(?=\d|(?:more|over|under|less|nearly|almost|at|up|about|around|roughly|some|just"
        r"|only|approximately|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
        r"|fifteen|twenty|thirty|forty|fifty|several|few|many)\s"
        r"|day|week|fortnight|month|year|decade|centur)",
        re.I,
    ),
    # "last year, Monday, March 3", "July 4th"
    ("mdy", "bbd12aa6af"): re.compile(r"(?<!\w)(?=[JFMASONDTW]|(?i:last|this|next)\s)"),
    ("ahead", "268ad13725"): re.compile(r"(?<!\w)(?=in\s)", re.I),  # "in two weeks"
    ("dayword", "64211c7719"): re.compile(  # "late yesterday", "tonight"
        r"(?<!\w)(?=early|late|yesterday|today|tomorrow|tonight)", re.I
    ),
}


def matches_at_starts(
    pattern: re.Pattern[str], starts: re.Pattern[str], text: str
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that never matches empty, tried only where
    ``starts`` holds (``match`` at a position sees the text before it, as ``finditer`` does)."""
    end = 0
    for start in starts.finditer(text):
        pos = start.start()
        if pos < end:
            continue
        m = pattern.match(text, pos)
        if m is not None:
            yield m
            end = m.end()


def gate_key(kind: str, pattern: re.Pattern[str]) -> tuple[str, str]:
    """The key of a pattern's gate in GATES."""
    return kind, hashlib.sha1(pattern.pattern.encode("utf-8")).hexdigest()[:10]


QUANTITY_BEFORE = re.compile(rf"\b(?:{BOUND}|{APPROX})\s+$", re.I)
BOUND_PREP = re.compile(r"\b(since|after|before|until|till|by|as\s+of)\s+$", re.I)
# Words after which a bare month, weekday or year is a date ("in March", "on Tuesday", "since 1991").
DATE_PREPS = {
    "in", "on", "since", "by", "until", "till", "after", "before", "during", "of", "from", "through",
    "throughout", "between", "and", "to", "around", "circa", "early", "mid", "late", "last", "next",
    "this", "that", "following", "as", "at", "for", "into",
}  # fmt: skip
