"""Backups of the whole portal in one archive, and their restoration.

An archive is an uncompressed ``.tar`` (the dump is already compressed, images too) holding:

- ``database.dump``: the PostgreSQL database in pg_dump's custom format (``pg_dump -Fc``);
- ``media/public/<name>`` and ``media/private/<name>``: every file of the two storages
  (``storages["default"]`` and ``storages["private"]``), read through the storage API, so the
  same archive comes from, and goes back to, the disk or an S3-compatible bucket;
- ``manifest.json``: when and from which code revision it was made, the row count of every
  table and the SHA-256 of the dump and of every file.

The row counts are taken in the very snapshot pg_dump reads (an exported snapshot), so they
describe exactly the dump. ``restore`` checks every checksum before it touches anything,
refuses a target that holds data unless told to replace it, loads the dump with
``pg_restore`` in one transaction, writes the files back and compares the row counts.
"""

import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import psycopg
from django.apps import apps
from django.conf import settings
from django.core.files import File
from psycopg import sql

from core.storage import walk

FORMAT = 1
MANIFEST = "manifest.json"
DUMP = "database.dump"
# Archive folder of each storage alias.
MEDIA = {"public": "default", "private": "private"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why and what to do."""


# The database ----------------------------------------------------------------------------


def database_params(settings_dict: dict) -> dict:
    """Connection parameters of a Django database (PostgreSQL only) for psycopg and libpq."""
    if "postgresql" not in settings_dict.get("ENGINE", ""):
        raise BackupError(
            "Backups and restores need PostgreSQL (pg_dump and pg_restore); this database "
            f"uses {settings_dict.get('ENGINE')}. Set DATABASE_URL=postgres://..."
        )
    params = {
        "dbname": settings_dict["NAME"],
        "user": settings_dict.get("USER") or None,
        "password": settings_dict.get("PASSWORD") or None,
        "host": settings_dict.get("HOST") or None,
        "port": str(settings_dict["PORT"]) if settings_dict.get("PORT") else None,
    }
    return {key: value for key, value in params.items() if value is not None}


def _libpq_env(params: dict) -> dict:
    names = {"dbname": "PGDATABASE", "user": "PGUSER", "password": "PGPASSWORD"}
    names |= {"host": "PGHOST", "port": "PGPORT"}
    return os.environ | {names[key]: value for key, value in params.items()}


def _tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client).")
    return path


def _check_tool_version(tool: str, connection) -> str:
    """Refuse a pg_dump/pg_restore older than the server: it could not read its catalogue."""
    tool_version = subprocess.run(
        [tool, "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    server_version = connection.execute("SHOW server_version").fetchone()[0]
    server_major = int(connection.execute("SHOW server_version_num").fetchone()[0]) // 10000
    match = re.search(r"\)\s+(\d+)", tool_version)  # "pg_dump (PostgreSQL) 15.20 (Debian...)"
    if match is None or int(match.group(1)) < server_major:
        raise BackupError(
            f"{tool_version} is older than the PostgreSQL server ({server_version}): install "
            "the client tools of the server's version."
        )
    return tool_version


def table_counts(connection) -> dict[str, int]:
    """The number of rows of every table of the current schema, by table name."""
    tables = connection.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1"
    ).fetchall()
    return {
        table: connection.execute(
            sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
        ).fetchone()[0]
        for (table,) in tables
    }


def portal_tables() -> set[str]:
    """The tables of the portal's own models (PORTAL_APPS), many-to-many tables included."""
    return {
        model._meta.db_table
        for label in settings.PORTAL_APPS
        for model in apps.get_app_config(label.rsplit(".", 1)[-1]).get_models(
            include_auto_created=True
        )
    }


# Files -----------------------------------------------------------------------------------


def _media_storages() -> dict:
    from django.core.files.storage import storages

    return {folder: storages[alias] for folder, alias in MEDIA.items()}


class _HashingReader:
    """A file object that computes the SHA-256 of what is read through it."""

    def __init__(self, stream):
        self.stream, self.digest, self.size = stream, hashlib.sha256(), 0

    def read(self, size=-1):
        data = self.stream.read(size)
        self.digest.update(data)
        self.size += len(data)
        return data


def _sha256(stream) -> str:
    digest = hashlib.sha256()
    while chunk := stream.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def _git_revision() -> str:
    if revision := os.environ.get("GIT_REVISION", ""):
        return revision
    try:
        result = subprocess.run(
            ["git", "-C", str(settings.BASE_DIR), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""


# Backup ----------------------------------------------------------------------------------


def archive_name(moment: datetime) -> str:
    return f"portal-backup-{moment:%Y%m%d-%H%M%S}.tar"


@contextmanager
def _exported_snapshot(params: dict):
    """A repeatable-read transaction whose snapshot pg_dump can share (``--snapshot``)."""
    with psycopg.connect(**params) as connection:
        connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        snapshot = connection.execute("SELECT pg_export_snapshot()").fetchone()[0]
        yield connection, snapshot
        connection.rollback()


def backup(settings_dict: dict, target: Path, *, log=lambda message: None) -> Path:
    """Write the archive of the database ``settings_dict`` and of both storages.

    ``target`` is the archive's path when it ends in ``.tar``, otherwise a directory (made if
    needed) where the archive gets a dated name.
    The archive is written under a temporary name and renamed when complete, so a failed
    backup never leaves something that looks like an archive.
    """
    params = database_params(settings_dict)
    pg_dump = _tool("pg_dump")
    moment = datetime.now(UTC)
    path = target if target.suffix == ".tar" else target / archive_name(moment)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    manifest = {
        "format": FORMAT,
        "created_at": moment.isoformat(timespec="seconds"),
        "git_revision": _git_revision(),
        "database": {},
        "tables": {},
        "files": {folder: {} for folder in MEDIA},
    }
    try:
        with tarfile.open(partial, "w") as archive, tempfile.TemporaryDirectory() as work:
            with _exported_snapshot(params) as (connection, snapshot):
                tool_version = _check_tool_version(pg_dump, connection)
                dump = Path(work) / DUMP
                log(f"Dumping the database {params['dbname']}...")
                result = subprocess.run(
                    [pg_dump, "--format=custom", f"--snapshot={snapshot}", f"--file={dump}"],
                    env=_libpq_env(params),
                    capture_output=True,
                    text=True,
                )
                if result.returncode:
                    raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
                manifest["tables"] = table_counts(connection)
                server = connection.execute("SHOW server_version").fetchone()[0]
            with dump.open("rb") as stream:
                manifest["database"] = {
                    "file": DUMP,
                    "sha256": _sha256(stream),
                    "size": dump.stat().st_size,
                    "server_version": server,
                    "pg_dump": tool_version,
                }
            archive.add(dump, arcname=DUMP)
            for folder, storage in _media_storages().items():
                for name in walk(storage):
                    manifest["files"][folder][name] = _add_file(archive, storage, folder, name)
                log(f"{len(manifest['files'][folder])} {folder} files archived.")
            _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=2).encode())
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def _add_file(archive: tarfile.TarFile, storage, folder: str, name: str) -> dict:
    info = tarfile.TarInfo(f"media/{folder}/{name}")
    info.size = storage.size(name)
    with storage.open(name, "rb") as stream:
        reader = _HashingReader(stream)
        archive.addfile(info, reader)
    if reader.size != info.size:
        raise BackupError(f"{folder} file {name} changed while it was being archived.")
    return {"sha256": reader.digest.hexdigest(), "size": reader.size}


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))


