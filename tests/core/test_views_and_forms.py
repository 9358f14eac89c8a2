"""The view and form helpers the apps share."""

import pytest
from crispy_forms.layout import Submit
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.test import RequestFactory

from core.errors import PortalError
from core.forms import stacked_helper
from core.views import refusal_as_message


def request_with_messages():
    request = RequestFactory().post("/")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def test_a_refusal_becomes_an_error_message_and_stops_the_block():
    request = request_with_messages()
    reached = []
    with refusal_as_message(request):
        raise PortalError("Cet événement est complet.")
        reached.append("after")  # pragma: no cover
    assert reached == []
    assert [str(m) for m in get_messages(request)] == ["Cet événement est complet."]


def test_other_errors_are_not_swallowed():
    request = request_with_messages()
    with pytest.raises(ValueError), refusal_as_message(request):
        raise ValueError("a bug stays a bug")


class ShortForm(forms.Form):
    name = forms.CharField()
    email = forms.EmailField()


def test_a_stacked_helper_lays_out_every_field_then_the_button():
    form = ShortForm()
    button = Submit("send", "Envoyer")
    helper = stacked_helper(form, button, form_id="contact")
    assert helper.form_id == "contact"
    assert list(helper.layout.fields) == ["name", "email", button]
