"""Where files are kept: ``storages["default"]`` for public media, ``storages["private"]``
for files only some people may read (project documents, invoices, exports)."""

from django.core.files.storage import storages


def private_storage():
    """The storage of private files (a callable, for ``FileField(storage=...)``)."""
    return storages["private"]
