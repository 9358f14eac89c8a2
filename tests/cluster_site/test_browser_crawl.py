"""The accessibility and HTML-validity audit of the whole site (RGAA 4.1 / WCAG 2.1 AA).

On the demo content, a browser crawls every kind of public page and every kind of page of a
logged-in member, in French and English: it starts from the home pages, the sitemap and the
header links, follows the same-site links, and keeps one instance of each resolved view (and
of each view with a query string) per reader and language, so that no kind of page is
missed, including the pages other apps add later, while the run stays within a few minutes
(the visitor's and the member's crawls are two tests, run side by side by two test
processes; about 150 pages each). On each page it runs axe-core,
measures the width at 320 px (reflow without horizontal scrolling) and reads the layout
shifts; the server's HTML of every page is then validated in one batch by the Nu HTML
checker (vnu.jar, installed by ``make vnu``; under CI=true a missing checker fails the run).

The figures of the last run (pages, durations) are printed, for the accessibility statement.
"""

import io
import json
import os
import re
import shutil
import subprocess
import time
from collections import Counter, deque
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import translation

from tests.conftest import skip_or_fail

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = Path(
    os.environ.get("VNU_JAR", ROOT / ".cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar")
)
DEMO_MEMBER = "member@voltaria-demo.example"
# Pages kept per kind (language, view, with or without a query string): one of each, for the
# visitor and for the member, in French and in English.
INSTANCES = {("visitor", "fr"): 1, ("visitor", "en"): 1, ("member", "fr"): 1, ("member", "en"): 1}
NARROW = 320

# Never followed: the back-office, leaving the session, files and feeds (not pages).
SKIP = re.compile(
    r"^/(?:en/)?(?:admin/|accounts/logout|static/|media/|i18n/)"
    r"|\.(?:ics|xml|csv|xlsx|pdf|zip|json|txt|png|jpe?g|svg|webp)$"
    r"|/(?:feed|calendar|export|download)[^/]*/?$"
)

# axe-core is put in every page by the browser context (an init script) and asked for the
# violations only, which spares it the details of every rule that passes.
AXE_RUN = "() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)"

LAYOUT_SHIFT = """
() => new Promise((resolve) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 30);
})
"""


