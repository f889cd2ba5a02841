"""One naming rule across the learner endpoints (issue 14, item 14): an object's
own id is `id`, another object's id is `<name>_id`. v1's older names stay,
with the same values, marked deprecated in the schema."""

from __future__ import annotations

QUEUE = "/api/v1/study/queue/"

DEPRECATED = {  # component -> {old name: new name}
    "QueueItem": {"card": "card_id"},
    "ReviewResponse": {"card": "card_id", "correct_choice": "correct_choice_id"},
    "UndoResponse": {"question": "question_id"},
    "Attempt": {"bank": "bank_id", "answered": "answered_count"},
    "AttemptDetail": {"bank": "bank_id", "answered": "answered_count"},
    "AttemptReviewItem": {
        "question": "question_id",
        "correct_choice": "correct_choice_id",
        "article": "article_id",
    },
    "QuizAnswerResult": {
        "question": "question_id",
        "correct_choice": "correct_choice_id",
        "answer": "correct_answer",
        "answered": "answered_count",
    },
}


def test_old_names_are_deprecated_next_to_their_new_ones(anon, db):
    schema = anon.get("/api/v1/schema/", {"format": "json"}).json()
    for component, renames in DEPRECATED.items():
        properties = schema["components"]["schemas"][component]["properties"]
        for old, new in renames.items():
            assert properties[old].get("deprecated") is True, (component, old)
            assert not properties[new].get("deprecated"), (component, new)
    # On GET cards/{id}/, `question` is the front (an object), not the deprecated id.
    properties = schema["components"]["schemas"]["CardDetail"]["properties"]
    assert "deprecated" not in properties["question"]
    assert properties["question_id"].get("deprecated") is not True


def same(body: dict, renames: dict) -> None:
    for old, new in renames.items():
        assert body[old] == body[new], (old, new)


def test_old_and_new_names_carry_the_same_values(api, bank):
    item = api.get(QUEUE, {"bank": bank.pk, "limit": 1}).json()["items"][0]
    same(item, DEPRECATED["QueueItem"])
    right = next(c["id"] for c in item["question"]["choices"] if c["text"] == "Jane Doe")
    review = api.post("/api/v1/reviews/", {"card": item["id"], "choice": right}).json()
    same(review, DEPRECATED["ReviewResponse"])
    assert review["correct_choice_id"] == right
    undo = api.post("/api/v1/reviews/undo/").json()
    same(undo, DEPRECATED["UndoResponse"])

    quiz = api.post("/api/v1/quizzes/", {"bank": bank.pk, "size": 1}).json()
    same(quiz, DEPRECATED["AttemptDetail"])
    question = quiz["questions"][0]
    choice = next(c["id"] for c in question["choices"] if c["text"] == "Jane Doe")
    answered = api.post(
        f"/api/v1/quizzes/{quiz['id']}/answers/", {"question": question["id"], "choice": choice}
    ).json()
    same(answered, DEPRECATED["QuizAnswerResult"])
    assert answered["correct_answer"] == "Jane Doe"
    detail = api.get(f"/api/v1/quizzes/{quiz['id']}/").json()
    same(detail, DEPRECATED["AttemptDetail"])
    same(detail["review"][0], DEPRECATED["AttemptReviewItem"])
    listed = api.get("/api/v1/quizzes/").json()["results"][0]
    same(listed, DEPRECATED["Attempt"])
