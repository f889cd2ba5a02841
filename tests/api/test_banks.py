"""GET banks/, banks/{id}/, banks/{id}/questions/: published only, the caller's
figures, no answer leaks, conditional GET, constant queries."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from learning.models import Card, CardState
from tests.factories import CardFactory, QuestionBankFactory, QuestionFactory

BANKS = "/api/v1/banks/"


def test_bank_list_shows_published_banks_with_counts(api, bank, teacher):
    QuestionBankFactory(owner=teacher, title="Draft bank", status="draft")
    QuestionFactory(bank=bank, status="draft")
    response = api.get(BANKS)
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert body["next"] is None
    (item,) = body["results"]
    assert item["id"] == bank.pk
    assert item["title"] == "World news"
    assert item["question_count"] == 5
    assert item["due"] == 0
    assert item["new"] == 5
    assert item["mastery"] == 0.0
    assert item["article"]["title"] == bank.article.title


def test_bank_list_counts_the_callers_due_cards_only(api, bank, student, other_student):
    questions = list(bank.questions.all())
    past = timezone.now() - timezone.timedelta(hours=1)
    for question in questions[:2]:
        CardFactory(
            user=student,
            question=question,
            state=CardState.REVIEW,
            due=past,
            stability=3.0,
            difficulty=5.0,
            last_review=past - timezone.timedelta(days=3),
        )
    CardFactory(user=other_student, question=questions[2], state=CardState.REVIEW, due=past)
    item = api.get(BANKS).json()["results"][0]
    assert item["due"] == 2
    assert item["new"] == 3
    assert item["mastery"] > 0


def test_bank_list_is_paginated_and_filterable(api, teacher):
    for number in range(3):
        QuestionBankFactory(owner=teacher, title=f"Bank {number:02d}")
    QuestionBankFactory(owner=teacher, title="Elections")
    first = api.get(BANKS, {"page_size": 2}).json()
    assert first["count"] == 4
    assert len(first["results"]) == 2
    assert "page=2" in first["next"]
    second = api.get(first["next"]).json()
    assert [b["title"] for b in second["results"]] == ["Bank 02", "Elections"]
    assert [b["title"] for b in api.get(BANKS, {"q": "elect"}).json()["results"]] == ["Elections"]


def test_bank_detail_and_draft_is_404(api, bank, teacher):
    response = api.get(f"{BANKS}{bank.pk}/")
    assert response.status_code == 200
    assert response.json()["question_count"] == 5
    draft = QuestionBankFactory(owner=teacher, status="draft")
    missing = api.get(f"{BANKS}{draft.pk}/")
    assert missing.status_code == 404
    assert missing.json()["code"] == "not_found"


def test_questions_never_reveal_the_answer(api, bank):
    response = api.get(f"{BANKS}{bank.pk}/questions/")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 5
    question = body["results"][0]
    assert set(question) == {"id", "kind", "prompt", "choices"}
    assert all(set(choice) == {"id", "text"} for choice in question["choices"])
    assert "is_correct" not in response.content.decode()
    assert "Jane Doe" in {c["text"] for c in question["choices"]}


def test_questions_filter_by_kind_and_reject_unknown_kind(api, bank):
    QuestionFactory(
        bank=bank,
        kind="which_country",
        prompt="Where is Tashkent?",
        answer="Uzbekistan",
        choices=["Uzbekistan", "Kazakhstan"],
    )
    kinds = [
        q["kind"]
        for q in api.get(f"{BANKS}{bank.pk}/questions/", {"kind": "which_country"}).json()[
            "results"
        ]
    ]
    assert kinds == ["which_country"]
    bad = api.get(f"{BANKS}{bank.pk}/questions/", {"kind": "riddle"})
    assert bad.status_code == 400
    assert list(bad.json()["errors"]) == ["kind"]


def test_timeline_items_are_not_listed_in_answer_order(api, bank):
    events = [f"Event {n}" for n in range(8)]
    question = QuestionFactory(
        bank=bank, kind="ordering", prompt="Put in order", answer=" > ".join(events), choices=[]
    )
    for position, text in enumerate(events, start=1):
        question.choices.create(text=text, position=position)
    response = api.get(f"{BANKS}{bank.pk}/questions/", {"kind": "ordering"})
    shown = [c["text"] for c in response.json()["results"][0]["choices"]]
    assert sorted(shown) == sorted(events)
    assert shown != events


def test_questions_of_a_draft_bank_are_404(api, teacher):
    draft = QuestionBankFactory(owner=teacher, status="draft")
    QuestionFactory(bank=draft)
    assert api.get(f"{BANKS}{draft.pk}/questions/").status_code == 404


def test_conditional_get_answers_304_until_the_bank_changes(api, bank):
    url = f"{BANKS}{bank.pk}/questions/"
    first = api.get(url)
    etag = first["ETag"]
    assert first["Cache-Control"] == "private, no-cache"
    again = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    question = bank.questions.first()
    question.prompt = "Who said it, really?"
    question.save()
    changed = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_bank_list_queries_do_not_grow_with_banks(api, student, teacher, django_assert_num_queries):
    bank = QuestionBankFactory(owner=teacher)
    CardFactory(user=student, question=QuestionFactory(bank=bank))
    one = _queries(api, BANKS)
    for _ in range(6):
        other = QuestionBankFactory(owner=teacher)
        for question in QuestionFactory.create_batch(3, bank=other):
            CardFactory(user=student, question=question)
    assert Card.objects.filter(user=student).count() == 19
    with django_assert_num_queries(one):
        response = api.get(BANKS)
    assert response.json()["count"] == 7


def test_questions_queries_do_not_grow_with_questions(api, teacher, django_assert_num_queries):
    bank = QuestionBankFactory(owner=teacher)
    QuestionFactory(bank=bank)
    url = f"{BANKS}{bank.pk}/questions/"
    one = _queries(api, url)
    QuestionFactory.create_batch(20, bank=bank)
    with django_assert_num_queries(one):
        assert api.get(url).json()["count"] == 21
