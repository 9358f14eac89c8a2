import pytest

from trainings.demo import load_provider


@pytest.fixture
def provider(db):
    """The cluster's training organisation details (the demo values)."""
    return load_provider()


@pytest.fixture
def mail_on_commit(django_capture_on_commit_callbacks):
    """Run the on_commit callbacks (emails) of the block, as a real commit would."""

    def capture():
        return django_capture_on_commit_callbacks(execute=True)

    return capture
