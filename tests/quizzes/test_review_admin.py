"""The admin's "Review drafts" page (quizzes/review_admin.py) and the authoring
lists around it: one question at a time with its answer, choices, evidence,
rule and confidence; accept, reject, edit in place, new distractors, bulk
decisions; only the bank's owner."""

from __future__ import annotations

import pytest
from django.urls import reverse

from quizzes.models import Choice, Question
from tests.factories import ArticleFactory, QuestionBankFactory, QuestionFactory

pytestmark = pytest.mark.django_db

ARTICLE = (
    "Danube states agree flood warning pact\n"
    "Six countries signed an agreement in Vienna on Wednesday.\n"
    '"A flood does not stop at a border," said Marta Kovacs, Hungary\'s water minister.\n'
)


@pytest.fixture
def draft_bank(teacher):
    article = ArticleFactory(created_by=teacher, text=ARTICLE, title="Danube pact")
    bank = QuestionBankFactory(owner=teacher, article=article, status="draft", title="Danube")
    start = ARTICLE.index('"A flood')
    end = ARTICLE.index("minister.") + len("minister.")
    sure = QuestionFactory(
        bank=bank,
        status="draft",
        origin="generated",
        prompt="Who said: “A flood does not stop at a border”?",
        answer="Marta Kovacs",
        choices=["Marta Kovacs", "Petar Ilic", "Ana Dumitrescu", "Lukas Berger"],
        confidence=0.9,
        rule="quote.said_after",
        evidence_start=start,
        evidence_end=end,
    )
    unsure = QuestionFactory(
        bank=bank,
        status="draft",
        origin="generated",
        kind="which_country",
        prompt="Which country is Marta Kovacs the water minister of?",
        answer="Hungary",
        choices=["Austria", "Hungary", "Romania", "Bulgaria"],
        confidence=0.35,
        rule="country.office_of",
    )
    plain = QuestionFactory(
        bank=bank,
        status="draft",
        origin="generated",
        kind="true_false",
        prompt="True or false? Six countries signed an agreement in Vienna.",
        answer="True",
        choices=["True", "False"],
    )
    return bank, {"sure": sure, "unsure": unsure, "plain": plain}


def review_url(bank, question=None):
    url = reverse("admin:quizzes_questionbank_review", args=[bank.pk])
    return f"{url}?q={question.pk}" if question else url


def act(client, bank, action, question=None, **data):
    payload = {"action": action, **data}
    if question is not None:
        payload["question"] = question.pk
    return client.post(reverse("admin:quizzes_questionbank_review_act", args=[bank.pk]), payload)


def test_review_starts_with_the_least_sure_draft_and_shows_what_a_reviewer_needs(
    teacher_client, draft_bank
):
    bank, questions = draft_bank

    response = teacher_client.get(review_url(bank))

    assert response.status_code == 200
    assert response.context["question"] == questions["unsure"]
    queue = [q.pk for q in response.context["queue"].questions]
    assert queue == [questions["unsure"].pk, questions["sure"].pk, questions["plain"].pk]
    body = response.content.decode()
    assert "Which country is Marta Kovacs the water minister of?" in body
    assert "confidence 0.35" in body
    assert "rule: country.office_of" in body
    assert 'Hungary <span class="review-tag">✓ answer</span>' in body
    assert 'data-testid="drafts-left">3</strong> drafts left' in body
    for key in ("a", "r", "e", "d", "j", "k", "?"):
        assert f'data-review-key="{key}"' in body
    assert "<script>" not in body  # strict CSP: scripts and styles come from files only
    assert "style=" not in body


def test_evidence_is_highlighted_in_its_paragraph(teacher_client, draft_bank):
    bank, questions = draft_bank

    body = teacher_client.get(review_url(bank, questions["sure"])).content.decode()

    assert "<mark>&quot;A flood does not stop at a border,&quot; said Marta Kovacs" in body


def test_a_question_without_confidence_shows_none(teacher_client, draft_bank):
    bank, questions = draft_bank

    body = teacher_client.get(review_url(bank, questions["plain"])).content.decode()

    assert "confidence" not in body.split('data-testid="review-card"')[1].split("</p>")[0]


