"""One stylesheet per page: ``css/portal.css``, the concatenation of the portal's CSS files.

A page that links seven stylesheets makes seven render-blocking requests. This static
files finder offers one more file, ``settings.CSS_BUNDLE["name"]``, made of the files listed
in ``settings.CSS_BUNDLE["parts"]`` (found by the other finders), in that order. It writes
the bundle under ``BUILD_DIR`` whenever a part is newer, so ``runserver``, the test
server and ``collectstatic`` (which then hashes and compresses it like any other file) all
serve the current CSS without a build step. Source map comments are left out (the bundle
has no map).
"""

import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage

# Source map comments (the bundle has no map) and @charset rules (only valid first).
DROPPED = re.compile(r"/\*# sourceMappingURL=[^*]*\*/|@charset \"[^\"]*\";")


def build_dir() -> Path:
    return Path(settings.BASE_DIR) / "build" / "static-bundle"


def _parts() -> list[Path]:
    paths = []
    for name in settings.CSS_BUNDLE["parts"]:
        found = None
        for finder in finders.get_finders():
            if isinstance(finder, BundleFinder):
                continue
            found = finder.find(name)
            if found:
                break
        if not found:
            raise FileNotFoundError(f"CSS_BUNDLE part not found by the static finders: {name}")
        paths.append(Path(found))
    return paths


def build() -> Path:
    """Write the bundle if it is missing or older than one of its parts; return its path."""
    target = build_dir() / settings.CSS_BUNDLE["name"]
    parts = _parts()
    newest = max(part.stat().st_mtime for part in parts)
    if target.exists() and target.stat().st_mtime >= newest:
        return target
    chunks = [
        f"/* {name} */\n" + DROPPED.sub("", part.read_text(encoding="utf-8")).strip()
        for name, part in zip(settings.CSS_BUNDLE["parts"], parts, strict=True)
    ]
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(".tmp")
    temporary.write_text("\n".join(chunks) + "\n", encoding="utf-8")
    temporary.replace(target)  # atomic: a concurrent reader sees the old or the new file
    return target


class BundleFinder(BaseFinder):
    def find(self, path, find_all=False, **kwargs):
        if path != settings.CSS_BUNDLE["name"]:
            return [] if find_all else None
        found = str(build())
        return [found] if find_all else found

    def list(self, ignore_patterns):
        build()
        yield settings.CSS_BUNDLE["name"], FileSystemStorage(location=str(build_dir()))
