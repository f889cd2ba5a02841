"""Country links of what countries make, fight or visit together: deals, wars, talks and
trips (``countries.dealings`` and ``groups.between_countries``), on invented sentences."""

from __future__ import annotations


def test_a_dispute_keeps_its_sides_and_no_word_before_it(pairs_of):
    found = pairs_of("Meanwhile, the dispute between Chile and Peru over fishing rights grew.")
    assert found == {
        ("dispute between Chile and Peru", "Chile"),
        ("dispute between Chile and Peru", "Peru"),
    }


def test_a_pact_a_participle_places_between_countries(pairs_of):
    found = pairs_of("Officials praised the pact signed between Ghana and Togo last year.")
    assert found == {
        ("pact signed between Ghana and Togo", "Ghana"),
        ("pact signed between Ghana and Togo", "Togo"),
    }


def test_talks_a_relative_clause_places_between_countries(pairs_of):
    found = pairs_of("This followed talks the ministry arranged between Ghana, Togo, and Benin.")
    assert {country for _, country in found} == {"Ghana", "Togo", "Benin"}
    assert all(subject.startswith("talks the ministry arranged") for subject, _ in found)


def test_a_second_between_adds_its_countries_to_the_same_deals(pairs_of):
    found = pairs_of(
        "The ministry welcomed new agreements between Chile and Bolivia and between Peru, "
        "Ecuador, and Colombia."
    )
    assert {country for _, country in found} == {"Chile", "Bolivia", "Peru", "Ecuador", "Colombia"}


def test_ties_a_named_accord_restored_are_the_accord_s(pairs_of):
    found = pairs_of(
        "The minister praised the Kelso Accord that restored relations between Ghana and Togo."
    )
    assert found == {("Kelso Accord", "Ghana"), ("Kelso Accord", "Togo")}


def test_a_dispute_named_again_between_the_same_countries_is_linked_once(pairs_of):
    found = pairs_of(
        "Talks on the latest dispute between Chile and Peru stalled. "
        "The dispute between Chile and Peru began in May."
    )
    assert found == {
        ("latest dispute between Chile and Peru", "Chile"),
        ("latest dispute between Chile and Peru", "Peru"),
    }


def test_countries_that_fought_a_war_are_its_sides(pairs_of):
    found = pairs_of("Chile and Peru fought a war over the desert region in 1879.")
    assert found == {
        ("war over the desert region", "Chile"),
        ("war over the desert region", "Peru"),
    }


def test_a_country_that_brokered_a_deal_and_one_it_signed_with(pairs_of):
    assert pairs_of("Norway brokered a ceasefire deal but clashes went on.") == {
        ("ceasefire deal", "Norway")
    }
    assert pairs_of("Peru signed a trade pact with Chile on Friday.") == {
        ("trade pact", "Peru"),
        ("trade pact", "Chile"),
    }


def test_a_person_s_deal_is_no_pact_of_the_country_it_is_made_with(pairs_of):
    assert pairs_of("The banker Ana Lind signed the deal with Chile.") == set()


def test_a_trip_or_a_tour_goes_to_its_country(pairs_of):
    assert pairs_of("During a 2017 trip to Peru, the minister met farmers.") == {
        ("2017 trip to Peru", "Peru")
    }
    assert ("tour of Japan", "Japan") in pairs_of("The singer began a tour of Japan in May.")


def test_the_visit_of_a_person_is_not_a_trip_to_their_country(pairs_of):
    found = pairs_of("The visit of the Chilean minister went well.")
    assert not any(subject.startswith("visit") for subject, _ in found)


def test_representatives_from_a_list_of_countries(pairs_of):
    found = pairs_of("Representatives from Ghana, Togo, and Benin met in the capital.")
    assert found == {
        ("Representatives", "Ghana"),
        ("Representatives", "Togo"),
        ("Representatives", "Benin"),
    }


def test_a_post_soviet_state_is_no_thing_of_the_soviet_union(pairs_of):
    assert pairs_of("Border clashes between the two post-Soviet republics went on.") == set()


def test_a_country_s_doing_is_no_thing_of_it(pairs_of):
    assert pairs_of("The minister said the blast was likely Peru's doing.") == set()
