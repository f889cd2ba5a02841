"""Article input, bank generation (idempotent, atomic) and generation jobs.

Most tests feed hand-built facts of the sample article through a stand-in for
the extractor (fast, no spaCy); tests/quizzes/generation/test_sample_quality.py
runs the real one."""

from datetime import date

import pytest

from quizzes import services
from quizzes.extraction.facts import Facts
from quizzes.models import Article, Choice, GenerationJob, Question, QuestionBank
from quizzes.services import ArticleInputError
from tests.factories import ArticleFactory, CardFactory, QuestionBankFactory, QuestionFactory

from .generation.facts_for_tests import SAMPLE_TEXT, quote, sample_facts

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        Article.objects.count(),
        QuestionBank.objects.count(),
        Question.objects.count(),
        Choice.objects.count(),
    )


# article_text_from_upload / article_create ----------------------------------


def test_upload_decodes_utf8_with_bom_and_normalises_line_endings():
    text = services.article_text_from_upload(
        data="\ufeffLine one\r\nLine “two”\r\n".encode(), filename="story.txt"
    )
    assert text == "Line one\nLine “two”"


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"", "empty.txt", "The file is empty."),
        (b"  \n\n ", "blank.md", "The file is empty."),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "image.txt", "This file is binary, not text."),
        ("caf\u00e9".encode("latin-1"), "latin.txt", "The file is not UTF-8 text."),
        (b"text", "story.pdf", "Upload a .txt or .md file."),
        (b"x" * 200_001, "huge.txt", "The file is 200,001 bytes; the limit is 200,000."),
    ],
)
def test_bad_uploads_are_refused_with_a_clear_message(data, filename, message):
    with pytest.raises(ArticleInputError) as caught:
        services.article_text_from_upload(data=data, filename=filename)
    assert caught.value.message == message
    assert caught.value.field == "upload"


def test_article_create_defaults_the_title_to_the_first_line(teacher):
    article = services.article_create(text="  Headline here\nBody text.\n", created_by=teacher)
    assert article.title == "Headline here"
    assert article.text == "Headline here\nBody text."
    assert article.created_by == teacher


def test_article_create_refuses_a_duplicate_and_writes_nothing(teacher):
    first = services.article_create(text="Same story.", title="One", created_by=teacher)
    with pytest.raises(ArticleInputError) as caught:
        services.article_create(text="Same story.\r\n", title="Two", created_by=teacher)
    assert caught.value.field == "text"
    assert caught.value.message == f"You already stored this article as “One” (#{first.pk})."
    assert Article.objects.count() == 1


def test_another_teachers_copy_neither_blocks_nor_shows(teacher, other_teacher):
    """Deduplication is per owner: storing a text someone else stored tells nothing
    about them (their title, their id) and stores the second teacher's own copy."""
    theirs = services.article_create(text="Same story.", title="Secret", created_by=other_teacher)

    mine = services.article_create(text="Same story.\r\n", title="Mine", created_by=teacher)

    assert mine.pk != theirs.pk
    assert (mine.created_by, mine.title) == (teacher, "Mine")
    assert Article.objects.count() == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [("   ", "The article is empty."), ("abc\x00def", "This file is binary, not text.")],
)
def test_article_create_refuses_empty_or_binary_text(text, message):
    with pytest.raises(ArticleInputError, match=message):
        services.article_create(text=text)
    assert Article.objects.count() == 0


def test_article_create_refuses_text_over_the_limit(settings):
    settings.ARTICLE_MAX_BYTES = 10
    with pytest.raises(ArticleInputError, match="limit is 10"):
        services.article_create(text="x" * 11)
    assert Article.objects.count() == 0


def test_article_create_reports_a_bad_url_by_field():
    with pytest.raises(ArticleInputError) as caught:
        services.article_create(text="A story.", url="not a url")
    assert caught.value.field == "url"
    assert Article.objects.count() == 0


# bank_generate -----------------------------------------------------------------


def test_bank_generate_creates_a_draft_bank_of_generated_questions(sample_article, teacher):
    result = services.bank_generate(article=sample_article, user=teacher)
    bank = result.bank
    assert bank.article == sample_article
    assert bank.owner == teacher
    assert bank.title == "Kazakhstan"
    assert bank.status == "draft"
    questions = bank.questions.all()
    # No statement on a fact asked otherwise; nobody's country asked when they head it;
    # no card whose blanked country a quotation of the bank names on the same point; no
    # "which country" question another question answers ("… based in <its capital>").
    assert result.created == questions.count() >= 12
    assert set(questions.values_list("status", flat=True)) == {"draft"}
    assert set(questions.values_list("origin", flat=True)) == {"generated"}
    assert result.counts_by_kind["who_said"] == questions.filter(kind="who_said").count() >= 6
    assert result.facts == {"quotes": 11, "countries": 8, "events": 7}
    question = questions.filter(kind="who_said").first()
    assert question.choices.filter(is_correct=True).get().text == question.answer
    assert question.evidence_text in question.explanation


