"""The student's own data: a page to download it (JSON) and to delete the account.
Thin over learning.account (through learning.api)."""

from __future__ import annotations

from django import forms
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from learning.api import AccountError, account_delete, account_export

from .requests import SignedInRequest


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="Deleting your account removes your cards, reviews and quiz results. "
        "It cannot be undone.",
    )
    confirm = forms.BooleanField(label="Yes, delete my account and all my data")


@login_required
@require_GET
def account(request: SignedInRequest) -> HttpResponse:
    return render(
        request, "web/account/index.html", {"form": AccountDeleteForm(), "nav": "account"}
    )


@login_required
@require_GET
def account_export_download(request: SignedInRequest) -> JsonResponse:
    response = JsonResponse(
        account_export(user=request.user),
        encoder=DjangoJSONEncoder,
        json_dumps_params={"indent": 2, "ensure_ascii": False},
    )
    filename = f"newsquiz-{request.user.get_username()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_POST
def account_delete_view(request: SignedInRequest) -> HttpResponse:
    form = AccountDeleteForm(request.POST)
    if form.is_valid():
        try:
            result = account_delete(user=request.user, password=form.cleaned_data["password"])
        except AccountError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            logout(request)
            return render(request, "web/account/deleted.html", {"result": result})
    return render(request, "web/account/index.html", {"form": form, "nav": "account"}, status=400)
