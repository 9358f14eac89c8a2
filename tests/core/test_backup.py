"""Backup and restore: a round trip into a fresh database and fresh storages is identical.

The backup runs in the test process; the restore runs `manage.py restore` in a subprocess
configured, as in production, by environment variables that name a new database and new
directories or buckets.
"""

import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import uuid

import psycopg
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from PIL import Image

from core.backup import BackupError, database_params, table_counts
from core.storage import walk
from projects.models import ProjectDocument
from tests.factories import ArticleFactory
from tests.members.factories import MembershipFactory, OrganisationFactory
from tests.projects.factories import ProjectFactory


def backup_test(test):
    """PostgreSQL, with committed rows: pg_dump, in another process, sees nothing else."""
    return pytest.mark.postgres(pytest.mark.django_db(transaction=True)(test))


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png(colour: str) -> ContentFile:
    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), colour).save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name="logo.png")


@pytest.fixture
def portal_data(django_capture_on_commit_callbacks):
    """Rows in many tables, public images with renditions and private documents."""
    with django_capture_on_commit_callbacks(execute=True):
        for colour in ("#0b63a8", "#d94f00"):
            organisation = OrganisationFactory(logo=png(colour))
            MembershipFactory(organisation=organisation)
            project = ProjectFactory(coordinator=organisation)
            document = ProjectDocument(project=project, title="Accord")
            document.file.save("accord.pdf", ContentFile(PDF), save=False)
            document.save()
        ArticleFactory()


def params(name: str | None = None) -> dict:
    values = database_params(connection.settings_dict)
    return values | {"dbname": name} if name else values


def counts(name: str | None = None) -> dict[str, int]:
    with psycopg.connect(**params(name)) as db:
        return table_counts(db)


def digests() -> dict[str, dict[str, str]]:
    """SHA-256 of every file of both storages, read through the storage API."""
    from django.core.files.storage import storages

    result = {}
    for alias in ("default", "private"):
        storage = storages[alias]
        result[alias] = {}
        for name in walk(storage):
            with storage.open(name, "rb") as stream:
                result[alias][name] = hashlib.sha256(stream.read()).hexdigest()
    return result


@pytest.fixture
def fresh_database():
    """A new, empty PostgreSQL database (not migrated), dropped after the test."""
    name = f"{connection.settings_dict['NAME']}_restore_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(**params("postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(**params("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(*args: str, database: str, storage: dict[str, str]) -> subprocess.CompletedProcess:
    db = connection.settings_dict
    url = (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{database}"
    )
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("S3_", "DJANGO_SETTINGS", "MEDIA_ROOT", "PRIVATE_MEDIA_ROOT"))
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment | {"DATABASE_URL": url, "DEBUG": "true"} | storage,
        capture_output=True,
        text=True,
        timeout=300,
    )


def round_trip(tmp_path, fresh_database, target_storage: dict[str, str]):
    source_counts, source_files = counts(), digests()
    assert source_files["default"] and source_files["private"]

    call_command("backup", str(tmp_path / "backups"), verbosity=0)
    (archive,) = (tmp_path / "backups").glob("portal-backup-*.tar")
    restored = manage("restore", str(archive), database=fresh_database, storage=target_storage)

    assert restored.returncode == 0, restored.stderr
    assert "checksums and row counts match" in restored.stdout
    assert counts(fresh_database) == source_counts
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["tables"] == source_counts
    assert manifest["git_revision"]
    return archive, source_files


@backup_test
def test_round_trip_on_the_disk(settings, tmp_path, portal_data, fresh_database):
    target = {
        "MEDIA_ROOT": str(tmp_path / "restored-media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "restored-private"),
    }
    archive, source_files = round_trip(tmp_path, fresh_database, target)

    settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = (
        tmp_path / "restored-media",
        tmp_path / "restored-private",
    )
    assert digests() == source_files

    # The restored target now holds data: a second restore is refused, unless --replace.
    again = manage("restore", str(archive), database=fresh_database, storage=target)
    assert again.returncode == 1
    assert "The target is not empty" in again.stderr and "--replace" in again.stderr
    (tmp_path / "restored-media" / "stray.txt").write_bytes(b"not in the backup")
    replaced = manage("restore", str(archive), "--replace", database=fresh_database, storage=target)
    assert replaced.returncode == 0, replaced.stderr
    assert digests() == source_files  # the stray file is gone
    assert counts(fresh_database) == counts()


@backup_test
@pytest.mark.s3
def test_round_trip_on_s3(settings, s3, tmp_path, portal_data, fresh_database):
    restored = s3.create_buckets(prefix="restored")  # the source buckets stay in STORAGES
    archive, source_files = round_trip(tmp_path, fresh_database, s3.environment())

    settings.STORAGES = settings.STORAGES | restored
    assert digests() == source_files


@backup_test
def test_restore_refuses_a_database_with_portal_rows(tmp_path, portal_data):
    call_command("backup", str(tmp_path), verbosity=0)
    (archive,) = tmp_path.glob("*.tar")
    before = counts()

    with pytest.raises(CommandError, match="The target is not empty: the database has rows"):
        call_command("restore", str(archive), verbosity=0)
    assert counts() == before


@backup_test
def test_a_damaged_archive_is_refused_before_anything_is_touched(tmp_path, portal_data):
    call_command("backup", str(tmp_path / "good.tar"), verbosity=0)
    with (
        tarfile.open(tmp_path / "good.tar") as good,
        tarfile.open(tmp_path / "bad.tar", "w") as bad,
    ):
        for member in good.getmembers():
            data = good.extractfile(member).read()
            if member.name.startswith("media/private/"):
                data = data.replace(b"%%EOF", b"%%EOX")
            bad.addfile(member, io.BytesIO(data))
    before, files = counts(), digests()

    with pytest.raises(CommandError, match="damaged: the checksum of media/private/projects/"):
        call_command("restore", str(tmp_path / "bad.tar"), "--replace", verbosity=0)
    assert counts() == before
    assert digests() == files


def test_backups_need_postgresql():
    with pytest.raises(BackupError, match="need PostgreSQL"):
        database_params({"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"})
