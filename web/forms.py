"""Forms of the student pages: accounts, quiz set-up, preferences.

Forms validate input and name the field at fault; writes go through services."""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
    UserCreationForm,
)

from quizzes.api import ReportReason

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from learning.api import Preferences

    _UserCreationForm = UserCreationForm[User]
    _SetPasswordForm = SetPasswordForm[User]
else:  # the forms take no type argument at run time
    _UserCreationForm = UserCreationForm
    _SetPasswordForm = SetPasswordForm

QUIZ_LENGTHS = (5, 10, 20)
REPORT_REASONS = ReportReason.choices


class FriendlyAuthenticationForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": (
            "That username and password don't match an account. Check both "
            "(the password is case-sensitive) and try again."
        ),
        "inactive": "This account is switched off. Ask your teacher to reactivate it.",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update({"autocapitalize": "none", "autofocus": True})


class SignUpForm(_UserCreationForm):
    # Filled in by static/js/app.js from the browser (Intl); empty without JavaScript.
    time_zone = forms.CharField(
        required=False, widget=forms.HiddenInput(attrs={"data-browser-time-zone": ""})
    )
    email = forms.EmailField(
        required=False,
        help_text="Optional. Only used if you forget your password.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[
            "username"
        ].help_text = "Letters, digits and @ . + - _ only; up to 150 characters."
        self.fields["username"].widget.attrs.update(
            {"autocapitalize": "none", "autocomplete": "username", "autofocus": True}
        )
        self.fields["password1"].help_text = (
            "At least 8 characters; not only digits, not a common password, "
            "and not too close to your username."
        )
        self.fields["password2"].help_text = "The same password again, to catch typos."
        self.error_messages = {
            **self.error_messages,
            "password_mismatch": "The two passwords are different. Type the same password twice.",
        }

    def clean_time_zone(self) -> str:
        """The browser's zone when it is a real one; otherwise none (the default stays)."""
        name = self.cleaned_data.get("time_zone", "")
        return name if name in zoneinfo.available_timezones() else ""

    def clean_username(self) -> str:
        username: str = self.cleaned_data.get("username", "")
        User = get_user_model()
        if username and User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(
                "That username is taken. Try another, or log in if it is yours."
            )
        return username


class FriendlyPasswordChangeForm(PasswordChangeForm):
    error_messages = {
        **PasswordChangeForm.error_messages,
        "password_incorrect": "Your current password is not right. Type it again.",
        "password_mismatch": "The two new passwords are different. Type the same one twice.",
    }


class FriendlyPasswordResetForm(PasswordResetForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Email address"
        self.fields["email"].help_text = "The address you gave when you signed up."
        self.fields["email"].widget.attrs.update({"autofocus": True})


class FriendlySetPasswordForm(_SetPasswordForm):
    error_messages = {
        **SetPasswordForm.error_messages,
        "password_mismatch": "The two new passwords are different. Type the same one twice.",
    }


class QuestionReportForm(forms.Form):
    reason = forms.ChoiceField(
        choices=REPORT_REASONS, error_messages={"required": "Choose what is wrong."}
    )
    comment = forms.CharField(required=False, max_length=1000)


class QuizStartForm(forms.Form):
    bank = forms.TypedChoiceField(label="Question bank", coerce=int, choices=())
    size = forms.TypedChoiceField(
        label="Number of questions",
        coerce=int,
        choices=[(n, f"{n} questions") for n in QUIZ_LENGTHS],
        initial=QUIZ_LENGTHS[1],
    )

    def __init__(self, *args: Any, banks: Iterable[Any] = (), **kwargs: Any) -> None:
        # banks: QuestionBank rows annotated with question_count (bank_list_studyable)
        super().__init__(*args, **kwargs)
        self.bank_ids = {bank.pk for bank in banks}
        cast(forms.ChoiceField, self.fields["bank"]).choices = [
            (bank.pk, f"{bank.title} ({bank.question_count} questions)") for bank in banks
        ]

    def clean_bank(self) -> int:
        bank_id: int = self.cleaned_data["bank"]
        if bank_id not in self.bank_ids:
            raise forms.ValidationError("Choose one of the published banks.")
        return bank_id


@cache
def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


class PreferencesForm(forms.Form):
    """Retention is entered as a percentage (70-99) and handed on as a fraction."""

    desired_retention = forms.IntegerField(
        label="Desired retention (%)",
        min_value=70,
        max_value=99,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": "1"}),
        help_text=(
            "How likely you want to be to remember a card when it comes back: 70 to 99 %. "
            "Higher means more reviews and shorter intervals; 90 suits most people."
        ),
    )
    new_cards_per_day = forms.IntegerField(
        label="New cards per day",
        min_value=0,
        max_value=9999,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        help_text="How many cards you have not seen yet may enter your study each day.",
    )
    time_zone = forms.ChoiceField(
        label="Time zone",
        choices=time_zone_choices,
        help_text="Your day (and your streak) starts in this time zone.",
    )

    def clean_desired_retention(self) -> float:
        percent: int = self.cleaned_data["desired_retention"]
        return percent / 100

    @staticmethod
    def initial_from(preferences: Preferences) -> dict[str, object]:
        return {
            "desired_retention": round(preferences.desired_retention * 100),
            "new_cards_per_day": preferences.new_cards_per_day,
            "time_zone": preferences.time_zone,
        }
