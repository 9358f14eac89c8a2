"""Where uploaded files live: two storage aliases, on the local disk or on S3-compatible buckets.

``STORAGES`` (built in the settings from environment variables) always has two aliases for
uploads:

- ``storages["default"]``, public media: logos, covers, pictures and their WebP renditions.
  On disk under ``MEDIA_ROOT`` (served under ``MEDIA_URL`` by nginx or, in development, by
  Django); on S3, public-read objects whose address is ``S3_PUBLIC_URL`` or the endpoint.
- ``storages["private"]``, files only some people may read (project documents, invoices,
  exports). On disk under ``PRIVATE_MEDIA_ROOT``, with no URL at all; on S3, a private bucket
  whose objects are only reachable through a short-lived signed address. Either way a
  private file is handed out only by a view that has checked the reader's rights, through
  ``download_response``.

Everything that reads or writes a file goes through the storage API (``open``, ``save``,
``delete``, ``exists``, ``listdir``), never through a path on the disk, so the same code
runs on one machine and on several app servers sharing buckets.
"""

from collections.abc import Iterator

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.db import transaction
from django.db.models import signals
from django.dispatch import receiver
from django.http import FileResponse, HttpResponseRedirect
from django.utils.deconstruct import deconstructible
from django.utils.functional import LazyObject, empty

PRIVATE_ALIAS = "private"
# How long a signed address of a private file stays valid: long enough for the browser to
# follow the redirect, too short to be worth sharing.
SIGNED_URL_SECONDS = 60


def s3_storages(
    *,
    bucket: str,
    private_bucket: str,
    endpoint_url: str = "",
    region: str = "",
    access_key: str = "",
    secret_key: str = "",
    public_url: str = "",
    public_acl: str = "",
) -> dict:
    """``STORAGES`` for an S3-compatible object store (read by the settings from S3_*).

    Public media go to ``bucket`` as public objects with plain, stable addresses (under
    ``public_url`` when a CDN or custom domain serves the bucket). The public bucket is made
    readable by a bucket policy (``manage.py create_buckets``), which every S3-compatible
    store understands; ``public_acl`` (e.g. ``public-read``) adds an ACL to each object for
    stores that rely on ACLs instead. Private files go to
    ``private_bucket``, whose objects are private and reachable only by signed addresses.
    """
    if not private_bucket or private_bucket == bucket:
        raise ImproperlyConfigured(
            "S3_BUCKET needs S3_PRIVATE_BUCKET: another bucket, for the private files."
        )
    common = {
        "endpoint_url": endpoint_url or None,
        "region_name": region or None,
        "access_key": access_key or None,
        "secret_key": secret_key or None,
        # A second upload of "logo.png" gets a new name instead of replacing the first.
        "file_overwrite": False,
        # Path-style addresses (endpoint/bucket/key) work with every S3-compatible server.
        "addressing_style": "path" if endpoint_url else None,
    }
    public = {
        **common,
        "bucket_name": bucket,
        "querystring_auth": False,
        "default_acl": public_acl or None,
        "object_parameters": {"CacheControl": "public, max-age=2592000"},
    }
    if public_url:
        scheme, _, rest = public_url.rstrip("/").partition("://")
        public |= {"url_protocol": f"{scheme}:", "custom_domain": rest}
    private = {
        **common,
        "bucket_name": private_bucket,
        "default_acl": "private",
        "querystring_auth": True,
        "querystring_expire": SIGNED_URL_SECONDS,
    }
    backend = "storages.backends.s3.S3Storage"
    return {
        "default": {"BACKEND": backend, "OPTIONS": public},
        PRIVATE_ALIAS: {"BACKEND": backend, "OPTIONS": private},
    }


