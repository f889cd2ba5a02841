"""Student pages. Thin: each view calls selectors/services and renders.

Every form posts as a plain HTML form (redirect after POST); with HTMX loaded,
the study and quiz forms swap only their fragment instead."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from datetime import date
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar, cast
from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required as django_login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_htmx.http import HttpResponseClientRedirect

from classes.api import assignment_list_for_student
from learning import api as learning_api
from quizzes.api import (
    QuestionKind,
    QuestionReportError,
    article_facts,
    article_get_for_user,
    bank_get_for_student,
    bank_list_studyable,
    bank_rows_studyable,
    question_get_for_student,
    question_report_create,
    questions_with_choices,
)

from . import charts
from .forms import (
    REPORT_REASONS,
    PreferencesForm,
    QuestionReportForm,
    QuizStartForm,
    SignUpForm,
)
from .highlight import article_paragraphs, paragraph_index_at
from .middleware import remember_time_zone
from .requests import PageRequest, SignedInRequest
from .selectors import (
    article_evidence_spans,
    bank_list_for_article,
    question_evidence,
)

if TYPE_CHECKING:
    from learning.api import QueueItem, QuizAttempt, StudyQueue
    from quizzes.api import ArticleFacts, Question, StudentBank

STUDY_QUEUE_LIMIT = 30
STUDY_MORE = 10  # new cards one "study more" adds to today's limit
RATINGS = ((1, "Again"), (2, "Hard"), (3, "Good"), (4, "Easy"))
RATING_NAMES: dict[int | None, str] = dict(RATINGS)

_View = TypeVar("_View", bound=Callable[..., HttpResponse])


def login_required(view: _View) -> _View:
    """Django's login_required, except that an HTMX request (e.g. a rating after
    the session expired) gets the whole browser sent to the login page, rather
    than the login page swapped into a fragment."""
    guarded = django_login_required(view)

    @wraps(view)
    def wrapper(request: PageRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.htmx and not request.user.is_authenticated:
            login = redirect_to_login(request.htmx.current_url_abs_path or request.get_full_path())
            return HttpResponseClientRedirect(login["Location"])
        return guarded(request, *args, **kwargs)

    return cast(_View, wrapper)


def _safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# Accounts -----------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("web:home")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        if form.cleaned_data["time_zone"]:
            learning_api.preferences_update(user=user, time_zone=form.cleaned_data["time_zone"])
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome, {user.get_username()}! Pick a bank to start.")
        return redirect(_safe_next(request, reverse("web:home")))
    return render(
        request,
        "registration/signup.html",
        {"form": form, "next": _safe_next(request, "")},
        status=400 if form.errors else 200,
    )


# Home ---------------------------------------------------------------------


@login_required
@require_safe
def home(request: SignedInRequest) -> HttpResponse:
    banks = bank_rows_studyable(user=request.user)
    figures = learning_api.progress_home(user=request.user, banks=banks)
    mastery = figures["banks"]
    rows: list[dict[str, Any]] = []
    for bank in banks:
        stats = mastery.get(bank.pk, {"due": 0, "new": 0, "mastery": 0.0, "total": 0})
        rows.append(
            {
                "bank": bank,
                "stats": stats,
                "width": charts.width_class(stats.get("mastery")),
            }
        )
    today = figures["today"]
    # New cards for today: what the daily limit still lets in, not all that wait.
    new_total = sum(row["stats"]["new"] for row in rows)
    new_today = min(new_total, today["new_left"])
    assigned = learning_api.student_assignments(
        student=request.user,
        assignments=assignment_list_for_student(student=request.user),
    )
    return render(
        request,
        "web/home.html",
        {
            "nav": "home",
            "assigned": assigned,
            "rows": rows,
            "today": today,
            "streak": today["streak"],
            "due_total": sum(row["stats"]["due"] for row in rows),
            "new_today": new_today,
            "new_more": new_total - new_today,
            "study_more": STUDY_MORE,
        },
    )


# Article ------------------------------------------------------------------


@login_required
@require_safe
def article_detail(request: SignedInRequest, article_id: int) -> HttpResponse:
    article = article_get_for_user(user=request.user, article_id=article_id)
    paragraphs = article_paragraphs(
        article.text,
        article_evidence_spans(user=request.user, article_id=article.pk),
        current_question=_int_or_none(request.GET.get("q")),
    )
    back = _safe_next(request, "")
    return render(
        request,
        "web/article.html",
        {
            "article": article,
            "paragraphs": paragraphs,
            "back": back,
            "back_label": _back_label(back),
            "banks": bank_list_for_article(user=request.user, article_id=article.pk),
        },
    )


def _back_label(back: str) -> str:
    """What the article's way back leads to: its evidence links come from the quiz
    and from study, which pass themselves as `next`."""
    path = urlsplit(back).path
    if path.startswith(reverse("web:quiz_list")):
        return "Back to the quiz"
    if path.startswith(reverse("web:study")):
        return "Back to study"
    return "Back"


# Study --------------------------------------------------------------------


def _study_key(bank: StudentBank | None, user_today: date) -> str:
    return f"{bank.pk if bank else 'all'}|{user_today.isoformat()}"


def _session_logs(request: HttpRequest, key: str) -> list[int]:
    """Review log ids rated in this study session (this bank, this day), oldest
    first: their number is the session's progress, the last one is what undo undoes."""
    state = request.session.get("study_session")
    if isinstance(state, dict) and state.get("key") == key:
        return [int(pk) for pk in state.get("logs", [])]
    return []


