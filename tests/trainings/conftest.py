import pytest

from trainings.demo import load_provider


@pytest.fixture
def provider(db):
    """The cluster's training organisation details (the demo values)."""
    return load_provider()