# Restore ---------------------------------------------------------------------------------


def read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(archive.extractfile(MANIFEST))
    except (KeyError, ValueError):
        raise BackupError("This is not a portal backup: it has no readable manifest.") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def _expected(manifest: dict) -> Iterator[tuple[str, str]]:
    """(member name in the archive, expected SHA-256) of the dump and every file."""
    yield DUMP, manifest["database"]["sha256"]
    for folder, files in manifest["files"].items():
        for name, facts in files.items():
            yield f"media/{folder}/{name}", facts["sha256"]


def verify(archive: tarfile.TarFile, manifest: dict) -> None:
    """Raise BackupError unless the dump and every file match the manifest's checksums."""
    for member, sha256 in _expected(manifest):
        try:
            stream = archive.extractfile(member)
        except KeyError:
            stream = None
        if stream is None:
            raise BackupError(f"The archive is damaged: {member} is missing. Nothing was restored.")
        found = _sha256(stream)
        if found != sha256:
            raise BackupError(
                f"The archive is damaged: the checksum of {member} does not match the manifest "
                f"(expected {sha256}, found {found}). Nothing was restored."
            )


def target_contents(params: dict) -> list[str]:
    """What the target database and storages already hold, one line per place (empty: none)."""
    found = []
    with psycopg.connect(**params) as connection:
        counts = table_counts(connection)
    busy = {table: rows for table, rows in counts.items() if table in portal_tables() and rows}
    if busy:
        examples = ", ".join(f"{table} ({rows})" for table, rows in sorted(busy.items())[:5])
        found.append(f"the database has rows in {len(busy)} portal tables: {examples}")
    for folder, storage in _media_storages().items():
        if next(walk(storage), None) is not None:
            found.append(f"the {folder} storage holds files")
    return found