def _session_logs_save(request: HttpRequest, key: str, logs: list[int]) -> None:
    state = request.session.get("study_session")
    bar = state.get("bar", 0) if isinstance(state, dict) and state.get("key") == key else 0
    request.session["study_session"] = {"key": key, "logs": logs[-500:], "bar": bar}


def _study_bank(request: SignedInRequest) -> StudentBank | None:
    bank_id = request.GET.get("bank") or request.POST.get("bank")
    return bank_get_for_student(user=request.user, bank_id=bank_id) if bank_id else None


def _study_context(
    request: SignedInRequest,
    bank: StudentBank | None,
    *,
    prefer_card: int | None = None,
    error: str = "",
) -> dict[str, Any]:
    user = request.user
    # (one card shown, the preferred one when picked: its rows alone are read; a
    # flashcard shows no choices: none are read)
    queue = learning_api.study_queue_open(
        user=user,
        bank=bank,
        limit=STUDY_QUEUE_LIMIT,
        choices_for=0,
        rows_for=1,
        first_card=prefer_card,
    )
    item = queue.items[0] if queue.items else None
    counts = _queue_counts(queue)
    remaining = sum(counts.values())
    key = _study_key(bank, timezone.localdate())
    done = len(_session_logs(request, key))
    context: dict[str, Any] = {
        "nav": "study",
        "bank": bank,
        "queue": queue,
        "item": item,
        "returning": _returning_label(item) if item is not None and _is_returning(item) else "",
        "counts": counts,
        "remaining": remaining,
        "done": done,
        "progress": _session_progress(request, key, done=done, remaining=remaining),
        "error": error,
        "client_uuid": uuid.uuid4(),
        "bank_query": f"?bank={bank.pk}" if bank else "",
    }
    if item is not None:
        question = item.question_row  # (rows: no model instance for the card shown)
        article = bank.article if bank is not None else _article_of(question.article_id)
        labels = item.preview_labels()
        context["ratings"] = [
            {"value": value, "name": name, "interval": labels.get(value, "")}
            for value, name in RATINGS
        ]
        context["evidence"] = question_evidence(question=question, article=article)
        context["report_reasons"] = REPORT_REASONS
        context["report_next"] = _study_url(bank)
    else:
        if queue.new_left == 0:  # the day's limit, not the bank, ended the session?
            context["new_waiting"] = learning_api.new_cards_waiting(
                user=user, bank=bank.pk if bank else None
            )
            context["study_more"] = STUDY_MORE
        summary = learning_api.progress_summary(user=user)
        forecast = summary["forecast"]
        context["summary"] = summary
        context["tomorrow"] = forecast[1]["count"] if len(forecast) > 1 else 0
        context["week"] = sum(row["count"] for row in forecast[1:8])
    return context


def _article_of(article_id: int | None) -> ArticleFacts | None:
    """The article's text and address (one query; none without an article)."""
    return article_facts([article_id]).get(article_id) if article_id is not None else None