def public_read_policy(bucket: str) -> dict:
    """The bucket policy that lets everyone read (only read) the objects of ``bucket``."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PublicReadOfMedia",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket}/*",
            }
        ],
    }


def s3_public_origins(
    *, bucket: str, endpoint_url: str = "", region: str = "", public_url: str = ""
):
    """The origins public media are served from, for the Content-Security-Policy's img-src."""
    if address := public_url or endpoint_url:
        scheme, _, rest = address.partition("://")
        return [f"{scheme}://{rest.split('/', 1)[0]}"]
    hosts = [f"{bucket}.s3.amazonaws.com", "s3.amazonaws.com"]
    if region:
        hosts += [f"{bucket}.s3.{region}.amazonaws.com", f"s3.{region}.amazonaws.com"]
    return [f"https://{host}" for host in hosts]


@deconstructible
class PrivateFileSystemStorage(FileSystemStorage):
    """A FileSystemStorage rooted at PRIVATE_MEDIA_ROOT (read when used) and without URLs."""

    def __init__(self, **kwargs):
        kwargs["base_url"] = None
        super().__init__(**kwargs)

    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def url(self, name):
        raise ValueError("Private files have no public address; use a download view.")


class _PrivateStorage(LazyObject):
    """``storages["private"]``, looked up when first used and again after STORAGES changes
    (a FileField keeps the storage it was given when its model class was built)."""

    def _setup(self):
        self._wrapped = storages[PRIVATE_ALIAS]


_private = _PrivateStorage()


def private_storage():
    """The storage of private files, for ``FileField(storage=private_storage)``.

    A callable: migrations record the reference ``core.storage.private_storage``, not the
    storage of the machine that made them.
    """
    return _private


@receiver(setting_changed)
def _forget_storages(*, setting, **kwargs):
    if setting in {"STORAGES", "MEDIA_ROOT", "PRIVATE_MEDIA_ROOT"}:
        _private._wrapped = empty


def delete_after_commit(storage, *names: str) -> None:
    """Delete the stored files ``names`` once the current transaction commits (at once
    outside a transaction), so a rolled-back change never loses the file it still uses."""
    names = [name for name in names if name]

    def delete():
        for name in names:
            storage.delete(name)

    if names:
        transaction.on_commit(delete)


def delete_files_with_rows(model, *field_names: str) -> None:
    """When a row of ``model`` is deleted (cascades included), delete its stored files of
    ``field_names`` once the transaction commits. Images use RenditionImageField, which
    already does this for the original and its renditions."""

    def delete_files(sender, instance, **kwargs):
        for field_name in field_names:
            if file := getattr(instance, field_name):
                delete_after_commit(file.storage, file.name)

    signals.post_delete.connect(delete_files, sender=model, weak=False)


def download_response(file, *, filename: str, content_type: str):
    """Hand a private file to a reader whose rights the calling view has just checked.

    On an object store, the answer is a redirect to a signed address of the object valid for
    SIGNED_URL_SECONDS, asking for an attachment with ``filename``: the bytes go from the
    bucket to the browser without holding an app server's worker for the whole transfer, and
    the address is useless a minute later. The redirect itself is ``private, no-store`` so no
    proxy keeps it. On the disk, where there is nothing to sign, the file is streamed.
    """
    storage = file.storage
    if hasattr(storage, "bucket_name"):  # django-storages' S3Storage
        url = storage.url(
            file.name,
            parameters={
                "ResponseContentDisposition": f'attachment; filename="{filename}"',
                "ResponseContentType": content_type,
            },
            expire=SIGNED_URL_SECONDS,
        )
        response = HttpResponseRedirect(url)
    else:
        response = FileResponse(
            storage.open(file.name, "rb"),
            as_attachment=True,
            filename=filename,
            content_type=content_type,
        )
    response["Cache-Control"] = "private, no-store"
    return response


def walk(storage, directory: str = "") -> Iterator[str]:
    """Every file name in ``storage`` under ``directory``, sorted, through ``listdir``."""
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:
        return
    prefix = f"{directory.rstrip('/')}/" if directory else ""
    for name in sorted(files):
        yield prefix + name
    for name in sorted(directories):
        yield from walk(storage, prefix + name)