def restore(settings_dict: dict, path: Path, *, replace: bool = False, log=lambda m: None):
    """Load the archive ``path`` into the database ``settings_dict`` and the two storages.

    Returns the manifest. Raises BackupError, before changing anything, when the archive is
    damaged or when the target holds data and ``replace`` is false.
    """
    params = database_params(settings_dict)
    pg_restore = _tool("pg_restore")
    try:
        archive = tarfile.open(path, "r")
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"Cannot read {path}: {error}") from None
    with archive, tempfile.TemporaryDirectory() as work:
        manifest = read_manifest(archive)
        log("Checking the checksums of the archive...")
        verify(archive, manifest)
        if (found := target_contents(params)) and not replace:
            raise BackupError(
                "The target is not empty: "
                + "; ".join(found)
                + ". Restore into a new database (createdb, without migrate) and empty "
                "storage, or pass --replace to overwrite them."
            )
        with psycopg.connect(**params) as connection:
            _check_tool_version(pg_restore, connection)
        dump = Path(work) / DUMP
        with archive.extractfile(DUMP) as source, dump.open("wb") as copy:
            shutil.copyfileobj(source, copy, CHUNK)
        log(f"Restoring the database {params['dbname']}...")
        result = subprocess.run(
            [pg_restore, "--no-owner", "--no-acl", "--clean", "--if-exists",
             "--single-transaction", "--exit-on-error", f"--dbname={params['dbname']}", str(dump)],
            env=_libpq_env(params),
            capture_output=True,
            text=True,
        )  # fmt: skip
        if result.returncode:
            raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
        _restore_files(archive, manifest, replace=replace, log=log)
    with psycopg.connect(**params) as connection:
        counts = table_counts(connection)
    differences = {
        table: (rows, counts.get(table))
        for table, rows in manifest["tables"].items()
        if counts.get(table) != rows
    }
    if differences:
        raise BackupError(f"Row counts differ after the restore (expected, found): {differences}")
    return manifest


def _restore_files(archive: tarfile.TarFile, manifest: dict, *, replace: bool, log) -> None:
    for folder, storage in _media_storages().items():
        if replace:
            for name in list(walk(storage)):
                storage.delete(name)
        files = manifest["files"][folder]
        for name in files:
            with archive.extractfile(f"media/{folder}/{name}") as stream:
                saved = storage.save(name, File(stream, name=name))
            if saved != name:
                raise BackupError(f"The {folder} file {name} was stored as {saved}.")
        log(f"{len(files)} {folder} files restored.")
