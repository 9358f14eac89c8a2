"""The portal as a cluster on this machine (deploy/cluster.py, `make cluster`): a member's
journey through nginx, with requests landing on both app servers, then on one when the
other is stopped in the middle.

Slow (the cluster migrates a database and loads the demo first): marked ``cluster``, left
out of the normal run; `.ci/run` runs it with ``pytest -m cluster``.
"""

import email
import email.policy
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import lxml.html
import pytest
import requests
from PIL import Image

pytestmark = pytest.mark.cluster

ROOT = Path(__file__).resolve().parents[2]
MEMBER = "member@voltaria-demo.example"
PASSWORD = "demo-portal-2026"
ORGANISATION = "voltaria-demo"
STARTUP_SECONDS = 900


@pytest.fixture(scope="module")
def cluster():
    """A whole cluster (deploy/cluster.py start) on free ports, stopped at the end.
    PORTAL_CLUSTER_STATE=<state folder> uses a cluster already started instead (to debug
    the test: it stops that cluster's app-1)."""
    running = os.environ.get("PORTAL_CLUSTER_STATE")
    if running:
        yield json.loads((Path(running) / "cluster.json").read_text())
        return
    # Under /tmp, not pytest's private tmp: nginx's workers (nobody) read the static files.
    state = Path(tempfile.mkdtemp(prefix="portal-cluster-test-"))
    output = open(state / "supervisor.log", "wb")  # noqa: SIM115 - closed at the end
    command = [sys.executable, ROOT / "deploy" / "cluster.py", "start", "--port", "0"]
    supervisor = subprocess.Popen(
        [*command, "--state-dir", state, "--database", "portal_cluster_test"],
        cwd=ROOT,
        stdout=output,
        stderr=subprocess.STDOUT,
    )
    info_path = state / "cluster.json"
    deadline = time.monotonic() + STARTUP_SECONDS
    info = {}
    while time.monotonic() < deadline:
        if supervisor.poll() is not None:
            break
        if info_path.exists():
            info = json.loads(info_path.read_text())
            if info.get("ready"):
                break
        time.sleep(1)
    if not info.get("ready"):
        supervisor.kill()
        output.close()
        pytest.fail("the cluster did not start:\n" + (state / "supervisor.log").read_text())
    try:
        yield info
    finally:
        supervisor.send_signal(signal.SIGTERM)
        try:
            supervisor.wait(120)
        except subprocess.TimeoutExpired:
            supervisor.kill()
        output.close()
        shutil.rmtree(state, ignore_errors=True)
        drop_database(info["database_url"])


def drop_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{parts.path.strip("/")}" WITH (FORCE)')


