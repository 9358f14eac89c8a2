"""Names kept for the project's first migration, which refers to them.

Private files now live in ``storages["private"]`` (see ``core/storage.py``); a FileField of
private files uses ``storage=core.storage.private_storage``.
"""

from core.storage import PrivateFileSystemStorage as PrivateMediaStorage
from core.storage import private_storage as get_private_storage

__all__ = ["PrivateMediaStorage", "get_private_storage"]