def test_bank_generate_stores_the_dates_of_a_timelines_items(sample_article, teacher, monkeypatch):
    """What the generator knows for grading and feedback is stored too (the sample's
    own timeline is dropped by the quality check: its dates are asked one by one)."""
    import quizzes.generation
    from quizzes.generation import generation_context, timeline

    ordering = timeline.build(
        generation_context(sample_facts(), article_text=SAMPLE_TEXT, published=date(2022, 9, 30))
    )
    monkeypatch.setattr(quizzes.generation, "generate_questions", lambda *a, **k: ordering)
    bank = services.bank_generate(article=sample_article, user=teacher).bank
    stored = bank.questions.get(kind="ordering")
    labels = dict(stored.choices.values_list("text", "date_label"))
    assert labels == ordering[0].choice_dates
    assert "1991" in labels.values()


def test_regeneration_keeps_teacher_edits_and_does_not_re_add_rejected(
    sample_article, teacher, student, fake_extract
):
    first = services.bank_generate(article=sample_article, user=teacher)
    bank = first.bank
    edited = bank.questions.filter(kind="who_said").first()
    edited.prompt = "Which person said “hopeless”, per the teacher?"
    edited.save()
    card = CardFactory(user=student, question=edited)
    rejected = bank.questions.filter(kind="cloze").first()
    rejected.status = "rejected"
    rejected.save()
    archived = bank.questions.filter(kind="when").first()
    services.question_archive(question=archived)
    before = snapshot()

    second = services.bank_generate(article=sample_article, user=teacher)

    assert second.bank == bank
    assert second.created == 0
    assert second.skipped_rejected == 2
    assert second.kept == first.created - 2
    assert snapshot() == before
    edited.refresh_from_db()
    assert edited.prompt == "Which person said “hopeless”, per the teacher?"
    rejected.refresh_from_db()
    assert rejected.status == "rejected"
    assert card.question_id == edited.pk
    assert QuestionBank.objects.filter(article=sample_article).count() == 1


def test_regeneration_adds_drafts_only_for_new_facts(sample_article, teacher, fake_extract):
    facts = sample_facts()
    facts.quotes = [q for q in facts.quotes if q.speaker != "Temur Umarov"]
    fake_extract.facts_by_text[sample_article.text] = facts
    first = services.bank_generate(article=sample_article, user=teacher)
    assert not first.bank.questions.filter(answer="Temur Umarov").exists()

    fake_extract.facts_by_text[sample_article.text] = sample_facts()
    again = services.bank_generate(article=sample_article, user=teacher)
    added = first.bank.questions.order_by("-position")[: again.created]
    assert again.created >= 1
    # The first run's country question is not made again: Umarov's quotation, now in the
    # bank, names the capital that answers it (it stays, as questions of lost facts do).
    countries = first.bank.questions.filter(kind="which_country").count()
    assert again.kept == first.created - countries
    assert all("risky situation" in q.prompt or q.answer == "Temur Umarov" for q in added)
    assert first.bank.questions.count() == first.created + again.created

    # Facts that disappear later leave their questions alone.
    fake_extract.facts_by_text[sample_article.text] = facts
    assert services.bank_generate(article=sample_article, user=teacher).created == 0
    assert first.bank.questions.count() == first.created + again.created


def test_new_questions_go_after_existing_ones(sample_article, teacher):
    bank = QuestionBankFactory(owner=teacher, article=sample_article, title="Mine")
    authored = QuestionFactory(bank=bank, position=50)
    result = services.bank_generate(article=sample_article, user=teacher)
    assert result.bank == bank
    positions = list(bank.questions.exclude(pk=authored.pk).values_list("position", flat=True))
    assert min(positions) == 51
    assert len(set(positions)) == len(positions)


def test_publish_makes_the_bank_and_its_questions_published(sample_article, teacher):
    result = services.bank_generate(article=sample_article, user=teacher, publish=True)
    result.bank.refresh_from_db()
    assert result.bank.status == "published"
    assert not result.bank.questions.exclude(status="published").exists()


def test_people_of_the_owners_other_banks_are_no_speaker_options(
    sample_article, teacher, fake_extract
):
    # A name the article never writes is ruled out at a glance: with one other speaker
    # in the article there is no "who said" question, however many banks the owner has.
    other = QuestionBankFactory(owner=teacher, title="Other")
    QuestionFactory(bank=other, answer="Jane Doe")
    text = "“We need roads,” said Ann Poe.\n“We need bridges,” said Max Moe.\n"
    article = ArticleFactory(text=text, created_by=teacher)
    fake_extract.facts_by_text[text] = Facts(
        quotes=[
            quote("We need roads", "Ann Poe", source=text),
            quote("We need bridges", "Max Moe", source=text),
        ]
    )
    result = services.bank_generate(article=article, user=teacher)
    assert not result.bank.questions.filter(kind="who_said").exists()
    assert not Choice.objects.filter(question__bank=result.bank, text="Jane Doe").exists()