class Visitor:
    """A browser going through nginx: it keeps its cookies and notes which app server
    answered each request (the X-App-Server header)."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.session = requests.Session()
        self.servers: list[str] = []
        self.statuses: list[int] = []

    def _note(self, response):
        for answer in [*response.history, response]:
            self.statuses.append(answer.status_code)
            if "X-App-Server" in answer.headers:
                self.servers.append(answer.headers["X-App-Server"])
        return response

    def get(self, path: str, **options):
        url = path if path.startswith("http") else self.base_url + path
        return self._note(self.session.get(url, timeout=30, **options))

    def post(self, path: str, data, **options):
        url = path if path.startswith("http") else self.base_url + path
        return self._note(self.session.post(url, data=data, timeout=60, **options))

    def form(self, path: str, selector: str):
        """The page at ``path`` and the current values of its form ``selector`` (XPath)."""
        page = self.get(path)
        assert page.status_code == 200, (path, page.status_code)
        document = lxml.html.fromstring(page.text)
        form = document.xpath(selector)[0]
        return page, form, dict_of(form.form_values())

    def log_in(self, email_address: str, password: str):
        _, form, values = self.form("/accounts/login/", "//form[.//input[@name='login']]")
        values |= {"login": email_address, "password": password}
        return self.post(form.get("action") or "/accounts/login/", values)


def dict_of(pairs) -> dict:
    """Form values as requests wants them: repeated names (checkboxes) as lists."""
    values: dict = {}
    for name, value in pairs:
        if name in values:
            previous = values[name]
            values[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            values[name] = value
    return values


def png(colour) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), colour).save(buffer, "PNG")
    return buffer.getvalue()


def messages(mail_dir: str) -> list:
    return [
        email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        for path in sorted(Path(mail_dir).glob("*.eml"))
    ]


def wait_for_port_closed(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"port {port} still open")


def open_event_page(visitor: Visitor) -> tuple[str, str, dict, str]:
    """An event of the demo the member can register for: (its address, the registration
    form's action and values, its title)."""
    listing = lxml.html.fromstring(visitor.get("/events/").text)
    seen = set()
    for href in listing.xpath("//main//a/@href"):
        if not href.startswith("/events/") or href.count("/") != 3 or href in seen:
            continue
        seen.add(href)
        page = visitor.get(href)
        document = lxml.html.fromstring(page.text)
        forms = document.xpath("//form[contains(@action, '/register/')]")
        if page.status_code == 200 and forms:
            values = dict_of(forms[0].form_values())
            return href, forms[0].get("action"), values, document.xpath("string(//h1)").strip()
    raise AssertionError("no event of the demo is open for registration")


def test_a_member_journey_across_two_app_servers_and_one_failure(cluster):
    base = cluster["url"]
    processes = cluster["processes"]
    mail_dir = cluster["mail_dir"]

    # Anonymous pages: nginx balances them between the two app servers.
    visitor = Visitor(base)
    for _ in range(4):
        assert visitor.get("/").status_code == 200
    assert set(visitor.servers) == {"app-1", "app-2"}

    # Static files: served by nginx, hashed names cached for a year, compressed.
    home = lxml.html.fromstring(visitor.get("/").text)
    stylesheet = home.xpath("//link[@rel='stylesheet']/@href")[0]
    static = visitor.get(stylesheet, headers={"Accept-Encoding": "gzip"})
    assert static.status_code == 200 and "X-App-Server" not in static.headers
    assert "immutable" in static.headers["Cache-Control"]
    assert static.headers.get("Content-Encoding") == "gzip"

    # The organisation's public page, cached for visitors by both app servers.
    profile = f"/members/{ORGANISATION}/"
    for _ in range(4):
        assert visitor.get(profile).status_code == 200
    assert visitor.get(profile).headers.get("X-Page-Cache") == "hit"

    # Rate limits are shared: failed logins for one address, spread over both servers, are
    # counted together (allauth: 5 failures per address in 5 minutes).
    intruder = Visitor(base)
    _, form, values = intruder.form("/accounts/login/", "//form[.//input[@name='login']]")
    values |= {"login": "nobody-cluster@example.org", "password": "wrong-password"}
    intruder.servers.clear()
    answers = [intruder.post(form.get("action") or "/accounts/login/", values) for _ in range(6)]
    assert set(intruder.servers) == {"app-1", "app-2"}
    rate_limited = ("Too many failed login attempts", "Trop de tentatives")
    for answer in answers[:5]:  # wrong password, said as such
        assert answer.status_code == 200
        assert not any(text in answer.text for text in rate_limited)
    limited = answers[5]
    assert limited.status_code == 429 or any(text in limited.text for text in rate_limited)

    # The member logs in; the session holds whichever server answers.
    member = Visitor(base)
    signed_in = member.log_in(MEMBER, PASSWORD)
    assert signed_in.status_code == 200 and "/accounts/login/" not in signed_in.url
    member.servers.clear()
    for _ in range(4):
        dashboard = member.get("/dashboard/")
        assert dashboard.status_code == 200 and dashboard.url.endswith("/dashboard/")
        assert not dashboard.history  # never sent back to the login page
    assert set(member.servers) == {"app-1", "app-2"}

    # The member edits the profile with a new logo, through one server...
    edit = f"/members/{ORGANISATION}/edit/"
    _, form, values = member.form(edit, "//form[@enctype='multipart/form-data']")
    pitch = f"Batteries fictives, version {int(time.time())}"
    values |= {"pitch_fr": pitch, "pitch": pitch}
    values.pop("logo-clear", None)
    saved = member.post(
        edit,
        values,
        files={"logo": ("logo.png", png("#0b7a4b"), "image/png")},
        allow_redirects=False,
    )
    assert saved.status_code == 302, saved.text[:2000]
    uploaded_through = saved.headers["X-App-Server"]
    other = {"app-1": "app-2", "app-2": "app-1"}[uploaded_through]

    # ...and the other server shows the change at once to a visitor (the cached page was
    # invalidated), with the new logo, which nginx serves from the shared bucket.
    fresh = None
    for _ in range(6):
        page = visitor.get(profile)
        assert pitch in page.text  # fresh on both servers, never the cached old page
        if page.headers["X-App-Server"] == other:
            fresh = page
    assert fresh is not None, visitor.servers
    logo_urls = lxml.html.fromstring(fresh.text).xpath(
        "//img[contains(@src, '/media/logos/')]/@src"
    )
    assert logo_urls, "the profile shows no uploaded logo"
    logo = visitor.get(logo_urls[0])
    assert logo.status_code == 200
    assert logo.headers["Content-Type"].startswith("image/")
    assert "X-App-Server" not in logo.headers  # from the bucket, through nginx

    # One app server stops in the middle of the journey: the journey goes on through the
    # other one (nginx passes the requests of the stopped server to it).
    os.kill(processes["app-1"]["pid"], signal.SIGTERM)
    wait_for_port_closed(processes["app-1"]["port"])
    member.servers.clear()
    member.statuses.clear()

    event_page, register, values, title = open_event_page(member)
    before = len(messages(mail_dir))
    registered = member.post(register, values)
    assert registered.status_code == 200
    assert registered.url.endswith(event_page)
    my_events = member.get("/events/mine/")
    assert my_events.status_code == 200 and title in my_events.text
    assert member.get("/dashboard/").status_code == 200
    assert set(member.servers) == {"app-2"}
    assert max(member.statuses) < 500, member.statuses

    # The worker sends the confirmation over SMTP, exactly once.
    deadline = time.monotonic() + 90
    confirmations = []
    while time.monotonic() < deadline and not confirmations:
        confirmations = [
            message
            for message in messages(mail_dir)[before:]
            if MEMBER in str(message["To"]) and title in str(message["Subject"])
        ]
        time.sleep(0.5)
    assert confirmations, "no confirmation email from the worker"
    time.sleep(5)  # a second copy would come now
    all_messages = messages(mail_dir)
    confirmations = [
        message
        for message in all_messages[before:]
        if MEMBER in str(message["To"]) and title in str(message["Subject"])
    ]
    assert len(confirmations) == 1
    ids = [message["Message-ID"] for message in all_messages]
    assert len(ids) == len(set(ids)), "an email was sent twice"
