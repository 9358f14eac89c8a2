import json

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.forms import AccountDeleteForm, ProfileForm
from accounts.personal_data import (
    AccountDeletionBlocked,
    deletion_blockers,
    deletion_summary,
    export_user_data,
    user_delete,
)


@login_required
def account_me(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your details are saved."))
        return redirect("accounts:me")
    has_totp = Authenticator.objects.filter(
        user=request.user, type=Authenticator.Type.TOTP
    ).exists()
    return render(request, "accounts/account_me.html", {"form": form, "has_totp": has_totp})


@login_required
def account_export(request):
    data = export_user_data(request.user)
    stamp = timezone.localdate().isoformat()
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="my-data-{stamp}.json"'
    return response


@login_required
def account_delete(request):
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        try:
            user_delete(user=user)
        except AccountDeletionBlocked as blocked:
            for reason in blocked.reasons:
                form.add_error(None, reason)
        else:
            logout(request)
            messages.success(request, _("Your account and your personal data are deleted."))
            return redirect("home")
    return render(
        request,
        "accounts/account_delete.html",
        {
            "form": form,
            "summary": deletion_summary(request.user),
            "blockers": deletion_blockers(request.user),
        },
    )
