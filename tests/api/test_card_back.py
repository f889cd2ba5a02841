"""Flashcard study over the API (issue 14, item 12): the back of a card (answer,
evidence in its paragraph, article link) in the queue, on GET cards/{id}/ and in
review results; a published bank's article with evidence offsets, for the
banks the caller can see only."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import (
    OrderingQuestionFactory,
    QuestionBankFactory,
    QuestionFactory,
)

QUEUE = "/api/v1/study/queue/"
REVIEWS = "/api/v1/reviews/"
BATCH = "/api/v1/reviews/batch/"
SENTENCE = '"We will build new roads," said Jane Doe, a senior fellow.'


def with_evidence(question):
    """Point the question at the quotation's sentence of its article."""
    text = question.bank.article.text
    question.evidence_start = text.index(SENTENCE)
    question.evidence_end = question.evidence_start + len(SENTENCE)
    question.save()
    return question


@pytest.fixture
def evidenced_bank(teacher):
    bank = QuestionBankFactory(owner=teacher, title="Roads")
    with_evidence(QuestionFactory(bank=bank))
    return bank


def test_queue_item_carries_the_back_with_evidence_in_its_paragraph(api, evidenced_bank):
    item = api.get(QUEUE, {"bank": evidenced_bank.pk}).json()["items"][0]
    back = item["back"]
    question = evidenced_bank.questions.get()
    right = question.choices.get(is_correct=True)
    assert back["answer"] == "Jane Doe"
    assert back["correct_choice_id"] == right.pk
    assert back["correct_order"] is None
    assert back["evidence"] == SENTENCE
    text = evidenced_bank.article.text
    assert text[back["evidence_start"] : back["evidence_end"]] == SENTENCE
    paragraph = back["paragraph"]
    assert paragraph["text"] == SENTENCE  # the sentence is a paragraph of its own here
    assert paragraph["text"][paragraph["evidence_start"] : paragraph["evidence_end"]] == SENTENCE
    assert back["article_id"] == evidenced_bank.article_id
    assert back["article_url"] == f"/api/v1/banks/{evidenced_bank.pk}/article/"
    assert back["source_url"] == evidenced_bank.article.url
    # The front still tells nothing.
    assert "answer" not in item["question"]
    assert all(set(c) == {"id", "text"} for c in item["question"]["choices"])


def test_back_of_a_question_without_evidence_or_article(api, teacher):
    bank = QuestionBankFactory(owner=teacher, article=None)
    QuestionFactory(bank=bank)
    back = api.get(QUEUE, {"bank": bank.pk}).json()["items"][0]["back"]
    assert back["answer"] == "Jane Doe"
    assert back["evidence"] == ""
    assert back["paragraph"] is None
    assert back["article_id"] is None
    assert back["article_url"] is None


def test_back_of_a_timeline_gives_the_right_order(api, teacher):
    bank = QuestionBankFactory(owner=teacher)
    question = OrderingQuestionFactory(bank=bank)
    back = api.get(QUEUE, {"bank": bank.pk}).json()["items"][0]["back"]
    expected = list(question.choices.order_by("position").values_list("pk", flat=True))
    assert back["correct_order"] == expected
    assert back["correct_choice_id"] is None


def test_review_result_returns_the_back(api, evidenced_bank):
    card_id = api.get(QUEUE, {"bank": evidenced_bank.pk}).json()["items"][0]["id"]
    body = api.post(
        REVIEWS, {"card": card_id, "rating": 3, "client_uuid": str(uuid.uuid4())}
    ).json()
    assert body["back"]["evidence"] == SENTENCE
    assert body["back"]["answer"] == "Jane Doe"


def test_batch_results_return_the_back(api, evidenced_bank):
    card_id = api.get(QUEUE, {"bank": evidenced_bank.pk}).json()["items"][0]["id"]
    review = {
        "card": card_id,
        "rating": 3,
        "client_uuid": str(uuid.uuid4()),
        "reviewed_at": "2025-01-01T09:00:00Z",
    }
    bad = {**review, "client_uuid": str(uuid.uuid4()), "rating": 9}
    body = api.post(BATCH, {"reviews": [review, bad]}).json()
    assert body["results"][0]["result"]["back"]["evidence"] == SENTENCE
    assert "result" not in body["results"][1]
    replay = api.post(BATCH, {"reviews": [review]}).json()
    assert replay["results"][0]["result"]["back"]["answer"] == "Jane Doe"


def test_card_detail_front_back_and_state(api, evidenced_bank, student):
    card_id = api.get(QUEUE, {"bank": evidenced_bank.pk}).json()["items"][0]["id"]
    api.post(REVIEWS, {"card": card_id, "rating": 3})
    response = api.get(f"/api/v1/cards/{card_id}/")
    assert response.status_code == 200
    body = response.json()
    question = evidenced_bank.questions.get()
    assert body["id"] == card_id
    assert body["question_id"] == question.pk
    assert body["question"]["prompt"] == question.prompt
    assert "answer" not in body["question"]
    assert body["state"] == "learning"
    assert body["reps"] == 1
    assert body["back"]["evidence"] == SENTENCE


