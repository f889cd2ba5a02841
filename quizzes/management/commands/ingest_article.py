"""Store articles (files or web addresses) and generate their question banks.

    python manage.py ingest_article PATH_OR_URL... [--bank TITLE] [--published YYYY-MM-DD]
                                    [--publish] [--owner USERNAME]

A PATH is a .txt/.md file (the text) or a saved web page (.html); a URL
(http:// or https://) is fetched under the same guard as in admin. From a web
page the title, author, site and publication date are read too; --published,
when given, wins over the page's date. One bank per article (evidence offsets
point into that article). An article whose text is already stored is not
stored twice: its bank is regenerated (idempotently). A bad input prints one
line and writes nothing; the command then exits non-zero after the summary line."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from tqdm import tqdm

from quizzes.models import article_stored_by
from quizzes.services import (
    ArticleInputError,
    article_create,
    article_find_at_url,
    article_find_in_html,
    article_text_from_upload,
    bank_generate,
    is_html_upload,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from quizzes.services import GenerationResult


def is_address(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


class Command(BaseCommand):
    help = "Store article files (.txt/.md, UTF-8) and generate a draft question bank for each."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH_OR_URL")
        parser.add_argument("--bank", metavar="TITLE", help="Bank title (default: the article's).")
        parser.add_argument(
            "--published", metavar="YYYY-MM-DD", help="Publication date, for relative dates."
        )
        parser.add_argument("--publish", action="store_true", help="Publish the banks.")
        parser.add_argument(
            "--owner", metavar="USERNAME", help="Owner of the banks (default: first superuser)."
        )

    def _owner(self, username: str | None) -> User:
        User = get_user_model()
        if username:
            user = User.objects.filter(username=username).first()
            if user is None:
                raise CommandError(f"No user named {username!r}.")
            return user
        user = (
            User.objects.filter(is_superuser=True, is_active=True).order_by("id").first()
            or User.objects.filter(groups__name="Teachers", is_active=True).order_by("id").first()
        )
        if user is None:
            raise CommandError("No owner for the banks: pass --owner USERNAME.")
        return user

    def _article_fields(self, source: str, *, published: date | None) -> dict[str, Any]:
        """The article's text and what else the source tells (a web page: its metadata)."""
        if is_address(source):
            found = article_find_at_url(url=source)
        else:
            path = Path(source)
            try:
                data = path.read_bytes()
            except OSError as error:
                raise ArticleInputError("path", error.strerror or str(error)) from error
            if not is_html_upload(path.name):
                text = article_text_from_upload(data=data, filename=path.name)
                return {"text": text, "published_on": published}
            found = article_find_in_html(data=data, filename=path.name)
        when = published or found.published_on
        self.stdout.write(
            f"{source}: “{found.title or '(no title)'}”, published "
            + (f"{when:%Y-%m-%d}" if when else "on an unknown date (pass --published)")
            + (" (from the page)" if when and not published else "")
        )
        return {
            "text": found.text,
            "title": found.title,
            "author": found.author,
            "publisher": found.publisher,
            "url": found.url,
            "published_on": when,
        }

    def _ingest(
        self,
        source: str,
        *,
        owner: User,
        options: dict[str, Any],
        published: date | None,
        many: bool,
    ) -> tuple[bool, GenerationResult]:
        fields = self._article_fields(source, published=published)
        text = fields["text"]
        with transaction.atomic():
            article = article_stored_by(owner=owner, text=text)
            created = article is None
            if article is None:
                article = article_create(created_by=owner, **fields)
            elif published and article.published_on is None:
                article.published_on = published
                article.save(update_fields=["published_on"])
            title = options["bank"]
            if title and many:
                title = f"{title}: {article.title}"[:200]
            result = bank_generate(
                article=article, user=owner, bank_title=title, publish=options["publish"]
            )
        return created, result

    def handle(self, *args: Any, **options: Any) -> None:
        published = None
        if options["published"]:
            try:
                published = date.fromisoformat(options["published"])
            except ValueError as error:
                raise CommandError("--published must be a date like 2022-09-30.") from error
        owner = self._owner(options["owner"])
        paths = list(options["paths"])
        many = len(paths) > 1
        stored = created_questions = kept = 0
        failed = []
        bar = tqdm(paths, file=sys.stderr, unit="file", disable=not many, leave=False)
        for path in bar:
            try:
                new_article, result = self._ingest(
                    path, owner=owner, options=options, published=published, many=many
                )
            except ArticleInputError as error:
                failed.append(path)
                bar.clear()
                self.stderr.write(f"{path}: {error.message}")
                continue
            stored += new_article
            created_questions += result.created
            kept += result.kept
            if not many:
                self.stdout.write(f"{path}: {result.summary()}")
        bar.close()
        status = "published" if options["publish"] else "draft"
        self.stdout.write(
            f"Ingested {len(paths) - len(failed)} of {len(paths)} file(s): "
            f"{stored} new article(s), {created_questions} new {status} question(s), "
            f"{kept} kept, {len(failed)} failed."
        )
        if failed:
            raise CommandError(f"{len(failed)} file(s) could not be ingested.", returncode=1)
