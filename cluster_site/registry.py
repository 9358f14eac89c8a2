"""Discovery of the optional per-app modules that site-wide features gather.

Each app may ship:
- ``demo.py`` with ``load(*, scale: int, out) -> None`` (demo content, `manage.py load_demo`);
- ``sitemaps.py`` with a ``SITEMAPS`` dict (merged into /sitemap.xml).

The portal apps are listed in dependency order: an app's demo content may use what the apps
before it loaded.
"""

from importlib import import_module
from importlib.util import find_spec
from types import ModuleType

PORTAL_APPS = [
    "accounts",
    "content",
    "members",
    "networks",
    "projects",
    "trainings",
    "events",
    "cluster_site",
]


def app_modules(module_name: str) -> list[ModuleType]:
    """Import ``<app>.<module_name>`` for every portal app that has one, in app order."""
    modules = []
    for app in PORTAL_APPS:
        if find_spec(f"{app}.{module_name}") is not None:
            modules.append(import_module(f"{app}.{module_name}"))
    return modules


def sitemaps() -> dict:
    merged = {}
    for module in app_modules("sitemaps"):
        merged.update(module.SITEMAPS)
    return merged