def test_card_detail_of_another_students_card_is_404(other_api, api, evidenced_bank):
    card_id = api.get(QUEUE, {"bank": evidenced_bank.pk}).json()["items"][0]["id"]
    response = other_api.get(f"/api/v1/cards/{card_id}/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert "back" not in response.json()


def test_card_detail_queries_are_fixed(api, evidenced_bank, django_assert_num_queries):
    card_id = api.get(QUEUE, {"bank": evidenced_bank.pk}).json()["items"][0]["id"]
    # card with question/bank/article, choices, article text (the token's user is cached)
    with django_assert_num_queries(3):
        assert api.get(f"/api/v1/cards/{card_id}/").status_code == 200


# --- the article ---------------------------------------------------------------------------
def article_url(bank) -> str:
    return f"/api/v1/banks/{bank.pk}/article/"


def test_student_reads_a_published_banks_article_with_evidence_offsets(api, evidenced_bank):
    QuestionFactory(bank=evidenced_bank, status="draft")  # a draft shows no evidence
    response = api.get(article_url(evidenced_bank))
    assert response.status_code == 200
    assert response["ETag"]
    body = response.json()
    article = evidenced_bank.article
    assert body["id"] == article.pk
    assert body["text"] == article.text
    assert body["source_url"] == article.url
    question = evidenced_bank.questions.get(status="published")
    [span] = body["evidence"]
    assert span["question"] == question.pk
    assert body["text"][span["start"] : span["end"]] == SENTENCE
    paragraph = body["paragraphs"][span["paragraph"]]
    assert body["text"][paragraph["start"] : paragraph["end"]] == SENTENCE
    assert [p["index"] for p in body["paragraphs"]] == list(range(len(body["paragraphs"])))


def test_article_of_a_draft_bank_is_404_for_students(api, teacher):
    bank = QuestionBankFactory(owner=teacher, status="draft")
    with_evidence(QuestionFactory(bank=bank))
    response = api.get(article_url(bank))
    assert response.status_code == 404
    assert "text" not in response.json()


def test_article_of_another_teachers_draft_bank_is_404(other_teacher_api, teacher):
    bank = QuestionBankFactory(owner=teacher, status="draft")
    assert other_teacher_api.get(article_url(bank)).status_code == 404


def test_article_needs_authentication_and_a_bank_with_an_article(
    anon, api, evidenced_bank, teacher
):
    assert anon.get(article_url(evidenced_bank)).status_code == 401
    bare = QuestionBankFactory(owner=teacher, article=None)
    response = api.get(article_url(bare))
    assert response.status_code == 404
    assert response.json()["detail"] == "This bank has no article."


def test_the_queue_json_is_what_its_serializers_write(api, student, teacher, evidenced_bank):
    """The queue view writes its JSON directly (queue_json): the same as the
    documented serializers would, for every kind of item and back."""
    from learning import selectors, services
    from learning.rest_api import serializers as s

    OrderingQuestionFactory(bank=evidenced_bank)
    QuestionFactory(bank=QuestionBankFactory(owner=teacher, article=None))
    first = api.get(QUEUE).json()["items"][0]
    api.post(REVIEWS, {"card": first["card"], "rating": 1, "client_uuid": str(uuid.uuid4())})
    later = timezone.now() + timedelta(hours=1)  # the card answered Again is due again
    queue = services.study_queue_open(user=student, limit=20, now=later)
    backs = selectors.card_backs_of([item.question_row for item in queue.items])
    data = s.queue_data(queue, backs)
    assert {item.is_new for item in queue.items} == {True, False}
    assert len(queue.items) == 3
    assert s.queue_json(data) == s.QueueSerializer(data).data


def test_the_batch_json_is_what_its_serializers_write(api, student, teacher, evidenced_bank):
    """The batch view writes its JSON directly (batch_result_json): the same as the
    documented serializers would, for applied, replayed and refused items, backs
    with and without an article, a multiple-choice and a timeline card."""
    from learning import selectors, services
    from learning.rest_api import serializers as s

    OrderingQuestionFactory(bank=evidenced_bank)
    QuestionFactory(bank=QuestionBankFactory(owner=teacher, article=None))
    cards = [item["card"] for item in api.get(QUEUE, {"limit": 20}).json()["items"]]
    assert len(cards) == 3
    start = timezone.now() - timedelta(hours=1)
    sent = {"card": cards[0], "rating": 3, "client_uuid": str(uuid.uuid4())}
    services.review_batch_record(user=student, items=[{**sent, "reviewed_at": start}])
    items = [
        {**sent, "reviewed_at": start},  # a replay
        *(
            {"card": card, "rating": 1, "reviewed_at": start + timedelta(minutes=i)}
            for i, card in enumerate(cards[1:], start=1)
        ),
        {"card": 10**9, "rating": 3, "reviewed_at": start},  # not a card of theirs
    ]
    outcomes = services.review_batch_record(user=student, items=items)
    backs = selectors.card_backs(
        user=student, card_ids=[o["result"]["card"] for o in outcomes if o["ok"]]
    )
    for outcome in outcomes:
        if outcome["ok"]:
            outcome["result"] = {**outcome["result"], "back": backs[outcome["result"]["card"]]}
    outcomes.append({"client_uuid": None, "ok": False, "errors": {"card": ["Required."]}})
    body = {"results": outcomes, "ok": 3, "failed": 2}
    assert [o["ok"] for o in outcomes] == [True, True, True, False, False]
    assert outcomes[0]["result"]["replayed"] is True
    assert {o["result"]["back"].article_id is None for o in outcomes[:3]} == {True, False}
    assert s.batch_result_json(body) == s.BatchResultSerializer(body).data


def test_the_review_json_is_what_its_serializer_writes(api, student, teacher, evidenced_bank):
    """POST reviews/ writes its JSON directly (review_result_json): the same as
    ReviewResponseSerializer would, for a rating, a replay, a right and a wrong
    choice, backs with and without an article and a timeline card."""
    from learning import selectors, services
    from learning.rest_api import serializers as s

    OrderingQuestionFactory(bank=evidenced_bank)
    QuestionFactory(bank=QuestionBankFactory(owner=teacher, article=None))
    items = api.get(QUEUE, {"limit": 20}).json()["items"]
    assert len(items) == 3
    label = uuid.uuid4()
    answers = [(item["card"], {"rating": 3}) for item in items]
    answers += [(items[0]["card"], {"rating": 1, "client_uuid": label})] * 2  # then a replay
    choices = items[0]["question"]["choices"]
    answers += [(items[0]["card"], {"choice_id": choice["id"]}) for choice in choices]
    replays = []
    for card, answer in answers:
        result = services.review_record(user=student, card_id=card, source="api", **answer)
        back = selectors.card_backs(user=student, card_ids=[card])[card]
        body = {**result.as_dict(), "replayed": result.replayed, "back": back}
        assert s.review_result_json(body) == s.ReviewResponseSerializer(body).data
        replays.append(result.replayed)
    assert replays.count(True) == 1
    assert len(choices) >= 2


def test_a_review_answers_the_back_card_backs_reads(api, student, teacher, evidenced_bank):
    """POST reviews/ reads the card's back with the card it answers (one statement):
    the same back as card_backs reads on its own, for a multiple-choice question
    with its article, a timeline, a question without article, and a replay."""
    from learning import selectors
    from learning.rest_api import serializers as s

    OrderingQuestionFactory(bank=evidenced_bank)
    QuestionFactory(bank=QuestionBankFactory(owner=teacher, article=None))
    items = api.get(QUEUE, {"limit": 20}).json()["items"]
    assert len(items) == 3
    label = str(uuid.uuid4())
    posts = [{"card": item["card"], "rating": 3} for item in items]
    posts += [{"card": items[0]["card"], "rating": 1, "client_uuid": label}] * 2
    for body in posts:
        response = api.post(REVIEWS, body)
        assert response.status_code in (200, 201)
        card = body["card"]
        expected = s.card_back_json(selectors.card_backs(user=student, card_ids=[card])[card])
        assert response.json()["back"] == expected
    assert response.status_code == 200  # (the last one a replay)


def test_the_queue_reverses_a_banks_article_address_once(api, teacher, monkeypatch):
    """Every back of a queue carries its bank's article address: reversed once per
    bank in a process, not once per card (issue 16), and the same address."""
    from django.urls import reverse

    from config import reversed_urls

    bank = QuestionBankFactory(owner=teacher, title="Bridges")
    for _ in range(3):  # (three facts of the article: no sibling waits)
        QuestionFactory(bank=bank)
    reversed_for: list[object] = []

    def counting(*args, **kwargs):
        reversed_for.append(kwargs.get("kwargs"))
        return reverse(*args, **kwargs)

    reversed_urls._reversed.cache_clear()
    monkeypatch.setattr(reversed_urls, "reverse", counting)
    for _ in range(2):
        items = api.get(QUEUE, {"bank": bank.pk}).json()["items"]
        assert len(items) == 3
        assert {item["back"]["article_url"] for item in items} == {
            f"/api/v1/banks/{bank.pk}/article/"
        }
    assert reversed_for == [{"pk": bank.pk}]


def test_a_banks_article_address_follows_the_script_prefix(evidenced_bank):
    from django.urls import set_script_prefix

    from learning.rest_api.serializers import bank_article_url

    assert bank_article_url(evidenced_bank.pk) == f"/api/v1/banks/{evidenced_bank.pk}/article/"
    set_script_prefix("/school/")
    try:
        assert bank_article_url(evidenced_bank.pk) == (
            f"/school/api/v1/banks/{evidenced_bank.pk}/article/"
        )
    finally:
        set_script_prefix("/")
