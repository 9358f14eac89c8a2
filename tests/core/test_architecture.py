"""The floors of the portal, as the README draws them, hold in the code.

Every import of every Python module of the portal apps (module level or inside a function,
migrations included) is read with ``ast``; an import of a portal app that the floors forbid
fails the test with the file and line.
"""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings

BASE = Path(settings.BASE_DIR)

# What each app may import besides itself (and third-party packages).
ALLOWED = {
    "core": set(),
    "accounts": {"core"},
    "content": {"core", "accounts"},
    "members": {"core", "accounts", "content"},
    "networks": {"core", "accounts", "content", "members"},
    "projects": {"core", "accounts", "content", "members"},
    "trainings": {"core", "accounts", "content", "members"},
    "events": {"core", "accounts", "content", "members"},
    "billing": {"core", "accounts", "content", "members", "trainings", "events"},
    "newsletter": {
        "core",
        "accounts",
        "content",
        "members",
        "networks",
        "projects",
        "trainings",
        "events",
    },
    "cluster_site": {
        "core",
        "accounts",
        "content",
        "members",
        "networks",
        "projects",
        "trainings",
        "events",
        "billing",
        "newsletter",
        "insights",
    },
    "insights": {
        "core",
        "accounts",
        "content",
        "members",
        "networks",
        "projects",
        "trainings",
        "events",
        "billing",
        "newsletter",
    },
}


def imported_apps(path: Path) -> list[tuple[int, str]]:
    """(line, portal app) for every import of a portal app in the file at ``path``."""
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in ALLOWED:
                found.append((node.lineno, top))
    return found


def violations(app: str) -> list[str]:
    problems = []
    for path in sorted((BASE / app).rglob("*.py")):
        for line, target in imported_apps(path):
            if target != app and target not in ALLOWED[app]:
                problems.append(f"{path.relative_to(BASE)}:{line} imports {target}")
    return problems


def test_every_portal_app_has_a_floor():
    assert set(settings.PORTAL_APPS) == set(ALLOWED)


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_app_imports_only_the_floors_below_it(app):
    assert violations(app) == []


def test_the_check_catches_a_forbidden_import(tmp_path):
    """The parser sees imports inside functions too (a check that cannot fail is useless)."""
    module = tmp_path / "sample.py"
    module.write_text(
        "import core.mail\n"
        "def late():\n"
        "    from events.models import Event\n"
        "    import projects.services as s\n"
    )
    assert imported_apps(module) == [(1, "core"), (3, "events"), (4, "projects")]


# One shape for every app: the same files for the same roles.
DOMAIN_APPS = [
    "accounts",
    "content",
    "members",
    "networks",
    "projects",
    "trainings",
    "events",
    "billing",
    "newsletter",
]
MAX_MODULE_LINES = 650  # past ~600 lines a module becomes a package


def exists(app: str, role: str) -> bool:
    return (BASE / app / f"{role}.py").is_file() or (BASE / app / role / "__init__.py").is_file()


@pytest.mark.parametrize("app", DOMAIN_APPS)
def test_app_has_the_files_of_every_app(app):
    from django.apps import apps

    from core.apps import PortalAppConfig

    missing = [
        role for role in ("models", "admin", "views", "urls", "hooks") if not exists(app, role)
    ]
    assert missing == []
    assert isinstance(apps.get_app_config(app), PortalAppConfig)
    assert sorted((BASE / app / "demo").glob("*.toml")), f"{app} keeps its demo data in {app}/demo/"
    urls = __import__(f"{app}.urls", fromlist=["app_name"])
    assert urls.app_name == app


def test_no_module_outgrows_a_package():
    too_long = []
    for app in ALLOWED:
        for path in (BASE / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            lines = len(path.read_text().splitlines())
            if lines > MAX_MODULE_LINES:
                too_long.append(f"{path.relative_to(BASE)}: {lines} lines")
    assert too_long == []


def test_every_email_goes_through_the_mail_service():
    """Only core sends messages; apps render ``<app>/emails/<name>.*`` through core.mail."""
    senders = []
    for app in ALLOWED:
        if app == "core":
            continue
        for path in (BASE / app).rglob("*.py"):
            if re.search(r"^\s*(from|import) django\.core\.mail\b", path.read_text(), re.M):
                senders.append(str(path.relative_to(BASE)))
    assert senders == []
    templates = BASE / "templates"
    assert not list(templates.glob("*/email/")), "email templates live in <app>/emails/"
    for subject in templates.glob("*/emails/*.subject.txt"):
        body = subject.with_name(subject.name.replace(".subject.txt", ".txt"))
        assert body.is_file(), f"{subject} has no text part"
