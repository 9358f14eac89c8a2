from allauth.account.adapter import DefaultAccountAdapter
from django.urls import translate_url
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    """Emails go out in the person's language; after sign-in the site switches to it."""

    def get_login_redirect_url(self, request):
        url = super().get_login_redirect_url(request)
        language = getattr(request.user, "language", "")
        return translate_url(url, language) if language else url

    def send_mail(self, template_prefix, email, context):
        user = context.get("user")
        language = getattr(user, "language", None) or translation.get_language()
        with translation.override(language):
            super().send_mail(template_prefix, email, context)
