"""Where private files live (invoices, project documents, exports): ``storages["private"]``,
never served by URL; only the portal's permission-checking views read them."""

from django.core.files.storage import storages


def private_storage():
    """The private storage, as a callable for ``FileField(storage=...)`` (so migrations do
    not freeze the backend)."""
    return storages["private"]
