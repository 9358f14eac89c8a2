import pytest


@pytest.fixture(autouse=True)
def _no_throttle(settings):
    settings.NEWSLETTER_BATCH_PAUSE = 0
    settings.SITE_URL = "https://portal.example.org"
