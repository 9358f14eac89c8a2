"""The floors of the portal, as the README draws them, hold in the code.

Every import of every Python module of the portal apps (module level or inside a function,
migrations included) is read with ``ast``; an import of a portal app that the floors forbid
fails the test with the file and line.
"""

import ast
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
    "cluster_site": {
        "core",
        "accounts",
        "content",
        "members",
        "networks",
        "projects",
        "trainings",
        "events",
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
