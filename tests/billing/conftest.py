import pytest

from tests.billing.factories import FeeScaleFactory


@pytest.fixture
def scale(db):
    from django.utils import timezone

    return FeeScaleFactory(year=timezone.localdate().year)
