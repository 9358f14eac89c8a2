"""The account pages' tests: requests commit, so their emails leave as in production."""

import pytest
from django.test import TestCase

from tests.conftest import LanguageSafeClient


class CommittingClient(LanguageSafeClient):
    """A test client whose requests end as a real one does: the on_commit callbacks of the
    request (the emails allauth sends through the mail service) run when it returns."""

    def request(self, **request):
        with TestCase.captureOnCommitCallbacks(execute=True):
            return super().request(**request)


@pytest.fixture
def client():
    return CommittingClient()