def test_article_without_facts_is_refused_and_nothing_is_written(teacher, fake_extract):
    article = ArticleFactory(text="The weather was mild and nothing happened.", created_by=teacher)
    before = snapshot()
    with pytest.raises(ArticleInputError) as caught:
        services.bank_generate(article=article, user=teacher)
    assert caught.value.field == "text"
    assert "No quotes, countries or dates" in caught.value.message
    assert snapshot() == before


def test_bank_generate_is_all_or_nothing(sample_article, teacher, monkeypatch):
    def broken_bulk_create(objs, *args, **kwargs):
        list(objs)
        raise RuntimeError("disk full")

    monkeypatch.setattr(Choice.objects, "bulk_create", broken_bulk_create)
    before = snapshot()
    with pytest.raises(RuntimeError):
        services.bank_generate(article=sample_article, user=teacher)
    assert snapshot() == before


# generation jobs -------------------------------------------------------------------


def test_generation_request_records_a_done_job_with_counts(sample_article, teacher):
    job = services.generation_request(article=sample_article, user=teacher)
    assert job.status == "done"
    assert job.bank.article == sample_article
    assert job.counts["created"] == job.bank.questions.count()
    assert job.counts["counts_by_kind"]["who_said"] >= 6
    assert job.started_at <= job.finished_at


def test_generation_request_records_the_reason_of_a_failure(teacher, fake_extract):
    article = ArticleFactory(text="Nothing to see.", created_by=teacher)
    job = services.generation_request(article=article, user=teacher)
    assert job.status == "failed"
    assert "No quotes, countries or dates" in job.error
    assert job.bank is None
    assert GenerationJob.objects.get(pk=job.pk).status == "failed"
    assert not QuestionBank.objects.filter(article=article).exists()


def test_generation_summary_names_counts():
    text = services.generation_summary(
        {
            "created": 3,
            "kept": 2,
            "skipped_rejected": 1,
            "bank_title": "World",
            "counts_by_kind": {"who_said": 2, "when": 1},
        }
    )
    assert text == (
        "3 new draft question(s) (2 who said, 1 when), 2 kept, "
        "1 rejected or archived not re-added in “World”."
    )


def test_generated_questions_record_their_fact_and_one_fact_gives_at_most_two(
    sample_article, teacher
):
    first = services.bank_generate(article=sample_article, user=teacher)
    questions = list(first.bank.questions.all())
    assert all(q.fact_key for q in questions)
    per_fact = {}
    for question in questions:
        per_fact.setdefault(question.fact_key, []).append(question)
    assert max(len(group) for group in per_fact.values()) <= 2

    # Questions already on a fact count: regeneration adds no third one.
    lone_fact, [lone] = next((k, g) for k, g in per_fact.items() if len(g) == 1)
    QuestionFactory.create_batch(2, bank=first.bank, fact_key=lone_fact)
    lone.delete()  # its draft comes back as new, but the fact already has two
    again = services.bank_generate(article=sample_article, user=teacher)
    assert again.created == 0
    assert again.skipped_fact_limit == 1
    assert "not added: their fact already has two questions" in again.summary()
    assert first.bank.questions.filter(fact_key=lone_fact).count() == 2


def test_a_rejected_question_frees_its_place_on_the_fact(sample_article, teacher):
    first = services.bank_generate(article=sample_article, user=teacher)
    question = first.bank.questions.exclude(fact_key="").first()
    twins = [
        QuestionFactory(bank=first.bank, fact_key=question.fact_key, status="rejected")
        for _ in range(2)
    ]
    question.delete()
    again = services.bank_generate(article=sample_article, user=teacher)
    assert again.created == 1
    assert all(t.status == "rejected" for t in twins)


def test_generated_questions_keep_the_rule_and_confidence_the_extractor_gave(teacher, fake_extract):
    """The review page shows each draft's rule and confidence and puts the least sure
    first: generation stores them where the extractor gives them, and none otherwise."""
    from dataclasses import replace

    facts = sample_facts()
    facts.quotes = [
        replace(q, rule="speech_verb.named_person", confidence=0.83) for q in facts.quotes
    ]
    article = ArticleFactory(created_by=teacher, text=SAMPLE_TEXT, published_on=date(2022, 9, 30))
    fake_extract.facts_by_text[article.text] = facts

    bank = services.bank_generate(article=article, user=teacher).bank

    who_said = list(bank.questions.filter(kind="who_said"))
    assert who_said
    assert {(q.rule, q.confidence) for q in who_said} == {("speech_verb.named_person", 0.83)}
    without_rule = bank.questions.filter(kind="when")  # events without a rule
    assert without_rule.exists()
    assert {(q.rule, q.confidence) for q in without_rule} == {("", None)}
