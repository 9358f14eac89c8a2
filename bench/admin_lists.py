"""Screenshots of every back-office list at 1280 px, with what does not fit.

Signs in as a staff user (a session made directly in the database of the running server),
opens the changelist of every registered model, saves a screenshot and prints, for each
list, how much wider the table is than its space (0 = it fits) and the height of its
tallest row (a name wrapped over lines makes tall rows).

    DEBUG=true STAFF_MFA_EXEMPT_EMAILS=staff@vehicle-of-the-future.example \\
        .venv/bin/python manage.py runserver 127.0.0.1:8102 &
    DEBUG=true .venv/bin/python bench/admin_lists.py http://127.0.0.1:8102 /tmp/lists \\
        staff@vehicle-of-the-future.example
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cluster_site.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib import admin  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MEASURE = """() => {
  const table = document.querySelector('#result_list');
  if (!table) return {overflow: 0, tallest: 0, rows: 0};
  const box = table.parentElement;
  const rows = [...table.querySelectorAll('tbody tr')];
  return {
    overflow: Math.max(0, table.scrollWidth - box.clientWidth),
    tallest: Math.max(0, ...rows.map(row => row.getBoundingClientRect().height)),
    rows: rows.length,
  };
}"""


def main(base_url: str, folder: str, email: str, only: str = "") -> None:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    with translation.override(settings.LANGUAGE_CODE):
        lists = sorted(
            (model._meta.app_label, model._meta.model_name)
            for model in admin.site._registry
            if f"{model._meta.app_label}.{model._meta.model_name}".startswith(only)
        )
        urls = {key: reverse("admin:{}_{}_changelist".format(*key)) for key in lists}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base_url}]
        )
        page = context.new_page()
        for key, path in urls.items():
            response = page.goto(base_url + path)
            figures = page.evaluate(MEASURE)
            name = "{}_{}".format(*key)
            page.screenshot(path=str(out / f"{name}.png"))
            print(  # noqa: T201 (a tool run by hand)
                f"{response.status} {name:40} overflow={figures['overflow']:5}px "
                f"tallest_row={figures['tallest']:5.0f}px rows={figures['rows']}"
            )
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
