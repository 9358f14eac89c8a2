"""Test set-up shared by every app: fast settings, markers, personas, the browser."""

import functools
import os
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.utils import translation

# Playwright's synchronous API runs an event loop in the test thread; the ORM calls the
# tests make between two browser steps are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

IN_CI = os.environ.get("CI", "").lower() == "true"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def skip_or_fail(reason: str) -> None:
    """Outside CI a missing capability skips the test; under CI=true it fails the run."""
    if IN_CI:
        pytest.fail(f"{reason} (required under CI=true)", pytrace=False)
    pytest.skip(reason)


def pytest_runtest_setup(item):
    if item.get_closest_marker("postgres") and connection.vendor != "postgresql":
        skip_or_fail("needs PostgreSQL: set DATABASE_URL=postgres://...")
    if item.get_closest_marker("browser") and not Path(CHROMIUM).exists():
        skip_or_fail(f"needs Chromium at {CHROMIUM} (apt-get install chromium)")


# Tests that count queries measure what building a page costs: the page and fragment caches
# are off for them (a test or module marked ``page_cache`` keeps them on).
QUERY_COUNTING = ("CaptureQueriesContext", "num_queries")


@functools.cache
def _counts_queries(path: str) -> bool:
    text = Path(path).read_text()
    return any(word in text for word in QUERY_COUNTING)


@pytest.fixture(autouse=True)
def _page_cache_settings(request, settings):
    if request.node.get_closest_marker("page_cache"):
        return
    if _counts_queries(str(request.node.path)):
        settings.PAGE_CACHE_SECONDS = 0
        settings.FRAGMENT_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "media-private"
    settings.STAFF_MFA_EXEMPT_EMAILS = []
    # Rate limits, cached fragments and the active language must not leak between tests.
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)
    yield
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)


class LanguageSafeClient(Client):
    """A test client after whose requests the test's own language is active again.

    A request to /en/... activates English in the thread; without this, every later
    reverse() or get_absolute_url() of the test would silently build English addresses.
    """

    def request(self, **request):
        language = translation.get_language()
        try:
            return super().request(**request)
        finally:
            translation.activate(language)


@pytest.fixture
def client():
    return LanguageSafeClient()


@pytest.fixture
def mail_on_commit(django_capture_on_commit_callbacks):
    """Run the on_commit callbacks (emails) of the block, as a real commit would:
    ``with mail_on_commit(): client.post(...)``."""

    def capture():
        return django_capture_on_commit_callbacks(execute=True)

    return capture


@pytest.fixture
def in_english():
    """Run a test in English, the language of the source strings it checks."""
    with translation.override("en"):
        yield


@pytest.fixture
def user(db):
    from tests.factories import UserFactory

    return UserFactory()


@pytest.fixture
def staff(db):
    """A staff superuser who has set up two-factor authentication."""
    from tests.factories import StaffFactory

    return StaffFactory()


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    """The system Chromium driven by Playwright (never a downloaded browser)."""
    if not Path(CHROMIUM).exists():
        skip_or_fail(f"needs Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab on the live test server; fails the test on CSP violations."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    tab = context.new_page()
    csp_errors = []
    tab.on(
        "console",
        lambda message: (
            csp_errors.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield tab
    context.close()
    assert not csp_errors, f"Content-Security-Policy violations: {csp_errors}"


@pytest.fixture
def assert_accessible():
    """Run axe-core on the current page and fail with its report if anything is found."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(tab, context: str = ""):
        results = axe.run(tab)
        assert results.violations_count == 0, (
            f"axe-core found accessibility problems on {tab.url} {context}:\n"
            f"{results.generate_report()}"
        )

    return check


# Personas (STYLE §7): the admin of an organisation, a plain colleague, and an outsider who
# administers another organisation.
@pytest.fixture
def organisation(db):
    from tests.members.factories import OrganisationFactory

    return OrganisationFactory()


@pytest.fixture
def owner(organisation):
    """An admin of ``organisation``."""
    from members.models import Membership
    from tests.members.factories import MembershipFactory

    return MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN).user


@pytest.fixture
def colleague(organisation):
    """A plain colleague (not an admin) of ``organisation``."""
    from members.models import Membership
    from tests.members.factories import MembershipFactory

    return MembershipFactory(organisation=organisation, role=Membership.Role.COLLEAGUE).user


@pytest.fixture
def outsider(db):
    """The admin of another organisation."""
    from members.models import Membership
    from tests.members.factories import MembershipFactory

    return MembershipFactory(role=Membership.Role.ADMIN).user


# A real S3-compatible server (moto in server mode) for the tests marked `s3`: one per test
# session, on a free port; every test gets buckets of its own.
S3_REGION = "eu-west-3"


@pytest.fixture(scope="session")
def s3_server():
    """The address of a moto S3 server running in a thread for the whole session."""
    import logging
    import socket

    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request otherwise

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


class S3:
    """Buckets on the test S3 server, with a client to look at them from outside the portal."""

    def __init__(self, endpoint: str):
        import boto3

        self.endpoint = endpoint
        self.client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name=S3_REGION,
            aws_access_key_id="test-key",
            aws_secret_access_key="test-secret",
        )

    def create_buckets(self, prefix: str = "portal") -> dict:
        """Two new buckets (public, private) and the STORAGES that use them."""
        import json
        import uuid

        from core.storage import public_read_policy, s3_storages

        suffix = uuid.uuid4().hex[:10]
        self.bucket, self.private_bucket = f"{prefix}-{suffix}", f"{prefix}-private-{suffix}"
        for bucket in (self.bucket, self.private_bucket):
            self.client.create_bucket(
                Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": S3_REGION}
            )
        policy = json.dumps(public_read_policy(self.bucket))
        self.client.put_bucket_policy(Bucket=self.bucket, Policy=policy)
        return s3_storages(
            bucket=self.bucket,
            private_bucket=self.private_bucket,
            endpoint_url=self.endpoint,
            region=S3_REGION,
            access_key="test-key",
            secret_key="test-secret",
        )

    def environment(self) -> dict[str, str]:
        """The S3_* variables of the current buckets, for a `manage.py` run in a subprocess."""
        return {
            "S3_BUCKET": self.bucket,
            "S3_PRIVATE_BUCKET": self.private_bucket,
            "S3_ENDPOINT_URL": self.endpoint,
            "S3_REGION": S3_REGION,
            "S3_ACCESS_KEY_ID": "test-key",
            "S3_SECRET_ACCESS_KEY": "test-secret",
        }

    def keys(self, bucket: str) -> set[str]:
        listing = self.client.list_objects_v2(Bucket=bucket)
        return {item["Key"] for item in listing.get("Contents", [])}


@pytest.fixture
def s3(s3_server, settings):
    """The portal's public and private storages on two fresh buckets of the test S3 server."""
    s3 = S3(s3_server)
    settings.STORAGES = s3.create_buckets() | {"staticfiles": settings.STORAGES["staticfiles"]}
    return s3
