"""Translation catalogues kept app by app: ``manage.py messages [--app APP] [--check]``.

Each portal app owns ``<app>/locale/fr/LC_MESSAGES/django.po`` with the strings of its own
Python code and of its templates under ``templates/<app>/``; the strings of the shared
templates (base layout, includes, allauth overrides, errors) belong to ``cluster_site``.
English is the source language of the code, so only French catalogues exist.

``--check`` changes nothing: it fails when a string of the code is missing from its app's
catalogue, or when an entry is untranslated or fuzzy.
"""

import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.core.management.commands import makemessages

LANGUAGES = ["fr"]
PORTAL_APPS = settings.PORTAL_APPS
IGNORED = ["static/*", "staticfiles/*", "tests/*", "media*", "node_modules/*", "*.egg-info"]


def owner_of(relative_path: Path) -> str | None:
    """The portal app whose catalogue holds the strings of a file."""
    parts = relative_path.parts
    if not parts:
        return None
    if parts[0] in PORTAL_APPS:
        return parts[0]
    if parts[0] == "templates":
        if len(parts) > 2 and parts[1] in PORTAL_APPS:
            return parts[1]
        return "cluster_site"
    return None


class Command(makemessages.Command):
    help = "Update (or --check) the French catalogue of each portal app."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--app", action="append", default=[], choices=PORTAL_APPS)
        parser.add_argument("--check", action="store_true", help="Fail if catalogues lag.")

    def handle(self, *args, **options):
        base = Path(settings.BASE_DIR)
        apps = options["app"] or PORTAL_APPS
        problems = []
        for app in apps:
            self.app = app
            catalogue_dir = base / app / "locale"
            if options["check"]:
                with tempfile.TemporaryDirectory() as tmp:
                    self.target = Path(tmp)
                    self.extract(options, keep_pot=True)
                    problems += self.compare(app, catalogue_dir, Path(tmp) / "django.pot")
            else:
                self.target = catalogue_dir
                self.extract(options, keep_pot=False)
        if problems:
            raise CommandError("Translation catalogues need work:\n" + "\n".join(problems))
        if options["check"]:
            self.stdout.write("Every catalogue is complete.")

    def extract(self, options, *, keep_pot: bool):
        self.target.mkdir(parents=True, exist_ok=True)
        run_options = {
            **options,
            "locale": LANGUAGES,
            "exclude": [],
            "all": False,
            "domain": "django",
            "extensions": ["html", "txt", "py"],
            "ignore_patterns": list(options["ignore_patterns"]) + IGNORED,
            "no_obsolete": True,
            "keep_pot": keep_pot,
            "no_location": False,
            "add_location": "file",
            "verbosity": 0,
        }
        super().handle(**run_options)

    def find_files(self, root):
        base = Path(settings.BASE_DIR)
        found = []
        for translatable in super().find_files(root):
            path = (base / translatable.path).resolve().relative_to(base)
            if owner_of(path) == self.app:
                found.append(
                    self.translatable_file_class(
                        translatable.dirpath, translatable.file, str(self.target)
                    )
                )
        return found

    def build_potfiles(self):
        if str(self.target) not in self.locale_paths:
            self.locale_paths.append(str(self.target))
        return super().build_potfiles()

    def compare(self, app: str, catalogue_dir: Path, pot: Path) -> list[str]:
        problems = []
        for language in LANGUAGES:
            po = catalogue_dir / language / "LC_MESSAGES" / "django.po"
            if not pot.exists():
                continue
            if not po.exists():
                problems.append(f"{app}: {po} is missing; run `make messages`.")
                continue
            result = subprocess.run(
                ["msgcmp", str(po), str(pot)], capture_output=True, text=True, check=False
            )
            if result.returncode != 0:
                problems.append(f"{app} ({language}):\n{result.stderr.strip()}")
            import polib  # a development dependency, like this check

            catalogue = polib.pofile(str(po))
            lagging = [
                entry.msgid
                for entry in catalogue
                if not entry.obsolete and (not entry.translated() or "fuzzy" in entry.flags)
            ]
            if lagging:
                listed = "\n  ".join(msgid[:90] for msgid in lagging)
                problems.append(f"{app} ({language}): untranslated or fuzzy:\n  {listed}")
        return problems