def test_accept_publishes_and_moves_to_the_next_draft(teacher_client, draft_bank):
    bank, questions = draft_bank

    response = act(teacher_client, bank, "accept", questions["unsure"])

    assert response.status_code == 302
    assert response["Location"] == review_url(bank, questions["sure"])
    questions["unsure"].refresh_from_db()
    assert questions["unsure"].status == "published"
    page = teacher_client.get(response["Location"])
    assert "Accepted: “Which country is Marta Kovacs the water minister of?”. 2 draft(s) left." in (
        page.content.decode()
    )


def test_reject_and_back_to_draft(teacher_client, draft_bank):
    bank, questions = draft_bank

    act(teacher_client, bank, "reject", questions["sure"])
    questions["sure"].refresh_from_db()
    assert questions["sure"].status == "rejected"
    act(teacher_client, bank, "draft", questions["sure"])
    questions["sure"].refresh_from_db()
    assert questions["sure"].status == "draft"


def test_edit_one_choice_in_place_and_the_answer_follows(teacher_client, draft_bank):
    bank, questions = draft_bank
    question = questions["unsure"]
    hungary = question.choices.get(text="Hungary")
    data = {
        "prompt": question.prompt,
        "correct": hungary.pk,
        **{f"choice_{c.pk}": c.text for c in question.choices.all()},
        f"choice_{hungary.pk}": "Republic of Hungary",
    }

    response = act(teacher_client, bank, "edit", question, **data)

    assert response.status_code == 302
    question.refresh_from_db()
    assert question.answer == "Republic of Hungary"
    assert question.choices.get(pk=hungary.pk).text == "Republic of Hungary"


def test_edit_the_prompt_and_a_typed_answer_in_place(teacher_client, draft_bank):
    bank, questions = draft_bank
    cloze = QuestionFactory(
        bank=bank,
        status="draft",
        origin="generated",
        kind="cloze",
        prompt="Fill in the blank: Six countries signed an agreement in _____.",
        answer="Vienna",
        choices=[],
    )
    country = questions["unsure"]

    typed = act(
        teacher_client,
        bank,
        "edit",
        cloze,
        prompt="Fill in the blank: The agreement was signed in _____ on Wednesday.",
        answer="Vienna, Austria",
    )
    reworded = act(
        teacher_client,
        bank,
        "edit",
        country,
        prompt="Which country's water minister is Marta Kovacs?",
        correct=country.choices.get(text="Hungary").pk,
        **{f"choice_{c.pk}": c.text for c in country.choices.all()},
    )

    assert (typed.status_code, reworded.status_code) == (302, 302)
    cloze.refresh_from_db()
    assert cloze.prompt == "Fill in the blank: The agreement was signed in _____ on Wednesday."
    assert cloze.answer == "Vienna, Austria"
    country.refresh_from_db()
    assert country.prompt == "Which country's water minister is Marta Kovacs?"
    assert country.answer == "Hungary"
    assert country.status == "draft"  # editing is not deciding


def test_a_refused_edit_names_the_problem_and_changes_nothing(teacher_client, draft_bank):
    bank, questions = draft_bank
    question = questions["unsure"]
    before = list(question.choices.values_list("text", flat=True))
    data = {
        "prompt": "Changed prompt",
        "correct": question.choices.get(text="Hungary").pk,
        **{f"choice_{c.pk}": "Austria" for c in question.choices.all()},  # all the same
    }

    response = act(teacher_client, bank, "edit", question, **data)

    assert response.status_code == 400
    assert "Choices must differ; repeated: austria." in response.content.decode()
    question.refresh_from_db()
    assert question.prompt == "Which country is Marta Kovacs the water minister of?"
    assert list(question.choices.values_list("text", flat=True)) == before


def test_new_distractors_keep_the_answer_and_bring_other_countries(teacher_client, draft_bank):
    bank, questions = draft_bank
    question = questions["unsure"]
    before = set(question.choices.filter(is_correct=False).values_list("text", flat=True))

    response = act(teacher_client, bank, "distractors", question)

    assert response.status_code == 302
    correct = question.choices.get(is_correct=True)
    assert correct.text == "Hungary"
    after = set(question.choices.filter(is_correct=False).values_list("text", flat=True))
    assert len(after) == 3
    assert not after & before
    assert "Hungary" not in after
    question.refresh_from_db()
    assert question.answer == "Hungary"


