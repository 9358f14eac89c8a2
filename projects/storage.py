"""Storage of the files only a project's consortium and staff may read.

They live under ``settings.PRIVATE_MEDIA_ROOT``, outside ``MEDIA_ROOT``, and have no URL: the
only way to read one is the permission-checking download view.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible
class PrivateMediaStorage(FileSystemStorage):
    """A FileSystemStorage rooted at PRIVATE_MEDIA_ROOT (read when used) and without URLs."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public address; use the download view.")


private_storage = PrivateMediaStorage()


def get_private_storage():
    return private_storage
