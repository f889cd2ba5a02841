"""Country links: people, places, organisations and events tied to a country by the text.

Rules, applied to the spaCy parse of each evidence sentence (see ``extract_country_links``):

1. **Title before a name**: "Kazakh President Kassym-Jomart Tokayev", "Former German chancellor
   Angela Merkel", "Peruvian radio host, painter, and poet X" (a list of roles is one title), "deputy head of Chile's mining council Pedro Lagos", "then-U.S.-president
   X" (one hyphenated word); "Chilean-US chemist X" (both nationalities); a later name of a list whose own title names no country shares
   the first one's ("Peru's prime minister A and energy minister B"); no title reaches past
   "of" ("the United States' killing of X" is no title of X). An office a verb gives its
   subject: "X became president of Malawi", "X was elected prime minister of Fiji".
2. **Apposition**: "Sergei Lavrov, Russia's foreign minister, ...", "Jane Doe, a British
   diplomat", "the president of Kenya, William Ruto" (also when the parse hangs the
   description and the name from a third word: "Speaking to Acme, the head of the Peru
   Union, Ana Lind, said"; "A member of the Chilean Senate, Tom Reid said"), "X, an analyst ... based in Tashkent".
3. **Office without a name**: "the president of Kyrgyzstan", "the Russian president"; resolved to
   the person of the article holding that office when there is one; an indefinite one is a
   person not yet named when it acts or a clause describes it ("a Peruvian judge fined ...",
   "a Chilean prosecutor investigating ..."), else anyone ("a visit by a Korean leader").
4. **Named organisation with a nationality**: "the Russian Defence Ministry", "Bank of Japan",
   "the Supreme Court of the Netherlands", "China's Belt and Road Initiative", "its Belt and
   Road Initiative" (its = the clause's country); placed in another country too ("the United
   States Embassy in Oslo" -> Norway); one body named two ways ("U.S. Embassy") is linked once;
   "the Royal Danish Navy" (a crown word first); a nationality word the data lists only in its
   long form starts a body's name when the article names the country ("Saudi" of Saudi
   Arabia); a school named after a country that is also another country's state ("Georgia
   Institute of ...") is not placed by its name; a body "of America" is of the United States,
   and so is a person its name titles or describes ("Harbour Party of America nominee X",
   ``context._america_ending_a_body``); an acronym "of" a country's name is that country's ("NTV of Kenya"), and one a nationality
   word qualifies ("Belarusian KGB arrested ...": ``acronyms_with_a_nationality``).
5. **Event held in a place**: "the SCO meeting in Tashkent", "ministers met in Ghana for the West
   African Fisheries Council meeting", "Peru hosted the summit"; acronyms are spelt out
   from the article ("SCO" -> "Shanghai Cooperation Organisation"). A vote its voters' place
   puts in a country (``elections_of_placed_voters``): "voters in the Peruvian electoral
   district of Arden vote in a by-election" (the bare "by-election" too; "Arden",
   a name right after a kind of place and "of", is that place even when the small model
   reads a person). The name an event is given when its phrase names the country
   (``events_named_for_a_country``): "an event known as "Big Monday" in the context of US
   presidential elections" (the plural votes for an office with no year are the kind of
   vote, no link; nor are "US presidential campaigns", a candidate's run).
6. **City, province or state to its country**: "Tashkent" -> Uzbekistan, "Ontario" -> Canada (see
   ``geo.city_country``); "Valencia, Venezuela", "Nogales, Arizona" (the qualifier decides); a
   namesake in a country of the same sentence, then in the country the article names most, wins
   ("Bhola" in an article about Bangladesh); cities the small model mislabels are taken when
   they follow a locative preposition ("around Kharkiv", "based in Bogota") or stand in
   apposition to a kind of city ("the capital, Bamako"); a town the data
   lacks takes the country or state named after it, also past its region ("in Port Arvo,
   Kelso Province, Peru": ``places._country_after_a_region``; "near Alder Ridge, Oregon", "between
   Laredo and Marco Ortiz, Mexico", even when the small model reads a person there).
7. **Described places and organisations**: "the Ukrainian city of Bakhmut", "Kherson, Ukraine's
   southern port", "the Syrian capital, Damascus", "Gazprom, the Russian state energy giant".
8. **Organisations and people described by a country** (``description_links``): "Norway's
   state-owned investor Norfund", "The Dutch development bank FMO", "Tanzania's state utility
   Tanesco", "the Lagos-based consultancy Briter" (the name after the description is the
   subject; also a name the small model labels a building or a work: "French news channel
   Canal Ouest"; "the Chilean folk band the Lost Llamas"; "the USA firm Brightlane"; and the
   name before it: "KoPaR, the Chilean anti-monopoly agency", even an acronym the small model
   reads as no name; "Peru's state-owned Petro Andina", ``bodies_a_country_owns``, whatever
   the model labels the name); with no name, the description itself: "Spain's civil protection agency", "a senior
   Nigerian banker", "a battery maker in South Korea", "a court in Lyon" (a singular organisation or person noun,
   not negated: "not a single Kazakh official" names nobody); a body the description is
   said of is the subject ("AWF is a banned group in Peru" -> AWF, spelt out), and a
   person's ("Tom Reid is a Chilean banker" links Tom Reid only).
9. **People through their organisation**: "Nigeria's Rural Electrification Agency ... Its
   managing director, X" (the organisation linked in the same or the previous sentence), and
   "X, a chemist at the State University of Minas Gerais in Belo Horizonte, Brazil" (an
   "in <place>" inside the apposition); the organisation or event itself when "in <place>"
   follows its name ("Cop30 in Belem, Brazil"; names of letters and digits are never people).
10. **Postings, party tags and role clauses**: "Bangladesh's Assistant High Commissioner in
   Guwahati, X" (the title's country, not the posting's), "Sen. X, R-Idaho" (a US party and
   state), "X, who heads the laboratory at the National University of Peru" / "who runs a
   bakery in Dublin" (a relative clause of a role verb: head, lead, run, chair, be ...); "X, who
   works for the Chilean Navy", "Judge X, presiding in the Peru Supreme Court" (the body a
   clause or participle of work names: for, at, in, on; not "works with Peruvian refugees").
11. **Datelines and "the country"**: "LILONGWE, Malawi (AP) —", "SEOUL/TOKYO, May 14 (Reuters)
   -", "Shillong, Aug 14 (PTI)" link each dateline city (``sentences.dateline``); "the
   country's Ministry of Health" is the country named last in this or the two sentences
   before, else the dateline's.
12. **Sited events and facilities**: "The congress, held in Lisbon, Portugal" (a bare event noun
   counts when a participle places it), "a plant in Kumamoto, Japan" / "a refinery in Nigeria"
   (a facility noun placed in a country the text names; a city alone is left to its own link).
13. **Owned institutions, policies, groups and leaders**: "Chile's lower house", "Jordan's
   parliament", "Chile's ban on imports of used tyres" (an institution or policy noun
   with a possessive or adjective country only: "a house in Spain" is not Spain's), "a
   20-person crew from South Africa" (crew, team, squad, delegation), "Syria's delegation was
   led by X" / "the delegation, led by X" / "X led Syria's delegation" (X -> Syria); "a cement
   plant in Peru's Arequipa region" (the plant, and "Arequipa"); "an investor
   day in Singapore" (a "day" named by a compound); "In Peru, where ..., ... the April 12
   presidential election" (a sentence opening with "In <country>," places its events).
14. **People, things and acts in a country** (``things_in_a_country``): "researchers in
   Chile", "coalition bases in Peru", "the decision in Norway", "a bombing in Peru", "an
   offensive into Peru" (plural nouns, events, incidents and nouns of an act; not "the
   emergency number in Chile", nor a named person's description, nor a superlative class
   said of a subject: "the fort is one of the most visited sites in Peru"); a thing in a set
   of countries is in each one listed after "including" ("rallies were held in many
   countries, including Peru and Chile", ``things_in_listed_countries``).
15. **One link per named event**: "the World Championships" after "the 2031 World Rowing
   Championships" in the same country is the same event (``one_link_per_named_thing``), and
   one per body: "the Kelso Institute of Geology (Kigeo)" (``one_link_per_bracketed_name``),
   one per person: "Abdel Fattah" beside "Abdel Fattah al-Sisi" in one sentence
   (``one_link_per_named_person``); one per group a nationality names, counted or not:
   "two million Peruvian refugees" beside "Peruvian refugees" (``one_link_per_counted_group``); a headline's "UK Supreme Court" beside the text's
   "Supreme Court of the United Kingdom" is one body. Two capitals that code a country the
   article names elsewhere count before a capitalised name ("US Green Party nominee X",
   ``context._codes_before_names``); two capitals before a number are a catalogue's
   letters ("the HR 4411 system", ``context._numbered_label``).
16. **Where a life happened** (``life_places``, ``life_nouns``): "X was born in Chile", "she
   moved to Peru", "he returned to Norway", "she studied in Chile", "his education in India",
   "her exile in France" (he/she/his/her: the one person named just before, or its subject);
   "X died in Peru", "X was killed by commandos in Peru" (a place of death, a named subject
   only; never the killer of "X killed two men in Peru");
   "she was airlifted to Madrid, Spain" (a person carried there: ``people_carried_to_a_place``);
   "a bomb killed Ana Lind in Arden, Peru" (the one killed: ``people_killed_in_a_place``).
17. **A body inside a title** (``organisations_in_titles``): "Chilean Foreign Ministry
   spokeswoman X" -> the ministry too, with the "of" part of its name ("Peru House of
   Delegates Speaker X" -> "Peru House of Delegates").
18. **A thing a clause places in a country** (``subjects_placed_by_their_verb``): "A
   closed-door hearing is under way in Peru", "The ABC party is banned in Chile" (a named or
   modified common noun subject, never a person, a bare "the race" nor a pro-form "the
   third one"); after a verb of
   happening a bare one too: "The strike took place in Peru", "A fire broke out in Chile".
19. **A facility named after its city** (``facilities_named_after_a_city``): "Karachi
   Central Station", "Lima International Airport" (airports, stations, ports, stadiums,
   bridges, dams; not a university: "Georgetown University" is no building of Guyana).
20. **An act a country does** (``acts_of_a_country``): "The United States carried out the
   airstrike", "Peru launched a raid" (a country named as the subject of carry out, launch,
   conduct, stage, mount, order; an act or event after begin, start, wage: "Chile began an
   offensive"); a name the text gives it wins ("a programme dubbed
   'Condor 2030'").
21. **Lists of countries** (``bodies_of_listed_countries``, ``groups_comprising_countries``):
   "the armies of Chile, Peru, and Bolivia", "the Prime Ministers of Chile, Peru and Bolivia"
   (the whole phrase, to each country), "the Andean
   bloc, comprising Chile, Peru and Bolivia", "a coalition ... joined by Chile, Peru and
   Bolivia" (the group, to each member: ``groups_joined_by_countries``); "Brazil announced a
   coalition" (the founder too: ``groups_founded_by_a_country``).
22. **Named members of a national group** (``named_members_of_a_group``): "Austrian firms
   including A, B and C", "Kenyan runners such as X and Y" (each name).
23. **Two countries joined by a dash** (``pairs_of_countries``): "the Peru–Chile border
   crossing", "the Iran–Iraq War" (the thing, to both; never the second one's "Iraq War");
   a border "with" one country, or "between" it and a region, is that country's, and so
   is what is built along it (``borders_with_a_country``: "a wall along the country's
   border with Peru").
24. **Home nations** (``home_nations_in_their_state``): "Wales would be the only nation in the
   United Kingdom ..." (a country within a country, ISO 3166-2, linked to its state only when
   its description places it there; in sport it stays a country of its own); a territory ISO
   3166-1 codes and ISO 3166-2 lists under another state is that state's
   (``territories_in_their_state``: "born in Martinique" -> France); the adjective of a nation
   within a state names the state ("English chemist X" -> United Kingdom, ``geo``); waters
   named after a nation are no mention ("the English Channel").
25. **States that no longer exist**: "the Soviet Union's space programme", "a Soviet
   cosmonaut" (ISO 3166-3 and ``data/historic_states.csv``, see ``geo``).
   "the Peruvian-Chilean border" is no thing of either country (a crossing on it is).

26. **What happens in or to a country** (``events_in_a_country_described_by_where``,
   ``events_that_hit_a_country``): "troops went to Chile, where a civil war is underway",
   "an earthquake that struck southern Peru", "A storm hit Chile" (the event); "Peru suffered
   an earthquake", "Chile had ten years of civil war" (``events_a_country_suffered``).
27. **People named by a plural nationality** (``demonyms_in_a_country``): "Peruvians in the
   United States" (both), "The entire crew were Chileans" (the crew), "they were two
   Chileans" (the counted two), "Of the 40 passengers, 22 were Peruvian" (the passengers,
   ``groups_of_a_stated_nationality``), "The ancient Peruvians
   built roads" (a subject or an object, each described group once: "31 percent of
   Bolivians", "rural Peruvians", "any other Afro-Peruvian").
28. **Named things a country leads or backs** (``things_a_country_leads``): "the Peru-led
   Andean War", "the Chilean-backed Peace Plan"; "the U.S.-led coalition" (one token after a
   dotted abbreviation: ``things_led_by_a_joined_country``).
29. **Bodies placed together** (``bodies_placed_together``): "the Midland Institute (MI) and
   the College of Arden, both in Peru" (each listed body).
31. **Bodies listed after one possessive** (``bodies_listed_after_a_possessive``): "Peru's
   foreign ministry, defence ministry and interior ministry" (each body of the list).
32. **National bodies named in full** (``national_bodies_named_in_full``): "the Chile Coast
   Guard", "Peru's Disaster and Emergency Management Presidency" (whatever the entity label).
33. **A named storm and the country it reached** (``named_storms_in_a_country``): "Hurricane
   Lola makes landfall in the Bahamas", "the storm known as Hurricane Lola cleared the Bahamas",
   "Tropical Storm Lola approaches the U.S. coast" (the coast's country; "the U.S. coast", as
   "the coast of Peru", is where, no thing of the country); "Tropical Depression Nine formed
   over Cuba" (a graded depression; a number may name it).
34. **Groups from a list of countries** (``groups_from_countries``): "customs inspectors from
   Chile, Peru and Bolivia" (the group, to each; also "the tourists were from Chile and
   Peru"; a listed count: "two Chileans, one from Peru, and a third from Bolivia"), and "prosecutors in Chile and Bolivia"
   (``things_in_a_country`` places a thing in each country of its list).
35. **Institutions named after their place** (``institutions_named_after_a_place``): "Auckland
   District Court", "the Toronto Police", "Ohio State University", "the High Court of Kerala"
   (a court, police, council, parliament or state university; not "Georgetown University");
   the state a body "of" it serves too ("the Parliament of Xaloca" -> Xaloca).
36. **A place put in a country after its name** (``named_sites_placed``): "the Kelso Islands in
   the Bahamas", "Port Arun in Malaysia" (a place the data lacks, or puts in that country);
   "Kelso Island off the coast of Oregon, United States" (off a coast: the coast's country);
   "the Peruvian state of Xaloca", "islands of Peru" (states, islands, archipelagos,
   peninsulas, prefectures and governorates are place nouns of rule 7). A named place right
   after a country's possessive (``places_a_country_owns``): "in Chile's Arauco Bay". A body
   in a role ("Peruvian Red Cross chair X"), a brand's arm ("Hulu Peru",
   ``national_arms_of_brands``), a chamber "of/for" a country's body ("the House of Commons
   for the 43rd Peruvian Parliament", ``chambers_of_national_bodies``).
37. **A country's exit** (``exits_of_a_country``): "Grexit" (the start of a name or nationality
   of a country the article names, + "exit"), "the Grexit referendum" (a vote or movement
   named after it; not "the Grexit deal", nor "a hard Grexit").
38. **Incidents a city places** (``incidents_in_a_city``): "anti-government protests continued
   in Cusco", "the bombing in Kabul" (violence, disasters, protests: in the city's country;
   not a meeting or a hospital there); an incident that harms is where an "in" of its clause
   places it (``incidents_that_harm_in_a_place``): "A blaze killed three boys at a club they
   visited in Kielce, Poland".
39. **Things placed by where they are** (``sites``: ``sites_placed_by_their_place``,
   ``what_a_placed_clause_tells``): "the Hotel Corvo Palace in the Miraflores area of the
   Peruvian capital, Lima", "a parking garage at Kelso Airport, Brekke in Norway", "a school
   building collapsed in Tarnow, a town in the Malopolska region of Poland", "at the
   headquarters of X in Lima, Peru, a clerk went on a stabbing spree" (a building, a named
   site or an incident, when the place phrase states the country: a city alone does not).
40. **Nationality words and places the data lacks**: "the Myanma embassy" (a country's name
   short of its last letter or two, read as a nationality, in an article naming the country:
   ``context._clipped_adjectives``); "mainland China" (``mainlands_of_countries``); "two
   Hindu monks from Nepal" (counted people, or people of a faith, from a country:
   ``groups_from_countries``); "the High Court of England and Wales" whole, once
   (``one_link_per_listed_name``); "Grexit for "Greek exit"" (a gloss of a name is no second
   link); "Peru's efforts" (no thing of Peru).
41. **Names and words that place nothing**: "the Qatar Amity Hospital" in an article about
   Nepal (a hospital, school or road whose name opens with a country the article names only
   there, while it names another more, is named after it: ``organisations``); "President of
   Peru elect", "Peru president-elect" (a title, no group); "From Monday" (a day or month
   name is no place: ``calendar``); "a critic of Peru" (a stance toward a country is no
   tie to it: ``describe``); "Peruvian encroachment" (an act of intrusion, as "efforts"); "the Spanish Theatre in
   Toronto" (a venue the text places in another country is named after a style); "San Diego
   County" is no town "San" qualified by "Diego County" (``geo``: a qualifier must name a place); "Corona" in an article
   that writes "coronavirus" is its short form, no town (``context.clipped_words``: the start
   of a longer word of the article whose rest is a common noun is no subject).
42. **People and things placed through their office or setting**: "Governor Ana Lind signed
   ..." in a clause "in the Peruvian region of X" (a local office acts where its clause's
   "in" phrase states: ``persons._where_the_clause_is``); "Peruvian Roads and Ports Minister
   Ana Lind" (an "and" inside an office's title; "Ports" no person, "Peruvian Roads" no
   body); "an operation backed by Chile" (``acts_backed_by_a_country``); "rebels backed by
   Peru", "militias associated with Chile" (an armed or political group:
   ``groups_a_country_backs``); "the Unity Party's takeover of Peru"
   (``bodies_that_took_a_country``); "the Peru Supreme Court ruling in the
   Roe v. Lind case" (``cases_a_national_court_ruled``); "three people who returned from
   Chile" (``groups_from_countries``); "a block of flats collapsed in ..., Peru", "a case of
   measles in Peru" (``sites``); "the Kelso Creek Reservation in Xaloca in northern Peru"
   (named grounds: reservation, range, park, refuge ...), "the Arden Elk Range in eastern
   Xaloca run by the Peruvian state" (``sites_run_by_a_national_body``).
43. **What a country's figures count** (``figures``): "the number of injuries rose to 90 in
   Peru and to 4 in Chile", "4,000 deaths tied to the fever in Peru" (the counted thing, no
   figure: ``figures_in_a_country``); "Chile, the country with the most deaths", "Peru
   reported 300 new cases" (``figures_a_country_has``); "cases in the next worst-hit country,
   Chile" (``things_in_a_described_country``). A count noun ("the total number") is never
   the subject itself.
44. **A town before its country** (``towns_before_their_country``): "Ana Lind, from Kelso's
   Ford, Peru," (the town, whatever entity the small model saw; a possessive may join its
   words, and the person is from the country: ``persons.from_country_after``); "the Arequipa,
   Peru fire brigade" (the town; "Arequipa, Peru" is no body's name); not "According to Acme,
   Peru has ..." (a source, then the clause's subject).
45. **An attack aimed at a country** (``attacks_on_a_country``): "the 1998 bombings on
   Peru", "the attack against Chile", "rocket attacks on the Chilean embassy in Bolivia" (the
   country the target is in); not "raids on U.S. troops" (the country only names the target).
30. **A town and its state in one name**: "at Kottur, Kerala" (town and state, even a town the
   data lacks), and a named airport or station "at <place>" ("Palur Airport at Kottur"); a
   town with its state's two-letter code is one place ("Salem, OR": ``context.add``).
46. **Office holders listed after a plural office** (``persons.listed_office_holders``): "two
   presidents in the history of Peru, Ana Lind and Tom Reid", "In the history of Peru, two
   presidents resigned: A and B" (each name; not a speaker: "one of the presidents of Peru,
   Ana Lind said"). A capitalised body with its country in its words is named in full where
   it stands ("the Peru House of Delegates", not a headline's shorter "Peru House"); "people
   rallied at Unity Square in the Peruvian capital" places the square, not the crowd
   (``groups.subjects_placed_by_their_verb``).
47. **A place written with its country inside a description**: "Ana Lind, formerly the
   governor of the state of Xaloca, Peru" (the person, ``describe``), "Kelso Lodge near Arvo,
   Peru" (a named body in or near a town written with its country,
   ``describe.town_with_its_country_after``); "the central Peruvian government" is the
   Peruvian government (``groups._without_level``); "the Jasper Reed magazine" names no
   person whom a later "the Chilean" could stand for (``context.one_named_before``); "the
   town of Paris" in an article that never names France is a namesake the data lacks
   (``places._small_namesake``: a big city of a state the article does not name).
48. **What countries make, fight or visit** (``dealings``): "Chile and Peru fought a war over
   the desert" (``pacts_of_countries``: each named country that signs, brokers, negotiates or
   fights a deal, war or talks, and one it is made "with"), "a 2017 trip to Peru", "a tour
   of Chile" (``trips_to_a_country``); "the pact signed between Ghana and Togo" and "the
   Kelso Accord that restored relations between Ghana and Togo" (``between_countries``).
49. **A person's descent** (``people_of_a_descent``): "Ana Lind is of Chilean descent", "Ana
   Lind, an Australian citizen of Peruvian descent" (the person, to the country of the
   descent; "Chilean descent" itself is never a subject, nor does it make "a Canadian of
   Peruvian descent" Peruvian).
50. **A surname in the headline** (``headline_surnames``): "US Speaker Marlow backs deal" over
   a story naming "Jonah Marlow" (a headline word after a title with a country that is the
   surname of exactly one person named in full).
51. **What names no one, or nothing of a country** (precision): an office sought, taken "as",
   spelt out after an acronym, or owning an office ("the nominee for President of Peru",
   "serve as Vice President of Peru", "the Peruvian president's office": ``persons``
   ``_office_of_no_one``); a later name of a list with a title of its own ("statues of A,
   Chilean presidents B and C": A is not Chilean); a country opening the next phrase after a
   comma ("an inquiry from Acme, U.S. candidates said": no town Acme, no US Acme); a
   headline verb the small model reads as a plural noun ends a national group ("Peruvian
   party withdraws nomination" -> "Peruvian party", ``groups._phrase_head``); a one-word
   capitalised event is named with its place ("the War in Peru", not "War"); an office whose
   "for" phrase runs on into a name the model missed ("Chilean Minister for Foreign Affairs
   Ana Lind") is no office link; a nationality's face, way, practice or basis is no thing of
   it, though the body owning it is ("the Peruvian government's practice" -> the government).
52. **An incident placed through a verb it controls** (``sites.what_a_placed_clause_tells``):
   "A fire is believed to have destroyed forty homes in the town of Arden, Peru" (the
   subject of "believed" is the subject of "destroyed"); also a phrase the parse hangs from
   the verb's object or its time phrase ("a blast killed Ana Lind in the port town of Arden,
   Peru"; "On Friday night in Kelso Gardens in Arden, Kent, UK, a stabbing ...",
   ``sites.clause_verb``; a sea before a town names no city: "the Caspian Sea port of ...").
53. **What an accident befell, placed through a described place**
   (``sites.subjects_of_a_stated_place``): "A vintage cargo plane crashed near Arden, Peru",
   "a gas pipe exploded in the Peruvian town of Arden" (a common noun that names no one, the
   subject of a verb of accident or happening; "a spate of bombings" already placed again is
   linked once); also when the place phrase hangs from the thing itself or from the object
   of the accident's path ("a small plane in Oregon, United States crashed", "a bus crashed
   into a tunnel in Leeds, West Yorkshire, England": ``sites.accidents_placed_beside_their_verb``). A life lived in a described place (``persons.life_places``): "born in a
   small village in northern Peru" (a kind of place; "born in a Chilean family" is none);
   in a transcript, "I" is the person whose tag opens the turn ("((Tom Reid)) I was born in
   Peru"; not the interviewer's "((WN))", and no one outside a transcript).
54. **The one succeeded in an office** (``persons.people_succeeded_in_an_office``): "Tom Reid
   will replace Maria Costa as the President of Chile" (Maria Costa -> Chile too; "with Reid
   succeeding her as ..." is the one person named before who is not the successor).
55. **"Indian" of Native Americans** (``context._native_american_indians``, precision):
   "children born to Indian tribes" in an article naming the United States and never India
   is no nationality of India ("Indian" before a tribe, a reservation or "Country").

56. **A life across several countries** (``persons.life_places``): "X has lived in Peru, Chile
   and Canada", "X, who grew up in Peru, moved to Chile and then to Canada", "Born in Peru, X
   ...", "worked in Spain", "fled to Canada" (each place of a list; a clause sharing its
   subject; the one "who" stands for). Both ends of a move: "X came to Peru", "X moved to Chile from
   Peru".
57. **Peoples named with a country** (``groups.peoples_of_a_country``): "Syrian Kurds", "the
   Kurds of Iraq", "Rohingya Muslims in Myanmar", "US Marines"; "ethnic Russians in Ukraine"
   are no Russians of Russia (``context._ethnic_peoples``, precision), nor are "Afghan Tajiks"
   Tajikistan's in an article never naming it (``context._peoples_after_a_nationality``: a
   plural nationality after another one is a people of the first); people "of" a country
   ("officials of Peru", not "critics of Peru": ``groups.noun_of_country``).
58. **An accident the small model reads as a noun phrase** (``sites.accidents_read_as_nouns``):
   "a water main broke in ..." ("broke" a noun, ROOT); a new count placed again is a new link
   ("2,700 confirmed cases in Peru" after "400 suspected cases in Peru": ``groups.linked_again``).
59. **Regions and their towns** (``places``): a first-level region the model reads as a body
   ("Tyumen Oblast", "Surigao del Sur"), or names with its kind word ("Aceh province"), also
   when it reads no entity at all (``regions_read_as_no_name``); a town
   described as a town of one ("Maidan Shahr, the capital of Wardak province":
   ``towns_described_by_their_region``).
60. **People a clause places** (``groups.things_in_a_country``): "patients who were dying in
   Peru, Chile and Spain", "migrants living in Peru" (a verb of being somewhere in a relative
   or participle clause of a plural of people; not "firms that invest in Peru"); things
   "across/throughout" a country; "Protests were held in Chile"; "X is from Peru".
61. **Results-list and sports shapes** (``persons.nationality_before_name``,
   ``persons.country_in_brackets_or_after_age``): "Italian Ana Lind won" (a bare nationality,
   no role noun; a full PERSON name, never "French Wikinews"), "Ana Lind (Peru)", "Ana Lind,
   29, of Peru", "Ana Lind, who represents Peru", "Ana Lind, the Canadian"; a town a verb or
   "of" opens ("the flood hit Port Arvo, Peru", "residents of Arvo, Peru",
   ``places._opens_a_town``); an event named after a big city (``places.events_named_after_a_city``:
   "the 2031 Lima Marathon", "the Lima Film Festival"); each town of a list a country places
   ("in Arvo, Kelmet and Dunmore in Peru", ``places.towns_listed_in_a_country``); "A and B,
   both Peruvian", "the Peruvian duo A and B", "US-born actor X", "a two-time champion from
   Peru", "a Lima-based analyst", "X, from the northern Peruvian town of Arvo".

"the Chilean part of the joint mission" is linked whole (a part is nothing without its
whole); "an opponent of the Iraq War" is no link of the person to Iraq (the country names
the war).
An envoy is linked to their posting too: "Canadian Ambassador to Peru X" -> Canada and Peru
(``persons._posting``; not an envoy "for" a country, who deals with it).

A city's country never comes from a neighbouring city: "in Santiago and ... in Lima" does not
make Santiago Peruvian (a city's own region, "Lima" region, lends no country to its sentence);
an ambiguous name takes a namesake in a country the article names, else the dominant city.

Names are taken whole: "Foreign, Commonwealth and Development Office" (a list before the
entity), "Rio Grande do Sul" (lower-case particles), "Kuwala Health Trust" (every adjacent
proper noun the name's words hang from), and an unclosed bracket is cut
("... Technology (Buet" -> "... Technology").

Groups, bodies and things with a nationality are linked ("Russian troops", "Kazakh
officials", "the Spanish government", "Peruvian waters"), as the annotation of real reporting
does (the sample article's older annotation links none of them); indefinite offices ("a South
Korean leader"), negated groups and a nationality's qualities, attitudes, styles or fields
("Peru's future", "the Danish response", "an Irish pub", "Australian rugby") are not.
Countries themselves are never subjects. Each (subject, country) pair is output once, with the
first sentence that states it. Country
knowledge comes from ``geo`` (data packages); person names from the people index
(``people.mentions`` / ``people.canonical``) when given, else from spaCy's PERSON entities.

``RULES`` below is the order the rules run in; each reads and writes the declared fields of
``context.CountryContext`` (people_links fills ``person_tokens`` and ``office_holder`` that
office_links and the later rules read; organisation rules fill ``org_at`` that
people_through_organisations reads).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from .. import geo
from ..facts import CountryLink
from .context import CountryContext, PeopleLike
from .dealings import pacts_of_countries, trips_to_a_country
from .figures import (
    figures_a_country_has,
    figures_in_a_country,
    the_dead_in_a_country,
    things_in_a_described_country,
)
from .groups import (
    acts_backed_by_a_country,
    acts_of_a_country,
    attacks_on_a_country,
    between_countries,
    bodies_of_listed_countries,
    bodies_that_took_a_country,
    borders_with_a_country,
    cases_a_national_court_ruled,
    demonyms_in_a_country,
    events_a_country_suffered,
    events_in_a_country_described_by_where,
    events_that_hit_a_country,
    exits_of_a_country,
    groups_a_country_backs,
    groups_comprising_countries,
    groups_founded_by_a_country,
    groups_from_countries,
    groups_joined_by_countries,
    groups_of_a_stated_nationality,
    incidents_in_a_city,
    incidents_that_harm_in_a_place,
    named_members_of_a_group,
    named_storms_in_a_country,
    nationality_nouns,
    noun_of_country,
    one_link_per_counted_group,
    pairs_of_countries,
    participle_from_country,
    peoples_of_a_country,
    subjects_placed_by_their_verb,
    things_a_country_leads,
    things_in_a_country,
    things_in_listed_countries,
    things_led_by_a_joined_country,
)
from .organisations import (
    acronyms_of_a_country,
    acronyms_with_a_nationality,
    bodies_a_country_owns,
    bodies_listed_after_a_possessive,
    bodies_placed_together,
    chambers_of_national_bodies,
    described_links,
    description_links,
    named_vessels,
    national_arms_of_brands,
    national_bodies_named_in_full,
    one_link_per_bracketed_name,
    one_link_per_headline_vote,
    one_link_per_listed_name,
    one_link_per_named_person,
    one_link_per_named_thing,
    organisation_links,
    organisations_in_titles,
)
from .persons import (
    headline_surnames,
    life_nouns,
    life_places,
    office_links,
    people_carried_to_a_place,
    people_killed_in_a_place,
    people_links,
    people_of_a_descent,
    people_succeeded_in_an_office,
    people_through_organisations,
)
from .places import (
    counted_things_links,
    dateline_links,
    elections_of_placed_voters,
    event_links,
    events_named_after_a_city,
    events_named_for_a_country,
    facilities_named_after_a_city,
    facility_links,
    home_nations_in_their_state,
    institutions_named_after_a_place,
    mainlands_of_countries,
    named_sites_placed,
    place_links,
    places_a_country_owns,
    regions_read_as_no_name,
    territories_in_their_state,
    towns_before_their_country,
    towns_described_by_their_region,
    towns_listed_in_a_country,
)
from .sites import (
    accidents_placed_beside_their_verb,
    accidents_read_as_nouns,
    sites_placed_by_their_place,
    sites_run_by_a_national_body,
    subjects_of_a_stated_place,
    what_a_placed_clause_tells,
)

__all__ = ["RULES", "extract_country_links"]

Rule = Callable[[CountryContext], None]
RULES: tuple[Rule, ...] = (
    dateline_links,
    people_links,
    headline_surnames,
    office_links,
    pairs_of_countries,
    organisation_links,
    national_arms_of_brands,
    bodies_placed_together,
    bodies_listed_after_a_possessive,
    national_bodies_named_in_full,
    acronyms_of_a_country,
    acronyms_with_a_nationality,
    organisations_in_titles,
    described_links,
    description_links,
    bodies_a_country_owns,
    named_vessels,
    chambers_of_national_bodies,
    people_of_a_descent,
    nationality_nouns,
    noun_of_country,
    between_countries,
    pacts_of_countries,
    trips_to_a_country,
    borders_with_a_country,
    bodies_of_listed_countries,
    groups_comprising_countries,
    groups_joined_by_countries,
    groups_founded_by_a_country,
    groups_from_countries,
    named_members_of_a_group,
    demonyms_in_a_country,
    peoples_of_a_country,
    groups_of_a_stated_nationality,
    events_in_a_country_described_by_where,
    events_that_hit_a_country,
    named_storms_in_a_country,
    exits_of_a_country,
    things_a_country_leads,
    things_led_by_a_joined_country,
    acts_backed_by_a_country,
    groups_a_country_backs,
    bodies_that_took_a_country,
    cases_a_national_court_ruled,
    participle_from_country,
    counted_things_links,
    things_in_a_country,
    things_in_listed_countries,
    things_in_a_described_country,
    figures_in_a_country,
    figures_a_country_has,
    the_dead_in_a_country,
    subjects_placed_by_their_verb,
    incidents_in_a_city,
    incidents_that_harm_in_a_place,
    events_a_country_suffered,
    acts_of_a_country,
    attacks_on_a_country,
    people_through_organisations,
    life_places,
    people_carried_to_a_place,
    people_killed_in_a_place,
    people_succeeded_in_an_office,
    life_nouns,
    event_links,
    elections_of_placed_voters,
    events_named_for_a_country,
    facility_links,
    named_sites_placed,
    places_a_country_owns,
    facilities_named_after_a_city,
    events_named_after_a_city,
    institutions_named_after_a_place,
    sites_placed_by_their_place,
    what_a_placed_clause_tells,
    subjects_of_a_stated_place,
    accidents_placed_beside_their_verb,
    accidents_read_as_nouns,
    sites_run_by_a_national_body,
    place_links,
    regions_read_as_no_name,
    towns_before_their_country,
    towns_listed_in_a_country,
    towns_described_by_their_region,
    home_nations_in_their_state,
    territories_in_their_state,
    mainlands_of_countries,
    one_link_per_named_thing,
    one_link_per_headline_vote,
    one_link_per_listed_name,
    one_link_per_bracketed_name,
    one_link_per_named_person,
    one_link_per_counted_group,
)


def extract_country_links(doc: Doc, *, people: PeopleLike | None) -> list[CountryLink]:
    """Every (subject, country) link the article states, once, with its first evidence sentence."""
    ctx = CountryContext(doc, people)
    for rule in RULES:
        rule(ctx)
    links = _without_abbreviated_twins(ctx.links)
    return sorted(links, key=lambda link: link.evidence_start)


def _without_abbreviated_twins(links: list[CountryLink]) -> list[CountryLink]:
    """ "US House of Representatives" (a headline's shorthand) beside "United States House of
    Representatives", "UK Supreme Court" beside "Supreme Court of the United Kingdom", is one body: the headline's country code before the same words as a link
    of the country in full is the same subject, so only the full one stays (in the text, a
    writer who spells "U.S. military" beside "United States military" names it twice)."""
    full = {(link.subject, link.country) for link in links}
    kept = []
    for link in links:
        code, _, rest = link.subject.partition(" ")
        twin = (
            link.evidence_start == 0  # the headline
            and rest
            and code.replace(".", "").isupper()
            and len(code.replace(".", "")) <= 3
        )
        if twin and any(
            subject != link.subject
            and country == link.country
            and _names_in_full(subject, rest, country)
            for subject, country in full
        ):
            continue
        kept.append(link)
    return kept


def _names_in_full(subject: str, rest: str, country: str) -> bool:
    """ "United States House" or "House of the United States" for the headline's "US House":
    the same words with the country written out before them or after "of"."""
    if subject.endswith(" " + rest):
        return geo.canonical_country(subject[: -len(rest) - 1]) == country
    owner = subject.removeprefix(rest + " of ")
    if owner == subject:
        return False
    return geo.canonical_country(owner.removeprefix("the ")) == country