def test_true_or_false_has_no_distractors_to_renew(teacher_client, draft_bank):
    bank, questions = draft_bank

    response = act(teacher_client, bank, "distractors", questions["plain"])

    page = teacher_client.get(response["Location"]).content.decode()
    assert "True or false questions have no distractors to renew." in page
    assert list(questions["plain"].choices.values_list("text", flat=True)) == ["True", "False"]


def test_bulk_publish_at_or_above_a_confidence(teacher_client, draft_bank):
    bank, questions = draft_bank

    act(teacher_client, bank, "publish_confident", confidence="0.9")

    statuses = dict(bank.questions.values_list("pk", "status"))
    assert statuses[questions["sure"].pk] == "published"  # 0.9 >= 0.9
    assert statuses[questions["unsure"].pk] == "draft"
    assert statuses[questions["plain"].pk] == "draft"  # no confidence: left to the teacher


def test_bulk_publish_refuses_a_confidence_out_of_range(teacher_client, draft_bank):
    bank, _ = draft_bank

    response = act(teacher_client, bank, "publish_confident", confidence="7")

    page = teacher_client.get(response["Location"]).content.decode()
    assert "Pick a confidence between 0 and 1." in page
    assert not bank.questions.filter(status="published").exists()


def test_reject_all_of_one_kind(teacher_client, draft_bank):
    bank, questions = draft_bank

    act(teacher_client, bank, "reject_kind", kind="true_false")

    assert dict(bank.questions.values_list("kind", "status")) == {
        "who_said": "draft",
        "which_country": "draft",
        "true_false": "rejected",
    }


def test_publish_the_bank_with_accepted_questions_only(teacher_client, draft_bank):
    bank, questions = draft_bank
    act(teacher_client, bank, "accept", questions["sure"])

    act(teacher_client, bank, "publish_bank")

    bank.refresh_from_db()
    assert bank.status == "published"
    assert list(Question.objects.published().filter(bank=bank)) == [questions["sure"]]


def test_another_teacher_cannot_see_or_change_the_review(client, other_teacher, draft_bank):
    bank, questions = draft_bank
    client.force_login(other_teacher)

    assert client.get(review_url(bank)).status_code in (302, 403, 404)
    response = act(client, bank, "accept", questions["sure"])
    assert response.status_code in (302, 403, 404)
    if response.status_code == 302:
        assert "/review/" not in response["Location"]
    questions["sure"].refresh_from_db()
    assert questions["sure"].status == "draft"


def test_a_question_of_another_bank_is_not_found(teacher_client, draft_bank, teacher):
    bank, _ = draft_bank
    elsewhere = QuestionFactory(bank=QuestionBankFactory(owner=teacher), status="draft")

    assert act(teacher_client, bank, "accept", elsewhere).status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.status == "draft"


def test_review_page_refuses_other_methods(teacher_client, draft_bank):
    bank, _ = draft_bank
    assert teacher_client.post(review_url(bank)).status_code == 405
    url = reverse("admin:quizzes_questionbank_review_act", args=[bank.pk])
    assert teacher_client.get(url).status_code == 405


# The authoring lists and titles ---------------------------------------------------------


def test_question_list_shows_the_answer_and_the_choices(teacher_client, draft_bank):
    bank, _ = draft_bank

    body = teacher_client.get(
        reverse("admin:quizzes_question_changelist") + f"?bank__id__exact={bank.pk}"
    ).content.decode()

    assert '<td class="field-answer_text">Hungary</td>' in body
    assert '<li class="is-correct">Hungary</li><li class="">Romania</li>' in body


def test_titles_show_the_prompt_once(teacher_client, draft_bank):
    bank, questions = draft_bank
    question = questions["sure"]

    body = teacher_client.get(
        reverse("admin:quizzes_question_change", args=[question.pk])
    ).content.decode()

    assert str(question) == "Who said: “A flood does not stop at a border”?"
    assert "Who said: Who said" not in body
    assert "Who said: “A flood does not stop at a border”?" in body


def test_bank_page_links_to_review_and_preview(teacher_client, draft_bank):
    bank, _ = draft_bank

    body = teacher_client.get(
        reverse("admin:quizzes_questionbank_change", args=[bank.pk])
    ).content.decode()

    assert review_url(bank) in body
    assert reverse("web:bank_preview", args=[bank.pk]) in body


def test_choices_unchanged_when_the_kind_has_none(teacher_client, draft_bank):
    bank, questions = draft_bank
    assert Choice.objects.filter(question=questions["plain"]).count() == 2
