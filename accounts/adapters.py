from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.urls import translate_url
from django.utils import translation

from core import mail


class AccountAdapter(DefaultAccountAdapter):
    """Emails go out in the person's language; after sign-in the site switches to it."""

    def get_login_redirect_url(self, request):
        url = super().get_login_redirect_url(request)
        language = getattr(request.user, "language", "")
        return translate_url(url, language) if language else url

    def get_from_email(self) -> str:
        """The sender's name in the email's language (core.mail.sender)."""
        return mail.sender() or super().get_from_email()

    def format_email_subject(self, subject: str) -> str:
        """The portal's subject prefix, with the brand in the email's language."""
        return mail.subject_prefix() + str(subject)

    def send_mail(self, template_prefix, email, context):
        """allauth's account emails, rendered by allauth, sent through the portal's mail
        service (after the commit, by the delivery task) like every other email."""
        request = allauth_context.request
        context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
        }
        user = context.get("user")
        language = getattr(user, "language", None) or translation.get_language()
        with translation.override(language):
            message = self.render_mail(template_prefix, email, context)
        mail.send_message(message)