def _queue_counts(queue: StudyQueue) -> dict[str, int]:
    """New / learning / review cards left, as Anki shows them. Counted from the
    queue's picks when they are all there is (so the three add up to what is
    shown), else from the queue's counts."""
    picked = queue.picked
    if len(picked) < STUDY_QUEUE_LIMIT:
        new = sum(pick.is_new for pick in picked)
        learning = sum(
            not pick.is_new and pick.state in learning_api.LEARNING_STATES for pick in picked
        )
        return {"new": new, "learning": learning, "review": len(picked) - new - learning}
    return {
        "new": queue.new_available,
        "learning": queue.learning_count,
        "review": queue.review_count,
    }


def _is_returning(item: QueueItem) -> bool:
    """A card in its learning steps, seen before (today): it comes back on purpose."""
    return not item.is_new and item.card_row.state in learning_api.LEARNING_STATES


def _returning_label(item: QueueItem) -> str:
    seen = item.card_row.last_review
    if seen is None:
        return "Back again: learning"
    minutes = int((timezone.now() - seen).total_seconds() // 60)
    ago = "just now" if minutes < 1 else "1 min ago" if minutes == 1 else f"{minutes} min ago"
    if minutes >= 120:
        ago = f"{minutes // 60} h ago"
    return f"Back again · seen {ago}"


def _session_progress(request: HttpRequest, key: str, *, done: int, remaining: int) -> int:
    """The session bar in percent. It only moves forward: cards that come back
    (learning steps) add to what is left, never take back what was done."""
    total = done + remaining
    current = round(100 * done / total) if total else 100
    state = request.session.get("study_session")
    if not isinstance(state, dict) or state.get("key") != key:
        return current
    shown = max(int(state.get("bar", 0)), current)
    if shown != state.get("bar"):
        request.session["study_session"] = {**state, "bar": shown}
    return shown


def _render_study(
    request: SignedInRequest, context: dict[str, Any], *, status: int = 200
) -> HttpResponse:
    template = "web/study/_session.html" if request.htmx else "web/study/page.html"
    return render(request, template, context, status=status)


@login_required
@require_safe
def study(request: SignedInRequest) -> HttpResponse:
    bank = _study_bank(request)
    context = _study_context(request, bank, prefer_card=_int_or_none(request.GET.get("card")))
    return _render_study(request, context)


def _study_url(bank: StudentBank | None, card: int | None = None) -> str:
    params = []
    if bank:
        params.append(f"bank={bank.pk}")
    if card:
        params.append(f"card={card}")
    return reverse("web:study") + ("?" + "&".join(params) if params else "")


def _posted_review(
    request: HttpRequest,
) -> tuple[int | None, int | None, uuid.UUID | None, int | None]:
    """The rating form's fields (card, rating, client_uuid, duration_ms), None where missing
    or malformed; a duration outside 0 ms..1 h is dropped rather than stored."""
    card_id = _int_or_none(request.POST.get("card"))
    rating = _int_or_none(request.POST.get("rating"))
    try:
        client_uuid = uuid.UUID(request.POST.get("client_uuid", ""))
    except ValueError:
        client_uuid = None
    duration = _int_or_none(request.POST.get("duration_ms"))
    if duration is not None and not 0 <= duration <= 3_600_000:
        duration = None
    return card_id, rating, client_uuid, duration


def _review_record(
    request: SignedInRequest,
    bank: StudentBank | None,
    card_id: int | None,
    rating: int | None,
    client_uuid: uuid.UUID | None,
    duration: int | None,
) -> str:
    """Records the rating and remembers its log in the session (for undo); answers the
    message to show, "" when it was recorded. A card that is not the user's is a 404."""
    if card_id is None:
        return "That card is missing from the form. Please try again."
    if rating not in (1, 2, 3, 4):
        return "Choose one of Again, Hard, Good or Easy."
    try:
        result = learning_api.review_record(
            user=request.user,
            card_id=card_id,
            rating=rating,
            client_uuid=client_uuid,
            duration_ms=duration,
            source="flashcard",
        )
    except learning_api.ReviewError as exc:
        if exc.status == 404:
            raise Http404(exc.message) from exc
        return exc.message
    key = _study_key(bank, timezone.localdate())
    logs = _session_logs(request, key)
    if result.log.pk not in logs:
        _session_logs_save(request, key, [*logs, result.log.pk])
    return ""


def _rated_announcement(rating: int | None, context: dict[str, Any]) -> str:
    """What a screen reader hears after a rating: the rating and what comes next."""
    rated = f"Rated {RATING_NAMES.get(rating, '')}."
    item = context["item"]
    if item is not None:
        return f"{rated} Next card: {item.question_row.prompt}"
    if context.get("new_waiting"):
        return f"{rated} You reached today’s limit of new cards."
    return f"{rated} All done for today."


@login_required
@require_POST
def study_rate(request: SignedInRequest) -> HttpResponse:
    bank = _study_bank(request)
    card_id, rating, client_uuid, duration = _posted_review(request)
    error = _review_record(request, bank, card_id, rating, client_uuid, duration)
    if not request.htmx:
        if error:
            messages.error(request, error)
            return redirect(_study_url(bank, card_id))
        return redirect(_study_url(bank))
    context = _study_context(request, bank, prefer_card=card_id if error else None, error=error)
    if not error:
        context["announce"] = _rated_announcement(rating, context)
    return _render_study(request, context)


@login_required
@require_POST
def study_undo(request: SignedInRequest) -> HttpResponse:
    bank = _study_bank(request)
    key = _study_key(bank, timezone.localdate())
    logs = _session_logs(request, key)
    card_id = None
    # Undo only this session's last rating, never e.g. a quiz answer given since.
    if logs and learning_api.review_last_id(user=request.user) == logs[-1]:
        card_id = learning_api.review_undo_last(user=request.user)
    if card_id is None:
        note = "Nothing to undo."
        _session_logs_save(request, key, [])
    else:
        _session_logs_save(request, key, logs[:-1])
        note = "Undone. The card is back."
    if not request.htmx:
        messages.info(request, note)
        return redirect(_study_url(bank, card_id))
    context = _study_context(request, bank, prefer_card=card_id)
    context["announce"] = note
    return _render_study(request, context)


# Quiz ---------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def quiz_list(request: SignedInRequest) -> HttpResponse:
    banks = list(bank_list_studyable(user=request.user))
    initial = {}
    if request.GET.get("bank"):
        initial["bank"] = _int_or_none(request.GET.get("bank"))
    form = QuizStartForm(request.POST or None, banks=banks, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                attempt_id = learning_api.quiz_start(
                    user=request.user,
                    bank_id=form.cleaned_data["bank"],
                    size=form.cleaned_data["size"],
                )
            except learning_api.ReviewError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                return redirect("web:quiz_take", attempt_id=attempt_id)
        status = 400
    attempts = learning_api.attempt_list(user=request.user, limit=20)
    return render(
        request,
        "web/quiz/list.html",
        {"nav": "quiz", "form": form, "attempts": attempts, "has_banks": bool(banks)},
        status=status,
    )


def _answered_ids(attempt: QuizAttempt) -> set[int]:
    return set(attempt.answers.values_list("question_id", flat=True))


def _attempt_and_posted_question(
    request: SignedInRequest, attempt_id: int
) -> tuple[QuizAttempt, Question]:
    """The caller's quiz attempt and the question its form posted (404 for anything else)."""
    attempt = learning_api.attempt_get_for_user(user=request.user, attempt_id=attempt_id)
    question_id = _int_or_none(request.POST.get("question"))
    if question_id is None:
        raise Http404("No question given.")
    return attempt, _quiz_question(attempt, question_id)


def _quiz_question(attempt: QuizAttempt, question_id: int) -> Question:
    if question_id not in attempt.question_ids:
        raise Http404("That question is not part of this quiz.")
    question = questions_with_choices([question_id]).get(question_id)
    if question is None:
        raise Http404("No such question.")
    return question


def _shuffled_order(attempt: QuizAttempt, question: Question) -> list[int]:
    ids = [choice.pk for choice in question.choices.all()]
    shuffled = ids[:]
    random.Random(f"{attempt.pk}:{question.pk}").shuffle(shuffled)
    if len(ids) > 1 and shuffled == ids:
        shuffled = shuffled[1:] + shuffled[:1]
    return shuffled


def _order_from_post(request: HttpRequest, question: Question) -> list[int] | None:
    valid = {choice.pk for choice in question.choices.all()}
    order = [_int_or_none(v) for v in request.POST.getlist("order")]
    if len(order) != len(valid) or set(order) != valid:
        return None
    return [pk for pk in order if pk is not None]


def _take_context(
    attempt: QuizAttempt,
    question: Question,
    *,
    order: list[int] | None = None,
    error: str = "",
    position: int | None = None,
) -> dict[str, Any]:
    choices = list(question.choices.all())
    context = {
        "nav": "quiz",
        "attempt": attempt,
        "question": question,
        "is_ordering": question.kind == QuestionKind.ORDERING,
        "is_choice": question.is_multiple_choice,
        "choices": choices,
        "error": error,
        "number": position if position is not None else attempt.question_ids.index(question.pk) + 1,
        "total": attempt.size,
    }
    if context["is_ordering"]:
        by_id = {choice.pk: choice for choice in choices}
        context["ordered"] = [by_id[pk] for pk in (order or _shuffled_order(attempt, question))]
    return context


@login_required
@require_safe
def quiz_take(request: SignedInRequest, attempt_id: int) -> HttpResponse:
    attempt = learning_api.attempt_get_for_user(user=request.user, attempt_id=attempt_id)
    if attempt.finished_at:
        return redirect("web:quiz_result", attempt_id=attempt.pk)
    answered = _answered_ids(attempt)
    remaining = [qid for qid in attempt.question_ids if qid not in answered]
    # Questions deleted since the quiz began are skipped (they count as unanswered).
    available = questions_with_choices(remaining)
    question = next((available[qid] for qid in remaining if qid in available), None)
    if question is None:
        learning_api.quiz_finish(attempt=attempt)
        return redirect("web:quiz_result", attempt_id=attempt.pk)
    context = _take_context(attempt, question, position=len(answered) + 1)
    return render(request, "web/quiz/take.html", context)


def _move(order: list[int], move: str) -> list[int]:
    """Apply a no-JavaScript "up:<id>" / "down:<id>" button press to an order."""
    direction, _, raw = move.partition(":")
    pk = _int_or_none(raw)
    if pk not in order or direction not in ("up", "down"):
        return order
    index = order.index(pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(order):
        order[index], order[other] = order[other], order[index]
    return order


def _missing_answer(*, unordered: bool, unchosen: bool, untyped: bool) -> str:
    """What the student still has to do before the answer is checked ("" when nothing)."""
    if unordered:
        return "Put every event in the list in order, then check."
    if unchosen:
        return "Choose an answer first."
    if untyped:
        return "Type your answer first."
    return ""


@login_required
@require_POST
def quiz_answer(request: SignedInRequest, attempt_id: int) -> HttpResponse:
    attempt, question = _attempt_and_posted_question(request, attempt_id)
    is_ordering = question.kind == QuestionKind.ORDERING
    order = _order_from_post(request, question) if is_ordering else None
    if is_ordering and request.POST.get("move"):
        # Up/down pressed without JavaScript: show the list again, reordered.
        order = _move(order or _shuffled_order(attempt, question), request.POST["move"])
        return render(request, "web/quiz/take.html", _take_context(attempt, question, order=order))
    is_choice = question.is_multiple_choice
    choice_id = _int_or_none(request.POST.get("choice")) if is_choice else None
    text = None if is_ordering or is_choice else request.POST.get("text", "").strip()
    error = _missing_answer(
        unordered=is_ordering and order is None,
        unchosen=is_choice and choice_id is None,
        untyped=text == "",
    )
    if not error:
        try:
            learning_api.quiz_answer(
                user=request.user,
                attempt=attempt,
                question_id=question.pk,
                choice_id=choice_id,
                order=order,
                text=text,
                duration_ms=_int_or_none(request.POST.get("duration_ms")),
                # Typed (not picked) answers marked wrong wait for "I was right".
                hold_typed_miss=text is not None and not question.choices.all(),
            )
        except learning_api.ReviewError as exc:
            if exc.field == "question" and question.pk in _answered_ids(attempt):
                # Already answered (a double click, or the back button): show its feedback.
                return redirect("web:quiz_feedback", attempt_id=attempt.pk, question_id=question.pk)
            error = exc.message
    if error:
        context = _take_context(attempt, question, order=order, error=error)
        return render(request, "web/quiz/take.html", context, status=400)
    if request.htmx:
        return render(
            request, "web/quiz/_feedback.html", _feedback_context(attempt, question, request)
        )
    return redirect("web:quiz_feedback", attempt_id=attempt.pk, question_id=question.pk)


def _feedback_context(
    attempt: QuizAttempt, question: Question, request: SignedInRequest
) -> dict[str, Any]:
    answer = attempt.answers.filter(question=question).first()
    if answer is None:
        raise Http404("This question has not been answered yet.")
    choices = list(question.choices.all())
    correct = [choice for choice in choices if choice.is_correct]
    by_id = {choice.pk: choice for choice in choices}
    given_order = [by_id[pk] for pk in (answer.given_order or []) if pk in by_id]
    correct_order = sorted(choices, key=lambda choice: (choice.position, choice.pk))
    answered = _answered_ids(attempt)
    given_rows = [
        {"choice": choice, "right": index < len(correct_order) and correct_order[index] == choice}
        for index, choice in enumerate(given_order)
    ]
    typed = bool(answer.given_text) and not choices
    match = (
        learning_api.typed_answer_match(question, answer.given_text)
        if typed and answer.is_correct and not answer.overridden
        else None
    )
    evidence = question_evidence(question=question, article=question.bank.article)
    return {
        "nav": "quiz",
        "attempt": attempt,
        "question": question,
        "answer": answer,
        "is_ordering": question.kind == QuestionKind.ORDERING,
        "choices": choices,
        "correct_choice": correct[0] if correct else None,
        "given_order": given_rows,
        "right_places": sum(row["right"] for row in given_rows),
        "correct_order": correct_order,
        "evidence": evidence,
        "number": len(answered),
        "total": attempt.size,
        "is_last": len(answered) >= attempt.size,
        "is_typed": typed,
        "match": match,
        "report_reasons": REPORT_REASONS,
        "report_next": reverse("web:quiz_feedback", args=[attempt.pk, question.pk]),
        # The article's "Back to the quiz" returns to this feedback, Next button and all.
        "evidence_back": reverse("web:quiz_feedback", args=[attempt.pk, question.pk]),
        "card_suspended": learning_api.card_is_suspended(
            user=request.user, question_id=question.pk
        ),
    }


@login_required
@require_safe
def quiz_feedback(request: SignedInRequest, attempt_id: int, question_id: int) -> HttpResponse:
    attempt = learning_api.attempt_get_for_user(user=request.user, attempt_id=attempt_id)
    question = _quiz_question(attempt, question_id)
    return render(request, "web/quiz/feedback.html", _feedback_context(attempt, question, request))


@login_required
@require_POST
def quiz_override(request: SignedInRequest, attempt_id: int) -> HttpResponse:
    """ "I was right": a typed answer marked wrong counts as right, before it is logged."""
    attempt, question = _attempt_and_posted_question(request, attempt_id)
    try:
        learning_api.quiz_answer_override(
            user=request.user, attempt=attempt, question_id=question.pk
        )
    except learning_api.ReviewError as exc:
        if exc.status == 404:
            raise Http404(exc.message) from exc
        messages.error(request, exc.message)
    else:
        note = "Counted as right. Thanks for being honest with yourself."
        if request.htmx:
            context = _feedback_context(attempt, question, request)
            context["announce"] = note
            return render(request, "web/quiz/_feedback.html", context)
        messages.success(request, note)
    return redirect("web:quiz_feedback", attempt_id=attempt.pk, question_id=question.pk)


@login_required
@require_POST
def quiz_continue(request: SignedInRequest, attempt_id: int) -> HttpResponse:
    """Go on after a typed miss: it is logged as a miss now."""
    attempt = learning_api.attempt_get_for_user(user=request.user, attempt_id=attempt_id)
    if attempt.finished_at is None:
        learning_api.quiz_answers_settle(user=request.user, attempt=attempt)
    return redirect("web:quiz_take", attempt_id=attempt.pk)


@login_required
@require_POST
def quiz_discard(request: SignedInRequest, attempt_id: int) -> HttpResponse:
    """Drop an unfinished quiz from the list (the answers given stay reviews)."""
    attempt = learning_api.attempt_get_for_user(user=request.user, attempt_id=attempt_id)
    try:
        learning_api.quiz_discard(user=request.user, attempt=attempt)
    except learning_api.ReviewError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Quiz discarded. The answers you gave still count as reviews.")
    return redirect("web:quiz_list")


@login_required
@require_safe
def quiz_result(request: SignedInRequest, attempt_id: int) -> HttpResponse:
    attempt = learning_api.attempt_get_for_user(user=request.user, attempt_id=attempt_id)
    if attempt.finished_at is None:
        if len(_answered_ids(attempt)) < attempt.size:
            return redirect("web:quiz_take", attempt_id=attempt.pk)
        learning_api.quiz_finish(attempt=attempt)
    review = _review_rows(attempt, learning_api.attempt_review(attempt=attempt))
    percent = int(learning_api.quiz_score(attempt.correct_count, attempt.size, places=0))
    return render(
        request,
        "web/quiz/result.html",
        {
            "nav": "quiz",
            "attempt": attempt,
            "review": review,
            "percent": percent,
            "missed": attempt.size - attempt.correct_count,
            "width": charts.width_class(percent),
            "evidence_back": reverse("web:quiz_result", args=[attempt.pk]),
        },
    )


def _review_rows(attempt: QuizAttempt, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """attempt_review rows plus what the template shows: the given answer as
    text, and the evidence with its paragraph link."""
    article = attempt.bank.article if attempt.bank.article_id else None
    for row in rows:
        texts = {choice["id"]: choice["text"] for choice in row["choices"]}
        given = row["given"] or {}
        if given.get("order"):
            row["given_display"] = [texts.get(pk, "?") for pk in given["order"]]
        elif given.get("choice"):
            row["given_display"] = texts.get(given["choice"], "")
        else:
            row["given_display"] = given.get("text") or ""
        row["is_order"] = isinstance(row["correct_answer"], list)
        row["paragraph"] = (
            paragraph_index_at(article.text, row["evidence_start"])
            if article is not None and row["article"] == article.pk
            else None
        )
    return rows


# Custom study and suspended cards ------------------------------------------
# A way on when the day's study is over ("study 10 more" once the daily new-card
# limit is reached, as Anki's custom study; "retry the ones I missed" after a quiz)
# and a way out of a card (suspended for oneself, brought back from a list).


def _not_found_or(exc: learning_api.ReviewError) -> str:
    if exc.status == 404:
        raise Http404(exc.message) from exc
    return exc.message


@login_required
@require_POST
def study_more(request: SignedInRequest) -> HttpResponse:
    """ "Study 10 more": today's new-card limit goes up by ten, and study goes on."""
    bank = _study_bank(request)
    learning_api.study_more(user=request.user, new_cards=STUDY_MORE)
    note = f"{STUDY_MORE} more new cards for today."
    if not request.htmx:
        messages.success(request, note)
        return redirect(_study_url(bank))
    context = _study_context(request, bank)
    item = context["item"]
    context["announce"] = f"{note} {item.question_row.prompt}" if item is not None else note
    return _render_study(request, context)


@login_required
@require_POST
def study_suspend(request: SignedInRequest) -> HttpResponse:
    """Suspend the card on screen for oneself: the session goes on without it."""
    bank = _study_bank(request)
    try:
        learning_api.card_suspend(user=request.user, card_id=request.POST.get("card"))
    except learning_api.ReviewError as exc:
        error = _not_found_or(exc)
        if not request.htmx:
            messages.error(request, error)
            return redirect(_study_url(bank))
        return _render_study(request, _study_context(request, bank, error=error), status=400)
    note = (
        "Card suspended: it will not come back until you unsuspend it (Progress › Suspended cards)."
    )
    if not request.htmx:
        messages.success(request, note)
        return redirect(_study_url(bank))
    context = _study_context(request, bank)
    item = context["item"]
    context["announce"] = (
        f"{note} Next card: {item.question_row.prompt}" if item is not None else note
    )
    context["suspended_note"] = note
    return _render_study(request, context)


@login_required
@require_POST
def quiz_suspend(request: SignedInRequest, attempt_id: int) -> HttpResponse:
    """Suspend, from a quiz's feedback, one's card of the question just answered."""
    attempt, question = _attempt_and_posted_question(request, attempt_id)
    learning_api.question_card_suspend(user=request.user, question=question)
    messages.success(
        request, "Card suspended: it will not come in your study sessions until you unsuspend it."
    )
    return redirect("web:quiz_feedback", attempt_id=attempt.pk, question_id=question.pk)


@login_required
@require_POST
def quiz_retry(request: SignedInRequest, attempt_id: int) -> HttpResponse:
    """ "Retry the ones I missed": a new quiz over the questions missed in this one."""
    attempt = learning_api.attempt_get_for_user(user=request.user, attempt_id=attempt_id)
    try:
        retry_id = learning_api.quiz_retry(user=request.user, attempt=attempt)
    except learning_api.ReviewError as exc:
        messages.error(request, _not_found_or(exc))
        return redirect("web:quiz_result", attempt_id=attempt.pk)
    return redirect("web:quiz_take", attempt_id=retry_id)


@login_required
@require_safe
def cards_suspended(request: SignedInRequest) -> HttpResponse:
    """The cards a student set aside, where they bring them back."""
    cards = list(learning_api.cards_suspended(user=request.user))
    return render(request, "web/suspended.html", {"nav": "progress", "cards": cards})


@login_required
@require_POST
def card_unsuspend(request: SignedInRequest, card_id: int) -> HttpResponse:
    try:
        card = learning_api.card_unsuspend(user=request.user, card_id=card_id)
    except learning_api.ReviewError as exc:
        raise Http404(exc.message) from exc
    messages.success(request, f"“{card.prompt}” is back in your study queue.")
    return redirect(_safe_next(request, reverse("web:cards_suspended")))


# Progress -----------------------------------------------------------------


@login_required
@require_safe
def progress(request: SignedInRequest) -> HttpResponse:
    page = learning_api.progress_page(user=request.user, heatmap_days=365)
    summary = page["summary"]
    today = date.fromisoformat(summary["forecast"][0]["date"])  # the student's study day
    forecast = charts.bar_chart(summary["forecast"], today=today)
    retention = charts.retention_chart(
        summary["retention_by_week"], target=page["desired_retention"]
    )
    mastery = charts.mastery_bars(summary["banks"])
    return render(
        request,
        "web/progress.html",
        {
            "nav": "progress",
            "summary": summary,
            "today": summary["today"],
            "heatmap": charts.heatmap(page["heatmap"], today=today),
            "forecast": forecast,
            "retention_chart": retention,
            "retention": summary["retention"],
            "weeks_rows": charts.retention_table_rows(summary["retention_by_week"]),
            "mastery": mastery,
            "mastery_rows": charts.mastery_rows(mastery),
            "mastery_table": charts.mastery_table_rows(mastery),
            "mastery_legend": charts.MASTERY_LEGEND,
            "mastery_head": charts.MASTERY_HEAD,
            "desired_retention": page["desired_retention"],
        },
    )


# Preferences --------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: SignedInRequest) -> HttpResponse:
    current = learning_api.preferences_get(user=request.user)
    form = PreferencesForm(request.POST or None, initial=PreferencesForm.initial_from(current))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                saved = learning_api.preferences_update(user=request.user, **form.cleaned_data)
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                remember_time_zone(request, saved.time_zone)
                messages.success(request, "Preferences saved.")
                return redirect("web:preferences")
        status = 400
    return render(
        request, "web/preferences.html", {"nav": "preferences", "form": form}, status=status
    )


# Reports of bad questions -------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def question_report(request: SignedInRequest, question_id: int) -> HttpResponse:
    """ "Report this question": the report reaches the bank's teacher in admin.
    The form sits in a <details> on study and quiz feedback; this page is its
    no-JavaScript home when it has errors."""
    question = question_get_for_student(user=request.user, question_id=question_id)
    if question is None:
        raise Http404("No such question.")
    back = _safe_next(request, reverse("web:home"))
    form = QuestionReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            question_report_create(user=request.user, question_id=question.pk, **form.cleaned_data)
        except QuestionReportError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            if request.htmx:
                return render(request, "web/report_done.html")
            messages.success(request, "Thanks: your report reached the teacher of this bank.")
            return redirect(back)
    context = {
        "question": question,
        "report_reasons": REPORT_REASONS,
        "report_form": form if form.is_bound else None,
        "report_next": back,
    }
    status = 400 if form.errors else 200
    if request.htmx:
        return render(request, "web/includes/report_question.html", context, status=status)
    return render(request, "web/report.html", context, status=status)
