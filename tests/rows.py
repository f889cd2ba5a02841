"""Test-only conversions between the app's rows and model instances: the app reads a
queue item's card and question as rows only (QueueItem.card_row, question_row), and
a student's open assignments as rows of one query (classes.api.assignment_list_for_student);
a test that changes a card, or holds an Assignment, converts here."""

from classes.api import BankTitle, ClassRef, OpenAssignment, assignment_window_start
from learning.models import Card


def cards_of(items) -> list[Card]:
    """The saved cards of queue items, in the queue's order, with their questions
    (one query)."""
    ids = [item.card_row.id for item in items]
    cards = Card.objects.select_related("question").in_bulk(ids)
    return [cards[pk] for pk in ids]


def open_assignment_of(assignment) -> OpenAssignment:
    """An Assignment as classes.api.assignment_list_for_student answers it (no query
    when read with its class, teacher and bank)."""
    classroom, bank = assignment.classroom, assignment.bank
    return OpenAssignment(
        pk=assignment.pk,
        classroom=ClassRef(
            id=classroom.pk, name=classroom.name, teacher_name=classroom.teacher.get_username()
        ),
        bank=BankTitle(id=bank.pk, title=bank.title),
        starts_at=assignment.starts_at,
        due_at=assignment.due_at,
        quiz_length=assignment.quiz_length,
        pass_mark=assignment.pass_mark,
        all_cards=assignment.all_cards,
        counts_from=assignment_window_start(assignment),
    )
