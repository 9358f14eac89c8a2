"""A mail backend that fails a given number of times, then delivers (to the locmem outbox)."""

from smtplib import SMTPServerDisconnected

from django.core.mail.backends.locmem import EmailBackend


class FlakyBackend(EmailBackend):
    """Fails ``failures`` sends (SMTPServerDisconnected, as a broken SMTP server would), then
    works. Counted across instances: each delivery opens a new connection."""

    failures = 2
    calls = 0

    def send_messages(self, messages):
        type(self).calls += 1
        if type(self).calls <= type(self).failures:
            raise SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)