def vnu_command() -> list[str] | None:
    java = shutil.which("java")
    if not java or not VNU_JAR.exists():
        return None
    return [java, "-Xss4m", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always"]


def view_key(path: str, query: str) -> str | None:
    """What two pages have in common when they are 'the same kind of page'."""
    language = "en" if path.startswith("/en/") else "fr"
    try:
        with translation.override(language):
            match = resolve(path)
    except Resolver404:
        return None
    return f"{language}:{match.view_name}{'?' if query else ''}"


class Crawl:
    def __init__(self, context, base: str, who: str):
        self.context, self.base, self.who = context, base, who
        self.tab = context.new_page()
        self.kept: Counter = Counter()
        self.seen: set[str] = set()
        self.pages: dict[str, str] = {}  # url -> the server's HTML
        self.problems: list[str] = []
        self.axe_checked = 0

    def enqueue(self, queue: deque, url: str) -> None:
        url = urldefrag(urljoin(self.base + "/", url))[0]
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" != self.base or url in self.seen:
            return
        if SKIP.search(parts.path):
            return
        key = view_key(parts.path, parts.query)
        self.seen.add(url)
        if key is None:
            self.problems.append(f"{self.who}: broken link {url} (no such address)")
            return
        if self.kept[key] >= INSTANCES[self.who, key[:2]]:
            return
        self.kept[key] += 1
        queue.append(url)

    def run(self, starts: list[str]) -> None:
        queue: deque = deque()
        for url in starts:
            self.enqueue(queue, url)
        while queue:
            url = queue.popleft()
            response = self.context.request.get(url, max_redirects=0)
            if response.status in (301, 302, 303, 307, 308):
                self.enqueue(queue, response.headers.get("location", ""))
                continue
            if response.status >= 400:
                self.problems.append(f"{self.who}: {url} answers {response.status}")
                continue
            if not response.headers.get("content-type", "").startswith("text/html"):
                continue
            self.pages[url] = response.text()
            self.tab.set_viewport_size({"width": 1280, "height": 900})
            self.tab.goto(url)
            shift = self.tab.evaluate(LAYOUT_SHIFT)
            if shift:
                # A shift must come back on a second load to count: on a loaded machine a
                # late resource can move a page once, which no visitor's page does twice.
                self.tab.goto(url)
                shift = self.tab.evaluate(LAYOUT_SHIFT)
            if shift:
                self.problems.append(f"{self.who}: {url} layout shift {shift:.3f}")
            violations = self.tab.evaluate(AXE_RUN)
            self.axe_checked += 1
            for violation in violations:
                targets = [str(node["target"]) for node in violation["nodes"]][:3]
                self.problems.append(f"{self.who}: {url} axe {violation['id']} {targets}")
            self.tab.set_viewport_size({"width": NARROW, "height": 700})
            width = self.tab.evaluate("document.documentElement.scrollWidth")
            if width > NARROW:
                wide = self.tab.evaluate(WIDEST)
                self.problems.append(f"{self.who}: {url} is {width}px wide at 320px: {wide}")
            for href in self.tab.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
                self.enqueue(queue, href)


# The elements that stick out at 320 px, to say where a horizontal scroll comes from.
WIDEST = """
() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .slice(-3)
  .map(e => e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className
    ? '.' + e.className.split(' ').join('.') : ''))
"""


def validate(pages: dict[str, str], folder: Path) -> list[str]:
    """The Nu checker's errors on every collected page, in one run of vnu.jar."""
    command = vnu_command()
    names = {}
    for number, (url, html) in enumerate(pages.items()):
        path = folder / f"page-{number:04d}.html"
        path.write_text(html)
        names[path.name] = url
    done = subprocess.run(
        [*command, *(str(folder / name) for name in names)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = json.loads(done.stderr or done.stdout)
    errors = []
    for message in report["messages"]:
        if message.get("type") == "error" or message.get("subType") == "fatal":
            url = names.get(Path(urlsplit(message.get("url", "")).path).name, "?")
            errors.append(f"vnu: {url} line {message.get('lastLine')}: {message['message']}")
    return errors


def serve_media(route) -> None:
    """The uploaded files (logos, covers) that the live test server does not serve (DEBUG is
    off in tests): a missing picture would otherwise be swapped for its placeholder at a
    random moment, a layout shift of the test's own making."""
    name = unquote(urlsplit(route.request.url).path).removeprefix(settings.MEDIA_URL)
    path = Path(settings.MEDIA_ROOT) / name
    if path.is_file():
        route.fulfill(path=str(path))
    else:
        route.fulfill(status=404)


# The visitor's and the member's crawls are two tests, so that two test processes share them.
@pytest.mark.parametrize("who", ["visitor", "member"])
def test_every_page_is_accessible_and_valid(who, browser, live_server, tmp_path, capsys):
    if vnu_command() is None:
        skip_or_fail(f"needs java and the Nu HTML checker at {VNU_JAR} (make vnu)")
    import axe_playwright_python

    from accounts.models import User

    axe_script = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()

    started = time.monotonic()
    call_command("load_demo", stdout=io.StringIO())
    loaded = time.monotonic()
    base = live_server.url
    sitemap = Client().get("/sitemap.xml").content.decode()
    starts = ["/", "/en/", *re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    starts = [urlsplit(url)._replace(scheme="", netloc="").geturl() for url in starts]

    context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 900})
    context.add_init_script(axe_script)
    context.route(f"{base}{settings.MEDIA_URL}**", serve_media)
    if who == "member":
        client = Client()
        client.force_login(User.objects.get(email=DEMO_MEMBER))
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base}])
    crawls = [Crawl(context, base, who)]
    try:
        crawls[0].run([*starts, "/dashboard/", "/en/dashboard/"])
    finally:
        context.close()
    crawled = time.monotonic()
    pages = {f"{crawl.who} {url}": html for crawl in crawls for url, html in crawl.pages.items()}
    problems = [problem for crawl in crawls for problem in crawl.problems]
    problems += validate(pages, tmp_path)
    finished = time.monotonic()
    with capsys.disabled():
        print(  # noqa: T201 (the figures for the accessibility statement)
            f"\ncrawl: {sum(c.axe_checked for c in crawls)} pages "
            f"({', '.join(f'{c.who} {c.axe_checked}' for c in crawls)}), "
            f"{len({k for c in crawls for k in c.kept})} kinds of page; "
            f"demo {loaded - started:.0f} s, browser {crawled - loaded:.0f} s, "
            f"vnu {finished - crawled:.0f} s; {len(problems)} problems"
        )
    assert not problems, "\n".join(problems)
